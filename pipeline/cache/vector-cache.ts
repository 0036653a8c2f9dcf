/**
 * The term-vector cache, `index/vectors.bin` under the cache folder: the search index's term
 * vectors of every paper of the last run, keyed by a hash of the paper's searchable text
 * (`docKey` in pipeline/parse/vectors.ts), so that a run re-analyzes only new or changed papers.
 * Stored as one columnar table (src/search/index-builder.ts `VectorTable`: a term dictionary and
 * typed arrays), exactly what the index builder merged: read only by a run that merges every
 * paper (`load`), rewritten (through write-file-atomic) only when it changed and only by a run
 * that publishes. A corrupt or foreign file is discarded with a warning; a file of another
 * analyzer or V8 version is simply not used.
 *
 * A run that put a newest digest's papers in front of the last merged index
 * (pipeline/cache/merged-cache.ts) reads neither: it adds its new papers' vectors to
 * `index/vectors-added.bin` (`stageAdded`), which `load` joins to the table, and which goes into
 * vectors.bin once it holds more than ADDED_LIMIT papers or when a run merges every paper.
 *
 * The same object carries the vectors computed while parsing in this run (by the parse workers
 * and the main thread) to the index step.
 * Without a cache folder (`--no-cache`) it does only that: nothing is read or written.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { appendRows, checkVectorTable, type DocVector, type TableVector, type VectorTable } from '../../src/search/vectors.ts';
import { encodeCacheFile, readVersionedFile, writeCacheBytes, type CacheProblem } from './cache-file.ts';

export const VECTORS_FORMAT = 'daily-papers-term-vectors@5';

/** Papers `vectors-added.bin` may hold before they go into vectors.bin. */
export const ADDED_LIMIT = 1024;

export class VectorCache {
  /** The cache file, or null when the vectors live in memory only. */
  readonly file: string | null;
  hits = 0;
  misses = 0;
  /** The cache file, when it was found corrupt or foreign (it is rebuilt). */
  readonly discarded: CacheProblem[] = [];
  /** `index/vectors-added.bin`, or null. */
  readonly addedFile: string | null;
  private table: VectorTable | null = null;
  private rows = new Map<string, number>();
  private loaded: Promise<void> | null = null;
  /** Vectors computed while parsing in this run (`inWorker`: by a parse worker, not the main thread). */
  private readonly offered = new Map<string, { vector: DocVector | TableVector; inWorker: boolean }>();

  constructor(
    /** The absolute cache folder, or null: memory only (never read nor written). */
    cacheDir: string | null,
    /** The analyzer's code fingerprint: vectors of another version are not used. */
    private readonly version: string,
  ) {
    this.file = cacheDir === null ? null : path.join(cacheDir, 'index', 'vectors.bin');
    this.addedFile = cacheDir === null ? null : path.join(cacheDir, 'index', 'vectors-added.bin');
  }

  /**
   * Reads the table of the last run (vectors.bin, with vectors-added.bin joined), if there is a
   * usable one. Once per cache: later calls wait for the first.
   */
  load(): Promise<void> {
    this.loaded ??= (async () => {
      const [base, added] = await Promise.all([this.read(this.file), this.read(this.addedFile)]);
      const table = base && added ? appendRows(base, added) : (base ?? added);
      if (!table) return;
      const rows = new Map<string, number>();
      table.keys.forEach((key, row) => rows.set(key, row));
      this.table = table;
      this.rows = rows;
    })();
    return this.loaded;
  }

  /** One of the cache's files as a checked table, or null (absent, stale, or discarded with its reason). */
  private read(file: string | null): Promise<VectorTable | null> {
    if (file === null) return Promise.resolve(null);
    return readVersionedFile<VectorTable>(file, VECTORS_FORMAT, this.version, checkVectorTable, (p) => this.discarded.push(p));
  }

  /**
   * The vector of a document from the cache file (`cached`) or computed while parsing (`inWorker`:
   * by a parse worker), or undefined.
   */
  lookup(key: string): { vector: DocVector | TableVector; cached: boolean; inWorker: boolean } | undefined {
    const row = this.rows.get(key);
    if (row !== undefined && this.table) {
      this.hits++;
      return { vector: { table: this.table, row }, cached: true, inWorker: false };
    }
    // A miss: the vector was computed while parsing, or the caller analyzes the paper.
    this.misses++;
    const offered = this.offered.get(key);
    return offered === undefined ? undefined : { vector: offered.vector, cached: false, inWorker: offered.inWorker };
  }

  /**
   * A vector computed while parsing in this run (by a parse worker, or by the main thread between
   * its own files: `inWorker` false), used if a paper asks for its key.
   */
  offer(key: string, vector: DocVector | TableVector, inWorker = true): void {
    if (!this.rows.has(key)) this.offered.set(key, { vector, inWorker });
  }

  /**
   * True when the table this run built differs from the one on disk: a paper missed it (new or
   * changed), or not every row was used (gone papers).
   */
  get changed(): boolean {
    return this.misses > 0 || this.hits !== (this.table?.keys.length ?? 0);
  }

  /** Forgets every vector (after `save` was called: it has serialized what it writes). */
  release(): void {
    this.table = null;
    this.rows = new Map();
    this.offered.clear();
  }

  /**
   * Serializes `table` (the vectors the index builder merged in this run) when it differs from the
   * file's, for a write once the run has published: a failed run (say, an empty input folder)
   * must not replace the vectors of the last good one. Null when there is nothing to write
   * (unchanged, or memory only). Synchronous, so `release` may follow the call.
   */
  stage(table: VectorTable): StagedVectors | null {
    const file = this.file;
    if (file === null || !this.changed) return null;
    const bytes = encodeCacheFile({ format: VECTORS_FORMAT, version: this.version }, table);
    const addedFile = this.addedFile;
    return {
      bytes: bytes.byteLength,
      write: async () => {
        await writeCacheBytes(file, bytes);
        if (addedFile) await rm(addedFile, { force: true });
      },
    };
  }

  /**
   * Like `stage`, for a run that put new documents in front of the last merged index without
   * reading this cache: `added`'s rows go into vectors-added.bin (joined to what it holds), so
   * that a later run that merges every paper finds them; past ADDED_LIMIT papers, into
   * vectors.bin. Everything is read, joined (src/search/vectors.ts `appendRows`) and written
   * when the write runs, after the publish. Null when memory only or nothing is added.
   */
  stageAdded(added: VectorTable): StagedVectors | null {
    const { file, addedFile } = this;
    if (file === null || addedFile === null || added.keys.length === 0) return null;
    return {
      bytes: null,
      write: async () => {
        const before = await this.read(addedFile);
        const joined = before ? appendRows(before, added) : added;
        const encode = (table: VectorTable) => encodeCacheFile({ format: VECTORS_FORMAT, version: this.version }, table);
        if (joined.keys.length <= ADDED_LIMIT) {
          await writeCacheBytes(addedFile, encode(joined));
          return;
        }
        const base = await this.read(file);
        await writeCacheBytes(file, encode(base ? appendRows(base, joined) : joined));
        await rm(addedFile, { force: true });
      },
    };
  }

  /** `stage` and write at once; true when it wrote. */
  async save(table: VectorTable): Promise<boolean> {
    const staged = this.stage(table);
    if (staged === null) return false;
    await staged.write();
    return true;
  }
}

/** A vector table serialized by `VectorCache#stage`, waiting to be written. */
export interface StagedVectors {
  /** Size of the file to write, in bytes; null when it is serialized only as it is written (`stageAdded`). */
  bytes: number | null;
  /** Writes it through write-file-atomic; rejects when it cannot. */
  write(): Promise<void>;
}
