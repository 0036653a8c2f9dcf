// pipeline/page/client.ts
import path from "node:path";
import { ANALYZER_VERSION } from "../../src/search/analyzer.js";
import { packageVersion } from "../cache/version.js";
import { PACKAGE_ROOT } from "../package-root.js";
import { bundled } from "./bundle.js";
var CLIENT_PATH = "client.js";
async function bundleClient(cache) {
  const data = await bundled(cache, "client.js", {
    entryPoints: [path.join(PACKAGE_ROOT, "src/search/client.ts")],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: ["es2022", "chrome110", "firefox115", "safari16"],
    charset: "utf8",
    legalComments: "none",
    logLevel: "silent",
    banner: {
      js: `/* daily-papers-feeds ${packageVersion()} search client (analyzer ${ANALYZER_VERSION}; MiniSearch, MIT, inside).
   import { loadSearchIndex } from './client.js';
   const index = loadSearchIndex(await (await fetch('search-index.json')).text());
   index.search('query', { limit: 10 }); */`
    }
  });
  return { path: CLIENT_PATH, data };
}
export {
  CLIENT_PATH,
  bundleClient
};
//# sourceMappingURL=client.js.map
