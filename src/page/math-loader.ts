/**
 * Loads the math renderer (src/page/math.ts, KaTeX, bundled apart) only when a text on screen
 * holds math: render.ts marks math as `span.math[data-tex]` with its source as text; this
 * imports the renderer (its URL in `<html data-math>`), adds its stylesheet (`data-math-style`,
 * fonts served from the site) and replaces each span's source with the rendered formula. Without
 * the renderer, or when it fails, the source stays as text.
 */

/** What src/page/math.ts exports. */
interface MathModule {
  renderMath(el: HTMLElement, tex: string, display: boolean): void;
}

let loaded: Promise<MathModule> | null = null;

function load(): Promise<MathModule> | null {
  const root = document.documentElement;
  const script = root.dataset.math;
  if (!script) return null;
  if (!loaded) {
    const style = root.dataset.mathStyle;
    if (style) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = new URL(style, location.href).href;
      document.head.append(link);
    }
    loaded = import(/* @vite-ignore */ new URL(script, location.href).href) as Promise<MathModule>;
    loaded.catch(() => {
      loaded = null;
    });
  }
  return loaded;
}

/** Renders the math spans under `root` not rendered yet; fetches nothing when there are none. */
export async function typesetMath(root: HTMLElement): Promise<void> {
  const spans = [...root.querySelectorAll<HTMLElement>('span.math[data-tex]:not([data-rendered])')];
  if (spans.length === 0) return;
  const mod = load();
  if (!mod) return;
  let math: MathModule;
  try {
    math = await mod;
  } catch {
    return; // the source stays as text
  }
  for (const span of spans) {
    if (!span.isConnected || span.dataset.rendered) continue;
    const tex = span.dataset.tex ?? '';
    const source = span.textContent ?? '';
    span.dataset.rendered = 'true';
    span.title = source;
    span.textContent = '';
    try {
      math.renderMath(span, tex, span.classList.contains('display'));
    } catch {
      span.textContent = source;
    }
  }
  document.documentElement.dataset.mathRendered = String(Number(document.documentElement.dataset.mathRendered ?? 0) + spans.length);
}
