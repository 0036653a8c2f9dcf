// pipeline/cache/rerun-record.ts
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { trustedMtime } from "./manifest.js";
var RERUN_FORMAT = "daily-papers-rerun@2";
var MAX_ENTRIES = 8;
var DEFAULT_CONFIG_FILE = "pipeline.config.ts";
function stamp(file) {
  let info;
  try {
    info = statSync(file);
  } catch {
    return null;
  }
  return `${info.size}:${info.mtimeMs}`;
}
function configFileOf(config, cwd) {
  if (config !== void 0) {
    const file2 = path.resolve(cwd, config);
    return existsSync(file2) ? file2 : void 0;
  }
  const file = path.join(cwd, DEFAULT_CONFIG_FILE);
  return existsSync(file) ? file : null;
}
function rerunKey(flags, cwd, configFile) {
  const key = {
    cwd: path.resolve(cwd),
    config: configFile,
    input: flags.input ?? null,
    output: flags.output ?? null,
    siteUrl: flags.siteUrl ? { url: flags.siteUrl.url, from: flags.siteUrl.from } : null,
    strict: flags.strict,
    allowEmpty: flags.allowEmpty
  };
  return JSON.stringify(key);
}
function recordFile(cwd, configFile) {
  if (configFile === null) return path.join(path.resolve(cwd), ".cache", "config", "no-config.runs.json");
  const stem = path.basename(configFile).replace(/\.[cm]?[jt]s$/, "");
  return path.join(path.dirname(configFile), ".cache", "config", `${stem}.runs.json`);
}
function buildStamp(root) {
  let bytes;
  try {
    bytes = readFileSync(path.join(root, "dist", "build-stamp.json"));
  } catch {
    return null;
  }
  const hash = createHash("sha256").update(bytes);
  for (const file of ["package.json", "package-lock.json"]) hash.update("\0").update(stamp(path.join(root, file)) ?? "none");
  return hash.digest("hex").slice(0, 16);
}
function namesDotEntries(include) {
  return include.some((glob) => glob.split("/").some((part) => part.startsWith(".") && part !== "." && part !== ".."));
}
function inputFolders(inputDir, include, runStartedMs) {
  const dots = namesDotEntries(include);
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const walk = (rel) => {
    const abs = rel === "" ? inputDir : path.join(inputDir, rel);
    let info;
    try {
      info = statSync(abs);
    } catch {
      return false;
    }
    const id = `${info.dev}:${info.ino}`;
    if (seen.has(id)) return true;
    seen.add(id);
    out.push([rel, trustedMtime(info, runStartedMs)]);
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      return false;
    }
    for (const entry of entries) {
      if (!dots && entry.name.startsWith(".")) continue;
      const child = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory() || entry.isSymbolicLink() && isFolder(path.join(abs, entry.name))) {
        if (!walk(child)) return false;
      }
    }
    return true;
  };
  return walk("") ? out.sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0) : null;
}
function isFolder(file) {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
function foldersUnchanged(inputDir, dirs) {
  for (const [rel, mtimeMs] of dirs) {
    if (mtimeMs === null) return false;
    try {
      if (statSync(rel === "" ? inputDir : path.join(inputDir, rel)).mtimeMs !== mtimeMs) return false;
    } catch {
      return false;
    }
  }
  return true;
}
function stampsUnchanged(stamps) {
  for (const [file, recorded] of Object.entries(stamps)) if (stamp(file) !== recorded) return false;
  return true;
}
function readEntries(file) {
  try {
    const record = JSON.parse(readFileSync(file, "utf8"));
    return record?.format === RERUN_FORMAT && Array.isArray(record.entries) ? record.entries : [];
  } catch {
    return [];
  }
}
function findEntry(file, key) {
  return readEntries(file).find((e) => e.key === key) ?? null;
}
function entryChange(entry, root) {
  if (buildStamp(root) !== entry.build) return "the build";
  if (!stampsUnchanged(entry.config)) return "the config";
  if (stamp(path.join(entry.cacheWorkDir, "manifest.json")) !== entry.manifest) return "the manifest";
  if (!foldersUnchanged(entry.inputDir, entry.dirs)) return "the input folders";
  return null;
}
function saveEntry(file, entry) {
  const entries = [entry, ...readEntries(file).filter((e) => e.key !== entry.key)].slice(0, MAX_ENTRIES);
  const record = { format: RERUN_FORMAT, entries };
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(record)}
`);
  renameSync(temp, file);
}
export {
  MAX_ENTRIES,
  RERUN_FORMAT,
  buildStamp,
  configFileOf,
  entryChange,
  findEntry,
  foldersUnchanged,
  inputFolders,
  recordFile,
  rerunKey,
  saveEntry,
  stamp
};
//# sourceMappingURL=rerun-record.js.map
