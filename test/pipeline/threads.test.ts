/** Worker threads from the project's modules: the feeds worker bundles cleanly, and a worker booted from source answers. */
import { describe, expect, it } from 'vitest';
import { bootWorkers, bundleWorker } from '../../pipeline/threads.ts';

describe('bundleWorker', () => {
  it('bundles the feeds thread into one script without warnings', async () => {
    const result = await bundleWorker(new URL('../../pipeline/feeds/worker.ts', import.meta.url));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.outputFiles).toHaveLength(1);
    expect(result.outputFiles[0]!.text).toContain('parentPort');
  });
});

describe('bootWorkers', () => {
  it('boots a TypeScript worker from source (bundled), which answers', async () => {
    // As pipeline/feeds/thread.ts boots it: the entry's path from the package root.
    const [worker] = await bootWorkers('pipeline/feeds/worker', 1);
    try {
      const answer = new Promise<{ type: string; message?: string }>((resolve) => worker!.once('message', resolve));
      worker!.postMessage({ type: 'unused' }); // before `start`: the worker answers with an error
      expect(await answer).toMatchObject({ type: 'error' });
    } finally {
      await worker!.terminate();
    }
  });
});
