/**
 * The feeds' own words in Korean and English: the labels of a paper item (authors, votes, the
 * source link), the titles of the daily and weekly items, and the titles and descriptions of
 * the built-in feeds (daily, weekly, monthly archives) and of extra feeds without a description.
 * The feeds speak the site's language (`site.language`) by the page's rule (src/page/i18n.ts
 * `localeOf`): English for `en…`, Korean otherwise. The site's own title and description, the
 * config's extra feed titles and the papers' text are used as written. Pure and browser-safe.
 */
import { localeOf, type Locale } from './page/i18n.ts';

/** A week as its item names it: ISO week `YYYY-Www`, its Monday and Sunday, papers shown and listed. */
export interface WeekWords {
  week: string;
  monday: string;
  sunday: string;
  top: number;
  total: number;
}

/** What an extra feed selects, for its description (see `FeedWords#filter`). */
export interface FilterWords {
  minVotes?: number;
  authors?: readonly string[];
  query?: string;
}

export interface FeedWords {
  locale: Locale;
  /** Label before a paper's author list. */
  authors: string;
  /** Label before a paper's vote count. */
  votes: string;
  /** A paper's vote count after its title in a list (daily and weekly items). */
  listVotes(n: number): string;
  /** After the names a byline shows when there are more authors (`A, B, C et al.`). */
  etAl: string;
  /** The name of a paper's link when it is not on arXiv. */
  source: string;
  /** Label before a paper's video links (a digest's `[Watch Video](…)` lines). */
  video: string;
  /** A daily item's title: the digest date and how many papers it lists. */
  day(date: string, papers: number): string;
  /** A weekly item's title. */
  week(w: WeekWords): string;
  /** The daily feed's title and description, from the site's. */
  dailyFeed(title: string, description: string): { title: string; description: string };
  /** The weekly feed's title and description, from the site's. */
  weeklyFeed(title: string, description: string): { title: string; description: string };
  /** A month's archive feed (`YYYY-MM`; `complete` false while the month is still open). */
  archiveFeed(title: string, month: string, complete: boolean): { title: string; description: string };
  /** The title of the OPML list of the site's feeds. */
  opml(title: string): string;
  /** An extra feed's description from its filter; null when the filter says nothing. */
  filter(f: FilterWords): string | null;
}

/** An ISO 8601 week (`2025-W03`) as Korean writes it (`2025년 3주차`); anything else as it is. */
function isoWeekKo(week: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  return m ? `${m[1]}년 ${Number(m[2])}주차` : week;
}

/** A month `YYYY-MM` as Korean writes it (`2025년 1월`); anything else as it is. */
function monthKo(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[1]}년 ${Number(m[2])}월` : month;
}

/** `description` and `sentence` as one description (either may be empty). */
function joined(description: string, sentence: string): string {
  return `${description} ${sentence}`.trim();
}

const KO: FeedWords = {
  locale: 'ko',
  authors: '저자',
  votes: '추천',
  listVotes: (n) => ` (추천 ${n})`,
  etAl: ' 외',
  source: '원문',
  video: '영상',
  day: (date, papers) => `Daily Papers ${date} (논문 ${papers}편)`,
  week: (w) => `${isoWeekKo(w.week)} (${w.monday} ~ ${w.sunday}): 논문 ${w.total}편 중 추천 상위 ${w.top}편`,
  dailyFeed: (title, description) => ({ title: `${title}: 날짜별 모음`, description: joined(description, '하루에 한 항목.') }),
  weeklyFeed: (title, description) => ({ title: `${title}: 주간 추천 상위 논문`, description: joined(description, '한 주에 한 항목, 그 주에 추천을 가장 많이 받은 논문들.') }),
  opml: (title) => `${title}: 피드 목록`,
  archiveFeed: (title, month, complete) => ({
    title: `${title}: ${monthKo(month)} 보관함`,
    description: `${monthKo(month)}에 처음 실린 논문${complete ? '' : ' (이번 달: 계속 추가됨)'}.`,
  }),
  filter: (f) => {
    const parts: string[] = [];
    if (f.minVotes !== undefined) parts.push(`추천 ${f.minVotes}개 이상`);
    if (f.authors?.length) parts.push(`저자 ${f.authors.join(', ')}`);
    if (f.query !== undefined) parts.push(`검색어 "${f.query}"`);
    return parts.length ? `${parts.join(', ')} 조건에 맞는 논문.` : null;
  },
};

const EN: FeedWords = {
  locale: 'en',
  authors: 'Authors',
  votes: 'Votes',
  listVotes: (n) => ` (${n} votes)`,
  etAl: ' et al.',
  source: 'Source',
  video: 'Video',
  day: (date, papers) => `Daily Papers ${date} (${papers} ${papers === 1 ? 'paper' : 'papers'})`,
  week: (w) => `Week ${w.week} (${w.monday} to ${w.sunday}): top ${w.top} of ${w.total} papers`,
  dailyFeed: (title, description) => ({ title: `${title}: daily digest`, description: joined(description, 'One entry per day.') }),
  weeklyFeed: (title, description) => ({ title: `${title}: weekly top papers`, description: joined(description, 'One entry per week with its most voted papers.') }),
  opml: (title) => `${title}: feeds`,
  archiveFeed: (title, month, complete) => ({
    title: `${title}: archive ${month}`,
    description: `Papers first listed in ${month}${complete ? '' : ', so far'}.`,
  }),
  filter: (f) => {
    const parts: string[] = [];
    if (f.minVotes !== undefined) parts.push(`with at least ${f.minVotes} votes`);
    if (f.authors?.length) parts.push(`by ${f.authors.join(', ')}`);
    if (f.query !== undefined) parts.push(`matching "${f.query}"`);
    return parts.length ? `Papers ${parts.join(', ')}.` : null;
  },
};

/** The feeds' words for a site language tag (`ko`, `en-US`…): English for `en…`, Korean otherwise. */
export function feedWords(language: string): FeedWords {
  return localeOf(language) === 'en' ? EN : KO;
}
