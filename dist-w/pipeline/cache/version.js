// pipeline/cache/version.ts
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PACKAGE_ROOT as ROOT } from "../package-root.js";
var version;
var fingerprint;
var moduleFingerprints = /* @__PURE__ */ new Map();
function packageVersion() {
  version ??= JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).version ?? "0.0.0";
  return version;
}
function localImports(file) {
  const text = readFileSync(file, "utf8");
  const out = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s*['"](\.{1,2}\/[^'"]+\.ts)['"]/gm)) {
    out.push(path.resolve(path.dirname(file), m[1]));
  }
  return out;
}
function moduleFingerprint(entry) {
  const start = path.resolve(ROOT, entry);
  const known = moduleFingerprints.get(start);
  if (known) return known;
  const seen = /* @__PURE__ */ new Set();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    for (const dep of localImports(file)) queue.push(dep);
  }
  const hash = createHash("sha256");
  for (const file of [...seen].sort()) {
    hash.update(path.relative(ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  hash.update(lockFile());
  const value = hash.digest("hex").slice(0, 12);
  moduleFingerprints.set(start, value);
  return value;
}
function lockFile() {
  const file = path.join(ROOT, "package-lock.json");
  return existsSync(file) ? readFileSync(file) : new Uint8Array();
}
function parserVersion() {
  return `${packageVersion()}+${moduleFingerprint("pipeline/parse/core.ts")}`;
}
function feedCacheVersions() {
  return {
    items: moduleFingerprint("pipeline/feeds/items.ts"),
    documents: ["rss", "atom", "json-feed"].map((f) => moduleFingerprint(`pipeline/feeds/${f}.ts`)).join("+")
  };
}
function sourceFiles(dir) {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts")).map((f) => `${dir}/${f.split(path.sep).join("/")}`);
}
function codeFingerprint() {
  if (fingerprint) return fingerprint;
  const files = [...sourceFiles("src"), ...sourceFiles("pipeline"), ...existsSync(path.join(ROOT, "package-lock.json")) ? ["package-lock.json"] : []].sort();
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(file).update("\0").update(readFileSync(path.join(ROOT, file))).update("\0");
  }
  fingerprint = hash.digest("hex").slice(0, 12);
  return fingerprint;
}
function pipelineVersion() {
  return `${packageVersion()}+${codeFingerprint()}`;
}
export {
  codeFingerprint,
  feedCacheVersions,
  moduleFingerprint,
  packageVersion,
  parserVersion,
  pipelineVersion
};
//# sourceMappingURL=version.js.map
