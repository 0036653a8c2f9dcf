/**
 * Step "index": builds the MiniSearch index over the dataset with the shared analyzer
 * and returns it as the artifact `search-index.json`, plus a search function for the
 * feeds step (saved queries).
 *
 * search-index.json is exactly `JSON.stringify(miniSearch)`: `MiniSearch.loadJSON(text,
 * indexOptions)` loads it. The analyzer version travels as one extra top-level key
 * (`analyzerVersion`, first in the file), which MiniSearch's loader ignores and the
 * project's client checks.
 */
import MiniSearch from 'minisearch';
import type { AsPlainObject } from 'minisearch';
import type { StepContext } from './context.ts';
import type { Artifact, Dataset } from '../src/types.ts';
import { ANALYZER_VERSION } from '../src/analyzer.ts';
import { indexOptions, toSearchDocument, VERSION_KEY } from '../src/search-options.ts';
import type { SearchDocument } from '../src/search-options.ts';
import { buildRadixTree, createSearchClient } from '../src/client.ts';

export const SEARCH_INDEX_PATH = 'search-index.json';

/** A MiniSearch whose JSON form also names the analyzer that built it. */
export class VersionedMiniSearch extends MiniSearch<SearchDocument> {
  override toJSON(): AsPlainObject & { [VERSION_KEY]: string } {
    return { [VERSION_KEY]: ANALYZER_VERSION, ...super.toJSON() };
  }

  /**
   * Rebuilds the term tree so that it iterates (and serializes) in sorted term order: the JSON
   * no longer depends on insertion order, and the client loads it without sorting.
   */
  sortTerms(): void {
    const internals = this as unknown as { _index: Iterable<[string, unknown]> & { constructor: new (tree: Map<string, unknown>) => unknown } };
    const entries = [...internals._index].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const tree = buildRadixTree(entries.map((e) => e[0]), entries.map((e) => e[1]));
    internals._index = new internals._index.constructor(tree) as typeof internals._index;
  }
}

/** Builds the index over the papers, in dataset order (deterministic). */
export function buildSearchIndex(dataset: Dataset): VersionedMiniSearch {
  const ms = new VersionedMiniSearch(indexOptions);
  const seen = new Set<string>();
  for (const paper of dataset.papers) {
    // Ids are unique after enrichment; a duplicate would make MiniSearch throw, so skip it here.
    if (seen.has(paper.id)) continue;
    seen.add(paper.id);
    ms.add(toSearchDocument(paper));
  }
  ms.sortTerms();
  return ms;
}

export interface IndexStepResult {
  artifacts: Artifact[];
  /** The plain form serialized to search-index.json; the page step splits it into chunks. */
  index: AsPlainObject;
  /** Paper ids matching every word of a saved query, best first. */
  search(query: string): string[];
}

export function indexStep(ctx: StepContext, dataset: Dataset): IndexStepResult {
  const ms = buildSearchIndex(dataset);
  const duplicates = dataset.papers.length - ms.documentCount;
  if (duplicates > 0) ctx.logger.info(`index: ${duplicates} duplicate paper id(s) indexed once`);
  const client = createSearchClient(ms);
  const index = ms.toJSON();
  return {
    artifacts: [{ path: SEARCH_INDEX_PATH, data: JSON.stringify(index) }],
    index,
    search: (query: string) => client.search(query, { match: 'all', limit: Infinity }).map((hit) => hit.id),
  };
}
