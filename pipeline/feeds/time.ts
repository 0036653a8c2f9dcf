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

/**
 * Publication times: the first digest date at `time` (`HH:MM`) on `clock`, minus one second per
 * rank within that day (rank = digest order, i.e. source file then line), so that items of one
 * day have distinct times and the day's first paper is the newest. `updated` is the same time on
 * the last digest date that listed the paper: a paper's data (votes, version, summary) only
 * changes when a later digest lists it again.
 *
 * Returns the timed papers newest first (ties, across days only, by id) and, in dataset order
 * of their dates, the papers left out because their first date is not a calendar date.
 */
export function timePapers(papers: readonly Paper[], clock: ZonedClock, time: string): { timed: TimedPaper[]; invalid: Paper[] } {
  const byDate = new Map<string, Paper[]>();
  for (const p of papers) {
    const list = byDate.get(p.date);
    if (list) list.push(p);
    else byDate.set(p.date, [p]);
  }
  const timed: TimedPaper[] = [];
  const invalid: Paper[] = [];
  for (const [date, list] of byDate) {
    list.sort((a, b) => compareStrings(a.source.file, b.source.file) || a.source.line - b.source.line || compareStrings(a.id, b.id));
    const base = clock(date, time);
    list.forEach((paper, rank) => {
      const last = paper.dates.length ? paper.dates[paper.dates.length - 1]! : date;
      const lastBase = clock(last, time);
      if (base === null) {
        invalid.push(paper);
        return;
      }
      const published = base - rank * 1000;
      const updated = Math.max(published, (lastBase ?? base) - rank * 1000);
      timed.push({ paper, published, updated });
    });
  }
  // Newest first; ties cannot happen within a day, across days the id decides.
  return { timed: timed.sort((a, b) => b.published - a.published || compareStrings(a.paper.id, b.paper.id)), invalid };
}
