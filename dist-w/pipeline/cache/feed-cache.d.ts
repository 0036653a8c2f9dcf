import { type CacheProblem } from './cache-file.ts';
export declare const ITEMS_FORMAT = "daily-papers-feed-items@2";
export declare const ARCHIVES_FORMAT = "daily-papers-feed-archive@2";
/** The three documents of one feed, as the feeds step writes them. */
export interface FeedDocuments {
    rss: string;
    atom: string;
    json: string;
}
/** The same documents as UTF-8 bytes, as the archive layer keeps them. */
export interface FeedBytes {
    rss: Uint8Array;
    atom: Uint8Array;
    json: Uint8Array;
}
/** The sha256 (hex) and size (bytes) of one document. */
export interface DocumentContent {
    sha256: string;
    size: number;
}
/**
 * A complete archive's documents found in the cache: what the header says of each (`known`),
 * and the bytes, read and checked on first access (a file found corrupt then is reported and
 * the documents rendered anew: `known` then tells their content).
 */
export interface CachedDocuments extends FeedBytes {
    known: Record<keyof FeedBytes, DocumentContent>;
}
/** The code fingerprints the two layers are keyed by (pipeline/cache/version.ts `moduleFingerprint`). */
export interface FeedCacheVersions {
    /** The item builders (pipeline/feeds/items.ts and what it imports). */
    items: string;
    /** The serializers (pipeline/feeds/rss.ts, atom.ts, json-feed.ts and what they import). */
    documents: string;
}
export declare class FeedCache implements FeedCacheControl {
    private readonly versions;
    /** `feeds/` under the cache folder, or null: in-run sharing only. */
    readonly dir: string | null;
    archiveHits: number;
    archiveMisses: number;
    /** Cache files found corrupt or foreign in this run (each was rebuilt). */
    readonly discarded: CacheProblem[];
    /** The item shards: every item the last publishing run used, by key (null: no cache folder). */
    private readonly items;
    /** Items built without a cache folder (no key to store them by). */
    private unkeyedMisses;
    /** Items this run gave out, by the object they were built for (the run's sharing). */
    private readonly byObject;
    /** Archive keys this run used; the documents it built, to write once it has published. */
    private readonly archivesUsed;
    private readonly archivesBuilt;
    /** Each site's JSON, for item keys. */
    private readonly sites;
    /** The key of each item this run gave out (with a cache folder): archive keys name items by it. */
    private readonly itemKeys;
    constructor(
    /** The absolute cache folder, or null (`--no-cache`). */
    cacheDir: string | null, versions: FeedCacheVersions);
    /** Items taken from the item shards. */
    get itemHits(): number;
    /** Items built. */
    get itemMisses(): number;
    private archiveFile;
    private problem;
    private siteJson;
    /** Reads the item shards of the last published run, those that are usable. Never throws. */
    load(): Promise<void>;
    /**
     * The item `build` makes for `of` (a paper, day or week) on `site`, given `published` and
     * `updated` (epoch ms): built once per run and per content, and taken from the item shards when
     * the last published run built it. `build` must read nothing but `site` and `of` (both JSON
     * data) and the times, and its other fields must not depend on the times; `kind` tells the
     * builders apart. Keyed by sha256 of kind, site and `of` as JSON; without a cache folder, by
     * the objects themselves (nothing to hash: the same paper object in several feeds). `digest`,
     * when the caller has one, is sha256 of `of`'s JSON (pipeline/cache/paper-digest.ts): the key
     * is then sha256 of kind, site and that digest, and `of` is not serialized.
     */
    item<T extends {
        published: number;
        updated: number;
    }>(kind: string, site: object, of: object, published: number, updated: number, build: () => T, digest?: string): T;
    /**
     * The documents of a feed on `site`: `render()`, or, for a complete archive document
     * (`complete`) with a cache folder, the bytes (UTF-8) the last published run rendered for the
     * same input: the site and the planned feed, whose items this cache gave out are taken by
     * their key and times (their content is what the key names), the others as they are. The
     * serializers must read nothing but `site` and `feed`. A hit reads the file's header only
     * (`CachedDocuments`): its documents are read on first access.
     */
    archive(complete: boolean, site: object, feed: {
        items: readonly object[];
    }, render: () => FeedDocuments): FeedDocuments | FeedBytes | CachedDocuments;
    private renderArchive;
    /** The header of archive file `file` when it is one of this key, format and V8 version; null on a miss (a problem is recorded). */
    private archiveHeader;
    /** The documents of a header hit: `known` from the header, the bytes read and checked on first access. */
    private cachedDocuments;
    /**
     * What this run would write, serialized now, for a publishing run to `write` once its output is
     * in place: each item shard whose items differ from those this run used from it (a new or
     * changed item, or one no longer used; a shard left with none is removed), and the archive
     * documents built. Null when there is nothing to write
     * (or no cache folder). Frees the items and documents it holds.
     */
    stage(): StagedFeedCache | null;
    /**
     * The archive documents of the cache folder this run did not use (months that changed or are
     * gone, old versions, temporary files of killed runs), as absolute paths; removes nothing. Only
     * meaningful after the feeds step ran: a publishing run passes them to `remove`.
     */
    unused(): Promise<string[]>;
    /** Removes `files` (from `unused`); returns how many were removed. Never throws. */
    remove(files: readonly string[]): Promise<number>;
}
/**
 * What a run does with the feed cache after the feeds step: the `FeedCache` itself, or the
 * feeds thread standing in for the one it holds (pipeline/feeds/thread.ts).
 */
export interface FeedCacheControl {
    /** Cache files found corrupt or foreign in this run (each was rebuilt). */
    readonly discarded: readonly CacheProblem[];
    /** See `FeedCache#stage`. */
    stage(): StagedFeedCache | null | Promise<StagedFeedCache | null>;
    /** See `FeedCache#unused`. */
    unused(): Promise<string[]>;
    /** See `FeedCache#remove`. */
    remove(files: readonly string[]): Promise<number>;
}
/** The feed cache's writes, serialized by `FeedCache#stage`, waiting for the run to publish. */
export interface StagedFeedCache {
    /** Item shards are rewritten (or removed). */
    items: boolean;
    /** How many item shards are rewritten or removed. */
    itemShards: number;
    /** Archive documents written. */
    archives: number;
    /** Writes them (each file renamed into place: cache-file.ts `writeEntryFile`); rejects when it cannot. */
    write(): Promise<void>;
}
//# sourceMappingURL=feed-cache.d.ts.map