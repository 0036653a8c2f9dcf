// src/feed-words.ts
import { localeOf } from "./page/i18n.js";
function isoWeekKo(week) {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  return m ? `${m[1]}\uB144 ${Number(m[2])}\uC8FC\uCC28` : week;
}
function monthKo(month) {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[1]}\uB144 ${Number(m[2])}\uC6D4` : month;
}
function joined(description, sentence) {
  return `${description} ${sentence}`.trim();
}
var KO = {
  locale: "ko",
  authors: "\uC800\uC790",
  votes: "\uCD94\uCC9C",
  listVotes: (n) => ` (\uCD94\uCC9C ${n})`,
  etAl: " \uC678",
  source: "\uC6D0\uBB38",
  day: (date, papers) => `Daily Papers ${date} (\uB17C\uBB38 ${papers}\uD3B8)`,
  week: (w) => `${isoWeekKo(w.week)} (${w.monday} ~ ${w.sunday}): \uB17C\uBB38 ${w.total}\uD3B8 \uC911 \uCD94\uCC9C \uC0C1\uC704 ${w.top}\uD3B8`,
  dailyFeed: (title, description) => ({ title: `${title}: \uB0A0\uC9DC\uBCC4 \uBAA8\uC74C`, description: joined(description, "\uD558\uB8E8\uC5D0 \uD55C \uD56D\uBAA9.") }),
  weeklyFeed: (title, description) => ({ title: `${title}: \uC8FC\uAC04 \uCD94\uCC9C \uC0C1\uC704 \uB17C\uBB38`, description: joined(description, "\uD55C \uC8FC\uC5D0 \uD55C \uD56D\uBAA9, \uADF8 \uC8FC\uC5D0 \uCD94\uCC9C\uC744 \uAC00\uC7A5 \uB9CE\uC774 \uBC1B\uC740 \uB17C\uBB38\uB4E4.") }),
  opml: (title) => `${title}: \uD53C\uB4DC \uBAA9\uB85D`,
  archiveFeed: (title, month, complete) => ({
    title: `${title}: ${monthKo(month)} \uBCF4\uAD00\uD568`,
    description: `${monthKo(month)}\uC5D0 \uCC98\uC74C \uC2E4\uB9B0 \uB17C\uBB38${complete ? "" : " (\uC774\uBC88 \uB2EC: \uACC4\uC18D \uCD94\uAC00\uB428)"}.`
  }),
  filter: (f) => {
    const parts = [];
    if (f.minVotes !== void 0) parts.push(`\uCD94\uCC9C ${f.minVotes}\uAC1C \uC774\uC0C1`);
    if (f.authors?.length) parts.push(`\uC800\uC790 ${f.authors.join(", ")}`);
    if (f.query !== void 0) parts.push(`\uAC80\uC0C9\uC5B4 "${f.query}"`);
    return parts.length ? `${parts.join(", ")} \uC870\uAC74\uC5D0 \uB9DE\uB294 \uB17C\uBB38.` : null;
  }
};
var EN = {
  locale: "en",
  authors: "Authors",
  votes: "Votes",
  listVotes: (n) => ` (${n} votes)`,
  etAl: " et al.",
  source: "Source",
  day: (date, papers) => `Daily Papers ${date} (${papers} ${papers === 1 ? "paper" : "papers"})`,
  week: (w) => `Week ${w.week} (${w.monday} to ${w.sunday}): top ${w.top} of ${w.total} papers`,
  dailyFeed: (title, description) => ({ title: `${title}: daily digest`, description: joined(description, "One entry per day.") }),
  weeklyFeed: (title, description) => ({ title: `${title}: weekly top papers`, description: joined(description, "One entry per week with its most voted papers.") }),
  opml: (title) => `${title}: feeds`,
  archiveFeed: (title, month, complete) => ({
    title: `${title}: archive ${month}`,
    description: `Papers first listed in ${month}${complete ? "" : ", so far"}.`
  }),
  filter: (f) => {
    const parts = [];
    if (f.minVotes !== void 0) parts.push(`with at least ${f.minVotes} votes`);
    if (f.authors?.length) parts.push(`by ${f.authors.join(", ")}`);
    if (f.query !== void 0) parts.push(`matching "${f.query}"`);
    return parts.length ? `Papers ${parts.join(", ")}.` : null;
  }
};
function feedWords(language) {
  return localeOf(language) === "en" ? EN : KO;
}
export {
  feedWords
};
//# sourceMappingURL=feed-words.js.map
