import { type DocVector, type TableVector, type VectorTable } from '../../src/search/vectors.ts';
import { type CacheProblem } from './cache-file.ts';
export declare const VECTORS_FORMAT = "daily-papers-term-vectors@5";
export declare class VectorCache {
    /** The analyzer's code fingerprint: vectors of another version are not used. */
    private readonly version;
    /** The cache file, or null when the vectors live in memory only. */
    readonly file: string | null;
    hits: number;
    misses: number;
    /** The cache file, when it was found corrupt or foreign (it is rebuilt). */
    readonly discarded: CacheProblem[];
    private table;
    private rows;
    /** Vectors computed while parsing in this run (`inWorker`: by a parse worker, not the main thread). */
    private readonly offered;
    constructor(
    /** The absolute cache folder, or null: memory only (never read nor written). */
    cacheDir: string | null, 
    /** The analyzer's code fingerprint: vectors of another version are not used. */
    version: string);
    /** Reads the table of the last run, if there is a usable one. */
    load(): Promise<void>;
    /**
     * The vector of a document from the cache file (`cached`) or computed while parsing (`inWorker`:
     * by a parse worker), or undefined.
     */
    lookup(key: string): {
        vector: DocVector | TableVector;
        cached: boolean;
        inWorker: boolean;
    } | undefined;
    /**
     * A vector computed while parsing in this run (by a parse worker, or by the main thread between
     * its own files: `inWorker` false), used if a paper asks for its key.
     */
    offer(key: string, vector: DocVector | TableVector, inWorker?: boolean): void;
    /**
     * True when the table this run built differs from the one on disk: a paper missed it (new or
     * changed), or not every row was used (gone papers).
     */
    get changed(): boolean;
    /** Forgets every vector (after `save` was called: it has serialized what it writes). */
    release(): void;
    /**
     * Serializes `table` (the vectors the index builder merged in this run) when it differs from the
     * file's, for a write once the run has published: a failed run (say, an empty input folder)
     * must not replace the vectors of the last good one. Null when there is nothing to write
     * (unchanged, or memory only). Synchronous, so `release` may follow the call.
     */
    stage(table: VectorTable): StagedVectors | null;
    /** `stage` and write at once; true when it wrote. */
    save(table: VectorTable): Promise<boolean>;
}
/** A vector table serialized by `VectorCache#stage`, waiting to be written. */
export interface StagedVectors {
    /** Size of the file to write, in bytes. */
    bytes: number;
    /** Writes it through write-file-atomic; rejects when it cannot. */
    write(): Promise<void>;
}
//# sourceMappingURL=vector-cache.d.ts.map