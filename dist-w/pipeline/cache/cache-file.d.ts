/** A cache file that was not trusted: its path relative to the cache folder, and why. */
export interface CacheProblem {
    file: string;
    reason: string;
}
/** sha256 of a string (as UTF-8) or bytes, as 64 lowercase hex digits. */
export declare function sha256(data: string | Uint8Array): string;
/** A cache file's bytes: `header` (plus v8, sha256, length) as a JSON line, then `value` serialized. */
export declare function encodeCacheFile(header: object, value: unknown): Buffer;
/** A decoded cache file, a problem to report (with the reason), or a stale file to ignore. */
export type Decoded<H> = {
    header: H;
    payload: unknown;
} | {
    problem: string;
} | {
    stale: true;
};
/**
 * Splits and checks a cache file read as bytes: its header must be JSON of `format`, pass the
 * layer's own `check` (null = fine, else the problem; `'stale'` = not used, not reported), come
 * from this V8 version, and match the payload's length and sha256, before it is deserialized.
 */
export declare function decodeCacheFile<H extends {
    format?: unknown;
    sha256?: unknown;
    length?: unknown;
    v8?: unknown;
}>(bytes: Buffer, format: string, check: (header: H) => string | 'stale' | null): Decoded<H>;
/**
 * Writes a file under a temporary name in its folder, then renames it over `file` (atomic on
 * one file system), so that a killed run never leaves a half-written entry. Synchronous: each
 * call is three system calls with nothing to wait for, against write-file-atomic's dozen
 * (realpath, stat, chmod, an exit handler per write...): 2 s of CPU against 0.15 s for the
 * 3,570 entries of a 10x cold run, measured on two cores. A killed run can leave a `*.tmp` file;
 * `ParseCache#prune` removes it with the other unused names.
 */
export declare function writeEntryFile(file: string, bytes: Uint8Array): void;
//# sourceMappingURL=cache-file.d.ts.map