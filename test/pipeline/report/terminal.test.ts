/** Diagnostics for a terminal: a few per rule, one line each, within the width. */
import { describe, expect, it } from 'vitest';
import type { ReportDiagnostic } from '../../../pipeline/report/diagnostics.ts';
import { diagnosticLines, fit } from '../../../pipeline/report/terminal.ts';

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

  it('cuts long reasons to the width with an ellipsis and puts one line per message', () => {
    const reason = `Author listed more than once:\n${'`Someone Long`, '.repeat(30)}kept once`;
    const [line] = diagnosticLines([diagnostic('author-duplicate', 1, reason)], { width: 80 });
    expect([...line!]).toHaveLength(80);
    expect(line).toMatch(/^2025\/01\/02\.md:1:1  warning  author-duplicate  Author listed more than once: /);
    expect(line!.endsWith('…')).toBe(true);
  });

  it('colours only the severity, leaving the width to the text', () => {
    const [line] = diagnosticLines([diagnostic('author-duplicate', 1, 'x'.repeat(200))], { width: 60, color: true });
    expect(line).toContain('\x1b[33mwarning\x1b[39m');
    expect([...line!.replace(/\x1b\[\d+m/g, '')]).toHaveLength(60);
  });
});

describe('fit', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(fit('한국어 요약', 10)).toBe('한국어 요약');
    expect(fit('😀😀😀😀', 3)).toBe('😀😀…');
  });
});
