/**
 * Step "index": builds the MiniSearch index over the dataset with the shared analyzer and
 * returns it as the artifact `search-index.json`, plus a search function for the feeds step
 * (saved queries) and the built index for the page step.
 *
 * search-index.json is exactly `JSON.stringify(miniSearch)` of a MiniSearch built with
 * `indexOptions` and the papers added in dataset order, with its terms sorted:
 * `MiniSearch.loadJSON(text, indexOptions)` loads it. The analyzer version travels as one extra
 * top-level key (`analyzerVersion`, first in the file), which MiniSearch's loader ignores and the
 * project's client checks.
 *
 * The index is not built with `MiniSearch#add` but from per-paper term vectors
 * (src/search/index-builder.ts), which the vector cache keeps between runs: a run analyzes only papers
 * whose searchable text is new. The output is the same bytes either way.
 */
import MiniSearch from 'minisearch';
import { byString } from '../../src/compare.ts';
import type { AsPlainObject } from 'minisearch';
import type { StepContext, StepResult } from '../context.ts';
import type { Dataset } from '../../src/types.ts';
import type { Artifact } from '../publish/artifact.ts';
import { ANALYZER_VERSION } from '../../src/search/analyzer.ts';
import { indexOptions, toSearchDocument, VERSION_KEY } from '../../src/search/options.ts';
import type { SearchDocument } from '../../src/search/options.ts';
import { buildRadixTree, createSearchClient, loadMiniSearchParts } from '../../src/search/client.ts';
import { analyzeDocument, IndexBuilder, indexJsonBytes, postingsText } from '../../src/search/index-builder.ts';
import type { BuiltIndex, VectorTable } from '../../src/search/index-builder.ts';
import type { VectorCache } from '../cache/vector-cache.ts';
import { docKey } from '../parse/vectors.ts';

export const SEARCH_INDEX_PATH = 'search-index.json';

/**
 * The reference build: a MiniSearch filled with `add`, whose JSON form also names the analyzer.
 * The pipeline does not use it; tests and the search eval compare the fast build against it.
 */
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
    const entries = [...internals._index].sort(byString((x) => x[0]));
    const tree = buildRadixTree(entries.map((e) => e[0]), entries.map((e) => e[1]));
    internals._index = new internals._index.constructor(tree) as typeof internals._index;
  }
}

/** The reference build with `MiniSearch#add`, in dataset order (see VersionedMiniSearch). */
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

export interface IndexStats {
  documents: number;
  /** Papers analyzed in this run (on this thread or, while parsing, in a parse worker). */
  analyzed: number;
  /** Of those, papers the parse workers analyzed. */
  analyzedInWorkers: number;
  /** Papers whose term vector came from the cache. */
  reused: number;
  terms: number;
}

/**
 * Builds the index of the dataset's papers in order, taking term vectors from `vectors` when it
 * has them; with `vectors`, also returns the table of every vector merged (for the cache).
 */
export function buildIndexOf(
  dataset: Dataset,
  vectors: VectorCache | null = null,
): { index: BuiltIndex; stats: IndexStats; table: VectorTable | null } {
  const builder = new IndexBuilder();
  let analyzed = 0;
  let analyzedInWorkers = 0;
  let reused = 0;
  for (const paper of dataset.papers) {
    const doc = toSearchDocument(paper);
    const key = vectors ? docKey(doc) : '';
    const found = vectors?.lookup(key);
    let vector = found?.vector;
    if (found?.cached) reused++;
    else if (found) {
      analyzed++;
      analyzedInWorkers++;
    } else {
      vector = analyzeDocument(doc);
      analyzed++;
    }
    builder.add(doc, vector!, key);
  }
  const table = vectors ? builder.exportTable() : null;
  const index = builder.finish();
  return { index, table, stats: { documents: index.head.documentCount, analyzed, analyzedInWorkers, reused, terms: index.terms.length } };
}

export interface IndexStepResult {
  artifacts: Artifact[];
  /** The built index (header, sorted terms, postings bytes); the page step splits it into chunks. */
  index: BuiltIndex;
  stats: IndexStats;
  /** Every term vector merged, for the cache (null without a vector cache). */
  vectorTable: VectorTable | null;
  /** Paper ids matching every word of a saved query, best first. */
  search(query: string): string[];
}

/** The index of the dataset, taking term vectors from `ctx.caches.vectors` when there is one. */
export function indexStep(ctx: StepContext, dataset: Dataset): StepResult<IndexStepResult> {
  const { index, stats, table } = buildIndexOf(dataset, ctx.caches.vectors);
  const duplicates = dataset.papers.length - index.head.documentCount;
  if (duplicates > 0) ctx.logger.info(`index: ${duplicates} duplicate paper id(s) indexed once`);
  ctx.logger.progress('index', index.head.documentCount, dataset.papers.length);
  let client: ReturnType<typeof createSearchClient> | null = null;
  const value: IndexStepResult = {
    artifacts: [{ path: SEARCH_INDEX_PATH, data: indexJsonBytes(index) }],
    index,
    stats,
    vectorTable: table,
    search: (query: string) => {
      client ??= createSearchClient(loadMiniSearchParts(index.head, index.terms, (i) => postingsText(index, i)));
      return client.search(query, { match: 'all', limit: Infinity }).map((hit) => hit.id);
    },
  };
  return { value, counts: { ...stats, artifacts: value.artifacts.length } };
}
