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
export declare const RULES: {
    readonly encoding: {
        readonly severity: "fatal";
    };
    readonly 'empty-file': {
        readonly severity: "warning";
    };
    readonly 'no-digest-heading': {
        readonly severity: "warning";
    };
    readonly 'invalid-date': {
        readonly severity: "warning";
    };
    readonly 'paper-outside-digest': {
        readonly severity: "warning";
    };
    readonly 'heading-without-link': {
        readonly severity: "warning";
    };
    readonly 'title-brackets': {
        readonly severity: "warning";
    };
    readonly 'url-not-http': {
        readonly severity: "warning";
    };
    readonly 'empty-digest': {
        readonly severity: "warning";
    };
    readonly 'vote-invalid': {
        readonly severity: "warning";
    };
    readonly 'empty-title': {
        readonly severity: "warning";
    };
    readonly 'empty-link': {
        readonly severity: "warning";
    };
    readonly 'duplicate-digest-date': {
        readonly severity: "warning";
    };
    readonly 'non-arxiv-link': {
        readonly severity: "warning";
    };
    readonly 'duplicate-paper': {
        readonly severity: "warning";
    };
    readonly 'link-not-http': {
        readonly severity: "warning";
    };
    readonly 'author-duplicate': {
        readonly severity: "warning";
    };
    readonly 'author-stray-quote': {
        readonly severity: "warning";
    };
    readonly 'author-not-a-name': {
        readonly severity: "warning";
    };
    readonly 'feed-invalid-date': {
        readonly severity: "warning";
    };
    readonly 'feed-unknown-author': {
        readonly severity: "warning";
    };
    readonly 'site-url-placeholder': {
        readonly severity: "warning";
    };
    readonly 'unreadable-file': {
        readonly severity: "fatal";
        readonly fixed: true;
    };
    readonly 'unreadable-folder': {
        readonly severity: "fatal";
        readonly fixed: true;
    };
    readonly 'parser-error': {
        readonly severity: "fatal";
        readonly fixed: true;
    };
    readonly 'step-failed': {
        readonly severity: "fatal";
        readonly fixed: true;
    };
    readonly 'duplicate-artifact': {
        readonly severity: "fatal";
        readonly fixed: true;
    };
    readonly 'write-failed': {
        readonly severity: "fatal";
        readonly fixed: true;
    };
};
export type RuleId = keyof typeof RULES;
/** Every rule id, in the order above. */
export declare const RULE_IDS: [RuleId, ...RuleId[]];
/** What a config may set a rule to: `off` drops its messages; `error` makes them fatal. */
export declare const RULE_LEVELS: readonly ["off", "info", "warning", "error"];
export type RuleLevel = (typeof RULE_LEVELS)[number];
/** True when `id` is a rule the config may set. */
export declare function isConfigurable(id: string): boolean;
//# sourceMappingURL=diagnostic-rules.d.ts.map