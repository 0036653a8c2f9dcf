/**
 * Builds every feed from the hostile fixture (default) or from a real corpus and
 * prints one JSON line: `{ files: { path: sha256 }, items: { path: count } }`.
 * Used by test/pipeline/steps/feeds.test.ts (byte-identical runs under different TZ values) and
 * by hand; its exports (contexts, the fixture, its feed order and plan) serve the feed tests:
 *
 *   npx tsx test/helpers/feeds-build.ts [--corpus ../shared/corpus] [--out /tmp/feeds]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { VFile } from 'vfile';
import { configSchema } from '../../src/config-schema.ts';
import type { UserConfig } from '../../src/config.ts';
import type { Dataset, Paper } from '../../src/types.ts';
import type { Artifact } from '../../pipeline/publish/artifact.ts';
import { createStepContext, type ResolvedConfig, type StepContext } from '../../pipeline/context.ts';
import { planFeeds } from '../../pipeline/feeds/plan.ts';
import type { FeedPlan } from '../../pipeline/feeds/plan.ts';
import { feedSite } from '../../pipeline/feeds/site.ts';
import type { FeedSite } from '../../pipeline/feeds/site.ts';
import { zonedClock } from '../../pipeline/feeds/time.ts';
import { feedsStep } from '../../pipeline/steps/feeds.ts';
import { digest } from './ops.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURE = join(here, '../fixtures/papers/hostile.json');

export const TEST_CONFIG: UserConfig = {
  site: { url: 'https://example.github.io/daily-papers', title: 'Daily Papers & <Friends> ]]>', description: '요약 & "feeds"', language: 'ko' },
  feeds: {
    limit: 50,
    dailyLimit: 30,
    link: 'huggingface',
    timezone: 'Asia/Seoul',
    time: '09:00',
    extra: [
      { name: 'popular', title: 'Popular (50+)', filter: { minVotes: 50 } },
      { name: 'diffusion', title: 'Diffusion', filter: { query: 'diffusion' } },
      { name: 'rl', title: '강화학습', filter: { query: '강화학습' } },
      { name: 'kim', title: 'Kim & friends', filter: { authors: ['kim-minjun'], minVotes: 100 } },
      { name: 'nobody', title: 'Nobody', filter: { authors: ['no-such-author'] } },
    ],
  },
};

export interface TestContext extends StepContext {
  files: Map<string, VFile>;
  lines: string[];
}

export function makeContext(user: UserConfig = TEST_CONFIG, inputDir = '/nonexistent'): TestContext {
  const config: ResolvedConfig = {
    ...configSchema.parse(user),
    inputDir,
    outputDir: '/nonexistent/output',
    cacheDirAbs: '/nonexistent/cache',
    cacheWorkDir: '/nonexistent/cache/input',
    digest: 'test',
  };
  const lines: string[] = [];
  const { ctx, files } = createStepContext({ config, logger: { info: (m) => lines.push(m), progress: () => {}, warn: (m) => lines.push(m) } });
  return { ...ctx, files, lines };
}

export function loadFixture(): Dataset {
  return JSON.parse(readFileSync(FIXTURE, 'utf8')) as Dataset;
}

/**
 * The fixture's papers in feed order under TEST_CONFIG, computed on their own (not by the
 * plan): first date at 09:00 in Asia/Seoul minus one second per rank in that day's digest
 * order (source file, then line), newest first.
 */
export function fixtureOrder(dataset: Dataset): { publishedOf: (p: Paper) => number; expectedOrder: Paper[] } {
  const clock = zonedClock('Asia/Seoul');
  const publishedOf = (p: Paper): number => {
    const sameDay = dataset.papers
      .filter((q) => q.date === p.date)
      .sort((a, b) => (a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : a.source.line - b.source.line));
    return clock(p.date, '09:00')! - sameDay.indexOf(p) * 1000;
  };
  return { publishedOf, expectedOrder: [...dataset.papers].sort((a, b) => publishedOf(b) - publishedOf(a)) };
}

/** The plan of a dataset under a context's config (extra feeds' queries match nothing unless `search` is given). */
export function planFor(ctx: StepContext, dataset: Dataset, search: (q: string) => string[] = () => []): { site: FeedSite; plan: FeedPlan } {
  const site = feedSite(ctx.config);
  return { site, plan: planFeeds(site, ctx.config.feeds, dataset, search) };
}

/** A plain substring search over title and summary (case-insensitive), in dataset order. */
export function substringSearch(dataset: Dataset): (q: string) => string[] {
  return (q) => {
    const needle = q.toLowerCase();
    return dataset.papers
      .filter((p) => `${p.title}\n${p.summary.map((s) => s.text).join('\n')}`.toLowerCase().includes(needle))
      .map((p) => p.id);
  };
}

/**
 * The search function the orchestrator would pass: the search helper's indexStep when it
 * exists, else the substring search. Returns which one was used.
 */
export async function searchFor(ctx: StepContext, dataset: Dataset): Promise<{ kind: string; search: (q: string) => string[] }> {
  const mod = resolve(here, '../../pipeline/steps/search-index.ts');
  try {
    const { indexStep } = (await import(pathToFileURL(mod).href)) as {
      indexStep: (ctx: StepContext, d: Dataset) => { value: { search(q: string): string[] } } | Promise<{ value: { search(q: string): string[] } }>;
    };
    const index = (await indexStep(ctx, dataset)).value;
    return { kind: 'indexStep', search: (q) => index.search(q) };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw err;
    return { kind: 'substring', search: substringSearch(dataset) };
  }
}

/** The corpus through the foundation helper's steps (dynamic: they may not exist yet). */
export async function corpusDataset(ctx: StepContext, corpus: string): Promise<Dataset> {
  const fg = (await import('fast-glob')).default;
  const paths = (await fg('**/*.md', { cwd: corpus, ignore: ['README.md'] })).sort();
  return digestsDataset(ctx, Object.fromEntries(paths.map((path) => [path, new Uint8Array(readFileSync(join(corpus, path)))])));
}

/** Digests (relative path -> text or bytes) through the parse, authors and enrich steps, in path order. */
export async function digestsDataset(ctx: StepContext, digests: Record<string, string | Uint8Array>): Promise<Dataset> {
  const { decodeDigest } = await import(pathToFileURL(resolve(here, '../../src/digest/decode.ts')).href);
  const { parseDigest } = await import(pathToFileURL(resolve(here, '../../src/digest/parse.ts')).href);
  const { authorsStep } = await import(pathToFileURL(resolve(here, '../../pipeline/steps/authors.ts')).href);
  const { enrichStep } = await import(pathToFileURL(resolve(here, '../../pipeline/steps/enrich.ts')).href);
  const entries = [];
  for (const path of Object.keys(digests).sort()) {
    const file = ctx.file(path);
    const data = digests[path]!;
    const text = decodeDigest(typeof data === 'string' ? new TextEncoder().encode(data) : data, file);
    if (text !== null) entries.push(...parseDigest(text, file));
  }
  return (await enrichStep(ctx, { entries: (await authorsStep(ctx, entries)).value, base: null })).value;
}

/** Authors of the first paper of every archiveDigests day: more than `dc:creator` shows. */
export const MANY_AUTHORS = ['Yuna Choi', 'Mateo Ruiz', 'Élodie Martin', 'Kenji Sato', 'Amara Obi'];

/**
 * Digests over three months for the archive tests: 4 papers a day on 2025-01-30, 01-31,
 * 02-03, 02-04, 02-28, 03-03 and 03-04 (the first paper of each day with MANY_AUTHORS), so that
 * January and February are complete months and March is open.
 */
export function archiveDigests(): Record<string, string> {
  const days = ['2025-01-30', '2025-01-31', '2025-02-03', '2025-02-04', '2025-02-28', '2025-03-03', '2025-03-04'];
  return Object.fromEntries(days.map((date, n) => [`${date.replaceAll('-', '/')}.md`, digest(date, 4, n + 1).replace(/Authors: [^\n]*/, `Authors: ${MANY_AUTHORS.join(', ')}`)]));
}

/** A main-feed limit small enough that the archives matter for archiveDigests. */
export const ARCHIVE_CONFIG: UserConfig = { ...TEST_CONFIG, feeds: { ...TEST_CONFIG.feeds, limit: 5, extra: [] } };

/** Writes artifacts under `dir`, sub-folders included; returns the absolute path of each, by artifact path. */
export function writeArtifacts(dir: string, artifacts: readonly Artifact[]): Map<string, string> {
  const written = new Map<string, string>();
  for (const a of artifacts) {
    const file = join(dir, a.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, a.data);
    written.set(a.path, file);
  }
  return written;
}

export function hashes(artifacts: Artifact[]): Record<string, string> {
  return Object.fromEntries(
    [...artifacts].sort((a, b) => (a.path < b.path ? -1 : 1)).map((a) => [a.path, createHash('sha256').update(a.data).digest('hex')]),
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const corpus = opt('--corpus');
  const out = opt('--out');
  const ctx = makeContext(corpus ? { ...TEST_CONFIG, site: { url: 'https://example.github.io/daily-papers/', language: 'ko' } } : TEST_CONFIG, corpus ?? '/nonexistent');
  const t0 = performance.now();
  const dataset = corpus ? await corpusDataset(ctx, resolve(corpus)) : loadFixture();
  const t1 = performance.now();
  const { kind, search } = await searchFor(ctx, dataset);
  const t2 = performance.now();
  const artifacts = (await feedsStep(ctx, { dataset, search })).value;
  const t3 = performance.now();
  if (out) writeArtifacts(out, artifacts);
  const items = Object.fromEntries(
    artifacts.map((a) => [a.path, a.path.endsWith('.json') ? (JSON.parse(String(a.data)) as { items: unknown[] }).items.length : (String(a.data).match(/<item>|<entry>|<outline /g) ?? []).length]),
  );
  const info = { papers: dataset.papers.length, search: kind, ms: { dataset: Math.round(t1 - t0), search: Math.round(t2 - t1), feeds: Math.round(t3 - t2) } };
  process.stdout.write(JSON.stringify({ files: hashes(artifacts), items, ...(corpus ? info : {}) }) + '\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}

/** The feeds step's artifacts for `dataset` (the step's `{ value }`), with a saved-query search. */
export const runFeeds = async (ctx: StepContext, dataset: Dataset, search: (q: string) => string[]): Promise<Artifact[]> =>
  (await feedsStep(ctx, { dataset, search })).value;
