/**
 * The search client: loads `search-index.json` (or wraps an index assembled by the page) and
 * answers queries best first, with filters. Browser-safe: no `node:` imports.
 *
 *   import { loadSearchIndex } from 'daily-papers-feeds/client';
 *   const index = loadSearchIndex(await (await fetch('search-index.json')).text());
 *   index.search('강화학습', { from: '2024-01-01', minVotes: 10 });
 */
import MiniSearch from 'minisearch';
import { compareStrings } from '../compare.ts';
import type { AsPlainObject, Query, SearchResult } from 'minisearch';
import { ANALYZER_VERSION, cleanText, extractArxivIds, isLatinTerm, nameTerm } from './analyzer.ts';
import { passesFilters } from './filters.ts';
import type { PaperFilters } from './filters.ts';
import { hasTerm, termHolder } from './internals.ts';
import { expandIndex, loadMiniSearch, loadMiniSearchEntries, scanIndexText } from './load.ts';
import { VERSION_KEY } from './options.ts';
import { compareRankKeys, matchedTerms, miniSearchQuery, planQuery, planSearchOptions, rankKey, wordMatched } from './query.ts';
import type { QueryPlan, RankKey } from './query.ts';
import type { SearchDocument } from './options.ts';

export { ANALYZER_VERSION, VERSION_KEY };
/** search-index.json as MiniSearch's own serialized form, for `MiniSearch.loadJS(expandIndex(text), indexOptions)`. */
export { expandIndex };

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

/** Throws AnalyzerMismatchError unless `found` (an index's recorded version) is this analyzer's. */
export function checkAnalyzerVersion(found: unknown): void {
  if (found !== ANALYZER_VERSION) throw new AnalyzerMismatchError(found);
}

export interface SearchFilters extends PaperFilters {
  /**
   * Only papers by this author key (or any of these keys), as in authors.json: the papers of the
   * author records when the client was given them, otherwise the papers whose authors field holds
   * the key's name term (for an author of one or two papers, whose name term the index leaves out: both
   * words of the key).
   */
  author?: string | string[];
}

export interface ClientSearchOptions extends SearchFilters {
  /** At most this many results (default 50; Infinity for all). */
  limit?: number;
  /**
   * `any` (default): ranked (src/search/query.ts), papers matching every query word first, then
   * papers matching some.
   * `all`: every query word must match (a Korean compound by its form, its stem or all of its
   * bigrams, so with or without its space), as used by saved-query feeds.
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
  /**
   * True when the paper matched only some of the query's words (`강화학습` found by its `학습`
   * alone): such papers rank after every paper that matched all of them.
   */
  partial: boolean;
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

/** What the author filter needs of an author record (authors.json): the key and the paper ids. */
export interface AuthorRecordRef {
  key: string;
  papers: readonly string[];
}

export interface LoadOptions {
  /** authors.json as parsed, or its `authors` array: makes the author filter exact. */
  authors?: readonly AuthorRecordRef[] | { readonly authors: readonly AuthorRecordRef[] };
}

/**
 * Loads a serialized index: the text of search-index.json, or the parsed object (fast, see
 * src/search/load.ts). Throws AnalyzerMismatchError when the analyzer version differs, and an
 * Error for anything that is not a MiniSearch index.
 */
export function loadSearchIndex(json: string | object, options: LoadOptions = {}): SearchClient {
  if (typeof json === 'string') {
    const fast = scanIndexText(json);
    if (fast) {
      checkAnalyzerVersion((fast.head as Record<string, unknown>)[VERSION_KEY]);
      return createSearchClient(loadMiniSearchEntries(fast.head, fast.terms, fast.values), options);
    }
  }
  const js: unknown = typeof json === 'string' ? JSON.parse(json) : json;
  if (js === null || typeof js !== 'object' || !('index' in js) || !('documentIds' in js)) {
    throw new Error('not a MiniSearch index: expected the JSON written to search-index.json');
  }
  checkAnalyzerVersion((js as Record<string, unknown>)[VERSION_KEY]);
  const ms = loadMiniSearch(js as Parameters<typeof loadMiniSearch>[0]);
  return createSearchClient(ms, options);
}

/** The records of `LoadOptions.authors`: the array itself, or the `authors` of parsed authors.json. Throws a TypeError for anything else. */
function authorRecords(value: NonNullable<LoadOptions['authors']>): readonly AuthorRecordRef[] {
  const records = Array.isArray(value) ? value : (value as { authors?: unknown }).authors;
  if (!Array.isArray(records)) throw new TypeError('options.authors: expected authors.json (parsed) or its "authors" array');
  return records as readonly AuthorRecordRef[];
}

/**
 * Wraps a MiniSearch built or loaded with `indexOptions` (for instance one the page assembled
 * from chunks, src/page/loader.ts). The caller is responsible for the version check
 * (`checkAnalyzerVersion`).
 */
export function createSearchClient(ms: MiniSearch<SearchDocument>, options: LoadOptions = {}): SearchClient {
  const authors = options.authors ? new Map(authorRecords(options.authors).map((a) => [a.key, a.papers])) : undefined;
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
    // The key's name term; for an author of one or two papers (the index leaves that term out), both
    // words of the key in the authors field.
    const name = nameTerm(key);
    if (!name) continue;
    const words = hasTerm(ms, name) ? [name] : key.split(' ');
    const query: Query = { queries: words, fields: ['authors'], combineWith: 'AND', prefix: false, fuzzy: false };
    for (const r of ms.search(query, planSearchOptions)) ids.add(String(r.id));
  }
  return ids;
}

function toHit(r: SearchResult, score: number, partial = false): SearchHit {
  return {
    id: String(r.id),
    score,
    title: String(r.title ?? ''),
    date: String(r.date ?? ''),
    votes: typeof r.votes === 'number' ? r.votes : null,
    terms: r.terms,
    queryTerms: r.queryTerms,
    partial,
  };
}

/** Every paper the filters select, newest first (then votes, then id), scored 0. */
function listFiltered(ms: MiniSearch<SearchDocument>, options: SearchFilters, authors: Set<string> | null, limit: number): SearchHit[] {
  const results = ms.search(MiniSearch.wildcard, {
    filter: (r) => (!authors || authors.has(String(r.id))) && passesFilters(r.date, r.votes, options),
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

/**
 * Searches a MiniSearch built with indexOptions: arXiv IDs named in the query come first, then
 * the papers in the order of src/search/query.ts (`rankKey`). Never throws on any query string.
 */
export function searchIndex(
  ms: MiniSearch<SearchDocument>,
  query: string,
  options: ClientSearchOptions = {},
  authorPapers?: AuthorPapers,
): SearchHit[] {
  const q = cleanText(query);
  const limit = Math.max(0, Math.floor(Number(options.limit ?? DEFAULT_LIMIT)) || 0);
  if (limit === 0) return [];
  const plan = planQuery(q, (t) => hasTerm(ms, t));
  const authorList = (options.author == null ? [] : Array.isArray(options.author) ? options.author : [options.author]).filter(
    (a) => typeof a === 'string' && a.trim() !== '',
  );
  if (plan.terms.length === 0) {
    // No searchable words: nothing, unless filters are set; then the papers they select, newest first.
    const filtered = authorList.length > 0 || !!options.from || !!options.to || options.minVotes != null;
    return filtered ? listFiltered(ms, options, authorList.length > 0 ? authorIds(ms, authorList, authorPapers) : null, limit) : [];
  }
  const authors = authorList.length > 0 ? authorIds(ms, authorList, authorPapers) : null;
  const all = options.match === 'all';
  const filtered = !!authors || !!options.from || !!options.to || options.minVotes != null || all;
  const filter = (r: SearchResult) => {
    if (authors && !authors.has(String(r.id))) return false;
    if (!passesFilters(r.date, r.votes, options)) return false;
    return !all || allWordsMatched(plan, r);
  };
  let ranked: { r: SearchResult; key: RankKey }[];
  try {
    ranked = [];
    const boostDocument = latinPrefixBoost(ms, plan);
    const searchOptions = { ...planSearchOptions, ...(filtered ? { filter } : {}), ...(boostDocument ? { boostDocument } : {}) };
    for (const r of ms.search(miniSearchQuery(plan), searchOptions)) {
      const key = rankKey(plan, r);
      if (key) ranked.push({ r, key });
    }
  } catch {
    return []; // MiniSearch does not throw on analyzed input; this is a last line of defence.
  }
  ranked.sort((a, b) => compareRankKeys(a.key, b.key) || compareStrings(String(a.r.id), String(b.r.id)));
  // A paper whose arXiv ID the query names goes first, in the order the IDs were written.
  const ids = extractArxivIds(q).filter((id) => ms.has(id));
  const words = plan.words.length;
  if (ids.length === 0) return ranked.slice(0, limit).map(({ r, key }) => toHit(r, key[4], key[0] < words));
  const top = ranked[0]?.key[4] ?? 0;
  const named = new Set(ids);
  const first: SearchHit[] = [];
  for (const [i, id] of ids.entries()) {
    const found = ranked.find((x) => x.r.id === id);
    if (found) first.push(toHit(found.r, top + ids.length - i));
  }
  const rest: SearchHit[] = [];
  for (const { r, key } of ranked) {
    if (first.length + rest.length >= limit) break;
    if (!named.has(String(r.id))) rest.push(toHit(r, key[4], key[0] < words));
  }
  return [...first, ...rest].slice(0, limit);
}

/**
 * A Latin word searched as a prefix counts once in a paper that holds it exactly: MiniSearch adds
 * the score of every longer indexed word it begins, so a paper with `geometry` and `geometryaware`
 * (from `Geometry-Aware`) would outscore one with `geometry` alone; here the longer words add
 * nothing to a paper holding the word itself, and still find the papers without it (`qwen` ->
 * `qwen2`). Hangul prefixes are left as they are: a stem typed (`모델만`) is meant to gather the
 * forms that begin with it. Undefined when the plan has no Latin prefix term.
 */
function latinPrefixBoost(ms: MiniSearch<SearchDocument>, plan: QueryPlan): ((id: unknown, term: string) => number) | undefined {
  const prefixes = plan.terms.filter((t) => t.prefix && isLatinTerm(t.term)).map((t) => t.term);
  if (prefixes.length === 0) return undefined;
  const holders = new Map(prefixes.map((p) => [p, termHolder(ms, p)]));
  const planned = new Set(plan.terms.map((t) => t.term));
  return (id, term) => {
    if (planned.has(term)) return 1; // a term of its own (`heng_ji`), not only a longer word
    for (const p of prefixes) {
      if (term !== p && term.startsWith(p) && holders.get(p)!(String(id))) return 0;
    }
    return 1;
  };
}

/** Whether a result matched every word of the query (`match: 'all'`). */
function allWordsMatched(plan: QueryPlan, r: SearchResult): boolean {
  const matched = matchedTerms(plan, r);
  return plan.words.every((w) => wordMatched(w, matched));
}
