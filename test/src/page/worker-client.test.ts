import { describe, expect, it } from 'vitest';
import type { MetaRecord } from '../../../src/page/format.ts';
import type { PageHit } from '../../../src/page/loader.ts';
import type { Request, Response } from '../../../src/page/protocol.ts';
import { FIRST_PAINT, SearchWorker, SiteUpdatedError, type WorkerPort } from '../../../src/page/worker-client.ts';
import { RESULT_LIMIT } from '../../../src/search/options.ts';

/** A stand-in worker: records requests; `answer` delivers a response the way a Worker does. */
class FakeWorker implements WorkerPort {
  readonly sent: Request[] = [];
  private onMessage: ((e: MessageEvent<Response>) => void) | null = null;
  private onError: ((e: ErrorEvent) => void) | null = null;
  postMessage(message: Request): void {
    this.sent.push(message);
  }
  addEventListener(type: 'message' | 'error', listener: ((e: MessageEvent<Response>) => void) | ((e: ErrorEvent) => void)): void {
    if (type === 'message') this.onMessage = listener as (e: MessageEvent<Response>) => void;
    else this.onError = listener as (e: ErrorEvent) => void;
  }
  answer(data: Response): void {
    this.onMessage?.({ data } as MessageEvent<Response>);
  }
  fail(message: string): void {
    this.onError?.({ message } as ErrorEvent);
  }
  /** The id of the last request that carries one. */
  lastId(): number {
    const r = this.sent[this.sent.length - 1]!;
    if (!('id' in r)) throw new Error(`no id in ${r.type}`);
    return r.id;
  }
}

function record(id: string): MetaRecord {
  return { id, title: id, date: '2024-01-02', votes: 1, authors: [], authorKeys: [], authorsMore: false, excerpt: '', thumbnail: null, abs: '', pdf: null, huggingface: null };
}

async function opened(): Promise<{ fake: FakeWorker; client: SearchWorker }> {
  const fake = new FakeWorker();
  const client = new SearchWorker(fake, 'https://example.org/search/');
  fake.answer({ type: 'ready', documentCount: 42, dates: { min: '2023-01-01', max: '2024-06-01' } });
  await client.ready();
  return { fake, client };
}

describe('SearchWorker', () => {
  it('opens the search data at construction and is ready with its size and dates', async () => {
    const { fake, client } = await opened();
    expect(fake.sent[0]).toEqual({ type: 'open', base: 'https://example.org/search/' });
    expect(client.size).toBe(42);
    expect(client.dates).toEqual({ min: '2023-01-01', max: '2024-06-01' });
  });

  it('is not ready when the worker fails to start or to open the index', async () => {
    const a = new FakeWorker();
    const first = new SearchWorker(a, '/s/');
    a.fail('');
    await expect(first.ready()).rejects.toThrow('the search worker failed to start');
    const b = new FakeWorker();
    const second = new SearchWorker(b, '/s/');
    b.answer({ type: 'error', id: 0, message: 'Error: manifest.json: HTTP 404' });
    await expect(second.ready()).rejects.toThrow('HTTP 404');
  });

  it('answers each call with the response of its id, and caches the meta records that came along', async () => {
    const { fake, client } = await opened();
    const searching = client.search('moe', { minVotes: 3 }, 7);
    const req = fake.sent[1]!;
    expect(req).toMatchObject({ type: 'search', gen: 7, query: 'moe', filters: { minVotes: 3 }, limit: RESULT_LIMIT, withMeta: FIRST_PAINT, author: null, sort: 'relevance' });
    const hits = [{ shortId: 5 }, { shortId: 9 }] as PageHit[];
    fake.answer({ type: 'search', id: fake.lastId(), hits, meta: [record('a'), null], timings: { rank: 2 } });
    expect(await searching).toEqual(hits);
    expect(client.lastTimings).toEqual({ rank: 2 });
    expect([...client.metaCache.keys()]).toEqual([5]);

    // Only the missing record is asked for.
    const meta = client.meta([5, 9]);
    expect(fake.sent[2]).toEqual({ type: 'meta', id: fake.lastId(), shortIds: [9] });
    fake.answer({ type: 'meta', id: fake.lastId(), records: [record('b')] });
    expect([...(await meta).entries()].map(([s, m]) => [s, m.id])).toEqual([[5, 'a'], [9, 'b']]);
  });

  it('gives null for a superseded search and rejects a call the worker answered with an error', async () => {
    const { fake, client } = await opened();
    const stale = client.search('a', {}, 1);
    fake.answer({ type: 'stale', id: fake.lastId() });
    expect(await stale).toBeNull();
    const failing = client.browse({}, 0, 20);
    fake.answer({ type: 'error', id: fake.lastId(), message: 'TypeError: boom' });
    await expect(failing).rejects.toThrow('TypeError: boom');
  });

  it('passes the author filter and sort order along, and asks for an author and a paper', async () => {
    const { fake, client } = await opened();
    void client.browse({}, 20, 20, 3, { author: 'minji-kang', sort: 'votes' });
    expect(fake.sent[1]).toMatchObject({ type: 'browse', offset: 20, limit: 20, gen: 3, author: 'minji-kang', sort: 'votes' });
    const author = client.author('minji-kang');
    expect(fake.sent[2]).toEqual({ type: 'author', id: fake.lastId(), key: 'minji-kang' });
    fake.answer({ type: 'author', id: fake.lastId(), author: { name: 'Minji Kang', papers: [1, 4] } });
    expect(await author).toEqual({ name: 'Minji Kang', papers: [1, 4] });
    const paper = client.paper('2404.11111');
    expect(fake.sent[3]).toEqual({ type: 'paper', id: fake.lastId(), paperId: '2404.11111' });
    const page = { dates: ['2024-04-17'], authors: [], authorsTruncated: false, summary: [] };
    fake.answer({ type: 'paper', id: fake.lastId(), paper: { shortId: 7, meta: record('2404.11111'), record: page, related: [3, 1] } });
    expect((await paper)?.shortId).toBe(7);
    expect((await paper)?.related).toEqual([3, 1]);
    expect(client.metaCache.get(7)?.id).toBe('2404.11111');
    const missing = client.paper('nope');
    fake.answer({ type: 'paper', id: fake.lastId(), paper: null });
    expect(await missing).toBeNull();
    // A failure: a plain Error, or a SiteUpdatedError when the worker found the site rebuilt.
    const failed = client.paper('2404.22222');
    fake.answer({ type: 'error', id: fake.lastId(), message: 'HttpError: p/0.json: HTTP 404' });
    await expect(failed).rejects.toThrow('HTTP 404');
    await failed.catch((e: unknown) => expect(e).not.toBeInstanceOf(SiteUpdatedError));
    const moved = client.paper('2404.22222');
    fake.answer({ type: 'error', id: fake.lastId(), message: 'HttpError: p/0.json: HTTP 404', updated: true });
    await expect(moved).rejects.toBeInstanceOf(SiteUpdatedError);
  });
});

