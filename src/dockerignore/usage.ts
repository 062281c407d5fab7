/**
 * What the Dockerfiles that share a build context do with it: which stages copy all of
 * it, which paths they name, what their RUNs install, build or call. The .dockerignore
 * proposal keeps anything one of them may use.
 */
import { contextSource, copyArgs, sendsEveryEntry, sourcePattern } from '../dockerfile/copies.js';
import { isPattern } from '../dockerfile/copySources.js';
import { parentStage, stageLineage } from '../dockerfile/stages.js';
import { resolveStage } from '../dockerfile/graph.js';
import type { Instruction, ParsedDockerfile, Stage } from '../dockerfile/types.js';
import { commandUse } from '../deps/commands.js';
import { basename } from '../shell/argv.js';
import { mounts, runBody } from '../shell/index.js';
import type { SimpleCommand } from '../shell/types.js';

/** A Dockerfile that reads the context, by name (null: the one being rewritten). */
export interface SharedDockerfile {
  readonly name: string | null;
  readonly file: ParsedDockerfile;
  /** The stages the project publishes with \`--target\` (analysis/buildTargets.ts): they ship as the last one does. */
  readonly published: ReadonlySet<string>;
}

export interface Place extends SharedDockerfile {
  readonly inst: Instruction;
}

/**
 * `line 7`, or `Dockerfile.prod:7` for another Dockerfile of the context: the engine says the
 * lines a message names (`line 7`) as the input numbers them, and another file's are not the input's.
 */
export function where(at: Place): string {
  return at.name === null ? `line ${at.inst.line}` : `${at.name}:${at.inst.line}`;
}

/** A stage that copies every entry of the context (`COPY . .`, `COPY * /app/`), at that instruction. */
export interface Sender extends Place {
  readonly stage: Stage;
}

/** A context path (or a pattern) that a COPY, ADD or bind mount reads by name. */
export interface Named extends Place {
  readonly source: string;
  /** For a pattern (`*.json`): the paths it matches; null for a literal path. */
  readonly pattern: RegExp | null;
}

export interface ContextUse {
  readonly senders: readonly Sender[];
  readonly named: readonly Named[];
  /** A source only known at build time (`COPY $APP_DIR /app`), or null. */
  readonly unknown: (Place & { readonly raw: string }) | null;
}

export function contextUse(files: readonly SharedDockerfile[]): ContextUse {
  const senders: Sender[] = [];
  const named: Named[] = [];
  let unknown: ContextUse['unknown'] = null;
  for (const shared of files) {
    const { file } = shared;
    for (const inst of file.instructions) {
      if (inst.keyword === 'RUN') {
        for (const m of mounts(inst)) {
          if (m.type !== 'bind' || m.from !== null || m.source === null) continue;
          const source = contextSource({ raw: m.source, value: m.source.includes('$') ? null : m.source });
          if (source === null) unknown ??= { ...shared, inst, raw: m.source };
          else if (source !== '.') named.push({ ...shared, inst, source, pattern: isPattern(source) ? sourcePattern(source) : null });
        }
        continue;
      }
      const copy = copyArgs(file, inst);
      if (copy === null || copy.from !== null) continue;
      for (const word of copy.sources) {
        // An unresolved word keeps its quotes (`"https://…/v${VERSION}.deb"`): a URL all the same.
        const shown = word.value ?? word.raw.replace(/^["']/, '');
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(shown) || /^git@/.test(shown)) continue;
        const source = contextSource(word);
        if (source === null) {
          unknown ??= { ...shared, inst, raw: word.raw };
        } else if (sendsEveryEntry(word)) {
          senders.push({ ...shared, inst, stage: file.stages[inst.stage]! });
        } else {
          named.push({ ...shared, inst, source, pattern: isPattern(source) ? sourcePattern(source) : null });
        }
      }
    }
  }
  return { senders, named, unknown };
}

/**
 * The simple commands of the RUNs after `sender` in its own stage. Stages built on it do not
 * count: another one built on it may use the copied files without running them.
 */
export function commandsAfter(sender: Sender): SimpleCommand[] {
  const { file, stage, inst } = sender;
  return commandsOf(file, stage.instructions.filter((i) => i.index > inst.index));
}

/**
 * The simple commands of the RUNs that may see what `sender` copied: those after it in its own stage,
 * and those of each later stage built on that stage, or after its first COPY --from of it (a monorepo
 * pruned in one stage, \`turbo prune --docker\`, and built in the next from \`COPY --from=pruner /app/out/full/ .\`),
 * and so on from those. For what the build may read; commandsAfter is for what it surely makes again.
 */
export function commandsDownstream(sender: Sender): SimpleCommand[] {
  return commandsOf(sender.file, runsDownstream(sender).map((r) => r.inst));
}

/** A RUN that may see what a sender copied (see commandsDownstream). */
export interface DownstreamRun {
  readonly inst: Instruction;
  /** It runs in the sender's stage or one built on it, so the copied files lie where the copy put them; not in one that copied some of them. */
  readonly inPlace: boolean;
}

/** The RUNs whose commands commandsDownstream gives, in that order. */
export function runsDownstream(sender: Sender): DownstreamRun[] {
  const { file, stage, inst } = sender;
  const runs = (instructions: readonly Instruction[], inPlace: boolean) => instructions.filter((i) => i.keyword === 'RUN').map((i) => ({ inst: i, inPlace }));
  const reached = new Set<number>([stage.index]);
  const built = new Set<number>([stage.index]);
  const later: DownstreamRun[] = [];
  const takesFrom = (i: Instruction): boolean => {
    const from = copyArgs(file, i)?.from ?? null;
    const n = from === null ? null : resolveStage(file, from, i.stage);
    return n !== null && reached.has(n);
  };
  for (const s of file.stages.slice(stage.index + 1)) {
    const parent = parentStage(file, s);
    const first = parent !== null && reached.has(parent.index) ? 0 : s.instructions.findIndex(takesFrom);
    if (first === -1) continue;
    reached.add(s.index);
    if (parent !== null && built.has(parent.index)) built.add(s.index);
    later.push(...runs(s.instructions.slice(first), built.has(s.index)));
  }
  return [...runs(stage.instructions.filter((i) => i.index > inst.index), true), ...later];
}

/** The simple commands of every RUN of the stage and of the stages it is built on, before or after the copy. */
export function commandsInLineage(sender: Sender): SimpleCommand[] {
  const { file, stage } = sender;
  return commandsOf(file, stageLineage(file, stage).flatMap((s) => s.instructions));
}

/** The stage, or one it is built on, brings node_modules from another stage: `COPY --from=deps /app/node_modules …`. */
export function copiesNodeModules(sender: Sender): boolean {
  const { file, stage } = sender;
  return stageLineage(file, stage).some((s) =>
    s.instructions.some((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && i.flags.some((f) => f.name.toLowerCase() === 'from') && /node_modules/.test(file.text.slice(i.span.start, i.span.end))),
  );
}

function commandsOf(file: ParsedDockerfile, instructions: readonly Instruction[]): SimpleCommand[] {
  return instructions.flatMap((i) => {
    if (i.keyword !== 'RUN') return [];
    const body = runBody(file, i);
    return body.ok ? [...body.parsed.commands] : [];
  });
}

export const isNodeInstall = (c: SimpleCommand): boolean => {
  const use = commandUse(c);
  return use.kind === 'install' && ['npm', 'yarn', 'pnpm', 'bun'].includes(use.install.ecosystem);
};

/** `npm run build`, `yarn build`, `pnpm run build`, `bun run build`: the package's build script. */
export const isNodeBuild = (c: SimpleCommand): boolean => {
  const name = c.name === null ? null : basename(c.name);
  const [a, b] = c.args;
  if (name === 'npm' && (a === 'run' || a === 'run-script') && b === 'build') return true;
  if ((name === 'yarn' || name === 'pnpm') && (a === 'build' || (a === 'run' && b === 'build'))) return true;
  // Not `bun build`: that is Bun's bundler, which writes where its --outdir says.
  if (name === 'bun' && a === 'run' && b === 'build') return true;
  return isTaskRunnerBuild(c);
};

/**
 * A monorepo's task runner given the build task, which runs the packages' build scripts: \`turbo run build\`,
 * \`turbo build --filter=www\`, \`nx build www\`, \`nx run www:build\`, \`nx run-many -t build\`; also through a package
 * runner (\`pnpm turbo run build\`, \`npx nx build www\`, \`pnpm exec turbo build\`, \`pnpm dlx turbo@2 build\`).
 */
function isTaskRunnerBuild(c: SimpleCommand): boolean {
  let words = [c.name, ...c.args];
  const runner = words[0] === null || words[0] === undefined ? null : basename(words[0]);
  if (runner === 'npx' || runner === 'bunx') words = words.slice(1);
  else if ((runner === 'pnpm' || runner === 'yarn') && (words[1] === 'exec' || words[1] === 'dlx')) words = words.slice(2);
  else if (runner === 'pnpm' || runner === 'yarn') words = words.slice(1);
  const [tool, ...args] = words;
  const program = tool === null || tool === undefined ? null : basename(tool).replace(/@[^/]*$/, '');
  const tasks = args.filter((w): w is string => w !== null && !w.startsWith('-'));
  if (program === 'turbo') return (tasks[0] === 'run' ? tasks[1] : tasks[0]) === 'build';
  if (program === 'nx') {
    if (tasks[0] === 'build') return true;
    if (tasks[0] === 'run') return /:build(?::|$)/.test(tasks[1] ?? '');
    return tasks[0] === 'run-many' && args.some((w, i) => w === '--target=build' || w === '-t=build' || ((w === '-t' || w === '--target' || w === '--targets') && args[i + 1] === 'build'));
  }
  return false;
}

/**
 * Builds that write target/: `mvn package|install|verify|deploy` (or ./mvnw), `cargo build|install`, and sbt
 * running a task that compiles (`sbt compile`, `sbt clean assembly`, `sbt ";clean;stage"`, `sbt Universal/packageBin`).
 */
export const isTargetBuild = (c: SimpleCommand): boolean => {
  const name = c.name === null ? null : basename(c.name);
  if (name === 'mvn' || name === 'mvnw') return c.args.some((a) => a === 'package' || a === 'install' || a === 'verify' || a === 'deploy');
  if (name === 'cargo') return c.args[0] === 'build' || c.args[0] === 'install';
  if (name === 'sbt') return c.args.some((a) => a !== null && /(?:^|[/;\s])(?:compile|package|packageBin|assembly|stage|dist|publishLocal|test)(?=$|[;\s])/.test(a));
  return false;
};

/**
 * Builds that write _build/: dune's (`dune build|exec|runtest|test`, also through `opam exec -- dune build`) and
 * Mix's (`mix compile`, `mix release`, `mix deps.compile`, `mix do deps.get, compile`).
 */
export const isBuildFolderBuild = (c: SimpleCommand): boolean => {
  const name = c.name === null ? null : basename(c.name);
  const dune = name === 'dune' ? c.args : name === 'opam' && c.args[0] === 'exec' && c.args.includes('dune') ? c.args.slice(c.args.indexOf('dune') + 1) : null;
  if (dune !== null) return ['build', 'exec', 'runtest', 'test'].includes(dune.find((a) => a !== null && !a.startsWith('-')) ?? '');
  if (name === 'mix') return c.args.some((a) => a !== null && /^(?:compile|release|deps\.compile|escript\.build),?$/.test(a));
  return false;
};

/** `mix deps.get` (also in a `mix do`), which fetches deps/ again. */
export const isMixDepsGet = (c: SimpleCommand): boolean => c.name !== null && basename(c.name) === 'mix' && c.args.some((a) => a !== null && /^deps\.get,?$/.test(a));

/** `cabal build|install` (and their v2- and new- spellings), which write dist-newstyle/. */
export const isCabalBuild = (c: SimpleCommand): boolean =>
  c.name !== null && basename(c.name) === 'cabal' && /^(?:(?:v2-|new-)?(?:build|install))$/.test(c.args.find((a) => a !== null && !a.startsWith('-')) ?? '');

/** `stack build|install` (options may come first: `stack --system-ghc build`), which write .stack-work/. */
export const isStackBuild = (c: SimpleCommand): boolean =>
  c.name !== null && basename(c.name) === 'stack' && ['build', 'install'].includes(c.args.find((a) => a !== null && !a.startsWith('-')) ?? '');

/** `dotnet build` and `dotnet publish`, which write bin/ and obj/. */
export const isDotnetBuild = (c: SimpleCommand): boolean => {
  const name = c.name === null ? null : basename(c.name);
  return name === 'dotnet' && (c.args[0] === 'build' || c.args[0] === 'publish' || c.args[0] === 'restore');
};

/** The first instruction (that `only` accepts, when given) whose text names `name` as a path segment, or null. */
export function mentions(files: readonly SharedDockerfile[], name: string, only?: (inst: Instruction) => boolean): Place | null {
  const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return firstMatch(files, new RegExp(`(?:^|[^A-Za-z0-9_.-])${escaped}(?:[^A-Za-z0-9_-]|$)`), only);
}

/** The first instruction (of `keyword`, or that the test accepts, when given) whose text matches. */
export function firstMatch(files: readonly SharedDockerfile[], re: RegExp, only?: string | ((inst: Instruction) => boolean)): Place | null {
  const accepts = only === undefined ? () => true : typeof only === 'string' ? (i: Instruction) => i.keyword === only : only;
  for (const shared of files) {
    for (const inst of shared.file.instructions) {
      if (accepts(inst) && re.test(shared.file.text.slice(inst.span.start, inst.span.end))) return { ...shared, inst };
    }
  }
  return null;
}
