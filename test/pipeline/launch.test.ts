/**
 * The compiled pipeline under plain `node`, without a TypeScript loader: `npm run pipeline`'s
 * launcher (pipeline/launch.mjs), the `bin` script (dist/pipeline/cli.js, also through a
 * symlink as npm links it), a whole run over invented digests with the TypeScript config
 * compiled by esbuild, the no-change rerun (which loads neither the config nor the CLI), and
 * parse workers booted from the compiled worker script.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageVersion } from '../../pipeline/cache/version.ts';
import { ROOT, useProjects } from '../helpers/ops.ts';

const project = useProjects();

/** Plain node: no loader in the environment (NODE_OPTIONS cleared). */
function node(args: string[], cwd: string = ROOT): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, CI: '1' } });
}

describe('compiled CLI under plain node', () => {
  it('the launcher and the bin script answer --version', async () => {
    expect(node(['pipeline/launch.mjs', '--version'])).toMatchObject({ status: 0, stdout: `${packageVersion()}\n` });
    expect(node(['dist/pipeline/cli.js', '--version'])).toMatchObject({ status: 0, stdout: `${packageVersion()}\n` });
    const dir = await mkdtemp(path.join(tmpdir(), 'dpf-bin-'));
    try {
      await symlink(path.join(ROOT, 'dist/pipeline/cli.js'), path.join(dir, 'daily-papers-feeds'));
      expect(node([path.join(dir, 'daily-papers-feeds'), '--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('Usage:') });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('runs the pipeline with a TypeScript config, publishing client.js with the site', async () => {
    const config = `import { defineConfig } from ${JSON.stringify(path.join(ROOT, 'src/config.ts'))};\nexport default defineConfig({ site: { title: 'Compiled' as string } });\n`;
    const p = await project(undefined, config);
    const run = node([path.join(ROOT, 'pipeline/launch.mjs'), '--quiet'], p.dir);
    expect(run.stderr).not.toMatch(/error/);
    expect(run.status).toBe(0);
    expect(existsSync(path.join(p.output, 'client.js'))).toBe(true);
    expect(await readFile(path.join(p.output, 'index.html'), 'utf8')).toContain('<title>Compiled</title>');
    expect(existsSync(path.join(p.dir, '.cache/config/pipeline.config.mjs'))).toBe(true);
    // A config error is still exit 2 with the key named.
    const bad = await project(undefined, 'export default { feeds: { time: 9 } };\n');
    expect(node([path.join(ROOT, 'dist/pipeline/cli.js')], bad.dir)).toMatchObject({ status: 2, stderr: expect.stringContaining('"feeds.time"') });
  });

  it('a no-change rerun loads only the rerun bundle; a touched config brings the CLI back', async () => {
    const config = `import { defineConfig } from ${JSON.stringify(path.join(ROOT, 'src/config.ts'))};\nexport default defineConfig({ site: { url: 'https://a.example/p/' } });\n`;
    const p = await project(undefined, config);
    const old = new Date(Date.now() - 60_000);
    for (const entry of readdirSync(p.input, { withFileTypes: true, recursive: true })) await utimes(path.join(entry.parentPath, entry.name), old, old);
    await utimes(p.input, old, old);
    const launch = path.join(ROOT, 'pipeline/launch.mjs');
    expect(node([launch, '--quiet'], p.dir).status).toBe(0);
    // Every module the process resolves, written down by a module hook.
    const log = path.join(p.dir, 'loaded.txt');
    const hooks = path.join(p.dir, 'hooks.mjs');
    const register = path.join(p.dir, 'register.mjs');
    await writeFile(hooks, `import { appendFileSync } from 'node:fs';\nexport async function resolve(s, c, next) { const r = await next(s, c); appendFileSync(${JSON.stringify(log)}, r.url + '\\n'); return r; }\n`);
    await writeFile(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
    const loaded = async (): Promise<string[]> => (await readFile(log, 'utf8')).split('\n').filter(Boolean);

    const rerun = node(['--import', pathToFileURL(register).href, launch], p.dir);
    expect(rerun.stderr).not.toMatch(/error/);
    expect(rerun).toMatchObject({ status: 0, stdout: expect.stringContaining('nothing changed: reused the published output') });
    const lean = await loaded();
    expect(lean.some((url) => url.endsWith('/dist/pipeline/cache/rerun.bundle.js'))).toBe(true);
    expect(lean.filter((url) => /zod|vfile|unified|fast-glob|\/dist\/(bundle\/)?pipeline\/(cli|run)\.js|config\.mjs/.test(url))).toEqual([]);

    await rm(log);
    const later = new Date();
    await utimes(path.join(p.dir, 'pipeline.config.ts'), later, later);
    const full = node(['--import', pathToFileURL(register).href, launch], p.dir);
    expect(full).toMatchObject({ status: 0, stdout: expect.stringContaining('nothing changed: reused the published output') });
    // The CLI as one bundle, its packages inside it: none resolved on its own (zod is the
    // config's: it imports src/config.ts).
    const cli = await loaded();
    expect(cli.some((url) => url.endsWith('/dist/bundle/pipeline/cli.js'))).toBe(true);
    expect(cli.filter((url) => /node_modules\/(vfile|unified|minisearch|feed|fast-glob|p-limit)\//.test(url))).toEqual([]);
  });

  it('boots parse workers from the compiled worker script', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dpf-workers-'));
    try {
      const script = path.join(dir, 'parse.mjs');
      await writeFile(
        script,
        `import { ParseWorkers } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/pipeline/parse/pool.js')).href)};
        const pool = new ParseWorkers(1);
        const bytes = new TextEncoder().encode('## Daily Papers (2025-01-02)\\n\\n### [A](https://arxiv.org/abs/2501.00001)\\n\\nVote: 3\\n');
        const answers = [];
        await pool.run([{ index: 0, path: 'a.md', inputDir: '/in', bytes }], 1, (a) => answers.push(a.result.entries.map((e) => e.url)));
        console.log(JSON.stringify(answers));\n`,
      );
      const run = node([script]);
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout)).toEqual([['https://arxiv.org/abs/2501.00001']]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
