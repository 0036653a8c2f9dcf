import type { ArtifactData } from './artifact.ts';
/** Files of the previous output folder carried over to the new one (a tracked README). */
export declare const PRESERVED_FILES: string[];
export declare class LockError extends Error {
    name: string;
}
export declare function lockPath(outputDir: string): string;
export interface Lock {
    path: string;
    /** A note when a stale lock was taken over. */
    note: string | null;
    release(): Promise<void>;
}
/** Takes the run lock of `outputDir`, or throws a LockError naming the process that holds it. */
export declare function acquireLock(outputDir: string): Promise<Lock>;
/**
 * Repairs what an interrupted run left beside the output folder: restores the previous output
 * when a kill fell between the two renames, and removes staging folders of dead processes.
 * Call it while holding the lock. Returns notes on what it did.
 */
export declare function recoverPublish(outputDir: string): Promise<string[]>;
export interface Staging {
    /** The staging folder. */
    dir: string;
    /**
     * Adds one file at `rel` (relative to the folder; `..`, absolute and repeated paths are
     * rejected); `data` may come in parts (written in order, never joined in memory).
     */
    write(rel: string, data: ArtifactData): Promise<void>;
    /**
     * Adds one file at `rel` (checked like `write`) with the content of the file `from` (an
     * absolute path, typically a file of the current output folder): a hard link, so that no byte
     * is copied and `from` stays as it is; a copy where the file system cannot link.
     */
    link(rel: string, from: string): Promise<void>;
    /** Swaps the staging folder in as the output folder. */
    commit(): Promise<void>;
    /** Removes the staging folder; the output folder is untouched. */
    abort(): Promise<void>;
}
/**
 * Opens a staging folder beside the output folder, holding the preserved files of the current
 * output (`PRESERVED_FILES`); files written into it are not visible until `commit`.
 */
export declare function stage(outputDir: string): Promise<Staging>;
/** Replaces one file inside the published output atomically (the fast path rewrites report.json). */
export declare function replaceFile(outputDir: string, rel: string, data: string | Uint8Array): Promise<void>;
//# sourceMappingURL=publish.d.ts.map