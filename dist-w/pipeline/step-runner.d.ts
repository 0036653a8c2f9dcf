import { type Step, type StepContext } from './context.ts';
import type { StepRecord } from './report/report.ts';
/** Where a finished step is announced (pipeline/report/logger.ts `RunLogger`). */
export interface StepLog {
    stepDone(step: string, ms: number, counts: Record<string, number | string>): void;
}
/** A step threw: its fatal diagnostic is attached, the run stops running steps. */
export declare class StepFailed extends Error {
}
export declare class StepRunner {
    private readonly ctx;
    private readonly log;
    /** Every step run or recorded so far, in order (report.json `steps`). */
    readonly records: StepRecord[];
    constructor(ctx: StepContext, log: StepLog);
    /** Runs `step` on `input` and returns its value; throws StepFailed when it throws. */
    run<I, O>(name: string, step: Step<I, O>, input: I): Promise<O>;
    /**
     * Runs `steps` and returns what they return, or null when a step failed (its diagnostic is
     * already attached); any other error is rethrown.
     */
    untilFailure<T>(steps: () => Promise<T | null>): Promise<T | null>;
    /** The counts a step recorded, or undefined when it did not run. */
    counts(name: string): Record<string, number> | undefined;
}
//# sourceMappingURL=step-runner.d.ts.map