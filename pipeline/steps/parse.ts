/**
 * Step "parse": take unchanged files from the incremental cache, parse the rest (on the main
 * thread, joined by worker threads, pipeline/parse/pool.ts, when there are enough of them to pay
 * for starting workers), and merge the results in input order, so the output never depends on
 * scheduling. With workers, the main thread and the workers also analyze each file's papers for
 * the search index while they parse (pipeline/parse/vectors.ts), so the index step mostly assembles.
 */
import pLimit from 'p-limit';
import { canPrepend } from '../../src/dataset.ts';
import type { DigestEntry } from '../../src/types.ts';
import { datasetBase, type DatasetSnapshot } from '../cache/dataset-cache.ts';
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
  /** The last published run's dataset (pipeline/cache/dataset-cache.ts), or null. */
  snapshot?: DatasetSnapshot | null;
}

export interface ParseStepValue {
  /** The entries parsed: of every input, or with `base`, of the inputs `base` did not read. */
  entries: DigestEntry[];
  /**
   * The last run's dataset when the entries of the new inputs go in front of it (src/dataset.ts
   * `canPrepend`): its inputs were not parsed again, and their diagnostics are attached as it
   * recorded them. Null when `entries` are those of every input.
   */
  base: DatasetSnapshot | null;
}

/**
 * The inputs `snapshot` did not read, when every input it read is still there with the same
 * content (and every input could be read); null otherwise.
 */
function newInputs(snapshot: DatasetSnapshot, read: readonly ReadInput[]): ReadInput[] | null {
  if (read.some((r) => r.sha256 === null)) return null;
  const now = new Map(read.map((r) => [r.path, r.sha256]));
  if (snapshot.inputs.some((i) => now.get(i.path) !== i.sha256)) return null;
  const known = new Set(snapshot.inputs.map((i) => i.path));
  return read.filter((r) => !known.has(r.path));
}

/**
 * The entries of every input in input order, then the parser's order within a file; each file's
 * diagnostics are attached to its VFile. With a `snapshot` whose inputs are all still there
 * unchanged, the new inputs are parsed first, and when their entries can go in front of the
 * snapshot's dataset, only they are returned, with the snapshot as `base` (its inputs' parse
 * cache entries are kept, not read). Counts: `entries` (parsed or read from the parse cache),
 * `cached` (inputs not parsed: results from the parse cache or the snapshot), `parsed` (files
 * parsed in this run, the cache's misses), `fromDataset` (inputs taken from the snapshot),
 * `workers` (worker threads besides the main thread; 0 = main thread only) and `parsedOnMain`
 * (of the parsed files, those the main thread parsed).
 */
export async function parseStep(ctx: StepContext, { inputs, workers, snapshot = null }: ParseStepInput): Promise<StepResult<ParseStepValue>> {
  try {
    const added = snapshot && newInputs(snapshot, inputs);
    let fresh: Parsed | null = null;
    if (snapshot && added) {
      fresh = await parseInputs(ctx, added, workers);
      const entries = inOrder(added, fresh.results);
      if (canPrepend(datasetBase(snapshot), entries)) {
        const cache = ctx.caches.parse;
        attachMessages(ctx, added, fresh.results);
        for (const [file, messages] of snapshot.messages) restoreMessages(ctx.file(file), messages);
        for (const input of snapshot.inputs) cache?.keep(cache.key(input.path, input.sha256));
        const counts = { entries: entries.length, ...fresh.counts, cached: fresh.counts.cached + snapshot.inputs.length, fromDataset: snapshot.inputs.length };
        return { value: { entries, base: snapshot }, counts };
      }
      // Not in front of the last run's papers: the other inputs too, and every entry in input order.
    }
    const done = new Set(fresh ? added!.map((r) => r.path) : []);
    const rest = inputs.filter((r) => !done.has(r.path));
    const parsed = await parseInputs(ctx, rest, workers);
    const results = new Map([...(fresh?.results ?? []), ...parsed.results]);
    const entries = inOrder(inputs, results);
    attachMessages(ctx, inputs, results);
    const counts = { ...parsed.counts };
    if (fresh) for (const key of ['cached', 'parsed', 'parsedOnMain'] as const) counts[key] += fresh.counts[key];
    return { value: { entries, base: null }, counts: { entries: entries.length, ...counts, fromDataset: 0 } };
  } finally {
    await workers.close();
  }
}

/** The entries of `read` in input order, then the parser's order within a file. */
function inOrder(read: readonly ReadInput[], results: ReadonlyMap<string, ParsedFile>): DigestEntry[] {
  const entries: DigestEntry[] = [];
  for (const input of read) for (const entry of results.get(input.path)?.entries ?? []) entries.push(entry);
  return entries;
}

/** Attaches each file's parse diagnostics to its VFile. */
function attachMessages(ctx: StepContext, read: readonly ReadInput[], results: ReadonlyMap<string, ParsedFile>): void {
  for (const input of read) {
    const result = results.get(input.path);
    if (result) restoreMessages(ctx.file(input.path), result.messages);
  }
}

/** Each readable input's parse result (by path), and the counts of how they were found. */
interface Parsed {
  results: Map<string, ParsedFile>;
  counts: { cached: number; parsed: number; workers: number; parsedOnMain: number };
}

async function parseInputs(ctx: StepContext, read: ReadInput[], pool: ParseWorkers): Promise<Parsed> {
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

  const found = new Map<string, ParsedFile>();
  read.forEach((input, index) => {
    input.bytes = null; // parsed: let the bytes go
    const result = results[index];
    if (result) found.set(input.path, result);
  });
  const unreadable = read.filter((r) => r.sha256 === null).length;
  return { results: found, counts: { cached: read.length - jobs.length - unreadable, parsed: jobs.length, workers, parsedOnMain } };
}
