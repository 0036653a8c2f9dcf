// src/url.ts
var HUGGING_FACE = "https://huggingface.co/";
function absoluteHttpUrl(url) {
  try {
    const u = new URL(url, HUGGING_FACE);
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : null;
  } catch {
    return null;
  }
}
export {
  HUGGING_FACE,
  absoluteHttpUrl
};
//# sourceMappingURL=url.js.map
