/** The config's per-rule levels applied to a run's messages. */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { applyLevels } from '../../../pipeline/report/levels.ts';
import { fatal } from '../../../src/message.ts';

function files(): VFile[] {
  const a = new VFile({ path: 'a.md' });
  a.message('dup 1', { ruleId: 'author-duplicate' });
  a.message('dup 2', { ruleId: 'author-duplicate' });
  a.message('quote', { ruleId: 'author-stray-quote' });
  fatal(a, 'binary', { ruleId: 'encoding' });
  const b = new VFile({ path: 'b.md' });
  b.message('no heading', { ruleId: 'no-digest-heading' });
  return [a, b];
}

const summary = (list: VFile[]) => list.flatMap((f) => f.messages.map((m) => `${f.path} ${m.ruleId} ${String(m.fatal)}`));

describe('applyLevels', () => {
  it('leaves every message as it is without levels', () => {
    const list = files();
    const before = summary(list);
    expect(applyLevels(list, {})).toEqual({});
    expect(summary(list)).toEqual(before);
  });

  it('removes the messages of rules set to off (counting them) and sets the severity of the others', () => {
    const list = files();
    const removed = applyLevels(list, { 'author-duplicate': 'off', 'author-stray-quote': 'info', encoding: 'warning', 'no-digest-heading': 'error' });
    expect(removed).toEqual({ 'author-duplicate': 2 });
    expect(summary(list)).toEqual(['a.md author-stray-quote undefined', 'a.md encoding false', 'b.md no-digest-heading true']);
  });
});
