/**
 * pipeline/build.mjs on a small tree of its own: one JavaScript file per source with relative
 * `.ts` imports rewritten to `.js` (importable by plain Node), the stamp that tells a stale
 * build in a few stats, outputs of removed sources deleted, and esbuild's file:line:column
 * messages for a source that does not compile.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, symlink, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildJs, ensureBuilt, RERUN_BUNDLE, staleSources } from '../../pipeline/build.mjs';
import { ROOT, writeFiles } from '../helpers/ops.ts';

let root = '';
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'dpf-build-'));
  await writeFiles(root, {
    'tsconfig.json': '{ "compilerOptions": { "target": "ES2022", "verbatimModuleSyntax": true } }\n',
    'src/add.ts': 'export const add = (a: number, b: number): number => a + b;\n',
    'pipeline/main.ts': "import { add } from '../src/add.ts';\nimport type { Stats } from 'node:fs';\nexport const three: number = add(1, 2);\nexport type S = Stats;\n",
  });
  await copyFile(path.join(ROOT, 'pipeline/build.mjs'), path.join(root, 'pipeline/build.mjs'));
  await symlink(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules')); // esbuild, for the command line
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Runs `code` as an ES module under plain node (no TypeScript loader) in `root`. */
function plainNode(code: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH } });
}

describe('build.mjs', () => {
  it('compiles each source to dist/ as JavaScript that plain node imports', async () => {
    expect(staleSources(root)).toEqual(['(no build)']);
    const { files } = await buildJs(root);
    expect(files).toBe(2);
    const main = await readFile(path.join(root, 'dist/pipeline/main.js'), 'utf8');
    expect(main).toMatch(/from\s*"\.\.\/src\/add\.js"/);
    expect(main).not.toContain('node:fs'); // a type-only import is gone
    const run = plainNode("import { three } from './dist/pipeline/main.js'; console.log(three);");
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('3');
  });

  it('tells a stale build from the sizes and times of its inputs, and rebuilds only then', async () => {
    await buildJs(root);
    expect(staleSources(root)).toEqual([]);
    expect(await ensureBuilt({ root })).toBe(false);
    // Same size, another time: an edit that kept the length, or a checkout.
    const later = new Date(Date.now() + 5_000);
    await utimes(path.join(root, 'src/add.ts'), later, later);
    expect(staleSources(root)).toEqual(['src/add.ts']);
    await writeFile(path.join(root, 'src/new.ts'), 'export const n = 1;\n');
    await writeFile(path.join(root, 'tsconfig.json'), '{ "compilerOptions": { "target": "ES2020" } }\n');
    expect(staleSources(root).sort()).toEqual(['src/add.ts', 'src/new.ts', 'tsconfig.json']);
    const notes: string[] = [];
    expect(await ensureBuilt({ root, note: (line) => notes.push(line) })).toBe(true);
    expect(notes).toEqual([expect.stringMatching(/^compiled 3 files to dist\/ in \d+ ms \(3 changed: /)]);
    expect(existsSync(path.join(root, 'dist/src/new.js'))).toBe(true);
    expect(staleSources(root)).toEqual([]);
  });

  it('removes the outputs of a source that was deleted', async () => {
    await buildJs(root);
    await unlink(path.join(root, 'src/add.ts'));
    await writeFile(path.join(root, 'pipeline/main.ts'), 'export const three = 3;\n');
    expect(staleSources(root).sort()).toEqual(['pipeline/main.ts', 'src/add.ts']);
    await buildJs(root);
    expect(existsSync(path.join(root, 'dist/src/add.js'))).toBe(false);
    expect(existsSync(path.join(root, 'dist/pipeline/main.js'))).toBe(true);
  });

  it('a source that does not compile: esbuild names file:line:column, and the build stays stale', async () => {
    await buildJs(root);
    await writeFile(path.join(root, 'src/add.ts'), 'export const add = (a: number => a;\n');
    await expect(buildJs(root)).rejects.toThrow(/src\/add\.ts:1:\d+: ERROR/);
    expect(staleSources(root)).toEqual(['src/add.ts']);
    const cli = spawnSync(process.execPath, ['pipeline/build.mjs', '--if-stale'], { cwd: root, encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/src\/add\.ts:1:\d+/);
  });

  it('bundles the no-change rerun into one module; its dynamic imports stay imports of the compiled files', async () => {
    await writeFiles(root, {
      'pipeline/cache/rerun.ts': "import { add } from '../../src/add.ts';\nexport const five: number = add(2, 3);\nexport const later = () => import('../lazy.ts');\n",
      'pipeline/lazy.ts': "export const lazy: string = 'lazy';\n",
    });
    await buildJs(root);
    const bundle = await readFile(path.join(root, RERUN_BUNDLE), 'utf8');
    expect(bundle).not.toMatch(/from\s*"[^"]*add\.js"/); // bundled in
    expect(bundle).toContain('import("../lazy.js")');
    const run = plainNode(`const m = await import('./${RERUN_BUNDLE}'); console.log(m.five, (await m.later()).lazy);`);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('5 lazy');
  });

  it("the project's rerun bundle holds none of the config's, the steps' or the parsers' modules", async () => {
    const bundle = await readFile(path.join(ROOT, RERUN_BUNDLE), 'utf8'); // built by the test setup
    const modules = [...bundle.matchAll(/^\/\/ (\S+)$/gm)].map((m) => m[1]!);
    expect(modules).toContain('pipeline/cache/rerun.ts');
    for (const heavy of [/node_modules\/(zod|unified|vfile|remark|rehype|hast|mdast|micromark|fast-glob|esbuild|minisearch|katex|feed)\//, /^pipeline\/(steps|parse|feeds|page|config\/load)/, /^src\/(config|search)/]) {
      expect(modules.filter((m) => heavy.test(m)), String(heavy)).toEqual([]);
    }
  });
});
