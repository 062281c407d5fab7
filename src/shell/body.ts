import { logicalText } from '../dockerfile/logical.js';
import { isWindowsStage, shellAt, type EffectiveShell } from '../dockerfile/stages.js';
import type { Instruction, ParsedDockerfile } from '../dockerfile/types.js';
import { parseScript } from './parse.js';
import type { ShellScript } from './types.js';

export type { EffectiveShell } from '../dockerfile/stages.js';

/** A shell-form RUN (or CMD/ENTRYPOINT) body, parsed, with the way back to file offsets. */
export interface RunBody {
  readonly ok: true;
  readonly inst: Instruction;
  /** The body as `/bin/sh -c` receives it: continuations joined, comment lines dropped. */
  readonly script: string;
  /** offsets[i] is the file offset of script[i]; offsets[script.length] is the span's end. */
  readonly offsets: readonly number[];
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
const cache = new WeakMap<ParsedDockerfile, Map<number, RunBody | BodyRefusal>>();

/** The parsed shell body of `inst`, or why it cannot be reasoned about as POSIX shell. */
export function runBody(file: ParsedDockerfile, inst: Instruction): RunBody | BodyRefusal {
  let perFile = cache.get(file);
  if (perFile === undefined) cache.set(file, (perFile = new Map()));
  let result = perFile.get(inst.index);
  if (result === undefined) perFile.set(inst.index, (result = readBody(file, inst)));
  return result;
}

function readBody(file: ParsedDockerfile, inst: Instruction): RunBody | BodyRefusal {
  const at = inst.span.start;
  const refuse = (code: BodyRefusalCode, reason: string, where = at): BodyRefusal => ({ ok: false, code, reason, at: where });
  if (!SHELL_KEYWORDS.has(inst.keyword)) return refuse('not-shell-instruction', `${inst.keyword} has no shell body`);
  if (inst.form === 'exec') return refuse('exec-form', `exec-form ${inst.keyword} runs no shell`);
  if (inst.form === 'heredoc') return refuse('heredoc', `${inst.keyword} with a heredoc is not rewritten`);
  if (inst.argsSpan === null) return refuse('no-body', `${inst.keyword} has no command`);
  const shell = shellAt(file, inst);
  if (!shell.posix && shell.setAt !== null) return refuse('non-posix-shell', `SHELL ${JSON.stringify(shell.argv)} is not a POSIX shell`);
  if (!effectiveShell(file, inst).posix) return refuse('non-posix-shell', 'Windows stage (base image or backtick escape directive)');
  const { text: script, offsets } = logicalText(file.text, inst.argsSpan.start, inst.argsSpan.end, file.escape);
  const parsed = parseScript(script);
  if (!parsed.ok) return refuse('unparsable-shell', `shell syntax: ${parsed.message}`, offsets[parsed.at] ?? at);
  return { ok: true, inst, script, offsets, shell, parsed };
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
