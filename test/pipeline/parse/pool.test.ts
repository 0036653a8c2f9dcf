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
    expect(workerCount('auto', { files: 10_000, bytes: 1e9 }, 1, 0)).toBe(0);
    expect(workerCount('auto', { files: two.files - 1, bytes: 1e9 }, 2, 0)).toBe(0);
    expect(workerCount('auto', { files: two.files, bytes: two.bytes - 1 }, 2, 0)).toBe(0);
    expect(workerCount('auto', { files: two.files, bytes: two.bytes }, 2, 0)).toBe(1);
    expect(workerCount('auto', { files: 357, bytes: 9_600_000 }, 2, 0)).toBe(1); // the real corpus on two cores
    const eight = workerThreshold(8);
    expect(workerCount('auto', { files: eight.files, bytes: 3_000_000 }, 8, 0)).toBe(2);
    expect(workerCount('auto', { files: eight.files, bytes: 1e9 }, 8, 0)).toBe(4);
    expect(workerCount('auto', { files: eight.files, bytes: 1e9 }, 3, 0)).toBe(2);
  });

  it('auto: none while the load average reaches the core count (the other jobs keep every core busy)', () => {
    const work = { files: 357, bytes: 9_600_000 };
    expect(workerCount('auto', work, 2, 1.9)).toBe(1);
    expect(workerCount('auto', work, 2, 2)).toBe(0);
    expect(workerCount('auto', work, 8, 7.5)).toBe(4);
    expect(workerCount('auto', work, 8, 8)).toBe(0);
    expect(workerCount(2, work, 2, 10)).toBe(2); // a number is taken as is
  });

  it('before the sizes are known, decides from the file count alone', () => {
    expect(workerCount('auto', { files: workerThreshold(2).files }, 2, 0)).toBe(1);
    expect(workerCount('auto', { files: workerThreshold(8).files }, 8, 0)).toBe(4);
    expect(workerCount('auto', { files: 1 }, 8, 0)).toBe(0);
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
