// src/search/index-json.ts
import { serializedHeader } from "./internals.js";
function utf8Length(s) {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) n += 1;
    else if (c < 2048) n += 2;
    else if (c >= 55296 && c <= 56319 && i + 1 < s.length && (s.charCodeAt(i + 1) & 64512) === 56320) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
var encoder = new TextEncoder();
var decoder = new TextDecoder();
function postingsText(index, i) {
  return decoder.decode(index.postings.subarray(index.offsets[i], index.offsets[i + 1]));
}
function entryLength(index, i, termJson = JSON.stringify(index.terms[i])) {
  return termJson.length + (index.offsets[i + 1] - index.offsets[i]) + 3;
}
function entriesBytes(index, from, to, prefix = "[", suffix = "]") {
  const json = [];
  let total = utf8Length(prefix) + utf8Length(suffix) + Math.max(0, to - from - 1);
  for (let i = from; i < to; i++) {
    const t = JSON.stringify(index.terms[i]);
    json.push(t);
    total += utf8Length(t) + (index.offsets[i + 1] - index.offsets[i]) + 3;
  }
  const out = new Uint8Array(total);
  let at = encoder.encodeInto(prefix, out).written;
  for (let i = from; i < to; i++) {
    if (i > from) out[at++] = 44;
    out[at++] = 91;
    at += encoder.encodeInto(json[i - from], out.subarray(at)).written;
    out[at++] = 44;
    out.set(index.postings.subarray(index.offsets[i], index.offsets[i + 1]), at);
    at += index.offsets[i + 1] - index.offsets[i];
    out[at++] = 93;
  }
  at += encoder.encodeInto(suffix, out.subarray(at)).written;
  if (at !== total) throw new Error("index-json: size mismatch");
  return out;
}
function indexJsonBytes(index) {
  const { head } = index;
  const headText = JSON.stringify(serializedHeader(head));
  const tail = `,"index":[],"serializationVersion":${head.serializationVersion}}`;
  if (!headText.endsWith(tail)) throw new Error("index-json: unexpected header serialization");
  return entriesBytes(
    index,
    0,
    index.terms.length,
    `${headText.slice(0, -tail.length)},"index":[`,
    `],"serializationVersion":${head.serializationVersion}}`
  );
}
function indexJsonText(index) {
  return decoder.decode(indexJsonBytes(index));
}
export {
  entriesBytes,
  entryLength,
  indexJsonBytes,
  indexJsonText,
  postingsText
};
//# sourceMappingURL=index-json.js.map
