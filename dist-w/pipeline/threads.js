// pipeline/threads.ts
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
async function bundleWorker(entry) {
  const { build } = await import("esbuild");
  return build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    write: false,
    logLevel: "silent"
  });
}
var bundles = /* @__PURE__ */ new Map();
function bundled(entry) {
  let found = bundles.get(entry.href);
  if (!found) {
    found = bundleWorker(entry).then((result) => result.outputFiles[0]?.text ?? null).catch(() => null);
    bundles.set(entry.href, found);
  }
  return found;
}
async function bootWorkers(base, entry, count) {
  if (base.endsWith(".js")) {
    const script = new URL(`${entry}.js`, base);
    return Array.from({ length: count }, () => new Worker(script));
  }
  const source = new URL(`${entry}.ts`, base);
  const code = await bundled(source);
  return Array.from({ length: count }, () => {
    if (code !== null) return new Worker(code, { eval: true });
    return new Worker(new URL("./worker-boot.mjs", import.meta.url), { workerData: { entry: source.href } });
  });
}
export {
  bootWorkers,
  bundleWorker
};
//# sourceMappingURL=threads.js.map
