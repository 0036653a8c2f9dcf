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
 * - each paper keeps its TOP_TERMS heaviest terms (pruning the tail bounds the work: the cost is
 *   the sum over terms of the square of the papers keeping them, not of all their papers);
 * - the most similar papers above MIN_SIMILARITY come first, ties by short id.
 */
import type { BuiltIndex } from '../../src/search/index-builder.ts';
import { SEARCH_FIELDS } from '../../src/search/options.ts';

/** How many related papers each paper keeps. */
export const RELATED_COUNT = 5;
/** A title occurrence counts this many summary occurrences. */
const TITLE_WEIGHT = 3;
/** Terms in more than this share of the papers are skipped. */
const MAX_DF_SHARE = 0.1;
/** Terms kept per paper (its heaviest). */
const TOP_TERMS = 48;
/** Papers less similar than this (cosine, 0..1) are not related. */
const MIN_SIMILARITY = 0.08;

const TITLE = SEARCH_FIELDS.indexOf('title');
const SUMMARY = SEARCH_FIELDS.indexOf('summary');

/**
 * Reads one term's postings, `bytes[from, to)` as index-builder writes them
 * (`{"<field>":{"<short>":freq,...},...}`: ASCII digits, no spaces), into `docs`/`tf` (parallel,
 * one entry per paper): the title frequency times TITLE_WEIGHT plus the summary frequency.
 * `slot[doc]` is the paper's entry + 1 while reading (0 otherwise; reset before returning).
 * Returns the number of papers.
 */
function readTerm(bytes: Uint8Array, from: number, to: number, docs: Int32Array, tf: Float64Array, slot: Int32Array): number {
  let count = 0;
  let i = from;
  let field = -1;
  let depth = 0;
  while (i < to) {
    const c = bytes[i]!;
    if (c === 123 /* { */) {
      depth++;
      i++;
    } else if (c === 125 /* } */) {
      depth--;
      i++;
    } else if (c === 34 /* " */) {
      let n = 0;
      for (i++; bytes[i] !== 34; i++) n = n * 10 + (bytes[i]! - 48);
      i += 2; // closing quote and colon
      if (depth === 1) {
        field = n;
        continue;
      }
      let f = 0;
      for (; bytes[i]! >= 48 && bytes[i]! <= 57; i++) f = f * 10 + (bytes[i]! - 48);
      const w = field === TITLE ? f * TITLE_WEIGHT : field === SUMMARY ? f : 0;
      if (w === 0) continue;
      let at = slot[n]! - 1;
      if (at < 0) {
        at = count++;
        slot[n] = at + 1;
        docs[at] = n;
        tf[at] = 0;
      }
      tf[at]! += w;
    } else i++; // commas
  }
  for (let k = 0; k < count; k++) slot[docs[k]!] = 0;
  return count;
}

/**
 * The RELATED_COUNT most similar papers of each paper, by short id: `related[s]` lists short
 * ids, most similar first (fewer, or none, when not enough papers pass MIN_SIMILARITY). Reads
 * only `index`; time grows with the postings kept after pruning, memory with the postings.
 */
export function relatedPapers(index: BuiltIndex): number[][] {
  const n = index.head.nextId;
  const related: number[][] = Array.from({ length: n }, () => []);
  if (n < 2) return related;
  const maxDf = Math.max(2, Math.floor(n * MAX_DF_SHARE));

  // 1. Weighted postings of the useful terms, in columns: term, doc, weight.
  const termCount = index.terms.length;
  let docs = new Int32Array(1 << 16);
  let weights = new Float64Array(1 << 16);
  let terms = new Int32Array(1 << 16);
  let count = 0;
  const termDocs = new Int32Array(n);
  const termTf = new Float64Array(n);
  const slot = new Int32Array(n);
  for (let t = 0; t < termCount; t++) {
    const df = readTerm(index.postings, index.offsets[t]!, index.offsets[t + 1]!, termDocs, termTf, slot);
    if (df < 2 || df > maxDf) continue;
    const idf = Math.log(n / df);
    if (count + df > docs.length) {
      const size = Math.max(docs.length * 2, count + df);
      const grow = <A extends Int32Array | Float64Array>(a: A, b: A): A => (b.set(a), b);
      docs = grow(docs, new Int32Array(size));
      weights = grow(weights, new Float64Array(size));
      terms = grow(terms, new Int32Array(size));
    }
    for (let k = 0; k < df; k++) {
      docs[count] = termDocs[k]!;
      terms[count] = t;
      weights[count] = (1 + Math.log(termTf[k]!)) * idf;
      count++;
    }
  }

  // 2. Per paper: its records, heaviest TOP_TERMS kept, L2-normalized over what is kept.
  const perDoc = new Int32Array(n + 1);
  for (let k = 0; k < count; k++) perDoc[docs[k]! + 1]!++;
  for (let d = 0; d < n; d++) perDoc[d + 1]! += perDoc[d]!;
  const byDoc = new Int32Array(count);
  const next = perDoc.slice(0, n);
  for (let k = 0; k < count; k++) byDoc[next[docs[k]!]!++] = k;
  const keep = new Uint8Array(count);
  const own = new Float64Array(n > 0 ? count : 0);
  for (let d = 0; d < n; d++) {
    const from = perDoc[d]!;
    const to = perDoc[d + 1]!;
    // The TOP_TERMS-th heaviest weight is the bar (ties at the bar are all kept).
    let bar = -Infinity;
    if (to - from > TOP_TERMS) {
      const w = own.subarray(0, to - from);
      for (let r = from; r < to; r++) w[r - from] = weights[byDoc[r]!]!;
      w.sort();
      bar = w[w.length - TOP_TERMS]!;
    }
    let norm = 0;
    for (let r = from; r < to; r++) {
      const k = byDoc[r]!;
      if (weights[k]! < bar) continue;
      keep[k] = 1;
      norm += weights[k]! ** 2;
    }
    norm = Math.sqrt(norm) || 1;
    for (let r = from; r < to; r++) if (keep[byDoc[r]!]) weights[byDoc[r]!]! /= norm;
  }

  // 3. Kept records grouped by term (the inverted lists): term t's are lists[listStart[t] ..
  // listStart[t + 1]]; records are in term order already, so this keeps them in doc order.
  const listStart = new Int32Array(termCount + 1);
  for (let k = 0; k < count; k++) if (keep[k]) listStart[terms[k]! + 1]!++;
  for (let t = 0; t < termCount; t++) listStart[t + 1]! += listStart[t]!;
  const lists = new Int32Array(listStart[termCount]!);
  for (let k = 0, at = 0; k < count; k++) if (keep[k]) lists[at++] = k;

  // 4. Per paper: accumulate dot products over the inverted lists of its kept terms.
  const score = new Float64Array(n);
  const bestScore = new Float64Array(RELATED_COUNT + 1);
  const touched: number[] = [];
  for (let d = 0; d < n; d++) {
    touched.length = 0;
    for (let r = perDoc[d]!; r < perDoc[d + 1]!; r++) {
      const k = byDoc[r]!;
      if (!keep[k]) continue;
      const t = terms[k]!;
      const w = weights[k]!;
      for (let j = listStart[t]!; j < listStart[t + 1]!; j++) {
        const other = lists[j]!;
        const o = docs[other]!;
        if (o === d) continue;
        if (score[o] === 0) touched.push(o);
        score[o]! += w * weights[other]!;
      }
    }
    // The RELATED_COUNT best, by insertion (most similar first, ties by short id).
    const best: number[] = [];
    for (const o of touched) {
      const v = score[o]!;
      score[o] = 0;
      if (v < MIN_SIMILARITY) continue;
      if (best.length === RELATED_COUNT) {
        const last = best[RELATED_COUNT - 1]!;
        if (v < bestScore[RELATED_COUNT - 1]! || (v === bestScore[RELATED_COUNT - 1]! && o > last)) continue;
        best.pop();
      }
      let at = best.length;
      while (at > 0 && (bestScore[at - 1]! < v || (bestScore[at - 1]! === v && best[at - 1]! > o))) {
        bestScore[at] = bestScore[at - 1]!;
        at--;
      }
      best.splice(at, 0, o);
      bestScore[at] = v;
    }
    related[d] = best;
  }
  return related;
}
