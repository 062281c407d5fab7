/**
 * Checkstyle XML, as `hadolint -f checkstyle` writes it for Jenkins, GitLab and other CI
 * tools: a <file> per Dockerfile with an <error> per change (severity `warning`, `info`
 * for a review-tier change; source `dockshift.<transform>`), and an `error` for a file
 * that could not be processed.
 */
import { documentReporter, type Reporter } from './types.js';
import { describeChange } from './text.js';

export function checkstyleReporter(): Reporter {
  return documentReporter((files, problems) => {
    const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
    for (const { result, status, patchPath } of files) {
      const errors: string[] = [];
      if (result.error !== null && status !== 'skipped') {
        errors.push(element(result.error.line ?? 1, 1, status === 'warning' ? 'warning' : 'error', result.error.message, 'dockshift'));
      }
      for (const c of result.changes) errors.push(element(c.line, c.column, c.tier === 'review' ? 'info' : 'warning', describeChange(c), `dockshift.${c.transform}`));
      if (errors.length > 0) out.push(`<file name="${xml(patchPath)}">`, ...errors, '</file>');
    }
    for (const p of problems) out.push(`<file name="${xml(p.path)}">`, element(1, 1, p.severity, p.message, 'dockshift'), '</file>');
    out.push('</checkstyle>');
    return `${out.join('\n')}\n`;
  });
}

function element(line: number, column: number, severity: string, message: string, source: string): string {
  return `<error line="${line}" column="${column}" severity="${severity}" message="${xml(message)}" source="${xml(source)}"/>`;
}

/** Escapes text for an XML attribute; characters XML 1.0 cannot hold at all are dropped. */
export function xml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}
