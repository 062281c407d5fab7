import { countBefore } from '../sorted.js';
import type { Instruction, ParsedDockerfile, Stage } from './types.js';
import { FileMemo, Memo } from '../memo.js';
import { globalArgs, resolveBase } from './variables.js';
import { ARTIFACT_STAGE, DEVELOPMENT_STAGE, TEST_STAGE } from '../knowledge/stageNames.js';

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

/**
 * Base images that only exist for Windows, whose default shell is cmd.exe (or the PowerShell their own
 * Dockerfile set: the .NET Framework SDK and ASP.NET images do): a Windows repository or tag
 * (`golang:windowsservercore`, `mcr.microsoft.com/powershell:nanoserver-1809`, `node:20-windowsservercore`),
 * a repository with no Linux image (.NET Framework's, and the old Docker Hub `microsoft/iis`,
 * `microsoft/aspnet`, `microsoft/dotnet-framework`, `microsoft/wcf`), or one named for Windows
 * (`stefanscherer/node-windows`, whose own Dockerfile sets PowerShell as its SHELL; `mssql-server-windows-express`).
 */
const WINDOWS_IMAGE =
  /(?:^|[/:])(?:windows|windowsservercore|nanoserver|servercore)(?:\/|$|:)|mcr\.microsoft\.com\/windows|-windowsservercore|-nanoserver|windowsservercore-|nanoserver-|(?:^|\/)dotnet\/framework\/|^(?:docker\.io\/)?microsoft\/(?:iis|aspnet|dotnet-framework|wcf)(?:$|:|@)|-windows(?:-[\w.]+)?(?:$|:|@)/i;

/** Stages this stage builds on, nearest first, including itself. */
export function stageLineage(file: ParsedDockerfile, stage: Stage): Stage[] {
  const chain: Stage[] = [stage];
  for (let current = parentStage(file, stage); current !== null; current = parentStage(file, current)) chain.push(current);
  return chain;
}

/** The stage a stage's FROM names, or null. A FROM can only name an earlier stage, so a lineage always ends. */
export function parentStage(file: ParsedDockerfile, stage: Stage): Stage | null {
  if (stage.base.kind !== 'stage') return null;
  const parent = file.stages[stage.base.stage];
  return parent !== undefined && parent.index < stage.index ? parent : null;
}

/** A value worked out for a stage of a parsed file once, when first asked for, and kept with the file. */
export class PerStage<T> {
  private readonly memo = new FileMemo<(T | undefined)[]>();

  constructor(private readonly make: (file: ParsedDockerfile, stage: Stage) => T) {}

  of(file: ParsedDockerfile, stage: Stage): T {
    let values = this.memo.get(file);
    if (values === undefined) this.memo.set(file, (values = []));
    return (values[stage.index] ??= this.make(file, stage));
  }
}

/**
 * A value for every stage, made from the stage and the value of the stage it is built
 * FROM (null for one FROM an image or scratch), in one walk in file order: a FROM can
 * only name an earlier stage, so the parent's value is always there. What a stage
 * inherits is asked for every instruction; a walk up the lineage each time made a chain
 * of stages quadratic.
 */
export function fromParents<T>(file: ParsedDockerfile, make: (stage: Stage, parent: T | null) => T): T[] {
  const values: T[] = [];
  for (const s of file.stages) {
    const parent = parentStage(file, s);
    values.push(make(s, parent === null ? null : values[parent.index]!));
  }
  return values;
}

/**
 * Facts every stage passes on to the stages built FROM it, worked out once per
 * parsed file in stage order (a parent comes first): asked for every RUN, a walk
 * up the lineage each time made a chain of stages quadratic or worse.
 */
interface Inherited {
  /** The last stage of the lineage: the one FROM an image (or scratch). */
  readonly root: Stage;
  /** The last SHELL of the stage or, without one, of the stages it builds on. */
  readonly shell: Instruction | null;
  /** The same for ENTRYPOINT. */
  readonly entrypoint: Instruction | null;
}

const inheritedByFile = new FileMemo<readonly Inherited[]>();

function inherited(file: ParsedDockerfile, stage: Stage): Inherited {
  let all = inheritedByFile.get(file);
  if (all === undefined) {
    all = fromParents<Inherited>(file, (s, from) => ({
      root: from?.root ?? s,
      shell: stageInstructions(file, s, 'SHELL').at(-1) ?? from?.shell ?? null,
      entrypoint: stageInstructions(file, s, 'ENTRYPOINT').at(-1) ?? from?.entrypoint ?? null,
    }));
    inheritedByFile.set(file, all);
  }
  return all[stage.index]!;
}

/** The last stage of `stage`'s lineage: the one whose FROM names an image, scratch or something unknown. */
export function rootStage(file: ParsedDockerfile, stage: Stage): Stage {
  return inherited(file, stage).root;
}

/** The ENTRYPOINT the stage's image ends with, as the Dockerfile sets it: the stage's last, else the last of the stages it builds on. */
export function lastEntrypoint(file: ParsedDockerfile, stage: Stage): Instruction | null {
  return inherited(file, stage).entrypoint;
}

/** Shells only Windows has: Windows PowerShell and cmd.exe (PowerShell 7, `pwsh`, runs on Linux too). */
const WINDOWS_SHELLS = /^(?:.*[\\/])?(?:powershell|cmd)(?:\.exe)?$/i;
/** A path that starts with a drive letter (`C:\app`, `c:/app`). */
const DRIVE_PATH = /^["']?[A-Za-z]:[\\/]/;

/**
 * hadolint's pragma naming the shell the file's RUNs are written for (\`# hadolint shell=powershell\`), when that is a
 * shell only Windows has: jenkinsci/docker's Windows test Dockerfiles, built on an image of their own, say so this way.
 */
const HADOLINT_WINDOWS_SHELL = /^[ \t]*#[ \t]*hadolint[ \t]+shell=(powershell|cmd)(?:\.exe)?[ \t]*$/im;

/** The Windows shell the file's hadolint pragma names, or null: read once per file, as a search of the text per stage made a chain of stages quadratic. */
const hadolintWindowsShell = new FileMemo<string | false>();

const windowsWhy = new FileMemo<(string | null)[]>();

/**
 * Why a stage is taken for a Windows one, or null: its base image is a Windows one; the escape directive
 * is a backtick, the Windows convention; hadolint's shell pragma names PowerShell or cmd; or it (or a stage it builds on) sets a shell only Windows has or a
 * working folder on a drive, as a Dockerfile for a multi-platform tag's Windows image (`python:3.12`) does.
 */
function windowsEvidence(file: ParsedDockerfile, stage: Stage): string | null {
  let perFile = windowsWhy.get(file);
  if (perFile === undefined) windowsWhy.set(file, (perFile = []));
  if (stage.index in perFile) return perFile[stage.index]!;
  return (perFile[stage.index] = readWindowsEvidence(file, stage));
}

function readWindowsEvidence(file: ParsedDockerfile, stage: Stage): string | null {
  const root = rootStage(file, stage);
  const image = root.base.kind === 'image' ? root.base.ref.raw : root.base.kind === 'unknown' ? root.base.raw : '';
  if (WINDOWS_IMAGE.test(image)) return `a Windows stage (${image})`;
  // `ARG core=mcr.microsoft.com/windows/servercore:ltsc2022` then `FROM $core`: what the build uses unless told otherwise.
  const byDefault = image.includes('$') ? (resolveBase(file, root)?.text ?? null) : null;
  if (byDefault !== null && WINDOWS_IMAGE.test(byDefault)) return `a Windows stage (${image}, ${byDefault} by default)`;
  if (file.escape === '`') return 'the escape directive is a backtick, as in Windows Dockerfiles: the stage is taken for a Windows one';
  const pragma = hadolintWindowsShell.of(file, (f) => HADOLINT_WINDOWS_SHELL.exec(f.text)?.[1] ?? false);
  if (pragma !== false) return `the file's \`# hadolint shell=${pragma}\` comment says its RUNs are written for ${pragma}, a shell only Windows has: the stage is taken for a Windows one`;
  let all = lineageWhy.get(file);
  if (all === undefined) lineageWhy.set(file, (all = fromParents<string | null>(file, (s, from) => ownWindowsEvidence(file, s) ?? from)));
  return all[stage.index]!;
}

/**
 * The Windows shell or drive the stage or the stages it builds on set, the stage's own first: worked out
 * once per file in stage order, as a walk up the lineage for each stage made a chain of stages quadratic.
 */
const lineageWhy = new FileMemo<readonly (string | null)[]>();

function ownWindowsEvidence(file: ParsedDockerfile, stage: Stage): string | null {
  for (const inst of stageInstructions(file, stage, 'SHELL', 'WORKDIR', 'COPY', 'ADD')) {
    const args = inst.argsSpan === null ? '' : file.text.slice(inst.argsSpan.start, inst.argsSpan.end).trim();
    if (inst.keyword === 'SHELL' && WINDOWS_SHELLS.test(inst.execArgs?.[0] ?? '')) return `its SHELL runs ${inst.execArgs![0]}, a shell only Windows has: the stage is taken for a Windows one`;
    if (inst.keyword === 'WORKDIR' && DRIVE_PATH.test(args)) return `WORKDIR ${args} is on a Windows drive: the stage is taken for a Windows one`;
    // A stage built on an image named by a build argument (\`FROM \${base}\`) shows Windows by where it copies to.
    if (inst.keyword === 'COPY' || inst.keyword === 'ADD') {
      const destination = inst.execArgs?.at(-1) ?? args.split(/\s+/).at(-1) ?? '';
      if (DRIVE_PATH.test(destination)) return `${inst.keyword} copies to ${destination}, on a Windows drive: the stage is taken for a Windows one`;
    }
  }
  return null;
}

/** Why a stage is taken for a Windows one, for a refusal's reason. */
export function windowsStageWhy(file: ParsedDockerfile, stage: Stage): string {
  return windowsEvidence(file, stage) ?? 'not a Windows stage';
}

/** True when the stage (or what it builds on) runs on Windows. */
export function isWindowsStage(file: ParsedDockerfile, stage: Stage): boolean {
  return windowsEvidence(file, stage) !== null;
}

const byKeyword = new FileMemo<Map<string, readonly Instruction[]>[]>();

/** A stage's instructions with one of `keywords`, in order; found once per parsed file, as they are asked for every RUN or COPY. */
export function stageInstructions(file: ParsedDockerfile, stage: Stage, ...keywords: string[]): readonly Instruction[] {
  let perFile = byKeyword.get(file);
  if (perFile === undefined) byKeyword.set(file, (perFile = []));
  const perStage = (perFile[stage.index] ??= new Map());
  const key = keywords.length === 1 ? keywords[0]! : keywords.join(' ');
  let found = perStage.get(key);
  if (found === undefined) perStage.set(key, (found = stage.instructions.filter((i) => keywords.includes(i.keyword))));
  return found;
}

/** The shell in effect for `inst`: the last SHELL before it in its stage or the stages it builds on. */
export function shellAt(file: ParsedDockerfile, inst: Instruction): EffectiveShell {
  const stage = file.stages[inst.stage];
  if (stage === undefined) return DEFAULT_SHELL;
  const shells = stageInstructions(file, stage, 'SHELL');
  // The last SHELL before inst: shells are in file order.
  let last = shells.length === 0 ? null : (shells[countBefore(shells, (i) => i.index < inst.index) - 1] ?? null);
  if (last === null) {
    const parent = parentStage(file, stage);
    last = parent === null ? null : inherited(file, parent).shell;
  }
  // Asked for every RUN: the shell a SHELL sets is read once.
  if (last !== null) return shellSetBy(last);
  return isWindowsStage(file, stage) ? WINDOWS_SHELL : DEFAULT_SHELL;
}

const setShells = new Memo<Instruction, EffectiveShell>();

function shellSetBy(shell: Instruction): EffectiveShell {
  let effective = setShells.get(shell);
  if (effective === undefined) {
    const argv = shell.execArgs ?? [];
    setShells.set(shell, (effective = { argv, posix: argv.length > 0 && POSIX_SHELLS.test(argv[0]!), setAt: shell }));
  }
  return effective;
}

const byName = new FileMemo<ReadonlyMap<string, Stage>>();

/** The first stage named `name` (case-insensitive), as `COPY --from` and `FROM` find it; looked up for every COPY --from. */
export function stageNamed(file: ParsedDockerfile, name: string): Stage | undefined {
  let names = byName.get(file);
  if (names === undefined) {
    const map = new Map<string, Stage>();
    for (const s of file.stages) if (s.name !== null && !map.has(s.name.toLowerCase())) map.set(s.name.toLowerCase(), s);
    byName.set(file, (names = map));
  }
  return names.get(name.toLowerCase());
}

/**
 * Whether stage `s` is built FROM `t`, directly or through others. The stages form a
 * tree (each under the stage it is built on), numbered once per file in preorder: `s`
 * builds on `t` when its number falls within `t`'s subtree. For questions asked per
 * stage pair, where descendantStages would walk the rest of the file each time.
 */
export function buildsOn(file: ParsedDockerfile, s: Stage, t: Stage): boolean {
  let order = preorders.get(file);
  if (order === undefined) preorders.set(file, (order = preorder(file)));
  return order.first[t.index]! < order.first[s.index]! && order.first[s.index]! <= order.last[t.index]!;
}

const preorders = new FileMemo<{ readonly first: readonly number[]; readonly last: readonly number[] }>();

function preorder(file: ParsedDockerfile): { first: number[]; last: number[] } {
  const children: number[][] = file.stages.map(() => []);
  const roots: number[] = [];
  for (const s of file.stages) {
    const parent = parentStage(file, s);
    if (parent === null) roots.push(s.index);
    else children[parent.index]!.push(s.index);
  }
  const first = new Array<number>(file.stages.length);
  const last = new Array<number>(file.stages.length);
  let next = 0;
  // Depth first without recursion: a chain of stages is as deep as the file is long.
  const stack: { readonly stage: number; child: number }[] = [];
  for (const root of roots) {
    first[root] = next++;
    stack.push({ stage: root, child: 0 });
    while (stack.length > 0) {
      const top = stack.at(-1)!;
      const child = children[top.stage]![top.child++];
      if (child === undefined) {
        last[top.stage] = next - 1;
        stack.pop();
      } else {
        first[child] = next++;
        stack.push({ stage: child, child: 0 });
      }
    }
  }
  return { first, last };
}

/** Stages whose FROM names this one, directly or through others, in file order. */
export function descendantStages(file: ParsedDockerfile, stage: Stage): Stage[] {
  // Stages only build on earlier ones: one walk in file order finds them all.
  const within = new Set<number>([stage.index]);
  const out: Stage[] = [];
  for (const s of file.stages.slice(stage.index + 1)) {
    const parent = parentStage(file, s);
    if (parent !== null && within.has(parent.index)) {
      within.add(s.index);
      out.push(s);
    }
  }
  return out;
}

/**
 * The ENTRYPOINT and CMD instructions in effect at the end of \`stage\`: its own, or inherited from the
 * stages it builds on. An ENTRYPOINT resets the CMD of the stages before it, not one set in its own stage.
 */
export function commandInstructions(file: ParsedDockerfile, stage: Stage): { readonly entrypoint: Instruction | null; readonly cmd: Instruction | null } {
  let entrypoint: Instruction | null = null;
  let cmd: Instruction | null = null;
  for (const s of stageLineage(file, stage).reverse()) {
    const ownEntrypoint = s.instructions.filter((i) => i.keyword === 'ENTRYPOINT').at(-1) ?? null;
    const ownCmd = s.instructions.filter((i) => i.keyword === 'CMD').at(-1) ?? null;
    if (ownEntrypoint !== null) [entrypoint, cmd] = [ownEntrypoint, null];
    if (ownCmd !== null) cmd = ownCmd;
  }
  return { entrypoint, cmd };
}

/**
 * The stages whose contents can end up in the final image: the stages of shippedImages and
 * the stages they build on. (COPY --from only copies named paths, not layers.)
 */
export function shippedStages(file: ParsedDockerfile, targets: ReadonlySet<string> = NO_TARGETS): Set<number> {
  const out = new Set<number>();
  for (const final of shippedImages(file, targets)) for (const l of imageStages(file, final)) out.add(l.index);
  return out;
}

/**
 * The stages whose layers an image made from \`stage\` carries: its lineage and, where that ends in a FROM whose
 * name a build argument completes (\`FROM binaries-$TARGETOS\`), the lineage of each stage it may pick.
 */
export function imageStages(file: ParsedDockerfile, stage: Stage): Stage[] {
  const lineage = stageLineage(file, stage);
  const picked = variableBaseStages(file, lineage.at(-1)!).flatMap((s) => stageLineage(file, s));
  return [...new Set([...lineage, ...picked])];
}

/**
 * The stages that are images the project ships, in file order: what a change for "the final image" (its
 * command, its base, its split into a build and a runtime stage) is made in. The last stage, or
 * with `targets` (stage names the project builds with \`--target\`: analysis/buildTargets.ts) each of
 * those images too. A last stage that only tests the one it builds on (\`FROM app AS test\`: testedStage)
 * is built to run the tests, not shipped: that one is the image, unless \`targets\` names the test stage, or holds
 * LAST_STAGE: the project pushes a build with no \`--target\`, which is the last stage, as \`docker build\` makes it.
 * A last stage named as one to work on or test in (\`FROM app AS debug\`, \`FROM golang AS lint\`), or as one that
 * hands files out of the build (\`export\`, \`upload-artifact\`), where the project publishes other stages, is built
 * for that work: the published ones are the images.
 */
export function shippedImages(file: ParsedDockerfile, targets: ReadonlySet<string> = NO_TARGETS): Stage[] {
  const last = file.stages.at(-1);
  if (last === undefined) return [];
  const published = [...targets].flatMap((t) => (t === LAST_STAGE ? last : (stageNamed(file, t) ?? [])));
  const lastPublished = published.includes(last);
  const tested = testedStage(file);
  const image = tested !== null && !lastPublished ? tested : last;
  const elsewhere = !lastPublished && published.length > 0 && last.name !== null && (DEVELOPMENT_STAGE.test(last.name) || ARTIFACT_STAGE.test(last.name));
  return [...new Set(elsewhere ? published : [image, ...published])].sort((a, b) => a.index - b.index);
}

const NO_TARGETS: ReadonlySet<string> = new Set();

/**
 * Stands among the targets for a build the project publishes with no \`--target\` (\`docker build --push .\`,
 * build-push-action without \`target:\`), which builds the last stage: that one ships, whatever its name says.
 */
export const LAST_STAGE = '';

/**
 * The earlier stages a FROM whose name a build argument completes may build on: `FROM build-${TARGETARCH}`
 * picks `build-amd64` or `build-arm64` by platform, and whichever is picked ships. A name that is only
 * variables (`FROM ${BASE}`, `FROM ${BASE}-${VARIANT}`) is far more often an image than a stage, so it names none.
 * A variable stands for one word of the name: its value holds none of the separators (`-`, `_`, `.`) that
 * stand next to it in the FROM, unless its default does. So `FROM ${BASE}-base` (`ARG BASE=fpm`) picks
 * `fpm-base` or `apache-base`, not `fpm-php-ext-base`, a stage of extensions that the image copies from.
 */
export function variableBaseStages(file: ParsedDockerfile, stage: Stage): Stage[] {
  const { base } = stage;
  const raw = base.kind === 'unknown' ? base.raw : base.kind === 'image' && base.ref.hasVariables ? base.ref.raw : null;
  if (raw === null || !raw.includes('$')) return [];
  // Each literal part is followed by a variable's name (braced, with the default a `:-` gives, or bare), then the next part.
  const parts = raw.split(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?[^}]*\}|\$([A-Za-z_][A-Za-z0-9_]*)/);
  const literals = parts.filter((_, i) => i % 4 === 0) as string[];
  // Only separators around the variables (`${BASE}-${VARIANT}`) could be any image's name.
  if (!/[A-Za-z0-9]/.test(literals.join(''))) return [];
  const globals = globalArgs(file);
  const escape = (p: string) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let pattern = escape(literals[0]!);
  for (let i = 1; i < literals.length; i++) {
    const at = 4 * i - 3;
    const name = parts[at] ?? parts[at + 2]!;
    const given = parts[at + 1] ?? globals.get(name)?.value ?? '';
    const beside = `${literals[i - 1]!.slice(-1)}${literals[i]!.slice(0, 1)}`;
    const kept = [...'-_.'].filter((c) => beside.includes(c) && !given.includes(c));
    pattern += `${kept.length === 0 ? '.' : `[^${kept.map((c) => `\\${c}`).join('')}]`}*${escape(literals[i]!)}`;
  }
  const matcher = new RegExp(`^${pattern}$`, 'i');
  return file.stages.filter((s) => s.index < stage.index && s.name !== null && matcher.test(s.name));
}

/**
 * The stage the last one tests, when the last stage is a test stage: named test (tests, testing) and
 * built FROM an earlier stage of the file. Such a file is built twice, \`--target test\` in CI to run the
 * tests and \`--target app\` for the image it publishes, which is the earlier stage; null otherwise.
 */
export function testedStage(file: ParsedDockerfile): Stage | null {
  const last = file.stages.at(-1);
  if (last === undefined || last.name === null || !TEST_STAGE.test(last.name) || last.base.kind !== 'stage') return null;
  return file.stages[last.base.stage] ?? null;
}
