/**
 * The command line: flags, exit codes, output modes (TTY, CI, --quiet, --json), and rerun
 * determinism under other time zones and another clock (spawned `tsx pipeline/cli.ts` children).
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main, USAGE } from '../../pipeline/cli.ts';
import { packageVersion } from '../../pipeline/cache/version.ts';
import type { RunReport } from '../../pipeline/report/report.ts';
import { columns } from '../../pipeline/report/terminal.ts';
import { Capture, ROOT, TSX, digest, smallCorpus, treeHashes, useProjects } from '../helpers/ops.ts';

const project = useProjects();

async function cli(argv: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; tty?: boolean; columns?: number } = {}) {
  const stdout = new Capture() as Capture & { columns?: number };
  const stderr = new Capture();
  stdout.isTTY = options.tty ?? false;
  stderr.isTTY = options.tty ?? false;
  stdout.columns = options.columns;
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
    for (const flag of ['--config FILE', '--input DIR', '--output DIR', '--site-url URL', '--strict', '--quiet', '--json', '--no-cache', '--allow-empty']) {
      expect(help.stdout).toContain(flag);
    }
    expect(await cli(['--version'])).toMatchObject({ code: 0, stdout: `${packageVersion()}\n` });
  });

  it('an unknown flag, a stray argument or a missing value is a usage error: exit 2', async () => {
    for (const argv of [['--fast'], ['input'], ['--output'], ['--input='], ['--site-url=']]) {
      const result = await cli(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^pipeline: [^\n]+\n$/); // one line
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
    // Nothing changed, but nothing was published either: the summary does not say it reused the output.
    expect(strict.stdout).toMatch(/nothing changed since the published output; .*exit code 1/);
    expect(strict.stdout + strict.stderr).not.toMatch(/reused the published output/);
    await writeFile(path.join(p.input, 'broken.md'), new Uint8Array([0, 1, 2, 0xff, 0xfe, 0xfd]));
    const fatal = await cli([], { cwd: p.dir });
    expect(fatal.code).toBe(1);
    expect(fatal.stderr).toMatch(/broken\.md/);
    expect(fatal.stderr).toMatch(/nothing published/);
    const empty = await project({ 'README.md': '# Notes\n' });
    expect((await cli([], { cwd: empty.dir })).code).toBe(1);
    expect((await cli(['--allow-empty'], { cwd: empty.dir })).code).toBe(0);
  });

  it('publishes over a previous output and leaves its removal to a detached process: no .output.* folder stays', async () => {
    const p = await project();
    expect((await cli(['--quiet'], { cwd: p.dir })).code).toBe(0);
    await writeFile(path.join(p.input, 'stray.md'), '# Notes\n');
    expect((await cli(['--quiet', '--no-cache'], { cwd: p.dir })).code).toBe(0);
    expect(Object.keys(await treeHashes(p.output))).toContain('feed.xml');
    const siblings = async () => (await readdir(p.dir)).filter((n) => n.startsWith('.output.'));
    const deadline = Date.now() + 15_000;
    while ((await siblings()).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await siblings()).toEqual([]);
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
    // The bare rule id: the name the config's `diagnostics` accepts.
    expect(result.stdout).toMatch(/Warnings by rule\n {2}author-duplicate\s+1\n/);
    expect(result.stdout).toMatch(/papers\.json\s+[\d.]+ kB/);
    // One line per diagnostic: file:line:column (from the working directory), severity, rule id, reason.
    expect(result.stderr).toMatch(/^input\/2025\/03\/04\.md:\d+:\d+  warning  author-duplicate  Author listed more than once/m);
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

/** A project whose digests give `n` author-duplicate warnings (one per paper) and a long reason each. */
function manyWarnings(n: number): Record<string, string> {
  const long = Array.from({ length: 12 }, (_, i) => `Verylongfamilyname${i} Person`).join(', ');
  const text = digest('2025-03-03', n, 1).replace(/Authors: ([^\n]+)\n/g, `Authors: ${long}, $1, ${long}\n`);
  return { '2025/03/03.md': text, '2025/03/04.md': digest('2025-03-04', 1, 2).replace(/Authors: /, 'Authors: Sercan "O. Arik, ') };
}

describe('diagnostics people can live with', () => {
  it('prints at most 3 per rule and counts the rest, each line within the width', async () => {
    const p = await project(manyWarnings(8), `export default { site: { url: 'https://someone.github.io/papers/' } };\n`);
    const plain = await cli([], { cwd: p.dir });
    expect(plain.code).toBe(0);
    const lines = plain.stderr.trimEnd().split('\n');
    expect(lines.filter((l) => /  author-duplicate  /.test(l))).toHaveLength(3);
    expect(lines).toContain('… 5 more author-duplicate warnings (8 in all; every one is in report.json)');
    expect(lines.filter((l) => /  author-stray-quote  /.test(l))).toHaveLength(1);
    for (const line of lines) expect(columns(line)).toBeLessThanOrEqual(100);
    // Long messages wrap onto indented lines; none is cut.
    expect(lines.some((l) => /^ {4}\S/.test(l))).toBe(true);
    expect(lines.filter((l) => l.endsWith('…'))).toEqual([]);
    // Every one stays in report.json.
    const report = JSON.parse(await readFile(path.join(p.output, 'report.json'), 'utf8')) as RunReport;
    expect(report.diagnostics.filter((d) => d.ruleId === 'author-duplicate')).toHaveLength(8);
    // A terminal's own width.
    const narrow = await cli(['--quiet'], { cwd: p.dir, tty: true, columns: 60 });
    for (const line of narrow.stderr.trimEnd().split('\n')) expect(columns(line.replace(/\x1b\[\d+m/g, ''))).toBeLessThanOrEqual(60);
  });

  it('honours per-rule levels: off (silent, --strict passes), info, error (fatal)', async () => {
    const site = `site: { url: 'https://someone.github.io/papers/' }`;
    const off = await project(manyWarnings(4), `export default { ${site}, diagnostics: { 'author-duplicate': 'off', 'author-stray-quote': 'info' } };\n`);
    const strict = await cli(['--strict'], { cwd: off.dir });
    expect(strict.code, strict.stderr).toBe(0);
    expect(strict.stderr).not.toMatch(/author-duplicate/);
    expect(strict.stderr).toMatch(/  info  author-stray-quote  /);
    expect(strict.stdout).toMatch(/turned off by the config: 4 author-duplicate/);
    const report = JSON.parse(await readFile(path.join(off.output, 'report.json'), 'utf8')) as RunReport;
    expect(report.silencedByRule).toEqual({ 'author-duplicate': 4 });
    expect(report.counts).toMatchObject({ warnings: 0, info: 1, silenced: 4 });
    const error = await project(manyWarnings(1), `export default { ${site}, diagnostics: { 'author-stray-quote': 'error' } };\n`);
    const failed = await cli([], { cwd: error.dir });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/  error  author-stray-quote  /);
  });

  it('rejects an unknown rule id, a bad level or a rule of the run itself: exit 2 naming it', async () => {
    for (const [levels, message] of [
      [`{ 'author-dup': 'off' }`, /unknown rule id "author-dup" in "diagnostics": did you mean "author-duplicate"\? expected one of .*"author-duplicate"/],
      [`{ 'pipeline:authors:author-duplicate': 'off' }`, /unknown rule id "pipeline:authors:author-duplicate" in "diagnostics": did you mean "author-duplicate"\?/],
      [`{ 'nothing-like-it-at-all': 'off' }`, /unknown rule id "nothing-like-it-at-all" in "diagnostics": expected one of /],
      [`{ 'author-duplicate': 'loud' }`, /"diagnostics\.author-duplicate": expected one of "off", "info", "warning", "error", got "loud"/],
      [`{ 'step-failed': 'off' }`, /"diagnostics\.step-failed": expected a rule about the input: this one reports a failure of the run itself/],
    ] as const) {
      const p = await project(smallCorpus(), `export default { diagnostics: ${levels} };\n`);
      const result = await cli([], { cwd: p.dir });
      expect(result.code, levels).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });
});

describe('the site URL', () => {
  it('comes from --site-url, else PIPELINE_SITE_URL, else the config; a placeholder is a counted warning', async () => {
    const p = await project();
    const feedLink = async () => /<link>([^<]+)<\/link>/.exec(await readFile(path.join(p.output, 'feed.xml'), 'utf8'))?.[1];
    const placeholder = await cli(['--no-cache'], { cwd: p.dir });
    expect(placeholder.stderr).toMatch(/^\(config\)  warning  site-url-placeholder  site\.url is a placeholder\s+\(https:\/\/example\.github\.io/m);
    expect(placeholder.stdout).toMatch(/\n  site-url-placeholder\s+1/);
    const env = { PATH: process.env.PATH, PIPELINE_SITE_URL: 'https://from-env.github.io/papers' };
    const fromEnv = await cli(['--no-cache'], { cwd: p.dir, env });
    expect(fromEnv.code).toBe(0);
    expect(fromEnv.stderr).not.toMatch(/site-url-placeholder/);
    expect(await feedLink()).toBe('https://from-env.github.io/papers/');
    expect((await cli(['--no-cache', '--site-url', 'https://from-flag.github.io/p/'], { cwd: p.dir, env })).code).toBe(0);
    expect(await feedLink()).toBe('https://from-flag.github.io/p/');
    const bad = await cli(['--site-url', 'example.com'], { cwd: p.dir, env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^pipeline: --site-url: expected an absolute http:\/\/ or https:\/\/ URL.*got "example\.com"\n$/);
    const badEnv = await cli([], { cwd: p.dir, env: { PIPELINE_SITE_URL: 'ftp://x' } });
    expect(badEnv.stderr).toMatch(/^pipeline: PIPELINE_SITE_URL: expected/);
  });
});

describe('GitHub Actions', () => {
  it('turns diagnostics into annotations (10 per severity at most) and appends a step summary', async () => {
    const p = await project(manyWarnings(12));
    const summaryFile = path.join(p.dir, 'step-summary.md');
    await writeFile(summaryFile, '## Earlier step\n\n');
    const env = { PATH: process.env.PATH, CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: p.dir, GITHUB_STEP_SUMMARY: summaryFile };
    const result = await cli([], { cwd: p.dir, env });
    expect(result.code).toBe(0);
    const commands = result.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(commands).toHaveLength(10);
    // Paths relative to the repository; the rare rules are not hidden behind the frequent one.
    expect(commands).toContainEqual(expect.stringMatching(/^::warning file=input\/2025\/03\/03\.md,line=\d+,col=\d+,title=author-duplicate::Author listed more than once/));
    expect(commands).toContainEqual(expect.stringMatching(/^::warning file=input\/2025\/03\/04\.md,line=\d+,col=\d+,title=author-stray-quote::/));
    expect(commands).toContainEqual(expect.stringMatching(/^::warning title=site-url-placeholder::site\.url is a placeholder \(https:\/\/example\.github\.io\/daily-papers\/\): feed and page links point there/));
    expect(commands.filter((c) => c.includes('title=author-duplicate'))).toHaveLength(8);
    expect(result.stdout).toMatch(/^4 more warnings not shown as annotations \(GitHub shows 10 of each kind\); every diagnostic is in report\.json$/m);
    // No terminal listing besides.
    expect(result.stderr).not.toMatch(/  warning  /);

    const summary = await readFile(summaryFile, 'utf8');
    expect(summary.startsWith('## Earlier step\n\n### Daily Papers pipeline: published\n')).toBe(true);
    expect(summary).toMatch(/\| Digests \| Papers \| Authors \| Errors \| Warnings \| Notes \| Turned off \|\n.*\n\| 2 \| 13 \| \d+ \| 0 \| 14 \| 0 \| 0 \|/);
    expect(summary).toMatch(/\| `author-duplicate` \| 12 \|/);
    expect(summary).toMatch(/\| `site-url-placeholder` \| 1 \|/);
    expect(summary).toMatch(/\| \[feed\.xml\]\(https:\/\/example\.github\.io\/daily-papers\/feed\.xml\) \| [\d.]+ kB \|/);
    expect(summary).toMatch(/\| papers\.json \| [\d.]+ kB \|/);
    expect(summary).toMatch(/#### Timings\n\n\| Step \| Time \| Counts \|\n.*\n\| discover \| \d+ ms \| 2 files \|/);
    expect(summary).toMatch(/parse cache: 0 hits, 2 misses, 0 pruned; exit code 0\./);
  });

  it('reports a failed run as errors, an input outside the repository with absolute paths, and rules turned off', async () => {
    const p = await project(smallCorpus(), `export default { site: { url: 'https://someone.github.io/papers/' }, diagnostics: { 'author-duplicate': 'off' } };\n`);
    await writeFile(path.join(p.input, 'broken.md'), new Uint8Array([0, 1, 2]));
    const summaryFile = path.join(p.dir, 'step-summary.md');
    const env = { PATH: process.env.PATH, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: tmpdir() + '/elsewhere', GITHUB_STEP_SUMMARY: summaryFile };
    const result = await cli(['--quiet'], { cwd: p.dir, env });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`::error file=${path.join(p.input, 'broken.md')},line=1,col=1,title=encoding::`);
    const summary = await readFile(summaryFile, 'utf8');
    expect(summary).toMatch(/^### Daily Papers pipeline: failed, nothing published\n\n- 1 fatal diagnostic\(s\)\n/);
    expect(summary).toMatch(/#### Artifacts \(not published\)/);
    expect(summary).toMatch(/\| `author-duplicate` \| 1 \| turned off in the config \|/);
    expect(result.stdout).not.toMatch(/author-duplicate/);
  });
});
