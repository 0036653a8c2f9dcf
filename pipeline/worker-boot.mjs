// Starts a TypeScript worker through tsx (Node 20 does not pass tsx's loader hooks to worker
// threads). Only a fallback: workers normally boot from an esbuild bundle (pipeline/threads.ts).
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
