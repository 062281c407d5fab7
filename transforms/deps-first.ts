import * as path from 'node:path';
import { copyArgs, isWholeContext, type CopyArgs } from '../src/dockerfile/copies.js';
import { instructionHead, moveAfter } from '../src/dockerfile/edit.js';
import type { Instruction, ParsedDockerfile } from '../src/dockerfile/types.js';
import { properties } from '../src/dockerfile/variables.js';
import { unquoteWord } from '../src/dockerfile/words.js';
import { pathBelow, resolveIn, samePath, workdirAt, workdirSetBy, type ImagePath } from '../src/dockerfile/workdir.js';
import { commandUse, type DependencyInstall, type Ecosystem } from '../src/deps/commands.js';
import { under } from '../src/deps/reader.js';
import { manifestsOf, type ManifestProblemCode } from '../src/deps/manifests.js';
import type { BuildContext } from '../src/engine/context.js';
import { defineTransform, refusal, reviewChange, type Finding } from '../src/engine/types.js';
import { runBody } from '../src/shell/index.js';

/**
 * `COPY . .` before `npm ci` makes every source change invalidate the dependency layer: the
 * install runs again on each build. Copying the manifests first, installing, then copying
 * the rest keeps that layer cached until a manifest changes. The files of the final image
 * are the same; the install runs before the sources are there, so it must read nothing
 * but the manifests, which is what this transform checks before it moves anything.
 */
export default defineTransform({
  meta: {
    name: 'deps-first',
    summary: 'Copy dependency manifests and install before copying the whole source, so the install layer stays cached.',
    docs: `When a stage copies the whole build context (\`COPY . .\`, \`COPY ./ /app\`, \`ADD . /src\`) and a later RUN of
the same stage installs dependencies, the manifests are copied first, the RUN installs, then the rest is copied:

    COPY . .                                 COPY package.json package-lock.json ./
    RUN npm ci                     becomes   RUN npm ci
                                             COPY . .

Installs it knows, with the manifest set each reads (only files in the build context that the .dockerignore
lets through; missing optional ones are left out):
- \`npm ci\`/\`npm install\`, \`yarn\`/\`yarn install\`, \`pnpm install\`: package.json, package-lock.json,
  npm-shrinkwrap.json, yarn.lock, pnpm-lock.yaml, pnpm-workspace.yaml, .npmrc, .yarnrc, .yarnrc.yml,
  .pnpmfile.cjs, .yarn/releases, .yarn/plugins, .yarn/patches, the package.json of every workspace package
  (\`workspaces\` in package.json, \`packages\` in pnpm-workspace.yaml) and pnpm's patched-dependency files
  (\`pnpm.patchedDependencies\` in package.json, \`patchedDependencies\` in pnpm-workspace.yaml, where pnpm 10 keeps it);
- \`bun install\`/\`bun i\`: the same, with bun.lockb, bun.lock, bunfig.toml (or the file \`-c\` names) and the
  patch files of package.json's \`patchedDependencies\`;
- any of these run by a package runner (\`npx pnpm@9 install\`, \`npx -y yarn@1\`, \`pnpm dlx\`, \`yarn dlx\`,
  \`bunx\`, \`npm exec -- pnpm install\`, \`corepack pnpm install\`), read as the manager's own; a runner whose
  words do not say what it runs (\`npx -c '…'\`, an option dockshift does not know) may read the sources;
- \`pip install -r FILE\` (\`-c FILE\` too): those files and the ones they include with \`-r\`/\`-c\`;
- \`uv pip install -r FILE\` and \`uv pip sync FILE\`: the same, with the uv.toml, pyproject.toml and .python-version
  uv reads its settings from (refused when \`-r\` names pyproject.toml or setup.py, or the sources bring the .venv it
  installs into);
- \`pipenv install\` or \`pipenv sync\` (no package named): Pipfile, Pipfile.lock;
- \`poetry install --no-root\` (or \`poetry sync\`; any install of a project with \`package-mode = false\`): pyproject.toml,
  poetry.lock, poetry.toml and the readme pyproject.toml names, which Poetry checks is there;
- \`uv sync --no-install-project\` (any \`uv sync\` of a project that is no package: no build system, or
  \`tool.uv.package = false\`): pyproject.toml, uv.lock, uv.toml, .python-version, a \`--config-file\` and the readme;
- \`go mod download\`: go.mod, go.sum, go.work (and go.work.sum, and the modules it uses);
- \`mvn\`/\`./mvnw dependency:go-offline\` (or \`dependency:resolve\`): pom.xml, the poms of its modules, .mvn/,
  the wrapper script, settings files named with \`-s\`;
- \`bundle install\`: Gemfile (or gems.rb), its lockfile, .bundle/config, a Ruby version file the Gemfile reads;
- \`composer install\`: composer.json, composer.lock, auth.json.
One COPY is written per folder (and one per folder of manifests such as \`.mvn\`), with the destination and
the \`--chown\`, \`--chmod\` and \`--link\` flags of the original; the whole-context COPY keeps its text and the
comment lines above it, and moves to just after the install. Instructions between the COPY and the install stay
where they are (before the install), so the install sees the same tools and environment as before.

This is a review change: the image's files are the same, but the install now runs before the sources are
there. Check that it reads nothing outside the manifest set (a config file, a local package, a script) and that
the build still passes. A lockfile the install rewrites (\`npm install\` may) is replaced by the project's copy.

Refuses, leaving the file as it is:
- \`manifest-missing\`: the manifest the install needs (package.json, a requirements file, go.mod…) is not in
  the build context, or the .dockerignore leaves it out (the corpus, read without its folders, gives this);
- \`unreadable-manifest\`: a manifest is not valid JSON, or names workspaces in a form dockshift cannot expand;
- \`install-needs-source\`: the install reads the sources: \`pip install .\`, \`-e .\`, \`pip --find-links\` to a folder,
  a \`poetry install\` or \`uv sync\` that installs the project itself (\`--only-root\`, or a package without \`--no-root\` or
  \`--no-install-project\`),
  \`cargo fetch\` (cargo loads
  the package's targets with Cargo.toml), a Go vendor folder, composer's class map or optimised autoloader;
- \`local-dependency\`: a dependency comes from the project's own files: \`file:\`/\`link:\` specs, a workspace
  package with \`bin\` files, a Yarn \`patch:\` with a patch file outside \`.yarn/patches\`, a requirements line with
  a path or \`--find-links ./dir\`, a go.mod \`replace\` with a local folder, a Gemfile with \`gemspec\` or \`path:\`,
  a composer path repository, a pyproject.toml dependency with \`path =\` or \`workspace = true\`, a uv workspace, a Pipfile package with \`path =\`;
- \`lifecycle-scripts\`: package.json has a preinstall, install, postinstall, prepare… script (unless
  \`--ignore-scripts\`; for Yarn 2 and later, which a \`yarnPath\` in .yarnrc.yml names, only preinstall, install
  and postinstall count: it runs no prepare nor prepublish), or composer.json has install scripts (unless
  \`--no-scripts\`): they may need the sources;
- \`step-needs-source\`: a command in the installing RUN, or a RUN between the COPY and it, may read or change
  the sources (\`npm run build\`, \`make\`, a script, anything dockshift does not know to leave them alone);
- \`instruction-between\`: between the COPY and the install, a WORKDIR (when the COPY's destination is relative and it changes the folder),
  an ENV or ARG that the COPY reads, a VOLUME, or a COPY/ADD into the same folder;
- \`copy-flags\`: the COPY has a flag other than --chown, --chmod and --link (--exclude, --parents…);
- \`install-location\`: the install runs in another folder than the one the sources go to (a \`cd\` in the RUN,
  \`--prefix\`, \`--cwd\`, \`-C\`, \`-f pom.xml\`, a destination or WORKDIR that cannot be compared);
- \`install-output-in-context\`: the build context has what the install creates (node_modules, vendor,
  .yarn/cache, a pip --target folder…), or a folder that a \`mkdir\` between the COPY and the install makes: copied
  after them, it would land on top of the installed files (a \`mkdir\` of a folder the sources do not hold is no obstacle);
- \`installed-before\`: a RUN before the COPY already installs with the same tool (\`uv sync --no-install-project\`
  with the manifests bind-mounted or copied first): the dependency layer is cached already, and the install after
  the sources is the project's own.`,
    hadolint: [],
    defaultEnabled: false,
    review: 'the install runs before the sources are copied: a step that read them no longer can',
    options: {},
    touches: { instructions: { COPY: ['add', 'edit'], ADD: ['edit'] } },
    refusals: {
      'manifest-missing': 'the manifest the install needs is not in the build context, or the .dockerignore leaves it out',
      'unreadable-manifest': 'a manifest cannot be read (not valid JSON, workspaces in a form dockshift cannot expand)',
      'install-needs-source': 'the install reads the sources (pip install ., -e ., cargo fetch, a vendor folder, a composer class map)',
      'local-dependency': 'a dependency comes from the project’s own files (file:, a local path, gemspec, replace => ./dir)',
      'lifecycle-scripts': 'the install runs the project’s lifecycle or install scripts, which may need the sources',
      'step-needs-source': 'a command in the installing RUN, or a RUN before it, may read or change the sources',
      'instruction-between': 'a WORKDIR, ENV, ARG, VOLUME or COPY between the COPY and the install would change meaning if the COPY moved',
      'copy-flags': 'the COPY has a flag other than --chown, --chmod and --link',
      'install-location': 'the install runs in another folder than the one the sources are copied to',
      'install-output-in-context': 'the build context has what the install creates (node_modules, vendor…), which would land on the installed files',
      'installed-before': 'a RUN before the COPY already installs the dependencies with the same tool: their layer is cached already',
    },
    needsBuildContext: true,
  },
  run(file, { buildContext }) {
    const findings: Finding[] = [];
    if (buildContext === null) return findings;
    for (const stage of file.stages) {
      for (const inst of stage.instructions) {
        const copy = copyArgs(file, inst);
        if (copy === null || copy.from !== null || copy.sources.length !== 1 || !isWholeContext(copy.sources[0]!)) continue;
        const finding = depsFirst(file, buildContext, copy, stage.instructions.filter((i) => i.index > inst.index));
        if (finding !== null) findings.push(finding);
      }
    }
    return findings;
  },
});

type Refuse = (code: ManifestProblemCode | 'step-needs-source' | 'instruction-between' | 'copy-flags' | 'install-output-in-context' | 'installed-before', reason: string) => Finding;

const CARRIED_FLAGS = new Set(['chown', 'chmod', 'link']);

/** The rewrite of one whole-context COPY, a refusal, or null when no install follows it in its stage. */
function depsFirst(file: ParsedDockerfile, ctx: BuildContext, copy: CopyArgs, after: readonly Instruction[]): Finding | null {
  const inst = copy.inst;
  const found = installRun(file, after);
  if (found === null) return null;
  const { run, installs } = found;
  const refuse: Refuse = (code, reason) => refusal(inst.span.start, code, reason);
  // The dependencies are installed before the sources already (the manifests bind-mounted or copied first):
  // what runs after them installs the project itself. A requirements install counts when it read the same files.
  const before = installRun(file, file.stages[inst.stage]!.instructions.filter((i) => i.index < inst.index), installs.map((i) => i.ecosystem));
  const same = (a: DependencyInstall, b: DependencyInstall) => a.ecosystem === b.ecosystem && b.files.every((f) => a.files.includes(f));
  if (before !== null && before.installs.some((a) => installs.some((b) => same(a, b)))) {
    return refuse('installed-before', `line ${before.run.line} installs the dependencies before the ${inst.keyword} copies the sources, so their layer is cached already; the install on line ${run.line} after it is the project's own`);
  }

  const flag = inst.flags.find((f) => !CARRIED_FLAGS.has(f.name.toLowerCase()));
  if (flag !== undefined) return refuse('copy-flags', `the ${inst.keyword} has --${flag.name}, which dockshift does not carry to the COPY of the manifests`);

  const destWord = inst.form === 'exec' ? copy.dest.raw : unquoteWord(copy.dest.raw, file.escape);
  const dest = resolveIn(workdirAt(file, inst), destWord);
  const writes: string[] = [];
  const between = after.filter((i) => i.index < run.index);
  for (const step of between) {
    const problem = betweenProblem(file, copy, dest, destWord, step, writes);
    if (problem !== null) return refuse(problem.code, problem.reason);
  }

  const body = runBody(file, run);
  if (!body.ok) return null; // installRun only returns readable RUNs
  const uses = body.parsed.commands.map((c) => ({ c, use: commandUse(c) }));
  // A `cd` decides where the install runs, whatever the WORKDIR: it is the reason to give.
  const cd = uses.find(({ use }) => use.kind === 'changes-folder');
  if (cd !== undefined) return refuse('install-location', `line ${run.line} changes folder (\`${cd.c.words.map((w) => w.raw).join(' ')}\`), so the install may not run where the sources go`);
  const cwd = workdirAt(file, run);
  const dir = pathBelow(dest, cwd);
  if (dir === null) {
    if (cwd.base === dest.base) return refuse('install-location', `the install on line ${run.line} runs in ${show(cwd)}, which is not inside ${show(dest)}, where the ${inst.keyword} puts the sources`);
    // One folder is the base image's WORKDIR, or below it: what is known comes first, then what that leaves unknown.
    const unset = 'which the Dockerfile does not set, so whether';
    return refuse(
      'install-location',
      cwd.base === 'image'
        ? `the install on line ${run.line} runs in ${show(cwd)}, ${unset} it is inside ${show(dest)}, where the ${inst.keyword} puts the sources, is not known`
        : `the ${inst.keyword} puts the sources in ${show(dest)}, ${unset} ${show(cwd)}, where the install on line ${run.line} runs, is inside them is not known`,
    );
  }
  // What the install itself reads comes before the RUN's other commands: it is the reason that stays whatever else the RUN runs.
  const manifests = manifestsOf(ctx, dir, installs);
  if (!manifests.ok) return refuse(manifests.code, manifests.reason);
  for (const { use } of uses) {
    if (use.kind === 'needs-source') return refuse('step-needs-source', `line ${run.line}: ${use.reason}`);
    if (use.kind === 'writes') writes.push(...inSources(dest, dir, use.paths));
  }

  for (const read of installs.flatMap((i) => i.reads)) {
    if (pathBelow(dest, resolveIn(cwd, read)) !== null) {
      return refuse('install-needs-source', `the install on line ${run.line} takes packages from ${read}, where the ${inst.keyword} puts the sources`);
    }
  }
  const landing = manifests.outputs.find((p) => ctx.sends(p));
  if (landing !== undefined) {
    return refuse('install-output-in-context', `the build context has ${landing}, which the install creates: copied after it, the context's copy would land on the installed files (add it to the .dockerignore)`);
  }
  const made = writes.find((p) => ctx.sends(p));
  if (made !== undefined) {
    return refuse('install-output-in-context', `the build context has ${made}, which a command that would now run before the sources are copied writes: copied after it, the context's copy would land on what that command wrote`);
  }

  const moved = moveAfter(file, inst, run);
  if (moved === null) return null;
  const lines = manifestCopies(file, ctx, copy, destWord, manifests.files);
  const indent = file.lines.indentOf(inst.span.start);
  const [removal, insertion] = moved as [(typeof moved)[number], (typeof moved)[number]];
  const replaced = { ...removal, text: lines.map((l) => indent + l + file.eol).join('') };
  const names = manifests.files.join(', ');
  const command = installs.map((i) => i.command.words.map((w) => w.raw).join(' ')).join('`, `');
  return reviewChange(
    inst.span.start,
    `copy ${names} first, run \`${command}\`, then copy the whole source`,
    [replaced, insertion],
    `the install now runs before the sources are copied: check that it reads nothing but ${names}, and that the build still passes`,
  );
}

/** The first of `steps` that is a RUN whose shell body runs a dependency install (with one of `ecosystems`, when given), with its installs. */
function installRun(file: ParsedDockerfile, steps: readonly Instruction[], ecosystems?: readonly Ecosystem[]): { run: Instruction; installs: DependencyInstall[] } | null {
  for (const i of steps) {
    if (i.keyword !== 'RUN') continue;
    const body = runBody(file, i);
    if (!body.ok) continue;
    const installs = body.parsed.commands.map(commandUse).flatMap((u) => (u.kind === 'install' && (ecosystems === undefined || ecosystems.includes(u.install.ecosystem)) ? [u.install] : []));
    if (installs.length > 0) return { run: i, installs };
  }
  return null;
}

/** Why moving the whole-context COPY past `step` would change what the build does, or null. */
function betweenProblem(
  file: ParsedDockerfile,
  copy: CopyArgs,
  dest: ImagePath,
  destWord: string,
  step: Instruction,
  writes: string[],
): { code: 'step-needs-source' | 'instruction-between'; reason: string } | null {
  const at = `line ${step.line}`;
  switch (step.keyword) {
    case 'RUN': {
      const body = runBody(file, step);
      if (!body.ok) return { code: 'step-needs-source', reason: `${at} runs before the install and cannot be read as shell (${body.reason}), so it may read the sources` };
      const dir = pathBelow(dest, workdirAt(file, step));
      for (const c of body.parsed.commands) {
        const use = commandUse(c);
        if (use.kind === 'needs-source') return { code: 'step-needs-source', reason: `${at} runs before the install: ${use.reason}` };
        if (use.kind === 'writes') writes.push(...inSources(dest, dir, use.paths));
      }
      return null;
    }
    case 'WORKDIR': {
      if (destWord.startsWith('/') || destWord.startsWith('$')) return null;
      // A WORKDIR naming again the folder already current (one per stage section, say) moves nothing.
      const before = workdirAt(file, copy.inst);
      if (!before.path.includes('$') && samePath(before, workdirSetBy(file, step))) return null;
      return { code: 'instruction-between', reason: `the WORKDIR on ${at} would change where the ${copy.inst.keyword}'s relative destination ${destWord} points` };
    }
    case 'ENV':
    case 'ARG': {
      const used = variablesRead(file, copy.inst);
      const set = properties(file, step).map((p) => p.name).find((n) => used.has(n));
      return set === undefined ? null : { code: 'instruction-between', reason: `the ${step.keyword} on ${at} sets ${set}, which the ${copy.inst.keyword} reads` };
    }
    case 'VOLUME':
      return { code: 'instruction-between', reason: `the VOLUME on ${at} would come before the sources` };
    case 'COPY':
    case 'ADD': {
      const other = copyArgs(file, step);
      if (other === null) return { code: 'instruction-between', reason: `the ${step.keyword} on ${at} cannot be read` };
      const word = step.form === 'exec' ? other.dest.raw : unquoteWord(other.dest.raw, file.escape);
      const target = resolveIn(workdirAt(file, step), word);
      const disjoint = target.base === 'root' && dest.base === 'root' && pathBelow(dest, target) === null && pathBelow(target, dest) === null;
      return disjoint ? null : { code: 'instruction-between', reason: `the ${step.keyword} on ${at} writes into ${show(target)}, which the sources would then overwrite` };
    }
    default:
      return null;
  }
}

/**
 * The paths a command writes that the sources' COPY to `dest` would also write, relative to it: a relative
 * one below the command's working folder (`dir`, null when that is outside `dest`), an absolute one below `dest`.
 */
function inSources(dest: ImagePath, dir: string | null, paths: readonly string[]): string[] {
  return paths.flatMap((p) => {
    if (!p.startsWith('/')) return dir === null ? [] : [under(dir, p)];
    const below = pathBelow(dest, resolveIn(dest, p));
    return below === null ? [] : [below];
  });
}

/** Variables a COPY's words and flags name. */
function variablesRead(file: ParsedDockerfile, inst: Instruction): Set<string> {
  const text = file.text.slice(inst.keywordSpan.end, inst.span.end);
  return new Set([...text.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!));
}

/** The COPY lines that bring the manifests to where the whole-context COPY puts them. */
function manifestCopies(file: ParsedDockerfile, ctx: BuildContext, copy: CopyArgs, destWord: string, files: readonly string[]): string[] {
  const flags = copy.inst.flags.map((f) => file.text.slice(f.span.start, f.span.end));
  const prefix = destWord === '.' || destWord === './' ? './' : destWord.replace(/\/*$/, '/');
  const groups = new Map<string, string[]>();
  // COPY copies a folder's contents, so a folder (.mvn, .yarn/releases) gets a line of its own.
  const folders = files.filter((f) => ctx.kind(f) === 'dir');
  for (const f of files) {
    if (folders.includes(f)) continue;
    const parent = path.posix.dirname(f);
    groups.set(parent, [...(groups.get(parent) ?? []), f]);
  }
  const line = (sources: readonly string[], target: string) => {
    const words = [...sources, target];
    const plain = words.every((w) => /^[^\s"'\\`]+$/.test(w));
    const args = plain ? words.join(' ') : JSON.stringify(words).replace(/","/g, '", "');
    return instructionHead(file, 'COPY') + [...flags, args].join(' ');
  };
  const out: string[] = [];
  const order = [...groups.keys()].sort((a, b) => (a === '.' ? -1 : b === '.' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  for (const parent of order) out.push(line(groups.get(parent)!, parent === '.' ? prefix : `${prefix}${parent}/`));
  for (const folder of folders) out.push(line([folder], `${prefix}${folder}/`));
  return out;
}

function show(p: ImagePath): string {
  return p.base === 'root' ? p.path : p.path === '.' ? "the base image's WORKDIR" : `${p.path} (below the base image's WORKDIR)`;
}
