import { beforeAll, describe, expect, it } from 'vitest';
import { anchors, corpusPresent, loadCorpus, noticeIfNoCorpus, renderReport, sweepCorpus, type CorpusReport } from '../bench/corpus.js';
import { runPipeline } from '../src/engine/pipeline.js';
import { allTransforms } from '../src/engine/select.js';
import { checkRewrite, everyTransform, idempotent, type Rule } from './helpers/checks.js';

/**
 * Every file of ../shared/corpus, with no transform, with each transform alone
 * and with all of them (default and opt-in) together. `npm run corpus` prints
 * the same table; this is the form that runs in `npm test`.
 */
noticeIfNoCorpus('corpus sweep');

describe.skipIf(!corpusPresent())('the corpus', () => {
  let report: CorpusReport;

  // One sweep per transform and one with all: minutes on a loaded 2-core machine. The limit
  // only catches a hang; it does not time anything.
  beforeAll(() => {
    const started = performance.now();
    report = sweepCorpus(loadCorpus(), { alone: true });
    console.log(renderReport(report, (performance.now() - started) / 1000));
  }, 900_000);

  it('is the 562-file corpus', () => {
    expect(report.files).toBe(562);
  });

  it('round-trips every readable file byte for byte with no transform', () => {
    expect(report.roundTripMismatches).toEqual([]);
  });

  it('rejects only a few files, all of them invalid input (BuildKit negative tests, templates)', () => {
    // 21: a Maven-filtered Dockerfile (\`COPY maven/\${project.build.finalName}.war\`), which BuildKit cannot expand.
    // 22: a template's \`-u <<UID>>\`, a heredoc no line closes, which BuildKit rejects.
    expect(report.inputErrors.length).toBeLessThanOrEqual(22);
    for (const e of report.inputErrors) {
      expect(e.file).toMatch(/buildkit__frontend__dockerfile__parser__testfiles|broken-dockerfiles|devcontainers__images__build__assets|docker-parfum__tests__data/);
    }
  });

  it('runs every registered transform, alone and together', () => {
    const names = allTransforms().map((t) => t.meta.name);
    expect(report.runs.map((r) => r.label)).toEqual([...names, 'all']);
  });

  it('never fails a file because of a transform', () => {
    expect(report.runs.flatMap((r) => r.errors.map((e) => `${r.label} ${e.file}: ${e.message}`))).toEqual([]);
  });

  it('never breaks a file: every rewrite re-parses, keeps everything else, stays valid shell and is idempotent', () => {
    expect(report.runs.flatMap((r) => r.violations.map((v) => `${r.label} ${v.file}: ${v.rule}: ${v.message}`))).toEqual([]);
    expect(anchors(report)).toMatchObject({ invalidShell: 0, changedOnSecondRun: 0, lostFinalNewline: 0, bomOrEolChanged: 0 });
  });

  it('changes some files (the sweep is not vacuous)', () => {
    expect(report.runs.find((r) => r.label === 'all')!.filesChanged).toBeGreaterThan(0);
  });

  /**
   * Each transform's figures, pinned: a transform that silently stops rewriting (or starts
   * rewriting more) fails here. Update a row deliberately, with the reason in the commit.
   */
  it('each transform changes and refuses what it did before', () => {
    const figures = Object.fromEntries(
      report.runs.map((r) => [r.label, { files: r.filesChanged, changes: r.changes, refused: [...r.refusals.values()].reduce((a, b) => a + b, 0) }]),
    );
    expect(figures).toEqual(PINNED);
  });
});

const PINNED = {
  // The corpus has no build contexts: multi-stage can only refuse here (its fixtures show its rewrites).
  // A last stage built on a stage that copies the build (`FROM base`) is already split (several-stages 29 → 25).
  // A global npm install on a Jupyter notebook image (now known, and no language's builder) is no build to split
  // (unknown-image 28 → 27).
  // A last stage that takes the build through a RUN's mount (`--mount=from=builder`) is split too (several-stages 25 → 21).
  // CentOS is known: four make builds on centos:7 are refused as having no runtime image, no longer as an unknown
  // image; and a Jupyter recipe's npm install on base-notebook, silent before, now says so (no-runtime): 1 more.
  // BuildKit's \`FROM buildkit-$TARGETOS\` stage builds on the stage the platform picks, which copies the build: not
  // a stage that copies nothing (1 refusal fewer).
  // A last stage that stands alone beside other stages is judged as a single-stage file's: two of shipwright's broken
  // Dockerfiles build nothing there to split, which is said of no single stage either (several-stages: 2 fewer).
  'multi-stage': { files: 0, changes: 0, refused: 126 },
  // A CMD on a base image it does not know keeps shell form (unknown-entrypoint 2).
  'exec-form': { files: 19, changes: 21, refused: 17 },
  // Go built on golang:alpine with no C compiler is static (Go 1.20 and later turn cgo off).
  // A final stage on centos:latest, now known, is refused for its yum RUN (has-run).
  'distroless-runtime': { files: 8, changes: 8, refused: 27 },
  // Alpine variants have no compilers, curl or git: stages that call them are refused (missing-tool).
  // A .NET app published with `-a $TARGETARCH` on a glibc SDK has a glibc apphost: refused (glibc-binary).
  // php:7.2 running `pecl install` needs phpize's autoconf and compilers, which only the Debian variant keeps (missing-tool).
  // elixir is known: bors-ng's stage that runs curl and git on it is refused (unknown-needs), no longer skipped.
  'alpine-base': { files: 6, changes: 6, refused: 40 },
  // A JDK with no slim variant goes to its JRE where nothing needs the JDK: openjdk:11.0.2-slim running a built jar
  // (1 change); the two Tomcat images that build tomcat-native on openjdk's jdk-slim are refused (unknown-needs, 2).
  // elixir is known: bors-ng's stage is refused (unknown-needs: it runs mix), no longer skipped.
  'slim-base': { files: 12, changes: 12, refused: 26 },
  // The corpus has no build contexts: each whole-source COPY before an install is refused,
  // mostly because its manifest is not there (manifest-missing 8, install-location 2, step-needs-source 1).
  'deps-first': { files: 0, changes: 0, refused: 11 },
  // No merge across a comment line (comment-between 328) and none in stages that do not ship.
  // A RUN that only sets shell state (`RUN export FLASK_APP=app.py`, `RUN cd /tmp`) is left apart: no-effect 2.
  // The `<<UID>>` template, now rejected as input: 1 file, 2 changes and 4 refusals fewer.
  // docker-library's `set -eux; …` RUNs joined by `;` under their errexit (redis 4.0 and 5.0, busybox uclibc):
  // 5 files, 5 changes more, 5 errexit refusals fewer; a RUN that ends in `exit 0` kept apart (ends-early):
  // 1 file and 1 change fewer, 1 refusal more.
  // A RUN under a note of its own, set apart from the next RUN by a blank line, stays apart from it (docker-library's
  // \`# add our user and group first…\` and \`# for redis-sentinel…\`, install notes such as \`# R packages\`):
  // comment-between 54 more, 33 files and 47 changes fewer.
  // docker-library's \`# bashbrew-architectures:amd64 arm64v8\` is a line a script greps for, no note on the RUN below:
  // mongo 3.6 and a copy of mongo 4.1 merge that RUN with the next (2 comment-between refusals fewer; 3 RUNs where 2 were).
  'collapse-run': { files: 137, changes: 229, refused: 446 },
  // Only in shipped stages; recommended packages later commands need are kept (recommends-needed 9),
  // flags the image's tool lacks are refused (tool-too-old 9). The dev containers' universal image
  // waits with `sleep infinity` for its users' shells: its three apt installs keep their recommends (dev-container);
  // so does the cpp dev container, built on mcr.microsoft.com/devcontainers/base (one change fewer, one refusal more).
  // python3-dev without build-essential is not all pip's recommends for a source build: one change becomes a refusal.
  // The two toolbox images run unminimize for the people who work at their prompt: their four installs keep their recommends.
  // `apk -U upgrade` gets --no-cache, as apk add does: 1 change.
  // Two images that install Xdebug (a Yii2 test image, a hosting stack's PHP versions) are worked in: their four installs
  // keep their recommends (dev-container), one file fewer.
  // The Jekyll dev container's gem installs keep their documentation (dev-container): 1 file, 3 changes fewer, 3 refusals more.
  // The shipwright template with \`<<UID>>\`, now rejected as input, had 4 changes in 1 file.
  // yum installs on centos:latest (CentOS 8, whose yum is dnf) leave out weak dependencies (3 files, 6 changes); the
  // Toolbx images (\`LABEL com.github.containers.toolbox="true"\`) are development environments: 7 dev-container refusals.
  'install-flags': { files: 141, changes: 349, refused: 56 },
  // conda and mamba installs get their clean (conda clean -afy) in the same layer: 6 changes in 5 files.
  // A RUN that only updates and upgrades, whose lists no later step reads (the later install updates itself): 1 change.
  // The \`<<UID>>\` template, now rejected as input: 1 file and its changes fewer; cargo's download caches
  // are removed after \`cargo install\` in a file already changed.
  // An archive downloaded where the \`cd\`s before it name the folder is removed by its absolute path (a
  // protobuf tarball under /tmp: 1 change more, 1 refusal fewer); two RUNs that already remove the folder
  // their archive sits in (\`rm -rf /tmp/install\`) need nothing: 2 refusals fewer.
  // A RUN that goes back to an absolute folder after a \`cd\` elsewhere knows its folder again: an archive in
  // /tmp/install, which the RUN removes, needs nothing (cwd-changed: 1 refusal fewer).
  // Composer's cache is cleared after composer install (a \`composer global require\`: 1 change more), but not where
  // the command runs with its own home or user (\`COMPOSER_HOME=…\`, sudo: 3 composer-cache-unknown) or under a cache
  // mount (1); an \`npm update\` gets npm's cache cleanup (1 change more).
  // Bundler's gem cache is removed where the gem home is known; 8 gem-cache-unknown refusals where it is not (six
  // installs on images whose gem home dockshift does not know, a \`bundle install --path\`, a \`sudo -u git bundle install\`).
  // Ubuntu's apt ruby (ruby2.2 on precise) keeps its gems under /var/lib/gems: that cache is known, 1 change for a refusal.
  'cleanup-in-layer': { files: 84, changes: 135, refused: 47 },
  'add-to-copy': { files: 48, changes: 115, refused: 28 },
  'add-download': { files: 3, changes: 3, refused: 9 },
  // Only a uid of 10,000 or more, or one known at build time, gets -l: the corpus' useradds mostly take a small
  // uid or none (50 changes fewer), and the heredoc and exec-form RUNs left unedited hold one such useradd.
  // The one heredoc refusal was the \`<<UID>>\` template's, now rejected as input.
  'useradd-no-log-init': { files: 4, changes: 4, refused: 0 },
  'curl-fail': { files: 64, changes: 190, refused: 1 },
  // dash (Debian's /bin/sh) stays PID 1 under a shell-form command, even one command.
  // nginx's /docker-entrypoint.sh is known to exec its command: `USER nginx` with nginx's CMD is no longer unread.
  // An image pinned by digest (envoy's, under opentelemetry-demo's frontend-proxy) gets no unpinned alpine stage for tini.
  'init-process': { files: 26, changes: 26, refused: 115 },
  // With an empty context there is nothing to leave out, and so nothing to keep either.
  dockerignore: { files: 0, changes: 0, refused: 0 },
  // Refused where the container relies on files under /root (root-home 5) or ASP.NET Core's port variables name a port below 1024.
  // Three start scripts no COPY puts in the image (a RUN makes or links them) are refused as unread,
  // and a CMD that copies into / at start (`cp -rp /src /app`) as writing where root owns the folder.
  // A script run after the command's `cd` is looked for there: tf2's `cd /steam/tf2 && ./srcds_run`, which a RUN installs, is refused as unread.
  // influxdb's `--pidfile /var/run/influxdb.pid` is a file another user cannot create there.
  // A workspace kept up with `CMD tail -f /dev/null` runs what `docker exec` starts: refused (no-command).
  // tomcat is known: a Dockerfile that unpacks its WAR into webapps gets a user (who owns that folder) instead of
  // an unknown-image refusal.
  // flagd-ui's `ulimit -n 65536 && exec …` sets the hard limit, which another user may not raise: needs-root.
  // A Dockerfile that unpacks Tomcat itself and runs catalina.sh, which writes logs/, temp/, work/ and webapps/ left
  // to root, is refused (writes-app-folder): 3 changes fewer, 3 refusals more.
  // A Maven-filtered template (\`\${project.artifactId}\`) is rejected as invalid input: 1 refusal fewer.
  // The \`<<UID>>\` template, now rejected as input, had 1 refusal.
  // centos:7 is known: a coin daemon's image, an unknown image before, gets its account and its VOLUME's owner.
  'non-root-user': { files: 93, changes: 93, refused: 372 },
  // init-process adds tini to a stage's own apt install: one tini RUN fewer for collapse-run to merge.
  // A refusal made on a RUN another transform added (collapse-run's errexit on such a RUN, 6)
  // is about dockshift's own edit: the transform's refusals of the input are reported instead.
  // A last stage built on a stage that copies the build is already split: 4 several-stages fewer; a Jupyter
  // notebook image is known: multi-stage does not refuse a global npm install on it as an unknown image.
  // A dev container keeps apt's recommends: install-flags' three refusals there (dev-container).
  // On tomcat, non-root-user's RUN is one more for collapse-run to merge.
  // The 6 conda cleanups, 2 of them in files nothing else changed.
  // On a Debian 10 stage (node:lts-buster-slim), whose packages are archived, tini is copied in from a stage of
  // its own: the last stage then copies from one, and multi-stage's several-stages refusal goes (2 fewer).
  // The cpp dev container's apt install keeps its recommends: it is built on a dev container image.
  // An install naming python3-pip and python3-dev but no compiler before a pip source build is refused.
  // A last stage that mounts from a build stage (`RUN --mount=from=…`) is already split: 4 several-stages fewer.
  // flagd-ui's ulimit: non-root-user's USER nobody becomes a needs-root refusal.
  // The toolbox images' four apt installs keep their recommends (they run unminimize): 4 changes fewer, 4 refusals more.
  // `apk -U upgrade` gets --no-cache: 1 change.
  // A later pass's merge of the RUN non-root-user adds into one collapse-run merged is that merge: 3 reports fewer.
  // nginx's entrypoint execs its command: init-process reads nginx's CMD (1 refusal fewer).
  // collapse-run's two no-effect RUNs; with `RUN cd /tmp` apart, cleanup-in-layer reads the next RUN's own
  // `cd` after its download (cwd-changed): 3 refusals more.
  // useradd-no-log-init's small uids: 11 files and 50 changes fewer, 16 refusals fewer.
  // non-root-user's three unpacked Tomcats: 3 files and changes fewer, 3 refusals more.
  // The two images that install Xdebug keep their apt recommends: 4 changes fewer, 4 refusals more.
  // init-process's tini stage is refused under an image pinned by digest: 1 change fewer, 1 refusal more.
  // The Maven-filtered template, now invalid input, had one refusal.
  // slim-base's JRE switch: 1 change and 2 refusals more.
  // The php image alpine-base now refuses keeps its Debian base: its apt install gets
  // --no-install-recommends and its lists' cleanup instead (1 change and 1 refusal more).
  // The Jekyll dev container's three gem installs keep their documentation: 3 changes fewer, 3 refusals more.
  // The \`<<UID>>\` template, now rejected as input: 1 file, 8 changes and 5 refusals fewer.
  // cleanup-in-layer's three cwd-changed refusals where the download's folder is known: 3 refusals fewer.
  // collapse-run's errexit refusals on the RUN non-root-user adds after a \`set -ex\` RUN (pypy, and a copy of it)
  // are about dockshift's own instruction, which the input does not have: 2 refusals fewer.
  // CentOS known: non-root-user's account on centos:7 (1 change, 1 refusal fewer), distroless-runtime's has-run on
  // centos:latest and multi-stage's no-runtime on a Jupyter recipe (2 refusals more).
  // A relative path is resolved from the base image's own WORKDIR: on ubuntu, whose is /, an archive downloaded
  // before a \`cd\` (\`cd munseo && wget docfx.zip\`, once collapse-run has merged the RUN) is removed by its
  // absolute path: 1 change more, 1 refusal fewer.
  // The three moves above (2 refusals fewer, 2 more on elixir) and non-root-user's base-image on it for unknown-image;
  // once collapse-run has put an npm install in a subshell, its cache is cleaned at the end of that subshell
  // (1 change more, 1 isolated-install refusal fewer).
  // multi-stage's two several-stages refusals above (2 fewer).
  // cleanup-in-layer's Composer and npm update cleanups above (2 changes, 4 refusals more).
  // collapse-run's `;` joins under errexit and its ends-early refusal above (3 files, 7 changes more, 4 refusals fewer).
  // cleanup-in-layer's gem-cache-unknown refusals above (8 more).
  // install-flags' weak dependencies and Toolbx refusals, cleanup-in-layer's apt ruby above (7 changes, 6 refusals more).
  // collapse-run's notes set apart by a blank line above: 23 files whose only change was such a merge, 46 changes
  // fewer, 55 refusals more.
  // collapse-run's bashbrew-architectures lines above (2 refusals fewer).
  all: { files: 301, changes: 1197, refused: 1325 },
};

/** The checker must catch each kind of damage, or a green corpus run proves nothing. */
describe('checkRewrite', () => {
  const rules = (input: string, output: string): Rule[] => [...new Set(checkRewrite(input, output).map((v) => v.rule))].sort();

  it('accepts an unchanged file and sound rewrites', () => {
    const input = 'FROM alpine AS base\n# run it\nRUN apk add curl\n\nCMD node server.js\n';
    expect(checkRewrite(input, input)).toEqual([]);
    expect(checkRewrite(input, input.replace('CMD node server.js', 'CMD ["node", "server.js"]'))).toEqual([]);
    expect(checkRewrite('FROM a\nRUN x\nRUN y\n', 'FROM a\nRUN x && \\\n    y\n')).toEqual([]);
    expect(checkRewrite('FROM a\r\nRUN x \\\r\n  y\r\n', 'FROM a\r\nRUN x \\\r\n  --flag y\r\n')).toEqual([]);
  });

  it('reports a lost final newline, a dropped BOM and changed line endings', () => {
    expect(rules('FROM a\nCMD x\n', 'FROM a\nCMD ["x"]')).toContain('final-newline');
    expect(rules('\ufeffFROM a\nCMD x\n', 'FROM a\nCMD ["x"]\n')).toContain('bom');
    expect(rules('FROM a\r\nCMD x\r\n', 'FROM a\r\nCMD ["x"]\n')).toContain('eol');
    expect(rules('FROM a\nRUN x\n', 'FROM a\nRUN x \\\r\n  y\n')).toEqual(['eol']);
  });

  it('reports a RUN that is no longer valid shell, but not one that never was', () => {
    expect(rules('FROM a\nRUN apt-get update && apt-get install -y curl\n', 'FROM a\nRUN apt-get update && && apt-get install -y curl\n')).toEqual(['shell']);
    expect(rules('FROM a\nRUN echo "hi\n', 'FROM a\nRUN echo "hi" && echo "\n')).toEqual([]);
    expect(rules('FROM a\nRUN x \\\n  && y\n', 'FROM a\nRUN x \\\n  && y &&\n')).toEqual(['shell']);
    expect(rules('FROM a\nRUN <<EOF\nset -e\necho hi\nEOF\n', 'FROM a\nRUN <<EOF\nset -e\nif echo hi\nEOF\n')).toEqual(['shell']);
  });

  it('reports changes to instructions a transform may not touch, and to the text around them', () => {
    expect(rules('FROM a\nENV X=1\nCMD x\n', 'FROM a\nENV X=2\nCMD x\n')).toEqual(['instructions']);
    // multi-stage may add and rename stages; without it, a renamed stage is out of contract.
    const noStageEdits = everyTransform().filter((t) => t.transform.meta.touches.stages !== true);
    expect(rules('FROM a AS one\nCMD x\n', 'FROM a AS two\nCMD x\n')).toEqual([]);
    expect([...new Set(checkRewrite('FROM a AS one\nCMD x\n', 'FROM a AS two\nCMD x\n', noStageEdits).map((v) => v.rule))]).toEqual(['stages']);
    // init-process may add a stage: stages may then be added, but a reference that named a stage still names one.
    expect(rules('FROM a AS one\nCMD x\n', 'FROM b AS added\nFROM a AS one\nCMD x\n')).toEqual([]);
    expect(rules('FROM a AS one\nFROM one\nCMD x\n', 'FROM a AS two\nFROM one\nCMD x\n')).toEqual(['stages']);
    // The base-image transforms may edit FROM lines; without them, a FROM rewrite is out of contract too.
    const noFromEdits = everyTransform().filter((t) => t.transform.meta.touches.instructions.FROM === undefined);
    expect([...new Set(checkRewrite('FROM a AS one\nCMD x\n', 'FROM a AS two\nCMD x\n', noFromEdits).map((v) => v.rule))].sort()).toEqual(['instructions', 'stages']);
    expect(rules('FROM a\n# keep me\nCMD x\n', 'FROM a\nCMD ["x"]\n')).toEqual(['comments']);
    expect(rules('FROM a\nENV X=1\n\nENV Y=2\n', 'FROM a\nENV X=1\nENV Y=2\n')).toEqual(['layout']);
    // slim-base (installMissing), multi-stage, non-root-user and init-process may add a RUN; without them, a new RUN is out of contract.
    const noRunAdds = everyTransform().filter((t) => !(t.transform.meta.touches.instructions.RUN ?? []).includes('add'));
    expect(rules('FROM a\nRUN x\n', 'FROM a\nRUN x\nRUN y\n')).toEqual([]);
    expect([...new Set(checkRewrite('FROM a\nRUN x\n', 'FROM a\nRUN x\nRUN y\n', noRunAdds).map((v) => v.rule))]).toEqual(['instructions']);
    expect(rules('FROM a\nCMD x\n', 'FROM a\nCMD ["x", \'y\']\n')).toEqual(['exec-json']);
    // BuildKit takes a CMD with nothing, and rejects a flag on it.
    expect(rules('FROM a\nCMD x\n', 'FROM a\nCMD --help\n')).toContain('reparse');
    expect(rules('# escape=`\nFROM a\nCMD x\n', '# escape=\\\nFROM a\nCMD x\n')).toContain('comments');
  });

  it('reports a file a second run would change again', () => {
    // An official image without an ENTRYPOINT, which exec-form knows as such (a one-word name it does not know is refused).
    expect(idempotent('FROM archlinux\nCMD node server.js\n', everyTransform())).toHaveLength(1);
    const once = runPipeline('FROM archlinux\nCMD node server.js\n', everyTransform());
    expect(once.ok && idempotent(once.output, everyTransform())).toEqual([]);
  });
});
