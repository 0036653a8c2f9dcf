/**
 * The step contract. Every step is a `Step`: a function of the `StepContext` (instead of
 * globals: the resolved config, a logger, the diagnostics file of each input, the caches) and
 * one input, returning its value and the counts the report records for it. A step never fills
 * an object it is handed and never reaches around the context. The orchestrator
 * (pipeline/run.ts) builds the context with `createStepContext` and runs the steps in order.
 */
import { VFile } from 'vfile';
import type { Options as MessageOptions, VFileMessage } from 'vfile-message';
import type { Config } from '../src/config.ts';
import { fatal } from '../src/message.ts';
import type { BundleCache } from './cache/bundle-cache.ts';
import type { FeedCache } from './cache/feed-cache.ts';
import type { MergedCache } from './cache/merged-cache.ts';
import type { PageCache } from './cache/page-cache.ts';
import type { ParseCache } from './cache/parse-cache.ts';
import type { VectorCache } from './cache/vector-cache.ts';

export interface ResolvedConfig extends Config {
  /** Absolute input folder. */
  inputDir: string;
  /** Absolute output folder. */
  outputDir: string;
  /** Absolute cache folder (the config's `cacheDir`): the bundle cache and last-report.json. */
  cacheDirAbs: string;
  /**
   * This input folder's own folder in the cache (`<cacheDir>/<name>-<hash>`, see
   * `cacheWorkspace`): its manifest, parse, vector, feed and page caches, so that runs over
   * other inputs neither use nor prune them.
   */
  cacheWorkDir: string;
  /** sha256 of the normalized config; part of every cache key. */
  digest: string;
}

export interface Logger {
  /** A line for a person; silent under --quiet and --json. */
  info(message: string): void;
  /** Live progress of a step (n of total); a TTY redraws one line, CI prints sparse plain lines. */
  progress(step: string, done: number, total?: number): void;
  /** A problem of the run itself, not of an input (a cache that cannot be written); shown even under --quiet. */
  warn(message: string): void;
}

/** The caches a step may use. */
export interface StepCaches {
  /** Parse results per input file; null under --no-cache. */
  parse: ParseCache | null;
  /**
   * Term vectors of the search index: the parse workers offer the vectors they computed, the
   * index step looks them up. Under --no-cache it lives in memory only; null = no vectors at all
   * (every paper is analyzed by the index step).
   */
  vectors: VectorCache | null;
  /**
   * Feed items and complete archive documents (pipeline/cache/feed-cache.ts); in-run sharing
   * only under --no-cache. Absent or null: the feeds step shares items within the run only.
   */
  feeds?: FeedCache | null;
  /** The page's esbuild bundles (pipeline/cache/bundle-cache.ts). Absent or null: bundled every run. */
  bundles?: BundleCache | null;
  /** Each paper's record in the page's paper chunks (pipeline/cache/page-cache.ts). Absent or null: rendered every run. */
  pages?: PageCache | null;
  /**
   * The last run's merged index (pipeline/cache/merged-cache.ts), loaded before the index step.
   * Absent or null: every document's vector is merged.
   */
  merged?: MergedCache | null;
}

export interface StepContext {
  config: ResolvedConfig;
  logger: Logger;
  /**
   * The diagnostics VFile of one input file, by its path relative to the input folder (one
   * per path). Steps attach positioned messages to it:
   *   ctx.file(entry.source.file).message(reason, { place, ruleId, source: 'pipeline:authors' })
   */
  file(path: string): VFile;
  /**
   * Attaches a fatal message to the file at `path` (src/message.ts `fatal`): the run goes on
   * with the other files, and publishes nothing. Returns the message.
   */
  fail(path: string, reason: string, options: MessageOptions): VFileMessage;
  caches: StepCaches;
}

/** What a step returns: its value and what the report records for it (name -> count). */
export interface StepResult<T> {
  value: T;
  counts: Record<string, number>;
}

/** The one shape of every step. */
export type Step<I, O> = (ctx: StepContext, input: I) => StepResult<O> | Promise<StepResult<O>>;

/** Diagnostics that belong to no input file (a step that crashed, an artifact that failed) are reported on this name. */
export const PIPELINE_FILE = '(pipeline)';

/** Diagnostics about the config (a feed filter, the site URL), which is not an input file, are reported on this name. */
export const CONFIG_FILE = '(config)';

/**
 * A step context over `config` and `logger`, with `caches` (none by default), and the map of the
 * VFiles it hands out by path (in the order they were first asked for).
 */
export function createStepContext(options: {
  config: ResolvedConfig;
  logger: Logger;
  caches?: StepCaches;
}): { ctx: StepContext; files: Map<string, VFile> } {
  const { config } = options;
  const files = new Map<string, VFile>();
  const file = (path: string): VFile => {
    let found = files.get(path);
    if (!found) {
      // Relative to the input folder (a test's partial config may have none: the process' folder).
      found = new VFile(config.inputDir === undefined ? { path } : { path, cwd: config.inputDir });
      files.set(path, found);
    }
    return found;
  };
  const ctx: StepContext = {
    config,
    logger: options.logger,
    file,
    fail: (path, reason, messageOptions) => fatal(file(path), reason, messageOptions),
    caches: options.caches ?? { parse: null, vectors: null },
  };
  return { ctx, files };
}
