/**
 * Runs the steps of one run in order: times each, records its counts (and the process' peak
 * memory) for the report, prints its line, and turns a step that throws into a fatal
 * `step-failed` diagnostic on the pipeline's own file, after which no further step runs
 * (`StepFailed`, caught by `untilFailure`).
 */
import type { VFileMessage } from 'vfile-message';
import { PIPELINE_FILE, type Step, type StepContext } from './context.ts';
import type { StepRecord } from './report/report.ts';

/** Where a finished step is announced (pipeline/report/logger.ts `RunLogger`). */
export interface StepLog {
  stepDone(step: string, ms: number, counts: Record<string, number | string>): void;
}

/** A step threw: its fatal diagnostic is attached, the run stops running steps. */
export class StepFailed extends Error {}

export class StepRunner {
  /** Every step run or recorded so far, in order (report.json `steps`). */
  readonly records: StepRecord[] = [];

  constructor(
    private readonly ctx: StepContext,
    private readonly log: StepLog,
  ) {}

  /** Runs `step` on `input` and returns its value; throws StepFailed when it throws. */
  async run<I, O>(name: string, step: Step<I, O>, input: I): Promise<O> {
    const t = performance.now();
    let result;
    try {
      result = await step(this.ctx, input);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const message: VFileMessage = this.ctx.fail(PIPELINE_FILE, `Step "${name}" failed: ${reason}`, {
        place: { line: 1, column: 1 },
        ruleId: 'step-failed',
        source: `pipeline:${name}`,
      });
      if (error instanceof Error && error.stack) message.note = error.stack;
      this.records.push({ name, ms: Math.round(performance.now() - t), counts: {} });
      throw new StepFailed(reason);
    }
    const ms = performance.now() - t;
    this.records.push({ name, ms: Math.round(ms * 10) / 10, counts: result.counts, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
    this.log.stepDone(name, ms, result.counts);
    return result.value;
  }

  /**
   * Runs `steps` and returns what they return, or null when a step failed (its diagnostic is
   * already attached); any other error is rethrown.
   */
  async untilFailure<T>(steps: () => Promise<T | null>): Promise<T | null> {
    try {
      return await steps();
    } catch (error) {
      if (!(error instanceof StepFailed)) throw error;
      return null;
    }
  }

  /** The counts a step recorded, or undefined when it did not run. */
  counts(name: string): Record<string, number> | undefined {
    return this.records.find((r) => r.name === name)?.counts;
  }
}
