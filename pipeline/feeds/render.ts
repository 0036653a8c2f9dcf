/**
 * The feeds step's work, wherever it runs: in the step (pipeline/steps/feeds.ts) or in the feeds
 * thread (pipeline/feeds/worker.ts). Plans the feeds (plan.ts), reports the plan's problems on
 * the step context's files, renders each planned feed in the three formats (rss.ts, atom.ts,
 * json-feed.ts) through the feed cache, and the OPML list (opml.ts). Imports nothing that finds
 * the package's files (the thread runs it from a bundle).
 */
import type { Dataset } from '../../src/types.ts';
import { CONFIG_FILE, type StepContext, type StepResult } from '../context.ts';
import type { Artifact } from '../publish/artifact.ts';
import type { FeedCache } from '../cache/feed-cache.ts';
import { paperDigest } from '../cache/paper-digest.ts';
import { atom } from './atom.ts';
import { dayItem, paperItem, weekItem } from './items.ts';
import { jsonFeed } from './json-feed.ts';
import { OPML_PATH, opml } from './opml.ts';
import { planBaseFeeds, type ItemSource, type PlannedFeed } from './plan.ts';
import { rss } from './rss.ts';
import { feedSite } from './site.ts';

/**
 * The feeds step's work with `cache` (the step's, or the feeds thread's own: thread.ts): what
 * `feedsStep` (pipeline/steps/feeds.ts) returns. `search` may come later, as a promise (a thread is started before the
 * index is built): main, daily, weekly and the archives are rendered before it is awaited, the
 * extra feeds and the OPML list after.
 */
export async function buildFeeds(
  ctx: StepContext,
  cache: FeedCache,
  dataset: Pick<Dataset, 'papers'>,
  search: ((q: string) => string[]) | Promise<(q: string) => string[]>,
): Promise<StepResult<Artifact[]>> {
  const site = feedSite(ctx.config);
  const plan = planBaseFeeds(site, ctx.config.feeds, dataset, cachedItems(cache));
  for (const paper of plan.invalidDates) {
    ctx.file(paper.source.file).message(`paper ${paper.id} has an invalid date "${paper.date}"; it is left out of the feeds`, {
      place: { line: paper.source.line, column: 1 },
      ruleId: 'feed-invalid-date',
      source: 'pipeline:feeds',
    });
  }
  // Each feed rendered in a turn of its own: on the feeds thread, a request that comes meanwhile
  // (the related papers, thread.ts) waits for one feed, not for all of them.
  const render = async (feeds: PlannedFeed[]): Promise<Artifact[]> => {
    const out: Artifact[] = [];
    for (const feed of feeds) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      out.push(...renderOne(feed));
    }
    return out;
  };
  const renderOne = (feed: PlannedFeed): Artifact[] => {
    const docs = cache.archive(feed.history?.archive === true, site, feed, () => ({
      rss: rss(site, feed),
      atom: atom(site, feed),
      json: jsonFeed(site, feed),
    }));
    return (['rss', 'atom', 'json'] as const).map((format): Artifact => {
      const file = feed.files[format];
      // A cached archive: its sha256 and size are known, its bytes read only if asked for.
      if ('known' in docs) {
        return {
          path: file,
          get known() {
            return docs.known[format];
          },
          get data() {
            return docs[format];
          },
        };
      }
      return { path: file, data: docs[format] };
    });
  };
  const first = await render([plan.main, plan.daily, plan.weekly]);
  const archives = await render(plan.archives);
  const { extra, unknownAuthors } = plan.extraFeeds(await search);
  for (const { feed, index, name } of unknownAuthors) {
    const entry = ctx.config.feeds.extra[feed]!;
    ctx.file(CONFIG_FILE).message(
      `feeds.extra[${feed}].filter.authors[${index}]: "${name}" is neither an author key nor the name of an author in the input; the feed "${entry.name}" leaves it out`,
      { ruleId: 'feed-unknown-author', source: 'pipeline:feeds' },
    );
  }
  const artifacts = [...first, ...(await render(extra)), ...archives];
  artifacts.push({ path: OPML_PATH, data: opml(site, [plan.main, plan.daily, plan.weekly, ...extra]) });
  ctx.logger.info(
    `feeds: ${artifacts.length} files, ${plan.main.items.length} papers in the main feed, ${plan.archives.length} monthly archives, ` +
      `${plan.daily.items.length} days, ${plan.weekly.items.length} weeks`,
  );
  const counts = { artifacts: artifacts.length, itemsBuilt: cache.itemMisses, itemsCached: cache.itemHits, archivesCached: cache.archiveHits };
  return { value: artifacts, counts };
}

/**
 * The item builders of items.ts behind `cache`: each item keyed by its kind and what its builder
 * reads apart from the times (the site and the paper, day or week; a paper by its content digest,
 * noted when papers.json was encoded).
 */
function cachedItems(cache: FeedCache): ItemSource {
  return {
    paper: (site, paper, published, updated) =>
      cache.item('paper', site, paper, published, updated, () => paperItem(site, paper, published, updated), cache.dir === null ? undefined : paperDigest(paper)),
    day: (site, day) => cache.item('day', site, day, day.published, day.published, () => dayItem(site, day)),
    week: (site, week) => cache.item('week', site, week, week.published, week.updated, () => weekItem(site, week)),
  };
}
