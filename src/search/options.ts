/**
 * The MiniSearch options shared by the index build (pipeline/steps/search-index.ts) and every
 * client (src/search/client.ts, the page). Any MiniSearch user can load `output/search-index.json`
 * once its compact postings are expanded (src/search/postings.ts):
 *
 *   import MiniSearch from 'minisearch';
 *   import { expandIndex } from 'daily-papers-feeds/client';
 *   import { indexOptions } from 'daily-papers-feeds/search-options';
 *   const ms = MiniSearch.loadJS(expandIndex(text), indexOptions);
 *   ms.search('강화학습');               // uses searchOptions by default
 *
 * Browser-safe: no `node:` imports.
 */
import type { Options, SearchOptions } from 'minisearch';
import type { Paper } from '../types.ts';
import { ANALYZER_VERSION, isHangulTerm, processTerm, tokenize, tokenizeQuery } from './analyzer.ts';
import { fuzzyLatin } from './query.ts';

export { ANALYZER_VERSION };

/** The top-level key of search-index.json holding the analyzer version (MiniSearch ignores it). */
export const VERSION_KEY = 'analyzerVersion';

/** Indexed fields. */
export const SEARCH_FIELDS = ['title', 'summary', 'authors', 'id'] as const;
/** Stored fields: what a result needs to be shown and filtered by date and votes without papers.json. */
export const STORE_FIELDS = ['title', 'date', 'votes'] as const;

/** The document indexed for one paper. */
export interface SearchDocument {
  id: string;
  title: string;
  /**
   * Summary bullets' plain text, one per line (labels left out: they repeat in every paper):
   * the paper's summary, then the lines of its other listings (`Paper.listings`) it does not
   * already hold, so re-worded text stays findable.
   */
  summary: string;
  /** Author names, one per line. */
  authors: string;
  date: string;
  votes: number | null;
}

/** What each stored document carries. */
export interface StoredFields {
  title: string;
  date: string;
  votes: number | null;
}

/** The summary's plain-text lines, then each line of the other listings that is not among them yet. */
function summaryLines(paper: Paper): string[] {
  const lines = paper.summary.map((s) => s.text);
  const seen = new Set(lines);
  for (const listing of paper.listings ?? []) {
    for (const { text } of listing.summary) {
      if (seen.has(text)) continue;
      seen.add(text);
      lines.push(text);
    }
  }
  return lines;
}

/** The searchable document for a paper. */
export function toSearchDocument(paper: Paper): SearchDocument {
  return {
    id: paper.id,
    title: paper.title,
    summary: summaryLines(paper).join('\n'),
    authors: paper.authors.map((a) => a.name).join('\n'),
    date: paper.date,
    votes: paper.votes,
  };
}

/** The most results one search returns to the page (it shows "500+" beyond it). */
export const RESULT_LIMIT = 500;

/** Field boosts: title above authors above summary. */
export const FIELD_BOOST: Record<string, number> = { title: 3, authors: 2, summary: 1, id: 1 };

/**
 * Prefix matching on the last query term only: any Hangul term, a Latin term of two letters or
 * more, a number of four digits or more (`2404` -> arXiv IDs; shorter prefixes match thousands of
 * terms and say little).
 */
export function prefixLastTerm(term: string, i: number, terms: string[]): boolean {
  if (i !== terms.length - 1) return false;
  if (isHangulTerm(term)) return true;
  return /^\d+$/u.test(term) ? term.length >= 4 : term.length >= 2;
}

export { fuzzyLatin };

/**
 * Default search options of a MiniSearch built with indexOptions, for other MiniSearch users:
 * plain MiniSearch ranking over the query's index terms. The project's clients search the
 * query plan instead and rank with its rules (src/search/query.ts).
 */
export const searchOptions: SearchOptions = {
  boost: FIELD_BOOST,
  prefix: prefixLastTerm,
  fuzzy: fuzzyLatin,
  combineWith: 'OR',
  tokenize: tokenizeQuery,
  processTerm: (term: string) => processTerm(term),
};

/** The MiniSearch constructor / loadJS options. */
export const indexOptions: Options<SearchDocument> = {
  idField: 'id',
  fields: [...SEARCH_FIELDS],
  storeFields: [...STORE_FIELDS],
  tokenize,
  processTerm,
  searchOptions,
};
