/**
 * The config's `diagnostics` levels applied to a run's messages, just before the verdict (so a
 * cached or fast-path run, whose messages were stored as emitted, is judged like a cold run):
 * 'off' removes a rule's messages, 'info' / 'warning' / 'error' set their severity (vfile's
 * `fatal`: null / false / true). Rules: src/diagnostic-rules.ts.
 */
import type { VFile } from 'vfile';
import { byEntryKey } from '../../src/compare.ts';
import type { DiagnosticLevels } from '../../src/config.ts';

const FATAL = { info: undefined, warning: false, error: true } as const;

/**
 * Applies `levels` to the messages of `files` in place. Returns how many messages each rule
 * set to 'off' removed (rule id -> count, keys sorted; rules that removed none are left out).
 */
export function applyLevels(files: Iterable<VFile>, levels: DiagnosticLevels): Record<string, number> {
  const removed = new Map<string, number>();
  const levelOf = new Map(Object.entries(levels));
  if (levelOf.size === 0) return {};
  for (const file of files) {
    const kept = file.messages.filter((m) => {
      const level = m.ruleId ? levelOf.get(m.ruleId) : undefined;
      if (level === undefined) return true;
      if (level === 'off') {
        removed.set(m.ruleId!, (removed.get(m.ruleId!) ?? 0) + 1);
        return false;
      }
      m.fatal = FATAL[level];
      return true;
    });
    if (kept.length !== file.messages.length) file.messages = kept;
  }
  return Object.fromEntries([...removed].sort(byEntryKey));
}
