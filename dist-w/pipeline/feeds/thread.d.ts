import type { Dataset } from '../../src/types.ts';
import type { CacheProblem } from '../cache/cache-file.ts';
import type { FeedCacheControl, FeedCacheVersions, StagedFeedCache } from '../cache/feed-cache.ts';
import type { ResolvedConfig, Step } from '../context.ts';
import type { Artifact, KnownContent } from '../publish/artifact.ts';
import type { FeedsMessage, FeedsReply } from './worker.ts';
/** The feeds thread option: 'auto' decides from the input's size and the cores, a boolean forces it. */
export type FeedsThreadOption = boolean | 'auto';
/**
 * Input bytes from which 'auto' uses the thread (with two cores or more): about 1,100 papers of
 * the real archive. Below it, booting the thread and copying the dataset to it (about 0.2 s of
 * CPU on the real archive, 9.6 MB) cost more than the step it takes off the main thread (a few
 * tens of ms on input/'s sample).
 */
export declare const FEEDS_THREAD_BYTES = 2000000;
/** Whether a run over `bytes` of input uses the feeds thread. */
export declare function useFeedsThread(option: FeedsThreadOption, bytes: number, cores?: number): boolean;
type Reply<T extends FeedsReply['type']> = Extract<FeedsMessage, {
    type: T;
}>;
/** One run's feeds thread. `boot` it, `start` it with the dataset, `search` once the index is built, then the step `feedsFromThread`; `close` always. */
export declare class FeedsThread implements FeedCacheControl {
    private worker;
    private failure;
    private readonly waiting;
    private readonly problems;
    /** Whether the thread was booted (the run then uses it). */
    get booted(): boolean;
    /** Cache files the thread found corrupt or foreign (each was rebuilt). */
    get discarded(): readonly CacheProblem[];
    /** Boots the thread (once); its first request waits for it. */
    boot(): void;
    private answer;
    private fail;
    private post;
    private ask;
    private done;
    /**
     * Hands the dataset over (a copy: the thread's own objects) with each paper's content digest
     * (noted on this side when papers.json was encoded) and starts rendering.
     */
    start(options: {
        config: ResolvedConfig;
        cacheDir: string | null;
        versions: FeedCacheVersions;
        dataset: Dataset;
    }): void;
    /** Sends the saved queries' results (paper ids by query, as the index step's search gives them). */
    search(results: Record<string, string[]>): void;
    /** The thread's rendered feeds: waits for them. */
    result(): Promise<Reply<'done'>>;
    /** The bytes of artifacts the thread sent by digest only (read from its cache, or rendered anew). */
    documents(paths: string[]): Promise<Uint8Array[]>;
    stage(): Promise<StagedFeedCache | null>;
    unused(): Promise<string[]>;
    remove(files: readonly string[]): Promise<number>;
    /** Ends the thread; safe to call more than once, and when it never booted. */
    close(): Promise<void>;
}
/**
 * Step "feeds" when the thread renders them: waits for the thread, takes over its diagnostics
 * and log lines, and returns its artifacts. A cached archive document the thread sent by digest
 * only is linked from the last published output (`link`, the writer's) or, when no file there
 * holds it, fetched from the thread. Counts as the in-thread step's, plus `threadMs` (the
 * thread's own time).
 */
export declare const feedsFromThread: Step<{
    thread: FeedsThread;
    link: (path: string, known: KnownContent) => boolean;
}, Artifact[]>;
export {};
//# sourceMappingURL=thread.d.ts.map