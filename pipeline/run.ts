/**
 * The orchestrator: discover -> read -> parse -> authors -> enrich -> index -> feeds -> page ->
 * publish. Times each step, records counts, collects every diagnostic, decides the exit code
 * and publishes atomically only when the run succeeded. Never calls process.exit.
 *
 * Fast path: when the inputs (content hashes), the config digest and the pipeline version equal
 * those of the last published run (the cache manifest) and output/ still holds exactly what that
 * run wrote, the steps are skipped, the previous diagnostics are reported again and only
 * report.json is rewritten.
 */
import { createHash } from 'node:crypto';
import { fatal } from '../src/message.ts';
import { byString, byEntryKey } from '../src/compare.ts';
import { statSync, type Stats } from 'node:fs';
import { stat, readFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import { VFile } from 'vfile';
import type { Artifact, Dataset, DigestEntry } from '../src/types.ts';
import {
  MANIFEST_FORMAT,
  ParseCache,
  VectorCache,
  readManifest,
  removeManifest,
  sha256,
  writeManifest,
  type CacheProblem,
  type Manifest,
  type ManifestArtifact,
} from './cache/cache.ts';
import type { ResolvedConfig, StepContext } from './context.ts';
import { restoreMessages, type SerializedMessage } from './report/diagnostics.ts';
import { discoverStep, type InputFile } from './steps/discover.ts';
import { RunLogger, type LogMode } from './report/logger.ts';
import { ParseWorkers, readInputs, type ParseStats, type ReadInput } from './steps/parse.ts';
import { acquireLock, LockError, recoverPublish, replaceFile, stage, type Staging } from './publish/publish.ts';
import {
  collectMessages,
  outputDigest,
  REPORT_PATH,
  reportDiagnostics,
  serializeReport,
  warningsByRule,
  type FileRecord,
  type RunReport,
  type StepRecord,
} from './report/report.ts';
import { moduleFingerprint, PACKAGE_VERSION, parserVersion, pipelineVersion } from './cache/version.ts';

export interface RunOptions {
  config: ResolvedConfig;
  strict?: boolean;
  /** Ignore the cache: neither read nor write it (a cold run). */
  noCache?: boolean;
  allowEmpty?: boolean;
  logger?: RunLogger;
  /** Parse workers: 'auto' (default) or a fixed count (0 = main thread). */
  workers?: number | 'auto';
  /** The clock, for the report's timestamps only. */
  now?: () => Date;
}

export interface RunResult {
  exitCode: 0 | 1;
  report: RunReport;
  published: boolean;
  /** Every diagnostics file, sorted by path. */
  files: VFile[];
}

/** Diagnostics that belong to no input file (a step that crashed) are reported on this name. */
export const PIPELINE_FILE = '(pipeline)';

class StepFailed extends Error {}


/**
 * `{ "<key>": [...] }` with one record per line: valid JSON, compact at 10x scale, and a
 * one-paper change is a one-line diff. Encoded to UTF-8 in batches, so that the whole file never
 * exists as one (UTF-16) string.
 */
function jsonRecords(key: string, records: readonly unknown[]): Buffer[] {
  if (records.length === 0) return [Buffer.from(`{"${key}":[]}\n`)];
  const parts: Buffer[] = [Buffer.from(`{"${key}":[\n`)];
  const BATCH = 512;
  for (let start = 0; start < records.length; start += BATCH) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(records.length, start + BATCH); i++) lines.push(JSON.stringify(records[i]));
    parts.push(Buffer.from((start === 0 ? '' : ',\n') + lines.join(',\n')));
  }
  parts.push(Buffer.from('\n]}\n'));
  return parts; // written part by part: papers.json at 10x is 200 MB
}

/** An artifact whose data may also come in parts (kept internal: steps return `Artifact`). */
interface Emitted {
  path: string;
  data: string | Uint8Array | readonly Uint8Array[];
}

export async function runPipeline(options: RunOptions): Promise<RunResult> {
  const { config } = options;
  const strict = options.strict ?? false;
  const useCache = !(options.noCache ?? false);
  const allowEmpty = options.allowEmpty ?? false;
  const logger = options.logger ?? new RunLogger('quiet');
  const now = options.now ?? (() => new Date());
  const started = now();
  /** Wall clock at the start, for the cache's time-stamp checks only (never in the output). */
  const runStartedMs = Date.now();
  const t0 = performance.now();
  const version = pipelineVersion();

  const files = new Map<string, VFile>();
  const fileFor = (p: string): VFile => {
    let file = files.get(p);
    if (!file) {
      file = new VFile({ path: p, cwd: config.inputDir });
      files.set(p, file);
    }
    return file;
  };
  const ctx: StepContext = { config, logger, file: fileFor };
  const steps: StepRecord[] = [];
  const problems: string[] = [];
  const discarded: CacheProblem[] = [];
  const counts: Record<string, number> = {};
  let inputs: FileRecord[] = [];
  let artifactRecords: FileRecord[] = [];
  let staging: Staging | null = null;
  let writeMs = 0;
  let fastPath = false;
  let published = false;
  let pruned = 0;
  let parseStats: Partial<ParseStats> = {};
  let reportText = '';
  let report: RunReport | null = null;
  let prestarted: ParseWorkers | null = null;
  /** Artifact writes still running in the background (awaited before a swap or an abort). */
  const pendingWrites: Promise<void>[] = [];
  let refreshTimes: (() => Promise<void>) | null = null;

  async function step<T>(name: string, fn: () => T | Promise<T>, count: (value: T) => Record<string, number>): Promise<T> {
    const t = performance.now();
    let value: T;
    try {
      value = await fn();
    } catch (error) {
      if (error instanceof LockError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      const message = fatal(fileFor(PIPELINE_FILE), `Step "${name}" failed: ${reason}`, {
        place: { line: 1, column: 1 },
        ruleId: 'step-failed',
        source: `pipeline:${name}`,
      });
      if (error instanceof Error && error.stack) message.note = error.stack;
      steps.push({ name, ms: Math.round(performance.now() - t), counts: {} });
      throw new StepFailed(reason);
    }
    const ms = performance.now() - t;
    const c = count(value);
    steps.push({ name, ms: Math.round(ms * 10) / 10, counts: c, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
    logger.stepDone(name, ms, c);
    return value;
  }

  const lock = await acquireLock(config.outputDir);
  try {
    if (lock.note) logger.info(lock.note);
    for (const note of await recoverPublish(config.outputDir)) logger.info(note);

    try {
      const found: InputFile[] = await step('discover', () => discoverStep(ctx), (f) => ({ files: f.length }));
      const manifest = useCache ? await readManifest(config.cacheDirAbs, discarded) : null;
      // No manifest: a first (or --no-cache) run that will parse everything. Boot the parse
      // workers now, while the inputs are read.
      if (!manifest) {
        const count = ParseWorkers.countFor(found.length, options.workers ?? 'auto');
        if (count > 0) prestarted = ParseWorkers.start(count);
      }
      let reusable = false;
      let readByStat = false;
      const read: ReadInput[] = await step(
        'read',
        async () => {
          if (manifest) {
            // Like git's index: files whose size and modification time match the manifest keep
            // their recorded hash, so an unchanged archive is not even read.
            const byStat = unchangedByStat(found, manifest);
            if (byStat && (await reusableOutput(manifest, config, version, byStat))) {
              reusable = true;
              readByStat = true;
              return byStat;
            }
          }
          const all = await readInputs(ctx, found);
          if (manifest) reusable = await reusableOutput(manifest, config, version, all);
          return all;
        },
        (r) => ({ files: r.length, bytes: r.reduce((s, x) => s + x.size, 0) }),
      );
      inputs = read.filter((r) => r.sha256 !== null).map((r) => ({ path: r.path, sha256: r.sha256!, size: r.size }));
      counts.files = read.length;

      if (manifest && reusable) {
        fastPath = true;
        // Unchanged by content but not by time stamp (a fresh checkout, a touched file): record
        // the new times, so that the next run needs only stats.
        if (!readByStat) refreshTimes = () => refreshManifestTimes(manifest, config, runStartedMs);
        await step('reuse', () => undefined, () => ({ artifacts: manifest.artifacts.length }));
        for (const [file, messages] of Object.entries(manifest.diagnostics)) restoreMessages(fileFor(file), messages);
        Object.assign(counts, manifest.counts);
        artifactRecords = manifest.artifacts.map(({ path: p, sha256: h, size }) => ({ path: p, sha256: h, size }));
      } else {
        // The steps load only when needed, so that the fast path starts in a fraction of a second.
        const [{ parseStep }, { authorsStep }, { enrichStep }, { indexStep }, { feedsStep }, { pageStep }] =
          await Promise.all([
            import('./steps/parse.ts'),
            import('./steps/authors.ts'),
            import('./steps/enrich.ts'),
            import('./steps/search-index.ts'),
            import('./steps/feeds.ts'),
            import('./steps/page.ts'),
          ]);
        const cache = useCache ? new ParseCache(config.cacheDirAbs, parserVersion(), config.digest) : null;
        // Term vectors for the index: read from the cache while the parse step runs, and filled by
        // the parse workers. With --no-cache it lives in memory only (never read nor written).
        const vectors = new VectorCache(config.cacheDirAbs, moduleFingerprint('src/search/index-builder.ts'));
        const vectorsLoaded = useCache ? vectors.load() : Promise.resolve();
        // Artifacts go to the staging folder as soon as a step returns them, so the run never
        // holds all of them in memory; the folder is swapped in only at the end.
        staging = await stage(config.outputDir, []);
        const records = new Map<string, FileRecord>();
        // Each artifact is encoded and hashed once; its write runs in the background (libuv's
        // threads) while the next steps compute, and every write is awaited before the swap.
        const writeLimit = pLimit(config.concurrency);
        const writes = pendingWrites;
        let writeError: { path: string; error: unknown } | null = null;
        const emit = (list: readonly Emitted[]): void => {
          const t = performance.now();
          for (const artifact of list) {
            if (artifact.path === REPORT_PATH || records.has(artifact.path)) {
              fatal(fileFor(PIPELINE_FILE), `Two steps wrote the artifact "${artifact.path}"`, {
                place: { line: 1, column: 1 },
                ruleId: 'duplicate-artifact',
                source: 'pipeline:publish',
              });
              continue;
            }
            const bytes = typeof artifact.data === 'string' ? Buffer.from(artifact.data) : artifact.data;
            if (bytes instanceof Uint8Array) {
              records.set(artifact.path, { path: artifact.path, sha256: sha256(bytes), size: bytes.byteLength });
            } else {
              const hash = createHash('sha256');
              let size = 0;
              for (const part of bytes) {
                hash.update(part);
                size += part.byteLength;
              }
              records.set(artifact.path, { path: artifact.path, sha256: hash.digest('hex'), size });
            }
            const target = staging!;
            writes.push(
              writeLimit(() => target.write(artifact.path, bytes)).catch((error: unknown) => {
                writeError ??= { path: artifact.path, error };
              }),
            );
          }
          writeMs += performance.now() - t;
        };
        const flushWrites = async (): Promise<void> => {
          const t = performance.now();
          await Promise.all(writes);
          writeMs += performance.now() - t;
          if (writeError) {
            const { path: p, error } = writeError;
            const reason = error instanceof Error ? error.message : String(error);
            fatal(fileFor(PIPELINE_FILE), `Cannot write the artifact "${p}": ${reason}`, {
              place: { line: 1, column: 1 },
              ruleId: 'write-failed',
              source: 'pipeline:publish',
            });
          }
        };

        let entries: DigestEntry[] = await step(
          'parse',
          () => {
            const pool = prestarted;
            prestarted = null; // the parse step owns (and closes) them now
            return parseStep(ctx, found, { cache, read, workers: options.workers ?? 'auto', stats: parseStats, vectors, started: pool });
          },
          (e) => ({
            entries: e.length,
            cached: parseStats.cacheHits ?? 0,
            parsed: parseStats.parsed ?? 0,
            workers: parseStats.workers ?? 0,
          }),
        );
        for (const r of read) r.bytes = null; // parsed: let the bytes go
        if (cache) discarded.push(...cache.discarded);
        counts.entries = entries.length;
        counts.digests = new Set(entries.map((e) => e.date)).size;

        let normalized: DigestEntry[] = await step('authors', () => authorsStep(ctx, entries), (e) => ({ entries: e.length }));
        entries = [];
        const dataset: Dataset = await step('enrich', () => enrichStep(ctx, normalized), (d) => ({
          papers: d.papers.length,
          authors: d.authors.length,
        }));
        normalized = [];
        counts.papers = dataset.papers.length;
        counts.authors = dataset.authors.length;
        emit([
          { path: 'papers.json', data: jsonRecords('papers', dataset.papers) },
          { path: 'authors.json', data: jsonRecords('authors', dataset.authors) },
        ]);
        await vectorsLoaded;
        discarded.push(...vectors.discarded);
        const index = await step('index', () => indexStep(ctx, dataset, { vectors }), (r) => ({
          documents: r.stats.documents,
          analyzed: r.stats.analyzed,
          analyzedInWorkers: r.stats.analyzedInWorkers,
          reused: r.stats.reused,
          terms: r.stats.terms,
          artifacts: r.artifacts.length,
        }));
        emit(index.artifacts);
        index.artifacts.length = 0;
        // The vectors are not needed any more: save them now (they are keyed by content, so
        // even a run that fails later may keep them) and let the memory go.
        const table = index.vectorTable;
        index.vectorTable = null;
        const vectorsSaved = useCache && table
          ? vectors.save(table).catch((error: unknown) => {
              // A cache that cannot be written costs speed next time, never this run's output.
              logger.warn(`cache: could not save the term vectors: ${error instanceof Error ? error.message : String(error)}`);
              return false;
            })
          : Promise.resolve(false);
        vectors.release();
        emit(await step('feeds', () => feedsStep(ctx, dataset, index.search), (a) => ({ artifacts: a.length })));
        emit(await step('page', () => pageStep(ctx, dataset, { index: index.index }), (a) => ({ artifacts: a.length })));

        await flushWrites();
        artifactRecords = [...records.values()].sort(byString((x) => x.path));
        if (useCache && hasFatal(files)) await vectorsSaved;
        if (useCache && !hasFatal(files)) {
          await step(
            'cache',
            async () => {
              if (cache) pruned = await cache.prune();
              return vectorsSaved;
            },
            (saved) => ({ pruned, vectorsSaved: saved ? 1 : 0 }),
          );
        }
      }
    } catch (error) {
      if (!(error instanceof StepFailed)) throw error;
    }

    for (const problem of discarded) {
      logger.warn(`cache: discarded ${problem.file}: ${problem.reason}; rebuilt from the input`);
    }

    // The verdict.
    const messages = collectMessages(files.values());
    const diagnostics = reportDiagnostics(messages);
    const fatalCount = diagnostics.filter((d) => d.severity === 'fatal').length;
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    counts.fatal = fatalCount;
    counts.warnings = warnings;
    counts.info = diagnostics.length - fatalCount - warnings;
    counts.artifacts = artifactRecords.length;
    if (fatalCount > 0) problems.push(`${fatalCount} fatal diagnostic(s)`);
    if (strict && warnings > 0) problems.push(`${warnings} warning(s) under --strict`);
    if (fatalCount === 0 && (counts.papers ?? 0) === 0 && !allowEmpty) {
      problems.push(`no papers found in ${config.inputDir} (pass --allow-empty to publish an empty dataset)`);
    }
    const exitCode: 0 | 1 = problems.length > 0 ? 1 : 0;
    if (exitCode === 1) problems.push(`nothing published: ${config.outputDir} is unchanged`);

    const makeReport = (): RunReport => ({
      name: 'daily-papers-feeds',
      version: PACKAGE_VERSION,
      pipelineVersion: version,
      configDigest: config.digest,
      startedAt: started.toISOString(),
      finishedAt: now().toISOString(),
      durationMs: Math.round(performance.now() - t0),
      ok: exitCode === 0,
      exitCode,
      published: exitCode === 0,
      fastPath,
      options: { strict, cache: useCache, allowEmpty },
      counts: Object.fromEntries(Object.entries(counts).sort(byEntryKey)),
      steps,
      warningsByRule: warningsByRule(diagnostics),
      diagnostics,
      inputs,
      artifacts: artifactRecords,
      outputDigest: outputDigest(artifactRecords),
      cache: {
        enabled: useCache,
        hits: fastPath ? inputs.length : (parseStats.cacheHits ?? 0),
        misses: fastPath ? 0 : useCache ? (parseStats.cacheMisses ?? 0) : 0,
        discarded,
        pruned,
      },
      problems,
    });

    if (exitCode === 0 && fastPath) {
      const t = performance.now();
      report = makeReport();
      reportText = serializeReport(report);
      await replaceFile(config.outputDir, REPORT_PATH, reportText);
      published = true;
      if (refreshTimes) await (refreshTimes as () => Promise<void>)().catch(() => undefined);
      steps.push({ name: 'publish', ms: Math.round(performance.now() - t), counts: { artifacts: 1 } });
      logger.stepDone('publish', performance.now() - t, { 'artifact (report.json)': 1 });
    } else if (exitCode === 0 && staging) {
      const t = performance.now();
      const bytes = artifactRecords.reduce((sum, a) => sum + a.size, 0);
      // Publish time = writing the artifacts into staging (during the steps) + the swap.
      steps.push({ name: 'publish', ms: Math.round(writeMs * 10) / 10, counts: { artifacts: artifactRecords.length + 1, bytes } });
      report = makeReport();
      reportText = serializeReport(report);
      await staging.write(REPORT_PATH, reportText);
      await staging.commit();
      staging = null;
      published = true;
      logger.stepDone('publish', writeMs + performance.now() - t, { artifacts: artifactRecords.length + 1 });
      if (useCache) await saveManifest(runStartedMs, config, version, inputs, artifactRecords, messages, counts);
      else await removeManifest(config.cacheDirAbs);
    } else {
      report = makeReport();
      reportText = serializeReport(report);
    }

    // The last report is kept in the cache folder too: after a fatal run it is the only copy.
    await mkdir(config.cacheDirAbs, { recursive: true })
      .then(() => replaceFile(config.cacheDirAbs, 'last-report.json', reportText))
      .catch(() => undefined);
  } finally {
    // Workers started ahead but never handed to the parse step (the fast path, an early error).
    if (prestarted) await (prestarted as ParseWorkers).close().catch(() => undefined);
    // A failed or aborted run: the output folder stays as it was. Writes still in flight finish
    // first, so that none of them recreates a folder inside the removed staging folder.
    if (staging) {
      await Promise.allSettled(pendingWrites);
      await staging.abort().catch(() => undefined);
    }
    await lock.release();
  }

  const sortedFiles = [...files.values()].sort(byString((x) => x.path));
  return { exitCode: report.exitCode as 0 | 1, report, published, files: sortedFiles };
}

function hasFatal(files: Map<string, VFile>): boolean {
  for (const file of files.values()) if (file.messages.some((m) => m.fatal === true)) return true;
  return false;
}

/**
 * The inputs with their recorded hashes when every file's size and modification time match the
 * manifest (no bytes read), or null when any file differs, is new, is gone or has no trusted time.
 */
function unchangedByStat(found: readonly InputFile[], manifest: Manifest): ReadInput[] | null {
  if (manifest.inputs.length !== found.length) return null;
  const results: ReadInput[] = [];
  // Synchronous stats, in order, stopping at the first difference: thousands of them take a
  // fraction of the time promise-based ones do.
  for (const [i, f] of found.entries()) {
    const [p, hash, size, mtimeMs] = manifest.inputs[i]!;
    if (p !== f.path || typeof mtimeMs !== 'number') return null;
    const info = statSyncOrNull(f.abs);
    if (!info || !info.isFile() || info.size !== size || info.mtimeMs !== mtimeMs) return null;
    results.push({ ...f, bytes: null, sha256: hash, size });
  }
  return results;
}

function statSyncOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/** Rewrites the manifest with the inputs' current modification times (where they can be trusted). */
async function refreshManifestTimes(manifest: Manifest, config: ResolvedConfig, runStartedMs: number): Promise<void> {
  const inputs = manifest.inputs.map(([p, hash, size]): [string, string, number, number | null] => {
    const info = statSyncOrNull(path.join(config.inputDir, p));
    const trusted = info && info.size === size && info.mtimeMs < runStartedMs - 2000 ? info.mtimeMs : null;
    return [p, hash, size, trusted];
  });
  await writeManifest(config.cacheDirAbs, { ...manifest, inputs });
}

/** True when output/ still holds exactly what the manifest's run published for these inputs. */
async function reusableOutput(
  manifest: Manifest,
  config: ResolvedConfig,
  version: string,
  read: readonly ReadInput[],
): Promise<boolean> {
  if (manifest.format !== MANIFEST_FORMAT || manifest.version !== version) return false;
  if (manifest.configDigest !== config.digest || manifest.outputDir !== config.outputDir) return false;
  if (manifest.inputs.length !== read.length) return false;
  for (let i = 0; i < read.length; i++) {
    const [p, h, size] = manifest.inputs[i]!;
    const r = read[i]!;
    if (r.sha256 === null || r.path !== p || r.sha256 !== h || r.size !== size) return false;
  }
  try {
    const published = JSON.parse(await readFile(path.join(config.outputDir, REPORT_PATH), 'utf8')) as Partial<RunReport>;
    if (published.outputDigest !== manifest.outputDigest || published.configDigest !== config.digest) return false;
  } catch {
    return false;
  }
  for (const artifact of manifest.artifacts) {
    const info = statSyncOrNull(path.join(config.outputDir, artifact.path));
    if (!info || !info.isFile() || info.size !== artifact.size || info.mtimeMs !== artifact.mtimeMs) return false;
  }
  return true;
}

async function saveManifest(
  runStartedMs: number,
  config: ResolvedConfig,
  version: string,
  inputs: FileRecord[],
  artifacts: FileRecord[],
  diagnostics: Record<string, SerializedMessage[]>,
  counts: Record<string, number>,
): Promise<void> {
  const limit = pLimit(Math.max(config.concurrency, 16));
  const withTimes: ManifestArtifact[] = await Promise.all(
    artifacts.map((a) => limit(async () => ({ ...a, mtimeMs: (await stat(path.join(config.outputDir, a.path))).mtimeMs }))),
  );
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    version,
    configDigest: config.digest,
    outputDir: config.outputDir,
    inputs: await Promise.all(
      inputs.map(async (i): Promise<[string, string, number, number | null]> => {
        const info = await stat(path.join(config.inputDir, i.path)).catch(() => null);
        const trusted = info && info.size === i.size && info.mtimeMs < runStartedMs - 2000 ? info.mtimeMs : null;
        return [i.path, i.sha256, i.size, trusted];
      }),
    ),
    artifacts: withTimes,
    outputDigest: outputDigest(artifacts),
    diagnostics,
    counts: { ...counts },
    warningsByRule: {},
  };
  await writeManifest(config.cacheDirAbs, manifest);
}

export { RunLogger, type LogMode };
