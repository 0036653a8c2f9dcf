/**
 * One paper's listing in a digest: the `### [Title](url)` heading that opens it, and the blocks
 * under it up to the next heading of depth 1-3. Field lines fill the entry's metadata
 * (thumbnail, media, votes, authors); everything else is its summary (src/digest/summary.ts).
 * Pure and browser-safe.
 *
 *     ### [Title](https://arxiv.org/abs/...)
 *     ![](thumbnail-url)                      <- relative URLs resolve against huggingface.co
 *     [Watch Video](url) / [Watch Video]url / <video src=...> (optionally inside <div>)
 *     Vote: 12                                <- `Vote: -` = unknown (null)
 *     Authors: a, b, c +                      <- also a Python list ['a', 'b']
 *     - **What's New**: bullet ...
 */
import type { Heading, Link, Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { DigestEntry } from '../types.ts';
import { parseAuthors } from '../authors.ts';
import { warn } from './messages.ts';
import { blockText, collapse, sourceOf, sourceSpan, startOf, type Doc } from './nodes.ts';
import { appendToSummary, readList } from './summary.ts';

const HF_BASE = 'https://huggingface.co';

const VOTE_LINE = /^Vote:\s*(.*?)\s*$/;
const AUTHORS_LINE = /^Authors:\s*(.*?)\s*$/;
const IMAGE_LINE = /^!\[[^\]]*\]\(\s*<?([^\s)>]+)>?(?:\s+"[^"]*")?\s*\)$/;
const WATCH_LINE = /^\[Watch Video\]\s*\(?\s*<?([^\s)>]+)>?\s*\)?$/i;
const VIDEO_SRC = /<(?:video|source)\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)/gi;
/** A line made only of `<div>`, `<video>`, `<source>`, `<p>` tags (opening or closing). */
const VIDEO_LINE = /^\s*(?:<\/?(?:div|video|source|p)\b[^>]*>\s*)+$/i;

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

/** The link in a paper heading (its first one), if any. */
export function headingLink(heading: Heading): Link | undefined {
  return heading.children.find((c) => c.type === 'link');
}

/**
 * Opens the entry of a paper heading of digest `date`, at position `rank` in its digest. The
 * title is the link label as written (markdown, inline code, LaTeX and `<tags>` kept verbatim),
 * whitespace collapsed. A heading without a link warns (`heading-without-link`) and gives null;
 * an empty title or link warns (`empty-title`, `empty-link`) but is read.
 */
export function openPaper(doc: Doc, heading: Heading, date: string, rank: number): DigestEntry | null {
  const place = startOf(heading);
  const link = headingLink(heading);
  if (!link) {
    warn(
      doc.file,
      `Paper heading without a link: \`${collapse(sourceOf(doc, heading))}\`; expected \`### [Title](https://arxiv.org/abs/ID)\`; the paper is skipped`,
      place,
      'heading-without-link',
    );
    return null;
  }
  const title = collapse(sourceSpan(doc, link.children[0], link.children[link.children.length - 1]));
  if (title === '') warn(doc.file, 'Paper heading has an empty title', place, 'empty-title');
  if (link.url.trim() === '') warn(doc.file, 'Paper heading has an empty link', place, 'empty-link');
  return {
    date,
    rank,
    title,
    url: link.url.trim(),
    thumbnail: null,
    votes: null,
    authors: [],
    authorsTruncated: false,
    summary: [],
    media: [],
    source: { file: doc.file.path ?? '', line: place.line, column: place.column },
  };
}

/** Adds a media URL (resolved, see resolveHfUrl) unless the entry already lists it. */
function addMedia(entry: DigestEntry, url: string): void {
  const u = resolveHfUrl(url);
  if (!entry.media.includes(u)) entry.media.push(u);
}

/**
 * Reads line `index` of a paragraph (`rawLine` as written) when it is a field line, and tells
 * whether it was. A thumbnail counts only before any summary text and only once; a vote that
 * is neither a number nor `-` warns (`vote-invalid`, at the paragraph) and is left unknown.
 */
function readFieldLine(doc: Doc, entry: DigestEntry, node: Paragraph, rawLine: string, index: number): boolean {
  const line = rawLine.trim();
  let m: RegExpExecArray | null;
  if ((m = VOTE_LINE.exec(line))) {
    const v = m[1] ?? '';
    if (v === '-') entry.votes = null;
    else if (/^\d+$/.test(v)) entry.votes = Number(v);
    else {
      entry.votes = null;
      warn(doc.file, `Vote is neither a number nor \`-\`: \`${v}\`; votes left unknown`, startOf(node), 'vote-invalid');
    }
  } else if ((m = AUTHORS_LINE.exec(line))) {
    const parsed = parseAuthors(m[1] ?? '');
    entry.authors = parsed.names;
    entry.authorsTruncated = parsed.truncated;
    const start = startOf(node);
    const indent = rawLine.length - rawLine.trimStart().length;
    entry.authorsAt = { line: start.line + index, column: (index === 0 ? start.column : 1) + indent };
  } else if ((m = IMAGE_LINE.exec(line)) && entry.summary.length === 0 && entry.thumbnail === null) {
    entry.thumbnail = resolveHfUrl(m[1]!);
  } else if ((m = WATCH_LINE.exec(line))) {
    addMedia(entry, m[1]!);
  } else if (VIDEO_LINE.test(line) && /<(?:video|source)\b/i.test(line)) {
    for (const v of line.matchAll(VIDEO_SRC)) addMedia(entry, v[1]!);
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
      for (const v of node.value.matchAll(VIDEO_SRC)) addMedia(entry, v[1]!);
      break;
    case 'definition':
      break;
    default: {
      const md = sourceOf(doc, node);
      if (md.trim() !== '') appendToSummary(entry, md, blockText(node), '\n\n');
    }
  }
}
