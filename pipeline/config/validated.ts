/**
 * The validated-config memo: `.cache/config/<config name>.valid.json` beside the compiled config
 * (pipeline/config/compile.ts), holding the last config the schema accepted with its key: sha256
 * of the schema's code (src/config-schema.ts, its imports and the lock file that pins zod:
 * `moduleFingerprint`) and of the config's canonical JSON. A run whose config has that key takes
 * the memo's config instead of loading zod and the schema and parsing (about 45 ms of a run's
 * start, on this project's machine: the schema's module 32 ms, the parse 13 ms).
 *
 * Only a config of plain JSON data (objects, arrays, strings, finite numbers, booleans; undefined
 * as an absent key, as zod reads it) gets a key, so that its canonical JSON names it exactly: a
 * Date, a function or a NaN always goes through the schema. Best effort: a memo that cannot be
 * read or written means validating, and a config the schema rejects is never written.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Config } from '../../src/config.ts';
import { writeCacheBytes } from '../cache/cache-file.ts';
import { moduleFingerprint } from '../cache/version.ts';
import { compiledConfigPath } from './compile.ts';

/** Bumped when the memo's form changes. */
const FORMAT = 1;

/** JSON with object keys sorted at every level and undefined-valued keys left out, so equal configs give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value as Record<string, unknown>)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** True when `value` is plain JSON data: what `canonicalJson` writes exactly (see the module comment). */
function isPlainData(value: unknown, depth = 0): boolean {
  if (depth > 32) return false;
  if (typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => v !== undefined && isPlainData(v, depth + 1));
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(value).every((v) => v === undefined || isPlainData(v, depth + 1));
}

/** The memo key of a raw config (a config file's default export), or null when it is not plain JSON data. */
export function validationKey(raw: unknown): string | null {
  if (!isPlainData(raw)) return null;
  return createHash('sha256').update(`${FORMAT}\0${moduleFingerprint('src/config-schema.ts')}\0${canonicalJson(raw)}`).digest('hex');
}

/** The memo file of a config file (absolute path): `.cache/config/<name>.valid.json` beside it. */
export function validatedPath(configFile: string): string {
  return compiledConfigPath(configFile).replace(/\.mjs$/, '.valid.json');
}

/** The config the memo of `configFile` holds for `key`, or null (none, another key, unreadable). */
export async function readValidated(configFile: string, key: string): Promise<Config | null> {
  try {
    const memo = JSON.parse(await readFile(validatedPath(configFile), 'utf8')) as { key?: unknown; config?: unknown };
    return memo.key === key && memo.config !== null && typeof memo.config === 'object' ? (memo.config as Config) : null;
  } catch {
    return null;
  }
}

/** Saves `config` (what the schema made of the config with `key`) as the memo of `configFile`; never rejects. */
export async function saveValidated(configFile: string, key: string, config: Config): Promise<void> {
  // Best effort: a memo that cannot be written means the next run validates again.
  await writeCacheBytes(validatedPath(configFile), Buffer.from(`${JSON.stringify({ key, config })}\n`)).catch(() => undefined);
}
