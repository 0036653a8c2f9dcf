/**
 * Worker threads from the project's own modules, booted one way for every kind (the parse
 * workers: pipeline/parse/pool.ts; the feeds thread: pipeline/feeds/thread.ts). Compiled
 * (dist/), a worker runs the JavaScript beside its caller. From source (tests, tsx), the
 * TypeScript entry is bundled by esbuild once per process and entry, since Node 20 does not
 * pass tsx's loader hooks to worker threads; when bundling fails, it boots through tsx
 * (pipeline/worker-boot.mjs), which is slower (about 0.6 s against 0.2 s for the parse worker).
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BuildResult } from 'esbuild';

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

/**
 * Boots `count` workers of the module `entry` names without its extension, relative to
 * `base` (the caller's `import.meta.url`): `./worker` runs `worker.js` beside a compiled
 * caller and `worker.ts` (bundled) beside a TypeScript one.
 */
export async function bootWorkers(base: string, entry: string, count: number): Promise<Worker[]> {
  if (base.endsWith('.js')) {
    const script = new URL(`${entry}.js`, base);
    return Array.from({ length: count }, () => new Worker(script));
  }
  const source = new URL(`${entry}.ts`, base);
  const code = await bundled(source);
  return Array.from({ length: count }, () => {
    if (code !== null) return new Worker(code, { eval: true });
    return new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { entry: source.href } });
  });
}
