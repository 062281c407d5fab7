import type { Reported } from '../engine/outcome.js';
import type { FileResult } from '../engine/processFile.js';
import type { RunSummary } from '../engine/report.js';
import type { TransformMeta } from '../engine/types.js';

/** What `--format` prints on stdout. */
export const REPORT_FORMATS = ['diff', 'json', 'sarif', 'github', 'markdown', 'checkstyle', 'codeclimate'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(value: unknown): value is ReportFormat {
  return typeof value === 'string' && (REPORT_FORMATS as readonly string[]).includes(value);
}

/** One file's result as reported: how it counts, and the name tools outside use for it. */
export interface ReportedFile {
  readonly result: FileResult;
  readonly status: Reported;
  /** Relative to the top of the git repository (or `--relative-to`), `/`-separated: what code scanning and CI annotations resolve. */
  readonly patchPath: string;
}

/** A path from the command line that gave no file to process (missing, or a folder with no Dockerfile). */
export interface ReportedProblem {
  readonly path: string;
  readonly kind: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/** What every report may need besides the results. */
export interface ReportContext {
  /** Every transform the run knows (registered and loaded), for SARIF's rules. */
  readonly transforms: readonly TransformMeta<any>[];
  readonly version: string;
  /** Absolute folder the patch paths start from. */
  readonly base: string;
  /** Diffs in color (the `diff` format only). */
  readonly color: boolean;
}

/**
 * Turns results into what is printed on stdout. Streaming formats return text for each
 * file as it completes; document formats (SARIF, checkstyle, ...) collect and return
 * everything from `end`.
 */
export interface Reporter {
  file(entry: ReportedFile): string;
  problem(problem: ReportedProblem): string;
  end(summary: RunSummary): string;
}

/**
 * A document format: collects every file and problem, then renders them once from `end`
 * (SARIF, checkstyle, codeclimate and the markdown body are one document, not a stream).
 */
export function documentReporter(render: (files: readonly ReportedFile[], problems: readonly ReportedProblem[], summary: RunSummary) => string): Reporter {
  const files: ReportedFile[] = [];
  const problems: ReportedProblem[] = [];
  return {
    file(entry) {
      files.push(entry);
      return '';
    },
    problem(p) {
      problems.push(p);
      return '';
    },
    end: (summary) => render(files, problems, summary),
  };
}
