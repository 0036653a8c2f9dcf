// pipeline/run.ts
import { byString } from "../src/compare.js";
import path from "node:path";
import { BundleCache } from "./cache/bundle-cache.js";
import { removeLegacyCache } from "./cache/legacy.js";
import { FastPath, reuseStep } from "./cache/fast-path.js";
import { PageCache } from "./cache/page-cache.js";
import { FeedCache } from "./cache/feed-cache.js";
import { readManifest, removeManifest, saveManifest } from "./cache/manifest.js";
import { ParseCache } from "./cache/parse-cache.js";
import { VectorCache } from "./cache/vector-cache.js";
import { feedCacheVersions, moduleFingerprint, packageVersion, parserVersion, pipelineVersion } from "./cache/version.js";
import { isPlaceholderSiteUrl } from "./config/load.js";
import { CONFIG_FILE, createStepContext } from "./context.js";
import { FeedsThread, feedsFromThread, useFeedsThread } from "./feeds/thread.js";
import { ParseWorkers } from "./parse/pool.js";
import { ArtifactWriter } from "./publish/artifact-writer.js";
import { acquireLock, recoverPublish, replaceFile } from "./publish/publish.js";
import { applyLevels } from "./report/levels.js";
import { RunLogger } from "./report/logger.js";
import { buildReport, collectMessages, keepLastReport, REPORT_PATH, serializeReport } from "./report/report.js";
import { judge } from "./report/verdict.js";
import { StepRunner } from "./step-runner.js";
import { discoverStep } from "./steps/discover.js";
import { readStep } from "./steps/read.js";
async function runPipeline(options) {
  const { config } = options;
  const flags = { strict: options.strict ?? false, cache: !(options.noCache ?? false), allowEmpty: options.allowEmpty ?? false };
  const logger = options.logger ?? new RunLogger("quiet");
  const now = options.now ?? (() => /* @__PURE__ */ new Date());
  const started = { at: now(), ms: performance.now(), wallMs: Date.now() };
  const version = pipelineVersion();
  const caches = openCaches(config, flags.cache);
  const { ctx, files } = createStepContext({ config, logger, caches });
  const steps = new StepRunner(ctx, logger);
  const workers = new ParseWorkers(options.workers ?? "auto");
  const feedsThread = new FeedsThread();
  let feedControl = caches.feeds;
  const writer = new ArtifactWriter(config.outputDir, config.concurrency, ctx.fail);
  const counts = {};
  let inputs = [];
  let artifacts = [];
  let vectors = null;
  let feedCache = null;
  const lock = await acquireLock(config.outputDir);
  try {
    if (lock.note) logger.info(lock.note);
    for (const note of await recoverPublish(config.outputDir)) logger.info(note);
    const previous = flags.cache ? await readManifest(config.cacheWorkDir) : { manifest: null, problems: [] };
    if (previous.manifest?.outputDir === config.outputDir) writer.reuse(previous.manifest.artifacts);
    const reused = await steps.untilFailure(async () => {
      const found = await steps.run("discover", discoverStep, void 0);
      if (!previous.manifest) workers.startAhead(found.length);
      const fastPath = previous.manifest && new FastPath(previous.manifest, config, version);
      const read = await steps.run("read", readStep, { files: found, fastPath });
      inputs = read.inputs.flatMap((r) => r.sha256 === null ? [] : [{ path: r.path, sha256: r.sha256, size: r.size }]);
      counts.files = read.inputs.length;
      if (fastPath && read.reuse) {
        const last = await steps.run("reuse", reuseStep, fastPath);
        Object.assign(counts, last.counts);
        artifacts = last.artifacts;
        return { fastPath, byStat: read.reuse === "stat" };
      }
      checkSiteUrl(ctx);
      if (useFeedsThread(options.feedsThread ?? "auto", read.inputs.reduce((sum, r) => sum + r.size, 0))) {
        feedsThread.boot();
        feedControl = feedsThread;
      }
      const { parseStep, authorsStep, enrichStep, datasetArtifacts, indexStep, feedsStep, savedQueries, pageStep } = await loadSteps();
      const vectorsLoaded = caches.vectors.load();
      const feedsLoaded = feedsThread.booted ? null : caches.feeds.load();
      const dataset = await steps.run("enrich", enrichStep, await steps.run(
        "authors",
        authorsStep,
        countListings(counts, await steps.run("parse", parseStep, { inputs: read.inputs, workers }))
      ));
      counts.papers = dataset.papers.length;
      counts.authors = dataset.authors.length;
      writer.emit(datasetArtifacts(dataset));
      if (feedsThread.booted) {
        feedsThread.start({ config, cacheDir: flags.cache ? config.cacheWorkDir : null, versions: feedCacheVersions(), dataset });
      }
      await vectorsLoaded;
      const handed = handOver(await steps.run("index", indexStep, dataset), writer, caches);
      vectors = handed.vectors;
      if (feedsThread.booted) {
        feedsThread.search(Object.fromEntries(savedQueries(config).map((q) => [q, handed.search(q)])));
        writer.emit(await steps.run("page", pageStep, { dataset, index: handed.index }));
        writer.emit(await steps.run("feeds", feedsFromThread, { thread: feedsThread, link: (rel, known) => writer.link(rel, known) }));
        feedCache = await feedsThread.stage();
      } else {
        await feedsLoaded;
        writer.emit(await steps.run("feeds", feedsStep, { dataset, search: handed.search }));
        feedCache = caches.feeds.stage();
        writer.emit(await steps.run("page", pageStep, { dataset, index: handed.index }));
      }
      artifacts = await writer.flush();
      return null;
    });
    const discarded = [
      ...previous.problems,
      ...caches.parse?.discarded ?? [],
      ...caches.vectors.discarded,
      ...feedControl.discarded,
      ...caches.bundles.discarded,
      ...caches.pages.discarded
    ];
    for (const problem of discarded) logger.warn(`cache: discarded ${problem.file}: ${problem.reason}; rebuilt from the input`);
    const emitted = collectMessages(files.values());
    const silencedByRule = applyLevels(files.values(), config.diagnostics ?? {});
    counts.silenced = Object.values(silencedByRule).reduce((sum, n) => sum + n, 0);
    const verdict = judge(files.values(), counts, artifacts.length, { ...flags, inputDir: config.inputDir, outputDir: config.outputDir });
    const publishing = verdict.exitCode === 0;
    const prune = publishing && !reused && caches.parse ? await steps.run("cache", cacheStep, { parse: caches.parse, feeds: feedControl, vectors, feedCache }) : { parse: [], feeds: [] };
    const t = performance.now();
    if (publishing && !reused) {
      const bytes = artifacts.reduce((sum, a) => sum + a.size, 0);
      steps.records.push({ name: "publish", ms: Math.round(writer.ms * 10) / 10, counts: { artifacts: artifacts.length + 1, bytes, linked: writer.linked } });
    }
    const parse = steps.counts("parse");
    const report = buildReport({
      version: packageVersion(),
      pipelineVersion: version,
      configDigest: config.digest,
      startedAt: started.at.toISOString(),
      finishedAt: now().toISOString(),
      durationMs: Math.round(performance.now() - started.ms),
      exitCode: verdict.exitCode,
      fastPath: reused !== null,
      options: flags,
      counts: verdict.counts,
      steps: steps.records,
      diagnostics: verdict.diagnostics,
      silencedByRule,
      inputs,
      artifacts,
      cache: {
        enabled: flags.cache,
        hits: reused ? inputs.length : parse?.cached ?? 0,
        misses: reused || !flags.cache ? 0 : parse?.parsed ?? 0,
        discarded,
        pruned: steps.counts("cache")?.pruned ?? 0
      },
      problems: verdict.problems
    });
    const text = serializeReport(report);
    if (publishing && reused) {
      await replaceFile(config.outputDir, REPORT_PATH, text);
      if (!reused.byStat) await reused.fastPath.refreshTimes(started.wallMs).catch(() => void 0);
      steps.records.push({ name: "publish", ms: Math.round(performance.now() - t), counts: { artifacts: 1 } });
      logger.stepDone("publish", performance.now() - t, { "artifact (report.json)": 1 });
    } else if (publishing) {
      await writer.commit(text);
      logger.stepDone("publish", writer.ms + performance.now() - t, { artifacts: artifacts.length + 1 });
      if (flags.cache) await saveManifest({ config, version, runStartedMs: started.wallMs, inputs, artifacts, diagnostics: emitted, counts: verdict.counts });
      else await removeManifest(config.cacheWorkDir);
      await caches.parse?.remove(prune.parse);
      await feedControl.remove(prune.feeds);
      await saveVectors(vectors, logger);
      await saveFeedCache(feedCache, logger);
      caches.pages.save();
      if (flags.cache && await removeLegacyCache(config.cacheDirAbs) > 0) {
        logger.info(`cache: removed the old cache layout; this input's caches now live in ${path.basename(config.cacheWorkDir)}/ of the cache folder`);
      }
    }
    await keepLastReport(config, text);
    return { exitCode: verdict.exitCode, report, published: publishing, files: [...files.values()].sort(byString((x) => x.path)) };
  } finally {
    await workers.close().catch(() => void 0);
    await feedsThread.close();
    await writer.abort();
    await lock.release();
  }
}
function openCaches(config, useCache) {
  const dir = useCache ? config.cacheWorkDir : null;
  return {
    parse: useCache ? new ParseCache(config.cacheWorkDir, parserVersion()) : null,
    vectors: new VectorCache(dir, moduleFingerprint("src/search/index-builder.ts")),
    feeds: new FeedCache(dir, feedCacheVersions()),
    // The page's bundles depend on the code alone: one cache for every input.
    bundles: new BundleCache(useCache ? config.cacheDirAbs : null),
    pages: new PageCache(dir, moduleFingerprint("pipeline/page/chunks.ts"))
  };
}
async function loadSteps() {
  const [parse, authors, enrich, index, feeds, page] = await Promise.all([
    import("./steps/parse.js"),
    import("./steps/authors.js"),
    import("./steps/enrich.js"),
    import("./steps/search-index.js"),
    import("./steps/feeds.js"),
    import("./steps/page.js")
  ]);
  return { ...parse, ...authors, ...enrich, ...index, ...feeds, ...page };
}
function countListings(counts, entries) {
  counts.entries = entries.length;
  counts.digests = new Set(entries.map((e) => e.date)).size;
  return entries;
}
function handOver(value, writer, caches) {
  const { artifacts, vectorTable, ...rest } = value;
  writer.emit(artifacts);
  const vectors = vectorTable ? caches.vectors.stage(vectorTable) : null;
  caches.vectors.release();
  return { ...rest, vectors };
}
async function saveVectors(vectors, logger) {
  await vectors?.write().catch((error) => {
    logger.warn(`cache: could not save the term vectors: ${error instanceof Error ? error.message : String(error)}`);
  });
}
async function saveFeedCache(staged, logger) {
  await staged?.write().catch((error) => {
    logger.warn(`cache: could not save the feed cache: ${error instanceof Error ? error.message : String(error)}`);
  });
}
var cacheStep = async (_ctx, { parse, feeds, vectors, feedCache }) => {
  const unused = { parse: await parse.unused(), feeds: await feeds.unused() };
  const counts = {
    pruned: unused.parse.length,
    feedArchivesPruned: unused.feeds.length,
    vectorsSaved: vectors ? 1 : 0,
    feedItemsSaved: feedCache?.items ? 1 : 0,
    feedArchivesSaved: feedCache?.archives ?? 0
  };
  return { value: unused, counts };
};
function checkSiteUrl(ctx) {
  const { url } = ctx.config.site;
  if (!isPlaceholderSiteUrl(url)) return;
  ctx.file(CONFIG_FILE).message(
    `site.url is a placeholder (${url}): feed and page links point there. Set site.url in the config, or pass --site-url (or PIPELINE_SITE_URL)`,
    { ruleId: "site-url-placeholder", source: "pipeline:config" }
  );
}
export {
  runPipeline
};
//# sourceMappingURL=run.js.map
