/**
 * Fast loading of a serialized index (search-index.json, or the index step's built index).
 *
 * search-index.json is MiniSearch's serialized form with compact postings (src/search/postings.ts,
 * `COMPACT_SERIALIZATION`). MiniSearch.loadJS (of the expanded form, `expandIndex`) inserts every
 * term into its radix tree one by one (a linear scan of a node's children per step: slow with
 * the ~1,500 Hangul syllables under the root) and converts every posting list to Maps up front.
 * The loaders here give the same MiniSearch (same search results: test/src/search/client.test.ts
 * compares them) but build the tree in one pass over the sorted terms and decode a term's
 * postings only when a query first touches it; search-index.json text is scanned for its terms
 * without JSON.parse-ing the index at all.
 *
 * Pure and browser-safe: no `node:` imports.
 */
import MiniSearch from 'minisearch';
import type { AsPlainObject } from 'minisearch';
import { AssembledMiniSearch, COMPACT_SERIALIZATION } from './internals.ts';
import type { CompactIndexJs, IndexHeader, TermData } from './internals.ts';
import { indexOptions } from './options.ts';
import type { SearchDocument } from './options.ts';
import { decodePostings, expandPostings } from './postings.ts';

/** A term's postings in the compact format (src/search/postings.ts), or a function returning them. */
type PostingsSource = string | (() => string);

/**
 * A term's postings (field id -> short id -> frequency), decoded from their source on first use.
 * It has the Map methods MiniSearch calls on postings, without allocating a Map per term at load.
 */
class LazyTermData {
  private source: PostingsSource | null;
  private data: TermData | null = null;
  constructor(source: PostingsSource) {
    this.source = source;
  }
  private m(): TermData {
    if (this.data) return this.data;
    const s = typeof this.source === 'function' ? this.source() : this.source;
    this.source = null;
    this.data = decodePostings(s ?? '');
    return this.data;
  }
  get(key: number) {
    return this.m().get(key);
  }
  has(key: number) {
    return this.m().has(key);
  }
  set(key: number, value: Map<number, number>) {
    this.m().set(key, value);
    return this;
  }
  delete(key: number) {
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
  forEach(fn: (value: Map<number, number>, key: number, map: TermData) => void, thisArg?: unknown) {
    this.m().forEach(fn, thisArg);
  }
  [Symbol.iterator]() {
    return this.m()[Symbol.iterator]();
  }
}

/**
 * A MiniSearch from an index header (the serialized index without its terms), the terms and
 * each term's compact postings (or a function giving them), decoded when a query first touches
 * the term.
 */
export function loadMiniSearchEntries(head: IndexHeader, terms: string[], postings: PostingsSource[]): AssembledMiniSearch {
  checkHeader(head);
  const ms = new AssembledMiniSearch(head);
  // LazyTermData stands in for the Map MiniSearch keeps per term (it has the methods MiniSearch calls).
  ms.setTerms(terms, postings.map((p) => new LazyTermData(p) as unknown as TermData));
  return ms;
}

/**
 * Throws an Error unless `head` can be an index's header: `documentIds` an object with
 * `documentCount` entries (a header whose documents cannot be named finds nothing, silently).
 */
function checkHeader(head: IndexHeader): void {
  const ids: unknown = head.documentIds;
  if (ids === null || typeof ids !== 'object' || Array.isArray(ids) || Object.keys(ids).length !== head.documentCount) {
    throw new Error(`not search-index.json: "documentIds" does not name its ${String(head.documentCount)} documents`);
  }
}

/** Whether `index` is search-index.json's `index`: an array of [term, compact postings] string pairs. */
function isCompactEntries(index: unknown): index is [string, string][] {
  return Array.isArray(index) && index.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && typeof e[1] === 'string');
}

/**
 * A parsed index: search-index.json (`COMPACT_SERIALIZATION`) loaded as above, or MiniSearch's
 * own serialized form (for instance from `expandIndex`) through `MiniSearch.loadJS`. Throws as
 * loadJS does for an unknown serialization version, and, like `expandIndex`, an Error for a
 * compact index whose `index` is not an array of [term, postings] pairs (`isCompactEntries`; never an
 * empty index in its place).
 */
export function loadMiniSearch(js: CompactIndexJs | AsPlainObject): MiniSearch<SearchDocument> {
  if (js.serializationVersion !== COMPACT_SERIALIZATION) return MiniSearch.loadJS<SearchDocument>(js as AsPlainObject, indexOptions);
  const index: unknown = js.index;
  if (!isCompactEntries(index)) throw new Error('not search-index.json: its "index" is not an array of [term, postings] entries');
  return loadMiniSearchEntries(
    js,
    index.map((e) => e[0]),
    index.map((e) => e[1]),
  );
}

/**
 * search-index.json (text or parsed) as MiniSearch's own serialized form: the same object with
 * each term's postings expanded to `{fieldId: {shortId: freq}}` and serialization version 2, so
 * that `MiniSearch.loadJS(expandIndex(json), indexOptions)` (or `loadJSON` of its
 * `JSON.stringify`) loads it with MiniSearch alone. Throws an Error for anything else.
 */
export function expandIndex(json: string | CompactIndexJs): AsPlainObject & Record<string, unknown> {
  const js = (typeof json === 'string' ? JSON.parse(json) : json) as CompactIndexJs;
  if (js === null || typeof js !== 'object' || js.serializationVersion !== COMPACT_SERIALIZATION || !isCompactEntries(js.index)) {
    throw new Error(`not search-index.json: expected serializationVersion "${COMPACT_SERIALIZATION}"`);
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(js)) {
    if (key === 'index') out.index = js.index.map(([term, postings]) => [term, expandPostings(postings)]);
    else if (key === 'serializationVersion') out.serializationVersion = 2;
    else out[key] = value;
  }
  return out as AsPlainObject & Record<string, unknown>;
}

/**
 * A MiniSearch from an index header, the terms and each term's compact postings, by term
 * number (asked for when a query first touches the term).
 */
export function loadMiniSearchParts(head: IndexHeader, terms: string[], postings: (termIndex: number) => string): AssembledMiniSearch {
  return loadMiniSearchEntries(head, terms, terms.map((_t, i) => () => postings(i)));
}

const QUOTE = 34; // "
const BACKSLASH = 92;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;

/** The index of the quote closing the string that opens at `at`, or -1. */
function stringEnd(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i;
  }
  return -1;
}

/**
 * Reads search-index.json text without JSON.parse-ing the index: everything but `index` is
 * parsed as usual, the index array is scanned for its terms, and each term keeps its compact
 * postings string (decoded when a query first needs it). Returns null for any text it does not
 * recognize as the exact output of the index step (JSON without spaces, `COMPACT_SERIALIZATION`);
 * the caller then parses it normally.
 */
export function scanIndexText(text: string): { head: CompactIndexJs; terms: string[]; values: string[] } | null {
  const key = '"index":[';
  const at = text.lastIndexOf(key);
  if (at <= 0 || text.charCodeAt(at - 1) !== COMMA) return null;
  const terms: string[] = [];
  const values: string[] = [];
  let i = at + key.length;
  if (text.charCodeAt(i) === CLOSE_BRACKET) i++;
  else {
    for (;;) {
      if (text.charCodeAt(i) !== OPEN_BRACKET || text.charCodeAt(i + 1) !== QUOTE) return null;
      const termEnd = stringEnd(text, i + 1);
      if (termEnd < 0) return null;
      const raw = text.slice(i + 2, termEnd);
      terms.push(raw.includes('\\') ? (JSON.parse(text.slice(i + 1, termEnd + 1)) as string) : raw);
      i = termEnd + 1;
      if (text.charCodeAt(i) !== COMMA || text.charCodeAt(i + 1) !== QUOTE) return null;
      // Compact postings hold no quote or backslash: the next quote closes them.
      const end = text.indexOf('"', i + 2);
      if (end < 0 || text.charCodeAt(end + 1) !== CLOSE_BRACKET) return null;
      values.push(text.slice(i + 2, end));
      i = end + 2;
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
  let head: unknown;
  try {
    head = JSON.parse(`${text.slice(0, at)}"index":[]${text.slice(i)}`);
  } catch {
    return null;
  }
  if (head === null || typeof head !== 'object' || !('documentIds' in head) || (head as CompactIndexJs).serializationVersion !== COMPACT_SERIALIZATION) return null;
  return { head: head as CompactIndexJs, terms, values };
}
