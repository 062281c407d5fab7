import { commentsBetween } from '../src/dockerfile/comments.js';
import { logicalText } from '../src/dockerfile/logical.js';
import { PerStage, rootStage, shippedStages, stageLineage } from '../src/dockerfile/stages.js';
import { properties, resolveBase, variablesAt, type Variables } from '../src/dockerfile/variables.js';
import { isRoot, knownBaseImage, userAt } from '../src/analysis/stageTools.js';
import { publishedTargets } from '../src/analysis/buildTargets.js';
import { piecesText, replaceKeeping, type Piece } from '../src/dockerfile/edit.js';
import type { Instruction, ParsedDockerfile, Span, Stage } from '../src/dockerfile/types.js';
import { lostComment } from '../src/engine/contracts.js';
import { isIgnored, isNextLinePragma, pragmaInside } from '../src/engine/pragmas.js';
import { change, defineTransform, keeping, refusal, type Edit, type Finding, type TransformMeta } from '../src/engine/types.js';
import {
  BODY_REFUSALS,
  builtinCall,
  cargoSubcommand,
  errexitCommand,
  continuedLayout,
  endsEarly,
  fileEnd,
  fileRunLayout,
  fileStart,
  isValidShell,
  folderMove,
  invokedTool,
  mounts,
  nestedShellStrings,
  readsStartupFiles,
  recognise,
  runBody,
  runLayout,
  secretEnvironment,
  shellInvocation,
  type FileRunLayout,
  type RunBody,
  type RunContinuation,
  type ShellScript,
  type ShellWord,
  type SimpleCommand,
  withoutCommentLines,
} from '../src/shell/index.js';
import { binSh } from '../src/analysis/binSh.js';
import { pathIn, removedFolder, workdirAt } from '../src/analysis/paths.js';
import { short } from '../src/analysis/pidOne.js';
import { globalNodeInstall, goInstallHere, mayInstall, replaceableProgram, unnamedInstall, type UnnamedInstall } from '../src/shell/installs.js';
import { grammar, splitArgs } from '../src/shell/argv.js';
import { goBuildPackages, goModuleUnread, goProgramName, packageIn } from '../src/analysis/builds/go.js';
import { CARGO_VALUED } from '../src/analysis/builds/rust.js';
import { readUvPip } from '../src/shell/pythonTools.js';
import { parseRequirement, toolRequirements } from '../src/analysis/dependencies.js';
import { packageName } from '../src/deps/packageJson.js';
import { CARGO_BINSTALL_VALUED, packagePrograms, SHIPPED_WITH, type ProgramRegistry } from '../src/knowledge/programs.js';
import type { BuildContext } from '../src/engine/context.js';
import { BUILD_ENVIRONMENT, exportedEnvironment } from '../src/knowledge/environment.js';
import { findRepository } from '../src/knowledge/identify.js';
import { parseImageRef, type ImageRef } from '../src/dockerfile/imageRef.js';
import { shellReads } from '../src/knowledge/shellVariables.js';
import { TOOL_COMMENT } from '../src/knowledge/toolComments.js';
import { Memo } from '../src/memo.js';
import { kept } from '../src/kept.js';
import { addPosition, countBefore } from '../src/sorted.js';
import { listed } from '../src/prose.js';

/**
 * Consecutive RUNs each add a layer, and files a later RUN deletes stay in the
 * earlier layer. Merging them keeps one layer, but each RUN was its own
 * `sh -c`: fresh shell state, and the build stopped at the first failure.
 * The merged body keeps exactly that: `a && b` stops where the build stopped,
 * a RUN whose state would reach the commands after it runs in `( … )`, and
 * whatever cannot be kept (errexit, `exec`, background jobs …) ends the merge.
 */

type Options = { maxCommands: number; allStages: boolean };

const meta: TransformMeta<Options> = {
  name: 'collapse-run',
  summary: 'Merge consecutive RUN instructions of a stage into one RUN, keeping what the shell does.',
  docs: `Joins adjacent shell-form RUNs of one stage (nothing but blank lines between them) into one RUN
(hadolint DL3059), so the image has one layer instead of several:

    RUN apt-get update                    RUN apt-get update && \\
    RUN apt-get install -y curl     →         apt-get install -y curl

The merged RUN keeps the first RUN's keyword spelling and flags, the file's escape character
and line endings, and lays out each line it adds like the RUN it continues, the last one above it
with a command on a line of its own (the first such RUN for the lines above it; the file's other
multi-line RUNs when the RUNs have none): a leading \`&& \` or a trailing \`&& \\\`, or \`&&\\\` where
they write it so, the same indentation. Lines carried over from a RUN
keep their own indentation, and comment lines inside a RUN (\`RUN \\\` then \`# explain\` then the
command) stay inside the merged RUN, as written; one after a RUN's last command, before a closing \`;\` on a line
of its own, stays right after that command, where the closing \`;\` is left out. Blank lines between the RUNs are dropped.

A comment line between two RUNs keeps them apart: it is a region marker (\`# [START x]\`,
\`# [END x]\`), a commented-out instruction (\`# RUN apt-get …\`, "Uncomment …") or line of a RUN
(\`#    && \\\`), a line a tool reads (\`# test: …\`, \`# renovate: …\`, docker-library's \`# bashbrew-architectures: …\`;
the keys are in src/knowledge/toolComments.ts), or, most often, a note on the RUN below it. Moved inside a continuation, a snippet marker no longer delimits the instruction,
an instruction can no longer be uncommented, tools stop finding the line, and the note describes the
middle of a long RUN; reviewers reject all of these. So comment lines are never moved: the RUNs
before and after them are merged separately (\`comment-between\`). Nor does a RUN join one that a
note right above describes when a blank line sets it apart (docker-library/redmine's \`# explicitly set
uid/gid …\` over its \`groupadd\` RUN, then a blank line and its apt-get RUN): merged, the note would head
commands it does not describe. Moved inside, next to the commands it describes, it would stay true, but the
RUN would then start with a comment line where the file writes none, a layout reviewers question; so the RUNs
stay apart (\`comment-between\`, at the RUN set apart). Under a note with no blank line below its RUNs
(\`# system packages\` over \`RUN apt-get update\` and \`RUN apt-get install …\`), the note covers them,
and they are merged. A tool's line is no note: under mongo's \`# bashbrew-architectures:amd64 arm64v8\`, which
docker-library's scripts grep for wherever it stands, the RUN and the one a blank line sets apart are merged.

Each RUN used to be its own \`sh -c\`: it started with fresh shell state, and the build
stopped when one failed. The merged body keeps that:
- bodies are joined with \`&&\`, so the commands after a failing RUN do not run;
- a RUN that changes the shell's state for what follows (\`cd\`, \`export\`, \`umask\`, \`set\`,
  \`source\`, \`trap\`, a bare \`X=1\`, a function, a loop variable …) runs in a subshell \`( … )\`, unless all it
  changes is its folder and the next RUN is an \`&&\` list that first goes to an absolute folder
  (\`RUN cd /src/lib && make\` before \`RUN cd /src/app && make\`): nothing runs in the folder it leaves;
  one that does nothing else (\`RUN export FLASK_APP=app.py\`, \`RUN cd /app\`) is not merged (\`no-effect\`):
  its state ends with it, so it changes nothing, which the author likely meant ENV or WORKDIR to do;
  so does a RUN that runs a program which a later RUN runs again after a RUN (this one or one
  between) that names it (\`pip install -U pip\`, \`cp x /usr/local/bin/x\`), or after naming it in that
  later RUN itself (\`cp x /usr/local/bin/x && x --version\`): the shell remembers
  where it found a program, and the new copy may sit earlier on PATH. Not so where the new copy takes
  the old one's path, nor for a RUN that names the program only before it first runs it (\`corepack enable pnpm
  && pnpm add -g turbo\`): the shell finds the new copy. The new copy takes the old one's path for a program
  upgraded by itself as root (\`pip install -U pip\`, \`npm install -g npm\`, no
  \`sudo\`, no option that moves where it installs such as \`--user\`, \`--prefix\` or \`--target\`, nothing else
  in that RUN naming it) on an image that has it where that upgrade puts it (pip on the official python images,
  npm on the official node images: both in /usr/local/bin), when nothing in the stage sets PATH or the program's
  settings (PIP_*, npm_config_*, a virtualenv, pip.conf, .npmrc, \`pip config\`, \`npm config\`); Debian's
  python3-pip (/usr/bin/pip, upgraded into /usr/local/bin) and images the knowledge base does not know keep
  the subshell. Names count without their version, and with the program whose package ships them: upgrading
  \`pip\` replaces \`pip3\` too, and upgrading \`npm\` replaces \`npx\`. An install by a language's package manager
  (\`npm\`, \`yarn\`, \`pnpm\` or \`bun\` global, \`gem\`, \`pip\`, \`uv pip\`, \`pipx\`, \`uv tool\`, uv run as \`python -m uv\`
  or past Python's other options as in \`python3 -Im uv\`, \`cargo install\`, \`cargo binstall\` or \`cargo-binstall\`, cargo told a
  toolchain or its own options first as in \`cargo +nightly -q install\`, or run by \`rustup run nightly cargo install\`, \`go install\`),
  also in a shell's string (\`sh -c "cargo install ripgrep"\`), names the programs its package puts on PATH under other names too:
  \`npm install -g typescript\` names \`tsc\` (after Debian's node-typescript ran /usr/bin/tsc), \`gem install bundler\` \`bundle\`, \`pip install awscli\` \`aws\`,
  \`cargo install ripgrep\` and \`cargo binstall ripgrep\` \`rg\` (well-known packages, in src/knowledge/programs.ts), and \`go install\` the last
  element of its package's path but a major version (\`github.com/mikefarah/yq/v4@latest\`: \`yq\`). A \`go install\` of its folder's
  package (\`go install\`, \`go install .\`) names the program of that folder's import path, from the go.mod the build context gives
  there or above it (\`WORKDIR /src/cmd/api\` in module example.com/app: \`api\`; at the module's root, the module path's last
  element but a major version; a folder copied without one, \`COPY . /src\`, is looked past as multi-stage looks past it);
  where the folder or its go.mod is not known (\`cd "$SRC"\`, \`-C\`, no go.mod copied from the context, a RUN that may
  make one such as \`go mod init\`) it counts as a RUN that may install programs it does not name. What \`rm\` deletes counts
  only in a \`bin\` or \`sbin\` folder: \`rm -rf /var/cache/yum\` empties a cache, it replaces no \`yum\`; nor does the program that
  \`xargs\` or \`find … -exec\` runs name it (\`xargs rm -f\`, \`xargs -r apk info\`): it runs there. A RUN that may install programs it does not
  name counts for every program but the base system's (\`apt-get\`, \`curl\`, \`tar\`, coreutils…):
  \`pip install -r …\`, \`make install\`, an unpacked archive, a script (\`sh install.sh\`, \`curl … | sh\`, \`/tmp/install.sh\`),
  \`cp … /usr/local/bin/\`, a command run as another user (\`su -c "cargo install ripgrep" root\`, \`gosu app make install\`);
- a RUN after the first with several statements (\`a; b\`) or an \`||\` list is grouped as
  \`{ a; b; }\` (\`&&\` and \`||\` bind equally from the left: \`x && a || b\` would run \`b\`
  when \`x\` failed).

A merge stops (the RUNs before and after it are merged separately) and is reported, at the RUN
that was not joined to the one before, naming the line of that one (\`this RUN stays apart from the RUN at
line 37: …\`: the same line may also report the merge of the RUNs from it on), with one of these codes:
- \`errexit\`: the RUN before turns errexit on (\`set -e\`, \`set -o errexit\`) or sets an ERR
  trap; shells ignore errexit in commands that are followed by \`&& …\`, so such a RUN can only
  be the last of a merged RUN joined by \`&&\`. RUNs written as docker-library's are
  (\`RUN set -eux; \\\` then \`a; \\\` lines) are joined by \`;\` instead, under the errexit the first one
  turns on, while each RUN before ends in a command whose failure ends the shell (not \`a || b\`),
  changes no shell state but its options and variables of its own (\`savedAptMark=…\`, not \`PATH\`) that no RUN
  after it names, and the RUN after turns those options on itself (or is one
  \`&&\` list, for \`-e\` and \`-x\`); the reason says which of these fails.
  A variable of its own is one no program of the next RUN gets in its environment: not one the shell reads
  (\`PATH\`, \`IFS\`), nor one an ENV or ARG of the stage or a stage it builds on sets, nor one the base image exports
  (the proxy build arguments count as exported), nor, under \`set -a\`, any; a name in capitals
  (\`ARCH="$(dpkg --print-architecture)"\`, as adoptium's eclipse-temurin Dockerfiles write)
  only when the stage builds on an official image whose exported variables are known (debian, ubuntu, alpine,
  oraclelinux, buildpack-deps, python, node, ruby, golang, rust, openjdk, eclipse-temurin, php, perl, nginx, httpd:
  every name their Dockerfiles' ENV lines ever set, in src/knowledge/environment.ts) and none of them is that name
  (\`JAVA_HOME\` on eclipse-temurin, \`PYTHON_VERSION\` on python), whatever the tag (\`python:\${PYTHON_VERSION}-slim\`
  too: a build argument in the tag is taken for a version, and one whose default holds a slash, which would name
  another registry, refuses); images export their variables in capitals, so on another image, one whose name or registry a build argument
  gives, or one the knowledge base does not know, such a RUN stays apart.
  RUNs before such a RUN go after its \`set\`, joined as it joins its commands (\`RUN mkdir -p /app\` then \`RUN set -eux; \\\` and \`apt-get update; \\\`
  lines make \`RUN set -eux; \\\`, \`mkdir -p /app; \\\`, \`apt-get update; \\\`), when each is one command or
  pipeline (its failure then still ends the RUN; not \`a && b\` or \`a || true\`, where errexit ignores a failure)
  that changes no shell state, and the options change nothing it does (\`-x\` and \`-v\` only trace; \`-u\`, \`-o
  pipefail\`, \`-f\` and \`-C\` only where it expands a variable, runs a pipeline, writes a glob or writes to a
  file); else that RUN is joined after them by \`&&\`, in braces, and ends the merge;
- \`ends-early\`: this RUN ends the shell (\`…; exit 0\`, \`make && exec app\`) when its commands
  succeed: merged, the RUNs before it would end there too, and nothing added at the end of the merged
  RUN (cleanup-in-layer's cleanup of what they install) would run;
- \`errexit-shell\`: the stage's SHELL turns errexit on (\`-e\`, \`-eo pipefail\`) and the RUN
  before has several statements or nested commands, where errexit would stop applying;
- \`exec\`, \`exit\`: the RUN before replaces or ends the shell, which would skip what follows (not
  \`exit 1\`: a literal failing status fails the build, merged or not);
- \`background\`: the RUN before starts a background job (\`&\`), which would keep running
  alongside the commands after it; or, where the shell is not bash or zsh, the RUN before or
  this one writes \`&>\`, which dash (Debian's and Ubuntu's /bin/sh) reads as \`&\` then \`>\`;
- \`shell-comment\`: a \`#\` comment in the RUN's shell line would swallow the commands joined
  after it (or the brace that groups it);
- \`different-flags\`: the RUNs have different \`--mount\`, \`--network\` or \`--security\` flags;
- \`fresh-mount\`: the RUNs mount a tmpfs or a writable bind mount, which each RUN gets afresh: merged,
  one would see what the other wrote there;
- \`ignore-comment\`: an ignore comment (\`# hadolint ignore=…\`, \`# dockshift-ignore …\`) above
  the RUN is meant for it alone and would end up inside another RUN; or one sits among the continuation
  lines of the RUN or the one before, where hadolint does not read it (it reads one only on the line right
  above an instruction): it is still meant for that RUN alone, so the RUNs stay apart and the comment where it is;
- \`comment-between\`: a comment line between the RUN and the one before, or a note right above the one
  before that a blank line sets this RUN apart from (see above; the reason
  says which kind: region marker, commented-out instruction (an ENV, ARG or LABEL one names a variable:
  \`# ENV does not survive…\` is a note), commented-out line of a RUN (it ends in a line
  continuation), tool line, or a note on the RUN, quoted by its first line with words);
- \`kept-apart\`: a comment above the RUNs (between them, or above the first) says they are kept
  apart on purpose ("Split into separate RUN commands to reduce memory pressure", "each in its own
  layer", "keep these RUNs separate", "do not merge"): the RUNs under it, up to the next comment, stay
  as they are;
- \`folder-removed\`: the RUN before removes its working folder (its WORKDIR, or a folder above it:
  \`rm -rf /build\`): each RUN started in the WORKDIR anew, but merged, the commands after it would
  run in a folder that is gone, where node, Python and relative paths fail;
- \`startup-files\`: the SHELL is a login or interactive shell (\`-l\`, \`--login\`, \`-i\`) or
  bash with BASH_ENV set, which reads startup files before each RUN that a RUN may change;
- \`unsafe-merge\`: the merged text would not be the exact join of the bodies, or not valid shell;
- \`exec-form\`, \`heredoc\`, \`non-posix-shell\` (a non-POSIX SHELL, a Windows stage, a backtick
  escape directive), \`unparsable-shell\`, \`no-body\`: a RUN next to another RUN whose body is not
  POSIX shell that can be read (a lone RUN is not reported).
A RUN in background or with a comment may still be the last one of a merged RUN.

Works on the stages that end up in the final image: the last stage and the stages it is built FROM,
and as much for a stage the project publishes with \`--target\` (see the README's "Which stages").
A build stage whose layers are not shipped gains nothing from fewer layers and loses cache
granularity, so it is left alone unless \`-o collapse-run.allStages=true\`; so is a last stage that only
tests or checks the stage it builds on (\`FROM app AS test\`, named test, tests, testing, e2e, lint, linter,
linting, check or checks), which CI builds to run the tests while the image it publishes is that stage; and a last
stage of such a name, or named for development (dev, development, local, debug…), where the project publishes other
stages with \`--target\`: those are the images.

Option \`maxCommands\` (default 0, no limit) stops a merged RUN from growing beyond that many
commands (simple commands, not counting those inside \`$(…)\`); the chain is split instead.
Users who keep RUNs apart on purpose (to cache a slow step on its own, say) can say so in a comment
above them (\`kept-apart\`), set \`maxCommands\`, or put \`# dockshift-ignore collapse-run\` or \`# hadolint ignore=DL3059\` above a
RUN: that RUN is then neither merged into the RUN before it nor with the ones after it.
Note: an ignore comment above the first RUN now covers the whole merged RUN.`,
  hadolint: ['DL3059'],
  defaultEnabled: true,
  options: {
    maxCommands: { default: 0, description: 'most commands in a merged RUN; 0 means no limit' },
    allStages: { default: false, description: 'Also merge RUNs in stages the final image is not built on (their layers are not shipped, and separate RUNs cache better there).' },
  },
  touches: { instructions: { RUN: ['edit', 'remove'] } },
  refusals: {
    errexit: 'the RUN before turns errexit on (`set -e`) or sets an ERR trap, and the merged RUN would not stop at a failure where the RUNs did',
    'errexit-shell': 'the SHELL turns errexit on and the RUN before has several statements or nested commands',
    exec: 'the RUN before uses exec, which would skip the commands after it',
    exit: 'the RUN before can exit, which would end the merged RUN early',
    'ends-early': 'this RUN ends the shell (`exit 0`) when its commands succeed, which would end the merged RUN before anything added at its end',
    background: 'the RUN before starts a background job (or one of the two writes `&>` for a POSIX sh)',
    'shell-comment': 'a shell comment would swallow the commands joined after it',
    'different-flags': 'the RUNs have different --mount, --network or --security flags',
    'fresh-mount': 'the RUNs mount a tmpfs or a writable bind mount, which each RUN gets afresh',
    'ignore-comment': 'an ignore comment above or inside the RUN is meant for it alone',
    'kept-apart': 'a comment above the RUNs says they are kept apart on purpose',
    'comment-between': 'a comment line between the RUNs (region marker, commented-out instruction, tool line, or a note on the RUN below) stays where it is',
    'folder-removed': 'the RUN before removes its working folder, which the commands joined after it would run in',
    'startup-files': 'the SHELL reads startup files before every RUN',
    'no-effect': 'the RUN only sets shell state (`export X=1`, `cd /app`), which ends with it: merged, it would need a subshell to change nothing',
    'unsafe-merge': 'the merged text would not be exactly the joined bodies, or not valid shell',
    ...BODY_REFUSALS,
  },
};

export default defineTransform<Options>({
  meta,
  run(file, { options, buildContext, path, input }) {
    const findings: Finding[] = [];
    const max = options.maxCommands > 0 ? options.maxCommands : Infinity;
    let layout: FileRunLayout | null = null;
    const shipped = options.allStages ? null : shippedStages(file, publishedTargets(buildContext, path, input?.text));
    for (const block of adjacentRuns(file)) {
      if (shipped !== null && !shipped.has(block[0]!.stage)) continue;
      findings.push(...collapse(file, block, max, () => (layout ??= fileRunLayout(file)), buildContext ?? null));
    }
    return findings;
  },
});

interface Problem {
  readonly code: string;
  readonly reason: string;
}

/** What joining needs to know about one body. */
interface Facts {
  /** Simple commands outside `$(…)`, for maxCommands. */
  readonly commands: number;
  /** Why no body may follow this one in a merged RUN; null when one may. */
  readonly stop: Problem | null;
  /** As stop, errexit aside: what keeps a body from going on after this one joined by \`;\`. */
  readonly stopBesidesErrexit: Problem | null;
  /** The options its first command turns on when that is a lone \`set\` (\`set -eux; …\`), or null. */
  readonly leadingSet: LeadingSet | null;
  /** As leak, the leading \`set\` and variables assigned at the top level (\`arch="$(uname -m)"\`) aside. */
  readonly leakBesidesSet: string | null;
  /** The variables it assigns at its top level (\`savedAptMark="$(apt-mark showmanual)"\`), which stay set after it. */
  readonly assigned: readonly string[];
  /** Whether a failure of its last statement ends a shell under errexit (a command or pipeline, not an \`&&\` list). */
  readonly endsChecked: boolean;
  /** One and-or list of simple commands and pipelines: errexit changes nothing in it (see flat). */
  readonly flat: boolean;
  /** The \`exit\` or \`exec\` it reaches when its commands succeed (\`…; exit 0\`), as written; null when none. */
  readonly endsShell: string | null;
  /** What would leak shell state into the bodies after it; null when nothing does. */
  readonly leak: string | null;
  /** Whether all it leaks is its working folder (\`cd /src && make\`): a body after it that first goes elsewhere takes none. */
  readonly leaksFolderOnly: boolean;
  /** Whether it first goes to an absolute folder and stops there if it cannot (\`cd /app && …\`), so runs in no folder left before it. */
  readonly startsInOwnFolder: boolean;
  /** Programs it runs in the shell itself, which then remembers where it found them. */
  readonly remembered: ReadonlySet<string>;
  /** Programs it runs anywhere. */
  readonly runs: ReadonlySet<string>;
  /**
   * Families of the programs it remembers that it names only before it first runs them (\`corepack enable pnpm &&
   * pnpm add -g turbo\`): the shell finds the new copy, so its own naming replaces none it remembered.
   */
  readonly namedBeforeRun: ReadonlySet<string>;
  /**
   * Families of the programs it runs that it may run after it names them or installs unnamed programs
   * (\`cp jdk/bin/java /usr/local/bin/ && java -version\`), not \`make install\`, whose install follows the lookup of make.
   */
  readonly runAfterChange: ReadonlySet<string>;
  /** Words it passes to commands (arguments, redirection targets): what it may install or replace. */
  readonly mentions: readonly string[];
  /**
   * Families it names only to upgrade them by themselves (\`pip install -U pip\`, \`npm install -g npm\`), with
   * nothing that moves where they install: on an image that has them where such an upgrade puts them, their path stays.
   */
  readonly upgrades: ReadonlySet<string>;
  /** Programs it may put on PATH without naming them (`pip install -r …`, `make install`, a script), or null. */
  readonly installs: UnnamedInstall | null;
  /** Whether it runs a `go install` of its folder's program (`cd /src/app && go install`), which installs, unnamed, any program here. */
  readonly installsHere: boolean;
  readonly statements: number;
  /**
   * Needs `{ …; }` after `&&`: several statements, a final `&`, or an `||` list.
   * `&&` and `||` bind equally from the left, so `a && b || c` would run `c`
   * when `a` failed; `a && { b || c; }` does not.
   */
  readonly groupAfterAnd: boolean;
  readonly comment: boolean;
  /** A redirection written `&>` or `&>>` (a background job for dash: see backgroundsUnderSh). */
  readonly ampersandRedirect: boolean;
  /** Script offset where its content ends without a final `;`. */
  readonly contentEnd: number;
}

interface Member {
  readonly inst: Instruction;
  readonly body: RunBody;
  readonly facts: Facts;
  /** Joined to the member before by \`;\`, under the errexit the group's first member turns on (see errexitJoinProblem). */
  readonly semicolon?: boolean;
  /**
   * Runs after the leading \`set\` of a later member, the first to turn errexit on, as one of its own commands
   * (\`RUN mkdir -p /app\` before \`RUN set -eux; \\⏎ apt-get update; …\` is \`RUN set -eux; \\⏎ mkdir -p /app; …\`: see hoistable).
   */
  readonly hoisted?: boolean;
}

/** A body's first command when it is a lone \`set\` of options: \`set -eux\`, \`set -ex -o pipefail\`. */
interface LeadingSet {
  /** One letter per option, long names for those without (\`pipefail\`): \`-o errexit\` is \`e\`. */
  readonly options: ReadonlySet<string>;
  readonly text: string;
  /** It turns errexit on, and nothing later in the body sets an option or an ERR trap. */
  readonly errexit: boolean;
}


/** Maximal runs of RUNs of one stage with nothing but comment or blank lines between them. */
function adjacentRuns(file: ParsedDockerfile): Instruction[][] {
  const blocks: Instruction[][] = [];
  let current: Instruction[] = [];
  for (const inst of file.instructions) {
    const prev = current.at(-1);
    if (inst.keyword !== 'RUN' || inst.stage < 0) {
      current = [];
      continue;
    }
    if (prev !== undefined && prev.index === inst.index - 1 && prev.stage === inst.stage && between(file, prev, inst) !== null) {
      current.push(inst);
    } else {
      current = [inst];
      blocks.push(current);
    }
  }
  return blocks.filter((b) => b.length > 1);
}

const NO_COMMENTS: readonly string[] = [];

/**
 * The comment lines (trimmed) right above \`inst\`: those after the last blank line since the instruction before it
 * (or the file's start).
 */
function commentsRightAbove(file: ParsedDockerfile, inst: Instruction): readonly string[] {
  const start = inst.index === 0 ? 0 : file.instructions[inst.index - 1]!.span.end;
  const lines = file.text.slice(start, file.lines.startOf(inst.line)).split(/\r?\n/).slice(0, -1);
  const blank = lines.findLastIndex((l) => !/^[ \t]*#/.test(l));
  return lines.slice(blank + 1).map((l) => l.trim());
}

/** The comment lines (trimmed) between two instructions, or null when something else is there. */
function between(file: ParsedDockerfile, a: Instruction, b: Instruction): readonly string[] | null {
  const gap = file.text.slice(a.span.end, b.span.start);
  // The common case, one RUN right under the other: asked of every pair of a block.
  if (gap === '\n' || gap === '\r\n') return NO_COMMENTS;
  const lines = gap.split(/\r?\n/);
  if (lines.length < 2 || lines.some((l) => !/^[ \t]*(#.*)?$/.test(l))) return null;
  // Without their indentation, as the reasons quote them: comment lines between RUNs keep them apart (joinProblem).
  return lines.slice(1, -1).map((l) => l.replace(/^[ \t]+/, '')).filter((l) => l !== '');
}

/** Comment shapes readers and tools rely on staying where they are, most specific first. */
const COMMENT_SHAPES: readonly (readonly [RegExp, string])[] = [
  [/^#\s*(?:\[(?:START|END)\b|(?:end)?region\b|<\/?editor-fold|-{2,}8<-{2,})/i, 'a region marker, which delimits a snippet of the file'],
  [/\buncomment/i, 'a note to uncomment something'],
  [/^#\s*(?:ADD|CMD|COPY|ENTRYPOINT|EXPOSE|FROM|HEALTHCHECK|ONBUILD|RUN|SHELL|STOPSIGNAL|USER|VOLUME|WORKDIR)\s/, 'a commented-out instruction'],
  // ENV, ARG and LABEL name a variable (`# ENV DEBUG=1`, `# ENV PATH /opt/bin`): `# ENV does not survive login shells` is prose.
  [/^#\s*(?:ARG|ENV|LABEL)\s+(?:[\w.-]+=|[A-Z_][A-Z0-9_]*(?:\s|$))/, 'a commented-out instruction'],
  // A line continuation ends shell code, not prose: the rest of a RUN commented out (`#    && \`).
  [/\\\s*$/, 'a commented-out line of a RUN (it ends in a line continuation)'],
  // Tools' own keys only (src/knowledge/toolComments.ts): `# r-e1071: dependency of caret` is a note on the RUN below.
  [TOOL_COMMENT, 'a line a tool may read (`# renovate: …`, `# bashbrew-architectures: …`)'],
];

/**
 * Why the comment lines between two RUNs keep them apart, naming the first shape found; else quoting
 * the comment right above the RUN (\`above\`), not one a blank line sets apart from it, which may be
 * about the RUN before (ClickHouse's \`# The last chmod is here …\` under its RUN).
 */
function commentBetweenReason(comments: readonly string[], above: readonly string[]): string {
  for (const [re, what] of COMMENT_SHAPES) {
    const line = comments.find((c) => re.test(c));
    if (line !== undefined) return `\`${line}\` above this RUN is ${what}; merged, it would sit inside a continuation of another RUN`;
  }
  // A banner's rule lines (`# -----`, `#####`) say nothing: quote the first line with words.
  const quoted = above.length > 0 ? above : comments;
  const words = quoted.find((c) => /[\p{L}\p{N}]/u.test(c)) ?? quoted[0];
  return `the comment above this RUN (\`${words}\`) describes it; merged, it would sit in the middle of another RUN`;
}

/**
 * Why \`next\` cannot join \`prev\` when a note right above \`prev\` describes it alone: a blank line sets \`next\`
 * apart, and merged, the note would head commands it does not describe. Null otherwise.
 */
function noteProblem(file: ParsedDockerfile, prev: Member, next: Member): Problem | null {
  const note = blankLineBetween(file, prev.inst, next.inst) ? noteRightAbove(file, prev.inst) : null;
  if (note === null) return null;
  return {
    code: 'comment-between',
    reason: `the comment right above that RUN (\`${note}\`) describes it alone, a blank line setting this RUN apart: merged, the comment would head commands it does not describe`,
  };
}

/** Whether a blank line stands between two instructions (with no comment between them: see joinProblem). */
function blankLineBetween(file: ParsedDockerfile, a: Instruction, b: Instruction): boolean {
  // Two line breaks between them: the one ending a, and another (read in place: asked of every pair of RUNs).
  const first = file.text.indexOf('\n', a.span.end);
  const second = first === -1 ? -1 : file.text.indexOf('\n', first + 1);
  return second !== -1 && second < b.span.start;
}

/**
 * The first line with words of the note right above \`inst\` (its comment lines that no blank line sets apart from
 * it), leaving out ignore comments and the shapes of COMMENT_SHAPES, which describe nothing; null when none. Over a RUN
 * that a blank line sets apart from the next (docker-library/redmine's \`# explicitly set uid/gid …\` over its
 * \`groupadd\`, then its apt-get RUN), such a note describes that RUN alone.
 */
function noteRightAbove(file: ParsedDockerfile, inst: Instruction): string | null {
  return commentsRightAbove(file, inst).find((c) => /[\p{L}\p{N}]/u.test(c) && !isNextLinePragma(c) && !COMMENT_SHAPES.some(([re]) => re.test(c))) ?? null;
}

/**
 * A comment saying the RUNs under it are kept apart on purpose: "Split into separate RUN commands to
 * reduce memory pressure", "each in its own layer", "keep these RUNs separate", "do not merge".
 */
const KEPT_APART: readonly RegExp[] = [
  /\b(?:separate|split|apart|own|individual)\b[^.;:]{0,30}\b(?:RUN|RUNs|layers?)\b/i,
  /\b(?:RUN|RUNs|layers)\b[^.;:]{0,30}\b(?:separate(?:ly)?|apart|split)\b/i,
  /\b(?:do not|don't|dont|never)\s+(?:merge|combine|collapse|squash|join)\b/i,
];

/** The first comment line that keeps the RUNs under it apart, or null. */
function keptApartNote(comments: readonly string[]): string | null {
  return comments.find((c) => KEPT_APART.some((re) => re.test(c))) ?? null;
}

/** The comment lines between the instruction before `inst` (or the file's start) and `inst`. */
function commentsAbove(file: ParsedDockerfile, inst: Instruction): string[] {
  const start = inst.index === 0 ? 0 : file.instructions[inst.index - 1]!.span.end;
  return commentsBetween(file, start, inst.span.start).map((c) => file.text.slice(c.span.start, c.span.end).trim());
}

function collapse(file: ParsedDockerfile, block: readonly Instruction[], max: number, layout: () => FileRunLayout, ctx: BuildContext | null): Finding[] {
  const findings: Finding[] = [];
  const ignored = block.map((inst) => isIgnored(file, inst, meta));
  // The note that keeps the RUNs since the last comment apart; each comment line above a RUN replaces it.
  let apart = keptApartNote(commentsAbove(file, block[0]!));
  const groups: Member[][] = [];
  let group: Member[] = [];
  let count = 0;
  // The options on where the group ends, while all its RUNs run under the errexit its first turns on, joined by `;`,
  // and the variables its RUNs assigned.
  let errexit: ErrexitState | null = null;
  const close = () => {
    if (group.length > 1) groups.push(group);
    group = [];
    count = 0;
    errexit = null;
  };

  block.forEach((inst, k) => {
    const above = k === 0 ? NO_COMMENTS : between(file, block[k - 1]!, inst)!;
    if (above.length > 0) apart = keptApartNote(above);
    if (ignored[k]) return close();
    const body = runBody(file, inst);
    const mergeable = (j: number) => block[j] !== undefined && !ignored[j];
    if (!body.ok || body.parsed.statements.length === 0) {
      close();
      if (mergeable(k - 1) || mergeable(k + 1)) {
        findings.push(body.ok ? refusal(inst.span.start, 'no-body', 'the RUN runs no command') : refusal(body.at, body.code, body.reason));
      }
      return;
    }
    // A RUN that only sets shell state does nothing the next RUN sees: merged, it would need a subshell to stay so.
    const state = shellStateOnly(body.parsed);
    if (state !== null) {
      close();
      if (mergeable(k - 1) || mergeable(k + 1)) {
        findings.push(refusal(inst.span.start, 'no-effect', `this RUN only sets shell state (\`${state}\`), which ends with its RUN: it changes nothing for the instructions after it (ENV or WORKDIR would), and merged it would have to run in a subshell to stay so`));
      }
      return;
    }
    const errexitShell = shellInvocation(body.shell.argv).errexit;
    let facts = factsOf(body.parsed, errexitShell);
    // A `go install` of its folder's program is read anew where that folder's program can be named.
    const here = facts.installsHere ? programsHere(file, inst, body.parsed, ctx) : null;
    if (here !== null) facts = readFacts(body.parsed, errexitShell, here);
    let member: Member = { inst, body, facts };
    const prev = group.at(-1);
    if (prev !== undefined) {
      const problem =
        joinProblem(file, prev, member, errexit) ??
        (apart === null ? null : { code: 'kept-apart', reason: `the comment \`${apart}\` above these RUNs says they are kept apart on purpose` }) ??
        noteProblem(file, prev, member);
      // Named by line: this RUN may head a merge of the RUNs after it, reported at the same line. The RUN before it
      // may be the last of a merge, reported at its first line: both lines are named.
      const before = group.length > 1 ? `the RUNs from line ${group[0]!.inst.line} to line ${prev.inst.line}, merged above it` : `the RUN at line ${prev.inst.line}`;
      if (problem !== null) findings.push(refusal(inst.span.start, problem.code, `this RUN stays apart from ${before}: ${problem.reason}`));
      if (problem !== null || count + member.facts.commands > max) close();
      else if (errexit !== null) {
        member = { ...member, semicolon: true };
        for (const o of member.facts.leadingSet?.options ?? []) errexit.options.add(o);
        for (const v of prev.facts.assigned) errexit.variables.add(v);
      } else if (hoistable(file, group, member)) {
        // The RUNs so far go after this one's \`set -e…\`, joined by \`;\` as it joins its commands.
        group = group.map((m, i) => ({ ...m, hoisted: true, ...(i > 0 ? { semicolon: true } : {}) }));
        member = { ...member, semicolon: true };
        errexit = { options: new Set(member.facts.leadingSet!.options), variables: new Set() };
      }
    }
    if (group.length === 0 && member.facts.leadingSet?.errexit === true) errexit = { options: new Set(member.facts.leadingSet.options), variables: new Set() };
    group.push(member);
    count += member.facts.commands;
  });
  close();

  for (const g of groups) findings.push(merge(file, g, jointLayouts(file, g, layout)));
  return findings;
}

/**
 * The layout of each joint of the group (joint i follows member i): that of the last RUN up to it that
 * starts a command on a line of its own, which the joint continues; before the first such RUN, that
 * RUN's (one in leading-\`&&\` style keeps it among tab-indented \`set -eux;\` RUNs); the file's other
 * RUNs' when no RUN of the group has one (one-line RUNs, or a package list continued over lines).
 * So one-line RUNs joined after laravel/sail's leading-\`&&\` RUN go on as \`&& setcap …\` lines, though
 * the trailing \`&& \\\` RUN above it set the joints before it.
 */
function jointLayouts(file: ParsedDockerfile, group: readonly Member[], fileLayout: () => FileRunLayout): FileRunLayout[] {
  const own = group.map((m) => continuedLayout(file, m.inst, m.body));
  const first = own.find((l): l is RunContinuation => l !== null);
  // A RUN joined by `;` says nothing of where `&&` goes: the layout so far says it, at first the file's RUNs.
  let current = first === undefined ? fileLayout() : { leading: first.leading ?? fileLayout().leading, indent: first.indent, tight: first.tight ?? fileLayout().tight };
  return group.slice(0, -1).map((_, i) => {
    const l = own[i]!;
    if (l !== null) current = { leading: l.leading ?? current.leading, indent: l.indent, tight: l.tight ?? current.tight };
    return current;
  });
}

/** Why `next` cannot be joined after `prev` in one RUN, or null. */
function joinProblem(file: ParsedDockerfile, prev: Member, next: Member, errexit: ErrexitState | null): Problem | null {
  if (flagsKey(prev.inst) !== flagsKey(next.inst)) return { code: 'different-flags', reason: flagsDifference(prev.inst, next.inst) };
  const fresh = freshMount(next.inst);
  if (fresh !== null) {
    return { code: 'fresh-mount', reason: `each RUN gets its own ${fresh} (\`--mount\`): merged, this RUN would see what the one before wrote there` };
  }
  const comments = between(file, prev.inst, next.inst)!;
  if (comments.some(isNextLinePragma)) {
    return { code: 'ignore-comment', reason: 'the ignore comment above this RUN is meant for it alone; merged, it would sit inside another RUN' };
  }
  if (comments.length > 0) return { code: 'comment-between', reason: commentBetweenReason(comments, commentsRightAbove(file, next.inst)) };
  // One inside a RUN's continuation lines governs nothing (hadolint reads one only right above an instruction),
  // but it says the RUN is treated apart (\`# hadolint ignore=DL3059\` asks for it to stay on its own).
  for (const [member, which] of [[prev, 'the RUN before'], [next, 'this RUN']] as const) {
    const line = pragmaInside(file, member.inst);
    if (line === null) continue;
    const text = file.text.slice(file.lines.startOf(line), file.lines.endOf(line)).trim();
    return {
      code: 'ignore-comment',
      reason: `the ignore comment on line ${line} (\`${text}\`) inside ${which} is meant for it alone (though hadolint reads one only on the line right above an instruction): merged, it would stand among the other RUN's commands`,
    };
  }
  if (readsStartupFiles(file, next.inst)) {
    return { code: 'startup-files', reason: 'the SHELL reads startup files (login or interactive shell, or BASH_ENV) before every RUN, and a RUN may change them' };
  }
  if (next.facts.endsShell !== null) {
    return {
      code: 'ends-early',
      reason: `this RUN ends the shell with \`${next.facts.endsShell}\` when its commands succeed: merged, the RUNs before it would end there too, so nothing added at the end of the merged RUN (the cleanup of what they install) would ever run`,
    };
  }
  const stop = errexit !== null ? errexitJoinProblem(file, prev, next, errexit) : prev.facts.stop;
  if (stop !== null) return stop;
  // The RUN after started in its WORKDIR afresh (the runtime makes it again); merged, it stays in the removed one.
  const removal = removedFolder(file, prev.inst, prev.body.parsed, 'start');
  if (removal !== null) {
    return { code: 'folder-removed', reason: `the RUN before removes its working folder (\`${prev.body.parsed.source.slice(removal.start, removal.end)}\`): merged, the commands after it would run in a folder that is gone` };
  }
  const job = backgroundsUnderSh(file, prev) ? prev : backgroundsUnderSh(file, next) ? next : undefined;
  if (job !== undefined) {
    return {
      code: 'background',
      reason:
        `${job === prev ? 'the RUN before' : 'this RUN'} writes \`&>\`, which bash reads as a redirection and a POSIX sh such as dash as \`&\` (a background job) then \`>\`: ` +
        (job === prev ? 'merged, the job would keep running alongside the commands after it' : 'merged, the commands before it would run in that background job'),
    };
  }
  if (errexit === null && next.facts.comment && next.facts.groupAfterAnd) {
    return { code: 'shell-comment', reason: 'this RUN must be grouped in braces after `&&` and holds a shell comment, which would swallow the closing brace' };
  }
  return null;
}

/** What the options a RUN may leave on do to the commands after it. */
const OPTION_MEANING: Readonly<Record<string, string>> = {
  e: 'a failing command ends the shell',
  u: 'an unset variable is an error',
  pipefail: 'a pipeline fails when any of its commands fails',
  f: 'no file name expansion',
  a: 'every variable set is exported',
  C: '`>` does not overwrite a file',
};

/** What a group joined by \`;\` under errexit carries from one RUN to the next (see errexitJoinProblem). */
interface ErrexitState {
  readonly options: Set<string>;
  readonly variables: Set<string>;
}

/**
 * Why \`next\` cannot follow \`prev\` joined by \`;\` in a group whose RUNs all run under the errexit its first
 * turns on (docker-library's \`RUN set -eux; \\⏎ a; \\⏎ b\`), or null. Under errexit a failing command ends
 * the shell, as a failing RUN ended the build, provided \`prev\` ends in a command whose failure errexit acts on
 * (not \`a && b\`), changes no shell state but those options, and \`next\` sets them itself (\`set -eux\`),
 * or they only trace (\`-x\`), or it is one \`&&\` list of commands, where errexit changes nothing.
 */
function errexitJoinProblem(file: ParsedDockerfile, prev: Member, next: Member, state: ErrexitState): Problem | null {
  const on = state.options;
  const f = prev.facts;
  if (f.stopBesidesErrexit !== null) return f.stopBesidesErrexit;
  const set = `\`${f.leadingSet?.text ?? [...on].join('')}\``;
  const allExport = on.has('a') || f.leadingSet?.options.has('a') === true || shellInvocation(next.body.shell.argv).allexport;
  // A secret mount's \`env=\` puts its variable in the environment of the RUN that mounts it.
  const secrets = [...secretEnvironment(prev.inst), ...secretEnvironment(next.inst)];
  for (const v of f.assigned) {
    const why = secrets.includes(v)
      ? `which a secret mount (\`env=${v}\`) puts in the environment: merged, the programs of this RUN would get the value it gave`
      : reachesNextRun(v, variablesAt(file, next.inst), baseEnvironment(file, file.stages[next.inst.stage]!), allExport);
    if (why !== null) return { code: 'errexit', reason: `the RUN before runs under \`set -e\` and sets \`${v}\`, ${why}` };
  }
  const read = [...state.variables, ...f.assigned].find((v) => new RegExp(`(?<![\\w])${v}(?![\\w])`).test(next.body.parsed.source));
  if (read !== undefined || /\beval\b|\$\{!|\bdeclare\b|\btypeset\b/.test(next.body.parsed.source)) {
    return {
      code: 'errexit',
      reason:
        read === undefined
          ? `the RUN before runs under \`set -e\` and sets variables, and this RUN reads variables by a name it computes (\`eval\`, \`\${!…}\`, \`declare\`): merged, it might see their values where they were unset`
          : `the RUN before runs under \`set -e\`, and \`${read}\`, which it (or a RUN joined before it) sets, is named in this RUN: merged, this RUN would see its value where it was unset`,
    };
  }
  if (f.leakBesidesSet !== null) {
    return {
      code: 'errexit',
      reason: `the RUN before runs under \`set -e\` and also changes the shell's state (${f.leakBesidesSet}): merged, that state would reach this RUN, and a subshell keeping it in would stop a failure there from ending the merged RUN`,
    };
  }
  if (!f.endsChecked) {
    return {
      code: 'errexit',
      reason: `the RUN before runs under \`set -e\` but ends in an \`&&\`/\`||\` list or a compound command, whose failure \`set -e\` does not act on: alone it failed the build, merged the commands after it would run anyway`,
    };
  }
  const own = next.facts.leadingSet?.options;
  // Tracing (-x, -v) changes only what the build log shows; errexit changes nothing in one `&&` list (see flat).
  const harmless = (o: string) => o === 'x' || o === 'v' || (o === 'e' && next.facts.flat);
  const missing = [...on].filter((o) => own?.has(o) !== true && !harmless(o));
  if (missing.length > 0) {
    const said = missing.map((o) => `${o.length === 1 ? `-${o}` : `-o ${o}`}${OPTION_MEANING[o] === undefined ? '' : ` (${OPTION_MEANING[o]})`}`);
    return {
      code: 'errexit',
      reason: `the RUN before turns on ${set}; merged, ${listed(said)} would also apply to this RUN, which does not turn ${missing.length === 1 ? 'it' : 'them'} on itself, and would stop or fail its commands where they went on before`,
    };
  }
  return null;
}

/**
 * Why variable \`name\`, assigned in the shell of the RUN before, would change what the next RUN does once merged, or
 * null when it stays a plain shell variable. The shell reads some itself (PATH, IFS, LANG…); an exported one reaches the
 * programs of the next RUN with the new value. Images export theirs in capitals, and docker-library's own shell
 * variables are not (savedAptMark, gnuArch): a capitals name counts as exported unless the base image's environment is
 * known and neither it nor an ENV or ARG sets the name (adoptium's \`ARCH="$(dpkg --print-architecture)"\` on ubuntu).
 */
function reachesNextRun(name: string, vars: Variables, base: BaseEnvironment, allExport: boolean): string | null {
  if (shellReads(name)) return 'a variable the shell itself reads: merged, it would stay set for this RUN';
  if (vars.has(name)) return 'which an ENV or ARG sets, so it is in the environment: merged, the programs of this RUN would get the value it gave';
  if (allExport) return 'which `set -a` (or the SHELL\'s `-a`) exports: merged, the programs of this RUN would get it in their environment';
  if (BUILD_ENVIRONMENT.includes(name)) return 'which every RUN gets in its environment: merged, the programs of this RUN would get the value it gave';
  if ('names' in base) return base.names.has(name) ? `which the base image ${base.image} exports: merged, the programs of this RUN would get the value it gave` : null;
  return /[a-z]/.test(name) ? null : `which may be in the environment (${base.unknown}): merged, the programs of this RUN would then get the value it gave`;
}

/** The variables the image a stage builds on exports, or why they are not known. */
type BaseEnvironment = { readonly names: ReadonlySet<string>; readonly image: string } | { readonly unknown: string };

const baseEnvironments = new PerStage<BaseEnvironment>((file, stage) => {
  const root = rootStage(file, stage);
  if (root.base.kind !== 'image' && root.base.kind !== 'unknown') return { unknown: 'the stage builds on no image whose exported environment dockshift knows' };
  const resolved = resolveBase(file, root);
  const text = resolved?.written ?? (root.base.kind === 'unknown' ? root.base.raw : root.base.ref.raw);
  const written = `\`${text}\``;
  // An argument in the tag (\`python:\${PYTHON_VERSION}-slim\`) names another image of the same repository, whose
  // environment is known whatever the tag; one in the name or registry may name any image, and so may a tag's
  // default that holds a slash (\`python:\${V}\` with V=5000/other:1 names registry python:5000).
  const ref = parseImageRef(text);
  const named = (r: ImageRef) => `${r.registry ?? ''}/${r.name}`;
  if (ref === null || named(ref).includes('$') || (resolved?.ref != null && named(resolved.ref) !== named(ref))) {
    return { unknown: `the base image ${written} is given by a build argument, so what it exports is not known` };
  }
  const repository = findRepository(ref);
  const names = repository === null ? null : exportedEnvironment(repository);
  return names === null ? { unknown: `the base image ${written} is not one whose exported environment dockshift knows` } : { names, image: written };
});

function baseEnvironment(file: ParsedDockerfile, stage: Stage): BaseEnvironment {
  return baseEnvironments.of(file, stage);
}

/**
 * Whether the RUNs of \`group\` (none of which turns errexit on) can run after the leading \`set\` of \`next\` that
 * turns it on (\`RUN mkdir -p /app\` then \`RUN set -eux; \\⏎ apt-get update; …\` as \`RUN set -eux; \\⏎ mkdir -p /app;
 * \\⏎ apt-get update; …\`). Each ran in its own \`sh -c\`, which failed the build when its last
 * command failed. After the \`set\`, a RUN that is one command or pipeline (not an \`&&\`/\`||\` list, where errexit
 * ignores a failure before the last command, nor anything nested, where it would stop one that went on) still ends the
 * shell exactly when it failed, so the build stops where it stopped. Of the options the \`set\` turns on, \`-x\` and \`-v\`
 * only trace to the build log, and \`-u\`, \`-o pipefail\`, \`-f\` and \`-C\` count only where the RUN expands a
 * variable, runs a pipeline, writes a glob or writes a file; any other option keeps it out. Nor may a RUN change shell
 * state \`next\` would then see, or run a program that a RUN after it replaces (the subshell that would keep the shell
 * from running its old path would keep errexit from ending the merged RUN). Where they cannot, they are merged
 * by \`&&\`, \`next\` in braces.
 */
function hoistable(file: ParsedDockerfile, group: readonly Member[], next: Member): boolean {
  const set = next.facts.leadingSet;
  const statements = next.body.parsed.statements;
  if (set === null || !set.errexit || statements.length < 2 || statements[0]!.separator !== ';') return false;
  // After \`set\` \`$_\` is its last word; after a command of the RUN before, that command's.
  if (/\$(?:_(?!\w)|\{_\})/.test(next.body.parsed.source)) return false;
  // Comment lines above a command (\`RUN \\⏎ # why⏎ cmd\`) would end up above the \`set\`.
  if ([...group, next].some((m) => headComments(file, m.inst).length > 0)) return false;
  for (const { facts: f, body } of group) {
    if (f.stop !== null || f.leak !== null || f.statements !== 1 || !f.flat || !f.endsChecked) return false;
    if ([...set.options].some((o) => optionChanges(o, body.parsed))) return false;
  }
  const members = [...group, next];
  const programs = programsOf(file, members);
  return group.every((_, i) => replacedProgram(members, i, programs) === null);
}

/** Whether \`set\` option \`o\` (a letter, or a long name: \`pipefail\`) may change what one command or pipeline does (see hoistable). */
function optionChanges(o: string, parsed: ShellScript): boolean {
  switch (o) {
    case 'e':
    case 'x':
    case 'v':
      return false;
    case 'u':
      return parsed.source.includes('$');
    case 'pipefail':
      return parsed.statements[0]!.items.some((i) => i.kind === 'pipeline') || parsed.commands.some((c) => c.enclosing.includes('pipeline'));
    case 'f':
      return /[*?[]/.test(parsed.source);
    case 'C':
      return parsed.commands.some((c) => c.redirects.some((r) => r.op.includes('>') && !/(?:>>|>&)$/.test(r.op)));
    default:
      return true;
  }
}

/**
 * A body with `&>` run by a shell that is not bash or zsh: dash (Debian's and Ubuntu's /bin/sh)
 * reads `a &>f` as `a &` and `>f`, so `a &>f && b` would run `a && b`… as one background job.
 * The default /bin/sh of Alpine (busybox ash) and of Red Hat's family (bash) reads it as a redirection.
 */
function backgroundsUnderSh(file: ParsedDockerfile, m: Member): boolean {
  const program = m.body.shell.argv[0] ?? '';
  if (/(?:^|\/)(?:bash|zsh)$/.test(program)) return false;
  if (!m.facts.ampersandRedirect) return false;
  // Under the default /bin/sh, busybox ash (Alpine) and bash (Red Hat's family) read it as a redirection.
  const sh = program === '/bin/sh' ? binSh(file, file.stages[m.inst.stage]!) : null;
  return !(sh === 'ash' || sh === 'bash');
}

/**
 * A mount that each RUN gets afresh, whose writes do not outlive it: a tmpfs, or a bind
 * mount made writable (`rw`). Null when the RUN has none. (A cache mount is shared.)
 */
function freshMount(inst: Instruction): string | null {
  for (const m of mounts(inst)) {
    if (m.type === 'tmpfs') return 'tmpfs';
    if (m.type === 'bind' && m.writable) return 'writable bind mount';
  }
  return null;
}

/** Which flags keep two RUNs apart, named: `the one before has --mount and this RUN has none`. */
function flagsDifference(prev: Instruction, next: Instruction): string {
  const names = (inst: Instruction) => new Set(inst.flags.map((f) => `--${f.name.toLowerCase()}`));
  const [before, here] = [names(prev), names(next)];
  const list = (set: Iterable<string>) => [...set].sort().join(' and ');
  const onlyBefore = [...before].filter((n) => !here.has(n));
  const onlyHere = [...here].filter((n) => !before.has(n));
  if (here.size === 0) return `the one before has ${list(before)} and this RUN has none`;
  if (before.size === 0) return `this RUN has ${list(here)} and the one before has none`;
  if (onlyHere.length > 0 && onlyBefore.length > 0) return `this RUN has ${list(onlyHere)} and the one before has ${list(onlyBefore)}`;
  if (onlyHere.length > 0) return `this RUN has ${list(onlyHere)}, which the one before does not`;
  if (onlyBefore.length > 0) return `the one before has ${list(onlyBefore)}, which this RUN does not`;
  const differing = [...here].filter((n) => flagsKey(prev, n) !== flagsKey(next, n));
  return `this RUN and the one before have different ${list(differing)} flags`;
}

function flagsKey(inst: Instruction, only?: string): string {
  const flags = only === undefined ? inst.flags : inst.flags.filter((f) => `--${f.name.toLowerCase()}` === only);
  if (flags.length === 0) return '';
  const value = (v: string | null) => (v ?? '').split(',').map((s) => s.trim()).sort().join(',');
  return flags.map((f) => `${f.name.toLowerCase()}=${value(f.value)}`).sort().join(' ');
}

// ---------------------------------------------------------------------------
// What a body does to the shell it runs in.

/** Builtins that change the shell's state for the commands after them. */
/** Builtins whose whole effect is the shell's own state: a RUN of nothing else leaves no trace. */
const STATE_ONLY = new Set(['cd', 'chdir', 'pushd', 'popd', 'export', 'unset', 'set', 'shopt', 'umask', 'alias', 'unalias', 'readonly', 'declare', 'typeset', 'local']);

/**
 * The text of a body whose every command only changes the shell's state (\`export FLASK_APP=app.py\`,
 * \`cd /app\`, a bare \`X=1\`), with nothing expanded by running a command; null otherwise.
 */
function shellStateOnly(parsed: ShellScript): string | null {
  if (parsed.statements.length === 0) return null;
  // Asked of every RUN, and most run a program: read in place, each command once.
  for (const st of parsed.statements) {
    for (const item of st.items) {
      if (item.kind !== 'command' || item.command === null || item.redirected) return null;
      if (!stateOnly(item.command)) return null;
    }
  }
  return short(parsed.source.trim());
}

/** Whether a command only changes the shell's state (see shellStateOnly). */
function stateOnly(c: SimpleCommand): boolean {
  // `export A=1` holds its assignments as arguments; `A=1 cd /x` sets A for cd alone, which is no state.
  if (c.words.length === 0 ? c.assigns.length === 0 : (c.assigns.length > 0 && !c.declaration) || !STATE_ONLY.has(c.name ?? '')) return false;
  if (c.redirects.length > 0 || c.background || c.words.some((w) => w.value === null) || c.assigns.some((a) => a.value === null)) return false;
  // `set -x` alone traces what comes after it, which merging keeps: it joins as it is (see leakOf).
  if (c.name === 'set' && tracingOnly(c.args)) return false;
  // `cd a b` fails: that RUN stops the build.
  return !(c.name === 'cd' && c.args.filter((a) => !a!.startsWith('-')).length > 1);
}

const STATEFUL = new Set([
  'cd', 'chdir', 'pushd', 'popd', 'export', 'unset', 'set', 'shopt', 'umask', 'source', '.', 'alias', 'unalias',
  'trap', 'ulimit', 'readonly', 'declare', 'typeset', 'local', 'hash', 'eval', 'read', 'mapfile',
  'readarray', 'getopts', 'let', 'shift', 'enable', 'setopt', 'unsetopt', 'emulate',
]);

/** POSIX special builtins: `X=1 :` keeps X set. */
const SPECIAL = new Set([':', 'break', 'continue', 'times', 'return', 'exit', 'exec', 'shift', 'set', 'unset', 'eval', '.', 'export', 'readonly', 'trap']);

/** Builtins: the shell does not look them up on PATH, so it remembers no path for them. */
const BUILTINS = new Set([
  ...STATEFUL, ...SPECIAL, 'echo', 'printf', 'test', '[', '[[', 'true', 'false', 'pwd', 'kill', 'wait', 'jobs', 'fg', 'bg',
  'type', 'command', 'builtin', 'help', 'history', 'dirs', 'disown', 'suspend', 'caller', 'bind', 'compgen', 'complete',
]);

/** `${X:=v}` and `${X=v}` assign X. */
const EXPANSION_ASSIGNMENT = /\$\{[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?:?=/;
/** `let` where a command starts: at the start, after an operator or a reserved word. */
const LET_CLAUSE = /(?:^|[;&|({!]|\b(?:then|else|do)\s)\s*let\s/;
/** `[[ $x =~ re ]]`. */
const REGEX_MATCH = /\[\[[^\]]*\s=~\s/;
/** `((i++))`, `$((n = 1))`: arithmetic that assigns. */
const ARITHMETIC = /\(\(([^()]|\([^()]*\))*\)\)/g;
const ARITHMETIC_ASSIGNMENT = /(?:^|[^=!<>])=(?!=)|\+\+|--/;

/** Run by the shell itself, at the top level or in an \`if\`, \`case\` or \`{ …; }\`: what it assigns stays set after it. */
function inShellItself(c: SimpleCommand): boolean {
  return c.enclosing.every((e) => e === 'if' || e === 'case' || e === 'block');
}

function isolated(c: SimpleCommand): boolean {
  return c.enclosing.includes('subshell') || c.enclosing.includes('substitution');
}

/** Inside a function body that is not itself in a subshell: the definition outlives the body. */
function definesFunction(c: SimpleCommand): boolean {
  const at = c.enclosing.indexOf('function');
  return at !== -1 && !c.enclosing.slice(0, at).some((e) => e === 'subshell' || e === 'substitution');
}

/**
 * A body's facts depend on its parsed script and the SHELL's errexit alone. A parsed
 * script is shared by every pass whose text holds the same body (see parseScript), so
 * the bodies a pass leaves as they were are not read again.
 */
const factsCache = new Memo<ShellScript, { plain?: Facts; errexit?: Facts }>();

const NONE: ReadonlySet<string> = new Set();

function factsOf(parsed: ShellScript, errexitShell: boolean): Facts {
  let known = factsCache.get(parsed);
  if (known === undefined) factsCache.set(parsed, (known = {}));
  return errexitShell ? (known.errexit ??= readFacts(parsed, true)) : (known.plain ??= readFacts(parsed, false));
}

/**
 * `here`: the programs the `go install`s of their folder's program install (see programsHere); those not in it install,
 * unnamed, any program.
 */
function readFacts(parsed: ShellScript, errexitShell: boolean, here: ReadonlyMap<SimpleCommand, string> | null = null): Facts {
  const statements = parsed.statements;
  const last = statements.at(-1)!;
  // Most RUNs run only builtins: one shared empty set, not two per RUN kept for the whole run.
  let remembered: Set<string> | null = null;
  let runs: Set<string> | null = null;
  const mentions: string[] = [];
  // The command each mention is in, and the first that runs each remembered family in the shell itself.
  const mentionedAt: number[] = [];
  let firstRemembered: Map<string, number> | null = null;
  let commands = 0;
  let installs: UnnamedInstall | null = null;
  let installsAt: InstallAt[] | null = null;
  let upgrades: Set<string> | null = null;
  let order = 0;
  let installsHere = false;
  for (const c of parsed.commands) {
    const upgraded = selfUpgrade(c);
    if (upgraded !== null) (upgrades ??= new Set()).add(upgraded);
    if (!installsHere && goInstallHere(c)) installsHere = true;
    const named = here?.get(c);
    // Several installs of a body: only what every one of them installs beside is safe.
    const install = named !== undefined ? null : unnamedInstall(c);
    if (install !== null) (installsAt ??= []).push({ order, install, command: c });
    if (installs === null || installs.besides.size > 0) installs = joinInstalls(installs, install);
    const at = mentions.length;
    pushMentions(c, mentions);
    // A shell's string (\`sh -c "cargo install ripgrep"\`) names what its commands name.
    for (const string of nestedShellStrings(c)) if (string.parsed.ok) for (const inner of string.parsed.commands) pushMentions(inner, mentions);
    if (named !== undefined) mentions.push(named);
    for (let k = at; k < mentions.length; k++) mentionedAt.push(order);
    for (const name of programsLookedUp(c)) {
      (runs ??= new Set()).add(name);
      if (!isolated(c)) {
        (remembered ??= new Set()).add(name);
        firstRemembered ??= new Map();
        if (!firstRemembered.has(programFamily(name))) firstRemembered.set(programFamily(name), order);
      }
    }
    order++;
    if (!c.enclosing.includes('substitution')) commands++;
  }
  const leak = leakOf(parsed);
  const leadingSet = leadingSetOf(parsed);
  const stop = stopOf(parsed, errexitShell);
  const ends = endsEarly(parsed);
  return {
    commands,
    stop,
    stopBesidesErrexit: stop?.code === 'errexit' ? stopBesidesErrexit(parsed, errexitShell) : stop,
    leadingSet,
    leakBesidesSet: leadingSet === null ? leak : leakOf(parsed, false, parsed.commands[0], true),
    assigned: assignedInShell(parsed),
    endsChecked: endsChecked(parsed),
    flat: flat(parsed),
    endsShell: ends === null ? null : ends.script.source.slice(ends.command.start, ends.command.end),
    leak,
    leaksFolderOnly: leak === '`cd`' && leakOf(parsed, true) === null,
    startsInOwnFolder: startsInOwnFolder(parsed),
    remembered: remembered ?? NONE,
    runs: runs ?? NONE,
    namedBeforeRun: firstRemembered === null ? NONE : namedBeforeRun(mentions, mentionedAt, firstRemembered),
    runAfterChange: runs === null ? NONE : runAfterChange(parsed, mentions, mentionedAt, installsAt ?? []),
    mentions: kept(mentions),
    upgrades: upgrades === null ? NONE : onlyUpgraded(parsed, upgrades),
    installs,
    installsHere,
    statements: statements.length,
    groupAfterAnd:
      statements.length > 1 ||
      last.separator === '&' ||
      // A function definition's extent differs between parsers (mvdan-sh reads
      // `f() { …; } && a || b` as one definition); grouping is right either way.
      statements.some((st) => st.operators.includes('||') || st.items.some((item) => item.kind === 'function' || item.kind === 'other')),
    comment: parsed.comments.length > 0,
    ampersandRedirect: parsed.commands.some((c) => c.redirects.some((r) => r.op.startsWith('&>'))),
    contentEnd: last.separator === '&' ? last.separatorAt! + 1 : last.end,
  };
}

/** The names bare assignments (\`A=1\`, not \`A=1 cmd\`) set in the shell itself, each once, in order. */
function assignedInShell(parsed: ShellScript): readonly string[] {
  let names: string[] | null = null;
  for (const c of parsed.commands) {
    if (c.words.length > 0 || !inShellItself(c)) continue;
    for (const a of c.assigns) if (!(names ??= []).includes(a.name)) names.push(a.name);
  }
  return names ?? NO_NAMES;
}

const NO_NAMES: readonly string[] = Object.freeze([]);

/** Commands that only delete what they name: they can take a program off PATH, never put one there. */
const REMOVERS = new Set(['rm', 'rmdir', 'unlink']);

/**
 * The index of the word naming the program that the command runs (\`xargs rm -rvf\`, \`xargs -r apk info\`,
 * \`find … -exec rm -f {} +\`), or -1: that word is a run of the program, which puts no new copy of it on PATH.
 */
function programRunBy(c: SimpleCommand): number {
  if (c.name === 'xargs') {
    // The first word after the options; an option's value written apart (\`-n 1 rm\`) is taken for it, and names no program.
    const at = c.words.findIndex((w, k) => k > 0 && w.value !== null && !w.value.startsWith('-'));
    return at !== -1 && !XARGS_VALUED.has(c.words[at - 1]!.value ?? '') ? at : -1;
  }
  if (c.name === 'find') return c.words.findIndex((w, k) => k > 0 && /^-(?:exec|execdir|ok|okdir)$/.test(c.words[k - 1]!.value ?? '') && w.value !== null);
  return -1;
}

/** xargs's options whose value is the next word. */
const XARGS_VALUED = new Set(['-a', '-d', '-E', '-I', '-L', '-n', '-P', '-s', '--arg-file', '--delimiter', '--max-args', '--max-lines', '--max-procs', '--max-chars']);

/**
 * Whether deleting `word` may remove a program the shell remembered: a bare name (the working
 * folder may be on PATH) or a path in a `bin` or `sbin` folder; not a cache or data folder that
 * merely bears a program's name (`rm -rf /var/cache/yum /root/.cache/pip`).
 */
function removesProgram(word: string): boolean {
  const slash = word.replace(/\/+$/, '').lastIndexOf('/');
  if (slash === -1) return true;
  const folder = word.slice(0, slash);
  return /(?:^|\/)s?bin$/.test(folder);
}

/**
 * Options of \`pip install\` and \`npm install -g\` that leave where they install as it is. Any other may move it
 * (\`--user\`, \`--prefix\`, \`--target\`, \`--root\`, \`--location\`) or install what it does not name (\`-r\`, \`-e\`).
 */
const KEEPS_PLACE: Readonly<Record<string, ReadonlySet<string>>> = {
  pip: new Set([
    '-U', '--upgrade', '--upgrade-strategy', '--force-reinstall', '--no-cache-dir', '-q', '--quiet', '-v', '--verbose', '--disable-pip-version-check',
    '--root-user-action', '--progress-bar', '--no-warn-script-location', '--no-input', '-i', '--index-url', '--extra-index-url', '--trusted-host',
    '--timeout', '--default-timeout', '--retries', '--break-system-packages',
  ]),
  npm: new Set(['-g', '--global', '-q', '--quiet', '-s', '--silent', '--no-fund', '--fund', '--no-audit', '--audit', '--loglevel', '--no-update-notifier', '--update-notifier', '--no-progress', '--progress']),
};

/** The package each family's own program comes in, as an operand names it (\`pip==24.0\`, \`npm@latest\`). */
const OWN_PACKAGE: Readonly<Record<string, RegExp>> = { pip: /^pip(?:$|[=<>!~[; ])/, npm: /^npm(?:$|@)/ };

/**
 * The family a command upgrades with itself, as the user who runs the RUN and where it installs by default
 * (\`pip install --upgrade pip\`, \`python3 -m pip install -U pip setuptools\`, \`npm install -g npm@latest\`), or null:
 * not behind \`sudo\` or variables (\`PIP_TARGET=…\`), no option that may move where it installs, every package named literally.
 */
function selfUpgrade(c: SimpleCommand): string | null {
  if (c.name !== 'pip' && c.name !== 'npm' && !/^(?:pip|python)[0-9.]*$/.test(c.name ?? '')) return null;
  const r = recognise(c);
  if (r?.kind !== 'package' || r.action !== 'install' || r.runner !== null || r.sudo !== null || r.env.size > 0) return null;
  const own = OWN_PACKAGE[r.manager];
  const keeps = KEEPS_PLACE[r.manager];
  if (own === undefined || keeps === undefined || r.options.some((o) => !keeps.has(o.name))) return null;
  if (r.manager === 'npm' && !r.hasFlag('-g', '--global')) return null;
  if (r.operands.some((w) => w.value === null || w.value.includes('/') || w.value.startsWith('.'))) return null;
  return r.operands.some((w) => own.test(w.value!)) ? r.manager : null;
}

/**
 * Of the families \`upgraded\` by a self-upgrade in the script, those no other command of it names (\`ln -s … /usr/bin/pip\`);
 * none where it sets pip's or npm's settings (\`export PIP_TARGET=…\`).
 */
function onlyUpgraded(parsed: ShellScript, upgraded: ReadonlySet<string>): ReadonlySet<string> {
  if (/\b(?:PIP|npm_config|NPM_CONFIG)_\w+=/.test(parsed.source)) return NONE;
  const out = new Set(upgraded);
  for (const c of parsed.commands) {
    if (selfUpgrade(c) !== null) continue;
    const words = [...c.words.slice(1), ...c.redirects.flatMap((r) => (r.target === null ? [] : [r.target]))];
    for (const w of words) for (const name of namedPrograms(mention(w))) out.delete(programFamily(name));
  }
  return out;
}

/**
 * Pushes what a command names that may put a program on PATH or take one off: its words after its program's but the
 * program it runs (\`xargs rm\`), the deleted paths of a remover that may be programs, the files it redirects to, and
 * the programs its install names beyond its words (see installedPrograms).
 */
function pushMentions(c: SimpleCommand, mentions: string[]): void {
  const removes = c.name !== null && REMOVERS.has(c.name);
  const ranBy = programRunBy(c);
  for (let k = 1; k < c.words.length; k++) {
    if (k === ranBy) continue;
    const word = mention(c.words[k]!);
    if (!removes || removesProgram(word)) mentions.push(word);
  }
  for (const r of c.redirects) if (r.target !== null) mentions.push(mention(r.target));
  for (const name of installedPrograms(c)) mentions.push(name);
}

/** What a word names, as `mentions` holds it: its value, or its text without quotes when that is only known at build time. */
function mention(w: ShellWord): string {
  return w.value ?? w.raw.replace(/["']/g, '');
}

/** The families of \`firstRun\` that the mentions name, each only in commands before the first that runs it. */
function namedBeforeRun(mentions: readonly string[], mentionedAt: readonly number[], firstRun: ReadonlyMap<string, number>): ReadonlySet<string> {
  const named = new Set<string>();
  const after = new Set<string>();
  mentions.forEach((w, k) => {
    for (const name of namedPrograms(w)) {
      const family = programFamily(name);
      const run = firstRun.get(family);
      if (run !== undefined) (mentionedAt[k]! < run ? named : after).add(family);
    }
  });
  for (const family of after) named.delete(family);
  return named.size === 0 ? NONE : named;
}

/** Whether a command may run again, or later than it stands: in a loop, a function or the background. */
function outOfOrder(c: SimpleCommand): boolean {
  return c.background || c.enclosing.includes('loop') || c.enclosing.includes('function');
}

/** A command that may install programs it does not name, and its place among the body's commands. */
interface InstallAt {
  readonly order: number;
  readonly install: UnnamedInstall;
  readonly command: SimpleCommand;
}

/** See \`Facts.runAfterChange\`. One pass over the mentions and one over the commands: a body may hold thousands. */
function runAfterChange(parsed: ShellScript, mentions: readonly string[], mentionedAt: readonly number[], installsAt: readonly InstallAt[]): ReadonlySet<string> {
  // Per family named: the first and last command naming it, and those naming it out of order.
  const named = new Map<string, { first: number; last: number; loose: number[] }>();
  mentions.forEach((w, k) => {
    const at = mentionedAt[k]!;
    for (const n of namedPrograms(w)) {
      const family = programFamily(n);
      const seen = named.get(family);
      if (seen === undefined) named.set(family, { first: at, last: at, loose: outOfOrder(parsed.commands[at]!) ? [at] : [] });
      else {
        seen.last = at;
        if (outOfOrder(parsed.commands[at]!)) seen.loose.push(at);
      }
    }
  });
  const loose = installsAt.filter((at) => outOfOrder(at.command));
  let out: Set<string> | null = null;
  parsed.commands.forEach((c, o) => {
    for (const name of programsLookedUp(c)) {
      const family = programFamily(name);
      const n = named.get(family);
      const isNamed = n !== undefined && (n.first < o || (outOfOrder(c) && (n.first !== o || n.last !== o)) || n.loose.some((at) => at !== o));
      const changes = (at: InstallAt) => !at.install.besides.has(family) && (at.order < o || (at.order !== o && outOfOrder(c)));
      const installed = replaceableProgram(name) && (firstInstallBefore(installsAt, family, o) || (loose.length > 0 && loose.some(changes)) || (outOfOrder(c) && installsAt.some(changes)));
      if (isNamed || installed) (out ??= new Set()).add(family);
    }
  });
  return out ?? NONE;
}

/** Whether an install before command \`o\` may put \`family\` anew on PATH (most installs put anything: the first decides). */
function firstInstallBefore(installsAt: readonly InstallAt[], family: string, o: number): boolean {
  for (const at of installsAt) {
    if (at.order >= o) return false;
    if (!at.install.besides.has(family)) return true;
  }
  return false;
}

/** Programs the shell looks up on PATH for this command: the one it runs, or the ones `command -v`/`type` find. */
function programsLookedUp(c: SimpleCommand): string[] {
  const { name, args } = builtinCall(c);
  const lookup = (name === 'command' && (args[0] === '-v' || args[0] === '-V')) || name === 'type';
  const found = lookup ? args.filter((a): a is string => a !== null && !a.startsWith('-')) : name === null ? [] : [name];
  return found.filter((n) => !n.includes('/') && !BUILTINS.has(n));
}

function stopOf(parsed: ShellScript, errexitShell: boolean): Problem | null {
  const errexit = errexitCommand(parsed);
  if (errexit !== null) {
    return {
      code: 'errexit',
      reason:
        `the RUN before turns on errexit with \`${parsed.source.slice(errexit.start, errexit.end)}\` (a failing command ends the shell); merged, it would be followed by ` +
        '`&&` and this RUN, and the shell ignores errexit in a command followed by `&&`, so its commands would go on after a failure',
    };
  }
  return stopBesidesErrexit(parsed, errexitShell);
}

/** As stopOf, for a body whose errexit a \`;\` join keeps (see errexitJoinProblem). */
function stopBesidesErrexit(parsed: ShellScript, errexitShell: boolean): Problem | null {
  // One walk, once per body: a file of one-line RUNs reads tens of thousands.
  let trap = false;
  let exec = false;
  let exit = false;
  for (const c of parsed.commands) {
    const { name, args } = builtinCall(c);
    if (name === 'trap' && args.some((a) => a === null || a === 'ERR')) trap = true;
    if (isolated(c)) continue;
    if (name === 'exec') exec = true;
    else if ((name === 'exit' && !failsTheBuild(args)) || (name === 'return' && !c.enclosing.includes('function'))) exit = true;
  }
  if (trap) {
    return { code: 'errexit', reason: 'the RUN before sets an ERR trap, which the shell does not run for commands followed by &&' };
  }
  if (exec) {
    return { code: 'exec', reason: 'the RUN before uses `exec`, which would replace the shell and skip the commands after it' };
  }
  if (exit) {
    return { code: 'exit', reason: 'the RUN before can `exit`, which would end the merged RUN before the commands after it' };
  }
  if (parsed.statements.some((s) => s.separator === '&') || parsed.commands.some((c) => c.background)) {
    return { code: 'background', reason: 'the RUN before starts a background job (&), which would keep running alongside the commands after it' };
  }
  if (parsed.comments.length > 0) {
    return { code: 'shell-comment', reason: 'the RUN before ends in a shell comment (#), which would swallow the commands joined after it' };
  }
  if (errexitShell && !flat(parsed)) {
    return {
      code: 'errexit-shell',
      reason: 'the SHELL turns errexit on, and the RUN before has several statements or nested commands, where errexit would stop applying once commands are joined after it',
    };
  }
  return null;
}

/**
 * \`exit 1\` (a literal status from 1 to 255): the RUN fails, and with it the build, merged or not, so
 * nothing after it is skipped that would have run. \`exit\`, \`exit 0\` or \`exit $rc\` may end it in success.
 */
function failsTheBuild(args: readonly (string | null)[]): boolean {
  const status = args.length === 1 ? args[0] : null;
  return status != null && /^[1-9]\d{0,2}$/.test(status) && Number(status) <= 255;
}

/** One and-or list of simple commands and pipelines: errexit means the same wherever it stands. */
function flat(parsed: ShellScript): boolean {
  const { statements, commands } = parsed;
  return (
    statements.length === 1 &&
    statements[0]!.items.every((i) => i.kind === 'command' || i.kind === 'pipeline') &&
    commands.every((c) => c.enclosing.every((e) => e === 'pipeline' || e === 'substitution')) &&
    commands.filter((c) => c.enclosing.includes('substitution')).length <= 1
  );
}

/**
 * The body's first statement when it is a lone \`set\` of options (\`set -eux\`, \`set -e -o pipefail\`); null
 * for anything else (\`set +e\`, \`set -- a b\`, an option only known at build time).
 */
function leadingSetOf(parsed: ShellScript): LeadingSet | null {
  const first = parsed.statements[0]!;
  const c = first.items.length === 1 ? first.items[0]!.command : null;
  if (c === null || c.name !== 'set' || c.enclosing.length > 0 || c.assigns.length > 0 || c.redirects.length > 0 || c.background) return null;
  const options = new Set<string>();
  for (let i = 0; i < c.args.length; i++) {
    const a = c.args[i];
    if (a == null || !/^-[A-Za-z]+$/.test(a)) return null;
    const letters = a.slice(1);
    for (const l of letters.replace(/o$/, '')) options.add(l);
    if (!letters.endsWith('o')) continue;
    const name = c.args[++i];
    if (name == null || !/^[a-z]+$/.test(name)) return null;
    options.add(LONG_OPTIONS[name] ?? name);
  }
  if (options.size === 0) return null;
  // Errexit stays on to the body's end: no later \`set\`, \`shopt\` or ERR trap in the shell itself.
  const later = parsed.commands.some((d) => d !== c && !isolated(d) && ['set', 'shopt', 'setopt', 'unsetopt', 'trap'].includes(builtinCall(d).name ?? ''));
  return { options, text: parsed.source.slice(c.start, c.end), errexit: options.has('e') && !later };
}

/** \`set -o\` names of the options that have a letter. */
const LONG_OPTIONS: Readonly<Record<string, string>> = { errexit: 'e', nounset: 'u', xtrace: 'x', verbose: 'v', noglob: 'f', allexport: 'a', noclobber: 'C', noexec: 'n' };

/**
 * Whether a failure of the body's last statement ends a shell under errexit: a command or a pipeline, or a
 * \`{ …; }\` or \`( … )\` of them, not negated, with no \`&&\`/\`||\` list (errexit ignores a failure
 * before its last command, and the list fails without ending the shell), nor \`if\`, loop or \`case\`.
 */
function endsChecked(parsed: ShellScript): boolean {
  const index = parsed.statements.length - 1;
  const last = parsed.statements[index]!;
  const item = last.items.length === 1 ? last.items[0]! : null;
  if (item === null || item.negated || last.separator === '&') return false;
  if (item.kind === 'command' || item.kind === 'pipeline') return !(item.command?.negated ?? false);
  if (item.kind !== 'block' && item.kind !== 'subshell') return false;
  if (/&&|\|\||!/.test(parsed.source.slice(item.start, item.end))) return false;
  return parsed.commands.every((c) => c.statement !== index || c.enclosing.every((e) => e === 'block' || e === 'subshell' || e === 'pipeline' || e === 'substitution'));
}

function leakOf(parsed: ShellScript, besidesCd = false, besides?: SimpleCommand, besidesAssignments = false): string | null {
  const script = parsed.source;
  if (parsed.statements.some((s) => s.items.some((i) => i.kind === 'function'))) return 'a function definition';
  for (const c of parsed.commands) {
    if (c === besides) continue;
    if (definesFunction(c)) return 'a function definition';
    if (isolated(c)) continue;
    if (c.enclosing.includes('loop')) return 'a loop variable';
    if (c.words.length === 0) {
      // A bare assignment the shell itself runs, named in \`assigned\`, when asked.
      if (c.assigns.length > 0 && !(besidesAssignments && inShellItself(c))) return 'a variable assignment';
      continue; // only redirections: `> file`
    }
    const { name, args } = builtinCall(c);
    // A name with a slash is a path to a program, whatever it expands to; otherwise it could be a builtin.
    if (name === null && !c.words[0]!.raw.includes('/')) return 'a command named only at run time';
    if (name === null) continue;
    // Tracing changes what the shell prints to the build log, not what it does: `set -x` may go on.
    if (name === 'set' && c.assigns.length === 0 && tracingOnly(args)) continue;
    if (STATEFUL.has(name) && !(besidesCd && name === 'cd')) return `\`${name}\``;
    if (name === 'printf' && args.includes('-v')) return '`printf -v`';
    if (c.assigns.length > 0 && SPECIAL.has(name)) return `an assignment before \`${name}\``;
  }
  if (EXPANSION_ASSIGNMENT.test(script)) return 'an assignment in `${…}`';
  // Clauses that are not simple commands: `let` assigns, `[[ … =~ … ]]` sets BASH_REMATCH.
  if (script.includes('let') && LET_CLAUSE.test(script)) return '`let`';
  if (script.includes('=~') && REGEX_MATCH.test(script)) return 'a `[[ … =~ … ]]` match (BASH_REMATCH)';
  if (script.includes('((')) for (const m of script.matchAll(ARITHMETIC)) if (ARITHMETIC_ASSIGNMENT.test(m[0].slice(2, -2))) return 'an arithmetic assignment';
  return null;
}

/**
 * Whether the script is one \`&&\` list whose first command is \`cd\` to an absolute folder written out
 * (\`cd /app && ./configure && make\`): whatever folder a body before it left, nothing of it runs there, as a
 * failed \`cd\` ends the list. (CDPATH is not read for an absolute path; errexit is not counted on, as a merged
 * body sits in an \`&&\` list, where the shell ignores it.)
 */
function startsInOwnFolder(parsed: ShellScript): boolean {
  const only = parsed.statements.length === 1 ? parsed.statements[0]! : null;
  const c = only?.items[0]?.command ?? null;
  if (c === null || only!.items.length < 2 || only!.operators.some((op) => op !== '&&')) return false;
  if (c.enclosing.length > 0 || c.redirects.length > 0 || c.assigns.length > 0 || c.name !== 'cd') return false;
  // \`cd -\` (or OLDPWD) after it would go back to the folder the body before it left.
  if (/\bcd\s+-(?![\w-])|OLDPWD/.test(parsed.source)) return false;
  return c.args.length === 1 && c.args[0] != null && c.args[0].startsWith('/');
}

/** `set -x`, `set +v`, `set -o xtrace`…: options that only turn tracing on or off. */
function tracingOnly(args: readonly (string | null)[]): boolean {
  if (args.length === 0) return false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a != null && /^[-+][xv]+$/.test(a)) continue;
    if ((a === '-o' || a === '+o') && (args[i + 1] === 'xtrace' || args[i + 1] === 'verbose')) {
      i++;
      continue;
    }
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Writing the merged RUN.

type Wrap = 'none' | 'subshell' | 'group';

/**
 * The most RUNs a merge leaves in place, rewriting only what joins them. Past that, the engine's
 * cost per small edit outweighs the pass it saves: with a flag to add in every RUN, 64 RUNs took
 * 2.9 ms kept against 3.3 ms as one edit, 256 about the same, 1,024 took 63 against 53–55 ms.
 */
const MAX_KEPT_BODIES = 256;

function wrapOf(group: readonly Member[], i: number, programs: ProgramIndex): Wrap {
  const m = group[i]!;
  // Joined by `;` under errexit (errexitJoinProblem): each body runs as it is, in the one shell.
  if (group[1]!.semicolon === true) return 'none';
  if (i === group.length - 1) return m.facts.groupAfterAnd ? 'group' : 'none';
  // \`cd /src && make\` before \`cd /app && ./configure\`: the folder it leaves is left at once.
  const leaks = m.facts.leak !== null && !(m.facts.leaksFolderOnly && group[i + 1]!.facts.startsInOwnFolder);
  if (leaks || replacedProgram(group, i, programs) !== null) return 'subshell';
  return i > 0 && m.facts.groupAfterAnd ? 'group' : 'none';
}

/** Per program name, the members (in order) that run it and those that name it; and those that may install any. */
interface ProgramIndex {
  readonly runs: ReadonlyMap<string, readonly number[]>;
  readonly named: ReadonlyMap<string, readonly number[]>;
  readonly installers: readonly number[];
}

function joinInstalls(a: UnnamedInstall | null, b: UnnamedInstall | null): UnnamedInstall | null {
  if (a === null || b === null || a === b) return a ?? b;
  return { besides: new Set([...a.besides].filter((f) => b.besides.has(f))) };
}

/**
 * Asked for each member about each program it remembers, a search of the members after it
 * made a merge of thousands of RUNs of different programs quadratic. Only the families some
 * member remembers are ever looked up, so only they are filed: most words a RUN mentions
 * (`echo 1`, paths, versions) name no such program.
 */
function programIndex(group: readonly Member[], inPlace: ReadonlySet<string>): ProgramIndex {
  const runs = new Map<string, number[]>();
  const named = new Map<string, number[]>();
  const installers: number[] = [];
  const remembered = new Set<string>();
  for (const m of group) for (const name of m.facts.remembered) remembered.add(programFamily(name));
  const file = (index: Map<string, number[]>, name: string, i: number, keptAt?: ReadonlySet<string>) => {
    const family = programFamily(name);
    if (remembered.has(family) && !(inPlace.has(family) && keptAt?.has(family) === true)) addPosition(index, family, i);
  };
  group.forEach((m, i) => {
    if (m.facts.installs !== null) installers.push(i);
    if (remembered.size === 0) return;
    for (const name of m.facts.runs) file(runs, name, i);
    // An upgrade of a program by itself that puts the new copy where the shell found the old names none anew.
    for (const w of m.facts.mentions) for (const name of namedPrograms(w)) file(named, name, i, m.facts.upgrades);
  });
  return { runs, named, installers };
}

/** The program index of a group (see programIndex), with the upgrades that keep a program's path where its stage has it so. */
function programsOf(file: ParsedDockerfile, group: readonly Member[]): ProgramIndex {
  return programIndex(group, group.some((m) => m.facts.upgrades.size > 0) ? upgradedInPlace(file, group) : NONE);
}

/**
 * The families whose upgrade by themselves (see selfUpgrade) in \`group\` puts the new copy at the path the shell found
 * the old one at: those the stage's base image has where such an upgrade as root puts them (its upgradedInPlace: pip on
 * the official python images, npm on the official node images), when the RUNs run as root (pip run by another user
 * installs into its home) and nothing in the stage up to them moves where the program is found or installs: an ENV or
 * ARG of PATH, of the program's settings (PIP_*, npm_config_*) or of a virtualenv, a configuration file or command
 * (pip.conf, \`pip config\`, .npmrc, \`npm config\`), a virtualenv's activation. Else none, as on an image the
 * knowledge base does not know, or Debian's python3-pip (/usr/bin/pip, upgraded into /usr/local/bin).
 */
function upgradedInPlace(file: ParsedDockerfile, group: readonly Member[]): ReadonlySet<string> {
  const first = group[0]!.inst;
  const stage = file.stages[first.stage];
  const image = stage === undefined ? null : knownBaseImage(file, stage);
  if (stage === undefined || image === null || image.facts.upgradedInPlace.length === 0) return NONE;
  const user = userAt(file, first);
  if (user === null || !isRoot(user.user)) return NONE;
  const last = group.at(-1)!.inst.index;
  for (const s of stageLineage(file, stage)) {
    for (const inst of s.instructions) {
      if (inst.index > last) continue;
      if (inst.keyword === 'ENV' || inst.keyword === 'ARG') {
        if (properties(file, inst).some((p) => movesPrograms(p.name))) return NONE;
      } else if (MOVES_INSTALLS.test(file.text.slice(inst.span.start, inst.span.end))) return NONE;
    }
  }
  return new Set(image.facts.upgradedInPlace);
}

/**
 * Whether a variable may change where pip or npm install, or where the shell finds them: PATH, a virtualenv's, and
 * the settings of pip (\`PIP_TARGET\`) and npm (\`npm_config_prefix\`) but those of an option that keeps the place
 * (\`PIP_NO_CACHE_DIR\`, \`PIP_DISABLE_PIP_VERSION_CHECK\`, \`npm_config_loglevel\`).
 */
function movesPrograms(name: string): boolean {
  if (/^(?:PATH|VIRTUAL_ENV|CONDA_PREFIX|PYTHONUSERBASE|PYTHONHOME|PREFIX|NODE_PATH)$/i.test(name)) return true;
  const setting = /^(?:(PIP)|(npm_config))_(\w+)$/i.exec(name);
  if (setting === null) return false;
  const option = `--${setting[3]!.toLowerCase().replace(/_/g, '-')}`;
  return !KEEPS_PLACE[setting[1] !== undefined ? 'pip' : 'npm']!.has(option);
}

/** Configuration of where pip or npm install, and a virtualenv's activation, in any instruction. */
const MOVES_INSTALLS = /pip\.conf|pip\.ini|\bpip[0-9.]* config\b|\.npmrc|\bnpm (?:config|set)\b|\bactivate\b/i;

/**
 * The program, when body i runs a program X in the shell itself, a body from i on names X (`pip install -U pip`,
 * `ln -s … /usr/local/bin/x`) or may install programs it does not name (`make install`, a
 * script), and a body after that one runs X again: the shell would run the path it
 * remembered, not a new copy earlier on PATH. Programs count by family: upgrading `pip`
 * replaces `pip3` too. Null when no program is.
 */
function replacedProgram(group: readonly Member[], i: number, programs: ProgramIndex): string | null {
  const from = countBefore(programs.installers, (k) => k < i);
  const facts = group[i]!.facts;
  for (const name of facts.remembered) {
    const family = programFamily(name);
    const named = programs.named.get(family) ?? [];
    const installer = replaceableProgram(name) ? firstInstallerOf(group, programs.installers, from, family) : undefined;
    // Named in body i only before it first ran there: the shell remembers the new copy.
    let next = countBefore(named, (k) => k < i);
    if (named[next] === i && facts.namedBeforeRun.has(family)) next++;
    const naming = Math.min(named[next] ?? Infinity, installer ?? Infinity);
    if (naming === Infinity) continue;
    const runs = programs.runs.get(family) ?? [];
    const later = runs[countBefore(runs, (k) => k <= naming)];
    // A later body that names or installs it and then runs it runs the path body i remembered: it counts as well.
    if (later !== undefined || (naming > i && runs.includes(naming) && group[naming]!.facts.runAfterChange.has(family))) return name;
  }
  return null;
}

/**
 * Why the bodies of the group that go in parentheses do, for the reviewer who sees them appear.
 * Bodies that change the same shell state share one note: a chain of `cd dir && make` RUNs reads
 * \`lines 25, 30 and 31 run in subshells…\`, not the same sentence once per line.
 */
function subshellNotes(group: readonly Member[], programs: ProgramIndex): string[] {
  const leaks = new Map<string, number[]>();
  const notes: (string | { readonly leak: string })[] = [];
  group.forEach((m, i) => {
    if (i === group.length - 1 || wrapOf(group, i, programs) !== 'subshell') return;
    const replaced = m.facts.leak === null ? replacedProgram(group, i, programs) : null;
    if (replaced !== null) {
      notes.push(`line ${m.inst.line} runs in a subshell: it runs ${replaced}, which may then be installed anew, and in one shell a later ${replaced} would run the path the shell remembered, not the new one`);
      return;
    }
    const leak = m.facts.leak!;
    const lines = leaks.get(leak);
    if (lines !== undefined) lines.push(m.inst.line);
    else {
      leaks.set(leak, [m.inst.line]);
      notes.push({ leak });
    }
  });
  return notes.map((n) => {
    if (typeof n === 'string') return n;
    const lines = leaks.get(n.leak)!;
    return lines.length === 1
      ? `line ${lines[0]} runs in a subshell, as it ran in its own RUN, so that the shell state it changes (${n.leak}) does not reach the commands after it`
      : `lines ${listed(lines.map(String))} run in subshells, as each ran in its own RUN, so that the shell state they change (${n.leak}) does not reach the commands after them`;
  });
}

/**
 * The first member from `installers[from]` on that may install a new copy of `family`
 * elsewhere on PATH. Past a few dozen installs that all put theirs beside it, the first is
 * taken: the answer errs towards a subshell, and a merge of thousands stays linear.
 */
function firstInstallerOf(group: readonly Member[], installers: readonly number[], from: number, family: string): number | undefined {
  const to = Math.min(installers.length, from + 32);
  for (let k = from; k < to; k++) if (!group[installers[k]!]!.facts.installs!.besides.has(family)) return installers[k];
  return to < installers.length ? installers[from] : undefined;
}

/**
 * A program's name without its version, and as the program whose package ships it: `pip3` and `pip3.12`
 * are `pip`, `python3` is `python`, `npx` is `npm`. An install of one of them may put new copies of the
 * others on PATH.
 */
function programFamily(name: string): string {
  const last = name.charCodeAt(name.length - 1);
  // Most names end in no digit: no regular expression for them.
  const bare = last < 48 || last > 57 ? name : name.replace(/[0-9][0-9.]*$/, '') || name;
  return SHIPPED_WITH.get(bare) ?? bare;
}

/**
 * The programs a word names: `pip`, `/usr/local/bin/pip`, `pip==23.1` and `npm@latest`
 * name `pip`/`npm`; the base name, and each part of it before one of `=<>@:~![`.
 */
function namedPrograms(word: string): string[] {
  const base = word.slice(word.lastIndexOf('/') + 1);
  const out = [base];
  for (let j = 0; j < base.length; j++) if ('=<>@:~!['.includes(base[j]!)) out.push(base.slice(0, j));
  return out;
}

/** The registry each language package manager that recognise() reads installs from (not the system's, nor conda's). */
const REGISTRY_OF: Readonly<Partial<Record<string, ProgramRegistry>>> = { npm: 'npm', yarn: 'npm', pnpm: 'npm', bun: 'npm', pip: 'pypi', gem: 'rubygems' };

/** cargo install's options that take the next word as their value (`--version 14.1.0`, `--root /usr/local`). */
const CARGO_INSTALL = grammar(CARGO_VALUED, false);

/** cargo-binstall's (see CARGO_BINSTALL_VALUED). */
const CARGO_BINSTALL = grammar(CARGO_BINSTALL_VALUED, false);

/**
 * The programs an install by a language's package manager names beyond its words: those its packages put on PATH
 * under other names (`npm install -g typescript`: tsc and tsserver; `gem install bundler`: bundle; `pipx install
 * awscli`: aws; `cargo install ripgrep` and `cargo binstall ripgrep`: rg), and a `go install`'s, named for the last
 * element of its package's path but a major version (`github.com/mikefarah/yq/v4@latest`: yq). A package's own name is
 * named by its word already. A toolchain and options cargo is told first (`cargo +nightly -q install …`), `rustup run`
 * (see invokedProgram) and uv run as Python's module (`python3 -Im uv pip install …`, see invokedTool) change none of it.
 */
function installedPrograms(c: SimpleCommand): readonly string[] {
  if (!mayInstall(c)) return NO_NAMES;
  const r = recognise(c);
  if (r?.kind === 'package') {
    const registry = REGISTRY_OF[r.manager];
    if (registry === undefined || (r.action !== 'install' && r.action !== 'upgrade') || (registry === 'npm' && !globalNodeInstall(r))) return NO_NAMES;
    const names = r.operands.map((w) => (w.value === null ? null : registry === 'npm' ? packageName(w.value) : registry === 'pypi' ? (parseRequirement(w.value)?.name ?? null) : w.value.split(':')[0]!));
    return names.flatMap((n) => (n === null ? [] : packagePrograms(registry, n)));
  }
  const tool = invokedTool(c);
  if (tool === null) return NO_NAMES;
  const crates = cargoInstalled(tool.module ? null : tool.name, tool.args);
  if (crates !== null) return crates.flatMap((w) => (w.value === null ? [] : packagePrograms('crates', w.value.split('@')[0]!)));
  if (!tool.module && tool.name === 'go' && tool.args[0]?.value === 'install') {
    // A pattern (\`…/cmd/...\`) names none: unnamedInstall counts it as installing any program.
    return goBuildPackages(tool.args.slice(1)).flatMap((p) => {
      const name = p === null || p.includes('...') ? '' : goProgramName(p.replace(/@.*$/, '').replace(/\/+$/, ''));
      return name === '' || name === '.' ? [] : [name];
    });
  }
  // `uv pip install`, which recognise() leaves to the Python readers.
  const uvPip = tool.name === 'uv' ? readUvPip(tool.args) : null;
  if (uvPip !== null) return uvPip.sync ? NO_NAMES : uvPip.operands.flatMap((w) => packagePrograms('pypi', (w.value === null ? null : parseRequirement(w.value)?.name) ?? ''));
  // `pipx install`, `python -m pipx install`, `uv tool install`, `python -m uv tool install`.
  const tools = toolRequirements({ name: tool.name, argv: [tool.name, ...tool.args.map((w) => w.value)] });
  return Array.isArray(tools) ? tools.flatMap((t) => packagePrograms('pypi', t.name)) : NO_NAMES;
}

/**
 * The crates (`CRATE[@version]` as written) that `cargo install`, `cargo binstall` or `cargo-binstall` run by itself
 * installs, from the program's name and its words; null for any other command. cargo's subcommand may follow a rustup
 * toolchain and cargo's own options (`cargo +nightly install …`, `cargo -q --config k=v binstall …`).
 */
function cargoInstalled(name: string | null, args: readonly ShellWord[]): ShellWord[] | null {
  if (name === 'cargo-binstall') return splitArgs(args[0]?.value === 'binstall' ? args.slice(1) : args, CARGO_BINSTALL).positionals;
  const cargo = name === 'cargo' ? cargoSubcommand(args) : null;
  const words = cargo?.sub.value === 'install' ? CARGO_INSTALL : cargo?.sub.value === 'binstall' ? CARGO_BINSTALL : null;
  return cargo === null || words === null ? null : splitArgs(cargo.args, words).positionals;
}

/**
 * The programs the `go install`s of their folder's program in a RUN install: each named by the import path of its
 * folder (WORKDIR, then the literal \`cd\`s before it), the path of the module whose go.mod the build context gives
 * there or in a folder above it, and the folders below (\`WORKDIR /src/cmd/api\` in module example.com/app: api; at
 * the module's root, the module's last element but a major version). Left out, so counted as installing any program:
 * one whose folder is not known, or whose go.mod is not read (not in the build context, from another stage, one a RUN
 * may make: see goModAbove), told another folder (\`-C\`), or another file for go.mod (\`-modfile\`, GOFLAGS), or none (GOPATH mode): see goModuleUnread. Null when
 * none is named.
 */
function programsHere(file: ParsedDockerfile, inst: Instruction, parsed: ShellScript, ctx: BuildContext | null): Map<SimpleCommand, string> | null {
  let out: Map<SimpleCommand, string> | null = null;
  for (const c of parsed.commands) {
    if (!goInstallHere(c) || c.words.some((w) => /^--?C(?:=|$)/.test(w.value ?? w.raw)) || goModuleUnread(file, inst, parsed, c) !== null) continue;
    const folder = pathIn(workdirAt(file, inst), folderMove(parsed, c), '.');
    const name = folder === null ? null : goMainProgram(file, inst, folder, ctx);
    if (name !== null && name !== '') (out ??= new Map()).set(c, name);
  }
  return out;
}

/** The program Go names for the main package in `folder` (absolute), by the go.mod read from the build context; null when not known. */
function goMainProgram(file: ParsedDockerfile, inst: Instruction, folder: string, ctx: BuildContext | null): string | null {
  const here = packageIn(file, inst, folder, ctx);
  return here === null ? null : goProgramName(here);
}

function merge(file: ParsedDockerfile, group: readonly Member[], layouts: readonly FileRunLayout[]): Finding {
  const first = group[0]!.inst;
  const at = first.span.start;
  // The merged text, as the file's own bytes kept and new text between them.
  const pieces: Piece[] = [{ from: at, to: first.argsSpan!.start }];
  let expected = '';
  const programs = programsOf(file, group);
  const semicolons = group[1]!.semicolon === true;
  if (semicolons) {
    // The subshell that keeps the shell from running a program's old path would keep errexit from ending the merged RUN.
    const at_ = group.findIndex((_, i) => i < group.length - 1 && replacedProgram(group, i, programs) !== null);
    if (at_ !== -1) {
      const name = replacedProgram(group, at_, programs)!;
      return refusal(at, 'errexit', `line ${group[at_]!.inst.line} runs \`${name}\`, which a later RUN may install anew: in one shell that later \`${name}\` would run the path the shell remembered, and a subshell to prevent it would keep \`set -e\` from ending the merged RUN at a failure`);
    }
  }
  // RUNs that go after a later RUN's leading `set` (hoistable): the merged RUN starts with that `set`,
  // each of them follows it as that RUN's next command does (`; \⏎    `, its comment lines aside), and that command
  // follows them as it followed the `set`.
  const hoisted = group.findIndex((m) => m.hoisted !== true);
  const lead = hoisted > 0 ? group[hoisted]! : null;
  let setEnd = 0;
  let hoistJoint = '';
  if (lead !== null) {
    const [set, second] = lead.body.parsed.statements;
    setEnd = set!.end;
    const afterSet = file.text.slice(fileEnd(lead.body, setEnd), fileStart(lead.body, second!.start));
    hoistJoint = withoutCommentLines(afterSet);
    pieces.push(file.text.slice(lead.inst.argsSpan!.start, fileEnd(lead.body, setEnd)));
    expected += lead.body.script.slice(0, setEnd);
  }
  // The glue between two RUNs without comment lines is the same for every joint of one layout: made once.
  let plainOf: FileRunLayout | null = null;
  let plain = '';
  let plainLogical = '';
  group.forEach((m, i) => {
    const args = m.inst.argsSpan!;
    if (i < hoisted) {
      const keptFrom = args.start + 1;
      const keptTo = Math.max(keptFrom, fileEnd(m.body, m.facts.contentEnd) - 1);
      pieces.push(hoistJoint, file.text.slice(args.start, keptFrom), { from: keptFrom, to: keptTo }, file.text.slice(keptTo, fileEnd(m.body, m.facts.contentEnd)));
      expected += logicalText(hoistJoint, 0, hoistJoint.length, file.escape).text + m.body.script.slice(0, m.facts.contentEnd);
      return;
    }
    const wrap = wrapOf(group, i, programs);
    const whole = wrap === 'none' && i === group.length - 1;
    const end = whole ? m.body.script.length : m.facts.contentEnd;
    const rawEnd = whole ? args.end : fileEnd(m.body, end);
    const close = m.body.script.slice(0, end).endsWith('&') ? ' }' : '; }';
    const [open, shut] = wrap === 'subshell' ? ['( ', ' )'] : wrap === 'group' ? ['{ ', close] : ['', ''];
    // A body's first character and its last command's last (with what follows it, a comment say)
    // are rewritten too, as themselves: what another transform writes at a body's edge (an append
    // planned for that RUN alone, which would land before what is then planned for the whole; a
    // rewrite of the whole RUN) waits for the merged RUN. (Half a surrogate pair is no place to
    // cut: replaceKeeping then takes in the body.)
    const keptFrom = m === lead ? fileEnd(m.body, setEnd) : args.start + 1;
    const keptTo = Math.max(keptFrom, fileEnd(m.body, m.facts.contentEnd) - 1);
    pieces.push(open, m === lead ? '' : file.text.slice(args.start, keptFrom), { from: keptFrom, to: keptTo }, file.text.slice(keptTo, rawEnd), shut);
    expected += open + m.body.script.slice(m === lead ? setEnd : 0, end) + shut;
    const next = group[i + 1];
    if (next !== undefined) {
      // Comment lines after its last command (nextcloud's `#       libreoffice \` before a lone closing `;`): the merged
      // RUN leaves out what follows that command, so they go into the joint, with the next RUN's own.
      const comments = [...continuationComments(file, rawEnd, args.end), ...headComments(file, next.inst)];
      const layout = layouts[i]!;
      if (comments.length === 0 && plainOf !== layout) {
        plainOf = layout;
        plain = glue(file, layout, [], semicolons ? m : null);
        plainLogical = logicalText(plain, 0, plain.length, file.escape).text;
      }
      const joint = comments.length === 0 ? plain : glue(file, layout, comments, semicolons ? m : null);
      pieces.push(joint);
      expected += comments.length === 0 ? plainLogical : logicalText(joint, 0, joint.length, file.escape).text;
    }
  });
  const subshells = subshellNotes(group, programs);
  const text = piecesText(file, pieces);
  const script = logicalText(text, first.argsSpan!.start - at, text.length, file.escape).text;
  const last = group.at(-1)!.inst;
  const replaced = file.text.slice(at, last.span.end);
  if (script !== expected || !isValidShell(script) || !oneInstruction(text, file.escape) || lostComment(replaced, text) !== null) {
    return refusal(at, 'unsafe-merge', 'the merged RUN would not run exactly these commands in order, or would lose a comment line, so the RUNs are left apart');
  }
  const joined = !semicolons
    ? []
    : lead === null
      ? [`joined by \`;\` as the RUNs are written, under the \`set -e\` of line ${first.line}, which ends the RUN at the first failing command as each RUN's failure ended the build`]
      : [
          `joined by \`;\` as line ${lead.inst.line} is written, under its \`${lead.facts.leadingSet!.text}\`, which ends the RUN at the first failing command as each RUN's failure ended the build; ` +
            (hoisted === 1
              ? `line ${first.line} runs after that \`set\`: it is one command, so its failure still ends the RUN, and the options change nothing else it does`
              : `lines ${listed(group.slice(0, hoisted).map((m) => String(m.inst.line)))} run after that \`set\`: each is one command, so its failure still ends the RUN, and the options change nothing else they do`),
        ];
  const message = [`merged ${group.length} RUN instructions into one`, ...joined, ...subshells].join('; ');
  // Past a few hundred RUNs the small edits cost the engine more than the pass they save: one edit then.
  if (group.length > MAX_KEPT_BODIES) return change(at, message, [{ start: at, end: last.span.end, text }]);
  // The bodies' own bytes stay where they are: a flag another transform adds inside one is made in the
  // same pass, and what it reports keeps its own line.
  const edits = replaceKeeping(file, at, last.span.end, pieces);
  return keeping(change(at, message, edits), { ranges: uncovered(at, last.span.end, edits), admits: wordsInsideCommands(group) });
}

/** The parts of [start, end) that no edit covers. */
function uncovered(start: number, end: number, edits: readonly Edit[]): Span[] {
  const gaps: Span[] = [];
  let at = start;
  for (const e of edits) {
    if (e.start > at) gaps.push({ start: at, end: e.start });
    at = e.end;
  }
  if (at < end) gaps.push({ start: at, end });
  return gaps;
}

/** Plain words, each after a space: flags and names, nothing the shell would read as syntax. */
const PLAIN_WORDS = /^(?: [A-Za-z0-9@%+=:,./_~^-]+)+$/;

/**
 * What another change of the pass may write inside the bodies the merge keeps: the merge was
 * worked out from them as they are (which body leaves the shell changed, or names a program the
 * shell remembered, and runs in `( … )`), so only what cannot change that: plain words added right
 * after a word of a program that is not a shell builtin (`--no-install-recommends` after
 * `install`, a package name after the last), naming no program the merged bodies run.
 */
function wordsInsideCommands(group: readonly Member[]): (edit: Edit) => boolean {
  let wordEnds: Set<number> | undefined;
  let runs: Set<string> | undefined;
  return (edit) => {
    if (edit.start !== edit.end || !PLAIN_WORDS.test(edit.text)) return false;
    wordEnds ??= new Set(
      group.flatMap(({ body }) =>
        body.parsed.commands.filter((c) => c.name !== null && !BUILTINS.has(c.name)).flatMap((c) => c.words.map((w) => fileEnd(body, w.end))),
      ),
    );
    if (!wordEnds.has(edit.start)) return false;
    runs ??= new Set(group.flatMap((m) => [...m.facts.runs].map(programFamily)));
    return edit.text
      .slice(1)
      .split(' ')
      .every((word) => word.startsWith('-') || !namedPrograms(word).some((name) => runs!.has(programFamily(name))));
  };
}

/**
 * Comment lines between a RUN's keyword (or flags) and its command, as written:
 * `RUN \⏎    # explain b⏎    echo b`. The merged RUN keeps them above the command.
 */
function headComments(file: ParsedDockerfile, inst: Instruction): string[] {
  return continuationComments(file, inst.keywordSpan.end, inst.argsSpan!.start);
}

/** The comment lines of the continuation lines that start between \`from\` and \`to\`, as written. */
function continuationComments(file: ParsedDockerfile, from: number, to: number): string[] {
  const text = file.text.slice(from, to);
  if (!text.includes('#')) return [];
  return text
    .split('\n')
    .slice(1)
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => /^[ \t]*#/.test(l));
}

/**
 * What goes between two bodies: the operator, a line continuation and the next RUN's own comment lines.
 * After a body joined by \`;\` (\`semicolonAfter\`), a \`;\` where that RUN writes it: \`a; \\\` or \`\\⏎ ; a\`.
 */
function glue(file: ParsedDockerfile, layout: FileRunLayout, comments: readonly string[], semicolonAfter: Member | null): string {
  const { indent } = layout;
  const eol = file.eol;
  const carried = comments.map((c) => `${c}${eol}`).join('');
  if (semicolonAfter !== null) {
    const own = runLayout(file, semicolonAfter.inst, semicolonAfter.body);
    return own.leadingSemicolon ? ` ${file.escape}${eol}${carried}${indent}; ` : `;${own.tight ? '' : ' '}${file.escape}${eol}${carried}${indent}`;
  }
  return layout.leading ? ` ${file.escape}${eol}${carried}${indent}&& ` : ` &&${layout.tight ? '' : ' '}${file.escape}${eol}${carried}${indent}`;
}

/**
 * The merged text is one instruction as BuildKit splits lines: every line but
 * the last ends in the escape character, or is a blank or comment line inside
 * the continuation. (That its body is exactly the joined bodies is checked
 * on its logical text.) A line scan, not a parse: the merged RUN of a file of
 * thousands of RUNs is large.
 */
function oneInstruction(text: string, escape: string): boolean {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i]!.replace(/[ \t\r]+$/, '');
    if (line.endsWith(escape)) continue;
    if (i > 0 && /^[ \t]*(?:#.*)?$/.test(line)) continue;
    return false;
  }
  return !/^[ \t]*(?:#.*)?$/.test(lines.at(-1)!.replace(/\r$/, '')) || lines.length === 1;
}
