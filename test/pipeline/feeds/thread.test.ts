/**
 * The feeds thread: when a run uses it, and that it changes nothing a run publishes or reports:
 * the step's artifacts and diagnostics through the thread equal the feeds step's in this
 * thread, and whole runs with and without it (cold, warm with archives linked, warm with the
 * output folder gone) publish the same bytes.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/types.ts';
import { loadConfig } from '../../../pipeline/config/load.ts';
import { feedCacheVersions } from '../../../pipeline/cache/version.ts';
import { FEEDS_THREAD_BYTES, FeedsThread, feedsFromThread, useFeedsThread } from '../../../pipeline/feeds/thread.ts';
import type { Artifact } from '../../../pipeline/publish/artifact.ts';
import { relatedPapers } from '../../../pipeline/page/related.ts';
import { buildIndex } from '../../../src/search/index-builder.ts';
import { toSearchDocument } from '../../../src/search/options.ts';
import type { RunReport } from '../../../pipeline/report/report.ts';
import { runPipeline } from '../../../pipeline/run.ts';
import { datasetArtifacts } from '../../../pipeline/steps/enrich.ts';
import { feedsStep, savedQueries } from '../../../pipeline/steps/feeds.ts';
import { loadFixture, makeContext, substringSearch, type TestContext } from '../../helpers/feeds-build.ts';
import { captureLogger, digest, smallCorpus, treeHashes, useProjects, writeFiles, type Project } from '../../helpers/ops.ts';

describe('useFeedsThread', () => {
  it('is forced by a boolean', () => {
    expect(useFeedsThread(true, 0, 1)).toBe(true);
    expect(useFeedsThread(false, 1e9, 8)).toBe(false);
  });
  it('auto: two cores or more and at least FEEDS_THREAD_BYTES of input', () => {
    expect(useFeedsThread('auto', FEEDS_THREAD_BYTES, 2)).toBe(true);
    expect(useFeedsThread('auto', FEEDS_THREAD_BYTES - 1, 2)).toBe(false);
    expect(useFeedsThread('auto', 1e9, 1)).toBe(false);
  });
});

/** Text of an artifact's bytes. */
const text = (a: Artifact): string => (typeof a.data === 'string' ? a.data : Buffer.from(a.data).toString('utf8'));

/** Each file's messages as plain data, in order. */
function messagesOf(ctx: TestContext): unknown[] {
  return [...ctx.files].map(([file, vfile]) => [file, vfile.messages.map((m) => [m.ruleId, m.reason, m.line, m.column, m.fatal, m.source])]);
}

describe('FeedsThread', () => {
  it('renders what the feeds step renders, with its diagnostics', async () => {
    const fixture = loadFixture();
    // One paper with a date no calendar has: a positioned warning that must cross over.
    const dataset: Dataset = { ...fixture, papers: fixture.papers.map((p, i) => (i === 1 ? { ...p, date: '2024-13-40', dates: ['2024-13-40'] } : p)) };
    const search = substringSearch(dataset);
    const here = makeContext();
    const expected = await feedsStep(here, { dataset, search });

    const there = makeContext();
    const thread = new FeedsThread();
    try {
      thread.boot();
      thread.start({ config: there.config, cacheDir: null, versions: feedCacheVersions(), dataset, papersJson: datasetArtifacts(dataset)[0].data });
      thread.search(Object.fromEntries(savedQueries(there.config).map((q) => [q, search(q)])));
      const got = await feedsFromThread(there, { thread, link: () => false });
      expect(got.value.map((a) => a.path)).toEqual(expected.value.map((a) => a.path));
      got.value.forEach((a, i) => expect(text(a), a.path).toBe(text(expected.value[i]!)));
      expect(got.counts).toMatchObject(expected.counts);
      expect(messagesOf(there)).toEqual(messagesOf(here));
      expect(messagesOf(there).flat(3)).toEqual(expect.arrayContaining(['feed-invalid-date', 'feed-unknown-author']));
      expect(there.lines).toEqual(here.lines);
    } finally {
      await thread.close();
    }
  });

  it('reads the feed cache `load` named before `start`, and only when start names the same folder', async () => {
    const dataset = loadFixture();
    const search = substringSearch(dataset);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'feeds-load-'));
    /** One thread's feeds: `load` (folder, or none), then `start` with `cacheDir`; the feed cache written when asked. */
    const render = async (load: string | null | undefined, cacheDir: string | null, write = false) => {
      const ctx = makeContext();
      const thread = new FeedsThread();
      try {
        thread.boot();
        if (load !== undefined) thread.load(load, feedCacheVersions());
        thread.start({ config: ctx.config, cacheDir, versions: feedCacheVersions(), dataset, papersJson: datasetArtifacts(dataset)[0].data });
        thread.search(Object.fromEntries(savedQueries(ctx.config).map((q) => [q, search(q)])));
        const got = await feedsFromThread(ctx, { thread, link: () => false });
        if (write) await (await thread.stage())?.write();
        return { texts: got.value.map((a) => [a.path, text(a)]), counts: got.counts };
      } finally {
        await thread.close();
      }
    };
    try {
      const first = await render(undefined, dir, true);
      expect(first.counts.itemsCached).toBe(0);
      const loaded = await render(dir, dir);
      expect(loaded.counts.itemsCached).toBeGreaterThan(0);
      expect(loaded.counts.itemsBuilt).toBe(0);
      // A cache loaded for another folder is not the one start asks for.
      const other = await render(dir, null);
      expect(other.counts.itemsCached).toBe(0);
      expect(loaded.texts).toEqual(first.texts);
      expect(other.texts).toEqual(first.texts);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('computes the related papers of an index once: on the thread when it took them, else here, the same lists', async () => {
    const index = buildIndex(loadFixture().papers.map(toSearchDocument));
    const expected = relatedPapers(index);
    expect(expected.some((r) => r.length > 0)).toBe(true);
    const thread = new FeedsThread();
    try {
      thread.boot();
      // Taken at once, before the thread can have started: computed here.
      const now = await thread.related(index).take();
      expect(now).toEqual({ related: expected, onThread: false });
      // An idle, booted thread takes them as they come: computed there. (A round trip first:
      // the thread is up once it answers; this one it answers with an error, having no cache.)
      await thread.unused().catch(() => undefined);
      const later = thread.related(index);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(later.working()).toBe(true);
      expect(await later.take()).toEqual({ related: expected, onThread: true });
    } finally {
      await thread.close();
    }
    // A closed thread leaves them to this one.
    expect(await thread.related(index).take()).toEqual({ related: expected, onThread: false });
  });

  it('turns a failure in the thread into a rejection that says where it came from', async () => {
    const thread = new FeedsThread();
    try {
      thread.boot();
      // Asked for documents before it rendered any.
      await expect(thread.documents(['feed.xml'])).rejects.toThrow(/^feeds thread: /);
      await expect(thread.result()).rejects.toThrow(/not started/);
    } finally {
      await thread.close();
    }
    await expect(thread.unused()).rejects.toThrow(/closed/);
  });

  it('fails, and does not hang, when a request cannot be sent', async () => {
    const thread = new FeedsThread();
    try {
      thread.boot();
      const config = { ...makeContext().config, notData: () => 1 } as unknown as TestContext['config'];
      thread.start({ config, cacheDir: null, versions: feedCacheVersions(), dataset: { papers: [], authors: [] }, papersJson: [] });
      await expect(thread.result()).rejects.toThrow(/could not be cloned/);
      await expect(thread.stage()).rejects.toThrow(/could not be cloned/);
    } finally {
      await thread.close();
    }
  });
});

const CONFIG = `export default {
  site: { url: 'https://example.org/papers/', title: 'Thread test', language: 'ko' },
  feeds: {
    extra: [
      { name: 'diffusion', title: 'Diffusion', filter: { query: 'diffusion' } },
      { name: 'rl', title: 'RL', filter: { query: '강화학습' } },
      { name: 'nobody', title: 'Nobody', filter: { authors: ['No Such Person'] } },
    ],
  },
};
`;

describe('a run with the feeds thread', () => {
  const project = useProjects();

  async function run(p: Project, feedsThread: boolean): Promise<{ exitCode: number; report: RunReport }> {
    const config = await loadConfig({ cwd: p.dir });
    const { logger } = captureLogger();
    return runPipeline({ config, workers: 0, feedsThread, logger });
  }

  /** Two months, so that the first one is a complete archive the feed cache keeps. */
  const files = { ...smallCorpus(), '2025/04/01.md': digest('2025-04-01', 3, 6) };

  it('publishes the same bytes and diagnostics as a run without it: cold, warm, and warm without the output folder', async () => {
    const here = await project(files, CONFIG);
    const there = await project(files, CONFIG);
    const cold = [await run(here, false), await run(there, true)];
    expect(cold.map((r) => r.exitCode)).toEqual([0, 0]);
    expect(await treeHashes(there.output, ['report.json'])).toEqual(await treeHashes(here.output, ['report.json']));
    expect(cold[1]!.report.diagnostics).toEqual(cold[0]!.report.diagnostics);
    expect(cold[1]!.report.diagnostics.map((d) => d.ruleId)).toContain('feed-unknown-author');
    expect(cold[1]!.report.steps.find((s) => s.name === 'feeds')!.counts.threadMs).toBeGreaterThan(0);

    // A new digest: the complete month's archive comes from the thread's cache and is linked.
    for (const p of [here, there]) await writeFiles(p.input, { '2025/04/02.md': digest('2025-04-02', 2, 8) });
    const warm = [await run(here, false), await run(there, true)];
    expect(warm[1]!.report.steps.find((s) => s.name === 'feeds')!.counts.archivesCached).toBeGreaterThan(0);
    expect(warm[1]!.report.steps.find((s) => s.name === 'publish')!.counts.linked).toBeGreaterThan(0);
    expect(await treeHashes(there.output, ['report.json'])).toEqual(await treeHashes(here.output, ['report.json']));

    // No output folder to link from: the cached archive's bytes are fetched from the thread.
    await rm(there.output, { recursive: true });
    await writeFiles(there.input, { '2025/04/03.md': digest('2025-04-03', 1, 9) });
    await writeFiles(here.input, { '2025/04/03.md': digest('2025-04-03', 1, 9) });
    const gone = [await run(here, false), await run(there, true)];
    expect(gone.map((r) => r.exitCode)).toEqual([0, 0]);
    expect(gone[1]!.report.steps.find((s) => s.name === 'feeds')!.counts.archivesCached).toBeGreaterThan(0);
    expect(await treeHashes(there.output, ['report.json'])).toEqual(await treeHashes(here.output, ['report.json']));
    const archive = JSON.parse(await readFile(path.join(there.output, 'archive/2025-03.json'), 'utf8')) as { items: unknown[] };
    expect(archive.items.length).toBeGreaterThan(0);
  });
});
