/**
 * Worker thread of the parse step: parses the files it is sent and answers with their results,
 * and, when asked, the term vectors of their papers for the search index (pipeline/parse/vectors.ts).
 */
import { parentPort } from 'node:worker_threads';
import type { ParsedFile } from '../cache/parse-cache.ts';
import { parseBytes } from './core.ts';
import { documentsForEntries, VectorBatcher, type VectorBatch } from './vectors.ts';

export interface ParseJob {
  index: number;
  path: string;
  inputDir: string;
  bytes: Uint8Array;
  /** Also analyze the papers for the search index. */
  vectors?: boolean;
}

export interface ParseAnswer {
  index: number;
  result: ParsedFile;
  vectors?: VectorBatch;
}

const batcher = new VectorBatcher();

parentPort?.on('message', (job: ParseJob) => {
  const result = parseBytes(job.bytes, job.path, job.inputDir);
  const answer: ParseAnswer = { index: job.index, result };
  if (job.vectors) answer.vectors = batcher.encode(documentsForEntries(result.entries));
  parentPort?.postMessage(answer);
});
