/**
 * The rerun record: what a later run of the same command needs to tell, without loading the
 * config, zod or the pipeline, that nothing it depends on has changed (pipeline/cache/rerun.ts).
 * A published run writes one entry per command (`RerunKey`: working directory, config file,
 * path and site-URL overrides, --strict, --allow-empty), holding:
 * - `build`: a hash of dist/build-stamp.json (every compiled source's size and time, which
 *   pipeline/launch.mjs checks before anything runs) and of package.json's and
 *   package-lock.json's size and time: the pipeline version the entry was written under;
 * - `config`: "size:mtimeMs" of the config file and every file it imports, as esbuild read them
 *   (pipeline/config/compile.ts). Only a config whose value follows from those files alone (no
 *   environment, clock or package import: `configSources(...).static`) gets an entry;
 * - the resolved paths, the config digest, and the config's `site` and `feeds` (for the GitHub
 *   job summary);
 * - `dirs`: the modification time of every folder of the input tree, taken only when older than
 *   2 s before the run started (else null: never trusted, as for the inputs, manifest.ts
 *   `trustedTime`). Adding, removing or renaming a file changes its folder's modification time,
 *   so unchanged folders plus the manifest's per-file sizes and times stand for an unchanged
 *   discovery;
 * - `manifest`: "size:mtimeMs" of the manifest the run left, so that any later run that rewrote
 *   it (another output folder, a --no-cache run) makes the entry void.
 *
 * The record is `.cache/config/<config file stem>.runs.json` beside the config file (beside the
 * compiled config), or `.cache/config/no-config.runs.json` in the working directory when there is
 * no config file; at most `MAX_ENTRIES` commands, the latest first. Writing it is best effort.
 * This module is on the no-change path: it imports Node.js built-ins and manifest.ts (the
 * trust rule for modification times, `trustedMtime`), which that path loads anyway.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../src/config.ts';
import { trustedMtime } from './manifest.ts';

export const RERUN_FORMAT = 'daily-papers-rerun@2';

/** Commands remembered per config file. */
export const MAX_ENTRIES = 8;

/** The default config file name in the working directory (pipeline/config/load.ts reads the same). */
const DEFAULT_CONFIG_FILE = 'pipeline.config.ts';

/** What makes two invocations the same command (see the module comment). */
export interface RerunKey {
  cwd: string;
  /** Absolute config file, null when there is none. */
  config: string | null;
  input: string | null;
  output: string | null;
  siteUrl: { url: string; from: string } | null;
  strict: boolean;
  allowEmpty: boolean;
}

/** The flags a key is made of (pipeline/cli.ts `CliFlags`). */
export interface KeyFlags {
  config?: string | undefined;
  input?: string | undefined;
  output?: string | undefined;
  siteUrl?: { url: string; from: string } | undefined;
  strict: boolean;
  allowEmpty: boolean;
}

/** One command's entry (see the module comment). */
export interface RerunEntry {
  key: string;
  build: string;
  /** The pipeline version (package version + code fingerprint) the entry's run reported. */
  version: string;
  /** "size:mtimeMs" of each file the config was compiled from (absolute paths); {} without a config file. */
  config: Record<string, string>;
  inputDir: string;
  outputDir: string;
  /** The cache folder (the root copy of last-report.json). */
  cacheDirAbs: string;
  /** The input folder's own cache folder (its manifest.json and last-report.json). */
  cacheWorkDir: string;
  /** The config digest (pipeline/config/load.ts `configDigest`). */
  digest: string;
  site: Config['site'];
  feeds: Config['feeds'];
  /** [folder relative to the input folder ('' = itself, '/'-separated), mtimeMs or null]. */
  dirs: [string, number | null][];
  /** "size:mtimeMs" of manifest.json in the input folder's cache folder (`cacheWorkDir`). */
  manifest: string;
}

interface RecordFile {
  format: typeof RERUN_FORMAT;
  entries: RerunEntry[];
}

/** "size:mtimeMs" of a file, or null when it cannot be stat'ed. */
export function stamp(file: string): string | null {
  let info: Stats;
  try {
    info = statSync(file);
  } catch {
    return null;
  }
  return `${info.size}:${info.mtimeMs}`;
}

/**
 * The config file a command reads: `--config` resolved against `cwd` (undefined when that file
 * does not exist: a usage error the CLI reports), else `pipeline.config.ts` in `cwd` when it
 * exists, else null.
 */
export function configFileOf(config: string | undefined, cwd: string): string | null | undefined {
  if (config !== undefined) {
    const file = path.resolve(cwd, config);
    return existsSync(file) ? file : undefined;
  }
  const file = path.join(cwd, DEFAULT_CONFIG_FILE);
  return existsSync(file) ? file : null;
}

/** The key of a command as canonical JSON (fixed key order). */
export function rerunKey(flags: KeyFlags, cwd: string, configFile: string | null): string {
  const key: RerunKey = {
    cwd: path.resolve(cwd),
    config: configFile,
    input: flags.input ?? null,
    output: flags.output ?? null,
    siteUrl: flags.siteUrl ? { url: flags.siteUrl.url, from: flags.siteUrl.from } : null,
    strict: flags.strict,
    allowEmpty: flags.allowEmpty,
  };
  return JSON.stringify(key);
}

/** Where the entries of commands with this config file (or none, in `cwd`) are kept. */
export function recordFile(cwd: string, configFile: string | null): string {
  if (configFile === null) return path.join(path.resolve(cwd), '.cache', 'config', 'no-config.runs.json');
  const stem = path.basename(configFile).replace(/\.[cm]?[jt]s$/, '');
  return path.join(path.dirname(configFile), '.cache', 'config', `${stem}.runs.json`);
}

/**
 * sha256 (16 hex) over dist/build-stamp.json and the size and time of package.json and
 * package-lock.json under `root`; null when there is no build stamp (nothing compiled).
 */
export function buildStamp(root: string): string | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(root, 'dist', 'build-stamp.json'));
  } catch {
    return null;
  }
  const hash = createHash('sha256').update(bytes);
  for (const file of ['package.json', 'package-lock.json']) hash.update('\0').update(stamp(path.join(root, file)) ?? 'none');
  return hash.digest('hex').slice(0, 16);
}

/** True when some include glob names a dot-folder or dot-file explicitly (then dot-folders are walked too). */
function namesDotEntries(include: readonly string[]): boolean {
  return include.some((glob) => glob.split('/').some((part) => part.startsWith('.') && part !== '.' && part !== '..'));
}

/**
 * Every folder of the input tree (symbolic links followed, each real folder once) with its
 * modification time when that is older than 2 s before `runStartedMs` (wall clock), else null. Folders
 * whose name starts with a dot are left out unless an include glob names one (fast-glob, with
 * `dot: false`, does not enter them either). Null when the input folder cannot be listed.
 */
export function inputFolders(inputDir: string, include: readonly string[], runStartedMs: number): [string, number | null][] | null {
  const dots = namesDotEntries(include);
  const out: [string, number | null][] = [];
  const seen = new Set<string>();
  const walk = (rel: string): boolean => {
    const abs = rel === '' ? inputDir : path.join(inputDir, rel);
    let info: Stats;
    try {
      info = statSync(abs);
    } catch {
      return false;
    }
    const id = `${info.dev}:${info.ino}`;
    if (seen.has(id)) return true;
    seen.add(id);
    out.push([rel, trustedMtime(info, runStartedMs)]);
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      return false;
    }
    for (const entry of entries) {
      if (!dots && entry.name.startsWith('.')) continue;
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory() || (entry.isSymbolicLink() && isFolder(path.join(abs, entry.name)))) {
        if (!walk(child)) return false;
      }
    }
    return true;
  };
  return walk('') ? out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) : null;
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** True when every recorded folder has a trusted modification time and still has it. */
export function foldersUnchanged(inputDir: string, dirs: readonly [string, number | null][]): boolean {
  for (const [rel, mtimeMs] of dirs) {
    if (mtimeMs === null) return false;
    try {
      if (statSync(rel === '' ? inputDir : path.join(inputDir, rel)).mtimeMs !== mtimeMs) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** Every file still has the "size:mtimeMs" recorded for it. */
function stampsUnchanged(stamps: Record<string, string>): boolean {
  for (const [file, recorded] of Object.entries(stamps)) if (stamp(file) !== recorded) return false;
  return true;
}

/** The entries of a record file; [] when it is absent, unreadable or of another format. */
function readEntries(file: string): RerunEntry[] {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as RecordFile;
    return record?.format === RERUN_FORMAT && Array.isArray(record.entries) ? record.entries : [];
  } catch {
    return [];
  }
}

/** The entry of the command `key` in `file`, or null. */
export function findEntry(file: string, key: string): RerunEntry | null {
  return readEntries(file).find((e) => e.key === key) ?? null;
}

/**
 * Why the entry no longer stands for the present state, or null when it does: the build (see
 * `buildStamp`, under `root`), the config's files, the input folders and the manifest are all
 * as recorded. The inputs themselves and output/ are checked by the caller (the manifest's
 * sizes and times, pipeline/cache/fast-path.ts).
 */
export function entryChange(entry: RerunEntry, root: string): string | null {
  if (buildStamp(root) !== entry.build) return 'the build';
  if (!stampsUnchanged(entry.config)) return 'the config';
  if (stamp(path.join(entry.cacheWorkDir, 'manifest.json')) !== entry.manifest) return 'the manifest';
  if (!foldersUnchanged(entry.inputDir, entry.dirs)) return 'the input folders';
  return null;
}

/**
 * Stores `entry` in `file` in place of the same command's, the latest first, keeping at most
 * MAX_ENTRIES (temp file and rename: a reader sees the old record or the new one).
 */
export function saveEntry(file: string, entry: RerunEntry): void {
  const entries = [entry, ...readEntries(file).filter((e) => e.key !== entry.key)].slice(0, MAX_ENTRIES);
  const record: RecordFile = { format: RERUN_FORMAT, entries };
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(record)}\n`);
  renameSync(temp, file);
}

