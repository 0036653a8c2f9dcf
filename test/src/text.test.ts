import { describe, expect, it } from 'vitest';
import { visibleText } from '../../src/text.ts';

describe('visibleText', () => {
  it('removes format characters: zero-width space and joiners, soft hyphen, word joiner, BOM, bidi marks', () => {
    expect(visibleText('Ai\u200bko\u00ad Mo\u2060ri\ufeff\u200e\u200d')).toBe('Aiko Mori');
  });

  it('turns control characters into spaces, so words stay apart', () => {
    expect(visibleText('Noisy\u0007Channel\u0085Decoding\u007f!')).toBe('Noisy Channel Decoding !');
  });

  it('collapses whitespace and trims; leaves visible text alone', () => {
    expect(visibleText('  a \t\n b  ')).toBe('a b');
    expect(visibleText('김서연 · R&D — $O(n)$')).toBe('김서연 · R&D — $O(n)$');
  });
});
