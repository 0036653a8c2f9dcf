/**
 * The fast-path manifest, `manifest.json` in the cache folder: what the last published run read
 * and wrote (input hashes, sizes and trusted modification times, config digest, pipeline version,
 * artifact sizes and times, diagnostics, counts). pipeline/cache/fast-path.ts compares a new run
 * with it. Written through write-file-atomic, so a killed run leaves the old one or the new one.
 */
import type { Stats } from 'node:fs';
import type { ResolvedConfig } from '../context.ts';
import type { SerializedMessage } from '../report/diagnostics.ts';
import { type FileRecord } from '../report/report.ts';
import type { CacheProblem } from './cache-file.ts';
export declare const MANIFEST_FORMAT = "daily-papers-manifest@1";
export interface ManifestArtifact extends FileRecord {
    /** Modification time of the published file, to notice edits to output/. */
    mtimeMs: number;
}
/** [relative path, sha256, size, mtimeMs | null] of one input. */
export type ManifestInput = [string, string, number, number | null];
export interface Manifest {
    format: typeof MANIFEST_FORMAT;
    version: string;
    configDigest: string;
    outputDir: string;
    /**
     * Every input, in discovery order. The modification time is recorded only for files last
     * modified well before the run started (`trustedTime`), so that a file edited during a run is
     * never trusted by its time stamp.
     */
    inputs: ManifestInput[];
    /** Every published artifact except report.json. */
    artifacts: ManifestArtifact[];
    /** sha256 over the artifact list, also recorded in output/report.json. */
    outputDigest: string;
    /** Diagnostics per file, to report them again on the fast path. */
    diagnostics: Record<string, SerializedMessage[]>;
    counts: Record<string, number>;
    warningsByRule: Record<string, number>;
}
/** What reading the manifest found: the manifest (null when absent or discarded) and why one was discarded. */
export interface ManifestRead {
    manifest: Manifest | null;
    problems: CacheProblem[];
}
export declare function manifestFile(cacheDir: string): string;
/**
 * The manifest in `text` (manifest.json's content). Throws an Error saying what is wrong when it
 * is not JSON, of another format (`foreign format "…"`) or of the wrong shape (`wrong shape`).
 */
export declare function parseManifest(text: string): Manifest;
/** The manifest of `cacheDir`; a corrupt or foreign one is removed and reported in `problems`. */
export declare function readManifest(cacheDir: string): Promise<ManifestRead>;
export declare function writeManifest(cacheDir: string, manifest: Manifest): Promise<void>;
export declare function removeManifest(cacheDir: string): Promise<void>;
/**
 * A file's or folder's modification time when it can be trusted to change with its content: it
 * was last modified more than 2 s before the run started (`runStartedMs`, wall clock), so that
 * a write in the same tick of a coarse file-system clock cannot hide behind it; else null.
 */
export declare function trustedMtime(info: Stats, runStartedMs: number): number | null;
/** An input's modification time when it can be trusted (`trustedMtime`) and the file still has the recorded size, else null. */
export declare function trustedTime(info: Stats | null, size: number, runStartedMs: number): number | null;
/** What a published run records: its inputs and artifacts (report.json aside), diagnostics and counts. */
export interface PublishedRun {
    config: ResolvedConfig;
    /** The pipeline version (pipeline/cache/version.ts). */
    version: string;
    /** Wall clock at the start of the run (ms), for `trustedTime`. */
    runStartedMs: number;
    inputs: readonly FileRecord[];
    artifacts: readonly FileRecord[];
    diagnostics: Record<string, SerializedMessage[]>;
    counts: Record<string, number>;
}
/** Writes the manifest of a run that has just published, with the files' current times. */
export declare function saveManifest(run: PublishedRun): Promise<void>;
//# sourceMappingURL=manifest.d.ts.map