/**
 * The weekly feed's plan: papers grouped by the ISO 8601 week of their first digest date, and
 * each week's top papers by votes. Plain data; items.ts renders a week (weekItem).
 */
import { compareStrings } from '../../src/compare.ts';
import type { WeekDigest } from './items.ts';
import type { ListingDay, TimedPaper } from './time.ts';

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a UTC midnight (epoch ms). */
function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The ISO 8601 week of a calendar date `YYYY-MM-DD` (weeks start on Monday; week 1 holds the
 * year's first Thursday): `{ week: 'YYYY-Www', monday, sunday }`, or null when the date is not
 * one. The week's year can differ from the date's (2024-12-30 is in 2025-W01).
 */
export function isoWeek(date: string): { week: string; monday: string; sunday: string } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (isoDate(day) !== date) return null;
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = day - weekday * DAY_MS;
  const thursday = monday + 3 * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return { week: `${year}-W${String(week).padStart(2, '0')}`, monday: isoDate(monday), sunday: isoDate(monday + 6 * DAY_MS) };
}

/** Votes descending (unknown last), then newest first, then id. */
function byVotes(a: TimedPaper, b: TimedPaper): number {
  return (b.paper.votes ?? -1) - (a.paper.votes ?? -1) || b.published - a.published || compareStrings(a.paper.id, b.paper.id);
}

/**
 * Every ISO week in which a paper was first listed, newest first, with its `top` papers by votes
 * (ties: the newer paper, then the id). `published` is the week's first digest day (from
 * `days`), `updated` its last one. Papers whose date is not a calendar date are not in `timed`.
 */
export function weekDigests(timed: readonly TimedPaper[], days: readonly ListingDay[], top: number): WeekDigest[] {
  const weeks = new Map<string, { monday: string; sunday: string; papers: TimedPaper[]; days: number[] }>();
  for (const t of timed) {
    const w = isoWeek(t.paper.date);
    if (!w) continue;
    let entry = weeks.get(w.week);
    if (!entry) weeks.set(w.week, (entry = { monday: w.monday, sunday: w.sunday, papers: [], days: [] }));
    entry.papers.push(t);
  }
  for (const day of days) {
    const w = isoWeek(day.date);
    if (w) weeks.get(w.week)?.days.push(day.published);
  }
  const list: WeekDigest[] = [];
  for (const [week, entry] of weeks) {
    list.push({
      week,
      monday: entry.monday,
      sunday: entry.sunday,
      published: Math.min(...entry.days),
      updated: Math.max(...entry.days),
      top: [...entry.papers].sort(byVotes).slice(0, top).map((t) => t.paper),
      total: entry.papers.length,
    });
  }
  return list.sort((a, b) => compareStrings(b.week, a.week));
}
