/**
 * Decoding a digest's bytes to text: binary content and invalid UTF-8 are rejected with a
 * fatal message at the offending byte; line endings and Unicode form are normalized. Pure and
 * browser-safe (TextDecoder only).
 */
import type { VFile } from 'vfile';
/**
 * Decode a digest's bytes. Binary content (a NUL byte) or invalid UTF-8 gets a fatal message
 * (rule `encoding`, placed at the offending byte) and returns null. A UTF-8 BOM is stripped,
 * CRLF and CR become LF, and the text is NFC-normalized.
 */
export declare function decodeDigest(bytes: Uint8Array, file: VFile): string | null;
//# sourceMappingURL=decode.d.ts.map