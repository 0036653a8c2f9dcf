/** GitHub Actions workflow commands: escaping, paths, the cap per severity. (The whole run: test/pipeline/cli.test.ts.) */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportDiagnostic } from '../../../pipeline/report/diagnostics.ts';
import { annotation, annotationLines, annotationPath, inGitHubActions } from '../../../pipeline/report/github.ts';

function diagnostic(ruleId: string, severity: ReportDiagnostic['severity'], reason = 'r', file = 'a.md'): ReportDiagnostic {
  return { file, line: 3, column: 5, endLine: null, endColumn: null, rule: `digest:${ruleId}`, ruleId, source: 'digest', severity, reason };
}

describe('annotations', () => {
  it('escapes the message and the properties as GitHub reads them', () => {
    const d = { ...diagnostic('vote-invalid', 'warning', '100% wrong:\nline two'), endLine: 3, endColumn: 9 };
    expect(annotation(d, 'input/a,b:c.md')).toBe('::warning file=input/a%2Cb%3Ac.md,line=3,col=5,endLine=3,endColumn=9,title=vote-invalid::100%25 wrong:%0Aline two');
    expect(annotation(diagnostic('encoding', 'fatal'), null)).toBe('::error title=encoding::r');
    expect(annotation(diagnostic('empty-digest', 'info'), 'a.md')).toMatch(/^::notice file=a\.md,/);
  });

  it('gives paths relative to the workspace when inside it, else absolute; none for the pipeline itself', () => {
    const ws = path.resolve('/repo');
    expect(annotationPath('2025/01/02.md', path.join(ws, 'archive/paper_logs'), ws)).toBe('archive/paper_logs/2025/01/02.md');
    expect(annotationPath('2025/01/02.md', path.resolve('/elsewhere/in'), ws)).toBe(path.resolve('/elsewhere/in/2025/01/02.md'));
    expect(annotationPath('2025/01/02.md', path.resolve('/elsewhere/in'), undefined)).toBe(path.resolve('/elsewhere/in/2025/01/02.md'));
    expect(annotationPath('(pipeline)', ws, ws)).toBeNull();
  });

  it('puts a problem of the config on the config file, without a place; on nothing without one', () => {
    const ws = path.resolve('/repo');
    const config = { ...diagnostic('site-url-placeholder', 'warning'), file: '(config)' };
    const [line] = annotationLines([config], { inputDir: path.join(ws, 'input'), workspace: ws, configFile: path.join(ws, 'site/pipeline.config.ts') });
    expect(line).toBe('::warning file=site/pipeline.config.ts,title=site-url-placeholder::r');
    expect(annotationLines([config], { inputDir: path.join(ws, 'input'), workspace: ws, configFile: null })).toEqual(['::warning title=site-url-placeholder::r']);
  });

  it('emits at most 10 per severity, taking rules in turn, and counts the rest in one line', () => {
    const list = [
      ...Array.from({ length: 14 }, () => diagnostic('author-duplicate', 'warning')),
      diagnostic('author-stray-quote', 'warning'),
      ...Array.from({ length: 11 }, () => diagnostic('encoding', 'fatal')),
      diagnostic('empty-digest', 'info'),
    ];
    const lines = annotationLines(list, { inputDir: '/repo/input', workspace: '/repo' });
    expect(lines.filter((l) => l.startsWith('::warning'))).toHaveLength(10);
    expect(lines.filter((l) => l.startsWith('::error'))).toHaveLength(10);
    expect(lines.filter((l) => l.startsWith('::notice'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('title=author-stray-quote'))).toHaveLength(1);
    expect(lines.at(-1)).toBe('1 more error, 5 more warnings not shown as annotations (GitHub shows 10 of each kind); every diagnostic is in report.json');
    expect(annotationLines(list.slice(0, 3), { inputDir: '/repo/input' })).toHaveLength(3);
  });

  it('is on only under GITHUB_ACTIONS=true', () => {
    expect(inGitHubActions({ GITHUB_ACTIONS: 'true' })).toBe(true);
    expect(inGitHubActions({ CI: 'true' })).toBe(false);
  });
});
