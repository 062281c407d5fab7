/**
 * What a command of a RUN does with the project it runs in: installs its dependencies
 * from manifests (`npm ci`, `pip install -r requirements.txt`, `go mod download` …),
 * needs nothing of it, writes something into it, or may read its sources. The
 * dependency-first rewrite moves the sources after such an install, so everything that
 * is not known to leave them alone counts as reading them.
 */
import { mkdirOperands } from '../analysis/runScripts.js';
import { basename, grammar, splitArgs } from '../shell/argv.js';
import { recognise } from '../shell/commands.js';
import { readPythonTool, readUvPip, type UvPipArgs } from '../shell/pythonTools.js';
import type { CommandOption, PackageCommand, ShellWord, SimpleCommand } from '../shell/types.js';

export type Ecosystem = 'npm' | 'yarn' | 'pnpm' | 'bun' | 'pip' | 'uv-pip' | 'pipenv' | 'poetry' | 'uv' | 'go' | 'maven' | 'bundler' | 'composer' | 'cargo';

/** Why an install cannot be moved ahead of the sources. */
export interface InstallProblem {
  /** `install-location`: it reads manifests from elsewhere than its working folder; `install-needs-source`: it reads sources. */
  readonly code: 'install-location' | 'install-needs-source';
  readonly reason: string;
}

export interface DependencyInstall {
  readonly ecosystem: Ecosystem;
  readonly command: SimpleCommand;
  readonly problem: InstallProblem | null;
  /** Files its command line names, relative to its working folder: pip's `-r`/`-c`, Maven's `-s`. */
  readonly files: readonly string[];
  /** What it writes below its working folder besides the ecosystem's usual folder (pip `--target`, bundler `--path`). */
  readonly writes: readonly string[];
  /** Absolute folders it reads packages from (pip `--find-links /wheels`): from the sources when the source COPY puts them there. */
  readonly reads: readonly string[];
  /** Lifecycle scripts are off (`--ignore-scripts`, composer `--no-scripts`). */
  readonly ignoreScripts: boolean;
  /** Run through the project's wrapper script (`./mvnw`), which is then a manifest too. */
  readonly wrapper: string | null;
  /** composer: `--no-autoloader`, and whether the autoloader is optimised (which scans the sources). */
  readonly noAutoloader: boolean;
  readonly optimizedAutoloader: boolean;
  /** composer, bundler: development dependencies are left out. */
  readonly noDev: boolean;
  /** bundler: flags that make it write `.bundle/config` in the project. */
  readonly writesConfig: boolean;
  /** poetry, uv: it installs the project itself too, unless its manifest says it is no package (read with it). */
  readonly installsProject: boolean;
}

export type CommandUse =
  | { readonly kind: 'install'; readonly install: DependencyInstall }
  /** Reads nothing of the project and writes nothing into it. */
  | { readonly kind: 'free' }
  /** Writes these paths (relative ones below its working folder), reads nothing of the project. */
  | { readonly kind: 'writes'; readonly paths: readonly string[] }
  /** `cd`, `pushd`, `popd`: what follows in the RUN runs in another folder. */
  | { readonly kind: 'changes-folder' }
  | { readonly kind: 'needs-source'; readonly reason: string };

const FREE: CommandUse = { kind: 'free' };
const SYSTEM_MANAGERS = new Set(['apt', 'apk', 'yum', 'dnf', 'microdnf', 'zypper']);
/** Commands that only print, set shell state for the rest of the RUN, or end it (`npm install; exit 0`). */
const HARMLESS = new Set(['echo', 'printf', 'true', 'false', ':', 'exit', 'set', 'export', 'unset', 'umask', 'sleep', 'which', 'type']);

const install = (ecosystem: Ecosystem, command: SimpleCommand, fields: Partial<Omit<DependencyInstall, 'ecosystem' | 'command'>> = {}): CommandUse => ({
  kind: 'install',
  install: {
    ecosystem,
    command,
    problem: null,
    files: [],
    writes: [],
    reads: [],
    ignoreScripts: false,
    wrapper: null,
    noAutoloader: false,
    optimizedAutoloader: false,
    noDev: false,
    writesConfig: false,
    installsProject: false,
    ...fields,
  },
});

const needs = (reason: string): CommandUse => ({ kind: 'needs-source', reason });
const located = (reason: string) => ({ problem: { code: 'install-location' as const, reason } });
const sourced = (reason: string) => ({ problem: { code: 'install-needs-source' as const, reason } });

/** A Node package spec that names a local folder or tarball (not `@scope/name` or a `user/repo` on GitHub). */
function isLocalNodeSpec(word: ShellWord): boolean {
  const v = word.value;
  if (v === null) return true;
  return /^(?:\.{1,2}(?:\/|$)|\/|~\/|file:|link:)/.test(v) || /\.(?:tgz|tar\.gz)$/.test(v);
}

/** A word that names a local file or folder rather than a package. */
function isPathLike(word: ShellWord): boolean {
  const v = word.value;
  if (v === null) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !v.startsWith('file:')) return false;
  return v === '.' || v.startsWith('./') || v.startsWith('../') || v.startsWith('/') || v.startsWith('file:') || v.includes('/') || /\.(whl|tar\.gz|tgz|zip|deb|rpm|apk)$/.test(v);
}

/** What `cmd` does with the project in its working folder. */
export function commandUse(cmd: SimpleCommand): CommandUse {
  if (cmd.name === null && cmd.words.length === 0) return FREE; // a bare assignment
  if (cmd.redirects.some((r) => r.op.includes('>') && r.target?.value !== '/dev/null' && !/&$/.test(r.op))) {
    return needs(`\`${describe(cmd)}\` writes to a file`);
  }
  if (cmd.redirects.some((r) => /^\d*<$/.test(r.op))) return needs(`\`${describe(cmd)}\` reads a file`);
  const recognised = recognise(cmd);
  if (recognised?.kind === 'package') return packageUse(recognised);
  if (recognised?.kind === 'remove-files') {
    return recognised.paths.every((p) => p.cache !== null) ? FREE : needs(`\`${describe(cmd)}\` removes files that may be sources`);
  }
  const name = cmd.name === null ? null : basename(cmd.name);
  if (name === null) return needs('a command whose name is not a literal');
  const args = cmd.args;
  if (HARMLESS.has(name)) return FREE;
  switch (name) {
    case 'cd':
    case 'pushd':
    case 'popd':
      return { kind: 'changes-folder' };
    case 'mkdir': {
      // It only makes folders: one the sources also hold is merged with them, before or after.
      const folders = mkdirOperands(cmd).map((w) => w.value);
      return folders.every((f) => f !== null) ? { kind: 'writes', paths: folders } : needs(`\`${describe(cmd)}\` makes a folder only known at build time, which may be among the sources`);
    }
    case 'go':
      return goUse(cmd);
    case 'mvn':
    case 'mvnw':
      return mavenUse(cmd, name === 'mvnw' ? cmd.name! : null);
    case 'bundle':
      return bundlerUse(cmd);
    case 'pipenv':
      return pipenvUse(cmd);
    case 'poetry':
      return poetryUse(cmd);
    case 'uv':
      return uvUse(cmd);
    case 'composer':
    case 'composer.phar':
      return composerUse(cmd, cmd.words.slice(1));
    case 'php':
      return args[0] !== null && /(?:^|\/)composer(?:\.phar)?$/.test(args[0] ?? '') ? composerUse(cmd, cmd.words.slice(2)) : needs(`\`${describe(cmd)}\` runs PHP`);
    case 'cargo':
      return args[0] === 'fetch'
        ? install('cargo', cmd, sourced('cargo reads the package targets (src/main.rs, src/lib.rs) when it loads Cargo.toml, so `cargo fetch` fails without the sources'))
        : needs(`\`${describe(cmd)}\` builds the sources`);
    case 'corepack':
      return args[0] === 'enable' || args[0] === 'disable' || (args[0] === 'prepare' && args.length > 1) ? FREE : needs(`\`${describe(cmd)}\` reads package.json`);
    default:
      return needs(`\`${describe(cmd)}\` may read the sources`);
  }
}

function packageUse(pkg: PackageCommand): CommandUse {
  const cmd = pkg.command;
  const sub = pkg.subcommand.map((w) => w.value);
  if (SYSTEM_MANAGERS.has(pkg.manager)) {
    return pkg.operands.some(isPathLike) ? needs(`\`${describe(cmd)}\` installs a local file`) : FREE;
  }
  if (pkg.action === 'clean') return FREE;
  switch (pkg.manager) {
    case 'npm':
    case 'pnpm': {
      const global = pkg.hasFlag('-g', '--global');
      if (global) return pkg.operands.some(isLocalNodeSpec) ? needs(`\`${describe(cmd)}\` installs a local folder`) : FREE;
      if (sub[0] === 'config' || sub[0] === 'set') {
        const location = pkg.optionValue('--location');
        return location === 'project' ? { kind: 'writes', paths: ['.npmrc'] } : FREE;
      }
      const isInstall = pkg.action === 'install' && ['ci', 'clean-install', 'install', 'i', 'in'].includes(sub[0] ?? '');
      if (!isInstall) return needs(`\`${describe(cmd)}\` may read the sources`);
      if (pkg.operands.length > 0) return needs(`\`${describe(cmd)}\` adds packages to package.json`);
      const fields = { ignoreScripts: pkg.hasFlag('--ignore-scripts') };
      if (pkg.manager === 'npm') {
        const elsewhere = pkg.options.find((o) => ['--prefix', '-w', '--workspace', '-C'].includes(o.name));
        return install('npm', cmd, elsewhere === undefined ? fields : { ...fields, ...located(`\`${elsewhere.name}\` installs another folder's dependencies`) });
      }
      const elsewhere = pkg.options.find((o) => ['-C', '--dir', '--filter', '-F'].includes(o.name));
      return install('pnpm', cmd, elsewhere === undefined ? fields : { ...fields, ...located(`\`${elsewhere.name}\` installs another folder's dependencies`) });
    }
    case 'yarn': {
      if (sub[0] === 'global') return pkg.operands.slice(1).some(isLocalNodeSpec) ? needs(`\`${describe(cmd)}\` installs a local folder`) : FREE;
      if (sub[0] === 'config') return FREE;
      if (!(sub.length === 0 || sub[0] === 'install') || pkg.action !== 'install') return needs(`\`${describe(cmd)}\` may read the sources`);
      if (pkg.operands.length > 0) return needs(`\`${describe(cmd)}\` adds packages to package.json`);
      const elsewhere = pkg.options.find((o) => ['--cwd', '--modules-folder'].includes(o.name));
      const fields = { ignoreScripts: pkg.hasFlag('--ignore-scripts') };
      return install('yarn', cmd, elsewhere === undefined ? fields : { ...fields, ...located(`\`${elsewhere.name}\` installs into another folder`) });
    }
    case 'bun': {
      if (pkg.hasFlag('-g', '--global')) return pkg.operands.some(isLocalNodeSpec) ? needs(`\`${describe(cmd)}\` installs a local folder`) : FREE;
      if (pkg.action !== 'install') return needs(`\`${describe(cmd)}\` may read the sources`);
      if (pkg.operands.length > 0) return needs(`\`${describe(cmd)}\` adds packages to package.json`);
      const fields = { ignoreScripts: pkg.hasFlag('--ignore-scripts') };
      const elsewhere = pkg.options.find((o) => ['--cwd', '--filter', '-F'].includes(o.name));
      if (elsewhere !== undefined) return install('bun', cmd, { ...fields, ...located(`\`${elsewhere.name}\` installs another folder's dependencies`) });
      // `-c FILE`: a bunfig.toml of its own, read like a manifest.
      const config = pkg.options.find((o) => o.name === '-c' || o.name === '--config');
      if (config?.value === null) return install('bun', cmd, { ...fields, ...located(`\`${config.name}\` is only known at build time`) });
      return install('bun', cmd, { ...fields, files: config === undefined || config.value!.startsWith('/') ? [] : [config.value!] });
    }
    case 'pip':
      return pipUse(pkg);
    case 'gem':
      return pkg.options.some((o) => o.name === '-g' || o.name === '--file') || pkg.operands.some(isPathLike) ? needs(`\`${describe(cmd)}\` installs from project files`) : FREE;
  }
  return needs(`\`${describe(cmd)}\` may read the sources`);
}

function pipUse(pkg: PackageCommand): CommandUse {
  const cmd = pkg.command;
  if (pkg.action !== 'install') return pkg.action === 'remove' ? FREE : needs(`\`${describe(cmd)}\` may read the sources`);
  return requirementsInstall('pip', cmd, pkg.options, pkg.options.filter((o) => PIP_FILES.has(o.name)), pkg.operands);
}

/** The options of \`pip install\` that name a requirements or constraints file. */
const PIP_FILES = new Set(['-r', '--requirement', '-c', '--constraint']);
/** uv's, which also reads overrides and build constraints, and may name a project's metadata (\`-r pyproject.toml\`). */
const UV_PIP_FILES = new Set([...PIP_FILES, '--requirements', '--constraints', '--override', '--overrides', '-b', '--build-constraint', '--build-constraints']);

/**
 * \`uv pip install -r requirements.txt\`, \`uv pip sync requirements.txt\`: read as pip's install is, the
 * requirements files being sync's operands. uv also reads its settings from uv.toml and pyproject.toml
 * in the folder (uvPipManifests).
 */
function uvPipUse(cmd: SimpleCommand, pip: UvPipArgs): CommandUse {
  const named = pip.options.filter((o) => UV_PIP_FILES.has(o.name));
  const files: readonly CommandOption[] = pip.sync ? [...named, ...pip.operands.map((w) => ({ name: '', value: w.value, word: w, valueWord: null }))] : named;
  // uv takes a project's own metadata as requirements, which a dynamic list of dependencies builds from the sources.
  const metadata = files.find((f) => f.value !== null && /(?:^|\/)(?:pyproject\.toml|setup\.py|setup\.cfg)$/.test(f.value));
  if (metadata !== undefined) return install('uv-pip', cmd, sourced(`\`${describe(cmd)}\` takes the project's dependencies from ${metadata.value}, and uv builds a project that declares them dynamic from its sources to read them`));
  return requirementsInstall('uv-pip', cmd, pip.options, files, pip.sync ? [] : pip.operands);
}

/** An install of requirements files (pip's \`-r\`): the files it reads, or why it needs the sources or runs elsewhere. */
function requirementsInstall(
  ecosystem: 'pip' | 'uv-pip',
  cmd: SimpleCommand,
  options: readonly CommandOption[],
  files: readonly CommandOption[],
  packages: readonly ShellWord[],
): CommandUse {
  const editable = options.find((o) => o.name === '-e' || o.name === '--editable');
  const local = packages.find(isPathLike);
  if (files.length === 0) {
    // Named packages only: nothing of the project is read.
    return editable === undefined && local === undefined ? FREE : needs(`\`${describe(cmd)}\` installs the project's own code`);
  }
  if (editable !== undefined && !/^[a-z+]+:\/\//i.test(editable.value ?? '')) return install(ecosystem, cmd, sourced(`\`${editable.word.raw} ${editable.value ?? ''}\` installs the project itself`));
  if (local !== undefined) return install(ecosystem, cmd, sourced(`\`${local.raw}\` installs the project itself`));
  // `--find-links ./wheels` on the command line: packages from the project's own files. An absolute
  // folder (`/wheels`, copied from a build stage) is the sources' only when the source COPY puts it there.
  const links = options.filter((o) => (o.name === '-f' || o.name === '--find-links') && !/^[a-z][a-z0-9+.-]*:\/\//i.test(o.value ?? ''));
  const relative = links.find((o) => o.value === null || !o.value.startsWith('/'));
  if (relative !== undefined) return install(ecosystem, cmd, sourced(`\`${relative.word.raw}${relative.valueWord === null || relative.word === relative.valueWord ? '' : ` ${relative.valueWord.raw}`}\` takes packages from a folder of the sources`));
  const reads = links.map((o) => o.value!);
  const unknown = files.find((o) => o.value === null);
  if (unknown !== undefined) return install(ecosystem, cmd, located(`the requirements file \`${unknown.valueWord?.raw ?? unknown.word.raw}\` is only known at build time`));
  const remote = (v: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(v);
  const writes: string[] = [];
  for (const o of options) {
    if (!['-t', '--target', '--prefix', '--root', '--src'].includes(o.name)) continue;
    if (o.value === null) return install(ecosystem, cmd, located(`\`${o.name}\` is only known at build time`));
    if (!o.value.startsWith('/')) writes.push(o.value);
  }
  return install(ecosystem, cmd, { files: files.map((o) => o.value!).filter((v) => !remote(v)), writes, reads });
}

const GO_FLAGS = grammar(['-modfile', '-C'], false);

function goUse(cmd: SimpleCommand): CommandUse {
  const [sub, action] = cmd.args;
  if (sub === 'env' && cmd.args.includes('-w')) return FREE;
  if (sub === 'version') return FREE;
  // `go install tool@version` builds a module of its own, outside the project.
  const targets = cmd.args.slice(1).filter((a) => a === null || !a.startsWith('-'));
  if (sub === 'install' && targets.length > 0 && targets.every((a) => a !== null && a.includes('@'))) return FREE;
  if (sub !== 'mod' || action !== 'download') return needs(`\`${describe(cmd)}\` reads the Go sources`);
  const { options } = splitArgs(cmd.words.slice(3), GO_FLAGS);
  const elsewhere = options.find((o) => o.name === '-modfile' || o.name === '-C');
  return install('go', cmd, elsewhere === undefined ? {} : located(`\`${elsewhere.name}\` reads another go.mod`));
}

const MAVEN_FLAGS = grammar(['-f', '--file', '-s', '--settings', '-gs', '--global-settings', '-pl', '--projects', '-P', '--activate-profiles', '-T', '--threads', '-l', '--log-file', '-t', '--toolchains', '-rf', '--resume-from', '-D', '--define'], false);
/** Goals that resolve dependencies without compiling anything. */
const MAVEN_RESOLVE = /^(?:dependency:(?:go-offline|resolve|resolve-plugins|resolve-sources)|(?:[\w.-]+:)?go-offline(?:-maven-plugin)?:resolve-dependencies)$/;

function mavenUse(cmd: SimpleCommand, wrapper: string | null): CommandUse {
  const { options, positionals } = splitArgs(cmd.words.slice(1), MAVEN_FLAGS);
  const goals = positionals.map((w) => w.value);
  if (goals.length === 0 || !goals.every((g) => g !== null && MAVEN_RESOLVE.test(g))) return needs(`\`${describe(cmd)}\` builds the sources`);
  const fields: Partial<DependencyInstall> = { wrapper };
  const file = options.find((o) => o.name === '-f' || o.name === '--file');
  if (file !== undefined) return install('maven', cmd, { ...fields, ...located(`\`${file.name}\` reads another pom.xml`) });
  const files: string[] = [];
  const writes: string[] = [];
  for (const o of options) {
    if (['-s', '--settings', '-gs', '--global-settings', '-t', '--toolchains'].includes(o.name)) {
      if (o.value === null) return install('maven', cmd, { ...fields, ...located(`\`${o.name}\` is only known at build time`) });
      if (!o.value.startsWith('/')) files.push(o.value);
    }
    const define = o.name === '-D' || o.name === '--define' ? o.value : o.name.startsWith('-D') ? o.name.slice(2) : null;
    const repo = define === null ? undefined : /^maven\.repo\.local=(.*)$/.exec(define)?.[1];
    if (repo !== undefined && !repo.startsWith('/')) writes.push(repo);
  }
  return install('maven', cmd, { ...fields, files, writes });
}

/**
 * The `bundle install` flags that take a value; `--binstubs` and `--standalone` take one only when a word that is not
 * an option follows, and `--without` and `--with` take the groups that follow (`--without development test`).
 */
export const BUNDLER_FLAGS = grammar(
  ['--gemfile', '--path', '--jobs', '-j', '--retry', '--shebang', '--trust-policy', '--target-rbconfig'],
  false,
  ['--binstubs', '--standalone'],
  ['--without', '--with'],
);

/** `bundle install` flags that Bundler also remembers in .bundle/config (its deprecated way of setting config). */
const REMEMBERED_FLAGS: ReadonlySet<string> = new Set(['--path', '--deployment', '--without', '--with', '--frozen', '--system', '--binstubs', '--no-cache', '--clean']);

function bundlerUse(cmd: SimpleCommand): CommandUse {
  const sub = cmd.args[0];
  if (sub === 'config') return cmd.args.includes('--global') ? FREE : { kind: 'writes', paths: ['.bundle'] };
  if (sub === 'version' || sub === '--version') return FREE;
  if (sub !== 'install') return needs(`\`${describe(cmd)}\` may read the sources`);
  const { options, positionals } = splitArgs(cmd.words.slice(2), BUNDLER_FLAGS);
  if (positionals.length > 0) return needs(`\`${describe(cmd)}\` is not a plain bundle install`);
  const gemfile = options.find((o) => o.name === '--gemfile');
  if (gemfile !== undefined) return install('bundler', cmd, located('`--gemfile` reads another Gemfile'));
  const writes: string[] = [];
  const path = options.find((o) => o.name === '--path')?.value;
  if (path === null) return install('bundler', cmd, located('`--path` is only known at build time'));
  if (path !== undefined && !path.startsWith('/')) writes.push(path);
  if (options.some((o) => o.name === '--deployment')) writes.push('vendor/bundle');
  return install('bundler', cmd, {
    writes,
    writesConfig: options.some((o) => REMEMBERED_FLAGS.has(o.name)),
    noDev: options.some((o) => o.name === '--without'),
  });
}

function pipenvUse(cmd: SimpleCommand): CommandUse {
  const args = readPythonTool('pipenv', cmd.words.slice(1));
  const sub = args.subcommand?.value;
  if (args.subcommand === null) return args.has('--version') ? FREE : needs(`\`${describe(cmd)}\` may read the sources`);
  // `pipenv install flask` adds to the Pipfile; `-r requirements.txt` imports one into it.
  if ((sub !== 'install' && sub !== 'sync') || args.operands.length > 0 || args.has('-r', '--requirements')) return needs(`\`${describe(cmd)}\` may read the sources`);
  return install('pipenv', cmd, { noDev: !args.has('--dev', '-d') });
}

function poetryUse(cmd: SimpleCommand): CommandUse {
  const args = readPythonTool('poetry', cmd.words.slice(1));
  const sub = args.subcommand?.value;
  if (args.subcommand === null) return args.has('--version', '-V') ? FREE : needs(`\`${describe(cmd)}\` may read the sources`);
  // Settings go to Poetry's own folder, or to the project's poetry.toml with --local.
  if (sub === 'config') return args.has('--local') ? { kind: 'writes', paths: ['poetry.toml'] } : FREE;
  // `poetry self add …` changes Poetry's own environment.
  if (sub === 'self') return FREE;
  if ((sub !== 'install' && sub !== 'sync') || args.operands.length > 0) return needs(`\`${describe(cmd)}\` may read the sources`);
  const elsewhere = args.options.find((o) => ['-C', '--directory', '-P', '--project'].includes(o.name));
  if (elsewhere !== undefined) return install('poetry', cmd, located(`\`${elsewhere.name}\` installs another folder's project`));
  if (args.has('--only-root')) return install('poetry', cmd, sourced('`--only-root` installs the project itself, from its sources'));
  return install('poetry', cmd, { installsProject: !args.has('--no-root'), noDev: args.has('--without', '--only') });
}

function uvUse(cmd: SimpleCommand): CommandUse {
  const args = readPythonTool('uv', cmd.words.slice(1));
  const sub = args.subcommand?.value;
  if (sub === 'version' || (args.subcommand === null && args.has('--version', '-V'))) return FREE;
  const pip = readUvPip(cmd.words.slice(1));
  if (pip !== null) return uvPipUse(cmd, pip);
  if (sub !== 'sync' || args.operands.length > 0) return needs(`\`${describe(cmd)}\` may read the sources`);
  const elsewhere = args.options.find((o) => ['--directory', '--project', '--package'].includes(o.name));
  if (elsewhere !== undefined) return install('uv', cmd, located(`\`${elsewhere.name}\` installs another folder's project`));
  const links = args.options.find((o) => (o.name === '--find-links' || o.name === '-f') && !/^[a-z][a-z0-9+.-]*:\/\//i.test(o.value ?? '') && !(o.value ?? '').startsWith('/'));
  if (links !== undefined) return install('uv', cmd, sourced(`\`${links.name} ${links.value ?? ''}\` takes packages from a folder of the sources`));
  const config = args.options.find((o) => o.name === '--config-file');
  if (config?.value === null) return install('uv', cmd, located('`--config-file` is only known at build time'));
  return install('uv', cmd, {
    installsProject: !args.has('--no-install-project', '--no-install-workspace'),
    files: config === undefined || config.value!.startsWith('/') ? [] : [config.value!],
    noDev: args.has('--no-dev'),
  });
}

/** The options of `composer install` that take a value, and the global `--working-dir`. */
const COMPOSER_FLAGS = grammar(['-d', '--working-dir', '--ignore-platform-req', '--prefer-install', '--apcu-autoloader-prefix', '--audit-format'], false);

function composerUse(cmd: SimpleCommand, rest: readonly ShellWord[]): CommandUse {
  const { options, positionals } = splitArgs(rest, COMPOSER_FLAGS);
  const sub = positionals[0]?.value;
  if (sub === 'config' && options.some((o) => o.name === '-g' || o.name === '--global')) return FREE;
  if (sub === 'self-update' || sub === 'selfupdate' || sub === '--version') return FREE;
  if (sub !== 'install' && sub !== 'i') return needs(`\`${describe(cmd)}\` may read the sources`);
  if (positionals.length > 1) return needs(`\`${describe(cmd)}\` is not a plain composer install`);
  const has = (...names: string[]) => options.some((o) => names.includes(o.name));
  const elsewhere = options.find((o) => o.name === '-d' || o.name === '--working-dir');
  return install('composer', cmd, {
    ignoreScripts: has('--no-scripts'),
    noAutoloader: has('--no-autoloader'),
    optimizedAutoloader: has('-o', '--optimize-autoloader', '-a', '--classmap-authoritative', '--apcu-autoloader'),
    noDev: has('--no-dev'),
    ...(elsewhere === undefined ? {} : located(`\`${elsewhere.name}\` installs another folder's dependencies`)),
  });
}

function describe(cmd: SimpleCommand): string {
  const text = cmd.words.map((w) => w.raw).join(' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
