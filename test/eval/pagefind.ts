/**
 * Pagefind as a comparison system: the papers are indexed through Pagefind's Node API (one
 * custom record per paper: url = arXiv id, content = title + summary + author names, language
 * `ko`), the bundle is written to disk and queried the way Pagefind's UI does it, by loading
 * `pagefind.js` in headless Chromium from a local static server and calling
 * `pagefind.search(q)`, then `data()` of the first results.
 *
 * Returns a reason instead of a searcher when pagefind, its binary or Chromium is unavailable.
 */
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import type { Paper } from './build.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/chromium.ts';


export interface BatchSearcher {
  /** Ids of the first `depth` results of every query, in query order. */
  searchAll(queries: string[], depth: number): Promise<string[][]>;
  close(): Promise<void>;
  /** Seconds spent indexing and writing the bundle. */
  indexSeconds: number;
}

export function pagefindContent(p: Paper): string {
  return [p.title, ...p.summary.map((s) => s.text), p.authors.map((a) => a.name).join(', ')].join('\n');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

function serve(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok(server));
  });
}

export async function createPagefindSearcher(papers: Paper[]): Promise<BatchSearcher | string> {
  if (!existsSync(CHROMIUM)) return `Chromium not found at ${CHROMIUM}`;
  let pagefind: typeof import('pagefind');
  let playwright: typeof import('playwright-core');
  try {
    pagefind = await import('pagefind');
  } catch (e) {
    return `the pagefind package is not installed (${(e as Error).message.split('\n')[0]})`;
  }
  try {
    playwright = await import('playwright-core');
  } catch (e) {
    return `playwright-core is not installed (${(e as Error).message.split('\n')[0]})`;
  }

  const root = mkdtempSync(join(tmpdir(), 'search-eval-pagefind-'));
  const fail = (msg: string) => {
    rmSync(root, { recursive: true, force: true });
    return msg;
  };
  const t0 = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ko' });
    if (!index) return fail(`pagefind could not create an index: ${errors.join('; ')}`);
    const CHUNK = 200;
    for (let i = 0; i < papers.length; i += CHUNK) {
      const added = await Promise.all(
        papers.slice(i, i + CHUNK).map((p) =>
          index.addCustomRecord({ url: p.id, content: pagefindContent(p), language: 'ko', meta: { title: p.title } }),
        ),
      );
      const errs = added.flatMap((a) => a.errors);
      if (errs.length) return fail(`pagefind rejected records: ${errs.slice(0, 3).join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
    if (written.errors.length) return fail(`pagefind could not write its bundle: ${written.errors.join('; ')}`);
    await pagefind.close();
  } catch (e) {
    return fail(`pagefind failed: ${(e as Error).message.split('\n')[0]}`);
  }
  const indexSeconds = (performance.now() - t0) / 1000;
  writeFileSync(join(root, 'index.html'), '<!doctype html><meta charset="utf-8"><title>eval</title>');

  const server = await serve(root);
  const port = (server.address() as AddressInfo).port;
  let browser: import('playwright-core').Browser;
  try {
    browser = await playwright.chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (e) {
    server.close();
    return fail(`Chromium did not start: ${(e as Error).message.split('\n')[0]}`);
  }
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.evaluate(async () => {
    const w = window as unknown as { pagefind: { init(): Promise<void> } };
    w.pagefind = await import(/* @vite-ignore */ '/pagefind/pagefind.js' as string);
    await w.pagefind.init();
  });

  return {
    indexSeconds,
    async searchAll(queries, depth) {
      const out: string[][] = [];
      const BATCH = 50;
      for (let i = 0; i < queries.length; i += BATCH) {
        const urls = await page.evaluate(
          async ({ qs, depth }) => {
            type Result = { data(): Promise<{ url: string }> };
            const pf = (window as unknown as { pagefind: { search(q: string): Promise<{ results: Result[] }> } }).pagefind;
            const res: string[][] = [];
            for (const q of qs) {
              const r = await pf.search(q);
              const data = await Promise.all(r.results.slice(0, depth).map((x) => x.data()));
              res.push(data.map((d) => d.url));
            }
            return res;
          },
          { qs: queries.slice(i, i + BATCH), depth },
        );
        for (const u of urls) out.push(u.map((x) => x.match(/\d{4}\.\d{4,5}/u)?.[0] ?? x));
      }
      return out;
    },
    async close() {
      await browser.close();
      await new Promise<void>((ok) => server.close(() => ok()));
      rmSync(root, { recursive: true, force: true });
    },
  };
}
