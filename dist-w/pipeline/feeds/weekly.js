// pipeline/feeds/weekly.ts
import { compareStrings } from "../../src/compare.js";
var DAY_MS = 864e5;
function isoDate(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}
function isoWeek(date) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (isoDate(day) !== date) return null;
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  const monday = day - weekday * DAY_MS;
  const thursday = monday + 3 * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return { week: `${year}-W${String(week).padStart(2, "0")}`, monday: isoDate(monday), sunday: isoDate(monday + 6 * DAY_MS) };
}
function byVotes(a, b) {
  return (b.paper.votes ?? -1) - (a.paper.votes ?? -1) || b.published - a.published || compareStrings(a.paper.id, b.paper.id);
}
function weekDigests(timed, days, top) {
  const weeks = /* @__PURE__ */ new Map();
  for (const t of timed) {
    const w = isoWeek(t.paper.date);
    if (!w) continue;
    let entry = weeks.get(w.week);
    if (!entry) weeks.set(w.week, entry = { monday: w.monday, sunday: w.sunday, papers: [], days: [] });
    entry.papers.push(t);
  }
  for (const day of days) {
    const w = isoWeek(day.date);
    if (w) weeks.get(w.week)?.days.push(day.published);
  }
  const list = [];
  for (const [week, entry] of weeks) {
    list.push({
      week,
      monday: entry.monday,
      sunday: entry.sunday,
      published: Math.min(...entry.days),
      updated: Math.max(...entry.days),
      top: [...entry.papers].sort(byVotes).slice(0, top).map((t) => t.paper),
      total: entry.papers.length
    });
  }
  return list.sort((a, b) => compareStrings(b.week, a.week));
}
export {
  isoWeek,
  weekDigests
};
//# sourceMappingURL=weekly.js.map
