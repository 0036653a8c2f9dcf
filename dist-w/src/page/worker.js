// src/page/worker.ts
import { ChunkedIndex } from "./loader.js";
import { PaperData } from "./paper-data.js";
import { listHits } from "./sort.js";
var index = null;
var papers = null;
var latest = 0;
var PRELOAD_RANK_MAX_POSTINGS = 2e4;
var post = (m) => self.postMessage(m);
async function fetchJson(url) {
  const res = await fetch(url, { credentials: "same-origin" });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}
async function handle(req) {
  if (req.type === "open") {
    index = ChunkedIndex.open(fetchJson, req.base);
    const idx2 = await index;
    papers = new PaperData(fetchJson, req.base, idx2);
    idx2.onProgress = (p) => post({ type: "progress", ...p });
    post({ type: "ready", documentCount: idx2.size, dates: idx2.manifest.dates });
    return;
  }
  if (!index) throw new Error("search worker: not opened");
  const idx = await index;
  const data = papers;
  if (req.type === "meta") {
    const meta2 = await idx.meta(req.shortIds);
    post({ type: "meta", id: req.id, records: req.shortIds.map((s) => meta2.get(s) ?? null) });
    return;
  }
  if (req.type === "author") {
    post({ type: "author", id: req.id, author: await data.author(req.key) });
    return;
  }
  if (req.type === "paper") {
    const shortId = await data.shortIdOf(req.paperId);
    const [meta2, record] = shortId === null ? [null, null] : await Promise.all([idx.meta([shortId]), data.paper(shortId)]);
    const m = shortId === null ? void 0 : meta2?.get(shortId);
    post({ type: "paper", id: req.id, paper: shortId !== null && m && record ? { shortId, meta: m, record } : null });
    return;
  }
  if (req.type === "preload") {
    idx.resetProgress();
    const postings = await idx.assembleFor(req.query);
    if (postings === null || postings > PRELOAD_RANK_MAX_POSTINGS) return;
    const hits = await idx.rank(req.query, req.filters, req.limit);
    if (!hits || idx.superseded(req.query)) return;
    await idx.meta(hits.slice(0, req.withMeta).map((h) => h.shortId));
    return;
  }
  latest = Math.max(latest, req.gen);
  idx.resetProgress();
  const only = req.author ? new Set((await data.author(req.author))?.papers ?? []) : void 0;
  if (req.type === "search") {
    const timings = {};
    const stale = () => req.gen < latest;
    const limit = only || req.sort !== "relevance" ? Infinity : req.limit;
    const ranked = await idx.rank(req.query, req.filters, limit, stale, timings);
    if (!ranked || stale()) return post({ type: "stale", id: req.id });
    const hits = listHits(ranked, req.sort, req.limit, only);
    const first = hits.slice(0, req.withMeta).map((h) => h.shortId);
    const t = performance.now();
    const meta2 = await idx.meta(first);
    timings.meta = performance.now() - t;
    post({ type: "search", id: req.id, hits, meta: first.map((s) => meta2.get(s) ?? null), timings });
    return;
  }
  const page = await idx.browse(req.filters, req.offset, req.limit, { only, sort: req.sort === "votes" ? "votes" : "newest" });
  const meta = await idx.meta(page.shortIds);
  post({ type: "browse", id: req.id, ...page, meta: page.shortIds.map((s) => meta.get(s) ?? null) });
}
self.onmessage = (e) => {
  const req = e.data;
  if (req.type === "search" || req.type === "browse") latest = Math.max(latest, req.gen);
  handle(req).catch((err) => {
    if (req.type === "preload") return;
    post({ type: "error", id: "id" in req ? req.id : 0, message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  });
};
//# sourceMappingURL=worker.js.map
