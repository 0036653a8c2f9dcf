/**
 * Step "enrich": arXiv ids and links, the merge of a paper listed on several days or twice,
 * the dataset order and the author records. The rules live in src/papers.ts and src/authors.ts.
 * Also the dataset's own files, papers.json and authors.json (`datasetArtifacts`).
 */
import type { AuthorTable } from '../../src/authors.ts';
import type { Dataset, DigestEntry, Paper } from '../../src/types.ts';
import { buildDatasetWithTable, prependDataset, type Warn } from '../../src/dataset.ts';
import type { StepContext, StepResult } from '../context.ts';
import type { PartedArtifact } from '../publish/artifact.ts';
import { datasetBase, type DatasetSnapshot } from '../cache/dataset-cache.ts';
import { PAPERS_JSON_HEAD } from '../cache/lazy-paper.ts';
import { notePaperDigest, notePaperJson } from '../cache/paper-digest.ts';

export interface EnrichStepInput {
  /** The (author-normalized) entries: of every input, or with `base`, of the inputs it did not read. */
  entries: readonly DigestEntry[];
  /** The last run's dataset the entries' papers go in front of (pipeline/steps/parse.ts), or null. */
  base: DatasetSnapshot | null;
}

/** A dataset, with the author table its records are part of and, when it extends a base, the papers it put in front. */
export interface EnrichedDataset extends Dataset {
  authorTable: AuthorTable;
  /** With a base: the papers in front of the base's (the rest are the base's own objects); null when built from every entry. */
  added: Paper[] | null;
}

/**
 * The dataset of these entries, or of `base` with their papers in front (src/dataset.ts
 * `prependDataset`; the base papers' content digests are noted from the snapshot); counts:
 * `papers`, `authors`, `fromDataset` (papers taken from the base).
 */
export function enrichStep(ctx: StepContext, { entries, base }: EnrichStepInput): StepResult<EnrichedDataset> {
  const warn: Warn = (entry, reason, ruleId) => {
    ctx.file(entry.source.file).message(reason, {
      place: { line: entry.source.line, column: entry.source.column },
      ruleId,
      source: 'pipeline:enrich',
    });
  };
  let dataset: EnrichedDataset;
  if (base) {
    base.papers.forEach((p, i) => notePaperDigest(p, base.digests[i]!));
    dataset = prependDataset(datasetBase(base), entries, warn);
  } else {
    dataset = { ...buildDatasetWithTable(entries, warn), added: null };
  }
  const fromDataset = base ? base.papers.length : 0;
  return { value: dataset, counts: { papers: dataset.papers.length, authors: dataset.authors.length, fromDataset } };
}

/**
 * papers.json (`{"papers":[...]}`) and authors.json (`{"authors":[...]}`) of a dataset. Each
 * paper's line is noted as its content (pipeline/cache/paper-digest.ts), for the caches keyed by it.
 * With `published` (the bytes, in parts, of the papers.json published for the dataset's base:
 * pipeline/cache/dataset-cache.ts `publishedPapersJson`) and `dataset.added`, papers.json is
 * the added papers' lines in front of that file's: the same bytes, since each line is one paper.
 * With `dataset.authorTable`, authors.json's lines are the table's (src/authors.ts: an unchanged
 * author's line is the last run's), the same bytes as each record's JSON.
 */
export function datasetArtifacts(dataset: Dataset & { added?: Paper[] | null; authorTable?: AuthorTable }, published: readonly Buffer[] | null = null): [papers: { path: 'papers.json'; data: Buffer[] }, authors: PartedArtifact] {
  let papers: Buffer[];
  const base = dataset.added ? published : null;
  if (base && dataset.added!.length === 0) {
    papers = [...base];
  } else if (base && base[0]!.equals(Buffer.from(PAPERS_JSON_HEAD))) {
    // The added lines (without their closing line), a comma, then the published lines and closing line.
    papers = [...jsonRecords('papers', dataset.added!, notePaperJson).slice(0, -1), Buffer.from(',\n'), ...base.slice(1)];
  } else {
    papers = jsonRecords('papers', dataset.papers, notePaperJson); // encoded whole (or the base held no paper)
  }
  const lines = dataset.authorTable?.lines;
  return [
    { path: 'papers.json', data: papers },
    { path: 'authors.json', data: lines ? jsonLines('authors', lines.length, (i) => lines[i]!) : jsonRecords('authors', dataset.authors) },
  ];
}

/**
 * `{ "<key>": [...] }` with one record per line: valid JSON, compact at 10x scale, and a
 * one-paper change is a one-line diff. `note` sees each record with its line.
 */
function jsonRecords<T>(key: string, records: readonly T[], note?: (record: T, json: string) => void): Buffer[] {
  return jsonLines(key, records.length, (i) => {
    const line = JSON.stringify(records[i]);
    note?.(records[i]!, line);
    return line;
  });
}

/**
 * `{ "<key>": [...] }` with the `count` lines `line(i)`, encoded to UTF-8 in batches of 512
 * lines, so that the whole file never exists as one (UTF-16) string; the parts are written one
 * after the other.
 */
function jsonLines(key: string, count: number, line: (i: number) => string): Buffer[] {
  if (count === 0) return [Buffer.from(`{"${key}":[]}\n`)];
  const parts: Buffer[] = [Buffer.from(`{"${key}":[\n`)];
  const BATCH = 512;
  for (let start = 0; start < count; start += BATCH) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) lines.push(line(i));
    parts.push(Buffer.from((start === 0 ? '' : ',\n') + lines.join(',\n')));
  }
  parts.push(Buffer.from('\n]}\n'));
  return parts;
}
