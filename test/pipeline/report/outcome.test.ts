/** Where a run's diagnostics say their files are: from the shell the command was typed in. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shownInputDir } from '../../../pipeline/report/outcome.ts';

describe('shownInputDir', () => {
  const root = path.resolve('/work/project');
  it('is relative to where the command was typed, one folder up at most', () => {
    expect(shownInputDir(path.join(root, 'input'), root)).toBe('input');
    expect(shownInputDir(path.join(root, 'input'), path.join(root, 'input', '2025'))).toBe('..');
    expect(shownInputDir(path.resolve('/work/archive'), root)).toBe(path.join('..', 'archive'));
    expect(shownInputDir(root, root)).toBe('');
  });
  it('is absolute when the relative path would climb two folders or more', () => {
    expect(shownInputDir(path.resolve('/data/corpus'), path.join(root, 'a'))).toBe(path.resolve('/data/corpus'));
  });
});
