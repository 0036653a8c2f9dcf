/**
 * Loads the math renderer (src/page/math.ts, KaTeX, bundled apart) only when a text on screen
 * holds math: render.ts marks math as `span.math[data-tex]` with its source as text; this
 * imports the renderer (its URL in `<html data-math>`), adds its stylesheet (`data-math-style`,
 * fonts served from the site) and replaces each span's source with the rendered formula. Without
 * the renderer, or when it fails, the source stays as text.
 */
/** Renders the math spans under `root` not rendered yet; fetches nothing when there are none. */
export declare function typesetMath(root: HTMLElement): Promise<void>;
//# sourceMappingURL=math-loader.d.ts.map