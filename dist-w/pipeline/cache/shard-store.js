// pipeline/cache/shard-store.ts
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { decodeCacheFile, encodeCacheFile, writeEntryFile } from "./cache-file.js";
var SHARD_FILE = /^([0-9a-f]{2})\.bin$/;
var shardOf = (key) => key.slice(0, 2);
function groupByShard(entries) {
  const groups = /* @__PURE__ */ new Map();
  for (const [key, value] of entries) {
    const shard = shardOf(key);
    let group = groups.get(shard);
    if (!group) groups.set(shard, group = /* @__PURE__ */ new Map());
    group.set(key, value);
  }
  return groups;
}
var ShardStore = class {
  /**
   * @param dir the shards' folder (absolute), or null: nothing read or written
   * @param format the header's `format`; a file of another format is a problem
   * @param version the fingerprint of the code that builds the values; another version's shard is not used
   * @param isValue whether a payload value has the right shape (a shard holding another is a problem)
   * @param problem where a corrupt or foreign shard file is reported (absolute path, reason)
   */
  constructor(dir, format, version, isValue, problem) {
    this.dir = dir;
    this.format = format;
    this.version = version;
    this.isValue = isValue;
    this.problem = problem;
  }
  dir;
  format;
  version;
  isValue;
  problem;
  /** Values taken from the shards. */
  hits = 0;
  /** Values built because no shard held them. */
  misses = 0;
  stored = /* @__PURE__ */ new Map();
  /** How many values each shard file held. */
  storedPerShard = /* @__PURE__ */ new Map();
  /** Shards where this run built a value. */
  missedShards = /* @__PURE__ */ new Set();
  /** Values this run used (stored or built), by key: the run's sharing, and the next files. */
  used = /* @__PURE__ */ new Map();
  /** Reads every usable shard of the folder, in parallel. Never throws. */
  async load() {
    const dir = this.dir;
    if (dir === null) return;
    let names;
    try {
      names = await readdir(dir);
    } catch {
      return;
    }
    const shards = await Promise.all(
      names.flatMap((name) => {
        const shard = SHARD_FILE.exec(name)?.[1];
        if (shard === void 0) return [];
        const file = path.join(dir, name);
        return [readFile(file).then((bytes) => ({ shard, file, bytes }), () => null)];
      })
    );
    for (const read of shards) {
      if (read === null) continue;
      const { shard, file, bytes } = read;
      const decoded = decodeCacheFile(
        bytes,
        this.format,
        (h) => h.version !== this.version ? "stale" : h.shard !== shard ? "shard does not match its file name" : null
      );
      if ("stale" in decoded) continue;
      if ("problem" in decoded) {
        this.problem(file, decoded.problem);
        continue;
      }
      const payload = decoded.payload;
      if (!(payload instanceof Map) || ![...payload].every(([k, v]) => typeof k === "string" && shardOf(k) === shard && this.isValue(v))) {
        this.problem(file, "payload has the wrong shape");
        continue;
      }
      for (const [key, value] of payload) this.stored.set(key, value);
      this.storedPerShard.set(shard, payload.size);
    }
  }
  /**
   * The value under `key`: the one this run already used, else the stored one (a hit), else
   * `build()`'s (a miss), which must depend on nothing but what `key` names.
   */
  value(key, build) {
    let value = this.used.get(key);
    if (value !== void 0) return value;
    value = this.stored.get(key);
    if (value !== void 0) this.hits++;
    else {
      this.misses++;
      value = build();
      this.missedShards.add(shardOf(key));
    }
    if (this.dir !== null) this.used.set(key, value);
    return value;
  }
  /**
   * Serializes the shards whose values differ from those this run used from them (one value
   * built, or fewer used than the file holds; a shard left with none is to be removed), for
   * `write` once the run has published, and frees every value it holds. Empty without a folder.
   */
  stage() {
    const dir = this.dir;
    const staged = [];
    if (dir !== null) {
      const usedPerShard = groupByShard(this.used);
      for (const shard of /* @__PURE__ */ new Set([...usedPerShard.keys(), ...this.storedPerShard.keys()])) {
        const values = usedPerShard.get(shard);
        if (!this.missedShards.has(shard) && (values?.size ?? 0) === (this.storedPerShard.get(shard) ?? 0)) continue;
        const bytes = values ? encodeCacheFile({ format: this.format, version: this.version, shard }, values) : null;
        staged.push({ file: path.join(dir, `${shard}.bin`), bytes });
      }
    }
    this.stored = /* @__PURE__ */ new Map();
    this.storedPerShard = /* @__PURE__ */ new Map();
    this.used.clear();
    return staged;
  }
  /**
   * Writes what `stage` serialized (each shard renamed into place: cache-file.ts
   * `writeEntryFile`), removes the shards left with none, and removes every other file of the
   * folder (temporary files of killed runs). Does nothing for an empty list. Throws when a file
   * cannot be written or removed.
   */
  write(staged) {
    const dir = this.dir;
    if (dir === null || staged.length === 0) return;
    mkdirSync(dir, { recursive: true });
    for (const { file, bytes } of staged) {
      if (bytes === null) rmSync(file, { force: true });
      else writeEntryFile(file, bytes);
    }
    for (const name of readdirSync(dir)) if (!SHARD_FILE.test(name)) rmSync(path.join(dir, name), { force: true });
  }
};
export {
  SHARD_FILE,
  ShardStore,
  groupByShard,
  shardOf
};
//# sourceMappingURL=shard-store.js.map
