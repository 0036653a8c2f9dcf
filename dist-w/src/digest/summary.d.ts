/**
 * A paper's summary: the items under its heading, one per top-level bullet, each with an
 * optional bold label (`- **What's New**: ...`), its markdown and its plain text. Prose and
 * other blocks after the first item continue the last one. Pure and browser-safe.
 */
import type { List } from 'mdast';
import type { DigestEntry } from '../types.ts';
import { type Doc } from './nodes.ts';
/**
 * Appends a block to the paper's last summary item: its markdown after `sep`, its plain text
 * on a new line (nothing when `plain` is ''). Without an item yet, the block opens an
 * unlabelled one.
 */
export declare function appendToSummary(entry: DigestEntry, markdown: string, plain: string, sep: string): void;
/**
 * Reads a list into the paper's summary: one item per top-level bullet. A numbered list right
 * after an item (written at column 1 under a bullet) continues that item instead.
 */
export declare function readList(doc: Doc, entry: DigestEntry, list: List): void;
//# sourceMappingURL=summary.d.ts.map