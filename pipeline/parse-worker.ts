/** Worker thread of the parse step: parses the files it is sent and answers with their results. */
import { parentPort } from 'node:worker_threads';
import type { ParsedFile } from './cache.ts';
import { parseBytes } from './parse-core.ts';

export interface ParseJob {
  index: number;
  path: string;
  inputDir: string;
  bytes: Uint8Array;
}

export interface ParseAnswer {
  index: number;
  result: ParsedFile;
}

parentPort?.on('message', (job: ParseJob) => {
  const answer: ParseAnswer = { index: job.index, result: parseBytes(job.bytes, job.path, job.inputDir) };
  parentPort?.postMessage(answer);
});
