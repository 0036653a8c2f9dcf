import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, Paper } from '../../../src/types.ts';
import type { Artifact } from '../../../pipeline/publish/artifact.ts';
import type { StepContext } from '../../../pipeline/context.ts';
import { paperGuid } from '../../../pipeline/feeds/items.ts';
import { listFeeds } from '../../../pipeline/feeds/plan.ts';
import { zonedClock } from '../../../pipeline/feeds/time.ts';
import { CONFIG_FILE } from '../../../pipeline/steps/feeds.ts';
import { CORPUS, CORPUS_PRESENT, CORPUS_SKIP } from '../../helpers/corpus.ts';
import { parseFeed, texts } from '../../helpers/feed-parse.ts';
import type { JsonFeed } from '../../helpers/feed-parse.ts';
import {
  ARCHIVE_CONFIG,
  TEST_CONFIG,
  archiveDigests,
  corpusDataset,
  digestsDataset,
  fixtureOrder,
  hashes,
  loadFixture,
  makeContext,
  runFeeds,
  searchFor,
  writeArtifacts,
} from '../../helpers/feeds-build.ts';


const ROOT = resolve(fileURLToPath(import.meta.url), '../../../../');
const ATOM_RNC = resolve(ROOT, '../shared/schemas/atom.rnc');

const dataset = loadFixture();
const ctx = makeContext();
let artifacts: Artifact[];
let searchKind = '';
const get = (path: string): string => {
  const a = artifacts.find((x) => x.path === path);
  if (!a) throw new Error(`no artifact ${path}`);
  return String(a.data);
};
const { expectedOrder } = fixtureOrder(dataset);

beforeAll(async () => {
  const s = await searchFor(ctx, dataset);
  searchKind = s.kind;
  if (s.kind !== 'indexStep') console.warn('feeds.test: pipeline/steps/search-index.ts not present, query feeds use a substring search');
  artifacts = await runFeeds(ctx, dataset, s.search);
});

describe('time zone', () => {
  it('rejects an unknown time zone with a clear error (when the config schema was bypassed)', async () => {
    const bad = makeContext();
    bad.config.feeds = { ...bad.config.feeds, timezone: 'Mars/Olympus' };
    await expect(runFeeds(bad, dataset, () => [])).rejects.toThrow(/Mars\/Olympus/);
  });
});

describe('listFeeds', () => {
  it('writes exactly the listed files, the archive of every month and the OPML list', () => {
    const months = [...new Set(dataset.papers.map((p) => p.date.slice(0, 7)))];
    const archives = months.flatMap((m) => [`archive/${m}.xml`, `archive/${m}.atom.xml`, `archive/${m}.json`]);
    expect(artifacts.map((a) => a.path).sort()).toEqual([...listFeeds(ctx.config).map((l) => l.path), ...archives, 'feeds.opml'].sort());
  });
});

describe('every feed', () => {
  it('is well-formed XML / valid JSON with no control characters and no live markup from the input', () => {
    for (const a of artifacts) {
      const text = String(a.data);
      if (/\.(xml|opml)$/.test(a.path)) expect(XMLValidator.validate(text), a.path).toBe(true);
      else expect(() => JSON.parse(text), a.path).not.toThrow();
      // eslint-disable-next-line no-control-regex
      expect(text, a.path).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
      // Markup: in XML every `<` of the input is escaped or inside escaped HTML; in JSON only
      // content_html is HTML (title and summary are plain text by the spec).
      const markup = !a.path.endsWith('.json') ? text : (JSON.parse(text) as JsonFeed).items.map((i) => i.content_html).join('\n');
      expect(markup, a.path).not.toMatch(/<script/i);
      expect(markup, a.path).not.toMatch(/<img[^>]*onerror/i);
      expect(markup, a.path).not.toMatch(/<b onmouseover/i);
      expect(markup, a.path).not.toContain('javascript:');
    }
  });

  it('is accepted by xmllint when it is installed', (t) => {
    const has = spawnSync('xmllint', ['--version']).status === 0;
    if (!has) {
      console.warn('feeds.test: xmllint not on PATH (apt-get install libxml2-utils); skipped');
      t.skip();
    }
    const dir = mkdtempSync(join(tmpdir(), 'feeds-xmllint-'));
    try {
      const written = writeArtifacts(dir, artifacts.filter((x) => /\.(xml|opml)$/.test(x.path)));
      for (const [path, file] of written) {
        const r = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
        expect(r.stderr, path).toBe('');
        expect(r.status, path).toBe(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('validates every Atom file against RFC 4287 atom.rnc with jing when both are available', (t) => {
    const has = spawnSync('jing', [], { encoding: 'utf8' }).error === undefined;
    if (!has || !existsSync(ATOM_RNC)) {
      console.warn(`feeds.test: ${has ? `${ATOM_RNC} missing` : 'jing not on PATH (apt-get install jing)'}; Atom schema check skipped`);
      t.skip();
    }
    const dir = mkdtempSync(join(tmpdir(), 'feeds-jing-'));
    try {
      const files = [...writeArtifacts(dir, artifacts.filter((x) => x.path.endsWith('.atom.xml') || x.path === 'atom.xml')).values()];
      const r = spawnSync('jing', ['-c', ATOM_RNC, ...files], { encoding: 'utf8' });
      // The Debian launcher warns about optional jars on stderr; only validation errors count.
      const errors = (r.stdout + r.stderr).split('\n').filter((l) => l.trim() !== '' && !l.startsWith('[warning] /usr/bin/jing'));
      expect(errors).toEqual([]);
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const VALIDATE_FEED = resolve(ROOT, '../shared/tools/validate-feed');
/** The W3C Feed Validator runs offline with Debian's Python and its html5lib. */
const w3cMissing = !existsSync(VALIDATE_FEED)
  ? `${VALIDATE_FEED} missing`
  : spawnSync('/usr/bin/python3', ['-c', 'import html5lib'], { encoding: 'utf8' }).status !== 0
    ? '/usr/bin/python3 cannot import html5lib (apt-get install python3-html5lib)'
    : null;

describe.skipIf(w3cMissing !== null)(`W3C Feed Validator at AA${w3cMissing ? ` (skipped: ${w3cMissing})` : ''}`, () => {
  /** Every RSS and Atom file of a build, validated as served from the site URL; returns the problems. */
  const validate = (out: Artifact[], label: string): string[] => {
    const dir = mkdtempSync(join(tmpdir(), 'feeds-w3c-'));
    try {
      const problems: string[] = [];
      for (const [path, file] of writeArtifacts(dir, out.filter((a) => a.path.endsWith('.xml')))) {
        const r = spawnSync('/usr/bin/python3', [VALIDATE_FEED, file, `https://example.github.io/daily-papers/${path}`, 'AA'], { encoding: 'utf8' });
        if (r.status !== 0) problems.push(`${label} ${path}: ${r.stdout}${r.stderr}`);
      }
      return problems;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('passes every feed of the hostile fixture, archives included', () => {
    expect(artifacts.filter((a) => a.path.startsWith('archive/') && a.path.endsWith('.xml'))).not.toHaveLength(0);
    expect(validate(artifacts, 'fixture')).toEqual([]);
  }, 120_000);

  it('passes every feed of a three-month build: complete and open archives, weekly', async () => {
    const c = makeContext(ARCHIVE_CONFIG);
    const out = await runFeeds(c, await digestsDataset(c, archiveDigests()), () => []);
    expect(out.map((a) => a.path)).toContain('archive/2025-01.atom.xml');
    expect(validate(out, 'three months')).toEqual([]);
  }, 120_000);
});

describe('main feed', () => {
  it('follows config: arXiv links, the item limit and another time of day', async () => {
    const other = makeContext({ ...TEST_CONFIG, feeds: { ...TEST_CONFIG.feeds, link: 'arxiv', limit: 2, time: '18:30', timezone: 'UTC' } });
    const out = await runFeeds(other, dataset, () => []);
    const { items } = await parseFeed(String(out.find((a) => a.path === 'feed.xml')!.data));
    expect(items).toHaveLength(2);
    expect(items[0]!.link).toBe('https://openreview.net/forum?id=Xy12&z=1');
    expect(items[0]!.pubdate?.toISOString()).toBe('2024-05-12T18:30:00.000Z');
    expect(items[1]!.pubdate?.toISOString()).toBe('2024-05-12T18:29:59.000Z');
  });
});

describe('daily digest feed', () => {
  it('has one item per digest day with that day\'s papers, in all three formats', async () => {
    const days = [...new Set(dataset.papers.flatMap((p) => p.dates))].sort().reverse();
    const rss = await parseFeed(get('daily.xml'));
    const atom = await parseFeed(get('daily.atom.xml'));
    const json = JSON.parse(get('daily.json')) as JsonFeed;
    const ids = days.map((d) => `https://huggingface.co/papers/date/${d}`);
    expect(rss.items.map((i) => i.guid)).toEqual(ids);
    expect(atom.items.map((i) => i.guid)).toEqual(ids);
    expect(json.items.map((i) => i.id)).toEqual(ids);
    expect(rss.items.map((i) => i.pubdate?.toISOString())).toEqual(days.map((d) => new Date(zonedClock('Asia/Seoul')(d, '09:00')!).toISOString()));
    for (const [n, day] of days.entries()) {
      const listed = dataset.papers.filter((p) => p.dates.includes(day));
      expect(rss.items[n]!.title).toBe(`Daily Papers ${day} (논문 ${listed.length}편)`);
      expect((rss.items[n]!.description.match(/<li>/g) ?? []).length).toBe(listed.length);
    }
    // The paper listed again on 2024-05-12 appears in both days.
    expect(rss.items[0]!.description).toContain('https://huggingface.co/papers/2405.05678');
    expect(rss.items[2]!.description).toContain('https://huggingface.co/papers/2405.05678');
  });

  it('keeps only dailyLimit days', async () => {
    const other = makeContext({ ...TEST_CONFIG, feeds: { ...TEST_CONFIG.feeds, dailyLimit: 1 } });
    const out = await runFeeds(other, dataset, () => []);
    expect((JSON.parse(String(out.find((a) => a.path === 'daily.json')!.data)) as JsonFeed).items).toHaveLength(1);
  });
});

describe('extra feeds', () => {
  const ids = (path: string) => (JSON.parse(get(path)) as JsonFeed).items.map((i) => i.id);
  const expectIds = (selected: Paper[]) => expectedOrder.filter((p) => selected.includes(p)).map((p) => paperGuid(p).id);

  it('minVotes', () => {
    expect(ids('popular.json')).toEqual(expectIds(dataset.papers.filter((p) => (p.votes ?? -1) >= 50)));
    expect(ids('popular.json')).toHaveLength(3);
  });
  it('saved queries go through the search function', () => {
    expect(searchKind).toMatch(/indexStep|substring/);
    expect(ids('diffusion.json')).toEqual(expect.arrayContaining(['https://arxiv.org/abs/2405.01234', 'https://openreview.net/forum?id=Xy12&z=1']));
    expect(ids('rl.json')).toEqual(expect.arrayContaining(['https://arxiv.org/abs/2405.05678', 'https://arxiv.org/abs/2405.07777']));
  });
  it('author keys combined with minVotes (all conditions hold)', () => {
    expect(ids('kim.json')).toEqual(['https://arxiv.org/abs/2405.01234']);
  });
  it('an author filter that names nobody gives an empty but valid feed and a counted warning naming the key', async () => {
    expect(ids('nobody.json')).toEqual([]);
    const { items, meta } = await parseFeed(get('nobody.xml'));
    expect(items).toHaveLength(0);
    expect(meta.date?.toISOString()).toBe('2024-05-12T00:00:00.000Z');
    const messages = ctx.files.get(CONFIG_FILE)!.messages;
    expect(messages.map((m) => [m.ruleId, m.fatal])).toEqual([['feed-unknown-author', false]]);
    expect(messages[0]!.reason).toContain('feeds.extra[4].filter.authors[0]: "no-such-author"');
  });
  it('each extra feed has its own self links', async () => {
    expect((await parseFeed(get('rl.atom.xml'))).meta.xmlurl).toBe('https://example.github.io/daily-papers/rl.atom.xml');
    expect((JSON.parse(get('rl.json')) as JsonFeed).feed_url).toBe('https://example.github.io/daily-papers/rl.json');
  });
});

describe('hostile input', () => {
  it('round-trips `]]>`, `&`, `<` and emoji in titles through every parser', async () => {
    const title = 'CDATA ]]> Breaker ]]> Twice & <More> Tricks';
    for (const path of ['feed.xml', 'atom.xml']) {
      const { items } = await parseFeed(get(path));
      const titles = items.map((i) => texts(i[path === 'feed.xml' ? 'rss:title' : 'atom:title'])[0]);
      expect(titles, path).toContain(title);
      expect(titles, path).toContain('<img src=x onerror=alert(1)> Emoji 🚀🤖 andcontrolchars[0m');
      expect(items.map((i) => i.title), path).toContain(title);
    }
    expect((JSON.parse(get('feed.json')) as JsonFeed).items.map((i) => i.title)).toContain(title);
  });
  it('never lets raw HTML from summaries through', async () => {
    const { items } = await parseFeed(get('feed.xml'));
    const html = items.map((i) => i.description).join('\n');
    // Real tags start with `<`; the input's markup only survives as escaped text (`&#x3C;`).
    expect(html).not.toMatch(/<(script|div|b)\b/);
    expect(html).not.toMatch(/<[a-z][^>]*\son\w+=/i);
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&#x3C;script>alert(document.cookie)&#x3C;/script>'); // shown as text, not dropped
  });
  it('handles an empty dataset without throwing and without the clock', async () => {
    const out = await runFeeds(makeContext(), { papers: [], authors: [] }, () => []);
    for (const a of out) {
      if (a.path.endsWith('.xml')) expect(XMLValidator.validate(String(a.data)), a.path).toBe(true);
    }
    expect(String(out.find((a) => a.path === 'feed.xml')!.data)).toContain('<lastBuildDate>Thu, 01 Jan 1970 00:00:00 GMT</lastBuildDate>');
  });
  it('reports a paper with an invalid date instead of crashing', async () => {
    const bad: Dataset = { papers: [{ ...dataset.papers[0]!, date: '2024-13-40', dates: ['2024-13-40'] }], authors: [] };
    const c = makeContext();
    const out = await runFeeds(c, bad, () => []);
    expect((JSON.parse(String(out.find((a) => a.path === 'feed.json')!.data)) as JsonFeed).items).toHaveLength(0);
    const messages = [...c.files.values()].flatMap((f) => f.messages).filter((m) => m.ruleId !== 'feed-unknown-author');
    expect(messages.map((m) => m.ruleId)).toEqual(['feed-invalid-date']);
    expect(messages[0]!.line).toBe(dataset.papers[0]!.source.line);
  });
});

describe('determinism', () => {
  it('reruns are byte-identical in-process', async () => {
    const again = await runFeeds(makeContext(), dataset, (await searchFor(makeContext(), dataset)).search);
    expect(hashes(again)).toEqual(hashes(artifacts));
  });

  it('is byte-identical under TZ=UTC, TZ=Asia/Seoul and TZ=America/Los_Angeles', () => {
    const run = (tz: string) =>
      execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/helpers/feeds-build.ts')], {
        cwd: ROOT,
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
    const utc = run('UTC');
    expect(JSON.parse(utc).files).toEqual(hashes(artifacts));
    expect(run('Asia/Seoul')).toBe(utc);
    expect(run('America/Los_Angeles')).toBe(utc);
  });
});

describe.skipIf(!CORPUS_PRESENT)(
  `corpus build${CORPUS_SKIP}`,
  () => {
    let out: Artifact[] = [];
    let papers = 0;
    beforeAll(async () => {
      const c = makeContext({ ...TEST_CONFIG, site: { url: 'https://example.github.io/daily-papers/', language: 'ko' } }, CORPUS);
      const d = await corpusDataset(c, CORPUS);
      papers = d.papers.length;
      out = await runFeeds(c, d, (await searchFor(c, d)).search);
    }, 300_000);
    afterAll(() => {
      out = [];
    });
    it('builds every feed, well-formed, with full item counts', async () => {
      expect(papers).toBeGreaterThan(1000);
      for (const a of out) {
        if (a.path.endsWith('.xml')) {
          expect(XMLValidator.validate(String(a.data)), a.path).toBe(true);
          await parseFeed(String(a.data));
        }
      }
      const count = (p: string) => (JSON.parse(String(out.find((a) => a.path === p)!.data)) as JsonFeed).items.length;
      expect(count('feed.json')).toBe(50);
      expect(count('daily.json')).toBe(30);
      expect((await parseFeed(String(out.find((a) => a.path === 'feed.xml')!.data))).items).toHaveLength(50);
    });
  },
);
