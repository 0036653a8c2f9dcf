/**
 * The daily job over the real archive (../shared/corpus, 357 digests): the source anomalies can
 * be turned off so that --strict passes; a feed-only config change re-parses nothing; a failed
 * run between two good ones costs the second nothing; a rerun with nothing changed through
 * `npm run pipeline`'s launcher reports what the CLI's fast path reports. Runs the CLI as a child
 * process (as the workflow does; several times faster than inside the test runner) with its own
 * cache folder.
 * Skips visibly when the corpus is missing.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../pipeline/report/report.ts';
import { CORPUS, CORPUS_PRESENT, CORPUS_SKIP } from '../helpers/corpus.ts';
import { ROOT, TSX } from '../helpers/ops.ts';

const present = CORPUS_PRESENT;
const FILES = 357;

let dir: string;

/** Writes `<name>.config.ts` (a real site URL, the cache in the temp folder) plus `extra` keys. */
async function config(name: string, extra: string): Promise<string> {
  const file = path.join(dir, `${name}.config.ts`);
  await writeFile(file, `export default { site: { url: 'https://someone.github.io/papers/' }, cacheDir: '.cache', ${extra} };\n`);
  return file;
}

/**
 * `npm run pipeline -- <args> --json` in the temp folder: the exit code and the report. The CLI
 * from its sources, or (`launcher`) pipeline/launch.mjs, which tries the no-change rerun first.
 */
function pipeline(args: string[], launcher = false): Promise<{ code: number; report: RunReport; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...(launcher ? [path.join(ROOT, 'pipeline/launch.mjs')] : ['--import', TSX, path.join(ROOT, 'pipeline/cli.ts')]), ...args, '--json'],
      { cwd: dir, env: { PATH: process.env.PATH }, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
        resolve({ code, report: JSON.parse(stdout) as RunReport, stderr });
      },
    );
  });
}

const OFF = `diagnostics: { 'author-duplicate': 'off', 'author-stray-quote': 'off' }`;
const FEED = `feeds: { extra: [{ name: 'popular', title: 'Popular', filter: { minVotes: 50 } }] }`;

describe.skipIf(!present)(`the daily job over the real corpus${CORPUS_SKIP}`, () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'daily-job-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('passes --strict with both source-anomaly rules off (and fails it with them on)', async () => {
    const off = await pipeline(['--config', await config('off', OFF), '--input', CORPUS, '--output', 'out', '--strict']);
    expect(off.code, off.report.problems.join('\n')).toBe(0);
    expect(off.report.counts).toMatchObject({ files: FILES, papers: 5487, warnings: 0, fatal: 0, silenced: 204 });
    expect(off.report.silencedByRule).toEqual({ 'author-duplicate': 203, 'author-stray-quote': 1 });
    expect(off.report.cache).toMatchObject({ hits: 0, misses: FILES });
    // The default levels: 204 warnings fail --strict; the levels are no parse input either.
    const on = await pipeline(['--config', await config('on', ''), '--input', CORPUS, '--output', 'out', '--strict']);
    expect(on.code).toBe(1);
    expect(on.report.counts.warnings).toBe(204);
    expect(on.report.cache).toMatchObject({ hits: FILES, misses: 0 });
    console.info(`daily job: --strict with both rules off exit ${off.code}, with them on exit ${on.code} (${on.report.counts.warnings} warnings)`);
  }, 120_000);

  it('re-parses nothing after a feed-only config change', async () => {
    const feed = await pipeline(['--config', await config('feed', `${OFF}, ${FEED}`), '--input', CORPUS, '--output', 'out']);
    expect(feed.code).toBe(0);
    expect(feed.report.fastPath).toBe(false);
    expect(feed.report.cache).toMatchObject({ hits: FILES, misses: 0 });
    expect(feed.report.artifacts.map((a) => a.path)).toContain('popular.xml');
    console.info(`daily job: feed-only config change: ${feed.report.cache.hits} parse-cache hits, ${feed.report.cache.misses} misses`);
  }, 120_000);

  it('keeps the cache through a failed run: the next good run has every hit', async () => {
    const file = await config('feed', `${OFF}, ${FEED}`);
    await mkdir(path.join(dir, 'empty'));
    const failed = await pipeline(['--config', file, '--input', 'empty', '--output', 'out']);
    expect(failed.code).toBe(1);
    expect(failed.report.problems.join('\n')).toMatch(/no papers found/);
    // Another output folder: no fast path, every file goes through the parse cache.
    const good = await pipeline(['--config', file, '--input', CORPUS, '--output', 'out2']);
    expect(good.code).toBe(0);
    expect(good.report.fastPath).toBe(false);
    expect(good.report.cache).toMatchObject({ hits: FILES, misses: 0, pruned: 0 });
    expect(good.report.steps.find((s) => s.name === 'index')?.counts).toMatchObject({ analyzed: 0, reused: 5487 });
    // Same output as the run before the failure.
    expect(await readFile(path.join(dir, 'out2', 'papers.json'), 'utf8')).toBe(await readFile(path.join(dir, 'out', 'papers.json'), 'utf8'));
    console.info(`daily job: good run after a failed one: ${good.report.cache.hits} parse-cache hits, ${good.report.cache.misses} misses, term vectors reused for ${good.report.steps.find((s) => s.name === 'index')?.counts.reused} papers`);
  }, 120_000);

  it('a rerun with nothing changed, through the launcher, reports what the CLI fast path reports', async () => {
    const args = ['--config', path.join(dir, 'feed.config.ts'), '--input', CORPUS, '--output', 'out2'];
    const full = await pipeline(args);
    const lean = await pipeline(args, true);
    expect(full.code).toBe(0);
    expect(lean.code, lean.stderr).toBe(0);
    expect(full.report.fastPath).toBe(true);
    const timeless = (r: RunReport) => ({ ...r, startedAt: 0, finishedAt: 0, durationMs: 0, steps: r.steps.map((x) => ({ name: x.name, counts: x.counts })) });
    expect(timeless(lean.report)).toEqual(timeless(full.report));
    expect(JSON.parse(await readFile(path.join(dir, 'out2', 'report.json'), 'utf8')).startedAt).toBe(lean.report.startedAt);
    // The rerun loaded neither the CLI nor zod: far less memory by its first step.
    expect(lean.report.steps[0]!.peakRssMb! + 15).toBeLessThan(full.report.steps[0]!.peakRssMb!);
    console.info(`daily job: no-change rerun ${lean.report.durationMs} ms in-process (CLI fast path ${full.report.durationMs} ms), peak RSS ${lean.report.steps[2]?.peakRssMb} MB (${full.report.steps[2]?.peakRssMb} MB)`);
  }, 120_000);
});
