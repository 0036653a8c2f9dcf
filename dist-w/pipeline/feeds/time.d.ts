import type { Paper } from '../../src/types.ts';
/** `YYYY-MM-DD` at `HH:MM` wall-clock time, as epoch ms; null when the date or time is not one. */
export type ZonedClock = (date: string, time: string) => number | null;
/**
 * A clock for one IANA time zone. Its formatter and its memo of computed times live as long as
 * the clock: a run makes one (see plan.ts), so nothing outlives the run.
 *
 * Throws, on first use, `feeds.timezone: "<zone>" is not an IANA time zone this Node.js knows`.
 * A wall-clock time in a DST gap resolves forward. One in an overlap (it happens twice) takes
 * the offset in force at that wall-clock time read as UTC: the later occurrence in zones east
 * of Greenwich (Europe/Berlin 2024-10-27 02:30 is 01:30Z), the earlier one west of it
 * (America/New_York 2024-11-03 01:30 is 05:30Z).
 */
export declare function zonedClock(timeZone: string): ZonedClock;
export interface TimedPaper {
    paper: Paper;
    /** Epoch ms. */
    published: number;
    /** Epoch ms, never before `published`. */
    updated: number;
}
/** One digest date and what it listed, for the daily digest feed. */
export interface ListingDay {
    /** `YYYY-MM-DD`. */
    date: string;
    /** Epoch ms: the date at the time of day. */
    published: number;
    /** Listing order: the papers first listed that day (digest order), then those listed again (newest first, then id). */
    papers: Paper[];
}
export interface TimedPapers {
    /** Newest first (ties, across days only, by id). */
    timed: TimedPaper[];
    /** Every listing date that is a calendar date, newest first. */
    days: ListingDay[];
    /** In dataset order of their dates: papers left out because their first date is not a calendar date. */
    invalid: Paper[];
}
/**
 * Publication times, as instants on `clock` at `time` (`HH:MM`):
 * - `published`: the first digest date at `time`, minus one second per rank within that day
 *   (rank = digest order, i.e. source file then line), so that items of one day have distinct
 *   times and the day's first paper is the newest;
 * - `updated`: the same on the last listing date (the newest of `dates` that is a calendar date),
 *   minus one second per rank in that day's listing order (see ListingDay): a paper's data
 *   (votes, version, summary) only changes when a later digest lists it again. Each (day, rank)
 *   pair belongs to one paper, so no two papers share an `updated` (a day would need 86,400
 *   listings to reach the day before): Atom readers and the W3C validator expect distinct values.
 */
export declare function timePapers(papers: readonly Paper[], clock: ZonedClock, time: string): TimedPapers;
//# sourceMappingURL=time.d.ts.map