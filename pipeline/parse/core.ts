/**
 * Parsing one input file, the same way on the main thread and in a worker: decode the bytes,
 * parse the digest, and return the entries with the file's diagnostics as plain data.
 */
import { VFile } from 'vfile';
import { fatal } from '../../src/message.ts';
import { VFileMessage } from 'vfile-message';
import { decodeDigest } from '../../src/digest/decode.ts';
import { parseDigest } from '../../src/digest/parse.ts';
import type { ParsedFile } from '../cache/parse-cache.ts';
import { serializeMessages } from '../report/diagnostics.ts';

export function parseBytes(bytes: Uint8Array, relPath: string, inputDir: string): ParsedFile {
  const file = new VFile({ path: relPath, cwd: inputDir });
  let entries: ParsedFile['entries'] = [];
  try {
    const text = decodeDigest(bytes, file);
    if (text !== null) entries = parseDigest(text, file);
  } catch (error) {
    // `file.fail` already attached its message; anything else is a parser bug, reported on the file.
    if (!(error instanceof VFileMessage && file.messages.includes(error))) {
      const reason = error instanceof Error ? error.message : String(error);
      fatal(file, `Parser error: ${reason}`, {
        place: { line: 1, column: 1 },
        ruleId: 'parser-error',
        source: 'pipeline:parse',
      });
    }
    entries = [];
  }
  return { entries, messages: serializeMessages(file) };
}
