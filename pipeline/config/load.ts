/**
 * Loads `pipeline.config.ts` (compiled by esbuild when it is TypeScript: pipeline/config/compile.ts),
 * validates it with the zod `configSchema` (src/config-schema.ts, loaded only when the config is
 * not the one validated last: pipeline/config/validated.ts), applies the CLI overrides and
 * resolves every path. Any problem is a `ConfigError` (the CLI prints its message, without a
 * stack, and exits 2).
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { Config } from '../../src/config.ts';
import { isConfigurable, RULE_IDS } from '../../src/diagnostic-rules.ts';
import type { ResolvedConfig } from '../context.ts';
import { ConfigCompileError, configModuleUrl } from './compile.ts';
import { canonicalJson, readValidated, saveValidated, validationKey } from './validated.ts';

export const DEFAULT_CONFIG_FILE = 'pipeline.config.ts';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface ConfigOverrides {
  /** Config file; relative to cwd. Default: `pipeline.config.ts` in cwd (optional there). */
  config?: string | undefined;
  /** Input folder, relative to cwd (overrides the config's `input`). */
  input?: string | undefined;
  /** Output folder, relative to cwd (overrides the config's `output`). */
  output?: string | undefined;
  /** The site URL (overrides the config's `site.url`) and where it came from, for errors: `--site-url`. */
  siteUrl?: { url: string; from: string } | undefined;
  cwd?: string | undefined;
}

/** The config keys that change what the pipeline writes (paths and tuning knobs do not). */
function outputRelevant(config: Config): unknown {
  const { input: _i, output: _o, cacheDir: _c, concurrency: _n, ...rest } = config;
  return rest;
}

export function configDigest(config: Config): string {
  return createHash('sha256').update(canonicalJson(outputRelevant(config))).digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Error messages that name the key and what was expected

type Schema = z.ZodType;

function unwrap(schema: unknown): unknown {
  let s = schema as { _zod?: { def?: { type?: string; innerType?: unknown; element?: unknown; shape?: unknown } } };
  for (let i = 0; i < 10; i++) {
    const def = s?._zod?.def;
    if (def && def.innerType && ['prefault', 'default', 'optional', 'nullable'].includes(def.type ?? '')) {
      s = def.innerType as typeof s;
    } else break;
  }
  return s;
}

/** The keys an object schema at `keyPath` of `schema` accepts (array indexes step into the element). */
function knownKeys(schema: Schema, keyPath: readonly PropertyKey[]): string[] {
  let s = unwrap(schema) as { _zod?: { def?: { shape?: Record<string, unknown>; element?: unknown } } };
  for (const key of keyPath) {
    const def = s?._zod?.def;
    if (typeof key === 'number') s = unwrap(def?.element) as typeof s;
    else s = unwrap(def?.shape?.[String(key)]) as typeof s;
  }
  return Object.keys(s?._zod?.def?.shape ?? {});
}

function keyName(keyPath: readonly PropertyKey[]): string {
  let out = '';
  for (const key of keyPath) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || '(top level)';
}

function valueAt(root: unknown, keyPath: readonly PropertyKey[]): unknown {
  let v = root;
  for (const key of keyPath) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

const EXPECTED: Record<string, string> = {
  'site.url': 'an absolute http:// or https:// URL, e.g. "https://user.github.io/repo/"',
  'feeds.time': 'a local time "HH:MM" (00:00 to 23:59)',
  'feeds.timezone': 'an IANA time zone this Node.js knows, e.g. "Asia/Seoul" or "UTC"',
};

/** Levenshtein distance of two strings (code units): insertions, deletions and substitutions each cost 1. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The rule id of `allowed` that an unknown `diagnostics` key most likely means, or null: the
 * part after the last `:` when it is one (a key copied with its source, as report.json's
 * `rule` field writes it: `pipeline:authors:author-duplicate`), else the one id it begins
 * (`author-dup`), else the id closest in edit distance, when at most a third of its letters
 * (and at least 2) differ.
 */
export function closestRuleId(unknown: string, allowed: readonly string[]): string | null {
  const tail = unknown.slice(unknown.lastIndexOf(':') + 1).toLowerCase();
  if (allowed.includes(tail)) return tail;
  const extended = allowed.filter((id) => tail.length >= 3 && id.startsWith(tail));
  if (extended.length === 1) return extended[0]!;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const id of allowed) {
    const d = editDistance(tail, id);
    if (d < bestDistance) [best, bestDistance] = [id, d];
  }
  return bestDistance <= Math.max(2, Math.floor(tail.length / 3)) ? best : null;
}

/**
 * What a `too_small` or `too_big` issue expected, in words: `a number greater than 0`, `a number
 * of at most 256`, `a non-empty string`, `a list of at least 1 item`.
 */
function bound(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  if (issue.origin === 'string' && small && limit === 1 && inclusive) return 'a non-empty string';
  const than = small ? (inclusive ? 'of at least' : 'greater than') : inclusive ? 'of at most' : 'less than';
  if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return `a number ${than} ${limit}`;
  const unit = issue.origin === 'string' ? 'character' : 'item';
  const what = issue.origin === 'string' ? 'a string' : 'a list';
  return `${what} ${than} ${limit} ${unit}${limit === 1 ? '' : 's'}`;
}

/** One line per issue zod found in `raw` (validated with `schema`), naming the key, what was expected and what it got. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], raw: unknown, schema: Schema): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    const key = keyName(issue.path);
    if (issue.code === 'unrecognized_keys' && key === 'diagnostics') {
      const allowed = RULE_IDS.filter(isConfigurable);
      for (const unknown of issue.keys) {
        const guess = closestRuleId(unknown, allowed);
        lines.push(
          `unknown rule id "${unknown}" in "diagnostics": ${guess ? `did you mean "${guess}"? ` : ''}expected one of ${allowed.map((k) => `"${k}"`).join(', ')}`,
        );
      }
      continue;
    }
    if (issue.code === 'unrecognized_keys') {
      const allowed = knownKeys(schema, issue.path);
      for (const unknown of issue.keys) {
        lines.push(
          `unknown key "${keyName([...issue.path, unknown])}": expected one of ${allowed.map((k) => `"${k}"`).join(', ')}`,
        );
      }
      continue;
    }
    const got = show(valueAt(raw, issue.path));
    const generic = key.replace(/\[\d+\]/g, '[]').replace(/^feeds\.extra\[\]/, 'feeds.extra[]');
    let expected: string;
    if (EXPECTED[generic]) expected = EXPECTED[generic];
    else if (issue.code === 'invalid_type') expected = issue.expected === 'array' ? 'an array' : issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`;
    else if (issue.code === 'too_small' || issue.code === 'too_big') expected = bound(issue);
    else if (issue.code === 'invalid_format' && issue.format === 'regex') expected = `${issue.message}`;
    else if (issue.code === 'custom') expected = issue.message;
    else if (issue.code === 'invalid_value') expected = `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    else expected = issue.message.replace(/^(Invalid input|Too small|Too big): /, '');
    lines.push(`"${key}": expected ${expected.replace(/^expected /, '')}, got ${got}`);
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------

async function importConfig(file: string): Promise<unknown> {
  let mod: { default?: unknown };
  try {
    mod = (await import(await configModuleUrl(file))) as { default?: unknown };
  } catch (error) {
    if (error instanceof ConfigCompileError) throw new ConfigError(`${file}: cannot load the config file: it does not compile:\n${error.message}`);
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigError(`${file}: cannot load the config file: ${reason}`);
  }
  if (mod.default === undefined) {
    throw new ConfigError(`${file}: expected a default export, e.g. \`export default defineConfig({ ... })\``);
  }
  return mod.default;
}

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

/**
 * True when `url` is a placeholder, not a real site: a host of example.com, .org or .net (the
 * names RFC 2606 reserves for examples) or example.github.io (the default of `site.url`).
 */
export function isPlaceholderSiteUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  return /(^|\.)example\.(com|org|net|github\.io)$/i.test(new URL(url).hostname);
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/** True when `inner` is `outer` or inside it. */
function isWithin(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** A config file read and validated, with the overrides that change its values applied. */
interface ReadConfig {
  config: Config;
  configFile: string | null;
  /** Absolute working directory. */
  cwd: string;
  /** The folder the config's relative paths resolve against (the config file's, else cwd). */
  base: string;
}

/** Finds, loads and validates the config (no path is checked); a `ConfigError` on any problem. */
async function readConfig(overrides: ConfigOverrides): Promise<ReadConfig> {
  const cwd = path.resolve(overrides.cwd ?? process.cwd());
  let configFile: string | null = null;
  let raw: unknown = {};
  if (overrides.config !== undefined) {
    configFile = path.resolve(cwd, overrides.config);
    if (!(await exists(configFile))) throw new ConfigError(`--config: file "${overrides.config}" not found`);
  } else if (await exists(path.join(cwd, DEFAULT_CONFIG_FILE))) {
    configFile = path.join(cwd, DEFAULT_CONFIG_FILE);
  }
  if (configFile) raw = await importConfig(configFile);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(`${configFile}: expected the default export to be an object, got ${show(raw)}`);
  }

  const config = await validate(raw, configFile, cwd);
  if (overrides.siteUrl !== undefined) {
    const { url, from } = overrides.siteUrl;
    if (!isHttpUrl(url)) throw new ConfigError(`${from}: expected ${EXPECTED['site.url']}, got ${show(url)}`);
    config.site = { ...config.site, url };
  }
  // A site URL is a folder: feeds and the page resolve links against it.
  if (!config.site.url.endsWith('/')) config.site = { ...config.site, url: `${config.site.url}/` };
  return { config, configFile, cwd, base: configFile ? path.dirname(configFile) : cwd };
}

/**
 * `raw` validated with the config schema (defaults applied), or the config the memo of
 * `configFile` holds for it (pipeline/config/validated.ts); ConfigError listing every issue.
 */
async function validate(raw: unknown, configFile: string | null, cwd: string): Promise<Config> {
  const key = configFile ? validationKey(raw) : null;
  const known = key ? await readValidated(configFile!, key) : null;
  if (known) return known;
  const { configSchema } = await import('../../src/config-schema.ts');
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const where = configFile ? path.relative(cwd, configFile) || configFile : 'config';
    const lines = formatIssues(parsed.error.issues, raw, configSchema);
    throw new ConfigError(`${where}: invalid config\n${lines.map((l) => `  - ${l}`).join('\n')}`);
  }
  if (key) await saveValidated(configFile!, key, parsed.data);
  return parsed.data;
}

/**
 * The absolute output folder the config names (`--output` wins), without checking the input:
 * for commands that read what the pipeline published (`npm run preview`). ConfigError as `loadConfig`.
 */
export async function configuredOutputDir(overrides: Pick<ConfigOverrides, 'config' | 'output' | 'cwd'>): Promise<string> {
  const { config, cwd, base } = await readConfig(overrides);
  return overrides.output !== undefined ? path.resolve(cwd, overrides.output) : path.resolve(base, config.output);
}

/**
 * The folder an input folder's caches live in, inside the cache folder: the input folder's name
 * (lower case, other characters than a-z, 0-9, `.`, `_`, `-` as `-`, at most 32) and the first 8
 * hex digits of sha256 of its absolute path, e.g. `input-3f2a91c0`, `paper_logs-0b7d1e44`. Runs
 * over different inputs so keep their caches apart; the same folder always gets the same name.
 */
export function cacheWorkspace(inputDir: string): string {
  const name = path.basename(inputDir).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').slice(0, 32).replace(/^[.-]+|[.-]+$/g, '') || 'input';
  return `${name}-${createHash('sha256').update(inputDir).digest('hex').slice(0, 8)}`;
}

/**
 * The resolved config of a run: the config file (or the defaults) validated, the overrides
 * applied, every path absolute and checked (the input folder readable, the output folder apart
 * from input, cache, config and working directory), and the config digest. ConfigError otherwise.
 */
export async function loadConfig(overrides: ConfigOverrides = {}): Promise<ResolvedConfig & { configFile: string | null }> {
  const { config, configFile, cwd, base } = await readConfig(overrides);
  const inputDir = overrides.input !== undefined ? path.resolve(cwd, overrides.input) : path.resolve(base, config.input);
  const outputDir =
    overrides.output !== undefined ? path.resolve(cwd, overrides.output) : path.resolve(base, config.output);
  const cacheDirAbs = path.resolve(base, config.cacheDir);
  const inputKey = overrides.input !== undefined ? '--input' : '"input"';
  const outputKey = overrides.output !== undefined ? '--output' : '"output"';

  try {
    const info = await stat(inputDir);
    if (!info.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    await access(inputDir, constants.R_OK | constants.X_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    const why = code === 'ENOENT' ? 'does not exist' : code === 'ENOTDIR' ? 'is not a folder' : `cannot be read (${code})`;
    throw new ConfigError(`${inputKey}: expected a readable folder of digests, but "${inputDir}" ${why}`);
  }
  // The publish step replaces the output folder as a whole: never let it swallow the project.
  for (const [what, dir] of [
    ['the input folder', inputDir],
    ['the cache folder', cacheDirAbs],
    ['the working directory', cwd],
    ...(configFile ? [['the config file', configFile]] : []),
  ] as const) {
    if (isWithin(outputDir, dir)) {
      throw new ConfigError(
        `${outputKey}: expected a folder of its own (it is replaced on every run), but "${outputDir}" contains ${what}`,
      );
    }
  }
  if (isWithin(inputDir, outputDir)) {
    throw new ConfigError(`${outputKey}: expected a folder outside the input folder "${inputDir}"`);
  }

  const cacheWorkDir = path.join(cacheDirAbs, cacheWorkspace(inputDir));
  return { ...config, inputDir, outputDir, cacheDirAbs, cacheWorkDir, digest: configDigest(config), configFile };
}
