/**
 * A paper's own page (`?id=<paper id>`): title, info line, every date it was listed, its
 * authors (links that filter to that person), its whole summary (labelled sections, nested
 * lists; built from the summary tree with DOM calls, never parsed as HTML), its links and its
 * related papers (links to their pages).
 */
import type { MetaRecord, PaperRecord, SummaryNode, SummarySection } from './format.ts';
import type { Messages } from './i18n.ts';
import { appendText, authorLinks, externalLink, infoLine, paperHref, paperLinks, safeUrl } from './render.ts';

const TAGS = { p: 'p', ul: 'ul', ol: 'ol', li: 'li', b: 'strong', i: 'em', code: 'code', pre: 'pre', a: 'a', br: 'br', quote: 'blockquote' } as const;

/** Appends summary nodes to `parent`: elements of known kinds, everything else as text. */
export function appendSummary(parent: HTMLElement, nodes: readonly SummaryNode[]): void {
  for (const node of nodes) {
    if (typeof node === 'string') {
      appendText(parent, node);
      continue;
    }
    const tag = TAGS[node.k];
    if (!tag) {
      appendSummary(parent, node.c ?? []);
      continue;
    }
    const el = document.createElement(tag);
    if (node.k === 'a') {
      const href = safeUrl(node.href ?? null, location.href);
      if (!href) {
        appendSummary(parent, node.c ?? []);
        continue;
      }
      const a = el as HTMLAnchorElement;
      a.href = href;
      a.rel = 'noopener noreferrer';
    }
    if (node.k === 'ol' && typeof node.start === 'number') (el as HTMLOListElement).start = node.start;
    if (node.k === 'pre' || node.k === 'code') el.textContent = (node.c ?? []).filter((c) => typeof c === 'string').join('');
    else appendSummary(el, node.c ?? []);
    parent.append(el);
  }
}

/**
 * The summary: each labelled bullet as a section (`h3` and its content), runs of unlabelled
 * bullets as one list.
 */
export function renderSummary(sections: readonly SummarySection[]): HTMLElement {
  const box = document.createElement('div');
  box.className = 'summary';
  let list: HTMLUListElement | null = null;
  for (const s of sections) {
    if (s.label === null) {
      if (!list) box.append((list = document.createElement('ul')));
      const li = document.createElement('li');
      appendSummary(li, s.body);
      list.append(li);
      continue;
    }
    list = null;
    const section = document.createElement('section');
    const h = document.createElement('h3');
    h.textContent = s.label;
    const body = document.createElement('div');
    body.className = 'section-body';
    // Plain text alone is a paragraph.
    if (s.body.every((n) => typeof n === 'string')) {
      const p = document.createElement('p');
      appendSummary(p, s.body);
      body.append(p);
    } else appendSummary(body, s.body);
    section.append(h, body);
    box.append(section);
  }
  return box;
}

/** `links` with a link to each of the paper's videos appended (`video`, numbered when several; http(s) only). */
function withMedia(links: HTMLParagraphElement, media: readonly string[], t: Messages): HTMLParagraphElement {
  const urls = [...new Set(media.map((u) => safeUrl(u, location.href)).filter((u): u is string => u !== null))];
  urls.forEach((url, i) => links.append(externalLink(url, urls.length > 1 ? `${t.video} ${i + 1}` : t.video, 'video')));
  return links;
}

function heading(text: string): HTMLHeadingElement {
  const h = document.createElement('h2');
  h.textContent = text;
  return h;
}

/** The paper page's "← back to the search" line (a link within the page). */
export function backLink(t: Messages): HTMLElement {
  const back = document.createElement('p');
  back.className = 'back';
  const home = document.createElement('a');
  home.href = './';
  home.className = 'back-link';
  home.textContent = t.backToSearch;
  back.append(home);
  return back;
}

/**
 * The article's content for a paper: `meta` (its result record), `record` (what its page adds)
 * and `related` (its related papers' records, most similar first).
 */
export function renderPaper(meta: MetaRecord, record: PaperRecord, related: readonly MetaRecord[], t: Messages): HTMLElement[] {
  const back = backLink(t);

  const h1 = document.createElement('h1');
  h1.className = 'paper-title';
  appendText(h1, meta.title);

  const thumb = safeUrl(meta.thumbnail, location.href);
  const figure: HTMLElement[] = [];
  if (thumb) {
    const img = document.createElement('img');
    img.className = 'thumb';
    img.alt = '';
    img.decoding = 'async';
    img.referrerPolicy = 'no-referrer';
    img.width = 320;
    img.height = 180;
    img.src = thumb;
    img.addEventListener('error', () => img.remove());
    figure.push(img);
  }

  const authors = document.createElement('p');
  authors.className = 'authors';
  authorLinks(authors, record.authors.map((a) => a.name), record.authors.map((a) => a.key), record.authorsTruncated, t);

  const dates = document.createElement('ul');
  dates.className = 'dates';
  for (const d of record.dates.length ? record.dates : [meta.date]) {
    const li = document.createElement('li');
    const time = document.createElement('time');
    time.dateTime = d;
    time.textContent = d;
    li.append(time);
    dates.append(li);
  }

  const relatedList = document.createElement('ol');
  relatedList.className = 'related';
  for (const r of related) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = paperHref(r.id);
    a.className = 'title';
    a.dataset.id = r.id;
    appendText(a, r.title);
    const info = document.createElement('span');
    info.className = 'related-info';
    info.textContent = ` · ${r.date} · ${t.votes(r.votes)}`;
    li.append(a, info);
    relatedList.append(li);
  }
  const relatedBlock: HTMLElement[] = [heading(t.related)];
  if (related.length) relatedBlock.push(relatedList);
  else {
    const none = document.createElement('p');
    none.textContent = t.noRelated;
    relatedBlock.push(none);
  }

  return [
    back,
    h1,
    infoLine(meta, t),
    ...figure,
    // A listing without authors (the digest gave none) shows no empty heading.
    ...(record.authors.length ? [heading(t.authors), authors] : []),
    heading(t.summary),
    renderSummary(record.summary),
    heading(t.listedOn),
    dates,
    heading(t.links),
    withMedia(paperLinks(meta, t), record.media ?? [], t),
    ...relatedBlock,
  ];
}
