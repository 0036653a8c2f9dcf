/**
 * The site as the feeds see it: the few config values every feed needs, with the site URL
 * turned into a folder URL once per run.
 */
import type { Config } from '../../src/config.ts';
export interface FeedSite {
    /**
     * The output folder's absolute URL, ending in `/`, without query or fragment: every feed's
     * home page and the base of its self links.
     */
    base: string;
    /** Site title: the main feed's title and the author of every Atom and JSON feed. */
    title: string;
    description: string;
    /** Language tag (RSS `language`, Atom `xml:lang`, JSON Feed `language`). */
    language: string;
    /** Where an item links: the paper's Hugging Face page or its arXiv/source page (`feeds.link`). */
    link: Config['feeds']['link'];
}
/** The FeedSite of a config. Throws when `site.url` is not a URL (the config schema rules that out). */
export declare function feedSite(config: Pick<Config, 'site' | 'feeds'>): FeedSite;
//# sourceMappingURL=site.d.ts.map