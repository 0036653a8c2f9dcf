// src/search/query.ts
import { analyzeQuery, isHangulTerm, isLatinTerm, nameTerm } from "./analyzer.js";
var GRAM_WEIGHT = 0.6;
var JUNCTION_WEIGHT = 0.5;
var FUZZY_WEIGHT = 0.45;
var PREFIX_MIN = 4;
var MAX_NAMES = 6;
function prefixable(term) {
  if (isHangulTerm(term)) return true;
  return /^\d+$/u.test(term) ? term.length >= 4 : term.length >= 2;
}
function fuzzyLatin(term) {
  return isLatinTerm(term) && term.length >= 4 ? 1 : false;
}
function planQuery(query, known) {
  const words = analyzeQuery(query);
  const byTerm = /* @__PURE__ */ new Map();
  const add = (term, weight, prefix = false, name = false) => {
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
    if (w.kind === "hangul") {
      const surface = w.surface;
      const stem = w.stem;
      add(surface, 1, last);
      if (stem.length >= 3) {
        add(stem, 1, true);
        for (const g of w.terms) add(g, GRAM_WEIGHT / w.terms.length);
      } else if (stem !== surface) {
        add(stem, 1);
      }
      if (w.junction) add(w.junction, JUNCTION_WEIGHT);
      return;
    }
    w.terms.forEach((t, k) => add(t, 1, (last || t.length >= PREFIX_MIN) && k === w.terms.length - 1 && prefixable(t)));
  });
  const corrections = /* @__PURE__ */ new Map();
  if (known) {
    for (const w of words) {
      if (w.kind === "hangul") continue;
      for (const t of w.terms) {
        if (!fuzzyLatin(t) || known(t)) continue;
        for (const c of transpositions(t)) {
          if (byTerm.has(c) || !known(c)) continue;
          corrections.set(c, t);
          add(c, FUZZY_WEIGHT * c.length / (c.length + 1));
        }
      }
    }
  }
  const names = nameTerms(words);
  for (const n of names) add(n, 1, false, true);
  return { words, terms: [...byTerm.values()], names, corrections };
}
function transpositions(term) {
  const out = [];
  for (let i = 0; i + 1 < term.length; i++) {
    if (term[i] === term[i + 1]) continue;
    out.push(term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2));
  }
  return [...new Set(out)];
}
function matchedTerms(plan, r) {
  const matched = new Set(r.queryTerms);
  for (const t of r.queryTerms) {
    const typed = plan.corrections.get(t);
    if (typed !== void 0) matched.add(typed);
  }
  return matched;
}
function nameTerms(words) {
  const out = /* @__PURE__ */ new Set();
  const latin = (w) => w.kind !== "hangul" && /^[\p{L}\p{M}'’\-‐‑.]+$/u.test(w.raw) && w.terms.every(isLatinTerm);
  for (let i = 0; i < words.length && out.size < MAX_NAMES; i++) {
    for (let n = 2; n <= 3 && i + n <= words.length; n++) {
      const span = words.slice(i, i + n);
      if (!span.every(latin) || span.some((w) => w.phrase !== span[0].phrase)) break;
      const term = nameTerm(span.map((w) => w.raw).join(" "));
      if (term) out.add(term);
    }
  }
  return [...out].slice(0, MAX_NAMES);
}
function miniSearchQuery(plan) {
  return {
    combineWith: "OR",
    queries: plan.terms.map((t) => ({
      queries: [t.term],
      prefix: t.prefix,
      fuzzy: t.fuzzy,
      boostTerm: () => t.weight,
      ...t.name ? { fields: ["authors"] } : {}
    }))
  };
}
var planSearchOptions = {
  tokenize: (s) => [s],
  processTerm: (t) => t,
  combineWith: "OR"
};
function wordMatched(w, matched) {
  if (w.kind === "hangul") {
    return matched.has(w.surface) || matched.has(w.stem) || w.terms.every((t) => matched.has(t));
  }
  if (w.kind === "joined") {
    return matched.has(w.terms[w.terms.length - 1]) || w.terms.slice(0, -1).every((t) => matched.has(t));
  }
  return w.terms.every((t) => matched.has(t));
}
function rankKey(plan, r) {
  const matched = matchedTerms(plan, r);
  let words = 0;
  let junctions = 0;
  let exact = 0;
  for (const w of plan.words) {
    const ok = wordMatched(w, matched);
    const joined = w.junction !== void 0 && matched.has(w.junction);
    if (w.phrase >= 0 && (!ok || w.kind === "hangul" && w.junction && !joined)) return null;
    if (ok) words++;
    if (joined) junctions++;
    if (Object.hasOwn(r.match, w.kind === "hangul" ? w.surface : w.terms[w.terms.length - 1])) exact++;
  }
  const name = plan.names.some((n) => matched.has(n)) ? 1 : 0;
  return [words, name, junctions, exact, r.score / Math.max(1, r.queryTerms.length)];
}
function compareRankKeys(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i] - a[i];
  return 0;
}
function textMatches(plan, text) {
  const folded = fold(text);
  for (const w of plan.words) {
    if (w.kind !== "hangul" || w.stem.length < 3) continue;
    if (!new RegExp([...w.stem].join("\\s*"), "u").test(folded)) return false;
  }
  const phrases = /* @__PURE__ */ new Map();
  for (const w of plan.words) if (w.phrase >= 0) phrases.set(w.phrase, [...phrases.get(w.phrase) ?? [], w.raw]);
  for (const raw of phrases.values()) {
    if (!folded.includes(fold(raw.join(" ")))) return false;
  }
  return true;
}
function fold(text) {
  return text.normalize("NFKD").replace(new RegExp("\\p{M}+", "gu"), "").normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ");
}
export {
  FUZZY_WEIGHT,
  GRAM_WEIGHT,
  JUNCTION_WEIGHT,
  PREFIX_MIN,
  compareRankKeys,
  fuzzyLatin,
  matchedTerms,
  miniSearchQuery,
  planQuery,
  planSearchOptions,
  rankKey,
  textMatches,
  transpositions,
  wordMatched
};
//# sourceMappingURL=query.js.map
