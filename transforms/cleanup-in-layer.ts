import * as posix from 'node:path/posix';
import { commentsBetween } from '../src/dockerfile/comments.js';
import { copyWords } from '../src/dockerfile/copySources.js';
import { attachedComments, removeInstructionInto } from '../src/dockerfile/edit.js';
import { isNextLinePragma } from '../src/engine/pragmas.js';
import { logicalText } from '../src/dockerfile/logical.js';
import { buildsOn, fromParents, parentStage, PerStage, rootStage, stageLineage } from '../src/dockerfile/stages.js';
import { publishedTargets } from '../src/analysis/buildTargets.js';
import { stagesInScope } from '../src/analysis/scope.js';
import type { Instruction, ParsedDockerfile, Stage } from '../src/dockerfile/types.js';
import { variablesAt } from '../src/dockerfile/variables.js';
import { expandWord, referencedNames, unquoteWord } from '../src/dockerfile/words.js';
import { RUN_NOTHING_ELSE } from '../src/knowledge/programs.js';
import { change, defineTransform, dependingOn, refusal, type Edit, type Finding } from '../src/engine/types.js';
import {
  alwaysBefore,
  BODY_REFUSALS,
  EDIT_REFUSALS,
  appendCommands,
  asInvoked,
  asRunBy,
  cacheKindIn,
  cargoSubcommand,
  cachesFilled,
  commandText,
  composerInvocation,
  type ComposerInvocation,
  folderMove,
  STAYS,
  type FolderMove,
  unknownMove,
  innerScript,
  invokedProgram,
  invokedTool,
  mounts,
  parseScript,
  endsEarly,
  ranWhenDone,
  replaceRange,
  readPythonTool,
  recognise,
  recogniseAll,
  runBody,
  SHELL_PROGRAMS,
  shellOperand,
  shellQuote,
  unEditedParsed,
  type BodyRefusal,
  type CacheKind,
  type InvokedProgram,
  type Mount,
  type PackageCommand,
  type PackageManager,
  type RecognisedCommand,
  type RemoveFiles,
  type RunBody,
  type ShellScript,
  type ShellWord,
  type SimpleCommand,
} from '../src/shell/index.js';
import { startedScriptTexts } from '../src/analysis/startScriptFiles.js';
import { runProgramFile } from '../src/analysis/copiedFiles.js';
import { preview } from '../src/analysis/preview.js';
import { absolutePath, commandPath, madeFolderRemoved, originOf, removedFolder, unknownWorkdirWhy } from '../src/analysis/paths.js';
import { startCommand, startScripts } from '../src/analysis/startCommand.js';
import { baseImageText, knownBaseImage, userAt, yumIsDnf } from '../src/analysis/stageTools.js';
import { homeAt, type HomeAt } from '../src/analysis/accounts.js';
import { systemInstalls } from '../src/analysis/installs.js';
import type { BuildContext } from '../src/engine/context.js';
import { occurrences } from '../src/occurrences.js';
import { addPosition, countBefore, nextInAny } from '../src/sorted.js';
import { FileMemo, Memo } from '../src/memo.js';
import { splitArgs } from '../src/shell/argv.js';
import { APT_LIST_CLEANING_HELPERS, BUNDLER_JRUBY_SCOPE, installScriptWithoutPackageManager, BUNDLER_RUBY_SCOPE, composerCacheDirs, composerConfigCacheDirs, DISTRO_RUBIES, JRUBY_IMAGES, OTHER_RUBIES, type ComposerConfigCaches, type DistroRuby } from '../src/knowledge/index.js';
import { record } from '../src/deps/packageJson.js';
import { BUNDLE_GRAMMAR, bundlePath } from '../src/analysis/bundler.js';

type Options = { allStages: boolean };

/**
 * Every RUN is a layer, and a file deleted by a later layer still ships in the
 * one that wrote it. So a package manager's cache must go in the RUN that
 * created it: this transform appends the missing cleanup to that RUN, or moves
 * a later RUN that does nothing but clean up into it.
 */
export default defineTransform<Options>({
  meta: {
    name: 'cleanup-in-layer',
    summary: 'Clean package caches in the RUN that creates them: append the cleanup, or merge a later cleanup-only RUN.',
    docs: `Every RUN is a layer: a file deleted by a later RUN still ships in the layer that wrote it
(hadolint DL3009, DL3032, DL3036, DL3060). This works on the stages that end up in the final image (the
last stage and the stages it is built FROM, and as much for a stage the project publishes with \`--target\`),
and reports refusals only there; \`-o cleanup-in-layer.allStages=true\`
takes every stage.

Appends to a shell-form RUN the cleanup it lacks (none after its last install), in the RUN's own style
(after \`; \` only where errexit is on, else after \` && \`: a cleanup after \`; \` would hide a failed install):
- \`apt-get install\`/\`apt install\` in a RUN that also ran \`apt-get update\`: \`rm -rf /var/lib/apt/lists/*\`.
  Not \`apt-get clean\`: Debian and Ubuntu images already delete downloaded packages (docker-clean). A RUN that
  updates without installing (\`RUN apt-get update\` alone, or with \`apt-get upgrade\`) gets it too when nothing
  later in the stage, a stage built on it or the command the container starts reads the lists (a later install
  that runs its own update does not).
- \`yum install\`/\`update\`: \`yum clean all && rm -rf /var/cache/yum\`, and \`yum clean all\` alone on an image whose
  yum is dnf (Fedora, RHEL 8 and later, Rocky, Alma, Oracle Linux 8 and later, Amazon Linux 2023, and an image of those with
  microdnf alone, such as ubi-minimal, where the stage installed yum with \`microdnf install yum\`); \`dnf\`: \`dnf clean all\`;
  \`microdnf\`: \`microdnf clean all\`; \`zypper install\`/\`update\`: \`zypper clean -a\`.
- \`conda install\`/\`create\`/\`update\`, \`conda env create\`/\`update\`: \`conda clean -afy\`; mamba's: \`mamba clean -afy\`;
  micromamba's: \`micromamba clean --all --yes\` (the cleanups of the continuumio, condaforge and mambaorg images' own
  documentation), run by the program word of the RUN's last such install (\`/opt/conda/bin/conda clean -afy\`: conda
  is often not on PATH yet). \`-f\` needs conda 4.4 or later. Not when an install sets its own variables
  (\`CONDA_PKGS_DIRS=/x conda install …\`), names another root (\`micromamba -r /x install\`) or runs conda by a relative
  path: a clean at the end of the RUN would look in another cache. install-flags has nothing to add for them: no
  option keeps their package cache out of the layer.
- \`poetry install\`/\`add\`/\`update\`/\`lock\`/\`sync\`/\`remove\` (or \`python -m poetry …\`): \`rm -rf ~/.cache/pypoetry/cache
  ~/.cache/pypoetry/artifacts\`, the download caches of Poetry's cache dir (under \`POETRY_CACHE_DIR\`, a
  \`poetry config cache-dir\`, \`XDG_CACHE_HOME\` or \`HOME\` when the file sets one to a known path). Never the
  whole cache dir: its \`virtualenvs/\` holds the environment Poetry installed into unless virtualenvs.create is
  false or virtualenvs.in-project true. install-flags adds nothing: Poetry's \`--no-cache\` leaves \`artifacts/\` filled.
- \`pipenv install\`/\`sync\`/\`update\`/\`upgrade\`/\`lock\` (or \`python -m pipenv …\`): \`rm -rf ~/.cache/pipenv\`, pipenv's
  cache (under \`PIPENV_CACHE_DIR\`, \`XDG_CACHE_HOME\` or \`HOME\` when the file sets one to a known path). pipenv runs pip
  with PIP_CACHE_DIR set to it, so what pip downloads for it lands there, not in pip's cache. Not where that folder is
  only known at build time, the command or RUN sets it (\`PIPENV_CACHE_DIR=…\`, \`HOME=…\`, \`sudo\`), or WORKON_HOME may
  put the virtualenvs in it: \`pipenv-cache-unknown\`.
- \`cargo install\`, \`build\`, \`fetch\`, \`test\`, \`run\`… (one that may download crates: not \`--offline\` or \`--frozen\`):
  \`rm -rf "\${CARGO_HOME:-$HOME/.cargo}/registry" "\${CARGO_HOME:-$HOME/.cargo}/git"\`, the crates and git dependencies it
  downloaded, found as cargo finds its home (the rust images set CARGO_HOME=/usr/local/cargo; rustup's installer
  uses ~/.cargo). Never the home as a whole: its \`bin/\` holds what \`cargo install\` installed. Not when a later RUN of
  the stage (or of one built on it) runs cargo again (the build after a dependency-caching step reads the crates it
  downloaded; offline, with \`--offline\` or \`--frozen\`, it would fail), the stage sets CARGO_NET_OFFLINE, or the
  container runs cargo when it starts (\`CMD cargo run\`, which would download the crates again there):
  \`cache-used-later\`. Nor after such an earlier cargo RUN: its layer keeps the crates, and removing them later
  would not make the image smaller.
- \`npm install\`/\`npm ci\`/\`npm update\`: \`npm cache clean --force\`; \`yarn\`/\`yarn install\`/\`yarn add\`/\`yarn upgrade\`:
  \`yarn cache clean\`.
  \`pnpm install\`/\`add\`/\`update\` (not \`--offline\`): \`rm -rf ~/.cache/pnpm\`, pnpm's metadata cache (the package documents
  it fetched to resolve, and \`pnpm dlx\`'s packages; under XDG_CACHE_HOME or HOME when the file sets one to a known path).
  Not its store (~/.local/share/pnpm/store): pnpm hard-links node_modules to the files there, so removing it takes nearly
  nothing from the layer, and with the global virtual store node_modules links into it; nor \`pnpm store prune\`, which
  keeps every package a project uses. Not when an install runs with its own user, \`--cache-dir\`, \`--store-dir\` or
  variables, or the file or the build context's .npmrc or pnpm-workspace.yaml moves the cache or the store (cache-dir,
  store-dir, cacheDir, storeDir, npm_config_store_dir): \`pnpm-cache-unknown\`; nor when a later \`pnpm install --offline\`
  reads it: \`cache-used-later\`.
  A manager a package runner ran (\`npx --yes yarn@1 install\`, \`corepack yarn install\`) is cleaned through the
  same runner (\`npx --yes yarn@1 cache clean\`): it may not be on PATH.
- \`composer install\`/\`update\`/\`require\`/\`create-project\` (and \`composer global require\`…), run on PATH or by an
  absolute path, or its phar run itself or by PHP (\`php composer.phar install\`, \`php -d memory_limit=-1
  /usr/local/bin/composer.phar install\`): \`composer clear-cache\`, run the same way (\`php composer.phar clear-cache\`). Composer keeps the archives it unpacked into vendor/ in
  its cache, wherever COMPOSER_HOME, COMPOSER_CACHE_DIR or its config put it, and clear-cache finds it there. Not after
  \`--no-cache\`, nor where the RUN already clears it or removes every folder that may hold the cache, nor with ENV
  COMPOSER_CACHE_DIR=/dev/null. Those folders, as Composer 1.0 and later work them out: COMPOSER_CACHE_DIR, else
  \`$COMPOSER_HOME/cache\` (the composer image's /tmp/cache), else both ~/.composer/cache and ~/.cache/composer (under
  XDG_CACHE_HOME when set), as Composer uses the second where an XDG_ variable is set or the image has /etc/xdg, which no
  Dockerfile says: \`rm -rf /root/.composer/*\` (wallabag/docker's) alone gets \`composer clear-cache\`, and the change says
  what it leaves. Not when the RUN removes or moves Composer after it (\`&& rm composer.phar\`:
  \`program-removed\`), nor when it names the phar from the working folder and a \`cd\` follows (\`cwd-changed\`).
  Where the project's composer.json, which the build copies in from its context and the install reads in the folder it
  runs in (\`-d\`, \`--working-dir\`, COMPOSER), moves the cache with its \`config\` (\`cache-dir\`, \`cache-files-dir\`,
  \`cache-repo-dir\`, \`cache-vcs-dir\`), the cleanup removes those folders by their paths instead (\`rm -rf
  /var/www/html/.composer-cache\`), read as Composer reads them: the variable COMPOSER_<KEY> before the file, \`{$home}\`
  (COMPOSER_HOME) and \`{$cache-dir}\`, a leading \`~/\` (the home of the user the RUN runs as) or \`$NAME\`, and a relative
  path from the project's folder; with \`composer clear-cache\` too where some of the cache stays in Composer's own folder.
  An rm of ~/.composer does not count as done there. Where such a folder is not known (\`{$home}\` with no COMPOSER_HOME, a
  variable only known at build time), \`composer clear-cache\`, which reads the same composer.json, empties it where it
  runs as the installs did; with a \`cd\` after them, \`-d\` or COMPOSER: \`composer-cache-unknown\`.
- \`bundle install\`/\`update\`/\`add\` (\`bundle\` alone; not \`--local\`, which installs from the cache): \`rm -rf
  /usr/local/bundle/cache/*.gem\`, the packages Bundler downloaded into the gem home's cache after unpacking them into its
  gems/, in the gem home the file sets (ENV GEM_HOME) or the image does (the official ruby images' /usr/local/bundle), or,
  where the stage installs Debian's or Ubuntu's ruby with apt (\`apt-get install ruby-full\`, \`ruby\`, \`ruby-bundler\`) on a
  Debian or Ubuntu image, that ruby's gem home for root, \`/var/lib/gems/*/cache\` (a glob for the Ruby version). Where
  Bundler's settings give the install a path, in \`ruby/*/cache\` under it instead: \`rm -rf /app/vendor/bundle/ruby/*/cache/*.gem\`
  after huginn's \`bundle config set --local path vendor/bundle\` (\`jruby/*/cache\` on an image whose ruby is JRuby: jruby,
  logstash). The path is read as Bundler reads it (src/analysis/bundler.ts):
  the install's own \`--path\` (\`--system\`: none), then the app's config (what \`bundle config set --local\`, an earlier
  \`bundle install --path\` or a \`.bundle/config\` the build copies in from its context wrote, in \`<app>/.bundle\` or
  BUNDLE_APP_CONFIG's folder: the ruby images' /usr/local/bundle, so a copied \`.bundle/config\` is not read there), then
  ENV BUNDLE_PATH (the Rails Dockerfile's /usr/local/bundle, whose \`rm -rf "\${BUNDLE_PATH}"/ruby/*/cache\` counts as done),
  then the user's config (\`bundle config set --global\`); with no path, deployment mode (\`--deployment\`, BUNDLE_DEPLOYMENT)
  installs into vendor/bundle. A relative path is the app's (the folder the install runs in, WORKDIR and \`cd\`), \`~\` its
  home. An unscoped \`bundle config set path …\` counts where the app's and the user's config would give the same place:
  Bundler 2.3.7 and later write it for the app, earlier ones for the user. Only the .gem files: cache/bundler/ holds git
  sources. A \`find DIR -name cache … -exec rm -rf {} +\` after the install counts as done where DIR holds the gems (the gem
  home, or the project's vendor/bundle a \`bundle config path\` or deployment installs into: discourse's \`sudo -u discourse
  bundle install\`), not a find elsewhere. Not where the gem home is not known (that ruby on an image dockshift does not
  know, another ruby the stage brings with rbenv, RVM, ruby-build…, or a USER other than root, whose installs go to its
  home), the command or RUN sets its own (\`GEM_HOME=…\`, \`BUNDLE_PATH=…\`, \`sudo\`), or the path is not known (named by a
  variable only known at build time, relative to a WORKDIR dockshift does not know, written by a \`sudo\` or a script not
  read, \`--standalone\`, or an unscoped setting the two configs would read otherwise): \`gem-cache-unknown\`; nor when a later
  RUN runs \`bundle cache\` (\`bundle package\`), which copies the packages from the gem cache into vendor/cache, or
  BUNDLE_CACHE_PATH makes the gem cache that folder: \`gem-cache-wanted\` (a \`bundle cache\` in the same
  RUN has copied them before the cleanup at its end, which leaves vendor/cache alone); nor when a later
  RUN installs from the cache alone (\`bundle install --local\`, \`gem pristine\`): \`cache-used-later\`.
- An archive downloaded to a literal file name (\`curl -o f.tar.gz\`, \`curl -O\`, \`wget\`) and extracted
  with \`tar\` or \`unzip\` in the same RUN, never removed there: \`rm -f f.tar.gz\`.
A cleanup runs after the last command of the RUN that can download into that cache, not only the
last install: \`apt-get update\` and \`add-apt-repository\` refill the lists; every yum/dnf subcommand but
\`clean\`, \`history\` and cache-only (\`-C\`) ones loads metadata (\`dnf swap\`, \`yum makecache\`, \`yum group
install\`…); \`npm exec\`, \`npx\`, \`yarn dlx\` fill the npm and yarn caches. A cleanup already in the RUN
before such a command does not count, nor one in another branch of an \`if\`, \`case\` or loop than a command that
fills the cache (\`if …; then apt-get update && apt-get install …; elif …; then … && rm -rf /var/lib/apt/lists/*; fi\`
gets one after \`fi\`; so do the caches of Poetry, pnpm, pipenv, Composer, Bundler and cargo); one after it does, also in a script of the build context the RUN runs by
its path (\`/scripts/cleanup.sh\` that removes /var/lib/apt/lists) or by its name from the PATH folder a COPY put
it in (\`clean-layer.sh\` copied to /usr/bin, that runs \`conda clean --all -f -y\`), or an image's install helper that
removes apt's lists when done (Kubernetes debian-base's \`clean-install\`, Bitnami minideb's \`install_packages\`).
An \`rm -rf\` of a folder that holds the cache counts (\`rm -rf /var/lib/apt\`), and under a SHELL that expands braces
(bash, zsh, ksh) so does a word with braces (\`rm -rf /var/lib/{apt,cache}\`); sh keeps such a word as written, a
folder that is not there, and the change says so.
A cleanup runs the way the install ran: behind the same \`sudo\` words (\`sudo -u node npm install -g x\`
gets \`sudo -u node npm cache clean --force\`). npm and yarn keep their cache in the home of the user that
runs them, so each user whose installs are not cleaned up gets a cleanup of its own. apk and pip are
left to install-flags (\`--no-cache\`, \`--no-cache-dir\`). Bun's cache is left alone: its installs hard-link
node_modules to the cache, so emptying it is not known to make the layer smaller.

Moves a RUN whose every command is cache cleanup (\`rm -rf\` of a known cache such as
\`/var/lib/apt/lists/*\`, \`/var/cache/yum\`, \`~/.npm\`, \`/tmp/*\`; \`apt-get clean\`, \`yum clean all\`,
\`npm cache clean --force\`, \`conda clean -afy\`…; a \`set -eux\` is dropped) to the end of the nearest earlier RUN of the same
stage that downloads with that package manager (installs, updates, or any command above), and deletes the emptied RUN with its line
(and one of two blank lines around it). A RUN that only cleans \`/tmp\` or \`~/.cache\` is not moved: nothing
says which RUN filled it. Comment lines above the deleted RUN stay where they are (dockshift never deletes
or moves comments), so check in the diff whether they still fit. A command the earlier RUN already runs
after its last download is not added twice. \`~\` (and \`$HOME\`) in a cleanup is the home of the user the RUN runs as:
an ENV HOME, else root's /root, the home a \`useradd\` or \`adduser\` before it gave that user (\`-d\`, \`--home\`, \`-h\`, else
/home/<name>), or that of an image's account the knowledge base knows (\`USER node\` on the node images: /home/node).
A path in that home counts as \`~\` (\`rm -rf /home/node/.npm\` under \`USER node\` is npm's cache), and one in /root as
no cache of another user. Where that home is not known (\`USER 1001\` with no account made for it), any COPY, ADD or
VOLUME between the two could write into it: \`cache-used-later\`.

Refuses, leaving the RUN as it is:
- \`lists-needed-later\`: a later RUN of the stage or of a stage built FROM it, or an ONBUILD RUN, runs
  \`apt-get install\`, \`apt-cache\`, \`apt-get source\`… (also through another program: \`xargs\`, \`nice\`,
  \`timeout\`, \`eatmydata\`, \`unshare\`, \`debconf-apt-progress\`…, as a word given to one: \`su -c '…'\`, or
  as \`$APT install\`), gdebi, \`mk-build-deps -i\`, \`opam install\` (whose depexts look the system packages up
  with apt and install them, unless \`--no-depexts\`) or \`opam depext\` without \`-u\`, or a script (\`./setup.sh\`, \`bash install.sh\`, \`curl … | sh -s -- --yes\`, which might, unless piped from an
  address known to serve an installer that runs no package manager: rustup's \`https://sh.rustup.rs\`; the string
  of \`bash -o pipefail -c '…'\` is read as the RUN's own commands) without
  its own \`apt-get update\` first, and no RUN between the two runs one (whose lists it would read instead); an
  update that may be skipped where the install runs (in an \`if\` or a loop the install is outside of, after
  \`[ "$X" = 1 ] &&\` or any command that can fail in \`curl … && apt-get update; apt-get install …\`) counts as
  none, while one after commands that cannot fail (\`export DEBIAN_FRONTEND=noninteractive && apt-get update;
  apt-get install …\`, \`export PATH="$PATH:/x"\`, whose status is its own whatever its values expand to,
  \`set -x\`, \`set -euo pipefail\`, \`true\`, \`umask 022\`, \`cd /\`; not an assignment of a read-only
  variable, such as bash's \`export UID=1000\`, nor an arithmetic expansion) counts, and so do
  \`apt-get update || true && apt-get install …\` and \`then apt-get update; apt-get install …; fi\`. A read in
  the background after an update (\`apt-get update && apt-get install -y x &\`) is refused too, and the reason says
  so: the order of a background job's commands is not followed; or
  the image that runs (this stage or one built on it) starts with an ENTRYPOINT or CMD, or a start script
  copied from the build context, that runs \`apt-get install\` with no \`apt-get update\` before it (optional
  packages installed when the container starts); or the RUN runs \`apt-get update\` after its last install
  or upgrade, keeping fresh lists for a later step.
- \`cache-mount\`: the RUN has a \`--mount=type=cache\` or \`type=tmpfs\` on the cache (for apt's lists: on
  \`/var/lib/apt/lists\` or a folder above it, such as \`/var/lib/apt\`; a mount on \`/var/cache/apt\` alone
  keeps only the downloaded packages, so the lists are still removed; for conda: on a \`pkgs\` folder such as
  \`/opt/conda/pkgs\`; for Poetry: on its cache dir, a folder above it or its \`cache/\` or \`artifacts/\`; for cargo: on its home,
  its \`registry\` or \`git\`) or on the archive's folder: it never
  reaches the layer, and cleaning up there would only empty the build cache.
- \`cache-used-later\`: an instruction between the install and the cleanup RUN might use or refill what the
  cleanup removes: a RUN with the same package manager or of a script, any RUN when \`/tmp\` or
  \`~/.cache\` is cleaned, a COPY/ADD or VOLUME into a cleaned folder, a RUN that cannot be read as shell;
  or a later RUN installs from the cache alone, which the cleanup would empty (\`npm ci --offline\`,
  \`yarn install --offline\`, \`yum -C install\`, \`conda create --offline\`, also in a script the stage copied in
  from the build context and runs by its path).
  For Poetry, any later RUN of the stage (or of one built on it) that runs Poetry's install, add, update, lock,
  sync or remove: it could install from what the cleanup removes.
- \`poetry-cache-unknown\`: where Poetry's cache is comes from a build argument or a variable only known at build
  time (\`ENV POETRY_CACHE_DIR=$CACHE\`), the RUN sets it itself (\`POETRY_CACHE_DIR=…\`, \`HOME=…\`, \`sudo\`), or
  virtualenvs.path may lie inside the folders the cleanup would remove.
- \`composer-cache-unknown\`: the composer command runs with its own user or home (\`sudo -u www-data composer install\`,
  \`COMPOSER_HOME=/x composer global require …\`, also COMPOSER_CACHE_DIR, HOME, XDG_CACHE_HOME, XDG_CONFIG_HOME):
  \`composer clear-cache\` at the end of the RUN would look in another cache; or the project's composer.json moves the
  cache to a folder dockshift cannot tell, and clear-cache would not run where the installs read it (see Composer above).
- \`gem-cache-unknown\`, \`gem-cache-wanted\`, \`pipenv-cache-unknown\`, \`pnpm-cache-unknown\`: see Bundler, pipenv and pnpm above.
- \`cargo-home-unknown\`: the cargo command runs with its own user or variables (\`sudo\`, \`CARGO_HOME=/x cargo install\`),
  in a subshell, or the RUN sets CARGO_HOME or HOME itself: the cleanup at its end might look in another home.
- \`conda-softlinks\`: conda links the environment's files to its package cache (\`--always-softlink\`,
  \`--allow-softlinks\`, the always_softlink setting, \`CONDA_ALWAYS_SOFTLINK\`, seen anywhere in the file up to the
  RUN): the clean would remove files the environment uses.
- \`user-between\`, \`shell-between\`, \`workdir-between\`, \`env-between\`: a USER, a SHELL, a WORKDIR (when
  the cleanup runs npm/yarn/pnpm/pip, which read the project's config) or an ENV/ARG the cleanup reads
  (\`HOME\`, \`npm_config_*\`, a variable it names) between them: moved, the cleanup would run differently.
- \`different-flags\`: the cleanup RUN and the installing RUN have different flags (\`--mount\`, \`--network\`…).
- \`comment-inside\`: a comment line inside the cleanup RUN would be lost by the move.
- \`ignore-comment\`: an ignore comment (\`# hadolint ignore=…\`, \`# dockshift-ignore …\`) right above the
  cleanup RUN would be left to apply to the next instruction.
- \`archive-used-later\`: a later instruction names the downloaded archive.
- \`warms-cache\`: the comment right above the RUN says it fills a cache for later use (\`# Warm global yarn
  cache\`, \`# Pre-populate the npm cache for offline installs\`, \`# prime the cache\`): what the cleanup would remove is
  what the RUN is for. Not a comment that also says the cache is cleaned (\`# fill the cache, then clear it\`).
- \`cwd-changed\`: the RUN changes directory after downloading to a relative path, or downloads it in a
  subshell \`( … )\`, and the folder it downloads in is not known before the build (\`cd "$DIR"\`, a \`cd\` in an
  \`if\`, a WORKDIR set from a variable, the WORKDIR of a base image dockshift does not know). Where that folder is known (\`( cd /opt && curl -fsSLO … && tar xzf … )\`,
  as collapse-run merges a RUN that changes directory; \`cd /opt && wget … && cd /opt && tar …\`), the archive
  is removed by its absolute path; where the subshell does not leave it after the download (\`( cd "$DIR" && curl
  -fsSLO … && tar xzf … && make install )\`), by its name at the end of the subshell, as the RUN alone had it at its end.
- \`isolated-install\`: the install runs in a subshell \`( … )\` (collapse-run puts a RUN that sources a
  script or changes directory in one) that the cleanup cannot end: a cleanup appended after it would not share
  its PATH, variables or working folder; an \`rm\` of absolute paths is still appended. Where every such install
  runs in one top-level subshell that ends with a plain command, the cleanup goes at the end of that subshell.
- \`ends-early\`: an \`exit\` or \`exec\` the RUN reaches when its commands succeed (a statement of its own,
  one after \`&&\`, or one in a \`{ …; }\` group there) ends it before the appended cleanup would run.
- \`shell-string\`: the install runs in the command string of \`sh -c '…'\` (\`bash -c "apt-get update && apt-get
  install -y curl"\`), read as the RUN's own commands are for what it would get, but not rewritten; the refusal says
  which cleanup it would have got, as install-flags does for the flags.
- \`program-removed\`: after its last npm (or yarn) command, the RUN uninstalls a system package that may hold
  the program the cleanup runs (\`apt-get purge -y npm\`, \`apk del nodejs\`, an apk \`--virtual\` group it
  installed with a node package in it, a package named by a variable), uninstalls it (\`npm uninstall -g npm\`) or deletes its files (\`rm -rf
  /usr/local/lib/node_modules/npm\`, \`/usr/local/bin/npm\`): \`npm cache clean --force\` at its end would not be found.
  Where the last command before the removal that runs the program at all (\`npm run build\`, \`npx\` too) is one of
  the RUN's own in an \`&&\` list that ends the RUN (odoo's \`npm install -g rtlcss && apt-get purge --autoremove -y
  npm\`), the cleanup goes right after it instead, and nothing is refused: a failing cleanup still fails the RUN. Removing other packages (\`apt-get purge -y g++ make\`) keeps the cleanup, and so does a part of npm the RUN puts
  back (\`rm -rf …/npm/node_modules/undici && cp -r node_modules/undici …/npm/node_modules/\`, a patched dependency). So is a RUN that deletes composer
  (\`rm -f /usr/local/bin/composer\`) after its last composer command.
- \`folder-removed\`: with no \`cd\` after it, the RUN removes the folder it is in (\`cd /tmp/fix && npm install x && …
  && rm -rf /tmp/fix\`): a cleanup that runs a program (\`npm cache clean --force\`, \`pip cache purge\`) at its end
  could not start there, as node and Python read their working folder; an \`rm\` of absolute paths is still appended.
  npm's cleanup runs from the folder above instead (\`… && rm -rf /tmp/fix && cd /tmp && npm cache clean --force\`)
  where the RUN made the removed folder itself (\`mkdir -p /tmp/fix\`) and writes no .npmrc: npm finds there the
  configuration, and so the cache, the install found.
- \`yarn-berry\`: the stage shows Yarn 2+ (\`.yarnrc.yml\`, \`corepack\`, \`--immutable\`…), whose cache can
  hold the installed packages themselves (Plug'n'Play).
- \`exec-form\`, \`heredoc\`, \`non-posix-shell\`: a RUN that would get a cleanup, or would receive a moved
  one, is written in a form that is not rewritten.
Assumes the removed paths are pure caches that nothing in the image reads: apt's lists, the package
managers' caches (conda's package cache once its packages are hard-linked or copied into the environments;
Poetry's \`cache/\` and \`artifacts/\`, whose distributions an install unpacks, not links), the downloaded archive and, when a cleanup RUN removes them, \`/tmp\` and \`~/.cache\`.`,
    hadolint: ['DL3009', 'DL3032', 'DL3036', 'DL3060'],
    defaultEnabled: true,
    options: {
      allStages: {
        default: false,
        description: 'Also clean up in stages the final image is not built on (build stages whose layers are not shipped).',
      },
    },
    touches: { instructions: { RUN: ['edit', 'remove'] } },
    refusals: {
      'shell-string': 'an install in the command string of `sh -c`, which is not read for a cleanup',
      'lists-needed-later': 'a later step, or the container when it starts, reads the apt lists the cleanup would remove',
      'cache-mount': 'a cache or tmpfs mount already keeps the cache out of the layer',
      'cache-used-later': 'an instruction between the install and the cleanup RUN, or an offline install after it, may use or refill the cache',
      'user-between': 'a USER between the install and the cleanup RUN',
      'shell-between': 'a SHELL between the install and the cleanup RUN',
      'workdir-between': 'a WORKDIR between the install and a cleanup that reads project config',
      'env-between': 'an ENV or ARG the cleanup reads, between the install and the cleanup RUN',
      'different-flags': 'the cleanup RUN and the installing RUN have different flags',
      'archive-used-later': 'a later instruction names the downloaded archive',
      'warms-cache': 'the comment above the RUN says it fills a cache for later use, which the cleanup would empty',
      'cwd-changed': 'the RUN changes directory after downloading to a relative path, or downloads it in a subshell, in a folder not known before the build',
      'isolated-install': 'the install runs in a subshell, whose PATH, variables and working folder a cleanup appended after it would not share',
      'ends-early': 'an exit or exec ends the RUN before an appended cleanup would run',
      'program-removed': 'the RUN removes the package manager (or a package, group or files that may hold it) before an appended cleanup would run it',
      'folder-removed': 'the RUN removes the folder it is in, where an appended cleanup that runs a program could not start',
      'yarn-berry': 'the stage uses Yarn 2 or later, whose cache can hold the installed packages',
      'conda-softlinks': "conda links the environment's files to its package cache, which the clean would remove",
      'poetry-cache-unknown': "where Poetry's cache or virtualenvs are is only known at build time",
      'composer-cache-unknown': "composer runs with its own user or variables, or the project's composer.json moves the cache where a cleanup at the end of the RUN would not find it",
      'pnpm-cache-unknown': "pnpm runs with its own user, options or variables, or the file or its config moves pnpm's cache or store",
      'pipenv-cache-unknown': "where pipenv's cache is is only known at build time, or its virtualenvs may lie in it",
      'gem-cache-unknown': 'where Bundler caches the gems it downloads is not known (its own variables, a path only known at build time, an unknown gem home)',
      'gem-cache-wanted': "a later `bundle cache` copies the gems' packages from the gem cache the cleanup would empty, or BUNDLE_CACHE_PATH keeps them there",
      'cargo-home-unknown': 'cargo may run with another home than the one a cleanup at the end of the RUN would see',
      'comment-inside': 'a comment line inside the cleanup RUN would be lost by the move',
      'ignore-comment': 'an ignore comment above the cleanup RUN would apply to the next instruction once it is gone',
      ...BODY_REFUSALS,
      background: EDIT_REFUSALS.background,
      'no-command': EDIT_REFUSALS['no-command'],
      'multi-line-command': EDIT_REFUSALS['multi-line-command'],
      'empty-body': EDIT_REFUSALS['empty-body'],
      'breaks-shell': EDIT_REFUSALS['breaks-shell'],
    },
  },
  run(file, { options, ignoredRules, buildContext, path, input }) {
    const stages = stagesInScope(file, options.allStages, publishedTargets(buildContext, path, input?.text));
    const findings: Finding[] = [];
    const targets = new Set<number>();
    // Families whose cleanup a later RUN already runs, in a context the refusal says differs:
    // appending a copy to the installing RUN would only duplicate it.
    const cleanedLater = new Map<number, Set<Family>>();
    for (const stage of stages) {
      for (const inst of stage.instructions) {
        if (inst.keyword !== 'RUN') continue;
        const move = planMove(file, stage, inst);
        if (move === null || [...move.families].every((f) => ignoredRules.has(RULE_OF[f] ?? ''))) continue;
        findings.push(move.finding);
        if (move.finding.kind === 'change') targets.add(move.target);
        else if (KEEPS_LATER_CLEANUP.has(move.finding.code)) {
          const set = cleanedLater.get(move.target) ?? new Set<Family>();
          for (const f of move.families) set.add(f);
          cleanedLater.set(move.target, set);
        }
      }
    }
    // A RUN that receives a moved cleanup this pass is looked at again in the next one.
    for (const stage of stages) {
      for (const inst of stage.instructions) {
        if (inst.keyword === 'RUN' && !targets.has(inst.index)) findings.push(...planAppends(file, stage, inst, cleanedLater.get(inst.index) ?? new Set(), ignoredRules, buildContext));
      }
    }
    return findings;
  },
});

// ---------------------------------------------------------------------------
// Reading RUNs

interface RunView {
  readonly inst: Instruction;
  readonly body: RunBody | BodyRefusal;
  /** What the RUN runs: its body, or our best reading of an exec-form or heredoc RUN; null when unknown. */
  readonly script: ShellScript | null;
  readonly recognised: readonly RecognisedCommand[];
  /** Commands that can download into a package manager's cache, in source order, with the caches. */
  readonly fills: readonly Fill[];
}

interface Fill {
  readonly command: SimpleCommand;
  readonly kinds: readonly CacheKind[];
}

const views = new FileMemo<(RunView | undefined)[]>();

const NOTHING: readonly never[] = [];

function viewOf(file: ParsedDockerfile, inst: Instruction): RunView {
  let perFile = views.get(file);
  if (perFile === undefined) views.set(file, (perFile = new Array(file.instructions.length)));
  let view = perFile[inst.index];
  if (view === undefined) {
    const body = runBody(file, inst);
    const script = body.ok ? body.parsed : readOther(file, inst, body);
    const read = script === null ? null : scriptView(inst, body, script);
    // Most RUNs recognise nothing: shared empty lists, not two per RUN kept for the whole pass.
    const recognised = read === null || read.recognised.length === 0 ? NOTHING : read.recognised;
    perFile[inst.index] = view = { inst, body, script, recognised, fills: read === null || read.fills.length === 0 ? NOTHING : read.fills };
  }
  return view;
}

/** A view of \`script\`, a command string of the RUN's (\`sh -c '…'\`), as if it were the RUN's own commands. */
function scriptView(inst: Instruction, body: RunBody | BodyRefusal, script: ShellScript): RunView {
  const recognised: RecognisedCommand[] = [];
  const fills: Fill[] = [];
  for (const c of script.commands) {
    const r = recognise(c);
    if (r !== null) recognised.push(r);
    const kinds = cachesFilled(c);
    if (kinds.length > 0) fills.push({ command: c, kinds });
  }
  return { inst, body, script, recognised, fills };
}

/** The commands of a RUN the shell layer does not rewrite, read as well as we can. */
function readOther(file: ParsedDockerfile, inst: Instruction, body: BodyRefusal): ShellScript | null {
  const parsed = unEditedParsed(file, inst, body.code)[0]?.parsed;
  return parsed?.ok === true ? parsed : null;
}

function programName(c: SimpleCommand): string | null {
  for (const w of c.words) {
    const v = w.value;
    if (v === null) return null;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(v) || v.startsWith('-')) continue;
    const name = basename(v);
    if (!['sudo', 'env', 'command', 'exec', 'nohup', 'time'].includes(name)) return name;
  }
  return null;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}


// ---------------------------------------------------------------------------
// Caches, package-manager families and mounts

type Family = 'apt' | 'apk' | 'rpm' | 'zypper' | 'pip' | 'npm' | 'yarn' | 'pnpm' | 'bun' | 'gem' | 'conda';

const FAMILY: Readonly<Record<PackageManager, Family>> = {
  apt: 'apt', apk: 'apk', yum: 'rpm', dnf: 'rpm', microdnf: 'rpm', zypper: 'zypper',
  pip: 'pip', npm: 'npm', yarn: 'yarn', pnpm: 'pnpm', bun: 'bun', gem: 'gem', conda: 'conda', mamba: 'conda', micromamba: 'conda',
};

/** Whose cache a directory is; null for /tmp and ~/.cache, which any program may fill. */
const KIND_FAMILY: Readonly<Record<CacheKind, Family | null>> = {
  'apt-lists': 'apt', 'apt-archives': 'apt', apk: 'apk', yum: 'rpm', dnf: 'rpm', zypper: 'zypper',
  pip: 'pip', npm: 'npm', yarn: 'yarn', pnpm: 'pnpm', gem: 'gem', conda: 'conda', 'user-cache': null, tmp: null,
};

/**
 * What `<manager> clean` empties. Not Bun: its installs hard-link node_modules to its cache
 * (bun.sh/docs/pm/global-cache), so emptying that cache is not known to shrink the layer.
 */
const CLEAN_KIND: Readonly<Record<Exclude<PackageManager, 'bun'>, CacheKind>> = {
  apt: 'apt-archives', apk: 'apk', yum: 'yum', dnf: 'dnf', microdnf: 'dnf', zypper: 'zypper',
  pip: 'pip', npm: 'npm', yarn: 'yarn', pnpm: 'pnpm', gem: 'gem', conda: 'conda', mamba: 'conda', micromamba: 'conda',
};

/** Where each kind lives, for comparing with mounts, COPY destinations and VOLUMEs; \`~\` is the home of the user that runs the RUN (kindDirs). */
const KIND_DIRS: Readonly<Record<CacheKind, readonly string[]>> = {
  'apt-lists': ['/var/lib/apt/lists'], 'apt-archives': ['/var/cache/apt'], apk: ['/var/cache/apk', '/etc/apk/cache'],
  yum: ['/var/cache/yum'], dnf: ['/var/cache/dnf'], zypper: ['/var/cache/zypp'], pip: ['~/.cache/pip'],
  npm: ['~/.npm'], yarn: ['/usr/local/share/.cache/yarn', '~/.cache/yarn'], pnpm: ['~/.local/share/pnpm'],
  gem: ['/usr/local/bundle/cache'], conda: ['/opt/conda/pkgs', '~/.conda/pkgs'], 'user-cache': ['~/.cache'], tmp: ['/tmp', '/var/tmp'],
};

/** Where a kind lives for a RUN whose HOME is \`home\` (null: not known, and its folders stay under \`~\`). */
function kindDirs(kind: CacheKind, home: string | null): string[] {
  return KIND_DIRS[kind].map((d) => normalDir(d, home));
}

// Asked for each RUN a cleanup reads or plans for: worked out once per instruction.
const homes = new Memo<Instruction, HomeAt>();

/** The home a RUN's commands see as HOME and \`~\` (homeAt), or why it is not known. */
function homeOf(file: ParsedDockerfile, inst: Instruction): HomeAt {
  let home = homes.get(inst);
  if (home === undefined) homes.set(inst, (home = homeAt(file, inst)));
  return home;
}

/** The RUN's home as a folder, or null when it is not known. */
function homeDir(file: ParsedDockerfile, inst: Instruction): string | null {
  const home = homeOf(file, inst);
  return 'home' in home ? home.home : null;
}

/** The family a command uses, seeing `apt-cache` as apt and `npx` as npm. */
function familyOf(c: SimpleCommand, r: RecognisedCommand | null): Family | null {
  if (r?.kind === 'package') return FAMILY[r.manager];
  const name = programName(c);
  if (name === 'apt-cache') return 'apt';
  if (name === 'npx') return 'npm';
  return null;
}

/** The RUNs of a stage that fill a cache, in order: where a cleanup looks for the install it belongs to. */
const fillingRuns = new PerStage((file, stage) => stage.instructions.filter((i) => i.keyword === 'RUN' && viewOf(file, i).fills.length > 0));

/** The last command of the RUN that can fill a cache of one of `families` (`kinds`, when given), or undefined. */
function lastFill(view: RunView, families: ReadonlySet<Family>, kinds?: readonly CacheKind[]): SimpleCommand | undefined {
  return view.fills.filter((f) => f.kinds.some((k) => (kinds === undefined ? families.has(KIND_FAMILY[k]!) : kinds.includes(k)))).at(-1)?.command;
}

/** A word that ends a branch of an \`if\`, \`case\` or loop, or the construct itself. */
const BRANCH_END = /(?:^|[\s;&|(])(?:elif|else|fi|esac|done)(?=[\s;&|)]|$)|;;/;

/**
 * A cleanup runs whenever \`fill\` ran: after it, and outside any \`if\`, \`case\` or loop or in the branch \`fill\` is in
 * (no \`elif\`, \`else\`, \`;;\` or end of one between them).
 */
function coversFill(script: ShellScript, cleanup: Pick<SimpleCommand, 'start' | 'enclosing'>, fill: SimpleCommand): boolean {
  return cleanup.start > fill.start && (!cleanup.enclosing.some((e) => e === 'if' || e === 'case' || e === 'loop') || !BRANCH_END.test(script.source.slice(fill.end, cleanup.start)));
}

/**
 * Whether each of \`fills\` has after it a mention of its cleanup (\`mention\`, or one of \`literals\`: a folder as the file
 * names it) in a command that covers it (coversFill): \`composer clear-cache\` in the \`else\` branch does not clean up
 * after the \`composer install\` of the \`then\` branch.
 */
function mentionedAfterEach(script: ShellScript, fills: readonly SimpleCommand[], mention: RegExp, literals: readonly string[] = []): boolean {
  const re = new RegExp([mention.source, ...literals.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))].join('|'), 'g');
  const holders: Pick<SimpleCommand, 'start' | 'enclosing'>[] = [];
  for (let m = re.exec(script.source); m !== null; m = re.exec(script.source)) {
    const at = m.index;
    if (m[0] === '') re.lastIndex++;
    holders.push(script.commands.find((c) => c.start <= at && at < c.end) ?? { start: at, enclosing: [] });
  }
  return fills.every((fill) => holders.some((h) => coversFill(script, h, fill)));
}

/** Shells that expand braces in a word (\`/var/lib/{apt,cache}\`); sh, dash and busybox's ash keep them as written. */
const BRACE_SHELLS = /^(?:.*\/)?(?:bash|zsh|ksh|mksh)$/;

/** The words bash makes of one with braces (\`/var/lib/{apt,cache}\` → \`/var/lib/apt\`, \`/var/lib/cache\`); the word alone without. */
function braceAlternatives(value: string): string[] {
  const m = /\{([^{}]*,[^{}]*)\}/.exec(value);
  if (m === null) return [value];
  return m[1]!.split(',').flatMap((a) => braceAlternatives(value.slice(0, m.index) + a + value.slice(m.index + m[0].length)));
}

/**
 * \`/var/lib/apt/lists/*\` → \`/var/lib/apt/lists\`; \`~\` and \`$HOME\` read as \`home\`, the home of the user that runs
 * the command (homeDir), or kept as \`~\` when that is not known: such a folder then matches no absolute one.
 */
function normalDir(path: string, home: string | null): string {
  const p = path
    .replace(/^(?:~|\$HOME|\$\{HOME\})(?=\/|$)/, home ?? '~')
    .replace(/\/{2,}/g, '/')
    .replace(/(?:\/[^/]*[*?[][^/]*)+$/, '')
    .replace(/\/+$/, '');
  return p === '' ? '/' : p;
}

/** A removed path as its word gives it: the value, or for \`"$HOME"/.npm\` the text without its quotes. */
function wordPath(word: ShellWord): string {
  return word.value ?? word.raw.replace(/["']/g, '');
}

/** The cache a removed path lies in, for a RUN whose HOME is \`home\` (cacheKindIn). */
function cacheIn(word: ShellWord, home: string | null): CacheKind | null {
  return cacheKindIn(wordPath(word), home);
}

/** One path lies in the other (or they are the same). */
function related(a: string, b: string): boolean {
  const inside = (x: string, y: string) => x === y || y === '/' || x.startsWith(`${y}/`);
  return inside(a, b) || inside(b, a);
}

/** A cache or tmpfs mount of `inst` on any of `dirs`. BuildKit reads no \`~\` in a mount's target. */
function mountOn(inst: Instruction, dirs: readonly string[]): Mount | undefined {
  return mountsOf(inst).find((m) => dirs.some((d) => related(normalDir(m.target, null), d)));
}

/** The RUN's cache and tmpfs mounts: both keep what lands in them out of the layer. */
function mountsOf(inst: Instruction): Mount[] {
  return mounts(inst).filter((m) => m.type === 'cache' || m.type === 'tmpfs');
}

function mountRefusal(at: number, mount: Mount, what: string): Finding {
  // The flag as written (\`--mount=type=cache,id=apt-lists,target=…\`), so the reader finds it in the file.
  const flag = `\`--mount=${mount.flag.value}\``;
  return refusal(
    at,
    'cache-mount',
    mount.type === 'tmpfs'
      ? `${flag} keeps ${what} out of the layer: the tmpfs is discarded after the RUN, so there is nothing to clean up`
      : `${flag} keeps ${what} out of the layer; cleaning up there would only empty the build cache`,
  );
}

// ---------------------------------------------------------------------------
// Moving a cleanup-only RUN into the RUN that created the cache

interface CleanupRun {
  readonly commands: readonly SimpleCommand[];
  readonly kinds: ReadonlySet<CacheKind>;
  /** The folders it empties. */
  readonly dirs: readonly string[];
  /** Of those, the ones any program may write to (`/tmp`, `~/.cache`). */
  readonly sharedDirs: readonly string[];
  readonly managers: ReadonlySet<PackageManager>;
  /** A folder it empties in the home of the user it runs as (\`~/.npm\`), when that home is not known, and why. */
  readonly unknownHome: { readonly dir: string; readonly why: string } | null;
}

const SET_FLAGS = /^(?:[-+][a-zA-Z]+|pipefail|errexit|nounset|xtrace)$/;

// Asked of each RUN a cleanup would move above, for every cleanup after it: read once per RUN.
const cleanups = new Memo<RunView, { readonly run: CleanupRun | null }>();

/** The RUN's commands when every one of them is cache cleanup (`set -e…` allowed), else null. */
function cleanupOnly(file: ParsedDockerfile, view: RunView): CleanupRun | null {
  let known = cleanups.get(view);
  if (known === undefined) cleanups.set(view, (known = { run: readCleanupOnly(file, view) }));
  return known.run;
}

/**
 * A cache's folders are read in the home of the user the RUN runs as (homeAt): \`rm -rf ~/.npm\` under \`USER node\`
 * on the node image empties /home/node/.npm, and so does \`rm -rf /home/node/.npm\`; /root/.npm is no cache of that
 * user's. Where that home is not known, its folders stay under \`~\` and unknownHome says why.
 */
function readCleanupOnly(file: ParsedDockerfile, view: RunView): CleanupRun | null {
  // Every command but `set` must be a recognised removal or clean: none is recognised in most RUNs.
  if (!view.body.ok || view.recognised.length === 0) return null;
  const { statements, commands: all } = view.body.parsed;
  const commands: SimpleCommand[] = [];
  const kinds = new Set<CacheKind>();
  const dirs: string[] = [];
  const sharedDirs: string[] = [];
  const managers = new Set<PackageManager>();
  const home = () => homeDir(file, view.inst);
  let sets = 0;
  for (const st of statements) {
    if (st.separator === '&' || st.operators.includes('||')) return null;
    for (const item of st.items) {
      const c = item.command;
      if (item.kind !== 'command' || c === null || item.negated || item.redirected || c.background) return null;
      if (c.name === 'set' && c.assigns.length === 0 && c.args.every((a) => a !== null && SET_FLAGS.test(a))) {
        sets++;
        continue;
      }
      const r = recognise(c);
      const removed = r?.kind === 'remove-files' ? r.paths.map((p) => ({ word: p.word, kind: cacheIn(p.word, home()) })) : [];
      if (removed.length > 0 && removed.every((p) => p.kind !== null)) {
        for (const { word, kind } of removed) {
          const dir = normalDir(wordPath(word), home());
          kinds.add(kind!);
          dirs.push(dir);
          if (KIND_FAMILY[kind!] === null && !sharedDirs.includes(dir)) sharedDirs.push(dir);
        }
      } else if (r?.kind === 'package' && r.action === 'clean') {
        // `apt-get distclean` removes the lists too.
        if (r.manager === 'bun') return null;
        const cleaned = isDistClean(r) ? ['apt-archives', 'apt-lists'] as const : [CLEAN_KIND[r.manager]];
        for (const kind of cleaned) {
          kinds.add(kind);
          dirs.push(...kindDirs(kind, home()));
        }
        managers.add(r.manager);
      } else return null;
      commands.push(c);
    }
  }
  if (commands.length === 0 || all.length !== commands.length + sets) return null;
  const inHome = dirs.find((d) => d.startsWith('~'));
  const known = homeOf(file, view.inst);
  return { commands, kinds, dirs, sharedDirs, managers, unknownHome: inHome === undefined || 'home' in known ? null : { dir: inHome, why: known.unknown } };
}

interface MovePlan {
  readonly finding: Finding & { kind: 'change' | 'refusal' };
  /** The instruction index of the RUN that installs (and would receive the cleanup). */
  readonly target: number;
  /** The package-manager families the cleanup RUN cleans. */
  readonly families: ReadonlySet<Family>;
}

/**
 * Refusals that leave a later RUN doing exactly the cleanup in a context that differs
 * (another shell, folder, environment, flags, or with a comment that must stay):
 * the installing RUN then gets no copy of it.
 */
const KEEPS_LATER_CLEANUP = new Set(['user-between', 'shell-between', 'workdir-between', 'env-between', 'different-flags', 'comment-inside']);

function planMove(file: ParsedDockerfile, stage: Stage, inst: Instruction): MovePlan | null {
  const view = viewOf(file, inst);
  const cleanup = cleanupOnly(file, view);
  if (cleanup === null || !view.body.ok) return null;
  const script = view.body.parsed;
  const families = new Set([...cleanup.kinds].map((k) => KIND_FAMILY[k]).filter((f): f is Family => f !== null));
  if (families.size === 0) return null; // `rm -rf /tmp/*` alone: nothing tells which RUN filled it
  const generic = cleanup.sharedDirs.length > 0;
  const at = inst.span.start;
  let targetIndex = -1;
  const refuse = (code: string, reason: string): MovePlan => ({ finding: refusal(at, code, reason), target: targetIndex, families });

  // The nearest earlier RUN of the stage that installs with one of these package managers.
  const fillers = fillingRuns.of(file, stage);
  let k = countBefore(fillers, (i) => i.index < inst.index) - 1;
  while (k >= 0 && lastFill(viewOf(file, fillers[k]!), families) === undefined) k--;
  const targetInst = fillers[k];
  if (targetInst === undefined) return null;
  targetIndex = targetInst.index;
  const target = viewOf(file, targetInst);
  if (!target.body.ok) return refuse(target.body.code, `the installing RUN ${preview(file, targetInst)} cannot take the cleanup: ${target.body.reason}`);
  const t = target.body;

  const { instructions } = stage;
  const referenced = referencedNames(script.source);
  const end = countBefore(instructions, (i) => i.index < inst.index);
  const next = obstacleFinder(obstacles.of(file, stage), cleanup, referenced, script.source, families, generic);
  for (let j = next(countBefore(instructions, (i) => i.index <= targetInst.index)); j < end; j = next(j + 1)) {
    const why = obstacle(file, instructions[j]!, cleanup, referenced, script.source, families, generic);
    if (why !== null) return refuse(why.code, why.reason);
  }

  const flags = (i: Instruction) => i.flags.map((f) => file.text.slice(f.span.start, f.span.end)).sort().join(' ');
  if (flags(inst) !== flags(target.inst)) {
    const has = (f: string) => (f === '' ? 'no flags' : `\`${f}\``);
    return refuse('different-flags', `this RUN has ${has(flags(inst))} but the installing RUN ${preview(file, target.inst)} has ${has(flags(target.inst))}: moved there, the cleanup would run with other mounts or options`);
  }
  const mount = mountOn(target.inst, cleanup.dirs);
  if (mount !== undefined) {
    return refuse('cache-mount', `the installing RUN has \`--mount=type=${mount.type},target=${mount.target}\`: moved there, the cleanup would empty that mount instead of the layer`);
  }
  if (commentsBetween(file, inst.span.start + 1, inst.span.end).length > 0) {
    return refuse('comment-inside', 'a comment line inside this RUN would be lost when it is merged into the installing RUN');
  }
  // Comments are never lost: an ignore comment above this RUN would stay, and apply to the next instruction.
  const pragma = attachedComments(file, inst).find((c) => isNextLinePragma(c.text));
  if (pragma !== undefined) {
    return refuse('ignore-comment', `the ignore comment above it (\`# ${pragma.text.replace(/^#\s*/, '')}\`) is meant for this RUN: with the RUN gone, it would stay and apply to the next instruction`);
  }
  // Its comments describe the cleanup, which moves: they go with it, above the installing RUN's first line.
  const removal = attachedComments(file, inst).length === 0 ? removalEdit(file, inst) : removeInstructionInto(file, inst, target.inst);
  if (removal === null) return null;
  const removals = Array.isArray(removal) ? removal : [removal];

  // Commands the installing RUN already runs unconditionally after the last command that fills the cache.
  const lastFiller = lastFill(target, families)!.start;
  const present = new Set(t.parsed.commands.filter((c) => c.enclosing.length === 0 && c.start > lastFiller).map((c) => commandText(t.parsed, c)));
  const all = cleanup.commands.map((c) => commandText(script, c));
  const moved = all.filter((c) => !present.has(c));
  const installer = installingCommand(target, families)!;
  if (moved.length === 0) {
    return { finding: change(at, `remove this RUN: the earlier RUN with ${installer} already runs ${all.map((c) => `\`${c}\``).join(' and ')} in its own layer`, removals), target: target.inst.index, families };
  }
  const appended = appendCommands(file, t, moved);
  if (!appended.ok) return refuse(appended.code, `cannot append to the installing RUN ${preview(file, target.inst)}: ${appended.reason}`);
  const edits = mergeAdjacent([...appended.edits, ...removals]);
  return {
    finding: change(at, `move ${moved.map((c) => `\`${c}\``).join(' and ')} into the earlier RUN with ${installer}, in the layer that created the cache, and remove this RUN`, edits),
    target: target.inst.index,
    families,
  };
}

/** The first install/update of one of `families` in the RUN, else the first command that fills their cache, as written (`apt-get install`). */
function installingCommand(view: RunView, families: ReadonlySet<Family>): string | null {
  for (const action of ['install', 'upgrade', 'update'] as const) {
    const r = view.recognised.find((x): x is PackageCommand => x.kind === 'package' && families.has(FAMILY[x.manager]) && x.action === action);
    if (r !== undefined) return `\`${[r.runner?.text ?? basename(r.program.value ?? r.program.raw), ...r.subcommand.map((w) => w.raw)].join(' ')}\``;
  }
  const filler = lastFill(view, families);
  return filler === undefined || view.script === null ? null : `\`${commandText(view.script, filler)}\``;
}

// ---------------------------------------------------------------------------
// What stands between an install and its cleanup

interface Obstacle {
  readonly code: string;
  readonly reason: string;
}

/** Why `prev`, between the install and the cleanup, stops the move; null when it does not. */
function obstacle(
  file: ParsedDockerfile,
  prev: Instruction,
  cleanup: CleanupRun,
  referenced: ReadonlySet<string>,
  source: string,
  families: ReadonlySet<Family>,
  generic: boolean,
): Obstacle | null {
  const between = () => `${preview(file, prev)} comes between the install and this cleanup`;
  switch (prev.keyword) {
    case 'USER':
      return { code: 'user-between', reason: `${between()}: the cleanup runs as the user it sets, and would run as the installing RUN's user once moved` };
    case 'SHELL':
      return { code: 'shell-between', reason: `${between()}: the cleanup runs under the shell it sets, and would run under the installing RUN's shell once moved` };
    case 'WORKDIR':
      if (readsProjectConfig(cleanup)) {
        return { code: 'workdir-between', reason: `${between()}: the cleanup's ${[...cleanup.managers].join('/')} command reads its config from the working directory, which would change` };
      }
      return null;
    case 'ENV':
    case 'ARG': {
      const name = envNames(file, prev).find((n) => envMatters(n, referenced, source, cleanup));
      return name === undefined ? null : { code: 'env-between', reason: `${between()} and sets ${name}, which the cleanup reads` };
    }
    case 'COPY':
    case 'ADD': {
      const dest = copyDestination(file, prev);
      const dir = dest === null ? undefined : cleanup.dirs.find((d) => dest === d || dest.startsWith(`${d}/`));
      if (dir === undefined && cleanup.unknownHome !== null) return homeObstacle(between(), dest === null ? 'may write into' : `writes into ${dest}, which may hold`, cleanup.unknownHome);
      if (dest === null ? !generic : dir === undefined) return null;
      const writes = dest === null ? 'may write into a folder' : dest === dir ? `writes to ${dest}, a folder` : `writes ${dest} in ${dir}, a folder`;
      return { code: 'cache-used-later', reason: `${between()} and ${writes} the cleanup empties` };
    }
    case 'VOLUME': {
      const volume = volumePaths(file, prev).find((v) => cleanup.dirs.some((d) => related(v, d)));
      if (volume === undefined && cleanup.unknownHome !== null) return homeObstacle(between(), `declares ${volumePaths(file, prev).join(', ')}, which may hold`, cleanup.unknownHome);
      if (volume === undefined) return null;
      return { code: 'cache-used-later', reason: `${between()}: changes to ${volume} after it are discarded, so moving the cleanup before it would change the image` };
    }
    case 'RUN': {
      const pv = viewOf(file, prev);
      const why = cleanupOnly(file, pv) === null ? touches(file, pv, cleanup, families, generic) : null;
      if (why === null) return null;
      return { code: 'cache-used-later', reason: `${preview(file, prev)} runs between the install and this cleanup and ${why}, so the cleanup cannot move above it` };
    }
    default:
      return null;
  }
}

/** A COPY, ADD or VOLUME that may write into (or keep) a folder of the user's home, which is not known. */
function homeObstacle(between: string, what: string, home: NonNullable<CleanupRun['unknownHome']>): Obstacle {
  return { code: 'cache-used-later', reason: `${between} and ${what} ${home.dir}, a folder the cleanup empties; ${home.why}` };
}

/** npm, yarn, pnpm and pip read a config file from the working directory. */
function readsProjectConfig(cleanup: CleanupRun): boolean {
  return [...cleanup.managers].some((m) => m === 'npm' || m === 'yarn' || m === 'pnpm' || m === 'pip');
}

/**
 * The instructions of a stage that may stop some cleanup from moving above them,
 * as sorted positions in `stage.instructions`, filed by what they touch. A cleanup
 * asks only the lists that can hold an obstacle for it, so that a long stretch of
 * ENV lines, other cleanups or unrelated RUNs is not walked once per cleanup.
 */
interface Obstacles {
  /** USER, SHELL and VOLUME: rare, asked by every cleanup. */
  readonly always: readonly number[];
  readonly workdirs: readonly number[];
  readonly envByName: ReadonlyMap<string, readonly number[]>;
  /** ENV and ARG setting a name that configures a package manager or a home folder. */
  readonly configEnvs: readonly number[];
  /** COPY and ADD with a literal destination, under that folder and each folder above it. */
  readonly copiesByDir: ReadonlyMap<string, readonly number[]>;
  readonly copiesAnywhere: readonly number[];
  /** Every COPY and ADD: any may write into a home that is not known. */
  readonly copies: readonly number[];
  /** RUNs that are not cleanup only. */
  readonly runs: readonly number[];
  /** Of those, the ones that use a family's tool (cleaning or not) … */
  readonly runsByFamily: ReadonlyMap<Family, readonly number[]>;
  /** … and the ones that cannot be read or run a script. */
  readonly opaqueRuns: readonly number[];
}

const HOME_READ = /~|\$\{?HOME\b/;
const CONFIG_NAME = /^(?:HOME|APT_CONFIG|npm_config_\w*|YARN_\w*|PIP_\w*|PNPM_\w*|XDG_\w*|CONDA_\w*|MAMBA_\w*)$/i;

const obstacles = new PerStage(readObstacles);

function readObstacles(file: ParsedDockerfile, stage: Stage): Obstacles {
  const o = {
    always: [] as number[], workdirs: [] as number[], envByName: new Map<string, number[]>(), configEnvs: [] as number[],
    copiesByDir: new Map<string, number[]>(), copiesAnywhere: [] as number[], copies: [] as number[],
    runs: [] as number[], runsByFamily: new Map<Family, number[]>(), opaqueRuns: [] as number[],
  };
  stage.instructions.forEach((inst, j) => {
    switch (inst.keyword) {
      case 'USER':
      case 'SHELL':
      case 'VOLUME':
        o.always.push(j);
        break;
      case 'WORKDIR':
        o.workdirs.push(j);
        break;
      case 'ENV':
      case 'ARG': {
        const names = envNames(file, inst);
        for (const n of names) addPosition(o.envByName, n, j);
        if (names.some((n) => CONFIG_NAME.test(n))) o.configEnvs.push(j);
        break;
      }
      case 'COPY':
      case 'ADD': {
        const dest = copyDestination(file, inst);
        o.copies.push(j);
        if (dest === null) o.copiesAnywhere.push(j);
        else for (let d = dest; d !== ''; d = d.slice(0, Math.max(d.lastIndexOf('/'), 0))) addPosition(o.copiesByDir, d, j);
        break;
      }
      case 'RUN': {
        const view = viewOf(file, inst);
        if (cleanupOnly(file, view) !== null) break;
        o.runs.push(j);
        if (view.script === null) o.opaqueRuns.push(j);
        else {
          const uses = familiesUsed(file, inst, view.script);
          if (uses.opaque) o.opaqueRuns.push(j);
          for (const f of uses.families) addPosition(o.runsByFamily, f, j);
        }
        break;
      }
      default:
        break;
    }
  });
  return o;
}

/** The families a script's commands use, and whether it runs a script we cannot see into: what `scriptTouches` can object to. */
function familiesUsed(file: ParsedDockerfile, inst: Instruction, script: ShellScript): { families: Set<Family>; opaque: boolean } {
  const uses = { families: new Set<Family>(), opaque: false };
  for (const [, c] of deepCommands(script)) {
    const family = familyOf(c, recognise(c));
    if (family !== null) uses.families.add(family);
    if (runsScript(c) || copiedProgram(file, inst, c)) uses.opaque = true;
  }
  return uses;
}

/**
 * A program run by its path that a COPY or ADD before `inst` put there (`COPY install-redis
 * /tmp/` then `RUN /tmp/install-redis`): the project's own, which may use any package manager.
 */
function copiedProgram(file: ParsedDockerfile, inst: Instruction, c: SimpleCommand): boolean {
  const word = c.words[0]?.value;
  if (word == null || !word.includes('/')) return false;
  const path = absolutePath(file, inst, word);
  return path !== null && originOf(file, inst, path, null) !== null;
}

/**
 * For one cleanup, a function from a position to the first position at or after
 * it that may hold an obstacle (Infinity when none does). Every instruction that
 * `obstacle` can object to for this cleanup is among them; some that it then
 * lets pass may be too.
 */
function obstacleFinder(
  o: Obstacles,
  cleanup: CleanupRun,
  referenced: ReadonlySet<string>,
  source: string,
  families: ReadonlySet<Family>,
  generic: boolean,
): (from: number) => number {
  const lists: (readonly number[])[] = [o.always];
  if (readsProjectConfig(cleanup)) lists.push(o.workdirs);
  for (const name of referenced) lists.push(o.envByName.get(name) ?? []);
  if (cleanup.managers.size > 0 || HOME_READ.test(source)) lists.push(o.configEnvs);
  if (generic) lists.push(o.copiesAnywhere);
  if (cleanup.unknownHome !== null) lists.push(o.copies);
  for (const d of cleanup.dirs) lists.push(o.copiesByDir.get(d) ?? []);
  if (generic) lists.push(o.runs);
  else {
    lists.push(o.opaqueRuns);
    for (const f of families) lists.push(o.runsByFamily.get(f) ?? []);
  }
  return nextInAny(lists);
}

/** Why a RUN between the install and the cleanup stops the move, or null when it does not. */
function touches(file: ParsedDockerfile, view: RunView, cleanup: CleanupRun, families: ReadonlySet<Family>, generic: boolean): string | null {
  if (view.script === null) return `cannot be read as shell${view.body.ok ? '' : ` (${view.body.reason})`}`;
  if (generic) return `may write to ${cleanup.sharedDirs.join(', ')}, which this cleanup empties`;
  return scriptTouches(file, view.inst, view.script, families);
}

function scriptTouches(file: ParsedDockerfile, inst: Instruction, script: ShellScript, families: ReadonlySet<Family>): string | null {
  for (const [s, c] of deepCommands(script)) {
    const r = recognise(c);
    const family = familyOf(c, r);
    if (family !== null && families.has(family)) {
      const neutral = r?.kind === 'package' && (r.action === 'clean' || (family === 'apt' && r.action === 'remove'));
      if (!neutral) return `uses ${family === 'rpm' ? 'yum/dnf' : family}'s cache (\`${commandText(s, c)}\`), which this cleanup removes`;
    }
    if (runsScript(c) || copiedProgram(file, inst, c)) return `runs a script (\`${commandText(s, c)}\`) that may use the package manager`;
  }
  return null;
}

/** The script's commands with the script each belongs to, those of a `sh -c '…'` before the command that runs them. */
function* deepCommands(script: ShellScript): Generator<[ShellScript, SimpleCommand]> {
  for (const c of script.commands) {
    const inner = innerScript(c);
    if (inner !== null) yield* deepCommands(inner);
    yield [script, c];
  }
}

/**
 * The configure step of a source tree, which checks for and builds with what is installed and installs
 * nothing itself: autoconf's \`configure\` and \`autogen.sh\`, OpenSSL's \`config\` and \`Configure\`, ICU's
 * \`runConfigureICU\`, and Boost's build engine (\`b2\`, \`bjam\`).
 */
const CONFIGURE_SCRIPTS = /^(?:configure|Configure|config|autogen\.sh|runConfigureICU|b2|bjam)$/;

/** `./setup.sh`, `/usr/local/bin/install-deps.sh`, `bash build.sh`, `curl … | sh`: scripts we cannot see into (not `./configure`, `sh ./config`). */
function runsScript(c: SimpleCommand): boolean {
  const name = programName(c);
  if (name === null || CONFIGURE_SCRIPTS.test(name)) return false;
  if (/\.(?:sh|bash)$/.test(name) || c.words[0]?.value?.startsWith('./') === true) return true;
  // A shell running a file, a `-c` string not read, or what is piped or redirected into it (`curl … | sh -s -- x`).
  const argv = shellArgv(c);
  if (argv === null || innerScript(c) !== null) return false;
  const operand = shellOperand(argv);
  const file = operand.at === null ? null : argv[operand.at];
  if (file != null && CONFIGURE_SCRIPTS.test(basename(file))) return false;
  return !operand.stdin || (c.enclosing.includes('pipeline') && !c.pipedOut) || c.redirects.some((r) => /^\d*<(?!&)/.test(r.op));
}


/** A shell's argv from the shell on (`sudo bash -c …` is `bash -c …`), or null for a command that runs no shell. */
function shellArgv(c: SimpleCommand): (string | null)[] | null {
  const program = invokedProgram(c);
  return program !== null && SHELL_PROGRAMS.has(program.name) ? [program.path, ...program.args.map((w) => w.value)] : null;
}

// Read once per instruction: a cleanup asks it of every ENV between it and the install.
const namesSet = new Memo<Instruction, readonly string[]>();

/** Names an ENV or ARG instruction sets. */
function envNames(file: ParsedDockerfile, inst: Instruction): readonly string[] {
  let names = namesSet.get(inst);
  if (names === undefined) namesSet.set(inst, (names = readEnvNames(file, inst)));
  return names;
}

function readEnvNames(file: ParsedDockerfile, inst: Instruction): string[] {
  if (inst.argsSpan === null) return [];
  const text = logicalText(file.text, inst.argsSpan.start, inst.argsSpan.end, file.escape).text.trim();
  const names = [...text.matchAll(/(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)=/g)].map((m) => m[1]!);
  if (inst.keyword === 'ARG') names.push(...[...text.matchAll(/(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)(?=\s|$)/g)].map((m) => m[1]!));
  else if (names.length === 0) names.push(/^[A-Za-z_][A-Za-z0-9_]*/.exec(text)?.[0] ?? '');
  return names.filter((n) => n !== '');
}

/**
 * A variable the cleanup refers to (`referenced`: the names after a `$` or `${` in
 * its script), or one that configures a program it runs.
 */
function envMatters(name: string, referenced: ReadonlySet<string>, script: string, cleanup: CleanupRun): boolean {
  if (referenced.has(name)) return true;
  if (name === 'HOME') return HOME_READ.test(script) || cleanup.managers.size > 0;
  const config: Partial<Record<PackageManager, RegExp>> = {
    apt: /^APT_CONFIG$/, npm: /^npm_config_/i, yarn: /^YARN_/, pip: /^PIP_/, pnpm: /^(?:npm_config_|PNPM_)/i,
    conda: /^(?:CONDA_|MAMBA_)/, mamba: /^(?:CONDA_|MAMBA_)/, micromamba: /^(?:CONDA_|MAMBA_)/,
  };
  return [...cleanup.managers].some((m) => config[m]?.test(name) ?? false) || (/^XDG_/.test(name) && cleanup.managers.size > 0);
}

/** The destination of a COPY/ADD, or null when it is not a literal. */
function copyDestination(file: ParsedDockerfile, inst: Instruction): string | null {
  const words = copyWords(file, inst);
  const dest = words.length < 2 ? undefined : words.at(-1);
  if (dest === undefined || dest.includes('$')) return null;
  return dest.startsWith('/') ? normalDir(dest, null) : null;
}

/** The folders a VOLUME names (Docker reads no \`~\` in them). */
function volumePaths(file: ParsedDockerfile, inst: Instruction): string[] {
  const paths = inst.execArgs ?? (inst.argsSpan === null ? [] : logicalText(file.text, inst.argsSpan.start, inst.argsSpan.end, file.escape).text.trim().split(/\s+/));
  return paths.map((p) => normalDir(p, null));
}

/**
 * Deletes an instruction with its line ending. When blank lines surround it,
 * one of them goes too, so the file does not gain a double gap. The last
 * instruction takes the blank lines before it instead, so that what follows
 * the new last instruction is what followed the old one.
 */
function removalEdit(file: ParsedDockerfile, inst: Instruction): Edit | null {
  const { lines, text } = file;
  const lineStart = lines.startOf(inst.line);
  const lineEnd = lines.endOf(inst.endLine);
  if (text.slice(lineStart, inst.span.start).trim() !== '' || text.slice(inst.span.end, lineEnd).trim() !== '') return null;
  const previous = file.instructions[inst.index - 1];
  if (previous === undefined) return null;
  const last = inst.index === file.instructions.length - 1;
  const commentBefore = commentsBetween(file, previous.span.end, inst.span.start).length > 0;
  if (last && !commentBefore) return { start: previous.span.end, end: inst.span.end, text: '' };
  if (inst.endLine >= lines.lineCount) {
    // The last line, with no line ending: take the line ending before it instead.
    return { start: lines.endOf(inst.line - 1), end: text.length, text: '' };
  }
  let end = lines.startOf(inst.endLine + 1);
  const blank = (line: number) => line >= 1 && line < lines.lineCount && text.slice(lines.startOf(line), lines.endOf(line)).trim() === '';
  if (blank(inst.line - 1) && blank(inst.endLine + 1)) end = lines.startOf(inst.endLine + 2);
  return { start: lineStart, end, text: '' };
}

/** An insertion where a deletion starts becomes one replacement (the engine rejects touching edits of one change). */
function mergeAdjacent(edits: readonly Edit[]): Edit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Edit[] = [];
  for (const e of sorted) {
    const last = out.at(-1);
    if (last !== undefined && last.end === e.start) out[out.length - 1] = { start: last.start, end: e.end, text: last.text + e.text };
    else out.push(e);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Appending the missing cleanup to an installing RUN

interface AppendPlan {
  readonly commands: readonly string[];
  readonly message: string;
  /**
   * Where they go when not at the end of the RUN: right after the script offset `inside`, the end of the
   * last command of the subshell \`( … )\` whose folder they need (see subshellEnd).
   */
  readonly inside?: number;
  /** Text outside the RUN the commands were chosen by (the FROM whose image decides what yum is). */
  readonly dependsOn?: readonly { readonly start: number; readonly end: number }[];
}

type Plan = AppendPlan | Finding;

/**
 * Where npm's cleanup can run when the RUN removed the folder it ends in: the folder above, when the RUN made the
 * removed one itself (\`mkdir -p /tmp/fix && cd /tmp/fix && npm install x && … && rm -rf /tmp/fix\`) and writes no
 * .npmrc. npm reads its configuration, and with it where its cache is, from the folders up from where it runs, and
 * the removed one held none: from the one above it finds what the install found. Null otherwise.
 */
function npmCleanAbove(file: ParsedDockerfile, inst: Instruction, script: ShellScript, plan: AppendPlan, gone: SimpleCommand): string | null {
  if (!plan.commands.every((c) => ABSOLUTE_RM.test(c) || NPM_CLEAN.test(c)) || script.source.includes('.npmrc')) return null;
  const made = madeFolderRemoved(file, inst, script, gone);
  return made === null || !/^\/[\w./-]*$/.test(made) ? null : posix.dirname(made);
}

/** npm's cleanup, as its user runs it (\`sudo -u node npm cache clean --force\`). */
const NPM_CLEAN = /(?:^|\s)npm cache clean --force$/;

/** The hadolint rule behind each family's cleanup: ignoring it for the file leaves that cleanup out. */
const RULE_OF: Partial<Record<Family, string>> = { apt: 'DL3009', rpm: 'DL3032', zypper: 'DL3036', yarn: 'DL3060' };

function planAppends(
  file: ParsedDockerfile,
  stage: Stage,
  inst: Instruction,
  cleanedLater: ReadonlySet<Family>,
  ignoredRules: ReadonlySet<string>,
  ctx: BuildContext | null,
): Finding[] {
  const view = viewOf(file, inst);
  if (view.script === null) return [];
  const at = inst.span.start;
  // A family whose rule the file ignores counts as cleaned elsewhere.
  const skipped = new Set<Family>([...cleanedLater, ...(Object.keys(RULE_OF) as Family[]).filter((f) => ignoredRules.has(RULE_OF[f]!))]);
  const plans = appendPlans(file, stage, view, skipped, ctx);
  const findings: Finding[] = [];
  const body = view.body;
  if (!body.ok) {
    const appends = plans.filter((p): p is AppendPlan => !('kind' in p)).flatMap((p) => p.commands);
    if (appends.length > 0) findings.push(refusal(at, body.code, `${body.reason}, so \`${appends.join(' && ')}\` cannot be appended to it`));
    return [...findings, ...plans.filter((p): p is Finding => 'kind' in p)];
  }
  const appends: AppendPlan[] = [];
  for (const plan of plans) {
    if ('kind' in plan) findings.push(plan);
    else appends.push(plan);
  }
  if (appends.length === 0) {
    // An install in the command string of \`sh -c '…'\` is not planned for: say so, as install-flags does.
    if (findings.length === 0) {
      for (const c of view.script.commands) {
        const inner = innerScript(c);
        if (inner === null) continue;
        // What the string would get, were its commands the RUN's own.
        const wanted = appendPlans(file, stage, scriptView(inst, body, inner), skipped, ctx).filter((p): p is AppendPlan => !('kind' in p));
        if (wanted.length === 0) continue;
        findings.push(refusal(at, 'shell-string', `the install runs in the quoted command string of \`${invokedProgram(c)?.name ?? programName(c) ?? 'sh'}\`, which is not rewritten; not adding \`${wanted.flatMap((p) => p.commands).join(' && ')}\``));
        break;
      }
    }
    return findings;
  }
  const warming = attachedComments(file, inst).find((c) => FILLS_CACHE.test(c.text) && !CLEANS_CACHE.test(c.text));
  if (warming !== undefined) {
    const all = appends.flatMap((p) => p.commands);
    findings.push(refusal(at, 'warms-cache', `the comment above this RUN (\`# ${warming.text.replace(/^#\s*/, '').trim()}\`) says it fills a cache for later use, which \`${all.join(' && ')}\` at its end would empty`));
    return findings;
  }
  const unreached = endsEarly(view.script);
  if (unreached !== null) {
    const all = appends.flatMap((p) => p.commands);
    findings.push(refusal(at, 'ends-early', `\`${commandText(unreached.script, unreached.command)}\` ends the RUN before \`${all.join(' && ')}\` at its end would run`));
    return findings;
  }
  // A cleanup whose program the RUN removes first is left out; the others are still appended.
  const usable: AppendPlan[] = [];
  for (const plan of appends) {
    const removed = removedProgram(view.recognised, view.fills, plan, view.script.commands);
    const before = removed === null || plan.inside !== undefined || plan.commands.length !== 1 ? null : rightAfter(view.script, removed.program, removed.removal.command);
    if (removed === null) usable.push(plan);
    else if (before !== null) {
      const removal = commandText(view.script, removed.removal.command);
      usable.push({ ...plan, inside: before, message: `${plan.message}, right after the last ${removed.program} command, as \`${removal}\` after it may remove ${removed.program}` });
    } else findings.push(refusal(at, 'program-removed', `\`${commandText(view.script, removed.removal.command)}\` runs after the last ${removed.program} command and may remove ${removed.program}: \`${removed.cleanup}\` at the end of the RUN would fail`));
  }
  // A cleanup that runs its package manager needs the install's PATH, variables and folder: not
  // where the install ran in a subshell. An rm of absolute paths means the same anywhere. Where every
  // such install runs in one top-level subshell (as collapse-run keeps a RUN that changes directory apart
  // from the RUNs it merges after it), the cleanup goes at the end of that subshell, in the shell the RUN alone ended in.
  const isolated = new Set(view.fills.filter((f) => f.command.enclosing.includes('subshell')).map((f) => programName(f.command)));
  const placed: AppendPlan[] = [];
  for (const plan of usable) {
    const apart = plan.commands.find((c) => !ABSOLUTE_RM.test(c) && isolated.has(cleanupProgram(c)));
    if (apart === undefined) {
      placed.push(plan);
      continue;
    }
    const installs = view.fills.filter((f) => programName(f.command) === cleanupProgram(apart)).map((f) => f.command);
    const end = plan.inside === undefined ? subshellEnd(view.script, installs) : null;
    if (end !== null) {
      placed.push({ ...plan, inside: end });
      continue;
    }
    const install = installs.find((c) => c.enclosing.includes('subshell'))!;
    findings.push(refusal(at, 'isolated-install', `\`${commandText(view.script, install)}\` runs in a subshell \`( … )\`: \`${apart}\` at the end of the RUN would not share its PATH, variables or working folder`));
  }
  // A cleanup that runs a program does so in the folder the RUN (or its subshell) ends in: one the RUN removed
  // stops node, Python and the rest at start (they read their working folder), and the build with them.
  const kept: AppendPlan[] = [];
  for (const plan of placed) {
    const run = plan.commands.find((c) => !ABSOLUTE_RM.test(c));
    const subshell = plan.inside === undefined ? undefined : subshellAt(view.script, plan.inside);
    const gone = run === undefined ? null : removedFolder(file, view.inst, view.script, 'end', subshell);
    // Placed amid the RUN's top-level commands (rightAfter), a \`cd\` would move the commands after it too.
    const amid = plan.inside !== undefined && subshell === undefined;
    const above = gone === null || subshell !== undefined || amid ? null : npmCleanAbove(file, view.inst, view.script, plan, gone);
    if (gone === null) kept.push(plan);
    else if (above !== null) kept.push({ ...plan, commands: [`cd ${above}`, ...plan.commands], message: `${plan.message}, from ${above}, as the RUN removes the folder it ends in` });
    else findings.push(refusal(at, 'folder-removed', `\`${commandText(view.script, gone)}\` removes the folder the ${subshell === undefined ? 'RUN' : 'subshell'} is in: \`${run}\` at the end of ${subshell === undefined ? 'the RUN' : 'it'} would fail to start there`));
  }
  if (kept.length === 0) return findings;
  // One change appends them all: each goes at the end of the body, where a second change
  // would have to wait for the next pass (a RUN that extracts ten downloads would take ten).
  const commands = kept.filter((p) => p.inside === undefined).flatMap((p) => p.commands);
  const edits: Edit[] = [];
  if (commands.length > 0) {
    const appended = appendCommands(file, body, commands);
    if (!appended.ok) return [...findings, refusal(at, appended.code, `cannot append \`${commands.join(' && ')}\`: ${appended.reason}`)];
    edits.push(...appended.edits);
  }
  for (const plan of kept) {
    if (plan.inside === undefined) continue;
    const inserted = replaceRange(file, body, plan.inside, plan.inside, ` && ${plan.commands.join(' && ')}`);
    if (!inserted.ok) return [...findings, refusal(at, inserted.code, `cannot add \`${plan.commands.join(' && ')}\` at the end of the subshell: ${inserted.reason}`)];
    edits.unshift(...inserted.edits);
  }
  const made = change(at, [...new Set(kept.map((p) => p.message))].join('; '), edits);
  const dependsOn = kept.flatMap((p) => p.dependsOn ?? []);
  findings.push(dependsOn.length === 0 ? made : dependingOn(made, dependsOn));
  return findings;
}

/**
 * A comment that says its RUN fills a cache for later use: a verb of filling (warm, prime, populate, fill, seed,
 * with or without \`pre\`) and then \`cache\` (\`# Warm global yarn cache\`), or \`cache warm-up\`, \`cache priming\`.
 */
const FILLS_CACHE =
  /\b(?:(?:pre-?)?warm(?:s|ed|ing)?(?:[- ]?up)?|prim(?:e|es|ed|ing)|(?:pre-?)?populat(?:e|es|ed|ing)|(?:pre-?)?fill(?:s|ed|ing)?|(?:pre-?)?seed(?:s|ed|ing)?)\b[^.;]{0,60}?\bcaches?\b|\bcaches?\s+(?:warm(?:ing|-?up)|priming|seeding)\b/i;

/** A comment that also says the cache is emptied: it does not ask to keep it. */
const CLEANS_CACHE = /\b(?:clean|clear|remov|purg|delet|empt|wip)/i;

/** `rm` of absolute paths only: it means the same wherever in the RUN it runs. */
const ABSOLUTE_RM = /^(?:\S+ )*rm -(?:rf|fr|f) \/\S*(?: \/\S*)*$/;

/** Packages that hold (or that npm and yarn need to run) node, npm or yarn: `nodejs-current`, `npm`, `yarn=1.22.19-1`. */
const NODE_PACKAGE = /^(?:node|nodejs|npm|yarn|yarnpkg)(?:$|[-@=:<>~\d])/;

/** The files each cleanup program runs from: its command, node, or its package in a global node_modules. */
const PROGRAM_FILES: Readonly<Record<'npm' | 'yarn', RegExp>> = {
  npm: /(?:^|\/)(?:bin\/(?:npm|node|nodejs)|node_modules\/npm)(?:\/|$)/,
  yarn: /(?:^|\/)(?:bin\/(?:yarn|yarnpkg|node|nodejs)|node_modules\/yarn)(?:\/|$)/,
};

const SYSTEM_MANAGERS: ReadonlySet<string> = new Set(['apt', 'apk', 'yum', 'dnf', 'microdnf', 'zypper']);

/**
 * A command after the last one of an npm or yarn cleanup's family that may take away the program
 * the cleanup runs: a system package removal naming a node package, an apk virtual group this RUN
 * installed with one in it, or a package only known at build time (`apt-get purge npm`, `apk del .build-deps`);
 * `npm uninstall -g npm`; an `rm` of the program's files (`rm -rf /usr/local/lib/node_modules/npm`).
 */
function removedProgram(
  recognised: readonly RecognisedCommand[],
  fills: readonly Fill[],
  plan: AppendPlan,
  commands: readonly SimpleCommand[],
): { readonly removal: RecognisedCommand; readonly program: 'npm' | 'yarn'; readonly cleanup: string } | null {
  const nodeish = (w: ShellWord) => w.value === null || NODE_PACKAGE.test(w.value);
  // apk virtual groups this RUN installed with a node package in them (`.build-deps` of compilers does not hold npm).
  const groups = new Set(
    recognised
      .flatMap((r) => (r.kind === 'package' && r.manager === 'apk' && r.action === 'install' && r.operands.some(nodeish) ? [r.optionValue('--virtual', '-t')] : []))
      .filter((v): v is string => typeof v === 'string'),
  );
  for (const cleanup of plan.commands) {
    const program = cleanupProgram(cleanup);
    if (program !== 'npm' && program !== 'yarn') continue;
    const last = fills.filter((f) => f.kinds.includes(program)).at(-1);
    if (last === undefined) continue;
    const takes = (r: RecognisedCommand): boolean => {
      if (r.kind === 'remove-files') return r.paths.some((p) => p.word.value !== null && PROGRAM_FILES[program].test(p.word.value) && !putBack(commands, r.command, p.word.value));
      if (r.kind !== 'package' || r.action !== 'remove') return false;
      if (SYSTEM_MANAGERS.has(r.manager)) return r.operands.some((w) => nodeish(w) || groups.has(w.value!));
      return (r.manager === 'npm' || r.manager === 'yarn' || r.manager === 'pnpm') && r.operands.some((w) => w.value === program || (program === 'yarn' && w.value === 'yarnpkg'));
    };
    const removal = recognised.find((r) => r.command.start > last.command.start && takes(r));
    if (removal !== undefined) return { removal, program, cleanup };
  }
  return null;
}

/** The programs that use a cleanup's package manager's cache: npx downloads into npm's. */
const CACHE_USERS: Readonly<Record<'npm' | 'yarn', readonly string[]>> = { npm: ['npm', 'npx'], yarn: ['yarn', 'yarnpkg'] };

/**
 * Where a cleanup goes so that it runs before \`removal\` takes its program away (odoo's \`npm install -g rtlcss &&
 * apt-get purge --autoremove -y npm\`): right after the last command before it that runs the program at all (\`npm
 * run build\` and \`npm rebuild\` too, which fill no cache of their own but may use it), when that command is one of
 * the RUN's top-level commands, not in a pipeline nor in the background, in an \`&&\` list that is the RUN's last
 * statement, with \`&&\` after it: a failing cleanup then ends the RUN with a failure, as one at its end does, and no
 * \`||\` or later statement runs on past it. And only where every command between it and the removal, and in the
 * removal's own words (\`$(npx …)\`), is one that runs no other program (RUN_NOTHING_ELSE): npm run by a script,
 * \`make\`, \`sh -c\`, awk or a package's maintainer scripts may need the cache (\`npm ci --offline\`) or fill it
 * again. Null elsewhere.
 */
function rightAfter(script: ShellScript, program: 'npm' | 'yarn', removal: SimpleCommand): number | null {
  const last = script.commands.filter((c) => c.start < removal.start && CACHE_USERS[program].includes(invokedProgram(c)?.name ?? '')).at(-1);
  const statement = script.statements.at(-1)!;
  if (last === undefined || last.enclosing.length > 0 || last.background || last.pipedOut) return null;
  const between = script.commands.filter((c) => c.start > last.end && c.start < removal.end && c !== removal);
  if (!between.every((c) => RUN_NOTHING_ELSE.has(c.name ?? ''))) return null;
  if (last.start < statement.start || statement.operators.some((op) => op !== '&&')) return null;
  return /^[ \t]*&&/.test(script.source.slice(last.end)) ? last.end : null;
}

/**
 * A \`cp\` or \`mv\` of the RUN's own list after \`removal\` that puts a file or folder back at \`removed\` (an absolute
 * path): hoppscotch's \`rm -rf /usr/lib/node_modules/npm/node_modules/undici && cp -r node_modules/undici
 * /usr/lib/node_modules/npm/node_modules/\`, which replaces a part of npm with a patched one and leaves npm whole.
 */
function putBack(commands: readonly SimpleCommand[], removal: SimpleCommand, removed: string): boolean {
  const target = posix.normalize(removed).replace(/(.)\/$/, '$1');
  return commands.some((c) => {
    if (c.start <= removal.start || c.enclosing.length > 0 || (c.name !== 'cp' && c.name !== 'mv')) return false;
    const operands = c.words.slice(1).filter((w) => w.value === null || !w.value.startsWith('-'));
    const dest = operands.at(-1)?.value;
    const sources = operands.slice(0, -1);
    if (dest == null || !dest.startsWith('/') || sources.length === 0) return false;
    if (posix.normalize(dest).replace(/(.)\/$/, '$1') === target) return true;
    return dest.endsWith('/') && sources.some((w) => w.value !== null && !w.value.includes('*') && posix.join(dest, posix.basename(w.value)) === target);
  });
}

/** The program a cleanup command runs, read as an install's is (programName), so the two compare. */
function cleanupProgram(command: string): string | null {
  const parsed = parseScript(command);
  return parsed.ok && parsed.commands[0] !== undefined ? programName(parsed.commands[0]) : null;
}

function appendPlans(file: ParsedDockerfile, stage: Stage, view: RunView, cleanedLater: ReadonlySet<Family>, ctx: BuildContext | null): Plan[] {
  const script = view.script!;
  const inst = view.inst;
  const at = inst.span.start;
  const rec = view.recognised;
  const packages = rec.filter((r): r is PackageCommand => r.kind === 'package');
  // Every plan but the archives' starts from a package command: most RUNs have none.
  if (packages.length === 0) return [...poetryPlans(file, stage, view), ...composerPlans(file, stage, view, ctx), ...pipenvPlans(file, view), ...bundlerPlans(file, stage, view, ctx), ...cargoPlans(file, stage, view, ctx), ...archivePlans(file, view)];
  // Already cleaned: a clean command, an rm of the cache or any mention of its folder after the last command that fills it.
  // `rm -rf /var/lib/apt` removes the lists too: a folder that holds the cache's folder counts.
  const home = homeDir(file, inst);
  const holds = (path: string, kinds: readonly CacheKind[]) => kinds.some((k) => kindDirs(k, home).some((d) => d.startsWith(`${normalDir(path, home)}/`)));
  // Under bash \`rm -rf /var/lib/{apt,cache}\` removes both folders; sh keeps the word as written, a folder that is not there.
  const shell = view.body.ok ? (view.body.shell.argv[0] ?? '') : '';
  const expands = BRACE_SHELLS.test(shell);
  const inBraces = (path: string, kinds: readonly CacheKind[]) => {
    const alternatives = braceAlternatives(path);
    return alternatives.length > 1 && alternatives.some((a) => holds(a, kinds) || kinds.some((k) => kindDirs(k, home).includes(normalDir(a, home))));
  };
  const removes = (kinds: readonly CacheKind[]) => (r: RecognisedCommand) =>
    r.kind === 'remove-files' &&
    r.paths.some((p) => kinds.includes(cacheIn(p.word, home) as CacheKind) || (r.recursive && p.word.value !== null && (holds(p.word.value, kinds) || (expands && inBraces(p.word.value, kinds)))));
  // What a reviewer reads as the lists removed already, which sh does not expand: said with the change.
  const literalBraces = expands ? undefined : rec.find((r): r is RemoveFiles => r.kind === 'remove-files' && r.recursive && r.paths.some((p) => p.word.value !== null && inBraces(p.word.value, ['apt-lists'])));
  const bracesNote = literalBraces === undefined ? '' : ` (\`${commandText(script, literalBraces.command)}\` removes no folder: ${shell.split('/').at(-1)} does not expand braces, only bash and other shells do)`;
  const cleans = (family: Family) => (r: RecognisedCommand) => r.kind === 'package' && FAMILY[r.manager] === family && r.action === 'clean';
  // A cleanup in an \`if\`, \`case\` or loop covers only the fills of its own branch: one that an \`elif\`, \`else\`, \`;;\`
  // or the construct's end separates from it (\`if [ "$GPU" = a ]; then apt-get update && apt-get install …; elif …; then
  // apt-get update && … && rm -rf /var/lib/apt/lists/*; fi\`) still leaves its cache in the layer. So every fill of the
  // cache needs a cleanup after it, outside any such construct or in its own branch; the last one as before.
  const covers = (cleanup: SimpleCommand, fill: SimpleCommand): boolean => coversFill(script, cleanup, fill);
  const cleanedAfter = (last: SimpleCommand, mention: RegExp, ...cleanups: ((r: RecognisedCommand) => boolean)[]): boolean => {
    const found = rec.filter((r) => cleanups.some((c) => c(r))).map((r) => r.command);
    const re = new RegExp(mention.source, 'g');
    for (let m = re.exec(script.source); m !== null; m = re.exec(script.source)) {
      const at = m.index;
      found.push(script.commands.find((c) => c.start <= at && at < c.end) ?? { ...last, start: at, enclosing: [] });
    }
    const kinds = view.fills.find((f) => f.command === last)?.kinds ?? [];
    const fills = view.fills.filter((f) => f.command.start <= last.start && f.kinds.some((k) => kinds.includes(k))).map((f) => f.command);
    if (fills.every((fill) => found.some((c) => covers(c, fill)))) return true;
    return scriptCleans(file, inst, ctx, script, last, mention, cleanups);
  };
  const fillers = (family: Family) => lastFill(view, new Set([family]));
  // debian-base's clean-install or minideb's install_packages after the last fill removes the lists itself.
  const listsCleanedByHelper = (last: SimpleCommand) => script.commands.some((c) => c.start > last.start && APT_LIST_CLEANING_HELPERS.has(programName(c) ?? ''));
  const plans: Plan[] = [];

  // apt: the lists that `apt-get update` (or `add-apt-repository`) downloaded.
  const aptInstall = packages.find((p) => p.manager === 'apt' && p.action === 'install');
  const listsFilled = lastFill(view, new Set(['apt']), ['apt-lists']);
  // A RUN that only updates (\`RUN apt-get update\` on its own) fills the lists for nothing when no later step reads them.
  // Only with apt commands that read no lists after it (an upgrade does before, a clean or remove not at all).
  const apt = packages.filter((p) => p.manager === 'apt');
  const onlyUpdates = apt.every((p) => p.action === 'update' || p.action === 'upgrade' || p.action === 'clean' || p.action === 'remove');
  const aptUpdate = aptInstall === undefined && onlyUpdates ? apt.find((p) => p.action === 'update') : undefined;
  if (!cleanedLater.has('apt') && aptUpdate !== undefined && listsFilled !== undefined && !listsCleanedByHelper(listsFilled) && !cleanedAfter(listsFilled, /\/var\/lib\/apt\/lists/, removes(['apt-lists']), isDistClean)) {
    const unused = mountOn(inst, ['/var/lib/apt/lists']) === undefined && (listsNeededLater(file, stage, inst, ctx) ?? listsNeededAtStart(file, stage, ctx)) === null;
    if (unused) plans.push({ commands: [asInvoked(aptUpdate, 'rm -rf /var/lib/apt/lists/*')], message: `${named(aptUpdate)}: remove /var/lib/apt/lists/* in the same layer (no later step reads them)${bracesNote}` });
  }
  if (!cleanedLater.has('apt') && aptInstall !== undefined && listsFilled !== undefined && !listsCleanedByHelper(listsFilled) && !cleanedAfter(listsFilled, /\/var\/lib\/apt\/lists/, removes(['apt-lists']), isDistClean)) {
    // An upgrade reads the lists as an install does: `apt-get install x && apt-get update && apt-get upgrade -y` uses the fresh ones.
    const lastRead = packages.filter((p) => p.manager === 'apt' && (p.action === 'install' || p.action === 'upgrade')).at(-1)!;
    // Only a mount on the lists keeps them out: one on /var/cache/apt holds the .deb files alone.
    const mount = mountOn(inst, ['/var/lib/apt/lists']);
    const needed = mount !== undefined ? null
      : listsFilled.start > lastRead.command.start ? `\`${commandText(script, listsFilled)}\` runs after the last install or upgrade, keeping fresh lists for a later step`
      : (listsNeededLater(file, stage, inst, ctx) ?? listsNeededAtStart(file, stage, ctx));
    if (mount !== undefined) plans.push(mountRefusal(at, mount, "apt's lists"));
    else if (needed !== null) plans.push(refusal(at, 'lists-needed-later', needed));
    else plans.push({ commands: [asInvoked(aptInstall, 'rm -rf /var/lib/apt/lists/*')], message: `${named(aptInstall)}: remove /var/lib/apt/lists/* in the same layer${bracesNote}` });
  }

  // yum, dnf, microdnf, zypper: metadata and packages under /var/cache, cleaned after the last command that downloads.
  const rpmInstalls = packages.filter((p) => FAMILY[p.manager] === 'rpm' && (p.action === 'install' || p.action === 'upgrade') && !p.hasFlag('--installroot'));
  const rpm = rpmInstalls.find((p) => p.action === 'install') ?? rpmInstalls[0];
  const rpmFilled = fillers('rpm');
  if (!cleanedLater.has('rpm') && rpm !== undefined && rpmFilled !== undefined && !cleanedAfter(rpmFilled, /\/var\/cache\/(?:yum|dnf)/, cleans('rpm'), removes(['yum', 'dnf']))) {
    // yum is dnf's alias from Fedora 22, RHEL 8 and Amazon Linux 2023 on: on an image the knowledge base knows installs
    // with dnf (or a yum the stage installed with microdnf there), its clean all empties dnf's cache (/var/cache/dnf), and
    // /var/cache/yum holds nothing.
    const dnfImage = rpm.manager === 'yum' && yumIsDnf(file, stage);
    const commands = rpm.manager === 'yum' && !dnfImage ? ['yum clean all', 'rm -rf /var/cache/yum'] : [`${rpm.manager} clean all`];
    // yum is dnf's alias from Fedora 22, RHEL 8 and Amazon Linux 2023 on, so its cache may be /var/cache/dnf.
    const dirs = rpm.manager === 'dnf' ? ['/var/cache/dnf'] : ['/var/cache/yum', '/var/cache/dnf'];
    const mount = mountOn(inst, dirs);
    const reader = mount === undefined ? laterCacheReader(file, inst, 'rpm') : undefined;
    if (mount !== undefined) plans.push(mountRefusal(at, mount, `${rpm.manager}'s cache`));
    else if (reader !== undefined) plans.push(refusal(at, 'cache-used-later', reader));
    else {
      const message = `${named(rpm)}: run ${rpm.manager} clean all${commands.length > 1 ? ' and remove /var/cache/yum' : ''} in the same layer`;
      plans.push({ commands: commands.map((c) => asInvoked(rpm, c)), message, ...(rpm.manager === 'yum' ? { dependsOn: baseImageText(file, stage) } : {}) });
    }
  }
  const zypperInstalls = packages.filter((p) => p.manager === 'zypper' && (p.action === 'install' || p.action === 'upgrade'));
  const zypper = zypperInstalls.find((p) => p.action === 'install') ?? zypperInstalls[0];
  const zypperFilled = fillers('zypper');
  if (!cleanedLater.has('zypper') && zypper !== undefined && zypperFilled !== undefined && !cleanedAfter(zypperFilled, /\/var\/cache\/zypp/, cleans('zypper'), removes(['zypper']))) {
    const mount = mountOn(inst, ['/var/cache/zypp']);
    if (mount !== undefined) plans.push(mountRefusal(at, mount, "zypper's cache"));
    else plans.push({ commands: [asInvoked(zypper, 'zypper clean -a')], message: `${named(zypper)}: run zypper clean -a in the same layer` });
  }

  // conda, mamba and micromamba: the channels' index and every package downloaded, in the pkgs folder of their root.
  const condaInstalls = packages.filter((p) => FAMILY[p.manager] === 'conda' && (p.action === 'install' || p.action === 'upgrade'));
  const condaFilled = fillers('conda');
  if (!cleanedLater.has('conda') && condaInstalls.length > 0 && condaFilled !== undefined && !condaInstalls.some(ownCondaRoot) && !cleanedAfter(condaFilled, /\/pkgs\b/, cleans('conda'), removes(['conda']))) {
    // The last to run is surely there when the RUN ends (`conda install mamba && mamba install …`): its program cleans.
    const conda = condaInstalls.at(-1)!;
    const clean = condaClean(conda);
    const mount = mountsOf(inst).find((m) => CONDA_PKGS_MOUNT.test(m.target) || mountOn(inst, kindDirs('conda', home)) === m);
    const softlinks = mount === undefined ? condaSoftlinks(file, inst, condaInstalls) : null;
    const reader = mount === undefined && softlinks === null ? (laterCacheReader(file, inst, 'conda') ?? laterCopiedCondaReader(file, stage, inst, ctx)) : undefined;
    if (mount !== undefined) plans.push(mountRefusal(at, mount, `${conda.manager}'s package cache`));
    else if (softlinks !== null) plans.push(refusal(at, 'conda-softlinks', `${softlinks} links the environment's files to the package cache instead of copying or hard-linking them: \`${clean}\` would remove files the environment uses`));
    else if (reader !== undefined) plans.push(refusal(at, 'cache-used-later', reader));
    else plans.push({ commands: [asInvoked(conda, clean)], message: `${named(condaInstalls[0]!)}: run ${clean} in the same layer` });
  }

  // npm and yarn: the package caches in the home folder of the user that installed, one cleanup per user.
  const npmInstalls = packages.filter((p) => p.manager === 'npm' && (p.action === 'install' || p.action === 'upgrade'));
  if (!cleanedLater.has('npm') && npmInstalls.length > 0 && !npmInstalls.some((p) => customCache(p, '--cache', /^(?:npm_config_cache|HOME)$/i))) {
    const mount = mountsOf(inst).find((m) => /(?:^|\/)\.npm(?:\/|$)/.test(m.target));
    const reader = mount === undefined ? laterCacheReader(file, inst, 'npm') : undefined;
    if (mount !== undefined) plans.push(mountRefusal(at, mount, "npm's cache"));
    else if (reader !== undefined) plans.push(refusal(at, 'cache-used-later', reader));
    else plans.push(...perUser(file, view, ctx, npmInstalls, 'npm', /\.npm(?![\w.-])/, (npm) => ({ commands: [asRunBy(npm, 'cache clean --force')], message: `${named(npm)}: clean the npm cache in the same layer` })));
  }
  const yarnInstalls = packages.filter((p) => p.manager === 'yarn' && (p.action === 'install' || p.action === 'upgrade'));
  if (!cleanedLater.has('yarn') && yarnInstalls.length > 0 && !yarnInstalls.some((p) => customCache(p, '--cache-folder', /^(?:YARN_CACHE_FOLDER|HOME|XDG_CACHE_HOME)$/))) {
    const mount = mountsOf(inst).find((m) => /(?:^|\/)(?:\.cache\/yarn|\.yarn\/cache|\.yarn-cache|\.yarn\/berry)(?:\/|$)/.test(m.target));
    const cleanups = perUser(file, view, ctx, yarnInstalls, 'yarn', /\.cache\/yarn|\.yarn-cache|yarn-cache/, (yarn) => ({ commands: [asRunBy(yarn, 'cache clean')], message: `${named(yarn)}: clean the yarn cache in the same layer` }));
    const berry = mount === undefined && cleanups.length > 0 ? yarnBerry(file, stage, inst) : null;
    const reader = mount === undefined ? laterCacheReader(file, inst, 'yarn') : undefined;
    if (mount !== undefined) plans.push(mountRefusal(at, mount, "yarn's cache"));
    else if (reader !== undefined) plans.push(refusal(at, 'cache-used-later', reader));
    else if (berry !== null) plans.push(refusal(at, 'yarn-berry', `${berry} points to Yarn 2 or later, whose cache can hold the installed packages themselves (Plug'n'Play): \`yarn cache clean\` could remove what the app needs`));
    else plans.push(...cleanups);
  }
  // Not \`--offline\`: it resolves from what the cache and store hold, and fetches nothing.
  const pnpmInstalls = packages.filter((p) => p.manager === 'pnpm' && (p.action === 'install' || p.action === 'upgrade') && !p.hasFlag('--offline'));
  if (!cleanedLater.has('pnpm') && pnpmInstalls.length > 0) plans.push(...pnpmPlans(file, stage, view, ctx, pnpmInstalls));

  plans.push(...poetryPlans(file, stage, view));
  plans.push(...composerPlans(file, stage, view, ctx));
  plans.push(...pipenvPlans(file, view));
  plans.push(...bundlerPlans(file, stage, view, ctx));
  plans.push(...cargoPlans(file, stage, view, ctx));
  plans.push(...archivePlans(file, view));
  return plans;
}

/**
 * npm and yarn keep their cache in the home of the user that runs them, so each
 * user (`sudo -u node …` or the RUN's own) whose installs are not followed by a
 * cleanup run as that same user, after the last command that fills that user's
 * cache, gets one.
 */
function perUser(file: ParsedDockerfile, view: RunView, ctx: BuildContext | null, installs: readonly PackageCommand[], family: 'npm' | 'yarn', mention: RegExp, plan: (first: PackageCommand) => AppendPlan): AppendPlan[] {
  const script = view.script!;
  const userOf = (c: SimpleCommand) => invokedProgram(c)?.sudo?.text ?? '';
  const plans: AppendPlan[] = [];
  for (const user of new Set(installs.map((p) => p.sudo?.text ?? ''))) {
    const first = installs.find((p) => (p.sudo?.text ?? '') === user)!;
    const last = view.fills.filter((f) => f.kinds.includes(family) && userOf(f.command) === user).at(-1)!.command;
    const cleaned = view.recognised.some((r) => r.command.start > last.start && r.kind === 'package' && r.manager === family && r.action === 'clean' && (r.sudo?.text ?? '') === user);
    const re = new RegExp(mention.source, 'g');
    re.lastIndex = last.end;
    if (cleaned || re.test(script.source)) continue;
    // A script run behind no sudo runs as the user the installs without one ran as.
    const clean = (r: RecognisedCommand) => r.kind === 'package' && r.manager === family && r.action === 'clean' && r.sudo === null;
    if (user !== '' || !scriptCleans(file, view.inst, ctx, script, last, mention, [clean])) plans.push(plan(first));
  }
  return plans;
}

/**
 * Whether a script of the build context that the RUN runs after \`last\` names the cache's folder or runs one of
 * \`cleanups\` (\`/scripts/cleanup.sh\` running \`rm -rf /var/lib/apt/lists/*\`). Also one run by its name from PATH
 * (ml-workspace's \`clean-layer.sh\`, copied to /usr/bin, running \`conda clean --all -f -y\`): were another
 * program of that name found first, a cleanup would only be missed.
 */
function scriptCleans(
  file: ParsedDockerfile,
  inst: Instruction,
  ctx: BuildContext | null,
  script: ShellScript,
  last: SimpleCommand,
  mention: RegExp,
  cleanups: readonly ((r: RecognisedCommand) => boolean)[],
): boolean {
  if (ctx === null) return false;
  return script.commands.some((c) => {
    if (c.start <= last.end) return false;
    const program = runProgramFile(file, inst, ctx, c, { byName: true });
    if (program === null) return false;
    if (mention.test(program.text)) return true;
    const parsed = parseScript(program.text);
    return parsed.ok && recogniseAll(parsed).some((r) => cleanups.some((clean) => clean(r)));
  });
}

/**
 * Installs that read the cache alone (no network): a cleanup before them takes what they read.
 * `--prefer-offline` falls back to the network; pnpm keeps its own store, not npm's cache. Each
 * is tested on one command's text (split at `;`, `&`, `|` and line ends), so no pattern runs
 * across a whole body.
 */
const CACHE_READERS = {
  npm: (command: string) => /(?:^|\s|\/)npm\s/.test(command) && /\s--offline(?=\s|$)/.test(command),
  yarn: (command: string) => /(?:^|\s|\/)yarn\s/.test(command) && /\s--offline(?=\s|$)/.test(command),
  pnpm: (command: string) => /(?:^|\s|\/)pnpm\s/.test(command) && /\s--offline(?=\s|$)/.test(command),
  // An install (not `dnf -C list installed`, which reads the rpm database).
  conda: (command: string) => /(?:^|\s|\/)(?:conda|mamba|micromamba)\s/.test(command) && /\s--offline(?=\s|$)/.test(command),
  rpm: (command: string) =>
    /(?:^|\s|\/)(?:yum|dnf|microdnf)\s/.test(command) && /\s(?:-C|--cacheonly)(?=\s|$)/.test(command) && /\s(?:install|reinstall|upgrade|update|downgrade|groupinstall)(?=\s|$)/.test(command),
} as const satisfies Record<string, (command: string) => boolean>;

type ReaderFamily = keyof typeof CACHE_READERS;

interface CacheReader {
  readonly inst: Instruction;
  readonly families: readonly ReaderFamily[];
}

/** The RUNs of a file that install from a cache, in file order, with the caches they read: found once per file. */
const cacheReaders = new FileMemo<readonly CacheReader[]>();

function readersOf(file: ParsedDockerfile): readonly CacheReader[] {
  let found = cacheReaders.get(file);
  if (found === undefined) {
    const list: CacheReader[] = [];
    for (const inst of file.instructions) {
      if (inst.keyword !== 'RUN' || inst.argsSpan === null) continue;
      const raw = file.text.slice(inst.argsSpan.start, inst.argsSpan.end);
      if (!raw.includes('--offline') && !/\s-C(?:\s|$)|--cacheonly/.test(raw)) continue;
      const commands = logicalText(file.text, inst.argsSpan.start, inst.argsSpan.end, file.escape).text.split(/[;&|\n]/);
      const families = (Object.keys(CACHE_READERS) as ReaderFamily[]).filter((f) => commands.some(CACHE_READERS[f]));
      if (families.length > 0) list.push({ inst, families });
    }
    cacheReaders.set(file, (found = list));
  }
  return found;
}

/** Why a later RUN of the stage (or of a stage built on it) reads the cache this RUN would clean, or undefined. */
function laterCacheReader(file: ParsedDockerfile, inst: Instruction, family: ReaderFamily): string | undefined {
  const stage = file.stages[inst.stage]!;
  const readers = readersOf(file);
  // The readers after this RUN, found by binary search: asked for every installing RUN.
  for (let k = countBefore(readers, (r) => r.inst.index <= inst.index); k < readers.length; k++) {
    const { inst: later, families } = readers[k]!;
    if (!families.includes(family)) continue;
    const s = file.stages[later.stage]!;
    if (s === stage || buildsOn(file, s, stage)) return `the later ${preview(file, later)} installs from the cache alone (offline), which the cleanup would empty`;
  }
  return undefined;
}

/** A cache or tmpfs mount on a conda root's pkgs folder (`/opt/conda/pkgs`, `$MAMBA_ROOT_PREFIX/pkgs`, `~/.mamba/pkgs`). */
const CONDA_PKGS_MOUNT = /(?:^|\/)pkgs\/*$/;

/**
 * The clean each program documents for an image: `conda clean -afy` (continuumio's and
 * condaforge's images), `mamba clean -afy`, `micromamba clean --all --yes` (mambaorg's), run by
 * the program word the install ran (`/opt/conda/bin/conda`), which may not be on PATH.
 */
function condaClean(p: PackageCommand): string {
  return `${p.program.raw} ${p.manager === 'micromamba' ? 'clean --all --yes' : 'clean -afy'}`;
}

/**
 * An install whose package cache a plain clean at the end of the RUN would not find: it sets its
 * own variables (`CONDA_PKGS_DIRS=…`, `MAMBA_ROOT_PREFIX=…`, a PATH the clean would not have),
 * names another root (`micromamba -r /x install`), or runs a program by a relative path a later
 * `cd` may leave behind.
 */
function ownCondaRoot(p: PackageCommand): boolean {
  const program = p.program.value;
  return p.env.size > 0 || p.optionValue('-r', '--root-prefix') !== undefined || program === null || (program.includes('/') && !program.startsWith('/') && !program.startsWith('~'));
}

const SOFTLINKS = /always[_-]softlink|allow[_-]softlinks/i;

/**
 * What makes conda link an environment's files to the package cache (`--always-softlink`, the
 * always_softlink setting, `CONDA_ALWAYS_SOFTLINK`) in the installs or in the file up to this RUN, or null.
 */
function condaSoftlinks(file: ParsedDockerfile, inst: Instruction, installs: readonly PackageCommand[]): string | null {
  const flagged = installs.find((p) => p.options.some((o) => SOFTLINKS.test(o.name)));
  if (flagged !== undefined) return `\`${flagged.options.find((o) => SOFTLINKS.test(o.name))!.name}\``;
  const m = SOFTLINKS.exec(file.text.slice(0, inst.span.end));
  return m === null ? null : `\`${m[0]}\``;
}

/** The RUNs after \`inst\`, of its stage and of the stages built on it, in file order: what runs after a cleanup. */
function* laterRuns(file: ParsedDockerfile, stage: Stage, inst: Instruction): Generator<Instruction> {
  for (const s of file.stages) {
    if (s !== stage && !buildsOn(file, s, stage)) continue;
    for (const later of s.instructions) if (later.keyword === 'RUN' && later.index > inst.index) yield later;
  }
}

/** Whether a RUN runs a command `picks` picks out; for one whose script is not read, whether its text has `word`. */
function runRuns(file: ParsedDockerfile, run: Instruction, picks: (c: SimpleCommand) => boolean, word: RegExp): boolean {
  const script = viewOf(file, run).script;
  return script === null ? word.test(file.text.slice(run.span.start, run.span.end)) : script.commands.some(picks);
}

/**
 * Why a later RUN of the stage (or of a stage built on it) runs a program copied from the build
 * context that installs from conda's cache alone (`--offline`), or undefined.
 */
function laterCopiedCondaReader(file: ParsedDockerfile, stage: Stage, inst: Instruction, ctx: BuildContext | null): string | undefined {
  if (ctx === null) return undefined;
  for (const later of laterRuns(file, stage, inst)) {
    for (const c of viewOf(file, later).script?.commands ?? []) {
      const program = runProgramFile(file, later, ctx, c);
      if (program !== null && program.text.replace(/^[ \t]*#.*$/gm, '').split(/[;&|\n]/).some(CACHE_READERS.conda)) {
        return `the later ${preview(file, later)} runs \`${program.path}\`, which installs from conda's cache alone (offline), which the cleanup would empty`;
      }
    }
  }
  return undefined;
}

/** `apt-get install`, `npm ci`; `yarn (install)` for a bare `yarn`. */
function named(r: PackageCommand): string {
  const program = r.runner?.text ?? basename(r.program.value ?? r.program.raw);
  return r.subcommand.length === 0 ? `${program} (${r.action})` : [program, ...r.subcommand.map((w) => w.raw)].join(' ');
}

/** The install sets its own cache folder (option, or a variable: its own or HOME): a plain clean would miss it. */
function customCache(p: PackageCommand, option: string, variable: RegExp): boolean {
  return p.optionValue(option) !== undefined || [...p.env.keys()].some((k) => variable.test(k));
}

const BERRY = /\.yarnrc\.yml|\.yarn\/(?:releases|plugins|sdks|cache)|corepack|yarn set version|yarn policies set-version|--immutable\b|yarnPath|YARN_ENABLE_|yarn workspaces focus|yarn dlx/;

/** What shows Yarn 2+ in the stage (or what it builds on) up to this RUN, or null. */
function yarnBerry(file: ParsedDockerfile, stage: Stage, inst: Instruction): string | null {
  const { own, inherited } = berrySigns(file)[stage.index]!;
  const sign = own !== null && own.inst.index <= inst.index ? own : inherited;
  return sign === null ? null : `\`${sign.text}\` in ${preview(file, sign.inst)}`;
}

interface BerrySign {
  readonly inst: Instruction;
  readonly text: string;
}

/** A stage's first sign of Yarn 2+, and the first in the stages it builds on. */
interface BerrySigns {
  readonly own: BerrySign | null;
  readonly inherited: BerrySign | null;
}

/**
 * Per stage, the first sign of Yarn 2+ in it and the first in what it builds on, read
 * once per file: searched for every yarn install, a file of thousands was quadratic.
 */
const berrySignsByFile = new FileMemo<readonly BerrySigns[]>();

function berrySigns(file: ParsedDockerfile): readonly BerrySigns[] {
  let signs = berrySignsByFile.get(file);
  if (signs === undefined) {
    signs = fromParents<BerrySigns>(file, (s, parent) => {
      let own: BerrySign | null = null;
      for (const i of s.instructions) {
        const m = BERRY.exec(file.text.slice(i.span.start, i.span.end));
        if (m !== null) {
          own = { inst: i, text: m[0] };
          break;
        }
      }
      return { own, inherited: parent === null ? null : (parent.own ?? parent.inherited) };
    });
    berrySignsByFile.set(file, signs);
  }
  return signs;
}

/**
 * Why removing the apt lists at the end of `inst` would break a later build
 * step, or null: a later RUN of the stage or of a stage built FROM it (or an
 * ONBUILD RUN, which runs in images built FROM this one) reads the lists
 * before running its own `apt-get update`.
 */
function listsNeededLater(file: ParsedDockerfile, stage: Stage, inst: Instruction, ctx: BuildContext | null): string | null {
  const steps = stageAptSteps(file, stage, ctx);
  // The steps are in file order: the first after `inst` is found by binary search. A step that runs
  // apt-get update makes its own lists: what comes after it never reads those of `inst`.
  const next = steps[countBefore(steps, (n) => n.inst.index <= inst.index)];
  const found = next === undefined ? firstNeedBelow(file, stage, ctx) : next.need === null ? null : { inst: next.inst, need: next.need, background: next.background };
  if (found === null) return null;
  const i = found.inst;
  const where = i.stage === stage.index ? '' : ` in stage ${file.stages[i.stage]?.name ?? i.stage}`;
  if (found.background) {
    return `the later ${preview(file, i)}${where} runs ${found.need} in the background (\`&\`), and whether an apt-get update has written the lists by the time it reads them is not worked out for a background job: it may need the lists this RUN would remove`;
  }
  return `the later ${preview(file, i)}${where} runs ${found.need} with no apt-get update that always runs before it: it needs the lists this RUN would remove`;
}

/**
 * Why the container reads the apt lists when it starts, or null: the image that runs is this
 * stage or is built on it, and its ENTRYPOINT or CMD, or a start script copied from the build
 * context, runs `apt-get install` (an optional package named by a variable, say) with no
 * apt-get update before it. A script that cannot be read, or that the start script runs, is not counted.
 */
function listsNeededAtStart(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null): string | null {
  const final = file.stages.at(-1);
  if (final === undefined || (final !== stage && !buildsOn(file, final, stage))) return null;
  // Every apt RUN of the stages the image runs asks the same: read the start scripts once per
  // parsed file and build context (a pass over a proposed file reads the same file anew).
  let known = startNeeds.get(file);
  if (known === undefined || known.ctx !== ctx) startNeeds.set(file, (known = { ctx, need: startNeed(file, final, ctx) }));
  return known.need;
}

const startNeeds = new FileMemo<{ readonly ctx: BuildContext | null; readonly need: string | null }>();

/** listsNeededAtStart's reading of the final stage's start command and scripts. */
function startNeed(file: ParsedDockerfile, final: Stage, ctx: BuildContext | null): string | null {
  const command = startCommand(file, final);
  // Only apt commands written out count: nearly every container starts a script, which the
  // reading of a later RUN would take for one that may use apt-get.
  const needOf = (text: string): string | null => rawAptNeed(text).need;
  for (const { part, script } of startScripts(command)) {
    const need = needOf(script);
    if (need !== null) return `${preview(file, part.inst)} runs ${need} when the container starts, with no apt-get update before it: it needs the lists this RUN would remove`;
  }
  for (const script of startedScriptTexts(file, final, ctx, command)) {
    // Comment lines out: a script's comments may name apt commands it does not run.
    const need = needOf(script.text.replace(/^[ \t]*#.*$/gm, ''));
    if (need !== null) return `${script.path}, which the container runs when it starts, runs ${need} with no apt-get update before it: it needs the lists this RUN would remove`;
  }
  return null;
}

interface AptNeed {
  readonly inst: Instruction;
  readonly need: string;
  /** The reader runs in the background (\`apt-get update && apt-get install -y x &\`), after an apt-get update written before it. */
  readonly background: boolean;
}

/** A step that reads apt's lists without updating them first (`need`), or that updates them before any read (`need` null). */
interface AptStep {
  readonly inst: Instruction;
  readonly need: string | null;
  readonly background: boolean;
}

/**
 * The instructions of a stage (RUN, ONBUILD RUN) that read or update apt's lists, in order; each
 * read once per file and build context (a pass over a proposed file reads the same file anew).
 */
function stageAptSteps(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null): readonly AptStep[] {
  let known = aptSteps.get(file);
  if (known === undefined || known.ctx !== ctx) aptSteps.set(file, (known = { ctx, steps: [] }));
  return (known.steps[stage.index] ??= readAptSteps(file, stage, ctx));
}

const aptSteps = new FileMemo<{ readonly ctx: BuildContext | null; readonly steps: (readonly AptStep[] | undefined)[] }>();

function readAptSteps(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null): readonly AptStep[] {
  const steps: AptStep[] = [];
  // A program the stage copied in from the build context, run by its path (`COPY install-deps
  // /tmp/` then `RUN /tmp/install-deps`): its text says whether it reads the lists. A relative
  // path is the RUN's own WORKDIR's, not the stage's last.
  const contextScript = (run: Instruction) => (c: SimpleCommand) => runProgramFile(file, run, ctx, c);
  for (const i of stage.instructions) {
    let step: AptRead | null = null;
    if (i.keyword === 'RUN') {
      if (mountOn(i, ['/var/lib/apt/lists']) !== undefined) continue;
      const v = viewOf(file, i);
      step = v.script === null ? rawAptNeed(file.text.slice(i.span.start, i.span.end)) : aptNeed(v.script, contextScript(i));
    } else if (i.keyword === 'ONBUILD' && i.argsSpan !== null) {
      const text = logicalText(file.text, i.argsSpan.start, i.argsSpan.end, file.escape).text;
      const run = /^\s*RUN\s+(?:--\S+\s+)*([\s\S]*)$/i.exec(text);
      if (run === null) continue;
      const parsed = parseScript(run[1]!);
      step = parsed.ok ? aptNeed(parsed) : rawAptNeed(run[1]!);
    }
    // An ONBUILD RUN's update runs in other builds: it refreshes nothing for the steps of this one.
    if (step !== null && (step.need !== null || (step.updated && i.keyword === 'RUN'))) steps.push({ inst: i, need: step.need, background: step.background === true });
  }
  return steps;
}

const needsBelow = new FileMemo<{ readonly ctx: BuildContext | null; readonly found: readonly (AptNeed | null)[] }>();

/**
 * The first apt need, in file order, of the stages built FROM `stage` (directly or through
 * others) that no apt-get update of those stages comes before. Worked out for every stage at
 * once, children before their parent (a stage only builds on earlier ones), so a chain of
 * stages costs one walk, not one per stage.
 */
function firstNeedBelow(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null): AptNeed | null {
  let below = needsBelow.get(file);
  if (below === undefined || below.ctx !== ctx) {
    const found: (AptNeed | null)[] = file.stages.map(() => null);
    for (let k = file.stages.length - 1; k >= 0; k--) {
      const s = file.stages[k]!;
      const parent = parentStage(file, s);
      if (parent === null) continue;
      const step = stageAptSteps(file, s, ctx)[0];
      // A stage that updates before it reads shields the needs after it, and those of its own children.
      const first = step === undefined ? found[k] : step.need === null ? null : { inst: step.inst, need: step.need, background: step.background };
      const known = found[parent.index];
      if (first != null && (known == null || first.inst.index < known.inst.index)) found[parent.index] = first;
    }
    needsBelow.set(file, (below = { ctx, found }));
  }
  return below.found[stage.index] ?? null;
}

/**
 * What reads apt's lists before any `apt-get update` of the same script that surely ran before it
 * (`apt-get install`, `apt-cache`, a script we cannot see into), or null; and whether an update
 * surely ran once the script succeeds (`updated`). An update in an `if`, a loop or after
 * `[ "$X" = 1 ] &&` may not run: what follows it may read the lists of an earlier RUN.
 */
function aptNeed(script: ShellScript, contextScript: (c: SimpleCommand) => { path: string; text: string } | null = () => null): AptRead {
  // The commands of `script` that run apt-get update (or a `sh -c '…'` that surely does).
  const updates: SimpleCommand[] = [];
  const updatedBefore = (c: SimpleCommand) => updates.some((u) => alwaysBefore(script, u, c));
  // `c` reads the lists: in the background after an update written before it, that update's order is not followed.
  const reads = (c: SimpleCommand, need: string, background = false): AptRead => ({ need, updated: false, background: background || (c.background && updates.some((u) => u.start < c.start)) });
  let copied: { path: string; text: string } | null;
  let opam: string | null;
  for (const c of script.commands) {
    const inner = innerScript(c);
    if (inner !== null) {
      const r = aptNeed(inner, contextScript);
      if (r.need !== null && !updatedBefore(c)) return reads(c, r.need, r.background);
      if (r.updated) updates.push(c);
      continue;
    }
    const r = recognise(c);
    if (r?.kind === 'package' && r.manager === 'apt') {
      if (r.action === 'update') updates.push(c);
      else if (r.action !== 'remove' && r.action !== 'clean' && !updatedBefore(c)) return reads(c, named(r));
    } else if (updatedBefore(c)) continue;
    else if (programName(c) === 'apt-cache') return reads(c, 'apt-cache');
    else if ((opam = opamDepexts(c)) !== null) return reads(c, `${opam}, whose depexts ask apt for the system packages the opam packages need,`);
    // A script the stage copied in is read before it counts as one that may use apt-get (\`./setup.sh\`).
    else if ((copied = contextScript(c)) !== null) {
      // Comment lines out: a script's comments may name apt commands it does not run.
      const r = rawAptNeed(copied.text.replace(/^[ \t]*#.*$/gm, ''));
      if (r.need !== null) return reads(c, `\`${copied.path}\`, which runs ${r.need},`);
      if (r.updated) updates.push(c);
    } else if (runsScript(c) && !pipesKnownInstaller(script, c)) return reads(c, `a script (\`${commandText(script, c)}\`) that may use apt-get`);
    else {
      const wrapped = wrappedApt(c);
      if (wrapped === 'update') updates.push(c);
      else if (wrapped === 'reads') return reads(c, `\`${commandText(script, c)}\``);
    }
  }
  return { need: null, updated: updates.some((u) => ranWhenDone(script, u)) };
}

/**
 * Whether the shell \`c\` runs an install script piped into it from an address known to serve one that runs no
 * package manager (\`curl -sSf https://sh.rustup.rs | sh -s -- -y\`).
 */
function pipesKnownInstaller(script: ShellScript, c: SimpleCommand): boolean {
  if (!c.enclosing.includes('pipeline') || c.pipedOut) return false;
  // The command whose output the shell reads: the last before it of its pipeline.
  const feeder = script.commands.filter((u) => u.statement === c.statement && u.pipedOut && u.end <= c.start).at(-1);
  const r = feeder === undefined ? null : recognise(feeder);
  if (r?.kind !== 'download' || r.sink !== 'pipe' || r.urls.length !== 1) return false;
  const url = r.urls[0]!.value;
  return url !== null && installScriptWithoutPackageManager(url) !== null;
}

/** What a script reads of apt's lists (see aptNeed). */
interface AptRead {
  readonly need: string | null;
  readonly updated: boolean;
  readonly background?: boolean;
}

/**
 * \`opam install\` (opam 2.1 and later, or \`opam depext\` of 2.0 without \`-u\`): it looks the opam packages'
 * system dependencies up with apt and installs the missing ones with apt-get, reading the lists, unless told
 * not to (\`--no-depexts\`, \`--assume-depexts\`).
 */
function opamDepexts(c: SimpleCommand): 'opam install' | 'opam depext' | null {
  if (programName(c) !== 'opam') return null;
  const words = c.words.map((w) => w.value);
  const rest = words.slice(words.findIndex((v) => v !== null && basename(v) === 'opam') + 1);
  const sub = rest.find((v) => v === null || !v.startsWith('-'));
  if (sub === 'depext') return rest.some((v) => v === '-u' || v === '--update') ? null : 'opam depext';
  return sub === 'install' && !rest.some((v) => v === '--no-depexts' || v === '--assume-depexts' || v === '--show-actions' || v === '--dry-run') ? 'opam install' : null;
}

const APT_NO_LISTS = new Set(['clean', 'autoclean', 'distclean', 'dist-clean', 'remove', 'purge', 'autoremove']);

/** apt 2.7.8's `distclean` (also spelled `dist-clean`): the archives and the lists, but for the Release files. */
function isDistClean(r: RecognisedCommand): boolean {
  return r.kind === 'package' && r.manager === 'apt' && (r.subcommand[0]?.value === 'distclean' || r.subcommand[0]?.value === 'dist-clean');
}

/** apt as a program word: by name, or a path in a bin folder (not `/var/cache/apt`). */
const APT_WORD = /^(?:\S*\/s?bin\/)?(?:apt-get|apt|aptitude|apt-cache)$/;
/** apt's subcommands that read the lists, as a word after a program only known at build time (`$APT install -y x`). */
const APT_READS = new Set(['install', 'build-dep', 'source', 'upgrade', 'dist-upgrade', 'full-upgrade', 'download', 'satisfy']);
/** Those that no other package manager has. */
const APT_ONLY = new Set(['build-dep', 'dist-upgrade', 'full-upgrade', 'satisfy']);
/** Programs that run a command given to them as one word (`su -c 'apt-get install …'`, `eval "…"`). */
const RUNS_WORD = new Set(['su', 'runuser', 'eval', 'sudo', 'chroot', 'busybox', 'sh', 'bash', 'dash', 'ash', 'zsh', 'script', 'nsenter']);

/**
 * apt run by another program (`xargs apt-get install`, `nice -n 10 apt-get …`, `timeout 600 apt-get …`,
 * `eatmydata apt-get …`, `unshare …`, `debconf-apt-progress -- apt-get …`), given as a word to one
 * (`su -c 'apt-get install -y x' root`, `eval apt-get …`), by a program only known at build time
 * (`$APT install -y x`), or by gdebi or `mk-build-deps -i`, which resolve dependencies from the
 * lists: `update`, `reads` (the lists), or null when the command runs no apt.
 */
function wrappedApt(c: SimpleCommand): 'update' | 'reads' | null {
  const words = c.words;
  if (words.length < 2) return null;
  const program = words[0]!.value;
  // A program only known at build time is taken for apt when it is spelled so (`$APT install`) or
  // runs a subcommand only apt has; `$PIP install`, `${MAKE:-make} install` are not apt.
  if (program === null) {
    const sub = words.slice(1).find((w) => !(w.value ?? '').startsWith('-'))?.value ?? null;
    return (/apt/i.test(words[0]!.raw) && sub !== null && APT_READS.has(sub)) || (sub !== null && APT_ONLY.has(sub)) ? 'reads' : null;
  }
  const name = basename(program);
  if (name === 'gdebi') return 'reads';
  // Asked of every command of the later RUNs: most have no word that mentions apt.
  if (name !== 'mk-build-deps' && !words.some((w) => w.value?.includes('apt'))) return null;
  if (name === 'mk-build-deps') return words.some((w) => w.value === '-i' || w.value === '--install' || /^-[a-z]*i[a-z]*$/.test(w.value ?? '')) ? 'reads' : null;
  // The wrapped command: a word after the program that is an apt program (the wrapper's options
  // take values: `xargs -a list apt-get …`, `timeout -s KILL 600 apt-get …`, `flock -w 10 /lock apt-get …`).
  let k = 1;
  while (k < words.length && !APT_WORD.test(words[k]!.value ?? '')) k++;
  if (k >= words.length) return RUNS_WORD.has(name) ? aptInWord(words) : null;
  let sub: string | null | undefined;
  for (let i = k + 1; i < words.length; i++) {
    const v = words[i]!.value;
    if (v === null || !v.startsWith('-')) {
      sub = v;
      break;
    }
  }
  if (sub === 'update') return 'update';
  return sub != null && APT_NO_LISTS.has(sub) ? null : 'reads';
}

/** apt in a command given as one word: `su -c 'apt-get install -y x'`, `runuser -c "apt-get update"`. */
function aptInWord(words: readonly ShellWord[]): 'update' | 'reads' | null {
  for (let i = 1; i < words.length; i++) {
    const v = words[i]!.value;
    if (v === null || !v.includes('apt') || !/\s/.test(v)) continue;
    const read = rawAptNeed(v);
    if (read.need !== null) return 'reads';
    if (read.updated) return 'update';
  }
  return null;
}

/** The same, read from text we cannot parse. */
function rawAptNeed(text: string): { need: string | null; updated: boolean } {
  const need = /\b(apt-get|apt|aptitude)\s+(?:-\S+\s+)*(install|source|build-dep|upgrade|dist-upgrade|full-upgrade|download)\b|\bapt-cache\b/.exec(text);
  const update = /\b(?:apt-get|apt|aptitude)\s+(?:-\S+\s+)*update\b/.exec(text);
  if (need === null) return { need: null, updated: update !== null };
  if (update !== null && update.index < need.index) return { need: null, updated: true };
  return { need: need[1] === undefined ? 'apt-cache' : `${need[1]} ${need[2]}`, updated: update !== null };
}

/** `curl -o f.tar.gz … && tar -xzf f.tar.gz`: the archive stays in the layer unless removed. */
function archivePlans(file: ParsedDockerfile, view: RunView): Plan[] {
  const script = view.script!;
  const at = view.inst.span.start;
  const plans: Plan[] = [];
  // Only a download that is extracted is looked at: with no extraction (most RUNs), nothing is compared.
  if (!view.recognised.some((e) => e.kind === 'extract' && e.archive !== null)) return plans;
  const known = archiveFacts(view);
  const removals: { readonly command: string; readonly tool: string; readonly output: string }[] = [];
  // Removals that go at the end of the subshell the download ran in, by where they go.
  const inSubshell = new Map<number, { readonly command: string; readonly tool: string; readonly output: string }[]>();
  const seen = new Set<string>();
  for (const d of view.recognised) {
    if (d.kind !== 'download' || d.output === null || d.toStdout || seen.has(d.output)) continue;
    if (d.outputWord !== null && (d.outputWord.value === null || d.outputWord.pattern)) continue;
    const output = d.output;
    if (!((known.lastExtract.get(withoutDot(output)) ?? -1) > d.command.start)) continue;
    seen.add(output);
    // Removed (or maybe removed: a glob, a variable, its folder) or moved away already.
    if (known.unknownRemovalAfter > d.command.start || known.removed.has(withoutDot(output)) || inRemovedFolder(output, known.removedFolders)) continue;
    if (known.anyMoved || known.moved.has(withoutDot(output))) continue;
    // Downloaded in a subshell (`( cd /opt && curl -O … && tar xzf … ) && …`, as collapse-run keeps a
    // RUN's `cd` from the commands merged after it) or before a `cd` (`cd /opt && wget … && cd /opt &&
    // tar …`): the folder the RUN ends in may not be its folder, so the archive is removed by its
    // absolute path, when the `cd`s before the download and the WORKDIR say it.
    const relative = !output.startsWith('/');
    const subshell = relative && d.command.enclosing.includes('subshell');
    const cdAfter = relative ? known.cds[countBefore(known.cds, (c) => c.start <= d.command.start)] : undefined;
    const isolated = subshell || cdAfter !== undefined;
    const folder = isolated ? folderMove(script, d.command) : STAYS;
    // From the WORKDIR, or the base image's own as the knowledge base records it (null: not known).
    const path = !isolated ? output : commandPath(file, { inst: view.inst, folder }, output);
    // In a folder not known before the build, but in a subshell that does not leave it after the download
    // (\`( cd "$DIR" && curl -O … && tar xzf … && make install )\`, as collapse-run merges \`RUN cd "$DIR" && …\`
    // with the RUNs after it): removed by its name at the end of that subshell, as the RUN alone would be at its end.
    const inside = path === null && subshell ? downloadSubshellEnd(script, d.command) : null;
    if (inside !== null) {
      const name = basename(output);
      const user = laterInstructionNaming(file, view.inst, name);
      if (user !== undefined) plans.push(refusal(at, 'archive-used-later', `${preview(file, user)} names ${name}, so the downloaded archive may still be needed`));
      else inSubshell.set(inside, [...(inSubshell.get(inside) ?? []), { command: asInvoked(d, `rm -f ${shellQuote(output)}`), tool: d.tool, output }]);
      continue;
    }
    if (path === null) {
      const why = subshell ? `${output} is downloaded in a subshell \`( … )\`` : `\`${commandText(script, cdAfter!)}\` runs after ${output} is downloaded`;
      plans.push(refusal(at, 'cwd-changed', `${why}, in a folder not known before the build (${downloadFolderUnknown(file, view, d.command, folder)}): an \`rm -f ${shellQuote(output)}\` at the end of the RUN would look in another folder`));
      continue;
    }
    if (isolated && (known.removed.has(path) || inRemovedFolder(path, known.removedFolders) || known.moved.has(path))) continue;
    const absolute = path.startsWith('/');
    const dir = absolute ? path.slice(0, path.lastIndexOf('/')) || '/' : null;
    const mount = dir === null ? undefined : mountOn(view.inst, [dir]);
    if (mount !== undefined) {
      plans.push(mountRefusal(at, mount, path));
      continue;
    }
    const name = basename(output);
    const user = laterInstructionNaming(file, view.inst, name);
    if (user !== undefined) {
      plans.push(refusal(at, 'archive-used-later', `${preview(file, user)} names ${name}, so the downloaded archive may still be needed`));
      continue;
    }
    removals.push({ command: asInvoked(d, `rm -f ${shellQuote(path)}`), tool: d.tool, output });
  }
  if (removals.length > 0) plans.push({ commands: removals.map((r) => r.command), message: archiveMessage(removals) });
  for (const [inside, these] of inSubshell) plans.push({ commands: these.map((r) => r.command), message: archiveMessage(these), inside });
  return plans;
}

/**
 * Where a command can go inside the top-level subshell \`( … )\` that every one of `commands` runs in (in
 * its own shell: not in a further subshell, substitution or pipeline), to run in the shell they ran in:
 * after the subshell's last command, when that command sits directly in it and ends it. Null otherwise.
 */
function subshellEnd(script: ShellScript, commands: readonly SimpleCommand[]): number | null {
  const first = commands[0];
  if (first === undefined) return null;
  const item = script.statements[first.statement]!.items.find((i) => i.start <= first.start && first.end <= i.end);
  if (item === undefined || item.kind !== 'subshell' || item.redirected) return null;
  const own = (c: SimpleCommand) => c.enclosing[0] === 'subshell' && !c.enclosing.slice(1).some((e) => e === 'subshell' || e === 'substitution' || e === 'pipeline' || e === 'function');
  if (!commands.every((c) => c.start >= item.start && c.end <= item.end && own(c) && !c.background)) return null;
  const last = script.commands.filter((c) => c.start >= item.start && c.end <= item.end && c.enclosing.length === 1).at(-1);
  if (last === undefined || last.background || !/^\s*\)$/.test(script.source.slice(last.end, item.end))) return null;
  return last.end;
}

/** The script range of the top-level subshell that holds offset `inside`. */
function subshellAt(script: ShellScript, inside: number): { readonly start: number; readonly end: number } | undefined {
  for (const st of script.statements) for (const item of st.items) if (item.kind === 'subshell' && item.start < inside && inside < item.end) return item;
  return undefined;
}

/**
 * subshellEnd for a download to remove by its name: directly in the subshell, surely run by the end
 * of it, and no \`cd\`, \`pushd\` or \`popd\` of the subshell's own shell after it, so that the subshell ends in its folder.
 */
function downloadSubshellEnd(script: ShellScript, download: SimpleCommand): number | null {
  if (download.enclosing.length !== 1) return null;
  const end = subshellEnd(script, [download]);
  if (end === null) return null;
  const after = script.commands.filter((c) => c.start > download.start && c.end <= end);
  const last = after.at(-1) ?? download;
  if (last !== download && !alwaysBefore(script, download, last)) return null;
  const moves = after.some((c) => ['cd', 'pushd', 'popd'].includes(c.name ?? '') && !c.enclosing.slice(1).some((e) => e === 'subshell' || e === 'substitution' || e === 'pipeline'));
  return moves ? null : end;
}

/**
 * Why the folder `download` runs in is not known: the \`cd\`, \`pushd\` or \`popd\` before it that leaves it
 * unknown (to a variable, \`cd -\`, one in an \`if\`), or the WORKDIR its literal moves start from.
 */
function downloadFolderUnknown(file: ParsedDockerfile, view: RunView, download: SimpleCommand, folder: FolderMove): string {
  const move = folder.kind === 'unknown' ? unknownMove(view.script!, download) : null;
  if (move !== null) return `after \`${commandText(view.script!, move)}\``;
  return `the working folder is ${unknownWorkdirWhy(file, view.inst)}`;
}

/** What archivePlans asks of a RUN for each download, read in one walk: a RUN of thousands of downloads costs their number, not its square. */
interface ArchiveFacts {
  /** Archives extracted (their path without `./`), with where the last extraction starts. */
  readonly lastExtract: ReadonlyMap<string, number>;
  /**
   * Where the last rm of a path only known at build time, or of a pattern, starts (-1 for none;
   * Infinity for one in a loop or a function, which may run again later): an archive downloaded
   * before it may be gone, one downloaded after it (`rm -rf /var/lib/apt/lists/* && curl -O …`) not.
   */
  readonly unknownRemovalAfter: number;
  /** Paths an rm removes (without `./`), and the same read as folders (without trailing slashes). */
  readonly removed: ReadonlySet<string>;
  readonly removedFolders: ReadonlySet<string>;
  /** An mv or unlink of a path only known at build time. */
  readonly anyMoved: boolean;
  /** Paths an mv or unlink names (without `./`). */
  readonly moved: ReadonlySet<string>;
  /** The `cd`, `pushd` and `popd` that change the RUN's folder, in order. */
  readonly cds: readonly SimpleCommand[];
}

function archiveFacts(view: RunView): ArchiveFacts {
  const lastExtract = new Map<string, number>();
  const removed = new Set<string>();
  const removedFolders = new Set<string>();
  const moved = new Set<string>();
  let unknownRemovalAfter = -1;
  let anyMoved = false;
  for (const r of view.recognised) {
    if (r.kind === 'extract' && r.archive !== null) lastExtract.set(withoutDot(r.archive), r.command.start);
    if (r.kind !== 'remove-files') continue;
    for (const { word } of r.paths) {
      if (word.value === null || word.pattern) {
        const again = r.command.enclosing.some((e) => e === 'loop' || e === 'function');
        unknownRemovalAfter = Math.max(unknownRemovalAfter, again ? Infinity : r.command.start);
      }
      else {
        removed.add(withoutDot(word.value));
        removedFolders.add(word.value.replace(/\/+$/, ''));
      }
    }
  }
  const cds: SimpleCommand[] = [];
  for (const c of view.script!.commands) {
    if (['mv', 'unlink'].includes(programName(c) ?? '')) {
      for (const a of c.args) {
        if (a === null) anyMoved = true;
        else moved.add(withoutDot(a));
      }
    }
    if (['cd', 'pushd', 'popd'].includes(c.name ?? '') && !c.enclosing.some((e) => e === 'subshell' || e === 'substitution' || e === 'pipeline')) cds.push(c);
  }
  return { lastExtract, unknownRemovalAfter, removed, removedFolders, anyMoved, moved, cds };
}

function withoutDot(path: string): string {
  return path.replace(/^\.\//, '');
}

/** `path` lies in one of `folders` (each without its trailing slashes; '' is the root). */
function inRemovedFolder(path: string, folders: ReadonlySet<string>): boolean {
  for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) if (folders.has(path.slice(0, i))) return true;
  return false;
}

/** The first instruction after `inst` whose text names `name`. */
function laterInstructionNaming(file: ParsedDockerfile, inst: Instruction, name: string): Instruction | undefined {
  if (name === '') return file.instructions[inst.index + 1]; // every text names ''
  const places = downloadNamePlaces(file).get(name) ?? occurrences(file.text, [name]).get(name)!;
  for (let k = countBefore(places, (p) => p < inst.span.end); k < places.length; k++) {
    const pos = places[k]!;
    const holder = file.instructions[countBefore(file.instructions, (i) => i.span.end < pos + name.length)];
    if (holder !== undefined && holder.span.start <= pos && holder.index > inst.index) return holder;
  }
  return undefined;
}

const namePlaces = new FileMemo<ReadonlyMap<string, readonly number[]>>();

/**
 * Where the file's text names each file a RUN downloads to (its base name), found for all of
 * them in one walk: a file of thousands of RUNs that each download and extract costs its length.
 */
function downloadNamePlaces(file: ParsedDockerfile): ReadonlyMap<string, readonly number[]> {
  let places = namePlaces.get(file);
  if (places === undefined) {
    const names = new Set<string>();
    for (const inst of file.instructions) {
      if (inst.keyword !== 'RUN') continue;
      for (const r of viewOf(file, inst).recognised) if (r.kind === 'download' && r.output !== null) names.add(basename(r.output));
    }
    namePlaces.set(file, (places = occurrences(file.text, names)));
  }
  return places;
}

/** `curl download of /a.tgz`, `downloads of /a.tgz, /b.zip and 3 more`: what the removal is for. */
function archiveMessage(removals: readonly { readonly tool: string; readonly output: string }[]): string {
  if (removals.length === 1) return `${removals[0]!.tool} download of ${removals[0]!.output}: remove the archive after extracting it, in the same layer`;
  const tools = new Set(removals.map((r) => r.tool));
  const shown = removals.slice(0, removals.length > 4 ? 3 : removals.length).map((r) => r.output);
  const rest = removals.length - shown.length;
  const list = rest > 0 ? `${shown.join(', ')} and ${rest} more` : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
  return `${tools.size === 1 ? `${[...tools][0]} ` : ''}downloads of ${list}: remove the archives after extracting them, in the same layer`;
}

// ---------------------------------------------------------------------------
// Poetry

/**
 * Poetry's subcommands that resolve or install, so download into its cache (`self add`/`install`/
 * `update`/`lock`/`sync` act on Poetry's own environment the same way).
 */
const POETRY_DOWNLOADS = new Set(['install', 'add', 'update', 'lock', 'sync', 'remove']);
/** A `poetry …` (or `python -m poetry …`) command that downloads into Poetry's cache: how it is invoked and its subcommand, or null. */
function poetryDownload(c: SimpleCommand): { readonly inv: InvokedProgram; readonly sub: string } | null {
  const tool = invokedTool(c);
  if (tool === null || tool.name !== 'poetry') return null;
  const inv = tool.inv;
  const args = readPythonTool('poetry', tool.args);
  const first = args.subcommand?.value;
  const second = args.operands[0]?.value;
  const downloads = first === 'self' ? second != null && POETRY_DOWNLOADS.has(second) : first != null && POETRY_DOWNLOADS.has(first);
  return downloads ? { inv, sub: first === 'self' ? `self ${second}` : first! } : null;
}

/**
 * The folders of Poetry's cache dir that only hold downloads: `cache/` (the sources' metadata and
 * archives) and `artifacts/` (downloaded and built distributions). A maintainer names exactly these
 * two for a container build (python-poetry/poetry#6445). `virtualenvs/` (the default
 * virtualenvs.path, `{cache-dir}/virtualenvs`, python-poetry.org/docs/configuration) holds the
 * environment the image runs, and nothing says the rest is only cache: the cache dir as a whole is never removed.
 */
const POETRY_DOWNLOAD_DIRS = ['cache', 'artifacts'];

/**
 * Where Poetry keeps its cache when this RUN runs (python-poetry.org/docs/configuration: cache-dir,
 * POETRY_CACHE_DIR, by default ~/.cache/pypoetry on Linux, under XDG_CACHE_HOME when that is set):
 * a path, or why it is only known at build time.
 */
function poetryCacheDir(file: ParsedDockerfile, inst: Instruction, script: ShellScript): { readonly dir: string } | { readonly unknown: string } {
  const configured = [...file.text.slice(0, inst.span.end).matchAll(/\bpoetry\s+config\s+(?:-\S+\s+)*cache-dir\s+(\S+)/g)].at(-1);
  return userCacheDir(file, inst, script, { variable: 'POETRY_CACHE_DIR', name: 'pypoetry', configured });
}

/**
 * Where a tool that keeps its cache in the user's cache folder keeps it when this RUN runs: the folder its
 * variable names (ENV or ARG), the one its own config command set, or `name` under XDG_CACHE_HOME or
 * ~/.cache (platformdirs' user_cache_dir on Linux). A path, or why it is only known at build time.
 */
function userCacheDir(
  file: ParsedDockerfile,
  inst: Instruction,
  script: ShellScript,
  tool: { readonly variable: string; readonly name: string; readonly configured?: RegExpMatchArray },
): { readonly dir: string } | { readonly unknown: string } {
  const own = new RegExp(`(?:^|[\\s;&|(])(?:export\\s+)?(${tool.variable}|XDG_CACHE_HOME|HOME)\\+?=`).exec(script.source);
  if (own !== null) return { unknown: `the RUN sets ${own[1]} itself` };
  const vars = variablesAt(file, inst);
  const known = (name: string): { readonly value: string } | { readonly unknown: string } | null => {
    const v = vars.get(name);
    if (v === undefined) return null;
    const value = v.fromBuildArg ? null : v.value;
    return value !== null && value.startsWith('/') && !/[$`\s]/.test(value) ? { value } : { unknown: `${name} comes from ${preview(file, v.inst)}, whose value is only known at build time` };
  };
  const env = known(tool.variable);
  if (env !== null) return 'unknown' in env ? env : { dir: env.value.replace(/\/+$/, '') };
  if (tool.configured !== undefined) {
    const value = unquoteWord(tool.configured[1]!);
    return value.startsWith('/') && !/[$`]/.test(value) ? { dir: value } : { unknown: `\`${tool.configured[0]}\` sets it to a value only known at build time` };
  }
  for (const [name, under] of [['XDG_CACHE_HOME', `/${tool.name}`], ['HOME', `/.cache/${tool.name}`]] as const) {
    const v = known(name);
    if (v === null) continue;
    return 'unknown' in v ? v : { dir: `${v.value.replace(/\/+$/, '')}${under}` };
  }
  // `~` is the HOME the tool reads, whoever the RUN runs as.
  return { dir: `~/.cache/${tool.name}` };
}

/** Where the file puts Poetry's virtualenvs, when it names a folder for them, and whether that is known. */
const VENV_PATH = /\b(?:POETRY_VIRTUALENVS_PATH\s*[=\s]\s*|poetry\s+config\s+(?:-\S+\s+)*virtualenvs\.path\s+)("[^"]*"|'[^']*'|\S+)/g;

/** A RUN that runs a tool: its commands of that tool, each with what the plan's reader made of it, and the last. */
interface ToolRun<T> {
  readonly script: ShellScript;
  readonly inst: Instruction;
  readonly at: number;
  readonly installs: readonly (T & { readonly command: SimpleCommand })[];
  readonly last: T & { readonly command: SimpleCommand };
}

/**
 * The RUN's commands that \`read\` makes something of (a tool's installs), or null when there is none. Every RUN of
 * every file asks, for each tool: one whose text lacks \`word\` runs none of them, and is not read.
 */
function toolRun<T extends object>(view: RunView, word: string, read: (c: SimpleCommand) => T | null): ToolRun<T> | null {
  const script = view.script!;
  if (!script.source.includes(word)) return null;
  const installs = script.commands.flatMap((c) => {
    const found = read(c);
    return found === null ? [] : [{ command: c, ...found }];
  });
  const last = installs.at(-1);
  return last === undefined ? null : { script, inst: view.inst, at: view.inst.span.start, installs, last };
}

/**
 * Poetry's download caches, removed at the end of a RUN that runs `poetry install`/`add`/`update`/
 * `lock`/`sync`/`remove`. Not the `--no-cache` option: what it disables has changed between
 * versions and it leaves `artifacts/` filled (python-poetry/poetry#3374, #6445).
 */
function poetryPlans(file: ParsedDockerfile, stage: Stage, view: RunView): Plan[] {
  const run = toolRun(view, 'poetry', poetryDownload);
  if (run === null) return [];
  const { script, inst, at, installs, last } = run;
  const first = installs[0]!;
  const rec = view.recognised;
  // Already cleaned after the last one: `poetry cache clear`, or an rm of (or a mention of) the cache.
  if (mentionedAfterEach(script, installs.map((i) => i.command), /pypoetry|POETRY_CACHE_DIR|\bcache\s+clear\b/)) return [];
  const found = poetryCacheDir(file, inst, script);
  const home = homeDir(file, inst);
  const removedAfter = (dir: string) =>
    rec.some((r) => r.command.start > last.command.start && r.kind === 'remove-files' && r.paths.some((p) => p.word.value !== null && related(normalDir(p.word.value, home), normalDir(dir, home))));
  if ('dir' in found && removedAfter(found.dir)) return [];
  const dirs = 'dir' in found ? POETRY_DOWNLOAD_DIRS.map((d) => `${found.dir}/${d}`) : [];
  const mount = mountsOf(inst).find((m) => /(?:^|\/)(?:\.cache|pypoetry)(?:\/(?:cache|artifacts))?\/*$/.test(m.target) || dirs.some((d) => related(normalDir(m.target, null), normalDir(d, home))));
  if (mount !== undefined) return [mountRefusal(at, mount, "Poetry's cache")];
  if (last.inv.sudo !== null || [...last.inv.env.keys()].some((k) => /^(?:POETRY_CACHE_DIR|XDG_CACHE_HOME|HOME)$/.test(k))) {
    return [refusal(at, 'poetry-cache-unknown', `\`${commandText(script, last.command)}\` runs Poetry with its own user or variables: where its cache is is not known`)];
  }
  if ('unknown' in found) return [refusal(at, 'poetry-cache-unknown', `Poetry's cache dir is not known: ${found.unknown}`)];
  for (const m of file.text.slice(0, inst.span.end).matchAll(VENV_PATH)) {
    const value = unquoteWord(m[1]!).replace(/\{cache-dir\}/g, found.dir);
    if (/[$`]/.test(value) || dirs.some((d) => related(normalDir(value, home), normalDir(d, home)))) {
      return [refusal(at, 'poetry-cache-unknown', `\`${m[0].trim()}\` may put the virtualenvs in the folders the cleanup would remove`)];
    }
  }
  const reader = laterPoetry(file, stage, inst);
  if (reader !== undefined) return [refusal(at, 'cache-used-later', reader)];
  const quoted = dirs.map((d) => (d.startsWith('~/') ? `~/${shellQuote(d.slice(2))}` : shellQuote(d)));
  return [{ commands: [`rm -rf ${quoted.join(' ')}`], message: `poetry ${first.sub}: remove Poetry's download caches (${POETRY_DOWNLOAD_DIRS.map((d) => `${d}/`).join(', ')}) in the same layer` }];
}

/** Why a later RUN of the stage (or of a stage built on it) runs Poetry again, which could install from the cache alone, or undefined. */
function laterPoetry(file: ParsedDockerfile, stage: Stage, inst: Instruction): string | undefined {
  for (const later of laterRuns(file, stage, inst)) {
    if (runRuns(file, later, (c) => poetryDownload(c) !== null, /\bpoetry\s/)) return `the later ${preview(file, later)} runs Poetry again, which may install from the cache the cleanup would empty`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// pnpm

/** Settings that move pnpm's cache or store in the build context's config (pnpm.io/settings: cacheDir, storeDir). */
const PNPM_PLACES = /\b(?:(?:npm|pnpm)_config_(?:cache|store)_dir|(?:cache|store)-dir|(?:cache|store)Dir)\b/i;
/** The same in the Dockerfile: a variable, \`pnpm config set store-dir …\`, or pnpm given \`--store-dir\` (not pip's \`--cache-dir\`). */
const PNPM_PLACES_IN_FILE = /\b(?:npm|pnpm)_config_(?:cache|store)_dir\b|\bp?npm\s+config\s+set\s+(?:-\S+\s+)*(?:cache|store)[-_]dir\b|\bpnpm\b[^\n;&|]*\s--(?:cache|store)-dir\b/i;

/**
 * pnpm's metadata cache, removed at the end of a RUN that runs \`pnpm install\`, \`add\` or \`update\`: the package
 * documents it fetched to resolve (and \`pnpm dlx\`'s packages), in its cache-dir, by default ~/.cache/pnpm
 * (XDG_CACHE_HOME/pnpm). Not its store (~/.local/share/pnpm/store): pnpm hard-links node_modules to the files there,
 * so removing it takes nearly nothing from the layer, and with the global virtual store node_modules links into it;
 * nor \`pnpm store prune\`, which keeps every package a project uses, all of them right after the install. pnpm's
 * maintainer: the cache dir "contains just the metadata cache, which may be safely removed"; the store "is not
 * cache" (pnpm/pnpm#6250).
 */
function pnpmPlans(file: ParsedDockerfile, stage: Stage, view: RunView, ctx: BuildContext | null, installs: readonly PackageCommand[]): Plan[] {
  const script = view.script!;
  const inst = view.inst;
  const at = inst.span.start;
  const found = userCacheDir(file, inst, script, { variable: 'npm_config_cache_dir', name: 'pnpm' });
  // Already cleaned after the last one: an rm of (or a mention of) the cache, or of ~/.cache.
  // \`pnpm store prune\` removes the metadata cache too ("Removed all cached metadata files").
  if (mentionedAfterEach(script, installs.map((i) => i.command), /\.cache\/pnpm\b|\.cache(?:\/\*?)?["']?(?:\s|$)|\bpnpm\s+(?:cache\s+delete|store\s+prune)\b/, 'dir' in found ? [found.dir] : [])) return [];
  const mount = mountsOf(inst).find((m) => /(?:^|\/)\.cache(?:\/pnpm)?\/*$/.test(m.target) || ('dir' in found && related(normalDir(m.target, null), normalDir(found.dir, homeDir(file, inst)))));
  if (mount !== undefined) return [mountRefusal(at, mount, "pnpm's metadata cache")];
  const own = installs.find((p) => p.sudo !== null || p.hasFlag('--cache-dir', '--store-dir') || [...p.env.keys()].some((k) => /^(?:(?:npm|pnpm)_config_|XDG_CACHE_HOME$|HOME$|PNPM_HOME$)/i.test(k)));
  if (own !== undefined) return [refusal(at, 'pnpm-cache-unknown', `\`${commandText(script, own.command)}\` runs pnpm with its own user, options or variables: where its cache is is not known`)];
  if ('unknown' in found) return [refusal(at, 'pnpm-cache-unknown', `pnpm's cache dir is not known: ${found.unknown}`)];
  // A setting that moves the cache or the store: the store could lie in the folder the cleanup removes.
  const setting = PNPM_PLACES_IN_FILE.exec(file.text.slice(0, inst.span.end));
  if (setting !== null) {
    const line = file.lines.lineOf(setting.index);
    return [refusal(at, 'pnpm-cache-unknown', `line ${line} moves pnpm's cache or store (\`${setting[0].trim()}\`): the cleanup could remove a store node_modules links to, or miss the cache`)];
  }
  for (const config of ['.npmrc', 'pnpm-workspace.yaml']) {
    const text = ctx?.read(config) ?? null;
    const named = text === null ? null : PNPM_PLACES.exec(text);
    if (named != null) return [refusal(at, 'pnpm-cache-unknown', `${config} in the build context sets pnpm's \`${named[0]}\`: the cleanup could remove a store node_modules links to, or miss the cache`)];
  }
  const reader = laterCacheReader(file, inst, 'pnpm');
  if (reader !== undefined) return [refusal(at, 'cache-used-later', reader)];
  const dir = found.dir.startsWith('~/') ? `~/${shellQuote(found.dir.slice(2))}` : shellQuote(found.dir);
  return [{ commands: [`rm -rf ${dir}`], message: `${named(installs[0]!)}: remove pnpm's metadata cache (${found.dir}) in the same layer` }];
}

// ---------------------------------------------------------------------------
// pipenv

/** pipenv's commands that resolve or install packages, through pip, into its cache (pipenv.pypa.io/en/latest/commands.html). */
const PIPENV_DOWNLOADS = new Set(['install', 'sync', 'update', 'upgrade', 'lock']);

/** A `pipenv …` (or `python -m pipenv …`) command that downloads into pipenv's cache: how it is invoked and its command, or null. */
function pipenvDownload(c: SimpleCommand): { readonly inv: InvokedProgram; readonly sub: string } | null {
  const tool = invokedTool(c);
  if (tool === null || tool.name !== 'pipenv') return null;
  const inv = tool.inv;
  const sub = readPythonTool('pipenv', tool.args).subcommand?.value;
  return sub != null && PIPENV_DOWNLOADS.has(sub) ? { inv, sub } : null;
}

/**
 * pipenv's cache, removed at the end of a RUN that runs \`pipenv install\`, \`sync\`, \`update\`, \`upgrade\` or \`lock\`:
 * pipenv runs pip with PIP_CACHE_DIR set to its own cache (PIPENV_CACHE_DIR, by default ~/.cache/pipenv), so what
 * pip downloads and builds for it lands there, not in pip's cache, and \`--no-cache-dir\` has nowhere to go. The
 * virtualenv pipenv installs into (~/.local/share/virtualenvs, WORKON_HOME, or .venv) lies elsewhere.
 */
function pipenvPlans(file: ParsedDockerfile, view: RunView): Plan[] {
  const run = toolRun(view, 'pipenv', pipenvDownload);
  if (run === null) return [];
  const { script, inst, at, installs, last } = run;
  // Already cleaned after the last one: \`pipenv --clear\`, or an rm of (or a mention of) its cache.
  const found = userCacheDir(file, inst, script, { variable: 'PIPENV_CACHE_DIR', name: 'pipenv' });
  if (mentionedAfterEach(script, installs.map((i) => i.command), /\bpipenv\b[^\n;&|]*\s--clear\b|\.cache\/pipenv\b|PIPENV_CACHE_DIR|\.cache(?:\/\*?)?["']?(?:\s|$)/, 'dir' in found ? [found.dir] : [])) return [];
  const home = homeDir(file, inst);
  const mount = mountsOf(inst).find((m) => /(?:^|\/)(?:\.cache|pipenv)\/*$/.test(m.target) || ('dir' in found && related(normalDir(m.target, null), normalDir(found.dir, home))));
  if (mount !== undefined) return [mountRefusal(at, mount, "pipenv's cache")];
  if (last.inv.sudo !== null || [...last.inv.env.keys()].some((k) => /^(?:PIPENV_CACHE_DIR|XDG_CACHE_HOME|HOME)$/.test(k))) {
    return [refusal(at, 'pipenv-cache-unknown', `\`${commandText(script, last.command)}\` runs pipenv with its own user or variables: where its cache is is not known`)];
  }
  if ('unknown' in found) return [refusal(at, 'pipenv-cache-unknown', `pipenv's cache dir is not known: ${found.unknown}`)];
  // The virtualenv pipenv made must not lie in the folder the cleanup removes.
  const workon = variablesAt(file, inst).get('WORKON_HOME');
  if (workon !== undefined && (workon.value === null || related(normalDir(workon.value, home), normalDir(found.dir, home)))) {
    return [refusal(at, 'pipenv-cache-unknown', `${preview(file, workon.inst)} may put pipenv's virtualenvs in the cache folder the cleanup would remove`)];
  }
  const dir = found.dir.startsWith('~/') ? `~/${shellQuote(found.dir.slice(2))}` : shellQuote(found.dir);
  return [{ commands: [`rm -rf ${dir}`], message: `pipenv ${installs[0]!.sub}: remove pipenv's cache (${found.dir}), where pip downloads for it, in the same layer` }];
}

// ---------------------------------------------------------------------------
// Composer

/** Composer's program, or its phar, as a file a command removes or moves. */
const COMPOSER_FILE = /^composer(?:\.phar)?$/;
/** Composer's own folders under the XDG ones, named `composer` too. */
const COMPOSER_FOLDER = /\/\.(?:cache|config|local\/share)\/composer$/;

/** Composer's commands that download packages into its cache (getcomposer.org/doc/03-cli.md), with their aliases. */
const COMPOSER_DOWNLOADS = new Set(['install', 'i', 'update', 'u', 'upgrade', 'require', 'r', 'create-project', 'reinstall']);
/** Composer's global options that take the next word as their value. */
const COMPOSER_VALUE_OPTIONS = new Set(['-d', '--working-dir']);
/** Variables that move Composer's home or cache (getcomposer.org/doc/03-cli.md#environment-variables). */
const COMPOSER_PLACES = /^(?:COMPOSER_HOME|COMPOSER_CACHE_DIR|HOME|XDG_CACHE_HOME|XDG_CONFIG_HOME)$/;

/**
 * A Composer command (see composerInvocation) that downloads into Composer's cache: how it runs Composer (\`runs\`,
 * to run \`clear-cache\` the same way) and its command (`global require` too), or null. One given `--no-cache`
 * (Composer 2.3 and later) fills none.
 */
function composerDownload(c: SimpleCommand): (ComposerInvocation & { readonly runs: string; readonly sub: string }) | null {
  const invoked = composerInvocation(c);
  if (invoked === null) return null;
  const program = { ...invoked, runs: invoked.words.length === 1 ? shellQuote(invoked.inv.path) : invoked.words.map((w) => w.raw).join(' ') };
  const operands: string[] = [];
  for (let i = 0; i < program.args.length; i++) {
    const value = program.args[i]!.value;
    if (value === null) return null;
    if (value === '--no-cache') return null;
    if (value === '--') break;
    if (value.startsWith('-')) {
      if (COMPOSER_VALUE_OPTIONS.has(value)) i++;
      continue;
    }
    operands.push(value);
  }
  const [first, second] = operands;
  if (first === 'global') return second !== undefined && COMPOSER_DOWNLOADS.has(second) ? { ...program, sub: `global ${second}` } : null;
  return first !== undefined && COMPOSER_DOWNLOADS.has(first) ? { ...program, sub: first } : null;
}

/**
 * `composer clear-cache` at the end of a RUN that runs `composer install`, `update`, `require` or
 * `create-project`: the archives Composer downloaded stay in its cache after they are unpacked into vendor/.
 * Composer finds its own cache, wherever COMPOSER_HOME, COMPOSER_CACHE_DIR, XDG or its config put it, so the
 * cleanup names no folder. An rm after the install counts only when it removes every folder that may hold the
 * cache (composerCacheDirs): `rm -rf /root/.composer` leaves ~/.cache/composer, Composer's cache where the image
 * uses XDG.
 */
function composerPlans(file: ParsedDockerfile, stage: Stage, view: RunView, ctx: BuildContext | null): Plan[] {
  const run = toolRun(view, 'composer', composerDownload);
  if (run === null) return [];
  const { script, inst, at, installs, last } = run;
  // Already cleaned after the last one: `composer clear-cache` (clearcache, cc).
  if (mentionedAfterEach(script, installs.map((i) => i.command), /\bclear-?cache\b|\bcomposer\s+cc\b/)) return [];
  const vars = variablesAt(file, inst);
  const cacheDir = vars.get('COMPOSER_CACHE_DIR');
  if (cacheDir !== undefined && cacheDir.value === '/dev/null') return [];
  // What the command sees: the file's variables, else the image's (the composer image's COMPOSER_HOME=/tmp).
  const imageEnv = knownBaseImage(file, stage)?.facts.env ?? {};
  const lookup = (name: string): string | null | undefined => {
    const v = vars.get(name);
    return v === undefined ? imageEnv[name] : v.fromBuildArg ? null : v.value;
  };
  const home = homeDir(file, inst);
  // Folders the project's composer.json moves the cache to: removed by their paths, and Composer's own cache cleared
  // only where some of it stays there.
  const moved = projectCaches(file, inst, script, installs, lookup, ctx);
  const movedDirs = moved === null || 'unknown' in moved ? [] : moved.folders.map((f) => ({ dir: f.dir, when: `as ${moved.from} says (config.${f.key})` }));
  const clears = moved === null || 'unknown' in moved || moved.rest;
  const found = composerCacheDirs(lookup);
  // Or an rm -r, after each install, of every folder that may hold the cache (or of one above it).
  const removals = view.recognised.filter((r): r is RemoveFiles => r.kind === 'remove-files' && r.recursive);
  const removed = (r: RemoveFiles) => r.paths.flatMap((p) => {
    const value = p.word.value ?? expandWord(p.word.raw, (n) => (n === 'HOME' && vars.get(n) === undefined ? '~' : lookup(n) ?? null)).value;
    return value === null ? [] : [normalDir(value, home)];
  });
  const holds = (r: RemoveFiles, dir: string) => removed(r).some((d) => dir === d || dir.startsWith(`${d === '/' ? '' : d}/`));
  // Where the file moves the cache somewhere not followed, no rm of Composer's own folders cleans it.
  const dirs = [...movedDirs, ...(clears && (moved === null || !('unknown' in moved)) && 'dirs' in found ? found.dirs : [])];
  if (dirs.length > 0 && dirs.every((d) => installs.every((i) => removals.some((r) => coversFill(script, r.command, i.command) && holds(r, normalDir(d.dir, home)))))) return [];
  const mount = mountsOf(inst).find((m) => /composer|(?:^|\/)cache\/*$|^\/tmp(?:\/|$)/.test(m.target) || dirs.some((d) => related(normalDir(m.target, null), normalDir(d.dir, home))));
  if (mount !== undefined) return [mountRefusal(at, mount, "Composer's cache")];
  if (last.inv.sudo !== null || [...last.inv.env.keys()].some((k) => COMPOSER_PLACES.test(k))) {
    return [refusal(at, 'composer-cache-unknown', `\`${commandText(script, last.command)}\` runs Composer with its own user or variables: \`${last.runs} clear-cache\` at the end of the RUN would look in another cache`)];
  }
  // \`composer clear-cache\` reads the same composer.json, and so clears the folder it names, only where it runs as the
  // installs did: in the folder the RUN ends in, with no \`-d\` nor COMPOSER naming another.
  if (moved !== null && 'unknown' in moved) {
    const cd = script.commands.find((c) => c.start > last.command.end && ['cd', 'pushd', 'popd'].includes(c.name ?? ''));
    const apart = installs.find((i) => workingDir(i.args) !== undefined || i.inv.env.has('COMPOSER') || lookup('COMPOSER') !== undefined);
    if (cd !== undefined || apart !== undefined) {
      const why = cd !== undefined ? `\`${commandText(script, cd)}\` runs after the install` : `\`${commandText(script, apart!.command)}\` reads it from another folder or file (-d, --working-dir, COMPOSER)`;
      return [refusal(at, 'composer-cache-unknown', `${moved.unknown}; \`${last.runs} clear-cache\` at the end of the RUN would not read it: ${why}`)];
    }
  }
  const remove = movedDirs.length === 0 ? [] : [`rm -rf ${movedDirs.map((d) => shellQuote(d.dir)).join(' ')}`];
  const removeWhy = movedDirs.length === 0 ? '' : `remove the cache folder${movedDirs.length > 1 ? 's' : ''} ${moved !== null && 'from' in moved ? moved.from : ''} sets (${movedDirs.map((d) => d.dir).join(', ')})`;
  if (!clears) return [{ commands: remove, message: `composer ${installs[0]!.sub}: ${removeWhy} in the same layer` }];
  if (last.command.enclosing.includes('subshell')) {
    return [refusal(at, 'isolated-install', `\`${commandText(script, last.command)}\` runs in a subshell \`( … )\`: \`${last.runs} clear-cache\` at the end of the RUN would not share its PATH, variables or working folder`)];
  }
  // Composer's program or phar, not its XDG folders (~/.cache/composer) nor a cache folder named so.
  const program = (v: string) => COMPOSER_FILE.test(basename(v)) && !COMPOSER_FOLDER.test(normalDir(v, home)) && !dirs.some((d) => normalDir(d.dir, home) === normalDir(v, home));
  const removal =
    view.recognised.find((r) => r.command.start > last.command.start && r.kind === 'remove-files' && r.paths.some((p) => p.word.value !== null && program(p.word.value)))?.command ??
    script.commands.find((c) => c.start > last.command.start && programName(c) === 'mv' && c.args.some((a) => a !== null && COMPOSER_FILE.test(basename(a))));
  if (removal !== undefined) {
    return [refusal(at, 'program-removed', `\`${commandText(script, removal)}\` runs after the last composer command and may remove or move composer: \`${last.runs} clear-cache\` at the end of the RUN would fail`)];
  }
  // `php composer.phar install && cd sub`: the phar is named from a folder the end of the RUN is no longer in.
  const cd = last.relative ? script.commands.find((c) => c.start > last.command.end && ['cd', 'pushd', 'popd'].includes(c.name ?? '')) : undefined;
  if (cd !== undefined) {
    return [refusal(at, 'cwd-changed', `\`${commandText(script, cd)}\` runs after \`${commandText(script, last.command)}\`, which names Composer from the folder it runs in: \`${last.runs} clear-cache\` at the end of the RUN may not find it`)];
  }
  // An rm the file meant as the cleanup, which misses a folder that may hold the cache: said with the change.
  const partial = removals.find((r) => r.command.start > last.command.start && (dirs.some((d) => holds(r, normalDir(d.dir, home))) || removed(r).some((d) => /\/\.?composer(?:\/|$)/.test(d))));
  const left = partial === undefined ? [] : dirs.filter((d) => !holds(partial, normalDir(d.dir, home)));
  const partialText = partial === undefined ? '' : `\`${commandText(script, partial.command)}\``;
  const why =
    moved !== null && 'unknown' in moved
      ? ` (clear-cache reads ${moved.file}, which moves the cache where dockshift cannot follow${partial === undefined ? '' : ` and ${partialText} does not reach`})`
      : partial === undefined || left.length === 0 ? '' : ` (${partialText} leaves ${left.map((d) => `${d.dir}, its cache ${d.when}`).join('; ')})`;
  const message = removeWhy === '' ? `clear Composer's cache in the same layer${why}` : `${removeWhy}, and clear Composer's own cache, in the same layer${why}`;
  return [{ commands: [...remove, `${last.runs} clear-cache`], message: `composer ${installs[0]!.sub}: ${message}` }];
}

/** Composer's option that runs it in another folder: its value (null when only known at build time), or undefined. */
function workingDir(args: readonly ShellWord[]): string | null | undefined {
  for (let i = 0; i < args.length; i++) {
    const value = args[i]!.value;
    if (value === '--') return undefined;
    if (value === '-d' || value === '--working-dir') return args[i + 1]?.value ?? null;
    const joined = value === null ? null : /^(?:--working-dir=|-d)(.+)$/.exec(value);
    if (joined != null) return joined[1]!;
  }
  return undefined;
}

/**
 * What the project's composer.json, read by the installs in the folder they run in (\`-d\`, \`--working-dir\`, COMPOSER
 * naming another file), says of Composer's cache folders, where the build copies it in from the build context
 * (composerConfigCacheDirs): the folders it moves them to (\`from\`: that file, as a reason names it), or why they are
 * not known. Null where no install's file moves them, or the file is not read: \`global\` and \`create-project\` read
 * another, and one the context does not give is not known.
 */
function projectCaches(
  file: ParsedDockerfile,
  inst: Instruction,
  script: ShellScript,
  installs: readonly (ComposerInvocation & { readonly command: SimpleCommand; readonly sub: string })[],
  lookup: (name: string) => string | null | undefined,
  ctx: BuildContext | null,
): (ComposerConfigCaches & { readonly from: string }) | { readonly unknown: string; readonly file: string } | null {
  const read: (ComposerConfigCaches & { readonly from: string })[] = [];
  for (const install of installs) {
    if (install.sub.startsWith('global') || install.sub === 'create-project') continue;
    const sees = (name: string) => (install.inv.env.has(name) ? install.inv.env.get(name)! : lookup(name));
    const dir = workingDir(install.args);
    const project = dir === null ? null : commandPath(file, { inst, folder: folderMove(script, install.command) }, dir ?? '.');
    const named = sees('COMPOSER');
    const name = named === undefined || named === '' ? 'composer.json' : named;
    if (project === null || name === null) continue;
    const origin = originOf(file, inst, posix.resolve(project, name), ctx);
    const text = origin?.kind === 'context' ? (ctx?.read(origin.path) ?? null) : null;
    if (origin?.kind !== 'context' || text === null) continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      continue;
    }
    const from = `the build context's ${origin.path} (${preview(file, origin.inst)})`;
    const found = composerConfigCacheDirs(record(record(json).config), sees, homeDir(file, inst), project);
    if (found === null) continue;
    if ('unknown' in found) return { unknown: `${from} moves Composer's cache where dockshift cannot follow: ${found.unknown}`, file: from };
    read.push({ ...found, from });
  }
  const first = read[0];
  if (first === undefined) return null;
  const folders = read.flatMap((r) => r.folders).filter((f, i, all) => all.findIndex((o) => o.dir === f.dir) === i);
  return { folders, rest: read.some((r) => r.rest) || read.length < installs.length, from: first.from };
}

// ---------------------------------------------------------------------------
// Bundler

/** Bundler's commands that install gems (`bundle` alone is `bundle install`), downloading each .gem into the gem cache. */
const BUNDLE_DOWNLOADS = new Set(['install', 'update', 'add']);
/** Options that make \`bundle\` print and install nothing, given before any command. */
const BUNDLE_PRINTS = new Set(['--version', '-v', '--help', '-h']);
/** What moves where Bundler installs gems (and so their cache), which config it reads or which home it uses: bundler.io/man/bundle-config.1.html. */
const BUNDLE_PLACE_NAMES = 'GEM_HOME|GEM_PATH|BUNDLE_PATH|BUNDLE_PATH__SYSTEM|BUNDLE_DEPLOYMENT|BUNDLE_SYSTEM|BUNDLE_APP_CONFIG|BUNDLE_CONFIG|BUNDLE_USER_CONFIG|BUNDLE_USER_HOME|HOME';
const BUNDLE_PLACES = new RegExp(`^(?:${BUNDLE_PLACE_NAMES})$`);
/** The same set by the RUN's shell (\`export BUNDLE_PATH=…\`), which the install then sees. */
const BUNDLE_PLACES_SET = new RegExp(`(?:^|[\\s;&|(])(?:export\\s+)?(?:${BUNDLE_PLACE_NAMES})\\+?=`);
/**
 * `bundle cache` (`package`, `pack`): copies each gem's .gem file from the gem cache into the project's vendor/cache
 * (BUNDLE_CACHE_PATH), and stops at one it does not find there (bundler.io/man/bundle-cache.1.html).
 */
const BUNDLE_CACHE_COMMAND = /(?:^|[\s;&|(`'"]|\/(?:s?bin\/)?)bundler?\s+(?:cache|package|pack)(?=[\s;&|)`'"]|$)/m;
/** A later command that installs or restores gems from the cache alone. */
const BUNDLE_CACHE_READER = /\bbundle\s[^\n;&|]*--(?:local|prefer-local)\b|\b(?:gem|bundle)\s+pristine\b/;

/** A `bundle …` (or `bundler …`) command that downloads gems: how it is invoked and its command, or null. Not `--local`: it installs from the cache. */
function bundleDownload(c: SimpleCommand): { readonly inv: InvokedProgram; readonly sub: string } | null {
  const inv = invokedProgram(c);
  if (inv === null || (inv.name !== 'bundle' && inv.name !== 'bundler') || (inv.path !== inv.name && !inv.path.startsWith('/'))) return null;
  if (inv.args.some((w) => w.value === null)) return null;
  const { options, positionals } = splitArgs(inv.args, BUNDLE_GRAMMAR);
  if (options.some((o) => o.name === '--local' || o.name === '--prefer-local')) return null;
  const command = positionals[0];
  // \`bundle --version\` and \`bundle -h\` print and install nothing.
  if (options.some((o) => BUNDLE_PRINTS.has(o.name) && (command === undefined || o.word.start < command.start))) return null;
  const sub = command?.value ?? 'install';
  return BUNDLE_DOWNLOADS.has(sub) ? { inv, sub } : null;
}

/** The folder under a Bundler path that the stage's ruby puts the gems in: JRuby's on an image that runs it, else CRuby's. */
function bundlerRubyScope(file: ParsedDockerfile, stage: Stage): string {
  const base = rootStage(file, stage).base;
  const name = base.kind === 'image' && !base.ref.hasVariables ? base.ref.name.split('/').at(-1) : undefined;
  return name !== undefined && JRUBY_IMAGES.includes(name) ? BUNDLER_JRUBY_SCOPE : BUNDLER_RUBY_SCOPE;
}

/**
 * Where the .gem files of a RUN's installs are: \`dir\` as a shell word (globs for the version), \`root\` the folder it
 * lies in, \`why\` the setting that puts the gems there, as the change says it.
 */
type GemCache = { readonly dir: string; readonly root: string; readonly glob?: boolean; readonly why?: string } | { readonly unknown: string };

/**
 * Where the gems \`installs\` (the RUN's \`bundle install\`s) download are cached: under the path Bundler's settings give
 * them (bundlePath: \`bundle config set --local path vendor/bundle\`, \`--path\`, BUNDLE_PATH, deployment, a .bundle/config
 * copied in), in \`ruby/<version>/cache\` (the Rails Dockerfile's BUNDLE_PATH=/usr/local/bundle, huginn's vendor/bundle);
 * else the cache/ of the gem home the file sets (ENV GEM_HOME) or the image sets (the official ruby images'
 * /usr/local/bundle), or that of the distribution's ruby; or why that is not known.
 */
function gemCacheDir(file: ParsedDockerfile, stage: Stage, inst: Instruction, script: ShellScript, installs: readonly SimpleCommand[], ctx: BuildContext | null): GemCache {
  const paths = installs.map((c) => bundlePath(file, inst, script, c, ctx));
  const unknown = paths.find((p) => p.kind === 'unknown');
  if (unknown !== undefined) return { unknown: unknown.why };
  const under = paths.filter((p) => p.kind === 'path');
  if (under.length > 0) {
    const first = under[0]!;
    if (under.length < paths.length || under.some((p) => p.dir !== first.dir)) return { unknown: 'the installs of this RUN put the gems in different places' };
    const why = first.deployment ? `in ${first.dir}, the folder of deployment mode, which ${first.from} turns on` : `under the path ${first.from} sets`;
    return { dir: `${shellQuote(first.dir)}/${bundlerRubyScope(file, stage)}/cache`, root: first.dir, why };
  }
  const vars = variablesAt(file, inst);
  const set = vars.get('GEM_HOME');
  if (set !== undefined) {
    const home = set.fromBuildArg ? null : set.value;
    if (home === null || !home.startsWith('/') || /[$`\s*?[]/.test(home)) return { unknown: `GEM_HOME comes from ${preview(file, set.inst)}, whose value is only known at build time` };
    const trimmed = home.replace(/\/+$/, '');
    return { dir: `${shellQuote(trimmed)}/cache`, root: `${trimmed}/cache` };
  }
  const image = knownBaseImage(file, stage);
  if (image?.facts.gemHome != null) return { dir: `${image.facts.gemHome}/cache`, root: `${image.facts.gemHome}/cache` };
  // The distribution's ruby, installed with its package manager: its gem home, for root.
  const installed = distroRuby(file, stage, inst);
  if (installed !== null) {
    const { ruby, install } = installed;
    const other = stageLineage(file, stage)
      .flatMap((s) => s.instructions.filter((i) => i.index <= inst.index && (i.keyword === 'RUN' || i.keyword === 'ENV' || i.keyword === 'COPY')))
      .find((i) => OTHER_RUBIES.test(file.text.slice(i.span.start, i.span.end)));
    if (other !== undefined) return { unknown: `${preview(file, install)} installs ${ruby.what}, but ${preview(file, other)} may bring another ruby, whose gem home is not known` };
    if (image === null || image.facts.packageManager !== ruby.manager) return { unknown: `${preview(file, install)} installs ${ruby.what}, but the base image is not one dockshift knows to have no ruby of its own` };
    const user = userAt(file, inst);
    if (user === null || !/^(?:root|0)(?::|$)/.test(user.user)) {
      return { unknown: `${preview(file, install)} installs ${ruby.what}, whose gem home ${ruby.gemHome} root alone may write, and the RUN runs as ${user === null ? 'a user dockshift does not know' : `${user.user} (${user.from})`}: RubyGems and Bundler then install into that user's home` };
    }
    return { dir: `${ruby.gemHome}/cache`, root: ruby.gemHome.replace(/\/\*$/, ''), glob: true };
  }
  return { unknown: 'the base image is not one whose gem home dockshift knows (the official ruby images\' /usr/local/bundle), the file sets no GEM_HOME and installs no ruby with apt' };
}

/** The apt install, in the stage or those it builds on up to \`inst\`, of a ruby whose gem home DISTRO_RUBIES knows: the last one. */
function distroRuby(file: ParsedDockerfile, stage: Stage, inst: Instruction): { readonly ruby: DistroRuby; readonly install: Instruction } | null {
  let found: { readonly ruby: DistroRuby; readonly install: Instruction } | null = null;
  for (const s of stageLineage(file, stage)) {
    for (const install of systemInstalls(file, s, null)) {
      if (install.at.inst.index > inst.index) continue;
      const ruby = DISTRO_RUBIES.find((r) => r.manager === install.manager && install.packages.some((p) => r.packages.test(p.replace(/[=:].*$/, ''))));
      if (ruby !== undefined && (found === null || found.install.index <= install.at.inst.index)) found = { ruby, install: install.at.inst };
    }
  }
  return found;
}

/**
 * The .gem files \`bundle install\` (\`update\`, \`add\`) downloaded, removed from the gem cache at the end of the RUN:
 * Bundler unpacks each into the gem home's gems/ and keeps the package in its cache/, which nothing but a reinstall
 * from the cache alone (\`bundle install --local\`, \`gem pristine\`) or \`bundle cache\` reads. Only the .gem files:
 * cache/bundler/ holds the git sources' clones.
 */
function bundlerPlans(file: ParsedDockerfile, stage: Stage, view: RunView, ctx: BuildContext | null): Plan[] {
  const run = toolRun(view, 'bundle', bundleDownload);
  if (run === null) return [];
  const { script, inst, at, installs, last } = run;
  const found = gemCacheDir(file, stage, inst, script, installs.map((i) => i.command), ctx);
  // What the stage and those it builds on run up to this RUN: \`bundle config\` writes a file the later installs read.
  const upTo = stageLineage(file, stage)
    .flatMap((s) => s.instructions.filter((i) => i.keyword === 'RUN' && i.index <= inst.index))
    .map((i) => file.text.slice(i.span.start, i.span.end))
    .join('\n');
  // Already cleaned after the last one: an rm of (or a mention of) the gem cache, or a \`find … -name cache … -exec rm\` in a
  // folder that holds it (discourse's, in the vendor/bundle its \`bundle config --local path ./vendor/bundle\` installs into).
  const fills = installs.map((i) => i.command);
  if (mentionedAfterEach(script, fills, /GEM_HOME\}?"?\/cache\b|\/bundle\/cache\b|\/cache\/\*\.gem\b|\bruby\/[^/\s"']+\/cache\b|\/var\/lib\/gems\/[^/\s"']+\/cache\b/, 'root' in found && found.glob !== true ? [`${found.root}/`] : [])) return [];
  const folders = bundleFolders(upTo, file, inst, found);
  const finds = script.commands.filter((c) => removesCacheFolders(c, folders));
  if (fills.every((fill) => finds.some((c) => coversFill(script, c, fill)))) return [];
  const mount = mountsOf(inst).find((m) => /(?:^|\/)bundle(?:\/cache)?\/*$|\/gems\/[^/]+\/cache\/*$/.test(m.target) || ('root' in found && related(normalDir(m.target, null), found.root)));
  if (mount !== undefined) return [mountRefusal(at, mount, "Bundler's gem cache")];
  if (last.inv.sudo !== null || [...last.inv.env.keys()].some((k) => BUNDLE_PLACES.test(k)) || BUNDLE_PLACES_SET.test(script.source)) {
    return [refusal(at, 'gem-cache-unknown', `\`${commandText(script, last.command)}\` runs Bundler with its own user or variables: where it caches the gems is not known`)];
  }
  if ('unknown' in found) return [refusal(at, 'gem-cache-unknown', `where Bundler caches the gems is not known: ${found.unknown}`)];
  // \`bundle cache\` in this RUN has copied the .gem files into vendor/cache before the cleanup at its end; a later one
  // would find them gone. Where BUNDLE_CACHE_PATH makes the gem cache itself vendor/cache, they go with it.
  const cachePath = variablesAt(file, inst).get('BUNDLE_CACHE_PATH');
  if (cachePath !== undefined) {
    const value = cachePath.fromBuildArg || cachePath.value === null ? null : absolutePath(file, inst, cachePath.value);
    // The cleanup removes the .gem files right in the cache folder (\`*\` in it stands for the Ruby version).
    const folder = new RegExp(`^${found.dir.replace(/["']/g, '').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]+')}$`);
    if (value === null || folder.test(normalDir(value, null))) {
      return [refusal(at, 'gem-cache-wanted', `${preview(file, cachePath.inst)} may make the folder where \`bundle cache\` keeps the packages (vendor/cache) the gem cache the cleanup would empty`)];
    }
  }
  for (const later of laterRuns(file, stage, inst)) {
    const text = file.text.slice(later.span.start, later.span.end);
    const cache = BUNDLE_CACHE_COMMAND.exec(text);
    if (cache !== null) {
      return [refusal(at, 'gem-cache-wanted', `the later ${preview(file, later)} runs \`${cache[0].replace(/^[\s;&|(`'"]+/, '')}\`, which copies the gems' packages from the gem cache into vendor/cache: the cleanup would empty it first`)];
    }
    if (BUNDLE_CACHE_READER.test(text)) return [refusal(at, 'cache-used-later', `the later ${preview(file, later)} installs gems from the cache alone, which the cleanup would empty`)];
  }
  const where = found.why === undefined ? found.dir : `${found.dir}, ${found.why}`;
  return [{ commands: [`rm -rf ${found.dir}/*.gem`], message: `bundle ${installs[0]!.sub}: remove the downloaded .gem files from the gem cache (${where}) in the same layer` }];
}

/** Where the gems, and so their caches, are installed: the gem home, the BUNDLE_PATH, or the project's path Bundler is told to use. */
function bundleFolders(upTo: string, file: ParsedDockerfile, inst: Instruction, found: ReturnType<typeof gemCacheDir>): readonly string[] {
  const out: string[] = 'root' in found ? [normalDir(found.root, null)] : [];
  // `bundle config set --local path ./vendor/bundle`, `bundle install --path vendor/bundle`: relative to the project.
  for (const m of upTo.matchAll(/\bbundle\s+(?:config\s+(?:set\s+)?(?:--(?:local|global)\s+)?path\s+|install\b[^\n]*?\s--path[=\s]+)("[^"]*"|'[^']*'|[^\s;&|]+)/g)) {
    out.push(unquoteWord(m[1]!).replace(/^\.\//, '').replace(/\/+$/, ''));
  }
  // Deployment mode installs into vendor/bundle; so does an ENV BUNDLE_DEPLOYMENT without BUNDLE_PATH.
  if (/\bbundle\s+(?:config\s+(?:set\s+)?(?:--(?:local|global)\s+)?deployment\b|install\b[^\n]*\s--deployment\b)/.test(upTo) || variablesAt(file, inst).has('BUNDLE_DEPLOYMENT')) out.push('vendor/bundle');
  return out;
}

/**
 * A \`find DIR… -name cache … -exec rm -rf {} +\` (or \`-delete\`) that searches a folder holding one of \`folders\`
 * (absolute, or relative to a project: \`/var/www/discourse/vendor/bundle\` holds \`vendor/bundle\`).
 */
function removesCacheFolders(c: SimpleCommand, folders: readonly string[]): boolean {
  if (programName(c) !== 'find' || folders.length === 0) return false;
  const args = c.args;
  const at = args.findIndex((a) => a === '-name' || a === '-iname');
  if (at < 0 || args[at + 1] !== 'cache') return false;
  if (!(args.includes('-delete') || args.some((a, i) => (a === '-exec' || a === '-execdir') && /^(?:\S*\/)?rm$/.test(args[i + 1] ?? '')))) return false;
  const end = args.findIndex((a) => a === null || /^[-(!]/.test(a));
  const starts = args.slice(0, end < 0 ? args.length : end).filter((a): a is string => a !== null);
  return starts.some((start) => {
    const dir = normalDir(start, null);
    return folders.some((f) => (f.startsWith('/') ? f === dir || f.startsWith(`${dir === '/' ? '' : dir}/`) : dir === f || dir.endsWith(`/${f}`)));
  });
}

// ---------------------------------------------------------------------------
// Cargo

/**
 * cargo's subcommands that resolve dependencies and so may download crates into its home's
 * `registry/` (crates.io's index, the .crate archives and their unpacked sources) and `git/` (git
 * dependencies' clones and checkouts): doc.rust-lang.org/cargo/guide/cargo-home.html.
 */
const CARGO_DOWNLOADS = new Set(['install', 'build', 'b', 'fetch', 'check', 'c', 'test', 't', 'run', 'r', 'bench', 'doc', 'd', 'update', 'generate-lockfile', 'vendor', 'clippy', 'package', 'tree', 'metadata']);

/** cargo as a word of a RUN whose script is not read. */
const CARGO_WORD = /(?:^|[\s;&|/(])cargo\s/;

/**
 * The home's download caches, as the shell running the cleanup finds them: cargo uses CARGO_HOME, else
 * ~/.cargo (the rust images set CARGO_HOME=/usr/local/cargo). Never the home as a whole: its `bin/` holds
 * what `cargo install` installed, and its config files what the project set.
 */
const CARGO_CACHE_DIRS = ['registry', 'git'].map((d) => `"\${CARGO_HOME:-$HOME/.cargo}/${d}"`);

/** A `cargo …` command that reads or downloads crates: its subcommand, and whether it works offline (`--offline`, `--frozen`), or null. */
function cargoCommand(c: SimpleCommand): { readonly sub: string; readonly offline: boolean } | null {
  const inv = invokedProgram(c);
  const sub = inv?.name === 'cargo' ? cargoSubcommand(inv.args)?.sub.value : null;
  if (sub == null || !CARGO_DOWNLOADS.has(sub)) return null;
  return { sub, offline: inv!.args.some((w) => w.value === '--offline' || w.value === '--frozen') };
}

/**
 * cargo's download caches, removed at the end of a RUN that runs `cargo install`, `build`, `fetch`… of a
 * stage that ships. What cargo built or installed does not read them; a later cargo command downloads what
 * it needs again, unless it works offline.
 */
function cargoPlans(file: ParsedDockerfile, stage: Stage, view: RunView, ctx: BuildContext | null): Plan[] {
  const script = view.script!;
  // Every RUN of every file asks: one without the word runs no cargo.
  if (!script.source.includes('cargo')) return [];
  const inst = view.inst;
  const at = inst.span.start;
  const downloads = script.commands.flatMap((c) => {
    const cargo = cargoCommand(c);
    return cargo === null || cargo.offline ? [] : [{ command: c, sub: cargo.sub }];
  });
  const last = downloads.at(-1);
  // With CARGO_NET_OFFLINE set before the RUN, cargo downloads nothing.
  if (last === undefined || variablesAt(file, inst).has('CARGO_NET_OFFLINE')) return [];
  // Already cleaned after the last one: an rm of (or a mention of) the caches or the home, or cargo-cache's `cargo cache`.
  if (mentionedAfterEach(script, downloads.map((d) => d.command), /cargo\/(?:registry|git)\b|CARGO_HOME|\.cargo\b(?!\/(?:bin|env)\b)|\bcargo\s+cache\b/)) return [];
  const mount = mountsOf(inst).find((m) => /(?:^|\/)\.?cargo(?:\/|$)|\/(?:registry|git)\/*$/.test(m.target) || m.target.includes('CARGO_HOME'));
  if (mount !== undefined) return [mountRefusal(at, mount, "cargo's download caches (or part of them)")];
  const inv = invokedProgram(last.command)!;
  const own = /(?:^|[\s;&|(])(?:export\s+)?(?:CARGO_HOME|HOME)\+?=/.exec(script.source);
  if (inv.sudo !== null || [...inv.env.keys()].some((k) => k === 'CARGO_HOME' || k === 'HOME') || downloads.some((d) => d.command.enclosing.includes('subshell')) || own !== null) {
    return [refusal(at, 'cargo-home-unknown', `\`${commandText(script, last.command)}\` may run cargo with another home than the one a cleanup at the end of the RUN would see (its own user or variables, a subshell, or CARGO_HOME or HOME set in the RUN)`)];
  }
  const reader = laterCargo(file, stage, inst, ctx);
  if (reader !== undefined) return [refusal(at, 'cache-used-later', reader)];
  // After a RUN that downloaded the crates into its own layer (the dependency-caching step before
  // the build, refused there as cache-used-later), removing them here would not make the image smaller.
  if (earlierCargo(file, stage, inst)) return [];
  const first = downloads[0]!;
  return [{ commands: [`rm -rf ${CARGO_CACHE_DIRS.join(' ')}`], message: `cargo ${first.sub}: remove cargo's download caches (registry/, git/) in the same layer` }];
}

/** Whether an earlier RUN of the stage, or of a stage it builds on, runs a cargo command that may download crates. */
function earlierCargo(file: ParsedDockerfile, stage: Stage, inst: Instruction): boolean {
  return stageLineage(file, stage).some((s) =>
    s.instructions.some((earlier) => earlier.keyword === 'RUN' && earlier.index < inst.index && runRuns(file, earlier, (c) => cargoCommand(c)?.offline === false, CARGO_WORD)),
  );
}

/**
 * Why the caches are needed after the RUN, or undefined: a later RUN of the stage (or of one built on it)
 * runs cargo again (the build after a dependency-caching step such as `COPY Cargo.toml Cargo.lock ./` then
 * `cargo fetch`: it reads the crates this RUN downloaded, and would only download them again into its own
 * layer, or fail offline), the stage or one it builds on sets CARGO_NET_OFFLINE, or the container runs cargo
 * when it starts (`cargo run`, which would download every crate again there).
 */
function laterCargo(file: ParsedDockerfile, stage: Stage, inst: Instruction, ctx: BuildContext | null): string | undefined {
  for (const later of laterRuns(file, stage, inst)) {
    if (runRuns(file, later, (c) => cargoCommand(c) !== null, CARGO_WORD)) return `the later ${preview(file, later)} runs cargo again, which may read the crates this RUN downloads: without them it would download them again (or fail offline)`;
  }
  for (const s of file.stages) {
    if (s !== stage && !buildsOn(file, s, stage) && !buildsOn(file, stage, s)) continue;
    const set = s.instructions.find((i) => (i.keyword === 'ENV' || i.keyword === 'ARG') && /\bCARGO_NET_OFFLINE\b/.test(file.text.slice(i.span.start, i.span.end)));
    if (set !== undefined) return `${preview(file, set)} sets CARGO_NET_OFFLINE: cargo then builds from the caches alone, which the cleanup would empty`;
  }
  const final = file.stages.at(-1);
  if (final === undefined || (final !== stage && !buildsOn(file, final, stage))) return undefined;
  const command = startCommand(file, final);
  for (const { part, script } of startScripts(command)) {
    if (/(?:^|[\s;&|/])cargo\s/.test(script)) return `${preview(file, part.inst)} runs cargo when the container starts, which would download the crates the cleanup removes again`;
  }
  for (const started of startedScriptTexts(file, final, ctx, command)) {
    if (/(?:^|[\s;&|/])cargo\s/.test(started.text.replace(/^[ \t]*#.*$/gm, ''))) return `${started.path}, which the container runs when it starts, runs cargo, which would download the crates the cleanup removes again`;
  }
  return undefined;
}
