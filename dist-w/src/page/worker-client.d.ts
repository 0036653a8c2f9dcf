import type { Filters, LoadProgress, PageHit } from './loader.ts';
import type { AuthorEntry, MetaRecord, PaperRecord } from './format.ts';
import type { ListOptions, Request, Response } from './protocol.ts';
/** Results whose meta records come back with the ranking (one round trip); the rest of a page follows. */
export declare const FIRST_PAINT = 10;
/** What the client needs of a Worker (a real one in the page, a stand-in in tests). */
export interface WorkerPort {
    postMessage(message: Request): void;
    addEventListener(type: 'message', listener: (e: MessageEvent<Response>) => void): void;
    addEventListener(type: 'error', listener: (e: ErrorEvent) => void): void;
}
/**
 * The search worker behind promises. Opening starts at construction; `ready()` resolves once
 * the worker answered `ready` and rejects when it failed to start or to open the index.
 */
export declare class SearchWorker {
    private readonly pending;
    private nextId;
    /** Meta records seen so far, by short id (bounded by the archive: one per paper). */
    readonly metaCache: Map<number, MetaRecord>;
    /** Papers in the index (known once ready). */
    size: number;
    /** The first and last digest dates, YYYY-MM-DD (known once ready). */
    dates: {
        min: string;
        max: string;
    };
    /** Called with each progress report while index parts load. */
    onProgress: (p: LoadProgress) => void;
    /** Where the worker spent the last search's time (ms, by phase). */
    lastTimings: Record<string, number>;
    private readonly worker;
    private readonly readyPromise;
    /** `base`: the absolute URL of the search data folder (manifest.json and chunks). */
    constructor(worker: WorkerPort, base: string);
    ready(): Promise<void>;
    private call;
    /**
     * Hits (at most RESULT_LIMIT) in the order `list.sort` asks for, of `list.author` only when
     * set, or null when a newer search (higher `gen`) superseded this one. The meta records of
     * the first FIRST_PAINT hits land in metaCache.
     */
    search(query: string, filters: Filters, gen: number, list?: ListOptions): Promise<PageHit[] | null>;
    /** Starts fetching what a search for `query` will need (see the 'preload' request); no answer. */
    preload(query: string, filters: Filters): void;
    /**
     * The papers matching `filters` (and `list.author`), newest first or, with `list.sort`
     * 'votes', most votes first: `limit` short ids from `offset`, and whether more follow. Their
     * meta records land in metaCache.
     */
    browse(filters: Filters, offset: number, limit: number, gen?: number, list?: ListOptions): Promise<{
        shortIds: number[];
        more: boolean;
    }>;
    /** The meta records of `shortIds` (asking the worker only for those not cached); unknown ids are left out. */
    meta(shortIds: number[]): Promise<Map<number, MetaRecord>>;
    /** The person behind author key `key` (name, papers' short ids), or null when no paper has it. */
    author(key: string): Promise<AuthorEntry | null>;
    /** The paper with id `paperId`: short id, meta record and page record; null when there is none. */
    paper(paperId: string): Promise<{
        shortId: number;
        meta: MetaRecord;
        record: PaperRecord;
    } | null>;
}
//# sourceMappingURL=worker-client.d.ts.map