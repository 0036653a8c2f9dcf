/** The compact postings format: reading, decoding, encoding and expanding, against hand-worked strings and round trips. */
import { describe, expect, it } from 'vitest';
import { decodePostings, encodePostings, expandPostings, readPostings } from '../../../src/search/postings.ts';

describe('decodePostings', () => {
  it('reads base-36 gaps per field, with frequencies above 1 after a star', () => {
    // Field 0: ids 3 and 3 + 37 = 40 (frequency 2); field 2: id 3 (frequency 35 = z).
    expect(decodePostings('0:3,11*2;2:3*z')).toEqual(
      new Map([
        [0, new Map([[3, 1], [40, 2]])],
        [2, new Map([[3, 35]])],
      ]),
    );
  });

  it('reads an empty string as no postings', () => {
    expect(decodePostings('')).toEqual(new Map());
  });

  it('throws on a malformed string instead of misreading it', () => {
    for (const bad of ['0', '0:', '0:3,', '0:3;', '0:3*', ':3', '0:3 ', '0:3|1', '0:A']) expect(() => decodePostings(bad), bad).toThrow(/postings:/);
  });
});

describe('encodePostings and expandPostings', () => {
  it('writes MiniSearch serialized postings as the compact string, and back', () => {
    const serialized = { '0': { '40': 2, '3': 1 }, '2': { '3': 35 } };
    expect(encodePostings(serialized)).toBe('0:3,11*2;2:3*z');
    expect(expandPostings('0:3,11*2;2:3*z')).toEqual({ '0': { '3': 1, '40': 2 }, '2': { '3': 35 } });
  });

  it('round-trips random postings exactly (seeded)', () => {
    let seed = 12345;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const postings: Record<string, Record<string, number>> = {};
      for (let f = 0; f < 4; f++) {
        if (random(2) === 0) continue;
        const docs: Record<string, number> = {};
        for (let k = random(30) + 1; k > 0; k--) docs[random(100000)] = random(4) === 0 ? random(5000) + 2 : 1;
        postings[f] = docs;
      }
      const text = encodePostings(postings);
      expect(text).toMatch(/^[0-9a-z:;,*]*$/);
      expect(expandPostings(text)).toEqual(postings);
    }
  });
});

describe('readPostings', () => {
  it('reads bytes the same as a string, between given bounds', () => {
    const text = '"0:3,11*2;2:3*z"';
    const bytes = new TextEncoder().encode(text);
    const seen: number[][] = [];
    readPostings((i) => bytes[i]!, 1, bytes.length - 1, (f, d, q) => seen.push([f, d, q]));
    expect(seen).toEqual([
      [0, 3, 1],
      [0, 40, 2],
      [2, 3, 35],
    ]);
  });
});
