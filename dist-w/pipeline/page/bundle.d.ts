import { type BuildOptions } from 'esbuild';
import type { BundleCache } from '../cache/bundle-cache.ts';
import type { Artifact } from '../publish/artifact.ts';
/** The math renderer: its script, KaTeX's stylesheet and the fonts that stylesheet names. */
export interface MathAssets {
    js: Artifact;
    css: Artifact;
    fonts: Artifact[];
}
/**
 * The one output file of an esbuild build of `options` (bundled in memory), through `cache`
 * when given: entry `name`, keyed by esbuild's version and the options, valid while every input
 * file esbuild read keeps its content.
 */
export declare function bundled(cache: BundleCache | null | undefined, name: string, options: BuildOptions): Promise<Uint8Array>;
/**
 * Bundles src/page/main.ts, worker.ts, math.ts and style.css (minified, deterministic,
 * content-hashed names); `cache` keeps the bundles between runs.
 */
export declare function bundlePage(cache?: BundleCache | null): Promise<{
    js: Artifact;
    worker: Artifact;
    css: Artifact;
    math: MathAssets;
}>;
//# sourceMappingURL=bundle.d.ts.map