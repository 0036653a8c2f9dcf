// src/text.ts
var FORMAT = new RegExp("\\p{Cf}+", "gu");
var CONTROL = new RegExp("\\p{Cc}", "gu");
var SPACES = /\s+/gu;
function visibleText(s) {
  return s.replace(FORMAT, "").replace(CONTROL, " ").replace(SPACES, " ").trim();
}
export {
  visibleText
};
//# sourceMappingURL=text.js.map
