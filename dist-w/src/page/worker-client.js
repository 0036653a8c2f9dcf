// src/page/worker-client.ts
import { RESULT_LIMIT } from "../search/options.js";
var FIRST_PAINT = 10;
var SearchWorker = class {
  pending = /* @__PURE__ */ new Map();
  nextId = 1;
  /** Meta records seen so far, by short id (bounded by the archive: one per paper). */
  metaCache = /* @__PURE__ */ new Map();
  /** Papers in the index (known once ready). */
  size = 0;
  /** The first and last digest dates, YYYY-MM-DD (known once ready). */
  dates = { min: "", max: "" };
  /** Called with each progress report while index parts load. */
  onProgress = () => {
  };
  /** Where the worker spent the last search's time (ms, by phase). */
  lastTimings = {};
  worker;
  readyPromise;
  /** `base`: the absolute URL of the search data folder (manifest.json and chunks). */
  constructor(worker, base) {
    this.worker = worker;
    this.readyPromise = new Promise((resolve, reject) => {
      worker.addEventListener("error", (e) => reject(new Error(e.message || "the search worker failed to start")));
      worker.addEventListener("message", (e) => {
        const m = e.data;
        if (m.type === "ready") {
          this.size = m.documentCount;
          this.dates = m.dates;
          resolve();
        } else if (m.type === "progress") this.onProgress(m);
        else if (m.type === "error" && m.id === 0) reject(new Error(m.message));
        else {
          const p = this.pending.get(m.id);
          this.pending.delete(m.id);
          if (m.type === "error") p?.reject(new Error(m.message));
          else p?.resolve(m);
        }
      });
    });
    this.worker.postMessage({ type: "open", base });
  }
  ready() {
    return this.readyPromise;
  }
  call(make) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage(make(id));
    });
  }
  /**
   * Hits (at most RESULT_LIMIT) in the order `list.sort` asks for, of `list.author` only when
   * set, or null when a newer search (higher `gen`) superseded this one. The meta records of
   * the first FIRST_PAINT hits land in metaCache.
   */
  async search(query, filters, gen, list = { author: null, sort: "relevance" }) {
    const r = await this.call((id) => ({ type: "search", id, gen, query, filters, limit: RESULT_LIMIT, withMeta: FIRST_PAINT, ...list }));
    if (r.type !== "search") return null;
    this.lastTimings = r.timings;
    r.meta.forEach((m, i) => m && this.metaCache.set(r.hits[i].shortId, m));
    return r.hits;
  }
  /** Starts fetching what a search for `query` will need (see the 'preload' request); no answer. */
  preload(query, filters) {
    this.worker.postMessage({ type: "preload", query, filters, limit: RESULT_LIMIT, withMeta: FIRST_PAINT });
  }
  /**
   * The papers matching `filters` (and `list.author`), newest first or, with `list.sort`
   * 'votes', most votes first: `limit` short ids from `offset`, and whether more follow. Their
   * meta records land in metaCache.
   */
  async browse(filters, offset, limit, gen = 0, list = { author: null, sort: "newest" }) {
    const r = await this.call((id) => ({ type: "browse", id, gen, filters, offset, limit, ...list }));
    if (r.type !== "browse") return { shortIds: [], more: false };
    r.meta.forEach((m, i) => m && this.metaCache.set(r.shortIds[i], m));
    return r;
  }
  /** The meta records of `shortIds` (asking the worker only for those not cached); unknown ids are left out. */
  async meta(shortIds) {
    const missing = shortIds.filter((s) => !this.metaCache.has(s));
    if (missing.length > 0) {
      const r = await this.call((id) => ({ type: "meta", id, shortIds: missing }));
      if (r.type === "meta") r.records.forEach((m, i) => m && this.metaCache.set(missing[i], m));
    }
    const out = /* @__PURE__ */ new Map();
    for (const s of shortIds) {
      const m = this.metaCache.get(s);
      if (m) out.set(s, m);
    }
    return out;
  }
  /** The person behind author key `key` (name, papers' short ids), or null when no paper has it. */
  async author(key) {
    const r = await this.call((id) => ({ type: "author", id, key }));
    return r.type === "author" ? r.author : null;
  }
  /** The paper with id `paperId`: short id, meta record and page record; null when there is none. */
  async paper(paperId) {
    const r = await this.call((id) => ({ type: "paper", id, paperId }));
    if (r.type !== "paper" || !r.paper) return null;
    this.metaCache.set(r.paper.shortId, r.paper.meta);
    return r.paper;
  }
};
export {
  FIRST_PAINT,
  SearchWorker
};
//# sourceMappingURL=worker-client.js.map
