/**
 * Builds the MiniSearch index without `MiniSearch#add`.
 *
 * `MiniSearch#add` inserts every term occurrence into a radix tree, one at a time. With the
 * Korean bigram analyzer that is about a million insertions on the real corpus (most of the
 * index step's time, and a large heap at 10x). This module splits the work in two:
 *
 * - `analyzeDocument` runs the shared analyzer over one document and returns its term vector:
 *   per field, the field length MiniSearch records (distinct tokens) and each term's
 *   frequency. A vector depends only on the document's text and the analyzer, so the pipeline
 *   caches it by content hash and re-analyzes only new or changed papers.
 * - `IndexBuilder` merges vectors, in document order, into flat posting lists and writes the
 *   exact text `JSON.stringify(miniSearch)` would write for the same documents added in the
 *   same order, with terms in sorted order (test/src/search/index-builder.test.ts and the corpus test
 *   compare the two byte for byte). `MiniSearch.loadJSON` loads it as before.
 *
 * Pure: no `node:` imports.
 */
import { ANALYZER_VERSION, indexOptions, SEARCH_FIELDS, STORE_FIELDS, VERSION_KEY } from './options.ts';
import { compareStrings } from '../compare.ts';
import type { SearchDocument, StoredFields } from './options.ts';

/**
 * What the analyzer makes of one document (field order = SEARCH_FIELDS), in a compact form:
 * a few strings per document instead of one per term, so that vectors are cheap to keep in
 * memory at 10x, to pass between threads and to cache as JSON.
 */
export interface DocVector {
  /** Per field: the number of distinct tokens, which MiniSearch stores as the field length. */
  lengths: number[];
  /** Per field: the distinct terms joined by `\n` (terms never hold whitespace), or ''. */
  terms: string[];
  /** Per field: each term's frequency, in decimal, joined by `,` (parallel to `terms`). */
  freqs: string[];
}

const tokenize = indexOptions.tokenize!;
const processTerm = indexOptions.processTerm!;
const SEPARATOR = '\n';

/**
 * Runs the index's analyzer over one document, exactly as `MiniSearch#add` would, and hands over
 * each field (in SEARCH_FIELDS order): its length (distinct tokens) and each term's frequency.
 */
export function analyzeFields(doc: SearchDocument, each: (field: number, length: number, counts: Map<string, number>) => void): void {
  SEARCH_FIELDS.forEach((field, f) => {
    const value = doc[field];
    const counts = new Map<string, number>();
    if (value == null) {
      each(f, 0, counts);
      return;
    }
    // Raw tokens are counted first: the field length is their number, and each distinct token
    // is processed once. Processed terms still enter `counts` in order of first occurrence.
    const raw = new Map<string, number>();
    for (const token of tokenize(String(value), field)) raw.set(token, (raw.get(token) ?? 0) + 1);
    for (const [token, n] of raw) {
      const processed = processTerm(token, field);
      if (Array.isArray(processed)) {
        for (const t of processed) counts.set(t, (counts.get(t) ?? 0) + n);
      } else if (processed) {
        counts.set(processed, (counts.get(processed) ?? 0) + n);
      }
    }
    // The analyzer splits on whitespace, so no term holds the separator; an empty term would
    // be lost in the encodings. Either would be an analyzer bug: fail loudly, never index wrong.
    for (const k of counts.keys()) if (k === '' || k.includes(SEPARATOR)) throw new Error(`index-builder: unexpected term ${JSON.stringify(k)}`);
    each(f, raw.size, counts);
  });
}

/** Runs the index's analyzer over one document, exactly as `MiniSearch#add` would. */
export function analyzeDocument(doc: SearchDocument): DocVector {
  const lengths: number[] = [];
  const terms: string[] = [];
  const freqs: string[] = [];
  analyzeFields(doc, (_f, length, counts) => {
    lengths.push(length);
    terms.push([...counts.keys()].join(SEPARATOR));
    freqs.push([...counts.values()].join(','));
  });
  return { lengths, terms, freqs };
}

/**
 * Term vectors of many documents in columns (what the cache stores): a term dictionary, and per
 * document its key, its field lengths and a run of (term, field, frequency) records. A few
 * typed arrays instead of millions of small strings: fast to store, load and merge.
 */
export interface VectorTable {
  /** The terms the records refer to, by number. */
  dict: string[];
  /** Per document (row): the key it is cached under. */
  keys: string[];
  /** Per row: the field lengths, SEARCH_FIELDS.length numbers each. */
  lengths: Int32Array;
  /** Row r's records are starts[r] .. starts[r + 1]. */
  starts: Int32Array;
  /** Per record: term number (into dict), field id and frequency. */
  terms: Int32Array;
  fields: Uint8Array;
  freqs: Int32Array;
}

/** One row of a vector table. */
export interface TableVector {
  table: VectorTable;
  row: number;
}

/** Why a table cannot be used, or null when it is consistent (for tables read from a cache). */
export function checkVectorTable(value: unknown): string | null {
  if (value === null || typeof value !== 'object') return 'not an object';
  const t = value as VectorTable;
  const rows = Array.isArray(t.keys) ? t.keys.length : -1;
  if (rows < 0 || !Array.isArray(t.dict)) return 'missing keys or dictionary';
  if (!(t.lengths instanceof Int32Array) || !(t.starts instanceof Int32Array) || !(t.terms instanceof Int32Array)) return 'wrong column types';
  if (!(t.fields instanceof Uint8Array) || !(t.freqs instanceof Int32Array)) return 'wrong column types';
  const fieldCount = SEARCH_FIELDS.length;
  const n = t.terms.length;
  if (t.lengths.length !== rows * fieldCount || t.starts.length !== rows + 1 || t.fields.length !== n || t.freqs.length !== n) {
    return 'column lengths do not match';
  }
  if (t.starts[0] !== 0 || t.starts[rows] !== n) return 'row starts out of range';
  for (let r = 0; r < rows; r++) if (t.starts[r]! > t.starts[r + 1]! || typeof t.keys[r] !== 'string') return 'rows out of order';
  for (let i = 0; i < n; i++) {
    if (t.terms[i]! < 0 || t.terms[i]! >= t.dict.length || t.fields[i]! >= fieldCount || t.freqs[i]! < 1) return 'record out of range';
  }
  for (const term of t.dict) if (typeof term !== 'string' || term === '') return 'bad dictionary entry';
  return null;
}

/** The index's header: everything `MiniSearch#toJSON` writes except the term index. */
export interface IndexHead {
  documentCount: number;
  nextId: number;
  documentIds: Record<string, string>;
  fieldIds: Record<string, number>;
  fieldLength: Record<string, number[]>;
  averageFieldLength: number[];
  storedFields: Record<string, StoredFields>;
  dirtCount: number;
  serializationVersion: 2;
}

/** A built index: the header, the sorted terms and each term's postings as JSON bytes. */
export interface BuiltIndex {
  head: IndexHead;
  /** Every term, sorted by code unit. */
  terms: string[];
  /**
   * Every term's postings, one after the other, exactly as JSON.stringify writes them
   * (`{"<fieldId>":{"<shortDocId>":freq,...},...}`: ASCII only). Kept as bytes, off the
   * garbage-collected heap: at 10x this is the largest part of the index.
   */
  postings: Uint8Array;
  /** Term i's postings are `postings[offsets[i]] .. postings[offsets[i + 1]]`. */
  offsets: Uint32Array;
}

/** A growable byte buffer for ASCII JSON. */
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
  /** Writes a non-negative integer in decimal. */
  int(n: number): void {
    if (this.length + 16 > this.buf.length) this.grow(16);
    let width = 1;
    for (let p = 10; p <= n; p *= 10) width++;
    let at = this.length + width;
    this.length = at;
    do {
      this.buf[--at] = 48 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
  }
}

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

/** Term i's postings as JSON text. */
export function postingsText(index: BuiltIndex, i: number): string {
  return decoder.decode(index.postings.subarray(index.offsets[i]!, index.offsets[i + 1]!));
}

/** The length of term i's entry as JSON text (`["term",{postings}]`) in UTF-16 code units, without building it. */
export function entryLength(index: BuiltIndex, i: number, termJson = JSON.stringify(index.terms[i])): number {
  return termJson.length + (index.offsets[i + 1]! - index.offsets[i]!) + 3;
}

/**
 * `prefix` + the entries of terms [from, to) joined by commas + `suffix`, as UTF-8 bytes: what
 * `prefix + JSON.stringify(entries).slice(1, -1) + suffix` would encode to.
 */
export function entriesBytes(index: BuiltIndex, from: number, to: number, prefix = '[', suffix = ']'): Uint8Array {
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
    out[at++] = 91; // [
    at += encoder.encodeInto(json[i - from]!, out.subarray(at)).written;
    out[at++] = 44; // ,
    out.set(index.postings.subarray(index.offsets[i]!, index.offsets[i + 1]!), at);
    at += index.offsets[i + 1]! - index.offsets[i]!;
    out[at++] = 93; // ]
  }
  at += encoder.encodeInto(suffix, out.subarray(at)).written;
  if (at !== total) throw new Error('index-builder: size mismatch');
  return out;
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
  private readonly average: number[] = [];
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
    const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.recTerms = grow(this.recTerms, (n) => new Int32Array(n));
    this.recFields = grow(this.recFields, (n) => new Uint8Array(n));
    this.recDocs = grow(this.recDocs, (n) => new Int32Array(n));
    this.recFreqs = grow(this.recFreqs, (n) => new Int32Array(n));
  }

  private push(term: number, field: number, doc: number, freq: number): void {
    const at = this.count++;
    this.recTerms[at] = term;
    this.recFields[at] = field;
    this.recDocs[at] = doc;
    this.recFreqs[at] = freq;
  }

  /**
   * Adds a document with its vector (fresh from `analyzeDocument`, or a row of a cached table);
   * returns false (and adds nothing) for an id already added. `key` is recorded for exportTable.
   */
  add(doc: SearchDocument, vector: DocVector | TableVector, key = ''): boolean {
    if (this.seen.has(doc.id)) return false;
    this.seen.add(doc.id);
    const short = this.ids.length;
    this.ids.push(doc.id);
    this.keys.push(key);
    this.docStarts.push(this.count);
    const stored: Record<string, unknown> = {};
    for (const name of STORE_FIELDS) if (doc[name] !== undefined) stored[name] = doc[name];
    this.stored.push(stored as unknown as StoredFields);
    if ('table' in vector) {
      this.addRow(short, vector);
      return true;
    }
    const lengths: number[] = [];
    for (let f = 0; f < SEARCH_FIELDS.length; f++) {
      const length = vector.lengths[f]!;
      lengths.push(length);
      this.average[f] = ((this.average[f] || 0) * short + length) / (short + 1);
      const joined = vector.terms[f]!;
      if (joined === '') continue;
      const terms = joined.split(SEPARATOR);
      const freqs = vector.freqs[f]!;
      this.reserve(terms.length);
      let q = 0; // position in `freqs` ("1,3,1")
      for (let i = 0; i < terms.length; i++) {
        const id = this.intern(terms[i]!);
        let freq = 0;
        for (let c = freqs.charCodeAt(q); c >= 48 && c <= 57; c = freqs.charCodeAt(++q)) freq = freq * 10 + (c - 48);
        q++; // the comma
        this.push(id, f, short, freq);
      }
    }
    this.fieldLength.push(lengths);
    return true;
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
    for (let f = 0; f < fieldCount; f++) {
      const length = table.lengths[row * fieldCount + f]!;
      lengths.push(length);
      this.average[f] = ((this.average[f] || 0) * short + length) / (short + 1);
    }
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
    const fieldIds: Record<string, number> = {};
    SEARCH_FIELDS.forEach((field, i) => (fieldIds[field] = i));
    const documentIds: Record<string, string> = {};
    const fieldLength: Record<string, number[]> = {};
    const storedFields: Record<string, StoredFields> = {};
    for (let i = 0; i < this.ids.length; i++) {
      documentIds[i] = this.ids[i]!;
      fieldLength[i] = this.fieldLength[i]!;
      storedFields[i] = this.stored[i]!;
    }

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
    const offsets = new Uint32Array(termCount + 1);
    for (let i = 0; i < termCount; i++) {
      const t = sorted[i]!;
      offsets[i] = w.length;
      w.ascii('{');
      let firstField = true;
      for (let f = 0; f < fieldCount; f++) {
        const from = start[t * fieldCount + f]!;
        const to = start[t * fieldCount + f + 1]!;
        if (from === to) continue;
        w.ascii(firstField ? '"' : ',"');
        firstField = false;
        w.int(f);
        w.ascii('":{"');
        for (let j = from; j < to; j++) {
          const k = order[j]!;
          if (j > from) w.ascii(',"');
          w.int(this.recDocs[k]!);
          w.ascii('":');
          w.int(this.recFreqs[k]!);
        }
        w.ascii('}');
      }
      w.ascii('}');
    }
    offsets[termCount] = w.length;
    const terms = sorted.map((t) => this.termList[t]!);
    this.recTerms = new Int32Array(0);
    this.recFields = new Uint8Array(0);
    this.recDocs = new Int32Array(0);
    this.recFreqs = new Int32Array(0);
    this.termIds.clear();
    this.remaps.clear();
    return {
      head: {
        documentCount: this.ids.length,
        nextId: this.ids.length,
        documentIds,
        fieldIds,
        fieldLength,
        averageFieldLength: [...this.average],
        storedFields,
        dirtCount: 0,
        serializationVersion: 2,
      },
      terms,
      postings: w.buf.subarray(0, w.length),
      offsets,
    };
  }
}

/**
 * The bytes of search-index.json: `JSON.stringify(miniSearch)` of the same index, UTF-8, with
 * the analyzer version as the first key. Built in one buffer: a 10x index never exists as a string.
 */
export function indexJsonBytes(index: BuiltIndex): Uint8Array {
  const { head } = index;
  const headText = JSON.stringify({
    [VERSION_KEY]: ANALYZER_VERSION,
    documentCount: head.documentCount,
    nextId: head.nextId,
    documentIds: head.documentIds,
    fieldIds: head.fieldIds,
    fieldLength: head.fieldLength,
    averageFieldLength: head.averageFieldLength,
    storedFields: head.storedFields,
    dirtCount: head.dirtCount,
    index: [],
    serializationVersion: head.serializationVersion,
  });
  const tail = `,"index":[],"serializationVersion":${head.serializationVersion}}`;
  if (!headText.endsWith(tail)) throw new Error('index-builder: unexpected header serialization');
  return entriesBytes(
    index,
    0,
    index.terms.length,
    `${headText.slice(0, -tail.length)},"index":[`,
    `],"serializationVersion":${head.serializationVersion}}`,
  );
}

/** search-index.json as text (tests, small indexes). */
export function indexJsonText(index: BuiltIndex): string {
  return decoder.decode(indexJsonBytes(index));
}

/** Analyzes and builds in one go (no cache): the index of `docs`, in order. */
export function buildIndex(docs: Iterable<SearchDocument>): BuiltIndex {
  const builder = new IndexBuilder();
  for (const doc of docs) builder.add(doc, analyzeDocument(doc));
  return builder.finish();
}
