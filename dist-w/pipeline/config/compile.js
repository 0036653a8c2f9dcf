// pipeline/config/compile.ts
import { readFileSync } from "node:fs";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PACKAGE_ROOT } from "../package-root.js";
var ConfigCompileError = class extends Error {
  name = "ConfigCompileError";
};
var FORMAT = 3;
var SELF_CONFIG = "daily-papers-feeds/config";
var SELF_CONFIG_SOURCE = path.join(PACKAGE_ROOT, "src", "config.ts");
function compiledConfigPath(file) {
  return path.join(path.dirname(file), ".cache", "config", `${path.basename(file).replace(/\.[cm]?ts$/, "")}.mjs`);
}
function formatMessage(message, dir) {
  const where = message.location ? `${path.resolve(dir, message.location.file)}:${message.location.line}:${message.location.column + 1}: ` : "";
  return `${where}${message.text}`;
}
var packagesByUrl = {
  name: "packages-by-url",
  setup(build) {
    build.onResolve({ filter: /^daily-papers-feeds\/config$/ }, () => ({ path: SELF_CONFIG_SOURCE }));
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith("node:") || args.pluginData === "resolving") return void 0;
      const found = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: "resolving" });
      if (found.errors.length > 0) return { errors: found.errors };
      return { path: found.external || !path.isAbsolute(found.path) ? found.path : pathToFileURL(found.path).href, external: true };
    });
  }
};
async function signatures(files) {
  const out = {};
  try {
    for (const file of files) {
      const info = await stat(file);
      out[file] = `${info.size}:${info.mtimeMs}`;
    }
  } catch {
    return null;
  }
  return out;
}
var DYNAMIC = /\b(?:process|Date|Math\.random|crypto|fetch|require|import\s*\(|import\.meta|globalThis|global|eval|Function|Intl|performance|navigator|Deno|Bun)\b/;
function readsOnlyItsFiles(inputs, dir) {
  const own = path.join(PACKAGE_ROOT, "src") + path.sep;
  for (const [file, input] of Object.entries(inputs)) {
    const abs = path.resolve(dir, file);
    if (abs.startsWith(own)) continue;
    if (input.imports.some((i) => i.external)) return false;
    let text;
    try {
      text = readFileSync(abs, "utf8");
    } catch {
      return false;
    }
    if (DYNAMIC.test(text)) return false;
  }
  return true;
}
async function configSources(file) {
  if (!/\.[cm]?ts$/.test(file)) return null;
  try {
    const text = await readFile(compiledConfigPath(file), "utf8");
    const header = JSON.parse(text.slice(3, text.indexOf("\n")));
    if (header.format !== FORMAT || header.config !== file || typeof header.inputs !== "object") return null;
    return { inputs: header.inputs, static: header.static === true };
  } catch {
    return null;
  }
}
async function isFresh(cached, file) {
  let header;
  try {
    const text = await readFile(cached, "utf8");
    header = JSON.parse(text.slice(3, text.indexOf("\n")));
  } catch {
    return false;
  }
  if (header.format !== FORMAT || header.config !== file || typeof header.inputs !== "object") return false;
  const now = await signatures(Object.keys(header.inputs));
  return now !== null && Object.entries(header.inputs).every(([f, sig]) => now[f] === sig);
}
async function compile(file) {
  const { build } = await import("esbuild");
  const dir = path.dirname(file);
  try {
    const result = await build({
      entryPoints: [file],
      absWorkingDir: dir,
      bundle: true,
      plugins: [packagesByUrl],
      format: "esm",
      platform: "node",
      target: "node20",
      write: false,
      metafile: true,
      logLevel: "silent"
    });
    const meta = result.metafile.inputs;
    const inputs = Object.keys(meta).map((f) => path.resolve(dir, f));
    return { code: result.outputFiles[0].text, inputs, static: readsOnlyItsFiles(meta, dir) };
  } catch (error) {
    const errors = error.errors;
    if (!errors?.length) throw error;
    throw new ConfigCompileError(errors.map((m) => formatMessage(m, dir)).join("\n"));
  }
}
async function configModuleUrl(file) {
  if (!/\.[cm]?ts$/.test(file)) return `${pathToFileURL(file).href}?t=${(await stat(file)).mtimeMs}`;
  const cached = compiledConfigPath(file);
  const version = async () => `${pathToFileURL(cached).href}?t=${(await stat(cached)).mtimeMs}`;
  if (await isFresh(cached, file)) return version();
  const compiled = await compile(file);
  const header = { format: FORMAT, config: file, inputs: await signatures(compiled.inputs) ?? {}, static: compiled.static };
  const text = `// ${JSON.stringify(header)}
${compiled.code}`;
  try {
    await mkdir(path.dirname(cached), { recursive: true });
    const temp = `${cached}.${process.pid}.tmp`;
    await writeFile(temp, text);
    await rename(temp, cached);
    return await version();
  } catch {
    return `data:text/javascript;base64,${Buffer.from(text).toString("base64")}`;
  }
}
export {
  ConfigCompileError,
  SELF_CONFIG,
  compiledConfigPath,
  configModuleUrl,
  configSources
};
//# sourceMappingURL=compile.js.map
