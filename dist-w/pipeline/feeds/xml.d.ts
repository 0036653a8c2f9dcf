/**
 * Text the feeds can carry, and the one XML escaper. Every string written into a feed, as XML
 * or as JSON, first loses what XML 1.0 cannot hold (its `Char` production, §2.2); what is
 * written into XML by hand (not through the `feed` package, see feed-package.ts) is escaped by
 * `escapeXml`.
 */
/**
 * Text that is valid in XML 1.0 and in JSON: control characters (C0 except tab, LF and CR;
 * DEL; C1) and U+FFFE/U+FFFF are removed, a lone surrogate becomes U+FFFD. Nothing else changes.
 */
export declare function xmlSafeText(text: string): string;
/** Like xmlSafeText, then every whitespace run becomes one space and the ends are trimmed (titles, names). */
export declare function xmlSafeLine(text: string): string;
/**
 * Any text as XML character data that is valid both as element content and inside a
 * double-quoted attribute value: xmlSafeText, then `&`, `<`, `>` and `"` as the predefined
 * entity references (`&amp;` `&lt;` `&gt;` `&quot;`). `>` is escaped so that `]]>` cannot
 * occur; `'` is left alone (attributes are always written with `"`).
 */
export declare function escapeXml(text: string): string;
/**
 * A serialized XML document with the `&amp;`, `&lt;` and `&gt;` entity references outside CDATA
 * sections written as hexadecimal character references (`&#x26;` `&#x3C;` `&#x3E;`): the same
 * characters to an XML parser, and what the RSS Best Practices Profile (character data) asks
 * for, so that a reader that also reads the text as HTML does not take `<think>` for a tag.
 * CDATA sections (item HTML) are left as they are.
 */
export declare function hexReferences(xml: string): string;
//# sourceMappingURL=xml.d.ts.map