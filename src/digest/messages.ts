/**
 * The messages the digest reader puts on a file: warnings and fatal messages with a 1-based
 * place and a rule id, all with source `digest` (the part of the program that found the
 * problem; reports show it as `digest:<ruleId>`). Pure and browser-safe.
 */
import type { VFile } from 'vfile';
import { fatal as fatalMessage } from '../message.ts';

/** The `source` of every message the digest reader makes. */
export const DIGEST_SOURCE = 'digest';

/** A position in the file: 1-based line and column. */
export interface Place {
  line: number;
  column: number;
}

/** Attaches a warning (`fatal: false`) to `file`. */
export function warn(file: VFile, reason: string, place: Place, ruleId: string): void {
  file.message(reason, { place, ruleId, source: DIGEST_SOURCE });
}

/** Attaches a fatal message to `file` without throwing (see src/message.ts). */
export function fatal(file: VFile, reason: string, place: Place, ruleId: string): void {
  fatalMessage(file, reason, { place, ruleId, source: DIGEST_SOURCE });
}
