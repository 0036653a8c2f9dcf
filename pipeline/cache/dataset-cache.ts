/**
 * The dataset cache, `dataset.bin` under the cache folder: what the last published run's steps
 * "parse", "authors" and "enrich" made of its inputs (the merged papers, their content digests,
 * the author tally, every listing date and each input's diagnostics of those steps), with the
 * inputs it was made from. When a run's inputs are those inputs, unchanged, plus new files whose
 * listings all come after every listing of the last run and name only new papers (a new digest,
 * the newest: `canPrepend`, src/dataset.ts), the parse step parses the new files alone and the
 * enrich step puts their papers in front of the cached ones (`prependDataset`), instead of
 * reading every file's parse result and merging and counting every listing again. papers.json is
 * then the new papers' lines in front of the last published file's (`readPublishedPapersJson`).
 *
 * Same file format as the other whole-file layers (pipeline/cache/cache-file.ts), keyed by the
 * pipeline's code fingerprint (any change of the code makes it stale); written after the output
 * is in place, only by a run that publishes. A corrupt or foreign file is discarded with a
 * warning, and the dataset is built from every input as if there were none.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AuthorTally } from '../../src/authors.ts';
import type { DatasetBase } from '../../src/dataset.ts';
import type { Paper } from '../../src/types.ts';
import type { SerializedMessage } from '../report/diagnostics.ts';
import { WholeFileLayer, type StagedFile } from './cache-file.ts';

export const DATASET_FORMAT = 'daily-papers-dataset@1';

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
  /** The author tally the dataset's authors.json records came from (src/authors.ts). */
  tally: AuthorTally;
  /** Each input's diagnostics of the steps "parse", "authors" and "enrich" ([path, messages]), in input order. */
  messages: [string, SerializedMessage[]][];
  /** sha256 (hex) and size in bytes of the papers.json the run published. */
  papersJson: { sha256: string; size: number };
}

/** The header line every papers.json starts with (pipeline/steps/enrich.ts `jsonRecords`). */
export const PAPERS_JSON_HEAD = '{"papers":[\n';

/** Why `value` is not a `DatasetSnapshot` (its shape and the columns' lengths), or null. */
export function checkSnapshot(value: unknown): string | null {
  if (value === null || typeof value !== 'object') return 'not an object';
  const s = value as DatasetSnapshot;
  if (!Array.isArray(s.inputs) || !Array.isArray(s.papers) || !Array.isArray(s.digests) || !Array.isArray(s.dates) || !Array.isArray(s.messages)) {
    return 'missing inputs, papers, digests, dates or messages';
  }
  if (!(s.tally instanceof Map)) return 'the author tally is not a map';
  if (typeof s.entries !== 'number' || s.papers.length > s.entries) return 'wrong listing count';
  if (s.digests.length !== s.papers.length) return 'digests do not match the papers';
  if (s.messages.length !== s.inputs.length) return 'messages do not match the inputs';
  if (typeof s.papersJson?.sha256 !== 'string' || typeof s.papersJson.size !== 'number') return 'no papers.json record';
  for (const p of s.papers) if (typeof p?.id !== 'string' || typeof p.date !== 'string' || !Array.isArray(p.authors)) return 'a paper has the wrong shape';
  for (const i of s.inputs) if (typeof i?.path !== 'string' || typeof i.sha256 !== 'string') return 'an input has the wrong shape';
  return null;
}

/** A staged write of the dataset snapshot (`WholeFileLayer#stage`). */
export type StagedDataset = StagedFile;

export class DatasetCache extends WholeFileLayer<DatasetSnapshot> {
  constructor(
    /** The absolute cache folder, or null. */
    cacheDir: string | null,
    /** The pipeline's version (package version + code fingerprint): a snapshot of other code is not used. */
    version: string,
  ) {
    super(cacheDir === null ? null : path.join(cacheDir, 'dataset.bin'), DATASET_FORMAT, version, checkSnapshot);
  }
}

/** The snapshot as src/dataset.ts extends it (`canPrepend`, `prependDataset`). */
export function datasetBase(snapshot: DatasetSnapshot): DatasetBase {
  return {
    papers: snapshot.papers,
    tally: snapshot.tally,
    latestDate: snapshot.dates[snapshot.dates.length - 1] ?? '',
    ids: new Set(snapshot.papers.map((p) => p.id)),
  };
}

/**
 * The bytes of `file`, the papers.json the snapshot's run published, as the artifact writer found
 * it still unchanged (`ArtifactWriter#published`, with the snapshot's `papersJson`); null when
 * there is none, it cannot be read, or it does not start as papers.json does (then papers.json is
 * encoded whole).
 */
export async function readPublishedPapersJson(file: string | null, snapshot: DatasetSnapshot): Promise<Buffer | null> {
  if (file === null) return null;
  const bytes = await readFile(file).catch(() => null);
  if (!bytes || bytes.byteLength !== snapshot.papersJson.size || !bytes.subarray(0, PAPERS_JSON_HEAD.length).equals(Buffer.from(PAPERS_JSON_HEAD))) return null;
  return bytes;
}
