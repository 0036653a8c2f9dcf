/**
 * The main feed as an RFC 5005 archived feed: walking `prev-archive` from atom.xml and feed.xml
 * (and `next_url` from feed.json) reaches every paper, no paper is in two archive documents,
 * and a complete month's documents keep their bytes when digests are added.
 */
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { archiveFiles, monthArchives } from '../../../pipeline/feeds/archive.ts';
import { paperGuid } from '../../../pipeline/feeds/items.ts';
import { timePapers, zonedClock } from '../../../pipeline/feeds/time.ts';
import type { Dataset } from '../../../src/types.ts';
import type { Artifact } from '../../../pipeline/publish/artifact.ts';
import type { UserConfig } from '../../../src/config.ts';
import type { JsonFeed } from '../../helpers/feed-parse.ts';
import { ARCHIVE_CONFIG, archiveDigests, digestsDataset, makeContext, runFeeds } from '../../helpers/feeds-build.ts';
import { digest } from '../../helpers/ops.ts';

const BASE = 'https://example.github.io/daily-papers/';
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['link', 'atom:link', 'entry', 'item'].includes(name) });

interface Doc {
  ids: string[];
  links: Record<string, string>;
  archive: boolean;
}

/** Entry ids, link relations (href by rel) and the fh:archive marker of an RSS or Atom document. */
function readDoc(xml: string): Doc {
  const tree = parser.parse(xml) as {
    feed?: { entry?: { id: string }[]; link: { rel?: string; href: string }[]; 'fh:archive'?: unknown };
    rss?: { channel: { item?: { guid: { '#text': string } }[]; 'atom:link': { rel: string; href: string }[]; 'fh:archive'?: unknown } };
  };
  if (tree.feed) {
    const f = tree.feed;
    return { ids: (f.entry ?? []).map((e) => e.id), links: Object.fromEntries(f.link.map((l) => [l.rel ?? 'alternate', l.href])), archive: 'fh:archive' in f };
  }
  const c = tree.rss!.channel;
  return { ids: (c.item ?? []).map((i) => i.guid['#text']), links: Object.fromEntries(c['atom:link'].map((l) => [l.rel, l.href])), archive: 'fh:archive' in c };
}

async function build(digests: Record<string, string>, config: UserConfig = ARCHIVE_CONFIG): Promise<{ dataset: Dataset; out: Map<string, string> }> {
  const ctx = makeContext(config);
  const dataset = await digestsDataset(ctx, digests);
  const artifacts: Artifact[] = await runFeeds(ctx, dataset, () => []);
  return { dataset, out: new Map(artifacts.map((a) => [a.path, String(a.data)])) };
}

/** Follows `prev-archive` from a subscription document: every document visited, in order. */
function walk(out: Map<string, string>, start: string): { path: string; doc: Doc }[] {
  const chain: { path: string; doc: Doc }[] = [];
  let path: string | undefined = start;
  while (path !== undefined) {
    expect(chain.map((c) => c.path), 'a loop in the chain').not.toContain(path);
    const xml = out.get(path);
    expect(xml, `${path} is linked but not written`).toBeDefined();
    const doc = readDoc(xml!);
    chain.push({ path, doc });
    const prev = doc.links['prev-archive'];
    path = prev === undefined ? undefined : prev.slice(BASE.length);
    if (prev !== undefined) expect(prev.startsWith(BASE)).toBe(true);
  }
  return chain;
}

describe('archived main feed (RFC 5005 section 4)', () => {
  let dataset: Dataset;
  let out: Map<string, string>;
  beforeAll(async () => {
    ({ dataset, out } = await build(archiveDigests()));
  });

  for (const [start, format] of [['atom.xml', 'atom'], ['feed.xml', 'rss']] as const) {
    it(`reaches every paper from ${start}, each in exactly one archive document`, () => {
      const chain = walk(out, start);
      const [subscription, ...archives] = chain;
      expect(subscription!.doc.ids).toHaveLength(5); // feeds.limit
      expect(subscription!.doc.archive).toBe(false);
      expect(archives.map((a) => a.path)).toEqual(['2025-03', '2025-02', '2025-01'].map((m) => archiveFiles(m)[format]));
      const seen = new Map<string, string>();
      for (const { path, doc } of archives) {
        for (const id of doc.ids) {
          expect(seen.get(id), `${id} in ${path} and ${seen.get(id)}`).toBeUndefined();
          seen.set(id, path);
        }
        expect(doc.links.current).toBe(`${BASE}${start}`);
      }
      const all = dataset.papers.map((p) => paperGuid(p).id).sort();
      expect([...seen.keys()].sort()).toEqual(all);
      // The subscription document repeats papers of the newest archive only.
      for (const id of subscription!.doc.ids) expect(seen.get(id)).toBe(archiveFiles('2025-03')[format]);
      // Complete months are marked fh:archive and link both ways; the open month is not marked.
      expect(archives.map((a) => a.doc.archive)).toEqual([false, true, true]);
      expect(archives[1]!.doc.links['next-archive']).toBe(`${BASE}${archives[0]!.path}`);
      expect(archives[2]!.doc.links['prev-archive']).toBeUndefined();
    });
  }

  it('pages the JSON Feed backwards with next_url through the same months', () => {
    const seen: string[] = [];
    const files: string[] = [];
    let path: string | undefined = 'feed.json';
    while (path !== undefined) {
      files.push(path);
      const feed = JSON.parse(out.get(path)!) as JsonFeed & { next_url?: string };
      if (path !== 'feed.json') seen.push(...feed.items.map((i) => i.id));
      path = feed.next_url?.slice(BASE.length);
    }
    expect(files).toEqual(['feed.json', 'archive/2025-03.json', 'archive/2025-02.json', 'archive/2025-01.json']);
    expect(seen.sort()).toEqual(dataset.papers.map((p) => paperGuid(p).id).sort());
  });

  it('keeps the bytes of complete months when digests are added, and closes a month once a later one starts', async () => {
    const monthFiles = (m: string) => Object.values(archiveFiles(m));
    const same = (a: Map<string, string>, b: Map<string, string>, month: string) => {
      for (const f of monthFiles(month)) expect(b.get(f), f).toBe(a.get(f));
    };
    // A new March digest: new papers and one paper of 2025-03-03 listed again.
    const relisted = digest('2025-03-03', 1, 6).split('\n').slice(2).join('\n');
    const more = { ...archiveDigests(), '2025/03/05.md': `${digest('2025-03-05', 3, 8)}\n${relisted}` };
    const second = (await build(more)).out;
    same(out, second, '2025-01');
    same(out, second, '2025-02');
    expect(second.get('archive/2025-03.xml')).not.toBe(out.get('archive/2025-03.xml'));
    // April starts: March is complete from now on, and stays as it is.
    const april = (await build({ ...more, '2025/04/01.md': digest('2025-04-01', 2, 9) })).out;
    expect(readDoc(april.get('archive/2025-03.atom.xml')!).archive).toBe(true);
    const later = (await build({ ...more, '2025/04/01.md': digest('2025-04-01', 2, 9), '2025/04/02.md': digest('2025-04-02', 4, 10) })).out;
    for (const month of ['2025-01', '2025-02', '2025-03']) same(april, later, month);
    expect(readDoc(later.get('atom.xml')!).links['prev-archive']).toBe(`${BASE}archive/2025-04.atom.xml`);
  });
});

/** The HTML content of the item with `guid` in an RSS document. */
function rssItemHtml(xml: string, guid: string): string {
  const tree = parser.parse(xml) as { rss: { channel: { item?: { guid: { '#text': string }; description: string }[] } } };
  const item = (tree.rss.channel.item ?? []).find((i) => i.guid['#text'] === guid);
  expect(item, `${guid} in the RSS document`).toBeDefined();
  return item!.description;
}

describe('a paper of a complete month listed again later', () => {
  const ID = '2502.10401'; // the second paper of 2025-02-04 (archiveDigests)
  const GUID = `https://arxiv.org/abs/${ID}`;
  // Every paper in feed.xml, so that it shows the paper listed again.
  const config: UserConfig = { ...ARCHIVE_CONFIG, feeds: { ...ARCHIVE_CONFIG.feeds, limit: 100 } };

  /** archiveDigests with that paper as v1, no thumbnail, a truncated author list; and April begun. */
  function before(): Record<string, string> {
    const digests = archiveDigests();
    const feb = digests['2025/02/04.md']!;
    const section = feb.split('\n### ').find((part) => part.includes(`/abs/${ID})`))!;
    const changed = section
      .replace(`/abs/${ID})`, `/abs/${ID}v1)`)
      .replace(/!\[\]\([^)]*\)\n\n/, '')
      .replace(/Authors: ([^\n]*)/, 'Authors: $1, +');
    return { ...digests, '2025/02/04.md': feb.replace(section, changed), '2025/04/01.md': digest('2025-04-01', 2, 9) };
  }
  const relisting = [
    `### [A Re-titled Paper](https://arxiv.org/abs/${ID}v3)`,
    `![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${ID}.png)`,
    'Vote: 99',
    'Authors: Hana Kim, Lars Berg',
    "- ***What's New***: 다시 쓴 요약입니다.",
  ].join('\n\n');

  it('keeps every complete month byte for byte in RSS, Atom and JSON Feed, while feed.xml shows the new votes', async () => {
    const first = await build(before(), config);
    const again = await build({ ...before(), '2025/04/02.md': `${digest('2025-04-02', 2, 10)}\n${relisting}\n` }, config);
    const paper = again.dataset.papers.find((p) => p.id === ID)!;
    expect(paper.dates).toEqual(['2025-02-04', '2025-04-02']);
    expect(paper).toMatchObject({ votes: 99, version: 'v3', first: { votes: 31, version: 'v1', thumbnail: null, authorCount: 2, authorsTruncated: true } });
    for (const month of ['2025-01', '2025-02', '2025-03']) {
      expect(readDoc(again.out.get(archiveFiles(month).atom)!).archive, month).toBe(true);
      for (const file of Object.values(archiveFiles(month))) expect(again.out.get(file), file).toBe(first.out.get(file));
    }
    // The archive shows the paper as first listed; the subscription document the merged paper.
    const archived = rssItemHtml(again.out.get(archiveFiles('2025-02').rss)!, GUID);
    expect(archived).toContain('<strong>추천</strong>: 31');
    expect(archived).not.toContain('<img');
    expect(archived).toContain('Hana Kim 외');
    const current = rssItemHtml(again.out.get('feed.xml')!, GUID);
    expect(rssItemHtml(first.out.get('feed.xml')!, GUID)).toContain('<strong>추천</strong>: 31');
    expect(current).toContain('<strong>추천</strong>: 99');
    expect(current).toContain(`<img src="https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${ID}.png"`);
    expect(current).toContain('Lars Berg');
    const feed = JSON.parse(again.out.get('feed.json')!) as JsonFeed;
    const item = feed.items.find((i) => i.id === GUID)!;
    expect(item.date_modified).not.toBe(item.date_published);
  });
});

describe('monthArchives', () => {
  it('puts a paper in the month of its first digest date, and completes months before the last digest month', async () => {
    const ctx = makeContext(ARCHIVE_CONFIG);
    const relisted = digest('2025-02-28', 1, 5).split('\n').slice(2).join('\n'); // a February paper listed again in March
    const dataset = await digestsDataset(ctx, { ...archiveDigests(), '2025/03/04.md': `${archiveDigests()['2025/03/04.md']}\n${relisted}` });
    const { timed, days } = timePapers(dataset.papers, zonedClock('Asia/Seoul'), '09:00');
    const months = monthArchives(timed, days);
    expect(months.map((m) => [m.month, m.complete, m.papers.length])).toEqual([
      ['2025-01', true, 8],
      ['2025-02', true, 12],
      ['2025-03', false, 8],
    ]);
    const twice = dataset.papers.find((p) => p.dates.length === 2)!;
    expect(twice.dates).toEqual(['2025-02-28', '2025-03-04']);
    expect(months[1]!.papers.map((t) => t.paper)).toContain(twice);
    expect(months[2]!.papers.map((t) => t.paper)).not.toContain(twice);
  });
});
