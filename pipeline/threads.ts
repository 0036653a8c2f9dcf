/**
 * Worker threads from the project's own modules, booted one way for every kind (the parse
 * workers: pipeline/parse/pool.ts; the feeds thread: pipeline/feeds/thread.ts). Compiled
 * (dist/), a worker runs its entry's bundled module (pipeline/build.mjs `APP_BUNDLES`). From source
 * (tests, tsx), the TypeScript entry is bundled by esbuild once per process and entry, since
 * Node 20 does not pass tsx's loader hooks to worker threads; when bundling fails, it boots
 * through tsx (pipeline/worker-boot.mjs), which is slower (about 0.6 s against 0.2 s for the
 * parse worker).
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BuildResult } from 'esbuild';
import { PACKAGE_ROOT } from './package-root.ts';

/** esbuild's bundle of a worker's TypeScript entry, one CommonJS script (a test checks it bundles without warnings). */
export async function bundleWorker(entry: URL): Promise<BuildResult<{ write: false }>> {
  const { build } = await import('esbuild');
  return build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
}

/** Bundled scripts by entry URL, built once per process; null when bundling failed. */
const bundles = new Map<string, Promise<string | null>>();

function bundled(entry: URL): Promise<string | null> {
  let found = bundles.get(entry.href);
  if (!found) {
    found = bundleWorker(entry)
      .then((result) => result.outputFiles[0]?.text ?? null)
      .catch(() => null);
    bundles.set(entry.href, found);
  }
  return found;
}

/** True when this module runs compiled (dist/, or a bundle of it), not from its TypeScript source. */
const COMPILED = import.meta.url.endsWith('.js');

/**
 * Boots `count` workers of the entry `entry` (its path from the package root, without the
 * extension: `pipeline/feeds/worker`): compiled, its bundled module (`dist/bundle/<entry>.js`);
 * from source, `<entry>.ts` bundled here.
 */
export async function bootWorkers(entry: string, count: number): Promise<Worker[]> {
  if (COMPILED) {
    const script = pathToFileURL(path.join(PACKAGE_ROOT, 'dist', 'bundle', `${entry}.js`));
    return Array.from({ length: count }, () => new Worker(script));
  }
  const source = pathToFileURL(path.join(PACKAGE_ROOT, `${entry}.ts`));
  const code = await bundled(source);
  return Array.from({ length: count }, () => {
    if (code !== null) return new Worker(code, { eval: true });
    return new Worker(pathToFileURL(path.join(PACKAGE_ROOT, 'pipeline', 'worker-boot.mjs')), { workerData: { entry: source.href } });
  });
}
