/**
 * When a feed item is published: digest dates at a time of day in an IANA time zone, as
 * instants. Offsets come from Intl with an explicit zone, never from the process TZ, so the
 * feeds are the same bytes on every machine.
 */
import { compareStrings } from '../../src/compare.ts';
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
export function zonedClock(timeZone: string): ZonedClock {
  let format: Intl.DateTimeFormat | undefined;
  const memo = new Map<string, number | null>();

  /** The zone's offset from UTC at an instant, in ms. */
  const offsetAt = (utcMs: number): number => {
    format ??= formatter(timeZone);
    const parts = format.formatToParts(new Date(utcMs));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    return wall - Math.floor(utcMs / 1000) * 1000;
  };

  const compute = (date: string, time: string): number | null => {
    const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    const t = /^(\d{2}):(\d{2})$/.exec(time);
    if (!d || !t) return null;
    const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
    const check = new Date(wall);
    if (check.getUTCFullYear() !== Number(d[1]) || check.getUTCMonth() !== Number(d[2]) - 1 || check.getUTCDate() !== Number(d[3])) return null;
    // Two passes settle DST transitions (see above for gaps and overlaps).
    let utc = wall - offsetAt(wall);
    const second = wall - offsetAt(utc);
    if (second !== utc) utc = second;
    return utc;
  };

  return (date, time) => {
    const key = `${date} ${time}`;
    let value = memo.get(key);
    if (value === undefined) memo.set(key, (value = compute(date, time)));
    return value;
  };
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  } catch {
    throw new Error(`feeds.timezone: "${timeZone}" is not an IANA time zone this Node.js knows`);
  }
}

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
export function timePapers(papers: readonly Paper[], clock: ZonedClock, time: string): TimedPapers {
  const firstListed = new Map<string, Paper[]>();
  for (const p of papers) {
    const list = firstListed.get(p.date);
    if (list) list.push(p);
    else firstListed.set(p.date, [p]);
  }
  const timed: TimedPaper[] = [];
  const invalid: Paper[] = [];
  const again = new Map<string, TimedPaper[]>();
  const firsts = new Map<string, TimedPaper[]>();
  for (const [date, list] of firstListed) {
    const base = clock(date, time);
    if (base === null) {
      invalid.push(...list);
      continue;
    }
    list.sort((a, b) => compareStrings(a.source.file, b.source.file) || a.source.line - b.source.line || compareStrings(a.id, b.id));
    const day = list.map((paper, rank) => ({ paper, published: base - rank * 1000, updated: base - rank * 1000 }));
    firsts.set(date, day);
    for (const t of day) {
      timed.push(t);
      for (const later of new Set(t.paper.dates)) {
        if (later === date) continue;
        const list = again.get(later);
        if (list) list.push(t);
        else again.set(later, [t]);
      }
    }
  }
  const newest = (a: TimedPaper, b: TimedPaper) => b.published - a.published || compareStrings(a.paper.id, b.paper.id);
  const days: ListingDay[] = [];
  const lastListing = new Map<TimedPaper, number>();
  for (const date of new Set([...firsts.keys(), ...again.keys()])) {
    const published = clock(date, time);
    if (published === null) continue;
    const listed = [...(firsts.get(date) ?? []), ...(again.get(date) ?? []).sort(newest)];
    listed.forEach((t, rank) => {
      const at = published - rank * 1000;
      if (at > (lastListing.get(t) ?? -Infinity)) lastListing.set(t, at);
    });
    days.push({ date, published, papers: listed.map((t) => t.paper) });
  }
  for (const t of timed) t.updated = Math.max(t.published, lastListing.get(t) ?? t.published);
  return { timed: timed.sort(newest), days: days.sort((a, b) => b.published - a.published), invalid };
}
