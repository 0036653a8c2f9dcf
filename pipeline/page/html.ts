/**
 * Renders the page's index.html from the template src/page/index.html: site texts, the bundled
 * assets' paths, the feed links and the Content-Security-Policy. Every URL is relative, so
 * `output/` works from any static host, including a sub-path.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { escapeHtml as escapeText } from '../../src/escape.ts';
import type { Config } from '../../src/config.ts';
import type { Artifact } from '../publish/artifact.ts';
import { listFeeds } from '../feeds/plan.ts';
import { PACKAGE_ROOT } from '../package-root.ts';

const TEMPLATE = path.join(PACKAGE_ROOT, 'src/page/index.html');

/** The page's Content-Security-Policy: scripts and data only from the same origin. */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; " +
  "connect-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'self'; manifest-src 'self'";

const escapeHtml = (text: string): string => escapeText(text, { apostrophe: true });

/** The bundled assets the page links to (paths under `assets/`). */
export interface PageAssets {
  js: Artifact;
  worker: Artifact;
  css: Artifact;
}

/**
 * index.html: the template with its `{{name}}` placeholders filled in (escaped); `paperCount` is
 * shown until the search data is loaded. An unknown placeholder is left as written.
 */
export async function renderIndexHtml(config: Config, paperCount: number, assets: PageAssets): Promise<Artifact> {
  const feeds = listFeeds(config);
  const template = await readFile(TEMPLATE, 'utf8');
  const site = config.site;
  const vars: Record<string, string> = {
    lang: escapeHtml(site.language),
    title: escapeHtml(site.title),
    description: escapeHtml(site.description),
    csp: escapeHtml(CSP),
    script: escapeHtml(assets.js.path),
    worker: escapeHtml(assets.worker.path),
    style: escapeHtml(assets.css.path),
    count: escapeHtml(String(paperCount)),
    feeds: feeds
      .map((f) => `<link rel="alternate" type="${escapeHtml(f.type)}" title="${escapeHtml(f.title)}" href="${escapeHtml(f.path)}">`)
      .join('\n    '),
    feedList: feeds
      .map((f) => `<li><a href="${escapeHtml(f.path)}" type="${escapeHtml(f.type)}">${escapeHtml(f.title)}</a></li>`)
      .join(''),
  };
  return { path: 'index.html', data: template.replace(/\{\{(\w+)\}\}/g, (m, k: string) => vars[k] ?? m) };
}
