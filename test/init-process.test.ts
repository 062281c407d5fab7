import { describe, expect, it } from 'vitest';
import { memoryBuildContext } from '../src/engine/context.js';
import { runPipeline, type PipelineOutput } from '../src/engine/pipeline.js';
import type { Tier } from '../src/engine/types.js';
import alpineBase from '../transforms/alpine-base.js';
import execForm from '../transforms/exec-form.js';
import initProcess from '../transforms/init-process.js';

function run(text: string, options: { tier?: Tier; copyIn?: boolean; files?: Record<string, string> } = {}): PipelineOutput {
  const result = runPipeline(text, [{ transform: initProcess, options: { copyIn: options.copyIn ?? true } }], {
    tier: options.tier ?? 'review',
    buildContext: memoryBuildContext(options.files ?? {}),
  });
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

describe('init-process', () => {
  it('names the command an entrypoint hands over to with exec "$@" after starting a process in the background', () => {
    // jgraph/docker-drawio's image-export entrypoint starts the export server with `npm start &`, then runs its CMD.
    const entrypoint = '#!/bin/bash\ncd /usr/local/drawio/draw-image-export2\nnpm start &\ncd $CATALINA_HOME\n\nexec "$@"\n';
    const dockerfile = 'FROM tomcat:9-jre11-slim\nCOPY docker-entrypoint.sh /\nENTRYPOINT ["/docker-entrypoint.sh"]\nCMD ["catalina.sh", "run"]\n';
    const result = run(dockerfile, { files: { 'docker-entrypoint.sh': entrypoint } });
    const said = JSON.stringify([...result.changes, ...result.refusals]);
    expect(said).not.toContain('\\u0000');
    expect(said).toContain('starts a process in the background and then hands over to its command (`exec \\"$@\\"`: catalina.sh), which does not reap it');
  });

  it('says an untagged image of a repository without latest names no image, rather than an image it does not know', () => {
    const reason = (from: string) => run(`FROM ${from}\nCOPY . /app\nCMD npm ci && npm start\n`).refusals.map((r) => `${r.code}: ${r.reason}`);
    expect(reason('container-registry.oracle.com/os/oraclelinux')).toEqual([
      'unknown-base: `container-registry.oracle.com/os/oraclelinux` names no tag, and the repository has no `latest` tag (each of its tags names a version): the reference cannot be pulled as written, and which image it means is unknown; the Dockerfile sets no ENTRYPOINT: the image\'s own would be replaced, and it may already be an init',
    ]);
    expect(reason('registry.example.com/platform/node:22')).toEqual([
      "unknown-base: `registry.example.com/platform/node:22` is not an image the knowledge base knows, and the Dockerfile sets no ENTRYPOINT: the image's own would be replaced, and it may already be an init",
    ]);
  });

  it('says why it could not follow the case item the CMD names', () => {
    const entrypoint = (before: string) =>
      `#!/bin/bash\nset -e\n${before}case "$1" in\n  app:start)\n    exec supervisord -n\n    ;;\n  app:init)\n    migrate\n    ;;\n  *)\n    exec "$@"\n    ;;\nesac\n`;
    const dockerfile = 'FROM debian:bookworm-slim\nCOPY entrypoint.sh /sbin/entrypoint.sh\nENTRYPOINT ["/sbin/entrypoint.sh"]\nCMD ["app:start"]\n';
    const reason = (before: string) => run(dockerfile, { files: { 'entrypoint.sh': entrypoint(before) } }).refusals.map((r) => r.reason);
    // sameersbn's entrypoints source their functions first, which may change the arguments.
    expect(reason('source ${ASSETS_DIR}/functions\n')).toEqual([expect.stringContaining('(the CMD names `app:start`, but before its `case` the script runs `source ${ASSETS_DIR}/functions`, which may change its arguments)')]);
    expect(reason('')).toEqual([]);
  });

  it('installs tini for the base a base switch of the same pass leaves, wherever the FROM names it', () => {
    const together = (text: string) => {
      const result = runPipeline(text, [{ transform: alpineBase, options: {} }, { transform: initProcess, options: { copyIn: true } }], { buildContext: memoryBuildContext({}) });
      if (!result.ok) throw new Error(result.error.message);
      return result.output;
    };
    expect(together('FROM python:3.12 AS app\nRUN pip install flask\nCMD python app.py && echo done\n')).toBe(
      'FROM python:3.12-alpine AS app\nRUN apk add --no-cache tini\nRUN pip install flask\nENTRYPOINT ["/sbin/tini", "--"]\nCMD python app.py && echo done\n',
    );
    expect(together('ARG PY=3.12\nFROM python:${PY}\nRUN pip install flask\nCMD python app.py && echo done\n')).toBe(
      'ARG PY=3.12\nFROM python:${PY}-alpine\nRUN apk add --no-cache tini\nRUN pip install flask\nENTRYPOINT ["/sbin/tini", "--"]\nCMD python app.py && echo done\n',
    );
  });

  it('puts tini in front of the command as exec-form leaves it when both run', () => {
    const text = 'FROM node:22-bookworm-slim\nCMD npm start\n';
    const result = runPipeline(text, [{ transform: execForm, options: {} }, { transform: initProcess, options: { copyIn: true } }], { buildContext: memoryBuildContext({}) });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.output).toBe(
      'FROM node:22-bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*\nENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]\nCMD ["npm", "start"]\n',
    );
    expect(result.changes.map((c) => c.transform)).toEqual(['exec-form', 'init-process']);
  });

  it('reports the command change, and why the reviewer should look', () => {
    const out = run('FROM node:22-bookworm-slim\nCMD ["npm", "start"]\n');
    expect(out.output).toBe(
      'FROM node:22-bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*\nENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]\nCMD ["npm", "start"]\n',
    );
    // The image's own entrypoint is in both halves: tini is what was added.
    expect(out.runtime).toEqual([{ transform: 'init-process', fact: 'command', before: '["docker-entrypoint.sh","npm","start"]', after: '["/usr/bin/tini","--","docker-entrypoint.sh","npm","start"]' }]);
    expect(out.changes[0]).toMatchObject({ line: 2, tier: 'review' });
    expect(out.changes[0]!.review).toContain('npm runs the script through `sh -c` as its child');
  });

  it('says what a package manager as PID 1 does with SIGTERM as the image\'s /bin/sh runs its script: npm passes it on, dash does not', () => {
    const why = (text: string) => run(text).changes[0]!.review!.split('; tini now runs')[0];
    // npm forwards SIGTERM to its child (since 3.8.1), which is `sh -c`: dash keeps the program as its own child.
    expect(why('FROM node:22-bookworm-slim\nCMD ["npm", "start"]\n')).toBe(
      'npm runs the script through `sh -c` as its child and passes SIGTERM on to that shell (npm 3.8.1 and later, but not 9.6.7 to 10.2); but dash, /bin/sh here, runs the program as its own child and does not pass the signal on, so the program never gets it and is killed when the container stops; and npm, as PID 1, does not reap orphaned processes',
    );
    // busybox ash replaces itself with a one-command script: the signal arrives, orphans are still not reaped.
    expect(why('FROM node:22-alpine\nCMD ["npm", "start"]\n')).toBe(
      'npm runs the script through `sh -c` as its child and passes SIGTERM on to that shell (npm 3.8.1 and later, but not 9.6.7 to 10.2); busybox ash, /bin/sh here, replaces itself with a script of one command, so that program gets the signal, but one of several commands runs under a shell that does not pass it on; and npm, as PID 1, does not reap orphaned processes',
    );
    expect(why('FROM node:22-bookworm-slim\nENTRYPOINT ["yarn"]\nCMD ["start"]\n')).toContain('yarn runs the script through `sh -c` (yarn 1; later versions through a shell of their own) as its child and passes SIGTERM on to it, then (yarn 1) exits at once without waiting for it');
    for (const text of ['FROM node:22-bookworm-slim\nCMD ["npm", "start"]\n', 'FROM node:22-alpine\nCMD ["npx", "serve"]\n']) expect(why(text)).not.toContain('does not pass SIGTERM on');
  });

  it('says what tini does for the stop by what stands between it and the program', () => {
    const after = (text: string, files: Record<string, string> = {}) => run(text, { files }).changes[0]!.review!.split('; tini now runs as PID 1 and starts the command as its child: ')[1];
    // dash stays between: it ends on SIGTERM, and the program is killed with the container.
    expect(after('FROM python:3.12-slim-bookworm\nCMD python app.py --port $PORT\n')).toBe(
      "it reaps orphans, and passes docker stop's SIGTERM to its child, so the container stops at once rather than after the timeout; a shell that stays between (as said above) ends without passing the signal on, so the program under it is killed as the container stops rather than stopped gracefully (a script that ends in exec hands it the signal); check that nothing relies on the program being PID 1",
    );
    expect(after('FROM node:22-bookworm-slim\nCMD ["npm", "start"]\n')).toMatch(/^it reaps orphans, and passes docker stop's SIGTERM to the package manager, which passes it on as said above/);
    // The script hands over with exec: the program gets the signals itself.
    const entrypoint = '#!/bin/sh\nworker &\nexec "$@"\n';
    expect(after('FROM python:3.12-slim-bookworm\nCOPY entrypoint.sh /\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["python", "app.py"]\n', { 'entrypoint.sh': entrypoint })).toBe(
      'it passes signals on and reaps orphans; check that nothing relies on the program being PID 1',
    );
    // Handing over to npm after starting a process in the background: npm still stands between.
    const toNpm = '#!/bin/sh\nworker &\nexec npm start\n';
    expect(after('FROM node:22-bookworm-slim\nCOPY entrypoint.sh /\nENTRYPOINT ["/entrypoint.sh"]\n', { 'entrypoint.sh': toNpm })).toMatch(/^it reaps orphans, and passes docker stop's SIGTERM to the package manager/);
  });

  it('reports the command as the file names it, not by the program name the comparison uses', () => {
    const out = run('FROM python:3.12-slim-bookworm\nWORKDIR /seed\nCOPY . .\nCMD ["/seed/run.sh"]\n', { files: { 'run.sh': '#!/bin/sh\nab -n 1 http://vote/\n' } });
    expect(out.runtime).toEqual([{ transform: 'init-process', fact: 'command', before: '["/seed/run.sh"]', after: '["/usr/bin/tini","--","/seed/run.sh"]' }]);
  });

  it("counts dash, Debian's and Ubuntu's /bin/sh, as staying PID 1 under one command, as it does", () => {
    const out = run('FROM python:3.12-slim-bookworm\nCMD python app.py --port $PORT\n');
    expect(out.output).toBe('FROM python:3.12-slim-bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*\nENTRYPOINT ["/usr/bin/tini", "--"]\nCMD python app.py --port $PORT\n');
    expect(out.changes[0]!.review).toContain('dash runs `python app.py --port $PORT` as its child and stays PID 1');
    // bash replaces itself: the command is the program.
    expect(run('FROM python:3.12-slim-bookworm\nCMD ["bash", "-c", "python app.py --port $PORT"]\n').changes).toEqual([]);
  });

  it('says only of /bin/sh that it may be dash or bash: a shell a SHELL names is said to be not known', () => {
    const zsh = run('FROM debian:bookworm-slim\nSHELL ["/bin/zsh", "-c"]\nCMD server --port 8080\n').changes[0]!.review!;
    expect(zsh).toContain("/bin/zsh may run `server --port 8080` as its child and stay PID 1, as dash does (how a shell runs a `-c` string's one command is known only for bash, busybox ash and dash), and then it does not pass signals on");
    expect(zsh).not.toContain('which may be dash');
    const ksh = run('FROM debian:bookworm-slim\nSHELL ["/bin/ksh", "-c"]\nENTRYPOINT $APP\n').refusals.map((r) => r.reason);
    expect(ksh).toEqual(["/bin/ksh (how a shell runs a `-c` string's one command is known only for bash, busybox ash and dash) may replace itself with `$APP`, which names its program with a variable: what then runs as PID 1, and whether it must stay so (an init), is not known"]);
    // The /bin/sh of an image not known is dash or bash.
    expect(run('FROM ghcr.io/acme/runtime:2\nENTRYPOINT server --port 8080\n').changes[0]!.review).toContain('/bin/sh, which may be dash, runs `server --port 8080` as its child and stays PID 1');
    expect(run('FROM ghcr.io/acme/runtime:2\nSHELL ["/bin/sh", "-c"]\nENTRYPOINT $APP\n').refusals.map((r) => r.reason)).toEqual([expect.stringMatching(/^\/bin\/sh, which may be bash, may replace itself with `\$APP`/)]);
  });

  it('names the build argument an ENV takes the program from, which --build-arg may change', () => {
    const reasons = (text: string) => run(text, { files: { server: 'x' } }).refusals.map((r) => r.reason);
    const arg = 'FROM ghcr.io/acme/runtime:2\nARG APP=/usr/local/bin/server\nENV APP=$APP\nCOPY server /usr/local/bin/server\nENTRYPOINT $APP\n';
    expect(reasons(arg)).toEqual([expect.stringContaining('which names its program with a variable a build argument gives (the ENV on line 3 sets `$APP` from the build argument APP, and `--build-arg` may name another program)')]);
    // Through another ENV that reads the argument, and from a global ARG the stage declares.
    expect(reasons(arg.replace('ENV APP=$APP', 'ENV BASE=$APP\nENV APP=${BASE}'))).toEqual([expect.stringContaining('(the ENV on line 4 sets `$APP` from BASE, which a build argument gives,')]);
    expect(reasons(`ARG APP=/usr/local/bin/server\n${arg.replace('ARG APP=/usr/local/bin/server', 'ARG APP')}`)).toEqual([expect.stringContaining('(the ENV on line 4 sets `$APP` from the build argument APP,')]);
    // A plain value of the ENV names no build argument; nor does an ENV that reads another fixed one.
    expect(reasons('FROM ghcr.io/acme/runtime:2\nENTRYPOINT $APP\n')).toEqual([expect.stringContaining('which names its program with a variable: what then runs')]);
    // An init the argument's default names is an init in the command, said as a plain build's.
    expect(reasons('FROM debian:bookworm-slim\nARG APP=/usr/bin/tini\nENV APP=$APP\nCMD $APP -- server\n')).toEqual(['/usr/bin/tini (`$APP` with the build arguments at their defaults) is in the command after /bin/sh: it is likely meant to run as PID 1 already']);
    expect(reasons('FROM debian:bookworm-slim\nENV BIN=/usr/bin\nENV APP=$BIN/tini\nCMD $APP -- server\n')).toEqual(['/usr/bin/tini (`$APP`) is in the command after /bin/sh: it is likely meant to run as PID 1 already']);
  });

  it('makes no change when only safe changes are allowed', () => {
    const text = 'FROM node:22-bookworm-slim\nCMD ["npm", "start"]\n';
    const out = run(text, { tier: 'safe' });
    expect(out.output).toBe(text);
    expect(out.refusals.map((r) => r.code)).toEqual(['review-tier']);
  });

  it('leaves programs started directly, and scripts that exec them, alone', () => {
    for (const text of [
      'FROM node:22-bookworm-slim\nCMD ["node", "server.js"]\n',
      // busybox ash (Alpine's /bin/sh) replaces itself with the one command of a `-c` string.
      'FROM python:3.12-alpine\nCMD python app.py --port $PORT\n',
      'FROM debian:bookworm\nCMD ["bash"]\n',
      'FROM nginx:1.31\nCOPY site /usr/share/nginx/html\n',
    ]) {
      const out = run(text);
      expect(out.output, text).toBe(text);
      expect(out.refusals, text).toEqual([]);
    }
    const files = { 'run.sh': '#!/bin/sh\nset -e\nenvsubst < a.tmpl > a.conf\nexec nginx -g "daemon off;"\n' };
    expect(run('FROM debian:bookworm\nCOPY run.sh /run.sh\nCMD ["/run.sh"]\n', { files }).changes).toEqual([]);
  });

  it('copies tini in with the final stage platform, under a stage name not taken', () => {
    const out = run('FROM busybox:1.36 AS tini\nFROM --platform=linux/arm64 busybox:1.36\nCMD ["sh", "-c", "a; b"]\n');
    expect(out.output).toBe(
      'FROM busybox:1.36 AS tini\n\nFROM --platform=linux/arm64 alpine:3.24 AS tini-2\nRUN apk add --no-cache tini-static\n\nFROM --platform=linux/arm64 busybox:1.36\nCOPY --from=tini-2 /sbin/tini-static /sbin/tini\nENTRYPOINT ["/sbin/tini", "--"]\nCMD ["sh", "-c", "a; b"]\n',
    );
    expect(out.changes[0]!.review).toContain('pulls alpine:3.24');
  });

  it('copies tini in where the base runs as another user, or has no tini package', () => {
    const user = run('FROM node:22-bookworm-slim AS base\nUSER node\nFROM base\nCMD ["yarn", "start"]\n').output;
    expect(user).toContain('COPY --from=tini /sbin/tini-static /sbin/tini');
    const old = run('FROM debian:stretch-slim\nCMD a && b\n').output;
    expect(old).toContain('COPY --from=tini /sbin/tini-static /sbin/tini');
  });

  it('keeps a shell-form ENTRYPOINT as the same shell and script', () => {
    const out = run('FROM debian:bookworm\nSHELL ["/bin/bash", "-c"]\nENTRYPOINT cd /app && ./serve\n').output;
    expect(out.split('\n').at(-2)).toBe('ENTRYPOINT ["/usr/bin/tini", "--", "/bin/bash", "-c", "cd /app && ./serve"]');
  });

  it('keeps CRLF line endings and an empty exec-form ENTRYPOINT', () => {
    const out = run('FROM debian:bookworm\r\nENTRYPOINT []\r\nCMD ["sh", "-c", "a && b"]\r\n').output;
    expect(out).toBe(
      'FROM debian:bookworm\r\nRUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*\r\nENTRYPOINT ["/usr/bin/tini", "--"]\r\nCMD ["sh", "-c", "a && b"]\r\n',
    );
  });

  it('says why a script the command runs cannot be read: which line put it there, and from what', () => {
    const reason = (text: string, files: Record<string, string> = {}) => run(text, { files }).refusals.map((r) => `${r.code}: ${r.reason}`);
    expect(reason('FROM debian:bookworm AS build\nFROM debian:bookworm\nCOPY --from=build /src/start.sh /start.sh\nCMD ["/start.sh"]\n')).toEqual([
      'unreadable-script: /start.sh is a script that cannot be read (COPY on line 3 copies it from build), so whether it hands PID 1 over with exec is not known',
    ]);
    expect(reason('FROM debian:bookworm\nWORKDIR /app\nCOPY . .\nCMD ["./docker/start.sh"]\n', { 'app.py': '' })).toEqual([
      'unreadable-script: ./docker/start.sh is a script that cannot be read (COPY on line 3 copies docker/start.sh, which is not in the build context), so whether it hands PID 1 over with exec is not known',
    ]);
    // Copied from the context, then maybe covered by a stage's folder copied over it: the reason names that COPY.
    expect(reason('FROM rust:1.80 AS build\nWORKDIR /app\nCOPY . .\nRUN cargo build --release\nFROM debian:bookworm-slim\nCOPY start.sh /\nCOPY --from=build /app/target/release/app /\nCMD ["/start.sh"]\n', { 'start.sh': '#!/bin/sh\nexec /app\n' })).toEqual([
      'unreadable-script: /start.sh is a script that cannot be read (COPY on line 7 copies /app/target/release/app from build, which may be a folder holding start.sh; there, COPY on line 3 copies target/release/app/start.sh, which is not in the build context), so whether it hands PID 1 over with exec is not known',
    ]);
    // Copied from the context, then a stage's folder copied over it: which file is there depends on what that stage made.
    expect(reason('FROM node:22 AS build\nWORKDIR /app\nRUN npm run build\nFROM node:22-slim\nCOPY start.sh /app/start.sh\nCOPY --from=build /app /app\nCMD ["/app/start.sh"]\n', { 'start.sh': '#!/bin/sh\nnode a.js\nnode b.js\n' })).toEqual([
      'unreadable-script: /app/start.sh is a script that cannot be read (COPY on line 6 copies /app from build, whose start.sh, if it has one, replaces the one COPY on line 5 puts there), so whether it hands PID 1 over with exec is not known',
    ]);
    // Nothing the Dockerfile copies: the image's own program.
    expect(reason('FROM debian:bookworm\nCMD ["/usr/local/bin/start.sh"]\n')).toEqual([
      'unreadable-script: /usr/local/bin/start.sh is not a file the Dockerfile copies from the build context, so whether it hands PID 1 over with exec is not known',
    ]);
    // A script of the context that hands over to a program of the image's own: the reason says how the command got there.
    expect(reason('FROM debian:bookworm\nCOPY start.sh /start.sh\nENTRYPOINT ["/start.sh"]\n', { 'start.sh': '#!/bin/sh\nexport A=1\nexec /opt/run.sh "$@"\n' })).toEqual([
      'unreadable-script: /start.sh ends in `exec /opt/run.sh "$@"`, and /opt/run.sh is not a file the Dockerfile copies from the build context, so whether it hands PID 1 over with exec is not known',
    ]);
    // Copied from the context to one folder, moved by a RUN to where the command looks: the COPY is named.
    expect(reason('FROM debian:bookworm\nCOPY start.sh /tmp/\nRUN mv /tmp/start.sh /usr/bin\nCMD ["start.sh"]\n', { 'start.sh': '#!/bin/sh\nexec app\n' })).toEqual([
      'unreadable-script: start.sh is not where a COPY puts it: the COPY on line 2 copies it to /tmp/start.sh, and a RUN that moves or links it is not followed, so whether it hands PID 1 over with exec is not known',
    ]);
    // Built on a stage a build argument picks: the script is copied there, in a lineage not followed.
    expect(reason('ARG SOURCE=remote\nFROM alpine:3.20 AS base\nCOPY start.sh /usr/bin/start.sh\nFROM base AS remote-install\nRUN echo remote\nFROM ${SOURCE}-install AS final\nENTRYPOINT ["start.sh"]\n', { 'start.sh': '#!/bin/sh\nexec app\n' })).toEqual([
      'unreadable-script: start.sh may come from `${SOURCE}-install` (by default the stage remote-install), which the final stage builds on and a build argument picks (what it holds is not followed), so whether it hands PID 1 over with exec is not known',
    ]);
    // A build argument in the tag picks a version of one image, not a stage: the script is the image's own.
    expect(reason('ARG TAG=bookworm\nFROM debian:${TAG}\nCMD ["/usr/local/bin/start.sh"]\n')).toEqual([
      'unreadable-script: /usr/local/bin/start.sh is not a file the Dockerfile copies from the build context, so whether it hands PID 1 over with exec is not known',
    ]);
    // Files copied into a folder a variable names: wherever it is, none of them is the script.
    expect(reason('FROM debian:bookworm\nCOPY a.js b.js $APP_HOME/js/\nCMD ["/usr/local/bin/start.sh"]\n', { 'a.js': '', 'b.js': '' })).toEqual([
      'unreadable-script: /usr/local/bin/start.sh is not a file the Dockerfile copies from the build context, so whether it hands PID 1 over with exec is not known',
    ]);
    expect(reason('FROM debian:bookworm\nCOPY a.js start.sh $APP_HOME/bin/\nCMD ["/usr/local/bin/start.sh"]\n', { 'a.js': '', 'start.sh': '#!/bin/sh\nexec app\n' })).toEqual([
      'unreadable-script: /usr/local/bin/start.sh is a script that cannot be read (COPY on line 2: its destination $APP_HOME/bin/ uses a variable the Dockerfile gives no value (a build argument without a default, or the base image\'s environment)), so whether it hands PID 1 over with exec is not known',
    ]);
    // A working folder a build argument names: where the script is cannot be known.
    expect(reason('FROM debian:bookworm AS unpack\nRUN mkdir /opt/app\nFROM debian:bookworm\nARG HOME_DIR=/opt/app\nCOPY --from=unpack /opt/app /opt/app\nWORKDIR $HOME_DIR\nCMD ["./start.sh"]\n')).toEqual([
      'unreadable-script: ./start.sh is looked up from the working folder, named by a variable only known at build time, so whether it hands PID 1 over with exec is not known',
    ]);
  });

  it("names the base image's own entrypoint script, where the knowledge base knows its name", () => {
    const reason = (text: string, files: Record<string, string> = {}) => run(text, { files }).refusals.map((r) => `${r.code}: ${r.reason}`);
    expect(reason('FROM postgres:16\nCMD ["docker-entrypoint.sh", "postgres"]\n')).toEqual([
      "unreadable-script: docker-entrypoint.sh is the base image's own entrypoint script (postgres's docker-entrypoint.sh), which is not in the build context to be read, so whether it hands PID 1 over with exec is not known",
    ]);
    // Named by the Dockerfile's ENTRYPOINT, or at its place on PATH, through a wrapper of the context: the same file.
    expect(reason('FROM postgres:16\nENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]\nCMD ["postgres"]\n')).toEqual([
      "unreadable-script: /usr/local/bin/docker-entrypoint.sh is the base image's own entrypoint script (postgres's docker-entrypoint.sh), which is not in the build context to be read, so whether it hands PID 1 over with exec is not known",
    ]);
    expect(reason('FROM postgres:16\nCOPY wrapper.sh /wrapper.sh\nENTRYPOINT ["/wrapper.sh"]\nCMD ["postgres"]\n', { 'wrapper.sh': '#!/bin/sh\nexport PGDATA=/data\nexec docker-entrypoint.sh "$@"\n' })).toEqual([
      "unreadable-script: /wrapper.sh ends in `exec docker-entrypoint.sh \"$@\"`, and docker-entrypoint.sh is the base image's own entrypoint script (postgres's docker-entrypoint.sh), which is not in the build context to be read, so whether it hands PID 1 over with exec is not known",
    ]);
    // The Dockerfile's own docker-entrypoint.sh is read instead.
    expect(reason('FROM postgres:16\nCOPY docker-entrypoint.sh /usr/local/bin/\nCMD ["docker-entrypoint.sh", "postgres"]\n', { 'docker-entrypoint.sh': '#!/bin/sh\nexec "$@"\n' })).toEqual([]);
    // A script elsewhere, or an image whose entrypoint's name the knowledge base does not give, is not called the image's.
    expect(reason('FROM postgres:16\nCMD ["/opt/docker-entrypoint.sh", "postgres"]\n')).toEqual([
      'unreadable-script: /opt/docker-entrypoint.sh is not a file the Dockerfile copies from the build context, so whether it hands PID 1 over with exec is not known',
    ]);
    expect(reason('FROM wordpress:6\nCMD ["docker-entrypoint.sh", "apache2-foreground"]\n')).toEqual([
      'unreadable-script: docker-entrypoint.sh is not a file the Dockerfile copies from the build context, so whether it hands PID 1 over with exec is not known',
    ]);
  });

  it('says a script was read when it hands over with exec on some paths only, and names that exec', () => {
    const dockerfile = 'FROM python:3.12-slim-bookworm\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["web"]\n';
    const reason = (script: string) => run(dockerfile, { files: { 'entrypoint.sh': script } }).refusals.map((r) => `${r.code}: ${r.reason}`);
    expect(reason('#!/bin/sh\nif [ "$1" = worker ]; then\n  exec celery worker\nfi\ngunicorn app:app\n')).toEqual([
      'exec-on-some-paths: the script was read, and /entrypoint.sh hands over with `exec celery worker` only on some paths, which its arguments and environment choose; on the others, /entrypoint.sh runs its last command without exec, so the shell stays PID 1 and does not pass signals on (`docker stop` waits out its timeout, then kills everything) nor reap orphaned processes',
    ]);
    expect(reason('#!/bin/sh\nif [ -n "$APP_USER" ]; then\n  chroot --userspec="$APP_USER" / "$@"\nelse\n  exec "$@"\nfi\n')).toEqual([
      'exec-on-some-paths: the script was read, and /entrypoint.sh hands over with `exec "$@"` only on some paths, which its arguments and environment choose; on the others it ends in a command run without exec, and the shell stays PID 1 and does not pass signals on (`docker stop` waits out its timeout, then kills everything) nor reap orphaned processes',
    ]);
    // A script that does not parse is not read.
    expect(reason('#!/bin/sh\nif [ "$1" = worker ]; then\n  exec celery worker\nfi\nexec "$@\n')).toEqual(['unreadable-script: /entrypoint.sh is not shell syntax the parser reads']);
  });

  it('does not call an init unused when the script that may start it cannot be read', () => {
    const reason = (text: string) => run(text).refusals.map((r) => `${r.code}: ${r.reason}`);
    expect(reason('FROM debian:bookworm AS build\nRUN apt-get update && apt-get install -y dumb-init\nFROM debian:bookworm\nCOPY --from=build /usr/bin/dumb-init /usr/bin/dumb-init\nCOPY --from=build /src/start.sh /start.sh\nCMD ["/start.sh"]\n')).toEqual([
      'has-init: `COPY --from=build /usr/bin/dumb-init /usr/bin/dumb-init` puts dumb-init in the image and the command may start it: /start.sh is a script that cannot be read (COPY on line 5 copies it from build), so whether it hands PID 1 over with exec is not known',
    ]);
    // Read, and handing over on some paths only: one of them may start it.
    const someStart = run('FROM debian:bookworm\nRUN apt-get update && apt-get install -y dumb-init\nCOPY start.sh /start.sh\nCMD ["/start.sh"]\n', { files: { 'start.sh': '#!/bin/sh\nif [ "$1" = app ]; then\n  exec dumb-init -- app\nfi\nmigrate\n' } }).refusals;
    expect(someStart.map((r) => r.code)).toEqual(['has-init']);
    expect(someStart[0]!.reason).toContain('installs dumb-init and the command may start it: /start.sh hands over with `exec dumb-init -- app` only on some paths');
    expect(reason('FROM debian:bookworm AS build\nRUN apt-get update && apt-get install -y dumb-init\nFROM debian:bookworm\nCOPY --from=build /usr/bin/dumb-init /usr/bin/dumb-init\nCMD ["sh", "-c", "a && b"]\n')).toEqual([
      'has-init: `COPY --from=build /usr/bin/dumb-init /usr/bin/dumb-init` puts dumb-init in the image but the command does not start it: put it at the front of the ENTRYPOINT',
    ]);
  });

  it('reads a script copied to a destination named by the Dockerfile\'s own variables', () => {
    const files = { 'docker/entry.sh': '#!/bin/sh\ncd /app\npython main.py\n' };
    // BuildKit expands ENV and ARG defaults in a COPY destination: /app/run.sh is docker/entry.sh.
    expect(run('FROM python:3.12-slim-bookworm\nENV APP_HOME=/app\nCOPY docker/entry.sh $APP_HOME/run.sh\nENTRYPOINT ["/app/run.sh"]\n', { files }).output).toBe(
      'FROM python:3.12-slim-bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*\nENV APP_HOME=/app\nCOPY docker/entry.sh $APP_HOME/run.sh\nENTRYPOINT ["/usr/bin/tini", "--", "/app/run.sh"]\n',
    );
    const execs = { 'docker/entry.sh': '#!/bin/sh\ncd /app\nexec python main.py\n' };
    const handsOver = run('FROM python:3.12-slim-bookworm\nARG APP_HOME=/app\nCOPY docker/entry.sh ${APP_HOME}/run.sh\nENTRYPOINT ["/app/run.sh"]\n', { files: execs });
    expect(handsOver.changes).toEqual([]);
    expect(handsOver.refusals).toEqual([]);
  });

  it('says a COPY destination depends on a value the Dockerfile does not give, once, with its line', () => {
    const files = { 'docker/entry.sh': '#!/bin/sh\npython main.py\n' };
    // APP_HOME may be the base image's: not the empty string.
    const reasons = run('FROM python:3.12-slim-bookworm\nCOPY docker/entry.sh $APP_HOME/run.sh\nENTRYPOINT ["/app/run.sh"]\n', { files }).refusals.map((r) => `${r.code}: ${r.reason}`);
    expect(reasons).toEqual([
      "unreadable-script: /app/run.sh is a script that cannot be read (COPY on line 2: its destination $APP_HOME/run.sh uses a variable the Dockerfile gives no value (a build argument without a default, or the base image's environment)), so whether it hands PID 1 over with exec is not known",
    ]);
  });

  it('explains docker run --init when it may not copy tini in', () => {
    const [r] = run('FROM busybox:1.36\nCMD ["sh", "-c", "a; b"]\n', { copyIn: false }).refusals;
    expect(r).toMatchObject({ code: 'no-package-manager' });
    expect(r!.reason).toContain('docker run --init');
    expect(r!.reason).toContain('init: true');
  });
});

describe('init-process: an entrypoint the script sources', () => {
  const text = 'FROM debian:bookworm-slim\nCOPY entrypoint.sh base-entrypoint.sh /\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["/usr/local/bin/server"]\n';
  const outer = '#!/bin/sh\nset -e\n. /base-entrypoint.sh\necho stopped\n';

  it('hands PID 1 over when the sourced file execs its arguments', () => {
    const result = run(text, { files: { 'entrypoint.sh': outer, 'base-entrypoint.sh': '#!/bin/sh\nexec "$@"\n' } });
    expect(result.output).toBe(text);
    expect(result.refusals).toEqual([]);
  });

  it('does not when the sourced file runs nothing', () => {
    const result = run(text, { files: { 'entrypoint.sh': outer, 'base-entrypoint.sh': '#!/bin/sh\n# nothing yet\n' } });
    expect(result.output).toContain('ENTRYPOINT ["/usr/bin/tini", "--", "/entrypoint.sh"]');
  });
});

describe('init-process: an unknown base named by a build argument', () => {
  it('names the image the argument gives by default, not only the variable', () => {
    const refusals = run('ARG FROM=ghcr.io/acme/app:latest\nFROM ${FROM}\nCOPY start.sh /start.sh\nCMD ["/start.sh"]\n', { files: { 'start.sh': '#!/bin/sh\nnode server.js\n' } }).refusals;
    expect(refusals.map((r) => `${r.code}: ${r.reason}`)).toEqual([
      "unknown-base: `${FROM}` (`ghcr.io/acme/app:latest` by default) is not an image the knowledge base knows, and the Dockerfile sets no ENTRYPOINT: the image's own would be replaced, and it may already be an init",
    ]);
  });
});
