/**
 * Which dependencies pnpm lets run an install script. pnpm 10 runs none unless the project
 * allows it (`onlyBuiltDependencies`, `allowBuilds`), so its 9.0 lockfile, which records no
 * install script, still says enough: a package not allowed builds nothing. Earlier majors run
 * every script, and later ones read other settings, so only a stage proved to run pnpm 10
 * gains from this, and only when every place pnpm reads its settings from is read.
 */
import * as posix from 'node:path/posix';
import { stageLineage } from '../dockerfile/stages.js';
import type { Instruction, ParsedDockerfile } from '../dockerfile/types.js';
import type { BuildContext } from '../engine/context.js';
import { parseProjectYaml } from '../engine/yaml.js';
import { packageName, readPackageJson, record } from '../deps/packageJson.js';
import { recognise } from '../shell/index.js';
import { stageCommands } from './commands.js';
import { originOf, unreadOrigin } from './paths.js';
import { runScripts } from './runScripts.js';
import type { StageCommand } from './types.js';

/** The packages pnpm builds (their install scripts run), or why that is not known. */
export type PnpmBuilds = { readonly only: ReadonlySet<string> } | { readonly unknown: string };

/**
 * What the pnpm that runs `install` builds, for the project whose package.json is `manifest`
 * (its path in the image, its text `manifestText`). pnpm reads which dependencies it builds from
 * package.json's `pnpm` field, the workspace's pnpm-workspace.yaml, .npmrc files (the project's,
 * the user's, the global one), `npm_config_*`/`pnpm_config_*` variables and its command line:
 * each is read where the build puts it, and one that cannot be read leaves it unknown.
 */
export function pnpmBuilds(
  file: ParsedDockerfile,
  install: StageCommand,
  manifest: string,
  manifestText: string | null,
  ctx: BuildContext | null,
): PnpmBuilds {
  const pkg = readPackageJson(manifestText)?.json ?? null;
  const version = pnpmMajor(file, install, pkg, ctx);
  if (typeof version === 'string') return { unknown: version };
  if (version < 10) return { unknown: `pnpm ${version} runs every dependency's install script` };
  if (version > 10) return { unknown: `pnpm ${version} is not pnpm 10, whose build settings dockshift reads` };
  const only = new Set<string>();
  const fromPackage = allowedBy(record(pkg?.['pnpm']), 'package.json sets pnpm.', only);
  if (fromPackage !== null) return { unknown: fromPackage };
  const dir = posix.dirname(manifest);
  // The nearest pnpm-workspace.yaml at or above the project makes its folder the workspace root, whose settings apply.
  for (let at = dir; ; at = posix.dirname(at)) {
    const name = posix.join(at, 'pnpm-workspace.yaml');
    const workspace = imageFile(file, install.inst, name, ctx);
    if ('unknown' in workspace) return workspace;
    if (workspace.text !== null) {
      if (at !== dir) return { unknown: `${name} makes ${at} the workspace root, whose settings dockshift does not read` };
      let doc: unknown;
      try {
        doc = parseProjectYaml(workspace.text);
      } catch {
        return { unknown: 'pnpm-workspace.yaml is not YAML dockshift reads' };
      }
      const fromWorkspace = allowedBy(record(doc), 'pnpm-workspace.yaml sets ', only);
      if (fromWorkspace !== null) return { unknown: fromWorkspace };
      break;
    }
    if (at === '/') break;
  }
  for (const rc of [posix.join(dir, '.npmrc'), ...USER_CONFIGS]) {
    const read = imageFile(file, install.inst, rc, ctx);
    if ('unknown' in read) return read;
    if (read.text !== null && BUILD_SETTING.test(spelled(read.text))) return { unknown: `${rc} changes which dependencies pnpm builds` };
  }
  const set = settingInstruction(file, install.inst);
  return set === null ? { only } : { unknown: set };
}

/** Settings that let more dependencies build than the allow lists name, or name them elsewhere. */
const OTHER_SETTINGS = ['neverBuiltDependencies', 'dangerouslyAllowAllBuilds', 'onlyBuiltDependenciesFile'];

/**
 * Adds to `only` what a settings object (package.json's `pnpm` field, pnpm-workspace.yaml) allows to
 * build: `onlyBuiltDependencies` and, from pnpm 10.26, `allowBuilds` (a map of package to true or
 * false). Why it cannot be read, or null.
 */
function allowedBy(settings: Record<string, unknown>, where: string, only: Set<string>): string | null {
  for (const key of OTHER_SETTINGS) if (key in settings) return `${where}${key}`;
  const list = settings['onlyBuiltDependencies'];
  if (list !== undefined && list !== null) {
    if (!Array.isArray(list) || list.some((n) => typeof n !== 'string')) return `${where}onlyBuiltDependencies in a form dockshift does not read`;
    for (const n of list as string[]) only.add(packageName(n));
  }
  const map = settings['allowBuilds'];
  if (map !== undefined && map !== null) {
    if (typeof map !== 'object' || Array.isArray(map)) return `${where}allowBuilds in a form dockshift does not read`;
    // Only `false` forbids; any other value is taken to allow.
    for (const [n, allow] of Object.entries(map)) if (allow !== false) only.add(packageName(n));
  }
  return null;
}

/** Where pnpm finds the user's and the global .npmrc in the images it runs on (root's home, node's, the Node prefix's etc). */
const USER_CONFIGS = ['/root/.npmrc', '/home/node/.npmrc', '/usr/local/etc/npmrc', '/etc/npmrc', '/root/.config/pnpm/rc', '/home/node/.config/pnpm/rc'];

/** The settings that decide which dependencies pnpm builds, as spelled() writes any of their forms (camelCase, kebab-case, a variable), and the command that approves builds. */
const BUILD_SETTING = /only-?built-?dependencies|never-?built-?dependencies|allow-?(?:all-?)?builds?\b|approve-?builds/;

function spelled(text: string): string {
  return text.toLowerCase().replace(/_/g, '-');
}

/** The text of a file the build puts at `path` before `inst`, null when none does, or why it cannot be read. */
function imageFile(file: ParsedDockerfile, inst: Instruction, path: string, ctx: BuildContext | null): { text: string | null } | { unknown: string } {
  const origin = originOf(file, inst, path, ctx);
  // Not put there by a COPY: absent, or written by a RUN, whose words settingInstruction reads.
  if (origin === null) return { text: null };
  if (origin.kind === 'context') return { text: ctx?.read(origin.path) ?? null };
  const why = origin.kind === 'stage' ? `it comes from ${origin.image}` : origin.kind === 'download' ? `it is downloaded from ${origin.url}` : unreadOrigin(origin);
  return { unknown: `pnpm reads ${path}, and ${why}` };
}

/**
 * An ENV, ARG or RUN up to `install`'s (in its stage and those it is built on) that names a build
 * setting (`npm_config_dangerously_allow_all_builds`, `--allow-build`, `pnpm config set`, a
 * pnpm-workspace.yaml written by a RUN), or mounts an .npmrc whose text the context does not hold:
 * why, or null.
 */
function settingInstruction(file: ParsedDockerfile, inst: Instruction): string | null {
  const stage = file.stages[inst.stage];
  if (stage === undefined) return null;
  for (const s of stageLineage(file, stage)) {
    const scripts = new Map(runScripts(file, s).map((r) => [r.inst, r.text]));
    for (const i of s.instructions) {
      if (i.index > inst.index || (i.keyword !== 'ENV' && i.keyword !== 'ARG' && i.keyword !== 'RUN')) continue;
      const text = `${file.text.slice(i.span.start, i.span.end)}\n${scripts.get(i) ?? ''}`;
      if (BUILD_SETTING.test(spelled(text))) return `line ${i.line} sets which dependencies pnpm builds in a way dockshift does not follow`;
      if (i.keyword === 'RUN' && /\btarget=[^\s,]*(?:npmrc|pnpm\/rc)\b/.test(text)) return `line ${i.line} mounts an .npmrc whose settings are not in the build context`;
    }
  }
  return null;
}

/**
 * The major version of the pnpm that runs `install`: the version a runner asks for (`npx pnpm@10
 * install`, `corepack pnpm@10 install`; an unversioned or `latest` one is unknown, except corepack's,
 * which runs what the field below names), else what the stage installed before it
 * (`npm install -g pnpm@10`, `corepack prepare pnpm@10 --activate`), and the project's
 * `packageManager` field (or `devEngines.packageManager`), once some pnpm is there: corepack's
 * pnpm obeys it, and pnpm 10 itself switches to the version it names (manage-package-manager-versions
 * is on by default), so `npm install -g pnpm@10` with `pnpm@9.15.0` there runs pnpm 9. A reason
 * (a string) when nothing says, a version cannot be read, or two say otherwise.
 */
function pnpmMajor(file: ParsedDockerfile, install: StageCommand, pkg: Readonly<Record<string, unknown>> | null, ctx: BuildContext | null): number | string {
  // Each major named, with what first names it.
  const majors = new Map<number, string>();
  const add = (major: number, by: string) => majors.has(major) || majors.set(major, by);
  let corepack = false;
  // `npx pnpm@9 install`, `corepack pnpm install`: the runner's pnpm runs it, not one the stage installed.
  const own = install.command === null ? null : recognise(install.command);
  const runner = own?.kind === 'package' ? own.runner : null;
  if (runner !== null) {
    if (runner.version !== null) {
      const major = majorOf(`pnpm@${runner.version}`);
      if (major === null) return `\`${install.text}\` does not say which pnpm`;
      add(major, `\`${install.text}\``);
    } else if (runner.versioned) return `\`${install.text}\` names pnpm's version through a variable`;
    else if (runner.tool === 'corepack') corepack = true;
    else return `\`${install.text}\` runs whichever pnpm ${runner.tool} finds or fetches`;
  }
  // The install's stage and those it is built on, whichever stages the caller analyses.
  const before = runner !== null ? [] : stageLineage(file, file.stages[install.inst.stage]!)
    .reverse()
    .flatMap((s) => stageCommands(file, s, ctx).commands)
    .filter((o) => !o.runtime && (o.inst.index < install.inst.index || (o.inst === install.inst && o.order < install.order)));
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
        add(major, `\`${o.text}\``);
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
      add(major, `\`${o.text}\``);
    }
  }
  // The field alone proves no pnpm: a base image's may be one that ignores it.
  if (corepack || majors.size > 0) {
    const field = pkg?.['packageManager'];
    if (typeof field === 'string' && field.startsWith('pnpm@')) {
      const major = majorOf(field);
      if (major === null) return `package.json's packageManager (${field}) does not say which pnpm`;
      add(major, "package.json's packageManager");
    }
    const engines = record(pkg?.['devEngines'])['packageManager'];
    for (const e of Array.isArray(engines) ? engines : engines === undefined ? [] : [engines]) {
      const { name, version } = record(e);
      if (name !== 'pnpm') continue;
      const major = typeof version === 'string' ? majorOf(`pnpm@${version}`) : null;
      if (major === null) return `package.json's devEngines.packageManager does not say which pnpm`;
      add(major, "package.json's devEngines.packageManager");
    }
  }
  if (majors.size === 0) return 'which pnpm runs the install is not known';
  if (majors.size > 1) return `more than one pnpm is named: ${[...majors].map(([m, by]) => `${m} by ${by}`).join(', ')}`;
  return [...majors.keys()][0]!;
}

/** `pnpm@10.4.1`, `pnpm@^10`, `pnpm@10.x+sha512.…` → 10; null for `pnpm`, `pnpm@latest`, a range across majors. */
function majorOf(spec: string): number | null {
  const m = /^pnpm@[\^~=v]?(\d+)(?:\.(?:\d+|x|\*)){0,2}(?:[-+][\w.+-]*)?$/.exec(spec);
  return m === null ? null : Number(m[1]);
}
