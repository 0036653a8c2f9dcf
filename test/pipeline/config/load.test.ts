/** Loading and validating pipeline.config.ts: defaults, overrides, clear errors, the digest. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, configDigest, configuredOutputDir, isPlaceholderSiteUrl, loadConfig, cacheWorkspace } from '../../../pipeline/config/load.ts';
import { zonedClock } from '../../../pipeline/feeds/time.ts';
import { configSchema } from '../../../src/config-schema.ts';
import { makeProject, type Project } from '../../helpers/ops.ts';

const projects: Project[] = [];
afterEach(async () => {
  await Promise.all(projects.splice(0).map((p) => p.cleanup()));
});

async function withConfig(source: string | undefined): Promise<Project> {
  const p = await makeProject({ 'a.md': '## Daily Papers (2025-01-01)\n' }, source);
  projects.push(p);
  return p;
}

const IMPORT = `import { defineConfig } from ${JSON.stringify(path.resolve('src/config.ts'))};\n`;

async function errorOf(source: string, overrides: Parameters<typeof loadConfig>[0] = {}): Promise<string> {
  const p = await withConfig(source);
  try {
    await loadConfig({ cwd: p.dir, ...overrides });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies the documented defaults without a config file', async () => {
    const p = await withConfig(undefined);
    const config = await loadConfig({ cwd: p.dir });
    expect(config.configFile).toBeNull();
    expect(config.inputDir).toBe(p.input);
    expect(config.outputDir).toBe(path.join(p.dir, 'output'));
    expect(config.cacheDirAbs).toBe(path.join(p.dir, '.cache/pipeline'));
    expect(config.cacheWorkDir).toBe(path.join(p.dir, '.cache/pipeline', cacheWorkspace(p.input)));
    expect(config.include).toEqual(['**/*.md']);
    expect(config.site.url).toBe('https://example.github.io/daily-papers/');
    expect(config.feeds).toMatchObject({ limit: 50, dailyLimit: 30, link: 'huggingface', timezone: 'Asia/Seoul', time: '12:00' });
    expect(config.concurrency).toBe(16);
    expect(config.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('publishes by default at a time that keeps a digest day on its date in UTC and east of it', async () => {
    const config = await loadConfig({ cwd: (await withConfig(undefined)).dir });
    const day = zonedClock(config.feeds.timezone)('2025-01-16', config.feeds.time)!;
    const dateIn = (zone: string, t: number) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(t);
    expect(dateIn('America/Sao_Paulo', day)).toBe('2025-01-16');
    // A day's papers are one second apart by rank, back from the day's time (up to a few hundred).
    for (const t of [day, day - 999_000]) {
      for (const zone of ['UTC', 'Atlantic/South_Georgia', 'Europe/Berlin', 'Asia/Seoul', 'Pacific/Auckland']) {
        expect(dateIn(zone, t), zone).toBe('2025-01-16');
      }
    }
  });

  it('loads pipeline.config.ts (TypeScript, defineConfig) and resolves paths against its folder', async () => {
    const p = await withConfig(`${IMPORT}export default defineConfig({ input: 'input', output: 'site', site: { url: 'https://me.github.io/papers' } });\n`);
    const config = await loadConfig({ cwd: p.dir });
    expect(config.configFile).toBe(path.join(p.dir, 'pipeline.config.ts'));
    expect(config.outputDir).toBe(path.join(p.dir, 'site'));
    // A site URL is a folder: the trailing slash is added.
    expect(config.site.url).toBe('https://me.github.io/papers/');
  });

  it('lets --input, --output and --config override the file, relative to the working directory', async () => {
    const p = await withConfig(`export default { output: 'site' };\n`);
    await mkdir(path.join(p.dir, 'other'));
    await writeFile(path.join(p.dir, 'other.config.ts'), `export default { output: 'from-other' };\n`);
    const config = await loadConfig({ cwd: p.dir, config: 'other.config.ts', input: 'other', output: 'out2' });
    expect(config.inputDir).toBe(path.join(p.dir, 'other'));
    expect(config.outputDir).toBe(path.join(p.dir, 'out2'));
    const fromOther = await loadConfig({ cwd: p.dir, config: 'other.config.ts' });
    expect(fromOther.outputDir).toBe(path.join(p.dir, 'from-other'));
  });

  it('names an unknown key and the keys it accepts', async () => {
    const message = await errorOf(`export default { inputs: 'input', site: { titel: 'x' } };\n`);
    expect(message).toMatch(/unknown key "inputs": expected one of "input", "include"/);
    expect(message).toMatch(/unknown key "site\.titel": expected one of "url", "title", "description", "language"/);
  });

  it('names the key of a wrong type and what was expected', async () => {
    const message = await errorOf(`export default { include: '**/*.md', feeds: { limit: 'ten', extra: [{ name: 'A B', title: 'x', filter: {} }] } };\n`);
    expect(message).toMatch(/"include": expected an array, got "\*\*\/\*\.md"/);
    expect(message).toMatch(/"feeds\.limit": expected a number, got "ten"/);
    expect(message).toMatch(/"feeds\.extra\[0\]\.name": expected lowercase letters, digits and hyphens, got "A B"/);
  });

  it('says a bound in words: greater than, at least, at most, a whole number, a non-empty string', async () => {
    const message = await errorOf(
      `export default { concurrency: 300, feeds: { limit: 0, dailyLimit: 2.5, extra: [{ name: 'x', title: '', filter: { minVotes: -1 } }] } };\n`,
    );
    expect(message).toMatch(/"concurrency": expected a number of at most 256, got number 300/);
    expect(message).toMatch(/"feeds\.limit": expected a number greater than 0, got number 0/);
    expect(message).toMatch(/"feeds\.dailyLimit": expected a whole number, got number 2\.5/);
    expect(message).toMatch(/"feeds\.extra\[0\]\.title": expected a non-empty string, got ""/);
    expect(message).toMatch(/"feeds\.extra\[0\]\.filter\.minVotes": expected a number of at least 0, got number -1/);
    expect(message).not.toMatch(/Too small|Too big|>=|<=/);
  });

  it('rejects a bad site URL, time and enum with the expected form', async () => {
    const message = await errorOf(`export default { site: { url: 'example.com/papers' }, feeds: { time: '9am', link: 'doi' } };\n`);
    expect(message).toMatch(/"site\.url": expected an absolute http:\/\/ or https:\/\/ URL.*got "example\.com\/papers"/);
    expect(message).toMatch(/"feeds\.time": expected a local time "HH:MM"/);
    expect(message).toMatch(/"feeds\.link": expected one of "huggingface", "arxiv", got "doi"/);
    expect(await errorOf(`export default { site: { url: 'ftp://example.com/' } };\n`)).toMatch(/"site\.url"/);
  });

  it('rejects a time zone Intl does not know, naming the key (not later in the feeds step)', async () => {
    const message = await errorOf(`export default { feeds: { timezone: 'Asia/Seol' } };\n`);
    expect(message).toMatch(/"feeds\.timezone": expected an IANA time zone this Node\.js knows, e\.g\. "Asia\/Seoul" or "UTC", got "Asia\/Seol"/);
    expect(configSchema.parse({ feeds: { timezone: 'America/Los_Angeles' } }).feeds.timezone).toBe('America/Los_Angeles');
  });

  it('rejects an extra feed name another artifact or another extra feed uses', async () => {
    const feeds = ['daily', 'weekly', 'archive', 'papers', 'search-index', 'ok', 'ok'].map((name) => ({ name, title: name, filter: {} }));
    const message = await errorOf(`export default { feeds: { extra: ${JSON.stringify(feeds)} } };\n`);
    for (const [n, name] of ['daily', 'weekly', 'archive', 'papers', 'search-index'].entries()) {
      expect(message).toContain(`"feeds.extra[${n}].name": expected a name other than feed, atom, daily, weekly, archive, feeds, papers, authors, search-index, search, report, index, assets (other artifacts use them), got "${name}"`);
    }
    expect(message).toContain('"feeds.extra[6].name": expected a name no other extra feed uses, got "ok"');
    expect(message).not.toContain('feeds.extra[5]');
  });

  it('accepts weeklyTop and weeklyLimit, with defaults 10 and 12', () => {
    expect(configSchema.parse({}).feeds).toMatchObject({ weeklyTop: 10, weeklyLimit: 12 });
    expect(configSchema.safeParse({ feeds: { weeklyTop: 0 } }).success).toBe(false);
  });

  it('rejects an unreachable input folder, naming the key', async () => {
    expect(await errorOf(`export default { input: 'nowhere' };\n`)).toMatch(/"input": expected a readable folder of digests, but ".*nowhere" does not exist/);
    expect(await errorOf(`export default {};\n`, { input: 'input/a.md' })).toMatch(/--input: .* is not a folder/);
  });

  it('refuses an output folder that would swallow the input, the cache or the project', async () => {
    expect(await errorOf(`export default {};\n`, { output: '.' })).toMatch(/--output: expected a folder of its own/);
    expect(await errorOf(`export default { output: 'input/out' };\n`)).toMatch(/outside the input folder/);
    expect(await errorOf(`export default { output: '.cache' };\n`)).toMatch(/contains the cache folder/);
  });

  it('reports a missing --config file, a syntax error and a missing default export without a stack', async () => {
    const p = await withConfig(undefined);
    await expect(loadConfig({ cwd: p.dir, config: 'nope.ts' })).rejects.toThrow(/--config: file "nope.ts" not found/);
    expect(await errorOf(`export default { input: 'input' ;\n`)).toMatch(/cannot load the config file/);
    expect(await errorOf(`export const config = {};\n`)).toMatch(/expected a default export/);
    expect(await errorOf(`export default 42;\n`)).toMatch(/expected the default export to be an object, got number 42/);
  });
});

describe('site URL and diagnostics keys', () => {
  it('takes the site URL override over the config, validated and named by where it came from', async () => {
    const p = await withConfig(`export default { site: { url: 'https://me.github.io/papers/' } };\n`);
    const config = await loadConfig({ cwd: p.dir, siteUrl: { url: 'https://pages.example.org/repo', from: '--site-url' } });
    expect(config.site.url).toBe('https://pages.example.org/repo/');
    // The URL shapes the feeds: it is part of the config digest.
    expect(config.digest).not.toBe((await loadConfig({ cwd: p.dir })).digest);
    expect(await errorOf(`export default {};\n`, { siteUrl: { url: 'nope', from: 'PIPELINE_SITE_URL' } })).toMatch(
      /^PIPELINE_SITE_URL: expected an absolute http:\/\/ or https:\/\/ URL.*got "nope"$/,
    );
  });

  it('accepts a level per configurable rule id; names an unknown one', async () => {
    const p = await withConfig(`export default { diagnostics: { 'author-duplicate': 'off', encoding: 'warning' } };\n`);
    expect((await loadConfig({ cwd: p.dir })).diagnostics).toEqual({ 'author-duplicate': 'off', encoding: 'warning' });
    expect(await errorOf(`export default { diagnostics: { 'no-such-rule': 'off' } };\n`)).toMatch(/unknown rule id "no-such-rule" in "diagnostics"/);
    expect(await errorOf(`export default { diagnostics: { 'write-failed': 'info' } };\n`)).toMatch(/"diagnostics\.write-failed": expected a rule about the input/);
  });

  it('recognizes placeholder site URLs', () => {
    for (const url of ['https://example.github.io/daily-papers/', 'https://www.example.com/', 'http://example.org/x/']) expect(isPlaceholderSiteUrl(url), url).toBe(true);
    for (const url of ['https://someone.github.io/daily-papers/', 'https://example-lab.github.io/', 'https://myexample.com/']) expect(isPlaceholderSiteUrl(url), url).toBe(false);
  });

  it('names the output folder without needing the input (for the preview)', async () => {
    const p = await withConfig(`export default { input: 'nowhere', output: 'site' };\n`);
    expect(await configuredOutputDir({ cwd: p.dir })).toBe(path.join(p.dir, 'site'));
    expect(await configuredOutputDir({ cwd: p.dir, output: 'x' })).toBe(path.join(p.dir, 'x'));
  });
});

describe('configDigest', () => {
  const base = configSchema.parse({});
  it('is stable, ignores key order, paths and tuning knobs, and changes with what shapes the output', () => {
    expect(configDigest(base)).toBe(configDigest(configSchema.parse({})));
    expect(configDigest({ ...base, output: 'elsewhere', input: 'x', cacheDir: 'y', concurrency: 2 })).toBe(configDigest(base));
    const reordered = configSchema.parse({ site: { language: 'ko', title: base.site.title } });
    expect(configDigest(reordered)).toBe(configDigest(base));
    expect(configDigest(configSchema.parse({ feeds: { limit: 10 } }))).not.toBe(configDigest(base));
    expect(configDigest(configSchema.parse({ site: { url: 'https://a.example/' } }))).not.toBe(configDigest(base));
  });
});

describe('cacheWorkspace', () => {
  it('names an input folder by its name and a hash of its absolute path: stable, and apart for other folders', () => {
    expect(cacheWorkspace('/work/archive/paper_logs')).toMatch(/^paper_logs-[0-9a-f]{8}$/);
    expect(cacheWorkspace('/work/archive/paper_logs')).toBe(cacheWorkspace('/work/archive/paper_logs'));
    expect(cacheWorkspace('/a/input')).not.toBe(cacheWorkspace('/b/input'));
    expect(cacheWorkspace('/x/Daily Papers (KO)!')).toMatch(/^daily-papers-ko-[0-9a-f]{8}$/);
    expect(cacheWorkspace('/x/.hidden')).toMatch(/^hidden-[0-9a-f]{8}$/);
    expect(cacheWorkspace('/')).toMatch(/^input-[0-9a-f]{8}$/);
  });
});
