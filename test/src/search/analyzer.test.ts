import { describe, expect, it } from 'vitest';
import {
  analyzeQuery,
  ANALYZER_VERSION,
  extractArxivIds,
  isLeftOut,
  koreanStem,
  nameTerm,
  processTerm,
  queryTerms,
  tokenize,
  WORD_MARK,
  wordTerm,
} from '../../../src/search/analyzer.ts';

/** What MiniSearch indexes for a text: tokenize, then processTerm. */
const terms = (text: string, field?: string) =>
  tokenize(text, field)
    .map((t) => processTerm(t, field))
    .filter((t): t is string => !!t);

describe('analyzer: Korean', () => {
  it('indexes a word as written and its stem: 모델이 / 모델을 -> the forms and 모델; a query for 모델을 searches both', () => {
    expect(terms('모델이 모델을 모델')).toEqual(['모델이', '모델', '모델=', '모델을', '모델', '모델=', '모델', '모델=']);
    expect(queryTerms('모델을')).toEqual(['모델을', '모델', '모델=']);
  });

  it('keeps a two-syllable word whole even when it ends like a particle, and marks it a word of its own', () => {
    expect(terms('차이')).toEqual(['차이', '차이=']);
    expect(terms('평가')).toEqual(['평가', '평가=']);
    // Inside a longer stem, the same syllables are only a bigram.
    expect(terms('평가자를')).not.toContain('평가=');
  });

  it('removes verb endings', () => {
    expect(koreanStem('제공합니다')).toBe('제공');
    expect(koreanStem('효율적인')).toBe('효율');
    expect(koreanStem('개선되었으며')).toBe('개선');
  });

  it('indexes a longer stem as its bigrams, a bare word as its word term instead of its form', () => {
    expect(terms('언어모델을')).toEqual(['언어모델을', '언어', '어모', '모델']);
    expect(terms('언어모델')).toEqual(['언어', '어모', '모델', '언어모델=']);
    expect(wordTerm('언어모델', '언어모델')).toBe(`언어모델${WORD_MARK}`);
    expect(wordTerm('언어모델을', '언어모델')).toBeNull();
    expect(wordTerm('수', '수')).toBeNull();
    // The mark typed is not part of a word: the tokenizer splits at it.
    expect(queryTerms(`언어모델${WORD_MARK}`)).toEqual(queryTerms('언어모델'));
  });

  it('joins a bare noun and the next noun with their junction bigram: 강화 학습을 -> 화학', () => {
    expect(terms('강화 학습을')).toEqual(['강화', '강화=', '학습을', '학습', '학습=', '화학']);
    // not after a word with a particle or ending, nor before a verb form, nor across lines or punctuation
    expect(terms('모델을 학습')).not.toContain('을학');
    expect(terms('모델을 학습')).not.toContain('델학');
    expect(terms('모델 학습합니다')).not.toContain('델학');
    expect(terms('모델\n학습')).not.toContain('델학');
    expect(terms('모델, 학습')).not.toContain('델학');
  });

  it('splits where Hangul meets Latin; a particle split off is its word term (two syllables or more) or nothing', () => {
    expect(terms('GPT-4o보다 LLM을')).toEqual(['gpt', '4o', 'gpt4o', '보다=', 'llm']);
    expect(terms('Tokenizer)로서 소개')).toEqual(['tokenizer', '로서=', '소개', '소개=']);
  });

  it('makes a particle typed apart a query word, and ignores one glued to the word before it', () => {
    const words = (q: string) => analyzeQuery(q).map((w) => w.terms);
    expect(words('로서 동력을')).toEqual([['로서='], ['동력']]);
    expect(words('LLM에서 동력')).toEqual([['llm'], ['동력']]);
    expect(words('LLM을')).toEqual([['llm']]);
    // Whitespace between two Hangul words is not a boundary: their junction stays.
    expect(analyzeQuery('강화 학습')[1]!.junction).toBe('화학');
  });

  it('keeps function words only as the word terms of those of two syllables or more', () => {
    expect(terms('및 등 수 통해 위하여')).toEqual(['통해=', '위하여=']);
    expect(analyzeQuery('위하여 확장함으로써').map((w) => w.terms[0])).toEqual(['위하여=', '확장']);
  });
});

describe('analyzer: query words', () => {
  it('gives each Hangul word its form, stem, bigrams and junction, and marks quoted phrases', () => {
    const words = analyzeQuery('언어모델을 "강화 학습" test');
    expect(words.map((w) => [w.kind, w.surface ?? w.raw, w.stem ?? null, w.junction ?? null, w.phrase])).toEqual([
      ['hangul', '언어모델을', '언어모델', null, -1],
      ['hangul', '강화', '강화', null, 0],
      ['hangul', '학습', '학습', '화학', 0],
      ['term', 'test', null, null, -1],
    ]);
    expect(words[0]!.terms).toEqual(['언어', '어모', '모델']);
  });

  it('ignores an unpaired quote', () => {
    expect(analyzeQuery('"강화 학습').map((w) => w.phrase)).toEqual([-1, -1]);
  });
});

describe('analyzer: index rules', () => {
  it('name terms: the author key with _ for its space, for every spelling of the key', () => {
    expect(nameTerm('Heng Ji')).toBe('heng_ji');
    expect(nameTerm('HÉNG JI')).toBe('heng_ji');
    expect(nameTerm('Ying-Cong Chen')).toBe('yingcong_chen');
    expect(nameTerm('Matthew L. Leavitt')).toBe('matthewl_leavitt');
    expect(nameTerm('Gemma')).toBeNull();
    expect(terms('Heng Ji', 'authors')).toContain('heng_ji');
    expect(terms('Heng Ji')).not.toContain('heng_ji');
  });

  it('leaves out the name terms of one- and two-paper authors, nothing else', () => {
    expect(isLeftOut('모델을', 5_000)).toBe(false); // common word forms stay
    expect(isLeftOut('모델=', 5_000)).toBe(false);
    expect(isLeftOut('모델', 5_000)).toBe(false);
    expect(isLeftOut('model', 5_000)).toBe(false);
    expect(isLeftOut('heng_ji', 1)).toBe(true);
    expect(isLeftOut('heng_ji', 2)).toBe(true);
    expect(isLeftOut('heng_ji', 3)).toBe(false);
    expect(isLeftOut('vasilescu', 1)).toBe(false);
  });
});

describe('analyzer: English and names', () => {
  it('folds case and drops English function words', () => {
    expect(terms('The Diffusion of TRANSFORMERS')).toEqual(['diffusion', 'transformers']);
  });

  it('processes each shape of raw term by the same rules (ASCII words, Hangul, ids, names, other scripts)', () => {
    expect(['GPT4o', 'THE', 'a1B2', '모델=', '모델을', 'heng_ji', '2404.03715', 'hep-th/9901001', 'Ｇｐｔ', 'Ünï', 'x-y', '__'].map((t) => processTerm(t))).toEqual(
      ['gpt4o', null, 'a1b2', '모델=', '모델을', 'heng_ji', '2404.03715', 'hep-th/9901001', 'gpt', 'uni', 'xy', null],
    );
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
