/**
 * A paper's summary: the items under its heading, one per top-level bullet, each with an
 * optional bold label (`- **What's New**: ...`), its markdown and its plain text. Prose and
 * other blocks after the first item continue the last one. Pure and browser-safe.
 */
import type { List, ListItem } from 'mdast';
import type { DigestEntry, SummaryItem } from '../types.ts';
import { blockText, collapse, sourceOf, sourceSpan, type Doc } from './nodes.ts';

/**
 * A label at the start of a bullet: 1-3 emphasis marks, text without `*`, `_` or `:`, then the
 * colon inside or outside the closing marks (`**Label**:`, `**Label:**`, `*Label* :`).
 */
const LABEL = /^([*_]{1,3})(?=\S)([^*_\n:]+?)(?::\s*[*_]{1,3}|\s*[*_]{1,3}\s*:)\s*/;

/**
 * Appends a block to the paper's last summary item: its markdown after `sep`, its plain text
 * on a new line (nothing when `plain` is ''). Without an item yet, the block opens an
 * unlabelled one.
 */
export function appendToSummary(entry: DigestEntry, markdown: string, plain: string, sep: string): void {
  const last = entry.summary[entry.summary.length - 1];
  if (!last) {
    entry.summary.push({ label: null, text: plain, markdown });
    return;
  }
  last.markdown = `${last.markdown}${sep}${markdown}`;
  last.text = plain === '' ? last.text : last.text === '' ? plain : `${last.text}\n${plain}`;
}

/** The markdown of a list item's content, with continuation lines dedented to its content column. */
function itemMarkdown(doc: Doc, item: ListItem): string {
  const first = item.children[0];
  const raw = sourceSpan(doc, first, item.children[item.children.length - 1]);
  const indent = (first?.position?.start.column ?? 1) - 1;
  if (raw === '' || indent <= 0) return raw;
  const strip = new RegExp(`^ {0,${indent}}`);
  return raw
    .split('\n')
    .map((line, k) => (k === 0 ? line : line.replace(strip, '')))
    .join('\n');
}

/** One bullet as a summary item: a leading LABEL is taken off its markdown and its plain text. */
function bulletItem(doc: Doc, item: ListItem): SummaryItem {
  let markdown = itemMarkdown(doc, item);
  let text = item.children.map(blockText).filter(Boolean).join('\n');
  const m = LABEL.exec(markdown);
  if (m?.[2] === undefined) return { label: null, text, markdown };
  const label = collapse(m[2]);
  markdown = markdown.slice(m[0].length);
  // Drop the label (and its emphasis marks and colon) from the plain text as well.
  const at = text.indexOf(label);
  if (at !== -1 && at <= 3) text = text.slice(at + label.length).replace(/^[\s*_]*:?[\s*_]*/, '');
  return { label, text, markdown };
}

/**
 * Reads a list into the paper's summary: one item per top-level bullet. A numbered list right
 * after an item (written at column 1 under a bullet) continues that item instead.
 */
export function readList(doc: Doc, entry: DigestEntry, list: List): void {
  if (list.ordered && entry.summary.length > 0) {
    appendToSummary(entry, sourceOf(doc, list), blockText(list), '\n');
    return;
  }
  for (const item of list.children) entry.summary.push(bulletItem(doc, item));
}
