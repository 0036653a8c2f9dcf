// Starts a TypeScript worker: Node 20 does not pass tsx's loader hooks to worker threads.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
