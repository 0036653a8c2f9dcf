/**
 * What readers make of the feeds: the author newsboat and feedparser show for a paper with many
 * authors, and feeds.opml read by an OPML parser (feedsmith) and imported by newsboat.
 * newsboat's checks need `newsboat` and the `sqlite3` shell (it keeps what it read in SQLite);
 * they skip visibly without them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseOpml } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFeeds } from '../../../pipeline/feeds/plan.ts';
import type { Artifact } from '../../../pipeline/publish/artifact.ts';
import { parseFeed } from '../../helpers/feed-parse.ts';
import { ARCHIVE_CONFIG, MANY_AUTHORS, TEST_CONFIG, archiveDigests, digestsDataset, loadFixture, makeContext, writeArtifacts, runFeeds } from '../../helpers/feeds-build.ts';

const BASE = 'https://example.github.io/daily-papers/';
let out: Artifact[] = [];
let dir = '';
let files = new Map<string, string>();
const get = (p: string) => String(out.find((a) => a.path === p)!.data);

beforeAll(async () => {
  const ctx = makeContext(ARCHIVE_CONFIG);
  out = await runFeeds(ctx, await digestsDataset(ctx, archiveDigests()), () => []);
  dir = mkdtempSync(join(tmpdir(), 'feeds-readers-'));
  files = writeArtifacts(dir, out);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('authors in a feed parser (feedparser)', () => {
  it('shows the first authors of an RSS item and of an Atom entry', async () => {
    for (const path of ['feed.xml', 'atom.xml']) {
      const { items } = await parseFeed(get(path));
      expect(items.map((i) => i.author), path).toContain(`${MANY_AUTHORS.slice(0, 3).join(', ')} 외`);
    }
  });
});

const newsboatMissing =
  spawnSync('newsboat', ['--version'], { encoding: 'utf8' }).status !== 0
    ? 'newsboat not on PATH (apt-get install newsboat)'
    : spawnSync('sqlite3', ['--version'], { encoding: 'utf8' }).status !== 0
      ? 'sqlite3 not on PATH (apt-get install sqlite3)'
      : null;

describe.skipIf(newsboatMissing !== null)(`newsboat${newsboatMissing ? ` (skipped: ${newsboatMissing})` : ''}`, () => {
  /** Reloads `urls` headless into a fresh cache; returns [feed url, title, author] of every item it keeps. */
  const reload = (urls: string[]): string[][] => {
    const home = mkdtempSync(join(tmpdir(), 'feeds-newsboat-'));
    try {
      writeFileSync(join(home, 'urls'), urls.join('\n') + '\n');
      const run = spawnSync('newsboat', ['-u', join(home, 'urls'), '-c', join(home, 'cache.db'), '-C', '/dev/null', '-x', 'reload'], {
        env: { ...process.env, HOME: home },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status, run.stderr).toBe(0);
      const rows = spawnSync('sqlite3', ['-separator', '\t', join(home, 'cache.db'), 'SELECT feedurl, title, author FROM rss_item ORDER BY feedurl, title'], { encoding: 'utf8' });
      expect(rows.status, rows.stderr).toBe(0);
      return rows.stdout.trimEnd().split('\n').map((l) => l.split('\t'));
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  };

  it('shows the first authors as the author of an RSS item and of an Atom entry', () => {
    // One cache per feed: newsboat keeps an item id once per cache, and both feeds share them.
    for (const path of ['feed.xml', 'atom.xml']) {
      const authors = reload([pathToFileURL(files.get(path)!).href]).map((r) => r[2]);
      expect(authors, path).toHaveLength(5);
      expect(authors, path).toContain(`${MANY_AUTHORS.slice(0, 3).join(', ')} 외`);
      // Never the last author alone, which is what several dc:creator elements showed.
      expect(authors, path).not.toContain(MANY_AUTHORS[MANY_AUTHORS.length - 1]);
    }
  });

  it('imports feeds.opml: one subscription per feed', () => {
    const home = mkdtempSync(join(tmpdir(), 'feeds-newsboat-'));
    try {
      writeFileSync(join(home, 'urls'), '');
      const run = spawnSync('newsboat', ['-u', join(home, 'urls'), '-c', join(home, 'cache.db'), '-C', '/dev/null', '-i', files.get('feeds.opml')!], {
        env: { ...process.env, HOME: home },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status, run.stderr).toBe(0);
      const urls = readFileSync(join(home, 'urls'), 'utf8').trim().split('\n');
      expect(urls.map((u) => u.replace(/\s.*$/, ''))).toEqual(['atom.xml', 'daily.atom.xml', 'weekly.atom.xml'].map((p) => `${BASE}${p}`));
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('feeds.opml', () => {
  it('is OPML 2.0 with one rss outline per feed the run writes: title, Atom xmlUrl, the page as htmlUrl', async () => {
    const ctx = makeContext(TEST_CONFIG);
    const fixture = await runFeeds(ctx, loadFixture(), () => []);
    const text = String(fixture.find((a) => a.path === 'feeds.opml')!.data);
    expect(text).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<opml version="2\.0">/);
    const doc = parseOpml(text);
    expect(doc.head?.title).toBe('Daily Papers & <Friends> ]]>: 피드 목록');
    const outlines = doc.body?.outlines ?? [];
    const atoms = listFeeds(ctx.config).filter((l) => l.type === 'application/atom+xml');
    expect(outlines.map((o) => o.xmlUrl)).toEqual(atoms.map((l) => `${BASE}${l.path}`));
    expect(outlines.map((o) => `${o.title} (Atom)`)).toEqual(atoms.map((l) => l.title));
    for (const o of outlines) {
      expect(o.type).toBe('rss');
      expect(o.text).toBe(o.title);
      expect(o.htmlUrl).toBe(BASE);
      expect(fixture.map((a) => a.path)).toContain(o.xmlUrl!.slice(BASE.length)); // a feed the run writes
    }
    expect(outlines.map((o) => o.description)).toContain('추천 50개 이상 조건에 맞는 논문.');
  });
});
