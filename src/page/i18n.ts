/**
 * The page's words in Korean and English: form labels, buttons, status lines, empty states,
 * the paper page and the footer. The page speaks the site's language (`site.language`, the
 * `<html lang>`): English for `en…`, Korean otherwise (the default). Numbers are formatted
 * with the locale's grouping everywhere (Intl.NumberFormat), and English counts agree in number
 * (Intl.PluralRules). Browser-safe; the build (pipeline/page/html.ts) fills the template from it.
 */
import type { PaperFilters } from '../search/filters.ts';

export type Locale = 'ko' | 'en';

/** The filters as the status line and the empty state describe them. */
export interface DescribedFilters extends PaperFilters {
  /** The author filter's display name. */
  author?: string;
}

/** Every text of the page in one language. Functions take raw values and format them. */
export interface Messages {
  locale: Locale;
  /** "5,487" */
  number(n: number): string;
  searchLabel: string;
  placeholder: string;
  filters: string;
  /** The button that folds the filters open on narrow screens; `active` filters are set. */
  filtersButton(active: number): string;
  from: string;
  to: string;
  minVotes: string;
  sort: string;
  sortRelevance: string;
  sortNewest: string;
  sortVotes: string;
  clear: string;
  loadingIndex: string;
  loadingParts(done: number, requested: number): string;
  progressLabel: string;
  resultsLabel: string;
  more: string;
  noscript: string;
  /** Footer: "5,487 papers". */
  papers(n: number): string;
  feedsHeading: string;
  opml: string;
  /** " (from …, to …, ≥ N votes, by …)", or '' without filters. */
  describeFilters(f: DescribedFilters): string;
  browseStatus(f: DescribedFilters, size: number): string;
  /**
   * `count` papers matched every word of `query` and `partial` more only some of them (listed
   * after), in `ms` milliseconds; `capped`: the list stopped at its limit, so more exist than
   * were counted (the last count shown gets a `+`).
   */
  searchStatus(query: string, f: DescribedFilters, count: number, partial: number, capped: boolean, ms: number): string;
  readyStatus(size: number): string;
  searchFailed(reason: string): string;
  indexFailed(reason: string): string;
  emptyTitle: string;
  emptyNoMatch(query: string): string;
  emptyFilters: string;
  emptyDatesReversed: string;
  clearFilters: string;
  votes(n: number | null): string;
  etAl: string;
  /** Author filter chip: "Author: X · 12 papers". */
  authorChip(name: string, papers: number): string;
  /** Above the first result that holds only some of the query's words. */
  partialDivider: string;
  removeAuthor(name: string): string;
  filterByAuthor(name: string): string;
  source: string;
  backToSearch: string;
  summary: string;
  listedOn: string;
  authors: string;
  links: string;
  /** A paper's video link (numbered when it has several). */
  video: string;
  related: string;
  noRelated: string;
  loadingPaper: string;
  paperNotFound(id: string): string;
  paperFailed(reason: string): string;
  /** The site was rebuilt since the page opened: its search data moved. */
  siteUpdated: string;
  /** The link that reloads the page. */
  reload: string;
}

/** The words a filter description is made of, per language. */
interface FilterWords {
  from(d: string): string;
  to(d: string): string;
  votes(n: string): string;
  author(a: string): string;
}

/**
 * What every language shares: its number format, and the description of the active filters
 * (" (a, b)" after a status line, or nothing) built from that language's words.
 */
function basics(locale: Locale, words: FilterWords): { number(n: number): string; describeFilters(f: DescribedFilters): string } {
  const format = new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-US');
  const number = (n: number) => format.format(n);
  const describeFilters = (f: DescribedFilters) => {
    const parts: string[] = [];
    if (f.from) parts.push(words.from(f.from));
    if (f.to) parts.push(words.to(f.to));
    if (f.minVotes != null) parts.push(words.votes(number(f.minVotes)));
    if (f.author) parts.push(words.author(f.author));
    return parts.length ? ` (${parts.join(', ')})` : '';
  };
  return { number, describeFilters };
}

function korean(): Messages {
  const { number, describeFilters } = basics('ko', { from: (d) => `${d}부터`, to: (d) => `${d}까지`, votes: (v) => `추천 ${v} 이상`, author: (a) => `저자 ${a}` });
  return {
    locale: 'ko',
    number,
    searchLabel: '논문 검색 (제목, 한국어 요약, 저자, arXiv ID)',
    placeholder: '예: 강화학습, diffusion, 2404.03715 — / 키로 바로 입력',
    filters: '필터',
    filtersButton: (active) => (active > 0 ? `필터 (${number(active)})` : '필터'),
    from: '시작일',
    to: '종료일',
    minVotes: '최소 추천 수',
    sort: '정렬',
    sortRelevance: '관련도순',
    sortNewest: '최신순',
    sortVotes: '추천순',
    clear: '초기화',
    loadingIndex: '검색 색인을 불러오는 중… (바로 입력해도 됩니다)',
    loadingParts: (done, requested) => `색인 조각 불러오는 중… ${number(done)}/${number(requested)}`,
    progressLabel: '검색 색인 불러오기',
    resultsLabel: '검색 결과',
    more: '결과 더 보기',
    noscript: '검색에는 JavaScript가 필요합니다. 아래 피드로도 논문을 받아 볼 수 있습니다.',
    papers: (n) => `논문 ${number(n)}편`,
    feedsHeading: '피드',
    opml: 'OPML (모든 피드)',
    describeFilters,
    browseStatus: (f, size) => `최신 논문${describeFilters(f)}. 논문 ${number(size)}편에서 검색할 수 있습니다.`,
    searchStatus: (q, f, count, partial, capped, ms) => {
      const plus = (last: boolean) => (capped && last ? '+' : '');
      if (count === 0 && partial === 0) return `“${q}”에 대한 결과가 없습니다${describeFilters(f)}.`;
      if (count === 0) return `“${q}”를 모두 담은 논문은 없고, 일부만 담은 논문 ${number(partial)}${plus(true)}건${describeFilters(f)} (${number(ms)}ms).`;
      const some = partial > 0 ? `, 검색어의 일부만 담은 논문 ${number(partial)}${plus(true)}건 더` : '';
      return `“${q}” 검색 결과 ${number(count)}${plus(partial === 0)}건${some}${describeFilters(f)} (${number(ms)}ms).`;
    },
    readyStatus: (size) => `검색 준비 완료: 논문 ${number(size)}편. 최신 논문을 보여 줍니다.`,
    searchFailed: (r) => `검색하지 못했습니다: ${r}`,
    indexFailed: (r) => `검색 색인을 불러오지 못했습니다: ${r}`,
    emptyTitle: '조건에 맞는 논문이 없습니다.',
    emptyNoMatch: (q) => `“${q}”에 맞는 논문이 없습니다. 다른 낱말이나 더 짧은 낱말로 찾아 보세요.`,
    emptyFilters: '필터를 풀면 더 많은 논문이 보입니다.',
    emptyDatesReversed: '시작일이 종료일보다 늦습니다.',
    clearFilters: '필터 초기화',
    votes: (n) => (n === null ? '추천 수 모름' : `▲ 추천 ${number(n)}`),
    etAl: ' 외',
    authorChip: (name, papers) => `저자: ${name} · 논문 ${number(papers)}편`,
    partialDivider: '여기부터는 검색어의 일부만 담은 논문입니다.',
    removeAuthor: (name) => `저자 필터 해제: ${name}`,
    filterByAuthor: (name) => `${name}의 논문만 보기`,
    source: '원문',
    backToSearch: '← 검색으로',
    summary: '요약',
    listedOn: '소개된 날',
    authors: '저자',
    links: '링크',
    video: '영상',
    related: '관련 논문',
    noRelated: '비슷한 논문을 찾지 못했습니다.',
    loadingPaper: '논문을 불러오는 중…',
    paperNotFound: (id) => `논문을 찾을 수 없습니다: ${id}`,
    paperFailed: (r) => `논문을 불러오지 못했습니다: ${r}`,
    siteUpdated: '이 페이지를 연 뒤에 사이트가 새로 만들어졌습니다. 페이지를 새로 고치면 새 자료를 봅니다.',
    reload: '새로 고침',
  };
}

function english(): Messages {
  const { number, describeFilters } = basics('en', { from: (d) => `from ${d}`, to: (d) => `to ${d}`, votes: (v) => `≥ ${v} votes`, author: (a) => `by ${a}` });
  const plural = new Intl.PluralRules('en-US');
  const count = (n: number, one: string, other: string) => `${number(n)} ${plural.select(n) === 'one' ? one : other}`;
  return {
    locale: 'en',
    number,
    searchLabel: 'Search papers (title, Korean summary, authors, arXiv ID)',
    placeholder: 'e.g. 강화학습, diffusion, 2404.03715 — press / to focus',
    filters: 'Filters',
    filtersButton: (active) => (active > 0 ? `Filters (${number(active)})` : 'Filters'),
    from: 'From',
    to: 'To',
    minVotes: 'Min. votes',
    sort: 'Sort',
    sortRelevance: 'Relevance',
    sortNewest: 'Newest',
    sortVotes: 'Most votes',
    clear: 'Clear',
    loadingIndex: 'Loading the search index… (you can type already)',
    loadingParts: (done, requested) => `Loading index parts… ${number(done)}/${number(requested)}`,
    progressLabel: 'Search index loading',
    resultsLabel: 'Results',
    more: 'Show more results',
    noscript: 'The search needs JavaScript. The papers are also published as the feeds below.',
    papers: (n) => count(n, 'paper', 'papers'),
    feedsHeading: 'Feeds',
    opml: 'OPML (all feeds)',
    describeFilters,
    browseStatus: (f, size) => `Latest papers${describeFilters(f)}. Type to search ${count(size, 'paper', 'papers')}.`,
    searchStatus: (q, f, n, partial, capped, ms) => {
      const counted = (k: number, last: boolean, one: string, many: string) => (capped && last ? `${number(k)}+ ${many}` : count(k, one, many));
      if (n === 0 && partial === 0) return `No results for “${q}”${describeFilters(f)}.`;
      if (n === 0) return `No paper has all of “${q}”; ${counted(partial, true, 'paper has', 'papers have')} part of it${describeFilters(f)} (${number(ms)} ms).`;
      const some = partial > 0 ? `, ${counted(partial, true, 'more', 'more')} with only part of it` : '';
      return `${counted(n, partial === 0, 'result', 'results')} for “${q}”${some}${describeFilters(f)} (${number(ms)} ms).`;
    },
    readyStatus: (size) => `Search ready: ${count(size, 'paper', 'papers')}. Showing the latest.`,
    searchFailed: (r) => `Search failed: ${r}`,
    indexFailed: (r) => `The search index could not be loaded: ${r}`,
    emptyTitle: 'No papers match.',
    emptyNoMatch: (q) => `Nothing matches “${q}”. Try other or shorter words.`,
    emptyFilters: 'Loosen the filters to see more papers.',
    emptyDatesReversed: '“From” is after “To”.',
    clearFilters: 'Clear filters',
    votes: (n) => (n === null ? 'votes unknown' : `▲ ${count(n, 'vote', 'votes')}`),
    etAl: ', et al.',
    authorChip: (name, papers) => `Author: ${name} · ${count(papers, 'paper', 'papers')}`,
    partialDivider: 'From here on, papers with only part of the query.',
    removeAuthor: (name) => `Remove the author filter ${name}`,
    filterByAuthor: (name) => `Only papers by ${name}`,
    source: 'Source',
    backToSearch: '← Back to search',
    summary: 'Summary',
    listedOn: 'Listed on',
    authors: 'Authors',
    links: 'Links',
    video: 'Video',
    related: 'Related papers',
    noRelated: 'No similar papers found.',
    loadingPaper: 'Loading the paper…',
    paperNotFound: (id) => `No paper with the id ${id}.`,
    paperFailed: (r) => `The paper could not be loaded: ${r}`,
    siteUpdated: 'The site was updated since this page opened. Reload the page to see the new data.',
    reload: 'Reload',
  };
}

/** The page's locale for a language tag (`site.language`): English for `en…`, Korean otherwise. */
export function localeOf(lang: string): Locale {
  return /^en\b/i.test(lang.trim()) ? 'en' : 'ko';
}

/** The page's texts for a language tag (see localeOf). */
export function messagesFor(lang: string): Messages {
  return localeOf(lang) === 'en' ? english() : korean();
}
