// src/search/index-builder.ts
import { SEARCH_FIELDS, STORE_FIELDS } from "./options.js";
import { compareStrings } from "../compare.js";
import { isLeftOut } from "./analyzer.js";
import { analyzeFields, eachVectorTerm } from "./vectors.js";
var ByteWriter = class {
  buf;
  length = 0;
  constructor(capacity) {
    this.buf = new Uint8Array(Math.max(1024, capacity));
  }
  grow(extra) {
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + extra));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  /** Writes ASCII text. */
  ascii(s) {
    if (this.length + s.length > this.buf.length) this.grow(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.length++] = s.charCodeAt(i);
  }
  /** Writes a non-negative integer in decimal. */
  int(n) {
    if (this.length + 16 > this.buf.length) this.grow(16);
    let width = 1;
    for (let p = 10; p <= n; p *= 10) width++;
    let at = this.length + width;
    this.length = at;
    do {
      this.buf[--at] = 48 + n % 10;
      n = Math.floor(n / 10);
    } while (n > 0);
  }
};
var IndexBuilder = class {
  ids = [];
  fieldLength = [];
  average = [];
  stored = [];
  seen = /* @__PURE__ */ new Set();
  termIds = /* @__PURE__ */ new Map();
  termList = [];
  /** Records in columns: term number, field id, short document id, frequency. */
  recTerms = new Int32Array(4096);
  recFields = new Uint8Array(4096);
  recDocs = new Int32Array(4096);
  recFreqs = new Int32Array(4096);
  count = 0;
  /** Per short id: where its records start, and the key it was added under (for exportTable). */
  docStarts = [];
  keys = [];
  /** Per dictionary of the tables added from: its numbers -> this builder's term numbers. */
  remaps = /* @__PURE__ */ new Map();
  get documentCount() {
    return this.ids.length;
  }
  intern(term) {
    let id = this.termIds.get(term);
    if (id === void 0) {
      id = this.termList.length;
      this.termIds.set(term, id);
      this.termList.push(term);
    }
    return id;
  }
  reserve(records) {
    const need = this.count + records;
    if (this.recTerms.length >= need) return;
    const size = Math.max(this.recTerms.length * 2, need);
    const grow = (a, make) => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.recTerms = grow(this.recTerms, (n) => new Int32Array(n));
    this.recFields = grow(this.recFields, (n) => new Uint8Array(n));
    this.recDocs = grow(this.recDocs, (n) => new Int32Array(n));
    this.recFreqs = grow(this.recFreqs, (n) => new Int32Array(n));
  }
  push(term, field, doc, freq) {
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
  add(doc, vector, key = "") {
    if (this.seen.has(doc.id)) return false;
    this.seen.add(doc.id);
    const short = this.ids.length;
    this.ids.push(doc.id);
    this.keys.push(key);
    this.docStarts.push(this.count);
    const stored = {};
    for (const name of STORE_FIELDS) if (doc[name] !== void 0) stored[name] = doc[name];
    this.stored.push(stored);
    if (vector && "table" in vector) {
      this.addRow(short, vector);
      return true;
    }
    const lengths = [];
    const field = (f, length) => {
      lengths.push(length);
      this.average[f] = ((this.average[f] || 0) * short + length) / (short + 1);
    };
    if (vector) {
      for (let f = 0; f < SEARCH_FIELDS.length; f++) {
        field(f, vector.lengths[f]);
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
  addRow(short, { table, row }) {
    let remap = this.remaps.get(table.dict);
    if (!remap || remap.length < table.dict.length) {
      const grown = new Int32Array(Math.max(table.dict.length, (remap?.length ?? 0) * 2)).fill(-1);
      if (remap) grown.set(remap);
      this.remaps.set(table.dict, remap = grown);
    }
    const fieldCount = SEARCH_FIELDS.length;
    const lengths = [];
    for (let f = 0; f < fieldCount; f++) {
      const length = table.lengths[row * fieldCount + f];
      lengths.push(length);
      this.average[f] = ((this.average[f] || 0) * short + length) / (short + 1);
    }
    const from = table.starts[row];
    const to = table.starts[row + 1];
    this.reserve(to - from);
    for (let i = from; i < to; i++) {
      const t = table.terms[i];
      let id = remap[t];
      if (id < 0) remap[t] = id = this.intern(table.dict[t]);
      this.push(id, table.fields[i], short, table.freqs[i]);
    }
    this.fieldLength.push(lengths);
  }
  /**
   * The vectors of every document added, as a table (what the cache stores). Call it before
   * `finish`, which lets the records go.
   */
  exportTable() {
    const rows = this.ids.length;
    const n = this.count;
    const lengths = new Int32Array(rows * SEARCH_FIELDS.length);
    const starts = new Int32Array(rows + 1);
    for (let d = 0; d < rows; d++) {
      starts[d] = this.docStarts[d];
      lengths.set(this.fieldLength[d], d * SEARCH_FIELDS.length);
    }
    starts[rows] = n;
    const terms = this.recTerms.slice(0, n);
    const fields = this.recFields.slice(0, n);
    const freqs = this.recFreqs.slice(0, n);
    return { dict: [...this.termList], keys: [...this.keys], lengths, starts, terms, fields, freqs };
  }
  /** The finished index. The builder should not be used afterwards. */
  finish() {
    const fieldIds = {};
    SEARCH_FIELDS.forEach((field, i) => fieldIds[field] = i);
    const documentIds = {};
    const fieldLength = {};
    const storedFields = {};
    for (let i = 0; i < this.ids.length; i++) {
      documentIds[i] = this.ids[i];
      fieldLength[i] = this.fieldLength[i];
      storedFields[i] = this.stored[i];
    }
    const termCount = this.termList.length;
    const fieldCount = SEARCH_FIELDS.length;
    const rt = this.recTerms;
    const rf = this.recFields;
    const start = new Int32Array(termCount * fieldCount + 1);
    for (let k = 0; k < this.count; k++) start[rt[k] * fieldCount + rf[k] + 1]++;
    for (let b = 0; b < termCount * fieldCount; b++) start[b + 1] += start[b];
    const next = start.slice(0, termCount * fieldCount);
    const order = new Int32Array(this.count);
    for (let k = 0; k < this.count; k++) order[next[rt[k] * fieldCount + rf[k]]++] = k;
    const documentCount = this.ids.length;
    const kept = (t) => !isLeftOut(this.termList[t], start[(t + 1) * fieldCount] - start[t * fieldCount], documentCount);
    const sorted = Array.from({ length: termCount }, (_, t) => t).filter(kept).sort((a, b) => compareStrings(this.termList[a], this.termList[b]));
    const w = new ByteWriter(this.count * 12);
    const offsets = new Uint32Array(sorted.length + 1);
    for (let i = 0; i < sorted.length; i++) {
      const t = sorted[i];
      offsets[i] = w.length;
      w.ascii("{");
      let firstField = true;
      for (let f = 0; f < fieldCount; f++) {
        const from = start[t * fieldCount + f];
        const to = start[t * fieldCount + f + 1];
        if (from === to) continue;
        w.ascii(firstField ? '"' : ',"');
        firstField = false;
        w.int(f);
        w.ascii('":{"');
        for (let j = from; j < to; j++) {
          const k = order[j];
          if (j > from) w.ascii(',"');
          w.int(this.recDocs[k]);
          w.ascii('":');
          w.int(this.recFreqs[k]);
        }
        w.ascii("}");
      }
      w.ascii("}");
    }
    offsets[sorted.length] = w.length;
    const terms = sorted.map((t) => this.termList[t]);
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
        serializationVersion: 2
      },
      terms,
      postings: w.buf.subarray(0, w.length),
      offsets
    };
  }
};
function buildIndex(docs) {
  const builder = new IndexBuilder();
  for (const doc of docs) builder.add(doc);
  return builder.finish();
}
export {
  IndexBuilder,
  buildIndex
};
//# sourceMappingURL=index-builder.js.map
