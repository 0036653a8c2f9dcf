// src/page/math-loader.ts
var loaded = null;
function load() {
  const root = document.documentElement;
  const script = root.dataset.math;
  if (!script) return null;
  if (!loaded) {
    const style = root.dataset.mathStyle;
    if (style) {
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = new URL(style, location.href).href;
      document.head.append(link);
    }
    loaded = import(
      /* @vite-ignore */
      new URL(script, location.href).href
    );
    loaded.catch(() => {
      loaded = null;
    });
  }
  return loaded;
}
async function typesetMath(root) {
  const spans = [...root.querySelectorAll("span.math[data-tex]:not([data-rendered])")];
  if (spans.length === 0) return;
  const mod = load();
  if (!mod) return;
  let math;
  try {
    math = await mod;
  } catch {
    return;
  }
  for (const span of spans) {
    if (!span.isConnected || span.dataset.rendered) continue;
    const tex = span.dataset.tex ?? "";
    const source = span.textContent ?? "";
    span.dataset.rendered = "true";
    span.title = source;
    span.textContent = "";
    try {
      math.renderMath(span, tex, span.classList.contains("display"));
    } catch {
      span.textContent = source;
    }
  }
  document.documentElement.dataset.mathRendered = String(Number(document.documentElement.dataset.mathRendered ?? 0) + spans.length);
}
export {
  typesetMath
};
//# sourceMappingURL=math-loader.js.map
