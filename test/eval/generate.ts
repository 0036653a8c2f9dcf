/**
 * Rule-generated search eval: draws queries from `papers.json` with a seeded PRNG (mulberry32),
 * so the set is reproducible from (corpus, seed, perKind) and no query is hand-picked.
 *
 * Deliberately independent of the project's analyzer: word splitting, rarity and the Korean
 * suffix rule below are the eval's own, simple rules.
 *
 *   npx tsx test/eval/generate.ts [--papers DIR] [--seed N] [--per-kind N] [--out FILE]
 *
 * Without --papers the corpus is built with the CLI into a temp dir first. The set is written to
 * FILE (default: `<os tmpdir>/search-eval-queries-<seed>.json`).
 *
 * Known-item kinds (expected = [the sampled paper]; a query is dropped when more than
 * MAX_MATCHING = 10 papers contain all its words, as lower-cased substrings of title+summary):
 *   english-title    2 or 3 rarest title words (ASCII letter runs, >= 4 letters, rarity = document
 *                    frequency over all titles), lower-cased, in title order.
 *   korean-stem      a random summary bullet; its word forms (Hangul runs, >= 2 syllables) that
 *                    lose a suffix of KOREAN_SUFFIXES (stem >= 2 syllables and itself a word form
 *                    somewhere in the corpus); the two rarest forms (distinct stems), typed as stems.
 *   korean-surface   the two rarest word forms of a random bullet, as written.
 *   korean-joined    adjacent whitespace tokens `A B` of a random bullet, both pure Hangul, A a noun
 *                    and B a noun or a noun + suffix (B reduced to that noun); typed `AB`; the pair
 *                    with the lowest df(A) + df(B) (df of the bare forms over summaries), then the
 *                    lowest df of the bigram `A B`, is chosen. "Noun" (isNoun): the
 *                    form also occurs in the corpus followed by >= 2 of 을/를/은/는/이/가, and is
 *                    not itself a suffix nor such a noun + a suffix of KOREAN_SUFFIXES.
 *   mixed            one of the 3 rarest Korean word forms of the summary + one of the 3 rarest
 *                    English words (>= 4 letters) of title+summary, in random order.
 *   author-ascii     of the paper's authors whose name changes under foldAscii (NFD, strip marks,
 *                    a few letters without decomposition) and is then ASCII, the one with the
 *                    fewest papers; typed folded.
 *   arxiv-id         the id as `ID`, `arXiv:ID`, `https://arxiv.org/abs/IDvN` or
 *                    `https://huggingface.co/papers/ID` (uniform); success only at rank 1.
 *   typo             the rarest title word of >= 6 letters with one random edit (substitution,
 *                    deletion, insertion, adjacent transposition; never another title word), plus
 *                    the rarest other title word intact, in title order.
 * Precision kinds (expected = every relevant paper):
 *   author-precision   an author key with >= 3 papers, typed as its most frequent display name.
 *   compound-precision nouns w1, w2 (isNoun) such that `w1w2` occurs written together (at the
 *                      start of a word, alone or + suffix) in some paper and `w1 w2` or `w1의 w2`
 *                      in another (or the same) paper; typed together or spaced (50/50);
 *                      relevant = papers whose title+summary has any of the three variants.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCorpus, readPapers } from './build.ts';
import type { Paper } from './build.ts';

export const DEFAULT_SEED = 20250601;
export const DEFAULT_PER_KIND = 150;

export const KNOWN_ITEM_KINDS = [
  'english-title',
  'korean-stem',
  'korean-surface',
  'korean-joined',
  'mixed',
  'author-ascii',
  'arxiv-id',
  'typo',
] as const;
export const PRECISION_KINDS = ['author-precision', 'compound-precision'] as const;
export const KINDS = [...KNOWN_ITEM_KINDS, ...PRECISION_KINDS] as const;
export type KnownItemKind = (typeof KNOWN_ITEM_KINDS)[number];
export type PrecisionKind = (typeof PRECISION_KINDS)[number];
export type Kind = (typeof KINDS)[number];

export interface EvalQuery {
  kind: Kind;
  query: string;
  /** Known-item: [the sampled paper]. Precision: every relevant paper. */
  expected: string[];
  seed: number;
  /** The corpus words the query was made from (for the property check and for reading misses). */
  source: string[];
  /** author-precision: the author key. */
  authorKey?: string;
}

export interface QuerySet {
  seed: number;
  perKind: number;
  papers: number;
  queries: EvalQuery[];
}

// ---------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: a 32-bit state PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, to give every kind its own stream (adding a kind leaves the others unchanged). */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

type Rng = () => number;

function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)]!;
}

function shuffle<T>(rng: Rng, xs: readonly T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** Rarest first; ties in random (seeded) order. */
function byRarity(rng: Rng, words: readonly string[], df: Map<string, number>): string[] {
  return shuffle(rng, words).sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0));
}

// ---------------------------------------------------------------------------------------------
// Text rules (the eval's own)

const HANGUL_RUN = /[\uAC00-\uD7A3]+/gu;
const HANGUL_ONLY = /^[\uAC00-\uD7A3]+$/u;

/** Hangul syllable runs (word forms) of at least `min` syllables, in text order. */
export function hangulRuns(text: string, min = 2): string[] {
  return (text.normalize('NFC').match(HANGUL_RUN) ?? []).filter((w) => w.length >= min);
}

/** Lower-cased ASCII letter runs of at least `min` letters, in text order. */
export function englishWords(text: string, min = 4): string[] {
  return (text.match(/[A-Za-z]+/gu) ?? []).map((w) => w.toLowerCase()).filter((w) => w.length >= min);
}

/** Particles and endings stripped by the Korean stem rule (longest match first). */
export const KOREAN_SUFFIXES = [
  '합니다',
  '에서는',
  '으로는',
  '으로',
  '에서',
  '에게',
  '까지',
  '부터',
  '보다',
  '처럼',
  '하는',
  '되는',
  '하여',
  '하고',
  '하며',
  '되어',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '로',
  '와',
  '과',
  '도',
  '만',
  '들',
  '한',
  '된',
  '함',
].sort((a, b) => b.length - a.length);

/** Strips up to two suffixes of KOREAN_SUFFIXES, never below 2 syllables (모델들이 → 모델). */
export function stripKoreanSuffix(form: string): string {
  let w = form;
  for (let round = 0; round < 2; round++) {
    const s = KOREAN_SUFFIXES.find((x) => w.endsWith(x) && w.length - x.length >= 2);
    if (!s) break;
    w = w.slice(0, -s.length);
  }
  return w;
}

const FOLD_EXTRA: Record<string, string> = {
  ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'Th',
  ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ı: 'i',
};

/** A name as typed on an ASCII keyboard: NFD, strip combining marks, then FOLD_EXTRA. */
export function foldAscii(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁøØđĐðÐþÞßæÆœŒı]/gu, (c) => FOLD_EXTRA[c] ?? c)
    .normalize('NFC');
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** `w1w2`, `w1 w2` or `w1의 w2`, starting a Hangul word. */
export function compoundPattern(w1: string, w2: string): RegExp {
  const a = escapeRe(w1);
  const b = escapeRe(w2);
  return new RegExp(`(?<![\\uAC00-\\uD7A3])${a}(?:${b}|\\s+${b}|의\\s+${b})`, 'u');
}

export function paperText(p: Paper): string {
  return `${p.title}\n${p.summary.map((s) => s.text).join('\n')}`.normalize('NFC');
}

export function summaryText(p: Paper): string {
  return p.summary.map((s) => s.text).join('\n').normalize('NFC');
}

/** Damerau (optimal string alignment) distance. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** One random edit of a lower-case word: substitution, deletion, insertion or transposition. */
export function randomEdit(rng: Rng, w: string): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const op = Math.floor(rng() * 4);
    const i = Math.floor(rng() * w.length);
    let out = w;
    if (op === 0) {
      const c = pick(rng, [...LETTERS].filter((x) => x !== w[i]));
      out = w.slice(0, i) + c + w.slice(i + 1);
    } else if (op === 1) {
      out = w.slice(0, i) + w.slice(i + 1);
    } else if (op === 2) {
      const at = Math.floor(rng() * (w.length + 1));
      out = w.slice(0, at) + pick(rng, [...LETTERS]) + w.slice(at);
    } else if (i + 1 < w.length && w[i] !== w[i + 1]) {
      out = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
    }
    if (out !== w && editDistance(out, w) === 1) return out;
  }
  return w.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Corpus statistics

function docFreq(docs: Iterable<Iterable<string>>): Map<string, number> {
  const df = new Map<string, number>();
  for (const d of docs) for (const w of new Set(d)) df.set(w, (df.get(w) ?? 0) + 1);
  return df;
}

interface Stats {
  titleWords: string[][];
  titleDf: Map<string, number>;
  textEnWords: string[][];
  textEnDf: Map<string, number>;
  koRuns: string[][];
  koDf: Map<string, number>;
  /** Every Hangul word form (>= 2 syllables) of the corpus. */
  koForms: Set<string>;
  authorPapers: Map<string, string[]>;
  authorNames: Map<string, Map<string, number>>;
}

const NOUN_PARTICLES = ['을', '를', '은', '는', '이', '가'];

const takesParticle = (w: string, forms: Set<string>) =>
  w.length >= 2 && NOUN_PARTICLES.filter((p) => forms.has(w + p)).length >= 2;

/**
 * A noun by the eval's rule: the form also occurs in the corpus followed by at least two of
 * 을/를/은/는/이/가, is not itself a suffix of KOREAN_SUFFIXES, and is not such a noun plus a
 * suffix (작업에서 is 작업 + 에서, not a noun; 정확도 stays one since 정확 takes no particle).
 */
export function isNoun(w: string, forms: Set<string>): boolean {
  if (!takesParticle(w, forms) || KOREAN_SUFFIXES.includes(w)) return false;
  return !KOREAN_SUFFIXES.some((s) => w.endsWith(s) && takesParticle(w.slice(0, -s.length), forms));
}

function corpusStats(papers: Paper[]): Stats {
  const titleWords = papers.map((p) => englishWords(p.title));
  const textEnWords = papers.map((p) => englishWords(paperText(p)));
  const koRuns = papers.map((p) => hangulRuns(summaryText(p)));
  const koDf = docFreq(koRuns);
  const authorPapers = new Map<string, string[]>();
  const authorNames = new Map<string, Map<string, number>>();
  for (const p of papers) {
    for (const key of new Set(p.authors.map((a) => a.key))) {
      const list = authorPapers.get(key) ?? [];
      list.push(p.id);
      authorPapers.set(key, list);
    }
    for (const a of p.authors) {
      const m = authorNames.get(a.key) ?? new Map<string, number>();
      m.set(a.name, (m.get(a.name) ?? 0) + 1);
      authorNames.set(a.key, m);
    }
  }
  return {
    titleWords,
    titleDf: docFreq(titleWords),
    textEnWords,
    textEnDf: docFreq(textEnWords),
    koRuns,
    koDf,
    koForms: new Set(koDf.keys()),
    authorPapers,
    authorNames,
  };
}

const unique = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];
const inOrder = (order: readonly string[], picked: readonly string[]) =>
  [...picked].sort((a, b) => order.indexOf(a) - order.indexOf(b));

function randomBullet(rng: Rng, p: Paper): string | null {
  const bullets = p.summary.map((s) => s.text.normalize('NFC')).filter((t) => hangulRuns(t).length > 0);
  return bullets.length ? pick(rng, bullets) : null;
}

// ---------------------------------------------------------------------------------------------
// Known-item makers: (paper index) -> query or null

/** `terms`: the words a paper must all contain (lower-cased substring of title+summary) to match. */
type Made = { query: string; source: string[]; terms?: string[] } | null;
type Maker = (rng: Rng, i: number) => Made;

function makers(papers: Paper[], st: Stats): Record<KnownItemKind, Maker> {
  const koStem = (form: string): string | null => {
    const s = stripKoreanSuffix(form);
    return s !== form && s.length >= 2 && st.koForms.has(s) ? s : null;
  };
  // document frequency of spaced bigrams `A stem(B)` (for korean-joined)
  const pairDf = new Map<string, number>();
  const bulletPairs = (text: string): [string, string, string][] => {
    const toks = text.split(/\s+/u);
    const out: [string, string, string][] = [];
    for (let k = 0; k + 1 < toks.length; k++) {
      const a = toks[k]!;
      const b = toks[k + 1]!;
      if (!HANGUL_ONLY.test(a) || !HANGUL_ONLY.test(b) || !isNoun(a, st.koForms)) continue;
      const stem = isNoun(b, st.koForms) ? b : stripKoreanSuffix(b);
      if (!isNoun(stem, st.koForms)) continue;
      out.push([a, b, stem]);
    }
    return out;
  };
  for (const p of papers) {
    const seen = new Set<string>();
    for (const s of p.summary) for (const [a, , stem] of bulletPairs(s.text.normalize('NFC'))) seen.add(`${a} ${stem}`);
    for (const k of seen) pairDf.set(k, (pairDf.get(k) ?? 0) + 1);
  }

  return {
    'english-title': (rng, i) => {
      const order = unique(st.titleWords[i]!);
      if (order.length < 2) return null;
      const k = rng() < 0.5 ? 2 : 3;
      const picked = inOrder(order, byRarity(rng, order, st.titleDf).slice(0, k));
      return { query: picked.join(' '), source: picked, terms: picked };
    },
    'korean-stem': (rng, i) => {
      const bullet = randomBullet(rng, papers[i]!);
      if (!bullet) return null;
      const forms = unique(hangulRuns(bullet)).filter((f) => koStem(f));
      const chosen: string[] = [];
      const stems = new Set<string>();
      for (const f of byRarity(rng, forms, st.koDf)) {
        const s = koStem(f)!;
        if (stems.has(s)) continue;
        stems.add(s);
        chosen.push(f);
        if (chosen.length === 2) break;
      }
      if (chosen.length < 2) return null;
      const ordered = inOrder(unique(hangulRuns(bullet)), chosen);
      const stemsInOrder = ordered.map((f) => koStem(f)!);
      return { query: stemsInOrder.join(' '), source: ordered, terms: stemsInOrder };
    },
    'korean-surface': (rng, i) => {
      const bullet = randomBullet(rng, papers[i]!);
      if (!bullet) return null;
      const forms = unique(hangulRuns(bullet));
      if (forms.length < 2) return null;
      const picked = inOrder(forms, byRarity(rng, forms, st.koDf).slice(0, 2));
      return { query: picked.join(' '), source: picked, terms: picked };
    },
    'korean-joined': (rng, i) => {
      const bullet = randomBullet(rng, papers[i]!);
      if (!bullet) return null;
      const pairs = bulletPairs(bullet);
      if (!pairs.length) return null;
      const wordDf = (x: [string, string, string]) => (st.koDf.get(x[0]) ?? 0) + (st.koDf.get(x[2]) ?? 0);
      const bigramDf = (x: [string, string, string]) => pairDf.get(`${x[0]} ${x[2]}`) ?? 0;
      const best = shuffle(rng, pairs).sort((x, y) => wordDf(x) - wordDf(y) || bigramDf(x) - bigramDf(y))[0]!;
      return { query: best[0] + best[2], source: [best[0], best[1], best[2]], terms: [best[0], best[2]] };
    },
    mixed: (rng, i) => {
      const ko = unique(st.koRuns[i]!);
      const en = unique(st.textEnWords[i]!);
      if (!ko.length || !en.length) return null;
      const k = pick(rng, byRarity(rng, ko, st.koDf).slice(0, 3));
      const e = pick(rng, byRarity(rng, en, st.textEnDf).slice(0, 3));
      return { query: rng() < 0.5 ? `${k} ${e}` : `${e} ${k}`, source: [k, e], terms: [k, e] };
    },
    'author-ascii': (rng, i) => {
      const cands = unique(
        papers[i]!.authors.filter((a) => {
          const f = foldAscii(a.name);
          return f !== a.name && /^[\x20-\x7e]+$/u.test(f) && /[A-Za-z]/u.test(f);
        }),
      );
      if (!cands.length) return null;
      const a = shuffle(rng, cands).sort(
        (x, y) => st.authorPapers.get(x.key)!.length - st.authorPapers.get(y.key)!.length,
      )[0]!;
      if (st.authorPapers.get(a.key)!.length > MAX_MATCHING) return null;
      return { query: foldAscii(a.name), source: [a.name, a.key] };
    },
    'arxiv-id': (rng, i) => {
      const id = papers[i]!.id;
      const forms = [
        id,
        `arXiv:${id}`,
        `https://arxiv.org/abs/${id}v${1 + Math.floor(rng() * 3)}`,
        `https://huggingface.co/papers/${id}`,
      ];
      return { query: pick(rng, forms), source: [id] };
    },
    typo: (rng, i) => {
      const order = unique(st.titleWords[i]!);
      const ranked = byRarity(rng, order, st.titleDf);
      const target = ranked.find((w) => w.length >= 6);
      const other = ranked.find((w) => w !== target);
      if (!target || !other) return null;
      let typo = randomEdit(rng, target);
      for (let t = 0; t < 10 && (st.titleDf.has(typo) || typo.length < 4); t++) typo = randomEdit(rng, target);
      if (st.titleDf.has(typo) || typo.length < 4) return null;
      const [first, second] = inOrder(order, [target, other]);
      const q = [first, second].map((w) => (w === target ? typo : w));
      return { query: q.join(' '), source: [target, other, typo], terms: [target, other] };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Precision kinds

function authorPrecision(rng: Rng, st: Stats, n: number, seed: number): EvalQuery[] {
  const keys = [...st.authorPapers.entries()]
    .filter(([, ids]) => ids.length >= 3)
    .map(([k]) => k)
    .sort();
  const out: EvalQuery[] = [];
  const seen = new Set<string>();
  for (const key of shuffle(rng, keys)) {
    const names = [...st.authorNames.get(key)!.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const name = names[0]![0];
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ kind: 'author-precision', query: name, expected: [...st.authorPapers.get(key)!], seed, source: [name], authorKey: key });
    if (out.length >= n) break;
  }
  return out;
}

/** Papers needed for each written variant (together; apart) of a compound. */
const MIN_VARIANT_PAPERS = 1;

/** Compounds written both together and apart in the corpus, with their relevant papers. */
export function findCompounds(papers: Paper[]): { w1: string; w2: string; together: string[]; apart: string[]; relevant: string[] }[] {
  const texts = papers.map(paperText);
  const forms = new Set<string>();
  for (const t of texts) for (const r of hangulRuns(t)) forms.add(r);
  const word = (w: string) => isNoun(w, forms);
  // joined candidates: splits of word stems
  const joined = new Map<string, Set<number>>();
  const spaced = new Map<string, Set<number>>();
  const add = (m: Map<string, Set<number>>, k: string, i: number) => {
    const s = m.get(k) ?? new Set<number>();
    s.add(i);
    m.set(k, s);
  };
  texts.forEach((t, i) => {
    for (const r of unique(hangulRuns(t, 4))) {
      const stem = isNoun(r, forms) ? r : stripKoreanSuffix(r);
      {
        for (let c = 2; c + 2 <= stem.length; c++) {
          const w1 = stem.slice(0, c);
          const w2 = stem.slice(c);
          if (word(w1) && word(w2)) add(joined, `${w1} ${w2}`, i);
        }
      }
    }
    const toks = t.split(/\s+/u);
    for (let k = 0; k + 1 < toks.length; k++) {
      const a = toks[k]!.match(/[\uAC00-\uD7A3]+$/u)?.[0];
      const b = toks[k + 1]!.match(/^[\uAC00-\uD7A3]+/u)?.[0];
      if (!a || !b) continue;
      const w1s = a.endsWith('의') && a.length >= 3 ? [a, a.slice(0, -1)] : [a];
      const bs = unique([isNoun(b, forms) ? b : stripKoreanSuffix(b)]);
      for (const w1 of w1s) for (const w2 of bs) if (word(w1) && word(w2)) add(spaced, `${w1} ${w2}`, i);
    }
  });
  const out: { w1: string; w2: string; together: string[]; apart: string[]; relevant: string[] }[] = [];
  for (const [k, js] of [...joined.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const ss = spaced.get(k);
    if (js.size < MIN_VARIANT_PAPERS || !ss || ss.size < MIN_VARIANT_PAPERS) continue;
    const [w1, w2] = k.split(' ') as [string, string];
    // exact counts with the same patterns the metric uses
    const together = new RegExp(`(?<![\\uAC00-\\uD7A3])${w1}${w2}`, 'u');
    const apart = new RegExp(`(?<![\\uAC00-\\uD7A3])${w1}(?:의)?\\s+${w2}`, 'u');
    const any = compoundPattern(w1, w2);
    const cand = unique([...js, ...ss]);
    const tog = cand.filter((i) => together.test(texts[i]!));
    const apa = cand.filter((i) => apart.test(texts[i]!));
    if (tog.length < MIN_VARIANT_PAPERS || apa.length < MIN_VARIANT_PAPERS) continue;
    const relevant = texts.flatMap((t, i) => (any.test(t) ? [papers[i]!.id] : []));
    out.push({ w1, w2, together: tog.map((i) => papers[i]!.id), apart: apa.map((i) => papers[i]!.id), relevant });
  }
  return out;
}

function compoundPrecision(rng: Rng, papers: Paper[], n: number, seed: number): EvalQuery[] {
  const out: EvalQuery[] = [];
  for (const c of shuffle(rng, findCompounds(papers)).slice(0, n)) {
    const query = rng() < 0.5 ? c.w1 + c.w2 : `${c.w1} ${c.w2}`;
    out.push({ kind: 'compound-precision', query, expected: c.relevant, seed, source: [c.w1, c.w2] });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

/**
 * Known-item queries must be answerable at 10: a query is dropped when more than MAX_MATCHING
 * papers contain all its words (author-ascii: when the author has more than MAX_MATCHING papers).
 */
export const MAX_MATCHING = 10;

export function generateQueries(papers: Paper[], seed = DEFAULT_SEED, perKind = DEFAULT_PER_KIND): QuerySet {
  const sorted = [...papers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const st = corpusStats(sorted);
  const make = makers(sorted, st);
  const lower = sorted.map((p) => paperText(p).toLowerCase());
  const matching = (terms: string[]) => {
    let n = 0;
    for (const t of lower) if (terms.every((w) => t.includes(w.toLowerCase())) && ++n > MAX_MATCHING) break;
    return n;
  };
  const queries: EvalQuery[] = [];
  for (const kind of KNOWN_ITEM_KINDS) {
    const rng = mulberry32((seed ^ fnv1a(kind)) >>> 0);
    const seen = new Set<string>();
    let got = 0;
    for (const i of shuffle(rng, sorted.map((_, k) => k))) {
      const m = make[kind](rng, i);
      if (!m || !m.query.trim() || seen.has(m.query)) continue;
      if (m.terms && matching(m.terms) > MAX_MATCHING) continue;
      seen.add(m.query);
      queries.push({ kind, query: m.query, expected: [sorted[i]!.id], seed, source: m.source });
      if (++got >= perKind) break;
    }
  }
  queries.push(...authorPrecision(mulberry32((seed ^ fnv1a('author-precision')) >>> 0), st, perKind, seed));
  queries.push(...compoundPrecision(mulberry32((seed ^ fnv1a('compound-precision')) >>> 0), sorted, perKind, seed));
  return { seed, perKind, papers: sorted.length, queries };
}

export function defaultQueryFile(seed: number): string {
  return join(tmpdir(), `search-eval-queries-${seed}.json`);
}

function argValue(args: string[], name: string): string | undefined {
  const k = args.indexOf(name);
  return k >= 0 ? args[k + 1] : undefined;
}

function main(): void {
  const args = process.argv.slice(2);
  const seed = Number(argValue(args, '--seed') ?? DEFAULT_SEED);
  const perKind = Number(argValue(args, '--per-kind') ?? DEFAULT_PER_KIND);
  const dir = argValue(args, '--papers') ?? buildCorpus();
  const set = generateQueries(readPapers(dir), seed, perKind);
  const out = argValue(args, '--out') ?? defaultQueryFile(seed);
  writeFileSync(out, JSON.stringify(set, null, 1));
  const counts = KINDS.map((k) => `${k} ${set.queries.filter((q) => q.kind === k).length}`).join(', ');
  console.log(`seed ${seed}: ${set.queries.length} queries (${counts}) -> ${out}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
