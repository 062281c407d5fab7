/**
 * Whether a stage can run as a user that is not root: what it runs, whether that
 * program starts as root on purpose (to drop privileges itself, bind a low port,
 * boot an init system or a Docker daemon), and what the Dockerfile says about
 * how it is run. Each blocker is a value with the instruction it comes from.
 */
import * as path from 'node:path';
import { own } from '../own.js';
import { FileMemo, Memo } from '../memo.js';
import type { BuildContext } from '../engine/context.js';
import { logicalText } from '../dockerfile/logical.js';
import { resolveStage, stageReferences } from '../dockerfile/graph.js';
import { canonicalName, parseImageRef } from '../dockerfile/imageRef.js';
import { rootStage, stageLineage } from '../dockerfile/stages.js';
import type { Instruction, ParsedDockerfile, Stage } from '../dockerfile/types.js';
import { envAtEnd, properties, variablesAt } from '../dockerfile/variables.js';
import { expandWord } from '../dockerfile/words.js';
import { APP_FOLDER_WRITERS, type AppFolderWriter, entrypointExecsItsCommand, GO_SQLITE_MODULES, GO_TAILNET_LISTENERS, identify, listenAddressPort, portsOf, portVariable, type PortVariable, START_FOLDER_DATA, type PackageRegistry, type ProjectSign, type StartFolderData } from '../knowledge/index.js';
import { declaredDependencies } from '../deps/declared.js';
import { readPackageJson, scriptName, scriptRun } from '../deps/packageJson.js';
import type { IdentifiedImage } from '../knowledge/types.js';
import { fileOwners, worldWritableFolders } from './accounts.js';
import { contextFileAt, copySteps, imagePathsOf, programOrigin } from './copiedFiles.js';
import { nginxAsUser, type NginxVerdict } from './nginxConfig.js';
import { commandsNamed, MKDIR_GRAMMAR, mkdirOperands, runScripts, runScriptsOf } from './runScripts.js';
import { HOME_DATA, HOME_DOWNLOAD_PACKAGES, HOME_DOWNLOADS, TOOL_ENV, TOOL_STATE } from '../knowledge/toolState.js';
import { DOCKER_CLIENTS, FUSE_MOUNTERS, GPU_DRIVER_PACKAGES, SERIAL_CLIENTS, PACKAGED_ROOT_CONFIGS, PRIVILEGE_DROPPERS, PRIVILEGE_DROPPING_SUBCOMMANDS, ROOT_PROGRAMS, SYSTEM_CHANGERS } from '../knowledge/privileges.js';
import { builtGoFile, GO_FILES_READ, goMainOf } from './builds/go.js';
import { appModules, appReferenceModule, modulePaths, pythonWrites, type PythonSource } from './pythonWrites.js';
import { contextFiles } from './builds/plan.js';
import { stageCommands } from './commands.js';
import { pipRequirements } from './dependencies.js';
import { archiveWritten, folderMove, functionBodies, invokedProgram, invokedTool, mounts, packageCommands, parseScript, programWords, recognise, scriptConstants, scriptFileOf, shebangOf, SHELL_PROGRAMS, shellString, withConstants, type FolderMove, type PackageCommand, type PackageManager, type ShellScript, type ShellWord, type SimpleCommand } from '../shell/index.js';
import { commandPath, pathIn, workdirAtEnd, workdirAtEndByDefault } from './paths.js';
import { grammar, splitArgs } from '../shell/argv.js';
import { short } from './pidOne.js';
import { baseName, commandWords, runWords, startCommand, startScripts, type StartCommand } from './startCommand.js';
import { startFileNamed, startScriptFiles, wrappedProgram } from './startScriptFiles.js';
import { stateFolders, volumePaths } from './volumes.js';
import { caddyCapability, caddyListening } from './caddy.js';
import { CADDY } from '../knowledge/caddy.js';
import { installedPackages } from './builds/packages.js';
import { packageOperandName } from '../knowledge/packageNames.js';

export type BlockerCode = 'manages-privileges' | 'needs-root' | 'entrypoint-unread' | 'privileged-port' | 'privileged-hint' | 'root-home' | 'writes-app-folder';

export interface Blocker {
  readonly code: BlockerCode;
  readonly reason: string;
  /** File offset to report it at. */
  readonly at: number;
}

/** Network tools that only read unless a word names a change: `ip link set …`, `tc qdisc add …`. */
const NETWORK_TOOLS = new Set(['ip', 'tc']);
const NETWORK_CHANGES = new Set(['add', 'append', 'change', 'chg', 'del', 'delete', 'flush', 'prepend', 'replace', 'set']);
const NETWORK_WHY = 'changing network interfaces, routes or queues needs CAP_NET_ADMIN, which `--cap-add` gives root but not another user';

/** Why `ip` or `tc` run with `args` changes the network, or undefined when they only read (`ip -4 route`, `tc qdisc show`). */
function networkChange(name: string, args: readonly { readonly value: string | null }[]): string | undefined {
  if (!NETWORK_TOOLS.has(name)) return undefined;
  return args.some((w) => w.value !== null && NETWORK_CHANGES.has(w.value)) ? NETWORK_WHY : undefined;
}

/**
 * Programs that start, stop or reload a system service, and which of their words (options left out)
 * is the action: `service NAME start`, `rc-service NAME start`, `invoke-rc.d NAME start`,
 * `systemctl start NAME`; an init script (`/etc/init.d/NAME start`) is matched by its folder.
 */
const SERVICE_MANAGERS: Readonly<Record<string, number>> = { service: 1, 'rc-service': 1, 'invoke-rc.d': 1, systemctl: 0 };
const INIT_SCRIPT_DIRS = ['/etc/init.d/', '/etc/rc.d/init.d/'];

/**
 * Actions that change a service's state: its init script writes its pid file under /run and starts
 * the daemon as root (to switch it to its own account, or bind its port); systemctl talks to systemd.
 */
const SERVICE_ACTIONS = new Set([
  'start', 'stop', 'restart', 'reload', 'force-reload', 'try-restart', 'condrestart', 'reload-or-restart', 'try-reload-or-restart',
  'enable', 'disable', 'mask', 'unmask', 'zap', 'pause', 'resume',
]);

const SERVICE_WHY = 'starting, stopping or reloading a system service needs root (its init script writes under /run and starts the daemon as root)';

/** Why `program` run with `args` changes a system service's state, or undefined: an action it cannot read counts as one. */
function serviceChange(path: string, name: string, args: readonly { readonly value: string | null }[]): string | undefined {
  const at = INIT_SCRIPT_DIRS.some((d) => path.startsWith(d)) ? 0 : (own(SERVICE_MANAGERS, name) ?? null);
  if (at === null) return undefined;
  const positionals = args.filter((w) => w.value === null || !w.value.startsWith('-'));
  const action = positionals[at];
  if (action === undefined) return undefined;
  return action.value === null || SERVICE_ACTIONS.has(action.value) ? SERVICE_WHY : undefined;
}

/**
 * The first \`pip install\` the container runs when it starts (its command, an \`sh -c\` string, an entrypoint script)
 * into the interpreter's own site-packages: not \`--user\`, nor into a folder it names (\`--target\`, \`--prefix\`,
 * \`--root\`). As root it writes the image's site-packages; as another user pip cannot, and installs into the user's
 * site-packages under HOME instead (changedetection.io's \`pip3 install $EXTRA_PACKAGES\`), or fails where HOME is not
 * the user's to write. Null when there is none.
 */
export function startPipInstall(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null): { readonly command: string; readonly where: string } | null {
  const command = startCommand(file, stage);
  const scripts = [
    ...startScripts(command).map(({ script }) => ({ script, where: 'the command' })),
    ...startScriptFiles(file, stage, ctx, command).flatMap((f) => (f.text === null || f.config !== null ? [] : [{ script: f.text, where: f.path }])),
  ];
  for (const { script, where } of scripts) {
    const parsed = parseScript(script);
    if (!parsed.ok) continue;
    const install = packageCommands(parsed, 'pip').find((r) => r.action === 'install' && !r.hasFlag('--user') && r.optionValue('--target', '-t', '--prefix', '--root') === undefined);
    if (install !== undefined) return { command: short(script.slice(install.command.start, install.command.end)), where };
  }
  return null;
}

/** Package managers that install into the system (their `-g` installs, for npm, pnpm and yarn). */
const SYSTEM_MANAGERS: ReadonlySet<PackageManager> = new Set(['apt', 'apk', 'yum', 'dnf', 'microdnf', 'zypper']);

/**
 * The first command of `script` that changes the system, and why that needs root: a system
 * package manager installing, updating, removing or cleaning, a global npm/pnpm/yarn install, a
 * `uv pip install --system`, a service started, stopped or reloaded (`service NAME start`), a
 * network change (`ip link set …`, `tc qdisc add …`), or one of SYSTEM_CHANGERS. Null when there is none, or the script is not shell the parser reads.
 */
export function systemChange(script: string): { command: string; why: string } | null {
  const parsed = parseScript(script);
  if (!parsed.ok) return null;
  for (const c of parsed.commands) {
    const text = () => short(script.slice(c.start, c.end));
    const r = recognise(c);
    if (r?.kind === 'package' && r.action !== 'other') {
      if (SYSTEM_MANAGERS.has(r.manager)) return { command: text(), why: 'changing the system\'s packages needs root' };
      const global = r.manager === 'yarn' ? r.subcommand[0]?.value === 'global' : (r.manager === 'npm' || r.manager === 'pnpm') && r.hasFlag('-g', '--global');
      if (global && r.action !== 'clean') return { command: text(), why: `a global ${r.manager} install writes to the system's folders, which needs root` };
    }
    if (c.words[0]?.value === 'ulimit' && ulimitSetsHard(c.words.slice(1))) {
      return { command: text(), why: 'it sets the hard limit too (no -S), and raising that past what the container runtime gives needs root (CAP_SYS_RESOURCE): as another user the command fails where the runtime\'s limit is lower' };
    }
    const program = invokedProgram(c);
    if (program !== null && program.name === 'uv' && uvSystemInstall(program.args)) {
      return { command: text(), why: 'uv installs into the system Python\'s site-packages, which only root may write (unlike pip, it does not fall back to the user\'s)' };
    }
    if (program !== null && program.name === 'ldconfig' && ldconfigWritesCache(program.args)) {
      return { command: text(), why: 'rebuilding the shared library cache writes /etc/ld.so.cache, which only root may' };
    }
    if (program !== null && program.name === 'install' && installGivesOwner(program.args)) {
      return { command: text(), why: 'giving the installed files an owner or group (-o, -g) needs root' };
    }
    if (program !== null && program.name === 'sysctl' && sysctlWrites(program.args)) {
      return { command: text(), why: 'setting a kernel parameter needs root (and, for most, a privileged container)' };
    }
    if (program !== null && mountsFuse(program.name, program.args)) {
      return {
        command: text(),
        why: "mounting a FUSE filesystem in a container needs /dev/fuse and CAP_SYS_ADMIN, which `--cap-add` gives root: as another user the mount rests on fusermount's setuid bit and a runtime that allows it",
      };
    }
    const why = program === null ? undefined : (own(SYSTEM_CHANGERS, program.name) ?? serviceChange(program.path, program.name, program.args) ?? networkChange(program.name, program.args));
    if (why !== undefined) return { command: text(), why };
  }
  return null;
}

/** Whether a command mounts a FUSE filesystem (FUSE_MOUNTERS): one that only mounts, given something to mount, or a mounting subcommand. */
function mountsFuse(name: string, args: readonly { readonly value: string | null }[]): boolean {
  if (!Object.hasOwn(FUSE_MOUNTERS, name)) return false;
  const words = args.map((a) => a.value);
  const subcommands = FUSE_MOUNTERS[name]!;
  if (subcommands === null) return words.some((w) => w !== null && !w.startsWith('-'));
  return subcommands.some((sub) => words.some((_, i) => sub.every((w, k) => words[i + k] === w)));
}

/**
 * ldconfig rebuilds /etc/ld.so.cache unless told only to print (\`-p\`, \`--version\`), to link only what it is given
 * (\`-n\`, \`-l\`), to write no cache (\`-N\`), or to write another (\`-C FILE\`, \`-r ROOT\`).
 */
const LDCONFIG_NO_CACHE = new Set(['-p', '--print-cache', '-n', '-N', '-l', '-C', '-r', '-V', '--version', '--help', '-?', '--usage']);

function ldconfigWritesCache(args: readonly { readonly value: string | null }[]): boolean {
  return !args.some((a) => a.value !== null && (LDCONFIG_NO_CACHE.has(a.value) || /^-[Cr]./.test(a.value)));
}

/**
 * coreutils' install with an owner or group (\`install -o app -g app -m 0755 run.sh /usr/local/bin\`, \`-oroot\`,
 * \`--owner=…\`): it chowns what it copies, which only root may. Without them it copies as the user running it.
 */
function installGivesOwner(args: readonly { readonly value: string | null }[]): boolean {
  for (const { value } of args) {
    if (value === null || !value.startsWith('-')) continue;
    if (/^--(?:owner|group)(?:=|$)/.test(value)) return true;
    if (value.startsWith('--')) continue;
    // A bundle of short options (`-Dm755`, `-og`) ends at one that takes a value: the rest is that value (`-mgo+w`).
    for (const ch of value.slice(1)) {
      if (ch === 'o' || ch === 'g') return true;
      if (INSTALL_VALUED.has(ch)) break;
    }
  }
  return false;
}

/** coreutils install's short options that take a value (besides -o and -g): a mode, a target folder, a suffix. */
const INSTALL_VALUED = new Set(['m', 't', 'S']);

/** sysctl sets parameters given as \`NAME=VALUE\`, or with -w, -p or --system (from files); it only reads otherwise (\`sysctl -a\`, \`sysctl vm.max_map_count\`). */
function sysctlWrites(args: readonly { readonly value: string | null }[]): boolean {
  return args.some((a) => a.value === null || a.value.includes('=') || /^-[a-zA-Z]*[wp]|^--(?:write|load|system)\b/.test(a.value));
}

/**
 * The shell's \`ulimit\` given a value without -S (\`ulimit -n 65536\`, \`ulimit -Hl unlimited\`): it sets the hard
 * limit as well as the soft one, and only root may raise a hard limit. A value of \`hard\` or \`soft\` is the
 * current limit; -S alone moves the soft limit under the hard one, as any user may; no value only prints.
 */
function ulimitSetsHard(args: readonly ShellWord[]): boolean {
  const { options, positionals } = splitArgs(args, ULIMIT);
  const value = positionals[0];
  if (value === undefined || value.value === 'hard' || value.value === 'soft') return false;
  const has = (name: string) => options.some((o) => o.name === name);
  return has('-H') || !has('-S');
}

/** ulimit's options, bundled as in \`-Hn\`, take no value: the limit is the operand. */
const ULIMIT = grammar([], true);

/** `uv pip install --system` (sync, uninstall; after uv's own options): a change to the system interpreter's packages. */
function uvSystemInstall(args: readonly { readonly value: string | null }[]): boolean {
  const words = args.map((a) => a.value);
  const at = words.findIndex((w) => w === null || !w.startsWith('-'));
  return at !== -1 && words[at] === 'pip' && ['install', 'sync', 'uninstall'].includes(words[at + 1] ?? '') && words.includes('--system');
}

/** A root-only program by its base name (`php-fpm8.2` is php-fpm). */
function rootProgram(name: string): string | undefined {
  return own(ROOT_PROGRAMS, name) ?? own(ROOT_PROGRAMS, name.replace(/[\d.]+$/, ''));
}

/** Ports below this need root (or CAP_NET_BIND_SERVICE) to bind, unless the runtime lowers the limit. */
const FIRST_UNPRIVILEGED_PORT = 1024;

/**
 * The first reason `stage` cannot simply run as a non-root user, or null. `image`
 * is what its lineage starts from (null: scratch or an image the knowledge base does not know).
 */
export function rootBlocker(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, image: IdentifiedImage | null): Blocker | null {
  const command = startCommand(file, stage);
  const at = (command.entrypoint ?? command.cmd)?.inst.span.start ?? stage.from.span.start;
  const words = commandWords(command);
  // What a node runner's package.json script runs stands in for the script's name (`npm run cron`).
  const run = withPackageScript(ctx, words);
  for (const w of run) {
    const name = baseName(w);
    if (PRIVILEGE_DROPPERS.has(name)) return { code: 'manages-privileges', reason: `the command runs ${name}, which starts as root and switches user itself`, at };
  }
  // What an entrypoint script runs is the most specific reason; one that cannot be read comes later,
  // and a system change it makes (often only when it runs as root) after what the command runs.
  const script = scriptBlocker(file, stage, ctx, command, at, image);
  if (script !== null && script.code !== 'entrypoint-unread' && script.kind === 'program') return script;
  // A command that changes the system (`service redis-server start`) says more than a root-only
  // program among its words.
  for (const { part, script } of startScripts(command)) {
    const change = systemChange(script);
    if (change !== null) return { code: 'needs-root', reason: `the container runs \`${change.command}\` when it starts: ${change.why}`, at: part.inst.span.start };
  }
  const started = startedPrograms(command, ctx, (words) => procfileCommands(file, stage, ctx, words));
  for (const w of started) {
    const why = rootProgram(baseName(w));
    if (why === undefined) continue;
    // The image's own command written out (\`CMD ["nginx", "-g", "daemon off;"]\`): judged as the image's is.
    const own = image !== null && runsImageCommand(file, stage, ctx, command, image) ? imageNginx(file, stage, ctx, image) : null;
    if (own?.kind === 'ready') continue;
    if (own?.kind === 'blocked') return { code: 'needs-root', reason: `the command runs ${w}, which must start as root here: ${own.reason}`, at: own.at ?? at };
    // Named as written (`/init`, `apache2-foreground`): the table's reason may name only what it is.
    return { code: 'needs-root', reason: `the command runs ${w}: ${why}`, at };
  }
  if (script !== null && script.code !== 'entrypoint-unread') return script;
  const config = packagedRootConfig(file, stage, words, ctx);
  if (config !== null) return { ...config, at };
  const installed = installsPrivilegeTool(file, stage);
  if (installed !== null) return installed;
  if (image?.facts.mustStartAsRoot != null && !commandReplaced(file, stage, ctx, command, image)) {
    const nginx = imageNginx(file, stage, ctx, image);
    if (nginx === null) return { code: 'needs-root', reason: `${image.raw} must start as root: ${image.facts.mustStartAsRoot}`, at: stage.from.span.start };
    if (nginx.kind === 'blocked') return { code: 'needs-root', reason: `${image.raw} must start as root: ${nginx.reason}`, at: nginx.at ?? stage.from.span.start };
  }
  const device = dockerInDocker(file, stage) ?? capabilityPackage(file, stage) ?? dockerClient(file, stage, ctx, at, started.map(baseName)) ?? serialClient(file, stage, ctx, at) ?? gpuDriver(file, stage);
  if (device !== null) return device;
  if (script !== null) return script;
  return rootHome(file, stage, command, ctx, image) ?? lowPort(file, stage, ctx, command, image, started.map(baseName)) ?? privilegedHint(file) ?? appFolderWriter(file, stage, ctx, image, startTexts(file, stage, ctx, command), words, at) ?? startFileWrite(file, stage, ctx, command) ?? startFolderWrite(file, stage, ctx, startTexts(file, stage, ctx, command), command) ?? goSqliteFile(file, stage, ctx, command, started.map(baseName)) ?? pythonAppWrite(file, stage, ctx, command) ?? configDataFolder(file, stage, ctx, command) ?? caddyWrites(file, stage, ctx, command, image);
}

/**
 * The programs the container may start, as written: each start command's program (seen through
 * `exec`, `env`, `sudo`, `nice`, `setsid`…), the CMD behind an ENTRYPOINT (which most entrypoints
 * run), what an init or another program runs after `--` (`tini -- nginx`, `wait-for-it db:5432 --
 * nginx`), an argument that is the path of a root-only program (`/usr/sbin/nginx`), what a shell's
 * `-c` string runs, and what the package.json script a node runner starts runs. Other arguments are
 * no programs (`rclone serve docker`, `app --db-user postgres`); a command line the shell parser
 * cannot read, or whose program it cannot tell, is taken word by word.
 */
function startedPrograms(command: StartCommand, ctx: BuildContext | null, procfile: (words: readonly string[]) => readonly string[] = () => []): string[] {
  const out: string[] = [];
  const fromScript = (script: string, depth: number): void => {
    const parsed = parseScript(script);
    if (!parsed.ok) {
      out.push(...script.split(/[\s;&|()]+/).filter((w) => w !== ''));
      return;
    }
    for (const c of parsed.commands) {
      const invoked = invokedProgram(c);
      // A program only known when it runs, or a wrapper's option not known here (\`timeout --foo 5 nginx\`): every word may run.
      if (invoked === null) {
        out.push(...c.words.flatMap((w) => (w.value === null ? [] : [w.value])));
        continue;
      }
      const words = [invoked.path, ...invoked.args.map((w) => w.value)];
      const literal = words.flatMap((w) => (w === null ? [] : [w]));
      out.push(invoked.path);
      const wrapped = wrappedProgram(literal);
      if (wrapped > 0 && literal[wrapped] !== undefined) out.push(literal[wrapped]!);
      const dashes = words.indexOf('--');
      if (dashes > 0 && words[dashes + 1] != null) out.push(words[dashes + 1]!);
      out.push(...literal.slice(1).filter((w) => w.includes('/') && rootProgram(baseName(w)) !== undefined));
      if (depth > 0) continue;
      const string = shellString(c);
      if (string !== null) fromScript(string.text, depth + 1);
      const packaged = packageScriptText(ctx, literal);
      if (packaged !== null) fromScript(packaged, depth + 1);
      for (const line of procfile(literal)) fromScript(line, depth + 1);
    }
  };
  for (const { script } of startScripts(command)) fromScript(script, 0);
  return out;
}

/** Programs that start the processes of a Procfile (\`name: command\` lines), with the options that name another one. */
const PROCFILE_RUNNERS: Readonly<Record<string, readonly string[]>> = { forego: ['-f'], foreman: ['-f', '--procfile'], honcho: ['-f', '--procfile'] };

/** Their options that start the processes in another folder than the Procfile's. */
const PROCFILE_ROOT_OPTIONS = new Set(['-d', '--root', '--app-root']);

/**
 * Tools that run the command after them in the project's environment, as a Procfile runner the project
 * declares is started (\`bundle exec foreman start\`, \`poetry run honcho start\`).
 */
const RUNS_NEXT: Readonly<Record<string, string>> = { bundle: 'exec', poetry: 'run', pipenv: 'run', uv: 'run', pdm: 'run' };

/** A Procfile a command starts: where the build context has it, the folder it is in in the image, and its commands. */
interface Procfile {
  readonly path: string;
  readonly folder: string;
  /** Its processes start in another folder than the Procfile's (\`foreman start -d /srv\`). */
  readonly rooted: boolean;
  readonly commands: readonly string[];
}

/**
 * The Procfile that \`forego start\` (foreman's, honcho's, also run by \`bundle exec\`, \`poetry run\`…) runs, read
 * from the build context through the COPY that puts it in the working folder (or where \`-f\` names it); null for
 * another command.
 */
function procfileRun(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, words: readonly string[]): Procfile | null {
  const first = baseName(words[0] ?? '');
  const at = own(RUNS_NEXT, first) !== undefined && words[1] === RUNS_NEXT[first] ? 2 : 0;
  const valued = own(PROCFILE_RUNNERS, baseName(words[at] ?? ''));
  if (valued === undefined || words[at + 1] !== 'start' || ctx === null) return null;
  const args = words.slice(at + 2);
  const named = args.findIndex((w) => valued.includes(w));
  const procfile = named === -1 ? 'Procfile' : args[named + 1];
  const workdir = workdirAtEnd(file, stage);
  if (procfile === undefined || (!procfile.startsWith('/') && workdir === null)) return null;
  const imagePath = path.posix.resolve(workdir ?? '/', procfile);
  const origin = contextFileAt(file, stage, ctx, imagePath);
  const text = origin.kind === 'context' ? ctx.read(origin.path) : origin.kind === 'inline' ? origin.text : null;
  if (text === null) return null;
  return {
    path: origin.kind === 'context' ? origin.path : imagePath,
    folder: path.posix.dirname(imagePath),
    rooted: args.some((w) => PROCFILE_ROOT_OPTIONS.has(w.replace(/=.*$/, ''))),
    commands: text.split('\n').flatMap((line) => /^\s*[\w.-]+\s*:\s*(.+)$/.exec(line)?.[1]?.trim() ?? []),
  };
}

/** The commands of the Procfile a command runs (procfileRun); none for another command. */
function procfileCommands(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, words: readonly string[]): readonly string[] {
  return procfileRun(file, stage, ctx, words)?.commands ?? [];
}

/** A start script: the command's own, one it runs, or one those run by path (`scripts/replace.sh`). */
interface StartText {
  readonly script: string;
  readonly parsed: ShellScript;
  readonly where: string;
  readonly at: number;
}

/** The shell text the container runs at start, with the scripts it names read from the build context, two levels deep. */
function startTexts(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, command: StartCommand): readonly StartText[] {
  const known = startTextsOf.get(command);
  if (known !== undefined && known.ctx === ctx) return known.texts;
  const texts = readStartTexts(file, stage, ctx, command);
  startTextsOf.set(command, { ctx, texts });
  return texts;
}

/** By the start command rootBlocker works out once for a stage: startFileWrite, startFolderWrite and appFolderWriter each read its texts. */
const startTextsOf = new Memo<StartCommand, { readonly ctx: BuildContext | null; readonly texts: readonly StartText[] }>();

function readStartTexts(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, command: StartCommand): StartText[] {
  const at = (command.entrypoint ?? command.cmd)?.inst.span.start ?? stage.from.span.start;
  const out: StartText[] = [];
  const add = (script: string, where: string, at: number) => {
    const parsed = parseScript(script);
    if (parsed.ok) out.push({ script, parsed, where, at });
  };
  for (const { part, script } of startScripts(command)) add(script, 'the command', part.inst.span.start);
  const read = new Set<string>();
  for (const f of startScriptFiles(file, stage, ctx, command)) {
    // A configuration the program reads (\`haproxy -f\`) holds no commands the container runs.
    if (f.text === null || f.config !== null || read.has(f.path)) continue;
    read.add(f.path);
    add(f.text, f.path, at);
  }
  const workdir = workdirAtEnd(file, stage);
  // The processes of a Procfile they start (\`bundle exec foreman start -f Procfile.workers\`), each a command of
  // its own, run from the Procfile's folder: read when that is the working folder, from which the texts' paths are taken.
  for (const started of out.slice()) {
    for (const c of started.parsed.commands) {
      const invoked = invokedProgram(c);
      if (invoked === null) continue;
      const literal = [invoked.path, ...invoked.args.flatMap((w) => (w.value === null ? [] : [w.value]))];
      const procfile = procfileRun(file, stage, ctx, literal);
      if (procfile === null || procfile.rooted || procfile.folder !== workdir || read.has(procfile.path)) continue;
      read.add(procfile.path);
      for (const line of procfile.commands) add(line, `${procfile.path} (run by ${started.where})`, at);
    }
  }
  // What those scripts run by path, through a shell (`sh scripts/env.sh`) or source (`. ./env.sh`),
  // from the working folder the container starts in.
  for (const started of out.slice()) {
    for (const c of started.parsed.commands) {
      const script = scriptFileRun(c);
      const imagePath = script === null ? null : pathIn(workdir, folderMove(started.parsed, c), script);
      if (imagePath === null) continue;
      const origin = contextFileAt(file, stage, ctx, imagePath);
      if (origin.kind !== 'context' && origin.kind !== 'inline') continue;
      // One written from a heredoc is named by where it lands, as startScriptFiles names it.
      const where = origin.kind === 'context' ? origin.path : imagePath;
      if (read.has(where)) continue;
      read.add(where);
      const text = origin.kind === 'context' ? (ctx?.read(origin.path) ?? null) : origin.text;
      if (text !== null) add(text, `${where} (run by ${started.where})`, at);
    }
  }
  return out;
}

/** The script file a command runs (shell/options.ts scriptFileOf); one found in PATH is not the project's to read here. */
function scriptFileRun(c: SimpleCommand): string | null {
  const program = invokedProgram(c);
  if (program === null) return null;
  const run = scriptFileOf([program.path, ...program.args.map((w) => w.value)]);
  return run === null || run.onPath ? null : run.path;
}

/** A file an in-place edit rewrites: its path (null when only known when it runs), and how a message names it. */
interface EditedFile {
  readonly value: string | null;
  readonly named: string;
}

/**
 * A command that edits files in place: `sed -i` (also `-ri`, `-i.bak`, `--in-place`) or `perl -pi`,
 * with the files it names, run as it is (`exec`, `env`, `sudo` seen through), by `find … -exec`
 * (the files find finds below its starting points) or by `xargs` (files read from its input, only known
 * when it runs): the usual ways a start script rewrites a placeholder in every built file. Null for
 * any other command, or one that names no file (it reads its input).
 */
function inPlaceEdit(c: SimpleCommand): { readonly tool: string; readonly files: readonly EditedFile[] } | null {
  const program = invokedProgram(c);
  if (program === null) return null;
  const named = (w: ShellWord): EditedFile => ({ value: w.value, named: w.value ?? `${w.raw}, a file only known when it runs,` });
  if (program.name === 'find') {
    const args = program.args;
    const exec = args.findIndex((w) => w.value !== null && /^-(?:exec|execdir|ok|okdir)$/.test(w.value));
    if (exec === -1) return null;
    const end = args.findIndex((w, i) => i > exec && (w.value === ';' || w.value === '+'));
    const edit = editingCommand(args.slice(exec + 1, end === -1 ? undefined : end), true);
    if (edit === null) return null;
    // Its starting points: the words before its first test or action (after -H, -L, -P); `.` when none.
    let from = 0;
    while (args[from]?.value != null && /^-[HLP]$/.test(args[from]!.value!)) from++;
    let to = from;
    while (to < exec && !(args[to]!.value !== null && /^[-(!,]/.test(args[to]!.value!))) to++;
    const starts = to === from ? [{ value: '.', named: 'what find finds in .' }] : args.slice(from, to).map((w) => ({ value: w.value, named: w.value === null ? `what find finds in ${w.raw}, only known when it runs,` : `what find finds in ${w.value}` }));
    return { tool: edit.tool, files: starts };
  }
  if (program.name === 'xargs') {
    let i = 0;
    let replace: string | null = null;
    for (; i < program.args.length; i++) {
      const v = program.args[i]!.value;
      if (v === null || !v.startsWith('-')) break;
      if (v === '--') {
        i++;
        break;
      }
      // The options that take the next word as their value.
      if (/^-[adEIiLlnPs]$/.test(v) && !/^-[il]$/.test(v)) {
        if (v === '-I') replace = program.args[i + 1]?.value ?? null;
        i++;
      } else if (/^--(?:arg-file|delimiter|eof|max-lines|max-args|max-procs|max-chars|process-slot-var)$/.test(v)) i++;
      else if (v === '-i' || v === '--replace') replace = '{}';
      else if (v.startsWith('-I')) replace = v.slice(2);
      else if (v.startsWith('--replace=')) replace = v.slice('--replace='.length);
    }
    const edit = editingCommand(program.args.slice(i), true);
    if (edit === null) return null;
    const own = edit.files.filter((w) => replace === null || w.value === null || !w.value.includes(replace));
    return { tool: edit.tool, files: [...own.map(named), { value: null, named: 'the files xargs reads from its input, only known when it runs,' }] };
  }
  // The program word, after what invokedProgram saw through (`exec sed -i …`).
  const edit = editingCommand(c.words.slice(c.words.length - program.args.length - 1), false);
  return edit === null || edit.files.length === 0 ? null : { tool: edit.tool, files: edit.files.map(named) };
}

/**
 * `sed` or `perl` with an in-place option, from its program word on: the tool, and the files its
 * words name (none when it reads its input, or, under `find` and `xargs`, is handed them).
 */
function editingCommand(words: readonly ShellWord[], handed: boolean): { readonly tool: string; readonly files: readonly ShellWord[] } | null {
  const name = words[0]?.value == null ? null : baseName(words[0].value);
  if (name !== 'sed' && name !== 'perl') return null;
  let inPlace = false;
  let script = false;
  const positionals: ShellWord[] = [];
  for (let i = 1; i < words.length; i++) {
    const v = words[i]!.value;
    if (v === null || !v.startsWith('-') || v === '-') {
      positionals.push(words[i]!);
    } else if (v === '--') {
      positionals.push(...words.slice(i + 1));
      break;
    } else if (v.startsWith('--')) {
      if (v === '--in-place' || v.startsWith('--in-place=')) inPlace = true;
      if (/^--(?:expression|file)=/.test(v)) script = true;
      else if (/^--(?:expression|file)$/.test(v)) {
        script = true;
        i++;
      }
    } else {
      // A bundle of short options, up to one that takes the rest of the word as its value
      // (sed's -i suffix; perl's -i suffix, -M module, -I folder…). perl's -l and -0 take only
      // the digits after them: `-lpi` is -l, -p and -i.
      const letters = name === 'perl' ? v.slice(1).replace(/l[0-7]*|0[0-9a-fA-Fx]*/g, '').split(/[MmIxCdDV]/)[0]! : v.slice(1);
      const at = letters.search(/[ie]|f(?=$)/);
      if (at === -1) continue;
      if (letters[at] === 'i') {
        inPlace = true;
        // `perl -pie '…'`: the suffix is "e", and the next word the script, as with -e.
        if (name === 'perl' && letters.endsWith('e') && letters.length > at + 1) {
          script = true;
          i++;
        }
        continue;
      }
      // -e SCRIPT or -f FILE: the next word, unless the script follows in the same word.
      script = true;
      if (at === letters.length - 1 && letters.length === v.length - 1) i++;
    }
  }
  if (!inPlace) return null;
  const files = script ? positionals : positionals.slice(1);
  return { tool: name === 'sed' ? 'sed -i' : 'perl -i', files: handed ? files.filter((w) => w.value !== '{}') : files };
}

/** Folders any user may write to: the temporary ones, devices and the process's own files, and homes (the new account's is its own). */
const WRITABLE_BY_ANY = ['/tmp', '/var/tmp', '/dev', '/proc', '/home'];

/** Whether a path is in one of `folders` (or is one) or in a folder any user may write to. */
function writableIn(folders: readonly string[]): (abs: string) => boolean {
  const writable = [...WRITABLE_BY_ANY, ...folders];
  return (abs) => writable.some((d) => abs === d || abs.startsWith(`${d}/`));
}

/** The stage's VOLUMEs and data folders, which the new user is given, and the folders any user may write to. */
function givenToUser(file: ParsedDockerfile, stage: Stage): (abs: string) => boolean {
  return writableIn([...volumePaths(file, stage).map((v) => v.path), ...stateFolders(file, stage).map((f) => f.path)]);
}

/**
 * A redirection in what the container runs at start (`python migrate.py > /app/migrate.log`, `exec >>
 * /var/log/app.log` in an entrypoint script) to a file in a folder the build made root's, or an in-place
 * edit there (`sed -i`, which renames a new file over the old one): another user cannot create it
 * there. A file only known when it runs may be anywhere. Left to the Dockerfile when its stage gives
 * files to a user (`chown`, `COPY --chown`), or the file is in a VOLUME, which the user is given.
 */
function startFileWrite(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, command: StartCommand): Blocker | null {
  if (fileOwners(file, stage).length > 0) return null;
  const workdir = workdirAtEnd(file, stage);
  // The app's data folders are given to the new user too (\`mkdir -p /run/gunicorn\` for its pid file, the empty working
  // folder the app starts in; a start script needs the shell that does it).
  const isWritable = givenToUser(file, stage);
  const existing = existingFolders(file, stage);
  const environment = new Set(envAtEnd(file, stage).keys());
  for (const { script, parsed, where, at } of startTexts(file, stage, ctx, command)) {
    // A path the script keeps in a variable of its own (`readonly work=/work/app`, then `mkdir -p "$work"`) is known, and
    // so is its own default for one no ENV sets (`DIR="${DIR:-/opt/extensions}"`).
    const constants = scriptConstants(parsed, environment);
    for (const written of parsed.commands) {
      // A relative path is in the folder the `cd`s before it went to (`cd /tmp/src && tar x`); one
      // not followed (`cd "$DIR"`) leaves it unknown.
      const folder = folderMove(parsed, written);
      const c = withConstants(written, constants);
      const cwd = pathIn(workdir, folder, '.');
      const resolve = (p: string) => pathIn(workdir, folder, p);
      const edit = inPlaceEdit(c);
      if (edit !== null) {
        const outside = edit.files.find((f) => {
          const abs = f.value === null ? null : resolve(f.value);
          return abs === null || !isWritable(abs);
        });
        if (outside !== undefined) {
          const shown = short(script.slice(c.start, c.end));
          return {
            code: 'writes-app-folder',
            reason: `${where} edits ${outside.named} in place (\`${shown}\`) when the container starts: ${edit.tool} writes a new file beside it and renames it over the old one, which another user cannot do in a folder the build leaves to root (give the folder to the user with \`chown\`, or edit a copy in a VOLUME)`,
            at,
          };
        }
      }
      // tar and unzip unpack into the folder they run in unless -C (-d) names another (and a non-literal one is anywhere).
      const unpack = recognise(c);
      if (unpack?.kind === 'extract') {
        const abs = unpack.intoFolder ? (unpack.directory === null ? null : resolve(unpack.directory)) : cwd;
        if (abs !== null && !isWritable(abs)) {
          return {
            code: 'writes-app-folder',
            reason: `${where} unpacks an archive into ${abs} (\`${short(script.slice(c.start, c.end))}\`) when the container starts, which the build leaves to root: another user cannot create files there (unpack under /tmp or a VOLUME, or give the folder to the user with \`chown\`)`,
            at,
          };
        }
      }
      // An archive it creates (`zip -r /export.zip .`, `tar czf /backup.tgz data`) is a new file in its folder.
      const program = invokedProgram(c);
      const archive = program === null ? null : archiveWritten(program.name, program.args);
      const archiveAt = archive?.value == null ? null : resolve(archive.value);
      if (archiveAt != null && !isWritable(archiveAt)) {
        return {
          code: 'writes-app-folder',
          reason: `${where} writes the archive ${archiveAt} (\`${short(script.slice(c.start, c.end))}\`) when the container starts, in ${path.posix.dirname(archiveAt)}, which the build leaves to root: another user cannot create files there (write it under /tmp or a VOLUME, or give the folder to the user with \`chown\`)`,
          at,
        };
      }
      const made = createdEntries(c);
      for (const entry of made?.paths ?? []) {
        const named = entry.value ?? variableName(entry.raw);
        const abs = named === null ? null : resolve(named.replace(/(.)\/+$/, '$1'));
        // A folder `mkdir -p` finds already there (the working folder, a COPY's or a RUN's) is left as it is.
        if (abs === null || isWritable(abs) || (made!.tool === 'mkdir -p' && existing.some((d) => d === abs || d.startsWith(`${abs}/`)))) continue;
        return {
          code: 'writes-app-folder',
          reason: `${where} ${made!.tool.startsWith('mkdir') || made!.tool === 'touch' ? `creates ${abs}` : `${COPY_VERB[made!.tool]} ${abs}`} (\`${short(script.slice(c.start, c.end))}\`) when the container starts, where the build leaves ${path.posix.dirname(abs)} to root: another user cannot create files or folders there (make them under /tmp or a VOLUME, or give the folder to the user in the Dockerfile with \`chown\`)`,
          at,
        };
      }
      // A log or pid file a server is told to write (`gunicorn --pid /run/gunicorn.pid`, `celery worker --logfile=/var/log/celery.log`).
      const named = fileOption(c);
      const namedAt = named === null ? null : resolve(named.path);
      if (named !== null && namedAt !== null && !isWritable(namedAt)) {
        return {
          code: 'writes-app-folder',
          reason: `${where} writes ${namedAt} (\`${named.shown}\`) when the container starts, in ${path.posix.dirname(namedAt)}, which the build leaves to root: another user cannot create files there (point it under /tmp or a VOLUME, or give the folder to the user with \`chown\`)`,
          at,
        };
      }
      for (const r of c.redirects) {
        // Output to a file: `>`, `>>`, `2>`, `&>`, `>|`; not a duplicated descriptor (`2>&1`).
        if (!/^(?:\d*|&)>[>|]?$/.test(r.op)) continue;
        const target = r.target?.value ?? null;
        if (target === null || target === '') continue;
        const abs = resolve(target);
        if (abs === null || isWritable(abs)) continue;
        const written = short(script.slice(r.start, r.end));
        return {
          code: 'writes-app-folder',
          reason: `${where} writes to ${abs} (\`${written}\`) when the container starts, in ${path.posix.dirname(abs)}, which the build leaves to root: another user cannot write there (give it to the user with a VOLUME or \`chown\`)`,
          at,
        };
      }
    }
  }
  return null;
}

/**
 * What the container keeps, when it starts, in a folder named relative to where it runs, which the build
 * leaves to root (/ when no WORKDIR says otherwise, or the app's copied folder): the data of a server that
 * keeps it in the folder it starts in (START_FOLDER_DATA: etcd's default.etcd) unless an option or variable
 * says where, or a SQLite database a connection string names by a relative path (an ENV, or a variable a
 * start script sets: \`dataSourceName="file:app.db"\`), which SQLite creates with its journal beside it.
 * Left to the Dockerfile when its stage gives files to a user; the folders the user is given (VOLUMEs,
 * the app's data folders) are fine.
 */
function startFolderWrite(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, texts: readonly StartText[], command: StartCommand | null): Blocker | null {
  if (fileOwners(file, stage).length > 0) return null;
  // A folder named by a build argument (`WORKDIR ${APP}`) is checked as a build without `--build-arg` makes it.
  const fixed = workdirAtEnd(file, stage);
  const workdir = fixed ?? workdirAtEndByDefault(file, stage);
  const byDefault = fixed === null ? ' (with the build arguments at their defaults)' : '';
  const isWritable = givenToUser(file, stage);
  const last = stage.instructions.at(-1) ?? stage.from;
  const vars = variablesAt(file, last);
  const assigned = (name: string) => vars.has(name) || texts.some((t) => t.parsed.commands.some((c) => c.assigns.some((a) => a.name === name)));
  const rootFolder = (abs: string | null) => abs !== null && !isWritable(abs);
  for (const { script, parsed, where, at } of texts) {
    for (const c of parsed.commands) {
      const folder = folderMove(parsed, c);
      // A tool run as a Python module too (\`python -m celery -A proj beat\`).
      const program = invokedTool(c);
      // Celery keeps its schedule only when it runs beat (\`celery -A proj beat\`, \`worker -B\`).
      const server = program === null ? undefined : START_FOLDER_DATA.find((s) => s.program === program.name && (s.keepsWhen === undefined || program.args.some((w) => w.value !== null && s.keepsWhen!.some((re) => re.test(w.value!)))));
      if (program !== null && server !== undefined && !server.variables.some((v) => (typeof v === 'string' ? assigned(v) : v.every(assigned)))) {
        const told = program.args.some((w) => w.value !== null && server.options.some((o) => new RegExp(`^--?${o}(?:=|$)`).test(w.value!)));
        const cwd = pathIn(workdir, folder, '.');
        if (!told && rootFolder(cwd) && !setInProject(ctx, server.setIn)) {
          const variable = server.variables.length === 0 ? '' : ` or ${[server.variables[0]!].flat().join(' and ')}`;
          return {
            code: 'writes-app-folder',
            reason: `${where} runs ${server.program} (\`${short(script.slice(c.start, c.end))}\`) with no --${server.options[0]}${variable}, so it keeps ${server.keeps} in the folder it starts in, ${cwd}${byDefault}, which the build leaves to root: another user cannot create that there (${server.fix}, or start it in a folder the user owns)`,
            at,
          };
        }
      }
      for (const a of c.assigns) {
        const db = a.value === null ? null : relativeSqlite(a.value);
        const abs = db === null ? null : pathIn(workdir, folder, db);
        if (abs !== null && rootFolder(path.posix.dirname(abs))) return sqliteBlocker(`${where} sets ${a.name}=${a.value}`, abs, at);
      }
    }
  }
  // The image's ENVs are checked with its own command (not again for a compose service's \`command:\`).
  if (command === null) return null;
  for (const inst of stageLineage(file, stage).flatMap((s) => s.instructions)) {
    if (inst.keyword !== 'ENV') continue;
    for (const p of properties(file, inst)) {
      const value = vars.get(p.name)?.value ?? null;
      const db = value === null ? null : relativeSqlite(value);
      const abs = db === null ? null : pathIn(workdir, { kind: 'stays' }, db);
      if (abs !== null && rootFolder(path.posix.dirname(abs))) return sqliteBlocker(`ENV ${p.name}=${value} on line ${inst.line}`, abs, (command.entrypoint ?? command.cmd)?.inst.span.start ?? inst.span.start);
    }
  }
  return null;
}

/** An option that names the program's configuration file: \`-config.file=…\`, \`--config …\`, \`--config-file=…\`. */
const CONFIG_OPTION = /^--?(?:[\w-]+\.)?config(?:[.-]?file)?$/i;

/** A setting of a configuration file that says where the program keeps its data (Loki's \`path_prefix\`, \`data_dir\`, \`chunks_directory\`). */
const DATA_SETTING = /^(?:data[_-]?dir(?:ectory)?|path[_-]prefix|(?:chunks|wal|tsdb|storage|cache|index)[_-](?:dir|directory|path))$/i;

/**
 * A folder the configuration file the command names (\`-config.file=/etc/loki/local-config.yaml\`), copied from
 * the build context, sets as the program's data folder by an absolute path (\`path_prefix: /loki\`, \`data_dir =
 * "/consul/data"\`): the program makes it and writes there when it starts, which another user cannot do where the
 * build leaves the folder, or the one above it, to root. Left to the Dockerfile when its stage gives files to a
 * user; the folders the user is given (VOLUMEs, the app's data folders) are fine.
 */
function configDataFolder(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, command: StartCommand): Blocker | null {
  if (ctx === null || fileOwners(file, stage).length > 0) return null;
  const isWritable = givenToUser(file, stage);
  const words = commandWords(command);
  for (let i = 0; i < words.length; i++) {
    const eq = words[i]!.indexOf('=');
    const option = eq === -1 ? words[i]! : words[i]!.slice(0, eq);
    if (!CONFIG_OPTION.test(option)) continue;
    const named = eq === -1 ? words[i + 1] : words[i]!.slice(eq + 1);
    if (named === undefined || !/^\/[^$]*\.(?:ya?ml|toml|hcl)$/i.test(named)) continue;
    const origin = contextFileAt(file, stage, ctx, named);
    const text = origin.kind === 'context' ? ctx.read(origin.path) : null;
    if (origin.kind !== 'context' || text === null) continue;
    for (const line of text.split(/\r?\n/)) {
      // \`key: /path\` (YAML) or \`key = "/path"\` (TOML, HCL), a comment after it allowed.
      const m = /^\s*([\w-]+)\s*[:=]\s*(["']?)(\/[\w./-]*)\2\s*(?:#.*)?$/.exec(line);
      if (m === null || !DATA_SETTING.test(m[1]!)) continue;
      const folder = path.posix.normalize(m[3]!).replace(/(.)\/$/, '$1');
      if (folder === '/' || isWritable(folder)) continue;
      return {
        code: 'writes-app-folder',
        reason: `the command reads ${named} (${origin.path} of the build context), whose \`${line.trim().replace(/\s+#.*$/, '')}\` keeps the program's data in ${folder}: it makes that folder and writes there when it starts, which another user cannot do where the build leaves it to root (make it a VOLUME, or give it to the user with \`chown\`)`,
        at: ([command.entrypoint, command.cmd].find((p) => p !== null && p.text.includes(named)) ?? command.cmd ?? command.entrypoint)!.inst.span.start,
      };
    }
  }
  return null;
}

/**
 * A log file or storage folder the Caddyfile Caddy loads has it write at start (\`output file /var/log/caddy/access.log\`,
 * \`storage file_system /var/lib/caddy\`) in a folder the build leaves to root: Caddy makes it there, which another user
 * cannot. Caddy's own folders, /data/caddy and /config/caddy, are the user's or open to all on the caddy image.
 */
function caddyWrites(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, command: StartCommand, image: IdentifiedImage | null): Blocker | null {
  if (fileOwners(file, stage).length > 0) return null;
  const listening = caddyListening(file, stage, ctx, caddyWords(command, image));
  if (listening === null || listening.kind !== 'ports') return null;
  const own = image?.repository.name === 'caddy' ? Object.values(image.facts.env).map((home) => path.posix.join(home, 'caddy')) : [];
  const isWritable = writableIn([...volumePaths(file, stage).map((v) => v.path), ...stateFolders(file, stage).map((f) => f.path), ...own]);
  for (const write of listening.writes ?? []) {
    const folder = write.folder ? path.posix.normalize(write.path) : path.posix.dirname(path.posix.normalize(write.path));
    if (isWritable(folder)) continue;
    return {
      code: 'writes-app-folder',
      reason: `it runs Caddy, whose ${listening.where} has it write ${write.folder ? `its storage in ${folder}` : `${write.path}`} (\`${write.setting}\`): Caddy makes ${write.folder ? 'that folder' : 'the file'} when it starts, which another user cannot do in ${folder}, where the build leaves it to root (make it a VOLUME, or give it to the user with \`chown\`)`,
      at: (command.entrypoint ?? command.cmd)?.inst.span.start ?? stage.from.span.start,
    };
  }
  return null;
}

/**
 * A relative SQLite database file (\`"users.sqlite"\`, \`"file:data/app.db?_fk=1"\`) as a Go string literal, with a
 * database's extension; not \`:memory:\`, an absolute path, nor a pattern filled in at run time (\`"%s.db"\`), nor an
 * extension alone (\`hostname+".db"\` builds the name at run time).
 */
const GO_SQLITE_FILE = /"(?:file:)?((?!\/)[\w.\/-]*[\w-]\.(?:db|db3|sqlite|sqlite3))(?:\?[^"]*)?"/g;

/**
 * A SQLite database that the Go program built from the build context names by a path relative to where it runs: go.mod
 * requires a SQLite driver (GO_SQLITE_MODULES) and a Go file of the program holds the file's name as a literal, at the
 * call that opens it or passed down to one (karlchencloud's \`NewSqlUserDatabase("users.sqlite")\`, which calls
 * \`sqlx.Connect("sqlite3", filename)\`). SQLite creates it, and its journal beside it, in the working folder. Left alone
 * where the command or an ENV names a database file itself (\`-db /data/app.db\`), which the program may use instead,
 * and where the Dockerfile gives files to a user.
 */
function goSqliteFile(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, command: StartCommand, programs: readonly string[]): Blocker | null {
  if (ctx === null || fileOwners(file, stage).length > 0 || goBuilds(file) !== 'context') return null;
  const goMod = ctx.read('go.mod');
  const driver = goMod === null ? undefined : GO_SQLITE_MODULES.find((m) => new RegExp(`^\\s*(?:require\\s+)?${m.replace(/[.]/g, '\\.')}\\s+v`, 'm').test(goMod));
  if (driver === undefined) return null;
  const named = (text: string) => /\.(?:db|db3|sqlite|sqlite3)\b/.test(text);
  if (commandWords(command).some(named)) return null;
  const env = envAtEnd(file, stage);
  if ([...env.values()].some((v) => v.value !== null && named(v.value))) return null;
  const sources = startedGoFiles(ctx, [...programs, ...goBuiltMains(file)]);
  if (sources.length > GO_FILES_READ) return null;
  const workdir = workdirAtEnd(file, stage) ?? workdirAtEndByDefault(file, stage);
  const isWritable = givenToUser(file, stage);
  for (const source of sources) {
    const text = ctx.read(source);
    if (text === null) continue;
    for (const line of text.split('\n')) {
      if (/^\s*\/\//.test(line)) continue;
      for (const m of line.matchAll(GO_SQLITE_FILE)) {
        const abs = workdir === null ? null : path.posix.join(workdir, m[1]!);
        if (abs === null || isWritable(path.posix.dirname(abs))) continue;
        return sqliteBlocker(`the Go program built from the build context uses SQLite (go.mod requires ${driver}), and ${source} names its database ${m[0]}`, abs, (command.entrypoint ?? command.cmd)?.inst.span.start ?? stage.from.span.start);
      }
    }
  }
  return null;
}

/** Servers that load a Python app named as \`module:app\` (or \`module\`) among their arguments. */
const PYTHON_APP_SERVERS = new Set(['gunicorn', 'uvicorn', 'hypercorn', 'daphne', 'waitress-serve', 'granian']);

/**
 * The entry modules, by their image paths' candidates, that a start command loads: a Python script (\`python app.py\`),
 * a module run with -m, the app a server loads (\`gunicorn microblog:app\`), or Flask's (\`--app\`, else FLASK_APP,
 * else app.py or wsgi.py). \`cwd\` is the folder the command runs in.
 */
function pythonEntries(c: SimpleCommand, cwd: string, variable: (name: string) => string | null): string[] {
  const tool = invokedTool(c);
  if (tool === null) return [];
  const words = tool.args.map((w) => w.value);
  const module = (m: string) => modulePaths(m, [cwd], null);
  const script = (p: string) => [path.posix.join(cwd, p)];
  if (/^python[\d.]*$/.test(tool.name) && !tool.module) {
    const first = words.find((w) => w === null || !w.startsWith('-'));
    return first != null && first.endsWith('.py') ? script(first) : [];
  }
  if (tool.module && /^\w+$/.test(tool.name) && !PYTHON_APP_SERVERS.has(tool.name) && tool.name !== 'flask') return module(tool.name);
  if (PYTHON_APP_SERVERS.has(tool.name)) {
    return words.flatMap((w, i) => {
      if (w === null || w.startsWith('-') || !w.includes(':') || (words[i - 1] ?? '').startsWith('-')) return [];
      const m = appReferenceModule(w);
      return m === null ? [] : module(m);
    });
  }
  if (tool.name !== 'flask') return [];
  const option = words.findIndex((w) => w === '--app' || w === '-A');
  const named = option !== -1 ? (words[option + 1] ?? null) : (words.find((w) => w?.startsWith('--app=')) ?? null)?.slice(6) ?? variable('FLASK_APP');
  if (named === undefined || named === null) return [...script('app.py'), ...script('wsgi.py')];
  const ref = named.replace(/:.*$/, '');
  if (ref.endsWith('.py')) return script(ref);
  return /^[\w.]+$/.test(ref) ? module(ref) : [];
}

/**
 * What the Python app the container starts writes where the build leaves the folder to root: the SQLite database its
 * modules name (microblog's \`'sqlite:///' + os.path.join(basedir, 'app.db')\`, with basedir the module's folder, or
 * \`sqlite:///app.db\`, relative to where it runs), or a folder or file it makes when imported (\`os.mkdir('logs')\`).
 * The modules read are those the start command loads and what they import from the build context. Left alone where a
 * variable the statement reads is set (an ENV, the start script, the context's .env: \`DATABASE_URL\` may name another
 * database), and where the Dockerfile gives files to a user.
 */
function pythonAppWrite(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, command: StartCommand): Blocker | null {
  if (ctx === null || fileOwners(file, stage).length > 0) return null;
  const workdir = workdirAtEnd(file, stage) ?? workdirAtEndByDefault(file, stage);
  if (workdir === null) return null;
  const env = envAtEnd(file, stage);
  const texts = startTexts(file, stage, ctx, command);
  const assigned = new Set(texts.flatMap((t) => t.parsed.commands.flatMap((c) => c.assigns.map((a) => a.name))));
  let started: { entries: string[]; cwd: string } | null = null;
  for (const t of texts) {
    for (const c of t.parsed.commands) {
      const cwd = pathIn(workdir, folderMove(t.parsed, c), '.');
      const entries = cwd === null ? [] : pythonEntries(c, cwd, (n) => env.get(n)?.value ?? null);
      if (cwd !== null && entries.length > 0) started ??= { entries, cwd };
    }
  }
  if (started === null) return null;
  const { entries, cwd } = started;
  const locate = (imagePath: string): PythonSource | null => {
    const origin = contextFileAt(file, stage, ctx, imagePath);
    const text = origin.kind === 'context' ? ctx.read(origin.path) : null;
    return origin.kind !== 'context' || text === null ? null : { imagePath, contextPath: origin.path, text };
  };
  // Python imports from the script's folder (\`python app.py\`) or, for a module, from where it runs.
  const sources = appModules(entries, [...new Set([cwd, ...entries.map((e) => path.posix.dirname(e))])], locate);
  if (sources === null) return null;
  const dotenv = ctx.read('.env') ?? '';
  const setElsewhere = (v: string) => env.has(v) || assigned.has(v) || new RegExp(`^\\s*(?:export\\s+)?${v}\\s*=`, 'm').test(dotenv);
  const isWritable = givenToUser(file, stage);
  const at = (command.entrypoint ?? command.cmd)?.inst.span.start ?? stage.from.span.start;
  const writes = pythonWrites(sources, new Set(sources.filter((s) => entries.includes(s.imagePath)).map((s) => s.imagePath)), cwd);
  // A SQLite database the build copies in is the transform's to see to: it gives its folder to the user, or says why not.
  // Walked only for a database write: the walk reads the whole context.
  let ships: boolean | undefined;
  const shipsDatabase = () => (ships ??= ctx.walk(notProjectDir).entries.some((e) => e.kind === 'file' && /\.(?:db|db3|sqlite|sqlite3)$/.test(e.path) && imagePathsOf(file, stage, ctx, e.path).length > 0));
  // The database first: \`flask db upgrade\` in a start script fails on it before the app is served.
  for (const w of [...writes.filter((w) => w.kind === 'sqlite'), ...writes.filter((w) => w.kind !== 'sqlite')]) {
    const folder = path.posix.dirname(w.path);
    if (isWritable(folder) || w.variables.some(setElsewhere) || (w.kind === 'sqlite' && shipsDatabase())) continue;
    const named = w.from === 'module folder' ? 'beside the module' : w.from === 'working folder' ? 'relative to the folder the app starts in' : 'by its path';
    const unless = w.variables.length === 0 ? '' : ` unless ${w.variables.join(' or ')} is set`;
    const what =
      w.kind === 'sqlite'
        ? `names its SQLite database ${named}, ${w.path}${unless}: SQLite creates it, and its journal beside it,`
        : w.kind === 'folder'
          ? `makes the folder ${w.path} (${named}) when the app is loaded${unless}:`
          : `opens ${w.path} (${named}) to write when the app is loaded${unless}:`;
    const fix = w.variables.length > 0 ? `set ${w.variables[0]} with an ENV, ` : w.from === 'working folder' ? 'start the app in a folder the user owns, ' : '';
    return {
      code: 'writes-app-folder',
      reason: `${w.source} line ${w.line} (\`${short(w.code)}\`) ${what} in ${folder}, which the build leaves to root, so another user cannot (${fix}put it in a VOLUME, or give the folder to the user with \`chown\`)`,
      at,
    };
  }
  return null;
}

/** The refusal for a SQLite database `named` puts at `abs`, in a folder left to root. */
function sqliteBlocker(named: string, abs: string, at: number): Blocker {
  return {
    code: 'writes-app-folder',
    reason: `${named}, a SQLite database at a path relative to where the app runs: SQLite creates ${abs}, and its journal beside it, in ${path.posix.dirname(abs)}, which the build leaves to root, so another user cannot (put the database in a VOLUME, or give the folder to the user with \`chown\`)`,
    at,
  };
}

/**
 * The relative path of the SQLite database a connection string names: SQLite's URI filename
 * (\`file:app.db?cache=shared\`, \`file:./data/app.db\`; not \`file:/…\` nor \`file::memory:\`) or a
 * \`sqlite:\` URL without slashes (\`sqlite:app.db\`), with a database's extension. \`sqlite:///app.db\`
 * is left alone: SQLAlchemy reads it as relative, URL parsers as /app.db. Null for anything else.
 */
function relativeSqlite(value: string): string | null {
  const m = /^(?:file|sqlite3?):(?![/:])([^?#$]+\.(?:db|db3|sqlite|sqlite3))(?:[?#]|$)/i.exec(value);
  return m === null ? null : m[1]!;
}

/** Options servers take for the log or pid file they write: gunicorn's, celery's, uWSGI's, redis-server's, mongod's. */
const FILE_OPTIONS = new Set(['logfile', 'log-file', 'logpath', 'log-path', 'logto', 'pidfile', 'pid-file', 'pidfilepath', 'pid', 'access-logfile', 'error-logfile']);

/**
 * The file a log or pid option names (`--pid /run/app.pid`, `--logfile=/var/log/app.log`), when it
 * is a path written out; `-` (standard output) and a value only known when it runs name none.
 */
function fileOption(c: SimpleCommand): { readonly path: string; readonly shown: string } | null {
  const words = c.words;
  for (let i = 1; i < words.length; i++) {
    const raw = words[i]!.value;
    if (raw === null || !raw.startsWith('-')) continue;
    const eq = raw.indexOf('=');
    const name = raw.slice(0, eq === -1 ? undefined : eq).replace(/^--?/, '').toLowerCase();
    if (!FILE_OPTIONS.has(name)) continue;
    const value = eq === -1 ? (words[i + 1]?.value ?? null) : raw.slice(eq + 1);
    // A path: a folder in it, or a log or pid file's name (`--pid 1` is no file).
    if (value === null || value === '-' || !/\/|\.(?:log|pid)$/.test(value)) continue;
    return { path: value, shown: eq === -1 ? `${raw} ${value}` : raw };
  }
  return null;
}

const COPY_VERB: Record<string, string> = { cp: 'copies files to', mv: 'moves files to', ln: 'makes a link at', 'go build': 'builds a program at' };

/**
 * A path whose last name alone a variable gives, as written (`/${SERVICE_NAME}`): its folder is
 * known, which is what a write there needs. Null for a literal path or one whose folder varies.
 */
function variableName(raw: string): string | null {
  return /^[^$`"'\\]*\/[^/]*\$[^/]*$/.test(raw) ? raw : null;
}

/** cp, mv and ln: the options that take the next word (the target folder, a backup suffix). */
const COPY_LIKE = grammar(['-t', '--target-directory', '-S', '--suffix'], true);

/**
 * The entries a command creates by name: the folders `mkdir` makes, the files `touch` makes (unless
 * -c), what `cp`, `mv` or `ln` write at their destination (`-t FOLDER`, or the last operand), and the
 * program `go build -o` writes. Each needs the folder that holds it to be writable. Null for any other command.
 */
function createdEntries(c: SimpleCommand): { readonly tool: string; readonly paths: readonly ShellWord[] } | null {
  const program = invokedProgram(c);
  if (program === null) return null;
  switch (program.name) {
    case 'mkdir': {
      const args = splitArgs(program.args, MKDIR_GRAMMAR);
      const parents = args.options.some((o) => o.name === '--parents' || (/^-[^-]/.test(o.name) && o.name.includes('p')));
      return { tool: parents ? 'mkdir -p' : 'mkdir', paths: args.positionals };
    }
    case 'touch': {
      const args = splitArgs(program.args, grammar(['-d', '-r', '-t', '--date', '--reference'], true));
      const noCreate = args.options.some((o) => o.name === '--no-create' || (/^-[^-]/.test(o.name) && o.name.includes('c')));
      return noCreate ? null : { tool: 'touch', paths: args.positionals };
    }
    case 'cp':
    case 'mv':
    case 'ln': {
      const args = splitArgs(program.args, COPY_LIKE);
      const target = args.options.find((o) => o.name === '-t' || o.name === '--target-directory');
      if (target !== undefined) return { tool: program.name, paths: target.valueWord === null ? [] : [target.valueWord] };
      // `ln -s TARGET` alone makes a link in the folder it runs in; cp and mv need two operands.
      const minimum = program.name === 'ln' ? 1 : 2;
      if (args.positionals.length < minimum) return null;
      const dest = args.positionals.length === 1 ? { ...args.positionals[0]!, value: args.positionals[0]!.value === null ? null : path.posix.basename(args.positionals[0]!.value) } : args.positionals.at(-1)!;
      return { tool: program.name, paths: [dest] };
    }
    case 'go': {
      // `go build -o FILE` writes the program it builds there.
      if (program.args[0]?.value !== 'build') return null;
      const at = program.args.findIndex((w) => w.value === '-o' || w.raw.startsWith('-o='));
      const flag = program.args[at];
      if (flag === undefined) return null;
      const out = flag.value === '-o' ? program.args[at + 1] : { ...flag, raw: flag.raw.slice(3), value: flag.value === null ? null : flag.value.slice(3) };
      return out === undefined ? null : { tool: 'go build', paths: [out] };
    }
    default:
      return null;
  }
}

/** Folders the image surely has when it starts: the working folder and those above it, and those its COPYs and RUNs' \`mkdir\`s make. */
function existingFolders(file: ParsedDockerfile, stage: Stage): string[] {
  const out: string[] = [];
  for (let dir = workdirAtEnd(file, stage); dir !== null && !out.includes(dir); dir = path.posix.dirname(dir)) out.push(dir);
  for (const step of copySteps(file, stage)) if (step.dest !== null) out.push(step.dest.replace(/(.)\/+$/, '$1'));
  for (const s of stageLineage(file, stage)) {
    for (const { run, command } of commandsNamed(runScripts(file, s), 'mkdir')) {
      const folder = folderMove(run.parsed!, command);
      for (const w of mkdirOperands(command)) {
        const p = w.value === null ? null : commandPath(file, { inst: run.inst, folder }, w.value);
        if (p !== null) out.push(p);
      }
    }
  }
  return out;
}

/**
 * A server that writes into the app's own folder while it runs (APP_FOLDER_WRITERS), which the
 * COPYs left root's: `rails server` writes tmp/pids/server.pid, a Laravel app storage/ and
 * bootstrap/cache, a Mix release its tmp/. A stage that gives files to a user (`chown -R rails tmp
 * log`, `COPY --chown`) has seen to it, as Rails' own Dockerfile does; an ENV that moves the writes
 * elsewhere (RELEASE_TMP) too.
 */
function appFolderWriter(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, image: IdentifiedImage | null, texts: readonly StartText[], command: readonly string[], at: number): Blocker | null {
  // A folder opened to every user (`chmod -R go=u /app`, made for `docker run --user`) is seen to as well.
  if (fileOwners(file, stage).length > 0 || worldWritableFolders(file, stage).length > 0) return null;
  // The command's words, then each command of the scripts it runs (`cd sandbox && bundle exec rails s` in an entrypoint script).
  const runs: { words: readonly string[]; where: string }[] = [{ words: [...command, ...packageScriptWords(ctx, command)], where: '' }];
  for (const t of texts) {
    if (t.where === 'the command') continue;
    for (const c of t.parsed.commands) {
      const literal = c.words.flatMap((w) => (w.value === null ? [] : [w.value]));
      runs.push({ words: [...literal, ...packageScriptWords(ctx, literal)], where: t.where });
    }
  }
  const last = stage.instructions.at(-1) ?? stage.from;
  const isWritable = writableIn(volumePaths(file, stage).map((v) => v.path));
  for (const writer of APP_FOLDER_WRITERS) {
    if (writer.seenToBy !== undefined && image?.repository.name === writer.seenToBy) continue;
    // The first run with the writer's words, where they start (asked of every writer: no copies made).
    let i = -1;
    const found = runs.find((r) => (i = r.words.findIndex((_, k) => writer.argv.every((re, j) => r.words[k + j] !== undefined && re.test(r.words[k + j]!)))) !== -1);
    if (found === undefined) continue;
    const { words, where } = found;
    // An ENV that moves the writes (CARGO_TARGET_DIR, RELEASE_TMP) counts when it moves them where
    // any user may write: /app/target is the app's folder, root's, as target/ was.
    const moved = writer.movedBy.map((n) => ({ name: n, value: variablesAt(file, last).get(n)?.value ?? null })).filter((m) => m.value !== null);
    if (moved.some((m) => m.value!.startsWith('/') && isWritable(m.value!))) continue;
    // A writer into the folder a variable names: unset, that is in the user's home, which the user owns.
    const into = writer.into === undefined ? null : (variablesAt(file, last).get(writer.into)?.value ?? null);
    if (writer.into !== undefined && (into === null || !into.startsWith('/') || isWritable(into))) continue;
    if (writer.offBy !== undefined && variablesAt(file, last).get(writer.offBy.variable)?.value === writer.offBy.value) continue;
    // The project's sign first: it rules most commands out, and the option is looked for in the project's files.
    const script = { file, stage, word: words[i + writer.argv.length - 1]! };
    const sign = writer.project.length === 0 ? '' : projectSign(ctx, writer.project, script);
    if (sign === null) continue;
    if (writer.offByOption !== undefined && turnedOff(file, last, ctx, writer.offByOption, words)) continue;
    const elsewhere =
      into !== null ? ` (an ENV sets ${writer.into} to ${into}, which the build leaves to root)` : moved.length === 0 ? '' : ` (${moved[0]!.name} moves it to ${moved[0]!.value}, which the build leaves to root too)`;
    const command = words.slice(i, i + writer.argv.length).join(' ');
    const shown = sign === '' ? '' : ` (${sign})`;
    const app = writer.app === '' ? '' : ` runs ${writer.app}, which`;
    // With no COPY or ADD at all, the project is not the image's: it is mounted when the container runs.
    const copiesIn = stageLineage(file, stage).some((s) => copySteps(file, s).length > 0);
    const who =
      into !== null
        ? `another user cannot write there: ${writer.fix}`
        : copiesIn
          ? `the app is copied as root's, so another user cannot: ${writer.fix}`
          : 'the stage copies nothing in, so it works on a project mounted when the container runs, whose files keep their owner from the host: the user that may write there is the one `docker run --user` picks, not one the image sets';
    return {
      code: 'writes-app-folder',
      reason: `${where === '' ? '' : `in ${where}, `}\`${command}\`${shown}${app} ${writer.writes}${elsewhere}; ${who}`,
      at,
    };
  }
  return null;
}

/**
 * What a compose service's \`command:\` runs in place of the image's CMD (the worker or the scheduler a project runs
 * from its web app's image): a server that writes into the app's folder (APP_FOLDER_WRITERS), or one that keeps its
 * data in the folder it starts in (START_FOLDER_DATA), as the image's own command is checked. \`where\` names the service.
 */
export function commandOverrideBlocker(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, image: IdentifiedImage | null, script: string, where: string, at: number): Blocker | null {
  const parsed = parseScript(script);
  if (!parsed.ok) return null;
  const texts: readonly StartText[] = [{ script, parsed, where, at }];
  return appFolderWriter(file, stage, ctx, image, texts, [], at) ?? startFolderWrite(file, stage, ctx, texts, null);
}

/** Whether a file of the build context may say where a server keeps its data (StartFolderData's setIn); unknown without a context. */
function setInProject(ctx: BuildContext | null, setIn: StartFolderData['setIn']): boolean {
  if (setIn === undefined) return false;
  if (ctx === null) return true;
  return ctx.walk(notProjectDir).entries.some((e) => e.kind === 'file' && setIn.files.test(e.path) && setIn.contains.test(ctx.read(e.path) ?? ''));
}

/** Whether an option that turns a writer's writes off is given: in the command's words, an ENV the launcher reads, or a project file. */
function turnedOff(file: ParsedDockerfile, last: Instruction, ctx: BuildContext | null, off: NonNullable<AppFolderWriter['offByOption']>, words: readonly string[]): boolean {
  if (words.some((w) => off.option.test(w))) return true;
  const variables = variablesAt(file, last);
  if (off.variables.some((v) => off.option.test(variables.get(v)?.value ?? ''))) return true;
  if (ctx === null) return false;
  const walk = ctx.walk(notProjectDir);
  return walk.entries.some((e) => e.kind === 'file' && off.files.test(e.path) && off.option.test(ctx.read(e.path) ?? ''));
}

/**
 * The words of the package.json script a command runs (\`npm start\` runs "next start", or
 * \`node server.js\` when there is no start script), so a server started that way is seen.
 */
function packageScriptWords(ctx: BuildContext | null, words: readonly string[]): string[] {
  const script = packageScriptText(ctx, words);
  return script === null ? [] : script.split(/\s+/).filter((w) => w !== '');
}

/** The text of the package.json script a node runner among \`words\` runs, or null. */
function packageScriptText(ctx: BuildContext | null, words: readonly string[]): string | null {
  const at = words.findIndex((w) => NODE_SCRIPT_RUNNERS.has(baseName(w)));
  const manifest = at === -1 || ctx === null ? null : readPackageJson(ctx.read('package.json'));
  return manifest === null ? null : scriptRun([baseName(words[at]!), ...words.slice(at + 1)], manifest);
}

const NODE_SCRIPT_RUNNERS = new Set(['npm', 'pnpm', 'yarn']);

/**
 * `words` with the name of the package.json script a node runner starts (`npm run cron`) given as
 * the script's own words: the name is no program. As they are when package.json cannot be read or
 * has no such script.
 */
function withPackageScript(ctx: BuildContext | null, words: readonly string[]): readonly string[] {
  const at = words.findIndex((w) => NODE_SCRIPT_RUNNERS.has(baseName(w)));
  const name = at === -1 ? undefined : scriptName([baseName(words[at]!), ...words.slice(at + 1)]);
  const script = name === undefined ? [] : packageScriptWords(ctx, words);
  const named = name === undefined ? -1 : words.indexOf(name, at + 1);
  return named === -1 || script.length === 0 ? words : [...words.slice(0, named), ...script, ...words.slice(named + 1)];
}

/** Folders a project's settings are never in, and that would use up the walk's bound. */
const NOT_PROJECT_DIRS = new Set(['node_modules', 'vendor', '.venv', 'venv', 'site-packages', '__pycache__', 'deps', '_build']);

/** Prunes the walk of a project's files: one function, so the context walks once for every question. */
const notProjectDir = (dir: string): boolean => NOT_PROJECT_DIRS.has(path.posix.basename(dir));

/**
 * What shows the project in the build context, as text for a reason; null when nothing does (or there is no context).
 * `started` is the script the command starts, found from the stage's working folder.
 */
function projectSign(ctx: BuildContext | null, signs: readonly ProjectSign[], started: { file: ParsedDockerfile; stage: Stage; word: string }): string | null {
  if (ctx === null) return null;
  for (const sign of signs) {
    if ('started' in sign) {
      const imagePath = pathIn(workdirAtEnd(started.file, started.stage), { kind: 'stays' }, started.word);
      const origin = imagePath === null ? null : contextFileAt(started.file, started.stage, ctx, imagePath);
      if (origin?.kind !== 'context') continue;
      const text = ctx.read(origin.path);
      if (text !== null && sign.started.test(text)) return sign.says.replace('{path}', origin.path);
      continue;
    }
    if ('declares' in sign) {
      if (declaredDependencies(ctx, '.').declares(sign.declares.registry, sign.declares.name) !== null) return sign.says;
      continue;
    }
    const walk = ctx.walk(notProjectDir);
    for (const entry of walk.entries) {
      if (entry.kind !== 'file' || !sign.file.test(entry.path)) continue;
      const text = sign.contains === null ? '' : ctx.read(entry.path);
      if (text !== null && (sign.contains === null || sign.contains.test(text))) return sign.says.replace('{path}', entry.path);
    }
  }
  return null;
}

/** A path in /root, root's home: mode 700 on Debian, Ubuntu and Alpine, so another user cannot read or run what is there. */
const IN_ROOT_HOME = /(?:^|[\s:="'])(\/root)(?:\/[^\s:"';]*)?(?=$|[\s:"';])/;

/**
 * What the container relies on in /root: an ENV naming a path there (PATH=/root/.local/bin:$PATH,
 * PYTHONUSERBASE, CARGO_HOME, HOME), a WORKDIR there, the command run from there, or
 * `pip install --user` run as root (its packages go to /root/.local, which only root's Python reads).
 * `image` is what the lineage starts from (null: scratch, or an image the knowledge base does not know).
 */
function rootHome(file: ParsedDockerfile, stage: Stage, command: StartCommand, ctx: BuildContext | null, image: IdentifiedImage | null): Blocker | null {
  const why = 'which other users cannot read (/root is mode 700)';
  const lineage = stageLineage(file, stage).flatMap((s) => s.instructions).sort((a, b) => a.index - b.index);
  // Who the RUNs run as until a USER: root on scratch, the image's own user, or, on an image the
  // knowledge base does not know (its Dockerfile may end with a USER), not known.
  const start = rootStage(file, stage).base;
  let root: boolean | null = start.kind === 'scratch' ? true : image === null ? null : image.facts.user.uid === 0;
  const startText = start.kind === 'image' ? start.ref.raw : start.kind === 'unknown' ? start.raw : 'the base image';
  // What each variable holds at the end: an ENV a later one overrides is not read.
  const env = new Map<string, { value: string; inst: Instruction }>();
  let removals: ReturnType<typeof homeRemovals> | null = null;
  for (const inst of lineage) {
    if (inst.keyword === 'USER' && inst.argsSpan !== null) {
      const user = file.text.slice(inst.argsSpan.start, inst.argsSpan.end).trim().split(':')[0];
      root = user === 'root' || user === '0';
    }
    if (inst.keyword === 'ENV') {
      const vars = variablesAt(file, inst);
      for (const p of properties(file, inst)) {
        const value = p.raw === null ? null : (expandWord(p.raw, (n) => vars.get(n)?.value ?? null, file.escape).value ?? p.raw);
        if (value === null) env.delete(p.name);
        else env.set(p.name, { value, inst });
      }
    }
    if (inst.keyword === 'RUN' && root !== false) {
      for (const run of runScriptsOf(file, inst)) {
        for (const c of run.parsed?.commands ?? []) {
          const r = recognise(c);
          const asRoot = root === true ? 'runs as root, so' : `runs as the user ${startText} ends with, which the knowledge base does not know: as root,`;
          if (r?.kind === 'package' && r.manager === 'pip' && r.action === 'install' && r.hasFlag('--user')) {
            const runsAs = root === true ? 'runs as root, so its packages go' : `runs as the user ${startText} ends with, which the knowledge base does not know: as root, its packages would go`;
            return { code: 'root-home', reason: `\`pip install --user\` ${runsAs} to /root/.local, ${why}; Python run as another user does not look there either`, at: inst.span.start };
          }
          const download = homeDownload(c, run.text, (n) => env.get(n)?.value ?? null);
          if (download !== null) {
            return { code: 'root-home', reason: `\`${short(run.text.slice(c.start, c.end))}\` ${asRoot} ${download.what} go to ${download.path}, ${why}; run as another user, the program looks in its own home and does not find them (${download.fix ?? `set ENV ${download.variable} to a folder outside /root before it`})`, at: inst.span.start };
          }
          const pkg = r?.kind === 'package' ? installedHomeDownload(file, stage, ctx, inst, r, folderMove(run.parsed!, c), (n) => env.get(n)?.value ?? null) : null;
          if (pkg !== null) {
            return { code: 'root-home', reason: `\`${short(run.text.slice(c.start, c.end))}\` ${asRoot} it installs ${pkg.name} (${pkg.spec} in ${pkg.manifest}), whose install script puts ${pkg.what} in ${pkg.path}, ${why}; run as another user, it looks in its own home and does not find it (set ENV ${pkg.variable} to a folder outside /root before the install)`, at: inst.span.start };
          }
          for (const target of c.redirects.filter((d) => /^(?:\d*>>?|\d*>\||&>>?)$/.test(d.op)).map((d) => d.target)) {
            const written = target === null ? null : rootHomePath(target.raw, (n) => env.get(n)?.value ?? null);
            removals ??= homeRemovals(file, stage, (n) => env.get(n)?.value ?? null);
            if (written === null || removals.some((d) => d.path !== null && (d.index > inst.index || (d.index === inst.index && d.at > c.start)) && (written === d.path || written.startsWith(`${d.path.replace(/\/$/, '')}/`)))) continue;
            const as = root === true ? 'runs as root, so it writes' : `runs as the user ${startText} ends with, which the knowledge base does not know: as root, it writes`;
            return { code: 'root-home', reason: `\`${short(run.text.slice(c.start, c.end))}\` ${as} ${written}, in root's home, ${why}; run as another user, what reads it from the home (a shell its ~/.bashrc, a tool its dotfile) reads that user's own, without it`, at: inst.span.start };
          }
        }
      }
    }
  }
  for (const [name, { value, inst }] of env) {
    const m = IN_ROOT_HOME.exec(value);
    if (m !== null) return { code: 'root-home', reason: `ENV ${name} names ${m[0].replace(/^[\s:="']/, '')}, in root's home, ${why}`, at: inst.span.start };
  }
  // A volume in /root is where the image's users keep their data: root's HOME, or inside it. Another
  // user could neither reach it (mode 700) nor look there: its HOME is its own.
  const home = env.get('HOME')?.value ?? null;
  const volume = volumePaths(file, stage).find((v) => v.path === '/root' || v.path.startsWith('/root/'));
  if (volume !== undefined) {
    const looks = home === null ? `: as root, the program finds it there through its HOME; run as another user, its HOME is its own, so the data users already keep in that volume would no longer be found` : `, so the data users keep in that volume would be out of the user's reach`;
    return { code: 'root-home', reason: `VOLUME ${volume.path} is in root's home, ${why}${looks}`, at: volume.inst.span.start };
  }
  const server = homeDataServer(command, (n) => env.get(n)?.value ?? null);
  if (server !== null) {
    const inst = (command.entrypoint ?? command.cmd)!.inst;
    return { code: 'root-home', reason: `the command runs ${server.program}, which keeps ${server.what} in $HOME/${server.folder}: as root that is /root/${server.folder}, where its users mount their volume; run as another user, it looks in that user's home, and the data already in their volumes would no longer be found (set ENV ${server.variable} to a folder outside /root, and mount the volume there)`, at: inst.span.start };
  }
  const state = toolStateInRootHome(file, stage, command, ctx, (n) => env.get(n)?.value ?? null);
  if (state !== null) {
    const inst = (command.entrypoint ?? command.cmd)!.inst;
    return { code: 'root-home', reason: `the command runs ${state}, ${why}`, at: inst.span.start };
  }
  const workdir = workdirAtEnd(file, stage);
  if (workdir !== null && (workdir === '/root' || workdir.startsWith('/root/'))) {
    const inst = lineage.filter((i) => i.keyword === 'WORKDIR').at(-1) ?? stage.from;
    return { code: 'root-home', reason: `the container starts in ${workdir}, in root's home, ${why}`, at: inst.span.start };
  }
  for (const w of commandWords(command)) {
    const m = IN_ROOT_HOME.exec(w);
    if (m !== null) {
      const inst = (command.entrypoint ?? command.cmd)!.inst;
      // The program, or only an argument (`--config=/root/app.json`): the command names it either way.
      return { code: 'root-home', reason: `the command names ${m[0].replace(/^[\s:="']/, '')}, in root's home, ${why}`, at: inst.span.start };
    }
  }
  const copied = copiedIntoRootHome(file, stage);
  if (copied !== null) {
    return { code: 'root-home', reason: `the ${copied.inst.keyword} on line ${copied.inst.line} copies into ${copied.dest}, in root's home, where the program looks as root (its HOME), ${why}`, at: copied.inst.span.start };
  }
  return null;
}

/**
 * What a command of a RUN run as root downloads or writes into root's home (see HOME_DOWNLOADS): not when the
 * variable that moves it is set by an ENV, on the command, or in the RUN, or when HOME is elsewhere.
 */
function homeDownload(c: SimpleCommand, runText: string, env: (name: string) => string | null): (typeof HOME_DOWNLOADS)[number] | null {
  const home = env('HOME');
  if (home !== null && home !== '/root' && !home.startsWith('/root/')) return null;
  const words = c.words.map((w) => w.value ?? w.raw).join(' ');
  for (const d of HOME_DOWNLOADS) {
    if (!d.command.test(words)) continue;
    if ([d.variable, ...(d.also ?? [])].some((v) => env(v) !== null || c.assigns.some((a) => a.name === v) || new RegExp(`\\b${v}=`).test(runText))) continue;
    return d;
  }
  return null;
}

/**
 * A package (see HOME_DOWNLOAD_PACKAGES) that a project install run as root puts in the image, whose
 * install script downloads into root's home: read from the package.json a COPY of the build context
 * put in the install's folder. Not with `--ignore-scripts`, development dependencies left out, a
 * release before the one that moved the download to the home, or a variable or configuration file
 * that puts it elsewhere; nor when HOME is elsewhere.
 */
function installedHomeDownload(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, inst: Instruction, r: PackageCommand, runsIn: FolderMove, env: (name: string) => string | null) {
  if (!['npm', 'yarn', 'pnpm', 'bun'].includes(r.manager) || r.action !== 'install' || r.operands.length > 0) return null;
  if (r.hasFlag('-g', '--global', '--ignore-scripts') || r.subcommand[0]?.value === 'global') return null;
  const home = env('HOME');
  if (home !== null && home !== '/root' && !home.startsWith('/root/')) return null;
  const manifest = commandPath(file, { inst, folder: runsIn }, 'package.json');
  if (manifest === null || ctx === null) return null;
  const origin = contextFileAt(file, stage, ctx, manifest);
  if (origin.kind !== 'context') return null;
  const pkg = readPackageJson(ctx.read(origin.path));
  if (pkg === null) return null;
  const omit = r.options.find((o) => (o.name === '--omit' && o.value === 'dev') || ['--production', '--prod', '-P'].includes(o.name) || (o.name === '--only' && /^prod/.test(o.value ?? '')));
  const noDev = omit !== undefined || env('NODE_ENV') === 'production';
  const folder = path.posix.dirname(origin.path);
  for (const d of HOME_DOWNLOAD_PACKAGES) {
    const spec = pkg.dependencies.get(d.name) ?? pkg.optionalDependencies.get(d.name) ?? (noDev ? undefined : pkg.devDependencies.get(d.name));
    if (spec === undefined) continue;
    const major = /^\D*(\d+)/.exec(spec);
    if (major !== null && Number(major[1]) < d.since) continue;
    if (d.variables.some((v) => env(v) !== null)) continue;
    if ((ctx.list(folder === '.' ? undefined : folder) ?? []).some((e) => d.configFile.test(path.posix.basename(e.path)))) continue;
    return { name: d.name, spec: `"${spec}"`, manifest: origin.path, what: d.what, path: d.path, variable: d.variables[0]! };
  }
  return null;
}

/**
 * The dotfile or dot-folder in root's home a redirection writes, or a removal names (`>> ~/.bashrc`,
 * `> "$HOME/.npmrc"`, `> /root/.netrc`, `> ~root/.gitconfig`, `rm -rf ~/.cache`): what programs read
 * from their HOME. Normalised; null for another path (a script saved in /root to run at build time).
 * `~` and HOME count only while HOME is root's; a single-quoted word is not expanded.
 */
function rootHomePath(raw: string, env: (name: string) => string | null): string | null {
  if (raw.startsWith("'")) return null;
  const m = /^(~root|~|\$HOME|\$\{HOME\}|\/root)(\/\.[^/$`*?[\]{}][^$`*?[\]{}]*)$/.exec(raw.replace(/"/g, ''));
  if (m === null) return null;
  const home = env('HOME');
  const base = m[1] === '~root' || m[1] === '/root' ? '/root' : (home ?? '/root');
  if (base !== '/root' && !base.startsWith('/root/')) return null;
  return path.posix.normalize(`${base}${m[2]!}`);
}

/** What the RUNs of the stage's lineage remove in root's home (see rootHomePath), each with its RUN's index and its offset in that RUN. */
function homeRemovals(file: ParsedDockerfile, stage: Stage, env: (name: string) => string | null): { index: number; at: number; path: string | null }[] {
  return stageLineage(file, stage).flatMap((s) => runScripts(file, s)).flatMap((run) =>
    (run.parsed?.commands ?? []).flatMap((c) => {
      const r = recognise(c);
      return r?.kind === 'remove-files' ? r.paths.map((p) => ({ index: run.inst.index, at: c.start, path: rootHomePath(p.word.raw, env) })) : [];
    }),
  );
}

/**
 * A COPY or ADD that puts a file in /root (`COPY kubeconfig /root/.kube/config`, `COPY .aws /root/.aws`) and
 * that no later RUN removes: the program reads such configuration from its HOME, which is /root only for root.
 */
function copiedIntoRootHome(file: ParsedDockerfile, stage: Stage): { inst: Instruction; dest: string } | null {
  const stages = stageLineage(file, stage).reverse();
  const removed = stages.flatMap((s) => runScripts(file, s)).flatMap((run) =>
    (run.parsed?.commands ?? []).flatMap((c) => {
      const r = recognise(c);
      return r?.kind === 'remove-files' ? r.paths.map((p) => ({ inst: run.inst, path: p.word.value })) : [];
    }),
  );
  for (const s of stages) {
    for (const step of copySteps(file, s)) {
      const dest = step.dest;
      if (dest === null || (dest !== '/root' && !dest.startsWith('/root/'))) continue;
      const gone = removed.some((r) => r.inst.index > step.inst.index && r.path !== null && (dest === path.posix.normalize(r.path) || dest.startsWith(`${path.posix.normalize(r.path).replace(/\/$/, '')}/`)));
      if (!gone) return { inst: step.inst, dest };
    }
  }
  return null;
}

/**
 * The command lines the container may run as its program: the command's words, or what an init starts
 * (`tini -- pnpm start`), or the CMD behind an exec-form ENTRYPOINT, which tini, docker-entrypoint.sh
 * and most entrypoint scripts (`exec "$@"`) run as the command, or each command of the shell it starts.
 */
function programsRun(command: StartCommand): (readonly string[])[] {
  const words = commandWords(command);
  const wrapped = wrappedProgram(words);
  const runs: (readonly string[])[] = [words[0] === 'exec' ? words.slice(1) : words, ...(wrapped > 0 ? [words.slice(wrapped)] : [])];
  if (command.entrypoint?.inst.form === 'exec' && command.cmd?.argv != null) runs.push([...command.cmd.argv]);
  // What the shell the command starts runs (\`sh -c "ollama serve"\`, a shell-form CMD of several commands).
  for (const { script } of startScripts(command)) {
    const parsed = parseScript(script);
    if (!parsed.ok) continue;
    for (const c of parsed.commands) {
      const literal = programWords(c).flatMap((w) => (w.value === null ? [] : [w.value]));
      if (literal.length > 0) runs.push(literal);
    }
  }
  return runs;
}

/**
 * A server (see HOME_DATA) the command runs that keeps its data in its HOME, root's (/root) as the image
 * runs now: not when an ENV sets HOME elsewhere or the variable that moves the data. \`words\`: what runs
 * with the ENTRYPOINT and CMD together, where the subcommand is (\`ENTRYPOINT ["/bin/ollama"]\`, \`CMD ["serve"]\`).
 */
function homeDataServer(command: StartCommand, env: (name: string) => string | null): (typeof HOME_DATA)[number] | null {
  const home = env('HOME');
  if (home !== null && home !== '/root' && !home.startsWith('/root/')) return null;
  const words = commandWords(command);
  for (const argv of programsRun(command)) {
    const program = argv[0] === undefined ? '' : baseName(argv[0]);
    const server = HOME_DATA.find((d) => d.program === program && (d.sub === null || argv.slice(1).includes(d.sub) || words.includes(d.sub)));
    if (server !== undefined && env(server.variable) === null) return server;
  }
  return null;
}

/**
 * The tool (see TOOL_STATE) whose build-time state the command relies on in root's home, as text for a reason; or null.
 * The command's own programs count, and those of the start scripts the build context holds (koalaman/shellcheck's
 * builders start a script that runs \`cabal build\` on the store a RUN filled).
 */
function toolStateInRootHome(file: ParsedDockerfile, stage: Stage, command: StartCommand, ctx: BuildContext | null, env: (name: string) => string | null): string | null {
  const words = commandWords(command);
  const runs: { argv: readonly string[]; script: { word: string; text: string } | null }[] = programsRun(command).map((argv) => ({ argv, script: null }));
  for (const f of startScriptFiles(file, stage, ctx, command)) {
    const parsed = f.text === null || f.config !== null ? null : parseScript(f.text);
    if (parsed === null || !parsed.ok) continue;
    for (const c of parsed.commands) runs.push({ argv: programWords(c).flatMap((w) => (w.value === null ? [] : [w.value])), script: { word: f.word, text: f.text! } });
  }
  const found = runs
    .map(({ argv, script }) => ({ script, program: argv[0] === undefined ? '' : baseName(argv[0]), argv }))
    .map(({ argv, program, script }) => ({ program, script, tool: TOOL_STATE.find((t) => t.program === program && (t.sub === null || argv.slice(1).includes(t.sub))) }))
    .find((f) => f.tool !== undefined);
  if (found === undefined) return null;
  const { program, script, tool } = found as { program: string; script: { word: string; text: string } | null; tool: (typeof TOOL_STATE)[number] };
  const scripts = stageLineage(file, stage).flatMap((s) => runScripts(file, s)).map((r) => r.text);
  // pnpm and yarn are only corepack's when a RUN turned corepack on.
  if ((program === 'pnpm' || program === 'yarn') && !scripts.some((t) => /\bcorepack\s+(?:enable|prepare|install)\b/.test(t))) return null;
  const settings = [...(tool.configuredByRun ? scripts : []), ...TOOL_ENV.map((n) => (env(n) === null ? '' : `${n}=${env(n)}`)), words.join(' '), script?.text ?? ''].join('\n');
  if (tool.unless.test(settings)) return null;
  return script === null ? tool.state : `${script.word}, a script that runs ${tool.state}`;
}

/** A RUN of the stage (or what it builds on) that installs gosu or su-exec: the entrypoint will use it. */
/**
 * A configuration file the command names that a distro package installed and the Dockerfile leaves
 * as the package wrote it (no COPY puts another there): one that makes the program need root
 * (Debian's haproxy.cfg chroots and switches user).
 */
function packagedRootConfig(file: ParsedDockerfile, stage: Stage, words: readonly string[], ctx: BuildContext | null): Omit<Blocker, 'at'> | null {
  for (const w of words) {
    const p = path.posix.normalize(w.replace(/^--?[\w-]+=/, ''));
    const known = own(PACKAGED_ROOT_CONFIGS, p);
    if (known === undefined || contextFileAt(file, stage, ctx, p).kind !== 'not-copied') continue;
    if (stageLineage(file, stage).some((s) => installedPackages(runScripts(file, s)).names.includes(known.package))) return { code: 'needs-root', reason: `the command reads ${p}, which the ${known.package} package installed: ${known.why}` };
  }
  return null;
}

function installsPrivilegeTool(file: ParsedDockerfile, stage: Stage): Blocker | null {
  for (const s of stageLineage(file, stage)) {
    for (const run of runScripts(file, s)) {
      const m = /(?:^|[\s/'"=])(gosu|su-exec)(?=$|[\s'";&|.-])/.exec(run.text);
      if (m === null) continue;
      // A RUN that only runs the tool (`gosu postgres initdb`) finds it in the image: it installs nothing.
      const commands = run.parsed?.commands ?? [];
      const runsOnly = commands.some((c) => c.name !== null && baseName(c.name) === m[1]) && !commands.some((c) => c.words.slice(1).some((w) => (w.value ?? w.raw).includes(m[1]!)));
      const reason = runsOnly
        ? `a RUN runs ${m[1]}, so the image has it: an entrypoint uses it to switch from root to another user`
        : `a RUN installs ${m[1]}, which an entrypoint uses to switch from root to another user`;
      return { code: 'manages-privileges', reason, at: run.inst.span.start };
    }
  }
  return null;
}

/**
 * The distros' packages of the Docker engine, its CLI or Compose (a client of the same daemon), by
 * package manager. Debian's \`docker\` is another program (a system tray), its Docker is docker.io;
 * Alpine's and Fedora's \`docker\` is Docker.
 */
const DOCKER_PACKAGES: Partial<Record<PackageManager, ReadonlySet<string>>> = {
  apt: new Set(['docker.io', 'docker-ce', 'docker-ce-cli', 'docker-engine', 'docker-compose', 'docker-compose-plugin']),
  apk: new Set(['docker', 'docker-cli', 'docker-engine', 'docker-compose', 'docker-cli-compose']),
  dnf: new Set(['docker', 'docker-ce', 'docker-ce-cli', 'moby-engine', 'moby-cli', 'docker-compose', 'docker-compose-plugin']),
  yum: new Set(['docker', 'docker-ce', 'docker-ce-cli', 'moby-engine', 'moby-cli', 'docker-compose', 'docker-compose-plugin']),
  microdnf: new Set(['docker', 'docker-ce', 'docker-ce-cli', 'moby-engine', 'moby-cli', 'docker-compose', 'docker-compose-plugin']),
  zypper: new Set(['docker', 'docker-compose']),
};

/**
 * The image a `COPY --from` reads: the value itself, or for a stage the image its lineage
 * starts FROM (`FROM docker:27-cli AS docker`, then `COPY --from=docker`); null for a stage
 * built on scratch or on a reference not known here.
 */
function copiedImage(file: ParsedDockerfile, from: string, inStage: Stage): string | null {
  const index = resolveStage(file, from, inStage.index);
  if (index === null) return from;
  const base = rootStage(file, file.stages[index]!).base;
  return base.kind === 'image' ? base.ref.raw : null;
}

/**
 * The packages whose program needs a capability Docker gives root alone (ROOT_PROGRAMS or
 * SYSTEM_CHANGERS says why), by package name: a VPN's (OpenVPN, WireGuard, IPsec, ocserv, L2TP, PPTP,
 * ZeroTier, tinc, Tailscale) and a firewall's (iptables, nftables), which need CAP_NET_ADMIN, and a
 * network scanner's (nmap, masscan, arp-scan), which needs CAP_NET_RAW. An image installs them for
 * its program or a script to run (python-nmap drives nmap), or for \`docker exec\` to: a program the
 * image starts (a compiled one, say) runs them when it does not name them itself. tcpdump is not
 * among them: one is often installed only to debug with.
 */
const CAPABILITY_PACKAGES: Readonly<Record<string, string>> = {
  openvpn: 'openvpn', 'wireguard-tools': 'wg-quick', wireguard: 'wg-quick', 'wireguard-tools-wg-quick': 'wg-quick', 'wireguard-tools-wg': 'wg',
  strongswan: 'ipsec', libreswan: 'ipsec', ocserv: 'ocserv', openconnect: 'openconnect', xl2tpd: 'xl2tpd', pptpd: 'pptpd',
  'zerotier-one': 'zerotier-one', tinc: 'tincd', tailscale: 'tailscaled',
  iptables: 'iptables', ip6tables: 'ip6tables', 'iptables-legacy': 'iptables', 'iptables-nft': 'iptables', nftables: 'nft', ipset: 'ipset', ebtables: 'ebtables',
  nmap: 'nmap', masscan: 'masscan', 'arp-scan': 'arp-scan',
};

/** A RUN of the stage (or what it builds on) installs a VPN, firewall or scanner package: the container is there to run it. */
function capabilityPackage(file: ParsedDockerfile, stage: Stage): Blocker | null {
  for (const s of stageLineage(file, stage)) {
    for (const run of runScripts(file, s)) {
      if (run.parsed === null) continue;
      for (const c of packageCommands(run.parsed)) {
        if (c.action !== 'install') continue;
        // A version, architecture or repository pin is not part of the name: openvpn~2.5, openvpn=2.6.3-1.
        for (const name of c.operands.map((w) => (w.value === null ? undefined : packageOperandName(w.value)))) {
          const program = name === undefined ? undefined : own(CAPABILITY_PACKAGES, name);
          const why = program === undefined ? undefined : rootProgram(program) ?? own(SYSTEM_CHANGERS, program);
          if (why !== undefined) return { code: 'needs-root', reason: `a RUN installs ${name}: ${why}`, at: run.inst.span.start };
        }
      }
    }
  }
  return null;
}

/**
 * A GPU driver the image installs (GPU_DRIVER_PACKAGES): the program it starts drives an AMD or Intel GPU through
 * /dev/dri (or ROCm's /dev/kfd), whose nodes only root and the host's render and video groups may open.
 */
function gpuDriver(file: ParsedDockerfile, stage: Stage): Blocker | null {
  for (const s of stageLineage(file, stage)) {
    for (const run of runScripts(file, s)) {
      if (run.parsed === null) continue;
      for (const c of packageCommands(run.parsed)) {
        if (c.action !== 'install' || !SYSTEM_MANAGERS.has(c.manager)) continue;
        // A version, architecture or repository pin is not part of the name: mesa-vulkan-drivers=24.0.5-1, mesa-vulkan-drivers:amd64.
        for (const name of c.operands.map((w) => (w.value === null ? undefined : packageOperandName(w.value)))) {
          const what = name === undefined ? undefined : own(GPU_DRIVER_PACKAGES, name);
          if (what === undefined) continue;
          return {
            code: 'needs-root',
            reason: `a RUN installs ${name} (${what}), which reaches the GPU through its device nodes (\`--device /dev/dri\`), root's and the host's render and video groups' (mode 660): another user may use the GPU only when the container is also run with \`--group-add\` of that group, which the image cannot say`,
            at: run.inst.span.start,
          };
        }
      }
    }
  }
  return null;
}

/** Docker-in-docker: the Docker binaries copied from an image, or a Docker engine or CLI installed. */
function dockerInDocker(file: ParsedDockerfile, stage: Stage): Blocker | null {
  for (const s of stageLineage(file, stage)) {
    for (const step of copySteps(file, s)) {
      const image = step.from === null ? null : copiedImage(file, step.from, s);
      if (image !== null && /(?:^|\/)docker(?::|@|$)/.test(image)) {
        const named = image === step.from ? image : `${image} (stage ${step.from})`;
        return { code: 'needs-root', reason: `it copies the Docker tools from ${named}: talking to a Docker daemon needs root (or the docker group)`, at: step.inst.span.start };
      }
    }
    for (const run of runScripts(file, s)) {
      // download.docker.com/linux/static: the docker (and dockerd) binaries, fetched as a tarball.
      if (/\b(?:docker-ce|docker\.io|moby-engine|get\.docker\.com|download\.docker\.com\/linux\/static|dockerd)\b/.test(run.text)) {
        return { code: 'needs-root', reason: 'a RUN installs Docker: running or talking to a Docker daemon needs root', at: run.inst.span.start };
      }
      const docker = run.parsed === null ? undefined : packageCommands(run.parsed).flatMap((c) => {
        const names = c.action === 'install' ? DOCKER_PACKAGES[c.manager] : undefined;
        // A version, architecture or repository pin is not part of the name: docker-cli=25.0.5-r0, docker-cli@community.
        return names === undefined ? [] : c.operands.flatMap((w) => (w.value !== null && names.has(packageOperandName(w.value)) ? [w.value] : []));
      })[0];
      if (docker !== undefined) {
        return { code: 'needs-root', reason: `a RUN installs ${docker}, Docker's package: running or talking to a Docker daemon needs root (or the docker group)`, at: run.inst.span.start };
      }
    }
  }
  return null;
}

/** Folders of code that tests use: a program rarely imports one. */
const TEST_HELPER_FOLDER = /^(?:tests?|testutils?|testhelpers?|testing|e2e|integration)$/;

/**
 * The first library of a list the app uses, as a reason names it (\`docker (requirements.txt)\`): one a
 * pip install of the stage or what it builds on names (\`pypi\`), or one the build context's manifests
 * declare (\`manifests\`, by registry); null when none.
 */
function appLibrary(
  file: ParsedDockerfile,
  stage: Stage,
  ctx: BuildContext | null,
  pypi: readonly string[],
  manifests: readonly (readonly [PackageRegistry, readonly string[]])[],
): string | null {
  for (const s of stageLineage(file, stage)) {
    const pip = pipRequirements(file, stageCommands(file, s, ctx).commands, ctx).items.find((r) => r.name !== null && pypi.includes(r.name));
    if (pip !== undefined) return `${pip.name} (${short(pip.from)})`;
  }
  if (ctx === null) return null;
  const declared = declaredDependencies(ctx, '.');
  for (const [registry, names] of manifests) {
    for (const name of names) {
      const manifest = declared.declares(registry, name);
      if (manifest !== null) return `${name} (${manifest})`;
    }
  }
  return null;
}

/**
 * A client library of the Docker Engine API the app uses (DOCKER_CLIENTS): one a pip install of the
 * image names, one the project's package.json or Gemfile declares, or one a Go file of the build
 * context imports; null when there is none. In a Go project whose cmd/NAME folders hold its
 * programs' main packages, a file under another program's folder than the one the container
 * starts (programs: their base names) is that program's code, not this one's.
 */
function dockerClient(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, at: number, programs: readonly string[]): Blocker | null {
  const found = (what: string): Blocker => ({
    code: 'needs-root',
    reason: `the app uses ${what}, a client of the Docker Engine API: it talks to the Docker daemon through /var/run/docker.sock, which only root and the host's docker group may use`,
    at,
  });
  const library = appLibrary(file, stage, ctx, DOCKER_CLIENTS.pypi, [['npm', DOCKER_CLIENTS.npm], ['rubygems', DOCKER_CLIENTS.rubygems]]);
  if (library !== null) return found(library);
  if (ctx === null) return null;
  const declared = declaredDependencies(ctx, '.');
  // A Go file imports the client: go.mod first, which lists the module of any package imported.
  if (goBuilds(file) === 'elsewhere') return null;
  const modules = DOCKER_CLIENTS.go.filter((p) => declared.declares('go', p.replace(/\/client$/, '')) !== null);
  if (modules.length === 0) return null;
  // A file of a test-helper package is named only when no other file imports the client.
  let helper: Blocker | null = null;
  for (const source of startedGoFiles(ctx, programs, goBuiltMains(file))) {
    const text = ctx.read(source) ?? '';
    const imported = modules.find((p) => text.includes(`"${p}"`));
    if (imported === undefined) continue;
    if (!source.split('/').some((p) => TEST_HELPER_FOLDER.test(p))) return found(`${imported} (${source} imports it)`);
    helper ??= found(`${imported} (${source} imports it)`);
  }
  return helper;
}

/**
 * A library the app opens serial devices with (SERIAL_CLIENTS): one a pip install of the image names, or one
 * the project's manifests declare (package.json, requirements.txt, pyproject.toml…); null when there is none.
 */
function serialClient(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, at: number): Blocker | null {
  const found = (what: string): Blocker => ({
    code: 'needs-root',
    reason: `the app uses ${what} to open serial devices (\`--device /dev/ttyUSB0\`), whose nodes are root's and the dialout group's: another user may open them only when the container is also run with \`--group-add dialout\`, which the image cannot say`,
    at,
  });
  const library = appLibrary(file, stage, ctx, SERIAL_CLIENTS.pypi, [['npm', SERIAL_CLIENTS.npm], ['pypi', SERIAL_CLIENTS.pypi]]);
  return library === null ? null : found(library);
}

/**
 * Where the Go programs the Dockerfile builds come from: \`context\` when a stage runs \`go build\` or \`go
 * install\` after a COPY or ADD from the build context (not only go.mod and go.sum) or with a bind mount of it;
 * \`elsewhere\` when every such build has only other code (headscale's Dockerfile.derper builds tailscale's
 * derper from a \`git clone\`); \`none\` when no stage builds Go (a program goreleaser built is copied in).
 */
function goBuilds(file: ParsedDockerfile): GoBuilds {
  return goBuildsByFile.of(file, readGoBuilds);
}

type GoBuilds = 'context' | 'elsewhere' | 'none';

/** Asked by the Docker client check and the listen address check: once per parsed file. */
const goBuildsByFile = new FileMemo<GoBuilds>();

function readGoBuilds(file: ParsedDockerfile): GoBuilds {
  let builds = false;
  for (const stage of file.stages) {
    for (const { run, command } of commandsNamed(runScripts(file, stage), 'go')) {
      if (command.args[0] !== 'build' && command.args[0] !== 'install') continue;
      builds = true;
      if (mounts(run.inst).some((m) => m.type === 'bind' && m.from === null)) return 'context';
      const copied = stageLineage(file, stage).flatMap((s) => copySteps(file, s));
      if (copied.some((c) => c.from === null && c.inst.index < run.inst.index && c.sources.some((p) => p === null || !/(?:^|\/)go\.(?:mod|sum)$/.test(p)))) return 'context';
    }
  }
  return builds ? 'elsewhere' : 'none';
}

/**
 * The Go files of the build context the go tool compiles, less those of another program than the ones
 * the container starts (programs: their base names) where cmd/NAME folders hold the programs' main packages.
 * When the container starts none of them by name (a debugger runs it: \`dlv exec /usr/local/bin/headscale\`),
 * the programs are those the Dockerfile builds (built: goBuiltMains): another program's folder (headscale's
 * cmd/hi, a test runner) is not in the image.
 */
function startedGoFiles(ctx: BuildContext, programs: readonly string[], built: readonly string[] = []): string[] {
  const sources = (contextFiles(ctx, '.go') ?? []).filter(builtGoFile);
  const mainsOf = (names: readonly string[]) => new Set(names.filter((name) => sources.some((f) => goMainOf(f) === name)));
  const started = mainsOf(programs);
  const mains = started.size > 0 ? started : mainsOf(built);
  return mains.size === 0 ? sources : sources.filter((f) => {
    const main = goMainOf(f);
    return main === null || mains.has(main);
  });
}

/**
 * A literal listen address in Go: net/http's \`ListenAndServe(":80", …)\` and \`http.Server{Addr: ":80"}\`,
 * \`net.Listen("tcp", ":80")\`, gin's \`Run(":80")\`, echo's \`Start(":80")\`, fiber's \`Listen(":80")\`.
 */
const GO_LISTEN = /(?:\b(?:ListenAndServe(?:TLS)?|Listen|Run(?:TLS)?|Start(?:TLS)?)\(\s*(?:"tcp[46]?"\s*,\s*)?|\bAddr\s*:\s*)"((?:[\w.-]*|\[[\da-fA-F:]*\]):(\d{1,5}))"/g;


/**
 * A port below 1024 that the Go program the container starts listens on, written in its source: the
 * stage runs \`go build\` on the build context (awesome-compose's backends: \`http.ListenAndServe(":80", r)\`).
 */
function goSourcePort(file: ParsedDockerfile, ctx: BuildContext | null, programs: readonly string[]): { readonly source: string; readonly call: string; readonly port: number } | null {
  if (ctx === null) return null;
  if (goBuilds(file) !== 'context') return null;
  const sources = startedGoFiles(ctx, programs, goBuiltMains(file));
  if (sources.length > GO_FILES_READ) return null;
  for (const source of sources) {
    const text = ctx.read(source);
    if (text === null || !text.includes('":')) continue;
    const tailnet = tailnetListeners(text);
    for (const m of text.matchAll(GO_LISTEN)) {
      // A Listen of a value declared as a tailnet server (headscale's \`tsNode := &tsnet.Server{…}\`, then \`tsNode.Listen("tcp", ":80")\`).
      const receiver = /(\w+)\.$/.exec(text.slice(Math.max(0, m.index - 64), m.index))?.[1];
      if (m[0].startsWith('Listen(') && receiver !== undefined && tailnet.has(receiver)) continue;
      const port = Number(m[2]);
      if (port > 0 && port < FIRST_UNPRIVILEGED_PORT) return { source, call: `"${m[1]}"`, port };
    }
  }
  return null;
}

/**
 * The names a Go file declares as servers of GO_TAILNET_LISTENERS' types (\`tsNode := &tsnet.Server{\`, \`var s tsnet.Server\`,
 * a field or parameter \`ts *tsnet.Server\`), in a file that imports their package. A Listen of any other value may be the host's.
 */
function tailnetListeners(text: string): Set<string> {
  const names = new Set<string>();
  for (const { imported, declared } of TAILNET_DECLARATIONS) {
    if (!text.includes(imported)) continue;
    for (const m of text.matchAll(declared)) names.add(m[1]!);
  }
  return names;
}

/** GO_TAILNET_LISTENERS as a file shows them: the import, and a name declared of the type. */
const TAILNET_DECLARATIONS = GO_TAILNET_LISTENERS.map(({ package: pkg, type }) => ({
  imported: `"${pkg}"`,
  declared: new RegExp(`\\b(\\w+)\\s*(?::?=)?\\s*(?:&|\\*|new\\(\\s*)?${type.replace('.', '\\.')}\\b`, 'g'),
}));

/** The main packages of Go's layout that the Dockerfile's \`go build\`s and \`go install\`s name (\`./cmd/server\`, \`cmd/server/main.go\`: server). */
function goBuiltMains(file: ParsedDockerfile): string[] {
  const out: string[] = [];
  for (const stage of file.stages) {
    for (const { command } of commandsNamed(runScripts(file, stage), 'go')) {
      if (command.args[0] !== 'build' && command.args[0] !== 'install') continue;
      for (const arg of command.args.slice(1)) {
        const main = arg === null ? null : goMainOf(`${arg.replace(/\/(?:\.\.\.)?$/, '')}/`);
        if (main !== null && !out.includes(main)) out.push(main);
      }
    }
  }
  return out;
}


/**
 * Scripts the command runs that the build context provides: read them and look for
 * privilege switching. A script that cannot be read cannot be proved harmless.
 */
function scriptBlocker(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, command: StartCommand, at: number, image: IdentifiedImage | null): ScriptBlocker | null {
  let change: ScriptBlocker | null = null;
  for (const script of startScriptFiles(file, stage, ctx, command)) {
    if (script.text === null && script.absent !== undefined) {
      // The image's own entrypoint (node's docker-entrypoint.sh) is known: its facts say what it runs.
      if (image?.facts.entrypoint?.some((e) => baseName(e) === baseName(script.word)) === true) continue;
      // So is a launcher it ships for the command to start the program with (knowledge: \`launchers\`).
      if (image?.facts.launchers.includes(script.word) === true) continue;
      const from = script.absent.run !== null ? '' : image === null ? ': a RUN may make it, the base image may have it, or it is mounted when the container runs' : `, and ${image.raw} does not have it: a RUN may make it, or it is mounted when the container runs or added by an image built on this one`;
      return { code: 'entrypoint-unread', reason: `the command runs ${script.word}, a script that cannot be read (${script.why}${from}): it may switch users itself`, at: script.inst.span.start, kind: 'program' };
    }
    if (script.text === null) {
      return { code: 'entrypoint-unread', reason: `the command runs ${script.word}, a script that cannot be read (${script.why}): it may switch users itself`, at: script.inst.span.start, kind: 'program' };
    }
    // A configuration the program reads names what it finds there (haproxy.cfg's \`chroot\`): the container runs no such command.
    const found = scanScript(script.text, script.config === null ? 'runs' : 'names');
    if (found?.kind === 'program') return { code: found.code, reason: `${startFileNamed(script)} ${found.reason}`, at, kind: 'program' };
    // Read at a build argument's default: another build may run another script, which may switch users.
    if (script.byDefault !== undefined) {
      return { code: 'entrypoint-unread', reason: `the command runs ${script.word}, a script that cannot be read for every build (${script.byDefault}): it may switch users itself`, at, kind: 'program' };
    }
    if (found !== null) change ??= { code: found.code, reason: `${startFileNamed(script)} ${found.reason}`, at, kind: 'change' };
  }
  return change;
}

type ScriptBlocker = Blocker & { readonly kind: 'program' | 'change' };

/**
 * What an entrypoint script's text shows: privilege switching or a root-only program (`program`),
 * or a command that changes the system (`change`). `verb` says what the text does with it: a script
 * runs it, a configuration its program reads names it.
 */
export function scanScript(text: string, verb: 'runs' | 'names' = 'runs'): { code: BlockerCode; reason: string; kind: 'program' | 'change' } | null {
  const tokens = scriptTokens(text);
  const dropper = tokens.find((t) => PRIVILEGE_DROPPERS.has(t)) ?? droppingSubcommand(text);
  if (dropper !== undefined) return { code: 'manages-privileges', reason: `${verb} ${dropper}, which starts as root and switches user itself`, kind: 'program' };
  const root = tokens.find((t) => rootProgram(t) !== undefined);
  if (root !== undefined) return { code: 'needs-root', reason: `${verb} ${root}: ${rootProgram(root)}`, kind: 'program' };
  const change = systemChange(text);
  if (change !== null) return { code: 'needs-root', reason: `${verb} \`${change.command}\`: ${change.why}`, kind: 'change' };
  const called = calledChanger(text);
  if (called !== null) return { code: 'needs-root', reason: `hands ${called.program} to a program runner (\`${called.literal}\`): ${called.why}`, kind: 'change' };
  return null;
}

/** Interpreters of scripts that run programs by strings they hand to a runner (\`subprocess.run([...])\`, \`system(...)\`). */
const LANGUAGE_INTERPRETERS = /^(?:python[\d.]*|perl|ruby|node)$/;

/**
 * A program of SYSTEM_CHANGERS that a Python, Perl, Ruby or Node script its \`#!\` line names runs: a string literal
 * that is the program's name, or a command line it starts (\`subprocess.run(["update-ca-certificates"])\`, a constant
 * \`CA_UPDATE_CMD = 'update-ca-certificates'\`, \`system("chown -R app /data")\`). Comment lines are left out, and so is a
 * message that starts with the name (\`"chown done"\`).
 */
function calledChanger(text: string): { program: string; literal: string; why: string } | null {
  if (!LANGUAGE_INTERPRETERS.test(shebangOf(text)?.program ?? '')) return null;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(?:#|\/\/)/.test(line)) continue;
    // The name alone, or followed by an option, a path or a placeholder: a message (\`"chown done"\`) is no command line.
    for (const m of line.matchAll(/(["'])([a-z][\w.+-]*)(?:[ \t]+[-/$%{][^"'\\]*)?\1/g)) {
      const why = own(SYSTEM_CHANGERS, m[2]!);
      if (why !== undefined) return { program: m[2]!, literal: m[0], why };
    }
  }
  return null;
}

/** The first subcommand of a multi-call program that switches users (\`clickhouse su\`) the script runs, as \`clickhouse su\`. */
function droppingSubcommand(text: string): string | undefined {
  const parsed = parseScript(text);
  if (!parsed.ok) return undefined;
  for (const c of parsed.commands) {
    const program = invokedProgram(c);
    const sub = program?.args[0]?.value;
    if (program != null && sub != null && own(PRIVILEGE_DROPPING_SUBCOMMANDS, program.name)?.includes(sub) === true) return `${program.name} ${sub}`;
  }
  return undefined;
}

const TOKEN_SEPARATORS = /[\s;&|()`"'{}]+/;

/**
 * Test commands, whose operands are compared (`[ "$1" = 'php-fpm' ]`), and commands that print
 * theirs (`echo "Running DB init..."`): none of those words is run.
 */
const NOT_RUN_OPERANDS = new Set(['[', 'test', 'echo', 'printf']);

/**
 * Programs that only reach a host they are given, as a start script waits for its database (\`until nc -z
 * postgres 5432\`, \`pg_isready -h postgres\`): their operands name hosts, often after the server that runs there
 * (a compose service \`postgres\`, \`nginx\`), not a program this container runs.
 */
const HOST_PROBES = new Set(['nc', 'netcat', 'ncat', 'pg_isready', 'mysqladmin', 'redis-cli', 'ping', 'nslookup', 'dig', 'host', 'getent', 'telnet']);

/**
 * The base names of the words a script may run: every word of its commands (an argument can be
 * a program: `set -- gosu app "$@"`, `sh -c 'nginx …'`) but the operands of a test or of echo, the hosts a probe
 * such as nc is given, and the name of
 * a call to a function the script defines (`init() { … }` then `init`: its body is read, the name
 * runs no program). Words of `[[ … ]]` and case patterns are no commands' words either. A script
 * the parser cannot read is taken word by word, comments left out.
 */
function scriptTokens(text: string): string[] {
  const parsed = parseScript(text);
  if (!parsed.ok) {
    const code = text
      .split('\n')
      .map((l) => l.replace(/(?:^|\s)#.*$/, ''))
      .join('\n');
    return code.split(TOKEN_SEPARATORS).map(baseName);
  }
  const functions = functionBodies(parsed);
  return parsed.commands
    .filter((c) => (c.name === null || !NOT_RUN_OPERANDS.has(c.name)) && !HOST_PROBES.has(invokedProgram(c)?.name ?? ''))
    .flatMap((c) => (c.name !== null && functions.has(c.name) ? c.words.slice(1) : withoutSubcommands(c)))
    .flatMap((w) => (w.value === null ? [] : w.value.split(TOKEN_SEPARATORS)))
    .map(baseName);
}

/**
 * Programs whose leading bare arguments may name a program they run (`dumb-init nginx`,
 * `service nginx start`), unlike the subcommands other programs take.
 */
const RUNS_ITS_ARGUMENTS = new Set([...SHELL_PROGRAMS, ...PRIVILEGE_DROPPERS, 'set', 'busybox', 'toybox', 'dumb-init', 'tini', 'catatonit', 'xargs', 'service', 'rc-service', 'systemctl', 'watch', 'flock', 'chrt', 'taskset', 'unshare', 'nsenter', 'strace', 'valgrind']);

/**
 * A command's words without the subcommands that lead its arguments (`git init`, `go mod init`,
 * `apisix init`): those name what the program does, not a program it runs.
 */
function withoutSubcommands(c: SimpleCommand): readonly ShellWord[] {
  const program = invokedProgram(c);
  if (program === null || RUNS_ITS_ARGUMENTS.has(program.name)) return c.words;
  const leading = program.args.findIndex((w) => w.value === null || !/^[a-z][a-z0-9-]*$/.test(w.value));
  const subcommands = leading === -1 ? program.args.length : leading;
  return c.words.filter((w) => !program.args.slice(0, subcommands).includes(w));
}

/** A port below 1024 that the stage exposes or is told to listen on. */
function lowPort(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, command: StartCommand, image: IdentifiedImage | null, programs: readonly string[]): Blocker | null {
  const blocker = lowPortUse(file, stage, ctx, command, image, programs, null);
  if (blocker === null) return null;
  // A program given the capability binds low ports as any user, but only where the runtime lets a process gain it.
  const granted = commandsNamed(stageLineage(file, stage).flatMap((s) => runScripts(file, s)), 'setcap').find(({ command: c }) => c.args.some((a) => a !== null && /cap_net_bind_service/i.test(a)));
  return granted === undefined ? blocker : lowPortUse(file, stage, ctx, command, image, programs, granted.run.inst);
}

function lowPortUse(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, command: StartCommand, image: IdentifiedImage | null, programs: readonly string[], granted: Instruction | null): Blocker | null {
  for (const s of stageLineage(file, stage)) {
    for (const inst of s.instructions) {
      if (inst.keyword === 'EXPOSE' && inst.argsSpan !== null) {
        const vars = variablesAt(file, inst);
        const text = logicalText(file.text, inst.argsSpan.start, inst.argsSpan.end, file.escape).text;
        for (const word of text.trim().split(/\s+/)) {
          const value = expandWord(word, (n) => vars.get(n)?.value ?? null, file.escape).value;
          const port = value === null ? null : Number(/^(\d+)/.exec(value)?.[1] ?? NaN);
          if (port !== null && port > 0 && port < FIRST_UNPRIVILEGED_PORT) return portBlocker(inst, port, 'exposes', granted, otherListeningPort(file, stage, image, port));
        }
      }
    }
  }
  const variable = portFromVariables(file, stage, image, granted);
  if (variable !== null) return variable;
  // Caddy listens where its Caddyfile says.
  const caddy = caddyPort(file, stage, ctx, caddyWords(command, image), (command.entrypoint ?? command.cmd)?.inst ?? stage.from, image, granted);
  if (caddy !== null) return caddy;
  const inst = (command.entrypoint ?? command.cmd)?.inst;
  if (inst === undefined) return null;
  const words = commandWords(command);
  const own = listeningPort(words);
  if (own !== null) return portBlocker(inst, own, 'listens on', granted);
  const fromEnv = gunicornEnvPort(file, inst, words);
  if (fromEnv !== null) return portBlocker(fromEnv.inst, fromEnv.port, 'runs gunicorn, and GUNICORN_CMD_ARGS binds', granted);
  const configured = gunicornConfigPort(file, stage, ctx, words);
  if (configured !== null) return portBlocker(inst, configured.port, `runs gunicorn, whose ${configured.path} binds`, granted);
  const packageScript = packageScriptWords(ctx, words);
  const scripted = listeningPort(packageScript);
  if (scripted !== null) return portBlocker(inst, scripted, `runs the package.json script \`${packageScript.join(' ')}\`, which listens on`, granted);
  // A start script hands over to the server it `exec`s, or ends by running it: that command's arguments
  // name its port as the container's own would. Earlier commands may name other hosts' ports (`wait-for-it db:80`).
  for (const started of startScriptFiles(file, stage, ctx, command)) {
    if (started.text === null) continue;
    const parsed = parseScript(started.text);
    if (!parsed.ok) continue;
    const last = parsed.commands.at(-1);
    for (const c of parsed.commands.filter((c) => c.name === 'exec' || c === last)) {
      const argv = [c.name, ...c.args].filter((w): w is string => w !== null);
      const started_ = argv[0] === 'exec' ? argv.slice(1) : argv;
      // A configuration's line is a setting of the program that reads it (haproxy.cfg's \`bind :80\`), no Caddy it starts.
      const caddyThere = started.config !== null ? null : caddyPort(file, stage, ctx, started_, inst, image, granted, `runs ${started.path}, which `);
      if (caddyThere !== null) return caddyThere;
      const port = listeningPort(started_);
      const verb = started.config === null ? `runs ${started.path}, which listens on` : `reads ${started.path} (\`${started.config} ${started.word}\`), a configuration that has it listen on`;
      if (port !== null) return portBlocker(inst, port, verb, granted);
    }
  }
  const go = goSourcePort(file, ctx, programs);
  if (go !== null) return portBlocker(inst, go.port, `runs the Go program built from the build context, whose ${go.source} listens at ${go.call}, on`, granted);
  return null;
}

/** The words after gunicorn, when the command runs it; null otherwise. */
function gunicornArgs(words: readonly string[]): readonly string[] | null {
  const at = words.findIndex((w) => baseName(w) === 'gunicorn');
  return at < 0 ? null : words.slice(at + 1);
}

/** gunicorn's option naming the address it binds (`-b :80`, `--bind=0.0.0.0:80`). */
const isBind = (word: string): boolean => /^(?:-b|--bind)(?:=|$)/.test(word);

/**
 * The port below 1024 that GUNICORN_CMD_ARGS binds (\`ENV GUNICORN_CMD_ARGS="--bind=0.0.0.0:80"\`), where the
 * command runs gunicorn with no bind of its own: gunicorn reads the variable as command-line arguments, over
 * its configuration file. The ENV that sets it is where the refusal is made.
 */
function gunicornEnvPort(file: ParsedDockerfile, inst: Instruction, words: readonly string[]): { port: number; inst: Instruction } | null {
  const gunicorn = gunicornArgs(words);
  if (gunicorn === null || gunicorn.some(isBind)) return null;
  const set = variablesAt(file, inst).get('GUNICORN_CMD_ARGS');
  if (set?.value == null) return null;
  const port = listeningPort(['gunicorn', ...set.value.trim().split(/\s+/)]);
  return port === null ? null : { port, inst: set.inst };
}

/**
 * The port below 1024 that gunicorn's configuration file binds (`bind = "0.0.0.0:80"`): the one `-c` or
 * `--config` names, else gunicorn.conf.py in the folder it starts in, which it reads by default; read from
 * the build context. A `python:module` configuration, or a bind only known when it runs, is not read; a
 * `--bind` of the command line wins over the file's.
 */
function gunicornConfigPort(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, words: readonly string[]): { port: number; path: string } | null {
  const gunicorn = gunicornArgs(words);
  if (gunicorn === null || ctx === null) return null;
  let config = 'gunicorn.conf.py';
  for (const [i, w] of gunicorn.entries()) {
    // A bind on the command line overrides the file's.
    if (isBind(w)) return null;
    const m = /^(?:-c|--config)(?:=(.*))?$/.exec(w);
    if (m !== null) config = m[1] ?? gunicorn[i + 1] ?? '';
  }
  const imagePath = config.startsWith('python:') ? null : pathIn(workdirAtEnd(file, stage), { kind: 'stays' }, config);
  const origin = imagePath === null ? null : contextFileAt(file, stage, ctx, imagePath);
  if (origin?.kind !== 'context') return null;
  const bind = /^bind\s*=\s*\[?\s*["']([^"']*)["']/m.exec(ctx.read(origin.path) ?? '');
  const port = bind === null ? NaN : Number(/(?:^|:)(\d{1,5})$/.exec(bind[1]!)?.[1] ?? NaN);
  return port > 0 && port < FIRST_UNPRIVILEGED_PORT ? { port, path: origin.path } : null;
}

/** The port below 1024 that a command's words tell its program to listen on, or null. */
function listeningPort(words: readonly string[]): number | null {
  const values = words.map((w, i) => {
    const property = PORT_PROPERTY.exec(w);
    if (property !== null) return property[1]!;
    const flag = PORT_FLAG.exec(w);
    return flag === null ? (listenAddressPort(w) !== null ? w : null) : (flag[1] ?? words[i + 1] ?? null);
  });
  for (const value of [...values, httpServerPort(words)]) {
    const port = value === null ? null : Number(/(?:^|:)(\d{1,5})$/.exec(value)?.[1] ?? NaN);
    if (port !== null && port > 0 && port < FIRST_UNPRIVILEGED_PORT) return port;
  }
  return null;
}

/**
 * A flag that names the address or port to listen on (`--port 80`, `-b :80`, `--listen=:80`), or a
 * server's port setting (`--server.port=80` of Spring Boot and Streamlit, `--http-port 80`); not a
 * port the program connects to (`--smtp-port 25`).
 */
const PORT_FLAG = /^--?(?:port|p|bind|b|listen|addr|address|http|(?:[\w-]+[.-])?(?:server|https?|listen|web)[.-]port)(?:=(.*))?$/;

/** A Java system property naming the server's port (`-Dserver.port=80`, `-Dquarkus.http.port=80`): its value follows `=`. */
const PORT_PROPERTY = /^-D(?:[\w-]+\.)?(?:server|https?)\.port=(.*)$/;

/** The port of `python -m http.server 80`, which the module takes as its operand, after its options. */
function httpServerPort(words: readonly string[]): string | null {
  const at = words.findIndex((w, i) => words[i - 1] === '-m' && (w === 'http.server' || w === 'SimpleHTTPServer'));
  if (at < 0) return null;
  for (let i = at + 1; i < words.length; i++) {
    const w = words[i]!;
    if (/^(?:-b|--bind|-d|--directory|-p|--protocol)$/.test(w)) i++;
    else if (!w.startsWith('-')) return /^\d{1,5}$/.test(w) ? w : null;
  }
  return null;
}

/**
 * A port below 1024 that the variables the container starts with tell a program to listen on:
 * the image's own (ASPNETCORE_URLS=http://+:80 in .NET images before 8) as the stage's ENVs leave them.
 */
function portFromVariables(file: ParsedDockerfile, stage: Stage, image: IdentifiedImage | null, granted: Instruction | null): Blocker | null {
  for (const r of listeningVariables(file, stage, image)) {
    const low = (portsOf(r.entry, r.value) ?? []).find((p) => p > 0 && p < FIRST_UNPRIVILEGED_PORT);
    if (low === undefined) continue;
    const listens = r.entry.program === null ? '' : `, so ${r.entry.program} listens on`;
    if (r.inst === null) return portBlocker(stage.from, low, `inherits ${r.name}=${r.value} from ${image!.raw}${listens}`, granted);
    return portBlocker(r.inst, low, r.entry.program === null ? `sets ${r.name} to` : `sets ${r.name} to ${r.value}${listens}`, granted);
  }
  return null;
}

/**
 * The port variables set for the stage's program, by the image (inst null) or an ENV of the stage or what
 * it builds on, each the one its program reads (of highest rank in its group: ASP.NET Core takes
 * ASPNETCORE_URLS over ASPNETCORE_HTTP_PORTS).
 */
function listeningVariables(file: ParsedDockerfile, stage: Stage, image: IdentifiedImage | null): { readonly name: string; readonly value: string; readonly inst: Instruction | null; readonly entry: PortVariable }[] {
  const set = new Map<string, { value: string | null; inst: Instruction | null }>();
  const env = image?.repository.name === 'dotnet/runtime' ? (aspNetCoreCopied(file, stage) ?? image.facts.env) : (image?.facts.env ?? {});
  for (const [name, value] of Object.entries(env)) set.set(name, { value, inst: null });
  for (const [name, v] of envAtEnd(file, stage)) set.set(name, v);
  // A program reads the set variable of highest rank in its group; the others it ignores.
  const read = [...set.entries()].flatMap(([name, v]) => {
    const entry = portVariable(name);
    return entry === null || v.value === null || v.value.trim() === '' ? [] : [{ name, value: v.value, inst: v.inst, entry }];
  });
  return read.filter((r) => r.entry.program === null || !read.some((o) => o.entry.program === r.entry.program && o.entry.rank > r.entry.rank));
}

/**
 * What the stage's program is told to listen on instead of an EXPOSEd low port, as a clause of the
 * refusal: the image's ASP.NET Core listens on 8080 (ASPNETCORE_HTTP_PORTS, from .NET 8), so an
 * \`EXPOSE 80\` kept from an older image may say nothing the app does. Empty when nothing says so.
 */
function otherListeningPort(file: ParsedDockerfile, stage: Stage, image: IdentifiedImage | null, exposed: number): string {
  for (const r of listeningVariables(file, stage, image)) {
    if (r.entry.program === null) continue;
    const ports = portsOf(r.entry, r.value);
    if (ports === null || ports.length === 0 || ports.includes(exposed) || ports.some((p) => p < FIRST_UNPRIVILEGED_PORT)) continue;
    const from = r.inst === null ? `${r.name}=${r.value}, from ${image!.raw}` : `${r.name}=${r.value}, line ${r.inst.line}`;
    return `; but ${r.entry.program} listens on ${ports.join(' and ')} here (${from}): unless the app binds ${exposed} itself, the EXPOSE is stale, and \`EXPOSE ${ports.join(' ')}\` says what it does`;
  }
  return '';
}

/**
 * The variables ASP.NET Core reads in the .NET runtime image, when the stage copies ASP.NET Core's shared
 * framework in from an aspnet image (\`COPY --from=aspnet /usr/share/dotnet /usr/share/dotnet\`); null otherwise.
 * The runtime image sets what aspnet sets (both build on runtime-deps), left out of its facts because its apps
 * are console ones; with the framework copied in, the stage runs an ASP.NET Core app, which reads them.
 */
function aspNetCoreCopied(file: ParsedDockerfile, stage: Stage): Readonly<Record<string, string>> | null {
  for (const s of stageLineage(file, stage)) {
    for (const step of copySteps(file, s)) {
      if (step.from === null || !step.sources.some((p) => p !== null && /^\/?usr\/share\/dotnet(?:\/|$)/.test(p))) continue;
      const raw = copiedImage(file, step.from, s);
      const image = raw === null ? null : identify(raw);
      if (image?.repository.name === 'dotnet/aspnet') return image.facts.env;
    }
  }
  return null;
}

/** The command's words; a stage that sets none on the caddy image runs the image's (\`caddy run --config /etc/caddy/Caddyfile\`). */
function caddyWords(command: StartCommand, image: IdentifiedImage | null): readonly string[] {
  const inherited = command.entrypoint === null && command.cmd === null && image?.repository.name === 'caddy';
  return inherited ? (image.facts.cmd ?? []) : commandWords(command);
}

/**
 * A low port (or ports not known) of the Caddy \`words\` start, as a blocker: Caddy serves each site of its Caddyfile
 * on the port its address names, a host's on 443 and 80. The caddy image's own binary carries cap_net_bind_service,
 * which the reason names as setcap's is named; another caddy copied over it (an xcaddy build) is not taken to keep it.
 */
function caddyPort(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, words: readonly string[], inst: Instruction, image: IdentifiedImage | null, granted: Instruction | null, runs = ''): Blocker | null {
  const listening = caddyListening(file, stage, ctx, words);
  if (listening === null) return null;
  const capability = caddyCapability(file, stage, ctx, image);
  const held = capability === null || capability.replaced !== null ? null : `the ${image!.raw} image gives ${CADDY.binary} with setcap, from 2.6.3 on`;
  const lost =
    capability?.replaced == null
      ? ''
      : `; the caddy the ${capability.replaced.keyword} on line ${capability.replaced.line} puts over the image's ${CADDY.binary} is not taken to keep the cap_net_bind_service the image's own carries (or that xcaddy's setcap gives its build): a file capability is an extended attribute, which COPY does not carry in most builders`;
  if (listening.kind === 'unknown') {
    return {
      code: 'privileged-port',
      reason: `it ${runs}runs Caddy, whose ports are not known (${listening.why}), and binding a port below ${FIRST_UNPRIVILEGED_PORT} needs root where the runtime does not lower net.ipv4.ip_unprivileged_port_start (Kubernetes does not)${lost}`,
      at: inst.span.start,
    };
  }
  const low = listening.ports.find((p) => p.port > 0 && p.port < FIRST_UNPRIVILEGED_PORT);
  if (low === undefined) return null;
  return portBlocker(inst, low.port, `${runs}runs Caddy, whose ${listening.where} serves ${low.address} on`, granted, lost, held);
}

function portBlocker(inst: Instruction, port: number, verb: string, granted: Instruction | null, note = '', held: string | null = null): Blocker {
  const gainedWhere = 'which a process gains only where the runtime keeps that capability and allows gaining it: not under no-new-privileges, as Kubernetes\' restricted policy sets';
  const capability =
    granted !== null
      ? ` (or the cap_net_bind_service that line ${granted.line} gives a program with setcap, ${gainedWhere})`
      : held !== null
        ? ` (or the cap_net_bind_service ${held}, ${gainedWhere})`
        : '';
  return {
    code: 'privileged-port',
    reason: `it ${verb} port ${port}: binding a port below ${FIRST_UNPRIVILEGED_PORT} needs root${capability} where the runtime does not lower net.ipv4.ip_unprivileged_port_start (Kubernetes does not)${note}`,
    at: inst.span.start,
  };
}

/** What the image's nginx needs to start as its own user, as the stage prepares it; null for an image without nginx's layout or user. */
function imageNginx(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, image: IdentifiedImage): NginxVerdict | null {
  const { nginx, nonRootUser } = image.facts;
  return nginx === null || nonRootUser === null ? null : nginxAsUser(file, stage, ctx, nginx, nonRootUser);
}

/** The stage's command is the image's own, written out (\`CMD ["nginx", "-g", "daemon off;"]\`), with the image's program. */
function runsImageCommand(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, command: StartCommand, image: IdentifiedImage): boolean {
  const own = image.facts.cmd;
  const words = runWords(command);
  if (own === null || words === null || words.length !== own.length || baseName(words[0]!) !== own[0]) return false;
  return words.every((w, i) => i === 0 || w === own[i]) && programOrigin(file, stage, ctx, words[0]!).kind === 'not-copied';
}

/**
 * Why the image's own service, which must otherwise start as root, may run as the image's user in this
 * stage (nginx whose sites listen above 1023 and whose pid and temp files nginx may write); null when it does not apply.
 */
export function imageServiceAsUser(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, image: IdentifiedImage): string | null {
  const command = startCommand(file, stage);
  if (image.facts.mustStartAsRoot === null || (commandReplaced(file, stage, ctx, command, image) && !runsImageCommand(file, stage, ctx, command, image))) return null;
  const nginx = imageNginx(file, stage, ctx, image);
  return nginx?.kind === 'ready' ? nginx.why : null;
}

/**
 * The stage runs a command of its own, not the one the image is made to run (which is what its
 * mustStartAsRoot speaks of): its own ENTRYPOINT, or a CMD that the image's ENTRYPOINT, if it has one,
 * ends by running (\`exec "$@"\`); and its program is the image's or a package's, or a script read from
 * the build context that runs no other file the image is given, so what it runs is judged on its own. A
 * program copied in that cannot be read (a wrapper from the context, a binary from a stage, a second script
 * the first hands over to) may well start the image's service.
 */
function commandReplaced(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, command: StartCommand, image: IdentifiedImage): boolean {
  if (command.entrypoint === null && command.cmd === null) return false;
  if (command.entrypoint === null && image.facts.entrypoint !== null && !entrypointExecsItsCommand(image.facts)) return false;
  // Behind an init (\`tini -- /entrypoint.sh\`, as init-process writes it), the program is the one it starts.
  const words = runWords(command) ?? commandWords(command);
  const program = words[Math.max(wrappedProgram(words), 0)];
  if (program === undefined) return false;
  const origin = programOrigin(file, stage, ctx, program);
  if (origin.kind === 'not-copied') return true;
  if (origin.kind !== 'context' && origin.kind !== 'inline') return false;
  // A script is judged by what it runs, unless it runs another file the image is given, which is not read
  // (an entrypoint that hands over to a second script, which may start the image's service).
  const text = origin.kind === 'inline' ? origin.text : (ctx?.read(origin.path) ?? null);
  const parsed = text === null ? null : parseScript(text);
  if (parsed === null || !parsed.ok) return false;
  return !parsed.commands.some((c) => {
    const name = c.words[0]?.value;
    return name != null && name.includes('/') && programOrigin(file, stage, ctx, name).kind !== 'not-copied';
  });
}

/**
 * A comment that says, in words, that the image cannot run as a non-root user (cluster-api's CAPD: \`# NOTE: CAPD can't
 * use non-root because docker requires access to the docker socket\`), or must run as root.
 */
const SAYS_ROOT = /\b(?:can(?:'|no)?t|cannot|could not|couldn't|unable to)\s+(?:use|run as|be run as|run with)\s+(?:an?\s+)?non[- ]?root\b|\b(?:must|needs? to|has to|have to)\s+(?:be\s+)?run\s+as\s+root\b/i;

/**
 * A comment that says the image runs as root on purpose (seaweedfs' e2e image: \`# Note: This e2e test image
 * intentionally runs as root for simplicity and compatibility.\`), unless a negation governs the words (\`# Don't run
 * as root intentionally\`, \`# This image never runs as root by design\`) or they are judged (\`# Running as root by
 * design is a bad idea\`). A negation elsewhere in the comment (\`# Runs as root by design (rootless is not
 * supported)\`) leaves it said.
 */
const ROOT_ON_PURPOSE = /\b(?:intentionally|deliberately|purposely|purposefully)\s+(?:runs?|running|(?:is|are)\s+run)\s+as\s+root\b|\b(?:runs?|running)\s+as\s+root\s+(?:intentionally|deliberately|on\s+purpose|by\s+design)\b/i;

/** A negation at most two words before the words (\`never\`, \`don't make app.py\`). */
const NEGATED_BEFORE = /(?:\b(?:not|never|no\s+longer|avoid(?:s|ing)?)|n't|\bdont)\s+(?:\S+\s+){0,2}$/i;

/** A judgement right after the words (\`… is a bad idea\`). */
const JUDGED_AFTER = /^\s*(?:is|are|was)\s+(?:a\s+|an\s+)?(?:bad|wrong|discouraged|insecure|not)\b/i;

/** What a comment says of running as root, in its words, or null. */
function saysRoot(text: string): string | null {
  const says = SAYS_ROOT.exec(text);
  if (says !== null) return says[0];
  const purpose = ROOT_ON_PURPOSE.exec(text);
  if (purpose === null) return null;
  const denied = NEGATED_BEFORE.test(text.slice(0, purpose.index)) || JUDGED_AFTER.test(text.slice(purpose.index + purpose[0].length));
  return denied ? null : purpose[0];
}

/** Comments or labels that tell how the container is run: with --privileged, added capabilities, devices or the Docker socket. */
function privilegedHint(file: ParsedDockerfile): Blocker | null {
  const hint = /--privileged|--cap-add|--device\b|docker\.sock|\bdocker socket\b/i;
  for (const [i, c] of file.comments.entries()) {
    const says = saysRoot(c.text);
    if (says !== null) return { code: 'privileged-hint', reason: `a comment says the container runs as root (\`${says}\`)`, at: c.span.start };
    const m = hint.exec(c.text);
    const what = m !== null && /\s/.test(m[0]) ? 'the Docker socket' : m?.[0];
    if (m !== null && !aboutAnotherImage(file, i, m.index)) return { code: 'privileged-hint', reason: `a comment says the container runs with ${what}, which is for root`, at: c.span.start };
  }
  for (const inst of file.instructions) {
    if (inst.keyword !== 'LABEL') continue;
    const m = hint.exec(file.text.slice(inst.span.start, inst.span.end));
    if (m !== null) return { code: 'privileged-hint', reason: `a label says the container runs with ${m[0]}, which is for root`, at: inst.span.start };
  }
  return null;
}

/** `docker run`'s options that take the next word; the others (`--rm`, `-it`, `--privileged`) are flags. */
const DOCKER_RUN_GRAMMAR = grammar(
  [
    '-a', '--attach', '--add-host', '--cap-add', '--cap-drop', '--cgroupns', '--cidfile', '--cpus', '--cpu-shares', '-c', '--device', '--device-cgroup-rule', '--dns',
    '-e', '--env', '--env-file', '--entrypoint', '--expose', '--gpus', '--group-add', '-h', '--hostname', '--ip', '--ip6', '--ipc', '-l', '--label', '--link',
    '--log-driver', '--log-opt', '-m', '--memory', '--mount', '--name', '--net', '--network', '--network-alias', '-p', '--publish', '--pid', '--platform', '--pull',
    '--restart', '--runtime', '--security-opt', '--shm-size', '--stop-signal', '--sysctl', '--tmpfs', '-u', '--user', '--ulimit', '--userns', '--uts', '-v', '--volume',
    '--volumes-from', '-w', '--workdir',
  ],
  true,
);

/**
 * Whether the hint at \`hintAt\` in the comment at \`index\` sits in a container engine's command line that is not about running
 * this image: a build (\`docker buildx build\`), or a \`docker run\` of an image the Dockerfile names itself
 * (a stage's base, a COPY --from image) or the knowledge base knows, as host setup steps do
 * (\`docker run --privileged multiarch/qemu-user-static --reset\`). This image has no name in its Dockerfile,
 * so a run of any other image may be of it.
 */
function aboutAnotherImage(file: ParsedDockerfile, index: number, hintAt: number): boolean {
  // A command line written over several comment lines, each but the last ending in a backslash.
  const continues = (k: number): boolean => {
    const c = file.comments[k];
    const next = file.comments[k + 1];
    return c !== undefined && next !== undefined && next.line === c.line + 1 && /\\\s*$/.test(c.text);
  };
  let first = index;
  while (continues(first - 1)) first--;
  let last = index;
  while (continues(last)) last++;
  const lines = file.comments.slice(first, last + 1).map((c) => c.text);
  const text = lines.join('\n');
  const at = lines.slice(0, index - first).reduce((n, l) => n + l.length + 1, 0) + hintAt;
  const script = parseScript(text);
  if (!script.ok) return false;
  const command = script.commands.find((c) => c.start <= at && at < c.end);
  if (command === undefined || (command.name !== 'docker' && command.name !== 'podman')) return false;
  const words = command.words.slice(1);
  const verb = words.findIndex((w) => w.value === null || !w.value.startsWith('-'));
  const sub = verb === -1 ? null : words[verb]!.value === 'container' ? (words[verb + 1]?.value ?? null) : words[verb]!.value;
  if (sub !== 'run' && sub !== 'create') return sub === 'build' || sub === 'buildx' || sub === 'image';
  const rest = words.slice(verb + (words[verb]!.value === 'container' ? 2 : 1));
  const image = splitArgs(rest, DOCKER_RUN_GRAMMAR).positionals[0]?.value ?? null;
  const ref = image === null ? null : parseImageRef(image);
  if (ref === null || ref.hasVariables) return false;
  const bases = file.stages.flatMap((s) => (s.base.kind === 'image' ? [s.base.ref] : []));
  const copied = stageReferences(file).flatMap((r) => (r.stage === null ? [parseImageRef(r.target)] : []));
  const named = [...bases, ...copied].some((other) => other !== null && canonicalName(other) === canonicalName(ref));
  return named || identify(image!) !== null;
}
