/** The feeds' words: Korean unless the site language is English, the site's own text kept. */
import { describe, expect, it } from 'vitest';
import { feedWords } from '../../src/feed-words.ts';

describe('feedWords', () => {
  it('speaks English for en… tags and Korean for every other tag, as the page does', () => {
    expect(['en', 'en-US', 'EN-gb', 'ko', 'ko-KR', 'ja', 'fr'].map((l) => feedWords(l).locale)).toEqual(['en', 'en', 'en', 'ko', 'ko', 'ko', 'ko']);
  });
  it('builds the built-in feeds from the site title and description', () => {
    expect(feedWords('ko').dailyFeed('DP', 'Desc.')).toEqual({ title: 'DP: 날짜별 모음', description: 'Desc. 하루에 한 항목.' });
    expect(feedWords('en').dailyFeed('DP', '')).toEqual({ title: 'DP: daily digest', description: 'One entry per day.' });
    expect(feedWords('ko').archiveFeed('DP', '2024-07', false)).toEqual({ title: 'DP: 2024년 7월 보관함', description: '2024년 7월에 처음 실린 논문 (이번 달: 계속 추가됨).' });
    expect(feedWords('en').archiveFeed('DP', '2024-07', true).description).toBe('Papers first listed in 2024-07.');
  });
  it('describes a filter by every condition it has, or not at all', () => {
    expect(feedWords('ko').filter({ minVotes: 5, authors: ['a-b', 'c-d'], query: 'moe' })).toBe('추천 5개 이상, 저자 a-b, c-d, 검색어 "moe" 조건에 맞는 논문.');
    expect(feedWords('en').filter({ minVotes: 5, authors: ['a-b'] })).toBe('Papers with at least 5 votes, by a-b.');
    expect(feedWords('ko').filter({})).toBeNull();
    expect(feedWords('en').filter({ authors: [] })).toBeNull();
  });
});
