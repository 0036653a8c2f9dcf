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
 *   a shorter stem exactly (never as a prefix: see planQuery);
 *   after a bare word and a space, the junction bigram that joins the two (`강화 학습` -> `화학`);
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
 * then papers holding more of the words exactly as typed (not only by prefix, typo or stem);
 * then the BM25 score of the weighted terms. A quoted phrase is a filter: its words must all
 * match and its Hangul words must be joined (their junctions present). The index has no word
 * positions, so adjacency of Latin words in a phrase is not checked here (the index step checks
 * it in the text for saved-query feeds, `textMatches`).
 *
 * Pure and browser-safe: no `node:` imports.
 */
import type { Query, SearchOptions, SearchResult } from 'minisearch';
import type { QueryWord } from './analyzer.ts';
/** Total weight of a Hangul word's bigrams (an exact form weighs 1). */
export declare const GRAM_WEIGHT = 0.6;
/** Weight of a junction bigram. */
export declare const JUNCTION_WEIGHT = 0.5;
/**
 * MiniSearch's weight for a fuzzy match (its default `weights.fuzzy`), which a transposed typo's
 * correction gets as well, scaled like a one-edit fuzzy match (see planQuery).
 */
export declare const FUZZY_WEIGHT = 0.45;
/** A Latin word of this many letters or more is also searched as a prefix, wherever it is in the query. */
export declare const PREFIX_MIN = 4;
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
/** One edit for Latin words of four letters or more; never for Hangul, digits or IDs. */
export declare function fuzzyLatin(term: string): number | false;
/**
 * The plan of a query (see the module comment). With `known` (whether the index holds a term),
 * a word the index holds is not searched with a typo: a typo is a word the index does not know,
 * and one-edit lookups are most of a query's time. Never throws.
 */
export declare function planQuery(query: string, known?: (term: string) => boolean): QueryPlan;
/** The words made from `term` by swapping two adjacent, different letters, in order of position. */
export declare function transpositions(term: string): string[];
/**
 * The query terms a result matched (MiniSearch's `queryTerms`), with the term typed added for
 * each correction of a transposed typo it matched (see QueryPlan.corrections).
 */
export declare function matchedTerms(plan: QueryPlan, r: SearchResult): Set<string>;
/**
 * The MiniSearch query for a plan: one sub-query per term, ORed, each with its own prefix,
 * fuzzy, weight and fields. Pass it with `planSearchOptions` (terms are already processed).
 */
export declare function miniSearchQuery(plan: QueryPlan): Query;
/** Search options under which `miniSearchQuery`'s terms are taken as they are. */
export declare const planSearchOptions: SearchOptions;
/**
 * Whether a paper matched a word, given the query terms it matched (`matched`: MiniSearch's
 * `queryTerms`): a Hangul word by its form, its stem (as a prefix) or every bigram of its stem;
 * a hyphenated word by its joined form or all its parts; any other word by its term.
 */
export declare function wordMatched(w: QueryWord, matched: ReadonlySet<string>): boolean;
/** How a result ranks: compare keys element by element, larger first (see the module comment). */
export type RankKey = [words: number, name: number, junctions: number, exact: number, score: number];
/**
 * The rank key of a MiniSearch result of `miniSearchQuery(plan)`, or null when it fails a quoted
 * phrase. `score` is MiniSearch's BM25 sum without its multiplication by the number of matched
 * terms (word coverage is the first key instead).
 */
export declare function rankKey(plan: QueryPlan, r: SearchResult): RankKey | null;
/** Orders rank keys, best first. */
export declare function compareRankKeys(a: RankKey, b: RankKey): number;
/**
 * Whether a paper's text (title, summary and author names) holds the query the way a saved-query feed means
 * it: every Hangul word of three syllables or more appears as its stem, written with or without
 * spaces between its syllables (`강화학습` = `강화 학습`, not `강화` here and `학습` there), and
 * every quoted phrase appears as typed (case and spacing aside). The index alone cannot tell
 * (it has no positions); the index step applies this to the papers the index selected.
 */
export declare function textMatches(plan: QueryPlan, text: string): boolean;
//# sourceMappingURL=query.d.ts.map