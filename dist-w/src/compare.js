// src/compare.ts
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function byString(key) {
  return (a, b) => compareStrings(key(a), key(b));
}
function byEntryKey(a, b) {
  return compareStrings(a[0], b[0]);
}
export {
  byEntryKey,
  byString,
  compareStrings
};
//# sourceMappingURL=compare.js.map
