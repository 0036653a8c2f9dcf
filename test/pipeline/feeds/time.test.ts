import { describe, expect, it } from 'vitest';
import { timePapers, zonedClock } from '../../../pipeline/feeds/time.ts';
import type { Paper } from '../../../src/types.ts';
import { loadFixture } from '../../helpers/feeds-build.ts';

describe('zonedClock', () => {
  it('converts wall-clock time in a zone to UTC without the process TZ', () => {
    const zonedTime = (date: string, time: string, zone: string) => zonedClock(zone)(date, time);
    expect(new Date(zonedTime('2024-05-10', '09:00', 'Asia/Seoul')!).toISOString()).toBe('2024-05-10T00:00:00.000Z');
    expect(new Date(zonedTime('2024-07-01', '09:00', 'America/New_York')!).toISOString()).toBe('2024-07-01T13:00:00.000Z');
    expect(new Date(zonedTime('2024-01-15', '09:00', 'America/New_York')!).toISOString()).toBe('2024-01-15T14:00:00.000Z');
    expect(new Date(zonedTime('2024-03-31', '02:30', 'Europe/Berlin')!).toISOString()).toBe('2024-03-31T01:30:00.000Z');
    expect(zonedTime('2024-02-30', '09:00', 'UTC')).toBeNull();
  });
  it('resolves a time in a DST overlap by the offset at that wall-clock time read as UTC', () => {
    // Berlin 02:30 is 00:30Z (CEST) and 01:30Z (CET); New York 01:30 is 05:30Z (EDT) and 06:30Z (EST).
    expect(new Date(zonedClock('Europe/Berlin')('2024-10-27', '02:30')!).toISOString()).toBe('2024-10-27T01:30:00.000Z');
    expect(new Date(zonedClock('America/New_York')('2024-11-03', '01:30')!).toISOString()).toBe('2024-11-03T05:30:00.000Z');
  });
  it('answers null for text that is not a date or a time', () => {
    const clock = zonedClock('UTC');
    expect(clock('2024-5-1', '09:00')).toBeNull();
    expect(clock('2024-05-01', '9:00')).toBeNull();
  });
  it('rejects an unknown time zone on first use, naming it', () => {
    const clock = zonedClock('Mars/Olympus');
    expect(() => clock('2024-05-10', '09:00')).toThrow('feeds.timezone: "Mars/Olympus" is not an IANA time zone this Node.js knows');
  });
});

describe('timePapers', () => {
  const dataset = loadFixture();
  const clock = zonedClock('Asia/Seoul');
  const byId = new Map(dataset.papers.map((p) => [p.id, p]));

  it('publishes a day at the time of day minus one second per digest rank, newest first', () => {
    const { timed, invalid } = timePapers(dataset.papers, clock, '09:00');
    expect(invalid).toEqual([]);
    const day = clock('2024-05-12', '09:00')!;
    // 2024/05/12.md lines 3, 30, 40.
    expect(timed.slice(0, 3).map((t) => [t.paper.id, day - t.published])).toEqual([
      ['url:openreview.net/forum?id=Xy12&z=1', 0],
      ['url:javascript:alert(1)', 1000],
      ['hep-th/9901001', 2000],
    ]);
    const published = timed.map((t) => t.published);
    expect(published).toEqual([...published].sort((a, b) => b - a));
  });
  it('moves updated to the last listing date, ranked after that day\'s first listings, and only there', () => {
    const { timed } = timePapers(dataset.papers, clock, '09:00');
    for (const t of timed) {
      // 2024-05-12 first lists three papers; the paper listed again comes fourth (rank 3).
      const expected = t.paper.id === '2405.05678' ? clock('2024-05-12', '09:00')! - 3000 : t.published;
      expect(t.updated, t.paper.id).toBe(expected);
    }
  });
  it('gives every paper a distinct updated, also when a re-listed paper was its first day\'s top paper', () => {
    // The top paper of 2024-05-10 listed again on 2024-05-12 would share the time of that day's top paper by rank alone.
    const top = { ...byId.get('2405.01234')!, dates: ['2024-05-10', '2024-05-12'] };
    const papers = dataset.papers.map((p) => (p.id === top.id ? top : p));
    const { timed } = timePapers(papers, clock, '09:00');
    const updated = timed.map((t) => t.updated);
    expect(new Set(updated).size).toBe(updated.length);
    expect(timed.find((t) => t.paper.id === top.id)!.updated).toBe(clock('2024-05-12', '09:00')! - 3000);
  });
  it('lists each day: first listings in digest order, then the papers listed again', () => {
    const { days } = timePapers(dataset.papers, clock, '09:00');
    expect(days.map((d) => [d.date, d.papers.map((p) => p.id)])).toEqual([
      ['2024-05-12', ['url:openreview.net/forum?id=Xy12&z=1', 'url:javascript:alert(1)', 'hep-th/9901001', '2405.05678']],
      ['2024-05-11', ['2405.09999', '2405.07777']],
      ['2024-05-10', ['2405.01234', '2405.05678']],
    ]);
  });
  it('leaves out, and returns, papers whose first date is not a calendar date', () => {
    const bad: Paper = { ...byId.get('2405.01234')!, date: '2024-13-40', dates: ['2024-13-40'] };
    const { timed, invalid } = timePapers([bad, byId.get('2405.09999')!], clock, '09:00');
    expect(invalid).toEqual([bad]);
    expect(timed.map((t) => t.paper.id)).toEqual(['2405.09999']);
  });
});
