/**
 * What the final image does when it runs, as far as the Dockerfile says: the
 * program it starts, the user, the working folder, the environment and the
 * exposed ports. The engine compares these before and after every pass, so a
 * transform that was not meant to change how the container runs cannot.
 */
import type { RuntimeFact } from '../engine/types.js';
import { identifyImage } from '../knowledge/identify.js';
import { SHELL_ONLY, splitWords } from '../shell/simpleWords.js';
import { logicalText } from './logical.js';
import { commandInstructions, shellAt, stageLineage } from './stages.js';
import type { Instruction, ParsedDockerfile, Stage } from './types.js';
import { properties, resolveBase } from './variables.js';

export type RuntimeFacts = Readonly<Record<RuntimeFact, string>>;

/**
 * The instructions runtimeFacts reads (stages, the base image and its ARGs, the command and its
 * SHELL, and the facts themselves): a rewrite that changes none of them leaves the facts as they were.
 */
export const RUNTIME_KEYWORDS: ReadonlySet<string> = new Set(['FROM', 'ARG', 'SHELL', 'ENTRYPOINT', 'CMD', 'USER', 'WORKDIR', 'ENV', 'EXPOSE']);

/**
 * The runtime facts of the image \`stage\` builds (by default the file's final stage), each as one
 * comparable string. \`shown\`: as a reviewer reads them, the program by the path the command gives
 * (\`/seed/run.sh\`), where the comparison knows it by name alone.
 */
export function runtimeFacts(file: ParsedDockerfile, shown = false, stage: Stage | undefined = file.stages.at(-1)): RuntimeFacts | null {
  if (stage === undefined) return null;
  const lineage = stageLineage(file, stage).reverse();
  const instructions = lineage.flatMap((s) => s.instructions);
  return {
    command: effectiveCommand(file, lineage, shown),
    user: lastValue(file, instructions, 'USER') ?? '(inherited)',
    workdir: workdir(file, instructions),
    env: env(file, instructions),
    expose: expose(file, instructions),
  };
}

/**
 * ENTRYPOINT and CMD as the argv of the program the container starts. A
 * shell-form command that the shell would only split into words reads as those
 * words (with a leading `exec` dropped), so `CMD node app.js` and
 * `CMD ["node", "app.js"]` are the same command; anything else reads as the
 * SHELL running the script. What the Dockerfile does not set comes from the base
 * image when the knowledge base knows it (an entrypoint that only runs its
 * command drops out), and the program is compared by name: `node` and
 * `/nodejs/bin/node` start the same program.
 */
function effectiveCommand(file: ParsedDockerfile, lineage: readonly Stage[], shown: boolean): string {
  const { entrypoint, cmd } = commandInstructions(file, lineage.at(-1)!);
  const base = baseDefaults(file, lineage[0]!);
  // A shell-form ENTRYPOINT ignores CMD.
  if (entrypoint !== null && entrypoint.form !== 'exec') return describe(argvOf(file, entrypoint), shown);
  const ep = entrypoint !== null ? argvOf(file, entrypoint) : base === null ? null : base.entrypoint;
  const c = cmd !== null ? argvOf(file, cmd) : entrypoint !== null ? [] : base === null ? null : base.cmd;
  if (ep === null || c === null) {
    // Some part comes from an image we do not know: it is the same only under the same base.
    const from = base === null ? `(inherited from ${baseText(file, lineage[0]!)})` : '';
    return JSON.stringify({ entrypoint: ep ?? from, cmd: c ?? from });
  }
  // Compared, an image's entrypoint that runs a command given as its CMD drops out (it starts the same
  // program); shown to a reviewer, it stays, so that an ENTRYPOINT written in front of it reads as that.
  const runsCommand = !shown && entrypoint === null && base !== null && base.entrypointRunsCommand && c.length > 0 && !c[0]!.startsWith('-');
  return describe(runsCommand ? c : [...ep, ...c], shown);
}

function describe(argv: readonly string[], shown: boolean): string {
  if (argv.length === 0 || shown) return JSON.stringify(argv);
  const program = argv[0]!.slice(argv[0]!.lastIndexOf('/') + 1);
  return JSON.stringify([program, ...argv.slice(1)]);
}

interface BaseDefaults {
  readonly entrypoint: readonly string[];
  readonly cmd: readonly string[];
  readonly entrypointRunsCommand: boolean;
}

/** The ENTRYPOINT and CMD the stage's base image brings, when the knowledge base knows them. */
function baseDefaults(file: ParsedDockerfile, root: Stage): BaseDefaults | null {
  if (root.base.kind === 'scratch') return { entrypoint: [], cmd: [], entrypointRunsCommand: false };
  const resolved = resolveBase(file, root);
  const image = resolved?.ref == null ? null : identifyImage(resolved.ref);
  if (image === null) return null;
  return { entrypoint: image.facts.entrypoint ?? [], cmd: image.facts.cmd ?? [], entrypointRunsCommand: image.facts.entrypointRunsCommand };
}

function baseText(file: ParsedDockerfile, root: Stage): string {
  return root.imageSpan === null ? '?' : file.text.slice(root.imageSpan.start, root.imageSpan.end);
}

function argvOf(file: ParsedDockerfile, inst: Instruction): string[] {
  if (inst.form === 'exec') return [...(inst.execArgs ?? [])];
  if (inst.argsSpan === null) return [];
  const script = logicalText(file.text, inst.argsSpan.start, inst.argsSpan.end, file.escape).text;
  const words = splitWords(script);
  if (Array.isArray(words)) {
    const argv = words[0] === 'exec' && !(words[1] ?? '-').startsWith('-') ? words.slice(1) : words;
    if (argv.length > 0 && !SHELL_ONLY.has(argv[0]!) && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[0]!)) return argv;
  }
  return [...shellAt(file, inst).argv, script.trim()];
}

function lastValue(file: ParsedDockerfile, instructions: readonly Instruction[], keyword: string): string | null {
  const inst = instructions.filter((i) => i.keyword === keyword).at(-1);
  return inst === undefined || inst.argsSpan === null ? null : logicalText(file.text, inst.argsSpan.start, inst.argsSpan.end, file.escape).text.trim();
}

function workdir(file: ParsedDockerfile, instructions: readonly Instruction[]): string {
  // The folder's parts, joined by `/` at the end: a string rebuilt at every WORKDIR made a chain of
  // thousands of them quadratic.
  let parts: string[] | null = null;
  for (const inst of instructions) {
    if (inst.keyword !== 'WORKDIR' || inst.argsSpan === null) continue;
    const value = logicalText(file.text, inst.argsSpan.start, inst.argsSpan.end, file.escape).text.trim();
    if (value.startsWith('/') || parts === null) parts = [value];
    else {
      dropTrailingSlashes(parts);
      parts.push(value);
    }
  }
  return parts === null ? '(inherited)' : parts.join('/');
}

/** Takes the trailing slashes off what `parts.join('/')` would give (a part left empty takes its separator with it). */
function dropTrailingSlashes(parts: string[]): void {
  for (;;) {
    const last = parts.at(-1)!;
    let end = last.length;
    while (end > 0 && last[end - 1] === '/') end--;
    if (end === 0 && parts.length > 1) {
      parts.pop();
      continue;
    }
    parts[parts.length - 1] = last.slice(0, end);
    return;
  }
}

function env(file: ParsedDockerfile, instructions: readonly Instruction[]): string {
  const vars = new Map<string, string>();
  for (const inst of instructions) {
    if (inst.keyword !== 'ENV') continue;
    for (const p of properties(file, inst)) vars.set(p.name, p.raw ?? '');
  }
  return [...vars].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join('\n');
}

function expose(file: ParsedDockerfile, instructions: readonly Instruction[]): string {
  const ports = new Set<string>();
  for (const inst of instructions) {
    if (inst.keyword !== 'EXPOSE' || inst.argsSpan === null) continue;
    for (const p of logicalText(file.text, inst.argsSpan.start, inst.argsSpan.end, file.escape).text.trim().split(/\s+/)) {
      if (p !== '') ports.add(p.includes('/') ? p.toLowerCase() : `${p}/tcp`);
    }
  }
  return [...ports].sort().join(' ');
}
