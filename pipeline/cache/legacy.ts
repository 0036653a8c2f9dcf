/**
 * The cache layout before each input folder had a folder of its own in the cache
 * (pipeline/config/load.ts `cacheWorkspace`): `parse/`, `index/`, `feeds/`, `page/` and
 * `manifest.json` directly in the cache folder. Nothing reads them any more; a run that publishes
 * removes them once, so that an upgraded clone (or a CI cache) does not carry about 115 MB of
 * them for the real archive forever. Names of the current layout (`bundles/`,
 * `last-report.json`, the `<name>-<hash>` folders) are never touched.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';

/** What the old layout held directly in the cache folder. */
export const LEGACY_ENTRIES = ['parse', 'index', 'feeds', 'page', 'manifest.json'] as const;

/**
 * Removes the old layout's entries from `cacheDir` (absolute); returns how many existed. Never
 * throws: a cache that cannot be cleaned costs disk space, never the run.
 */
export async function removeLegacyCache(cacheDir: string): Promise<number> {
  let removed = 0;
  for (const name of LEGACY_ENTRIES) {
    const target = path.join(cacheDir, name);
    try {
      await rm(target, { recursive: true });
      removed++;
    } catch {
      // absent (the usual case) or not removable: nothing to do
    }
  }
  return removed;
}
