// pipeline/steps/authors.ts
import { normalizeEntryAuthors } from "../../src/dataset.js";
var SOURCE = "pipeline:authors";
var STRAY = /["“”`[\]]/u;
function authorsStep(ctx, entries) {
  const out = [];
  for (const original of entries) {
    const { entry, duplicates } = normalizeEntryAuthors(original);
    const place = original.authorsAt ?? { line: original.source.line, column: original.source.column };
    if (duplicates.length > 0) {
      ctx.file(original.source.file).message(
        `Author listed more than once for this paper: ${[...new Set(duplicates)].map((d) => `\`${d}\``).join(", ")}; kept once`,
        { place, ruleId: "author-duplicate", source: SOURCE }
      );
    }
    const stray = entry.authors.filter((n) => STRAY.test(n));
    if (stray.length > 0) {
      ctx.file(original.source.file).message(
        `Author name with a stray quote or bracket: ${stray.map((d) => `\`${d}\``).join(", ")}; the key ignores it`,
        { place, ruleId: "author-stray-quote", source: SOURCE }
      );
    }
    out.push(entry);
  }
  return { value: out, counts: { entries: out.length } };
}
export {
  authorsStep
};
//# sourceMappingURL=authors.js.map
