/** Writing a built index as JSON: whole (search-index.json) and in runs of term entries (page chunks). */
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/search/index-builder.ts';
import { entriesBytes, entryLength, indexJsonBytes, indexJsonText, postingsText } from '../../../src/search/index-json.ts';
import { toSearchDocument } from '../../../src/search/options.ts';
import { fixtureDataset } from '../../fixtures/page/dataset.ts';

describe('index JSON', () => {
  const index = buildIndex(fixtureDataset().papers.map(toSearchDocument));
  const js = JSON.parse(indexJsonText(index)) as { index: [string, unknown][] };
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

  it('writes every term entry in order, each term with its postings', () => {
    expect(js.index.map((e) => e[0])).toEqual(index.terms);
    index.terms.forEach((_t, i) => expect(postingsText(index, i)).toEqual(js.index[i]![1]));
    expect(decode(indexJsonBytes(index))).toBe(indexJsonText(index));
  });

  it('writes a run of entries as JSON.stringify would, and measures entries without writing them', () => {
    const n = index.terms.length;
    for (const [from, to] of [[0, 0], [0, 1], [3, 9], [n - 2, n]] as const) {
      expect(decode(entriesBytes(index, from, to))).toBe(JSON.stringify(js.index.slice(from, to)));
      expect(decode(entriesBytes(index, from, to, '{"x":[', ']}'))).toBe(`{"x":${JSON.stringify(js.index.slice(from, to))}}`);
    }
    for (let i = 0; i < n; i += 7) expect(entryLength(index, i)).toBe(JSON.stringify(js.index[i]).length);
  });

  it('copies a run from search-index.json once that is written: the same bytes as writing it', () => {
    const fresh = buildIndex(fixtureDataset().papers.map(toSearchDocument));
    const n = fresh.terms.length;
    const ranges: [number, number][] = [];
    for (let from = 0; from < n; from += 5) for (const len of [1, 2, 9, n]) ranges.push([from, Math.min(n, from + len)]);
    const before = ranges.map(([from, to]) => decode(entriesBytes(fresh, from, to)));
    indexJsonBytes(fresh);
    expect(ranges.map(([from, to]) => decode(entriesBytes(fresh, from, to)))).toEqual(before);
    expect(before.at(-1)).toBe(JSON.stringify(js.index.slice(ranges.at(-1)![0], ranges.at(-1)![1])));
  });

  it('writes terms JSON must escape (quote, backslash, control characters, line feeds, lone surrogates) as JSON.stringify does', () => {
    const base = buildIndex(fixtureDataset().papers.map(toSearchDocument));
    const odd = ['a"b', 'back\\slash', 'tab\there', 'two\nlines\n', '\u0001', 'emoji\u{1F600}', '한국어', 'plain', 'x\ny'];
    const lone = ['ok', 'lone\ud800', 'after'];
    for (const words of [odd, lone]) {
      // The base index with its first terms renamed (postings kept): only the term strings matter here.
      const terms = base.terms.map((t, i) => words[i] ?? t);
      const index = { ...base, terms };
      const whole = JSON.parse(decode(indexJsonBytes(index))) as { index: [string, unknown][] };
      expect(whole.index.map((e) => e[0])).toEqual(terms);
      const n = words.length + 2;
      expect(decode(entriesBytes({ ...index }, 0, n))).toBe(JSON.stringify(whole.index.slice(0, n)));
      for (let i = 0; i < n; i++) expect(entryLength(index, i), terms[i]).toBe(JSON.stringify(whole.index[i]).length);
    }
  });
});
