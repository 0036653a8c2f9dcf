/**
 * The search page in a real browser: Debian's Chromium driven by playwright-core, the page built
 * by pageStep from an invented fixture and served by the preview server under a sub-path.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { configSchema } from '../../../src/config.ts';
import { listFeeds } from '../../../pipeline/feeds/plan.ts';
import { startPreview } from '../../../pipeline/commands/preview.ts';
import type { Preview } from '../../../pipeline/commands/preview.ts';
import { buildSite } from '../../bench/site.ts';
import { chunkSearchData } from '../../../pipeline/page/chunks.ts';
import { buildIndex } from '../../../src/search/index-builder.ts';
import { toSearchDocument } from '../../../src/search/options.ts';
import { ChunkedIndex } from '../../../src/page/loader.ts';
import type { Request, Response as WorkerResponse } from '../../../src/page/protocol.ts';
import { ENGLISH, fixtureDataset, KOREAN, OLD, XSS } from '../../fixtures/page/dataset.ts';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) console.warn(`page.test: ${CHROMIUM} not found - browser tests skipped (apt-get install -y chromium)`);

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe('search worker: preload while the debounce runs (Node, fetch stubbed)', () => {
  const dataset = fixtureDataset();
  const { artifacts } = chunkSearchData(dataset.papers, buildIndex(dataset.papers.map(toSearchDocument)), { termChunkBytes: 600 });
  const files = new Map(artifacts.map((a) => [a.path, typeof a.data === 'string' ? a.data : new TextDecoder().decode(a.data)]));
  const fetched: string[] = [];
  const posted: WorkerResponse[] = [];
  let send: (r: Request) => void = () => {};

  beforeAll(async () => {
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
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
    send({ type: 'search', id: 1, gen: 1, query: 'diffusion transformer', filters: {}, limit: 500, withMeta: 10 });
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
    const protein = (await index.search('protein')).slice(0, 10).map((h) => Math.floor(h.shortId / index.manifest.meta.block));
    const metaFetched = fetched.filter((f) => f.includes('/m/')).map((f) => Number(/\/m\/(\d+)\.json$/.exec(f)![1]));
    expect(new Set(metaFetched)).toEqual(new Set(protein));
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

  test('loads under a sub-path, says when ready and lists the latest papers', async () => {
    await open();
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/ready|Latest/i);
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
    for (const id of ['q', 'from', 'to', 'votes']) expect(await page.locator(`label[for="${id}"]`).count()).toBe(1);
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
});
