/**
 * Term vectors for the search index, keyed by the content of the searchable document.
 *
 * `docKey` names a document by every field the analyzer reads, so a vector is reused exactly
 * when the analyzer would see the same text. `documentsForEntries` and `VectorBatcher` let the
 * parse step analyze papers while it parses (in the workers and on the main thread, in
 * parallel): each listing is turned into the paper it becomes when it is listed only once. The
 * index step uses such a vector only when the key of the final paper matches, so a paper merged
 * from several listings is simply analyzed again there: the output never depends on where a
 * vector was computed.
 */
import { createHash } from 'node:crypto';
import { normalizeEntryAuthors } from '../../src/dataset.ts';
import { analyzeFields, type VectorTable } from '../../src/search/vectors.ts';
import { mergeEntries } from '../../src/papers.ts';
import { SEARCH_FIELDS, toSearchDocument, type SearchDocument } from '../../src/search/options.ts';
import type { DigestEntry, Paper } from '../../src/types.ts';

/** Each paper's document key, noted where it is known (the dataset cache's snapshot) or computed. */
const paperKeys = new WeakMap<Paper, string>();

/** Records `key` as the `docKey` of `paper`'s search document (a snapshot's, kept since it was computed). */
export function noteDocKey(paper: Paper, key: string): void {
  paperKeys.set(paper, key);
}

/** The `docKey` of `paper`'s search document `doc` (`toSearchDocument(paper)` when not given): the noted one, else computed (and kept). */
export function docKeyOf(paper: Paper, doc?: SearchDocument): string {
  let key = paperKeys.get(paper);
  if (key === undefined) paperKeys.set(paper, (key = docKey(doc ?? toSearchDocument(paper))));
  return key;
}

/** The cache key of a searchable document: a hash of every field the analyzer reads. */
export function docKey(doc: Pick<SearchDocument, (typeof SEARCH_FIELDS)[number]>): string {
  const hash = createHash('sha256');
  for (const field of SEARCH_FIELDS) {
    const value = doc[field];
    hash.update(`${value.length}:`).update(value);
  }
  return hash.digest('base64url').slice(0, 22);
}

/**
 * The vectors of one parse answer as table columns, with terms numbered in a dictionary that
 * the worker keeps for its whole life: each answer carries only the terms that are new to it
 * (`dictAdded`). The main thread appends those to its copy of that worker's dictionary, so that
 * the index builder maps each of the worker's terms to its own numbering once, instead of
 * hashing a string per term occurrence.
 */
export interface VectorBatch extends Omit<VectorTable, 'dict'> {
  dictAdded: string[];
}

/** Encodes vectors into batches against one growing dictionary (one per worker, one for the main thread). */
export class VectorBatcher {
  private readonly ids = new Map<string, number>();
  private size = 0;

  /** Analyzes these documents (keyed) into one batch. */
  encode(docs: readonly [string, SearchDocument][]): VectorBatch {
    const dictAdded: string[] = [];
    const keys: string[] = [];
    const lengths = new Int32Array(docs.length * SEARCH_FIELDS.length);
    const starts = new Int32Array(docs.length + 1);
    const terms: number[] = [];
    const fields: number[] = [];
    const freqs: number[] = [];
    docs.forEach(([key, doc], row) => {
      keys.push(key);
      starts[row] = terms.length;
      analyzeFields(doc, (f, length, counts) => {
        lengths[row * SEARCH_FIELDS.length + f] = length;
        for (const [term, n] of counts) {
          let id = this.ids.get(term);
          if (id === undefined) {
            id = this.size++;
            this.ids.set(term, id);
            dictAdded.push(term);
          }
          terms.push(id);
          fields.push(f);
          freqs.push(n);
        }
      });
    });
    starts[docs.length] = terms.length;
    return { keys, lengths, starts, terms: Int32Array.from(terms), fields: Uint8Array.from(fields), freqs: Int32Array.from(freqs), dictAdded };
  }
}

/** The main thread's side of one thread's batches (a worker's, or its own): its dictionary, grown batch by batch. */
export class VectorBatchReader {
  readonly dict: string[] = [];

  /** The batch as a table over this worker's dictionary (rows = batch.keys). */
  read(batch: VectorBatch): VectorTable {
    for (const term of batch.dictAdded) this.dict.push(term);
    const { dictAdded: _added, ...columns } = batch;
    return { ...columns, dict: this.dict };
  }
}

/** Keys and searchable documents of the papers these listings become when each is listed once. */
export function documentsForEntries(entries: readonly DigestEntry[]): [string, SearchDocument][] {
  const out: [string, SearchDocument][] = [];
  for (const original of entries) {
    for (const paper of mergeEntries([normalizeEntryAuthors(original).entry])) {
      const doc = toSearchDocument(paper);
      out.push([docKey(doc), doc]);
    }
  }
  return out;
}
