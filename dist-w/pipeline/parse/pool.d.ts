import { bundleWorker } from '../threads.ts';
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
export declare function workerThreshold(cores?: number): {
    bytes: number;
    files: number;
};
/**
 * How many parse workers to use, next to the main thread, for `files` inputs of `bytes` bytes in
 * all (unknown before the inputs are read: only the file count decides then). A number option
 * is taken as is (floored, at least 0). 'auto': none on one core or below `workerThreshold`,
 * else one per 1.5 MB of input, at most 4 and at most one per core besides the main thread's.
 */
export declare function workerCount(option: WorkersOption, work: {
    files: number;
    bytes?: number;
}, cores?: number): number;
/** esbuild's bundle of the parse worker, one CommonJS script (exported for a test: it must bundle without warnings). */
export declare function bundleParseWorker(): ReturnType<typeof bundleWorker>;
/**
 * The parse workers of one run: booted ahead (`startAhead`) or when the parse step runs them
 * (`run`), and closed when it is done. The owner closes them too, in case the parse step never
 * ran (`close` may be called any number of times).
 */
export declare class ParseWorkers {
    readonly option: WorkersOption;
    private ready;
    /** Whether the main thread parses too while the workers run (the parse step's choice; tests turn it off to give the workers every file). */
    readonly mainThread: boolean;
    constructor(option?: WorkersOption, options?: {
        mainThread?: boolean;
    });
    /** Boots the workers a run over `files` inputs will likely use, before their sizes are known. */
    startAhead(files: number): void;
    private start;
    /** How many workers to parse these jobs with (`workerCount`, and no more than were booted ahead). */
    countFor(jobs: number, bytes: number): Promise<number>;
    /**
     * Parses `jobs` in `count` workers (booting them unless they were booted ahead), two jobs in
     * flight per worker (four when the main thread parses too); `onAnswer` gets each answer and the index of its worker, in whatever order
     * they come. With `local` (and `mainThread` on), the main thread takes jobs from the same queue and handles them
     * itself (synchronously, one at a time, giving the event loop a turn after each so that the
     * workers' answers are taken in and they get new jobs). The workers are closed when done.
     */
    run(jobs: readonly ParseJob[], count: number, onAnswer: (answer: ParseAnswer, worker: number) => void, local?: (job: ParseJob) => void): Promise<void>;
    /** Terminates the workers (a live worker keeps the process up); safe to call more than once. */
    close(): Promise<void>;
}
//# sourceMappingURL=pool.d.ts.map