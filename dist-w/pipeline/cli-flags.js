// pipeline/cli-flags.ts
import { readFlags } from "./commands/flags.js";
function parseFlags(argv, env) {
  const read = readFlags(argv, {
    config: { type: "string" },
    input: { type: "string" },
    output: { type: "string" },
    "site-url": { type: "string" },
    strict: { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    "no-cache": { type: "boolean", default: false },
    "allow-empty": { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
    version: { type: "boolean", short: "v", default: false }
  });
  if ("error" in read) return { error: read.error };
  const { values } = read;
  for (const key of ["config", "input", "output", "site-url"]) {
    if (values[key] === "") return { error: `--${key} needs a value` };
  }
  const fromEnv = env.PIPELINE_SITE_URL ? { url: env.PIPELINE_SITE_URL, from: "PIPELINE_SITE_URL" } : void 0;
  const siteUrl = values["site-url"] !== void 0 ? { url: values["site-url"], from: "--site-url" } : fromEnv;
  return {
    flags: {
      config: values.config,
      input: values.input,
      output: values.output,
      siteUrl,
      strict: values.strict,
      quiet: values.quiet,
      json: values.json,
      noCache: values["no-cache"],
      allowEmpty: values["allow-empty"],
      help: values.help,
      version: values.version
    }
  };
}
export {
  parseFlags
};
//# sourceMappingURL=cli-flags.js.map
