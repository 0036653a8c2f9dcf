import { describe, expect, it } from 'vitest';
import { RESULT_LIMIT } from '../../../src/search/options.ts';
import { browseStatus, describeFilters, markRuns, safeUrl, searchStatus } from '../../../src/page/render.ts';

describe('markRuns', () => {
  it('marks the words (a joined word as a whole) whose analyzed terms include a query term, keeping the text whole', () => {
    const text = 'Diffusion models, diffusion-free: not Transformers.';
    const runs = markRuns(text, new Set(['diffusion']));
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.filter((r) => r.marked).map((r) => r.text)).toEqual(['Diffusion', 'diffusion-free']);
  });

  it('gives one unmarked run without terms', () => {
    expect(markRuns('abc', new Set())).toEqual([{ text: 'abc', marked: false }]);
  });
});

describe('safeUrl', () => {
  const base = 'https://example.org/papers/';
  it('resolves http(s) URLs against the page', () => {
    expect(safeUrl('https://arxiv.org/abs/2404.01001', base)).toBe('https://arxiv.org/abs/2404.01001');
    expect(safeUrl('thumb.png', base)).toBe('https://example.org/papers/thumb.png');
  });
  it('refuses other schemes and empty values', () => {
    expect(safeUrl('javascript:alert(1)', base)).toBeNull();
    expect(safeUrl('data:image/png;base64,AAAA', base)).toBeNull();
    expect(safeUrl('', base)).toBeNull();
    expect(safeUrl(null, base)).toBeNull();
  });
});

describe('status texts', () => {
  it('describes filters', () => {
    expect(describeFilters({})).toBe('');
    expect(describeFilters({ from: '2024-01-01', to: '2024-02-01', minVotes: 0 })).toBe(' (from 2024-01-01, to 2024-02-01, ≥ 0 votes)');
  });

  it('counts results, capping at RESULT_LIMIT', () => {
    expect(searchStatus('moe', {}, 0, 12)).toBe('No results for “moe”.');
    expect(searchStatus('moe', { minVotes: 5 }, 1, 12)).toBe('1 result for “moe” (≥ 5 votes) (12 ms).');
    expect(searchStatus('moe', {}, RESULT_LIMIT, 3)).toBe(`${RESULT_LIMIT}+ results for “moe” (3 ms).`);
    expect(browseStatus({}, 12345)).toBe('Latest papers. Type to search 12,345 papers.');
  });
});
