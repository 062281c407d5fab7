/**
 * Packages a stage installs with the system package manager, in order, so an
 * analysis can tell whether a tool was installed before the command that needs it.
 */
import { stageLineage } from '../dockerfile/stages.js';
import type { ParsedDockerfile, Stage } from '../dockerfile/types.js';
import { aptInstalls } from '../knowledge/index.js';
import { recommendsOf } from '../knowledge/recommends.js';
import { recognise } from '../shell/index.js';
import type { PackageCommand, PackageManager } from '../shell/types.js';
import { stageCommands, type StageScan } from './commands.js';
import { Memo } from '../memo.js';
import type { StageCommand } from './types.js';
import type { BuildContext } from '../engine/context.js';
import { foreignArchitecture, packageOperandName } from '../knowledge/packageNames.js';

export interface SystemInstall {
  readonly at: StageCommand;
  readonly manager: PackageManager;
  /** Package names as written (literal operands only). */
  readonly packages: readonly string[];
  /** apt installs what the packages recommend too: no `--no-install-recommends` or `Install-Recommends=false`. */
  readonly recommends: boolean;
}

/** An apt install that also installs what its packages recommend: no \`--no-install-recommends\`, no \`-o APT::Install-Recommends=false\`. */
export function keepsRecommends(r: PackageCommand): boolean {
  return r.manager === 'apt' && !r.hasFlag('--no-install-recommends') && !r.options.some((o) => /Install-Recommends=(?:false|0|no)/i.test(o.value ?? ''));
}

/** The system package installs (apt, apk, yum, dnf, microdnf) a stage runs, in order. */
export function systemInstalls(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null): readonly SystemInstall[] {
  const scan = stageCommands(file, stage, ctx);
  const known = installsOf.get(scan);
  if (known !== undefined) return known;
  const out: SystemInstall[] = [];
  for (const c of scan.commands) {
    if (c.command === null) continue;
    const r = recognise(c.command);
    if (r?.kind !== 'package' || r.action !== 'install') continue;
    if (!['apt', 'apk', 'yum', 'dnf', 'microdnf'].includes(r.manager)) continue;
    const recommends = keepsRecommends(r);
    out.push({ at: c, manager: r.manager, packages: r.operands.map((w) => w.value).filter((v): v is string => v !== null && !v.startsWith('/') && !v.endsWith('.deb')), recommends });
  }
  installsOf.set(scan, out);
  return out;
}

/** By the stage's scan (one per file, stage and build context): installedBefore asks for every command that needs a package. */
const installsOf = new Memo<StageScan, readonly SystemInstall[]>();

/** Is `a` before `b` in build order? Stages built on others run after them. */
export function runsBefore(file: ParsedDockerfile, a: Pick<StageCommand, 'inst' | 'order'>, b: Pick<StageCommand, 'inst' | 'order'>): boolean {
  if (a.inst.stage !== b.inst.stage) {
    const lineage = stageLineage(file, file.stages[b.inst.stage]!);
    return lineage.some((s) => s.index === a.inst.stage);
  }
  return a.inst.index < b.inst.index || (a.inst.index === b.inst.index && a.order < b.order);
}

/**
 * The Debian packages installed before `at` in its stage and the stages it is built on,
 * with what each brings by dependency (`build-essential` brings gcc), and by recommendation
 * when the install keeps recommends on (`apt-get install gcc` brings libc6-dev, and
 * `--no-install-recommends gcc` does not).
 */
export function installedBefore(file: ParsedDockerfile, at: Pick<StageCommand, 'inst' | 'order'>, ctx: BuildContext | null): Set<string> {
  const out = new Set<string>();
  const stage = file.stages[at.inst.stage];
  if (stage === undefined) return out;
  for (const s of stageLineage(file, stage)) {
    for (const install of systemInstalls(file, s, ctx)) {
      if (install.manager !== 'apt' || !runsBefore(file, install.at, at)) continue;
      for (const p of install.packages) {
        // Another architecture's package (\`libpq-dev:arm64\`) is not what the build's own programs use.
        if (foreignArchitecture(p)) continue;
        const name = packageOperandName(p);
        const recommended = install.recommends ? recommendsOf(name).flatMap((f) => f.install) : [];
        for (const q of [name, ...recommended].flatMap(aptInstalls)) out.add(q);
      }
    }
  }
  return out;
}
