import type { Config } from '../../src/config.ts';
export declare const RERUN_FORMAT = "daily-papers-rerun@2";
/** Commands remembered per config file. */
export declare const MAX_ENTRIES = 8;
/** What makes two invocations the same command (see the module comment). */
export interface RerunKey {
    cwd: string;
    /** Absolute config file, null when there is none. */
    config: string | null;
    input: string | null;
    output: string | null;
    siteUrl: {
        url: string;
        from: string;
    } | null;
    strict: boolean;
    allowEmpty: boolean;
}
/** The flags a key is made of (pipeline/cli.ts `CliFlags`). */
export interface KeyFlags {
    config?: string | undefined;
    input?: string | undefined;
    output?: string | undefined;
    siteUrl?: {
        url: string;
        from: string;
    } | undefined;
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
/** "size:mtimeMs" of a file, or null when it cannot be stat'ed. */
export declare function stamp(file: string): string | null;
/**
 * The config file a command reads: `--config` resolved against `cwd` (undefined when that file
 * does not exist: a usage error the CLI reports), else `pipeline.config.ts` in `cwd` when it
 * exists, else null.
 */
export declare function configFileOf(config: string | undefined, cwd: string): string | null | undefined;
/** The key of a command as canonical JSON (fixed key order). */
export declare function rerunKey(flags: KeyFlags, cwd: string, configFile: string | null): string;
/** Where the entries of commands with this config file (or none, in `cwd`) are kept. */
export declare function recordFile(cwd: string, configFile: string | null): string;
/**
 * sha256 (16 hex) over dist/build-stamp.json and the size and time of package.json and
 * package-lock.json under `root`; null when there is no build stamp (nothing compiled).
 */
export declare function buildStamp(root: string): string | null;
/**
 * Every folder of the input tree (symbolic links followed, each real folder once) with its
 * modification time when that is older than 2 s before `runStartedMs` (wall clock), else null. Folders
 * whose name starts with a dot are left out unless an include glob names one (fast-glob, with
 * `dot: false`, does not enter them either). Null when the input folder cannot be listed.
 */
export declare function inputFolders(inputDir: string, include: readonly string[], runStartedMs: number): [string, number | null][] | null;
/** True when every recorded folder has a trusted modification time and still has it. */
export declare function foldersUnchanged(inputDir: string, dirs: readonly [string, number | null][]): boolean;
/** The entry of the command `key` in `file`, or null. */
export declare function findEntry(file: string, key: string): RerunEntry | null;
/**
 * Why the entry no longer stands for the present state, or null when it does: the build (see
 * `buildStamp`, under `root`), the config's files, the input folders and the manifest are all
 * as recorded. The inputs themselves and output/ are checked by the caller (the manifest's
 * sizes and times, pipeline/cache/fast-path.ts).
 */
export declare function entryChange(entry: RerunEntry, root: string): string | null;
/**
 * Stores `entry` in `file` in place of the same command's, the latest first, keeping at most
 * MAX_ENTRIES (temp file and rename: a reader sees the old record or the new one).
 */
export declare function saveEntry(file: string, entry: RerunEntry): void;
//# sourceMappingURL=rerun-record.d.ts.map