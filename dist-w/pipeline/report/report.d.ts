import type { VFile } from 'vfile';
import { type CacheProblem } from '../cache/cache-file.ts';
import { type ReportDiagnostic, type SerializedMessage } from './diagnostics.ts';
export declare const REPORT_PATH = "report.json";
export interface StepRecord {
    name: string;
    ms: number;
    counts: Record<string, number>;
    /** The process' peak resident memory so far (MB), at the end of the step. */
    peakRssMb?: number;
}
export interface FileRecord {
    path: string;
    sha256: string;
    size: number;
}
export interface RunReport {
    name: 'daily-papers-feeds';
    /** Package version. */
    version: string;
    /** Package version + code fingerprint: part of every cache key. */
    pipelineVersion: string;
    configDigest: string;
    startedAt: string;
    finishedAt: string;
    durationMs: number;
    ok: boolean;
    exitCode: number;
    published: boolean;
    /** Nothing changed since the last published run: output/ was reused. */
    fastPath: boolean;
    options: {
        strict: boolean;
        cache: boolean;
        allowEmpty: boolean;
    };
    counts: Record<string, number>;
    steps: StepRecord[];
    warningsByRule: Record<string, number>;
    /** Messages the config's `diagnostics` set to 'off' (left out of `diagnostics`), by rule id. */
    silencedByRule: Record<string, number>;
    diagnostics: ReportDiagnostic[];
    inputs: FileRecord[];
    artifacts: FileRecord[];
    /** sha256 over the artifact list (paths, hashes, sizes). */
    outputDigest: string;
    cache: {
        enabled: boolean;
        hits: number;
        misses: number;
        discarded: CacheProblem[];
        pruned: number;
    };
    /** Why the run failed or did not publish, in words. */
    problems: string[];
}
/** Every message of every file, as plain data keyed by file path (sorted). */
export declare function collectMessages(files: Iterable<VFile>): Record<string, SerializedMessage[]>;
export declare function reportDiagnostics(messages: Record<string, SerializedMessage[]>): ReportDiagnostic[];
/** Warnings (not fatal, not info) counted by "source:ruleId", keys sorted. */
export declare function warningsByRule(diagnostics: readonly ReportDiagnostic[]): Record<string, number>;
export declare function outputDigest(artifacts: readonly FileRecord[]): string;
export declare function serializeReport(report: RunReport): string;
/** What a report is made of; `counts` is sorted by name here, `steps` is kept by reference. */
export type ReportParts = Omit<RunReport, 'name' | 'ok' | 'published' | 'warningsByRule' | 'outputDigest'>;
/** The report of a run; `finishedAt` and `durationMs` are the caller's "now". */
export declare function buildReport(parts: ReportParts): RunReport;
/**
 * Keeps the report text as `last-report.json` twice: in the input folder's cache folder
 * (`cacheWorkDir`: the copy the no-change rerun compares with output/report.json) and in the
 * cache folder itself (`cacheDirAbs`: the last run of any input, where the README sends people).
 * After a fatal run these are the only copies. Best effort: a cache folder that cannot be written
 * is not an error of the run.
 */
export declare function keepLastReport(cache: {
    cacheWorkDir: string;
    cacheDirAbs: string;
}, text: string): Promise<void>;
//# sourceMappingURL=report.d.ts.map