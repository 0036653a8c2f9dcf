/**
 * The page's side of the search worker protocol (src/page/protocol.ts): requests go out with an
 * id, responses come back to the promise of that id. Also keeps the meta records (what a result
 * shows) that answers brought along, so a page of results costs no round trip it need not.
 */
import { RESULT_LIMIT } from '../search/options.ts';
import type { Filters, LoadProgress, PageHit } from './loader.ts';
import type { AuthorEntry, MetaRecord } from './format.ts';
import type { ListOptions, PaperAnswer, Request, Response } from './protocol.ts';

/** Results whose meta records come back with the ranking (one round trip); the rest of a page follows. */
export const FIRST_PAINT = 10;

/** What the client needs of a Worker (a real one in the page, a stand-in in tests). */
export interface WorkerPort {
  postMessage(message: Request): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<Response>) => void): void;
  addEventListener(type: 'error', listener: (e: ErrorEvent) => void): void;
}

type Pending = { resolve: (r: Response) => void; reject: (e: Error) => void };

/** A request that failed because the site was rebuilt since the page opened: reloading the page shows the new data. */
export class SiteUpdatedError extends Error {
  override name = 'SiteUpdatedError';
}

/**
 * The search worker behind promises. Opening starts at construction; `ready()` resolves once
 * the worker answered `ready` and rejects when it failed to start or to open the index.
 */
export class SearchWorker {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Meta records seen so far, by short id (bounded by the archive: one per paper). */
  readonly metaCache = new Map<number, MetaRecord>();
  /** Papers in the index (known once ready). */
  size = 0;
  /** The first and last digest dates, YYYY-MM-DD (known once ready). */
  dates = { min: '', max: '' };
  /** Called with each progress report while index parts load. */
  onProgress: (p: LoadProgress) => void = () => {};
  /** Where the worker spent the last search's time (ms, by phase). */
  lastTimings: Record<string, number> = {};
  private readonly worker: WorkerPort;
  private readonly readyPromise: Promise<void>;

  /** `base`: the absolute URL of the search data folder (manifest.json and chunks). */
  constructor(worker: WorkerPort, base: string) {
    this.worker = worker;
    this.readyPromise = new Promise((resolve, reject) => {
      worker.addEventListener('error', (e) => reject(new Error(e.message || 'the search worker failed to start')));
      worker.addEventListener('message', (e) => {
        const m = e.data;
        if (m.type === 'ready') {
          this.size = m.documentCount;
          this.dates = m.dates;
          resolve();
        } else if (m.type === 'progress') this.onProgress(m);
        else if (m.type === 'error' && m.id === 0) reject(new Error(m.message));
        else {
          const p = this.pending.get(m.id);
          this.pending.delete(m.id);
          if (m.type === 'error') p?.reject(m.updated ? new SiteUpdatedError(m.message) : new Error(m.message));
          else p?.resolve(m);
        }
      });
    });
    this.worker.postMessage({ type: 'open', base });
  }

  ready(): Promise<void> {
    return this.readyPromise;
  }

  private call(make: (id: number) => Request): Promise<Response> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage(make(id));
    });
  }

  /**
   * Hits (at most RESULT_LIMIT) in the order `list.sort` asks for, of `list.author` only when
   * set, or null when a newer search (higher `gen`) superseded this one. The meta records of
   * the first FIRST_PAINT hits land in metaCache.
   */
  async search(query: string, filters: Filters, gen: number, list: ListOptions = { author: null, sort: 'relevance' }): Promise<PageHit[] | null> {
    const r = await this.call((id) => ({ type: 'search', id, gen, query, filters, limit: RESULT_LIMIT, withMeta: FIRST_PAINT, ...list }));
    if (r.type !== 'search') return null;
    this.lastTimings = r.timings;
    r.meta.forEach((m, i) => m && this.metaCache.set(r.hits[i]!.shortId, m));
    return r.hits;
  }

  /** Starts fetching what a search for `query` will need (see the 'preload' request); no answer. */
  preload(query: string, filters: Filters): void {
    this.worker.postMessage({ type: 'preload', query, filters, limit: RESULT_LIMIT, withMeta: FIRST_PAINT });
  }

  /**
   * The papers matching `filters` (and `list.author`), newest first or, with `list.sort`
   * 'votes', most votes first: `limit` short ids from `offset`, and whether more follow. Their
   * meta records land in metaCache.
   */
  async browse(
    filters: Filters,
    offset: number,
    limit: number,
    gen = 0,
    list: ListOptions = { author: null, sort: 'newest' },
  ): Promise<{ shortIds: number[]; more: boolean }> {
    const r = await this.call((id) => ({ type: 'browse', id, gen, filters, offset, limit, ...list }));
    if (r.type !== 'browse') return { shortIds: [], more: false };
    r.meta.forEach((m, i) => m && this.metaCache.set(r.shortIds[i]!, m));
    return r;
  }

  /** The meta records of `shortIds` (asking the worker only for those not cached); unknown ids are left out. */
  async meta(shortIds: number[]): Promise<Map<number, MetaRecord>> {
    const missing = shortIds.filter((s) => !this.metaCache.has(s));
    if (missing.length > 0) {
      const r = await this.call((id) => ({ type: 'meta', id, shortIds: missing }));
      if (r.type === 'meta') r.records.forEach((m, i) => m && this.metaCache.set(missing[i]!, m));
    }
    const out = new Map<number, MetaRecord>();
    for (const s of shortIds) {
      const m = this.metaCache.get(s);
      if (m) out.set(s, m);
    }
    return out;
  }

  /** The person behind author key `key` (name, papers' short ids), or null when no paper has it. */
  async author(key: string): Promise<AuthorEntry | null> {
    const r = await this.call((id) => ({ type: 'author', id, key }));
    return r.type === 'author' ? r.author : null;
  }

  /** The paper with id `paperId`: short id, meta record, page record and related papers; null when there is none. */
  async paper(paperId: string): Promise<PaperAnswer | null> {
    const r = await this.call((id) => ({ type: 'paper', id, paperId }));
    if (r.type !== 'paper' || !r.paper) return null;
    this.metaCache.set(r.paper.shortId, r.paper.meta);
    return r.paper;
  }
}
