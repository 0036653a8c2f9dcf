/**
 * docs/layout.md names every source file under pipeline/ and src/ with one line each, and
 * names nothing that no longer exists. A file added without a line (or a line left behind after
 * a move) fails here, so the layout page cannot drift from the tree.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LAYOUT = readFileSync(path.join(ROOT, 'docs/layout.md'), 'utf8');
const SOURCE = /\.(ts|mjs|json|html|css)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return SOURCE.test(name) ? [rel] : [];
  });
}

/** The paths the page names, written as `` `pipeline/…` `` or `` `src/…` `` at the start of a list item. */
function namedPaths(markdown: string): string[] {
  return [...markdown.matchAll(/^\s*[-*] `((?:pipeline|src)\/[^`]+)`/gm)].map((m) => m[1]!);
}

describe('docs/layout.md', () => {
  const files = [...sourceFiles('pipeline'), ...sourceFiles('src')].sort();
  const named = namedPaths(LAYOUT);

  it('names every source file under pipeline/ and src/', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter((f) => !named.includes(f))).toEqual([]);
  });

  it('names only files that exist, each once, each with a description', () => {
    expect(named.filter((p) => !files.includes(p))).toEqual([]);
    expect(named.filter((p, i) => named.indexOf(p) !== i)).toEqual([]);
    const bare = [...LAYOUT.matchAll(/^\s*[-*] `((?:pipeline|src)\/[^`]+)`\s*(?:[—-]\s*)?$/gm)].map((m) => m[1]);
    expect(bare).toEqual([]);
  });
});
