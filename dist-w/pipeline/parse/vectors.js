// pipeline/parse/vectors.ts
import { createHash } from "node:crypto";
import { normalizeEntryAuthors } from "../../src/dataset.js";
import { analyzeFields } from "../../src/search/vectors.js";
import { mergeEntries } from "../../src/papers.js";
import { SEARCH_FIELDS, toSearchDocument } from "../../src/search/options.js";
function docKey(doc) {
  const hash = createHash("sha256");
  for (const field of SEARCH_FIELDS) {
    const value = doc[field];
    hash.update(`${value.length}:`).update(value);
  }
  return hash.digest("base64url").slice(0, 22);
}
var VectorBatcher = class {
  ids = /* @__PURE__ */ new Map();
  size = 0;
  /** Analyzes these documents (keyed) into one batch. */
  encode(docs) {
    const dictAdded = [];
    const keys = [];
    const lengths = new Int32Array(docs.length * SEARCH_FIELDS.length);
    const starts = new Int32Array(docs.length + 1);
    const terms = [];
    const fields = [];
    const freqs = [];
    docs.forEach(([key, doc], row) => {
      keys.push(key);
      starts[row] = terms.length;
      analyzeFields(doc, (f, length, counts) => {
        lengths[row * SEARCH_FIELDS.length + f] = length;
        for (const [term, n] of counts) {
          let id = this.ids.get(term);
          if (id === void 0) {
            id = this.size++;
            this.ids.set(term, id);
            dictAdded.push(term);
          }
          terms.push(id);
          fields.push(f);
          freqs.push(n);
        }
      });
    });
    starts[docs.length] = terms.length;
    return { keys, lengths, starts, terms: Int32Array.from(terms), fields: Uint8Array.from(fields), freqs: Int32Array.from(freqs), dictAdded };
  }
};
var VectorBatchReader = class {
  dict = [];
  /** The batch as a table over this worker's dictionary (rows = batch.keys). */
  read(batch) {
    for (const term of batch.dictAdded) this.dict.push(term);
    const { dictAdded: _added, ...columns } = batch;
    return { ...columns, dict: this.dict };
  }
};
function documentsForEntries(entries) {
  const out = [];
  for (const original of entries) {
    for (const paper of mergeEntries([normalizeEntryAuthors(original).entry])) {
      const doc = toSearchDocument(paper);
      out.push([docKey(doc), doc]);
    }
  }
  return out;
}
export {
  VectorBatchReader,
  VectorBatcher,
  docKey,
  documentsForEntries
};
//# sourceMappingURL=vectors.js.map
