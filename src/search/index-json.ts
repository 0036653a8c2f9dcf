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
export function entryLength(index: BuiltIndex, i: number, termJson = JSON.stringify(index.terms[i])): number {
  return termJson.length + (index.offsets[i + 1]! - index.offsets[i]!) + 3;
}

/**
 * search-index.json's bytes by index, with where each term's entry starts in them (`starts[i]`,
 * and `starts[n]` one past the last entry): the page's term chunks are runs of the same entries,
 * copied from there instead of written a second time (`entriesBytes`).
 */
const written = new WeakMap<BuiltIndex, { bytes: Uint8Array; starts: Uint32Array }>();

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
  return writeEntries(index, from, to, prefix, suffix, null);
}

/** `entriesBytes` written term by term; `starts` (when given, to - from + 1 long) gets each entry's offset and the end plus one. */
function writeEntries(index: BuiltIndex, from: number, to: number, prefix: string, suffix: string, starts: Uint32Array | null): Uint8Array {
  const json: string[] = [];
  let total = utf8Length(prefix) + utf8Length(suffix) + Math.max(0, to - from - 1);
  for (let i = from; i < to; i++) {
    const t = JSON.stringify(index.terms[i]);
    json.push(t);
    total += utf8Length(t) + (index.offsets[i + 1]! - index.offsets[i]!) + 3;
  }
  const out = new Uint8Array(total);
  let at = encoder.encodeInto(prefix, out).written;
  for (let i = from; i < to; i++) {
    if (i > from) out[at++] = 44; // ,
    if (starts) starts[i - from] = at;
    out[at++] = 91; // [
    at += encoder.encodeInto(json[i - from]!, out.subarray(at)).written;
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
  const bytes = writeEntries(index, 0, index.terms.length, `${headText.slice(0, -tail.length)},"index":[`, `],"serializationVersion":${version}}`, starts);
  written.set(index, { bytes, starts });
  return bytes;
}

/** search-index.json as text (tests, small indexes). */
export function indexJsonText(index: BuiltIndex): string {
  return decoder.decode(indexJsonBytes(index));
}
