// src/page/loader.ts
import SearchableMap from "minisearch/SearchableMap";
import { RESULT_LIMIT } from "../search/options.js";
import { AnalyzerMismatchError, checkAnalyzerVersion, createSearchClient } from "../search/client.js";
import { passesFilters } from "../search/filters.js";
import { AssembledMiniSearch, decodePostings } from "../search/internals.js";
import { planQuery, transpositions } from "../search/query.js";
import { chunkOf, chunksWithPrefix, PAGE_FORMAT } from "./format.js";
var MAX_PREFIX_CHUNKS = 4;
var ChunkedIndex = class _ChunkedIndex {
  manifest;
  fetchJson;
  base;
  termChunks = /* @__PURE__ */ new Map();
  docChunks = /* @__PURE__ */ new Map();
  metaChunks = /* @__PURE__ */ new Map();
  loadedDocs = /* @__PURE__ */ new Map();
  /** Each loaded term chunk as a radix tree, built once (prefix and fuzzy lookups per query). */
  termTrees = /* @__PURE__ */ new Map();
  onProgress = () => {
  };
  /** Where the last search spent its time (ms), for the benchmark. */
  lastTimings = {};
  progress = { requested: 0, done: 0 };
  wanted = "";
  prepared = null;
  /**
   * One MiniSearch for every query: its document tables grow as doc chunks arrive, and each
   * search swaps in the terms its query can match.
   */
  ms;
  client;
  /** Postings as MiniSearch holds them (field id -> short id -> frequency), converted once. */
  termMaps = /* @__PURE__ */ new WeakMap();
  constructor(manifest, fetchJson, base) {
    this.manifest = manifest;
    this.fetchJson = fetchJson;
    this.base = base;
    this.ms = new AssembledMiniSearch({
      documentCount: manifest.documentCount,
      nextId: manifest.nextId,
      documentIds: {},
      fieldIds: manifest.fieldIds,
      fieldLength: {},
      averageFieldLength: manifest.averageFieldLength,
      storedFields: {},
      dirtCount: 0,
      serializationVersion: manifest.serializationVersion
    });
    this.client = createSearchClient(this.ms);
  }
  /** Fetches `<base>manifest.json` and checks its format and analyzer version. */
  static async open(fetchJson, base = "search/") {
    const manifest = await fetchJson(`${base}manifest.json`);
    if (!manifest || manifest.format !== PAGE_FORMAT) throw new Error("search data: unknown format, rebuild the site");
    checkAnalyzerVersion(manifest.analyzerVersion);
    return new _ChunkedIndex(manifest, fetchJson, base);
  }
  get size() {
    return this.manifest.documentCount;
  }
  track(p) {
    this.progress.requested++;
    this.onProgress({ ...this.progress });
    return p.finally(() => {
      this.progress.done++;
      this.onProgress({ ...this.progress });
    });
  }
  /** Starts a new progress count (one per user-visible operation). */
  resetProgress() {
    this.progress = { requested: 0, done: 0 };
  }
  cached(cache, n, path) {
    let p = cache.get(n);
    if (!p) {
      p = this.track(this.fetchJson(`${this.base}${this.manifest.root}${path}`));
      p.catch(() => cache.delete(n));
      cache.set(n, p);
    }
    return p;
  }
  async terms(n) {
    const have = this.termTrees.get(n);
    if (have) return have;
    const entries = await this.cached(this.termChunks, n, `t/${n}.json`);
    let tree = this.termTrees.get(n);
    if (!tree) {
      tree = new SearchableMap();
      for (const [t, d] of entries) tree.set(t, d);
      this.termTrees.set(n, tree);
    }
    return tree;
  }
  /** Doc chunk `n` (fetched once), its documents added to the MiniSearch. */
  async docs(n) {
    const d = await this.cached(this.docChunks, n, `d/${n}.json`);
    if (!this.loadedDocs.has(n)) {
      this.loadedDocs.set(n, d);
      for (let i = 0; i < d.ids.length; i++) {
        const id = d.ids[i];
        if (id === "") continue;
        this.ms.loadDocument(d.start + i, id, d.fieldLength[i], { date: d.date[i], votes: d.votes[i] ?? null, title: "", authorKeys: "" });
      }
    }
    return d;
  }
  /** A term's postings as MiniSearch holds them, the doc chunks they point into and their count. */
  termMap(postings, block) {
    let c = this.termMaps.get(postings);
    if (!c) {
      const data = decodePostings(postings);
      const blocks = /* @__PURE__ */ new Set();
      let count = 0;
      for (const docs of data.values()) {
        for (const s of docs.keys()) blocks.add(Math.floor(s / block));
        count += docs.size;
      }
      c = { data, blocks: [...blocks], count };
      this.termMaps.set(postings, c);
    }
    return c;
  }
  /** The meta records of these short ids (fetching their chunks). */
  async meta(shortIds) {
    const block = this.manifest.meta.block;
    const wanted = [...new Set(shortIds.map((s) => Math.floor(s / block)))];
    const chunks = await Promise.all(
      wanted.map((n) => this.cached(this.metaChunks, n, `m/${n}.json`))
    );
    const out = /* @__PURE__ */ new Map();
    for (const c of chunks) c.docs.forEach((d, i) => d && out.set(c.start + i, d));
    return out;
  }
  /**
   * The index terms `query` can match: for each term of its plan (src/search/query.ts), the term
   * itself, its prefix matches and, when no chunk holds the term, its one-edit neighbours, as
   * MiniSearch finds them, among the chunks that hold the term and its prefixes.
   */
  async candidateTerms(query) {
    const first = this.manifest.terms.first;
    const plan = planQuery(query).terms.map((t) => ({
      ...t,
      chunks: t.prefix ? chunksWithPrefix(first, t.term).slice(0, MAX_PREFIX_CHUNKS) : [chunkOf(first, t.term)]
    }));
    const needed = [...new Set(plan.flatMap((p) => p.chunks))];
    const loaded = new Map(await Promise.all(needed.map(async (n) => [n, await this.terms(n)])));
    const out = /* @__PURE__ */ new Map();
    for (const p of plan) {
      const trees = p.chunks.map((n) => loaded.get(n));
      for (const tree of trees) {
        const exact = tree.get(p.term);
        if (exact) out.set(p.term, exact);
      }
      if (p.prefix) for (const tree of trees) for (const [t, d] of tree.atPrefix(p.term)) out.set(t, d);
      if (p.fuzzy && !out.has(p.term)) for (const tree of trees) for (const [t, [d]] of tree.fuzzyGet(p.term, p.fuzzy)) out.set(t, d);
    }
    const swaps = plan.filter((p) => p.fuzzy && !out.has(p.term)).flatMap((p) => transpositions(p.term));
    const swapChunks = await Promise.all(swaps.map((t) => this.terms(chunkOf(first, t))));
    swaps.forEach((t, i) => {
      const data = swapChunks[i].get(t);
      if (data) out.set(t, data);
    });
    return out;
  }
  /**
   * Marks `query` as the one wanted now: assembling the index for any other query stops at its
   * next step (set by every search; the worker sets it for preloads too).
   */
  want(query) {
    this.wanted = query;
  }
  /** True when a newer query than `query` was asked for. */
  superseded(query) {
    return this.wanted !== query;
  }
  /**
   * The MiniSearch holding exactly the terms `query` can match and the documents they point
   * to, assembled from the fetched chunks; the last one is kept, so a search that follows a
   * preload of the same text (or the same text with other filters) does not assemble it again.
   */
  prepare(query) {
    if (this.prepared?.query === query) return this.prepared.promise;
    const entry = { query, promise: this.assemble(query) };
    this.prepared = entry;
    const drop = () => {
      if (this.prepared === entry) this.prepared = null;
    };
    entry.promise.then((p) => p ?? drop(), drop);
    return entry.promise;
  }
  async assemble(query) {
    const stale = () => this.superseded(query);
    const t0 = performance.now();
    const candidates = await this.candidateTerms(query);
    if (stale()) return null;
    const t1 = performance.now();
    if (candidates.size === 0) return { query, index: null, timings: { terms: t1 - t0, candidates: 0 } };
    const block = this.manifest.docs.block;
    const needed = /* @__PURE__ */ new Set();
    let postings = 0;
    for (const data of candidates.values()) {
      const { blocks, count } = this.termMap(data, block);
      for (const b of blocks) needed.add(b);
      postings += count;
    }
    await Promise.all([...needed].sort((a, b) => a - b).map((n) => this.docs(n)));
    if (stale()) return null;
    const t2 = performance.now();
    const index = this.ms.newTermIndex();
    for (const [term, postings2] of candidates) index.set(term, this.termMap(postings2, block).data);
    const timings = { terms: t1 - t0, docs: t2 - t1, load: performance.now() - t2, candidates: candidates.size, postings };
    return { query, index, timings };
  }
  /**
   * Fetches and assembles what a search for `query` needs (as `rank` would, kept for it);
   * returns the number of postings ranking it will go through, or null when superseded.
   */
  async assembleFor(query) {
    this.want(query);
    const prepared = await this.prepare(query);
    return prepared && !this.superseded(query) ? prepared.timings.postings ?? 0 : null;
  }
  /**
   * Results best first (all of them, up to `limit`), filtered; null when a newer query
   * superseded this one (`isStale`, or `want` called with another query). `timings` receives
   * where this call spent its time (ms): `wait` for the assembled index (fetching chunks and
   * loading them; near 0 when a preload already did it), `search` ranking; plus how the index
   * was assembled (`terms`, `docs`, `load`, whichever call did it). `match: 'all'` keeps only the
   * papers that match every query word (src/search/query.ts), as a list sorted by date or votes needs.
   */
  async rank(query, filters = {}, limit = RESULT_LIMIT, isStale = () => false, timings, match = "any") {
    this.want(query);
    const t0 = performance.now();
    const prepared = await this.prepare(query);
    if (!prepared || isStale() || this.superseded(query)) return null;
    const t1 = performance.now();
    if (!prepared.index) {
      this.lastTimings = { ...prepared.timings, wait: t1 - t0, search: 0 };
      if (timings) Object.assign(timings, this.lastTimings);
      return [];
    }
    const options = { limit, match };
    if (filters.from) options.from = filters.from;
    if (filters.to) options.to = filters.to;
    if (filters.minVotes != null) options.minVotes = filters.minVotes;
    this.ms.useTermIndex(prepared.index);
    const hits = this.client.search(query, options).map((h) => ({ ...h, shortId: this.ms.shortIdOf(h.id) }));
    this.lastTimings = { ...prepared.timings, wait: t1 - t0, search: performance.now() - t1 };
    if (timings) Object.assign(timings, this.lastTimings);
    return hits;
  }
  /** Results best first (all of them, up to `limit`), filtered; [] when superseded. */
  async search(...args) {
    return await this.rank(...args) ?? [];
  }
  /**
   * Papers that pass the filters (and are in `only`, when given), newest first (dataset order)
   * or, with `sort: 'votes'`, most votes first (unknown last, then dataset order): from `offset`,
   * at most `limit`, and whether more follow.
   */
  async browse(filters, offset, limit, { only, sort = "newest" } = {}) {
    const out = [];
    const block = this.manifest.docs.block;
    const chunks = only ? [...new Set([...only].map((s) => Math.floor(s / block)))].sort((a, b) => a - b) : null;
    const count = chunks ? chunks.length : this.manifest.docs.count;
    for (let k = 0; k < count; k++) {
      const c = await this.docs(chunks ? chunks[k] : k);
      for (let i = 0; i < c.ids.length; i++) {
        if (c.ids[i] === "" || only && !only.has(c.start + i) || !passesFilters(c.date[i], c.votes[i], filters)) continue;
        out.push({ s: c.start + i, votes: c.votes[i] ?? -1 });
        if (sort === "newest" && out.length > offset + limit) return { shortIds: out.slice(offset, offset + limit).map((o) => o.s), more: true };
      }
    }
    if (sort === "votes") out.sort((a, b) => b.votes - a.votes || a.s - b.s);
    return { shortIds: out.slice(offset, offset + limit).map((o) => o.s), more: out.length > offset + limit };
  }
};
export {
  AnalyzerMismatchError,
  ChunkedIndex,
  MAX_PREFIX_CHUNKS
};
//# sourceMappingURL=loader.js.map
