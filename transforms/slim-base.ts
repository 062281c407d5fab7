import { insertLinesAfterFrom, instructionHead } from '../src/dockerfile/edit.js';
import { stageLineage } from '../src/dockerfile/stages.js';
import type { ParsedDockerfile, Stage } from '../src/dockerfile/types.js';
import { properties, type ResolvedBase } from '../src/dockerfile/variables.js';
import { own } from '../src/own.js';
import { defineTransform, refusal, reviewChange, type Edit, type Finding } from '../src/engine/types.js';
import type { BuildContext } from '../src/engine/context.js';
import { publishedTargets } from '../src/analysis/buildTargets.js';
import { devContainerOf, devContainerSaid, type DevContainer } from '../src/analysis/devContainer.js';
import { idleCommand, startCommand } from '../src/analysis/startCommand.js';
import {
  BASE_REFUSALS,
  baseOf,
  variantBeside,
  copiedNativeUnknowns,
  copiedPackageNeeds,
  installedBefore,
  runsBefore,
  sizeEffect,
  stageCommands,
  stageNeeds,
  stagesBuiltOn,
  stagesInScope,
  switchEdits,
  systemInstalls,
  type Need,
} from '../src/analysis/index.js';
import { JDK_ONLY_JARS, JDK_ONLY_PROGRAMS, JDK_USING_PROGRAMS, SLIM_DOC_READERS, bringsCCompiler, SLIM_LACKS_PROGRAMS, SLIM_LEAVES_OUT, SLIM_UNCHECKED, archivedRelease, onVariant, siblingOfKind, slimSiblingLacks } from '../src/knowledge/index.js';
import type { DistroRelease, IdentifiedImage, Sibling } from '../src/knowledge/types.js';
import { appendWords, recognise, runBody } from '../src/shell/index.js';

type Options = { installMissing: boolean; allStages: boolean; reportNoSibling: boolean };

/**
 * The full official images carry compilers, make, git, curl and dozens of -dev
 * headers (buildpack-deps); their slim siblings, of the same version and distro
 * release, do not, and are hundreds of megabytes smaller. The switch is made
 * only when nothing the stage (and every stage built on it) runs needs what slim lacks.
 */
export default defineTransform<Options>({
  meta: {
    name: 'slim-base',
    summary: 'Move a shipped stage from a full official image to its slim sibling (a JDK to its JRE) when nothing it runs needs what that lacks.',
    docs: `Switches a stage's FROM from a full official image to the slim sibling of the same version and
distro release: \`python:3.12\` → \`python:3.12-slim\`, \`python:3.11-bookworm\` → \`python:3.11-slim-bookworm\`,
\`node:20-bookworm\` → \`node:20-bookworm-slim\`, \`debian:bookworm\` → \`debian:bookworm-slim\`. The registry
prefix, \`--platform\`, \`AS name\` and the keyword's case stay as written. A review change: it changes
what is installed. Each switch reports the size the knowledge base expects it to save (an estimate, with
its source).

A JDK image with no slim variant moves to its JRE, of the same version and release:
\`eclipse-temurin:21-jdk\` → \`eclipse-temurin:21-jre\`, \`openjdk:11.0.2-slim\` → \`openjdk:11.0.2-jre-slim\`. The JRE
runs Java, with keytool and jfr, and has no compiler and none of the JDK's tools, so the switch is refused
(\`missing-tools\`) when the stage or a stage built on it runs one (javac, jar, jcmd, jstack, jmap, jshell,
jlink…), a build tool that compiles with it (mvn, ./mvnw, gradle, ./gradlew, ant, sbt, lein), a C build that
may compile JNI code against its headers (gcc, make, cmake, configure, or an install of a C compiler such as
build-essential, which pip, npm or gem may run unnamed: pip's jep builds against them), \`java Main.java\`, which compiles
the source file it launches, a jar that compiles Java itself (\`java -jar BuildTools.jar\`, Spigot's: JDK_ONLY_JARS), or a
program that runs a JDK tool while it serves (Spark 3.5 and later runs jmap for its UI's heap histograms: JDK_USING_PROGRAMS),
known by its launcher (\`spark-submit\`) or the variable its install sets (\`ENV SPARK_HOME\`); when
a command cannot be read (\`unknown-needs\`: a start script's \`eval \${STARTUP}\` runs a
command line the container is given when it starts); and in a development
environment (\`dev-container\`).

Slim lacks the buildpack-deps packages of the full image: gcc, g++, make, autoconf, git, curl, wget,
ssh, procps, unzip and the -dev headers (libpq-dev, libssl-dev…), less what the variant keeps: python's
slim keeps ca-certificates and netbase; rust's keeps gcc, libc6-dev (rustc links with cc) and
ca-certificates, but not wget, which fetched rustup and was removed. Before switching, every command of the
stage and of the stages built FROM it is read: the RUNs (nested commands too), CMD, ENTRYPOINT,
HEALTHCHECK, and shell scripts they run when a COPY brings the script in from the build context. A
command that calls a missing tool (\`update-ca-certificates\`: ca-certificates; \`apt-key\`: gnupg), a \`tar\`
that hands the archive to xz or bzip2 (\`-J\`, \`-j\`, or reading a \`.tar.xz\` or \`.tar.bz2\`), curl, wget or
git reaching an https URL (or one a variable holds: ca-certificates, which an \`apt-get install
--no-install-recommends curl\` leaves out on slim), a \`pip install\` of a package without wheels (psycopg2, mysqlclient…,
also read from \`-r requirements.txt\` in the build context, or as a heredoc COPY writes it), a \`pip install git+…\`, an npm install whose
lockfile lists a package that compiles with node-gyp (or any npm, yarn or pnpm install with
\`--build-from-source\`) or one fetched with git (\`git+ssh://…\`, \`github:user/repo\`: git, and ssh for
ssh URLs) — devDependencies, and lockfile entries marked \`dev: true\`, do not count when the install
leaves them out (\`npm ci --omit=dev\`, \`--only=production\`, \`--production\`, NODE_ENV=production for npm
and pnpm, \`yarn install --production\`, \`pnpm install --prod\`) —, a \`gem install\` of a gem other than bundler or rake, or a \`bundle install\`
(native extensions: gcc, make, libc6-dev; and the headers the gems of Gemfile.lock, or of the Gemfile
without one, compile against: pg → libpq-dev, mysql2 → default-libmysqlclient-dev, psych 5 → libyaml-dev…;
git for a gem from git; a Gemfile it cannot read, or another one named by \`--gemfile\` or BUNDLE_GEMFILE, is unknown), a cargo
build of the project (\`cargo build\`, \`install --path\`, \`run\`, \`test\`, \`check\`, \`chef cook\`) whose Cargo.lock (the nearest one
above its folder, from the build context) has a *-sys crate that links a system library (openssl-sys: libssl-dev and
pkg-config; pq-sys: libpq-dev; libsqlite3-sys unbundled: libsqlite3-dev; mysqlclient-sys), needs that package — unless the stage
installed it earlier (\`apt-get install -y gcc\`, or \`build-essential\`, which brings gcc, g++ and make).
What compiles C needs the C library's headers too (libc6-dev), which the full image has and gcc only
recommends: \`apt-get install --no-install-recommends gcc\` leaves them out on slim, so libc6-dev is missing
unless the stage names it (or g++ or build-essential, which depend on it).
The scripts of package.json are read as commands of the stage: the project's own lifecycle scripts
(\`preinstall\`, \`install\`, \`postinstall\`, \`prepare\`; \`node-gyp rebuild\` for a binding.gyp without
one) that a project install runs unless \`--ignore-scripts\`, and the script \`npm run build\`, \`yarn build\`
or \`pnpm start\` runs (\`bun run build\` too), with its pre and post scripts.
\`poetry install\`, \`pipenv install\`/\`sync\`, \`uv sync\` and \`uv pip install\`/\`sync\` are read as pip's
installs: the packages of poetry.lock, Pipfile.lock or uv.lock (whose wheel lists say whether a package
builds from source), or without one the dependencies of pyproject.toml or the Pipfile; the project
itself, when it is installed too, needs nothing with a build backend that compiles nothing (poetry-core,
hatchling, flit, pdm, uv) and is unknown with another (setuptools runs setup.py). A Python package that
loads a library at run time which slim lacks (psycopg 3 without \`[binary]\`: libpq5; python-magic:
libmagic1; Wand, cairocffi, CairoSVG, WeasyPrint, opencv-python) needs its Debian package, and so does
one a stage of the file installs and a switched stage copies in (\`COPY --from=builder /opt/venv …\`); a
module compiled there from source needs the library it links (psycopg2: libpq5), which the build stage had
and the switched stage lacks.
Named packages are judged by the knowledge base's lists: a pip package it does not list is taken to
have wheels. An npm package is known to compile nothing only when package-lock.json (or a pnpm-lock.yaml
before 9.0) says it runs no install script, when the stage runs pnpm 10 (corepack, \`corepack use\` or
\`npm install -g pnpm@10\` before the install, or a runner that names the version: \`npx pnpm@10 install\`,
\`pnpm dlx\`, \`bunx\`, \`npm exec -- pnpm@10\`, \`corepack pnpm@10\`, where an unversioned or \`latest\` one is
unknown but \`corepack pnpm\` runs what \`packageManager\` names; and package.json's \`packageManager\`, to
which pnpm 10 itself switches, agreeing) and neither \`onlyBuiltDependencies\` nor \`allowBuilds\` names it (pnpm 10 runs no other
dependency's install script), or when the knowledge base lists it. pnpm's settings are read where the build
puts them (package.json, the project's pnpm-workspace.yaml, the project's, the user's and the global .npmrc);
one that lets more build (\`dangerouslyAllowAllBuilds\`, \`neverBuiltDependencies\`), a workspace root above
the project, or a build setting given on the command line, in a variable, by a command or a mounted .npmrc
leaves the lockfile unrecorded. The packages of a yarn.lock, a 9.0 pnpm-lock.yaml installed by another or an
unknown pnpm, a package.json without a lockfile, or an \`npm install -g\` that the knowledge base does not list are unknown; so is every \`bun install\`
(or \`bun add\`): Bun runs the install scripts of the packages it trusts, its own default list and
\`trustedDependencies\`, which nothing dockshift reads records. Without a build context (\`--stdin\`) nothing there can be read, so such steps
are unknown.

With \`-o slim-base.installMissing=true\`, the missing packages are added instead: to the stage's first
top-level \`apt-get install\` before the first command that needs them (one layer), or, when there is
none, in a new \`RUN apt-get update && apt-get install -y --no-install-recommends … && rm -rf
/var/lib/apt/lists/*\` right after the FROM of the stage that needs them — the flags and cleanup
install-flags and cleanup-in-layer would add, so they find nothing to do there.

Only stages that ship (the last stage and the stages it is built FROM, and as much for a stage the
project publishes with \`--target\`: see the README's "Which stages") are switched: a build stage
does not change the image's size (\`-o slim-base.allStages=true\` takes every stage). Images without
a slim sibling in the knowledge base (ubuntu, golang, alpine…), stage names, \`scratch\`, and images it
does not know (private registries, mirrors) are left alone, silently unless
\`-o slim-base.reportNoSibling=true\` (an image already on a slim variant is never reported).

Refuses, naming the command and what is missing:
- \`missing-tools\`: a command runs a program of the full image that its slim sibling leaves out and no package brings
  back (swift's slim tags are runtime images, without swift, swiftc or clang; erlang's and elixir's lack rebar 2:
  SLIM_LACKS_PROGRAMS), or needs a package slim lacks (without installMissing; with it, when the stage has no
  install to add it to and the release has ended with its packages gone from the repositories its apt sources name:
  Debian 10 and older, Ubuntu's interim releases, where a new \`apt-get update\` fails).
- \`unknown-needs\`: something the stage runs cannot be read (a script not in the build context, a script
  in another language, run by its path or by its interpreter, that runs a package install (Rails' bin/setup in Ruby
  runs \`bundle install\`; \`python tools/plugins.py\` runs \`subprocess.check_call([…, "pip", "install", …])\`), a
  pip install of a source archive (\`https://…/foo-1.0.tar.gz\`, \`foo @ https://…zip\`) or with \`--no-binary\`,
  which builds from source whatever the package, a module compiled from source in a stage copied from, whose
  libraries dockshift does not know (mysqlclient), a program or library a build stage compiled from C (gcc, make, cmake,
  not \`-static\`) on a full image and the stage copies in (htslib and samtools built on \`python:3.12\`, copied from
  /opt): it may link any library of the full image's -dev headers (libcurl, libxml2…), which slim lacks; as much for one
  built on another image in a stage that installs -dev packages (\`libpq-dev\` on debian:bookworm: libpq5, which the full image
  may carry), or on a full image that is not buildpack-deps' with -dev packages whose library its slim lacks (swift's
  libpython3-dev); a program copied
  from an image the knowledge base does not know (\`FROM onerahmet/ffmpeg AS ffmpeg\`, then \`COPY --from=ffmpeg
  /usr/local/bin/ffmpeg …\`: from a bin folder, into one, or a \`.so\`), whose libraries may be the full image's, an install of Python packages no manifest it reads lists
  (\`pdm install\`, \`poetry add\`, conda's, \`python setup.py install\`; \`pipx install\` and \`uv tool install\` of named packages are
  read as pip's requirements), a
  script piped into a shell (\`curl … | bash\`), a start script that runs \`eval \${STARTUP}\` (a command line the container
  is given in its environment, as a game panel's yolks do), an \`ONBUILD RUN\` that runs in the images built on
  this one, a requirements file or package.json it cannot find, an npm package whose install script it
  does not know, or one from a lockfile that does not record install scripts: yarn.lock, pnpm-lock.yaml
9.0, a lockfileVersion 1 package-lock.json; a \`bun install\`; a \`cargo install\` of crates from crates.io or git, or a
cargo build with no Cargo.lock in the build context; any \`mix\`, \`rebar3\` or \`rebar\` command, whose mix.exs or
rebar.config may name git dependencies and NIFs built with make and gcc, and which reach hex.pm over https): what it needs is unknown.
- \`reads-left-out\`: the stage (or one built on it) installs a reader of what slim leaves out (man-db, manpages,
  info): dpkg on slim drops the man and info pages of every package, so the reader would find none.
- \`unchecked-variant\`: the slim sibling lacks things the analysis does not check (nginx's alpine-slim
  lacks curl and four modules a configuration may load).
- \`variant-beside\`: another Dockerfile in its folder (or, when the folder is not in the build context, in the
  context's root) already builds on the slim sibling: the files are the variants of one image built side by side
  (gleam's containers/node.dockerfile, node-slim.dockerfile, node-alpine.dockerfile), and switched, this one
  would build what that one does. Not where one builds FROM the image the other makes, by the word the other's name
  adds (outline's Dockerfile, FROM outlinewiki/outline-base, beside Dockerfile.base): those are a builder and a runtime.
- \`dev-container\`: a devcontainer.json of the build context (\`devcontainer.json\`, \`.devcontainer.json\`,
  \`.devcontainer/devcontainer.json\`) builds the Dockerfile (\`build.dockerfile\`, \`dockerFile\`, or its compose \`service\`'s
  \`build\`), the Dockerfile is CodeSandbox's \`.codesandbox/Dockerfile\`, the final stage builds on an image made to be worked in (a dev container image of
  mcr.microsoft.com/devcontainers, a Gitpod workspace, a Cloud Workstations image, code-server: src/knowledge/devEnvironments.ts), it runs
  \`unminimize\`, it is labelled for Toolbx (\`com.github.containers.toolbox="true"\`), it installs code-server or Xdebug, it installs two or more debuggers and tracers (a debug image), or the container only waits (\`sleep infinity\`,
  \`tail -f /dev/null\`; also behind a chain of init scripts, \`ENTRYPOINT ["/usr/local/share/docker-init.sh",
  "/usr/local/share/ssh-init.sh"]\`, each starting the next) for \`docker exec\`: a development environment, whose users run the
  compilers, git and man pages of the full image themselves, which no command of the Dockerfile shows.
- \`user-not-root\`: installMissing would add a RUN to a stage that runs as a non-root USER.
- \`digest-pinned\`, \`arg-shared\`, \`arg-default\`: the FROM is pinned by digest, or its image comes from a
  build argument that other FROM lines use or that cannot be rewritten. A tag the FROM writes, out or
  with arguments (\`FROM \${REGISTRY}/python:3.12\`, \`FROM python:\${PYTHON_VERSION}-bookworm\`), is switched
  where it is written (\`python:\${PYTHON_VERSION}-slim-bookworm\`), and the arguments keep their values, as
  \`--build-arg\` gives them; an argument that holds the whole image (\`FROM \${BASE_IMAGE}\`) and is used by
  this FROM alone is switched by editing its default. One that names the image before a tag the FROM writes
  (\`FROM \${PACKAGE_TYPE}:\${PACKAGE_VERSION}\`) is refused (\`arg-default\`): the tag would be chosen for the image its
  default names, and another value names another image (ubuntu has no -slim tag).
- \`no-slim-sibling\`: (only with reportNoSibling) the image has no slim sibling.`,
    hadolint: [],
    defaultEnabled: true,
    review: 'a base-image switch to the slim sibling: compilers, headers and tools of the full image are gone',
    options: {
      installMissing: { default: false, description: 'Install what slim lacks and the stage needs, instead of refusing.' },
      allStages: { default: false, description: 'Also switch build stages that the final image is not built on.' },
      reportNoSibling: { default: false, description: 'Report images that have no slim sibling (ubuntu, golang…) as refusals.' },
    },
    touches: { instructions: { FROM: ['edit'], ARG: ['edit'], RUN: ['edit', 'add'] } },
    refusals: {
      'missing-tools': 'a command of the stage needs a package the slim image lacks, or the JDK the JRE lacks',
      'unknown-needs': 'something the stage runs cannot be read, so what it needs is unknown',
      'reads-left-out': 'the stage installs a reader (man-db, info) of the pages slim leaves out',
      'unchecked-variant': 'the slim sibling lacks things the analysis does not check',
      'variant-beside': 'a Dockerfile beside it already builds on the sibling image: the files are the variants of one image, and switched, this one would build what that one does',
      'dev-container': 'a devcontainer.json builds the Dockerfile, it is CodeSandbox\'s .codesandbox/Dockerfile, it builds on an image made to be worked in, it installs code-server or Xdebug, it runs unminimize, it installs debuggers and tracers (a debug image), or the container only waits (`sleep infinity`): a development environment, whose users run what slim lacks',
      'user-not-root': 'installing the missing packages would need a RUN as root in a stage that runs as another user',
      'no-slim-sibling': 'the image has no slim sibling in the knowledge base (reported only with reportNoSibling)',
      ...BASE_REFUSALS,
    },
  },
  run(file, { options, buildContext, path, input }) {
    const dev = devContainerOf(buildContext, path, input);
    return stagesInScope(file, options.allStages, publishedTargets(buildContext, path, input?.text)).flatMap((stage) => forStage(file, stage, options, buildContext, dev, path) ?? []);
  },
});

function forStage(file: ParsedDockerfile, stage: Stage, options: Options, ctx: BuildContext | null, dev: DevContainer | null, dockerfilePath: string | null): Finding | null {
  const at = stage.from.span.start;
  const base = baseOf(file, stage);
  if (base.kind === 'skip') return null;
  const { image, resolved } = base;
  const sibling = siblingOfKind(image, 'slim');
  // A JDK with no slim variant (eclipse-temurin's) has a JRE: what runs a built application.
  const jre = sibling === null && !onVariant(image, 'jre') ? siblingOfKind(image, 'jre') : null;
  if (jre !== null) return toJre(file, stage, resolved, image, jre, ctx, dev);
  if (sibling === null) {
    // An image already on a slim variant (the result of an earlier switch) has nothing to move to.
    return options.reportNoSibling && !onVariant(image, 'slim') ? refusal(at, 'no-slim-sibling', `${resolved.written}: the knowledge base has no slim variant of ${image.repository.name}${image.variant === 'default' ? '' : ` ${image.variant}`} on the same distro and release`) : null;
  }
  const unchecked = SLIM_UNCHECKED[image.repository.name];
  if (unchecked !== undefined) return refusal(at, 'unchecked-variant', `${sibling.reference} lacks ${unchecked.lacks}; dockshift does not check those`);
  const twin = variantBeside(ctx, dockerfilePath, sibling.reference);
  if (twin !== null) return refusal(at, 'variant-beside', `${twin} beside it already builds on ${sibling.reference}: the files are the variants of one image, and switched, this one would build what that one does`);
  // What a developer runs in a dev container is typed at its prompt, not written in the Dockerfile. A distribution's
  // slim image (debian's) differs in its documentation alone; a language image's full variant carries a toolchain.
  const tools = image.repository.kind === 'os' ? 'the man pages and documentation' : 'the compilers, git, curl and man pages';
  if (dev !== null) return refusal(at, 'dev-container', `${devContainerSaid(dev)}: its users run ${tools} of ${resolved.written} at its prompt, which the Dockerfile does not show, and ${sibling.reference} lacks them`);
  // So is what runs in a container that only waits, kept up for `docker exec`.
  const final = file.stages.at(-1)!;
  const wait = final === stage || stagesBuiltOn(file, stage).includes(final) ? idleCommand(startCommand(file, final)) : null;
  if (wait !== null) return refusal(at, 'dev-container', `the container only waits (\`${wait}\`), kept up for what its users run with \`docker exec\`: ${tools} of ${resolved.written}, which the Dockerfile does not show, and ${sibling.reference} lacks them`);

  // A stage that installs a man or info reader wants the pages slim's dpkg leaves out.
  for (const s of stagesBuiltOn(file, stage)) {
    for (const install of systemInstalls(file, s, ctx)) {
      const reader = install.manager === 'apt' ? install.packages.find((p) => Object.hasOwn(SLIM_DOC_READERS, p)) : undefined;
      if (reader !== undefined) {
        return refusal(at, 'reads-left-out', `line ${install.at.inst.line} installs ${reader}, which reads ${SLIM_DOC_READERS[reader]}: ${sibling.reference} leaves out ${SLIM_LEAVES_OUT}, so it would find none`);
      }
    }
  }

  // The full image's own programs slim leaves out (swift's toolchain): nothing installs them back.
  const programs = SLIM_LACKS_PROGRAMS[image.repository.name];
  if (programs !== undefined) {
    for (const s of stagesBuiltOn(file, stage)) {
      const c = stageCommands(file, s, ctx).commands.find((c) => own(programs.programs, c.name) !== undefined);
      if (c !== undefined) return refusal(at, 'missing-tools', `${sibling.reference} lacks ${programs.programs[c.name]}: line ${c.inst.line} runs \`${c.text}\``);
    }
  }

  const lacks = slimSiblingLacks(image)?.packages ?? new Set<string>();
  let missing: Need[] = [];
  if (lacks.size > 0) {
    const shipped = stagesBuiltOn(file, stage);
    const analysis = stageNeeds(file, shipped, 'glibc', ctx);
    // Modules built in another stage and copied in load the libraries they were built against.
    const copied = copiedPackageNeeds(file, shipped, ctx);
    // So do programs and libraries compiled from C on a full image, against its -dev headers.
    const unknowns = [...analysis.unknowns, ...copied.unknowns, ...copiedNativeUnknowns(file, shipped, ctx)];
    if (unknowns.length > 0) {
      const u = unknowns[0]!;
      const more = unknowns.length > 1 ? ` (and ${unknowns.length - 1} more)` : '';
      return refusal(at, 'unknown-needs', `cannot tell whether ${sibling.reference} has what line ${u.inst.line} needs: ${u.what}: ${u.why}${more}`);
    }
    const copiedNeeds = copied.needs.filter((n) => !installedBefore(file, n, ctx).has(n.package));
    missing = [...analysis.needs, ...copiedNeeds].filter((n) => lacks.has(n.package));
  }

  const written = resolved.text ?? resolved.written;
  const edits = switchEdits(file, stage, resolved, sibling.reference);
  if (!edits.ok) return refusal(at, edits.code, edits.reason);
  const size = sizeEffect(written, image.facts.size, sibling.reference, sibling.size);
  const packages = [...new Set(missing.map((n) => n.package))];

  if (missing.length > 0 && !options.installMissing) {
    const first = missing[0]!;
    // A command that needs several packages is one command: count commands, not needs.
    const others = new Set(missing.map((n) => `${n.inst.index}\0${n.because}`)).size - 1;
    return refusal(at, 'missing-tools', `${sibling.reference} lacks ${packages.join(', ')}: line ${first.inst.line} ${first.inst.keyword === 'COPY' || first.inst.keyword === 'ADD' ? 'copies' : 'runs'} ${first.because}${others > 0 ? `, and ${others} more command${others > 1 ? 's' : ''} need${others > 1 ? '' : 's'} them` : ''} (-o slim-base.installMissing=true installs them)`);
  }
  const install = missing.length === 0 ? { ok: true as const, edits: [] } : installEdits(file, missing, ctx, archivedRelease(image));
  if (!install.ok) return refusal(at, install.code, install.reason);

  // rust's slim keeps gcc and libc6-dev (rustc links with cc); debian's full image has no more tools
  // than its slim: say what this slim lacks.
  const lacking = programs !== undefined ? programs.lacks : lacks.size === 0 ? null : lacks.has('gcc') ? 'compilers, make, git, curl and -dev headers' : 'g++, make, git, curl and -dev headers (it keeps gcc and libc6-dev)';
  const why =
    lacking === null
      ? `slim leaves out ${SLIM_LEAVES_OUT}; check that nothing the container runs reads them (man, a program showing translated messages)`
      : missing.length === 0
        ? `slim lacks ${lacking}; nothing this stage or the stages built on it run needs them. Check what the analysis cannot see: tools a program calls at run time, scripts mounted at run time`
        : `slim lacks ${lacking}; this installs ${packages.join(', ')}, which ${[...new Set(missing.map((n) => `line ${n.inst.line} (${n.because})`))].join('; ')} need(s)`;
  const message = `${written} → ${sibling.reference}${missing.length === 0 ? '' : ` with ${packages.join(', ')} installed`}`;
  return reviewChange(at, message, joinTouching([...edits.edits, ...install.edits]), why, size);
}

/**
 * The switch from a JDK to its JRE, when nothing the stage and the stages built on it run needs the JDK:
 * no compiler, JDK tool or build tool (JDK_ONLY_PROGRAMS), no source file launched with \`java Main.java\`
 * (which compiles it), and every command readable.
 */
function toJre(file: ParsedDockerfile, stage: Stage, resolved: ResolvedBase, image: IdentifiedImage, jre: Sibling, ctx: BuildContext | null, dev: DevContainer | null): Finding {
  const at = stage.from.span.start;
  if (dev !== null) return refusal(at, 'dev-container', `${devContainerSaid(dev)}: its users compile and inspect Java at its prompt with the JDK of ${resolved.written}, which ${jre.reference} lacks`);
  const final = file.stages.at(-1)!;
  const shipped = stagesBuiltOn(file, stage);
  const wait = shipped.includes(final) ? idleCommand(startCommand(file, final)) : null;
  if (wait !== null) return refusal(at, 'dev-container', `the container only waits (\`${wait}\`), kept up for what its users run with \`docker exec\`: the JDK's tools of ${resolved.written}, which ${jre.reference} lacks`);
  // A command that needs the JDK says more than one that cannot be read.
  const scans = shipped.map((s) => stageCommands(file, s, ctx));
  for (const c of scans.flatMap((scan) => scan.commands)) {
    const source = c.name === 'java' ? c.argv.find((w) => w !== null && w.endsWith('.java')) : undefined;
    // `java -jar BuildTools.jar`: a jar that compiles Java itself.
    const jar = c.name === 'java' ? c.argv[c.argv.indexOf('-jar') + 1] : undefined;
    const compiles = c.argv.includes('-jar') && jar != null ? JDK_ONLY_JARS.find((j) => j.name.test(jar.slice(jar.lastIndexOf('/') + 1))) : undefined;
    const why =
      own(JDK_ONLY_PROGRAMS, c.name) ??
      (source === undefined ? undefined : `java compiles the source file ${source} it launches, with the JDK's compiler`) ??
      compiles?.why ??
      JDK_USING_PROGRAMS.find((p) => p.launchers.includes(c.name))?.why;
    if (why !== undefined) return refusal(at, 'missing-tools', `${jre.reference} has no JDK: line ${c.inst.line} runs \`${c.text}\`: ${why}`);
  }
  // A program that runs a JDK tool itself, installed here: its start script may not be readable (Spark's entrypoint
  // runs its launcher from a bash array), but the variable its install sets says it is there.
  for (const inst of shipped.flatMap((s) => s.instructions)) {
    if (inst.keyword !== 'ENV') continue;
    for (const { name } of properties(file, inst)) {
      const program = JDK_USING_PROGRAMS.find((p) => p.env.includes(name));
      if (program !== undefined) return refusal(at, 'missing-tools', `${jre.reference} has no JDK: line ${inst.line} sets ${name}, so the image runs ${program.name}, and ${program.why}`);
    }
  }
  // A C compiler installed for a package manager that builds native code without naming it (pip building jep, a JNI bridge).
  for (const install of shipped.flatMap((s) => systemInstalls(file, s, ctx))) {
    const compiler = install.packages.find((p) => bringsCCompiler(p.split('=')[0]!));
    if (compiler !== undefined) {
      return refusal(at, 'missing-tools', `${jre.reference} has no JDK: line ${install.at.inst.line} installs ${compiler}, a C compiler, and native code built in a JDK image may be JNI code (pip's jep, say), which includes the JDK's include/jni.h`);
    }
  }
  const unknown = scans.flatMap((scan) => scan.unknowns)[0];
  if (unknown !== undefined) return refusal(at, 'unknown-needs', `cannot tell whether ${jre.reference} has what line ${unknown.inst.line} needs: ${unknown.what}: ${unknown.why}`);
  const written = resolved.text ?? resolved.written;
  const edits = switchEdits(file, stage, resolved, jre.reference);
  if (!edits.ok) return refusal(at, edits.code, edits.reason);
  const size = sizeEffect(written, image.facts.size, jre.reference, jre.size);
  const why = `the JRE runs Java but has no compiler and none of the JDK's tools (javac, jar, jcmd, jstack, jmap, jshell…); nothing this stage or the stages built on it run calls them. Check what the analysis cannot see: diagnostics run with \`docker exec\` (jcmd, jstack), a program that compiles Java when it runs`;
  return reviewChange(at, `${written} → ${jre.reference}`, edits.edits, why, size);
}

type InstallEdits = { ok: true; edits: Edit[] } | { ok: false; code: 'user-not-root' | 'missing-tools'; reason: string };

/** Adds the missing packages in each stage that needs them, in one layer. */
function installEdits(file: ParsedDockerfile, missing: readonly Need[], ctx: BuildContext | null, archived: DistroRelease | null): InstallEdits {
  const edits: Edit[] = [];
  for (const stageIndex of [...new Set(missing.map((n) => n.inst.stage))].sort((a, b) => a - b)) {
    const stage = file.stages[stageIndex]!;
    const needs = missing.filter((n) => n.inst.stage === stageIndex);
    const packages = [...new Set(needs.map((n) => n.package))];
    const first = needs.reduce((a, b) => (runsBefore(file, b, a) ? b : a));
    const existing = systemInstalls(file, stage, ctx).find((i) => i.manager === 'apt' && i.at.via === null && i.at.command !== null && i.at.command.enclosing.length === 0 && runsBefore(file, i.at, first));
    const body = existing === undefined ? null : runBody(file, existing.at.inst);
    const cmd = existing?.at.command == null ? null : recognise(existing.at.command);
    const operands = cmd?.kind === 'package' ? cmd.operands : [];
    if (body !== null && body.ok && operands.length > 0) {
      edits.push(appendWords(file, body, operands, packages));
      continue;
    }
    const user = rootUser(file, stage);
    if (user !== null) return { ok: false, code: 'user-not-root', reason: `line ${first.inst.line} needs ${packages.join(', ')}, and the stage runs as USER ${user.value} (line ${user.line}), so a new RUN could not install them` };
    // Joined to the stage's own install, they are fetched wherever it fetches; a new RUN reads the image's sources.
    if (archived !== null) {
      return { ok: false, code: 'missing-tools', reason: `line ${first.inst.line} needs ${packages.join(', ')}, and ${archived.family} ${archived.version} has ended: its packages have left the repositories its apt sources name, so a new RUN could not install them` };
    }
    const run = `${instructionHead(file, 'RUN')}apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')} && rm -rf /var/lib/apt/lists/*`;
    edits.push(insertLinesAfterFrom(file, stage.from, [run]));
  }
  return { ok: true, edits };
}

/** The non-root USER a stage starts as (set by a stage it is built on), or null for root. */
function rootUser(file: ParsedDockerfile, stage: Stage): { value: string; line: number } | null {
  for (const s of stageLineage(file, stage).slice(1)) {
    const user = s.instructions.filter((i) => i.keyword === 'USER').at(-1);
    if (user === undefined) continue;
    const value = user.argsSpan === null ? '' : file.text.slice(user.argsSpan.start, user.argsSpan.end).trim();
    return /^(?:root|0)(?::.*)?$/.test(value) ? null : { value, line: user.line };
  }
  return null;
}

/** A RUN inserted right after `FROM image` touches the image's edit: one edit then, as the engine wants. */
function joinTouching(edits: readonly Edit[]): Edit[] {
  const out: Edit[] = [];
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    const last = out.at(-1);
    if (last !== undefined && e.start === last.end) out[out.length - 1] = { start: last.start, end: e.end, text: last.text + e.text };
    else out.push(e);
  }
  return out;
}
