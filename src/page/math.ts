/**
 * The math renderer, bundled apart from the page (assets/math.<hash>.js) and imported by
 * src/page/math-loader.ts only when a text on screen holds math: KaTeX with `trust: false`
 * (no \href, \url, \includegraphics or HTML extensions), errors shown in place instead of thrown.
 * KaTeX builds the formula with DOM calls and sets styles through the CSSOM, which the page's
 * Content-Security-Policy (no inline styles or scripts) allows.
 */
import katex from 'katex';

/** Replaces `el`'s content with `tex` rendered (display style when `display`). */
export function renderMath(el: HTMLElement, tex: string, display: boolean): void {
  katex.render(tex, el, { displayMode: display, throwOnError: false, trust: false, strict: 'ignore', output: 'htmlAndMathml', maxSize: 20, maxExpand: 200 });
}
