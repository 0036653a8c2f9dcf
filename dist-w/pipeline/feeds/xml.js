// pipeline/feeds/xml.ts
var CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
var LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
function xmlSafeText(text) {
  return (isWellFormed(text) ? text : text.replace(LONE_SURROGATE, "\uFFFD")).replace(CONTROL, "");
}
function isWellFormed(text) {
  return text.isWellFormed();
}
function xmlSafeLine(text) {
  return xmlSafeText(text).replace(/\s+/g, " ").trim();
}
var REFERENCES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
function escapeXml(text) {
  return xmlSafeText(text).replace(/[&<>"]/g, (c) => REFERENCES[c]);
}
var HEX = { "&amp;": "&#x26;", "&lt;": "&#x3C;", "&gt;": "&#x3E;" };
function hexReferences(xml) {
  return xml.split(/(<!\[CDATA\[[^]*?\]\]>)/).map((part, n) => n % 2 ? part : part.replace(/&(?:amp|lt|gt);/g, (ref) => HEX[ref])).join("");
}
export {
  escapeXml,
  hexReferences,
  xmlSafeLine,
  xmlSafeText
};
//# sourceMappingURL=xml.js.map
