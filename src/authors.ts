/**
 * Authors: reading an `Authors:` value, folding spellings of one person into one key,
 * and building the `authors.json` records.
 *
 * ## The author rule
 *
 * Every name is NFC-normalized, cleaned of invisible characters (src/text.ts: zero-width
 * characters, soft hyphens and BOMs removed, control characters as spaces) and
 * whitespace-collapsed; list syntax (`[`, `]`, quotes around Python-list items) is removed.
 *
 * ## `+` and other items that are not names
 *
 * A `+` never names a person, wherever it stands. The Hugging Face page folds long author lists
 * behind a `+` button, and the digests copy the button's text:
 * - `a, b, c, +` (or `a, b, c +`): the list is cut short after `c`;
 * - `a, b, +, c, d` (and `+, a, b`): names were folded away where the `+` stands. In the real
 *   archive every such list shows 21 or 22 names, a display limit, so names are missing there too.
 *
 * Either way the listing does not name every author, and `truncated` (published as
 * `authorsTruncated`, shown as a trailing "…") is true: a `+` anywhere means "more authors exist
 * than are shown". Any other item without a letter (`…`, `-`, `1`) is no name either: it is
 * dropped and reported in `notNames`.
 *
 * ## Keys
 *
 * `authorKey(name)` folds spellings of one person into one key:
 *
 * 1. case is ignored, and diacritics are removed (`Ramé` = `Rame`; also `ł`→`l`, `ø`→`o`,
 *    `ı`→`i`, `ß`→`ss`, `æ`→`ae`, `œ`→`oe`, `đ`→`d`, `þ`→`th`);
 * 2. quotes, apostrophes, backticks and brackets are dropped (`D'Amour` = `DAmour`);
 * 3. periods and commas count as spaces (`Dale R. Webster` = `Dale R Webster`);
 * 4. hyphens are removed (`Gu-Lemberg` = `GuLemberg`), and the last word is the family name: the
 *    words before it (the given names) are joined without spaces
 *    (`Ying-Cong Chen` = `Yingcong Chen` = `Ying Cong Chen`). Spaces inside the family name are
 *    not removed, since the family name is the last word (`Luca D'Amico-Wong` = `Luca DAmicoWong`,
 *    but not `Luca Damico Wong`).
 *
 * Organisations ("Gemma Team") are authors like everyone else.
 * The display name of a key is its most frequent spelling over all listings; ties go to the
 * spelling with more non-ASCII letters (keeps diacritics), then to the code-point-smallest.
 *
 * Limits: two different people whose names fold to the same key (same given and family name up to
 * case, accents and hyphenation) cannot be told apart from this input and are merged. The same
 * person written with family name first ("Chen Yingcong"), with a middle initial only sometimes
 * ("Dale Webster" vs "Dale R. Webster"), or transliterated differently is not merged.
 *
 * Pure: no `node:` imports.
 */
import type { AuthorRecord, Paper } from './types.ts';
import { compareStrings } from './compare.ts';
import { visibleText } from './text.ts';

export interface ParsedAuthors {
  /** Names as written, list syntax removed, NFC, invisible characters out, in source order; duplicates kept. */
  names: string[];
  /** The list does not name every author: a `+` stood at its end or in its middle (see the rule above). */
  truncated: boolean;
  /** Names that needed cleaning beyond list syntax (stray quotes/brackets), as written. */
  stray: string[];
  /** Items that are no name (no letter at all, `+` aside), as written; they are dropped. */
  notNames: string[];
}

const EDGE_JUNK = /^[\s'"`‘’“”[\]()]+|[\s'"`‘’“”[\]()]+$/gu;
/** The fold marker: an item that is only `+`. */
const FOLD_MARK = /^\+$/u;
/** A `+` glued to the end of the last name (`c +`). */
const TRAILING_MARK = /\s+\+$/u;
const LETTER = /\p{L}/u;

/** NFC, invisible characters out (src/text.ts), whitespace collapsed, stray quotes/brackets at the edges stripped. */
export function cleanName(raw: string): string {
  return visibleText(raw.normalize('NFC')).replace(EDGE_JUNK, '').trim();
}

/** Split a Python-list literal body into items, honouring quotes and backslash escapes. */
function splitPythonList(body: string): string[] {
  const items: string[] = [];
  let i = 0;
  const n = body.length;
  while (i < n) {
    while (i < n && /[\s,]/u.test(body[i]!)) i++;
    if (i >= n) break;
    const q = body[i]!;
    if (q === "'" || q === '"') {
      let j = i + 1;
      let out = '';
      while (j < n && body[j] !== q) {
        if (body[j] === '\\' && j + 1 < n) {
          out += body[j + 1];
          j += 2;
        } else {
          out += body[j];
          j++;
        }
      }
      items.push(out);
      i = j + 1;
      // Anything glued to the closing quote before the next comma is kept with the item.
      const k = body.indexOf(',', i);
      const rest = (k === -1 ? body.slice(i) : body.slice(i, k)).trim();
      if (rest !== '') items[items.length - 1] += rest;
      i = k === -1 ? n : k + 1;
    } else {
      const k = body.indexOf(',', i);
      items.push(k === -1 ? body.slice(i) : body.slice(i, k));
      i = k === -1 ? n : k + 1;
    }
  }
  return items;
}

/**
 * Parse the value of an `Authors:` line (the text after `Authors:`), in any of its forms:
 * `a, b, c`; a Python list `['a', 'b']` (single or double quotes); a `+` at the end, in the
 * middle or at the start (never a name; sets `truncated`, see the rule above); stray spaces,
 * quotes and invisible characters. Empty items are dropped; items without a letter are dropped
 * into `notNames`.
 */
export function parseAuthors(value: string): ParsedAuthors {
  const s = value.normalize('NFC').replace(/\s+/gu, ' ').trim();
  let truncated = false;
  let items: string[];
  const list = /^\[(.*?)\]?$/u.exec(s);
  if (list && s.startsWith('[')) {
    items = splitPythonList(list[1] ?? '');
  } else {
    items = s.split(',');
  }
  const names: string[] = [];
  const stray: string[] = [];
  const notNames: string[] = [];
  for (let k = 0; k < items.length; k++) {
    let item = items[k]!.trim();
    if (FOLD_MARK.test(visibleText(item))) {
      truncated = true;
      continue;
    }
    if (k === items.length - 1 && TRAILING_MARK.test(item)) {
      truncated = true;
      item = item.replace(TRAILING_MARK, '');
    }
    const name = cleanName(item);
    if (name === '') continue;
    if (!LETTER.test(name)) {
      notNames.push(item);
      continue;
    }
    if (name !== visibleText(item) || /["“”`[\]]/u.test(name)) stray.push(item);
    names.push(name);
  }
  return { names, truncated, stray, notNames };
}

const SPECIAL: Record<string, string> = {
  ł: 'l', ø: 'o', ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', þ: 'th', ħ: 'h', ŧ: 't', ŋ: 'n',
};
const SPECIAL_RE = /[łøıßæœđðþħŧŋ]/gu;

const keyCache = new Map<string, string>();

/** The folded identity of a name; see the rule at the top of this file. */
export function authorKey(name: string): string {
  let key = keyCache.get(name);
  if (key === undefined) {
    if (keyCache.size >= 200_000) keyCache.clear();
    key = computeKey(name);
    keyCache.set(name, key);
  }
  return key;
}

function computeKey(name: string): string {
  const folded = visibleText(name)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c)
    .replace(/['"`‘’“”[\](){}]/gu, '')
    .replace(/[.,\s]+/gu, ' ')
    .trim();
  const words = folded
    .split(' ')
    .map((w) => w.replace(/[-\u2010-\u2015]/gu, ''))
    .filter((w) => w !== '');
  if (words.length <= 1) return (words[0] ?? '').normalize('NFC');
  const family = words[words.length - 1]!;
  const given = words.slice(0, -1).join('');
  return `${given} ${family}`.normalize('NFC');
}

/**
 * The author keys that `names` name: each entry is an author key itself, or a spelling whose key
 * (`authorKey`) is one of `known` (the keys of authors.json). Entries that name nobody are
 * returned apart, by index. Used by the feed filters and `npm run search -- --author`.
 */
export function resolveAuthorNames(names: readonly string[], known: ReadonlySet<string>): { keys: string[]; unknown: number[] } {
  const keys: string[] = [];
  const unknown: number[] = [];
  names.forEach((name, index) => {
    if (known.has(name)) keys.push(name);
    else if (known.has(authorKey(name))) keys.push(authorKey(name));
    else unknown.push(index);
  });
  return { keys, unknown };
}

/**
 * Deduplicate names by key, keeping the first spelling, in order (a name with an empty key is
 * dropped). `uniqueAt` and `duplicateAt`: the index in `names` of each kept name and of each
 * repeat.
 */
export function dedupeNames(names: readonly string[]): { unique: string[]; duplicates: string[]; uniqueAt: number[]; duplicateAt: number[] } {
  const seen = new Set<string>();
  const unique: string[] = [];
  const duplicates: string[] = [];
  const uniqueAt: number[] = [];
  const duplicateAt: number[] = [];
  names.forEach((name, i) => {
    const key = authorKey(name);
    if (key === '') return;
    if (seen.has(key)) {
      duplicates.push(name);
      duplicateAt.push(i);
    } else {
      seen.add(key);
      unique.push(name);
      uniqueAt.push(i);
    }
  });
  return { unique, duplicates, uniqueAt, duplicateAt };
}

function nonAscii(s: string): number {
  let n = 0;
  for (const ch of s) if (ch.codePointAt(0)! > 0x7f) n++;
  return n;
}

/**
 * What the authors.json records are computed from, per author key: how many listings used each
 * spelling, and the author's paper ids in dataset order. Kept between runs as an `AuthorTable`
 * (the dataset cache, pipeline/cache/dataset-cache.ts) so that a newest digest's papers are added
 * without counting every listing again (`prependToTable`).
 */
export type AuthorTally = Map<string, { spellings: Map<string, number>; papers: string[] }>;

/**
 * Build the authors.json records from the merged papers (in dataset order, which gives each
 * record's `papers` order). Spellings are counted per listing: pass every listing's author names
 * (`listings`, e.g. `entries.map((e) => e.authors)`) so that spellings used only by a later listing
 * of a merged paper are kept; without it the papers' own names are counted. A name repeated within
 * one listing counts once.
 */
export function buildAuthorRecords(
  papers: readonly Paper[],
  listings?: Iterable<readonly string[]>,
): AuthorRecord[] {
  return authorRecords(tallyAuthors(papers, listings));
}

/** The tally of `buildAuthorRecords` (same arguments, same rules), before the records are made. */
export function tallyAuthors(papers: readonly Paper[], listings?: Iterable<readonly string[]>): AuthorTally {
  const byKey: AuthorTally = new Map();
  for (const paper of papers) {
    for (const a of paper.authors) {
      let r = byKey.get(a.key);
      if (!r) {
        r = { spellings: new Map(), papers: [] };
        byKey.set(a.key, r);
      }
      if (listings === undefined) r.spellings.set(a.name, (r.spellings.get(a.name) ?? 0) + 1);
      if (r.papers[r.papers.length - 1] !== paper.id) r.papers.push(paper.id);
    }
  }
  if (listings !== undefined) {
    for (const names of listings) {
      const seen = new Set<string>();
      for (const name of names) {
        const key = authorKey(name);
        const r = byKey.get(key);
        if (!r || seen.has(key)) continue;
        seen.add(key);
        r.spellings.set(name, (r.spellings.get(name) ?? 0) + 1);
      }
    }
  }
  return byKey;
}

/** The authors.json records of a tally, sorted by key: the most used spelling as the name (see the rule above). */
export function authorRecords(tally: AuthorTally): AuthorRecord[] {
  const out: AuthorRecord[] = [];
  for (const [key, r] of tally) out.push(recordOf(key, r));
  return out.sort((a, b) => compareStrings(a.key, b.key));
}

/** The record of one tally entry (see `authorRecords`). */
function recordOf(key: string, r: { spellings: Map<string, number>; papers: string[] }): AuthorRecord {
  const spellings = [...r.spellings.keys()].sort(compareStrings);
  const name = [...r.spellings.entries()].sort(
    (x, y) => y[1] - x[1] || nonAscii(y[0]) - nonAscii(x[0]) || compareStrings(x[0], y[0]),
  )[0]![0];
  return { key, name, spellings, papers: r.papers, count: r.papers.length };
}

/**
 * A dataset's author records with what adding papers to them takes, as strings, one per author
 * in key order: what the dataset cache keeps between runs (pipeline/cache/dataset-cache.ts) in
 * place of the tally's maps, whose deserialization took about 50 ms on the real archive's
 * 24,000 authors, against about 2 ms for these strings. A tally entry is a record (its
 * `spellings` and `papers`) with its `uses`; an unchanged author's line is reused as it is.
 */
export interface AuthorTable {
  /** The records, sorted by key (authors.json's order). */
  records: AuthorRecord[];
  /** Each record's line of authors.json: `JSON.stringify(record)`. */
  lines: string[];
  /** Each record's spelling counts: how many listings used each of its `spellings`, in that order, in base 10 joined with ','. */
  uses: string[];
}

/** The table of a tally: its records (`authorRecords`), their lines and uses. */
export function authorTable(tally: AuthorTally): AuthorTable {
  const records = authorRecords(tally);
  const uses = records.map((r) => usesOf(r.spellings, tally.get(r.key)!.spellings));
  return { records, lines: records.map((r) => JSON.stringify(r)), uses };
}

function usesOf(spellings: readonly string[], counts: ReadonlyMap<string, number>): string {
  return spellings.map((s) => counts.get(s)!).join(',');
}

/**
 * A table from its lines and uses as the dataset cache keeps them (each line parsed into its
 * record). Throws an Error when a line is not a record, a `uses` does not count each spelling,
 * or the keys are not in order.
 */
export function readAuthorTable(lines: readonly string[], uses: readonly string[]): AuthorTable {
  if (lines.length !== uses.length) throw new Error(`${lines.length} author lines but ${uses.length} spelling counts`);
  const records: AuthorRecord[] = [];
  for (let i = 0; i < lines.length; i++) {
    const r = JSON.parse(lines[i]!) as AuthorRecord;
    if (typeof r?.key !== 'string' || !Array.isArray(r.spellings) || !Array.isArray(r.papers) || r.spellings.length !== uses[i]!.split(',').length) {
      throw new Error(`author line ${i + 1} is not a record with its spelling counts`);
    }
    if (i > 0 && !(compareStrings(records[i - 1]!.key, r.key) < 0)) throw new Error(`author line ${i + 1} is out of key order`);
    records.push(r);
  }
  return { records, lines: [...lines], uses: [...uses] };
}

/** Record `r`'s tally entry, given its `uses`. */
function entryOf(r: AuthorRecord, uses: string): { spellings: Map<string, number>; papers: string[] } {
  const counts = uses.split(',');
  return { spellings: new Map(r.spellings.map((s, i) => [s, Number(counts[i])])), papers: r.papers };
}

/**
 * The table of a dataset whose papers are `papers` (with their `listings`) in front of those of
 * `table`, as `authorTable(tallyAuthors(...))` of the whole dataset would make it, provided that
 * none of `papers` is one of `table`'s papers (each listing names only authors of its own paper:
 * src/papers.ts). Only the authors of `papers` get a new record and line; the others are
 * `table`'s own, which is left as it was.
 */
export function prependToTable(table: AuthorTable, papers: readonly Paper[], listings: Iterable<readonly string[]>): AuthorTable {
  const added = tallyAuthors(papers, listings);
  const out: AuthorTable = { records: [], lines: [], uses: [] };
  const n = table.records.length;
  let i = 0;
  const keep = (to: number): void => {
    for (; i < to; i++) {
      out.records.push(table.records[i]!);
      out.lines.push(table.lines[i]!);
      out.uses.push(table.uses[i]!);
    }
  };
  for (const key of [...added.keys()].sort(compareStrings)) {
    keep(lowerBound(table.records, key, i));
    const fresh = added.get(key)!;
    let entry = fresh;
    if (i < n && table.records[i]!.key === key) {
      const old = entryOf(table.records[i]!, table.uses[i]!);
      for (const [name, count] of fresh.spellings) old.spellings.set(name, (old.spellings.get(name) ?? 0) + count);
      entry = { spellings: old.spellings, papers: [...fresh.papers, ...old.papers] };
      i++;
    }
    const record = recordOf(key, entry);
    out.records.push(record);
    out.lines.push(JSON.stringify(record));
    out.uses.push(usesOf(record.spellings, entry.spellings));
  }
  keep(n);
  return out;
}

/** The first index at or after `from` whose record's key is not before `key` (records sorted by key). */
function lowerBound(records: readonly AuthorRecord[], key: string, from: number): number {
  let lo = from;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareStrings(records[mid]!.key, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
