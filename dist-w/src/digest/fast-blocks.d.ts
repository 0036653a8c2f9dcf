/**
 * A fast path for the common shape of a paper's listing: the mdast blocks that remark-parse
 * would give for one paper chunk (src/digest/chunk.ts), built line by line when every line is
 * of a kind whose CommonMark reading is plain, and `null` (parse it with remark-parse) as soon
 * as one is not. Pure and browser-safe.
 *
 * Why: remark-parse (micromark) reads each character through a state machine and builds every
 * token; on the real archive that was about 2.2 s of a 3 s parse, most of it spent on summary
 * bullets that are plain prose. This module reads a chunk only when it is made of these lines
 * (blank lines separate blocks; a line with a leading or trailing space or tab, a control
 * character or any other shape declines):
 *
 *     ### [Title](url)                   <- the chunk's first line; the title is plain text
 *     ![](url)                           <- a paragraph line: an image with no alt text,
 *     [Label](url)                          a link, or plain text
 *     Vote: 12
 *     - **What's New**: plain text       <- a bullet: one line, `-` marker, an optional label
 *     - plain text                          in `*`, `**` or `***` (colon after or inside it)
 *
 * "Plain text" holds none of \ ` * _ < & (escapes, code, emphasis, autolinks and HTML,
 * character references), no `](` or `][` (links), and does not start a block (`>`, `#`, `-`,
 * `+`, `*`, `=`, `[`, `!`, `|`, `~`, `<`, `_`, a digit run followed by `.` or `)`). Brackets
 * elsewhere are literal because callers never pass a document that holds a link reference
 * definition (src/digest/chunk.ts parses those whole). Bullets must be consecutive lines with
 * nothing continuing them (a loose, nested or lazily continued list declines).
 *
 * The rule for what is plain comes from the CommonMark 0.31 spec (blocks: §4-5; inlines: §6;
 * emphasis and flanking delimiter runs: §6.2). The check that no accepted chunk differs from
 * remark-parse's tree, positions included, is test/src/digest/fast-blocks.test.ts: remark-parse
 * itself is the oracle, over generated chunks, `input/` and the real archive.
 */
import type { RootContent } from 'mdast';
/**
 * The top-level mdast blocks of one paper chunk (text from a `### ` heading line up to the
 * next ATX heading), with positions into the chunk, exactly as `remark-parse` gives them; null
 * when any line is of a shape this fast path does not read (see the module comment).
 */
export declare function fastBlocks(chunk: string): RootContent[] | null;
//# sourceMappingURL=fast-blocks.d.ts.map