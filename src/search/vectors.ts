/**
 * Term vectors: what the shared analyzer makes of one document, per field (src/search/index-builder.ts
 * merges them into the index without `MiniSearch#add`).
 *
 * A vector holds, per field, the field length MiniSearch records (distinct tokens) and each
 * term's frequency. It depends only on the document's text and the analyzer, so the pipeline
 * caches it by content hash (pipeline/cache/cache.ts) and re-analyzes only new or changed
 * papers; the parse workers analyze in parallel (pipeline/parse/vectors.ts). Two forms:
 * - `DocVector`, one document's vector in a few strings (cheap to pass between threads);
 * - `VectorTable`, many documents' vectors in columns (what the cache stores).
 *
 * Pure: no `node:` imports.
 */
import { indexOptions, SEARCH_FIELDS } from './options.ts';
import type { SearchDocument } from './options.ts';

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
/** What joins a field's terms in a `DocVector` (terms never hold whitespace). */
export const SEPARATOR = '\n';

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
    for (const k of counts.keys()) if (k === '' || k.includes(SEPARATOR)) throw new Error(`vectors: unexpected term ${JSON.stringify(k)}`);
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
 * Calls `each` with every term of field `field` (index into SEARCH_FIELDS) of `vector` and its
 * frequency, in the vector's order (first occurrence in the text).
 */
export function eachVectorTerm(vector: DocVector, field: number, each: (term: string, freq: number) => void): void {
  const joined = vector.terms[field]!;
  if (joined === '') return;
  const freqs = vector.freqs[field]!;
  let q = 0; // position in `freqs` ("1,3,1")
  for (const term of joined.split(SEPARATOR)) {
    let freq = 0;
    for (let c = freqs.charCodeAt(q); c >= 48 && c <= 57; c = freqs.charCodeAt(++q)) freq = freq * 10 + (c - 48);
    q++; // the comma
    each(term, freq);
  }
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

/**
 * The rows of `a`, then the rows of `b` whose key `a` does not hold: one table, with `b`'s
 * terms numbered into `a`'s dictionary (its new terms appended). For a cache that adds the
 * vectors of a run's new documents to those of earlier runs.
 */
export function appendRows(a: VectorTable, b: VectorTable): VectorTable {
  const fieldCount = SEARCH_FIELDS.length;
  const known = new Set(a.keys);
  const rows: number[] = [];
  b.keys.forEach((key, r) => {
    if (!known.has(key)) rows.push(r);
  });
  if (rows.length === 0) return a;
  const dict = [...a.dict];
  const numbers = new Map<string, number>();
  a.dict.forEach((term, t) => numbers.set(term, t));
  const remap = new Int32Array(b.dict.length).fill(-1);
  let records = 0;
  for (const r of rows) records += b.starts[r + 1]! - b.starts[r]!;
  const n = a.terms.length;
  const terms = new Int32Array(n + records);
  const fields = new Uint8Array(n + records);
  const freqs = new Int32Array(n + records);
  terms.set(a.terms);
  fields.set(a.fields);
  freqs.set(a.freqs);
  const lengths = new Int32Array(a.lengths.length + rows.length * fieldCount);
  lengths.set(a.lengths);
  const starts = new Int32Array(a.keys.length + rows.length + 1);
  starts.set(a.starts);
  const keys = [...a.keys];
  let at = n;
  rows.forEach((r, i) => {
    const row = a.keys.length + i;
    keys.push(b.keys[r]!);
    lengths.set(b.lengths.subarray(r * fieldCount, (r + 1) * fieldCount), row * fieldCount);
    for (let k = b.starts[r]!; k < b.starts[r + 1]!; k++) {
      const t = b.terms[k]!;
      let id = remap[t]!;
      if (id < 0) {
        const term = b.dict[t]!;
        id = numbers.get(term) ?? -1;
        if (id < 0) {
          id = dict.length;
          dict.push(term);
          numbers.set(term, id);
        }
        remap[t] = id;
      }
      terms[at] = id;
      fields[at] = b.fields[k]!;
      freqs[at] = b.freqs[k]!;
      at++;
    }
    starts[row + 1] = at;
  });
  return { dict, keys, lengths, starts, terms, fields, freqs };
}
