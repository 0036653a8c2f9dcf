// pipeline/cache/bundle-cache.ts
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { decodeCacheFile, encodeCacheFile, sha256, writeEntryFile } from "./cache-file.js";
var BUNDLES_FORMAT = "daily-papers-bundle@1";
var BundleCache = class {
  /** `bundles/` under the cache folder, or null: nothing cached. */
  dir;
  hits = 0;
  misses = 0;
  /** Entries found corrupt or foreign in this run (each was rebuilt). */
  discarded = [];
  /** @param cacheDir the absolute cache folder, or null (`--no-cache`) */
  constructor(cacheDir) {
    this.dir = cacheDir === null ? null : path.join(cacheDir, "bundles");
  }
  /**
   * The output of bundle `name` (a file name: letters, digits, `.`, `-`, `_`) built under `key`
   * (everything but the input files that decides the output: esbuild's version, the options):
   * the cached bytes when every input of the cached build still has its content, else
   * `build()`'s, which are then cached. Rejects only when `build` does.
   */
  async get(name, key, build) {
    if (!/^[\w.-]+$/.test(name)) throw new Error(`bundle cache: bad entry name ${JSON.stringify(name)}`);
    const file = this.dir === null ? null : path.join(this.dir, `${name}.bin`);
    const cached = file === null ? null : this.read(file, name, key);
    if (cached !== null) {
      this.hits++;
      return cached;
    }
    this.misses++;
    const built = await build();
    if (file !== null) {
      const inputs = [];
      for (const input of [...built.inputs].sort()) {
        const content = contentHash(input);
        if (content === null) return built.output;
        inputs.push([input, content]);
      }
      const header = { format: BUNDLES_FORMAT, name, key, inputs };
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        writeEntryFile(file, encodeCacheFile(header, built.output));
      } catch {
      }
    }
    return built.output;
  }
  /** The cached output in `file` when its key matches and its inputs are unchanged, else null. */
  read(file, name, key) {
    let bytes;
    try {
      bytes = readFileSync(file);
    } catch {
      return null;
    }
    const decoded = decodeCacheFile(
      bytes,
      BUNDLES_FORMAT,
      (h) => h.name !== name ? "name does not match its file name" : h.key !== key || !Array.isArray(h.inputs) ? "stale" : null
    );
    if ("stale" in decoded) return null;
    if ("problem" in decoded) {
      this.discarded.push({ file: path.relative(path.dirname(this.dir), file), reason: decoded.problem });
      return null;
    }
    if (!(decoded.payload instanceof Uint8Array)) {
      this.discarded.push({ file: path.relative(path.dirname(this.dir), file), reason: "payload has the wrong shape" });
      return null;
    }
    for (const entry of decoded.header.inputs) {
      if (!Array.isArray(entry) || contentHash(String(entry[0])) !== entry[1]) return null;
    }
    return decoded.payload;
  }
};
function contentHash(file) {
  try {
    return sha256(readFileSync(file));
  } catch {
    return null;
  }
}
export {
  BUNDLES_FORMAT,
  BundleCache
};
//# sourceMappingURL=bundle-cache.js.map
