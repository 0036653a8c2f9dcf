/**
 * Related papers, computed at build time from the built search index (src/search/index-builder.ts):
 * the cosine similarity of tf-idf vectors over the title and summary terms the index already
 * holds (the analyzer's words and Korean bigrams), nothing analyzed twice.
 *
 * Method (classic vector-space similarity, Salton & Buckley 1988, "Term-weighting approaches in
 * automatic text retrieval"):
 * - a term's frequency in a paper is its title frequency times TITLE_WEIGHT plus its summary
 *   frequency; weight = (1 + ln tf) * ln(N / df); each paper's vector is L2-normalized;
 * - terms found in one paper only, or in more than MAX_DF_SHARE of them and more than
 *   MIN_STOP_DF papers, carry no similarity (the first links nothing, the second is a stop word)
 *   and are skipped: in a small archive a topic's words are in a large share of the papers, and
 *   idf alone weighs down the words most papers have;
 * - each paper keeps its TOP_TERMS heaviest terms, and each term's list of papers keeps its
 *   LIST_LENGTH heaviest (impact-ordered pruning): a paper is compared with the papers that
 *   weigh its terms most, so the work is at most papers x TOP_TERMS x LIST_LENGTH, linear in the
 *   archive, and memory is papers x TOP_TERMS slots;
 * - the most similar papers above MIN_SIMILARITY come first, ties by short id.
 */
import type { BuiltIndex } from '../../src/search/index-builder.ts';
import { SEARCH_FIELDS } from '../../src/search/options.ts';
import { readPostings } from '../../src/search/postings.ts';

/**
 * What `relatedPapers` reads of a built index: the number of short ids, the number of terms and
 * the postings with their offsets (the feeds thread gets only these: pipeline/feeds/thread.ts).
 */
export interface RelatedInput {
  head: Pick<BuiltIndex['head'], 'nextId'>;
  terms: { length: number };
  postings: Uint8Array;
  offsets: Uint32Array;
}

/** How many related papers each paper keeps. */
export const RELATED_COUNT = 5;
/** A title occurrence counts this many summary occurrences. */
const TITLE_WEIGHT = 3;
/** Terms in more than this share of the papers are skipped (if also in more than MIN_STOP_DF papers). */
const MAX_DF_SHARE = 0.1;
/**
 * A term in at most this many papers is never skipped as a stop word. On the real archive (5,500
 * papers) the share decides (550); on a first archive of a few dozen papers, where a topic word
 * such as 강화학습 is in a fifth of them, it kept the related papers from linking by topic at all.
 */
const MIN_STOP_DF = 50;
/** Terms kept per paper (its heaviest). */
const TOP_TERMS = 48;
/** A term's list keeps its this many heaviest papers (impact-ordered pruning). */
const LIST_LENGTH = 64;
/** Papers less similar than this (cosine, 0..1) are not related. */
const MIN_SIMILARITY = 0.08;

const TITLE = SEARCH_FIELDS.indexOf('title');
const SUMMARY = SEARCH_FIELDS.indexOf('summary');
const COMMA = 0x2c;
const SEMICOLON = 0x3b;

/**
 * Reads one term's postings, `bytes[from, to)` as index-builder writes them (the JSON string of
 * the compact format, src/search/postings.ts), into `docs`/`tf` (parallel, one entry per paper):
 * the title frequency times TITLE_WEIGHT plus the summary frequency. `slot[doc]` is the paper's
 * entry + 1 while reading (0 otherwise; reset before returning). Returns the number of papers
 * (0 for a term of one record).
 */
function readTerm(bytes: Uint8Array, from: number, to: number, docs: Int32Array, tf: Float64Array, slot: Int32Array): number {
  // One record (no `,` between papers, no `;` between fields) is one paper at most, which links
  // nothing: 0 without reading it. Most terms are such (a word of one paper).
  let one = true;
  for (let i = from + 1; i < to - 1 && one; i++) one = bytes[i] !== COMMA && bytes[i] !== SEMICOLON;
  if (one) return 0;
  let count = 0;
  readPostings(
    (i) => bytes[i]!,
    from + 1,
    to - 1,
    (field, n, f) => {
      const w = field === TITLE ? f * TITLE_WEIGHT : field === SUMMARY ? f : 0;
      if (w === 0) return;
      let at = slot[n]! - 1;
      if (at < 0) {
        at = count++;
        slot[n] = at + 1;
        docs[at] = n;
        tf[at] = 0;
      }
      tf[at]! += w;
    },
  );
  for (let k = 0; k < count; k++) slot[docs[k]!] = 0;
  return count;
}

/**
 * The RELATED_COUNT most similar papers of each paper, by short id: `related[s]` lists short
 * ids, most similar first (fewer, or none, when not enough papers pass MIN_SIMILARITY). Reads
 * only `index`. Work and memory grow linearly with the papers: each keeps TOP_TERMS terms, and
 * each term's list is cut to its LIST_LENGTH heaviest papers.
 */
export function relatedPapers(index: RelatedInput): number[][] {
  const n = index.head.nextId;
  const related: number[][] = Array.from({ length: n }, () => []);
  if (n < 2) return related;
  const maxDf = Math.max(MIN_STOP_DF, Math.floor(n * MAX_DF_SHARE));
  const termCount = index.terms.length;
  const K = TOP_TERMS;

  // 1. Each paper's TOP_TERMS heaviest terms, in a min-heap per paper (slots d*K .. d*K+K-1;
  //    the root is the weakest kept: lowest weight, then highest term number).
  const heapTerm = new Int32Array(n * K);
  const heapWeight = new Float64Array(n * K);
  const heapSize = new Int32Array(n);
  const weaker = (a: number, b: number) => heapWeight[a]! < heapWeight[b]! || (heapWeight[a] === heapWeight[b] && heapTerm[a]! > heapTerm[b]!);
  const swap = (a: number, b: number) => {
    const t = heapTerm[a]!;
    heapTerm[a] = heapTerm[b]!;
    heapTerm[b] = t;
    const w = heapWeight[a]!;
    heapWeight[a] = heapWeight[b]!;
    heapWeight[b] = w;
  };
  const siftDown = (base: number, size: number, i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) return;
      const r = l + 1;
      const c = r < size && weaker(base + r, base + l) ? r : l;
      if (!weaker(base + c, base + i)) return;
      swap(base + c, base + i);
      i = c;
    }
  };
  const offer = (d: number, t: number, w: number) => {
    const base = d * K;
    const size = heapSize[d]!;
    if (size < K) {
      let i = size;
      heapTerm[base + i] = t;
      heapWeight[base + i] = w;
      heapSize[d] = size + 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!weaker(base + i, base + parent)) break;
        swap(base + i, base + parent);
        i = parent;
      }
      return;
    }
    // Terms come in increasing number: an equal weight never displaces the root.
    if (w <= heapWeight[base]!) return;
    heapTerm[base] = t;
    heapWeight[base] = w;
    siftDown(base, K, 0);
  };
  const termDocs = new Int32Array(n);
  const termTf = new Float64Array(n);
  const slot = new Int32Array(n);
  for (let t = 0; t < termCount; t++) {
    const df = readTerm(index.postings, index.offsets[t]!, index.offsets[t + 1]!, termDocs, termTf, slot);
    if (df < 2 || df > maxDf) continue;
    const idf = Math.log(n / df);
    for (let k = 0; k < df; k++) offer(termDocs[k]!, t, (1 + Math.log(termTf[k]!)) * idf);
  }

  // 2. L2-normalized over what each paper keeps.
  for (let d = 0; d < n; d++) {
    const base = d * K;
    let norm = 0;
    for (let i = 0; i < heapSize[d]!; i++) norm += heapWeight[base + i]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < heapSize[d]!; i++) heapWeight[base + i]! /= norm;
  }

  // 3. Inverted lists of the kept slots by term (counting sort, papers ascending), each cut to
  //    its LIST_LENGTH heaviest papers (ties: lower short id).
  const listStart = new Int32Array(termCount + 1);
  for (let d = 0; d < n; d++) for (let i = 0; i < heapSize[d]!; i++) listStart[heapTerm[d * K + i]! + 1]!++;
  for (let t = 0; t < termCount; t++) listStart[t + 1]! += listStart[t]!;
  const lists = new Int32Array(listStart[termCount]!);
  const cursor = listStart.slice(0, termCount);
  for (let d = 0; d < n; d++) for (let i = 0; i < heapSize[d]!; i++) lists[cursor[heapTerm[d * K + i]!]!++] = d * K + i;
  const listEnd = new Int32Array(termCount);
  let longest = 0;
  for (let t = 0; t < termCount; t++) longest = Math.max(longest, listStart[t + 1]! - listStart[t]!);
  const barScratch = new Float64Array(longest);
  const listScratch = new Int32Array(longest);
  for (let t = 0; t < termCount; t++) {
    const from = listStart[t]!;
    const to = listStart[t + 1]!;
    listEnd[t] = Math.min(to, from + LIST_LENGTH);
    if (to - from <= LIST_LENGTH) continue;
    // The LIST_LENGTH-th heaviest weight is the bar: heavier slots stay, then slots at the bar
    // in short id order until the list is full.
    const len = to - from;
    const w = barScratch.subarray(0, len);
    for (let j = 0; j < len; j++) w[j] = heapWeight[lists[from + j]!]!;
    w.sort();
    const bar = w[len - LIST_LENGTH]!;
    listScratch.set(lists.subarray(from, to));
    let at = from;
    for (let j = 0; j < len; j++) if (heapWeight[listScratch[j]!]! > bar) lists[at++] = listScratch[j]!;
    for (let j = 0; j < len && at < from + LIST_LENGTH; j++) if (heapWeight[listScratch[j]!] === bar) lists[at++] = listScratch[j]!;
  }
  // The lists' papers and weights side by side, for the loop below.
  const listDoc = new Int32Array(lists.length);
  const listWeight = new Float64Array(lists.length);
  for (let j = 0; j < lists.length; j++) {
    listDoc[j] = (lists[j]! / K) | 0;
    listWeight[j] = heapWeight[lists[j]!]!;
  }

  // 4. Per paper: dot products over the lists of its kept terms; the best RELATED_COUNT by
  //    insertion (most similar first, ties by short id).
  const score = new Float64Array(n);
  const bestScore = new Float64Array(RELATED_COUNT + 1);
  const touched: number[] = [];
  for (let d = 0; d < n; d++) {
    touched.length = 0;
    const base = d * K;
    for (let i = 0; i < heapSize[d]!; i++) {
      const t = heapTerm[base + i]!;
      const w = heapWeight[base + i]!;
      for (let j = listStart[t]!, end = listEnd[t]!; j < end; j++) {
        const o = listDoc[j]!;
        if (o === d) continue;
        if (score[o] === 0) touched.push(o);
        score[o]! += w * listWeight[j]!;
      }
    }
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
