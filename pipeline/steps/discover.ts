/**
 * Step 1: find the digest files. fast-glob over the input folder with the config's include and
 * exclude globs, sorted by path (code-unit order, independent of locale and file system).
 */
import path from 'node:path';
import { compareStrings } from '../../src/compare.ts';
import fg from 'fast-glob';
import type { StepContext, StepResult } from '../context.ts';

export interface InputFile {
  /** Path relative to the input folder, with `/` separators. */
  path: string;
  /** Absolute path. */
  abs: string;
}

/** Every input file, sorted by path; count: `files`. An unreadable folder is a fatal diagnostic (and no files). */
export async function discoverStep(ctx: StepContext): Promise<StepResult<InputFile[]>> {
  const { inputDir, include, exclude } = ctx.config;
  let found: string[];
  try {
    found = await fg(include, {
      cwd: inputDir,
      ignore: exclude,
      onlyFiles: true,
      dot: false,
      unique: true,
      followSymbolicLinks: true,
      suppressErrors: false,
    });
  } catch (error) {
    // An unreadable sub-folder would silently hide its digests: make it a fatal diagnostic.
    const err = error as NodeJS.ErrnoException;
    const rel = err.path ? path.relative(inputDir, err.path).split(path.sep).join('/') || '.' : '.';
    ctx.fail(rel, `Cannot list folder: ${err.code ?? err.message}`, {
      ruleId: 'unreadable-folder',
      source: 'pipeline:discover',
    });
    return { value: [], counts: { files: 0 } };
  }
  const files = found.sort(compareStrings).map((rel) => ({ path: rel, abs: path.join(inputDir, rel) }));
  return { value: files, counts: { files: files.length } };
}
