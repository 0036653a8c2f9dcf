// pipeline/parse/core.ts
import { VFile } from "vfile";
import { fatal } from "../../src/message.js";
import { VFileMessage } from "vfile-message";
import { decodeDigest } from "../../src/digest/decode.js";
import { parseDigest } from "../../src/digest/parse.js";
import { serializeMessages } from "../report/diagnostics.js";
function parseBytes(bytes, relPath, inputDir) {
  const file = new VFile({ path: relPath, cwd: inputDir });
  let entries = [];
  try {
    const text = decodeDigest(bytes, file);
    if (text !== null) entries = parseDigest(text, file);
  } catch (error) {
    if (!(error instanceof VFileMessage && file.messages.includes(error))) {
      const reason = error instanceof Error ? error.message : String(error);
      fatal(file, `Parser error: ${reason}`, {
        place: { line: 1, column: 1 },
        ruleId: "parser-error",
        source: "pipeline:parse"
      });
    }
    entries = [];
  }
  return { entries, messages: serializeMessages(file) };
}
export {
  parseBytes
};
//# sourceMappingURL=core.js.map
