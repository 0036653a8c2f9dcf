// src/page/main.ts
import { messagesFor } from "./i18n.js";
import { bindKeys, watchTyping } from "./keys.js";
import { typesetMath } from "./math-loader.js";
import { renderPaper } from "./paper-view.js";
import { errorText, limitDates, mathAsText, renderHit, renderProgress } from "./render.js";
import { RESULT_LIMIT } from "../search/options.js";
import { effectiveSort } from "./sort.js";
import { activeFilters, fillFields, filtersOf, parseState, readFields, UrlHistory } from "./url-state.js";
import { FIRST_PAINT, SearchWorker } from "./worker-client.js";
var PAGE_SIZE = 20;
var DEBOUNCE_MS = 150;
var REST_DELAY_MS = 250;
var t = messagesFor(document.documentElement.lang);
var $ = (id) => document.getElementById(id);
var form = $("search");
var fields = {
  q: $("q"),
  from: $("from"),
  to: $("to"),
  votes: $("votes"),
  sort: $("sort"),
  author: $("author")
};
var sortSelect = $("sort-select");
var filtersToggle = $("filters-toggle");
var chip = $("author-chip");
var statusEl = $("status");
var empty = $("empty");
var clearFilters = $("clear-filters");
var results = $("results");
var more = $("more");
var paperEl = $("paper");
var progress = $("progress");
var loading = $("loading");
var loadingText = $("loading-text");
var siteTitle = document.title;
var urlState = new UrlHistory();
var index = null;
var timer;
var generation = 0;
var inputs = 0;
var shown = 0;
var current = {
  hits: null,
  filters: {},
  query: "",
  author: null,
  sort: "newest"
};
var authorInfo = null;
var sawList = false;
var appending = Promise.resolve();
function append(op) {
  const next = appending.then(op, op);
  appending = next.catch(() => {
  });
  return next;
}
function setStatus(text) {
  statusEl.textContent = text;
}
function showView(view) {
  const list = view === "list";
  form.hidden = false;
  statusEl.hidden = !list;
  results.hidden = !list;
  paperEl.hidden = list;
  if (!list) {
    more.hidden = true;
    empty.hidden = true;
  }
  document.documentElement.dataset.view = view;
}
async function showPage(shortIds, terms, gen, append2, partial = /* @__PURE__ */ new Set()) {
  if (!index) return;
  const meta = await index.meta(shortIds);
  if (gen !== generation) return;
  if (!append2) results.replaceChildren();
  for (const s of shortIds) {
    const m = meta.get(s);
    if (!m) continue;
    if (partial.has(s) && !results.querySelector(".partial-divider")) {
      const divider = Object.assign(document.createElement("li"), { className: "partial-divider", textContent: t.partialDivider });
      divider.setAttribute("role", "separator");
      divider.setAttribute("aria-label", t.partialDivider);
      results.append(divider);
    }
    results.append(renderHit(m, terms, t));
  }
  void typesetMath(results);
}
function partialOf(hits) {
  return new Set(hits.filter((h) => h.partial).map((h) => h.shortId));
}
function syncControls(s) {
  const searching = s.q.trim() !== "";
  sortSelect.value = effectiveSort(s.sort, searching);
  sortSelect.options[0].disabled = !searching;
  filtersToggle.textContent = t.filtersButton(activeFilters(s));
}
async function syncAuthor(key) {
  if (!key) {
    authorInfo = null;
    chip.hidden = true;
    return;
  }
  if (authorInfo?.key !== key && index) {
    const a = await index.author(key);
    authorInfo = { key, name: a?.name ?? key, papers: a?.papers.length ?? 0 };
  }
  if (!authorInfo || authorInfo.key !== key) return;
  chip.querySelector(".chip-text").textContent = t.authorChip(authorInfo.name, authorInfo.papers);
  const remove = chip.querySelector(".chip-remove");
  remove.setAttribute("aria-label", t.removeAuthor(authorInfo.name));
  remove.title = t.removeAuthor(authorInfo.name);
  chip.hidden = false;
}
function showEmpty(s, count) {
  empty.hidden = count > 0;
  if (count > 0) return;
  const f = filtersOf(s);
  const hint = empty.querySelector(".empty-hint");
  const filtered = activeFilters(s) > 0;
  if (f.from && f.to && f.from > f.to) hint.textContent = t.emptyDatesReversed;
  else if (s.q.trim() && !filtered) hint.textContent = t.emptyNoMatch(s.q.trim());
  else hint.textContent = filtered ? t.emptyFilters : "";
  clearFilters.hidden = !filtered;
}
function described(filters, key) {
  return key ? { ...filters, author: authorInfo?.key === key ? authorInfo.name : key } : filters;
}
async function showPaper(id, gen) {
  if (!index) return;
  showView("paper");
  paperEl.replaceChildren(t.loadingPaper);
  const paper = await index.paper(id);
  if (gen !== generation) return;
  if (!paper) {
    const p = document.createElement("p");
    p.className = "not-found";
    p.textContent = t.paperNotFound(id);
    paperEl.replaceChildren(p);
    document.title = siteTitle;
  } else {
    const meta = await index.meta(paper.meta.related);
    if (gen !== generation) return;
    const related = paper.meta.related.flatMap((s) => meta.get(s) ?? []);
    paperEl.replaceChildren(...renderPaper(paper.meta, paper.record, related, t));
    document.title = `${mathAsText(paper.meta.title)} \xB7 ${siteTitle}`;
    void typesetMath(paperEl);
  }
  window.scrollTo(0, 0);
  document.documentElement.dataset.paper = id;
}
async function run(push, state) {
  const gen = ++generation;
  const s = state ?? readFields(fields);
  if (push) urlState.write(s);
  if (!index) return;
  if (s.id) return showPaper(s.id, gen);
  showView("list");
  document.title = siteTitle;
  sawList = true;
  syncControls(s);
  const filters = filtersOf(s);
  const query = s.q.trim();
  const author = s.author || null;
  const sort = effectiveSort(s.sort, query !== "");
  const t0 = performance.now();
  performance.mark(`dp:start:${gen}`);
  try {
    await syncAuthor(s.author);
    if (gen !== generation) return;
    shown = 0;
    if (query === "") {
      const { shortIds, more: hasMore } = await index.browse(filters, 0, PAGE_SIZE, gen, { author, sort });
      if (gen !== generation) return;
      current = { hits: null, filters, query, author, sort };
      await showPage(shortIds, /* @__PURE__ */ new Set(), gen, false);
      if (gen !== generation) return;
      shown = shortIds.length;
      more.hidden = !hasMore;
      showEmpty(s, shown);
      setStatus(t.browseStatus(described(filters, s.author), index.size));
      document.documentElement.dataset.searched = String(gen);
      return;
    }
    const hits = await index.search(query, filters, gen, { author, sort });
    if (hits === null || gen !== generation) return;
    const searchedMs = performance.now() - t0;
    current = { hits, filters, query, author, sort };
    const page = hits.slice(0, FIRST_PAINT);
    const terms = new Set(hits.slice(0, PAGE_SIZE).flatMap((h) => h.terms));
    const partial = partialOf(hits);
    await showPage(page.map((h) => h.shortId), terms, gen, false, partial);
    if (gen !== generation) return;
    shown = page.length;
    more.hidden = hits.length <= shown;
    showEmpty(s, hits.length);
    setStatus(t.searchStatus(query, described(filters, s.author), hits.length - partial.size, partial.size, hits.length >= RESULT_LIMIT, Math.round(performance.now() - t0)));
    performance.measure("dp:search", { start: `dp:start:${gen}`, detail: { query, hits: hits.length, searchedMs, worker: index.lastTimings } });
    document.documentElement.dataset.searched = String(gen);
    if (hits.length > shown) {
      const typed = inputs;
      await new Promise((r) => setTimeout(r, REST_DELAY_MS));
      if (gen !== generation || inputs !== typed) return;
      await append(async () => {
        const rest = hits.slice(shown, PAGE_SIZE);
        if (gen !== generation || rest.length === 0) return;
        await showPage(rest.map((h) => h.shortId), terms, gen, true, partial);
        if (gen !== generation) return;
        shown += rest.length;
        more.hidden = hits.length <= shown;
      });
    }
  } catch (err) {
    if (gen !== generation) return;
    setStatus(t.searchFailed(errorText(err)));
  }
}
function schedule() {
  inputs++;
  clearTimeout(timer);
  timer = setTimeout(() => void run(true), DEBOUNCE_MS);
  const s = readFields(fields);
  const query = s.q.trim();
  if (index && query !== "" && !s.author) index.preload(query, filtersOf(s));
}
function showMore() {
  return append(showNext);
}
async function showNext() {
  if (!index) return;
  const gen = generation;
  if (current.hits) {
    const page = current.hits.slice(shown, shown + PAGE_SIZE);
    await showPage(page.map((h) => h.shortId), new Set(current.hits.flatMap((h) => h.terms)), gen, true, partialOf(current.hits));
    if (gen !== generation) return;
    shown += page.length;
    more.hidden = current.hits.length <= shown;
  } else {
    const { shortIds, more: hasMore } = await index.browse(current.filters, shown, PAGE_SIZE, gen, { author: current.author, sort: current.sort });
    if (gen !== generation) return;
    await showPage(shortIds, /* @__PURE__ */ new Set(), gen, true);
    shown += shortIds.length;
    more.hidden = !hasMore;
  }
}
function navigate(s) {
  clearTimeout(timer);
  urlState.endBurst();
  if (!s.id) fillFields(fields, s);
  void run(true, s);
  urlState.endBurst();
}
watchTyping(fields.q, {
  onText: schedule,
  onComposing: () => {
    inputs++;
  }
});
for (const el of [fields.from, fields.to, fields.votes]) el.addEventListener("change", () => void run(true));
fields.votes.addEventListener("input", schedule);
sortSelect.addEventListener("change", () => {
  fields.sort.value = sortSelect.value;
  urlState.endBurst();
  void run(true);
});
filtersToggle.addEventListener("click", () => {
  const open = form.classList.toggle("filters-open");
  filtersToggle.setAttribute("aria-expanded", String(open));
});
chip.querySelector(".chip-remove").addEventListener("click", () => {
  fields.author.value = "";
  urlState.endBurst();
  void run(true);
});
clearFilters.addEventListener("click", () => {
  fillFields(fields, { ...readFields(fields), from: "", to: "", votes: "", author: "" });
  urlState.endBurst();
  void run(true);
});
form.addEventListener("submit", (e) => {
  e.preventDefault();
  clearTimeout(timer);
  urlState.endBurst();
  void run(true);
});
form.addEventListener("reset", () => {
  setTimeout(() => {
    fields.sort.value = "";
    fields.author.value = "";
    urlState.endBurst();
    void run(true);
  });
});
document.addEventListener("click", (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = e.target?.closest?.("a");
  if (!a || a.target || !index) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname !== location.pathname) return;
  e.preventDefault();
  const s = parseState(url.search);
  if (a.classList.contains("author") && results.contains(a)) {
    navigate({ ...readFields(fields), author: s.author });
  } else if (a.classList.contains("back-link") && sawList && history.state) {
    history.back();
  } else navigate(s);
});
more.addEventListener("click", () => void showMore());
window.addEventListener("popstate", () => {
  const s = urlState.read();
  if (!s.id) fillFields(fields, s);
  void run(false, s);
});
bindKeys(fields.q, results);
async function start() {
  const initial = urlState.read();
  if (!initial.id) fillFields(fields, initial);
  urlState.stampCurrent();
  const workerUrl = document.documentElement.dataset.worker ?? "";
  try {
    const worker = new Worker(new URL(workerUrl, location.href).href, { name: "search" });
    const w = new SearchWorker(worker, new URL("search/", location.href).href);
    await w.ready();
    index = w;
  } catch (err) {
    loading.hidden = true;
    setStatus(t.indexFailed(errorText(err)));
    return;
  }
  index.onProgress = (p) => renderProgress(progress, loading, loadingText, p, t);
  loading.hidden = true;
  limitDates([fields.from, fields.to], index.dates);
  const s = urlState.read();
  try {
    await run(false, s.id ? s : { ...readFields(fields), id: "" });
    if (!s.id && !fields.q.value.trim() && activeFilters(s) === 0) setStatus(t.readyStatus(index.size));
  } finally {
    document.documentElement.dataset.ready = "true";
  }
}
void start();
//# sourceMappingURL=main.js.map
