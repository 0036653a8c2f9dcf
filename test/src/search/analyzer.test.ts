import { describe, expect, it } from 'vitest';
import {
  analyzeQuery,
  ANALYZER_VERSION,
  extractArxivIds,
  koreanStem,
  processTerm,
  queryTerms,
  tokenize,
  unitSatisfied,
} from '../../../src/search/analyzer.ts';

/** What MiniSearch indexes for a text: tokenize, then processTerm. */
const terms = (text: string, field?: string) =>
  tokenize(text, field)
    .map((t) => processTerm(t, field))
    .filter((t): t is string => !!t);

describe('analyzer: Korean', () => {
  it('removes particles: 모델이 / 모델을 / 모델의 index as 모델, and a query for 모델을 is 모델', () => {
    expect(terms('모델이 모델을 모델의 모델은')).toEqual(['모델', '모델', '모델', '모델']);
    expect(queryTerms('모델을')).toEqual(['모델']);
  });

  it('keeps a two-syllable word whole even when it ends like a particle', () => {
    expect(terms('차이')).toEqual(['차이']);
    expect(terms('평가')).toEqual(['평가']);
  });

  it('removes verb endings', () => {
    expect(koreanStem('제공합니다')).toBe('제공');
    expect(koreanStem('효율적인')).toBe('효율');
    expect(koreanStem('개선되었으며')).toBe('개선');
  });

  it('indexes a compound with and without its space so that each query form matches the other', () => {
    const joined = new Set(terms('언어모델을 사용'));
    const spaced = new Set(terms('언어 모델을 사용'));
    // query "언어 모델" against the compound, and query "언어모델" against the spaced form
    for (const u of analyzeQuery('언어 모델')) expect(unitSatisfied(u, joined)).toBe(true);
    for (const u of analyzeQuery('언어모델')) expect(unitSatisfied(u, spaced)).toBe(true);
    for (const u of analyzeQuery('강화학습')) expect(unitSatisfied(u, new Set(terms('강화 학습을')))).toBe(true);
    for (const u of analyzeQuery('강화 학습')) expect(unitSatisfied(u, new Set(terms('강화학습')))).toBe(true);
  });

  it('does not count a compound as matched when only part of it is present', () => {
    const [unit] = analyzeQuery('강화학습');
    expect(unitSatisfied(unit!, new Set(terms('지도 학습')))).toBe(false);
  });

  it('splits where Hangul meets Latin and drops a particle left alone: GPT-4o보다, LLM을', () => {
    expect(terms('GPT-4o보다 LLM을')).toEqual(['gpt', '4o', 'gpt4o', 'llm']);
  });

  it('drops function words', () => {
    expect(terms('및 등 수 통해')).toEqual([]);
  });
});

describe('analyzer: English and names', () => {
  it('folds case and drops English function words', () => {
    expect(terms('The Diffusion of TRANSFORMERS')).toEqual(['diffusion', 'transformers']);
  });

  it('removes diacritics and special letters: Ramé -> rame, Łukasz -> lukasz, García -> garcia', () => {
    expect(terms('Alexandre Ramé, Łukasz Nowak, José García')).toEqual(['alexandre', 'rame', 'lukasz', 'nowak', 'jose', 'garcia']);
  });

  it('keeps the parts and the joined form of a hyphenated name: Ying-Cong -> ying, cong, yingcong', () => {
    expect(terms('Ying-Cong Chen')).toEqual(['ying', 'cong', 'yingcong', 'chen']);
    expect(terms('Yingcong Chen')).toEqual(['yingcong', 'chen']);
  });

  it('joins several given names in the authors field, as author keys do', () => {
    expect(terms('Matthew L. Leavitt', 'authors')).toContain('matthewl');
    expect(terms('Matthew L. Leavitt')).not.toContain('matthewl');
  });

  it('does not join numeric ranges', () => {
    expect(terms('2-8')).toEqual(['2', '8']);
  });
});

describe('analyzer: arXiv IDs', () => {
  const forms = [
    '2404.03715',
    'arXiv:2404.03715',
    'arxiv: 2404.03715v3',
    'https://arxiv.org/abs/2404.03715v2',
    'https://arxiv.org/pdf/2404.03715',
    'https://arxiv.org/pdf/2404.03715v1.pdf',
    'http://export.arxiv.org/abs/2404.03715',
  ];
  it.each(forms)('%s is the single term 2404.03715', (form) => {
    expect(queryTerms(form)).toEqual(['2404.03715']);
    expect(extractArxivIds(form)).toEqual(['2404.03715']);
  });

  it('handles old-style IDs and keeps the id field whole', () => {
    expect(extractArxivIds('see hep-th/9901001v2')).toEqual(['hep-th/9901001']);
    expect(terms('hep-th/9901001', 'id')).toEqual(['hep-th/9901001']);
    expect(terms('2404.03715', 'id')).toEqual(['2404.03715']);
  });

  it('does not take a decimal number for an ID', () => {
    expect(extractArxivIds('accuracy 2.04 and 12345.67890')).toEqual([]);
  });
});

describe('analyzer: bad input never throws', () => {
  const bad: unknown[] = [
    '',
    '   ',
    '.,;:!?-—…',
    '.*+?^${}()|[]\\/',
    'a'.repeat(10_000),
    '모델 '.repeat(5_000),
    '\u0000\u0007\u001b[31m\u007f',
    '\ud800abc\udfff',
    '\ufeff\u200b\u202e',
    null,
    undefined,
    42,
  ];
  it.each(bad.map((b) => [JSON.stringify(b)?.slice(0, 40) ?? String(b), b]))('%s', (_name, input) => {
    expect(() => tokenize(input as string)).not.toThrow();
    expect(() => queryTerms(input as string)).not.toThrow();
    expect(() => analyzeQuery(input as string)).not.toThrow();
    for (const t of queryTerms(input as string)) expect(t.length).toBeLessThanOrEqual(48);
  });

  it('gives no terms for punctuation, control characters and lone surrogates', () => {
    expect(queryTerms('.*+?^${}()|[]\\')).toEqual([]);
    expect(queryTerms('\u0000\u0007')).toEqual([]);
    expect(queryTerms('\ud800')).toEqual([]);
  });

  it('caps the number of query terms', () => {
    expect(queryTerms('word '.repeat(1000)).length).toBeLessThanOrEqual(32);
  });

  it('has a version', () => {
    expect(ANALYZER_VERSION).toMatch(/\S/);
  });
});
