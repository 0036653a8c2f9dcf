import type { FeedHistory } from './plan.ts';
/** The Feed History namespace of RFC 5005. */
export declare const FH_NAMESPACE = "http://purl.org/syndication/history/1.0";
/** ` xmlns:fh="…"` for the root element of a document that carries `fh:archive`, else ''. */
export declare function historyNamespace(history: FeedHistory | null): string;
/**
 * `xml` with the history links of a document (and `<fh:archive/>` when it is an archive)
 * inserted right after its self link, `selfLink`: the exact markup the package wrote, each new
 * line indented by `indent`. Returns `xml` unchanged for `history` null. Throws when `selfLink`
 * does not occur (replaceOnce). The root element must declare historyNamespace.
 */
export declare function withHistory(xml: string, history: FeedHistory | null, format: 'rss' | 'atom', selfLink: string, indent: string): string;
//# sourceMappingURL=history.d.ts.map