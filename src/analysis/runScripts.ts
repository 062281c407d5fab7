/**
 * The shell scripts a stage's RUN instructions run, parsed where the shell layer
 * can read them (shell form, heredocs, `sh -c` in exec form), so analyses can
 * look for commands (`useradd`, `go build`) without caring how a RUN is written.
 */
import { PerStage } from '../dockerfile/stages.js';
import type { Instruction, ParsedDockerfile, Stage } from '../dockerfile/types.js';
import { grammar, splitArgs } from '../shell/argv.js';
import { programWords, runBody, unEditedParsed, type ShellScript, type ShellWord, type SimpleCommand } from '../shell/index.js';

export interface RunScript {
  readonly inst: Instruction;
  /** The script as the shell gets it (a heredoc's document, an exec-form `sh -c` argument). */
  readonly text: string;
  /** Null when it is not shell syntax the parser reads (a PowerShell stage, say). */
  readonly parsed: ShellScript | null;
  /** File offset of each script character, for a shell-form RUN the shell layer edits; null for the others. */
  readonly offsetOf: ((i: number) => number) | null;
}

/**
 * Every script of the stage's RUNs, in order; read once per stage of a parsed file, as
 * several analyses ask for them (a heredoc is parsed anew each time it is read, and the
 * shared parse cache keeps only the most recent scripts).
 */
export function runScripts(file: ParsedDockerfile, stage: Stage): readonly RunScript[] {
  return scriptsOf.of(file, stage);
}

const scriptsOf = new PerStage((file, stage) => {
  const out: RunScript[] = [];
  for (const inst of stage.instructions) {
    if (inst.keyword !== 'RUN') continue;
    const body = runBody(file, inst);
    if (body.ok) {
      out.push({ inst, text: body.script, parsed: body.parsed, offsetOf: body.offsetOf });
      continue;
    }
    if (body.code === 'no-body' || body.code === 'not-shell-instruction') continue;
    for (const { text, parsed } of unEditedParsed(file, inst, body.code)) {
      out.push({ inst, text, parsed: body.code !== 'non-posix-shell' && parsed.ok ? parsed : null, offsetOf: null });
    }
  }
  return out;
});

/** The scripts one RUN runs (none for another instruction): asked for RUN by RUN, a filter of the stage's list each time was quadratic. */
export function runScriptsOf(file: ParsedDockerfile, inst: Instruction): readonly RunScript[] {
  const stage = file.stages[inst.stage];
  return stage === undefined ? NO_SCRIPTS : (scriptsByRun.of(file, stage).get(inst) ?? NO_SCRIPTS);
}

const NO_SCRIPTS: readonly RunScript[] = [];

const scriptsByRun = new PerStage((file, stage) => {
  const byRun = new Map<Instruction, RunScript[]>();
  for (const run of runScripts(file, stage)) {
    const list = byRun.get(run.inst);
    if (list === undefined) byRun.set(run.inst, [run]);
    else list.push(run);
  }
  return byRun;
});

/** The simple commands of the scripts whose program (by base name) is one of `names`. */
export function commandsNamed(scripts: readonly RunScript[], ...names: string[]): { run: RunScript; command: SimpleCommand }[] {
  const out: { run: RunScript; command: SimpleCommand }[] = [];
  for (const run of scripts) {
    for (const command of run.parsed?.commands ?? []) {
      const name = programOf(command);
      if (name !== null && names.includes(name)) out.push({ run, command });
    }
  }
  return out;
}

/** The program a command runs, seen through `sudo`, `env`, `exec`, busybox before an applet and assignments, by base name. */
export function programOf(command: SimpleCommand): string | null {
  const words = programWords(command);
  const first = words[0]?.value;
  return first == null ? null : first.slice(first.lastIndexOf('/') + 1);
}

/** mkdir's options that take the next word. */
export const MKDIR_GRAMMAR = grammar(['-m', '--mode', '--context'], true);

/** The folders a `mkdir` command names, as written (`mkdir -p -m 700 /data/a b` → `/data/a`, `b`). */
export function mkdirOperands(command: SimpleCommand): readonly ShellWord[] {
  return splitArgs(programWords(command).slice(1), MKDIR_GRAMMAR).positionals;
}
