import type { BundleCache } from '../cache/bundle-cache.ts';
import type { Artifact } from '../publish/artifact.ts';
/** Where the client is published, relative to the output folder. */
export declare const CLIENT_PATH = "client.js";
/** client.js: minified, deterministic (same sources, same bytes), browser targets as the page's; `cache` keeps it between runs. */
export declare function bundleClient(cache?: BundleCache | null): Promise<Artifact>;
//# sourceMappingURL=client.d.ts.map