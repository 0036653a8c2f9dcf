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
 * - NFKC, then a space wherever Hangul meets another script (`GPT-4o보다` -> `GPT-4o 보다`).
 * - Latin words: lower-cased, diacritics removed (`Ramé` -> `rame`); a hyphenated word
 *   yields its parts and the joined form (`Ying-Cong` -> `ying`, `cong`, `yingcong`).
 * - Hangul words: a trailing particle is removed (`모델을` -> `모델`), then the stem is
 *   indexed as overlapping syllable bigrams (`언어모델` -> `언어`, `어모`, `모델`), so a
 *   compound matches with or without its space, in both directions.
 */

/** Recorded in the index; the client refuses an index with another version. */
export const ANALYZER_VERSION = 'ko-bigram-1';

/** A query longer than this (in UTF-16 units) is cut before analysis. */
export const MAX_QUERY_LENGTH = 512;
/** At most this many query tokens are searched (long queries stay fast). */
export const MAX_QUERY_TOKENS = 32;
/** Tokens longer than this are dropped (base64 blobs, runaway strings). */
const MAX_TOKEN_LENGTH = 48;

const HANGUL = '\\p{Script=Hangul}';
const HANGUL_RUN = new RegExp(`^[${HANGUL}]+$`, 'u');
const HAS_HANGUL = new RegExp(`[${HANGUL}]`, 'u');
const HANGUL_BOUNDARY = new RegExp(`(?<=[${HANGUL}])(?=[^${HANGUL}])|(?<=[^${HANGUL}])(?=[${HANGUL}])`, 'gu');

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
  /** A Hangul stem (particle removed) and its terms (bigrams, or the stem itself). */
  hangul(stem: string, terms: string[]): void;
}

/** Overlapping syllable bigrams of a Hangul word's stem; a stem of one or two syllables is kept as is. */
function hangulWord(word: string, sink: Sink): void {
  if (PARTICLE_SET.has(word)) return; // a particle split off a Latin word: `LLM을` -> `LLM`, `을`
  const stem = koreanStem(word);
  if (KO_STOP.has(stem) || KO_STOP.has(word)) return;
  if (stem.length <= 2) {
    sink.hangul(stem, [stem]);
    return;
  }
  const terms: string[] = [];
  for (let i = 0; i + 2 <= stem.length; i++) terms.push(stem.slice(i, i + 2));
  sink.hangul(stem, terms);
}

/**
 * For the authors field (one name per line): a name with several given names also yields
 * them joined (`Matthew L. Leavitt` -> `matthewl`), so the two words of an author key
 * (`matthewl leavitt`, see src/authors.ts) are both terms of the authors field.
 */
function authorGivenNames(text: string, sink: Sink): void {
  for (const line of text.split('\n')) {
    const words = line.split(/[.,\s]+/u).filter((w) => w !== '' && w !== '-');
    if (words.length >= 3) sink.term(words.slice(0, -1).join('').replace(/[-'’]/gu, ''));
  }
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
  if (fieldName === 'authors') authorGivenNames(rest, sink);
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
  if (HAS_HANGUL.test(rest)) rest = rest.replace(HANGUL_BOUNDARY, ' ');
  for (const m of rest.matchAll(WORD)) {
    const word = m[0];
    if (HANGUL_RUN.test(word)) {
      hangulWord(word, sink);
      continue;
    }
    if (!JOINER.test(word)) {
      sink.term(word);
      continue;
    }
    if (HAS_HANGUL.test(word)) {
      // Hangul joined to something by a hyphen: each part on its own.
      for (const part of word.split(JOINER)) {
        if (HANGUL_RUN.test(part)) hangulWord(part, sink);
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
    hangul: (_stem, terms) => out.push(...terms),
  });
  return out;
}

/**
 * One unit of a query for all-words matching: it is satisfied when
 * - `all`: every term matched;
 * - `joined`: the joined form (last term) matched, or every part did;
 * - `cover`: the matched bigrams cover every syllable of the Hangul stem.
 */
export interface QueryUnit {
  rule: 'all' | 'joined' | 'cover';
  /** Processed terms, as the index holds them. */
  terms: string[];
}

/** The query cut into units (see QueryUnit), with processed terms; capped like tokenizeQuery. */
export function analyzeQuery(query: string): QueryUnit[] {
  const units: QueryUnit[] = [];
  const proc = (ts: string[]) => ts.map((t) => processTerm(t)).filter((t): t is string => !!t);
  scan(cutQuery(query), undefined, {
    term: (t) => {
      const terms = proc([t]);
      if (terms.length) units.push({ rule: 'all', terms });
    },
    joined: (parts, joined) => {
      const ps = proc(parts);
      const j = joined ? processTerm(joined) : null;
      if (j && ps.length === parts.length) units.push({ rule: 'joined', terms: [...ps, j] });
      else if (ps.length) units.push({ rule: 'all', terms: ps });
    },
    hangul: (stem, terms) => {
      units.push(stem.length <= 2 ? { rule: 'all', terms } : { rule: 'cover', terms });
    },
  });
  // Keep the units whose terms fit within the MAX_QUERY_TOKENS searched.
  const kept: QueryUnit[] = [];
  let n = 0;
  for (const u of units) {
    n += u.terms.length;
    if (n > MAX_QUERY_TOKENS) break;
    kept.push(u);
  }
  return kept;
}

/** Whether a unit is satisfied by a document that matched the query terms in `matched`. */
export function unitSatisfied(unit: QueryUnit, matched: ReadonlySet<string>): boolean {
  const { terms } = unit;
  if (unit.rule === 'all') return terms.every((t) => matched.has(t));
  if (unit.rule === 'joined') {
    return matched.has(terms[terms.length - 1]!) || terms.slice(0, -1).every((t) => matched.has(t));
  }
  // cover: bigram i spans syllables i and i + 1; every syllable 0..n must be spanned.
  const covered = new Array<boolean>(terms.length + 1).fill(false);
  terms.forEach((t, i) => {
    if (matched.has(t)) covered[i] = covered[i + 1] = true;
  });
  return covered.every(Boolean);
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
  let t = term.toLowerCase();
  if (ID_TOKEN.test(t) || HAS_HANGUL.test(t)) return t;
  if (/[^\u0000-\u007f]/u.test(t)) {
    t = t.normalize('NFKD').replace(/\p{M}+/gu, '').replace(LATIN_FOLD_RE, (c) => LATIN_FOLD[c] ?? c);
  }
  t = t.replace(/[^\p{L}\p{N}]+/gu, '');
  return t === '' || EN_STOP.has(t) ? null : t;
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
