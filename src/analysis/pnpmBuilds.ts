/**
 * Which dependencies pnpm lets run an install script. pnpm 10 runs none unless the project
 * names it in `onlyBuiltDependencies`, so its 9.0 lockfile, which records no install script,
 * still says enough: a package not named there builds nothing. Earlier majors run every
 * script, and later ones may read other settings, so only a stage proved to run pnpm 10
 * gains from this.
 */
import * as posix from 'node:path/posix';
import { stageLineage } from '../dockerfile/stages.js';
import type { ParsedDockerfile } from '../dockerfile/types.js';
import type { BuildContext } from '../engine/context.js';
import { yaml } from '../engine/yaml.js';
import { readPackageJson } from '../deps/packageJson.js';
import { recognise } from '../shell/index.js';
import type { StageCommand } from './types.js';

/** The packages pnpm builds (their install scripts run), or why that is not known. */
export type PnpmBuilds = { readonly only: ReadonlySet<string> } | { readonly unknown: string };

/**
 * What the pnpm that runs `install` builds, for the project whose package.json is `manifest`
 * (a build-context path, its text `manifestText`).
 */
export function pnpmBuilds(
  file: ParsedDockerfile,
  commands: readonly StageCommand[],
  install: StageCommand,
  manifest: string,
  manifestText: string | null,
  ctx: BuildContext | null,
): PnpmBuilds {
  const pkg = readPackageJson(manifestText)?.json ?? null;
  const version = pnpmMajor(file, commands, install, pkg);
  if (typeof version === 'string') return { unknown: version };
  if (version !== 10) return { unknown: `pnpm ${version} runs every dependency's install script` };
  const only = new Set<string>();
  const settings = record(pkg?.['pnpm']);
  for (const key of OTHER_SETTINGS) if (key in settings) return { unknown: `package.json sets pnpm.${key}` };
  if ('onlyBuiltDependencies' in settings) {
    const list = settings['onlyBuiltDependencies'];
    if (!Array.isArray(list) || list.some((n) => typeof n !== 'string')) return { unknown: 'package.json lists pnpm.onlyBuiltDependencies in a form dockshift does not read' };
    for (const n of list as string[]) only.add(nameOf(n));
  }
  const dir = posix.dirname(manifest);
  const workspace = ctx?.read(posix.join(dir, 'pnpm-workspace.yaml')) ?? null;
  if (workspace !== null) {
    let doc: unknown;
    try {
      doc = yaml().parse(workspace);
    } catch {
      return { unknown: 'pnpm-workspace.yaml is not YAML dockshift reads' };
    }
    const settings = record(doc);
    for (const key of OTHER_SETTINGS) if (key in settings) return { unknown: `pnpm-workspace.yaml sets ${key}` };
    const list = settings['onlyBuiltDependencies'];
    if (list !== undefined && list !== null) {
      if (!Array.isArray(list) || list.some((n) => typeof n !== 'string')) return { unknown: 'pnpm-workspace.yaml lists onlyBuiltDependencies in a form dockshift does not read' };
      for (const n of list as string[]) only.add(nameOf(n));
    }
  }
  const npmrc = ctx?.read(posix.join(dir, '.npmrc')) ?? null;
  if (npmrc !== null && /^\s*(?:only-built-dependencies|never-built-dependencies|dangerously-allow-all-builds)/m.test(npmrc)) {
    return { unknown: '.npmrc changes which dependencies pnpm builds' };
  }
  return { only };
}

/** Settings that let more dependencies build than onlyBuiltDependencies names, or name them elsewhere. */
const OTHER_SETTINGS = ['neverBuiltDependencies', 'dangerouslyAllowAllBuilds', 'onlyBuiltDependenciesFile'];

/**
 * The major version of the pnpm that runs `install`: what the stage installed before it
 * (`npm install -g pnpm@10`, `corepack prepare pnpm@10 --activate`) and, once `corepack enable`
 * has run, the project's `packageManager` field, which corepack's pnpm obeys. A reason
 * (a string) when nothing says, a version cannot be read, or two say otherwise.
 */
function pnpmMajor(file: ParsedDockerfile, commands: readonly StageCommand[], install: StageCommand, pkg: Readonly<Record<string, unknown>> | null): number | string {
  const lineage = new Set(stageLineage(file, file.stages[install.inst.stage]!).map((s) => s.index));
  const before = commands.filter(
    (o) => !o.runtime && lineage.has(o.inst.stage) && (o.inst.index < install.inst.index || (o.inst === install.inst && o.order < install.order)),
  );
  const majors = new Set<number>();
  let corepack = false;
  for (const o of before) {
    if (o.name === 'corepack') {
      const [, sub, ...rest] = o.argv;
      if (sub === 'enable') corepack = true;
      if (sub !== 'prepare' && sub !== 'install' && sub !== 'use') continue;
      for (const w of rest) {
        if (w === null) return `\`${o.text}\` names pnpm through a variable`;
        if (!w.startsWith('pnpm')) continue;
        const major = majorOf(w);
        if (major === null) return `\`${o.text}\` does not say which pnpm`;
        majors.add(major);
      }
      continue;
    }
    const r = o.command === null ? null : recognise(o.command);
    if (r?.kind !== 'package' || r.manager !== 'npm' || r.action !== 'install' || !r.hasFlag('-g', '--global', '--location=global')) continue;
    for (const w of r.operands) {
      if (w.value === null) {
        if (/pnpm/.test(w.raw)) return `\`${o.text}\` names pnpm through a variable`;
        continue;
      }
      if (!/^pnpm(?:@|$)/.test(w.value)) continue;
      const major = majorOf(w.value);
      if (major === null) return `\`${o.text}\` does not say which pnpm`;
      majors.add(major);
    }
  }
  const field = pkg?.['packageManager'];
  if (corepack && typeof field === 'string' && field.startsWith('pnpm@')) {
    const major = majorOf(field);
    if (major === null) return `package.json's packageManager (${field}) does not say which pnpm`;
    majors.add(major);
  }
  if (majors.size === 0) return 'which pnpm runs the install is not known';
  if (majors.size > 1) return `the stage installs pnpm ${[...majors].sort().join(' and ')}`;
  return [...majors][0]!;
}

/** `pnpm@10.4.1`, `pnpm@^10`, `pnpm@10.x+sha512.…` → 10; null for `pnpm`, `pnpm@latest`, a range across majors. */
function majorOf(spec: string): number | null {
  const m = /^pnpm@[\^~=v]?(\d+)(?:\.(?:\d+|x|\*)){0,2}(?:[-+][\w.+-]*)?$/.exec(spec);
  return m === null ? null : Number(m[1]);
}

/** `sharp@0.33.5` → `sharp`; `@scope/name@1` → `@scope/name`. */
function nameOf(entry: string): string {
  const at = entry.indexOf('@', 1);
  return at === -1 ? entry : entry.slice(0, at);
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
