/**
 * VFile messages as plain data: worker threads send them back, the cache stores them and the
 * report lists them, so a cached run reports exactly the diagnostics of a cold run.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
export type Severity = 'fatal' | 'warning' | 'info';
interface Point {
    line: number;
    column: number;
    offset?: number | undefined;
}
export interface SerializedMessage {
    reason: string;
    ruleId: string | null;
    source: string | null;
    /** true = fatal, false = warning, null = info (vfile's `fatal` tri-state). */
    fatal: boolean | null;
    place: Point | {
        start: Point;
        end: Point;
    } | null;
    url?: string;
    note?: string;
    actual?: string;
    expected?: string[];
}
/** One diagnostic in output/report.json. */
export interface ReportDiagnostic {
    file: string;
    line: number;
    column: number;
    endLine: number | null;
    endColumn: number | null;
    /** "source:ruleId", e.g. "pipeline:parse:unreadable-file". */
    rule: string;
    ruleId: string;
    source: string | null;
    severity: Severity;
    reason: string;
}
export declare function serializeMessage(m: VFileMessage): SerializedMessage;
export declare function serializeMessages(file: VFile): SerializedMessage[];
/** Attaches serialized messages to `file`, as if the step had reported them there. */
export declare function restoreMessages(file: VFile, messages: readonly SerializedMessage[]): void;
export declare function severityOf(m: {
    fatal?: boolean | null | undefined;
}): Severity;
export declare function toReportDiagnostic(file: string, s: SerializedMessage): ReportDiagnostic;
export declare function compareDiagnostics(a: ReportDiagnostic, b: ReportDiagnostic): number;
export {};
//# sourceMappingURL=diagnostics.d.ts.map