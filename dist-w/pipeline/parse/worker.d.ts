import type { ParsedFile } from '../cache/parse-cache.ts';
import { type VectorBatch } from './vectors.ts';
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
//# sourceMappingURL=worker.d.ts.map