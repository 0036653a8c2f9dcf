// pipeline/cache/rerun.ts
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseFlags } from "../cli-flags.js";
import { configSources } from "../config/compile.js";
import { PACKAGE_ROOT } from "../package-root.js";
import { acquireLock, replaceFile } from "../publish/publish.js";
import { detectMode, envColumns, RunLogger } from "../report/logger.js";
import { printOutcome } from "../report/outcome.js";
import { keepLastReport, REPORT_PATH, serializeReport } from "../report/report.js";
import { FastPath } from "./fast-path.js";
import { manifestFile, parseManifest } from "./manifest.js";
import {
  buildStamp,
  configFileOf,
  entryChange,
  findEntry,
  inputFolders,
  recordFile,
  rerunKey,
  saveEntry,
  stamp
} from "./rerun-record.js";
function record(name, ms, counts) {
  return { name, ms: Math.round(ms * 10) / 10, counts, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
}
function hasLeftovers(outputDir) {
  const prefix = `.${path.basename(outputDir)}.`;
  try {
    return readdirSync(path.dirname(outputDir)).some((name) => name.startsWith(prefix));
  } catch {
    return true;
  }
}
function readManifestQuietly(cacheDir) {
  try {
    return parseManifest(readFileSync(manifestFile(cacheDir), "utf8"));
  } catch {
    return null;
  }
}
function sameRun(report, manifest, flags) {
  if (report.name !== "daily-papers-feeds" || !report.published || report.exitCode !== 0 || report.problems?.length !== 0) return false;
  if (report.pipelineVersion !== manifest.version || report.configDigest !== manifest.configDigest) return false;
  const o = report.options;
  if (o?.strict !== flags.strict || o.cache !== true || o.allowEmpty !== flags.allowEmpty) return false;
  if (!Array.isArray(report.inputs) || report.inputs.length !== manifest.inputs.length) return false;
  return manifest.inputs.every(([p, hash, size], i) => {
    const r = report.inputs[i];
    return r.path === p && r.sha256 === hash && r.size === size;
  });
}
async function plan(flags, cwd, root, startedMs) {
  const configFile = configFileOf(flags.config, cwd);
  if (configFile === void 0) return null;
  const entry = findEntry(recordFile(cwd, configFile), rerunKey(flags, cwd, configFile));
  if (!entry || entryChange(entry, root) !== null || hasLeftovers(entry.outputDir)) return null;
  const manifest = readManifestQuietly(entry.cacheWorkDir);
  if (!manifest) return null;
  const discovered = performance.now();
  const steps = [record("discover", discovered - startedMs, { files: manifest.inputs.length })];
  const lock = await acquireLock(entry.outputDir).catch(() => null);
  if (!lock) return null;
  let kept = false;
  try {
    const fastPath = new FastPath(manifest, entry, entry.version);
    const inputDir = entry.inputDir + path.sep;
    const byStat = fastPath.unchangedByStat(manifest.inputs.map(([p]) => ({ path: p, abs: inputDir + p })));
    if (!byStat) return null;
    const bytes = readFileSync(path.join(entry.outputDir, REPORT_PATH));
    if (!bytes.equals(readFileSync(path.join(entry.cacheWorkDir, "last-report.json")))) return null;
    const published = JSON.parse(bytes.toString("utf8"));
    if (!sameRun(published, manifest, flags) || !await fastPath.reusable(byStat, published)) return null;
    const read = performance.now();
    steps.push(record("read", read - discovered, { files: byStat.length, bytes: byStat.reduce((sum, x) => sum + x.size, 0) }));
    steps.push(record("reuse", performance.now() - read, { artifacts: manifest.artifacts.length }));
    kept = true;
    return { entry, lock, published, inputs: byStat.length, steps };
  } finally {
    if (!kept) await lock.release();
  }
}
async function tryRerun(io, root = PACKAGE_ROOT) {
  const started = { at: /* @__PURE__ */ new Date(), ms: performance.now() };
  const parsed = parseFlags(io.argv, io.env);
  if ("error" in parsed) return null;
  const { flags } = parsed;
  if (flags.help || flags.version || flags.noCache) return null;
  let found;
  try {
    found = await plan(flags, path.resolve(io.cwd), root, started.ms);
  } catch {
    return null;
  }
  if (!found) return null;
  const { entry, lock, published } = found;
  const t = performance.now();
  const report = {
    ...published,
    startedAt: started.at.toISOString(),
    finishedAt: (/* @__PURE__ */ new Date()).toISOString(),
    durationMs: Math.round(t - started.ms),
    fastPath: true,
    steps: [...found.steps],
    cache: { enabled: true, hits: found.inputs, misses: 0, discarded: [], pruned: 0 }
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
  const publishMs = performance.now() - t;
  report.steps.push({ name: "publish", ms: Math.round(publishMs), counts: { artifacts: 1 } });
  const logger = new RunLogger(detectMode({ json: flags.json, quiet: flags.quiet, env: io.env, stdout: io.stdout }), io.stdout, io.stderr, envColumns(io.env));
  if (lock.note) logger.info(lock.note);
  for (const step of found.steps) logger.stepDone(step.name, step.ms, step.counts);
  logger.stepDone("publish", publishMs, { "artifact (report.json)": 1 });
  await printOutcome({ report, published: true, config: { inputDir: entry.inputDir, site: entry.site, feeds: entry.feeds } }, io, logger);
  return report.exitCode;
}
async function recordRerun(run, root = PACKAGE_ROOT) {
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
    manifest
  });
}
export {
  recordRerun,
  tryRerun
};
//# sourceMappingURL=rerun.js.map
