import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config-schema.ts';
import { listFeeds } from '../../../pipeline/feeds/plan.ts';
import { OPML_PATH } from '../../../pipeline/feeds/opml.ts';
import { groupFeeds, renderIndexHtml } from '../../../pipeline/page/html.ts';

const assets = {
  js: { path: 'assets/main.x.js', data: '' },
  worker: { path: 'assets/worker.x.js', data: '' },
  css: { path: 'assets/style.x.css', data: '' },
};

describe('groupFeeds', () => {
  it('lists each feed once with its formats, even when the title has brackets', () => {
    const config = configSchema.parse({ site: { title: 'Daily Papers (한국어 요약)' }, feeds: { extra: [{ name: 'rl', title: 'RL (강화학습)', filter: { query: '강화학습' } }] } });
    const groups = groupFeeds(listFeeds(config));
    expect(groups.map((g) => g.title)).toEqual(['Daily Papers (한국어 요약)', 'Daily Papers (한국어 요약): 날짜별 모음', 'Daily Papers (한국어 요약): 주간 추천 상위 논문', 'RL (강화학습)']);
    for (const g of groups) expect(g.formats.map((f) => f.name)).toEqual(['RSS', 'Atom', 'JSON Feed']);
    expect(groups[3]!.formats.map((f) => f.path)).toEqual(['rl.xml', 'rl.atom.xml', 'rl.json']);
  });
});

describe('renderIndexHtml', () => {
  it('speaks Korean by default: labels, footer count with grouped digits, one feeds list with the OPML file', async () => {
    const html = String((await renderIndexHtml(configSchema.parse({}), 5487, assets)).data);
    expect(html).toContain('<html lang="ko"');
    expect(html).toContain('<label for="q">논문 검색');
    expect(html).toContain('논문 5,487편');
    expect(html).toContain(`<a href="${OPML_PATH}" type="text/x-opml">`);
    expect(html).not.toContain('papers.json');
    expect(html).not.toMatch(/\) \((RSS|Atom|JSON Feed)\)<\/a>/); // no doubled brackets in the footer
    expect(html).not.toMatch(/\{\{[\w.]+\}\}/); // every placeholder filled
  });

  it('speaks English for an English site', async () => {
    const html = String((await renderIndexHtml(configSchema.parse({ site: { language: 'en' } }), 1, assets)).data);
    expect(html).toContain('<label for="q">Search papers');
    expect(html).toContain('<p class="count">1 paper</p>');
    expect(html).toContain('data-math=""');
  });
});
