/** `npm run synth`: its help says what it does and lists its flags; usage errors are one line, exit 2. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../../../pipeline/commands/synth.ts';
import { ROOT, TSX } from '../../helpers/ops.ts';

function synth(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', TSX, path.join(ROOT, 'pipeline/commands/synth.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run synth', () => {
  it('prints a description and every flag on --help: exit 0', () => {
    expect(synth(['--help'])).toEqual({ code: 0, stdout: USAGE, stderr: '' });
    expect(USAGE).toMatch(/synthetic corpus N times the size/);
    for (const flag of ['--out DIR', '--scale N', '--from DIR', '--help']) expect(USAGE).toContain(flag);
  });

  it('rejects a missing --out, a bad --scale and an unknown flag with one line, exit 2', () => {
    for (const [args, reason] of [
      [[], /^synth: --out DIR is required \(see --help\)\n$/],
      [['--out', '/tmp/unused', '--scale', 'ten'], /^synth: --scale: expected a whole number of at least 1, got "ten" \(see --help\)\n$/],
      [['--colour'], /^synth: Unknown option '--colour'.* \(see --help\)\n$/],
    ] as const) {
      const result = synth([...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(reason);
    }
  });
});
