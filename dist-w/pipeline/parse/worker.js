// pipeline/parse/worker.ts
import { parentPort } from "node:worker_threads";
import { parseBytes } from "./core.js";
import { documentsForEntries, VectorBatcher } from "./vectors.js";
var batcher = new VectorBatcher();
parentPort?.on("message", (job) => {
  const result = parseBytes(job.bytes, job.path, job.inputDir);
  const answer = { index: job.index, result };
  if (job.vectors) answer.vectors = batcher.encode(documentsForEntries(result.entries));
  parentPort?.postMessage(answer);
});
//# sourceMappingURL=worker.js.map
