/**
 * Reading feeds back in tests: RSS and Atom through feedparser (the parser feed readers use),
 * JSON Feed as a typed object.
 */
import { Readable } from 'node:stream';
import FeedParser from 'feedparser';

export interface ParsedItem {
  title: string;
  link: string;
  guid: string;
  permalink: string | null;
  pubdate: Date | null;
  date: Date | null;
  description: string;
  image: { url?: string };
  [key: string]: unknown;
}
export interface Parsed {
  meta: { title: string; link: string; xmlurl: string; language: string | null; date: Date | null; '#type': string };
  items: ParsedItem[];
}

/** RSS or Atom through feedparser: the feed's meta and its items; rejects on a parse error. */
export function parseFeed(xml: string): Promise<Parsed> {
  return new Promise((resolvePromise, reject) => {
    const parser = new FeedParser({ addmeta: false });
    const items: ParsedItem[] = [];
    let meta: Parsed['meta'] | undefined;
    parser.on('error', reject);
    parser.on('meta', (m: Parsed['meta']) => (meta = m));
    parser.on('readable', () => {
      let item: ParsedItem | null;
      while ((item = parser.read() as ParsedItem | null)) items.push(item);
    });
    parser.on('end', () => resolvePromise({ meta: meta!, items }));
    Readable.from([xml]).pipe(parser);
  });
}

/** Raw text of feedparser's namespaced nodes (`{'#': text}` or an array of them). */
export function texts(node: unknown): string[] {
  if (node === undefined || node === null) return [];
  const list = Array.isArray(node) ? node : [node];
  return list.map((n: { '#'?: string; name?: { '#'?: string } }) => n['#'] ?? n.name?.['#'] ?? '');
}

/** The JSON Feed 1.1 fields the tests read. */
export interface JsonFeed {
  version: string;
  title: string;
  home_page_url: string;
  feed_url: string;
  language: string;
  items: {
    id: string;
    url: string;
    title: string;
    content_html: string;
    date_published: string;
    date_modified: string;
    image?: string;
    authors?: { name: string }[];
  }[];
}
