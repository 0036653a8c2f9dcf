/**
 * Writes a built index (src/search/index-builder.ts) as JSON: search-index.json, and runs of
 * its term entries for the page's term chunks (pipeline/page/chunks.ts).
 *
 * search-index.json is exactly `JSON.stringify(miniSearch)` of a MiniSearch built with
 * `indexOptions` and the same documents added in the same order, with its terms sorted and the
 * analyzer version as the first key (test/src/search/index-builder.test.ts and the corpus test
 * compare the two byte for byte); `MiniSearch.loadJSON` loads it. The postings are copied as
 * bytes, so a 10x index never exists as one string.
 *
 * Pure: no `node:` imports.
 */
import type { BuiltIndex } from './index-builder.ts';
/** Term i's postings as JSON text. */
export declare function postingsText(index: BuiltIndex, i: number): string;
/** The length of term i's entry as JSON text (`["term",{postings}]`) in UTF-16 code units, without building it. */
export declare function entryLength(index: BuiltIndex, i: number, termJson?: string): number;
/**
 * `prefix` + the entries of terms [from, to) joined by commas + `suffix`, as UTF-8 bytes: what
 * `prefix + JSON.stringify(entries).slice(1, -1) + suffix` would encode to.
 */
export declare function entriesBytes(index: BuiltIndex, from: number, to: number, prefix?: string, suffix?: string): Uint8Array;
/**
 * The bytes of search-index.json: `JSON.stringify(miniSearch)` of the same index, UTF-8, with
 * the analyzer version as the first key. Built in one buffer: a 10x index never exists as a string.
 */
export declare function indexJsonBytes(index: BuiltIndex): Uint8Array;
/** search-index.json as text (tests, small indexes). */
export declare function indexJsonText(index: BuiltIndex): string;
//# sourceMappingURL=index-json.d.ts.map