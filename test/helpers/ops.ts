/**
 * Helpers for the operations tests (cli, config, cache, parse, publish, run): small digests written for
 * these tests (invented papers, Korean summaries written here), temp projects and tree hashes.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { VFile } from 'vfile';
import { afterEach } from 'vitest';
import { cacheWorkspace, loadConfig } from '../../pipeline/config/load.ts';
import { createStepContext, type StepCaches, type StepContext } from '../../pipeline/context.ts';
import { serializeMessages } from '../../pipeline/report/diagnostics.ts';
import { ParseWorkers, type WorkersOption } from '../../pipeline/parse/pool.ts';
import { RunLogger } from '../../pipeline/report/logger.ts';
import { discoverStep } from '../../pipeline/steps/discover.ts';
import { parseStep } from '../../pipeline/steps/parse.ts';
import { readStep } from '../../pipeline/steps/read.ts';
import type { DigestEntry } from '../../src/types.ts';

export const ROOT = path.resolve(import.meta.dirname, '../../');

/** `--import` value that registers tsx from any working directory. */
export const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

interface FakePaper {
  id: string;
  title: string;
  votes: number | '-';
  authors: string;
  summary: string[];
}

const TOPICS = [
  ['희소 검색', 'Sparse Retrieval'],
  ['확산 모델', 'Diffusion Models'],
  ['강화학습', 'Reinforcement Learning'],
  ['음성 합성', 'Speech Synthesis'],
  ['코드 생성', 'Code Generation'],
  ['멀티모달 추론', 'Multimodal Reasoning'],
] as const;

const NAMES = ['Hana Kim', 'Jisoo Lee', 'Mateo Ruiz', 'Élodie Martin', 'Kenji Sato', 'Amara Obi', 'Lars Berg'];

/** A digest for `date` with `count` invented papers; ids are derived from `seed` so they are unique. */
export function digest(date: string, count: number, seed: number, extra = ''): string {
  const [y, m] = date.split('-');
  const yymm = `${y!.slice(2)}${m}`;
  const papers: FakePaper[] = [];
  for (let i = 0; i < count; i++) {
    const [ko, en] = TOPICS[(seed + i) % TOPICS.length]!;
    papers.push({
      id: `${yymm}.${String(10000 + seed * 100 + i).padStart(5, '0')}`,
      title: `${en} at Scale, Part ${seed}-${i}`,
      votes: i % 5 === 4 ? '-' : (seed * 7 + i * 3) % 90,
      authors: [NAMES[(seed + i) % NAMES.length], NAMES[(seed + i + 2) % NAMES.length]].join(', '),
      summary: [
        `***What's New***: ${ko} 분야에서 새로운 방법을 제안합니다 (${seed}-${i}).`,
        `***Technical Details***: 단순한 구조로 ${ko} 성능을 높였습니다.`,
      ],
    });
  }
  const body = papers
    .map(
      (p) =>
        `### [${p.title}](https://arxiv.org/abs/${p.id})\n\n![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${p.id}.png)\n\n` +
        `Vote: ${p.votes}\n\nAuthors: ${p.authors}\n\n${p.summary.map((s) => `- ${s}`).join('\n')}\n`,
    )
    .join('\n');
  return `## Daily Papers (${date})\n\n${body}${extra}`;
}

/** A digest whose second paper lists an author twice (one warning from the authors step). */
export function digestWithWarning(date: string, seed: number): string {
  return digest(date, 3, seed).replace(/Authors: ([^,\n]+), ([^\n]+)\n/, 'Authors: $1, $2, $1\n');
}

export interface Project {
  dir: string;
  input: string;
  output: string;
  /** The cache folder of input/ (`<project>/.cache/pipeline/<input workspace>`): manifest, parse cache… */
  cache: string;
  /** The cache folder itself (`.cache/pipeline`): the bundle cache and the root last-report.json. */
  cacheRoot: string;
  cleanup(): Promise<void>;
}

/** A temp folder with input/ holding `files` (relative path -> text or bytes). */
export async function makeProject(files: Record<string, string | Uint8Array>, config?: string): Promise<Project> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dpf-ops-'));
  const input = path.join(dir, 'input');
  await mkdir(input, { recursive: true });
  await writeFiles(input, files);
  if (config !== undefined) await writeFile(path.join(dir, 'pipeline.config.ts'), config);
  return {
    dir,
    input,
    output: path.join(dir, 'output'),
    cache: path.join(dir, '.cache/pipeline', cacheWorkspace(input)),
    cacheRoot: path.join(dir, '.cache/pipeline'),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

export async function writeFiles(dir: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [rel, data] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), data);
  }
}

/** Four small digests (2 papers are repeated across days), one of them with a warning. */
export function smallCorpus(): Record<string, string> {
  return {
    '2025/03/03.md': digest('2025-03-03', 4, 1),
    '2025/03/04.md': digestWithWarning('2025-03-04', 2),
    '2025/03/05.md': digest('2025-03-05', 5, 3),
    '2025/03/06.md': digest('2025-03-06', 3, 4) + '\n' + digest('2025-03-06', 1, 1).split('\n').slice(2).join('\n'),
  };
}

/** path -> sha256 of every file under `dir` (sorted), optionally skipping some names. */
export async function treeHashes(dir: string, skip: readonly string[] = []): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(sub: string): Promise<void> {
    const entries = await readdir(path.join(dir, sub), { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (skip.includes(rel)) continue;
      if (entry.isDirectory()) await walk(rel);
      else out[rel] = createHash('sha256').update(await readFile(path.join(dir, rel))).digest('hex');
    }
  }
  await walk('');
  return out;
}

export async function mtimes(dir: string, files: readonly string[]): Promise<number[]> {
  return Promise.all(files.map(async (f) => (await stat(path.join(dir, f))).mtimeMs));
}

/** A writable stream stand-in that keeps what was written. */
export class Capture {
  text = '';
  isTTY = false;
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

/**
 * A logger for a test run that keeps what it prints: `--quiet` mode (run warnings such as
 * "cache: discarded ..." only), into `out` and `err`, so that a test that provokes a warning
 * can check it and `npm test` does not print it.
 */
export function captureLogger(mode: 'quiet' | 'plain' = 'quiet'): { logger: RunLogger; out: Capture; err: Capture } {
  const out = new Capture();
  const err = new Capture();
  return { logger: new RunLogger(mode, out, err), out, err };
}

/** Temporary projects made by one test file, each removed after the test that made it. */
export function useProjects(): (files?: Record<string, string | Uint8Array>, config?: string) => Promise<Project> {
  const projects: Project[] = [];
  afterEach(async () => {
    await Promise.all(projects.splice(0).map((p) => p.cleanup()));
  });
  return async (files = smallCorpus(), config) => {
    const p = await makeProject(files, config);
    projects.push(p);
    return p;
  };
}

/** Temporary folders made by one test file (`prefix` names them), each removed after the test that made it. */
export function useTempDirs(prefix: string): () => Promise<string> {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(path.join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
}

/** A step context over a project's config (no caches unless given), with the VFiles it hands out kept in `files`. */
export async function stepContext(p: Project, caches?: StepCaches): Promise<{ ctx: StepContext; files: Map<string, VFile> }> {
  return createStepContext({ config: await loadConfig({ cwd: p.dir }), logger: new RunLogger('quiet'), caches });
}

/** Every file's messages as plain data, by path: for comparing two runs' diagnostics. */
export function fileMessages(files: Map<string, VFile>): Record<string, unknown> {
  return Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, f]) => [k, serializeMessages(f)]));
}

/**
 * The discover, read and parse steps over a project, as a cold run does them (no fast path).
 * `mainThread: false` leaves every file to the workers (the main thread then only waits).
 */
export async function readAndParse(
  p: Project,
  workers: WorkersOption,
  caches?: StepCaches,
  options: { mainThread?: boolean } = {},
): Promise<{ entries: DigestEntry[]; counts: Record<string, number>; files: Map<string, VFile> }> {
  const { ctx, files } = await stepContext(p, caches);
  const found = (await discoverStep(ctx)).value;
  const read = (await readStep(ctx, { files: found, fastPath: null })).value;
  const { value, counts } = await parseStep(ctx, { inputs: read.inputs, workers: new ParseWorkers(workers, options) });
  return { entries: value.entries, counts, files };
}
