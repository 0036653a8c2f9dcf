/**
 * The orchestrator: discover -> read -> (reuse | parse -> authors -> enrich -> index -> feeds ->
 * page) -> verdict -> (cache -> publish). Holds the run lock, runs the steps in order
 * (pipeline/step-runner.ts), applies the config's diagnostic levels (pipeline/report/levels.ts),
 * asks for the verdict (pipeline/report/verdict.ts) and publishes atomically only when the run
 * succeeded. Only a run that publishes touches the caches it would lose by a mistake: it prunes
 * the parse cache and the feed cache's archive documents, and writes the dataset, the term vectors, the
 * feed cache and the page cache, after its output is in place. Never calls
 * process.exit.
 *
 * Fast path (pipeline/cache/fast-path.ts): when nothing changed since the last published run,
 * the steps after "read" are skipped and only report.json is rewritten. Otherwise every artifact
 * goes into a staging folder as soon as a step returns it (pipeline/publish/artifact-writer.ts),
 * swapped in as the output folder at the end.
 *
 * Feeds thread (pipeline/feeds/thread.ts): on a large input the feeds are rendered on a worker
 * thread from the end of "enrich"; the main thread builds the index and the page meanwhile, runs
 * the saved queries for it, and takes its artifacts over in step "feeds", after "page".
 */
import { byString } from '../src/compare.ts';
import type { VFile } from 'vfile';
import type { VectorTable } from '../src/search/vectors.ts';
import type { MergedIndex } from '../src/search/index-builder.ts';
import type { CacheProblem } from './cache/cache-file.ts';
import path from 'node:path';
import { BundleCache } from './cache/bundle-cache.ts';
import { removeLegacyCache } from './cache/legacy.ts';
import { FastPath, reuseStep } from './cache/fast-path.ts';
import { PageCache } from './cache/page-cache.ts';
import { DatasetCache, type DatasetSnapshot, type StagedDataset } from './cache/dataset-cache.ts';
import { paperDigest } from './cache/paper-digest.ts';
import { FeedCache, type FeedCacheControl, type StagedFeedCache } from './cache/feed-cache.ts';
import { readManifest, removeManifest, saveManifest } from './cache/manifest.ts';
import { ParseCache } from './cache/parse-cache.ts';
import { VectorCache, type StagedVectors } from './cache/vector-cache.ts';
import { MergedCache, type StagedMerged } from './cache/merged-cache.ts';
import { feedCacheVersions, moduleFingerprint, packageVersion, parserVersion, pipelineVersion } from './cache/version.ts';
import { isPlaceholderSiteUrl } from './config/load.ts';
import { CONFIG_FILE, createStepContext, type ResolvedConfig, type Step, type StepCaches, type StepContext } from './context.ts';
import { FeedsThread, feedsFromThread, useFeedsThread, type FeedsThreadOption } from './feeds/thread.ts';
import { ParseWorkers } from './parse/pool.ts';
import { ArtifactWriter } from './publish/artifact-writer.ts';
import { acquireLock, recoverPublish, replaceFile } from './publish/publish.ts';
import { applyLevels } from './report/levels.ts';
import { serializeMessages } from './report/diagnostics.ts';
import { RunLogger } from './report/logger.ts';
import { buildReport, collectMessages, keepLastReport, REPORT_PATH, serializeReport, type FileRecord, type RunReport } from './report/report.ts';
import { judge } from './report/verdict.ts';
import { StepRunner } from './step-runner.ts';
import { discoverStep } from './steps/discover.ts';
import { readStep } from './steps/read.ts';

export interface RunOptions {
  config: ResolvedConfig;
  strict?: boolean;
  /** Ignore the cache: neither read nor write it (a cold run). */
  noCache?: boolean;
  allowEmpty?: boolean;
  logger?: RunLogger;
  /** Parse workers: 'auto' (default) or a fixed count (0 = main thread). */
  workers?: number | 'auto';
  /** The feeds thread (pipeline/feeds/thread.ts): 'auto' (default: by input size and cores), or forced on or off. */
  feedsThread?: FeedsThreadOption;
  /** The clock, for the report's timestamps only. */
  now?: () => Date;
  /**
   * Leave the previous output folder (renamed `.<output>.trash-<pid>`) to the caller as
   * `leftover` instead of removing it: the CLI hands it to a detached process as it ends
   * (pipeline/publish/publish.ts `removeInBackground`).
   */
  leaveOldOutput?: boolean;
}

export interface RunResult {
  exitCode: 0 | 1;
  report: RunReport;
  published: boolean;
  /** Every diagnostics file, sorted by path. */
  files: VFile[];
  /** The previous output folder, left for the caller to remove (`leaveOldOutput`), or null. */
  leftover: string | null;
}

export async function runPipeline(options: RunOptions): Promise<RunResult> {
  const { config } = options;
  const flags = { strict: options.strict ?? false, cache: !(options.noCache ?? false), allowEmpty: options.allowEmpty ?? false };
  const logger = options.logger ?? new RunLogger('quiet');
  const now = options.now ?? (() => new Date());
  const started = { at: now(), ms: performance.now(), wallMs: Date.now() }; // wall clock: the cache's time-stamp checks only
  const version = pipelineVersion();
  const caches = openCaches(config, flags.cache, version);
  const { ctx, files } = createStepContext({ config, logger, caches });
  const steps = new StepRunner(ctx, logger);
  const workers = new ParseWorkers(options.workers ?? 'auto');
  const feedsThread = new FeedsThread();
  // The feed cache as the run sees it after the feeds step: its own, or the feeds thread's.
  let feedControl: FeedCacheControl = caches.feeds;
  const writer = new ArtifactWriter(config.outputDir, config.concurrency, ctx.fail);
  const counts: Record<string, number> = {};
  let inputs: FileRecord[] = [];
  let artifacts: FileRecord[] = [];
  let leftover: string | null = null;
  let vectors: StagedVectors | null = null;
  let mergedIndex: StagedMerged | null = null;
  let feedCache: StagedFeedCache | null = null;
  let datasetSnapshot: StagedDataset | null = null;

  /** Serializes the cache files a publishing run writes (once; written only if the run publishes). */
  const prepareCaches = (): void => {
    datasetSnapshot?.prepare();
    mergedIndex?.prepare();
  };

  const lock = await acquireLock(config.outputDir);
  try {
    if (lock.note) logger.info(lock.note);
    for (const note of await recoverPublish(config.outputDir)) logger.info(note);
    const previous = flags.cache ? await readManifest(config.cacheWorkDir) : { manifest: null, problems: [] };
    // Unchanged artifacts are linked from the output folder the manifest describes.
    if (previous.manifest?.outputDir === config.outputDir) writer.reuse(previous.manifest.artifacts);

    // The steps, in order; their outcome is the run to reuse, or null when it was built anew or failed.
    const reused = await steps.untilFailure(async (): Promise<{ fastPath: FastPath; byStat: boolean } | null> => {
      const found = await steps.run('discover', discoverStep, undefined);
      // No manifest: a first (or --no-cache) run that will parse everything. Boot the parse
      // workers now, while the inputs are read.
      if (!previous.manifest) workers.startAhead(found.length);
      const fastPath = previous.manifest && new FastPath(previous.manifest, config, version);
      const read = await steps.run('read', readStep, { files: found, fastPath });
      inputs = read.inputs.flatMap((r) => (r.sha256 === null ? [] : [{ path: r.path, sha256: r.sha256, size: r.size }]));
      counts.files = read.inputs.length;

      if (fastPath && read.reuse) {
        const last = await steps.run('reuse', reuseStep, fastPath);
        Object.assign(counts, last.counts);
        artifacts = last.artifacts;
        return { fastPath, byStat: read.reuse === 'stat' };
      }
      checkSiteUrl(ctx);
      const datasetLoaded = caches.dataset.load(); // read while the steps' code loads
      if (useFeedsThread(options.feedsThread ?? 'auto', read.inputs.reduce((sum, r) => sum + r.size, 0))) {
        feedsThread.boot(); // while the inputs are parsed
        feedsThread.load(flags.cache ? config.cacheWorkDir : null, feedCacheVersions()); // the feed cache, meanwhile
        feedControl = feedsThread;
      }
      // The steps load only when needed, so that the fast path starts in a fraction of a second.
      const { parseStep, authorsStep, enrichStep, datasetArtifacts, indexStep, feedsStep, savedQueries, pageStep, pageBundles } = await loadSteps();
      // esbuild bundles the page (or the bundle cache has it) while the inputs are parsed.
      const bundles = pageBundles(caches.bundles);
      bundles.catch(() => undefined); // the page step awaits it, and fails with its error
      const mergedLoaded = caches.merged.load(); // read while the parse step runs
      const feedsLoaded = feedsThread.booted ? null : caches.feeds.load();
      await datasetLoaded;
      const snapshot = caches.dataset.previous;
      caches.dataset.release();
      const parsed = await steps.run('parse', parseStep, { inputs: read.inputs, workers, snapshot });
      const listings = countListings(counts, parsed.entries, parsed.base);
      const dataset = await steps.run('enrich', enrichStep, { entries: await steps.run('authors', authorsStep, parsed.entries), base: parsed.base });
      counts.papers = dataset.papers.length;
      counts.authors = dataset.authors.length;
      // papers.json as the snapshot's run published it: its lines are the snapshot's segments.
      const datasetFiles = datasetArtifacts(dataset, parsed.base ? caches.dataset.publishedPapersJson() : null);
      writer.emit(datasetFiles);
      // What the next run may start from: taken now, before a later step reports on an input.
      datasetSnapshot = caches.dataset.stage({
        inputs: inputs.map((i) => ({ path: i.path, sha256: i.sha256 })),
        entries: listings.entries,
        dates: listings.dates,
        papers: dataset.papers,
        digests: dataset.papers.map(paperDigest),
        authors: dataset.authorTable,
        messages: inputs.map((i): [string, ReturnType<typeof serializeMessages>] => [i.path, serializeMessages(ctx.file(i.path))]),
      }, dataset.added && parsed.base ? dataset.added.length : null, datasetFiles[0].data);
      if (feedsThread.booted) {
        // The feeds render on the thread while the index and the page are built here.
        feedsThread.start({ config, cacheDir: flags.cache ? config.cacheWorkDir : null, versions: feedCacheVersions(), dataset, papersJson: datasetFiles[0].data });
      }
      await mergedLoaded;
      const handed = handOver(await steps.run('index', indexStep, dataset), writer, caches);
      vectors = handed.vectors;
      mergedIndex = handed.merged;
      if (feedsThread.booted) {
        // The related papers on the feeds thread while the saved queries run here (and the cache
        // files are serialized, when the thread took them: else this thread computes them, and the
        // cache files wait for the artifacts' last writes), then the page.
        const related = feedsThread.related(handed.index);
        feedsThread.search(Object.fromEntries(savedQueries(config).map((q) => [q, handed.search(q)])));
        if (related.working()) prepareCaches();
        writer.emit(await steps.run('page', pageStep, { dataset, index: handed.index, bundles, related: related.take }));
        writer.emit(await steps.run('feeds', feedsFromThread, { thread: feedsThread, link: (rel, known) => writer.link(rel, known) }));
        feedCache = await feedsThread.stage();
      } else {
        await feedsLoaded;
        writer.emit(await steps.run('feeds', feedsStep, { dataset, search: handed.search }));
        feedCache = caches.feeds.stage();
        writer.emit(await steps.run('page', pageStep, { dataset, index: handed.index, bundles }));
      }
      prepareCaches(); // if not done yet: while the artifacts' last writes run
      artifacts = await writer.flush();
      return null;
    });

    const discarded: CacheProblem[] = [
      ...previous.problems,
      ...(caches.parse?.discarded ?? []),
      ...caches.vectors.discarded,
      ...caches.merged.discarded,
      ...caches.dataset.discarded,
      ...feedControl.discarded,
      ...caches.bundles.discarded,
      ...caches.pages.discarded,
    ];
    for (const problem of discarded) logger.warn(`cache: discarded ${problem.file}: ${problem.reason}; rebuilt from the input`);

    // The messages as emitted (what the manifest keeps), then as the config's levels make them.
    const emitted = collectMessages(files.values());
    const silencedByRule = applyLevels(files.values(), config.diagnostics ?? {});
    counts.silenced = Object.values(silencedByRule).reduce((sum, n) => sum + n, 0);
    const verdict = judge(files.values(), counts, artifacts.length, { ...flags, inputDir: config.inputDir, outputDir: config.outputDir });
    const publishing = verdict.exitCode === 0;
    // What a publishing run prunes from the parse and feed caches; removed once the output is in place.
    const prune =
      publishing && !reused && caches.parse
        ? await steps.run('cache', cacheStep, { parse: caches.parse, feeds: feedControl, vectors, merged: mergedIndex, feedCache, dataset: datasetSnapshot })
        : { parse: [], feeds: [] };
    const t = performance.now();
    if (publishing && !reused) {
      // Publish time = writing the artifacts into staging (during the steps) + the swap.
      const bytes = artifacts.reduce((sum, a) => sum + a.size, 0);
      steps.records.push({ name: 'publish', ms: Math.round(writer.ms * 10) / 10, counts: { artifacts: artifacts.length + 1, bytes, linked: writer.linked } });
    }
    const parse = steps.counts('parse');
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
        hits: reused ? inputs.length : (parse?.cached ?? 0),
        misses: reused || !flags.cache ? 0 : (parse?.parsed ?? 0),
        discarded,
        pruned: steps.counts('cache')?.pruned ?? 0,
      },
      problems: verdict.problems,
    });
    const text = serializeReport(report);

    if (publishing && reused) {
      // The fast path: only report.json changes.
      await replaceFile(config.outputDir, REPORT_PATH, text);
      if (!reused.byStat) await reused.fastPath.refreshTimes(started.wallMs).catch(() => undefined);
      // Recorded after report.json was written: that file lists the steps before publishing.
      steps.records.push({ name: 'publish', ms: Math.round(performance.now() - t), counts: { artifacts: 1 } });
      logger.stepDone('publish', performance.now() - t, { 'artifact (report.json)': 1 });
    } else if (publishing) {
      const committed = await writer.commit(text, { leave: options.leaveOldOutput ?? false });
      leftover = committed.leftover;
      logger.stepDone('publish', writer.ms + performance.now() - t, { artifacts: artifacts.length + 1 });
      if (flags.cache) await saveManifest({ config, version, runStartedMs: started.wallMs, inputs, artifacts, diagnostics: emitted, counts: verdict.counts });
      else await removeManifest(config.cacheWorkDir, config.outputDir);
      await caches.parse?.remove(prune.parse);
      await feedControl.remove(prune.feeds);
      // The cache layers are written side by side, while the previous output folder is removed:
      // the feed cache on the feeds thread (or in sync calls here), the vectors and the merged
      // index in the background, the page cache in sync calls here meanwhile.
      const saved = [
        saveStaged(feedCache, 'feed cache', logger),
        saveStaged(vectors, 'term vectors', logger),
        saveStaged(mergedIndex, 'merged index', logger),
        saveStaged(datasetSnapshot, 'dataset', logger),
        caches.pages.save(),
      ];
      await Promise.all([...saved, committed.removed]);
      if (flags.cache && (await removeLegacyCache(config.cacheDirAbs)) > 0) {
        logger.info(`cache: removed the old cache layout; this input's caches now live in ${path.basename(config.cacheWorkDir)}/ of the cache folder`);
      }
    }
    await keepLastReport(config, text);
    return { exitCode: verdict.exitCode, report, published: publishing, files: [...files.values()].sort(byString((x) => x.path)), leftover };
  } finally {
    await workers.close().catch(() => undefined); // booted ahead but never used (the fast path, an early error)
    await feedsThread.close();
    await writer.abort(); // a failed or aborted run: the output folder stays as it was
    await lock.release();
  }
}

/** The caches of a run: the parse cache only with the cache on; the term vectors and feed items in memory only without it. */
function openCaches(
  config: ResolvedConfig,
  useCache: boolean,
  version: string,
): StepCaches & { vectors: VectorCache; feeds: FeedCache; bundles: BundleCache; pages: PageCache; merged: MergedCache; dataset: DatasetCache } {
  const dir = useCache ? config.cacheWorkDir : null;
  return {
    dataset: new DatasetCache(dir, version),
    parse: useCache ? new ParseCache(config.cacheWorkDir, parserVersion()) : null,
    vectors: new VectorCache(dir, moduleFingerprint('src/search/index-builder.ts')),
    merged: new MergedCache(dir, moduleFingerprint('src/search/index-builder.ts')),
    feeds: new FeedCache(dir, feedCacheVersions()),
    // The page's bundles depend on the code alone: one cache for every input.
    bundles: new BundleCache(useCache ? config.cacheDirAbs : null),
    pages: new PageCache(dir, moduleFingerprint('pipeline/page/chunks.ts')),
  };
}

async function loadSteps() {
  const [parse, authors, enrich, index, feeds, page] = await Promise.all([
    import('./steps/parse.ts'),
    import('./steps/authors.ts'),
    import('./steps/enrich.ts'),
    import('./steps/search-index.ts'),
    import('./steps/feeds.ts'),
    import('./steps/page.ts'),
  ]);
  return { ...parse, ...authors, ...enrich, ...index, ...feeds, ...page };
}

/**
 * Records the run's `entries` and `digests` (distinct digest dates) of `entries` and, when they
 * extend a base (the dataset cache's snapshot), of the base's too; returns the listing count and
 * the distinct dates, ascending.
 */
function countListings(counts: Record<string, number>, entries: readonly { date: string }[], base: DatasetSnapshot | null): { entries: number; dates: string[] } {
  const dates = new Set(base?.dates);
  for (const e of entries) dates.add(e.date);
  counts.entries = entries.length + (base?.entries ?? 0);
  counts.digests = dates.size;
  return { entries: counts.entries, dates: [...dates].sort(byString((d) => d)) };
}

/**
 * Takes the index step's value apart, so that nothing keeps what is done with: its artifacts go
 * to the writer, its vector table (or the vectors it added) to the vector cache and its merged
 * index to the merged-index cache, written only if the run publishes (`saveStaged`). Returns
 * what the later steps need and the staged writes (null: nothing to write).
 */
function handOver<T extends { artifacts: ArtifactList; vectorTable: VectorTable | null; addedVectors: VectorTable | null; mergedIndex: MergedIndex | null }>(
  value: T,
  writer: ArtifactWriter,
  caches: { vectors: VectorCache; merged: MergedCache },
): Omit<T, 'artifacts' | 'vectorTable' | 'addedVectors' | 'mergedIndex'> & { vectors: StagedVectors | null; merged: StagedMerged | null } {
  const { artifacts, vectorTable, addedVectors, mergedIndex, ...rest } = value;
  writer.emit(artifacts);
  const vectors = vectorTable ? caches.vectors.stage(vectorTable) : addedVectors ? caches.vectors.stageAdded(addedVectors) : null;
  const merged = mergedIndex ? caches.merged.stage(mergedIndex) : null;
  caches.vectors.release();
  caches.merged.release();
  return { ...rest, vectors, merged };
}

type ArtifactList = Parameters<ArtifactWriter['emit']>[0];

/**
 * Writes a staged cache file (`what` names it in the warning); a write that fails is a warning,
 * never the run's failure.
 */
async function saveStaged(staged: { write(): Promise<void> } | null, what: string, logger: RunLogger): Promise<void> {
  await staged?.write().catch((error: unknown) => {
    logger.warn(`cache: could not save the ${what}: ${error instanceof Error ? error.message : String(error)}`);
  });
}

/**
 * Step "cache" (a run that publishes, before it does): lists the parse cache entries and the
 * archive documents of the feed cache this run did not use, to remove once the output is in
 * place. Counts: `pruned` (parse cache entries to remove), `feedArchivesPruned`, `vectorsSaved`
 * (1 when the term vectors changed and are written after the publish), `mergedSaved` (1 when the
 * merged index changed and is written after it), `datasetSaved` (1 when the dataset snapshot is
 * written after it), `feedItemsSaved` (1 when
 * the feed items file is rewritten) and `feedArchivesSaved` (archive documents to write).
 */
const cacheStep: Step<
  {
    parse: ParseCache;
    feeds: FeedCacheControl;
    vectors: StagedVectors | null;
    merged: StagedMerged | null;
    feedCache: StagedFeedCache | null;
    dataset: StagedDataset | null;
  },
  { parse: string[]; feeds: string[] }
> = async (_ctx, { parse, feeds, vectors, merged, feedCache, dataset }) => {
  const unused = { parse: await parse.unused(), feeds: await feeds.unused() };
  const counts = {
    pruned: unused.parse.length,
    feedArchivesPruned: unused.feeds.length,
    vectorsSaved: vectors ? 1 : 0,
    mergedSaved: merged ? 1 : 0,
    datasetSaved: dataset ? 1 : 0,
    feedItemsSaved: feedCache?.items ? 1 : 0,
    feedArchivesSaved: feedCache?.archives ?? 0,
  };
  return { value: unused, counts };
};

/** Warns (`site-url-placeholder`) when the site URL is a placeholder: the feeds would link there. */
function checkSiteUrl(ctx: StepContext): void {
  const { url } = ctx.config.site;
  if (!isPlaceholderSiteUrl(url)) return;
  ctx.file(CONFIG_FILE).message(
    `site.url is a placeholder (${url}): feed and page links point there. Set site.url in the config, or pass --site-url (or PIPELINE_SITE_URL)`,
    { ruleId: 'site-url-placeholder', source: 'pipeline:config' },
  );
}
