/**
 * Markdown text to its top-level mdast blocks, parsed heading by heading: each run of lines that
 * starts at an ATX heading is parsed on its own and its positions are shifted back, so the
 * result is the tree a whole-document parse gives. micromark keeps less state alive that way,
 * which makes big digests markedly cheaper to parse. A paper chunk goes to the fast path
 * (src/digest/fast-blocks.ts), and one it declines is cut further at empty lines (`CUT`), each
 * part read by the fast path or by remark-parse. Pure and browser-safe.
 */
import type { Nodes, RootContent } from 'mdast';
import { fastBlocks } from './fast-blocks.ts';
import { remarkBlocks } from './remark.ts';


/**
 * Constructs whose meaning can cross an ATX heading line or an empty line (CommonMark): fenced
 * code, HTML blocks of kinds 1-5 (at a line's start or inside a list item or block quote), an
 * HTML line followed by a heading line with no empty line between (an HTML block of kind 6 or 7
 * runs to an empty line), and link reference definitions, which count for the whole
 * document (wherever they stand: `- [x]: /url` defines `[x]` above it). A document holding any of
 * them, or text that could be one (any `]:`), is parsed whole; the real archive holds none.
 */
const CROSSES_HEADINGS = /```|~~~|<(?:!|\?|pre|script|style|textarea)|<[^\n]*(?:\n[^\n]+)*\n#|\]:/i;

/** Where the next chunk starts: the line break before an ATX heading (`#` to `######`). */
const BEFORE_HEADING = /\n(?=#{1,6}(?:[ \t]|\n|$))/g;

/** Shift every position in a subtree by a base line count and a base offset (UTF-16 units). */
function shift(node: Nodes, line: number, offset: number): void {
  const p = node.position;
  if (p) {
    p.start.line += line;
    p.end.line += line;
    if (p.start.offset !== undefined) p.start.offset += offset;
    if (p.end.offset !== undefined) p.end.offset += offset;
  }
  if ('children' in node) for (const c of node.children) shift(c as Nodes, line, offset);
}

/** Count of LF characters in `text`. */
function lineBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/**
 * Where a paper chunk may be cut into parts parsed on their own: an empty line followed by a
 * line that starts at its first column with a character that opens no list item and continues
 * nothing. Every block before the empty line has then ended (a paragraph, an HTML block of kind
 * 6 or 7 and a heading end at it; a list or an indented code block could go on only with an
 * indented line or another item), and no block spans the cut in a chunk the caller passes
 * (fenced code, HTML blocks of kinds 1-5 and link reference definitions are parsed whole). The
 * first character is the one after the line break; CommonMark 0.31 §4.4 (indented code), §4.6
 * (HTML blocks), §5.2-5.3 (list items, lists).
 */
const CUT = /\n\n(?=[^\s\-+*\d])/g;

/**
 * `text` cut before each match of `cut` (a global pattern; each piece starts one unit after a
 * match's start, at the line after its line break), each piece read by `read` (given whether it
 * is the first), and the nodes' positions moved back into `text`.
 */
function piecewise(text: string, cut: RegExp, read: (piece: string, first: boolean) => RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  let start = 0;
  let line = 0;
  const ends: number[] = [];
  for (const m of text.matchAll(cut)) ends.push(m.index + 1);
  ends.push(text.length);
  for (const end of ends) {
    const piece = text.slice(start, end);
    for (const node of read(piece, start === 0)) {
      if (line !== 0 || start !== 0) shift(node, line, start);
      out.push(node);
    }
    line += lineBreaks(piece);
    start = end;
  }
  return out;
}

/**
 * A paper chunk the fast path declines as a whole (src/digest/fast-blocks.ts), cut at `CUT`:
 * each part the fast path reads is taken from it, the others from remark-parse, so that one
 * line of an unusual shape (an HTML video tag, a heading with `&`) costs the parser its own
 * part rather than the chunk's summary. Positions are into the chunk.
 */
function bySegment(chunk: string): RootContent[] {
  return piecewise(chunk, CUT, (part, first) => fastBlocks(part, first) ?? remarkBlocks(part));
}

/**
 * The top-level mdast nodes of `text`, in source order, with positions into `text`. With
 * `whole`, or when the text holds a construct that could span a heading line, the document is
 * parsed in one piece (same result, slower).
 */
export function parseBlocks(text: string, whole: boolean): RootContent[] {
  if (whole || CROSSES_HEADINGS.test(text)) return remarkBlocks(text);
  return piecewise(text, BEFORE_HEADING, (chunk) => (chunk.startsWith('### ') ? (fastBlocks(chunk) ?? bySegment(chunk)) : remarkBlocks(chunk)));
}
