import { type StepContext } from '../context.ts';
import { type FileRecord } from '../report/report.ts';
import type { Artifact, KnownContent, PartedArtifact } from './artifact.ts';
export declare class ArtifactWriter {
    private readonly outputDir;
    private readonly fail;
    private readonly records;
    /** Writes still running (awaited before a swap or an abort). */
    private readonly pending;
    private readonly limit;
    private failed;
    /** The staging folder, once opened; null again after `commit` or `abort`. */
    private staging;
    /** Files of the last published output by sha256 (`reuse`); each is linked at most once. */
    private readonly previous;
    /** Time spent encoding, hashing and waiting for writes (ms): the publish step's own time. */
    ms: number;
    /** Artifacts linked from the last published output rather than written. */
    linked: number;
    /**
     * @param outputDir the output folder (the staging folder is its sibling)
     * @param concurrency how many writes may run at once
     * @param fail where the fatal diagnostics go (`StepContext#fail`)
     */
    constructor(outputDir: string, concurrency: number, fail: StepContext['fail']);
    private open;
    /**
     * The files the last published run wrote into this output folder (its manifest's artifacts:
     * path relative to the folder, sha256, size in bytes, modification time in ms), which later
     * artifacts with the same content may be linked from. Call before `emit`.
     */
    reuse(artifacts: readonly {
        path: string;
        sha256: string;
        size: number;
        mtimeMs: number;
    }[]): void;
    /**
     * A file of the last published output with this content, still as that run left it (same size
     * and modification time), taken so that no other artifact links it: its absolute path, or
     * null. The one of the same path comes first.
     */
    private claim;
    /**
     * Hashes these artifacts and starts writing (or linking) them; a path already written (or
     * report.json) is a fatal diagnostic.
     */
    emit(list: readonly (Artifact | PartedArtifact)[]): void;
    /**
     * Publishes the artifact at `rel`, whose content is `known`, by linking a file of the last
     * published output that holds that content (see `claim`): true when it did, false when no
     * such file is left (nothing done: emit the artifact with its bytes). For producers that can
     * only fetch the bytes asynchronously (the feeds thread's cached archives).
     */
    link(rel: string, known: KnownContent): boolean;
    /**
     * Waits for every write; the first failed one becomes a fatal diagnostic. Returns the record
     * (path, sha256, size in bytes) of every artifact emitted, sorted by path.
     */
    flush(): Promise<FileRecord[]>;
    /** Writes the run's report.json and swaps the staging folder in as the output folder. */
    commit(report: string): Promise<void>;
    /**
     * Removes the staging folder unless it was committed; the output folder stays as it was.
     * Writes still in flight finish first, so that none of them recreates a folder inside the
     * removed staging folder. Never throws.
     */
    abort(): Promise<void>;
}
//# sourceMappingURL=artifact-writer.d.ts.map