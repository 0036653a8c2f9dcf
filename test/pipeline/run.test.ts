/**
 * The orchestrator end to end on small digests written for these tests: exit codes, atomic
 * publish, cache correctness (cached == cold, byte for byte), the fast path, corrupt cache files,
 * the lock, kill -9 and determinism under other time zones and clocks.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmod, mkdir, readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../pipeline/config/load.ts';
import { lockPath } from '../../pipeline/publish/publish.ts';
import { runPipeline } from '../../pipeline/run.ts';
import type { RunReport } from '../../pipeline/report/report.ts';
import { archiveDigests } from '../helpers/feeds-build.ts';
import { ROOT, TSX, captureLogger, digest, digestWithWarning, makeProject, mtimes, smallCorpus, treeHashes, writeFiles, type Project, useProjects } from '../helpers/ops.ts';

const project = useProjects();

/** One run over a project; what the run printed (its warnings) is kept in `stderr`. */
async function run(p: Project, options: { output?: string; input?: string; noCache?: boolean; strict?: boolean; allowEmpty?: boolean } = {}) {
  const config = await loadConfig({ cwd: p.dir, output: options.output, input: options.input });
  const { logger, err } = captureLogger();
  const result = await runPipeline({ config, noCache: options.noCache, strict: options.strict, allowEmpty: options.allowEmpty, workers: 0, logger });
  return { ...result, stderr: err.text };
}

async function readReport(dir: string): Promise<RunReport> {
  return JSON.parse(await readFile(path.join(dir, 'report.json'), 'utf8')) as RunReport;
}

describe('a successful run', () => {
  it('publishes the dataset, the other steps’ artifacts and a report', async () => {
    const p = await project();
    const result = await run(p);
    expect(result.exitCode).toBe(0);
    expect(result.published).toBe(true);
    const papers = JSON.parse(await readFile(path.join(p.output, 'papers.json'), 'utf8')) as { papers: { id: string }[] };
    // 4 + 3 + 5 + 3 + 1 headings; the last one repeats a paper of the first digest.
    expect(papers.papers).toHaveLength(15);
    const authors = JSON.parse(await readFile(path.join(p.output, 'authors.json'), 'utf8')) as { authors: unknown[] };
    expect(authors.authors.length).toBeGreaterThan(0);
    const report = await readReport(p.output);
    expect(report.steps.map((s) => s.name)).toEqual([
      'discover', 'read', 'parse', 'authors', 'enrich', 'index', 'feeds', 'page', 'cache', 'publish',
    ]);
    expect(report.counts).toMatchObject({ files: 4, papers: 15, fatal: 0 });
    expect(report.inputs.map((i) => i.path)).toEqual(['2025/03/03.md', '2025/03/04.md', '2025/03/05.md', '2025/03/06.md']);
    // Every artifact in the report exists with that size and hash.
    const hashes = await treeHashes(p.output, ['report.json']);
    expect(Object.keys(hashes).sort()).toEqual(report.artifacts.map((a) => a.path));
    for (const a of report.artifacts) expect(hashes[a.path]).toBe(a.sha256);
    expect(report.artifacts.map((a) => a.path)).toEqual(expect.arrayContaining(['papers.json', 'authors.json', 'index.html']));
    // The warning of 2025/03/04.md is reported with its position, rule and severity.
    const warning = report.diagnostics.find((d) => d.file === '2025/03/04.md');
    expect(warning).toMatchObject({ severity: 'warning', source: 'pipeline:authors' });
    expect(warning!.line).toBeGreaterThan(1);
    expect(report.warningsByRule[warning!.rule]).toBeGreaterThanOrEqual(1);
  });

  it('keeps a tracked output/README.md and replaces everything else', async () => {
    const p = await project();
    await writeFiles(p.output, { 'README.md': 'generated\n', 'stale.txt': 'old artifact\n' });
    expect((await run(p)).exitCode).toBe(0);
    expect(await readFile(path.join(p.output, 'README.md'), 'utf8')).toBe('generated\n');
    await expect(stat(path.join(p.output, 'stale.txt'))).rejects.toThrow();
    // Nothing is left beside the output folder.
    expect((await readdir(p.dir)).sort()).toEqual(['.cache', 'input', 'output']);
  });
});

describe('the cache', () => {
  it('writes byte-identical output from the cache and from a cold --no-cache run', async () => {
    const p = await project();
    const cold = path.join(p.dir, 'cold');
    const first = await run(p, { output: cold, noCache: true });
    expect(first.report.cache).toMatchObject({ enabled: false, hits: 0 });
    await run(p); // fills the cache
    await rm(path.join(p.cache, 'manifest.json')); // no fast path: every file comes from the parse cache
    const cached = await run(p);
    expect(cached.report.fastPath).toBe(false);
    expect(cached.report.cache).toMatchObject({ hits: 4, misses: 0 });
    // Every term vector of the index came from the cache too.
    expect(cached.report.steps.find((s) => s.name === 'index')?.counts).toMatchObject({ analyzed: 0, reused: 15 });
    expect(await treeHashes(p.output, ['report.json'])).toEqual(await treeHashes(cold, ['report.json']));
    expect(cached.report.diagnostics).toEqual(first.report.diagnostics);
  });

  it('writes the feeds and monthly archives from the feed cache byte for byte as a cold run, as digests arrive', async () => {
    // Two complete months and an open one; a main feed short enough that the archives matter.
    const p = await project(archiveDigests(), `export default { site: { url: 'https://example.org/papers/' }, feeds: { limit: 5 } };\n`);
    const feedsOf = (r: { report: RunReport }) => r.report.steps.find((s) => s.name === 'feeds')?.counts;
    const same = async (label: string) => {
      const cold = path.join(p.dir, `cold-${label}`);
      expect((await run(p, { output: cold, noCache: true })).exitCode).toBe(0);
      expect(await treeHashes(p.output, ['report.json'])).toEqual(await treeHashes(cold, ['report.json']));
    };
    const first = await run(p);
    expect(feedsOf(first)).toMatchObject({ archivesCached: 0, itemsCached: 0 });
    expect(first.report.steps.find((s) => s.name === 'cache')?.counts).toMatchObject({ feedItemsSaved: 1, feedArchivesSaved: 2 });
    await same('first');

    // Nothing changed but the output folder: every item and both complete months from the cache.
    const again = await run(p, { output: path.join(p.dir, 'again') });
    expect(feedsOf(again)).toMatchObject({ itemsBuilt: 0, archivesCached: 2 });
    expect(await treeHashes(path.join(p.dir, 'again'), ['report.json'])).toEqual(await treeHashes(p.output, ['report.json']));

    // A new digest in the open month: only its papers and the items that show them are built.
    await writeFiles(p.input, { '2025/03/05.md': digest('2025-03-05', 3, 20) });
    const added = await run(p);
    expect(feedsOf(added)).toMatchObject({ archivesCached: 2 });
    expect(feedsOf(added)?.itemsBuilt).toBeLessThan(10);
    await same('added');

    // A digest of a new month completes March: its document is rendered anew, then cached.
    await writeFiles(p.input, { '2025/04/01.md': digest('2025-04-01', 2, 21) });
    const next = await run(p);
    expect(feedsOf(next)).toMatchObject({ archivesCached: 2 });
    expect(next.report.steps.find((s) => s.name === 'cache')?.counts).toMatchObject({ feedArchivesSaved: 1, feedArchivesPruned: 0 });
    await same('next');
    expect(await readdir(path.join(p.cache, 'feeds', 'archives'))).toHaveLength(3);

    // An edited paper of a complete month: its document is rendered anew, the old entry pruned.
    await writeFiles(p.input, { '2025/01/30.md': archiveDigests()['2025/01/30.md']!.replace('새로운 방법을', '다른 방법을') });
    const edited = await run(p);
    expect(feedsOf(edited)).toMatchObject({ archivesCached: 2 });
    expect(edited.report.steps.find((s) => s.name === 'cache')?.counts).toMatchObject({ feedArchivesSaved: 1, feedArchivesPruned: 1 });
    await same('edited');
    expect(await readdir(path.join(p.cache, 'feeds', 'archives'))).toHaveLength(3);
  });

  it('a first run boots its parse workers while reading and writes what a main-thread run writes', async () => {
    const files: Record<string, string> = {};
    for (let d = 0; d < 70; d++) {
      const date = new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
      files[`${date.slice(0, 4)}/${date.slice(5, 7)}/${date.slice(8)}.md`] = digest(date, 2, d + 1);
    }
    const p = await project(files);
    const config = await loadConfig({ cwd: p.dir });
    const threaded = await runPipeline({ config, workers: 2 }); // no manifest yet: started while reading
    expect(threaded.exitCode).toBe(0);
    const parse = threaded.report.steps.find((s) => s.name === 'parse')!;
    expect(parse.counts.workers).toBeGreaterThan(0);
    // The papers were also analyzed for the index while parsing (by the workers and the main thread).
    expect(threaded.report.steps.find((s) => s.name === 'index')?.counts).toMatchObject({ analyzed: 140, analyzedWhileParsing: 140, reused: 0 });
    const main = path.join(p.dir, 'main-thread');
    await run(p, { output: main, noCache: true });
    expect(await treeHashes(p.output, ['report.json'])).toEqual(await treeHashes(main, ['report.json']));
  }, 60_000);

  it('re-parses only a changed file', async () => {
    const p = await project();
    await run(p);
    await writeFile(path.join(p.input, '2025/03/05.md'), digest('2025-03-05', 2, 9));
    const second = await run(p);
    expect(second.report.fastPath).toBe(false);
    expect(second.report.cache).toMatchObject({ hits: 3, misses: 1 });
    expect(second.report.counts.papers).toBe(12);
    // Only the new file's papers are analyzed for the index; the output equals a cold run's.
    expect(second.report.steps.find((s) => s.name === 'index')?.counts).toMatchObject({ analyzed: 2, reused: 10 });
    const cold = path.join(p.dir, 'cold');
    await run(p, { output: cold, noCache: true });
    expect(await treeHashes(p.output, ['report.json'])).toEqual(await treeHashes(cold, ['report.json']));
  });

  it('discards a corrupt term-vector cache with a warning and analyzes every paper again', async () => {
    const p = await project();
    await run(p);
    const before = await treeHashes(p.output, ['report.json']);
    await rm(path.join(p.cache, 'manifest.json'));
    await rm(path.join(p.cache, 'index', 'merged.bin')); // else the unchanged papers come from there
    const vectors = path.join(p.cache, 'index', 'vectors.bin');
    const text = await readFile(vectors, 'utf8');
    await writeFile(vectors, text.slice(0, -10)); // truncated
    const second = await run(p);
    expect(second.exitCode).toBe(0);
    expect(second.report.cache.discarded).toEqual([{ file: 'index/vectors.bin', reason: 'checksum mismatch (truncated or edited)' }]);
    expect(second.stderr).toBe('warning: cache: discarded index/vectors.bin: checksum mismatch (truncated or edited); rebuilt from the input\n');
    expect(second.report.steps.find((s) => s.name === 'index')?.counts).toMatchObject({ analyzed: 15, reused: 0 });
    expect(await treeHashes(p.output, ['report.json'])).toEqual(before);
    // The rewritten cache is whole again.
    await rm(path.join(p.cache, 'manifest.json'));
    await rm(path.join(p.cache, 'index', 'merged.bin'));
    expect((await run(p)).report.steps.find((s) => s.name === 'index')?.counts).toMatchObject({ analyzed: 0, reused: 15, fromMerged: 0 });
  });

  it('puts the papers of a newest digest in front of the last index, and merges every paper when one comes in between', async () => {
    const p = await project();
    await run(p);
    const indexOf = (r: { report: RunReport }) => r.report.steps.find((s) => s.name === 'index')?.counts;
    const same = async (label: string) => {
      const cold = path.join(p.dir, `cold-${label}`);
      expect((await run(p, { output: cold, noCache: true })).exitCode).toBe(0);
      expect(await treeHashes(p.output, ['report.json'])).toEqual(await treeHashes(cold, ['report.json']));
    };
    // The newest digest: its 3 papers are merged, the 15 others come with the last index.
    await writeFiles(p.input, { '2025/03/09.md': digest('2025-03-09', 3, 30) });
    const newest = await run(p);
    expect(indexOf(newest)).toMatchObject({ analyzed: 3, fromMerged: 15, reused: 15, documents: 18 });
    expect(newest.report.steps.find((s) => s.name === 'cache')?.counts).toMatchObject({ vectorsSaved: 1, mergedSaved: 1 });
    await same('newest');
    // A digest between older ones moves papers: every paper is merged, the new ones analyzed.
    await writeFiles(p.input, { '2025/03/07.md': digest('2025-03-07', 2, 31) });
    const between = await run(p);
    expect(indexOf(between)).toMatchObject({ analyzed: 2, fromMerged: 0, reused: 18 });
    await same('between');
    // Nothing new for the index (a feed-only config change): the last index as it was, nothing rewritten.
    await writeFile(path.join(p.dir, 'pipeline.config.ts'), `export default { feeds: { limit: 7 } };\n`);
    const feedOnly = await run(p);
    expect(indexOf(feedOnly)).toMatchObject({ analyzed: 0, fromMerged: 20 });
    expect(feedOnly.report.steps.find((s) => s.name === 'cache')?.counts).toMatchObject({ vectorsSaved: 0, mergedSaved: 0 });
    await same('feed-only');
  });

  it('puts the papers of a newest digest in front of the last run\'s dataset, and builds it from every input otherwise', async () => {
    const p = await project();
    await run(p);
    const fromDataset = (r: { report: RunReport }) => [
      r.report.steps.find((s) => s.name === 'parse')?.counts?.fromDataset,
      r.report.steps.find((s) => s.name === 'enrich')?.counts?.fromDataset,
    ];
    const same = async (label: string, result: { report: RunReport }) => {
      const cold = path.join(p.dir, `cold-${label}`);
      const c = await run(p, { output: cold, noCache: true });
      expect(c.exitCode).toBe(0);
      expect(await treeHashes(p.output, ['report.json'])).toEqual(await treeHashes(cold, ['report.json']));
      // The old inputs' warnings come from the snapshot, the new one's from its steps: the same list.
      expect(result.report.diagnostics).toEqual(c.report.diagnostics);
      expect(result.report.counts).toEqual({ ...c.report.counts, silenced: result.report.counts.silenced });
    };
    /** Writes `files` into the input, runs, checks what came from the snapshot ([inputs, papers]) and that the output is a cold run's. */
    const rerun = async (label: string, files: Record<string, string>, expected: [number, number]) => {
      await writeFiles(p.input, files);
      const result = await run(p);
      expect(fromDataset(result), label).toEqual(expected);
      await same(label, result);
      return result;
    };
    // The newest digest (with a warning of its own): 4 inputs and 15 papers from the snapshot.
    const newest = await rerun('newest', { '2025/03/09.md': digestWithWarning('2025-03-09', 30) }, [4, 15]);
    expect(newest.report.steps.find((s) => s.name === 'parse')?.counts).toMatchObject({ parsed: 1, cached: 4, entries: 3 });
    expect(newest.report.steps.find((s) => s.name === 'cache')?.counts).toMatchObject({ datasetSaved: 1 });
    expect(newest.report.diagnostics.filter((d) => d.ruleId === 'author-duplicate')).toHaveLength(2);
    // Nothing new but the config: every paper from the snapshot, papers.json as published.
    await writeFile(path.join(p.dir, 'pipeline.config.ts'), `export default { feeds: { limit: 7 } };\n`);
    await rerun('feed-only', {}, [5, 18]);
    // A digest between older ones: every input's entries again (the new file parsed once).
    const between = await rerun('between', { '2025/03/07.md': digest('2025-03-07', 2, 31) }, [0, 0]);
    expect(between.report.steps.find((s) => s.name === 'parse')?.counts).toMatchObject({ parsed: 1, cached: 5 });
    // A newest digest that lists a paper again merges into the old papers: every input.
    await rerun('relisted', { '2025/03/10.md': digest('2025-03-10', 2, 31) }, [0, 0]);
    // An edited old input: every input.
    await rerun('edited', { '2025/03/03.md': digest('2025-03-03', 4, 1).replace('새로운 방법을', '다른 방법을') }, [0, 0]);
    // papers.json edited in output/: the snapshot still serves, papers.json comes from its segments (not the output).
    await writeFile(path.join(p.output, 'papers.json'), '{"papers":[\n]}\n');
    await rerun('touched', { '2025/03/11.md': digest('2025-03-11', 2, 40) }, [7, 20]);
    // Another newest digest: the snapshot's papers come from two segments (pipeline/cache/dataset-cache.ts).
    await rerun('again', { '2025/03/12.md': digest('2025-03-12', 2, 41) }, [8, 22]);
    expect((await readdir(path.join(p.cache, 'dataset'))).length).toBe(3);
  });

  it('discards a corrupt dataset snapshot with a warning and builds the dataset from every input', async () => {
    const p = await project();
    await run(p);
    const before = await treeHashes(p.output, ['report.json']);
    await rm(path.join(p.cache, 'manifest.json'));
    const file = path.join(p.cache, 'dataset.bin');
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 10));
    const second = await run(p);
    expect(second.exitCode).toBe(0);
    expect(second.report.cache.discarded).toEqual([{ file: expect.stringMatching(/dataset\.bin$/), reason: 'checksum mismatch (truncated or edited)' }]);
    expect(second.report.steps.find((s) => s.name === 'parse')?.counts).toMatchObject({ fromDataset: 0, cached: 4 });
    expect(await treeHashes(p.output, ['report.json'])).toEqual(before);
    // The run wrote a whole snapshot again.
    await rm(path.join(p.cache, 'manifest.json'));
    expect((await run(p)).report.steps.find((s) => s.name === 'parse')?.counts).toMatchObject({ fromDataset: 4 });
  });

  it('discards a merged index whose postings it cannot read, with a warning, and merges every paper', async () => {
    const p = await project();
    await run(p);
    const before = await treeHashes(p.output, ['report.json']);
    await rm(path.join(p.cache, 'manifest.json'));
    // A well-formed file (checksum and shape) whose postings are not the compact format.
    const { MergedCache } = await import('../../pipeline/cache/merged-cache.ts');
    const { moduleFingerprint } = await import('../../pipeline/cache/version.ts');
    const cache = new MergedCache(p.cache, moduleFingerprint('src/search/index-builder.ts'));
    await cache.load();
    const good = cache.previous!;
    expect(good.ids).toHaveLength(15);
    const postings = good.postings.slice();
    postings.fill(0x3f, good.offsets[0]! + 1, good.offsets[1]! - 1); // '?'
    await cache.stage({ ...good, postings })!.write();
    await writeFiles(p.input, { '2025/03/09.md': digest('2025-03-09', 1, 30) });
    const second = await run(p);
    expect(second.exitCode).toBe(0);
    expect(second.report.cache.discarded).toEqual([{ file: 'index/merged.bin', reason: 'cannot be read (index-builder: malformed postings)' }]);
    expect(second.stderr).toMatch(/^warning: cache: discarded index\/merged\.bin: cannot be read/m);
    expect(second.report.steps.find((s) => s.name === 'index')?.counts).toMatchObject({ fromMerged: 0, reused: 15, analyzed: 1 });
    const cold = path.join(p.dir, 'cold');
    await run(p, { output: cold, noCache: true });
    expect(await treeHashes(p.output, ['report.json'])).toEqual(await treeHashes(cold, ['report.json']));
    expect(before).not.toEqual(await treeHashes(cold, ['report.json']));
  });

  it('takes the fast path when nothing changed, reporting the same diagnostics', async () => {
    const p = await project();
    const first = await run(p);
    const names = first.report.artifacts.map((a) => a.path);
    const before = await treeHashes(p.output, ['report.json']);
    const times = await mtimes(p.output, names);
    const second = await run(p);
    expect(second.exitCode).toBe(0);
    expect(second.report.fastPath).toBe(true);
    expect(second.report.steps.map((s) => s.name)).toEqual(['discover', 'read', 'reuse', 'publish']);
    expect(second.report.diagnostics).toEqual(first.report.diagnostics);
    expect(second.report.artifacts).toEqual(first.report.artifacts);
    expect(await treeHashes(p.output, ['report.json'])).toEqual(before);
    expect(await mtimes(p.output, names)).toEqual(times);
    expect((await readReport(p.output)).fastPath).toBe(true);
  });

  it('trusts old modification times like git does, and still notices an edited file', async () => {
    const p = await project();
    const old = new Date(Date.UTC(2025, 0, 1));
    for (const rel of Object.keys(smallCorpus())) await utimes(path.join(p.input, rel), old, old);
    await run(p);
    const manifest = JSON.parse(await readFile(path.join(p.cache, 'manifest.json'), 'utf8')) as { inputs: [string, string, number, number | null][] };
    expect(manifest.inputs.every((i) => i[3] === old.getTime())).toBe(true);
    expect((await run(p)).report.fastPath).toBe(true);
    // Same size, new content, new time stamp: re-read and re-published.
    const file = path.join(p.input, '2025/03/05.md');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('Part 3-0', 'Part 3-X'));
    const edited = await run(p);
    expect(edited.report.fastPath).toBe(false);
    expect(edited.report.cache.misses).toBe(1);
    expect(await readFile(path.join(p.output, 'papers.json'), 'utf8')).toContain('Part 3-X');
  });

  it('records trustworthy time stamps on the fast path, so the next no-change run needs only stats', async () => {
    const p = await project();
    await run(p); // inputs written just now: their times are not trusted yet
    const manifestFile = path.join(p.cache, 'manifest.json');
    const before = JSON.parse(await readFile(manifestFile, 'utf8')) as { inputs: [string, string, number, number | null][] };
    expect(before.inputs.every((i) => i[3] === null)).toBe(true);
    const old = new Date(Date.UTC(2025, 0, 1));
    for (const rel of Object.keys(smallCorpus())) await utimes(path.join(p.input, rel), old, old);
    expect((await run(p)).report.fastPath).toBe(true); // read and hashed: same content
    const after = JSON.parse(await readFile(manifestFile, 'utf8')) as { inputs: [string, string, number, number | null][] };
    expect(after.inputs.every((i) => i[3] === old.getTime())).toBe(true);
    expect(after.inputs.map((i) => i[1])).toEqual(before.inputs.map((i) => i[1]));
    expect((await run(p)).report.fastPath).toBe(true);
  });

  it('keeps the fast path of output/ through a --no-cache run into another folder, not one into output/', async () => {
    const p = await project();
    await run(p);
    expect((await run(p, { output: path.join(p.dir, 'cold'), noCache: true })).exitCode).toBe(0);
    expect((await run(p)).report.fastPath).toBe(true);
    expect((await run(p, { noCache: true })).exitCode).toBe(0);
    expect((await run(p)).report.fastPath).toBe(false);
  });

  it('does not take the fast path when output/ was edited', async () => {
    const p = await project();
    await run(p);
    await writeFile(path.join(p.output, 'papers.json'), '{"papers":[]}\n');
    const second = await run(p);
    expect(second.report.fastPath).toBe(false);
    expect(JSON.parse(await readFile(path.join(p.output, 'papers.json'), 'utf8')).papers).toHaveLength(15);
  });

  it('discards a corrupt or foreign cache file with a warning and rebuilds the same output', async () => {
    const p = await project();
    await run(p);
    const before = await treeHashes(p.output, ['report.json']);
    await rm(path.join(p.cache, 'manifest.json'));
    await rm(path.join(p.cache, 'dataset.bin')); // every input from the parse cache
    const shards = await readdir(path.join(p.cache, 'parse'));
    const files = (await Promise.all(shards.map(async (s) => (await readdir(path.join(p.cache, 'parse', s))).map((n) => path.join(p.cache, 'parse', s, n))))).flat();
    expect(files).toHaveLength(4);
    const text = await readFile(files[0]!, 'utf8');
    await writeFile(files[0]!, text.slice(0, text.length - 40)); // truncated
    await writeFile(files[1]!, '{"format":"someone-else@9"}\n{}'); // foreign
    await writeFile(files[2]!, text.replace(/"title":"[^"]*"/, '"title":"Tampered"')); // edited
    const second = await run(p);
    expect(second.exitCode).toBe(0);
    expect(second.report.cache.discarded.map((d) => d.reason).sort()).toEqual([
      'checksum mismatch (truncated or edited)',
      'foreign format "someone-else@9"',
      'key does not match its file name',
    ]);
    expect(second.report.cache.hits).toBe(1);
    expect(second.stderr.match(/^warning: cache: discarded parse\/.*; rebuilt from the input$/gm)).toHaveLength(3);
    expect(await treeHashes(p.output, ['report.json'])).toEqual(before);
  });

  it('keeps the parse cache and the term vectors through a failed run: only a run that publishes prunes', async () => {
    const p = await project();
    const first = await run(p);
    expect(first.report.cache).toMatchObject({ hits: 0, misses: 4, pruned: 0 });
    const cached = await treeHashes(p.cache, ['manifest.json', 'last-report.json']);
    // A run over an empty folder fails (no papers) and must leave the cache as it was.
    await mkdir(path.join(p.dir, 'empty'));
    const failed = await run(p, { input: 'empty' });
    expect(failed.exitCode).toBe(1);
    expect(failed.report.steps.map((s) => s.name)).not.toContain('cache');
    expect(failed.report.cache.pruned).toBe(0);
    expect(await treeHashes(p.cache, ['manifest.json', 'last-report.json'])).toEqual(cached);
    // So does a run that fails on a fatal diagnostic (it would have pruned a changed file's entry).
    await writeFile(path.join(p.input, '2025/03/05.md'), new Uint8Array([0, 1, 2]));
    expect((await run(p)).exitCode).toBe(1);
    await writeFile(path.join(p.input, '2025/03/05.md'), smallCorpus()['2025/03/05.md']!);
    // The next good run (no fast path: another output folder) finds every parse and every vector.
    const next = await run(p, { output: path.join(p.dir, 'again') });
    expect(next.report.fastPath).toBe(false);
    expect(next.report.cache).toMatchObject({ hits: 4, misses: 0 });
    expect(next.report.steps.find((s) => s.name === 'index')?.counts).toMatchObject({ analyzed: 0, reused: 15 });
    // A good run does prune: the entry of the binary file it no longer reads, removed once published.
    expect(next.report.cache.pruned).toBe(1);
    expect(Object.keys(await treeHashes(path.join(p.cache, 'parse')))).toHaveLength(4);
  });

  it('keys parsing on the input only: a feed or site change re-parses nothing (but is no fast path)', async () => {
    const p = await project();
    await run(p);
    await writeFile(
      path.join(p.dir, 'pipeline.config.ts'),
      `export default { site: { url: 'https://someone.github.io/papers/' }, feeds: { limit: 5, extra: [{ name: 'popular', title: 'Popular', filter: { minVotes: 20 } }] } };\n`,
    );
    const second = await run(p);
    expect(second.report.fastPath).toBe(false);
    expect(second.report.cache).toMatchObject({ hits: 4, misses: 0, pruned: 0 });
    expect(second.report.artifacts.map((a) => a.path)).toContain('popular.xml');
  });
});

describe('a failed run leaves the previous output byte-identical', () => {
  it('on a fatal diagnostic (binary file): exit 1, nothing published, the report kept in the cache', async () => {
    const p = await project();
    await run(p);
    const before = await treeHashes(p.output);
    await writeFile(path.join(p.input, '2025/03/07.md'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0xfe, 0, 1]));
    const result = await run(p);
    expect(result.exitCode).toBe(1);
    expect(result.published).toBe(false);
    expect(result.report.counts.fatal).toBeGreaterThan(0);
    expect(result.report.diagnostics.find((d) => d.severity === 'fatal')?.file).toBe('2025/03/07.md');
    expect(await treeHashes(p.output)).toEqual(before);
    const last = JSON.parse(await readFile(path.join(p.cache, 'last-report.json'), 'utf8')) as RunReport;
    expect(last.exitCode).toBe(1);
    expect(last.problems.join('\n')).toMatch(/nothing published/);
  });

  it.skipIf(process.getuid?.() === 0)('on an unreadable file (EACCES; skipped when run as root, who reads any file)', async () => {
    const p = await project();
    await run(p);
    const before = await treeHashes(p.output);
    await chmod(path.join(p.input, '2025/03/05.md'), 0o000);
    const result = await run(p);
    expect(result.exitCode).toBe(1);
    expect(result.report.diagnostics.find((d) => d.severity === 'fatal')).toMatchObject({
      file: '2025/03/05.md', ruleId: 'unreadable-file',
    });
    expect(await treeHashes(p.output)).toEqual(before);
  });

  it('under --strict when there is a warning', async () => {
    const p = await project();
    await run(p);
    const before = await treeHashes(p.output);
    const strict = await run(p, { strict: true });
    expect(strict.exitCode).toBe(1);
    expect(strict.report.problems.join('\n')).toMatch(/under --strict/);
    expect(await treeHashes(p.output)).toEqual(before);
  });

  it('when no paper was found, unless --allow-empty', async () => {
    const p = await project({ 'notes.md': '# Just notes\n\nNo digest here.\n' });
    const empty = await run(p);
    expect(empty.exitCode).toBe(1);
    expect(empty.report.problems.join('\n')).toMatch(/no papers found/);
    await expect(stat(p.output)).rejects.toThrow();
    const allowed = await run(p, { allowEmpty: true });
    expect(allowed.exitCode).toBe(0);
    expect(JSON.parse(await readFile(path.join(p.output, 'papers.json'), 'utf8'))).toEqual({ papers: [] });
  });
});

describe('concurrency and interruptions', () => {
  it('refuses to run while another live run holds the lock, and takes over a stale lock', async () => {
    const p = await project();
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await writeFile(lockPath(p.output), JSON.stringify({ pid: sleeper.pid, host: (await import('node:os')).hostname(), started: 'then' }));
      await expect(run(p)).rejects.toThrow(new RegExp(`another pipeline run \\(pid ${sleeper.pid}`));
      await expect(stat(p.output)).rejects.toThrow();
    } finally {
      sleeper.kill('SIGKILL');
    }
    await new Promise((resolve) => sleeper.once('exit', resolve));
    const result = await run(p);
    expect(result.exitCode).toBe(0);
    await expect(stat(lockPath(p.output))).rejects.toThrow();
  });

  it('survives kill -9 at any moment: output/ is the previous or the complete new one, never a mix', async () => {
    const files: Record<string, string> = {};
    for (let d = 1; d <= 28; d++) files[`2025/02/${String(d).padStart(2, '0')}.md`] = digest(`2025-02-${String(d).padStart(2, '0')}`, 6, d);
    const p = await project(files);
    const newDigest = digest('2025-03-01', 6, 40);
    // The complete new output, for reference.
    await mkdir(path.join(p.input, '2025/03'), { recursive: true });
    await writeFile(path.join(p.input, '2025/03/01.md'), newDigest);
    expect((await run(p, { output: path.join(p.dir, 'reference'), noCache: true })).exitCode).toBe(0);
    const next = await treeHashes(path.join(p.dir, 'reference'), ['report.json']);
    await rm(path.join(p.dir, 'reference'), { recursive: true });
    await rm(path.join(p.input, '2025/03/01.md'));
    expect((await run(p, { noCache: true })).exitCode).toBe(0);
    const previous = await treeHashes(p.output, ['report.json']);

    const outcomes: string[] = [];
    for (const delay of [300, 1500, 3000, 6000]) {
      await writeFile(path.join(p.input, '2025/03/01.md'), newDigest);
      const child = spawn(process.execPath, ['--import', TSX, path.join(ROOT, 'pipeline/cli.ts'), '--quiet', '--no-cache'], {
        cwd: p.dir,
        stdio: 'ignore',
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await exited;
      const now = await treeHashes(p.output, ['report.json']).catch(() => ({}));
      const state = JSON.stringify(now) === JSON.stringify(previous) ? 'previous' : JSON.stringify(now) === JSON.stringify(next) ? 'new' : 'mixed';
      outcomes.push(state);
      expect(state).not.toBe('mixed');
      // The next run takes over the stale lock, cleans up and publishes; then back to the previous state.
      expect((await run(p, { noCache: true })).exitCode).toBe(0);
      expect(await treeHashes(p.output, ['report.json'])).toEqual(next);
      expect((await readdir(p.dir)).filter((n) => n.startsWith('.output.'))).toEqual([]);
      await rm(path.join(p.input, '2025/03/01.md'));
      expect((await run(p, { noCache: true })).exitCode).toBe(0);
    }
    console.info(`kill -9 outcomes by delay: ${outcomes.join(', ')}`);
    expect(outcomes).toContain('previous');
  }, 240_000);
});
