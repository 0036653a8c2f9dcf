/** The verdict: exit code and problems from the diagnostics, --strict and --allow-empty. */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { judge } from '../../../pipeline/report/verdict.ts';
import { fatal } from '../../../src/message.ts';

const OPTIONS = { strict: false, allowEmpty: false, inputDir: '/in', outputDir: '/out' };

function files(kind: 'clean' | 'warning' | 'fatal'): VFile[] {
  const file = new VFile({ path: 'a.md' });
  file.info('a note', { ruleId: 'note', source: 'pipeline:test' });
  if (kind === 'warning') file.message('odd', { ruleId: 'odd', source: 'pipeline:test' });
  if (kind === 'fatal') fatal(file, 'broken', { ruleId: 'broken', source: 'pipeline:test' });
  return [file];
}

describe('judge', () => {
  it('publishes a run with papers and warnings, counting diagnostics by severity', () => {
    const verdict = judge(files('warning'), { papers: 3 }, 5, OPTIONS);
    expect(verdict.exitCode).toBe(0);
    expect(verdict.problems).toEqual([]);
    expect(verdict.counts).toEqual({ papers: 3, fatal: 0, warnings: 1, info: 1, artifacts: 5 });
    expect(Object.keys(verdict.messages)).toEqual(['a.md']);
    expect(verdict.diagnostics.map((d) => d.severity)).toEqual(['info', 'warning']);
  });

  it('fails on a fatal diagnostic, on a warning under --strict, and on no papers unless --allow-empty', () => {
    expect(judge(files('fatal'), { papers: 3 }, 0, OPTIONS).problems).toEqual(['1 fatal diagnostic(s)', 'nothing published: /out is unchanged']);
    expect(judge(files('warning'), { papers: 3 }, 0, { ...OPTIONS, strict: true }).problems[0]).toBe('1 warning(s) under --strict');
    const empty = judge(files('clean'), {}, 0, OPTIONS);
    expect(empty.exitCode).toBe(1);
    expect(empty.problems[0]).toMatch(/^no papers found in \/in/);
    expect(judge(files('clean'), {}, 0, { ...OPTIONS, allowEmpty: true }).exitCode).toBe(0);
    // A fatal run does not also complain about the missing papers.
    expect(judge(files('fatal'), {}, 0, OPTIONS).problems).toHaveLength(2);
  });
});
