/**
 * What a finished run prints, after its steps: the diagnostics (workflow annotations under
 * GitHub Actions, else lines on stderr), the summary, the report on stdout under --json, the
 * problems, and the GitHub job summary. One function for the CLI (pipeline/cli.ts) and the
 * no-change rerun (pipeline/cache/rerun.ts), so both print the same. pipeline/report/github.ts
 * (which lists the feeds and so loads their planner) is loaded only under GitHub Actions.
 */
import path from 'node:path';
import type { Config } from '../../src/config.ts';
import type { RunLogger } from './logger.ts';
import type { RunReport } from './report.ts';
import { shellFolder } from '../cli-flags.ts';

export interface Outcome {
  report: RunReport;
  published: boolean;
  /** The input folder (annotation paths), the config file (absolute, null without one: where its problems are shown), and the site and feeds (the job summary). */
  config: Pick<Config, 'site' | 'feeds'> & { inputDir: string; configFile: string | null };
}

/**
 * A file as the diagnostics show it, so that the path opens from the shell the command was typed
 * in (`from`: pipeline/cli-flags.ts `shellFolder`, npm's `INIT_CWD` under `npm run`, which moves
 * to the project folder, else the working directory): relative to it (`input/2025/01/16.md`,
 * `01/16.md` from `input/2025`, `../archive/…`), or absolute when that climbs two folders or more.
 */
export function shownPath(file: string, from: string): string {
  const rel = path.relative(from, file);
  return rel.startsWith(`..${path.sep}..`) || path.isAbsolute(rel) ? file : rel;
}

/** True when the process runs in a GitHub Actions job (`GITHUB_ACTIONS=true`). */
export function inGitHubActions(env: NodeJS.ProcessEnv): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

/**
 * Prints the outcome of a run through `logger` (its mode: tty, plain, quiet or json) and
 * `stdout`; the diagnostics' paths start from where the command was typed (`shownPath`). Under
 * GitHub Actions (`env`) the diagnostics become annotations on stdout (not under
 * --json) and the job summary is appended to `$GITHUB_STEP_SUMMARY` (a failure to write it is a
 * warning). Returns when everything is written.
 */
export async function printOutcome(
  outcome: Outcome,
  io: { env: NodeJS.ProcessEnv; cwd: string; stdout: { write(s: string): unknown } },
  logger: RunLogger,
): Promise<void> {
  const { report, config } = outcome;
  const github = inGitHubActions(io.env) ? await import('./github.ts') : null;
  if (github && logger.mode !== 'json') {
    const lines = github.annotationLines(report.diagnostics, { inputDir: config.inputDir, workspace: io.env.GITHUB_WORKSPACE, configFile: config.configFile });
    if (lines.length) io.stdout.write(`${lines.join('\n')}\n`);
  } else {
    const from = shellFolder(io.env, io.cwd);
    const configFile = config.configFile === null ? undefined : shownPath(config.configFile, from);
    logger.diagnostics(report.diagnostics, (file) => shownPath(path.join(config.inputDir, file), from), configFile);
  }
  logger.summary({
    counts: report.counts,
    warningsByRule: report.warningsByRule,
    silencedByRule: report.silencedByRule,
    artifacts: report.artifacts,
    cache: { hits: report.cache.hits, misses: report.cache.misses, fastPath: report.fastPath, discarded: report.cache.discarded.length },
    totalMs: report.durationMs,
    published: outcome.published,
    exitCode: report.exitCode,
  });
  if (logger.mode === 'json') io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else for (const problem of report.problems) logger.error(problem);
  if (github) {
    await github.appendStepSummary(io.env, github.stepSummary(report, config)).catch((error: unknown) => {
      logger.warn(`could not write the step summary: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
}
