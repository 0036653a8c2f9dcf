/** Step "authors": one name per person per listing, and the anomalies reported at the name on its line. */
import { describe, expect, it } from 'vitest';
import { authorsStep } from '../../../pipeline/steps/authors.ts';
import { brief, parseBytes } from '../../helpers/digests.ts';
import { makeContext } from '../../helpers/feeds-build.ts';

/** The step over one digest's listings: the entries' authors and the step's messages (rule, line, column). */
function authorsOf(markdown: string) {
  const { entries } = parseBytes(new TextEncoder().encode(markdown), '2025/03/04.md');
  const ctx = makeContext();
  const { value } = authorsStep(ctx, entries);
  const messages = [...ctx.files.values()].flatMap((f) => f.messages.map((m) => ({ ...brief(m), reason: m.reason })));
  return { authors: value.map((e) => e.authors), columns: value.map((e) => e.authorColumns), messages };
}

const HEAD = '## Daily Papers (2025-03-04)\n\n### [A Title](https://arxiv.org/abs/2503.00001)\n\nVote: 3\n\n';

describe('authorsStep', () => {
  it('keeps the first spelling of each person and points the warning at the first repeat', () => {
    const { authors, columns, messages } = authorsOf(`${HEAD}Authors: Hana Kim, Lars Berg, hana kim, Lars Berg\n\n- 요약\n`);
    expect(authors).toEqual([['Hana Kim', 'Lars Berg']]);
    expect(columns).toEqual([[10, 20]]);
    expect(messages).toEqual([
      { ruleId: 'author-duplicate', line: 7, column: 31, fatal: false, reason: 'Author listed more than once for this paper: `hana kim`, `Lars Berg`; kept once' },
    ]);
  });

  it('points a stray quote at its name, and at the line when the name is not written as is', () => {
    const quote = authorsOf(`${HEAD}Authors: Hana Kim, Sercan "O. Arik\n\n- 요약\n`);
    expect(quote.messages).toEqual([
      { ruleId: 'author-stray-quote', line: 7, column: 20, fatal: false, reason: 'Author name with a stray quote or bracket: `Sercan "O. Arik`; the key ignores it' },
    ]);
    // Two spaces inside the repeat: the parser's name is not on the line as is, so the line's start.
    const spaced = authorsOf(`${HEAD}Authors: Hana Kim, Hana  Kim\n\n- 요약\n`);
    expect(spaced.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['author-duplicate', 7, 1]]);
  });

  it('leaves a listing without repeats as it is, with no message', () => {
    const { authors, messages } = authorsOf(`${HEAD}Authors: Hana Kim, Lars Berg\n\n- 요약\n`);
    expect(authors).toEqual([['Hana Kim', 'Lars Berg']]);
    expect(messages).toEqual([]);
  });
});
