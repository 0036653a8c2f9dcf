/**
 * `npx tsx test/bench/screenshot.ts --site DIR --query Q --out FILE [--dark] [--width 1100 --height 1000]`
 * Screenshots the built page (served by the preview server under /repo/) after a query.
 * Remote thumbnails are refused, so the picture only shows what the site itself serves.
 */
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startPreview } from '../../pipeline/commands/preview.ts';

const { values } = parseArgs({
  options: {
    site: { type: 'string', default: 'output' },
    query: { type: 'string', default: '' },
    out: { type: 'string', default: 'docs/screenshot.png' },
    dark: { type: 'boolean', default: false },
    width: { type: 'string', default: '1100' },
    height: { type: 'string', default: '1000' },
  },
});
const preview = await startPreview({ dir: values.site, base: '/repo/' });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({
    viewport: { width: Number(values.width), height: Number(values.height) },
    colorScheme: values.dark ? 'dark' : 'light',
    deviceScaleFactor: 1,
  });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (r) => r.abort());
  const page = await context.newPage();
  await page.goto(`${preview.url}${values.query ? `?q=${encodeURIComponent(values.query)}` : ''}`);
  await page.waitForSelector('html[data-ready]');
  if (values.query) await page.waitForSelector('html[data-searched]', { timeout: 120_000 });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: values.out });
  console.log(`${values.out}: ${await page.locator('#status').textContent()}`);
} finally {
  await browser.close();
  await preview.close();
}
