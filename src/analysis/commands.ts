/**
 * Every command a stage runs: the simple commands of its RUNs (nested ones too),
 * the programs its CMD, ENTRYPOINT and HEALTHCHECK start, and the commands of
 * scripts those run when the script is copied in from the build context. What
 * cannot be read (a script missing from the context, a heredoc in another
 * language) is listed as unknown, so a caller can refuse rather than guess.
 */
import * as posix from 'node:path/posix';
import { parseJsonArray } from '../dockerfile/parse.js';
import { logicalText } from '../dockerfile/logical.js';
import { lastEntrypoint } from '../dockerfile/stages.js';
import type { Instruction, ParsedDockerfile, Stage } from '../dockerfile/types.js';
import type { BuildContext } from '../engine/context.js';
import { parseScript, runBody, unEditedParsed } from '../shell/index.js';
import type { ShellScript, SimpleCommand } from '../shell/types.js';
import { absolutePath, originOfFile } from './paths.js';
import type { StageCommand, Unknown } from './types.js';
import { Memo } from '../memo.js';

export interface StageScan {
  readonly commands: readonly StageCommand[];
  readonly unknowns: readonly Unknown[];
}

/** Scripts inside scripts are followed this deep. */
const MAX_SCRIPT_DEPTH = 3;

const SHELLS = /^(?:sh|bash|dash|ash|zsh|ksh)$/;
/** Files that are programs in other languages, whose commands are not shell. */
const NOT_SHELL = /\.(?:py|js|mjs|cjs|ts|rb|pl|php|jar|class|exe|so|bin|json|ya?ml)$/i;
/** Words before the program that only change how it runs. */
const PREFIXES = new Set(['sudo', 'env', 'command', 'exec', 'nohup', 'time', 'nice', 'gosu', 'su-exec', 'tini', 'dumb-init']);

const scans = new Memo<ParsedDockerfile, Map<string, StageScan>>();

/** The commands one stage runs (its own instructions only; ask for each stage built on it too). */
export function stageCommands(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null): StageScan {
  let perFile = scans.get(file);
  if (perFile === undefined) scans.set(file, (perFile = new Map()));
  const key = `${stage.index}\0${ctx?.root ?? ''}`;
  let scan = perFile.get(key);
  if (scan === undefined) perFile.set(key, (scan = scanStage(file, stage, ctx)));
  return scan;
}

function scanStage(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null): StageScan {
  const commands: StageCommand[] = [];
  const unknowns: Unknown[] = [];
  const hasEntrypoint = lastEntrypoint(file, stage) !== null;
  for (const inst of stage.instructions) {
    const reader = new Reader(file, inst, ctx, commands, unknowns);
    switch (inst.keyword) {
      case 'RUN':
        reader.run();
        break;
      case 'ENTRYPOINT':
        reader.startup(true);
        break;
      case 'CMD':
        // Under an ENTRYPOINT of the Dockerfile, CMD only gives arguments.
        if (!hasEntrypoint) reader.startup(true);
        break;
      case 'HEALTHCHECK':
        reader.healthcheck();
        break;
      case 'ONBUILD':
        reader.trigger();
        break;
    }
  }
  return { commands, unknowns };
}

/**
 * `curl … | sh`, `wget -O- … | bash -s -- --flag`: a shell at the end of a pipeline with no
 * script file (or `-s`) runs what comes through the pipe.
 */
function readsScriptFromPipe(argv: readonly (string | null)[], command: SimpleCommand): boolean {
  if (!command.enclosing.includes('pipeline') || command.pipedOut) return false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === null || a === undefined) return false;
    if (a === '--') return argv[i + 1] === undefined;
    if (/^-[a-z]*s/.test(a)) return true;
    if (!a.startsWith('-') && !a.startsWith('+')) return false;
  }
  return true;
}

class Reader {
  constructor(
    private readonly file: ParsedDockerfile,
    private readonly inst: Instruction,
    private readonly ctx: BuildContext | null,
    private readonly commands: StageCommand[],
    private readonly unknowns: Unknown[],
  ) {}

  private preview(): string {
    const end = this.file.text.indexOf('\n', this.inst.span.start);
    const line = this.file.text.slice(this.inst.span.start, end === -1 || end > this.inst.span.end ? this.inst.span.end : end).trim().replace(/\s*\\$/, '');
    return line.length > 80 ? `${line.slice(0, 77)}…` : line;
  }

  private unknown(what: string, why: string): void {
    this.unknowns.push({ inst: this.inst, what, why });
  }

  run(): void {
    const body = runBody(this.file, this.inst);
    if (body.ok) return this.script(body.parsed, null, 0, false, 0);
    if (body.code === 'no-body' || body.code === 'not-shell-instruction') return;
    const scripts = unEditedParsed(this.file, this.inst, body.code);
    if (scripts.length === 0) return this.unknown(this.preview(), `${body.reason}, in a language dockshift does not read`);
    for (const { parsed } of scripts) {
      if (!parsed.ok) this.unknown(this.preview(), `${body.reason}, and its commands do not parse as shell`);
      else this.script(parsed, null, 0, false, 0);
    }
  }

  startup(runtime: boolean): void {
    if (this.inst.form === 'exec') return this.argv(this.inst.execArgs ?? [], runtime);
    const body = runBody(this.file, this.inst);
    if (body.ok) this.script(body.parsed, null, 0, runtime, 0);
    else if (body.code !== 'no-body' && body.code !== 'not-shell-instruction') this.unknown(this.preview(), body.reason);
  }

  /** An ONBUILD RUN runs in the images built on this one, after what they add: not read. */
  trigger(): void {
    const args = this.inst.argsSpan === null ? '' : this.file.text.slice(this.inst.argsSpan.start, this.inst.argsSpan.end);
    if (/^RUN\b/i.test(args)) this.unknown(this.preview(), 'an ONBUILD trigger runs in the images built on this one, on what they add');
  }

  healthcheck(): void {
    if (this.inst.argsSpan === null) return;
    const text = logicalText(this.file.text, this.inst.argsSpan.start, this.inst.argsSpan.end, this.file.escape).text.trim();
    const m = /^CMD\s+([\s\S]*)$/i.exec(text);
    if (m === null) return; // NONE
    const rest = m[1]!.trim();
    if (rest.startsWith('[')) {
      const argv = parseJsonArray(rest);
      if (argv === null) this.unknown(this.preview(), 'its JSON command does not parse');
      else this.argv(argv, true);
      return;
    }
    const parsed = parseScript(rest);
    if (!parsed.ok) this.unknown(this.preview(), 'its command does not parse as shell');
    else this.script(parsed, null, 0, true, 0);
  }

  /** An exec-form argv: a program, or a shell running a script. */
  private argv(argv: readonly string[], runtime: boolean): void {
    if (argv.length === 0) return;
    const name = posix.basename(argv[0]!);
    const c = argv.findIndex((a, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(a));
    if (SHELLS.test(name) && c !== -1 && argv[c + 1] !== undefined) {
      this.push({ name, argv, text: argv.join(' '), command: null, script: null, order: 0, via: null, runtime });
      const parsed = parseScript(argv[c + 1]!);
      if (parsed.ok) this.script(parsed, null, 0, runtime, 0);
      else this.unknown(this.preview(), 'its shell command does not parse');
      return;
    }
    this.push({ name, argv, text: argv.join(' '), command: null, script: null, order: 0, via: null, runtime });
    this.followScript(argv, 0, null, runtime, 0);
  }

  private push(c: Omit<StageCommand, 'inst'>): void {
    this.commands.push({ inst: this.inst, ...c });
  }

  private script(script: ShellScript, via: string | null, order: number, runtime: boolean, depth: number): void {
    for (const command of script.commands) {
      const at = via === null ? command.start : order;
      const words = command.words;
      let i = 0;
      while (i < words.length && words[i]!.value !== null && PREFIXES.has(posix.basename(words[i]!.value!))) {
        i++;
        while (i < words.length && (words[i]!.value?.startsWith('-') === true || /^[A-Za-z_]\w*=/.test(words[i]!.value ?? ''))) i++;
      }
      const program = words[i];
      if (program?.value == null) continue;
      const argv = words.slice(i).map((w) => w.value);
      const name = posix.basename(program.value);
      const text = script.source.slice(command.start, command.end);
      this.push({ name, argv, text, command, script, order: at, via, runtime });
      // `sh -c '…'`: the inner script's commands run too.
      const c = argv.findIndex((a, k) => k > 0 && a !== null && /^-[a-z]*c[a-z]*$/.test(a));
      if (SHELLS.test(name) && c === -1 && readsScriptFromPipe(argv, command)) {
        this.unknown(text, 'the shell runs a script it reads from a pipe (downloaded at build time, say)');
        continue;
      }
      if (SHELLS.test(name) && c !== -1 && argv[c + 1] != null) {
        const inner = parseScript(argv[c + 1]!);
        if (inner.ok) this.script(inner, via, at, runtime, depth);
        continue;
      }
      this.followScript(argv, at, via, runtime, depth, command);
    }
  }

  /**
   * A script the command runs (`./install.sh`, `sh build.sh`, `. env.sh`, `/app/run.sh`)
   * that a COPY brought in from the build context: read and scanned, or listed as unknown.
   */
  private followScript(argv: readonly (string | null)[], order: number, via: string | null, runtime: boolean, depth: number, command?: SimpleCommand): void {
    const first = argv[0];
    if (first == null) return;
    const name = posix.basename(first);
    let target: string | null = null;
    if ((SHELLS.test(name) || name === '.' || name === 'source') && argv[1] != null && !argv[1].startsWith('-')) target = argv[1];
    else if (first.includes('/') || /\.(?:sh|bash)$/.test(first)) target = first;
    if (target === null) return;
    const path = absolutePath(this.file, this.inst, target);
    const written = command === undefined ? argv.join(' ') : argv.filter((a) => a !== null).join(' ');
    if (path === null) return this.unknown(written, `the path of ${target} depends on a variable or the working directory is unknown`);
    const origin = originOfFile(this.file, this.inst, path, this.ctx);
    if (origin === null) return; // part of the base image, or made by a RUN: not a script of this project
    if (origin.kind === 'stage' || origin.kind === 'download') return; // built elsewhere or downloaded: a program, not a script to read
    if (NOT_SHELL.test(origin.kind === 'context' ? origin.path : target)) return; // a Python, Node… script: not shell
    if (origin.kind === 'unknown') return this.unknown(written, `${target} comes from ${origin.why}`);
    if (depth >= MAX_SCRIPT_DEPTH) return this.unknown(written, `${origin.path} is nested too deep in other scripts`);
    const text = this.ctx?.read(origin.path) ?? null;
    if (text === null) return this.unknown(written, `${origin.path} is not in the build context dockshift can read`);
    const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(text);
    const interpreter = shebang === null ? 'sh' : posix.basename(shebang[1]!) === 'env' ? (shebang[2] ?? '') : posix.basename(shebang[1]!);
    if (shebang !== null && !SHELLS.test(interpreter)) return; // a Python or Node script: its commands are not shell
    if (shebang !== null && interpreter === 'bash' && !SHELLS.test(name)) {
      this.push({ name: 'bash', argv: ['bash', origin.path], text: `${origin.path} (#!${shebang[1]})`, command: null, script: null, order, via: origin.path, runtime });
    }
    const parsed = parseScript(text);
    if (!parsed.ok) return this.unknown(written, `${origin.path} does not parse as shell`);
    this.script(parsed, origin.path, order, runtime, depth + 1);
  }
}
