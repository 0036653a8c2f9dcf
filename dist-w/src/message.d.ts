/**
 * Problems are data: a message on the VFile of the input it concerns (unified's convention).
 * VFile has `message()` (a warning) and `fail()` (throws); a fatal message that does not throw,
 * so the run goes on with the other files, is made here. Pure and browser-safe.
 */
import type { VFile } from 'vfile';
import type { Options as MessageOptions, VFileMessage } from 'vfile-message';
/** Attaches a fatal message (`fatal: true`, with `{ place, ruleId, source }`) to `file`; never throws. */
export declare function fatal(file: VFile, reason: string, options: MessageOptions): VFileMessage;
//# sourceMappingURL=message.d.ts.map