import { describe, expect, it } from 'vitest';
import { bylineOf, paperGuid } from '../../../pipeline/feeds/items.ts';
import { atom } from '../../../pipeline/feeds/atom.ts';
import { escapeXml, xmlSafeLine } from '../../../pipeline/feeds/xml.ts';
import { parseFeed, texts } from '../../helpers/feed-parse.ts';
import { fixtureOrder, loadFixture, makeContext, planFor } from '../../helpers/feeds-build.ts';

const dataset = loadFixture();
const byId = new Map(dataset.papers.map((p) => [p.id, p]));
const { publishedOf, expectedOrder } = fixtureOrder(dataset);
const { site, plan } = planFor(makeContext(), dataset);
const base = 'https://example.github.io/daily-papers/';

describe('atom', () => {
  it('Atom 1.0: ids, published/updated, authors, text titles, xml:lang, self link', async () => {
    const xml = atom(site, plan.main);
    expect(xml).toMatch(/<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"[^>]* xml:lang="ko">/);
    const { meta, items } = await parseFeed(xml);
    expect(meta['#type']).toBe('atom');
    expect(meta.xmlurl).toBe(`${base}atom.xml`);
    expect(meta.date?.toISOString()).toBe('2024-05-12T00:00:00.000Z');
    expect(items.map((i) => i.guid)).toEqual(expectedOrder.map((p) => paperGuid(p).id));
    for (const [n, item] of items.entries()) {
      const paper = expectedOrder[n]!;
      expect(texts(item['atom:title'])[0]).toBe(xmlSafeLine(paper.title));
      expect((item['atom:title'] as { '@': { type: string } })['@'].type).toBe('text');
      expect(new Date(texts(item['atom:published'])[0]!).getTime()).toBe(publishedOf(paper));
      expect(texts(item['atom:author'])).toEqual(paper.authors.length ? [bylineOf(paper.authors.map((a) => xmlSafeLine(a.name)), ' 외', paper.authorsTruncated)] : []);
    }
    // updated moves to the last listing date only for the paper listed twice: after that day's
    // three first-listed papers, so that no two entries share an updated value.
    const twice = items.find((i) => i.guid === 'https://arxiv.org/abs/2405.05678')!;
    expect(texts(twice['atom:published'])[0]).toBe('2024-05-09T23:59:59.000Z');
    expect(texts(twice['atom:updated'])[0]).toBe('2024-05-11T23:59:57.000Z');
    const updated = items.map((i) => texts(i['atom:updated'])[0]);
    expect(new Set(updated).size).toBe(updated.length);
    const once = items.find((i) => i.guid === 'https://arxiv.org/abs/2405.01234')!;
    expect(texts(once['atom:updated'])).toEqual(texts(once['atom:published']));
    expect(xml).not.toMatch(/rel="enclosure"/);
  });

  it('writes media:thumbnail right after the <id> of the entry that has one', () => {
    const xml = atom(site, plan.main);
    const thumbnails = plan.main.items.filter((i) => i.thumbnail !== null);
    expect(thumbnails.length).toBeGreaterThan(0);
    expect(xml.match(/<media:thumbnail /g)).toHaveLength(thumbnails.length);
    for (const item of thumbnails) {
      expect(xml).toContain(`<id>${escapeXml(item.id)}</id>\n        <media:thumbnail url="${escapeXml(item.thumbnail!)}"/>`);
    }
  });

  it('writes a feed without entries', () => {
    const empty = atom(site, { ...plan.main, items: [] });
    expect(empty).not.toContain('<entry>');
    expect(empty).toContain('<updated>2024-05-12T00:00:00.000Z</updated>');
  });

});
