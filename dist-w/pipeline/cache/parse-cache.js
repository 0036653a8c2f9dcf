// pipeline/cache/parse-cache.ts
import { mkdirSync } from "node:fs";
import { readFile, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { decodeCacheFile, encodeCacheFile, sha256, writeEntryFile } from "./cache-file.js";
var CACHE_FORMAT = "daily-papers-parse-cache@4";
var ParseCache = class {
  /**
   * @param cacheDir the absolute cache folder
   * @param version the parser version (pipeline/cache/version.ts `parserVersion`)
   */
  constructor(cacheDir, version) {
    this.version = version;
    this.dir = path.join(cacheDir, "parse");
  }
  version;
  dir;
  hits = 0;
  misses = 0;
  /** Entries found corrupt, edited or foreign in this run (each was parsed again). */
  discarded = [];
  /** Keys this run looked up or wrote; `unused` lists the others. */
  used = /* @__PURE__ */ new Set();
  /** Shard folders known to exist. */
  shards = /* @__PURE__ */ new Set();
  /** The key of an input file by its relative path and the sha256 of its bytes (64 hex). */
  key(relPath, contentHash) {
    return sha256(JSON.stringify([CACHE_FORMAT, this.version, relPath, contentHash]));
  }
  fileFor(key) {
    return path.join(this.dir, key.slice(0, 2), `${key}.bin`);
  }
  /** The cached result, or undefined (a miss). A corrupt or foreign file is discarded. */
  async get(key, relPath) {
    this.used.add(key);
    const file = this.fileFor(key);
    let bytes;
    try {
      bytes = await readFile(file);
    } catch {
      this.misses++;
      return void 0;
    }
    const problem = (reason) => {
      this.discarded.push({ file: path.relative(path.dirname(this.dir), file), reason });
      this.misses++;
      return void 0;
    };
    const decoded = decodeCacheFile(
      bytes,
      CACHE_FORMAT,
      (h) => h.key !== key || h.path !== relPath ? "key does not match its file name" : null
    );
    if ("stale" in decoded) {
      this.misses++;
      return void 0;
    }
    if ("problem" in decoded) return problem(decoded.problem);
    const parsed = decoded.payload;
    if (!parsed || !Array.isArray(parsed.entries) || !Array.isArray(parsed.messages)) {
      return problem("payload has the wrong shape");
    }
    this.hits++;
    return parsed;
  }
  /** Stores one input's result under its key (synchronously renamed into place, see `writeEntryFile`). */
  async set(key, relPath, value) {
    this.used.add(key);
    const bytes = encodeCacheFile({ format: CACHE_FORMAT, key, path: relPath }, value);
    const file = this.fileFor(key);
    const shard = path.dirname(file);
    if (!this.shards.has(shard)) {
      mkdirSync(shard, { recursive: true });
      this.shards.add(shard);
    }
    writeEntryFile(file, bytes);
  }
  /**
   * The files of the cache folder this run did not use (entries of changed, deleted or renamed
   * inputs, of old versions, temporary files of killed runs), as absolute paths. Removes nothing:
   * a run that publishes passes them to `remove`. A folder that cannot be listed lists nothing.
   */
  async unused() {
    const found = [];
    let shards;
    try {
      shards = await readdir(this.dir);
    } catch {
      return found;
    }
    for (const shard of shards.sort()) {
      const dir = path.join(this.dir, shard);
      let names;
      try {
        names = await readdir(dir);
      } catch {
        continue;
      }
      for (const name of names.sort()) if (!this.used.has(name.replace(/\.bin$/, ""))) found.push(path.join(dir, name));
    }
    return found;
  }
  /** Removes `files` (from `unused`); returns how many were removed. Never throws. */
  async remove(files) {
    let removed = 0;
    for (const file of files) {
      await rm(file, { force: true, recursive: true }).then(() => removed++, () => void 0);
    }
    return removed;
  }
};
export {
  CACHE_FORMAT,
  ParseCache
};
//# sourceMappingURL=parse-cache.js.map
