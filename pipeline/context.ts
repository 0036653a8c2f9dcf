/**
 * What every step receives instead of globals: the resolved config, a logger,
 * and the diagnostics file of each input. The orchestrator (pipeline/run.ts) builds it.
 */
import type { VFile } from 'vfile';
import type { Config } from '../src/config.ts';

export interface ResolvedConfig extends Config {
  /** Absolute input folder. */
  inputDir: string;
  /** Absolute output folder. */
  outputDir: string;
  /** Absolute cache folder. */
  cacheDirAbs: string;
  /** sha256 of the normalized config; part of every cache key. */
  digest: string;
}

export interface Logger {
  /** A line for a person; silent under --quiet and --json. */
  info(message: string): void;
  /** Live progress of a step (n of total); a TTY redraws one line, CI prints sparse plain lines. */
  progress(step: string, done: number, total?: number): void;
  /** A warning that is not about an input (shown even under --quiet); defaults to `info`. */
  warn?(message: string): void;
}

export interface StepContext {
  config: ResolvedConfig;
  logger: Logger;
  /**
   * The diagnostics VFile of one input file, by its path relative to the input folder.
   * Steps attach positioned messages to it:
   *   ctx.file(entry.source.file).message(reason, { place, ruleId, source: 'pipeline:authors' })
   */
  file(path: string): VFile;
}
