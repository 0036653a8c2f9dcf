// pipeline/config/load.ts
import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";
import path from "node:path";
import { configSchema } from "../../src/config.js";
import { isConfigurable, RULE_IDS } from "../../src/diagnostic-rules.js";
import { ConfigCompileError, configModuleUrl } from "./compile.js";
var DEFAULT_CONFIG_FILE = "pipeline.config.ts";
var ConfigError = class extends Error {
  name = "ConfigError";
};
function outputRelevant(config) {
  const { input: _i, output: _o, cacheDir: _c, concurrency: _n, ...rest } = config;
  return rest;
}
function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).filter((k) => value[k] !== void 0).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
function configDigest(config) {
  return createHash("sha256").update(canonicalJson(outputRelevant(config))).digest("hex");
}
function unwrap(schema) {
  let s = schema;
  for (let i = 0; i < 10; i++) {
    const def = s?._zod?.def;
    if (def && def.innerType && ["prefault", "default", "optional", "nullable"].includes(def.type ?? "")) {
      s = def.innerType;
    } else break;
  }
  return s;
}
function knownKeys(keyPath) {
  let s = unwrap(configSchema);
  for (const key of keyPath) {
    const def = s?._zod?.def;
    if (typeof key === "number") s = unwrap(def?.element);
    else s = unwrap(def?.shape?.[String(key)]);
  }
  return Object.keys(s?._zod?.def?.shape ?? {});
}
function keyName(keyPath) {
  let out = "";
  for (const key of keyPath) out += typeof key === "number" ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || "(top level)";
}
function valueAt(root, keyPath) {
  let v = root;
  for (const key of keyPath) v = v !== null && typeof v === "object" ? v[key] : void 0;
  return v;
}
function show(value) {
  if (value === void 0) return "nothing";
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}
var EXPECTED = {
  "site.url": 'an absolute http:// or https:// URL, e.g. "https://user.github.io/repo/"',
  "feeds.time": 'a local time "HH:MM" (00:00 to 23:59)',
  "feeds.timezone": 'an IANA time zone this Node.js knows, e.g. "Asia/Seoul" or "UTC"'
};
function editDistance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}
function closestRuleId(unknown, allowed) {
  const tail = unknown.slice(unknown.lastIndexOf(":") + 1).toLowerCase();
  if (allowed.includes(tail)) return tail;
  const extended = allowed.filter((id) => tail.length >= 3 && id.startsWith(tail));
  if (extended.length === 1) return extended[0];
  let best = null;
  let bestDistance = Infinity;
  for (const id of allowed) {
    const d = editDistance(tail, id);
    if (d < bestDistance) [best, bestDistance] = [id, d];
  }
  return bestDistance <= Math.max(2, Math.floor(tail.length / 3)) ? best : null;
}
function formatIssues(issues, raw) {
  const lines = [];
  for (const issue of issues) {
    const key = keyName(issue.path);
    if (issue.code === "unrecognized_keys" && key === "diagnostics") {
      const allowed = RULE_IDS.filter(isConfigurable);
      for (const unknown of issue.keys) {
        const guess = closestRuleId(unknown, allowed);
        lines.push(
          `unknown rule id "${unknown}" in "diagnostics": ${guess ? `did you mean "${guess}"? ` : ""}expected one of ${allowed.map((k) => `"${k}"`).join(", ")}`
        );
      }
      continue;
    }
    if (issue.code === "unrecognized_keys") {
      const allowed = knownKeys(issue.path);
      for (const unknown of issue.keys) {
        lines.push(
          `unknown key "${keyName([...issue.path, unknown])}": expected one of ${allowed.map((k) => `"${k}"`).join(", ")}`
        );
      }
      continue;
    }
    const got = show(valueAt(raw, issue.path));
    const generic = key.replace(/\[\d+\]/g, "[]").replace(/^feeds\.extra\[\]/, "feeds.extra[]");
    let expected;
    if (EXPECTED[generic]) expected = EXPECTED[generic];
    else if (issue.code === "invalid_type") expected = `${issue.expected === "array" ? "an array" : `a ${issue.expected}`}`;
    else if (issue.code === "invalid_format" && issue.format === "regex") expected = `${issue.message}`;
    else if (issue.code === "custom") expected = issue.message;
    else if (issue.code === "invalid_value") expected = `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    else expected = issue.message.replace(/^(Invalid input|Too small|Too big): /, "");
    lines.push(`"${key}": expected ${expected.replace(/^expected /, "")}, got ${got}`);
  }
  return lines;
}
async function importConfig(file) {
  let mod;
  try {
    mod = await import(await configModuleUrl(file));
  } catch (error) {
    if (error instanceof ConfigCompileError) throw new ConfigError(`${file}: cannot load the config file: it does not compile:
${error.message}`);
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new ConfigError(`${file}: cannot load the config file: ${reason}`);
  }
  if (mod.default === void 0) {
    throw new ConfigError(`${file}: expected a default export, e.g. \`export default defineConfig({ ... })\``);
  }
  return mod.default;
}
function isHttpUrl(value) {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}
function isPlaceholderSiteUrl(url) {
  if (!URL.canParse(url)) return false;
  return /(^|\.)example\.(com|org|net|github\.io)$/i.test(new URL(url).hostname);
}
async function exists(file) {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
function isWithin(outer, inner) {
  const rel = path.relative(outer, inner);
  return rel === "" || !rel.startsWith("..") && !path.isAbsolute(rel);
}
async function readConfig(overrides) {
  const cwd = path.resolve(overrides.cwd ?? process.cwd());
  let configFile = null;
  let raw = {};
  if (overrides.config !== void 0) {
    configFile = path.resolve(cwd, overrides.config);
    if (!await exists(configFile)) throw new ConfigError(`--config: file "${overrides.config}" not found`);
  } else if (await exists(path.join(cwd, DEFAULT_CONFIG_FILE))) {
    configFile = path.join(cwd, DEFAULT_CONFIG_FILE);
  }
  if (configFile) raw = await importConfig(configFile);
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new ConfigError(`${configFile}: expected the default export to be an object, got ${show(raw)}`);
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const where = configFile ? path.relative(cwd, configFile) || configFile : "config";
    const lines = formatIssues(parsed.error.issues, raw);
    throw new ConfigError(`${where}: invalid config
${lines.map((l) => `  - ${l}`).join("\n")}`);
  }
  const config = parsed.data;
  if (overrides.siteUrl !== void 0) {
    const { url, from } = overrides.siteUrl;
    if (!isHttpUrl(url)) throw new ConfigError(`${from}: expected ${EXPECTED["site.url"]}, got ${show(url)}`);
    config.site = { ...config.site, url };
  }
  if (!config.site.url.endsWith("/")) config.site = { ...config.site, url: `${config.site.url}/` };
  return { config, configFile, cwd, base: configFile ? path.dirname(configFile) : cwd };
}
async function configuredOutputDir(overrides) {
  const { config, cwd, base } = await readConfig(overrides);
  return overrides.output !== void 0 ? path.resolve(cwd, overrides.output) : path.resolve(base, config.output);
}
function cacheWorkspace(inputDir) {
  const name = path.basename(inputDir).toLowerCase().replace(/[^a-z0-9._-]+/g, "-").slice(0, 32).replace(/^[.-]+|[.-]+$/g, "") || "input";
  return `${name}-${createHash("sha256").update(inputDir).digest("hex").slice(0, 8)}`;
}
async function loadConfig(overrides = {}) {
  const { config, configFile, cwd, base } = await readConfig(overrides);
  const inputDir = overrides.input !== void 0 ? path.resolve(cwd, overrides.input) : path.resolve(base, config.input);
  const outputDir = overrides.output !== void 0 ? path.resolve(cwd, overrides.output) : path.resolve(base, config.output);
  const cacheDirAbs = path.resolve(base, config.cacheDir);
  const inputKey = overrides.input !== void 0 ? "--input" : '"input"';
  const outputKey = overrides.output !== void 0 ? "--output" : '"output"';
  try {
    const info = await stat(inputDir);
    if (!info.isDirectory()) throw Object.assign(new Error("not a folder"), { code: "ENOTDIR" });
    await access(inputDir, constants.R_OK | constants.X_OK);
  } catch (error) {
    const code = error.code ?? "unreadable";
    const why = code === "ENOENT" ? "does not exist" : code === "ENOTDIR" ? "is not a folder" : `cannot be read (${code})`;
    throw new ConfigError(`${inputKey}: expected a readable folder of digests, but "${inputDir}" ${why}`);
  }
  for (const [what, dir] of [
    ["the input folder", inputDir],
    ["the cache folder", cacheDirAbs],
    ["the working directory", cwd],
    ...configFile ? [["the config file", configFile]] : []
  ]) {
    if (isWithin(outputDir, dir)) {
      throw new ConfigError(
        `${outputKey}: expected a folder of its own (it is replaced on every run), but "${outputDir}" contains ${what}`
      );
    }
  }
  if (isWithin(inputDir, outputDir)) {
    throw new ConfigError(`${outputKey}: expected a folder outside the input folder "${inputDir}"`);
  }
  const cacheWorkDir = path.join(cacheDirAbs, cacheWorkspace(inputDir));
  return { ...config, inputDir, outputDir, cacheDirAbs, cacheWorkDir, digest: configDigest(config), configFile };
}
export {
  ConfigError,
  DEFAULT_CONFIG_FILE,
  cacheWorkspace,
  canonicalJson,
  closestRuleId,
  configDigest,
  configuredOutputDir,
  formatIssues,
  isPlaceholderSiteUrl,
  loadConfig
};
//# sourceMappingURL=load.js.map
