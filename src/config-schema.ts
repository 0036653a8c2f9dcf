/**
 * The configuration schema (zod) and the config types it defines. Pure: the loader that reads
 * `pipeline.config.ts`, validates it with this schema and applies CLI flags lives in
 * pipeline/config/load.ts. Config files import `defineConfig` from src/config.ts, which does not
 * load zod: a run whose config was validated before skips zod altogether (pipeline/config/validated.ts).
 */
import { z } from 'zod';
import { isTimeZone, RESERVED_FEED_NAMES } from './config.ts';
import { isConfigurable, RULE_IDS, RULE_LEVELS } from './diagnostic-rules.ts';

const feedFilter = z.strictObject({
  /** Only papers with at least this many votes. */
  minVotes: z.number().int().nonnegative().optional(),
  /** Only papers by at least one of these authors: author keys or names (folded to keys, see src/authors.ts). */
  authors: z.array(z.string().min(1)).optional(),
  /** A saved search query, run through the same index and analyzer as the search page. */
  query: z.string().min(1).optional(),
});

const extraFeed = z.strictObject({
  /** File-name stem: `<name>.xml`, `<name>.atom.xml`, `<name>.json`. */
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and hyphens')
    .refine((name) => !(RESERVED_FEED_NAMES as readonly string[]).includes(name), `a name other than ${RESERVED_FEED_NAMES.join(', ')} (other artifacts use them)`),
  title: z.string().min(1),
  description: z.string().optional(),
  filter: feedFilter,
});

export const configSchema = z.strictObject({
  /** Folder holding the digests; relative paths resolve against the config file's folder. */
  input: z.string().min(1).default('input'),
  /** Globs, relative to `input`, selecting digest files. */
  include: z.array(z.string().min(1)).min(1).default(['**/*.md']),
  /** Globs, relative to `input`, to skip. An archive's own README is not a digest. */
  exclude: z.array(z.string().min(1)).default(['**/README.md']),
  /** Folder the artifacts are published to. */
  output: z.string().min(1).default('output'),
  /** Folder for the incremental cache. */
  cacheDir: z.string().min(1).default('.cache/pipeline'),
  site: z
    .strictObject({
      /** Absolute URL the output folder is served from, with a trailing slash (e.g. a GitHub Pages sub-path). */
      url: z.url({ protocol: /^https?$/ }).default('https://example.github.io/daily-papers/'),
      title: z.string().min(1).default('Daily Papers (한국어 요약)'),
      description: z.string().default('한국어로 요약한 Hugging Face Daily Papers.'),
      language: z.string().min(2).default('ko'),
    })
    .prefault({}),
  feeds: z
    .strictObject({
      /** Items in the main and extra paper feeds (newest first). */
      limit: z.number().int().positive().default(50),
      /** Days in the daily digest feed. */
      dailyLimit: z.number().int().positive().default(30),
      /** Where an item's link points. */
      link: z.enum(['huggingface', 'arxiv']).default('huggingface'),
      /** Papers in each week's entry of the weekly feed (top by votes). */
      weeklyTop: z.number().int().positive().default(10),
      /** Weeks in the weekly feed. */
      weeklyLimit: z.number().int().positive().default(12),
      /** IANA time zone of the digest dates. */
      timezone: z.string().min(1).refine(isTimeZone, 'an IANA time zone').default('Asia/Seoul'),
      /** Local time of day (HH:MM) a digest is considered published. */
      time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM').default('12:00'),
      extra: z
        .array(extraFeed)
        .superRefine((feeds, ctx) => {
          const seen = new Set<string>();
          feeds.forEach((feed, n) => {
            if (seen.has(feed.name)) ctx.addIssue({ code: 'custom', path: [n, 'name'], message: 'a name no other extra feed uses' });
            seen.add(feed.name);
          });
        })
        .default([]),
    })
    .prefault({}),
  /**
   * Severity per rule id (src/diagnostic-rules.ts), e.g. `{ 'author-duplicate': 'off' }`:
   * 'off' drops the rule's messages, 'info' | 'warning' change what they count as, 'error' makes
   * them fatal. The rules of the run itself cannot be set.
   */
  diagnostics: z
    .partialRecord(z.enum(RULE_IDS), z.enum(RULE_LEVELS))
    .superRefine((levels, ctx) => {
      for (const id of Object.keys(levels)) {
        if (!isConfigurable(id)) ctx.addIssue({ code: 'custom', path: [id], message: 'a rule about the input: this one reports a failure of the run itself' });
      }
    })
    .default({}),
  /** Files read at once. */
  concurrency: z.number().int().positive().max(256).default(16),
});

/** What a user writes in pipeline.config.ts (every key optional). */
export type UserConfig = z.input<typeof configSchema>;
/** The config after defaults are applied. */
export type Config = z.output<typeof configSchema>;
export type ExtraFeed = z.output<typeof extraFeed>;
export type FeedFilter = z.output<typeof feedFilter>;
/** The config's `diagnostics`: a level per rule id. */
export type DiagnosticLevels = Config['diagnostics'];

