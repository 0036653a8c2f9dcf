import { describe, expect, it } from 'vitest';
import type { PageHit } from '../../../src/page/loader.ts';
import { effectiveSort, listHits, sortHits } from '../../../src/page/sort.ts';

const hit = (id: string, date: string, votes: number | null, partial = false): PageHit => ({ id, date, votes, shortId: 0, score: 1, title: id, terms: [], queryTerms: [], partial });

describe('effectiveSort', () => {
  it('defaults to relevance for a search and newest for browsing; browsing has no relevance', () => {
    expect(effectiveSort('', true)).toBe('relevance');
    expect(effectiveSort('', false)).toBe('newest');
    expect(effectiveSort('bogus', true)).toBe('relevance');
    expect(effectiveSort('votes', true)).toBe('votes');
    expect(effectiveSort('relevance', false)).toBe('newest');
  });
});

describe('sortHits', () => {
  const hits = [hit('a', '2024-01-01', 5), hit('b', '2024-03-01', null), hit('c', '2024-03-01', 9), hit('d', '2023-12-01', 5)];
  it('keeps the ranking for relevance', () => {
    expect(sortHits(hits, 'relevance').map((h) => h.id)).toEqual(['a', 'b', 'c', 'd']);
  });
  it('orders by date, newest first, ties in ranking order', () => {
    expect(sortHits(hits, 'newest').map((h) => h.id)).toEqual(['b', 'c', 'a', 'd']);
  });
  it('orders by votes, unknown last, ties in ranking order', () => {
    expect(sortHits(hits, 'votes').map((h) => h.id)).toEqual(['c', 'a', 'd', 'b']);
  });
  it('keeps papers with every query word before those with only some, in every order', () => {
    const mixed = [hit('all-old', '2023-01-01', 1), hit('some-new', '2025-01-01', 99, true), hit('all-new', '2024-01-01', 2)];
    expect(sortHits(mixed, 'newest').map((h) => h.id)).toEqual(['all-new', 'all-old', 'some-new']);
    expect(sortHits(mixed, 'votes').map((h) => h.id)).toEqual(['all-new', 'all-old', 'some-new']);
  });
});

describe('listHits', () => {
  const ranked = [hit('a', '2024-01-01', 5), hit('b', '2024-03-01', null), hit('c', '2025-03-01', 9), hit('d', '2025-06-01', 50, true)].map((h, i) => ({ ...h, shortId: i }));
  it('sorts every match before cutting: newest first lists the newest matches, not the newest of the most relevant', () => {
    expect(listHits(ranked, 'newest', 2).map((h) => h.id)).toEqual(['c', 'b']);
    expect(listHits(ranked, 'votes', 2).map((h) => h.id)).toEqual(['c', 'a']);
    expect(listHits(ranked, 'relevance', 2).map((h) => h.id)).toEqual(['a', 'b']);
  });
  it('keeps only the papers of an author filter, then sorts and cuts', () => {
    expect(listHits(ranked, 'newest', 10, new Set([0, 3])).map((h) => h.id)).toEqual(['a', 'd']);
  });
});
