/**
 * Fast loading of a serialized index (search-index.json, or the index step's built index).
 *
 * MiniSearch.loadJS inserts every term into its radix tree one by one (a linear scan of a node's
 * children per step: slow with the ~1,500 Hangul syllables under the root) and converts every
 * posting list to Maps up front. The loaders here give the same MiniSearch (same search results:
 * test/src/search/client.test.ts compares them) but build the tree in one pass over the sorted
 * terms and decode a term's postings only when a query first touches it; search-index.json
 * text is scanned for its terms without JSON.parse-ing the postings at all.
 *
 * Pure and browser-safe: no `node:` imports.
 */
import MiniSearch from 'minisearch';
import type { AsPlainObject } from 'minisearch';
import { AssembledMiniSearch } from './internals.ts';
import type { SerializedPostings } from './internals.ts';
import type { SearchDocument } from './options.ts';
/** A term's postings: parsed, as JSON text, or a function returning the JSON text. */
type PostingsSource = SerializedPostings | string | (() => string);
/**
 * A MiniSearch from an index header (the serialized index without its terms), the terms and
 * each term's postings (parsed, JSON text, or a function giving the JSON text), decoded when a
 * query first touches the term.
 */
export declare function loadMiniSearchEntries(head: Omit<AsPlainObject, 'index'>, terms: string[], postings: PostingsSource[]): AssembledMiniSearch;
/**
 * MiniSearch.loadJS(js, indexOptions), faster (see above). Falls back to MiniSearch.loadJS for
 * the old serialization format.
 */
export declare function loadMiniSearch(js: AsPlainObject): MiniSearch<SearchDocument>;
/**
 * A MiniSearch from an index header, the terms and each term's postings as JSON text, by term
 * number (asked for when a query first touches the term).
 */
export declare function loadMiniSearchParts(head: Omit<AsPlainObject, 'index'>, terms: string[], postings: (termIndex: number) => string): AssembledMiniSearch;
/**
 * Reads search-index.json text without JSON.parse-ing the postings: everything but `index` is
 * parsed as usual, the index array is scanned for its terms, and each term keeps the text of its
 * postings (parsed when a query first needs them). Returns null for any text it does not
 * recognize as the exact output of JSON.stringify(miniSearch); the caller then parses it normally.
 */
export declare function scanIndexText(text: string): {
    head: AsPlainObject;
    terms: string[];
    values: string[];
} | null;
export {};
//# sourceMappingURL=load.d.ts.map