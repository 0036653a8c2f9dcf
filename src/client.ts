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
  /** Only papers by this author key (or any of these keys). */
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
  /** The author keys of the paper. */
  authorKeys: string[];
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
export function loadSearchIndex(json: string | object): SearchClient {
  const js: unknown = typeof json === 'string' ? JSON.parse(json) : json;
  if (js === null || typeof js !== 'object' || !('index' in js) || !('documentIds' in js)) {
    throw new Error('not a MiniSearch index: expected the JSON written to search-index.json');
  }
  const version = (js as Record<string, unknown>)[VERSION_KEY];
  if (version !== ANALYZER_VERSION) throw new AnalyzerMismatchError(version);
  const ms = MiniSearch.loadJS<SearchDocument>(js as AsPlainObject, indexOptions);
  return createSearchClient(ms);
}

/**
 * Wraps a MiniSearch built or loaded with `indexOptions` (for instance one the page assembled
 * from chunks with MiniSearch.loadJS). The caller is responsible for the version check.
 */
export function createSearchClient(ms: MiniSearch<SearchDocument>): SearchClient {
  return {
    analyzerVersion: ANALYZER_VERSION,
    get size() {
      return ms.documentCount;
    },
    miniSearch: ms,
    has: (id: string) => ms.has(id),
    search: (query: string, options: ClientSearchOptions = {}) => searchIndex(ms, query, options),
  };
}

function passes(stored: Partial<StoredFields>, f: SearchFilters, authors: Set<string> | null): boolean {
  const date = stored.date ?? '';
  if (f.from && date < f.from) return false;
  if (f.to && date > f.to) return false;
  if (f.minVotes != null && (stored.votes ?? 0) < f.minVotes) return false;
  if (authors) {
    const keys = (stored.authorKeys ?? '').split(' ');
    if (!keys.some((k) => authors.has(k))) return false;
  }
  return true;
}

function toHit(r: SearchResult, score: number): SearchHit {
  return {
    id: String(r.id),
    score,
    title: String(r.title ?? ''),
    date: String(r.date ?? ''),
    votes: typeof r.votes === 'number' ? r.votes : null,
    authorKeys: typeof r.authorKeys === 'string' && r.authorKeys !== '' ? r.authorKeys.split(' ') : [],
    terms: r.terms,
    queryTerms: r.queryTerms,
  };
}

/** Searches a MiniSearch built with indexOptions: arXiv IDs named in the query come first. */
export function searchIndex(ms: MiniSearch<SearchDocument>, query: string, options: ClientSearchOptions = {}): SearchHit[] {
  const q = cleanText(query);
  const limit = Math.max(0, Math.floor(Number(options.limit ?? DEFAULT_LIMIT)) || 0);
  const units = analyzeQuery(q);
  if (limit === 0 || units.length === 0) return [];
  const authorList = options.author == null ? null : Array.isArray(options.author) ? options.author : [options.author];
  const authors = authorList && authorList.length > 0 ? new Set(authorList) : null;
  const all = options.match === 'all';
  const filter = (r: SearchResult) => {
    if (!passes(r as Partial<StoredFields>, options, authors)) return false;
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
