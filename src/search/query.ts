/**
 * The query plan and the ranking rule shared by every client (src/search/client.ts, the page
 * through it, saved-query feeds through the index step).
 *
 * A query is cut into words (src/search/analyzer.ts `analyzeQuery`). Each word is searched for
 * several index terms, weighted so that an exact form outranks a stem match, which outranks a
 * bigram match (the scheme of Elasticsearch nori's `decompound_mode: mixed` with `cjk_bigram`
 * and unigrams):
 * - a Hangul word: its surface form as typed (exact, weight 1); its stem when it has three
 *   syllables or more, as a prefix of indexed forms (`모델만` also finds `모델만으로도`; MiniSearch
 *   scales prefix matches by 0.375); the stem's bigrams (their weights add up to GRAM_WEIGHT);
 *   a shorter stem exactly (never as a prefix: see planQuery); its word term (analyzer.ts
 *   `wordTerm`: a two-syllable stem written as a word of its own, WORD_WEIGHT, or a longer word
 *   typed bare, BARE_WEIGHT); after a bare word and a space, the junction bigram that joins the
 *   two (`강화 학습` -> `화학`);
 * - a Latin word: the word, with one typo allowed from four letters on (when the index does not
 *   hold the word as typed): one edit by MiniSearch's fuzzy search, and the word's adjacent
 *   transpositions that the index holds (`intearct` -> `interact`, one edit for Damerau, two for
 *   MiniSearch's Levenshtein), weighted like a one-edit fuzzy match;
 * - two or three adjacent Latin words: the name term of that name (`Heng Ji` -> `hengji`, the
 *   authors field only), so a query naming a person finds that person's papers;
 * - the last word is also a prefix (search as you type), and so is any Latin word of four letters
 *   or more (`qwen` finds `Qwen2-Audio`; the paper holding the word exactly still ranks first among
 *   those matching as many words, by the `exact` key below).
 *
 * Ranking (`rankKey`): papers matching more of the query's words come first, so papers that
 * match every word lead (a Hangul word matches by its form, its stem or all of its bigrams; a
 * Latin word exactly, by prefix or with its typo); then papers by the person the query names;
 * then papers where more of the query's junctions (its words written together) are present;
 * then papers holding more of the words exactly as typed (not only by prefix, typo or stem; a
 * bare two-syllable word by its word term, not as a bigram inside a longer word);
 * then the BM25 score of the weighted terms. A quoted phrase is a filter: its words must all
 * match and its Hangul words must be joined (their junctions present). The index has no word
 * positions, so adjacency of Latin words in a phrase is not checked here (the index step checks
 * it in the text for saved-query feeds, `textMatches`).
 *
 * Pure and browser-safe: no `node:` imports.
 */
import type { Query, SearchOptions, SearchResult } from 'minisearch';
import { analyzeQuery, isHangulTerm, isLatinTerm, nameTerm, wordTerm } from './analyzer.ts';
import type { QueryWord } from './analyzer.ts';

/** Total weight of a Hangul word's bigrams (an exact form weighs 1). */
export const GRAM_WEIGHT = 0.6;
/** Weight of a two-syllable word's word term (its stem written as a word of its own, see wordTerm). */
export const WORD_WEIGHT = 0.5;
/**
 * Weight of a bare word's word term, for a word of three syllables or more typed bare: low, as a
 * query's bare word is as often a stem typed for its inflected forms as the bare word itself.
 */
export const BARE_WEIGHT = 0.15;
/** Weight of a junction bigram. */
export const JUNCTION_WEIGHT = 0.5;
/**
 * MiniSearch's weight for a fuzzy match (its default `weights.fuzzy`), which a transposed typo's
 * correction gets as well, scaled like a one-edit fuzzy match (see planQuery).
 */
export const FUZZY_WEIGHT = 0.45;
/** A Latin word of this many letters or more is also searched as a prefix, wherever it is in the query. */
export const PREFIX_MIN = 4;
/** At most this many name terms are tried for one query. */
const MAX_NAMES = 6;

/** One index term a query searches. */
export interface PlanTerm {
  term: string;
  /** Also match index terms starting with it. */
  prefix: boolean;
  /** Maximum edit distance (false: exact). */
  fuzzy: number | false;
  /** Multiplies the term's score (with the field boosts). */
  weight: number;
  /** A name term: searched in the authors field only. */
  name: boolean;
}

/** What one query searches, and how its results are ranked. */
export interface QueryPlan {
  words: QueryWord[];
  /** The distinct index terms searched (a term wanted twice keeps its largest weight). */
  terms: PlanTerm[];
  /** Name terms of the adjacent Latin words (see the module comment). */
  names: string[];
  /**
   * Corrections of transposed typos (`intearct` -> `interact`): the index term, then the term
   * typed. A paper holding the correction matches the word typed (see matchedTerms).
   */
  corrections: Map<string, string>;
}

/** Prefix matching for the last word: Hangul, a Latin word of two letters or more, four digits or more. */
function prefixable(term: string): boolean {
  if (isHangulTerm(term)) return true;
  return /^\d+$/u.test(term) ? term.length >= 4 : term.length >= 2;
}

/** One edit for Latin words of four letters or more; never for Hangul, digits or IDs. */
export function fuzzyLatin(term: string): number | false {
  return isLatinTerm(term) && term.length >= 4 ? 1 : false;
}

/**
 * The plan of a query (see the module comment). With `known` (whether the index holds a term),
 * a word the index holds is not searched with a typo: a typo is a word the index does not know,
 * and one-edit lookups are most of a query's time. Never throws.
 */
export function planQuery(query: string, known?: (term: string) => boolean): QueryPlan {
  const words = analyzeQuery(query);
  const byTerm = new Map<string, PlanTerm>();
  const add = (term: string, weight: number, prefix = false, name = false) => {
    const fuzzy = name || known?.(term) ? false : fuzzyLatin(term);
    const have = byTerm.get(term);
    if (!have) {
      byTerm.set(term, { term, prefix, fuzzy, weight, name });
      return;
    }
    have.weight = Math.max(have.weight, weight);
    have.prefix ||= prefix;
    have.name &&= name;
  };
  words.forEach((w, i) => {
    const last = i === words.length - 1;
    if (w.kind === 'hangul') {
      const surface = w.surface!;
      const stem = w.stem!;
      add(surface, 1, last);
      if (stem.length >= 3) {
        add(stem, 1, true);
        for (const g of w.terms) add(g, GRAM_WEIGHT / w.terms.length);
      } else if (stem !== surface) {
        // Exact, even for the last word: the surface form's prefix already follows the typing, and
        // the stem as a prefix would add the score of every other indexed form of it (`문장*` ->
        // `문장과`, `문장으로`), ranking a paper with a rarer form above one with the form typed.
        add(stem, 1);
      }
      const word = wordTerm(surface, stem);
      if (word) add(word, stem.length === 2 ? WORD_WEIGHT : BARE_WEIGHT);
      if (w.junction) add(w.junction, JUNCTION_WEIGHT);
      return;
    }
    // The last word follows the typing; any other Latin word of PREFIX_MIN letters or more also
    // finds the words it begins (`qwen` -> `qwen2`, `Qwen2-Audio`), below the exact word (see rankKey).
    w.terms.forEach((t, k) => add(t, 1, (last || t.length >= PREFIX_MIN) && k === w.terms.length - 1 && prefixable(t)));
  });
  // A transposed typo is two edits for MiniSearch's fuzzy search (Levenshtein), one for
  // Damerau: a Latin word the index does not hold is also searched as each of its adjacent
  // transpositions the index holds, weighted like a one-edit fuzzy match.
  const corrections = new Map<string, string>();
  if (known) {
    for (const w of words) {
      if (w.kind === 'hangul') continue;
      for (const t of w.terms) {
        if (!fuzzyLatin(t) || known(t)) continue;
        for (const c of transpositions(t)) {
          if (byTerm.has(c) || !known(c)) continue;
          corrections.set(c, t);
          add(c, (FUZZY_WEIGHT * c.length) / (c.length + 1));
        }
      }
    }
  }
  const names = nameTerms(words);
  for (const n of names) add(n, 1, false, true);
  return { words, terms: [...byTerm.values()], names, corrections };
}

/** The words made from `term` by swapping two adjacent, different letters, in order of position. */
export function transpositions(term: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < term.length; i++) {
    if (term[i] === term[i + 1]) continue;
    out.push(term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2));
  }
  return [...new Set(out)];
}

/**
 * The query terms a result matched (MiniSearch's `queryTerms`), with the term typed added for
 * each correction of a transposed typo it matched (see QueryPlan.corrections).
 */
export function matchedTerms(plan: QueryPlan, r: SearchResult): Set<string> {
  const matched = new Set(r.queryTerms);
  for (const t of r.queryTerms) {
    const typed = plan.corrections.get(t);
    if (typed !== undefined) matched.add(typed);
  }
  return matched;
}

/** Name terms of every run of two or three adjacent Latin words (at most MAX_NAMES). */
function nameTerms(words: QueryWord[]): string[] {
  const out = new Set<string>();
  const latin = (w: QueryWord) => w.kind !== 'hangul' && /^[\p{L}\p{M}'’\-‐‑.]+$/u.test(w.raw) && w.terms.every(isLatinTerm);
  for (let i = 0; i < words.length && out.size < MAX_NAMES; i++) {
    for (let n = 2; n <= 3 && i + n <= words.length; n++) {
      const span = words.slice(i, i + n);
      if (!span.every(latin) || span.some((w) => w.phrase !== span[0]!.phrase)) break;
      const term = nameTerm(span.map((w) => w.raw).join(' '));
      if (term) out.add(term);
    }
  }
  return [...out].slice(0, MAX_NAMES);
}

/**
 * The MiniSearch query for a plan: one sub-query per term, ORed, each with its own prefix,
 * fuzzy, weight and fields. Pass it with `planSearchOptions` (terms are already processed).
 */
export function miniSearchQuery(plan: QueryPlan): Query {
  return {
    combineWith: 'OR',
    queries: plan.terms.map((t) => ({
      queries: [t.term],
      prefix: t.prefix,
      fuzzy: t.fuzzy,
      boostTerm: () => t.weight,
      ...(t.name ? { fields: ['authors'] } : {}),
    })),
  };
}

/** Search options under which `miniSearchQuery`'s terms are taken as they are. */
export const planSearchOptions: SearchOptions = {
  tokenize: (s: string) => [s],
  processTerm: (t: string) => t,
  combineWith: 'OR',
};

/**
 * Whether a paper matched a word, given the query terms it matched (`matched`: MiniSearch's
 * `queryTerms`): a Hangul word by its form, its stem (as a prefix) or every bigram of its stem;
 * a hyphenated word by its joined form or all its parts; any other word by its term.
 */
export function wordMatched(w: QueryWord, matched: ReadonlySet<string>): boolean {
  if (w.kind === 'hangul') {
    return matched.has(w.surface!) || matched.has(w.stem!) || w.terms.every((t) => matched.has(t));
  }
  if (w.kind === 'joined') {
    return matched.has(w.terms[w.terms.length - 1]!) || w.terms.slice(0, -1).every((t) => matched.has(t));
  }
  return w.terms.every((t) => matched.has(t));
}

/** How a result ranks: compare keys element by element, larger first (see the module comment). */
export type RankKey = [words: number, name: number, junctions: number, exact: number, score: number];

/**
 * The rank key of a MiniSearch result of `miniSearchQuery(plan)`, or null when it fails a quoted
 * phrase. `score` is MiniSearch's BM25 sum without its multiplication by the number of matched
 * terms (word coverage is the first key instead).
 */
export function rankKey(plan: QueryPlan, r: SearchResult): RankKey | null {
  const matched = matchedTerms(plan, r);
  let words = 0;
  let junctions = 0;
  let exact = 0;
  for (const w of plan.words) {
    const ok = wordMatched(w, matched);
    const joined = w.junction !== undefined && matched.has(w.junction);
    if (w.phrase >= 0 && (!ok || (w.kind === 'hangul' && w.junction && !joined))) return null;
    if (ok) words++;
    if (joined) junctions++;
    // As typed: the paper holds the word's own index term (not only a prefix, typo or stem match);
    // a bare word of two syllables, as a word of its own (its word term, not a bigram of a longer word).
    if (Object.hasOwn(r.match, exactTerm(w))) exact++;
  }
  const name = plan.names.some((n) => matched.has(n)) ? 1 : 0;
  return [words, name, junctions, exact, r.score / Math.max(1, r.queryTerms.length)];
}

/** The index term that holds a query word exactly as typed (see rankKey). */
function exactTerm(w: QueryWord): string {
  if (w.kind !== 'hangul') return w.terms[w.terms.length - 1]!;
  return w.surface === w.stem && w.stem!.length === 2 ? wordTerm(w.surface!, w.stem!)! : w.surface!;
}

/** Orders rank keys, best first. */
export function compareRankKeys(a: RankKey, b: RankKey): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i]! - a[i]!;
  return 0;
}

/**
 * Whether a paper's text (title, summary and author names) holds the query the way a saved-query feed means
 * it: every Hangul word of three syllables or more appears as its stem, written with or without
 * spaces between its syllables (`강화학습` = `강화 학습`, not `강화` here and `학습` there), and
 * every quoted phrase appears as typed (case and spacing aside). The index alone cannot tell
 * (it has no positions); the index step applies this to the papers the index selected.
 * `text` may be a function giving the text: it is called only when the plan has such a word
 * or phrase, at most once.
 */
export function textMatches(plan: QueryPlan, text: string | (() => string)): boolean {
  // The text is read (and folded) only when a word or phrase asks for it: most plans need none.
  let written: string | null = null;
  let folded: string | null = null;
  const source = (): string => (written ??= typeof text === 'string' ? text : text());
  const read = (): string => (folded ??= fold(source()));
  // Folding keeps precomposed Hangul syllables as they are and turns whitespace into spaces, so
  // a match in the text as written is one in the folded text, unless a conjoining or
  // compatibility jamo or a combining mark could merge into a syllable: then only the folded
  // text says. Folding every selected paper's text was most of a saved query's time.
  let asWritten: boolean | null = null; // whether a match in the written text counts (asked once)
  for (const w of plan.words) {
    if (w.kind !== 'hangul' || w.stem!.length < 3) continue;
    const stem = new RegExp([...w.stem!].join('\\s*'), 'u');
    asWritten ??= !MERGES_INTO_SYLLABLE.test(source());
    if (asWritten && stem.test(source())) continue;
    if (!stem.test(read())) return false;
  }
  const phrases = new Map<number, string[]>();
  for (const w of plan.words) if (w.phrase >= 0) phrases.set(w.phrase, [...(phrases.get(w.phrase) ?? []), w.raw]);
  for (const raw of phrases.values()) {
    if (!read().includes(fold(raw.join(' ')))) return false;
  }
  return true;
}

/** What NFKD and NFKC may join with a Hangul syllable next to it: jamo of any block, combining marks. */
const MERGES_INTO_SYLLABLE = /[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff]|\p{M}/u;

/** Lower case, NFKC, diacritics removed, runs of whitespace and punctuation as one space. */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
}
