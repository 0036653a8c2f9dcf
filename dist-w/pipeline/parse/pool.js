// pipeline/parse/pool.ts
import { availableParallelism } from "node:os";
import { bootWorkers, bundleWorker } from "../threads.js";
function workerThreshold(cores = availableParallelism()) {
  return cores >= 4 ? { bytes: 2e6, files: 64 } : { bytes: 2e6, files: 64 };
}
function workerCount(option, work, cores = availableParallelism()) {
  if (typeof option === "number") return Math.max(0, Math.floor(option));
  const threshold = workerThreshold(cores);
  const bytes = work.bytes ?? Infinity;
  if (cores < 2 || work.files < threshold.files || bytes < threshold.bytes) return 0;
  return Math.min(cores - 1, 4, Math.ceil(bytes / 15e5));
}
function bundleParseWorker() {
  return bundleWorker(new URL("./worker.ts", import.meta.url));
}
function boot(count) {
  return bootWorkers(import.meta.url, "./worker", count);
}
var ParseWorkers = class {
  constructor(option = "auto", options = {}) {
    this.option = option;
    this.mainThread = options.mainThread ?? true;
  }
  option;
  ready = null;
  /** Whether the main thread parses too while the workers run (the parse step's choice; tests turn it off to give the workers every file). */
  mainThread;
  /** Boots the workers a run over `files` inputs will likely use, before their sizes are known. */
  startAhead(files) {
    const count = workerCount(this.option, { files });
    if (count > 0) this.start(count);
  }
  start(count) {
    this.ready = boot(count);
    this.ready.catch(() => void 0);
    return this.ready;
  }
  /** How many workers to parse these jobs with (`workerCount`, and no more than were booted ahead). */
  async countFor(jobs, bytes) {
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
  async run(jobs, count, onAnswer, local) {
    let next = 0;
    const onMainToo = local !== void 0 && this.mainThread;
    const depth = onMainToo ? 4 : 2;
    const feed = (worker, index) => new Promise((resolve, reject) => {
      let inFlight = 0;
      const send = () => {
        while (inFlight < depth && next < jobs.length) {
          worker.postMessage(jobs[next++]);
          inFlight++;
        }
        if (inFlight === 0) resolve();
      };
      worker.on("message", (answer) => {
        inFlight--;
        onAnswer(answer, index);
        send();
      });
      worker.once("error", reject);
      worker.once("exit", (code) => {
        if (inFlight > 0 || next < jobs.length) reject(new Error(`parse worker exited with code ${code}`));
      });
      send();
    });
    const onMain = async () => {
      if (!onMainToo) return;
      while (next < jobs.length) {
        local(jobs[next++]);
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    try {
      const fed = (this.ready ?? this.start(count)).then((workers) => Promise.all(workers.slice(0, count).map(feed)));
      await Promise.all([fed, onMain()]);
    } finally {
      await this.close();
    }
  }
  /** Terminates the workers (a live worker keeps the process up); safe to call more than once. */
  async close() {
    const workers = this.ready ? await this.ready.catch(() => []) : [];
    await Promise.all(workers.map((w) => w.terminate()));
  }
};
export {
  ParseWorkers,
  bundleParseWorker,
  workerCount,
  workerThreshold
};
//# sourceMappingURL=pool.js.map
