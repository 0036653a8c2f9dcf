/**
 * The dataset cache, `dataset.bin` under the cache folder: what the last published run's steps
 * "parse", "authors" and "enrich" made of its inputs (the merged papers, their content digests,
 * the author tally, every listing date and each input's diagnostics of those steps), with the
 * inputs it was made from. When a run's inputs are those inputs, unchanged, plus new files whose
 * listings all come after every listing of the last run and name only new papers (a new digest,
 * the newest: `canPrepend`, src/dataset.ts), the parse step parses the new files alone and the
 * enrich step puts their papers in front of the cached ones (`prependDataset`), instead of
 * reading every file's parse result and merging and counting every listing again. papers.json is
 * then the new papers' lines in front of the segments' (`publishedPapersJson`), which are the
 * lines of the papers.json the snapshot's run published.
 *
 * The papers, most of the snapshot's bytes, live in segment files beside it (`dataset/<name>.bin`,
 * named by their content, newest papers first), which dataset.bin lists: a run that put new papers
 * in front writes a segment of those papers alone and lists the older segments again, instead of
 * serializing and writing every paper anew (on the real archive 21 of the snapshot's 24 MB, about
 * 70 ms of the main thread). Past MAX_SEGMENTS segments the papers are written as one again. A
 * segment no dataset.bin lists is removed once dataset.bin is written.
 *
 * A segment holds its papers as JSON lines (papers.json's layout: `JsonLines`,
 * pipeline/cache/lazy-paper.ts), checked when read and parsed one paper at a time when that
 * paper is read past its stub: dataset.bin keeps every paper's stub and search-document key, and
 * the loaded papers are `LazyPaper`s. On a newest digest's run the steps read the old papers
 * past their stubs only for the saved queries' hits (the index takes the old documents from the
 * last merged index, the page and the feeds take their records and items from their caches), so
 * the 21 MB of the real archive's papers are not deserialized (about 0.15 s of the main thread
 * with its garbage collection).
 *
 * Same file format as the other whole-file layers (pipeline/cache/cache-file.ts), each file keyed
 * by the pipeline's code fingerprint (any change of the code makes it stale); written after the
 * output is in place, only by a run that publishes. A corrupt or foreign file, or a listed
 * segment that is missing or corrupt, is discarded with a warning, and the dataset is built from
 * every input as if there were none.
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { readAuthorTable, type AuthorTable } from '../../src/authors.ts';
import type { DatasetBase } from '../../src/dataset.ts';
import type { Paper } from '../../src/types.ts';
import type { SerializedMessage } from '../report/diagnostics.ts';
import { docKeyOf, noteDocKey } from '../parse/vectors.ts';
import { decodeCacheFile, encodeCacheFile, readVersionedFile, readWholeFile, sha256, writeCacheBytes, type CacheProblem, type StagedFile } from './cache-file.ts';
import { JsonLines, jsonLinesOf, LazyPaper, papersJsonBody, papersJsonOf, paperStub, type PaperStub } from './lazy-paper.ts';

/**
 * dataset.bin's format. Its layout changed (the papers moved to segment files) without a new name:
 * every file also records the code's fingerprint (`version`), so a file of the earlier layout is
 * stale, not used and not reported, where a new name would have been reported as foreign once
 * after every upgrade.
 */
export const DATASET_FORMAT = 'daily-papers-dataset@1';
/** The format of a segment file: its papers' JSON lines (`JsonLines`); the header says how many. */
export const SEGMENT_FORMAT = 'daily-papers-dataset-segment@2';
/** At most this many segments: a run that would list more writes every paper as one segment. */
export const MAX_SEGMENTS = 32;

/** What the dataset cache keeps of a published run. */
export interface DatasetSnapshot {
  /** The run's readable inputs (relative path, sha256 of the bytes), in input order. */
  inputs: { path: string; sha256: string }[];
  /** How many listings the inputs hold. */
  entries: number;
  /** Every distinct digest date of a listing, ascending. */
  dates: string[];
  /** The dataset's papers, in dataset order. */
  papers: Paper[];
  /** Each paper's content digest (pipeline/cache/paper-digest.ts), aligned with `papers`. */
  digests: string[];
  /** The dataset's author records with their authors.json lines and spelling counts (src/authors.ts); stored as the lines and counts alone. */
  authors: AuthorTable;
  /** Each input's diagnostics of the steps "parse", "authors" and "enrich" ([path, messages]), in input order. */
  messages: [string, SerializedMessage[]][];
}


/** Why `value` is not a `DatasetSnapshot` (its shape and the columns' lengths), or null. */
export function checkSnapshot(value: unknown): string | null {
  if (value === null || typeof value !== 'object') return 'not an object';
  const s = value as DatasetSnapshot;
  if (!Array.isArray(s.inputs) || !Array.isArray(s.papers) || !Array.isArray(s.digests) || !Array.isArray(s.dates) || !Array.isArray(s.messages)) {
    return 'missing inputs, papers, digests, dates or messages';
  }
  if (!Array.isArray(s.authors?.records) || !Array.isArray(s.authors.lines) || !Array.isArray(s.authors.uses)) return 'no author table';
  if (s.authors.records.length !== s.authors.lines.length || s.authors.uses.length !== s.authors.lines.length) return 'the author lines do not match the records';
  if (typeof s.entries !== 'number' || s.papers.length > s.entries) return 'wrong listing count';
  if (s.digests.length !== s.papers.length) return 'digests do not match the papers';
  if (s.messages.length !== s.inputs.length) return 'messages do not match the inputs';
  // The fields a stub holds: the others are read on demand (a segment's papers are checked then).
  for (const p of s.papers) if (typeof p?.id !== 'string' || typeof p.date !== 'string' || !Array.isArray(p.dates)) return 'a paper has the wrong shape';
  for (const i of s.inputs) if (typeof i?.path !== 'string' || typeof i.sha256 !== 'string') return 'an input has the wrong shape';
  return null;
}

/** A segment file of dataset.bin: its name (`dataset/<name>.bin`) and how many papers it holds. */
export interface SegmentRef {
  name: string;
  count: number;
}

/**
 * dataset.bin's payload: the snapshot with its papers in segment files, each paper's stub and
 * search-document key (`docKeyOf`), in dataset order, and its author table as strings alone
 * (`readAuthorTable` parses the records back from the lines).
 */
type StoredSnapshot = Omit<DatasetSnapshot, 'papers' | 'authors'> & {
  segments: SegmentRef[];
  stubs: PaperStub[];
  docKeys: string[];
  authors: { lines: string[]; uses: string[] };
};

/** Why `value` is not dataset.bin's payload (its segment list, stubs and keys), or null; the rest is checked with the papers (`checkSnapshot`). */
function checkStored(value: unknown): string | null {
  const stored = value as StoredSnapshot | null;
  const segments = stored?.segments;
  if (!Array.isArray(segments)) return 'no segment list';
  for (const s of segments) if (typeof s?.name !== 'string' || !/^[0-9a-f]{16}$/u.test(s.name) || !Number.isInteger(s.count)) return 'a segment has the wrong shape';
  const papers = segments.reduce((sum, s) => sum + s.count, 0);
  if (!Array.isArray(stored!.stubs) || stored!.stubs.length !== papers) return 'the stubs do not match the segments';
  if (!Array.isArray(stored!.docKeys) || stored!.docKeys.length !== papers || stored!.docKeys.some((k) => typeof k !== 'string')) return 'the document keys do not match the segments';
  const authors = stored!.authors;
  if (!Array.isArray(authors?.lines) || !Array.isArray(authors.uses) || authors.lines.some((l) => typeof l !== 'string') || authors.uses.some((u) => typeof u !== 'string')) return 'no author lines';
  for (const p of stored!.stubs) if (typeof p?.title !== 'string' || typeof p.history !== 'boolean' || !Number.isInteger(p.authorKeys)) return 'a stub has the wrong shape';
  return null;
}

/** A staged write of the dataset snapshot (`DatasetCache#stage`). */
export type StagedDataset = StagedFile;

export class DatasetCache {
  /** The files found corrupt or foreign, with why (paths relative to the cache folder). */
  readonly discarded: CacheProblem[] = [];
  /** dataset.bin (absolute), or null when the layer lives in memory only (`--no-cache`). */
  readonly file: string | null;
  private readonly dir: string | null;
  private value: DatasetSnapshot | null = null;
  /** The segments the loaded snapshot's papers came from, newest first (kept after `release`). */
  private segments: SegmentRef[] = [];
  /** Their papers' lines (`JsonLines#body`), or null when no snapshot was loaded. */
  private bodies: Buffer[] | null = null;

  constructor(
    /** The absolute cache folder, or null. */
    cacheDir: string | null,
    /** The pipeline's version (package version + code fingerprint): a snapshot of other code is not used. */
    private readonly version: string,
  ) {
    this.file = cacheDir === null ? null : path.join(cacheDir, 'dataset.bin');
    this.dir = cacheDir === null ? null : path.join(cacheDir, 'dataset');
  }

  /** Reads dataset.bin and the segments it lists, if they are usable. */
  async load(): Promise<void> {
    if (this.file === null || this.dir === null) return;
    const discard = (p: CacheProblem) => this.discarded.push(p);
    const stored = await readVersionedFile<StoredSnapshot>(this.file, DATASET_FORMAT, this.version, checkStored, discard);
    if (stored === null) return;
    const parts = await Promise.all(stored.segments.map((s) => this.readSegment(s)));
    const problem = parts.find((p): p is string => typeof p === 'string');
    if (problem !== undefined) {
      discard({ file: 'dataset.bin', reason: problem });
      return;
    }
    const { segments, stubs, docKeys, authors: authorStrings, ...rest } = stored;
    let authors: AuthorTable;
    try {
      authors = readAuthorTable(authorStrings.lines, authorStrings.uses);
    } catch (error) {
      discard({ file: 'dataset.bin', reason: `payload has the wrong shape (${(error as Error).message})` });
      return;
    }
    const papers: Paper[] = [];
    (parts as JsonLines[]).forEach((source, k) => {
      for (let i = 0; i < segments[k]!.count; i++) {
        const paper = new LazyPaper(stubs[papers.length]!, source, i);
        noteDocKey(paper, docKeys[papers.length]!);
        papers.push(paper);
      }
    });
    const snapshot: DatasetSnapshot = { ...rest, papers, authors };
    const wrong = checkSnapshot(snapshot);
    if (wrong !== null) {
      discard({ file: 'dataset.bin', reason: `payload has the wrong shape (${wrong})` });
      return;
    }
    this.value = snapshot;
    this.segments = segments;
    this.bodies = (parts as JsonLines[]).map((lines) => lines.body);
  }

  /**
   * papers.json's bytes, in parts, as the loaded snapshot's run published it: the segments hold
   * its papers' lines (`papersJsonOf`; pipeline/steps/enrich.ts puts a newest digest's lines in
   * front). Null when no snapshot was loaded. Kept after `release`.
   */
  publishedPapersJson(): Buffer[] | null {
    return this.bodies && papersJsonOf(this.bodies);
  }

  /** A segment's papers (each parsed when read), or why it cannot be used. */
  private async readSegment(ref: SegmentRef): Promise<JsonLines | string> {
    const name = `dataset/${ref.name}.bin`;
    const bytes = readWholeFile(path.join(this.dir!, `${ref.name}.bin`));
    if (bytes === null) return `${name} is missing`;
    const check = (h: { version?: unknown; count?: unknown }) => (h.version !== this.version ? `${name} is of another version` : h.count !== ref.count ? `${name} does not hold ${ref.count} papers` : null);
    const decoded = decodeCacheFile<{ format?: unknown; version?: unknown; count?: unknown }>(bytes, SEGMENT_FORMAT, check, (body) => body);
    if ('stale' in decoded) return `${name} was written by another Node version`;
    if ('problem' in decoded) return `${name}: ${decoded.problem}`;
    try {
      return new JsonLines(decoded.payload as Buffer, ref.count, name);
    } catch (error) {
      return (error as Error).message;
    }
  }

  /** What the last run wrote, or null (none, unusable, or released). */
  get previous(): DatasetSnapshot | null {
    return this.value;
  }

  /** Forgets what was loaded (the segment list stays, for `stage`). */
  release(): void {
    this.value = null;
  }

  /**
   * `value`, to write once the run has published; null when memory only. `front`: how many of
   * its papers were put in front of the loaded snapshot's, which are the rest of `value.papers`
   * (`prependDataset`): those go in a segment of their own, in front of the loaded segments, up
   * to MAX_SEGMENTS. Null: every paper in one segment. `papersJson`: papers.json's bytes in
   * parts (`datasetArtifacts`) for `value.papers`, whose body such a segment then is.
   */
  stage(value: DatasetSnapshot, front: number | null = null, papersJson: readonly Uint8Array[] | null = null): StagedDataset | null {
    const { file, dir } = this;
    if (file === null || dir === null) return null;
    const reuse = front !== null && this.segments.length > 0 && this.segments.length < MAX_SEGMENTS;
    const header = { format: DATASET_FORMAT, version: this.version };
    let encoded: { segment: { name: string; bytes: Buffer } | null; list: SegmentRef[]; bytes: Buffer } | null = null;
    const encode = () => {
      if (encoded) return encoded;
      const papers = reuse ? value.papers.slice(0, front!) : value.papers;
      let segment: { name: string; bytes: Buffer } | null = null;
      if (papers.length > 0 || !reuse) {
        // Every paper: papers.json's body when given (the same lines), else each one's JSON.
        const lines = !reuse && papersJson ? papersJsonBody(Buffer.concat(papersJson)) : jsonLinesOf(papers);
        const bytes = encodeCacheFile({ format: SEGMENT_FORMAT, version: this.version, count: papers.length }, lines, (body) => body);
        segment = { name: sha256(bytes).slice(0, 16), bytes };
      }
      const list = [...(segment ? [{ name: segment.name, count: papers.length }] : []), ...(reuse ? this.segments : [])];
      const { papers: all, authors, ...rest } = value;
      const stored: StoredSnapshot = {
        ...rest,
        segments: list,
        stubs: all.map(paperStub),
        docKeys: all.map((p) => docKeyOf(p)),
        authors: { lines: authors.lines, uses: authors.uses },
      };
      return (encoded = { segment, list, bytes: encodeCacheFile(header, stored) });
    };
    return {
      prepare: () => void encode(),
      write: async () => {
        const { segment, list, bytes } = encode();
        if (segment) await writeCacheBytes(path.join(dir, `${segment.name}.bin`), segment.bytes);
        await writeCacheBytes(file, bytes);
        // Then every segment dataset.bin no longer lists (a killed run leaves the last one whole).
        const keep = new Set(list.map((s) => `${s.name}.bin`));
        for (const name of await readdir(dir).catch(() => [] as string[])) {
          if (!keep.has(name)) await rm(path.join(dir, name), { force: true });
        }
      },
    };
  }
}

/** The snapshot as src/dataset.ts extends it (`canPrepend`, `prependDataset`). */
export function datasetBase(snapshot: DatasetSnapshot): DatasetBase {
  return {
    papers: snapshot.papers,
    authorTable: snapshot.authors,
    latestDate: snapshot.dates[snapshot.dates.length - 1] ?? '',
    ids: new Set(snapshot.papers.map((p) => p.id)),
  };
}
