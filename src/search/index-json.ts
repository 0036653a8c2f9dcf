/**
 * Writes a built index (src/search/index-builder.ts) as JSON: search-index.json, and runs of
 * its term entries for the page's term chunks (pipeline/page/chunks.ts).
 *
 * search-index.json is `JSON.stringify(miniSearch)` of a MiniSearch built with `indexOptions`
 * and the same documents added in the same order, with its terms sorted, the analyzer version
 * as the first key, and each term's postings in the compact format of src/search/postings.ts
 * (`COMPACT_SERIALIZATION`): expanded back (`expandIndex`), it is exactly MiniSearch's own JSON
 * (test/src/search/index-builder.test.ts and the corpus test compare the two byte for byte).
 * The postings are copied as bytes, so a 10x index never exists as one string.
 *
 * Pure: no `node:` imports.
 */
import type { BuiltIndex } from './index-builder.ts';
import { COMPACT_SERIALIZATION, serializedHeader } from './internals.ts';

/** Bytes of a string in UTF-8. */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Term i's postings: the compact string (src/search/postings.ts), without the JSON quotes. */
export function postingsText(index: BuiltIndex, i: number): string {
  return decoder.decode(index.postings.subarray(index.offsets[i]! + 1, index.offsets[i + 1]! - 1));
}

/** The length of term i's entry as JSON text (`["term",{postings}]`) in UTF-16 code units, without building it. */
export function entryLength(index: BuiltIndex, i: number): number {
  // A term JSON writes as itself in quotes (see `termsJson`) is two code units longer.
  const plain = written.get(index)?.plain;
  const termLength = plain?.[i] === 1 ? index.terms[i]!.length + 2 : JSON.stringify(index.terms[i]).length;
  return termLength + (index.offsets[i + 1]! - index.offsets[i]!) + 3;
}

/** What JSON.stringify escapes in a string: `"`, `\` and control characters (ECMA-262 QuoteJSONString). */
const ESCAPED_BYTE = (b: number): boolean => b === 0x22 || b === 0x5c || b < 0x20;
/** A lone surrogate, which JSON.stringify escapes and UTF-8 cannot hold. */
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/**
 * Terms [from, to) of `terms` as the UTF-8 bytes of their JSON strings, without a
 * `JSON.stringify` per term: the terms are encoded in one go, joined by line feeds, and a term
 * holding nothing JSON escapes (`"`, `\`, a control character; no line feed, then, and no lone
 * surrogate, which the whole run is checked for) is its own bytes in quotes. Returns the joined
 * bytes, each term's byte range in them (`starts`, `ends`; -1 for a term that is not plain), and
 * the JSON bytes of the terms that are not (by position from `from`).
 */
function termsJson(terms: readonly string[], from: number, to: number) {
  const n = to - from;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const escaped = new Map<number, Uint8Array>();
  const run = terms.slice(from, to);
  const joined = run.join('\n');
  if (LONE_SURROGATE.test(joined)) {
    run.forEach((t, k) => {
      starts[k] = -1;
      escaped.set(k, encoder.encode(JSON.stringify(t)));
    });
    return { bytes: new Uint8Array(0), starts, ends, escaped };
  }
  const bytes = encoder.encode(joined);
  let at = 0;
  for (let k = 0; k < n; k++) {
    let end = at;
    let plain = true;
    // A line feed is the separator unless the term itself holds one (then it is escaped, and
    // the term's own count of line feeds is skipped with it).
    const term = run[k]!;
    const lineFeeds = term.includes('\n') ? term.split('\n').length - 1 : 0;
    for (let seen = 0; end < bytes.length; end++) {
      const b = bytes[end]!;
      if (b === 0x0a && seen++ === lineFeeds) break;
      if (ESCAPED_BYTE(b)) plain = false;
    }
    if (plain) {
      starts[k] = at;
      ends[k] = end;
    } else {
      starts[k] = -1;
      escaped.set(k, encoder.encode(JSON.stringify(run[k])));
    }
    at = end + 1;
  }
  return { bytes, starts, ends, escaped };
}

/**
 * search-index.json's bytes by index, with where each term's entry starts in them (`starts[i]`,
 * and `starts[n]` one past the last entry): the page's term chunks are runs of the same entries,
 * copied from there instead of written a second time (`entriesBytes`).
 */
const written = new WeakMap<BuiltIndex, { bytes: Uint8Array; starts: Uint32Array; plain: Uint8Array }>();

/**
 * `prefix` + the entries of terms [from, to) joined by commas + `suffix`, as UTF-8 bytes: what
 * `prefix + JSON.stringify(entries).slice(1, -1) + suffix` would encode to. A run in brackets of
 * an index whose search-index.json was made (`indexJsonBytes`) is copied from that file's bytes.
 */
export function entriesBytes(index: BuiltIndex, from: number, to: number, prefix = '[', suffix = ']'): Uint8Array {
  const done = written.get(index);
  if (done && prefix === '[' && suffix === ']' && from < to) {
    const { bytes, starts } = done;
    const out = new Uint8Array(starts[to]! - 1 - starts[from]! + 2); // without the comma after the last entry
    out[0] = 91; // [
    out.set(bytes.subarray(starts[from]!, starts[to]! - 1), 1);
    out[out.length - 1] = 93; // ]
    return out;
  }
  return writeEntries(index, from, to, prefix, suffix, null, null);
}

/**
 * `entriesBytes` written term by term; `starts` (when given, to - from + 1 long) gets each
 * entry's offset and the end plus one, `plain` (the same) 1 for each term written as itself in
 * quotes (`termsJson`).
 */
function writeEntries(index: BuiltIndex, from: number, to: number, prefix: string, suffix: string, starts: Uint32Array | null, plain: Uint8Array | null): Uint8Array {
  const terms = termsJson(index.terms, from, to);
  let total = utf8Length(prefix) + utf8Length(suffix) + Math.max(0, to - from - 1);
  for (let i = from; i < to; i++) {
    const k = i - from;
    const termBytes = terms.starts[k]! >= 0 ? terms.ends[k]! - terms.starts[k]! + 2 : terms.escaped.get(k)!.length;
    total += termBytes + (index.offsets[i + 1]! - index.offsets[i]!) + 3;
  }
  const out = new Uint8Array(total);
  let at = encoder.encodeInto(prefix, out).written;
  for (let i = from; i < to; i++) {
    const k = i - from;
    if (i > from) out[at++] = 44; // ,
    if (starts) starts[k] = at;
    out[at++] = 91; // [
    if (terms.starts[k]! >= 0) {
      out[at++] = 34; // "
      out.set(terms.bytes.subarray(terms.starts[k]!, terms.ends[k]!), at);
      at += terms.ends[k]! - terms.starts[k]!;
      out[at++] = 34;
      if (plain) plain[k] = 1;
    } else {
      const json = terms.escaped.get(k)!;
      out.set(json, at);
      at += json.length;
    }
    out[at++] = 44; // ,
    out.set(index.postings.subarray(index.offsets[i]!, index.offsets[i + 1]!), at);
    at += index.offsets[i + 1]! - index.offsets[i]!;
    out[at++] = 93; // ]
  }
  if (starts) starts[to - from] = at + 1; // as if a comma followed
  at += encoder.encodeInto(suffix, out.subarray(at)).written;
  if (at !== total) throw new Error('index-json: size mismatch');
  return out;
}

/**
 * The bytes of search-index.json: `JSON.stringify(miniSearch)` of the same index with the
 * analyzer version as the first key, each term's postings compact (src/search/postings.ts) and
 * `COMPACT_SERIALIZATION`, UTF-8. Built in one buffer: a 10x index never exists as a string.
 */
export function indexJsonBytes(index: BuiltIndex): Uint8Array {
  const { head } = index;
  const headText = JSON.stringify(serializedHeader(head));
  const version = JSON.stringify(COMPACT_SERIALIZATION);
  const tail = `,"index":[],"serializationVersion":${version}}`;
  if (!headText.endsWith(tail)) throw new Error('index-json: unexpected header serialization');
  const starts = new Uint32Array(index.terms.length + 1);
  const plain = new Uint8Array(index.terms.length);
  const bytes = writeEntries(index, 0, index.terms.length, `${headText.slice(0, -tail.length)},"index":[`, `],"serializationVersion":${version}}`, starts, plain);
  written.set(index, { bytes, starts, plain });
  return bytes;
}

/** search-index.json as text (tests, small indexes). */
export function indexJsonText(index: BuiltIndex): string {
  return decoder.decode(indexJsonBytes(index));
}
