// pipeline/publish/publish.ts
import { constants } from "node:fs";
import { copyFile, link, mkdir, open, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import writeFileAtomic from "write-file-atomic";
var PRESERVED_FILES = ["README.md"];
var LockError = class extends Error {
  name = "LockError";
};
function sibling(outputDir, suffix) {
  return path.join(path.dirname(outputDir), `.${path.basename(outputDir)}.${suffix}`);
}
function lockPath(outputDir) {
  return sibling(outputDir, "lock");
}
function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
async function acquireLock(outputDir) {
  const file = lockPath(outputDir);
  await mkdir(path.dirname(file), { recursive: true });
  let note = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 420);
      const info = { pid: process.pid, host: hostname(), started: (/* @__PURE__ */ new Date()).toISOString() };
      await handle.writeFile(`${JSON.stringify(info)}
`);
      await handle.close();
      let released = false;
      return {
        path: file,
        note,
        async release() {
          if (released) return;
          released = true;
          try {
            const current = JSON.parse(await readFile(file, "utf8"));
            if (current.pid === process.pid) await rm(file, { force: true });
          } catch {
          }
        }
      };
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    let holder = null;
    try {
      holder = JSON.parse(await readFile(file, "utf8"));
    } catch {
      const info = await stat(file).catch(() => null);
      if (info && Date.now() - info.mtimeMs < 5e3) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
    }
    const sameHost = !holder || holder.host === hostname();
    if (holder && (!sameHost || isAlive(holder.pid))) {
      throw new LockError(
        `another pipeline run (pid ${holder.pid} on ${holder.host}, started ${holder.started}) is publishing to ${outputDir}; wait for it to finish. If that process is gone, delete ${file}.`
      );
    }
    note = `removed a stale lock of pid ${holder?.pid ?? "?"} (${file})`;
    await rm(file, { force: true });
  }
  throw new LockError(`cannot take the lock ${file}; delete it if no pipeline run is active`);
}
async function recoverPublish(outputDir) {
  const notes = [];
  const parent = path.dirname(outputDir);
  const base = path.basename(outputDir);
  let names;
  try {
    names = await readdir(parent);
  } catch {
    return notes;
  }
  const outputExists = await stat(outputDir).then(
    () => true,
    () => false
  );
  const olds = names.filter((n) => n.startsWith(`.${base}.old-`)).sort();
  for (const name of olds) {
    const dir = path.join(parent, name);
    if (!outputExists && name === olds[olds.length - 1]) {
      await rename(dir, outputDir);
      notes.push(`restored the previous output from ${name} (an earlier run was interrupted while publishing)`);
    } else {
      await rm(dir, { recursive: true, force: true });
    }
  }
  for (const name of names.filter((n) => n.startsWith(`.${base}.staging-`))) {
    const pid = Number(name.slice(`.${base}.staging-`.length));
    if (pid === process.pid || !isAlive(pid)) {
      await rm(path.join(parent, name), { recursive: true, force: true });
      notes.push(`removed ${name} left by an interrupted run`);
    }
  }
  return notes;
}
async function stage(outputDir) {
  const dir = sibling(outputDir, `staging-${process.pid}`);
  const old = sibling(outputDir, `old-${process.pid}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const seen = /* @__PURE__ */ new Set();
  const made = /* @__PURE__ */ new Set([dir]);
  const place = async (name) => {
    const rel = path.posix.normalize(name);
    if (rel.startsWith("../") || rel === ".." || path.isAbsolute(rel) || rel === "." || seen.has(rel)) {
      throw new Error(`invalid or duplicate artifact path ${JSON.stringify(name)}`);
    }
    seen.add(rel);
    const target = path.join(dir, rel);
    const parent = path.dirname(target);
    if (!made.has(parent)) {
      await mkdir(parent, { recursive: true });
      made.add(parent);
    }
    return target;
  };
  const write = async (name, data) => {
    const target = await place(name);
    if (typeof data === "string" || data instanceof Uint8Array) {
      await writeFile(target, data);
      return;
    }
    const handle = await open(target, "w");
    try {
      for (let i = 0; i < data.length; i += 512) await handle.writev(data.slice(i, i + 512));
    } finally {
      await handle.close();
    }
  };
  const abort = () => rm(dir, { recursive: true, force: true });
  for (const name of PRESERVED_FILES) {
    await copyFile(path.join(outputDir, name), path.join(dir, name)).catch(() => void 0);
  }
  const linkFile = async (name, from) => {
    const target = await place(name);
    await link(from, target).catch(() => copyFile(from, target));
  };
  return {
    dir,
    write,
    link: linkFile,
    abort,
    async commit() {
      const hadOutput = await stat(outputDir).then(
        () => true,
        () => false
      );
      let movedAway = false;
      try {
        if (hadOutput) {
          await rename(outputDir, old);
          movedAway = true;
        }
        await rename(dir, outputDir);
      } catch (error) {
        if (movedAway) await rename(old, outputDir).catch(() => void 0);
        await abort();
        throw error;
      }
      if (hadOutput) await rm(old, { recursive: true, force: true });
    }
  };
}
async function replaceFile(outputDir, rel, data) {
  const bytes = typeof data === "string" ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  await writeFileAtomic(path.join(outputDir, rel), bytes);
}
export {
  LockError,
  PRESERVED_FILES,
  acquireLock,
  lockPath,
  recoverPublish,
  replaceFile,
  stage
};
//# sourceMappingURL=publish.js.map
