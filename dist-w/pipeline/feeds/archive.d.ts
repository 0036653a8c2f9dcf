/**
 * How the main feed's papers are divided into RFC 5005 archive documents (section 4, "Archived
 * Feeds"): one per month, `archive/YYYY-MM.xml`, `.atom.xml` and `.json`. Plain data; plan.ts
 * turns each month into a planned feed with its links.
 *
 * Decisions (docs/feeds.md#archives says why):
 * - a paper belongs to the month of its first digest date: later listings never move it, so no
 *   paper is in two archive documents and the set of entries of a month never changes;
 * - a month is complete once a digest of a later month exists (digests arrive in date order):
 *   its document is marked `fh:archive` and gets no new papers; the newest month is open: its
 *   document is on the chain (so no paper falls between the subscription document and the
 *   archives) but not marked, since its entries still change;
 * - an entry shows the paper as first listed (plan.ts, `asFirstListed` in src/papers.ts), so a
 *   later digest that lists a paper again does not change a complete month's document either.
 */
import type { ListingDay, TimedPaper } from './time.ts';
export interface MonthArchive {
    /** `YYYY-MM`. */
    month: string;
    /** A digest of a later month exists: the document is final (`fh:archive`). */
    complete: boolean;
    /** The papers first listed in the month, newest first. */
    papers: TimedPaper[];
}
/** The archive files of a month, relative to the output folder. */
export declare function archiveFiles(month: string): {
    rss: string;
    atom: string;
    json: string;
};
/**
 * The months that first listed a paper, oldest first. `timed` is newest first (timePapers);
 * `days` holds every listing date, which decides which months are complete.
 */
export declare function monthArchives(timed: readonly TimedPaper[], days: readonly ListingDay[]): MonthArchive[];
//# sourceMappingURL=archive.d.ts.map