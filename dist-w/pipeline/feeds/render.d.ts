/**
 * The feeds step's work, wherever it runs: in the step (pipeline/steps/feeds.ts) or in the feeds
 * thread (pipeline/feeds/worker.ts). Plans the feeds (plan.ts), reports the plan's problems on
 * the step context's files, renders each planned feed in the three formats (rss.ts, atom.ts,
 * json-feed.ts) through the feed cache, and the OPML list (opml.ts). Imports nothing that finds
 * the package's files (the thread runs it from a bundle).
 */
import type { Dataset } from '../../src/types.ts';
import { type StepContext, type StepResult } from '../context.ts';
import type { Artifact } from '../publish/artifact.ts';
import type { FeedCache } from '../cache/feed-cache.ts';
/**
 * The feeds step's work with `cache` (the step's, or the feeds thread's own: thread.ts): what
 * `feedsStep` (pipeline/steps/feeds.ts) returns. `search` may come later, as a promise (a thread is started before the
 * index is built): main, daily, weekly and the archives are rendered before it is awaited, the
 * extra feeds and the OPML list after.
 */
export declare function buildFeeds(ctx: StepContext, cache: FeedCache, dataset: Dataset, search: ((q: string) => string[]) | Promise<(q: string) => string[]>): Promise<StepResult<Artifact[]>>;
//# sourceMappingURL=render.d.ts.map