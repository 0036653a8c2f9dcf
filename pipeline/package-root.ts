/**
 * The package's root folder: the nearest folder above this module that holds a package.json.
 * The same answer whether the pipeline runs from its TypeScript sources (`pipeline/…`) or from
 * the compiled JavaScript (`dist/pipeline/…`, which has no package.json of its own), so that
 * files read at run time (package.json, the page's sources under src/page/) are found from both.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder at or above `from` holding a package.json; throws when there is none. */
export function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** Absolute path of this package's root folder. */
export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));
