/**
 * Bundles the page's scripts (src/page/main.ts as an ES module, src/page/worker.ts as a classic
 * worker script, src/page/math.ts with KaTeX as an ES module the page imports only for math)
 * and style.css with esbuild: minified, deterministic, with content-hashed names under
 * `assets/`. KaTeX's stylesheet and its woff2 fonts are copied from the katex package (served
 * from the site, nothing from the internet), the stylesheet pointing at the hashed font names.
 * With a bundle cache (pipeline/cache/bundle-cache.ts), a bundle whose inputs did not change is
 * taken from it and esbuild is not started.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build, version as esbuildVersion, type BuildOptions } from 'esbuild';
import type { BundleCache, BuiltBundle } from '../cache/bundle-cache.ts';
import { sha256 } from '../cache/cache-file.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import type { Artifact } from '../publish/artifact.ts';

/** The page's sources (TypeScript, bundled here; the same folder whether the pipeline runs from source or from dist/). */
const PAGE_DIR = path.join(PACKAGE_ROOT, 'src/page/');
const KATEX_DIST = path.join(path.dirname(createRequire(import.meta.url).resolve('katex/package.json')), 'dist');

/** The math renderer: its script, KaTeX's stylesheet and the fonts that stylesheet names. */
export interface MathAssets {
  js: Artifact;
  css: Artifact;
  fonts: Artifact[];
}

/** The first 10 hex digits of the SHA-256 of `data`: the content hash in an asset's name. */
function hash(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 10);
}

/**
 * KaTeX's stylesheet (the `font-display: swap` variant) with only its woff2 fonts, each copied
 * to `assets/<font>.<hash>.woff2` and the stylesheet's urls rewritten to those names (woff and
 * ttf fallbacks dropped: every browser the page supports reads woff2).
 */
async function katexStyle(): Promise<{ css: Artifact; fonts: Artifact[] }> {
  const source = await readFile(path.join(KATEX_DIST, 'katex-swap.min.css'), 'utf8');
  const fonts = new Map<string, Artifact>();
  for (const m of source.matchAll(/url\(fonts\/([\w-]+)\.woff2\)/g)) {
    const name = m[1]!;
    if (fonts.has(name)) continue;
    const data = await readFile(path.join(KATEX_DIST, 'fonts', `${name}.woff2`));
    fonts.set(name, { path: `assets/${name}.${hash(data)}.woff2`, data: new Uint8Array(data) });
  }
  const css = source
    .replace(/,url\(fonts\/[\w-]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)/g, '')
    .replace(/url\(fonts\/([\w-]+)\.woff2\)/g, (_, name: string) => `url(${path.basename(fonts.get(name)!.path)})`);
  if (/url\(fonts\//.test(css)) throw new Error('bundle: a KaTeX font url was not rewritten');
  return { css: { path: `assets/katex.${hash(css)}.css`, data: css }, fonts: [...fonts.values()] };
}

/**
 * The one output file of an esbuild build of `options` (bundled in memory), through `cache`
 * when given: entry `name`, keyed by esbuild's version and the options, valid while every input
 * file esbuild read keeps its content.
 */
export async function bundled(cache: BundleCache | null | undefined, name: string, options: BuildOptions): Promise<Uint8Array> {
  const run = async (): Promise<BuiltBundle> => {
    const result = await build({ ...options, write: false, metafile: true });
    // The metafile names the inputs relative to the working folder.
    const inputs = Object.keys(result.metafile!.inputs).map((input) => path.resolve(options.absWorkingDir ?? process.cwd(), input));
    return { output: result.outputFiles[0]!.contents, inputs };
  };
  if (!cache) return (await run()).output;
  return cache.get(name, sha256(JSON.stringify([esbuildVersion, options])), run);
}

/**
 * Bundles src/page/main.ts, worker.ts, math.ts and style.css (minified, deterministic,
 * content-hashed names); `cache` keeps the bundles between runs.
 */
export async function bundlePage(cache?: BundleCache | null): Promise<{ js: Artifact; worker: Artifact; css: Artifact; math: MathAssets }> {
  const script = (entry: string, format: 'iife' | 'esm') =>
    bundled(cache, `${entry}.${format}`, {
      entryPoints: [`${PAGE_DIR}${entry}`],
      bundle: true,
      minify: true,
      format,
      target: ['es2022', 'chrome110', 'firefox115', 'safari16'],
      platform: 'browser',
      legalComments: 'none',
      charset: 'utf8',
      logLevel: 'silent',
    });
  const worker = await script('worker.ts', 'iife');
  const js = await script('main.ts', 'esm');
  const mathJs = await script('math.ts', 'esm');
  const katex = await katexStyle();
  const cssBytes = await bundled(cache, 'style.css', {
    entryPoints: [`${PAGE_DIR}style.css`],
    bundle: true,
    minify: true,
    logLevel: 'silent',
  });
  return {
    js: { path: `assets/main.${hash(js)}.js`, data: js },
    worker: { path: `assets/worker.${hash(worker)}.js`, data: worker },
    css: { path: `assets/style.${hash(cssBytes)}.css`, data: cssBytes },
    math: { js: { path: `assets/math.${hash(mathJs)}.js`, data: mathJs }, ...katex },
  };
}
