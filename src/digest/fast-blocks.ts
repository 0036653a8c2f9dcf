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
 * nothing continuing them (a loose, nested or lazily continued list declines). A bullet whose
 * text is not plain (emphasis inside it, `a_b`, a backslash) is read by remark-parse on its own
 * (`parsedLine`), one line rather than the chunk.
 *
 * The rule for what is plain comes from the CommonMark 0.31 spec (blocks: §4-5; inlines: §6;
 * emphasis and flanking delimiter runs: §6.2). The check that no accepted chunk differs from
 * remark-parse's tree, positions included, is test/src/digest/fast-blocks.test.ts: remark-parse
 * itself is the oracle, over generated chunks, `input/` and the real archive.
 */
import type { Emphasis, Heading, Image, Link, List, ListItem, Nodes, Paragraph, PhrasingContent, RootContent, Strong, Text } from 'mdast';
import type { Position } from 'unist';
import { remarkBlocks } from './remark.ts';

/** Characters that may start inline syntax other than brackets, or are not plain (controls, tab, DEL). */
// eslint-disable-next-line no-control-regex
const NOT_PLAIN = /[\\`*_<&\u0000-\u0009\u000b-\u001f\u007f]|\]\(|\]\[/;
/** A line start that would open a block other than a paragraph, or needs a closer look. */
const BLOCK_START = /^(?:[\s>#\-+*=[!|~<_]|\d{1,9}[.)])/;
/** Whitespace at either end of a line (trimmed by CommonMark, or a hard break). */
const EDGE_SPACE = /^\s|\s$/;
/** A link destination as written bare: no spaces, parentheses, pointy brackets, escapes or references. */
const URL = String.raw`([^\s()<>\\&\u0000-\u001f\u007f]+)`;
const HEADING_LINE = new RegExp(String.raw`^### \[([^\]]+)\]\(${URL}\)$`);
const IMAGE_LINE = new RegExp(String.raw`^!\[\]\(${URL}\)$`);
const LINK_LINE = new RegExp(String.raw`^\[([^\]]+)\]\(${URL}\)$`);
/** A bullet label: 1-3 asterisks, text, the same asterisks, the colon after them or inside them. */
const LABEL = /^(\*{1,3})([^\s*][^*]*?)\1(?=:)|^(\*{1,3})([^\s*][^*]*?:)\3(?= |$)/;

/** Text with no CommonMark syntax in it, read as itself (see the module comment). */
function isPlain(s: string): boolean {
  return !NOT_PLAIN.test(s) && !EDGE_SPACE.test(s);
}

/** Link text read as itself: plain, and no `[` (a bracket inside could open a link of its own). */
function isLabel(s: string): boolean {
  return isPlain(s) && !s.includes('[');
}

/** A plain paragraph line or bullet content: plain text that opens no block. */
function isPlainLine(s: string): boolean {
  return s !== '' && isPlain(s) && !BLOCK_START.test(s);
}

/** Positions are built from one line's start (line number, offset of its first character). */
interface Line {
  text: string;
  /** 1-based line number in the chunk. */
  number: number;
  /** Offset of the line's first character in the chunk (UTF-16 code units). */
  offset: number;
}

function span(line: Line, from: number, to: number): Position {
  return {
    start: { line: line.number, column: from + 1, offset: line.offset + from },
    end: { line: line.number, column: to + 1, offset: line.offset + to },
  };
}

function text(value: string, line: Line, from: number, to: number): Text {
  return { type: 'text', value, position: span(line, from, to) };
}

/** The link `[label](url)` written at column `from` of `line` (the label plain text, the url bare). */
function linkAt(line: Line, from: number, label: string, url: string): Link {
  return {
    type: 'link',
    title: null,
    url,
    children: [text(label, line, from + 1, from + 1 + label.length)],
    position: span(line, from, from + label.length + url.length + 4),
  };
}

/**
 * The inline content of one paragraph or bullet line, starting at column `from`; null when it
 * holds syntax this module does not read. `label` allows a leading emphasised label (bullets).
 */
function inlineLine(line: Line, from: number, label: boolean): PhrasingContent[] | null {
  const s = line.text.slice(from);
  let m: RegExpExecArray | null;
  if ((m = IMAGE_LINE.exec(s))) {
    const image: Image = { type: 'image', title: null, url: m[1]!, alt: '', position: span(line, from, line.text.length) };
    return [image];
  }
  if ((m = LINK_LINE.exec(s))) return isLabel(m[1]!) ? [linkAt(line, from, m[1]!, m[2]!)] : null;
  if (label && (m = LABEL.exec(s))) {
    const marks = (m[1] ?? m[3])!;
    const inner = (m[2] ?? m[4])!;
    const rest = s.slice(m[0].length);
    // The rest starts with the space after the label (`: ` or ` `), which is text; past it, plain.
    if (!isPlain(inner) || (rest !== '' && !isPlain(rest.replace(/^:? /, 'x')))) return null;
    const n = marks.length;
    const end = from + m[0].length;
    const innerText = text(inner, line, from + n, end - n);
    let node: Strong | Emphasis =
      n === 1 ? { type: 'emphasis', children: [innerText], position: span(line, from, end) } : { type: 'strong', children: [innerText], position: span(line, from + n - 2, end - n + 2) };
    if (n === 3) node = { type: 'emphasis', children: [node], position: span(line, from, end) };
    return rest === '' ? [node] : [node, text(rest, line, end, line.text.length)];
  }
  if (!isPlainLine(s)) return null;
  return [text(s, line, from, line.text.length)];
}

/**
 * A bullet's content that is not plain (emphasis inside the text, `a_b`, a backslash, `&`), read
 * by remark-parse on its own: its inline nodes, moved to column `from` of `line`; null unless
 * the text alone is one paragraph spanning all of it, with no space at either end. A one-line
 * paragraph's inline content depends on its text alone (no link reference definition reaches
 * a chunk the fast path is given), and a text that is one paragraph on its own opens the same
 * paragraph at a list item's content column (CommonMark 0.31 §5.2: the item's content is read
 * as blocks from that column), so the nodes are the ones a parse of the whole chunk gives.
 */
function parsedLine(line: Line, from: number): PhrasingContent[] | null {
  const s = line.text.slice(from);
  if (s === '' || EDGE_SPACE.test(s)) return null;
  const blocks = remarkBlocks(s);
  const paragraph = blocks[0];
  if (blocks.length !== 1 || paragraph?.type !== 'paragraph') return null;
  const { start, end } = paragraph.position!;
  if (start.offset !== 0 || end.offset !== s.length || end.line !== 1) return null;
  const move = (node: Nodes): void => {
    const p = node.position!;
    p.start = { line: line.number, column: p.start.column + from, offset: line.offset + from + p.start.offset! };
    p.end = { line: line.number, column: p.end.column + from, offset: line.offset + from + p.end.offset! };
    if ('children' in node) for (const child of node.children) move(child as Nodes);
  };
  for (const node of paragraph.children) move(node);
  return paragraph.children;
}

/** Joins the lines of a paragraph: a line ending between them is text, merged with text next to it (as mdast-util-from-markdown does). */
function joinLines(lines: PhrasingContent[][]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const push = (node: PhrasingContent): void => {
    const last = out[out.length - 1];
    if (last?.type === 'text' && node.type === 'text') {
      last.value += node.value;
      last.position!.end = node.position!.end;
    } else out.push(node);
  };
  lines.forEach((nodes, k) => {
    if (k > 0) {
      const prev = out[out.length - 1]!.position!.end;
      const next = nodes[0]!.position!.start;
      push({ type: 'text', value: '\n', position: { start: { ...prev }, end: { ...next } } });
    }
    nodes.forEach(push);
  });
  return out;
}

function blockSpan(first: Position, last: Position): Position {
  return { start: { ...first.start }, end: { ...last.end } };
}

/**
 * The top-level mdast blocks of one paper chunk (text from a `### ` heading line up to the
 * next ATX heading), with positions into the chunk, exactly as `remark-parse` gives them; null
 * when any line is of a shape this fast path does not read (see the module comment). With
 * `heading` false, the chunk is a part of one after its heading (src/digest/chunk.ts `bySegment`:
 * paragraphs and bullets from its first line on).
 */
export function fastBlocks(chunk: string, heading = true): RootContent[] | null {
  const raw = chunk.split('\n');
  const lines: Line[] = [];
  let offset = 0;
  for (let i = 0; i < raw.length; i++) {
    lines.push({ text: raw[i]!, number: i + 1, offset });
    offset += raw[i]!.length + 1;
  }
  const first = lines[0]!;
  const out: RootContent[] = [];
  if (heading) {
    const head = HEADING_LINE.exec(first.text);
    if (!head || !isLabel(head[1]!)) return null;
    out.push({ type: 'heading', depth: 3, children: [linkAt(first, 4, head[1]!, head[2]!)], position: span(first, 0, first.text.length) } satisfies Heading);
  }
  let paragraph: PhrasingContent[][] | null = null;
  let paragraphStart: Position | null = null;
  let list: ListItem[] | null = null;
  let lastLine: Line = first;
  const close = (): void => {
    if (paragraph) {
      const node: Paragraph = { type: 'paragraph', children: joinLines(paragraph), position: blockSpan(paragraphStart!, span(lastLine, 0, lastLine.text.length)) };
      out.push(node);
    }
    if (list) {
      const node: List = { type: 'list', ordered: false, start: null, spread: false, children: list, position: blockSpan(list[0]!.position!, list[list.length - 1]!.position!) };
      out.push(node);
    }
    paragraph = null;
    list = null;
  };
  for (let i = heading ? 1 : 0; i < lines.length; i++) {
    const line = lines[i]!;
    const s = line.text;
    if (s === '') {
      close();
      // A blank line inside a list (another bullet after it) makes the list loose.
      if (raw[i - 1]?.startsWith('- ') && raw.slice(i + 1).find((l) => l !== '')?.startsWith('- ')) return null;
      continue;
    }
    if (s.startsWith('- ')) {
      if (!list && paragraph) close();
      // A bullet's content starts at column 3; anything that would open a block there (a space
      // included) declines in inlineLine.
      const content = inlineLine(line, 2, true) ?? parsedLine(line, 2);
      if (!content) return null;
      const paragraphNode: Paragraph = { type: 'paragraph', children: content, position: span(line, 2, s.length) };
      const item: ListItem = { type: 'listItem', spread: false, checked: null, children: [paragraphNode], position: span(line, 0, s.length) };
      (list ??= []).push(item);
      lastLine = line;
      continue;
    }
    // A non-blank line right after a bullet would continue it lazily.
    if (list) return null;
    const content = inlineLine(line, 0, false);
    if (!content) return null;
    if (!paragraph) {
      paragraph = [];
      paragraphStart = span(line, 0, 0);
    }
    paragraph.push(content);
    lastLine = line;
  }
  close();
  return out;
}
