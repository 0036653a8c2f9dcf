/**
 * Text as a reader sees it: characters that show nothing are taken out of titles and names
 * before they are shown, compared or keyed, so `Aiko<U+200B> Mori` and `Aiko Mori` are one
 * spelling. Pure and browser-safe.
 *
 * The rule (Unicode general categories, as JavaScript's `\p{…}` classes name them):
 * - format characters (`Cf`: zero-width space, non-joiner and joiner, word joiner, soft
 *   hyphen, byte order mark, bidirectional marks and embeddings) are removed;
 * - control characters (`Cc`: C0 controls, DEL, C1 controls) become a space, so
 *   `Noisy<U+0007>Channel` reads "Noisy Channel";
 * - then runs of whitespace become one space, and the ends are trimmed.
 */
/** `s` with invisible characters removed, controls as spaces, whitespace collapsed and trimmed. */
export declare function visibleText(s: string): string;
//# sourceMappingURL=text.d.ts.map