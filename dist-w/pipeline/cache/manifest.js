// pipeline/cache/manifest.ts
import { mkdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import pLimit from "p-limit";
import writeFileAtomic from "write-file-atomic";
import { outputDigest } from "../report/report.js";
var MANIFEST_FORMAT = "daily-papers-manifest@1";
function manifestFile(cacheDir) {
  return path.join(cacheDir, "manifest.json");
}
function parseManifest(text) {
  const value = JSON.parse(text);
  if (value?.format !== MANIFEST_FORMAT) throw new Error(`foreign format ${JSON.stringify(value?.format)}`);
  if (!Array.isArray(value.inputs) || !Array.isArray(value.artifacts) || typeof value.diagnostics !== "object") {
    throw new Error("wrong shape");
  }
  return value;
}
async function readManifest(cacheDir) {
  const file = manifestFile(cacheDir);
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return { manifest: null, problems: [] };
  }
  try {
    return { manifest: parseManifest(text), problems: [] };
  } catch (error) {
    await rm(file, { force: true });
    return { manifest: null, problems: [{ file: "manifest.json", reason: error instanceof Error ? error.message : String(error) }] };
  }
}
async function writeManifest(cacheDir, manifest) {
  await mkdir(cacheDir, { recursive: true });
  await writeFileAtomic(manifestFile(cacheDir), `${JSON.stringify(manifest)}
`, { fsync: false });
}
async function removeManifest(cacheDir) {
  await rm(manifestFile(cacheDir), { force: true });
}
function trustedMtime(info, runStartedMs) {
  return info.mtimeMs < runStartedMs - 2e3 ? info.mtimeMs : null;
}
function trustedTime(info, size, runStartedMs) {
  return info && info.size === size ? trustedMtime(info, runStartedMs) : null;
}
async function saveManifest(run) {
  const { config } = run;
  const limit = pLimit(Math.max(config.concurrency, 16));
  const artifacts = await Promise.all(
    run.artifacts.map((a) => limit(async () => ({ ...a, mtimeMs: (await stat(path.join(config.outputDir, a.path))).mtimeMs })))
  );
  const inputs = await Promise.all(
    run.inputs.map(async (i) => {
      const info = await stat(path.join(config.inputDir, i.path)).catch(() => null);
      return [i.path, i.sha256, i.size, trustedTime(info, i.size, run.runStartedMs)];
    })
  );
  await writeManifest(config.cacheWorkDir, {
    format: MANIFEST_FORMAT,
    version: run.version,
    configDigest: config.digest,
    outputDir: config.outputDir,
    inputs,
    artifacts,
    outputDigest: outputDigest(run.artifacts),
    diagnostics: run.diagnostics,
    counts: { ...run.counts },
    warningsByRule: {}
  });
}
export {
  MANIFEST_FORMAT,
  manifestFile,
  parseManifest,
  readManifest,
  removeManifest,
  saveManifest,
  trustedMtime,
  trustedTime,
  writeManifest
};
//# sourceMappingURL=manifest.js.map
