// pipeline/cache/page-cache.ts
import path from "node:path";
import { ShardStore } from "./shard-store.js";
var PAGE_RECORDS_FORMAT = "daily-papers-page-records@1";
var PageCache = class {
  /** `page/papers/` under the cache folder, or null: nothing read or written. */
  dir;
  /** Shard files found corrupt or foreign in this run (each was rebuilt). */
  discarded = [];
  records;
  /** What `stage` serialized for `save`. */
  staged = [];
  /**
   * @param cacheDir the absolute cache folder, or null (`--no-cache`)
   * @param version the fingerprint of the code that renders a record
   */
  constructor(cacheDir, version) {
    this.dir = cacheDir === null ? null : path.join(cacheDir, "page", "papers");
    this.records = new ShardStore(
      this.dir,
      PAGE_RECORDS_FORMAT,
      version,
      (v) => v instanceof Uint8Array,
      (file, reason) => this.discarded.push({ file: path.relative(cacheDir, file), reason })
    );
  }
  /** Records taken from the cache. */
  get hits() {
    return this.records.hits;
  }
  /** Records built. */
  get misses() {
    return this.records.misses;
  }
  /** Reads the usable shards of the last run. Never throws. */
  load() {
    return this.records.load();
  }
  /**
   * The record under `key` (a paper's content digest, 64 hex digits, with a suffix per kind of
   * record): the stored one, or `build()`'s (which must depend on nothing but that paper's content).
   */
  record(key, build) {
    return this.records.value(key, build);
  }
  /**
   * Serializes the shards whose records differ from the ones this run used (to be written by
   * `save`), and frees every record it holds, so that a run keeps only what it will write (a
   * few shards) until it has published. Returns how many shard files `save` will write or remove.
   */
  stage() {
    this.staged = this.records.stage();
    return this.staged.length;
  }
  /**
   * Writes what `stage` serialized: each changed shard, renamed into place, and removes the
   * shards left with none. Call only once the run has published (pipeline/run.ts), so that a
   * failed run prunes nothing. Returns how many files it wrote or removed; a file that cannot
   * be written is left to the next run (a cache miss, nothing worse). Never throws.
   */
  save() {
    const staged = this.staged;
    this.staged = [];
    try {
      this.records.write(staged);
      return this.dir === null ? 0 : staged.length;
    } catch {
      return 0;
    }
  }
};
export {
  PAGE_RECORDS_FORMAT,
  PageCache
};
//# sourceMappingURL=page-cache.js.map
