/**
 * The merged-index cache, `index/merged.bin` under the cache folder: the last published run's
 * merged index (src/search/index-builder.ts `MergedIndex`: every term, left-out ones included,
 * with its postings, and each document's id, vector key and field lengths). When a run's
 * documents are those of the last run with new ones in front (a new digest, the newest), the
 * index step merges only the new documents and puts them in front of this one
 * (`prependIndex`), instead of merging every document's vector again.
 *
 * Same file format as the vector cache (pipeline/cache/cache-file.ts); written after the output
 * is in place, only by a run that publishes and only when the index changed. A corrupt or
 * foreign file is discarded with a warning; a file of another builder, analyzer or V8 version
 * is not used.
 */
import path from 'node:path';
import { SEARCH_FIELDS } from '../../src/search/options.ts';
import type { MergedIndex } from '../../src/search/index-builder.ts';
import { WholeFileLayer, type StagedFile } from './cache-file.ts';

export const MERGED_FORMAT = 'daily-papers-merged-index@1';

/** A staged write of the merged index (`WholeFileLayer#stage`). */
export type StagedMerged = StagedFile;

/**
 * Why `value` is not a `MergedIndex` (its shape, the columns' lengths, the offsets' order), or
 * null. The postings' syntax is checked as they are read (`prependIndex` throws).
 */
export function checkMergedIndex(value: unknown): string | null {
  if (value === null || typeof value !== 'object') return 'not an object';
  const m = value as MergedIndex;
  if (!Array.isArray(m.ids) || !Array.isArray(m.keys) || !Array.isArray(m.terms)) return 'missing ids, keys or terms';
  if (!(m.lengths instanceof Int32Array) || !(m.counts instanceof Int32Array)) return 'wrong column types';
  if (!(m.postings instanceof Uint8Array) || !(m.offsets instanceof Uint32Array)) return 'wrong column types';
  const docs = m.ids.length;
  if (m.keys.length !== docs || m.lengths.length !== docs * SEARCH_FIELDS.length) return 'document columns do not match';
  if (m.counts.length !== m.terms.length || m.offsets.length !== m.terms.length + 1) return 'term columns do not match';
  if (m.offsets[0] !== 0 || m.offsets[m.terms.length] !== m.postings.length) return 'offsets out of range';
  for (let i = 0; i < m.terms.length; i++) {
    if (m.offsets[i]! + 2 > m.offsets[i + 1]! || typeof m.terms[i] !== 'string') return 'offsets out of order';
  }
  return null;
}

export class MergedCache extends WholeFileLayer<MergedIndex> {
  constructor(
    /** The absolute cache folder, or null. */
    cacheDir: string | null,
    /** The index builder's code fingerprint: a merged index of another version is not used. */
    version: string,
  ) {
    super(cacheDir === null ? null : path.join(cacheDir, 'index', 'merged.bin'), MERGED_FORMAT, version, checkMergedIndex);
  }

  /** Records that the file could not be used after all (`reason`); the index is built anew. */
  discard(reason: string): void {
    if (this.file !== null) this.discarded.push({ file: path.relative(path.dirname(path.dirname(this.file)), this.file), reason });
    this.value = null;
  }
}
