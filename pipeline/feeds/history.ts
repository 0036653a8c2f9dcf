/**
 * RFC 5005 section 4 (archived feeds) markup for the main feed and its archive documents: the
 * `fh` namespace, the `current`, `prev-archive` and `next-archive` links and the `fh:archive`
 * marker, as Atom `<link>` elements (Atom) or `atom:link` elements (RSS 2.0, RFC 5005
 * Appendix B). Written by hand after the `feed` package (feed-package.ts), which has no
 * custom link relations.
 */
import { replaceOnce } from './feed-package.ts';
import type { FeedHistory } from './plan.ts';
import { escapeXml } from './xml.ts';

/** The Feed History namespace of RFC 5005. */
export const FH_NAMESPACE = 'http://purl.org/syndication/history/1.0';

const RELATIONS = [
  ['current', 'current'],
  ['prev', 'prev-archive'],
  ['next', 'next-archive'],
] as const;

/** ` xmlns:fh="…"` for the root element of a document that carries `fh:archive`, else ''. */
export function historyNamespace(history: FeedHistory | null): string {
  return history?.archive ? ` xmlns:fh="${FH_NAMESPACE}"` : '';
}

/**
 * `xml` with the history links of a document (and `<fh:archive/>` when it is an archive)
 * inserted right after its self link, `selfLink`: the exact markup the package wrote, each new
 * line indented by `indent`. Returns `xml` unchanged for `history` null. Throws when `selfLink`
 * does not occur (replaceOnce). The root element must declare historyNamespace.
 */
export function withHistory(xml: string, history: FeedHistory | null, format: 'rss' | 'atom', selfLink: string, indent: string): string {
  if (history === null) return xml;
  const type = format === 'rss' ? 'application/rss+xml' : 'application/atom+xml';
  const element = format === 'rss' ? 'atom:link' : 'link';
  const lines: string[] = [];
  for (const [key, rel] of RELATIONS) {
    const target = history[key];
    if (target) lines.push(`<${element} href="${escapeXml(target[format])}" rel="${rel}" type="${type}"/>`);
  }
  if (history.archive) lines.push('<fh:archive/>');
  return replaceOnce(xml, selfLink, [selfLink, ...lines].join(`\n${indent}`));
}
