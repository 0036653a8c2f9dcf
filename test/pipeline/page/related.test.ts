import { describe, expect, it } from 'vitest';
import { RELATED_COUNT, relatedPapers } from '../../../pipeline/page/related.ts';
import { buildIndex } from '../../../src/search/index-builder.ts';
import type { SearchDocument } from '../../../src/search/options.ts';
import { ENGLISH, fixtureDataset, MATH } from '../../fixtures/page/dataset.ts';
import { toSearchDocument } from '../../../src/search/options.ts';

const doc = (id: string, title: string, summary: string, authors = ''): SearchDocument => ({ id, title, summary, authors, date: '2024-01-01', votes: 1 });

describe('relatedPapers', () => {
  it('links papers that share rare title and summary terms, most similar first', () => {
    const docs = [
      doc('a', 'Protein folding with graph networks', '단백질 접힘 예측 그래프'),
      doc('b', 'Graph networks for protein folding at scale', '단백질 접힘 대규모 그래프'),
      doc('c', 'Protein design', '단백질 설계'),
      doc('d', 'Video generation', '비디오 생성'),
      doc('e', 'Video diffusion', '비디오 확산'),
      doc('f', 'Speech recognition', '음성 인식'),
      ...Array.from({ length: 30 }, (_, i) => doc(`x${i}`, `Filler ${i} topic${i}`, `채움 ${i}`)),
    ];
    const related = relatedPapers(buildIndex(docs));
    expect(related[0]![0]).toBe(1); // a -> b
    expect(related[1]![0]).toBe(0); // b -> a
    expect(related[0]).toContain(2); // a -> c (protein)
    expect(related[0]).not.toContain(3);
    expect(related[3]).toEqual([4]); // video
    expect(related[5]).toEqual([]); // nothing shared
    for (const [s, r] of related.entries()) {
      expect(r.length).toBeLessThanOrEqual(RELATED_COUNT);
      expect(r).not.toContain(s);
    }
  });

  it('ignores authors: the same people on unrelated papers do not link them', () => {
    const docs = [
      doc('a', 'Quantum chemistry', '양자 화학', 'Minji Kang\nAlice Moreau'),
      doc('b', 'Robot grasping', '로봇 파지', 'Minji Kang\nAlice Moreau'),
      ...Array.from({ length: 20 }, (_, i) => doc(`x${i}`, `Filler ${i}`, `채움 ${i}`)),
    ];
    expect(relatedPapers(buildIndex(docs))[0]).toEqual([]);
  });

  it('links a small archive by topic: a word in a fifth of its papers is not a stop word', () => {
    // Regression (a fresh user's first archive): 30 papers, 5 topics of 6; each topic's papers
    // share its Korean word and nothing else, so each must relate to its own topic only.
    const topics = ['강화학습', '확산모델', '음성합성', '코드생성', '단백질접힘'];
    const docs = topics.flatMap((topic, t) =>
      Array.from({ length: 6 }, (_, i) => doc(`${t}-${i}`, `Paper ${t * 6 + i} name${t}x${i}`, `${topic} 분야의 방법 ${t * 6 + i}번을 제안합니다. 고유어${t}z${i}`)),
    );
    const related = relatedPapers(buildIndex(docs));
    related.forEach((r, s) => {
      expect(r.length, `paper ${s}`).toBeGreaterThan(0);
      for (const o of r) expect(Math.floor(o / 6), `paper ${s} -> ${o}`).toBe(Math.floor(s / 6));
    });
  });

  it('is deterministic and finds the fixture pair', () => {
    const papers = fixtureDataset().papers;
    const index = buildIndex(papers.map(toSearchDocument));
    const related = relatedPapers(index);
    expect(relatedPapers(index)).toEqual(related);
    const short = (id: string) => papers.findIndex((p) => p.id === id);
    expect(related[short(MATH.id)]![0]).toBe(short(ENGLISH.id));
  });

  it('handles empty and one-document indexes', () => {
    expect(relatedPapers(buildIndex([]))).toEqual([]);
    expect(relatedPapers(buildIndex([doc('a', 'x', 'y')]))).toEqual([[]]);
  });
});
