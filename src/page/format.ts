/**
 * The chunked search data the page loads on demand (written by pipeline/page/chunks.ts, read by
 * src/page/loader.ts). Browser-safe: no `node:` imports.
 *
 * Layout under `output/search/`:
 * - `manifest.json`: MiniSearch's global statistics (document count, field ids, average field
 *   lengths), the analyzer version and the list of chunk files below.
 * - `<root>t/<n>.json` term chunks (`root` is a folder named by a hash of all chunks): consecutive runs of MiniSearch's serialized `index`
 *   entries (`[term, postings]`, the postings compact: src/search/postings.ts), terms sorted by UTF-16 code unit.
 *   Chunk i holds the terms `>= terms.first[i]` and `< terms.first[i + 1]`.
 * - `<root>d/<n>.json` doc chunks: for the documents `n * docs.block ..`, what MiniSearch needs
 *   to score and filter them (external id, field lengths, date, votes).
 * - `<root>m/<n>.json` meta chunks: what a result shows (title, authors and their keys,
 *   excerpt, links), `meta.block` documents each, fetched only for the results on screen.
 * - `<root>p/<n>.json` paper chunks: what only a paper's own page shows (the whole summary as a
 *   tree, every listing date, all authors), `papers.block` documents each.
 * - `<root>r/<n>.json` related chunks: each document's related papers, `related.block` each.
 * - Meta, paper and related chunks are cut by position (`positionOf`): chunk n holds the
 *   positions `n * block ..`, counted from the oldest short id. A newest digest's papers take the
 *   lowest short ids, so every other paper keeps its position, and the chunks of papers that did
 *   not change keep their bytes from one build to the next (the pipeline links them from the last
 *   output instead of writing them). Related papers change with other papers, so they have
 *   chunks of their own.
 * - `<root>a/<n>.json` author shards: author key -> display name and short ids of their papers,
 *   the key's shard given by `authorShard(key, authors.count)`.
 *
 * The loader (src/page/loader.ts) assembles, per query, a MiniSearch holding exactly the terms
 * the query can match and the documents those terms point to, with the manifest's statistics,
 * so scores equal those of the full `search-index.json`.
 */
import type { AuthorRef } from '../types.ts';

export const PAGE_FORMAT = 4;

/** One entry of search-index.json's `index`: a term and its compact postings (src/search/postings.ts). */
export type TermEntry = [term: string, postings: string];

export interface ChunkList {
  /** Number of chunks: files `<root><kind>/0.json` .. `<root><kind>/<count - 1>.json`. */
  count: number;
}

export interface Manifest {
  format: typeof PAGE_FORMAT;
  analyzerVersion: string;
  documentCount: number;
  nextId: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  serializationVersion: number;
  /** Oldest and newest first-digest dates (bounds of the date filter). */
  dates: { min: string; max: string };
  /** Folder of the chunks, relative to the manifest's folder: a hash of every chunk, ending in "/". */
  root: string;
  terms: ChunkList & { first: string[] };
  docs: ChunkList & { block: number };
  meta: ChunkList & { block: number };
  papers: ChunkList & { block: number };
  related: ChunkList & { block: number };
  authors: ChunkList;
}

/**
 * A document's position in the meta, paper and related chunks: `nextId - 1 - shortId`, counted
 * from the oldest short id (the dataset lists papers newest first). The map is its own inverse:
 * `positionOf(position, nextId)` is the short id at that position.
 */
export function positionOf(shortId: number, nextId: number): number {
  return nextId - 1 - shortId;
}

export interface DocChunk {
  /** Short ids `start .. start + ids.length - 1` ('' for a short id no document holds). */
  start: number;
  ids: string[];
  /** Field lengths per document, in field-id order. */
  fieldLength: number[][];
  date: string[];
  votes: (number | null)[];
}

export interface MetaRecord {
  id: string;
  title: string;
  date: string;
  votes: number | null;
  authors: string[];
  /** The authors' keys (authors.json), parallel to `authors`: what the author filter selects. */
  authorKeys: string[];
  /** True when the list is cut (the source truncated it, or the page shortened it). */
  authorsMore: boolean;
  /** Summary text (labels inline), bullets separated by "\n", shortened. */
  excerpt: string;
  thumbnail: string | null;
  abs: string | null;
  pdf: string | null;
  huggingface: string | null;
}

/** The records of positions `start ..` (`positionOf`), in position order. */
export interface MetaChunk {
  start: number;
  /** null for a position no document holds. */
  docs: (MetaRecord | null)[];
}

/** The related papers of positions `start ..` (`positionOf`): short ids of the most similar papers, most similar first (pipeline/page/related.ts). */
export interface RelatedChunk {
  start: number;
  /** Empty for a document without related papers, or a position no document holds. */
  docs: number[][];
}

/**
 * A summary as a tree the page builds with DOM calls (never parsed as HTML): a string is
 * text; an element has a kind, children and, for a link, its URL and, for a numbered list, its
 * first number. Kinds: p, ul, ol, li, b (strong), i (emphasis), code, pre, a, br, quote.
 */
export type SummaryNode = string | SummaryElement;

export interface SummaryElement {
  k: 'p' | 'ul' | 'ol' | 'li' | 'b' | 'i' | 'code' | 'pre' | 'a' | 'br' | 'quote';
  c?: SummaryNode[];
  href?: string;
  start?: number;
}

/** One summary bullet: its label ("What's New"), or null, and its content. */
export interface SummarySection {
  label: string | null;
  body: SummaryNode[];
}

/** What a paper's own page adds to its meta record. */
export interface PaperRecord {
  /** Every digest date that listed it, ascending. */
  dates: string[];
  /** Every author (name and key), in source order. */
  authors: AuthorRef[];
  /** The source cut the author list. */
  authorsTruncated: boolean;
  summary: SummarySection[];
  /** The videos the digest links (absolute http(s) URLs, in source order); absent when none. */
  media?: string[];
}

/** The records of positions `start ..` (`positionOf`), in position order. */
export interface PaperChunk {
  start: number;
  /** null for a position no document holds. */
  docs: (PaperRecord | null)[];
}

/** One person: display name and the short ids of their papers, ascending (dataset order). */
export interface AuthorEntry {
  name: string;
  papers: number[];
}

/** One author shard: author key -> entry. */
export type AuthorShard = Record<string, AuthorEntry>;

/** The shard (0 .. count - 1) holding author `key`: FNV-1a over its UTF-16 code units. */
export function authorShard(key: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % Math.max(1, count);
}

/** Index of the term chunk that holds `term` (the last chunk whose first term is <= term). */
export function chunkOf(first: readonly string[], term: string): number {
  let lo = 0;
  let hi = first.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (first[mid]! <= term) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Term chunks that can hold a term starting with `prefix`, in order. */
export function chunksWithPrefix(first: readonly string[], prefix: string): number[] {
  const out = [chunkOf(first, prefix)];
  for (let i = out[0]! + 1; i < first.length && first[i]!.startsWith(prefix); i++) out.push(i);
  return out;
}
