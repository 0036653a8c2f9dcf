// src/search/load.ts
import MiniSearch from "minisearch";
import { AssembledMiniSearch, decodePostings } from "./internals.js";
import { indexOptions } from "./options.js";
var LazyTermData = class {
  source;
  data = null;
  constructor(source) {
    this.source = source;
  }
  m() {
    if (this.data) return this.data;
    const s = typeof this.source === "function" ? this.source() : this.source;
    this.source = null;
    this.data = decodePostings(typeof s === "string" ? JSON.parse(s) : s ?? {});
    return this.data;
  }
  get(key) {
    return this.m().get(key);
  }
  has(key) {
    return this.m().has(key);
  }
  set(key, value) {
    this.m().set(key, value);
    return this;
  }
  delete(key) {
    return this.m().delete(key);
  }
  clear() {
    this.m().clear();
  }
  get size() {
    return this.m().size;
  }
  keys() {
    return this.m().keys();
  }
  values() {
    return this.m().values();
  }
  entries() {
    return this.m().entries();
  }
  forEach(fn, thisArg) {
    this.m().forEach(fn, thisArg);
  }
  [Symbol.iterator]() {
    return this.m()[Symbol.iterator]();
  }
};
function loadMiniSearchEntries(head, terms, postings) {
  const ms = new AssembledMiniSearch(head);
  ms.setTerms(terms, postings.map((p) => new LazyTermData(p)));
  return ms;
}
function loadMiniSearch(js) {
  if (js.serializationVersion !== 2 || !Array.isArray(js.index)) return MiniSearch.loadJS(js, indexOptions);
  const index = js.index;
  return loadMiniSearchEntries(
    js,
    index.map((e) => e[0]),
    index.map((e) => e[1])
  );
}
function loadMiniSearchParts(head, terms, postings) {
  return loadMiniSearchEntries(head, terms, terms.map((_t, i) => () => postings(i)));
}
var QUOTE = 34;
var BACKSLASH = 92;
var OPEN_BRACE = 123;
var OPEN_BRACKET = 91;
var CLOSE_BRACKET = 93;
var COMMA = 44;
function stringEnd(text, at) {
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i;
  }
  return -1;
}
function scanIndexText(text) {
  const key = '"index":[';
  const at = text.lastIndexOf(key);
  if (at <= 0 || text.charCodeAt(at - 1) !== COMMA) return null;
  const terms = [];
  const values = [];
  let i = at + key.length;
  if (text.charCodeAt(i) === CLOSE_BRACKET) i++;
  else {
    for (; ; ) {
      if (text.charCodeAt(i) !== OPEN_BRACKET || text.charCodeAt(i + 1) !== QUOTE) return null;
      const termEnd = stringEnd(text, i + 1);
      if (termEnd < 0) return null;
      const raw = text.slice(i + 2, termEnd);
      terms.push(raw.includes("\\") ? JSON.parse(text.slice(i + 1, termEnd + 1)) : raw);
      i = termEnd + 1;
      if (text.charCodeAt(i) !== COMMA || text.charCodeAt(i + 1) !== OPEN_BRACE) return null;
      const start = i + 1;
      const end = text.indexOf("}}]", start);
      if (end < 0) return null;
      values.push(text.slice(start, end + 2));
      i = end + 3;
      const next = text.charCodeAt(i);
      if (next === COMMA) {
        i++;
        continue;
      }
      if (next === CLOSE_BRACKET) {
        i++;
        break;
      }
      return null;
    }
  }
  let head;
  try {
    head = JSON.parse(`${text.slice(0, at)}"index":[]${text.slice(i)}`);
  } catch {
    return null;
  }
  if (head === null || typeof head !== "object" || !("documentIds" in head) || head.serializationVersion !== 2) return null;
  return { head, terms, values };
}
export {
  loadMiniSearch,
  loadMiniSearchEntries,
  loadMiniSearchParts,
  scanIndexText
};
//# sourceMappingURL=load.js.map
