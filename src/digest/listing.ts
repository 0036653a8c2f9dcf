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
import type { Heading, Link, Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { DigestEntry } from '../types.ts';
import { parseAuthors } from '../authors.ts';
import { absoluteHttpUrl } from '../url.ts';
import { visibleText } from '../text.ts';
import { parseBlocks } from './chunk.ts';
import { warn, type Place } from './messages.ts';
import { blockText, collapse, sourceOf, sourceSpan, startOf, type Doc } from './nodes.ts';
import { appendToSummary, readList } from './summary.ts';

const VOTE_LINE = /^Vote:\s*(.*?)\s*$/;
const AUTHORS_LINE = /^Authors:\s*(.*?)\s*$/;
/** A link destination: `<…>` (spaces allowed) or bare, with balanced parentheses one level deep (CommonMark). */
const DEST = String.raw`(?:<([^<>\n]*)>|((?:[^\s()<>]|\([^\s()<>]*\))+))`;
/** `![alt](url)` or `![alt](<url with spaces>)`, optionally with a `"title"`. */
const IMAGE_LINE = new RegExp(String.raw`^!\[[^\]]*\]\(\s*${DEST}(?:\s+"[^"]*")?\s*\)$`);
const WATCH_LINE = new RegExp(String.raw`^\[Watch Video\]\s*\(?\s*${DEST}\s*\)?$`, 'i');
/** A `src` attribute of a `<video>` or `<source>` tag: quoted (spaces allowed) or bare. */
const VIDEO_SRC = /<(?:video|source)\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^"'\s>]+))/gi;
/** A line made only of `<div>`, `<video>`, `<source>`, `<p>` tags (opening or closing). */
const VIDEO_LINE = /^\s*(?:<\/?(?:div|video|source|p)\b[^>]*>\s*)+$/i;

/** The link in a paper heading (its first one), if any. */
export function headingLink(heading: Heading): Link | undefined {
  return heading.children.find((c) => c.type === 'link');
}

/** Plain text as CommonMark reads it (src/text.ts cleaning applied): code spans lose their backticks, character references are decoded, emphasis marks go. */
function plainText(node: Link | Heading): string {
  return visibleText(toString(node));
}

/**
 * The plain text of raw inline markdown (one line): read as the content of an ATX heading, so
 * no block syntax applies; the ` #` appended is the heading's closing sequence, which keeps a
 * `#` at the end of `raw` as text.
 */
function inlinePlain(raw: string): string {
  const [node] = parseBlocks(`# ${raw.replace(/\n/g, ' ')} #`, true);
  return node?.type === 'heading' ? plainText(node) : visibleText(raw);
}

/** The destination of a link written `(dest)` (`<…>` and a `"title"` allowed), as CommonMark decodes it; null when it is none. */
function linkDestination(dest: string): string | null {
  const [node] = parseBlocks(`[x](${dest.replace(/\n/g, ' ')})`, true);
  const link = node?.type === 'paragraph' ? node.children[0] : undefined;
  return link?.type === 'link' && node?.type === 'paragraph' && node.children.length === 1 ? link.url : null;
}

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
export function readPaperHeading(doc: Doc, heading: Heading): PaperHeading | null {
  const kids = heading.children;
  const first = kids[0];
  const lastNode = kids[kids.length - 1];
  const from = first?.position?.start.offset;
  const to = lastNode?.position?.end.offset;
  const last = [...kids].reverse().find((c): c is Link => c.type === 'link');
  if (from !== undefined && to !== undefined) {
    const content = doc.text.slice(from, to);
    const atEnd = last !== undefined && last.position?.end.offset === to;
    if (atEnd && last.position?.start.offset === from) return { title: plainText(last), url: last.url.trim(), recovered: false };
    if (content.startsWith('[') && content.endsWith(')')) {
      if (atEnd) {
        const labelEnd = last.children[last.children.length - 1]?.position?.end.offset ?? (last.position?.start.offset ?? from) + 1;
        return { title: inlinePlain(doc.text.slice(from + 1, labelEnd)), url: last.url.trim(), recovered: true };
      }
      const close = content.lastIndexOf('](');
      const url = close > 0 ? linkDestination(content.slice(close + 2, -1)) : null;
      if (url !== null) return { title: inlinePlain(content.slice(1, close)), url: url.trim(), recovered: true };
    }
  }
  const link = headingLink(heading);
  return link ? { title: plainText(link), url: link.url.trim(), recovered: false } : null;
}

/**
 * Opens the entry of a paper heading of digest `date`, at position `rank` in its digest (see
 * readPaperHeading for the title). A heading without a link warns (`heading-without-link`) and
 * gives null; a title read from the raw line warns (`title-brackets`) but is kept; an empty
 * title or link warns (`empty-title`, `empty-link`) but is read.
 */
export function openPaper(doc: Doc, heading: Heading, date: string, rank: number): DigestEntry | null {
  const place = startOf(heading);
  const read = readPaperHeading(doc, heading);
  if (!read) {
    warn(
      doc.file,
      `Paper heading without a link: \`${collapse(sourceOf(doc, heading))}\`; expected \`### [Title](https://arxiv.org/abs/ID)\`; the paper is skipped`,
      place,
      'heading-without-link',
    );
    return null;
  }
  if (read.recovered) {
    warn(
      doc.file,
      `Paper title with unbalanced brackets: CommonMark does not read \`${collapse(sourceOf(doc, heading))}\` as one link; the title is read from the line as \`${read.title}\` (escape a lone bracket as \`\\[\` or \`\\]\`)`,
      place,
      'title-brackets',
    );
  }
  if (read.title === '') warn(doc.file, 'Paper heading has an empty title', place, 'empty-title');
  if (read.url === '') warn(doc.file, 'Paper heading has an empty link', place, 'empty-link');
  return newEntry({ date, rank, title: read.title, url: read.url, source: { file: doc.file.path ?? '', line: place.line, column: place.column } });
}

/**
 * A paper's entry as its heading opens it: what the heading says, and nothing yet of the field
 * lines and the summary that follow (no thumbnail, votes, authors, summary or media).
 */
export function newEntry(heading: Pick<DigestEntry, 'date' | 'rank' | 'title' | 'url' | 'source'>): DigestEntry {
  const { date, rank, title, url, source } = heading;
  return { date, rank, title, url, thumbnail: null, votes: null, authors: [], authorsTruncated: false, summary: [], media: [], source };
}

/**
 * A thumbnail or media URL as published: absolute http(s), percent-encoded (absoluteHttpUrl,
 * src/url.ts, relative ones against Hugging Face). Any other URL warns (`url-not-http`, at
 * `place`) and gives null: it is dropped.
 */
function publishedUrl(doc: Doc, raw: string, what: string, place: Place): string | null {
  const url = absoluteHttpUrl(raw);
  if (url === null) warn(doc.file, `${what} URL is not an http(s) link: \`${collapse(raw)}\`; it is dropped`, place, 'url-not-http');
  return url;
}

/** Adds a media URL (see publishedUrl) unless the entry already lists it. */
function addMedia(doc: Doc, entry: DigestEntry, raw: string, place: Place): void {
  const u = publishedUrl(doc, raw, 'Media', place);
  if (u !== null && !entry.media.includes(u)) entry.media.push(u);
}

/**
 * Reads line `index` of a paragraph (`rawLine` as written) when it is a field line, and tells
 * whether it was. A thumbnail counts only before any summary text and only once; a vote that
 * is neither a number nor `-` warns (`vote-invalid`, at the paragraph) and is left unknown.
 */
function readFieldLine(doc: Doc, entry: DigestEntry, node: Paragraph, rawLine: string, index: number): boolean {
  const line = rawLine.trim();
  const start = startOf(node);
  const indent = rawLine.length - rawLine.trimStart().length;
  const place = { line: start.line + index, column: (index === 0 ? start.column : 1) + indent };
  let m: RegExpExecArray | null;
  if ((m = VOTE_LINE.exec(line))) {
    const v = m[1] ?? '';
    if (v === '-') entry.votes = null;
    else if (/^\d+$/.test(v)) entry.votes = Number(v);
    else {
      entry.votes = null;
      warn(doc.file, `Vote is neither a number nor \`-\`: \`${v}\`; votes left unknown`, start, 'vote-invalid');
    }
  } else if ((m = AUTHORS_LINE.exec(line))) {
    const parsed = parseAuthors(m[1] ?? '');
    entry.authors = parsed.names;
    entry.authorsTruncated = parsed.truncated;
    entry.authorsAt = place;
    entry.authorColumns = nameColumns(line, line.length - (m[1] ?? '').length, parsed.names, place.column);
    if (parsed.notNames.length > 0) {
      const items = parsed.notNames.map((n) => `\`${n}\``).join(', ');
      warn(doc.file, `Author list item without a letter: ${items}; it names no one and is dropped`, place, 'author-not-a-name');
    }
  } else if ((m = IMAGE_LINE.exec(line)) && entry.summary.length === 0 && entry.thumbnail === null) {
    entry.thumbnail = publishedUrl(doc, m[1] ?? m[2] ?? '', 'Thumbnail', place);
  } else if ((m = WATCH_LINE.exec(line))) {
    addMedia(doc, entry, m[1] ?? m[2] ?? '', place);
  } else if (VIDEO_LINE.test(line) && /<(?:video|source)\b/i.test(line)) {
    for (const v of line.matchAll(VIDEO_SRC)) addMedia(doc, entry, v[1] ?? v[2] ?? v[3] ?? '', place);
  } else {
    return false;
  }
  return true;
}

/**
 * Reads a paragraph line by line: field lines fill the metadata, the other lines are prose for
 * the summary. A paragraph without field lines keeps its markdown exactly as written.
 */
function readParagraph(doc: Doc, entry: DigestEntry, node: Paragraph): void {
  const raw = sourceOf(doc, node);
  const prose: string[] = [];
  let fields = 0;
  for (const [index, rawLine] of raw.split('\n').entries()) {
    if (readFieldLine(doc, entry, node, rawLine, index)) fields++;
    else prose.push(rawLine);
  }
  if (prose.length === 0) return;
  const markdown = fields === 0 ? raw : prose.join('\n');
  const plain = fields === 0 ? collapse(toString(node)) : collapse(prose.join(' '));
  appendToSummary(entry, markdown, plain, '\n\n');
}

/**
 * Reads one block under an open paper heading (any top-level node but a heading of depth 1-3)
 * into its entry: paragraphs (field lines and prose), lists (summary items), HTML blocks (only
 * their `<video>`/`<source>` URLs); link definitions are skipped; any other block continues
 * the summary.
 */
export function readPaperBlock(doc: Doc, entry: DigestEntry, node: RootContent): void {
  switch (node.type) {
    case 'paragraph':
      readParagraph(doc, entry, node);
      break;
    case 'list':
      readList(doc, entry, node);
      break;
    case 'html':
      for (const v of node.value.matchAll(VIDEO_SRC)) addMedia(doc, entry, v[1] ?? v[2] ?? v[3] ?? '', startOf(node));
      break;
    case 'definition':
      break;
    default: {
      const md = sourceOf(doc, node);
      if (md.trim() !== '') appendToSummary(entry, md, blockText(node), '\n\n');
    }
  }
}

/**
 * Where each of `names` is written in `line` (searched in order from index `from`): its column,
 * `column` being that of the line's first character; `column` itself for a name not written as
 * is (the parser cleaned it: src/authors.ts `parseAuthors`).
 */
function nameColumns(line: string, from: number, names: readonly string[], column: number): number[] {
  return names.map((name) => {
    const at = line.indexOf(name, from);
    if (at < 0) return column;
    from = at + name.length;
    return column + at;
  });
}
