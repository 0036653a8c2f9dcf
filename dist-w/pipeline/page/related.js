// pipeline/page/related.ts
import { SEARCH_FIELDS } from "../../src/search/options.js";
var RELATED_COUNT = 5;
var TITLE_WEIGHT = 3;
var MAX_DF_SHARE = 0.1;
var TOP_TERMS = 48;
var LIST_LENGTH = 64;
var MIN_SIMILARITY = 0.08;
var TITLE = SEARCH_FIELDS.indexOf("title");
var SUMMARY = SEARCH_FIELDS.indexOf("summary");
function readTerm(bytes, from, to, docs, tf, slot) {
  let count = 0;
  let i = from;
  let field = -1;
  let depth = 0;
  while (i < to) {
    const c = bytes[i];
    if (c === 123) {
      depth++;
      i++;
    } else if (c === 125) {
      depth--;
      i++;
    } else if (c === 34) {
      let n = 0;
      for (i++; bytes[i] !== 34; i++) n = n * 10 + (bytes[i] - 48);
      i += 2;
      if (depth === 1) {
        field = n;
        continue;
      }
      let f = 0;
      for (; bytes[i] >= 48 && bytes[i] <= 57; i++) f = f * 10 + (bytes[i] - 48);
      const w = field === TITLE ? f * TITLE_WEIGHT : field === SUMMARY ? f : 0;
      if (w === 0) continue;
      let at = slot[n] - 1;
      if (at < 0) {
        at = count++;
        slot[n] = at + 1;
        docs[at] = n;
        tf[at] = 0;
      }
      tf[at] += w;
    } else i++;
  }
  for (let k = 0; k < count; k++) slot[docs[k]] = 0;
  return count;
}
function relatedPapers(index) {
  const n = index.head.nextId;
  const related = Array.from({ length: n }, () => []);
  if (n < 2) return related;
  const maxDf = Math.max(2, Math.floor(n * MAX_DF_SHARE));
  const termCount = index.terms.length;
  const K = TOP_TERMS;
  const heapTerm = new Int32Array(n * K);
  const heapWeight = new Float64Array(n * K);
  const heapSize = new Int32Array(n);
  const weaker = (a, b) => heapWeight[a] < heapWeight[b] || heapWeight[a] === heapWeight[b] && heapTerm[a] > heapTerm[b];
  const swap = (a, b) => {
    const t = heapTerm[a];
    heapTerm[a] = heapTerm[b];
    heapTerm[b] = t;
    const w = heapWeight[a];
    heapWeight[a] = heapWeight[b];
    heapWeight[b] = w;
  };
  const siftDown = (base, size, i) => {
    for (; ; ) {
      const l = 2 * i + 1;
      if (l >= size) return;
      const r = l + 1;
      const c = r < size && weaker(base + r, base + l) ? r : l;
      if (!weaker(base + c, base + i)) return;
      swap(base + c, base + i);
      i = c;
    }
  };
  const offer = (d, t, w) => {
    const base = d * K;
    const size = heapSize[d];
    if (size < K) {
      let i = size;
      heapTerm[base + i] = t;
      heapWeight[base + i] = w;
      heapSize[d] = size + 1;
      while (i > 0) {
        const parent = i - 1 >> 1;
        if (!weaker(base + i, base + parent)) break;
        swap(base + i, base + parent);
        i = parent;
      }
      return;
    }
    if (w <= heapWeight[base]) return;
    heapTerm[base] = t;
    heapWeight[base] = w;
    siftDown(base, K, 0);
  };
  const termDocs = new Int32Array(n);
  const termTf = new Float64Array(n);
  const slot = new Int32Array(n);
  for (let t = 0; t < termCount; t++) {
    const df = readTerm(index.postings, index.offsets[t], index.offsets[t + 1], termDocs, termTf, slot);
    if (df < 2 || df > maxDf) continue;
    const idf = Math.log(n / df);
    for (let k = 0; k < df; k++) offer(termDocs[k], t, (1 + Math.log(termTf[k])) * idf);
  }
  for (let d = 0; d < n; d++) {
    const base = d * K;
    let norm = 0;
    for (let i = 0; i < heapSize[d]; i++) norm += heapWeight[base + i] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < heapSize[d]; i++) heapWeight[base + i] /= norm;
  }
  const listStart = new Int32Array(termCount + 1);
  for (let d = 0; d < n; d++) for (let i = 0; i < heapSize[d]; i++) listStart[heapTerm[d * K + i] + 1]++;
  for (let t = 0; t < termCount; t++) listStart[t + 1] += listStart[t];
  const lists = new Int32Array(listStart[termCount]);
  const cursor = listStart.slice(0, termCount);
  for (let d = 0; d < n; d++) for (let i = 0; i < heapSize[d]; i++) lists[cursor[heapTerm[d * K + i]]++] = d * K + i;
  const listEnd = new Int32Array(termCount);
  let longest = 0;
  for (let t = 0; t < termCount; t++) longest = Math.max(longest, listStart[t + 1] - listStart[t]);
  const barScratch = new Float64Array(longest);
  const listScratch = new Int32Array(longest);
  for (let t = 0; t < termCount; t++) {
    const from = listStart[t];
    const to = listStart[t + 1];
    listEnd[t] = Math.min(to, from + LIST_LENGTH);
    if (to - from <= LIST_LENGTH) continue;
    const len = to - from;
    const w = barScratch.subarray(0, len);
    for (let j = 0; j < len; j++) w[j] = heapWeight[lists[from + j]];
    w.sort();
    const bar = w[len - LIST_LENGTH];
    listScratch.set(lists.subarray(from, to));
    let at = from;
    for (let j = 0; j < len; j++) if (heapWeight[listScratch[j]] > bar) lists[at++] = listScratch[j];
    for (let j = 0; j < len && at < from + LIST_LENGTH; j++) if (heapWeight[listScratch[j]] === bar) lists[at++] = listScratch[j];
  }
  const listDoc = new Int32Array(lists.length);
  const listWeight = new Float64Array(lists.length);
  for (let j = 0; j < lists.length; j++) {
    listDoc[j] = lists[j] / K | 0;
    listWeight[j] = heapWeight[lists[j]];
  }
  const score = new Float64Array(n);
  const bestScore = new Float64Array(RELATED_COUNT + 1);
  const touched = [];
  for (let d = 0; d < n; d++) {
    touched.length = 0;
    const base = d * K;
    for (let i = 0; i < heapSize[d]; i++) {
      const t = heapTerm[base + i];
      const w = heapWeight[base + i];
      for (let j = listStart[t], end = listEnd[t]; j < end; j++) {
        const o = listDoc[j];
        if (o === d) continue;
        if (score[o] === 0) touched.push(o);
        score[o] += w * listWeight[j];
      }
    }
    const best = [];
    for (const o of touched) {
      const v = score[o];
      score[o] = 0;
      if (v < MIN_SIMILARITY) continue;
      if (best.length === RELATED_COUNT) {
        const last = best[RELATED_COUNT - 1];
        if (v < bestScore[RELATED_COUNT - 1] || v === bestScore[RELATED_COUNT - 1] && o > last) continue;
        best.pop();
      }
      let at = best.length;
      while (at > 0 && (bestScore[at - 1] < v || bestScore[at - 1] === v && best[at - 1] > o)) {
        bestScore[at] = bestScore[at - 1];
        at--;
      }
      best.splice(at, 0, o);
      bestScore[at] = v;
    }
    related[d] = best;
  }
  return related;
}
export {
  RELATED_COUNT,
  relatedPapers
};
//# sourceMappingURL=related.js.map
