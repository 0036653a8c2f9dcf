/** The validated-config memo: which configs get a key, the memo file, and loadConfig taking it (or not). */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../pipeline/config/load.ts';
import { configModuleUrl } from '../../../pipeline/config/compile.ts';
import { readValidated, saveValidated, validatedPath, validationKey } from '../../../pipeline/config/validated.ts';
import { configSchema } from '../../../src/config-schema.ts';
import { makeProject, type Project } from '../../helpers/ops.ts';

const projects: Project[] = [];
afterEach(async () => {
  await Promise.all(projects.splice(0).map((p) => p.cleanup()));
});

const IMPORT = `import { defineConfig } from ${JSON.stringify(path.resolve('src/config.ts'))};\n`;

async function withConfig(source: string): Promise<Project> {
  const p = await makeProject({ 'a.md': '## Daily Papers (2025-01-01)\n' }, source);
  projects.push(p);
  return p;
}

describe('validationKey', () => {
  it('gives equal configs one key, whatever their key order and undefined keys, and other configs another', () => {
    const a = validationKey({ site: { title: 'T', language: 'ko' }, feeds: { limit: 5 } });
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(validationKey({ feeds: { limit: 5 }, site: { language: 'ko', title: 'T' }, output: undefined })).toBe(a);
    expect(validationKey({ site: { title: 'T', language: 'ko' }, feeds: { limit: 6 } })).not.toBe(a);
    expect(validationKey({ site: { title: 'T', language: 'ko' }, feeds: { limit: '5' } })).not.toBe(a);
  });

  it('gives no key to a config that is not plain JSON data', () => {
    for (const raw of [
      { site: { title: new Date(0) } },
      { site: { title: () => 'T' } },
      { feeds: { limit: Number.NaN } },
      { feeds: { limit: Infinity } },
      { include: ['**/*.md', undefined] },
      { site: new (class Site { title = 'T'; })() },
      { site: null },
      { include: [Symbol('x')] },
    ]) {
      expect(validationKey(raw)).toBeNull();
    }
  });
});

describe('the memo file', () => {
  it('reads back what was saved for the same key only, and nothing from a file that is not JSON', async () => {
    const p = await withConfig(`${IMPORT}export default defineConfig({});\n`);
    const file = path.join(p.dir, 'pipeline.config.ts');
    const config = configSchema.parse({});
    expect(await readValidated(file, 'k1')).toBeNull();
    await saveValidated(file, 'k1', config);
    expect(validatedPath(file)).toBe(path.join(p.dir, '.cache', 'config', 'pipeline.config.valid.json'));
    expect(await readValidated(file, 'k1')).toEqual(config);
    expect(await readValidated(file, 'k2')).toBeNull();
    await writeFile(validatedPath(file), '{"key":"k1","config":');
    expect(await readValidated(file, 'k1')).toBeNull();
  });
});

describe('loadConfig with the memo', () => {
  it('validates a config once, then takes the memo for it; an edited config is validated again', async () => {
    const p = await withConfig(`${IMPORT}export default defineConfig({ site: { title: 'First' } });\n`);
    const file = path.join(p.dir, 'pipeline.config.ts');
    expect((await loadConfig({ cwd: p.dir })).site.title).toBe('First');
    const memo = JSON.parse(await readFile(validatedPath(file), 'utf8')) as { key: string; config: { site: { title: string } } };
    expect(memo.config).toEqual(configSchema.parse({ site: { title: 'First' } }));
    // The memo's config is what a run with that key gets: changed here, the change shows.
    memo.config.site.title = 'From the memo';
    await writeFile(validatedPath(file), JSON.stringify(memo));
    expect((await loadConfig({ cwd: p.dir })).site.title).toBe('From the memo');
    await new Promise((resolve) => setTimeout(resolve, 20)); // a new modification time
    await writeFile(file, `${IMPORT}export default defineConfig({ site: { title: 'Second' } });\n`);
    expect((await loadConfig({ cwd: p.dir })).site.title).toBe('Second');
  });

  it('never saves a config the schema rejects, nor one that is not plain data', async () => {
    const bad = await withConfig(`${IMPORT}export default defineConfig({ feeds: { limit: -1 } });\n`);
    await expect(loadConfig({ cwd: bad.dir })).rejects.toBeInstanceOf(ConfigError);
    await expect(readFile(validatedPath(path.join(bad.dir, 'pipeline.config.ts')))).rejects.toThrow();
    const dated = await withConfig(`${IMPORT}export default { site: { title: 'T' }, when: new Date(0) };\n`);
    await expect(loadConfig({ cwd: dated.dir })).rejects.toThrow(/unknown key "when"/);
    await expect(readFile(validatedPath(path.join(dated.dir, 'pipeline.config.ts')))).rejects.toThrow();
  });

  it('loads a config without loading zod: the compiled config does not import it', async () => {
    const p = await withConfig(`${IMPORT}export default defineConfig({ site: { title: 'T' } });\n`);
    const url = await configModuleUrl(path.join(p.dir, 'pipeline.config.ts'));
    const text = await readFile(new URL(url), 'utf8');
    expect(text).toContain('defineConfig');
    expect(text).not.toMatch(/zod/);
  });
});
