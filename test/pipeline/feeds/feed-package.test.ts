import { Feed } from 'feed';
import { describe, expect, it } from 'vitest';
import { replaceOnce, xmlJsText } from '../../../pipeline/feeds/feed-package.ts';

describe('xmlJsText', () => {
  it('survives xml-js: the text reads back exactly, `&amp;` included', () => {
    const text = 'A &amp; B & <C> "D"\u0001';
    const feed = new Feed({ title: xmlJsText(text), updated: new Date(0) });
    expect(feed.rss2()).toContain('<title>A &amp;amp; B &amp; &lt;C&gt; "D"</title>');
  });
});

describe('replaceOnce', () => {
  it('replaces the first occurrence only', () => {
    expect(replaceOnce('<a><a>', '<a>', '<b>')).toBe('<b><a>');
  });
  it('refuses output without the expected text', () => {
    expect(() => replaceOnce('<rss>', '<feed>', 'x')).toThrow('feeds: unexpected output from the feed package (missing <feed>)');
  });
});
