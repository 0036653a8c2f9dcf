// pipeline/steps/page.ts
import { byString } from "../../src/compare.js";
import { toSearchDocument } from "../../src/search/options.js";
import { buildIndex } from "../../src/search/index-builder.js";
import { bundlePage } from "../page/bundle.js";
import { bundleClient } from "../page/client.js";
import { chunkSearchData } from "../page/chunks.js";
import { relatedPapers } from "../page/related.js";
import { renderIndexHtml } from "../page/html.js";
async function pageStep(ctx, { dataset, index: built }) {
  const index = built ?? buildIndex(dataset.papers.map(toSearchDocument));
  const t0 = performance.now();
  const related = relatedPapers(index);
  const relatedMs = Math.round(performance.now() - t0);
  const records = ctx.caches.pages ?? null;
  await records?.load();
  const { manifest, artifacts } = chunkSearchData(dataset.papers, index, { authors: dataset.authors, related, records });
  const recordShards = records?.stage() ?? 0;
  ctx.logger.info(
    `page: ${manifest.terms.count} term chunks, ${manifest.docs.count} doc chunks, ${manifest.meta.count} meta chunks, ${manifest.papers.count} paper chunks, ${manifest.authors.count} author shards; related papers in ${relatedMs} ms`
  );
  const [assets, client] = await Promise.all([bundlePage(ctx.caches.bundles), bundleClient(ctx.caches.bundles)]);
  const html = await renderIndexHtml(ctx.config, dataset.papers.length, assets);
  const math = [assets.math.js, assets.math.css, ...assets.math.fonts];
  const files = [html, assets.js, assets.worker, assets.css, client, ...math, ...artifacts].sort(byString((a) => a.path));
  const counts = {
    artifacts: files.length,
    bundlesCached: ctx.caches.bundles?.hits ?? 0,
    recordsCached: records?.hits ?? 0,
    recordsBuilt: records?.misses ?? 0,
    recordShards
  };
  return { value: files, counts };
}
export {
  pageStep
};
//# sourceMappingURL=page.js.map
