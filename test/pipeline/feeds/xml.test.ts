import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXml, hexReferences, xmlSafeLine, xmlSafeText } from '../../../pipeline/feeds/xml.ts';

describe('xmlSafeText', () => {
  it('removes what XML 1.0 cannot carry and replaces lone surrogates', () => {
    expect(xmlSafeText('a\u0000b\u0008c\u000Bd\u001Fe\u007Ff\u0085g\uFFFEh\uFFFF')).toBe('abcdefgh');
    expect(xmlSafeText('\uD800x\uDC00')).toBe('\uFFFDx\uFFFD');
  });
  it('keeps tab, newlines, pairs and everything else', () => {
    expect(xmlSafeText('a\tb\nc\rd 🚀 & <e> "f"')).toBe('a\tb\nc\rd 🚀 & <e> "f"');
  });
});

describe('xmlSafeLine', () => {
  it('collapses whitespace runs to one space and trims', () => {
    expect(xmlSafeLine('  A \n\t title\u0001  ')).toBe('A title');
  });
});

describe('escapeXml', () => {
  it('writes & < > " as entity references and leaves apostrophes', () => {
    expect(escapeXml(`a & b < c > d "e" 'f' ]]>`)).toBe(`a &amp; b &lt; c &gt; d &quot;e&quot; 'f' ]]&gt;`);
  });
  it('does not re-interpret references: escaping is not idempotent', () => {
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });
  it('gives well-formed element content and attribute values for hostile text', () => {
    const hostile = '\u0000<x a="1">]]>&#0;\uD800</x>';
    const xml = `<r a="${escapeXml(hostile)}">${escapeXml(hostile)}</r>`;
    expect(XMLValidator.validate(xml)).toBe(true);
  });
});

describe('hexReferences', () => {
  it('rewrites the entity references outside CDATA as hexadecimal character references', () => {
    const xml = '<a t="x&amp;y">&lt;think&gt; &amp; &quot;q&quot;<![CDATA[<p>&amp;&lt;</p>]]>&lt;</a>';
    const out = hexReferences(xml);
    expect(out).toBe('<a t="x&#x26;y">&#x3C;think&#x3E; &#x26; &quot;q&quot;<![CDATA[<p>&amp;&lt;</p>]]>&#x3C;</a>');
    expect(XMLValidator.validate(out)).toBe(true);
  });
});
