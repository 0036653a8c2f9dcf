import { describe, expect, it } from 'vitest';
import { authorKey, authorTable, buildAuthorRecords, cleanName, dedupeNames, parseAuthors, prependToTable, readAuthorTable, tallyAuthors } from '../../src/authors.ts';
import { mulberry32 } from '../eval/generate.ts';
import type { Paper } from '../../src/types.ts';

describe('parseAuthors', () => {
  it('reads a comma list', () => {
    expect(parseAuthors('Mina Park, Ying-Cong Chen, Gemma Team')).toEqual({
      names: ['Mina Park', 'Ying-Cong Chen', 'Gemma Team'],
      truncated: false,
      stray: [],
      notNames: [],
    });
  });

  it('reads a Python list with single and double quotes and escapes', () => {
    expect(parseAuthors(`['Sai Bi', "Sean O'Brien", 'Ana\\'s Twin', 'Hao Tan']`).names).toEqual([
      'Sai Bi',
      "Sean O'Brien",
      "Ana's Twin",
      'Hao Tan',
    ]);
  });

  it('marks a trailing + as truncated, in both forms', () => {
    expect(parseAuthors('A One, B Two, +')).toMatchObject({ names: ['A One', 'B Two'], truncated: true });
    expect(parseAuthors("['A One', '+']")).toMatchObject({ names: ['A One'], truncated: true });
    expect(parseAuthors('A One, B Two')).toMatchObject({ truncated: false });
    // a + inside a name is not truncation
    expect(parseAuthors('C++ Team')).toMatchObject({ names: ['C++ Team'], truncated: false });
  });

  it('never reads a + as a name: in the middle or at the start it marks folded-away names (truncated)', () => {
    expect(parseAuthors('Ge Kim, Yu-Ann Tsai, +, Rui Yuan, Ola Berg')).toEqual({
      names: ['Ge Kim', 'Yu-Ann Tsai', 'Rui Yuan', 'Ola Berg'],
      truncated: true,
      stray: [],
      notNames: [],
    });
    expect(parseAuthors('+, Zhifang Sui, Peiyi Wang')).toMatchObject({ names: ['Zhifang Sui', 'Peiyi Wang'], truncated: true });
    expect(parseAuthors("['A One', '+', 'B Two']")).toMatchObject({ names: ['A One', 'B Two'], truncated: true });
    expect(parseAuthors('A One, \u200b+ , B Two')).toMatchObject({ names: ['A One', 'B Two'], truncated: true });
  });

  it('drops items without a letter into notNames, and keeps names in any script', () => {
    expect(parseAuthors('A One, …, -, 42, 김서연, 2077AI')).toEqual({
      names: ['A One', '김서연', '2077AI'],
      truncated: false,
      stray: [],
      notNames: ['…', '-', '42'],
    });
  });

  it('takes invisible characters out of names: zero-width, soft hyphen, BOM; controls become spaces', () => {
    expect(parseAuthors('Aiko\u200b Mori, Jo\u00adnas Weiß, \ufeffLi Na, Noa\u0007Levi, Ma\u200dya Roy').names).toEqual([
      'Aiko Mori',
      'Jonas Weiß',
      'Li Na',
      'Noa Levi',
      'Maya Roy',
    ]);
    expect(cleanName('\u200bAiko\u2060 Mori\u200e')).toBe('Aiko Mori');
  });

  it('keeps duplicates in source order (the authors step removes them)', () => {
    expect(parseAuthors('Dan Kim, Dan Kim, Lee Yu').names).toEqual(['Dan Kim', 'Dan Kim', 'Lee Yu']);
  });

  it('cleans stray spaces and quotes, drops empty items, and applies NFC', () => {
    const r = parseAuthors('  Zoe\u0308 Adams ,  "Kai Liu", Liu  Yang , ,');
    expect(r.names).toEqual(['Zoë Adams', 'Kai Liu', 'Liu Yang']);
    expect(r.names[0]!.normalize('NFC')).toBe(r.names[0]);
    expect(r.stray).toEqual(['"Kai Liu"']);
  });

  it('tolerates an unclosed Python list and an empty value', () => {
    expect(parseAuthors("['A One', 'B Two'").names).toEqual(['A One', 'B Two']);
    expect(parseAuthors('')).toEqual({ names: [], truncated: false, stray: [], notNames: [] });
    expect(parseAuthors('[]').names).toEqual([]);
  });

  it('cleanName keeps inner apostrophes and hyphens', () => {
    expect(cleanName(" 'Luca D'Amico-Wong' ")).toBe("Luca D'Amico-Wong");
  });
});

describe('authorKey', () => {
  it.each([
    ['Ying-Cong Chen', 'Yingcong Chen'],
    ['Ying-Cong Chen', 'Ying Cong Chen'],
    ['Alexandre Ramé', 'Alexandre Rame'],
    ['ALEXANDRE RAME', 'alexandre rame'],
    ['Michał Nauman', 'Michal Nauman'],
    ['Matthias Nießner', 'Matthias Niessner'],
    ['Sercan Ö. Arık', 'Sercan O Arik'],
    ['Sercan "O. Arik', 'Sercan Ö. Arık'],
    ["['Sai Bi'", 'Sai Bi'],
    ['Dale R. Webster', 'Dale R Webster'],
    ['Keren Gu-Lemberg', 'Keren GuLemberg'],
    ['Ahmed El-Kishky', 'Ahmed ElKishky'],
    ['Ale\u0301xandre Rame', 'Alexandre Ramé'],
  ])('%s = %s', (a, b) => {
    expect(authorKey(a)).toBe(authorKey(b));
  });

  it.each([
    ['Luca D\'Amico-Wong', 'Luca Damico Wong'],
    ['Keren Gu-Lemberg', 'Keren Gu Lemberg'],
    ['Yingcong Chen', 'Chen Yingcong'],
    ['Dale Webster', 'Dale R. Webster'],
    ['Xin Li', 'Xing Li'],
  ])('%s != %s (documented limits)', (a, b) => {
    expect(authorKey(a)).not.toBe(authorKey(b));
  });

  it('keys ignore invisible characters, so a name with a zero-width space is the same person', () => {
    expect(authorKey('Aiko\u200b Mori')).toBe(authorKey('Aiko Mori'));
    expect(authorKey('Ai\u00adko Mo\ufeffri')).toBe('aiko mori');
    expect(authorKey('Noa\u0007Levi')).toBe('noa levi');
  });

  it('produces lower-case NFC keys; organisations are keys too', () => {
    expect(authorKey('Ying-Cong Chen')).toBe('yingcong chen');
    expect(authorKey('Gemma Team')).toBe('gemma team');
    expect(authorKey('DeepSeek-AI')).toBe('deepseekai');
    expect(authorKey('  ')).toBe('');
  });

  it('dedupeNames keeps the first spelling of each person', () => {
    expect(dedupeNames(['Yingcong Chen', 'A B', '-', 'Ying-Cong Chen', 'a b'])).toEqual({
      unique: ['Yingcong Chen', 'A B'],
      duplicates: ['Ying-Cong Chen', 'a b'],
      uniqueAt: [0, 1],
      duplicateAt: [3, 4],
    });
  });
});

function paper(id: string, names: string[]): Paper {
  return {
    id,
    version: null,
    title: id,
    date: '2024-01-01',
    dates: ['2024-01-01'],
    votes: null,
    authors: names.map((name) => ({ name, key: authorKey(name) })),
    authorsTruncated: false,
    summary: [],
    thumbnail: null,
    media: [],
    links: { abs: '', pdf: null, huggingface: null },
    source: { file: 'x.md', line: 1 },
  };
}

describe('buildAuthorRecords', () => {
  it('one record per key: most frequent spelling, sorted spellings, papers in dataset order, count', () => {
    const papers = [
      paper('2401.00003', ['Ying-Cong Chen', 'Gemma Team']),
      paper('2401.00002', ['Yingcong Chen']),
      paper('2401.00001', ['Ying-Cong Chen']),
    ];
    expect(buildAuthorRecords(papers)).toEqual([
      { key: 'gemma team', name: 'Gemma Team', spellings: ['Gemma Team'], papers: ['2401.00003'], count: 1 },
      {
        key: 'yingcong chen',
        name: 'Ying-Cong Chen',
        spellings: ['Ying-Cong Chen', 'Yingcong Chen'],
        papers: ['2401.00003', '2401.00002', '2401.00001'],
        count: 3,
      },
    ]);
  });

  it('breaks ties towards diacritics, then code-point order, independent of input order', () => {
    const a = buildAuthorRecords([paper('1', ['Alexandre Rame']), paper('2', ['Alexandre Ramé'])]);
    const b = buildAuthorRecords([paper('2', ['Alexandre Ramé']), paper('1', ['Alexandre Rame'])]);
    expect(a[0]!.name).toBe('Alexandre Ramé');
    expect(b[0]!.name).toBe('Alexandre Ramé');
    const c = buildAuthorRecords([paper('1', ['Ann Lee']), paper('2', ['ann lee'])]);
    expect(c[0]!.name).toBe('Ann Lee');
  });

  it('counts spellings over every listing when given, including later listings of a merged paper', () => {
    const papers = [paper('1', ['Yingcong Chen'])];
    const records = buildAuthorRecords(papers, [['Yingcong Chen'], ['Ying-Cong Chen'], ['Ying-Cong Chen', 'Ying-Cong Chen']]);
    expect(records).toEqual([
      { key: 'yingcong chen', name: 'Ying-Cong Chen', spellings: ['Ying-Cong Chen', 'Yingcong Chen'], papers: ['1'], count: 1 },
    ]);
  });
});

describe('authorTable', () => {
  const listings = (ps: readonly ReturnType<typeof paper>[]) => ps.map((p) => p.authors.map((a) => a.name));

  it('holds the records with their authors.json lines and spelling counts, and reads back from lines and counts', () => {
    const papers = [paper('1', ['Yingcong Chen', 'Ann Lee']), paper('2', ['Ann Lee'])];
    const table = authorTable(tallyAuthors(papers, [['Yingcong Chen', 'Ann Lee'], ['Ying-Cong Chen'], ['ann lee']]));
    expect(table.records).toEqual(buildAuthorRecords(papers, [['Yingcong Chen', 'Ann Lee'], ['Ying-Cong Chen'], ['ann lee']]));
    expect(table.lines).toEqual(table.records.map((r) => JSON.stringify(r)));
    // Spellings sorted: 'Ann Lee' before 'ann lee'; 'Ying-Cong Chen' before 'Yingcong Chen'.
    expect(table.uses).toEqual(['1,1', '1,1']);
    expect(readAuthorTable(table.lines, table.uses)).toEqual(table);
    expect(() => readAuthorTable(table.lines, ['1'])).toThrow('2 author lines but 1 spelling counts');
    expect(() => readAuthorTable(table.lines, ['1', '1'])).toThrow('author line 1 is not a record with its spelling counts');
    expect(() => readAuthorTable([...table.lines].reverse(), ['1,1', '1,1'])).toThrow('author line 2 is out of key order');
  });

  it('puts papers in front of a table as a table of all of them would hold them, leaving the old table as it was', () => {
    const old = [paper('2401.00002', ['Yingcong Chen', 'Ann Lee']), paper('2401.00001', ['Ann Lee', 'Zoe Park'])];
    const added = [paper('2401.00004', ['Ying-Cong Chen', 'Bo Li']), paper('2401.00003', ['Ying-Cong Chen', 'Zz Top'])];
    const table = authorTable(tallyAuthors(old, listings(old)));
    const before = structuredClone(table);
    const next = prependToTable(table, added, listings(added));
    expect(next).toEqual(authorTable(tallyAuthors([...added, ...old], listings([...added, ...old]))));
    // Two listings of the hyphenated spelling against one: the name changes with the new papers.
    expect(next.records.find((r) => r.key === 'yingcong chen')).toMatchObject({ name: 'Ying-Cong Chen', papers: ['2401.00004', '2401.00003', '2401.00002'] });
    expect(next.uses[next.records.findIndex((r) => r.key === 'yingcong chen')]).toBe('2,1');
    // An author the new papers do not name keeps the old record itself.
    expect(next.records.find((r) => r.key === 'zoe park')).toBe(table.records.find((r) => r.key === 'zoe park'));
    expect(table).toEqual(before);
  });

  it('matches a table of every paper for 200 generated splits (keys before, between and after the old ones)', () => {
    const names = ['Ann Lee', 'ann lee', 'Ánn Lee', 'Bo Li', 'Ying-Cong Chen', 'Yingcong Chen', 'Zoe Park', 'Aaron A', 'zz top', 'Mia Ko', 'Lars Berg', 'Hana Kim'];
    for (let seed = 1; seed <= 200; seed++) {
      const rng = mulberry32(seed);
      const make = (n: number, from: number) => Array.from({ length: n }, (_, i) => paper(`2401.${String(from + i).padStart(5, '0')}`, names.filter(() => rng() < 0.3)));
      const old = make(1 + Math.floor(rng() * 6), 0);
      const added = make(1 + Math.floor(rng() * 4), 100);
      const next = prependToTable(authorTable(tallyAuthors(old, listings(old))), added, listings(added));
      expect(next).toEqual(authorTable(tallyAuthors([...added, ...old], listings([...added, ...old]))));
    }
  });
});
