import { describe, expect, it } from 'vitest';
import { wordTerm } from '../../../src/search/analyzer.ts';
import { loadSearchIndex } from '../../../src/search/client.ts';
import { buildIndex } from '../../../src/search/index-builder.ts';
import { indexJsonText } from '../../../src/search/index-json.ts';
import { hasTerm } from '../../../src/search/internals.ts';
import { toSearchDocument } from '../../../src/search/options.ts';
import { planQuery, textMatches, transpositions } from '../../../src/search/query.ts';
import { paper } from '../../helpers/search-fixtures.ts';

// Invented papers, each made to tell one ranking rule apart.
const PAPERS = [
  paper('2501.00001', 'Joined', ['강화학습 에이전트를 제안합니다.'], ['Heng Ji', 'Wei Lin']),
  paper('2501.00002', 'Spaced', ['강화 학습으로 로봇을 제어합니다.'], ['Heng Wang', 'Xu Ji', 'Dahua Lin']),
  paper('2501.00003', 'Apart', ['보상을 강화하고 모델 학습을 개선합니다.'], ['Heng Ji']),
  paper('2501.00004', 'Form', ['이 설계는 중요함.'], ['Ann Lee']),
  paper('2501.00005', 'Stem', ['중요한 설계 중요한 설계입니다.'], ['Ann Lee']),
  paper('2501.00006', 'Both words', ['언어 모델을 평가합니다.'], ['Bo Kim']),
  paper('2501.00007', 'One word', ['모델 모델 모델 설계.'], ['Bo Kim']),
  paper('2501.00008', 'Linning study', ['Dahua Linning method.'], ['Dahua Linning']),
];
const client = loadSearchIndex(indexJsonText(buildIndex(PAPERS.map(toSearchDocument))));
const ids = (q: string, opts = {}) => client.search(q, { limit: 100, ...opts }).map((h) => h.id);
const text = (id: string) => {
  const d = toSearchDocument(PAPERS.find((p) => p.id === id)!);
  return `${d.title}\n${d.summary}`;
};

describe('query plan', () => {
  it('searches a Hangul word by its form, its stem as a prefix and its bigrams, weighted in that order', () => {
    const plan = planQuery('언어모델을 평가');
    const get = (t: string) => plan.terms.find((x) => x.term === t)!;
    expect(get('언어모델을').weight).toBe(1);
    expect(get('언어모델').prefix).toBe(true);
    expect(get('어모').weight).toBeLessThan(get('언어모델을').weight);
  });

  it('searches a short stem exactly, even for the last word (its form as typed is the prefix)', () => {
    const plan = planQuery('평가 문장을');
    expect(plan.terms.find((t) => t.term === '문장을')!.prefix).toBe(true);
    expect(plan.terms.find((t) => t.term === '문장')!.prefix).toBe(false);
  });

  it('tries the name term of adjacent Latin words, in the authors field only', () => {
    expect(planQuery('Heng Ji').names).toEqual(['heng_ji']);
    expect(planQuery('Heng Ji').terms.find((t) => t.term === 'heng_ji')).toMatchObject({ name: true, fuzzy: false });
    expect(planQuery('강화학습').names).toEqual([]);
  });

  it('searches the last word and other Latin words of four letters or more as prefixes', () => {
    const prefix = (q: string) => Object.fromEntries(planQuery(q).terms.filter((t) => !t.name).map((t) => [t.term, t.prefix]));
    expect(prefix('qwen technical rl report')).toEqual({ qwen: true, technical: true, rl: false, report: true });
    expect(prefix('gpt 3d')).toEqual({ gpt: false, '3d': true });
  });

  it('allows a typo only for a word the index does not hold', () => {
    expect(planQuery('reinforcment', () => false).terms[0]!.fuzzy).toBe(1);
    expect(planQuery('reinforcement', () => true).terms[0]!.fuzzy).toBe(false);
  });

  it('searches the adjacent transpositions the index holds of a word it does not hold', () => {
    expect(transpositions('abca')).toEqual(['baca', 'acba', 'abac']);
    expect(transpositions('aab')).toEqual(['aba']); // equal neighbours are not swapped
    const index = new Set(['interact', 'environments']);
    const plan = planQuery('intearct environments', (t) => index.has(t));
    expect(plan.corrections).toEqual(new Map([['interact', 'intearct']]));
    expect(plan.terms.find((t) => t.term === 'interact')).toMatchObject({ prefix: false, fuzzy: false });
    expect(plan.terms.find((t) => t.term === 'interact')!.weight).toBeCloseTo((0.45 * 8) / 9);
    expect(planQuery('interact', (t) => index.has(t)).corrections.size).toBe(0); // a word the index holds
    expect(planQuery('intearct').corrections.size).toBe(0); // without the index: none
  });
});

describe('ranking with a common form and words of their own', () => {
  // `문장을` is in most of these papers; the index keeps it all the same (every form is a term),
  // so the paper that wrote it ranks above one with a rarer form of the stem.
  const filler = Array.from({ length: 24 }, (_, i) =>
    paper(`2502.${String(i + 10).padStart(5, '0')}`, `Filler ${i}`, ['문장을 고칩니다.'], ['Ann Lee']),
  );
  const typed = paper('2502.00001', 'Typed', ['평가 문장을 씁니다.'], ['Bo Kim']);
  const other = paper('2502.00002', 'Other form', ['평가 문장과 씁니다.'], ['Bo Kim']);
  const spaced = paper('2502.00003', 'Spaced', ['심사 숙고 끝에 정합니다.'], ['Cy Park']);
  const joined = paper('2502.00004', 'Joined', ['심사숙고가 필요합니다.'], ['Cy Park']);
  const particle = paper('2502.00005', 'Particle', ['Tokenizer로서 시간적 동력을 포착합니다.'], ['Di Roh']);
  const noParticle = paper('2502.00006', 'No particle', ['동력을 포착합니다.'], ['Di Roh']);
  const common = loadSearchIndex(indexJsonText(buildIndex([other, typed, joined, spaced, noParticle, particle, ...filler].map(toSearchDocument))));

  it('puts the paper with the common form as typed first (평가 문장을)', () => {
    expect(hasTerm(common.miniSearch, '문장을')).toBe(true);
    const got = common.search('평가 문장을').map((h) => h.id);
    expect(got.slice(0, 2)).toEqual(['2502.00001', '2502.00002']);
  });

  it('puts two-syllable words written as words above the same syllables inside a compound (심사 숙고)', () => {
    expect(hasTerm(common.miniSearch, wordTerm('심사', '심사')!)).toBe(true);
    expect(common.search('심사 숙고').map((h) => h.id)).toEqual(['2502.00003', '2502.00004']);
    // Typed together, the compound is the word: both hold every bigram and the junction.
    expect(common.search('심사숙고').map((h) => h.id).sort()).toEqual(['2502.00003', '2502.00004']);
  });

  it('matches a particle typed apart where the text has it split off a Latin word (로서 동력을)', () => {
    expect(common.search('로서 동력을').map((h) => [h.id, h.partial])).toEqual([
      ['2502.00005', false],
      ['2502.00006', true],
    ]);
  });
});

describe('ranking', () => {
  it('puts papers matching every word before papers matching some (언어 모델)', () => {
    expect(ids('언어 모델')[0]).toBe('2501.00006');
    expect(ids('언어 모델')).toContain('2501.00007');
  });

  it('puts the form as typed above its stem (중요함)', () => {
    expect(ids('중요함').slice(0, 2)).toEqual(['2501.00004', '2501.00005']);
  });

  it('puts the named person first, not papers whose authors merely hold both words (Heng Ji)', () => {
    const got = ids('Heng Ji');
    expect(got.slice(0, 2).sort()).toEqual(['2501.00001', '2501.00003']);
    expect(got.indexOf('2501.00002')).toBeGreaterThan(1);
  });

  it('puts exact words above prefix matches (Dahua Lin)', () => {
    expect(ids('Dahua Lin').slice(0, 2)).toEqual(['2501.00002', '2501.00008']);
  });

  it('puts a compound, joined or spaced, above its parts apart (강화학습, 강화 학습)', () => {
    for (const q of ['강화학습', '강화 학습']) {
      const got = ids(q);
      expect(got.slice(0, 2).sort(), q).toEqual(['2501.00001', '2501.00002']);
      expect(got.indexOf('2501.00003'), q).toBe(2);
    }
  });

  it('treats a quoted phrase as a filter', () => {
    expect(ids('"강화 학습"').sort()).toEqual(['2501.00001', '2501.00002']);
  });

  it('with match "all", leaves out a compound whose parts stand apart', () => {
    expect(ids('강화학습', { match: 'all' }).sort()).toEqual(['2501.00001', '2501.00002']);
  });
});

describe('textMatches (saved-query feeds)', () => {
  it('takes a compound with or without its space, not its parts apart', () => {
    const plan = planQuery('강화학습');
    expect(textMatches(plan, text('2501.00001'))).toBe(true);
    expect(textMatches(plan, text('2501.00002'))).toBe(true);
    expect(textMatches(plan, text('2501.00003'))).toBe(false);
  });

  it('takes a quoted phrase as typed, case and punctuation aside', () => {
    expect(textMatches(planQuery('"linning method"'), 'Dahua Linning Method.')).toBe(true);
    // The text is read only when a word or a phrase needs it, and once.
    let reads = 0;
    const lazy = () => (reads++, 'Dahua Linning Method. 강화 학습');
    expect(textMatches(planQuery('diffusion 모델'), () => { throw new Error('read'); })).toBe(true);
    expect(textMatches(planQuery('"linning method" 강화학습'), lazy)).toBe(true);
    expect(reads).toBe(1);
    expect(textMatches(planQuery('"method linning"'), 'Dahua Linning Method.')).toBe(false);
  });

  it('leaves words of one or two syllables to the index', () => {
    expect(textMatches(planQuery('모델 평가'), 'nothing here')).toBe(true);
  });

  it('decides as the folded text does on 2,000 seeded texts with spaces, jamo and combining marks between syllables', () => {
    // The rule as documented, spelled out here: the stem's syllables, spaces allowed between
    // them, in the text lower-cased, NFKD, marks dropped, NFKC, other characters as one space.
    const folded = (t: string) => t.normalize('NFKD').replace(/\p{M}+/gu, '').normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ');
    const stems = ['강화학습', '데이터셋', '언어모델', '데이터'];
    const pieces = ['강', '화', '학', '습', '데', '이', '터', '셋', '언', '어', '모', '델', ' ', '\u00a0', '-', '\u11ab', '\u3134', '\u0301', 'a', '\n'];
    let seed = 5;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    let matched = 0;
    for (let n = 0; n < 2000; n++) {
      const stem = stems[n % stems.length]!;
      const plan = planQuery(stem);
      // Often the stem itself with something between or after its syllables, else random pieces.
      const text =
        next() < 0.6
          ? [...stem].map((c) => c + (next() < 0.3 ? pieces[Math.floor(next() * pieces.length)] : '')).join('') + (next() < 0.3 ? pieces[Math.floor(next() * pieces.length)] : '')
          : Array.from({ length: 8 }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      const expected = new RegExp([...stem].join('\\s*'), 'u').test(folded(text));
      if (expected) matched++;
      expect(textMatches(plan, text), JSON.stringify(text)).toBe(expected);
    }
    expect(matched).toBeGreaterThan(200);
  });
});
