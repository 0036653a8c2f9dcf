import { describe, expect, it } from 'vitest';
import { paperGuid } from '../../../pipeline/feeds/items.ts';
import { jsonFeed } from '../../../pipeline/feeds/json-feed.ts';
import { xmlSafeLine } from '../../../pipeline/feeds/xml.ts';
import type { JsonFeed } from '../../helpers/feed-parse.ts';
import { fixtureOrder, loadFixture, makeContext, planFor } from '../../helpers/feeds-build.ts';

const dataset = loadFixture();
const { publishedOf, expectedOrder } = fixtureOrder(dataset);
const { site, plan } = planFor(makeContext(), dataset);
const base = 'https://example.github.io/daily-papers/';

describe('jsonFeed', () => {
  it('JSON Feed 1.1: required keys, authors arrays, language, feed_url, dates', () => {
    const feed = JSON.parse(jsonFeed(site, plan.main)) as JsonFeed;
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('Daily Papers & <Friends> ]]>');
    expect(feed.home_page_url).toBe(base);
    expect(feed.feed_url).toBe(`${base}feed.json`);
    expect(feed.language).toBe('ko');
    expect(feed).not.toHaveProperty('author');
    expect(feed.items.map((i) => i.id)).toEqual(expectedOrder.map((p) => paperGuid(p).id));
    for (const [n, item] of feed.items.entries()) {
      const paper = expectedOrder[n]!;
      expect(typeof item.id).toBe('string');
      expect(typeof item.content_html).toBe('string');
      expect(item).not.toHaveProperty('author');
      expect(item.title).toBe(xmlSafeLine(paper.title));
      expect(Date.parse(item.date_published)).toBe(publishedOf(paper));
      expect(item.date_published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect((item.authors ?? []).map((a) => a.name)).toEqual(paper.authors.map((a) => xmlSafeLine(a.name)));
      expect(item.url).toMatch(/^https:\/\//);
    }
  });

});
