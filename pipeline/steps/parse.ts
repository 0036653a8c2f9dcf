/**
 * Step "parse": take unchanged files from the incremental cache, parse the rest (on the main
 * thread, joined by worker threads, pipeline/parse/pool.ts, when there are enough of them to pay
 * for starting workers), and merge the results in input order, so the output never depends on
 * scheduling. With workers, the main thread and the workers also analyze each file's papers for
 * the search index while they parse (pipeline/parse/vectors.ts), so the index step mostly assembles.
 */
import pLimit from 'p-limit';
import type { DigestEntry } from '../../src/types.ts';
import type { ParsedFile } from '../cache/parse-cache.ts';
import type { StepContext, StepResult } from '../context.ts';
import type { ParseWorkers } from '../parse/pool.ts';
import { documentsForEntries, VectorBatcher, VectorBatchReader } from '../parse/vectors.ts';
import type { ParseJob } from '../parse/worker.ts';
import type { VectorTable } from '../../src/search/vectors.ts';
import { restoreMessages } from '../report/diagnostics.ts';
import type { ReadInput } from './read.ts';

export interface ParseStepInput {
  /**
   * The read step's inputs. The step takes their bytes over: it drops them (sets `bytes` to
   * null) once every file is parsed, so that the inputs do not stay in memory for the run.
   */
  inputs: ReadInput[];
  /** The run's parse workers (perhaps booted ahead); the step closes them when it is done. */
  workers: ParseWorkers;
}

/**
 * The entries of every input in input order, then the parser's order within a file; each file's
 * diagnostics are attached to its VFile. Counts: `entries`, `cached` (results from the parse
 * cache), `parsed` (files parsed in this run, the cache's misses), `workers` (worker threads
 * besides the main thread; 0 = main thread only) and `parsedOnMain` (of the parsed files, those
 * the main thread parsed).
 */
export async function parseStep(ctx: StepContext, { inputs, workers }: ParseStepInput): Promise<StepResult<DigestEntry[]>> {
  try {
    return await parseInputs(ctx, inputs, workers);
  } finally {
    await workers.close();
  }
}

async function parseInputs(ctx: StepContext, read: ReadInput[], pool: ParseWorkers): Promise<StepResult<DigestEntry[]>> {
  const { parse: cache, vectors } = ctx.caches;
  const results: (ParsedFile | null)[] = new Array<ParsedFile | null>(read.length).fill(null);
  const keys: (string | null)[] = new Array<string | null>(read.length).fill(null);
  const limit = pLimit(ctx.config.concurrency);

  // Cache lookups.
  await Promise.all(
    read.map((input, index) =>
      limit(async () => {
        if (!cache || input.sha256 === null) return;
        const key = cache.key(input.path, input.sha256);
        keys[index] = key;
        const hit = await cache.get(key, input.path);
        if (hit) results[index] = hit;
      }),
    ),
  );

  const jobs: ParseJob[] = [];
  let jobBytes = 0;
  read.forEach((input, index) => {
    if (results[index] || input.bytes === null) return;
    jobs.push({ index, path: input.path, inputDir: ctx.config.inputDir, bytes: input.bytes, vectors: vectors !== null });
    jobBytes += input.bytes.byteLength;
  });

  let done = read.length - jobs.length;
  const total = read.length;
  ctx.logger.progress('parse', done, total);
  const workers = await pool.countFor(jobs.length, jobBytes);
  if (workers === 0) await pool.close();
  // New results go to the cache as they arrive (while the workers go on parsing).
  const stores: Promise<void>[] = [];
  const store = (index: number, result: ParsedFile): void => {
    const key = keys[index];
    if (!cache || !key) return;
    stores.push(
      limit(() => cache.set(key, read[index]!.path, result)).catch((error: unknown) => {
        // A cache that cannot be written costs speed next time, never this run's output.
        ctx.logger.warn(`cache: could not save the parse of ${read[index]!.path}: ${error instanceof Error ? error.message : String(error)}`);
      }),
    );
  };
  /** A file parsed (by a worker or the main thread): its result, into the cache; its papers' vectors, offered to the index step. */
  const accept = (index: number, result: ParsedFile, table: VectorTable | null, inWorker: boolean): void => {
    results[index] = result;
    store(index, result);
    if (table && vectors) table.keys.forEach((key, row) => vectors.offer(key, { table, row }, inWorker));
    ctx.logger.progress('parse', ++done, total);
  };
  let parsedOnMain = 0;
  const { parseBytes } = jobs.length > 0 ? await import('../parse/core.ts') : { parseBytes: null };
  if (workers > 0) {
    const readers: VectorBatchReader[] = [];
    // The main thread's papers are analyzed the way a worker's are, over its own dictionary.
    const local = { batcher: new VectorBatcher(), reader: new VectorBatchReader() };
    await pool.run(
      jobs,
      workers,
      (answer, worker) => {
        const table = answer.vectors && vectors ? (readers[worker] ??= new VectorBatchReader()).read(answer.vectors) : null;
        accept(answer.index, answer.result, table, true);
      },
      (job) => {
        const result = parseBytes!(job.bytes, job.path, job.inputDir);
        const table = vectors ? local.reader.read(local.batcher.encode(documentsForEntries(result.entries))) : null;
        parsedOnMain++;
        accept(job.index, result, table, false);
      },
    );
  } else if (jobs.length > 0) {
    parsedOnMain = jobs.length;
    for (const job of jobs) {
      accept(job.index, parseBytes!(job.bytes, job.path, job.inputDir), null, false);
      // Let the event loop breathe (progress redraws, signals) on long runs.
      if (done % 32 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  await Promise.all(stores);

  // Ordered merge: input order, then the parser's order within a file.
  const entries: DigestEntry[] = [];
  read.forEach((input, index) => {
    input.bytes = null; // parsed: let the bytes go
    const result = results[index];
    if (!result) return;
    restoreMessages(ctx.file(input.path), result.messages);
    for (const entry of result.entries) entries.push(entry);
  });

  const unreadable = read.filter((r) => r.sha256 === null).length;
  return {
    value: entries,
    counts: { entries: entries.length, cached: read.length - jobs.length - unreadable, parsed: jobs.length, workers, parsedOnMain },
  };
}
