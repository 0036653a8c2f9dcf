// pipeline/commands/preview.ts
import { createReadStream } from "node:fs";
import { readFlags } from "./flags.js";
import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { ConfigError, configuredOutputDir } from "../config/load.js";
var TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon"
};
var COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript)|image\/svg)/;
var IMMUTABLE = /^(search\/[0-9a-f]{12}\/|assets\/[^/]+\.[0-9a-f]{10}\.[a-z]+$)/;
var MEMORY_LIMIT = 4 * 1024 * 1024;
var KEEP_ALIVE_MS = 6e4;
function normalizeBase(base) {
  let b = base.startsWith("/") ? base : `/${base}`;
  if (!b.endsWith("/")) b += "/";
  return b;
}
async function startPreview(options) {
  const root = path.resolve(options.dir);
  const base = normalizeBase(options.base ?? "/");
  const host = options.host ?? "127.0.0.1";
  const encodings = options.encodings ?? ["br", "gzip"];
  const cache = /* @__PURE__ */ new Map();
  const stats = { requests: 0, bytes: 0, log: [] };
  const count = (res, bytes2, pathname) => {
    stats.requests++;
    stats.bytes += bytes2;
    stats.log.push(`${res.statusCode} ${bytes2} ${pathname}`);
  };
  async function bytes(file, mtime, size, enc) {
    const key = `${enc}:${file}`;
    const hit = cache.get(key);
    if (hit && hit.mtime === mtime && hit.size === size) return hit.data;
    const raw = enc === "" ? await readFile(file) : await bytes(file, mtime, size, "");
    const data = enc === "br" ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }) : enc === "gzip" ? gzipSync(raw, { level: 9 }) : raw;
    cache.set(key, { mtime, size, data });
    return data;
  }
  async function handle(req, res) {
    res.setHeader("X-Content-Type-Options", "nosniff");
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const url = new URL(req.url ?? "/", "http://localhost");
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end("bad request");
      return;
    }
    if (pathname === base.slice(0, -1)) {
      res.writeHead(301, { Location: base + url.search }).end();
      return;
    }
    if (!pathname.startsWith(base) || pathname.includes("\0")) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end(`not found (the site is served under ${base})`);
      return;
    }
    let file = path.resolve(root, `.${pathname.slice(base.length - 1)}`);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      if (!pathname.endsWith("/")) {
        res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      file = path.join(file, "index.html");
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      return;
    }
    const type = TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
    const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    res.setHeader("Content-Type", type);
    res.setHeader("ETag", etag);
    const rel = pathname.slice(base.length);
    res.setHeader("Cache-Control", IMMUTABLE.test(rel) ? "public, max-age=31536000, immutable" : "no-cache");
    res.setHeader("Vary", "Accept-Encoding");
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304).end();
      return;
    }
    const accept = String(req.headers["accept-encoding"] ?? "");
    const enc = COMPRESSIBLE.test(type) ? encodings.find((e) => new RegExp(`\\b${e}\\b`).test(accept)) : void 0;
    if (!enc && info.size > MEMORY_LIMIT) {
      res.writeHead(200, { "Content-Length": info.size });
      count(res, req.method === "HEAD" ? 0 : info.size, pathname);
      if (req.method === "HEAD") res.end();
      else createReadStream(file).pipe(res);
      return;
    }
    const data = await bytes(file, info.mtimeMs, info.size, enc ?? "");
    res.writeHead(200, enc ? { "Content-Encoding": enc, "Content-Length": data.length } : { "Content-Length": data.length });
    count(res, req.method === "HEAD" ? 0 : data.length, pathname);
    res.end(req.method === "HEAD" ? void 0 : data);
  }
  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
      res.end(String(err));
    });
  });
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address();
  const hostPart = host === "::1" ? "[::1]" : host;
  return {
    url: `http://${hostPart}:${port}${base}`,
    server,
    stats,
    resetStats() {
      stats.requests = 0;
      stats.bytes = 0;
      stats.log = [];
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    })
  };
}
var USAGE = `Usage: npm run preview -- [options]

Serves the output folder on localhost, as GitHub Pages would.

Options:
  --dir DIR       folder to serve (default: the config's "output", else output/)
  --output DIR    the same as --dir, named as the pipeline names it
  --config FILE   config file whose "output" to serve (default: pipeline.config.ts, optional)
  --base PATH     URL path the folder appears under, e.g. /repo/ (default: /)
  --port N        port (default 4173; 0 picks a free one)
  --host HOST     127.0.0.1 (default), ::1 or localhost
  --help          show this help

Exit codes: 0 serving until Ctrl+C, 1 nothing to serve or the port is taken, 2 usage or config error.
`;
function listenProblem(error, host, port) {
  const code = error.code;
  if (code === "EADDRINUSE") return `port ${port} on ${host} is in use (another preview?); pass --port N, or --port 0 for a free one`;
  if (code === "EACCES") return `not allowed to listen on port ${port}; pass a port above 1023`;
  return `cannot listen on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`;
}
async function main(argv, io) {
  const fail = (code, reason) => {
    io.stderr.write(`preview: ${reason}${code === 2 ? " (see --help)" : ""}
`);
    return { code };
  };
  const read = readFlags(argv, {
    dir: { type: "string" },
    output: { type: "string" },
    config: { type: "string" },
    base: { type: "string", default: "/" },
    port: { type: "string", default: "4173" },
    host: { type: "string", default: "127.0.0.1" },
    help: { type: "boolean", short: "h", default: false }
  });
  if ("error" in read) return fail(2, read.error);
  const { values } = read;
  if (values.help) {
    io.stdout.write(USAGE);
    return { code: 0 };
  }
  const host = values.host;
  if (host !== "127.0.0.1" && host !== "::1" && host !== "localhost") {
    return fail(2, `--host: only a loopback host is allowed (127.0.0.1, ::1, localhost), got "${host}"`);
  }
  if (!/^\d+$/.test(values.port) || Number(values.port) > 65535) return fail(2, `--port: expected a port number 0-65535, got "${values.port}"`);
  const port = Number(values.port);
  if (values.dir !== void 0 && values.output !== void 0 && values.dir !== values.output) {
    return fail(2, "--dir and --output name the same folder: pass one of them");
  }
  let dir;
  try {
    dir = await configuredOutputDir({ config: values.config, output: values.dir ?? values.output, cwd: io.cwd });
  } catch (error) {
    if (error instanceof ConfigError) return fail(2, error.message.replace(/\n\s*/g, " "));
    throw error;
  }
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) return fail(1, `${dir} does not exist; run \`npm run pipeline\` first`);
  let preview;
  try {
    preview = await startPreview({ dir, base: values.base, port, host });
  } catch (error) {
    return fail(1, listenProblem(error, host, port));
  }
  io.stdout.write(`Serving ${dir} at ${preview.url} (Ctrl+C to stop)
`);
  return { code: 0, preview };
}
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr }).then(
    ({ code }) => {
      if (code !== 0) process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`preview: ${error instanceof Error ? error.message : String(error)}
`);
      process.exitCode = 1;
    }
  );
}
export {
  USAGE,
  main,
  startPreview
};
//# sourceMappingURL=preview.js.map
