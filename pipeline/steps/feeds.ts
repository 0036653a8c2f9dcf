/**
 * The feeds step: RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the latest papers (with their monthly
 * RFC 5005 archives), one entry per digest day, one per week, every extra feed declared in the
 * config, and the OPML list of them. Plan (pipeline/feeds/plan.ts: which feeds, which items,
 * which dates, which links), report the plan's problems, render each planned feed in the three
 * formats (pipeline/feeds/rss.ts, atom.ts, json-feed.ts) and the list (pipeline/feeds/opml.ts).
 *
 * Each item is built once per run and shared by every feed and archive that shows the same
 * content, and the items and complete archive documents of the last published run are reused
 * (pipeline/cache/feed-cache.ts: `ctx.caches.feeds`; without it, an in-run cache only). A reused
 * archive document is an artifact that knows its sha256 and size (`Artifact#known`) and reads
 * its bytes only when asked: the writer links the unchanged file of the last output instead.
 */
import type { Dataset } from '../../src/types.ts';
import { CONFIG_FILE, type StepContext, type StepResult } from '../context.ts';
import type { Artifact } from '../publish/artifact.ts';
import { FeedCache } from '../cache/feed-cache.ts';
import { paperDigest } from '../cache/paper-digest.ts';
import { feedCacheVersions } from '../cache/version.ts';
import { atom } from '../feeds/atom.ts';
import { dayItem, paperItem, weekItem } from '../feeds/items.ts';
import { jsonFeed } from '../feeds/json-feed.ts';
import { OPML_PATH, opml } from '../feeds/opml.ts';
import { planFeeds, type ItemSource } from '../feeds/plan.ts';
import { rss } from '../feeds/rss.ts';
import { feedSite } from '../feeds/site.ts';

export { CONFIG_FILE } from '../context.ts';

/**
 * Every feed file: listFeeds order, then the archive documents (oldest month first), then
 * `feeds.opml`. A paper with an invalid date gets a `feed-invalid-date` warning; an author
 * filter entry that names nobody a `feed-unknown-author` warning on CONFIG_FILE.
 */
export async function feedsStep(
  ctx: StepContext,
  { dataset, search }: { dataset: Dataset; search: (q: string) => string[] },
): Promise<StepResult<Artifact[]>> {
  const site = feedSite(ctx.config);
  const cache = ctx.caches.feeds ?? new FeedCache(null, feedCacheVersions());
  const plan = planFeeds(site, ctx.config.feeds, dataset, search, cachedItems(cache));
  for (const paper of plan.invalidDates) {
    ctx.file(paper.source.file).message(`paper ${paper.id} has an invalid date "${paper.date}"; it is left out of the feeds`, {
      place: { line: paper.source.line, column: 1 },
      ruleId: 'feed-invalid-date',
      source: 'pipeline:feeds',
    });
  }
  for (const { feed, index, name } of plan.unknownAuthors) {
    const extra = ctx.config.feeds.extra[feed]!;
    ctx.file(CONFIG_FILE).message(
      `feeds.extra[${feed}].filter.authors[${index}]: "${name}" is neither an author key nor the name of an author in the input; the feed "${extra.name}" leaves it out`,
      { ruleId: 'feed-unknown-author', source: 'pipeline:feeds' },
    );
  }
  const artifacts = [plan.main, plan.daily, plan.weekly, ...plan.extra, ...plan.archives].flatMap((feed) => {
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
  });
  artifacts.push({ path: OPML_PATH, data: opml(site, [plan.main, plan.daily, plan.weekly, ...plan.extra]) });
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
