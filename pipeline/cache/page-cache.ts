/**
 * The page cache: each paper's records in the page's chunks (pipeline/page/chunks.ts), as
 * UTF-8 JSON bytes: its paper chunk record (dates, authors, summary sections) and its meta chunk
 * record without the related papers. Under `page/papers/<xx>.bin` in the cache folder, so that a
 * rerun neither renders nor serializes and encodes again the records of papers that did not
 * change (half of the search data). Keyed by the paper's content digest
 * (pipeline/cache/paper-digest.ts: sha256 of its papers.json line; the meta record's with `:m`
 * after it) and valid for one fingerprint of the chunk code (`version`).
 *
 * The records are spread over 256 shard files by the first two hex digits of the digest, all
 * read by `load`; `save` rewrites only the shards whose records differ from those the run used
 * (a new or changed paper, or one gone), each with exactly the records the run used, and
 * removes a shard left with none. The page step serializes those shards (`stage`) and lets the
 * rest go; pipeline/run.ts writes them (`save`) only once a run has published, so that a failed
 * run (no papers, a fatal diagnostic) prunes nothing. Files in the shared format of cache-file.ts (JSON header
 * line + V8 payload); a corrupt or foreign one is discarded (a `CacheProblem`) and rebuilt.
 * Without a cache folder (`--no-cache`) nothing is read or written.
 */
import path from 'node:path';
import type { CacheProblem } from './cache-file.ts';
import { ShardStore, type StagedShard } from './shard-store.ts';

export const PAGE_RECORDS_FORMAT = 'daily-papers-page-records@1';

export class PageCache {
  /** `page/papers/` under the cache folder, or null: nothing read or written. */
  readonly dir: string | null;
  /** Shard files found corrupt or foreign in this run (each was rebuilt). */
  readonly discarded: CacheProblem[] = [];
  private readonly records: ShardStore<Uint8Array>;
  /** What `stage` serialized for `save`. */
  private staged: StagedShard[] = [];

  /**
   * @param cacheDir the absolute cache folder, or null (`--no-cache`)
   * @param version the fingerprint of the code that renders a record
   */
  constructor(cacheDir: string | null, version: string) {
    this.dir = cacheDir === null ? null : path.join(cacheDir, 'page', 'papers');
    this.records = new ShardStore<Uint8Array>(this.dir, PAGE_RECORDS_FORMAT, version, (v) => v instanceof Uint8Array, (file, reason) =>
      this.discarded.push({ file: path.relative(cacheDir!, file), reason }),
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

  /** Reads the usable shards of the last run. Never throws. */
  load(): Promise<void> {
    return this.records.load();
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
    return this.staged.length;
  }

  /**
   * Writes what `stage` serialized: each changed shard, renamed into place, and removes the
   * shards left with none. Call only once the run has published (pipeline/run.ts), so that a
   * failed run prunes nothing. Returns how many files it wrote or removed; a file that cannot
   * be written is left to the next run (a cache miss, nothing worse). Never throws.
   */
  save(): number {
    const staged = this.staged;
    this.staged = [];
    try {
      this.records.write(staged);
      return this.dir === null ? 0 : staged.length;
    } catch {
      // A cache that cannot be written costs the next run a rebuild, nothing more.
      return 0;
    }
  }
}
