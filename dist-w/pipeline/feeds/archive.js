// pipeline/feeds/archive.ts
function archiveFiles(month) {
  return { rss: `archive/${month}.xml`, atom: `archive/${month}.atom.xml`, json: `archive/${month}.json` };
}
function monthArchives(timed, days) {
  const months = /* @__PURE__ */ new Map();
  for (const t of timed) {
    const month = t.paper.date.slice(0, 7);
    const list = months.get(month);
    if (list) list.push(t);
    else months.set(month, [t]);
  }
  const lastDigestMonth = days.reduce((max, d) => d.date.slice(0, 7) > max ? d.date.slice(0, 7) : max, "");
  return [...months.keys()].sort().map((month) => ({ month, complete: month < lastDigestMonth, papers: months.get(month) }));
}
export {
  archiveFiles,
  monthArchives
};
//# sourceMappingURL=archive.js.map
