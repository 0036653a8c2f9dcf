/**
 * Builds the MiniSearch index without `MiniSearch#add`.
 *
 * `MiniSearch#add` inserts every term occurrence into a radix tree, one at a time. With the
 * Korean bigram analyzer that is about a million insertions on the real corpus (most of the
 * index step's time, and a large heap at 10x). Instead, the analyzer's output per document is
 * a term vector (src/search/vectors.ts, cached by the pipeline), and `IndexBuilder` merges the
 * vectors, in document order, into flat posting lists: the header, the sorted terms and each
 * term's postings in the compact format of src/search/postings.ts, as JSON string bytes
 * (src/search/index-json.ts writes the whole index from these).
 *
 * Pure: no `node:` imports.
 */
import { SEARCH_FIELDS, STORE_FIELDS } from './options.ts';
import { compareStrings } from '../compare.ts';
import type { SearchDocument, StoredFields } from './options.ts';
import type { IndexHead } from './internals.ts';
import { isLeftOut, processTerm, tokenize } from './analyzer.ts';
import { eachVectorTerm, SEPARATOR } from './vectors.ts';
import { digit, readPostings } from './postings.ts';
import type { DocVector, TableVector, VectorTable } from './vectors.ts';

/** A built index: the header, the sorted terms and each term's postings as JSON string bytes. */
export interface BuiltIndex {
  head: IndexHead;
  /** Every term, sorted by code unit. */
  terms: string[];
  /**
   * Every term's postings, one after the other, each the JSON string of its compact form
   * (src/search/postings.ts: `"0:3,11*2;1:3"`, quotes included; ASCII only). Kept as bytes,
   * off the garbage-collected heap: at 10x this is the largest part of the index.
   */
  postings: Uint8Array;
  /** Term i's postings are `postings[offsets[i]] .. postings[offsets[i + 1]]`. */
  offsets: Uint32Array;
}

/**
 * What the builder merged, before the name terms of one- and two-paper authors are left out
 * (`isLeftOut`): what a later run needs to put new documents in front (`prependIndex`) instead
 * of merging every vector again. The pipeline keeps it between runs
 * (pipeline/cache/merged-cache.ts).
 */
export interface MergedIndex {
  /** Per short id: the document's id. */
  ids: string[];
  /** Per short id: the key its vector is cached under (`docKey`, a hash of the searchable text). */
  keys: string[];
  /** Per short id: the field lengths, SEARCH_FIELDS.length numbers each (distinct tokens). */
  lengths: Int32Array;
  /** Every term, left-out ones included, sorted by code unit. */
  terms: string[];
  /** Per term: its records (one per document and field), what `isLeftOut` decides on. */
  counts: Int32Array;
  /** Every term's postings as JSON string bytes, laid out as in `BuiltIndex`. */
  postings: Uint8Array;
  offsets: Uint32Array;
}

/** A copy of `a` with room for `size` elements (the rest zero). */
function grown<T extends Int32Array | Uint8Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/** A growable byte buffer for ASCII text. */
class ByteWriter {
  buf: Uint8Array;
  length = 0;
  constructor(capacity: number) {
    this.buf = new Uint8Array(Math.max(1024, capacity));
  }
  private grow(extra: number): void {
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + extra));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  /** Writes ASCII text. */
  ascii(s: string): void {
    if (this.length + s.length > this.buf.length) this.grow(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.length++] = s.charCodeAt(i);
  }
  /** Copies bytes. */
  bytes(b: Uint8Array): void {
    if (this.length + b.length > this.buf.length) this.grow(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  /** Writes one byte. */
  byte(b: number): void {
    if (this.length + 1 > this.buf.length) this.grow(1);
    this.buf[this.length++] = b;
  }
  /** Writes a non-negative integer in base 36 (digits `0-9a-z`). */
  base36(n: number): void {
    if (this.length + 16 > this.buf.length) this.grow(16);
    let width = 1;
    for (let p = 36; p <= n; p *= 36) width++;
    let at = this.length + width;
    this.length = at;
    do {
      const d = n % 36;
      this.buf[--at] = d < 10 ? 48 + d : 87 + d;
      n = Math.floor(n / 36);
    } while (n > 0);
  }
}

/**
 * Adds documents with their vectors, in order, like `MiniSearch#add`: short ids count from 0,
 * field lengths and the running field-length averages are computed the same way.
 *
 * Term occurrences go into typed arrays (term number, field, document, frequency) rather than
 * a map of arrays: at 10x that is millions of records kept off the garbage-collected heap.
 * `finish` groups them by term with a counting sort that keeps document order.
 */
export class IndexBuilder {
  private readonly ids: string[] = [];
  private readonly fieldLength: number[][] = [];
  private readonly stored: StoredFields[] = [];
  private readonly seen = new Set<string>();
  private readonly termIds = new Map<string, number>();
  private readonly termList: string[] = [];
  /** Records in columns: term number, field id, short document id, frequency. */
  private recTerms = new Int32Array(4096);
  private recFields = new Uint8Array(4096);
  private recDocs = new Int32Array(4096);
  private recFreqs = new Int32Array(4096);
  private count = 0;
  /** Per short id: where its records start, and the key it was added under (for exportTable). */
  private readonly docStarts: number[] = [];
  private readonly keys: string[] = [];
  /** Per dictionary of the tables added from: its numbers -> this builder's term numbers. */
  private readonly remaps = new Map<readonly string[], Int32Array>();
  /**
   * Analysis here (`add` without a vector): each distinct raw token seen gets a number once, with
   * its processed term's number in `tokenTerm` (-1: not indexed), so `processTerm` runs once per
   * token (it depends on the token alone). `termFreq` counts each term of the field at hand (all
   * zero between fields).
   */
  private readonly tokenNumbers = new Map<string, number>();
  private tokenTerm = new Int32Array(4096);
  private termFreq = new Int32Array(4096);

  get documentCount(): number {
    return this.ids.length;
  }

  private intern(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termList.length;
      this.termIds.set(term, id);
      this.termList.push(term);
    }
    return id;
  }

  private reserve(records: number): void {
    const need = this.count + records;
    if (this.recTerms.length >= need) return;
    const size = Math.max(this.recTerms.length * 2, need);
    this.recTerms = grown(this.recTerms, size);
    this.recFields = grown(this.recFields, size);
    this.recDocs = grown(this.recDocs, size);
    this.recFreqs = grown(this.recFreqs, size);
  }

  private push(term: number, field: number, doc: number, freq: number): void {
    const at = this.count++;
    this.recTerms[at] = term;
    this.recFields[at] = field;
    this.recDocs[at] = doc;
    this.recFreqs[at] = freq;
  }

  /**
   * Adds a document with its vector (fresh from `analyzeDocument`, or a row of a cached table),
   * or, without one, analyzes it here (the same records, without encoding the vector as strings
   * first); returns false (and adds nothing) for an id already added. `key` is recorded for
   * exportTable.
   */
  add(doc: SearchDocument, vector?: DocVector | TableVector, key = ''): boolean {
    if (this.seen.has(doc.id)) return false;
    this.seen.add(doc.id);
    const short = this.ids.length;
    this.ids.push(doc.id);
    this.keys.push(key);
    this.docStarts.push(this.count);
    this.stored.push(storedFieldsOf(doc));
    if (vector && 'table' in vector) {
      this.addRow(short, vector);
      return true;
    }
    const lengths: number[] = [];
    const field = (_f: number, length: number): void => void lengths.push(length);
    if (vector) {
      for (let f = 0; f < SEARCH_FIELDS.length; f++) {
        field(f, vector.lengths[f]!);
        eachVectorTerm(vector, f, (term, freq) => {
          this.reserve(1);
          this.push(this.intern(term), f, short, freq);
        });
      }
    } else {
      for (let f = 0; f < SEARCH_FIELDS.length; f++) field(f, this.analyzeField(doc, f, short));
    }
    this.fieldLength.push(lengths);
    return true;
  }

  /**
   * Analyzes field `f` of `doc` exactly as `analyzeFields` (src/search/vectors.ts) does, pushing
   * its records (terms in order of first occurrence, with their frequencies); returns the field
   * length (distinct raw tokens). Throws on a term that is empty or holds the separator (an
   * analyzer bug, as there).
   */
  private analyzeField(doc: SearchDocument, f: number, short: number): number {
    const field = SEARCH_FIELDS[f]!;
    const value = doc[field];
    if (value == null) return 0;
    // Raw tokens are counted first (a small map): the field length is their number, and each
    // distinct one is looked up once in the builder's large one.
    const raw = new Map<string, number>();
    for (const token of tokenize(String(value), field)) raw.set(token, (raw.get(token) ?? 0) + 1);
    const touched: number[] = [];
    for (const [token, count] of raw) {
      let n = this.tokenNumbers.get(token);
      if (n === undefined) n = this.newToken(token);
      const term = this.tokenTerm[n]!;
      if (term < 0) continue;
      if (this.termFreq[term] === 0) touched.push(term);
      this.termFreq[term]! += count;
    }
    this.reserve(touched.length);
    for (const term of touched) {
      this.push(term, f, short, this.termFreq[term]!);
      this.termFreq[term] = 0;
    }
    return raw.size;
  }

  /** Numbers a raw token not seen before, with its processed term's number (-1 when it is not indexed). */
  private newToken(token: string): number {
    const n = this.tokenNumbers.size;
    this.tokenNumbers.set(token, n);
    if (n >= this.tokenTerm.length) this.tokenTerm = grown(this.tokenTerm, this.tokenTerm.length * 2);
    const processed = processTerm(token);
    if (processed === '' || processed?.includes(SEPARATOR)) throw new Error(`vectors: unexpected term ${JSON.stringify(processed)}`);
    const term = processed ? this.intern(processed) : -1;
    if (term >= this.termFreq.length) this.termFreq = grown(this.termFreq, Math.max(this.termFreq.length * 2, term + 1));
    this.tokenTerm[n] = term;
    return n;
  }

  /** A cached row: its term numbers are mapped once per table term, not once per record. */
  private addRow(short: number, { table, row }: TableVector): void {
    // Tables may share a dictionary that grows (a parse worker's): the map grows with it.
    let remap = this.remaps.get(table.dict);
    if (!remap || remap.length < table.dict.length) {
      const grown = new Int32Array(Math.max(table.dict.length, (remap?.length ?? 0) * 2)).fill(-1);
      if (remap) grown.set(remap);
      this.remaps.set(table.dict, (remap = grown));
    }
    const fieldCount = SEARCH_FIELDS.length;
    const lengths: number[] = [];
    for (let f = 0; f < fieldCount; f++) lengths.push(table.lengths[row * fieldCount + f]!);
    const from = table.starts[row]!;
    const to = table.starts[row + 1]!;
    this.reserve(to - from);
    for (let i = from; i < to; i++) {
      const t = table.terms[i]!;
      let id = remap[t]!;
      if (id < 0) remap[t] = id = this.intern(table.dict[t]!);
      this.push(id, table.fields[i]!, short, table.freqs[i]!);
    }
    this.fieldLength.push(lengths);
  }

  /**
   * The vectors of every document added, as a table (what the cache stores). Call it before
   * `finish`, which lets the records go.
   */
  exportTable(): VectorTable {
    const rows = this.ids.length;
    const n = this.count;
    const lengths = new Int32Array(rows * SEARCH_FIELDS.length);
    const starts = new Int32Array(rows + 1);
    for (let d = 0; d < rows; d++) {
      starts[d] = this.docStarts[d]!;
      lengths.set(this.fieldLength[d]!, d * SEARCH_FIELDS.length);
    }
    starts[rows] = n;
    const terms = this.recTerms.slice(0, n);
    const fields = this.recFields.slice(0, n);
    const freqs = this.recFreqs.slice(0, n);
    return { dict: [...this.termList], keys: [...this.keys], lengths, starts, terms, fields, freqs };
  }

  /** The finished index. The builder should not be used afterwards. */
  finish(): BuiltIndex {
    const { merged, stored } = this.finishMerged();
    return builtIndexOf(merged, stored);
  }

  /**
   * Everything merged, left-out terms included (see `MergedIndex`), and each document's stored
   * fields. The builder should not be used afterwards.
   */
  finishMerged(): { merged: MergedIndex; stored: StoredFields[] } {
    // Counting sort of the records by (term, field); stable, so within a field a term's records
    // stay in document order: each term's postings are then written in one pass.
    const termCount = this.termList.length;
    const fieldCount = SEARCH_FIELDS.length;
    const rt = this.recTerms;
    const rf = this.recFields;
    const start = new Int32Array(termCount * fieldCount + 1);
    for (let k = 0; k < this.count; k++) start[rt[k]! * fieldCount + rf[k]! + 1]!++;
    for (let b = 0; b < termCount * fieldCount; b++) start[b + 1]! += start[b]!;
    const next = start.slice(0, termCount * fieldCount);
    const order = new Int32Array(this.count);
    for (let k = 0; k < this.count; k++) order[next[rt[k]! * fieldCount + rf[k]!]!++] = k;

    const sorted = Array.from({ length: termCount }, (_, t) => t).sort((a, b) => compareStrings(this.termList[a]!, this.termList[b]!));
    const w = new ByteWriter(this.count * 12);
    const offsets = new Uint32Array(sorted.length + 1);
    const counts = new Int32Array(sorted.length);
    for (let i = 0; i < sorted.length; i++) {
      const t = sorted[i]!;
      offsets[i] = w.length;
      counts[i] = start[(t + 1) * fieldCount]! - start[t * fieldCount]!;
      w.ascii('"');
      let firstField = true;
      for (let f = 0; f < fieldCount; f++) {
        const from = start[t * fieldCount + f]!;
        const to = start[t * fieldCount + f + 1]!;
        if (from === to) continue;
        if (!firstField) w.ascii(';');
        firstField = false;
        w.base36(f);
        w.ascii(':');
        let prev = 0;
        for (let j = from; j < to; j++) {
          const k = order[j]!;
          if (j > from) w.ascii(',');
          const doc = this.recDocs[k]!;
          w.base36(doc - prev);
          prev = doc;
          const freq = this.recFreqs[k]!;
          if (freq > 1) {
            w.ascii('*');
            w.base36(freq);
          }
        }
      }
      w.ascii('"');
    }
    offsets[sorted.length] = w.length;
    const lengths = new Int32Array(this.ids.length * fieldCount);
    this.fieldLength.forEach((row, d) => lengths.set(row, d * fieldCount));
    const merged: MergedIndex = {
      ids: [...this.ids],
      keys: [...this.keys],
      lengths,
      terms: sorted.map((t) => this.termList[t]!),
      counts,
      postings: w.buf.subarray(0, w.length),
      offsets,
    };
    this.recTerms = new Int32Array(0);
    this.recFields = new Uint8Array(0);
    this.recDocs = new Int32Array(0);
    this.recFreqs = new Int32Array(0);
    this.termIds.clear();
    this.remaps.clear();
    return { merged, stored: this.stored };
  }
}

/** A document's stored fields (STORE_FIELDS), as `MiniSearch#add` keeps them. */
export function storedFieldsOf(doc: SearchDocument): StoredFields {
  const stored: Record<string, unknown> = {};
  for (const name of STORE_FIELDS) if (doc[name] !== undefined) stored[name] = doc[name];
  return stored as unknown as StoredFields;
}

/**
 * The published index of a merged one: the header (field-length averages computed in document
 * order as `MiniSearch#add` does: the running mean `(mean * n + length) / (n + 1)`, so that
 * the floating-point values are the same), and every term but the left-out ones (`isLeftOut`).
 * `stored[i]` is short id i's stored fields.
 */
export function builtIndexOf(merged: MergedIndex, stored: readonly StoredFields[]): BuiltIndex {
  const fieldCount = SEARCH_FIELDS.length;
  const fieldIds: Record<string, number> = {};
  SEARCH_FIELDS.forEach((field, i) => (fieldIds[field] = i));
  const documentIds: Record<string, string> = {};
  const fieldLength: Record<string, number[]> = {};
  const storedFields: Record<string, StoredFields> = {};
  const average: number[] = [];
  for (let i = 0; i < merged.ids.length; i++) {
    documentIds[i] = merged.ids[i]!;
    const row = Array.from(merged.lengths.subarray(i * fieldCount, (i + 1) * fieldCount));
    fieldLength[i] = row;
    storedFields[i] = stored[i]!;
    for (let f = 0; f < fieldCount; f++) average[f] = ((average[f] || 0) * i + row[f]!) / (i + 1);
  }
  // The name terms of one- and two-paper authors are left out (see isLeftOut).
  const terms: string[] = [];
  const kept: number[] = [];
  for (let i = 0; i < merged.terms.length; i++) {
    if (isLeftOut(merged.terms[i]!, merged.counts[i]!)) continue;
    terms.push(merged.terms[i]!);
    kept.push(i);
  }
  let postings = merged.postings;
  let offsets = merged.offsets;
  if (kept.length < merged.terms.length) {
    offsets = new Uint32Array(kept.length + 1);
    let size = 0;
    for (const i of kept) size += merged.offsets[i + 1]! - merged.offsets[i]!;
    postings = new Uint8Array(size);
    let at = 0;
    kept.forEach((i, j) => {
      offsets[j] = at;
      const bytes = merged.postings.subarray(merged.offsets[i]!, merged.offsets[i + 1]!);
      postings.set(bytes, at);
      at += bytes.length;
    });
    offsets[kept.length] = at;
  }
  return {
    head: {
      documentCount: merged.ids.length,
      nextId: merged.ids.length,
      documentIds,
      fieldIds,
      fieldLength,
      averageFieldLength: average,
      storedFields,
      dirtCount: 0,
      serializationVersion: 2,
    },
    terms,
    postings,
    offsets,
  };
}

/**
 * The short ids of `merged`'s documents when `ids`/`keys` (a run's documents, in order) are
 * its documents with new ones in front: how many are new (0 or more), or -1 when they are not
 * (a document changed, went or moved; a new one came after an old one).
 */
export function newInFront(merged: MergedIndex, ids: readonly string[], keys: readonly string[]): number {
  const k = keys.length - merged.keys.length;
  if (k < 0 || ids.length !== keys.length) return -1;
  for (let i = 0; i < merged.keys.length; i++) {
    if (keys[k + i] !== merged.keys[i] || ids[k + i] !== merged.ids[i]) return -1;
  }
  return k;
}

const COMMA = 44;
const COLON = 58;
const SEMICOLON = 59;
const QUOTE_BYTE = 34;

/** The value of the base-36 number at `at` (src/search/postings.ts `digit`) and where it ends. */
function readBase36(b: Uint8Array, at: number): { value: number; end: number } {
  let value = 0;
  for (let d = digit(b[at]!); d >= 0; d = digit(b[++at]!)) value = value * 36 + d;
  return { value, end: at };
}

/**
 * The field groups of one term's postings (`"f:…;g:…"` at [from, to)): field, where the group
 * starts (its field number) and where its entries start and end.
 */
function fieldGroups(b: Uint8Array, from: number, to: number): { field: number; start: number; entries: number; end: number }[] {
  const groups: { field: number; start: number; entries: number; end: number }[] = [];
  let at = from + 1; // after the opening quote
  const close = to - 1;
  while (at < close) {
    const f = readBase36(b, at);
    if (b[f.end] !== COLON) throw new Error('index-builder: malformed postings');
    let end = f.end + 1;
    while (end < close && b[end] !== SEMICOLON) end++;
    groups.push({ field: f.value, start: at, entries: f.end + 1, end });
    at = end + 1;
  }
  return groups;
}

/** The last short id of a field group (`b[start, end)`, read by src/search/postings.ts `readPostings`). */
function lastShortId(b: Uint8Array, start: number, end: number): number {
  let last = 0;
  readPostings((i) => b[i]!, start, end, (_field, shortId) => (last = shortId));
  return last;
}

/**
 * The index of `newer`'s documents followed by `older`'s: what `IndexBuilder` would merge from
 * the same vectors in that order, byte for byte, without merging them again. `older`'s short
 * ids move up by `newer`'s document count: in each field group of a term only the first entry
 * is a short id (the rest are gaps, src/search/postings.ts), so that one number is rewritten
 * and the rest copied. Terms of both are merged field by field, `newer`'s entries first.
 */
export function prependIndex(newer: MergedIndex, older: MergedIndex): MergedIndex {
  const shift = newer.ids.length;
  const fieldCount = SEARCH_FIELDS.length;
  const lengths = new Int32Array(newer.lengths.length + older.lengths.length);
  lengths.set(newer.lengths);
  lengths.set(older.lengths, newer.lengths.length);
  const w = new ByteWriter(newer.postings.length + older.postings.length + older.terms.length * 4);
  const terms: string[] = [];
  const counts: number[] = [];
  const offsets: number[] = [];
  const nb = newer.postings;
  const ob = older.postings;
  /** Writes an older field group's entries with its first short id moved up (less `base`, the short id before it). */
  const shifted = (g: { entries: number; end: number }, base: number): void => {
    const first = readBase36(ob, g.entries);
    w.base36(first.value + shift - base);
    w.bytes(ob.subarray(first.end, g.end));
  };
  let i = 0;
  let j = 0;
  while (i < newer.terms.length || j < older.terms.length) {
    const order = i >= newer.terms.length ? 1 : j >= older.terms.length ? -1 : compareStrings(newer.terms[i]!, older.terms[j]!);
    offsets.push(w.length);
    if (order < 0) {
      terms.push(newer.terms[i]!);
      counts.push(newer.counts[i]!);
      w.bytes(nb.subarray(newer.offsets[i]!, newer.offsets[i + 1]!));
      i++;
      continue;
    }
    const og = fieldGroups(ob, older.offsets[j]!, older.offsets[j + 1]!);
    const ng = order === 0 ? fieldGroups(nb, newer.offsets[i]!, newer.offsets[i + 1]!) : [];
    terms.push(older.terms[j]!);
    counts.push(older.counts[j]! + (order === 0 ? newer.counts[i]! : 0));
    w.byte(QUOTE_BYTE);
    let a = 0;
    let b = 0;
    while (a < ng.length || b < og.length) {
      if (a + b > 0) w.byte(SEMICOLON);
      const field = Math.min(ng[a]?.field ?? fieldCount, og[b]?.field ?? fieldCount);
      w.base36(field);
      w.byte(COLON);
      const n = ng[a]?.field === field ? ng[a++] : undefined;
      const o = og[b]?.field === field ? og[b++] : undefined;
      if (n) w.bytes(nb.subarray(n.entries, n.end));
      if (n && o) w.byte(COMMA);
      if (o) shifted(o, n ? lastShortId(nb, n.start, n.end) : 0);
    }
    w.byte(QUOTE_BYTE);
    if (order === 0) i++;
    j++;
  }
  offsets.push(w.length);
  return {
    ids: [...newer.ids, ...older.ids],
    keys: [...newer.keys, ...older.keys],
    lengths,
    terms,
    counts: Int32Array.from(counts),
    postings: w.buf.slice(0, w.length),
    offsets: Uint32Array.from(offsets),
  };
}

/** Analyzes and builds in one go (no cache): the index of `docs`, in order. */
export function buildIndex(docs: Iterable<SearchDocument>): BuiltIndex {
  const builder = new IndexBuilder();
  for (const doc of docs) builder.add(doc);
  return builder.finish();
}
