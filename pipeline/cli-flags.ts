/**
 * The pipeline command's flags and streams: what `npm run pipeline -- [options]` was asked for.
 * Apart from pipeline/cli.ts so that the no-change rerun (pipeline/cache/rerun.ts) reads the
 * flags exactly as the CLI does without loading the CLI.
 */
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
