// pipeline/steps/parse.ts
import pLimit from "p-limit";
import { documentsForEntries, VectorBatcher, VectorBatchReader } from "../parse/vectors.js";
import { restoreMessages } from "../report/diagnostics.js";
async function parseStep(ctx, { inputs, workers }) {
  try {
    return await parseInputs(ctx, inputs, workers);
  } finally {
    await workers.close();
  }
}
async function parseInputs(ctx, read, pool) {
  const { parse: cache, vectors } = ctx.caches;
  const results = new Array(read.length).fill(null);
  const keys = new Array(read.length).fill(null);
  const limit = pLimit(ctx.config.concurrency);
  await Promise.all(
    read.map(
      (input, index) => limit(async () => {
        if (!cache || input.sha256 === null) return;
        const key = cache.key(input.path, input.sha256);
        keys[index] = key;
        const hit = await cache.get(key, input.path);
        if (hit) results[index] = hit;
      })
    )
  );
  const jobs = [];
  let jobBytes = 0;
  read.forEach((input, index) => {
    if (results[index] || input.bytes === null) return;
    jobs.push({ index, path: input.path, inputDir: ctx.config.inputDir, bytes: input.bytes, vectors: vectors !== null });
    jobBytes += input.bytes.byteLength;
  });
  let done = read.length - jobs.length;
  const total = read.length;
  ctx.logger.progress("parse", done, total);
  const workers = await pool.countFor(jobs.length, jobBytes);
  if (workers === 0) await pool.close();
  const stores = [];
  const store = (index, result) => {
    const key = keys[index];
    if (!cache || !key) return;
    stores.push(
      limit(() => cache.set(key, read[index].path, result)).catch((error) => {
        ctx.logger.warn(`cache: could not save the parse of ${read[index].path}: ${error instanceof Error ? error.message : String(error)}`);
      })
    );
  };
  const accept = (index, result, table, inWorker) => {
    results[index] = result;
    store(index, result);
    if (table && vectors) table.keys.forEach((key, row) => vectors.offer(key, { table, row }, inWorker));
    ctx.logger.progress("parse", ++done, total);
  };
  let parsedOnMain = 0;
  const { parseBytes } = jobs.length > 0 ? await import("../parse/core.js") : { parseBytes: null };
  if (workers > 0) {
    const readers = [];
    const local = { batcher: new VectorBatcher(), reader: new VectorBatchReader() };
    await pool.run(
      jobs,
      workers,
      (answer, worker) => {
        const table = answer.vectors && vectors ? (readers[worker] ??= new VectorBatchReader()).read(answer.vectors) : null;
        accept(answer.index, answer.result, table, true);
      },
      (job) => {
        const result = parseBytes(job.bytes, job.path, job.inputDir);
        const table = vectors ? local.reader.read(local.batcher.encode(documentsForEntries(result.entries))) : null;
        parsedOnMain++;
        accept(job.index, result, table, false);
      }
    );
  } else if (jobs.length > 0) {
    parsedOnMain = jobs.length;
    for (const job of jobs) {
      accept(job.index, parseBytes(job.bytes, job.path, job.inputDir), null, false);
      if (done % 32 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }
  await Promise.all(stores);
  const entries = [];
  read.forEach((input, index) => {
    input.bytes = null;
    const result = results[index];
    if (!result) return;
    restoreMessages(ctx.file(input.path), result.messages);
    for (const entry of result.entries) entries.push(entry);
  });
  const unreadable = read.filter((r) => r.sha256 === null).length;
  return {
    value: entries,
    counts: { entries: entries.length, cached: read.length - jobs.length - unreadable, parsed: jobs.length, workers, parsedOnMain }
  };
}
export {
  parseStep
};
//# sourceMappingURL=parse.js.map
