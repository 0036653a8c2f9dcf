// pipeline/steps/discover.ts
import path from "node:path";
import { compareStrings } from "../../src/compare.js";
import fg from "fast-glob";
async function discoverStep(ctx) {
  const { inputDir, include, exclude } = ctx.config;
  let found;
  try {
    found = await fg(include, {
      cwd: inputDir,
      ignore: exclude,
      onlyFiles: true,
      dot: false,
      unique: true,
      followSymbolicLinks: true,
      suppressErrors: false
    });
  } catch (error) {
    const err = error;
    const rel = err.path ? path.relative(inputDir, err.path).split(path.sep).join("/") || "." : ".";
    ctx.fail(rel, `Cannot list folder: ${err.code ?? err.message}`, {
      ruleId: "unreadable-folder",
      source: "pipeline:discover"
    });
    return { value: [], counts: { files: 0 } };
  }
  const files = found.sort(compareStrings).map((rel) => ({ path: rel, abs: path.join(inputDir, rel) }));
  return { value: files, counts: { files: files.length } };
}
export {
  discoverStep
};
//# sourceMappingURL=discover.js.map
