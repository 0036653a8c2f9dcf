/**
 * Loads a digest folder into a Dataset with the foundation's pure functions (decodeDigest,
 * parseDigest, normalizeEntryAuthors, buildDataset): the same papers the pipeline publishes,
 * without the orchestrator. Used by the search eval and the search bench.
 */
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fg from 'fast-glob';
import { VFile } from 'vfile';
import { decodeDigest } from '../../src/digest/decode.ts';
import { parseDigest } from '../../src/digest/parse.ts';
import { buildDataset, normalizeEntryAuthors } from '../../src/dataset.ts';
import type { Dataset, DigestEntry } from '../../src/types.ts';
import { CORPUS } from '../helpers/corpus.ts';

/** The real corpus (not part of the repository): test/helpers/corpus.ts finds it (`DAILY_PAPERS_CORPUS` or ../shared/corpus). */
export { CORPUS };

export function corpusAvailable(dir = CORPUS): boolean {
  return existsSync(dir);
}

/** Every `YYYY/MM/DD.md` digest under `dir`, parsed and merged into papers. */
export function loadDataset(dir = CORPUS): Dataset {
  const files = fg.sync('**/*.md', { cwd: dir }).filter((f) => /^\d{4}\//u.test(f)).sort();
  const entries: DigestEntry[] = [];
  for (const path of files) {
    const file = new VFile({ path });
    const text = decodeDigest(readFileSync(resolve(dir, path)), file);
    if (text === null) continue;
    for (const e of parseDigest(text, file)) entries.push(normalizeEntryAuthors(e).entry);
  }
  return buildDataset(entries);
}
