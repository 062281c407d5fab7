/**
 * What a stage has at a point of its build, as far as the Dockerfile and the
 * knowledge base tell: the programs that download (curl, wget) and the CA
 * bundle https needs, the user RUNs run as, and the system package manager.
 * Something counts as there when the base image has it, or a RUN before the
 * point installed or ran it for sure (the RUN fails otherwise) and no later RUN
 * may have removed it.
 */
import { fromParents, parentStage, rootStage, stageInstructions, stageLineage } from '../dockerfile/stages.js';
import type { Instruction, ParsedDockerfile, Stage } from '../dockerfile/types.js';
import { resolveBase } from '../dockerfile/variables.js';
import type { BuildContext } from '../engine/context.js';
import { baseOf } from './base.js';
import { keepsRecommends, systemInstalls } from './installs.js';
import { preview } from './preview.js';
import { downloadToolsOf, INSTALL_BRINGS_CA_CERTIFICATES, yumIsDnfIn, type IdentifiedImage } from '../knowledge/index.js';
import { errexitBefore, recogniseAll, runBody, unEditedScripts, type RunBody, type SimpleCommand } from '../shell/index.js';
import type { PackageManager } from '../shell/types.js';
import { countBefore } from '../sorted.js';
import { FileMemo } from '../memo.js';
import { foreignArchitecture, packageOperandName } from '../knowledge/packageNames.js';

export type DownloadTool = 'curl' | 'wget';
type Tracked = DownloadTool | 'ca-certificates';

/** Why something is known to be there: `the base image python:3.12 has curl`, `` `RUN apt-get install -y curl` installs curl ``. */
export interface Evidence {
  readonly how: string;
  /** Brought by apt as a recommended package: an autoremove may take it away again. */
  readonly recommended?: boolean;
}

export interface DownloadToolsAt {
  readonly curl: Evidence | null;
  readonly wget: Evidence | null;
  readonly caCertificates: Evidence | null;
  /** The base image as the knowledge base knows it, or null (scratch, unknown, a build argument). */
  readonly baseImage: IdentifiedImage | null;
}

/** The image the stage's lineage starts FROM, as the knowledge base knows it. */
export function knownBaseImage(file: ParsedDockerfile, stage: Stage): IdentifiedImage | null {
  const base = baseOf(file, rootStage(file, stage));
  return base.kind === 'image' ? base.image : null;
}

/**
 * Whether \`yum\` in the stage is dnf under its old name: on an image the knowledge base knows installs with
 * dnf (Fedora 22 and later, RHEL 8 and later with UBI, Rocky, Alma, Oracle Linux 8 and later, Amazon Linux 2023),
 * and on one with microdnf alone (ubi-minimal, oraclelinux's -slim) of such a release, where the stage (or one it
 * builds on) installed yum with microdnf: that yum is the release's, dnf's.
 * False where yum is yum 3 (CentOS and RHEL 7, Amazon Linux 2) and where the image is not known.
 */
export function yumIsDnf(file: ParsedDockerfile, stage: Stage): boolean {
  const image = knownBaseImage(file, stage);
  if (image?.facts.packageManager === 'dnf') return true;
  const release = image?.release.release ?? null;
  return image?.facts.packageManager === 'microdnf' && release !== null && yumIsDnfIn(release) && installsYumWithMicrodnf(file, stage);
}

/** A RUN of the stage, or of a stage it builds on, installs the yum package with microdnf (\`microdnf install -y yum\`). */
function installsYumWithMicrodnf(file: ParsedDockerfile, stage: Stage): boolean {
  return stageLineage(file, stage).some((s) => systemInstalls(file, s, null).some((i) => !i.at.runtime && i.manager === 'microdnf' && i.packages.includes('yum')));
}

/**
 * The text that says which image the stage's lineage starts FROM: that FROM and the
 * ARGs its reference reads. A change decided from what the base image has depends on
 * it, so a base switch in the same pass (slim-base, alpine-base) makes it wait.
 */
export function baseImageText(file: ParsedDockerfile, stage: Stage): { readonly start: number; readonly end: number }[] {
  const root = rootStage(file, stage);
  const args = resolveBase(file, root)?.args ?? [];
  return [root.from.span, ...args.map((a) => a.span)];
}

/** curl, wget and the CA bundle as the stage of `inst` has them right before `inst`. */
export function downloadToolsAt(file: ParsedDockerfile, inst: Instruction): DownloadToolsAt {
  const stage = file.stages[inst.stage];
  if (stage === undefined) return { curl: null, wget: null, caCertificates: null, baseImage: null };
  const { tools } = stateBefore(file, stage, inst);
  return { curl: tools.get('curl') ?? null, wget: tools.get('wget') ?? null, caCertificates: tools.get('ca-certificates') ?? null, baseImage: knownBaseImage(file, stage) };
}

/** What a stage has at a point of its build: the tracked programs, and what each `apk add --virtual` group brought. */
interface ToolState {
  readonly tools: Map<Tracked, Evidence>;
  readonly groups: Map<string, Tracked[]>;
}

/** A stage's RUNs read up to (not including) `stage.instructions[next]`. */
interface Reader {
  readonly state: ToolState;
  next: number;
}

/**
 * Per parsed file: the state each stage hands to the stages built on it, and per
 * stage the reader of the last question. Questions come RUN after RUN in file
 * order, so each RUN of a lineage is read about once, not once per question: a
 * chain of stages, or a stage of many ADDs, was quadratic. A question before the
 * reader's place starts the stage again (right, only slower).
 */
interface ToolReading {
  readonly handedOn: (ToolState | undefined)[];
  readonly readers: Map<number, Reader>;
}

const readings = new FileMemo<ToolReading>();

function stateBefore(file: ParsedDockerfile, stage: Stage, inst: Instruction): ToolState {
  let reading = readings.get(file);
  if (reading === undefined) readings.set(file, (reading = { handedOn: [], readers: new Map() }));
  let reader = reading.readers.get(stage.index);
  const read = reader === undefined ? 0 : reader.next;
  if (reader === undefined || (read > 0 && stage.instructions[read - 1]!.index >= inst.index)) {
    reader = { state: startState(file, stage, reading), next: 0 };
    reading.readers.set(stage.index, reader);
  }
  readRuns(file, stage, reader, inst.index);
  return reader.state;
}

/** Reads the stage's RUNs on from where the reader stopped, up to the instruction at file index `before`. */
function readRuns(file: ParsedDockerfile, stage: Stage, reader: Reader, before: number): void {
  for (; reader.next < stage.instructions.length; reader.next++) {
    const i = stage.instructions[reader.next]!;
    if (i.index >= before) break;
    if (i.keyword === 'RUN') readRun(file, i, reader.state.tools, reader.state.groups);
  }
}

/** The state a stage starts with: its parent's at the parent's end, or the base image's. */
function startState(file: ParsedDockerfile, stage: Stage, reading: ToolReading): ToolState {
  const parent = parentStage(file, stage);
  if (parent !== null) {
    // Stages up the lineage whose end is not known yet, nearest first, then read from the top down.
    const unknown: Stage[] = [];
    for (let s: Stage | null = parent; s !== null && reading.handedOn[s.index] === undefined; s = parentStage(file, s)) unknown.push(s);
    for (const s of unknown.reverse()) {
      const reader: Reader = { state: startState(file, s, reading), next: 0 };
      readRuns(file, s, reader, Infinity);
      reading.handedOn[s.index] = reader.state;
    }
    const end = reading.handedOn[parent.index]!;
    return { tools: new Map(end.tools), groups: new Map(end.groups) };
  }
  const tools = new Map<Tracked, Evidence>();
  const base = knownBaseImage(file, stage);
  if (base !== null) {
    const has = downloadToolsOf(base);
    for (const what of TRACKED) {
      if (what === 'ca-certificates' ? has.caCertificates : has[what]) tools.set(what, { how: `the base image ${base.raw} has ${what}` });
    }
  }
  return { tools, groups: new Map() };
}

const TRACKED: readonly Tracked[] = ['curl', 'wget', 'ca-certificates'];

function readRun(file: ParsedDockerfile, inst: Instruction, state: Map<Tracked, Evidence>, groups: Map<string, Tracked[]>): void {
  const body = runBody(file, inst);
  if (!body.ok) {
    // A body the shell layer does not read proves nothing installed, and may remove anything.
    const texts = body.code === 'no-body' || body.code === 'not-shell-instruction' ? [] : unEditedScripts(file, inst, body.code);
    if (texts.some((t) => /\b(?:remove|purge|autoremove|autopurge|del|erase)\b/.test(t))) state.clear();
    return;
  }
  let quoted: string | undefined;
  // Only evidence quotes the RUN; most RUNs give none.
  const shown = (): string => (quoted ??= preview(file, inst));
  for (const command of body.parsed.commands) {
    if (command.name === 'apt-mark' && command.args.includes('auto')) state.clear(); // autoremove may take anything then
  }
  for (const r of recogniseAll(body.parsed)) {
    if (r.kind === 'package') {
      // conda's packages go into an environment, on PATH only where that one is; its ca-certificates is not the system's bundle.
      if (r.manager === 'conda' || r.manager === 'mamba' || r.manager === 'micromamba') continue;
      if (r.action === 'install' && certain(body, r.command)) {
        const names = r.operands.map((w) => (w.value === null || foreignArchitecture(w.value) ? null : packageOperandName(w.value)));
        const installed = names.filter((n): n is Tracked => n !== null && (TRACKED as readonly string[]).includes(n));
        for (const n of installed) state.set(n, { how: `${shown()} installs ${n}` });
        const brings = r.manager === 'apt' || r.manager === 'apk' ? INSTALL_BRINGS_CA_CERTIFICATES[r.manager] : null;
        const recommends = keepsRecommends(r);
        const bringer = installed.find((n) => brings?.packages.includes(n) === true);
        const bringsCa = brings !== null && bringer !== undefined && !state.has('ca-certificates') && (!brings.throughRecommends || recommends);
        if (bringsCa) state.set('ca-certificates', { how: `${shown()} installs ${bringer}, which brings ca-certificates`, recommended: brings.throughRecommends });
        // `apk del` of a virtual group also removes the dependencies its members pulled in.
        const group = r.manager === 'apk' ? r.optionValue('-t', '--virtual') : undefined;
        if (typeof group === 'string') groups.set(group, bringsCa ? [...installed, 'ca-certificates'] : installed);
      } else if (r.action === 'remove') {
        const autoremove = r.subcommand.some((w) => /^auto(?:remove|purge)$/.test(w.value ?? '')) || r.hasFlag('--auto-remove', '--autoremove');
        if (autoremove && state.get('ca-certificates')?.recommended === true) state.delete('ca-certificates');
        for (const w of r.operands) {
          if (w.value === null || w.pattern) {
            state.clear();
            break;
          }
          const name = packageOperandName(w.value);
          for (const member of groups.get(name) ?? []) state.delete(member);
          if ((TRACKED as readonly string[]).includes(name)) state.delete(name as Tracked);
        }
      }
    } else if (r.kind === 'download' && certain(body, r.command)) {
      state.set(r.tool, { how: `${shown()} runs ${r.tool}` });
      const verifies = !r.hasFlag('-k', '--insecure', '--no-check-certificate');
      if (verifies && r.urls.some((u) => /^["']?https:\/\//i.test(u.value ?? u.raw)) && !state.has('ca-certificates')) {
        state.set('ca-certificates', { how: `${shown()} downloads over https with ${r.tool}` });
      }
    }
  }
}

/**
 * The RUN only succeeds when `command` ran and succeeded: it stands directly in a
 * top-level `&&` list, and that list is the body's last, or errexit is on and the
 * command ends its list (`set -e` ignores a failure on the left of `&&`).
 */
export function certain(body: RunBody, command: SimpleCommand): boolean {
  if (command.enclosing.length > 0 || command.background || command.negated) return false;
  const statements = body.parsed.statements;
  const statement = statements[command.statement];
  if (statement === undefined || statement.operators.some((o) => o !== '&&') || statement.separator === '&') return false;
  if (command.statement === statements.length - 1) return true;
  const isLast = statement.items.at(-1)?.command === command;
  return isLast && errexitBefore(body, command.statement);
}

/**
 * The user a RUN at `inst` runs as: the last USER before it in its stage lineage (`inst`: that USER, whose
 * text is as written), else the base image's, else null (unknown).
 */
export function userAt(file: ParsedDockerfile, inst: Instruction): { readonly user: string; readonly from: string; readonly inst: Instruction | null } | null {
  const stage = file.stages[inst.stage];
  if (stage === undefined) return null;
  const parent = parentStage(file, stage);
  const last = lastUser(file, stage, inst.index) ?? (parent === null ? null : usersHandedOn(file)[parent.index]!);
  if (last !== null) return { user: file.text.slice(last.argsSpan!.start, last.argsSpan!.end).trim(), from: preview(file, last), inst: last };
  const base = knownBaseImage(file, stage);
  if (base !== null) return { user: base.facts.user.name, from: `the base image ${base.raw}`, inst: null };
  return rootStage(file, stage).base.kind === 'scratch' ? { user: 'root', from: 'scratch', inst: null } : null;
}

/** The stage's last USER with an argument before file index `before`. */
function lastUser(file: ParsedDockerfile, stage: Stage, before: number): Instruction | null {
  const users = stageInstructions(file, stage, 'USER');
  for (let k = countBefore(users, (i) => i.index < before) - 1; k >= 0; k--) if (users[k]!.argsSpan !== null) return users[k]!;
  return null;
}

const usersByFile = new FileMemo<readonly (Instruction | null)[]>();

/** The USER in effect at the end of each stage, worked out once per file in stage order (a parent comes first). */
function usersHandedOn(file: ParsedDockerfile): readonly (Instruction | null)[] {
  let users = usersByFile.get(file);
  if (users === undefined) {
    users = fromParents<Instruction | null>(file, (s, parent) => lastUser(file, s, Infinity) ?? parent);
    usersByFile.set(file, users);
  }
  return users;
}

/** `root`, `0`, `root:root`, `0:0`. */
export function isRoot(user: string): boolean {
  return /^(?:root|0)(?::(?:root|0))?$/.test(user);
}

/** The system package manager the stage's lineage first installs with at build time (`apt-get install`, `apk add`). */
export function packageManagerInUse(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null): { readonly manager: PackageManager; readonly at: Instruction } | null {
  for (const s of stageLineage(file, stage).reverse()) {
    const first = systemInstalls(file, s, ctx).find((i) => !i.at.runtime);
    if (first !== undefined) return { manager: first.manager, at: first.at.inst };
  }
  return null;
}
