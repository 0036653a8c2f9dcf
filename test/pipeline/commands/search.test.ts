/** `npm run search`: usage errors (one line, exit 2), --help, and a query over a built index. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, USAGE } from '../../../pipeline/commands/search.ts';
import { loadConfig } from '../../../pipeline/config/load.ts';
import { runPipeline } from '../../../pipeline/run.ts';
import { Capture, captureLogger, makeProject, smallCorpus, type Project } from '../../helpers/ops.ts';

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
    for (const flag of ['--output DIR', '--limit N', '--from YYYY-MM-DD', '--to YYYY-MM-DD', '--min-votes N', '--author KEY', '--all', '--json']) {
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
      [['x', '--colour'], /^search: Unknown option '--colour'/],
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
