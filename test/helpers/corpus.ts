/**
 * Where the real archive is for the tests, the bench and the eval: `$DAILY_PAPERS_CORPUS` when set
 * (a folder of digests anywhere), else `../shared/corpus` beside the repository. Suites that need
 * it skip visibly when it is absent and say which folder they looked for (`CORPUS_SKIP`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Absolute path of the real archive (a folder of `YYYY/MM/DD.md` digests). */
export const CORPUS = path.resolve(process.env.DAILY_PAPERS_CORPUS || path.join(ROOT, '../shared/corpus'));

/** True when the archive's folder exists. */
export const CORPUS_PRESENT = existsSync(CORPUS);

/** '' when the archive is present, else a note for a suite's name: why it is skipped and how to point at it. */
export const CORPUS_SKIP = CORPUS_PRESENT ? '' : ` (skipped: no corpus at ${CORPUS}; set DAILY_PAPERS_CORPUS to a folder of digests)`;
