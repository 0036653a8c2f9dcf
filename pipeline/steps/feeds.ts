/**
 * The feeds step: RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the latest papers, one entry per
 * digest day, and every extra feed declared in the config. Plan (pipeline/feeds/plan.ts: which
 * feeds, which items, which dates), report the plan's problems, render each planned feed in the
 * three formats (pipeline/feeds/rss.ts, atom.ts, json-feed.ts).
 */
import type { Dataset } from '../../src/types.ts';
import type { StepContext, StepResult } from '../context.ts';
import type { Artifact } from '../publish/artifact.ts';
import { atom } from '../feeds/atom.ts';
import { jsonFeed } from '../feeds/json-feed.ts';
import { planFeeds } from '../feeds/plan.ts';
import { rss } from '../feeds/rss.ts';
import { feedSite } from '../feeds/site.ts';

/** Every feed file (listFeeds order); a paper with an invalid date gets a `feed-invalid-date` message. */
export async function feedsStep(
  ctx: StepContext,
  { dataset, search }: { dataset: Dataset; search: (q: string) => string[] },
): Promise<StepResult<Artifact[]>> {
  const site = feedSite(ctx.config);
  const plan = planFeeds(site, ctx.config.feeds, dataset, search);
  for (const paper of plan.invalidDates) {
    ctx.file(paper.source.file).message(`paper ${paper.id} has an invalid date "${paper.date}"; it is left out of the feeds`, {
      place: { line: paper.source.line, column: 1 },
      ruleId: 'feed-invalid-date',
      source: 'pipeline:feeds',
    });
  }
  for (const { feed, key } of plan.unknownAuthors) ctx.logger.info(`feeds: extra feed "${feed}" names author key "${key}", which no paper has`);
  const artifacts = [plan.main, plan.daily, ...plan.extra].flatMap((feed) => [
    { path: feed.files.rss, data: rss(site, feed) },
    { path: feed.files.atom, data: atom(site, feed) },
    { path: feed.files.json, data: jsonFeed(site, feed) },
  ]);
  ctx.logger.info(`feeds: ${artifacts.length} files, ${plan.main.items.length} papers in the main feed, ${plan.daily.items.length} days`);
  return { value: artifacts, counts: { artifacts: artifacts.length } };
}
