/**
 * Builds the corpus with the project's CLI into a directory (a fresh temp dir by default) and
 * reads back `papers.json`. The eval only relies on the CLI and the published JSON shapes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS } from '../helpers/corpus.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(here, '../..');
/** The real corpus (not part of the repository): test/helpers/corpus.ts finds it (`DAILY_PAPERS_CORPUS` or ../shared/corpus). */
export const CORPUS_DIR = CORPUS;

export function corpusPresent(dir = CORPUS_DIR): boolean {
  return existsSync(dir);
}

/** Runs `pipeline/cli.ts --input CORPUS --output DIR --no-cache --quiet`; returns DIR. */
export function buildCorpus(outDir?: string, input = CORPUS_DIR): string {
  const dir = outDir ?? mkdtempSync(join(tmpdir(), 'search-eval-build-'));
  execFileSync(
    process.execPath,
    ['--import', 'tsx', join(REPO, 'pipeline/cli.ts'), '--input', input, '--output', dir, '--no-cache', '--quiet'],
    { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 },
  );
  return dir;
}

export interface PaperAuthor {
  name: string;
  key: string;
}

export interface PaperSummary {
  label: string;
  text: string;
}

/** The subset of a `papers.json` record the eval uses. */
export interface Paper {
  id: string;
  title: string;
  authors: PaperAuthor[];
  summary: PaperSummary[];
}

export function readPapers(dir: string): Paper[] {
  const data = JSON.parse(readFileSync(join(dir, 'papers.json'), 'utf8')) as { papers: Paper[] };
  return data.papers.map((p) => ({
    id: p.id,
    title: p.title ?? '',
    authors: (p.authors ?? []).map((a) => ({ name: a.name, key: a.key })),
    summary: (p.summary ?? []).map((s) => ({ label: s.label, text: s.text ?? '' })),
  }));
}
