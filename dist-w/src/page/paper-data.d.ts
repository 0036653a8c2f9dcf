import type { AuthorEntry, PaperRecord } from './format.ts';
import type { ChunkedIndex, FetchJson } from './loader.ts';
export declare class PaperData {
    private readonly fetchJson;
    private readonly base;
    private readonly index;
    private readonly files;
    private readonly manifest;
    /** `base`: the search data folder (manifest.json's), as given to ChunkedIndex.open. */
    constructor(fetchJson: FetchJson, base: string, index: ChunkedIndex);
    private file;
    /** The person with author key `key` (name and papers' short ids), or null when no paper has it. */
    author(key: string): Promise<AuthorEntry | null>;
    /** What the paper page adds for short id `shortId`, or null when no document holds it. */
    paper(shortId: number): Promise<PaperRecord | null>;
    /**
     * The short id of the paper with id `id`, or null: a search for the id first (arXiv IDs are
     * indexed: one small fetch), then the doc chunks in order.
     */
    shortIdOf(id: string): Promise<number | null>;
}
//# sourceMappingURL=paper-data.d.ts.map