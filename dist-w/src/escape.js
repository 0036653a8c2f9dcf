// src/escape.ts
var REFERENCES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escapeHtml(text, options = {}) {
  return text.replace(options.apostrophe ? /[&<>"']/g : /[&<>"]/g, (c) => REFERENCES[c]);
}
export {
  escapeHtml
};
//# sourceMappingURL=escape.js.map
