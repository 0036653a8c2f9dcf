import { describe, expect, it } from 'vitest';
import { paperGuid } from '../../../pipeline/feeds/items.ts';
import { buildItems, listFeeds, planBaseFeeds } from '../../../pipeline/feeds/plan.ts';
import { feedSite } from '../../../pipeline/feeds/site.ts';
import type { PlannedFeed } from '../../../pipeline/feeds/plan.ts';
import type { Dataset } from '../../../src/types.ts';
import { TEST_CONFIG, fixtureOrder, loadFixture, makeContext, planFor, substringSearch } from '../../helpers/feeds-build.ts';

const dataset = loadFixture();
const ctx = makeContext();
const { expectedOrder } = fixtureOrder(dataset);
const ids = (feed: PlannedFeed) => feed.items.map((i) => i.id);

describe('listFeeds', () => {
  it('lists main, daily, weekly and every extra feed in three formats', () => {
    const links = listFeeds(ctx.config);
    expect(links.map((l) => l.path)).toEqual([
      'feed.xml', 'atom.xml', 'feed.json',
      'daily.xml', 'daily.atom.xml', 'daily.json',
      'weekly.xml', 'weekly.atom.xml', 'weekly.json',
      'popular.xml', 'popular.atom.xml', 'popular.json',
      'diffusion.xml', 'diffusion.atom.xml', 'diffusion.json',
      'rl.xml', 'rl.atom.xml', 'rl.json',
      'kim.xml', 'kim.atom.xml', 'kim.json',
      'nobody.xml', 'nobody.atom.xml', 'nobody.json',
    ]);
    expect(new Set(links.map((l) => l.type))).toEqual(new Set(['application/rss+xml', 'application/atom+xml', 'application/feed+json']));
  });
  it('refuses an extra feed whose files would overwrite another feed (when the schema was bypassed)', () => {
    const clash = makeContext();
    clash.config.feeds = { ...clash.config.feeds, extra: [{ name: 'daily', title: 'x', filter: {} }] };
    expect(() => listFeeds(clash.config)).toThrow(/daily\.xml/);
    expect(() => planFor(clash, dataset)).toThrow(/daily\.xml/);
  });
});

describe('planFeeds', () => {
  const { plan } = planFor(ctx, dataset, substringSearch(dataset));

  it('plans every listed feed, with self links under the site folder', () => {
    const feeds = [plan.main, plan.daily, plan.weekly, ...plan.extra];
    expect(feeds.flatMap((f) => [f.files.rss, f.files.atom, f.files.json])).toEqual(listFeeds(ctx.config).map((l) => l.path));
    expect(plan.main.self).toEqual({
      rss: 'https://example.github.io/daily-papers/feed.xml',
      atom: 'https://example.github.io/daily-papers/atom.xml',
      json: 'https://example.github.io/daily-papers/feed.json',
    });
    expect(plan.daily.title).toBe('Daily Papers & <Friends> ]]>: 날짜별 모음');
    expect(plan.extra.map((f) => f.description)).toEqual([
      '추천 50개 이상 조건에 맞는 논문.',
      '검색어 "diffusion" 조건에 맞는 논문.',
      '검색어 "강화학습" 조건에 맞는 논문.',
      '추천 100개 이상, 저자 kim-minjun 조건에 맞는 논문.',
      '저자 no-such-author 조건에 맞는 논문.',
    ]);
  });
  it('puts papers newest first in the main feed and builds each paper item once', () => {
    expect(ids(plan.main)).toEqual(expectedOrder.map((p) => paperGuid(p).id));
    const popular = plan.extra[0]!;
    expect(popular.items.every((item) => plan.main.items.includes(item))).toBe(true);
  });
  it('lists a paper on every day that listed it: first-listed papers, then the ones listed again', () => {
    expect(plan.daily.items.map((i) => i.title)).toEqual(['Daily Papers 2024-05-12 (논문 4편)', 'Daily Papers 2024-05-11 (논문 2편)', 'Daily Papers 2024-05-10 (논문 2편)']);
    const html = plan.daily.items[0]!.html;
    expect(html.lastIndexOf('<li>')).toBeLessThan(html.indexOf('https://huggingface.co/papers/2405.05678'));
  });
  it('selects extra feeds by every condition of their filter', () => {
    expect(ids(plan.extra[0]!)).toEqual(expectedOrder.filter((p) => (p.votes ?? -1) >= 50).map((p) => paperGuid(p).id));
    expect(ids(plan.extra[3]!)).toEqual(['https://arxiv.org/abs/2405.01234']);
  });
  it('returns author filter entries that name nobody instead of logging them', () => {
    expect(plan.unknownAuthors).toEqual([{ feed: 4, index: 0, name: 'no-such-author' }]);
    expect(plan.extra[4]!.items).toEqual([]);
  });
  it('accepts an author display name in a filter and folds it to the author key', () => {
    const named = makeContext({ ...TEST_CONFIG, feeds: { extra: [{ name: 'zoe', title: 'Zoë', filter: { authors: ['ZOE  Muller', 'Nobody Here'] } }] } });
    const known: Dataset = { ...dataset, authors: [...dataset.authors, { key: 'zoe muller', name: 'Zoë Müller', spellings: ['Zoë Müller'], papers: ['2405.01234'], count: 1 }] };
    const papers = known.papers.map((p) => (p.id === '2405.01234' ? { ...p, authors: p.authors.map((a) => (a.name === 'Zoë Müller' ? { ...a, key: 'zoe muller' } : a)) } : p));
    const result = planFor(named, { ...known, papers }).plan;
    expect(ids(result.extra[0]!)).toEqual(['https://arxiv.org/abs/2405.01234']);
    expect(result.unknownAuthors).toEqual([{ feed: 0, index: 1, name: 'Nobody Here' }]);
    // The description made from the filter names the author found, not the one left out.
    expect(result.extra[0]!.description).toBe('저자 ZOE  Muller 조건에 맞는 논문.');
  });
  it('dates a feed by its newest item, an empty feed by the dataset, an empty dataset by the epoch', () => {
    expect(new Date(plan.main.updated).toISOString()).toBe('2024-05-12T00:00:00.000Z');
    expect(plan.extra[4]!.updated).toBe(plan.main.updated);
    const empty = planFor(ctx, { papers: [], authors: [] }).plan;
    expect([empty.main.updated, empty.daily.updated]).toEqual([0, 0]);
  });
  it('follows limit, dailyLimit and link', () => {
    const other = makeContext({ ...TEST_CONFIG, feeds: { ...TEST_CONFIG.feeds, link: 'arxiv', limit: 2, dailyLimit: 1 } });
    const small = planFor(other, dataset).plan;
    expect(small.main.items).toHaveLength(2);
    expect(small.daily.items).toHaveLength(1);
    // The second paper has no usable link and no permalink id: it links to the site.
    expect(small.main.items.map((i) => i.link)).toEqual(['https://openreview.net/forum?id=Xy12&z=1', 'https://example.github.io/daily-papers/']);
  });
  it('returns papers with an invalid date and leaves them out', () => {
    const bad: Dataset = { papers: [{ ...dataset.papers[0]!, date: '2024-13-40', dates: ['2024-13-40'] }], authors: [] };
    const result = planFor(ctx, bad).plan;
    expect(result.invalidDates).toEqual(bad.papers);
    expect(result.main.items).toEqual([]);
    expect(result.daily.items).toEqual([]);
  });
});

describe('planBaseFeeds', () => {
  it('builds an archive\'s items when they are first read, and knows its updated time before', () => {
    const built: string[] = [];
    const counting = {
      paper: (...args: Parameters<typeof buildItems.paper>) => {
        built.push(args[1].id);
        return buildItems.paper(...args);
      },
      day: buildItems.day,
      week: buildItems.week,
    };
    const { archives, main } = planBaseFeeds(feedSite(ctx.config), ctx.config.feeds, dataset, counting);
    expect(archives.length).toBeGreaterThan(0);
    expect(built).toHaveLength(main.items.length); // the main feed's items only
    const eager = planFor(ctx, dataset, substringSearch(dataset)).plan.archives;
    for (const [n, archive] of archives.entries()) {
      const before = built.length;
      expect(archive.updated).toBe(eager[n]!.updated);
      expect(built.length).toBe(before);
      expect(archive.items).toEqual(eager[n]!.items);
      expect(built.length).toBe(before + archive.items.length);
      expect(archive.updated).toBe(Math.max(...archive.items.map((i) => i.updated)));
      archive.items; // read again: built once
      expect(built.length).toBe(before + archive.items.length);
    }
  });

  it('is planFeeds in two parts: the extra feeds come with the search, and share the main feed\'s items', () => {
    const search = substringSearch(dataset);
    const { plan } = planFor(ctx, dataset, search);
    const { extraFeeds, ...base } = planBaseFeeds(feedSite(ctx.config), ctx.config.feeds, dataset);
    const { extra, unknownAuthors } = extraFeeds(search);
    expect({ ...base, extra, unknownAuthors }).toEqual(plan);
    expect(unknownAuthors.length).toBeGreaterThan(0); // TEST_CONFIG's "no-such-author"
    const mainItems = new Set(base.main.items);
    const shared = extra.flatMap((f) => f.items).filter((i) => base.main.items.some((m) => m.id === i.id));
    expect(shared.length).toBeGreaterThan(0);
    for (const item of shared) expect(mainItems.has(item)).toBe(true);
  });
});
