/**
 * The command line: flags, exit codes, output modes (TTY, CI, --quiet, --json), and rerun
 * determinism under other time zones and another clock (spawned `tsx pipeline/cli.ts` children).
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main, USAGE } from '../../pipeline/cli.ts';
import { packageVersion } from '../../pipeline/cache/version.ts';
import { Capture, ROOT, TSX, makeProject, smallCorpus, treeHashes, type Project, useProjects } from '../helpers/ops.ts';

const project = useProjects();

async function cli(argv: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; tty?: boolean } = {}) {
  const stdout = new Capture();
  const stderr = new Capture();
  stdout.isTTY = options.tty ?? false;
  stderr.isTTY = options.tty ?? false;
  const code = await main({ argv, env: options.env ?? { PATH: process.env.PATH }, cwd: options.cwd ?? process.cwd(), stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

function spawnCli(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; preload?: string }) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', TSX, ...(options.preload ? ['--import', options.preload] : []), path.join(ROOT, 'pipeline/cli.ts'), ...args],
      { cwd: options.cwd, env: { ...process.env, ...options.env } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

// eslint-disable-next-line no-control-regex
const ESCAPE = /\x1b\[/;

describe('flags and exit codes', () => {
  it('--help and --version exit 0', async () => {
    const help = await cli(['--help']);
    expect(help).toMatchObject({ code: 0, stdout: USAGE });
    for (const flag of ['--config FILE', '--input DIR', '--output DIR', '--strict', '--quiet', '--json', '--no-cache', '--allow-empty']) {
      expect(help.stdout).toContain(flag);
    }
    expect(await cli(['--version'])).toMatchObject({ code: 0, stdout: `${packageVersion()}\n` });
  });

  it('an unknown flag, a stray argument or a missing value is a usage error: exit 2', async () => {
    for (const argv of [['--fast'], ['input'], ['--output'], ['--input=']]) {
      const result = await cli(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^error: /);
    }
  });

  it('a config error exits 2 naming the key, without a stack trace', async () => {
    const p = await project(smallCorpus(), `export default { site: { url: 'not a url' }, colour: 'blue' };\n`);
    const result = await cli([], { cwd: p.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/"site\.url": expected an absolute http/);
    expect(result.stderr).toMatch(/unknown key "colour"/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const missing = await cli(['--input', 'missing'], { cwd: p.dir });
    expect(missing.code).toBe(2);
  });

  it('exit 0 with warnings, 1 with --strict, 1 on a fatal file, 1 with no papers unless --allow-empty', async () => {
    const p = await project();
    expect((await cli([], { cwd: p.dir })).code).toBe(0);
    const strict = await cli(['--strict'], { cwd: p.dir });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/under --strict/);
    await writeFile(path.join(p.input, 'broken.md'), new Uint8Array([0, 1, 2, 0xff, 0xfe, 0xfd]));
    const fatal = await cli([], { cwd: p.dir });
    expect(fatal.code).toBe(1);
    expect(fatal.stderr).toMatch(/broken\.md/);
    expect(fatal.stderr).toMatch(/nothing published/);
    const empty = await project({ 'README.md': '# Notes\n' });
    expect((await cli([], { cwd: empty.dir })).code).toBe(1);
    expect((await cli(['--allow-empty'], { cwd: empty.dir })).code).toBe(0);
  });
});

describe('output modes', () => {
  it('prints plain lines without escape codes in CI, and the summary with warnings by rule and artifacts', async () => {
    const p = await project();
    const result = await cli([], { cwd: p.dir, env: { CI: 'true' }, tty: true });
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).not.toMatch(ESCAPE);
    expect(result.stdout).toMatch(/^parse\s+\d/m);
    expect(result.stdout).toMatch(/Summary\n\s+digests\s+4\n\s+papers\s+15\n\s+authors\s+\d+/);
    expect(result.stdout).toMatch(/Warnings by rule\n\s+pipeline:authors:\S+\s+1/);
    expect(result.stdout).toMatch(/papers\.json\s+[\d.]+ kB/);
    // Diagnostics the way remark-cli prints them: file, then line:column severity reason rule.
    expect(result.stderr).toMatch(/2025\/03\/04\.md\n\s*\d+:\d+\s+warning/);
  });

  it('draws live progress on a TTY', async () => {
    const p = await project();
    const result = await cli(['--no-cache'], { cwd: p.dir, tty: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\r\x1b\[2Kparse \d+\/4/);
  });

  it('--quiet prints only diagnostics; --json prints only the report', async () => {
    const p = await project();
    const quiet = await cli(['--quiet'], { cwd: p.dir });
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toMatch(/warning/);
    const json = await cli(['--json'], { cwd: p.dir });
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    const report = JSON.parse(json.stdout) as { counts: { papers: number }; exitCode: number };
    expect(report).toMatchObject({ exitCode: 0, counts: { papers: 15 } });
  });
});

describe('determinism', () => {
  it('writes byte-identical output under TZ=UTC and TZ=Asia/Seoul with a clock three years ahead', async () => {
    const p = await project();
    const clock = path.join(p.dir, 'clock.mjs');
    await writeFile(
      clock,
      `const Real = Date; const shift = 3 * 365 * 86400000 + 12345678;\n` +
        `class Shifted extends Real { constructor(...a) { if (a.length === 0) super(Real.now() + shift); else super(...a); } static now() { return Real.now() + shift; } }\n` +
        `globalThis.Date = Shifted;\n`,
    );
    const utc = await spawnCli(['--quiet', '--no-cache', '--output', 'out-utc'], { cwd: p.dir, env: { TZ: 'UTC' } });
    const seoul = await spawnCli(['--quiet', '--no-cache', '--output', 'out-seoul'], { cwd: p.dir, env: { TZ: 'Asia/Seoul', LANG: 'ko_KR.UTF-8' }, preload: clock });
    expect([utc.code, seoul.code], utc.stderr + seoul.stderr).toEqual([0, 0]);
    const a = await treeHashes(path.join(p.dir, 'out-utc'), ['report.json']);
    const b = await treeHashes(path.join(p.dir, 'out-seoul'), ['report.json']);
    expect(Object.keys(a).length).toBeGreaterThan(5);
    expect(b).toEqual(a);
    // The clock did move: only report.json carries it.
    const years = await Promise.all(
      ['out-utc', 'out-seoul'].map(async (d) => Number((JSON.parse(await readFile(path.join(p.dir, d, 'report.json'), 'utf8')) as { startedAt: string }).startedAt.slice(0, 4))),
    );
    expect(years[1]! - years[0]!).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
