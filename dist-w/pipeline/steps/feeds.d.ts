/**
 * The feeds step: RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the latest papers (with their monthly
 * RFC 5005 archives), one entry per digest day, one per week, every extra feed declared in the
 * config, and the OPML list of them. Plan (pipeline/feeds/plan.ts: which feeds, which items,
 * which dates, which links), report the plan's problems, render each planned feed in the three
 * formats (pipeline/feeds/rss.ts, atom.ts, json-feed.ts) and the list (pipeline/feeds/opml.ts).
 *
 * Each item is built once per run and shared by every feed and archive that shows the same
 * content, and the items and complete archive documents of the last published run are reused
 * (pipeline/cache/feed-cache.ts: `ctx.caches.feeds`; without it, an in-run cache only). A reused
 * archive document is an artifact that knows its sha256 and size (`Artifact#known`) and reads
 * its bytes only when asked: the writer links the unchanged file of the last output instead.
 *
 * The work itself is `buildFeeds` (pipeline/feeds/render.ts), which a large run does on the
 * feeds thread instead (pipeline/feeds/thread.ts, step `feedsFromThread`).
 */
import type { Config } from '../../src/config.ts';
import type { Dataset } from '../../src/types.ts';
import type { StepContext, StepResult } from '../context.ts';
import type { Artifact } from '../publish/artifact.ts';
export { CONFIG_FILE } from '../context.ts';
/**
 * Every feed file: listFeeds order, then the archive documents (oldest month first), then
 * `feeds.opml`. A paper with an invalid date gets a `feed-invalid-date` warning; an author
 * filter entry that names nobody a `feed-unknown-author` warning on CONFIG_FILE.
 */
export declare function feedsStep(ctx: StepContext, { dataset, search }: {
    dataset: Dataset;
    search: (q: string) => string[];
}): Promise<StepResult<Artifact[]>>;
/** The saved queries of the config's extra feeds (`filter.query`), each once, in config order. */
export declare function savedQueries(config: Pick<Config, 'feeds'>): string[];
//# sourceMappingURL=feeds.d.ts.map