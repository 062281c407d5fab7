/**
 * Every command a stage runs: the simple commands of its RUNs (nested ones too),
 * the programs its CMD, ENTRYPOINT and HEALTHCHECK start, and the commands of
 * scripts those run when the script is copied in from the build context. What
 * cannot be read (a script missing from the context, a heredoc in another
 * language) is listed as unknown, so a caller can refuse rather than guess.
 */
import * as posix from 'node:path/posix';
import { own } from '../own.js';
import { parseJsonArray } from '../dockerfile/parse.js';
import { logicalText } from '../dockerfile/logical.js';
import { lastEntrypoint } from '../dockerfile/stages.js';
import type { Instruction, ParsedDockerfile, Stage } from '../dockerfile/types.js';
import type { BuildContext } from '../engine/context.js';
import { LIFECYCLE } from '../deps/node.js';
import { readPackageJson } from '../deps/packageJson.js';
import { wordWithEnv } from './envWords.js';
import { folderMove, parseScript, programWords, programWordsOf, recognise, runBody, RUNNER_PROGRAMS, scriptFileOf, SHELL_PROGRAMS, shebangOf, shellCommandString, shellOperand, STAYS, SU_PROGRAMS, thenMove, unEditedInterpreter, unEditedParsed, unreadRunner, type FolderMove } from '../shell/index.js';
import type { ShellScript, ShellWord, SimpleCommand } from '../shell/types.js';
import { commandPath, originAtEnd, originOfFile, unreadOrigin, whyNoPath, type PathOrigin } from './paths.js';
import { DEFAULT_PATH } from './builds/plan.js';
import { INIT_WRAPPERS } from '../knowledge/index.js';
import { wrappedProgram } from './startCommand.js';
import type { StageCommand, Unknown } from './types.js';
import { FileMemo } from '../memo.js';

export interface StageScan {
  readonly commands: readonly StageCommand[];
  readonly unknowns: readonly Unknown[];
}

/** Scripts inside scripts are followed this deep. */
const MAX_SCRIPT_DEPTH = 3;

/**
 * A package install or fetch written inside a script in another language: in a string it hands to
 * the shell (`system! "bundle install"`) or as the words of a command it runs
 * (`subprocess.check_call([sys.executable, "-m", "pip", "install", …])`, `spawnSync('npm', ['ci'])`):
 * what it needs is not read there. The words may be apart by quotes, commas and brackets.
 */
const SPAWNED_INSTALL = (() => {
  const pairs = [
    'bundle install',
    'gem install (?!bundler\\b|rake\\b)[\\w-]+',
    'pip3? install',
    'npm (?:install|ci|i)\\b',
    'yarn (?:install|add)\\b',
    'pnpm (?:install|add|i)\\b',
    'apt-get install',
    'apk add',
    'git clone',
  ];
  return new RegExp(`\\b(?:${pairs.map((p) => p.replaceAll(' ', `['"\\s,\\[\\]]+`)).join('|')})`);
})();

/**
 * Interpreters that run a script file named by their first operand (`python tools/deps.py`, `node
 * scripts/setup.js`): the options after which the code is not a file (`-c`, `-m`, `-e`), and those
 * that take the next word as their value.
 */
const INTERPRETERS: Readonly<Record<string, { readonly language: string; readonly code: readonly string[]; readonly valued: readonly string[] }>> = {
  python: { language: 'Python', code: ['-c', '-m'], valued: ['-W', '-X'] },
  ruby: { language: 'Ruby', code: ['-e'], valued: ['-I', '-r', '-C'] },
  node: { language: 'Node.js', code: ['-e', '--eval', '-p', '--print'], valued: ['-r', '--require', '--import', '--loader', '-C', '--conditions'] },
  perl: { language: 'Perl', code: ['-e', '-E'], valued: [] },
  php: { language: 'PHP', code: ['-r'], valued: ['-c', '-d', '-z'] },
};

/** The interpreter a program name or a script's extension names: `python3.12` and `py` are Python. */
function interpreterOf(name: string): string | null {
  const key = /^python[\d.]*$|^py$/.test(name) ? 'python' : name === 'nodejs' || /^(?:js|mjs|cjs|ts)$/.test(name) ? 'node' : name === 'rb' ? 'ruby' : name === 'pl' ? 'perl' : name;
  return Object.hasOwn(INTERPRETERS, key) ? key : null;
}

/** Files that are programs in other languages, whose commands are not shell. */
const NOT_SHELL = /\.(?:py|js|mjs|cjs|ts|rb|pl|php|jar|class|exe|so|bin|json|ya?ml)$/i;
/** Package managers that run the scripts of package.json. */
const NODE_MANAGERS = new Set(['npm', 'yarn', 'pnpm', 'bun']);
/** npm commands that run the script of the same name (with its pre and post scripts). */
const NPM_SCRIPT_COMMANDS = new Set(['start', 'test', 't', 'tst', 'stop', 'restart']);
/** Yarn and pnpm commands of their own: \`yarn <name>\` runs a script only when the name is not one of them. */
const NODE_BUILTINS = new Set([
  'add', 'audit', 'autoclean', 'bin', 'cache', 'check', 'config', 'create', 'dedupe', 'dlx', 'exec', 'explain', 'global', 'help', 'import', 'info',
  'init', 'install', 'i', 'licenses', 'link', 'list', 'login', 'logout', 'node', 'outdated', 'owner', 'pack', 'patch', 'plugin', 'policies', 'prune',
  'publish', 'rebuild', 'remove', 'rm', 'run', 'set', 'store', 'tag', 'team', 'unlink', 'up', 'update', 'upgrade', 'upgrade-interactive', 'version',
  'versions', 'why', 'workspace', 'workspaces', 'env', 'setup', 'fetch', 'deploy', 'ci',
]);
/**
 * Bun's own commands: \`bun build\` bundles and \`bun test\` runs Bun's test runner, whatever
 * package.json's scripts say (a built-in takes precedence over a script of the same name).
 */
const BUN_BUILTINS = new Set([
  'add', 'audit', 'build', 'completions', 'create', 'exec', 'help', 'info', 'init', 'install', 'i', 'link', 'outdated', 'patch', 'pm', 'publish',
  'remove', 'rm', 'repl', 'test', 'unlink', 'update', 'upgrade', 'why', 'x',
]);
/** What \`bun <name>\` or \`bun run <name>\` runs as a file rather than a script: a path, or a JavaScript or TypeScript file. */
const BUN_FILE = /\/|\.(?:[cm]?[jt]sx?)$/;
/** Options that run scripts of other packages (workspaces) than the one in the folder. */
const WORKSPACE_OPTIONS = ['-r', '--recursive', '--filter', '-F', '-w', '--workspace', '--workspaces', '-ws'];

/** A word that starts with a parameter expansion other than the arguments (`$@`, `$*`), which a script's CMD gives it. */
const ENVIRONMENT_COMMAND = /^["']?\$\{?(?![@*])[A-Za-z_]/;

/**
 * Programs an entrypoint runs the server through as another user (`exec gosu postgres "$@"`,
 * `su-exec app:app node server.js`): the user comes first, then the command, which is what runs.
 */
const USER_SWITCHES = new Set(['gosu', 'su-exec']);

/** Where the command an init (`tini -s -- cmd`) or a user switch (`gosu app cmd`) starts is in its words (null: not literal), or -1. */
function runsNext(words: readonly (string | null)[]): number {
  const head = words[0];
  if (head == null) return -1;
  const name = posix.basename(head);
  if (USER_SWITCHES.has(name)) return words.length > 2 ? 2 : -1;
  // Asked of every command a stage runs: the words are copied only for an init.
  return Object.hasOwn(INIT_WRAPPERS, name) ? wrappedProgram(words.map((w) => w ?? '')) : -1;
}

/**
 * By build context, then stage. By the context itself, not its root: the context with the files a
 * pass proposed laid over it (a .dockerignore) has the same root and may read otherwise.
 */
const scans = new FileMemo<Map<BuildContext | null, (StageScan | undefined)[]>>();

/** The commands one stage runs (its own instructions only; ask for each stage built on it too). */
export function stageCommands(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null): StageScan {
  let perFile = scans.get(file);
  if (perFile === undefined) scans.set(file, (perFile = new Map()));
  let perContext = perFile.get(ctx);
  if (perContext === undefined) perFile.set(ctx, (perContext = []));
  return (perContext[stage.index] ??= scanStage(file, stage, ctx));
}

function scanStage(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null): StageScan {
  const commands: StageCommand[] = [];
  const unknowns: Unknown[] = [];
  const entrypoint = lastEntrypoint(file, stage);
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
        // A shell-form ENTRYPOINT never runs the CMD. An exec-form one is given it as arguments, and
        // tini, gosu, docker-entrypoint.sh and most entrypoint scripts (`exec "$@"`) run them as the
        // command: read it, unless it starts with an option and so can only be arguments.
        if (entrypoint === null || (entrypoint.form === 'exec' && !startsWithOption(inst))) reader.startup(true);
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
 * The value a script gives the variable a word is (`JAVA="${JAVA_HOME}/bin/java"` … `exec $JAVA -jar app.jar`), as a
 * word to read in its place: only when every assignment of it in the script writes the same text, and nothing else
 * sets it (`read`, `for … in`).
 */
function assignedIn(script: ShellScript, word: ShellWord): ShellWord | null {
  const m = /^"?\$\{?([A-Za-z_]\w*)\}?"?$/.exec(word.raw);
  if (m === null || !/^(?:"\$\{?\w+\}?"|\$\w+|\$\{\w+\})$/.test(word.raw)) return null;
  const name = m[1]!;
  const values = script.commands.flatMap((c) => c.assigns.filter((a) => a.name === name).map((a) => script.source.slice(a.start, a.end).slice(name.length + 1)));
  const written = script.source.match(new RegExp(`(?<![\\w$])${name}\\+?=`, 'g'))?.length ?? 0;
  if (values.length === 0 || values.length !== written || new Set(values).size !== 1) return null;
  if (new RegExp(`\\bread\\b[^\\n;&|]*\\s${name}\\b|\\bfor\\s+${name}\\s+in\\b`).test(script.source)) return null;
  const raw = values[0]!;
  const value = /^[\w./+-]+$/.test(raw) ? raw : /^'([\w./+-]+)'$/.exec(raw)?.[1] ?? /^"([\w./+-]+)"$/.exec(raw)?.[1] ?? null;
  return { ...word, raw, value };
}

/** An exec-form CMD whose first word is an option (`CMD ["--port", "80"]`): arguments of the ENTRYPOINT's program. */
function startsWithOption(inst: Instruction): boolean {
  return inst.form === 'exec' && (inst.execArgs?.[0]?.startsWith('-') ?? false);
}

/**
 * `curl … | sh`, `wget -O- … | bash -s -- --flag`: a shell at the end of a pipeline with no
 * script file (or `-s`) runs what comes through the pipe.
 */
function readsScriptFromPipe(argv: readonly (string | null)[], command: SimpleCommand): boolean {
  return command.enclosing.includes('pipeline') && !command.pipedOut && shellOperand(argv).stdin;
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

  /**
   * A script in another language (Rails' bin/setup in Ruby, a Python or Node script): its commands
   * are not shell and are not read, but one that has a package manager install or fetch (`system!
   * "bundle install"`, `execSync('npm ci')`) needs what that command needs, which stays unknown.
   */
  private otherLanguage(written: string, text: string | null, language: string): void {
    const spawned = text === null ? null : SPAWNED_INSTALL.exec(text);
    if (spawned === null) return;
    const named = INTERPRETERS[interpreterOf(language) ?? '']?.language ?? language;
    this.unknown(written, `a ${named} script that runs \`${spawned[0].replace(/['"\s,[\]]+/g, ' ')}\`, whose needs dockshift cannot read in that language`);
  }

  /** The text of a file the Dockerfile copies: the build context's, or a heredoc's (null when not known here). */
  private textOf(origin: Extract<PathOrigin, { kind: 'context' | 'inline' }>): string | null {
    return origin.kind === 'inline' ? origin.text : (this.ctx?.read(origin.path) ?? null);
  }

  /**
   * `python tools/deps.py`, `ruby bin/setup`, `node scripts/install.js`: the script an interpreter runs,
   * read as one run by its path is (otherLanguage). Not setup.py, which uses.ts reads as a C build.
   */
  private interpretedScript(argv: readonly (string | null)[], name: string, folder: FolderMove): void {
    const interpreter = interpreterOf(name);
    if (interpreter === null) return;
    const { code, valued } = INTERPRETERS[interpreter]!;
    let i = 1;
    for (; i < argv.length; i++) {
      const a = argv[i];
      if (a == null) return;
      if (!a.startsWith('-') || a === '-') break;
      if (a === '--') {
        i++;
        break;
      }
      if (code.includes(a)) return;
      if (valued.includes(a)) i++;
    }
    const target = argv[i];
    if (target == null || target === '-' || posix.basename(target) === 'setup.py') return;
    const path = commandPath(this.file, { inst: this.inst, folder }, target);
    const origin = path === null ? null : originOfFile(this.file, this.inst, path, this.ctx);
    if (origin?.kind === 'context' || origin?.kind === 'inline') this.otherLanguage(argv.filter((a) => a !== null).join(' '), this.textOf(origin), interpreter);
  }

  run(): void {
    const body = runBody(this.file, this.inst);
    if (body.ok) return this.script(body.parsed, null, 0, false, 0);
    if (body.code === 'no-body' || body.code === 'not-shell-instruction') return;
    const scripts = unEditedParsed(this.file, this.inst, body.code);
    if (scripts.length === 0) return this.unknown(this.preview(), `${body.reason}, in a language dockshift does not read`);
    // The shell the RUN names for its script (`["bash", "-c", …]`, `RUN <<EOF bash`, `#!/bin/bash`) runs first.
    const interpreter = unEditedInterpreter(this.file, this.inst, body.code);
    if (interpreter !== null) {
      const { shell, written } = interpreter;
      const text = this.preview().includes(written) ? this.preview() : `${this.preview()} (${written})`;
      this.push({ name: posix.basename(shell), argv: [shell], text, command: null, script: null, order: 0, via: null, runtime: false, folder: STAYS });
    }
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
    // `["tini", "--", "/entrypoint.sh"]`: the init runs, and so does what it starts.
    const next = runsNext(argv);
    if (next > 0) {
      this.push({ name, argv, text: argv.join(' '), command: null, script: null, order: 0, via: null, runtime, folder: STAYS });
      return this.argv(argv.slice(next), runtime);
    }
    const c = shellCommandString(argv);
    if (c !== null && argv[c] !== undefined) {
      this.push({ name, argv, text: argv.join(' '), command: null, script: null, order: 0, via: null, runtime, folder: STAYS });
      const parsed = parseScript(argv[c]!);
      if (parsed.ok) this.script(parsed, null, 0, runtime, 0);
      else this.unknown(this.preview(), 'its shell command does not parse');
      return;
    }
    this.push({ name, argv, text: argv.join(' '), command: null, script: null, order: 0, via: null, runtime, folder: STAYS });
    if (NODE_MANAGERS.has(name) || RUNNER_PROGRAMS.has(name)) {
      // Read as the shell would the same words, to see which script it runs.
      const parsed = parseScript(argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' '));
      if (parsed.ok && parsed.commands[0] !== undefined) this.nodeScripts(parsed.commands[0], 0, runtime, 0);
      return;
    }
    this.followScript(argv, 0, null, runtime, 0);
  }

  /**
   * The scripts of package.json a package manager runs: \`npm run build\`, \`yarn build\` and
   * \`pnpm start\` run that script (and its pre and post scripts); a project install runs
   * the project's own lifecycle scripts, and \`node-gyp rebuild\` when it has a binding.gyp
   * and no install script. Their commands are read as the command's own; a package.json
   * that cannot be read makes them unknown.
   */
  private nodeScripts(command: SimpleCommand, order: number, runtime: boolean, depth: number, folder: FolderMove = STAYS): void {
    const r = recognise(command);
    if (r?.kind !== 'package' || !NODE_MANAGERS.has(r.manager)) return;
    const sub = r.subcommand[0]?.value ?? null;
    const text = command.words.map((w) => w.raw).join(' ');
    let names: string[];
    let install = false;
    if (r.action === 'install') {
      if (r.operands.length > 0 || r.hasFlag('-g', '--global', '--ignore-scripts') || sub === 'global') return;
      names = [...LIFECYCLE];
      install = true;
    } else if (sub === 'run' || sub === 'run-script' || sub === 'rum' || sub === 'urn') {
      const script = r.operands[0];
      if (script === undefined) return; // lists the scripts
      if (script.value === null) return this.unknown(text, `the script ${script.raw} depends on a variable`);
      if (r.manager === 'bun' && BUN_FILE.test(script.value)) return;
      names = [`pre${script.value}`, script.value, `post${script.value}`];
    } else if (r.manager === 'bun') {
      if (sub === null || BUN_BUILTINS.has(sub) || BUN_FILE.test(sub)) return;
      names = [`pre${sub}`, sub, `post${sub}`];
    } else if (sub !== null && (NPM_SCRIPT_COMMANDS.has(sub) || (r.manager !== 'npm' && !NODE_BUILTINS.has(sub)))) {
      const name = sub === 't' || sub === 'tst' ? 'test' : sub;
      names = [`pre${name}`, name, `post${name}`];
    } else return;
    const workspaces = r.options.find((o) => WORKSPACE_OPTIONS.includes(o.name));
    if (workspaces !== undefined) return this.unknown(text, `\`${workspaces.name}\` runs the scripts of workspace packages, which dockshift does not read`);
    const dir = r.optionValue('--prefix', '--cwd', '-C', '--dir') ?? '.';
    const manifest = dir === null ? null : commandPath(this.file, { inst: this.inst, folder }, posix.join(dir, 'package.json'));
    let origin = manifest === null ? null : originOfFile(this.file, this.inst, manifest, this.ctx);
    // \`COPY --from=build /app /app\`: the package.json the build stage copied in from the context.
    for (let hops = 0; origin?.kind === 'stage' && origin.stage !== null && hops < MAX_SCRIPT_DEPTH; hops++) {
      origin = originAtEnd(this.file, this.file.stages[origin.stage]!, posix.join('/', origin.path), this.ctx);
    }
    const json = origin?.kind === 'context' ? this.ctx?.read(origin.path) ?? null : null;
    const packageJson = readPackageJson(json);
    if (origin?.kind !== 'context' || packageJson === null) {
      const why =
        manifest === null ? whyNoPath({ folder }, 'the project folder is not known')
        : origin === null ? 'no COPY of this Dockerfile puts package.json there'
        : origin.kind === 'context' ? (json === null && this.ctx?.exists(origin.path) !== true ? `${origin.path} is not in the build context` : `${origin.path} is not a package.json dockshift can read`)
        : origin.kind === 'stage' ? `package.json comes from ${origin.image}`
        : origin.kind === 'download' ? `package.json is downloaded from ${origin.url}`
        : unreadOrigin(origin);
      return this.unknown(text, `it runs scripts of package.json: ${why}`);
    }
    const { scripts, json: pkg } = packageJson;
    for (const name of names) {
      const body = own(scripts, name);
      if (typeof body !== 'string') continue;
      if (depth >= MAX_SCRIPT_DEPTH) return this.unknown(text, `the "${name}" script of ${origin.path} is nested too deep in other scripts`);
      const parsed = parseScript(body);
      if (!parsed.ok) return this.unknown(text, `the "${name}" script of ${origin.path} does not parse as shell`);
      this.script(parsed, `${origin.path} "${name}" script`, order, runtime, depth + 1);
    }
    // npm and pnpm run \`node-gyp rebuild\` for a package with a binding.gyp and no install script of its own.
    if (install && typeof scripts.install !== 'string' && typeof scripts.preinstall !== 'string' && pkg.gypfile !== false) {
      const gyp = posix.join(posix.dirname(origin.path), 'binding.gyp');
      const gypOrigin = manifest === null ? null : originOfFile(this.file, this.inst, posix.join(posix.dirname(manifest), 'binding.gyp'), this.ctx);
      if (pkg.gypfile === true || (gypOrigin?.kind === 'context' && this.ctx?.exists(gypOrigin.path) === true)) {
        this.push({ name: 'node-gyp', argv: ['node-gyp', 'rebuild'], text: 'node-gyp rebuild', command: null, script: null, order, via: `${gyp}: the default install script`, runtime, folder: STAYS });
      }
    }
  }

  private push(c: Omit<StageCommand, 'inst'>): void {
    this.commands.push({ inst: this.inst, ...c });
  }

  /** `folder`: where the script runs, from the WORKDIR (its caller's `cd`s). */
  private script(script: ShellScript, via: string | null, order: number, runtime: boolean, depth: number, folder: FolderMove = STAYS): void {
    for (const command of script.commands) {
      const at = via === null ? command.start : order;
      const away = thenMove(folder, folderMove(script, command));
      let words = programWords(command);
      let argv = words.map((w) => w.value);
      for (let at = runsNext(argv); at > 0; at = runsNext(argv)) {
        words = programWordsOf(words.slice(at));
        argv = words.map((w) => w.value);
      }
      const program = words[0];
      if (program === undefined) continue;
      const text = script.source.slice(command.start, command.end);
      let name: string;
      if (program.value !== null) name = posix.basename(program.value);
      else {
        const known = this.programOf(program, script.source) ?? this.programOf(assignedIn(script, program) ?? program, script.source);
        if (known === 'arguments') continue;
        if (known === null) {
          this.unknown(text, `its program ${program.raw} is only known when it runs${via === null ? '' : ` (in ${via})`}`);
          continue;
        }
        argv[0] = known.path;
        name = known.name;
      }
      this.push({ name, argv, text, command, script, order: at, via, runtime, folder: away });
      // `eval ${STARTUP}` when the container starts: the command line comes from its environment (a game panel's
      // startup command, say), which the Dockerfile does not show. Not `eval exec java $JAVA_OPTS -jar app.jar`,
      // whose program is written out: only its options are the environment's.
      const evaluated = name === 'eval' ? words[1] : undefined;
      if (runtime && evaluated !== undefined && ENVIRONMENT_COMMAND.test(evaluated.raw) && !/\$\(|`/.test(evaluated.raw)) {
        this.unknown(text, 'eval runs a command line the container is given in its environment when it starts, which the Dockerfile does not show');
        continue;
      }
      // `sh -c '…'`: the inner script's commands run too.
      if (SHELL_PROGRAMS.has(name) && readsScriptFromPipe(argv, command)) {
        this.unknown(text, 'the shell runs a script it reads from a pipe (downloaded at build time, say)');
        continue;
      }
      // `sh -c "nvm install $NODE_VERSION"` under `ENV NODE_VERSION=20`: the shell is given the ENV's value.
      const shellArgv = SHELL_PROGRAMS.has(name) && argv.includes(null) ? words.map((w) => wordWithEnv(this.file, this.inst, w, script.source)) : argv;
      const c = shellCommandString(shellArgv);
      if (c !== null && shellArgv[c] != null) {
        const inner = parseScript(shellArgv[c]!);
        if (inner.ok) this.script(inner, via, at, runtime, depth, away);
        else this.unknown(text, 'the shell runs a command string that does not parse');
        continue;
      }
      // `sh -c "dotnet publish -r $RID"`: what the shell runs is only known at build time.
      if (SHELL_PROGRAMS.has(name) && shellArgv.includes(null) && shellOperand(shellArgv).command) {
        this.unknown(text, 'the shell runs a command string only known at build time');
        continue;
      }
      // `su -c "apt-get install -y x" root`: su gives the string to the user's shell.
      const su = SU_PROGRAMS.has(name) ? argv.indexOf('-c') : -1;
      if (su !== -1 && su + 1 < words.length) {
        const string = wordWithEnv(this.file, this.inst, words[su + 1]!, script.source);
        const inner = string === null ? null : parseScript(string);
        if (inner?.ok === true) this.script(inner, via, at, runtime, depth);
        else this.unknown(text, string === null ? 'su runs a command string only known at build time' : 'su runs a command string that does not parse');
        continue;
      }
      if (RUNNER_PROGRAMS.has(name)) {
        // `npx -p pnpm@9 -c 'pnpm install'` runs its string as a shell would; a runner otherwise unread is unknown.
        const unread = unreadRunner(command);
        const inner = unread?.script === undefined ? null : parseScript(unread.script);
        if (inner?.ok === true) {
          this.script(inner, via, at, runtime, depth, away);
          continue;
        }
        if (unread !== null) {
          this.unknown(text, `it may run a package manager: ${unread.why}`);
          continue;
        }
      }
      if (NODE_MANAGERS.has(name) || RUNNER_PROGRAMS.has(name)) {
        this.nodeScripts(command, at, runtime, depth, away);
        continue;
      }
      this.followScript(argv, at, via, runtime, depth, command, away);
    }
  }

  /**
   * A program written with a parameter: `"$@"` and `exec "$0"` run the arguments (an entrypoint's
   * CMD, read as the command) or the script itself; `$PYTHON` under `ENV PYTHON=python3.12` (or an
   * ARG's default) is that program; `${JAVA_HOME}/bin/jmap` is jmap wherever the JDK is. Anything
   * else (`$(switch_user) tini`, `$CC` the Dockerfile does not set) is null: not known here.
   */
  private programOf(word: ShellWord, source: string): { readonly name: string; readonly path: string | null } | 'arguments' | null {
    // A substitution of only a comment (`` `#gem sources …` ``, a line commented out in a RUN) is empty: nothing runs.
    if (/^"?\$\{?[@*0]\}?"?$/.test(word.raw) || /^`\s*#[^`]*`$/.test(word.raw)) return 'arguments';
    const value = wordWithEnv(this.file, this.inst, word, source, true);
    if (value !== null && value !== '' && !/\s/.test(value)) return { name: posix.basename(value), path: value };
    // `"${CONDA_DIR}/envs/${env_name}/bin/python"`: parameters in the folders only; the file's name is written out.
    const tail = /^"?\/?(?:\$(?:[A-Za-z_]\w*|\{[A-Za-z_]\w*\})|[\w.+-]+)(?:\/(?:\$(?:[A-Za-z_]\w*|\{[A-Za-z_]\w*\})|[\w.+-]+))*\/([\w.+-]+)"?$/.exec(word.raw);
    // Not a shell script (`gpu/${OEM}/prep.sh`): which one it is, and so what it runs, is not known.
    return tail === null || /\.(?:sh|bash)$/.test(tail[1]!) ? null : { name: tail[1]!, path: null };
  }

  /**
   * Where a program named without a path is found, among the PATH folders a COPY or ADD of this
   * Dockerfile writes: the first one the build context holds the file for (\`COPY rootfs/ /\` covers
   * every folder of PATH, but only its usr/local/bin has the script), else the first one written.
   */
  private onPath(program: string): string | null {
    const written = DEFAULT_PATH.map((d) => `${d}/${program}`).filter((p) => originOfFile(this.file, this.inst, p, this.ctx) !== null);
    const held = written.find((p) => {
      const origin = originOfFile(this.file, this.inst, p, this.ctx);
      return origin?.kind === 'context' && this.ctx?.kind(origin.path) === 'file';
    });
    return held ?? written[0] ?? null;
  }

  /**
   * A program named without a path or a script's suffix (`run-test`, `docker-entrypoint`) that a
   * COPY puts on PATH as a shell script, read from the build context or a heredoc: it is read as
   * one, as it would be by its path. One the context does not hold may be a compiled program, and
   * is left to the image as before.
   */
  private shellScriptOnPath(program: string): { path: string; onPath: boolean } | null {
    if (program.includes('/')) return null;
    const path = this.onPath(program);
    const origin = path === null ? null : originOfFile(this.file, this.inst, path, this.ctx);
    if (origin?.kind !== 'context' && origin?.kind !== 'inline') return null;
    const text = this.textOf(origin);
    if (text === null) return null;
    const shebang = shebangOf(text);
    return shebang !== null && SHELL_PROGRAMS.has(shebang.program) ? { path: program, onPath: true } : null;
  }

  /**
   * A script the command runs (`./install.sh`, `sh build.sh`, `. env.sh`, `/app/run.sh`)
   * that a COPY brought in from the build context: read and scanned, or listed as unknown.
   */
  private followScript(argv: readonly (string | null)[], order: number, via: string | null, runtime: boolean, depth: number, command?: SimpleCommand, folder: FolderMove = STAYS): void {
    const first = argv[0];
    if (first == null) return;
    const name = posix.basename(first);
    // `/usr/local/bin/python tools/deps.py` too: the interpreter is a program of the image.
    if (interpreterOf(name) !== null) return this.interpretedScript(argv, name, folder);
    const run = scriptFileOf(argv) ?? this.shellScriptOnPath(first);
    if (run === null) return;
    const { path: target, onPath } = run;
    const written = command === undefined ? argv.join(' ') : argv.filter((a) => a !== null).join(' ');
    const path = onPath ? this.onPath(first) : commandPath(this.file, { inst: this.inst, folder }, target);
    if (path === null) {
      if (onPath) return; // none the Dockerfile copies: the base image's, or made by a RUN
      return this.unknown(written, whyNoPath({ folder }, `the path of ${target} depends on a variable or the working directory is unknown`));
    }
    const origin = originOfFile(this.file, this.inst, path, this.ctx);
    if (origin === null) return; // part of the base image, or made by a RUN: not a script of this project
    if (origin.kind === 'stage' || origin.kind === 'download') return; // built elsewhere or downloaded: a program, not a script to read
    // A script written from a heredoc (\`COPY <<EOF /app/setup.sh\`) is read from the Dockerfile, and named by where it lands.
    const source = origin.kind === 'context' ? origin.path : path;
    if (NOT_SHELL.test(origin.kind === 'context' ? origin.path : target)) return this.otherLanguage(written, origin.kind === 'unknown' ? null : this.textOf(origin), posix.extname(target).slice(1));
    if (origin.kind === 'unknown') return this.unknown(written, `${target} comes from ${origin.why}`);
    if (depth >= MAX_SCRIPT_DEPTH) return this.unknown(written, `${source} is nested too deep in other scripts`);
    const text = this.textOf(origin);
    if (text === null) return this.unknown(written, origin.kind === 'inline' ? `the ${origin.inst.keyword} on line ${origin.inst.line} writes ${target} from a heredoc whose variables are expanded when it builds` : `${source} is not in the build context dockshift can read`);
    const shebang = shebangOf(text);
    if (shebang !== null && !SHELL_PROGRAMS.has(shebang.program)) return this.otherLanguage(written, text, shebang.program);
    if (shebang !== null && shebang.program === 'bash' && !SHELL_PROGRAMS.has(name)) {
      // Where the script was started from, as for any command there: not the script itself, which the text names.
      this.push({ name: 'bash', argv: ['bash', source], text: `${source} (#!${shebang.line})`, command: null, script: null, order, via, runtime, folder });
    }
    const parsed = parseScript(text);
    if (!parsed.ok) return this.unknown(written, `${source} does not parse as shell`);
    this.script(parsed, source, order, runtime, depth + 1, folder);
  }
}
