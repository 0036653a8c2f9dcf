/**
 * The search data the page fetches on demand (format in src/page/format.ts): the built index
 * (src/search/index-builder.ts) split into term chunks, doc chunks (scoring data), meta chunks
 * (what a result shows), paper chunks (what a paper's page adds: pipeline/page/summary.ts),
 * related chunks (pipeline/page/related.ts) and author shards, named under a folder hashed from
 * all of them, plus the manifest.
 *
 * Meta and paper chunks are cut by position, counted from the oldest paper (src/page/format.ts
 * `positionOf`), so that a newest digest leaves the other papers' chunks as they were. With a
 * page cache, such a chunk is known by its identity (its kind, first position and papers'
 * content digests): its content (sha256, size) is taken from the cache and its bytes are built
 * only if the writer cannot link them from the last output.
 */
import { createHash } from 'node:crypto';
import type { AuthorRecord, Paper } from '../../src/types.ts';
import type { Artifact, KnownContent } from '../publish/artifact.ts';
import { ANALYZER_VERSION } from '../../src/search/options.ts';
import { authorShard, PAGE_FORMAT } from '../../src/page/format.ts';
import { positionOf } from '../../src/page/format.ts';
import type { AuthorShard, DocChunk, Manifest, MetaRecord, PaperChunk, RelatedChunk } from '../../src/page/format.ts';
import type { BuiltIndex } from '../../src/search/index-builder.ts';
import { entriesBytes, entryLength } from '../../src/search/index-json.ts';
import type { PageCache } from '../cache/page-cache.ts';
import { authorKeyCount } from '../cache/lazy-paper.ts';
import { paperDigest } from '../cache/paper-digest.ts';
import { relatedPapers } from './related.ts';
import { summarySections } from './summary.ts';

/** Target size of a term chunk's JSON (a single large posting list may exceed it). */
export const TERM_CHUNK_BYTES = 48 * 1024;
/** Documents per doc chunk (scoring data: id, field lengths, date, votes). */
export const DOC_BLOCK = 1024;
/** Documents per meta chunk (what a result shows). */
export const META_BLOCK = 8;
/** Documents per paper chunk (what a paper's page adds; one chunk per paper page visited). */
export const PAPER_BLOCK = 16;
/** Documents per related chunk (up to five short ids each: about 12 KB, 6 KB gzipped, on the real archive). */
export const RELATED_BLOCK = 512;
/** About this many authors per author shard. */
const AUTHORS_PER_SHARD = 512;
/** A meta record's excerpt is cut (at a word) after this many UTF-16 code units. */
const EXCERPT_CHARS = 320;
/** A meta record lists at most this many authors (then `authorsMore`). */
const MAX_AUTHORS = 12;

/** What a result shows of paper `p`: title, date, votes, the first authors, an excerpt, links. */
function metaRecord(p: Paper): MetaRecord {
  let excerpt = '';
  for (const s of p.summary) {
    const line = s.label ? `${s.label}: ${s.text}` : s.text;
    excerpt += (excerpt ? '\n' : '') + line;
    if (excerpt.length >= EXCERPT_CHARS) break;
  }
  if (excerpt.length > EXCERPT_CHARS) excerpt = `${excerpt.slice(0, EXCERPT_CHARS).replace(/\s+\S*$/u, '')}…`;
  return {
    id: p.id,
    title: p.title,
    date: p.date,
    votes: p.votes,
    authors: p.authors.slice(0, MAX_AUTHORS).map((a) => a.name),
    authorKeys: p.authors.slice(0, MAX_AUTHORS).map((a) => a.key),
    authorsMore: p.authorsTruncated || p.authors.length > MAX_AUTHORS,
    excerpt,
    thumbnail: p.thumbnail,
    abs: p.links.abs,
    pdf: p.links.pdf,
    huggingface: p.links.huggingface,
  };
}

/**
 * Author shards: every author key of `byShort`'s papers with its display name (the
 * `authors` record's, else the first spelling seen) and short ids, spread over
 * `authorShard(key, count)`. When short ids follow `papers` (the dataset order) and `authors`
 * are those papers' records (authors.json's: each key's papers in dataset order, src/authors.ts),
 * the shards are read off the records (about half the time on the real archive); the same
 * shards, which the totals check (every record's papers found, as many as the papers' keys).
 */
function authorShards(byShort: readonly (Paper | null)[], authors: readonly AuthorRecord[], papers: readonly Paper[]): AuthorShard[] {
  const fromRecords = authors.length > 0 && byShort.length === papers.length && byShort.every((p, s) => p === papers[s]) ? shardsOfRecords(papers, authors) : null;
  if (fromRecords) return fromRecords;
  const names = new Map(authors.map((a) => [a.key, a.name]));
  const entries = new Map<string, { name: string; papers: number[] }>();
  byShort.forEach((p, s) => {
    for (const a of p?.authors ?? []) {
      let e = entries.get(a.key);
      if (!e) entries.set(a.key, (e = { name: names.get(a.key) ?? a.name, papers: [] }));
      if (e.papers[e.papers.length - 1] !== s) e.papers.push(s);
    }
  });
  return spread([...entries.keys()].sort().map((key) => [key, entries.get(key)!]));
}

/** The shards of `authorShards` from the records of `papers`, or null when they are not sorted by key or the totals do not match. */
function shardsOfRecords(papers: readonly Paper[], authors: readonly AuthorRecord[]): AuthorShard[] | null {
  const shortOf = new Map(papers.map((p, s) => [p.id, s]));
  let keys = 0;
  for (const p of papers) keys += authorKeyCount(p);
  let listed = 0;
  const entries: [string, { name: string; papers: number[] }][] = [];
  for (const [i, a] of authors.entries()) {
    if (i > 0 && !(authors[i - 1]!.key < a.key)) return null; // sorted by key, each once
    const shorts: number[] = [];
    for (const id of a.papers) {
      const s = shortOf.get(id);
      if (s === undefined) return null;
      shorts.push(s);
    }
    listed += shorts.length;
    entries.push([a.key, { name: a.name, papers: shorts }]);
  }
  return listed === keys ? spread(entries) : null;
}

/** Entries (sorted by key) spread over about AUTHORS_PER_SHARD-entry shards by `authorShard`. */
function spread(entries: readonly [string, { name: string; papers: number[] }][]): AuthorShard[] {
  const count = Math.max(1, Math.ceil(entries.length / AUTHORS_PER_SHARD));
  const shards: AuthorShard[] = Array.from({ length: count }, () => ({}));
  for (const [key, entry] of entries) shards[authorShard(key, count)]![key] = entry;
  return shards;
}

export interface SearchChunks {
  manifest: Manifest;
  artifacts: Artifact[];
}

/** The chunks but the related chunks, made while the related papers are computed elsewhere (`startSearchChunks`). */
export interface PendingChunks {
  /** The related chunks, the manifest and the artifacts. Call once. */
  finish(related: readonly number[][]): SearchChunks;
}

/**
 * Splits the index of `papers` (added in dataset order) into the page's chunks: the manifest,
 * and the artifacts under `prefix` (chunks in `<root>t|d|m|p|a|r/<n>.json`, then `manifest.json`).
 * `authors` (authors.json's records) gives the authors' display names; `related` the related
 * papers by short id (computed from `index` when not given: pipeline/page/related.ts); `records`
 * the page cache that keeps each paper's records and each meta and paper chunk's content
 * (pipeline/cache/page-cache.ts). A term chunk's JSON stays under `termChunkBytes` UTF-16 code
 * units unless one entry exceeds it.
 */
export function chunkSearchData(
  papers: Paper[],
  index: BuiltIndex,
  options: ChunkOptions & { related?: readonly number[][] } = {},
): SearchChunks {
  return startSearchChunks(papers, index, options).finish(options.related ?? relatedPapers(index));
}

export interface ChunkOptions {
  prefix?: string;
  termChunkBytes?: number;
  authors?: readonly AuthorRecord[];
  records?: PageCache | null;
}

/** A chunk on its way to an artifact: its bytes, or (a chunk the page cache knows) its content and how to build the bytes. */
type Chunk = { file: string; data: string | Uint8Array; known?: KnownContent } | { file: string; known: KnownContent; build: () => Uint8Array };

/** sha256 (hex) and size in bytes of a chunk's data. */
function contentOf(data: string | Uint8Array): KnownContent {
  return { sha256: createHash('sha256').update(data).digest('hex'), size: Buffer.byteLength(data) };
}

/** A chunk's content: known, or hashed from its bytes. */
function chunkContent(c: Chunk): KnownContent {
  return 'build' in c ? c.known : (c.known ?? contentOf(c.data));
}

/**
 * `chunkSearchData` in two parts: every chunk that does not need the related papers now (the
 * term, doc, meta, paper and author chunks: nearly all the work), the related chunks and the
 * manifest when `finish` gets them. The bytes are the same.
 */
export function startSearchChunks(
  papers: Paper[],
  index: BuiltIndex,
  { prefix = 'search/', termChunkBytes = TERM_CHUNK_BYTES, authors = [], records }: ChunkOptions = {},
): PendingChunks {
  // Chunks are named by position; the folder they live in is named by a hash of all of them
  // (of each chunk's name and sha256),
  // so a new build never mixes with cached chunks of an old one and the manifest stays small.
  const chunks: Chunk[] = [];
  // As UTF-8 bytes: a chunk's JSON holds Korean text, which V8 keeps as two bytes per character
  // (ASCII included); the bytes take 25-35% less memory until the artifacts are published.
  const encoder = new TextEncoder();
  const emit = (dir: string, n: number, value: unknown): string => {
    const file = `${dir}/${n}.json`;
    chunks.push({ file, data: encoder.encode(JSON.stringify(value)) });
    return file;
  };

  const js = index.head;
  const { nextId } = js;
  // Doc chunks are cut by MiniSearch short id (dataset order), meta and paper chunks by position.
  const byId = new Map<string, Paper>();
  for (const p of papers) if (!byId.has(p.id)) byId.set(p.id, p);
  const ids = js.documentIds as Record<string, string>;
  const byShort: (Paper | null)[] = Array.from({ length: nextId }, (_, s) => {
    const id = ids[String(s)];
    return id === undefined ? null : (byId.get(String(id)) ?? null);
  });

  // Terms are sorted; a chunk is the JSON array of its entries ([term, postings]), at most
  // termChunkBytes long (counted in UTF-16 code units, like the JSON text).
  const first: string[] = [];
  const termFiles: string[] = [];
  let from = 0;
  let size = 0;
  const flush = (to: number) => {
    if (to === from) return;
    first.push(index.terms[from]!);
    const file = `t/${termFiles.length}.json`;
    chunks.push({ file, data: entriesBytes(index, from, to) });
    termFiles.push(file);
    from = to;
    size = 0;
  };
  for (let i = 0; i < index.terms.length; i++) {
    const n = entryLength(index, i) + 1;
    if (size > 0 && size + n > termChunkBytes) flush(i);
    size += n;
  }
  flush(index.terms.length);
  if (first.length === 0) {
    first.push('');
    termFiles.push(emit('t', 0, []));
  }
  first[0] = ''; // the first chunk also holds any term sorting before its first one

  const fieldCount = Object.keys(js.fieldIds).length;
  const docFiles: string[] = [];
  for (let start = 0, n = 0; start < byShort.length || n === 0; start += DOC_BLOCK, n++) {
    const slice = byShort.slice(start, start + DOC_BLOCK);
    const doc: DocChunk = {
      start,
      ids: slice.map((p) => p?.id ?? ''),
      fieldLength: slice.map((_, i) => {
        const fl = (js.fieldLength as Record<string, number[]>)[String(start + i)] ?? [];
        return Array.from({ length: fieldCount }, (_, f) => fl[f] ?? 0);
      }),
      date: slice.map((p) => p?.date ?? ''),
      votes: slice.map((p) => p?.votes ?? null),
    };
    docFiles.push(emit('d', n, doc));
  }

  // The short ids at positions `start ..`, at most `block` of them.
  const shortIdsAt = (start: number, block: number): number[] =>
    Array.from({ length: Math.max(0, Math.min(block, nextId - start)) }, (_, i) => positionOf(start + i, nextId));

  // A meta or paper chunk is `JSON.stringify({ start, docs })` (MetaChunk, PaperChunk), put
  // together from each paper's record as UTF-8 JSON, which the page cache keeps between runs
  // (by the paper's content digest and a suffix per kind).
  const comma = encoder.encode(',');
  const nothing = encoder.encode('null');
  const paperRecord = (p: Paper): Uint8Array => {
    const record: PaperChunk['docs'][number] = { dates: p.dates, authors: p.authors, authorsTruncated: p.authorsTruncated, summary: summarySections(p.summary) };
    if (p.media.length) record!.media = p.media;
    return encoder.encode(JSON.stringify(record));
  };
  const kinds = {
    m: { block: META_BLOCK, suffix: ':m', record: (p: Paper) => encoder.encode(JSON.stringify(metaRecord(p))) },
    p: { block: PAPER_BLOCK, suffix: '', record: paperRecord },
  };
  // Chunk `kind`'s files, `block` papers each. With a page cache, a chunk whose identity (kind,
  // first position, its papers' content digests) the cache knows is not built: its content is
  // the cache's, its records are kept for the next run, and its bytes are built (without the
  // cache) only if the writer asks for them.
  const joinedChunks = (kind: keyof typeof kinds): string[] => {
    const { block, suffix, record } = kinds[kind];
    const files: string[] = [];
    for (let start = 0, n = 0; start < nextId || n === 0; start += block, n++) {
      const docs = shortIdsAt(start, block).map((s) => byShort[s] ?? null);
      const file = `${kind}/${n}.json`;
      files.push(file);
      const join = (part: (p: Paper) => Uint8Array): Uint8Array => {
        const parts: Uint8Array[] = [encoder.encode(`{"start":${start},"docs":[`)];
        docs.forEach((p, i) => {
          if (i > 0) parts.push(comma);
          parts.push(p === null ? nothing : part(p));
        });
        parts.push(encoder.encode(']}'));
        return Buffer.concat(parts);
      };
      if (!records) {
        chunks.push({ file, data: join(record) });
        continue;
      }
      const identity = createHash('sha256').update(`${kind}\0${start}`);
      for (const p of docs) identity.update('\0').update(p === null ? '' : paperDigest(p));
      const key = identity.digest('hex');
      const known = records.chunk(key);
      if (known) {
        for (const p of docs) if (p !== null) records.keep(`${paperDigest(p)}${suffix}`);
        chunks.push({ file, known, build: () => join(record) });
      } else {
        const data = join((p) => records.record(`${paperDigest(p)}${suffix}`, () => record(p)));
        const content = contentOf(data);
        records.noteChunk(key, content);
        chunks.push({ file, data, known: content });
      }
    }
    return files;
  };
  const metaFiles = joinedChunks('m');
  const paperFiles = joinedChunks('p');

  const shards = authorShards(byShort, authors, papers);
  shards.forEach((shard, n) => emit('a', n, shard));

  const dates = papers.map((p) => p.date).filter((d) => d !== '').sort();
  // Each chunk is hashed once: for the folder name and for the writer (`known`).
  const known = new Map(chunks.map((c) => [c.file, chunkContent(c)]));
  return {
    finish(related) {
      const relatedFiles: string[] = [];
      for (let start = 0, n = 0; start < nextId || n === 0; start += RELATED_BLOCK, n++) {
        const docs = shortIdsAt(start, RELATED_BLOCK).map((s) => related[s] ?? []);
        relatedFiles.push(emit('r', n, { start, docs } satisfies RelatedChunk));
      }
      const manifest: Manifest = {
        format: PAGE_FORMAT,
        analyzerVersion: ANALYZER_VERSION,
        documentCount: js.documentCount,
        nextId,
        fieldIds: js.fieldIds,
        averageFieldLength: js.averageFieldLength,
        serializationVersion: js.serializationVersion,
        dates: { min: dates[0] ?? '', max: dates[dates.length - 1] ?? '' },
        root: '',
        terms: { first, count: termFiles.length },
        docs: { block: DOC_BLOCK, count: docFiles.length },
        meta: { block: META_BLOCK, count: metaFiles.length },
        papers: { block: PAPER_BLOCK, count: paperFiles.length },
        related: { block: RELATED_BLOCK, count: relatedFiles.length },
        authors: { count: shards.length },
      };
      const h = createHash('sha256');
      const contents = chunks.map((c) => {
        const content = known.get(c.file) ?? chunkContent(c);
        h.update(c.file).update('\0').update(content.sha256).update('\0');
        return content;
      });
      manifest.root = `${h.digest('hex').slice(0, 12)}/`;
      const artifacts: Artifact[] = chunks.map((c, i) => {
        const path = `${prefix}${manifest.root}${c.file}`;
        if (!('build' in c)) return { path, data: c.data, known: contents[i] };
        const { build } = c;
        return {
          path,
          known: contents[i],
          get data() {
            return build();
          },
        };
      });
      artifacts.push({ path: `${prefix}manifest.json`, data: JSON.stringify(manifest) });
      return { manifest, artifacts };
    },
  };
}
