import * as posix from 'node:path/posix';
import { logicalText } from '../src/dockerfile/logical.js';
import { removeInstruction } from '../src/dockerfile/edit.js';
import type { Instruction, ParsedDockerfile, Stage } from '../src/dockerfile/types.js';
import { variablesAt } from '../src/dockerfile/variables.js';
import type { BuildContext } from '../src/engine/context.js';
import { defineTransform, refusal, reviewChange, type Edit, type Finding } from '../src/engine/types.js';
import { BASE_REFUSALS, absolutePath, baseOf, cargoCompiles, copiedArtefacts, copyArgs, originOf, sizeEffect, stageCommands, switchEdits, takesFrom, type CopiedArtefact, type PathOrigin } from '../src/analysis/index.js';
import { DISTROLESS_CARRIES, DISTROLESS_GROUPS, DISTROLESS_IMAGES, DISTROLESS_USERS, debianNumber, describeRelease, distrolessImage, fullImageHas, identify, siblingOfKind, unknownReleaseWhy } from '../src/knowledge/index.js';
import type { IdentifiedImage } from '../src/knowledge/types.js';
import { runScripts, runScriptsOf } from '../src/analysis/runScripts.js';
import { copySteps } from '../src/analysis/copiedFiles.js';
import { installedPackages, libraryHeaders } from '../src/analysis/builds/packages.js';
import { lastEntrypoint, stageLineage } from '../src/dockerfile/stages.js';
import { finalImageWhy, finalImages, stageLabel, type FinalImage } from '../src/analysis/scope.js';
import { commandOverrides } from '../src/analysis/compose.js';
import { linkedHeaders, SYS_CRATES, sysCrateForHeaders, type SysCrate } from '../src/knowledge/sysCrates.js';
import { recognise, SHELL_PROGRAMS, shebangOf } from '../src/shell/index.js';
import { SHELL_ONLY, splitWords } from '../src/shell/simpleWords.js';
import type { SimpleCommand } from '../src/shell/index.js';
import { short } from '../src/analysis/pidOne.js';
import { packageOperandName } from '../src/knowledge/packageNames.js';

const RUNTIMES = new Set(['node', 'python', 'eclipse-temurin']);
/** Where a program named without a slash is found (the PATH of these images). */
const PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/**
 * Distroless images hold the runtime and nothing else: no shell, no package
 * manager. The final stage of a multi-stage build moves to one only when
 * nothing in it needs a shell and the program it starts stays the same.
 */
export default defineTransform({
  meta: {
    name: 'distroless-runtime',
    summary: 'Move the final stage of a multi-stage build to the matching distroless image when it needs no shell.',
    docs: `Switches the FROM of the last stage of a multi-stage file to the distroless image that runs what it
runs, on the same C library and Debian release as the stages it copies from. The last stage is the image that ships,
unless the project publishes others with \`--target\` (a workflow, Makefile or bake file that pushes them: each is
taken as well, and a last stage to work in, \`FROM golang AS lint\`, is then left alone) or the last stage tests the
one it builds on (\`FROM app AS test\`: that one ships):
- \`node:<major>\` (Debian) → \`gcr.io/distroless/nodejs<major>-debianN\`, \`python:<minor>\` → \`python3-debianN\` (only
  when distroless's Python is that minor: \`python:3.13-slim\` on trixie → \`python3-debian13\`), \`eclipse-temurin:<major>\`
  → \`java<major>-debian13\`; only images distroless still builds (Debian 12 language images are no longer rebuilt);
- another base (debian, alpine, ubuntu…) whose program is a binary copied from a builder: a static binary (Go
  with \`CGO_ENABLED=0\`, or Go 1.20 and later on an image without a C compiler, such as \`golang:*-alpine\` when
  the stage installs none (no gcc, clang, build-base, alpine-sdk, build-essential… of any version): Go then turns cgo off; Rust for a musl target, \`--target\` or the host of \`rust:*-alpine\`, unless RUSTFLAGS turn crt-static off) → \`static-debianN\`; Go with cgo → \`base-debianN\`; dynamic C/C++/Rust
  → \`cc-debianN\`, N being the builder's Debian release.
The program keeps its arguments: distroless nodejs's ENTRYPOINT is \`/nodejs/bin/node\`, so \`CMD ["node", "server.js"]\`
becomes \`CMD ["server.js"]\` and \`ENTRYPOINT ["node", …]\` names \`/nodejs/bin/node\`; Python's is \`/usr/bin/python3.N\`;
Java's is \`/usr/bin/java -jar\`, so \`CMD ["java", "-jar", "app.jar"]\` becomes \`CMD ["app.jar"]\`, and JVM options
before -jar follow it (\`CMD ["java", "-Xmx256m", "-jar", "app.jar"]\` → \`CMD ["-Xmx256m", "app.jar"]\`: java reads
options up to the jar's name, after -jar too); a CMD that runs java without -jar is refused. A shell-form CMD
that the shell would only split into words is written in exec form. It declares the runtime fact \`command\`
because Python's program changes name (\`python\` → \`python3.13\`); the engine still compares the rest.

Refuses, with the reason:
- \`has-run\`: the stage runs RUN instructions (there is no shell); the reason names the packages it installs that
  distroless lacks, or else the first command that is not such an install (\`chmod +x /usr/bin/mc\`). A RUN whose only effect is installing packages
  every distroless image carries (ca-certificates and tzdata, per distroless's base/README.md: \`apt-get update &&
  apt-get install -y ca-certificates && rm -rf /var/lib/apt/lists/*\`, \`apk add --no-cache ca-certificates\`, with
  \`update-ca-certificates\` unless the stage copies a certificate of its own; \`set -eux\` and variables set to a plain
  value, such as \`export DEBIAN_FRONTEND=noninteractive\`, go with it) is dropped instead, and the change says so, as is
  one that only refreshes the index (\`RUN apt update\` before the RUN that installs). An exec-form RUN needs no shell: one
  that starts the program the container runs, copied from a build stage (a smoke test, \`RUN ["vector", "--version"]\`),
  stays and runs there; one that starts anything else is refused;
- \`shell-form\`: a shell-form CMD/ENTRYPOINT that needs a shell (variables, \`&&\`, pipes…);
- \`shell-script\`: the program is a shell script (\`#!/bin/sh\` entrypoint read from the build context, or not readable);
- \`healthcheck\`: a HEALTHCHECK that runs a program the image will not have (curl, wget, a shell);
- \`program-missing\`: the program is not the runtime (\`npm start\`, \`gunicorn\`) nor a binary copied in (a copy whose
  source a build argument names counts when it writes the program by name: \`COPY --from=build /out/$TARGETARCH/app /bin/\`);
- \`no-distroless\`: no distroless image is still built for this runtime version and Debian release (\`node:20-slim\`
  is bookworm, and nodejs20-debian12 is no longer rebuilt), or the tag's release is not known (a tag rebuilt on a newer
  Debian release, such as \`python:3.12.11\`);
- \`python-version\`: the Python minor cannot be proved to match (a tag without a minor: \`python:3\`);
- \`python-packages\`: files copied from another stage (a venv, site-packages) are not on distroless Python's path
  (set \`PYTHONPATH\` and run it again);
- \`libc-mismatch\`: a stage it copies from is on another C library or Debian release (musl, Ubuntu, bookworm vs trixie),
  or the program's linkage is unknown;
- \`shared-libraries\`: the program is a dynamic binary, on a glibc image, whose build stage installs a library's headers (\`libsystemd-dev\` for a
  journald reader, \`zlib1g-dev\`; for a cargo build not libclang's, \`libclang-dev\`, when its Cargo.lock shows only bindgen
  uses clang-sys: build scripts load it, the binary links none of it), or, built with cargo, whose Cargo.lock has a *-sys crate that links its library from the
  system (libz-sys, when the builder has zlib's headers, as the full rust images do; on a slim one it builds its own), or whose
  Cargo.lock cannot be read (not in the build context) on a builder that has such headers: distroless base and cc carry glibc and libssl (cc also libgcc and libstdc++), not zlib or libsystemd,
  which Debian's slim image has;
- \`unknown-user\`: a USER or a COPY's \`--chown\` names a user distroless does not have (only root, nonroot, nobody), or a group
  it does not have (\`nobody:nogroup\`: distroless's groups are root, nonroot, nobody, tty and staff);
- \`built-on\`: another stage builds on the stage that ships (\`FROM app AS debug\`, or a test stage), and would
  lose its shell and package manager with it;
- \`compose-command\`: a compose service built from the Dockerfile (and no other \`build.target\`) replaces its command
  with a shell (\`command: sh -c "node migrate.js && node server.js"\`), or, on a runtime's image, replaces the CMD at
  all: distroless node, python3 and java start their interpreter with it as arguments (\`command: node worker.js\` would
  run \`node node worker.js\`), and compose files are not rewritten; so does any \`entrypoint:\` (\`""\` too, which clears
  the one the switch writes), and a \`command:\` of an image with no ENTRYPOINT, where it is the program that runs;
- \`digest-pinned\`, \`arg-shared\`, \`arg-default\`: as for slim-base.
Single-stage files, \`scratch\`, stage aliases and unknown images are left alone.`,
    hadolint: [],
    defaultEnabled: false,
    review: 'a base-image switch to distroless: no shell, no package manager, another entrypoint',
    options: {},
    touches: { instructions: { FROM: ['edit'], ARG: ['edit'], CMD: ['edit'], ENTRYPOINT: ['edit'], RUN: ['remove'] }, runtime: ['command'] },
    refusals: {
      'has-run': 'the final stage runs RUN instructions; distroless has no shell',
      'shell-form': 'a shell-form CMD or ENTRYPOINT needs a shell',
      'shell-script': 'the program is a shell script (or cannot be read to tell)',
      healthcheck: 'a HEALTHCHECK runs a program distroless does not have',
      'program-missing': 'the program is neither the runtime nor a binary copied in',
      'no-distroless': 'no distroless image is still built for this runtime and Debian release',
      'python-version': 'the Python minor version cannot be proved to match',
      'python-packages': 'files copied from another stage are not on distroless Python\'s path',
      'libc-mismatch': 'a stage it copies from is on another C library or Debian release',
      'unknown-user': 'a USER or a COPY --chown names a user or group distroless does not have',
      'shared-libraries': 'the binary may link a library of the system that distroless does not carry',
      'built-on': 'another stage builds on the stage that ships, and would lose its shell',
      'compose-command': 'a compose service built from the Dockerfile replaces its command with one that would not run on distroless',
      ...BASE_REFUSALS,
    },
  },
  run(file, { buildContext, path, input }) {
    if (file.stages.length < 2) return [];
    return finalImages(file, buildContext, path, input?.text).flatMap((image) => forFinal(file, image, buildContext, path, input?.text) ?? []);
  },
});

/**
 * Why a compose service built from the Dockerfile (its \`command:\` or \`entrypoint:\`) would not run on
 * \`target\`, or null. A runtime's image starts its interpreter (/nodejs/bin/node, python3, java) with the
 * command as arguments, where the old image ran the command itself (\`command: node migrate.js\` becomes
 * \`node node migrate.js\`), and compose files are not rewritten; on every distroless image a shell is missing.
 */
function composeOverride(file: ParsedDockerfile, ctx: BuildContext | null, dockerfilePath: string | null, text: string | undefined, stage: Stage, target: Target): string | null {
  for (const { file: composeFile, service, key, words } of commandOverrides(ctx, dockerfilePath, text, stage.name, stage === file.stages.at(-1))) {
    const said = `the \`${key}:\` of ${composeFile}'s service ${service} (\`${words.join(' ')}\`)`;
    const program = words[0]?.slice(words[0].lastIndexOf('/') + 1);
    if (program !== undefined && SHELL_PROGRAMS.has(program)) return `${said} runs ${program}, and distroless has no shell`;
    // The switch rewrites the ENTRYPOINT for the new image (\`node\` becomes /nodejs/bin/node); one compose gives is not rewritten.
    if (key === 'entrypoint') return `${said} replaces the ENTRYPOINT the switch writes for ${target.reference}; compose files are not rewritten`;
    const starts = target.image.facts.entrypoint;
    if (target.runtime !== 'binary' && starts !== null && starts.length > 0) {
      return `${said} replaces the CMD, and ${target.reference} starts ${starts.join(' ')} with it as arguments, where the image ran it as it is; compose files are not rewritten`;
    }
    // With no ENTRYPOINT, the command is the program the container runs (a script, say): not checked on the new image.
    if (lastEntrypoint(file, stage) === null) return `${said} replaces the CMD, the program the container runs, which is not checked on ${target.reference}`;
  }
  return null;
}

interface Target {
  readonly reference: string;
  readonly image: IdentifiedImage;
  readonly runtime: 'node' | 'python' | 'java' | 'binary';
  readonly debian: '12' | '13';
}

function forFinal(file: ParsedDockerfile, final: FinalImage, ctx: BuildContext | null, dockerfilePath: string | null, text: string | undefined): Finding | null {
  const { stage } = final;
  if (stage.base.kind !== 'image') return null;
  const base = baseOf(file, stage);
  if (base.kind === 'skip') return null;
  const { image, resolved } = base;
  // Runtimes distroless has (node, python, java), or an OS image running a copied binary.
  if (!RUNTIMES.has(image.repository.name) && image.repository.kind !== 'os') return null;
  const at = stage.from.span.start;
  const no = (code: string, reason: string) => refusal(at, code, reason);
  const own = (k: string) => stage.instructions.filter((i) => i.keyword === k);
  // \`FROM app AS debug\` after the image that ships: the stages built on it would lose their shell too.
  if (final.builtOn.length > 0) {
    return no('built-on', finalImageWhy(final, final.builtOn, `a distroless base for ${stageLabel(stage)}`, 'a stage built on an image with no shell and no package manager can run no RUN and no shell-form command'));
  }

  // A RUN that only installs what every distroless image carries (ca-certificates, tzdata) is dropped.
  const dropped: { inst: Instruction; packages: readonly string[] }[] = [];
  // An exec-form RUN starts its program with no shell (\`RUN ["vector", "--version"]\`, a smoke test): checked below.
  const execRuns: Instruction[] = [];
  for (const run of own('RUN')) {
    if (run.form === 'exec' && (run.execArgs?.length ?? 0) > 0) {
      execRuns.push(run);
      continue;
    }
    const install = carriedInstall(file, stage, run);
    if ('beyond' in install && addsCertificate(file, stage) && /\bupdate-ca-certificates\b/.test(file.text.slice(run.span.start, run.span.end))) {
      return no('has-run', `line ${run.line} runs update-ca-certificates after the stage copies a certificate of its own, which distroless's bundle would not have; distroless has no shell`);
    }
    if ('beyond' in install) return no('has-run', `line ${run.line} ${install.beyond}; distroless has no shell to run a RUN`);
    dropped.push({ inst: run, packages: install.packages });
  }
  const user = own('USER').at(-1);
  const [userName = null, groupName = null] = user === undefined || user.argsSpan === null ? [] : file.text.slice(user.argsSpan.start, user.argsSpan.end).trim().split(':');
  if (userName !== null && !DISTROLESS_USERS.has(userName) && !/^\d+$/.test(userName)) return no('unknown-user', `USER ${userName} (line ${user!.line}): distroless has only root, nonroot and nobody`);
  if (groupName !== null && !DISTROLESS_GROUPS.has(groupName) && !/^\d+$/.test(groupName)) {
    return no('unknown-user', `USER ${userName}:${groupName} (line ${user!.line}): distroless has no group ${groupName} (its groups are ${[...DISTROLESS_GROUPS].join(', ')}), so the container would not start`);
  }
  // A COPY's --chown is looked up in the new image's /etc/passwd and /etc/group when it builds.
  for (const copy of [...own('COPY'), ...own('ADD')]) {
    const chown = copy.flags.find((f) => f.name.toLowerCase() === 'chown')?.value;
    if (chown == null || chown.includes('$')) continue;
    const [owner = '', group = null] = chown.split(':');
    if (owner !== '' && !DISTROLESS_USERS.has(owner) && !/^\d+$/.test(owner)) return no('unknown-user', `line ${copy.line} copies with --chown=${chown}: distroless has no user ${owner} (only root, nonroot and nobody), so the ${copy.keyword} would fail`);
    if (group !== null && !DISTROLESS_GROUPS.has(group) && !/^\d+$/.test(group)) {
      return no('unknown-user', `line ${copy.line} copies with --chown=${chown}: distroless has no group ${group} (its groups are ${[...DISTROLESS_GROUPS].join(', ')}), so the ${copy.keyword} would fail`);
    }
  }

  const entrypoint = own('ENTRYPOINT').at(-1) ?? null;
  const cmd = own('CMD').at(-1) ?? null;
  const ep = entrypoint === null ? null : argvOf(file, entrypoint);
  const cm = cmd === null ? null : argvOf(file, cmd);
  for (const [inst, argv] of [[entrypoint, ep], [cmd, cm]] as const) {
    if (inst !== null && argv === null) return no('shell-form', `line ${inst.line}: ${inst.keyword} needs a shell to run`);
  }
  const program = ep ?? cm;
  // The program: a script that needs a shell?
  if (program !== null && program.length > 0) {
    const inst = entrypoint ?? cmd!;
    // argvOf gives only what runs without a shell (\`sh -c "cd x && ./run"\` runs sh), so no \`cd\` precedes it: the WORKDIR holds.
    const paths = program[0]!.includes('/') ? [absolutePath(file, inst, program[0]!)] : PATH.map((d) => `${d}/${program[0]}`);
    const origin = paths.map((p) => (p === null ? null : originOf(file, inst, p, ctx))).find((o) => o !== null) ?? null;
    if (origin?.kind === 'context') {
      const text = ctx?.read(origin.path) ?? null;
      if (text === null) return no('shell-script', `${origin.path}, the program, is not in the build context dockshift can read to tell whether it is a shell script`);
      const shebang = shebangOf(text);
      if (shebang !== null && SHELL_PROGRAMS.has(shebang.program)) return no('shell-script', `${origin.path} starts with #!${shebang.line}: a shell script, and distroless has no shell`);
    }
    const shebang = origin?.kind === 'inline' && origin.text !== null ? shebangOf(origin.text) : null;
    if (origin?.kind === 'inline' && shebang !== null && SHELL_PROGRAMS.has(shebang.program)) {
      return no('shell-script', `the ${origin.inst.keyword} on line ${origin.inst.line} writes the program from a heredoc that starts with #!${shebang.line}: a shell script, and distroless has no shell`);
    }
  }

  // It runs on distroless as the container's program does when it starts that program, copied from a build stage.
  const programAt = program === null || program.length === 0 ? null : programOrigin(file, entrypoint ?? cmd!, program[0]!, ctx);
  for (const run of execRuns) {
    const argv = run.execArgs!;
    const runs = programOrigin(file, run, argv[0]!, ctx);
    if (programAt === null || runs?.path !== programAt.path || copiedFrom(file, run, argv[0]!, ctx) === null) {
      return no('has-run', `line ${run.line} runs \`${short(argv.join(' '))}\` in exec form, which needs no shell, but not the program the container starts, copied from a build stage: whether distroless can run it is not known`);
    }
  }

  const artefacts = copiedArtefacts(file, stage, ctx);
  const target = chooseTarget(file, stage, image, program, artefacts, ctx);
  if ('code' in target) return no(target.code, target.reason);
  const override = composeOverride(file, ctx, dockerfilePath, text, stage, target);
  if (override !== null) return no('compose-command', override);

  for (const hc of own('HEALTHCHECK')) {
    const text = hc.argsSpan === null ? '' : logicalText(file.text, hc.argsSpan.start, hc.argsSpan.end, file.escape).text.trim();
    if (/^NONE$/i.test(text)) continue;
    const exec = /^CMD\s+(\[[\s\S]*\])$/i.exec(text);
    const first = exec === null ? null : (JSON.parse(exec[1]!) as string[])[0];
    if (first == null || copiedFrom(file, hc, first, ctx) === null) return no('healthcheck', `line ${hc.line}: HEALTHCHECK runs ${first ?? 'a shell command'}, which ${target.reference} does not have`);
  }

  const edits: Edit[] = [];
  const from = switchEdits(file, stage, resolved, target.reference);
  if (!from.ok) return no(from.code, from.reason);
  edits.push(...from.edits);
  const argvEdits = keepArgv(file, target, entrypoint, ep, cmd, cm);
  if ('code' in argvEdits) return no(argvEdits.code, argvEdits.reason);
  edits.push(...argvEdits.edits);
  for (const d of dropped) {
    const removal = removeInstruction(file, d.inst);
    const what = d.packages.length === 0 ? 'installs no package' : `installs ${d.packages.join(', ')}, which ${target.reference} has`;
    if (removal === null) return no('has-run', `line ${d.inst.line} ${what}, but shares its line with another instruction, so it cannot be dropped`);
    edits.push(removal);
  }
  const written = resolved.text ?? resolved.written;
  const size = sizeEffect(written, image.facts.size, target.reference, target.image.facts.size);
  const carried = [...new Set(dropped.flatMap((d) => d.packages))];
  const installs = carried.length === 0 ? 'it installs no package, only refreshes or cleans the package index' : `it installs ${carried.join(' and ')}, which ${target.reference} already has`;
  const droppedNote = dropped.length === 0 ? '' : `; drops the RUN on line ${dropped.map((d) => d.inst.line).join(', ')}: ${installs}`;
  const why = `distroless has no shell and no package manager (debug with the :debug tag); ${target.runtime === 'python' ? `the program is now ${target.image.facts.entrypoint?.[0] ?? 'python3'}; ` : ''}check files the program reads from the old image (certificates, time zones, /etc/passwd entries)`;
  return reviewChange(at, `${written} → ${target.reference}${droppedNote}`, edits, why, size);
}

/**
 * The packages `run` installs when that is all it does (none, for a RUN that only refreshes the index): refresh the package index, install
 * packages every distroless image already carries (DISTROLESS_CARRIES: ca-certificates and tzdata,
 * per distroless's base/README.md), clean the manager's caches. Otherwise what it does beyond that,
 * for the refusal: the packages distroless lacks, or the first command that is not such a step
 * (a time zone set, a file written), or that it cannot be read.
 */
function carriedInstall(file: ParsedDockerfile, stage: Stage, run: Instruction): { readonly packages: readonly string[] } | { readonly beyond: string } {
  const scripts = runScriptsOf(file, run);
  if (scripts.length === 0 || scripts.some((s) => s.parsed === null)) return { beyond: 'runs a script dockshift cannot read' };
  const packages: string[] = [];
  const missing: string[] = [];
  // The command to name: a package distroless lacks says most, then a command that changes the image, then an echo.
  let other: { readonly command: string; readonly prints: boolean } | null = null;
  for (const script of scripts) {
    const runs = (c: SimpleCommand) => {
      const prints = (c.name === 'echo' || c.name === 'printf') && c.redirects.length === 0 && !c.pipedOut;
      if (other === null || (other.prints && !prints)) other = { command: short(script.text.slice(c.start, c.end)), prints };
    };
    for (const c of script.parsed!.commands) {
      if (c.redirects.length > 0 || c.background || c.pipedOut || c.negated) {
        runs(c);
        continue;
      }
      // `set -eux` only changes how the shell runs the rest, and so does setting a variable to a plain value
      // (`export DEBIAN_FRONTEND=noninteractive`, `LANG=C.UTF-8`): what it is set for goes with the RUN.
      if (c.name === 'set' && c.args.every((a) => a !== null && /^[-+][a-z]+$/.test(a))) continue;
      const setsOnly = c.words.length === 0 || (c.name === 'export' && c.args.length === c.assigns.length);
      if (setsOnly && c.assigns.length > 0 && c.assigns.every((a) => a.value !== null)) continue;
      // Rebuilding the bundle from the packages' certificates only: distroless ships that bundle. A
      // certificate the stage adds (/usr/local/share/ca-certificates) would be lost, so it stays a RUN.
      if (c.name === 'update-ca-certificates' && c.args.every((a) => a === '--fresh' || a === '-f') && !addsCertificate(file, stage)) continue;
      const r = recognise(c);
      if (r?.kind === 'remove-files' && r.paths.every((p) => p.cache !== null)) continue;
      if (r?.kind !== 'package' || (r.manager !== 'apt' && r.manager !== 'apk') || r.sudo !== null) {
        runs(c);
        continue;
      }
      if (r.action === 'update' || r.action === 'clean') continue;
      if (r.action !== 'install' || r.optionValue('--virtual', '-t') != null || r.operands.length === 0) {
        runs(c);
        continue;
      }
      for (const w of r.operands) {
        if (w.value === null) {
          missing.push(`${w.raw} (only known at build time)`);
          continue;
        }
        // Only the distro's own package is distroless's: not one of another release, architecture or repository
        // (\`ca-certificates/bookworm-backports\`), nor a local package file, which may be a build of its own.
        const name = /[/:@]/.test(w.value) ? null : packageOperandName(w.value);
        if (name !== null && DISTROLESS_CARRIES.includes(name)) packages.push(name);
        else missing.push(w.value);
      }
    }
  }
  if (missing.length > 0) {
    const names = [...new Set(missing)];
    const shown = names.length > 4 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more packages` : names.join(', ');
    return { beyond: `installs ${shown}, which distroless lacks (of what a RUN installs, it carries only ${DISTROLESS_CARRIES.join(' and ')})` };
  }
  const named = other as { readonly command: string } | null;
  if (named !== null) return { beyond: `runs \`${named.command}\`` };
  // A RUN that only refreshes the index (`RUN apt update` before the RUN that installs) goes too: distroless has no use for it.
  return { packages: [...new Set(packages)] };
}

/** Whether the stage copies a certificate of its own where update-ca-certificates reads them. */
function addsCertificate(file: ParsedDockerfile, stage: Stage): boolean {
  return copySteps(file, stage).some((step) => step.dest === null || step.dest.startsWith('/usr/local/share/ca-certificates') || step.dest.startsWith('/etc/ssl/certs'));
}

/** The argv of an exec-form instruction, or of a shell form that only splits words; null when it needs a shell. */
function argvOf(file: ParsedDockerfile, inst: Instruction): string[] | null {
  if (inst.form === 'exec') return [...(inst.execArgs ?? [])];
  if (inst.argsSpan === null) return [];
  const words = splitWords(logicalText(file.text, inst.argsSpan.start, inst.argsSpan.end, file.escape).text);
  if (!Array.isArray(words)) return null;
  const argv = words[0] === 'exec' ? words.slice(1) : words;
  if (argv.length === 0 || SHELL_ONLY.has(argv[0]!) || /^[A-Za-z_]\w*=/.test(argv[0]!)) return null;
  return argv;
}

/** Where the program run by `inst` is, and which instruction put it there; null when none of this Dockerfile did. */
function programOrigin(file: ParsedDockerfile, inst: Instruction, program: string, ctx: BuildContext | null): { readonly path: string; readonly origin: PathOrigin } | null {
  const paths = program.includes('/') ? [absolutePath(file, inst, program)] : PATH.map((d) => `${d}/${program}`);
  for (const path of paths) {
    const origin = path === null ? null : originOf(file, inst, path, ctx);
    if (origin !== null) return { path: path!, origin };
  }
  return null;
}

/**
 * The copy of a build stage's output that put the program there. A copy whose source a build argument
 * names (\`COPY --from=build /out/$TARGETARCH/app /bin/app\`) brings that stage's build all the same,
 * when it writes the program under its own name.
 */
function copiedFrom(file: ParsedDockerfile, inst: Instruction, program: string, ctx: BuildContext | null): CopiedArtefact | null {
  const found = programOrigin(file, inst, program, ctx);
  if (found === null) return null;
  const { path, origin } = found;
  const traced = origin.kind === 'stage' ? origin.stage !== null : origin.kind === 'unknown' && writesByName(file, origin.inst, path);
  if (!traced) return null;
  const stage = file.stages[inst.stage]!;
  return copiedArtefacts(file, stage, ctx).find((a) => a.inst === origin.inst && a.stage !== null) ?? null;
}

/**
 * The COPY writes \`path\` whatever its sources' variables hold: its one source copied to that path, or a
 * source of that file name (itself free of variables and globs) copied into the folder holding it.
 */
function writesByName(file: ParsedDockerfile, inst: Instruction, path: string): boolean {
  const args = copyArgs(file, inst);
  if (typeof args === 'string') return false;
  const dest = absolutePath(file, inst, args.dest);
  if (dest === null) return false;
  if (args.sources.length === 1 && !args.dest.endsWith('/') && dest === path) return true;
  const name = posix.basename(path);
  return posix.dirname(path) === (dest.replace(/(?<=.)\/+$/, '')) && args.sources.some((src) => !/[$*?[]/.test(posix.basename(src)) && posix.basename(src) === name);
}

function debianOf(image: IdentifiedImage | null): '12' | '13' | null {
  const r = image?.release.release;
  if (r == null || r.family !== 'debian') return null;
  const n = debianNumber(r.name);
  return n === '12' || n === '13' ? n : null;
}

type Refuse = { code: string; reason: string };

/** Why a runtime image has no distroless sibling: its release is unknown, or distroless no longer builds (or never built) that version on it. */
function noDistroless(image: IdentifiedImage): string {
  if (image.release.release === null) return `no distroless image can be chosen for ${image.raw}: ${unknownReleaseWhy(image)}`;
  const debian = debianOf(image);
  const kind = image.repository.name === 'node' ? 'nodejs' : image.repository.name === 'python' ? 'python3' : 'java';
  const major = image.resolvedVersion?.split('.')[0] ?? null;
  const old = DISTROLESS_IMAGES.find((d) => d.kind === kind && d.debian === debian && d.status === 'no-longer-built' && (kind === 'python3' || d.runtimeVersion === major));
  if (old !== undefined) return `${image.raw} is on Debian ${debian} (${image.release.release.name}), and ${old.repository} is no longer rebuilt (it gets no security updates)`;
  if (debian !== null) return `no distroless image is still built for ${image.raw} (Debian release ${debian})`;
  // distroless is built on Debian only: name the release the image is on (Alpine 3.24, Debian 11 bullseye).
  return `no distroless image is still built for ${image.raw}: it is on ${describeRelease({ kind: 'named', release: image.release.release })}, and distroless only on Debian 12 and 13`;
}

function chooseTarget(file: ParsedDockerfile, stage: Stage, image: IdentifiedImage, program: readonly string[] | null, artefacts: readonly CopiedArtefact[], ctx: BuildContext | null): Target | Refuse {
  const repo = image.repository.name;
  if (repo === 'node' || repo === 'python' || repo === 'eclipse-temurin') {
    if (repo === 'python' && (image.version === null || !/^\d+\.\d+/.test(image.version))) {
      return { code: 'python-version', reason: `${image.raw} names no Python minor version, so it cannot be proved to match distroless's` };
    }
    const sibling = siblingOfKind(image, 'distroless');
    if (sibling === null) return { code: 'no-distroless', reason: noDistroless(image) };
    const debian = debianOf(sibling.image) ?? '13';
    if (repo === 'python') {
      const pythonPath = variablesAt(file, stage.instructions.at(-1) ?? stage.from).get('PYTHONPATH');
      // The copy of what a stage's pip or uv installed is the one to name; another (a Debian package's files) only when there is none.
      const copied = artefacts.find((a) => a.stage !== null && a.build === 'packages') ?? artefacts.find((a) => a.stage !== null);
      const what = copied?.build === 'packages' ? 'packages installed there are' : 'what it copies is';
      if (copied !== undefined && pythonPath === undefined) return { code: 'python-packages', reason: `line ${copied.inst.line} copies from ${copied.from}; ${what} not on ${sibling.reference}'s sys.path (no PYTHONPATH)` };
    }
    if (repo !== 'eclipse-temurin') {
      for (const a of artefacts) {
        if (a.stage === null || a.build === 'none') continue;
        const builderDebian = debianOf(a.builder);
        if (a.builder?.facts.libc !== 'glibc' || builderDebian !== debian) {
          return { code: 'libc-mismatch', reason: `line ${a.inst.line} ${takesFrom(a)}, built on ${a.builder?.raw ?? 'an unknown image'}, not glibc on Debian ${debian} like ${sibling.reference}` };
        }
      }
    }
    return { reference: sibling.reference, image: sibling.image, runtime: repo === 'node' ? 'node' : repo === 'python' ? 'python' : 'java', debian };
  }
  if (program === null || program.length === 0) return { code: 'program-missing', reason: 'the stage sets no ENTRYPOINT or CMD to run a copied binary' };
  const inst = stage.instructions.filter((i) => i.keyword === 'ENTRYPOINT' || i.keyword === 'CMD').at(-1)!;
  const artefact = copiedFrom(file, inst, program[0]!, ctx);
  if (artefact === null) {
    const origin = programOrigin(file, inst, program[0]!, ctx)?.origin;
    const why = origin?.kind === 'unknown' ? `cannot be traced to a build stage's output: ${origin.why}` : `is not a binary copied from a build stage (it comes from ${image.raw} or the build context)`;
    return { code: 'program-missing', reason: `${program[0]} ${why}` };
  }
  const l = artefact.linkage;
  const builderDebian = debianOf(artefact.builder);
  let kind: 'static' | 'base' | 'cc';
  let debian: '12' | '13';
  if (l.kind === 'static') {
    kind = 'static';
    debian = builderDebian ?? '13';
  } else if (l.kind === 'dynamic' && l.libc === 'glibc' && builderDebian !== null) {
    kind = artefact.build === 'go' ? 'base' : 'cc';
    debian = builderDebian;
  } else {
    // A glibc build on an image whose Debian release is not recorded (an old tag): say that, not that it is not glibc.
    const release = artefact.builder?.release;
    const unrecorded =
      l.kind === 'dynamic' && l.libc === 'glibc' && release?.kind === 'repository-default' && release.family === 'debian' && release.release === null
        ? `, and ${unknownReleaseWhy(artefact.builder!)}`
        : '';
    return { code: 'libc-mismatch', reason: `${program[0]} comes from ${stageWord(artefact.from)} (line ${artefact.inst.line}): ${l.why}${l.kind === 'dynamic' ? ` on ${artefact.builder?.raw ?? 'an unknown image'}` : ''}${unrecorded}; distroless needs a static binary or glibc of Debian 12 or 13` };
  }
  const d = distrolessImage(kind, debian);
  const target = d === null ? null : identify(d.repository);
  if (d === null || target === null) return { code: 'no-distroless', reason: `no distroless ${kind} image for Debian ${debian}` };
  // On an image of another C library (alpine) the binary runs only if it needs none of the image's libraries.
  const libraries = kind === 'static' || image.facts.libc !== 'glibc' ? null : systemLibraries(file, artefact, ctx);
  if (libraries !== null) {
    const carries = kind === 'cc' ? 'glibc, libssl, libgcc and libstdc++' : 'glibc and libssl';
    return { code: 'shared-libraries', reason: `${program[0]} comes from ${stageWord(artefact.from)} (line ${artefact.inst.line}), a dynamic binary that ${libraries}: ${d.repository} does not have it (of libraries it carries only ${carries})` };
  }
  return { reference: d.repository, image: target, runtime: 'binary', debian };
}

/** A COPY's --from as a reason names it: `stage 0` for a stage given by number, else the name as written. */
function stageWord(from: string): string {
  return /^\d+$/.test(from) ? `stage ${from}` : from;
}

/**
 * Why a dynamic binary may link a library of the system beyond what distroless carries, said for the refusal;
 * null when nothing says so. Its stage (or one it builds on) installs a library's headers (\`libsystemd-dev\`,
 * \`zlib1g-dev\`: a cgo or C build links what it compiles against), or, for Rust, the Cargo.lock its cargo build reads has a
 * *-sys crate that links its library from the system (libz-sys). OpenSSL's headers and crates are left out:
 * distroless base and cc carry libssl.
 */
function systemLibraries(file: ParsedDockerfile, artefact: CopiedArtefact, ctx: BuildContext | null): string | null {
  const source = artefact.stage === null ? undefined : file.stages[artefact.stage];
  if (source === undefined) return null;
  const carried = (c: SysCrate | null) => c?.carriedBy.includes('distroless') === true;
  const scripts = stageLineage(file, source).flatMap((s) => runScripts(file, s));
  // The Cargo.lock a cargo build of the stage reads: its project's, the nearest above the folder it runs in
  // (\`COPY server/ .\` reads server/Cargo.lock of the context), with the Cargo.toml whose features count.
  const builds = artefact.build !== 'rust' ? [] : stageLineage(file, source).flatMap((s) => stageCommands(file, s, ctx).commands).map((c) => cargoCompiles(file, c, ctx));
  const cargo = builds.filter((c) => c?.kind === 'crates');
  const lock = cargo[0] === undefined ? null : (ctx?.read(cargo[0].lock) ?? null);
  // A cargo build's libclang headers are bindgen's, which build scripts run: not linked unless a crate of the binary uses clang-sys.
  const installed = libraryHeaders(installedPackages(scripts).ever);
  const headers = (artefact.build === 'rust' ? linkedHeaders(installed, lock) : installed).filter((h) => !carried(sysCrateForHeaders(h)));
  if (headers.length > 0) return `may link the ${headers.length > 1 ? 'libraries' : 'library'} of ${headers.join(', ')}, which its stage installs`;
  if (artefact.build !== 'rust' || ctx === null) return null;
  // A crate that builds its own copy when pkg-config finds no system library (libz-sys) links the system's only where the builder has its headers.
  const headersThere = (c: SysCrate) => c.buildNeeds.length > 0 || (artefact.builder !== null && c.headers.some((h) => fullImageHas(artefact.builder!, h)));
  const linked = cargo.flatMap((c) => c.crates.filter((crate) => !carried(crate) && headersThere(crate)).map((crate) => ({ crate, lock: c.lock })));
  const first = linked[0];
  if (first !== undefined) return `links ${first.crate.library} from the system (${first.lock} has ${first.crate.crate})`;
  // No Cargo.lock to read: on a builder with their headers, cargo may link what distroless lacks (libz-sys links the zlib pkg-config finds).
  const unknown = cargo.length === 0 ? builds.find((c) => c?.kind === 'unknown') : undefined;
  const builder = artefact.builder;
  const present = unknown === undefined || builder === null ? [] : SYS_CRATES.filter((c) => !carried(c) && c.headers.some((h) => fullImageHas(builder, h)));
  if (unknown === undefined || builder === null || present.length === 0) return null;
  return `may link ${present.map((c) => c.library).join(', ')} from the system, whose headers ${builder.raw} has (${unknown.why})`;
}

/** Edits that keep the program and its arguments under the distroless image's ENTRYPOINT. */
function keepArgv(file: ParsedDockerfile, target: Target, entrypoint: Instruction | null, ep: string[] | null, cmd: Instruction | null, cm: string[] | null): { edits: Edit[] } | Refuse {
  const edits: Edit[] = [];
  const write = (inst: Instruction, argv: readonly string[]) => {
    const keyword = file.text.slice(inst.keywordSpan.start, inst.keywordSpan.end);
    edits.push({ start: inst.span.start, end: inst.span.end, text: `${keyword} [${argv.map((a) => JSON.stringify(a)).join(', ')}]` });
  };
  const runtimePath = target.image.facts.entrypoint ?? [];
  const isRuntime = (p: string) => {
    const name = posix.basename(p);
    if (target.runtime === 'node') return name === 'node';
    if (target.runtime === 'python') return /^python(?:3(?:\.\d+)?)?$/.test(name);
    if (target.runtime === 'java') return name === 'java';
    return false;
  };
  if (target.runtime === 'binary') {
    if (entrypoint !== null && entrypoint.form !== 'exec') write(entrypoint, ep!);
    if (cmd !== null && cmd.form !== 'exec') write(cmd, cm!);
    return { edits };
  }
  if (entrypoint !== null) {
    if (ep!.length === 0 || !isRuntime(ep![0]!)) return { code: 'program-missing', reason: `ENTRYPOINT runs ${ep![0] ?? 'nothing'}, which ${target.reference} does not have` };
    if (target.runtime === 'java') {
      if (entrypoint.form !== 'exec') write(entrypoint, ep!);
    } else write(entrypoint, [runtimePath[0]!, ...ep!.slice(1)]);
    if (cmd !== null && cmd.form !== 'exec') write(cmd, cm!);
    return { edits };
  }
  if (cmd === null) return { code: 'program-missing', reason: 'the stage sets no CMD; the old image\'s default command is not distroless\'s' };
  if (cm!.length === 0 || !isRuntime(cm![0]!)) return { code: 'program-missing', reason: `CMD runs ${cm![0] ?? 'nothing'}, which ${target.reference} does not have` };
  // The image's ENTRYPOINT is the runtime (java's with -jar): the CMD keeps only what follows.
  const rest = cm!.slice(1);
  const extra = runtimePath.slice(1);
  if (target.runtime === 'java' && extra.length === 1 && extra[0] === '-jar') {
    // java reads options up to the first word that is not one, before or after -jar: `java -jar -Xmx256m app.jar`
    // runs as `java -Xmx256m -jar app.jar`, so JVM options move behind the image's `-jar`.
    const jar = rest.indexOf('-jar');
    if (jar === -1 || jar === rest.length - 1) return { code: 'program-missing', reason: `CMD ${JSON.stringify(cm)} runs java without -jar <file>, and ${target.reference} runs \`java -jar\` (its ENTRYPOINT): only a jar can run there` };
    write(cmd, [...rest.slice(0, jar), ...rest.slice(jar + 1)]);
    return { edits };
  }
  if (extra.some((a, i) => rest[i] !== a)) return { code: 'program-missing', reason: `CMD ${JSON.stringify(cm)} does not start with ${JSON.stringify([cm![0], ...extra])}, the image's ENTRYPOINT` };
  write(cmd, rest.slice(extra.length));
  return { edits };
}
