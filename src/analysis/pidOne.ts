/**
 * What runs as PID 1 in the final image, and whether it reaps orphaned
 * processes and passes signals on. PID 1 gets no default signal handling from
 * the kernel, and adopts every orphan: a shell or a wrapper there ignores
 * `docker stop`'s SIGTERM (the container is killed after the timeout) and lets
 * zombies pile up. A program started directly is left to itself.
 */
import * as path from 'node:path';
import { logicalText } from '../dockerfile/logical.js';
import { commandInstructions, rootStage, shellAt, stageNamed } from '../dockerfile/stages.js';
import { resolveBase } from '../dockerfile/variables.js';
import type { Instruction, ParsedDockerfile, Stage } from '../dockerfile/types.js';
import type { BuildContext } from '../engine/context.js';
import { baseEntrypoint, entrypointExecsItsCommand, INIT_PROGRAMS } from '../knowledge/index.js';
import { binSh } from './binSh.js';
import { caseAt, functionBodies, parseScript, shebangOf, SHELL_PROGRAMS, shellOperand, statementsEndingInExec, statementsRunningOnWithoutExec, type ShellScript, type ShellWord, type SimpleCommand } from '../shell/index.js';
import { DEFAULT_PATH } from './builds/plan.js';
import { contextCopiesNamed, programContextPath, programOrigin } from './copiedFiles.js';
import { buildArgumentAtStart, buildArgumentWhy, wordAtStart } from './envWords.js';
import { knownBaseImage } from './stageTools.js';
import { originInUnknownWorkdir, unknownWorkdirWhy, workdirAtEnd } from './paths.js';

/** One part of the command the container starts (ENTRYPOINT or CMD). */
export interface CommandPart {
  readonly argv: readonly string[];
  /** The instruction that sets it; null when it comes from the base image. */
  readonly inst: Instruction | null;
  /** For a shell-form instruction: the script the shell runs. */
  readonly script: string | null;
}

export interface ContainerCommand {
  /** The ENTRYPOINT, or null when the base image's is not known (and the Dockerfile sets none). */
  readonly entrypoint: CommandPart | null;
  /** The CMD, or null when the base image's is not known (and the Dockerfile sets none). */
  readonly cmd: CommandPart | null;
  /** The base image's own ENTRYPOINT ends in `exec "$@"`, so the CMD becomes the program (knowledge base). */
  readonly entrypointRunsCommand: boolean;
}

/** The ENTRYPOINT and CMD of the final stage (or of `final`, an image the project ships), or null when the Dockerfile sets neither (the base image decides). */
export function containerCommand(file: ParsedDockerfile, final: Stage | undefined = file.stages.at(-1)): ContainerCommand | null {
  if (final === undefined) return null;
  const { entrypoint, cmd } = commandInstructions(file, final);
  if (entrypoint === null && cmd === null) return null;
  const root = rootStage(file, final);
  const image = knownBaseImage(file, final);
  const base =
    root.base.kind === 'scratch'
      ? { entrypoint: [], cmd: [], runs: false }
      : image === null
        ? null
        : { entrypoint: image.facts.entrypoint ?? [], cmd: image.facts.cmd ?? [], runs: image.facts.entrypointRunsCommand };
  const fromBase = (argv: readonly string[] | undefined): CommandPart | null => (argv === undefined ? null : { argv, inst: null, script: null });
  return {
    entrypoint: entrypoint !== null ? part(file, entrypoint) : fromBase(base?.entrypoint),
    cmd: cmd !== null ? part(file, cmd) : entrypoint !== null ? { argv: [], inst: null, script: null } : fromBase(base?.cmd),
    entrypointRunsCommand: entrypoint === null && base !== null && base.runs,
  };
}

function part(file: ParsedDockerfile, inst: Instruction): CommandPart {
  if (inst.form === 'exec') return { argv: inst.execArgs ?? [], inst, script: null };
  const script = inst.argsSpan === null ? '' : logicalText(file.text, inst.argsSpan.start, inst.argsSpan.end, file.escape).text.trim();
  return { argv: [...shellAt(file, inst).argv, script], inst, script };
}

/** The argv the container runs: the ENTRYPOINT with the CMD as its arguments (a shell-form ENTRYPOINT ignores the CMD). */
export function startArgv(command: ContainerCommand): readonly string[] | null {
  const { entrypoint, cmd } = command;
  if (entrypoint?.script != null) return entrypoint.argv;
  if (cmd === null) return null;
  if (command.entrypointRunsCommand) return cmd.argv;
  return entrypoint === null ? null : [...entrypoint.argv, ...cmd.argv];
}

/**
 * - `fine`: the program PID 1 runs gets signals itself (or nothing is known against it);
 * - `init`: an init becomes PID 1;
 * - `needs`: a shell or wrapper stays PID 1;
 * - `unknown`: a script decides, and it cannot be read;
 * - `some-paths`: a script decides, was read, and hands PID 1 over with exec on some paths only:
 *   which one the container takes its arguments and environment choose, which are not followed.
 */
export type Verdict =
  | { readonly kind: 'fine' }
  | { readonly kind: 'init'; readonly program: string }
  /** \`relay\`: what gets the signals an init in front would pass on (see Relay). */
  | { readonly kind: 'needs'; readonly why: string; readonly relay: Relay }
  | { readonly kind: 'unknown'; readonly why: string }
  | { readonly kind: 'some-paths'; readonly why: string };

/**
 * What stands between an init put in front of the command and the program the container is for:
 * nothing (\`program\`: the script hands over with exec, and the program gets the signals); a shell
 * that stays, at least where /bin/sh is dash (\`shell\`), which ends on SIGTERM without passing it on;
 * or a package manager (\`wrapper\`), which passes it on to the shell it runs the script with.
 */
export type Relay = 'program' | 'shell' | 'wrapper';

/** Where scripts the command runs are looked up. */
export interface Lookup {
  readonly file: ParsedDockerfile;
  readonly stage: Stage;
  readonly ctx: BuildContext | null;
  /**
   * The command starts with the environment the Dockerfile's ENVs give: no entrypoint of the base image runs before
   * it, which may set variables of its own. Then the variable that names the program of its own shell's \`-c\` string
   * (\`ENTRYPOINT $APP\` under \`ENV APP=/usr/local/bin/server\`) has the ENV's value.
   */
  readonly ownEnvironment?: boolean;
}

/** `"$@"` in a script: the arguments it was given. */
const ALL_ARGS = '\u0000"$@"';
type Arg = string | null;

/**
 * Package managers that run a script as their child through \`sh -c\` (npm's @npmcli/run-script, npx from
 * npm 7 on, yarn 1's and pnpm's lifecycle code), with what each does with the SIGTERM \`docker stop\` sends.
 * npm has passed SIGTERM on to its child since 3.8.1 (npm/npm#10868), SIGINT too since 7
 * (npm/run-script#9), but for 9.6.7 to 10.2 (npm/cli#6684, fixed in 10.3.0). The child is the
 * shell, though: dash (Debian's and Ubuntu's /bin/sh) runs even a one-command script as its own
 * child and does not pass the signal on (see binSh). And as PID 1 none of them reaps orphans.
 */
export const WRAPPERS: Readonly<Record<string, { readonly runs: string; readonly signals: string }>> = {
  npm: { runs: 'the script through `sh -c`', signals: 'passes SIGTERM on to that shell (npm 3.8.1 and later, but not 9.6.7 to 10.2)' },
  npx: { runs: 'the program through `sh -c`', signals: 'passes SIGTERM on to that shell (npm 7 and later, as npm does)' },
  // Yarn 2 and later run a script with a shell of their own, written in JavaScript, in yarn's process.
  yarn: { runs: 'the script through `sh -c` (yarn 1; later versions through a shell of their own)', signals: 'passes SIGTERM on to it, then (yarn 1) exits at once without waiting for it, which ends the container' },
  pnpm: { runs: 'the script through `sh -c`', signals: 'passes SIGTERM on to that shell or not, by its version' },
};

/** Why a package manager as PID 1 needs an init, as the stage's /bin/sh runs the script it starts. */
function wrapperWhy(name: string, lookup: Lookup): string {
  const { runs, signals } = WRAPPERS[name]!;
  const head = `${name} runs ${runs} as its child and ${signals}`;
  const reaps = `${name}, as PID 1, does not reap orphaned processes`;
  const sh = execsLastCommand('sh', lookup) === true ? binSh(lookup.file, lookup.stage) : null;
  if (sh !== null && sh !== 'dash') {
    return `${head}; ${sh === 'ash' ? 'busybox ash' : sh}, /bin/sh here, replaces itself with a script of one command, so that program gets the signal, but one of several commands runs under a shell that does not pass it on; and ${reaps}`;
  }
  const lost = 'runs the program as its own child and does not pass the signal on, so the program never gets it and is killed when the container stops';
  if (execsLastCommand('sh', lookup) === false) return `${head}; but dash, /bin/sh here, ${lost}; and ${reaps}`;
  return `${head}; where /bin/sh is dash (Debian, Ubuntu), that shell ${lost}; and ${reaps}`;
}

/** Programs that run the rest of their arguments with exec, after a user argument. */
const EXEC_AS_USER = new Set(['gosu', 'su-exec']);

const STAYS = 'does not pass signals on (`docker stop` waits out its timeout, then kills everything) nor reap orphaned processes';

/** The program an `exec` hands over to, as a reason names it: `"$@"` is the command the script was given. */
function handedTo(target: readonly Arg[], args: readonly Arg[]): string {
  const first = target[0];
  if (first !== ALL_ARGS) return first ?? 'its program';
  const program = args[0];
  return typeof program === 'string' && program !== ALL_ARGS ? `its command (\`exec "$@"\`: ${program})` : 'its command (`exec "$@"`)';
}

/** Whether the process the container starts with `argv` reaps children and passes signals on. */
export function judge(argv: readonly Arg[], lookup: Lookup): Verdict {
  return judgeArgv(argv, [], lookup, 0);
}

function judgeArgv(argv: readonly Arg[], args: readonly Arg[], lookup: Lookup, depth: number): Verdict {
  const expanded = argv.flatMap((a) => (a === ALL_ARGS ? args : [a]));
  const program = expanded[0];
  if (program === undefined || program === null || depth > 4) return { kind: 'fine' };
  const name = path.posix.basename(program);
  if (Object.hasOwn(INIT_PROGRAMS, name)) return { kind: 'init', program: name };
  if (EXEC_AS_USER.has(name)) return judgeArgv(expanded.slice(2), [], lookup, depth + 1);
  if (name === 'env') {
    let i = 1;
    while (i < expanded.length && /^-|^[A-Za-z_][A-Za-z0-9_]*=/.test(expanded[i] ?? '-')) i++;
    return judgeArgv(expanded.slice(i), [], lookup, depth + 1);
  }
  if (SHELL_PROGRAMS.has(name)) return judgeShell(expanded, lookup, depth);
  if (Object.hasOwn(WRAPPERS, name)) return { kind: 'needs', why: wrapperWhy(name, lookup), relay: 'wrapper' };
  // `exec docker-entrypoint.sh "$@"` at the end of a wrapper: the base image's own entrypoint, which runs its arguments.
  if (baseEntrypointRuns(program, lookup)) return judgeArgv(expanded.slice(1), [], lookup, depth + 1);
  if (name.endsWith('.sh')) return judgeFile(program, expanded.slice(1), lookup, depth);
  // A program without the .sh suffix may still be a shell script of the build context: one whose `#!` names a shell.
  const text = readScript(program, lookup);
  if (typeof text === 'string' && shebangOf(text) !== null && isShellScript(text)) return judgeFile(program, expanded.slice(1), lookup, depth);
  // Without a `#!` line the kernel starts no interpreter for it: what it is, and what runs it, is not known.
  if (typeof text === 'string' && shebangOf(text) === null && !text.startsWith('\u007fELF') && looksLikeText(text)) {
    return { kind: 'unknown', why: `${program} is a file of the build context without a \`#!\` line, so it is not known to be a shell script (the kernel starts no shell for it), nor whether it hands PID 1 over with exec` };
  }
  return { kind: 'fine' };
}

/** `sh -c 'script' $0 args…`, `bash -eo pipefail script.sh args…`, or an interactive shell. */
function judgeShell(argv: readonly Arg[], lookup: Lookup, depth: number): Verdict {
  const { command, at } = shellOperand(argv.map((a) => (a === ALL_ARGS ? null : a)));
  // No operand: an interactive shell (a person is at the prompt, not a service), or one not known.
  const operand = at === null ? null : argv[at];
  if (operand === null || operand === undefined || operand === ALL_ARGS) return { kind: 'fine' };
  if (command) return judgeScript(operand, { shell: argv[0] ?? 'sh' }, argv.slice(at! + 2), `\`${short(operand)}\``, lookup, depth);
  // A shell opens its script operand as a path, from the working folder (bash searches PATH only
  // when it is not there): `bash start.sh` reads ./start.sh, where a program name is looked up in PATH.
  return judgeFile(operand, argv.slice(at! + 1), lookup, depth, operand.includes('/') ? operand : `./${operand}`);
}

/**
 * The program is the base image's own entrypoint (by its path, or by its name on PATH), which the
 * knowledge base says ends in `exec "$@"`, and no COPY or ADD of the Dockerfile puts another file there.
 */
function baseEntrypointRuns(program: string, lookup: Lookup): boolean {
  const image = knownBaseImage(lookup.file, lookup.stage);
  const own = image?.facts.entrypoint?.[0];
  if (image === null || !entrypointExecsItsCommand(image.facts) || own === undefined) return false;
  return samePlace(program, own) && programOrigin(lookup.file, lookup.stage, lookup.ctx, program).kind === 'not-copied';
}

/** Two ways to name a program are the same file: equal paths, or a name and a path in a folder of PATH (where the name is found). */
function samePlace(a: string, b: string): boolean {
  if (a.includes('/') && b.includes('/')) return path.posix.normalize(a) === path.posix.normalize(b);
  const named = a.includes('/') ? a : b.includes('/') ? b : null;
  return path.posix.basename(a) === path.posix.basename(b) && (named === null || DEFAULT_PATH.includes(path.posix.dirname(path.posix.normalize(named))));
}

/** Judges the script at `readAs` (by default the program path itself), named `program` in what it says. */
function judgeFile(program: string, args: readonly Arg[], lookup: Lookup, depth: number, readAs = program): Verdict {
  const text = readScript(readAs, lookup, program);
  if (typeof text !== 'string') return { kind: 'unknown', why: text.why };
  if (!isShellScript(text)) return { kind: 'fine' };
  return judgeScript(text, 'file', args, program, lookup, depth);
}

/** Text, not a program's binary: no NUL in its first kilobytes. */
function looksLikeText(text: string): boolean {
  return !text.slice(0, 8000).includes('\u0000');
}

function isShellScript(text: string): boolean {
  const shebang = shebangOf(text);
  if (shebang === null) return !text.startsWith('\u007fELF');
  return SHELL_PROGRAMS.has(shebang.program);
}

/** The script a program path names, read from the build context through the COPY that put it there. */
function readScript(where: string, lookup: Lookup, program = where): string | { why: string } {
  const { file, stage, ctx } = lookup;
  if (ctx === null) return { why: `${program} is a script, and there is no build context to read it from` };
  const rel = programContextPath(file, stage, ctx, where, true);
  const text = rel === null ? null : ctx.read(rel);
  if (text !== null) return text;
  // Copied, but from what cannot be read here (another stage, a file the context lacks): say which.
  const origin = programOrigin(file, stage, ctx, where, true);
  if (origin.kind === 'inline') return origin.text;
  if (origin.kind === 'unknown') {
    return { why: `${program} is a script that cannot be read (${origin.why}), so whether it hands PID 1 over with exec is not known` };
  }
  // `./start.sh` under `WORKDIR $APP_HOME` (a build argument): where it is cannot be known; but without a WORKDIR on a
  // base image whose own is not known, a COPY to a relative destination put it in that same folder.
  if (where.includes('/') && !where.startsWith('/') && workdirAtEnd(file, stage) === null) {
    const same = originInUnknownWorkdir(file, stage, path.posix.normalize(where), ctx);
    const sameText = same === null ? null : ctx.read(same.path);
    if (sameText !== null) return sameText;
    return { why: `${program} is looked up from the working folder, ${unknownWorkdirWhy(file, stage.instructions.at(-1) ?? stage.from)}, so whether it hands PID 1 over with exec is not known` };
  }
  // `COPY start.sh /tmp/` then `RUN mv /tmp/start.sh /usr/bin/`: what a RUN moves is not followed.
  const elsewhere = contextCopiesNamed(file, stage, ctx, path.posix.basename(where))[0];
  if (elsewhere !== undefined) {
    return { why: `${program} is not where a COPY puts it: the ${elsewhere.inst.keyword} on line ${elsewhere.inst.line} copies it to ${elsewhere.path}, and a RUN that moves or links it is not followed, so whether it hands PID 1 over with exec is not known` };
  }
  // `FROM ${SOURCE}-install`: BuildKit builds on the stage the value names, whose COPYs are not followed here.
  const picked = argPickedStage(file, stage);
  if (picked !== null) {
    return { why: `${program} may come from ${picked}, which the final stage builds on and a build argument picks (what it holds is not followed), so whether it hands PID 1 over with exec is not known` };
  }
  // `CMD ["docker-entrypoint.sh", "postgres"]` on postgres: the script the image itself starts.
  const imageOwn = origin.kind === 'not-copied' ? baseEntrypointScript(program, lookup) : null;
  if (imageOwn !== null) {
    return { why: `${program} is the base image's own entrypoint script (${imageOwn}), which is not in the build context to be read, so whether it hands PID 1 over with exec is not known` };
  }
  return { why: `${program} is not a file the Dockerfile copies from the build context, so whether it hands PID 1 over with exec is not known` };
}

/**
 * The base image's entrypoint script as the knowledge base names it (\`postgres's docker-entrypoint.sh\`), when
 * \`program\` is that file (by its name, or a path in a folder of PATH) and the knowledge base knows the name; or null.
 */
function baseEntrypointScript(program: string, lookup: Lookup): string | null {
  const ref = resolveBase(lookup.file, rootStage(lookup.file, lookup.stage))?.ref;
  const entrypoint = ref == null ? null : baseEntrypoint(ref);
  return entrypoint?.kind === 'acts' && entrypoint.script !== undefined && samePlace(program, entrypoint.script) ? entrypoint.entrypoint : null;
}

/** The FROM of `stage`'s lineage whose build argument's default names an earlier stage (`${SOURCE}-install`), said with that stage; or null. */
function argPickedStage(file: ParsedDockerfile, stage: Stage): string | null {
  const root = rootStage(file, stage);
  if (root.imageSpan === null || root.base.kind === 'scratch') return null;
  const written = file.text.slice(root.imageSpan.start, root.imageSpan.end);
  if (!written.includes('$')) return null;
  const byDefault = resolveBase(file, root)?.text;
  const named = byDefault == null ? undefined : stageNamed(file, byDefault);
  return named === undefined || named.index >= root.index ? null : `\`${written}\` (by default the stage ${named.name})`;
}

/** A script a shell runs (`-c` string or file): does it hand PID 1 over with `exec`? */
/** What runs the script: a file, or a `-c` string given to the shell `shell` (`sh`, `/bin/bash`). */
type ScriptSource = 'file' | { readonly shell: string };

/**
 * The functions a script's text can call besides its own: for a function's body, those of the
 * script it is in, and the chain of calls that led to it (a call back into one is a loop).
 */
interface Scope {
  readonly functions: ReadonlyMap<string, string>;
  readonly calling: readonly string[];
}

const NO_SCOPE: Scope = { functions: new Map(), calling: [] };

function judgeScript(text: string, source: ScriptSource, args: readonly Arg[], label: string, lookup: Lookup, depth: number, scope: Scope = NO_SCOPE): Verdict {
  const verdict = judgeScriptEnd(text, source, args, label, lookup, depth, scope);
  if (verdict.kind !== 'needs') return verdict;
  // The end keeps the shell as PID 1, but a path before it may hand over (weblate's start runs
  // `exec supervisord` through a function when its argument is runserver, its CMD): which path
  // the container takes depends on its arguments and environment, which are not followed here.
  const parsed = parseScript(text);
  const lastStart = parsed.ok ? parsed.statements[finalStatement(parsed)]?.start : undefined;
  if (!parsed.ok || lastStart === undefined) return verdict;
  const functions = new Map([...scope.functions, ...functionBodies(parsed)]);
  const early = handOverIn(parsed, (c) => c.end <= lastStart, functions, new Set(scope.calling), 0);
  if (early === null) return verdict;
  const through = early.via.length === 0 ? '' : ` (through ${early.via.map((f) => `\`${f}\``).join(', ')})`;
  return { kind: 'some-paths', why: `${label} hands over with \`${early.exec}\`${through} only on some paths, which its arguments and environment choose; on the others, ${verdict.why}` };
}

/**
 * An `exec` of a program among the script's commands that `within` selects, or in a function of
 * its own that one of them calls (`runserver_main` → `start_supervisord` → `exec supervisord`):
 * the command, with the calls that lead to it. Not in a subshell, pipeline or `$(…)`, whose exec
 * replaces only that child; an exec that only redirects (`exec 9> lock`) runs nothing.
 */
function handOverIn(script: ShellScript, within: (c: SimpleCommand) => boolean, functions: ReadonlyMap<string, string>, seen: Set<string>, depth: number): { exec: string; via: string[] } | null {
  for (const c of script.commands) {
    if (!within(c) || c.enclosing.some((e) => e === 'subshell' || e === 'pipeline' || e === 'substitution' || e === 'function')) continue;
    // `exec su-exec app "$0" "$@"` runs the script again (as another user): its end still decides.
    if (c.name === 'exec' && execTarget(c).length > 0 && !rerunsScript(c)) {
      return { exec: short(script.source.slice(c.start, c.end).replace(/\\\r?\n/g, ' ')), via: [] };
    }
    const name = c.name;
    const body = name === null ? undefined : functions.get(name);
    if (name === null || body === undefined || seen.has(name) || depth >= 4) continue;
    seen.add(name);
    const parsed = parseScript(body);
    const found = parsed.ok ? handOverIn(parsed, () => true, functions, seen, depth + 1) : null;
    if (found !== null) return { exec: found.exec, via: [name, ...found.via] };
  }
  return null;
}

function judgeScriptEnd(text: string, source: ScriptSource, args: readonly Arg[], label: string, lookup: Lookup, depth: number, scope: Scope): Verdict {
  const kind = source === 'file' ? 'file' : 'string';
  const parsed = parseScript(text);
  if (!parsed.ok) return { kind: 'unknown', why: `${label} is not shell syntax the parser reads` };
  if (trapsTerm(parsed)) return { kind: 'fine' };
  const statements = parsed.statements.slice(0, finalStatement(parsed) + 1);
  const last = statements.at(-1);
  const item = last?.items.at(-1);
  if (last === undefined || item === undefined) return { kind: 'fine' };
  const background = statements.some((s) => s.separator === '&') || parsed.commands.some((c) => c.background && c.enclosing.length === 0 && c.statement < statements.length);
  // `case "$1" in server) …` with the CMD's first word naming the item (redash's entrypoint, CMD ["server"]):
  // the container takes that item, which ends the script.
  const choice = item.kind === 'case' && last.items.length === 1 ? chosenBranch(parsed, statements.length - 1, args) : null;
  const chosen = choice !== null && 'body' in choice ? choice : null;
  // Why the item the CMD names was not followed, for the reason that follows.
  const unfollowed = choice !== null && 'why' in choice ? ` (${choice.why})` : '';
  if (chosen !== null) {
    const functions = new Map([...scope.functions, ...functionBodies(parsed)]);
    const verdict = judgeScript(chosen.body, 'file', chosen.args, `${label}'s \`${chosen.pattern})\` branch`, lookup, depth + 1, { functions, calling: scope.calling });
    if (verdict.kind !== 'fine' || !background) return verdict;
    return { kind: 'needs', why: `${label} starts a process in the background and then hands over in its \`${chosen.pattern})\` branch to a program that does not reap it`, relay: 'program' };
  }
  const handOver = execAtEnd(parsed, item);
  if (handOver !== null) {
    const target = execTarget(handOver);
    // A final `if` or `case` that hands over in one branch and runs its last command without exec in another.
    const runningOn = item.command === null ? statementsRunningOnWithoutExec(parsed.source) : [];
    if (target.length > 0 && runningOn.length === parsed.statements.length && runningOn[statements.length - 1] === true) {
      const written = short(parsed.source.slice(handOver.start, handOver.end).replace(/\\\r?\n/g, ' '));
      return { kind: 'some-paths', why: `${label} hands over with \`${written}\` only on some paths, which its arguments and environment choose${unfollowed}; on the others it ends in a command run without exec, and the shell stays PID 1 and ${STAYS}` };
    }
    if (target.length > 0) {
      const verdict = judgeArgv(target, args, lookup, depth + 1);
      // A program the script names (not its arguments, which the Dockerfile shows): say how the command got there.
      const named = target[0];
      if ((verdict.kind === 'unknown' || verdict.kind === 'some-paths') && !background && source === 'file' && typeof named === 'string' && named !== ALL_ARGS) {
        const written = short(parsed.source.slice(handOver.start, handOver.end).replace(/\\\r?\n/g, ' '));
        return { kind: verdict.kind, why: `${label} ends in \`${written}\`, and ${verdict.why}` };
      }
      if (verdict.kind === 'init' || !background) return verdict;
      return { kind: 'needs', why: `${label} starts a process in the background and then hands over to ${handedTo(target, args)}, which does not reap it`, relay: verdict.kind === 'needs' ? verdict.relay : 'program' };
    }
  }
  // `_main "$@"` (postgres', mysql's and mongo's entrypoints): the script ends in a function of its
  // own, which runs in the same shell and may end by handing over itself.
  // Its functions, and those of the script it is a function of, are called by name (the last definition wins).
  const functions = new Map([...scope.functions, ...functionBodies(parsed)]);
  const call = functionCallAtEnd(parsed, item, functions);
  if (call !== null && scope.calling.includes(call.name)) {
    return { kind: 'unknown', why: `${label} calls ${call.name} again, which it was called from: where the calls end is not known` };
  }
  if (call !== null && depth <= 4) {
    const callArgs = wordsToArgs(call.command.words.slice(1)).flatMap((a) => (a === ALL_ARGS ? args : [a]));
    const verdict = judgeScript(call.body, 'file', callArgs, `${label}'s ${call.name}`, lookup, depth + 1, { functions, calling: [...scope.calling, call.name] });
    if (verdict.kind !== 'fine' || !background) return verdict;
    return { kind: 'needs', why: `${label} starts a process in the background and then calls ${call.name}, which hands over to a program that does not reap it`, relay: 'program' };
  }
  // One command in a `-c` string: bash and busybox ash replace themselves with it; dash (Debian's
  // and Ubuntu's /bin/sh) runs it as a child and stays PID 1.
  const only = item.command;
  if (source !== 'file' && statements.length === 1 && last.items.length === 1 && only !== null && !background && parsed.commands.length === 1) {
    const execs = execsLastCommand(source.shell, lookup);
    const argv = wordsToArgs(only.words);
    const named = depth === 0 ? programFromEnv(only, lookup) : null;
    if (named !== null) argv[0] = named;
    if (execs === true) return judgeArgv(argv, args, lookup, depth + 1);
    // A shell that may be bash may replace itself with the program, which then is PID 1: one named with a
    // variable (\`/usr/bin/$INITSH\`, which execs systemd in Oracle's RAC images) may be an init that must stay so.
    const program = only.words[0];
    if (execs === null && program !== undefined && program.value === null && named === null) {
      // \`ENV APP=$APP\` under \`ARG APP=…\`: the default is only what a plain build names.
      const argument = buildArgumentAtStart(lookup.file, lookup.stage, program.raw);
      const variable = argument === null ? 'a variable' : `a variable a build argument gives (${buildArgumentWhy(argument)}, and \`--build-arg\` may name another program)`;
      return { kind: 'unknown', why: `${mayBeBash(source.shell)} may replace itself with ${label}, which names its program with ${variable}: what then runs as PID 1, and whether it must stay so (an init), is not known` };
    }
    // Where bash would replace itself with the value's program, that program is PID 1: an init (\`ENV INITSH=/usr/sbin/init\`),
    // or a script that may hand over to one, must not get tini in front of it.
    if (execs === null && named !== null) {
      const asBash = judgeArgv(argv, args, lookup, depth + 1);
      if (asBash.kind === 'init') {
        const init = path.posix.basename(named) === asBash.program ? `${named}, an init` : `${named}, which hands over to ${asBash.program}, an init`;
        return { kind: 'unknown', why: `${mayBeBash(source.shell)} may replace itself with ${label}, which an ENV sets to ${init} that must then stay PID 1` };
      }
      if (asBash.kind === 'unknown' || asBash.kind === 'some-paths') return { kind: 'unknown', why: `${mayBeBash(source.shell)} may replace itself with ${label} (${named}), and ${asBash.why}` };
    }
    const runs = named === null ? label : `${label} (${named})`;
    if (execs === null && !isSh(source.shell)) {
      return { kind: 'needs', why: `${source.shell} may run ${runs} as its child and stay PID 1, as dash does (${NOT_CHECKED}), and then it ${STAYS}`, relay: 'shell' };
    }
    return { kind: 'needs', why: `${execs === false ? 'dash' : `${source.shell}, which may be dash,`} runs ${runs} as its child and stays PID 1, and ${STAYS}`, relay: 'shell' };
  }
  const sourced = sourcedHandOver(parsed, args, label, lookup, depth);
  if (sourced !== null) return sourced;
  if (kind === 'string') return { kind: 'needs', why: `the shell running ${label} stays PID 1 while it waits for its commands, and ${STAYS}`, relay: 'shell' };
  return { kind: 'needs', why: `${label} runs its last command without exec, so the shell stays PID 1 and ${STAYS}`, relay: 'shell' };
}

/**
 * The program of the container's own shell's one command, named with a variable an ENV of the Dockerfile sets to a
 * literal value (\`ENTRYPOINT $APP\` under \`ENV APP=/usr/local/bin/server\`): that value, as wordAtStart reads it for
 * the start scripts. Null when the value is not known for every build, an entrypoint of the base image runs first, the
 * command assigns variables itself, or the shell may split or glob the value into other words.
 */
function programFromEnv(command: SimpleCommand, lookup: Lookup): string | null {
  const program = command.words[0];
  if (lookup.ownEnvironment !== true || program === undefined || program.value !== null || program.pattern || command.assigns.length > 0) return null;
  const value = wordAtStart(lookup.file, lookup.stage, program.raw, true);
  return value === null || /[\s*?[\]{}~]/.test(value) ? null : value;
}

/**
 * An entrypoint the script sources at its top level (`source /usr/local/bin/docker-php-entrypoint`):
 * it runs in the script's shell, so an `exec` there hands PID 1 over before the script's own end.
 * The base image's entrypoint that runs its command (`exec "$@"`) hands over to the script's
 * arguments; one of the build context is judged as it is; another (a start or entrypoint script
 * that cannot be read) is unknown. Files of settings (`. venv/bin/activate`, `. /etc/profile`) are
 * not entrypoints and are passed over. Null: nothing sourced decides.
 */
function sourcedHandOver(script: ShellScript, args: readonly Arg[], label: string, lookup: Lookup, depth: number): Verdict | null {
  for (const c of script.commands) {
    if (c.enclosing.length > 0 || c.background || (c.name !== 'source' && c.name !== '.')) continue;
    const target = c.args[0];
    if (target === undefined || target === null || !ENTRYPOINT_NAME.test(path.posix.basename(target))) continue;
    // `shift` or `set -- …` before it: the arguments the sourced file sees are not known.
    const moved = script.commands.some((o) => o.start < c.start && (o.name === 'shift' || (o.name === 'set' && setsArguments(o.args))));
    const image = knownBaseImage(lookup.file, lookup.stage);
    const own = image?.facts.entrypoint?.some((e) => path.posix.basename(e) === path.posix.basename(target)) === true;
    if (own && image!.facts.entrypointRunsCommand === true) {
      if (moved) return { kind: 'unknown', why: `${label} sources ${target}, which runs the arguments it is given, after changing them` };
      return judgeArgv(c.args.length > 1 ? wordsToArgs(c.words.slice(2)) : args, [], lookup, depth + 1);
    }
    const text = readScript(target, lookup);
    if (typeof text !== 'string') return { kind: 'unknown', why: `${label} sources ${target}, which runs in its shell and may hand PID 1 over itself; ${text.why}` };
    // A file with no commands hands nothing over.
    const sourcedScript = parseScript(text);
    if (sourcedScript.ok && sourcedScript.statements.length === 0) continue;
    const verdict = judgeScript(text, 'file', c.args.length > 1 ? wordsToArgs(c.words.slice(2)) : args, `${label}'s sourced ${target}`, lookup, depth + 1);
    if (verdict.kind !== 'needs') return verdict;
  }
  return null;
}

/** The item of a \`case\` the container takes, and the arguments it sees. */
interface ChosenBranch {
  readonly pattern: string;
  readonly body: string;
  readonly args: readonly Arg[];
}

/**
 * The item of the \`case\` (top-level statement \`index\`) on the script's first argument that the
 * container takes: the CMD names it (\`CMD ["server"]\` for \`case "$1" in server) …\`), with the
 * arguments it sees after its own \`shift\`s. The first item whose pattern matches, where each pattern
 * before it is a literal that does not; null when an earlier pattern is a glob or not literal, the
 * first argument is not known, or the script moves its arguments (\`shift\`, \`set --\`) or sources a
 * file (which may) before the \`case\`.
 */
function chosenBranch(script: ShellScript, index: number, args: readonly Arg[]): ChosenBranch | { readonly why: string } | null {
  const value = args[0];
  if (typeof value !== 'string') return null;
  const found = caseAt(script.source, index);
  if (found === null || !/^(?:"\$1"|\$1|"\$\{1\}"|\$\{1\})$/.test(found.subject)) return null;
  const named = `the CMD names \`${value}\``;
  const moving = script.commands.find((c) => c.statement < index && !c.enclosing.includes('function') && (c.name === 'shift' || c.name === 'source' || c.name === '.' || c.name === 'eval' || (c.name === null && c.words.length > 0) || (c.name === 'set' && setsArguments(c.args))));
  if (moving !== undefined) {
    return { why: `${named}, but before its \`case\` the script runs \`${short(script.source.slice(moving.start, moving.end))}\`, which may change its arguments` };
  }
  for (const branch of found.branches) {
    for (const pattern of branch.patterns) {
      if (pattern === null || (pattern !== '*' && /[*?[\]\\]/.test(pattern))) {
        return { why: `${named}, but a pattern before its item (\`${pattern ?? 'not a plain word'}\`) may match it first` };
      }
      if (pattern !== '*' && pattern !== value) continue;
      const body = parseScript(branch.body);
      if (!body.ok) return null;
      // The arguments the item's `exec "$@"` runs: after the `shift`s it makes at its top level.
      let shifted = 0;
      for (const c of body.commands) {
        if (c.name !== 'shift' && !(c.name === 'set' && setsArguments(c.args))) continue;
        const by = c.name === 'shift' && c.enclosing.length === 0 ? (c.args.length === 0 ? 1 : /^\d+$/.test(c.args[0] ?? '') ? Number(c.args[0]) : null) : null;
        if (by === null) return { why: `${named}, but its item moves the arguments where that is not followed (\`${short(body.source.slice(c.start, c.end))}\` inside a construct)` };
        shifted += by;
      }
      return { pattern, body: branch.body, args: args.slice(shifted) };
    }
  }
  return null;
}

/** `set` given positional arguments (`set -- a b`, `set x`), not only options (`set -Eeo pipefail`). */
function setsArguments(args: readonly Arg[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === null || a === undefined || a === '--' || !/^[-+]/.test(a)) return true;
    if (a.slice(1).includes('o')) i++;
  }
  return false;
}

/** A name an entrypoint or start script has (`docker-php-entrypoint`, `start.sh`), not a file of settings. */
const ENTRYPOINT_NAME = /entrypoint|^start|^run|^boot/i;

/** How a reason says why a shell other than sh (zsh, ksh, mksh) may run a \`-c\` string's one command either way. */
const NOT_CHECKED = 'how a shell runs a `-c` string\'s one command is known only for bash, busybox ash and dash';

/** Whether a shell is sh: /bin/sh, which is dash, busybox ash or bash by the image (see binSh). */
function isSh(shell: string): boolean {
  return path.posix.basename(shell) === 'sh';
}

/**
 * A shell that may replace itself with a \`-c\` string's one command, as a reason names it: /bin/sh of an image not
 * known may be bash; another (zsh, ksh, mksh), whose way is not known, may do as bash does.
 */
function mayBeBash(shell: string): string {
  return isSh(shell) ? `${shell}, which may be bash,` : `${shell} (${NOT_CHECKED})`;
}

/** Whether the shell that runs a `-c` string replaces itself with its one command (see binSh); null when not known. */
function execsLastCommand(shell: string, lookup: Lookup): boolean | null {
  const name = path.posix.basename(shell);
  if (name === 'bash' || name === 'ash' || name === 'busybox') return true;
  if (name === 'dash') return false;
  if (name !== 'sh') return null;
  const sh = binSh(lookup.file, lookup.stage);
  return sh === null ? null : sh !== 'dash';
}

/**
 * Whether a script ends by running its arguments: `exec "$@"`, also as the last exec of a final
 * `if`, `case` or `{ … }` (docker-library's entrypoints, Prefect's). Given none, it runs no program
 * of its own there.
 */
export function endsRunningArguments(text: string): boolean {
  const parsed = parseScript(text);
  const item = parsed.ok ? parsed.statements.at(-1)?.items.at(-1) : undefined;
  if (!parsed.ok || item === undefined) return false;
  const exec = execAtEnd(parsed, item);
  const target = exec === null ? [] : execTarget(exec);
  return target.length === 1 && target[0] === ALL_ARGS;
}

/** `trap … TERM`: the script handles stopping itself. */
function trapsTerm(script: ShellScript): boolean {
  return script.commands.some((c) => c.name === 'trap' && c.args.some((a) => a !== null && /^(?:SIG)?(?:TERM|INT)$|^15$/.test(a)));
}

/** The `exec` that ends the script: its last top-level command, or the last exec inside a final `if`, `case` or `{ … }`. */
function execAtEnd(script: ShellScript, item: ShellScript['statements'][number]['items'][number]): SimpleCommand | null {
  if (item.command !== null) return item.command.name === 'exec' ? item.command : null;
  if (item.kind !== 'if' && item.kind !== 'case' && item.kind !== 'block') return null;
  const inside = script.commands.filter((c) => c.start >= item.start && c.end <= item.end && c.name === 'exec' && !c.enclosing.some((e) => e === 'subshell' || e === 'pipeline' || e === 'substitution' || e === 'loop' || e === 'function'));
  return inside.at(-1) ?? null;
}

/**
 * The call of one of the functions it can call (`bodies`) that ends the script: its last top-level
 * command, or the last command inside a final `if`, `case` or `{ … }` (`if ! _is_sourced; then _main "$@"; fi`).
 */
function functionCallAtEnd(script: ShellScript, item: ShellScript['statements'][number]['items'][number], bodies: ReadonlyMap<string, string>): { name: string; body: string; command: SimpleCommand } | null {
  if (bodies.size === 0) return null;
  let command = item.command;
  if (command === null && (item.kind === 'if' || item.kind === 'case' || item.kind === 'block')) {
    command = script.commands.filter((c) => c.start >= item.start && c.end <= item.end && !c.enclosing.some((e) => e === 'subshell' || e === 'pipeline' || e === 'substitution' || e === 'loop' || e === 'function')).at(-1) ?? null;
  }
  const body = command?.name == null ? undefined : bodies.get(command.name);
  return body === undefined ? null : { name: command!.name!, body, command: command! };
}

/**
 * The index of the top-level statement the script ends with: its last, or an earlier one every
 * path through which hands PID 1 over (an exec in each branch of a `case` with a `*)`: an
 * `exit 1` after its `esac` never runs). Not one whose exec runs the script again.
 */
function finalStatement(script: ShellScript): number {
  const last = script.statements.length - 1;
  const ends = statementsEndingInExec(script.source);
  if (ends.length !== script.statements.length) return last;
  const i = ends.findIndex((e, k) => e && k < last && script.commands.every((c) => c.statement !== k || c.name !== 'exec' || !rerunsScript(c)));
  return i === -1 ? last : i;
}

/** `exec su-exec app "$0" "$@"`: the script runs again (as another user), so its end still decides. */
function rerunsScript(command: SimpleCommand): boolean {
  return command.words.some((w) => /^"?\$(?:0|\{0\})"?$/.test(w.raw));
}

/** The argv an `exec` runs: its words after `exec` and exec's own options. */
function execTarget(command: SimpleCommand): Arg[] {
  const words = command.words.slice(1);
  let i = 0;
  while (i < words.length && /^-[acl]+$/.test(words[i]!.value ?? '')) i += words[i]!.value!.includes('a') ? 2 : 1;
  return wordsToArgs(words.slice(i));
}

function wordsToArgs(words: readonly ShellWord[]): Arg[] {
  return words.map((w) => (w.raw === '"$@"' || w.raw === '$@' ? ALL_ARGS : w.value));
}

/** A command on one line, cut to fit a message. */
export function short(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 50 ? `${one.slice(0, 49)}…` : one;
}
