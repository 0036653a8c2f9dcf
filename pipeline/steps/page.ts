/**
 * Step "page": the static search page. Emits `index.html` (pipeline/page/html.ts), the bundled
 * scripts and style under `assets/` (pipeline/page/bundle.ts), and the search data split into
 * chunks the page fetches on demand (`search/`, pipeline/page/chunks.ts; format in
 * src/page/format.ts), with each paper's related papers (pipeline/page/related.ts), and
 * `client.js`, the search client for other pages (pipeline/page/client.ts). The bundles come from
 * the bundle cache when their sources did not change (pipeline/cache/bundle-cache.ts:
 * `ctx.caches.bundles`); a meta or paper chunk whose papers did not change is known by the page
 * cache and not built, and a chunk that is built takes the records of its papers that did not
 * change from that cache (pipeline/cache/page-cache.ts: `ctx.caches.pages`).
 */
import { byString } from '../../src/compare.ts';
import type { Dataset } from '../../src/types.ts';
import { toSearchDocument } from '../../src/search/options.ts';
import { buildIndex } from '../../src/search/index-builder.ts';
import type { BuiltIndex } from '../../src/search/index-builder.ts';
import type { StepContext, StepResult } from '../context.ts';
import type { Artifact } from '../publish/artifact.ts';
import type { BundleCache } from '../cache/bundle-cache.ts';
import { bundlePage } from '../page/bundle.ts';
import { bundleClient } from '../page/client.ts';
import { startSearchChunks } from '../page/chunks.ts';
import { relatedPapers } from '../page/related.ts';
import type { RelatedRequest } from '../feeds/thread.ts';
import { renderIndexHtml } from '../page/html.ts';

export interface PageInput {
  dataset: Dataset;
  /** The index the index step built: saves building it a second time. */
  index?: BuiltIndex;
  /** The bundles (`pageBundles`), started before the steps that come first, so that esbuild works beside them. */
  bundles?: ReturnType<typeof pageBundles>;
  /** The related papers of `index`, when another thread computes them (pipeline/feeds/thread.ts `related`); else computed here. */
  related?: RelatedRequest['take'];
}

/**
 * The page's script, worker, math and style bundles (pipeline/page/bundle.ts) and client.js
 * (pipeline/page/client.ts), through the bundle cache. They depend on the code alone, so a run
 * starts them early (pipeline/run.ts) and the page step awaits them. Rejects when esbuild fails.
 */
export function pageBundles(cache: BundleCache | null | undefined): Promise<[Awaited<ReturnType<typeof bundlePage>>, Artifact]> {
  return Promise.all([bundlePage(cache), bundleClient(cache)]);
}

/** The page's artifacts, sorted by path. Builds the index when `input.index` is absent. */
export async function pageStep(ctx: StepContext, { dataset, index: built, bundles, related: given }: PageInput): Promise<StepResult<Artifact[]>> {
  const index = built ?? buildIndex(dataset.papers.map(toSearchDocument));
  const records = ctx.caches.pages ?? null;
  // Every chunk but the related chunks first: the feeds thread, when it has the related papers to
  // compute, gets that long to start on them before they are taken.
  await records?.load();
  const chunks = startSearchChunks(dataset.papers, index, { authors: dataset.authors, records });
  const t0 = performance.now();
  const { related, onThread } = given ? await given() : { related: relatedPapers(index), onThread: false };
  const relatedMs = Math.round(performance.now() - t0);
  const { manifest, artifacts } = chunks.finish(related);
  const recordShardsRead = records?.shardsRead ?? 0;
  const recordShards = records?.stage() ?? 0; // written once the run has published
  // Short enough for one line of 100 columns at the real archive's counts.
  ctx.logger.info(
    `page: chunks ${manifest.terms.count} term, ${manifest.docs.count} doc, ${manifest.meta.count} meta, ${manifest.papers.count} paper, ` +
      `${manifest.authors.count} author; related ${onThread ? `waited ${relatedMs} ms (feeds thread)` : `${relatedMs} ms`}`,
  );
  const [assets, client] = await (bundles ?? pageBundles(ctx.caches.bundles));
  const html = await renderIndexHtml(ctx.config, dataset.papers.length, assets);
  const math = [assets.math.js, assets.math.css, ...assets.math.fonts];
  const files = [html, assets.js, assets.worker, assets.css, client, ...math, ...artifacts].sort(byString((a) => a.path));
  const counts = {
    artifacts: files.length,
    bundlesCached: ctx.caches.bundles?.hits ?? 0,
    recordsCached: records?.hits ?? 0,
    recordsBuilt: records?.misses ?? 0,
    chunksKnown: records?.chunksKnown ?? 0,
    recordShardsRead,
    recordShards,
    relatedOnThread: onThread ? 1 : 0,
  };
  return { value: files, counts };
}
