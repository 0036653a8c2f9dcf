/**
 * The rule catalogue (src/diagnostic-rules.ts) against the code: every rule id the source emits
 * is listed, and every listed id is emitted somewhere, so the config's `diagnostics` key accepts
 * exactly the rules that exist.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { isConfigurable, RULE_IDS, RULES } from '../../src/diagnostic-rules.ts';
import { ROOT } from '../helpers/ops.ts';

/** The text of the call whose "(" is at `open`, up to its ")" (strings and templates skipped whole). */
function callText(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"' || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return text.slice(open, i + 1);
  }
  return text.slice(open);
}

/**
 * Rule ids in the source: `ruleId: 'x'` options, and the last argument of the digest reader's
 * `warn(...)` / `fatal(...)` and of the merge's `warn(...)` (src/digest/messages.ts, src/papers.ts).
 */
function emittedRuleIds(): Set<string> {
  const found = new Set<string>();
  const files = fg.sync(['src/**/*.ts', 'pipeline/**/*.ts'], { cwd: ROOT, ignore: ['src/diagnostic-rules.ts'] });
  for (const file of files) {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    for (const m of text.matchAll(/\bruleId: '([a-z0-9-]+)'/g)) found.add(m[1]!);
    for (const m of text.matchAll(/\b(?:warn|fatal)\(/g)) {
      const last = /,\s*'([a-z0-9-]+)',?\s*\)$/.exec(callText(text, m.index + m[0].length - 1));
      if (last) found.add(last[1]!);
    }
  }
  return found;
}

describe('the rule catalogue', () => {
  it('lists exactly the rule ids the code emits', () => {
    expect([...emittedRuleIds()].sort()).toEqual([...RULE_IDS].sort());
  });

  it('lets the config set every rule but those of the run itself', () => {
    expect(RULE_IDS.filter((id) => !isConfigurable(id)).sort()).toEqual(
      ['duplicate-artifact', 'parser-error', 'step-failed', 'unreadable-file', 'unreadable-folder', 'write-failed'],
    );
    expect(isConfigurable('author-duplicate')).toBe(true);
    expect(isConfigurable('no-such-rule')).toBe(false);
    expect(RULES['author-duplicate'].severity).toBe('warning');
  });
});
