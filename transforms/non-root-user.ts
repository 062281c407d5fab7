import * as path from 'node:path';
import { own } from '../src/own.js';
import { accountPlan, createdUsers, currentUser, fileOwners, fixedAccount, groupWritableFolders, NONROOT_UID, shadowInstalledAt, userSpec, type AccountPlan, type CreatedUser, type FileOwner } from '../src/analysis/accounts.js';
import { copySteps, folderFill, workdirOf, type CopyStep, type FolderFill } from '../src/analysis/copiedFiles.js';
import { bindMounts, composeFileSaying, mountedSources, mountedTargets, serviceBuild, servicesOf, type ComposeService } from '../src/analysis/compose.js';
import { devContainerOf, devContainerSaid } from '../src/analysis/devContainer.js';
import { tiltLiveUpdate } from '../src/analysis/tilt.js';
import { actionLabelOf, dockerActionOf } from '../src/analysis/githubAction.js';
import { dockerPluginOf } from '../src/analysis/dockerPlugin.js';
import { commandOverrideBlocker, imageServiceAsUser, rootBlocker, startPipInstall, type Blocker } from '../src/analysis/privileges.js';
import { endsRunningArguments, short } from '../src/analysis/pidOne.js';
import { startScriptEnd, startScriptFiles, wrappedProgram } from '../src/analysis/startScriptFiles.js';
import { baseName, clearedCommand, idleCommand, messageCommand, runWords, startCommand, type CommandPart, type StartCommand } from '../src/analysis/startCommand.js';
import { BUILD_OUTPUT_NAME, folderMadeBefore, placeholderFolders, stateFolders, volumePaths, type StateFolder, type VolumePath } from '../src/analysis/volumes.js';
import { commentsBetween } from '../src/dockerfile/comments.js';
import { insertLinesBefore, insertLinesBelow, instructionHead } from '../src/dockerfile/edit.js';
import { descendantStages, isWindowsStage, rootStage, shellAt, shippedImages, stageLineage, stageNamed, testedStage, windowsStageWhy } from '../src/dockerfile/stages.js';
import type { Instruction, ParsedDockerfile, Stage } from '../src/dockerfile/types.js';
import { describeArgsWithoutDefault, envAtEnd, fromArgsWithoutDefault, properties, resolveBase } from '../src/dockerfile/variables.js';
import type { BuildContext } from '../src/engine/context.js';
import { defineTransform, dependingOn, refusal, reviewChange, type Edit, type Finding, type TransformContext } from '../src/engine/types.js';
import { baseEntrypoint } from '../src/knowledge/entrypoints.js';
import { identifyImage, missingTagWhy } from '../src/knowledge/identify.js';
import { baseCommand, chainguardRoot, chainguardUser, FAMILY_LABELS, FILE_CONVERTERS, hasCaCertificates, PROJECT_REWRITERS, releaseFamily, switchesFor, type BaseCommand, type FixedAccount, type ImageUser, type ServerSwitch } from '../src/knowledge/index.js';
import { TOOL_DRIVERS } from '../src/knowledge/buildTools.js';
import { installedPackages } from '../src/analysis/builds/packages.js';
import { commandsNamed, runScripts } from '../src/analysis/runScripts.js';
import type { IdentifiedImage } from '../src/knowledge/types.js';
import { continuedLayout, fileRunLayout, programWords, shellQuote } from '../src/shell/index.js';
import { SHELL_PROGRAMS } from '../src/shell/options.js';
import { publishedTargets, releaseStagesElsewhere } from '../src/analysis/buildTargets.js';
import { listed } from '../src/prose.js';
import { baseImageText } from '../src/analysis/stageTools.js';
import { identifiedWhateverArchitecture } from '../src/analysis/base.js';

type Options = { name: string; uid: number; target: string };

/**
 * A container that runs as root turns any hole in the program into root in the
 * container, and often on the host's mounts. Most programs need root only to be
 * installed. This gives the final stage a non-root user the way its base image's
 * family does it, and leaves alone what starts as root on purpose.
 */
export default defineTransform<Options>({
  meta: {
    name: 'non-root-user',
    summary: 'Run the final stage as a non-root user: the image\'s own, or a system account made with its tools.',
    docs: `When the final stage runs as root (no USER, or root/0 last), adds a USER after the last
step that needs root (the last RUN, COPY, ADD or WORKDIR) and before CMD/ENTRYPOINT (hadolint
DL3002). A \`USER root\` followed by such steps is how a stage installs things as root, and the USER goes
after them; a \`USER root\` (or 0) that is the stage's last step says the container runs as root on purpose,
and is refused (\`explicit-root\`). The user comes from the base image, as the knowledge base knows it:
- images that ship a non-root user use it, by number: node and oven/bun → \`USER 1000:1000\` (node, bun), apache/kafka and
  confluentinc/cp-kafka → \`USER 1000:1000\` (appuser), bitnami/kafka → \`USER 1001:0\`, nginxinc/nginx-unprivileged
  → \`USER 101:101\` (nginx; a stage that inherits its user already runs as it), Prometheus's prom/prometheus,
  alertmanager, node-exporter and pushgateway (also on quay.io/prometheus; the tags since their Dockerfiles end with \`USER
  nobody\`) → \`USER 65534:65534\` (nobody; inherited likewise), the official nginx prepared
  for it (see \`needs-root\`) → \`USER 101:101\` (nginx; \`101:0\` when it is prepared for root's group), .NET 8
  and later → \`USER 1654:1654\` (app; .NET 6 and 7 images have no such user and get one made as on Debian),
  distroless (and oven/bun's distroless tags) → \`USER 65532:65532\` (nonroot; on the :debug tags, whose only shell is busybox's
  /busybox/sh, a RUN that gives the user a folder is written \`RUN ["/busybox/sh", "-c", "…"]\`, as shell form runs /bin/sh, unless a SHELL
  names a POSIX shell already; with no folder to give, no RUN at all), Chainguard's images (cgr.dev/chainguard, known
  by their user alone: src/knowledge/chainguard.ts) after a \`USER root\` that installs (\`apk add\` on a -dev tag) →
  \`USER 65532:65532\` (nonroot, or the account named for the program: node, nginx), also when the stage names no
  command (the image's own runs as that user by default); no user is created. Only the -dev tags (and busybox) have
  a shell for a RUN that gives the user a VOLUME or a data folder: on the others that is refused (\`volume\`);
- scratch gets \`USER 65532:65532\`: a number needs no account (nor a home: HOME is /, root's, and the review
  note says so, for a program that keeps a cache or settings there);
- Debian and Ubuntu: \`groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid 10001
  --no-log-init --create-home app\`; Alpine and busybox: \`addgroup -S -g 10001 app && adduser -S -D -u 10001
  -G app app\` (the account gets a home, /home/app, where the app's tools keep caches and configuration); images without useradd but with microdnf, dnf, yum or tdnf (UBI standard and minimal, Fedora, Amazon
  Linux) install shadow-utils first, with zypper (openSUSE Leap) shadow, unless a RUN of the stage before its VOLUMEs
  installs it and nothing removes it again. The USER is numeric (\`10001:10001\`),
  which Kubernetes' runAsNonRoot can verify;
- when the stage already creates exactly one account, or gives its files to one user (\`COPY
  --chown=nobody\`, \`RUN chown -R app /srv\`), and never switches to it, USER names that user (by
  number when the Dockerfile gives its uid, with the gid where it gives one: \`useradd -u 1001 app\` → \`USER 1001\`;
  the image's own user by its number; an account whose number the base image's family fixes by that number, unless
  the stage may renumber it: Debian's and Ubuntu's www-data → \`USER 33:33\`, nobody → \`USER 65534:65534\`), in the group its files are
  given with, other than its own (\`chown -R unit:root /opt/unit\` → \`USER unit:root\`, root's group as OpenShift runs
  it), or that a compose service built from the Dockerfile runs that user in (netbox-docker's \`user: unit:root\`); the
  image's own user keeps its number there (\`COPY --chown=node:root\` on node → \`USER 1000:0\`), as an account the
  stage creates does (\`useradd --uid 1001 app && chown -R app:root /app\` → \`USER 1001:0\`). A name stays where the uid
  is not known (saleor's \`useradd -r -g saleor saleor\`, whose uid useradd picks at build time; a package's account,
  such as unit): Kubernetes' runAsNonRoot cannot verify a name, and the review note says so and how to give the
  account a number. The transform does not give it one: a uid it picks may be taken, and what containers of the
  image already wrote in volumes belongs to the uid the account has now.
Name and uid: \`-o non-root-user.name=app\`, \`-o non-root-user.uid=10001\` (gid = uid).

What the user may write: it owns nothing it did not own before, except where the Dockerfile shows
the app writes. That is decided conservatively, from the Dockerfile and the build context only:
- each VOLUME of the final stage is created and given to the user in the RUN that makes the user
  (or a RUN of its own for an image's user), placed before the VOLUME, unless a RUN before the VOLUME
  already gives that folder to the user (\`chown app /data\`, or \`chown -R app /srv/media\` after a
  \`mkdir -p /srv/media/images\` of the same RUN made it), or it is /tmp or /var/tmp, which every
  user may write to (except on scratch, which has none); it is only given, not made again, when a step before that
  RUN makes it (\`RUN mkdir -p /commafeed/data\` above \`VOLUME /commafeed/data\`, or a WORKDIR); COPYs into a VOLUME get \`--chown\`;
- a COPY that puts a SQLite database of the build context (\`*.db\`, \`*.sqlite\`, \`*.sqlite3\`) into the
  image gets \`--chown\`, and the folder that holds it there is made the user's as a VOLUME is: SQLite writes to
  the file and its journal (\`-journal\`, or \`-wal\` and \`-shm\`) beside it. A folder the COPY makes itself (one
  inside a copied folder) has its \`--chown\` already. The app's folder (the working folder or one holding it, or
  a folder other COPYs write to) stays root's: a database there is refused (\`writes-app-folder\`);
- a folder the Dockerfile makes or copies into under /var/lib, /var/cache, /var/log, /var/spool or /run (a
  WORKDIR, a \`mkdir\`, a COPY destination; the folder one level below: \`/var/lib/vector\`) is where a program
  keeps what it writes while it runs (the FHS's variable data), as one under /data is by the images' convention
  (\`WORKDIR /data/docuseal\`, and /data itself: unlike /var/lib, no system program shares it), and so is one it makes that an ENV names as the
  app's data, log or cache folder (\`QW_DATA_DIR=/quickwit/qwdata\`, \`GF_PATHS_LOGS\`, \`CACHE_PATH\`, and the variables of
  libraries that download or cache there while the app runs: \`HF_HOME\`, \`TORCH_HOME\`, \`MPLCONFIGDIR\`, \`OLLAMA_MODELS\`,
  \`XDG_CACHE_HOME\`…, src/knowledge/toolState.ts; not a package
  manager's own setting, such as \`POETRY_CACHE_DIR\` or \`YARN_CACHE_FOLDER\`, the build's cache, nor a folder
  the system shares, such as \`LOG_DIR=/var/log\` or \`CACHE_DIR=/tmp\`), and so is one a RUN's \`mkdir\` makes and names
  \`data\`, \`db\`, \`log\`, \`logs\`, \`upload\` or \`uploads\` (\`mkdir /app/data\`: an empty folder only the running app fills; also one a
  build stage makes inside the folder a \`COPY --from\` without --chown copies out of it, as multi-stage leaves \`RUN mkdir -p
  uploads\` in the build stage and copies the app folder whole), or that the command
  names and nothing is copied into (\`mkdir /datastore\` for \`CMD ["python", "app.py", "-d", "/datastore"]\`), or that
  the build leaves empty, whatever its name, as it exists only for the running app to write in (uploads, caches, pid
  files, sockets: \`mkdir -p app/users/images\`, \`mkdir -p /app/media\`): the innermost folder a mkdir makes (\`mkdir -p a/b\`
  leaves b empty, not a; one an earlier COPY filled is made for the app all the same), that no later mkdir, COPY or ADD puts anything in, no later command names a path in or runs in
  (but chown, chgrp and chmod), and no RUN of more than the system's steps follows when it is named as a build's output
  (\`mkdir staticfiles\` before \`manage.py collectstatic\`, dist, build, public, assets: what the build fills the app only
  reads, as one an earlier COPY filled: public/index.html); one a later COPY of a folder holding it fills is the app's all the
  same, with what it brings, where the build context shows the folder that COPY brings (\`COPY . /app\` of a project holding
  media/; refused, \`volume\`, when the RUN that gives it goes before a VOLUME above that COPY), but not where it comes from
  another image; not one a WORKDIR makes, one an ENV names (\`QW_CONFIG=/quickwit/config/quickwit.yaml\`,
  \`PIP_CACHE_DIR\`), one the Dockerfile gives an owner (a \`chown -R\` of a folder holding it) or opens to a group or every user
  (\`chmod 1777 /app/tmp\`, \`chmod g+w\`; \`chmod 755 uploads\` leaves it root's to write), one named for what the app reads
  (config, conf.d and other .d folders, certs, ssl, secrets, keys), one in the system's trees (/usr, /etc: \`/etc/nginx/conf.d\`
  that a mounted configuration fills) but in the app's working folder there (\`/usr/src/app/images\`), read with what an ENV sets
  (\`mkdir -p $APP_HOME/thumbnails\`; one a build argument names, \`mkdir -p "$MEDIA_ROOT"\`, is refused: \`volume\`, as a build may
  name another folder), nor one in /tmp or /var/tmp, the build's scratch space. Such a folder is made the
  user's, with what a RUN put in it (\`chown -R\`: a log file it touched), and
  COPYs into it get \`--chown\` (a folder such a COPY makes needs nothing more). A folder such an ENV names that no step
  makes and no RUN may fill (one that names it, by its path or the variable, or one after the ENV that runs more than the
  system's package managers and file tools, whose programs may read the variable; for a library's download cache,
  \`HF_HOME\` and the like, also more than package installs, \`pip install -r requirements.txt\`, which do not write there) is made by the new RUN and given to the
  user (\`mkdir -p /cache && chown 10001:10001 /cache\` for \`TRANSFORMERS_CACHE=/cache\`): the app makes it when it first
  writes there, which the user may not do in / or another root-owned folder. Not the package tools' own
  (/var/lib/dpkg, /var/cache/apt…, the locales and D-Bus folders under /var/lib), nor the app's folder: one holding the working folder that the code is copied into, and one inside it that a COPY fills
  (\`WORKDIR /data\` with \`COPY --from=build /data/node_modules ./node_modules\`: the app's code, not its data).
- a folder of the build context that a COPY puts in the image (also through \`COPY --from\` of a stage that copied it) holding
  nothing but placeholders (\`.gitkeep\`, \`.keep\`, \`.gitignore\`; what the ignore file leaves out does not count), named as such a
  data folder is (\`db/.gitkeep\`) or holding one (Overseerr's \`config/\` of \`db/.gitkeep\` and \`logs/.gitkeep\`, where it writes
  its settings too): the project keeps it so the running app finds it to write in; the outermost such folder is made the user's;
- a folder of the base image that its own program writes while it runs (\`writtenAtRun\` in src/knowledge: the tomcat
  image's /usr/local/tomcat/webapps, where Tomcat unpacks each WAR at deploy; its logs, temp and work are open to
  all) is made the user's (the folder, not what is in it), and COPYs into it get \`--chown\`;
- a folder a RUN run as root opens to its group and not to others (\`chmod g+w /srv/cache\`, \`chmod 775\`, the
  OpenShift-style \`chgrp -R 0 /app && chmod -R g=u /app\`), and that no chown, chgrp or \`COPY --chown\` gives to
  another user or group, is root's group's to write: the image is made for a user in group 0 (OpenShift runs an arbitrary uid
  in it), so USER puts the user in that group (\`USER 1000:0\`, \`USER 10001:0\`).
- the working folder the container starts in, when the stage makes it after its last RUN and nothing is
  copied into it, no RUN names it and the command runs no file relative to it (\`WORKDIR /meili_data\` for
  \`CMD ["/bin/meilisearch"]\`, which writes ./data.ms): an empty folder only the running app can fill, made the
  user's where the image has a shell to do it; one an ENV names (\`WORKDIR \${SHIORI_DIR}\`, the variable the app reads
  to find its data) is the app's data folder, not a guess, and without a shell (scratch) it is refused (\`volume\`).
The working folder the code is copied into is not assumed writable: an app that writes next to its code (caches, uploads,
logs in WORKDIR) needs a VOLUME or its own \`--chown\`, and the review note says so.

A review change: it changes how the container runs (the user, and so what it may read, write and
bind). Only new volumes start out the user's: when it gives data folders to the user, the review note says that a named
volume or bind mount a container of the earlier image filled as root keeps root's files, and the \`chown\` that gives it over. Refuses, leaving the file as it is:
- \`windows\`: a Windows stage (users work differently there);
- \`dev-container\`: a devcontainer.json of the build context (\`devcontainer.json\`, \`.devcontainer.json\`,
  \`.devcontainer/devcontainer.json\`) builds the Dockerfile (\`build.dockerfile\`, \`dockerFile\`, or the \`build\` of the compose
  \`service\` it runs from its \`dockerComposeFile\`): the configuration
  picks the user (\`containerUser\`, \`remoteUser\`), which its features often create after the build (common-utils); or
  the Dockerfile is CodeSandbox's \`.codesandbox/Dockerfile\`, whose terminals open in the container as root; or
  the final stage builds on an image made to be worked in (a dev container image of
  mcr.microsoft.com/devcontainers, a Gitpod workspace, a Cloud Workstations image, code-server: src/knowledge/devEnvironments.ts), which picks the user its users work as; or
  it runs \`unminimize\`, which puts back Ubuntu's man pages and documentation for people who work at its prompt, or is labelled
  for Toolbx (\`LABEL com.github.containers.toolbox="true"\`: toolbox(1) enters it as the host's user), or installs code-server itself, or
  Xdebug, PHP's step debugger (unless only under a condition, as a build argument's \`if\`); or
  it installs two or more debuggers and tracers (gdb, strace, valgrind, tcpdump…: src/knowledge/devEnvironments.ts), a debug
  image whose users attach to its processes and capture its packets as root through \`docker exec\`; or
  a compose file (as for \`needs-root\`) mounts the build context of the service built from this Dockerfile into it (\`.:/app\`),
  where the stage works (its working folder, or where it copies the context), and sets no \`user:\`: the container runs the
  host's checkout, owned by the host's user, and writes there; or
  the build context's Tiltfile builds it with \`docker_build\` or \`docker_build_with_restart\` and a \`live_update\`, whose
  steps write into the running container (a synced binary in /usr/local/bin, the restart file) as its user;
- \`base-image\`: the final stage sets no CMD or ENTRYPOINT, starts only a shell or a language's
  prompt (\`bash\`, \`/bin/sh\`, \`python3\`, \`node\`, \`irb\`, \`php -a\`, \`clj\`, \`lein repl\`, babashka's \`bb\`: what the official base images
  start; as the CMD behind a one-script ENTRYPOINT or an init's \`--\` too), only prints a message and exits
  (\`CMD ["echo", "Use it in a stage"]\`, \`printf\`, \`true\`), or has an \`ONBUILD RUN\`, so it is an image others build on, where a USER would make their
  RUNs (and its triggers) non-root, or, built on scratch, only holds files (a build's output); also on an image the knowledge base
  does not know when what it starts is known (src/knowledge/entrypoints.ts): a shell, on a tag it does not know of an official
  distribution's image (\`centos:6\`, \`debian:6\`) or on java (openjdk's images under their old name), or hello-world's \`/hello\`;
- \`no-command\`: the final stage clears its command (\`ENTRYPOINT []\` with no CMD, or \`CMD []\`), or its
  ENTRYPOINT is a script of the build context that ends in \`exec "$@"\` and it sets no CMD (Prefect's client
  image), unless the script itself switches users or does what needs root (refused as that: ClickHouse's
  entrypoint starts its server with \`clickhouse su\` when given no command), so it starts only what \`docker run IMAGE COMMAND\` or a platform (Heroku's heroku.yml, a compose file)
  names, which the Dockerfile does not show; or its ENTRYPOINT is a build tool's driver alone (\`go\`, \`cargo\`) on its
  toolchain's image (golang, rust) and it sets no CMD: the image is the toolchain, run on the project and subcommand \`docker run\` gives it, whose files
  (mounted from the host, keeping their owner) only \`docker run --user\` can match; or its command only waits (\`sleep infinity\`, \`tail -f /dev/null\`),
  keeping the container up for what \`docker exec\` starts there; or the start script it runs, read from the build context, ends by
  starting a prompt (\`pip install -e .; bash\`, \`exec bash -l\`): a workbench whose users type what runs;
  or its ENTRYPOINT is a shell given \`-c\` alone (\`["bash", "-c"]\`) and it sets no CMD: it runs the command line \`docker run\` gives it;
- \`project-tool\`: the container runs (also behind an init, or Bundler's \`bundle exec\`) a tool that checks a project's files and rewrites them
  in place (PROJECT_REWRITERS in src/knowledge: codespell with \`-w\`, Black, isort, Ruff, Prettier with \`--write\`, ESLint
  with \`--fix\`, shfmt, clang-format…), a static site generator that builds the site into the project (MkDocs' site/,
  Jekyll's _site/, Hugo's and Zola's public/), or a converter that writes what it makes beside the files it is given or
  where its arguments say (FILE_CONVERTERS: pandoc, FFmpeg, ImageMagick, wkhtmltopdf, Ghostscript, Tesseract, Asciidoctor,
  Typst, LaTeX…): such an image runs on the project or folder \`docker run\` mounts (\`-v "$PWD:/data"\`), whose files keep
  their owner from the host, so the user that may write them is the one \`docker run --user\` picks;
- \`manages-privileges\`: the command, an entrypoint script it runs (read from the build context) or
  a RUN uses gosu, su-exec, setpriv, chroot, su, runuser, s6-setuidgid, chpst, sudo or doas (or a multi-call
  program's subcommand that does the same: ClickHouse's \`clickhouse su\`), or a configuration file the command names
  with \`-f\`, \`-c\` or \`--config\` (read from the build context) names one (haproxy.cfg's \`chroot\`; the reason names
  it as the file the program reads): the image starts as root to switch users itself; or the final stage runs the server of an official database or service image whose
  docker-entrypoint.sh, started as root, sets up the data folder and runs itself again as the server's account with gosu
  (postgres, mysql, mariadb, mongo, redis; rabbitmq, cassandra, couchdb, zookeeper, and HashiCorp's consul and vault, with
  su-exec or setpriv; envoyproxy/envoy, whose entrypoint runs any command as envoy with su-exec unless an ENV sets
  ENVOY_UID=0: src/knowledge/entrypoints.ts), with no command of its own, or a CMD in exec form that names the server
  (\`CMD ["redis-server", "/etc/redis.conf"]\`, \`CMD ["agent", "-server"]\`) or only gives it options (\`CMD ["-c", "fsync=off"]\`),
  where its entrypoint takes them, also after the entrypoint's own name (\`CMD ["docker-entrypoint.sh", "postgres"]\`: the
  entrypoint runs a first word it does not know with \`exec "$@"\`, so it starts again with the server);
- \`entrypoint-unread\`: the command runs a script that cannot be read (no build context, copied
  from another image, made or fetched by another stage, missing, written over by a RUN after its COPY (\`cat > /start.sh\`,
  \`tee\`, \`cp\`, \`mv\`, \`sed -i\`, \`curl -o\`: the image holds what that RUN writes), or by one that may write it without
  naming it (\`cp /opt/scripts/* .\`, \`cp -r /tmpl/. /app/\`, \`tar xf a.tar -C /app\`, \`unzip\`, \`git clone\`, \`make
  install\`, a script or interpreter it runs, a RUN not read; not \`chmod\`, a package manager's install, or a copy to
  another folder), or where a later \`COPY --from\` of a path that may be
  a folder would put its contents: \`COPY --from=build /app/target/release/app /\`; what the stage's compiler writes with \`-o\`,
  such as \`go build -o /out/server\`, is a file, and a program rather than a script, whatever its name; or named through an ENV that
  reads a build argument, \`exec $APP/start.sh\` under \`ARG APP=/app\` and \`ENV APP=$APP\`, whose default names only what a plain build
  runs and which \`--build-arg\` may change, unless the default's script switches users itself): it may switch users itself. A script
  another stage copied from the context is read there (\`COPY --from=build /app ./\` of the build stage's
  working folder holds the \`scripts/start.sh\` it copied in). The program an init starts
  (\`tini -- start.sh\`, \`dumb-init start.sh\`) is looked up on PATH, as the first word is: a script
  the Dockerfile copies there is read, and the image's own \`docker-entrypoint.sh\` is the image's.
  A program a RUN links into place (\`ln -s /app/run.sh /usr/bin/app\`) is the file the link leads to. A script named by its path that no COPY or ADD puts in the image (\`CMD ["/init.sh"]\` with
  /init.sh bind-mounted at run time, or added by an image built on this one), or found from a
  working folder a build argument names (\`WORKDIR $APP_HOME\`) or that no WORKDIR (or only a relative one) sets on a
  base image whose own is not known (\`CMD ["./run.sh"]\` on ubi8-minimal), cannot be read either (but one a COPY to a
  relative destination puts in that same folder, with no WORKDIR at all, is read: \`COPY extensions.sh ./\` then
  \`CMD ["./extensions.sh"]\`, unless a later COPY may write a file of that name or a RUN names it other than to
  \`chmod\` or \`chown\` it), nor a program a shell-form command
  names with a variable no ENV sets (\`ENTRYPOINT /usr/bin/$INITSH\`); one an ENV sets is read as its value names it;
- \`needs-root\`: the base image must start as root (httpd, php's apache; the official nginx unless the stage proves it
  needs not: every site in effect, read from the build context, listens on a port above 1023 and replaces or removes
  the image's default.conf on port 80, templates can be rendered into conf.d, and the user nginx may write the pid file
  and /var/cache/nginx (given to it, or opened to root's group only, as an image made for OpenShift's arbitrary uid in
  group 0 is: then it runs in that group, \`USER 101:0\`), or a copied nginx.conf moves them to /tmp; then the stage runs as the image's nginx, 101,
  and otherwise the reason names the condition that fails), or a compose file at the context's root
  (\`compose.yaml\`, \`docker-compose.yml\`…, alone and with the override file compose merges in, \`docker-compose.override.yml\`, merged by the Compose specification's rules;
  or one a \`-f\` names, there or in a folder directly below it: \`docker-compose.prod.yml\`, \`docker/docker-compose.yml\`;
  or one in a folder above the context, up to the top of the git work tree and three folders at most, whose \`build\` names
  this Dockerfile by its text: Flowise's docker/docker-compose-queue-source.yml for docker/worker/Dockerfile)
  runs the service it builds from this Dockerfile with a container engine's
  socket mounted (\`/var/run/docker.sock\`, \`podman.sock\`): the program manages the host's containers, and the
  socket is root's (or a group of the host's), or an action.yml (or action.yaml) at the context's root runs this
  Dockerfile as a Docker container action (\`runs.using: docker\`; also the Dockerfile at its root when it runs a published
  image, \`docker://…\`, the prebuilt image of that Dockerfile as actions ship it), or the stage (or one it builds on) sets a
  \`com.github.actions.name\` (\`.description\`, \`.icon\`, \`.color\`) label, the metadata of an action's image, which an
  action.yml may run as a published image (\`docker://…\`, super-linter's): GitHub runs the action as the image's user and
  requires root, which alone may write the workspace it mounts, or a config.json in the Dockerfile's folder (or at the context's
  root) declares a Docker engine plugin (\`interface.types\` such as \`docker.logdriver/1.0\`, and an \`entrypoint\`): \`docker plugin
  create\` makes the plugin from the image's files and that configuration, which picks its user (root unless it sets \`user\`),
  and never reads the image's USER (Loki's Docker logging driver), or the app uses a library that opens serial devices
  (pyserial, serialport, zigbee-herdsman: SERIAL_CLIENTS in src/knowledge), whose nodes root and the dialout group own, which
  another user may open only when the container is also run with \`--group-add dialout\`, or a RUN installs a driver of an AMD or Intel GPU (Mesa's Vulkan, OpenCL or
  VA-API drivers, Intel's media and compute drivers, ROCm's runtime: GPU_DRIVER_PACKAGES in src/knowledge), which opens /dev/dri's
  (or /dev/kfd's) nodes, root's and the host's render and video groups', likewise (NVIDIA's device nodes are open to all), or the command (or its
  entrypoint script, or the package.json script \`npm run NAME\` runs, not NAME itself) is an init system (also a service supervisor run as one: runit's runsvdir, s6-svscan, my_init), a Docker daemon (or the Docker tools are installed: a distro's docker.io, docker-ce, docker-cli, moby-engine or Compose package, Docker's static binaries from download.docker.com, or copied from the docker image, also through a stage built on it), a VPN: OpenVPN, WireGuard, strongSwan or Libreswan's ipsec, ocserv, openconnect, xl2tpd, pptpd, ZeroTier, tinc, tailscaled (or a RUN installs one's package, which a compiled program may start; or a firewall's package, iptables, nftables, ipset or ebtables, installed to change the rules), a packet capture (tcpdump, tshark, dumpcap, termshark, ngrep) or a network scanner (nmap, masscan, arp-scan; or a RUN installs one, which a wrapper such as python-nmap runs), WireGuard's wg, debootstrap, certbot, sshd, cron,
  a backup tool (restic, rustic, BorgBackup, borgmatic: it reads the mounted data whatever its owner and mode, and restores owners),
  supervisord, a server from distro packages that binds a low port or switches users itself (nginx,
  Apache, php-fpm, Postfix, named, CoreDNS, NSD, PowerDNS, Dante's sockd, stunnel; nginx under another name: OpenResty, Angie), JupyterHub (by default it checks
  passwords with PAM and starts each user's server as that user), or a database that runs as the account owning its data (mysqld,
  postgres, mongod; redis-server and valkey-server, which without a configuration save into the working folder, root's), or it
  reads a configuration file a distro package installed and no COPY replaces, one that makes it need root (Debian's
  /etc/haproxy/haproxy.cfg chroots and switches to the haproxy account; /etc/mosquitto/mosquitto.conf writes where the
  mosquitto account owns); or what the container runs at start (its command, an \`sh -c '…'\` string, an entrypoint
  script) changes the system, which only root may: a system package manager installing, updating, removing
  or cleaning (\`apt-get update\`, \`apk add\`…), a global npm, pnpm or yarn install, \`uv pip install --system\` (uv,
  unlike pip, does not fall back to the user's site-packages; a \`pip install\` at start, which does, is named in the
  review, and refused for a uid with no account, whose HOME is root's /), starting, stopping or
  reloading a system service (\`service NAME start\`, \`/etc/init.d/NAME start\`, \`rc-service\`, \`invoke-rc.d\`,
  \`systemctl start\`; an action only known at run time counts), the account tools
  (useradd, adduser, groupadd, usermod…), chown, chgrp, \`install\` with an owner or group (\`-o\`, \`-g\`), update-ca-certificates, setcap, ldconfig (unless it
  only prints, links or writes no \`/etc/ld.so.cache\`: \`-p\`, \`-n\`, \`-N\`, \`-C\`), the firewall
  (iptables, nft, ipset, ebtables), kernel modules (modprobe, insmod), or \`ip\` or \`tc\` changing the
  network (\`ip link set\`, \`tc qdisc add\`; \`ip route\` only reading is fine): CAP_NET_ADMIN from
  \`--cap-add\` reaches root, not another user.
  In an entrypoint script, a program counts where a command runs it or names it (\`exec gosu app "$@"\`,
  \`set -- php-fpm "$@"\`), not where a test or a case pattern only compares the command with it
  (\`[ "$1" = 'php-fpm' ]\`), nor where a probe is given it as a host (nc, pg_isready, redis-cli…: \`until nc -z postgres 5432\`,
  the wait for a database before the app starts); and a system change such a script makes (often only when it runs as root)
  is the reason only when the command itself runs nothing root-only. A Python, Perl, Ruby or Node script the command
  runs by its \`#!\` line counts a string that names such a program, alone or with options or paths
  (\`subprocess.run(["update-ca-certificates"])\`, \`system("chown -R app /data")\`), as one it runs;
- \`privileged-port\`: it exposes or listens on a port below 1024 (EXPOSE, a PORT variable such as \`PORT\`, \`HTTP_PORT\` or
  \`SMTP_LISTEN_PORT\`, not one named for a server the program connects to: \`SMTP_PORT\`, \`OR_EMAIL_PORT\`, \`DB_PORT\`,
  \`REDIS_PORT\`, src/knowledge/ports.ts; a \`--port\` argument or a
  listening address (\`:80\`, \`0.0.0.0:80\`; not \`nginx:80\`, a server it waits for), a setting named for a port
  (\`--server.port=80\`, \`-Dserver.port=80\`), the operand of \`python -m http.server 80\`, the \`bind\` of
  gunicorn's configuration file, in the command, in the package.json script it runs (\`npm start\`) or in the command
  a start script it runs \`exec\`s or ends with (or the last line of a configuration file the command names with \`-f\` or
  \`-c\`: haproxy.cfg's \`bind :80\`); ASP.NET Core's \`ASPNETCORE_URLS\` or \`ASPNETCORE_HTTP(S)_PORTS\` as
  the Dockerfile's ENVs and the image leave them: .NET images before 8 set \`ASPNETCORE_URLS=http://+:80\`; the runtime
  image's count once a COPY brings ASP.NET Core in from an aspnet image's /usr/share/dotnet); a literal listen address
  in the Go sources of the build context when a stage runs \`go build\` (\`http.ListenAndServe(":80", r)\`; not tsnet's \`Listen\`, on the tailnet,
  \`Addr: ":443"\`, gin's \`Run(":80")\`; in a cmd/NAME layout, only the started program's folder, or those of the programs the Dockerfile builds when it starts none by name: \`dlv exec\`), also when
  a RUN gives a program \`cap_net_bind_service\` with setcap, which the reason names: a process gains that capability
  only where the runtime keeps it and allows privilege gains (not under no-new-privileges); the sites of the Caddyfile
  Caddy loads (\`caddy run --config\`, also the caddy image's own command, which loads the /etc/caddy/Caddyfile a COPY of
  the build context puts there or the image's own, serving :80): a site's port, or for a host 443 and 80 (its redirects),
  unless the global options \`http_port\` and \`https_port\` move them (src/knowledge/caddy.ts), and \`caddy file-server\`'s
  \`--listen\` (:80 without it); a Caddyfile it cannot read (\`{$PORT}\` that no ENV sets, an \`import\` at the top level,
  a JSON configuration) is refused too, as is a plugin's subcommand (\`caddy docker-proxy\`). The caddy image's /usr/bin/caddy carries \`cap_net_bind_service\`, which the
  reason names; a caddy copied over it (\`COPY --from=builder /usr/bin/caddy\` of an xcaddy build) is not taken to keep it,
  as COPY does not carry file capabilities in most builders. On caddy before 2.11.1, /data/caddy and /config/caddy are
  root's and are made the user's (\`writtenAtRun\`); from 2.11.1 on every user may write them;
- \`root-home\`: the container relies on root's home, /root (mode 700 on Debian, Ubuntu and Alpine, so the user
  cannot read or run what is there): an ENV names a path in it (\`PATH=/root/.local/bin:$PATH\`, \`PYTHONUSERBASE\`,
  \`CARGO_HOME\`, \`HOME=/root\`), a COPY or ADD puts a file there that no later RUN removes (\`COPY kubeconfig
  /root/.kube/config\`: the program reads it from its HOME), the container starts in it, the command runs a file from it,
  \`pip install --user\` runs as root (its packages go to /root/.local; also before any USER on an image the
  knowledge base does not know, which may be root: the reason says so), \`playwright install\` runs as root without
  PLAYWRIGHT_BROWSERS_PATH (its browsers go to /root/.cache/ms-playwright), a model is downloaded from the Hugging Face
  Hub as root without HF_HOME or HF_HUB_CACHE (\`huggingface-cli download\`, \`hf download\` without \`--local-dir\`, or a
  \`python -c\` that calls from_pretrained, snapshot_download or SentenceTransformer: the model goes to
  /root/.cache/huggingface, and the server run as another user downloads it again or fails offline), a project install run as root puts
  Puppeteer 19 or later in the image (its install script downloads Chrome to /root/.cache/puppeteer; read from the
  package.json the build context gives the install, unless PUPPETEER_CACHE_DIR, a skip variable or a
  .puppeteerrc file says otherwise, or \`--ignore-scripts\`), or the command runs a tool whose
  state the build left there: \`poetry run\` and \`pipenv run\` (their virtualenv, unless it is made in the
  project or not at all), \`uv run\` and \`uvx\` (their cache, unless UV_CACHE_DIR or UV_NO_CACHE is set), pnpm
  or yarn through corepack (the downloaded tool, unless COREPACK_HOME is set), opam, stack and cabal (their root or
  store, unless OPAMROOT, STACK_ROOT or CABAL_DIR moves it); also when an init starts it
  (\`tini -- pnpm start\`), it is the CMD behind an exec-form ENTRYPOINT (\`["tini", "--", "docker-entrypoint.sh"]\`), or a
  start script of the build context runs it (koalaman/shellcheck's builders: \`cabal build\` on the store a RUN filled);
  or where the image's users keep their data: a VOLUME in /root, a compose file at the context's root (or its
  override file, or one a \`-f\` names, as for \`needs-root\`) that mounts a volume there for the service it builds from this Dockerfile, or the command runs a program that keeps its data in
  $HOME (HOME_DATA in src/knowledge: \`ollama serve\` in ~/.ollama, unless OLLAMA_MODELS or HOME is set; MinIO's
  \`mc\` its configuration in ~/.mc, unless MC_CONFIG_DIR is, which it creates before any command): as root
  that is /root, where users mount their volume (\`-v ollama:/root/.ollama\`); another user's HOME is its own, and
  the data already in the volume would no longer be found. Otherwise the review note says HOME moves from /root
  to the user's home (unless an ENV sets it);
- \`writes-app-folder\`: the command (or a script it runs: an entrypoint script, and what that runs by
  path; or a process of the Procfile that \`foreman start\`, \`honcho start\` or \`forego start\` runs, also through
  \`bundle exec\` or \`poetry run\`, read from the build context when it is in the working folder; or the \`command:\` a compose
  service built from this Dockerfile, with no \`user:\` and no \`build.target\`, runs the image with in place of its CMD: the
  worker or scheduler a project runs from its web app's image, which meets the data servers below too) starts a server that writes into the app's own folder while it runs, and the stage gives no files to a user (nor opens a
  folder to every user with a recursive chmod, \`chmod -R go=u /app\`, as images made for \`docker run --user\` do): the copied app stays root's, so the server fails (a stage that copies
  nothing in works on a project mounted when it runs, owned as on the host, which only \`docker run --user\` can match). The
  servers and what they write are data (APP_FOLDER_WRITERS in src/knowledge): \`airflow standalone\` (\`webserver\`,
  \`scheduler\`, \`db\`…) where an ENV sets AIRFLOW_HOME to a folder the build leaves to root (airflow.cfg, logs/,
  airflow.db; unset, it is ~/airflow, the user's); \`dagster-webserver\` (\`dagit\`) and \`dagster-daemon run\`
  where an ENV sets DAGSTER_HOME to a folder the build leaves to root (the instance's history/, schedules/ and storage/;
  unset, a temporary folder), and \`dagster dev\`, which without DAGSTER_HOME makes that home in the folder it starts in; \`rails server\` (tmp/pids,
  tmp/cache); \`puma\` whose config/puma.rb in the build context sets a relative pidfile or state_path;
  \`artisan serve\` or \`octane:start\` (\`octane:frankenphp\`, \`:roadrunner\`, \`:swoole\`) of a Laravel app (composer.json requires laravel/framework, or an
  \`artisan\` file): storage/ and bootstrap/cache; \`manage.py runserver\`, gunicorn, uvicorn, daphne or
  uwsgi for a Django project whose settings put SQLite in BASE_DIR (db.sqlite3 and its journal); \`manage.py
  collectstatic\` at start where the settings put STATIC_ROOT in BASE_DIR (it creates that folder); \`python app.py\` where
  the script, read from the build context, builds a Gradio \`gr.Interface\` (its flagging folder .gradio/flagged, made
  in the working folder when the Interface is built), unless an ENV sets GRADIO_FLAGGING_MODE=never; \`next start\`,
  or \`node server.js\` of a Next.js app's standalone output (package.json requires next), also when \`npm start\`,
  \`yarn start\` or \`pnpm start\` runs them through package.json's script: the image
  optimisation and prerender caches in .next/cache, which Next.js's with-docker example gives the user; a Mix
  release (\`bin/NAME start\`, Phoenix's \`bin/server\`) with config/runtime.exs, which copies its
  sys.config to tmp/ in the release at every start, unless an ENV sets RELEASE_TMP; a Distillery release
  (\`bin/NAME foreground\`, \`start\`, \`console\`, with a rel/config.exs that uses Distillery), which writes its
  generated configuration and logs to var/ in the release, unless an ENV sets RELEASE_MUTABLE_DIR; a Play app's start
  script (\`bin/NAME\`, with a build.sbt that enables the Play plugin), which writes RUNNING_PID in the folder above bin/,
  unless \`pidfile.path\` is set in the command, in JAVA_OPTS, in build.sbt or in a conf/ file; Tomcat unpacked by
  the Dockerfile (\`catalina.sh run\` or \`start\`), which writes logs/, temp/ and work/ and unpacks WARs into webapps/
  of CATALINA_BASE, unless an ENV sets CATALINA_BASE (on the tomcat image, whose logs, temp and work are open to
  all, webapps is given to the user instead, as above); steamcmd, which a game server's start script runs to install or
  update the server, and which updates itself in its own folder and writes the game where \`+force_install_dir\` says; a build tool run as the
  command, which builds where the project lies: \`cargo run\` (\`test\`, \`build\`…) into target/ unless an ENV sets
  CARGO_TARGET_DIR, \`dotnet run\` (\`watch\`, \`test\`, \`build\`) into obj/ and bin/, \`mvn\` into target/, \`gradle\` into
  build/ and .gradle/, \`sbt\` into target/ and project/target/, \`lein\` into target/ (RELEASE_TMP, RELEASE_MUTABLE_DIR, CATALINA_BASE and CARGO_TARGET_DIR count when they name a folder any user may write, under
  /tmp or /home, or a VOLUME: \`CARGO_TARGET_DIR=/app/target\` is still root's). (php-fpm and Apache
  are \`needs-root\` already). Also a COPY that puts a SQLite database in the app's folder (the working
  folder or one holding it, or a folder other COPYs write to): SQLite writes its journal beside the database,
  and the user must not own the folder of the app's code. Also what the container keeps, when it starts, in a folder
  the build leaves to root (/ when no WORKDIR says otherwise, or the app's copied folder; a WORKDIR named by a build
  argument, \`WORKDIR \${APP}\`, with the argument's default) by a path relative to where
  it runs: the data of a server that keeps it in the folder it starts in (START_FOLDER_DATA in src/knowledge: etcd's
  default.etcd, unless \`--data-dir\`, a \`--config-file\` or ETCD_DATA_DIR says where; qdrant's ./storage and
  ./snapshots, unless \`--config-path\` or both QDRANT__STORAGE__STORAGE_PATH and QDRANT__STORAGE__SNAPSHOTS_PATH do; Celery's
  celerybeat-schedule when it runs beat, \`celery -A proj beat\` (or \`python -m celery … beat\`) or \`worker -B\`, unless \`--schedule\` or \`--scheduler\` is given or a
  Python file of the build context sets beat_schedule_filename or beat_scheduler, \`CELERY_BEAT_SCHEDULER\` in Django's settings), or the data folder, outside
  those the user is given, that a configuration file the command names (\`-config.file=/etc/loki/local-config.yaml\`),
  copied from the build context, sets by an absolute path (\`path_prefix: /loki\`, \`data_dir = "/consul/data"\`), which
  the program makes at start, or a log file or storage folder that the Caddyfile Caddy loads names (\`output file
  /var/log/caddy/access.log\`, \`storage file_system /var/lib/caddy\`), outside Caddy's own /data/caddy and /config/caddy, or a SQLite database that an
  ENV or a variable a start script sets names by a relative path (\`file:app.db?cache=shared\`, \`sqlite:app.db\`:
  SQLite creates it and its journal there), or that the Go program built from the build context names so, where go.mod
  requires a SQLite driver and a Go file of that program holds the file's name (\`store.Open("users.sqlite")\`; not an extension alone, \`hostname+".db"\`), unless
  the command or an ENV names a database file of its own, or that a module of the Python app the command loads
  (\`gunicorn microblog:app\`, FLASK_APP, \`python app.py\`, and what they import from the build context) names
  relative to the folder the app starts in or beside the module (\`'sqlite:///' + os.path.join(basedir, 'app.db')\`,
  \`sqlite3.connect('todo.db')\`), unless a variable the statement reads is set (\`DATABASE_URL\` by an ENV), or a
  folder or file such a module makes when it is loaded there (\`os.mkdir('logs')\`, \`open('app.log', 'w')\`). Also a redirection to a file in what the container
  runs at start (the command, an \`sh -c\` string, an entrypoint script: \`python migrate.py > migrate.log\`, \`exec >>
  /var/log/app.log\`) outside /tmp, /var/tmp, /dev, /proc, /home, the VOLUMEs and the empty working folder it makes the user's, when the stage gives no files to a user,
  and likewise an in-place edit there (\`sed -i\`, \`perl -pi\`: it renames a new file over the old, which needs the
  folder), also of a file only known when it runs (\`sed -i "s|$FROM|$TO|" "$file"\`), also one that \`find … -exec\` runs (on
  what it finds below its starting points) or \`xargs\` runs (on files only known when it runs), tar unpacking an archive
  there (into the folder it runs in, or its \`-C\`; unzip likewise, or its \`-d\`), \`tar -c\` or \`zip\` creating an archive there
  (\`zip -r /export.zip .\`; one written to its output, \`tar cf -\`, is fine), and a file or folder it makes there by name
  (\`mkdir\`, \`touch\`, the destination of \`cp\`, \`mv\` or \`ln\`, the program \`go build -o\` writes, also one whose name
  alone a variable gives, \`/\${SERVICE_NAME}\`; not \`mkdir -p\` of a folder the image has: the working
  folder and those above it, a COPY's destination, a RUN's \`mkdir\`); a path is read with the variables the script sets
  once, at its top level, to a literal (\`readonly work_src=/work/coturn\` then \`mkdir -p "\${work_src}"\`, coturn's fuzzing
  entrypoint), or to its own default where no ENV sets it (\`DIR="\${DIR:-/opt/extensions}"\`, keycloak's init container); a relative path is taken in the folder of the last \`cd\` before it
  (the working folder when there is none; unknown after a \`cd\` that may not have run, or to a folder only known when it runs); and also in a script those run
  by path, through a shell (\`sh scripts/env.sh\`) or with \`.\` (cal.com's start.sh runs scripts/replace-placeholder.sh, which rewrites the built app's URLs);
- \`privileged-hint\`: a comment or label says it runs with \`--privileged\`, \`--cap-add\`, \`--device\`
  or the Docker socket (\`docker.sock\`, or in words), or a comment says it cannot run as non-root or must run as root
  (cluster-api's \`# NOTE: CAPD can't use non-root because docker requires access to the docker socket\`), or runs as
  root on purpose (seaweedfs' \`# This e2e test image intentionally runs as root\`);
- \`unknown-image\`: a user must be created and the knowledge base does not know the base image (or a
  build argument names it: \`FROM \${BASE_IMAGE}\`; one without a default that only picks the architecture, the tag's
  last token, leaves it known: \`gcr.io/distroless/static:nonroot-\${ARCH}\`), so which tools it has is unknown; or the final stage sets no
  CMD or ENTRYPOINT, or only a CMD of options (\`CMD ["-f", "/logstash.conf"]\`), and runs what such an image starts (a service that must start as root, such as s6-overlay's
  \`/init\` in linuxserver's images or a database's entrypoint, or only a shell), or what an official service image
  starts (\`FROM traefik\`), whose entrypoint sets the service up as root and may switch to its user itself; or the
  stage gives files to an account it does not make, so the unknown image has it, and sets no ENTRYPOINT, so that
  image's entrypoint runs the command and may switch to the account itself (remark42's \`chown -R app:app /srv\` on
  umputun/baseimage, whose init script does);
- \`no-user-tools\`: the image has no way to create a user and ships none: no shell, or neither useradd nor
  adduser nor a package manager that installs them (UBI micro), so no RUN is written that would fail;
- \`several-users\`: the stage creates (or gives files to) several users and switches to none of them;
- \`root-only-file\`: a COPY or ADD sets a mode others may not read (\`--chmod=600\`, \`--chmod=700\` on a folder),
  or copies a folder with a mode that gives others no x (\`COPY --chmod=644 . .\`: BuildKit sets the copied folders'
  mode too, and no one but root could enter them), and gives the files to no user (\`--chown\`): they stay root's,
  and the user could not read them; or the stage puts
  a file in /etc/ssl/private (a COPY or ADD without \`--chown\`, a RUN's cp, mv or install) on a Debian or Ubuntu image
  that has the folder from openssl (the image carries the CA bundle, or a RUN before installs openssl, ca-certificates
  or ssl-cert): the package makes it mode 700 (710, group ssl-cert, with ssl-cert), unless a RUN changes it;
- \`unknown-user\`: the stage creates an account named by a build argument (\`useradd $USERNAME\`), or by an
  ENV that reads one (\`ENV USERNAME=$USERNAME\`), so the user to switch to is only known at build time: a
  \`--build-arg\` may name another (a name an ENV sets to a fixed value is read); or creates it only under a
  condition (\`if [ "$USER_ID" != 1000 ]; then adduser … newuser; fi\`, \`[ "$X" = 1 ] && useradd …\`), so it may
  not exist (not when the RUN first asks whether it does: \`id -u app || useradd app\`);
- \`explicit-root\`: the stage's last step is \`USER root\` (or 0): it switches back to root on purpose;
- \`commented-out-user\`: the stage (or one it builds on) has a USER of another account commented out
  (\`# USER glances\`): the author wrote the switch and took it back, often because the app needs root;
- \`volume\`: a VOLUME (or the folder of a copied SQLite database, or a folder made under /var/lib, /var/log, /run…)
  cannot be made the user's (declared in a stage it builds on, or no shell), or a COPY there would need a
  \`--chown\` to an account the stage creates only later, or first names after a step that may make it (a RUN); or a compose
  file of the context (as for \`needs-root\`; a named one whose service only says \`build:\` counts with the project's file,
  whose service of that name, run from the published image, it builds: linkwarden's docker-compose.dev.yml) bind-mounts a host
  folder for the service built from this Dockerfile that the service may write (not \`:ro\`, nor a file such as \`./config.yml\`) and sets no \`user:\`, when the
  folder is not in the build context (\`./data\`, which Docker makes as root when it is missing) or lies elsewhere on the host
  (\`/srv/app\`, \`~/.app\`; not the system's own, /etc, /dev, /run…): the host folder keeps its owner, which no step of the image
  can change; what the context holds (\`.:/app\`, \`./config.yml\`) is the checkout's, and named volumes start as the image's folder;
- \`test-stage\`: without a target, the last stage is a test stage (named test, tests, testing, e2e, lint, linter,
  linting, check or checks) built FROM an earlier stage (StaPH-B's \`FROM app AS test\`): CI builds it with
  \`--target test\` to run the tests, and the image that ships is the stage it tests, which a USER would give to the
  test stage's RUNs too;
- \`built-on\`: \`-o non-root-user.target=STAGE\` names a stage that a later stage builds on, whose RUNs
  would then run as the user; \`unknown-target\`: the target names no stage;
- \`not-shipped\`: the last stage is named as one to work on or test the code in (\`development\`, \`test\`,
  \`debug\`…) and another as the image that ships (\`production\`, \`release\`, \`runtime\`): the USER belongs in
  the one that runs in production, which the target option names. When the project publishes other stages (a
  workflow, Makefile or package.json script that pushes \`--target STAGE\`, a bake or compose file), those are the
  stages taken;
- \`invalid-option\`: the name or uid option is not a valid account.
A final stage that already runs as another user (or one set from a build argument) is left alone, as is one
that inherits a non-root user from its base image: one the knowledge base knows (distroless's \`nonroot\` tags,
nginx-unprivileged), or Chainguard's images on cgr.dev/chainguard, which run as \`nonroot\` (65532) or an account
named for their program (node, nginx, redis, with that uid), their -dev tags too (src/knowledge/chainguard.ts;
not those that run as root, nor the \`-root\` tags). Of those that run as root (CHAINGUARD_ROOT), wolfi-base and bash
carry nonroot (65532), which the stage switches to (\`USER 65532:65532\`); what each starts is known, for a stage that
names no command (wolfi-base's shell is \`base-image\`, postgres's entrypoint \`unknown-image\`); the others
(go, postgres, gcc-glibc…) and the \`-root\` tags are \`unknown-image\`, saying they run as root.

Each other stage the project publishes with \`--target\` (\`api\` beside a last stage \`worker\`, both pushed) is an
image of its own, judged by the same rules, unless the target option names the one stage to change.`,
    hadolint: ['DL3002'],
    review: 'the container runs as a non-root user: files it writes outside its own folders, ports below 1024 and root-only tools stop working',
    defaultEnabled: true,
    options: {
      name: { default: 'app', description: 'Name of the account created where the image has none.' },
      uid: { default: 10001, description: 'uid (and gid) of the account created where the image has none.', min: 1, max: 2 ** 31 - 2 },
      target: { default: '', description: 'The stage that is built and run (`docker build --target`); empty: the last stage.' },
    },
    touches: { instructions: { USER: ['add'], RUN: ['add'], COPY: ['edit'], ADD: ['edit'] }, runtime: ['user'] },
    refusals: {
      windows: 'a Windows stage',
      'dev-container': 'a devcontainer.json builds the Dockerfile (the dev container configuration picks the user), a compose file mounts the service\'s own build context into it (`.:/app`, a development loop on the host\'s checkout), it is CodeSandbox\'s .codesandbox/Dockerfile (its terminals open as root), it builds on an image made to be worked in (a dev container image, a Gitpod workspace, code-server), installs code-server or Xdebug or runs unminimize for people at its prompt, whose tool picks the user, installs two or more debuggers and tracers (gdb, strace, tcpdump…: a debug image, worked in as root), or a Tiltfile builds it with a live_update, which writes into the running container',
      'base-image': 'the final stage sets no command, or only a prompt: an image others build on',
      'project-tool': 'the container runs a tool that rewrites the project files `docker run` gives it (codespell, Black, Prettier…), builds a site into them (MkDocs, Jekyll, Hugo), or a converter that writes its output beside them (pandoc, FFmpeg, ImageMagick…): they keep their owner from the host',
      'no-command': 'the final stage clears its command (`ENTRYPOINT []` and no CMD), runs a build tool alone (`ENTRYPOINT ["go"]`), or only waits (`sleep infinity`): what runs is named when the container starts, or by `docker exec`',
      'manages-privileges': 'the image switches users itself (gosu, su-exec, setpriv, chroot, su…)',
      'entrypoint-unread': 'the command runs a script that cannot be read',
      'needs-root': 'the program must start as root (init systems, Docker daemons, sshd, cron, nginx/httpd-style servers, a Docker engine plugin, which its config.json runs), or the start command changes the system (installs packages, starts a system service, creates accounts…)',
      'privileged-port': 'it binds a port below 1024',
      'root-home': 'the container relies on files in /root, which other users cannot read',
      'privileged-hint': 'the Dockerfile says it runs privileged, with capabilities, devices or the Docker socket, or as root',
      'writes-app-folder': 'the server writes into the app\'s folder while it runs (Rails, puma, Laravel, Django with SQLite or collecting its static files, Next.js, Mix releases; cargo, dotnet, Maven and Gradle building the project), and the stage gives it to no user; or a copied SQLite database lies in the app\'s folder, where SQLite writes its journal; or a server keeps its data (etcd, qdrant, Celery beat), or a connection string its SQLite database, relative to a folder left to root, or its configuration file puts its data in one',
      'unknown-image': 'a user must be created on a base image the knowledge base does not know, or the stage runs what such an image starts, or that image has the account the stage gives its files to and may switch to it itself',
      'no-user-tools': 'the image cannot create a user and ships none',
      'several-users': 'the stage creates several accounts and uses none',
      'root-only-file': 'a COPY or ADD gives what it copies a mode only its owner, root, may read (or enter, for a folder it copies), or a key goes into Debian\'s /etc/ssl/private (mode 700)',
      'unknown-user': 'the stage creates an account whose name is only known at build time, or only under a condition',
      'explicit-root': 'the stage ends with an explicit USER root that no step after it needs: root on purpose',
      'commented-out-user': 'the stage has a USER of another account commented out: the author took the switch back',
      volume: 'a VOLUME (or the folder of a copied SQLite database, or a folder made under /var/lib, /var/log, /run…, or a host folder a compose file bind-mounts) cannot be made writable for the user',
      'test-stage': 'the last stage is a test or lint stage (`FROM app AS test`, `FROM app AS lint`) built on the stage that ships, which CI builds to run the tests or checks',
      'built-on': 'the target stage is one a later stage builds on',
      'not-shipped': 'the last stage is named as one to work on or test the code in, and another stage as the image that ships',
      'unknown-target': 'the target option names no stage',
      'invalid-option': 'the name or uid option is not a valid account',
    },
  },
  run(file, ctx) {
    const { options } = ctx;
    if (file.stages.length === 0) return [];
    let stage = file.stages.at(-1)!;
    /** How the stage came to be the one, when not by the option or by being last. */
    let chosen = '';
    /** Why the last stage is not the one to change; said after what makes the whole image one to work in. */
    let notShipped: Finding | null = null;
    if (options.target !== '') {
      const named = stageNamed(file, options.target);
      if (named === undefined) return [refusal(stage.from.span.start, 'unknown-target', `no stage is named ${options.target}`)];
      stage = named;
    } else {
      // \`FROM production AS development\` last: the image that runs in production is another stage.
      const elsewhere = releaseStagesElsewhere(file, ctx.buildContext, ctx.path, ctx.input?.text);
      // \`FROM app AS test\`: CI builds the last stage to run the tests; the image it publishes is the stage it tests,
      // unless the project pushes a build of the last stage (\`docker build --push .\`, with no \`--target\`).
      const testing = testedStage(file);
      const tested = testing !== null && !shippedImages(file, publishedTargets(ctx.buildContext, ctx.path, ctx.input?.text)).includes(stage) ? testing : null;
      if (elsewhere !== null && elsewhere.published && elsewhere.stages.length === 1) {
        stage = elsewhere.stages[0]!;
        chosen = `, which the project publishes (\`--target ${stage.name}\`) in place of the last stage, ${file.stages.at(-1)!.name},`;
      } else if (tested !== null) {
        const name = tested.name ?? `stage ${tested.index}`;
        return [refusal(stage.from.span.start, 'test-stage', `the last stage, ${stage.name}, builds on ${name} to run its tests or checks: the image that ships is ${name} (\`docker build --target ${tested.name ?? tested.index}\`), not this stage, and a USER in ${name} would make the test stage's RUNs run as that user too`)];
      } else if (elsewhere !== null && elsewhere.published) {
        // Several stages published in place of the last: each is an image of its own.
        const last = file.stages.at(-1)!.name;
        return elsewhere.stages.flatMap((s) => forStage(file, ctx, s, `, which the project publishes (\`--target ${s.name}\`) in place of the last stage, ${last},`, null));
      } else if (elsewhere !== null) {
        const names = listed(elsewhere.stages.map((s) => s.name!));
        const ships = `${names} ${elsewhere.stages.length === 1 ? 'is' : 'are'} named as the image that ships`;
        const first = elsewhere.stages[0]!;
        const builtOn = descendantStages(file, first);
        const how = builtOn.length === 0 ? `, which \`-o non-root-user.target=${first.name}\` names` : ` (${first.name} is the base of ${listed(builtOn.map((s) => s.name ?? `stage ${s.index}`))}, whose RUNs a USER there would run as the user too)`;
        notShipped = refusal(stage.from.span.start, 'not-shipped', `the last stage is named ${stage.name}, a stage to work on or test the code in, and ${ships}: the USER belongs in the stage that runs in production${how}`);
      }
    }
    // Each other stage the project publishes (\`--target api\` beside the last stage, worker) is an image of its own; in file order.
    const images = [stage, ...publishedStages(file, ctx).filter((s) => s !== stage)].sort((a, b) => a.index - b.index);
    return images.flatMap((s) => (s === stage ? forStage(file, ctx, s, chosen, notShipped) : forStage(file, ctx, s, `, which the project publishes (\`--target ${s.name}\`),`, null)));
  },
});

/**
 * The stages the project publishes with \`--target\` (analysis/buildTargets.ts) other than the last, each an image
 * that runs as the last stage's does; none when the \`target\` option picks the stage.
 */
function publishedStages(file: ParsedDockerfile, ctx: TransformContext<Options>): Stage[] {
  if (ctx.options.target !== '') return [];
  const last = file.stages.at(-1);
  return shippedImages(file, publishedTargets(ctx.buildContext, ctx.path, ctx.input?.text)).filter((s) => s !== last);
}

/** What the transform does in `stage`, the image chosen (`chosen` says how, when not by being last); `notShipped`, why the last stage may not be the one. */
function forStage(file: ParsedDockerfile, ctx: TransformContext<Options>, stage: Stage, chosen: string, notShipped: Finding | null): Finding[] {
  const { options } = ctx;
  const which = stage === file.stages.at(-1) ? 'the final stage' : `stage ${stage.name ?? stage.index}`;
  const at = stage.from.span.start;
  const later = descendantStages(file, stage);
  if (later.length > 0) {
    return [refusal(at, 'built-on', `stage ${stage.name ?? stage.index}${chosen} is the base of ${later.map((s) => s.name ?? `stage ${s.index}`).join(', ')}, whose RUNs would run as the user`)];
  }
  if (isWindowsStage(file, stage)) {
    return [refusal(at, 'windows', `${windowsStageWhy(file, stage)}: accounts and USER work differently there`)];
  }
  const current = currentUser(file, stage);
  if (current.kind === 'other' || current.kind === 'unknown') return [];
  // A dev container's user is the configuration's choice, made by its features (common-utils) after this build.
  const found = devContainerOf(ctx.buildContext, ctx.path, ctx.input ?? undefined);
  // What the last stage installs or builds on says nothing of a published stage taken in its place.
  const dev = found !== null && (chosen === '' || found.tool === 'devcontainer' || found.tool === 'codesandbox') ? found : null;
  if (dev !== null) {
    if (dev.tool === 'codesandbox') {
      return [refusal(at, 'dev-container', `CodeSandbox builds ${dev.config} as a dev container and opens every terminal in it as root, where its users install what they need, so a USER here is not how this image chooses its user`)];
    }
    if (dev.tool === 'debug') {
      return [refusal(at, 'dev-container', `${devContainerSaid(dev)}, so a USER here would take from them what they installed the tools for`)];
    }
    if (dev.tool === 'toolbox') {
      return [refusal(at, 'dev-container', `${devContainerSaid(dev)}: toolbox(1) enters the container as the host's user, whose account it makes when the container starts, so a USER here is not how this image chooses its user`)];
    }
    if (dev.tool === 'image' || dev.tool === 'unminimize' || dev.tool === 'installs') {
      return [refusal(at, 'dev-container', `${devContainerSaid(dev)}: its users work in it, at its terminal or from an editor, as the user the image or the tool that runs it picks, so a USER here is not how this image chooses its user`)];
    }
    const picks = dev.user !== null ? `picks the user, ${dev.user}, and its features may make that account after this build`
      : dev.builtOn !== null ? `sets no containerUser or remoteUser: the image it builds on, ${dev.builtOn.image}, ${dev.builtOn.what}, picks the user`
      : 'sets no containerUser or remoteUser: the dev container runs as root until the configuration names a user';
    return [refusal(at, 'dev-container', `${dev.config} builds this Dockerfile as a dev container: the configuration ${picks}, so a USER here is not how this image chooses its user`)];
  }
  if (notShipped !== null) return [notShipped];
  const tilt = tiltLiveUpdate(ctx.buildContext, ctx.path, ctx.input?.text);
  if (tilt !== null) {
    const writes = tilt.writes === null ? '' : ` (${tilt.writes})`;
    return [refusal(at, 'dev-container', `the Tiltfile builds this Dockerfile with ${tilt.call} and a live_update, which writes into the running container${writes} as its user, where the image leaves root's folders: it is a development loop, whose user the Tiltfile's steps decide`)];
  }
  const source = sourceMount(file, ctx.buildContext, ctx.path, ctx.input?.text, stage);
  if (source !== null) {
    return [refusal(at, 'dev-container', `${source.file} mounts ${source.built ? "the service's build context" : "the compose file's folder"} (${source.source}) at ${source.target} for ${theService(source.built)} (${source.service}) and sets no \`user:\`: the container runs the host's checkout, whose files keep their owner from the host, and writes where its tools build and cache (in the checkout, and in the volumes compose lays over it, which start as the image's root-owned folders): it is a development loop, whose user is the host's to match`)];
  }
  const socket = dockerSocketMount(ctx.buildContext, ctx.path, ctx.input?.text);
  if (socket !== null) {
    return [refusal(at, 'needs-root', `${socket.file} runs ${theImage(socket.built)} (service ${socket.service}) with ${socket.source} mounted: talking to the Docker daemon through its socket needs root (or the socket's group, which is the host's)`)];
  }
  const action = dockerActionOf(ctx.buildContext, ctx.path, ctx.input?.text);
  if (action !== null) {
    const runs = action.published === null ? 'runs this Dockerfile' : `runs the published image ${action.published}, which this Dockerfile at the action's root is taken to build,`;
    return [refusal(at, 'needs-root', `${action.file} ${runs} as a Docker container action: GitHub runs it as the image's default user, which must be root to write the workspace and files it mounts`)];
  }
  const label = actionLabelOf(file, stageLineage(file, stage));
  if (label !== null) {
    return [refusal(at, 'needs-root', `line ${label.line} labels the image ${label.name}, the metadata of a GitHub Action: GitHub runs a Docker container action as the image's default user, which must be root to write the workspace and files it mounts`)];
  }
  const plugin = dockerPluginOf(ctx.buildContext, ctx.path, ctx.input?.text);
  if (plugin !== null) {
    return [refusal(at, 'needs-root', `${plugin.config} makes this image a Docker engine plugin (${plugin.types.join(', ')}): \`docker plugin create\` runs the image's files as that configuration says, as root unless it sets \`user\`, serving the engine on a socket in /run/docker/plugins; the image's USER is not read, so the plugin's user is the configuration's to pick`)];
  }
  const base = baseImage(file, stage);
  if (current.kind === 'root') {
    // `USER root` with no step after it has nothing to do as root but run the container: the author's choice.
    // Followed by RUNs or COPYs it is how a stage installs things, and the USER goes after them (DL3002).
    const steps = stageLineage(file, stage).flatMap((s) => s.instructions).filter((i) => FILESYSTEM_STEPS.has(i.keyword));
    if (steps.sort((a, b) => a.index - b.index).at(-1) === current.inst) {
      const word = file.text.slice(current.inst.argsSpan!.start, current.inst.argsSpan!.end).trim();
      // Back to root after a USER that set another, or from the base image's own user (nginxinc/nginx-unprivileged's
      // 101); else the stage only says what it already was.
      const back =
        stageLineage(file, stage).flatMap((s) => s.instructions).some((i) => i.keyword === 'USER' && i.index < current.inst.index) ||
        (base.kind === 'image' && base.image.facts.user.uid !== 0);
      const says = back ? `switches back to root (USER ${word})` : `sets USER ${word}`;
      return [refusal(current.inst.span.start, 'explicit-root', `line ${current.inst.line} ${says} with no step after it that needs root: the stage runs as root on purpose`)];
    }
  }
  if (base.kind === 'image' && current.kind === 'inherited' && base.image.facts.user.uid !== 0) return [];
  if (base.kind === 'unknown' && base.runsAs !== undefined && current.kind === 'inherited') return [];
  if (!/^[a-z_][a-z0-9_-]{0,31}$/.test(options.name) || !Number.isInteger(options.uid) || options.uid < 1 || options.uid > 2 ** 31 - 2) {
    return [refusal(at, 'invalid-option', `name ${JSON.stringify(options.name)} and uid ${options.uid} do not make a valid account`)];
  }
  const command = startCommand(file, stage);
  const cleared = clearedCommand(command);
  if (cleared !== null) {
    const cmd = command.cmd === null ? 'no CMD' : `\`CMD []\` on line ${command.cmd.inst.line}`;
    return [refusal(cleared.inst.span.start, 'no-command', `line ${cleared.inst.line} clears the command (\`ENTRYPOINT []\`, ${cmd}): what runs is named when the container starts (\`docker run IMAGE COMMAND\`, a platform's or compose file's command), so whether it can run as another user is not known`)];
  }
  // An entrypoint script that ends in `exec "$@"`, with no CMD to give it: the command comes from `docker run`.
  const wrapper = command.cmd === null && command.entrypoint?.argv?.length === 1 ? passThroughScript(file, stage, ctx.buildContext, command) : null;
  if (wrapper !== null) {
    // What the script itself does as root (switches users with gosu or ClickHouse's \`clickhouse su\`, chowns its
    // data) is a surer reason than the command it may be given: the script may well pick a program itself.
    const blocker = rootBlocker(file, stage, ctx.buildContext, base.kind === 'image' ? base.image : null);
    if (blocker !== null && (blocker.code === 'manages-privileges' || blocker.code === 'needs-root')) return [refusal(blocker.at, blocker.code, blocker.reason)];
    return [refusal(command.entrypoint!.inst.span.start, 'no-command', `the ENTRYPOINT runs ${wrapper}, which ends in \`exec "$@"\`, and the stage sets no CMD: unless the script picks a program itself, it runs what \`docker run IMAGE COMMAND\` names (the image is likely one others build on), so whether that can run as another user is not known`)];
  }
  // A build tool's driver with no subcommand (`ENTRYPOINT ["go"]`) on its toolchain's image: the subcommand comes from
  // `docker run`. Elsewhere the name is a program's of its own (a server built as `go` and copied onto alpine).
  const driver = command.cmd === null && command.entrypoint?.argv?.length === 1 ? own(TOOL_DRIVERS, path.posix.basename(command.entrypoint.argv[0]!)) : undefined;
  if (driver !== undefined && base.kind === 'image' && base.image.repository.name === driver.image) {
    return [refusal(command.entrypoint!.inst.span.start, 'no-command', `the ENTRYPOINT is ${driver.name} alone and the stage sets no CMD: the image runs ${driver.what} on what \`docker run IMAGE ARGS\` names (${driver.example}), so what it writes (${driver.writes}) is not known, nor whose files it writes: a project mounted at run time keeps its owner from the host, and the user that may write it is the one \`docker run --user\` picks`)];
  }
  // \`ENTRYPOINT ["bash", "-c"]\` with no CMD: the shell runs the command line \`docker run IMAGE "…"\` gives it.
  const shellRunner = command.cmd === null ? shellCommandRunner(command.entrypoint?.argv ?? null) : null;
  if (shellRunner !== null) {
    return [refusal(command.entrypoint!.inst.span.start, 'no-command', `the ENTRYPOINT is \`${shellRunner}\` and the stage sets no CMD: the shell runs the command line \`docker run IMAGE "…"\` gives it, which the Dockerfile does not show, so whether that can run as another user is not known`)];
  }
  // A formatter or fixer run on the project `docker run` mounts, or a converter that writes its output there:
  // the mounted files keep their owner from the host.
  const rewriter = projectRewriter(command);
  if (rewriter !== null) {
    const { tool } = rewriter;
    const reason =
      'rewrites' in tool
        ? `and rewrites ${tool.rewrites}: a project mounted at run time keeps its owner from the host, so the user that may rewrite it`
        : `and writes ${tool.writes} there: a folder mounted at run time keeps its owner from the host, so the user that may write in it`;
    return [refusal(rewriter.part.inst.span.start, 'project-tool', `the container runs ${tool.what}, on the files \`docker run\` gives it, ${reason} is the one \`docker run --user\` picks, not one the image sets`)];
  }
  const wait = idleCommand(command);
  if (wait !== null) {
    return [refusal((command.cmd ?? command.entrypoint)!.inst.span.start, 'no-command', `the container only waits (\`${wait}\`) and runs no program of its own: what runs in it is what \`docker exec\` starts there, which the Dockerfile does not show, so whether that can run as another user is not known`)];
  }
  // A server image's own command is the service (nginx, php's apache); other images without one are bases.
  const server = base.kind === 'image' && (base.image.repository.kind === 'server' || base.image.facts.mustStartAsRoot !== null);
  // An image known to run as a non-root user (Chainguard's) runs its own command as that user: a stage that switched
  // to root to install, and names no command, gives that command back to the user it was made for.
  const ownUser = base.kind === 'unknown' ? (base.runsAs ?? null) : null;
  // The non-root account an image the knowledge base does not otherwise know has: the one it runs as, or carries.
  const account = base.kind === 'unknown' ? (base.runsAs ?? base.carries ?? null) : null;
  // An official database image's entrypoint runs its server (no CMD, the server's name, or only its options) after
  // setting up the data folder as root, and switches to the server's account itself. A CMD that names that entrypoint
  // first (\`CMD ["docker-entrypoint.sh", "postgres"]\`) reaches it as its own first word, which it runs with \`exec "$@"\`:
  // the entrypoint starts again with the server, and does the same.
  const again = command.cmd?.argv != null && command.cmd.argv.length > 1 && baseName(command.cmd.argv[0]!) === 'docker-entrypoint.sh';
  const served = command.cmd?.argv == null ? null : again ? command.cmd.argv.slice(1) : command.cmd.argv;
  // Unless the variable that keeps it from switching is set (envoy's ENVOY_UID=0).
  const kept = base.kind === 'unknown' && base.switches?.unless !== undefined && envAtEnd(file, stage).get(base.switches.unless.variable)?.value === base.switches.unless.value;
  if (command.entrypoint === null && !server && base.kind === 'unknown' && base.switches !== undefined && !kept && (command.cmd === null || (served !== null && switchesFor(base.switches, served)))) {
    const { program, user } = base.switches;
    const options = served?.[0]?.startsWith('-') === true;
    // An entrypoint that switches for any command runs one that is not its server as that user too (envoy's \`sh -c …\`).
    const other = served !== null && !options && !base.switches.servers.includes(served[0] ?? '');
    const runs =
      command.cmd === null
        ? `${which} sets no CMD or ENTRYPOINT, so it runs what ${base.text} starts: its server`
        : other
          ? `the CMD \`${short(command.cmd.text)}\` runs in ${base.text}`
          : `the CMD \`${short(command.cmd.text)}\` ${options ? 'gives its options to' : 'runs'} the server of ${base.text}${again ? ' (the entrypoint, given its own name first, runs itself again with the rest)' : ''}`;
    const setsUp = base.switches.setsUp ?? 'the data folder';
    return [refusal((command.cmd?.inst ?? stage.from).span.start, 'manages-privileges', `${runs}, through its entrypoint (${base.entrypoint}), which starts as root to set up ${setsUp} and then switches to ${user} with ${program} itself: a USER would keep it from doing that set-up`)];
  }
  // What the image starts, where it is known although the image is not: a shell (\`centos:6\`), a program that prints and exits (hello-world).
  const starts = base.kind === 'unknown' && ownUser === null ? (base.starts ?? null) : null;
  if (command.entrypoint === null && command.cmd === null && !server && starts !== null && starts.kind !== 'service') {
    const runs = `${which} sets no CMD or ENTRYPOINT, so it runs what ${base.kind === 'unknown' ? base.text : 'its base'} starts`;
    return [
      refusal(
        at,
        'base-image',
        starts.kind === 'prompt'
          ? `${runs}, ${starts.what}: a prompt that runs no program of its own, as base images do; it looks like an image others build on, where a USER would make their RUNs non-root`
          : `${runs}, \`${starts.command}\`, ${starts.what}: the stage names no program of its own, so it only holds files, or is an image others build on, where a USER would make their RUNs non-root`,
      ),
    ];
  }
  if (command.entrypoint === null && command.cmd === null && !server && starts?.kind === 'service') {
    return [refusal(at, 'unknown-image', `${which} sets no CMD or ENTRYPOINT, so it runs what ${base.kind === 'unknown' ? `${base.text}, ${base.what},` : 'its base'} starts: \`${starts.command}\`, ${starts.what}, as root; whether that can run as another user is not known`)];
  }
  if (command.entrypoint === null && command.cmd === null && !server && ownUser === null && base.kind === 'unknown' && base.entrypoint !== undefined) {
    return [refusal(at, 'unknown-image', `${which} sets no CMD or ENTRYPOINT, so it runs what ${base.text} starts: its service, through its entrypoint (${base.entrypoint}), which sets the service up as root (its data, its set-up scripts) and may switch to the service's own user itself`)];
  }
  if (command.entrypoint === null && command.cmd === null && !server && ownUser === null && base.kind === 'unknown') {
    // linuxserver's images set no command: their base starts s6-overlay's /init, which must be root.
    return [refusal(at, 'unknown-image', `${which} sets no CMD or ENTRYPOINT, so it runs what ${base.text} starts, ${base.what}: that may be a service that must start as root (s6-overlay's /init, a database's entrypoint), or only a shell in an image others build on`)];
  }
  // A CMD of options (`-f /logstash.conf`) is no program: the image's own ENTRYPOINT runs it.
  const flags = command.entrypoint === null && base.kind === 'unknown' && ownUser === null ? command.cmd : null;
  if (flags !== null && base.kind === 'unknown' && flags.argv?.[0]?.startsWith('-') === true) {
    return [refusal(flags.inst.span.start, 'unknown-image', `the CMD \`${short(flags.text)}\` only gives options to the ENTRYPOINT of ${base.text}, ${base.what}: what that starts may be a service that must start as root, or an entrypoint that switches users itself`)];
  }
  if (command.entrypoint === null && command.cmd === null && !server && ownUser === null) {
    // On scratch there is no shell for anyone's RUNs: the stage only holds files (`docker build --output`, or what others COPY --from).
    if (base.kind === 'scratch') return [refusal(at, 'base-image', `${which} is built on scratch and names no program to run (no CMD or ENTRYPOINT): it only holds files, a build's output or what other images copy`)];
    return [refusal(at, 'base-image', `${which} sets no CMD or ENTRYPOINT: it looks like an image others build on, where a USER would make their RUNs non-root`)];
  }
  const prompt = server ? null : promptOnly(command);
  if (prompt !== null) {
    return [refusal((command.cmd ?? command.entrypoint)!.inst.span.start, 'base-image', `${which} only starts \`${prompt}\`, a prompt that runs no program of its own, as base images do: it looks like an image others build on, where a USER would make their RUNs non-root`)];
  }
  // A command that only prints a message (\`CMD ["echo", "Use it in a stage"]\`): the image is a stage others build on.
  const message = server ? null : messageCommand(command);
  if (message !== null) {
    return [refusal((command.cmd ?? command.entrypoint)!.inst.span.start, 'base-image', `${which} only runs \`${short(message)}\`, which prints a message and exits: no program of its own runs, as in an image others build on, where a USER would make their RUNs non-root`)];
  }
  // A start script that sets things up and ends in a prompt (\`pip install -e .; bash\`): a workbench its users type in.
  const end = server ? null : startScriptEnd(file, stage, ctx.buildContext, command);
  const ending = end === null ? null : end.words[0] === 'exec' ? end.words.slice(1) : end.words;
  if (end !== null && ending !== null && promptWords(ending)) {
    return [refusal((command.cmd ?? command.entrypoint)!.inst.span.start, 'no-command', `${end.script} ends by starting \`${ending.join(' ')}\`, a prompt: the container is a shell its users work in, and what they run there, which the Dockerfile does not show, may need root (installing packages, writing the project mounted from the host)`)];
  }
  const trigger = stage.instructions.find((i) => i.keyword === 'ONBUILD' && i.argsSpan !== null && /^RUN\b/i.test(file.text.slice(i.argsSpan.start, i.argsSpan.end)));
  if (trigger !== undefined) {
    return [refusal(trigger.span.start, 'base-image', 'an ONBUILD RUN runs in every image built on this one, as the user this image ends with: a USER would take root from it')];
  }
  const undone = commentedOutUser(file, stage);
  if (undone !== null) {
    return [refusal(undone.at, 'commented-out-user', `line ${undone.line} is a USER commented out (\`# ${undone.text}\`): the author wrote the switch and took it back, and why (the app may need root) is not known`)];
  }
  const blocker = rootBlocker(file, stage, ctx.buildContext, base.kind === 'image' ? base.image : null);
  if (blocker !== null) return [refusal(blocker.at, blocker.code, blocker.reason)];
  const homeMount = rootHomeMount(ctx.buildContext, ctx.path, ctx.input?.text);
  if (homeMount !== null) {
    return [refusal(at, 'root-home', `${homeMount.file} mounts a volume at ${homeMount.target} for ${theService(homeMount.built)} (${homeMount.service}), in root's home, which other users cannot read (/root is mode 700): the program keeps that data there as root, in its HOME; run as another user, its HOME is its own, and the data already in the volume would no longer be found`)];
  }
  const bind = hostFolderMount(ctx.buildContext, ctx.path, ctx.input?.text);
  if (bind !== null) {
    return [refusal(at, 'volume', `${bind.file} bind-mounts ${bind.source} at ${bind.target} for ${theService(bind.built)} (${bind.service}) and sets no \`user:\`: ${bind.why}, so a user other than root could not write there (a \`user:\` for the service, with the folder given to that user, is how compose picks one)`)];
  }
  const override = composeCommandBlocker(file, stage, ctx.buildContext, ctx.path, ctx.input?.text, base.kind === 'image' ? base.image : null, at);
  if (override !== null) return [refusal(override.at, override.code, override.reason)];
  const hidden = rootOnlyCopy(file, stage, ctx.buildContext);
  if (hidden !== null) {
    return [
      refusal(
        hidden.inst.span.start,
        'root-only-file',
        hidden.folder === null
          ? `line ${hidden.inst.line} copies with --chmod=${hidden.mode} and no --chown, so only root, the owner, may read what it copies: another user could not (give it --chown to the user, or a mode others may read)`
          : `line ${hidden.inst.line} copies ${/^\.?\/?$/.test(hidden.folder) ? 'the whole build context' : `the folder ${hidden.folder}`} with --chmod=${hidden.mode} and no --chown: BuildKit gives the folders it copies that mode too, which lets no one but root, the owner, enter them, so another user could not reach the files inside (give it --chown to the user, or a mode with x for folders, such as 755 or u=rwX,go=rX)`,
      ),
    ];
  }

  const key = privateFolderFile(file, stage, base);
  if (key !== null) {
    return [refusal(key.inst.span.start, 'root-only-file', `line ${key.inst.line} puts ${key.what} in ${PRIVATE_KEYS}, which the openssl package of Debian and Ubuntu (${key.why}) makes mode 700, root's alone (710 for the group ssl-cert once ssl-cert is installed): another user could not read it there (keep it in a folder of its own, given to the user)`)];
  }

  const created = createdUsers(file, stage);
  const unnamed = created.find((u) => u.name === null);
  if (unnamed !== undefined) {
    return [refusal(unnamed.inst.span.start, 'unknown-user', `the RUN on line ${unnamed.inst.line} creates an account named \`${unnamed.written}\`, which is only known at build time (a build argument, or a value the Dockerfile does not set): which user to switch to is not known`)];
  }
  const skipped = created.find((u) => u.conditional);
  if (skipped !== undefined) {
    return [refusal(skipped.inst.span.start, 'unknown-user', `the RUN on line ${skipped.inst.line} creates ${skipped.name ?? `\`${skipped.written}\``} only under a condition (in an \`if\` or a \`case\`, or after a test or \`||\`), so the account may not exist when the container starts: which user to switch to is not known`)];
  }
  const intended = intendedUsers(file, stage, created);
  if (intended.length > 1) {
    return [refusal(intended[1]!.inst.span.start, 'several-users', `the stage creates or gives files to ${intended.map((u) => u.name).join(', ')} and switches to none; which one runs the app is not known`)];
  }
  // An account the Dockerfile gives files to and never makes is the base image's. With no USER and no ENTRYPOINT
  // of its own, that image's entrypoint, unknown here, runs the CMD: built with the account, it may switch to it itself.
  const theirs = intended.length === 1 && !intended[0]!.created && !/^\d+$/.test(intended[0]!.name) && intended[0]!.name !== account?.user.name ? intended[0]! : null;
  if (theirs !== null && base.kind === 'unknown' && command.entrypoint === null) {
    return [refusal(theirs.inst.span.start, 'unknown-image', `line ${theirs.inst.line} gives files to ${theirs.name}, an account the Dockerfile does not make, so ${base.text} has it; the stage sets no USER and no ENTRYPOINT, so the entrypoint of ${base.text}, ${base.what}, runs the command: it may start as root and switch to ${theirs.name} itself`)];
  }
  let plan: Plan;
  const shipped = base.kind === 'image' ? base.image.facts.nonRootUser : (account?.user ?? null);
  if (intended.length === 1 && !intended[0]!.created && shipped !== null && intended[0]!.name === shipped.name) plan = { kind: 'image-user', ...shipped };
  else if (intended.length === 1) plan = { kind: 'existing', ...intended[0]!, after: intended[0]!.inst };
  // The stage switched to root to install (\`USER root\`, then RUNs): back to the user the image runs as; or the one it carries.
  else if (account !== null) plan = { kind: 'image-user', name: account.user.name, uid: account.user.uid, gid: account.user.gid };
  else if (base.kind === 'unknown') return [refusal(at, 'unknown-image', `${base.text} ${base.why}`)];
  else {
    const image = base.kind === 'image' ? base.image : null;
    const p = accountPlan(image, { name: options.name, uid: options.uid, gid: options.uid }, image === null ? null : shadowInstalledAt(file, stage, ctx.buildContext, image));
    if (p.kind === 'impossible') return [refusal(at, 'no-user-tools', p.reason)];
    plan = p;
  }
  // A compose service built from this Dockerfile that runs as that user in a group (netbox-docker's \`user: unit:root\`):
  // the image is made to run so, and its USER says the same.
  // The group the evidence names: the image's user given files in a group (\`COPY --chown=node:root\`), or a compose service
  // built from this Dockerfile that runs the user in one (netbox-docker's \`user: unit:root\`): the image is made to run so.
  let groupNote: string | null = null;
  let accountNote: string | null = null;
  if (plan.kind === 'existing' || plan.kind === 'image-user') {
    const uid = plan.kind === 'existing' ? plan.spec.split(':')[0]! : String(plan.uid);
    const composed = composeGroup(ctx.buildContext, ctx.path, ctx.input?.text, plan.name, uid);
    const owned = plan.kind === 'image-user' && intended.length === 1 ? (intended[0]!.spec.split(':')[1] ?? null) : null;
    const group = composed?.group ?? owned;
    if (group != null && plan.kind === 'existing') plan = { ...plan, spec: `${uid}:${group}` };
    if (group != null && plan.kind === 'image-user') {
      // A number USER can give: root's group, a gid, or the user's own.
      const gid = group === 'root' ? 0 : /^\d+$/.test(group) ? Number(group) : group === plan.name ? plan.gid : null;
      if (gid !== null) plan = { ...plan, gid };
    }
    if (composed !== null) groupNote = `in the group ${composed.group}, as ${composed.file} runs the service ${composed.service}`;
  }
  // An account of the base image's family whose number is fixed (Debian's www-data, 33): USER gives the number, which
  // Kubernetes' runAsNonRoot can verify, as it cannot a name.
  const fixed = plan.kind === 'existing' && !plan.created && base.kind === 'image' ? fixedAccount(file, stage, base.image, plan.name) : null;
  if (fixed !== null && plan.kind === 'existing' && base.kind === 'image') {
    plan = { ...plan, spec: numberedSpec(plan.spec, plan.name, fixed) };
    accountNote = `${plan.name} is ${fixed.uid}:${fixed.gid} on every ${FAMILY_LABELS[releaseFamily(base.image.release)]} image`;
  }
  return addUser(file, stage, ctx.buildContext, plan, base, groupNote, accountNote);
}

/**
 * \`user[:group]\` with the account's numbers: its name as its uid, its own group (or none) as its gid, root's as 0; a
 * gid stays, and another group's name too, as it is not known here (USER takes a name for the group as well).
 */
function numberedSpec(spec: string, name: string, account: FixedAccount): string {
  const group = spec.split(':')[1];
  const gid = group === undefined || group === name ? String(account.gid) : group === 'root' ? '0' : group;
  return `${account.uid}:${gid}`;
}

/**
 * The group a compose file's service built from this Dockerfile runs the stage's user in (\`user: unit:root\`, by its name
 * or by the uid USER gives), or null when none names the user with a group.
 */
function composeGroup(ctx: BuildContext | null, dockerfilePath: string | null, text: string | undefined, userName: string, uid: string): { file: string; service: string; group: string } | null {
  if (ctx === null) return null;
  for (const { file, service } of servicesOf(ctx, dockerfilePath, text)) {
    const user = service.spec['user'];
    if (typeof user !== 'string' && typeof user !== 'number') continue;
    const [name, group] = String(user).split(':', 2) as [string, string | undefined];
    if (group === undefined || group === '' || group.includes('$') || (name !== userName && name !== uid)) continue;
    return { file: composeFileSaying(file, service, 'user'), service: service.name, group };
  }
  return null;
}

/**
 * The first step after `from` and before `to` that may add an account: a RUN, or a COPY or ADD
 * into /etc (a passwd file) or to where dockshift cannot tell; null when there is none. `to` itself
 * counts when it is a RUN, which may make the account before it gives it files (a script's useradd).
 */
function accountMakerBetween(file: ParsedDockerfile, stage: Stage, from: Instruction, to: Instruction): Instruction | null {
  const between = (i: Instruction) => i.index > from.index && (i.index < to.index || (i === to && i.keyword === 'RUN'));
  const copy = copySteps(file, stage).find((c) => between(c.inst) && (c.dest === null || c.dest === '/' || c.dest === '/etc' || c.dest.startsWith('/etc/')));
  const run = stage.instructions.find((i) => between(i) && i.keyword === 'RUN');
  if (copy === undefined) return run ?? null;
  return run === undefined || copy.inst.index < run.index ? copy.inst : run;
}

/**
 * A commented-out USER of another account than root in the stage or a stage it builds on (glances:
 * `# USER glances` in each release stage, below a commented-out block that made the account): the
 * author took the switch back, as a tool that reads the host's processes or the Docker socket must.
 */
function commentedOutUser(file: ParsedDockerfile, stage: Stage): { at: number; line: number; text: string } | null {
  for (const s of stageLineage(file, stage)) {
    const end = file.stages[s.index + 1]?.from.span.start ?? file.text.length;
    for (const c of commentsBetween(file, s.from.span.start, end)) {
      const m = /^USER\s+([^\s:]+)/.exec(c.text.trim());
      if (m !== null && m[1] !== 'root' && m[1] !== '0') return { at: c.span.start, line: c.line, text: c.text.trim() };
    }
  }
  return null;
}

/** The build-context path of the ENTRYPOINT's script when it ends by running its arguments, else null. */
function passThroughScript(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, command: StartCommand): string | null {
  for (const f of startScriptFiles(file, stage, ctx, command)) {
    if (f.word !== command.entrypoint?.argv?.[0]) continue;
    return f.text !== null && endsRunningArguments(f.text) ? f.path : null;
  }
  return null;
}

interface Intended {
  readonly name: string;
  readonly spec: string;
  readonly inst: Instruction;
  readonly created: boolean;
}

/**
 * Programs that, given no script, wait at a prompt: what base and toolbox images start (debian's
 * `bash`, alpine's `/bin/sh`, python's `python3`, node's `node`, deno's `deno`, ruby's `irb`, php's `php -a`,
 * clojure's `clj` and `lein repl`, babashka's `bb`).
 */
const PROMPTS = new Set([
  ...SHELL_PROGRAMS, 'python', 'python2', 'python3', 'node', 'nodejs', 'deno', 'irb', 'jshell', 'ghci', 'erl', 'iex', 'julia', 'R', 'lua', 'pwsh', 'php',
  'bb', 'clj', 'clojure', 'lein', 'kotlinc', 'groovysh', 'amm',
]);
const PROMPT_FLAGS = new Set(['-i', '-l', '--login', '-a']);
/** The word a program needs to start its prompt: alone, \`php\` reads a script from stdin and \`lein\` prints its help. */
const PROMPT_WORD: Readonly<Record<string, string>> = { php: '-a', lein: 'repl' };

/**
 * The command line when the stage starts only such a prompt (runWords: what runs), else null.
 * An init in front (`tini -g sh`) changes nothing: the prompt is still all that runs under it.
 */
function promptOnly(command: StartCommand): string | null {
  const run = runWords(command);
  if (run === null) return null;
  return promptWords(run.slice(Math.max(wrappedProgram(run), 0))) ? run.join(' ') : null;
}

/** The words of an ENTRYPOINT that is a shell given \`-c\` and nothing to run (\`bash -c\`, \`/bin/sh -ec\`), joined; else null. */
function shellCommandRunner(argv: readonly string[] | null): string | null {
  if (argv === null || argv.length < 2) return null;
  const [shell, ...options] = argv;
  if (!SHELL_PROGRAMS.has(path.posix.basename(shell!))) return null;
  // Options only, the last of them -c (alone or at the end of a bundle: -lc, -ec).
  if (!options.every((o) => /^-[a-z]+$/.test(o)) || !/c$/.test(options.at(-1)!)) return null;
  return argv.join(' ');
}

/** Whether a command's words start only a prompt: \`bash\`, \`sh -l\`, \`python3\`, \`php -a\`. */
function promptWords(words: readonly string[]): boolean {
  const [program, ...args] = words;
  if (program === undefined) return false;
  const name = path.posix.basename(program).replace(/^(python)\d+(?:\.\d+)?$/, '$1');
  const word = own(PROMPT_WORD, name);
  if (!PROMPTS.has(name) || (word !== undefined && !args.includes(word))) return false;
  return args.every((a) => PROMPT_FLAGS.has(a) || a === word);
}

/**
 * A COPY or ADD of the stage (or what it builds on) whose --chmod leaves others no read
 * permission (`--chmod=600` on a key, `--chmod=700` on a folder), or that copies a folder with a
 * mode that leaves others no x (`COPY --chmod=644 . .`: BuildKit gives the copied folders the
 * mode too), and that gives the files to no user: they stay root's, so a container run as another
 * user cannot read them. `folder` names the folder of the second case.
 */
function rootOnlyCopy(file: ParsedDockerfile, stage: Stage, context: BuildContext | null): { inst: Instruction; mode: string; folder: string | null } | null {
  for (const s of stageLineage(file, stage)) {
    const steps = copySteps(file, s);
    for (const inst of s.instructions) {
      if (inst.keyword !== 'COPY' && inst.keyword !== 'ADD') continue;
      const flag = (name: string) => inst.flags.find((f) => f.name.toLowerCase() === name)?.value ?? null;
      const mode = flag('chmod');
      if (mode === null || flag('chown') !== null) continue;
      if (!othersMay(mode, 'read')) return { inst, mode, folder: null };
      if (othersMay(mode, 'enter')) continue;
      const step = steps.find((c) => c.inst === inst);
      const folder = step?.sources.find((src) => src != null && copiedFolder(src, step.from === null ? context : null));
      if (folder != null) return { inst, mode, folder };
    }
  }
  return null;
}

/**
 * A COPY source that is a folder: the context's root (`.`), a path written with a final `/`,
 * or a folder of the build context. Another stage's paths are known only by how they are written.
 */
function copiedFolder(source: string, context: BuildContext | null): boolean {
  if (/^(?:\.|\.\/|\/)$/.test(source) || source.endsWith('/')) return true;
  if (context === null || /[*?[]/.test(source) || /^[a-z][a-z0-9+.-]*:\/\//i.test(source)) return false;
  const rel = path.posix.normalize(source.replace(/^\/+/, ''));
  return rel !== '..' && !rel.startsWith('../') && context.kind(rel) === 'dir';
}

/** Where Debian's openssl keeps private keys: the package makes it root's, mode 700. */
const PRIVATE_KEYS = '/etc/ssl/private';

/**
 * A file the stage puts in /etc/ssl/private (a COPY or ADD without --chown, or a RUN's cp, mv or install) on a
 * Debian or Ubuntu image that has the folder already, from openssl: the image carries the CA bundle (whose
 * ca-certificates package depends on openssl), or a RUN before installs openssl, ca-certificates or ssl-cert.
 * The program it is for (a TLS server's key) could not read it as another user. Null when none, or when a RUN
 * changes the folder's owner or mode (chown, chgrp, chmod naming it).
 */
function privateFolderFile(file: ParsedDockerfile, stage: Stage, base: Base): { inst: Instruction; what: string; why: string } | null {
  if (base.kind !== 'image' || base.image.facts.packageManager !== 'apt') return null;
  const inside = (p: string | null) => p !== null && (p === PRIVATE_KEYS || p.startsWith(`${PRIVATE_KEYS}/`));
  const lineage = stageLineage(file, stage).reverse();
  const scripts = lineage.flatMap((s) => runScripts(file, s));
  if (commandsNamed(scripts, 'chown', 'chgrp', 'chmod').some(({ command }) => command.words.some((w) => inside(w.value?.replace(/(.)\/+$/, '$1') ?? null)))) return null;
  const carried = hasCaCertificates(base.image) ? 'which the image has, with the CA bundle' : null;
  const found: { inst: Instruction; what: string }[] = [];
  for (const s of lineage) {
    for (const step of copySteps(file, s)) {
      const source = step.sources.length === 1 ? step.sources[0] : null;
      if (step.chown === null && inside(step.dest)) found.push({ inst: step.inst, what: source == null ? 'what it copies' : path.posix.basename(source) });
    }
    for (const { run, command } of commandsNamed(runScripts(file, s), 'cp', 'mv', 'install')) {
      const words = programWords(command).slice(1).filter((w) => w.value === null || !w.value.startsWith('-'));
      const dest = words.at(-1)?.value ?? null;
      if (words.length >= 2 && inside(dest?.replace(/(.)\/+$/, '$1') ?? null)) found.push({ inst: run.inst, what: path.posix.basename(words[0]!.value ?? 'a file') });
    }
  }
  for (const f of found.sort((a, b) => a.inst.span.start - b.inst.span.start)) {
    const before = scripts.filter((r) => r.inst.span.start < f.inst.span.start);
    const installs = installedPackages(before).names.find((n) => n === 'openssl' || n === 'ca-certificates' || n === 'ssl-cert');
    const why = carried ?? (installs === undefined ? null : `which installing ${installs} brings`);
    if (why !== null) return { ...f, why };
  }
  return null;
}

/**
 * Whether a --chmod mode lets others read (`r`) or enter a folder (`x`): an octal mode with that bit of
 * others', or a symbolic one (BuildKit 1.10's `u=rw,go=r`) that gives others (`o`, `a`, or no one named)
 * that permission (`X` too, for entering). A mode only known at build time (`$MODE`), or one not read,
 * is taken to allow it: it is the author's to set.
 */
function othersMay(mode: string, access: 'read' | 'enter'): boolean {
  const bit = access === 'read' ? 0o004 : 0o001;
  const letters = access === 'read' ? /r/ : /[xX]/;
  if (/^[0-7]{3,4}$/.test(mode)) return (Number.parseInt(mode, 8) & bit) !== 0;
  if (mode.includes('$')) return true;
  let others = false;
  for (const clause of mode.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxXst]*)$/.exec(clause);
    if (m === null) return true;
    const [, who, op, perms] = m as unknown as [string, string, string, string];
    if (who !== '' && !/[oa]/.test(who)) continue;
    if (op === '=') others = letters.test(perms);
    else if (letters.test(perms)) others = op === '+';
  }
  return others;
}

/**
 * The accounts the author meant the app to run as: those the stage's RUNs create, and
 * the users it gives files to (`COPY --chown=nobody`, `RUN chown app /data`), one entry per user.
 */
function intendedUsers(file: ParsedDockerfile, stage: Stage, created: readonly CreatedUser[]): Intended[] {
  const out: Intended[] = [];
  // Each entry answers to its name and to the user of its spec: a Set, not a search of the
  // list per owner, which made a stage of thousands of `useradd` and `chown` quadratic.
  const names = new Set<string>();
  const add = (u: Intended) => {
    out.push(u);
    names.add(u.name).add(u.spec.split(':')[0]!);
  };
  const owners = fileOwners(file, stage);
  // The group a user's files are first given with, other than its own (\`chown unit /app\` then \`COPY --chown=unit:root\`,
  // \`useradd app && chown -R app:root /app\`): the user runs in it. Root's is 0 beside a uid.
  const groups = new Map<string, string>();
  for (const o of owners) if (o.group !== null && o.group !== o.user && !groups.has(o.user)) groups.set(o.user, o.group);
  const inGroup = (spec: string, name: string) => {
    const group = groups.get(name);
    const user = spec.split(':')[0]!;
    return group === undefined ? spec : `${user}:${group === 'root' && /^\d+$/.test(user) ? '0' : group}`;
  };
  for (const u of created) if (u.name !== null) add({ name: u.name, spec: inGroup(userSpec({ name: u.name, uid: u.uid, gid: u.gid }), u.name), inst: u.inst, created: true });
  for (const owner of owners) {
    if (!names.has(owner.user)) add({ name: owner.user, spec: inGroup(owner.spec, owner.user), inst: owner.inst, created: false });
  }
  return out;
}

type Plan =
  | Exclude<AccountPlan, { kind: 'impossible' }>
  | { kind: 'existing'; spec: string; name: string; after: Instruction; created: boolean };

/** \`what\` says how an unknown base is unknown, for a reason: a build argument picks it, or the knowledge base lacks it. */
type Base =
  | { kind: 'image'; image: IdentifiedImage }
  | { kind: 'scratch' }
  /**
   * \`runsAs\`: the non-root user the image runs as, where that alone is known of it (Chainguard's images); \`carries\`: the
   * non-root account an image that runs as root has, for a stage to switch to (Chainguard's wolfi-base); \`starts\`: what
   * it starts when a stage names no command, where that is known.
   */
  | { kind: 'unknown'; text: string; what: string; why: string; entrypoint?: string; switches?: ServerSwitch; runsAs?: ImageUser; carries?: ImageUser; starts?: BaseCommand };

/** What the stage's lineage starts from. */
function baseImage(file: ParsedDockerfile, stage: Stage): Base {
  const root = rootStage(file, stage);
  if (root.base.kind === 'scratch') return { kind: 'scratch' };
  const text = root.imageSpan === null ? '?' : file.text.slice(root.imageSpan.start, root.imageSpan.end);
  // `FROM ${BASE_IMAGE}`: the default names one image, a build argument may name any other (a
  // variable in the registry or the tag keeps the image: a mirror, another version).
  const name = text.slice(text.lastIndexOf('/') + 1).split(/[:@]/)[0]!;
  if (name.includes('$')) return { kind: 'unknown', text, what: 'an image a build argument picks', why: 'names its image by a build argument, so which tools could create a user there is unknown' };
  const resolved = resolveBase(file, root);
  const image = resolved?.ref == null ? null : identifyImage(resolved.ref);
  if (image !== null) return { kind: 'image', image };
  // `distroless/static:nonroot-${ARCH}`: only the architecture is open, and the image is the same on each.
  const anyArchitecture = identifiedWhateverArchitecture(file, root);
  if (anyArchitecture !== null) return { kind: 'image', image: anyArchitecture };
  // `golang:${GO_VERSION}-alpine` with no default: the knowledge base may well know the image, but not which one the build names.
  const unset = fromArgsWithoutDefault(file, root);
  if (unset.length > 0) {
    const why = `is named with ${describeArgsWithoutDefault(unset)}, so which image it is, and which tools could create a user there, is unknown`;
    return { kind: 'unknown', text, what: 'an image a build argument completes', why };
  }
  // Chainguard's images are known by the user they run as, not by their tools.
  const runsAs = resolved?.ref == null ? null : chainguardUser(resolved.ref);
  if (runsAs !== null) return { kind: 'unknown', text, what: runsAs.what, why: `is ${runsAs.what}; the knowledge base knows that user, not the image's tools`, runsAs };
  const asRoot = resolved?.ref == null ? null : chainguardRoot(resolved.ref);
  if (asRoot !== null) {
    const why = `is ${asRoot.what}; the knowledge base knows no non-root account there for the stage to switch to, nor the image's tools, so which could create a user there is unknown`;
    return { kind: 'unknown', text, what: asRoot.what, why, ...(asRoot.starts === null ? {} : { starts: asRoot.starts }), ...(asRoot.carries === null ? {} : { carries: asRoot.carries }) };
  }
  const missingTag = resolved?.ref == null ? null : missingTagWhy(resolved.ref);
  const why = missingTag === null ? 'is not an image the knowledge base knows, so which tools could create a user there is unknown' : `${missingTag}, so which tools could create a user there is unknown too`;
  const unknown = { kind: 'unknown' as const, text, what: 'an image the knowledge base does not know', why };
  // An official service image (postgres, redis) is known by what its entrypoint does with the command, if not by its tools.
  const entrypoint = resolved?.ref == null ? null : baseEntrypoint(resolved.ref);
  // One known by what it starts, if not by its tools: \`centos:6\`'s shell, hello-world's /hello.
  const starts = entrypoint?.kind === 'none' && resolved?.ref != null ? baseCommand(resolved.ref) : null;
  if (starts !== null) return { ...unknown, starts };
  if (entrypoint?.kind !== 'acts') return unknown;
  return entrypoint.switches === undefined ? { ...unknown, entrypoint: entrypoint.entrypoint } : { ...unknown, entrypoint: entrypoint.entrypoint, switches: entrypoint.switches };
}

const FILESYSTEM_STEPS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR', 'USER']);

/** \`groupNote\`: where the group USER gives comes from, when a compose file says it. */
/** \`accountNote\`: where the uid USER gives comes from, when the base image's family fixes it. */
function addUser(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, plan: Plan, base: Base, groupNote: string | null = null, accountNote: string | null = null): Finding[] {
  const ownSpec = plan.kind === 'existing' ? plan.spec : plan.kind === 'create' ? `${plan.account.uid}:${plan.account.gid}` : `${plan.uid}:${plan.gid}`;
  // Folders the stage opens to root's group only are where the app writes as a member of it (an
  // image made for OpenShift's arbitrary uid in group 0): the user runs in that group.
  const groupWritable = groupWritableFolders(file, stage);
  const ownGroup = ownSpec.split(':')[1];
  const spec = groupWritable.length > 0 && ownGroup !== '0' && ownGroup !== 'root' ? `${ownSpec.split(':')[0]}:0` : ownSpec;
  const numericSpec = /^\d+(?::\d+)?$/.test(spec);
  const at = stage.from.span.start;
  const edits: Edit[] = [];
  const notes: string[] = [];
  // The image's service, made to start as root, that the stage has prepared for its user (nginx on 8080).
  const service = plan.kind === 'image-user' && base.kind === 'image' ? imageServiceAsUser(file, stage, ctx, base.image) : null;
  if (service !== null) notes.push(service);
  if (accountNote !== null) notes.push(accountNote);
  if (groupNote !== null && spec === ownSpec) notes.push(groupNote);

  // Folders the app writes to, as the Dockerfile shows them: its VOLUMEs.
  const volumes = volumePaths(file, stage);
  const inherited = volumes.find((v) => v.inst.stage !== stage.index);
  if (inherited !== undefined) {
    return [refusal(inherited.inst.span.start, 'volume', `VOLUME ${inherited.path} is declared in a stage this one builds on; changes to it here would be discarded, so it cannot be made the user's`)];
  }
  const steps = copySteps(file, stage);
  const workdir = workdirOf(file, stage);
  const names = new Set([spec, spec.split(':')[0]!, ...(plan.kind === 'existing' || plan.kind === 'image-user' ? [plan.name] : [])]);
  const owners = fileOwners(file, stage);
  // Folders under /var/lib, /var/log, /run, /data… that the Dockerfile makes or copies into: the app keeps its
  // state there. Not one a VOLUME covers, one the stage gives the user already, or the app's own folder
  // (the working folder, or one holding it, that the code is copied into, and the folders in it that COPYs
  // fill: \`WORKDIR /data\` with the app's node_modules and packages copied below it), which stays root's.
  // What the image's own program writes while it runs (Tomcat's webapps/) is such a folder too.
  const imageWrites = base.kind === 'image' ? base.image.facts.writtenAtRun : [];
  // And the folders the project keeps empty for the app to write in (\`db/.gitkeep\`), copied with its code.
  const declared = stateFolders(file, stage);
  const own = [...declared, ...placeholderFolders(file, stage, ctx).filter((p) => !declared.some((f) => f.path === p.path))];
  const fromImage = imageWrites.filter((w) => !own.some((f) => f.path === w.path)).map((w): StateFolder => ({ path: w.path, inst: stage.from, how: `the image (${w.what})`, itself: false }));
  const shell = base.kind === 'image' ? base.image.facts.shell : base.kind === 'scratch' ? null : base.runsAs !== undefined ? base.runsAs.shell : base.carries !== undefined ? base.carries.shell : '/bin/sh';
  // What a later COPY brings from the build context into a folder a mkdir made for the app (\`COPY . /app\` of a project holding media/).
  const brought = new Map<StateFolder, Extract<FolderFill, { kind: 'context' }>>();
  const states = [...own, ...fromImage].filter((f) => {
    const inside = (p: string | null) => p === null || p === f.path || p.startsWith(`${f.path}/`);
    // Only a guess that the app writes there (an empty working folder): without a shell to give it, not a reason to refuse.
    if (f.why !== undefined && shell === null) return false;
    if (volumes.some((v) => f.path === v.path || f.path.startsWith(`${v.path}/`))) return false;
    // A folder the build made empty that a later COPY fills is the app's all the same when the build context shows the
    // folder the COPY brings (\`COPY . /app\` with the project's media/), what it brings included; not when that cannot be
    // read (another image, no context), nor a build's output that any COPY fills (public/index.html, which the app
    // serves), nor a folder a build argument names, which may be another.
    if (f.empty === true) {
      const output = BUILD_OUTPUT_NAME.test(path.posix.basename(f.path));
      const fill = folderFill(file, stage, ctx, f.path, output ? null : f.inst);
      if (fill !== null) {
        if (output || fill.kind !== 'context' || f.argument !== undefined) return false;
        brought.set(f, fill);
      }
    }
    if (owners.some((o) => names.has(o.user) && o.paths.includes(f.path))) return false;
    if (steps.some((c) => c.chown !== null && names.has(c.chown.split(':')[0]!) && c.dest === f.path)) return false;
    // The image's own program writes its folders wherever the app is copied: they are not the app's folder.
    const appFolder = !fromImage.includes(f) && workdir !== null && (workdir === f.path || workdir.startsWith(`${f.path}/`) || f.path.startsWith(`${workdir}/`));
    return !(appFolder && steps.some((c) => inside(c.dest)));
  });
  // A folder a build argument names (\`mkdir -p $MEDIA_ROOT\`) is another one when the build passes another value.
  const byArgument = states.find((f) => f.argument !== undefined);
  if (byArgument !== undefined) {
    return [refusal(byArgument.inst.span.start, 'volume', `line ${byArgument.inst.line} makes \`${byArgument.argument}\`, ${byArgument.path} with the build arguments at their defaults, a folder no later step fills, for the app to write in while it runs: a build may name another folder, so it cannot be given to the user here`)];
  }
  // Folders that hold a copied SQLite database: SQLite writes its journal (or WAL) beside the file.
  const databaseFolders: string[] = [];
  for (const step of steps) {
    if (step.chown !== null || step.dest === null) continue;
    const intoVolume = volumes.find((v) => step.dest === v.path || step.dest!.startsWith(`${v.path}/`));
    const intoState = intoVolume === undefined ? states.find((f) => step.dest === f.path || step.dest!.startsWith(`${f.path}/`)) : undefined;
    const databases = intoVolume === undefined ? sqliteCopies(ctx, step) : [];
    if (intoVolume === undefined && intoState === undefined && databases.length === 0) continue;
    if (!numericSpec && plan.kind === 'existing' && step.inst.index < plan.after.index) {
      if (plan.created) return [refusal(step.inst.span.start, 'volume', `this COPY would need --chown=${spec}, and ${plan.name} is only created later, on line ${plan.after.line}`)];
      // An account the Dockerfile only names (`COPY --chown=www-data`) is the base image's, unless a step between may make it.
      const maker = accountMakerBetween(file, stage, step.inst, plan.after);
      if (maker !== null) {
        const where = maker === plan.after ? `by the RUN on line ${maker.line}` : `on line ${plan.after.line}, after the ${maker.keyword} on line ${maker.line}`;
        return [refusal(step.inst.span.start, 'volume', `this COPY would need --chown=${spec}, and ${plan.name} is first named ${where}, which may be what makes the account`)];
      }
    }
    for (const d of databases) {
      // A folder the COPY makes itself (one inside a copied folder) gets its --chown; the working folder is made before.
      if ((d.madeByCopy && workdir !== null && d.folder !== workdir && !workdir.startsWith(`${d.folder}/`)) || databaseFolders.includes(d.folder)) continue;
      const why = appFolderWhy(workdir, steps, step, d);
      if (why !== null) {
        return [refusal(step.inst.span.start, 'writes-app-folder', `line ${step.inst.line} copies the SQLite database ${d.database} to ${d.imagePath}; SQLite writes its journal (${path.posix.basename(d.imagePath)}-journal, or -wal and -shm) beside it, so the user would need ${d.folder} itself, and ${why}, which stays root's: keep the database in a folder of its own (a VOLUME such as /data)`)];
      }
      databaseFolders.push(d.folder);
    }
    edits.push({ start: step.inst.keywordSpan.end, end: step.inst.keywordSpan.end, text: ` --chown=${spec}` });
    notes.push(
      intoVolume !== undefined
        ? `COPY into VOLUME ${intoVolume.path} owned by the user`
        : databases.length > 0
          ? `COPY of the SQLite database ${databases[0]!.database} owned by the user`
          : `COPY into ${intoState!.path} owned by the user`,
    );
  }
  // A VOLUME the stage already gives to the user before declaring it (`RUN mkdir /data && chown app /data`, or
  // `mkdir -p /srv/media/images && chown -R app /srv/media`) needs nothing more.
  const given = (v: VolumePath) => owners.some((o) => o.inst.index < v.inst.index && names.has(o.user) && (o.paths.includes(v.path) || givenBelow(o, v.path)));
  /** A folder inside one a recursive chown names, which the RUN had made before it ran. */
  const givenBelow = (o: FileOwner, folder: string) =>
    o.paths.some((p) => folder.startsWith(p === '/' ? '/' : `${p}/`)) && o.below.some((m) => m === folder || m.startsWith(`${folder}/`));
  // A base image's /tmp and /var/tmp are world-writable (mode 1777), and a volume there starts as
  // that folder; scratch has none, so there the runtime makes it root's.
  const sticky = (v: VolumePath) => plan.kind !== 'numeric' && (v.path === '/tmp' || v.path === '/var/tmp');
  const toGive = volumes.filter((v) => !given(v) && !sticky(v));
  const firstVolume = toGive[0]?.inst ?? null;
  // \`mkdir -p\` too: the RUN may come before the COPY, when it goes before a VOLUME.
  const folders = databaseFolders.filter((f) => !owners.some((o) => names.has(o.user) && o.paths.includes(f)));
  // A state folder a COPY of this stage makes as its destination gets the user with that COPY's
  // --chown: only the others need a RUN (the folders above a copied file are not counted on).
  const byCopy = (f: (typeof states)[number]) => f.itself && f.inst.stage === stage.index && (f.inst.keyword === 'COPY' || f.inst.keyword === 'ADD');
  const stateRun = states.filter((f) => !byCopy(f) && !folders.includes(f.path));
  // A state folder's contents too (-R): a RUN may have put files there that the app writes on (`touch
  // /var/log/app/app.log`, an init that lays out its data), which would stay root's. Not an image's folder,
  // which the image has, and where the program adds beside what is there (a WAR is unpacked next to it) and COPYs give theirs.
  const last = [...stage.instructions].reverse().find((i) => FILESYSTEM_STEPS.has(i.keyword)) ?? stage.from;
  // The new RUN goes before the first VOLUME it gives the user when steps follow that VOLUME, else after the last step.
  const runAt = firstVolume !== null && firstVolume.index < last.index ? firstVolume.index : last.index + 1;
  // A folder a step before the new RUN makes (\`RUN mkdir -p /app/logs\`, a WORKDIR, a COPY into it) needs no mkdir again.
  const made = (f: (typeof states)[number]) => f.unmade !== true && f.inst.index < runAt;
  // A path is one word however it is spelled (`VOLUME $DIR` of `/srv/Application Support` is one folder). A VOLUME's
  // folder that a step before the new RUN makes (`RUN mkdir -p /data` above `VOLUME /data`) needs no mkdir again.
  const volumeCommands = toGive.flatMap((v) => [
    ...(folderMadeBefore(file, stage, v.path, runAt) ? [] : [`mkdir -p ${shellQuote(v.path)}`]),
    `chown ${spec} ${shellQuote(v.path)}`,
  ]);
  const folderCommands = [
    ...folders.flatMap((f) => [`mkdir -p ${shellQuote(f)}`, `chown ${spec} ${shellQuote(f)}`]),
    ...stateRun.flatMap((f) => {
      const word = shellQuote(f.path);
      if (fromImage.includes(f)) return [`chown ${spec} ${word}`];
      // A folder only an ENV names is made here, empty: nothing inside it to give.
      return f.unmade === true ? [`mkdir -p ${word}`, `chown ${spec} ${word}`] : [...(made(f) ? [] : [`mkdir -p ${word}`]), `chown -R ${spec} ${word}`];
    }),
  ];

  // The RUN that creates the account (and the VOLUME and database folders), and the USER.
  const runCommands = [...(plan.kind === 'create' ? plan.commands : []), ...volumeCommands, ...folderCommands];
  if (volumeCommands.length + folderCommands.length > 0 && plan.kind !== 'create') {
    if (shell === null && firstVolume !== null) return [refusal(firstVolume.span.start, 'volume', `VOLUME ${toGive[0]!.path} would stay root's: the image has no shell to make it the user's`)];
    if (shell === null && folders.length > 0) return [refusal(at, 'volume', `${folders[0]}, which holds a copied SQLite database, would stay root's: the image has no shell to make it the user's, and SQLite writes its journal there`)];
    if (shell === null) {
      const f = stateRun[0]!;
      const fill = brought.get(f);
      const made =
        f.unmade === true
          ? `which ${f.how} names and no step makes`
          : fill !== undefined
            ? `made by ${f.how} and filled by ${broughtBy(fill)}`
            : f.empty === true
              ? `made by ${f.how} and left empty`
              : `made by ${f.how}`;
      const what = f.empty === true ? 'is there for a program to write in while it runs' : 'is where a program keeps the data it writes while it runs';
      return [refusal(f.inst.span.start, 'volume', `${f.path}, ${made}, ${what}; it would stay root's: the image has no shell to make it the user's`)];
    }
  }
  // A folder given before the COPY that fills it would hold root's files: the RUN goes before a VOLUME above that COPY.
  const early = stateRun.find((f) => (brought.get(f)?.inst.index ?? -1) >= runAt);
  if (early !== undefined && firstVolume !== null) {
    return [refusal(early.inst.span.start, 'volume', `${early.path}, made by ${early.how} and filled by ${broughtBy(brought.get(early)!)}, is there for the app to write in: the RUN that gives it to the user goes before VOLUME ${toGive[0]!.path} on line ${firstVolume.line}, above that ${brought.get(early)!.inst.keyword}, so what it copies there would stay root's`)];
  }
  const userLine = `${instructionHead(file, 'USER')}${spec}`;
  const beside = firstVolume !== null && firstVolume.index < last.index ? firstVolume : last;
  const runLine = runCommands.length === 0 ? null : renderRunLine(file, runCommands, file.instructions[runAt - 1]!, execShell(file, beside, shell));
  if (runLine !== null && firstVolume !== null && firstVolume.index < last.index) {
    // Steps follow the VOLUME: the folder is made the user's before it, the USER still goes after them.
    if (plan.kind === 'existing' && !numericSpec && firstVolume.index < plan.after.index) {
      return [refusal(firstVolume.span.start, 'volume', `VOLUME ${toGive[0]!.path} comes before ${plan.name} is created, so it cannot be given to ${plan.name} in time`)];
    }
    edits.push(insertLinesBefore(file, firstVolume, [runLine]));
    edits.push(insertLinesBelow(file, last, [userLine]));
  } else {
    edits.push(insertLinesBelow(file, last, runLine === null ? [userLine] : [runLine, userLine]));
  }
  if (toGive.length > 0) notes.push(`VOLUME ${toGive.map((v) => v.path).join(', ')} made the user's`);
  if (folders.length > 0) notes.push(`${folders.join(', ')} made the user's: SQLite writes its journal beside the database`);
  const stateNoted = states.filter((f) => !folders.includes(f.path));
  if (spec !== ownSpec) {
    const first = groupWritable[0]!;
    const more = groupWritable.length === 1 ? '' : ` (and ${groupWritable.length - 1} more)`;
    notes.push(`in root's group (gid 0), which line ${first.inst.line} lets write to ${first.path}${more} (chmod ${first.mode})`);
  }
  const ownNoted = stateNoted.filter((f) => !fromImage.includes(f) && f.why === undefined && f.unmade !== true && f.empty !== true);
  if (ownNoted.length > 0) notes.push(`${ownNoted.map((f) => f.path).join(', ')} made the user's: the folder${ownNoted.length === 1 ? '' : 's'} the app keeps its data in`);
  const emptyNoted = stateNoted.filter((f) => f.empty === true && !brought.has(f));
  if (emptyNoted.length > 0) {
    const one = emptyNoted.length === 1;
    notes.push(`${emptyNoted.map((f) => f.path).join(', ')} made the user's: ${one ? 'a folder' : 'folders'} a mkdir makes and no later step fills, for the app to write in while it runs`);
  }
  for (const f of stateNoted) {
    const fill = brought.get(f);
    if (fill !== undefined) notes.push(`${f.path} made the user's: a folder a mkdir makes for the app to write in while it runs, with what the ${fill.inst.keyword} on line ${fill.inst.line} puts there from the build context's ${fill.folder}/`);
  }
  for (const f of stateNoted) if (f.unmade === true) notes.push(`${f.path} made and given to the user: ${f.how} names it as where the app writes, no step makes it, and the app could not make it as the user`);
  for (const f of stateNoted) if (f.why !== undefined) notes.push(`${f.path} made the user's: ${f.why}`);
  for (const w of imageWrites) if (stateNoted.some((f) => f.path === w.path)) notes.push(`${w.path} made the user's: ${w.what}`);
  const dataFolders = [...new Set([...toGive.map((v) => v.path), ...folders, ...stateNoted.map((f) => f.path)])];

  const who =
    plan.kind === 'image-user'
      ? `the image's user ${plan.name} (${spec})`
      : plan.kind === 'numeric'
        ? `uid ${NONROOT_UID} (${spec}), which needs no account on scratch`
        : plan.kind === 'create'
          ? `a new system account ${plan.account.name} (${spec}) made with ${plan.tools}`
          : plan.created
            ? `${plan.name}${plan.name === spec ? '' : ` (${spec})`}, the account the stage creates`
            : `${plan.name}${plan.name === spec ? '' : ` (${spec})`}, the user the stage gives its files to`;
  const message = `run as ${who}${notes.length === 0 ? '' : `; ${notes.join('; ')}`}`;
  // A uid the stage only gives files to (\`chown -R 1000:2000 /code/media\`) may have no account. The base
  // images' own accounts are system ones below 1000 (www-data, nginx) and nobody's 65534; the image's
  // non-root user is known.
  const uid = plan.kind === 'existing' && !plan.created && /^\d+$/.test(plan.name) ? Number(plan.name) : null;
  const shippedUid = base.kind === 'image' ? base.image.facts.nonRootUser?.uid : base.kind === 'unknown' ? (base.runsAs ?? base.carries)?.user.uid : undefined;
  const homeless = uid !== null && uid >= 1000 && uid !== 65534 && uid !== shippedUid ? uid : null;
  const pip = startPipInstall(file, stage, ctx);
  // pip falls back to the user's site-packages under HOME, which is / (root's) for a uid with no account.
  if (pip !== null && (plan.kind === 'numeric' || homeless !== null)) {
    const started = startCommand(file, stage);
    return [refusal((started.entrypoint ?? started.cmd)?.inst.span.start ?? at, 'needs-root', `${pip.where} runs \`${pip.command}\` when the container starts: as uid ${plan.kind === 'numeric' ? NONROOT_UID : homeless} pip cannot write the image's site-packages, and its HOME, /, which it would install into instead, is root's`)];
  }
  // A user the stage already gives files to (\`chown -R saleor /app\`, \`COPY --chown\`) owns those.
  const owned = plan.kind !== 'numeric' && fileOwners(file, stage).some((o) => o.user === ('name' in plan ? plan.name : plan.account.name) || o.spec === spec);
  const why =
    'the container no longer runs as root: check that the app only writes where the user may ' +
    (owned
      ? '(its VOLUMEs and what the stage gives it with chown or COPY --chown; other copied files and folders stay root-owned and read-only)'
      : '(its VOLUMEs; copied files and the working folder stay root-owned and read-only)') +
    ', and that nothing it runs at start needs root' +
    // What the image gives the user is in new volumes only: one an earlier image's root process filled keeps root's files.
    (dataFolders.length > 0
      ? `; a named volume or bind mount that a container of the earlier image, as root, already filled at ${dataFolders.join(', ')} keeps root's files, which the new user cannot write: give it to ${spec} (\`chown -R ${spec}\`) when upgrading`
      : '') +
    // No account means no home: Docker sets HOME=/ for a uid /etc/passwd does not list, and scratch has no /tmp either.
    (plan.kind === 'numeric' ? '; on scratch the user has no home and there is no /tmp: HOME is /, which stays root\'s, so a program that keeps a cache or settings in its HOME fails unless an ENV points it at a VOLUME' : '') +
    // Docker sets HOME from /etc/passwd when no ENV sets it: /root becomes the user's own, or / for a uid it does not list.
    (plan.kind !== 'numeric' && !setsHome(file, stage) && (base.kind !== 'image' || base.image.facts.env['HOME'] === undefined)
      ? homeless === null
        ? '; HOME is no longer /root but the user\'s home: what the program keeps there (~/.cache, ~/.config, its own ~/.app) starts empty, and data users keep in a volume mounted under /root is no longer found'
        : `; no account the Dockerfile makes has uid ${homeless}: unless the image has one, Docker sets HOME to /, which stays root's, so a program that keeps a cache or settings in its HOME fails unless an ENV sets HOME`
      : '') +
    (plan.kind === 'existing' ? unverifiableNameNote(plan, spec) : '') +
    (pip === null
      ? ''
      : `; ${pip.where} runs \`${pip.command}\` when the container starts: as the user, pip cannot write the image's site-packages and installs into the user's, under HOME (~/.local), in every new container (a virtualenv's pip does not fall back, and fails)`);
  // The user depends on the images the stage is built on: when a base switch of the same pass
  // edits one of their FROMs (Alpine, distroless), or the ARG default a FROM's reference reads
  // (`ARG PY_VERSION=3.12-alpine` for `FROM python:${PY_VERSION:-3.11}`), the user is worked out
  // again on the new image.
  const froms = [...stageLineage(file, stage).map((s) => s.from.span), ...baseImageText(file, stage)];
  return [dependingOn(reviewChange(last.span.start, message, edits, why), froms)];
}

/**
 * What the review says of a USER that names its user (\`USER saleor\`): Kubernetes' runAsNonRoot checks only a
 * number, and refuses to start the pod for a name. The uid is not written for it, as it is not known: useradd
 * picks one at build time where no -u gives it (a system one with -r), and a package or the image picks its
 * accounts' own. Nor does the transform give the account a uid: one it picks may be taken, and files that
 * containers of the image already wrote in volumes belong to the uid the account has now.
 */
function unverifiableNameNote(plan: Extract<Plan, { kind: 'existing' }>, spec: string): string {
  const user = spec.split(':')[0]!;
  if (/^\d+$/.test(user)) return '';
  const cannot = `; USER names ${user}, whose uid the Dockerfile does not give: Kubernetes' runAsNonRoot cannot verify a name (the kubelet refuses to start the pod: "image has non-numeric user (${user}), cannot verify user is non-root")`;
  const asked = `\`docker run --rm --entrypoint id IMAGE -u ${user}\``;
  return plan.created
    ? `${cannot}; give it a uid on line ${plan.after.line} (\`-u\` to useradd or adduser, and its group a gid) and USER that number, the one it has in the image now (${asked}) to keep what it wrote in volumes its own`
    : `${cannot}; the Dockerfile does not make the account: set the pod's runAsUser to its uid (${asked}), or make the account in the Dockerfile with a fixed uid, before what installs it, and USER that number`;
}

/** The COPY that brings a folder of the build context into one a mkdir made, for a message: \`the COPY on line 8 from the build context's media/\`. */
function broughtBy(fill: Extract<FolderFill, { kind: 'context' }>): string {
  return `the ${fill.inst.keyword} on line ${fill.inst.line} from the build context's ${fill.folder}/`;
}

/** Whether an ENV of the stage or what it builds on sets HOME (the base image's own ENV is in its facts). */
function setsHome(file: ParsedDockerfile, stage: Stage): boolean {
  return stageLineage(file, stage).some((s) => s.instructions.some((i) => i.keyword === 'ENV' && properties(file, i).some((p) => p.name === 'HOME')));
}

/**
 * The shell a RUN written next to \`beside\` (before a VOLUME, or below the last step) must name itself, or null when
 * shell form runs there: shell form runs /bin/sh, which an image whose shell is elsewhere lacks (distroless's :debug
 * images have busybox's /busybox/sh alone), unless a SHELL before it, of the stage or what it builds on, names a POSIX one.
 */
function execShell(file: ParsedDockerfile, beside: Instruction, shell: string | null): string | null {
  if (shell === null || shell === '/bin/sh') return null;
  const set = shellAt(file, beside);
  return set.setAt !== null && set.posix ? null : shell;
}

/**
 * A RUN line written after \`after\`: one line when short, else one command per continuation line; given \`shellProgram\`,
 * in exec form that runs the commands with it (\`RUN ["/busybox/sh", "-c", "…"]\`), on one line.
 */
function renderRunLine(file: ParsedDockerfile, commands: readonly string[], after: Instruction, shellProgram: string | null = null): string {
  const run = instructionHead(file, 'RUN');
  if (shellProgram !== null) return `${run}[${[shellProgram, '-c', commands.join(' && ')].map((w) => JSON.stringify(w)).join(', ')}]`;
  const oneLine = `${run}${commands.join(' && ')}`;
  if (oneLine.length <= 100) return oneLine;
  // Continued as the RUN it follows is (collapse-run merges the two in that RUN's layout), else as
  // the file's other RUNs are: one style either way.
  const before = continuedLayout(file, after);
  const { leading, indent, tight } =
    before === null ? fileRunLayout(file) : { leading: before.leading ?? fileRunLayout(file).leading, indent: before.indent, tight: before.tight ?? fileRunLayout(file).tight };
  const esc = file.escape;
  return `${run}${commands.join(leading ? ` ${esc}${file.eol}${indent}&& ` : ` &&${tight ? '' : ' '}${esc}${file.eol}${indent}`)}`;
}

const SQLITE_DATABASE = /\.(?:db|sqlite|sqlite3)$/;

/** A SQLite database of the build context that a COPY puts in the image, and the folder that holds it there. */
interface CopiedDatabase {
  /** Its path in the build context. */
  readonly database: string;
  readonly imagePath: string;
  readonly folder: string;
  /** The folder lies inside a folder the COPY copies, so the COPY makes it, with its --chown. */
  readonly madeByCopy: boolean;
  /** The COPY puts other files than databases in that folder too. */
  readonly besideFiles: boolean;
}

/** The SQLite databases of the build context a COPY puts in the image. */
function sqliteCopies(ctx: BuildContext | null, step: CopyStep): CopiedDatabase[] {
  if (ctx === null || step.dest === null) return [];
  const dest = step.dest;
  const out: CopiedDatabase[] = [];
  const sources = step.sources.map((s) => (s === null ? null : path.posix.normalize(s).replace(/^\.\/|\/$/g, '') || '.'));
  for (const rel of sources) {
    if (rel === null) continue;
    const kind = ctx.kind(rel);
    if (kind === 'file' && SQLITE_DATABASE.test(rel)) {
      // A destination named like a database is the file (\`COPY todo.db /data/todo.db\`); another is the folder it goes in.
      const intoFolder = step.destIsDir || !SQLITE_DATABASE.test(dest);
      const imagePath = intoFolder ? path.posix.join(dest, path.posix.basename(rel)) : dest;
      const besideFiles = sources.some((o) => o !== rel && (o === null || !SQLITE_DATABASE.test(o)));
      out.push({ database: rel, imagePath, folder: path.posix.dirname(imagePath), madeByCopy: false, besideFiles });
    }
    if (kind === 'dir') {
      const inside = (p: string) => (rel === '.' ? p : p.slice(rel.length + 1));
      // Only the entries asked about are matched against .dockerignore: a context may hold many.
      const files = ctx.walk().entries.filter((e) => e.kind === 'file' && (rel === '.' || e.path.startsWith(`${rel}/`)) && !e.path.split('/').includes('.git'));
      const topLevelOther = files.some((e) => !inside(e.path).includes('/') && !SQLITE_DATABASE.test(e.path) && ctx.sends(e.path));
      for (const e of files) {
        if (!SQLITE_DATABASE.test(e.path) || !ctx.sends(e.path)) continue;
        const imagePath = path.posix.join(dest, inside(e.path));
        const madeByCopy = inside(e.path).includes('/');
        out.push({ database: e.path, imagePath, folder: path.posix.dirname(imagePath), madeByCopy, besideFiles: !madeByCopy && topLevelOther });
      }
    }
  }
  return out;
}

/**
 * Why the folder that holds a copied database is the app's, which the user must not own (the
 * working folder stays root's, as do the folders the code is copied to), or null when it is a
 * folder of its own: the working folder or one holding it, or a folder other COPYs write to.
 */
function appFolderWhy(workdir: string | null, steps: readonly CopyStep[], step: CopyStep, d: CopiedDatabase): string | null {
  if (workdir === null) return 'the working folder is only known at build time, so whether that is the app\'s folder cannot be told';
  if (d.folder === workdir) return `${d.folder} is the app's working folder`;
  if (d.folder === '/' || workdir.startsWith(`${d.folder}/`)) return `${d.folder} holds the app's working folder ${workdir}`;
  if (d.besideFiles) return `line ${step.inst.line} copies other files there too`;
  const other = steps.find(
    (s) => s !== step && (s.dest === null || s.dest === d.folder || (!s.destIsDir && path.posix.dirname(s.dest) === d.folder)) && !s.sources.every((o) => o !== null && SQLITE_DATABASE.test(o)),
  );
  if (other === undefined) return null;
  return other.dest === null ? `line ${other.inst.line} copies to a folder only known at build time, which may be that one` : `line ${other.inst.line} copies other files there too`;
}

/** A compose file (servicesOf: of the context, or above it) whose service built from this Dockerfile mounts a volume in /root, or null. */
function rootHomeMount(ctx: BuildContext | null, dockerfilePath: string | null, text: string | undefined): { file: string; service: string; target: string; built: boolean } | null {
  if (ctx === null) return null;
  for (const { file, service } of servicesOf(ctx, dockerfilePath, text)) {
    const target = mountedTargets(service).find((t) => t === '/root' || t.startsWith('/root/'));
    if (target !== undefined) return { file: composeFileSaying(file, service, 'volumes'), service: service.name, target, built: serviceBuild(service.spec) !== null };
  }
  return null;
}

/**
 * A compose file (servicesOf) whose service built from this Dockerfile, with no \`user:\`, bind-mounts its own build
 * context into the container (\`.:/app\`, Overseerr's and Jellyseerr's Dockerfile.local): a development loop on the host's
 * checkout. Not a service whose \`build.target\` runs another stage than \`stage\` (docker/getting-started's \`target: dev\`,
 * where the final stage is the nginx that serves the docs), nor a mount where the stage does not work (worksIn). Null
 * when there is none.
 */
function sourceMount(dockerfile: ParsedDockerfile, ctx: BuildContext | null, dockerfilePath: string | null, text: string | undefined, stage: Stage): { file: string; service: string; source: string; target: string; built: boolean } | null {
  if (ctx === null) return null;
  for (const { file, service, at } of servicesOf(ctx, dockerfilePath, text)) {
    if (service.spec['user'] !== undefined) continue;
    const build = serviceBuild(service.spec);
    if (build?.target != null && build.target.toLowerCase() !== stage.name?.toLowerCase()) continue;
    const context = build?.context ?? '.';
    const from = path.posix.dirname(at);
    const built = path.posix.normalize(path.posix.join(from, context)).replace(/(.)\/+$/, '$1');
    const mount = bindMounts(service).find((m) => m.source.startsWith('.') && !m.readOnly && path.posix.normalize(path.posix.join(from, m.source)).replace(/(.)\/+$/, '$1') === built);
    if (mount !== undefined && worksIn(dockerfile, stage, service, mount.target)) return { file: composeFileSaying(file, service, 'volumes'), service: service.name, source: mount.source, target: mount.target, built: build !== null };
  }
  return null;
}

/**
 * Whether the stage works in \`target\`, where a compose file mounts the checkout: its working folder is there (or
 * holds it, or lies in it), the service's own \`working_dir:\` is, its \`command:\` names a path there, or the stage
 * copies files from the build context there. Elsewhere (excalidraw's \`./\` at /opt/node_app/app, the folder of
 * its build stage, while its nginx stage serves /usr/share/nginx/html) the container runs nothing of the checkout.
 * A working folder only known at build time may be anywhere.
 */
function worksIn(file: ParsedDockerfile, stage: Stage, service: ComposeService, target: string): boolean {
  const overlaps = (dir: string) => dir !== '/' && (target === dir || target.startsWith(`${dir}/`) || dir.startsWith(`${target}/`));
  const { working_dir: serviceDir, command } = service.spec;
  if (typeof serviceDir === 'string' && (serviceDir.includes('$') || overlaps(path.posix.normalize(serviceDir)))) return true;
  if (command !== undefined && JSON.stringify(command).includes(target)) return true;
  const workdir = workdirOf(file, stage);
  if (workdir === null || overlaps(workdir)) return true;
  return stageLineage(file, stage).some((s) =>
    copySteps(file, s).some((c) => c.from === null && (c.dest === null || overlaps(c.dest) || (!c.destIsDir && overlaps(path.posix.dirname(c.dest))))),
  );
}

/** Host folders a bind mount reads the system from (\`/etc/localtime\`, \`/dev/dri\`, \`/var/run/docker.sock\`), not where an app keeps data. */
const SYSTEM_MOUNTS = ['/etc', '/dev', '/proc', '/sys', '/run', '/var/run', '/tmp', '/usr', '/lib', '/boot', '/var/lib/docker'];

/**
 * A compose file (servicesOf: of the context, or above it) whose service built from this Dockerfile, with no \`user:\`,
 * bind-mounts a host folder it may write (not \`:ro\`, nor a file named with an extension other than a SQLite database's,
 * which the user provides for it to read) that the build context does not hold: one Docker makes as root
 * when it is missing (\`./data\`, left out of the repository), or one elsewhere on the host (\`/srv/app\`, \`~/.app\`).
 * What the context holds (\`.:/app\`, \`./config.yml\`) is the checkout's, owned by whoever made it. Null when there is none.
 */
function hostFolderMount(ctx: BuildContext | null, dockerfilePath: string | null, text: string | undefined): { file: string; service: string; source: string; target: string; why: string; built: boolean } | null {
  if (ctx === null) return null;
  for (const { file, service, folder, at } of servicesOf(ctx, dockerfilePath, text)) {
    if (service.spec['user'] !== undefined) continue;
    for (const m of bindMounts(service)) {
      if (m.readOnly || ENGINE_SOCKET.test(m.source) || m.source.endsWith('.sock')) continue;
      if (SYSTEM_MOUNTS.some((p) => m.source === p || m.source.startsWith(`${p}/`))) continue;
      // A file the user provides for the app to read (\`./config.yml\`, \`~/.app/settings.json\`); a SQLite database is written beside.
      const name = path.posix.basename(m.source);
      if (/.\.[A-Za-z0-9]+$/.test(name) && !SQLITE_DATABASE.test(name)) continue;
      if (m.source.startsWith('.')) {
        const rel = path.posix.normalize(path.posix.join(path.posix.dirname(at), m.source));
        if (rel === '..' || rel.startsWith('../') || folder.exists(rel)) continue;
        return { file: composeFileSaying(file, service, 'volumes'), service: service.name, source: m.source, target: m.target, why: 'the build context has no such folder, and Docker makes a missing one, as root, when the service starts', built: serviceBuild(service.spec) !== null };
      }
      return { file: composeFileSaying(file, service, 'volumes'), service: service.name, source: m.source, target: m.target, why: 'a folder of the host keeps its owner there, and Docker makes a missing one as root', built: serviceBuild(service.spec) !== null };
    }
  }
  return null;
}

/**
 * What a compose service built from this Dockerfile runs in place of its CMD (\`command: celery -A proj beat\`, a
 * worker or a scheduler from the web app's image), with no \`user:\`, checked as the image's own command is for a
 * server that writes the app's folder: the image runs that command too. A service that builds another stage
 * (\`build.target\`) runs that stage, not this one.
 */
function composeCommandBlocker(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, dockerfilePath: string | null, text: string | undefined, image: IdentifiedImage | null, at: number): Blocker | null {
  if (ctx === null) return null;
  for (const { file: compose, service } of servicesOf(ctx, dockerfilePath, text)) {
    const build = service.spec['build'];
    if (service.spec['user'] !== undefined || (typeof build === 'object' && build !== null && 'target' in build)) continue;
    const command = service.spec['command'];
    const script = typeof command === 'string' ? command : Array.isArray(command) && command.every((w) => typeof w === 'string') ? command.map((w) => shellQuote(w)).join(' ') : null;
    if (script === null || script.trim() === '') continue;
    const blocker = commandOverrideBlocker(file, stage, ctx, image, script, `the \`command:\` of ${composeFileSaying(compose, service, 'command')}'s service ${service.name}`, at);
    if (blocker !== null) return blocker;
  }
  return null;
}

/** A compose service that runs the image: one that builds it from this Dockerfile, or one that runs the image it is published as (servicesOf). */
function theService(built: boolean): string {
  // Not \`this image\`: other Dockerfiles of the repository may carry the same source label.
  return built ? 'the service built from this Dockerfile' : "the service that runs the image this Dockerfile's source label names";
}

/** The image a compose service runs, as theService says it. */
function theImage(built: boolean): string {
  return built ? 'the image built from this Dockerfile' : "the image this Dockerfile's source label names";
}

/** Sockets of container engines: a program given one manages the host's containers. */
const ENGINE_SOCKET = /\/(?:docker|podman)\.sock$/;

/** A compose file (servicesOf: of the context, or above it) whose service built from this Dockerfile mounts a container engine's socket, or null. */
function dockerSocketMount(ctx: BuildContext | null, dockerfilePath: string | null, text: string | undefined): { file: string; service: string; source: string; built: boolean } | null {
  if (ctx === null) return null;
  for (const { file, service } of servicesOf(ctx, dockerfilePath, text)) {
    const source = mountedSources(service).find((s) => ENGINE_SOCKET.test(s));
    if (source !== undefined) return { file: composeFileSaying(file, service, 'volumes'), service: service.name, source, built: serviceBuild(service.spec) !== null };
  }
  return null;
}

/**
 * The tool that checks and rewrites a project's files or builds a site into them (PROJECT_REWRITERS), or converts files
 * and writes what it makes beside them (FILE_CONVERTERS), that the container runs, also behind an init or \`bundle exec\`, or null.
 */
function projectRewriter(command: StartCommand): { readonly part: CommandPart; readonly tool: (typeof PROJECT_REWRITERS)[string] | (typeof FILE_CONVERTERS)[string] } | null {
  const named = (part: CommandPart | null) => {
    const argv = part?.argv ?? [];
    const at = Math.max(wrappedProgram(argv), 0);
    // Bundler runs the gem's program with the Gemfile's versions: `bundle exec jekyll serve`.
    const bundled = argv[at] !== undefined && path.posix.basename(argv[at]!) === 'bundle' && argv[at + 1] === 'exec';
    const program = argv[bundled ? at + 2 : at];
    const name = program === undefined ? undefined : path.posix.basename(program);
    const tool = name === undefined ? undefined : (own(PROJECT_REWRITERS, name) ?? own(FILE_CONVERTERS, name));
    return tool === undefined ? null : { part: part!, tool };
  };
  // The ENTRYPOINT's program, else the CMD's where its words are what runs (no ENTRYPOINT, or behind one script or an init's `--`).
  const cmdRuns = command.cmd !== null && (command.entrypoint === null || runWords(command) === command.cmd.argv);
  return named(command.entrypoint) ?? (cmdRuns ? named(command.cmd) : null);
}
