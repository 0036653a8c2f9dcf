import type { ParsedFile } from '../cache/parse-cache.ts';
export declare function parseBytes(bytes: Uint8Array, relPath: string, inputDir: string): ParsedFile;
//# sourceMappingURL=core.d.ts.map