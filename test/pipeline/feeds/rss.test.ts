import { describe, expect, it } from 'vitest';
import { bylineOf, paperGuid } from '../../../pipeline/feeds/items.ts';
import { rss } from '../../../pipeline/feeds/rss.ts';
import { xmlSafeLine } from '../../../pipeline/feeds/xml.ts';
import { parseFeed, texts } from '../../helpers/feed-parse.ts';
import { fixtureOrder, loadFixture, makeContext, planFor } from '../../helpers/feeds-build.ts';

const dataset = loadFixture();
const byId = new Map(dataset.papers.map((p) => [p.id, p]));
const { publishedOf, expectedOrder } = fixtureOrder(dataset);
const { site, plan } = planFor(makeContext(), dataset);
const base = 'https://example.github.io/daily-papers/';

describe('rss', () => {
  it('RSS 2.0: items, guids, isPermaLink, dates, dc:creator, links, thumbnails, self link, language', async () => {
    const xml = rss(site, plan.main);
    const { meta, items } = await parseFeed(xml);
    expect(meta['#type']).toBe('rss');
    expect(meta.title).toBe('Daily Papers & <Friends> ]]>');
    expect(meta.language).toBe('ko');
    expect(meta.xmlurl).toBe(`${base}feed.xml`);
    expect(meta.link).toBe(base);
    expect(meta.date?.toISOString()).toBe('2024-05-12T00:00:00.000Z'); // newest item, not the clock
    expect(items).toHaveLength(dataset.papers.length);
    expect(items.map((i) => i.guid)).toEqual(expectedOrder.map((p) => paperGuid(p).id));
    for (const [n, item] of items.entries()) {
      const paper = expectedOrder[n]!;
      expect(texts(item['rss:title'])[0]).toBe(xmlSafeLine(paper.title)); // feedparser's own .title strips tag-like text
      expect(item.pubdate?.getTime()).toBe(publishedOf(paper));
      expect(texts(item['dc:creator'])).toEqual(paper.authors.length ? [bylineOf(paper.authors.map((a) => xmlSafeLine(a.name)), ' 외', paper.authorsTruncated)] : []);
      expect(item.link).toMatch(/^https:\/\//);
      const guid = item['rss:guid'] as { '@': { ispermalink: string } };
      expect(guid['@'].ispermalink).toBe(paperGuid(paper).permalink ? 'true' : 'false');
    }
    expect(xml).not.toMatch(/<author>/);
    expect(xml).not.toMatch(/<enclosure/);
    expect(xml).not.toMatch(/length="0"|image\/\//);
    const first = items.find((i) => i.guid === 'https://arxiv.org/abs/2405.01234')!;
    expect(first.link).toBe('https://huggingface.co/papers/2405.01234');
    expect(first.image.url).toBe('https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2405.01234.png');
    expect(first.description).toContain('<img src="https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2405.01234.png"');
    expect(first.description).toContain('<a href="https://arxiv.org/pdf/2405.01234">PDF</a>');
    expect(first.description).toContain('<strong>What\'s New</strong>');
    expect(first.description).toMatch(/<li>둘째, 보정 단계\s*<ul>\s*<li>중첩된 항목 a &#x3C; b<\/li>/); // nested list kept
    // No thumbnail when the type is unknown (video, no extension) and for a paper with none.
    for (const id of ['2405.07777', 'url:javascript:alert(1)', '2405.09999']) {
      const item = items.find((i) => i.guid === paperGuid(byId.get(id)!).id)!;
      expect(item.image.url, id).toBeUndefined();
      expect(item.description, id).not.toMatch(/^<p><img/);
      expect(item.description, id).not.toMatch(/<img[^>]*(?:\.qt|\/noext)"/);
    }
    // The video is a link, not an image.
    const video = items.find((i) => i.guid === paperGuid(byId.get('2405.07777')!).id)!;
    expect(video.description).toContain('<a href="https://cdn-uploads.huggingface.co/production/uploads/abc/clip.qt">영상</a>');
    // Every link and image in the content is absolute (relative summary links resolve against Hugging Face).
    const all = items.map((i) => i.description).join('\n');
    for (const [, url] of all.matchAll(/(?:href|src)="([^"]*)"/g)) expect(url).toMatch(/^https?:\/\/[^/]/);
    expect(all).toContain('<a href="https://huggingface.co/videos/demo.mp4">Watch Video</a>');
    // A paper without authors has no creator at all.
    expect(items.find((i) => i.guid === 'https://arxiv.org/abs/2405.09999')!['dc:creator']).toBeUndefined();
  });

  it('writes &, < and > in text as hexadecimal character references, CDATA left alone', async () => {
    const xml = rss(site, plan.main);
    const outsideCdata = xml.replace(/<!\[CDATA\[[^]*?\]\]>/g, '');
    expect(outsideCdata).not.toMatch(/&(amp|lt|gt);/);
    expect(xml).toContain('<title>CDATA ]]&#x3E; Breaker ]]&#x3E; Twice &#x26; &#x3C;More&#x3E; Tricks</title>');
    expect(xml).toContain('<link>https://openreview.net/forum?id=Xy12&#x26;z=1</link>');
    // The HTML inside CDATA keeps its own escapes.
    expect(xml).toMatch(/<!\[CDATA\[[^\]]*&#x3C;script>/);
    const { items } = await parseFeed(xml);
    expect(items.map((i) => texts(i['rss:title'])[0])).toContain('CDATA ]]> Breaker ]]> Twice & <More> Tricks');
  });

});
