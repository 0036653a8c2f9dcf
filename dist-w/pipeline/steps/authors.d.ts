/**
 * Step "authors": normalize every listing's author names (NFC, list syntax removed by the parser,
 * one name per person per listing by `authorKey`, first spelling kept) and report anomalies.
 * The folding rule is documented in src/authors.ts.
 */
import type { DigestEntry } from '../../src/types.ts';
import type { StepContext, StepResult } from '../context.ts';
/** The entries with their authors normalized, in the same order; count: `entries`. */
export declare function authorsStep(ctx: StepContext, entries: readonly DigestEntry[]): StepResult<DigestEntry[]>;
//# sourceMappingURL=authors.d.ts.map