// src/page/i18n.ts
function basics(locale, words) {
  const format = new Intl.NumberFormat(locale === "ko" ? "ko-KR" : "en-US");
  const number = (n) => format.format(n);
  const describeFilters = (f) => {
    const parts = [];
    if (f.from) parts.push(words.from(f.from));
    if (f.to) parts.push(words.to(f.to));
    if (f.minVotes != null) parts.push(words.votes(number(f.minVotes)));
    if (f.author) parts.push(words.author(f.author));
    return parts.length ? ` (${parts.join(", ")})` : "";
  };
  return { number, describeFilters };
}
function korean() {
  const { number, describeFilters } = basics("ko", { from: (d) => `${d}\uBD80\uD130`, to: (d) => `${d}\uAE4C\uC9C0`, votes: (v) => `\uCD94\uCC9C ${v} \uC774\uC0C1`, author: (a) => `\uC800\uC790 ${a}` });
  return {
    locale: "ko",
    number,
    searchLabel: "\uB17C\uBB38 \uAC80\uC0C9 (\uC81C\uBAA9, \uD55C\uAD6D\uC5B4 \uC694\uC57D, \uC800\uC790, arXiv ID)",
    placeholder: "\uC608: \uAC15\uD654\uD559\uC2B5, diffusion, 2404.03715 \u2014 / \uD0A4\uB85C \uBC14\uB85C \uC785\uB825",
    filters: "\uD544\uD130",
    filtersButton: (active) => active > 0 ? `\uD544\uD130 (${number(active)})` : "\uD544\uD130",
    from: "\uC2DC\uC791\uC77C",
    to: "\uC885\uB8CC\uC77C",
    minVotes: "\uCD5C\uC18C \uCD94\uCC9C \uC218",
    sort: "\uC815\uB82C",
    sortRelevance: "\uAD00\uB828\uB3C4\uC21C",
    sortNewest: "\uCD5C\uC2E0\uC21C",
    sortVotes: "\uCD94\uCC9C\uC21C",
    clear: "\uCD08\uAE30\uD654",
    loadingIndex: "\uAC80\uC0C9 \uC0C9\uC778\uC744 \uBD88\uB7EC\uC624\uB294 \uC911\u2026 (\uBC14\uB85C \uC785\uB825\uD574\uB3C4 \uB429\uB2C8\uB2E4)",
    loadingParts: (done, requested) => `\uC0C9\uC778 \uC870\uAC01 \uBD88\uB7EC\uC624\uB294 \uC911\u2026 ${number(done)}/${number(requested)}`,
    progressLabel: "\uAC80\uC0C9 \uC0C9\uC778 \uBD88\uB7EC\uC624\uAE30",
    resultsLabel: "\uAC80\uC0C9 \uACB0\uACFC",
    more: "\uACB0\uACFC \uB354 \uBCF4\uAE30",
    noscript: "\uAC80\uC0C9\uC5D0\uB294 JavaScript\uAC00 \uD544\uC694\uD569\uB2C8\uB2E4. \uC544\uB798 \uD53C\uB4DC\uB85C\uB3C4 \uB17C\uBB38\uC744 \uBC1B\uC544 \uBCFC \uC218 \uC788\uC2B5\uB2C8\uB2E4.",
    papers: (n) => `\uB17C\uBB38 ${number(n)}\uD3B8`,
    feedsHeading: "\uD53C\uB4DC",
    opml: "OPML (\uBAA8\uB4E0 \uD53C\uB4DC)",
    describeFilters,
    browseStatus: (f, size) => `\uCD5C\uC2E0 \uB17C\uBB38${describeFilters(f)}. \uB17C\uBB38 ${number(size)}\uD3B8\uC5D0\uC11C \uAC80\uC0C9\uD560 \uC218 \uC788\uC2B5\uB2C8\uB2E4.`,
    searchStatus: (q, f, count, partial, capped, ms) => {
      const plus = (last) => capped && last ? "+" : "";
      if (count === 0 && partial === 0) return `\u201C${q}\u201D\uC5D0 \uB300\uD55C \uACB0\uACFC\uAC00 \uC5C6\uC2B5\uB2C8\uB2E4${describeFilters(f)}.`;
      if (count === 0) return `\u201C${q}\u201D\uB97C \uBAA8\uB450 \uB2F4\uC740 \uB17C\uBB38\uC740 \uC5C6\uACE0, \uC77C\uBD80\uB9CC \uB2F4\uC740 \uB17C\uBB38 ${number(partial)}${plus(true)}\uAC74${describeFilters(f)} (${number(ms)}ms).`;
      const some = partial > 0 ? `, \uAC80\uC0C9\uC5B4\uC758 \uC77C\uBD80\uB9CC \uB2F4\uC740 \uB17C\uBB38 ${number(partial)}${plus(true)}\uAC74 \uB354` : "";
      return `\u201C${q}\u201D \uAC80\uC0C9 \uACB0\uACFC ${number(count)}${plus(partial === 0)}\uAC74${some}${describeFilters(f)} (${number(ms)}ms).`;
    },
    readyStatus: (size) => `\uAC80\uC0C9 \uC900\uBE44 \uC644\uB8CC: \uB17C\uBB38 ${number(size)}\uD3B8. \uCD5C\uC2E0 \uB17C\uBB38\uC744 \uBCF4\uC5EC \uC90D\uB2C8\uB2E4.`,
    searchFailed: (r) => `\uAC80\uC0C9\uD558\uC9C0 \uBABB\uD588\uC2B5\uB2C8\uB2E4: ${r}`,
    indexFailed: (r) => `\uAC80\uC0C9 \uC0C9\uC778\uC744 \uBD88\uB7EC\uC624\uC9C0 \uBABB\uD588\uC2B5\uB2C8\uB2E4: ${r}`,
    emptyTitle: "\uC870\uAC74\uC5D0 \uB9DE\uB294 \uB17C\uBB38\uC774 \uC5C6\uC2B5\uB2C8\uB2E4.",
    emptyNoMatch: (q) => `\u201C${q}\u201D\uC5D0 \uB9DE\uB294 \uB17C\uBB38\uC774 \uC5C6\uC2B5\uB2C8\uB2E4. \uB2E4\uB978 \uB0B1\uB9D0\uC774\uB098 \uB354 \uC9E7\uC740 \uB0B1\uB9D0\uB85C \uCC3E\uC544 \uBCF4\uC138\uC694.`,
    emptyFilters: "\uD544\uD130\uB97C \uD480\uBA74 \uB354 \uB9CE\uC740 \uB17C\uBB38\uC774 \uBCF4\uC785\uB2C8\uB2E4.",
    emptyDatesReversed: "\uC2DC\uC791\uC77C\uC774 \uC885\uB8CC\uC77C\uBCF4\uB2E4 \uB2A6\uC2B5\uB2C8\uB2E4.",
    clearFilters: "\uD544\uD130 \uCD08\uAE30\uD654",
    votes: (n) => n === null ? "\uCD94\uCC9C \uC218 \uBAA8\uB984" : `\u25B2 \uCD94\uCC9C ${number(n)}`,
    etAl: " \uC678",
    authorChip: (name, papers) => `\uC800\uC790: ${name} \xB7 \uB17C\uBB38 ${number(papers)}\uD3B8`,
    partialDivider: "\uC5EC\uAE30\uBD80\uD130\uB294 \uAC80\uC0C9\uC5B4\uC758 \uC77C\uBD80\uB9CC \uB2F4\uC740 \uB17C\uBB38\uC785\uB2C8\uB2E4.",
    removeAuthor: (name) => `\uC800\uC790 \uD544\uD130 \uD574\uC81C: ${name}`,
    filterByAuthor: (name) => `${name}\uC758 \uB17C\uBB38\uB9CC \uBCF4\uAE30`,
    source: "\uC6D0\uBB38",
    backToSearch: "\u2190 \uAC80\uC0C9\uC73C\uB85C",
    summary: "\uC694\uC57D",
    listedOn: "\uC18C\uAC1C\uB41C \uB0A0",
    authors: "\uC800\uC790",
    links: "\uB9C1\uD06C",
    related: "\uAD00\uB828 \uB17C\uBB38",
    noRelated: "\uBE44\uC2B7\uD55C \uB17C\uBB38\uC744 \uCC3E\uC9C0 \uBABB\uD588\uC2B5\uB2C8\uB2E4.",
    loadingPaper: "\uB17C\uBB38\uC744 \uBD88\uB7EC\uC624\uB294 \uC911\u2026",
    paperNotFound: (id) => `\uB17C\uBB38\uC744 \uCC3E\uC744 \uC218 \uC5C6\uC2B5\uB2C8\uB2E4: ${id}`
  };
}
function english() {
  const { number, describeFilters } = basics("en", { from: (d) => `from ${d}`, to: (d) => `to ${d}`, votes: (v) => `\u2265 ${v} votes`, author: (a) => `by ${a}` });
  const plural = new Intl.PluralRules("en-US");
  const count = (n, one, other) => `${number(n)} ${plural.select(n) === "one" ? one : other}`;
  return {
    locale: "en",
    number,
    searchLabel: "Search papers (title, Korean summary, authors, arXiv ID)",
    placeholder: "e.g. \uAC15\uD654\uD559\uC2B5, diffusion, 2404.03715 \u2014 press / to focus",
    filters: "Filters",
    filtersButton: (active) => active > 0 ? `Filters (${number(active)})` : "Filters",
    from: "From",
    to: "To",
    minVotes: "Min. votes",
    sort: "Sort",
    sortRelevance: "Relevance",
    sortNewest: "Newest",
    sortVotes: "Most votes",
    clear: "Clear",
    loadingIndex: "Loading the search index\u2026 (you can type already)",
    loadingParts: (done, requested) => `Loading index parts\u2026 ${number(done)}/${number(requested)}`,
    progressLabel: "Search index loading",
    resultsLabel: "Results",
    more: "Show more results",
    noscript: "The search needs JavaScript. The papers are also published as the feeds below.",
    papers: (n) => count(n, "paper", "papers"),
    feedsHeading: "Feeds",
    opml: "OPML (all feeds)",
    describeFilters,
    browseStatus: (f, size) => `Latest papers${describeFilters(f)}. Type to search ${count(size, "paper", "papers")}.`,
    searchStatus: (q, f, n, partial, capped, ms) => {
      const counted = (k, last, one, many) => capped && last ? `${number(k)}+ ${many}` : count(k, one, many);
      if (n === 0 && partial === 0) return `No results for \u201C${q}\u201D${describeFilters(f)}.`;
      if (n === 0) return `No paper has all of \u201C${q}\u201D; ${counted(partial, true, "paper has", "papers have")} part of it${describeFilters(f)} (${number(ms)} ms).`;
      const some = partial > 0 ? `, ${counted(partial, true, "more", "more")} with only part of it` : "";
      return `${counted(n, partial === 0, "result", "results")} for \u201C${q}\u201D${some}${describeFilters(f)} (${number(ms)} ms).`;
    },
    readyStatus: (size) => `Search ready: ${count(size, "paper", "papers")}. Showing the latest.`,
    searchFailed: (r) => `Search failed: ${r}`,
    indexFailed: (r) => `The search index could not be loaded: ${r}`,
    emptyTitle: "No papers match.",
    emptyNoMatch: (q) => `Nothing matches \u201C${q}\u201D. Try other or shorter words.`,
    emptyFilters: "Loosen the filters to see more papers.",
    emptyDatesReversed: "\u201CFrom\u201D is after \u201CTo\u201D.",
    clearFilters: "Clear filters",
    votes: (n) => n === null ? "votes unknown" : `\u25B2 ${count(n, "vote", "votes")}`,
    etAl: ", et al.",
    authorChip: (name, papers) => `Author: ${name} \xB7 ${count(papers, "paper", "papers")}`,
    partialDivider: "From here on, papers with only part of the query.",
    removeAuthor: (name) => `Remove the author filter ${name}`,
    filterByAuthor: (name) => `Only papers by ${name}`,
    source: "Source",
    backToSearch: "\u2190 Back to search",
    summary: "Summary",
    listedOn: "Listed on",
    authors: "Authors",
    links: "Links",
    related: "Related papers",
    noRelated: "No similar papers found.",
    loadingPaper: "Loading the paper\u2026",
    paperNotFound: (id) => `No paper with the id ${id}.`
  };
}
function localeOf(lang) {
  return /^en\b/i.test(lang.trim()) ? "en" : "ko";
}
function messagesFor(lang) {
  return localeOf(lang) === "en" ? english() : korean();
}
export {
  localeOf,
  messagesFor
};
//# sourceMappingURL=i18n.js.map
