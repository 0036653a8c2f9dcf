import type { AuthorRecord, Paper } from '../../src/types.ts';
import type { Artifact } from '../publish/artifact.ts';
import type { Manifest } from '../../src/page/format.ts';
import type { BuiltIndex } from '../../src/search/index-builder.ts';
import type { PageCache } from '../cache/page-cache.ts';
/** Target size of a term chunk's JSON (a single large posting list may exceed it). */
export declare const TERM_CHUNK_BYTES: number;
/** Documents per doc chunk (scoring data: id, field lengths, date, votes). */
export declare const DOC_BLOCK = 1024;
/** Documents per meta chunk (what a result shows). */
export declare const META_BLOCK = 8;
/** Documents per paper chunk (what a paper's page adds; one chunk per paper page visited). */
export declare const PAPER_BLOCK = 16;
export interface SearchChunks {
    manifest: Manifest;
    artifacts: Artifact[];
}
/**
 * Splits the index of `papers` (added in dataset order) into the page's chunks: the manifest,
 * and the artifacts under `prefix` (chunks in `<root>t|d|m|p|a/<n>.json`, then `manifest.json`).
 * `authors` (authors.json's records) gives the authors' display names; `related` the related
 * papers by short id (computed from `index` when not given: pipeline/page/related.ts); `records`
 * the page cache that keeps each paper's record of the paper chunks (pipeline/cache/page-cache.ts).
 * A term chunk's JSON stays under `termChunkBytes` UTF-16 code units unless one entry exceeds it.
 */
export declare function chunkSearchData(papers: Paper[], index: BuiltIndex, { prefix, termChunkBytes, authors, related, records, }?: {
    prefix?: string;
    termChunkBytes?: number;
    authors?: readonly AuthorRecord[];
    related?: readonly number[][];
    records?: PageCache | null;
}): SearchChunks;
//# sourceMappingURL=chunks.d.ts.map