import type { WeekDigest } from './items.ts';
import type { ListingDay, TimedPaper } from './time.ts';
/**
 * The ISO 8601 week of a calendar date `YYYY-MM-DD` (weeks start on Monday; week 1 holds the
 * year's first Thursday): `{ week: 'YYYY-Www', monday, sunday }`, or null when the date is not
 * one. The week's year can differ from the date's (2024-12-30 is in 2025-W01).
 */
export declare function isoWeek(date: string): {
    week: string;
    monday: string;
    sunday: string;
} | null;
/**
 * Every ISO week in which a paper was first listed, newest first, with its `top` papers by votes
 * (ties: the newer paper, then the id). `published` is the week's first digest day (from
 * `days`), `updated` its last one. Papers whose date is not a calendar date are not in `timed`.
 */
export declare function weekDigests(timed: readonly TimedPaper[], days: readonly ListingDay[], top: number): WeekDigest[];
//# sourceMappingURL=weekly.d.ts.map