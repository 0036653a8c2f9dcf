// pipeline/report/outcome.ts
import path from "node:path";
function shownPath(file, from) {
  const rel = path.relative(from, file);
  return rel.startsWith(`..${path.sep}..`) || path.isAbsolute(rel) ? file : rel;
}
function inGitHubActions(env) {
  return env.GITHUB_ACTIONS === "true";
}
async function printOutcome(outcome, io, logger) {
  const { report, config } = outcome;
  const github = inGitHubActions(io.env) ? await import("./github.js") : null;
  if (github && logger.mode !== "json") {
    const lines = github.annotationLines(report.diagnostics, { inputDir: config.inputDir, workspace: io.env.GITHUB_WORKSPACE });
    if (lines.length) io.stdout.write(`${lines.join("\n")}
`);
  } else {
    const from = io.env.INIT_CWD || io.cwd;
    logger.diagnostics(report.diagnostics, (file) => shownPath(path.join(config.inputDir, file), from));
  }
  logger.summary({
    counts: report.counts,
    warningsByRule: report.warningsByRule,
    silencedByRule: report.silencedByRule,
    artifacts: report.artifacts,
    cache: { hits: report.cache.hits, misses: report.cache.misses, fastPath: report.fastPath },
    totalMs: report.durationMs,
    published: outcome.published,
    exitCode: report.exitCode
  });
  if (logger.mode === "json") io.stdout.write(`${JSON.stringify(report, null, 2)}
`);
  else for (const problem of report.problems) logger.error(problem);
  if (github) {
    await github.appendStepSummary(io.env, github.stepSummary(report, config)).catch((error) => {
      logger.warn(`could not write the step summary: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
}
export {
  inGitHubActions,
  printOutcome,
  shownPath
};
//# sourceMappingURL=outcome.js.map
