// src/page/format.ts
var PAGE_FORMAT = 2;
function authorShard(key, count) {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return (h >>> 0) % Math.max(1, count);
}
function chunkOf(first, term) {
  let lo = 0;
  let hi = first.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (first[mid] <= term) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
function chunksWithPrefix(first, prefix) {
  const out = [chunkOf(first, prefix)];
  for (let i = out[0] + 1; i < first.length && first[i].startsWith(prefix); i++) out.push(i);
  return out;
}
export {
  PAGE_FORMAT,
  authorShard,
  chunkOf,
  chunksWithPrefix
};
//# sourceMappingURL=format.js.map
