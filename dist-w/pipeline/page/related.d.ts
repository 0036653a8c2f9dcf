/**
 * Related papers, computed at build time from the built search index (src/search/index-builder.ts):
 * the cosine similarity of tf-idf vectors over the title and summary terms the index already
 * holds (the analyzer's words and Korean bigrams), nothing analyzed twice.
 *
 * Method (classic vector-space similarity, Salton & Buckley 1988, "Term-weighting approaches in
 * automatic text retrieval"):
 * - a term's frequency in a paper is its title frequency times TITLE_WEIGHT plus its summary
 *   frequency; weight = (1 + ln tf) * ln(N / df); each paper's vector is L2-normalized;
 * - terms found in one paper only, or in more than MAX_DF_SHARE of them, carry no similarity
 *   (the first links nothing, the second is a stop word) and are skipped;
 * - each paper keeps its TOP_TERMS heaviest terms, and each term's list of papers keeps its
 *   LIST_LENGTH heaviest (impact-ordered pruning): a paper is compared with the papers that
 *   weigh its terms most, so the work is at most papers x TOP_TERMS x LIST_LENGTH, linear in the
 *   archive, and memory is papers x TOP_TERMS slots;
 * - the most similar papers above MIN_SIMILARITY come first, ties by short id.
 */
import type { BuiltIndex } from '../../src/search/index-builder.ts';
/** How many related papers each paper keeps. */
export declare const RELATED_COUNT = 5;
/**
 * The RELATED_COUNT most similar papers of each paper, by short id: `related[s]` lists short
 * ids, most similar first (fewer, or none, when not enough papers pass MIN_SIMILARITY). Reads
 * only `index`. Work and memory grow linearly with the papers: each keeps TOP_TERMS terms, and
 * each term's list is cut to its LIST_LENGTH heaviest papers.
 */
export declare function relatedPapers(index: BuiltIndex): number[][];
//# sourceMappingURL=related.d.ts.map