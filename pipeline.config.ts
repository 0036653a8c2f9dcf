import { defineConfig } from 'daily-papers-feeds/config';

export default defineConfig({
  input: 'input',
  include: ['**/*.md'],
  output: 'output',
  site: {
    url: 'https://example.github.io/daily-papers/',
    title: 'Daily Papers (한국어 요약)',
    description: '한국어로 요약한 Hugging Face Daily Papers.',
    language: 'ko',
  },
  feeds: {
    limit: 50,
    link: 'huggingface',
    timezone: 'Asia/Seoul',
    time: '12:00',
    extra: [
      { name: 'popular', title: 'Daily Papers: 추천 50 이상', filter: { minVotes: 50 } },
      { name: 'diffusion', title: 'Daily Papers: diffusion', filter: { query: 'diffusion' } },
      { name: 'rl', title: 'Daily Papers: 강화학습', filter: { query: '강화학습' } },
    ],
  },
});
