import type { Config } from '../../src/config.ts';
import type { Artifact } from '../publish/artifact.ts';
import type { FeedLink } from '../feeds/plan.ts';
/** The bundled assets the page links to (paths under `assets/`). */
export interface PageAssets {
    js: Artifact;
    worker: Artifact;
    css: Artifact;
    /** The math renderer (loaded only when a text on screen has math) and its stylesheet. */
    math?: {
        js: Artifact;
        css: Artifact;
    };
}
/** One feed with its files: `title` without the format, `formats` in listFeeds order. */
export interface FeedGroup {
    title: string;
    formats: {
        name: string;
        path: string;
        type: FeedLink['type'];
    }[];
}
/**
 * listFeeds' links (one per feed and format, titled "<feed> (<format>)") as one entry per feed:
 * consecutive links of the same feed title are one feed.
 */
export declare function groupFeeds(links: readonly FeedLink[]): FeedGroup[];
/**
 * index.html: the template with its `{{name}}` and `{{t.name}}` placeholders filled in
 * (escaped); the footer counts `paperCount` papers. An unknown placeholder is left as written.
 */
export declare function renderIndexHtml(config: Config, paperCount: number, assets: PageAssets): Promise<Artifact>;
//# sourceMappingURL=html.d.ts.map