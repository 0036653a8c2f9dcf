// pipeline/feeds/plain-markdown.ts
var SYNTAX = /[\\`*_[\]!<>&|~$#]/;
var OTHER_SPACE = /[^\S ]/;
var BLOCK_START = /^(?:[-+=]|\d+[.)])/;
function isPlainParagraph(markdown) {
  if (markdown === "" || markdown[0] === " " || markdown[markdown.length - 1] === " ") return false;
  return !SYNTAX.test(markdown) && !OTHER_SPACE.test(markdown) && !BLOCK_START.test(markdown);
}
export {
  isPlainParagraph
};
//# sourceMappingURL=plain-markdown.js.map
