/** Where a run's diagnostics say their files are: from the shell the command was typed in. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shownPath } from '../../../pipeline/report/outcome.ts';

describe('shownPath', () => {
  const root = path.resolve('/work/project');
  const file = path.join(root, 'input', '2025', '01', '16.md');
  it('is relative to where the command was typed, one folder up at most', () => {
    expect(shownPath(file, root)).toBe(path.join('input', '2025', '01', '16.md'));
    expect(shownPath(file, path.join(root, 'input', '2025'))).toBe(path.join('01', '16.md'));
    expect(shownPath(file, path.join(root, 'docs'))).toBe(path.join('..', 'input', '2025', '01', '16.md'));
  });
  it('is absolute when the relative path would climb two folders or more', () => {
    expect(shownPath(path.resolve('/data/corpus/2025/01/16.md'), path.join(root, 'a'))).toBe(path.resolve('/data/corpus/2025/01/16.md'));
  });
});
