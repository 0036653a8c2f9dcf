/**
 * The parse workers: how many to use (`workerCount`, the one rule), their script (booted by
 * pipeline/threads.ts: compiled beside this module, or bundled from source), and a pool that can be booted ahead of the parse step, so that
 * the workers' boot overlaps reading the inputs on a cold run. The main thread parses too while
 * the workers run (`ParseWorkers#run` with a local handler): workers are added to it, not
 * instead of it.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { bootWorkers, bundleWorker } from '../threads.ts';
import type { ParseAnswer, ParseJob } from './worker.ts';

/** The workers option: 'auto' decides from the amount of work, a number is a fixed count (0 = main thread only). */
export type WorkersOption = number | 'auto';

/**
 * Bytes and files to parse before a worker thread pays off. The main thread parses alongside
 * the workers and both analyze the papers for the index while parsing, so a worker takes a
 * share of parsing and analysis. A worker boots in about 0.1 s of CPU and then warms up its own
 * JIT. On this project's two-core machine two threads at once do only about 1.2 to 1.46 times
 * the work of one: on the real corpus (9.6 MB, 357 files), cold, quiet machine, three
 * interleaved pairs, one worker beside the main thread took 9.72 / 10.26 / 9.83 s wall and
 * 16.2 / 17.2 / 16.4 s of CPU against 9.61 / 9.69 / 9.67 s and 13.0 / 13.3 / 13.1 s on the main
 * thread alone (docs/benchmarks.md, "Parse workers on two cores"). So on two or three cores the
 * workers start only at 10x that size, where the 10x corpus showed them winning; with four or
 * more cores, from 2 MB.
 */
export function workerThreshold(cores = availableParallelism()): { bytes: number; files: number } {
  return cores >= 4 ? { bytes: 2_000_000, files: 64 } : { bytes: 24_000_000, files: 800 };
}

/**
 * How many parse workers to use, next to the main thread, for `files` inputs of `bytes` bytes in
 * all (unknown before the inputs are read: only the file count decides then). A number option
 * is taken as is (floored, at least 0). 'auto': none on one core or below `workerThreshold`,
 * else one per 1.5 MB of input, at most 4 and at most one per core besides the main thread's.
 */
export function workerCount(option: WorkersOption, work: { files: number; bytes?: number }, cores = availableParallelism()): number {
  if (typeof option === 'number') return Math.max(0, Math.floor(option));
  const threshold = workerThreshold(cores);
  const bytes = work.bytes ?? Infinity;
  if (cores < 2 || work.files < threshold.files || bytes < threshold.bytes) return 0;
  return Math.min(cores - 1, 4, Math.ceil(bytes / 1_500_000));
}

/** esbuild's bundle of the parse worker, one CommonJS script (exported for a test: it must bundle without warnings). */
export function bundleParseWorker(): ReturnType<typeof bundleWorker> {
  return bundleWorker(new URL('./worker.ts', import.meta.url));
}

function boot(count: number): Promise<Worker[]> {
  return bootWorkers('pipeline/parse/worker', count);
}

/**
 * The parse workers of one run: booted ahead (`startAhead`) or when the parse step runs them
 * (`run`), and closed when it is done. The owner closes them too, in case the parse step never
 * ran (`close` may be called any number of times).
 */
export class ParseWorkers {
  private ready: Promise<Worker[]> | null = null;
  /** Whether the main thread parses too while the workers run (the parse step's choice; tests turn it off to give the workers every file). */
  readonly mainThread: boolean;

  constructor(
    readonly option: WorkersOption = 'auto',
    options: { mainThread?: boolean } = {},
  ) {
    this.mainThread = options.mainThread ?? true;
  }

  /** Boots the workers a run over `files` inputs will likely use, before their sizes are known. */
  startAhead(files: number): void {
    const count = workerCount(this.option, { files });
    if (count > 0) this.start(count);
  }

  private start(count: number): Promise<Worker[]> {
    this.ready = boot(count);
    this.ready.catch(() => undefined); // surfaced by `run`
    return this.ready;
  }

  /** How many workers to parse these jobs with (`workerCount`, and no more than were booted ahead). */
  async countFor(jobs: number, bytes: number): Promise<number> {
    const count = workerCount(this.option, { files: jobs, bytes });
    return this.ready ? Math.min(count, (await this.ready).length) : count;
  }

  /**
   * Parses `jobs` in `count` workers (booting them unless they were booted ahead), two jobs in
   * flight per worker (four when the main thread parses too); `onAnswer` gets each answer and the index of its worker, in whatever order
   * they come. With `local` (and `mainThread` on), the main thread takes jobs from the same queue and handles them
   * itself (synchronously, one at a time, giving the event loop a turn after each so that the
   * workers' answers are taken in and they get new jobs). The workers are closed when done.
   */
  async run(
    jobs: readonly ParseJob[],
    count: number,
    onAnswer: (answer: ParseAnswer, worker: number) => void,
    local?: (job: ParseJob) => void,
  ): Promise<void> {
    let next = 0;
    const onMainToo = local !== undefined && this.mainThread;
    // Jobs in flight per worker: two keep it busy while an answer travels back; four when the
    // main thread parses too, since it takes the answers in (and refills) only between its files.
    const depth = onMainToo ? 4 : 2;
    const feed = (worker: Worker, index: number): Promise<void> =>
      new Promise<void>((resolve, reject) => {
        let inFlight = 0;
        const send = (): void => {
          while (inFlight < depth && next < jobs.length) {
            worker.postMessage(jobs[next++]!);
            inFlight++;
          }
          if (inFlight === 0) resolve();
        };
        worker.on('message', (answer: ParseAnswer) => {
          inFlight--;
          onAnswer(answer, index);
          send();
        });
        worker.once('error', reject);
        worker.once('exit', (code) => {
          if (inFlight > 0 || next < jobs.length) reject(new Error(`parse worker exited with code ${code}`));
        });
        send();
      });
    const onMain = async (): Promise<void> => {
      if (!onMainToo) return;
      while (next < jobs.length) {
        local!(jobs[next++]!);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    };
    try {
      // The main thread starts at once; the workers take jobs as soon as they are booted.
      const fed = (this.ready ?? this.start(count)).then((workers) => Promise.all(workers.slice(0, count).map(feed)));
      await Promise.all([fed, onMain()]);
    } finally {
      await this.close();
    }
  }

  /** Terminates the workers (a live worker keeps the process up); safe to call more than once. */
  async close(): Promise<void> {
    const ready = this.ready;
    this.ready = null; // a later `run` boots workers of its own
    const workers = ready ? await ready.catch(() => [] as Worker[]) : [];
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
