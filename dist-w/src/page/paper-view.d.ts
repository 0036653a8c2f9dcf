/**
 * A paper's own page (`?id=<paper id>`): title, info line, every date it was listed, its
 * authors (links that filter to that person), its whole summary (labelled sections, nested
 * lists; built from the summary tree with DOM calls, never parsed as HTML), its links and its
 * related papers (links to their pages).
 */
import type { MetaRecord, PaperRecord, SummaryNode, SummarySection } from './format.ts';
import type { Messages } from './i18n.ts';
/** Appends summary nodes to `parent`: elements of known kinds, everything else as text. */
export declare function appendSummary(parent: HTMLElement, nodes: readonly SummaryNode[]): void;
/**
 * The summary: each labelled bullet as a section (`h3` and its content), runs of unlabelled
 * bullets as one list.
 */
export declare function renderSummary(sections: readonly SummarySection[]): HTMLElement;
/**
 * The article's content for a paper: `meta` (its result record), `record` (what its page adds)
 * and `related` (its related papers' records, most similar first).
 */
export declare function renderPaper(meta: MetaRecord, record: PaperRecord, related: readonly MetaRecord[], t: Messages): HTMLElement[];
//# sourceMappingURL=paper-view.d.ts.map