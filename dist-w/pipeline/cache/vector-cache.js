// pipeline/cache/vector-cache.ts
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import writeFileAtomic from "write-file-atomic";
import { checkVectorTable } from "../../src/search/vectors.js";
import { decodeCacheFile, encodeCacheFile } from "./cache-file.js";
var VECTORS_FORMAT = "daily-papers-term-vectors@5";
var VectorCache = class {
  constructor(cacheDir, version) {
    this.version = version;
    this.file = cacheDir === null ? null : path.join(cacheDir, "index", "vectors.bin");
  }
  version;
  /** The cache file, or null when the vectors live in memory only. */
  file;
  hits = 0;
  misses = 0;
  /** The cache file, when it was found corrupt or foreign (it is rebuilt). */
  discarded = [];
  table = null;
  rows = /* @__PURE__ */ new Map();
  /** Vectors computed while parsing in this run (`inWorker`: by a parse worker, not the main thread). */
  offered = /* @__PURE__ */ new Map();
  /** Reads the table of the last run, if there is a usable one. */
  async load() {
    if (this.file === null) return;
    let bytes;
    try {
      bytes = await readFile(this.file);
    } catch {
      return;
    }
    const file = path.relative(path.dirname(path.dirname(this.file)), this.file);
    const decoded = decodeCacheFile(bytes, VECTORS_FORMAT, (h) => h.version !== this.version ? "stale" : null);
    if ("stale" in decoded) return;
    if ("problem" in decoded) {
      this.discarded.push({ file, reason: decoded.problem });
      return;
    }
    const wrong = checkVectorTable(decoded.payload);
    if (wrong !== null) {
      this.discarded.push({ file, reason: `payload has the wrong shape (${wrong})` });
      return;
    }
    const table = decoded.payload;
    const rows = /* @__PURE__ */ new Map();
    table.keys.forEach((key, row) => rows.set(key, row));
    this.table = table;
    this.rows = rows;
  }
  /**
   * The vector of a document from the cache file (`cached`) or computed while parsing (`inWorker`:
   * by a parse worker), or undefined.
   */
  lookup(key) {
    const row = this.rows.get(key);
    if (row !== void 0 && this.table) {
      this.hits++;
      return { vector: { table: this.table, row }, cached: true, inWorker: false };
    }
    this.misses++;
    const offered = this.offered.get(key);
    return offered === void 0 ? void 0 : { vector: offered.vector, cached: false, inWorker: offered.inWorker };
  }
  /**
   * A vector computed while parsing in this run (by a parse worker, or by the main thread between
   * its own files: `inWorker` false), used if a paper asks for its key.
   */
  offer(key, vector, inWorker = true) {
    if (!this.rows.has(key)) this.offered.set(key, { vector, inWorker });
  }
  /**
   * True when the table this run built differs from the one on disk: a paper missed it (new or
   * changed), or not every row was used (gone papers).
   */
  get changed() {
    return this.misses > 0 || this.hits !== (this.table?.keys.length ?? 0);
  }
  /** Forgets every vector (after `save` was called: it has serialized what it writes). */
  release() {
    this.table = null;
    this.rows = /* @__PURE__ */ new Map();
    this.offered.clear();
  }
  /**
   * Serializes `table` (the vectors the index builder merged in this run) when it differs from the
   * file's, for a write once the run has published: a failed run (say, an empty input folder)
   * must not replace the vectors of the last good one. Null when there is nothing to write
   * (unchanged, or memory only). Synchronous, so `release` may follow the call.
   */
  stage(table) {
    const file = this.file;
    if (file === null || !this.changed) return null;
    const bytes = encodeCacheFile({ format: VECTORS_FORMAT, version: this.version }, table);
    return {
      bytes: bytes.byteLength,
      write: async () => {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFileAtomic(file, bytes, { fsync: false });
      }
    };
  }
  /** `stage` and write at once; true when it wrote. */
  async save(table) {
    const staged = this.stage(table);
    if (staged === null) return false;
    await staged.write();
    return true;
  }
};
export {
  VECTORS_FORMAT,
  VectorCache
};
//# sourceMappingURL=vector-cache.js.map
