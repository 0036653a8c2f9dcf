/**
 * Decoding a digest's bytes to text: binary content and invalid UTF-8 are rejected with a
 * fatal message at the offending byte; line endings and Unicode form are normalized. Pure and
 * browser-safe (TextDecoder only).
 */
import type { VFile } from 'vfile';
import { fatal, type Place } from './messages.ts';

/**
 * Position (1-based line and column) of a byte offset, as an editor shows it: lines end at LF,
 * CRLF or a lone CR (the line ends the text gets), and the column counts the UTF-16 code units
 * of the line's text before the byte (what every other diagnostic counts: docs/pipeline.md), a
 * leading BOM left out. Bytes before `offset` that are not UTF-8 count one unit each.
 */
function bytePlace(bytes: Uint8Array, offset: number): Place {
  let line = 1;
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? Math.min(3, offset) : 0;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: new TextDecoder('utf-8').decode(bytes.subarray(start, offset)).length + 1 };
}

/**
 * Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. The rule is
 * the Unicode Standard's well-formed UTF-8 (table 3-7): no overlong forms, no surrogates, no
 * code points above U+10FFFF, no truncated sequences.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min, cp] = [1, 0x80, b & 0x1f];
    else if (b >= 0xe0 && b <= 0xef) [need, min, cp] = [2, 0x800, b & 0x0f];
    else if (b >= 0xf0 && b <= 0xf4) [need, min, cp] = [3, 0x10000, b & 0x07];
    else return i;
    if (i + need >= n) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Decode a digest's bytes. Binary content (a NUL byte) or invalid UTF-8 gets a fatal message
 * (rule `encoding`, placed at the offending byte) and returns null. A UTF-8 BOM is stripped,
 * CRLF and CR become LF, and the text is NFC-normalized.
 */
export function decodeDigest(bytes: Uint8Array, file: VFile): string | null {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    fatal(file, `Cannot read this file as a digest: it is binary (NUL byte at byte offset ${nul})`, bytePlace(bytes, nul), 'encoding');
    return null;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = Math.max(0, firstInvalidUtf8(bytes));
    fatal(file, `Cannot read this file as a digest: invalid UTF-8 at byte offset ${at}`, bytePlace(bytes, at), 'encoding');
    return null;
  }
  // TextDecoder strips one leading BOM already (ignoreBOM: false); strip a stray second one too.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.replace(/\r\n?/g, '\n').normalize('NFC');
}
