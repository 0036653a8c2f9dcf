/**
 * Loads the chunked search data (src/page/format.ts) on demand and answers queries with the
 * project's own client (src/search/client.ts) over one MiniSearch (src/search/internals.ts):
 * documents join it as their doc chunks arrive, and each query gets a term index holding exactly
 * the terms it can match. Browser-safe; `fetchJson` is injected so Node tests can drive it too.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { RESULT_LIMIT } from '../search/options.ts';
import { AnalyzerMismatchError, checkAnalyzerVersion, createSearchClient } from '../search/client.ts';
import type { ClientSearchOptions, SearchClient, SearchHit } from '../search/client.ts';
import { passesFilters } from '../search/filters.ts';
import type { PaperFilters } from '../search/filters.ts';
import { AssembledMiniSearch } from '../search/internals.ts';
import type { TermData, TermIndex } from '../search/internals.ts';
import { decodePostings } from '../search/postings.ts';
import { planQuery, transpositions } from '../search/query.ts';
import { chunkOf, chunksWithPrefix, PAGE_FORMAT, positionOf } from './format.ts';
import type { DocChunk, Manifest, MetaChunk, MetaRecord, TermEntry } from './format.ts';

export type FetchJson = (path: string) => Promise<unknown>;

/** A prefix spanning more term chunks than this only loads the first ones (refined as the user types). */
export const MAX_PREFIX_CHUNKS = 4;

export interface LoadProgress {
  /** Chunks requested so far for the current operation, and how many arrived. */
  requested: number;
  done: number;
}

/** The page's filters (date range, minimum votes). */
export type Filters = PaperFilters;

export interface PageHit extends SearchHit {
  shortId: number;
}

/** A term's postings as decoded for MiniSearch, the doc chunks they point into and their count. */
interface ConvertedTerm {
  data: TermData;
  blocks: number[];
  count: number;
}

interface Prepared {
  query: string;
  /** null: no index term can match (no results, whatever the filters). */
  index: TermIndex | null;
  timings: Record<string, number>;
}

export class ChunkedIndex {
  readonly manifest: Manifest;
  private readonly fetchJson: FetchJson;
  private readonly base: string;
  private readonly termChunks = new Map<number, Promise<TermEntry[]>>();
  private readonly docChunks = new Map<number, Promise<DocChunk>>();
  private readonly metaChunks = new Map<number, Promise<MetaChunk>>();
  private readonly loadedDocs = new Map<number, DocChunk>();
  /** Each loaded term chunk as a radix tree, built once (prefix and fuzzy lookups per query). */
  private readonly termTrees = new Map<number, SearchableMap<string>>();
  onProgress: (p: LoadProgress) => void = () => {};
  /** Where the last search spent its time (ms), for the benchmark. */
  lastTimings: Record<string, number> = {};
  private progress: LoadProgress = { requested: 0, done: 0 };
  private wanted = '';
  private prepared: { query: string; promise: Promise<Prepared | null> } | null = null;

  /**
   * One MiniSearch for every query: its document tables grow as doc chunks arrive, and each
   * search swaps in the terms its query can match.
   */
  private readonly ms: AssembledMiniSearch;
  private readonly client: SearchClient;
  /** By term: its postings as MiniSearch holds them (field id -> short id -> frequency), converted once. */
  private readonly termMaps = new Map<string, ConvertedTerm>();

  private constructor(manifest: Manifest, fetchJson: FetchJson, base: string) {
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
      serializationVersion: manifest.serializationVersion,
    });
    this.client = createSearchClient(this.ms);
  }

  /** Fetches `<base>manifest.json` and checks its format and analyzer version. */
  static async open(fetchJson: FetchJson, base = 'search/'): Promise<ChunkedIndex> {
    const manifest = (await fetchJson(`${base}manifest.json`)) as Manifest;
    if (!manifest || manifest.format !== PAGE_FORMAT) throw new Error('search data: unknown format, rebuild the site');
    // The same check the client applies to search-index.json (throws AnalyzerMismatchError).
    checkAnalyzerVersion(manifest.analyzerVersion);
    return new ChunkedIndex(manifest, fetchJson, base);
  }

  get size(): number {
    return this.manifest.documentCount;
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.progress.requested++;
    this.onProgress({ ...this.progress });
    return p.finally(() => {
      this.progress.done++;
      this.onProgress({ ...this.progress });
    });
  }

  /** Starts a new progress count (one per user-visible operation). */
  resetProgress(): void {
    this.progress = { requested: 0, done: 0 };
  }

  private cached<T>(cache: Map<number, Promise<T>>, n: number, path: string): Promise<T> {
    let p = cache.get(n);
    if (!p) {
      p = this.track(this.fetchJson(`${this.base}${this.manifest.root}${path}`) as Promise<T>);
      p.catch(() => cache.delete(n)); // a failed chunk is fetched again next time
      cache.set(n, p);
    }
    return p;
  }

  private async terms(n: number): Promise<SearchableMap<string>> {
    const have = this.termTrees.get(n);
    if (have) return have;
    const entries = await this.cached(this.termChunks, n, `t/${n}.json`);
    let tree = this.termTrees.get(n);
    if (!tree) {
      tree = new SearchableMap<string>();
      for (const [t, d] of entries) tree.set(t, d);
      this.termTrees.set(n, tree);
    }
    return tree;
  }

  /** Doc chunk `n` (fetched once), its documents added to the MiniSearch. */
  async docs(n: number): Promise<DocChunk> {
    const d = await this.cached(this.docChunks, n, `d/${n}.json`);
    if (!this.loadedDocs.has(n)) {
      this.loadedDocs.set(n, d);
      // What MiniSearch.loadJS would put in its tables for these documents.
      for (let i = 0; i < d.ids.length; i++) {
        const id = d.ids[i]!;
        if (id === '') continue;
        this.ms.loadDocument(d.start + i, id, d.fieldLength[i]!, { date: d.date[i]!, votes: d.votes[i] ?? null, title: '', authorKeys: '' });
      }
    }
    return d;
  }

  /** A term's postings as MiniSearch holds them, the doc chunks they point into and their count. */
  private termMap(term: string, postings: string, block: number): ConvertedTerm {
    let c = this.termMaps.get(term);
    if (!c) {
      const data = decodePostings(postings);
      const blocks = new Set<number>();
      let count = 0;
      for (const docs of data.values()) {
        for (const s of docs.keys()) blocks.add(Math.floor(s / block));
        count += docs.size;
      }
      c = { data, blocks: [...blocks], count };
      this.termMaps.set(term, c);
    }
    return c;
  }

  /** The meta records of these short ids (fetching their chunks, which are cut by position: `positionOf`). */
  async meta(shortIds: number[]): Promise<Map<number, MetaRecord>> {
    const { block } = this.manifest.meta;
    const { nextId } = this.manifest;
    const wanted = [...new Set(shortIds.map((s) => Math.floor(positionOf(s, nextId) / block)))];
    const chunks = await Promise.all(
      wanted.map((n) => this.cached(this.metaChunks, n, `m/${n}.json`)),
    );
    const out = new Map<number, MetaRecord>();
    for (const c of chunks) c.docs.forEach((d, i) => d && out.set(positionOf(c.start + i, nextId), d));
    return out;
  }

  /**
   * The index terms `query` can match: for each term of its plan (src/search/query.ts), the term
   * itself, its prefix matches and, when no chunk holds the term, its one-edit neighbours, as
   * MiniSearch finds them, among the chunks that hold the term and its prefixes.
   */
  private async candidateTerms(query: string): Promise<Map<string, string>> {
    const first = this.manifest.terms.first;
    const plan = planQuery(query).terms.map((t) => ({
      ...t,
      chunks: t.prefix ? chunksWithPrefix(first, t.term).slice(0, MAX_PREFIX_CHUNKS) : [chunkOf(first, t.term)],
    }));
    const needed = [...new Set(plan.flatMap((p) => p.chunks))];
    const loaded = new Map(await Promise.all(needed.map(async (n) => [n, await this.terms(n)] as const)));
    const out = new Map<string, string>();
    for (const p of plan) {
      // The union over the chunks' trees equals a lookup in one tree holding all of them.
      const trees = p.chunks.map((n) => loaded.get(n)!);
      for (const tree of trees) {
        const exact = tree.get(p.term);
        if (exact) out.set(p.term, exact);
      }
      if (p.prefix) for (const tree of trees) for (const [t, d] of tree.atPrefix(p.term)) out.set(t, d);
      // One edit only for a word no chunk holds as typed (as planQuery does with the index).
      if (p.fuzzy && !out.has(p.term)) for (const tree of trees) for (const [t, [d]] of tree.fuzzyGet(p.term, p.fuzzy)) out.set(t, d);
    }
    // Such a word's adjacent transpositions, which planQuery searches when the index holds them:
    // each from the chunk that would hold it (usually one already fetched).
    const swaps = plan.filter((p) => p.fuzzy && !out.has(p.term)).flatMap((p) => transpositions(p.term));
    const swapChunks = await Promise.all(swaps.map((t) => this.terms(chunkOf(first, t))));
    swaps.forEach((t, i) => {
      const data = swapChunks[i]!.get(t);
      if (data) out.set(t, data);
    });
    return out;
  }

  /**
   * Marks `query` as the one wanted now: assembling the index for any other query stops at its
   * next step (set by every search; the worker sets it for preloads too).
   */
  want(query: string): void {
    this.wanted = query;
  }

  /** True when a newer query than `query` was asked for. */
  superseded(query: string): boolean {
    return this.wanted !== query;
  }

  /**
   * The MiniSearch holding exactly the terms `query` can match and the documents they point
   * to, assembled from the fetched chunks; the last one is kept, so a search that follows a
   * preload of the same text (or the same text with other filters) does not assemble it again.
   */
  private prepare(query: string): Promise<Prepared | null> {
    if (this.prepared?.query === query) return this.prepared.promise;
    const entry = { query, promise: this.assemble(query) };
    this.prepared = entry;
    const drop = () => {
      if (this.prepared === entry) this.prepared = null;
    };
    entry.promise.then((p) => p ?? drop(), drop);
    return entry.promise;
  }

  private async assemble(query: string): Promise<Prepared | null> {
    const stale = () => this.superseded(query);
    const t0 = performance.now();
    const candidates = await this.candidateTerms(query);
    if (stale()) return null;
    const t1 = performance.now();
    if (candidates.size === 0) return { query, index: null, timings: { terms: t1 - t0, candidates: 0 } };
    const block = this.manifest.docs.block;
    const needed = new Set<number>();
    let postings = 0;
    for (const [term, data] of candidates) {
      const { blocks, count } = this.termMap(term, data, block);
      for (const b of blocks) needed.add(b);
      postings += count;
    }
    await Promise.all([...needed].sort((a, b) => a - b).map((n) => this.docs(n)));
    if (stale()) return null;
    const t2 = performance.now();
    // MiniSearch's term index for this query: the same entries loadJS would build from them.
    const index = this.ms.newTermIndex();
    for (const [term, postings] of candidates) index.set(term, this.termMap(term, postings, block).data);
    const timings = { terms: t1 - t0, docs: t2 - t1, load: performance.now() - t2, candidates: candidates.size, postings };
    return { query, index, timings };
  }

  /**
   * Fetches and assembles what a search for `query` needs (as `rank` would, kept for it);
   * returns the number of postings ranking it will go through, or null when superseded.
   */
  async assembleFor(query: string): Promise<number | null> {
    this.want(query);
    const prepared = await this.prepare(query);
    return prepared && !this.superseded(query) ? (prepared.timings.postings ?? 0) : null;
  }

  /**
   * Results best first (all of them, up to `limit`), filtered; null when a newer query
   * superseded this one (`isStale`, or `want` called with another query). `timings` receives
   * where this call spent its time (ms): `wait` for the assembled index (fetching chunks and
   * loading them; near 0 when a preload already did it), `search` ranking; plus how the index
   * was assembled (`terms`, `docs`, `load`, whichever call did it). `match: 'all'` keeps only the
   * papers that match every query word (src/search/query.ts), as a list sorted by date or votes needs.
   */
  async rank(
    query: string,
    filters: Filters = {},
    limit = RESULT_LIMIT,
    isStale: () => boolean = () => false,
    timings?: Record<string, number>,
    match: 'any' | 'all' = 'any',
  ): Promise<PageHit[] | null> {
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
    const options: ClientSearchOptions = { limit, match };
    if (filters.from) options.from = filters.from;
    if (filters.to) options.to = filters.to;
    if (filters.minVotes != null) options.minVotes = filters.minVotes;
    this.ms.useTermIndex(prepared.index); // synchronous from here to the results: no other query interleaves
    const hits = this.client.search(query, options).map((h) => ({ ...h, shortId: this.ms.shortIdOf(h.id)! }));
    this.lastTimings = { ...prepared.timings, wait: t1 - t0, search: performance.now() - t1 };
    if (timings) Object.assign(timings, this.lastTimings);
    return hits;
  }

  /** Results best first (all of them, up to `limit`), filtered; [] when superseded. */
  async search(...args: Parameters<ChunkedIndex['rank']>): Promise<PageHit[]> {
    return (await this.rank(...args)) ?? [];
  }

  /**
   * Papers that pass the filters (and are in `only`, when given), newest first (dataset order)
   * or, with `sort: 'votes'`, most votes first (unknown last, then dataset order): from `offset`,
   * at most `limit`, and whether more follow.
   */
  async browse(
    filters: Filters,
    offset: number,
    limit: number,
    { only, sort = 'newest' }: { only?: ReadonlySet<number>; sort?: 'newest' | 'votes' } = {},
  ): Promise<{ shortIds: number[]; more: boolean }> {
    const out: { s: number; votes: number }[] = [];
    const block = this.manifest.docs.block;
    const chunks = only ? [...new Set([...only].map((s) => Math.floor(s / block)))].sort((a, b) => a - b) : null;
    const count = chunks ? chunks.length : this.manifest.docs.count;
    for (let k = 0; k < count; k++) {
      const c = await this.docs(chunks ? chunks[k]! : k);
      for (let i = 0; i < c.ids.length; i++) {
        if (c.ids[i] === '' || (only && !only.has(c.start + i)) || !passesFilters(c.date[i], c.votes[i], filters)) continue;
        out.push({ s: c.start + i, votes: c.votes[i] ?? -1 });
        if (sort === 'newest' && out.length > offset + limit) return { shortIds: out.slice(offset, offset + limit).map((o) => o.s), more: true };
      }
    }
    if (sort === 'votes') out.sort((a, b) => b.votes - a.votes || a.s - b.s);
    return { shortIds: out.slice(offset, offset + limit).map((o) => o.s), more: out.length > offset + limit };
  }
}

export { AnalyzerMismatchError };
