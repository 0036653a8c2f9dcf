// src/digest/decode.ts
import { fatal } from "./messages.js";
function bytePlace(bytes, offset) {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}
function firstInvalidUtf8(bytes) {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 128) {
      i++;
      continue;
    }
    let need;
    let min;
    let cp;
    if (b >= 194 && b <= 223) [need, min, cp] = [1, 128, b & 31];
    else if (b >= 224 && b <= 239) [need, min, cp] = [2, 2048, b & 15];
    else if (b >= 240 && b <= 244) [need, min, cp] = [3, 65536, b & 7];
    else return i;
    if (i + need >= n) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === void 0 || (c & 192) !== 128) return i;
      cp = cp << 6 | c & 63;
    }
    if (cp < min || cp > 1114111 || cp >= 55296 && cp <= 57343) return i;
    i += need + 1;
  }
  return -1;
}
function decodeDigest(bytes, file) {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    fatal(file, `Cannot read this file as a digest: it is binary (NUL byte at byte ${nul})`, bytePlace(bytes, nul), "encoding");
    return null;
  }
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const at = Math.max(0, firstInvalidUtf8(bytes));
    fatal(file, `Cannot read this file as a digest: invalid UTF-8 at byte ${at}`, bytePlace(bytes, at), "encoding");
    return null;
  }
  if (text.charCodeAt(0) === 65279) text = text.slice(1);
  return text.replace(/\r\n?/g, "\n").normalize("NFC");
}
export {
  decodeDigest
};
//# sourceMappingURL=decode.js.map
