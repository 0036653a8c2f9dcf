// pipeline/steps/feeds.ts
import { FeedCache } from "../cache/feed-cache.js";
import { feedCacheVersions } from "../cache/version.js";
import { buildFeeds } from "../feeds/render.js";
import { CONFIG_FILE } from "../context.js";
async function feedsStep(ctx, { dataset, search }) {
  return buildFeeds(ctx, ctx.caches.feeds ?? new FeedCache(null, feedCacheVersions()), dataset, search);
}
function savedQueries(config) {
  return [...new Set(config.feeds.extra.flatMap((e) => e.filter.query === void 0 ? [] : [e.filter.query]))];
}
export {
  CONFIG_FILE,
  feedsStep,
  savedQueries
};
//# sourceMappingURL=feeds.js.map
