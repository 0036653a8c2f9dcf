/**
 * The search analyzer: the one tokenizer and term processor used both to build
 * the search index (pipeline/steps/search-index.ts) and by every client (src/search/client.ts,
 * the page). MiniSearch does not serialize functions, so an index built with one
 * analyzer and queried with another fails silently; the index therefore records
 * `ANALYZER_VERSION` and the client refuses a mismatch.
 *
 * Bump ANALYZER_VERSION whenever a change here alters the terms produced for any text.
 *
 * Pure and browser-safe: no `node:` imports.
 *
 * What it does:
 * - arXiv IDs in any form (`2404.03715`, `arXiv:2404.03715v2`, abs or pdf URLs,
 *   `hep-th/9901001`) become one term: the bare ID without version.
 * - Other URLs are dropped (their pieces are noise).
 * - NFKC, then a break (GLUE) wherever Hangul is written against another script
 *   (`GPT-4o보다` -> `GPT-4o`, `보다`), remembered so that a particle split off is told apart
 *   from one written apart.
 * - Latin words: lower-cased, diacritics removed (`Ramé` -> `rame`); a hyphenated word
 *   yields its parts and the joined form (`Ying-Cong` -> `ying`, `cong`, `yingcong`).
 * - Hangul words: a trailing particle is removed (`모델을` -> `모델`), then the stem is
 *   indexed as overlapping syllable bigrams (`언어모델` -> `언어`, `어모`, `모델`), so a
 *   compound matches with or without its space, in both directions; the word as written is a
 *   term when something was removed (`모델을`); a word term (`wordTerm`, `모델=`) marks a
 *   two-syllable stem written as a word, a longer word written bare, and a particle or function
 *   word of two syllables or more (`로서=`, `위하여=`).
 */

import { authorKey } from '../authors.ts';

/** Recorded in the index; the client refuses an index with another version. */
export const ANALYZER_VERSION = 'ko-words-3';

/** A query longer than this (in UTF-16 units) is cut before analysis. */
export const MAX_QUERY_LENGTH = 512;
/** At most this many query tokens are searched (long queries stay fast). */
export const MAX_QUERY_TOKENS = 32;
/** Tokens longer than this are dropped (base64 blobs, runaway strings). */
const MAX_TOKEN_LENGTH = 48;

const HANGUL = '\\p{Script=Hangul}';
const HANGUL_RUN = new RegExp(`^[${HANGUL}]+$`, 'u');
const HAS_HANGUL = new RegExp(`[${HANGUL}]`, 'u');
/** Where Hangul meets a character of another kind written against it (`LLM을`, `Tokenizer)로서`). */
const HANGUL_BOUNDARY = new RegExp(`(?<=[${HANGUL}])(?=[^${HANGUL}\\s])|(?<=[^${HANGUL}\\s])(?=[${HANGUL}])`, 'gu');
/**
 * What the scan puts at a HANGUL_BOUNDARY: neither whitespace nor part of a word, so a Hangul
 * run after it is known to be glued to what precedes it. No text holds it: cleanText turns
 * control characters into spaces.
 */
const GLUE = '\u0001';

// arXiv IDs as the analyzer finds them in running text. Looser on purpose than src/arxiv.ts,
// which parses one reference and checks the month and the 4/5-digit era: here any YYMM and an
// archive with at most one hyphen become one term. Changing a shape changes the terms (bump
// ANALYZER_VERSION); the extracting patterns and ID_TOKEN share them so they cannot drift apart.
/** New-style ID shape: `2404.03715` (no version). */
const NEW_ID_SHAPE = String.raw`\d{4}\.\d{4,5}`;
/** Old-style ID shape: `hep-th/9901001`, `math.gt/0309136` (matched case-insensitively in text). */
const OLD_ID_SHAPE = String.raw`[a-z]+(?:-[a-z]+)?(?:\.[a-z]{2})?\/\d{7}`;
/** New-style arXiv IDs (`2404.03715`, optional version), not inside a longer number. */
const NEW_ID = new RegExp(String.raw`(?<![\d.])(${NEW_ID_SHAPE})(?:v\d+)?(?![\d]|\.\d)`, 'gu');
/** Old-style arXiv IDs (`hep-th/9901001`, `math.GT/0309136`), optional version. */
const OLD_ID = new RegExp(String.raw`(?<![\p{L}\p{N}])(${OLD_ID_SHAPE})(?:v\d+)?(?!\d)`, 'giu');
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/giu;
const ARXIV_PREFIX = /\barxiv\s*:\s*/giu;
/** A processed (lower-case) token that is an arXiv ID (already extracted). */
const ID_TOKEN = new RegExp(`^(?:${NEW_ID_SHAPE}|${OLD_ID_SHAPE})$`, 'u');

/** Words: letters, marks and digits, optionally joined by hyphens or apostrophes. */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-‐‑][\p{L}\p{M}\p{N}]+)*/gu;
const JOINER = /['’\-‐‑]/u;
const WHITESPACE_ONLY = /^[^\S\n]+$/u;
/** A name term (see nameTerm): two runs of letters and digits joined by `_`. */
const NAME_TERM = /^[\p{L}\p{N}]+_[\p{L}\p{N}]+$/u;
const HAS_LETTER = /\p{L}/u;
const LATIN_TERM = /^[a-z]+$/u;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/gu;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

/**
 * Korean particles (josa) and a few copula forms removed from the end of a Hangul word,
 * longest first. Only removed when at least two syllables remain, so `차이` stays whole.
 */
const PARTICLES = [
  '에서부터', '으로부터', '으로서의', '으로써의',
  '에서는', '에서도', '에서의', '에게서', '으로서', '으로써', '으로는', '으로도', '으로의',
  '이라는', '이라고', '이라면', '이지만', '이므로', '까지의', '부터의', '보다는', '처럼의', '에게는',
  '에서', '에게', '에는', '에도', '에의', '으로', '로서', '로써', '로는', '로도', '로의',
  '와의', '과의', '와는', '과는', '까지', '부터', '보다', '처럼', '만큼', '마다', '조차', '이나',
  '이며', '이고', '이다', '이란', '라는', '라고', '이든', '에만', '만의', '만을', '들의', '들은',
  '들이', '들을', '들에', '들과', '들로', '들도',
  '은', '는', '이', '가', '을', '를', '의', '에', '와', '과', '도', '만', '로', '들',
];
const PARTICLE_SET = new Set(PARTICLES);
const MAX_PARTICLE = Math.max(...PARTICLES.map((p) => p.length));

const LATIN_FOLD: Record<string, string> = {
  ł: 'l', ø: 'o', đ: 'd', ð: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th', ħ: 'h',
};
const LATIN_FOLD_RE = /[łøđðßæœıþħ]/gu;

// Cheap tests that let the common text skip the costlier passes below (same result either way).
const MAY_HAVE_SURROGATE = /[\ud800-\udfff]/u;
const MAY_HAVE_URL = /https?:\/\/|www\./iu;
const MAY_HAVE_ARXIV = /arxiv/iu;
const MAY_HAVE_NEW_ID = /\d{4}\.\d{4}/u;

/** Makes any input a well-formed string without control characters. Never throws. */
export function cleanText(text: unknown): string {
  if (typeof text !== 'string') return '';
  return (MAY_HAVE_SURROGATE.test(text) ? text.replace(LONE_SURROGATE, ' ') : text).replace(CONTROL, ' ');
}

/**
 * Every arXiv ID mentioned in `text`, bare and without version, in order of appearance,
 * deduplicated: `arXiv:2404.03715`, `https://arxiv.org/pdf/2404.03715v2.pdf` -> `2404.03715`.
 */
export function extractArxivIds(text: string): string[] {
  const clean = cleanText(text);
  const found: { at: number; id: string }[] = [];
  for (const m of clean.matchAll(NEW_ID)) found.push({ at: m.index, id: m[1]! });
  for (const m of clean.matchAll(OLD_ID)) found.push({ at: m.index, id: m[1]!.toLowerCase() });
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((f) => f.id))];
}

/** Removes one trailing particle from a Hangul word when at least two syllables remain. */
export function stripParticle(word: string): string {
  return stripLongest(word, PARTICLE_SET, MAX_PARTICLE);
}

function stripLongest(word: string, set: ReadonlySet<string>, longest: number): string {
  const max = Math.min(longest, word.length - 2);
  for (let n = max; n >= 1; n--) {
    if (set.has(word.slice(-n))) return word.slice(0, -n);
  }
  return word;
}

/**
 * Verb and adjective endings removed after the particle (at most twice, keeping two
 * syllables): `제공합니다` -> `제공`, `효율적인` -> `효율`, `개선되었으며` -> `개선`.
 * They would otherwise index as bigrams (`합니`, `니다`) that every summary holds.
 */
const ENDINGS = [
  '했습니다', '었습니다', '였습니다', '하였으며', '되었으며', '시킵니다', '켰습니다', '냈습니다', '났습니다',
  '졌습니다', '주었으며', '어집니다', '시켰으며', '시키면서', '하였으나', '되었으나', '시키고자', '어졌으며',
  '합니다', '습니다', '입니다', '줍니다', '됩니다', '킵니다', '냅니다', '집니다', '하면서', '었으며', '였으며',
  '했으며', '하도록', '시키기', '하거나', '하는데', '하고자', '시키고', '하는지', '하였고', '하였다', '시키며',
  '되었다', '시킨다', '켰으며', '스러운', '스럽게', '시키는', '시켜서', '하였으며', '되었고', '되어야',
  '니다', '하여', '하고', '적인', '하며', '하기', '으며', '하게', '면서', '한다', '되어', '하지', '도록',
  '시키', '시켜', '시킨', '시킬', '되며', '거나', '주며', '되지', '고자', '되고', '는데', '는지', '으나',
  '했다', '된다', '되는', '하는', '해서', '하면', '했고', '하였', '되었', '했으', '시켰', '적이', '적을',
  '적으', '하려', '되기', '되게', '해야', '하던', '했던', '되던',
  '한', '된', '할', '함', '됨', '적', '며', '하', '되', '해', '했', '돼', '됐',
];
const ENDING_SET = new Set(ENDINGS);
const MAX_ENDING = Math.max(...ENDINGS.map((e) => e.length));

/** Function words dropped after stripping (as stems): they carry no meaning for search. */
const KO_STOP = new Set([
  '수', '및', '등', '것', '더', '또', '그', '이', '각', '본', '두', '중', '위', '통해', '또한', '특히', '이는', '이를',
  '위해', '위한', '같은', '대한', '대해', '의해', '이러한', '이러', '있는', '있다', '있으며', '있습니다', '있',
  '그리고', '하지만', '그러나', '따라서', '또는', '이와', '이에', '있어', '없는', '위하여', '이번', '우리', '이것',
]);

/**
 * Frequent bare words that modify the next noun (adnominal forms the stemmer keeps whole, and
 * adverbs): they never start a compound, so no junction joins them to the next word.
 */
const MODIFIERS = new Set([
  '새로운', '높은', '뛰어난', '다른', '모든', '나은', '많은', '여러', '가장', '매우', '더욱', '좋은', '낮은', '작은', '큰',
]);

/** English function words dropped from Latin text. */
const EN_STOP = new Set([
  'a', 'an', 'the', 'of', 'for', 'and', 'in', 'on', 'to', 'with', 'via', 'by', 'from', 'is', 'are', 'as', 'at', 'or',
]);

/** The stem of a Hangul word: particle, then up to two verb endings removed. */
export function koreanStem(word: string): string {
  let stem = stripParticle(word);
  for (let i = 0; i < 2; i++) {
    const next = stripLongest(stem, ENDING_SET, MAX_ENDING);
    if (next === stem) break;
    stem = next;
  }
  return stem;
}

/** Receives the pieces of analyzed text, in order. */
interface Sink {
  /** A term that stands alone (an arXiv ID, a plain word). */
  term(t: string): void;
  /** A hyphenated word: its parts and their joined form. */
  joined(parts: string[], joined: string | null): void;
  /**
   * A Hangul word as written (`surface`), its stem (particles and endings removed) and the stem's
   * terms (bigrams, or the stem itself).
   */
  hangul(surface: string, stem: string, terms: string[]): void;
  /**
   * A particle or function word as a word of its own, with its word term (see wordTerm): split
   * off the word it was written against (`glued`: `Tokenizer)로서` -> `로서`) or written apart.
   */
  functionWord(word: string, term: string, glued: boolean): void;
  /**
   * The bigram spanning two adjacent Hangul words (last syllable of the first stem, first of the
   * second: `강화 학습` -> `화학`), so a compound matches written with or without its space.
   */
  junction(term: string): void;
}

/** The overlapping syllable bigrams of a Hangul stem; a stem of one or two syllables is its own term. */
export function hangulBigrams(stem: string): string[] {
  if (stem.length <= 2) return [stem];
  const terms: string[] = [];
  for (let i = 0; i + 2 <= stem.length; i++) terms.push(stem.slice(i, i + 2));
  return terms;
}

/** A particle or function word as written: its word term, if it has one, to the sink; null (no stem). */
function functionWord(word: string, sink: Sink, glued: boolean): null {
  const term = wordTerm(word, word);
  if (term) sink.functionWord(word, term, glued);
  return null;
}

/** The mark of a word term (see wordTerm): the tokenizer splits text at it, so no query word holds it. */
export const WORD_MARK = '=';

/**
 * The word term of a Hangul word (`surface`, its `stem`): its stem marked as written as a word
 * of its own, for the one kind of word no other term tells apart.
 * - A stem of two syllables, with or without an ending (`심사`, `심사를` -> `심사=`): unmarked, it
 *   is the same term as the bigram `심사` of any longer stem (`심사숙고가`), so a two-syllable
 *   word typed on its own could not rank a paper that writes it as a word above one that writes
 *   it inside a compound (src/search/query.ts).
 * - A bare word of three syllables or more (`평가자` -> `평가자=`): its inflected forms are terms
 *   of their own, but the bare word is found only by its bigrams and by its stem as a prefix of
 *   the other forms. Unmarked, a query's stem would match it exactly and outrank the forms.
 * Null for any other word (a one-syllable stem, an inflected word of three syllables or more).
 */
export function wordTerm(surface: string, stem: string): string | null {
  return stem.length === 2 || (stem.length >= 3 && surface === stem) ? stem + WORD_MARK : null;
}

/**
 * A Hangul word: its surface form, stem and the stem's bigrams go to the sink; returns the stem,
 * or null for a word that is not indexed that way: a particle (split off the word before it,
 * `glued`: `Tokenizer)로서` -> `로서`, or written apart) or a function word (`위하여`, `통해`).
 * Such a word of two syllables or more goes to the sink as its word term alone (`functionWord`);
 * one of one syllable (`LLM을`, `수`) not at all.
 */
function hangulWord(word: string, sink: Sink, glued = false): string | null {
  if (PARTICLE_SET.has(word)) return functionWord(word, sink, glued);
  const stem = koreanStem(word);
  if (KO_STOP.has(stem) || KO_STOP.has(word)) return functionWord(word, sink, glued);
  sink.hangul(word, stem, hangulBigrams(stem));
  return stem;
}

/** A name term (see nameTerm) in this many documents or fewer is left out of the index. */
export const NAME_MAX_LEFT_OUT = 2;

/**
 * Whether the index leaves a term out, given its postings (documents × fields): a name term
 * (see nameTerm) in at most NAME_MAX_LEFT_OUT papers. It only ranks that person's one or two
 * papers above others naming the same words, and the words of the name (both in the authors
 * field) still find them; the author filter falls back to those words (client.ts). Every other
 * term is kept: every Hangul word form too, since the compact postings (src/search/postings.ts)
 * leave room for them in the size budget (docs/search.md).
 */
export function isLeftOut(term: string, postings: number): boolean {
  return term.includes('_') && NAME_TERM.test(term) && postings <= NAME_MAX_LEFT_OUT;
}

/**
 * For the authors field (one name per line): each name's name term (see nameTerm), so that a
 * query naming a person finds exactly that person's papers; and for a name with several given
 * names, them joined (`Matthew L. Leavitt` -> `matthewl`), so that both words of the author key
 * (`matthewl leavitt`, see src/authors.ts) are terms of the field even where the index leaves
 * the name term out (see isLeftOut).
 */
function authorNames(text: string, sink: Sink): void {
  for (const line of text.split('\n')) {
    const words = line.split(/[.,\s]+/u).filter((w) => w !== '' && w !== '-');
    if (words.length >= 3) sink.term(words.slice(0, -1).join('').replace(/[-'’]/gu, ''));
    const name = nameTerm(line);
    if (name) sink.term(name);
  }
}

/**
 * The name term of a person's name: its author key (src/authors.ts) with `_` for the space
 * (`Heng Ji`, `HENG JI`, `Héng Ji` -> `heng_ji`; `Ying-Cong Chen` -> `yingcong_chen`), so that any
 * spelling folding to one key finds that person's papers, and no word typed in a query is one.
 * Null for a one-word name (an ordinary word) or a name without letters.
 */
export function nameTerm(name: string): string | null {
  const key = authorKey(name);
  const space = key.indexOf(' ');
  if (space < 0) return null;
  const part = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '');
  const term = `${part(key.slice(0, space))}_${part(key.slice(space + 1))}`;
  return NAME_TERM.test(term) && term.length <= MAX_TOKEN_LENGTH && HAS_LETTER.test(term) ? term : null;
}

function scan(text: string, fieldName: string | undefined, sink: Sink): void {
  let rest = cleanText(text);
  if (rest === '') return;
  if (fieldName === 'id') {
    const id = rest.trim().toLowerCase();
    if (id !== '') sink.term(id);
    return;
  }
  rest = rest.normalize('NFKC');
  if (fieldName === 'authors') authorNames(rest, sink);
  // URLs: keep only the arXiv IDs they carry.
  if (MAY_HAVE_URL.test(rest)) rest = rest.replace(URL_RE, (url) => ` ${extractArxivIds(url).join(' ')} `);
  if (MAY_HAVE_ARXIV.test(rest)) rest = rest.replace(ARXIV_PREFIX, ' ');
  // Bare IDs become whole terms and leave the text, so `2404.03715` is not split at the dot.
  if (MAY_HAVE_NEW_ID.test(rest)) {
    rest = rest.replace(NEW_ID, (_m, id: string) => {
      sink.term(id);
      return ' ';
    });
  }
  if (rest.includes('/')) {
    rest = rest.replace(OLD_ID, (_m, id: string) => {
      sink.term(id.toLowerCase());
      return ' ';
    });
  }
  if (HAS_HANGUL.test(rest)) rest = rest.replace(HANGUL_BOUNDARY, GLUE);
  // The previous Hangul stem and where its word ended: a junction joins it to the next Hangul
  // word when only whitespace stands between them.
  let prevStem: string | null = null;
  let prevEnd = -1;
  for (const m of rest.matchAll(WORD)) {
    const word = m[0];
    if (HANGUL_RUN.test(word)) {
      const adjacent = prevStem !== null && WHITESPACE_ONLY.test(rest.slice(prevEnd, m.index));
      const stem = hangulWord(word, sink, m.index > 0 && rest[m.index - 1] === GLUE);
      // A compound written with its space is a bare noun, then a noun (bare or with a particle:
      // `강화 학습을`): only such a pair of words of two syllables or more is joined by a junction.
      const noun = stem !== null && stem.length >= 2 && stripParticle(word) === stem;
      if (noun && adjacent) sink.junction(prevStem!.slice(-1) + stem[0]!);
      prevStem = noun && stem === word && !MODIFIERS.has(word) ? stem : null;
      prevEnd = m.index + word.length;
      continue;
    }
    prevStem = null;
    if (!JOINER.test(word)) {
      sink.term(word);
      continue;
    }
    if (HAS_HANGUL.test(word)) {
      // Hangul joined to something by a hyphen: each part on its own.
      for (const part of word.split(JOINER)) {
        if (HANGUL_RUN.test(part)) hangulWord(part, sink, true);
        else if (part) sink.term(part);
      }
      continue;
    }
    const parts = word.split(JOINER).filter((p) => p !== '');
    // The joined form (`Ying-Cong` -> `YingCong`, `GPT-4o` -> `GPT4o`), unless all parts are numbers.
    sink.joined(parts, parts.length > 1 && parts.some((p) => HAS_LETTER.test(p)) ? parts.join('') : null);
  }
}

/**
 * Splits text into raw terms (see the module comment). `fieldName` is given while
 * indexing; the `id` field is kept whole. Never throws; returns [] for non-strings.
 */
export function tokenize(text: string, fieldName?: string): string[] {
  const out: string[] = [];
  scan(text, fieldName, {
    term: (t) => out.push(t),
    joined: (parts, joined) => {
      out.push(...parts);
      if (joined) out.push(joined);
    },
    hangul: (surface, stem, terms) => {
      // The surface form is a term when something was stripped from it: a bare word is
      // found by its bigrams (or is its own single term).
      if (surface !== stem) out.push(surface);
      out.push(...terms);
      const word = wordTerm(surface, stem);
      if (word) out.push(word);
    },
    functionWord: (_word, term) => out.push(term),
    junction: (t) => out.push(t),
  });
  return out;
}

/**
 * One word of a query, analyzed like indexed text:
 * - `term`: one term (`terms[0]`);
 * - `joined`: a hyphenated word, its parts then their joined form (`terms`);
 * - `hangul`: a Hangul word as typed (`surface`), its `stem` and the stem's bigrams (`terms`).
 */
export interface QueryWord {
  kind: 'term' | 'joined' | 'hangul';
  /** Processed terms, as the index holds them (see above). */
  terms: string[];
  /** The word as typed (NFKC; for author names). */
  raw: string;
  /** Hangul: the word as typed and its stem (particles and endings removed). */
  surface?: string;
  stem?: string;
  /** Hangul typed after a bare Hangul word and a space: the bigram joining the two (see Sink.junction). */
  junction?: string;
  /** The quoted phrase (`"..."`) the word is in, counted from 0; -1 outside quotes. */
  phrase: number;
}

/** Opening and closing quotes: straight and typographic. */
const QUOTE = /["“”„]/u;

/**
 * The words of a query (see QueryWord), in order, cut like tokenizeQuery: the query to
 * MAX_QUERY_LENGTH, the words while their terms fit in MAX_QUERY_TOKENS. Text between a pair of
 * quotes is a phrase; an unpaired quote is ignored. Never throws.
 */
export function analyzeQuery(query: string): QueryWord[] {
  const words: QueryWord[] = [];
  const proc = (ts: string[]) => ts.map((t) => processTerm(t)).filter((t): t is string => !!t);
  const segments = cutQuery(query).split(QUOTE);
  segments.forEach((segment, i) => {
    // Odd segments are inside quotes, except a last one left open.
    const phrase = i % 2 === 1 && i < segments.length - 1 ? (i - 1) / 2 : -1;
    let last: QueryWord | null = null;
    scan(segment, undefined, {
      term: (t) => {
        const terms = proc([t]);
        if (terms.length) words.push((last = { kind: 'term', terms, raw: t, phrase }));
      },
      joined: (parts, joined) => {
        const ps = proc(parts);
        const j = joined ? processTerm(joined) : null;
        const raw = parts.join('-');
        if (j && ps.length === parts.length) words.push((last = { kind: 'joined', terms: [...ps, j], raw, phrase }));
        else if (ps.length) words.push((last = { kind: 'term', terms: ps, raw, phrase }));
      },
      hangul: (surface, stem, terms) => {
        words.push((last = { kind: 'hangul', terms, raw: surface, surface, stem, phrase }));
      },
      // A particle or function word typed apart is a word to match (by its word term); one
      // glued to the word before it (`LLM에서`) only inflects that word.
      functionWord: (word, term, glued) => {
        if (!glued) words.push((last = { kind: 'term', terms: [term], raw: word, phrase }));
      },
      junction: (t) => {
        if (last) last.junction = t;
      },
    });
  });
  // Keep the words whose terms fit within the MAX_QUERY_TOKENS searched.
  const kept: QueryWord[] = [];
  let n = 0;
  for (const w of words) {
    n += w.terms.length + (w.kind === 'hangul' ? 2 : 0);
    if (n > MAX_QUERY_TOKENS) break;
    kept.push(w);
  }
  return kept;
}

function cutQuery(query: string): string {
  const q = cleanText(query);
  return q.length > MAX_QUERY_LENGTH ? q.slice(0, MAX_QUERY_LENGTH) : q;
}

/**
 * Normalizes one raw term: Latin lower-cased with diacritics removed; Hangul and IDs kept.
 * Returns null for a term that should not be indexed or searched.
 */
export function processTerm(term: string, _fieldName?: string): string | null {
  if (typeof term !== 'string' || term === '' || term.length > MAX_TOKEN_LENGTH) return null;
  // The two commonest shapes, decided without the regular expressions below (same results):
  // a term starting with a Hangul syllable is kept, ASCII letters and digits are lower-cased.
  const first = term.charCodeAt(0);
  if (first >= 0xac00 && first <= 0xd7a3) return term.toLowerCase();
  if (isAsciiWord(term)) {
    const lower = term.toLowerCase();
    return EN_STOP.has(lower) ? null : lower;
  }
  let t = term.toLowerCase();
  if (ID_TOKEN.test(t) || HAS_HANGUL.test(t) || NAME_TERM.test(t)) return t;
  if (/[^\u0000-\u007f]/u.test(t)) {
    t = t.normalize('NFKD').replace(/\p{M}+/gu, '').replace(LATIN_FOLD_RE, (c) => LATIN_FOLD[c] ?? c);
  }
  t = t.replace(/[^\p{L}\p{N}]+/gu, '');
  return t === '' || EN_STOP.has(t) ? null : t;
}

/** Whether a string is only ASCII letters and digits. */
function isAsciiWord(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return false;
  }
  return true;
}

/** The terms a query is searched for, in order (what MiniSearch sees after tokenize + processTerm). */
export function queryTerms(query: string): string[] {
  const tokens = tokenizeQuery(query);
  const terms: string[] = [];
  for (const token of tokens) {
    const t = processTerm(token);
    if (t) terms.push(t);
  }
  return terms;
}

/** tokenize for queries: cut to MAX_QUERY_LENGTH, repeated tokens once, at most MAX_QUERY_TOKENS tokens. */
export function tokenizeQuery(query: string): string[] {
  return [...new Set(tokenize(cutQuery(query)))].slice(0, MAX_QUERY_TOKENS);
}

/** True for a processed term that is a plain Latin word (fuzzy matching applies only to these). */
export function isLatinTerm(term: string): boolean {
  return LATIN_TERM.test(term);
}

/** True for a processed term that is Hangul. */
export function isHangulTerm(term: string): boolean {
  return HAS_HANGUL.test(term);
}
