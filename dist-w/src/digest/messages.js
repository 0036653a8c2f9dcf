// src/digest/messages.ts
import { fatal as fatalMessage } from "../message.js";
var DIGEST_SOURCE = "digest";
function warn(file, reason, place, ruleId) {
  file.message(reason, { place, ruleId, source: DIGEST_SOURCE });
}
function fatal(file, reason, place, ruleId) {
  fatalMessage(file, reason, { place, ruleId, source: DIGEST_SOURCE });
}
export {
  DIGEST_SOURCE,
  fatal,
  warn
};
//# sourceMappingURL=messages.js.map
