export interface SynthPlan {
    /** Days added per copy (a multiple of 7, larger than the corpus' date span). */
    dayStep: number;
    /** Months added to arXiv IDs per copy (larger than the corpus' ID month span). */
    monthStep: number;
}
export interface SynthResult {
    files: number;
    plan: SynthPlan;
}
/** Computes the shift per copy from the dates and IDs found in the source texts. */
export declare function planFor(texts: readonly string[]): SynthPlan;
/** Copy `k` of one digest text (k = 0 returns it unchanged). */
export declare function shiftDigest(text: string, k: number, plan: SynthPlan): string;
export declare function synthCorpus(options: {
    from: string;
    out: string;
    scale: number;
}): Promise<SynthResult>;
export declare const USAGE = "Usage: npm run synth -- --out DIR [--scale N] [--from DIR]\n\nWrites a synthetic corpus N times the size of a folder of digests, for benchmarks and scale\ntests. Copy 0 is the source unchanged; each further copy repeats every digest with its dates\nmoved whole weeks later and its arXiv ids moved months later, so papers stay unique while\ntitles, summaries, authors and votes keep their real shape.\n\nOptions:\n  --out DIR       where to write the corpus (required)\n  --scale N       copies, the source included (default 10)\n  --from DIR      folder of digests to copy (default: input)\n  --help          show this help\n";
//# sourceMappingURL=synth.d.ts.map