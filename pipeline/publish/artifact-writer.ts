/**
 * The run's output on its way to publishing: artifacts go into a staging folder
 * (pipeline/publish/publish.ts `stage`, opened with the first artifact) as soon as a step
 * returns them, so that the run never holds all of them in memory; the folder is swapped in
 * only by `commit`.
 *
 * Each artifact is encoded and hashed once, on the caller's thread; its write runs in the
 * background (libuv's threads, at most `concurrency` at a time) while the next steps compute.
 *
 * An artifact whose bytes a file of the last published output already holds (`reuse`: the same
 * sha256 and size in that run's manifest, the file still of the recorded size and modification
 * time) is hard-linked from there instead of written (`Staging#link`): the swap renames the old
 * folder away and removes it, and the link keeps the file. An artifact that says its sha256 and
 * size (`Artifact#known`: a cached feed archive, a page chunk) is not hashed again, and when
 * linked, not even read.
 * Problems are fatal diagnostics on the pipeline's own file: an artifact path written twice
 * (`duplicate-artifact`) and a write that failed (`write-failed`, reported by `flush`).
 */
import { createHash } from 'node:crypto';
import { statSync, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import pLimit, { type LimitFunction } from 'p-limit';
import { byString } from '../../src/compare.ts';
import { sha256 } from '../cache/cache-file.ts';
import { PIPELINE_FILE, type StepContext } from '../context.ts';
import { REPORT_PATH, type FileRecord } from '../report/report.ts';
import type { Artifact, KnownContent, PartedArtifact } from './artifact.ts';
import { stage, type Staging } from './publish.ts';

const PLACE = { line: 1, column: 1 };

export class ArtifactWriter {
  private readonly records = new Map<string, FileRecord>();
  /** Writes still running (awaited before a swap or an abort). */
  private readonly pending: Promise<void>[] = [];
  private readonly limit: LimitFunction;
  private failed: { path: string; error: unknown } | null = null;
  /** The staging folder, once opened; null again after `commit` or `abort`. */
  private staging: Promise<Staging> | null = null;
  /** Files of the last published output by sha256 (`reuse`); each is linked at most once. */
  private readonly previous = new Map<string, Previous[]>();
  /** Time spent encoding, hashing and waiting for writes (ms): the publish step's own time. */
  ms = 0;
  /** Artifacts linked from the last published output rather than written. */
  linked = 0;

  /**
   * @param outputDir the output folder (the staging folder is its sibling)
   * @param concurrency how many writes may run at once
   * @param fail where the fatal diagnostics go (`StepContext#fail`)
   */
  constructor(
    private readonly outputDir: string,
    concurrency: number,
    private readonly fail: StepContext['fail'],
  ) {
    this.limit = pLimit(concurrency);
  }

  private open(): Promise<Staging> {
    this.staging ??= stage(this.outputDir);
    return this.staging;
  }

  /**
   * The files the last published run wrote into this output folder (its manifest's artifacts:
   * path relative to the folder, sha256, size in bytes, modification time in ms), which later
   * artifacts with the same content may be linked from. Call before `emit`.
   */
  reuse(artifacts: readonly (Previous & { sha256: string })[]): void {
    for (const a of artifacts) {
      const list = this.previous.get(a.sha256);
      if (list) list.push(a);
      else this.previous.set(a.sha256, [a]);
    }
  }

  /**
   * A file of the last published output that the manifest records with this content, taken so
   * that no other artifact links it (the one of the same path first), or null. Whether it is
   * still as that run left it, `isUntouched` says (`claim` at once; `emit`'s link job later).
   */
  private take(rel: string, { sha256, size }: KnownContent): Previous | null {
    const list = this.previous.get(sha256);
    if (!list) return null;
    list.sort((a, b) => Number(b.path === rel) - Number(a.path === rel));
    while (list.length > 0) {
      const candidate = list.shift()!;
      if (candidate.size === size) return candidate;
    }
    return null;
  }

  /** A file of the last published output with this content, still as that run left it: its absolute path (taken), or null. */
  private claim(rel: string, content: KnownContent): string | null {
    for (let c = this.take(rel, content); c !== null; c = this.take(rel, content)) {
      const file = path.join(this.outputDir, c.path);
      if (isUntouched(statSync(file, { throwIfNoEntry: false }), c)) return file;
    }
    return null;
  }

  /**
   * Hashes these artifacts and starts writing (or linking) them; a path already written (or
   * report.json) is a fatal diagnostic.
   */
  emit(list: readonly (Artifact | PartedArtifact)[]): void {
    const t = performance.now();
    for (const artifact of list) {
      if (artifact.path === REPORT_PATH || this.records.has(artifact.path)) {
        this.fail(PIPELINE_FILE, `Two steps wrote the artifact "${artifact.path}"`, {
          place: PLACE,
          ruleId: 'duplicate-artifact',
          source: 'pipeline:publish',
        });
        continue;
      }
      const rel = artifact.path;
      const known = 'known' in artifact ? artifact.known : undefined;
      let candidate = known && this.previous.size > 0 ? this.take(rel, known) : null;
      let bytes: Uint8Array | readonly Uint8Array[] | null = null;
      // Reads the artifact's bytes (once: `data` may be a getter that reads a file or builds
      // them) and records their content; known content is not hashed again (asked after `data`,
      // which may have changed it).
      const read = (): Uint8Array | readonly Uint8Array[] => {
        const data = artifact.data;
        const out = typeof data === 'string' ? Buffer.from(data) : data;
        const told = 'known' in artifact ? artifact.known : undefined;
        const content = told ? { sha256: told.sha256, size: told.size } : hashOf(out);
        this.records.set(rel, { path: rel, ...content });
        return out;
      };
      if (candidate !== null) {
        this.records.set(rel, { path: rel, sha256: known!.sha256, size: known!.size });
      } else {
        bytes = read();
        const content = this.records.get(rel)!;
        const tried = known !== undefined && known.sha256 === content.sha256; // taken above already
        if (this.previous.size > 0 && !tried) candidate = this.take(rel, content);
      }
      let job: (staging: Staging) => Promise<void>;
      if (candidate === null) {
        const data = bytes!;
        job = (staging) => staging.write(rel, data);
      } else {
        // Linked when the file is still as the last run left it (looked at on libuv's threads,
        // not here: about 1,100 files on a one-new-digest run), else written.
        const source = candidate;
        job = async (staging) => {
          const file = path.join(this.outputDir, source.path);
          if (isUntouched(await stat(file).catch(() => undefined), source)) {
            this.linked++;
            return staging.link(rel, file);
          }
          return staging.write(rel, bytes ?? read());
        };
      }
      const staging = this.open();
      this.pending.push(
        this.limit(async () => job(await staging)).catch((error: unknown) => {
          this.failed ??= { path: artifact.path, error };
        }),
      );
    }
    this.ms += performance.now() - t;
  }

  /** The content (sha256, size in bytes) of the artifact emitted at `rel`, or undefined. */
  recorded(rel: string): KnownContent | undefined {
    const record = this.records.get(rel);
    return record && { sha256: record.sha256, size: record.size };
  }

  /**
   * Publishes the artifact at `rel`, whose content is `known`, by linking a file of the last
   * published output that holds that content (see `claim`): true when it did, false when no
   * such file is left (nothing done: emit the artifact with its bytes). For producers that can
   * only fetch the bytes asynchronously (the feeds thread's cached archives).
   */
  link(rel: string, known: KnownContent): boolean {
    if (rel === REPORT_PATH || this.records.has(rel) || this.previous.size === 0) return false;
    const from = this.claim(rel, known);
    if (from === null) return false;
    this.records.set(rel, { path: rel, sha256: known.sha256, size: known.size });
    this.linked++;
    const staging = this.open();
    this.pending.push(
      this.limit(async () => (await staging).link(rel, from)).catch((error: unknown) => {
        this.failed ??= { path: rel, error };
      }),
    );
    return true;
  }

  /**
   * Waits for every write; the first failed one becomes a fatal diagnostic. Returns the record
   * (path, sha256, size in bytes) of every artifact emitted, sorted by path.
   */
  async flush(): Promise<FileRecord[]> {
    const t = performance.now();
    await Promise.all(this.pending);
    this.ms += performance.now() - t;
    if (this.failed) {
      const { path, error } = this.failed;
      this.fail(PIPELINE_FILE, `Cannot write the artifact "${path}": ${error instanceof Error ? error.message : String(error)}`, {
        place: PLACE,
        ruleId: 'write-failed',
        source: 'pipeline:publish',
      });
    }
    return [...this.records.values()].sort(byString((x) => x.path));
  }

  /**
   * Writes the run's report.json and swaps the staging folder in as the output folder; `removed`
   * settles once the previous output folder is gone; with `leave`, that folder is returned as
   * `leftover` for the caller to remove instead (see `Staging#commit`).
   */
  async commit(report: string, options: { leave?: boolean } = {}): Promise<{ removed: Promise<void>; leftover: string | null }> {
    const staging = await this.open();
    await staging.write(REPORT_PATH, report);
    this.staging = null;
    return staging.commit(options);
  }

  /**
   * Removes the staging folder unless it was committed; the output folder stays as it was.
   * Writes still in flight finish first, so that none of them recreates a folder inside the
   * removed staging folder. Never throws.
   */
  async abort(): Promise<void> {
    const staging = this.staging;
    if (!staging) return;
    this.staging = null;
    await Promise.allSettled(this.pending);
    await staging.then((s) => s.abort()).catch(() => undefined);
  }
}

/** A file the last published run wrote (its manifest's record): path in the output folder, size in bytes, modification time in ms. */
interface Previous {
  path: string;
  size: number;
  mtimeMs: number;
}

/** Whether `info` (a stat of the file, or undefined when it is gone) shows the file `previous` as that run left it: a file of the same size and modification time. */
function isUntouched(info: Stats | undefined, previous: Previous): boolean {
  return info !== undefined && info.isFile() && info.size === previous.size && info.mtimeMs === previous.mtimeMs;
}

function hashOf(bytes: Uint8Array | readonly Uint8Array[]): { sha256: string; size: number } {
  if (bytes instanceof Uint8Array) return { sha256: sha256(bytes), size: bytes.byteLength };
  const hash = createHash('sha256');
  let size = 0;
  for (const part of bytes) {
    hash.update(part);
    size += part.byteLength;
  }
  return { sha256: hash.digest('hex'), size };
}
