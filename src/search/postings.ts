/**
 * The compact postings format of search-index.json and the page's term chunks: one term's
 * postings (field id -> short document id -> term frequency) as one short ASCII string.
 *
 *   postings := field (";" field)*          fields in increasing id order, none empty
 *   field    := id ":" entry ("," entry)*   the field id in base 36
 *   entry    := gap ["*" freq]              base 36; `gap` is the short id minus the previous
 *                                           entry's (the first entry's is the short id itself),
 *                                           `freq` is written only when above 1
 *
 * `{"0":{"3":1,"40":2},"1":{"3":1}}` in MiniSearch's own serialization is `0:3,11*2;1:3` here.
 * Short ids increase within a field, so gaps are small: on the real corpus this makes
 * search-index.json 0.89 times the gzipped size of plain MiniSearch's own JSON over the same
 * papers (MiniSearch's `"2429":1` per posting was 92% of the gzipped index; docs/search.md).
 * The characters are `0-9a-z:;,*`, so the string needs no escaping in JSON.
 *
 * Pure: no `node:` imports.
 */

const COLON = 58;
const SEMICOLON = 59;
const COMMA = 44;
const STAR = 42;

/** The value of a base-36 digit's character code (`0-9`, `a-z`), or -1. */
export function digit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  return -1;
}

/**
 * Calls `visit(field, shortId, freq)` for every posting of a term in the compact format, read
 * from `code(from)` .. `code(to - 1)` (character codes of a string or bytes of a buffer), in
 * the order written: by field, then by short id. Throws an Error on a malformed string.
 */
export function readPostings(code: (i: number) => number, from: number, to: number, visit: (field: number, shortId: number, freq: number) => void): void {
  let i = from;
  const number = (): number => {
    let n = 0;
    let d = i < to ? digit(code(i)) : -1;
    if (d < 0) throw new Error(`postings: a base-36 number was expected at ${i - from}`);
    do {
      n = n * 36 + d;
      i++;
      d = i < to ? digit(code(i)) : -1;
    } while (d >= 0);
    return n;
  };
  while (i < to) {
    const field = number();
    if (i >= to || code(i) !== COLON) throw new Error(`postings: ':' was expected at ${i - from}`);
    i++;
    let doc = 0;
    for (;;) {
      doc += number();
      let freq = 1;
      if (i < to && code(i) === STAR) {
        i++;
        freq = number();
      }
      visit(field, doc, freq);
      if (i >= to) return;
      const c = code(i++);
      if (c === COMMA) continue;
      if (c === SEMICOLON && i < to) break;
      throw new Error(`postings: unexpected character at ${i - 1 - from}`);
    }
  }
}

/** A term's postings as MiniSearch holds them: field id -> short document id -> term frequency. */
export type TermData = Map<number, Map<number, number>>;

/** The compact postings string → MiniSearch's Maps (what `MiniSearch.loadJS` would hold). */
export function decodePostings(text: string): TermData {
  const data: TermData = new Map();
  let field = -1;
  let docs: Map<number, number> = new Map();
  readPostings(
    (i) => text.charCodeAt(i),
    0,
    text.length,
    (f, doc, freq) => {
      if (f !== field) data.set((field = f), (docs = new Map()));
      docs.set(doc, freq);
    },
  );
  return data;
}

/**
 * MiniSearch's own serialized postings (`{fieldId: {shortId: freq}}`, from `MiniSearch#toJSON`)
 * → the compact string. Fields and short ids are sorted numerically.
 */
export function encodePostings(postings: Record<string, Record<string, number>>): string {
  const fields: string[] = [];
  for (const f of Object.keys(postings).map(Number).sort((a, b) => a - b)) {
    const docs = postings[f]!;
    let prev = 0;
    const entries = Object.keys(docs)
      .map(Number)
      .sort((a, b) => a - b)
      .map((d) => {
        const freq = docs[d]!;
        const entry = (d - prev).toString(36) + (freq > 1 ? `*${freq.toString(36)}` : '');
        prev = d;
        return entry;
      });
    if (entries.length > 0) fields.push(`${f.toString(36)}:${entries.join(',')}`);
  }
  return fields.join(';');
}

/** The compact postings string → MiniSearch's serialized form (`{fieldId: {shortId: freq}}`). */
export function expandPostings(text: string): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  readPostings(
    (i) => text.charCodeAt(i),
    0,
    text.length,
    (f, doc, freq) => ((out[f] ??= {})[doc] = freq),
  );
  return out;
}
