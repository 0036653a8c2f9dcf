// pipeline/steps/read.ts
import { readFileSync } from "node:fs";
import { sha256 } from "../cache/cache-file.js";
var READ_ERRORS = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "it is a folder, not a file",
  ENOENT: "it disappeared while the pipeline ran",
  ELOOP: "too many symbolic links",
  EIO: "input/output error"
};
async function readStep(ctx, { files, fastPath }) {
  const byStat = fastPath?.unchangedByStat(files) ?? null;
  let value;
  if (byStat && await fastPath.reusable(byStat)) value = { inputs: byStat, reuse: "stat" };
  else {
    const inputs = await readInputs(ctx, files);
    value = { inputs, reuse: fastPath && await fastPath.reusable(inputs) ? "content" : null };
  }
  return { value, counts: { files: value.inputs.length, bytes: value.inputs.reduce((s, x) => s + x.size, 0) } };
}
async function readInputs(ctx, files) {
  const out = [];
  for (const [i, f] of files.entries()) {
    try {
      const bytes = readFileSync(f.abs);
      out.push({ ...f, bytes, sha256: sha256(bytes), size: bytes.byteLength });
    } catch (error) {
      const code = error.code ?? "EUNKNOWN";
      const why = READ_ERRORS[code] ?? (error instanceof Error ? error.message : String(error));
      ctx.fail(f.path, `Cannot read file: ${why} (${code})`, {
        place: { line: 1, column: 1 },
        ruleId: "unreadable-file",
        source: "pipeline:parse"
      });
      out.push({ ...f, bytes: null, sha256: null, size: 0 });
    }
    ctx.logger.progress("read", i + 1, files.length);
    if (i % 256 === 255) await new Promise((resolve) => setImmediate(resolve));
  }
  return out;
}
export {
  readStep
};
//# sourceMappingURL=read.js.map
