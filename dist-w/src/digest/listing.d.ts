/**
 * One paper's listing in a digest: the `### [Title](url)` heading that opens it, and the blocks
 * under it up to the next heading of depth 1-3. Field lines fill the entry's metadata
 * (thumbnail, media, votes, authors); everything else is its summary (src/digest/summary.ts).
 * Pure and browser-safe.
 *
 *     ### [Title](https://arxiv.org/abs/...)
 *     ![](thumbnail-url)                      <- relative URLs resolve against huggingface.co;
 *     [Watch Video](url) / [Watch Video]url /    only http(s) URLs are kept (src/url.ts)
 *       <video src=...> (optionally inside <div>)
 *     Vote: 12                                <- `Vote: -` = unknown (null)
 *     Authors: a, b, +, c                     <- also a Python list ['a', 'b']; `+` is no name
 *     - **What's New**: bullet ...
 */
import type { Heading, Link, RootContent } from 'mdast';
import type { DigestEntry } from '../types.ts';
import { type Doc } from './nodes.ts';
/** The link in a paper heading (its first one), if any. */
export declare function headingLink(heading: Heading): Link | undefined;
/** A paper heading as read: its title (plain text), its link as written, and whether the title was recovered from the raw line. */
export interface PaperHeading {
    title: string;
    url: string;
    recovered: boolean;
}
/**
 * Reads a paper heading `### [Title](url)`. The title is the link text as plain text (see
 * plainText), whitespace collapsed. When the title holds unbalanced brackets (`[0,1)`, a lone
 * `]`, `]]>`), CommonMark reads a shorter link or none; a heading whose text starts with `[` and
 * ends in `](url)` is a paper all the same: the title is then the raw text between the first
 * `[` and the `](` of that final link (the last `](` when CommonMark found no link there), and
 * `recovered` is true. Otherwise the heading's first link is read; null when it has none.
 */
export declare function readPaperHeading(doc: Doc, heading: Heading): PaperHeading | null;
/**
 * Opens the entry of a paper heading of digest `date`, at position `rank` in its digest (see
 * readPaperHeading for the title). A heading without a link warns (`heading-without-link`) and
 * gives null; a title read from the raw line warns (`title-brackets`) but is kept; an empty
 * title or link warns (`empty-title`, `empty-link`) but is read.
 */
export declare function openPaper(doc: Doc, heading: Heading, date: string, rank: number): DigestEntry | null;
/**
 * A paper's entry as its heading opens it: what the heading says, and nothing yet of the field
 * lines and the summary that follow (no thumbnail, votes, authors, summary or media).
 */
export declare function newEntry(heading: Pick<DigestEntry, 'date' | 'rank' | 'title' | 'url' | 'source'>): DigestEntry;
/**
 * Reads one block under an open paper heading (any top-level node but a heading of depth 1-3)
 * into its entry: paragraphs (field lines and prose), lists (summary items), HTML blocks (only
 * their `<video>`/`<source>` URLs); link definitions are skipped; any other block continues
 * the summary.
 */
export declare function readPaperBlock(doc: Doc, entry: DigestEntry, node: RootContent): void;
//# sourceMappingURL=listing.d.ts.map