// src/search/vectors.ts
import { indexOptions, SEARCH_FIELDS } from "./options.js";
var tokenize = indexOptions.tokenize;
var processTerm = indexOptions.processTerm;
var SEPARATOR = "\n";
function analyzeFields(doc, each) {
  SEARCH_FIELDS.forEach((field, f) => {
    const value = doc[field];
    const counts = /* @__PURE__ */ new Map();
    if (value == null) {
      each(f, 0, counts);
      return;
    }
    const raw = /* @__PURE__ */ new Map();
    for (const token of tokenize(String(value), field)) raw.set(token, (raw.get(token) ?? 0) + 1);
    for (const [token, n] of raw) {
      const processed = processTerm(token, field);
      if (Array.isArray(processed)) {
        for (const t of processed) counts.set(t, (counts.get(t) ?? 0) + n);
      } else if (processed) {
        counts.set(processed, (counts.get(processed) ?? 0) + n);
      }
    }
    for (const k of counts.keys()) if (k === "" || k.includes(SEPARATOR)) throw new Error(`vectors: unexpected term ${JSON.stringify(k)}`);
    each(f, raw.size, counts);
  });
}
function analyzeDocument(doc) {
  const lengths = [];
  const terms = [];
  const freqs = [];
  analyzeFields(doc, (_f, length, counts) => {
    lengths.push(length);
    terms.push([...counts.keys()].join(SEPARATOR));
    freqs.push([...counts.values()].join(","));
  });
  return { lengths, terms, freqs };
}
function eachVectorTerm(vector, field, each) {
  const joined = vector.terms[field];
  if (joined === "") return;
  const freqs = vector.freqs[field];
  let q = 0;
  for (const term of joined.split(SEPARATOR)) {
    let freq = 0;
    for (let c = freqs.charCodeAt(q); c >= 48 && c <= 57; c = freqs.charCodeAt(++q)) freq = freq * 10 + (c - 48);
    q++;
    each(term, freq);
  }
}
function checkVectorTable(value) {
  if (value === null || typeof value !== "object") return "not an object";
  const t = value;
  const rows = Array.isArray(t.keys) ? t.keys.length : -1;
  if (rows < 0 || !Array.isArray(t.dict)) return "missing keys or dictionary";
  if (!(t.lengths instanceof Int32Array) || !(t.starts instanceof Int32Array) || !(t.terms instanceof Int32Array)) return "wrong column types";
  if (!(t.fields instanceof Uint8Array) || !(t.freqs instanceof Int32Array)) return "wrong column types";
  const fieldCount = SEARCH_FIELDS.length;
  const n = t.terms.length;
  if (t.lengths.length !== rows * fieldCount || t.starts.length !== rows + 1 || t.fields.length !== n || t.freqs.length !== n) {
    return "column lengths do not match";
  }
  if (t.starts[0] !== 0 || t.starts[rows] !== n) return "row starts out of range";
  for (let r = 0; r < rows; r++) if (t.starts[r] > t.starts[r + 1] || typeof t.keys[r] !== "string") return "rows out of order";
  for (let i = 0; i < n; i++) {
    if (t.terms[i] < 0 || t.terms[i] >= t.dict.length || t.fields[i] >= fieldCount || t.freqs[i] < 1) return "record out of range";
  }
  for (const term of t.dict) if (typeof term !== "string" || term === "") return "bad dictionary entry";
  return null;
}
export {
  analyzeDocument,
  analyzeFields,
  checkVectorTable,
  eachVectorTerm
};
//# sourceMappingURL=vectors.js.map
