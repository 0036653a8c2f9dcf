// pipeline/report/verdict.ts
import { collectMessages, reportDiagnostics } from "./report.js";
function judge(files, counts, artifacts, options) {
  const messages = collectMessages(files);
  const diagnostics = reportDiagnostics(messages);
  const fatal = diagnostics.filter((d) => d.severity === "fatal").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  const problems = [];
  if (fatal > 0) problems.push(`${fatal} fatal diagnostic(s)`);
  if (options.strict && warnings > 0) problems.push(`${warnings} warning(s) under --strict`);
  if (fatal === 0 && (counts.papers ?? 0) === 0 && !options.allowEmpty) {
    problems.push(`no papers found in ${options.inputDir} (pass --allow-empty to publish an empty dataset)`);
  }
  const exitCode = problems.length > 0 ? 1 : 0;
  if (exitCode === 1) problems.push(`nothing published: ${options.outputDir} is unchanged`);
  return {
    exitCode,
    problems,
    messages,
    diagnostics,
    counts: { ...counts, fatal, warnings, info: diagnostics.length - fatal - warnings, artifacts }
  };
}
export {
  judge
};
//# sourceMappingURL=verdict.js.map
