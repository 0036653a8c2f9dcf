// pipeline/publish/artifact-writer.ts
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import path from "node:path";
import pLimit from "p-limit";
import { byString } from "../../src/compare.js";
import { sha256 } from "../cache/cache-file.js";
import { PIPELINE_FILE } from "../context.js";
import { REPORT_PATH } from "../report/report.js";
import { stage } from "./publish.js";
var PLACE = { line: 1, column: 1 };
var ArtifactWriter = class {
  /**
   * @param outputDir the output folder (the staging folder is its sibling)
   * @param concurrency how many writes may run at once
   * @param fail where the fatal diagnostics go (`StepContext#fail`)
   */
  constructor(outputDir, concurrency, fail) {
    this.outputDir = outputDir;
    this.fail = fail;
    this.limit = pLimit(concurrency);
  }
  outputDir;
  fail;
  records = /* @__PURE__ */ new Map();
  /** Writes still running (awaited before a swap or an abort). */
  pending = [];
  limit;
  failed = null;
  /** The staging folder, once opened; null again after `commit` or `abort`. */
  staging = null;
  /** Files of the last published output by sha256 (`reuse`); each is linked at most once. */
  previous = /* @__PURE__ */ new Map();
  /** Time spent encoding, hashing and waiting for writes (ms): the publish step's own time. */
  ms = 0;
  /** Artifacts linked from the last published output rather than written. */
  linked = 0;
  open() {
    this.staging ??= stage(this.outputDir);
    return this.staging;
  }
  /**
   * The files the last published run wrote into this output folder (its manifest's artifacts:
   * path relative to the folder, sha256, size in bytes, modification time in ms), which later
   * artifacts with the same content may be linked from. Call before `emit`.
   */
  reuse(artifacts) {
    for (const a of artifacts) {
      const list = this.previous.get(a.sha256);
      if (list) list.push(a);
      else this.previous.set(a.sha256, [a]);
    }
  }
  /**
   * A file of the last published output with this content, still as that run left it (same size
   * and modification time), taken so that no other artifact links it: its absolute path, or
   * null. The one of the same path comes first.
   */
  claim(rel, { sha256: sha2562, size }) {
    const list = this.previous.get(sha2562);
    if (!list) return null;
    list.sort((a, b) => Number(b.path === rel) - Number(a.path === rel));
    while (list.length > 0) {
      const candidate = list.shift();
      if (candidate.size !== size) continue;
      const file = path.join(this.outputDir, candidate.path);
      const info = statSync(file, { throwIfNoEntry: false });
      if (info?.isFile() && info.size === size && info.mtimeMs === candidate.mtimeMs) return file;
    }
    return null;
  }
  /**
   * Hashes these artifacts and starts writing (or linking) them; a path already written (or
   * report.json) is a fatal diagnostic.
   */
  emit(list) {
    const t = performance.now();
    for (const artifact of list) {
      if (artifact.path === REPORT_PATH || this.records.has(artifact.path)) {
        this.fail(PIPELINE_FILE, `Two steps wrote the artifact "${artifact.path}"`, {
          place: PLACE,
          ruleId: "duplicate-artifact",
          source: "pipeline:publish"
        });
        continue;
      }
      const known = "known" in artifact ? artifact.known : void 0;
      let from = known && this.previous.size > 0 ? this.claim(artifact.path, known) : null;
      let job;
      if (from !== null) {
        this.records.set(artifact.path, { path: artifact.path, sha256: known.sha256, size: known.size });
      } else {
        const data = artifact.data;
        const bytes = typeof data === "string" ? Buffer.from(data) : data;
        const told = "known" in artifact ? artifact.known : void 0;
        const content = told ? { sha256: told.sha256, size: told.size } : hashOf(bytes);
        this.records.set(artifact.path, { path: artifact.path, ...content });
        const tried = known !== void 0 && known.sha256 === content.sha256;
        if (this.previous.size > 0 && !tried) from = this.claim(artifact.path, content);
        if (from === null) job = (staging2) => staging2.write(artifact.path, bytes);
      }
      if (from !== null) {
        const source = from;
        job = (staging2) => staging2.link(artifact.path, source);
        this.linked++;
      }
      const staging = this.open();
      this.pending.push(
        this.limit(async () => job(await staging)).catch((error) => {
          this.failed ??= { path: artifact.path, error };
        })
      );
    }
    this.ms += performance.now() - t;
  }
  /**
   * Publishes the artifact at `rel`, whose content is `known`, by linking a file of the last
   * published output that holds that content (see `claim`): true when it did, false when no
   * such file is left (nothing done: emit the artifact with its bytes). For producers that can
   * only fetch the bytes asynchronously (the feeds thread's cached archives).
   */
  link(rel, known) {
    if (rel === REPORT_PATH || this.records.has(rel) || this.previous.size === 0) return false;
    const from = this.claim(rel, known);
    if (from === null) return false;
    this.records.set(rel, { path: rel, sha256: known.sha256, size: known.size });
    this.linked++;
    const staging = this.open();
    this.pending.push(
      this.limit(async () => (await staging).link(rel, from)).catch((error) => {
        this.failed ??= { path: rel, error };
      })
    );
    return true;
  }
  /**
   * Waits for every write; the first failed one becomes a fatal diagnostic. Returns the record
   * (path, sha256, size in bytes) of every artifact emitted, sorted by path.
   */
  async flush() {
    const t = performance.now();
    await Promise.all(this.pending);
    this.ms += performance.now() - t;
    if (this.failed) {
      const { path: path2, error } = this.failed;
      this.fail(PIPELINE_FILE, `Cannot write the artifact "${path2}": ${error instanceof Error ? error.message : String(error)}`, {
        place: PLACE,
        ruleId: "write-failed",
        source: "pipeline:publish"
      });
    }
    return [...this.records.values()].sort(byString((x) => x.path));
  }
  /** Writes the run's report.json and swaps the staging folder in as the output folder. */
  async commit(report) {
    const staging = await this.open();
    await staging.write(REPORT_PATH, report);
    this.staging = null;
    await staging.commit();
  }
  /**
   * Removes the staging folder unless it was committed; the output folder stays as it was.
   * Writes still in flight finish first, so that none of them recreates a folder inside the
   * removed staging folder. Never throws.
   */
  async abort() {
    const staging = this.staging;
    if (!staging) return;
    this.staging = null;
    await Promise.allSettled(this.pending);
    await staging.then((s) => s.abort()).catch(() => void 0);
  }
};
function hashOf(bytes) {
  if (bytes instanceof Uint8Array) return { sha256: sha256(bytes), size: bytes.byteLength };
  const hash = createHash("sha256");
  let size = 0;
  for (const part of bytes) {
    hash.update(part);
    size += part.byteLength;
  }
  return { sha256: hash.digest("hex"), size };
}
export {
  ArtifactWriter
};
//# sourceMappingURL=artifact-writer.js.map
