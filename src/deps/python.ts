/**
 * The manifest sets of Python installs. `pip install -r requirements.txt`: the requirements and
 * constraints files it names, and the ones they include (`-r`, `-c`, relative to the including file),
 * refused when a requirement is the project itself or another local path (`-e .`, `.`, `./libs/x`, a
 * wheel file, `--find-links ./wheels`): those need the sources. Poetry's and uv's project installs: below.
 */
import * as path from 'node:path';
import type { DependencyInstall } from './commands.js';
import { isProblem, problem, under, type ManifestProblem, type ManifestReader } from './reader.js';
import { sectionText, tomlHeaders } from './toml.js';
import { readUvPip } from '../shell/pythonTools.js';

/** Options of a requirements file line that name another file of the project. */
const INCLUDES = new Set(['-r', '--requirement', '-c', '--constraint']);
const LOCAL_OPTIONS = new Set(['-e', '--editable', '-f', '--find-links']);

export function pipManifests(reader: ManifestReader, dir: string, install: DependencyInstall): ManifestProblem | null {
  const queue = install.files.map((f) => ({ file: under(dir, f), from: null as string | null }));
  const seen = new Set<string>();
  while (queue.length > 0) {
    const { file, from } = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const missing = reader.need(file);
    if (missing !== null) return from === null ? missing : problem(missing.code, `${missing.reason} (included from ${from})`);
    const text = reader.text(file);
    if (isProblem(text)) return text;
    const lines = logicalLines(text);
    for (const { line, number } of lines) {
      const [first, ...rest] = line.split(/\s+/);
      if (first === undefined || first === '') continue;
      const option = /^(-[A-Za-z]|--[a-z-]+)(?:=(.*))?$/.exec(first);
      if (option !== null) {
        const name = option[1]!;
        const value = option[2] ?? rest[0] ?? '';
        if (INCLUDES.has(name)) {
          if (isUrl(value)) continue;
          if (value.includes('$')) return problem('install-location', `${file}:${number} includes \`${value}\`, which is only known at build time`);
          queue.push({ file: under(path.posix.dirname(file), value), from: `${file}:${number}` });
        } else if (LOCAL_OPTIONS.has(name) && !isUrl(value) && !/^[a-z+]+:\/\//i.test(value)) {
          return problem(name === '-e' || name === '--editable' ? 'install-needs-source' : 'local-dependency', `${file}:${number} installs from the project's files (\`${line}\`)`);
        }
        continue;
      }
      if (isLocalRequirement(line)) return problem('local-dependency', `${file}:${number} installs from the project's files (\`${line}\`)`);
    }
  }
  for (const w of install.writes) reader.output(under(dir, w));
  return null;
}

/**
 * \`uv pip install -r requirements.txt\`: the requirements files as pip's, and the settings uv reads in the
 * folder it runs in (uv.toml, and pyproject.toml's \`[tool.uv]\`: an index, a resolution strategy) and
 * the Python version it picks (.python-version), which the install must see as it would after the sources.
 */
export function uvPipManifests(reader: ManifestReader, dir: string, install: DependencyInstall): ManifestProblem | null {
  // Without an interpreter or a folder named, uv installs into the .venv of the folder: one the sources bring.
  const named = readUvPip(install.command.words.slice(1))?.options.some((o) => ['--system', '--python', '-p', '--target', '--prefix'].includes(o.name));
  const venv = under(dir, '.venv');
  if (named !== true && reader.ctx.sends(venv)) return problem('install-needs-source', `uv installs into ${venv}, which the sources bring`);
  for (const f of ['uv.toml', 'pyproject.toml', '.python-version']) reader.maybe(under(dir, f));
  return pipManifests(reader, dir, install);
}

function isUrl(value: string): boolean {
  return /^(?:https?|ftp):\/\//i.test(value);
}

/** A requirement that is a path, a local archive or a `name @ file:` reference rather than a package. */
function isLocalRequirement(line: string): boolean {
  const spec = line.split(/\s+;|\s+--/)[0]!.trim();
  if (/@\s*file:/i.test(spec) || /^file:/i.test(spec)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec) || /^[A-Za-z0-9][A-Za-z0-9._-]*\s*(?:\[[^\]]*\])?\s*@\s*\S+:\/\//.test(spec)) return false;
  return /^[.~/]/.test(spec) || spec.includes('/') || spec.includes('\\') || /\.(?:whl|zip|tar\.gz|tar\.bz2|tgz)$/i.test(spec);
}

/** Lines as pip reads them: `\` continuations joined, comments (`#` after a blank or at the start) removed. */
function logicalLines(text: string): { line: string; number: number }[] {
  const out: { line: string; number: number }[] = [];
  const raw = text.split(/\r?\n/);
  for (let i = 0; i < raw.length; i++) {
    const number = i + 1;
    let line = raw[i]!;
    while (line.endsWith('\\') && i + 1 < raw.length) line = line.slice(0, -1) + raw[++i]!;
    line = line.replace(/(^|\s)#.*$/, '').trim();
    if (line !== '') out.push({ line, number });
  }
  return out;
}

/**
 * The manifest set of `poetry install --no-root` (or of a project with `package-mode = false`):
 * pyproject.toml, poetry.lock and the project's poetry.toml, and the readme pyproject.toml names
 * (Poetry checks it is there). Refused when the install builds the project itself, or a
 * dependency comes from a path of the project (`{ path = "../lib" }`).
 */
export function poetryManifests(reader: ManifestReader, dir: string, install: DependencyInstall): ManifestProblem | null {
  const pyproject = projectFile(reader, dir);
  if (typeof pyproject !== 'string') return pyproject;
  reader.maybe(under(dir, 'poetry.lock'));
  reader.maybe(under(dir, 'poetry.toml'));
  const text = tomlCode(reader, pyproject);
  if (typeof text !== 'string') return text;
  if (install.installsProject && !/^\s*package-mode\s*=\s*false\b/m.test(sectionText(text, 'tool.poetry'))) {
    return problem('install-needs-source', `poetry install installs the project of ${pyproject} itself, from its sources (\`--no-root\`, or \`package-mode = false\`, would install its dependencies only)`);
  }
  return localSource(pyproject, text) ?? readmeAndVenv(reader, dir, text);
}

/**
 * The manifest set of `uv sync`: pyproject.toml, uv.lock, uv.toml, .python-version and a `--config-file`,
 * and the readme pyproject.toml names. Refused when it installs the project itself (a package: one with a
 * build system, or `tool.uv.package = true`), for a workspace (its members are folders of the sources), or
 * when a source is a path of the project.
 */
export function uvManifests(reader: ManifestReader, dir: string, install: DependencyInstall): ManifestProblem | null {
  const pyproject = projectFile(reader, dir);
  if (typeof pyproject !== 'string') return pyproject;
  for (const f of ['uv.lock', 'uv.toml', '.python-version']) reader.maybe(under(dir, f));
  for (const f of install.files) {
    const missing = reader.need(under(dir, f));
    if (missing !== null) return missing;
  }
  const text = tomlCode(reader, pyproject);
  if (typeof text !== 'string') return text;
  const uv = sectionText(text, 'tool.uv');
  if (tomlHeaders(text).some((h) => h === 'tool.uv.workspace') || /^\s*workspace\s*=/m.test(uv)) return problem('local-dependency', `${pyproject} makes a uv workspace, whose members are folders of the sources`);
  const packaged = /^\s*package\s*=\s*true\b/m.test(uv) || (!/^\s*package\s*=\s*false\b/m.test(uv) && tomlHeaders(text).includes('build-system'));
  if (install.installsProject && packaged) {
    return problem('install-needs-source', `uv sync installs the project of ${pyproject} itself, a package built from its sources (\`--no-install-project\` would install its dependencies only)`);
  }
  return localSource(pyproject, text) ?? readmeAndVenv(reader, dir, text);
}

/**
 * The manifest set of \`pipenv install\` (or \`sync\`): Pipfile and Pipfile.lock. Refused when the Pipfile
 * takes a package from the project's files (\`path = "."\`, \`editable = true\`), which installs it from its sources.
 */
export function pipenvManifests(reader: ManifestReader, dir: string): ManifestProblem | null {
  const pipfile = under(dir, 'Pipfile');
  const missing = reader.need(pipfile);
  if (missing !== null) return missing;
  reader.maybe(under(dir, 'Pipfile.lock'));
  const text = tomlCode(reader, pipfile);
  if (typeof text !== 'string') return text;
  const local = localSource(pipfile, text);
  if (local !== null) return local;
  reader.output(under(dir, '.venv'));
  return null;
}

function projectFile(reader: ManifestReader, dir: string): string | ManifestProblem {
  const pyproject = under(dir, 'pyproject.toml');
  return reader.need(pyproject) ?? pyproject;
}

/** A TOML manifest's text without its comments. */
function tomlCode(reader: ManifestReader, path: string): string | ManifestProblem {
  const text = reader.text(path);
  return isProblem(text) ? text : text.replace(/(^|\s)#.*$/gm, '$1');
}

/**
 * A dependency taken from a path of the project, or null: an inline table (Poetry's and uv's
 * `{ path = "../lib" }`, uv's `{ workspace = true }`, a Pipfile's `{path = "."}`) or a table of its own
 * (`[tool.poetry.dependencies.core]`, `[tool.uv.sources.core]`, `[packages.app]`) with such a key.
 */
function localSource(manifest: string, text: string): ManifestProblem | null {
  const local = (key: string, value: string) => problem('local-dependency', `${manifest} takes a dependency from the project's own files (\`${key} = ${value}\`)`);
  const inline = /\{[^}\n]*\b(path|file|workspace)\s*=\s*("[^"]*"|'[^']*'|true)[^}\n]*\}/.exec(text);
  if (inline !== null) return local(inline[1]!, inline[2]!);
  let table = '';
  for (const line of text.split(/\r?\n/)) {
    const header = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*$/.exec(line);
    if (header !== null) {
      table = header[1]!.replace(/["'\s]/g, '');
      continue;
    }
    if (!DEPENDENCY_TABLE.test(table)) continue;
    const key = /^\s*(path|file|workspace)\s*=\s*("[^"]*"|'[^']*'|true)/.exec(line);
    if (key !== null) return local(key[1]!, key[2]!);
  }
  return null;
}

/** The table of one dependency: `[tool.poetry.dependencies.core]`, a group's, `[tool.uv.sources.core]`, a Pipfile's `[packages.app]`. */
const DEPENDENCY_TABLE = /(?:^|\.)(?:dependencies|dev-dependencies|sources|packages|dev-packages)\.[^.]+$/;

/** The readme pyproject.toml names, when it is there, and the .venv the install may make in the project. */
function readmeAndVenv(reader: ManifestReader, dir: string, text: string): null {
  for (const table of ['project', 'tool.poetry']) {
    const readme = /^\s*readme\s*=\s*["']([^"']+)["']/m.exec(sectionText(text, table))?.[1];
    if (readme !== undefined && !readme.startsWith('/')) reader.maybe(under(dir, readme));
  }
  reader.output(under(dir, '.venv'));
  return null;
}
