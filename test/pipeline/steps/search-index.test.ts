import { describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import { indexStep, SEARCH_INDEX_PATH } from '../../../pipeline/steps/search-index.ts';
import { createStepContext, type StepContext } from '../../../pipeline/context.ts';
import { ANALYZER_VERSION, indexOptions, VERSION_KEY } from '../../../src/search/options.ts';
import { expandIndex, loadSearchIndex } from '../../../src/search/client.ts';
import { COMPACT_SERIALIZATION } from '../../../src/search/internals.ts';
import { DATASET, PAPERS, paper } from '../../helpers/search-fixtures.ts';

function context(): { ctx: StepContext; lines: string[] } {
  const lines: string[] = [];
  const { ctx } = createStepContext({ config: {} as StepContext['config'], logger: { info: (m) => lines.push(m), progress: () => {}, warn: () => {} } });
  return { ctx, lines };
}

const text = (data: string | Uint8Array) => (typeof data === 'string' ? data : new TextDecoder().decode(data));

const result = (await indexStep(context().ctx, DATASET)).value;
const artifact = result.artifacts.find((a) => a.path === SEARCH_INDEX_PATH)!;
const json = text(artifact.data);

describe('indexStep', () => {
  it('publishes search-index.json that MiniSearch.loadJS loads, expanded, with the exported options', () => {
    expect(result.artifacts.map((a) => a.path)).toEqual(['search-index.json']);
    const ms = MiniSearch.loadJS(expandIndex(json), indexOptions);
    expect(ms.documentCount).toBe(PAPERS.length);
    expect(ms.search('강화학습').map((r) => r.id)).toContain('2401.00001');
  });

  it('carries the analyzer version as a top-level key and stores only title, date and votes', () => {
    const js = JSON.parse(json);
    expect(js[VERSION_KEY]).toBe(ANALYZER_VERSION);
    expect(Object.keys(js)[0]).toBe(VERSION_KEY);
    expect(js.serializationVersion).toBe(COMPACT_SERIALIZATION);
    const stored = Object.values(js.storedFields) as Record<string, unknown>[];
    for (const s of stored) expect(Object.keys(s).sort()).toEqual(expect.arrayContaining(['date', 'title']));
    for (const s of stored) expect(Object.keys(s).every((k) => ['title', 'date', 'votes'].includes(k))).toBe(true);
  });

  it('writes terms in sorted order and the same bytes for the same papers in any order', async () => {
    const terms = (JSON.parse(json).index as [string, unknown][]).map((e) => e[0]);
    expect(terms).toEqual([...terms].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const again = text((await indexStep(context().ctx, { papers: [...PAPERS], authors: [] })).value.artifacts[0]!.data);
    expect(again).toBe(json);
  });

  it('search() returns ids of papers matching every word, best first', () => {
    expect(result.search('강화학습').sort()).toEqual(['2401.00001', '2401.00004']);
    expect(result.search('강화학습 로봇')).toEqual(['2401.00001']);
    expect(result.search('diffusion')).toEqual(['2401.00003']);
    expect(result.search('')).toEqual([]);
    expect(result.search('***')).toEqual([]);
  });

  it('indexes a repeated paper id once and says so', async () => {
    const { ctx: c, lines } = context();
    const dup = (await indexStep(c, { papers: [...PAPERS, paper('2401.00001', 'Again', [], [])], authors: [] })).value;
    expect(loadSearchIndex(text(dup.artifacts[0]!.data)).size).toBe(PAPERS.length);
    expect(lines.join('\n')).toMatch(/1 duplicate paper id/);
  });

  it('handles an empty dataset', async () => {
    const empty = (await indexStep(context().ctx, { papers: [], authors: [] })).value;
    const client = loadSearchIndex(text(empty.artifacts[0]!.data));
    expect(client.size).toBe(0);
    expect(client.search('모델')).toEqual([]);
  });
});
