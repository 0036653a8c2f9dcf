#!/usr/bin/env node
/**
 * `npm run pipeline -- [options]`: loads the config, runs the pipeline, prints progress,
 * diagnostics and a summary, and sets the exit code:
 *   0  success, with or without warnings
 *   1  a fatal diagnostic, any warning under --strict, no papers without --allow-empty, or
 *      another run holding the lock; nothing is published and output/ is left as it was
 *   2  usage or config error (printed without a stack trace)
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { packageVersion } from './cache/version.ts';

export const USAGE = `Usage: npm run pipeline -- [options]

Turns the markdown digests of the input folder into papers.json, authors.json, a search index,
feeds and a search page, published atomically to the output folder.

Options:
  --config FILE   config file (default: pipeline.config.ts, optional)
  --input DIR     input folder (overrides the config's "input")
  --output DIR    output folder (overrides the config's "output")
  --strict        treat warnings as fatal (exit 1, nothing published)
  --quiet         print only diagnostics and errors
  --json          print only the run report (JSON) on stdout
  --no-cache      ignore the incremental cache (a cold run; the cache is not written)
  --allow-empty   publish even when no paper was found
  --help          show this help
  --version       show the version

Exit codes: 0 success (warnings allowed), 1 fatal diagnostics / warnings under --strict /
no papers / another run active (output/ unchanged), 2 usage or config error.
`;

export interface CliIO {
  argv: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
}

export async function main(io: CliIO): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: io.argv,
      options: {
        config: { type: 'string' },
        input: { type: 'string' },
        output: { type: 'string' },
        strict: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'no-cache': { type: 'boolean', default: false },
        'allow-empty': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    io.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (values.version) {
    io.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  for (const key of ['config', 'input', 'output'] as const) {
    if (values[key] === '') {
      io.stderr.write(`error: --${key} needs a value\n`);
      return 2;
    }
  }

  // Loaded only now, so that --help and --version answer without loading the pipeline.
  const [{ ConfigError, loadConfig }, { detectMode, RunLogger }, { LockError }, { runPipeline }] = await Promise.all([
    import('./config/load.ts'),
    import('./report/logger.ts'),
    import('./publish/publish.ts'),
    import('./run.ts'),
  ]);
  const mode = detectMode({ json: values.json, quiet: values.quiet, env: io.env, stdout: io.stdout });
  const logger = new RunLogger(mode, io.stdout, io.stderr);

  let config;
  try {
    config = await loadConfig({ config: values.config, input: values.input, output: values.output, cwd: io.cwd });
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`error: ${error.message}\n`);
      return 2;
    }
    throw error;
  }

  try {
    const result = await runPipeline({
      config,
      strict: values.strict,
      noCache: values['no-cache'],
      allowEmpty: values['allow-empty'],
      logger,
    });
    const { report } = result;
    logger.diagnostics(result.files);
    logger.summary({
      counts: report.counts,
      warningsByRule: report.warningsByRule,
      artifacts: report.artifacts,
      cache: { hits: report.cache.hits, misses: report.cache.misses, fastPath: report.fastPath },
      totalMs: report.durationMs,
      published: result.published,
      exitCode: result.exitCode,
    });
    if (mode === 'json') io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else for (const problem of report.problems) logger.error(problem);
    return result.exitCode;
  } catch (error) {
    if (error instanceof LockError) {
      io.stderr.write(`error: ${error.message}\n`);
      return 1;
    }
    io.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
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
      process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
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
