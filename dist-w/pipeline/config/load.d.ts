import type { z } from 'zod';
import { type Config } from '../../src/config.ts';
import type { ResolvedConfig } from '../context.ts';
export declare const DEFAULT_CONFIG_FILE = "pipeline.config.ts";
export declare class ConfigError extends Error {
    name: string;
}
export interface ConfigOverrides {
    /** Config file; relative to cwd. Default: `pipeline.config.ts` in cwd (optional there). */
    config?: string | undefined;
    /** Input folder, relative to cwd (overrides the config's `input`). */
    input?: string | undefined;
    /** Output folder, relative to cwd (overrides the config's `output`). */
    output?: string | undefined;
    /** The site URL (overrides the config's `site.url`) and where it came from, for errors: `--site-url`. */
    siteUrl?: {
        url: string;
        from: string;
    } | undefined;
    cwd?: string | undefined;
}
/** JSON with object keys sorted at every level, so equal configs hash equally. */
export declare function canonicalJson(value: unknown): string;
export declare function configDigest(config: Config): string;
/**
 * The rule id of `allowed` that an unknown `diagnostics` key most likely means, or null: the
 * part after the last `:` when it is one (a key copied with its source, as report.json's
 * `rule` field writes it: `pipeline:authors:author-duplicate`), else the one id it begins
 * (`author-dup`), else the id closest in edit distance, when at most a third of its letters
 * (and at least 2) differ.
 */
export declare function closestRuleId(unknown: string, allowed: readonly string[]): string | null;
export declare function formatIssues(issues: readonly z.core.$ZodIssue[], raw: unknown): string[];
/**
 * True when `url` is a placeholder, not a real site: a host of example.com, .org or .net (the
 * names RFC 2606 reserves for examples) or example.github.io (the default of `site.url`).
 */
export declare function isPlaceholderSiteUrl(url: string): boolean;
/**
 * The absolute output folder the config names (`--output` wins), without checking the input:
 * for commands that read what the pipeline published (`npm run preview`). ConfigError as `loadConfig`.
 */
export declare function configuredOutputDir(overrides: Pick<ConfigOverrides, 'config' | 'output' | 'cwd'>): Promise<string>;
/**
 * The folder an input folder's caches live in, inside the cache folder: the input folder's name
 * (lower case, other characters than a-z, 0-9, `.`, `_`, `-` as `-`, at most 32) and the first 8
 * hex digits of sha256 of its absolute path, e.g. `input-3f2a91c0`, `paper_logs-0b7d1e44`. Runs
 * over different inputs so keep their caches apart; the same folder always gets the same name.
 */
export declare function cacheWorkspace(inputDir: string): string;
/**
 * The resolved config of a run: the config file (or the defaults) validated, the overrides
 * applied, every path absolute and checked (the input folder readable, the output folder apart
 * from input, cache, config and working directory), and the config digest. ConfigError otherwise.
 */
export declare function loadConfig(overrides?: ConfigOverrides): Promise<ResolvedConfig & {
    configFile: string | null;
}>;
//# sourceMappingURL=load.d.ts.map