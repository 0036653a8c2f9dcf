import { describe, expect, it } from 'vitest';
import { activeFilters, EMPTY_STATE, filtersOf, parseState, stateUrl, type PageState } from '../../../src/page/url-state.ts';

const empty: PageState = EMPTY_STATE;

describe('parseState', () => {
  it('reads q, from, to and votes, decoded; missing keys are empty', () => {
    expect(parseState('?q=%EA%B0%95%ED%99%94+learning&votes=5&x=1')).toEqual({ ...empty, q: '강화 learning', votes: '5' });
    expect(parseState('?sort=votes&author=minji-kang')).toEqual({ ...empty, sort: 'votes', author: 'minji-kang' });
    expect(parseState('?id=2404.03715')).toEqual({ ...empty, id: '2404.03715' });
    expect(parseState('')).toEqual(empty);
    expect(parseState('from=2024-01-01&to=2024-02-01')).toEqual({ ...empty, from: '2024-01-01', to: '2024-02-01' });
  });
});

describe('stateUrl', () => {
  it('writes the non-empty values in a fixed order under the page path', () => {
    expect(stateUrl({ ...empty, q: 'a&b', from: '2024-01-01', votes: '3', sort: 'newest', author: 'k' }, '/papers/')).toBe(
      '/papers/?q=a%26b&from=2024-01-01&votes=3&sort=newest&author=k',
    );
  });

  it('writes a paper page as its id alone', () => {
    expect(stateUrl({ ...empty, q: 'x', id: '2404.03715' }, '/p/')).toBe('/p/?id=2404.03715');
  });

  it('leaves out a blank query and the `?` when nothing is left', () => {
    expect(stateUrl({ ...empty, q: '   ' }, '/papers/')).toBe('/papers/');
    expect(stateUrl({ ...empty, q: '  x ' }, '/')).toBe('/?q=++x+');
  });

  it('round-trips through parseState', () => {
    const s: PageState = { ...empty, q: 'diffusion “모델”', from: '2023-12-01', to: '2024-06-01', votes: '10', sort: 'votes', author: 'ying-cong chen' };
    const url = stateUrl(s, '/p/');
    expect(parseState(url.slice(url.indexOf('?')))).toEqual(s);
  });
});

describe('filtersOf', () => {
  it('keeps YYYY-MM-DD dates and a positive vote minimum', () => {
    expect(filtersOf({ ...empty, q: 'x', from: '2024-01-01', to: '2024-02-29', votes: '7' })).toEqual({ from: '2024-01-01', to: '2024-02-29', minVotes: 7 });
  });

  it('drops anything else: partial dates, zero, negative or non-numeric votes', () => {
    expect(filtersOf({ ...empty, from: '2024-1-1', to: 'soon', votes: '0' })).toEqual({});
    expect(filtersOf({ ...empty, votes: '-3' })).toEqual({});
    expect(filtersOf({ ...empty, votes: 'many' })).toEqual({});
    expect(filtersOf({ ...empty, votes: '12abc' })).toEqual({ minVotes: 12 });
  });
});

describe('activeFilters', () => {
  it('counts the dates, the vote minimum and the author that apply', () => {
    expect(activeFilters({ ...empty, q: 'x', sort: 'votes' })).toBe(0);
    expect(activeFilters({ ...empty, from: '2024-01-01', votes: '0', author: 'k' })).toBe(2);
  });
});
