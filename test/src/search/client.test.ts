import { describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import { AnalyzerMismatchError, expandIndex, loadSearchIndex, searchIndex } from '../../../src/search/client.ts';
import { indexOptions, toSearchDocument, VERSION_KEY } from '../../../src/search/options.ts';
import { buildIndex } from '../../../src/search/index-builder.ts';
import { indexJsonText } from '../../../src/search/index-json.ts';
import { DATASET, PAPERS, paper } from '../../helpers/search-fixtures.ts';
import { buildAuthorRecords } from '../../../src/authors.ts';

const json = indexJsonText(buildIndex(PAPERS.map(toSearchDocument)));
const client = loadSearchIndex(json);
const ids = (q: string, o = {}) => client.search(q, o).map((h) => h.id);

describe('client: loading', () => {
  it('loads the JSON text and the parsed object alike', () => {
    expect(client.size).toBe(PAPERS.length);
    expect(loadSearchIndex(JSON.parse(json)).search('diffusion').map((h) => h.id)).toEqual(ids('diffusion'));
  });

  it('loads pretty-printed JSON too (the fast text reader falls back to JSON.parse)', () => {
    const pretty = JSON.stringify(JSON.parse(json), null, 2);
    expect(loadSearchIndex(pretty).search('강화학습').map((h) => [h.id, h.score])).toEqual(client.search('강화학습').map((h) => [h.id, h.score]));
    const mismatched = pretty.replace(/"analyzerVersion": "[^"]*"/, '"analyzerVersion": "old"');
    expect(() => loadSearchIndex(mismatched)).toThrow(AnalyzerMismatchError);
  });

  it('refuses another analyzer version with a clear error', () => {
    const other = { ...JSON.parse(json), [VERSION_KEY]: 'something-else' };
    expect(() => loadSearchIndex(other)).toThrow(AnalyzerMismatchError);
    expect(() => loadSearchIndex(other)).toThrow(/analyzer version "something-else" does not match/);
    const { [VERSION_KEY]: _dropped, ...unversioned } = JSON.parse(json);
    expect(() => loadSearchIndex(unversioned)).toThrow(AnalyzerMismatchError);
    expect(() => loadSearchIndex(JSON.stringify(other))).toThrow(AnalyzerMismatchError);
    expect(() => loadSearchIndex(JSON.stringify(unversioned))).toThrow(AnalyzerMismatchError);
  });

  it('refuses what is not an index', () => {
    expect(() => loadSearchIndex({ hello: 1 })).toThrow(/not a MiniSearch index/);
    expect(() => loadSearchIndex('[]')).toThrow(/not a MiniSearch index/);
  });

  it('refuses a compact index whose terms are not [term, postings] pairs, as expandIndex does, instead of loading it empty', () => {
    for (const index of [{}, 'terms', null, [[1, 2]], [['term']]]) {
      const broken = { ...JSON.parse(json), index };
      expect(() => loadSearchIndex(broken), JSON.stringify(index)).toThrow(/not search-index\.json: its "index" is not an array/);
      expect(() => loadSearchIndex(JSON.stringify(broken)), JSON.stringify(index)).toThrow(/not search-index\.json/);
    }
    for (const index of [{}, 'terms', null]) expect(() => expandIndex({ ...JSON.parse(json), index }), JSON.stringify(index)).toThrow(/not search-index\.json/);
  });

  it('refuses an index whose documentIds do not name its documents (it would find nothing, silently)', () => {
    for (const documentIds of [{}, null, []]) {
      const broken = { ...JSON.parse(json), documentIds };
      expect(() => loadSearchIndex(broken), JSON.stringify(documentIds)).toThrow(/"documentIds" does not name its \d+ documents/);
      expect(() => loadSearchIndex(JSON.stringify(broken)), JSON.stringify(documentIds)).toThrow(/"documentIds" does not name its/);
    }
  });

  it('gives the same results as MiniSearch.loadJSON of the expanded index with the exported options', () => {
    const reference = MiniSearch.loadJSON(JSON.stringify(expandIndex(json)), indexOptions);
    // The expanded index loads through the client too (a parsed MiniSearch serialization).
    expect(loadSearchIndex(expandIndex(json)).search('강화학습').map((h) => [h.id, h.score])).toEqual(client.search('강화학습').map((h) => [h.id, h.score]));
    for (const q of ['diffusion', '강화학습', '모델을', 'Rame', 'reinforcment', 'lang', '언어 모델', 'gpt-4o보다', 'Yingcong Chen']) {
      const want = searchIndex(reference, q, { limit: 1000 });
      const got = client.search(q, { limit: 1000 });
      expect(got.map((h) => h.id), q).toEqual(want.map((r) => r.id));
      // Equal up to the order in which a prefix's terms are summed: MiniSearch's own loader
      // builds its term tree by insertion and walks siblings in another order than the
      // one-pass tree (last bits of a double).
      got.forEach((h, i) => expect(h.score, q).toBeCloseTo(want[i]!.score, 9));
    }
    // A named arXiv ID is moved first (and its score raised above the rest); plain MiniSearch ranks it first too.
    expect(reference.search('arXiv:2404.03715').map((r) => r.id)[0]).toBe('2404.03715');
  });
});

describe('client: queries', () => {
  it('returns results best first with id, score, title, date and votes', () => {
    const [hit] = client.search('reward shaping');
    expect(hit).toMatchObject({ id: '2401.00001', title: 'Reward Shaping for Reinforcement Learning Agents', date: '2024-01-10', votes: 120 });
    const scores = client.search('모델').map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('matches Korean particles both ways', () => {
    expect(ids('모델')).toContain('2401.00005');
    expect(ids('모델을')).toContain('2401.00005');
    expect(ids('휴대폰')).toEqual(['2401.00005']);
  });

  it('matches compounds with or without the space', () => {
    expect(ids('강화학습').slice(0, 2).sort()).toEqual(['2401.00001', '2401.00004']);
    expect(ids('강화 학습').slice(0, 2).sort()).toEqual(['2401.00001', '2401.00004']);
    expect(ids('언어 모델')[0]).toBe('2401.00002');
    expect(ids('언어모델')[0]).toBe('2401.00002');
  });

  it('finds authors without diacritics or hyphens', () => {
    expect(ids('Alexandre Rame')[0]).toBe('2401.00001');
    expect(ids('Jose Garcia')[0]).toBe('2401.00005');
    expect(ids('Yingcong Chen').slice(0, 2).sort()).toEqual(['2401.00002', '2401.00003']);
    expect(ids('Lukasz')).toEqual(['2401.00003']);
  });

  it('puts the paper an arXiv ID names first, in every form', () => {
    for (const q of ['2404.03715', 'arXiv:2404.03715', 'https://arxiv.org/abs/2404.03715v2', 'https://arxiv.org/pdf/2404.03715v1.pdf']) {
      expect(ids(q)[0], q).toBe('2404.03715');
    }
    expect(ids('hep-th/9901001')[0]).toBe('hep-th/9901001');
    expect(ids('offline policy 2404.03715')[0]).toBe('2404.03715');
  });

  it('tolerates one typo in a Latin word, not in Hangul', () => {
    expect(ids('reinforcment')[0]).toBe('2401.00001');
    expect(ids('difusion')[0]).toBe('2401.00003');
    expect(ids('휴재')).toEqual([]); // 휴대 with one syllable changed
  });

  it('finds a word typed with two adjacent letters swapped, as matching that word', () => {
    // `reinforcement` with `e` and `i` swapped: two edits for Levenshtein, one for Damerau.
    expect(client.search('rienforcement', { limit: 1 })[0]).toMatchObject({ id: '2401.00001', queryTerms: ['reinforcement'] });
    expect(ids('rienforcement learning', { match: 'all' })).toContain('2401.00001');
  });

  it('matches the last term as a prefix, and other Latin words of four letters or more', () => {
    expect(ids('speech recog')[0]).toBe('2401.00005');
    expect(ids('recog')).toEqual(['2401.00005']);
    expect(client.search('recog speech')[0]!.queryTerms).toEqual(['recog', 'speech']); // `recog` of five letters
    expect(client.search('rec speech')[0]!.queryTerms).toEqual(['speech']); // `rec` is too short: only speech matched
  });

  it('a Latin prefix finds longer words, but adds nothing where the paper holds the word itself', () => {
    // Both titles have four distinct tokens and hold `geometry`; only the first also has the
    // longer `geometryaware` (from Geometry-Aware), which must not add to its score.
    const docs = [
      paper('2501.00001', 'Geometry-Aware Surface', ['Surface maps.'], ['Ann Lee']),
      paper('2501.00002', 'Geometry Aware Surface Shape', ['Surface maps.'], ['Bo Kim']),
      paper('2501.00003', 'Qwen2-Audio Technical Report', ['Audio.'], ['Cy Park']),
    ];
    const small = loadSearchIndex(indexJsonText(buildIndex(docs.map(toSearchDocument))));
    const [a, b] = ['2501.00001', '2501.00002'].map((id) => small.search('geometry').find((h) => h.id === id)!.score);
    expect(a).toBeCloseTo(b!, 9);
    expect(small.search('qwen report')[0]!.id).toBe('2501.00003'); // `qwen` begins `qwen2`, though not the last word
  });

  it('with match "all", requires every word (compounds by syllable cover)', () => {
    expect(client.search('강화학습', { match: 'all' }).map((h) => h.id).sort()).toEqual(['2401.00001', '2401.00004']);
    expect(client.search('강화학습 로봇', { match: 'all' }).map((h) => h.id)).toEqual(['2401.00001']);
    expect(client.search('학습', { match: 'all' }).map((h) => h.id).sort()).toEqual(['2401.00002', '2401.00004'].concat(['2401.00001']).sort());
  });

  it('marks as partial exactly the papers that match "all" leaves out, and ranks them last', () => {
    for (const q of ['강화학습', '강화학습 로봇', '언어 모델', 'diffusion model', 'Yingcong Chen', '학습']) {
      const hits = client.search(q, { limit: 1000 });
      const complete = hits.filter((h) => !h.partial).map((h) => h.id);
      expect(complete.sort(), q).toEqual(ids(q, { match: 'all', limit: 1000 }).sort());
      const firstPartial = hits.findIndex((h) => h.partial);
      if (firstPartial >= 0) expect(hits.slice(firstPartial).every((h) => h.partial), q).toBe(true);
    }
    expect(client.search('강화학습').some((h) => h.partial)).toBe(true);
  });
});

describe('client: filters', () => {
  it('filters by date range', () => {
    expect(ids('모델', { from: '2024-03-01' }).sort()).toEqual(['2401.00003', '2401.00005']);
    expect(ids('모델', { to: '2024-02-28' })).toEqual(['2401.00002']);
    expect(ids('모델', { from: '2024-02-01', to: '2024-02-01' })).toEqual(['2401.00002']);
  });

  it('filters by minimum votes (unknown votes count as 0)', () => {
    expect(ids('강화학습', { minVotes: 100 })).toEqual(['2401.00001']);
    expect(ids('offline', { minVotes: 1 })).toEqual([]);
  });

  it('filters by author key, from the index or exactly from author records', () => {
    expect(ids('모델', { author: 'yingcong chen' }).sort()).toEqual(['2401.00002', '2401.00003']);
    expect(ids('optimization', { author: 'matthewl leavitt' })).toEqual(['2401.00004']);
    expect(ids('모델', { author: ['jose garcia', 'nobody here'] })).toEqual(['2401.00005']);
    const records = buildAuthorRecords(PAPERS, PAPERS.map((p) => p.authors.map((a) => a.name)));
    const exact = loadSearchIndex(json, { authors: records });
    expect(exact.search('모델', { author: 'yingcong chen' }).map((h) => h.id).sort()).toEqual(['2401.00002', '2401.00003']);
    // authors.json as parsed works as well as its array; anything else is a clear error.
    const whole = loadSearchIndex(json, { authors: JSON.parse(JSON.stringify({ authors: records })) });
    expect(whole.search('모델', { author: 'yingcong chen' }).map((h) => h.id).sort()).toEqual(['2401.00002', '2401.00003']);
    expect(() => loadSearchIndex(json, { authors: {} as never })).toThrow(/options.authors: expected authors.json/);
  });

  it('lists the papers the filters select, newest first, when the query has no words', () => {
    expect(ids('', { author: 'yingcong chen' })).toEqual(['2401.00003', '2401.00002']);
    expect(ids('  ', { minVotes: 30 })).toEqual(['2404.03715', '2401.00002', '2401.00001']);
    expect(ids('', { from: '2024-04-06' })).toEqual(['2401.00005', '2401.00004']);
    expect(ids('', { author: '   ' })).toEqual([]);
  });

  it('respects the limit', () => {
    expect(client.search('모델', { limit: 1 })).toHaveLength(1);
    expect(client.search('모델', { limit: 0 })).toEqual([]);
  });
});

describe('client: bad queries never throw', () => {
  const bad = ['', '   ', '?!.,;', '.*+?^${}()|[]\\', 'x'.repeat(10_000), '모델 '.repeat(3_000), '\u0000\u001b[2J', '\ud800\udc00\ud800', '((((', '*', 'AND OR NOT'];
  it.each(bad.map((b) => [JSON.stringify(b).slice(0, 30), b]))('%s', (_n, q) => {
    expect(() => client.search(q as string)).not.toThrow();
    expect(() => client.search(q as string, { match: 'all', author: q as string, from: q as string })).not.toThrow();
    expect(Array.isArray(client.search(q as string))).toBe(true);
  });

  it('returns nothing for empty and punctuation-only queries', () => {
    expect(client.search('')).toEqual([]);
    expect(client.search('.*+?^${}()|[]\\')).toEqual([]);
    expect(client.search(undefined as unknown as string)).toEqual([]);
  });
});

describe('client: packaging', () => {
  it('is importable as <package>/client and <package>/search-options', async () => {
    const mod = await import('daily-papers-feeds/client');
    const opts = await import('daily-papers-feeds/search-options');
    expect(mod.loadSearchIndex(json).search('diffusion')[0]!.id).toBe('2401.00003');
    expect(opts.indexOptions.fields).toEqual(['title', 'summary', 'authors', 'id']);
  });

  it('bundles for the browser without node: modules', async () => {
    const { build } = await import('esbuild');
    const out = await build({
      stdin: { contents: "export { loadSearchIndex } from 'daily-papers-feeds/client';", resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]!.text;
    expect(code).toContain('AnalyzerMismatchError');
    expect(code).not.toMatch(/from\s*["']node:|require\(["']node:/);
  });
});
