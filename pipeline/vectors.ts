/**
 * Term vectors for the search index, keyed by the content of the searchable document.
 *
 * `docKey` names a document by every field the analyzer reads, so a vector is reused exactly
 * when the analyzer would see the same text. `vectorsForEntries` lets the parse workers analyze
 * papers while they parse (in parallel, on every core): each listing is turned into the paper it
 * becomes when it is listed only once. The index step uses such a vector only when the key of
 * the final paper matches, so a paper merged from several listings is simply analyzed again
 * on the main thread: the output never depends on where a vector was computed.
 */
import { createHash } from 'node:crypto';
import { normalizeEntryAuthors } from '../src/dataset.ts';
import { analyzeDocument, type DocVector } from '../src/index-builder.ts';
import { mergeEntries } from '../src/papers.ts';
import { SEARCH_FIELDS, toSearchDocument, type SearchDocument } from '../src/search-options.ts';
import type { DigestEntry } from '../src/types.ts';

/** The cache key of a searchable document: a hash of every field the analyzer reads. */
export function docKey(doc: Pick<SearchDocument, (typeof SEARCH_FIELDS)[number]>): string {
  const hash = createHash('sha256');
  for (const field of SEARCH_FIELDS) {
    const value = doc[field];
    hash.update(`${value.length}:`).update(value);
  }
  return hash.digest('base64url').slice(0, 22);
}

/** Keys and vectors of the papers these listings become when each is listed once. */
export function vectorsForEntries(entries: readonly DigestEntry[]): [string, DocVector][] {
  const out: [string, DocVector][] = [];
  for (const original of entries) {
    for (const paper of mergeEntries([normalizeEntryAuthors(original).entry])) {
      const doc = toSearchDocument(paper);
      out.push([docKey(doc), analyzeDocument(doc)]);
    }
  }
  return out;
}
