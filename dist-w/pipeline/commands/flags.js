// pipeline/commands/flags.ts
import { parseArgs } from "node:util";
function readFlags(argv, options, allowPositionals) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: allowPositionals ?? false, strict: true });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
export {
  readFlags
};
//# sourceMappingURL=flags.js.map
