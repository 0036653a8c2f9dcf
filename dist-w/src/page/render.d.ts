import type { LoadProgress } from './loader.ts';
import type { MetaRecord } from './format.ts';
import type { Messages } from './i18n.ts';
/**
 * `text` split into runs, in order, `marked` for each word whose analyzed terms include one of
 * `terms`. No terms: the whole text as one run. Runs joined give back `text`.
 */
export declare function markRuns(text: string, terms: ReadonlySet<string>): {
    text: string;
    marked: boolean;
}[];
/**
 * Math in a text: `$…$` and `$$…$$` spans (a `$` after a backslash is a dollar sign, and `$…$`
 * must not start or end with a space, so "costs $5 and $10" stays text). Gives runs in order,
 * `tex` set for math (its source without the dollars); the runs' texts joined give back `text`.
 */
export declare function mathRuns(text: string): {
    text: string;
    tex?: string;
    display?: boolean;
}[];
/**
 * `text` with its math spans (see mathRuns) as plain text, for places that cannot render math
 * (the browser tab's title): a command taking a braced argument keeps the argument only
 * (`\mathcal{O}(n)` → `O(n)`), another command keeps its name (`\LaTeX` → `LaTeX`), and
 * braces, `^` and `_` go. Text outside math is left as it is.
 */
export declare function mathAsText(text: string): string;
/** True when `text` holds math (see mathRuns). */
export declare function hasMath(text: string): boolean;
/**
 * Appends `text` to `parent` as text, matched words (see markRuns) in `<mark>` and math spans
 * (see mathRuns) as `<span class="math" data-tex>` holding their source until the math renderer
 * (src/page/math.ts) replaces it.
 */
export declare function appendText(parent: HTMLElement, text: string, terms?: ReadonlySet<string>): void;
/** `u` resolved against `base`, when it is an http(s) URL; null otherwise (javascript:, data:, junk). */
export declare function safeUrl(u: string | null, base: string): string | null;
/** An outside link (no referrer, no opener). */
export declare function externalLink(href: string, text: string, cls: string): HTMLAnchorElement;
/** The page's own URL for a paper (`?id=`), relative to the page. */
export declare function paperHref(id: string): string;
/** The page's own URL for an author's papers (`?author=`), relative to the page. */
export declare function authorHref(key: string): string;
/** The links row of a paper: arXiv (or Source), PDF, Hugging Face; only http(s) URLs. */
export declare function paperLinks(m: MetaRecord, t: Messages): HTMLParagraphElement;
/**
 * Authors as links that narrow the list to one person (`a.author`, `data-key`, `?author=`),
 * comma-separated, `etAl` after a cut list; `terms` highlighted.
 */
export declare function authorLinks(parent: HTMLElement, names: readonly string[], keys: readonly string[], more: boolean, t: Messages, terms?: ReadonlySet<string>): void;
/** The date · votes · id line of a paper. */
export declare function infoLine(m: MetaRecord, t: Messages): HTMLParagraphElement;
/**
 * One result row (`li.hit`): thumbnail, title (a link to the paper's page, `?id=`), date,
 * votes, id, authors (links that filter), excerpt and outside links; `terms` highlighted in
 * title, authors and excerpt.
 */
export declare function renderHit(m: MetaRecord, terms: ReadonlySet<string>, t: Messages): HTMLLIElement;
/** A failure in words (an Error's message, else the value as a string). */
export declare function errorText(err: unknown): string;
/**
 * Shows index loading progress in the bar and the text beside it (hidden once everything
 * requested arrived). The status line is left alone: it keeps the list's summary.
 */
export declare function renderProgress(bar: HTMLProgressElement, box: HTMLElement, text: HTMLElement, p: LoadProgress, t: Messages): void;
/** Limits the date fields to the archive's first and last digest dates (YYYY-MM-DD; '' = no limit). */
export declare function limitDates(fields: HTMLInputElement[], dates: {
    min: string;
    max: string;
}): void;
//# sourceMappingURL=render.d.ts.map