/**
 * Renders the page's index.html from the template src/page/index.html: site texts, the page's
 * words in the site's language (src/page/i18n.ts), the bundled assets' paths, the feed links
 * (autodiscovery, and one list in the footer: each feed once, its formats beside it, and the
 * OPML file of all feeds) and the Content-Security-Policy. Every URL is relative, so `output/`
 * works from any static host, including a sub-path.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { escapeHtml as escapeText } from '../../src/escape.ts';
import type { Config } from '../../src/config.ts';
import type { Artifact } from '../publish/artifact.ts';
import { OPML_PATH } from '../feeds/opml.ts';
import { listFeeds } from '../feeds/plan.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import type { FeedLink } from '../feeds/plan.ts';
import { messagesFor } from '../../src/page/i18n.ts';
import type { Messages } from '../../src/page/i18n.ts';

const TEMPLATE = path.join(PACKAGE_ROOT, 'src/page/index.html');

/** The page's Content-Security-Policy: scripts, styles, fonts and data only from the same origin. */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' https: data:; " +
  "connect-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'self'; manifest-src 'self'";

const escapeHtml = (text: string): string => escapeText(text, { apostrophe: true });

/** The bundled assets the page links to (paths under `assets/`). */
export interface PageAssets {
  js: Artifact;
  worker: Artifact;
  css: Artifact;
  /** The math renderer (loaded only when a text on screen has math) and its stylesheet. */
  math?: { js: Artifact; css: Artifact };
}

/** The OPML file listing every feed (written by the feeds step). */

/** A format's name in the footer, and the suffix listFeeds puts after a feed's title for it. */
const FORMAT_NAMES: Record<FeedLink['type'], string> = {
  'application/rss+xml': 'RSS',
  'application/atom+xml': 'Atom',
  'application/feed+json': 'JSON Feed',
};

/** One feed with its files: `title` without the format, `formats` in listFeeds order. */
export interface FeedGroup {
  title: string;
  formats: { name: string; path: string; type: FeedLink['type'] }[];
}

/**
 * listFeeds' links (one per feed and format, titled "<feed> (<format>)") as one entry per feed:
 * consecutive links of the same feed title are one feed.
 */
export function groupFeeds(links: readonly FeedLink[]): FeedGroup[] {
  const groups: FeedGroup[] = [];
  for (const link of links) {
    const name = FORMAT_NAMES[link.type];
    const suffix = ` (${name})`;
    const title = link.title.endsWith(suffix) ? link.title.slice(0, -suffix.length) : link.title;
    const last = groups[groups.length - 1];
    const format = { name, path: link.path, type: link.type };
    if (last && last.title === title) last.formats.push(format);
    else groups.push({ title, formats: [format] });
  }
  return groups;
}

/** The footer's feed list items: each feed once with its formats, then the OPML file. */
function feedListHtml(groups: readonly FeedGroup[], t: Messages): string {
  const items = groups.map((g) => {
    const formats = g.formats.map((f) => `<a href="${escapeHtml(f.path)}" type="${escapeHtml(f.type)}">${escapeHtml(f.name)}</a>`);
    return `<li><span class="feed-title">${escapeHtml(g.title)}</span> <span class="formats">${formats.join(' · ')}</span></li>`;
  });
  items.push(`<li><a href="${OPML_PATH}" type="text/x-opml">${escapeHtml(t.opml)}</a></li>`);
  return items.join('');
}

/** The template's `{{t.name}}` values: every string text of `t`, escaped. */
function textVars(t: Messages): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [k, v] of Object.entries(t)) if (typeof v === 'string') vars[`t.${k}`] = escapeHtml(v);
  return vars;
}

/**
 * index.html: the template with its `{{name}}` and `{{t.name}}` placeholders filled in
 * (escaped); the footer counts `paperCount` papers. An unknown placeholder is left as written.
 */
export async function renderIndexHtml(config: Config, paperCount: number, assets: PageAssets): Promise<Artifact> {
  const feeds = listFeeds(config);
  const template = await readFile(TEMPLATE, 'utf8');
  const site = config.site;
  const t = messagesFor(site.language);
  const vars: Record<string, string> = {
    ...textVars(t),
    lang: escapeHtml(site.language),
    title: escapeHtml(site.title),
    description: escapeHtml(site.description),
    csp: escapeHtml(CSP),
    script: escapeHtml(assets.js.path),
    worker: escapeHtml(assets.worker.path),
    style: escapeHtml(assets.css.path),
    math: escapeHtml(assets.math?.js.path ?? ''),
    mathStyle: escapeHtml(assets.math?.css.path ?? ''),
    count: escapeHtml(t.papers(paperCount)),
    feeds: feeds
      .map((f) => `<link rel="alternate" type="${escapeHtml(f.type)}" title="${escapeHtml(f.title)}" href="${escapeHtml(f.path)}">`)
      .join('\n    '),
    feedList: feedListHtml(groupFeeds(feeds), t),
  };
  return { path: 'index.html', data: template.replace(/\{\{([\w.]+)\}\}/g, (m, k: string) => vars[k] ?? m) };
}
