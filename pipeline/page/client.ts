/**
 * The search client published with the site, `client.js`: src/search/client.ts bundled by
 * esbuild into one ES module with no imports (the analyzer and MiniSearch inside), so that any
 * web page can `import { loadSearchIndex } from './client.js'` next to `search-index.json`.
 * It exports what src/search/client.ts exports, among them `loadSearchIndex` and
 * `ANALYZER_VERSION`, the analyzer version the index must have been built with.
 */
import path from 'node:path';
import { ANALYZER_VERSION } from '../../src/search/analyzer.ts';
import type { BundleCache } from '../cache/bundle-cache.ts';
import { packageVersion } from '../cache/version.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import type { Artifact } from '../publish/artifact.ts';
import { bundled } from './bundle.ts';

/** Where the client is published, relative to the output folder. */
export const CLIENT_PATH = 'client.js';

/** client.js: minified, deterministic (same sources, same bytes), browser targets as the page's; `cache` keeps it between runs. */
export async function bundleClient(cache?: BundleCache | null): Promise<Artifact> {
  const data = await bundled(cache, 'client.js', {
    entryPoints: [path.join(PACKAGE_ROOT, 'src/search/client.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022', 'chrome110', 'firefox115', 'safari16'],
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
    banner: {
      js:
        `/* daily-papers-feeds ${packageVersion()} search client (analyzer ${ANALYZER_VERSION}; MiniSearch, MIT, inside).\n` +
        `   import { loadSearchIndex } from './client.js';\n` +
        `   const index = loadSearchIndex(await (await fetch('search-index.json')).text());\n` +
        `   index.search('query', { limit: 10 }); */`,
    },
  });
  return { path: CLIENT_PATH, data };
}
