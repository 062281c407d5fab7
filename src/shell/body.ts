import { posix } from 'node:path';
import { documentLines, withoutHeredocWords } from '../dockerfile/heredocs.js';
import { logicalText } from '../dockerfile/logical.js';
import { fromParents, isWindowsStage, shellAt, windowsStageWhy, type EffectiveShell } from '../dockerfile/stages.js';
import type { Instruction, ParsedDockerfile } from '../dockerfile/types.js';
import { SHELL_PROGRAMS, shellInvocation, shellOperand } from './options.js';
import { shebangOf } from './shebang.js';
import { parseScript } from './parse.js';
import type { ShellScript, ShellSyntaxError } from './types.js';
import { FileMemo, Memo } from '../memo.js';

export type { EffectiveShell } from '../dockerfile/stages.js';

/** A shell-form RUN (or CMD/ENTRYPOINT) body, parsed, with the way back to file offsets. */
export interface RunBody {
  readonly ok: true;
  readonly inst: Instruction;
  /** The body as `/bin/sh -c` receives it: continuations joined, comment lines dropped. */
  readonly script: string;
  /** The file offset of script[i]; for `i === script.length`, the span's end. */
  offsetOf(i: number): number;
  readonly shell: EffectiveShell;
  readonly parsed: ShellScript;
}

export type BodyRefusalCode =
  | 'not-shell-instruction'
  | 'no-body'
  | 'exec-form'
  | 'heredoc'
  | 'non-posix-shell'
  | 'unparsable-shell';

/** What each body refusal means, for transforms' `meta.refusals`. */
export const BODY_REFUSALS: Readonly<Record<Exclude<BodyRefusalCode, 'not-shell-instruction'>, string>> = {
  'no-body': 'the instruction has no command',
  'exec-form': 'an exec-form instruction runs no shell, so its commands are not rewritten',
  heredoc: 'an instruction with a heredoc is not rewritten',
  'non-posix-shell': 'the stage runs a shell that is not POSIX (a SHELL such as PowerShell, a Windows base image, a backtick escape)',
  'unparsable-shell': 'the body is not shell syntax the parser reads',
};

export interface BodyRefusal {
  readonly ok: false;
  readonly code: BodyRefusalCode;
  readonly reason: string;
  /** File offset to report the refusal at. */
  readonly at: number;
}

const SHELL_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT']);

/**
 * Results per parsed file. A ParsedDockerfile is immutable and each fixpoint
 * pass parses afresh, so entries can neither go stale nor outlive their file;
 * transforms in the same pass share one parse of each body.
 */
const cache = new FileMemo<(RunBody | BodyRefusal | undefined)[]>();

/** The parsed shell body of `inst`, or why it cannot be reasoned about as POSIX shell. */
export function runBody(file: ParsedDockerfile, inst: Instruction): RunBody | BodyRefusal {
  let perFile = cache.get(file);
  // By instruction index: a file of 70,000 RUNs fills a Map of them in every pass.
  if (perFile === undefined) cache.set(file, (perFile = new Array(file.instructions.length)));
  return (perFile[inst.index] ??= readBody(file, inst));
}

function readBody(file: ParsedDockerfile, inst: Instruction): RunBody | BodyRefusal {
  const at = inst.span.start;
  const refuse = (code: BodyRefusalCode, reason: string, where = at): BodyRefusal => ({ ok: false, code, reason, at: where });
  if (!SHELL_KEYWORDS.has(inst.keyword)) return refuse('not-shell-instruction', `${inst.keyword} has no shell body`);
  if (inst.form === 'exec') {
    // `["/bin/bash", "-c", "apt-get update && …"]` does run a shell: its script is a JSON string, which is not edited.
    const argv = inst.execArgs ?? [];
    if (execShellScript(argv) !== undefined) return refuse('exec-form', `exec-form ${inst.keyword} runs ${argv[0]} with its script in a JSON string, which is not rewritten`);
    return refuse('exec-form', `exec-form ${inst.keyword} runs no shell`);
  }
  if (inst.form === 'heredoc') return refuse('heredoc', `${inst.keyword} with a heredoc is not rewritten`);
  if (inst.argsSpan === null) return refuse('no-body', `${inst.keyword} has no command`);
  const shell = shellAt(file, inst);
  if (!shell.posix && shell.setAt !== null) return refuse('non-posix-shell', `SHELL ${JSON.stringify(shell.argv)} is not a POSIX shell`);
  if (!effectiveShell(file, inst).posix) return refuse('non-posix-shell', `${windowsStageWhy(file, file.stages[inst.stage]!)}: its RUNs run in cmd or PowerShell, not a POSIX shell`);
  const logical = logicalText(file.text, inst.argsSpan.start, inst.argsSpan.end, file.escape);
  const script = logical.text;
  const parsed = parseScript(script);
  if (!parsed.ok) return refuse('unparsable-shell', `shell syntax: ${parsed.message}`, logical.offsetOf(parsed.at));
  return { ok: true, inst, script, offsetOf: logical.offsetOf, shell, parsed };
}

/**
 * The shell that runs `inst`'s shell form. A Windows stage (a Windows base
 * image, or a backtick escape directive) counts as non-POSIX even under a
 * POSIX SHELL: its paths, quoting and tools are not what our recognisers know.
 */
export function effectiveShell(file: ParsedDockerfile, inst: Instruction): EffectiveShell {
  const shell = shellAt(file, inst);
  const stage = file.stages[inst.stage];
  if (shell.posix && stage !== undefined && isWindowsStage(file, stage)) return { ...shell, posix: false };
  return shell;
}

/**
 * The scripts a RUN runs when the shell layer will not edit it (exec form, a
 * heredoc, a non-POSIX shell), read as well as text allows, so a transform can
 * say what it would have done there:
 * - exec form: the script of `["sh", "-c", script]`, else the argv quoted as one command;
 * - heredoc: the command line without its `<<EOF` markers, or, when that is only
 *   a shell (`RUN <<EOF`, `RUN bash <<EOF`), the document (unless a `#!` names
 *   another interpreter);
 * - non-POSIX shell or a body the parser rejects: the logical line.
 */
export function unEditedScripts(file: ParsedDockerfile, inst: Instruction, code: BodyRefusalCode): string[] {
  if (code === 'exec-form') {
    const argv = inst.execArgs ?? [];
    const script = execShellScript(argv);
    return [script ?? argv.map(shellQuote).join(' ')];
  }
  if (inst.argsSpan === null) return [];
  if (code === 'non-posix-shell' || code === 'unparsable-shell') return [logicalText(file.text, inst.argsSpan.start, inst.argsSpan.end, file.escape).text];
  if (code !== 'heredoc') return [];
  const doc = heredocRun(file, inst);
  if (doc === null) return [];
  if (doc.shell === null) return [doc.command];
  // A bare `RUN <<EOF` runs a document with a `#!` as a file; `RUN bash <<EOF` reads it as a comment.
  const shebang = doc.shell === '' ? shebangOf(doc.content) : null;
  if (shebang !== null && !SHEBANG_SHELL.test(shebang.program)) return [];
  return [doc.content];
}

/**
 * The shell program a RUN names to read the script \`unEditedScripts\` gives, where the RUN
 * does not leave it to its SHELL: \`["/bin/bash", "-c", "…"]\`, \`RUN <<EOF bash\`, or a heredoc
 * whose first line is \`#!/bin/bash\` (BuildKit runs such a document as a file). Null when the
 * SHELL runs it, or when the RUN runs no script of its own. The image must have that program
 * (\`shell\`: a path, or a name looked up in PATH); \`written\` is how the RUN names it.
 */
export function unEditedInterpreter(file: ParsedDockerfile, inst: Instruction, code: BodyRefusalCode): { shell: string; written: string } | null {
  if (code === 'exec-form') {
    const argv = inst.execArgs ?? [];
    return execShellScript(argv) === undefined ? null : { shell: argv[0]!, written: argv[0]! };
  }
  if (code !== 'heredoc') return null;
  const doc = heredocRun(file, inst);
  if (doc === null || doc.shell === null) return null;
  if (doc.shell !== '') return { shell: doc.shell, written: doc.shell };
  const shebang = shebangOf(doc.content);
  if (shebang === null || !SHEBANG_SHELL.test(shebang.program)) return null;
  return { shell: posix.basename(shebang.path) === 'env' ? shebang.program : shebang.path, written: `#!${shebang.line}` };
}

/** The shells a \`#!\` may name for a document read as shell: \`#!/bin/bash\`, \`#!/usr/bin/env -S bash -e\`. */
const SHEBANG_SHELL = /^(?:ba|da|a)?sh$/;

/** The script of \`["sh", "-c", script, …]\`, when the argv is a shell given one. */
function execShellScript(argv: readonly string[]): string | undefined {
  const operand = shellOperand(argv);
  return SHELL_PROGRAMS.has(posix.basename(argv[0] ?? '')) && operand.command && operand.at !== null ? argv[operand.at] : undefined;
}

/**
 * A heredoc RUN's first line without the words that open its heredocs (\`command\`), and its first
 * document. \`shell\` is the program of a command line that is only a shell reading the document
 * (\`RUN <<EOF bash\`, \`RUN bash -e <<EOF\`), '' for a bare \`RUN <<EOF\`, which BuildKit runs as the
 * script, null for any other command: one that reads the document on another descriptor
 * (\`RUN 3<<EOF bash\`), or a line of several heredocs and no command, which runs nothing.
 */
export function heredocRun(file: ParsedDockerfile, inst: Instruction): { command: string; shell: string | null; content: string } | null {
  const first = inst.heredocs[0];
  if (first === undefined || inst.argsSpan === null) return null;
  const command = withoutHeredocWords(file, inst).trim();
  const shell = inst.heredocs.length !== 1 ? null : command === '' ? '' : first.fd === 0 ? stdinShell(command) : null;
  return { command, shell, content: documentLines(file, first).join('\n') };
}

/**
 * The shell of a heredoc RUN's command line (its markers taken out) that reads the document from
 * standard input: \`bash\`, \`bash -eo pipefail\`, \`sh -s arg\`; null for any other line (\`bash -c …\`,
 * \`bash setup.sh\`, words with quotes or variables, which only the parser reads).
 */
function stdinShell(command: string): string | null {
  const argv = command.split(/[ \t]+/);
  if (!HEREDOC_SHELL.test(argv[0]!) || !argv.every((w) => /^[\w./+=-]+$/.test(w))) return null;
  return shellOperand(argv).stdin ? argv[0]! : null;
}

const HEREDOC_SHELL = /^(?:\S*\/)?(?:sh|bash|dash|ash)$/;

/** A script of `unEditedScripts`, with what the parser makes of it. */
export interface UnEditedScript {
  readonly text: string;
  readonly parsed: ShellScript | ShellSyntaxError;
}

const unEdited = new Memo<Instruction, readonly UnEditedScript[]>();

/**
 * `unEditedScripts`, each parsed, once per instruction: several transforms and analyses read
 * them, and a file of thousands of heredocs outruns the parse cache between one and the next.
 */
export function unEditedParsed(file: ParsedDockerfile, inst: Instruction, code: BodyRefusalCode): readonly UnEditedScript[] {
  let scripts = unEdited.get(inst);
  if (scripts === undefined) unEdited.set(inst, (scripts = unEditedScripts(file, inst, code).map((text) => ({ text, parsed: parseScript(text) }))));
  return scripts;
}

/** Quotes a word for sh only when it needs it. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The shell that runs `inst` reads startup files a Dockerfile can change: a login or interactive
 * SHELL (\`-l\`, \`--login\`, \`-i\`), or bash with BASH_ENV set by an ENV before \`inst\` in its stage
 * or what it builds on. With \`atStart\` (what runs when the container starts: CMD, ENTRYPOINT),
 * an ENV anywhere there counts: the image keeps it.
 */
export function readsStartupFiles(file: ParsedDockerfile, inst: Instruction, atStart = false): boolean {
  const argv = shellAt(file, inst).argv;
  if (shellInvocation(argv).startupFiles) return true;
  if (!/(?:^|\/)bash$/.test(argv[0] ?? '')) return false;
  const first = firstBashEnv(file)[inst.stage]!;
  return atStart ? first < Infinity : first < inst.index;
}

const bashEnvs = new FileMemo<readonly number[]>();

/**
 * Per stage, the instruction index of the first ENV that names BASH_ENV in the stage or the
 * stages it builds on (Infinity when none does): asked for every RUN, a walk of the lineage
 * each time grew with the square of the file.
 */
function firstBashEnv(file: ParsedDockerfile): readonly number[] {
  let first = bashEnvs.get(file);
  if (first === undefined) {
    first = fromParents<number>(file, (s, above) => {
      const own = s.instructions.find((i) => i.keyword === 'ENV' && /\bBASH_ENV\b/.test(file.text.slice(i.span.start, i.span.end)));
      return Math.min(own?.index ?? Infinity, above ?? Infinity);
    });
    bashEnvs.set(file, first);
  }
  return first;
}
