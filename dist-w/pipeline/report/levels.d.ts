/**
 * The config's `diagnostics` levels applied to a run's messages, just before the verdict (so a
 * cached or fast-path run, whose messages were stored as emitted, is judged like a cold run):
 * 'off' removes a rule's messages, 'info' / 'warning' / 'error' set their severity (vfile's
 * `fatal`: null / false / true). Rules: src/diagnostic-rules.ts.
 */
import type { VFile } from 'vfile';
import type { DiagnosticLevels } from '../../src/config.ts';
/**
 * Applies `levels` to the messages of `files` in place. Returns how many messages each rule
 * set to 'off' removed (rule id -> count, keys sorted; rules that removed none are left out).
 */
export declare function applyLevels(files: Iterable<VFile>, levels: DiagnosticLevels): Record<string, number>;
//# sourceMappingURL=levels.d.ts.map