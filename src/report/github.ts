/**
 * GitHub Actions workflow commands: an annotation per change (`::warning`, or `::notice`
 * for a review-tier change) and per file that could not be processed (`::error`), at the
 * file's path from the repository's top, which is where a checkout puts the workspace.
 * Printed as each file completes.
 */
import type { Reporter } from './types.js';
import { describeChange } from './text.js';

export function githubReporter(): Reporter {
  return {
    file({ result, status, patchPath }) {
      if (result.error !== null) {
        if (status === 'skipped') return '';
        return command(status === 'warning' ? 'warning' : 'error', { file: patchPath, line: result.error.line, title: 'dockshift' }, result.error.message);
      }
      return result.changes
        .map((c) =>
          command(c.tier === 'review' ? 'notice' : 'warning', { file: patchPath, line: c.line, col: c.column, title: `dockshift ${c.transform}${c.tier === 'review' ? ' (review)' : ''}` }, describeChange(c)),
        )
        .join('');
    },
    problem(p) {
      return command(p.severity, { title: 'dockshift' }, `${p.path}: ${p.message}`);
    },
    end() {
      return '';
    },
  };
}

type Properties = { file?: string; line?: number | null; col?: number; title?: string };

/** `::level key=value,...::message`, escaped as the runner expects. */
export function command(level: 'error' | 'warning' | 'notice', props: Properties, message: string): string {
  const pairs = Object.entries(props)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  return `::${level}${pairs.length > 0 ? ` ${pairs.join(',')}` : ''}::${escapeData(message)}\n`;
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
