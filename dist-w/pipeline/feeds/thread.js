// pipeline/feeds/thread.ts
import { availableParallelism } from "node:os";
import { paperDigest } from "../cache/paper-digest.js";
import { restoreMessages } from "../report/diagnostics.js";
import { bootWorkers } from "../threads.js";
var FEEDS_THREAD_BYTES = 2e6;
function useFeedsThread(option, bytes, cores = availableParallelism()) {
  if (typeof option === "boolean") return option;
  return cores >= 2 && bytes >= FEEDS_THREAD_BYTES;
}
var FeedsThread = class {
  worker = null;
  failure = null;
  waiting = [];
  problems = [];
  /** Whether the thread was booted (the run then uses it). */
  get booted() {
    return this.worker !== null;
  }
  /** Cache files the thread found corrupt or foreign (each was rebuilt). */
  get discarded() {
    return this.problems;
  }
  /** Boots the thread (once); its first request waits for it. */
  boot() {
    this.worker ??= bootWorkers(import.meta.url, "./worker", 1).then(([worker]) => {
      worker.on("message", (message) => this.answer(message));
      worker.on("error", (error) => this.fail(error));
      worker.on("exit", (code) => this.fail(new Error(`the feeds thread exited with code ${code}`)));
      return worker;
    });
    this.worker.catch((error) => this.fail(error instanceof Error ? error : new Error(String(error))));
  }
  answer(message) {
    this.problems.push(...message.discarded);
    const next = this.waiting.shift();
    if (!next) return;
    if (message.type === "error") {
      const error = new Error(`feeds thread: ${message.message}`);
      if (message.stack) error.stack = `${error.message}
${message.stack.split("\n").slice(1).join("\n")}`;
      next.reject(error);
    } else next.resolve(message);
  }
  fail(error) {
    this.failure ??= error;
    for (const w of this.waiting.splice(0)) w.reject(this.failure);
  }
  post(request) {
    if (!this.worker) throw new Error("the feeds thread was not booted");
    void this.worker.then((w) => w.postMessage(request), () => void 0);
  }
  ask(request, type) {
    if (this.failure) return Promise.reject(this.failure);
    const answer = new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
    this.post(request);
    return answer.then((m) => {
      if (m.type !== type) throw new Error(`feeds thread: expected "${type}", got "${m.type}"`);
      return m;
    });
  }
  done = null;
  /**
   * Hands the dataset over (a copy: the thread's own objects) with each paper's content digest
   * (noted on this side when papers.json was encoded) and starts rendering.
   */
  start(options) {
    const { config, cacheDir, versions, dataset } = options;
    const digests = cacheDir === null ? null : dataset.papers.map(paperDigest);
    this.done = this.ask({ type: "start", config, cacheDir, versions, dataset, digests }, "done");
    this.done.catch(() => void 0);
  }
  /** Sends the saved queries' results (paper ids by query, as the index step's search gives them). */
  search(results) {
    this.post({ type: "search", results });
  }
  /** The thread's rendered feeds: waits for them. */
  result() {
    return this.done ?? Promise.reject(new Error("the feeds thread was not started"));
  }
  /** The bytes of artifacts the thread sent by digest only (read from its cache, or rendered anew). */
  async documents(paths) {
    return (await this.ask({ type: "documents", paths }, "documents")).data;
  }
  async stage() {
    const { staged } = await this.ask({ type: "stage" }, "staged");
    return staged && { ...staged, write: () => this.ask({ type: "write" }, "written").then(() => void 0) };
  }
  async unused() {
    return (await this.ask({ type: "unused" }, "unused")).files;
  }
  async remove(files) {
    return (await this.ask({ type: "remove", files: [...files] }, "removed")).count;
  }
  /** Ends the thread; safe to call more than once, and when it never booted. */
  async close() {
    const worker = this.worker;
    if (!worker) return;
    this.failure ??= new Error("the feeds thread was closed");
    await worker.then((w) => w.terminate(), () => void 0);
  }
};
var feedsFromThread = async (ctx, { thread, link }) => {
  const done = await thread.result();
  for (const [path, messages] of done.messages) restoreMessages(ctx.file(path), messages);
  for (const line of done.infos) ctx.logger.info(line);
  const artifacts = [];
  const fetch = [];
  for (const a of done.artifacts) {
    if ("data" in a) artifacts.push(a);
    else if (!link(a.path, a.known)) fetch.push(a);
  }
  if (fetch.length) {
    const data = await thread.documents(fetch.map((a) => a.path));
    fetch.forEach((a, i) => artifacts.push({ path: a.path, data: data[i] }));
  }
  return { value: artifacts, counts: { ...done.counts, threadMs: Math.round(done.ms) } };
};
export {
  FEEDS_THREAD_BYTES,
  FeedsThread,
  feedsFromThread,
  useFeedsThread
};
//# sourceMappingURL=thread.js.map
