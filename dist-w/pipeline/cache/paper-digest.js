// pipeline/cache/paper-digest.ts
import { sha256 } from "./cache-file.js";
var digests = /* @__PURE__ */ new WeakMap();
function notePaperJson(paper, json) {
  digests.set(paper, sha256(json));
}
function paperDigest(paper) {
  let digest = digests.get(paper);
  if (digest === void 0) {
    digest = sha256(JSON.stringify(paper));
    digests.set(paper, digest);
  }
  return digest;
}
function notePaperDigest(paper, digest) {
  digests.set(paper, digest);
}
export {
  notePaperDigest,
  notePaperJson,
  paperDigest
};
//# sourceMappingURL=paper-digest.js.map
