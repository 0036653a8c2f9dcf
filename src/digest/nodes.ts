/**
 * Reading mdast nodes of one digest back as text: the markdown a node was parsed from, its plain
 * text with whitespace collapsed, and where it starts. Pure and browser-safe.
 */
import type { VFile } from 'vfile';
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Place } from './messages.ts';

/** The digest being read: its text (node positions point into it) and its file (messages go there). */
export interface Doc {
  text: string;
  file: VFile;
}

/** Runs of whitespace (line breaks included) become one space; ends trimmed. */
export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Where a node starts (1-based line and column); 1:1 when it has no position. */
export function startOf(node: Nodes): Place {
  const p = node.position?.start;
  return { line: p?.line ?? 1, column: p?.column ?? 1 };
}

/** The markdown a node was parsed from, verbatim; '' when it has no offsets. */
export function sourceOf(doc: Doc, node: Nodes): string {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === undefined || e === undefined ? '' : doc.text.slice(s, e);
}

/**
 * The markdown from the start of `first` to the end of `last` (siblings, in order), verbatim;
 * '' when either has no position.
 */
export function sourceSpan(doc: Doc, first: Nodes | undefined, last: Nodes | undefined): string {
  if (!first?.position || !last?.position) return '';
  return doc.text.slice(first.position.start.offset, last.position.end.offset);
}

/**
 * Plain text of a block: one line per block or list item, whitespace collapsed within a line.
 * Code keeps its text as written; raw HTML gives ''.
 */
export function blockText(node: Nodes): string {
  switch (node.type) {
    case 'list':
    case 'listItem':
    case 'blockquote':
      return node.children.map(blockText).filter(Boolean).join('\n');
    case 'code':
      return node.value;
    case 'html':
      return '';
    default:
      return collapse(toString(node));
  }
}
