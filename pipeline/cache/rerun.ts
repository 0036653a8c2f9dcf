/**
 * The no-change rerun: `npm run pipeline` (pipeline/launch.mjs) tries this before it loads the
 * CLI. When the rerun record (pipeline/cache/rerun-record.ts) says that the build, the config's
 * files, the input folders and the manifest are as a published run of the same command left
 * them, and the fast path's own checks pass (every input's size and modification time, output/
 * as published: pipeline/cache/fast-path.ts), it does what the CLI's fast path does (rewrites
 * output/report.json and the cache's last-report.json and prints the same lines, diagnostics,
 * summary or JSON report) without loading the config, zod, vfile or any step. On any doubt it
 * returns null, before it has printed or written anything, and the CLI runs as usual.
 *
 * The report of the rerun is the published one (output/report.json, which must equal the
 * cache's last-report.json byte for byte, so that it is what the last run wrote) with this run's
 * times and steps, `fastPath: true` and the fast path's cache counts: a published run of the
 * same command, inputs, config and version reported exactly these diagnostics, counts and
 * verdict, as the fast path would again (it restores the manifest's messages and applies the
 * same config's levels).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFlags, type CliFlags, type CliIO } from '../cli-flags.ts';
import { configSources } from '../config/compile.ts';
import type { ResolvedConfig } from '../context.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { acquireLock, replaceFile, type Lock } from '../publish/publish.ts';
import { detectMode, envColumns, RunLogger } from '../report/logger.ts';
import { printOutcome } from '../report/outcome.ts';
import { keepLastReport, REPORT_PATH, serializeReport, type RunReport, type StepRecord } from '../report/report.ts';
import { FastPath } from './fast-path.ts';
import { manifestFile, parseManifest, type Manifest } from './manifest.ts';
import {
  buildStamp,
  configFileOf,
  entryChange,
  findEntry,
  inputFolders,
  recordFile,
  rerunKey,
  saveEntry,
  stamp,
  type RerunEntry,
} from './rerun-record.ts';

/** What the checks found: the report to write and the steps' times so far. */
interface Plan {
  entry: RerunEntry;
  /** The config file the command reads (absolute), or null when it has none. */
  configFile: string | null;
  lock: Lock;
  published: RunReport;
  inputs: number;
  steps: StepRecord[];
}

function record(name: string, ms: number, counts: Record<string, number>): StepRecord {
  return { name, ms: Math.round(ms * 10) / 10, counts, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
}

/**
 * True when the folder beside `outputDir` holds its lock or what an interrupted publish left (the
 * CLI deals with those). A previous output being removed by a detached process
 * (`.<name>.trash-<pid>`, pipeline/publish/publish.ts `removeInBackground`) is no such thing.
 */
function hasLeftovers(outputDir: string): boolean {
  const prefix = `.${path.basename(outputDir)}.`;
  try {
    return readdirSync(path.dirname(outputDir)).some((name) => name.startsWith(prefix) && !name.startsWith(`${prefix}trash-`));
  } catch {
    return true;
  }
}

/** The manifest of the cache folder, or null when it is absent or not one (read only: the CLI removes a corrupt one). */
function readManifestQuietly(cacheDir: string): Manifest | null {
  try {
    return parseManifest(readFileSync(manifestFile(cacheDir), 'utf8'));
  } catch {
    return null;
  }
}

/** True when `report` is what a published run of this command with the manifest's inputs and version wrote. */
function sameRun(report: RunReport, manifest: Manifest, flags: CliFlags): boolean {
  if (report.name !== 'daily-papers-feeds' || !report.published || report.exitCode !== 0 || report.problems?.length !== 0) return false;
  if (report.pipelineVersion !== manifest.version || report.configDigest !== manifest.configDigest) return false;
  const o = report.options;
  if (o?.strict !== flags.strict || o.cache !== true || o.allowEmpty !== flags.allowEmpty) return false;
  if (!Array.isArray(report.inputs) || report.inputs.length !== manifest.inputs.length) return false;
  return manifest.inputs.every(([p, hash, size], i) => {
    const r = report.inputs[i]!;
    return r.path === p && r.sha256 === hash && r.size === size;
  });
}

/** The checks, in the order the CLI's fast path makes them; null on any doubt (and the lock released). */
async function plan(flags: CliFlags, cwd: string, root: string, startedMs: number): Promise<Plan | null> {
  const configFile = configFileOf(flags.config, cwd);
  if (configFile === undefined) return null;
  const entry = findEntry(recordFile(cwd, configFile), rerunKey(flags, cwd, configFile));
  if (!entry || entryChange(entry, root) !== null || hasLeftovers(entry.outputDir)) return null;
  const manifest = readManifestQuietly(entry.cacheWorkDir);
  if (!manifest) return null;
  const discovered = performance.now();
  const steps = [record('discover', discovered - startedMs, { files: manifest.inputs.length })];

  const lock = await acquireLock(entry.outputDir).catch(() => null);
  if (!lock) return null;
  let kept = false;
  try {
    const fastPath = new FastPath(manifest, entry, entry.version);
    // Manifest paths are relative and '/'-separated: joined without path.join's normalizing.
    const inputDir = entry.inputDir + path.sep;
    const byStat = fastPath.unchangedByStat(manifest.inputs.map(([p]) => ({ path: p, abs: inputDir + p })));
    if (!byStat) return null;
    const bytes = readFileSync(path.join(entry.outputDir, REPORT_PATH));
    if (!bytes.equals(readFileSync(path.join(entry.cacheWorkDir, 'last-report.json')))) return null;
    const published = JSON.parse(bytes.toString('utf8')) as RunReport;
    if (!sameRun(published, manifest, flags) || !(await fastPath.reusable(byStat, published))) return null;
    const read = performance.now();
    steps.push(record('read', read - discovered, { files: byStat.length, bytes: byStat.reduce((sum, x) => sum + x.size, 0) }));
    steps.push(record('reuse', performance.now() - read, { artifacts: manifest.artifacts.length }));
    kept = true;
    return { entry, configFile, lock, published, inputs: byStat.length, steps };
  } finally {
    if (!kept) await lock.release();
  }
}

/**
 * Runs a no-change rerun of the command `io.argv` (see the module comment) and returns its exit
 * code, or null when the CLI must run instead (nothing was printed then). `root`: the package
 * root, whose dist/build-stamp.json stands for the code that runs. Throws only when printing
 * the outcome fails.
 */
export async function tryRerun(io: CliIO, root: string = PACKAGE_ROOT): Promise<number | null> {
  const started = { at: new Date(), ms: performance.now() };
  const parsed = parseFlags(io.argv, io.env, io.cwd);
  if ('error' in parsed) return null;
  const { flags } = parsed;
  if (flags.help || flags.version || flags.noCache) return null;
  let found: Plan | null;
  try {
    found = await plan(flags, path.resolve(io.cwd), root, started.ms);
  } catch {
    return null;
  }
  if (!found) return null;

  const { entry, lock, published } = found;
  // Written before anything is printed: when a write fails, the CLI runs instead (and reports
  // the failure itself if it fails the same way).
  const t = performance.now();
  const report: RunReport = {
    ...published,
    startedAt: started.at.toISOString(),
    finishedAt: new Date().toISOString(),
    durationMs: Math.round(t - started.ms),
    fastPath: true,
    steps: [...found.steps],
    cache: { enabled: true, hits: found.inputs, misses: 0, discarded: [], pruned: 0 },
  };
  try {
    const text = serializeReport(report);
    await replaceFile(entry.outputDir, REPORT_PATH, text);
    await keepLastReport(entry, text);
  } catch {
    return null;
  } finally {
    await lock.release();
  }
  // Recorded after report.json was written: that file lists the steps before publishing.
  const publishMs = performance.now() - t;
  report.steps.push({ name: 'publish', ms: Math.round(publishMs), counts: { artifacts: 1 } });

  const logger = new RunLogger(detectMode({ json: flags.json, quiet: flags.quiet, env: io.env, stdout: io.stdout }), io.stdout, io.stderr, envColumns(io.env));
  if (lock.note) logger.info(lock.note);
  for (const step of found.steps) logger.stepDone(step.name, step.ms, step.counts);
  logger.stepDone('publish', publishMs, { 'artifact (report.json)': 1 });
  await printOutcome({ report, published: true, config: { inputDir: entry.inputDir, site: entry.site, feeds: entry.feeds, configFile: found.configFile } }, io, logger);
  return report.exitCode;
}

/**
 * Records a published run of the command `flags` in `cwd` (the CLI calls it after the run), so
 * that the next run of the same command can be a no-change rerun. Nothing is recorded for a
 * config whose value may depend on more than its files (pipeline/config/compile.ts
 * `configSources`), without a build stamp, or when the input tree cannot be listed.
 */
export async function recordRerun(
  run: {
    flags: Pick<CliFlags, 'config' | 'input' | 'output' | 'siteUrl' | 'strict' | 'allowEmpty'>;
    cwd: string;
    config: ResolvedConfig & { configFile: string | null };
    report: RunReport;
  },
  root: string = PACKAGE_ROOT,
): Promise<void> {
  const { config, report } = run;
  const cwd = path.resolve(run.cwd);
  const sources = config.configFile === null ? { inputs: {}, static: true } : await configSources(config.configFile);
  if (!sources?.static) return;
  const build = buildStamp(root);
  const manifest = stamp(manifestFile(config.cacheWorkDir));
  const dirs = inputFolders(config.inputDir, config.include, Date.parse(report.startedAt));
  if (!build || !manifest || !dirs) return;
  saveEntry(recordFile(cwd, config.configFile), {
    key: rerunKey(run.flags, cwd, config.configFile),
    build,
    version: report.pipelineVersion,
    config: sources.inputs,
    inputDir: config.inputDir,
    outputDir: config.outputDir,
    cacheDirAbs: config.cacheDirAbs,
    cacheWorkDir: config.cacheWorkDir,
    digest: config.digest,
    site: config.site,
    feeds: config.feeds,
    dirs,
    manifest,
  });
}
