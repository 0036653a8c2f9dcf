// pipeline/feeds/time.ts
import { compareStrings } from "../../src/compare.js";
function zonedClock(timeZone) {
  let format;
  const memo = /* @__PURE__ */ new Map();
  const offsetAt = (utcMs) => {
    format ??= formatter(timeZone);
    const parts = format.formatToParts(new Date(utcMs));
    const get = (type) => Number(parts.find((p) => p.type === type)?.value);
    const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
    return wall - Math.floor(utcMs / 1e3) * 1e3;
  };
  const compute = (date, time) => {
    const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    const t = /^(\d{2}):(\d{2})$/.exec(time);
    if (!d || !t) return null;
    const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
    const check = new Date(wall);
    if (check.getUTCFullYear() !== Number(d[1]) || check.getUTCMonth() !== Number(d[2]) - 1 || check.getUTCDate() !== Number(d[3])) return null;
    let utc = wall - offsetAt(wall);
    const second = wall - offsetAt(utc);
    if (second !== utc) utc = second;
    return utc;
  };
  return (date, time) => {
    const key = `${date} ${time}`;
    let value = memo.get(key);
    if (value === void 0) memo.set(key, value = compute(date, time));
    return value;
  };
}
function formatter(timeZone) {
  try {
    return new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit"
    });
  } catch {
    throw new Error(`feeds.timezone: "${timeZone}" is not an IANA time zone this Node.js knows`);
  }
}
function timePapers(papers, clock, time) {
  const firstListed = /* @__PURE__ */ new Map();
  for (const p of papers) {
    const list = firstListed.get(p.date);
    if (list) list.push(p);
    else firstListed.set(p.date, [p]);
  }
  const timed = [];
  const invalid = [];
  const again = /* @__PURE__ */ new Map();
  const firsts = /* @__PURE__ */ new Map();
  for (const [date, list] of firstListed) {
    const base = clock(date, time);
    if (base === null) {
      invalid.push(...list);
      continue;
    }
    list.sort((a, b) => compareStrings(a.source.file, b.source.file) || a.source.line - b.source.line || compareStrings(a.id, b.id));
    const day = list.map((paper, rank) => ({ paper, published: base - rank * 1e3, updated: base - rank * 1e3 }));
    firsts.set(date, day);
    for (const t of day) {
      timed.push(t);
      for (const later of new Set(t.paper.dates)) {
        if (later === date) continue;
        const list2 = again.get(later);
        if (list2) list2.push(t);
        else again.set(later, [t]);
      }
    }
  }
  const newest = (a, b) => b.published - a.published || compareStrings(a.paper.id, b.paper.id);
  const days = [];
  const lastListing = /* @__PURE__ */ new Map();
  for (const date of /* @__PURE__ */ new Set([...firsts.keys(), ...again.keys()])) {
    const published = clock(date, time);
    if (published === null) continue;
    const listed = [...firsts.get(date) ?? [], ...(again.get(date) ?? []).sort(newest)];
    listed.forEach((t, rank) => {
      const at = published - rank * 1e3;
      if (at > (lastListing.get(t) ?? -Infinity)) lastListing.set(t, at);
    });
    days.push({ date, published, papers: listed.map((t) => t.paper) });
  }
  for (const t of timed) t.updated = Math.max(t.published, lastListing.get(t) ?? t.published);
  return { timed: timed.sort(newest), days: days.sort((a, b) => b.published - a.published), invalid };
}
export {
  timePapers,
  zonedClock
};
//# sourceMappingURL=time.js.map
