/**
 * The package as a user gets it: `npm pack` of a copy of the sources (which runs `prepare`, the
 * build, from scratch), the tarball
 * installed into a temporary project with no TypeScript tooling, then plain `node` only: the
 * `bin` (`npx daily-papers-feeds`) builds the site from the project's input/, and
 * `daily-papers-feeds/client` (and the site's own client.js) search its search-index.json.
 * Needs npm and the packages in npm's cache (`npm ci` fills it); takes about half a minute.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYZER_VERSION } from '../../src/search/analyzer.ts';
import { packageVersion } from '../../pipeline/cache/version.ts';
import { ROOT } from '../helpers/ops.ts';

const exec = promisify(execFile);
/** No loader and no CI noise: what a user's shell would have. */
const ENV = { PATH: process.env.PATH, HOME: process.env.HOME, npm_config_update_notifier: 'false' };

let tmp = '';
let consumer = '';

/** Runs `file args` in the consumer project and returns stdout (rejects with stderr on failure). */
async function inConsumer(file: string, args: string[]): Promise<string> {
  const { stdout } = await exec(file, args, { cwd: consumer, env: ENV, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'dpf-package-'));
  consumer = path.join(tmp, 'consumer');
  await mkdir(consumer);
  // Packed from a copy without dist/: `prepare` builds from scratch, and the build does not
  // rewrite this checkout's dist/ while other suites use it.
  const project = path.join(tmp, 'project');
  for (const entry of ['package.json', 'package-lock.json', 'tsconfig.json', 'README.md', 'src', 'pipeline']) {
    await cp(path.join(ROOT, entry), path.join(project, entry), { recursive: true });
  }
  await symlink(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'));
  await exec('npm', ['pack', '--silent', '--pack-destination', tmp], { cwd: project, env: ENV, maxBuffer: 64 * 1024 * 1024 });
  const tarball = (await readdir(tmp)).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack wrote no tarball');
  await writeFile(path.join(consumer, 'package.json'), '{ "name": "consumer", "private": true, "type": "module" }\n');
  await inConsumer('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', path.join(tmp, tarball)]);
}, 240_000);

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('the packed package, installed without TypeScript tooling', () => {
  it('ships compiled JavaScript with declarations for every export, and no TypeScript loader', async () => {
    const pkg = path.join(consumer, 'node_modules/daily-papers-feeds');
    const manifest = JSON.parse(await readFile(path.join(pkg, 'package.json'), 'utf8')) as { exports: Record<string, unknown>; bin: Record<string, string> };
    for (const [name, target] of Object.entries(manifest.exports)) {
      if (name === './package.json') continue;
      const { types, default: js } = target as { types: string; default: string };
      expect(js, name).toMatch(/^\.\/dist\/.*\.js$/);
      expect(existsSync(path.join(pkg, js)), js).toBe(true);
      expect(existsSync(path.join(pkg, types)), types).toBe(true);
    }
    expect(existsSync(path.join(pkg, manifest.bin['daily-papers-feeds']!))).toBe(true);
    for (const tool of ['typescript', 'tsx']) expect(existsSync(path.join(consumer, 'node_modules', tool)), tool).toBe(false);
  });

  it('npx daily-papers-feeds builds the site, and the client searches its index under plain node', async () => {
    expect(await inConsumer('npx', ['daily-papers-feeds', '--version'])).toBe(`${packageVersion()}\n`);
    await inConsumer('npx', ['daily-papers-feeds', '--input', path.join(ROOT, 'input'), '--output', 'site', '--quiet']);
    const script = `
      import { readFileSync } from 'node:fs';
      import { loadSearchIndex, ANALYZER_VERSION } from 'daily-papers-feeds/client';
      import { analyzeQuery } from 'daily-papers-feeds/analyzer';
      import { indexOptions } from 'daily-papers-feeds/search-options';
      import { defineConfig } from 'daily-papers-feeds/config';
      import * as site from './site/client.js';
      const text = readFileSync('site/search-index.json', 'utf8');
      const top = (client) => client.search('diffusion', { limit: 3 }).map((h) => h.id);
      console.log(JSON.stringify({
        version: ANALYZER_VERSION, siteVersion: site.ANALYZER_VERSION,
        package: top(loadSearchIndex(text)), site: top(site.loadSearchIndex(text)),
        korean: loadSearchIndex(text).search('강화학습').length,
        analyzer: analyzeQuery('강화학습').length > 0, fields: indexOptions.fields.length, config: defineConfig({}) !== undefined,
      }));`;
    await writeFile(path.join(consumer, 'search.mjs'), script);
    const result = JSON.parse(await inConsumer(process.execPath, ['search.mjs'])) as Record<string, unknown>;
    expect(result).toMatchObject({ version: ANALYZER_VERSION, siteVersion: ANALYZER_VERSION, analyzer: true, config: true });
    expect(result.package).toEqual(result.site);
    expect((result.package as string[]).length).toBeGreaterThan(0);
    expect(result.korean).toBeGreaterThan(0);
  });
});
