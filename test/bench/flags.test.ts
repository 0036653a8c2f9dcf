/**
 * The bench and eval commands' flags (test/bench/flags.ts): `--help` prints the usage with
 * every flag, an unknown flag or a missing corpus is one line `<command>: <reason>`, exit 2.
 * The commands run as processes (they read process.argv and exit).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, TSX } from '../helpers/ops.ts';

function run(script: string, args: string[]) {
  const r = spawnSync(process.execPath, ['--import', TSX, path.join(ROOT, script), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const COMMANDS = [
  ['bench', 'test/bench/bench.ts', ['--corpus DIR', '--runs N', '--scale N', '--skip-1x', '--skip-scale']],
  ['bench:page', 'test/bench/page-bench.ts', ['--site DIR', '--runs N', '--skip-cold', '--json FILE']],
  ['bench:search', 'test/bench/search-bench.ts', ['--corpus DIR', '--runs N']],
  ['eval:search', 'test/eval/run-eval.ts', ['--corpus DIR', '--output DIR', '--json FILE', '--no-pagefind', '--compare']],
] as const;

describe('bench and eval commands', () => {
  for (const [command, script, flags] of COMMANDS) {
    it(`${command}: --help prints the usage (exit 0); an unknown flag is one line, exit 2`, () => {
      const help = run(script, ['--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: npm run ${command} -- `));
      for (const flag of [...flags, '--help']) expect(help.stdout).toContain(flag);
      const bad = run(script, ['--colour']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(new RegExp(`^${command}: Unknown option '--colour'.* \\(see --help\\)\\n$`));
    });
  }

  it('bench:search and eval:search take the corpus from --corpus DIR: a missing one is an error, exit 2', () => {
    for (const [command, script] of [COMMANDS[2], COMMANDS[3]]) {
      const missing = run(script, ['--corpus', '/nonexistent/corpus']);
      expect(missing.code, command).toBe(2);
      expect(missing.stderr).toMatch(new RegExp(`^${command}: corpus /nonexistent/corpus not found\\n$`));
    }
  });
});
