/**
 * Every rule id the code emits (`ruleId` of a diagnostic), with the severity it has by default and
 * whether the config's `diagnostics` key may change it. test/src/diagnostic-rules.test.ts checks
 * this list against the source, so a new rule cannot be forgotten here. Pure and browser-safe.
 *
 * The rules of the run itself (a file or folder that cannot be read, a step or a write that
 * failed) are `fixed`: lowering them would publish a partial site, so a config cannot.
 */

/** What a diagnostic is by default: fatal fails the run, a warning fails it only under --strict. */
export type DefaultSeverity = 'fatal' | 'warning' | 'info';

export interface RuleInfo {
  severity: DefaultSeverity;
  /** True: a failure of the run itself, not configurable. */
  fixed?: true;
}

/** The rules, by id (docs/pipeline.md#diagnostics describes each). */
export const RULES = {
  // The digest reader (src/digest/*).
  encoding: { severity: 'fatal' },
  'empty-file': { severity: 'warning' },
  'no-digest-heading': { severity: 'warning' },
  'invalid-date': { severity: 'warning' },
  'paper-outside-digest': { severity: 'warning' },
  'heading-without-link': { severity: 'warning' },
  'title-brackets': { severity: 'warning' },
  'url-not-http': { severity: 'warning' },
  'empty-digest': { severity: 'warning' },
  'vote-invalid': { severity: 'warning' },
  'empty-title': { severity: 'warning' },
  'empty-link': { severity: 'warning' },
  // Merging listings into papers (src/papers.ts, through pipeline/steps/enrich.ts).
  'duplicate-digest-date': { severity: 'warning' },
  'non-arxiv-link': { severity: 'warning' },
  'duplicate-paper': { severity: 'warning' },
  'link-not-http': { severity: 'warning' },
  // Author names (pipeline/steps/authors.ts).
  'author-duplicate': { severity: 'warning' },
  'author-stray-quote': { severity: 'warning' },
  'author-not-a-name': { severity: 'warning' },
  // Feeds (pipeline/steps/feeds.ts).
  'feed-invalid-date': { severity: 'warning' },
  'feed-unknown-author': { severity: 'warning' },
  // The config (pipeline/run.ts).
  'site-url-placeholder': { severity: 'warning' },
  // The run itself (pipeline/steps/read.ts, discover.ts, parse/core.ts, step-runner.ts, publish/).
  'unreadable-file': { severity: 'fatal', fixed: true },
  'unreadable-folder': { severity: 'fatal', fixed: true },
  'parser-error': { severity: 'fatal', fixed: true },
  'step-failed': { severity: 'fatal', fixed: true },
  'duplicate-artifact': { severity: 'fatal', fixed: true },
  'write-failed': { severity: 'fatal', fixed: true },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

/** Every rule id, in the order above. */
export const RULE_IDS = Object.keys(RULES) as [RuleId, ...RuleId[]];

/** What a config may set a rule to: `off` drops its messages; `error` makes them fatal. */
export const RULE_LEVELS = ['off', 'info', 'warning', 'error'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

/** True when `id` is a rule the config may set. */
export function isConfigurable(id: string): boolean {
  const info = (RULES as Record<string, RuleInfo>)[id];
  return info !== undefined && info.fixed !== true;
}
