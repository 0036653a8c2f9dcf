/**
 * The fast path: when the inputs (content hashes), the config digest and the pipeline version
 * equal those of the last published run (its manifest, pipeline/cache/manifest.ts) and output/
 * still holds exactly what that run wrote, the steps are skipped, the previous diagnostics are
 * reported again and only report.json is rewritten.
 *
 * Like git's index, inputs whose size and modification time match the manifest keep their
 * recorded hash, so that an unchanged archive is not even read (`unchangedByStat`).
 */
import { statSync, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { ResolvedConfig, StepContext, StepResult } from '../context.ts';
import { restoreMessages } from '../report/diagnostics.ts';
import { REPORT_PATH, type FileRecord, type RunReport } from '../report/report.ts';
import type { InputFile } from '../steps/discover.ts';
import type { ReadInput } from '../steps/read.ts';
import { MANIFEST_FORMAT, trustedTime, writeManifest, type Manifest, type ManifestInput } from './manifest.ts';

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/** What the fast path needs of the config: its folders and digest. */
export type FastPathConfig = Pick<ResolvedConfig, 'inputDir' | 'outputDir' | 'cacheWorkDir' | 'digest'>;

/** The last published run, as a candidate for reuse by this run. */
export class FastPath {
  /**
   * @param manifest the last published run's manifest
   * @param config this run's config
   * @param version this run's pipeline version (pipeline/cache/version.ts)
   */
  constructor(
    private readonly manifest: Manifest,
    private readonly config: FastPathConfig,
    private readonly version: string,
  ) {}

  /**
   * The inputs with their recorded hashes (`bytes: null`) when every file's size and modification
   * time match the manifest, or null when any file differs, is new, is gone or has no trusted time.
   * Synchronous stats, in order, stopping at the first difference: thousands of them take a
   * fraction of the time promise-based ones do.
   */
  unchangedByStat(found: readonly InputFile[]): ReadInput[] | null {
    const { inputs } = this.manifest;
    if (inputs.length !== found.length) return null;
    const results: ReadInput[] = [];
    for (const [i, f] of found.entries()) {
      const [p, hash, size, mtimeMs] = inputs[i]!;
      if (p !== f.path || typeof mtimeMs !== 'number') return null;
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
  async reusable(read: readonly ReadInput[], published?: Partial<RunReport>): Promise<boolean> {
    const { manifest, config } = this;
    if (manifest.format !== MANIFEST_FORMAT || manifest.version !== this.version) return false;
    if (manifest.configDigest !== config.digest || manifest.outputDir !== config.outputDir) return false;
    if (manifest.inputs.length !== read.length) return false;
    for (let i = 0; i < read.length; i++) {
      const [p, h, size] = manifest.inputs[i]!;
      const r = read[i]!;
      if (r.sha256 === null || r.path !== p || r.sha256 !== h || r.size !== size) return false;
    }
    try {
      published ??= JSON.parse(await readFile(path.join(config.outputDir, REPORT_PATH), 'utf8')) as Partial<RunReport>;
      if (published.outputDigest !== manifest.outputDigest || published.configDigest !== config.digest) return false;
    } catch {
      return false;
    }
    const outputDir = config.outputDir + path.sep; // artifact paths are relative and '/'-separated
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
  reuse(file: (path: string) => VFile): ReusedRun {
    for (const [name, messages] of Object.entries(this.manifest.diagnostics)) restoreMessages(file(name), messages);
    const artifacts = this.manifest.artifacts.map(({ path: p, sha256, size }) => ({ path: p, sha256, size }));
    return { counts: { ...this.manifest.counts }, artifacts };
  }

  /**
   * Rewrites the manifest with the inputs' current modification times where they can be trusted
   * (inputs unchanged by content but not by time stamp: a fresh checkout, a touched file), so that
   * the next run needs only stats. `runStartedMs`: wall clock at the start of this run.
   */
  async refreshTimes(runStartedMs: number): Promise<void> {
    const inputs = this.manifest.inputs.map(([p, hash, size]): ManifestInput => {
      const info = statOrNull(path.join(this.config.inputDir, p));
      return [p, hash, size, trustedTime(info, size, runStartedMs)];
    });
    await writeManifest(this.config.cacheWorkDir, { ...this.manifest, inputs });
  }
}

/** What the reused run published: its counts and artifacts (see `FastPath#reuse`). */
export interface ReusedRun {
  counts: Record<string, number>;
  artifacts: FileRecord[];
}

/** Step "reuse": the last published run stands; its diagnostics are reported again. Count: `artifacts`. */
export function reuseStep(ctx: StepContext, fastPath: FastPath): StepResult<ReusedRun> {
  const reused = fastPath.reuse(ctx.file);
  return { value: reused, counts: { artifacts: reused.artifacts.length } };
}
