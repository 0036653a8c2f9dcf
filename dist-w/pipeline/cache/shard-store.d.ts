/** A shard file's header (cache-file.ts adds v8, sha256 and length). */
export interface ShardHeader {
    format: string;
    version: string;
    /** The two hex digits every key of the shard starts with. */
    shard: string;
}
/** A shard's file name (`0a.bin`); group 1 is the shard's two hex digits. */
export declare const SHARD_FILE: RegExp;
/** The shard of a key (sha256 hex): its first two hex digits. */
export declare const shardOf: (key: string) => string;
/** Entries grouped by shard: shard -> (key -> value), in the entries' order. */
export declare function groupByShard<V>(entries: Iterable<[string, V]>): Map<string, Map<string, V>>;
/** A shard serialized by `ShardStore#stage`: its file and bytes, or null to remove it. */
export interface StagedShard {
    file: string;
    bytes: Uint8Array | null;
}
export declare class ShardStore<V> {
    readonly dir: string | null;
    private readonly format;
    private readonly version;
    private readonly isValue;
    private readonly problem;
    /** Values taken from the shards. */
    hits: number;
    /** Values built because no shard held them. */
    misses: number;
    private stored;
    /** How many values each shard file held. */
    private storedPerShard;
    /** Shards where this run built a value. */
    private readonly missedShards;
    /** Values this run used (stored or built), by key: the run's sharing, and the next files. */
    private readonly used;
    /**
     * @param dir the shards' folder (absolute), or null: nothing read or written
     * @param format the header's `format`; a file of another format is a problem
     * @param version the fingerprint of the code that builds the values; another version's shard is not used
     * @param isValue whether a payload value has the right shape (a shard holding another is a problem)
     * @param problem where a corrupt or foreign shard file is reported (absolute path, reason)
     */
    constructor(dir: string | null, format: string, version: string, isValue: (value: unknown) => boolean, problem: (file: string, reason: string) => void);
    /** Reads every usable shard of the folder, in parallel. Never throws. */
    load(): Promise<void>;
    /**
     * The value under `key`: the one this run already used, else the stored one (a hit), else
     * `build()`'s (a miss), which must depend on nothing but what `key` names.
     */
    value(key: string, build: () => V): V;
    /**
     * Serializes the shards whose values differ from those this run used from them (one value
     * built, or fewer used than the file holds; a shard left with none is to be removed), for
     * `write` once the run has published, and frees every value it holds. Empty without a folder.
     */
    stage(): StagedShard[];
    /**
     * Writes what `stage` serialized (each shard renamed into place: cache-file.ts
     * `writeEntryFile`), removes the shards left with none, and removes every other file of the
     * folder (temporary files of killed runs). Does nothing for an empty list. Throws when a file
     * cannot be written or removed.
     */
    write(staged: readonly StagedShard[]): void;
}
//# sourceMappingURL=shard-store.d.ts.map