/**
 * Compiling a TypeScript config for plain Node (pipeline/config/compile.ts): its relative imports
 * bundled, package imports kept (as absolute file URLs), the compiled module cached next to the
 * config and compiled again when it or a file it imports changes, and compile errors with
 * file:line:column.
 */
import { mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compiledConfigPath, ConfigCompileError, configModuleUrl, configSources } from '../../../pipeline/config/compile.ts';
import { ROOT, writeFiles } from '../../helpers/ops.ts';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dpf-config-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const load = async (file: string): Promise<unknown> => ((await import(await configModuleUrl(file))) as { default: unknown }).default;

describe('configModuleUrl', () => {
  it('gives each of the config\'s files its own import.meta url, dirname and filename, not the compiled module\'s', async () => {
    await writeFiles(dir, {
      'parts/paths.ts': 'export const here = { url: import.meta.url, dirname: import.meta.dirname, filename: import.meta.filename };\n',
      'pipeline.config.ts':
        "import { here } from './parts/paths.ts';\n" +
        '// import.meta.url in a comment, and in a string, stay as written:\n' +
        "export default { output: import.meta.dirname + '/out', url: import.meta.url, file: import.meta.filename, part: here, text: \"import.meta.dirname\" };\n",
    });
    const file = path.join(dir, 'pipeline.config.ts');
    expect(await load(file)).toEqual({
      output: `${dir}/out`,
      url: `file://${file}`,
      file,
      part: { url: `file://${path.join(dir, 'parts/paths.ts')}`, dirname: path.join(dir, 'parts'), filename: path.join(dir, 'parts/paths.ts') },
      text: 'import.meta.dirname',
    });
  });

  it('compiles TypeScript with its relative imports; package imports resolve from the project', async () => {
    await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    await writeFiles(dir, {
      'parts/site.ts': "export const title: string = 'Papers';\n",
      'pipeline.config.ts':
        "import { z } from 'zod';\n" +
        "import { title } from './parts/site.ts';\n" +
        'interface Shape { site: { title: string } }\n' +
        'const config: Shape = { site: { title } };\n' +
        'export default { ...config, ok: z.string().safeParse(title).success };\n',
    });
    expect(await load(path.join(dir, 'pipeline.config.ts'))).toEqual({ site: { title: 'Papers' }, ok: true });
    const compiled = await readFile(compiledConfigPath(path.join(dir, 'pipeline.config.ts')), 'utf8');
    expect(compiled).not.toContain('interface');
    expect(compiled).toMatch(/from "file:\/\/\/[^"]*zod[^"]*"/);
  });

  it('loads a copy of the project\'s config from a folder outside the project: defineConfig from the package itself', async () => {
    const copy = path.join(dir, 'x.config.ts');
    await writeFile(copy, await readFile(path.join(ROOT, 'pipeline.config.ts'), 'utf8'));
    expect(await readFile(copy, 'utf8')).toMatch(/^import \{ defineConfig \} from 'daily-papers-feeds\/config';$/m);
    const config = (await load(copy)) as { site: { language: string } };
    expect(config.site.language).toBe('ko');
  });

  it('reuses the compiled module until the config or a file it imports changes', async () => {
    await writeFiles(dir, { 'title.ts': "export default 'one';\n", 'pipeline.config.ts': "import t from './title.ts';\nexport default { t };\n" });
    const file = path.join(dir, 'pipeline.config.ts');
    const cached = compiledConfigPath(file);
    expect(await load(file)).toEqual({ t: 'one' });
    const first = (await stat(cached)).mtimeMs;
    expect(await load(file)).toEqual({ t: 'one' });
    expect((await stat(cached)).mtimeMs).toBe(first); // not compiled again
    await writeFile(path.join(dir, 'title.ts'), "export default 'two, longer';\n");
    expect(await load(file)).toEqual({ t: 'two, longer' });
    await writeFile(file, "import t from './title.ts';\nexport default { t, again: true };\n");
    expect(await load(file)).toEqual({ t: 'two, longer', again: true });
  });

  it('still loads when the cache folder cannot be written', async () => {
    await writeFiles(dir, { 'pipeline.config.ts': 'export default { n: 1 as number };\n', '.cache': 'a file, not a folder' });
    expect(await load(path.join(dir, 'pipeline.config.ts'))).toEqual({ n: 1 });
  });

  it('imports a JavaScript config as it is', async () => {
    await writeFiles(dir, { 'pipeline.config.mjs': 'export default { js: true };\n' });
    expect(await configModuleUrl(path.join(dir, 'pipeline.config.mjs'))).toMatch(/^file:.*pipeline\.config\.mjs\?t=/);
    expect(await load(path.join(dir, 'pipeline.config.mjs'))).toEqual({ js: true });
  });

  it('a syntax error or a missing import is a ConfigCompileError naming file:line:column', async () => {
    await writeFiles(dir, { 'bad.ts': "export default {\n  input: 'x' ;\n};\n", 'missing.ts': "import x from './nope.ts';\nexport default x;\n" });
    await expect(configModuleUrl(path.join(dir, 'bad.ts'))).rejects.toThrow(ConfigCompileError);
    await expect(configModuleUrl(path.join(dir, 'bad.ts'))).rejects.toThrow(`${path.join(dir, 'bad.ts')}:2:14: Expected "}" but found ";"`);
    await expect(configModuleUrl(path.join(dir, 'missing.ts'))).rejects.toThrow(/missing\.ts:1:15: Could not resolve "\.\/nope\.ts"/);
  });

  it('records the files a config was compiled from, and whether its value follows from them alone', async () => {
    await writeFiles(dir, {
      'title.ts': "export default 'one';\n",
      'plain.config.ts': "import { defineConfig } from 'daily-papers-feeds/config';\nimport t from './title.ts';\nexport default defineConfig({ site: { title: t } });\n",
      'env.config.ts': "export default { site: { url: process.env.SITE_URL } };\n",
      'clock.config.ts': "import t from './title.ts';\nexport default { t, at: new Date().getFullYear() };\n",
      'fs.config.ts': "import { readFileSync } from 'node:fs';\nexport default { t: readFileSync('x', 'utf8') };\n",
      'pkg.config.ts': "import { z } from 'zod';\nexport default { t: z.string().parse('x') };\n",
    });
    await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    const plain = path.join(dir, 'plain.config.ts');
    expect(await configSources(plain)).toBeNull(); // not compiled yet
    await configModuleUrl(plain);
    const sources = await configSources(plain);
    expect(sources?.static).toBe(true);
    const info = await stat(path.join(dir, 'title.ts'));
    expect(sources?.inputs[path.join(dir, 'title.ts')]).toBe(`${info.size}:${info.mtimeMs}`);
    expect(Object.keys(sources?.inputs ?? {})).toContain(path.join(ROOT, 'src/config.ts')); // defineConfig's module
    for (const name of ['env', 'clock', 'fs', 'pkg']) {
      const file = path.join(dir, `${name}.config.ts`);
      await configModuleUrl(file).catch(() => undefined);
      expect((await configSources(file))?.static, name).toBe(false);
    }
    expect(await configSources(path.join(dir, 'x.config.mjs'))).toBeNull();
  });
});
