import { containerCommand, judge, startArgv, type ContainerCommand, type Relay, type Verdict } from '../src/analysis/pidOne.js';
import { dockerActionOf, type DockerAction } from '../src/analysis/githubAction.js';
import { preview } from '../src/analysis/preview.js';
import { baseImageText, isRoot, knownBaseImage, packageManagerInUse, userAt } from '../src/analysis/stageTools.js';
import { buildArgumentAtStart, wordAtStart } from '../src/analysis/envWords.js';
import { isCommandString } from '../src/analysis/startScriptFiles.js';
import { commentsBetween } from '../src/dockerfile/comments.js';
import { numberedReferenceFrom } from '../src/dockerfile/graph.js';
import { attachedComments, insertLinesAfterFrom, insertLinesBefore, instructionHead, keywordCase } from '../src/dockerfile/edit.js';
import { copyArguments } from '../src/dockerfile/copySources.js';
import { isWindowsStage, rootStage, stageLineage, windowsStageWhy } from '../src/dockerfile/stages.js';
import { finalImageWhy, finalImages, stageLabel, type FinalImage } from '../src/analysis/scope.js';
import type { Instruction, ParsedDockerfile, Stage } from '../src/dockerfile/types.js';
import { resolveBase } from '../src/dockerfile/variables.js';
import type { BuildContext } from '../src/engine/context.js';
import { defineTransform, dependingOn, refusal, reviewChange, type Edit, type Finding } from '../src/engine/types.js';
import { ALPINE_ARCHITECTURES, INIT_PROGRAMS, TINI_STATIC, archNamespace, missingTagWhy, tiniPackage, type IdentifiedImage } from '../src/knowledge/index.js';
import { packageCommands, ranWhenDone, runBody } from '../src/shell/index.js';
import { appendWords } from '../src/shell/edit.js';
import { packageOperandName } from '../src/knowledge/packageNames.js';

type Options = { copyIn: boolean };

/** Where tini comes from, and the edits that put it there. */
interface TiniSource {
  readonly path: string;
  readonly how: string;
  readonly edits: readonly Edit[];
  readonly note: string | null;
}

/**
 * PID 1 gets no default signal handling from the kernel and adopts every
 * orphaned process. A shell or a wrapper there ignores `docker stop`'s SIGTERM
 * and never reaps the zombies it adopts; tini does both, and `docker run
 * --init` exists for the same reason.
 */
export default defineTransform<Options>({
  meta: {
    name: 'init-process',
    summary: 'Start tini as PID 1 when the container would run a shell or a wrapper that neither reaps children nor passes signals on.',
    docs: `Puts tini at the front of the final stage's ENTRYPOINT (\`ENTRYPOINT ["/usr/bin/tini", "--", …]\`) when the process the
container starts would stay PID 1 without passing signals on or reaping orphaned processes. PID 1 gets no default
signal handling: a shell there ignores \`docker stop\`'s SIGTERM, so the container is killed after the timeout, and
zombies it adopts are never reaped. The command is otherwise kept: tini starts it as its child. The final stage is
each image the project ships: the last stage, or the stage a last test stage tests (\`FROM app AS test\`), and each
stage a workflow, Makefile or bake file publishes with \`--target\` (a last stage to work in, \`FROM app AS debug\`,
then ships nothing); a stage built on it inherits tini with its ENTRYPOINT.

It acts when PID 1 would be (following the ENTRYPOINT, then the CMD, as the container starts them):
- a shell running a \`-c\` string that is more than one command: shell-form CMD or ENTRYPOINT such as
  \`CMD cd /app && node server.js\` or \`CMD redis-server & nginx\`, or \`["sh", "-c", "…"]\`. A string of one simple
  command is read as that command where the shell replaces itself with it (bash, busybox ash: Alpine's and Red
  Hat's /bin/sh); dash (Debian's and Ubuntu's /bin/sh) runs it as its child and stays PID 1, and where /bin/sh
  is not known it counts as dash, as does a shell a SHELL instruction names whose way is not known (zsh, ksh, mksh);
- a shell script (\`*.sh\`, or a file of the build context with a \`#!\` for sh, bash, dash, ash…) that ends without
  handing over with \`exec\`, or that starts processes in the background first. The script is read through the COPY
  that put it in the image (a shell's script operand, \`bash start.sh\`, from the final WORKDIR, as the shell opens it; where no WORKDIR is set
  on a base image whose own is not known, \`./start.sh\` after \`COPY start.sh ./\` is that file, as non-root-user reads it); one ending in \`exec "$@"\` is followed to its arguments (the CMD), and \`gosu\`, \`su-exec\`
  and \`env\` to the program they run. A script that ends by calling a function of its own (\`_main "$@"\`, as
  postgres' and mysql's entrypoints do) is judged by how that function ends, in turn through a function of the
  script that it ends by calling. An entrypoint the script sources at its top level (\`source
  /usr/local/bin/docker-php-entrypoint\`) runs in its shell, so an exec there hands over first: the base image's
  own entrypoint that runs its command is followed to the script's arguments, one of the build context is judged
  in turn, and a file of settings (\`. venv/bin/activate\`) is passed over; so is that entrypoint run from the script
  (\`exec docker-entrypoint.sh "$@"\`, where no COPY replaces it);
- npm, npx, yarn or pnpm, which run the script as their child through \`sh -c\`: npm passes SIGTERM on to that shell
  (since npm 3.8.1, but not 9.6.7 to 10.2), but dash (Debian's and Ubuntu's /bin/sh) runs even a one-command script
  as its own child and does not pass it on, and none of them reaps orphaned processes as PID 1.
A program started directly (node, python, java, nginx…) is left alone: it gets signals itself, and whether it reaps
children is its own business. So is an interactive shell (\`CMD ["bash"]\`) and a script that traps TERM itself.

tini comes from the stage's package manager, per the knowledge base: apt's \`tini\` (/usr/bin/tini, Debian 10 and
Ubuntu 20.04 on) or apk's \`tini\` (/sbin/tini, Alpine 3.7 on): added to the packages of the final stage's own install
with that manager (run as root, and run whenever its RUN succeeds: not in an \`if\` or after \`||\`, not apk's \`--virtual\`
group, not a package file), else installed in a RUN right after the final FROM (while the stage still runs as root). The release is the one the tag names or, without one, the one its version was built on
(\`node:20-slim\`: bookworm); a tag rebuilt on a newer release counts as the older one. Where there is none (busybox, an rpm distribution, a release before the package, a
release past its end whose packages have left its repositories (Debian 10 and older, Ubuntu's interim releases), an
image the knowledge base does not know, or a base that runs as another user, where a RUN after the FROM could not
install it), a static tini is copied in from a
small stage (\`FROM alpine:… AS tini\`, \`apk add tini-static\`) added before the final one, of the final image's
platform: the \`--platform\` of the FROM that names its image (the final one's, or that of the stage it builds on:
\`FROM base\`), or the one an official image built for one architecture is
(\`FROM arm64v8/python\` gets \`FROM --platform=linux/arm64 alpine:…\`: by default the stage would be of the build
platform, and an amd64 tini in an arm64 image does not start); set \`-o init-process.copyIn=false\` to refuse instead. With a base-image transform in the same run (alpine-base, slim-base), tini is installed for
the image it leaves, and the command is judged as exec-form leaves it. Without changing the image, \`docker run --init\` or compose's
\`init: true\` give a container the same init.

**Review tier.** The container's command changes (the runtime check reports it): the program is no longer PID 1,
and it now gets SIGTERM (for a shell: it ends, and the kernel stops the rest when tini exits) instead of being killed
after the timeout. A wrapper that should stop gracefully is better ended with \`exec\`; tini's \`-g\` sends signals to
the whole process group.

Refuses, leaving the image as it is:
- \`has-init\`: an init is already in the command after a script or wrapper (tini, dumb-init, s6-overlay's /init,
  supervisord, catatonit, runit…), also one a variable of a shell-form command names by the value an ENV gives it
  (\`CMD $APP -- server\` under \`ENV APP=/usr/bin/tini\`, or a build argument's default the ENV reads), or the stage installs one that the command does not start (or that a script
  it runs, which cannot be read, may start);
- \`init-hinted\`: a comment says the container runs with \`--init\` or compose \`init: true\`;
- \`entrypoint-replaced\`: an action.yml runs the image as a Docker container action (as non-root-user reads it) and sets
  \`runs.entrypoint\`, which GitHub passes as \`docker run --entrypoint\`: the image's ENTRYPOINT, where tini would go, never runs;
- \`unreadable-script\`: the command runs a script the build context does not hold (or that a RUN writes over after
  the COPY that put it there, \`cat > /app/start.sh <<EOF\`, \`sed -i\`, \`curl -o\`, or may write over without naming it:
  \`cp -r /tmpl/. /app/\`, \`cp /opt/scripts/* .\`, an archive unpacked in its folder, \`git clone\`, \`make install\`, a
  script or interpreter it runs, a RUN not read; not \`chmod\`, a package manager's install, or a copy to another
  folder; or that is not shell syntax,
  or whose functions end by calling back into one that led to them, or that sources an entrypoint that cannot be
  read), so whether it hands PID 1 over with exec is not known (the reason calls the base image's own entrypoint
  script so where the knowledge base knows its name: \`CMD ["docker-entrypoint.sh", "postgres"]\` on postgres runs
  postgres's docker-entrypoint.sh); or a file of the build context without a \`#!\` line that the command starts
  directly, which is not taken for a shell script; or a shell-form command whose one program is named with a variable
  (\`ENTRYPOINT /usr/bin/$INITSH\`) on an image whose /bin/sh is not known: bash would replace itself with that
  program, which may be an init that must stay PID 1. A variable an ENV of the Dockerfile sets to a plain value
  (\`ENTRYPOINT $APP\` under \`ENV APP=/usr/local/bin/server\`) names its program as that value does, where no entrypoint
  of the base image runs first; one a build argument or another variable gives, or whose value is several words, does not
  (the reason names the build argument: \`--build-arg\` may name another program);
  and where /bin/sh is not known, a value that is a script that hands over to an init, or one that cannot be read, is
  refused as the variable is (bash would make it PID 1; a value that is an init is \`has-init\`, as it is written out);
- \`exec-on-some-paths\`: the script was read, and it hands over with exec on some paths only, which its arguments
  and environment choose: it ends without exec but hands over with one earlier on some paths (\`if [ "$1" = runserver ];
  then start_supervisord; fi\` where that function ends in \`exec supervisord\`), or its final \`if\` or \`case\` hands
  over with exec in one branch and ends another in a command run without it (\`if [ -n "$MINIO_USERNAME" ]; then
  chroot --userspec=… / "$@"; else exec "$@"; fi\`). The reason names the exec, and the functions that lead to it. A
  final \`case "$1"\` whose item the CMD names, \`CMD ["server"]\` for \`server) exec gunicorn …;;\`, is judged by that
  item alone, where only literal patterns come before it and the script moves no arguments first;
- \`unknown-base\`: the Dockerfile sets no ENTRYPOINT and the base image is not one the knowledge base knows: its
  own ENTRYPOINT, which may be an init, would be replaced;
- \`distroless\`: the final image is distroless;
- \`windows\`: a Windows image (tini is a Linux program);
- \`inherited-command\`: the CMD comes from a stage the final stage builds on, which a new ENTRYPOINT would reset;
- \`comment-inside\`: a shell-form ENTRYPOINT continued over several lines has a comment line among them: it is
  rewritten whole, in exec form on one line (as exec-form does), and the comment would be lost;
- \`no-package-manager\`, \`no-tini-package\`, \`non-root-user\`: with \`copyIn=false\`, the image has no package
  manager, no known tini package, or does not run as root where tini would be installed (the reason says how
  \`docker run --init\` or compose \`init: true\` help instead); \`no-tini-package\` too when the image is built
  for an architecture Alpine has no image for (\`arm32v5/…\`, \`mips64le/…\`), so there is no static tini to copy in;
- \`numbered-stage\`: tini would be copied in, and a \`--from\` names the final stage or one after it by its number
  (\`COPY --from=2\`), which the stage added before it would shift;
- \`built-on\`: the image is the base of another image the project ships (\`FROM app AS api\`, both published with
  \`--target\`), which would start under tini too, though only this image's command was judged;
- \`digest-pinned\`: tini would be copied in, and the final stage's image is pinned by digest (\`FROM cassandra:5@sha256:…\`):
  the new stage's image would float where the file pins, and its digest must come from the registry.`,
    hadolint: [],
    review: 'the container starts tini as PID 1 in front of its command: signals and exit codes now pass through tini',
    defaultEnabled: false,
    options: {
      copyIn: {
        default: true,
        description: 'Copy a static tini from an added Alpine stage when the stage cannot install the package (false: refuse).',
      },
    },
    touches: {
      instructions: { ENTRYPOINT: ['edit', 'add'], RUN: ['add', 'edit'], COPY: ['add'], FROM: ['add'] },
      stages: true,
      runtime: ['command'],
    },
    refusals: {
      'has-init': 'an init is already in the command, or installed in the stage',
      'entrypoint-replaced': "the action.yml that runs the image as a Docker container action sets runs.entrypoint, which replaces the image's ENTRYPOINT",
      'init-hinted': 'a comment says the container runs with --init or compose init: true',
      'unreadable-script': 'a script the command runs cannot be read or followed to its end, or is not known to be a shell script',
      'exec-on-some-paths': 'a script the command runs was read, and hands over with exec on some paths only, which its arguments and environment choose',
      'unknown-base': "the base image is not known, and its ENTRYPOINT (maybe an init) would be replaced",
      distroless: 'the final image is distroless',
      windows: 'a Windows image',
      'inherited-command': 'the CMD comes from a stage the final stage builds on',
      'comment-inside': 'a comment line inside a shell-form ENTRYPOINT over several lines would be lost by the rewrite',
      'no-package-manager': 'the image has no package manager (copyIn is off)',
      'no-tini-package': 'no tini package is known for the stage (copyIn is off), or no static tini for its architecture',
      'non-root-user': 'the stage does not run as root where tini would be installed (copyIn is off)',
      'digest-pinned': 'the base image is pinned by digest, and a static tini would come from an unpinned image',
      'numbered-stage': 'tini would be copied in from a stage added before one that a `--from` names by its number',
      'built-on': 'the stage that ships is the base of another image the project ships, whose command would start under tini too',
    },
  },
  run(file, { options, buildContext, path, input }) {
    // Names the tini stages this run adds take, when more than one image gets one.
    const added = new Set<string>();
    const action = dockerActionOf(buildContext, path, input?.text);
    return finalImages(file, buildContext, path, input?.text).flatMap((image) => forImage(file, image, options, buildContext, added, action));
  },
});

/** The change (or refusal) for one image the project ships: tini in front of its command, when it needs one. */
function forImage(file: ParsedDockerfile, image: FinalImage, options: Options, buildContext: BuildContext | null, added: Set<string>, action: DockerAction | null): Finding[] {
  const final = image.stage;
  const command = containerCommand(file, final);
  if (command === null) return [];
  // Where it would act: the final stage's own ENTRYPOINT, else its CMD, else what it inherits.
  const own = (keyword: string) => final.instructions.filter((i) => i.keyword === keyword).at(-1);
  const anchor = (own('ENTRYPOINT') ?? own('CMD') ?? command.entrypoint?.inst ?? command.cmd?.inst)!;
  const refuse = (code: string, reason: string): Finding[] => [refusal(anchor.span.start, code, reason)];
  if (isWindowsStage(file, final)) return refuse('windows', `${windowsStageWhy(file, final)}: tini, like docker run --init, is for Linux containers`);
  // GitHub starts a Docker action's container with \`--entrypoint\` set to the action's runs.entrypoint.
  if (action?.entrypoint != null) {
    return refuse('entrypoint-replaced', `${action.file} runs this image as a Docker container action with \`entrypoint: ${action.entrypoint}\`, which replaces the image's ENTRYPOINT: tini put there would never start`);
  }

  const argv = startArgv(command);
  const verdict: Verdict =
    argv === null
      ? judge(command.cmd?.argv ?? [], { file, stage: final, ctx: buildContext })
      : judge(argv, { file, stage: final, ctx: buildContext, ownEnvironment: !command.entrypointRunsCommand });
  if (verdict.kind === 'fine' || verdict.kind === 'init') return [];
  // \`FROM app AS api\` where both ship: tini put in app would start the other image's command too.
  if (image.shippedOnTop.length > 0) {
    return refuse('built-on', finalImageWhy(image, image.shippedOnTop, `tini at the front of ${stageLabel(final)}'s ENTRYPOINT`, 'dockshift judges the command of each image on its own'));
  }
  const undecided = verdict.kind === 'unknown' || verdict.kind === 'some-paths' ? verdict.why : null;
  const present = initInCommand(file, final, argv ?? command.cmd?.argv ?? []) ?? initInstalled(file, final, undecided);
  if (present !== null) return refuse('has-init', present);
  if (verdict.kind === 'unknown') return refuse('unreadable-script', verdict.why);
  if (verdict.kind === 'some-paths') return refuse('exec-on-some-paths', `the script was read, and ${verdict.why}`);
  const hint = file.comments.find((c) => /--init\b|\binit:\s*true\b/.test(c.text));
  if (hint !== undefined) return refuse('init-hinted', `a comment says the container runs with an init: ${JSON.stringify(hint.text.trim())}`);
  if (argv === null) {
    const ref = resolveBase(file, rootStage(file, final))?.ref;
    const missingTag = ref == null ? null : missingTagWhy(ref);
    const unknown = missingTag === null ? 'is not an image the knowledge base knows, and' : `${missingTag};`;
    return refuse('unknown-base', `${baseText(file, final)} ${unknown} the Dockerfile sets no ENTRYPOINT: the image's own would be replaced, and it may already be an init`);
  }

  const known = knownBaseImage(file, final);
  if (isDistroless(file, final, known)) return refuse('distroless', 'the final image is distroless: it has no shell or package manager to add tini with, and its programs run directly');

  const placement = entrypointEdit(file, final, command);
  if ('code' in placement) return refuse(placement.code, placement.reason);
  const source = tiniSource(file, final, known, options, buildContext, added);
  if ('code' in source) return refuse(source.code, source.reason);

  const edits = [...source.edits, placement.edit(source.path)];
  const why = [
    `${verdict.why}`,
    `tini now runs as PID 1 and starts the command as its child: ${RELAYED[verdict.relay]}; check that nothing relies on the program being PID 1`,
    source.note,
  ].filter((s): s is string => s !== null).join('; ');
  const made = reviewChange(anchor.span.start, `ENTRYPOINT: start the command under tini (${source.how}), so signals reach it and orphans are reaped`, edits, why);
  // Decided from the base image (how tini is installed) and the command as written: a base
  // switch or an exec-form rewrite in the same pass makes it decide again on the new text.
  const read = [command.entrypoint?.inst, command.cmd?.inst].filter((i): i is Instruction => i != null).map((i) => i.span);
  return [dependingOn(made, [...baseImageText(file, final), final.from.span, ...read])];
}

/** What tini in front does for the container's stop, by what stands between it and the program (Relay). */
const RELAYED: Readonly<Record<Relay, string>> = {
  program: 'it passes signals on and reaps orphans',
  shell:
    "it reaps orphans, and passes docker stop's SIGTERM to its child, so the container stops at once rather than after the timeout; a shell that stays between (as said above) ends without passing the signal on, so the program under it is killed as the container stops rather than stopped gracefully (a script that ends in exec hands it the signal)",
  wrapper:
    "it reaps orphans, and passes docker stop's SIGTERM to the package manager, which passes it on as said above: the container stops at once rather than after the timeout, and the program gets the signal only where no shell keeps it",
};

/**
 * An init named in the command after a script or wrapper, which may be meant to become PID 1. A word of a shell's \`-c\`
 * string that holds a variable names what the ENVs give it (\`CMD $APP -- server\` under \`ENV APP=/usr/bin/tini\`), as the
 * shell expands it: an init there is one in the command too. A build argument's default counts, since a refusal is what follows.
 */
function initInCommand(file: ParsedDockerfile, stage: Stage, argv: readonly string[]): string | null {
  for (const [k, arg] of argv.entries()) {
    if (k === 0) continue;
    // A shell's \`-c\` string is one argument: its words are looked at (\`CMD /usr/bin/tini -- server\`, which dash runs as its child).
    const shellString = isCommandString(argv, k);
    for (const word of arg.split(/\s+/).filter((w) => w !== '')) {
      const value = shellString && word.includes('$') ? wordAtStart(file, stage, word) : null;
      const found = (value ?? word).split(/\s+/).find((a) => Object.hasOwn(INIT_PROGRAMS, a.slice(a.lastIndexOf('/') + 1)));
      if (found === undefined) continue;
      const byDefault = value !== null && buildArgumentAtStart(file, stage, word) !== null ? ' with the build arguments at their defaults' : '';
      const named = value === null ? found : `${found} (\`${word}\`${byDefault})`;
      return `${named} is in the command after ${argv[0]}: it is likely meant to run as PID 1 already`;
    }
  }
  return null;
}

/**
 * An init the stage installs or copies in without starting it. `undecided`: why what a script the
 * command runs hands over to is not known (it cannot be read, or hands over on some paths only);
 * that script may be what starts the init, so the reason does not say it is unused.
 */
function initInstalled(file: ParsedDockerfile, stage: Stage, undecided: string | null): string | null {
  const unused = undecided === null ? 'but the command does not start it: put it at the front of the ENTRYPOINT' : `and the command may start it: ${undecided}`;
  for (const s of stageLineage(file, stage)) {
    for (const inst of s.instructions) {
      if (inst.keyword === 'RUN') {
        const body = runBody(file, inst);
        if (!body.ok) continue;
        for (const p of packageCommands(body.parsed)) {
          const name = p.action === 'install' ? p.operands.map((w) => w.value ?? '').find((v) => Object.hasOwn(INIT_PROGRAMS, packageOperandName(v))) : undefined;
          if (name !== undefined) return `${preview(file, inst)} installs ${name} ${unused}`;
        }
      } else if (inst.keyword === 'COPY' || inst.keyword === 'ADD') {
        const dest = copyArguments(file, inst)?.dest ?? '';
        const name = dest.slice(dest.lastIndexOf('/') + 1);
        if (Object.hasOwn(INIT_PROGRAMS, name) && name !== 'init') return `${preview(file, inst)} puts ${name} in the image ${unused}`;
      }
    }
  }
  return null;
}

/** The base image as written, with the image its build arguments' defaults give (`${FROM}`, `node:20` by default). */
function baseText(file: ParsedDockerfile, stage: Stage): string {
  const root = rootStage(file, stage);
  if (root.imageSpan === null) return 'the base image';
  const written = file.text.slice(root.imageSpan.start, root.imageSpan.end);
  const resolved = resolveBase(file, root)?.text ?? null;
  return resolved === null || resolved === written ? `\`${written}\`` : `\`${written}\` (\`${resolved}\` by default)`;
}

function isDistroless(file: ParsedDockerfile, stage: Stage, image: IdentifiedImage | null): boolean {
  if (image !== null) return image.repository.name.startsWith('distroless/') || (image.facts.shell === null && image.facts.packageManager === 'none');
  const root = rootStage(file, stage);
  const written = resolveBase(file, root)?.text ?? '';
  return /(?:^|\/)distroless\/|chiseled/.test(written);
}

type Placement = { readonly edit: (tini: string) => Edit } | { readonly code: string; readonly reason: string };

/** How tini goes in front: into the final stage's ENTRYPOINT, or as a new ENTRYPOINT before its CMD. */
function entrypointEdit(file: ParsedDockerfile, final: Stage, command: ContainerCommand): Placement {
  const own = final.instructions.filter((i) => i.keyword === 'ENTRYPOINT').at(-1);
  const render = (argv: readonly string[]) => `[${argv.map((a) => JSON.stringify(a)).join(', ')}]`;
  if (own !== undefined) {
    if (own.form === 'exec') return { edit: (tini) => prefixExec(file, own, tini) };
    // Shell form: the same shell and script, now as tini's child.
    const argv = command.entrypoint?.argv ?? [];
    const span = own.argsSpan ?? { start: own.keywordSpan.end, end: own.keywordSpan.end };
    const space = own.argsSpan === null ? ' ' : '';
    if (!file.text.slice(span.start, span.end).includes('\n')) return { edit: (tini) => ({ start: span.start, end: span.end, text: `${space}${render([tini, '--', ...argv])}` }) };
    // Continued over several lines (\`ENTRYPOINT \\⏎  openssl req … && \\⏎  nginx\`): the one-line exec form replaces the whole instruction.
    if (commentsBetween(file, own.span.start + 1, own.span.end).length > 0) {
      return { code: 'comment-inside', reason: 'the shell-form ENTRYPOINT runs over several lines with a comment line among them, which its rewrite in exec form, on one line, would lose' };
    }
    const gap = file.text.slice(own.keywordSpan.end, span.start);
    const separator = /^[ \t]+$/.test(gap) ? gap : ' ';
    const word = file.text.slice(own.keywordSpan.start, own.keywordSpan.end);
    return { edit: (tini) => ({ start: own.span.start, end: own.span.end, text: `${word}${separator}${render([tini, '--', ...argv])}` }) };
  }
  const cmd = final.instructions.filter((i) => i.keyword === 'CMD').at(-1);
  if (cmd === undefined) return { code: 'inherited-command', reason: 'the CMD comes from a stage the final stage builds on: an ENTRYPOINT added to the final stage would reset it' };
  // The ENTRYPOINT the container has today (an earlier stage's, or the base image's) stays, behind tini:
  // even one that ends in exec "$@" may set things up first.
  const prefix = command.entrypoint?.argv ?? [];
  const word = instructionHead(file, 'ENTRYPOINT');
  return { edit: (tini) => insertLinesBefore(file, cmd, [`${word}${render([tini, '--', ...prefix])}`]) };
}

/** `["a", "b"]` → `["/usr/bin/tini", "--", "a", "b"]`, keeping the array's own spacing. */
function prefixExec(file: ParsedDockerfile, inst: Instruction, tini: string): Edit {
  const span = inst.argsSpan!;
  const text = file.text.slice(span.start, span.end);
  const open = text.indexOf('[');
  let at = open + 1;
  while (text[at] === ' ' || text[at] === '\t') at++;
  const empty = text[at] === ']';
  const insert = `${JSON.stringify(tini)}, "--"${empty ? '' : ', '}`;
  return { start: span.start + at, end: span.start + at, text: insert };
}

/** Where tini comes from: the stage's package, or a static build copied from an added stage. */
function tiniSource(file: ParsedDockerfile, final: Stage, image: IdentifiedImage | null, options: Options, buildContext: BuildContext | null, added: Set<string>): TiniSource | { code: string; reason: string } {
  const alternative = 'docker run --init, or init: true in a compose file, runs the container under an init without changing the image';
  const user = userAt(file, final.from);
  const pkg = image === null ? null : tiniPackage(image);
  if (pkg !== null && !('unavailable' in pkg) && user !== null && isRoot(user.user)) {
    const joined = existingInstall(file, final, pkg.manager);
    if (joined !== null) return { path: pkg.path, how: `added to the ${pkg.manager} install on line ${joined.inst.line}`, edits: [joined.edit], note: null };
    const edit = insertLinesAfterFrom(file, final.from, [`${instructionHead(file, 'RUN')}${pkg.install}`]);
    return { path: pkg.path, how: `installed with ${pkg.manager}`, edits: [edit], note: null };
  }
  if (options.copyIn) return copyIn(file, final, alternative, added);
  if (pkg !== null && !('unavailable' in pkg)) return { code: 'non-root-user', reason: `the final stage runs as ${user?.user ?? 'an unknown user'} (${user?.from ?? 'the base image'}) where tini would be installed; ${alternative}` };
  if (image !== null && image.facts.packageManager === 'none') return { code: 'no-package-manager', reason: `${image.raw} has no package manager to install tini with; ${alternative}` };
  const inUse = image === null ? packageManagerInUse(file, final, buildContext) : null;
  const why = pkg !== null && 'unavailable' in pkg ? pkg.unavailable : inUse !== null ? `the base image is not one the knowledge base knows, so which release its ${inUse.manager} installs from is not known` : 'the base image is not one the knowledge base knows';
  return { code: 'no-tini-package', reason: `${why}; ${alternative}` };
}

/**
 * An install of the final stage's own, run as root with the manager tini's package comes from, that
 * has run whenever its RUN succeeds (not in an `if`, nor after an `||`): tini joins its packages
 * rather than a RUN of its own repeating the index update. Not apk's `--virtual` (`-t`) group, which
 * is made to be deleted again.
 */
function existingInstall(file: ParsedDockerfile, final: Stage, manager: 'apt' | 'apk'): { inst: Instruction; edit: Edit } | null {
  for (const inst of final.instructions) {
    if (inst.keyword !== 'RUN') continue;
    const user = userAt(file, inst);
    if (user === null || !isRoot(user.user)) continue;
    const body = runBody(file, inst);
    if (!body.ok) continue;
    for (const p of packageCommands(body.parsed)) {
      // A package file (\`./app.deb\`) installs without the index, which tini needs.
      if (p.manager !== manager || p.action !== 'install' || p.operands.length === 0 || p.runner !== null) continue;
      if (p.operands.some((w) => w.value === null || w.value.includes('/') || /\.(?:deb|apk)$/.test(w.value))) continue;
      if (p.options.some((o) => o.name === '--virtual' || o.name === '-t') || !ranWhenDone(body.parsed, p.command)) continue;
      return { inst, edit: appendWords(file, body, p.operands, ['tini']) };
    }
  }
  return null;
}

/**
 * A static tini from a stage of its own, copied into the final stage right after its FROM. The stage is
 * of the final image's platform: the \`--platform\` of the FROM that names its image (the final one's, or
 * that of the stage it builds on), or the one an official image built for one architecture is
 * (\`arm64v8/python\`), which the build platform, the new stage's default, may not be.
 */
function copyIn(file: ParsedDockerfile, final: Stage, alternative: string, added: Set<string>): TiniSource | { code: string; reason: string } {
  const taken = new Set([...added, ...file.stages.map((s) => s.name?.toLowerCase()).filter((n): n is string => n !== undefined)]);
  let name = 'tini';
  for (let n = 2; taken.has(name); n++) name = `tini-${n}`;
  // The stage the final one builds on decides (\`FROM base\` takes base's \`--platform\`).
  const root = rootStage(file, final);
  const platform = root.from.flags.find((f) => f.name.toLowerCase() === 'platform');
  const base = resolveBase(file, root);
  const arch = base?.ref == null ? null : archNamespace(base.ref);
  if (platform === undefined && arch !== null && !ALPINE_ARCHITECTURES.has(arch.namespace)) {
    return { code: 'no-tini-package', reason: `${base!.text} is built for ${arch.platform} only, for which Alpine publishes no image to take a static tini from; ${alternative}` };
  }
  // \`COPY --from=2\` in a stage after the image the project publishes: the new stage before it would shift the number.
  const numbered = numberedReferenceFrom(file, final.index);
  if (numbered !== undefined) {
    return { code: 'numbered-stage', reason: `line ${numbered.inst.line} names a stage by its number (${numbered.target}), which a stage added before ${final.name ?? 'the final stage'} to take tini from would make another; ${alternative}` };
  }
  // A pinned base says the shipped image must not float: the tini it would get from a new stage must be pinned too.
  if (base?.ref?.digest != null) {
    return { code: 'digest-pinned', reason: `${base.text} is pinned by digest, and the stage that brings tini would pull ${TINI_STATIC.image} unpinned: its digest must come from the registry, which dockshift does not ask; ${alternative}` };
  }
  const platformFlag = platform !== undefined ? `${file.text.slice(platform.span.start, platform.span.end)} ` : arch !== null ? `--platform=${arch.platform} ` : '';
  // A blank line on each side, as between the file's own stages.
  const above = attachedComments(file, final.from)[0]?.line ?? final.from.line;
  const separate = above > 1 && file.text.slice(file.lines.startOf(above - 1), file.lines.endOf(above - 1)).trim() !== '';
  const stage = insertLinesBefore(file, final.from, [
    ...(separate ? [''] : []),
    `${instructionHead(file, 'FROM')}${platformFlag}${TINI_STATIC.image} ${keywordCase(file) === 'lower' ? 'as' : 'AS'} ${name}`,
    `${instructionHead(file, 'RUN')}${TINI_STATIC.install}`,
    '',
  ]);
  const copy = insertLinesAfterFrom(file, final.from, [`${instructionHead(file, 'COPY')}--from=${name} ${TINI_STATIC.path} /sbin/tini`]);
  added.add(name);
  return {
    path: '/sbin/tini',
    how: `a static build copied from ${TINI_STATIC.image}`,
    edits: [stage, copy],
    note: `a new build stage pulls ${TINI_STATIC.image}${platform === undefined && arch !== null ? ` for ${arch.platform}, the platform ${base!.text} is built for,` : ''} to take its static tini from`,
  };
}

