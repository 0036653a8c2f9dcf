// pipeline/report/levels.ts
import { byEntryKey } from "../../src/compare.js";
var FATAL = { info: void 0, warning: false, error: true };
function applyLevels(files, levels) {
  const removed = /* @__PURE__ */ new Map();
  const levelOf = new Map(Object.entries(levels));
  if (levelOf.size === 0) return {};
  for (const file of files) {
    const kept = file.messages.filter((m) => {
      const level = m.ruleId ? levelOf.get(m.ruleId) : void 0;
      if (level === void 0) return true;
      if (level === "off") {
        removed.set(m.ruleId, (removed.get(m.ruleId) ?? 0) + 1);
        return false;
      }
      m.fatal = FATAL[level];
      return true;
    });
    if (kept.length !== file.messages.length) file.messages = kept;
  }
  return Object.fromEntries([...removed].sort(byEntryKey));
}
export {
  applyLevels
};
//# sourceMappingURL=levels.js.map
