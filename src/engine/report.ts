import { colorize } from './diff.js';
import type { FileResult } from './processFile.js';

export interface Tally {
  files: number;
  changed: number;
  unchanged: number;
  errors: number;
}

export function emptyTally(): Tally {
  return { files: 0, changed: 0, unchanged: 0, errors: 0 };
}

export function count(tally: Tally, result: FileResult): void {
  tally.files++;
  if (result.status === 'ok') tally.changed++;
  else if (result.status === 'unchanged') tally.unchanged++;
  else tally.errors++;
}

/** `N files: X changed, Y unchanged, E errors (T s)`, as the run's last line. */
export function summaryLine(t: Tally, seconds: number): string {
  // Fixed wording (no singular forms) so scripts can match it.
  return `${t.files} files: ${t.changed} changed, ${t.unchanged} unchanged, ${t.errors} errors (${seconds.toFixed(2)} s)`;
}

/** One line per error, `path:line: error: message`, as compilers print them. */
export function errorLine(path: string, line: number | null, message: string): string {
  return `${path}${line === null ? '' : `:${line}`}: error: ${message}`;
}

/** The whole patch of one result: its own diff, then any new files. */
export function patchOf(result: FileResult): string {
  return result.diff + result.newFiles.map((f) => f.diff).join('');
}

export function renderPatch(result: FileResult, color: boolean): string {
  const patch = patchOf(result);
  return color && patch !== '' ? colorize(patch) : patch;
}

/** `--explain`: each change and each refusal with its transform, line and reason. */
export function explainLines(result: FileResult): string[] {
  const lines = [
    ...result.changes.map((c) => ({
      line: c.line,
      text: `${c.transform}${c.tier === 'review' ? ' [review]' : ''}: ${c.message}${c.review === undefined ? '' : ` (review: ${c.review})`}${c.size === undefined ? '' : ` [size: ${c.size.note}]`}`,
    })),
    ...result.refusals.map((r) => ({ line: r.line, text: `${r.transform}: refused (${r.code}): ${r.reason}` })),
  ].sort((a, b) => a.line - b.line);
  const out = lines.map((l) => `${result.path}:${l.line}: ${l.text}`);
  for (const r of result.runtime) out.push(`${result.path}: ${r.transform} [review]: changes the final image's ${r.fact}: ${r.before} -> ${r.after}`);
  for (const f of result.newFiles) {
    out.push(`${f.path}: ${f.transform}: ${f.message}${f.status === 'exists' ? ' (exists; left alone)' : ''}`);
  }
  return out;
}

/** `--json`: one object per file. */
export function jsonLine(result: FileResult): string {
  return JSON.stringify({
    path: result.path,
    status: result.status,
    changes: result.changes,
    refusals: result.refusals,
    newFiles: result.newFiles.map(({ path, transform, message, status }) => ({ path, transform, message, status })),
    runtime: result.runtime,
    error: result.error,
    written: result.written,
    diff: patchOf(result),
  });
}
