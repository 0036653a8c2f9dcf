/** `npm run search`: usage errors (one line, exit 2), --help, and a query over a built index. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, USAGE } from '../../../pipeline/commands/search.ts';
import { loadConfig } from '../../../pipeline/config/load.ts';
import { runPipeline } from '../../../pipeline/run.ts';
import { Capture, captureLogger, digest, makeProject, smallCorpus, type Project } from '../../helpers/ops.ts';

function search(argv: string[]) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = main(argv, { stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

let p: Project;
beforeAll(async () => {
  p = await makeProject(smallCorpus());
  const result = await runPipeline({ config: await loadConfig({ cwd: p.dir }), workers: 0, logger: captureLogger().logger });
  expect(result.exitCode).toBe(0);
});
afterAll(() => p.cleanup());

describe('npm run search', () => {
  it('prints its usage on --help: exit 0', () => {
    expect(search(['--help'])).toEqual({ code: 0, stdout: USAGE, stderr: '' });
    for (const flag of ['--output DIR', '--limit N', '--from YYYY-MM-DD', '--to YYYY-MM-DD', '--min-votes N', '--author NAME', '--all', '--json']) {
      expect(USAGE).toContain(flag);
    }
  });

  it('rejects what it cannot mean with one line and exit 2, before reading any index', () => {
    for (const [argv, reason] of [
      [['x', '--from', '2025-13-45'], /^search: --from: expected a calendar date YYYY-MM-DD, got "2025-13-45" \(see --help\)\n$/],
      [['x', '--to', '2025-02-30'], /--to: expected a calendar date/],
      [['x', '--from', '2025-03-05', '--to', '2025-03-01'], /--from 2025-03-05 is after --to 2025-03-01/],
      [['x', '--limit', '0'], /--limit: expected a whole number of at least 1, got "0"/],
      [['x', '--min-votes', 'many'], /--min-votes: expected a whole number of at least 0, got "many"/],
      [['x', '--colour'], /^search: Unknown option '--colour' \(see --help\)\n$/],
      [[], /expected a query, or a filter/],
    ] as const) {
      const result = search([...argv, '--output', '/nonexistent']);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toMatch(reason);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('answers a query within valid filters, and exits 1 without an index', () => {
    const hit = search(['diffusion', '--from', '2025-03-01', '--to', '2025-03-31', '--output', p.output]);
    expect(hit.code).toBe(0);
    expect(hit.stdout).toMatch(/^1\. Diffusion Models at Scale/m);
    expect(search(['diffusion', '--from', '2026-01-01', '--output', p.output]).stdout).toBe('no results for "diffusion"\n');
    const none = search(['x', '--output', '/nonexistent']);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/search-index\.json not found; build it with `npm run pipeline`/);
  });
});

describe('npm run search --author', () => {
  let q: Project;
  beforeAll(async () => {
    // Three papers by one person, spelled two ways ("Ying-Cong Chen" twice, "Yingcong Chen" once).
    const one = digest('2025-04-01', 3, 7);
    const spelled = one
      .replace(/Authors: ([^\n]+)\n/, 'Authors: Ying-Cong Chen, $1\n')
      .replace(/(### [^]*?Authors: )([^\n]+)\n([^]*?Authors: )([^\n]+)\n/, '$1$2\n$3Ying-Cong Chen, $4\n');
    const other = digest('2025-04-02', 1, 9).replace(/Authors: ([^\n]+)\n/, 'Authors: Yingcong Chen, $1\n');
    q = await makeProject({ '2025/04/01.md': spelled, '2025/04/02.md': other });
    const result = await runPipeline({ config: await loadConfig({ cwd: q.dir }), workers: 0, logger: captureLogger().logger });
    expect(result.exitCode).toBe(0);
  });
  afterAll(() => q.cleanup());

  const ids = (argv: string[]) => (JSON.parse(search([...argv, '--json', '--output', q.output]).stdout) as { id: string }[]).map((h) => h.id).sort();

  it('finds every paper of an author under any spelling or the key', () => {
    const byKey = ids(['--author', 'yingcong chen']);
    expect(byKey).toHaveLength(3);
    expect(ids(['--author', 'Ying-Cong Chen'])).toEqual(byKey);
    expect(ids(['--author', 'Yingcong Chen'])).toEqual(byKey);
    expect(ids(['--author', 'ying cong chen'])).toEqual(byKey);
  });

  it('names an author that names nobody: one line, exit 1', () => {
    const none = search(['--author', 'Nobody Atall', '--output', q.output]);
    expect(none).toEqual({ code: 1, stdout: '', stderr: expect.stringMatching(/^search: no author named "Nobody Atall" in .*authors\.json\n$/) });
  });
});
