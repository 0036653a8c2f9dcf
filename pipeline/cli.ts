#!/usr/bin/env node
/**
 * `npm run pipeline -- [options]`: parses the flags (`parseFlags`, apart from the process'
 * startup at the bottom), loads the config, runs the pipeline, prints progress, diagnostics
 * (workflow annotations and a job summary under GitHub Actions) and a summary, and sets the exit
 * code:
 *   0  success, with or without warnings
 *   1  a fatal diagnostic, any warning under --strict, no papers without --allow-empty, or
 *      another run holding the lock; nothing is published and output/ is left as it was
 *   2  usage or config error (printed without a stack trace)
 * Errors are printed as `pipeline: <reason>`, the form every command of the project uses
 * (`search: …`, `preview: …`, `synth: …`).
 */
import { realpathSync } from 'node:fs';
import { readFlags } from './commands/flags.ts';
import { fileURLToPath } from 'node:url';
import { packageVersion } from './cache/version.ts';

export const USAGE = `Usage: npm run pipeline -- [options]

Turns the markdown digests of the input folder into papers.json, authors.json, a search index,
feeds and a search page, published atomically to the output folder.

Options:
  --config FILE     config file (default: pipeline.config.ts, optional)
  --input DIR       input folder (overrides the config's "input")
  --output DIR      output folder (overrides the config's "output")
  --site-url URL    where the output is served from (overrides "site.url" and PIPELINE_SITE_URL)
  --strict          treat warnings as fatal (exit 1, nothing published)
  --quiet           print only diagnostics and errors
  --json            print only the run report (JSON) on stdout
  --no-cache        ignore the incremental cache (a cold run; the cache is not written)
  --allow-empty     publish even when no paper was found
  --help            show this help
  --version         show the version

Environment: PIPELINE_SITE_URL (as --site-url); under GITHUB_ACTIONS=true diagnostics become
workflow annotations and a summary is appended to $GITHUB_STEP_SUMMARY.

Exit codes: 0 success (warnings allowed), 1 fatal diagnostics / warnings under --strict /
no papers / another run active (output/ unchanged), 2 usage or config error.
`;

export interface CliIO {
  argv: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(s: string): unknown; isTTY?: boolean };
}

/** What the flags (and the environment variables standing for flags) ask for. */
export interface CliFlags {
  config?: string | undefined;
  input?: string | undefined;
  output?: string | undefined;
  /** The site URL and where it came from (`--site-url` or `PIPELINE_SITE_URL`). */
  siteUrl?: { url: string; from: string } | undefined;
  strict: boolean;
  quiet: boolean;
  json: boolean;
  noCache: boolean;
  allowEmpty: boolean;
  help: boolean;
  version: boolean;
}

/**
 * Parses `argv` (and PIPELINE_SITE_URL from `env`; the flag wins, an empty variable counts as
 * unset). Returns the flags, or the one-line reason of a usage error (exit 2).
 */
export function parseFlags(argv: string[], env: NodeJS.ProcessEnv): { flags: CliFlags } | { error: string } {
  const read = readFlags(argv, {
    config: { type: 'string' },
    input: { type: 'string' },
    output: { type: 'string' },
    'site-url': { type: 'string' },
    strict: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    'no-cache': { type: 'boolean', default: false },
    'allow-empty': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
    version: { type: 'boolean', short: 'v', default: false },
  });
  if ('error' in read) return { error: read.error };
  const { values } = read;
  for (const key of ['config', 'input', 'output', 'site-url'] as const) {
    if (values[key] === '') return { error: `--${key} needs a value` };
  }
  const fromEnv = env.PIPELINE_SITE_URL ? { url: env.PIPELINE_SITE_URL, from: 'PIPELINE_SITE_URL' } : undefined;
  const siteUrl = values['site-url'] !== undefined ? { url: values['site-url'], from: '--site-url' } : fromEnv;
  return {
    flags: {
      config: values.config,
      input: values.input,
      output: values.output,
      siteUrl,
      strict: values.strict,
      quiet: values.quiet,
      json: values.json,
      noCache: values['no-cache'],
      allowEmpty: values['allow-empty'],
      help: values.help,
      version: values.version,
    },
  };
}

export async function main(io: CliIO): Promise<number> {
  const parsed = parseFlags(io.argv, io.env);
  if ('error' in parsed) {
    io.stderr.write(`pipeline: ${parsed.error} (see --help)\n`);
    return 2;
  }
  const { flags } = parsed;
  if (flags.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (flags.version) {
    io.stdout.write(`${packageVersion()}\n`);
    return 0;
  }

  // Loaded only now, so that --help and --version answer without loading the pipeline.
  const [{ ConfigError, loadConfig }, { annotationLines, appendStepSummary, inGitHubActions, stepSummary }, { detectMode, RunLogger }, { LockError }, { runPipeline }] =
    await Promise.all([
      import('./config/load.ts'),
      import('./report/github.ts'),
      import('./report/logger.ts'),
      import('./publish/publish.ts'),
      import('./run.ts'),
    ]);
  const mode = detectMode({ json: flags.json, quiet: flags.quiet, env: io.env, stdout: io.stdout });
  const logger = new RunLogger(mode, io.stdout, io.stderr);
  const github = inGitHubActions(io.env);

  let config;
  try {
    config = await loadConfig({ config: flags.config, input: flags.input, output: flags.output, siteUrl: flags.siteUrl, cwd: io.cwd });
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`pipeline: ${error.message}\n`);
      return 2;
    }
    throw error;
  }

  try {
    const result = await runPipeline({
      config,
      strict: flags.strict,
      noCache: flags.noCache,
      allowEmpty: flags.allowEmpty,
      logger,
    });
    const { report } = result;
    // In GitHub Actions the diagnostics are annotations (stdout carries workflow commands), else lines on stderr.
    if (github && mode !== 'json') {
      const lines = annotationLines(report.diagnostics, { inputDir: config.inputDir, workspace: io.env.GITHUB_WORKSPACE });
      if (lines.length) io.stdout.write(`${lines.join('\n')}\n`);
    } else logger.diagnostics(report.diagnostics);
    logger.summary({
      counts: report.counts,
      warningsByRule: report.warningsByRule,
      silencedByRule: report.silencedByRule,
      artifacts: report.artifacts,
      cache: { hits: report.cache.hits, misses: report.cache.misses, fastPath: report.fastPath },
      totalMs: report.durationMs,
      published: result.published,
      exitCode: result.exitCode,
    });
    if (mode === 'json') io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else for (const problem of report.problems) logger.error(problem);
    if (github) {
      await appendStepSummary(io.env, stepSummary(report, config)).catch((error: unknown) => {
        logger.warn(`could not write the step summary: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
    return result.exitCode;
  } catch (error) {
    if (error instanceof LockError) {
      io.stderr.write(`pipeline: ${error.message}\n`);
      return 1;
    }
    io.stderr.write(`pipeline: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

/**
 * Runs `main` on this process's arguments and streams and sets `process.exitCode` (the entry of
 * `npx daily-papers-feeds`, `node dist/pipeline/cli.js` and pipeline/launch.mjs).
 */
export function start(): void {
  main({ argv: process.argv.slice(2), env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`pipeline: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

/** True when this module is the process's entry script, also through a symlink (npm's bin links). */
function isEntry(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isEntry()) start();
