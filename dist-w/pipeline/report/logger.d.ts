import type { Logger } from '../context.ts';
import type { ReportDiagnostic } from './diagnostics.ts';
export type LogMode = 'tty' | 'plain' | 'quiet' | 'json';
export interface Writable {
    write(chunk: string): unknown;
    isTTY?: boolean;
    /** Columns of a terminal (process.stdout.columns). */
    columns?: number;
}
export interface SummaryData {
    counts: Record<string, number>;
    warningsByRule: Record<string, number>;
    /** Messages the config turned off, by rule id. */
    silencedByRule: Record<string, number>;
    artifacts: {
        path: string;
        size: number;
    }[];
    cache: {
        hits: number;
        misses: number;
        fastPath: boolean;
    };
    totalMs: number;
    published: boolean;
    exitCode: number;
}
export declare function detectMode(options: {
    json?: boolean;
    quiet?: boolean;
    env?: NodeJS.ProcessEnv;
    stdout?: Writable;
}): LogMode;
/**
 * The `COLUMNS` environment variable as a line width (shells set it for the terminal; a user sets
 * it to widen piped output), or undefined when unset or not a whole number from 40 to 1000.
 */
export declare function envColumns(env: NodeJS.ProcessEnv): number | undefined;
export declare function formatBytes(size: number): string;
export declare function formatMs(ms: number): string;
/**
 * A step's counts for people: `bytes` as a size (formatBytes), camelCase names as words
 * (`vectorsSaved` → `vectors saved`), e.g. `5 files, 10.7 kB, 1 vectors saved`.
 */
export declare function formatCounts(counts: Record<string, number | string>): string;
/**
 * Warning counts keyed by report.json's `rule` ("source:ruleId") as [rule id, count] rows,
 * sorted: the bare rule id is what the config's `diagnostics` accepts, so it is what the
 * terminal and the job summary show (counts of one id from several sources are added up).
 */
export declare function ruleIdRows(byRule: Record<string, number>): [string, number][];
/** Artifacts for a table, [path, size]: at most 24 rows, deep folders summed up ("search/ (862 files)"). */
export declare function artifactRows(artifacts: SummaryData['artifacts']): string[][];
export declare class RunLogger implements Logger {
    readonly mode: LogMode;
    private readonly out;
    private readonly err;
    private readonly columns?;
    private live;
    private lastPlain;
    /**
     * `columns`: the width to wrap at when stdout is not a terminal (the `COLUMNS` variable, see
     * `envColumns`); 100 without it.
     */
    constructor(mode: LogMode, out?: Writable, err?: Writable, columns?: number | undefined);
    private clearLive;
    info(message: string): void;
    /** A problem of the run itself (not of an input): shown in every mode but --json. */
    warn(message: string): void;
    /** A problem that fails the run, as `pipeline: <reason>` (every command's error form). */
    error(message: string): void;
    progress(step: string, done: number, total?: number): void;
    stepDone(step: string, ms: number, counts: Record<string, number | string>): void;
    /** Columns per line: the terminal's (stdout's), else the constructor's `columns`, else 100. */
    get width(): number;
    /**
     * Prints the diagnostics (report.json's list) on stderr: a few per rule, the rest counted;
     * input paths as `pathOf` shows them (see TerminalOptions).
     */
    diagnostics(diagnostics: readonly ReportDiagnostic[], pathOf?: (file: string) => string): void;
    summary(data: SummaryData): void;
}
//# sourceMappingURL=logger.d.ts.map