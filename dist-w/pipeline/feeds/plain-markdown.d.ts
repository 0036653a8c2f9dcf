/**
 * Markdown that provably reads as its own text: a string that CommonMark (remark-parse without
 * GFM, as summary-html.ts reads summaries) can only parse as one paragraph holding one text node
 * with the string itself as its value. Most summary bullets are such plain sentences; the feeds
 * build their trees directly instead of running the markdown parser.
 *
 * The check is conservative (it may turn down plain text, never accept markdown). Rules from
 * CommonMark 0.31.2 (https://spec.commonmark.org/0.31.2/):
 * - inline syntax starts only at `\` (escapes), `` ` `` (code spans), `*` `_` (emphasis),
 *   `[` `]` `!` (links, images), `<` `>` (autolinks, raw HTML) and `&` (character references):
 *   none may occur; GFM's and math's `|` `~` `$` are turned down as well, and `#` anywhere;
 * - block syntax needs a line start: one line only (no line ending, so no setext headings,
 *   lazy lines or hard breaks), which may not begin with whitespace (indented code), with
 *   `-` `+` `=` (lists, thematic breaks) or digits then `.` or `)` (ordered lists); `*` `_`
 *   `#` `>` `` ` `` `~` `<` `[` are already excluded;
 * - paragraph text is trimmed: no whitespace at either end, and no whitespace but U+0020
 *   inside (tabs, form feeds, the BOM and Unicode spaces are left to the parser).
 */
/**
 * True when `markdown` (already XML-safe, see xml.ts `xmlSafeText`) parses as exactly one
 * paragraph with one text node whose value is `markdown`: non-empty, one line, no whitespace at
 * the ends, and none of the characters or line starts above. False says nothing: the string
 * may still be plain.
 */
export declare function isPlainParagraph(markdown: string): boolean;
//# sourceMappingURL=plain-markdown.d.ts.map