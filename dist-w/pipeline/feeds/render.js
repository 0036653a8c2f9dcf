// pipeline/feeds/render.ts
import { CONFIG_FILE } from "../context.js";
import { paperDigest } from "../cache/paper-digest.js";
import { atom } from "./atom.js";
import { dayItem, paperItem, weekItem } from "./items.js";
import { jsonFeed } from "./json-feed.js";
import { OPML_PATH, opml } from "./opml.js";
import { planBaseFeeds } from "./plan.js";
import { rss } from "./rss.js";
import { feedSite } from "./site.js";
async function buildFeeds(ctx, cache, dataset, search) {
  const site = feedSite(ctx.config);
  const plan = planBaseFeeds(site, ctx.config.feeds, dataset, cachedItems(cache));
  for (const paper of plan.invalidDates) {
    ctx.file(paper.source.file).message(`paper ${paper.id} has an invalid date "${paper.date}"; it is left out of the feeds`, {
      place: { line: paper.source.line, column: 1 },
      ruleId: "feed-invalid-date",
      source: "pipeline:feeds"
    });
  }
  const render = (feeds) => feeds.flatMap((feed) => {
    const docs = cache.archive(feed.history?.archive === true, site, feed, () => ({
      rss: rss(site, feed),
      atom: atom(site, feed),
      json: jsonFeed(site, feed)
    }));
    return ["rss", "atom", "json"].map((format) => {
      const file = feed.files[format];
      if ("known" in docs) {
        return {
          path: file,
          get known() {
            return docs.known[format];
          },
          get data() {
            return docs[format];
          }
        };
      }
      return { path: file, data: docs[format] };
    });
  });
  const first = render([plan.main, plan.daily, plan.weekly]);
  const archives = render(plan.archives);
  const { extra, unknownAuthors } = plan.extraFeeds(await search);
  for (const { feed, index, name } of unknownAuthors) {
    const entry = ctx.config.feeds.extra[feed];
    ctx.file(CONFIG_FILE).message(
      `feeds.extra[${feed}].filter.authors[${index}]: "${name}" is neither an author key nor the name of an author in the input; the feed "${entry.name}" leaves it out`,
      { ruleId: "feed-unknown-author", source: "pipeline:feeds" }
    );
  }
  const artifacts = [...first, ...render(extra), ...archives];
  artifacts.push({ path: OPML_PATH, data: opml(site, [plan.main, plan.daily, plan.weekly, ...extra]) });
  ctx.logger.info(
    `feeds: ${artifacts.length} files, ${plan.main.items.length} papers in the main feed, ${plan.archives.length} monthly archives, ${plan.daily.items.length} days, ${plan.weekly.items.length} weeks`
  );
  const counts = { artifacts: artifacts.length, itemsBuilt: cache.itemMisses, itemsCached: cache.itemHits, archivesCached: cache.archiveHits };
  return { value: artifacts, counts };
}
function cachedItems(cache) {
  return {
    paper: (site, paper, published, updated) => cache.item("paper", site, paper, published, updated, () => paperItem(site, paper, published, updated), cache.dir === null ? void 0 : paperDigest(paper)),
    day: (site, day) => cache.item("day", site, day, day.published, day.published, () => dayItem(site, day)),
    week: (site, week) => cache.item("week", site, week, week.published, week.updated, () => weekItem(site, week))
  };
}
export {
  buildFeeds
};
//# sourceMappingURL=render.js.map
