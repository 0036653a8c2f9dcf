/**
 * Step "index": builds the MiniSearch index over the dataset with the shared analyzer and
 * returns it as the artifact `search-index.json`, plus a search function for the feeds step
 * (saved queries) and the built index for the page step.
 *
 * search-index.json is `JSON.stringify(miniSearch)` of a MiniSearch built with `indexOptions`
 * and the papers added in dataset order, with its terms sorted and each term's postings in the
 * compact format of src/search/postings.ts: `MiniSearch.loadJS(expandIndex(text), indexOptions)`
 * loads it. The analyzer version travels as one extra top-level key (`analyzerVersion`, first in
 * the file), which MiniSearch's loader ignores and the project's client checks.
 *
 * The index is not built with `MiniSearch#add` but from per-paper term vectors
 * (src/search/vectors.ts, merged by src/search/index-builder.ts), which the vector cache keeps
 * between runs: a run analyzes only papers whose searchable text is new. The output is the same
 * bytes either way (test/helpers/search-fixtures.ts has the `MiniSearch#add` reference).
 */
import type { StepContext, StepResult } from '../context.ts';
import type { Dataset, Paper } from '../../src/types.ts';
import type { Artifact } from '../publish/artifact.ts';
import { toSearchDocument, type SearchDocument } from '../../src/search/options.ts';
import { searchBuiltIndex } from '../../src/search/reach.ts';
import { builtIndexOf, IndexBuilder, newInFront, prependIndex, storedFieldsOf } from '../../src/search/index-builder.ts';
import type { BuiltIndex, MergedIndex } from '../../src/search/index-builder.ts';
import { indexJsonBytes } from '../../src/search/index-json.ts';
import { planQuery, textMatches } from '../../src/search/query.ts';
import type { VectorTable } from '../../src/search/vectors.ts';
import type { VectorCache } from '../cache/vector-cache.ts';
import { docKeyOf } from '../parse/vectors.ts';
import { isUnread } from '../cache/lazy-paper.ts';

export const SEARCH_INDEX_PATH = 'search-index.json';

export interface IndexStats {
  documents: number;
  /** Papers analyzed in this run (in this step, or while parsing: in a parse worker or on the main thread). */
  analyzed: number;
  /** Of those, papers analyzed while parsing (in a worker or on the main thread between its files). */
  analyzedWhileParsing: number;
  /** Of those, papers the parse workers analyzed. */
  analyzedInWorkers: number;
  /** Papers whose term vector came from the cache, or that came merged in the last run's index. */
  reused: number;
  /** Of those, papers that came merged in the last run's index (the new ones were put in front). */
  fromMerged: number;
  terms: number;
}

/** The documents to index (a repeated id once, at its first paper), their vector keys, and how many are new in front of `previous`. */
export interface IndexPlan {
  docs: SearchDocument[];
  /** Per document: `docKey`; null when neither a vector cache nor a previous index asks for them. */
  keys: string[] | null;
  /** How many documents are new in front of the previous merged index (`newInFront`), or -1: every one is merged. */
  front: number;
}

/** The plan of `buildIndexOf` (see `IndexPlan`); `withKeys`: a vector cache will look the documents up. */
export function planIndex(dataset: Dataset, withKeys: boolean, previous: MergedIndex | null): IndexPlan {
  const seen = new Set<string>();
  const docs: SearchDocument[] = [];
  const keys: string[] | null = withKeys || previous ? [] : null;
  for (const paper of dataset.papers) {
    if (seen.has(paper.id)) continue;
    seen.add(paper.id);
    const doc = searchDocumentOf(paper);
    docs.push(doc);
    keys?.push(docKeyOf(paper, doc));
  }
  const front = previous && keys ? newInFront(previous, docs.map((d) => d.id), keys) : -1;
  return { docs, keys, front };
}

/**
 * `toSearchDocument(paper)`; for a paper not yet read from its source (a snapshot's,
 * pipeline/cache/lazy-paper.ts), the same document whose summary and authors are read only
 * when asked: a newest digest's run indexes the new papers alone and needs the old ones' id,
 * stored fields (title, date, votes) and key, which the snapshot keeps.
 */
function searchDocumentOf(paper: Paper): SearchDocument {
  if (!isUnread(paper)) return toSearchDocument(paper);
  let full: SearchDocument | null = null;
  const read = () => (full ??= toSearchDocument(paper));
  return {
    id: paper.id,
    title: paper.title,
    get summary() {
      return read().summary;
    },
    get authors() {
      return read().authors;
    },
    date: paper.date,
    votes: paper.votes,
  };
}

/** A built index, what a later run may put new documents in front of, and what the caches keep. */
export interface IndexBuild {
  index: BuiltIndex;
  stats: IndexStats;
  /** Every document merged, left-out terms included (for the merged-index cache). */
  merged: MergedIndex;
  /** Every term vector merged, for the vector cache; null without one, or when the last run's index was reused. */
  table: VectorTable | null;
  /** When the last run's index was reused: the vectors of the documents put in front of it, to add to the vector cache. */
  added: VectorTable | null;
  /** True when `merged` is the last run's unchanged (nothing to write). */
  unchanged: boolean;
}

/**
 * Builds the index of the dataset's papers in order (a repeated id is indexed once, at its
 * first paper), taking term vectors from `vectors` when it has them.
 *
 * With `previous` (the last run's merged index) whose documents are this run's last ones, in
 * order and unchanged (`newInFront`), only the new documents in front are merged and then put
 * before it (`prependIndex`): the same bytes as merging every document.
 */
export function buildIndexOf(
  dataset: Dataset,
  vectors: VectorCache | null = null,
  previous: MergedIndex | null = null,
  plan = planIndex(dataset, vectors !== null, previous),
): IndexBuild {
  const { docs, keys, front } = plan;
  const builder = new IndexBuilder();
  let analyzed = 0;
  let analyzedWhileParsing = 0;
  let analyzedInWorkers = 0;
  let reused = 0;
  const count = front >= 0 ? front : docs.length;
  for (let i = 0; i < count; i++) {
    const doc = docs[i]!;
    const key = keys?.[i] ?? '';
    const found = vectors?.lookup(key);
    if (found?.cached) reused++;
    else if (found) {
      analyzed++;
      analyzedWhileParsing++;
      if (found.inWorker) analyzedInWorkers++;
    } else {
      analyzed++; // by the builder, below
    }
    builder.add(doc, found?.vector, key);
  }
  const table = vectors ? builder.exportTable() : null;
  const built = builder.finishMerged();
  let merged = built.merged;
  if (front >= 0) merged = front === 0 ? previous! : prependIndex(merged, previous!);
  const fromMerged = front >= 0 ? previous!.ids.length : 0;
  const stored = front >= 0 ? docs.map(storedFieldsOf) : built.stored;
  const index = builtIndexOf(merged, stored);
  return {
    index,
    merged,
    table: front >= 0 ? null : table,
    added: front >= 0 ? table : null,
    unchanged: front === 0,
    stats: { documents: index.head.documentCount, analyzed, analyzedWhileParsing, analyzedInWorkers, reused: reused + fromMerged, fromMerged, terms: index.terms.length },
  };
}

export interface IndexStepResult {
  artifacts: Artifact[];
  /** The built index (header, sorted terms, postings bytes); the page step splits it into chunks. */
  index: BuiltIndex;
  stats: IndexStats;
  /** Every term vector merged, for the vector cache (null without one, or when the last run's index was reused). */
  vectorTable: VectorTable | null;
  /** The vectors of the documents put in front of the last run's index, to add to the vector cache (null when it was not reused). */
  addedVectors: VectorTable | null;
  /** Every document merged, for the merged-index cache; null when it is the last run's unchanged. */
  mergedIndex: MergedIndex | null;
  /**
   * Paper ids matching every word of a saved query, best first; a Korean compound only where
   * the paper writes it (with or without its space) and a quoted phrase only as typed
   * (src/search/query.ts `textMatches`).
   */
  search(query: string): string[];
}

/**
 * Builds the index (see the module comment), logs repeated paper ids (indexed once) and returns
 * search-index.json as bytes with the built index, its stats, the merged vector table and a
 * saved-query search.
 */
export async function indexStep(ctx: StepContext, dataset: Dataset): Promise<StepResult<IndexStepResult>> {
  const { index, stats, table, added, merged, unchanged } = await indexWithFallback(ctx, dataset);
  const duplicates = dataset.papers.length - index.head.documentCount;
  if (duplicates > 0) ctx.logger.info(`index: ${duplicates} duplicate paper id(s) indexed once`);
  ctx.logger.progress('index', index.head.documentCount, dataset.papers.length);
  let papers: Map<string, Paper> | null = null; // by id, for the text check
  const value: IndexStepResult = {
    artifacts: [{ path: SEARCH_INDEX_PATH, data: indexJsonBytes(index) }],
    index,
    stats,
    vectorTable: table,
    addedVectors: added,
    mergedIndex: unchanged ? null : merged,
    search: (query: string) => {
      papers ??= new Map(dataset.papers.map((p) => [p.id, p]));
      // The index selects papers with every word; the text then decides what it cannot: a
      // compound with or without its space, not its parts apart, and quoted phrases as typed.
      const plan = planQuery(query);
      return searchBuiltIndex(index, query, { match: 'all', limit: Infinity })
        .filter((hit) => {
          const paper = papers!.get(hit.id);
          if (!paper) return false;
          return textMatches(plan, () => {
            const doc = toSearchDocument(paper);
            return `${doc.title}\n${doc.summary}\n${doc.authors}`;
          });
        })
        .map((hit) => hit.id);
    },
  };
  return { value, counts: { ...stats, artifacts: value.artifacts.length } };
}

/**
 * `buildIndexOf` with the step's caches. The vector cache is read only when every document is
 * merged (the new ones in front of the last merged index take their vectors from the parse
 * step, or are analyzed). A merged index from the cache that cannot be read (malformed
 * postings: `prependIndex` throws) is discarded with its reason, and every document merged
 * instead.
 */
async function indexWithFallback(ctx: StepContext, dataset: Dataset): Promise<IndexBuild> {
  const cache = ctx.caches.merged ?? null;
  const { vectors } = ctx.caches;
  const plan = planIndex(dataset, vectors !== null, cache?.previous ?? null);
  if (plan.front < 0) await vectors?.load();
  try {
    return buildIndexOf(dataset, vectors, cache?.previous ?? null, plan);
  } catch (error) {
    if (!cache?.previous) throw error;
    cache.discard(`cannot be read (${error instanceof Error ? error.message : String(error)})`);
    await vectors?.load();
    return buildIndexOf(dataset, vectors, null, { ...plan, front: -1 });
  }
}
