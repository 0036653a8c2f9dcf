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
    const { entry, duplicates } = normalizeEntryAuthors(original);
    const place = original.authorsAt ?? { line: original.source.line, column: original.source.column };
    if (duplicates.length > 0) {
      ctx.file(original.source.file).message(
        `Author listed more than once for this paper: ${[...new Set(duplicates)].map((d) => `\`${d}\``).join(', ')}; kept once`,
        { place, ruleId: 'author-duplicate', source: SOURCE },
      );
    }
    const stray = entry.authors.filter((n) => STRAY.test(n));
    if (stray.length > 0) {
      ctx.file(original.source.file).message(
        `Author name with a stray quote or bracket: ${stray.map((d) => `\`${d}\``).join(', ')}; the key ignores it`,
        { place, ruleId: 'author-stray-quote', source: SOURCE },
      );
    }
    out.push(entry);
  }
  return { value: out, counts: { entries: out.length } };
}
