import type { Instruction, ParsedDockerfile, Stage } from '../src/dockerfile/types.js';
import { own } from '../src/own.js';
import type { BuildContext } from '../src/engine/context.js';
import { defineTransform, refusal, reviewChange, type Edit, type Finding } from '../src/engine/types.js';
import {
  ALPINE_RUN_REFUSALS,
  BASE_REFUSALS,
  baseOf,
  variantBeside,
  cgoWithoutCompiler,
  copiedArtefacts,
  copiedStageProgram,
  imageOnly,
  takesFrom,
  copyArgs,
  imageFileLibc,
  installedBefore,
  muslProblems,
  olderThan,
  rootImage,
  runForAlpine,
  runsDotnetAppHost,
  short,
  sizeEffect,
  stageNeeds,
  stagesBuiltOn,
  stagesInScope,
  switchEdits,
  type Need,
} from '../src/analysis/index.js';
import { AUTOMATIC_ARGS, properties, variablesAt } from '../src/dockerfile/variables.js';
import { expandWord } from '../src/dockerfile/words.js';
import { ALPINE_LACKS, ALPINE_LINKER_LACKS, ALPINE_TZDATA, BUSYBOX_APPLETS, BUSYBOX_LACKS_OPTIONS, DEBIAN_ONLY_GROUPS, DEBIAN_ONLY_USERS, debianOnlyFile, downloadLibc, muslTrouble, onVariant, siblingOfKind, slimLacks, SOURCE_BUILDERS, toolForCommand, UNPACKERS } from '../src/knowledge/index.js';
import type { IdentifiedImage } from '../src/knowledge/types.js';
import { BODY_REFUSALS, recognise } from '../src/shell/index.js';
import { installedPackages } from '../src/analysis/builds/index.js';
import { createdGroups, createdUsers, fileOwners, namedGroups } from '../src/analysis/accounts.js';
import { copySteps } from '../src/analysis/copiedFiles.js';
import { jvmLibraries } from '../src/analysis/jvmLibraries.js';
import { runScripts } from '../src/analysis/runScripts.js';
import { publishedTargets } from '../src/analysis/buildTargets.js';
import { devContainerOf, devContainerSaid, type DevContainer } from '../src/analysis/devContainer.js';
import { commandOverrides } from '../src/analysis/compose.js';
import { idleCommand, startCommand } from '../src/analysis/startCommand.js';
import { icuPackageReference, invariantGlobalization, projectRuntimeIdentifiers } from '../src/analysis/builds/dotnet.js';

type Options = { allStages: boolean; reportNoSibling: boolean };

/**
 * Alpine images are the smallest of the official variants, and the ones most
 * often broken by a blind switch: musl instead of glibc, apk instead of apt,
 * busybox instead of GNU tools and no bash. The switch is made only when every
 * RUN translates and nothing the stage installs or copies in needs glibc.
 */
export default defineTransform<Options>({
  meta: {
    name: 'alpine-base',
    summary: 'Move a stage to the -alpine sibling of its image when every RUN translates to apk and nothing needs glibc.',
    docs: `Switches a stage's FROM to the Alpine variant of the same image and version (\`python:3.12-slim\` →
\`python:3.12-alpine\`, \`node:20\` → \`node:20-alpine\`), and rewrites the RUNs of the stage and of every
stage built FROM it:
- \`apt-get install\` (or \`yum\`/\`dnf\`/\`microdnf install\`) becomes \`apk add --no-cache\` with the names of the
  knowledge base's package map (\`build-essential\` → \`build-base\`, \`libpq-dev\` → \`libpq-dev\`, \`libssl-dev\` →
  \`openssl-dev\`, \`gcc\` → \`gcc musl-dev\`: Alpine's gcc comes without the C library headers that Debian's
  brings); packages meaningless on Alpine (\`locales\`, \`apt-transport-https\`) are dropped with the reason.
  The install is rewritten where its packages stand: a list of one package per line (\`curl \\\` then \`git \\\`)
  stays one per line with its indentation and continuations, each package mapped on its line, one dropped
  with its line, a second apk name (gcc's musl-dev) on a line of its own below it, and comment lines between
  them kept; packages written several to a line stay so (a second name after a space);
- \`apt-get update\`, \`apt-get clean\` and \`rm -rf /var/lib/apt/lists/*\` go;
- \`useradd\`/\`groupadd\` become busybox \`adduser\`/\`addgroup\` with the same uid, gid, primary group, home
  and login shell (useradd's own user group becomes an explicit \`addgroup -g <uid>\`); a name or value
  that is a build variable (\`useradd -m $user\`) is passed on as the same variable, in double quotes.
The registry prefix, \`--platform\`, \`AS name\` and keyword case stay as written. A review change: Alpine
uses musl, busybox and apk; each switch reports the size the knowledge base expects it to save, and what the
knowledge base notes of the Alpine image alone (.NET's Alpine runtime images have no ICU and run in invariant
globalization mode).

Refuses, with the reason, when:
- \`unmapped-package\`: a package has no entry in the map (or is pinned to a Debian version);
- \`apt-repository\`, \`dpkg-install\`, \`debconf\`, \`locale-gen\`, \`piped-script\`: a PPA or apt source,
  \`dpkg -i\`, debconf answers, \`locale-gen\`, or \`curl … | bash\` (a script dockshift cannot read: a repository
  setup script written for Debian, or an installer that may fetch programs built for glibc);
- \`debian-file\`: a command uses a file that comes with a package the switch drops and Alpine does not have
  (\`sed -i … /etc/locale.gen\` after \`apt-get install locales\`: musl has no locale database to generate), or
  a COPY, ADD or command uses a place where a Debian package the stages install reads its configuration and the
  Alpine one does not (nginx's sites-available/, sites-enabled/ and conf.d/: Alpine's reads sites from http.d/, and conf.d/ outside http {}; supervisor's
  /etc/supervisor/; apache2's sites-*, conf-*, mods-*): the file would be ignored, or the command not find it.
  A file the container's command names itself (\`supervisord -c /etc/supervisor/conf.d/app.conf\`) is still read;
  an ENTRYPOINT or CMD that starts a program where only the Debian package puts it (\`/usr/bin/tini\`: Alpine's is
  /sbin/tini) would not start;
- \`debian-account\`: a COPY or ADD \`--chown\`, a \`chown\`, \`chgrp\` or a USER names a user or group of Debian's base image that
  the stages do not create and Alpine's base lacks (users www-data, proxy, backup, list, irc, gnats, _apt, sys; groups sudo,
  staff, plugdev, dip, operator…): the build would not find it;
- \`user-options\`: a useradd/groupadd option busybox lacks (supplementary groups, a numeric primary group,
  a primary group named by a variable, which may hold a number…);
- \`unsupported-command\`: another Debian-only command (\`dpkg --print-architecture\`, \`apt-mark\`, \`a2enmod\`, \`sudo\`,
  \`deluser\`/\`delgroup\`, which remove an account of the image that Alpine's may lack: SonarQube's \`deluser ubuntu\`, and
  any program of apt, dpkg, debconf, yum, dnf or rpm not translated, such as \`dpkg-query\`), or an apt command
  inside \`if\`, a loop, a pipeline or joined by \`||\`, or run by another program that dockshift does not rewrite
  (\`xargs -a packages.txt apt-get install -y\`, \`sh -c 'apt-get install …'\`, \`su -c "apt-mark hold x"\`, and
  \`playwright install-deps\` or \`playwright install --with-deps\`, which run apt-get themselves), whose
  packages it cannot translate (text that only names one, \`echo "installed with apt-get"\`, runs nothing); or a
  shell whose command string is only known at build time (\`sh -c "apt-get install -y $PKGS"\` under an ARG,
  \`su -c "$CMD" root\`), which may run any (a variable an ENV sets has its value, and the string is read);
- \`missing-tool\`: a command needs a tool the Alpine image lacks and the stage does not install — bash (for
  \`bash\` commands, an account made with bash as its login shell (\`useradd -s /bin/bash\`), \`#!/bin/bash\` and \`#!/usr/bin/env -S bash -e\` scripts and heredocs, \`RUN <<EOF bash\`, \`RUN ["bash", "-c", …]\`,
  \`SHELL ["/bin/bash", …]\`, the \`command:\` or \`entrypoint:\` of a compose service built from the Dockerfile, or from
  a stage switched (\`build.target\`): \`["/bin/bash", "-c", "./bootstrap.sh"]\`, or a script whose shell is not read,
  \`["./bootstrap.sh"]\`), or what the full image's buildpack-deps
  layers had (gcc, make, git…; busybox applets such as wget and unzip count as present), or the GNU tool for an
  option its busybox applet lacks (\`grep -P\`, \`grep -oP\`: grep; \`find -printf\`: findutils), or musl-dev for a
  Rust build (\`cargo build\`, \`cargo install\`, \`cargo check\`: any cargo command but those that compile nothing such as
  \`cargo fetch\`, or rustc) on rust's Alpine images before 1.92, whose gcc cannot
  link without it (unless the stage installs libc6-dev or build-essential, translated to musl-dev and build-base),
  or gcc and musl-dev for a \`go build\` whose project needs cgo (a Go file imports C, or go.mod requires a cgo
  module such as github.com/mattn/go-sqlite3): golang's Alpine images have no C compiler, so Go would build it
  without cgo (unless the stage installs gcc or build-essential first); a \`go install x@v1\` builds a module it
  downloads, not the context's, so the context's go.mod and Go files say nothing of it, and whether it needs cgo is
  not known: refused there too, unless CGO_ENABLED or CC is set. A \`go build\` that needs no cgo builds
  there as is, and the program it writes (\`-o app\`) is run as a program, not read as a script. Or git for a Go
  download that clones (\`go get\`, \`go install x@v1\`, \`go mod download\`): on Go before 1.13, with
  \`GOPROXY=direct\`, or for a \`go get\` in GOPATH mode (GO111MODULE=off, or up to Go 1.15 with no go.mod where it
  runs); or tzdata (the time zone files of /usr/share/zoneinfo, which Alpine's base lacks and only python's, nginx's
  and eclipse-temurin's Alpine images install) for a command that uses a file there (\`ln -snf /usr/share/zoneinfo/$TZ
  /etc/localtime\`), or an \`ENV TZ\` naming a zone (\`TZ=Europe/Berlin\`; not UTC, nor a POSIX rule with its offset), whose
  local time musl would leave at UTC;
- \`glibc-download\`: a download of a prebuilt glibc artefact (\`*linux-gnu*\`, \`node-v*-linux-x64\` tarballs, Temurin
  \`x64_linux\` JDKs);
- \`unknown-download\`: a download (curl, wget, \`ADD <url>\`) of a prebuilt program, installer or archive whose C
  library dockshift cannot tell (\`tini-amd64\`, \`awscli-exe-linux-x86_64.zip\`). A download runs on Alpine when its
  name says musl, Alpine or static, when the knowledge base records it as a static program (gosu, yq, kubectl,
  Helm, HashiCorp releases, the Go toolchain), when it is no native program (a \`.sh\`, \`.py\`, \`.jar\`, \`.json\`,
  key or other file with an extension; a download piped into anything but an unpacker: tar, unzip, 7z, cpio, gunzip, xz, zstd…), or when it is an archive of
  sources (GitHub's \`/archive/\` tarballs, \`*-src*\`) or one the stages build after it (configure, make, cmake…);
- \`musl-packages\`: scientific Python with no musl wheels for the pinned version (numpy, scipy, pandas before
  their first musllinux wheels; torch, tensorflow), an npm package whose prebuilt binaries are glibc only, or a
  Java library whose jar carries JNI code built for glibc (rocksdbjni and Kafka Streams, ONNX Runtime), named in
  the pom.xml or Gradle files of a build the stages run, copy from, or whose built jar they copy from the context
  (named before \`unknown-needs\`: a package known not to install is the reason even beside others not known);
- \`glibc-binary\`: a binary copied in from a glibc stage, or bind-mounted from one into a RUN (Go built without \`CGO_ENABLED=0\`, Rust not built for a
  musl target, C built there, .NET published there for a glibc runtime identifier (\`-r linux-x64\`, \`-a $TARGETARCH\`, or
  \`<RuntimeIdentifier>\` in a project file), the apphost a framework-dependent \`dotnet publish\` writes on a glibc SDK
  image when the container starts it (\`ENTRYPOINT ["./Api"]\`, not \`dotnet Api.dll\`), packages installed there by npm, pip (or fetched by \`pip wheel\`), a Python project
  manager (\`uv sync\`, \`poetry install\`, \`pipenv install\`, \`pdm install\`), pipx or conda), a program a stage that compiles nothing
  downloaded, installed or has from its image on a glibc image (or one dockshift does not know), copied from a bin folder, into one, or
  a \`.so\` (\`COPY --from=fetch /usr/local/bin/yt-dlp …\` after a RUN that downloads yt-dlp_linux), or a stage on another C library copying such
  files out of the switched stages. Files whose names say they hold no native code (under /etc or /usr/share, or a
  .rb, .py, .json, .conf, .sh… file: \`COPY --from=build /src/plugin/out.rb …\`) are not binaries, whatever the stage
  built. What a Node build writes (\`COPY --from=build /app/dist /usr/share/nginx/html\`)
  counts as files, not native code, when the stage's only installs are Node project installs, the copied path
  lies in the project folder outside node_modules, and nothing the receiving stages run names it, is on PATH
  or is Node.js (which loads \`.node\` files a bundler may have written there; an image whose entrypoint or
  command is node, such as distroless nodejs, counts). A file copied from an image rather than a stage
  (\`COPY --from=oven/bun:1 /usr/local/bin/bun …\`), or from a stage that only names one (\`FROM oven/bun:1 AS bun\`
  with no RUN, COPY or ADD), is taken for a glibc binary unless the image is known to be
  built on Alpine (or its tag names alpine), has no C library (distroless static), or the file is known: uv's
  static \`/uv\` and \`/uvx\` (ghcr.io/astral-sh/uv, or astral/uv on Docker Hub), Composer's phar (\`composer:2\` \`/usr/bin/composer\`), or
  configuration and data (under /etc or /usr/share, or a .json, .conf, .pem, .sh… file);
- \`glibc-target\`: a \`dotnet\` command builds for a glibc runtime identifier (\`-r linux-x64\`, \`--runtime linux-arm64\`,
  \`-p:RuntimeIdentifier=linux-x64\`, \`--os linux\`, or \`<RuntimeIdentifier>\` in a .csproj or Directory.Build.props):
  the app's host and the native libraries it picks are glibc builds (Alpine's identifiers are \`linux-musl-*\`). An
  identifier given through a variable (\`-r $RID\`, \`--runtime=\${TARGET_RID}\`) is judged by the value its ARG's
  default or ENV gives (with an ARG's musl default the switch is made, and its note says a \`--build-arg\` with a glibc
  identifier would not run); one only known at build time (an ARG without default, a variable the RUN sets itself or
  the Dockerfile does not set, \`$(…)\`, BuildKit's \`--os $TARGETOS\`) refuses, naming the variable;
- \`needs-icu\`: a .NET project the context sends turns invariant globalization off (\`<InvariantGlobalization>false\`
  in a project file or Directory.Build.props, under a Condition too, \`"System.Globalization.Invariant": false\` in runtimeconfig.template.json)
  and the Alpine image has no ICU (aspnet, runtime and runtime-deps): the app's setting wins over the image's
  DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true, so it looks for ICU at start and stops; or a project references a package that
  needs ICU (Microsoft.Data.SqlClient, Microsoft.EntityFrameworkCore.SqlServer: SqlClient does not connect in invariant mode);
  a stage that installs ICU itself is switched;
- \`unknown-needs\`: something the stages run cannot be read (a script, requirements file or package.json not
  in the build context; an install of Python packages no manifest it reads lists, such as \`pdm install\` or
  \`python setup.py install\`), or an npm package is not known to compile nothing (as for slim-base: the packages
  of a yarn.lock, or a 9.0 pnpm-lock.yaml unless pnpm 10 is proved to run it, which do not record install
  scripts; every \`bun install\`; a \`cargo install\` of crates from crates.io or git, or a cargo build with no
  Cargo.lock in the build context, whose *-sys crates may link system libraries; any \`mix\`, \`rebar3\` or \`rebar\`
  command, whose mix.exs or rebar.config may name git dependencies and NIFs built with make and gcc), or a pip package (also from
  poetry.lock, Pipfile.lock, uv.lock or pyproject.toml) that the knowledge base neither knows as pure Python
  nor lists with its musl wheels: it may have glibc-only wheels and build from source on Alpine (uv.lock's
  wheel lists answer exactly), or a gem the Gemfile.lock has only prebuilt for glibc Linux (\`nokogiri
  (1.16.2-x86_64-linux)\`, with no -linux-musl build and not its source): bundler on Alpine compiles it or stops
  on the lockfile's platforms;
- \`comment-inside\`: a comment line inside a RUN lies in a part that would be rewritten or removed (between
  commands that go, or right above a package that is dropped, which it may describe);
- \`exec-form\`, \`heredoc\`, \`non-posix-shell\`, \`unparsable-shell\`: a RUN with Debian commands in a form that is
  not rewritten;
- \`variant-beside\`: as for slim-base, another Dockerfile beside it already builds on the Alpine sibling;
- \`dev-container\`: as for slim-base, a development environment (a devcontainer.json or CodeSandbox builds the
  Dockerfile, it builds on an image made to be worked in, it is a debug image, or the container only waits for \`docker exec\`), whose
  users run glibc programs, bash and GNU tools at its prompt, which no command of the Dockerfile shows;
- \`digest-pinned\`, \`arg-shared\`, \`arg-default\`: as for slim-base.
Stages that do not ship are left alone unless \`-o alpine-base.allStages=true\`; images without an Alpine
sibling, stage names, \`scratch\` and unknown images are left alone (reported with \`reportNoSibling\`, unless the
image is already an Alpine variant).`,
    hadolint: [],
    defaultEnabled: false,
    review: 'a base-image switch to the -alpine sibling: musl instead of glibc, apk packages instead of apt ones',
    options: {
      allStages: { default: false, description: 'Also switch build stages that the final image is not built on.' },
      reportNoSibling: { default: false, description: 'Report images that have no Alpine sibling as refusals.' },
    },
    touches: { instructions: { FROM: ['edit'], ARG: ['edit'], RUN: ['edit', 'remove'] } },
    refusals: {
      ...ALPINE_RUN_REFUSALS,
      'debian-account': 'the stages give files to, or run as, a user or group of Debian\'s base image that Alpine\'s lacks (www-data, staff)',
      'missing-tool': 'a command needs a tool the Alpine image lacks and the stage does not install',
      'glibc-download': 'a download of a prebuilt glibc artefact',
      'unknown-download': 'a download of a prebuilt program (or an archive of them) whose C library is unknown',
      'musl-packages': 'Python or npm packages without musl wheels or prebuilt binaries, or Java libraries whose JNI code is built for glibc',
      'glibc-binary': 'a binary (or native package) crosses between a glibc stage and a musl one, or is copied from an image not known to be musl',
      'glibc-target': 'a build for a glibc runtime identifier (dotnet -r linux-x64), or for one only known at build time (dotnet -r $RID, ARG RID without default)',
      'needs-icu': 'a .NET project turns invariant globalization off, or references a package that needs ICU (Microsoft.Data.SqlClient), and the Alpine image has no ICU',
      'unknown-needs': 'something the stages run cannot be read, so what they need is unknown',
      'variant-beside': 'a Dockerfile beside it already builds on the sibling image: the files are the variants of one image, and switched, this one would build what that one does',
      'dev-container': 'a development environment (a devcontainer.json or CodeSandbox builds it, it builds on an image made to be worked in, it installs code-server or Xdebug, it is a debug image, or the container only waits), whose users run what Alpine lacks at its prompt',
      'no-alpine-sibling': 'the image has no Alpine sibling in the knowledge base (reported only with reportNoSibling)',
      'exec-form': BODY_REFUSALS['exec-form'],
      heredoc: BODY_REFUSALS.heredoc,
      'non-posix-shell': BODY_REFUSALS['non-posix-shell'],
      'unparsable-shell': BODY_REFUSALS['unparsable-shell'],
      ...BASE_REFUSALS,
    },
  },
  run(file, { options, buildContext, path, input }) {
    const dev = devContainerOf(buildContext, path, input);
    return stagesInScope(file, options.allStages, publishedTargets(buildContext, path, input?.text)).flatMap((stage) => forStage(file, stage, options, buildContext, dev, path, input?.text) ?? []);
  },
});

function forStage(file: ParsedDockerfile, stage: Stage, options: Options, ctx: BuildContext | null, dev: DevContainer | null, dockerfilePath: string | null, text: string | undefined): Finding | null {
  const at = stage.from.span.start;
  const base = baseOf(file, stage);
  if (base.kind === 'skip') return null;
  const { image, resolved } = base;
  const sibling = siblingOfKind(image, 'alpine');
  if (sibling === null) {
    // An image already on an Alpine variant (the result of an earlier switch) has nothing to move to.
    return options.reportNoSibling && !onVariant(image, 'alpine') ? refusal(at, 'no-alpine-sibling', `${resolved.written}: the knowledge base has no Alpine variant of ${image.repository.name}`) : null;
  }
  const source = image.facts.packageManager === 'apt' ? 'apt' : 'rpm';
  const stages = stagesBuiltOn(file, stage);
  const refuse = (code: string, reason: string) => refusal(at, code, `${sibling.reference}: ${reason}`);

  const twin = variantBeside(ctx, dockerfilePath, sibling.reference);
  if (twin !== null) return refuse('variant-beside', `${twin} beside it already builds on it: the files are the variants of one image, and switched, this one would build what that one does`);
  // What a developer runs in a dev container is typed at its prompt, not written in the Dockerfile.
  if (dev !== null) return refuse('dev-container', `${devContainerSaid(dev)}: its users run the glibc programs, bash and GNU tools of ${resolved.written} at its prompt, which the Dockerfile does not show`);
  // So is what runs in a container that only waits, kept up for `docker exec`.
  const final = file.stages.at(-1)!;
  const wait = stages.includes(final) ? idleCommand(startCommand(file, final)) : null;
  if (wait !== null) return refuse('dev-container', `the container only waits (\`${wait}\`), kept up for what its users run with \`docker exec\`: the glibc programs, bash and GNU tools of ${resolved.written}, which the Dockerfile does not show`);

  // 1. Every RUN translates, and nothing uses where Debian's packages, not Alpine's, keep their configuration.
  const installed = new Set(stages.flatMap((s) => installedPackages(runScripts(file, s)).names));
  const placed = debianLayoutCopy(file, stages, source, installed) ?? debianLayoutProgram(file, stages, source, installed);
  if (placed !== null) return refuse('debian-file', placed);
  const account = source === 'apt' ? debianAccount(file, stages, image) : null;
  if (account !== null) return refuse('debian-account', account);
  const edits: Edit[] = [];
  const notes: string[] = [];
  for (const s of stages) {
    for (const inst of s.instructions) {
      if (inst.keyword !== 'RUN') continue;
      const run = runForAlpine(file, inst, source, installed);
      if (run.kind === 'refuse') return refuse(run.code, run.reason);
      if (run.kind === 'edit') {
        edits.push(run.edit);
        notes.push(...run.notes);
      }
    }
  }

  // 2. What the stages run is readable, and the Alpine image has it.
  const analysis = stageNeeds(file, stages, 'musl', ctx);
  // A package known not to install on musl is the reason, even beside others that are only unknown.
  const musl = muslProblems(analysis);
  if (musl.length > 0) return refuse('musl-packages', `line ${musl[0]!.at.inst.line} installs ${musl[0]!.what}: ${musl[0]!.reason}`);
  const jni = jniLibrary(file, stages, ctx);
  if (jni !== null) return refuse('musl-packages', jni);
  if (analysis.unknowns.length > 0) {
    const u = analysis.unknowns[0]!;
    return refuse('unknown-needs', `cannot tell what line ${u.inst.line} needs: ${u.what}: ${u.why}`);
  }
  const lacks = alpineLacks(image, sibling.image);
  const missing = [...analysis.needs.filter((n) => lacks.has(n.package)), ...bashNeeds(file, stages, analysis.commands, ctx), ...gnuOptionNeeds(file, analysis.commands, ctx)];
  if (missing.length > 0) {
    const m = missing[0]!;
    return refuse('missing-tool', `lacks ${m.package}: line ${m.inst.line} runs ${m.because}, and the stage does not install it`);
  }
  const composeBash = installed.has('bash') ? null : (stages.map((s) => composeRunsBash(ctx, dockerfilePath, text, s.name, s === file.stages.at(-1))).find((b) => b !== null) ?? null);
  if (composeBash !== null) return refuse('missing-tool', `lacks bash: ${composeBash}, and the stage does not install it`);
  const zoneinfo = zoneinfoMissing(file, stages, analysis.commands, sibling, installed, ctx);
  if (zoneinfo !== null) return refuse('missing-tool', zoneinfo);
  const linking = linkerMissing(file, image, sibling.image, analysis.commands, ctx);
  if (linking !== null) return refuse('missing-tool', linking);
  const cgo = cgoWithoutCompiler(file, stages, sibling.image, ctx);
  if (cgo !== null) {
    return refuse('missing-tool', `lacks gcc and musl-dev, which cgo needs: line ${cgo.command.inst.line} runs \`${short(cgo.command.text)}\`, ${cgo.why}; on ${sibling.reference}, without a C compiler, Go builds without cgo, and the stage does not install one (apk add gcc musl-dev)`);
  }

  // 3. Nothing needs glibc.
  const download = downloadProblem(file, stages, analysis.commands);
  if (download !== null) return refuse(download.code, download.reason);
  const crossing = libcCrossing(file, stages, ctx);
  if (crossing !== null) return refuse('glibc-binary', crossing);
  const target = glibcTarget(file, analysis.commands, ctx);
  if (target.kind === 'refuse') return refuse('glibc-target', target.reason);
  const icu = icuTurnedOn(file, stages, image, sibling.image, ctx);
  if (icu !== null) return refuse('needs-icu', icu);

  // 4. The switch.
  const written = resolved.text ?? resolved.written;
  const from = switchEdits(file, stage, resolved, sibling.reference);
  if (!from.ok) return refusal(at, from.code, from.reason);
  const size = sizeEffect(written, image.facts.size, sibling.reference, sibling.size);
  const rewritten = edits.length === 0 ? '' : `; ${edits.length} RUN${edits.length === 1 ? '' : 's'} rewritten for apk`;
  const why = [
    'Alpine uses musl instead of glibc, busybox instead of GNU tools, and has no bash: check programs that load native code or call GNU-only options',
    ...sibling.notes,
    // What the knowledge base says of the Alpine image alone (.NET's: no ICU).
    ...sibling.image.facts.notes.filter((n) => !image.facts.notes.includes(n)),
    ...notes,
    ...target.notes,
  ].join('; ');
  return reviewChange(at, `${written} → ${sibling.reference}${rewritten}`, [...from.edits, ...edits], why, size);
}

type StageCommands = ReturnType<typeof stageNeeds>['commands'];

/** A Java library the stages' jars carry whose JNI code does not load on musl, said for the refusal; null when none is named. */
function jniLibrary(file: ParsedDockerfile, stages: readonly Stage[], ctx: BuildContext | null): string | null {
  for (const lib of jvmLibraries(file, stages, ctx)) {
    const trouble = muslTrouble(lib.coordinates, 'maven');
    if (trouble === null) continue;
    const how = lib.inst.keyword === 'RUN' ? 'builds with' : 'copies a jar built with';
    return `line ${lib.inst.line} ${how} ${lib.buildFile}, which names ${lib.coordinates}: ${trouble.reason}`;
  }
  return null;
}

/**
 * A user or group of Debian's base image that the stages give files to or run as (\`COPY --chown=www-data\`,
 * \`chown -R www-data /srv\`, \`chown root:staff /srv\`, \`USER www-data\`) and do not create, said as a reason;
 * null when none: Alpine's base has no such account, so the COPY or chown fails to find it, and so does the USER.
 */
function debianAccount(file: ParsedDockerfile, stages: readonly Stage[], image: IdentifiedImage): string | null {
  const created = new Set(stages.flatMap((s) => createdUsers(file, s)).flatMap((u) => (u.name === null ? [] : [u.name])));
  const createdGroupNames = new Set(stages.flatMap((s) => [...createdGroups(file, s)]));
  const lacks = (name: string) => DEBIAN_ONLY_USERS.names.has(name) && !created.has(name) && DEBIAN_ONLY_USERS.madeOnAlpineBy[name]?.has(image.repository.name) !== true;
  const found: { inst: Instruction; name: string; does: string; kind: 'user' | 'group' }[] = [];
  for (const s of stages) {
    for (const owner of fileOwners(file, s)) {
      if (lacks(owner.user)) found.push({ inst: owner.inst, name: owner.user, does: 'gives files to', kind: 'user' });
    }
    for (const inst of s.instructions) {
      if (inst.keyword !== 'USER' || inst.argsSpan === null) continue;
      const name = file.text.slice(inst.argsSpan.start, inst.argsSpan.end).trim().split(':')[0]!;
      if (lacks(name)) found.push({ inst, name, does: 'runs as', kind: 'user' });
    }
    for (const g of namedGroups(file, s)) {
      if (DEBIAN_ONLY_GROUPS.names.has(g.group) && !createdGroupNames.has(g.group)) found.push({ inst: g.inst, name: g.group, does: `${g.does} the group`, kind: 'group' });
    }
  }
  const first = found.sort((a, b) => a.inst.index - b.inst.index)[0];
  if (first === undefined) return null;
  const group = first.name === 'www-data' ? ' (only a www-data group)' : '';
  return `line ${first.inst.line} ${first.does} ${first.name}, a ${first.kind} Debian's base image has and Alpine's does not${group}: the ${first.inst.keyword} would not find it`;
}

/**
 * A COPY or ADD into a place where the Debian package the stages install reads its configuration
 * and the Alpine one does not (nginx's sites-available/ or conf.d/, supervisor's /etc/supervisor/):
 * on Alpine the file would be ignored, and the server would start without it. A path the container's
 * command names itself (\`supervisord -c /etc/supervisor/conf.d/app.conf\`) is read by name, and stays fine.
 */
function debianLayoutCopy(file: ParsedDockerfile, stages: readonly Stage[], source: 'apt' | 'rpm', installed: ReadonlySet<string>): string | null {
  if (installed.size === 0) return null;
  const named = stages.flatMap((s) => {
    const c = startCommand(file, s);
    return [c.entrypoint, c.cmd].flatMap((p) => (p === null ? [] : (p.argv ?? p.text.split(/\s+/)).filter((w): w is string => w !== null)));
  });
  for (const s of stages) {
    for (const step of copySteps(file, s)) {
      if (step.dest === null) continue;
      const owned = debianOnlyFile(step.dest, source, installed);
      if (owned === null || named.some((w) => w === step.dest || w.startsWith(`${step.dest}/`))) continue;
      return `line ${step.inst.line} copies to ${step.dest}, where the Debian package ${owned.package} reads its configuration and the Alpine one does not (${owned.reason}): the file would be ignored`;
    }
  }
  return null;
}


/**
 * An ENTRYPOINT or CMD that starts a program by the path where the Debian package the stages install
 * puts it and the Alpine one does not (\`/usr/bin/tini\`, which Alpine's tini installs as /sbin/tini):
 * after the switch the container would not start.
 */
function debianLayoutProgram(file: ParsedDockerfile, stages: readonly Stage[], source: 'apt' | 'rpm', installed: ReadonlySet<string>): string | null {
  if (installed.size === 0) return null;
  for (const s of stages) {
    const c = startCommand(file, s);
    for (const part of [c.entrypoint, c.cmd]) {
      const program = part?.argv?.[0];
      if (part === null || program === undefined) continue;
      const owned = debianOnlyFile(program, source, installed);
      if (owned !== null) return `line ${part.inst.line} starts ${program}, where the Debian package ${owned.package} puts it and the Alpine one does not (${owned.reason}): the container would not start`;
    }
  }
  return null;
}

/**
 * A download (curl, wget, ADD of a URL) that may need glibc: one known to (a \`*-linux-gnu\` build),
 * or a prebuilt program or archive of them whose C library cannot be told. What is named for
 * musl, Alpine or static linking, a known static program, a script or other non-native file, and
 * an archive of sources the stages build, run on Alpine.
 */
function downloadProblem(file: ParsedDockerfile, stages: readonly Stage[], commands: StageCommands): { code: 'glibc-download' | 'unknown-download'; reason: string } | null {
  // An archive downloaded before a source build runs holds sources, built here for musl.
  const builds = commands.filter((c) => !c.runtime && (SOURCE_BUILDERS.has(c.name) || ['compiler', 'build'].includes(toolForCommand(c.name)?.kind ?? '')));
  const builtAfter = (inst: Instruction, order: number) => builds.some((b) => b.inst.index > inst.index || (b.inst === inst && b.order > order));
  const judge = (inst: Instruction, order: number, url: string, saved: string | null) => {
    const d = downloadLibc(url, saved);
    if (d.kind === 'glibc') return { code: 'glibc-download' as const, reason: `line ${inst.line} downloads ${d.what}: ${url}` };
    if (d.kind === 'musl-or-static' || d.kind === 'not-native') return null;
    if (d.kind === 'archive' && (d.what === 'a source archive' || builtAfter(inst, order))) return null;
    return { code: 'unknown-download' as const, reason: `line ${inst.line} downloads ${d.what}: ${url}, and which C library it needs is unknown (only builds named for musl, Alpine or static linking, and known static programs, are taken to run on Alpine)` };
  };
  const found: { inst: Instruction; order: number; problem: { code: 'glibc-download' | 'unknown-download'; reason: string } }[] = [];
  for (const c of commands) {
    if (c.command === null || c.runtime) continue;
    const r = recognise(c.command);
    if (r?.kind !== 'download' || r.sink === 'substitution' || r.sink === 'discarded' || r.sink === 'output') continue;
    // Piped into anything but an unpacker, the download is text a program reads (a key, a script, JSON).
    if (r.sink === 'pipe' && !UNPACKERS.has(pipedInto(c) ?? '')) continue;
    const vars = variablesAt(file, c.inst);
    for (const u of r.urls) {
      const url = u.value ?? expandWord(u.raw, (n) => vars.get(n)?.value ?? null, file.escape).value ?? u.raw;
      const problem = judge(c.inst, c.order, url, r.sink === 'file' ? r.output : null);
      if (problem !== null) found.push({ inst: c.inst, order: c.order, problem });
    }
  }
  for (const s of stages) {
    for (const inst of s.instructions) {
      if (inst.keyword !== 'ADD') continue;
      const args = copyArgs(file, inst);
      if (typeof args === 'string') continue;
      const vars = variablesAt(file, inst);
      const dest = expandWord(args.dest, (n) => vars.get(n)?.value ?? null, file.escape).value;
      for (const source of args.sources) {
        const url = expandWord(source, (n) => vars.get(n)?.value ?? null, file.escape).value ?? source;
        if (!/^(?:https?|ftp):\/\//.test(url)) continue;
        const problem = judge(inst, -1, url, dest === null || dest.endsWith('/') ? null : dest);
        if (problem !== null) found.push({ inst, order: -1, problem });
      }
    }
  }
  found.sort((a, b) => a.inst.index - b.inst.index || a.order - b.order);
  return found.find((f) => f.problem.code === 'glibc-download')?.problem ?? found[0]?.problem ?? null;
}

/** What the .NET builds of the stages target: a refusal's reason, or the notes of a switch. */
type TargetCheck = { kind: 'refuse'; reason: string } | { kind: 'ok'; notes: string[] };

/**
 * A .NET build for a glibc runtime identifier (\`dotnet publish -r linux-x64\`, \`--runtime=linux-arm64\`,
 * \`-p:RuntimeIdentifier=linux-x64\`, \`--os linux\`, or \`<RuntimeIdentifier>\` in a project file the
 * context sends): its apphost and the native assets it picks are glibc builds, which do not run on musl
 * (Alpine's are \`linux-musl-*\`). An identifier given through a variable (\`-r $RID\`) is judged by the
 * value the Dockerfile gives it (an ARG's default is what a plain build uses, as everywhere else); one
 * only known at build time may be a glibc one, so it refuses too.
 */
function glibcTarget(file: ParsedDockerfile, commands: StageCommands, ctx: BuildContext | null): TargetCheck {
  const glibc = (rid: string | null): rid is string => rid !== null && /^linux-(?!musl-)/.test(rid);
  const musl = (rid: string) => `linux-musl-${rid.slice('linux-'.length)}`;
  const notes: string[] = [];
  let dotnet: StageCommands[number] | undefined;
  for (const c of commands) {
    if (c.name !== 'dotnet' || c.runtime) continue;
    dotnet ??= c;
    const words = dotnetWords(file, c);
    const argv = words.map((w) => w.text);
    const rids = words.flatMap((w, i): ReadonlyArray<{ rid: string; from: readonly WordSource[] }> => {
      if (w.text === '-r' || w.text === '--runtime') return words[i + 1] === undefined ? [] : [{ rid: words[i + 1]!.text, from: words[i + 1]!.from }];
      // --os linux with --arch x64 is linux-x64: the SDK names the glibc identifier for it. An OS only
      // known at build time (\`--os $TARGETOS\`, linux on every Linux platform) is judged as an identifier.
      const os = (text: string, from: readonly WordSource[]) => (text === 'linux' ? [{ rid: 'linux-x64', from }] : text.includes(UNKNOWN) ? [{ rid: text, from }] : []);
      if (w.text === '--os') return words[i + 1] === undefined ? [] : os(words[i + 1]!.text, words[i + 1]!.from);
      const joinedOs = /^--os[=:](.*)$/s.exec(w.text);
      if (joinedOs !== null) return os(joinedOs[1]!, w.from);
      const joined = /^(?:(?:-r|--runtime)[=:]|[-/](?:p|property):RuntimeIdentifier=)(.*)$/is.exec(w.text);
      return joined == null ? [] : [{ rid: joined[1]!, from: w.from }];
    });
    const ran = `line ${c.inst.line} runs \`${short(c.text)}\``;
    // Only a literal linux-musl- start stays musl whatever the rest of the identifier turns out to be.
    const unknown = rids.find((r) => r.rid.includes(UNKNOWN) && !r.rid.startsWith('linux-musl-'));
    if (unknown !== undefined) {
      const why = unknown.from.filter((f) => f.value === null).map((f) => f.why).join('; ');
      return { kind: 'refuse', reason: `${ran}: its runtime identifier is only known at build time (${why}), and a glibc one such as linux-x64 builds the app's host and native libraries for glibc, which do not run on musl (Alpine's are linux-musl-*)` };
    }
    const given = (r: { from: readonly WordSource[] }) => (r.from.length === 0 ? '' : ` (${r.from.map((f) => f.why).join('; ')})`);
    const gnu = rids.find((r) => glibc(r.rid));
    if (gnu === undefined) {
      // A plain build uses the ARG's default; one run with another --build-arg may not.
      for (const r of rids) if (r.from.some((f) => f.kind === 'arg')) notes.push(`${ran}, which builds for ${r.rid}${given(r)}: a --build-arg giving a glibc runtime identifier (linux-x64) would make a build that does not run on musl`);
      continue;
    }
    const os = argv.some((w) => w === '--os' || /^--os[=:]/.test(w));
    return { kind: 'refuse', reason: `${ran}: ${os ? '--os linux names' : `${gnu.rid}${given(gnu)} is`} the glibc runtime identifier, so the app's host and native libraries are built for glibc and do not run on musl (Alpine's is ${os ? '--os linux-musl' : musl(gnu.rid)})` };
  }
  if (dotnet === undefined || ctx === null) return { kind: 'ok', notes };
  const project = projectRuntimeIdentifiers(ctx).find((p) => glibc(p.rid));
  if (project !== undefined) {
    return { kind: 'refuse', reason: `${project.file} sets <RuntimeIdentifier>${project.rid}</RuntimeIdentifier>, which line ${dotnet.inst.line} (\`${short(dotnet.text)}\`) builds for: the glibc runtime identifier, so the app's host and native libraries are built for glibc and do not run on musl (Alpine's is ${musl(project.rid)})` };
  }
  return { kind: 'ok', notes };
}

/**
 * .NET's Alpine runtime images have no ICU and set DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true, but
 * an app whose project turns invariant globalization off (\`<InvariantGlobalization>false\`, or
 * System.Globalization.Invariant false in runtimeconfig.template.json) writes that into its
 * runtimeconfig.json, which wins over the variable: the runtime looks for ICU at start and stops
 * ("Couldn't find a valid ICU package"). So does one that references a package needing ICU (ICU_PACKAGES:
 * Microsoft.Data.SqlClient does not connect in invariant mode), unless it turns invariant mode on itself.
 * Fine when the stages install ICU themselves.
 */
function icuTurnedOn(file: ParsedDockerfile, stages: readonly Stage[], image: IdentifiedImage, alpine: IdentifiedImage, ctx: BuildContext | null): string | null {
  if (!alpine.facts.noIcu || image.facts.noIcu || ctx === null) return null;
  const installsIcu = stages.some((s) => s.instructions.some((i) => i.keyword === 'RUN' && /\b(?:lib)?icu/i.test(file.text.slice(i.span.start, i.span.end))));
  const setting = invariantGlobalization(ctx);
  if (installsIcu || setting?.on === true) return null;
  const reference = icuPackageReference(ctx);
  if (reference !== null) {
    return `${reference.file} references ${reference.id}: ${reference.why}, and the Alpine image has no ICU and sets DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true, so the app would fail at its first database connection; install icu-libs in the stage and set the variable to false, or leave the image as it is`;
  }
  if (setting === null) return null;
  return `${setting.file} sets ${setting.text}: the app loads ICU when it starts, whatever DOTNET_SYSTEM_GLOBALIZATION_INVARIANT says, and the Alpine image has none, so it would stop ("Couldn't find a valid ICU package"); install icu-libs in the stage, or leave the image as it is`;
}

/** Stands in a word for a part whose value is only known at build time. */
const UNKNOWN = '\u0000';

/** Where a part of a word comes from: a build argument's default ('arg', also through an ENV that reads it), a fixed ENV, or why it is unknown. */
type WordSource = { kind: 'arg' | 'env' | 'unknown'; value: string | null; why: string };

/**
 * A dotnet command's words as the build reads them: the values the Dockerfile's ARGs (their
 * defaults) and ENVs give are put in, and a part only known at build time becomes UNKNOWN.
 */
function dotnetWords(file: ParsedDockerfile, c: StageCommands[number]): { text: string; from: WordSource[] }[] {
  if (c.command === null) return c.argv.map((w) => ({ text: w ?? UNKNOWN, from: [] }));
  const vars = variablesAt(file, c.inst);
  const source = c.script?.source ?? '';
  // A value the RUN gives itself (\`RID=…\`, \`export RID=…\`, a loop, \`read\`) may differ from the Dockerfile's.
  const setInRun = (name: string) =>
    c.script?.commands.some((o) => o.assigns.some((a) => a.name === name)) === true || new RegExp(`\\bfor\\s+${name}\\b|\\bread\\b[^;&|\\n]*\\b${name}\\b`).test(source);
  const sourceOf = (name: string): WordSource => {
    const v = vars.get(name);
    if (setInRun(name)) return { kind: 'unknown', value: null, why: `\${${name}} is set by the RUN itself` };
    if (v === undefined) return { kind: 'unknown', value: null, why: `\${${name}} is not set by the Dockerfile` };
    if (v.value === null) {
      if (AUTOMATIC_ARGS.has(name)) return { kind: 'unknown', value: null, why: `\${${name}} is set by BuildKit for each platform` };
      return { kind: 'unknown', value: null, why: v.kind === 'env' ? `ENV ${name} on line ${v.inst.line} reads a value only known at build time` : `ARG ${name} on line ${v.inst.line} has no default` };
    }
    if (!v.fromBuildArg) return { kind: 'env', value: v.value, why: `\${${name}} is ${v.value}, set by ENV on line ${v.inst.line}` };
    // `ENV RID=$RID` under `ARG RID=…`: a --build-arg changes it as it changes the ARG.
    if (v.kind === 'env') return { kind: 'arg', value: v.value, why: `\${${name}} is ${v.value}, set by ENV on line ${v.inst.line} from a build argument's default` };
    return { kind: 'arg', value: v.value, why: `\${${name}} is ${v.value}, the default of ARG ${name} on line ${v.inst.line}` };
  };
  return c.command.words.slice(c.command.words.length - c.argv.length).map((w) => {
    if (w.value !== null) return { text: w.value, from: [] };
    const from: WordSource[] = [];
    const value = expandWord(w.raw, (name) => {
      const s = sourceOf(name);
      if (!from.some((f) => f.why === s.why)) from.push(s);
      return s.value ?? UNKNOWN;
    }).value;
    // A command substitution or other expansion of the shell, which no Dockerfile value gives.
    if (value === null || /[$`]/.test(value)) return { text: UNKNOWN, from: [...from, { kind: 'unknown', value: null, why: `\`${w.raw}\` is expanded by the shell when the build runs` }] };
    return { text: value, from };
  });
}

/** The program a command's output is piped into, when it is the next command of its script. */
function pipedInto(c: StageCommands[number]): string | null {
  const next = c.script?.commands.find((o) => c.command !== null && o.start >= c.command.end);
  const name = next?.name ?? null;
  return name === null ? null : name.slice(name.lastIndexOf('/') + 1);
}

/** Debian packages the full (or slim) image has that the Alpine one lacks, busybox applets aside. */
function alpineLacks(image: IdentifiedImage, alpine: IdentifiedImage): Set<string> {
  const out = new Set<string>();
  for (const t of slimLacks(image, alpine)) if (t.commands.length === 0 || !t.commands.every((c) => BUSYBOX_APPLETS.has(c))) out.add(t.package);
  for (const name of Object.keys(ALPINE_LACKS)) out.add(name);
  // What the Debian variant adds and keeps (php's compilers for phpize) that the Alpine one does not.
  for (const name of image.facts.debianPackages) if (!alpine.facts.debianPackages.includes(name)) out.add(name);
  return out;
}

/**
 * Subcommands of cargo that compile nothing. Any other may link: \`cargo check\` and \`cargo clippy\`
 * too build and link the build scripts and proc-macros of the dependencies (serde's derive).
 */
const CARGO_NO_LINK = new Set([
  'fetch', 'vendor', 'metadata', 'tree', 'update', 'generate-lockfile', 'locate-project', 'pkgid', 'search', 'login', 'logout', 'owner', 'yank',
  'fmt', 'clean', 'new', 'init', 'add', 'remove', 'help', 'version', '--version', '-V', 'config', 'info', 'verify-project', 'read-manifest',
]);

/**
 * A build that links with gcc on an Alpine variant whose gcc lacks the C library's start files
 * (rust's before 1.92), unless the stage installs them (libc6-dev, build-essential: translated
 * to musl-dev, build-base); null when none.
 */
function linkerMissing(file: ParsedDockerfile, image: IdentifiedImage, alpine: IdentifiedImage, commands: StageCommands, ctx: BuildContext | null): string | null {
  const lacks = ALPINE_LINKER_LACKS[image.repository.name];
  const version = alpine.resolvedVersion ?? alpine.version;
  if (lacks === undefined || version === null || !olderThan(version, lacks.carriedFrom)) return null;
  const build = commands.find((c) => !c.runtime && lacks.programs.includes(c.name) && (c.name !== 'cargo' || (c.argv[1] != null && !CARGO_NO_LINK.has(c.argv[1]))) && !installedBefore(file, c, ctx).has('libc6-dev'));
  if (build === undefined) return null;
  return `lacks ${lacks.apk}: line ${build.inst.line} runs \`${short(build.text)}\`, which links with gcc, and ${image.repository.name}'s Alpine images before ${lacks.carriedFrom} have gcc without the C library's start files (${lacks.apk}), which the stage does not install`;
}

/**
 * A use of the time zone database when the Alpine image has none (ALPINE_TZDATA) and the stages do not
 * install or copy it in, said as a reason; null when none. A command that names a file under
 * /usr/share/zoneinfo (\`ln -snf /usr/share/zoneinfo/$TZ /etc/localtime\`) would link to nothing or fail,
 * and a TZ that names a zone (\`ENV TZ=Europe/Berlin\`) would leave local time at UTC. A TZ of UTC, or a
 * POSIX rule with its offset (\`CET-1CEST,M3.5.0,M10.5.0/3\`), needs no file.
 */
function zoneinfoMissing(file: ParsedDockerfile, stages: readonly Stage[], commands: StageCommands, alpine: { reference: string; image: IdentifiedImage }, installed: ReadonlySet<string>, ctx: BuildContext | null): string | null {
  if (ALPINE_TZDATA.installedBy.has(alpine.image.repository.name)) return null;
  const copied = stages.some((s) => copySteps(file, s).some((step) => step.dest !== null && (step.dest === ALPINE_TZDATA.folder || step.dest.startsWith(`${ALPINE_TZDATA.folder}/`))));
  if (copied) return null;
  const lacks = `${alpine.reference} does not have it and the stages do not install it (apk add ${ALPINE_TZDATA.apk})`;
  const user = commands.find((c) => c.text.includes(`${ALPINE_TZDATA.folder}/`) && !installedBefore(file, c, ctx).has(ALPINE_TZDATA.apk));
  const setting = installed.has(ALPINE_TZDATA.apk) ? undefined : zoneSettings(file, stages)[0];
  if (user !== undefined && (setting === undefined || user.inst.index <= setting.inst.index)) {
    return `lacks ${ALPINE_TZDATA.apk}: line ${user.inst.line} runs \`${short(user.text)}\`${user.via === null ? '' : ` (in ${user.via})`}, which uses the time zone files of ${ALPINE_TZDATA.folder} (${ALPINE_TZDATA.apk}); ${lacks}`;
  }
  if (setting === undefined) return null;
  const zone = setting.known ? 'a zone whose rules' : 'only known at build time, which may name a zone whose rules';
  return `lacks ${ALPINE_TZDATA.apk}: line ${setting.inst.line} sets TZ=${setting.value}, ${zone} musl reads from ${ALPINE_TZDATA.folder} (${ALPINE_TZDATA.apk}), and without them local time stays UTC; ${lacks}`;
}

/** ENV instructions of the stages that set TZ to a zone read from the time zone database (a value only known at build time counts). */
function zoneSettings(file: ParsedDockerfile, stages: readonly Stage[]): { inst: Instruction; value: string; known: boolean }[] {
  const out: { inst: Instruction; value: string; known: boolean }[] = [];
  for (const s of stages) {
    for (const inst of s.instructions) {
      if (inst.keyword !== 'ENV') continue;
      const raw = properties(file, inst).findLast((p) => p.name === 'TZ')?.raw;
      if (raw == null) continue;
      const vars = variablesAt(file, inst);
      const value = expandWord(raw, (n) => vars.get(n)?.value ?? null, file.escape).value;
      if (value === null) out.push({ inst, value: raw, known: false });
      else if (namesZone(value)) out.push({ inst, value, known: true });
    }
  }
  return out;
}

/** A TZ value that names a zone file, not UTC (which musl keeps without one) or a POSIX rule that gives its offset. */
function namesZone(value: string): boolean {
  const v = value.replace(/^:/, '');
  if (v === '' || /^(?:Etc\/)?(?:UTC|UCT|GMT|Universal|Zulu)(?:[+-]?0)?$/i.test(v)) return false;
  return !/^(?:[A-Za-z]{3,}|<[^>]+>)[+-]?\d/.test(v);
}

/**
 * Commands that use an option busybox's applet lacks (\`grep -oP\`, \`find -printf\`): on Alpine they fail unless
 * the stage installs the GNU tool first.
 */
function gnuOptionNeeds(file: ParsedDockerfile, commands: ReturnType<typeof stageNeeds>['commands'], ctx: BuildContext | null): Need[] {
  const out: Need[] = [];
  for (const c of commands) {
    const lacks = own(BUSYBOX_LACKS_OPTIONS, c.name) ?? null;
    if (lacks === null) continue;
    const option = gnuOption(c.argv.slice(1), lacks);
    if (option === null || installedBefore(file, c, ctx).has(lacks.apk)) continue;
    out.push({ inst: c.inst, order: c.order, package: lacks.apk, because: `\`${short(c.text)}\`${c.via === null ? '' : ` (in ${c.via})`}, whose ${option} (${lacks.what}) busybox's ${c.name} does not have` });
  }
  return out;
}

/** The first option of `args` (up to `--`) that busybox lacks, as written; null when there is none. */
function gnuOption(args: readonly (string | null)[], lacks: (typeof BUSYBOX_LACKS_OPTIONS)[string]): string | null {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a == null) continue;
    if (a === '--') return null;
    if (lacks.long.includes(a) || lacks.long.some((l) => l.startsWith('--') && a.startsWith(`${l}=`))) return a.split('=')[0]!;
    if (!/^-[A-Za-z]/.test(a) || a.startsWith('--')) continue;
    for (let j = 1; j < a.length; j++) {
      if (lacks.short.includes(a[j]!)) return `-${a[j]}`;
      if (!lacks.withArgument.includes(a[j]!)) continue;
      // `-e PATTERN`: the next word is the option's argument, whatever it looks like.
      if (j === a.length - 1) i++;
      break;
    }
  }
  return null;
}

/** Commands and SHELLs that need bash, which Alpine lacks unless the stage installs it first. */
function bashNeeds(file: ParsedDockerfile, stages: readonly Stage[], commands: ReturnType<typeof stageNeeds>['commands'], ctx: BuildContext | null): Need[] {
  const out: Need[] = [];
  for (const c of commands) {
    // A program that is bash, or an account whose login shell is (`useradd -s /bin/bash app`: `su app` then fails).
    const runsBash = c.name === 'bash' || ((c.name === 'useradd' || c.name === 'adduser') && loginShell(c.argv) === 'bash');
    if (runsBash && !installedBefore(file, c, ctx).has('bash')) out.push({ inst: c.inst, order: c.order, package: 'bash', because: `\`${short(c.text)}\`${c.via === null ? '' : ` (in ${c.via})`}` });
  }
  for (const s of stages) {
    for (const inst of s.instructions) {
      if (inst.keyword !== 'SHELL' || !/bash/.test(inst.execArgs?.[0] ?? '')) continue;
      if (!installedBefore(file, { inst, order: 0 }, ctx).has('bash')) out.push({ inst, order: 0, package: 'bash', because: `SHELL ${JSON.stringify(inst.execArgs)}` });
    }
  }
  return out.sort((a, b) => a.inst.index - b.inst.index);
}

/**
 * What a compose service built from this Dockerfile runs with bash in place of the image's command (its
 * \`entrypoint:\` or \`command:\`, \`["/bin/bash", "-c", "./bootstrap.sh"]\` in SeleniumHQ's
 * tests/docker-compose-v3-test-standalone.yml), said for a refusal, or null.
 */
function composeRunsBash(ctx: BuildContext | null, dockerfilePath: string | null, text: string | undefined, stageName: string | null, last: boolean): string | null {
  const name = (w: string | undefined) => w?.slice(w.lastIndexOf('/') + 1);
  for (const { file, service, key, words } of commandOverrides(ctx, dockerfilePath, text, stageName, last)) {
    const program = name(words[0]) === 'env' ? words.slice(1).find((w) => !w.startsWith('-') && !w.includes('=')) : words[0];
    const said = `the \`${key}:\` of ${file}'s service ${service}`;
    // bash anywhere in it (\`sh -c "bash …"\`), or a script whose shell is not read here (\`./bootstrap.sh\`, often #!/bin/bash).
    if (words.some((w) => /(?:^|[\s/;&|(])bash\b/.test(w))) return `${said} runs \`${short(words.join(' '))}\``;
    if (program !== undefined && /\.(?:sh|bash)$/.test(program)) return `${said} runs the script ${program}, whose shell (bash, often) is not read here`;
  }
  return null;
}

/** The program name of the login shell a useradd or adduser command line gives (`-s /bin/bash`, `--shell=/bin/bash`), or null. */
function loginShell(argv: readonly (string | null)[]): string | null {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const shell = a === '-s' || a === '--shell' ? argv[i + 1] : a?.startsWith('--shell=') ? a.slice('--shell='.length) : undefined;
    if (shell != null) return shell.slice(shell.lastIndexOf('/') + 1);
  }
  return null;
}

/**
 * A native artefact crossing C libraries: copied into the switched stages from a glibc
 * stage, or copied out of them into a stage that stays on glibc.
 */
function libcCrossing(file: ParsedDockerfile, stages: readonly Stage[], ctx: BuildContext | null): string | null {
  const moving = new Set(stages.map((s) => s.index));
  for (const s of stages) {
    for (const a of copiedArtefacts(file, s, ctx)) {
      if (moving.has(a.stage ?? -1)) continue;
      // From an image, or a stage that only names one (`FROM oven/bun:1 AS bun`): what it copies may be a program built for the image's C library.
      const image = a.stage === null ? a.from : imageOnly(file, file.stages[a.stage]!);
      if (image !== null) {
        for (const path of a.sources) {
          const libc = imageFileLibc(file, image, path);
          if (libc.kind === 'glibc') return `line ${a.inst.line} ${takesFrom(a, path)}: ${libc.what}, which may be a program linked against glibc that does not run on musl`;
          if (libc.kind === 'program') return `line ${a.inst.line} ${takesFrom(a, path)}: ${libc.what}, so it may be a glibc binary that does not run on musl`;
        }
        continue;
      }
      if (a.stage === null) continue;
      const appHost = runsDotnetAppHost(file, s, a, ctx);
      if (appHost !== null) return `line ${appHost.command.inst.line} runs ${appHost.command.argv[0]}, which line ${a.inst.line} ${takesFrom(a)}: ${appHost.why}, which does not run on musl (\`${appHost.portable}\` runs on either)`;
      if (a.linkage.kind === 'dynamic' && a.linkage.libc === 'glibc') return `line ${a.inst.line} ${takesFrom(a)}: ${a.linkage.why}, which does not run on musl`;
      if (a.linkage.kind === 'unknown' && a.build !== 'none') return `line ${a.inst.line} ${takesFrom(a)}: ${a.linkage.why}`;
      // A stage that compiles nothing may still hold a program it downloaded or installed (yt-dlp_linux, a glibc build).
      const program = copiedStageProgram(file, a, ctx);
      if (program !== null) return `line ${a.inst.line} ${takesFrom(a, program.path)}: ${program.what}, so it may be a program linked against glibc that does not run on musl`;
    }
  }
  for (const other of file.stages) {
    if (moving.has(other.index)) continue;
    const libc = rootImage(file, other)?.facts.libc ?? null;
    if (libc === 'musl' || libc === 'none') continue;
    for (const a of copiedArtefacts(file, other, ctx)) {
      if (a.stage === null || !moving.has(a.stage) || a.build === 'none' || a.linkage.kind === 'static' || a.linkage.kind === 'none') continue;
      return `line ${a.inst.line} (a ${libc ?? 'possibly glibc'} stage) ${takesFrom(a)}, whose ${a.build === 'packages' ? 'packages' : 'binaries'} would be built for musl`;
    }
  }
  return null;
}
