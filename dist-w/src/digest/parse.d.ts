/**
 * Reading one Daily Papers digest file: text -> one entry per paper heading (`parseDigest`).
 * This module walks the file's top-level blocks and keeps track of the digest sections; a
 * paper's own block is read by src/digest/listing.ts. Decoding the bytes first is
 * src/digest/decode.ts. Pure: no `node:` imports, so it runs in worker threads and browsers.
 *
 * The format (see README):
 *
 *     ## Daily Papers (2024-04-05)            <- opens a digest; a file may hold several
 *     ### [Title](https://arxiv.org/abs/...)  <- opens a paper (src/digest/listing.ts)
 *     ...
 *
 * Other `##` (and `#`) sections (`## License`, ...) are not papers and are skipped.
 */
import type { VFile } from 'vfile';
import type { DigestEntry } from '../types.ts';
/** Is this YYYY-MM-DD a real (proleptic Gregorian) calendar date? Pure arithmetic; no clock, no time zone. */
export declare function isValidDate(s: string): boolean;
export interface ParseOptions {
    /** Parse the document in one piece instead of heading by heading (same result, slower; for tests). */
    whole?: boolean;
}
/**
 * Parse one digest file's text (as decodeDigest gives it) into entries, in source order.
 * Problems become messages on `file` (source `digest`); nothing throws. An empty file warns
 * (`empty-file`), a file without a `## Daily Papers (YYYY-MM-DD)` heading warns
 * (`no-digest-heading`).
 */
export declare function parseDigest(text: string, file: VFile, options?: ParseOptions): DigestEntry[];
//# sourceMappingURL=parse.d.ts.map