/**
 * Reading Daily Papers digests: bytes -> text (`decodeDigest`) and text -> one entry per paper
 * heading (`parseDigest`). Pure: no `node:` imports, so it runs in worker threads and browsers.
 *
 * The format (see README):
 *
 *     ## Daily Papers (2024-04-05)            <- opens a digest; a file may hold several
 *     ### [Title](https://arxiv.org/abs/...)  <- opens a paper
 *     ![](thumbnail-url)                      <- optional; relative URLs resolve against huggingface.co
 *     [Watch Video](url) / [Watch Video]url / <video src=...> (optionally inside <div>)
 *     Vote: 12                                <- optional; `Vote: -` = unknown (null)
 *     Authors: a, b, c +                      <- optional; also a Python list ['a', 'b']
 *     - **What's New**: bullet ...            <- the summary: one item per top-level bullet
 *
 * Other `##` sections (`## License`, ...) are not papers and are skipped.
 *
 * Titles are the heading's link label exactly as written (markdown punctuation, inline code
 * backticks, LaTeX and `<tags>` kept verbatim), whitespace collapsed.
 */
import type { VFile } from 'vfile';
import { fatal as fatalMessage } from '../message.ts';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { toString } from 'mdast-util-to-string';
import type { Heading, List, ListItem, Nodes, Paragraph, Root, RootContent } from 'mdast';
import type { DigestEntry, SummaryItem } from '../types.ts';
import { parseAuthors } from '../authors.ts';
import { parseArxiv } from '../arxiv.ts';

const SOURCE = 'pipeline:parse';
const HF_BASE = 'https://huggingface.co';

interface Place {
  line: number;
  column: number;
}

function warn(file: VFile, reason: string, place: Place, ruleId: string): void {
  file.message(reason, { place, ruleId, source: SOURCE });
}

function fatal(file: VFile, reason: string, place: Place, ruleId: string): void {
  fatalMessage(file, reason, { place, ruleId, source: SOURCE });
}

/** Position (1-based line and column) of a byte offset. Columns count bytes on that line. */
function bytePlace(bytes: Uint8Array, offset: number): Place {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min, cp] = [1, 0x80, b & 0x1f];
    else if (b >= 0xe0 && b <= 0xef) [need, min, cp] = [2, 0x800, b & 0x0f];
    else if (b >= 0xf0 && b <= 0xf4) [need, min, cp] = [3, 0x10000, b & 0x07];
    else return i;
    if (i + need >= n) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Decode a digest's bytes. Binary content (a NUL byte) or invalid UTF-8 gets a fatal message
 * (rule `encoding`) and returns null. A UTF-8 BOM is stripped, CRLF and CR become LF, and the
 * text is NFC-normalized.
 */
export function decodeDigest(bytes: Uint8Array, file: VFile): string | null {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    fatal(file, `Cannot read this file as a digest: it is binary (NUL byte at byte ${nul})`, bytePlace(bytes, nul), 'encoding');
    return null;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = Math.max(0, firstInvalidUtf8(bytes));
    fatal(file, `Cannot read this file as a digest: invalid UTF-8 at byte ${at}`, bytePlace(bytes, at), 'encoding');
    return null;
  }
  // TextDecoder strips one leading BOM already (ignoreBOM: false); strip a stray second one too.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.replace(/\r\n?/g, '\n').normalize('NFC');
}

// ---------------------------------------------------------------------------------------------

const processor = unified().use(remarkParse);

const DAILY = /^Daily Papers\s*\(([^)]*)\)\s*$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const VOTE_LINE = /^Vote:\s*(.*?)\s*$/;
const AUTHORS_LINE = /^Authors:\s*(.*?)\s*$/;
const IMAGE_LINE = /^!\[[^\]]*\]\(\s*<?([^\s)>]+)>?(?:\s+"[^"]*")?\s*\)$/;
const WATCH_LINE = /^\[Watch Video\]\s*\(?\s*<?([^\s)>]+)>?\s*\)?$/i;
const VIDEO_SRC = /<(?:video|source)\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)/gi;
const VIDEO_LINE = /^\s*(?:<\/?(?:div|video|source|p)\b[^>]*>\s*)+$/i;
const LABEL = /^([*_]{1,3})(?=\S)([^*_\n:]+?)(?::\s*[*_]{1,3}|\s*[*_]{1,3}\s*:)\s*/;

/** Is this YYYY-MM-DD a real calendar date? (Pure arithmetic; no clock, no time zone.) */
export function isValidDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[mo - 1]!;
}

/** Resolve a possibly relative URL against https://huggingface.co; absolute URLs are kept as written. */
export function resolveHfUrl(url: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  if (url.startsWith('//')) return `https:${url}`;
  try {
    return new URL(url, HF_BASE).href;
  } catch {
    return url;
  }
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

function startOf(node: Nodes): Place {
  const p = node.position?.start;
  return { line: p?.line ?? 1, column: p?.column ?? 1 };
}

/** Plain text of a block, one line per block / list item, whitespace collapsed within a line. */
function blockText(node: Nodes): string {
  switch (node.type) {
    case 'list':
      return node.children.map(blockText).filter(Boolean).join('\n');
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

/** Shift every position in a subtree by a base line and offset (for a chunk parsed on its own). */
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

// Constructs whose meaning can cross an ATX heading line: fenced code, HTML blocks of kinds 1-5,
// link reference definitions. When a file holds none, it is parsed heading by heading.
const CROSSES_HEADINGS =
  /^ {0,3}(?:```|~~~|<(?:!--|pre|script|style|textarea|\?|!\[CDATA\[|![A-Za-z])|<[^\n]*\n#|\[[^\]\n]+\]:)/im;

/**
 * The top-level mdast nodes of a document. Each run of lines that starts at an ATX heading is
 * parsed on its own (same tree, positions shifted back): micromark keeps less state alive that way,
 * which makes big digests markedly cheaper to parse. Documents holding constructs that could span
 * a heading line are parsed whole.
 */
function parseBlocks(text: string, whole: boolean): RootContent[] {
  if (whole || CROSSES_HEADINGS.test(text)) return (processor.parse(text) as Root).children;
  const out: RootContent[] = [];
  const re = /\n(?=#{1,6}(?:[ \t]|\n|$))/g;
  let start = 0;
  let line = 0;
  const push = (end: number) => {
    const chunk = text.slice(start, end);
    const root = processor.parse(chunk) as Root;
    for (const node of root.children) {
      if (line !== 0 || start !== 0) shift(node, line, start);
      out.push(node);
    }
    for (let i = 0; i < chunk.length; i++) if (chunk.charCodeAt(i) === 10) line++;
    start = end;
  };
  for (let m = re.exec(text); m !== null; m = re.exec(text)) push(m.index + 1);
  push(text.length);
  return out;
}

interface Builder {
  entry: DigestEntry;
  /** Where the heading sits, for messages. */
  place: Place;
}

export interface ParseOptions {
  /** Parse the document in one piece instead of heading by heading (same result, slower; for tests). */
  whole?: boolean;
}

/**
 * Parse one digest file into entries, in source order. Problems become messages on `file`
 * (source `pipeline:parse`); nothing throws.
 */
export function parseDigest(text: string, file: VFile, options: ParseOptions = {}): DigestEntry[] {
  const entries: DigestEntry[] = [];
  const path = file.path ?? '';
  if (text.trim() === '') {
    warn(file, 'Empty file: it holds no digest and no papers', { line: 1, column: 1 }, 'empty-file');
    return entries;
  }
  const blocks = parseBlocks(text, options.whole === true);
  const src = (node: Nodes): string => {
    const s = node.position?.start.offset;
    const e = node.position?.end.offset;
    return s === undefined || e === undefined ? '' : text.slice(s, e);
  };

  /** The markdown of a list item's content, with continuation lines dedented to its content column. */
  const itemMarkdown = (item: ListItem): string => {
    const first = item.children[0];
    const last = item.children[item.children.length - 1];
    if (!first?.position || !last?.position) return '';
    const raw = text.slice(first.position.start.offset, last.position.end.offset);
    const indent = first.position.start.column - 1;
    if (indent <= 0) return raw;
    const strip = new RegExp(`^ {0,${indent}}`);
    return raw
      .split('\n')
      .map((line, k) => (k === 0 ? line : line.replace(strip, '')))
      .join('\n');
  };

  let sawDaily = false;
  /** The open digest: its date, or null inside a non-paper section / invalid digest. */
  let date: string | null = null;
  /** Why papers are not accepted right now (when date is null). */
  let outside: 'before' | 'other-section' | 'invalid-date' = 'before';
  let sectionPlace: Place = { line: 1, column: 1 };
  let rank = 0;
  let current: Builder | null = null;

  const closePaper = () => {
    if (current) entries.push(current.entry);
    current = null;
  };
  const closeSection = () => {
    closePaper();
    if (date !== null && rank === 0) {
      warn(file, `Digest ${date} lists no papers`, sectionPlace, 'empty-digest');
    }
  };

  const addSummary = (item: SummaryItem) => {
    current!.entry.summary.push(item);
  };
  const appendToSummary = (markdown: string, plain: string, sep: string) => {
    const items = current!.entry.summary;
    const last = items[items.length - 1];
    if (!last) {
      addSummary({ label: null, text: plain, markdown });
      return;
    }
    last.markdown = `${last.markdown}${sep}${markdown}`;
    last.text = plain === '' ? last.text : last.text === '' ? plain : `${last.text}\n${plain}`;
  };
  const addMedia = (url: string) => {
    const u = resolveHfUrl(url);
    if (!current!.entry.media.includes(u)) current!.entry.media.push(u);
  };

  const onList = (list: List) => {
    const cur = current!;
    if (list.ordered && cur.entry.summary.length > 0) {
      // A numbered list right after a bullet (at column 1) continues that bullet.
      appendToSummary(src(list), blockText(list), '\n');
      return;
    }
    for (const item of list.children) {
      let markdown = itemMarkdown(item);
      let plain = item.children.map(blockText).filter(Boolean).join('\n');
      let label: string | null = null;
      const m = LABEL.exec(markdown);
      if (m?.[2] !== undefined) {
        label = collapse(m[2]);
        markdown = markdown.slice(m[0].length);
        // Drop the label (and its emphasis marks and colon) from the plain text as well.
        const at = plain.indexOf(label);
        if (at !== -1 && at <= 3) {
          plain = plain.slice(at + label.length).replace(/^[\s*_]*:?[\s*_]*/, '');
        }
      }
      addSummary({ label, text: plain, markdown });
    }
  };

  const onParagraph = (node: Paragraph) => {
    const cur = current!;
    const raw = src(node);
    const lines = raw.split('\n');
    const prose: string[] = [];
    let fields = 0;
    for (const [index, rawLine] of lines.entries()) {
      const line = rawLine.trim();
      let m: RegExpExecArray | null;
      if ((m = VOTE_LINE.exec(line))) {
        fields++;
        const v = m[1] ?? '';
        if (v === '-') cur.entry.votes = null;
        else if (/^\d+$/.test(v)) cur.entry.votes = Number(v);
        else {
          cur.entry.votes = null;
          warn(file, `Vote is neither a number nor \`-\`: \`${v}\`; votes left unknown`, startOf(node), 'vote-invalid');
        }
      } else if ((m = AUTHORS_LINE.exec(line))) {
        fields++;
        const parsed = parseAuthors(m[1] ?? '');
        cur.entry.authors = parsed.names;
        cur.entry.authorsTruncated = parsed.truncated;
        const start = startOf(node);
        const indent = rawLine.length - rawLine.trimStart().length;
        cur.entry.authorsAt = { line: start.line + index, column: (index === 0 ? start.column : 1) + indent };
      } else if ((m = IMAGE_LINE.exec(line)) && cur.entry.summary.length === 0 && cur.entry.thumbnail === null) {
        fields++;
        cur.entry.thumbnail = resolveHfUrl(m[1]!);
      } else if ((m = WATCH_LINE.exec(line))) {
        fields++;
        addMedia(m[1]!);
      } else if (VIDEO_LINE.test(line) && /<(?:video|source)\b/i.test(line)) {
        fields++;
        for (const v of line.matchAll(VIDEO_SRC)) addMedia(v[1]!);
      } else {
        prose.push(rawLine);
      }
    }
    if (prose.length === 0) return;
    const markdown = fields === 0 ? raw : prose.join('\n');
    const plain = fields === 0 ? collapse(toString(node)) : collapse(prose.join(' '));
    if (cur.entry.summary.length === 0) addSummary({ label: null, text: plain, markdown });
    else appendToSummary(markdown, plain, '\n\n');
  };

  const onHeading = (node: Heading) => {
    if (node.depth <= 2) {
      closeSection();
      const title = collapse(toString(node));
      const m = node.depth === 2 ? DAILY.exec(title) : null;
      sectionPlace = startOf(node);
      rank = 0;
      if (!m) {
        date = null;
        outside = 'other-section';
        return;
      }
      sawDaily = true;
      const d = (m[1] ?? '').trim();
      if (isValidDate(d)) {
        date = d;
      } else {
        date = null;
        outside = 'invalid-date';
        warn(
          file,
          `Invalid digest date \`${d}\`: expected a real date as YYYY-MM-DD; the papers of this digest are skipped`,
          sectionPlace,
          'invalid-date',
        );
      }
      return;
    }
    if (node.depth !== 3) {
      if (current) appendToSummary(src(node), collapse(toString(node)), '\n\n');
      return;
    }
    closePaper();
    const place = startOf(node);
    const link = node.children.find((c) => c.type === 'link');
    if (date === null) {
      // Outside a digest only headings that link to an arXiv paper look like papers worth a warning.
      if (link !== undefined && (outside === 'invalid-date' || parseArxiv(link.url) !== null)) {
        const why =
          outside === 'invalid-date'
            ? 'its digest heading has an invalid date'
            : outside === 'other-section'
              ? 'it sits in a section that is not a `## Daily Papers (YYYY-MM-DD)` digest'
              : 'it comes before any `## Daily Papers (YYYY-MM-DD)` heading';
        warn(file, `Paper heading skipped: ${why}`, place, 'paper-outside-digest');
      }
      return;
    }
    if (!link) {
      warn(
        file,
        `Paper heading without a link: \`${collapse(src(node))}\`; expected \`### [Title](https://arxiv.org/abs/ID)\`; the paper is skipped`,
        place,
        'heading-without-link',
      );
      return;
    }
    const first = link.children[0];
    const last = link.children[link.children.length - 1];
    const title =
      first?.position && last?.position
        ? collapse(text.slice(first.position.start.offset, last.position.end.offset))
        : '';
    if (title === '') warn(file, 'Paper heading has an empty title', place, 'empty-title');
    if (link.url.trim() === '') warn(file, 'Paper heading has an empty link', place, 'empty-link');
    current = {
      place,
      entry: {
        date,
        rank: rank++,
        title,
        url: link.url.trim(),
        thumbnail: null,
        votes: null,
        authors: [],
        authorsTruncated: false,
        summary: [],
        media: [],
        source: { file: path, line: place.line, column: place.column },
      },
    };
  };

  for (const node of blocks) {
    if (node.type === 'heading') {
      onHeading(node);
      continue;
    }
    if (!current) continue; // text between a digest heading and its first paper, or a non-paper section
    switch (node.type) {
      case 'paragraph':
        onParagraph(node);
        break;
      case 'list':
        onList(node);
        break;
      case 'html': {
        const srcs = [...node.value.matchAll(VIDEO_SRC)];
        for (const v of srcs) addMedia(v[1]!);
        break;
      }
      case 'definition':
        break;
      default: {
        const md = src(node);
        if (md.trim() !== '') appendToSummary(md, blockText(node), '\n\n');
      }
    }
  }
  closeSection();

  if (!sawDaily) {
    warn(
      file,
      'No `## Daily Papers (YYYY-MM-DD)` heading: this file holds no digest, so no papers are read from it',
      { line: 1, column: 1 },
      'no-digest-heading',
    );
  }
  return entries;
}
