/**
 * The index terms a query plan can reach (src/search/query.ts `miniSearchQuery`), and
 * `searchBuiltIndex`: a built index searched through a MiniSearch holding only those terms and the
 * whole index's header, which answers exactly as one holding every term. The pipeline's saved
 * queries run that way (pipeline/steps/search-index.ts): loading every term of the real archive's
 * index (130,000) into MiniSearch's term tree took most of their time and memory.
 *
 * Which terms MiniSearch visits for a query term (minisearch 7, `executeQuerySpec`): the term
 * itself; with `prefix`, every term it begins; with `fuzzy`, every term within the maximum edit
 * distance (Levenshtein, in UTF-16 code units) of `fuzzy` (a number of edits from 1 up; a fraction
 * of the term's length, at most `maxFuzzy`, below 1). A term outside that set adds nothing to any
 * result, so leaving it out changes no match, score or order.
 */
import { cleanText } from './analyzer.ts';
import { searchIndex } from './client.ts';
import type { ClientSearchOptions, SearchHit } from './client.ts';
import type { BuiltIndex } from './index-builder.ts';
import { postingsText } from './index-json.ts';
import { loadMiniSearchParts } from './load.ts';
import { planQuery } from './query.ts';
import type { QueryPlan } from './query.ts';

/** MiniSearch's default `maxFuzzy` (the cap of a fractional `fuzzy`); the project does not change it. */
const MAX_FUZZY = 6;

/** Whether `terms` (sorted by code unit, distinct) holds `term`: a binary search. */
export function hasSortedTerm(terms: readonly string[], term: string): boolean {
  const i = lowerBound(terms, term);
  return i < terms.length && terms[i] === term;
}

/** The first position in `terms` (sorted by code unit) whose term is not below `term`. */
function lowerBound(terms: readonly string[], term: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < term) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** MiniSearch's edit distance for a fuzzy query term (0: no fuzzy search). */
function maxDistance(term: string, fuzzy: number | boolean): number {
  if (fuzzy === false) return 0;
  const f = fuzzy === true ? 0.2 : fuzzy;
  return f < 1 ? Math.min(MAX_FUZZY, Math.round(term.length * f)) : f;
}

/** Whether the Levenshtein distance of `a` and `b` (UTF-16 code units) is at most `max`. */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (a === b) return true;
  if (max === 0) return false;
  // One row of the distance matrix at a time; stop once a whole row exceeds `max`.
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(d);
      if (d < least) least = d;
    }
    if (least > max) return false;
    prev = row;
  }
  return prev[b.length]! <= max;
}

/**
 * The positions in `terms` (every index term, sorted by code unit, distinct) of the terms
 * `plan`'s MiniSearch query can visit, ascending: each plan term held by the index, every term a
 * prefix term begins, and every term within a fuzzy term's edit distance (see the module comment).
 * A fuzzy term costs one pass over the terms of a length within its distance.
 */
export function reachableTerms(plan: QueryPlan, terms: readonly string[]): number[] {
  const picked = new Set<number>();
  for (const t of plan.terms) {
    const at = lowerBound(terms, t.term);
    if (terms[at] === t.term) picked.add(at);
    if (t.prefix) for (let i = at; i < terms.length && terms[i]!.startsWith(t.term); i++) picked.add(i);
    const max = maxDistance(t.term, t.fuzzy);
    if (max > 0) terms.forEach((term, i) => withinEdits(t.term, term, max) && picked.add(i));
  }
  return [...picked].sort((a, b) => a - b);
}

/**
 * `query` searched in `index` as the client (src/search/client.ts `searchIndex`) searches the
 * index loaded whole from its search-index.json, hits best first with the same scores, through
 * a MiniSearch holding only the terms the query's plan reaches (`reachableTerms`) and the whole
 * header. Without the author filter, which looks terms up by itself.
 */
export function searchBuiltIndex(index: BuiltIndex, query: string, options: Omit<ClientSearchOptions, 'author'> = {}): SearchHit[] {
  const known = (term: string) => hasSortedTerm(index.terms, term);
  const reached = reachableTerms(planQuery(cleanText(query), known), index.terms);
  const ms = loadMiniSearchParts(
    index.head,
    reached.map((i) => index.terms[i]!),
    (k) => postingsText(index, reached[k]!),
  );
  // The plan searchIndex makes again asks `known` of the reached MiniSearch: the same answers,
  // since every term a plan asks about and the index holds becomes a plan term (planQuery).
  return searchIndex(ms, query, options);
}
