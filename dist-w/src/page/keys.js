// src/page/keys.ts
function watchTyping(box, handlers) {
  let composing = false;
  box.addEventListener("compositionstart", () => {
    composing = true;
  });
  box.addEventListener("compositionend", () => {
    composing = false;
    handlers.onText();
  });
  box.addEventListener("input", (e) => {
    if (composing || e.isComposing) handlers.onComposing();
    else handlers.onText();
  });
}
function arrowTarget(key, from, count) {
  if (count === 0) return null;
  if (from === "box") return key === "ArrowDown" ? 0 : null;
  if (from < 0) return null;
  if (key === "ArrowDown") return Math.min(from + 1, count - 1);
  return from === 0 ? "box" : from - 1;
}
function bindKeys(box, results) {
  document.addEventListener("keydown", (e) => {
    const target = e.target;
    const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
    if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      box.focus();
      box.select();
      return;
    }
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    if (e.isComposing || typing && target !== box) return;
    const links = [...results.querySelectorAll("a.title")];
    const from = target === box ? "box" : links.indexOf(document.activeElement);
    const to = arrowTarget(e.key, from, links.length);
    if (to === null) return;
    e.preventDefault();
    if (to === "box") box.focus();
    else links[to].focus();
  });
}
export {
  arrowTarget,
  bindKeys,
  watchTyping
};
//# sourceMappingURL=keys.js.map
