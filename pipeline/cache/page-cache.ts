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
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { decodeCacheFile, encodeCacheFile, groupByShard, shardOf, SHARD_FILE, writeEntryFile, type CacheProblem, type ShardHeader } from './cache-file.ts';

export const PAGE_RECORDS_FORMAT = 'daily-papers-page-records@1';


export class PageCache {
  /** `page/papers/` under the cache folder, or null: nothing read or written. */
  readonly dir: string | null;
  hits = 0;
  misses = 0;
  /** Shard files found corrupt or foreign in this run (each was rebuilt). */
  readonly discarded: CacheProblem[] = [];
  private stored = new Map<string, Uint8Array>();
  private readonly storedPerShard = new Map<string, number>();
  private readonly used = new Map<string, Uint8Array>();
  private readonly missedShards = new Set<string>();
  /** What `stage` serialized for `save`: a shard's bytes, or null to remove it. */
  private staged: { file: string; bytes: Uint8Array | null }[] = [];

  /**
   * @param cacheDir the absolute cache folder, or null (`--no-cache`)
   * @param version the fingerprint of the code that renders a record
   */
  constructor(
    cacheDir: string | null,
    private readonly version: string,
  ) {
    this.dir = cacheDir === null ? null : path.join(cacheDir, 'page', 'papers');
  }

  /** Reads the usable shards of the last run. Never throws. */
  load(): void {
    if (this.dir === null) return;
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      const shard = SHARD_FILE.exec(name)?.[1];
      if (shard === undefined) continue;
      const file = path.join(this.dir, name);
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        continue;
      }
      const decoded = decodeCacheFile<ShardHeader>(bytes, PAGE_RECORDS_FORMAT, (h) =>
        h.version !== this.version ? 'stale' : h.shard !== shard ? 'shard does not match its file name' : null,
      );
      if ('stale' in decoded) continue;
      const payload = 'payload' in decoded ? decoded.payload : null;
      const valid =
        payload instanceof Map && [...payload].every(([k, v]) => typeof k === 'string' && shardOf(k) === shard && v instanceof Uint8Array);
      if (!valid) {
        const reason = 'problem' in decoded ? decoded.problem : 'payload has the wrong shape';
        this.discarded.push({ file: path.relative(path.dirname(path.dirname(this.dir)), file), reason });
        continue;
      }
      for (const [key, record] of payload as Map<string, Uint8Array>) this.stored.set(key, record);
      this.storedPerShard.set(shard, payload.size);
    }
  }

  /**
   * The record under `key` (a paper's content digest, 64 hex digits, with a suffix per kind of
   * record): the stored one, or `build()`'s (which must depend on nothing but that paper's content).
   */
  record(key: string, build: () => Uint8Array): Uint8Array {
    let record = this.used.get(key);
    if (record !== undefined) return record;
    record = this.stored.get(key);
    if (record !== undefined) this.hits++;
    else {
      this.misses++;
      record = build();
      this.missedShards.add(shardOf(key));
    }
    if (this.dir !== null) this.used.set(key, record);
    return record;
  }

  /**
   * Serializes the shards whose records differ from the ones this run used (to be written by
   * `save`), and frees every record it holds, so that a run keeps only what it will write (a
   * few shards) until it has published. Returns how many shard files `save` will write or remove.
   */
  stage(): number {
    const dir = this.dir;
    if (dir === null) return 0;
    const perShard = groupByShard(this.used);
    this.staged = [];
    for (const shard of new Set([...perShard.keys(), ...this.storedPerShard.keys()])) {
      const records = perShard.get(shard);
      if (!this.missedShards.has(shard) && (records?.size ?? 0) === (this.storedPerShard.get(shard) ?? 0)) continue;
      const bytes = records ? encodeCacheFile({ format: PAGE_RECORDS_FORMAT, version: this.version, shard }, records) : null;
      this.staged.push({ file: path.join(dir, `${shard}.bin`), bytes });
    }
    this.stored = new Map();
    this.used.clear();
    return this.staged.length;
  }

  /**
   * Writes what `stage` serialized: each changed shard, renamed into place, and removes the
   * shards left with none. Call only once the run has published (pipeline/run.ts), so that a
   * failed run prunes nothing. Returns how many files it wrote or removed; a file that cannot
   * be written is left to the next run (a cache miss, nothing worse). Never throws.
   */
  save(): number {
    const dir = this.dir;
    const staged = this.staged;
    this.staged = [];
    if (dir === null || staged.length === 0) return 0;
    let changed = 0;
    try {
      mkdirSync(dir, { recursive: true });
      for (const { file, bytes } of staged) {
        if (bytes === null) rmSync(file, { force: true });
        else writeEntryFile(file, bytes);
        changed++;
      }
      // Temporary files of killed runs.
      for (const name of readdirSync(dir)) if (!SHARD_FILE.test(name)) rmSync(path.join(dir, name), { force: true });
    } catch {
      // A cache that cannot be written costs the next run a rebuild, nothing more.
    }
    return changed;
  }
}
