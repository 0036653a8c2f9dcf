/**
 * The messages the digest reader puts on a file: warnings and fatal messages with a 1-based
 * place and a rule id, all with source `digest` (the part of the program that found the
 * problem; reports show it as `digest:<ruleId>`). Pure and browser-safe.
 */
import type { VFile } from 'vfile';
/** The `source` of every message the digest reader makes. */
export declare const DIGEST_SOURCE = "digest";
/** A position in the file: 1-based line and column. */
export interface Place {
    line: number;
    column: number;
}
/** Attaches a warning (`fatal: false`) to `file`. */
export declare function warn(file: VFile, reason: string, place: Place, ruleId: string): void;
/** Attaches a fatal message to `file` without throwing (see src/message.ts). */
export declare function fatal(file: VFile, reason: string, place: Place, ruleId: string): void;
//# sourceMappingURL=messages.d.ts.map