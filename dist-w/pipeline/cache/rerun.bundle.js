import { createRequire as __bundleRequire } from 'node:module'; import { fileURLToPath as __bundlePath } from 'node:url'; const require = __bundleRequire(import.meta.url); const __filename = __bundlePath(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/signal-exit/dist/cjs/signals.js
var require_signals = __commonJS({
  "node_modules/signal-exit/dist/cjs/signals.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.signals = void 0;
    exports.signals = [];
    exports.signals.push("SIGHUP", "SIGINT", "SIGTERM");
    if (process.platform !== "win32") {
      exports.signals.push(
        "SIGALRM",
        "SIGABRT",
        "SIGVTALRM",
        "SIGXCPU",
        "SIGXFSZ",
        "SIGUSR2",
        "SIGTRAP",
        "SIGSYS",
        "SIGQUIT",
        "SIGIOT"
        // should detect profiler and enable/disable accordingly.
        // see #21
        // 'SIGPROF'
      );
    }
    if (process.platform === "linux") {
      exports.signals.push("SIGIO", "SIGPOLL", "SIGPWR", "SIGSTKFLT");
    }
  }
});

// node_modules/signal-exit/dist/cjs/index.js
var require_cjs = __commonJS({
  "node_modules/signal-exit/dist/cjs/index.js"(exports) {
    "use strict";
    var _a;
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.unload = exports.load = exports.onExit = exports.signals = void 0;
    var signals_js_1 = require_signals();
    Object.defineProperty(exports, "signals", { enumerable: true, get: function() {
      return signals_js_1.signals;
    } });
    var processOk = (process3) => !!process3 && typeof process3 === "object" && typeof process3.removeListener === "function" && typeof process3.emit === "function" && typeof process3.reallyExit === "function" && typeof process3.listeners === "function" && typeof process3.kill === "function" && typeof process3.pid === "number" && typeof process3.on === "function";
    var kExitEmitter = /* @__PURE__ */ Symbol.for("signal-exit emitter");
    var global = globalThis;
    var ObjectDefineProperty = Object.defineProperty.bind(Object);
    var Emitter = class {
      emitted = {
        afterExit: false,
        exit: false
      };
      listeners = {
        afterExit: [],
        exit: []
      };
      count = 0;
      id = Math.random();
      constructor() {
        if (global[kExitEmitter]) {
          return global[kExitEmitter];
        }
        ObjectDefineProperty(global, kExitEmitter, {
          value: this,
          writable: false,
          enumerable: false,
          configurable: false
        });
      }
      on(ev, fn) {
        this.listeners[ev].push(fn);
      }
      removeListener(ev, fn) {
        const list = this.listeners[ev];
        const i = list.indexOf(fn);
        if (i === -1) {
          return;
        }
        if (i === 0 && list.length === 1) {
          list.length = 0;
        } else {
          list.splice(i, 1);
        }
      }
      emit(ev, code, signal) {
        if (this.emitted[ev]) {
          return false;
        }
        this.emitted[ev] = true;
        let ret = false;
        for (const fn of this.listeners[ev]) {
          ret = fn(code, signal) === true || ret;
        }
        if (ev === "exit") {
          ret = this.emit("afterExit", code, signal) || ret;
        }
        return ret;
      }
    };
    var SignalExitBase = class {
    };
    var signalExitWrap = (handler) => {
      return {
        onExit(cb, opts) {
          return handler.onExit(cb, opts);
        },
        load() {
          return handler.load();
        },
        unload() {
          return handler.unload();
        }
      };
    };
    var SignalExitFallback = class extends SignalExitBase {
      onExit() {
        return () => {
        };
      }
      load() {
      }
      unload() {
      }
    };
    var SignalExit = class extends SignalExitBase {
      // "SIGHUP" throws an `ENOSYS` error on Windows,
      // so use a supported signal instead
      /* c8 ignore start */
      #hupSig = process2.platform === "win32" ? "SIGINT" : "SIGHUP";
      /* c8 ignore stop */
      #emitter = new Emitter();
      #process;
      #originalProcessEmit;
      #originalProcessReallyExit;
      #sigListeners = {};
      #loaded = false;
      constructor(process3) {
        super();
        this.#process = process3;
        this.#sigListeners = {};
        for (const sig of signals_js_1.signals) {
          this.#sigListeners[sig] = () => {
            const listeners = this.#process.listeners(sig);
            let { count } = this.#emitter;
            const p = process3;
            if (typeof p.__signal_exit_emitter__ === "object" && typeof p.__signal_exit_emitter__.count === "number") {
              count += p.__signal_exit_emitter__.count;
            }
            if (listeners.length === count) {
              this.unload();
              const ret = this.#emitter.emit("exit", null, sig);
              const s = sig === "SIGHUP" ? this.#hupSig : sig;
              if (!ret)
                process3.kill(process3.pid, s);
            }
          };
        }
        this.#originalProcessReallyExit = process3.reallyExit;
        this.#originalProcessEmit = process3.emit;
      }
      onExit(cb, opts) {
        if (!processOk(this.#process)) {
          return () => {
          };
        }
        if (this.#loaded === false) {
          this.load();
        }
        const ev = opts?.alwaysLast ? "afterExit" : "exit";
        this.#emitter.on(ev, cb);
        return () => {
          this.#emitter.removeListener(ev, cb);
          if (this.#emitter.listeners["exit"].length === 0 && this.#emitter.listeners["afterExit"].length === 0) {
            this.unload();
          }
        };
      }
      load() {
        if (this.#loaded) {
          return;
        }
        this.#loaded = true;
        this.#emitter.count += 1;
        for (const sig of signals_js_1.signals) {
          try {
            const fn = this.#sigListeners[sig];
            if (fn)
              this.#process.on(sig, fn);
          } catch (_) {
          }
        }
        this.#process.emit = (ev, ...a) => {
          return this.#processEmit(ev, ...a);
        };
        this.#process.reallyExit = (code) => {
          return this.#processReallyExit(code);
        };
      }
      unload() {
        if (!this.#loaded) {
          return;
        }
        this.#loaded = false;
        signals_js_1.signals.forEach((sig) => {
          const listener = this.#sigListeners[sig];
          if (!listener) {
            throw new Error("Listener not defined for signal: " + sig);
          }
          try {
            this.#process.removeListener(sig, listener);
          } catch (_) {
          }
        });
        this.#process.emit = this.#originalProcessEmit;
        this.#process.reallyExit = this.#originalProcessReallyExit;
        this.#emitter.count -= 1;
      }
      #processReallyExit(code) {
        if (!processOk(this.#process)) {
          return 0;
        }
        this.#process.exitCode = code || 0;
        this.#emitter.emit("exit", this.#process.exitCode, null);
        return this.#originalProcessReallyExit.call(this.#process, this.#process.exitCode);
      }
      #processEmit(ev, ...args) {
        const og = this.#originalProcessEmit;
        if (ev === "exit" && processOk(this.#process)) {
          if (typeof args[0] === "number") {
            this.#process.exitCode = args[0];
          }
          const ret = og.call(this.#process, ev, ...args);
          this.#emitter.emit("exit", this.#process.exitCode, null);
          return ret;
        } else {
          return og.call(this.#process, ev, ...args);
        }
      }
    };
    var process2 = globalThis.process;
    _a = signalExitWrap(processOk(process2) ? new SignalExit(process2) : new SignalExitFallback()), /**
     * Called when the process is exiting, whether via signal, explicit
     * exit, or running out of stuff to do.
     *
     * If the global process object is not suitable for instrumentation,
     * then this will be a no-op.
     *
     * Returns a function that may be used to unload signal-exit.
     */
    exports.onExit = _a.onExit, /**
     * Load the listeners.  Likely you never need to call this, unless
     * doing a rather deep integration with signal-exit functionality.
     * Mostly exposed for the benefit of testing.
     *
     * @internal
     */
    exports.load = _a.load, /**
     * Unload the listeners.  Likely you never need to call this, unless
     * doing a rather deep integration with signal-exit functionality.
     * Mostly exposed for the benefit of testing.
     *
     * @internal
     */
    exports.unload = _a.unload;
  }
});

// node_modules/write-file-atomic/lib/index.js
var require_lib = __commonJS({
  "node_modules/write-file-atomic/lib/index.js"(exports, module) {
    "use strict";
    module.exports = writeFile3;
    module.exports.sync = writeFileSync2;
    module.exports._getTmpname = getTmpname;
    module.exports._cleanupOnExit = cleanupOnExit;
    var fs = __require("fs");
    var crypto = __require("node:crypto");
    var { onExit } = require_cjs();
    var path9 = __require("path");
    var { promisify } = __require("util");
    var activeFiles = {};
    var threadId = (function getId() {
      try {
        const workerThreads = __require("worker_threads");
        return workerThreads.threadId;
      } catch (e) {
        return 0;
      }
    })();
    var invocations = 0;
    function getTmpname(filename) {
      return filename + "." + crypto.createHash("sha1").update(__filename).update(String(process.pid)).update(String(threadId)).update(String(++invocations)).digest().readUInt32BE(0);
    }
    function cleanupOnExit(tmpfile) {
      return () => {
        try {
          fs.unlinkSync(typeof tmpfile === "function" ? tmpfile() : tmpfile);
        } catch {
        }
      };
    }
    function serializeActiveFile(absoluteName) {
      return new Promise((resolve) => {
        if (!activeFiles[absoluteName]) {
          activeFiles[absoluteName] = [];
        }
        activeFiles[absoluteName].push(resolve);
        if (activeFiles[absoluteName].length === 1) {
          resolve();
        }
      });
    }
    function isChownErrOk(err) {
      if (err.code === "ENOSYS") {
        return true;
      }
      const nonroot = !process.getuid || process.getuid() !== 0;
      if (nonroot) {
        if (err.code === "EINVAL" || err.code === "EPERM") {
          return true;
        }
      }
      return false;
    }
    async function writeFileAsync(filename, data, options = {}) {
      if (typeof options === "string") {
        options = { encoding: options };
      }
      let fd;
      let tmpfile;
      const removeOnExitHandler = onExit(cleanupOnExit(() => tmpfile));
      const absoluteName = path9.resolve(filename);
      try {
        await serializeActiveFile(absoluteName);
        const truename = await promisify(fs.realpath)(filename).catch(() => filename);
        tmpfile = getTmpname(truename);
        if (!options.mode || !options.chown) {
          const stats = await promisify(fs.stat)(truename).catch(() => {
          });
          if (stats) {
            if (options.mode == null) {
              options.mode = stats.mode;
            }
            if (options.chown == null && process.getuid) {
              options.chown = { uid: stats.uid, gid: stats.gid };
            }
          }
        }
        fd = await promisify(fs.open)(tmpfile, "w", options.mode);
        if (options.tmpfileCreated) {
          await options.tmpfileCreated(tmpfile);
        }
        if (ArrayBuffer.isView(data)) {
          await promisify(fs.write)(fd, data, 0, data.length, 0);
        } else if (data != null) {
          await promisify(fs.write)(fd, String(data), 0, String(options.encoding || "utf8"));
        }
        if (options.fsync !== false) {
          await promisify(fs.fsync)(fd);
        }
        await promisify(fs.close)(fd);
        fd = null;
        if (options.chown) {
          await promisify(fs.chown)(tmpfile, options.chown.uid, options.chown.gid).catch((err) => {
            if (!isChownErrOk(err)) {
              throw err;
            }
          });
        }
        if (options.mode) {
          await promisify(fs.chmod)(tmpfile, options.mode).catch((err) => {
            if (!isChownErrOk(err)) {
              throw err;
            }
          });
        }
        await promisify(fs.rename)(tmpfile, truename);
      } finally {
        if (fd) {
          await promisify(fs.close)(fd).catch(
            /* istanbul ignore next */
            () => {
            }
          );
        }
        removeOnExitHandler();
        await promisify(fs.unlink)(tmpfile).catch(() => {
        });
        activeFiles[absoluteName].shift();
        if (activeFiles[absoluteName].length > 0) {
          activeFiles[absoluteName][0]();
        } else {
          delete activeFiles[absoluteName];
        }
      }
    }
    async function writeFile3(filename, data, options, callback) {
      if (options instanceof Function) {
        callback = options;
        options = {};
      }
      const promise = writeFileAsync(filename, data, options);
      if (callback) {
        try {
          const result = await promise;
          return callback(result);
        } catch (err) {
          return callback(err);
        }
      }
      return promise;
    }
    function writeFileSync2(filename, data, options) {
      if (typeof options === "string") {
        options = { encoding: options };
      } else if (!options) {
        options = {};
      }
      try {
        filename = fs.realpathSync(filename);
      } catch (ex) {
      }
      const tmpfile = getTmpname(filename);
      if (!options.mode || !options.chown) {
        try {
          const stats = fs.statSync(filename);
          options = Object.assign({}, options);
          if (!options.mode) {
            options.mode = stats.mode;
          }
          if (!options.chown && process.getuid) {
            options.chown = { uid: stats.uid, gid: stats.gid };
          }
        } catch (ex) {
        }
      }
      let fd;
      const cleanup = cleanupOnExit(tmpfile);
      const removeOnExitHandler = onExit(cleanup);
      let threw = true;
      try {
        fd = fs.openSync(tmpfile, "w", options.mode || 438);
        if (options.tmpfileCreated) {
          options.tmpfileCreated(tmpfile);
        }
        if (ArrayBuffer.isView(data)) {
          fs.writeSync(fd, data, 0, data.length, 0);
        } else if (data != null) {
          fs.writeSync(fd, String(data), 0, String(options.encoding || "utf8"));
        }
        if (options.fsync !== false) {
          fs.fsyncSync(fd);
        }
        fs.closeSync(fd);
        fd = null;
        if (options.chown) {
          try {
            fs.chownSync(tmpfile, options.chown.uid, options.chown.gid);
          } catch (err) {
            if (!isChownErrOk(err)) {
              throw err;
            }
          }
        }
        if (options.mode) {
          try {
            fs.chmodSync(tmpfile, options.mode);
          } catch (err) {
            if (!isChownErrOk(err)) {
              throw err;
            }
          }
        }
        fs.renameSync(tmpfile, filename);
        threw = false;
      } finally {
        if (fd) {
          try {
            fs.closeSync(fd);
          } catch (ex) {
          }
        }
        removeOnExitHandler();
        if (threw) {
          cleanup();
        }
      }
    }
  }
});

// pipeline/cache/rerun.ts
import { readdirSync as readdirSync2, readFileSync as readFileSync2 } from "node:fs";
import path8 from "node:path";

// pipeline/commands/flags.ts
import { parseArgs } from "node:util";
function readFlags(argv, options, allowPositionals) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: allowPositionals ?? false, strict: true });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

// pipeline/cli-flags.ts
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

// pipeline/config/compile.ts
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path2 from "node:path";

// pipeline/package-root.ts
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
function findPackageRoot(from) {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
var PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

// pipeline/config/compile.ts
var FORMAT = 3;
var SELF_CONFIG_SOURCE = path2.join(PACKAGE_ROOT, "src", "config.ts");
function compiledConfigPath(file) {
  return path2.join(path2.dirname(file), ".cache", "config", `${path2.basename(file).replace(/\.[cm]?ts$/, "")}.mjs`);
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

// pipeline/publish/publish.ts
var import_write_file_atomic = __toESM(require_lib(), 1);
import { constants } from "node:fs";
import { copyFile, link, mkdir as mkdir2, open, readFile as readFile2, readdir, rename as rename2, rm, stat as stat2, writeFile as writeFile2 } from "node:fs/promises";
import { hostname } from "node:os";
import path3 from "node:path";
var LockError = class extends Error {
  name = "LockError";
};
function sibling(outputDir, suffix) {
  return path3.join(path3.dirname(outputDir), `.${path3.basename(outputDir)}.${suffix}`);
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
  await mkdir2(path3.dirname(file), { recursive: true });
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
            const current = JSON.parse(await readFile2(file, "utf8"));
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
      holder = JSON.parse(await readFile2(file, "utf8"));
    } catch {
      const info = await stat2(file).catch(() => null);
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
async function replaceFile(outputDir, rel, data) {
  const bytes = typeof data === "string" ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  await (0, import_write_file_atomic.default)(path3.join(outputDir, rel), bytes);
}

// src/compare.ts
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function byString(key) {
  return (a, b) => compareStrings(key(a), key(b));
}
function byEntryKey(a, b) {
  return compareStrings(a[0], b[0]);
}

// pipeline/report/terminal.ts
import { createRequire } from "node:module";
var PER_RULE = 3;
var DEFAULT_WIDTH = 100;
var LABEL = { fatal: "error", warning: "warning", info: "info" };
var CONTINUATION = "    ";
var eastAsianWidth;
function charColumns(ch) {
  if (ch >= " " && ch <= "~") return 1;
  if (/[\p{M}\p{Cf}]/u.test(ch)) return 0;
  if (new RegExp("\\p{Emoji_Presentation}", "u").test(ch)) return 2;
  eastAsianWidth ??= createRequire(import.meta.url)("eastasianwidth").eastAsianWidth;
  const w = eastAsianWidth(ch);
  return w === "W" || w === "F" ? 2 : 1;
}
function columns(text) {
  let n = 0;
  for (const ch of text) n += charColumns(ch);
  return n;
}
function fit(text, width) {
  if (columns(text) <= width) return text;
  let out = "";
  let used = 0;
  for (const ch of text) {
    const w = charColumns(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}\u2026`;
}
function wrap(text, width, options = {}) {
  const indent = options.indent ?? CONTINUATION;
  const lines = [];
  let line = options.lead ?? "";
  let used = columns(line);
  let fresh = true;
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    const room = width - used - (fresh ? 0 : 1);
    const wordColumns = columns(word);
    if (wordColumns <= room) {
      line += fresh ? word : ` ${word}`;
      used += fresh ? wordColumns : wordColumns + 1;
    } else {
      if (!fresh || lines.length === 0 && line !== "") {
        lines.push(line.trimEnd());
        line = indent;
        used = columns(indent);
      }
      const cut = fit(word, width - used);
      line += cut;
      used += columns(cut);
    }
    fresh = false;
  }
  lines.push(line.trimEnd());
  return lines;
}
function diagnosticLines(diagnostics, options = {}) {
  const width = Math.max(options.width ?? DEFAULT_WIDTH, 40);
  const perRule = options.perRule ?? PER_RULE;
  const paint = (severity, text) => options.color ? `\x1B[${severity === "fatal" ? 31 : severity === "warning" ? 33 : 36}m${text}\x1B[39m` : text;
  const seen = /* @__PURE__ */ new Map();
  const lines = [];
  for (const d of diagnostics) {
    const rule = seen.get(d.ruleId) ?? { total: 0, severity: d.severity };
    rule.total++;
    seen.set(d.ruleId, rule);
    if (rule.total > perRule) continue;
    const label = LABEL[d.severity];
    const file = options.pathOf ? options.pathOf(d.file) : d.file;
    const where = d.file.startsWith("(") ? d.file : `${file}:${d.line}:${d.column}`;
    const [first = "", ...rest] = wrap(d.reason, width, { lead: `${where}  ${label}  ${d.ruleId}  ` });
    lines.push(options.color ? first.replace(`  ${label}  `, `  ${paint(d.severity, label)}  `) : first, ...rest);
  }
  for (const [rule, { total, severity }] of seen) {
    if (total <= perRule) continue;
    const kind = severity === "fatal" ? "errors" : severity === "warning" ? "warnings" : "notes";
    lines.push(...wrap(`\u2026 ${total - perRule} more ${rule} ${kind} (${total} in all; every one is in report.json)`, width));
  }
  return lines;
}

// pipeline/report/logger.ts
function detectMode(options) {
  if (options.json) return "json";
  if (options.quiet) return "quiet";
  const env = options.env ?? process.env;
  const ci = env.CI !== void 0 && env.CI !== "" && env.CI !== "false" && env.CI !== "0";
  const stdout = options.stdout ?? process.stdout;
  return stdout.isTTY && !ci && env.TERM !== "dumb" ? "tty" : "plain";
}
function envColumns(env) {
  const n = Number(env.COLUMNS);
  return Number.isInteger(n) && n >= 40 && n <= 1e3 ? n : void 0;
}
function formatBytes(size) {
  if (size < 1e3) return `${size} B`;
  if (size < 1e6) return `${(size / 1e3).toFixed(1)} kB`;
  return `${(size / 1e6).toFixed(2)} MB`;
}
function formatMs(ms) {
  return ms < 1e3 ? `${Math.round(ms)} ms` : `${(ms / 1e3).toFixed(2)} s`;
}
function formatCounts(counts) {
  return Object.entries(counts).map(
    ([name, value]) => name === "bytes" && typeof value === "number" ? formatBytes(value) : `${value} ${name.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}`
  ).join(", ");
}
function table(rows, indent = "  ") {
  const widths = [];
  for (const row of rows) row.forEach((cell, i) => widths[i] = Math.max(widths[i] ?? 0, [...cell].length));
  return rows.map(
    (row) => indent + row.map((cell, i) => {
      const pad = " ".repeat((widths[i] ?? 0) - [...cell].length);
      return i > 0 && /^[\d.,]+( [kM]?B| ms| s)?$/.test(cell) ? pad + cell : cell + pad;
    }).join("  ").trimEnd()
  ).join("\n");
}
function ruleIdRows(byRule) {
  const counts = /* @__PURE__ */ new Map();
  for (const [rule, n] of Object.entries(byRule)) {
    const id = rule.slice(rule.lastIndexOf(":") + 1);
    counts.set(id, (counts.get(id) ?? 0) + n);
  }
  return [...counts].sort(byEntryKey);
}
function artifactRows(artifacts) {
  const sorted = [...artifacts].sort(byString((x) => x.path));
  if (sorted.length <= 24) return sorted.map((a) => [a.path, formatBytes(a.size)]);
  const groups = /* @__PURE__ */ new Map();
  for (const a of sorted) {
    const slash = a.path.indexOf("/");
    const key = slash < 0 ? a.path : `${a.path.slice(0, slash)}/`;
    const g = groups.get(key) ?? { files: 0, size: 0 };
    g.files++;
    g.size += a.size;
    groups.set(key, g);
  }
  return [...groups].map(([key, g]) => [key.endsWith("/") ? `${key} (${g.files} files)` : key, formatBytes(g.size)]);
}
var RunLogger = class {
  /**
   * `columns`: the width to wrap at when stdout is not a terminal (the `COLUMNS` variable, see
   * `envColumns`); 100 without it.
   */
  constructor(mode, out = process.stdout, err = process.stderr, columns2) {
    this.mode = mode;
    this.out = out;
    this.err = err;
    this.columns = columns2;
  }
  mode;
  out;
  err;
  columns;
  live = "";
  lastPlain = /* @__PURE__ */ new Map();
  clearLive() {
    if (this.mode === "tty" && this.live) {
      this.out.write("\r\x1B[2K");
      this.live = "";
    }
  }
  info(message) {
    if (this.mode !== "tty" && this.mode !== "plain") return;
    this.clearLive();
    this.out.write(`${wrap(message, this.width).join("\n")}
`);
  }
  /** A problem of the run itself (not of an input): shown in every mode but --json. */
  warn(message) {
    if (this.mode === "json") return;
    this.clearLive();
    this.err.write(`warning: ${message}
`);
  }
  /** A problem that fails the run, as `pipeline: <reason>` (every command's error form). */
  error(message) {
    this.clearLive();
    this.err.write(`pipeline: ${message}
`);
  }
  progress(step, done, total) {
    if (this.mode === "tty") {
      const line = total ? `${step} ${done}/${total} ${"\u2588".repeat(Math.round(20 * done / Math.max(total, 1))).padEnd(20, "\u2591")}` : `${step} ${done}`;
      if (line !== this.live) {
        this.out.write(`\r\x1B[2K${line}`);
        this.live = line;
      }
    } else if (this.mode === "plain" && total && total >= 100) {
      const quarter = Math.floor(4 * done / total);
      if (quarter > 0 && quarter < 4 && quarter !== this.lastPlain.get(step)) {
        this.lastPlain.set(step, quarter);
        this.out.write(`${step}: ${done}/${total}
`);
      }
    }
  }
  stepDone(step, ms, counts) {
    if (this.mode !== "tty" && this.mode !== "plain") return;
    this.clearLive();
    const mark = this.mode === "tty" ? "\x1B[32m\u2714\x1B[39m " : "";
    const markWidth = mark ? 2 : 0;
    const lead = `${step.padEnd(8)} ${formatMs(ms).padStart(8)}  `;
    const shown = Object.fromEntries(Object.entries(counts).filter(([, value], i) => i === 0 || value !== 0));
    const lines = wrap(formatCounts(shown), this.width - markWidth, { lead, indent: " ".repeat(lead.length) });
    this.out.write(`${mark}${lines.join(`
${" ".repeat(markWidth)}`)}
`);
  }
  /** Columns per line: the terminal's (stdout's), else the constructor's `columns`, else 100. */
  get width() {
    return this.out.isTTY && this.out.columns ? this.out.columns : this.columns ?? DEFAULT_WIDTH;
  }
  /**
   * Prints the diagnostics (report.json's list) on stderr: a few per rule, the rest counted;
   * input paths as `pathOf` shows them (see TerminalOptions).
   */
  diagnostics(diagnostics, pathOf) {
    if (this.mode === "json" || diagnostics.length === 0) return;
    this.clearLive();
    const lines = diagnosticLines(diagnostics, { width: this.width, color: this.mode === "tty" && Boolean(this.err.isTTY), pathOf });
    this.err.write(`${lines.join("\n")}
`);
  }
  summary(data) {
    if (this.mode !== "tty" && this.mode !== "plain") return;
    this.clearLive();
    const bold = (s) => this.mode === "tty" ? `\x1B[1m${s}\x1B[22m` : s;
    const c = data.counts;
    const rows = [
      ["digests", String(c.digests ?? 0)],
      ["papers", String(c.papers ?? 0)],
      ["authors", String(c.authors ?? 0)]
    ];
    const warnings = ruleIdRows(data.warningsByRule);
    const lines = [`
${bold("Summary")}`, table(rows)];
    lines.push(`
${bold("Warnings by rule")}`);
    lines.push(warnings.length ? table(warnings.map(([rule, n]) => [rule, String(n)])) : "  none");
    const silenced = Object.entries(data.silencedByRule);
    if (silenced.length) lines.push(`  (turned off by the config: ${silenced.map(([rule, n]) => `${n} ${rule}`).join(", ")})`);
    lines.push(`
${bold(`Artifacts${data.published ? "" : " (not published)"}`)}`);
    const rowsA = artifactRows(data.artifacts);
    const total = data.artifacts.reduce((sum, a) => sum + a.size, 0);
    lines.push(rowsA.length ? table([...rowsA, ["total", formatBytes(total)]]) : "  none");
    lines.push(
      `
${data.cache.fastPath ? "nothing changed: reused the published output" : `cache: ${data.cache.hits} hits, ${data.cache.misses} misses`}; ${formatMs(data.totalMs)}; exit code ${data.exitCode}`
    );
    this.out.write(`${lines.join("\n")}
`);
  }
};

// pipeline/report/outcome.ts
import path4 from "node:path";
function shownPath(file, from) {
  const rel = path4.relative(from, file);
  return rel.startsWith(`..${path4.sep}..`) || path4.isAbsolute(rel) ? file : rel;
}
function inGitHubActions(env) {
  return env.GITHUB_ACTIONS === "true";
}
async function printOutcome(outcome, io, logger) {
  const { report, config } = outcome;
  const github = inGitHubActions(io.env) ? await import("../report/github.js") : null;
  if (github && logger.mode !== "json") {
    const lines = github.annotationLines(report.diagnostics, { inputDir: config.inputDir, workspace: io.env.GITHUB_WORKSPACE });
    if (lines.length) io.stdout.write(`${lines.join("\n")}
`);
  } else {
    const from = io.env.INIT_CWD || io.cwd;
    logger.diagnostics(report.diagnostics, (file) => shownPath(path4.join(config.inputDir, file), from));
  }
  logger.summary({
    counts: report.counts,
    warningsByRule: report.warningsByRule,
    silencedByRule: report.silencedByRule,
    artifacts: report.artifacts,
    cache: { hits: report.cache.hits, misses: report.cache.misses, fastPath: report.fastPath },
    totalMs: report.durationMs,
    published: outcome.published,
    exitCode: report.exitCode
  });
  if (logger.mode === "json") io.stdout.write(`${JSON.stringify(report, null, 2)}
`);
  else for (const problem of report.problems) logger.error(problem);
  if (github) {
    await github.appendStepSummary(io.env, github.stepSummary(report, config)).catch((error) => {
      logger.warn(`could not write the step summary: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
}

// pipeline/report/report.ts
import { mkdir as mkdir3 } from "node:fs/promises";

// pipeline/cache/cache-file.ts
var V8_VERSION = process.versions.v8;

// pipeline/report/diagnostics.ts
function restoreMessages(file, messages) {
  for (const s of messages) {
    const m = file.message(s.reason, {
      place: s.place ?? void 0,
      ruleId: s.ruleId ?? void 0,
      source: s.source ?? void 0
    });
    m.fatal = s.fatal ?? void 0;
    if (s.url) m.url = s.url;
    if (s.note) m.note = s.note;
    if (s.actual) m.actual = s.actual;
    if (s.expected) m.expected = [...s.expected];
  }
}

// pipeline/report/report.ts
var REPORT_PATH = "report.json";
function serializeReport(report) {
  return `${JSON.stringify(report, null, 2)}
`;
}
async function keepLastReport(cache, text) {
  for (const dir of [cache.cacheWorkDir, cache.cacheDirAbs]) {
    await mkdir3(dir, { recursive: true }).then(() => replaceFile(dir, "last-report.json", text)).catch(() => void 0);
  }
}

// pipeline/cache/fast-path.ts
import { statSync } from "node:fs";
import { readFile as readFile4 } from "node:fs/promises";
import path6 from "node:path";

// pipeline/cache/manifest.ts
import { mkdir as mkdir4, readFile as readFile3, rm as rm2, stat as stat3 } from "node:fs/promises";
import path5 from "node:path";
var import_write_file_atomic2 = __toESM(require_lib(), 1);
var MANIFEST_FORMAT = "daily-papers-manifest@1";
function manifestFile(cacheDir) {
  return path5.join(cacheDir, "manifest.json");
}
function parseManifest(text) {
  const value = JSON.parse(text);
  if (value?.format !== MANIFEST_FORMAT) throw new Error(`foreign format ${JSON.stringify(value?.format)}`);
  if (!Array.isArray(value.inputs) || !Array.isArray(value.artifacts) || typeof value.diagnostics !== "object") {
    throw new Error("wrong shape");
  }
  return value;
}
async function writeManifest(cacheDir, manifest) {
  await mkdir4(cacheDir, { recursive: true });
  await (0, import_write_file_atomic2.default)(manifestFile(cacheDir), `${JSON.stringify(manifest)}
`, { fsync: false });
}
function trustedMtime(info, runStartedMs) {
  return info.mtimeMs < runStartedMs - 2e3 ? info.mtimeMs : null;
}
function trustedTime(info, size, runStartedMs) {
  return info && info.size === size ? trustedMtime(info, runStartedMs) : null;
}

// pipeline/cache/fast-path.ts
function statOrNull(file) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}
var FastPath = class {
  /**
   * @param manifest the last published run's manifest
   * @param config this run's config
   * @param version this run's pipeline version (pipeline/cache/version.ts)
   */
  constructor(manifest, config, version) {
    this.manifest = manifest;
    this.config = config;
    this.version = version;
  }
  manifest;
  config;
  version;
  /**
   * The inputs with their recorded hashes (`bytes: null`) when every file's size and modification
   * time match the manifest, or null when any file differs, is new, is gone or has no trusted time.
   * Synchronous stats, in order, stopping at the first difference: thousands of them take a
   * fraction of the time promise-based ones do.
   */
  unchangedByStat(found) {
    const { inputs } = this.manifest;
    if (inputs.length !== found.length) return null;
    const results = [];
    for (const [i, f] of found.entries()) {
      const [p, hash, size, mtimeMs] = inputs[i];
      if (p !== f.path || typeof mtimeMs !== "number") return null;
      const info = statOrNull(f.abs);
      if (!info || !info.isFile() || info.size !== size || info.mtimeMs !== mtimeMs) return null;
      results.push({ ...f, bytes: null, sha256: hash, size });
    }
    return results;
  }
  /**
   * True when these inputs (paths, hashes, sizes, in order), the config and the version are those
   * of the manifest, and output/ still holds exactly what its run published: the report's output
   * digest and every artifact's size and modification time. `published`: output/report.json
   * when the caller has already read it (else it is read here).
   */
  async reusable(read, published) {
    const { manifest, config } = this;
    if (manifest.format !== MANIFEST_FORMAT || manifest.version !== this.version) return false;
    if (manifest.configDigest !== config.digest || manifest.outputDir !== config.outputDir) return false;
    if (manifest.inputs.length !== read.length) return false;
    for (let i = 0; i < read.length; i++) {
      const [p, h, size] = manifest.inputs[i];
      const r = read[i];
      if (r.sha256 === null || r.path !== p || r.sha256 !== h || r.size !== size) return false;
    }
    try {
      published ??= JSON.parse(await readFile4(path6.join(config.outputDir, REPORT_PATH), "utf8"));
      if (published.outputDigest !== manifest.outputDigest || published.configDigest !== config.digest) return false;
    } catch {
      return false;
    }
    const outputDir = config.outputDir + path6.sep;
    for (const artifact of manifest.artifacts) {
      const info = statOrNull(outputDir + artifact.path);
      if (!info || !info.isFile() || info.size !== artifact.size || info.mtimeMs !== artifact.mtimeMs) return false;
    }
    return true;
  }
  /**
   * Reuses the published run: attaches its diagnostics to the files `file` hands out and returns
   * its counts (every count of that run) and its artifacts (report.json aside, sorted by path).
   */
  reuse(file) {
    for (const [name, messages] of Object.entries(this.manifest.diagnostics)) restoreMessages(file(name), messages);
    const artifacts = this.manifest.artifacts.map(({ path: p, sha256: sha2562, size }) => ({ path: p, sha256: sha2562, size }));
    return { counts: { ...this.manifest.counts }, artifacts };
  }
  /**
   * Rewrites the manifest with the inputs' current modification times where they can be trusted
   * (inputs unchanged by content but not by time stamp: a fresh checkout, a touched file), so that
   * the next run needs only stats. `runStartedMs`: wall clock at the start of this run.
   */
  async refreshTimes(runStartedMs) {
    const inputs = this.manifest.inputs.map(([p, hash, size]) => {
      const info = statOrNull(path6.join(this.config.inputDir, p));
      return [p, hash, size, trustedTime(info, size, runStartedMs)];
    });
    await writeManifest(this.config.cacheWorkDir, { ...this.manifest, inputs });
  }
};

// pipeline/cache/rerun-record.ts
import { createHash } from "node:crypto";
import { existsSync as existsSync2, mkdirSync, readdirSync, readFileSync, renameSync, statSync as statSync2, writeFileSync } from "node:fs";
import path7 from "node:path";
var RERUN_FORMAT = "daily-papers-rerun@2";
var MAX_ENTRIES = 8;
var DEFAULT_CONFIG_FILE = "pipeline.config.ts";
function stamp(file) {
  let info;
  try {
    info = statSync2(file);
  } catch {
    return null;
  }
  return `${info.size}:${info.mtimeMs}`;
}
function configFileOf(config, cwd) {
  if (config !== void 0) {
    const file2 = path7.resolve(cwd, config);
    return existsSync2(file2) ? file2 : void 0;
  }
  const file = path7.join(cwd, DEFAULT_CONFIG_FILE);
  return existsSync2(file) ? file : null;
}
function rerunKey(flags, cwd, configFile) {
  const key = {
    cwd: path7.resolve(cwd),
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
  if (configFile === null) return path7.join(path7.resolve(cwd), ".cache", "config", "no-config.runs.json");
  const stem = path7.basename(configFile).replace(/\.[cm]?[jt]s$/, "");
  return path7.join(path7.dirname(configFile), ".cache", "config", `${stem}.runs.json`);
}
function buildStamp(root) {
  let bytes;
  try {
    bytes = readFileSync(path7.join(root, "dist", "build-stamp.json"));
  } catch {
    return null;
  }
  const hash = createHash("sha256").update(bytes);
  for (const file of ["package.json", "package-lock.json"]) hash.update("\0").update(stamp(path7.join(root, file)) ?? "none");
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
    const abs = rel === "" ? inputDir : path7.join(inputDir, rel);
    let info;
    try {
      info = statSync2(abs);
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
      if (entry.isDirectory() || entry.isSymbolicLink() && isFolder(path7.join(abs, entry.name))) {
        if (!walk(child)) return false;
      }
    }
    return true;
  };
  return walk("") ? out.sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0) : null;
}
function isFolder(file) {
  try {
    return statSync2(file).isDirectory();
  } catch {
    return false;
  }
}
function foldersUnchanged(inputDir, dirs) {
  for (const [rel, mtimeMs] of dirs) {
    if (mtimeMs === null) return false;
    try {
      if (statSync2(rel === "" ? inputDir : path7.join(inputDir, rel)).mtimeMs !== mtimeMs) return false;
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
    const record2 = JSON.parse(readFileSync(file, "utf8"));
    return record2?.format === RERUN_FORMAT && Array.isArray(record2.entries) ? record2.entries : [];
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
  if (stamp(path7.join(entry.cacheWorkDir, "manifest.json")) !== entry.manifest) return "the manifest";
  if (!foldersUnchanged(entry.inputDir, entry.dirs)) return "the input folders";
  return null;
}
function saveEntry(file, entry) {
  const entries = [entry, ...readEntries(file).filter((e) => e.key !== entry.key)].slice(0, MAX_ENTRIES);
  const record2 = { format: RERUN_FORMAT, entries };
  mkdirSync(path7.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(record2)}
`);
  renameSync(temp, file);
}

// pipeline/cache/rerun.ts
function record(name, ms, counts) {
  return { name, ms: Math.round(ms * 10) / 10, counts, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
}
function hasLeftovers(outputDir) {
  const prefix = `.${path8.basename(outputDir)}.`;
  try {
    return readdirSync2(path8.dirname(outputDir)).some((name) => name.startsWith(prefix));
  } catch {
    return true;
  }
}
function readManifestQuietly(cacheDir) {
  try {
    return parseManifest(readFileSync2(manifestFile(cacheDir), "utf8"));
  } catch {
    return null;
  }
}
function sameRun(report, manifest, flags) {
  if (report.name !== "daily-papers-feeds" || !report.published || report.exitCode !== 0 || report.problems?.length !== 0) return false;
  if (report.pipelineVersion !== manifest.version || report.configDigest !== manifest.configDigest) return false;
  const o = report.options;
  if (o?.strict !== flags.strict || o.cache !== true || o.allowEmpty !== flags.allowEmpty) return false;
  if (!Array.isArray(report.inputs) || report.inputs.length !== manifest.inputs.length) return false;
  return manifest.inputs.every(([p, hash, size], i) => {
    const r = report.inputs[i];
    return r.path === p && r.sha256 === hash && r.size === size;
  });
}
async function plan(flags, cwd, root, startedMs) {
  const configFile = configFileOf(flags.config, cwd);
  if (configFile === void 0) return null;
  const entry = findEntry(recordFile(cwd, configFile), rerunKey(flags, cwd, configFile));
  if (!entry || entryChange(entry, root) !== null || hasLeftovers(entry.outputDir)) return null;
  const manifest = readManifestQuietly(entry.cacheWorkDir);
  if (!manifest) return null;
  const discovered = performance.now();
  const steps = [record("discover", discovered - startedMs, { files: manifest.inputs.length })];
  const lock = await acquireLock(entry.outputDir).catch(() => null);
  if (!lock) return null;
  let kept = false;
  try {
    const fastPath = new FastPath(manifest, entry, entry.version);
    const inputDir = entry.inputDir + path8.sep;
    const byStat = fastPath.unchangedByStat(manifest.inputs.map(([p]) => ({ path: p, abs: inputDir + p })));
    if (!byStat) return null;
    const bytes = readFileSync2(path8.join(entry.outputDir, REPORT_PATH));
    if (!bytes.equals(readFileSync2(path8.join(entry.cacheWorkDir, "last-report.json")))) return null;
    const published = JSON.parse(bytes.toString("utf8"));
    if (!sameRun(published, manifest, flags) || !await fastPath.reusable(byStat, published)) return null;
    const read = performance.now();
    steps.push(record("read", read - discovered, { files: byStat.length, bytes: byStat.reduce((sum, x) => sum + x.size, 0) }));
    steps.push(record("reuse", performance.now() - read, { artifacts: manifest.artifacts.length }));
    kept = true;
    return { entry, lock, published, inputs: byStat.length, steps };
  } finally {
    if (!kept) await lock.release();
  }
}
async function tryRerun(io, root = PACKAGE_ROOT) {
  const started = { at: /* @__PURE__ */ new Date(), ms: performance.now() };
  const parsed = parseFlags(io.argv, io.env);
  if ("error" in parsed) return null;
  const { flags } = parsed;
  if (flags.help || flags.version || flags.noCache) return null;
  let found;
  try {
    found = await plan(flags, path8.resolve(io.cwd), root, started.ms);
  } catch {
    return null;
  }
  if (!found) return null;
  const { entry, lock, published } = found;
  const t = performance.now();
  const report = {
    ...published,
    startedAt: started.at.toISOString(),
    finishedAt: (/* @__PURE__ */ new Date()).toISOString(),
    durationMs: Math.round(t - started.ms),
    fastPath: true,
    steps: [...found.steps],
    cache: { enabled: true, hits: found.inputs, misses: 0, discarded: [], pruned: 0 }
  };
  try {
    const text = serializeReport(report);
    await replaceFile(entry.outputDir, REPORT_PATH, text);
    await keepLastReport(entry, text);
  } catch {
    return null;
  } finally {
    await lock.release();
  }
  const publishMs = performance.now() - t;
  report.steps.push({ name: "publish", ms: Math.round(publishMs), counts: { artifacts: 1 } });
  const logger = new RunLogger(detectMode({ json: flags.json, quiet: flags.quiet, env: io.env, stdout: io.stdout }), io.stdout, io.stderr, envColumns(io.env));
  if (lock.note) logger.info(lock.note);
  for (const step of found.steps) logger.stepDone(step.name, step.ms, step.counts);
  logger.stepDone("publish", publishMs, { "artifact (report.json)": 1 });
  await printOutcome({ report, published: true, config: { inputDir: entry.inputDir, site: entry.site, feeds: entry.feeds } }, io, logger);
  return report.exitCode;
}
async function recordRerun(run, root = PACKAGE_ROOT) {
  const { config, report } = run;
  const cwd = path8.resolve(run.cwd);
  const sources = config.configFile === null ? { inputs: {}, static: true } : await configSources(config.configFile);
  if (!sources?.static) return;
  const build = buildStamp(root);
  const manifest = stamp(manifestFile(config.cacheWorkDir));
  const dirs = inputFolders(config.inputDir, config.include, Date.parse(report.startedAt));
  if (!build || !manifest || !dirs) return;
  saveEntry(recordFile(cwd, config.configFile), {
    key: rerunKey(run.flags, cwd, config.configFile),
    build,
    version: report.pipelineVersion,
    config: sources.inputs,
    inputDir: config.inputDir,
    outputDir: config.outputDir,
    cacheDirAbs: config.cacheDirAbs,
    cacheWorkDir: config.cacheWorkDir,
    digest: config.digest,
    site: config.site,
    feeds: config.feeds,
    dirs,
    manifest
  });
}
export {
  recordRerun,
  tryRerun
};
//# sourceMappingURL=rerun.bundle.js.map
