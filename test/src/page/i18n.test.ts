import { describe, expect, it } from 'vitest';
import { localeOf, messagesFor } from '../../../src/page/i18n.ts';

describe('localeOf', () => {
  it('speaks English for en tags and Korean otherwise (the default)', () => {
    expect(localeOf('en')).toBe('en');
    expect(localeOf('en-GB')).toBe('en');
    expect(localeOf('ko')).toBe('ko');
    expect(localeOf('ko-KR')).toBe('ko');
    expect(localeOf('')).toBe('ko');
    expect(localeOf('ja')).toBe('ko');
  });
});

describe('Korean texts', () => {
  const t = messagesFor('ko');
  it('formats numbers one way and describes filters', () => {
    expect(t.papers(5487)).toBe('논문 5,487편');
    expect(t.browseStatus({}, 5487)).toBe('최신 논문. 논문 5,487편에서 검색할 수 있습니다.');
    expect(t.describeFilters({ from: '2024-01-01', minVotes: 1000, author: 'Minji Kang' })).toBe(' (2024-01-01부터, 추천 1,000 이상, 저자 Minji Kang)');
  });
  it('counts results and votes', () => {
    expect(t.searchStatus('강화학습', {}, 1234, 0, false, 12)).toBe('“강화학습” 검색 결과 1,234건 (12ms).');
    expect(t.searchStatus('강화학습', {}, 500, 0, true, 3)).toBe('“강화학습” 검색 결과 500+건 (3ms).');
    expect(t.searchStatus('x', { minVotes: 5 }, 0, 0, false, 3)).toBe('“x”에 대한 결과가 없습니다 (추천 5 이상).');
  });
  it('counts the papers with every word apart from those with only some, the cap on the last count', () => {
    expect(t.searchStatus('강화학습', {}, 1, 8, false, 12)).toBe('“강화학습” 검색 결과 1건, 검색어의 일부만 담은 논문 8건 더 (12ms).');
    expect(t.searchStatus('언어 모델', {}, 120, 380, true, 9)).toBe('“언어 모델” 검색 결과 120건, 검색어의 일부만 담은 논문 380+건 더 (9ms).');
    expect(t.searchStatus('a b', { minVotes: 5 }, 0, 3, false, 4)).toBe('“a b”를 모두 담은 논문은 없고, 일부만 담은 논문 3건 (추천 5 이상) (4ms).');
    expect(t.votes(1)).toBe('▲ 추천 1');
    expect(t.votes(null)).toBe('추천 수 모름');
  });
});

describe('English texts', () => {
  const t = messagesFor('en');
  it('agrees in number and groups digits like the footer', () => {
    expect(t.votes(1)).toBe('▲ 1 vote');
    expect(t.votes(24)).toBe('▲ 24 votes');
    expect(t.votes(0)).toBe('▲ 0 votes');
    expect(t.papers(1)).toBe('1 paper');
    expect(t.papers(5487)).toBe('5,487 papers');
    expect(t.searchStatus('moe', { minVotes: 5 }, 1, 0, false, 12)).toBe('1 result for “moe” (≥ 5 votes) (12 ms).');
    expect(t.searchStatus('moe', {}, 500, 0, true, 3)).toBe('500+ results for “moe” (3 ms).');
    expect(t.searchStatus('moe', {}, 0, 0, false, 3)).toBe('No results for “moe”.');
    expect(t.searchStatus('dahua lin', {}, 1, 499, true, 7)).toBe('1 result for “dahua lin”, 499+ more with only part of it (7 ms).');
    expect(t.searchStatus('a b', {}, 0, 1, false, 2)).toBe('No paper has all of “a b”; 1 paper has part of it (2 ms).');
    expect(t.browseStatus({}, 12345)).toBe('Latest papers. Type to search 12,345 papers.');
    expect(t.authorChip('Ying-Cong Chen', 1)).toBe('Author: Ying-Cong Chen · 1 paper');
  });
});

describe('both languages', () => {
  it('have every text, and different ones', () => {
    const ko = messagesFor('ko') as unknown as Record<string, unknown>;
    const en = messagesFor('en') as unknown as Record<string, unknown>;
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(ko)) {
      if (typeof v !== 'string' || k === 'locale') continue;
      expect(v, k).not.toBe('');
      if (!['source'].includes(k)) expect(v, k).not.toBe(en[k]);
    }
  });
});
