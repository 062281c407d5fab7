/**
 * What language package installs bring in: the requirements `pip install` reads
 * (named, or from `-r` files in the build context) and the npm packages an
 * `npm ci` installs (from package-lock.json, which marks packages that run an
 * install script). A file that cannot be read is unknown.
 */
import * as posix from 'node:path/posix';
import type { ParsedDockerfile } from '../dockerfile/types.js';
import type { BuildContext } from '../engine/context.js';
import { recognise } from '../shell/index.js';
import type { PackageCommand } from '../shell/types.js';
import { absolutePath, originOf } from './paths.js';
import type { StageCommand, Unknown } from './types.js';

export interface PipRequirement {
  readonly at: StageCommand;
  /** Normalised project name (`psycopg2`), or null for a VCS or local requirement. */
  readonly name: string | null;
  /** `==` pin, when there is one. */
  readonly pinned: string | null;
  /** As written: `psycopg2==2.9.9`, `git+https://…`. */
  readonly spec: string;
  /** Where it was read: the command, or a requirements file of the build context. */
  readonly from: string;
}

export interface NpmPackage {
  readonly at: StageCommand;
  readonly name: string;
  /** `lockfile`: package-lock.json says it runs an install script; `named`: named on the command line or in package.json. */
  readonly evidence: 'lockfile' | 'named';
  readonly from: string;
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

/** The npm/yarn/pnpm install command a stage command is, or null. */
export function nodeInstall(c: StageCommand): PackageCommand | null {
  if (c.command === null) return null;
  const r = recognise(c.command);
  return r?.kind === 'package' && (r.manager === 'npm' || r.manager === 'yarn' || r.manager === 'pnpm') && r.action === 'install' ? r : null;
}

const normalise = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, '-');

/** A requirement line's project name and pin, or null for what is not a named requirement. */
export function parseRequirement(line: string): { name: string; pinned: string | null } | null {
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?:===?\s*([^\s,;#]+))?/.exec(line.trim());
  if (m === null || /^[a-z+]+:\/\//i.test(line.trim())) return null;
  return { name: normalise(m[1]!), pinned: m[2] ?? null };
}

/** Requirements the stage's pip installs read. */
export function pipRequirements(file: ParsedDockerfile, commands: readonly StageCommand[], ctx: BuildContext | null): Dependencies<PipRequirement> {
  const items: PipRequirement[] = [];
  const unknowns: Unknown[] = [];
  for (const c of commands) {
    const pip = pipInstall(c);
    if (pip === null) continue;
    for (const w of pip.operands) {
      // `flask==${VERSION}`: the name is literal even when the version is not.
      const literalName = w.value === null ? /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?(?:[=<>~!]=?|@)/.exec(w.raw.replace(/^["']/, ''))?.[1] : undefined;
      if (w.value === null && literalName === undefined) {
        unknowns.push({ inst: c.inst, what: c.text, why: `the requirement ${w.raw} depends on a variable` });
        continue;
      }
      const v = w.value ?? `${literalName}`;
      if (/^(?:git|hg|svn|bzr)\+/.test(v) || /^[a-z+]+:\/\//i.test(v)) items.push({ at: c, name: null, pinned: null, spec: v, from: c.text });
      else if (v.startsWith('.') || v.startsWith('/') || v.endsWith('.whl') || v.endsWith('.tar.gz')) {
        unknowns.push({ inst: c.inst, what: c.text, why: `it installs ${v}, a local project or archive whose build needs dockshift does not read` });
      } else {
        const r = parseRequirement(v);
        if (r !== null) items.push({ at: c, ...r, spec: v, from: c.text });
      }
    }
    for (const o of pip.options) {
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
  if (relativeTo !== null) contextPath = posix.normalize(posix.join(posix.dirname(relativeTo), written));
  else {
    const path = absolutePath(file, c.inst, written);
    const origin = path === null ? null : originOf(file, c.inst, path, ctx);
    if (origin?.kind === 'context') contextPath = origin.path;
    else {
      const why = path === null ? 'its path is not known' : origin === null ? 'no COPY of this Dockerfile puts it there' : origin.kind === 'stage' ? `it comes from ${origin.image}` : origin.kind === 'download' ? `it is downloaded from ${origin.url}` : origin.why;
      unknowns.push({ inst: c.inst, what: `-r ${written}`, why });
      return;
    }
  }
  const text = ctx?.read(contextPath) ?? null;
  if (text === null || depth > 3) {
    unknowns.push({ inst: c.inst, what: `-r ${written}`, why: `${contextPath} is not in the build context dockshift can read` });
    return;
  }
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(?:^|\s)#.*$/, '').trim();
    if (line === '') continue;
    const nested = /^(?:-r|--requirement)[\s=]+(\S+)/.exec(line);
    if (nested !== null) {
      readRequirementsFile(file, c, nested[1]!, ctx, items, unknowns, depth + 1, contextPath);
      continue;
    }
    if (line.startsWith('-e ') || line.startsWith('--editable')) {
      unknowns.push({ inst: c.inst, what: `${contextPath}: ${line}`, why: 'an editable project, whose build needs dockshift does not read' });
      continue;
    }
    if (line.startsWith('-')) continue; // options: index URLs, hashes, constraints
    if (/^(?:git|hg|svn|bzr)\+/.test(line) || /^[a-z+]+:\/\//i.test(line)) items.push({ at: c, name: null, pinned: null, spec: line, from: contextPath });
    else if (line.startsWith('.') || line.startsWith('/')) unknowns.push({ inst: c.inst, what: `${contextPath}: ${line}`, why: 'a local project, whose build needs dockshift does not read' });
    else {
      const r = parseRequirement(line);
      if (r !== null) items.push({ at: c, ...r, spec: line, from: contextPath });
    }
  }
}

/** npm packages the stage's npm/yarn/pnpm installs bring in that matter for native code. */
export function npmPackages(file: ParsedDockerfile, commands: readonly StageCommand[], ctx: BuildContext | null): Dependencies<NpmPackage> {
  const items: NpmPackage[] = [];
  const unknowns: Unknown[] = [];
  for (const c of commands) {
    const install = nodeInstall(c);
    if (install === null) continue;
    const named = install.operands;
    if (named.length > 0) {
      for (const w of named) {
        const raw = w.value ?? (/^(@?[a-z0-9][\w.-]*(?:\/[\w.-]+)?)@\S/i.exec(w.raw.replace(/^["']/, ''))?.[1] ?? null);
        if (raw === null) unknowns.push({ inst: c.inst, what: c.text, why: `the package ${w.raw} depends on a variable` });
        else items.push({ at: c, name: packageName(raw), evidence: 'named', from: c.text });
      }
      continue;
    }
    // A project install: its manifest is in the working directory (or --prefix / --cwd / -C).
    const dir = install.optionValue('--prefix', '--cwd', '-C', '--dir') ?? '.';
    const manifest = dir === null ? null : absolutePath(file, c.inst, posix.join(dir, 'package.json'));
    const origin = manifest === null ? null : originOf(file, c.inst, manifest, ctx);
    if (origin?.kind !== 'context') {
      const why = manifest === null ? 'the project folder is not known' : origin === null ? 'no COPY of this Dockerfile puts package.json there' : origin.kind === 'stage' ? `package.json comes from ${origin.image}` : origin.kind === 'download' ? `package.json is downloaded from ${origin.url}` : origin.why;
      unknowns.push({ inst: c.inst, what: c.text, why });
      continue;
    }
    const root = posix.dirname(origin.path);
    const lock = ctx?.read(posix.join(root, 'package-lock.json')) ?? null;
    const lockItems = lock === null ? null : lockfileInstallScripts(lock);
    if (lockItems !== null) {
      for (const name of lockItems) items.push({ at: c, name, evidence: 'lockfile', from: posix.join(root, 'package-lock.json') });
      continue;
    }
    const pkg = ctx?.read(origin.path) ?? null;
    const deps = pkg === null ? null : manifestDependencies(pkg);
    if (deps === null) {
      unknowns.push({ inst: c.inst, what: c.text, why: `${origin.path} is not in the build context dockshift can read` });
      continue;
    }
    for (const name of deps) items.push({ at: c, name, evidence: 'named', from: origin.path });
  }
  return { items, unknowns };
}

/** `@scope/name@1.2` → `@scope/name`. */
function packageName(spec: string): string {
  const at = spec.indexOf('@', 1);
  return at === -1 ? spec : spec.slice(0, at);
}

/** Packages package-lock.json (v2/v3) marks `hasInstallScript`; null when it is not such a lockfile. */
export function lockfileInstallScripts(text: string): string[] | null {
  try {
    const lock = JSON.parse(text) as { packages?: Record<string, { hasInstallScript?: boolean; optional?: boolean; os?: string[] }> };
    if (lock.packages === undefined) return null;
    const out = new Set<string>();
    for (const [key, entry] of Object.entries(lock.packages)) {
      if (key === '' || entry.hasInstallScript !== true) continue;
      // An optional package for another OS (fsevents on macOS) is not installed on Linux.
      if (entry.os !== undefined && !entry.os.includes('linux')) continue;
      out.add(key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length));
    }
    return [...out].sort();
  } catch {
    return null;
  }
}

/** The dependency names of package.json (dependencies, devDependencies, optionalDependencies). */
export function manifestDependencies(text: string): string[] | null {
  try {
    const pkg = JSON.parse(text) as Record<string, unknown>;
    const names = new Set<string>();
    for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
      const deps = pkg[field];
      if (deps !== null && typeof deps === 'object') for (const n of Object.keys(deps)) names.add(n);
    }
    return [...names].sort();
  } catch {
    return null;
  }
}
