/**
 * The search client: loads `search-index.json` (or an index assembled by the page) and
 * answers queries best first, with filters. Browser-safe: no `node:` imports.
 *
 *   import { loadSearchIndex } from 'daily-papers-feeds/client';
 *   const index = loadSearchIndex(await (await fetch('search-index.json')).text());
 *   index.search('강화학습', { from: '2024-01-01', minVotes: 10 });
 */
import MiniSearch from 'minisearch';
import { compareStrings } from '../compare.ts';
import type { AsPlainObject, SearchResult } from 'minisearch';
import { analyzeQuery, ANALYZER_VERSION, cleanText, extractArxivIds, unitSatisfied } from './analyzer.ts';
import { indexOptions, VERSION_KEY } from './options.ts';
import type { SearchDocument, StoredFields } from './options.ts';

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
  if (typeof json === 'string') {
    const fast = scanIndexText(json);
    if (fast) {
      const version = (fast.head as Record<string, unknown>)[VERSION_KEY];
      if (version !== ANALYZER_VERSION) throw new AnalyzerMismatchError(version);
      return createSearchClient(loadMiniSearchEntries(fast.head, fast.terms, fast.values), options);
    }
  }
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

/** Every paper the filters select, newest first (then votes, then id), scored 0. */
function listFiltered(ms: MiniSearch<SearchDocument>, options: SearchFilters, authors: Set<string> | null, limit: number): SearchHit[] {
  const results = ms.search(MiniSearch.wildcard, {
    filter: (r) => (!authors || authors.has(String(r.id))) && passes(r as Partial<StoredFields>, options),
  });
  const date = (r: SearchResult) => String(r.date ?? '');
  results.sort(
    (a, b) =>
      compareStrings(date(b), date(a)) ||
      (Number(b.votes ?? -1) - Number(a.votes ?? -1)) ||
      compareStrings(String(a.id), String(b.id)),
  );
  return results.slice(0, limit).map((r) => toHit(r, 0));
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
  if (limit === 0) return [];
  const authorList = (options.author == null ? [] : Array.isArray(options.author) ? options.author : [options.author]).filter(
    (a) => typeof a === 'string' && a.trim() !== '',
  );
  if (units.length === 0) {
    // No searchable words: nothing, unless filters are set; then the papers they select, newest first.
    const filtered = authorList.length > 0 || !!options.from || !!options.to || options.minVotes != null;
    return filtered ? listFiltered(ms, options, authorList.length > 0 ? authorIds(ms, authorList, authorPapers) : null, limit) : [];
  }
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
// (same search results: test/src/search/client.test.ts compares them) but builds the tree in one pass over
// the sorted terms and converts a term's postings only when a query first touches it.

type RawPostings = Record<string, Record<string, number>>;
/** A term's postings: parsed, as JSON text, or a function returning the JSON text. */
type RawSource = RawPostings | string | (() => string);
type Tree = Map<string, unknown>;

/**
 * A term's field -> (document -> frequency) map, converted from the JSON on first use. It has
 * the Map methods MiniSearch calls on term data, without allocating a Map per term at load.
 */
class LazyTermData {
  private raw: RawSource | null;
  private map: Map<number, Map<number, number>> | null = null;
  constructor(raw: RawSource) {
    this.raw = raw;
  }
  private m(): Map<number, Map<number, number>> {
    if (this.map) return this.map;
    const r = typeof this.raw === 'function' ? this.raw() : this.raw;
    this.raw = null;
    const map = new Map<number, Map<number, number>>();
    const raw: RawPostings = typeof r === 'string' ? JSON.parse(r) : (r ?? {});
    for (const field of Object.keys(raw)) {
      const freqs = raw[field]!;
      const m = new Map<number, number>();
      for (const doc of Object.keys(freqs)) m.set(Number(doc), freqs[doc]!);
      map.set(Number(field), m);
    }
    this.map = map;
    return map;
  }
  get(key: number) {
    return this.m().get(key);
  }
  has(key: number) {
    return this.m().has(key);
  }
  set(key: number, value: Map<number, number>) {
    this.m().set(key, value);
    return this;
  }
  delete(key: number) {
    return this.m().delete(key);
  }
  clear() {
    this.m().clear();
  }
  get size() {
    return this.m().size;
  }
  keys() {
    return this.m().keys();
  }
  values() {
    return this.m().values();
  }
  entries() {
    return this.m().entries();
  }
  forEach(fn: (value: Map<number, number>, key: number, map: Map<number, Map<number, number>>) => void, thisArg?: unknown) {
    this.m().forEach(fn, thisArg);
  }
  [Symbol.iterator]() {
    return this.m()[Symbol.iterator]();
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
  const index = js.index as [string, RawPostings][];
  return loadMiniSearchEntries(
    { ...js, index: [] },
    index.map((e) => e[0]),
    index.map((e) => e[1]),
  );
}

/**
 * A MiniSearch from an index header (`MiniSearch#toJSON` without its terms), the terms and each
 * term's postings as JSON text (parsed when a query first touches the term).
 */
export function loadMiniSearchParts(
  head: Omit<AsPlainObject, 'index'>,
  terms: string[],
  postings: (termIndex: number) => string,
): MiniSearch<SearchDocument> {
  return loadMiniSearchEntries({ ...head, index: [] } as AsPlainObject, terms, terms.map((_t, i) => () => postings(i)));
}

/** A MiniSearch from the serialized index without its terms, plus the terms and their postings. */
function loadMiniSearchEntries(head: AsPlainObject, terms: string[], raws: RawSource[]): MiniSearch<SearchDocument> {
  const ms = MiniSearch.loadJS<SearchDocument>({ ...head, index: [] }, indexOptions);
  let sorted = true;
  for (let i = 1; i < terms.length; i++) {
    if (!(terms[i - 1]! < terms[i]!)) {
      sorted = false;
      break;
    }
  }
  let order = terms.map((_t, i) => i);
  if (!sorted) order = order.sort((a, b) => compareStrings(terms[a]!, terms[b]!));
  const values = order.map((i) => new LazyTermData(raws[i]!));
  const internals = ms as unknown as Internals;
  internals._index = new internals._index.constructor(
    buildRadixTree(
      order.map((i) => terms[i]!),
      values,
    ),
  ) as Internals['_index'];
  return ms;
}

const QUOTE = 34; // "
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;

/** The index of the quote closing the string that opens at `at`, or -1. */
function stringEnd(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i;
  }
  return -1;
}

/**
 * Reads search-index.json text without JSON.parse-ing the postings: everything but `index` is
 * parsed as usual, the index array is scanned for its terms, and each term keeps the text of its
 * postings (parsed when a query first needs them). Returns null for any text it does not
 * recognize as the exact output of JSON.stringify(miniSearch); the caller then parses it normally.
 */
function scanIndexText(text: string): { head: AsPlainObject; terms: string[]; values: string[] } | null {
  const key = '"index":[';
  const at = text.lastIndexOf(key);
  if (at <= 0 || text.charCodeAt(at - 1) !== COMMA) return null;
  const terms: string[] = [];
  const values: string[] = [];
  let i = at + key.length;
  if (text.charCodeAt(i) === CLOSE_BRACKET) i++;
  else {
    for (;;) {
      if (text.charCodeAt(i) !== OPEN_BRACKET || text.charCodeAt(i + 1) !== QUOTE) return null;
      const termEnd = stringEnd(text, i + 1);
      if (termEnd < 0) return null;
      const raw = text.slice(i + 2, termEnd);
      terms.push(raw.includes('\\') ? (JSON.parse(text.slice(i + 1, termEnd + 1)) as string) : raw);
      i = termEnd + 1;
      if (text.charCodeAt(i) !== COMMA || text.charCodeAt(i + 1) !== OPEN_BRACE) return null;
      const start = i + 1;
      // Postings are {"field":{"doc":freq,...},...}: the first "}}]" closes them.
      const end = text.indexOf('}}]', start);
      if (end < 0) return null;
      values.push(text.slice(start, end + 2));
      i = end + 3;
      const next = text.charCodeAt(i);
      if (next === COMMA) {
        i++;
        continue;
      }
      if (next === CLOSE_BRACKET) {
        i++;
        break;
      }
      return null;
    }
  }
  let head: unknown;
  try {
    head = JSON.parse(`${text.slice(0, at)}"index":[]${text.slice(i)}`);
  } catch {
    return null;
  }
  if (head === null || typeof head !== 'object' || !('documentIds' in head) || (head as AsPlainObject).serializationVersion !== 2) return null;
  return { head: head as AsPlainObject, terms, values };
}
