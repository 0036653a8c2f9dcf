/**
 * What a config file imports (`daily-papers-feeds/config`): `defineConfig` and the config types,
 * plus the facts the schema checks against. Pure, and free of zod, so that importing a config
 * does not load the schema (src/config-schema.ts): the loader (pipeline/config/load.ts) loads it
 * only to validate a config it has not validated before.
 */
import type { UserConfig } from './config-schema.ts';

export type { Config, DiagnosticLevels, ExtraFeed, FeedFilter, UserConfig } from './config-schema.ts';

/**
 * Names an extra feed cannot take: the stems of the other artifacts in the output folder (the
 * feeds, the data, the page, the report, the OPML list) and its folders.
 */
export const RESERVED_FEED_NAMES = ['feed', 'atom', 'daily', 'weekly', 'archive', 'feeds', 'papers', 'authors', 'search-index', 'search', 'report', 'index', 'assets'] as const;

/** True when Intl knows the IANA time zone (`Asia/Seoul`, `UTC`); false for `Asia/Seol`. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Returns its argument: it exists so that pipeline.config.ts is type-checked. */
export function defineConfig(config: UserConfig): UserConfig {
  return config;
}
