import type { Instruction, ParsedDockerfile, Stage } from './types.js';

/** The shell that runs shell-form RUN/CMD/ENTRYPOINT at a point in the file. */
export interface EffectiveShell {
  /** The SHELL command line, e.g. ["/bin/sh", "-c"]. */
  readonly argv: readonly string[];
  /** sh, bash, dash, ash, zsh, ksh, busybox sh: shell syntax we can reason about. */
  readonly posix: boolean;
  /** Where it was set: null for the default. */
  readonly setAt: Instruction | null;
}

const DEFAULT_SHELL: EffectiveShell = { argv: ['/bin/sh', '-c'], posix: true, setAt: null };
const WINDOWS_SHELL: EffectiveShell = { argv: ['cmd', '/S', '/C'], posix: false, setAt: null };
const POSIX_SHELLS = /^(?:.*\/)?(?:sh|bash|dash|ash|zsh|ksh|mksh|busybox)$/;

/** Base images whose default shell is cmd.exe. */
const WINDOWS_IMAGE = /(?:^|\/)(?:windows|windowsservercore|nanoserver|servercore)(?:\/|$|:)|mcr\.microsoft\.com\/windows|-windowsservercore|-nanoserver|windowsservercore-|nanoserver-/i;

/** Stages this stage builds on, nearest first, including itself. */
export function stageLineage(file: ParsedDockerfile, stage: Stage): Stage[] {
  const chain: Stage[] = [stage];
  let current = stage;
  while (current.base.kind === 'stage') {
    const parent = file.stages[current.base.stage];
    if (parent === undefined || chain.includes(parent)) break;
    chain.push(parent);
    current = parent;
  }
  return chain;
}

/** True when the stage (or what it builds on) runs on Windows. */
export function isWindowsStage(file: ParsedDockerfile, stage: Stage): boolean {
  if (file.escape === '`') return true;
  const root = stageLineage(file, stage).at(-1)!;
  return root.base.kind === 'image' ? WINDOWS_IMAGE.test(root.base.ref.raw) : root.base.kind === 'unknown' && WINDOWS_IMAGE.test(root.base.raw);
}

const shellsByStage = new WeakMap<ParsedDockerfile, Map<number, readonly Instruction[]>>();

/** A stage's SHELL instructions, found once per parsed file: shellAt is asked for every RUN. */
function shellsOf(file: ParsedDockerfile, stage: Stage): readonly Instruction[] {
  let perFile = shellsByStage.get(file);
  if (perFile === undefined) shellsByStage.set(file, (perFile = new Map()));
  let found = perFile.get(stage.index);
  if (found === undefined) perFile.set(stage.index, (found = stage.instructions.filter((i) => i.keyword === 'SHELL')));
  return found;
}

/** The shell in effect for `inst`: the last SHELL before it in its stage or the stages it builds on. */
export function shellAt(file: ParsedDockerfile, inst: Instruction): EffectiveShell {
  const stage = file.stages[inst.stage];
  if (stage === undefined) return DEFAULT_SHELL;
  for (const s of stageLineage(file, stage)) {
    const shells = shellsOf(file, s).filter((i) => s !== stage || i.index < inst.index);
    const last = shells.at(-1);
    if (last !== undefined) {
      const argv = last.execArgs ?? [];
      return { argv, posix: argv.length > 0 && POSIX_SHELLS.test(argv[0]!), setAt: last };
    }
  }
  return isWindowsStage(file, stage) ? WINDOWS_SHELL : DEFAULT_SHELL;
}

/** Stages whose FROM names this one, directly or through others. */
export function descendantStages(file: ParsedDockerfile, stage: Stage): Stage[] {
  return file.stages.filter((s) => s !== stage && stageLineage(file, s).includes(stage));
}

/**
 * The stages whose contents can end up in the final image: the last stage and
 * the stages it builds on. (COPY --from only copies named paths, not layers.)
 */
export function shippedStages(file: ParsedDockerfile): Set<number> {
  const last = file.stages.at(-1);
  return new Set(last === undefined ? [] : stageLineage(file, last).map((s) => s.index));
}
