/**
 * The fast-path manifest, `manifest.json` in the cache folder: what the last published run read
 * and wrote (input hashes, sizes and trusted modification times, config digest, pipeline version,
 * artifact sizes and times, diagnostics, counts). pipeline/cache/fast-path.ts compares a new run
 * with it. Written through write-file-atomic, so a killed run leaves the old one or the new one.
 */
import { statSync, type Stats } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { ResolvedConfig } from '../context.ts';
import type { SerializedMessage } from '../report/diagnostics.ts';
import { outputDigest, type FileRecord } from '../report/report.ts';
import type { CacheProblem } from './cache-file.ts';

export const MANIFEST_FORMAT = 'daily-papers-manifest@1';

export interface ManifestArtifact extends FileRecord {
  /** Modification time of the published file, to notice edits to output/. */
  mtimeMs: number;
}

/** [relative path, sha256, size, mtimeMs | null] of one input. */
export type ManifestInput = [string, string, number, number | null];

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  version: string;
  configDigest: string;
  outputDir: string;
  /**
   * Every input, in discovery order. The modification time is recorded only for files last
   * modified well before the run started (`trustedTime`), so that a file edited during a run is
   * never trusted by its time stamp.
   */
  inputs: ManifestInput[];
  /** Every published artifact except report.json. */
  artifacts: ManifestArtifact[];
  /** sha256 over the artifact list, also recorded in output/report.json. */
  outputDigest: string;
  /** Diagnostics per file, to report them again on the fast path. */
  diagnostics: Record<string, SerializedMessage[]>;
  counts: Record<string, number>;
  warningsByRule: Record<string, number>;
}

/** What reading the manifest found: the manifest (null when absent or discarded) and why one was discarded. */
export interface ManifestRead {
  manifest: Manifest | null;
  problems: CacheProblem[];
}

export function manifestFile(cacheDir: string): string {
  return path.join(cacheDir, 'manifest.json');
}

/**
 * The manifest in `text` (manifest.json's content). Throws an Error saying what is wrong when it
 * is not JSON, of another format (`foreign format "…"`) or of the wrong shape (`wrong shape`).
 */
export function parseManifest(text: string): Manifest {
  const value = JSON.parse(text) as Manifest;
  if (value?.format !== MANIFEST_FORMAT) throw new Error(`foreign format ${JSON.stringify(value?.format)}`);
  if (!Array.isArray(value.inputs) || !Array.isArray(value.artifacts) || typeof value.diagnostics !== 'object') {
    throw new Error('wrong shape');
  }
  return value;
}

/** The manifest of `cacheDir`; a corrupt or foreign one is removed and reported in `problems`. */
export async function readManifest(cacheDir: string): Promise<ManifestRead> {
  const file = manifestFile(cacheDir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { manifest: null, problems: [] };
  }
  try {
    return { manifest: parseManifest(text), problems: [] };
  } catch (error) {
    await rm(file, { force: true });
    return { manifest: null, problems: [{ file: 'manifest.json', reason: error instanceof Error ? error.message : String(error) }] };
  }
}

export async function writeManifest(cacheDir: string, manifest: Manifest): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  await writeFileAtomic(manifestFile(cacheDir), `${JSON.stringify(manifest)}\n`, { fsync: false });
}

/**
 * Removes the manifest when it describes the output folder `outputDir` (a `--no-cache` run just
 * replaced that folder, so the record no longer tells what it holds), or cannot be read. A
 * manifest of another output folder stays: a cold run into a folder of its own leaves the fast
 * path of the usual one as it was.
 */
export async function removeManifest(cacheDir: string, outputDir: string): Promise<void> {
  const { manifest } = await readManifest(cacheDir);
  if (manifest !== null && manifest.outputDir !== outputDir) return;
  await rm(manifestFile(cacheDir), { force: true });
}

/**
 * A file's or folder's modification time when it can be trusted to change with its content: it
 * was last modified more than 2 s before the run started (`runStartedMs`, wall clock), so that
 * a write in the same tick of a coarse file-system clock cannot hide behind it; else null.
 */
export function trustedMtime(info: Stats, runStartedMs: number): number | null {
  return info.mtimeMs < runStartedMs - 2000 ? info.mtimeMs : null;
}

/** An input's modification time when it can be trusted (`trustedMtime`) and the file still has the recorded size, else null. */
export function trustedTime(info: Stats | null, size: number, runStartedMs: number): number | null {
  return info && info.size === size ? trustedMtime(info, runStartedMs) : null;
}

/** What a published run records: its inputs and artifacts (report.json aside), diagnostics and counts. */
export interface PublishedRun {
  config: ResolvedConfig;
  /** The pipeline version (pipeline/cache/version.ts). */
  version: string;
  /** Wall clock at the start of the run (ms), for `trustedTime`. */
  runStartedMs: number;
  inputs: readonly FileRecord[];
  artifacts: readonly FileRecord[];
  diagnostics: Record<string, SerializedMessage[]>;
  counts: Record<string, number>;
}

/** Writes the manifest of a run that has just published, with the files' current times. */
export async function saveManifest(run: PublishedRun): Promise<void> {
  const { config } = run;
  // Synchronous stats: about 1,700 of them (every artifact and input) take a few ms here, against
  // tens of ms through fs.promises, whose trips to libuv's threads queue behind the removal of
  // the previous output folder that runs meanwhile.
  const artifacts: ManifestArtifact[] = run.artifacts.map((a) => ({ ...a, mtimeMs: statSync(path.join(config.outputDir, a.path)).mtimeMs }));
  const inputs = run.inputs.map((i): ManifestInput => {
    let info: Stats | null = null;
    try {
      info = statSync(path.join(config.inputDir, i.path), { throwIfNoEntry: false }) ?? null;
    } catch {
      // Unreadable now: no trusted time (the next run reads the file).
    }
    return [i.path, i.sha256, i.size, trustedTime(info, i.size, run.runStartedMs)];
  });
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
    warningsByRule: {},
  });
}
