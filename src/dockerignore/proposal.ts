/**
 * The .dockerignore dockshift proposes: only entries that exist in the build context and
 * that no Dockerfile of the context uses. Each candidate has a rule for when it is safe to
 * leave out; a candidate the build may use is kept, with the reason.
 *
 * The list follows what `docker init` and GitHub's gitignore templates (Node, Python,
 * Maven, Rust, VisualStudio, the editor ones) leave out, restricted to what an image cannot
 * need: version control, dependency folders the build installs again, caches, test
 * coverage, logs, local environment files, editor files, and build output the build makes
 * again itself.
 */
import * as path from 'node:path';
import type { BuildContext, ContextEntry } from '../engine/context.js';
import { parseDockerIgnore, type DockerIgnore } from '../engine/dockerignore.js';
import { declaredDependencies } from '../deps/declared.js';
import { readPackageJson } from '../deps/packageJson.js';
import { copySteps } from '../analysis/copiedFiles.js';
import { shippedStages, stageNamed } from '../dockerfile/stages.js';
import { DOTENV_READERS } from '../knowledge/dotenv.js';
import { mounts } from '../shell/mounts.js';
import { gitLine, readsCopiedRepository, runsProgram } from './vcs.js';
import type { SimpleCommand } from '../shell/types.js';
import {
  commandsAfter,
  commandsDownstream,
  commandsInLineage,
  contextUse,
  copiesNodeModules,
  firstMatch,
  isBuildFolderBuild,
  isCabalBuild,
  isDotnetBuild,
  isMixDepsGet,
  isNodeBuild,
  isNodeInstall,
  isStackBuild,
  isTargetBuild,
  mentions,
  where,
  type ContextUse,
  type Sender,
  type SharedDockerfile,
} from './usage.js';

export type Group = 'vcs' | 'dependencies' | 'python' | 'build' | 'tests' | 'logs' | 'env' | 'editor';

const HEADINGS: Readonly<Record<Group, string>> = {
  vcs: 'Version control',
  dependencies: 'Dependencies the build installs itself',
  python: 'Python caches and virtual environments',
  build: 'Build output the build makes again',
  tests: 'Test coverage and caches',
  logs: 'Logs',
  env: 'Local environment files (often secrets)',
  editor: 'Editor and OS files',
};
const ORDER: readonly Group[] = ['vcs', 'dependencies', 'python', 'build', 'tests', 'logs', 'env', 'editor'];

export interface Entry {
  readonly group: Group;
  readonly pattern: string;
}

/** A candidate that stays in the context, and why. */
export interface Kept {
  readonly pattern: string;
  readonly reason: string;
}

export interface Proposal {
  /** In file order; empty when nothing should be left out. */
  readonly entries: readonly Entry[];
  readonly kept: readonly Kept[];
  /** What a reviewer of the proposal should know besides what it leaves out (a .env kept, or one that may be read). */
  readonly notes: readonly string[];
}

interface Facts {
  readonly ctx: BuildContext;
  readonly files: readonly SharedDockerfile[];
  readonly use: ContextUse;
}

/** Null when an occurrence may be left out; otherwise why it stays. */
type Judge = (facts: Facts, entry: ContextEntry) => string | null;

interface Candidate {
  readonly group: Group;
  readonly matches: (ctx: BuildContext, entry: ContextEntry) => boolean;
  readonly keep: Judge;
  /**
   * `name`: one line per base name (`**\/name` when it also occurs below the root);
   * `path`: one line per occurrence, when the rule depends on what lies beside it.
   */
  readonly write: 'name' | 'path';
  /** A folder: the walk lists it but does not enter it. */
  readonly folder: boolean;
}

const named =
  (re: RegExp, kind: 'dir' | 'file' | 'any') =>
  (_: BuildContext, e: ContextEntry): boolean =>
    (kind === 'any' || e.kind === kind) && re.test(path.posix.basename(e.path));

/** A folder with pyvenv.cfg is a virtual environment, whatever its name; its paths point at the machine that made it. */
const isVirtualEnv = (ctx: BuildContext, e: ContextEntry): boolean => e.kind === 'dir' && ctx.kind(`${e.path}/pyvenv.cfg`) === 'file';

const unnamed =
  (label?: string): Judge =>
  ({ files }, entry) => {
    const name = label ?? path.posix.basename(entry.path);
    const at = mentions(files, name);
    return at === null ? null : `${where(at)} names ${name}`;
  };

/** A RUN with a bind mount of the build context (no `from=`) that names `name`: it reads the context's copy. */
const readThroughBindMount =
  (name: string): Judge =>
  ({ files }) => {
    const at = mentions(files, name, (inst) => inst.keyword === 'RUN' && mounts(inst).some((m) => m.type === 'bind' && m.from === null));
    return at === null ? null : `${where(at)} reads ${name} through a bind mount of the build context`;
  };

const everySender =
  (test: (s: Sender) => boolean, what: string): Judge =>
  ({ use }) => {
    const missing = use.senders.find((s) => !test(s));
    return missing === undefined ? null : `the stage that copies the context on ${where(missing)} ${what}`;
  };

const runsAfter = (test: (c: SimpleCommand) => boolean) => (s: Sender) => commandsAfter(s).some(test);

/** A folder a project file beside it says the build writes (`dist` beside package.json). */
const outputOf =
  (name: RegExp, project: RegExp) =>
  (ctx: BuildContext, e: ContextEntry): boolean =>
    named(name, 'dir')(ctx, e) && (ctx.list(path.posix.dirname(e.path)) ?? []).some((f) => f.kind === 'file' && project.test(path.posix.basename(f.path)));

/** Build output is left out only when every stage that copies it makes it again. */
const rebuilt = (test: (c: SimpleCommand) => boolean, what: string): Judge => (facts, entry) =>
  everySender(runsAfter(test), `does not ${what} after it, so the image may use the copied ${path.posix.basename(entry.path)}`)(facts, entry);

/** Tools that read the version from the repository. */
const VCS_VERSIONING = /setuptools[_-]scm|versioneer|hatch-vcs|vcs-versioning|dunamai|poetry-dynamic-versioning|\bpbr\b/;

/** .NET packages and tools that read the version from git: GitVersion, Nerdbank.GitVersioning, MinVer. */
const DOTNET_VCS_VERSIONING = /GitVersion|Nerdbank\.GitVersioning|\bMinVer\b/;

/** Files of the context a text names as a script to run (`node scripts/build.js`, `./version.sh`, `sh tools/v.sh`). */
function namedScripts(ctx: BuildContext, text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?:^|[\s'"=;&|(])((?:\.\/)?[\w.-]+(?:\/[\w.-]+)*\.(?:sh|bash|js|mjs|cjs|ts|py|rb|pl|mk))(?=$|[\s'";&|)])/g)) {
    const rel = path.posix.normalize(m[1]!);
    if (!rel.startsWith('..') && ctx.kind(rel) === 'file') out.add(rel);
  }
  return [...out];
}

/**
 * Why the build may read the repository through a tool, or null: a Makefile a RUN's make reads,
 * a script a RUN or a package.json script runs, that calls git; a Python or .NET versioning tool.
 */
function readsRepository(facts: Facts): string | null {
  const { ctx, files } = facts;
  const runs = files.flatMap(({ file }) => file.instructions.filter((i) => i.keyword === 'RUN').map((i) => file.text.slice(i.span.start, i.span.end)));
  // Named with its place: the RUN may be another Dockerfile's that shares the context.
  const make = files.flatMap((f) => f.file.instructions.filter((i) => i.keyword === 'RUN' && runsProgram(f.file, i, ['make', 'gmake'])).map((inst) => ({ ...f, inst })))[0];
  if (make !== undefined) {
    for (const f of ['GNUmakefile', 'makefile', 'Makefile', ...(ctx.list() ?? []).map((e) => e.path).filter((n) => n.endsWith('.mk'))]) {
      const line = ctx.kind(f) === 'file' ? gitLine(ctx.read(f)) : null;
      if (line !== null) return `the RUN on ${where(make)} runs make, and ${f} runs git (\`${line}\`)`;
    }
  }
  const scripts = scriptValues(ctx.read('package.json'));
  for (const f of new Set([...runs, ...scripts].flatMap((t) => namedScripts(ctx, t)))) {
    const line = gitLine(ctx.read(f));
    if (line !== null) return `${f}, which the build runs, runs git (\`${line}\`)`;
  }
  for (const f of ['pyproject.toml', 'setup.cfg', 'setup.py']) {
    if (VCS_VERSIONING.test(ctx.read(f) ?? '')) return `${f} takes the version from the repository`;
  }
  const dotnet = ctx
    .walk(pruned(ctx))
    .entries.filter((e) => e.kind === 'file' && /\.(?:cs|fs|vb)proj$|^Directory\.(?:Build|Packages)\.props$|^GitVersion\.ya?ml$|^dotnet-tools\.json$/.test(path.posix.basename(e.path)))
    .find((e) => /GitVersion\.ya?ml$/.test(e.path) || DOTNET_VCS_VERSIONING.test(ctx.read(e.path) ?? ''));
  if (dotnet !== undefined) return `${dotnet.path} takes the version from the repository (GitVersion, Nerdbank.GitVersioning or MinVer)`;
  return null;
}

/**
 * The repository stays when the build may read it: a RUN after the copy that brings it runs git (hg, svn, a tool
 * that takes the version from it) where the copy put it, an instruction names it other than to remove it, or a
 * tool of the build reads it (a Makefile, a script, a versioning plugin).
 */
const vcsUnused: Judge = (facts, entry) => {
  const run = readsCopiedRepository(facts.ctx, facts.files, facts.use, path.posix.basename(entry.path));
  if (run !== null) return run;
  if (scriptValues(facts.ctx.read('package.json')).some((v) => /\bgit\b/.test(v))) return 'a script in package.json calls git';
  return readsRepository(facts);
};

/**
 * What the sender copies ends up in the image: its stage ships, or a stage that ships copies from
 * it a folder holding the sender's destination (`COPY --from=build /app /app`; a source only known
 * at build time counts).
 */
function reachesImage(sender: Sender): boolean {
  const { file, stage } = sender;
  const shipped = shippedStages(file, sender.published);
  if (shipped.has(stage.index)) return true;
  const dest = copySteps(file, stage).find((s) => s.inst === sender.inst)?.dest ?? null;
  const holds = (source: string | null) => {
    if (source === null || dest === null) return true;
    const folder = path.posix.normalize(source).replace(/\/+$/, '');
    return folder === '' || folder === '/' || /[*?[]/.test(folder) || dest === folder || dest.startsWith(`${folder}/`);
  };
  return [...shipped].some((i) =>
    copySteps(file, file.stages[i]!).some((step) => step.from !== null && (step.from === String(stage.index) || stageNamed(file, step.from) === stage) && step.sources.some(holds)),
  );
}

/**
 * Whether the app reads `.env` when it starts, from the dependencies declared beside the file (and
 * at the root): `reads` names the manifest and the library; `unknown` says why that cannot be told.
 * Only when the whole context reaches the image: a .env left in a build stage is never run with.
 */
type EnvAtStart = { readonly kind: 'reads'; readonly reason: string; readonly how: string } | { readonly kind: 'unknown'; readonly why: string } | { readonly kind: 'no' };

function envAtStart(facts: Facts, entry: ContextEntry): EnvAtStart {
  if (!facts.use.senders.some(reachesImage)) return { kind: 'no' };
  const dirs = [...new Set([path.posix.dirname(entry.path), '.'])];
  const found = dirs.map((d) => declaredDependencies(facts.ctx, d));
  for (const declared of found) {
    for (const reader of DOTENV_READERS) {
      const manifest = declared.declares(reader.registry, reader.name);
      if (manifest !== null) return { kind: 'reads', reason: `${manifest} names ${reader.name}, which reads .env when the app starts`, how: reader.reads };
    }
  }
  const unreadable = found.flatMap((d) => d.unreadable);
  if (unreadable.length > 0) return { kind: 'unknown', why: `${unreadable[0]!.path} cannot be read (${unreadable[0]!.why})` };
  if (found.every((d) => d.manifests.length === 0)) return { kind: 'unknown', why: 'no dependency manifest dockshift reads (package.json, requirements.txt, pyproject.toml, composer.json, Gemfile, go.mod) lies beside it' };
  return { kind: 'no' };
}

/** The review note for a .env kept because the app reads it when it starts. */
const SECRETS_IN_IMAGE = 'the image then holds .env, and its secrets go to whoever can pull the image: pass the settings when the container starts (`docker run --env-file`, compose `env_file:`) and leave .env out once the app no longer needs the file';

const CANDIDATES: readonly Candidate[] = [
  { group: 'vcs', matches: named(/^\.git$/, 'any'), keep: vcsUnused, write: 'name', folder: true },
  { group: 'vcs', matches: named(/^\.(?:hg|svn)$/, 'dir'), keep: vcsUnused, write: 'name', folder: true },
  {
    group: 'dependencies',
    matches: named(/^node_modules$/, 'dir'),
    keep: (facts, entry) =>
      everySender((s) => commandsInLineage(s).some(isNodeInstall) || copiesNodeModules(s), 'installs no Node packages, so the app may use the copied node_modules')(facts, entry) ??
      readThroughBindMount('node_modules')(facts, entry),
    write: 'name',
    folder: true,
  },
  { group: 'python', matches: named(/^__pycache__$/, 'dir'), keep: unnamed(), write: 'name', folder: true },
  { group: 'python', matches: isVirtualEnv, keep: unnamed(), write: 'path', folder: true },
  { group: 'build', matches: outputOf(/^(?:dist|\.next)$/, /^package\.json$/), keep: rebuilt(isNodeBuild, 'run the package build'), write: 'path', folder: true },
  { group: 'build', matches: outputOf(/^target$/, /^(?:pom\.xml|Cargo\.toml|build\.sbt)$/), keep: rebuilt(isTargetBuild, 'build with Maven, Cargo or sbt'), write: 'path', folder: true },
  { group: 'build', matches: outputOf(/^_build$/, /^(?:dune-project|mix\.exs)$/), keep: rebuilt(isBuildFolderBuild, 'build with dune or Mix'), write: 'path', folder: true },
  { group: 'dependencies', matches: outputOf(/^deps$/, /^mix\.exs$/), keep: rebuilt(isMixDepsGet, 'fetch the Mix dependencies (mix deps.get)'), write: 'path', folder: true },
  { group: 'build', matches: outputOf(/^dist-newstyle$/, /^(?:cabal\.project|.+\.cabal)$/), keep: rebuilt(isCabalBuild, 'build with cabal'), write: 'path', folder: true },
  { group: 'build', matches: outputOf(/^\.stack-work$/, /^stack\.yaml$/), keep: rebuilt(isStackBuild, 'build with Stack'), write: 'path', folder: true },
  { group: 'build', matches: outputOf(/^(?:bin|obj)$/, /\.(?:cs|fs|vb)proj$/), keep: rebuilt(isDotnetBuild, 'run dotnet build, publish or restore'), write: 'path', folder: true },
  { group: 'tests', matches: named(/^(?:\.pytest_cache|\.mypy_cache|\.ruff_cache|\.tox|\.nox|\.nyc_output|htmlcov)$/, 'dir'), keep: unnamed(), write: 'name', folder: true },
  {
    group: 'tests',
    // Only a folder that holds a coverage report: `coverage` is also a fine name for sources.
    matches: (ctx, e) => named(/^coverage$/, 'dir')(ctx, e) && ['lcov.info', 'coverage-final.json', 'clover.xml', 'lcov-report', 'coverage-summary.json'].some((f) => ctx.exists(`${e.path}/${f}`)),
    keep: unnamed(),
    write: 'path',
    folder: true,
  },
  { group: 'tests', matches: named(/^\.coverage$/, 'file'), keep: unnamed(), write: 'name', folder: false },
  {
    group: 'logs',
    matches: named(/\.log$/, 'file'),
    keep: ({ files }) => {
      const at = firstMatch(files, /\.log\b/);
      return at === null ? null : `${where(at)} names a .log file`;
    },
    write: 'name',
    folder: false,
  },
  {
    group: 'env',
    // `.env`, `.env.local`, `.env.production.local`…, not the templates projects commit (`.env.example`).
    matches: named(/^\.env(?:\.(?!(?:example|sample|template|dist|defaults)$)[\w.-]+)?$/, 'file'),
    keep: (facts, entry) => {
      const why = unnamed('.env')(facts, entry) ?? (facts.use.senders.some((s) => commandsDownstream(s).some(isNodeBuild)) ? 'the package build may read .env files' : null);
      if (why !== null) return why;
      const start = envAtStart(facts, entry);
      return start.kind === 'reads' ? `${start.reason} (${start.how}), and the build copies the whole context into the image: left out, the app would start without its settings; ${SECRETS_IN_IMAGE}` : null;
    },
    write: 'name',
    folder: false,
  },
  { group: 'editor', matches: named(/^(?:\.idea|\.vscode|\.vs)$/, 'dir'), keep: unnamed(), write: 'name', folder: true },
  { group: 'editor', matches: named(/^(?:\.DS_Store|Thumbs\.db|.+\.sw[op])$/, 'file'), keep: unnamed(), write: 'name', folder: false },
];

/** Folders a walk need not enter: candidates are left out whole or kept whole. */
export function pruned(ctx: BuildContext): (dir: string) => boolean {
  return (dir) => CANDIDATES.some((c) => c.folder && c.matches(ctx, { path: dir, kind: 'dir' }));
}

/** What a .dockerignore for `ctx`, read by `files`, should list; `entries` come from a walk pruned with `pruned`. */
export function proposeIgnore(ctx: BuildContext, files: readonly SharedDockerfile[], entries: readonly ContextEntry[]): Proposal {
  const facts: Facts = { ctx, files, use: contextUse(files) };
  const chosen: (Entry & { readonly rules: DockerIgnore })[] = [];
  const kept: Kept[] = [];
  for (const candidate of CANDIDATES) {
    const byPattern = new Map<string, ContextEntry[]>();
    for (const e of entries) {
      if (!candidate.matches(ctx, e) || chosen.some((c) => c.rules.excludes(e.path))) continue;
      const base = path.posix.basename(e.path);
      const pattern = candidate.write === 'path' ? e.path : candidate.group === 'logs' ? '*.log' : base;
      byPattern.set(pattern, [...(byPattern.get(pattern) ?? []), e]);
    }
    for (const [name, occurrences] of byPattern) {
      const pattern = candidate.write === 'name' && occurrences.some((e) => e.path.includes('/')) ? `**/${name}` : name;
      if (chosen.some((c) => c.pattern === pattern) || kept.some((k) => k.pattern === pattern)) continue;
      const reason = candidate.keep(facts, occurrences[0]!);
      if (reason === null) chosen.push({ group: candidate.group, pattern, rules: parseDockerIgnore(pattern) });
      else kept.push({ pattern, reason });
    }
  }
  // Never leave out a path a COPY, ADD or bind mount names, one a pattern of theirs matches, or
  // one inside a folder they name (`COPY logs /logs` copies logs/a.log); editor and OS files
  // (.DS_Store) are nobody's content, wherever they lie.
  const paths = entries.map((e) => e.path);
  const inside = (folder: string, p: string) => p.startsWith(`${folder.replace(/\/+$/, '')}/`);
  const safe = chosen.filter((c) => {
    const hit = facts.use.named.find((n) =>
      n.pattern === null
        ? c.rules.excludes(n.source) || (c.group !== 'editor' && paths.some((p) => inside(n.source, p) && c.rules.excludes(p)))
        : paths.some((p) => n.pattern!.test(p) && c.rules.excludes(p)),
    );
    if (hit === undefined) return true;
    kept.push({ pattern: c.pattern, reason: `${where(hit)} copies ${hit.source}` });
    return false;
  });
  const notes: string[] = [];
  const env = CANDIDATES.find((c) => c.group === 'env')!;
  const envEntry = entries.find((e) => env.matches(ctx, e));
  if (envEntry !== undefined) {
    const start = envAtStart(facts, envEntry);
    const left = safe.some((c) => c.group === 'env');
    if (start.kind === 'reads' && !left) notes.push(`.env stays in the build context: ${start.reason}; ${SECRETS_IN_IMAGE}`);
    if (start.kind === 'unknown' && left) {
      notes.push(`whether the app reads .env when it starts cannot be told (${start.why}): an app that does (dotenv, python-dotenv, phpdotenv…) would start without its settings once .env is left out; pass them when the container starts (\`docker run --env-file\`)`);
    }
  }
  return { entries: ORDER.flatMap((g) => safe.filter((c) => c.group === g).map(({ group, pattern }) => ({ group, pattern }))), kept, notes };
}

/** The file: a heading comment per group, a blank line between groups. */
export function renderIgnore(entries: readonly Entry[]): string {
  const blocks = ORDER.map((g) => entries.filter((e) => e.group === g)).filter((b) => b.length > 0);
  return blocks.map((b) => `# ${HEADINGS[b[0]!.group]}\n${b.map((e) => `${e.pattern}\n`).join('')}`).join('\n');
}

/** The commands of package.json's scripts. */
function scriptValues(packageJson: string | null): string[] {
  return Object.values(readPackageJson(packageJson)?.scripts ?? {});
}
