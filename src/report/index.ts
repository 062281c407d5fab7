import { jsonFileRecord, jsonProblemRecord, jsonSummaryRecord, renderPatch } from '../engine/report.js';
import { checkstyleReporter } from './checkstyle.js';
import { codeclimateReporter } from './codeclimate.js';
import { githubReporter } from './github.js';
import { markdownReporter } from './markdown.js';
import { sarifReporter } from './sarif.js';
import type { ReportContext, ReportFormat, Reporter } from './types.js';

export { REPORT_FORMATS, isReportFormat, type ReportContext, type ReportFormat, type Reporter, type ReportedFile, type ReportedProblem } from './types.js';

/** What stdout gets: a report format, or `names` for `--list-different` (the files that would change, one a line). */
export type Output = ReportFormat | 'names';

export function reporterFor(output: Output, ctx: ReportContext): Reporter {
  switch (output) {
    case 'diff':
      return { file: ({ result }) => renderPatch(result, ctx.color), problem: () => '', end: () => '' };
    case 'json': {
      const rules = new Map(ctx.transforms.map((t) => [t.name, t.hadolint]));
      return {
        file: ({ result, status, patchPath }) => `${jsonFileRecord(result, status, patchPath, (name) => rules.get(name) ?? [])}\n`,
        problem: (p) => `${jsonProblemRecord(p.path, p.kind as Parameters<typeof jsonProblemRecord>[1], p.message, p.severity)}\n`,
        end: (summary) => `${jsonSummaryRecord(summary)}\n`,
      };
    }
    case 'names':
      return { file: ({ result, status }) => (status === 'changed' ? `${result.path}\n` : ''), problem: () => '', end: () => '' };
    case 'sarif':
      return sarifReporter(ctx);
    case 'github':
      return githubReporter();
    case 'markdown':
      return markdownReporter();
    case 'checkstyle':
      return checkstyleReporter();
    case 'codeclimate':
      return codeclimateReporter();
  }
}
