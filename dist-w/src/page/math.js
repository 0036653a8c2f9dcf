// src/page/math.ts
import katex from "katex";
function renderMath(el, tex, display) {
  katex.render(tex, el, { displayMode: display, throwOnError: false, trust: false, strict: "ignore", output: "htmlAndMathml", maxSize: 20, maxExpand: 200 });
}
export {
  renderMath
};
//# sourceMappingURL=math.js.map
