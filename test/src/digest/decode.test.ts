import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { decodeDigest } from '../../../src/digest/decode.ts';
import { brief } from '../../helpers/digests.ts';

const enc = new TextEncoder();

describe('decodeDigest', () => {
  it('decodes UTF-8, normalizes CRLF/CR to LF and applies NFC', () => {
    const file = new VFile({ path: 'x.md' });
    const text = decodeDigest(enc.encode('a\r\nb\rc\nAle\u0301xandre'), file);
    expect(text).toBe('a\nb\nc\nAl\u00e9xandre');
    expect(file.messages).toEqual([]);
  });

  it('strips a UTF-8 BOM', () => {
    const file = new VFile({ path: 'x.md' });
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('## Daily Papers (2024-04-05)\n')]);
    expect(decodeDigest(bytes, file)).toBe('## Daily Papers (2024-04-05)\n');
  });

  it('rejects a binary file (NUL byte) with a fatal `encoding` message at its position', () => {
    const file = new VFile({ path: 'photo.md' });
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]);
    expect(decodeDigest(bytes, file)).toBeNull();
    expect(file.messages).toHaveLength(1);
    const m = file.messages[0]!;
    expect(brief(m)).toEqual({ ruleId: 'encoding', line: 3, column: 1, fatal: true });
    expect(m.reason).toMatch(/binary \(NUL byte at byte offset 8\)/);
    expect(m.source).toBe('digest');
  });

  it('rejects invalid UTF-8 with a fatal `encoding` message pointing at the bad byte', () => {
    const file = new VFile({ path: 'latin1.md' });
    const bytes = new Uint8Array([...enc.encode('## Daily Papers (2024-04-05)\n\nCaf'), 0xe9, 0x0a]);
    expect(decodeDigest(bytes, file)).toBeNull();
    expect(brief(file.messages[0]!)).toEqual({ ruleId: 'encoding', line: 3, column: 4, fatal: true });
    expect(file.messages[0]!.reason).toMatch(/invalid UTF-8 at byte offset 33/);
  });

  it('places the bad byte at the column an editor shows: UTF-16 units of the text before it, after CR line ends and a BOM', () => {
    const place = (bytes: number[]) => {
      const file = new VFile({ path: 'x.md' });
      decodeDigest(new Uint8Array(bytes), file);
      return brief(file.messages[0]!);
    };
    // `- 한` is 5 bytes and 3 code units: the bad byte is at column 4; an emoji is 4 bytes and 2 units.
    expect(place([...enc.encode('# T\n- 한'), 0xff])).toEqual({ ruleId: 'encoding', line: 2, column: 4, fatal: true });
    expect(place([...enc.encode('a😀'), 0xff])).toEqual({ ruleId: 'encoding', line: 1, column: 4, fatal: true });
    expect(place([0xef, 0xbb, 0xbf, ...enc.encode('ab'), 0xc0, 0x80])).toEqual({ ruleId: 'encoding', line: 1, column: 3, fatal: true });
    expect(place([...enc.encode('one\rtwo\r\nx'), 0x00])).toEqual({ ruleId: 'encoding', line: 3, column: 2, fatal: true });
  });

  it('rejects truncated multi-byte sequences and surrogates', () => {
    for (const bytes of [[0x61, 0xea, 0xb0], [0xed, 0xa0, 0x80], [0xc0, 0x80]]) {
      const file = new VFile({ path: 'x.md' });
      expect(decodeDigest(new Uint8Array(bytes), file)).toBeNull();
      expect(file.messages[0]!.fatal).toBe(true);
    }
  });
});
