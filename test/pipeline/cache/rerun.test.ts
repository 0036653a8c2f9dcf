/**
 * The no-change rerun (pipeline/cache/rerun.ts): after a published run, a rerun of the same
 * command prints and writes what the CLI's fast path does (terminal, --quiet, --json, GitHub
 * Actions), and every kind of change falls through to the CLI (null, nothing printed): an input
 * edited, added, removed or touched, the config or a file it imports, the build, output/ (an
 * artifact deleted or edited, report.json edited), the manifest, other flags, a config that
 * reads the environment, a lock.
 */
import { mkdir, readFile, rm, unlink, utimes, writeFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryRerun } from '../../../pipeline/cache/rerun.ts';
import { main } from '../../../pipeline/cli.ts';
import type { RunReport } from '../../../pipeline/report/report.ts';
import { Capture, ROOT, useProjects, writeFiles, type Project } from '../../helpers/ops.ts';

const project = useProjects();

interface Io {
  argv?: string[];
  env?: NodeJS.ProcessEnv;
}

function io(p: Project, options: Io = {}) {
  return {
    argv: options.argv ?? [],
    env: options.env ?? { PATH: process.env.PATH },
    cwd: p.dir,
    stdout: new Capture(),
    stderr: new Capture(),
  };
}

/** The CLI (never the no-change rerun): exit code and what it printed. */
async function cli(p: Project, options: Io = {}) {
  const streams = io(p, options);
  const code = await main(streams);
  return { code, stdout: streams.stdout.text, stderr: streams.stderr.text };
}

/** The no-change rerun: its exit code (null: the CLI must run) and what it printed. */
async function rerun(p: Project, options: Io = {}, root?: string) {
  const streams = io(p, options);
  const code = await tryRerun(streams, root);
  return { code, stdout: streams.stdout.text, stderr: streams.stderr.text };
}

const OLD = new Date(Date.now() - 60_000);

/** Every file and folder under `dir` a minute old: times a run may trust (2 s before it started). */
async function age(dir: string, when: Date = OLD): Promise<void> {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    await utimes(path.join(entry.parentPath, entry.name), when, when);
  }
  await utimes(dir, when, when);
}

/** Times and sizes in printed text made comparable. */
function timeless(text: string): string {
  return text.replace(/ *\d+(\.\d+)? (ms|s)\b/g, ' T');
}

/** A report without what differs between two runs of one state: times, memory. */
function comparable(report: RunReport): unknown {
  return {
    ...report,
    startedAt: null,
    finishedAt: null,
    durationMs: null,
    steps: report.steps.map((s) => ({ name: s.name, counts: s.counts })),
  };
}

async function readReport(p: Project): Promise<RunReport> {
  return JSON.parse(await readFile(path.join(p.output, 'report.json'), 'utf8')) as RunReport;
}

/** A project published once by the CLI, its inputs old enough to be trusted by their times. */
async function published(files?: Record<string, string>, config?: string): Promise<Project> {
  const p = await project(files, config);
  await age(p.input);
  const first = await cli(p);
  expect(first.code, first.stderr).toBe(0);
  return p;
}

describe('a rerun with nothing changed', () => {
  it('prints and writes what the CLI fast path does, in every output mode', async () => {
    const p = await published();
    for (const options of [{}, { argv: ['--quiet'] }, { argv: ['--json'] }, { env: { PATH: process.env.PATH, CI: 'true' } }]) {
      const lean = await rerun(p, options);
      expect(lean.code, JSON.stringify(options)).toBe(0);
      const leanReport = await readReport(p);
      expect(await readFile(path.join(p.cache, 'last-report.json'), 'utf8')).toBe(await readFile(path.join(p.output, 'report.json'), 'utf8'));
      const full = await cli(p, options);
      const fullReport = await readReport(p);
      expect(fullReport.fastPath).toBe(true);
      expect(comparable(leanReport)).toEqual(comparable(fullReport));
      expect(leanReport.steps.map((s) => s.name)).toEqual(['discover', 'read', 'reuse']);
      expect(timeless(lean.stderr)).toBe(timeless(full.stderr));
      if (options.argv?.[0] === '--json') {
        const printed = JSON.parse(lean.stdout) as RunReport;
        expect(comparable(printed)).toEqual(comparable(JSON.parse(full.stdout) as RunReport));
        expect(printed.steps.map((s) => s.name)).toEqual(['discover', 'read', 'reuse', 'publish']);
      } else expect(timeless(lean.stdout)).toBe(timeless(full.stdout));
    }
    const plain = await rerun(p);
    expect(plain.stdout).toMatch(/^discover .*\nread .*\nreuse .*\npublish .*1 artifact \(report\.json\)\n/);
    expect(plain.stdout).toContain('nothing changed: reused the published output');
    expect(plain.stderr).toContain('site-url-placeholder');
  });

  it('under GitHub Actions: the same annotations and job summary as the CLI', async () => {
    const p = await published();
    const summaries = path.join(p.dir, 'summary.md');
    const env = { PATH: process.env.PATH, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summaries, GITHUB_WORKSPACE: p.dir };
    const lean = await rerun(p, { env });
    expect(lean.code).toBe(0);
    const leanSummary = await readFile(summaries, 'utf8');
    await rm(summaries);
    const full = await cli(p, { env });
    expect(lean.stdout).toContain('::warning file=input/');
    expect(timeless(lean.stdout)).toBe(timeless(full.stdout));
    expect(timeless(leanSummary)).toBe(timeless(await readFile(summaries, 'utf8')));
    expect(leanSummary).toContain('nothing changed');
  });

  it('works without a config file and with a static TypeScript config; not with one that reads the environment', async () => {
    const config = `import { defineConfig } from ${JSON.stringify(path.join(ROOT, 'src/config.ts'))};\nexport default defineConfig({ site: { url: 'https://a.example/papers/' } });\n`;
    const withConfig = await published(undefined, config);
    expect((await rerun(withConfig)).code).toBe(0);
    expect((await readReport(withConfig)).fastPath).toBe(true);
    const dynamic = await published(undefined, "export default { site: { url: process.env.SITE_URL ?? 'https://a.example/' } };\n");
    expect((await rerun(dynamic)).code).toBeNull();
    expect((await cli(dynamic)).code).toBe(0); // the CLI's own fast path still applies
    expect((await readReport(dynamic)).fastPath).toBe(true);
  });
});

describe('any change falls through to the CLI', () => {
  /** Asserts that the rerun stands now, that `change` makes it fall through, and that the CLI then records the new state. */
  async function fallsThrough(p: Project, change: () => Promise<void>, options: Io = {}): Promise<void> {
    expect((await rerun(p, options)).code).toBe(0);
    await change();
    const lean = await rerun(p, options);
    expect(lean).toEqual({ code: null, stdout: '', stderr: '' });
  }

  it('an input edited, added, removed or touched (the CLI then reuses it by content)', async () => {
    const p = await published();
    const file = path.join(p.input, '2025/03/05.md');
    const text = await readFile(file, 'utf8');
    await fallsThrough(p, () => writeFile(file, text.replace('2025', '2025 ')));
    expect((await cli(p)).code).toBe(0);
    await age(p.input);
    expect((await cli(p)).code).toBe(0); // records the new times
    await fallsThrough(p, () => writeFiles(p.input, { '2025/03/07.md': text.replaceAll('2025-03-05', '2025-03-07') }));
    expect((await cli(p)).code).toBe(0);
    await age(p.input);
    expect((await cli(p)).code).toBe(0);
    await fallsThrough(p, () => unlink(path.join(p.input, '2025/03/07.md')));
    expect((await cli(p)).code).toBe(0);
    await age(p.input);
    expect((await cli(p)).code).toBe(0);
    // Touched, same content: the CLI's fast path reads and hashes it, and records its time again.
    await fallsThrough(p, () => utimes(file, new Date(Date.now() - 30_000), new Date(Date.now() - 30_000)));
    const touched = await cli(p);
    expect(touched.code).toBe(0);
    expect((await readReport(p)).fastPath).toBe(true);
    expect((await rerun(p)).code).toBe(0);
  });

  it('the config, or a file it imports', async () => {
    const config = `import { defineConfig } from ${JSON.stringify(path.join(ROOT, 'src/config.ts'))};\nimport { site } from './parts/site.ts';\nexport default defineConfig({ site });\n`;
    const p = await project(undefined, config);
    await writeFiles(p.dir, { 'parts/site.ts': "export const site = { url: 'https://a.example/one/' };\n" });
    await age(p.input);
    expect((await cli(p)).code).toBe(0);
    await fallsThrough(p, () => writeFile(path.join(p.dir, 'parts/site.ts'), "export const site = { url: 'https://a.example/two/' };\n"));
    expect((await cli(p)).code).toBe(0);
    await fallsThrough(p, () => writeFile(path.join(p.dir, 'pipeline.config.ts'), `${config}// edited\n`));
    expect((await cli(p)).code).toBe(0);
    await fallsThrough(p, () => rm(path.join(p.dir, 'pipeline.config.ts'))); // now no config file: another command
  });

  it('the build (another build stamp)', async () => {
    const p = await published();
    const other = path.join(p.dir, 'other-root');
    await writeFiles(other, { 'dist/build-stamp.json': '{"signatures":{}}\n', 'package.json': await readFile(path.join(ROOT, 'package.json'), 'utf8') });
    expect((await rerun(p)).code).toBe(0);
    expect((await rerun(p, {}, other)).code).toBeNull();
  });

  it('output/: an artifact deleted or edited, report.json edited', async () => {
    const p = await published();
    await fallsThrough(p, () => rm(path.join(p.output, 'feed.xml')));
    expect((await cli(p)).code).toBe(0);
    expect((await readReport(p)).fastPath).toBe(false); // rebuilt
    await fallsThrough(p, async () => {
      const file = path.join(p.output, 'papers.json');
      await writeFile(file, (await readFile(file, 'utf8')).replace('"', "'"));
    });
    expect((await cli(p)).code).toBe(0);
    await fallsThrough(p, async () => {
      const file = path.join(p.output, 'report.json');
      await writeFile(file, (await readFile(file, 'utf8')).replace('"fastPath": true', '"fastPath": false'));
    });
  });

  it('the manifest (a --no-cache run), other flags, a lock, and flags the rerun never handles', async () => {
    const p = await published();
    await fallsThrough(p, async () => {
      expect((await cli(p, { argv: ['--no-cache'] })).code).toBe(0);
    });
    expect((await cli(p)).code).toBe(0);
    for (const argv of [['--strict'], ['--output', path.join(tmpdir(), 'elsewhere-never-written')], ['--site-url', 'https://b.example/'], ['--no-cache'], ['--version'], ['--help'], ['--bogus']]) {
      expect(await rerun(p, { argv }), argv.join(' ')).toEqual({ code: null, stdout: '', stderr: '' });
    }
    expect((await rerun(p, { env: { PATH: process.env.PATH, PIPELINE_SITE_URL: 'https://c.example/' } })).code).toBeNull();
    // A previous output a detached process is still removing does not stop it; a staging folder does.
    await mkdir(path.join(p.dir, '.output.trash-999999'), { recursive: true });
    expect((await rerun(p)).code).toBe(0);
    await fallsThrough(p, () => mkdir(path.join(p.dir, '.output.staging-999999')));
    expect((await cli(p)).code).toBe(0);
    await fallsThrough(p, async () => {
      await mkdir(p.dir, { recursive: true });
      await writeFile(path.join(p.dir, '.output.lock'), `${JSON.stringify({ pid: process.pid, host: 'h', started: '' })}\n`);
    });
  });
});
