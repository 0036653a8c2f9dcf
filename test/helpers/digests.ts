/** Test helpers: read a fixture digest through decodeDigest + parseDigest. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VFile } from 'vfile';
import { decodeDigest } from '../../src/digest/decode.ts';
import { parseDigest } from '../../src/digest/parse.ts';
import type { DigestEntry } from '../../src/types.ts';

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
