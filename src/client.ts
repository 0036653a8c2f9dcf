/**
 * The search client: loads `search-index.json` (or an index assembled by the page) and
 * answers queries best first, with filters. Browser-safe: no `node:` imports.
 *
 *   import { loadSearchIndex } from 'daily-papers-feeds/client';
 *   const index = loadSearchIndex(await (await fetch('search-index.json')).text());
 *   index.search('강화학습', { from: '2024-01-01', minVotes: 10 });
 */
import MiniSearch from 'minisearch';
import type { AsPlainObject, SearchResult } from 'minisearch';
import { analyzeQuery, ANALYZER_VERSION, cleanText, extractArxivIds, unitSatisfied } from './analyzer.ts';
import { indexOptions, VERSION_KEY } from './search-options.ts';
import type { SearchDocument, StoredFields } from './search-options.ts';

export { ANALYZER_VERSION, VERSION_KEY };

/** Thrown when an index was built by another analyzer version (its terms would not match). */
export class AnalyzerMismatchError extends Error {
  readonly expected: string;
  readonly found: unknown;
  constructor(found: unknown) {
    super(
      `search index analyzer version ${JSON.stringify(found ?? null)} does not match this client's ` +
        `"${ANALYZER_VERSION}": rebuild the index (npm run pipeline) or use the client shipped with it`,
    );
    this.name = 'AnalyzerMismatchError';
    this.expected = ANALYZER_VERSION;
    this.found = found;
  }
}

export interface SearchFilters {
  /** Earliest first-digest date, YYYY-MM-DD, inclusive. */
  from?: string;
  /** Latest first-digest date, YYYY-MM-DD, inclusive. */
  to?: string;
  /** Only papers with at least this many votes (unknown votes count as 0). */
  minVotes?: number;
  /**
   * Only papers by this author key (or any of these keys), as in authors.json. Exact when the
   * client was given the author records; otherwise both words of the key must be names in the
   * paper's authors field.
   */
  author?: string | string[];
}

export interface ClientSearchOptions extends SearchFilters {
  /** At most this many results (default 50; Infinity for all). */
  limit?: number;
  /**
   * `any` (default): ranked, a paper matching any query term is a result.
   * `all`: every query word must match (a Korean compound is matched when its syllables are
   * covered, with or without the space), as used by saved-query feeds.
   */
  match?: 'any' | 'all';
}

export interface SearchHit {
  /** The paper id (arXiv ID). */
  id: string;
  score: number;
  title: string;
  date: string;
  votes: number | null;
  /** The index terms that matched (for highlighting). */
  terms: string[];
  /** The query terms that matched. */
  queryTerms: string[];
}

export interface SearchClient {
  readonly analyzerVersion: string;
  /** Number of documents. */
  readonly size: number;
  /** Results best first; never throws on any query string. */
  search(query: string, options?: ClientSearchOptions): SearchHit[];
  has(id: string): boolean;
  /** The underlying MiniSearch, loaded with the project's indexOptions. */
  readonly miniSearch: MiniSearch<SearchDocument>;
}

const DEFAULT_LIMIT = 50;

/**
 * Loads a serialized index: the text of search-index.json, or the parsed object.
 * Throws AnalyzerMismatchError when the analyzer version differs, and an Error for
 * anything that is not a MiniSearch index.
 */
export interface LoadOptions {
  /** authors.json (or its records): makes the author filter exact. */
  authors?: readonly { key: string; papers: readonly string[] }[];
}

export function loadSearchIndex(json: string | object, options: LoadOptions = {}): SearchClient {
  const js: unknown = typeof json === 'string' ? JSON.parse(json) : json;
  if (js === null || typeof js !== 'object' || !('index' in js) || !('documentIds' in js)) {
    throw new Error('not a MiniSearch index: expected the JSON written to search-index.json');
  }
  const version = (js as Record<string, unknown>)[VERSION_KEY];
  if (version !== ANALYZER_VERSION) throw new AnalyzerMismatchError(version);
  const ms = loadMiniSearch(js as AsPlainObject);
  return createSearchClient(ms, options);
}

/**
 * Wraps a MiniSearch built or loaded with `indexOptions` (for instance one the page assembled
 * from chunks with MiniSearch.loadJS). The caller is responsible for the version check.
 */
export function createSearchClient(ms: MiniSearch<SearchDocument>, options: LoadOptions = {}): SearchClient {
  const authors = options.authors ? new Map(options.authors.map((a) => [a.key, a.papers])) : undefined;
  return {
    analyzerVersion: ANALYZER_VERSION,
    get size() {
      return ms.documentCount;
    },
    miniSearch: ms,
    has: (id: string) => ms.has(id),
    search: (query: string, opts: ClientSearchOptions = {}) => searchIndex(ms, query, opts, authors),
  };
}

function passes(stored: Partial<StoredFields>, f: SearchFilters): boolean {
  const date = stored.date ?? '';
  if (f.from && date < f.from) return false;
  if (f.to && date > f.to) return false;
  if (f.minVotes != null && (stored.votes ?? 0) < f.minVotes) return false;
  return true;
}

/** Author key -> paper ids, from authors.json records. */
export type AuthorPapers = ReadonlyMap<string, readonly string[]>;

/** The paper ids of the given author keys (see SearchFilters.author). */
function authorIds(ms: MiniSearch<SearchDocument>, keys: readonly string[], authors: AuthorPapers | undefined): Set<string> {
  const ids = new Set<string>();
  for (const key of keys) {
    if (typeof key !== 'string') continue;
    if (authors) {
      for (const id of authors.get(key) ?? []) ids.add(id);
      continue;
    }
    if (analyzeQuery(key).length === 0) continue;
    for (const r of ms.search(key, { fields: ['authors'], combineWith: 'AND', prefix: false, fuzzy: false })) ids.add(String(r.id));
  }
  return ids;
}

function toHit(r: SearchResult, score: number): SearchHit {
  return {
    id: String(r.id),
    score,
    title: String(r.title ?? ''),
    date: String(r.date ?? ''),
    votes: typeof r.votes === 'number' ? r.votes : null,
    terms: r.terms,
    queryTerms: r.queryTerms,
  };
}

/** Searches a MiniSearch built with indexOptions: arXiv IDs named in the query come first. */
export function searchIndex(
  ms: MiniSearch<SearchDocument>,
  query: string,
  options: ClientSearchOptions = {},
  authorPapers?: AuthorPapers,
): SearchHit[] {
  const q = cleanText(query);
  const limit = Math.max(0, Math.floor(Number(options.limit ?? DEFAULT_LIMIT)) || 0);
  const units = analyzeQuery(q);
  if (limit === 0 || units.length === 0) return [];
  const authorList = options.author == null ? [] : Array.isArray(options.author) ? options.author : [options.author];
  const authors = authorList.length > 0 ? authorIds(ms, authorList, authorPapers) : null;
  const all = options.match === 'all';
  const filter = (r: SearchResult) => {
    if (authors && !authors.has(String(r.id))) return false;
    if (!passes(r as Partial<StoredFields>, options)) return false;
    if (!all) return true;
    const matched = new Set(r.queryTerms);
    return units.every((u) => unitSatisfied(u, matched));
  };
  let results: SearchResult[];
  try {
    results = ms.search(q, { filter });
  } catch {
    return []; // MiniSearch does not throw on analyzed input; this is a last line of defence.
  }
  // A paper whose arXiv ID the query names goes first, in the order the IDs were written.
  const ids = extractArxivIds(q).filter((id) => ms.has(id));
  if (ids.length === 0) return results.slice(0, limit).map((r) => toHit(r, r.score));
  const top = results[0]?.score ?? 0;
  const named = new Set(ids);
  const first: SearchHit[] = [];
  for (const [i, id] of ids.entries()) {
    const r = results.find((x) => x.id === id);
    if (r) first.push(toHit(r, top + ids.length - i));
  }
  const rest = results.filter((r) => !named.has(String(r.id))).map((r) => toHit(r, r.score));
  return [...first, ...rest].slice(0, limit);
}

// ---------------------------------------------------------------------------------------------
// Fast loading. MiniSearch.loadJS inserts every term into its radix tree one by one (a linear
// scan of a node's children per step: slow with the ~1,500 Hangul syllables under the root)
// and converts every posting list to Maps up front. loadMiniSearch gives the same MiniSearch
// (same search results: test/client.test.ts compares them) but builds the tree in one pass over
// the sorted terms and converts a term's postings only when a query first touches it.

type RawPostings = Record<string, Record<string, number>>;
type Tree = Map<string, unknown>;

/** A term's field -> (document -> frequency) map, converted from the JSON on first use. */
class LazyTermData extends Map<number, Map<number, number>> {
  private raw: RawPostings | null;
  constructor(raw: RawPostings) {
    super();
    this.raw = raw;
  }
  private load(): void {
    const raw = this.raw;
    if (raw === null) return;
    this.raw = null;
    for (const field of Object.keys(raw)) {
      const freqs = raw[field]!;
      const m = new Map<number, number>();
      for (const doc of Object.keys(freqs)) m.set(Number(doc), freqs[doc]!);
      super.set(Number(field), m);
    }
  }
  override get(key: number) {
    this.load();
    return super.get(key);
  }
  override has(key: number) {
    this.load();
    return super.has(key);
  }
  override set(key: number, value: Map<number, number>) {
    this.load();
    return super.set(key, value);
  }
  override delete(key: number) {
    this.load();
    return super.delete(key);
  }
  override clear() {
    this.raw = null;
    super.clear();
  }
  override get size() {
    this.load();
    return super.size;
  }
  override keys() {
    this.load();
    return super.keys();
  }
  override values() {
    this.load();
    return super.values();
  }
  override entries() {
    this.load();
    return super.entries();
  }
  override forEach(fn: (value: Map<number, number>, key: number, map: Map<number, Map<number, number>>) => void, thisArg?: unknown) {
    this.load();
    super.forEach(fn, thisArg);
  }
  override [Symbol.iterator]() {
    this.load();
    return super[Symbol.iterator]();
  }
}

/**
 * Builds MiniSearch's radix tree (nested Maps, leaf value under the '' key) from terms sorted
 * in code-unit order, in one pass.
 */
export function buildRadixTree<V>(terms: readonly string[], values: readonly V[]): Tree {
  // MiniSearch iterates a node's keys last-inserted first: children go in in reverse order and
  // the leaf last, so that iteration (and toJSON) yields the terms in sorted order.
  const build = (lo: number, hi: number, offset: number): Tree => {
    const children: [string, Tree][] = [];
    let i = lo;
    const leaf = terms[i]!.length === offset ? i++ : -1;
    while (i < hi) {
      const first = terms[i]!;
      const c = first[offset];
      let j = i + 1;
      while (j < hi && terms[j]![offset] === c) j++;
      const last = terms[j - 1]!;
      const max = Math.min(first.length, last.length);
      let end = offset + 1;
      while (end < max && first[end] === last[end]) end++;
      children.push([first.slice(offset, end), build(i, j, end)]);
      i = j;
    }
    const node: Tree = new Map();
    for (let k = children.length - 1; k >= 0; k--) node.set(children[k]![0], children[k]![1]);
    if (leaf >= 0) node.set('', values[leaf]);
    return node;
  };
  return terms.length === 0 ? new Map() : build(0, terms.length, 0);
}

interface Internals {
  _index: { constructor: new (tree: Tree) => unknown };
}

/**
 * MiniSearch.loadJS(js, indexOptions), faster (see above). Falls back to MiniSearch.loadJS for
 * the old serialization format.
 */
export function loadMiniSearch(js: AsPlainObject): MiniSearch<SearchDocument> {
  if (js.serializationVersion !== 2 || !Array.isArray(js.index)) return MiniSearch.loadJS<SearchDocument>(js, indexOptions);
  const ms = MiniSearch.loadJS<SearchDocument>({ ...js, index: [] }, indexOptions);
  const index = js.index as [string, RawPostings][];
  let order: [string, RawPostings][] = index;
  for (let i = 1; i < index.length; i++) {
    if (!(index[i - 1]![0] < index[i]![0])) {
      order = [...index].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      break;
    }
  }
  const terms = order.map((e) => e[0]);
  const values = order.map((e) => new LazyTermData(e[1]));
  const internals = ms as unknown as Internals;
  internals._index = new internals._index.constructor(buildRadixTree(terms, values)) as Internals['_index'];
  return ms;
}
