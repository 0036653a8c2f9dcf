/** The weekly feed: ISO weeks, each week's top papers by votes, the feed in every format. */
import { describe, expect, it } from 'vitest';
import { timePapers, zonedClock } from '../../../pipeline/feeds/time.ts';
import { isoWeek, weekDigests } from '../../../pipeline/feeds/weekly.ts';
import type { JsonFeed } from '../../helpers/feed-parse.ts';
import { parseFeed } from '../../helpers/feed-parse.ts';
import { ARCHIVE_CONFIG, archiveDigests, digestsDataset, loadFixture, makeContext, planFor, runFeeds } from '../../helpers/feeds-build.ts';

describe('isoWeek', () => {
  it('numbers weeks from Monday, week 1 holding the first Thursday, across year ends', () => {
    expect(isoWeek('2025-05-09')).toEqual({ week: '2025-W19', monday: '2025-05-05', sunday: '2025-05-11' });
    expect(isoWeek('2024-12-30')).toEqual({ week: '2025-W01', monday: '2024-12-30', sunday: '2025-01-05' });
    expect(isoWeek('2021-01-03')).toEqual({ week: '2020-W53', monday: '2020-12-28', sunday: '2021-01-03' });
    expect(isoWeek('2026-01-01')?.week).toBe('2026-W01');
    expect(isoWeek('2024-05-12')?.week).toBe('2024-W19'); // a Sunday
    expect(isoWeek('2024-05-13')?.week).toBe('2024-W20'); // the next Monday
  });
  it('returns null for what is not a calendar date', () => {
    expect(isoWeek('2024-13-40')).toBeNull();
    expect(isoWeek('2023-02-29')).toBeNull();
    expect(isoWeek('May 5')).toBeNull();
  });
});

describe('weekDigests', () => {
  it('groups papers by the week of their first date and keeps the top ones by votes', async () => {
    const ctx = makeContext(ARCHIVE_CONFIG);
    const dataset = await digestsDataset(ctx, archiveDigests());
    const { timed, days } = timePapers(dataset.papers, zonedClock('Asia/Seoul'), '09:00');
    const weeks = weekDigests(timed, days, 3);
    expect(weeks.map((w) => [w.week, w.total, w.top.length])).toEqual([
      ['2025-W10', 8, 3],
      ['2025-W09', 4, 3],
      ['2025-W06', 8, 3],
      ['2025-W05', 8, 3],
    ]);
    for (const w of weeks) {
      const inWeek = dataset.papers.filter((p) => p.date >= w.monday && p.date <= w.sunday);
      const votes = inWeek.map((p) => p.votes ?? -1).sort((a, b) => b - a);
      expect(w.top.map((p) => p.votes ?? -1), w.week).toEqual(votes.slice(0, 3));
      expect(w.updated).toBeGreaterThanOrEqual(w.published);
    }
    const w10 = weeks[0]!;
    expect(new Date(w10.published).toISOString()).toBe('2025-03-03T00:00:00.000Z');
    expect(new Date(w10.updated).toISOString()).toBe('2025-03-04T00:00:00.000Z');
  });
});

describe('weekly feed', () => {
  it('has one item per week, linked to the search page for its dates, at most weeklyLimit weeks of weeklyTop papers', async () => {
    const ctx = makeContext({ ...ARCHIVE_CONFIG, feeds: { ...ARCHIVE_CONFIG.feeds, weeklyTop: 2, weeklyLimit: 3 } });
    const dataset = await digestsDataset(ctx, archiveDigests());
    const out = await runFeeds(ctx, dataset, () => []);
    const get = (p: string) => String(out.find((a) => a.path === p)!.data);
    const json = JSON.parse(get('weekly.json')) as JsonFeed;
    expect(json.items.map((i) => i.id)).toEqual([
      'https://example.github.io/daily-papers/?from=2025-03-03&to=2025-03-09',
      'https://example.github.io/daily-papers/?from=2025-02-24&to=2025-03-02',
      'https://example.github.io/daily-papers/?from=2025-02-03&to=2025-02-09',
    ]);
    expect(json.items[0]!.title).toBe('2025년 10주차 (2025-03-03 ~ 2025-03-09): 논문 8편 중 추천 상위 2편');
    expect((json.items[0]!.content_html.match(/<li>/g) ?? []).length).toBe(2);
    expect(json.items[0]!.content_html).toMatch(/\(추천 \d+\)/);
    for (const path of ['weekly.xml', 'weekly.atom.xml']) {
      const { items, meta } = await parseFeed(get(path));
      expect(items.map((i) => i.guid), path).toEqual(json.items.map((i) => i.id));
      expect(meta.title, path).toBe('Daily Papers & <Friends> ]]>: 주간 추천 상위 논문');
    }
  });
  it('renders a week of the hostile fixture with its unknown votes last', () => {
    const { plan } = planFor(makeContext(), loadFixture());
    expect(plan.weekly.items).toHaveLength(1);
    const item = plan.weekly.items[0]!;
    expect(item.title).toBe('2024년 19주차 (2024-05-06 ~ 2024-05-12): 논문 7편 중 추천 상위 7편');
    expect(item.html.indexOf('(추천 120)')).toBeLessThan(item.html.indexOf('(추천 60)'));
    expect(item.html.trimEnd()).toMatch(/2405\.09999[^]*<\/li><\/ol>$/); // votes unknown: last
  });
});
