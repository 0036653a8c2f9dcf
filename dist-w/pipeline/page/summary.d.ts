import type { SummarySection } from '../../src/page/format.ts';
import type { SummaryItem } from '../../src/types.ts';
/** One bullet's section: its text when the markdown is plain, else its markdown as a tree. */
export declare function summarySection(item: SummaryItem): SummarySection;
/** Every bullet of a summary, in order. */
export declare function summarySections(summary: readonly SummaryItem[]): SummarySection[];
//# sourceMappingURL=summary.d.ts.map