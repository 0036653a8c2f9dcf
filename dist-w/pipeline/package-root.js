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
export {
  PACKAGE_ROOT,
  findPackageRoot
};
//# sourceMappingURL=package-root.js.map
