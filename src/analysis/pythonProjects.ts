/**
 * The packages Python project managers install: `poetry install`, `pipenv install`/`sync`,
 * `uv sync` and `uv pip install`/`sync`. Their lockfiles (poetry.lock, Pipfile.lock, uv.lock)
 * list every package; without one, the project file (pyproject.toml, Pipfile) names the
 * direct dependencies, as a requirements file does. The project itself is built too unless
 * told not to: with a build backend that compiles nothing it needs nothing, with another
 * (setuptools runs setup.py) what it needs is unknown.
 */
import * as posix from 'node:path/posix';
import type { ParsedDockerfile } from '../dockerfile/types.js';
import type { BuildContext } from '../engine/context.js';
import { invokedProgram } from '../shell/commands.js';
import { readPythonTool, readUvPip, type PythonTool, type UvPipArgs } from '../shell/pythonTools.js';
import { commandPath, originOf, unreadOrigin, whyNoPath } from './paths.js';
import type { StageCommand, Unknown } from './types.js';
import { sectionText, tomlHeaders, tomlTable } from '../deps/toml.js';

/** What a Python project install brings in: named requirements (with their source), and what cannot be read. */
export interface ProjectPackage {
  readonly name: string | null;
  readonly spec: string;
  readonly from: string;
  /** The wheel file names the lockfile lists for it (uv.lock), or null when it does not say. */
  readonly wheels: readonly string[] | null;
}

export interface ProjectInstall {
  readonly packages: readonly ProjectPackage[];
  readonly unknowns: readonly Unknown[];
}

/** `uv pip install …`/`uv pip sync …`, read as pip reads its arguments; null for other commands. */
export function uvPipArgs(c: StageCommand): UvPipArgs | null {
  if (c.command === null || c.name !== 'uv') return null;
  const program = invokedProgram(c.command);
  return program === null ? null : readUvPip(program.args);
}

/** The packages a `poetry install`, `pipenv install`/`sync` or `uv sync` installs; null for other commands. */
export function projectInstall(file: ParsedDockerfile, c: StageCommand, ctx: BuildContext | null): ProjectInstall | null {
  const program = c.command === null ? null : invokedProgram(c.command);
  if (program === null || (c.name !== 'poetry' && c.name !== 'uv' && c.name !== 'pipenv')) return null;
  const tool: PythonTool = c.name;
  const args = readPythonTool(tool, program.args);
  const sub = args.subcommand?.value;
  if (!(sub === 'sync' || (sub === 'install' && tool !== 'uv'))) return null;
  const { options, has } = args;
  const positionals = args.operands;
  const unknowns: Unknown[] = [];
  const packages: ProjectPackage[] = [];
  const unknown = (why: string): ProjectInstall => ({ packages: [], unknowns: [{ inst: c.inst, what: c.text, why }] });

  // `pipenv install -r requirements.txt` imports the file into the Pipfile before it installs.
  if (tool === 'pipenv' && has('-r', '--requirements')) return unknown('it imports a requirements file into the Pipfile, which dockshift does not read that way');
  if (tool === 'pipenv' && positionals.length > 0) {
    // `pipenv install requests`: named packages, as pip's.
    for (const w of positionals) {
      if (w.value === null) return unknown(`the package ${w.raw} depends on a variable`);
      packages.push(requirement(w.value, c.text, null));
    }
    return { packages, unknowns };
  }
  const dirOption = options.find((o) => ['-C', '--directory', '-P', '--project'].includes(o.name));
  const dir = dirOption === undefined ? '.' : dirOption.value;
  const projectFile = tool === 'pipenv' ? 'Pipfile' : 'pyproject.toml';
  const folder = dir === null ? null : commandPath(file, c, dir);
  const origin = folder === null ? null : originOf(file, c.inst, posix.join(folder, projectFile), ctx);
  if (origin?.kind !== 'context') {
    const why = folder === null ? whyNoPath(c, 'the project folder is not known') : origin === null ? `no COPY of this Dockerfile puts ${projectFile} there` : origin.kind === 'stage' ? `${projectFile} comes from ${origin.image}` : origin.kind === 'download' ? `${projectFile} is downloaded from ${origin.url}` : unreadOrigin(origin);
    return unknown(why);
  }
  const root = posix.dirname(origin.path);
  const project = ctx?.read(origin.path) ?? null;
  if (project === null) return unknown(`${origin.path} is not in the build context dockshift can read`);
  // The lockfile is read only when a COPY put it beside the project file.
  const lockName = tool === 'poetry' ? 'poetry.lock' : tool === 'uv' ? 'uv.lock' : 'Pipfile.lock';
  const lockOrigin = folder === null ? null : originOf(file, c.inst, posix.join(folder, lockName), ctx);
  const lockPath = posix.join(root, lockName);
  const lock = lockOrigin?.kind === 'context' && lockOrigin.path === lockPath ? (ctx?.read(lockPath) ?? null) : null;

  if (tool === 'pipenv') {
    const dev = has('--dev', '-d');
    const read = lock === null ? null : pipfileLock(lock, dev);
    if (read !== null) {
      for (const p of read) {
        if (p.local) unknowns.push({ inst: c.inst, what: `${lockPath}: ${p.name}`, why: 'a local project, whose build needs dockshift does not read' });
        else packages.push({ name: p.git === null ? normalise(p.name) : null, spec: p.git ?? p.name, from: lockPath, wheels: null });
      }
      return { packages, unknowns };
    }
    for (const [name, value] of tomlTable(project, dev ? ['packages', 'dev-packages'] : ['packages'])) pushTomlDependency(name, value, origin.path, packages, unknowns, c);
    return { packages, unknowns };
  }

  const installsProject = tool === 'poetry' ? !has('--no-root') : !has('--no-install-project', '--only-dev', '--no-install-workspace');
  if (installsProject) {
    const why = projectBuild(project, tool);
    if (why !== null) unknowns.push({ inst: c.inst, what: c.text, why: `it installs the project of ${origin.path}, which ${why}` });
  }
  if (tool === 'poetry' && has('--only-root')) return { packages, unknowns };
  // A lockfile with no packages (uv and Poetry always list the project's) was not written by them.
  const locked = lock === null ? [] : lockPackages(lock);
  if (locked.length > 0) {
    for (const p of locked) {
      if (p.source === 'project') continue;
      if (p.source === 'local') unknowns.push({ inst: c.inst, what: `${lockPath}: ${p.name}`, why: 'a local project, whose build needs dockshift does not read' });
      else packages.push({ name: p.git === null ? normalise(p.name) : null, spec: p.git ?? p.name, from: lockPath, wheels: tool === 'uv' ? p.wheels : null });
    }
    return { packages, unknowns };
  }
  if (tool === 'poetry') {
    const tables = tomlHeaders(project).filter((h) => h === 'tool.poetry.dependencies' || /^tool\.poetry\.(?:group\.[\w-]+\.)?dependencies$/.test(h) || h === 'tool.poetry.dev-dependencies');
    for (const [name, value] of tomlTable(project, tables)) if (name !== 'python') pushTomlDependency(name, value, origin.path, packages, unknowns, c);
  }
  for (const spec of projectDependencies(project)) packages.push(requirement(spec, origin.path, null));
  return { packages, unknowns };
}

const normalise = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, '-');

function requirement(spec: string, from: string, wheels: readonly string[] | null): ProjectPackage {
  if (/^(?:git|hg|svn|bzr)\+/.test(spec) || /@\s*(?:git|hg|svn|bzr)\+/.test(spec)) return { name: null, spec, from, wheels };
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(spec.trim());
  return { name: m === null ? null : normalise(m[1]!), spec, from, wheels };
}

/** A dependency of a TOML table (Pipfile `[packages]`, `[tool.poetry.dependencies]`): `name = "^1"` or `name = { git = … }`. */
function pushTomlDependency(name: string, value: string, from: string, packages: ProjectPackage[], unknowns: Unknown[], c: StageCommand): void {
  const git = /\bgit\s*=\s*"([^"]+)"/.exec(value)?.[1];
  if (git !== undefined) packages.push({ name: null, spec: `git+${git.replace(/^git\+/, '')}`, from, wheels: null });
  else if (/\bpath\s*=/.test(value) || /\bfile\s*=/.test(value)) unknowns.push({ inst: c.inst, what: `${from}: ${name}`, why: 'a local project, whose build needs dockshift does not read' });
  else packages.push({ name: normalise(name), spec: name, from, wheels: null });
}

/** Why building the project itself may need more than Python, or null when its backend compiles nothing. */
function projectBuild(pyproject: string, tool: 'poetry' | 'uv'): string | null {
  const headers = tomlHeaders(pyproject);
  const backend = /^\s*build-backend\s*=\s*["']([^"']+)["']/m.exec(sectionText(pyproject, 'build-system'))?.[1] ?? null;
  if (tool === 'poetry') {
    if (headers.includes('tool.poetry.build') || /^\s*build\s*=/m.test(sectionText(pyproject, 'tool.poetry'))) return 'runs a build script of its own';
    return backend === null || backend.startsWith('poetry.core') ? null : `is built with ${backend}, whose build needs dockshift does not read`;
  }
  // Without a build system uv installs the dependencies only.
  if (backend === null || /^\s*package\s*=\s*false/m.test(sectionText(pyproject, 'tool.uv'))) return null;
  const hooks = headers.some((h) => /^tool\.hatch\.build(?:\.targets\.[\w-]+)?\.hooks/.test(h)) || headers.includes('tool.pdm.build') || headers.includes('tool.poetry.build');
  if (PURE_BACKENDS.has(backend) && !hooks) return null;
  return hooks ? 'runs build hooks dockshift does not read' : `is built with ${backend}, whose build needs dockshift does not read`;
}

/** Build backends that package Python files and compile nothing (unless a build hook is configured). */
const PURE_BACKENDS = new Set(['hatchling.build', 'flit_core.buildapi', 'pdm.backend', 'poetry.core.masonry.api', 'uv_build']);

/** The PEP 621 `dependencies = [...]` of `[project]`. */
function projectDependencies(pyproject: string): string[] {
  const section = sectionText(pyproject, 'project');
  const m = /^\s*dependencies\s*=\s*\[([\s\S]*?)\]/m.exec(section);
  if (m === null) return [];
  return [...m[1]!.matchAll(/"([^"]+)"|'([^']+)'/g)].map((x) => (x[1] ?? x[2])!);
}

interface LockPackage {
  readonly name: string;
  /** `project`: the project itself (or a workspace member); `local`: another path of the project. */
  readonly source: 'registry' | 'project' | 'local' | 'git';
  readonly git: string | null;
  readonly wheels: readonly string[];
}

/** The `[[package]]` entries of poetry.lock or uv.lock. */
export function lockPackages(text: string): LockPackage[] {
  const out: LockPackage[] = [];
  let current: { name: string; source: LockPackage['source']; git: string | null; wheels: string[] } | null = null;
  let inPackage = false;
  const flush = () => {
    if (current !== null && current.name !== '') out.push(current);
    current = null;
  };
  for (const line of text.split(/\r?\n/)) {
    const header = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*$/.exec(line);
    if (header !== null) {
      const name = header[1]!;
      if (name === 'package' && line.trim().startsWith('[[')) {
        flush();
        current = { name: '', source: 'registry', git: null, wheels: [] };
        inPackage = true;
      } else inPackage = name.startsWith('package.') && current !== null;
      continue;
    }
    if (current === null || !inPackage) continue;
    const c: { name: string; source: LockPackage['source']; git: string | null; wheels: string[] } = current;
    const kv = /^name\s*=\s*"([^"]+)"/.exec(line);
    if (kv !== null && c.name === '') c.name = kv[1]!;
    // uv.lock: `source = { editable = "." }`; poetry.lock: `[package.source]` with `type = "directory"`.
    const source = /^source\s*=\s*\{(.*)\}/.exec(line)?.[1];
    if (source !== undefined) {
      if (/\b(?:editable|virtual)\s*=\s*"\."/.test(source)) c.source = 'project';
      else if (/\b(?:editable|virtual|directory|path)\s*=/.test(source)) c.source = 'local';
      else if (/\bgit\s*=/.test(source)) {
        c.source = 'git';
        c.git = `git+${/\bgit\s*=\s*"([^"]+)"/.exec(source)![1]!.replace(/^git\+/, '')}`;
      }
    }
    const type = /^type\s*=\s*"(directory|file|git)"/.exec(line)?.[1];
    if (type === 'directory' || type === 'file') c.source = 'local';
    if (type === 'git') c.source = 'git';
    const url = /^url\s*=\s*"([^"]+)"/.exec(line)?.[1];
    if (url !== undefined && c.source === 'git' && c.git === null) c.git = `git+${url.replace(/^git\+/, '')}`;
    for (const w of line.matchAll(/url\s*=\s*"[^"]*\/([^"/]+\.whl)"/g)) c.wheels.push(w[1]!);
  }
  flush();
  return out;
}

/** The packages of a Pipfile.lock (`default`, and `develop` with --dev); null when it is not one. */
function pipfileLock(text: string, dev: boolean): { name: string; git: string | null; local: boolean }[] | null {
  try {
    const lock = JSON.parse(text) as Record<string, unknown>;
    const out: { name: string; git: string | null; local: boolean }[] = [];
    for (const section of dev ? ['default', 'develop'] : ['default']) {
      const entries = lock[section];
      if (entries === null || typeof entries !== 'object') continue;
      for (const [name, entry] of Object.entries(entries as Record<string, Record<string, unknown>>)) {
        const git = typeof entry?.git === 'string' ? `git+${entry.git.replace(/^git\+/, '')}` : null;
        out.push({ name, git, local: typeof entry?.path === 'string' || typeof entry?.file === 'string' });
      }
    }
    return out;
  } catch {
    return null;
  }
}
