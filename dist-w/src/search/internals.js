// src/search/internals.ts
import MiniSearch from "minisearch";
import { compareStrings } from "../compare.js";
import { ANALYZER_VERSION, indexOptions, VERSION_KEY } from "./options.js";
function hasTerm(ms, term) {
  return ms._index.has(term);
}
function serializedHeader(head, version = ANALYZER_VERSION) {
  return {
    [VERSION_KEY]: version,
    documentCount: head.documentCount,
    nextId: head.nextId,
    documentIds: head.documentIds,
    fieldIds: head.fieldIds,
    fieldLength: head.fieldLength,
    averageFieldLength: head.averageFieldLength,
    storedFields: head.storedFields,
    dirtCount: head.dirtCount,
    index: [],
    serializationVersion: head.serializationVersion
  };
}
function numericMap(object) {
  const map = /* @__PURE__ */ new Map();
  for (const key of Object.keys(object)) map.set(parseInt(key, 10), object[key]);
  return map;
}
function decodePostings(postings) {
  const data = /* @__PURE__ */ new Map();
  for (const field of Object.keys(postings)) data.set(parseInt(field, 10), numericMap(postings[field]));
  return data;
}
function buildRadixTree(terms, values) {
  const build = (lo, hi, offset) => {
    const children = [];
    let i = lo;
    const leaf = terms[i].length === offset ? i++ : -1;
    while (i < hi) {
      const first = terms[i];
      const c = first[offset];
      let j = i + 1;
      while (j < hi && terms[j][offset] === c) j++;
      const last = terms[j - 1];
      const max = Math.min(first.length, last.length);
      let end = offset + 1;
      while (end < max && first[end] === last[end]) end++;
      children.push([first.slice(offset, end), build(i, j, end)]);
      i = j;
    }
    const node = /* @__PURE__ */ new Map();
    for (let k = children.length - 1; k >= 0; k--) node.set(children[k][0], children[k][1]);
    if (leaf >= 0) node.set("", values[leaf]);
    return node;
  };
  return terms.length === 0 ? /* @__PURE__ */ new Map() : build(0, terms.length, 0);
}
var AssembledMiniSearch = class extends MiniSearch {
  /**
   * Sets up the header's documents and statistics as `MiniSearch.loadJS` does, with no terms.
   * Throws for a serialization version other than 1 or 2, as loadJS does.
   */
  constructor(head) {
    super(indexOptions);
    if (head.serializationVersion !== 1 && head.serializationVersion !== 2) {
      throw new Error("MiniSearch: cannot deserialize an index created with an incompatible version");
    }
    this._documentCount = head.documentCount;
    this._nextId = head.nextId;
    this._idToShortId = /* @__PURE__ */ new Map();
    this._fieldIds = head.fieldIds;
    this._avgFieldLength = head.averageFieldLength;
    this._dirtCount = head.dirtCount || 0;
    this._documentIds = numericMap(head.documentIds);
    this._fieldLength = numericMap(head.fieldLength);
    this._storedFields = numericMap(head.storedFields);
    for (const [shortId, id] of this._documentIds) this._idToShortId.set(id, shortId);
  }
  /**
   * Replaces the term index: `terms` (any order; sorted here when they are not) with
   * `values[i]` the postings of `terms[i]`. A value need only have the Map methods MiniSearch
   * calls on postings (the client passes postings decoded on first use).
   */
  setTerms(terms, values) {
    let sorted = true;
    for (let i = 1; i < terms.length && sorted; i++) sorted = terms[i - 1] < terms[i];
    let order = terms.map((_t, i) => i);
    if (!sorted) order = order.sort((a, b) => compareStrings(terms[a], terms[b]));
    const tree = buildRadixTree(
      order.map((i) => terms[i]),
      order.map((i) => values[i])
    );
    this._index = new (this.termIndexClass())(tree);
  }
  /** A new, empty term index of the class MiniSearch uses (fill it, then `useTermIndex`). */
  newTermIndex() {
    return new (this.termIndexClass())();
  }
  /** Searches from now on use `index` as the term index. */
  useTermIndex(index) {
    this._index = index;
  }
  /** Adds a document to the tables (what `MiniSearch.loadJS` would load for it from the header). */
  loadDocument(shortId, id, fieldLength, stored) {
    this._documentIds.set(shortId, id);
    this._idToShortId.set(id, shortId);
    this._fieldLength.set(shortId, fieldLength);
    this._storedFields.set(shortId, stored);
  }
  /** The short id of a document in the tables, or undefined. */
  shortIdOf(id) {
    return this._idToShortId.get(id);
  }
  /** MiniSearch's own SearchableMap class (the one bundled with it, not a second copy). */
  termIndexClass() {
    return this._index.constructor;
  }
};
function termHolder(ms, term) {
  const internal = ms;
  const data = internal._index.get(term);
  if (!data) return () => false;
  return (id) => {
    const short = internal._idToShortId.get(id);
    if (short === void 0) return false;
    for (const postings of data.values()) if (postings.has(short)) return true;
    return false;
  };
}
export {
  AssembledMiniSearch,
  buildRadixTree,
  decodePostings,
  hasTerm,
  serializedHeader,
  termHolder
};
//# sourceMappingURL=internals.js.map
