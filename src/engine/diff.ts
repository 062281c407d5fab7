import type * as Diff from 'diff';
import { createRequire } from 'node:module';
import { crypto } from '../builtins.js';
import type { BlobForm } from './gitIndex.js';

/** jsdiff's structuredPatch, as called here: undefined when the diff needs more than `maxEditLength` changed lines. */
type StructuredPatch = (
  oldFileName: string,
  newFileName: string,
  oldStr: string,
  newStr: string,
  oldHeader: undefined,
  newHeader: undefined,
  options: { readonly context: number; readonly maxEditLength?: number },
) => Diff.StructuredPatch | undefined;

let jsdiff: { readonly structuredPatch: StructuredPatch } | undefined;

/**
 * jsdiff, loaded when the first diff is made: a run that changes nothing, or prints
 * only the text (--stdin), never needs it. Only its patch module (a few files; the
 * package's index requires them all, twice the load time of a cold start's diff).
 */
const structuredPatch: StructuredPatch = (...args) => {
  jsdiff ??= createRequire(import.meta.url)('diff/lib/patch/create.js') as { readonly structuredPatch: StructuredPatch };
  return jsdiff.structuredPatch(...args);
};

/** The two file modes git records for a regular file. */
export type FileMode = '100644' | '100755';

/** As git reads a file's permission bits: executable by its owner or not. */
export function fileModeOf(mode: number): FileMode {
  return (mode & 0o100) !== 0 ? '100755' : '100644';
}

/** git's object id of a file's contents: the SHA-1 of `blob <length>\0` and the bytes. */
export function gitBlobId(bytes: Uint8Array): string {
  return crypto().createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

const NULL_ID = '0'.repeat(40);

/**
 * A git-style unified diff (`diff --git a/… b/…`, 3 lines of context) that
 * `git apply` accepts, with the `index` line that lets `git apply -3` fall back to
 * a three-way merge when the file has moved on since. `path` is relative to where
 * the patch applies (see patchPaths.ts). Lines keep their own endings, so CRLF
 * files diff as git shows them, unless git stores the file with LF endings
 * (`form`, see gitIndex.ts): then, as `git diff` does, the diff is of the LF text
 * and names its blobs, which `git apply -3` needs to find the file's blob and merge
 * into it; `git apply` converts the CRLF working file to LF and back around the
 * patch. When the form is unknown, the index line is left out: a blob id that may
 * name nothing git holds promises a merge that cannot happen.
 */
export function gitDiff(path: string, before: string, after: string, mode: FileMode = '100644', form: BlobForm = 'as-is'): string {
  if (before === after) return '';
  if (form === 'lf') [before, after] = [before.replace(/\r\n/g, '\n'), after.replace(/\r\n/g, '\n')];
  if (before === after) return '';
  // When more lines than MAX_EDITS certainly change, jsdiff would search that many rounds
  // only to give up: go to the block at once.
  const searched =
    certainEdits(before, after) > MAX_EDITS
      ? undefined
      : structuredPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { context: CONTEXT, maxEditLength: MAX_EDITS });
  const hunks = searched?.hunks ?? [blockHunk(linesOf(before), linesOf(after))];
  const [a, b] = [quotePath(`a/${path}`), quotePath(`b/${path}`)];
  const index = form === 'unknown' ? '' : `index ${blobIdOf(before)}..${blobIdOf(after)} ${mode}\n`;
  let out = `diff --git ${a} ${b}\n${index}--- ${a}\n+++ ${b}\n`;
  for (const h of hunks) {
    out += `@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@\n`;
    for (const line of h.lines) out += `${line}\n`;
  }
  return out;
}

const CONTEXT = 3;

/**
 * jsdiff finds a shortest diff in time proportional to the lines times the
 * changed lines: a rewrite of most of a large file (thousands of RUNs merged
 * into one) took seconds per thousand lines, and grew with their square. Past
 * this many changed lines the diff is one hunk that replaces the changed block
 * (blockHunk): no longer the shortest, exact all the same, and made in one pass.
 * Real rewrites change far fewer lines, and get jsdiff's diff as before.
 */
const MAX_EDITS = 1000;

interface Hunk {
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
  readonly lines: readonly string[];
}

const NO_NEWLINE = '\\ No newline at end of file';

/**
 * One hunk from the first line that differs to the last, with the lines around
 * it as context: the old lines removed, then the new ones added, as jsdiff
 * writes a replaced block.
 */
function blockHunk(a: readonly string[], b: readonly string[]): Hunk {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const from = Math.max(0, prefix - CONTEXT);
  const oldEnd = Math.min(a.length, a.length - suffix + CONTEXT);
  const newEnd = Math.min(b.length, b.length - suffix + CONTEXT);
  const lines: string[] = [];
  const add = (mark: string, line: string) => {
    // A line without its newline is the file's last: git marks it so.
    if (line.endsWith('\n')) lines.push(mark + line.slice(0, -1));
    else lines.push(mark + line, NO_NEWLINE);
  };
  for (let i = from; i < prefix; i++) add(' ', a[i]!);
  for (let i = prefix; i < a.length - suffix; i++) add('-', a[i]!);
  for (let i = prefix; i < b.length - suffix; i++) add('+', b[i]!);
  for (let i = a.length - suffix; i < oldEnd; i++) add(' ', a[i]!);
  return { oldStart: from + 1, oldLines: oldEnd - from, newStart: from + 1, newLines: newEnd - from, lines };
}

/**
 * At least how many lines any diff of the two texts removes or adds, or 0 when the lines
 * they do not share are too few for that to pass MAX_EDITS (a text has no more lines than
 * characters).
 */
function certainEdits(before: string, after: string): number {
  if (before.length + after.length <= MAX_EDITS) return 0;
  const [a, b] = differingLines(before, after);
  return a.length + b.length <= MAX_EDITS ? 0 : unmatchedLines(linesOf(a), linesOf(b));
}

/**
 * The texts without the whole lines both start with and both end with, which cancel out of
 * `unmatchedLines`: a large file with a small change then costs a scan, not a split and a
 * map of every line.
 */
export function differingLines(before: string, after: string): [string, string] {
  const shortest = Math.min(before.length, after.length);
  let start = 0;
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Back to the start of a line both share (lastIndexOf would look at 0 for -1).
  start = start === 0 ? 0 : before.lastIndexOf('\n', start - 1) + 1;
  let shared = 0; // characters both end with, after `start`
  while (shared < shortest - start && before.charCodeAt(before.length - 1 - shared) === after.charCodeAt(after.length - 1 - shared)) shared++;
  // Forward to the start of a line in both: the end they share holds whole lines from there.
  const atLineStart = (text: string, at: number) => at === start || text.charCodeAt(at - 1) === 10;
  let end = shared;
  if (!atLineStart(before, before.length - end) || !atLineStart(after, after.length - end)) {
    const lineBreak = before.indexOf('\n', before.length - end);
    end = lineBreak === -1 ? 0 : before.length - lineBreak - 1;
  }
  return [before.slice(start, before.length - end), after.slice(start, after.length - end)];
}

/**
 * How many lines one side holds more often than the other: a diff removes or adds each of
 * them. (jsdiff's lines are `linesOf`'s, compared exactly.)
 */
export function unmatchedLines(a: readonly string[], b: readonly string[]): number {
  const unmatched = new Map<string, number>();
  for (const line of a) unmatched.set(line, (unmatched.get(line) ?? 0) + 1);
  let added = 0;
  for (const line of b) {
    const left = unmatched.get(line) ?? 0;
    if (left > 0) unmatched.set(line, left - 1);
    else added++;
  }
  let removed = 0;
  for (const left of unmatched.values()) removed += left;
  return removed + added;
}

/** The lines of a text, each with its newline (the last may have none). */
export function linesOf(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines.length === 1 && lines[0] === '' ? [] : lines;
}

/** A diff that creates a file. */
export function newFileDiff(path: string, content: string): string {
  const patch = structuredPatch('/dev/null', `b/${path}`, '', content, undefined, undefined, { context: CONTEXT })!;
  const [a, b] = [quotePath(`a/${path}`), quotePath(`b/${path}`)];
  let out = `diff --git ${a} ${b}\nnew file mode 100644\nindex ${NULL_ID}..${blobIdOf(content)}\n--- /dev/null\n+++ ${b}\n`;
  for (const h of patch.hunks) {
    out += `@@ -0,0 +${range(h.newStart, h.newLines)} @@\n`;
    for (const line of h.lines) out += `${line}\n`;
  }
  return out;
}

function blobIdOf(text: string): string {
  return gitBlobId(Buffer.from(text, 'utf8'));
}

const C_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\v': '\\v' };

/** A path as git writes it in a diff header: C-quoted when it holds a quote, a backslash or a control character. */
export function quotePath(p: string): string {
  if (!/["\\\x00-\x1f\x7f]/.test(p)) return p;
  const body = p.replace(/["\\\x00-\x1f\x7f]/g, (c) => C_ESCAPES[c] ?? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`);
  return `"${body}"`;
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
      if (/^(diff --git|index |--- |\+\+\+ |new file mode)/.test(line)) return `${ANSI.bold}${line}${ANSI.reset}`;
      if (line.startsWith('@@')) return `${ANSI.cyan}${line}${ANSI.reset}`;
      if (line.startsWith('+')) return `${ANSI.green}${line}${ANSI.reset}`;
      if (line.startsWith('-')) return `${ANSI.red}${line}${ANSI.reset}`;
      return line;
    })
    .join('\n');
}
