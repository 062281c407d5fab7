import * as path from 'node:path';
import { parseDockerfile } from '../src/dockerfile/parse.js';
import type { ParsedDockerfile } from '../src/dockerfile/types.js';
import { validate } from '../src/dockerfile/validate.js';
import { proposeIgnore, pruned, renderIgnore, type Kept, type Proposal } from '../src/dockerignore/proposal.js';
import { contextUse, where, type SharedDockerfile } from '../src/dockerignore/usage.js';
import { publishedTargets } from '../src/analysis/buildTargets.js';
import { MAX_CONTEXT_DOCKERFILES, MAX_WALK_ENTRIES, overlayLayer, type BuildContext, type ContextDockerfiles, type Walk } from '../src/engine/context.js';
import { isDockerfileName } from '../src/engine/dockerfileName.js';
import { templateOf } from '../src/engine/template.js';
import { defineTransform, fileEdit, newFile, refusal, type Finding } from '../src/engine/types.js';

/**
 * `COPY . .` sends everything in the build context into the image: the repository's
 * history, a node_modules built for another machine, caches, logs, a `.env` with secrets.
 * A .dockerignore keeps them out. This proposes one listing only what is there and what no
 * Dockerfile of the context uses, or adds `.git` and `node_modules` to one that misses them.
 */
/** Why a reviewer looks at the proposal: what is left out of the context, no build step can read. */
const LEFT_OUT =
  'a file left out of the build context is no longer there for COPY, ADD or a bind mount; check that no build step or script reads one indirectly (a version read from .git, a .env read at build time)';

/** 20000 → "20,000". Not toLocaleString: loading ICU's locale data for it took a sixth of every start. */
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

export default defineTransform({
  meta: {
    name: 'dockerignore',
    summary: 'Propose a .dockerignore for a build that copies its whole context, listing only what is there and unused.',
    docs: `When the Dockerfile copies its whole build context (\`COPY . …\`, \`ADD . …\`, \`COPY * …\`) and the context has no
ignore file (neither \`.dockerignore\` nor the Dockerfile's own \`<name>.dockerignore\`), proposes a \`.dockerignore\` at
the context root. The proposal is a review change: what it leaves out is no longer there for any build step.
It lists only entries that exist there, under a heading comment per group:
- version control: \`.git\` (a folder, or the file of a submodule or worktree), \`.hg\`, \`.svn\`;
- \`node_modules\`, when every stage that copies the context installs Node packages (npm, yarn, pnpm or bun, also run by \`npx\`, \`pnpm dlx\`, \`corepack\`…), or copies node_modules from
  another stage (itself or a stage it is built on): the copied one would only be replaced, or land on top of the
  installed one;
- Python: \`__pycache__\`, virtual environments (any folder with a pyvenv.cfg, such as \`.venv\` or \`venv\`);
- build output the build makes again: \`dist\` and \`.next\` beside a package.json when every stage that copies
  the context runs the package build after it, in that stage (\`npm run build\`, \`yarn build\`, \`bun run build\`, a monorepo's \`turbo run build\` or \`nx build\`…); \`target\` beside a
  pom.xml, Cargo.toml or build.sbt when each runs \`mvn package|install|verify\`, \`cargo build\` or an sbt task that compiles; \`bin\` and \`obj\` beside a
  .csproj when each runs \`dotnet build|publish|restore\`; \`_build\` beside a dune-project or mix.exs when each runs
  \`dune build\` (or \`opam exec -- dune build\`) or \`mix compile|release\`, and \`deps\` beside a mix.exs when each runs
  \`mix deps.get\`; \`dist-newstyle\` beside a .cabal or cabal.project when each runs \`cabal build|install\`, and
  \`.stack-work\` beside a stack.yaml when each runs \`stack build|install\`;
- test coverage and caches: \`.pytest_cache\`, \`.mypy_cache\`, \`.ruff_cache\`, \`.tox\`, \`.nox\`, \`.nyc_output\`,
  \`htmlcov\`, \`.coverage\`, a \`coverage\` folder holding a report (lcov.info, coverage-final.json…);
- logs: \`*.log\`;
- local environment files: \`.env\`, \`.env.local\`, \`.env.production.local\`… (not \`.env.example\` and the like):
  in a container, settings come from the environment (\`docker run --env-file\`), and a \`.env\` in the image ships
  its secrets. Unless the package build may read them (\`npm run build\`, \`turbo run build\`… runs after the copy, in its stage or
  in a later one built on it or copying from it: a monorepo pruned in one stage and built in the next), or the app reads .env when
  it starts: the copied context reaches the image (the stage that copies it ships, or one that ships copies the
  folder it went to) and a dependency manifest beside .env or at the root (package.json, composer.json/.lock,
  requirements*.txt, pyproject.toml, Pipfile, the Python lockfiles, Gemfile/.lock, go.mod) names a library that
  loads it (dotenv, dotenv-flow, @nestjs/config, python-dotenv, django-environ, environs, python-decouple,
  vlucas/phpdotenv, symfony/dotenv, laravel/framework, the dotenv gems, joho/godotenv), or a front-end tool that
  loads .env files itself (vite, next, react-scripts, nuxt, @vue/cli-service): left out, the app would
  start without its settings, so .env stays and the review note says that the image then ships its secrets. When
  no such manifest can be read there, .env is left out and the review note says that an app reading it at start
  would lose those settings;
- editor and OS files: \`.idea\`, \`.vscode\`, \`.vs\`, \`.DS_Store\`, \`Thumbs.db\`, \`*.swp\`.
A name found below the root too is written \`**/name\`; build output, virtual environments and coverage folders are
written by path, as their rule depends on what lies beside them. Folders it lists are not searched further.

It keeps anything the build may use, and says why (\`needed-by-build\`): a path a COPY, ADD or \`RUN --mount=type=bind\`
names (or a pattern of theirs matches), what lies in a folder they name (\`COPY logs /logs\` keeps \`*.log\` out of the
file; editor and OS files such as .DS_Store go wherever they lie), a name an instruction mentions (\`CMD venv/bin/python\`), \`.git\` (\`.hg\`, \`.svn\`) when
a RUN after a copy of the whole context runs git, hg, svn or a tool that takes the version from the repository
(\`python -m setuptools_scm\`, dunamai, versioningit, nbgv, GitVersion, MinVer, GoReleaser) in the folder the copy
filled, or in one dockshift cannot tell (after \`cd "$DIR"\`, in a later stage that copies the files elsewhere, in a
RUN it cannot read, or one that bind-mounts the context), or runs a script of the context there that runs git or
cannot be read; an instruction names it other than to remove it (\`cat .git/HEAD\`, \`COPY .git\`; not \`rm -rf
/app/.git\`). Installing git, running it before the copy, \`git config --global\`, \`git --version\` and a clone of
a remote repository (with what runs in its folder) read nothing of it. It also stays when the build may read the repository through a tool: a RUN runs make and the
Makefile (or a root \`*.mk\`) runs git (\`$(shell git describe …)\`); a package.json script calls git, or a script
file a RUN or a package.json script names (\`node scripts/build.js\`, \`./version.sh\`) runs git
(\`execSync('git rev-parse …')\`); pyproject.toml/setup.cfg/setup.py version from the repository (setuptools-scm,
versioneer, hatch-vcs, poetry-dynamic-versioning…); a .NET project uses GitVersion, Nerdbank.GitVersioning or
MinVer. Without \`.git\`, \`go build\` embeds no VCS information in the
binary (\`go version -m\` shows none); the program is the same, unless its Go code reads that information
(\`debug.ReadBuildInfo\`'s \`vcs.revision\`, \`vcs.time\` or \`vcs.modified\`, as tailscale's version package does when
no -ldflags stamp gives a commit): then a \`go build\` or \`go install\` where the copy put the repository keeps it
(not with \`-buildvcs=false\`, nor for a module go install downloads; a file under another program's cmd/NAME
folder than the packages it names, a \`package main\` of a folder none of them is, and a comment are not read).

The proposal is the same whichever Dockerfile makes it: it takes into account every Dockerfile that may be built with
the context and reads the root .dockerignore (not those with their own \`<name>.dockerignore\`), so one file is proposed
per context (the engine shows and writes it once, and \`--explain\` says it once, when the run ends, naming every
Dockerfile of the run it is for) and a path is left out only when none of them reads it. Those are the run's
Dockerfiles built with it (\`--context DIR\` gives several Dockerfiles one context, wherever they lie), and every file
of the context named as a Dockerfile, at the root or below it (\`docker/api.Dockerfile\`), unless the run builds it
with another context (in \`dockshift .\`, \`services/api/Dockerfile\` is built with its own folder): how one the run
does not name is built (\`docker build -f\`, a compose \`context:\`) is unknown, so it counts. A Dockerfile outside the
context that the run does not name cannot be seen: check those before accepting it.

When the root \`.dockerignore\` exists, it is never replaced: only when it does not mention \`.git\` or \`node_modules\`
at all while they exist and are sent (and the rules above let them go) are they appended, shown as a diff of that
file and written in place (\`--write\`) only if it still reads the same.

Refuses:
- \`needed-by-build\`: a candidate stays because the build may use it (the others are still proposed);
- \`variable-source\`: a COPY, ADD or bind-mount source is only known at build time (\`COPY $DIR .\`), so what the
  build reads cannot be checked; nothing is proposed;
- \`other-context\`: a file the Dockerfile copies (a literal COPY or ADD source) is not in the build context: the image is
  likely built with another one (\`docker build -f clients/app/Dockerfile .\` from the repository root), where the
  proposal would not apply, or after a step that makes the file (a jar a CI job builds), which the proposal might
  leave out; nothing is proposed (\`--context DIR\` names the right one);
- \`own-ignore-file\`: the Dockerfile's own \`<name>.dockerignore\` misses \`.git\` or \`node_modules\`; it is not edited;
- \`unreadable-dockerfile\`: another Dockerfile that may be built with the context and reads the same .dockerignore
  cannot be read or parsed, so what it uses is unknown; nothing is proposed (an empty one, or one of comments alone,
  is not built by docker and uses nothing; a template, such as a Jinja2 \`Dockerfile.j2\`, is not built itself, and the
  reason says so: a Dockerfile made from it may be);
- \`context-too-large\`: the context has more entries than dockshift lists (${grouped(MAX_WALK_ENTRIES)}, not counting
  what is inside the folders it would leave out), so absence proves nothing; or more Dockerfiles may be built with it
  than dockshift reads (${grouped(MAX_CONTEXT_DOCKERFILES)}).`,
    hadolint: [],
    defaultEnabled: true,
    review: 'a proposed or extended .dockerignore: what it leaves out is no longer in the build context',
    options: {},
    touches: { instructions: {}, newFiles: ['.dockerignore'], editFiles: ['.dockerignore'] },
    refusals: {
      'needed-by-build': 'a candidate stays in the context because the build may use it',
      'variable-source': 'a COPY, ADD or bind-mount source is only known at build time, so what the build reads cannot be checked',
      'own-ignore-file': 'the Dockerfile’s own <name>.dockerignore misses .git or node_modules; it is not edited',
      'unreadable-dockerfile': 'another Dockerfile that may be built with the context and reads the same .dockerignore cannot be parsed',
      'context-too-large': 'the build context has too many entries, or too many Dockerfiles built with it, to read, so absence proves nothing',
      'other-context': 'a file the Dockerfile copies is not in the build context, so it is likely built with another one',
    },
    needsBuildContext: true,
  },
  run(file, { buildContext: ctx, contextDockerfiles, input, path: dockerfilePath }) {
    if (ctx === null) return [];
    const own: SharedDockerfile = { name: null, file, published: publishedTargets(ctx, dockerfilePath, input?.text) };
    const senders = contextUse([own]).senders;
    if (senders.length === 0) return [];
    const at = senders[0]!.inst.span.start;

    const walk = walkOf(ctx);
    if (!walk.complete) return [refusal(at, 'context-too-large', 'the build context has too many entries to list, so dockshift cannot tell what is there')];
    const shared = sharedDockerfiles(ctx, walk, contextDockerfiles ?? null, input ?? null);
    if ('count' in shared) return [refusal(at, 'context-too-large', `${grouped(shared.count)} Dockerfiles may be built with this build context, more than dockshift reads (${grouped(MAX_CONTEXT_DOCKERFILES)}), so what they use is unknown`)];
    if (!Array.isArray(shared)) {
      // A template is not built itself; the Dockerfiles made from it may be, and what they use is as unknown.
      const why = shared.template !== null
        ? `${shared.name} is ${shared.template}: a Dockerfile made from it may be built with the same context and read the same .dockerignore, and what it uses is unknown`
        : `${shared.name} may be built with the same context and reads the same .dockerignore, and cannot be parsed (${shared.message}), so what it uses is unknown`;
      return [refusal(at, 'unreadable-dockerfile', why)];
    }
    const files = [own, ...shared];

    const ignore = ctx.ignoreFile;
    const isRoot = ignore !== null && path.posix.basename(ignore.path.replace(/\\/g, '/')) === '.dockerignore';
    // With an ignore file, only .git and node_modules it lets through and never mentions are candidates.
    const entries =
      ignore === null
        ? walk.entries
        : walk.entries.filter((e) => /^(?:\.git|node_modules)$/.test(path.posix.basename(e.path)) && ctx.sends(e.path) && !mentionsName(ignore.text, path.posix.basename(e.path)));
    const proposal = proposeIgnore(ctx, files, entries);
    const findings: Finding[] = [];
    if (proposal.kept.length > 0) findings.push(refusal(at, 'needed-by-build', keptReason(proposal.kept)));
    if (proposal.entries.length === 0) return findings;

    const unknown = contextUse(files).unknown;
    if (unknown !== null) {
      return [refusal(at, 'variable-source', `${where(unknown)} reads \`${unknown.raw}\` from the build context, which is only known at build time, so dockshift cannot check what a .dockerignore would take away`)];
    }
    // A file this Dockerfile copies that is not there says it is built with another context
    // (`docker build -f sub/Dockerfile .`), where this .dockerignore would not apply.
    const missing = contextUse([own]).named.find((n) => n.pattern === null && !ctx.exists(n.source));
    if (missing !== undefined) {
      return [refusal(at, 'other-context', `${where(missing)} copies \`${missing.source}\`, which is not in the build context: the image is likely built with another context (\`docker build -f\`), or after a step that makes the file, so what the build reads cannot be checked`)];
    }
    const list = proposal.entries.map((e) => e.pattern).join(', ');
    const review = [LEFT_OUT, ...proposal.notes].join('; ');
    if (ignore === null) {
      findings.push(newFile('.dockerignore', renderIgnore(proposal.entries), `leave ${list} out of the build context: the build does not use them`, review));
    } else if (isRoot) {
      // One this run proposes is not there yet: its edit folds into the proposal.
      const message = ignore.proposed === true ? `also leave ${list} out of the build context` : `add ${list} to the .dockerignore, which lets ${proposal.entries.length === 1 ? 'it' : 'them'} into the build context`;
      findings.push(fileEdit('.dockerignore', ignore.text, appended(ignore.text, proposal), message, review));
    } else {
      return [refusal(at, 'own-ignore-file', `${path.posix.basename(ignore.path)} lets ${list} into the build context; add them to it (dockshift does not edit a Dockerfile's own ignore file)`)];
    }
    return findings;
  },
});

/** The lines appended to an existing .dockerignore, in its line ending, after a line break it may lack. */
function appended(text: string, proposal: Proposal): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lead = text === '' || text.endsWith('\n') ? '' : eol;
  return text + lead + proposal.entries.map((e) => e.pattern + eol).join('');
}

/** The ignore file names the entry anywhere, in a rule or an exception: then it is not clearly missing. */
function mentionsName(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(`(?:^|[^A-Za-z0-9_.-])${escaped}(?:[^A-Za-z0-9_-]|$)`, 'm').test(text.replace(/^\s*#.*$/gm, ''));
}

function keptReason(kept: readonly Kept[]): string {
  return `kept in the build context: ${kept.map((k) => `${k.pattern} (${k.reason})`).join('; ')}`;
}

const walks = new WeakMap<BuildContext, Walk>();

/**
 * The context's entries outside the folders a .dockerignore would leave out whole; one walk per
 * context and run. The engine lays the proposed .dockerignore over the context to read it back
 * (overlayBuildContext); the walk of such an overlay is its base's with the overlaid files added,
 * since what pruning reads (a folder's contents, the manifests beside it) is never an ignore file.
 */
function walkOf(ctx: BuildContext): Walk {
  let walk = walks.get(ctx);
  if (walk === undefined) {
    const layer = overlayLayer(ctx);
    const reused = layer !== null && layer.paths.every((p) => path.posix.basename(p) === '.dockerignore');
    walks.set(ctx, (walk = reused ? layer.extend(walkOf(layer.base), pruned(ctx)) : ctx.walk(pruned(ctx))));
  }
  return walk;
}

/**
 * Per context (an overlay's base, for an overlay), the Dockerfiles parsed so far by name: the text
 * and its parse, or why it cannot be read. Kept with the text, so a file that reads otherwise is
 * parsed again.
 */
const parsedDockerfiles = new WeakMap<BuildContext, Map<string, { text: string | null; file: ParsedDockerfile | Unparsed | null }>>();

/** Why a file named as a Dockerfile is not one: the message, the line it is about if known, and, for a template, what shows it. */
interface Unparsed {
  readonly message: string;
  readonly line: number | null;
  readonly template: string | null;
}

/** The context an overlay's files are laid over, through every layer; `ctx` itself for any other. */
function baseOf(ctx: BuildContext): BuildContext {
  for (let layer = overlayLayer(ctx); layer !== null; layer = overlayLayer(layer.base)) ctx = layer.base;
  return ctx;
}

/**
 * The Dockerfiles that may be built with this context and read its .dockerignore (not those with
 * their own `<name>.dockerignore`): the run's Dockerfiles built with it, wherever they lie, and every
 * file of the context named as a Dockerfile, at the root or below it, unless the run builds it with
 * another context. Which context one the run does not name is built with is unknown (`docker build
 * -f`, a compose `context:`), so it counts: leaving out what it copies is the mistake to avoid.
 */
function sharedDockerfiles(
  ctx: BuildContext,
  walk: Walk,
  known: ContextDockerfiles | null,
  input: ParsedDockerfile | null,
): SharedDockerfile[] | ({ name: string } & Unparsed) | { count: number } {
  const reads = new Map<string, () => string | null>();
  const names = new Set((ctx.list() ?? []).map((e) => e.path));
  for (const name of [...names].sort()) {
    if (ctx.kind(name) === 'file' && isDockerfileName(name) && !names.has(`${name}.dockerignore`) && known?.elsewhere.has(name) !== true) reads.set(name, () => ctx.read(name));
  }
  for (const rel of dockerfilesBelowRoot(walk)) {
    if (known?.elsewhere.has(rel) === true || ctx.kind(`${rel}.dockerignore`) === 'file') continue;
    reads.set(rel, () => ctx.read(rel));
  }
  for (const d of known?.sharing ?? []) if (!reads.has(d.name)) reads.set(d.name, () => d.read());
  const count = Math.max(reads.size, known?.count ?? 0);
  if (count > MAX_CONTEXT_DOCKERFILES) return { count };

  const key = baseOf(ctx);
  let parsed = parsedDockerfiles.get(key);
  if (parsed === undefined) parsedDockerfiles.set(key, (parsed = new Map()));
  const out: SharedDockerfile[] = [];
  for (const [name, read] of reads) {
    const text = read();
    // One that reads as the run's input (its own Dockerfile, without a BOM) is that parse, checked
    // already; it is not kept with the context.
    const cached = parsed.get(name);
    let file = text !== null && text === input?.text ? input : cached !== undefined && cached.text === text ? cached.file : undefined;
    if (file === undefined) parsed.set(name, { text, file: (file = parseChecked(name, text)) });
    if (file !== null && 'message' in file) return { name, ...file };
    if (file !== null) out.push({ name, file, published: publishedTargets(ctx, name, text ?? undefined) });
  }
  return out;
}

const belowRoot = new WeakMap<Walk, string[]>();

/** The files of a walk below the root named as Dockerfiles; once per walk, which every pass and Dockerfile of the context shares. */
function dockerfilesBelowRoot(walk: Walk): string[] {
  let found = belowRoot.get(walk);
  if (found === undefined) {
    found = walk.entries.filter((e) => e.kind === 'file' && e.path.includes('/') && isDockerfileName(path.posix.basename(e.path))).map((e) => e.path);
    belowRoot.set(walk, found);
  }
  return found;
}

/**
 * The parse of a valid Dockerfile, or why the text is not one (and, for a template such as a Jinja2
 * \`Dockerfile.j2\`, what shows it: the engine's own test); null for a file with no instructions
 * (empty, or comments alone), which docker refuses to build and so uses nothing of the context.
 */
function parseChecked(name: string, text: string | null): ParsedDockerfile | Unparsed | null {
  if (text === null) return { message: 'not a readable text file', line: null, template: null };
  let error: { line: number | null; message: string };
  try {
    const file = parseDockerfile(text);
    if (file.instructions.length === 0) return null;
    const invalid = validate(file);
    if (invalid === null) return file;
    error = { line: invalid.line, message: invalid.message };
  } catch (err) {
    error = { line: null, message: (err as Error).message };
  }
  return { ...error, template: templateOf(name, text, error)?.what ?? null };
}
