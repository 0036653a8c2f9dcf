/**
 * The feeds thread, main-thread side: when to use it (`useFeedsThread`, the one rule), booting
 * it ahead, and talking to it (pipeline/feeds/worker.ts). With it, the feeds step's work runs on
 * a second core from the moment the dataset is ready, while this thread builds the search index
 * and the page; the saved queries of the extra feeds are run here once the index is built, and
 * their results sent over. The feed cache then lives in the thread: this side stands in for it
 * after the step (`FeedCacheControl`: staging, writing, pruning, its problems).
 *
 * The artifacts are the same bytes either way (test/pipeline/feeds/thread.test.ts compares a
 * run with and without the thread).
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Dataset } from '../../src/types.ts';
import type { CacheProblem } from '../cache/cache-file.ts';
import type { FeedCacheControl, FeedCacheVersions, StagedFeedCache } from '../cache/feed-cache.ts';
import { paperDigest } from '../cache/paper-digest.ts';
import type { ResolvedConfig, Step } from '../context.ts';
import type { BuiltIndex } from '../../src/search/index-builder.ts';
import { relatedPapers } from '../page/related.ts';
import type { Artifact, KnownContent } from '../publish/artifact.ts';
import { restoreMessages } from '../report/diagnostics.ts';
import { bootWorkers } from '../threads.ts';
import { papersOnWire } from './lazy-papers.ts';
import type { FeedsMessage, FeedsReply, FeedsRequest } from './worker.ts';

/** The feeds thread option: 'auto' decides from the input's size and the cores, a boolean forces it. */
export type FeedsThreadOption = boolean | 'auto';

/**
 * Input bytes from which 'auto' uses the thread (with two cores or more): about 1,100 papers of
 * the real archive. Below it, booting the thread (about 0.1 s of CPU) and handing it the papers
 * cost more than the step it takes off the main thread (a few tens of ms on input/'s sample).
 */
export const FEEDS_THREAD_BYTES = 2_000_000;

/**
 * Whether a run over `bytes` bytes of input (every input file's size, cached or not) uses the
 * feeds thread, on a machine with `cores` cores (`os.availableParallelism()`).
 */
export function useFeedsThread(option: FeedsThreadOption, bytes: number, cores = availableParallelism()): boolean {
  if (typeof option === 'boolean') return option;
  return cores >= 2 && bytes >= FEEDS_THREAD_BYTES;
}

type Reply<T extends FeedsReply['type']> = Extract<FeedsMessage, { type: T }>;

/** The related papers asked of the feeds thread (`FeedsThread#related`). */
export interface RelatedRequest {
  /** The related papers: the thread's, or computed here when it had not started on them. */
  take(): Promise<{ related: number[][]; onThread: boolean }>;
  /** Whether the thread has started on them (then `take` waits for it). */
  working(): boolean;
}

/** One run's feeds thread. `boot` it, `start` it with the dataset, `search` once the index is built, then the step `feedsFromThread`; `close` always. */
export class FeedsThread implements FeedCacheControl {
  private worker: Promise<Worker> | null = null;
  /** The thread once booted: a request is then posted at once, not after the caller's synchronous work. */
  private live: Worker | null = null;
  private failure: Error | null = null;
  private readonly waiting: { resolve: (m: FeedsMessage) => void; reject: (e: Error) => void }[] = [];
  private readonly problems: CacheProblem[] = [];
  /** The pending `related` request's answer (out of turn: not in `waiting`). */
  private relatedAnswer: { resolve: (related: number[][]) => void; reject: (e: Error) => void } | null = null;

  /** Whether the thread was booted (the run then uses it). */
  get booted(): boolean {
    return this.worker !== null;
  }

  /** Cache files the thread found corrupt or foreign (each was rebuilt). */
  get discarded(): readonly CacheProblem[] {
    return this.problems;
  }

  /** Boots the thread (once); its first request waits for it. */
  boot(): void {
    this.worker ??= bootWorkers('pipeline/feeds/worker', 1).then(([worker]) => {
      worker!.on('message', (message: FeedsMessage) => this.answer(message));
      worker!.on('error', (error) => this.fail(error));
      worker!.on('exit', (code) => this.fail(new Error(`the feeds thread exited with code ${code}`)));
      this.live = worker!;
      return worker!;
    });
    this.worker.catch((error: unknown) => this.fail(error));
  }

  private answer(message: FeedsMessage): void {
    this.problems.push(...message.discarded);
    if (message.type === 'related' || (message.type === 'error' && message.related)) {
      const pending = this.relatedAnswer;
      this.relatedAnswer = null;
      if (message.type === 'related') pending?.resolve(message.related);
      else pending?.reject(new Error(`feeds thread: ${message.message}`));
      return;
    }
    const next = this.waiting.shift();
    if (!next) return;
    if (message.type === 'error') {
      const error = new Error(`feeds thread: ${message.message}`);
      if (message.stack) error.stack = `${error.message}\n${message.stack.split('\n').slice(1).join('\n')}`;
      next.reject(error);
    } else next.resolve(message);
  }

  /** Ends every pending request with the thread's first failure (`error`, or what it throws, as an Error). */
  private fail(error: unknown): void {
    this.failure ??= error instanceof Error ? error : new Error(String(error));
    for (const w of this.waiting.splice(0)) w.reject(this.failure);
    this.relatedAnswer?.reject(this.failure);
    this.relatedAnswer = null;
  }

  /** Sends a request; a request that cannot be sent (a value that cannot be cloned) fails the thread. */
  private post(request: FeedsRequest): void {
    if (!this.worker) throw new Error('the feeds thread was not booted');
    if (this.live) {
      try {
        this.live.postMessage(request);
      } catch (error) {
        this.fail(error);
      }
      return;
    }
    this.worker
      .then((w) => w.postMessage(request))
      .catch((error: unknown) => this.fail(error));
  }

  private ask<T extends FeedsReply['type']>(request: FeedsRequest, type: T): Promise<Reply<T>> {
    if (this.failure) return Promise.reject(this.failure);
    const answer = new Promise<FeedsMessage>((resolve, reject) => this.waiting.push({ resolve, reject }));
    this.post(request);
    return answer.then((m) => {
      if (m.type !== type) throw new Error(`feeds thread: expected "${type}", got "${m.type}"`);
      return m as Reply<T>;
    });
  }

  private done: Promise<Reply<'done'>> | null = null;

  /**
   * Has the thread read the feed cache of `cacheDir` (the input's cache folder, or null) and
   * `versions` now, while this thread reads its own caches and parses: `start` with the same
   * folder and versions then finds it read.
   */
  load(cacheDir: string | null, versions: FeedCacheVersions): void {
    if (!this.failure) this.post({ type: 'load', cacheDir, versions });
  }

  /**
   * Hands the dataset's papers over as `papersJson` (papers.json's bytes in parts, as
   * `datasetArtifacts` encoded them from `dataset.papers`) and their stubs (pipeline/feeds/lazy-papers.ts:
   * the thread parses a paper's line only when it reads more than the stub), with each paper's
   * content digest (noted on this side when papers.json was encoded), and starts rendering. The
   * feeds read no author record.
   */
  start(options: { config: ResolvedConfig; cacheDir: string | null; versions: FeedCacheVersions; dataset: Dataset; papersJson: readonly Uint8Array[] }): void {
    const { config, cacheDir, versions, dataset, papersJson } = options;
    const digests = cacheDir === null ? null : dataset.papers.map(paperDigest);
    this.done = this.ask({ type: 'start', config, cacheDir, versions, papers: papersOnWire(dataset.papers, papersJson), digests }, 'done');
    this.done.catch(() => undefined); // surfaced by the step
  }

  /**
   * Asks the thread for the related papers of `index` (pipeline/page/related.ts), which it
   * computes as soon as it is free of its own work: on a rerun it mostly waits for the saved
   * queries, on a cold run it is busy rendering. `take` gives them: the thread's
   * when it has started on them (waiting for it to finish; `onThread`), else computed here at
   * once, the thread then leaving them (a shared claim decides, so they are computed once; a
   * thread that failed on them leaves them to this one). The same function on the same index
   * either way: the same lists.
   */
  related(index: BuiltIndex): RelatedRequest {
    const claim = new Int32Array(new SharedArrayBuffer(4));
    const answer = new Promise<number[][]>((resolve, reject) => {
      this.relatedAnswer = { resolve, reject };
    });
    answer.catch(() => undefined); // a failed thread: computed here
    if (this.failure) Atomics.store(claim, 0, 2);
    else this.post({ type: 'related', index: { head: { nextId: index.head.nextId }, terms: { length: index.terms.length }, postings: index.postings, offsets: index.offsets }, claim });
    const here = () => ({ related: relatedPapers(index), onThread: false });
    return {
      take: async () => {
        if (Atomics.compareExchange(claim, 0, 0, 2) !== 1) return here();
        return answer.then((related) => ({ related, onThread: true }), here);
      },
      working: () => Atomics.load(claim, 0) === 1,
    };
  }

  /** Sends the saved queries' results (paper ids by query, as the index step's search gives them). */
  search(results: Record<string, string[]>): void {
    this.post({ type: 'search', results });
  }

  /**
   * The thread's answer to `start`: every feed's artifacts (bytes, or a cached archive's digest
   * only), diagnostics by file, log lines, counts and its time (ms). Rejects with the thread's
   * error (`feeds thread: …`) or when it was not started.
   */
  result(): Promise<Reply<'done'>> {
    return this.done ?? Promise.reject(new Error('the feeds thread was not started'));
  }

  /** The bytes of artifacts the thread sent by digest only (read from its cache, or rendered anew). */
  async documents(paths: string[]): Promise<Uint8Array[]> {
    return (await this.ask({ type: 'documents', paths }, 'documents')).data;
  }

  /**
   * Stages the thread's feed cache (`FeedCache#stage`, in the thread): what it would write, or
   * null; `write` asks the thread to write it. Rejects when the thread failed or was closed.
   */
  async stage(): Promise<StagedFeedCache | null> {
    const { staged } = await this.ask({ type: 'stage' }, 'staged');
    return staged && { ...staged, write: () => this.ask({ type: 'write' }, 'written').then(() => undefined) };
  }

  /** The archive documents of the thread's feed cache this run did not use (`FeedCache#unused`): absolute paths. */
  async unused(): Promise<string[]> {
    return (await this.ask({ type: 'unused' }, 'unused')).files;
  }

  /** Removes those files in the thread (`FeedCache#remove`); resolves to how many were removed. */
  async remove(files: readonly string[]): Promise<number> {
    return (await this.ask({ type: 'remove', files: [...files] }, 'removed')).count;
  }

  /** Ends the thread; safe to call more than once, and when it never booted. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.failure ??= new Error('the feeds thread was closed');
    await worker.then((w) => w.terminate(), () => undefined);
  }
}

/**
 * Step "feeds" when the thread renders them: waits for the thread, takes over its diagnostics
 * and log lines, and returns its artifacts. A cached archive document the thread sent by digest
 * only is linked from the last published output (`link`, the writer's) or, when no file there
 * holds it, fetched from the thread. Counts as the in-thread step's, plus `threadMs` (the
 * thread's own time).
 */
export const feedsFromThread: Step<{ thread: FeedsThread; link: (path: string, known: KnownContent) => boolean }, Artifact[]> = async (
  ctx,
  { thread, link },
) => {
  const done = await thread.result();
  for (const [path, messages] of done.messages) restoreMessages(ctx.file(path), messages);
  for (const [level, line] of done.lines) ctx.logger[level](line);
  const artifacts: Artifact[] = [];
  const fetch: { path: string; known: KnownContent }[] = [];
  for (const a of done.artifacts) {
    if ('data' in a) artifacts.push(a);
    else if (!link(a.path, a.known)) fetch.push(a);
  }
  if (fetch.length) {
    const data = await thread.documents(fetch.map((a) => a.path));
    fetch.forEach((a, i) => artifacts.push({ path: a.path, data: data[i]! }));
  }
  return { value: artifacts, counts: { ...done.counts, threadMs: Math.round(done.ms) } };
};
