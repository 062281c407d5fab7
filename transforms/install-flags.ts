import { posix } from 'node:path';
import type { PropertyInstruction } from 'dockerfile-ast';
import { canonicalName } from '../src/dockerfile/imageRef.js';
import { buildsOn, parentStage, rootStage, shippedStages } from '../src/dockerfile/stages.js';
import { publishedTargets } from '../src/analysis/buildTargets.js';
import type { Instruction, ParsedDockerfile, Stage } from '../src/dockerfile/types.js';
import { Timeline, type TimelineEvent } from '../src/dockerfile/timeline.js';
import { contextSource, copyArgs } from '../src/dockerfile/copies.js';
import { resolveBase, variablesAt } from '../src/dockerfile/variables.js';
import { expandWord } from '../src/dockerfile/words.js';
import { change, defineTransform, dependingOn, forRules, refusal, reviewChange, type Edit, type Finding } from '../src/engine/types.js';
import {
  matchRelease,
  MICRODNF_WEAK_DEPS,
  oldToolRelease,
  RECOMMENDS,
  recommendsOf,
  recommendsOffIn,
  rhelToolVerdict,
  rpmWeakDepsOf,
  RPM_WEAK_DEPS,
  type RecommendedUse,
  type RecommendsFact,
} from '../src/knowledge/recommends.js';
import { missingTagWhy } from '../src/knowledge/identify.js';
import { fullImageHas } from '../src/knowledge/slim.js';
import type { IdentifiedImage } from '../src/knowledge/types.js';
import {
  appendWords,
  BODY_REFUSALS,
  expandedCacheMounts,
  type CacheMount,
  fileEnd,
  mountTypes,
  fileStart,
  insertFlag,
  invokedProgram,
  alwaysBefore,
  nestedShellStrings,
  packageCommands,
  recogniseAll,
  PIP_DOWNLOADS,
  parseScript,
  removeCommand,
  runBody,
  scriptFileOf,
  SHELL_PROGRAMS,
  shebangOf,
  shellOperand,
  unEditedParsed,
  type UnEditedScript,
  type PackageCommand,
  type RunBody,
  type ShellScript,
  type SimpleCommand,
  type ShellWord,
} from '../src/shell/index.js';
import { scriptUses } from '../src/shell/uses.js';
import { countBefore } from '../src/sorted.js';
import { FileMemo, Memo } from '../src/memo.js';
import { idleStart, startedScriptTexts, type IdleStart } from '../src/analysis/startScriptFiles.js';
import { programContextPath, runProgramFile } from '../src/analysis/copiedFiles.js';
import { baseImageText, downloadToolsAt, knownBaseImage, userAt, yumIsDnf } from '../src/analysis/stageTools.js';
import { ciAgentImage, ciAgentSaid, devContainerOf, devContainerSaid, type DevContainer } from '../src/analysis/devContainer.js';
import { startCommand } from '../src/analysis/startCommand.js';
import type { BuildContext } from '../src/engine/context.js';
import { listed } from '../src/prose.js';
import { packageOperandName } from '../src/knowledge/packageNames.js';

type Options = { noInstallRecommends: boolean; allStages: boolean };

/**
 * Package managers keep caches and extras nobody asked for: apt pulls in
 * recommended packages, apk and pip keep downloaded indexes and archives, gem
 * builds documentation. Each has a flag that turns this off for one command;
 * adding it is a single insertion that changes no control flow.
 */
export default defineTransform<Options>({
  meta: {
    name: 'install-flags',
    summary: 'Add --no-install-recommends (dnf\'s install_weak_deps=False, zypper\'s --no-recommends), --no-cache, --no-cache-dir and --no-document to package installs.',
    docs: `In shell-form RUN instructions of the stages that end up in the final image (the last stage and the
stages it is built FROM, and as much for a stage the project publishes with \`--target\`;
\`-o install-flags.allStages=true\` takes every stage), adds to each install
command the flag that keeps the image small (hadolint DL3015, DL3019, DL3042), right after the install word:
- \`apt-get install\` / \`apt install\` get \`--no-install-recommends\`, unless the command already has it,
  has \`--install-recommends\` or \`--only-upgrade\`, sets \`-o APT::Install-Recommends=…\` itself, or only
  simulates (\`-s\`, \`--simulate\`, \`--dry-run\`, \`-o APT::Get::Simulate=true\` that no later
  \`-o\` turns off…: it installs nothing, as in \`if apt-get install -s pkg; then\`).
  **This is a review change**: packages that were only pulled in as recommendations are no longer
  installed. When a later command of the stage (or of a stage built FROM it, or its CMD, ENTRYPOINT
  or HEALTHCHECK) uses what an installed package only recommends, the package is named in the same
  install, which restores exactly that part (the facts are data in src/knowledge/recommends.ts,
  checked against Debian 12):
  curl, wget, wget2, aria2, git then fetching over https (or running a script, a gem, go…), or kept in a stage that
  ships, where what the container runs may fetch with them → ca-certificates;
  gcc then compiling (gcc, make, configure, cmake, pip, npm, go, cargo… or a script) → libc6-dev;
  Debian's npm (or node-gyp) then an npm, yarn or pnpm command, which may build a native addon with node-gyp → g++, make;
  python3-pip then building from source (\`pip install .\`, \`-e\`, a VCS URL, an sdist, --no-binary) →
  build-essential, python3-dev (Python 2's python-pip → build-essential, python-all-dev, python-setuptools); gpg then fetching keys (\`--recv-keys\`, \`--keyserver\`) → dirmngr
  (gnupg too on Debian 9); dirmngr or gpg-agent then \`apt-key\`/\`gpg\` → gnupg; git over ssh (\`git clone git@…\`, a
  \`git+ssh://\` URL another tool hands to git: \`pip install "lib @ git+ssh://…"\`, or any command of a RUN given the
  ssh agent with \`--mount=type=ssh\`, which fetches over ssh whatever file names the URLs) → openssh-client, and so do
  mercurial and lftp then reaching an \`ssh://\` or \`sftp://\` address; golang-go then \`go build\` with cgo → gcc, libc6-dev;
  cmake then configuring a project (\`cmake -S src -B build\`, \`cmake ..\`) with its default generator, or \`make\` →
  make, and with no C compiler named, configuring or building → gcc, libc6-dev (\`-G Ninja\`, \`--version\`, \`-E\` need neither;
  a script dockshift cannot see into may run make); composer then \`composer install\`, \`update\`, \`require\`,
  \`create-project\` → unzip; rustc then \`cargo\` → cargo; ImageMagick (imagemagick, libmagickwand-dev, php-imagick and the
  other bindings) or GraphicsMagick then reading a PDF, PostScript or EPS file (\`convert doc.pdf[0] cover.png\`), or
  kept in a stage that ships, where what the container runs may read one → ghostscript; LibreOffice (any libreoffice
  package, python3-uno, unoconv) kept in a stage that ships, where it may lay out documents that name Arial or Times New
  Roman → fonts-liberation2, and unoconv kept → libreoffice-writer, -calc, -impress and -draw (unless the install names a
  LibreOffice module); mpich then compiling with MPI (\`mpicc\`, \`mpifort\`; or \`make\`, \`cmake\`, a script, which may call
  them) → libmpich-dev; a Tesseract language pack (tesseract-ocr-deu…) kept without tesseract-ocr → tesseract-ocr; Docker's docker-ce-cli (or docker-ce)
  then \`docker build\`, \`docker buildx\`, or kept in a stage that ships → docker-buildx-plugin, and \`docker compose\`, or kept
  → docker-compose-plugin. A package named in the install,
  or earlier in the stage or a stage it builds on, counts as there (ca-certificates also when a later
  RUN of the stage names it, or when the base image has it and no RUN before removed it: python's and
  ruby's slim images, the full language images), and so does what a full language image has from
  buildpack-deps (gcc, libc6-dev, make, unzip, openssh-client…) in a stage built on one, or what php's Debian images keep
  for phpize (gcc, g++, make, pkgconf…). Scripts the container starts (and the scripts they run by path: \`/init-db.sh\` in an entrypoint), and programs a later RUN runs by their path that the stage copied in
  (\`RUN /tmp/install-redis\`), are read from the build context when there is one (\`git clone git@…\` in an entrypoint needs openssh-client). The running program may still
  rely on a recommended package in ways no command shows (certificates for its own https calls, or for
  a download tool not listed here):
  the change is labelled review for that. A package so named is installed by hand: where a later autoremove of
  the same RUN (\`apt-get purge -y --auto-remove gcc\`, \`apt-get autoremove\`) took it away before with what
  recommended it, the message says it now stays, unless the RUN names it there or marks packages automatic
  again first (\`apt-mark auto\`, docker-library's savedAptMark). Turn this part off with
  \`-o install-flags.noInstallRecommends=false\`.
- \`dnf install\` gets \`--setopt=install_weak_deps=False\`, \`microdnf install\` \`--setopt=install_weak_deps=0\` (microdnf
  takes 0 or 1 only; see \`tool-too-old\` and \`tool-version-unknown\` for the releases whose microdnf lacks it), and \`yum install\` on an image whose yum is dnf (Fedora, RHEL 8 and later with UBI, Rocky, Alma,
  Oracle Linux 8 and later, Amazon Linux 2023: the images cleanup-in-layer knows to clean with dnf, and an image of those with
  microdnf alone, such as ubi-minimal, where the stage installed yum with \`microdnf install yum\`) the same as dnf; yum 3
  (CentOS and RHEL 7, Amazon Linux 2) has no weak dependencies and is left alone, and so is yum on an image dockshift does
  not know. \`zypper install\` (\`zypper in\`) gets \`--no-recommends\`, except on openSUSE's and SUSE's own images (opensuse/leap,
  opensuse/tumbleweed, registry.suse.com/bci/*: src/knowledge/recommends.ts), which set \`solver.onlyRequires = true\` in
  /etc/zypp/zypp.conf already, unless the file sets it again. Not when the command already has
  \`--setopt=install_weak_deps=…\` (either value), \`--no-recommends\` or \`--recommends\`, nor when it only downloads or
  tries (\`--downloadonly\`, \`--assumeno\`; zypper's \`-d\`/\`--download-only\`, \`-D\`/\`--dry-run\`). **A review change, as
  apt's**: the packages' weak dependencies (what they only recommend, and packages that supplement them) are no longer
  installed. dockshift knows few of Fedora's and RHEL's weak dependencies and none of openSUSE's recommended packages: the
  review says so, and the reviewer checks what the image runs. The one it knows: python3 and python3-devel (python3.11…)
  only recommend python3-pip, so where a later command of the stage (or of a stage built on it) runs pip (\`pip3 install\`,
  \`python3 -m pip\`) and no install before it names a pip package, the install names python3-pip (python3.11-pip) too,
  as apt's names back what its packages recommend; an install whose packages are only known at build time
  (\`$INSTALL_PKGS\`) is refused as \`recommends-needed\` there, unless it names a pip package itself. The same option turns it off
  (\`-o install-flags.noInstallRecommends=false\`): it keeps every manager's recommended packages. \`wants-recommends\`,
  \`recommends-off\` and \`dev-container\` refuse it as they do apt's, reading dnf's \`install_weak_deps\` (in
  /etc/dnf/dnf.conf, /etc/yum.conf, dnf5's /etc/dnf/libdnf5.conf.d/) and zypper's \`solver.onlyRequires\` (in
  /etc/zypp/zypp.conf) for apt's setting.
- \`apk add\` gets \`--no-cache\` (not with \`--no-network\`, which installs from that cache, nor one that names no package:
  \`apk add --update\` alone only fetches the index, as \`apk update\` does, and is taken as one below), and so does
  \`apk upgrade\` with \`-U\` (\`--update-cache\`, or its prefix \`--update\`) or after an \`apk update\` that always runs before it in the same list (with \`--no-cache\` it
  fetches the same index; without such an update it reads what the image has, and is left alone; so is one whose update
  stays, for a reason below: the flag would only fetch the index a second time). A \`-U\` beside the new \`--no-cache\` stays,
  in an add as in an upgrade: with \`--no-cache\` apk fetches every index anew and \`-U\` does nothing. An \`apk
  update\` in the same RUN then only leaves an index in the layer, so it is removed when it is a plain
  \`apk update\` (\`-q\` allowed) in the RUN's top-level \`&&\`/\`;\` list and every apk command after it
  there (one that ran before it never reads its index, unless in a function called later or a loop) is an
  \`apk add\` or \`apk upgrade\` that has or gets \`--no-cache\` or an \`apk del\` (which reads no index), and
  nothing else may read the index it leaves in the layer: in the stage or a stage built on it, no later
  RUN runs an apk command other than \`del\`, \`update\` and one that already has \`--no-cache\`, or
  runs apk where dockshift cannot see it (\`sh -c 'apk add …'\`, a script such as \`./install.sh\`, a
  command named by a variable; a script run by its path that a COPY put there from the build context is read, and
  counts only when it names apk or runs another script), and no ONBUILD trigger, CMD, ENTRYPOINT or HEALTHCHECK runs apk, nor
  does a start script copied from the build context (\`apk add $EXTRA_PACKAGES\` in an entrypoint) when
  the image that runs is this stage or built on it.
  Otherwise it stays and \`apk-update-kept\` says why.
- \`pip install\`, \`pip wheel\` and \`pip download\` (pip, pip3, \`python -m pip\`, \`python3 -m pip\`) get \`--no-cache-dir\`, unless the
  stage (or a stage it builds on) sets \`PIP_NO_CACHE_DIR\` by ENV (or by ARG in the stage itself)
  before the RUN, the command sets it, it passes \`--cache-dir\` or \`--no-cache-dir\` (or an
  abbreviation pip accepts, such as \`--no-cache\`), or the RUN runs \`pip cache purge\` (or \`remove\`) after
  it: that empties the cache in the layer already, and pip before 21.3 fails it on the empty cache the flag leaves;
  so does an \`rm -r\` of ~/.cache/pip (or ~/.cache, /root/.cache…) after it, unless PIP_CACHE_DIR moves the cache.
- \`gem install\` gets \`--no-document\`, unless it has \`--no-document\`/\`-N\` (or an abbreviation
  RubyGems accepts, such as \`--no-doc\`), \`--no-rdoc\`/\`--no-ri\` or \`--document\`, or a gemrc already says so:
  the official ruby images' /usr/local/etc/gemrc, or one an \`echo\` or \`printf\` before it, in the RUN or an
  earlier RUN of the stage, writes (\`echo 'gem: --no-document' >> /etc/gemrc\`, \`> ~/.gemrc\`). A review change:
  the gems' ri and RDoc documentation is no longer installed. In a development environment (as for \`dev-container\`
  below, not an image CI jobs run in) it is refused: its users read that documentation with \`ri\` at its prompt.
conda, mamba and micromamba get nothing: no option of theirs keeps the downloaded packages out of the
layer (an environment is linked from its package cache); cleanup-in-layer appends their clean instead.
- \`uv sync\`, \`uv pip install\`, \`uv pip sync\` and \`uv tool install\` get \`--no-cache\` (uv then uses a cache of its
  own for the command alone, as Astral's Docker guide advises where no cache mount keeps it), unless the
  command has \`--no-cache\`/\`-n\` (or pip's \`--no-cache-dir\`, which uv takes for it), \`--offline\` (which installs from the cache) or \`--cache-dir\`, options before
  its subcommand, or UV_NO_CACHE, UV_OFFLINE or UV_CACHE_DIR is set (by ENV, by ARG in the stage, before the
  command or exported earlier in the RUN). A cache mount on \`/root/.cache/uv\` (or \`~/.cache\`) is refused as
  \`cache-mount\`.
Commands inside \`if\`, loops, subshells and pipelines are flagged; commands inside \`$(…)\` and
commands whose name comes from a variable are left alone. The cache flags are \`safe\` changes; the
apt, dnf and zypper ones and gem's \`--no-document\` are \`review\` changes.

Refuses, leaving the command as it is:
- \`recommends-needed\`: a later command may need what an installed package only recommends and the
  Dockerfile cannot tell (\`pip install -r requirements.txt\` builds from source only when no wheel
  fits, while \`pip install --upgrade pip setuptools wheel\` only installs wheels and counts as no build; \`bundle install\` after installing bundler, which only recommends build-essential and ruby-dev,
  builds only the gems with native extensions; packages named by a variable such as \`$PKGS\`, unless the install names
  what gives that use itself, \`ca-certificates $PKGS\` before an https download);
- \`wants-recommends\`: the file asks for recommended packages: an earlier instruction of the stage (or of one it
  builds on) writes \`APT::Install-Recommends "1"\` (or "true") to apt's configuration (see \`recommends-off\`), or
  \`install_weak_deps=True\` to dnf's, or \`solver.onlyRequires = false\` to zypper's, or a
  comment above or inside the RUN says it wants them (or weak dependencies), or another install of the RUN has the flag under a comment of
  its own about recommended packages (\`# install these without recommends\`): the RUN chose install by install;
- \`dev-container\`: a devcontainer.json of the build context builds the Dockerfile, it is CodeSandbox's
  \`.codesandbox/Dockerfile\`, the final stage builds on an image made to be worked in (a dev container image of
  mcr.microsoft.com/devcontainers, a Gitpod workspace, a Cloud Workstations image, code-server: src/knowledge/devEnvironments.ts), it runs
  \`unminimize\` (which puts back Ubuntu's man pages and documentation for people at its prompt), it is labelled for Toolbx
  (\`LABEL com.github.containers.toolbox="true"\`, which toolbox(1) makes interactive containers of), it installs code-server or Xdebug (PHP's step debugger) itself, it installs two or more
  debuggers and tracers (gdb, strace, valgrind, tcpdump…: a debug image), or the container only waits (\`sleep infinity\`, \`tail -f /dev/null\`, or a start script
  that ends so, after starting services in the background), kept up for \`docker exec\`: a development environment, whose users work at its prompt with what the packages
  recommend (git's less and patch, man pages' reader…), which the Dockerfile does not show. So is an image CI jobs run
  in: a RUN of a stage whose files reach the final image downloads a CI agent (the GitHub Actions runner's release), or the
  final stage builds on an image made for CI jobs (ghcr.io/actions/actions-runner, myoung34/github-runner, CircleCI's cimg/*), and
  what its jobs run (git over ssh, a build) is in the workflows. A development environment (not a CI image) keeps
  gem's documentation too: \`ri\` reads it at the prompt. The cache flags are still added there;
- \`recommends-off\`: an earlier instruction of the stage (or of one it builds on) writes \`APT::Install-Recommends "0"\`
  (or "false") to apt's configuration: a RUN (\`echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/…\`, the
  scoped form \`APT { Install-Recommends "0"; };\` too), a COPY or ADD of a heredoc to /etc/apt/apt.conf.d/ (or
  /etc/apt/apt.conf), or of a file of the build context there. apt then installs no recommended packages: the
  flag would add nothing. As much for dnf, microdnf and a yum that is dnf when \`install_weak_deps=False\` (or 0) is
  written to /etc/dnf/dnf.conf, /etc/yum.conf or dnf5's /etc/dnf/libdnf5.conf.d/ (by \`echo\`, \`sed\`, dnf5's
  \`config-manager setopt\`, dnf 4's \`config-manager --save --setopt=…\`, a COPY or ADD; a \`--setopt\` of one command
  does not count), and for zypper when \`solver.onlyRequires = true\` is written to /etc/zypp/zypp.conf;
- \`tool-too-old\`: the stage is built on a release whose packaged tool lacks the flag: pip before 6.0
  (Ubuntu 14.04, Debian 8 and older, unless the stage upgraded pip first) has no \`--no-cache-dir\`;
  apk before Alpine 3.3 has no \`--no-cache\`; RubyGems before 2.0 (Ubuntu 14.04, Debian 7, CentOS 6
  and older, unless the stage ran \`gem update --system\` first) has no \`--no-document\`; microdnf before 3.4.0 (UBI 8.0
  to 8.2, \`ubi8/ubi-minimal:8.1\`, and the same releases of Oracle Linux) fails on \`--setopt=install_weak_deps\`
  ("Unable to handle"): RHEL 8.3 brought 3.4.0, and RHEL 9 and 10 ship later ones (src/knowledge/recommends.ts);
- \`tool-version-unknown\`: a microdnf install on an image whose release does not say which microdnf it has: an image
  dockshift does not know (or one a build argument names), a tag that names no minor release of RHEL 8
  (\`ubi8/openjdk-17:1.14\`, \`openjdk:17-oraclelinux8\`) or a digest alone on a RHEL 8 image. The flag would fail the
  build on an older microdnf: it is not guessed. A tag that names only the major release (\`ubi8/ubi-minimal:8\`,
  \`latest\`) is rebuilt on each new minor release and counts as the newest;
- \`cache-mount\`: the RUN mounts a BuildKit cache on pip's cache (\`/root/.cache/pip\`, \`~/.cache\`…), on uv's
  (\`/root/.cache/uv\`) or on apk's (\`/var/cache/apk\`, or \`/etc/apk/cache\`, the folder apk takes as its cache when it
  exists), its target read with the file's variables as BuildKit reads it (\`target=\${XDG_CACHE_HOME}/pip\`,
  \`target=$PIP_CACHE_DIR\`). The cache mount already keeps the cache out of the layer and speeds up rebuilds;
  \`--no-cache-dir\`/\`--no-cache\` would defeat it. A mount in root's home (\`/root/.cache/pip\`) does not count for
  a RUN that a USER before it runs as another user, whose cache is in its own home: the flag is added there.
- \`apk-update-kept\`: an \`apk update\` that cannot go (see above).
- \`exec-form\`, \`heredoc\`, \`non-posix-shell\`, \`unparsable-shell\`: a RUN holding an install that
  would get a flag, written in a form the shell layer does not rewrite. An install there that would be
  refused in a RUN the shell layer rewrites gets that refusal, with its own code and reason.
- \`shell-string\`: as much for an install in the command string of \`sh -c '…'\` (\`bash -c "pip install -r
  requirements.txt"\`, \`sudo sh -c '…'\`) in a RUN that is rewritten: the flag would have to go inside the quotes.`,
    hadolint: ['DL3015', 'DL3019', 'DL3042'],
    defaultEnabled: true,
    review:
      "--no-install-recommends (dnf's install_weak_deps=False, zypper's --no-recommends): apt (dnf, zypper) no longer installs what the packages only recommend; gem's --no-document: no ri and RDoc documentation",
    options: {
      noInstallRecommends: {
        default: true,
        description:
          'Add --no-install-recommends to apt-get/apt install, --setopt=install_weak_deps=False to dnf, microdnf and (dnf\'s) yum install, --no-recommends to zypper install (can change which packages are installed).',
      },
      allStages: {
        default: false,
        description: 'Also flag installs in stages the final image is not built on (build stages whose layers are not shipped).',
      },
    },
    touches: { instructions: { RUN: ['edit'] } },
    refusals: {
      'cache-mount': 'a BuildKit cache mount already keeps the cache out of the layer; the flag would defeat it',
      'apk-update-kept': 'an apk update that cannot be removed',
      'recommends-needed': 'a later command may need what the packages only recommend, and the Dockerfile cannot tell',
      'dev-container': 'a development environment (a devcontainer.json or CodeSandbox builds it, it builds on an image made to be worked in, such as a Gitpod workspace or code-server, it installs code-server or Xdebug, it runs unminimize, it installs debuggers and tracers, or the container only waits), whose users work with what the packages recommend, and with the gems\' documentation, at its prompt, or an image CI jobs run in (it holds a CI agent, or builds on an image made for CI jobs)',
      'recommends-off': 'the file already turns recommended packages off (APT::Install-Recommends "0", install_weak_deps=False, solver.onlyRequires = true)',
      'wants-recommends': 'the file asks for recommended packages (APT::Install-Recommends "1", install_weak_deps=True, or a comment that says so, or installs of one RUN chosen one by one)',
      'tool-too-old': 'the release the stage is built on ships a pip, apk, gem or microdnf without the flag',
      'tool-version-unknown': 'the image the stage is built on does not say whether its microdnf takes --setopt=install_weak_deps, which an older one fails on',
      'exec-form': BODY_REFUSALS['exec-form'],
      heredoc: BODY_REFUSALS.heredoc,
      'non-posix-shell': BODY_REFUSALS['non-posix-shell'],
      'unparsable-shell': BODY_REFUSALS['unparsable-shell'],
      'shell-string': 'an install in the command string of `sh -c`, which is not rewritten',
    },
  },
  run(file, { options, ignoredRules, buildContext, path, input }) {
    const findings: Finding[] = [];
    const shipped = shippedStages(file, publishedTargets(buildContext, path, input?.text));
    const env: RunEnv = { options, ignoredRules, buildContext, dev: devContainerOf(buildContext, path, input), shipped };
    for (const inst of file.instructions) {
      if (inst.keyword === 'RUN' && (options.allStages || shipped.has(inst.stage))) findings.push(...forRun(file, inst, env));
    }
    return findings;
  },
});

/** What is the same for every RUN of the file. */
interface RunEnv {
  readonly options: Options;
  /** hadolint rules off for the whole file: their flag is not added (DL3015 apt, DL3019 apk, DL3042 pip). */
  readonly ignoredRules: ReadonlySet<string>;
  /** The files a build would see, for the scripts the container starts; null without one. */
  readonly buildContext: BuildContext | null;
  /** What builds the file as a development environment, if anything does. */
  readonly dev: DevContainer | null;
  /** The stages whose layers ship: the final one, or the targets the repository publishes. */
  readonly shipped: ReadonlySet<number>;
}

/**
 * What decides a command's fate besides the command itself. What only pip's decisions and the
 * base's tool releases read (ENV and ARG walked, the base resolved) is found when first asked:
 * most RUNs with an install never ask. A class, not an object literal with getters: each such
 * literal gets a hidden class of its own, kept in the old generation, and through its getters'
 * closures it kept the whole parsed file alive past young collections.
 */
class Context {
  private pip: { readonly off: boolean; readonly mount: string | null } | undefined;
  private readonly stage: Stage;
  private readonly mounts: readonly CacheMount[];
  /** A cache mount on apk's cache. */
  readonly apkCacheMount: string | null;

  readonly options: Options;
  readonly ignoredRules: ReadonlySet<string>;
  readonly buildContext: BuildContext | null;
  readonly dev: DevContainer | null;
  readonly shipped: ReadonlySet<number>;

  constructor(
    readonly file: ParsedDockerfile,
    readonly inst: Instruction,
    env: RunEnv,
  ) {
    this.options = env.options;
    this.ignoredRules = env.ignoredRules;
    this.buildContext = env.buildContext;
    this.dev = env.dev;
    this.shipped = env.shipped;
    this.stage = file.stages[inst.stage]!;
    // A cache mount in root's home holds the cache only for root: a RUN run as another user keeps it in its own home.
    const user = userAt(file, inst)?.user ?? null;
    const home = variablesAt(file, inst).get('HOME')?.value ?? null;
    const otherHome = user !== null && /^[\w.-]+(?::[\w.-]+)?$/.test(user) && !/^(?:root|0)(?::|$)/.test(user) && (home === null || !/^\/root(?:\/|$)/.test(home));
    this.mounts = expandedCacheMounts(file, inst).filter((m) => !(otherHome && /^\/root(?:\/|$)/.test(m.target)));
    this.apkCacheMount = this.mounts.find((m) => m.kind === 'apk')?.target ?? null;
  }

  /** A cache mount on uv's cache (\`/root/.cache/uv\`, or all of \`~/.cache\`). */
  get uvCacheMount(): string | null {
    return this.mounts.find((m) => m.kind === 'user-cache' && /(?:^|\/)\.cache(?:\/uv)?\/*$/.test(m.target))?.target ?? null;
  }

  /** A uv setting (UV_NO_CACHE, UV_CACHE_DIR…) is set by ENV, or by ARG in the stage, before this RUN. */
  uvVariable(name: string): boolean {
    return uvSetting(this.file, name).before(this.stage, this.inst.span.start) !== undefined;
  }

  /** PIP_NO_CACHE_DIR is set by ENV/ARG before this RUN. */
  get pipCacheOff(): boolean {
    return this.pipFacts().off;
  }

  /** PIP_CACHE_DIR is set by ENV/ARG before this RUN: pip's cache is not in ~/.cache/pip. */
  get pipCacheDirSet(): boolean {
    return pipCacheDir(this.file).before(this.stage, this.inst.span.start) != null;
  }

  /** A cache mount on pip's cache. */
  get pipCacheMount(): string | null {
    return this.pipFacts().mount;
  }

  /** The image the stage is built on, as `library/ubuntu` and its tag; null when not known. */
  get base(): { readonly repository: string; readonly tag: string | null } | null {
    return baseOf(this.file, this.stage);
  }

  /** \`yum\` in the stage is dnf under its old name, as the base image says (cleanup-in-layer reads the same). */
  get yumIsDnf(): boolean {
    return yumIsDnf(this.file, this.stage);
  }

  /** The image the stage is built on, when the knowledge base knows it. */
  get image(): IdentifiedImage | null {
    return knownBaseImage(this.file, this.stage);
  }

  private pipFacts(): { readonly off: boolean; readonly mount: string | null } {
    if (this.pip !== undefined) return this.pip;
    const { file, stage, inst } = this;
    const cacheDir = pipCacheDir(file).before(stage, inst.span.start);
    const mount = this.mounts.find((m) => m.kind === 'pip' || /(?:^|\/)\.cache(?:\/pip)?\/*$/.test(m.target) || (cacheDir != null && sameDir(cacheDir, m.target)));
    return (this.pip = { off: pipNoCacheDir(file).before(stage, inst.span.start) !== undefined, mount: mount?.target ?? null });
  }
}

type Decision =
  | {
      readonly kind: 'flag';
      readonly flag: string;
      readonly label: string;
      readonly note: string;
      readonly add?: Addition;
      readonly review?: string;
      /** Text the decision read besides the RUN (the base image's FROM): a change there makes it decide again. */
      readonly dependsOn?: readonly { readonly start: number; readonly end: number }[];
    }
  | { readonly kind: 'refuse'; readonly code: string; readonly reason: string };

/** Packages to name explicitly in the same install, and why. */
interface Addition {
  readonly packages: readonly string[];
  /** The install's operands: they go after the last, in the list's layout. */
  readonly after: readonly ShellWord[];
  readonly why: string;
}

const NONE: ReadonlySet<string> = new Set();

/** Every command this transform flags is an `install` (zypper's `in`), an `add`, uv's `sync`, apk's `upgrade` or pip's `wheel` and `download`: most RUNs need no parse. */
const MAY_INSTALL = /\b(?:install|add|sync|upgrade|wheel|download)\b|\bzypper\b/;

function forRun(file: ParsedDockerfile, inst: Instruction, env: RunEnv): Finding[] {
  if (!MAY_INSTALL.test(file.text.slice(inst.span.start, inst.span.end))) return [];
  const ctx = new Context(file, inst, env);
  const body = runBody(file, inst);
  if (!body.ok) {
    if (body.code === 'no-body' || body.code === 'not-shell-instruction') return [];
    const { flagged, refused } = decisionsOf(unEditedParsed(file, inst, body.code), ctx);
    // An install that would be refused on a RUN we could edit says so here too: its reason is why it keeps its cache or recommends.
    const findings = refused.map((d) => refusal(body.at, d.code, d.reason));
    if (flagged.length > 0) findings.unshift(refusal(body.at, body.code, `${body.reason}; not adding ${[...new Set(flagged)].join(', ')}`));
    return findings;
  }

  const findings: Finding[] = [];
  const commands = packageCommands(body.parsed);
  // Packages an earlier install of this body will name (added by this pass): a later install that
  // runs only after it needs them no more.
  const additions: { readonly command: SimpleCommand; readonly packages: readonly string[] }[] = [];
  const decided = commands.map((cmd) => {
    const before = additions.filter((a) => alwaysBefore(body.parsed, a.command, cmd.command)).flatMap((a) => a.packages);
    const decision = decide(cmd, body.parsed, ctx, before.length === 0 ? NONE : new Set(before));
    if (decision?.kind === 'flag' && decision.add !== undefined) additions.push({ command: cmd.command, packages: decision.add.packages });
    return { cmd, decision };
  });
  const updates = apkUpdates(file, body, decided, ctx);
  findings.push(...updates.findings);
  for (const uv of uvInstalls(body.parsed)) {
    const decision = decideUv(uv, body.parsed, ctx);
    if (decision === null) continue;
    const at = fileStart(body, uv.command.start);
    findings.push(decision.kind === 'refuse' ? refusal(at, decision.code, decision.reason) : change(at, `${uv.label}: add --no-cache`, [insertFlag(file, body, uv.flagAt, '--no-cache')]));
  }
  for (const { cmd, decision } of decided) {
    if (decision === null || updates.unflagged.has(cmd)) continue;
    const at = fileStart(body, cmd.command.start);
    if (decision.kind === 'refuse') {
      findings.push(refusal(at, decision.code, decision.reason));
      continue;
    }
    const edits: Edit[] = [insertFlag(file, body, cmd.flagAt, decision.flag)];
    if (decision.add !== undefined) edits.push(appendWords(file, body, decision.add.after, decision.add.packages));
    const added = decision.add === undefined ? '' : ` and ${decision.add.packages.join(' ')}: ${decision.add.why}${keptByName(body, commands, cmd, decision.add.packages)}`;
    const message = `${decision.label}: add ${decision.flag}${added}${decision.note}`;
    const rule = RULE_OF[cmd.manager];
    // `# hadolint ignore=DL3042` above the RUN is about pip: it leaves the apt flag be.
    const made = decision.review === undefined ? change(at, message, edits) : reviewChange(at, message, edits, decision.review);
    findings.push(forRules(decision.dependsOn === undefined ? made : dependingOn(made, decision.dependsOn), rule === undefined ? [] : [rule]));
  }
  findings.push(...shellStringRefusals(file, body, ctx));
  return findings;
}

/**
 * What naming a package changes for a later autoremove of the same RUN (\`apt-get purge -y --auto-remove gcc\`,
 * \`apt-get remove … && apt-get autoremove\`): apt brought it before as a recommendation, marked as installed
 * automatically, and the autoremove took it away with what recommended it; named, it is marked as installed
 * by hand and stays in the layer. Not after \`apt-mark auto\` (docker-library's savedAptMark), which marks it
 * automatic again. Said in the message: whether what stays needs it is for the reviewer.
 */
function keptByName(body: RunBody, commands: readonly PackageCommand[], install: PackageCommand, packages: readonly string[]): string {
  const start = install.command.start;
  if (body.parsed.commands.some((c) => c.start > start && c.name === 'apt-mark' && c.args.includes('auto'))) return '';
  const removal = commands.find(
    (c) =>
      c.command.start > start &&
      c.manager === 'apt' &&
      c.action === 'remove' &&
      (c.subcommand.some((w) => /^auto(?:remove|purge)$/.test(w.value ?? '')) || c.hasFlag('--auto-remove', '--autoremove')),
  );
  if (removal === undefined) return '';
  // What a removal of the RUN names by itself goes, named in the install or not.
  const removed = new Set(commands.filter((c) => c.command.start > start && c.manager === 'apt' && c.action === 'remove').flatMap((c) => c.operands.map((w) => (w.value === null ? '' : packageOperandName(w.value)))));
  const kept = packages.filter((p) => !removed.has(p));
  if (kept.length === 0) return '';
  const shown = preview(body.parsed.source.slice(removal.command.start, removal.command.end));
  const [them, is] = kept.length > 1 ? ['them', 'are'] : ['it', 'is'];
  return `; named, ${listed(kept)} ${is} marked as installed by hand: the later \`${shown}\` no longer removes ${them} with what recommended ${them}, as it could before, so name ${them} there too if nothing that stays needs ${them}`;
}

/** What the installs of scripts the transform does not rewrite would get: the flags, and the refusals (each said once). */
function decisionsOf(scripts: Iterable<UnEditedScript>, ctx: Context): { readonly flagged: readonly string[]; readonly refused: readonly { readonly code: string; readonly reason: string }[] } {
  const flagged: string[] = [];
  const refused = new Map<string, { readonly code: string; readonly reason: string }>();
  for (const script of scripts) {
    for (const d of wouldDecide(script, ctx)) {
      if (d.kind === 'flag') flagged.push(d.what);
      else refused.set(`${d.code}\0${d.reason}`, d);
    }
  }
  return { flagged, refused: [...refused.values()] };
}

/**
 * Installs in the command string of a `sh -c '…'` (`bash -c "pip install -r requirements.txt"`), and of one
 * inside it: read as the RUN's own commands, but not rewritten, as the flag would go inside the quotes.
 * Such shells are refused with what they would have got, as a heredoc or an exec-form RUN is: one refusal
 * for those on one line (the report keeps one of a code per line), naming each shell
 * (`exec sh -c '…' && sudo bash -c '…'`).
 */
function shellStringRefusals(file: ParsedDockerfile, body: RunBody, ctx: Context): Finding[] {
  const findings: Finding[] = [];
  const unflagged = new Map<number, { at: number; programs: string[]; flagged: Set<string> }>();
  for (const c of body.parsed.commands) {
    if (c.enclosing.includes('substitution')) continue;
    const { flagged, refused } = decisionsOf(nestedShellStrings(c), ctx);
    const at = fileStart(body, c.start);
    findings.push(...refused.map((d) => refusal(at, d.code, d.reason)));
    if (flagged.length === 0) continue;
    const line = file.lines.lineOf(at);
    const here = unflagged.get(line) ?? { at, programs: [], flagged: new Set<string>() };
    unflagged.set(line, here);
    here.programs.push(`\`${invokedProgram(c)!.name}\``);
    for (const f of flagged) here.flagged.add(f);
  }
  for (const { at, programs, flagged } of unflagged.values()) {
    const [runs, strings, are] = programs.length === 1 ? ['install runs', 'string', 'is'] : ['installs run', 'strings', 'are'];
    findings.push(refusal(at, 'shell-string', `the ${runs} in the quoted command ${strings} of ${listed(programs)}, which ${are} not rewritten; not adding ${[...flagged].join(', ')}`));
  }
  return findings;
}

/** `-o APT::Get::Simulate=true`: the configuration item the simulation flags set, given as an option (the last one given counts). */
function simulatedByOption(cmd: PackageCommand): boolean {
  const last = cmd.options.filter((o) => (o.name === '-o' || o.name === '--option') && o.value !== null && /^APT::Get::Simulate=/i.test(o.value)).at(-1);
  return last !== undefined && /=(?:1|true|yes|on|with|enable)$/i.test(last.value!);
}

/** Whether and how one package command gets a flag. Null: nothing to do. */
function decide(cmd: PackageCommand, script: ShellScript, ctx: Context, added: ReadonlySet<string> = NONE): Decision | null {
  if (cmd.command.enclosing.includes('substitution') || cmd.subcommand.length !== 1) return null;
  const program = cmd.program.value!.slice(cmd.program.value!.lastIndexOf('/') + 1);
  const action = cmd.subcommand[0]!.value;
  const flag = (f: string, label: string, note = ''): Decision => ({ kind: 'flag', flag: f, label, note });
  if (ctx.ignoredRules.has(RULE_OF[cmd.manager] ?? '')) return null;
  switch (cmd.manager) {
    case 'apt': {
      if (!ctx.options.noInstallRecommends || (program !== 'apt-get' && program !== 'apt') || action !== 'install') return null;
      if (cmd.hasFlag('--no-install-recommends', '--install-recommends', '--only-upgrade') || setsRecommends(cmd)) return null;
      // A simulation installs nothing: postgres' `if apt-get install -s "postgresql-$PG_MAJOR-jit"` asks whether it exists.
      if (cmd.hasFlag('-s', '--simulate', '--just-print', '--dry-run', '--recon', '--no-act') || simulatedByOption(cmd)) return null;
      return decideRecommends(cmd, script, `${program} install`, ctx, added);
    }
    case 'apk': {
      // An upgrade reads the index an update before it in the RUN (or its own -U) fetched: with --no-cache it fetches
      // the same index and keeps none. Without such an update it reads what the image has, often nothing: left alone.
      if (action === 'upgrade' && !updatedBefore(script, cmd) && !cmd.hasFlag(...APK_UPDATE_CACHE)) return null;
      if ((action !== 'add' && action !== 'upgrade') || cmd.hasFlag('--no-cache')) return null;
      // `apk add --update` with no package only fetches the index, as `apk update` does: with --no-cache it would keep
      // none, and an apk command after it that reads the index would find none. Nothing is added to keep out.
      if (action === 'add' && cmd.operands.length === 0) return null;
      // Offline, apk installs from its cache: --no-cache would take that away.
      if (cmd.hasFlag('--no-network')) return null;
      if (ctx.apkCacheMount !== null) return cacheMountRefusal(ctx.apkCacheMount, 'apk', '--no-cache');
      const old = ctx.base === null ? null : oldToolRelease('apk', ctx.base.repository, ctx.base.tag);
      if (old !== null) return tooOld(old.release, 'apk', old.fact.flag, old.fact.since);
      // A -U (--update-cache) beside the flag then does nothing: with --no-cache apk fetches each index over the network,
      // and -U only decides when a cached index is fetched again (apk-tools' database.c, 2.x and 3). It stays, in an add
      // as in an upgrade: taking it out would change nothing in the image, only the user's words (a cluster like -Uq too).
      return flag('--no-cache', `apk ${action}`);
    }
    case 'pip': {
      // pip takes any unambiguous prefix of a long option: `--no-cache` is --no-cache-dir.
      if (action === null || !PIP_DOWNLOADS.has(action) || cmd.options.some((o) => isPrefixOf(o.name, '--no-cache-dir', '--no-ca') || isPrefixOf(o.name, '--cache-dir', '--cac'))) return null;
      if (ctx.pipCacheOff || cmd.env.has('PIP_NO_CACHE_DIR') || exportedBefore(script, cmd, 'PIP_NO_CACHE_DIR')) return null;
      // The RUN empties the cache itself; and pip before 21.3 fails `pip cache purge` on a cache the flag left empty.
      if (pipCachePurgedAfter(script, cmd, ctx.pipCacheDirSet || cmd.env.has('PIP_CACHE_DIR') || exportedBefore(script, cmd, 'PIP_CACHE_DIR'))) return null;
      if (ctx.pipCacheMount !== null) return cacheMountRefusal(ctx.pipCacheMount, 'pip', '--no-cache-dir');
      const old = ctx.base === null ? null : oldToolRelease('pip', ctx.base.repository, ctx.base.tag);
      if (old !== null && !pipUpgradedBefore(ctx, cmd, script)) return tooOld(old.release, 'pip', old.fact.flag, old.fact.since);
      return flag('--no-cache-dir', program.startsWith('python') ? `${program} -m pip ${action}` : `${program} ${action}`);
    }
    case 'gem': {
      if (action !== 'install' && action !== 'i') return null;
      // RubyGems' OptionParser takes an unambiguous prefix too: `--no-doc` is --no-document.
      if (cmd.hasFlag('-N', '--no-rdoc', '--no-ri') || cmd.options.some((o) => isPrefixOf(o.name, '--no-document', '--no-doc') || isPrefixOf(o.name, '--document', '--doc'))) return null;
      // The official ruby images' gemrc says --no-document for every install: the flag would change nothing.
      if (ctx.image?.facts.gemNoDocument === true) return null;
      // A gemrc the Dockerfile wrote already says it for every gem install (\`echo 'gem: --no-document' > /etc/gemrc\`).
      if (gemrcWrittenBefore(ctx, script, cmd)) return null;
      const old = ctx.base === null ? null : oldToolRelease('gem', ctx.base.repository, ctx.base.tag);
      if (old !== null && !gemUpdatedBefore(ctx, script, cmd)) return tooOld(old.release, 'gem', old.fact.flag, old.fact.since);
      // Its users read the gems' documentation at its prompt (\`ri\`), as they do the man pages apt's recommends bring.
      const dev = developmentEnvironment(ctx, GEM_DOCUMENTS_AT_PROMPT, false);
      if (dev !== null) return { kind: 'refuse', code: 'dev-container', reason: dev };
      // Not a cache: what the gems install changes.
      return { kind: 'flag', flag: '--no-document', label: `gem ${action}`, note: '', review: GEM_DOCUMENTS };
    }
    case 'dnf':
    case 'microdnf':
    case 'yum': {
      if (!ctx.options.noInstallRecommends || action !== 'install') return null;
      // yum 3 (CentOS and RHEL 7, Amazon Linux 2) has no weak dependencies: only a yum that is dnf installs them.
      if (cmd.manager === 'yum' && !ctx.yumIsDnf) return null;
      // The command says it itself (either way, or in a --setopt whose value is only known at build time), or installs nothing.
      if (cmd.options.some((o) => o.name === '--setopt' && (o.value === null || /^install_weak_deps=/.test(o.value)))) return null;
      if (cmd.hasFlag('--downloadonly', '--assumeno')) return null;
      // microdnf takes the value as 0 or 1 only ("Invalid boolean value" otherwise: its dnf/dnf-main.c); dnf takes either.
      const off = `--setopt=install_weak_deps=${cmd.manager === 'microdnf' ? '0' : 'False'}`;
      const stage = ctx.file.stages[ctx.inst.stage]!;
      const decided = decideWeakDeps(cmd, script, ctx, DNF_WEAK_DEPS, off, `${program} ${action}`, cmd.manager !== 'dnf' ? baseImageText(ctx.file, stage) : undefined);
      return cmd.manager === 'microdnf' && decided.kind === 'flag' ? (microdnfWithoutWeakDeps(ctx) ?? decided) : decided;
    }
    case 'zypper': {
      if (!ctx.options.noInstallRecommends || (action !== 'install' && action !== 'in')) return null;
      // Either way already; or it only downloads (\`-d\`, \`--download-only\`) or tries (\`-D\`, \`--dry-run\`).
      if (cmd.hasFlag('--no-recommends', '--recommends', '-d', '--download-only', '-D', '--dry-run')) return null;
      // openSUSE's and SUSE's images set solver.onlyRequires = true already: the flag would change nothing, unless the file set it since.
      const off = ctx.base === null ? null : recommendsOffIn('zypper', ctx.base.repository);
      if (off !== null && settingBefore(cmd, script, ctx, ZYPPER_RECOMMENDS) === undefined) return null;
      const stage = ctx.file.stages[ctx.inst.stage]!;
      return decideWeakDeps(cmd, script, ctx, ZYPPER_RECOMMENDS, '--no-recommends', `zypper ${action}`, baseImageText(ctx.file, stage));
    }
    default:
      return null;
  }
}

/**
 * dnf's, microdnf's (a yum's that is dnf) and zypper's installs get the flag that leaves out what the packages only
 * recommend (RPM's weak dependencies), unless the file keeps them. dockshift has no facts about what Fedora's, RHEL's or
 * openSUSE's packages only recommend: no package is named back, and the review says so.
 */
function decideWeakDeps(cmd: PackageCommand, script: ShellScript, ctx: Context, config: RecommendsConfig, flag: string, label: string, dependsOn?: readonly { readonly start: number; readonly end: number }[]): Decision {
  const kept = keepsRecommends(cmd, script, ctx, config);
  if (kept !== null) return kept;
  const needed = config === DNF_WEAK_DEPS ? weakDepsNeeded(cmd, script, ctx) : null;
  if (needed !== null && 'kind' in needed) return needed;
  const review = config === DNF_WEAK_DEPS ? reviewWeakDeps(label.split(' ')[0]!) : REVIEW_ZYPPER;
  return {
    kind: 'flag',
    flag,
    label,
    note: '',
    review,
    ...(needed === null ? {} : { add: { packages: needed.packages, after: cmd.operands, why: needed.why } }),
    ...(dependsOn === undefined ? {} : { dependsOn }),
  };
}

/**
 * What a later command of the stage (or of a stage built on it) needs that a package the install names only
 * recommends (python3's pip, then \`pip3 install\`), as the few facts known say (src/knowledge/recommends.ts): the
 * packages to name in the install, which restore it, and why; or a refusal where a package is only known at build
 * time. Null when nothing later needs one.
 */
function weakDepsNeeded(cmd: PackageCommand, script: ShellScript, ctx: Context): { readonly packages: readonly string[]; readonly why: string } | Decision | null {
  const { file, inst } = ctx;
  const names = installNames(file, inst, cmd);
  const named = names.flatMap((n) => (n.name === null ? [] : [n.name]));
  const body = runBody(file, inst);
  const after = body.ok && script === body.parsed ? fileEnd(body, cmd.command.end) : inst.span.start;
  const stage = file.stages[inst.stage]!;
  const packages: string[] = [];
  const reasons: string[] = [];
  for (const { word, name } of names) {
    if (name === null) {
      // A list (`$INSTALL_PKGS`) may hold python3, and so may `python${V}`; `"python${V}-setuptools"` holds no package a fact names.
      const raw = word.raw.replace(/["']/g, '');
      if (!/^\$\{?\w+\}?$/.test(raw) && !RPM_WEAK_DEPS.some((f) => f.pattern.test(raw.replace(/\$\{?\w+\}?/g, '3.0')))) continue;
      // pip named in the install itself (python3-pip beside \`$EXTRA\`) is there whatever the list holds.
      const later = RPM_WEAK_DEPS.filter((fact) => !named.some((n) => fact.satisfiedBy.test(n)))
        .map((fact) => laterPip(file, stage, after, fact.satisfiedBy))
        .find((l) => l !== null);
      if (later === undefined) continue;
      return {
        kind: 'refuse',
        code: 'recommends-needed',
        reason: `\`${word.raw}\` names packages only known at build time, and the later \`${later}\` needs pip, which one of them may only recommend`,
      };
    }
    for (const fact of rpmWeakDepsOf(name)) {
      if (named.some((n) => fact.satisfiedBy.test(n))) continue;
      const pkg = fact.install(name);
      const later = packages.includes(pkg) ? null : laterPip(file, stage, after, fact.satisfiedBy);
      if (later === null) continue;
      packages.push(pkg);
      reasons.push(`the later \`${later}\` needs pip (${fact.because})`);
    }
  }
  return packages.length === 0 ? null : { packages, why: reasons.join('; ') };
}

/**
 * The first pip command after file offset \`after\` in \`stage\` or a stage built on it, as written; null when there is
 * none, or when an install between names a package that gives pip (\`satisfiedBy\`).
 */
function laterPip(file: ParsedDockerfile, stage: Stage, after: number, satisfiedBy: RegExp): string | null {
  for (const inst of file.instructions) {
    if (inst.keyword !== 'RUN' || inst.span.end <= after) continue;
    const own = file.stages[inst.stage]!;
    if (own !== stage && !buildsOn(file, own, stage)) continue;
    for (const { script, offsetOf } of scriptsOf(file, inst)) {
      for (const c of packageCommands(script)) {
        if (offsetOf(c.command.start) <= after) continue;
        if (c.manager === 'pip') return script.source.slice(c.command.start, c.command.end);
        if (c.action === 'install' && c.operands.some((w) => w.value !== null && satisfiedBy.test(w.value))) return null;
      }
    }
  }
  return null;
}

function reviewWeakDeps(manager: string): string {
  return (
    `${manager} no longer installs the packages' weak dependencies (what they only recommend, and packages that supplement them); dockshift knows ` +
    "few of Fedora's and RHEL's (python3's pip, named back where a later command runs pip), unlike Debian's for apt: check that the image, " +
    'and the programs it runs, need none of the rest (name any that it does)'
  );
}

const REVIEW_ZYPPER =
  'zypper no longer installs what these packages only recommend (unless the base image sets solver.onlyRequires = true in /etc/zypp/zypp.conf ' +
  "already, as openSUSE's and SUSE's own images do: then nothing changes); dockshift has no data on openSUSE's recommended packages, unlike " +
  "Debian's for apt, and names none back: check that the image, and the programs it runs, need none of it (name any that it does)";

/** The hadolint rule behind each flag: ignoring it for the file leaves that flag out. */
const RULE_OF: Partial<Record<PackageCommand['manager'], string>> = { apt: 'DL3015', apk: 'DL3019', pip: 'DL3042' };

/** `--no-ca` … `--no-cache-dir`: an abbreviation pip expands to `full` (at least `shortest` long). */
function isPrefixOf(name: string, full: string, shortest: string): boolean {
  return name.startsWith(shortest) && full.startsWith(name);
}

function tooOld(release: string, tool: string, flag: string, since: string): Decision {
  return { kind: 'refuse', code: 'tool-too-old', reason: `the stage is built on ${release}, whose ${tool} has no ${flag} (it came with ${since})` };
}

/**
 * microdnf before 3.4.0 (RHEL 8.0 to 8.2) fails on \`--setopt=install_weak_deps\`: the release the stage is built on must
 * say that its microdnf has it. Null when it does; a refusal when it lacks it, or when the image does not say: a build
 * failure is not worth a guess.
 */
function microdnfWithoutWeakDeps(ctx: Context): Decision | null {
  const fact = MICRODNF_WEAK_DEPS;
  const image = ctx.image;
  const verdict = image === null ? ({ kind: 'unknown', why: unknownBaseWhy(ctx) } as const) : rhelToolVerdict(fact, image);
  if (verdict.kind === 'has') return null;
  if (verdict.kind === 'lacks') return tooOld(verdict.release, fact.tool, fact.flag, fact.since);
  return { kind: 'refuse', code: 'tool-version-unknown', reason: `${verdict.why}, so not whether its ${fact.tool} has ${fact.flag} (it came with ${fact.since}; an older one fails on it)` };
}

/** The image the stage's lineage starts FROM, with build arguments' defaults, or as written where they leave it open. */
function baseWritten(ctx: Context): string {
  const root = rootStage(ctx.file, ctx.file.stages[ctx.inst.stage]!);
  const ref = resolveBase(ctx.file, root)?.ref ?? null;
  if (ref !== null) return ref.raw;
  return root.imageSpan === null ? 'the base image' : ctx.file.text.slice(root.imageSpan.start, root.imageSpan.end);
}

/** Why the base image is not known: its reference names no tag of a repository without \`latest\`, or the knowledge base does not know it. */
function unknownBaseWhy(ctx: Context): string {
  const ref = resolveBase(ctx.file, rootStage(ctx.file, ctx.file.stages[ctx.inst.stage]!))?.ref ?? null;
  const missingTag = ref === null ? null : missingTagWhy(ref);
  return missingTag === null ? `dockshift does not know the base image ${baseWritten(ctx)}` : `${ref!.raw} ${missingTag}`;
}

/** A `pip cache purge` (or `pip cache remove`) after the install in the same RUN. */
function pipCachePurgedAfter(script: ShellScript, cmd: PackageCommand, cacheDirSet: boolean): boolean {
  return recogniseAll(script).some((c) => c.command.start > cmd.command.start && (
    (c.kind === 'package' && c.manager === 'pip' && c.action === 'clean')
    // \`rm -rf ~/.cache/pip\` (or all of ~/.cache) where pip keeps it: PIP_CACHE_DIR moves it elsewhere.
    || (!cacheDirSet && c.kind === 'remove-files' && c.recursive && c.paths.some((p) => p.cache === 'pip' || p.cache === 'user-cache'))));
}

/** `-o APT::Install-Recommends=…` either way, or an `-o` whose value we cannot read. */
function setsRecommends(cmd: PackageCommand): boolean {
  return cmd.options.some((o) => (o.name === '-o' || o.name === '--option') && (o.value === null || /^APT::Install-Recommends=/i.test(o.value)));
}

/** An `export NAME=…` (or `declare`…) earlier in the script. */
function exportedBefore(script: ShellScript, cmd: PackageCommand, name: string): boolean {
  return (firstExports(script).get(name) ?? Infinity) < cmd.command.start;
}

const exportsOf = new Memo<ShellScript, ReadonlyMap<string, number>>();

/** Where each name is first exported (or declared) in the script: asked for every install in it. */
function firstExports(script: ShellScript): ReadonlyMap<string, number> {
  let first = exportsOf.get(script);
  if (first === undefined) {
    const map = new Map<string, number>();
    for (const c of script.commands) {
      if (!c.declaration) continue;
      for (const a of c.assigns) if (!(map.get(a.name)! <= c.start)) map.set(a.name, c.start);
    }
    exportsOf.set(script, (first = map));
  }
  return first;
}

function cacheMountRefusal(target: string, tool: string, flag: string): Decision {
  return {
    kind: 'refuse',
    code: 'cache-mount',
    reason: `the RUN mounts a cache on ${target}, which keeps ${tool}'s cache out of the layer; ${flag} would defeat it`,
  };
}

// ---------------------------------------------------------------------------
// uv: its commands that install keep what they download in ~/.cache/uv, in the layer.

/** A uv command that fills uv's cache, and where a flag goes: after its subcommand. */
interface UvInstall {
  readonly command: SimpleCommand;
  readonly flagAt: number;
  /** `uv sync`, `uv pip install`… */
  readonly label: string;
}

/**
 * uv's commands that install (docs.astral.sh/uv): `uv sync`, `uv pip install`, `uv pip sync` and
 * `uv tool install`. One with options before its subcommand (`uv --project app sync`) is not read.
 */
function uvInstalls(script: ShellScript): UvInstall[] {
  const out: UvInstall[] = [];
  for (const command of script.commands) {
    const [program, first, second] = command.words;
    if (program?.value == null || program.value.slice(program.value.lastIndexOf('/') + 1) !== 'uv' || command.enclosing.includes('substitution')) continue;
    if (first?.value === 'sync') out.push({ command, flagAt: first.end, label: 'uv sync' });
    else if ((first?.value === 'pip' && (second?.value === 'install' || second?.value === 'sync')) || (first?.value === 'tool' && second?.value === 'install')) {
      out.push({ command, flagAt: second!.end, label: `uv ${first.value} ${second!.value}` });
    }
  }
  return out;
}

/**
 * Whether a uv install gets \`--no-cache\`, which makes it use a cache of its own for the command
 * alone, as Astral's Docker guide advises where no cache mount keeps the cache. Null: nothing to do.
 */
function decideUv(uv: UvInstall, script: ShellScript, ctx: Context): Decision | null {
  const words = uv.command.words.map((w) => w.value);
  // `-n` is --no-cache, and so is pip's `--no-cache-dir`, which uv takes as its alias; `--cache-dir` puts the
  // cache where the command says; offline, uv installs from its cache.
  if (words.some((w) => w === '--no-cache' || w === '--no-cache-dir' || w === '-n' || w === '--offline' || (w?.startsWith('--cache-dir') ?? false))) return null;
  const set = (name: string) => uv.command.assigns.some((a) => a.name === name) || (firstExports(script).get(name) ?? Infinity) < uv.command.start || ctx.uvVariable(name);
  if (set('UV_NO_CACHE') || set('UV_OFFLINE') || set('UV_CACHE_DIR')) return null;
  if (ctx.uvCacheMount !== null) return cacheMountRefusal(ctx.uvCacheMount, 'uv', '--no-cache');
  return { kind: 'flag', flag: '--no-cache', label: uv.label, note: '' };
}

// ---------------------------------------------------------------------------
// --no-install-recommends: what the packages only recommend, and who needs it later.

const AT_ITS_PROMPT = "its users work at its prompt with what these packages only recommend (git's less and patch, a reader for the man pages…), which the Dockerfile does not show";

const GEM_DOCUMENTS_AT_PROMPT = "its users work at its prompt, where `ri` reads the gems' documentation that --no-document would leave out";

/**
 * Why the image's users need what the install would leave out (`atPrompt` says what), or null: it is a
 * development environment (as slim-base finds it: a configuration or CodeSandbox builds it, or the container it
 * ships only waits, itself or at the end of its start script), or, with `ciAgents`, a CI agent runs its jobs in it.
 */
function developmentEnvironment(ctx: Context, atPrompt = AT_ITS_PROMPT, ciAgents = true): string | null {
  const { dev, file, inst } = ctx;
  if (dev !== null) return `${devContainerSaid(dev)}: ${atPrompt}`;
  const final = file.stages.at(-1)!;
  if (final.index !== inst.stage && !buildsOn(file, final, file.stages[inst.stage]!)) return null;
  const agent = ciAgents ? ciAgentImage(file) : null;
  if (agent !== null) {
    return `${ciAgentSaid(agent)}: what they run (git over ssh, a pager, a build) uses what these packages only recommend, and is in the workflows, not the Dockerfile`;
  }
  const idle = finalWait(file, ctx.buildContext);
  if (idle === null) return null;
  return idle.script === null
    ? `the container only waits (\`${idle.wait}\`), kept up for \`docker exec\`: ${atPrompt}`
    : `the container's start script ${idle.script} ends by only waiting (\`${idle.wait}\`), which keeps it up for \`docker exec\`: ${atPrompt}`;
}

const finalWaits = new FileMemo<{ readonly buildContext: BuildContext | null; readonly idle: IdleStart | null }>();

/** How a final stage's container only waits (\`sleep infinity\`), else null: once per file, as every apt install asks. */
function finalWait(file: ParsedDockerfile, buildContext: BuildContext | null): IdleStart | null {
  let known = finalWaits.get(file);
  if (known === undefined || known.buildContext !== buildContext) finalWaits.set(file, (known = { buildContext, idle: idleStart(file, file.stages.at(-1)!, buildContext) }));
  return known.idle;
}

const GEM_DOCUMENTS = "the gems' ri and RDoc documentation is no longer installed: `ri` finds nothing for them in the image";

const REVIEW_RECOMMENDS =
  'apt no longer installs what these packages only recommend; check that the image, and the programs it runs, need none of it (name any that it does)';

/**
 * Why an install keeps what its packages only recommend, whatever flag it could be given, as a refusal: the file's
 * configuration already decides it (\`config\`'s setting, written before the install), a comment asks for them,
 * another apt install of the RUN was given the flag under a comment of its own, or the image is a development
 * environment whose users work with them. Null: none of these.
 */
function keepsRecommends(cmd: PackageCommand, script: ShellScript, ctx: Context, config: RecommendsConfig): Decision | null {
  const { file, inst } = ctx;
  const body = runBody(file, inst);
  const own = body.ok && script === body.parsed;
  const setting = settingBefore(cmd, script, ctx, config);
  if (setting !== undefined) {
    const written = `line ${setting.line} writes ${config.show(setting.written)} to ${config.manager}'s configuration`;
    if (setting.value === 'off') {
      return { kind: 'refuse', code: 'recommends-off', reason: `${written}: ${cmd.manager} already installs no ${config.what}, so the flag would change nothing` };
    }
    return { kind: 'refuse', code: 'wants-recommends', reason: `${written}: the file asks for ${config.what}` };
  }
  const said = commentWantingRecommends(file, inst);
  if (said !== null) return { kind: 'refuse', code: 'wants-recommends', reason: `the comment \`${said}\` says this install wants its ${config.what}` };
  const chosen = cmd.manager === 'apt' ? installChosenWithout(file, inst, script, body.ok && own ? body : null, cmd) : null;
  if (chosen !== null) return { kind: 'refuse', code: 'wants-recommends', reason: chosen };
  const dev = developmentEnvironment(ctx);
  if (dev !== null) return { kind: 'refuse', code: 'dev-container', reason: dev };
  return null;
}

/** The last \`config\` setting the file writes before the install, in its stage or one it builds on. */
function settingBefore(cmd: PackageCommand, script: ShellScript, ctx: Context, config: RecommendsConfig): WrittenRecommends | undefined {
  const { file, inst } = ctx;
  const body = runBody(file, inst);
  // Facts are placed by file offset; a RUN the shell layer does not edit has only its start.
  // (`cmd` is a command of `script`: of the body, or of a text read for a RUN not edited.)
  const before = body.ok && script === body.parsed ? fileStart(body, cmd.command.start) : inst.span.start;
  return writtenRecommends(file, ctx.buildContext, config).before(file.stages[inst.stage]!, before);
}

function decideRecommends(cmd: PackageCommand, script: ShellScript, label: string, ctx: Context, added: ReadonlySet<string>): Decision {
  const kept = keepsRecommends(cmd, script, ctx, APT_RECOMMENDS);
  if (kept !== null) return kept;
  const { file, inst } = ctx;
  const body = runBody(file, inst);
  const after = body.ok && script === body.parsed ? fileEnd(body, cmd.command.end) : inst.span.start;
  const index = usesIndex(file, ctx.buildContext);
  const stage = file.stages[inst.stage]!;
  const add: string[] = [];
  const reasons: string[] = [];
  const applies = (f: RecommendsFact) =>
    f.onlyOn === undefined || (ctx.base !== null && matchRelease(f.onlyOn, ctx.base.repository, ctx.base.tag) !== null);
  // The CA bundle the stage has before this RUN stays whatever this install leaves out: the base
  // image's (python:3.12-slim's), one an earlier RUN named, or one an earlier install of curl or
  // wget brought as a recommendation, which that install keeps (it is given the same later https
  // use, so it names ca-certificates when it loses its recommends, or is refused and keeps them).
  let bundle: boolean | undefined;
  let readsBase = false;
  const caBundleBefore = (): boolean => {
    if (bundle !== undefined) return bundle;
    const ca = downloadToolsAt(file, inst).caCertificates;
    bundle = ca !== null;
    readsBase ||= bundle;
    return bundle;
  };
  const baseHas = (pkg: string): boolean => {
    const image = knownBaseImage(file, stage);
    const has = image !== null && fullImageHas(image, pkg);
    readsBase ||= has;
    return has;
  };
  // What this install names itself counts as installed before any later use.
  const names = installNames(file, inst, cmd);
  const named = names.flatMap((n) => (n.name === null ? [] : [n.name]));
  let unknown: string | null = null;
  for (const { word, name } of names) {
    if (name === null) {
      unknown ??= word.raw;
      continue;
    }
    for (const fact of recommendsOf(name).filter(applies)) {
      const satisfiers = [...fact.satisfiedBy, ...fact.install];
      if (givesUse(fact, (p) => named.includes(p) || add.includes(p) || added.has(p))) continue;
      if (fact.use === 'tls' && caBundleBefore()) continue;
      // A full image (on buildpack-deps) has gcc, libc6-dev, make, unzip… before any install; php's Debian images gcc, g++, make.
      if (satisfiers.some(baseHas)) continue;
      // A use the image makes when it runs is sure: it comes before a later command's that only may be one.
      const needed = index.need(stage, after, fact.use, fact);
      const later = needed?.sure === true ? needed : (shippedUse(file, ctx.shipped, stage, name, fact, index, satisfiers) ?? needed);
      if (later === null) continue;
      const missing = fact.install.filter((p) => !named.includes(p) && !add.includes(p));
      if (!later.sure) {
        return {
          kind: 'refuse',
          code: 'recommends-needed',
          reason: `the later \`${later.example}\` may need ${listed(missing)} (${fact.because}): name ${missing.length > 1 ? 'them' : 'it'} in the install, or keep the recommended packages`,
        };
      }
      add.push(...missing);
      // Several packages may only recommend what the later command needs (wget and curl, ca-certificates): the
      // reason names the one that command runs, when this install names it.
      const program = later.example.split(/\s+/)[0] ?? '';
      const runs = program !== name && named.includes(program) ? recommendsOf(program).filter(applies).find((f) => f.use === fact.use) : undefined;
      const because = runs?.because ?? fact.because;
      reasons.push('shipped' in later ? `the image keeps ${name}, and what it runs ${later.shipped}, which needs ${listed(missing)} (${fact.because})` : `${laterNeeds(later.example, fact.use)} ${listed(missing)} (${because})`);
    }
  }
  if (unknown !== null) {
    const uses = Object.keys(USE_WORDS) as RecommendedUse[];
    for (const use of uses) {
      if (use === 'tls' && caBundleBefore()) continue;
      // Whichever package only recommends it, what the install names itself (ca-certificates beside \`$PKGS\`), or an
      // install before the later command, gives the use.
      const facts = RECOMMENDS.filter((f) => f.use === use && applies(f) && !givesUse(f, (p) => named.includes(p) || add.includes(p) || added.has(p)));
      const later = facts.map((f) => index.need(stage, after, use, f)).find((l) => l !== null) ?? null;
      if (later === null) continue;
      return {
        kind: 'refuse',
        code: 'recommends-needed',
        reason: `\`${unknown}\` names packages only known at build time, and the later \`${later.example}\` may need ${USE_WORDS[use]}, which one of them may only recommend`,
      };
    }
  }
  const last = cmd.operands.at(-1);
  return {
    kind: 'flag',
    flag: '--no-install-recommends',
    label,
    note: '',
    review: REVIEW_RECOMMENDS,
    ...(add.length > 0 && last !== undefined ? { add: { packages: add, after: cmd.operands, why: reasons.join('; ') } } : {}),
    ...(readsBase ? { dependsOn: baseImageText(file, stage) } : {}),
  };
}

/** A script or shell the Dockerfile does not show into (`bash`, `./setup.sh`): it may use anything installed. */
const OPAQUE = /^(?:\S*\/)?(?:sh|bash|dash|ash|zsh|ksh)(?:\s|$)|^\S*\.(?:sh|bash)(?:\s|$)/;

/** How a reason names the later command that needs a package. */
function laterNeeds(example: string, use: RecommendedUse): string {
  if (OPAQUE.test(example)) return `the later \`${example}\` runs commands dockshift cannot see, which may need`;
  // A package install compiles only what its packages need built: the need is a may, though the compiler is kept for it.
  const program = posix.basename(example.split(/\s+/)[0] ?? '');
  if (use === 'c-headers' && PACKAGE_INSTALLERS.test(program)) return `the later \`${example}\` may build native code, which needs`;
  return `the later \`${example}\` needs`;
}

/** Programs that install a language's packages, building from source those that ship no binary. */
const PACKAGE_INSTALLERS = /^(?:pip[\d.]*|python[\d.]*|uv|poetry|pipenv|pdm|npm|npx|yarn|pnpm|bun|gem|bundle|bundler|composer|pecl|cpanm?)$/;

/**
 * A package that ships in an image (a stage of `shipped`: the final one, or a target the repository
 * publishes) is there to be used when the container runs, by programs and scripts the Dockerfile
 * does not show (a COPYed entrypoint that fetches https, an app that makes thumbnails of uploaded
 * PDFs). What the knowledge says such use needs (fact.shipped: CA certificates for a download
 * tool, ghostscript for ImageMagick) is kept: the image then has what the install gave it before.
 */
function shippedUse(file: ParsedDockerfile, shipped: ReadonlySet<number>, stage: Stage, name: string, fact: RecommendsFact, index: UsesIndex, satisfiedBy: readonly string[]): { sure: true; example: string; shipped: string } | null {
  if (fact.shipped === undefined || !shipped.has(stage.index)) return null;
  // A later RUN of the stage that names what gives the use ships it too.
  if (index.installedBy(stage, file.text.length, satisfiedBy)) return null;
  return { sure: true, example: name, shipped: fact.shipped };
}

/** The packages each operand of an install names, as far as the Dockerfile tells (null: only known at build time). */
function installNames(file: ParsedDockerfile, inst: Instruction, cmd: PackageCommand): { readonly word: ShellWord; readonly name: string | null }[] {
  return cmd.operands.flatMap((w): { word: ShellWord; name: string | null }[] => {
    const own = operandPackage(w);
    const found = own === null ? expandedPackages(file, inst, w) : own === '' ? [] : [own];
    return found === null ? [{ word: w, name: null }] : found.map((name) => ({ word: w, name }));
  });
}

/**
 * The package an install operand names: its literal value, or the literal name before a
 * version, architecture or release only known at build time (`"mysql-server=$MYSQL_VERSION"`);
 * '' for an inline comment written as a substitution (`` `# for composer` ``), which names
 * none; null when the name itself is only known at build time (`$PKGS`).
 */
function operandPackage(word: ShellWord): string | null {
  if (word.value !== null) return packageOperandName(word.value);
  if (/^`\s*#[^`]*`$|^\$\(\s*#[^)]*\)$/.test(word.raw)) return '';
  const m = /^([a-z0-9][a-z0-9.+-]*)[=:/]/.exec(word.raw.replace(/["']/g, ''));
  return m === null ? null : m[1]!;
}

/**
 * The packages an operand names once the variables the Dockerfile gives values for are
 * expanded (`postgresql-$PG_MAJOR` under `ENV PG_MAJOR 11`; an unquoted `$PKGS` splits into
 * words, as the shell splits it); null when a value is only known at build time.
 */
function expandedPackages(file: ParsedDockerfile, inst: Instruction, word: ShellWord): string[] | null {
  if (!/^[\w.+:=/${}"-]+$/.test(word.raw)) return null;
  const vars = variablesAt(file, inst);
  // A variable the Dockerfile does not set may come from the base image: unknown, not empty.
  const { value } = expandWord(word.raw, (name) => (vars.has(name) ? vars.get(name)!.value : null));
  if (value === null || value.includes('$')) return null;
  const words = word.raw.includes('"') ? [value] : value.split(/\s+/).filter((w) => w !== '');
  return words.map(packageOperandName);
}

const USE_WORDS: Readonly<Record<RecommendedUse, string>> = {
  tls: 'https certificates',
  'c-headers': 'the C library headers',
  'pip-source-build': 'build tools, when pip builds a package from source',
  keyserver: 'a keyserver client',
  gpg: 'gpg',
  ssh: 'an ssh client',
  cgo: 'gcc, for cgo',
  make: 'make',
  unzip: 'unzip, to open the zip archives Composer downloads',
  'gem-native-build': 'build tools and Ruby headers, when a gem builds a native extension',
  cargo: 'cargo',
  ghostscript: 'ghostscript, to read PDF, PostScript or EPS files',
  'web-fonts': 'the fonts web pages name, for Chromium to render them',
  'office-fonts': 'the fonts documents name, for LibreOffice to lay them out',
  'office-modules': 'the LibreOffice modules that open documents, for unoconv to convert them',
  'mpi-headers': 'the MPI headers and library, for mpicc to compile against',
  'ocr-engine': 'Tesseract itself, to read the language data',
  'chromium-sandbox': "Chromium's setuid sandbox helper",
  'vulkan-driver': 'a Vulkan driver, for the loader to find a GPU',
  'docker-buildx': "the Docker CLI's build plugin (buildx)",
  'docker-compose': "the Docker CLI's compose plugin",
  lintian: 'lintian, to check a Debian package',
};

const wanting = new FileMemo<Map<number, string | null>>();

/** A comment above the RUN (its comment block) or inside it that says it wants recommended packages; read once per RUN. */
function commentWantingRecommends(file: ParsedDockerfile, inst: Instruction): string | null {
  let perFile = wanting.get(file);
  if (perFile === undefined) wanting.set(file, (perFile = new Map()));
  if (!perFile.has(inst.index)) perFile.set(inst.index, findCommentWantingRecommends(file, inst));
  return perFile.get(inst.index)!;
}

/** A comment that speaks of recommended packages (RPM's weak dependencies), and one that says to go without them. */
const WANTS_RECOMMENDS = /recommend|weak[\s_-]*dep/i;
const WITHOUT_RECOMMENDS =
  /no-install-recommends|no-recommends|install_weak_deps|(?:without|skip\w*|not?(?:\s+install)?)\s+(?:the\s+|any\s+)?(?:recommend|weak[\s_-]*dep)/i;

function findCommentWantingRecommends(file: ParsedDockerfile, inst: Instruction): string | null {
  const byLine = commentsByLine(file);
  const lines: number[] = [];
  for (let line = inst.line - 1; line >= 1 && byLine.has(line); line--) lines.push(line);
  for (let line = inst.line + 1; line <= inst.endLine; line++) if (byLine.has(line)) lines.push(line);
  for (const line of lines) {
    const text = byLine.get(line)!;
    if (WANTS_RECOMMENDS.test(text) && !WITHOUT_RECOMMENDS.test(text)) return `# ${text.trim()}`;
  }
  return null;
}

/**
 * Another apt install of the same RUN that has --no-install-recommends, under a comment of its own that speaks
 * of recommended packages (discourse's `# install these without recommends to avoid pulling in e.g. X11
 * libraries` above `apt-get install --no-install-recommends git rsyslog …`): the author chose install by install,
 * so this one, without the flag, keeps its recommended packages on purpose. A comment above the RUN, or one
 * that does not sit right above that install, says nothing of the others. Null when there is none.
 */
function installChosenWithout(file: ParsedDockerfile, inst: Instruction, script: ShellScript, body: RunBody | null, cmd: PackageCommand): string | null {
  if (body === null || inst.endLine === inst.line) return null;
  const byLine = commentsByLine(file);
  for (const other of packageCommands(script)) {
    if (other === cmd || other.manager !== 'apt' || other.subcommand[0]?.value !== 'install' || !other.hasFlag('--no-install-recommends')) continue;
    const line = file.lines.lineOf(fileStart(body, other.command.start));
    for (let above = line - 1; above > inst.line && byLine.has(above); above--) {
      const text = byLine.get(above)!;
      // Prose about recommended packages, not a command commented out (`# && apt-get install --no-install-recommends …`).
      if (/recommend/i.test(text.replace(/--(?:no-)?install-recommends/gi, ''))) {
        return `the comment \`# ${text.trim()}\` goes with the install on line ${line}, which has --no-install-recommends: the RUN chooses install by install, and this one keeps its recommended packages`;
      }
    }
  }
  return null;
}

const comments = new FileMemo<ReadonlyMap<number, string>>();

function commentsByLine(file: ParsedDockerfile): ReadonlyMap<number, string> {
  let m = comments.get(file);
  if (m === undefined) comments.set(file, (m = new Map(file.comments.map((c) => [c.line, c.text]))));
  return m;
}

/** The packages that give a use: any one of satisfiedBy, or all of install together. */
type UsePackages = Pick<RecommendsFact, 'satisfiedBy' | 'install'>;

/**
 * Whether the packages `has` says are there give the use: one of satisfiedBy does alone, those of
 * install only together (python3-dev is pip's headers, without the compiler build-essential brings).
 */
function givesUse(packages: UsePackages, has: (name: string) => boolean): boolean {
  return packages.satisfiedBy.some(has) || (packages.install.length > 0 && packages.install.every(has));
}

/** Everything the commands of each stage use, and the packages the stages install by name, by file offset. */
interface UsesIndex {
  /**
   * The first use after file offset `after`, in the stage or in a stage built FROM it, that the
   * packages installed by name before it do not serve (givesUse); sure uses first. Null when there is none.
   */
  need(stage: Stage, after: number, use: RecommendedUse, packages: UsePackages): { sure: boolean; example: string } | null;
  /** One of `names` is installed by name in the stage before file offset `at`, or anywhere in a stage it builds on. */
  installedBy(stage: Stage, at: number, names: readonly string[]): boolean;
}

interface UseEvent {
  readonly at: number;
  readonly example: string;
}

interface StageUses {
  /** By `use` and sureness (`tls\0true`), in file order. */
  readonly events: Map<string, UseEvent[]>;
  /** Package name → file offset of its first install by name. */
  readonly installs: Map<string, number>;
}

const indexes = new FileMemo<UsesIndex>();

/**
 * Built once per parsed file in one walk, so that the question for one install
 * costs a binary search per stage rather than a walk over the rest of the file.
 */
function usesIndex(file: ParsedDockerfile, buildContext: BuildContext | null): UsesIndex {
  const known = indexes.get(file);
  if (known !== undefined) return known;
  // The scripts the container starts that the build context holds are read below: a command of the
  // final stage's CMD or ENTRYPOINT that runs one is no script dockshift cannot see into.
  const final = file.stages.at(-1);
  const started = final === undefined ? [] : startedScriptTexts(file, final, buildContext);
  // Only one that parses: its commands are what is read in its place.
  const readScripts = new Set(started.flatMap((s) => (parseScript(s.text).ok ? [s.word] : [])));
  // An exec-form ENTRYPOINT is given the CMD's words as its arguments (`["/bin/bash"]` then `["/entrypoint.sh"]`).
  const command = final === undefined ? null : startCommand(file, final);
  const entrypointArgs = command?.entrypoint?.argv != null && command.cmd?.argv != null ? { inst: command.entrypoint.inst, argv: command.cmd.argv } : null;
  const stages = file.stages.map((stage): StageUses => {
    const events = new Map<string, UseEvent[]>();
    const installs = new Map<string, number>();
    for (const inst of stage.instructions) {
      const sshAgent = inst.keyword === 'RUN' && mountTypes(inst).includes('ssh');
      for (const { script, offsetOf } of scriptsOf(file, inst)) {
        const facts = scriptFactsOf(script);
        if (sshAgent) {
          // Given the ssh agent, the RUN fetches over ssh, whatever names the URLs (a requirements
          // file, package-lock.json, go.mod): the first command past its apt steps uses ssh.
          const apt = new Set(facts.aptCommands);
          const first = script.commands.find((c) => !apt.has(c.start));
          const key = 'ssh\0true';
          // A command that shows its own ssh use (a git+ssh:// URL) is quoted as it is.
          if (first !== undefined && !facts.uses.some((u) => u.at === first.start && u.keys.includes(key))) {
            const list = events.get(key) ?? [];
            list.push({ at: offsetOf(first.start), example: `RUN --mount=type=ssh ${preview(script.source.slice(first.start, first.end))}` });
            events.set(key, list);
          }
        }
        const read = stage === final && (inst.keyword === 'CMD' || inst.keyword === 'ENTRYPOINT') ? readCommands(script, readScripts, entrypointArgs?.inst === inst ? entrypointArgs.argv : []) : null;
        const uses = facts.uses.filter((u) => read === null || !read.has(u.at)).map((u) => ({ at: offsetOf(u.at), example: u.example, keys: u.keys }));
        if (inst.keyword === 'RUN') uses.push(...copiedProgramUses(file, inst, buildContext, script, offsetOf));
        // In file order, as the questions' binary searches need: a program's uses sit at its command.
        uses.sort((a, b) => a.at - b.at);
        for (const u of uses) {
          const event = { at: u.at, example: u.example };
          for (const key of u.keys) {
            const list = events.get(key) ?? [];
            if (list.at(-1)?.at !== event.at) list.push(event);
            events.set(key, list);
          }
        }
        if (inst.keyword !== 'RUN') continue;
        for (const { name, at } of facts.aptInstalls) if (!installs.has(name)) installs.set(name, offsetOf(at));
      }
    }
    return { events, installs };
  });
  // The scripts the container starts, read from the build context, use what they run after every
  // instruction of the final stage (`git clone git@…` in an entrypoint needs ssh when the container runs).
  if (final !== undefined) {
    for (const script of started) {
      const parsed = parseScript(script.text);
      if (!parsed.ok) continue;
      const events = stages[final.index]!.events;
      const add = (u: { example: string; keys: readonly string[] }, where: string) => {
        for (const key of u.keys) {
          const list = events.get(key) ?? [];
          list.push({ at: file.text.length, example: `${u.example}\` in \`${where}` });
          events.set(key, list);
        }
      };
      // A script it runs by its path that the build context holds (`/init-db.sh "$@"`) is read in
      // its place: its commands, not a script dockshift cannot see into.
      const nested = new Set<number>();
      for (const c of parsed.commands) {
        const word = c.words[0]?.value;
        if (word == null || !word.includes('/')) continue;
        const rel = programContextPath(file, final, buildContext, word);
        const text = rel === null ? null : (buildContext?.read(rel) ?? null);
        if (rel === null || text === null) continue;
        // A shell script only (by its `#!` line, or its name without one): a Python or Node program is no shell text.
        const shebang = shebangOf(text);
        if (shebang === null ? !/\.(?:sh|bash)$/.test(word) : !SHELL_PROGRAMS.has(shebang.program)) continue;
        const inner = parseScript(text);
        if (!inner.ok) continue;
        nested.add(c.start);
        for (const u of scriptFactsOf(inner).uses) add(u, rel);
      }
      for (const u of scriptFactsOf(parsed).uses) if (!nested.has(u.at)) add(u, script.path);
    }
  }
  // Per use, the stages that have it, in file order: a stage without it is never asked about.
  const withUse = new Map<string, number[]>();
  stages.forEach((st, i) => {
    for (const key of st.events.keys()) {
      const list = withUse.get(key);
      if (list === undefined) withUse.set(key, [i]);
      else list.push(i);
    }
  });
  // Per names, per stage: installed in it or in a stage it builds on; each stage worked out once.
  const above = new Map<string, Map<number, boolean>>();
  /** Installed by name anywhere in a stage `stage` builds on (not in `stage` itself). */
  const installedAbove = (stage: Stage, names: readonly string[]): boolean => {
    const key = names.join('\0');
    let known = above.get(key);
    if (known === undefined) above.set(key, (known = new Map()));
    // Up the chain to a stage whose answer is known, then down again filling them in: chains can be long.
    const path: Stage[] = [];
    let answer = false;
    for (let s = parentStage(file, stage); s !== null; s = parentStage(file, s)) {
      const k = known.get(s.index);
      if (k !== undefined) {
        answer = k;
        break;
      }
      path.push(s);
      if (names.some((n) => stages[s!.index]!.installs.has(n))) {
        answer = true;
        break;
      }
    }
    for (const s of path) known.set(s.index, answer || names.some((n) => stages[s.index]!.installs.has(n)));
    return answer;
  };
  /** Installed by name in the stage before `at`, or anywhere in a stage it builds on. */
  const installedBefore = (stage: Stage, at: number, names: readonly string[]) => {
    const installs = stages[stage.index]!.installs;
    return names.some((n) => (installs.get(n) ?? Infinity) <= at) || installedAbove(stage, names);
  };
  const index: UsesIndex = {
    need(stage, after, use, packages) {
      for (const sure of [true, false]) {
        const key = `${use}\0${sure}`;
        const candidates = withUse.get(key) ?? [];
        // The stage and those built on it, in file order: none comes before it.
        for (let k = countBefore(candidates, (i) => i < stage.index); k < candidates.length; k++) {
          const s = file.stages[candidates[k]!]!;
          if (s !== stage && !buildsOn(file, s, stage)) continue;
          const list = stages[s.index]!.events.get(key)!;
          // Uses of the install's own stage count from `after` on; a stage built on it uses it anywhere.
          // Only the first counts: a later use comes after the same install.
          const first = list[s === stage ? firstAfter(list, after) : 0];
          if (first !== undefined && !givesUse(packages, (n) => installedBefore(s, first.at, [n]))) return { sure, example: first.example };
        }
      }
      return null;
    },
    installedBy: installedBefore,
  };
  indexes.set(file, index);
  return index;
}

/**
 * The commands of a CMD or ENTRYPOINT script that run a start script the build context holds (by
 * their offsets), whose own commands are read instead: the script itself, or a shell given it
 * (`bash /entrypoint.sh`, or an ENTRYPOINT `["/bin/bash"]` whose CMD, appended, names it).
 */
function readCommands(script: ShellScript, readScripts: ReadonlySet<string>, appended: readonly string[]): Set<number> {
  const out = new Set<number>();
  if (readScripts.size === 0) return out;
  for (const c of script.commands) {
    const program = invokedProgram(c);
    if (program === null) continue;
    const file = scriptFileOf([program.path, ...program.args.map((w) => w.value), ...appended]);
    if (readScripts.has(program.path) || (file !== null && readScripts.has(file.path))) out.add(c.start);
  }
  return out;
}

/**
 * The uses of the programs a RUN runs by their path that the stage copied in from the build
 * context (`COPY install-redis /tmp/` then `RUN /tmp/install-redis`, whose wget and make show
 * only in the file), at the file offset of the command that runs each.
 */
function copiedProgramUses(file: ParsedDockerfile, inst: Instruction, ctx: BuildContext | null, script: ShellScript, offsetOf: (at: number) => number): { at: number; example: string; keys: readonly string[] }[] {
  const out: { at: number; example: string; keys: readonly string[] }[] = [];
  if (ctx === null) return out;
  for (const c of script.commands) {
    const program = runProgramFile(file, inst, ctx, c);
    if (program === null) continue;
    const parsed = parseScript(program.text);
    if (!parsed.ok) continue;
    for (const u of scriptFactsOf(parsed).uses) out.push({ at: offsetOf(c.start), example: `${u.example}\` in \`${program.path}`, keys: u.keys });
  }
  return out;
}

/** What a script uses and installs by name, at script offsets. */
interface ScriptFacts {
  /** Each command with uses: where it starts, how it reads, and its uses as `use\0sure` keys. */
  readonly uses: readonly { readonly at: number; readonly example: string; readonly keys: readonly string[] }[];
  /** apt installs, each package named: its name and where its command starts. */
  readonly aptInstalls: readonly { readonly name: string; readonly at: number }[];
  /** Where each apt command starts. */
  readonly aptCommands: readonly number[];
}

/** Per parsed script: a later pass that sees the same body reads it no more (only its offsets in the file move). */
const scriptFacts = new Memo<ShellScript, ScriptFacts>();

function scriptFactsOf(script: ShellScript): ScriptFacts {
  let facts = scriptFacts.get(script);
  if (facts !== undefined) return facts;
  const uses = scriptUses(script).map((u) => ({ at: u.at, example: preview(script.source.slice(u.at, u.end)), keys: u.uses.map((use) => `${use.use}\0${use.sure}`) }));
  const apt = packageCommands(script, 'apt');
  const aptInstalls = apt
    .filter((p) => p.action === 'install')
    .flatMap((p) => p.operands.flatMap((w) => (w.value === null ? [] : [{ name: packageOperandName(w.value), at: p.command.start }])));
  scriptFacts.set(script, (facts = { uses, aptInstalls, aptCommands: apt.map((p) => p.command.start) }));
  return facts;
}

/** Index of the first event at or after `at` (events are in file order). */
function firstAfter(list: readonly UseEvent[], at: number): number {
  return countBefore(list, (e) => e.at < at);
}

/** The shell scripts an instruction runs (RUN, CMD, ENTRYPOINT, HEALTHCHECK), with a map from script offsets to file offsets. */
function scriptsOf(file: ParsedDockerfile, inst: Instruction): { script: ShellScript; offsetOf: (at: number) => number }[] {
  if (inst.keyword === 'HEALTHCHECK') {
    if (inst.argsSpan === null) return [];
    const text = file.text.slice(inst.argsSpan.start, inst.argsSpan.end).replace(/^[\s\S]*?\bCMD\s+/i, '');
    const parsed = parseScript(text.replace(/\\\r?\n/g, ' '));
    return parsed.ok ? [{ script: parsed, offsetOf: () => inst.span.start }] : [];
  }
  if (inst.keyword !== 'RUN' && inst.keyword !== 'CMD' && inst.keyword !== 'ENTRYPOINT') return [];
  const body = runBody(file, inst);
  if (body.ok) return [{ script: body.parsed, offsetOf: body.offsetOf }];
  if (body.code === 'no-body' || body.code === 'not-shell-instruction') return [];
  return unEditedParsed(file, inst, body.code).flatMap(({ parsed }) => (parsed.ok ? [{ script: parsed, offsetOf: () => inst.span.start }] : []));
}

function preview(command: string): string {
  const one = command.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 57)}…` : one;
}

/** Whether a command of \`script\` before \`cmd\`, or of an earlier RUN of the stage, does what \`does\` asks. */
function doneBefore(ctx: Context, script: ShellScript, cmd: PackageCommand, does: (c: SimpleCommand) => boolean): boolean {
  if (script.commands.some((c) => c.start < cmd.command.start && does(c))) return true;
  for (const i of ctx.file.stages[ctx.inst.stage]!.instructions) {
    if (i.index >= ctx.inst.index) break;
    if (i.keyword !== 'RUN') continue;
    const body = runBody(ctx.file, i);
    if (body.ok && body.parsed.commands.some(does)) return true;
  }
  return false;
}

/** `gem update --system` before this command, in this RUN or an earlier one of the stage: RubyGems is then new enough for any flag. */
function gemUpdatedBefore(ctx: Context, script: ShellScript, cmd: PackageCommand): boolean {
  return doneBefore(ctx, script, cmd, (c) => c.name === 'gem' && c.args[0] === 'update' && c.args.includes('--system'));
}

/** RubyGems' configuration files: the system's (/etc/gemrc, the ruby image's /usr/local/etc/gemrc) and the user's (~/.gemrc). */
const GEMRC = /(?:^|\/)(?:gemrc|\.gemrc)$/;

/** Options in a gemrc line that keep documentation out: what the flag check above takes as already said. */
const GEMRC_NO_DOCUMENT = /(?:^|\s)(?:--no-document|--no-doc|--no-rdoc|--no-ri|-N)(?=\s|$|\\n|')/;

/**
 * An \`echo\` or \`printf\` before this command, in the RUN or an earlier RUN of the stage, writes a gemrc
 * (\`> /etc/gemrc\`, \`>> ~/.gemrc\`) whose text turns documentation off: every gem install then has it.
 */
function gemrcWrittenBefore(ctx: Context, script: ShellScript, cmd: PackageCommand): boolean {
  return doneBefore(
    ctx,
    script,
    cmd,
    (c) =>
      (c.name === 'echo' || c.name === 'printf') &&
      c.redirects.some((r) => /^>>?\|?$/.test(r.op) && r.target?.value != null && GEMRC.test(r.target.value)) &&
      c.args.some((a) => a !== null && GEMRC_NO_DOCUMENT.test(a)),
  );
}

/** pip was upgraded (or installed from get-pip.py) before this command, in the stage, what it builds on, or this RUN. */
function pipUpgradedBefore(ctx: Context, cmd: PackageCommand, script: ShellScript): boolean {
  const { file, inst } = ctx;
  const body = runBody(file, inst);
  const at = body.ok && script === body.parsed ? fileStart(body, cmd.command.start) : inst.span.start;
  return pipUpgraded(file).before(file.stages[inst.stage]!, at) !== undefined;
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
): { readonly findings: Finding[]; readonly unflagged: ReadonlySet<PackageCommand> } {
  const nothing = { findings: [], unflagged: new Set<PackageCommand>() };
  if (ctx.apkCacheMount !== null) return nothing;
  const apk = decided.filter(({ cmd }) => cmd.manager === 'apk');
  const updates = apk.filter(({ cmd }) => cmd.action === 'update' || indexOnly(cmd));
  const others = apk.filter(({ cmd }) => cmd.action !== 'update' && !indexOnly(cmd));
  if (updates.length === 0 || !others.some(({ cmd }) => isAdd(cmd) || isUpgrade(cmd))) return nothing;

  const readers = others.filter(({ cmd, decision }) => readsIndex(cmd, (isAdd(cmd) || isUpgrade(cmd)) && decision?.kind === 'flag'));
  // An apk command that ran before the update (`apk cache clean && … && apk update`) never sees its
  // index; one in a function may be called later, and in a loop the update may have run before it.
  const runsAfter = (reader: PackageCommand, update: PackageCommand) =>
    reader.command.start > update.command.start || reader.command.enclosing.includes('function') || update.command.enclosing.includes('loop');
  // An upgrade gets --no-cache only while an update runs before it (see decide). Removed in the same pass, the
  // update's edit may cover the upgrade (`apk update && \⏎ apk upgrade` rewrites the whole RUN), which puts the
  // flag off to a pass that no longer sees the update: the upgrade would keep no flag. The update goes once it has it.
  const flagging = others.filter(({ cmd, decision }) => isUpgrade(cmd) && decision?.kind === 'flag' && !cmd.hasFlag(...APK_UPDATE_CACHE));
  const findings: Finding[] = [];
  // An upgrade whose flag would only fetch the index again, next to an update that stays: left as it is.
  const unflagged = new Set<PackageCommand>();
  // apk run through another program (`sh -c 'apk add …'`, `xargs apk add`) is no command here; the
  // index stays in the layer for the RUNs after this one, too.
  let later: { why: string | null } | undefined;
  const laterReader = () => {
    if (later !== undefined) return later.why;
    const hidden = hiddenApk(file, body.inst, ctx.buildContext, body.parsed);
    later = { why: hidden === null ? laterIndexReader(file, body.inst, ctx.buildContext) : `the RUN runs ${hidden}, and so ${NEEDS_INDEX}` };
    return later.why;
  };
  /** Why the update stays, or its removal. */
  const keep = (cmd: PackageCommand): { why: string } | { edits: readonly Edit[] } => {
    const blocker = readers.find((r) => runsAfter(r.cmd, cmd));
    if (blocker !== undefined) return { why: `${describe(blocker.cmd)} in the same RUN ${isAdd(blocker.cmd) ? 'keeps using the cache' : NEEDS_INDEX}` };
    const reader = laterReader();
    if (reader !== null) return { why: reader };
    const extra = cmd.options.find((o) => o.name !== '-q' && o.name !== '--quiet' && !(indexOnly(cmd) && (APK_UPDATE_CACHE as readonly string[]).includes(o.name)));
    const redirect = cmd.command.redirects[0];
    const has =
      extra !== undefined ? `the option ${extra.word.raw}`
      : cmd.operands.length > 0 ? `the operand ${cmd.operands[0]!.raw}`
      : cmd.env.size > 0 || cmd.command.assigns.length > 0 ? `variables set for it (${[...new Set([...cmd.command.assigns.map((a) => a.name), ...cmd.env.keys()])].join(', ')})`
      : redirect !== undefined ? `the redirection \`${body.parsed.source.slice(redirect.start, redirect.end)}\``
      : null;
    if (has !== null) return { why: `it has ${has}; only a plain \`apk update\` (or \`apk update -q\`) is removed` };
    const removal = removeCommand(file, body, cmd.command);
    return removal.ok ? { edits: removal.edits } : { why: removal.reason };
  };
  let removing = false;
  for (const { cmd } of updates) {
    const waiting = flagging.filter((u) => runsAfter(u.cmd, cmd));
    const at = fileStart(body, cmd.command.start);
    const decision = keep(cmd);
    if ('why' in decision) {
      findings.push(refusal(at, 'apk-update-kept', `${describeUpdate(cmd)} kept: ${decision.why}`));
      for (const u of waiting) unflagged.add(u.cmd);
      continue;
    }
    if (waiting.length > 0) continue; // it goes in the next pass, once the upgrade has its flag
    if (removing) continue; // one structural change per RUN per pass
    removing = true;
    // Those that run after it, which take --no-cache (an upgrade before it, \`apk upgrade && apk update && apk add\`, gets none).
    const installs = others.filter(({ cmd: c }) => isAdd(c) || isUpgrade(c));
    const after = installs.filter(({ cmd: c }) => runsAfter(c, cmd));
    const reading = [...new Set(after.map(({ cmd: c }) => `${describe(c)} --no-cache`))];
    const why = reading.length === 0 ? 'nothing after it in this RUN reads the index it stores, and apk in a later RUN takes --no-cache' : `${reading.join(' and ')} ${reading.length > 1 ? 'read' : 'reads'} the index without storing it`;
    findings.push(change(at, `${describeUpdate(cmd)}: remove (${why})`, decision.edits));
  }
  return { findings, unflagged };
}

/**
 * Why something after an `apk update`, in its stage or a stage built on it, may read the index the
 * update leaves in the layer. A later RUN: an apk command other than `del`, `update` and one with
 * `--no-cache` (an add that only gets it this pass counts until it has it); apk run in a way
 * dockshift does not follow (a RUN it cannot read, `sh -c 'apk …'`, a command named only at run
 * time such as `$APK add`, a script such as `./install.sh`: hiddenApk). Anywhere in those stages:
 * an ONBUILD trigger, or what the container runs (CMD, ENTRYPOINT, HEALTHCHECK), naming apk. In the
 * image that runs, when it is this stage or built on it: a start script copied from the build
 * context that runs apk (`apk add $EXTRA_PACKAGES`, optional packages installed at start).
 * Null when nothing does.
 */
function laterIndexReader(file: ParsedDockerfile, inst: Instruction, buildContext: BuildContext | null): string | null {
  const stage = file.stages[inst.stage]!;
  for (const other of file.instructions) {
    const s = file.stages[other.stage];
    if (other === inst || s === undefined || (s !== stage && !buildsOn(file, s, stage))) continue;
    const mentions = file.text.slice(other.span.start, other.span.end).match(APK_PROGRAM) !== null;
    if (other.keyword === 'ONBUILD' && mentions) return `an ONBUILD trigger runs apk in the images built on this one, which ${NEEDS_INDEX}`;
    if (RUNTIME.has(other.keyword) && mentions) return `the container runs apk (${other.keyword}), which ${NEEDS_INDEX}`;
    if (other.keyword !== 'RUN' || other.index < inst.index) continue;
    const body = runBody(file, other);
    if (!body.ok) {
      if (mentions) return `a later RUN runs apk in a way dockshift does not read, which ${NEEDS_INDEX}`;
      continue;
    }
    const hidden = hiddenApk(file, other, buildContext, body.parsed);
    if (hidden !== null) return `the later RUN on line ${other.line} runs ${hidden}, and so ${NEEDS_INDEX}`;
    const reader = packageCommands(body.parsed, 'apk').find((cmd) => readsIndex(cmd, false));
    if (reader !== undefined) return `${describe(reader)} in a later RUN ${NEEDS_INDEX}`;
  }
  const final = file.stages.at(-1);
  if (final === undefined || (final !== stage && !buildsOn(file, final, stage))) return null;
  for (const script of startedScriptTexts(file, final, buildContext)) {
    // Comment lines out: a script's comments often name apk, and would count as apk run unseen.
    const text = script.text.replace(/^[ \t]*#.*$/gm, '');
    if (text.match(APK_PROGRAM) === null) continue;
    const parsed = parseScript(text);
    // Only the script's own apk commands count: nearly every container starts a script.
    const reader = parsed.ok ? packageCommands(parsed, 'apk').find((cmd) => readsIndex(cmd, false)) : undefined;
    if (!parsed.ok || reader !== undefined || unfollowedApk(parsed)) {
      return `${script.path}, which the container runs when it starts, runs ${reader === undefined ? 'apk' : describe(reader)}, which ${NEEDS_INDEX}`;
    }
  }
  return null;
}

const RUNTIME: ReadonlySet<string> = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

/**
 * The script a command runs, which may run anything: a shell running a file or reading its
 * standard input (`sh setup.sh`, `curl … | sh`; not `sh -c '…'`, whose text is read), `.` and
 * `source`, or a program run by a path outside a `bin` folder (`./install.sh`, `/tmp/setup`,
 * `./configure`; not `/usr/local/bin/composer`). Null for anything else.
 */
function scriptRun(c: SimpleCommand): string | null {
  const name = c.name;
  if (name === null) return null;
  if (SHELL_PROGRAMS.has(name.slice(name.lastIndexOf('/') + 1))) {
    // `bash -o pipefail -c '…'` runs its string (read where it names apk); `sh -s x` reads standard input.
    const { command, at, stdin } = shellOperand([name, ...c.args]);
    if (command) return at === null ? name : null;
    if (stdin) return `${name} reading its standard input`;
    return (at === null ? null : c.args[at - 1]) ?? name;
  }
  if (name === '.' || name === 'source') return c.args[0] ?? name;
  return name.includes('/') && !/(?:^|\/)s?bin\//.test(name) ? name : null;
}

/** apk as a program: a word of its own, or a path ending in `bin/apk`, and `apk.static`; not a folder (`/var/cache/apk`) or `apk-tools`. */
const APK_PROGRAM = /(?:^|[\s;&|(`'"])(?:[^\s;&|()`'"]*\/s?bin\/)?apk(?:\.static)?(?=$|[\s;&|)`'"])/g;

/**
 * What a RUN's script runs that may run apk where dockshift sees no apk command, or null. A script it runs
 * by its path that a COPY put there from the build context is read: one that names apk nowhere and runs no
 * other script runs none. Any other (\`./bootstrap\` of a source tree the RUN cloned, \`curl … | sh\`) may.
 */
function hiddenApk(file: ParsedDockerfile, inst: Instruction, buildContext: BuildContext | null, script: ShellScript): string | null {
  if (unfollowedApk(script)) return 'apk through another program';
  for (const c of script.commands) {
    if (c.words.length > 0 && c.name === null) return 'a command named only at run time (it may be apk)';
    const run = scriptRun(c);
    if (run === null) continue;
    const program = runProgramFile(file, inst, buildContext, c);
    if (program === null) {
      return `\`${run}\`, a program dockshift cannot read (no COPY of the build context put it there: the build may write it, as a \`git clone\` does), which may run apk`;
    }
    const text = program.text.replace(/^[ \t]*#.*$/gm, '');
    const parsed = parseScript(text);
    const why =
      !parsed.ok ? 'which dockshift cannot read as shell'
      : text.match(APK_PROGRAM) !== null ? 'which runs apk'
      : parsed.commands.some((inner) => scriptRun(inner) !== null || (inner.words.length > 0 && inner.name === null)) ? 'which runs other programs dockshift does not read (they may run apk)'
      : null;
    if (why !== null) return `\`${run}\` (${program.path} in the build context), ${why}`;
  }
  return null;
}

/** The script names apk as a program more often than it runs apk commands dockshift reads (`sh -c 'apk add x'`, `xargs apk add`). */
function unfollowedApk(script: ShellScript): boolean {
  const mentions = script.source.match(APK_PROGRAM)?.length ?? 0;
  return mentions > 0 && mentions > packageCommands(script, 'apk').length;
}

/** Whether an apk command may read the index an update leaves: all but `del`, `update` (or an \`apk add --update\` naming no package, which fetches its own) and one with (or getting) `--no-cache`. */
function readsIndex(cmd: PackageCommand, getsNoCache: boolean): boolean {
  return cmd.action !== 'remove' && cmd.action !== 'update' && !indexOnly(cmd) && !cmd.hasFlag('--no-cache') && !getsNoCache;
}

const NEEDS_INDEX = 'may need the index the update downloads';

/** \`apk add --update\` (\`-U\`, \`--update-cache\`) naming no package: it only fetches the index and keeps it, as \`apk update\` does. */
function indexOnly(cmd: PackageCommand): boolean {
  return isAdd(cmd) && cmd.operands.length === 0 && cmd.hasFlag(...APK_UPDATE_CACHE);
}

/** An update as its message names it: \`apk update\`, or \`apk add --update\` as written. */
function describeUpdate(cmd: PackageCommand): string {
  return indexOnly(cmd) ? `apk add ${cmd.options.find((o) => (APK_UPDATE_CACHE as readonly string[]).includes(o.name))!.name}` : 'apk update';
}

function isAdd(cmd: PackageCommand): boolean {
  return cmd.subcommand.length === 1 && cmd.subcommand[0]!.value === 'add';
}

/** apk's option that fetches the index first: \`-U\`, \`--update-cache\`, and \`--update\`, the prefix of it getopt takes (\`apk --update upgrade\`). */
const APK_UPDATE_CACHE = ['-U', '--update-cache', '--update'] as const;

function isUpgrade(cmd: PackageCommand): boolean {
  return cmd.subcommand.length === 1 && cmd.subcommand[0]!.value === 'upgrade';
}

/** An \`apk update\` has run whenever \`cmd\` runs: before it in an \`&&\` list, or at the top of the script (\`set -eux; apk update; apk upgrade; …\`). */
function updatedBefore(script: ShellScript, cmd: PackageCommand): boolean {
  return packageCommands(script, 'apk').some((u) => (u.action === 'update' || indexOnly(u)) && alwaysBefore(script, u.command, cmd.command));
}

function describe(cmd: PackageCommand): string {
  return ['apk', ...cmd.subcommand.map((w) => w.value ?? w.raw)].join(' ');
}

/**
 * A fact of a parsed file that the decisions read, worked out on first use and kept with the file:
 * most files never ask for most of them.
 */
function perFile<T>(make: (file: ParsedDockerfile) => T): (file: ParsedDockerfile) => T {
  const known = new FileMemo<T>();
  return (file) => {
    let value = known.get(file);
    if (value === undefined) known.set(file, (value = make(file)));
    return value;
  };
}

/** ENV (of the stage or what it builds on) or ARG (of the stage) PIP_NO_CACHE_DIR; its value. */
const pipNoCacheDir = perFile((file) => variableTimeline(file, 'PIP_NO_CACHE_DIR'));
const uvSettings = new FileMemo<Map<string, Timeline<string | null>>>();

/** Where the file sets a uv variable by ENV or ARG, read once per file and name. */
function uvSetting(file: ParsedDockerfile, name: string): Timeline<string | null> {
  let byName = uvSettings.get(file);
  if (byName === undefined) uvSettings.set(file, (byName = new Map()));
  let timeline = byName.get(name);
  if (timeline === undefined) byName.set(name, (timeline = variableTimeline(file, name)));
  return timeline;
}
const pipCacheDir = perFile((file) => variableTimeline(file, 'PIP_CACHE_DIR'));
/** A RUN upgraded pip (or installed it with get-pip.py); asked only of a base whose pip is too old for the flag. */
const pipUpgraded = perFile(pipUpgradedTimeline);
/** Each stage's base image, by stage index, as far as resolved. */
const stageBases = perFile(() => new Map<number, Context['base']>());

function baseOf(file: ParsedDockerfile, stage: Stage): Context['base'] {
  const bases = stageBases(file);
  if (!bases.has(stage.index)) {
    const ref = resolveBase(file, rootStage(file, stage))?.ref ?? null;
    bases.set(stage.index, ref === null ? null : { repository: canonicalName(ref), tag: ref.tag });
  }
  return bases.get(stage.index)!;
}

function variableTimeline(file: ParsedDockerfile, name: string): Timeline<string | null> {
  return new Timeline<string | null>(file, (i) => {
    if (i.keyword !== 'ENV' && i.keyword !== 'ARG') return [];
    const props = (i.node as unknown as PropertyInstruction).getProperties().filter((p) => p.getName() === name);
    return props.map((p) => ({ at: i.span.start, value: p.getValue(), inherited: i.keyword === 'ENV' }));
  });
}

/**
 * A setting of a package manager's configuration that decides, for every install, whether what packages only
 * recommend (RPM's weak dependencies) is installed: apt's \`APT::Install-Recommends\`, dnf's \`install_weak_deps\`
 * (which microdnf and a yum that is dnf read too), zypper's \`solver.onlyRequires\`.
 */
interface RecommendsConfig {
  /** The manager, as messages name it. */
  readonly manager: string;
  /** An instruction whose text has none of this is not read. */
  readonly hint: RegExp;
  /** Where the manager reads its configuration: a COPY or ADD of a file there is read. */
  readonly files: RegExp;
  /** The setting in a configuration file's syntax (global), its value in group 1. */
  readonly setting: RegExp;
  /** Values that turn recommended packages off, and those that turn them on. */
  readonly off: RegExp;
  readonly on: RegExp;
  /** The setting as a message names it, with its value as written: \`APT::Install-Recommends "0"\`. */
  show(written: string): string;
  /** What the setting turns on or off, as the manager calls it: \`recommended packages\`, \`weak dependencies\`. */
  readonly what: string;
}

const BOOLEAN_TRUE = /^(?:1|true|yes|on)$/i;
const BOOLEAN_FALSE = /^(?:0|false|no|off)$/i;

const APT_RECOMMENDS: RecommendsConfig = {
  manager: 'apt',
  hint: /Install-Recommends|apt\.conf/i,
  // The main file and the folder of parts.
  files: /^\/etc\/apt\/apt\.conf(?:$|\.d\/)/,
  // `APT::Install-Recommends "0";`, or scoped, `APT { Install-Recommends "0"; };` (with the `\n` of a printf between), its
  // quotes perhaps escaped in a RUN's echo. Not `-o APT::Install-Recommends=0`, which sets it for that one apt command only.
  setting: /APT(?:::|\s*\{(?:\s|\\[nt])*)Install-Recommends(?:\s+|(?=\\?["']))\\?["']?(\w+)/gi,
  off: /^(?:0|false|no)$/i,
  on: /^(?:1|true|yes)$/i,
  show: (written) => `APT::Install-Recommends "${written}"`,
  what: 'recommended packages',
};

const DNF_WEAK_DEPS: RecommendsConfig = {
  manager: 'dnf',
  hint: /install_weak_deps|dnf\.conf|yum\.conf|libdnf5\.conf\.d/,
  // dnf's main file (which /etc/yum.conf is a link to where yum is dnf) and dnf5's drop-in folder.
  files: /^\/etc\/(?:dnf\/dnf\.conf$|yum\.conf$|dnf\/libdnf5\.conf\.d\/)/,
  // `install_weak_deps=False` as a RUN writes it (`echo … >> /etc/dnf/dnf.conf`, a `sed`, dnf5's `config-manager setopt`);
  // not `--setopt=install_weak_deps=0`, which sets it for that one command, unless dnf 4's `config-manager --save` keeps it.
  setting: /(?:(?<!--setopt[= ]?["']?)|(?<=config-manager\b[^\n;&|]*--save\b[^\n;&|]*)|(?<=config-manager\b[^\n;&|]*)(?=[^\n;&|]*--save\b))install_weak_deps\s*=\s*\\?["']?(\w+)/g,
  off: BOOLEAN_FALSE,
  on: BOOLEAN_TRUE,
  show: (written) => `install_weak_deps=${written}`,
  what: 'weak dependencies',
};

const ZYPPER_RECOMMENDS: RecommendsConfig = {
  manager: 'zypper',
  hint: /onlyRequires|zypp\.conf/,
  files: /^\/etc\/zypp\/zypp\.conf$/,
  // `solver.onlyRequires = true`: only what the packages require, none of what they recommend.
  setting: /solver\.onlyRequires\s*=\s*\\?["']?(\w+)/g,
  off: BOOLEAN_TRUE,
  on: BOOLEAN_FALSE,
  show: (written) => `solver.onlyRequires = ${written}`,
  what: 'recommended packages',
};

/** A recommends setting written to the manager's configuration: 'on' or 'off', the value as written, and the line. */
interface WrittenRecommends {
  readonly value: 'on' | 'off';
  /** As written: `0`, `false`, `True`… */
  readonly written: string;
  readonly line: number;
}

const recommendsTimelines = new FileMemo<Map<RecommendsConfig, Timeline<WrittenRecommends>>>();

/** Where the file writes `config`'s setting by a RUN, COPY or ADD, read once per file and setting. */
function writtenRecommends(file: ParsedDockerfile, buildContext: BuildContext | null, config: RecommendsConfig): Timeline<WrittenRecommends> {
  let byConfig = recommendsTimelines.get(file);
  if (byConfig === undefined) recommendsTimelines.set(file, (byConfig = new Map()));
  let timeline = byConfig.get(config);
  if (timeline === undefined) byConfig.set(config, (timeline = recommendsTimeline(file, buildContext, config)));
  return timeline;
}

function recommendsTimeline(file: ParsedDockerfile, buildContext: BuildContext | null, config: RecommendsConfig): Timeline<WrittenRecommends> {
  /** The settings in `text`; `offset` places the one at an index of it in the file (where the file holds that text). */
  const settings = (text: string, offset: (index: number) => number): TimelineEvent<WrittenRecommends>[] =>
    [...text.matchAll(config.setting)].flatMap((m) => {
      const value = config.off.test(m[1]!) ? 'off' as const : config.on.test(m[1]!) ? 'on' as const : null;
      const at = offset(m.index);
      return value === null ? [] : [{ at, value: { value, written: m[1]!, line: file.lines.lineOf(at) }, inherited: true }];
    });
  return new Timeline(file, (i) => {
    if (i.keyword !== 'RUN' && i.keyword !== 'COPY' && i.keyword !== 'ADD') return [];
    const text = file.text.slice(i.span.start, i.span.end);
    if (!config.hint.test(text)) return [];
    const inFile = (index: number) => i.span.start + index;
    if (i.keyword === 'RUN') return settings(text, inFile);
    const copy = copyArgs(file, i);
    const dest = copy?.dest.value ?? null;
    if (copy === null || copy.from !== null || dest === null) return [];
    // \`COPY dnf.conf /etc/dnf/\` puts the file in the folder under its own name.
    const target = (source: string) => (dest.endsWith('/') ? dest + posix.basename(source) : dest);
    // A heredoc's text is in the instruction; a file of the build context is read from there.
    const copied = buildContext === null ? [] : copy.sources.flatMap((source) => {
      const rel = contextSource(source);
      const read = rel === null || !config.files.test(target(rel)) ? null : buildContext.read(rel);
      return read === null ? [] : settings(read, () => i.span.start);
    });
    return [...(i.heredocs.length > 0 && config.files.test(dest) ? settings(text, inFile) : []), ...copied];
  });
}

function pipUpgradedTimeline(file: ParsedDockerfile): Timeline<true> {
  return new Timeline(file, (i) => {
    if (i.keyword !== 'RUN') return [];
    const text = file.text.slice(i.span.start, i.span.end);
    if (!/pip/.test(text)) return [];
    return scriptsOf(file, i).flatMap(({ script, offsetOf }) => {
      const upgrades = packageCommands(script, 'pip').filter((p) => p.action === 'install' && p.operands.some((w) => w.value !== null && /^pip(?:[=<>~!].*)?$/.test(w.value)));
      const at = [...upgrades.map((p) => offsetOf(p.command.start))];
      const getPip = /get-pip|easy_install\s+(?:-U\s+)?pip\b/.exec(script.source);
      if (getPip !== null) at.push(offsetOf(getPip.index));
      return at.map((a) => ({ at: a, value: true as const, inherited: true }));
    });
  });
}

function sameDir(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

// ---------------------------------------------------------------------------
// RUNs the shell layer does not rewrite: report them only when they hold an
// install that would get a flag, or that would be refused if they could be rewritten.

type WouldDecide = { readonly kind: 'flag'; readonly what: string } | { readonly kind: 'refuse'; readonly code: string; readonly reason: string };

/** What the install commands of a script would get: a flag (\`--no-install-recommends to apt-get install\`) or a refusal. */
function wouldDecide({ text, parsed }: UnEditedScript, ctx: Context): WouldDecide[] {
  if (!parsed.ok) return textualInstalls(text, ctx).map((what) => ({ kind: 'flag', what }));
  const out: WouldDecide[] = [];
  const add = (d: Decision | null, what: (flag: Extract<Decision, { kind: 'flag' }>) => string) => {
    if (d?.kind === 'flag') out.push({ kind: 'flag', what: what(d) });
    else if (d?.kind === 'refuse') out.push(d);
  };
  for (const cmd of packageCommands(parsed)) add(decide(cmd, parsed, ctx), (d) => `${d.flag} to ${d.label}`);
  for (const uv of uvInstalls(parsed)) add(decideUv(uv, parsed, ctx), () => `--no-cache to ${uv.label}`);
  return out;
}

/** For text no shell parser reads: installs found by their words, without their flag anywhere. */
function textualInstalls(script: string, ctx: Context): string[] {
  const rules: [string, RegExp, string, boolean][] = [
    ['apt(?:-get)?\\s+(?:-\\S+\\s+)*install', /-install-recommends|Install-Recommends/i, '--no-install-recommends to apt-get install', ctx.options.noInstallRecommends],
    ['apk\\s+(?:-\\S+\\s+)*add', /--no-cache\b/, '--no-cache to apk add', ctx.apkCacheMount === null],
    ['(?:pip[\\d.]*|python[\\d.]*\\s+-m\\s+pip)\\s+(?:-\\S+\\s+)*install', /-cache-dir|PIP_NO_CACHE_DIR/, '--no-cache-dir to pip install', !ctx.pipCacheOff && ctx.pipCacheMount === null],
    ['gem\\s+install', /--no-doc|--no-r(?:doc|i)\b|--doc|\s-N\b/, '--no-document to gem install', true],
    ['dnf\\s+(?:-\\S+\\s+)*install', /install_weak_deps/, '--setopt=install_weak_deps=False to dnf install', ctx.options.noInstallRecommends],
    ['microdnf\\s+(?:-\\S+\\s+)*install', /install_weak_deps/, '--setopt=install_weak_deps=0 to microdnf install', ctx.options.noInstallRecommends && microdnfWithoutWeakDeps(ctx) === null],
    ['yum\\s+(?:-\\S+\\s+)*install', /install_weak_deps/, '--setopt=install_weak_deps=False to yum install', ctx.options.noInstallRecommends && ctx.yumIsDnf],
    ['zypper\\s+(?:-\\S+\\s+)*in(?:stall)?', /-recommends|onlyRequires/, '--no-recommends to zypper install', ctx.options.noInstallRecommends && (ctx.base === null || recommendsOffIn('zypper', ctx.base.repository) === null)],
  ];
  // Where a command starts: the beginning, after a list or pipe operator, or after sudo and assignments.
  const start = '(?:^|[;&|({\\n])\\s*(?:sudo\\s+)?(?:\\w+=\\S*\\s+)*(?:[\\w.-]*/)*';
  const installs = (program: string) => new RegExp(`${start}${program}\\b`).test(script);
  return rules.filter(([program, flag, , on]) => on && installs(program) && !flag.test(script)).map(([, , what]) => what);
}
