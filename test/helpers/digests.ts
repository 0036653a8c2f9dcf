/** Test helpers: read a fixture digest through decodeDigest + parseDigest. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VFile } from 'vfile';
import { decodeDigest } from '../../src/digest/decode.ts';
import { parseDigest } from '../../src/digest/parse.ts';
import type { DigestEntry } from '../../src/types.ts';
import { newEntry } from '../../src/digest/listing.ts';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/digests/');

export interface Parsed {
  file: VFile;
  entries: DigestEntry[];
  text: string | null;
}

export function parseBytes(bytes: Uint8Array, rel: string): Parsed {
  const file = new VFile({ path: rel });
  const text = decodeDigest(bytes, file);
  const entries = text === null ? [] : parseDigest(text, file);
  return { file, entries, text };
}

export function parseFixture(rel: string): Parsed {
  return parseBytes(readFileSync(path.join(FIXTURES, rel)), rel);
}

type Message = VFile['messages'][number];

export function brief(m: Message): { ruleId: string | undefined; line: number | undefined; column: number | undefined; fatal: boolean | null | undefined } {
  return { ruleId: m.ruleId, line: m.line, column: m.column, fatal: m.fatal };
}

/**
 * One listing as the digest reader returns it, with empty defaults: `over` sets what a test is
 * about. Its source is line 3 of `<date>.md` unless `over.source` says otherwise.
 */
export function digestEntry(over: Partial<DigestEntry> = {}): DigestEntry {
  const date = over.date ?? '2024-01-02';
  const heading = { date, rank: 0, title: 'T', url: 'https://arxiv.org/abs/2401.00001', source: { file: `${date}.md`, line: 3, column: 1 } };
  return { ...newEntry(heading), ...over };
}
