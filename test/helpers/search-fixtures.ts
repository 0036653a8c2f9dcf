/**
 * Invented papers for the search tests (no corpus text), and the reference index the fast
 * build is checked against: MiniSearch filled with `add`.
 */
import MiniSearch from 'minisearch';
import type { Dataset, Paper } from '../../src/types.ts';
import { authorKey } from '../../src/authors.ts';
import { byString } from '../../src/compare.ts';
import { isLeftOut } from '../../src/search/analyzer.ts';
import { ANALYZER_VERSION, indexOptions, toSearchDocument, VERSION_KEY } from '../../src/search/options.ts';
import type { SearchDocument } from '../../src/search/options.ts';

export function paper(id: string, title: string, summary: string[], authors: string[], date = '2024-05-01', votes: number | null = 10): Paper {
  return {
    id,
    version: null,
    title,
    date,
    dates: [date],
    votes,
    authors: authors.map((name) => ({ name, key: authorKey(name) })),
    authorsTruncated: false,
    summary: summary.map((text) => ({ label: null, text, markdown: text })),
    thumbnail: null,
    media: [],
    links: { abs: `https://arxiv.org/abs/${id}`, pdf: `https://arxiv.org/pdf/${id}`, huggingface: null },
    source: { file: '2024/05/01.md', line: 1 },
  };
}

export const PAPERS: Paper[] = [
  paper('2401.00001', 'Reward Shaping for Reinforcement Learning Agents', ['보상 설계를 통해 강화학습 에이전트의 탐색을 개선합니다.', '로봇 제어 실험에서 성능이 향상되었습니다.'], ['Alexandre Ramé', 'Mina Park'], '2024-01-10', 120),
  paper('2401.00002', 'A Survey of Large Language Models', ['이 논문은 대규모 언어 모델을 정리한 서베이입니다.', '언어모델의 학습 방법과 평가를 다룹니다.'], ['Ying-Cong Chen', 'Jane Doe'], '2024-02-01', 45),
  paper('2401.00003', 'Diffusion Models for Image Editing', ['확산 모델이 이미지 편집에서 높은 품질을 보여줍니다.', 'GPT-4o보다 빠른 편집 속도를 달성했습니다.'], ['Łukasz Nowak', 'Yingcong Chen'], '2024-03-15', 8),
  paper('2401.00004', 'Offline Policy Optimization', ['오프라인 강화 학습에서 정책 최적화를 위한 새로운 방법을 제안합니다.'], ['Kai-Wei Chang', 'Matthew L. Leavitt'], '2024-04-20', null),
  paper('2401.00005', 'Speech Recognition with Tiny Models', ['모델을 경량화하여 음성 인식을 휴대폰에서 실행합니다.', '모델의 크기를 줄이고 모델이 빠르게 동작합니다.'], ['José García'], '2024-05-05', 3),
  paper('2404.03715', 'Tokenizers Split Identifiers at Dots', ['식별자 2404.03715 는 점에서 나뉘면 안 됩니다.'], ['Sam Lee'], '2024-04-05', 30),
  paper('hep-th/9901001', 'An Old Style Identifier', ['옛 형식의 식별자를 다룹니다.'], ['Old Author'], '2023-12-01', 1),
];

export const DATASET: Dataset = { papers: PAPERS, authors: [] };

/** MiniSearch filled with `add`, the dataset's papers in order (a repeated id is added once). */
export function referenceMiniSearch(dataset: Dataset): MiniSearch<SearchDocument> {
  const ms = new MiniSearch<SearchDocument>(indexOptions);
  const seen = new Set<string>();
  for (const p of dataset.papers) {
    if (seen.has(p.id)) continue; // MiniSearch throws on a duplicate id
    seen.add(p.id);
    ms.add(toSearchDocument(p));
  }
  return ms;
}

/**
 * What search-index.json must be for `dataset`: `JSON.stringify` of `referenceMiniSearch`, its
 * terms sorted by code unit, the terms the index leaves out (`isLeftOut`) removed, and the
 * analyzer version as the first key.
 */
export function referenceIndexJson(dataset: Dataset): string {
  const js = referenceMiniSearch(dataset).toJSON();
  const postings = (data: Record<string, Record<string, number>>) => Object.values(data).reduce((n, docs) => n + Object.keys(docs).length, 0);
  js.index = js.index.filter(([term, data]) => !isLeftOut(term, postings(data)));
  js.index.sort(byString((e) => e[0]));
  return JSON.stringify({ [VERSION_KEY]: ANALYZER_VERSION, ...js });
}
