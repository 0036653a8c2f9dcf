/**
 * The pipeline version: the package version plus a fingerprint of the code that produces the
 * output (src/ and pipeline/). Part of every cache key, so editing the parser invalidates
 * cached results instead of serving stale ones.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fg from 'fast-glob';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function readPackageVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

export const PACKAGE_VERSION = readPackageVersion();

let fingerprint: string | undefined;

/** sha256 (12 hex) over the sorted source files of src/ and pipeline/ (computed once per process). */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const files = fg
    .sync(['src/**/*.ts', 'pipeline/**/*.ts', 'package-lock.json'], { cwd: ROOT, onlyFiles: true })
    .sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file).update('\0').update(readFileSync(path.join(ROOT, file))).update('\0');
  }
  fingerprint = hash.digest('hex').slice(0, 12);
  return fingerprint;
}

/** "0.1.0+1a2b3c4d5e6f". */
export function pipelineVersion(): string {
  return `${PACKAGE_VERSION}+${codeFingerprint()}`;
}
