import { type CacheProblem } from './cache-file.ts';
export declare const BUNDLES_FORMAT = "daily-papers-bundle@1";
/** What a bundle build returns: its output bytes and the absolute paths of the files it read. */
export interface BuiltBundle {
    output: Uint8Array;
    inputs: string[];
}
export declare class BundleCache {
    /** `bundles/` under the cache folder, or null: nothing cached. */
    readonly dir: string | null;
    hits: number;
    misses: number;
    /** Entries found corrupt or foreign in this run (each was rebuilt). */
    readonly discarded: CacheProblem[];
    /** @param cacheDir the absolute cache folder, or null (`--no-cache`) */
    constructor(cacheDir: string | null);
    /**
     * The output of bundle `name` (a file name: letters, digits, `.`, `-`, `_`) built under `key`
     * (everything but the input files that decides the output: esbuild's version, the options):
     * the cached bytes when every input of the cached build still has its content, else
     * `build()`'s, which are then cached. Rejects only when `build` does.
     */
    get(name: string, key: string, build: () => Promise<BuiltBundle>): Promise<Uint8Array>;
    /** The cached output in `file` when its key matches and its inputs are unchanged, else null. */
    private read;
}
//# sourceMappingURL=bundle-cache.d.ts.map