import type { DigestEntry } from '../../src/types.ts';
import type { SerializedMessage } from '../report/diagnostics.ts';
import { type CacheProblem } from './cache-file.ts';
export declare const CACHE_FORMAT = "daily-papers-parse-cache@4";
/** What parsing one input file gives: its entries in source order and its diagnostics as data. */
export interface ParsedFile {
    entries: DigestEntry[];
    messages: SerializedMessage[];
}
export declare class ParseCache {
    private readonly version;
    readonly dir: string;
    hits: number;
    misses: number;
    /** Entries found corrupt, edited or foreign in this run (each was parsed again). */
    readonly discarded: CacheProblem[];
    /** Keys this run looked up or wrote; `unused` lists the others. */
    private readonly used;
    /** Shard folders known to exist. */
    private readonly shards;
    /**
     * @param cacheDir the absolute cache folder
     * @param version the parser version (pipeline/cache/version.ts `parserVersion`)
     */
    constructor(cacheDir: string, version: string);
    /** The key of an input file by its relative path and the sha256 of its bytes (64 hex). */
    key(relPath: string, contentHash: string): string;
    private fileFor;
    /** The cached result, or undefined (a miss). A corrupt or foreign file is discarded. */
    get(key: string, relPath: string): Promise<ParsedFile | undefined>;
    /** Stores one input's result under its key (synchronously renamed into place, see `writeEntryFile`). */
    set(key: string, relPath: string, value: ParsedFile): Promise<void>;
    /**
     * The files of the cache folder this run did not use (entries of changed, deleted or renamed
     * inputs, of old versions, temporary files of killed runs), as absolute paths. Removes nothing:
     * a run that publishes passes them to `remove`. A folder that cannot be listed lists nothing.
     */
    unused(): Promise<string[]>;
    /** Removes `files` (from `unused`); returns how many were removed. Never throws. */
    remove(files: readonly string[]): Promise<number>;
}
//# sourceMappingURL=parse-cache.d.ts.map