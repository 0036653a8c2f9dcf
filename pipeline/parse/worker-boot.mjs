// Starts the TypeScript parse worker through tsx (Node 20 does not pass tsx's loader hooks to worker
// threads). Only a fallback: the pool normally boots workers from an esbuild bundle (pipeline/parse/pool.ts).
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
