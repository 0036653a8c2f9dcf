/**
 * The page cache, valid for one fingerprint of the chunk code (`version`), in two layers:
 * - Each paper's records in the page's chunks (pipeline/page/chunks.ts), as UTF-8 JSON bytes:
 *   its paper chunk record (dates, authors, summary sections) and its meta chunk record. Under
 *   `page/papers/<xx>.bin` in the cache folder, so that a rerun neither renders nor serializes
 *   and encodes again the records of papers that did not change (half of the search data).
 *   Keyed by the paper's content digest (pipeline/cache/paper-digest.ts: sha256 of its
 *   papers.json line; the meta record's with `:m` after it).
 * - The content (sha256, size in bytes) of each meta and paper chunk the last run published,
 *   by the chunk's identity (its kind, first position and papers' digests), in
 *   `page/chunks.bin`: a chunk whose identity is known is not built at all; the writer links its
 *   file from the last output (pipeline/publish/artifact-writer.ts).
 *
 * The records are spread over 256 shard files by the first two hex digits of the digest, each
 * read when the run first asks for one of its records (a one-new-digest run builds a few
 * chunks, so reads a few shards); `save` rewrites only the shards read whose records differ from
 * those the run used or kept (a new or changed paper, or one gone), and removes a shard left
 * with none. The page step serializes what changed (`stage`) and lets the rest go;
 * pipeline/run.ts writes it (`save`) only once a run has published, so that a failed run (no
 * papers, a fatal diagnostic) prunes nothing. Files in the shared format of cache-file.ts (JSON
 * header line + V8 payload); a corrupt or foreign one is discarded (a `CacheProblem`) and
 * rebuilt. Without a cache folder (`--no-cache`) nothing is read or written.
 */
import path from 'node:path';
import type { KnownContent } from '../publish/artifact.ts';
import { WholeFileLayer, type CacheProblem, type StagedFile } from './cache-file.ts';
import { ShardStore, type StagedShard } from './shard-store.ts';

export const PAGE_RECORDS_FORMAT = 'daily-papers-page-records@1';
export const PAGE_CHUNKS_FORMAT = 'daily-papers-page-chunks@1';

/** `page/chunks.bin`'s payload: chunk identity (sha256 hex) -> [sha256 hex, size in bytes]. */
type ChunkContents = Map<string, [string, number]>;

function checkChunkContents(payload: unknown): string | null {
  if (!(payload instanceof Map)) return 'not a Map';
  for (const [k, v] of payload as Map<unknown, unknown>) {
    if (typeof k !== 'string' || !Array.isArray(v) || v.length !== 2 || typeof v[0] !== 'string' || !Number.isInteger(v[1])) return 'an entry is not [sha256, size]';
  }
  return null;
}

export class PageCache {
  /** `page/papers/` under the cache folder, or null: nothing read or written. */
  readonly dir: string | null;
  /** Record shards found corrupt or foreign in this run (each was rebuilt). */
  private readonly shardProblems: CacheProblem[] = [];
  private readonly records: ShardStore<Uint8Array>;
  /** What `stage` serialized for `save`. */
  private staged: StagedShard[] = [];
  /** `page/chunks.bin` (its `file` null without a cache folder). */
  private readonly chunkLayer: WholeFileLayer<ChunkContents>;
  /** The chunk contents the last run recorded, and those this run used or built. */
  private storedChunks: ChunkContents = new Map();
  private usedChunks: ChunkContents = new Map();
  /** Chunks this run found (`chunk`). */
  chunksKnown = 0;
  /** Whether this run built a chunk the last one did not record. */
  private newChunks = false;
  /** What `stage` staged of the chunk contents, or null: unchanged. */
  private stagedChunks: StagedFile | null = null;

  /**
   * @param cacheDir the absolute cache folder, or null (`--no-cache`)
   * @param version the fingerprint of the code that renders a record
   */
  constructor(cacheDir: string | null, version: string) {
    this.dir = cacheDir === null ? null : path.join(cacheDir, 'page', 'papers');
    this.chunkLayer = new WholeFileLayer(cacheDir === null ? null : path.join(cacheDir, 'page', 'chunks.bin'), PAGE_CHUNKS_FORMAT, version, checkChunkContents);
    this.records = new ShardStore<Uint8Array>(
      this.dir,
      PAGE_RECORDS_FORMAT,
      version,
      (v) => v instanceof Uint8Array,
      (file, reason) => this.shardProblems.push({ file: path.relative(cacheDir!, file), reason }),
      true,
    );
  }

  /** Records taken from the cache. */
  get hits(): number {
    return this.records.hits;
  }

  /** Records built. */
  get misses(): number {
    return this.records.misses;
  }

  /** Files found corrupt or foreign in this run (each was rebuilt): record shards and `page/chunks.bin`. */
  get discarded(): CacheProblem[] {
    return [...this.shardProblems, ...this.chunkLayer.discarded];
  }

  /** Record shards read so far (each when first asked for). */
  get shardsRead(): number {
    return this.records.shardsRead;
  }

  /** Reads the chunk contents the last run recorded (the record shards are read as they are asked for). Never throws. */
  async load(): Promise<void> {
    await this.chunkLayer.load();
    this.storedChunks = this.chunkLayer.previous ?? new Map();
    this.chunkLayer.release();
  }

  /**
   * The content (sha256 hex, size in bytes) of the chunk with identity `identity` (sha256 hex of
   * what its bytes depend on: pipeline/page/chunks.ts) as the last run recorded it, or undefined.
   * A chunk found is kept for the next run.
   */
  chunk(identity: string): KnownContent | undefined {
    const entry = this.storedChunks.get(identity);
    if (entry === undefined) return undefined;
    if (this.chunkLayer.file !== null) this.usedChunks.set(identity, entry);
    this.chunksKnown++;
    return { sha256: entry[0], size: entry[1] };
  }

  /** Records the content of a chunk this run built, under its identity (see `chunk`). */
  noteChunk(identity: string, content: KnownContent): void {
    if (this.chunkLayer.file === null) return;
    this.usedChunks.set(identity, [content.sha256, content.size]);
    this.newChunks = true;
  }

  /** Notes that this run uses the record under `key` without reading it (a chunk `chunk` found): it is kept for the next run. */
  keep(key: string): void {
    this.records.keep(key);
  }

  /**
   * The record under `key` (a paper's content digest, 64 hex digits, with a suffix per kind of
   * record): the stored one, or `build()`'s (which must depend on nothing but that paper's content).
   */
  record(key: string, build: () => Uint8Array): Uint8Array {
    return this.records.value(key, build);
  }

  /**
   * Serializes the shards whose records differ from the ones this run used (to be written by
   * `save`), and frees every record it holds, so that a run keeps only what it will write (a
   * few shards) until it has published. Returns how many shard files `save` will write or remove.
   */
  stage(): number {
    this.staged = this.records.stage();
    const changed = this.newChunks || this.usedChunks.size !== this.storedChunks.size;
    this.stagedChunks = changed ? this.chunkLayer.stage(this.usedChunks) : null;
    this.storedChunks = new Map();
    this.usedChunks = new Map();
    this.newChunks = false;
    return this.staged.length + (this.stagedChunks ? 1 : 0);
  }

  /**
   * Writes what `stage` serialized: each changed shard, renamed into place, the chunk contents
   * when they changed, and removes the shards left with none. Call only once the run has
   * published (pipeline/run.ts), so that a failed run prunes nothing. Resolves to how many files
   * it wrote or removed; a file that cannot be written is left to the next run (a cache miss,
   * nothing worse). Never rejects.
   */
  async save(): Promise<number> {
    const staged = this.staged;
    const chunks = this.stagedChunks;
    this.staged = [];
    this.stagedChunks = null;
    try {
      this.records.write(staged);
      await chunks?.write();
      return this.dir === null ? 0 : staged.length + (chunks ? 1 : 0);
    } catch {
      // A cache that cannot be written costs the next run a rebuild, nothing more.
      return 0;
    }
  }
}
