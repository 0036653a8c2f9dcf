/**
 * The pipeline command's flags and streams: what `npm run pipeline -- [options]` was asked for.
 * Apart from pipeline/cli.ts so that the no-change rerun (pipeline/cache/rerun.ts) reads the
 * flags exactly as the CLI does without loading the CLI.
 */
import path from 'node:path';
import { readFlags } from './commands/flags.ts';

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
 * The folder the user typed the command in: `cwd`, except under `npm run` from a subfolder of
 * the project. npm starts a package's scripts in the package's folder (`npm_package_json` names
 * its package.json) and names the folder the command was typed in `INIT_CWD` (npm's docs,
 * "scripts").
 */
export function shellFolder(env: NodeJS.ProcessEnv, cwd: string): string {
  const { INIT_CWD: init, npm_package_json: pkg } = env;
  return init && pkg && path.dirname(path.resolve(pkg)) === path.resolve(cwd) ? path.resolve(init) : cwd;
}

/**
 * Parses `argv` (and PIPELINE_SITE_URL from `env`; the flag wins, an empty variable counts as
 * unset). Returns the flags, or the one-line reason of a usage error (exit 2). A relative
 * `--config`, `--input` or `--output` is relative to the folder the command was typed in
 * (`shellFolder`): under `npm run` from a subfolder it is made absolute, since the process runs
 * in the project's folder; else it is kept as typed (relative to `cwd`).
 */
export function parseFlags(argv: string[], env: NodeJS.ProcessEnv, cwd: string = process.cwd()): { flags: CliFlags } | { error: string } {
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
  const from = shellFolder(env, cwd);
  const place = (p: string | undefined): string | undefined => (p === undefined || from === cwd || path.isAbsolute(p) ? p : path.resolve(from, p));
  const fromEnv = env.PIPELINE_SITE_URL ? { url: env.PIPELINE_SITE_URL, from: 'PIPELINE_SITE_URL' } : undefined;
  const siteUrl = values['site-url'] !== undefined ? { url: values['site-url'], from: '--site-url' } : fromEnv;
  return {
    flags: {
      config: place(values.config),
      input: place(values.input),
      output: place(values.output),
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
