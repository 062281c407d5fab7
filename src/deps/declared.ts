/**
 * Which packages a project declares, from the dependency manifests of its folder that src/deps
 * reads for installs: package.json; composer.json and composer.lock; requirements files,
 * pyproject.toml, Pipfile, setup.py, setup.cfg and their lockfiles; Gemfile and its lockfile;
 * go.mod. JSON manifests are read by their fields; the others are searched for the name as a
 * word of its own, so a name in a comment counts too (which only ever keeps more).
 */
import * as path from 'node:path';
import type { BuildContext } from '../engine/context.js';
import type { PackageRegistry as Registry } from '../knowledge/dotenv.js';
import { readPackageJson } from './packageJson.js';
import { under } from './reader.js';

export interface Declared {
  /** The manifests read, relative to the context root. */
  readonly manifests: readonly string[];
  /** Manifests that are there but cannot be read, and why. */
  readonly unreadable: readonly { readonly path: string; readonly why: string }[];
  /** The manifest that declares `name` of `registry`, or null. */
  declares(registry: Registry, name: string): string | null;
}

type Names = (text: string) => ((name: string) => boolean) | string;

/** Fields of a JSON object manifest that list names as keys (`dependencies`) or entries of arrays of objects (`packages[].name`). */
const jsonNames =
  (keyed: readonly string[], listed: readonly string[] = []): Names =>
  (text) => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return 'it is not valid JSON';
    }
    if (json === null || typeof json !== 'object' || Array.isArray(json)) return 'it is not a JSON object';
    const o = json as Record<string, unknown>;
    const names = new Set<string>();
    for (const f of keyed) if (o[f] !== null && typeof o[f] === 'object') for (const k of Object.keys(o[f] as object)) names.add(k.toLowerCase());
    for (const f of listed) if (Array.isArray(o[f])) for (const p of o[f] as unknown[]) if (typeof (p as { name?: unknown })?.name === 'string') names.add((p as { name: string }).name.toLowerCase());
    return (name) => names.has(name.toLowerCase());
  };

/** The name as a word of its own; Python's `-`, `_` and `.` are one (PEP 503). */
const wordNames =
  (python: boolean): Names =>
  (text) =>
  (name) => {
    const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const pattern = python ? escaped.replace(/\\\.|[-_]/g, '[-_.]') : escaped;
    return new RegExp(`(?:^|[^A-Za-z0-9._/-])${pattern}(?![A-Za-z0-9._-])`, python ? 'im' : 'm').test(text);
  };

/** package.json: every dependency field, devDependencies too (a plain `npm ci` installs them). */
const packageJsonNames: Names = (text) => {
  const pkg = readPackageJson(text);
  if (pkg === null) return 'it is not a JSON object';
  return (name) => pkg.dependencies.has(name) || pkg.devDependencies.has(name) || pkg.optionalDependencies.has(name);
};

const MANIFESTS: readonly { readonly registry: Registry; readonly file: RegExp; readonly names: Names }[] = [
  { registry: 'npm', file: /^package\.json$/, names: packageJsonNames },
  { registry: 'packagist', file: /^composer\.json$/, names: jsonNames(['require', 'require-dev']) },
  { registry: 'packagist', file: /^composer\.lock$/, names: jsonNames([], ['packages', 'packages-dev']) },
  { registry: 'pypi', file: /^(?:requirements[\w.-]*\.(?:txt|in)|pyproject\.toml|Pipfile|Pipfile\.lock|poetry\.lock|uv\.lock|pdm\.lock|setup\.py|setup\.cfg)$/, names: wordNames(true) },
  { registry: 'rubygems', file: /^(?:Gemfile|Gemfile\.lock|gems\.rb|gems\.locked)$/, names: wordNames(false) },
  { registry: 'go', file: /^go\.mod$/, names: wordNames(false) },
];

/** The packages the manifests in the context folder `dir` declare. */
export function declaredDependencies(ctx: BuildContext, dir: string): Declared {
  const manifests: string[] = [];
  const unreadable: { path: string; why: string }[] = [];
  const readers: { registry: Registry; path: string; has: (name: string) => boolean }[] = [];
  for (const entry of ctx.list(dir === '.' ? undefined : dir) ?? []) {
    if (entry.kind !== 'file') continue;
    const base = path.posix.basename(entry.path);
    const manifest = MANIFESTS.find((m) => m.file.test(base));
    if (manifest === undefined) continue;
    const file = under(dir, base);
    const text = ctx.read(file);
    const has = text === null ? 'it cannot be read as text' : manifest.names(text);
    if (typeof has === 'string') unreadable.push({ path: file, why: has });
    else {
      manifests.push(file);
      readers.push({ registry: manifest.registry, path: file, has });
    }
  }
  return {
    manifests,
    unreadable,
    declares: (registry, name) => readers.find((r) => r.registry === registry && r.has(name))?.path ?? null,
  };
}
