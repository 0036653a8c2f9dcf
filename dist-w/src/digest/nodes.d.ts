/**
 * Reading mdast nodes of one digest back as text: the markdown a node was parsed from, its plain
 * text with whitespace collapsed, and where it starts. Pure and browser-safe.
 */
import type { VFile } from 'vfile';
import type { Nodes } from 'mdast';
import type { Place } from './messages.ts';
/** The digest being read: its text (node positions point into it) and its file (messages go there). */
export interface Doc {
    text: string;
    file: VFile;
}
/** Runs of whitespace (line breaks included) become one space; ends trimmed. */
export declare function collapse(s: string): string;
/** Where a node starts (1-based line and column); 1:1 when it has no position. */
export declare function startOf(node: Nodes): Place;
/** The markdown a node was parsed from, verbatim; '' when it has no offsets. */
export declare function sourceOf(doc: Doc, node: Nodes): string;
/**
 * The markdown from the start of `first` to the end of `last` (siblings, in order), verbatim;
 * '' when either has no position.
 */
export declare function sourceSpan(doc: Doc, first: Nodes | undefined, last: Nodes | undefined): string;
/**
 * Plain text of a block: one line per block or list item, whitespace collapsed within a line.
 * Code keeps its text as written; raw HTML gives ''.
 */
export declare function blockText(node: Nodes): string;
//# sourceMappingURL=nodes.d.ts.map