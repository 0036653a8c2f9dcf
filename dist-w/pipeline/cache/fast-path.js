// pipeline/cache/fast-path.ts
import { statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { restoreMessages } from "../report/diagnostics.js";
import { REPORT_PATH } from "../report/report.js";
import { MANIFEST_FORMAT, trustedTime, writeManifest } from "./manifest.js";
function statOrNull(file) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}
var FastPath = class {
  /**
   * @param manifest the last published run's manifest
   * @param config this run's config
   * @param version this run's pipeline version (pipeline/cache/version.ts)
   */
  constructor(manifest, config, version) {
    this.manifest = manifest;
    this.config = config;
    this.version = version;
  }
  manifest;
  config;
  version;
  /**
   * The inputs with their recorded hashes (`bytes: null`) when every file's size and modification
   * time match the manifest, or null when any file differs, is new, is gone or has no trusted time.
   * Synchronous stats, in order, stopping at the first difference: thousands of them take a
   * fraction of the time promise-based ones do.
   */
  unchangedByStat(found) {
    const { inputs } = this.manifest;
    if (inputs.length !== found.length) return null;
    const results = [];
    for (const [i, f] of found.entries()) {
      const [p, hash, size, mtimeMs] = inputs[i];
      if (p !== f.path || typeof mtimeMs !== "number") return null;
      const info = statOrNull(f.abs);
      if (!info || !info.isFile() || info.size !== size || info.mtimeMs !== mtimeMs) return null;
      results.push({ ...f, bytes: null, sha256: hash, size });
    }
    return results;
  }
  /**
   * True when these inputs (paths, hashes, sizes, in order), the config and the version are those
   * of the manifest, and output/ still holds exactly what its run published: the report's output
   * digest and every artifact's size and modification time. `published`: output/report.json
   * when the caller has already read it (else it is read here).
   */
  async reusable(read, published) {
    const { manifest, config } = this;
    if (manifest.format !== MANIFEST_FORMAT || manifest.version !== this.version) return false;
    if (manifest.configDigest !== config.digest || manifest.outputDir !== config.outputDir) return false;
    if (manifest.inputs.length !== read.length) return false;
    for (let i = 0; i < read.length; i++) {
      const [p, h, size] = manifest.inputs[i];
      const r = read[i];
      if (r.sha256 === null || r.path !== p || r.sha256 !== h || r.size !== size) return false;
    }
    try {
      published ??= JSON.parse(await readFile(path.join(config.outputDir, REPORT_PATH), "utf8"));
      if (published.outputDigest !== manifest.outputDigest || published.configDigest !== config.digest) return false;
    } catch {
      return false;
    }
    const outputDir = config.outputDir + path.sep;
    for (const artifact of manifest.artifacts) {
      const info = statOrNull(outputDir + artifact.path);
      if (!info || !info.isFile() || info.size !== artifact.size || info.mtimeMs !== artifact.mtimeMs) return false;
    }
    return true;
  }
  /**
   * Reuses the published run: attaches its diagnostics to the files `file` hands out and returns
   * its counts (every count of that run) and its artifacts (report.json aside, sorted by path).
   */
  reuse(file) {
    for (const [name, messages] of Object.entries(this.manifest.diagnostics)) restoreMessages(file(name), messages);
    const artifacts = this.manifest.artifacts.map(({ path: p, sha256, size }) => ({ path: p, sha256, size }));
    return { counts: { ...this.manifest.counts }, artifacts };
  }
  /**
   * Rewrites the manifest with the inputs' current modification times where they can be trusted
   * (inputs unchanged by content but not by time stamp: a fresh checkout, a touched file), so that
   * the next run needs only stats. `runStartedMs`: wall clock at the start of this run.
   */
  async refreshTimes(runStartedMs) {
    const inputs = this.manifest.inputs.map(([p, hash, size]) => {
      const info = statOrNull(path.join(this.config.inputDir, p));
      return [p, hash, size, trustedTime(info, size, runStartedMs)];
    });
    await writeManifest(this.config.cacheWorkDir, { ...this.manifest, inputs });
  }
};
function reuseStep(ctx, fastPath) {
  const reused = fastPath.reuse(ctx.file);
  return { value: reused, counts: { artifacts: reused.artifacts.length } };
}
export {
  FastPath,
  reuseStep
};
//# sourceMappingURL=fast-path.js.map
