/**
 * client.js, the search client published with the site (pipeline/page/client.ts): one ES module
 * without imports, deterministic, and, in Debian's Chromium (playwright-core), imported by a
 * plain page that is not the project's (the README's example, served with client.js and
 * search-index.json from a run over invented digests) to search; and the README's plain-Node
 * example run as it is written.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { startPreview, type Preview } from '../../../pipeline/commands/preview.ts';
import { loadConfig } from '../../../pipeline/config/load.ts';
import { bundleClient, CLIENT_PATH } from '../../../pipeline/page/client.ts';
import { RunLogger } from '../../../pipeline/report/logger.ts';
import { runPipeline } from '../../../pipeline/run.ts';
import { ANALYZER_VERSION } from '../../../src/search/analyzer.ts';
import { digest, makeProject, ROOT, type Project } from '../../helpers/ops.ts';
import { CHROMIUM, CHROMIUM_ARGS, HAS_CHROMIUM } from '../../helpers/chromium.ts';

if (!HAS_CHROMIUM) console.warn(`client.test: ${CHROMIUM} not found - browser test skipped (apt-get install -y chromium)`);

/** The code of client.js without its leading comment. */
const code = (data: string | Uint8Array): string => (typeof data === 'string' ? data : new TextDecoder().decode(data)).replace(/^\/\*[\s\S]*?\*\/\s*/, '');

describe('bundleClient', () => {
  it('is one ES module with no imports, exporting loadSearchIndex and the analyzer version', async () => {
    const client = await bundleClient();
    expect(client.path).toBe(CLIENT_PATH);
    const js = code(client.data);
    expect(js).not.toMatch(/(^|[;}\s])import\s*[\s{("'*]|\bimport\(|\brequire\(/);
    expect(js).toMatch(/export\s*\{[^}]*\bloadSearchIndex\b[^}]*\}/);
    expect(js).toContain(JSON.stringify(ANALYZER_VERSION));
    expect(Buffer.from((await bundleClient()).data).equals(Buffer.from(client.data))).toBe(true);
  });
});

/** The README's HTML example (the ```html block that imports client.js). */
async function readmeExample(): Promise<string> {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]!).find((b) => b.includes('./client.js'));
  if (!block) throw new Error('README.md has no ```html example importing ./client.js');
  return block;
}

describe("the README's plain-Node example", () => {
  it('imports output/client.js by file URL and searches output/search-index.json, with nothing installed', async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    const block = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!).find((b) => b.includes("'output/client.js'"));
    expect(block, 'README.md has a ```js example importing output/client.js').toBeDefined();
    const project = await makeProject({ '2025/03/03.md': digest('2025-03-03', 6, 1) });
    try {
      expect((await runPipeline({ config: await loadConfig({ cwd: project.dir }), logger: new RunLogger('quiet') })).exitCode).toBe(0);
      // In the project's folder, with no node_modules anywhere above it.
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', block!], { cwd: project.dir, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/Reinforcement Learning/);
    } finally {
      await project.cleanup();
    }
  });
});

describe.skipIf(!HAS_CHROMIUM)(`client.js on a page of its own, in Chromium (skipped when ${CHROMIUM} is missing)`, () => {
  let project: Project;
  let preview: Preview;
  let browser: Browser;

  beforeAll(async () => {
    project = await makeProject({
      '2025/03/03.md': digest('2025-03-03', 6, 1),
      '2025/03/04.md': digest('2025-03-04', 6, 2),
    });
    const { exitCode } = await runPipeline({ config: await loadConfig({ cwd: project.dir }), logger: new RunLogger('quiet') });
    expect(exitCode).toBe(0);
    // Another site: only the README's page, client.js and search-index.json.
    const www = path.join(project.dir, 'www');
    await mkdir(www);
    for (const file of [CLIENT_PATH, 'search-index.json']) await copyFile(path.join(project.output, file), path.join(www, file));
    await writeFile(path.join(www, 'index.html'), await readmeExample());
    preview = await startPreview({ dir: www, host: '127.0.0.1', encodings: [] });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
    await project?.cleanup();
  });

  it('imports client.js and searches search-index.json, in Korean and English', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(preview.url);
    const hits = page.locator('#hits li');
    await expect.poll(() => hits.count()).toBeGreaterThan(0);
    const korean = await hits.allTextContents();
    expect(korean.every((t) => /^2025-03-0[34] /.test(t))).toBe(true);
    expect(korean.some((t) => t.includes('Reinforcement Learning'))).toBe(true);
    await page.fill('#q', 'diffusion');
    await expect.poll(async () => (await hits.allTextContents()).join('\n')).toMatch(/Diffusion Models/);
    expect(preview.stats.log.filter((l) => !l.startsWith('200 '))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
