import type { Dataset } from '../../src/types.ts';
import type { CacheProblem } from '../cache/cache-file.ts';
import { type FeedCacheVersions, type StagedFeedCache } from '../cache/feed-cache.ts';
import { type ResolvedConfig } from '../context.ts';
import type { KnownContent } from '../publish/artifact.ts';
import { type SerializedMessage } from '../report/diagnostics.ts';
export type FeedsRequest = {
    type: 'start';
    config: ResolvedConfig;
    /** The input's cache folder (`ResolvedConfig#cacheWorkDir`), or null: in-run sharing only. */
    cacheDir: string | null;
    versions: FeedCacheVersions;
    dataset: Dataset;
    /** Each paper's content digest (pipeline/cache/paper-digest.ts), in `dataset.papers` order; null without a cache folder. */
    digests: string[] | null;
} | {
    type: 'search';
    results: Record<string, string[]>;
} | {
    type: 'documents';
    paths: string[];
} | {
    type: 'stage';
} | {
    type: 'write';
} | {
    type: 'unused';
} | {
    type: 'remove';
    files: string[];
};
/** An artifact as it crosses to the main thread: its bytes, or only their digest (a cached archive document, fetched with `documents` when it cannot be linked). */
export type WireArtifact = {
    path: string;
    data: string | Uint8Array;
} | {
    path: string;
    known: KnownContent;
};
export type FeedsReply = {
    type: 'done';
    artifacts: WireArtifact[];
    /** Diagnostics by file path, in the order the files were first given one. */
    messages: [string, SerializedMessage[]][];
    infos: string[];
    counts: Record<string, number>;
    /** Worker time from `start` to `done`, ms. */
    ms: number;
} | {
    type: 'documents';
    data: Uint8Array[];
} | {
    type: 'staged';
    staged: Omit<StagedFeedCache, 'write'> | null;
} | {
    type: 'written';
} | {
    type: 'unused';
    files: string[];
} | {
    type: 'removed';
    count: number;
} | {
    type: 'error';
    message: string;
    stack?: string;
};
/** Each reply also carries the cache problems found since the last one. */
export type FeedsMessage = FeedsReply & {
    discarded: CacheProblem[];
};
//# sourceMappingURL=worker.d.ts.map