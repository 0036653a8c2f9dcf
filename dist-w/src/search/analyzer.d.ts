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
export declare const ANALYZER_VERSION = "ko-forms-2";
/** A query longer than this (in UTF-16 units) is cut before analysis. */
export declare const MAX_QUERY_LENGTH = 512;
/** At most this many query tokens are searched (long queries stay fast). */
export declare const MAX_QUERY_TOKENS = 32;
/** Makes any input a well-formed string without control characters. Never throws. */
export declare function cleanText(text: unknown): string;
/**
 * Every arXiv ID mentioned in `text`, bare and without version, in order of appearance,
 * deduplicated: `arXiv:2404.03715`, `https://arxiv.org/pdf/2404.03715v2.pdf` -> `2404.03715`.
 */
export declare function extractArxivIds(text: string): string[];
/** Removes one trailing particle from a Hangul word when at least two syllables remain. */
export declare function stripParticle(word: string): string;
/** The stem of a Hangul word: particle, then up to two verb endings removed. */
export declare function koreanStem(word: string): string;
/** The overlapping syllable bigrams of a Hangul stem; a stem of one or two syllables is its own term. */
export declare function hangulBigrams(stem: string): string[];
/**
 * A whole-word form in more than this share of the documents is left out of the index (0.8%:
 * 43 of the real corpus's 5,487 papers). Measured on the search eval (docs/search.md): a higher
 * cut-off keeps more of the forms two-word Korean queries are typed with, within the size budget
 * that leaving out the name terms of two-paper authors frees (0.5% before).
 */
export declare const COMMON_FORM_SHARE = 0.008;
/** ... but never when it is in this many documents or fewer. */
export declare const COMMON_FORM_MIN = 20;
/** A name term (see nameTerm) in this many documents or fewer is left out of the index. */
export declare const NAME_MAX_LEFT_OUT = 2;
/**
 * Whether the index leaves a term out, given its postings (documents × fields) among
 * `documentCount` documents:
 * - a common Hangul word form: a whole word (three syllables or more: surface forms and bare
 *   stems; bigrams and short stems always stay) with more postings than `COMMON_FORM_SHARE` of
 *   the documents and `COMMON_FORM_MIN`. Such a form says little beyond its stem, whose bigrams
 *   still find it (the rule of Lucene's common-terms cut-off, applied at build time);
 * - a name term (see nameTerm) in at most NAME_MAX_LEFT_OUT papers: it only ranks that person's
 *   one or two papers above others naming the same words, and the words of the name (both in
 *   the authors field) still find them; the author filter falls back to those words (client.ts).
 * Both keep search-index.json within its size budget (docs/search.md).
 */
export declare function isLeftOut(term: string, postings: number, documentCount: number): boolean;
/**
 * The name term of a person's name: its author key (src/authors.ts) with `_` for the space
 * (`Heng Ji`, `HENG JI`, `Héng Ji` -> `heng_ji`; `Ying-Cong Chen` -> `yingcong_chen`), so that any
 * spelling folding to one key finds that person's papers, and no word typed in a query is one.
 * Null for a one-word name (an ordinary word) or a name without letters.
 */
export declare function nameTerm(name: string): string | null;
/**
 * Splits text into raw terms (see the module comment). `fieldName` is given while
 * indexing; the `id` field is kept whole. Never throws; returns [] for non-strings.
 */
export declare function tokenize(text: string, fieldName?: string): string[];
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
/**
 * The words of a query (see QueryWord), in order, cut like tokenizeQuery: the query to
 * MAX_QUERY_LENGTH, the words while their terms fit in MAX_QUERY_TOKENS. Text between a pair of
 * quotes is a phrase; an unpaired quote is ignored. Never throws.
 */
export declare function analyzeQuery(query: string): QueryWord[];
/**
 * Normalizes one raw term: Latin lower-cased with diacritics removed; Hangul and IDs kept.
 * Returns null for a term that should not be indexed or searched.
 */
export declare function processTerm(term: string, _fieldName?: string): string | null;
/** The terms a query is searched for, in order (what MiniSearch sees after tokenize + processTerm). */
export declare function queryTerms(query: string): string[];
/** tokenize for queries: cut to MAX_QUERY_LENGTH, repeated tokens once, at most MAX_QUERY_TOKENS tokens. */
export declare function tokenizeQuery(query: string): string[];
/** True for a processed term that is a plain Latin word (fuzzy matching applies only to these). */
export declare function isLatinTerm(term: string): boolean;
/** True for a processed term that is Hangul. */
export declare function isHangulTerm(term: string): boolean;
//# sourceMappingURL=analyzer.d.ts.map