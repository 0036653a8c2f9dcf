// pipeline/context.ts
import { VFile } from "vfile";
import { fatal } from "../src/message.js";
var PIPELINE_FILE = "(pipeline)";
var CONFIG_FILE = "(config)";
function createStepContext(options) {
  const { config } = options;
  const files = /* @__PURE__ */ new Map();
  const file = (path) => {
    let found = files.get(path);
    if (!found) {
      found = new VFile(config.inputDir === void 0 ? { path } : { path, cwd: config.inputDir });
      files.set(path, found);
    }
    return found;
  };
  const ctx = {
    config,
    logger: options.logger,
    file,
    fail: (path, reason, messageOptions) => fatal(file(path), reason, messageOptions),
    caches: options.caches ?? { parse: null, vectors: null }
  };
  return { ctx, files };
}
export {
  CONFIG_FILE,
  PIPELINE_FILE,
  createStepContext
};
//# sourceMappingURL=context.js.map
