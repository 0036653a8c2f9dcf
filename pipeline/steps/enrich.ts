/**
 * Step "enrich": arXiv ids and links, the merge of a paper listed on several days or twice,
 * the dataset order and the author records. The rules live in src/papers.ts and src/authors.ts.
 * Also the dataset's own files, papers.json and authors.json (`datasetArtifacts`).
 */
import type { Dataset, DigestEntry } from '../../src/types.ts';
import { buildDataset } from '../../src/dataset.ts';
import type { StepContext, StepResult } from '../context.ts';
import type { PartedArtifact } from '../publish/artifact.ts';
import { notePaperJson } from '../cache/paper-digest.ts';

/** The dataset of these (author-normalized) entries; counts: `papers`, `authors`. */
export function enrichStep(ctx: StepContext, entries: readonly DigestEntry[]): StepResult<Dataset> {
  const dataset = buildDataset(entries, (entry, reason, ruleId) => {
    ctx.file(entry.source.file).message(reason, {
      place: { line: entry.source.line, column: entry.source.column },
      ruleId,
      source: 'pipeline:enrich',
    });
  });
  return { value: dataset, counts: { papers: dataset.papers.length, authors: dataset.authors.length } };
}

/**
 * papers.json (`{"papers":[...]}`) and authors.json (`{"authors":[...]}`) of a dataset. Each
 * paper's line is noted as its content (pipeline/cache/paper-digest.ts), for the caches keyed by it.
 */
export function datasetArtifacts(dataset: Dataset): PartedArtifact[] {
  return [
    { path: 'papers.json', data: jsonRecords('papers', dataset.papers, notePaperJson) },
    { path: 'authors.json', data: jsonRecords('authors', dataset.authors) },
  ];
}

/**
 * `{ "<key>": [...] }` with one record per line: valid JSON, compact at 10x scale, and a
 * one-paper change is a one-line diff. Encoded to UTF-8 in batches of 512 records, so that the
 * whole file never exists as one (UTF-16) string; the parts are written one after the other.
 * `note` sees each record with its line.
 */
function jsonRecords<T>(key: string, records: readonly T[], note?: (record: T, json: string) => void): Buffer[] {
  if (records.length === 0) return [Buffer.from(`{"${key}":[]}\n`)];
  const parts: Buffer[] = [Buffer.from(`{"${key}":[\n`)];
  const BATCH = 512;
  for (let start = 0; start < records.length; start += BATCH) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(records.length, start + BATCH); i++) {
      const line = JSON.stringify(records[i]);
      note?.(records[i]!, line);
      lines.push(line);
    }
    parts.push(Buffer.from((start === 0 ? '' : ',\n') + lines.join(',\n')));
  }
  parts.push(Buffer.from('\n]}\n'));
  return parts;
}
