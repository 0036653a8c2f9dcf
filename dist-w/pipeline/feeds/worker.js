// pipeline/feeds/worker.ts
import { parentPort } from "node:worker_threads";
import { FeedCache } from "../cache/feed-cache.js";
import { notePaperDigest } from "../cache/paper-digest.js";
import { createStepContext } from "../context.js";
import { serializeMessages } from "../report/diagnostics.js";
import { buildFeeds } from "./render.js";
var cache = null;
var artifacts = /* @__PURE__ */ new Map();
var staged = null;
var reported = 0;
var searched = () => void 0;
var search = new Promise((resolve) => searched = resolve);
function reply(message) {
  const discarded = cache ? cache.discarded.slice(reported) : [];
  reported += discarded.length;
  parentPort.postMessage({ ...message, discarded });
}
async function start(request) {
  const t = performance.now();
  const { config, dataset, digests } = request;
  if (digests) dataset.papers.forEach((paper, i) => notePaperDigest(paper, digests[i]));
  cache = new FeedCache(request.cacheDir, request.versions);
  await cache.load();
  const infos = [];
  const logger = { info: (line) => infos.push(line), progress: () => void 0, warn: (line) => infos.push(line) };
  const { ctx, files } = createStepContext({ config, logger, caches: { parse: null, vectors: null, feeds: cache } });
  const lookup = search.then((results) => (query) => {
    const ids = results[query];
    if (!ids) throw new Error(`feeds thread: no results for the saved query ${JSON.stringify(query)}`);
    return ids;
  });
  const { value, counts } = await buildFeeds(ctx, cache, dataset, lookup);
  artifacts = new Map(value.map((a) => [a.path, a]));
  const wire = value.map((a) => a.known ? { path: a.path, known: a.known } : { path: a.path, data: a.data });
  const messages = [...files].map(([path, file]) => [path, serializeMessages(file)]);
  reply({ type: "done", artifacts: wire, messages, infos, counts, ms: performance.now() - t });
}
async function handle(request) {
  switch (request.type) {
    case "start":
      return start(request);
    case "documents": {
      const data = request.paths.map((path) => {
        const bytes = artifacts.get(path).data;
        return typeof bytes === "string" ? Buffer.from(bytes) : bytes;
      });
      return reply({ type: "documents", data });
    }
    case "stage": {
      artifacts = /* @__PURE__ */ new Map();
      staged = cache.stage();
      return reply({ type: "staged", staged: staged && { items: staged.items, itemShards: staged.itemShards, archives: staged.archives } });
    }
    case "write":
      await staged?.write();
      return reply({ type: "written" });
    case "unused":
      return reply({ type: "unused", files: await cache.unused() });
    case "remove":
      return reply({ type: "removed", count: await cache.remove(request.files) });
  }
}
var queue = Promise.resolve();
parentPort?.on("message", (request) => {
  if (request.type === "search") {
    searched(request.results);
    return;
  }
  queue = queue.then(
    () => handle(request).catch(
      (error) => reply({ type: "error", message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : void 0 })
    )
  );
});
//# sourceMappingURL=worker.js.map
