import { Worker } from 'node:worker_threads';
import type { BuildResult } from 'esbuild';
/** esbuild's bundle of a worker's TypeScript entry, one CommonJS script (a test checks it bundles without warnings). */
export declare function bundleWorker(entry: URL): Promise<BuildResult<{
    write: false;
}>>;
/**
 * Boots `count` workers of the module `entry` names without its extension, relative to
 * `base` (the caller's `import.meta.url`): `./worker` runs `worker.js` beside a compiled
 * caller and `worker.ts` (bundled) beside a TypeScript one.
 */
export declare function bootWorkers(base: string, entry: string, count: number): Promise<Worker[]>;
//# sourceMappingURL=threads.d.ts.map