// pipeline/page/bundle.ts
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { build, version as esbuildVersion } from "esbuild";
import { sha256 } from "../cache/cache-file.js";
import { PACKAGE_ROOT } from "../package-root.js";
var PAGE_DIR = path.join(PACKAGE_ROOT, "src/page/");
var KATEX_DIST = path.join(path.dirname(createRequire(import.meta.url).resolve("katex/package.json")), "dist");
function hash(data) {
  return createHash("sha256").update(data).digest("hex").slice(0, 10);
}
async function katexStyle() {
  const source = await readFile(path.join(KATEX_DIST, "katex-swap.min.css"), "utf8");
  const fonts = /* @__PURE__ */ new Map();
  for (const m of source.matchAll(/url\(fonts\/([\w-]+)\.woff2\)/g)) {
    const name = m[1];
    if (fonts.has(name)) continue;
    const data = await readFile(path.join(KATEX_DIST, "fonts", `${name}.woff2`));
    fonts.set(name, { path: `assets/${name}.${hash(data)}.woff2`, data: new Uint8Array(data) });
  }
  const css = source.replace(/,url\(fonts\/[\w-]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)/g, "").replace(/url\(fonts\/([\w-]+)\.woff2\)/g, (_, name) => `url(${path.basename(fonts.get(name).path)})`);
  if (/url\(fonts\//.test(css)) throw new Error("bundle: a KaTeX font url was not rewritten");
  return { css: { path: `assets/katex.${hash(css)}.css`, data: css }, fonts: [...fonts.values()] };
}
async function bundled(cache, name, options) {
  const run = async () => {
    const result = await build({ ...options, write: false, metafile: true });
    const inputs = Object.keys(result.metafile.inputs).map((input) => path.resolve(options.absWorkingDir ?? process.cwd(), input));
    return { output: result.outputFiles[0].contents, inputs };
  };
  if (!cache) return (await run()).output;
  return cache.get(name, sha256(JSON.stringify([esbuildVersion, options])), run);
}
async function bundlePage(cache) {
  const script = (entry, format) => bundled(cache, `${entry}.${format}`, {
    entryPoints: [`${PAGE_DIR}${entry}`],
    bundle: true,
    minify: true,
    format,
    target: ["es2022", "chrome110", "firefox115", "safari16"],
    platform: "browser",
    legalComments: "none",
    charset: "utf8",
    logLevel: "silent"
  });
  const worker = await script("worker.ts", "iife");
  const js = await script("main.ts", "esm");
  const mathJs = await script("math.ts", "esm");
  const katex = await katexStyle();
  const cssBytes = await bundled(cache, "style.css", {
    entryPoints: [`${PAGE_DIR}style.css`],
    bundle: true,
    minify: true,
    logLevel: "silent"
  });
  return {
    js: { path: `assets/main.${hash(js)}.js`, data: js },
    worker: { path: `assets/worker.${hash(worker)}.js`, data: worker },
    css: { path: `assets/style.${hash(cssBytes)}.css`, data: cssBytes },
    math: { js: { path: `assets/math.${hash(mathJs)}.js`, data: mathJs }, ...katex }
  };
}
export {
  bundlePage,
  bundled
};
//# sourceMappingURL=bundle.js.map
