import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Dataset, Paper } from '../../../src/types.ts';
import { asFirstListed } from '../../../src/papers.ts';
import { paperStub } from '../../../pipeline/cache/lazy-paper.ts';
import { lazyPapers, papersOnWire } from '../../../pipeline/feeds/lazy-papers.ts';
import { datasetArtifacts } from '../../../pipeline/steps/enrich.ts';
import { digest } from '../../helpers/ops.ts';
import { ARCHIVE_CONFIG, archiveDigests, digestsDataset, loadFixture, makeContext, runFeeds, substringSearch, TEST_CONFIG } from '../../helpers/feeds-build.ts';
import { CORPUS, CORPUS_PRESENT, CORPUS_SKIP } from '../../helpers/corpus.ts';
import { corpusDataset } from '../../helpers/feeds-build.ts';

/** Every field a paper can have (src/types.ts `Paper`). */
const FIELDS = ['id', 'version', 'title', 'date', 'dates', 'votes', 'authors', 'authorsTruncated', 'summary', 'listings', 'first', 'thumbnail', 'media', 'links', 'source'] as const;

/** The papers of `dataset` as the feeds thread reads them: through papers.json's bytes. */
const lazy = (dataset: Dataset): Paper[] => lazyPapers(structuredClone(papersOnWire(dataset.papers, datasetArtifacts(dataset)[0].data)));

/**
 * The archive's digests plus a later one that lists the first paper of 2025-01-30 again with
 * other votes and another summary: a paper with `first`, `listings` and two dates.
 */
async function historyDataset(): Promise<Dataset> {
  const again = digest('2025-01-30', 1, 1)
    .replace('2025-01-30', '2025-03-05')
    .replace(/Vote: \d+/, 'Vote: 88')
    .replace(/\*\*\*What's New\*\*\*: [^\n]*/, "***What's New***: 다시 실린 요약입니다.");
  return digestsDataset(makeContext(), { ...archiveDigests(), '2025/03/05.md': again });
}

afterEach(() => vi.restoreAllMocks());

describe('lazyPapers', () => {
  it('gives every paper with the same fields and the same JSON, with and without a history', async () => {
    for (const dataset of [loadFixture(), await historyDataset()]) {
      const papers = lazy(dataset);
      expect(papers).toHaveLength(dataset.papers.length);
      papers.forEach((p, i) => {
        const full = dataset.papers[i]!;
        for (const field of FIELDS) expect(p[field], `${full.id} ${field}`).toEqual(full[field]);
        expect(JSON.stringify(p)).toBe(JSON.stringify(full));
        expect(JSON.stringify(asFirstListed(p))).toBe(JSON.stringify(asFirstListed(full)));
      });
    }
    const withHistory = (await historyDataset()).papers.filter((p) => p.first !== undefined || p.listings !== undefined);
    expect(withHistory.map((p) => p.dates)).toEqual([['2025-01-30', '2025-03-05']]);
  });

  it('parses a line only when a field outside the stub is read, once', async () => {
    const dataset = await historyDataset();
    const papers = lazy(dataset);
    const parse = vi.spyOn(JSON, 'parse');
    for (const p of papers) {
      void [p.id, p.title, p.date, p.dates, p.votes, p.source];
      // A paper without a history is shown as it is, unread (src/papers.ts asFirstListed).
      if (!paperStub(dataset.papers[papers.indexOf(p)]!).history) expect(asFirstListed(p)).toBe(p);
    }
    expect(parse).not.toHaveBeenCalled();
    const [one] = papers;
    void [one!.version, one!.summary, one!.links];
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('renders the same feeds and archives as the papers themselves', async () => {
    for (const [config, dataset] of [
      [TEST_CONFIG, loadFixture()],
      [ARCHIVE_CONFIG, await historyDataset()],
    ] as const) {
      const search = substringSearch(dataset);
      const expected = await runFeeds(makeContext(config), dataset, search);
      const got = await runFeeds(makeContext(config), { ...dataset, papers: lazy(dataset) }, search);
      expect(got.map((a) => a.path)).toEqual(expected.map((a) => a.path));
      got.forEach((a, i) => expect(a.data, a.path).toEqual(expected[i]!.data));
    }
  });

  it('fails, naming the papers, when papers.json does not hold the dataset in order', () => {
    const dataset = loadFixture();
    const json = datasetArtifacts(dataset)[0].data;
    const swapped = [dataset.papers[1]!, dataset.papers[0]!, ...dataset.papers.slice(2)];
    const papers = lazyPapers(papersOnWire(swapped, json));
    expect(() => papers[0]!.summary).toThrow(`the dataset's paper ${JSON.stringify(dataset.papers[1]!.id)} was read as ${JSON.stringify(dataset.papers[0]!.id)}`);
    expect(() => lazyPapers(papersOnWire([...dataset.papers, dataset.papers[0]!], json))).toThrow(/holds 7 papers, the dataset 8/);
    expect(() => lazyPapers(papersOnWire(dataset.papers.slice(1), json))).toThrow(/more papers than the dataset's 6/);
    expect(() => lazyPapers(papersOnWire(dataset.papers, [Buffer.from('[\n')]))).toThrow(/does not open/);
    expect(lazyPapers(papersOnWire([], datasetArtifacts({ papers: [], authors: [] })[0].data))).toEqual([]);
  });

  it.skipIf(!CORPUS_PRESENT)(`reads the real archive's papers as they are${CORPUS_SKIP}`, async () => {
    const dataset = await corpusDataset(makeContext(), CORPUS);
    const papers = lazy(dataset);
    papers.forEach((p, i) => {
      expect(JSON.stringify(p)).toBe(JSON.stringify(dataset.papers[i]));
      expect(paperStub(p)).toEqual(paperStub(dataset.papers[i]!));
    });
  }, 60_000);
});
