/**
 * Reading one Daily Papers digest file: text -> one entry per paper heading (`parseDigest`).
 * This module walks the file's top-level blocks and keeps track of the digest sections; a
 * paper's own block is read by src/digest/listing.ts. Decoding the bytes first is
 * src/digest/decode.ts. Pure: no `node:` imports, so it runs in worker threads and browsers.
 *
 * The format (see README):
 *
 *     ## Daily Papers (2024-04-05)            <- opens a digest; a file may hold several
 *     ### [Title](https://arxiv.org/abs/...)  <- opens a paper (src/digest/listing.ts)
 *     ...
 *
 * Other `##` (and `#`) sections (`## License`, ...) are not papers and are skipped.
 */
import type { VFile } from 'vfile';
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { DigestEntry } from '../types.ts';
import { parseArxiv } from '../arxiv.ts';
import { parseBlocks } from './chunk.ts';
import { warn, type Place } from './messages.ts';
import { collapse, startOf, type Doc } from './nodes.ts';
import { headingLink, openPaper, readPaperBlock } from './listing.ts';

const DAILY = /^Daily Papers\s*\(([^)]*)\)\s*$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Is this YYYY-MM-DD a real (proleptic Gregorian) calendar date? Pure arithmetic; no clock, no time zone. */
export function isValidDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[mo - 1]!;
}

/** Where the reading of one file stands. */
interface Reading {
  doc: Doc;
  /** Entries read so far, in source order. */
  entries: DigestEntry[];
  sawDaily: boolean;
  /** The open digest's date, or null inside a non-paper section or an invalid digest. */
  date: string | null;
  /** Why papers are not accepted right now (when `date` is null). */
  outside: 'before' | 'other-section' | 'invalid-date';
  /** Where the open section's heading sits. */
  sectionPlace: Place;
  /** Papers opened in the open section so far (the next one's rank). */
  rank: number;
  /** The open paper, until the next heading of depth 1-3. */
  paper: DigestEntry | null;
}

function closePaper(r: Reading): void {
  if (r.paper) r.entries.push(r.paper);
  r.paper = null;
}

/** Closes the open section; a digest that listed no papers warns (`empty-digest`). */
function closeSection(r: Reading): void {
  closePaper(r);
  if (r.date !== null && r.rank === 0) warn(r.doc.file, `Digest ${r.date} lists no papers`, r.sectionPlace, 'empty-digest');
}

/**
 * A heading of depth 1 or 2 opens a section: a digest when it reads `## Daily Papers (date)`
 * with a real date, otherwise a section whose papers are skipped (an invalid date warns,
 * `invalid-date`).
 */
function openSection(r: Reading, heading: Heading): void {
  closeSection(r);
  const m = heading.depth === 2 ? DAILY.exec(collapse(toString(heading))) : null;
  r.sectionPlace = startOf(heading);
  r.rank = 0;
  r.date = null;
  if (!m) {
    r.outside = 'other-section';
    return;
  }
  r.sawDaily = true;
  const d = (m[1] ?? '').trim();
  if (isValidDate(d)) {
    r.date = d;
    return;
  }
  r.outside = 'invalid-date';
  warn(
    r.doc.file,
    `Invalid digest date \`${d}\`: expected a real date as YYYY-MM-DD; the papers of this digest are skipped`,
    r.sectionPlace,
    'invalid-date',
  );
}

/**
 * A heading of depth 3 opens a paper inside a digest. Outside one, a heading that links to an
 * arXiv paper (or any linked heading under an invalid digest date) warns
 * (`paper-outside-digest`) and is skipped.
 */
function openPaperHeading(r: Reading, heading: Heading): void {
  closePaper(r);
  if (r.date !== null) {
    r.paper = openPaper(r.doc, heading, r.date, r.rank);
    if (r.paper) r.rank++;
    return;
  }
  const link = headingLink(heading);
  if (link === undefined || (r.outside !== 'invalid-date' && parseArxiv(link.url) === null)) return;
  const why =
    r.outside === 'invalid-date'
      ? 'its digest heading has an invalid date'
      : r.outside === 'other-section'
        ? 'it sits in a section that is not a `## Daily Papers (YYYY-MM-DD)` digest'
        : 'it comes before any `## Daily Papers (YYYY-MM-DD)` heading';
  warn(r.doc.file, `Paper heading skipped: ${why}`, startOf(heading), 'paper-outside-digest');
}

export interface ParseOptions {
  /** Parse the document in one piece instead of heading by heading (same result, slower; for tests). */
  whole?: boolean;
}

/**
 * Parse one digest file's text (as decodeDigest gives it) into entries, in source order.
 * Problems become messages on `file` (source `digest`); nothing throws. An empty file warns
 * (`empty-file`), a file without a `## Daily Papers (YYYY-MM-DD)` heading warns
 * (`no-digest-heading`).
 */
export function parseDigest(text: string, file: VFile, options: ParseOptions = {}): DigestEntry[] {
  const r: Reading = {
    doc: { text, file },
    entries: [],
    sawDaily: false,
    date: null,
    outside: 'before',
    sectionPlace: { line: 1, column: 1 },
    rank: 0,
    paper: null,
  };
  if (text.trim() === '') {
    warn(file, 'Empty file: it holds no digest and no papers', { line: 1, column: 1 }, 'empty-file');
    return r.entries;
  }
  for (const node of parseBlocks(text, options.whole === true)) {
    if (node.type === 'heading' && node.depth <= 2) openSection(r, node);
    else if (node.type === 'heading' && node.depth === 3) openPaperHeading(r, node);
    // Blocks between a digest heading and its first paper, or in a non-paper section, are skipped.
    else if (r.paper) readPaperBlock(r.doc, r.paper, node);
  }
  closeSection(r);
  if (!r.sawDaily) {
    warn(
      file,
      'No `## Daily Papers (YYYY-MM-DD)` heading: this file holds no digest, so no papers are read from it',
      { line: 1, column: 1 },
      'no-digest-heading',
    );
  }
  return r.entries;
}
