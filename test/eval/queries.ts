/**
 * Known-item queries for the search eval over ../shared/corpus: each names the one paper it
 * should find. Short queries a person might type (a few words chosen per paper, with Korean
 * particles removed, compounds written without their space, names without diacritics or
 * hyphens, and one typo in a rare title word); no corpus text beyond those few words.
 * The papers were drawn at random (fixed seed); the words were chosen by rarity, then cleaned and
 * adjusted by hand (particles removed, a second distinctive word added where one was generic).
 */
export type QueryKind = 'en-title' | 'ko-stem' | 'ko-compound' | 'author' | 'mixed' | 'typo' | 'arxiv';

export interface KnownItemQuery {
  kind: QueryKind;
  query: string;
  /** The paper the query should find. */
  id: string;
}

export const QUERIES: KnownItemQuery[] = [
  // English title words
  { kind: 'en-title', query: 'curated scicode scientists', id: '2407.13168' },
  { kind: 'en-title', query: 'humanity last exam', id: '2501.14249' },
  { kind: 'en-title', query: 'unitalker facial animation', id: '2408.00762' },
  { kind: 'en-title', query: 'sticker style tailoring', id: '2311.10794' },
  { kind: 'en-title', query: 'loops oops fallback', id: '2407.06071' },
  { kind: 'en-title', query: 'densefusion merging vision experts', id: '2407.08303' },
  { kind: 'en-title', query: 'cost optimal grouped query attention', id: '2503.09579' },
  { kind: 'en-title', query: 'odin reward hacking', id: '2402.07319' },
  { kind: 'en-title', query: 'cognitive map planning', id: '2406.15275' },
  { kind: 'en-title', query: 'mora generalist video generation', id: '2403.13248' },
  { kind: 'en-title', query: 'simplified generalized masked diffusion', id: '2406.04329' },
  { kind: 'en-title', query: 'metagenomic foundation model pandemic', id: '2501.02045' },
  { kind: 'en-title', query: 'transformerfam feedback attention', id: '2404.09173' },
  { kind: 'en-title', query: 'societal alignment frameworks', id: '2503.00069' },
  // Korean stems without their particle
  { kind: 'ko-stem', query: '음량 디자이너 그림', id: '2409.06135' },
  { kind: 'ko-stem', query: '진단 투명성 신뢰성', id: '2502.19634' },
  { kind: 'ko-stem', query: '응답율 방언 크롤링', id: '2410.21276' },
  { kind: 'ko-stem', query: '파형 컨볼루션 온라인', id: '2401.10032' },
  { kind: 'ko-stem', query: '트리 도메인 경계', id: '2401.10061' },
  { kind: 'ko-stem', query: '임베딩 액션 워크플로우', id: '2410.18481' },
  { kind: 'ko-stem', query: '페어 어시스턴트 시대', id: '2410.02713' },
  { kind: 'ko-stem', query: '인지도 모델군 정밀도', id: '2412.03555' },
  { kind: 'ko-stem', query: '보편성 설명력 클릭', id: '2503.23434' },
  { kind: 'ko-stem', query: '효용성 저해상도 프롬프트', id: '2502.05179' },
  { kind: 'ko-stem', query: '편의성 신원', id: '2402.09368' },
  { kind: 'ko-stem', query: '클리닝 부호화 아랍어', id: '2504.21635' },
  { kind: 'ko-stem', query: '파일 인덱스 통합', id: '2410.11843' },
  { kind: 'ko-stem', query: '타일 어텐션 비디오', id: '2502.04507' },
  // Korean compounds written without their space
  { kind: 'ko-compound', query: '메모리대역폭', id: '2312.04985' },
  { kind: 'ko-compound', query: '데이터절삭 난해도', id: '2405.20541' },
  { kind: 'ko-compound', query: '메시품질 의류', id: '2403.18816' },
  { kind: 'ko-compound', query: '소규모프록시 데이터혼합', id: '2407.01492' },
  { kind: 'ko-compound', query: '배경오디오 축구', id: '2406.18530' },
  { kind: 'ko-compound', query: '복원작업 편리성', id: '2411.18412' },
  { kind: 'ko-compound', query: '지식소스 타워', id: '2408.14236' },
  { kind: 'ko-compound', query: '추론성능 SQL', id: '2504.08600' },
  { kind: 'ko-compound', query: '패치그리드 서브태스크', id: '2503.18948' },
  { kind: 'ko-compound', query: '고품질데이터셋 캡션', id: '2406.08478' },
  { kind: 'ko-compound', query: '기본솔루션 의료', id: '2409.15127' },
  { kind: 'ko-compound', query: '제어신호 강도', id: '2406.02511' },
  { kind: 'ko-compound', query: '언어탐지 혐오', id: '2501.08284' },
  { kind: 'ko-compound', query: '속도향상 재구성', id: '2501.01423' },
  // Author names without diacritics or hyphens (plus one title word)
  { kind: 'author', query: 'JinYoung Kim harmonyview', id: '2312.15980' },
  { kind: 'author', query: 'Louis Bethune encoders', id: '2411.14402' },
  { kind: 'author', query: 'Li FeiFei ragen', id: '2504.20073' },
  { kind: 'author', query: 'Joan Serra synchronicity', id: '2407.10387' },
  { kind: 'author', query: 'Jonas Muller rectified', id: '2403.03206' },
  { kind: 'author', query: 'Andre Storhaug parameter efficient', id: '2411.02462' },
  { kind: 'author', query: 'KaiWei Chang longmemeval', id: '2410.10813' },
  { kind: 'author', query: 'SerNam Lim jack', id: '2312.12423' },
  { kind: 'author', query: 'LouisPhilippe Morency hemm', id: '2407.03418' },
  { kind: 'author', query: 'Daniel CohenOr typography', id: '2404.11614' },
  { kind: 'author', query: 'James LeeThorp memory', id: '2311.10768' },
  { kind: 'author', query: 'HooChang Shin dedicated', id: '2503.04378' },
  { kind: 'author', query: 'Michael Gunther jina', id: '2409.10173' },
  { kind: 'author', query: 'Fabian Gura zclip', id: '2504.02507' },
  // Mixed Korean and English
  { kind: 'mixed', query: 'comosvc 음색', id: '2401.01792' },
  { kind: 'mixed', query: 'generalist 보상 모델 비판', id: '2504.02495' },
  { kind: 'mixed', query: 'actionpiece 행동 토큰', id: '2502.13581' },
  { kind: 'mixed', query: 'dynasaur 에이전트', id: '2411.01747' },
  { kind: 'mixed', query: 'swapanything 교체', id: '2404.05717' },
  { kind: 'mixed', query: 'debate 감독자', id: '2501.13124' },
  { kind: 'mixed', query: 'radioactive 워터마크', id: '2402.14904' },
  { kind: 'mixed', query: 'longwriter 세그먼트', id: '2502.14834' },
  { kind: 'mixed', query: 'dressed 옷감', id: '2404.04421' },
  { kind: 'mixed', query: 'neuflow 드론', id: '2403.10425' },
  { kind: 'mixed', query: 'rockets 엔지니어링', id: '2504.19394' },
  { kind: 'mixed', query: 'mobilevlm 모바일', id: '2312.16886' },
  { kind: 'mixed', query: 'locagent 인덱싱', id: '2503.09089' },
  { kind: 'mixed', query: 'projudge 생물학', id: '2503.06553' },
  // One typo in a rare title word
  { kind: 'typo', query: 'reconstruceion gaussian', id: '2403.14621' },
  { kind: 'typo', query: 'voxcelb retrospective', id: '2408.14886' },
  { kind: 'typo', query: 'complex problem soleing', id: '2505.03418' },
  { kind: 'typo', query: 'dreamear specific', id: '2407.16988' },
  { kind: 'typo', query: 'pangea multilingual langueges', id: '2410.16153' },
  { kind: 'typo', query: 'prompt augeentation', id: '2407.06027' },
  { kind: 'typo', query: 'ghost high fidelity one shot transer', id: '2502.18417' },
  { kind: 'typo', query: 'invered image pyramid', id: '2501.07783' },
  { kind: 'typo', query: 'lingen minute length', id: '2412.09856' },
  { kind: 'typo', query: 'vision pretraining 4k resoletion', id: '2503.19903' },
  { kind: 'typo', query: 'dreameench human aligned', id: '2406.16855' },
  { kind: 'typo', query: 'ruler real conext size', id: '2404.06654' },
  { kind: 'typo', query: 'front end devalopment', id: '2410.18362' },
  { kind: 'typo', query: 'poeulation aware diffusion', id: '2501.00910' },
];

/** arXiv IDs in each form (bare, arXiv: prefix, abs URL with version, pdf URL), for a few papers. */
for (const id of ['2412.07187', '2503.24377', '2503.16660', '2503.18783', '2405.21060']) {
  QUERIES.push(
    { kind: 'arxiv', query: id, id },
    { kind: 'arxiv', query: `arXiv:${id}`, id },
    { kind: 'arxiv', query: `https://arxiv.org/abs/${id}v2`, id },
    { kind: 'arxiv', query: `https://arxiv.org/pdf/${id}v1.pdf`, id },
  );
}
