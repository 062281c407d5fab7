import type { Instruction, ParsedDockerfile } from '../dockerfile/types.js';
import type { TransformMeta } from './types.js';
import { FileMemo } from '../memo.js';
import { listed } from '../prose.js';

/**
 * Comments that ask dockshift to leave code alone, in the comment block right
 * above an instruction (or anywhere, for the file forms):
 *   # dockshift-ignore                      every transform, this instruction
 *   # dockshift-ignore collapse-run, exec-form
 *   # dockshift-ignore-file [names]         the whole file
 *   # hadolint ignore=DL3059,DL3025         transforms that address those rules
 *   # hadolint global ignore=DL3015         those rules, for the whole file
 * Honouring hadolint's pragmas (and its config file's `ignored:` list, which
 * the pipeline is given) means a choice someone already defended to the
 * linter is not undone by the codemod.
 */
export interface Pragma {
  /** null: every transform. */
  readonly transforms: ReadonlySet<string> | null;
  readonly rules: ReadonlySet<string>;
  readonly line: number;
}

interface FilePragmas {
  readonly byInstruction: ReadonlyMap<number, readonly Pragma[]>;
  /** `dockshift-ignore-file`: transforms off for the whole file. */
  readonly file: readonly Pragma[];
  /** `hadolint global ignore=`: rules off for the whole file, each with the line of the first comment that names it. */
  readonly globalRules: ReadonlyMap<string, number>;
  /** Every dockshift and hadolint pragma of the file, wherever it stands. */
  readonly all: readonly Pragma[];
  /** The first ignore comment that names something that does not exist, or that hadolint would not read. */
  readonly problem: { readonly line: number; readonly message: string } | null;
  /** The lines of the comments that govern the instruction below them (isNextLinePragma), in order. */
  readonly nextLine: readonly number[];
}

/**
 * hadolint's rules (src/Hadolint/Rule/*.hs in hadolint/hadolint, which also
 * has DL1001 and rules past DL3062 on its main branch) and ShellCheck's SCnnnn.
 */
export function isHadolintRule(code: string): boolean {
  const m = /^DL(\d{4})$/.exec(code);
  if (m !== null) {
    const n = Number(m[1]);
    return n === 1001 || (n >= 3000 && n <= 3077) || (n >= 4000 && n <= 4007);
  }
  return /^SC\d{4}$/.test(code);
}

const cache = new FileMemo<FilePragmas>();

type Parsed =
  | { readonly kind: 'pragma'; readonly scope: 'next' | 'file'; readonly pragma: Pragma }
  | { readonly kind: 'global-rules'; readonly rules: readonly string[] }
  | { readonly kind: 'malformed'; readonly message: string };

/** hadolint's pragma grammar (src/Hadolint/Pragma.hs): rule codes separated by commas, then an optional `# comment`. */
const HADOLINT_IGNORE = /^hadolint[ \t]+(global[ \t]+)?ignore[ \t]*=[ \t]*([DLSC0-9]+(?:[ \t]*,[ \t]*[DLSC0-9]+)*)[ \t]*(?:#.*)?$/;

function parsePragma(text: string, line: number): Parsed | null {
  const trimmed = text.trim();
  const own = /^dockshift-ignore(-file)?(?:\s*[:=]?\s*(.*))?$/.exec(trimmed);
  if (own) {
    const names = (own[2] ?? '').split(/[\s,]+/).filter(Boolean);
    return { kind: 'pragma', scope: own[1] ? 'file' : 'next', pragma: { transforms: names.length ? new Set(names) : null, rules: new Set(), line } };
  }
  if (!/^hadolint[ \t]+(?:global[ \t]+)?ignore\b/.test(trimmed)) return null;
  const hadolint = HADOLINT_IGNORE.exec(trimmed);
  if (hadolint === null) return { kind: 'malformed', message: 'hadolint would not read this ignore comment (it takes `ignore=DL3008,DL3015`, optionally followed by `# a note`)' };
  const rules = hadolint[2]!.split(/[ \t]*,[ \t]*/);
  if (hadolint[1] !== undefined) return { kind: 'global-rules', rules };
  return { kind: 'pragma', scope: 'next', pragma: { transforms: new Set(), rules: new Set(rules), line } };
}

/**
 * A comment line (`# hadolint ignore=DL3008`, `# dockshift-ignore`) that governs the instruction
 * below it (a malformed hadolint ignore counts: it is meant to).
 */
export function isNextLinePragma(comment: string): boolean {
  const parsed = parsePragma(comment.replace(/^\s*#/, ''), 0);
  return parsed !== null && (parsed.kind === 'malformed' || (parsed.kind === 'pragma' && parsed.scope === 'next'));
}

/**
 * The file's comment lines, 1-based, with the text after `#`. Read from the
 * text: dockerfile-ast takes a `# word … = …` line at the top for a parser
 * directive, which BuildKit does not; heredoc documents hold no comments.
 */
function commentLines(file: ParsedDockerfile): Map<number, string> {
  const inHeredoc = new Set<number>();
  for (const inst of file.instructions) {
    for (const h of inst.heredocs) if (h.bodyStart < h.span.end) for (let l = file.lines.lineOf(h.bodyStart); l <= file.lines.lineOf(h.span.end); l++) inHeredoc.add(l);
  }
  const out = new Map<number, string>();
  const text = file.text;
  for (let line = 1; line <= file.lines.lineCount; line++) {
    if (inHeredoc.has(line)) continue;
    // Blanks (and a byte order mark), then `#`: only comment lines are cut from the text.
    const end = file.lines.endOf(line);
    let i = file.lines.startOf(line);
    if (text.charCodeAt(i) === 0xfeff) i++;
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i >= end || text[i] !== '#') continue;
    const comment = text.slice(i + 1, end);
    // As a regex's `.` reads it: a comment that holds a line or paragraph separator is not one.
    if (!/[\n\r\u2028\u2029]/.test(comment)) out.set(line, comment);
  }
  return out;
}

/** A file with no pragma: most, whose text names neither `dockshift-ignore` nor `hadolint`. */
const NO_PRAGMAS: FilePragmas = { byInstruction: new Map(), file: [], globalRules: new Map(), all: [], problem: null, nextLine: [] };

function pragmasOf(file: ParsedDockerfile): FilePragmas {
  const cached = cache.get(file);
  if (cached) return cached;
  // Every pragma starts with one of these words, as written (parsePragma): a file without either has none.
  if (!file.text.includes('dockshift-ignore') && !file.text.includes('hadolint')) {
    cache.set(file, NO_PRAGMAS);
    return NO_PRAGMAS;
  }
  const comments = commentLines(file);
  const byLine = new Map<number, Pragma>();
  const fileLevel: Pragma[] = [];
  const globalRules = new Map<string, number>();
  const all: Pragma[] = [];
  const nextLine: number[] = [];
  let problem: FilePragmas['problem'] = null;
  const fail = (line: number, message: string) => {
    problem ??= { line, message };
  };
  for (const [line, text] of comments) {
    const p = parsePragma(text, line);
    if (p === null) continue;
    if (p.kind === 'malformed' || (p.kind === 'pragma' && p.scope === 'next')) nextLine.push(line);
    if (p.kind === 'malformed') fail(line, p.message);
    else if (p.kind === 'global-rules') {
      for (const r of p.rules) if (!globalRules.has(r)) globalRules.set(r, line);
    } else if (p.scope === 'file') fileLevel.push(p.pragma);
    else byLine.set(line, p.pragma);
    if (p.kind === 'pragma') all.push(p.pragma);
    const rules = p.kind === 'global-rules' ? p.rules : p.kind === 'pragma' ? [...p.pragma.rules] : [];
    const unknown = rules.find((r) => !isHadolintRule(r));
    if (unknown !== undefined) fail(line, `hadolint has no rule ${unknown} (its rules are DL3000–DL3077, DL4000–DL4007, DL1001 and ShellCheck's SCnnnn)`);
  }
  const byInstruction = new Map<number, Pragma[]>();
  for (const inst of file.instructions) {
    const found: Pragma[] = [];
    for (let line = inst.line - 1; line >= 1 && comments.has(line); line--) {
      const p = byLine.get(line);
      if (p) found.push(p);
    }
    if (found.length) byInstruction.set(inst.index, found);
  }
  const result: FilePragmas = { byInstruction, file: fileLevel, globalRules, all, problem, nextLine };
  cache.set(file, result);
  return result;
}

function matches(p: Pragma, meta: TransformMeta<any>, rules: readonly string[] = meta.hadolint): boolean {
  if (p.transforms === null) return true;
  return p.transforms.has(meta.name) || rules.some((r) => p.rules.has(r));
}

/**
 * The pragma that keeps `meta`'s transform off this instruction (or the whole file), if any;
 * with `rules`, for a change that answers only those of its hadolint rules.
 */
export function ignoringPragma(file: ParsedDockerfile, inst: Instruction, meta: TransformMeta<any>, rules?: readonly string[]): Pragma | null {
  const { byInstruction, file: fileLevel } = pragmasOf(file);
  return fileLevel.find((p) => matches(p, meta, rules)) ?? byInstruction.get(inst.index)?.find((p) => matches(p, meta, rules)) ?? null;
}

/**
 * The line of the first ignore comment among an instruction's continuation lines (\`RUN a \\\`, \`# hadolint
 * ignore=DL3008\`, \`b\`), or null. It governs nothing: hadolint's parser takes such a line for part of the
 * instruction (it reads a pragma only on the line right above one), and so does dockshift.
 */
export function pragmaInside(file: ParsedDockerfile, inst: Instruction): number | null {
  return pragmasOf(file).nextLine.find((line) => line > inst.line && line <= inst.endLine) ?? null;
}

export function isIgnored(file: ParsedDockerfile, inst: Instruction, meta: TransformMeta<any>): boolean {
  return ignoringPragma(file, inst, meta) !== null;
}

/**
 * True when the whole file is off for the transform: a `dockshift-ignore-file`
 * names it, or every hadolint rule it addresses is ignored for the file (by
 * `# hadolint global ignore=` or by `ignoredRules`, from a config file).
 */
export function isIgnoredInFile(file: ParsedDockerfile, meta: TransformMeta<any>, ignoredRules: ReadonlySet<string> = new Set()): boolean {
  if (pragmasOf(file).file.some((p) => matches(p, meta))) return true;
  const off = fileIgnoredRules(file, ignoredRules);
  return meta.hadolint.length > 0 && meta.hadolint.every((r) => off.has(r));
}

/** The hadolint rules off for the whole file: its `# hadolint global ignore=` comments and `ignoredRules`. */
export function fileIgnoredRules(file: ParsedDockerfile, ignoredRules: ReadonlySet<string> = new Set()): ReadonlySet<string> {
  const global = pragmasOf(file).globalRules;
  if (ignoredRules.size === 0 && global.size === 0) return ignoredRules;
  return new Set([...global.keys(), ...ignoredRules]);
}

/**
 * Why the whole file is off for the transform (isIgnoredInFile), as the refusal of a change it
 * would make says: the `dockshift-ignore-file` comment, or where each of its hadolint rules is
 * ignored (a `# hadolint global ignore=` comment, or `configName`, the `.hadolint.yaml` that
 * gave `ignoredRules`).
 */
export function fileIgnoreReason(file: ParsedDockerfile, meta: TransformMeta<any>, ignoredRules: ReadonlySet<string>, configName: string | null): string {
  const pragma = pragmasOf(file).file.find((p) => matches(p, meta));
  if (pragma !== undefined) return `an ignore comment on line ${pragma.line} keeps ${meta.name} off this file`;
  const global = pragmasOf(file).globalRules;
  const lines = [...new Set(meta.hadolint.map((r) => global.get(r)).filter((l): l is number => l !== undefined))].sort((a, b) => a - b);
  const inConfig = meta.hadolint.filter((r) => !global.has(r) && ignoredRules.has(r));
  const where = [
    ...(lines.length === 0 ? [] : [`the ignore comment${lines.length > 1 ? 's' : ''} on line${lines.length > 1 ? 's' : ''} ${listed(lines.map(String))} (\`# hadolint global ignore=\`)`]),
    ...(inConfig.length === 0 ? [] : [`the \`ignored:\` list of ${configName ?? 'the hadolint configuration'}`]),
  ];
  const rules = meta.hadolint.length === 1 ? `rule ${meta.hadolint[0]}` : `rules ${listed(meta.hadolint)}`;
  return `${where.join(' and ')} ${where.length > 1 ? 'ignore' : 'ignores'} hadolint's ${rules}, which ${meta.name} answers, so it is off for this file`;
}

/**
 * The first ignore comment that names a transform or a hadolint rule that does
 * not exist, or that hadolint would not read: such a comment protects nothing,
 * so it is an error rather than silence.
 */
export function pragmaProblem(file: ParsedDockerfile, transforms: ReadonlySet<string>): { line: number; message: string } | null {
  const pragmas = pragmasOf(file);
  const unknown = pragmas.all.flatMap((p) => [...(p.transforms ?? [])].filter((n) => !transforms.has(n)).map((n) => ({ line: p.line, name: n })));
  const first = unknown.sort((a, b) => a.line - b.line)[0];
  const transformProblem = first === undefined ? null : { line: first.line, message: `dockshift has no transform "${first.name}" (see --list)` };
  if (pragmas.problem === null) return transformProblem;
  if (transformProblem === null) return pragmas.problem;
  return pragmas.problem.line <= transformProblem.line ? pragmas.problem : transformProblem;
}
