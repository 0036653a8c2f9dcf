/** The parse worker pool: the one worker-count rule, the worker bundle, booting ahead and closing. */
import { describe, expect, it } from 'vitest';
import { bundleParseWorker, ParseWorkers, workerCount, workerThreshold } from '../../../pipeline/parse/pool.ts';

describe('workerCount', () => {
  it('takes a number option as is (floored, at least 0)', () => {
    expect(workerCount(3, { files: 1, bytes: 1 })).toBe(3);
    expect(workerCount(2.7, { files: 1 })).toBe(2);
    expect(workerCount(-1, { files: 1 })).toBe(0);
  });

  it('auto: none on one core or below the threshold, else one per 1.5 MB, at most 4 and one per core besides the main thread', () => {
    const two = workerThreshold(2);
    expect(two).toEqual({ bytes: 24_000_000, files: 800 });
    expect(workerCount('auto', { files: 10_000, bytes: 1e9 }, 1)).toBe(0);
    expect(workerCount('auto', { files: two.files - 1, bytes: 1e9 }, 2)).toBe(0);
    expect(workerCount('auto', { files: two.files, bytes: two.bytes - 1 }, 2)).toBe(0);
    expect(workerCount('auto', { files: two.files, bytes: two.bytes }, 2)).toBe(1);
    expect(workerCount('auto', { files: 357, bytes: 9_600_000 }, 2)).toBe(0); // the real corpus on two cores: main thread only
    expect(workerCount('auto', { files: 3_570, bytes: 96_000_000 }, 2)).toBe(1); // 10x on two cores
    const eight = workerThreshold(8);
    expect(eight).toEqual({ bytes: 2_000_000, files: 64 });
    expect(workerCount('auto', { files: eight.files, bytes: 3_000_000 }, 8)).toBe(2);
    expect(workerCount('auto', { files: eight.files, bytes: 1e9 }, 8)).toBe(4);
    expect(workerCount('auto', { files: 357, bytes: 9_600_000 }, 4)).toBe(3);
  });

  it('before the sizes are known, decides from the file count alone', () => {
    expect(workerCount('auto', { files: workerThreshold(2).files }, 2)).toBe(1);
    expect(workerCount('auto', { files: workerThreshold(8).files }, 8)).toBe(4);
    expect(workerCount('auto', { files: 1 }, 8)).toBe(0);
  });
});

describe('ParseWorkers', () => {
  it('bundles its worker into one script without warnings (else workers boot through tsx, slower)', async () => {
    const result = await bundleParseWorker();
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.outputFiles).toHaveLength(1);
    expect(result.outputFiles[0]!.text).toContain('parentPort');
  });

  it('uses no more workers than were booted ahead, and closes any number of times', async () => {
    const pool = new ParseWorkers(1);
    pool.startAhead(100);
    expect(await pool.countFor(100, 1e9)).toBe(1);
    await pool.close();
    await pool.close();
    expect(await new ParseWorkers(0).countFor(100, 1e9)).toBe(0);
  }, 30_000);
});
