import { describe, expect, it } from 'vitest';
import { createSearchClient } from '../../../src/search/client.ts';
import type { ClientSearchOptions } from '../../../src/search/client.ts';
import { buildIndex } from '../../../src/search/index-builder.ts';
import { postingsText } from '../../../src/search/index-json.ts';
import { loadMiniSearchParts } from '../../../src/search/load.ts';
import { toSearchDocument } from '../../../src/search/options.ts';
import { planQuery } from '../../../src/search/query.ts';
import { hasSortedTerm, reachableTerms, searchBuiltIndex, withinEdits } from '../../../src/search/reach.ts';
import type { Paper } from '../../../src/types.ts';
import { mulberry32 } from '../../eval/generate.ts';
import { paper } from '../../helpers/search-fixtures.ts';

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

/** Levenshtein distance by the textbook full matrix (the oracle of `withinEdits`). */
function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length]![b.length]!;
}

const LETTERS = 'abcdeilmnorstu';
/** One random edit: substitution, deletion, insertion or an adjacent swap. */
function edit(rng: Rng, w: string): string {
  const i = Math.floor(rng() * w.length);
  switch (Math.floor(rng() * 4)) {
    case 0:
      return w.slice(0, i) + pick(rng, [...LETTERS]) + w.slice(i + 1);
    case 1:
      return w.slice(0, i) + w.slice(i + 1);
    case 2:
      return w.slice(0, i) + pick(rng, [...LETTERS]) + w.slice(i);
    default:
      return i + 1 < w.length ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w;
  }
}

// An invented archive whose words come in families one edit apart (model, models, modal, ...),
// so that prefix and typo lookups reach several terms.
const rng = mulberry32(20261130);
const LATIN = ['model', 'diffusion', 'retrieval', 'reasoning', 'agent', 'policy', 'vision', 'language', 'speech', 'tokens', 'scaling', 'reward'];
const LATIN_WORDS = [...new Set(LATIN.flatMap((w) => [w, edit(rng, w), edit(rng, w), `${w}s`, `${w}ing`]))].filter((w) => w.length >= 3);
const NOUNS = ['강화학습', '모델', '확산', '언어모델', '에이전트', '검색', '추론', '데이터', '학습', '정책', '보상설계'];
const PARTICLES = ['', '은', '는', '이', '가', '을', '를', '에서', '으로', '의', '과'];
const NAMES = ['Heng Ji', 'Héng Ji', 'Ying-Cong Chen', 'Yingcong Chen', 'Mina Park', 'Łukasz Nowak', 'José García', 'Matthew L. Leavitt', 'Sam Lee', 'Jane Doe', 'Kai-Wei Chang'];

function inventPaper(n: number): Paper {
  const title = Array.from({ length: 3 + Math.floor(rng() * 4) }, () => pick(rng, LATIN_WORDS)).join(' ');
  const bullet = () =>
    Array.from({ length: 4 + Math.floor(rng() * 5) }, () => (rng() < 0.7 ? pick(rng, NOUNS) + pick(rng, PARTICLES) : pick(rng, LATIN_WORDS))).join(' ') + '합니다.';
  const authors = [...new Set(Array.from({ length: 1 + Math.floor(rng() * 3) }, () => pick(rng, NAMES)))];
  const day = String(1 + (n % 28)).padStart(2, '0');
  return paper(`2405.${String(10000 + n)}`, title, [bullet(), bullet()], authors, `2024-05-${day}`, n % 7 === 0 ? null : n % 60);
}

const PAPERS = Array.from({ length: 90 }, (_, n) => inventPaper(n));
const index = buildIndex(PAPERS.map(toSearchDocument));
const whole = createSearchClient(loadMiniSearchParts(index.head, index.terms, (i) => postingsText(index, i)));

/** Queries by rule, `count` per kind (seeded). */
function queries(count: number): { kind: string; query: string }[] {
  const q = mulberry32(7);
  const latinTerms = index.terms.filter((t) => /^[a-z]{4,}$/u.test(t));
  const text = (p: Paper) => `${p.title} ${p.summary.map((s) => s.text).join(' ')}`.split(/\s+/u);
  const makers: Record<string, () => string> = {
    prefix: () => {
      const t = pick(q, index.terms);
      return t.slice(0, 1 + Math.floor(q() * t.length));
    },
    typo: () => edit(q, pick(q, latinTerms)),
    korean: () => {
      const word = () => pick(q, NOUNS) + pick(q, PARTICLES);
      return q() < 0.5 ? word() : `${word()}${q() < 0.5 ? ' ' : ''}${word()}`;
    },
    words: () => {
      const words = text(pick(q, PAPERS));
      const at = Math.floor(q() * words.length);
      return words.slice(at, at + 2 + Math.floor(q() * 2)).join(' ');
    },
    name: () => {
      const name = pick(q, NAMES);
      return q() < 0.5 ? name : name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    },
  };
  return Object.entries(makers).flatMap(([kind, make]) => Array.from({ length: count }, () => ({ kind, query: make() })));
}

describe('withinEdits', () => {
  it('agrees with the Levenshtein distance on 600 seeded pairs of Latin and Hangul words', () => {
    const r = mulberry32(11);
    const alphabet = ['a', 'b', 'c', '강', '화', 'e'];
    for (let n = 0; n < 600; n++) {
      const word = () => Array.from({ length: Math.floor(r() * 7) }, () => pick(r, alphabet)).join('');
      const a = word();
      const b = r() < 0.5 ? word() : edit(r, a);
      const max = Math.floor(r() * 3);
      expect(withinEdits(a, b, max), `${a} ${b} ${max}`).toBe(levenshtein(a, b) <= max);
    }
  });
});

describe('hasSortedTerm', () => {
  it('finds exactly the terms of the index', () => {
    const terms = new Set(index.terms);
    for (const t of index.terms) expect(hasSortedTerm(index.terms, t)).toBe(true);
    for (const { query } of queries(20)) expect(hasSortedTerm(index.terms, query)).toBe(terms.has(query));
    expect(hasSortedTerm([], 'a')).toBe(false);
  });
});

describe('reachableTerms', () => {
  it('picks a prefix term\'s longer words and a typo\'s one-edit neighbours, ascending', () => {
    const plan = planQuery('modl', (t) => hasSortedTerm(index.terms, t));
    const reached = reachableTerms(plan, index.terms).map((i) => index.terms[i]!);
    expect(reached).toEqual(index.terms.filter((t) => t.startsWith('modl') || levenshtein(t, 'modl') <= 1));
    expect(reached).toContain('model');
    expect(reachableTerms(planQuery(''), index.terms)).toEqual([]);
  });
});

describe('searchBuiltIndex', () => {
  const set = queries(120);
  const options: Omit<ClientSearchOptions, 'author'>[] = [{ limit: Infinity }, { match: 'all', limit: Infinity }, { limit: 10, minVotes: 20, from: '2024-05-05' }];
  it.each(options)('answers 600 generated queries (prefix, typo, Korean, words, names) as the whole index does: %o', (opts) => {
    let hits = 0;
    for (const { kind, query } of set) {
      const expected = whole.search(query, opts);
      hits += expected.length;
      expect(searchBuiltIndex(index, query, opts), `${kind}: ${query}`).toEqual(expected);
    }
    expect(hits).toBeGreaterThan(set.length); // the queries find papers, so the comparison says something
  });
});
