// pipeline/step-runner.ts
import { PIPELINE_FILE } from "./context.js";
var StepFailed = class extends Error {
};
var StepRunner = class {
  constructor(ctx, log) {
    this.ctx = ctx;
    this.log = log;
  }
  ctx;
  log;
  /** Every step run or recorded so far, in order (report.json `steps`). */
  records = [];
  /** Runs `step` on `input` and returns its value; throws StepFailed when it throws. */
  async run(name, step, input) {
    const t = performance.now();
    let result;
    try {
      result = await step(this.ctx, input);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const message = this.ctx.fail(PIPELINE_FILE, `Step "${name}" failed: ${reason}`, {
        place: { line: 1, column: 1 },
        ruleId: "step-failed",
        source: `pipeline:${name}`
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
  async untilFailure(steps) {
    try {
      return await steps();
    } catch (error) {
      if (!(error instanceof StepFailed)) throw error;
      return null;
    }
  }
  /** The counts a step recorded, or undefined when it did not run. */
  counts(name) {
    return this.records.find((r) => r.name === name)?.counts;
  }
};
export {
  StepFailed,
  StepRunner
};
//# sourceMappingURL=step-runner.js.map
