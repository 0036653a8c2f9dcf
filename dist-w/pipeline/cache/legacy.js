// pipeline/cache/legacy.ts
import { rm } from "node:fs/promises";
import path from "node:path";
var LEGACY_ENTRIES = ["parse", "index", "feeds", "page", "manifest.json"];
async function removeLegacyCache(cacheDir) {
  let removed = 0;
  for (const name of LEGACY_ENTRIES) {
    const target = path.join(cacheDir, name);
    try {
      await rm(target, { recursive: true });
      removed++;
    } catch {
    }
  }
  return removed;
}
export {
  LEGACY_ENTRIES,
  removeLegacyCache
};
//# sourceMappingURL=legacy.js.map
