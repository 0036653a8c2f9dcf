/**
 * Step "authors": normalize every listing's author names (NFC, list syntax removed by the parser,
 * one name per person per listing by `authorKey`, first spelling kept) and report anomalies.
 * The folding rule is documented in src/authors.ts.
 */
import type { DigestEntry } from '../../src/types.ts';
import { normalizeEntryAuthors } from '../../src/dataset.ts';
import type { StepContext, StepResult } from '../context.ts';

const SOURCE = 'pipeline:authors';
const STRAY = /["“”`[\]]/u;

/** The entries with their authors normalized, in the same order; count: `entries`. */
export function authorsStep(ctx: StepContext, entries: readonly DigestEntry[]): StepResult<DigestEntry[]> {
  const out: DigestEntry[] = [];
  for (const original of entries) {
    const { entry, duplicates, duplicateAt } = normalizeEntryAuthors(original);
    const line = original.authorsAt ?? { line: original.source.line, column: original.source.column };
    // At the first name concerned, where the parser found it on the line (else the line's start).
    const at = (index: number | undefined) => ({ line: line.line, column: (index === undefined ? undefined : original.authorColumns?.[index]) ?? line.column });
    if (duplicates.length > 0) {
      ctx.file(original.source.file).message(
        `Author listed more than once for this paper: ${[...new Set(duplicates)].map((d) => `\`${d}\``).join(', ')}; kept once`,
        { place: at(duplicateAt[0]), ruleId: 'author-duplicate', source: SOURCE },
      );
    }
    const stray = entry.authors.filter((n) => STRAY.test(n));
    if (stray.length > 0) {
      ctx.file(original.source.file).message(
        `Author name with a stray quote or bracket: ${stray.map((d) => `\`${d}\``).join(', ')}; the key ignores it`,
        { place: at(original.authors.findIndex((n) => STRAY.test(n))), ruleId: 'author-stray-quote', source: SOURCE },
      );
    }
    out.push(entry);
  }
  return { value: out, counts: { entries: out.length } };
}
