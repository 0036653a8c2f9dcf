/** Term vectors: what the analyzer makes of a document, and its decoding. */
import { describe, expect, it } from 'vitest';
import { analyzeDocument, eachVectorTerm } from '../../../src/search/vectors.ts';

describe('term vectors', () => {
  const v = analyzeDocument({ id: '2401.00009', title: 'Model model MODEL', summary: '모델을 모델이', authors: 'Ann Lee', date: '2024-01-01', votes: 1 });

  it('analyzeDocument counts distinct tokens as the field length and frequencies per field', () => {
    expect(v.lengths[0]).toBe(3); // tokens before processing: Model, model, MODEL
    expect(v.terms[0]).toBe('model');
    expect(v.freqs[0]).toBe('3');
    expect(v.terms[1]!.split('\n')).toContain('모델');
    expect(v.freqs[1]!.split(',')[v.terms[1]!.split('\n').indexOf('모델')]).toBe('2');
  });

  it('eachVectorTerm gives each term of a field with its frequency, in order, and nothing for an empty field', () => {
    const terms = (field: number) => {
      const out: [string, number][] = [];
      eachVectorTerm(v, field, (t, f) => out.push([t, f]));
      return out;
    };
    expect(terms(0)).toEqual([['model', 3]]);
    expect(terms(1)).toContainEqual(['모델', 2]);
    expect(terms(1).map((e) => e[0])).toEqual(v.terms[1]!.split('\n'));
    expect(terms(2)).toEqual([['ann_lee', 1], ['ann', 1], ['lee', 1]]);
    const manyDigits = { lengths: [2], terms: ['a\nb'], freqs: ['12,305'] };
    const got: [string, number][] = [];
    eachVectorTerm(manyDigits, 0, (t, f) => got.push([t, f]));
    expect(got).toEqual([['a', 12], ['b', 305]]);
    const empty = analyzeDocument({ id: 'x', title: '', summary: '', authors: '', date: '', votes: null });
    const none: string[] = [];
    eachVectorTerm(empty, 0, (t) => none.push(t));
    expect(none).toEqual([]);
  });
});
