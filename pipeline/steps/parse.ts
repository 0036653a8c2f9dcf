/**
 * Step 2: read every input (p-limit), hash it, take unchanged files from the incremental cache,
 * parse the rest (in worker threads when there are enough of them to pay for starting workers),
 * and merge the results in input order, so the output never depends on scheduling.
 * A file that cannot be read gets a fatal diagnostic; the run goes on with the others.
 */
import { readFileSync } from 'node:fs';
import { fatal } from '../../src/message.ts';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BuildResult } from 'esbuild';
import pLimit from 'p-limit';
import type { DigestEntry } from '../../src/types.ts';
import type { ParseCache, ParsedFile, VectorCache } from '../cache/cache.ts';
import { sha256 } from '../cache/cache.ts';
import type { StepContext } from '../context.ts';
import { restoreMessages } from '../report/diagnostics.ts';
import type { InputFile } from './discover.ts';
import type { ParseAnswer, ParseJob } from '../parse/worker.ts';
import { VectorBatchReader } from '../parse/vectors.ts';

export interface ReadInput extends InputFile {
  /** null when the file could not be read (a fatal diagnostic was attached). */
  bytes: Uint8Array | null;
  sha256: string | null;
  size: number;
}

export interface ParseStats {
  files: number;
  bytes: number;
  unreadable: number;
  cacheHits: number;
  cacheMisses: number;
  parsed: number;
  workers: number;
  entries: number;
}

export interface ParseOptions {
  /** The incremental cache; null or absent = parse everything (`--no-cache`). */
  cache?: ParseCache | null;
  /** Inputs already read by `readInputs` (the orchestrator reads them once for the fast path). */
  read?: ReadInput[];
  /** Worker threads: 'auto' (default) decides from the amount of work, 0 parses on the main thread. */
  workers?: number | 'auto';
  /** Filled with counts for the report. */
  stats?: Partial<ParseStats>;
  /** Workers started ahead (the step uses and closes them; it closes them unused too). */
  started?: ParseWorkers | null;
  /**
   * The index's term vectors: parse workers also analyze the papers they parse and offer the
   * vectors here (the main thread, which would otherwise analyze them later, stays free).
   */
  vectors?: VectorCache | null;
}

const READ_ERRORS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a folder, not a file',
  ENOENT: 'it disappeared while the pipeline ran',
  ELOOP: 'too many symbolic links',
  EIO: 'input/output error',
};

/**
 * Reads and hashes every input; an unreadable one gets a fatal message and `bytes: null`.
 * Reads are synchronous, in order: for thousands of small files that is two to three times
 * faster than promise-based reads through libuv's thread pool (which only moves the same
 * system calls to other threads); the event loop gets a turn every 256 files.
 */
export async function readInputs(ctx: StepContext, files: readonly InputFile[]): Promise<ReadInput[]> {
  const out: ReadInput[] = [];
  for (const [i, f] of files.entries()) {
    try {
      const bytes = readFileSync(f.abs);
      out.push({ ...f, bytes, sha256: sha256(bytes), size: bytes.byteLength });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'EUNKNOWN';
      const why = READ_ERRORS[code] ?? (error instanceof Error ? error.message : String(error));
      fatal(ctx.file(f.path), `Cannot read file: ${why} (${code})`, {
        place: { line: 1, column: 1 },
        ruleId: 'unreadable-file',
        source: 'pipeline:parse',
      });
      out.push({ ...f, bytes: null, sha256: null, size: 0 });
    }
    ctx.logger.progress('read', i + 1, files.length);
    if (i % 256 === 255) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return out;
}

/**
 * The parse worker as one CommonJS script, bundled by esbuild from pipeline/parse/worker.ts
 * (once per process). A worker booted from it answers in about 0.2 s; booted through tsx's
 * loader it took 0.6 s and spent that time compiling TypeScript on a core the other worker
 * needs. null when bundling failed: the workers then boot through tsx instead.
 */
let bundled: Promise<string | null> | null = null;

/** esbuild's bundle of the parse worker (exported for a test: it must bundle without warnings). */
export async function bundleParseWorker(): Promise<BuildResult<{ write: false }>> {
  const { build } = await import('esbuild');
  return build({
    entryPoints: [fileURLToPath(new URL('../parse/worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
}

function bundledWorker(): Promise<string | null> {
  bundled ??= bundleParseWorker()
    .then((result) => result.outputFiles[0]?.text ?? null)
    .catch(() => null);
  return bundled;
}

/**
 * Parse worker threads started ahead of the parse step, so that their boot overlaps reading the
 * inputs when a cold run is likely.
 */
export class ParseWorkers {
  private constructor(private readonly ready: Promise<Worker[]>) {
    ready.catch(() => undefined); // surfaced by `workers()`
  }

  static start(count: number): ParseWorkers {
    return new ParseWorkers(
      bundledWorker().then((code) =>
        Array.from({ length: count }, () => {
          if (code !== null) return new Worker(code, { eval: true });
          const boot = new URL('../parse/worker-boot.mjs', import.meta.url);
          return new Worker(boot, { workerData: { entry: new URL('../parse/worker.ts', import.meta.url).href } });
        }),
      ),
    );
  }

  /** The workers, once started. */
  workers(): Promise<Worker[]> {
    return this.ready;
  }

  /** How many workers to start for a run over `files` inputs, before their sizes are known. */
  static countFor(files: number, option: number | 'auto' = 'auto'): number {
    if (typeof option === 'number') return Math.max(0, Math.floor(option));
    const cores = availableParallelism();
    return cores < 2 || files < workerThreshold(cores).files ? 0 : Math.min(cores, 4);
  }

  async close(): Promise<void> {
    const workers = await this.ready.catch(() => [] as Worker[]);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Parses `jobs` in `count` worker threads; answers land at their index whatever the order. */
async function parseInWorkers(
  jobs: ParseJob[],
  count: number,
  onDone: (answer: ParseAnswer, worker: number) => void,
  started: ParseWorkers | null,
): Promise<void> {
  let next = 0;
  const run = (worker: Worker, index: number): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      let inFlight = 0;
      const feed = (): void => {
        // Two jobs in flight per worker keep it busy while an answer travels back.
        while (inFlight < 2 && next < jobs.length) {
          worker.postMessage(jobs[next++]!);
          inFlight++;
        }
        if (inFlight === 0) resolve();
      };
      worker.on('message', (answer: ParseAnswer) => {
        inFlight--;
        onDone(answer, index);
        feed();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => {
        if (inFlight > 0 || next < jobs.length) reject(new Error(`parse worker exited with code ${code}`));
      });
      feed();
    });
  const pool = started ?? ParseWorkers.start(count);
  try {
    await Promise.all((await pool.workers()).slice(0, count).map(run));
  } finally {
    await pool.close();
  }
}

/**
 * Bytes to parse before worker threads pay off. A worker boots in about 0.2 s (bundled) and then
 * warms up its own JIT, and on two cores (often two hyperthreads of one core, as on the machine
 * this was measured on) two workers parse barely faster than one thread: on the real corpus
 * (9.6 MB) a cold run took a median 10.1 s with two workers against 9.8 s on the main thread
 * (five runs each, interleaved), while at 10x (96 MB) the workers win clearly. With four or more
 * cores the break-even is much lower.
 */
export function workerThreshold(cores = availableParallelism()): { bytes: number; files: number } {
  return cores >= 4 ? { bytes: 3_000_000, files: 64 } : { bytes: 24_000_000, files: 800 };
}

function workerCount(option: ParseOptions['workers'], jobs: number, bytes: number): number {
  if (typeof option === 'number') return Math.max(0, Math.floor(option));
  const cores = availableParallelism();
  const threshold = workerThreshold(cores);
  if (cores < 2 || jobs < threshold.files || bytes < threshold.bytes) return 0;
  return Math.min(cores, 4, Math.ceil(bytes / 1_500_000));
}

export async function parseStep(
  ctx: StepContext,
  files: InputFile[],
  options: ParseOptions = {},
): Promise<DigestEntry[]> {
  try {
    return await parseFiles(ctx, files, options);
  } finally {
    // Workers started ahead are closed whatever happened (a live worker keeps the process up).
    await options.started?.close();
  }
}

async function parseFiles(ctx: StepContext, files: InputFile[], options: ParseOptions): Promise<DigestEntry[]> {
  const cache = options.cache ?? null;
  const read = options.read ?? (await readInputs(ctx, files));
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
    jobs.push({ index, path: input.path, inputDir: ctx.config.inputDir, bytes: input.bytes, vectors: Boolean(options.vectors) });
    jobBytes += input.bytes.byteLength;
  });

  let done = read.length - jobs.length;
  const total = read.length;
  ctx.logger.progress('parse', done, total);
  const started = options.started ?? null;
  let workers = workerCount(options.workers, jobs.length, jobBytes);
  if (started) {
    workers = Math.min(workers, (await started.workers()).length);
    if (workers === 0) await started.close();
  }
  // New results go to the cache as they arrive (while the workers go on parsing).
  const stores: Promise<void>[] = [];
  const store = (index: number, result: ParsedFile): void => {
    const key = keys[index];
    if (!cache || !key) return;
    stores.push(
      limit(() => cache.set(key, read[index]!.path, result)).catch((error: unknown) => {
        // A cache that cannot be written costs speed next time, never this run's output.
        (ctx.logger.warn ?? ctx.logger.info).call(ctx.logger, `cache: could not save the parse of ${read[index]!.path}: ${error instanceof Error ? error.message : String(error)}`);
      }),
    );
  };
  if (workers > 0) {
    const readers: VectorBatchReader[] = [];
    await parseInWorkers(
      jobs,
      workers,
      (answer, worker) => {
        results[answer.index] = answer.result;
        store(answer.index, answer.result);
        if (answer.vectors && options.vectors) {
          const table = (readers[worker] ??= new VectorBatchReader()).read(answer.vectors);
          table.keys.forEach((key, row) => options.vectors!.offer(key, { table, row }));
        }
        ctx.logger.progress('parse', ++done, total);
      },
      started,
    );
  } else if (jobs.length > 0) {
    const { parseBytes } = await import('../parse/core.ts');
    for (const job of jobs) {
      const result = parseBytes(job.bytes, job.path, job.inputDir);
      results[job.index] = result;
      store(job.index, result);
      ctx.logger.progress('parse', ++done, total);
      // Let the event loop breathe (progress redraws, signals) on long runs.
      if (done % 32 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  await Promise.all(stores);

  // Ordered merge: input order, then the parser's order within a file.
  const entries: DigestEntry[] = [];
  read.forEach((input, index) => {
    const result = results[index];
    if (!result) return;
    restoreMessages(ctx.file(input.path), result.messages);
    for (const entry of result.entries) entries.push(entry);
  });

  if (options.stats) {
    Object.assign(options.stats, {
      files: read.length,
      bytes: read.reduce((sum, r) => sum + r.size, 0),
      unreadable: read.filter((r) => r.bytes === null).length,
      cacheHits: read.length - jobs.length - read.filter((r) => r.bytes === null).length,
      cacheMisses: jobs.length,
      parsed: jobs.length,
      workers,
      entries: entries.length,
    } satisfies ParseStats);
  }
  return entries;
}
