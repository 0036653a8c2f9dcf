import type { CacheProblem } from './cache-file.ts';
export declare const PAGE_RECORDS_FORMAT = "daily-papers-page-records@1";
export declare class PageCache {
    /** `page/papers/` under the cache folder, or null: nothing read or written. */
    readonly dir: string | null;
    /** Shard files found corrupt or foreign in this run (each was rebuilt). */
    readonly discarded: CacheProblem[];
    private readonly records;
    /** What `stage` serialized for `save`. */
    private staged;
    /**
     * @param cacheDir the absolute cache folder, or null (`--no-cache`)
     * @param version the fingerprint of the code that renders a record
     */
    constructor(cacheDir: string | null, version: string);
    /** Records taken from the cache. */
    get hits(): number;
    /** Records built. */
    get misses(): number;
    /** Reads the usable shards of the last run. Never throws. */
    load(): Promise<void>;
    /**
     * The record under `key` (a paper's content digest, 64 hex digits, with a suffix per kind of
     * record): the stored one, or `build()`'s (which must depend on nothing but that paper's content).
     */
    record(key: string, build: () => Uint8Array): Uint8Array;
    /**
     * Serializes the shards whose records differ from the ones this run used (to be written by
     * `save`), and frees every record it holds, so that a run keeps only what it will write (a
     * few shards) until it has published. Returns how many shard files `save` will write or remove.
     */
    stage(): number;
    /**
     * Writes what `stage` serialized: each changed shard, renamed into place, and removes the
     * shards left with none. Call only once the run has published (pipeline/run.ts), so that a
     * failed run prunes nothing. Returns how many files it wrote or removed; a file that cannot
     * be written is left to the next run (a cache miss, nothing worse). Never throws.
     */
    save(): number;
}
//# sourceMappingURL=page-cache.d.ts.map