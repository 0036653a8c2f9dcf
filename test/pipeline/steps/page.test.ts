/**
 * The search page in a real browser: Debian's Chromium driven by playwright-core, the page built
 * by pageStep from an invented fixture and served by the preview server under a sub-path.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { configSchema } from '../../../src/config-schema.ts';
import { listFeeds } from '../../../pipeline/feeds/plan.ts';
import { startPreview } from '../../../pipeline/commands/preview.ts';
import type { Preview } from '../../../pipeline/commands/preview.ts';
import { buildSite } from '../../bench/site.ts';
import { chunkSearchData } from '../../../pipeline/page/chunks.ts';
import { buildIndex } from '../../../src/search/index-builder.ts';
import { toSearchDocument } from '../../../src/search/options.ts';
import { ChunkedIndex } from '../../../src/page/loader.ts';
import { positionOf } from '../../../src/page/format.ts';
import type { Request, Response as WorkerResponse } from '../../../src/page/protocol.ts';
import { ENGLISH, fixtureDataset, KOREAN, MATH, OLD, XSS } from '../../fixtures/page/dataset.ts';
import { groupFeeds } from '../../../pipeline/page/html.ts';
import { CHROMIUM, CHROMIUM_ARGS, HAS_CHROMIUM } from '../../helpers/chromium.ts';

if (!HAS_CHROMIUM) console.warn(`page.test: ${CHROMIUM} not found - browser tests skipped (apt-get install -y chromium)`);


describe('search worker: preload while the debounce runs (Node, fetch stubbed)', () => {
  const dataset = fixtureDataset();
  const { artifacts } = chunkSearchData(dataset.papers, buildIndex(dataset.papers.map(toSearchDocument)), { termChunkBytes: 600 });
  const files = new Map(artifacts.map((a) => [a.path, typeof a.data === 'string' ? a.data : new TextDecoder().decode(a.data)]));
  const fetched: string[] = [];
  /** How each fetch of the manifest asked the browser's cache (RequestInit#cache). */
  const manifestModes: (string | undefined)[] = [];
  const posted: WorkerResponse[] = [];
  let send: (r: Request) => void = () => {};

  beforeAll(async () => {
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      fetched.push(url);
      if (url.endsWith('/manifest.json')) manifestModes.push(init?.cache);
      const data = files.get(url);
      return data === undefined ? new Response('not found', { status: 404 }) : new Response(data);
    });
    const self: { postMessage(m: WorkerResponse): void; onmessage: ((e: { data: Request }) => void) | null } = {
      postMessage: (m) => posted.push(m),
      onmessage: null,
    };
    vi.stubGlobal('self', self);
    await import('../../../src/page/worker.ts');
    send = (r) => self.onmessage!({ data: r });
    send({ type: 'open', base: 'search/' });
    await vi.waitFor(() => expect(posted.some((m) => m.type === 'ready')).toBe(true));
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });

  test('a preload fetches the term, doc and display chunks; the search after it fetches nothing', async () => {
    fetched.length = 0;
    posted.length = 0;
    send({ type: 'preload', query: 'diffusion transformer', filters: {}, limit: 500, withMeta: 10 });
    await vi.waitFor(() => expect(fetched.some((f) => f.includes('/m/'))).toBe(true));
    await new Promise((r) => setTimeout(r, 20));
    expect(fetched.some((f) => f.includes('/t/'))).toBe(true);
    expect(fetched.some((f) => f.includes('/d/'))).toBe(true);
    expect(posted.filter((m) => m.type === 'search' || m.type === 'error')).toEqual([]); // a preload answers nothing
    const before = fetched.length;
    send({ type: 'search', id: 1, gen: 1, query: 'diffusion transformer', filters: {}, limit: 500, withMeta: 10, author: null, sort: 'relevance' });
    await vi.waitFor(() => expect(posted.some((m) => m.type === 'search')).toBe(true));
    const reply = posted.find((m) => m.type === 'search');
    expect(reply?.type === 'search' && reply.meta[0]?.id).toBe(ENGLISH.id);
    expect(fetched.length).toBe(before);
  });

  test('a newer preload supersedes an older one before it fetches display data', async () => {
    fetched.length = 0;
    send({ type: 'preload', query: '강화학습', filters: {}, limit: 500, withMeta: 10 });
    send({ type: 'preload', query: 'protein', filters: {}, limit: 500, withMeta: 10 });
    await vi.waitFor(() => expect(fetched.some((f) => f.includes('/m/'))).toBe(true));
    await new Promise((r) => setTimeout(r, 20));
    const index = await ChunkedIndex.open(async (p) => JSON.parse(files.get(p)!) as unknown);
    const protein = (await index.search('protein')).slice(0, 10).map((h) => Math.floor(positionOf(h.shortId, index.manifest.nextId) / index.manifest.meta.block));
    const metaFetched = fetched.filter((f) => f.includes('/m/')).map((f) => Number(/\/m\/(\d+)\.json$/.exec(f)![1]));
    expect(new Set(metaFetched)).toEqual(new Set(protein));
  });

  test('a chunk gone because the site was rebuilt is an error marked `updated`; a chunk missing otherwise is a plain error', async () => {
    const paperChunk = [...files.keys()].find((f) => /\/p\/0\.json$/.test(f))!;
    const manifest = JSON.parse(files.get('search/manifest.json')!) as { root: string };
    // Missing, with the manifest unchanged: not an update.
    const kept = files.get(paperChunk)!;
    files.delete(paperChunk);
    posted.length = 0;
    send({ type: 'paper', id: 7, paperId: dataset.papers[dataset.papers.length - 1]!.id });
    await vi.waitFor(() => expect(posted.some((m) => m.type === 'error')).toBe(true));
    expect(posted.find((m) => m.type === 'error')).toMatchObject({ id: 7, message: expect.stringContaining('HTTP 404') });
    expect(posted.find((m) => m.type === 'error')).not.toHaveProperty('updated');
    // A rebuild: the manifest names another root, the old chunks are gone.
    files.set(paperChunk, kept);
    for (const key of [...files.keys()]) if (key.startsWith(`search/${manifest.root}`)) files.delete(key);
    files.set('search/manifest.json', JSON.stringify({ ...manifest, root: 'rebuilt00000/' }));
    posted.length = 0;
    send({ type: 'paper', id: 8, paperId: dataset.papers[dataset.papers.length - 1]!.id });
    await vi.waitFor(() => expect(posted.some((m) => m.type === 'error')).toBe(true));
    expect(posted.find((m) => m.type === 'error')).toMatchObject({ id: 8, updated: true });
    // The manifest, when the worker opened and when it looked again, past the browser's cache
    // (a reloaded page must not get the old build's folder from it).
    expect(manifestModes.length).toBeGreaterThanOrEqual(2);
    expect(new Set(manifestModes)).toEqual(new Set(['no-store']));
  });
});

describe('preview server', () => {
  test('content-hashed chunks and assets are immutable, the page and manifest revalidate, bytes come from memory', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'page-preview-'));
    try {
      const artifacts = await buildSite(fixtureDataset(), dir);
      const preview = await startPreview({ dir, base: '/repo/', encodings: ['gzip'] });
      try {
        const chunk = artifacts.find((a) => /^search\/[0-9a-f]{12}\/t\/0\.json$/.test(a.path))!.path;
        const asset = artifacts.find((a) => a.path.startsWith('assets/main.'))!.path;
        const get = (p: string) => fetch(`${preview.url}${p}`);
        for (const p of [chunk, asset]) expect((await get(p)).headers.get('cache-control'), p).toMatch(/immutable/);
        for (const p of ['', 'search/manifest.json']) expect((await get(p)).headers.get('cache-control'), p).toBe('no-cache');
        const first = await (await get(chunk)).text();
        const data = artifacts.find((a) => a.path === chunk)!.data;
        expect(JSON.parse(first)).toEqual(JSON.parse(typeof data === 'string' ? data : new TextDecoder().decode(data)));
        expect(await (await get(chunk)).text()).toBe(first);
      } finally {
        await preview.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!HAS_CHROMIUM)(`search page in Chromium (skipped when ${CHROMIUM} is missing)`, () => {
  let dir: string;
  let preview: Preview;
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const external: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'page-test-'));
    await buildSite(fixtureDataset(), path.join(dir, 'site'));
    preview = await startPreview({ dir: path.join(dir, 'site'), base: '/repo/' });
    // A fresh profile in the temp folder.
    context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
    // Nothing may leave the machine; thumbnails (the only remote resources) are recorded and refused.
    await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => {
      external.push(`${route.request().resourceType()} ${route.request().url()}`);
      return route.abort();
    });
    page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await context?.close();
    await preview?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function open(query = ''): Promise<void> {
    await page.goto(`${preview.url}${query}`);
    await page.waitForSelector('html[data-ready]');
  }

  async function search(text: string): Promise<string[]> {
    const before = await page.evaluate(() => document.documentElement.dataset.searched ?? '0');
    await page.fill('#q', text);
    await page.waitForFunction((b) => (document.documentElement.dataset.searched ?? '0') !== b, before);
    return titles();
  }

  const titles = () => page.locator('#results .hit h2').allTextContents();
  const ids = () => page.locator('#results a.title').evaluateAll((as) => as.map((a) => (a as HTMLElement).dataset.id));

  test('loads under a sub-path, says when ready and lists the latest papers', async () => {
    await open();
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/검색 준비 완료|최신 논문/);
    const first = await titles();
    expect(first.length).toBeGreaterThan(0);
    expect(first[0]).toBe(XSS.title); // the newest paper comes first
    expect(await page.locator('#progress').isVisible()).toBe(false);
  });

  test('a Korean query finds the paper by its stem (particle and compound)', async () => {
    await open();
    expect((await search('강화 학습으로'))[0]).toBe(KOREAN.title);
    expect((await search('언어모델을'))[0]).toBe(KOREAN.title);
    // The matched word is highlighted in the excerpt.
    const marks = await page.locator('#results .hit').first().locator('.excerpt mark').allTextContents();
    expect(marks.join(' ')).toContain('언어모델');
  });

  test('an English query and an arXiv ID in URL form find the expected paper first', async () => {
    await open();
    expect((await search('diffusion transformer'))[0]).toBe(ENGLISH.title);
    expect((await search('difusion'))[0]).toBe(ENGLISH.title); // one typo
    expect((await search(`https://arxiv.org/abs/${OLD.id}v2`))[0]).toBe(OLD.title);
    expect((await search(`arXiv:${KOREAN.id}`))[0]).toBe(KOREAN.title);
    const links = page.locator('#results .hit').first().locator('.links a');
    expect(await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))).toEqual([
      `https://arxiv.org/abs/${KOREAN.id}`,
      `https://arxiv.org/pdf/${KOREAN.id}`,
      `https://huggingface.co/papers/${KOREAN.id}`,
    ]);
  });

  test('Korean IME: no search while composing, the composed text searches on compositionend', async () => {
    await open();
    const cdp = await context.newCDPSession(page);
    await page.focus('#q');
    const before = await page.evaluate(() => document.documentElement.dataset.searched ?? '0');
    await cdp.send('Input.imeSetComposition', { text: 'ㄱ', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.imeSetComposition', { text: '가', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.imeSetComposition', { text: '강', selectionStart: 1, selectionEnd: 1 });
    await page.waitForTimeout(600); // well past the debounce
    expect(await page.evaluate(() => document.documentElement.dataset.searched ?? '0')).toBe(before);
    expect(await page.inputValue('#q')).toBe('강');
    await cdp.send('Input.insertText', { text: '강화학습' });
    await page.waitForFunction((b) => (document.documentElement.dataset.searched ?? '0') !== b, before);
    expect(await page.inputValue('#q')).toBe('강화학습');
    expect((await titles())[0]).toBe(KOREAN.title);
    await cdp.detach();
  });

  test('filters: minimum votes and date range, reflected in the URL', async () => {
    await open();
    await search('단백질 연구'); // OLD matches both words, the fillers only 연구
    await expect.poll(titles).toContain(OLD.title);
    await page.fill('#votes', '100');
    await page.dispatchEvent('#votes', 'change');
    await expect.poll(titles).toEqual([OLD.title]);
    expect(new URL(page.url()).searchParams.get('votes')).toBe('100');
    await page.fill('#votes', '');
    await page.fill('#from', '2024-01-01');
    await page.dispatchEvent('#from', 'change');
    await expect.poll(async () => (await titles()).includes(OLD.title)).toBe(false);
    expect((await titles()).length).toBeGreaterThan(0);
    for (const d of await page.locator('#results .hit time').allTextContents()) expect(d >= '2024-01-01').toBe(true);
    // Filters without a query browse the newest papers that pass.
    await page.fill('#q', '');
    await page.fill('#from', '');
    await page.fill('#votes', '40');
    await page.dispatchEvent('#votes', 'change');
    await expect.poll(titles).toEqual([KOREAN.title, OLD.title]);
  });

  test('?q= deep links search on load, and Back restores the previous search', async () => {
    await open(`?q=${encodeURIComponent('diffusion')}&votes=5`);
    await expect.poll(titles).toEqual([ENGLISH.title]);
    expect(await page.inputValue('#q')).toBe('diffusion');
    expect(await page.inputValue('#votes')).toBe('5');
    await page.waitForTimeout(1600); // a new burst of typing becomes a new history entry
    await search('protein');
    expect(new URL(page.url()).searchParams.get('q')).toBe('protein');
    await page.goBack();
    await expect.poll(() => page.inputValue('#q')).toBe('diffusion');
    await expect.poll(titles).toEqual([ENGLISH.title]);
  });

  test('keyboard: "/" focuses the search box, arrows move through results', async () => {
    await open();
    await search('benchmarking');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.press('ArrowDown');
    const firstTitle = (await titles())[0];
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(firstTitle);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe((await titles())[1]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
  });

  test('an HTML title stays inert text: no dialog, no injected element', async () => {
    await open();
    await search('보안 점검');
    expect((await titles())[0]).toBe(XSS.title);
    const hit = page.locator('#results .hit').first();
    expect(await hit.locator('.authors').textContent()).toBe('<script>alert(2)</script>');
    expect(await hit.locator('img[src="x"], script, b').count()).toBe(0);
    await hit.locator('.excerpt').hover();
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test('accessible form, CSP without inline scripts, feed autodiscovery, nothing fetched from the internet', async () => {
    await open();
    for (const id of ['q', 'from', 'to', 'votes', 'sort-select']) expect(await page.locator(`label[for="${id}"]`).count()).toBe(1);
    expect(await page.getAttribute('#status', 'aria-live')).toBe('polite');
    const csp = (await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')) ?? '';
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(await page.locator('script:not([src])').count()).toBe(0);
    const feeds = listFeeds(configSchema.parse({}));
    expect(feeds.length).toBeGreaterThan(0);
    const alternates = await page.locator('link[rel="alternate"]').evaluateAll((ls) =>
      ls.map((l) => ({ type: l.getAttribute('type'), href: l.getAttribute('href'), title: l.getAttribute('title') })),
    );
    expect(alternates).toEqual(feeds.map((f) => ({ type: f.type, href: f.path, title: f.title })));
    for (const a of alternates) expect(a.href).not.toMatch(/^(\/|[a-z]+:)/); // relative: works under a sub-path
    expect(external.filter((r) => !r.startsWith('image '))).toEqual([]);
  });

  /** Waits for the list to settle after `act` (a search or browse finished rendering). */
  async function settled(act: () => Promise<unknown>): Promise<void> {
    const before = await page.evaluate(() => document.documentElement.dataset.searched ?? '0');
    await act();
    await page.waitForFunction((b) => (document.documentElement.dataset.searched ?? '0') !== b, before);
  }

  test('1. the status line keeps the result count after the search and after "Show more"', async () => {
    await open();
    await search('벤치마크');
    const status = page.locator('#status');
    await expect.poll(() => status.textContent()).toMatch(/^“벤치마크” 검색 결과 \d+건/);
    await expect.poll(() => page.locator('#results .hit').count()).toBe(20);
    const summary = await status.textContent();
    await page.click('#more');
    await expect.poll(() => page.locator('#results .hit').count()).toBeGreaterThan(20);
    await page.waitForTimeout(300);
    expect(await status.textContent()).toBe(summary);
    expect(await page.locator('#loading').isVisible()).toBe(false);
  });

  test('2. an empty list explains itself: no match, filters that match nothing, From after To', async () => {
    await open('?votes=100000');
    await page.waitForSelector('html[data-searched]');
    const empty = page.locator('#empty');
    await expect.poll(() => empty.isVisible()).toBe(true);
    expect(await empty.locator('.empty-title').textContent()).toBe('조건에 맞는 논문이 없습니다.');
    expect(await page.locator('#clear-filters').isVisible()).toBe(true);
    await settled(() => page.click('#clear-filters'));
    expect(await empty.isVisible()).toBe(false);
    expect((await titles()).length).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.has('votes')).toBe(false);

    await open('?from=2024-06-01&to=2024-01-01');
    await expect.poll(() => empty.locator('.empty-hint').textContent()).toBe('시작일이 종료일보다 늦습니다.');
    await search('zzzqqq');
    await expect.poll(() => empty.locator('.empty-hint').textContent()).toBe('시작일이 종료일보다 늦습니다.');
    await page.fill('#from', '');
    await page.fill('#to', '');
    await page.dispatchEvent('#to', 'change');
    await expect.poll(() => empty.locator('.empty-hint').textContent()).toContain('“zzzqqq”에 맞는 논문이 없습니다');
  });

  test('3. Korean breaks between words, never inside one, on a phone-width column', async () => {
    await open();
    await page.setViewportSize({ width: 360, height: 800 });
    try {
      await search('강화학습');
      const excerpt = page.locator('#results .hit').first().locator('.excerpt');
      expect(await excerpt.evaluate((el) => getComputedStyle(el).wordBreak)).toBe('keep-all');
      // Every Korean word (eojeol) of the excerpt stays on one line.
      const split = await excerpt.evaluate((el) => {
        const out: string[] = [];
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          for (const m of (n.textContent ?? '').matchAll(/[가-힣]+/g)) {
            const r = document.createRange();
            r.setStart(n, m.index!);
            r.setEnd(n, m.index! + m[0].length);
            const tops = new Set([...r.getClientRects()].map((c) => Math.round(c.top)));
            if (tops.size > 1) out.push(m[0]);
          }
        }
        return out;
      });
      expect(split).toEqual([]);
      expect(await excerpt.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(40); // it does wrap
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  test('4. the interface speaks the site language (Korean by default), numbers formatted one way', async () => {
    await open();
    expect(await page.getAttribute('html', 'lang')).toBe('ko');
    expect(await page.locator('label[for="q"]').textContent()).toContain('논문 검색');
    expect(await page.locator('#more').textContent()).toBe('결과 더 보기');
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/논문 45편/);
    expect(await page.locator('footer .count').textContent()).toBe('논문 45편');
    await search('diffusion transformer');
    expect(await page.locator('#results .hit').first().locator('.votes').textContent()).toBe('▲ 추천 7');
  });

  test('4. an English site speaks English and agrees in number', async () => {
    const site = path.join(dir, 'site-en');
    await buildSite(fixtureDataset(), site, { site: { language: 'en' } });
    const en = await startPreview({ dir: site, base: '/en/' });
    const p = await context.newPage();
    try {
      await p.goto(`${en.url}?q=${encodeURIComponent('benchmarking')}&sort=votes`);
      await p.waitForSelector('html[data-searched]');
      expect(await p.locator('label[for="q"]').textContent()).toContain('Search papers');
      expect(await p.locator('footer .count').textContent()).toBe('45 papers');
      expect(await p.locator('#status').textContent()).toMatch(/^40 results for “benchmarking” \(\d+ ms\)\.$/);
      await expect.poll(() => p.locator('#results .votes').count()).toBe(20);
      await p.click('#more');
      await expect.poll(() => p.locator('#results .votes').count()).toBe(40);
      const votes = await p.locator('#results .votes').allTextContents();
      expect(votes).toContain('▲ 1 vote');
      expect(votes).toContain('▲ 0 votes');
      expect(votes).not.toContain('▲ 1 votes');
    } finally {
      await p.close();
      await en.close();
    }
  });

  test('5. the footer lists each feed once with its formats, and the OPML file; no papers.json', async () => {
    await open();
    const groups = groupFeeds(listFeeds(configSchema.parse({})));
    const items = page.locator('footer ul.feeds > li');
    expect(await items.count()).toBe(groups.length + 1);
    for (const [i, g] of groups.entries()) {
      const li = items.nth(i);
      expect(await li.locator('.feed-title').textContent()).toBe(g.title);
      expect(await li.locator('a').allTextContents()).toEqual(['RSS', 'Atom', 'JSON Feed']);
    }
    expect(await items.last().locator('a').getAttribute('href')).toBe('feeds.opml');
    expect(await page.locator('footer a[href="papers.json"]').count()).toBe(0);
  });

  test('6. on a phone the filters fold behind a button and the results start on the first screen', async () => {
    const phone = await context.newPage();
    try {
      await phone.setViewportSize({ width: 390, height: 844 });
      await phone.goto(`${preview.url}?q=${encodeURIComponent('연구')}`);
      await phone.waitForSelector('html[data-searched]');
      const toggle = phone.locator('#filters-toggle');
      expect(await toggle.isVisible()).toBe(true);
      expect(await phone.locator('#filters').isVisible()).toBe(false);
      const top = await phone.locator('#results .hit').first().evaluate((el) => el.getBoundingClientRect().top);
      expect(top).toBeLessThan(844 / 2);
      await toggle.click();
      expect(await phone.locator('#filters').isVisible()).toBe(true);
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      await phone.goto(`${preview.url}?votes=5`);
      await phone.waitForSelector('html[data-searched]');
      expect(await phone.locator('#filters-toggle').textContent()).toBe('필터 (1)');
      // Wide screens show the filters and no button.
      await phone.setViewportSize({ width: 1100, height: 800 });
      expect(await phone.locator('#filters').isVisible()).toBe(true);
      expect(await phone.locator('#filters-toggle').isVisible()).toBe(false);
    } finally {
      await phone.close();
    }
  });

  test('sorting by newest or most votes, kept in the URL and on reload', async () => {
    await open();
    await search('연구');
    await settled(() => page.selectOption('#sort-select', 'votes'));
    expect(new URL(page.url()).searchParams.get('sort')).toBe('votes');
    const votes = await page.locator('#results .hit .votes').allTextContents();
    const n = votes.map((v) => Number(/\d+/.exec(v)?.[0] ?? -1));
    expect(n).toEqual([...n].sort((a, b) => b - a));
    expect((await titles())[0]).toBe(OLD.title);
    await page.reload();
    await page.waitForSelector('html[data-searched]');
    expect(await page.inputValue('#sort-select')).toBe('votes');
    expect((await titles())[0]).toBe(OLD.title);
    await settled(() => page.selectOption('#sort-select', 'newest'));
    const dates = await page.locator('#results .hit time').allTextContents();
    expect(dates).toEqual([...dates].sort().reverse());
    // Browsing offers newest and votes; relevance needs a query.
    await open('?sort=votes');
    await page.waitForSelector('html[data-searched]');
    expect((await titles())[0]).toBe(OLD.title);
    expect(await page.locator('#sort-select option[value="relevance"]').isDisabled()).toBe(true);
  });

  test('papers with only some of the words come after a divider, counted apart, in every sort order', async () => {
    await open();
    await search('protein 연구'); // one paper has both words; forty have one of them
    const status = () => page.locator('#status').textContent();
    expect(await status()).toMatch(/^“protein 연구” 검색 결과 1건, 검색어의 일부만 담은 논문 40건 더 \(\d+ms\)\.$/);
    const before = (): Promise<string[]> =>
      page.locator('#results > li').evaluateAll((lis) => lis.map((li) => (li.classList.contains('partial-divider') ? '|' : 'hit')));
    const layout = async () => (await before()).join(' ').split('|').map((part) => part.trim().split(' ').filter(Boolean).length);
    const [complete, partial] = await layout(); // the paper with both words, the divider, then partial ones (more follow after a pause)
    expect(complete).toBe(1);
    expect(partial).toBeGreaterThanOrEqual(9);
    expect(await page.locator('.partial-divider').textContent()).toBe('여기부터는 검색어의 일부만 담은 논문입니다.');
    expect((await titles())[0]).toBe(OLD.title);
    for (const sort of ['votes', 'newest']) {
      await settled(() => page.selectOption('#sort-select', sort));
      expect((await titles())[0], sort).toBe(OLD.title);
      expect((await layout())[0], sort).toBe(1);
      expect(await status(), sort).toContain('검색 결과 1건, 검색어의 일부만 담은 논문 40건 더');
    }
    await search('zzzqqq 연구'); // no paper has both: the partial ones, said so
    expect((await titles()).length).toBeGreaterThan(1);
    expect(await status()).toMatch(/^“zzzqqq 연구”를 모두 담은 논문은 없고, 일부만 담은 논문 \d+건/);
  });

  test('an author in a result filters to that person, with a paper count, in the URL, removable', async () => {
    await open();
    await search('강화학습');
    await settled(() => page.locator('#results .hit').first().locator('a.author', { hasText: 'Minji Kang' }).click());
    const url = new URL(page.url());
    expect(url.searchParams.get('author')).toBe(KOREAN.authors[0]!.key);
    expect(url.searchParams.get('q')).toBe('강화학습');
    expect(await page.locator('#author-chip .chip-text').textContent()).toBe('저자: Minji Kang · 논문 2편');
    await settled(() => page.fill('#q', ''));
    expect(await ids()).toEqual([MATH.id, KOREAN.id]);
    expect(await page.locator('#status').textContent()).toContain('저자 Minji Kang');
    await settled(() => page.click('#author-chip .chip-remove'));
    expect(new URL(page.url()).searchParams.has('author')).toBe(false);
    expect(await page.locator('#author-chip').isVisible()).toBe(false);
    expect((await titles()).length).toBeGreaterThan(2);
  });

  test('a paper page (?id=): whole summary with labelled sections and nested lists, dates, authors, links, related papers', async () => {
    await open(`?id=${MATH.id}`);
    await page.waitForSelector(`html[data-paper="${MATH.id}"]`);
    const paper = page.locator('#paper');
    expect(await paper.isVisible()).toBe(true);
    expect(await page.locator('#results').isVisible()).toBe(false);
    expect(await paper.locator('.summary h3').allTextContents()).toEqual(["What's New", 'Technical Details']);
    expect(await paper.locator('.summary ol > li').count()).toBe(2);
    expect(await paper.locator('.summary ol ul > li').textContent()).toBe('블록 크기 조정');
    expect(await paper.locator('.summary strong').textContent()).toBe('다음과');
    expect(await paper.locator('.dates time').allTextContents()).toEqual(['2024-05-22', '2024-05-29']);
    expect(await paper.locator('.authors a.author').allTextContents()).toEqual(['Alice Moreau', 'Minji Kang']);
    expect(await paper.locator('.links a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))).toEqual([
      MATH.links.abs,
      MATH.links.pdf,
      MATH.links.huggingface,
      MATH.media[0],
    ]);
    expect(await paper.locator('.links a.video').textContent()).toBe('영상');
    expect(await page.title()).toContain('Attention for Streaming Video');
    const related = paper.locator('.related a.title');
    expect(await related.first().textContent()).toBe(ENGLISH.title);
    // A related paper opens in place; Back returns.
    await related.first().click();
    await page.waitForSelector(`html[data-paper="${ENGLISH.id}"]`);
    expect(new URL(page.url()).searchParams.get('id')).toBe(ENGLISH.id);
    await page.goBack();
    await page.waitForSelector(`html[data-paper="${MATH.id}"]`);
    expect(await paper.locator('.summary h3').count()).toBe(2);
  });

  test('a result title opens its paper page in place; Back returns to the search; unknown ids say so', async () => {
    await open();
    await search('diffusion transformer');
    await page.locator('#results a.title').first().click();
    await page.waitForSelector(`html[data-paper="${ENGLISH.id}"]`);
    expect(await page.locator('#paper h1').textContent()).toBe(ENGLISH.title);
    await page.goBack();
    await expect.poll(() => page.locator('#results').isVisible()).toBe(true);
    expect(await page.inputValue('#q')).toBe('diffusion transformer');
    expect((await titles())[0]).toBe(ENGLISH.title);
    await open('?id=9999.99999');
    await page.waitForSelector('html[data-paper="9999.99999"]');
    expect(await page.locator('#paper .not-found').textContent()).toBe('논문을 찾을 수 없습니다: 9999.99999');
    // ... with the way back to the search.
    await page.locator('#paper a.back-link').click();
    await expect.poll(() => page.locator('#results').isVisible()).toBe(true);
  });

  test('7. math in titles renders with KaTeX from the site, loaded only when math is on screen, under the CSP', async () => {
    const p = await context.newPage();
    const requests: string[] = [];
    const consoleErrors: string[] = [];
    p.on('request', (r) => requests.push(new URL(r.url()).pathname));
    p.on('console', (m) => {
      if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) consoleErrors.push(m.text());
    });
    try {
      await p.goto(`${preview.url}?q=${encodeURIComponent('diffusion transformer')}`);
      await p.waitForSelector('html[data-searched]');
      await p.waitForTimeout(400);
      expect(await p.locator('#results .hit').count()).toBeGreaterThan(0);
      expect(requests.filter((r) => /\/assets\/(math|katex)/.test(r))).toEqual([]); // no math on screen: nothing loaded
      await p.fill('#q', 'streaming video');
      await p.waitForSelector('#results .math .katex');
      const title = p.locator('#results a.title', { has: p.locator('.math') }).first();
      expect(await title.getAttribute('data-id')).toBe(MATH.id);
      expect(await title.locator('.katex-mathml annotation').textContent()).toBe('\\mathcal{O}(n)');
      expect(await title.locator('.math').getAttribute('title')).toBe('$\\mathcal{O}(n)$');
      expect(requests.some((r) => /\/assets\/math\.[0-9a-f]{10}\.js$/.test(r))).toBe(true);
      expect(requests.some((r) => /\/assets\/katex\.[0-9a-f]{10}\.css$/.test(r))).toBe(true);
      // KaTeX's own fonts, from the site.
      await expect.poll(() => p.evaluate(() => document.fonts.check('16px KaTeX_Caligraphic'))).toBe(true);
      expect(requests.some((r) => /\/assets\/KaTeX_Caligraphic-Regular\.[0-9a-f]{10}\.woff2$/.test(r))).toBe(true);
      expect(consoleErrors).toEqual([]); // no CSP violation
      // The paper page renders its title's math too.
      await title.click();
      await p.waitForSelector(`html[data-paper="${MATH.id}"]`);
      await p.waitForSelector('#paper h1 .katex');
    } finally {
      await p.close();
    }
  });
});

