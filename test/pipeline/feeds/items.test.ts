import { describe, expect, it } from 'vitest';
import { bylineOf, dayItem, imageThumbnail, paperGuid, paperItem, weekItem } from '../../../pipeline/feeds/items.ts';
import { feedSite } from '../../../pipeline/feeds/site.ts';
import { loadFixture, makeContext } from '../../helpers/feeds-build.ts';

const dataset = loadFixture();
const byId = new Map(dataset.papers.map((p) => [p.id, p]));
const site = feedSite(makeContext().config);

describe('ids', () => {
  it('uses arXiv abs URLs, the source URL, or a stable urn:uuid', () => {
    expect(paperGuid(byId.get('2405.01234')!)).toEqual({ id: 'https://arxiv.org/abs/2405.01234', permalink: true });
    expect(paperGuid(byId.get('hep-th/9901001')!)).toEqual({ id: 'https://arxiv.org/abs/hep-th/9901001', permalink: true });
    expect(paperGuid(byId.get('url:openreview.net/forum?id=Xy12&z=1')!)).toEqual({ id: 'https://openreview.net/forum?id=Xy12&z=1', permalink: true });
    const hostile = paperGuid(byId.get('url:javascript:alert(1)')!);
    expect(hostile.permalink).toBe(false);
    expect(hostile.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(paperGuid(byId.get('url:javascript:alert(1)')!)).toEqual(hostile);
  });
  it('takes only canonical arXiv ids as arXiv (src/arxiv.ts)', () => {
    const paper = { ...byId.get('2405.01234')!, links: { abs: '', pdf: null, huggingface: null } };
    expect(paperGuid({ ...paper, id: '2405.01234v2' }).permalink).toBe(false);
    expect(paperGuid({ ...paper, id: '2413.01234' }).permalink).toBe(false);
  });
});

describe('imageThumbnail', () => {
  it('keeps images of a known type, resolved against Hugging Face', () => {
    expect(imageThumbnail('/avatars/0123456789abcdef.svg')).toBe('https://huggingface.co/avatars/0123456789abcdef.svg');
    expect(imageThumbnail('https://cdn.example/a/photo.JPEG?x=1')).toBe('https://cdn.example/a/photo.JPEG?x=1');
  });
  it('drops videos, unknown types, other schemes and missing thumbnails', () => {
    for (const url of ['https://cdn.example/clip.qt', 'https://cdn.example/noext', 'javascript:alert(1).png', '', null]) {
      expect(imageThumbnail(url), String(url)).toBeNull();
    }
  });
});

describe('paperItem', () => {
  it('links the preferred page and names the other one as external', () => {
    const paper = byId.get('2405.01234')!;
    const hf = paperItem(site, paper, 2000, 3000);
    expect([hf.link, hf.externalUrl, hf.published, hf.updated]).toEqual(['https://huggingface.co/papers/2405.01234', 'https://arxiv.org/abs/2405.01234', 2000, 3000]);
    const arxiv = paperItem({ ...site, link: 'arxiv' }, paper, 2000, 3000);
    expect([arxiv.link, arxiv.externalUrl]).toEqual(['https://arxiv.org/abs/2405.01234', null]);
  });
  it('links the videos a digest gives, once each, numbered when several; none without media, no other scheme', () => {
    const paper = byId.get('2405.01234')!;
    const one = paperItem(site, { ...paper, media: ['https://cdn.example/v/clip.mp4'] }, 0, 0);
    expect(one.html).toContain('<p><a href="https://cdn.example/v/clip.mp4">영상</a></p>');
    const two = paperItem({ ...site, language: 'en' }, { ...paper, media: ['https://cdn.example/a.mp4', 'https://cdn.example/a.mp4', 'javascript:alert(1)', 'https://cdn.example/b.webm'] }, 0, 0);
    expect(two.html).toContain('<p><a href="https://cdn.example/a.mp4">Video 1</a> · <a href="https://cdn.example/b.webm">Video 2</a></p>');
    expect(two.html).not.toContain('javascript');
    expect(paperItem(site, { ...paper, media: [] }, 0, 0).html).not.toMatch(/영상|Video/);
  });

  it('gives an arXiv paper without links its arXiv and Hugging Face pages', () => {
    const item = paperItem(site, { ...byId.get('hep-th/9901001')!, links: { abs: '', pdf: null, huggingface: null } }, 0, 0);
    expect(item.html).toContain('<a href="https://arxiv.org/abs/hep-th/9901001">arXiv</a> · <a href="https://huggingface.co/papers/hep-th/9901001">Hugging Face</a>');
  });
});

describe('dayItem', () => {
  it('is the day\'s Hugging Face page with its papers in order', () => {
    const papers = [byId.get('2405.01234')!, byId.get('2405.05678')!];
    const item = dayItem(site, { date: '2024-05-10', published: 5000, papers });
    expect([item.id, item.link, item.permalink, item.title, item.updated]).toEqual([
      'https://huggingface.co/papers/date/2024-05-10',
      'https://huggingface.co/papers/date/2024-05-10',
      true,
      'Daily Papers 2024-05-10 (논문 2편)',
      5000,
    ]);
    expect(item.html.indexOf('papers/2405.01234')).toBeLessThan(item.html.indexOf('papers/2405.05678'));
    expect(item.authors).toEqual([]);
  });
});

describe('day and week items', () => {
  // A first bullet with nested items (as input/2025/01/15.md writes one).
  const nested = {
    ...byId.get('2405.01234')!,
    summary: [{ label: null, markdown: '모델을 학습했습니다.\n- 학습 데이터: 영상 40만 개\n- 평가 지표: SDR, SIR', text: '' }],
  };
  it('keep a first bullet\'s nested items apart, as the paper items do', () => {
    const week = weekItem(site, { week: '2024-W19', monday: '2024-05-06', sunday: '2024-05-12', published: 0, updated: 0, top: [nested], total: 1 });
    const day = dayItem(site, { date: '2024-05-10', published: 0, papers: [nested] });
    for (const item of [week, day]) {
      expect(item.html).not.toContain('학습했습니다.학습 데이터');
      expect(item.html).toContain('<p>모델을 학습했습니다.</p>\n<ul>\n<li>학습 데이터: 영상 40만 개</li>\n<li>평가 지표: SDR, SIR</li>\n</ul>');
    }
    expect(paperItem(site, nested, 0, 0).summary).toBe('모델을 학습했습니다.\n학습 데이터: 영상 40만 개\n평가 지표: SDR, SIR');
  });
});

describe('bylineOf', () => {
  it('shows up to three authors, then et al.', () => {
    expect(bylineOf([])).toBe('');
    expect(bylineOf(['A. One'])).toBe('A. One');
    expect(bylineOf(['A', 'B', 'C'])).toBe('A, B, C');
    expect(bylineOf(['A', 'B', 'C', 'D'])).toBe('A, B, C et al.');
    expect(bylineOf(['A', 'B', 'C', 'D'], ' 외')).toBe('A, B, C 외');
    // A list the digest itself cut short (`+`) says so, however few names it kept.
    expect(bylineOf(['A', 'B'], ' 외', true)).toBe('A, B 외');
    expect(bylineOf([], ' 외', true)).toBe('');
  });
});

describe('the site language', () => {
  const en = { ...site, language: 'en-US' };
  const paper = byId.get('2405.01234')!;
  it('labels a paper item in Korean by default and in English on an English site', () => {
    const ko = paperItem(site, paper, 1000, 1000).html;
    expect(ko).toContain('<strong>저자</strong>: ');
    expect(ko).not.toContain('Authors');
    const english = paperItem(en, paper, 1000, 1000).html;
    expect(english).toContain('<strong>Authors</strong>: ');
    expect(english).not.toContain('저자');
    const many = { ...paper, authors: [1, 2, 3, 4].map((n) => ({ ...paper.authors[0]!, name: `Author ${n}` })) };
    expect(paperItem(site, many, 1, 1).byline).toBe('Author 1, Author 2, Author 3 외');
    expect(paperItem(en, many, 1, 1).byline).toBe('Author 1, Author 2, Author 3 et al.');
  });
  it('names a day and a week in the site language', () => {
    const day = { date: '2024-05-10', published: 5000, papers: [paper] };
    expect([dayItem(site, day).title, dayItem(en, day).title]).toEqual(['Daily Papers 2024-05-10 (논문 1편)', 'Daily Papers 2024-05-10 (1 paper)']);
    const week = { week: '2024-W19', monday: '2024-05-06', sunday: '2024-05-12', published: 1, updated: 2, top: [paper], total: 9 };
    expect(weekItem(en, week).title).toBe('Week 2024-W19 (2024-05-06 to 2024-05-12): top 1 of 9 papers');
    expect(weekItem(site, week).title).toBe('2024년 19주차 (2024-05-06 ~ 2024-05-12): 논문 9편 중 추천 상위 1편');
  });
});
