/**
 * What language package installs bring in: the requirements `pip install` reads
 * (named, or from `-r` files in the build context; poetry, pipenv and uv in
 * pythonProjects.ts), the npm packages an npm, yarn or pnpm install brings (from
 * its lockfile, which may record which packages run an install script) and the
 * gems of a `bundle install`. A file that cannot be read is unknown.
 */
import * as posix from 'node:path/posix';
import { own } from '../own.js';
import type { ParsedDockerfile } from '../dockerfile/types.js';
import { variablesAt } from '../dockerfile/variables.js';
import type { BuildContext } from '../engine/context.js';
import { packageName, readPackageJson } from '../deps/packageJson.js';
import { invokedProgram, pythonModule, readPythonTool, recognise } from '../shell/index.js';
import type { CommandOption, PackageCommand } from '../shell/types.js';
import { commandPath, originOf, unreadOrigin, whyNoPath } from './paths.js';
import { pnpmBuilds } from './pnpmBuilds.js';
import { projectInstall, uvPipArgs } from './pythonProjects.js';
import type { StageCommand, Unknown } from './types.js';

export interface PipRequirement {
  readonly at: StageCommand;
  /** Normalised project name (`psycopg2`), or null for a VCS or local requirement. */
  readonly name: string | null;
  /** `==` pin, when there is one. */
  readonly pinned: string | null;
  /** Extras asked for (`psycopg[binary]` → `binary`), normalised. */
  readonly extras: readonly string[];
  /** The wheel files its lockfile lists (uv.lock), or null when what it installs from is not recorded. */
  readonly wheels: readonly string[] | null;
  /** As written: `psycopg2==2.9.9`, `git+https://…`. */
  readonly spec: string;
  /** Where it was read: the command, or a requirements file of the build context. */
  readonly from: string;
}

export interface NpmPackage {
  readonly at: StageCommand;
  readonly name: string;
  /**
   * `lockfile`: the lockfile says it runs an install script (package-lock.json `hasInstallScript`,
   * pnpm `requiresBuild`); `no-script`: it says it runs none (listed for its git source);
   * `named`: named on the command line; `unrecorded`: from a lockfile or package.json that does
   * not record install scripts (yarn.lock, pnpm-lock.yaml 9.0).
   */
  readonly evidence: 'lockfile' | 'no-script' | 'named' | 'unrecorded';
  readonly from: string;
  /** Why `from` does not record install scripts, when that is not the file's kind alone (`lockfileVersion 1`). */
  readonly unrecordedBecause?: string;
  /** The git repository it is fetched from (the package manager clones it with git), or null. */
  readonly git: string | null;
}

export interface Dependencies<T> {
  readonly items: readonly T[];
  readonly unknowns: readonly Unknown[];
}

/** The pip install command a stage command is, or null. */
export function pipInstall(c: StageCommand): PackageCommand | null {
  if (c.command === null) return null;
  const r = recognise(c.command);
  return r?.kind === 'package' && r.manager === 'pip' && r.action === 'install' ? r : null;
}

/**
 * Installers of Python packages besides pip's install, by subcommand: the project managers, pipx, and conda's
 * family. What they put in place is packages (PyPI's wheels, conda's builds), as pip's are.
 */
const PYTHON_INSTALLERS: Readonly<Record<string, readonly string[]>> = {
  poetry: ['install', 'sync', 'add'],
  uv: ['sync', 'add'],
  pipenv: ['install', 'sync'],
  pdm: ['install', 'sync', 'add'],
  pipx: ['install'],
  conda: ['install', 'create', 'update'],
  mamba: ['install', 'create', 'update'],
  micromamba: ['install', 'create', 'update'],
};

/**
 * Whether a stage command installs or fetches Python packages: `pip install` (and `pip wheel` or `pip download`,
 * which leave the wheels for the platform), `uv pip install`/`sync`, a project manager's install (`poetry
 * install`, `uv sync`, `pipenv install`, `pdm install`), pipx's or conda's. Such packages may hold native
 * extensions, built or downloaded for the stage's C library.
 */
export function pythonPackageInstall(c: StageCommand): boolean {
  if (pipInstall(c) !== null || uvPipArgs(c) !== null) return true;
  const r = c.command === null ? null : recognise(c.command);
  if (r?.kind === 'package' && r.manager === 'pip' && ['wheel', 'download'].includes(r.subcommand[0]?.value ?? '')) return true;
  const subs = own(PYTHON_INSTALLERS, c.name) ?? null;
  if (c.command === null || subs === null) return false;
  const program = invokedProgram(c.command);
  // Poetry's, uv's and pipenv's subcommand follows their global options (`uv --no-cache sync`).
  const sub = c.name === 'poetry' || c.name === 'uv' || c.name === 'pipenv' ? (program === null ? null : readPythonTool(c.name, program.args).subcommand?.value) : c.argv[1];
  return subs.includes(sub ?? '');
}

/** A requirement that names its project, as written and as parseRequirement reads it. */
type NamedRequirement = NonNullable<ReturnType<typeof parseRequirement>> & { readonly spec: string };

/** The options of pipx's and uv's tool installs that take a value (the next word when not written with `=`). */
const TOOL_VALUED = new Set(['--python', '-p', '--index-url', '-i', '--default-index', '--index', '--extra-index-url', '--pip-args', '--suffix', '--preinstall', '--backend', '--cache-dir']);
/** Their options that install something other than the packages named (uv's `--with` names more packages, read as such). */
const TOOL_OTHER_SOURCE = new Set(['--spec', '--editable', '-e', '--from', '--with-editable', '--with-requirements', '--find-links', '-f']);

/**
 * The packages a tool install names (`pipx install poetry==1.8.3`, `uv tool install ruff --with …`, either run as
 * Python's module past Python's own options: `python3 -Im pipx install …`, see pythonModule), each as pip reads a
 * requirement; why they are not known (a URL, a path, `--spec`, a variable); null for any other command.
 */
export function toolRequirements(c: Pick<StageCommand, 'name' | 'argv'>): NamedRequirement[] | string | null {
  const module = /^python[\d.]*$/.test(c.name) ? pythonModule(c.argv.slice(1)) : null;
  const name = module === null ? c.name : module.name;
  const args = module === null ? c.argv.slice(1) : c.argv.slice(1 + module.at);
  const at = name === 'pipx' ? 0 : name === 'uv' && args[0] === 'tool' ? 1 : -1;
  if (at === -1 || args[at] !== 'install') return null;
  const out: NamedRequirement[] = [];
  const words = args.slice(at + 1);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === null || w === undefined) return 'a package it installs depends on a variable';
    const option = w.split('=')[0]!;
    const value = w.includes('=') ? w.slice(option.length + 1) : (words[i + 1] ?? '');
    if (TOOL_OTHER_SOURCE.has(option)) return `it installs ${option} ${value ?? ''}, whose build needs dockshift does not read`.trimEnd();
    if (option === '--with' || option === '-w') {
      if (!w.includes('=')) i++;
      if (value === null) return 'a package it installs depends on a variable';
      const r = parseRequirement(value);
      if (r === null) return `it installs ${value}, a local project, archive or URL whose build needs dockshift does not read`;
      out.push({ ...r, spec: value });
      continue;
    }
    if (w.startsWith('-')) {
      if (TOOL_VALUED.has(w)) i++;
      continue;
    }
    const r = /^[a-z+]+:\/\/|^[./]/i.test(w) ? null : parseRequirement(w);
    if (r === null) return `it installs ${w}, a local project, archive or URL whose build needs dockshift does not read`;
    out.push({ ...r, spec: w });
  }
  return out;
}

/** setup.py commands that build the project (and install it, or what it requires). */
const SETUP_PY_BUILDS = new Set(['install', 'develop', 'build', 'build_ext', 'bdist_wheel', 'bdist_egg', 'bdist']);

/**
 * Why a command that installs Python packages in a way pipRequirements does not read leaves what the
 * stage needs unknown (`pdm install`, `poetry add`, `pipx install`, conda's, `python setup.py install`),
 * or null for any other command. Such packages may build from source, with what dockshift cannot tell.
 */
function unreadPythonInstall(c: StageCommand): string | null {
  if (/^python[\d.]*$/.test(c.name) && posix.basename(c.argv[1] ?? '') === 'setup.py' && c.argv.slice(2).some((a) => a !== null && SETUP_PY_BUILDS.has(a))) {
    return "it builds the project of setup.py, whose build needs dockshift does not read";
  }
  if (!pythonPackageInstall(c)) return null;
  return `it installs Python packages with ${c.name} ${c.argv[1] ?? ''}, which dockshift does not read: they may build from source`.replace(' ,', ',');
}

/** The npm/yarn/pnpm install command a stage command is, or null. */
export function nodeInstall(c: StageCommand): PackageCommand | null {
  if (c.command === null) return null;
  const r = recognise(c.command);
  return r?.kind === 'package' && (r.manager === 'npm' || r.manager === 'yarn' || r.manager === 'pnpm') && r.action === 'install' ? r : null;
}

/** A `bun install`, `bun i` or `bun add`: which packages' install scripts it runs is not recorded where dockshift reads. */
function bunInstall(c: StageCommand): boolean {
  const r = c.command === null ? null : recognise(c.command);
  return r?.kind === 'package' && r.manager === 'bun' && r.action === 'install';
}

const normalise = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, '-');

/** A requirement line's project name, extras and pin, or null for what is not a named requirement. */
export function parseRequirement(line: string): { name: string; pinned: string | null; extras: string[] } | null {
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?\s*(?:===?\s*([^\s,;#]+))?/.exec(line.trim());
  if (m === null || /^[a-z+]+:\/\//i.test(line.trim())) return null;
  const extras = (m[2] ?? '').split(',').map((e) => normalise(e.trim())).filter((e) => e !== '');
  return { name: normalise(m[1]!), pinned: m[3] ?? null, extras };
}

/** Requirements the stage's pip installs read. */
export function pipRequirements(file: ParsedDockerfile, commands: readonly StageCommand[], ctx: BuildContext | null): Dependencies<PipRequirement> {
  const items: PipRequirement[] = [];
  const unknowns: Unknown[] = [];
  for (const c of commands) {
    const project = projectInstall(file, c, ctx);
    if (project !== null) {
      unknowns.push(...project.unknowns);
      for (const p of project.packages) {
        const r = p.name === null ? null : parseRequirement(p.spec);
        items.push({ at: c, name: p.name, pinned: r?.pinned ?? null, extras: r?.extras ?? [], wheels: p.wheels, spec: p.spec, from: p.from });
      }
      continue;
    }
    const uv = uvPipArgs(c);
    const pip = uv ?? pipInstall(c);
    const tool = toolRequirements(c);
    if (tool !== null) {
      if (typeof tool === 'string') unknowns.push({ inst: c.inst, what: c.text, why: tool });
      else for (const r of tool) items.push({ at: c, ...r, wheels: null, spec: r.spec, from: c.text });
      continue;
    }
    if (pip === null) {
      const unread = unreadPythonInstall(c);
      if (unread !== null) unknowns.push({ inst: c.inst, what: c.text, why: unread });
      continue;
    }
    // `uv pip sync requirements.txt`: its operands are requirements files.
    if (uv?.sync === true) {
      for (const w of uv.operands) readRequirementsFile(file, c, w.value, ctx, items, unknowns, 0);
      continue;
    }
    for (const w of pip.operands) {
      // `flask==${VERSION}`: the name is literal even when the version is not.
      const literalName = w.value === null ? /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?(?:[=<>~!]=?|@)/.exec(w.raw.replace(/^["']/, ''))?.[1] : undefined;
      if (w.value === null && literalName === undefined) {
        unknowns.push({ inst: c.inst, what: c.text, why: `the requirement ${w.raw} depends on a variable` });
        continue;
      }
      const v = w.value ?? `${literalName}`;
      const archive = sourceArchive(v);
      if (archive !== null) unknowns.push({ inst: c.inst, what: c.text, why: `it installs ${archive}, a source archive pip builds, with what dockshift does not read` });
      else if (/^(?:git|hg|svn|bzr)\+/.test(v) || /^[a-z+]+:\/\//i.test(v)) items.push({ at: c, name: null, pinned: null, extras: [], wheels: null, spec: v, from: c.text });
      else if (v.startsWith('.') || v.startsWith('/') || v.endsWith('.whl') || v.endsWith('.tar.gz')) {
        unknowns.push({ inst: c.inst, what: c.text, why: `it installs ${v}, a local project or archive whose build needs dockshift does not read` });
      } else {
        const r = parseRequirement(v);
        if (r !== null) items.push({ at: c, ...r, wheels: null, spec: v, from: c.text });
      }
    }
    for (const o of pip.options) {
      const noBinary = noBinaryReason(o.name, o.value);
      if (noBinary !== null) unknowns.push({ inst: c.inst, what: c.text, why: noBinary });
      if (!['-r', '--requirement', '-c', '--constraint', '-e', '--editable'].includes(o.name)) continue;
      if (o.name === '-e' || o.name === '--editable') {
        unknowns.push({ inst: c.inst, what: c.text, why: `it installs ${o.value ?? 'a project'} in editable mode, whose build needs dockshift does not read` });
        continue;
      }
      if (o.name === '-c' || o.name === '--constraint') continue; // constraints install nothing
      readRequirementsFile(file, c, o.value, ctx, items, unknowns, 0);
    }
  }
  return { items, unknowns };
}

/**
 * The URL of a requirement pip downloads as an archive other than a wheel (`https://…/foo-1.0.tar.gz`,
 * `foo @ https://…zip`): pip builds it from source, whatever the package. Null for a wheel or a VCS URL.
 */
function sourceArchive(spec: string): string | null {
  const url = /^(?:[A-Za-z0-9][A-Za-z0-9._-]*(?:\[[^\]]*\])?\s*@\s*)?((?:https?|ftp|file):\/\/\S+)$/i.exec(spec.trim())?.[1];
  return url === undefined || /\.whl(?:[#?].*)?$/i.test(url) ? null : url;
}

/** `--no-binary :all:` or `--no-binary psycopg2-binary` makes pip build those packages from source, wheels or not. */
function noBinaryReason(name: string, value: string | null): string | null {
  if (name !== '--no-binary' || value === ':none:') return null;
  return `--no-binary ${value ?? '(a variable)'} makes pip build ${value === ':all:' ? 'every package' : value === null ? 'the packages it names' : value} from source, with what dockshift does not know`;
}

function readRequirementsFile(
  file: ParsedDockerfile,
  c: StageCommand,
  written: string | null,
  ctx: BuildContext | null,
  items: PipRequirement[],
  unknowns: Unknown[],
  depth: number,
  relativeTo: string | null = null,
): void {
  if (written === null) {
    unknowns.push({ inst: c.inst, what: c.text, why: 'its requirements file depends on a variable' });
    return;
  }
  let contextPath: string | null = null;
  let inline: string | null = null;
  if (relativeTo !== null) contextPath = posix.normalize(posix.join(posix.dirname(relativeTo), written));
  else {
    const path = commandPath(file, c, written);
    const origin = path === null ? null : originOf(file, c.inst, path, ctx);
    if (origin?.kind === 'context') contextPath = origin.path;
    // Written from a heredoc whose text is known (`COPY <<EOF requirements.txt`): read as written, named where it lands.
    else if (origin?.kind === 'inline' && origin.text !== null && path !== null) {
      contextPath = path;
      inline = origin.text;
    } else {
      const why = path === null ? whyNoPath(c, 'its path is not known') : origin === null ? 'no COPY of this Dockerfile puts it there' : origin.kind === 'stage' ? `it comes from ${origin.image}` : origin.kind === 'download' ? `it is downloaded from ${origin.url}` : unreadOrigin(origin);
      unknowns.push({ inst: c.inst, what: `-r ${written}`, why });
      return;
    }
  }
  const text = inline ?? ctx?.read(contextPath) ?? null;
  if (text === null || depth > 3) {
    unknowns.push({ inst: c.inst, what: `-r ${written}`, why: `${contextPath} is not in the build context dockshift can read` });
    return;
  }
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(?:^|\s)#.*$/, '').trim();
    if (line === '') continue;
    const nested = /^(?:-r|--requirement)[\s=]+(\S+)/.exec(line);
    if (nested !== null) {
      // One a heredoc names is a path in the image, not in the build context.
      if (inline !== null) unknowns.push({ inst: c.inst, what: `${contextPath}: ${line}`, why: 'a requirements file a heredoc names, which dockshift does not follow' });
      else readRequirementsFile(file, c, nested[1]!, ctx, items, unknowns, depth + 1, contextPath);
      continue;
    }
    if (line.startsWith('-e ') || line.startsWith('--editable')) {
      unknowns.push({ inst: c.inst, what: `${contextPath}: ${line}`, why: 'an editable project, whose build needs dockshift does not read' });
      continue;
    }
    const option = /^(--no-binary)[\s=]+(\S+)/.exec(line);
    const noBinary = option === null ? null : noBinaryReason(option[1]!, option[2]!);
    if (noBinary !== null) unknowns.push({ inst: c.inst, what: `${contextPath}: ${line}`, why: noBinary });
    if (line.startsWith('-')) continue; // options: index URLs, hashes, constraints
    const archive = sourceArchive(line);
    if (archive !== null) unknowns.push({ inst: c.inst, what: `${contextPath}: ${line}`, why: 'a source archive pip builds, with what dockshift does not read' });
    else if (/^(?:git|hg|svn|bzr)\+/.test(line) || /^[a-z+]+:\/\//i.test(line)) items.push({ at: c, name: null, pinned: null, extras: [], wheels: null, spec: line, from: contextPath });
    else if (line.startsWith('.') || line.startsWith('/')) unknowns.push({ inst: c.inst, what: `${contextPath}: ${line}`, why: 'a local project, whose build needs dockshift does not read' });
    else {
      const r = parseRequirement(line);
      if (r !== null) items.push({ at: c, ...r, wheels: null, spec: line, from: contextPath });
    }
  }
}

/** npm packages the stage's npm/yarn/pnpm installs bring in that matter for native code. */
export function npmPackages(file: ParsedDockerfile, commands: readonly StageCommand[], ctx: BuildContext | null): Dependencies<NpmPackage> {
  const items: NpmPackage[] = [];
  const unknowns: Unknown[] = [];
  for (const c of commands) {
    if (bunInstall(c)) {
      unknowns.push({ inst: c.inst, what: c.text, why: 'Bun runs the install scripts of the packages it trusts (its own default list, and trustedDependencies), which dockshift does not read' });
      continue;
    }
    const install = nodeInstall(c);
    if (install === null) continue;
    const named = install.operands;
    if (named.length > 0) {
      for (const w of named) {
        const raw = w.value ?? (/^(@?[a-z0-9][\w.-]*(?:\/[\w.-]+)?)@\S/i.exec(w.raw.replace(/^["']/, ''))?.[1] ?? null);
        if (raw === null) unknowns.push({ inst: c.inst, what: c.text, why: `the package ${w.raw} depends on a variable` });
        else {
          const name = packageName(raw);
          items.push({ at: c, name, evidence: 'named', from: c.text, git: gitSpec(name === raw ? raw : raw.slice(name.length + 1)) });
        }
      }
      continue;
    }
    // A project install: its manifest is in the working directory (or --prefix / --cwd / -C).
    const dir = install.optionValue('--prefix', '--cwd', '-C', '--dir') ?? '.';
    const manifest = dir === null ? null : commandPath(file, c, posix.join(dir, 'package.json'));
    const origin = manifest === null ? null : originOf(file, c.inst, manifest, ctx);
    if (origin?.kind !== 'context') {
      const why = manifest === null ? whyNoPath(c, 'the project folder is not known') : origin === null ? 'no COPY of this Dockerfile puts package.json there' : origin.kind === 'stage' ? `package.json comes from ${origin.image}` : origin.kind === 'download' ? `package.json is downloaded from ${origin.url}` : unreadOrigin(origin);
      unknowns.push({ inst: c.inst, what: c.text, why });
      continue;
    }
    const root = posix.dirname(origin.path);
    const ignoreScripts = install.hasFlag('--ignore-scripts');
    const production = omitsDevDependencies(install, nodeEnv(file, c));
    // A lockfile counts only when a COPY put it beside package.json: otherwise the install resolves afresh.
    const copied = (name: string): boolean => {
      const at = manifest === null ? null : originOf(file, c.inst, posix.join(posix.dirname(manifest), name), ctx);
      return at?.kind === 'context' && at.path === posix.join(root, name);
    };
    const lock = projectLockfile(root, install.manager, ctx, copied);
    const pkg = ctx?.read(origin.path) ?? null;
    if (lock !== null) {
      // pnpm 10 builds only what the project allows (onlyBuiltDependencies, allowBuilds), which a 9.0 lockfile need not record.
      const builds = install.manager === 'pnpm' && lock.entries.some((e) => e.script === null) ? pnpmBuilds(file, c, manifest!, pkg, ctx) : null;
      const because =
        builds === null ? lock.unrecordedBecause : 'unknown' in builds ? `pnpm 10 builds only what the project allows, but ${builds.unknown}` : 'the project lets pnpm 10 build these';
      for (const e of lock.entries) {
        if (production && e.dev) continue;
        const script = e.script ?? (builds !== null && 'only' in builds && !builds.only.has(e.name) ? false : null);
        // With --ignore-scripts no install script runs: only how a package is fetched matters.
        const evidence = ignoreScripts ? 'no-script' : script === null ? 'unrecorded' : script ? 'lockfile' : 'no-script';
        if (evidence !== 'no-script' || e.git !== null) items.push({ at: c, name: e.name, evidence, from: lock.path, git: e.git, ...(because === undefined ? {} : { unrecordedBecause: because }) });
      }
      continue;
    }
    const deps = pkg === null ? null : manifestSpecs(pkg, production);
    if (deps === null) {
      unknowns.push({ inst: c.inst, what: c.text, why: `${origin.path} is not in the build context dockshift can read` });
      continue;
    }
    // Without a lockfile the whole tree is resolved at build time: package.json names only the top of it.
    for (const [name, spec] of deps) {
      const evidence = ignoreScripts ? 'no-script' : 'unrecorded';
      const git = gitSpec(spec);
      if (evidence !== 'no-script' || git !== null) items.push({ at: c, name, evidence, from: origin.path, git });
    }
  }
  return { items, unknowns };
}

/**
 * Whether a project install leaves devDependencies out: `npm ci --omit=dev` (`--omit dev`,
 * `--only=production`, `--production`), `pnpm install --prod` (`-P`, `--production`), `yarn install
 * --production`, or NODE_ENV=production for npm and pnpm. `--include=dev`, `--production=false` and
 * pnpm's `--dev` put them back, whatever else is given (npm's --include wins over --omit). Read from
 * the options the shell layer splits, so a valued option's value may be the next word. Yarn's
 * NODE_ENV is not read: yarn 2 and later install devDependencies whatever it says. npm's `-P` is
 * `--save-prod`, not a production install.
 */
export function omitsDevDependencies(install: Pick<PackageCommand, 'manager' | 'options'>, env: string | null | undefined): boolean {
  const { manager, options } = install;
  const is = (o: CommandOption, name: string, ...values: (string | null)[]) => o.name === name && values.includes(o.value);
  const keepsDev = options.some((o) => is(o, '--include', 'dev') || is(o, '--production', 'false') || is(o, '--prod', 'false') || (manager === 'pnpm' && (o.name === '--dev' || o.name === '-D')));
  if (keepsDev) return false;
  const production = (o: CommandOption): boolean => {
    if (manager === 'yarn') return is(o, '--production', null, 'true');
    if (is(o, '--production', null, 'true') || is(o, '--prod', null, 'true')) return true;
    if (manager === 'pnpm') return o.name === '-P';
    return is(o, '--omit', 'dev') || is(o, '--only', 'prod', 'production');
  };
  if (options.some(production)) return true;
  return manager !== 'yarn' && env === 'production';
}

/** NODE_ENV for a command: set on it, exported before it in the RUN, or by ENV/ARG. */
export function nodeEnv(file: ParsedDockerfile, c: Pick<StageCommand, 'inst' | 'command' | 'script'>): string | null | undefined {
  const own = c.command?.assigns.find((a) => a.name === 'NODE_ENV');
  if (own !== undefined) return own.value;
  const exported = c.script?.commands.filter((o) => o.start < (c.command?.start ?? 0) && o.declaration).flatMap((o) => o.assigns.filter((a) => a.name === 'NODE_ENV')).at(-1);
  if (exported !== undefined) return exported.value;
  return variablesAt(file, c.inst).get('NODE_ENV')?.value;
}

/**
 * The git URL a dependency spec or a lockfile's `resolved` fetches with git, or null:
 * `git+ssh://…`, `git://…`, `github:user/repo`, `user/repo` (GitHub), `git@host:…`.
 * A tarball URL (`https://codeload.github.com/…`) is downloaded, not cloned.
 */
export function gitSpec(spec: string): string | null {
  const v = spec.trim();
  if (/^(?:git\+[a-z]+:|git:|git@|github:|gitlab:|bitbucket:|gist:)/i.test(v)) return v;
  if (/^[a-z][a-z0-9+.-]*:\/\/\S+\.git(?:#|$)/i.test(v)) return v;
  // npm reads `user/repo` (and `user/repo#ref`) as a GitHub repository.
  if (/^[\w.-]+\/[\w.-]+(?:#\S*)?$/.test(v) && !v.startsWith('.')) return v;
  return null;
}

export interface LockEntry {
  readonly name: string;
  /** Whether it runs an install script: null when the lockfile does not record it. */
  readonly script: boolean | null;
  readonly git: string | null;
  /** Marked as only a devDependency's (`dev: true`): left out by a production install. */
  readonly dev: boolean;
}

/** The lockfile the package manager installs from in the context folder `root`, read; null when there is none it can read. */
function projectLockfile(root: string, manager: string, ctx: BuildContext | null, copied: (name: string) => boolean): { path: string; entries: LockEntry[]; unrecordedBecause?: string } | null {
  const names = manager === 'yarn' ? ['yarn.lock'] : manager === 'pnpm' ? ['pnpm-lock.yaml'] : ['npm-shrinkwrap.json', 'package-lock.json'];
  for (const name of names) {
    const path = posix.join(root, name);
    if (!copied(name)) continue;
    const text = ctx?.read(path) ?? null;
    if (text === null) continue;
    const entries = name === 'yarn.lock' ? yarnLockEntries(text) : name === 'pnpm-lock.yaml' ? pnpmLockEntries(text) : packageLockEntries(text);
    if (entries !== null) return { path, entries };
    const v1 = name === 'yarn.lock' || name === 'pnpm-lock.yaml' ? null : packageLockV1Entries(text);
    if (v1 !== null) return { path, entries: v1, unrecordedBecause: 'lockfileVersion 1, written by npm 6 and older' };
  }
  return null;
}

/** The installed packages of a package-lock.json (v2/v3), which records install scripts; null when it is not such a lockfile. */
export function packageLockEntries(text: string): LockEntry[] | null {
  try {
    const lock = JSON.parse(text) as { packages?: Record<string, { hasInstallScript?: boolean; os?: string[]; resolved?: string; link?: boolean; dev?: boolean }> };
    if (lock.packages === undefined || lock.packages === null || typeof lock.packages !== 'object') return null;
    const out: LockEntry[] = [];
    for (const [key, entry] of Object.entries(lock.packages)) {
      // The root's own scripts are read from package.json; a workspace link is the project's own folder.
      if (key === '' || entry === null || typeof entry !== 'object' || entry.link === true) continue;
      // An optional package for another OS (fsevents on macOS) is not installed on Linux.
      if (Array.isArray(entry.os) && !entry.os.includes('linux')) continue;
      const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
      out.push({ name, script: entry.hasInstallScript === true, git: typeof entry.resolved === 'string' ? gitSpec(entry.resolved) : null, dev: entry.dev === true });
    }
    return out;
  } catch {
    return null;
  }
}

/**
 * The packages of a lockfileVersion 1 package-lock.json (npm 6 and older): its nested
 * `dependencies`. It does not record install scripts; a git dependency's `version` is its URL.
 */
function packageLockV1Entries(text: string): LockEntry[] | null {
  type V1 = { version?: unknown; resolved?: unknown; dev?: unknown; dependencies?: unknown };
  try {
    const lock = JSON.parse(text) as { lockfileVersion?: unknown; dependencies?: unknown };
    if (lock.lockfileVersion !== 1 || lock.dependencies === null || typeof lock.dependencies !== 'object') return null;
    const out: LockEntry[] = [];
    const visit = (deps: Record<string, V1>): void => {
      for (const [name, entry] of Object.entries(deps)) {
        if (entry === null || typeof entry !== 'object') continue;
        const url = typeof entry.resolved === 'string' ? entry.resolved : typeof entry.version === 'string' ? entry.version : '';
        out.push({ name, script: null, git: gitSpec(url), dev: entry.dev === true });
        if (entry.dependencies !== null && typeof entry.dependencies === 'object') visit(entry.dependencies as Record<string, V1>);
      }
    };
    visit(lock.dependencies as Record<string, V1>);
    return out;
  } catch {
    return null;
  }
}

/**
 * The packages of a yarn.lock (v1 or Berry), which does not record install scripts; null
 * when the text has no entries. Names come from the entry headers (`"@a/b@^1", "@a/b@^1.1":`).
 */
export function yarnLockEntries(text: string): LockEntry[] | null {
  const out = new Map<string, LockEntry>();
  let current: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = null;
      if (!line.endsWith(':')) continue;
      const first = line.slice(0, -1).split(/,\s*/)[0]!.replace(/^"|"$/g, '');
      // Berry lists the project's own workspaces (`app@workspace:.`): their scripts are package.json's.
      if (first === '__metadata' || first.includes('@workspace:')) continue;
      const at = first.indexOf('@', 1);
      current = at === -1 ? first : first.slice(0, at);
      if (!out.has(current)) out.set(current, { name: current, script: null, git: null, dev: false });
      continue;
    }
    const resolved = /^\s+(?:resolved|resolution):?\s+"?([^"\s]+)"?/.exec(line);
    if (current !== null && resolved !== null) {
      const git = gitSpec(resolved[1]!.replace(/^(@?[^@]+)@(?=[a-z]+[:+])/, ''));
      if (git !== null) out.set(current, { name: current, script: null, git, dev: false });
    }
  }
  return out.size === 0 && !/^__metadata:|# yarn lockfile v1/m.test(text) ? null : [...out.values()];
}

/**
 * The packages of a pnpm-lock.yaml. Before lockfile 9.0 pnpm marks packages with install
 * scripts `requiresBuild: true`; 9.0 dropped the field, so those lockfiles do not record it.
 */
export function pnpmLockEntries(text: string): LockEntry[] | null {
  const version = /^lockfileVersion:\s*['"]?(\d+(?:\.\d+)?)/m.exec(text);
  if (version === null) return null;
  const records = Number.parseFloat(version[1]!) < 9;
  const out: { name: string; script: boolean | null; git: string | null; dev: boolean; other: boolean }[] = [];
  let section: string | null = null;
  let entry: (typeof out)[number] | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (/^\S/.test(line)) {
      section = /^(\w+):/.exec(line)?.[1] ?? null;
      entry = null;
      continue;
    }
    if (section !== 'packages') continue;
    const key = /^ {2}(['"]?)(\S.*?)\1:\s*$/.exec(line);
    if (key !== null) {
      const id = key[2]!.replace(/^\//, '').replace(/\(.*$/, '');
      const at = id.lastIndexOf('@');
      // 5.x: `/name/1.0.0`, `/@scope/name/1.0.0`; 6.x: `/name@1.0.0`; 9.0: `name@1.0.0`.
      const name = at > 0 ? id.slice(0, at) : id.slice(0, id.lastIndexOf('/'));
      entry = { name, script: records ? false : null, git: null, dev: false, other: false };
      out.push(entry);
      continue;
    }
    if (entry === null) continue;
    if (/^\s+requiresBuild:\s*true\b/.test(line)) entry.script = true;
    // Before 9.0 a package only devDependencies need is marked `dev: true`.
    if (/^\s+dev:\s*true\b/.test(line)) entry.dev = true;
    const os = /^\s+os:\s*\[([^\]]*)\]/.exec(line);
    if (os !== null && !/\blinux\b/.test(os[1]!)) entry.other = true;
    const repo = /\brepo:\s*['"]?([^,'"}\s]+)/.exec(line);
    if (repo !== null && /\btype:\s*git\b/.test(line)) entry.git = repo[1]!;
  }
  return out.filter((e) => !e.other).map(({ name, script, git, dev }) => ({ name, script, git, dev }));
}

/** The dependency names and specs of package.json (dependencies, devDependencies unless `production`, optionalDependencies); null when it is not JSON. */
function manifestSpecs(text: string, production: boolean): [string, string][] | null {
  const pkg = readPackageJson(text);
  if (pkg === null) return null;
  const specs = new Map([...pkg.dependencies, ...(production ? [] : pkg.devDependencies), ...pkg.optionalDependencies]);
  return [...specs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export interface Gem {
  readonly at: StageCommand;
  readonly name: string;
  /** The locked version, or null when only the Gemfile names it. */
  readonly version: string | null;
  /** The git repository bundler clones it from, or null. */
  readonly git: string | null;
  /** Built from a folder of the project (Gemfile.lock's PATH section: a gemspec). */
  readonly local: boolean;
  /**
   * The platform of a gem the lockfile has prebuilt (`x86_64-linux`, `x86_64-linux-musl`, `arm64-darwin`);
   * null for the gem's source (the `ruby` platform), which bundler compiles, and for a gem only the Gemfile names.
   */
  readonly platform: string | null;
  readonly from: string;
}

/**
 * The gems a `bundle install` installs: Gemfile.lock's (every gem, with its version), or
 * without one the gems the Gemfile names. A Gemfile that cannot be read is unknown.
 */
export function bundleGems(file: ParsedDockerfile, commands: readonly StageCommand[], ctx: BuildContext | null): Dependencies<Gem> {
  const items: Gem[] = [];
  const unknowns: Unknown[] = [];
  for (const c of commands) {
    const [, sub] = c.argv;
    if (c.name !== 'bundle' || c.runtime || (sub !== undefined && sub !== 'install')) continue;
    // Only --gemfile and BUNDLE_GEMFILE name another Gemfile; variables in other options (`--jobs $(nproc)`) do not.
    const named = /(?:^|\s)--gemfile(?:[=\s]|$)/.test(c.text) ? 'the --gemfile option' : gemfileVariable(file, c);
    if (named !== null) {
      unknowns.push({ inst: c.inst, what: c.text, why: `its Gemfile is named by ${named}` });
      continue;
    }
    const path = commandPath(file, c, 'Gemfile');
    const origin = path === null ? null : originOf(file, c.inst, path, ctx);
    const text = origin?.kind === 'context' ? (ctx?.read(origin.path) ?? null) : null;
    if (origin?.kind !== 'context' || text === null) {
      const why = path === null ? 'the project folder is not known' : origin === null ? 'no COPY of this Dockerfile puts a Gemfile there' : origin.kind === 'context' ? `${origin.path} is not in the build context dockshift can read` : origin.kind === 'stage' ? `the Gemfile comes from ${origin.image}` : origin.kind === 'download' ? `the Gemfile is downloaded from ${origin.url}` : unreadOrigin(origin);
      unknowns.push({ inst: c.inst, what: c.text, why });
      continue;
    }
    const lockPath = posix.join(posix.dirname(origin.path), 'Gemfile.lock');
    const lockOrigin = path === null ? null : originOf(file, c.inst, `${path}.lock`, ctx);
    const lock = lockOrigin?.kind === 'context' && lockOrigin.path === lockPath ? (ctx?.read(lockPath) ?? null) : null;
    const locked = lock === null ? null : lockedGems(lock);
    if (locked !== null && locked.length > 0) {
      for (const g of locked) items.push({ at: c, ...g, from: lockPath });
      continue;
    }
    for (const m of text.replace(/#.*$/gm, '').matchAll(/^\s*gem\s*\(?\s*["']([\w.-]+)["']([^\n]*)/gm)) {
      const git = /\b(?:git|github)(?::\s*|\s*=>\s*)["']([^"']+)["']/.exec(m[2]!)?.[1] ?? null;
      items.push({ at: c, name: m[1]!, version: null, git, local: /\bpath(?::|\s*=>)/.test(m[2]!), platform: null, from: origin.path });
    }
  }
  return { items, unknowns };
}

/** Where BUNDLE_GEMFILE is set for a command: on it (`BUNDLE_GEMFILE=x bundle`), exported before it, or by ENV/ARG. */
function gemfileVariable(file: ParsedDockerfile, c: StageCommand): string | null {
  const name = 'BUNDLE_GEMFILE';
  if (c.command?.assigns.some((a) => a.name === name) === true || c.argv.some((a) => a?.startsWith(`${name}=`) === true)) return `${name} set on the command`;
  if (c.script?.commands.some((o) => o.start < (c.command?.start ?? 0) && o.declaration && o.assigns.some((a) => a.name === name)) === true) return `${name}, exported before it`;
  return variablesAt(file, c.inst).has(name) ? `${name}, set by ENV or ARG` : null;
}

/** The gems of a Gemfile.lock: the specs of its GEM, GIT and PATH sections, with the GIT remote and the platform of a prebuilt one. */
function lockedGems(text: string): { name: string; version: string | null; git: string | null; local: boolean; platform: string | null }[] {
  const out: { name: string; version: string | null; git: string | null; local: boolean; platform: string | null }[] = [];
  let section = '';
  let remote: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (/^\S/.test(line)) {
      section = line.trim();
      remote = null;
      continue;
    }
    if (section !== 'GEM' && section !== 'GIT' && section !== 'PATH') continue;
    const r = /^ {2}remote:\s*(\S+)/.exec(line);
    if (r !== null) remote = r[1]!;
    const spec = /^ {4}([\w.-]+) \(([^)]+)\)\s*$/.exec(line);
    if (spec === null) continue;
    // `nokogiri (1.16.0-x86_64-linux)`: a gem built for a platform; stageNeeds decides what that image compiles.
    const [version, ...platform] = spec[2]!.split('-');
    out.push({ name: spec[1]!, version: version ?? null, git: section === 'GIT' ? remote : null, local: section === 'PATH', platform: platform.length > 0 ? platform.join('-') : null });
  }
  return out;
}
