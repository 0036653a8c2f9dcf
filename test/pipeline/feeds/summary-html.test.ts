import { describe, expect, it } from 'vitest';
import { feedUrl, h, summaryText, toHtml } from '../../../pipeline/feeds/summary-html.ts';

describe('feedUrl', () => {
  it('cleans the link like feed text, then resolves it', () => {
    expect(feedUrl(' /papers/\u0001 2404.03715 ')).toBe('https://huggingface.co/papers/%202404.03715');
    expect(feedUrl('https://example.com/a\n\n b')).toBe('https://example.com/a%20b');
  });
  it('is null for a missing or empty link and for other schemes', () => {
    expect(feedUrl(null)).toBeNull();
    expect(feedUrl(undefined)).toBeNull();
    expect(feedUrl('')).toBeNull();
    expect(feedUrl('javascript:alert(1)')).toBeNull();
  });
});

describe('toHtml', () => {
  it('makes links absolute, drops unsafe ones and never writes `]]>`', () => {
    const html = toHtml([h('p', {}, [h('a', { href: '/papers/1' }, ['a ]]> b']), h('a', { href: 'javascript:x' }, ['c'])])]);
    expect(html).toBe('<p><a href="https://huggingface.co/papers/1">a ]]&gt; b</a><a>c</a></p>');
  });
});

describe('summaryText', () => {
  it('is the bullet as one line of plain text without its label', () => {
    expect(summaryText({ label: 'Method', markdown: '- **Method**: uses *two*\n  passes', text: '' })).toBe('uses two passes');
  });
  it('puts each nested item on a line of its own, never run together with the bullet', () => {
    const markdown = '모델을 학습했습니다.\n- 학습 데이터: 영상 40만 개\n- 평가 지표: SDR, SIR';
    expect(summaryText({ label: null, markdown, text: '' })).toBe('모델을 학습했습니다.\n학습 데이터: 영상 40만 개\n평가 지표: SDR, SIR');
  });
});
