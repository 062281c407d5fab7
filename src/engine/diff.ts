import { structuredPatch } from 'diff';

/**
 * A git-style unified diff (`diff --git a/… b/…`, 3 lines of context) that
 * `git apply` accepts from the folder dockshift ran in. Lines keep their own
 * endings, so CRLF files diff as git shows them.
 */
export function gitDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const patch = structuredPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { context: 3 });
  let out = `diff --git a/${path} b/${path}\n--- a/${path}\n+++ b/${path}\n`;
  for (const h of patch.hunks) {
    out += `@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@\n`;
    for (const line of h.lines) out += `${line}\n`;
  }
  return out;
}

/** A diff that creates a file. */
export function newFileDiff(path: string, content: string): string {
  const patch = structuredPatch('/dev/null', `b/${path}`, '', content, undefined, undefined, { context: 3 });
  let out = `diff --git a/${path} b/${path}\nnew file mode 100644\n--- /dev/null\n+++ b/${path}\n`;
  for (const h of patch.hunks) {
    out += `@@ -0,0 +${range(h.newStart, h.newLines)} @@\n`;
    for (const line of h.lines) out += `${line}\n`;
  }
  return out;
}

function range(start: number, lines: number): string {
  // An empty side is written as `N,0` with N the line before it, as git does;
  // jsdiff's structuredPatch gives the line after it.
  if (lines === 0) return `${Math.max(start - 1, 0)},0`;
  return lines === 1 ? `${start}` : `${start},${lines}`;
}

const ANSI = { bold: '\x1b[1m', red: '\x1b[31m', green: '\x1b[32m', cyan: '\x1b[36m', reset: '\x1b[0m' };

/** Colors a patch for a terminal, as `git diff --color` does. */
export function colorize(patch: string): string {
  return patch
    .split('\n')
    .map((line) => {
      if (line === '') return line;
      if (/^(diff --git|--- |\+\+\+ |new file mode)/.test(line)) return `${ANSI.bold}${line}${ANSI.reset}`;
      if (line.startsWith('@@')) return `${ANSI.cyan}${line}${ANSI.reset}`;
      if (line.startsWith('+')) return `${ANSI.green}${line}${ANSI.reset}`;
      if (line.startsWith('-')) return `${ANSI.red}${line}${ANSI.reset}`;
      return line;
    })
    .join('\n');
}
