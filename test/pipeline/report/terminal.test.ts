/** Diagnostics for a terminal: a few per rule, one line each, within the width. */
import { describe, expect, it } from 'vitest';
import type { ReportDiagnostic } from '../../../pipeline/report/diagnostics.ts';
import { columns, diagnosticLines, fit, wrap } from '../../../pipeline/report/terminal.ts';

function diagnostic(ruleId: string, line: number, reason: string, severity: ReportDiagnostic['severity'] = 'warning'): ReportDiagnostic {
  return { file: '2025/01/02.md', line, column: 1, endLine: null, endColumn: null, rule: `pipeline:authors:${ruleId}`, ruleId, source: 'pipeline:authors', severity, reason };
}

describe('diagnosticLines', () => {
  it('shows the first 3 of each rule in order, then counts the rest of each rule', () => {
    const list = [
      ...[1, 2, 3, 4, 5].map((n) => diagnostic('author-duplicate', n * 10, `dup ${n}`)),
      diagnostic('encoding', 1, 'binary', 'fatal'),
      diagnostic('empty-digest', 3, 'nothing', 'info'),
    ];
    expect(diagnosticLines(list)).toEqual([
      '2025/01/02.md:10:1  warning  author-duplicate  dup 1',
      '2025/01/02.md:20:1  warning  author-duplicate  dup 2',
      '2025/01/02.md:30:1  warning  author-duplicate  dup 3',
      '2025/01/02.md:1:1  error  encoding  binary',
      '2025/01/02.md:3:1  info  empty-digest  nothing',
      '… 2 more author-duplicate warnings (5 in all; every one is in report.json)',
    ]);
    expect(diagnosticLines(list, { perRule: 1 })).toHaveLength(4);
  });

  it("shows input paths as pathOf says (from the shell's folder), and (config) as it is", () => {
    const config = { ...diagnostic('site-url-placeholder', 1, 'placeholder'), file: '(config)' };
    const list = [diagnostic('author-duplicate', 10, 'dup'), config];
    expect(diagnosticLines(list, { pathOf: (f) => `../archive/${f}` })).toEqual([
      '../archive/2025/01/02.md:10:1  warning  author-duplicate  dup',
      '(config)  warning  site-url-placeholder  placeholder',
    ]);
    expect(diagnosticLines(list)[0]).toBe('2025/01/02.md:10:1  warning  author-duplicate  dup');
  });

  it('wraps a long reason at its words onto indented lines within the width, losing no word', () => {
    const reason = `Author listed more than once for this paper:\n${'`Someone Long`, '.repeat(12)}kept once`;
    const lines = diagnosticLines([diagnostic('author-duplicate', 1, reason)], { width: 80 });
    expect(lines.length).toBeGreaterThan(2);
    expect(lines[0]).toMatch(/^2025\/01\/02\.md:1:1  warning  author-duplicate  Author listed more than once for/);
    for (const line of lines) expect(columns(line)).toBeLessThanOrEqual(80);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {4}\S/);
    expect(lines.map((l) => l.trim()).join(' ')).toBe(`2025/01/02.md:1:1  warning  author-duplicate  ${reason.replace(/\s+/g, ' ')}`);
    expect(lines.join('')).not.toContain('…');
  });

  it('counts Hangul as two columns', () => {
    const lines = diagnosticLines([diagnostic('author-duplicate', 1, '저자가 두 번 나옵니다 '.repeat(10))], { width: 60 });
    for (const line of lines) expect(columns(line)).toBeLessThanOrEqual(60);
  });

  it('shows a problem of the config on the config file when there is one, else as (config), without a place', () => {
    const d = { ...diagnostic('site-url-placeholder', 1, 'site.url is a placeholder'), file: '(config)' };
    expect(diagnosticLines([d])).toEqual(['(config)  warning  site-url-placeholder  site.url is a placeholder']);
    expect(diagnosticLines([d], { configFile: 'pipeline.config.ts' })).toEqual(['pipeline.config.ts  warning  site-url-placeholder  site.url is a placeholder']);
  });

  it('colours only the severity, leaving the width to the text', () => {
    const [line] = diagnosticLines([diagnostic('author-duplicate', 1, 'x '.repeat(100))], { width: 60, color: true });
    expect(line).toContain('\x1b[33mwarning\x1b[39m');
    expect([...line!.replace(/\x1b\[\d+m/g, '')]).toHaveLength(59);
  });
});

describe('fit', () => {
  it('counts terminal columns: Hangul and emoji take two', () => {
    expect([columns('abc'), columns('한국어 요약'), columns('😀'), columns('é'), columns('e\u0301'), columns('…')]).toEqual([3, 11, 2, 1, 1, 1]);
    expect(fit('한국어 요약', 11)).toBe('한국어 요약');
    expect(fit('한국어 요약', 10)).toBe('한국어 요…');
    expect(fit('😀😀😀😀', 5)).toBe('😀😀…');
  });
});

describe('wrap', () => {
  it('breaks at spaces, keeps the lead whole, and cuts only a word wider than a line', () => {
    expect(wrap('aa bb cc dd ee', 7)).toEqual(['aa bb', '    cc', '    dd', '    ee']);
    expect(wrap('aa bb cc dd', 9)).toEqual(['aa bb cc', '    dd']);
    expect(wrap('one two', 20, { lead: 'where  ' })).toEqual(['where  one two']);
    expect(wrap('x'.repeat(30), 10)).toEqual(['xxxxxxxxx…']);
    expect(wrap('ab ' + 'x'.repeat(30), 10, { indent: '  ' })).toEqual(['ab', '  xxxxxxx…']);
    expect(wrap('', 10, { lead: 'index  ' })).toEqual(['index']);
  });

  it('keeps a number with the word after it', () => {
    expect(wrap('1 dataset saved, 2 feed archives saved', 22)).toEqual(['1 dataset saved,', '    2 feed archives', '    saved']);
    expect(wrap('waited 1,204 ms', 12)).toEqual(['waited', '    1,204 ms']);
    expect(wrap('a 12', 10)).toEqual(['a 12']);
  });
});
