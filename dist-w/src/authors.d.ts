/**
 * Authors: reading an `Authors:` value, folding spellings of one person into one key,
 * and building the `authors.json` records.
 *
 * ## The author rule
 *
 * Every name is NFC-normalized, cleaned of invisible characters (src/text.ts: zero-width
 * characters, soft hyphens and BOMs removed, control characters as spaces) and
 * whitespace-collapsed; list syntax (`[`, `]`, quotes around Python-list items) is removed.
 *
 * ## `+` and other items that are not names
 *
 * A `+` never names a person, wherever it stands. The Hugging Face page folds long author lists
 * behind a `+` button, and the digests copy the button's text:
 * - `a, b, c, +` (or `a, b, c +`): the list is cut short after `c`;
 * - `a, b, +, c, d` (and `+, a, b`): names were folded away where the `+` stands. In the real
 *   archive every such list shows 21 or 22 names, a display limit, so names are missing there too.
 *
 * Either way the listing does not name every author, and `truncated` (published as
 * `authorsTruncated`, shown as a trailing "…") is true: a `+` anywhere means "more authors exist
 * than are shown". Any other item without a letter (`…`, `-`, `1`) is no name either: it is
 * dropped and reported in `notNames`.
 *
 * ## Keys
 *
 * `authorKey(name)` folds spellings of one person into one key:
 *
 * 1. case is ignored, and diacritics are removed (`Ramé` = `Rame`; also `ł`→`l`, `ø`→`o`,
 *    `ı`→`i`, `ß`→`ss`, `æ`→`ae`, `œ`→`oe`, `đ`→`d`, `þ`→`th`);
 * 2. quotes, apostrophes, backticks and brackets are dropped (`D'Amour` = `DAmour`);
 * 3. periods and commas count as spaces (`Dale R. Webster` = `Dale R Webster`);
 * 4. hyphens are removed (`Gu-Lemberg` = `GuLemberg`), and the last word is the family name: the
 *    words before it (the given names) are joined without spaces
 *    (`Ying-Cong Chen` = `Yingcong Chen` = `Ying Cong Chen`). Spaces inside the family name are
 *    not removed, since the family name is the last word (`Luca D'Amico-Wong` = `Luca DAmicoWong`,
 *    but not `Luca Damico Wong`).
 *
 * Organisations ("Gemma Team") are authors like everyone else.
 * The display name of a key is its most frequent spelling over all listings; ties go to the
 * spelling with more non-ASCII letters (keeps diacritics), then to the code-point-smallest.
 *
 * Limits: two different people whose names fold to the same key (same given and family name up to
 * case, accents and hyphenation) cannot be told apart from this input and are merged. The same
 * person written with family name first ("Chen Yingcong"), with a middle initial only sometimes
 * ("Dale Webster" vs "Dale R. Webster"), or transliterated differently is not merged.
 *
 * Pure: no `node:` imports.
 */
import type { AuthorRecord, Paper } from './types.ts';
export interface ParsedAuthors {
    /** Names as written, list syntax removed, NFC, invisible characters out, in source order; duplicates kept. */
    names: string[];
    /** The list does not name every author: a `+` stood at its end or in its middle (see the rule above). */
    truncated: boolean;
    /** Names that needed cleaning beyond list syntax (stray quotes/brackets), as written. */
    stray: string[];
    /** Items that are no name (no letter at all, `+` aside), as written; they are dropped. */
    notNames: string[];
}
/** NFC, invisible characters out (src/text.ts), whitespace collapsed, stray quotes/brackets at the edges stripped. */
export declare function cleanName(raw: string): string;
/**
 * Parse the value of an `Authors:` line (the text after `Authors:`), in any of its forms:
 * `a, b, c`; a Python list `['a', 'b']` (single or double quotes); a `+` at the end, in the
 * middle or at the start (never a name; sets `truncated`, see the rule above); stray spaces,
 * quotes and invisible characters. Empty items are dropped; items without a letter are dropped
 * into `notNames`.
 */
export declare function parseAuthors(value: string): ParsedAuthors;
/** The folded identity of a name; see the rule at the top of this file. */
export declare function authorKey(name: string): string;
/**
 * The author keys that `names` name: each entry is an author key itself, or a spelling whose key
 * (`authorKey`) is one of `known` (the keys of authors.json). Entries that name nobody are
 * returned apart, by index. Used by the feed filters and `npm run search -- --author`.
 */
export declare function resolveAuthorNames(names: readonly string[], known: ReadonlySet<string>): {
    keys: string[];
    unknown: number[];
};
/** Deduplicate names by key, keeping the first spelling, in order. */
export declare function dedupeNames(names: readonly string[]): {
    unique: string[];
    duplicates: string[];
};
/**
 * Build the authors.json records from the merged papers (in dataset order, which gives each
 * record's `papers` order). Spellings are counted per listing: pass every listing's author names
 * (`listings`, e.g. `entries.map((e) => e.authors)`) so that spellings used only by a later listing
 * of a merged paper are kept; without it the papers' own names are counted. A name repeated within
 * one listing counts once.
 */
export declare function buildAuthorRecords(papers: readonly Paper[], listings?: Iterable<readonly string[]>): AuthorRecord[];
//# sourceMappingURL=authors.d.ts.map