/**
 * `npx tsx test/bench/page-screenshots.ts --site output --out docs [--query 언어 --paper ID]`
 *
 * The README's screenshots of the search page, taken in Chromium (playwright-core,
 * /usr/bin/chromium) from a built site served by the preview server: desktop light and dark
 * (a search), a phone (the same search) and a paper's page. Writes
 * `<out>/screenshot-{desktop-light,desktop-dark,phone,paper}.png`. The paper defaults to the
 * first result of the query. Thumbnails (remote) are not fetched.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { startPreview } from '../../pipeline/commands/preview.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.ts';


const { values } = parseArgs({
  options: {
    site: { type: 'string', default: 'output' },
    out: { type: 'string', default: 'docs' },
    query: { type: 'string', default: '언어 모델' },
    paper: { type: 'string' },
    prefix: { type: 'string', default: 'screenshot' },
  },
});

async function shoot(browser: Browser, url: string, file: string, opts: { width: number; height: number; dark?: boolean; mobile?: boolean; wait: (p: Page) => Promise<unknown> }): Promise<void> {
  const context = await browser.newContext({
    viewport: { width: opts.width, height: opts.height },
    deviceScaleFactor: opts.mobile ? 2 : 1,
    isMobile: opts.mobile ?? false,
    hasTouch: opts.mobile ?? false,
    colorScheme: opts.dark ? 'dark' : 'light',
    locale: 'ko-KR',
  });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('html[data-ready]');
  await opts.wait(page);
  await page.waitForTimeout(400); // fonts, math, the rows below the first ten
  await page.screenshot({ path: file });
  await context.close();
  console.log(`wrote ${file}`);
}

const preview = await startPreview({ dir: values.site!, base: '/' });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const q = `?q=${encodeURIComponent(values.query!)}`;
  const searched = (p: Page) => p.waitForSelector('html[data-searched]');
  const out = (name: string) => path.join(values.out!, `${values.prefix}-${name}.png`);
  await shoot(browser, `${preview.url}${q}`, out('desktop-light'), { width: 1200, height: 900, wait: searched });
  await shoot(browser, `${preview.url}${q}`, out('desktop-dark'), { width: 1200, height: 900, dark: true, wait: searched });
  await shoot(browser, `${preview.url}${q}`, out('phone'), { width: 390, height: 844, mobile: true, wait: searched });
  let id = values.paper;
  if (!id) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${preview.url}${q}`);
    await page.waitForSelector('html[data-searched]');
    id = (await page.locator('#results a.title').first().getAttribute('data-id')) ?? '';
    await context.close();
  }
  await shoot(browser, `${preview.url}?id=${encodeURIComponent(id)}`, out('paper'), { width: 1200, height: 1400, wait: (p) => p.waitForSelector('html[data-paper]') });
} finally {
  await browser.close();
  await preview.close();
}
