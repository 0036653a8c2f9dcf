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
import { isLeftOut } from './analyzer.ts';
import { analyzeFields, eachVectorTerm } from './vectors.ts';
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
    const stored: Record<string, unknown> = {};
    for (const name of STORE_FIELDS) if (doc[name] !== undefined) stored[name] = doc[name];
    this.stored.push(stored as unknown as StoredFields);
    if (vector && 'table' in vector) {
      this.addRow(short, vector);
      return true;
    }
    const lengths: number[] = [];
    const field = (f: number, length: number): void => {
      lengths.push(length);
      this.average[f] = ((this.average[f] || 0) * short + length) / (short + 1);
    };
    if (vector) {
      for (let f = 0; f < SEARCH_FIELDS.length; f++) {
        field(f, vector.lengths[f]!);
        eachVectorTerm(vector, f, (term, freq) => {
          this.reserve(1);
          this.push(this.intern(term), f, short, freq);
        });
      }
    } else {
      analyzeFields(doc, (f, length, counts) => {
        field(f, length);
        this.reserve(counts.size);
        for (const [term, freq] of counts) this.push(this.intern(term), f, short, freq);
      });
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

    // The name terms of one- and two-paper authors are left out (see isLeftOut).
    const kept = (t: number) => !isLeftOut(this.termList[t]!, start[(t + 1) * fieldCount]! - start[t * fieldCount]!);
    const sorted = Array.from({ length: termCount }, (_, t) => t).filter(kept).sort((a, b) => compareStrings(this.termList[a]!, this.termList[b]!));
    const w = new ByteWriter(this.count * 12);
    const offsets = new Uint32Array(sorted.length + 1);
    for (let i = 0; i < sorted.length; i++) {
      const t = sorted[i]!;
      offsets[i] = w.length;
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

/** Analyzes and builds in one go (no cache): the index of `docs`, in order. */
export function buildIndex(docs: Iterable<SearchDocument>): BuiltIndex {
  const builder = new IndexBuilder();
  for (const doc of docs) builder.add(doc);
  return builder.finish();
}
