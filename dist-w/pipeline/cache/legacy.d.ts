/** What the old layout held directly in the cache folder. */
export declare const LEGACY_ENTRIES: readonly ["parse", "index", "feeds", "page", "manifest.json"];
/**
 * Removes the old layout's entries from `cacheDir` (absolute); returns how many existed. Never
 * throws: a cache that cannot be cleaned costs disk space, never the run.
 */
export declare function removeLegacyCache(cacheDir: string): Promise<number>;
//# sourceMappingURL=legacy.d.ts.map