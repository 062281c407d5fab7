import type { PropertyInstruction } from 'dockerfile-ast';
import { stageLineage } from '../src/dockerfile/stages.js';
import type { Instruction, ParsedDockerfile } from '../src/dockerfile/types.js';
import { change, defineTransform, refusal, type Finding } from '../src/engine/types.js';
import {
  BODY_REFUSALS,
  cacheMounts,
  fileStart,
  insertFlag,
  packageCommands,
  parseScript,
  removeCommand,
  runBody,
  unEditedScripts,
  type PackageCommand,
  type RunBody,
  type ShellScript,
} from '../src/shell/index.js';

type Options = { noInstallRecommends: boolean };

/**
 * Package managers keep caches and extras nobody asked for: apt pulls in
 * recommended packages, apk and pip keep downloaded indexes and archives, gem
 * builds documentation. Each has a flag that turns this off for one command;
 * adding it is a single insertion that changes no control flow.
 */
export default defineTransform<Options>({
  meta: {
    name: 'install-flags',
    summary: 'Add --no-install-recommends, --no-cache, --no-cache-dir and --no-document to package installs.',
    docs: `In shell-form RUN instructions of every stage, adds to each install command the flag that keeps
the image small (hadolint DL3015, DL3019, DL3042), right after the install word:
- \`apt-get install\` / \`apt install\` get \`--no-install-recommends\`, unless the command already has it,
  has \`--install-recommends\`, or sets \`-o APT::Install-Recommends=…\` itself.
  **This can change what is installed**: packages that were only pulled in as recommendations
  (ca-certificates, locales, a compiler…) are no longer installed, and a build or program that
  relied on one breaks until it is named explicitly. Review the diff; turn this part off with
  \`-o install-flags.noInstallRecommends=false\`.
- \`apk add\` gets \`--no-cache\`. An \`apk update\` in the same RUN then only leaves an index in the
  layer, so it is removed when it is a plain \`apk update\` (\`-q\` allowed) in the RUN's top-level
  \`&&\`/\`;\` list and every other apk command there is an \`apk add\` that has or gets \`--no-cache\`
  or an \`apk del\` (which reads no index). Otherwise it stays and \`apk-update-kept\` says why.
- \`pip install\` (pip, pip3, \`python -m pip\`, \`python3 -m pip\`) gets \`--no-cache-dir\`, unless the
  stage (or a stage it builds on) sets \`PIP_NO_CACHE_DIR\` by ENV (or by ARG in the stage itself)
  before the RUN, the command sets it, or it passes \`--cache-dir\`.
- \`gem install\` gets \`--no-document\`, unless it has \`--no-document\`/\`-N\`, \`--no-rdoc\`/\`--no-ri\` or
  \`--document\`.
Commands inside \`if\`, loops, subshells and pipelines are flagged; commands inside \`$(…)\` and
commands whose name comes from a variable are left alone.

Refuses, leaving the command as it is:
- \`cache-mount\`: the RUN mounts a BuildKit cache on pip's cache (\`/root/.cache/pip\`, \`~/.cache\`…)
  or on \`/var/cache/apk\`. The cache mount already keeps the cache out of the layer and speeds up
  rebuilds; \`--no-cache-dir\`/\`--no-cache\` would defeat it.
- \`apk-update-kept\`: an \`apk update\` that cannot go (see above).
- \`exec-form\`, \`heredoc\`, \`non-posix-shell\`, \`unparsable-shell\`: a RUN holding an install that
  would get a flag, written in a form the shell layer does not rewrite.`,
    hadolint: ['DL3015', 'DL3019', 'DL3042'],
    defaultEnabled: true,
    options: {
      noInstallRecommends: {
        default: true,
        description: 'Add --no-install-recommends to apt-get/apt install (can change which packages are installed).',
      },
    },
    touches: { instructions: { RUN: ['edit'] } },
    refusals: {
      'cache-mount': 'a BuildKit cache mount already keeps the cache out of the layer; the flag would defeat it',
      'apk-update-kept': 'an apk update that cannot be removed',
      'exec-form': BODY_REFUSALS['exec-form'],
      heredoc: BODY_REFUSALS.heredoc,
      'non-posix-shell': BODY_REFUSALS['non-posix-shell'],
      'unparsable-shell': BODY_REFUSALS['unparsable-shell'],
    },
  },
  run(file, { options }) {
    const findings: Finding[] = [];
    for (const inst of file.instructions) {
      if (inst.keyword === 'RUN') findings.push(...forRun(file, inst, options));
    }
    return findings;
  },
});

/** What decides a command's fate besides the command itself. */
interface Context {
  readonly options: Options;
  /** PIP_NO_CACHE_DIR is set by ENV/ARG before this RUN. */
  readonly pipCacheOff: boolean;
  /** A cache mount on pip's cache, or on apk's. */
  readonly pipCacheMount: string | null;
  readonly apkCacheMount: string | null;
}

type Decision =
  | { readonly kind: 'flag'; readonly flag: string; readonly label: string; readonly note: string }
  | { readonly kind: 'refuse'; readonly code: string; readonly reason: string };

/** Every command this transform flags is an `install` or an `add`: most RUNs need no parse. */
const MAY_INSTALL = /\b(?:install|add)\b/;

function forRun(file: ParsedDockerfile, inst: Instruction, options: Options): Finding[] {
  if (!MAY_INSTALL.test(file.text.slice(inst.span.start, inst.span.end))) return [];
  const ctx = context(file, inst, options);
  const body = runBody(file, inst);
  if (!body.ok) {
    if (body.code === 'no-body' || body.code === 'not-shell-instruction') return [];
    const flagged = unEditedScripts(file, inst, body.code).flatMap((script) => wouldFlag(script, ctx));
    if (flagged.length === 0) return [];
    const what = [...new Set(flagged)].join(', ');
    return [refusal(body.at, body.code, `${body.reason}; not adding ${what}`)];
  }

  const findings: Finding[] = [];
  const commands = packageCommands(body.parsed);
  const decided = commands.map((cmd) => ({ cmd, decision: decide(cmd, body.parsed, ctx) }));
  findings.push(...apkUpdates(file, body, decided, ctx));
  for (const { cmd, decision } of decided) {
    if (decision === null) continue;
    const at = fileStart(body, cmd.command.start);
    if (decision.kind === 'refuse') findings.push(refusal(at, decision.code, decision.reason));
    else findings.push(change(at, `${decision.label}: add ${decision.flag}${decision.note}`, [insertFlag(body, cmd.flagAt, decision.flag)]));
  }
  return findings;
}

/** Whether and how one package command gets a flag. Null: nothing to do. */
function decide(cmd: PackageCommand, script: ShellScript, ctx: Context): Decision | null {
  if (cmd.command.enclosing.includes('substitution') || cmd.subcommand.length !== 1) return null;
  const program = cmd.program.value!.slice(cmd.program.value!.lastIndexOf('/') + 1);
  const action = cmd.subcommand[0]!.value;
  const flag = (f: string, label: string, note = ''): Decision => ({ kind: 'flag', flag: f, label, note });
  switch (cmd.manager) {
    case 'apt': {
      if (!ctx.options.noInstallRecommends || (program !== 'apt-get' && program !== 'apt') || action !== 'install') return null;
      if (cmd.hasFlag('--no-install-recommends', '--install-recommends') || setsRecommends(cmd)) return null;
      return flag('--no-install-recommends', `${program} install`, ' (recommended packages are no longer installed; name any the build needs)');
    }
    case 'apk': {
      if (action !== 'add' || cmd.hasFlag('--no-cache')) return null;
      if (ctx.apkCacheMount !== null) return cacheMountRefusal(ctx.apkCacheMount, 'apk', '--no-cache');
      return flag('--no-cache', 'apk add');
    }
    case 'pip': {
      if (action !== 'install' || cmd.hasFlag('--no-cache-dir', '--cache-dir')) return null;
      if (ctx.pipCacheOff || cmd.env.has('PIP_NO_CACHE_DIR') || exportedBefore(script, cmd, 'PIP_NO_CACHE_DIR')) return null;
      if (ctx.pipCacheMount !== null) return cacheMountRefusal(ctx.pipCacheMount, 'pip', '--no-cache-dir');
      return flag('--no-cache-dir', program.startsWith('python') ? `${program} -m pip install` : `${program} install`);
    }
    case 'gem': {
      if (action !== 'install' && action !== 'i') return null;
      if (cmd.hasFlag('--no-document', '-N', '--no-rdoc', '--no-ri', '--document')) return null;
      return flag('--no-document', `gem ${action}`);
    }
    default:
      return null;
  }
}

/** `-o APT::Install-Recommends=…` either way, or an `-o` whose value we cannot read. */
function setsRecommends(cmd: PackageCommand): boolean {
  return cmd.options.some((o) => (o.name === '-o' || o.name === '--option') && (o.value === null || /^APT::Install-Recommends=/i.test(o.value)));
}

/** An `export NAME=…` (or `declare`…) earlier in the script. */
function exportedBefore(script: ShellScript, cmd: PackageCommand, name: string): boolean {
  return script.commands.some((c) => c.declaration && c.start < cmd.command.start && c.assigns.some((a) => a.name === name));
}

function cacheMountRefusal(target: string, tool: string, flag: string): Decision {
  return {
    kind: 'refuse',
    code: 'cache-mount',
    reason: `the RUN mounts a cache on ${target}, which keeps ${tool}'s cache out of the layer; ${flag} would defeat it`,
  };
}

/**
 * `apk update` before `apk add --no-cache` only leaves an index in the layer.
 * Removing it rewrites the list around it (often the whole instruction), so it
 * is its own change, one per RUN per pass; the fixpoint does the rest.
 */
function apkUpdates(
  file: ParsedDockerfile,
  body: RunBody,
  decided: readonly { cmd: PackageCommand; decision: Decision | null }[],
  ctx: Context,
): Finding[] {
  if (ctx.apkCacheMount !== null) return [];
  const apk = decided.filter(({ cmd }) => cmd.manager === 'apk');
  const updates = apk.filter(({ cmd }) => cmd.action === 'update');
  const others = apk.filter(({ cmd }) => cmd.action !== 'update');
  if (updates.length === 0 || !others.some(({ cmd }) => isAdd(cmd))) return [];

  const blocker = others.find(({ cmd, decision }) => {
    if (cmd.subcommand.length === 1 && cmd.subcommand[0]!.value === 'del') return false;
    return !(isAdd(cmd) && (cmd.hasFlag('--no-cache') || decision?.kind === 'flag'));
  });
  const findings: Finding[] = [];
  let removing = false;
  for (const { cmd } of updates) {
    const at = fileStart(body, cmd.command.start);
    const kept = (why: string) => findings.push(refusal(at, 'apk-update-kept', `apk update kept: ${why}`));
    if (blocker !== undefined) {
      kept(`${describe(blocker.cmd)} in the same RUN ${isAdd(blocker.cmd) ? 'keeps using the cache' : 'may need the index it downloads'}`);
      continue;
    }
    const extra = cmd.options.find((o) => o.name !== '-q' && o.name !== '--quiet');
    if (extra !== undefined || cmd.operands.length > 0 || cmd.command.assigns.length > 0 || cmd.command.redirects.length > 0 || cmd.env.size > 0) {
      kept('it has options, variables or redirections other than -q');
      continue;
    }
    const removal = removeCommand(file, body, cmd.command);
    if (!removal.ok) {
      kept(removal.reason);
      continue;
    }
    if (removing) continue; // one structural change per RUN per pass
    removing = true;
    findings.push(change(at, 'apk update: remove (apk add --no-cache reads the index without storing it)', removal.edits));
  }
  return findings;
}

function isAdd(cmd: PackageCommand): boolean {
  return cmd.subcommand.length === 1 && cmd.subcommand[0]!.value === 'add';
}

function describe(cmd: PackageCommand): string {
  return ['apk', ...cmd.subcommand.map((w) => w.value ?? w.raw)].join(' ');
}

/** Variables and cache mounts that decide for pip and apk. */
function context(file: ParsedDockerfile, inst: Instruction, options: Options): Context {
  const vars = variablesBefore(file, inst);
  const cacheDir = vars.get('PIP_CACHE_DIR');
  let pipCacheMount: string | null = null;
  let apkCacheMount: string | null = null;
  for (const m of cacheMounts(inst)) {
    const home = /(?:^|\/)\.cache(?:\/pip)?\/*$/.test(m.target);
    if (pipCacheMount === null && (m.kind === 'pip' || home || (cacheDir != null && sameDir(cacheDir, m.target)))) pipCacheMount = m.target;
    if (apkCacheMount === null && m.kind === 'apk') apkCacheMount = m.target;
  }
  return { options, pipCacheOff: vars.has('PIP_NO_CACHE_DIR'), pipCacheMount, apkCacheMount };
}

function sameDir(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

/**
 * Variables a RUN sees from the Dockerfile: ENV of its stage and the stages it
 * builds on, and ARG of its own stage (an ARG ends with its stage). Values are
 * null when not given.
 */
function variablesBefore(file: ParsedDockerfile, inst: Instruction): Map<string, string | null> {
  const vars = new Map<string, string | null>();
  const stage = file.stages[inst.stage];
  if (stage === undefined) return vars;
  for (const s of stageLineage(file, stage).reverse()) {
    for (const i of s.instructions) {
      if (s === stage && i.index >= inst.index) break;
      if (i.keyword !== 'ENV' && !(i.keyword === 'ARG' && s === stage)) continue;
      for (const p of (i.node as unknown as PropertyInstruction).getProperties()) vars.set(p.getName(), p.getValue());
    }
  }
  return vars;
}

// ---------------------------------------------------------------------------
// RUNs the shell layer does not rewrite: report them only when they hold an
// install that would get a flag.

/** The shell scripts a RUN runs, as far as they can be read from its text. */
/** Install commands of a script that would get a flag, as `apt-get install --no-install-recommends`. */
function wouldFlag(script: string, ctx: Context): string[] {
  const parsed = parseScript(script);
  if (!parsed.ok) return textualInstalls(script, ctx);
  const out: string[] = [];
  for (const cmd of packageCommands(parsed)) {
    const d = decide(cmd, parsed, ctx);
    if (d?.kind === 'flag') out.push(`${d.flag} to ${d.label}`);
  }
  return out;
}

/** For text no shell parser reads: installs found by their words, without their flag anywhere. */
function textualInstalls(script: string, ctx: Context): string[] {
  const rules: [string, RegExp, string, boolean][] = [
    ['apt(?:-get)?\\s+(?:-\\S+\\s+)*install', /-install-recommends|Install-Recommends/i, '--no-install-recommends to apt-get install', ctx.options.noInstallRecommends],
    ['apk\\s+(?:-\\S+\\s+)*add', /--no-cache\b/, '--no-cache to apk add', ctx.apkCacheMount === null],
    ['(?:pip[\\d.]*|python[\\d.]*\\s+-m\\s+pip)\\s+(?:-\\S+\\s+)*install', /-cache-dir|PIP_NO_CACHE_DIR/, '--no-cache-dir to pip install', !ctx.pipCacheOff && ctx.pipCacheMount === null],
    ['gem\\s+install', /--no-document|--no-r(?:doc|i)\b|--document|\s-N\b/, '--no-document to gem install', true],
  ];
  // Where a command starts: the beginning, after a list or pipe operator, or after sudo and assignments.
  const start = '(?:^|[;&|({\\n])\\s*(?:sudo\\s+)?(?:\\w+=\\S*\\s+)*(?:[\\w.-]*/)*';
  const installs = (program: string) => new RegExp(`${start}${program}\\b`).test(script);
  return rules.filter(([program, flag, , on]) => on && installs(program) && !flag.test(script)).map(([, , what]) => what);
}
