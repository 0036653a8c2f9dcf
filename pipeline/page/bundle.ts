/**
 * Bundles the page's scripts (src/page/main.ts as an ES module, src/page/worker.ts as a classic
 * worker script) and style.css with esbuild: minified, deterministic, with content-hashed names
 * under `assets/`.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { build } from 'esbuild';
import { PACKAGE_ROOT } from '../package-root.ts';
import type { Artifact } from '../publish/artifact.ts';

/** The page's sources (TypeScript, bundled here; the same folder whether the pipeline runs from source or from dist/). */
const PAGE_DIR = path.join(PACKAGE_ROOT, 'src/page/');

/** The first 10 hex digits of the SHA-256 of `data`: the content hash in an asset's name. */
function hash(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 10);
}

/** Bundles src/page/main.ts, worker.ts and style.css (minified, deterministic, content-hashed names). */
export async function bundlePage(): Promise<{ js: Artifact; worker: Artifact; css: Artifact }> {
  const script = async (entry: string, format: 'iife' | 'esm') =>
    (
      await build({
        entryPoints: [`${PAGE_DIR}${entry}`],
        bundle: true,
        minify: true,
        format,
        target: ['es2022', 'chrome110', 'firefox115', 'safari16'],
        platform: 'browser',
        write: false,
        legalComments: 'none',
        charset: 'utf8',
        logLevel: 'silent',
      })
    ).outputFiles[0]!.contents;
  const worker = await script('worker.ts', 'iife');
  const js = await script('main.ts', 'esm');
  const css = await build({
    entryPoints: [`${PAGE_DIR}style.css`],
    bundle: true,
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const cssBytes = css.outputFiles[0]!.contents;
  return {
    js: { path: `assets/main.${hash(js)}.js`, data: js },
    worker: { path: `assets/worker.${hash(worker)}.js`, data: worker },
    css: { path: `assets/style.${hash(cssBytes)}.css`, data: cssBytes },
  };
}
