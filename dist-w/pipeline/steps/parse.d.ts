import type { DigestEntry } from '../../src/types.ts';
import type { StepContext, StepResult } from '../context.ts';
import type { ParseWorkers } from '../parse/pool.ts';
import type { ReadInput } from './read.ts';
export interface ParseStepInput {
    /**
     * The read step's inputs. The step takes their bytes over: it drops them (sets `bytes` to
     * null) once every file is parsed, so that the inputs do not stay in memory for the run.
     */
    inputs: ReadInput[];
    /** The run's parse workers (perhaps booted ahead); the step closes them when it is done. */
    workers: ParseWorkers;
}
/**
 * The entries of every input in input order, then the parser's order within a file; each file's
 * diagnostics are attached to its VFile. Counts: `entries`, `cached` (results from the parse
 * cache), `parsed` (files parsed in this run, the cache's misses), `workers` (worker threads
 * besides the main thread; 0 = main thread only) and `parsedOnMain` (of the parsed files, those
 * the main thread parsed).
 */
export declare function parseStep(ctx: StepContext, { inputs, workers }: ParseStepInput): Promise<StepResult<DigestEntry[]>>;
//# sourceMappingURL=parse.d.ts.map