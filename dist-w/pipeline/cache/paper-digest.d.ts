/**
 * Content digests of a run's papers, computed once: sha256 of the paper's JSON, the very line
 * papers.json holds for it (pipeline/steps/enrich.ts notes each one as it encodes that file), so
 * that the caches keyed by a paper's content (the feed items: pipeline/cache/feed-cache.ts) hash
 * 64 characters instead of serializing the paper again. Held by the paper object (a WeakMap):
 * a paper no step holds any more takes its digest with it.
 */
import type { Paper } from '../../src/types.ts';
/** Records `json`, which must be `JSON.stringify(paper)`, as the content of `paper`. */
export declare function notePaperJson(paper: Paper, json: string): void;
/** sha256 (hex) of `JSON.stringify(paper)`: the noted one, else computed (and kept). */
export declare function paperDigest(paper: Paper): string;
/**
 * Records `digest` as the content digest of `paper`: a copy of a paper whose digest was noted
 * in another thread (the feeds thread gets the main thread's; pipeline/feeds/thread.ts).
 */
export declare function notePaperDigest(paper: Paper, digest: string): void;
//# sourceMappingURL=paper-digest.d.ts.map