#!/usr/bin/env node
/**
 * `npm run pipeline -- [options]`: parses the flags (pipeline/cli-flags.ts), loads the config,
 * runs the pipeline, prints progress, diagnostics (workflow annotations and a job summary under
 * GitHub Actions) and a summary (pipeline/report/outcome.ts), records the run for the next
 * no-change rerun (pipeline/cache/rerun.ts), and sets the exit code:
 *   0  success, with or without warnings
 *   1  a fatal diagnostic, any warning under --strict, no papers without --allow-empty, or
 *      another run holding the lock; nothing is published and output/ is left as it was
 *   2  usage or config error (printed without a stack trace)
 * Errors are printed as `pipeline: <reason>`, the form every command of the project uses
 * (`search: …`, `preview: …`, `synth: …`).
 */
import { realpathSync } from 'node:fs';
import { parseFlags, type CliIO } from './cli-flags.ts';
import { fileURLToPath } from 'node:url';
import { packageVersion } from './cache/version.ts';

export { parseFlags, type CliFlags, type CliIO } from './cli-flags.ts';

export const USAGE = `Usage: npm run pipeline -- [options]     (in this project)
       npx daily-papers-feeds [options]  (with the package installed)

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

export async function main(io: CliIO): Promise<number> {
  const parsed = parseFlags(io.argv, io.env, io.cwd);
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
  const [{ ConfigError, loadConfig }, { printOutcome }, { detectMode, envColumns, RunLogger }, { LockError, removeInBackground }, { runPipeline }] = await Promise.all([
    import('./config/load.ts'),
    import('./report/outcome.ts'),
    import('./report/logger.ts'),
    import('./publish/publish.ts'),
    import('./run.ts'),
  ]);
  const mode = detectMode({ json: flags.json, quiet: flags.quiet, env: io.env, stdout: io.stdout });
  const logger = new RunLogger(mode, io.stdout, io.stderr, envColumns(io.env));

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
      leaveOldOutput: true,
    });
    // What the next run of this command needs to see that nothing changed (pipeline/cache/rerun.ts).
    if (result.published && !flags.noCache) {
      const { recordRerun } = await import('./cache/rerun.ts');
      await recordRerun({ flags, cwd: io.cwd, config, report: result.report }).catch(() => undefined);
    }
    await printOutcome({ report: result.report, published: result.published, config }, io, logger);
    // Last, so that removing the previous output takes nothing from the run: a detached process.
    if (result.leftover) removeInBackground(result.leftover);
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
