/**
 * Editing RUN bodies. Positions come in as script offsets (what the shell model
 * reports) and go out as engine `Edit`s on file offsets. Two rules from the
 * engine shape everything here: an edit whose range crosses a line inside an
 * instruction must rewrite the whole instruction, while insertions and
 * single-line replacements may be local. Structural edits are checked by
 * parsing the body they produce.
 */
import { logicalText } from '../dockerfile/logical.js';
import type { Instruction, ParsedDockerfile } from '../dockerfile/types.js';
import type { Edit } from '../engine/types.js';
import { FileMemo } from '../memo.js';
import { runBody, type RunBody } from './body.js';
import { errexitBefore } from './options.js';
import { isValidShell } from './parse.js';
import type { ListItem, Refusal, ShellWord, SimpleCommand } from './types.js';

/** What each refusal of the editing helpers means, for transforms' `meta.refusals`. */
export const EDIT_REFUSALS = {
  'nested-command': 'the command is inside a pipeline, subshell or compound command',
  'or-list': 'the command is joined by ||',
  'only-command': 'it is the only command of the RUN',
  'no-command': 'there is no command to append',
  'multi-line-command': 'the command to append spans lines',
  'empty-body': 'the RUN has no command',
  background: 'the last command runs in the background',
  'comment-inside': 'the edit would cover comment lines inside the RUN',
  'breaks-shell': 'the edited body would not be valid shell',
} as const satisfies Record<string, string>;

export type EditResult = { readonly ok: true; readonly edits: readonly Edit[] } | Refusal;

export type Joiner = '&&' | ';';

/** File offset of the script character at `at`. */
export function fileStart(body: RunBody, at: number): number {
  return body.offsetOf(at);
}

/**
 * File offset just after the script character before `end`. Not `offsetOf(end)`:
 * that can lie past a line continuation, on the next line.
 */
export function fileEnd(body: RunBody, end: number): number {
  return end === 0 ? body.offsetOf(0) : body.offsetOf(end - 1) + 1;
}

/** Inserts text right after the script range ending at `end` (e.g. a word's end). */
export function insertAfter(body: RunBody, end: number, text: string): Edit {
  const at = fileEnd(body, end);
  return { start: at, end: at, text };
}

/**
 * Appends `added` after the last of `operands` (a package list, say) in the list's own layout:
 * when its last two words sit on lines of their own (`git \⏎    curl`), each new word gets the
 * same continuation and indent; otherwise a space. When comment lines stand between those two
 * (`curl \⏎    # for llama-cpp wheels⏎    musl-dev`), the comment says why the last word is there: the
 * new words go before it, one to a line, so that it keeps describing only the word below it.
 */
export function appendWords(file: ParsedDockerfile, body: RunBody, operands: readonly ShellWord[], added: readonly string[]): Edit {
  // Quoted as the list is, when every word of it is (plane's \`"libpq" \\ "xmlsec"\`): a bare word among them looks out of place.
  const quote = sharedQuote(operands.map((w) => file.text.slice(fileStart(body, w.start), fileEnd(body, w.end))));
  const words = quote === null ? added : added.map((w) => (/^[\w.+:~=@/-]+$/.test(w) ? `${quote}${w}${quote}` : w));
  const lastWord = operands.at(-1)!;
  const last = { start: lastWord.start, end: gluedEnd(body, lastWord.end) };
  const before = operands.at(-2);
  if (before !== undefined) {
    const beforeEnd = gluedEnd(body, before.end);
    const between = file.text.slice(fileEnd(body, beforeEnd), fileStart(body, last.start));
    const { lineBreak, leadingBreak } = escapePatterns(file.escape);
    if (lineBreak.test(between)) return insertAfter(body, last.end, words.map((w) => `${between}${w}`).join(''));
    const start = fileStart(body, last.start);
    const indent = file.lines.indentOf(start);
    const leads = file.lines.startOf(file.lines.lineOf(start)) + indent.length === start;
    const broken = leadingBreak.exec(between);
    if (leads && broken !== null) return insertAfter(body, beforeEnd, words.map((w) => `${broken[0]}${indent}${w}`).join(''));
  }
  return insertAfter(body, last.end, words.map((w) => ` ${w}`).join(''));
}

/** The quote every word is written in (\`"libpq"\`, \`'curl'\`), or null when one is bare or they differ. */
function sharedQuote(written: readonly string[]): string | null {
  const quotes = new Set(written.map((w) => /^(["'])[^"'\\$`]*\1$/.exec(w)?.[1] ?? null));
  const [quote] = quotes;
  return quotes.size === 1 && quote != null ? quote : null;
}

/**
 * Rewrites a command's words in place, each given in \`names\` by the words it becomes (a package list
 * mapped to another manager's names: \`curl \\⏎    gcc \\⏎    locales\`). A word given none goes with the
 * blanks and continuation before it: its line, when the words stand one to a line. One given several
 * is followed by the rest, each set apart from it as it is from the word before (on a line of its own
 * with the same continuation and indent, or after a space). Comment lines between the words stay where
 * they are; the caller decides about one right above a word that goes, which would then describe the next.
 */
export function replaceWords(file: ParsedDockerfile, body: RunBody, command: SimpleCommand, names: ReadonlyMap<ShellWord, readonly string[]>): Edit[] {
  const edits: Edit[] = [];
  command.words.forEach((w, k) => {
    const to = names.get(w);
    if (to === undefined || k === 0) return;
    const before = fileEnd(body, command.words[k - 1]!.end);
    const [start, end] = [fileStart(body, w.start), fileEnd(body, w.end)];
    if (to.length === 0) edits.push({ start: before, end, text: '' });
    else if (to.length > 1 || to[0] !== file.text.slice(start, end)) {
      const gap = file.text.slice(before, start);
      const apart = gap.includes('\n') ? withoutCommentLines(gap) : ' ';
      edits.push({ start, end, text: to.join(apart) });
    }
  });
  return edits;
}

/** Text between two words or commands (\`; \\⏎    \`) without the comment lines in it, which describe what follows them. */
export function withoutCommentLines(text: string): string {
  const lines = text.split('\n');
  return lines.filter((l, k) => k === 0 || k === lines.length - 1 || !/^[ \t]*#/.test(l)).join('\n');
}

/**
 * The end of a word together with the redirections written against it: in \`apk add git>2.26.0-r0\` the
 * shell reads \`>2.26.0-r0\` as a redirection of the command, not part of the package's name, but a word
 * put between them (\`git tini>2.26.0-r0\`) would read as that word's version.
 */
function gluedEnd(body: RunBody, end: number): number {
  const redirects = body.parsed.commands.flatMap((c) => c.redirects);
  for (let next = redirects.find((r) => r.start === end); next !== undefined; next = redirects.find((r) => r.start === end)) end = next.end;
  return end;
}

/** Patterns that read lines against the file's escape character, compiled once per character (a backslash or the backtick). */
interface EscapePatterns {
  /** Only blanks around a line continuation: what separates words that stand one to a line. */
  readonly lineBreak: RegExp;
  /** The blanks and line continuation that end a word's line when only comment lines follow before the next word (`curl \⏎    # why⏎`). */
  readonly leadingBreak: RegExp;
  /** Sticky: a line continuation, then the next line's indent before an option. */
  readonly optionBreak: RegExp;
  /** Sticky: one option alone on its line (with its value), ending in a continuation. */
  readonly optionLine: RegExp;
  /** A line ending with `;` before the escape. */
  readonly trailingSemicolon: RegExp;
  /** A line ending with an operator written against the escape (`&&\`), and with a blank between (`&& \`). */
  readonly tight: RegExp;
  readonly spaced: RegExp;
  /** A line ending with `&&` or `||` before the escape. */
  readonly trailingOperator: RegExp;
  /** Sticky: the rest of a command's last line, an `&&` maybe, then a line continuation. */
  readonly ownLineEnd: RegExp;
}

const PATTERNS_BY_ESCAPE = new Map<string, EscapePatterns>();

function escapePatterns(escape: string): EscapePatterns {
  const known = PATTERNS_BY_ESCAPE.get(escape);
  if (known !== undefined) return known;
  const e = escape.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  const made: EscapePatterns = {
    lineBreak: new RegExp(`^[ \\t]*${e}\\r?\\n[ \\t]*$`),
    leadingBreak: new RegExp(`^[ \\t]*${e}\\r?\\n(?=(?:[ \\t]*#[^\\n]*\\n)+[ \\t]*$)`),
    optionBreak: new RegExp(`[ \\t]*${e}\\r?\\n[ \\t]*(?=-)`, 'y'),
    optionLine: new RegExp(`-[^\\s${e}]+(?:[ \\t]+[^\\s${e}-][^\\s${e}]*)?[ \\t]*${e}\\r?\\n`, 'y'),
    trailingSemicolon: new RegExp(`(?<!;);[ \\t]*${e}[ \\t]*$`),
    tight: new RegExp(`(?:&&|\\|\\||(?<![;\\\\]);)${e}[ \\t]*$`),
    spaced: new RegExp(`(?:&&|\\|\\||(?<![;\\\\]);)[ \\t]+${e}[ \\t]*$`),
    trailingOperator: new RegExp(`(?:&&|\\|\\|)[ \\t]*${e}[ \\t]*$`),
    ownLineEnd: new RegExp(`[ \\t]*(&&)?[ \\t]*${e}[ \\t]*\\r?\\n`, 'y'),
  };
  PATTERNS_BY_ESCAPE.set(escape, made);
  return made;
}

/**
 * Inserts ` flag` at `at`, typically `PackageCommand.flagAt`: right after `install`. When the options
 * that follow stand one to a line (`curl \⏎    --silent \⏎    --location \⏎    URL`), each word of
 * `flag` gets a line of its own, with their continuation and indent, rather than joining the program's line.
 */
export function insertFlag(file: ParsedDockerfile, body: RunBody, at: number, flag: string): Edit {
  const from = fileEnd(body, at);
  const separator = optionLineBreak(file, from);
  if (separator === null) return insertAfter(body, at, ` ${flag}`);
  return { start: from, end: from, text: flag.split(' ').map((word) => `${separator}${word}`).join('') };
}

/**
 * The continuation and indent at `from` (` \⏎    `) when the next line holds one option alone,
 * with its value if it has one (`--output /usr/local/bin/app`), and ends in a continuation.
 */
function optionLineBreak(file: ParsedDockerfile, from: number): string | null {
  const { optionBreak, optionLine } = escapePatterns(file.escape);
  optionBreak.lastIndex = from;
  const m = optionBreak.exec(file.text);
  if (m === null) return null;
  optionLine.lastIndex = from + m[0].length;
  return optionLine.test(file.text) ? m[0] : null;
}

/** Replaces script [start, end) with `text`, rewriting the whole instruction when the range spans lines. */
export function replaceRange(file: ParsedDockerfile, body: RunBody, start: number, end: number, text: string): EditResult {
  const from = start === end ? fileEnd(body, end) : fileStart(body, start);
  return checked(file, body, from, fileEnd(body, end), text);
}

/**
 * Removes a command from its top-level list: `a && b && c` loses ` && b`, and
 * `set -e; b; c` loses `b; ` with its continuation. Refuses commands nested
 * in other constructs or joined by `||` (removing them changes what runs when),
 * and the only command of the RUN.
 */
export function removeCommand(file: ParsedDockerfile, body: RunBody, command: SimpleCommand): EditResult {
  const statements = body.parsed.statements;
  const statement = statements[command.statement];
  const k = statement?.items.findIndex((item) => item.command === command) ?? -1;
  if (command.enclosing.length > 0 || statement === undefined || k === -1) {
    return refuse('nested-command', 'the command is inside a pipeline, subshell or compound command');
  }
  const { items, operators } = statement;
  if (items.length > 1) {
    if (operators[k - 1] === '||' || operators[k] === '||') return refuse('or-list', 'the command is joined by ||');
    // ` && b` goes with b; the first command takes the operator after it instead, and so does one that
    // leads its line with the next command after it there (`a && \⏎    b && c && \⏎`: c keeps b's line).
    if (k > 0) {
      const start = fileStart(body, items[k]!.start);
      const next = items[k + 1];
      const line = file.lines.lineOf(start);
      if (next !== undefined && file.lines.lineOf(fileEnd(body, items[k - 1]!.end)) !== line && file.lines.lineOf(fileStart(body, next.start)) === line) {
        return checked(file, body, start, fileStart(body, next.start), '');
      }
      const own = next === undefined ? null : ownLines(file, start, fileEnd(body, items[k]!.end));
      if (own !== null) return checked(file, body, own.start, own.end, '');
      return checked(file, body, fileEnd(body, items[k - 1]!.end), fileEnd(body, items[k]!.end), '');
    }
    return checked(file, body, fileStart(body, items[0]!.start), fileStart(body, items[1]!.start), '');
  }
  if (statements.length === 1) return refuse('only-command', 'it is the only command of the RUN');
  const i = command.statement;
  const next = statements[i + 1];
  if (next !== undefined) return checked(file, body, fileStart(body, statement.start), fileStart(body, next.start), '');
  // The last statement: drop the separator before it, unless it is `&`.
  const prev = statements[i - 1]!;
  const from = prev.separator === '&' ? prev.separatorAt! + 1 : prev.end;
  return checked(file, body, fileEnd(body, from), fileEnd(body, statement.end), '');
}

/**
 * The whole lines of a command in the middle of an `&&` list that stands on lines of its own, with
 * the one operator that joins it to the list (`  && apk update \⏎`, or `  apk update && \⏎`), so that
 * removing them leaves the lines around it as written: a lone continuation that separates groups
 * (`  \⏎`) and the comment lines above it. Null when another command or a comment shares those lines.
 */
function ownLines(file: ParsedDockerfile, start: number, end: number): { start: number; end: number } | null {
  const lineStart = file.lines.startOf(file.lines.lineOf(start));
  const before = /^[ \t]*(&&)?[ \t]*$/.exec(file.text.slice(lineStart, start));
  const { ownLineEnd } = escapePatterns(file.escape);
  ownLineEnd.lastIndex = end;
  const after = ownLineEnd.exec(file.text);
  if (before === null || after === null || (before[1] === undefined) === (after[1] === undefined)) return null;
  const range = { start: lineStart, end: end + after[0].length };
  return commentLines(`\n${file.text.slice(range.start, range.end)}`).length === 0 ? range : null;
}

/**
 * Appends a command to the end of the body. One-line RUNs get ` && cmd`;
 * multi-line RUNs get a new continuation line laid out like the others.
 * The command goes after the last statement's content, so a trailing
 * comment stays a comment.
 */
export function appendCommand(file: ParsedDockerfile, body: RunBody, command: string, joiner?: Joiner): EditResult {
  return appendCommands(file, body, [command], joiner);
}

/**
 * Appends commands in order, as `appendCommand` appends one: ` && a && b` on
 * one line, or one new continuation line per command in a multi-line RUN.
 */
export function appendCommands(file: ParsedDockerfile, body: RunBody, commands: readonly string[], joiner?: Joiner): EditResult {
  if (commands.length === 0) return refuse('no-command', 'there is no command to append');
  if (commands.some((c) => /[\r\n]/.test(c))) return refuse('multi-line-command', 'the command to append spans lines');
  const last = body.parsed.statements.at(-1);
  if (last === undefined) return refuse('empty-body', 'the RUN has no command');
  if (last.separator === '&') return refuse('background', 'the last command runs in the background');
  const own = runLayout(file, body.inst, body);
  // A RUN whose only continued lines list packages has no command line of its own to follow: the new
  // line is laid out as the file's RUNs start theirs, not at the list's indent, where it reads as a package.
  const layout = own.multiline && !own.leadingSemicolon && commandLineIndent(file, body) === null ? { ...own, ...fileLayout(file) } : own;
  const join = joiner ?? layout.joiner;
  const esc = file.escape;
  let glue: string;
  if (!layout.multiline) glue = join === ';' ? '; ' : ' && ';
  else if (join === '&&' && layout.leadingOperator) glue = ` ${esc}${layout.eol}${layout.indent}&& `;
  else if (join === ';' && layout.leadingSemicolon) glue = ` ${esc}${layout.eol}${layout.indent}; `;
  else glue = `${join === ';' ? ';' : ' &&'}${layout.tight ? '' : ' '}${esc}${layout.eol}${layout.indent}`;
  const at = fileEnd(body, last.end);
  return checked(file, body, at, at, glue + commands.join(glue));
}

/** The file's continuation style and command indent, as a RunLayout's fields. */
function fileLayout(file: ParsedDockerfile): Pick<RunLayout, 'leadingOperator' | 'indent' | 'tight'> {
  const { leading, indent, tight } = fileRunLayout(file);
  return { leadingOperator: leading, indent, tight };
}

/** How a RUN instruction is laid out, so that new text can look like the old. */
export interface RunLayout {
  /** The body spans several lines. */
  readonly multiline: boolean;
  /** Indentation of continuation lines that start a command. */
  readonly indent: string;
  /** `\n    && cmd` rather than `cmd && \`. */
  readonly leadingOperator: boolean;
  /** `\n  ; cmd` rather than `cmd; \`: the commands joined by `;` lead their lines with it. */
  readonly leadingSemicolon: boolean;
  /** `cmd &&\` rather than `cmd && \`: an operator that ends a line is written against the escape. */
  readonly tight: boolean;
  /** How commands are chained at the end: `set -eux; a; b` uses `;`. */
  readonly joiner: Joiner;
  /** The instruction's own line ending (the file's when it has none). */
  readonly eol: '\n' | '\r\n';
}

export function runLayout(file: ParsedDockerfile, inst: Instruction, body?: RunBody): RunLayout {
  const args = inst.argsSpan ?? inst.span;
  const raw = file.text.slice(args.start, args.end);
  const eol = raw.includes('\r\n') ? '\r\n' : raw.includes('\n') ? '\n' : file.eol;
  const lines = raw.split(/\r?\n/);
  // Lines that carry commands: not blank, not comments, not a lone escape (`\t\`).
  const continuation = lines.slice(1).filter((l) => {
    const t = l.trim();
    return t !== '' && t !== file.escape && !t.startsWith('#');
  });
  // By the && and || its lines lead or end with (a pipe continued on the next line, `| bash -`, is no style);
  // only when those are as many, by any operator leading a line.
  const { lead, trail } = operatorLines(file, lines);
  const leadingOperator = lead !== trail ? lead > trail : continuation.some((l) => /^[ \t]*(?:&&|\|\||\|)/.test(l));
  return {
    multiline: lines.length > 1,
    indent: commandIndent(file, args.start, continuation, body),
    leadingOperator,
    leadingSemicolon: leadsWithSemicolon(file, lines),
    tight: tightOperators(file, lines) ?? fileTightOperators(file),
    joiner: body === undefined ? '&&' : defaultJoiner(body),
    eol,
  };
}

/**
 * The indentation of the line where the last top-level command starts, else of the line that closes
 * it (`fi`, `done`), else of the first continuation line.
 */
function commandIndent(file: ParsedDockerfile, argsStart: number, continuation: readonly string[], body?: RunBody): string {
  const last = body?.parsed.statements.at(-1)?.items.at(-1);
  if (body !== undefined && last !== undefined) {
    const at = fileStart(body, last.start);
    if (file.lines.lineOf(at) !== file.lines.lineOf(argsStart)) return file.lines.indentOf(at);
    const closing = closingLineIndent(file, body, last);
    if (closing !== null) return closing;
  }
  const first = continuation[0];
  return first === undefined ? '    ' : /^[ \t]*/.exec(first)![0] || '    ';
}

/**
 * `;` when the body chains its commands so and errexit is on there: without it, a command
 * added after `; ` would hide the failure of the one before, and the RUN would succeed.
 */
function defaultJoiner(body: RunBody): Joiner {
  const statements = body.parsed.statements;
  const last = statements.at(-1);
  if (last === undefined || last.items.length > 1 || statements.length === 1) return '&&';
  return statements.at(-2)!.separator === ';' && errexitBefore(body, statements.length - 1) ? ';' : '&&';
}

/**
 * The text of a whole new instruction running `commands` in sequence, keeping
 * the keyword's spelling, the flags as written, the escape character, line
 * endings and the continuation style. Use it as the replacement of `inst.span`.
 */
export function renderRun(
  file: ParsedDockerfile,
  inst: Instruction,
  commands: readonly string[],
  options: { joiner?: Joiner; multiline?: boolean; body?: RunBody } = {},
): string {
  const layout = runLayout(file, inst, options.body);
  const joiner = options.joiner ?? layout.joiner;
  const keyword = file.text.slice(inst.keywordSpan.start, inst.keywordSpan.end);
  const between = inst.argsSpan === null ? ' ' : file.text.slice(inst.keywordSpan.end, inst.argsSpan.start);
  const multiline = options.multiline ?? (layout.multiline && commands.length > 1);
  const esc = file.escape;
  let glue: string;
  if (!multiline) glue = joiner === ';' ? '; ' : ' && ';
  else if (joiner === '&&' && layout.leadingOperator) glue = ` ${esc}${layout.eol}${layout.indent}&& `;
  else if (joiner === ';' && layout.leadingSemicolon) glue = ` ${esc}${layout.eol}${layout.indent}; `;
  else glue = `${joiner === ';' ? ';' : ' &&'}${layout.tight ? '' : ' '}${esc}${layout.eol}${layout.indent}`;
  return `${keyword}${between}${commands.join(glue)}`;
}

/** How the file's multi-line RUNs are continued, for a RUN that has none of its own yet. */
export interface FileRunLayout {
  /** `\n    && cmd` rather than `cmd && \`. */
  readonly leading: boolean;
  readonly indent: string;
  /** `cmd &&\` rather than `cmd && \` (RunLayout's \`tight\`). */
  readonly tight: boolean;
}

/**
 * The indentation of the first line of a RUN's body, after the keyword's, that starts a top-level command
 * (the body's own first line counts when flags or a lone escape leave it below the keyword), else of the line
 * that closes a compound command begun on the keyword's line (`fi`, `done`: its body lines are indented one
 * level deeper); null when every command starts and ends on that line (a package list continued over lines
 * starts none).
 *
 * A line at the RUN's own column or left of it counts only when an operator leads it (\`&& make\`): a
 * command continued there (\`--without-zstd && make install\` after arguments written flush left) is no
 * indentation to start a command at, which would read as an instruction of its own.
 */
export function commandLineIndent(file: ParsedDockerfile, body: RunBody): string | null {
  const inst = body.inst;
  if (inst.endLine === inst.line) return null;
  const own = file.lines.indentOf(inst.span.start).length;
  const items = body.parsed.statements.flatMap((st) => st.items);
  for (const item of items) {
    const at = fileStart(body, item.start);
    const line = file.lines.lineOf(at);
    // The keyword's line; a body begun on a line of its own (after `RUN --mount=… \`, or `RUN \`) starts there.
    if (line === inst.line) continue;
    const indent = file.lines.indentOf(at);
    if (indent.length > own || /^[ \t]*(?:&&|\|\||;)[ \t]*$/.test(file.text.slice(file.lines.startOf(line), at))) return indent;
  }
  for (const item of items) {
    const closing = closingLineIndent(file, body, item);
    if (closing !== null) return closing;
  }
  return null;
}

const CLOSER = /^[ \t]*(?:fi|done|esac|[})])(?![A-Za-z0-9_])/;

/**
 * The indentation of the line that closes a compound item, when that line starts with its closing word
 * and is indented deeper than the RUN: a \`}\` or \`fi\` written at the RUN's own level (\`} > conf.ini\`) is
 * no indentation for a command to continue at, which would read as an instruction of its own.
 */
function closingLineIndent(file: ParsedDockerfile, body: RunBody, item: ListItem): string | null {
  if (item.kind === 'command' || item.kind === 'pipeline' || item.kind === 'function' || item.kind === 'other') return null;
  const end = fileEnd(body, item.end);
  const line = file.lines.lineOf(end - 1);
  if (line === file.lines.lineOf(fileStart(body, item.start))) return null;
  const text = file.text.slice(file.lines.startOf(line), file.lines.endOf(line));
  if (!CLOSER.test(text)) return null;
  const indent = file.lines.indentOf(end - 1);
  return indent.length > file.lines.indentOf(body.inst.span.start).length ? indent : null;
}

/**
 * The layout a RUN continuing this one takes (a merge, or a RUN written right after it that collapse-run
 * may merge): its operator style and the indent of a line that starts a command; null when it has no
 * such line (a one-line RUN, a package list continued over lines) or is not a shell RUN that parses.
 */
export function continuedLayout(file: ParsedDockerfile, inst: Instruction, body?: RunBody): RunContinuation | null {
  if (inst.keyword !== 'RUN' || inst.form !== 'shell' || inst.argsSpan === null) return null;
  const b = body ?? runBody(file, inst);
  if (!b.ok) return null;
  const indent = commandLineIndent(file, b);
  if (indent === null) return null;
  const lines = file.text.slice(inst.argsSpan.start, inst.argsSpan.end).split(/\r?\n/);
  const { lead, trail } = operatorLines(file, lines);
  return { leading: lead === trail ? null : lead > trail, indent, tight: tightOperators(file, lines) };
}

/**
 * As FileRunLayout, for one RUN; leading is null when as many of its lines start with && or || as end with one
 * (none: a RUN joined by `;`), tight when as many of its lines end with an operator against the escape as with a space.
 */
export interface RunContinuation {
  readonly leading: boolean | null;
  readonly indent: string;
  readonly tight: boolean | null;
}

/**
 * More of the lines start a command after a `;` (`  ; apk add …`) than end with one (`apt-get update; \`):
 * a line that holds only the `;` (docker-library's `\t; \` after a package list) ends one.
 */
function leadsWithSemicolon(file: ParsedDockerfile, lines: readonly string[]): boolean {
  const { trailingSemicolon: trailing } = escapePatterns(file.escape);
  const lead = lines.slice(1).filter((l) => /^[ \t]*;(?!;)[ \t]*[^ \t;]/.test(l) && !trailing.test(l)).length;
  const trail = lines.slice(0, -1).filter((l) => trailing.test(l)).length;
  return lead > trail;
}

/**
 * Whether more of these lines end with an operator written against the escape (`make &&\`, `set -eux;\`)
 * than with a blank before it (`make && \`); null when as many do (none: no line ends with an operator).
 */
function tightOperators(file: ParsedDockerfile, lines: readonly string[]): boolean | null {
  const { tight, spaced } = escapePatterns(file.escape);
  const t = lines.filter((l) => tight.test(l)).length;
  const s = lines.filter((l) => spaced.test(l)).length;
  return t === s ? null : t > s;
}

const tightByFile = new FileMemo<boolean>();

/**
 * Whether the file's RUNs, taken together, write the operator that ends a line against the escape (see
 * tightOperators). Once per parsed file: asked for every RUN a transform appends to, a walk over all of
 * them each time made a file of thousands of RUNs quadratic.
 */
function fileTightOperators(file: ParsedDockerfile): boolean {
  return tightByFile.of(file, readTightOperators);
}

function readTightOperators(file: ParsedDockerfile): boolean {
  const lines: string[] = [];
  for (const inst of file.instructions) {
    if (inst.keyword !== 'RUN' || inst.form !== 'shell' || inst.argsSpan === null) continue;
    const text = file.text.slice(inst.argsSpan.start, inst.argsSpan.end);
    if (inst.line === inst.endLine) lines.push(text);
    else lines.push(...text.split(/\r?\n/));
  }
  return tightOperators(file, lines) ?? false;
}

/** How many of a RUN's lines start with && or || (after the first), and how many end with one before the escape. */
function operatorLines(file: ParsedDockerfile, lines: readonly string[]): { readonly lead: number; readonly trail: number } {
  const { trailingOperator: trailingOp } = escapePatterns(file.escape);
  return {
    lead: lines.slice(1).filter((l) => /^[ \t]*(?:&&|\|\|)/.test(l)).length,
    trail: lines.slice(0, -1).filter((l) => trailingOp.test(l)).length,
  };
}

/**
 * The continuation style of the file's multi-line RUNs: leading or trailing
 * `&&` by majority (trailing when none says), and the indentation most of them
 * give a line that starts a command (else that of their argument lines, up to one
 * level deeper than the RUNs).
 */
export function fileRunLayout(file: ParsedDockerfile): FileRunLayout {
  let leading = 0;
  let trailing = 0;
  // Each with the style of its RUN: a leading RUN's indent is its operator's (` && make`), not a command's.
  const commandIndents: { readonly indent: string; readonly leading: boolean | null }[] = [];
  const otherIndents: string[] = [];
  const runIndents: string[] = [];
  for (const inst of file.instructions) {
    if (inst.keyword !== 'RUN' || inst.form !== 'shell' || inst.argsSpan === null) continue;
    runIndents.push(file.lines.indentOf(inst.span.start));
    if (inst.line === inst.endLine) continue;
    const lines = file.text.slice(inst.argsSpan.start, inst.argsSpan.end).split(/\r?\n/);
    if (lines.length < 2) continue;
    const { lead, trail } = operatorLines(file, lines);
    if (lead > trail) leading++;
    else if (trail > lead) trailing++;
    const body = runBody(file, inst);
    const indent = body.ok ? commandLineIndent(file, body) : null;
    if (indent !== null) commandIndents.push({ indent, leading: lead === trail ? null : lead > trail });
    else {
      const continuation = lines.slice(1).find((l) => !/^[ \t]*(#.*)?$/.test(l));
      if (continuation !== undefined) otherIndents.push(/^[ \t]*/.exec(continuation)![0]);
    }
  }
  const isLeading = leading > trailing;
  const sameStyle = commandIndents.filter((c) => c.leading !== !isLeading);
  const indents = (sameStyle.length > 0 ? sameStyle : commandIndents).map((c) => c.indent);
  // With no continued RUN to follow, one level deeper than the RUNs themselves: in a file that indents
  // each stage's instructions, a continuation line at the RUN's own column would read as an instruction.
  const own = mostCommon(runIndents);
  if (indents.length > 0) return { leading: isLeading, indent: mostCommon(indents), tight: fileTightOperators(file) };
  // Lines that continue a command's arguments (\`git clone \\\` then \`        -b master\`) go deeper than a command
  // starts: a command takes theirs only up to one level deeper than the RUN.
  const args = mostCommon(otherIndents);
  const level = own + (own.includes('\t') || args.includes('\t') ? '\t' : '    ');
  const indent = args === '' || args.length > level.length ? level : args;
  return { leading: isLeading, indent, tight: fileTightOperators(file) };
}

/** The most frequent value, the earliest on ties; '' for none. */
function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = '';
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}

/**
 * Replaces file [start, end) inside the instruction, as the engine allows it,
 * after checking that the body still parses.
 */
function checked(file: ParsedDockerfile, body: RunBody, start: number, end: number, replacement: string): EditResult {
  const inst = body.inst;
  const args = inst.argsSpan!;
  const comments = commentLines(file.text.slice(start, end));
  if (comments.length > 0 && replacement !== '') return refuse('comment-inside', 'the edit would cover comment lines inside the RUN');
  // A removal keeps the comment lines it spans: they stay, joined by a continuation.
  const text = comments.length === 0 ? replacement : keptComments(file, comments, file.text.slice(start, end));
  const newArgs = file.text.slice(args.start, start) + text + file.text.slice(end, args.end);
  const script = logicalText(newArgs, 0, newArgs.length, file.escape).text;
  if (script.trim() === '' || !isValidShell(script)) return refuse('breaks-shell', 'the edited body would not be valid shell');
  if (start === end || !file.text.slice(start, end).includes('\n')) return { ok: true, edits: [{ start, end, text }] };
  const { span } = inst;
  const whole = file.text.slice(span.start, start) + text + file.text.slice(end, span.end);
  return { ok: true, edits: [{ start: span.start, end: span.end, text: whole }] };
}

/** The whole lines of `slice` that are comments (its first and last piece may be partial lines). */
function commentLines(slice: string): string[] {
  return slice
    .split('\n')
    .slice(1, -1)
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => /^[ \t]*#/.test(line));
}

/** What replaces a removed range that held comment lines: ` \`, the lines as written, the next line's indent. */
function keptComments(file: ParsedDockerfile, comments: readonly string[], removed: string): string {
  const indent = /^[ \t]*/.exec(removed.slice(removed.lastIndexOf('\n') + 1))![0];
  return ` ${file.escape}${file.eol}${comments.map((c) => `${c}${file.eol}`).join('')}${indent}`;
}

function refuse(code: string, reason: string): Refusal {
  return { ok: false, code, reason };
}
