/**
 * Code Climate issues as GitLab's code quality report reads them (what hadolint's
 * `gitlab_codeclimate` format gives): one JSON array, an issue per change with a
 * fingerprint that stays the same while the file's text there does, so GitLab can tell
 * new findings from old ones when lines move.
 */
import { crypto } from '../builtins.js';
import { documentReporter, type Reporter } from './types.js';
import { describeChange } from './text.js';

interface Issue {
  readonly type: 'issue';
  readonly check_name: string;
  readonly description: string;
  readonly categories: readonly string[];
  readonly location: { readonly path: string; readonly lines: { readonly begin: number; readonly end: number } };
  readonly severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  readonly fingerprint: string;
}

export function codeclimateReporter(): Reporter {
  return documentReporter((files, problems) => {
    const issues: Issue[] = [];
    const seen = new Map<string, number>();
    const issue = (check: string, description: string, path: string, line: number, severity: Issue['severity'], categories: string[]): Issue => {
      // Same file, check and message: numbered in order, so two alike get two fingerprints.
      const key = `${path}\0${check}\0${description}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      const fingerprint = crypto().createHash('sha256').update(`${key}\0${n}`).digest('hex').slice(0, 32);
      return { type: 'issue', check_name: check, description, categories, location: { path, lines: { begin: line, end: line } }, severity, fingerprint };
    };
    for (const { result, status, patchPath } of files) {
      if (result.error !== null) {
        if (status !== 'skipped') issues.push(issue('dockshift', result.error.message, patchPath, result.error.line ?? 1, status === 'warning' ? 'minor' : 'major', ['Bug Risk']));
        continue;
      }
      for (const c of result.changes) {
        issues.push(issue(`dockshift/${c.transform}`, describeChange(c), patchPath, c.line, c.tier === 'review' ? 'info' : 'minor', ['Performance', 'Style']));
      }
    }
    for (const p of problems) issues.push(issue('dockshift', p.message, p.path, 1, p.severity === 'warning' ? 'minor' : 'major', ['Bug Risk']));
    return `${JSON.stringify(issues, null, 2)}\n`;
  });
}
