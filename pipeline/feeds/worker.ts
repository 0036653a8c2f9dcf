/**
 * The feeds thread (pipeline/feeds/thread.ts runs it): the feeds step's work
 * (`buildFeeds`, render.ts) on a core of its own while the main thread builds the
 * search index and the page, with the feed cache of its own (loaded, staged, written and pruned
 * here, as the main thread asks).
 *
 * Requests are taken in order; each but `load`, `search` and `related` gets one reply, in order.
 * `load`, sent when the thread boots, starts reading the feed cache while the main thread reads
 * its own caches and parses, so that `start` finds it read. `start`
 * gets `done` once `search` has come and every feed is rendered: main, daily, weekly and the
 * archives are rendered before the saved queries' results are needed. `related` is taken as
 * soon as the thread is free (while `start` waits for `search`, or between its renders) and
 * answered out of turn, unless the main thread claimed it first (`claim`).
 */
import { parentPort } from 'node:worker_threads';
import type { CacheProblem } from '../cache/cache-file.ts';
import { FeedCache, type FeedCacheVersions, type StagedFeedCache } from '../cache/feed-cache.ts';
import { notePaperDigest } from '../cache/paper-digest.ts';
import { createStepContext, type ResolvedConfig } from '../context.ts';
import type { Artifact, KnownContent } from '../publish/artifact.ts';
import { serializeMessages, type SerializedMessage } from '../report/diagnostics.ts';
import { relatedPapers, type RelatedInput } from '../page/related.ts';
import { lazyPapers, type PapersOnWire } from './lazy-papers.ts';
import { buildFeeds } from './render.ts';

export type FeedsRequest =
  | {
      type: 'load';
      /** As `start`'s: the feed cache to read now, which `start` then takes when its folder and versions are these. */
      cacheDir: string | null;
      versions: FeedCacheVersions;
    }
  | {
      type: 'start';
      config: ResolvedConfig;
      /** The input's cache folder (`ResolvedConfig#cacheWorkDir`), or null: in-run sharing only. */
      cacheDir: string | null;
      versions: FeedCacheVersions;
      /** The dataset's papers: papers.json's bytes and each paper's stub, read as `LazyPaper`s (lazy-papers.ts). */
      papers: PapersOnWire;
      /** Each paper's content digest (pipeline/cache/paper-digest.ts), in the papers' order; null without a cache folder. */
      digests: string[] | null;
    }
  | { type: 'search'; results: Record<string, string[]> }
  | {
      type: 'related';
      /** What `relatedPapers` reads of the built index (pipeline/page/related.ts). */
      index: RelatedInput;
      /**
       * Who computes them (Int32Array over a SharedArrayBuffer, one slot): 0 = not decided, 1 =
       * this thread (set when it starts), 2 = the main thread (set when it could not wait).
       */
      claim: Int32Array;
    }
  | { type: 'documents'; paths: string[] }
  | { type: 'stage' }
  | { type: 'write' }
  | { type: 'unused' }
  | { type: 'remove'; files: string[] };

/** An artifact as it crosses to the main thread: its bytes, or only their digest (a cached archive document, fetched with `documents` when it cannot be linked). */
export type WireArtifact = { path: string; data: string | Uint8Array } | { path: string; known: KnownContent };

export type FeedsReply =
  | {
      type: 'done';
      artifacts: WireArtifact[];
      /** Diagnostics by file path, in the order the files were first given one. */
      messages: [string, SerializedMessage[]][];
      /** What the step logged, in order, at its level. */
      lines: ['info' | 'warn', string][];
      counts: Record<string, number>;
      /** Worker time from `start` to `done`, ms. */
      ms: number;
    }
  | { type: 'documents'; data: Uint8Array[] }
  | { type: 'related'; related: number[][] }
  | { type: 'staged'; staged: Omit<StagedFeedCache, 'write'> | null }
  | { type: 'written' }
  | { type: 'unused'; files: string[] }
  | { type: 'removed'; count: number }
  | { type: 'error'; message: string; stack?: string; /** The error of a `related` request (answered out of turn). */ related?: boolean };

/** Each reply also carries the cache problems found since the last one. */
export type FeedsMessage = FeedsReply & { discarded: CacheProblem[] };

let cache: FeedCache | null = null;
/** The feed cache `load` opened (or `start`, without one) with its folder and versions, and its read. */
let opened: { key: string; cache: FeedCache; loaded: Promise<void> } | null = null;

/** The feed cache of `cacheDir` and `versions`, being read: the one `load` opened when they match, else a new one. */
function openCache(cacheDir: string | null, versions: FeedCacheVersions): { cache: FeedCache; loaded: Promise<void> } {
  const key = JSON.stringify([cacheDir, versions]);
  if (opened?.key !== key) {
    const fresh = new FeedCache(cacheDir, versions);
    opened = { key, cache: fresh, loaded: fresh.load() };
  }
  return opened;
}
let artifacts = new Map<string, Artifact>();
let staged: StagedFeedCache | null = null;
let reported = 0;
let searched: (results: Record<string, string[]>) => void = () => undefined;
const search = new Promise<Record<string, string[]>>((resolve) => (searched = resolve));

function reply(message: FeedsReply): void {
  const discarded = cache ? cache.discarded.slice(reported) : [];
  reported += discarded.length;
  parentPort!.postMessage({ ...message, discarded } satisfies FeedsMessage);
}

async function start(request: Extract<FeedsRequest, { type: 'start' }>): Promise<void> {
  const t = performance.now();
  const { config, digests } = request;
  const dataset = { papers: lazyPapers(request.papers) };
  if (digests) dataset.papers.forEach((paper, i) => notePaperDigest(paper, digests[i]!));
  const open = openCache(request.cacheDir, request.versions);
  cache = open.cache;
  await open.loaded;
  const lines: ['info' | 'warn', string][] = [];
  const logger = { info: (line: string) => lines.push(['info', line]), progress: () => undefined, warn: (line: string) => lines.push(['warn', line]) };
  const { ctx, files } = createStepContext({ config, logger, caches: { parse: null, vectors: null, feeds: cache } });
  const lookup = search.then((results) => (query: string): string[] => {
    const ids = results[query];
    if (!ids) throw new Error(`no results for the saved query ${JSON.stringify(query)}`);
    return ids;
  });
  const { value, counts } = await buildFeeds(ctx, cache, dataset, lookup);
  artifacts = new Map(value.map((a) => [a.path, a]));
  const wire = value.map((a): WireArtifact => (a.known ? { path: a.path, known: a.known } : { path: a.path, data: a.data }));
  const messages = [...files].map(([path, file]): [string, SerializedMessage[]] => [path, serializeMessages(file)]);
  reply({ type: 'done', artifacts: wire, messages, lines, counts, ms: performance.now() - t });
}

async function handle(request: Exclude<FeedsRequest, { type: 'search' }>): Promise<void> {
  switch (request.type) {
    case 'start':
      return start(request);
    case 'documents': {
      // A cached archive's getter reads (and checks) its file, or renders it anew.
      const data = request.paths.map((path) => {
        const bytes = artifacts.get(path)!.data;
        return typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
      });
      return reply({ type: 'documents', data });
    }
    case 'stage': {
      artifacts = new Map();
      staged = cache!.stage();
      return reply({ type: 'staged', staged: staged && { items: staged.items, itemShards: staged.itemShards, archives: staged.archives } });
    }
    case 'write':
      await staged?.write();
      return reply({ type: 'written' });
    case 'unused':
      return reply({ type: 'unused', files: await cache!.unused() });
    case 'remove':
      return reply({ type: 'removed', count: await cache!.remove(request.files) });
  }
}

/** What the main thread gets for a request that threw. */
function errorReply(error: unknown): Extract<FeedsReply, { type: 'error' }> {
  return { type: 'error', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined };
}

// One request at a time, in order (`start` waits for `search`, which must not wait behind it).
let queue = Promise.resolve();
parentPort?.on('message', (request: FeedsRequest) => {
  if (request.type === 'search') {
    searched(request.results);
    return;
  }
  if (request.type === 'load') {
    // A read that fails is the `start` request's error (it awaits the same read).
    openCache(request.cacheDir, request.versions).loaded.catch(() => undefined);
    return;
  }
  if (request.type === 'related') {
    // Taken at once, between the feeds' own work, unless the main thread took it over already.
    if (Atomics.compareExchange(request.claim, 0, 0, 1) !== 0) return;
    try {
      reply({ type: 'related', related: relatedPapers(request.index) });
    } catch (error) {
      reply({ ...errorReply(error), related: true });
    }
    return;
  }
  queue = queue.then(() =>
    handle(request).catch((error: unknown) => reply(errorReply(error))),
  );
});
