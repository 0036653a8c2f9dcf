/**
 * The configuration schema and `defineConfig`. Pure: the loader that reads
 * `pipeline.config.ts` and applies CLI flags lives in pipeline/config/load.ts.
 */
import { z } from 'zod';
declare const feedFilter: z.ZodObject<{
    minVotes: z.ZodOptional<z.ZodNumber>;
    authors: z.ZodOptional<z.ZodArray<z.ZodString>>;
    query: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
/**
 * Names an extra feed cannot take: the stems of the other artifacts in the output folder (the
 * feeds, the data, the page, the report, the OPML list) and its folders.
 */
export declare const RESERVED_FEED_NAMES: readonly ["feed", "atom", "daily", "weekly", "archive", "feeds", "papers", "authors", "search-index", "search", "report", "index", "assets"];
/** True when Intl knows the IANA time zone (`Asia/Seoul`, `UTC`); false for `Asia/Seol`. */
export declare function isTimeZone(zone: string): boolean;
declare const extraFeed: z.ZodObject<{
    name: z.ZodString;
    title: z.ZodString;
    description: z.ZodOptional<z.ZodString>;
    filter: z.ZodObject<{
        minVotes: z.ZodOptional<z.ZodNumber>;
        authors: z.ZodOptional<z.ZodArray<z.ZodString>>;
        query: z.ZodOptional<z.ZodString>;
    }, z.core.$strict>;
}, z.core.$strict>;
export declare const configSchema: z.ZodObject<{
    input: z.ZodDefault<z.ZodString>;
    include: z.ZodDefault<z.ZodArray<z.ZodString>>;
    exclude: z.ZodDefault<z.ZodArray<z.ZodString>>;
    output: z.ZodDefault<z.ZodString>;
    cacheDir: z.ZodDefault<z.ZodString>;
    site: z.ZodPrefault<z.ZodObject<{
        url: z.ZodDefault<z.ZodURL>;
        title: z.ZodDefault<z.ZodString>;
        description: z.ZodDefault<z.ZodString>;
        language: z.ZodDefault<z.ZodString>;
    }, z.core.$strict>>;
    feeds: z.ZodPrefault<z.ZodObject<{
        limit: z.ZodDefault<z.ZodNumber>;
        dailyLimit: z.ZodDefault<z.ZodNumber>;
        link: z.ZodDefault<z.ZodEnum<{
            huggingface: "huggingface";
            arxiv: "arxiv";
        }>>;
        weeklyTop: z.ZodDefault<z.ZodNumber>;
        weeklyLimit: z.ZodDefault<z.ZodNumber>;
        timezone: z.ZodDefault<z.ZodString>;
        time: z.ZodDefault<z.ZodString>;
        extra: z.ZodDefault<z.ZodArray<z.ZodObject<{
            name: z.ZodString;
            title: z.ZodString;
            description: z.ZodOptional<z.ZodString>;
            filter: z.ZodObject<{
                minVotes: z.ZodOptional<z.ZodNumber>;
                authors: z.ZodOptional<z.ZodArray<z.ZodString>>;
                query: z.ZodOptional<z.ZodString>;
            }, z.core.$strict>;
        }, z.core.$strict>>>;
    }, z.core.$strict>>;
    diagnostics: z.ZodDefault<z.ZodRecord<z.ZodEnum<{
        encoding: "encoding";
        "empty-file": "empty-file";
        "no-digest-heading": "no-digest-heading";
        "invalid-date": "invalid-date";
        "paper-outside-digest": "paper-outside-digest";
        "heading-without-link": "heading-without-link";
        "title-brackets": "title-brackets";
        "url-not-http": "url-not-http";
        "empty-digest": "empty-digest";
        "vote-invalid": "vote-invalid";
        "empty-title": "empty-title";
        "empty-link": "empty-link";
        "duplicate-digest-date": "duplicate-digest-date";
        "non-arxiv-link": "non-arxiv-link";
        "duplicate-paper": "duplicate-paper";
        "link-not-http": "link-not-http";
        "author-duplicate": "author-duplicate";
        "author-stray-quote": "author-stray-quote";
        "author-not-a-name": "author-not-a-name";
        "feed-invalid-date": "feed-invalid-date";
        "feed-unknown-author": "feed-unknown-author";
        "site-url-placeholder": "site-url-placeholder";
        "unreadable-file": "unreadable-file";
        "unreadable-folder": "unreadable-folder";
        "parser-error": "parser-error";
        "step-failed": "step-failed";
        "duplicate-artifact": "duplicate-artifact";
        "write-failed": "write-failed";
    }> & z.core.$partial, z.ZodEnum<{
        warning: "warning";
        info: "info";
        off: "off";
        error: "error";
    }>>>;
    concurrency: z.ZodDefault<z.ZodNumber>;
}, z.core.$strict>;
/** What a user writes in pipeline.config.ts (every key optional). */
export type UserConfig = z.input<typeof configSchema>;
/** The config after defaults are applied. */
export type Config = z.output<typeof configSchema>;
export type ExtraFeed = z.output<typeof extraFeed>;
export type FeedFilter = z.output<typeof feedFilter>;
/** The config's `diagnostics`: a level per rule id. */
export type DiagnosticLevels = Config['diagnostics'];
/** Returns its argument: it exists so that pipeline.config.ts is type-checked. */
export declare function defineConfig(config: UserConfig): UserConfig;
export {};
//# sourceMappingURL=config.d.ts.map