/**
 * Text the feeds can carry, and the one XML escaper. Every string written into a feed, as XML
 * or as JSON, first loses what XML 1.0 cannot hold (its `Char` production, §2.2); what is
 * written into XML by hand (not through the `feed` package, see feed-package.ts) is escaped by
 * `escapeXml`.
 */

/**
 * Characters that are not allowed (or are discouraged: C1 controls) in XML 1.0,
 * plus U+FFFE/U+FFFF. Tab, LF and CR are kept.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text that is valid in XML 1.0 and in JSON: control characters (C0 except tab, LF and CR;
 * DEL; C1) and U+FFFE/U+FFFF are removed, a lone surrogate becomes U+FFFD. Nothing else changes.
 */
export function xmlSafeText(text: string): string {
  return (isWellFormed(text) ? text : text.replace(LONE_SURROGATE, '\uFFFD')).replace(CONTROL, '');
}

/**
 * True when `text` has no lone surrogate: String.prototype.isWellFormed (ES2024, in every Node
 * the project supports), a native check far cheaper than the LONE_SURROGATE scan it spares.
 */
function isWellFormed(text: string): boolean {
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}

/** Like xmlSafeText, then every whitespace run becomes one space and the ends are trimmed (titles, names). */
export function xmlSafeLine(text: string): string {
  return xmlSafeText(text).replace(/\s+/g, ' ').trim();
}

const REFERENCES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Any text as XML character data that is valid both as element content and inside a
 * double-quoted attribute value: xmlSafeText, then `&`, `<`, `>` and `"` as the predefined
 * entity references (`&amp;` `&lt;` `&gt;` `&quot;`). `>` is escaped so that `]]>` cannot
 * occur; `'` is left alone (attributes are always written with `"`).
 */
export function escapeXml(text: string): string {
  return xmlSafeText(text).replace(/[&<>"]/g, (c) => REFERENCES[c]!);
}

const HEX: Record<string, string> = { '&amp;': '&#x26;', '&lt;': '&#x3C;', '&gt;': '&#x3E;' };

/**
 * A serialized XML document with the `&amp;`, `&lt;` and `&gt;` entity references outside CDATA
 * sections written as hexadecimal character references (`&#x26;` `&#x3C;` `&#x3E;`): the same
 * characters to an XML parser, and what the RSS Best Practices Profile (character data) asks
 * for, so that a reader that also reads the text as HTML does not take `<think>` for a tag.
 * CDATA sections (item HTML) are left as they are.
 */
export function hexReferences(xml: string): string {
  return xml
    .split(/(<!\[CDATA\[[^]*?\]\]>)/)
    .map((part, n) => (n % 2 ? part : part.replace(/&(?:amp|lt|gt);/g, (ref) => HEX[ref]!)))
    .join('');
}
