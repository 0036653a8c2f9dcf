// src/diagnostic-rules.ts
var RULES = {
  // The digest reader (src/digest/*).
  encoding: { severity: "fatal" },
  "empty-file": { severity: "warning" },
  "no-digest-heading": { severity: "warning" },
  "invalid-date": { severity: "warning" },
  "paper-outside-digest": { severity: "warning" },
  "heading-without-link": { severity: "warning" },
  "title-brackets": { severity: "warning" },
  "url-not-http": { severity: "warning" },
  "empty-digest": { severity: "warning" },
  "vote-invalid": { severity: "warning" },
  "empty-title": { severity: "warning" },
  "empty-link": { severity: "warning" },
  // Merging listings into papers (src/papers.ts, through pipeline/steps/enrich.ts).
  "duplicate-digest-date": { severity: "warning" },
  "non-arxiv-link": { severity: "warning" },
  "duplicate-paper": { severity: "warning" },
  "link-not-http": { severity: "warning" },
  // Author names (pipeline/steps/authors.ts).
  "author-duplicate": { severity: "warning" },
  "author-stray-quote": { severity: "warning" },
  "author-not-a-name": { severity: "warning" },
  // Feeds (pipeline/steps/feeds.ts).
  "feed-invalid-date": { severity: "warning" },
  "feed-unknown-author": { severity: "warning" },
  // The config (pipeline/run.ts).
  "site-url-placeholder": { severity: "warning" },
  // The run itself (pipeline/steps/read.ts, discover.ts, parse/core.ts, step-runner.ts, publish/).
  "unreadable-file": { severity: "fatal", fixed: true },
  "unreadable-folder": { severity: "fatal", fixed: true },
  "parser-error": { severity: "fatal", fixed: true },
  "step-failed": { severity: "fatal", fixed: true },
  "duplicate-artifact": { severity: "fatal", fixed: true },
  "write-failed": { severity: "fatal", fixed: true }
};
var RULE_IDS = Object.keys(RULES);
var RULE_LEVELS = ["off", "info", "warning", "error"];
function isConfigurable(id) {
  const info = RULES[id];
  return info !== void 0 && info.fixed !== true;
}
export {
  RULES,
  RULE_IDS,
  RULE_LEVELS,
  isConfigurable
};
//# sourceMappingURL=diagnostic-rules.js.map
