import * as path from 'node:path';
import { commandsOf, installedPackages, installLine, isBuildOnly, languageOf, readBuild, startedArgv, type BuildInput, type BuildPlan, type RuntimeOption } from '../src/analysis/builds/index.js';
import { DEFAULT_PATH, fileCopies } from '../src/analysis/builds/plan.js';
import { isBuildOnlyEnv, References, refersTo } from '../src/analysis/builds/environment.js';
import { createdUsers, currentUser } from '../src/analysis/accounts.js';
import { contextFileAt, copySteps, workdirOf } from '../src/analysis/copiedFiles.js';
import { originAtEnd, unknownWorkdirWhy, workdirAt } from '../src/analysis/paths.js';
import { followingReference } from '../src/analysis/base.js';
import { programOf, runScripts, type RunScript } from '../src/analysis/runScripts.js';
import { commandPart, idleCommand, messageCommand, plainWords, startCommand, type CommandPart, type StartCommand } from '../src/analysis/startCommand.js';
import { commentsBetween } from '../src/dockerfile/comments.js';
import { attachedComments, insertLinesAfter, instructionHead, keyword, keywordCase, removeInstruction } from '../src/dockerfile/edit.js';
import { numberedReferenceFrom, stageReferences } from '../src/dockerfile/graph.js';
import { logicalText } from '../src/dockerfile/logical.js';
import { imageStages, stageLineage } from '../src/dockerfile/stages.js';
import { finalImages, stageLabel, type FinalImage } from '../src/analysis/scope.js';
import { listed } from '../src/prose.js';
import type { Instruction, ParsedDockerfile, Stage } from '../src/dockerfile/types.js';
import { describeArgsWithoutDefault, fromArgsWithoutDefault, properties, resolveBase, variablesAt } from '../src/dockerfile/variables.js';
import { copyArgs } from '../src/dockerfile/copies.js';
import { expandWord } from '../src/dockerfile/words.js';
import type { BuildContext } from '../src/engine/context.js';
import { defineTransform, refusal, reviewChange, type Edit, type Finding, type Keyword } from '../src/engine/types.js';
import { DISTROLESS_CARRIES } from '../src/knowledge/distroless.js';
import { NOBODY_GROUPS } from '../src/knowledge/distros.js';
import { baseEntrypoint } from '../src/knowledge/entrypoints.js';
import { archivedRelease, identifyImage, missingTagWhy } from '../src/knowledge/identify.js';
import type { IdentifiedImage } from '../src/knowledge/types.js';
import { parseScript, programWords, readInstall, runBody, shebangOf, type SimpleCommand } from '../src/shell/index.js';
import { SHELL_ONLY } from '../src/shell/simpleWords.js';

type Options = { runtime: string };

/**
 * A single stage that compiles its program carries the compiler, the sources, the
 * package caches and the build's dependencies into production. Split it: the stage
 * as it is builds, and a new stage on the smallest image that runs the artefact
 * copies only what runs. Every part of that is checked against the build context
 * and the knowledge base; what cannot be proved is refused with the reason.
 */
export default defineTransform<Options>({
  meta: {
    name: 'multi-stage',
    summary: 'Split a single-stage build into a named build stage and a small runtime stage that copies only what runs.',
    docs: `For a single-stage Dockerfile whose base image is a toolchain the knowledge base knows, names the
stage \`build\` and adds a runtime stage after its last RUN, COPY or ADD. In a file of several stages, each image that
ships (the last stage, and a stage the project publishes with \`--target\`: a workflow, Makefile or bake file that pushes it)
is split the same way when it stands alone: built FROM an image, and no other stage built on it or copying from it (a lint
or test stage of its own is left alone). A stage the author named keeps that
name on the runtime stage, the one that ships (\`docker build --target app\`, compose's \`target: app\`), and the
build stage becomes \`app-build\`. A \`--platform\` on the FROM (\`--platform=$BUILDPLATFORM\`) goes on the runtime
stage too: it says which platform's image the file makes; unless the build cross-compiles for the target platform
(\`GOARCH=$TARGETARCH go build\`, or an ENV that sets GOARCH from it, with \`ARG TARGETARCH\` in the stage: undeclared, it
is empty and Go builds for the build platform): its binary then goes on the target platform's
runtime image, and \`--platform=$BUILDPLATFORM\` stays on the build stage only. Per language:
- Go (golang): the binary of \`go build -o\` (or \`go install\`), on distroless static. CGO_ENABLED=0 is
  added to \`go build\` when it is not set, no Go file of the context imports C, no module of go.mod is
  a known cgo module, the stage installs no library headers (\`libvips-dev\`) before the build and no
  build tag may select cgo; otherwise the binary goes on distroless base or the same Debian slim (glibc)
  or Alpine (musl) release, unless it links a library of the system (\`shared-libraries\`). Go verifies TLS
  servers with the system's CA bundle and whether the program calls one is not known, so on Debian's slim
  image, which has no ca-certificates, the builder's \`/etc/ssl/certs/ca-certificates.crt\` is copied too
  (refused \`no-runtime\` when the builder is not known to have one). Files and folders
  the Go code opens by a relative name (\`template.ParseGlob("templates/*")\`, \`http.Dir("./static")\`,
  \`os.ReadFile\`, gin's \`LoadHTMLGlob\`/\`LoadHTMLFiles\`/\`Static\`, echo's and fiber's \`Static\`, viper's
  \`AddConfigPath\` (a sub-folder whole; the working folder's \`<name>.<ext>\` files for each \`SetConfigName\`, viper's
  default \`config\` without one, refused when the name is only known at run time); not \`//go:embed\`, which is compiled in) are copied next to it. \`-o multi-stage.runtime=scratch\` puts it on scratch, with the builder's CA certificates.
- Node.js (node): the app folder (WORKDIR) with node_modules, devDependencies pruned in the build
  stage (\`npm prune --omit=dev\`, \`pnpm prune --prod\`, yarn 1 \`install --production\`) unless the last
  install left them out (\`npm ci --omit dev\`, \`--only=production\`, \`pnpm install --prod\`, \`yarn install
  --production\`, NODE_ENV=production for npm and pnpm; \`--include=dev\` puts them back), on the slim
  sibling of the same Node and release (or the builder itself when it is already slim or Alpine);
  \`-o multi-stage.runtime=distroless\` puts it on distroless nodejs, where CMD keeps node's arguments.
  On another image than the builder, what the installs made must run there: a package whose install
  script dockshift does not know (prisma, sharp) is refused as slim-base refuses it (\`unknown-needs\`).
  Library headers the stage installs before the install (\`libcairo2-dev\` for canvas) are refused
  (\`shared-libraries\`) when something may compile against them: a package the lockfile says runs an
  install script (or one whose lockfile does not record it), or the project's own binding.gyp or install
  script. A native addon built against them links the library, which the runtime stage lacks.
- Java (maven, gradle, eclipse-temurin JDK): the jar that \`java -jar\` runs, on the JRE of the same Java.
  Quarkus' default fast-jar (\`target/quarkus-app/quarkus-run.jar\`, or Gradle's build/quarkus-app/) loads the lib/,
  app/ and quarkus/ folders beside it, so its whole folder is copied; another jar of a Quarkus project runs alone only
  as an uber-jar (a -D option, an ENV, pom.xml, the Gradle files or gradle.properties, application.properties or
  .yaml says \`uber-jar\`, comments aside), and is refused otherwise (\`no-artefact-path\`: a legacy-jar reads lib/).
- Rust (rust): the binary of \`cargo build\`/\`cargo install\` that the container starts, named in
  Cargo.toml (\`--manifest-path\`'s, or the one cargo finds from where it runs; a workspace member builds into
  the workspace root's target/), on the builder's Debian release, slim; on distroless cc when it links OpenSSL, when it reads the
  system's CA certificates (Cargo.lock has rustls-native-certs, rustls-platform-verifier or openssl-probe;
  without a Cargo.lock, reqwest's \`rustls-tls-native-roots\` or ureq's \`native-certs\`: Debian's slim image
  has no ca-certificates, distroless cc has; refused \`no-runtime\` when no distroless cc matches the
  release), or by option. webpki-roots compiles its roots in and needs no file.
  A *-sys crate of Cargo.lock that links another library of the system (pq-sys, mysqlclient-sys,
  libsqlite3-sys without \`bundled\`, curl-sys, rdkafka-sys with \`dynamic-linking\`), or library headers
  the stage installs, is refused (\`shared-libraries\`); not libclang's (\`libclang-dev\`) when Cargo.lock shows
  only bindgen uses clang-sys: build scripts load it to generate bindings, and the binary links none of it. Built for a musl target (the host of
  rust:*-alpine, or \`--target x86_64-unknown-linux-musl\`), the binary links musl in (crt-static): it goes
  on the builder's own release, distroless static by option or scratch (with the builder's CA
  certificates); with crt-static turned off in RUSTFLAGS, \`CARGO_TARGET_<TRIPLE>_RUSTFLAGS\`, \`cargo --config\`,
  .cargo/config.toml or a cargo configuration a RUN writes (or rustflags only known at build time, or set
  where this is not followed) it needs musl, and only the builder's Alpine release runs it. A musl build that links
  a library of the system (a *-sys crate, headers the stage installs) is refused (\`shared-libraries\`).
- C/C++ (gcc, debian, ubuntu, alpine, buildpack-deps): the program that \`cc -o\`, \`make install\` (its
  Makefile's $(PREFIX)/bin) or \`cmake --install\` writes and the container starts, on the same release
  without compilers; on Alpine a C++ program gets libstdc++. A program that links a library other than
  the C library's (\`-lcurl\` in the command or the Makefile, \`pkg-config --libs\`, CMake's find_package or
  pkg_check_modules, headers the stage installs) is refused: the builder may carry it, the runtime does not.
  A C++ program built on the gcc image is refused too (\`shared-libraries\`): that image's GCC, built into
  /usr/local, links its own libstdc++, whose symbol versions the release's libstdc++6 may lack. C++ is told
  by a g++/clang++ command or package, or a C++ source (.cpp, .cc, .cxx) in the build context; a C++ header
  alone (a vendored .hpp) compiles nothing and does not count.
- .NET (dotnet/sdk): the \`dotnet publish -o\` folder, on aspnet (web projects) or runtime of the same version.
  The SDK's Alpine images carry ICU, the runtime ones do not: unless a project turns invariant globalization on
  (\`<InvariantGlobalization>true\`), the Alpine runtime stage installs icu-data-full and icu-libs and sets
  DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false, so the app keeps its cultures (and one that turns invariant mode off still starts).
Files are copied to the paths they had, so CMD, ENTRYPOINT and paths in the program still hold; a file
or folder of the build context that the command names by path (\`--config /src/config.yaml\`,
\`config.yaml\` in the working folder, an option value such as Spring's
\`--spring.config.additional-location=file:./config/\` or \`-Dlogback.configurationFile=conf/logback.xml\`)
is copied too.
The runtime stage keeps what the running container needs: WORKDIR, runtime ENV (toolchain settings
such as GOPATH, CGO_ENABLED, NPM_CONFIG_* are left out and reported), the ARGs they use, EXPOSE,
VOLUME, USER, HEALTHCHECK, LABEL, STOPSIGNAL, ENTRYPOINT and CMD (moved from before the split, or
left after it). COPYs of the stage that put files outside its working folders (an entrypoint script
in /usr/local/bin), or that come after the build, are copied too. Packages the stage installs stay
in the build stage when they only build (compilers, -dev headers, git, curl…) and nothing the
container runs calls them, or when they came in an \`apk add --virtual\` group the stage deletes
(\`apk del .build-deps\`); the others are installed again in the runtime stage. Headers count as
installed before the build even when the stage removes them after it. On an image without
a shell, a shell-form CMD/ENTRYPOINT/HEALTHCHECK that only splits words is written in exec form.

A review change: the running image is another image. Opt-in. Refuses, with the reason:
- \`several-stages\`: the file already has several stages, and an image that ships (the last stage, one the project
  publishes with \`--target\` in a workflow, Makefile or bake file, or the one a last \`FROM app AS test\` tests) copies or
  mounts (\`RUN --mount=from=…\`) from none (nor does a stage it builds on) and builds on another stage, or another stage
  builds on it, copies or mounts from it (\`FROM app AS debug\`), or the file names a stage by its number
  (\`COPY --from=0\`), which the added stage would shift;
- \`unknown-image\`: the stage builds with a toolchain on an image the knowledge base does not know;
- \`no-command\`: the stage sets no CMD or ENTRYPOINT, or its command only waits (\`sleep infinity\`,
  \`tail -f /dev/null\`) to keep the container up for \`docker exec\`, or only prints a message and exits
  (\`CMD ["echo", "Use it in a stage"]\`: an image others build on), so what runs is not known;
- \`no-sources\`: the manifest the check needs (go.mod, package.json, Cargo.toml, *.csproj) is not in
  the build context; package.json, go.mod, pom.xml and Cargo.toml are the ones a COPY put where the install or
  build runs (\`COPY web/package.json ./\`), not the context's root ones, and Cargo.lock is read at the workspace's root; a Cargo.toml above the crate that
  no COPY brings from the context, a \`package.workspace\` key and a \`--manifest-path\` only known at build time
  are not followed; nor is the context's go.mod what a \`go install x@v1\` builds: a module it downloads, whose
  imports (cgo, a library of the system) cannot be checked. A folder copied from the context without a go.mod
  (\`COPY . /src\`, \`WORKDIR /src/cmd/app\`) is looked past to the go.mod above it, as go looks, only where nothing
  else can have put one there: the stage's base image is one the knowledge base knows, and no RUN up to the build
  is left unread, names go.mod or runs a \`go\` command that may make or change one (\`go mod init\`, \`go mod edit\`,
  \`go generate\`); nor where the build is told another folder (\`-C\`);
- \`no-artefact-path\`: what the build writes, or which of it the container starts, cannot be named (a folder
  named by a build argument, \`COPY config.yml $CONF_DIR/\` under \`ARG CONF_DIR=/etc/app\`, has its default only);
  builds no reader follows, whose runtime the knowledge base names, say so: \`swift build\` on swift (its slim
  variant runs the binary; Package.swift's product is not read), \`dart compile exe\` on dart (glibc alone, or
  /runtime/ on scratch; the output is not followed), \`mix release\` on elixir and \`rebar3 release\` on erlang or
  elixir (the release carries ERTS; its folder and what its NIFs link are not read), \`lein uberjar\` or tools.build's
  \`uber\` on clojure (the JRE of its JDK runs it; the jar's path is not read);
- \`toolchain-at-runtime\`: the command or its entrypoint script runs the toolchain (\`go run\`, \`npm run
  dev\`, \`mvn spring-boot:run\`, \`cargo run\`, \`dotnet run\`, \`python setup.py\`, a dev server), or a
  package.json script it runs, a pre or post script of it (\`"prestart": "npm run build"\`) or one they run in turn
  starts a devDependency, which the runtime stage prunes;
- \`reads-sources\`: the program opens files of the source tree the build context does not hold, or the
  command names a file that a COPY the runtime stage cannot repeat put there;
- \`no-runtime\`: the stage builds with a toolchain on a known image no runtime image is matched to (fedora,
  amazonlinux, centos, UBI; a service's official image, postgres or mysql, where the build is an extension the
  service loads, installed into the image's own folders), or the knowledge base names no runtime image with the builder's libc and release (a tag
  without an OS takes the release its version was built on, \`rust:1.77\` bookworm; one built on a release
  and rebuilt on the next, such as \`rust:1.89\`, has none: a cached image under it may be either);
- \`shared-libraries\`: the program may link libraries the runtime image lacks: the stage installs their
  headers (a -dev package), or a cgo module, a \`#cgo\` directive, a Rust *-sys crate or the C build names one;
- \`interpreted\`: a Python, Ruby or PHP app runs from its sources: there is no artefact to split off;
- \`runtime-program\`: the command or HEALTHCHECK starts a program the runtime image would not have;
- \`needs-shell\`: it needs a shell the runtime image does not have;
- \`runtime-packages\`: packages the app may use cannot be installed on the runtime image (it has no package
  manager, or its release has ended and its packages have left the repositories its sources name: Debian 10 and older);
- \`unknown-needs\`: something the stage installs cannot be read (an npm package with an install script
  dockshift does not know, such as prisma or sharp; a script not in the build context), so whether the
  runtime image has what it needs is unknown, as slim-base judges it;
- \`unreadable-run\`: no build was found, and a RUN of the stage cannot be read (a SHELL that is not POSIX,
  a backtick escape, a script the shell parser does not read, a heredoc whose \`#!\` names another language),
  so what it builds is not known;
- \`runtime-step\`: a RUN writes outside the build's folders (\`mkdir /data\`, \`install -d /var/lib/app\`, \`ln -s\`,
  \`> /etc/…\`, a \`cp\`, \`mv\` or \`install\` there, such as \`mv /app/node_modules /node_modules\`); what \`install\` copies
  is read as \`cp\`'s (\`install -s -m755 -t /usr/local/bin build/app\` writes /usr/local/bin/app, not its source);
- \`user-not-in-runtime\`: USER (or a \`--chown\` the runtime stage repeats) names an account the runtime image
  does not have: one the build stage creates or its image has; a number, the runtime image's own user and
  nobody (in every image but scratch) are kept. A named group must be there too: nobody's is nogroup on
  Debian and Ubuntu, nobody on distroless, either on Alpine;
- \`invalid-option\`: the runtime option is not default, distroless or scratch;
- \`digest-pinned\`: the FROM is pinned by digest (\`golang:1.22@sha256:…\`) and the runtime stage would be
  another image, which would ship unpinned (its digest needs the registry). On the builder itself
  (an app already on \`node:20-slim@sha256:…\`) the runtime stage keeps the pinned reference;
- \`base-from-argument\`: the FROM names its image with a build argument (\`FROM maven:3.9-eclipse-temurin-\${JAVA}\`)
  and the runtime image holds the argument's default (\`eclipse-temurin:17-jre\`): a build given another value
  would ship on the image of the old one. A runtime stage on the builder itself repeats the FROM's text
  (\`FROM node:\${NODE_VERSION}-alpine\`), and a sibling the tag names with a suffix adds it
  (\`node:\${NODE_VERSION}-slim\`); an image that holds no value (distroless static for Go) needs neither;
- \`nothing-to-leave\`: the runtime stage would be the builder itself, and the build leaves nothing behind (a Node.js
  app that builds nothing, installs no devDependencies and keeps no download cache in its layers): the split
  would ship what ships now.`,
    hadolint: [],
    review: 'the image that ships is a new, smaller runtime stage: only the artefact and what runs it are copied; tools and files of the build image are gone',
    defaultEnabled: false,
    options: {
      runtime: { default: 'default', description: 'default, distroless (Node.js, Rust) or scratch (Go, static Rust): the kind of runtime image.' },
    },
    touches: {
      instructions: {
        FROM: ['add', 'edit'],
        COPY: ['add'],
        RUN: ['add', 'edit'],
        WORKDIR: ['add'],
        ENV: ['add'],
        ARG: ['add'],
        USER: ['add'],
        LABEL: ['add', 'remove', 'edit'],
        EXPOSE: ['add', 'remove', 'edit'],
        VOLUME: ['add', 'remove', 'edit'],
        HEALTHCHECK: ['add', 'remove', 'edit'],
        STOPSIGNAL: ['add', 'remove', 'edit'],
        ONBUILD: ['add', 'remove', 'edit'],
        MAINTAINER: ['add', 'remove', 'edit'],
        ENTRYPOINT: ['add', 'remove', 'edit'],
        CMD: ['add', 'remove', 'edit'],
      },
      stages: true,
      runtime: ['env'],
    },
    refusals: {
      'several-stages': 'the file already has several stages, and an image that ships copies or mounts from none but does not stand alone',
      'unknown-image': 'a toolchain build on an image the knowledge base does not know',
      'no-command': 'the stage sets no command, or one that only waits',
      'no-sources': 'a manifest the check needs is not in the build context',
      'no-artefact-path': 'what the build writes, or what runs, cannot be named',
      'toolchain-at-runtime': 'the container runs the toolchain',
      'reads-sources': 'the program opens source files that cannot be named',
      'no-runtime': 'no runtime image matches the builder',
      'shared-libraries': 'the program may link libraries the runtime image lacks',
      interpreted: 'an interpreted app has no artefact to split off',
      'runtime-program': 'the container starts a program the runtime image lacks',
      'needs-shell': 'it needs a shell the runtime image lacks',
      'runtime-packages': 'packages the app may use cannot be installed on the runtime image',
      'unknown-needs': 'what the installs of the stage made cannot be read, so whether the runtime image runs it is unknown',
      'unreadable-run': 'no build was found, and a RUN of the stage cannot be read, so what it builds is not known',
      'runtime-step': 'a RUN writes outside the build folders',
      'user-not-in-runtime': 'USER names an account the runtime image lacks',
      'invalid-option': 'the runtime option is not default, distroless or scratch',
      'digest-pinned': 'the build image is pinned by digest, and the runtime image would not be',
      'nothing-to-leave': 'the runtime image would be the build image, and the build leaves nothing behind: the split would ship what ships now',
      'base-from-argument': 'the build image is named by a build argument, and the runtime image chosen for its default would not follow another value',
    },
    needsBuildContext: true,
  },
  run(file, ctx) {
    if (file.stages.length === 0 || ctx.buildContext === null) return [];
    return finalImages(file, ctx.buildContext, ctx.path, ctx.input?.text).flatMap((image) => forImage(file, image, ctx.buildContext!, ctx.options));
  },
});

/** The split (or refusal) for one image the project ships. */
function forImage(file: ParsedDockerfile, image: FinalImage, buildContext: BuildContext, options: Options): Finding[] {
  const { stage } = image;
  if (file.stages.length > 1) {
    const kept = keptAsIs(file, image);
    if (kept !== undefined) return kept;
  }
  const option = options.runtime;
  if (option !== 'default' && option !== 'distroless' && option !== 'scratch') {
    return [refusal(stage.from.span.start, 'invalid-option', `runtime=${JSON.stringify(option)}: expected default, distroless or scratch`)];
  }
  const scripts = runScripts(file, stage);
  const builder = builderOf(file, stage);
  if (builder === null) {
    const tool = toolchainRun(scripts);
    if (tool === undefined || stage.base.kind === 'scratch') return [];
    const base = stage.imageSpan === null ? '?' : file.text.slice(stage.imageSpan.start, stage.imageSpan.end);
    const unset = fromArgsWithoutDefault(file, stage);
    if (unset.length > 0) {
      return [refusal(stage.from.span.start, 'unknown-image', `it builds with ${tool} on ${base}, named with ${describeArgsWithoutDefault(unset)}: which image it is, and so which runtime image matches it, is unknown`)];
    }
    // A service's official image (postgres, mysql, redis…), known by its entrypoint but not as a toolchain:
    // what the stage builds is an extension or a plugin of that service, installed into the image's own folders.
    const resolved = resolveBase(file, stage);
    const entrypoint = resolved?.ref == null ? null : baseEntrypoint(resolved.ref);
    if (entrypoint?.kind === 'acts') {
      return [refusal(stage.from.span.start, 'no-runtime', `it builds with ${tool} on ${base}, a service's image (its entrypoint, ${entrypoint.entrypoint}, sets the service up and starts it), for which no runtime image is recorded: what the build adds to the service (an extension, a plugin) is installed into that image's own folders, and which files a fresh copy of the image would need is not known`)];
    }
    const missingTag = resolved?.ref == null ? null : missingTagWhy(resolved.ref);
    if (missingTag !== null) return [refusal(stage.from.span.start, 'unknown-image', `it builds with ${tool} on ${base}, which ${missingTag}, so no runtime image can be matched to it`)];
    return [refusal(stage.from.span.start, 'unknown-image', `it builds with ${tool} on ${base}, which the knowledge base does not know, so no runtime image can be matched to it`)];
  }
  const language = languageOf(builder);
  if (language === null) {
    const unread = unreadBuild(builder, scripts);
    if (unread !== null) return [refusal(unread.at, 'no-artefact-path', unread.why)];
    // A known image no reader matches a runtime image to (fedora, amazonlinux, centos, ubi…): say so rather than pass in silence.
    const tool = toolchainRun(scripts);
    return tool === undefined
      ? []
      : [refusal(stage.from.span.start, 'no-runtime', `it builds with ${tool} on ${builder.raw}, for which no runtime image is recorded (runtime images are matched to Go, Node.js, Java, Rust and .NET images, and to gcc, Debian, Ubuntu and Alpine for C and C++)`)];
  }
  if (language === 'interpreted') {
    const INSTALL = /\b(?:pip3?|bundle|composer)\s+install\b|\bsetup\.py\b/;
    const install = scripts.find((s) => INSTALL.test(s.text));
    // At the install itself, which keeps its line when collapse-run merges its RUN into the one before.
    const at = install === undefined ? 0 : install.offsetOf === null ? install.inst.span.start : install.offsetOf(install.text.search(INSTALL));
    return install === undefined
      ? []
      : [refusal(at, 'interpreted', `a ${builder.repository.name} app runs from its sources and the interpreter's installed packages: there is no built artefact to copy into a smaller stage (a slim base image is the way to shrink it)`)];
  }
  const command = startCommand(file, stage);
  const input: BuildInput = { file, stage, ctx: buildContext, builder, scripts, command, workdir: workdirOf(file, stage), runtimeOption: option as RuntimeOption };
  const installed = installedPackages(scripts);
  const analysis = readBuild(language, input, installed.ever);
  if (analysis.kind === 'none') return unreadable(file, stage, scripts);
  if (command.entrypoint === null && command.cmd === null) {
    return [refusal(stage.from.span.start, 'no-command', 'the stage sets no CMD or ENTRYPOINT, so what the runtime stage must run is not known')];
  }
  // A container kept up for \`docker exec\` runs what its users type, with the build image's tools.
  const wait = idleCommand(command);
  if (wait !== null) {
    const at = (command.cmd ?? command.entrypoint)!.inst.span.start;
    return [refusal(at, 'no-command', `the container only waits (\`${wait}\`) and runs no program of its own: what runs in it is what \`docker exec\` starts there, with the tools of the build image, which a runtime stage would not have`)];
  }
  // An image whose command only prints a message (\`CMD ["echo", "Use it in a stage"]\`) is a stage others build on, with its tools.
  const message = messageCommand(command);
  if (message !== null) {
    const at = (command.cmd ?? command.entrypoint)!.inst.span.start;
    return [refusal(at, 'no-command', `the container only runs \`${message}\`, which prints a message and exits: no program of its own runs, so the image is one others build on or copy from, which need the build image's tools`)];
  }
  const toolchain = toolchainAtRuntime(input);
  if (toolchain !== null) return [toolchain];
  if (analysis.kind === 'refuse') return [refusal(analysis.at, analysis.code, analysis.reason)];
  // A pinned builder says the shipped image must not float: another runtime image needs its own digest.
  const resolved = resolveBase(file, stage);
  const pinned = resolved?.ref?.digest ?? null;
  const runtimeRef = analysis.plan.runtime.reference;
  if (pinned !== null && !runtimeRef.includes('@')) {
    return [refusal(stage.from.span.start, 'digest-pinned', `the build image is pinned by digest, and the runtime stage would ship ${runtimeRef} unpinned: its digest must come from the registry, which dockshift does not ask`)];
  }
  const following = resolved === null ? { ok: true as const, text: runtimeRef } : followingReference(file, stage, resolved, runtimeRef);
  if (!following.ok) {
    return [
      refusal(
        stage.from.span.start,
        'base-from-argument',
        `the build image is named by the build argument ${following.name}, and ${runtimeRef} was chosen for its default ${following.value}: a build given another value would build on one image and ship on the other`,
      ),
    ];
  }
  return split(input, analysis.plan, installed, following.text);
}

/**
 * In a file that already has several stages, what an image gets instead of a split, or undefined when it
 * stands alone (built FROM an image, and no other stage builds on it, copies or mounts from it, nor names
 * a stage by its number, which the new stage would shift): then it is split as a single-stage file is.
 * Nothing when it already takes its build from another stage; else a refusal.
 */
function keptAsIs(file: ParsedDockerfile, image: FinalImage): Finding[] | undefined {
  const { stage } = image;
  const last = file.stages.at(-1)!;
  // The image may build on a stage that does the copying (`FROM base`, where base copies the build),
  // or take the build through a RUN's mount (`RUN --mount=from=builder,… pip install /wheels/*`).
  const chain = stageLineage(file, stage);
  // \`FROM binaries-$TARGETOS\` carries whichever stage the platform picks: those stages' copies count too.
  const lineage = new Set(imageStages(file, stage).map((s) => s.index));
  const references = stageReferences(file);
  if (references.some((r) => (r.kind === 'copy' || r.kind === 'mount') && lineage.has(r.inst.stage) && r.stage !== null)) return [];
  const users = references.filter((r) => r.stage === stage.index && r.inst.stage !== stage.index).map((r) => file.stages[r.inst.stage]!);
  // The runtime stage goes right after the image's stage.
  const numbered = numberedReferenceFrom(file, stage.index + 1);
  if (chain.length === 1 && users.length === 0 && numbered === undefined) return undefined;
  const refuse = (what: string) => [refusal(stage.from.span.start, 'several-stages', `the file already has ${file.stages.length} stages, and ${what}: dockshift does not restructure a file that already has several stages`)];
  // \`FROM builder AS dev\`: the final image is the other stage with more on top, which is worth saying.
  const parent = chain[1] ?? null;
  if (parent !== null) {
    const builds = `builds on ${stageLabel(parent)} (line ${parent.from.line}) without copying or mounting anything from another stage`;
    return refuse(stage === last ? `the last ${builds}` : `${stageLabel(stage)}, an image the project ships, ${builds}`);
  }
  if (users.length > 0) {
    const names = [...new Set(users)].map(stageLabel);
    return refuse(`${stageLabel(stage)}, an image the project ships, is used by ${listed(names)} (built on it, or copying or mounting from it), which a runtime stage taking its name would change`);
  }
  return refuse(`line ${numbered!.inst.line} names a stage by its number (${numbered!.target}), which a runtime stage added before it would change`);
}

/** Words that show a toolchain build, for saying why an unknown image is refused. */
const TOOLCHAIN_NAMES = 'go (?:build|install)|cargo (?:build|install)|mvnw?|gradlew?|dotnet publish|npm (?:ci|install)|yarn install|make|cmake|swift build|dart compile|mix (?:release|compile)|rebar3|lein uberjar';

/** A release of an Erlang or Elixir build: what it carries, what runs it, and what is not followed. */
const RELEASE_WHY = 'a release carries ERTS, and runs on the builder\'s own Debian release, slim, with the openssl, ncurses and libstdc++ libraries it links (or on the same Alpine release); but the release is not read: the folder it is written to (the release name in mix.exs or rebar.config, the MIX_ENV or rebar3 profile) and the libraries its NIFs link are not followed';

/**
 * Builds on a known image whose artefact the knowledge base says what runs (swift's slim variant, dart's /runtime/
 * folder, a release on the builder's release), but which no reader of builds/ follows: the split is refused, naming what is missing.
 */
const UNREAD_BUILDS: readonly { readonly repositories: readonly string[]; readonly build: RegExp; readonly why: string }[] = [
  {
    repositories: ['swift'],
    build: /\bswift\s+build\b/,
    why: 'a binary of `swift build -c release` runs on swift\'s slim variant of the same OS and release, which carries the Swift runtime libraries it links (`--static-swift-stdlib` links them in); but Swift builds are not read: the executable product of Package.swift that .build/release/ holds and the command starts, and the libraries of the system it links, are not followed',
  },
  {
    repositories: ['dart'],
    build: /\bdart\s+compile\s+exe\b/,
    why: 'a program of `dart compile exe` needs only glibc (the image\'s /runtime/ folder on scratch, or debian:<release>-slim); but Dart builds are not read: which output of the command the container starts, and the files it opens beside it, are not followed',
  },
  {
    repositories: ['clojure'],
    build: /\blein\b[^\n;&|]*\buberjar\b|\b(?:clojure|clj)\b[^\n;&|]*\buber\b/,
    why: 'an uberjar runs on the JRE of the tag\'s JDK (eclipse-temurin:<jdk>-jre); but Clojure builds are not read: whether the jar the command starts is the uberjar the build writes (project.clj\'s :uberjar-name and :target-path, the uber-file of build.clj) is not followed',
  },
  { repositories: ['elixir'], build: /\bmix\s+release\b/, why: `\`mix release\`: ${RELEASE_WHY}; and elixir's tags do not record their Debian release` },
  { repositories: ['erlang', 'elixir'], build: /\brebar3\b[^\n;&|]*\b(?:release|tar)\b/, why: `\`rebar3 release\`: ${RELEASE_WHY}` },
];

/** The first RUN of a build UNREAD_BUILDS names, on its image, with the reason. */
function unreadBuild(builder: IdentifiedImage, scripts: readonly RunScript[]): { at: number; why: string } | null {
  for (const rule of UNREAD_BUILDS) {
    if (!rule.repositories.includes(builder.repository.name)) continue;
    const run = scripts.find((s) => rule.build.test(s.text));
    if (run !== undefined) return { at: run.inst.span.start, why: rule.why };
  }
  return null;
}
const TOOLCHAIN = new RegExp(`^(?:${TOOLCHAIN_NAMES})\\b`);
/** In a script the parser cannot read: where a command may start, or after a folder (\`./gradlew\`). */
const TOOLCHAIN_IN_TEXT = new RegExp(`(?:^|[\\s;&|(/])(${TOOLCHAIN_NAMES})\\b`, 'm');

/**
 * The first toolchain command the stage's RUNs run (\`go build\`, \`./gradlew\`, \`make\`): its program and
 * first argument. A word in a path (\`mkdir /home/dev/.gradle\`) is no build.
 */
function toolchainRun(scripts: readonly RunScript[]): string | undefined {
  for (const run of scripts) {
    if (run.parsed === null) {
      const found = TOOLCHAIN_IN_TEXT.exec(run.text);
      if (found !== null) return found[1];
      continue;
    }
    for (const command of run.parsed.commands) {
      const [program, first] = programWords(command).map((w) => w.value);
      if (program == null) continue;
      const found = TOOLCHAIN.exec(first == null ? path.posix.basename(program) : `${path.posix.basename(program)} ${first}`);
      if (found !== null) return found[0];
    }
  }
  return undefined;
}

/** The image the single stage builds on, identified; null for scratch and unknown images. */
function builderOf(file: ParsedDockerfile, stage: Stage): IdentifiedImage | null {
  if (stage.base.kind !== 'image') return null;
  const resolved = resolveBase(file, stage);
  return resolved?.ref == null ? null : identifyImage(resolved.ref);
}

/** The container running the toolchain: it needs the build stage, not a runtime one. */
const TOOLCHAIN_AT_RUNTIME: readonly RegExp[] = [
  /\bgo\s+(?:run|build|test)\b/, /\bcargo\s+(?:run|build|watch)\b/, /(?:^|[\s/])(?:mvnw?|gradlew?)(?:\s|$)/, /\bdotnet\s+(?:run|watch|build)\b/,
  /\bpython[\d.]*\s+setup\.py\b/, /\bnpm\s+run\s+(?:dev|watch|build)\b/, /(?:^|[\s;&|])c?make(?:\s|$)/,
];

/** What runs must not be the toolchain, in the command or in a script of the build context it runs. */
function toolchainAtRuntime(input: BuildInput): ReturnType<typeof refusal> | null {
  const { file, stage, ctx, command } = input;
  const texts = [command.entrypoint?.text, command.cmd?.text, ...entrypointScripts(file, stage, ctx, command).map((s) => s.text)].filter((t): t is string => t != null);
  for (const text of texts) {
    const hit = TOOLCHAIN_AT_RUNTIME.find((re) => re.test(text));
    if (hit !== undefined) {
      const line = text.split('\n').find((l) => hit.test(l))!.trim();
      const shown = line.length > 60 ? `${line.slice(0, 57)}...` : line;
      return refusal((command.entrypoint ?? command.cmd)!.inst.span.start, 'toolchain-at-runtime', `the container runs \`${shown}\`: it needs the toolchain and the sources, which a runtime stage leaves behind`);
    }
  }
  return null;
}

/** Instructions that only say how the container runs: they move from before the split into the runtime stage. */
const MOVED = new Set(['LABEL', 'EXPOSE', 'VOLUME', 'HEALTHCHECK', 'STOPSIGNAL', 'ENTRYPOINT', 'CMD', 'ONBUILD', 'MAINTAINER']);

/** Paths a build writes to that never reach a runtime image: caches and temporary folders. */
const SCRATCH_PATHS = ['/tmp', '/root', '/var/cache', '/var/lib/apt', '/var/tmp', '/go', '/usr/local/cargo', '/home'];

/** Programs every image with a shell has (POSIX utilities and the shell itself). */
const SHELL_UTILITIES = new Set(['sh', 'echo', 'printf', 'test', '[', 'env', 'sleep', 'cat', 'true', 'false', 'exec', 'cd', 'mkdir', 'rm', 'ls', 'id']);

/** `runtimeImageText`: how the runtime stage's FROM names the runtime image (the build stage's own text where that is the same image). */
function split(input: BuildInput, plan: BuildPlan, installed: ReturnType<typeof installedPackages>, runtimeImageText: string): Finding[] {
  const { file, stage, ctx, command } = input;
  const at = stage.from.span.start;
  const runtimeImage = plan.runtime.image;
  const shell = runtimeImage?.facts.shell ?? null;
  // The stage that ships keeps the author's name (`--target app`, compose's `target: app`); the build stage gets another.
  const buildName = unusedName(file, stage.name === null ? 'build' : `${stage.name}-build`);
  const insts = stage.instructions;
  const lastBuild = [...insts].reverse().find((i) => i.keyword === 'RUN' || i.keyword === 'COPY' || i.keyword === 'ADD')!;
  const preSplit = insts.filter((i) => i.index < lastBuild.index);
  const tail = insts.filter((i) => i.index > lastBuild.index);

  // Files the stage puts outside its build folders (or copies after the build) run with the program.
  const folders = buildFolders(file, stage, input.workdir);
  const artefacts = [...plan.artefacts];
  const covered = (p: string) => artefacts.some((a) => p === a.to || p.startsWith(a.to.endsWith('/') ? a.to : `${a.to}/`));
  for (const step of copySteps(file, stage)) {
    if (step.dest === null) return [refusal(step.inst.span.start, 'no-artefact-path', `this ${step.inst.keyword}'s destination is only known at build time, so the runtime stage cannot copy it`)];
    const outside = !folders.some((f) => within(step.dest!, f));
    if (!outside && step.inst.index < plan.buildStep.index) continue;
    for (const target of copiedPaths(ctx, step)) {
      if (!covered(target)) artefacts.push({ from: target, to: target, what: `${target} (line ${step.inst.line})` });
    }
  }
  // Files the command names by path (`--config /src/config.yaml`) that the build context put there.
  for (const named of namedPaths(command, input.workdir)) {
    if (covered(named)) continue;
    const origin = originAtEnd(file, stage, named, ctx) ?? contextFolderAt(file, stage, ctx, named);
    if (origin === null) continue; // the base image's, or made by a RUN: the program's own business
    if (origin.kind !== 'context' || ctx === null) {
      const why =
        origin.kind === 'unknown' ? origin.why
        : origin.kind === 'context' ? 'there is no build context to read'
        : origin.kind === 'inline' ? `the ${origin.inst.keyword} on line ${origin.inst.line} writes it from a heredoc`
        : `line ${origin.inst.line} copies it from elsewhere`;
      return [refusal(origin.inst.span.start, 'reads-sources', `the command names ${named}, which the runtime stage would need and cannot be given: ${why}`)];
    }
    if (ctx.kind(origin.path) === null) continue; // not in the context: the image never had it either
    artefacts.push({ from: named, to: named, what: `${named}, which the command names` });
  }
  // A program started by name must be on the runtime's PATH: one from elsewhere (GOPATH/bin) goes to /usr/local/bin.
  for (const name of startedByName(file, command, healthcheck(file, stage))) {
    const i = artefacts.findIndex((a) => path.posix.basename(a.to) === name && !DEFAULT_PATH.includes(path.posix.dirname(a.to)));
    if (i !== -1 && !artefacts.some((a) => path.posix.basename(a.to) === name && DEFAULT_PATH.includes(path.posix.dirname(a.to)))) {
      artefacts[i] = { ...artefacts[i]!, to: `/usr/local/bin/${name}` };
    }
  }
  const stepProblem = runtimeStep(input.file, input.scripts, folders, artefacts);
  if (stepProblem !== null) return [stepProblem];

  // Packages: build tools stay behind unless what runs calls them; the rest are installed again.
  const started = runtimeCommands(file, command, healthcheck(file, stage));
  if (installed.unknown !== null) return [refusal(at, 'runtime-packages', `the stage installs ${installed.unknown}, only known at build time, so whether the app needs it cannot be told`)];
  const already = runtimeImage?.repository.name.startsWith('distroless/') === true ? DISTROLESS_CARRIES : [];
  const carried = installed.names.filter((n) => (!isBuildOnly(n) || commandsOf(n).some((c) => started.has(c))) && !already.includes(n));
  const dropped = installed.names.filter((n) => !carried.includes(n) && !already.includes(n));
  const setup = plan.runtimeSetup.map((l) => withKeyword(file, l));
  if (carried.length > 0) {
    const line = installLine(runtimeImage?.facts.packageManager ?? 'none', carried);
    if (line === null) return [refusal(at, 'runtime-packages', `the stage installs ${carried.join(', ')}, which the app may use, and ${plan.runtime.reference} has no package manager to install them`)];
    // The runtime stage's own install reads the image's sources, not what the build stage may have pointed at an archive.
    const archived = runtimeImage === null ? null : archivedRelease(runtimeImage);
    if (archived !== null) return [refusal(at, 'runtime-packages', `the stage installs ${carried.join(', ')}, which the app may use, and ${plan.runtime.reference} is ${archived.family} ${archived.version}, which has ended: its packages have left the repositories its sources name, so the runtime stage could not install them`)];
    setup.push(withKeyword(file, line));
  }

  // What the container starts must be in the runtime image.
  const programs = new Set([...plan.runtimePrograms, ...artefacts.map((a) => path.posix.basename(a.to)), ...carried.flatMap((n) => commandsOf(n))]);
  const startProblem = checkPrograms(input, plan, artefacts, programs, shell !== null);
  if (startProblem !== null) return [startProblem];

  // USER must name an account of the runtime image.
  const user = currentUser(file, stage);
  if (user.kind === 'unknown') return [refusal(user.inst.span.start, 'user-not-in-runtime', 'USER is set from a build argument, so whether the runtime image has that account is not known')];
  if (user.kind === 'other') {
    const [name, group] = user.user.split(':') as [string, string | undefined];
    if (!hasUser(runtimeImage, name)) {
      const made = createdUsers(file, stage).some((u) => u.name === name);
      return [refusal(user.inst.span.start, 'user-not-in-runtime', `USER ${user.user} names an account ${made ? 'created in the build stage' : `of ${input.builder.raw}`}; ${plan.runtime.reference} does not have it (a numeric USER would work)`)];
    }
    if (group !== undefined && !hasGroup(runtimeImage, group)) {
      return [refusal(user.inst.span.start, 'user-not-in-runtime', `USER ${user.user} names the group ${group}, which ${plan.runtime.reference} does not have (a numeric group would work)`)];
    }
  }

  // Instructions of the runtime stage: moved ones, converted to exec form where there is no shell.
  const edits: Edit[] = [...plan.buildEdits];
  const movedText: string[] = [];
  for (const inst of preSplit.filter((i) => MOVED.has(i.keyword))) {
    const text = runtimeText(file, inst, shell !== null, plan);
    if (typeof text !== 'string') return [text];
    const comments = attachedComments(file, inst).map((c) => file.text.slice(file.lines.startOf(c.line), file.lines.endOf(c.line)).trimStart());
    movedText.push(...comments, text);
    const removal = removeInstruction(file, inst, { keepComments: false });
    if (removal === null) return [refusal(inst.span.start, 'no-artefact-path', `line ${inst.line} shares its line with another instruction, so it cannot be moved into the runtime stage`)];
    edits.push(removal);
  }
  for (const inst of tail) {
    const text = runtimeText(file, inst, shell !== null, plan);
    if (typeof text !== 'string') return [text];
    if (text !== file.text.slice(inst.span.start, inst.span.end)) edits.push({ start: inst.span.start, end: inst.span.end, text });
  }

  // ENV: the runtime ones are copied; toolchain settings stay in the build stage unless something refers to them.
  const runtimeTexts = [...movedText, ...tail.map((i) => file.text.slice(i.span.start, i.span.end)), ...artefacts.flatMap((a) => [a.from, a.to])];
  const envLines: { index: number; text: string }[] = [];
  const droppedEnv: string[] = [];
  const envs = preSplit.filter((i) => i.keyword === 'ENV');
  const runtimeRefs = new References(runtimeTexts);
  const envRefs = new References(envs.map((e) => file.text.slice(e.span.start, e.span.end)));
  for (const inst of envs) {
    const pairs = properties(file, inst);
    const own = file.text.slice(inst.span.start, inst.span.end);
    // Referred to at run time, or by another ENV line.
    const needed = (name: string) => runtimeRefs.count(name) > 0 || envRefs.count(name) > (refersTo(own, name) ? 1 : 0);
    const keep = pairs.filter((p) => !isBuildOnlyEnv(p.name) || needed(p.name));
    const legacy = !/^\s*[A-Za-z_][\w.-]*=/.test(file.text.slice(inst.argsSpan!.start, inst.argsSpan!.end));
    if (keep.length === pairs.length || (legacy && keep.length > 0)) envLines.push({ index: inst.index, text: file.text.slice(inst.span.start, inst.span.end) });
    else if (keep.length > 0) envLines.push({ index: inst.index, text: `${instructionHead(file, 'ENV')}${keep.map((p) => `${p.name}=${p.raw ?? ''}`).join(' ')}` });
    droppedEnv.push(...pairs.filter((p) => !keep.includes(p)).map((p) => p.name));
  }
  const userLines = preSplit.filter((i) => i.keyword === 'USER').slice(-1).map((i) => file.text.slice(i.span.start, i.span.end));
  const workdir = workdirAt(file, lastBuild);
  if (workdir === null) return [refusal(lastBuild.span.start, 'no-artefact-path', `the working folder is ${unknownWorkdirWhy(file, lastBuild)}`)];
  const chosen = buildArgFolder(file, insts);
  if (chosen !== null) return [refusal(chosen.inst.span.start, 'no-artefact-path', chosen.why)];
  // The WORKDIRs from the last absolute one on, as written: the runtime's working folder reads the same.
  const workdirs = preSplit.filter((i) => i.keyword === 'WORKDIR');
  const lastAbsolute = workdirs.map((i) => logicalText(file.text, i.argsSpan?.start ?? i.span.end, i.span.end, file.escape).text.trim()).findLastIndex((w) => w.startsWith('/'));
  // A tail that sets its own absolute WORKDIR makes the earlier ones irrelevant to the runtime stage.
  const tailSetsWorkdir = tail.some((i) => i.keyword === 'WORKDIR' && logicalText(file.text, i.argsSpan?.start ?? i.span.end, i.span.end, file.escape).text.trim().startsWith('/'));
  const workdirLines = tailSetsWorkdir ? [] : workdirs.slice(Math.max(lastAbsolute, 0)).map((i) => ({ index: i.index, text: file.text.slice(i.span.start, i.span.end) }));
  // COPY resets owners to root: files the stage gave to a user go to the same user.
  const owned = ownedCopies(file, stage, input.scripts, artefacts);
  if (!Array.isArray(owned)) return [owned];
  for (const owner of new Set(owned.map((o) => o.chown).filter((o): o is string => o !== null))) {
    const [name, group] = owner.split(':') as [string, string | undefined];
    if ((name !== 'root' && !hasUser(runtimeImage, name)) || (group !== undefined && !hasGroup(runtimeImage, group))) {
      return [refusal(at, 'user-not-in-runtime', `the stage gives its files to ${owner}, an account ${plan.runtime.reference} does not have (a numeric owner would work)`)];
    }
  }
  const copyLines = owned.map((o) => copyLine(file, buildName, o.from, o.to, o.chown));
  // The WORKDIRs first, unless one reads a variable: then in the stage's order, after the ENV that sets it.
  const settings = [...workdirLines, ...envLines];
  if (workdirLines.some((l) => l.text.includes('$'))) settings.sort((a, b) => a.index - b.index);
  const body = [...settings.map((l) => l.text), ...copyLines, ...movedText, ...userLines];
  const runtimeAndBody = new References([...body, ...runtimeTexts]);
  const argLines = preSplit
    .filter((i) => i.keyword === 'ARG' && properties(file, i).some((p) => runtimeAndBody.count(p.name) > 0))
    .map((i) => file.text.slice(i.span.start, i.span.end));

  const as = keywordCase(file) === 'lower' ? 'as' : 'AS';
  // A --platform on the FROM (`--platform=$BUILDPLATFORM`) says which platform's image the stage is: the runtime stage,
  // which is now the image, keeps it; unless the build cross-compiles for the target platform (`GOARCH=$TARGETARCH`),
  // whose binary belongs on the target platform's image.
  const platform = stage.from.flags.find((f) => f.name.toLowerCase() === 'platform');
  const crossBuilt = plan.forTarget !== undefined && platform !== undefined && /^\$\{?BUILDPLATFORM\}?$/.test(platform.value ?? '');
  const platformText = platform === undefined || crossBuilt ? '' : `${file.text.slice(platform.span.start, platform.span.end)} `;
  const from = `${instructionHead(file, 'FROM')}${platformText}${runtimeImageText}${stage.name === null ? '' : ` ${as} ${stage.name}`}`;
  const block = [...plan.buildTail.map((l) => withKeyword(file, l)), '', from, ...argLines, ...setup, ...body];
  edits.push(insertLinesAfter(file, lastBuild, block));
  if (stage.name === null) edits.push({ start: stage.from.span.end, end: stage.from.span.end, text: ` ${as} ${buildName}` });
  else if (stage.nameSpan !== null) edits.push({ start: stage.nameSpan.start, end: stage.nameSpan.end, text: buildName });
  else return [refusal(at, 'no-artefact-path', `the stage name ${stage.name} is not written where it can be moved to the runtime stage`)];

  const parts = [
    `${plan.toolchain}: split into a build stage on ${input.builder.raw} and a runtime stage on ${plan.runtime.reference} (${plan.runtime.why})`,
    ...(stage.name === null ? [] : [`the runtime stage keeps the name ${stage.name}, the build stage is ${buildName}`]),
    `copies ${artefacts.map((a) => a.what).join(', ')}`,
    ...plan.notes,
    ...(crossBuilt ? [`the runtime stage is the target platform's image, without ${file.text.slice(platform!.span.start, platform!.span.end)}: ${plan.forTarget} builds for it`] : []),
    ...(dropped.length > 0 ? [`leaves ${dropped.join(', ')} in the build stage`] : []),
    ...(carried.length > 0 ? [`installs ${carried.join(', ')} again`] : []),
    ...(droppedEnv.length > 0 ? [`leaves the build settings ${droppedEnv.join(', ')} out of the runtime environment`] : []),
  ];
  const why =
    `the container now runs on ${plan.runtime.reference}, with only what the runtime stage copies: check that the app needs nothing else ` +
    'from the build image at run time (tools, files written outside the copied paths, libraries), and that it starts and serves as before';
  return [reviewChange(at, parts.join('; '), edits, why)];
}

/**
 * Where a folder of the image came from when a COPY of the build context filled it (`COPY config
 * ./config`, `COPY . .`): a COPY writes what is in a folder, not the folder, so the question is
 * asked of a name inside it: a folder of the context, or where else what is inside came from.
 */
function contextFolderAt(file: ParsedDockerfile, stage: Stage, ctx: BuildContext, folder: string): ReturnType<typeof originAtEnd> {
  const inside = originAtEnd(file, stage, path.posix.join(folder, '.probe'), ctx);
  if (inside === null || inside.kind !== 'context') return inside;
  const dir = path.posix.dirname(inside.path);
  return ctx.kind(dir) === 'dir' ? { ...inside, path: dir } : null;
}

/** `name`, or `name-2`, `name-3`…: the first no stage or --from of the file uses (stage names ignore case). */
function unusedName(file: ParsedDockerfile, name: string): string {
  const used = new Set(file.stages.flatMap((s) => (s.name === null ? [] : [s.name.toLowerCase()])));
  for (const inst of file.instructions) for (const f of inst.flags) if (f.name.toLowerCase() === 'from' && f.value != null) used.add(f.value.toLowerCase());
  let candidate = name;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${name}-${n}`;
  return candidate;
}

/** What a COPY or ADD puts in the image: each file at its place, a folder's contents at the destination. */
function copiedPaths(ctx: BuildContext, step: ReturnType<typeof copySteps>[number]): string[] {
  const dest = step.dest!;
  if (!step.destIsDir && step.sources.length === 1) return [dest];
  return step.sources.map((source) => {
    const kind = step.from === null && source !== null ? ctx.kind(source) : null;
    // A source written with a final `/` is a folder too: its contents land in the destination.
    return kind === 'dir' || source === null || source.endsWith('/') ? dest : path.posix.join(dest, path.posix.basename(source));
  });
}

/** Bare program names the command and HEALTHCHECK start (looked up on PATH). */
function startedByName(file: ParsedDockerfile, command: StartCommand, check: Instruction | null): string[] {
  const started = startArgvOrNull(command);
  const names = started === null || started[0]!.includes('/') ? [] : [started[0]!];
  const cmd = check === null ? null : healthcheckCommand(file, check);
  const argv = cmd === null ? null : (cmd.exec ?? plainWords(cmd.text));
  if (argv != null && !argv[0]!.includes('/')) names.push(argv[0]!);
  return names;
}

/**
 * The absolute paths the start command's arguments name: `/src/config.yaml`, `--config=conf/app.yml`,
 * `config.yaml` (with an extension) in the working folder, and the files and folders of option values
 * such as Spring's `--spring.config.additional-location=file:./config/` or
 * `-Dlogback.configurationFile=logback.xml`. Not the program itself.
 */
function namedPaths(command: StartCommand, workdir: string | null): string[] {
  const words = [command.entrypoint, command.cmd].flatMap((p) => (p === null ? [] : (p.argv ?? plainWords(p.text) ?? [])));
  const out: string[] = [];
  for (const [i, word] of words.entries()) {
    if (i === 0) continue;
    for (const value of pathValues(word)) {
      if (value.startsWith('-') || value.includes('$') || /^[a-z][a-z0-9+.-]*:/i.test(value)) continue;
      if (!value.includes('/') && !/^[\w.-]+\.[A-Za-z]\w{0,4}$/.test(value)) continue;
      const named = value.startsWith('/') ? path.posix.normalize(value) : workdir === null ? null : path.posix.join(workdir, value);
      if (named !== null) out.push(named.length > 1 ? named.replace(/\/$/, '') : named);
    }
  }
  return out;
}

/**
 * What a word may name: the word, or the value of an option (`--config=…`, `-Dname=…`), each
 * item of a comma-separated value, without Spring's `optional:` and `file:` prefixes. Other
 * schemes (`classpath:`, `http://`) are left for the caller to skip.
 */
function pathValues(word: string): string[] {
  const option = /^(?:--?[A-Za-z][\w.-]*|-D[\w.-]+)=/.exec(word);
  if (option === null) return [word];
  return word.slice(option[0].length).split(',').map((v) => v.trim().replace(/^optional:/, '').replace(/^file:(?!\/\/)/, ''));
}

function startArgvOrNull(command: StartCommand): readonly string[] | null {
  return startedArgv(command)?.argv ?? null;
}

/** The folders the build works in: its WORKDIRs and where it copies sources. */
function buildFolders(file: ParsedDockerfile, stage: Stage, workdir: string | null): string[] {
  const out = new Set<string>(workdir !== null && workdir !== '/' ? [workdir] : []);
  for (const inst of stage.instructions) {
    if (inst.keyword !== 'WORKDIR') continue;
    const next = stage.instructions.find((i) => i.index > inst.index);
    const dir = next === undefined ? workdirOf(file, stage) : workdirAt(file, next);
    if (dir !== null && dir !== '/') out.add(dir);
  }
  return [...out];
}

function within(p: string, folder: string): boolean {
  return p === folder || p.startsWith(folder === '/' ? '/' : `${folder}/`);
}

/** A RUN that writes outside the build's folders: what it makes would stay in the build stage. */
function runtimeStep(file: ParsedDockerfile, runs: readonly RunScript[], folders: readonly string[], artefacts: readonly { to: string }[]): ReturnType<typeof refusal> | null {
  const fine = (p: string) => folders.some((f) => within(p, f)) || SCRATCH_PATHS.some((f) => within(p, f)) || artefacts.some((a) => within(p, a.to.replace(/\/$/, '')));
  // `mv /app/node_modules /node_modules` takes what the app needs out of the folder that is copied.
  for (const { located, copies } of fileCopies(file, runs)) {
    const name = located.words[0]?.value;
    if (name !== 'cp' && name !== 'mv' && name !== 'install') continue;
    const out = copies?.find((c) => !fine(c.to));
    if (out === undefined) continue;
    const text = located.run.text.slice(located.command.start, located.command.end);
    return refusal(located.run.inst.span.start, 'runtime-step', `\`${text.length > 60 ? `${text.slice(0, 57)}...` : text}\` ${name === 'mv' ? 'moves' : name === 'install' ? 'installs' : 'copies'} ${out.from} to ${out.to}, outside the build's folders: the runtime stage would not have it`);
  }
  for (const run of runs) {
    for (const c of run.parsed?.commands ?? []) {
      const name = programOf(c);
      const writes = name !== null && ['mkdir', 'ln', 'touch', 'chmod', 'chown', 'tee'].includes(name);
      const targets = [
        ...(writes ? c.words.slice(1).map((w) => w.value).filter((v): v is string => v !== null && v.startsWith('/')) : []),
        ...(name === 'install' ? installWrites(c) : []),
        ...c.redirects.filter((r) => /^\d*>/.test(r.op)).map((r) => r.target?.value).filter((v): v is string => v != null && v.startsWith('/') && !v.startsWith('/dev/')),
      ];
      const outside = targets.find((t) => !fine(path.posix.normalize(t)));
      if (outside !== undefined) {
        const text = run.text.slice(c.start, c.end);
        return refusal(run.inst.span.start, 'runtime-step', `\`${text.length > 60 ? `${text.slice(0, 57)}...` : text}\` writes ${outside}, outside the build's folders: the runtime stage would not have it`);
      }
    }
  }
  return null;
}

/**
 * What an `install` writes that the copies above do not show: the folders of `install -d`, or its
 * destination when a source is only known at build time. Its sources are read, not written.
 */
function installWrites(c: SimpleCommand): string[] {
  const args = readInstall(programWords(c).slice(1));
  const written = args.directories ? args.positionals.map((w) => w.value) : args.sources.some((w) => w.value === null) ? [args.dest?.value ?? null] : [];
  return written.filter((v): v is string => v !== null && v.startsWith('/'));
}

/** Scripts of the build context the command runs: where they land and what they say. */
function entrypointScripts(file: ParsedDockerfile, stage: Stage, ctx: BuildContext, command: StartCommand): { imagePath: string; text: string }[] {
  const out: { imagePath: string; text: string }[] = [];
  const workdir = workdirOf(file, stage);
  for (const part of [command.entrypoint, command.cmd]) {
    for (const word of part?.argv ?? []) {
      if (!/\.(?:sh|bash)$|entrypoint|start/.test(word)) continue;
      const imagePath = word.startsWith('/') ? word : workdir === null ? null : path.posix.resolve(workdir, word);
      const candidates = imagePath === null ? [] : word.includes('/') ? [imagePath] : ['/usr/local/bin', '/usr/bin', '/bin'].map((d) => `${d}/${word}`).concat(imagePath);
      for (const p of candidates) {
        const origin = contextFileAt(file, stage, ctx, p);
        if (origin.kind !== 'context' && origin.kind !== 'inline') continue;
        const text = origin.kind === 'inline' ? origin.text : ctx.read(origin.path);
        if (text !== null) out.push({ imagePath: p, text });
        break;
      }
    }
  }
  return out;
}

/** The last HEALTHCHECK of the stage, or null. */
function healthcheck(file: ParsedDockerfile, stage: Stage): Instruction | null {
  return stage.instructions.filter((i) => i.keyword === 'HEALTHCHECK').at(-1) ?? null;
}

/** The programs the command and HEALTHCHECK start, by base name. */
function runtimeCommands(file: ParsedDockerfile, command: StartCommand, check: Instruction | null): Set<string> {
  const out = new Set<string>();
  const texts = [command.entrypoint, command.cmd].flatMap((p) => (p === null ? [] : [p.argv?.join(' ') ?? p.text]));
  const checkCommand = check === null ? null : healthcheckCommand(file, check);
  if (checkCommand !== null) texts.push(checkCommand.exec?.join(' ') ?? checkCommand.text);
  for (const text of texts) {
    const parsed = parseScript(text);
    if (!parsed.ok) continue;
    for (const c of parsed.commands) {
      const name = programOf(c);
      if (name !== null) out.add(name);
    }
  }
  return out;
}

/** The container's command and HEALTHCHECK start only what the runtime image has. */
function checkPrograms(input: BuildInput, plan: BuildPlan, artefacts: readonly { to: string }[], programs: ReadonlySet<string>, hasShell: boolean): ReturnType<typeof refusal> | null {
  const { command, workdir } = input;
  const has = (program: string): boolean => {
    if (program.includes('/')) {
      const p = workdir === null && !program.startsWith('/') ? null : path.posix.resolve(workdir ?? '/', program);
      return p !== null && artefacts.some((a) => within(p, a.to.replace(/\/$/, '')));
    }
    const onPath = artefacts.some((a) => path.posix.basename(a.to) === program && DEFAULT_PATH.includes(path.posix.dirname(a.to)));
    return onPath || plan.runtimePrograms.includes(program) || programs.has(program) || (hasShell && SHELL_UTILITIES.has(program));
  };
  const started = startedArgv(command, input.builder);
  const parts = [command.entrypoint, command.cmd].filter((p): p is CommandPart => p !== null);
  // A script the command runs needs its interpreter (`#!/bin/sh`) in the runtime image.
  for (const script of entrypointScripts(input.file, input.stage, input.ctx, command)) {
    const shebang = shebangOf(script.text);
    if (shebang === null) continue;
    const interpreter = shebang.program;
    const shellScript = /^(?:sh|bash|dash|ash)$/.test(interpreter);
    if (shellScript ? !hasShell || (interpreter === 'bash' && plan.runtime.image?.facts.bash !== true) : !has(interpreter)) {
      return refusal((command.entrypoint ?? command.cmd)!.inst.span.start, 'needs-shell', `${script.imagePath} is a ${interpreter} script, and ${plan.runtime.reference} has no ${interpreter}`);
    }
  }
  if (started !== null) {
    // The builder's own entrypoint (node's docker-entrypoint.sh) named in the command: the runtime image must have it too.
    const own = plan.runtime.image?.facts.entrypoint ?? [];
    if (started.through !== null && !(own.length === 1 && path.posix.basename(own[0]!) === path.posix.basename(started.through))) {
      return refusal(started.inst.span.start, 'runtime-program', `the container starts ${started.through}, which ${plan.runtime.reference} does not have and the runtime stage does not copy`);
    }
    const program = plan.commandRewrite !== null ? 'node' : started.argv[0]!;
    if (!has(program)) return refusal(started.inst.span.start, 'runtime-program', `the container starts ${program}, which ${plan.runtime.reference} does not have and the runtime stage does not copy`);
  } else {
    for (const part of parts) {
      if (part.argv !== null) continue;
      if (!hasShell) return refusal(part.inst.span.start, 'needs-shell', `${part.inst.keyword} needs a shell (${part.text}), and ${plan.runtime.reference} has none`);
      const parsed = parseScript(part.text);
      const missing = parsed.ok ? parsed.commands.map(programOf).find((n) => n !== null && !SHELL_ONLY.has(n) && !has(n)) : null;
      if (missing != null) return refusal(part.inst.span.start, 'runtime-program', `${part.inst.keyword} runs ${missing}, which ${plan.runtime.reference} does not have and the runtime stage does not copy`);
    }
  }
  const check = healthcheck(input.file, input.stage);
  if (check !== null) {
    const cmd = healthcheckCommand(input.file, check);
    if (cmd !== null) {
      const argv = cmd.exec ?? plainWords(cmd.text);
      if (argv === null && !hasShell) return refusal(check.span.start, 'needs-shell', `HEALTHCHECK needs a shell (${cmd.text}), and ${plan.runtime.reference} has none`);
      const names = argv !== null ? [argv[0]!] : (() => {
        const parsed = parseScript(cmd.text);
        return parsed.ok ? parsed.commands.map(programOf).filter((n): n is string => n !== null && !SHELL_ONLY.has(n)) : [];
      })();
      const missing = names.find((n) => !has(n));
      if (missing !== undefined) return refusal(check.span.start, 'runtime-program', `HEALTHCHECK runs ${missing}, which ${plan.runtime.reference} does not have and the runtime stage does not copy`);
    }
  }
  return null;
}

/** A HEALTHCHECK's command: exec-form argv, or the shell text; null for HEALTHCHECK NONE. */
function healthcheckCommand(file: ParsedDockerfile, inst: Instruction): { exec: string[] | null; text: string; start: number; end: number } | null {
  if (inst.argsSpan === null) return null;
  const raw = file.text.slice(inst.argsSpan.start, inst.argsSpan.end);
  const m = /^(CMD|cmd|Cmd)(\s+)/.exec(raw);
  if (m === null) return null;
  const start = inst.argsSpan.start + m[0].length;
  const rest = file.text.slice(start, inst.argsSpan.end);
  const text = logicalText(file.text, start, inst.argsSpan.end, file.escape).text.trim();
  if (rest.trimStart().startsWith('[')) {
    try {
      const json = JSON.parse(text) as unknown;
      if (Array.isArray(json) && json.every((x) => typeof x === 'string')) return { exec: json as string[], text, start, end: inst.argsSpan.end };
    } catch {
      /* shell form that starts with [ */
    }
  }
  return { exec: null, text, start, end: inst.argsSpan.end };
}

/** An instruction as the runtime stage holds it: in exec form where there is no shell, or rewritten for the runtime. */
function runtimeText(file: ParsedDockerfile, inst: Instruction, hasShell: boolean, plan: BuildPlan): string | ReturnType<typeof refusal> {
  const original = file.text.slice(inst.span.start, inst.span.end);
  const kw = file.text.slice(inst.keywordSpan.start, inst.keywordSpan.end);
  const json = (argv: readonly string[]) => `[${argv.map((w) => JSON.stringify(w)).join(', ')}]`;
  if (plan.commandRewrite !== null && plan.commandRewrite.inst === inst) return `${kw} ${json(plan.commandRewrite.argv)}`;
  if (hasShell) return original;
  if (inst.keyword === 'CMD' || inst.keyword === 'ENTRYPOINT') {
    const part = commandPart(file, inst);
    if (inst.form === 'exec') {
      const argv = inst.execArgs ?? [];
      if (/^(?:\/bin\/)?(?:ba)?sh$/.test(argv[0] ?? '')) return refusal(inst.span.start, 'needs-shell', `${inst.keyword} runs a shell, and ${plan.runtime.reference} has none`);
      return original;
    }
    if (part.argv === null) return refusal(inst.span.start, 'needs-shell', `${inst.keyword} needs a shell (${part.text}), and ${plan.runtime.reference} has none`);
    if (commentsBetween(file, inst.span.start + 1, inst.span.end).length > 0) return refusal(inst.span.start, 'needs-shell', `${inst.keyword} is in shell form with a comment inside, and ${plan.runtime.reference} has no shell`);
    return `${kw} ${json(part.argv)}`;
  }
  if (inst.keyword === 'HEALTHCHECK') {
    const cmd = healthcheckCommand(file, inst);
    if (cmd === null || cmd.exec !== null) return original;
    const argv = plainWords(cmd.text);
    if (argv === null) return refusal(inst.span.start, 'needs-shell', `HEALTHCHECK needs a shell (${cmd.text}), and ${plan.runtime.reference} has none`);
    return file.text.slice(inst.span.start, cmd.start) + json(argv);
  }
  return original;
}

/**
 * Whether the runtime image has the account: a number needs none; the image's own non-root user;
 * nobody, which every image with a /etc/passwd has (Debian, Ubuntu, Alpine, distroless), scratch aside.
 */
function hasUser(image: IdentifiedImage | null, name: string): boolean {
  return /^\d+$/.test(name) || (image !== null && (image.facts.nonRootUser?.name === name || name === 'nobody'));
}

/** No build was found: where a RUN could not be read, that is no proof there is none. */
function unreadable(file: ParsedDockerfile, stage: Stage, scripts: readonly RunScript[]): Finding[] {
  for (const inst of stage.instructions) {
    if (inst.keyword !== 'RUN') continue;
    const body = runBody(file, inst);
    if (body.ok || body.code === 'no-body' || body.code === 'not-shell-instruction') continue;
    const own = scripts.filter((s) => s.inst === inst);
    // A SHELL that is not POSIX or a backtick escape says why itself; an exec-form or heredoc RUN is read,
    // and what fails is its script (or a `#!` naming another language, which gives no script at all).
    const why = body.code === 'non-posix-shell' || body.code === 'unparsable-shell' ? body.reason
      : own.length === 0 ? 'its script is in a language dockshift does not read'
      : 'its script does not parse as shell';
    if (own.length === 0 || own.some((s) => s.parsed === null)) {
      return [refusal(inst.span.start, 'unreadable-run', `line ${inst.line} cannot be read (${why}), so whether the stage builds something to split off is not known`)];
    }
  }
  return [];
}

/** Whether the runtime image has the group: a number, root, its own user's group, or one nobody runs with there (NOBODY_GROUPS). */
function hasGroup(image: IdentifiedImage | null, group: string): boolean {
  if (/^\d+$/.test(group)) return true;
  if (image === null) return false;
  if (group === 'root' || image.facts.nonRootUser?.name === group) return true;
  const kind = image.repository.name.startsWith('distroless/') ? 'distroless' : image.release.kind === 'named' ? image.release.release.family : image.release.family;
  return NOBODY_GROUPS[kind]?.includes(group) === true;
}

/**
 * A folder the stage writes to that a build argument names (`COPY config.yml $CONF_DIR/` under
 * `ARG CONF_DIR=/etc/app`; a WORKDIR too, should it ever be read with the default): the runtime
 * stage's COPY --from would name its default only, and a build given another value would copy
 * from a folder that is not there.
 */
function buildArgFolder(file: ParsedDockerfile, insts: readonly Instruction[]): { inst: Instruction; why: string } | null {
  for (const inst of insts) {
    const word = inst.keyword === 'WORKDIR' && inst.argsSpan !== null
      ? logicalText(file.text, inst.argsSpan.start, inst.argsSpan.end, file.escape).text.trim()
      : inst.keyword === 'COPY' || inst.keyword === 'ADD' ? (copyArgs(file, inst)?.dest.raw ?? '') : '';
    if (!word.includes('$')) continue;
    const vars = variablesAt(file, inst);
    const name = expandWord(word, (n) => vars.get(n)?.value ?? null, file.escape).vars.find((n) => vars.get(n)?.fromBuildArg === true);
    if (name === undefined) continue;
    const value = vars.get(name)!.value;
    return {
      inst,
      why: `the ${inst.keyword} on line ${inst.line} names its folder with the build argument ${name}${value === null ? '' : ` (default ${value})`}, which --build-arg can change: the runtime stage's COPY --from would name the default only`,
    };
  }
  return null;
}

/** `RUN …` with the file's keyword case. */
function withKeyword(file: ParsedDockerfile, line: string): string {
  const m = /^([A-Z]+)(\s)/.exec(line);
  return m === null ? line : keyword(file, m[1] as Keyword) + line.slice(m[1]!.length);
}

function copyLine(file: ParsedDockerfile, from: string, source: string, dest: string, chown: string | null): string {
  const kw = `${instructionHead(file, 'COPY')}--from=${from}${chown === null ? '' : ` --chown=${chown}`}`;
  if (/\s/.test(source) || /\s/.test(dest)) return `${kw} ${JSON.stringify([source, dest])}`;
  return `${kw} ${source} ${dest}`;
}

/**
 * The COPY --from lines that keep who owns what: the owner a copied path had in the build stage
 * (`COPY --chown` into it, `RUN chown` of it or a folder holding it), and, after it, one more COPY
 * for each part of it given to another user. A refusal when one path had several owners.
 */
function ownedCopies(file: ParsedDockerfile, stage: Stage, runs: readonly RunScript[], artefacts: readonly { from: string; to: string }[]): { from: string; to: string; chown: string | null }[] | ReturnType<typeof refusal> {
  const given: { path: string; owner: string; at: number }[] = [];
  for (const step of copySteps(file, stage)) {
    if (step.chown !== null && step.dest !== null) given.push({ path: step.dest.replace(/\/$/, ''), owner: step.chown, at: step.inst.span.start });
  }
  for (const run of runs) {
    for (const c of run.parsed?.commands ?? []) {
      if (programOf(c) !== 'chown') continue;
      const words = c.words.slice(1).map((w) => w.value).filter((v): v is string => v !== null && !v.startsWith('-'));
      const [owner, ...paths] = words;
      const cwd = workdirAt(file, run.inst);
      for (const p of paths) if (owner !== undefined && cwd !== null) given.push({ path: path.posix.resolve(cwd, p), owner, at: run.inst.span.start });
    }
  }
  const isRoot = (o: string) => /^(?:root|0)(?::(?:root|0))?$/.test(o);
  const out: { from: string; to: string; chown: string | null }[] = [];
  for (const a of artefacts) {
    const root = a.from.replace(/\/$/, '');
    const holding = given.filter((g) => within(root, g.path));
    const owners = new Set(holding.map((g) => g.owner));
    if (owners.size > 1) return refusal(holding[0]!.at, 'no-artefact-path', `${root} was given to ${[...owners].join(' and ')}; which owner it has at the end is not followed`);
    const [owner] = owners;
    out.push({ from: a.from, to: a.to, chown: owner === undefined || isRoot(owner) ? null : owner });
    for (const g of given.filter((x) => x.path !== root && within(x.path, root) && x.owner !== owner)) {
      out.push({ from: g.path, to: path.posix.join(a.to.replace(/\/$/, ''), path.posix.relative(root, g.path)), chown: isRoot(g.owner) ? null : g.owner });
    }
  }
  return out;
}
