import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ContextFinder, copiedSources, inferContext } from '../src/engine/inferContext.js';
import { assertBuilt, dockshift, jsonRecords, removeTempFolders, tempFolder } from './helpers/cli.js';

beforeAll(assertBuilt);
afterEach(removeTempFolders);

describe('copiedSources', () => {
  it('names what COPY and ADD take from the context, without ./ or a leading /', () => {
    const text = [
      'FROM node:20 AS build',
      'COPY ./services/api/package.json /app/',
      'COPY --chown=node:node /services/api/src ./src',
      'ADD ["services/api/config dir/", "/etc/api/"]',
      'COPY services/api/a.js \\',
      '# a comment inside the instruction',
      '     services/api/b.js /app/',
      'FROM node:20-slim',
      'COPY --from=build /app /app',
      'COPY . .',
      'COPY *.json $APP/x ${DIR}/y https://example.com/z /app/',
      'ADD https://example.com/tool.tar.gz /opt/',
      'ADD git@github.com:o/r.git /src',
      'COPY ../outside /x',
      'ONBUILD COPY services/child /child',
      'COPY ./services/api/package.json /again/',
    ].join('\n');
    // `../outside` climbs out of the context: BuildKit copies the context's `outside`.
    expect(copiedSources(text)).toEqual(['services/api/package.json', 'services/api/src', 'services/api/config dir', 'services/api/a.js', 'services/api/b.js', 'outside']);
  });

  it('reads the escape directive and CRLF lines, and skips what heredocs hold', () => {
    const windows = '# escape=`\r\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\r\nCOPY app\\bin `\r\n     C:/app/\r\n';
    expect(copiedSources(windows)).toEqual(['app\\bin']);
    const heredocs = ['FROM alpine', 'COPY <<EOF /etc/app.conf', 'COPY not/an/instruction /x', 'EOF', 'RUN <<-SH', '\tCOPY nor/this /y', '\tSH', 'COPY real/file /z'].join('\n');
    expect(copiedSources(heredocs)).toEqual(['real/file']);
    // As BuildKit reads them: none in quotes or in a CMD; one after a file descriptor or blanks.
    const lookalikes = ['FROM alpine', 'RUN echo "a <<EOF"', 'COPY one /1', 'CMD cat <<EOF', 'COPY two /2', 'RUN cat 3<<EOF', 'COPY not/this /x', 'EOF', 'RUN cat << EOF', 'COPY nor/this /y', 'EOF', 'COPY three /3'].join('\n');
    expect(copiedSources(lookalikes)).toEqual(['one', 'two', 'three']);
  });
});

describe('inferContext', () => {
  const repo = () =>
    tempFolder({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'services/api/Dockerfile': 'FROM node:20\nCOPY services/api/package.json services/api/server.js /app/\nCMD ["node", "/app/server.js"]\n',
      'services/api/package.json': '{}\n',
      'services/api/server.js': '1\n',
    });

  it('takes the folder above that holds every source when the own folder holds none', () => {
    const root = repo();
    const file = path.join(root, 'services/api/Dockerfile');
    expect(new ContextFinder().contextOf(file)).toEqual({ root, by: 'copies', sources: ['services/api/package.json', 'services/api/server.js'] });
  });

  it('keeps the own folder when it holds a source, when no folder holds them all, and outside a repository', () => {
    const root = repo();
    const own = path.join(root, 'services/api');
    // The own folder holds server.js, and no folder holds both: none is proven the context.
    expect(inferContext(path.join(own, 'Dockerfile'), 'FROM node:20\nCOPY server.js services/api/server.js /app/\n', root)).toBeNull();
    // Every source is nowhere: no folder is proven the context.
    expect(inferContext(path.join(own, 'Dockerfile'), 'FROM node:20\nCOPY dist/app.js build/ /app/\n', root)).toBeNull();
    // What is nowhere (a build output) left out, the own folder holds the rest.
    expect(inferContext(path.join(own, 'Dockerfile'), 'FROM node:20\nCOPY server.js dist/app.js /app/\n', root)).toBeNull();
    // What is nowhere left out, the own folder holds server.js and no folder holds both of the rest.
    expect(inferContext(path.join(own, 'Dockerfile'), 'FROM node:20\nCOPY server.js services/api/server.js dist/app.js /app/\n', root)).toBeNull();
    // Nothing named: `.` is in every folder.
    expect(inferContext(path.join(own, 'Dockerfile'), 'FROM node:20\nCOPY . /app/\n', root)).toBeNull();
    // Not above the repository's top.
    expect(inferContext(path.join(own, 'Dockerfile'), 'FROM node:20\nCOPY services/api/server.js /app/\n', own)).toBeNull();
    const loose = tempFolder({ 'services/api/Dockerfile': 'FROM node:20\nCOPY services/api/server.js /app/\n', 'services/api/server.js': '1\n' });
    expect(new ContextFinder().contextOf(path.join(loose, 'services/api/Dockerfile'))).toBeNull();
  });

  it('leaves out a source that no folder up to the top holds, a build output made before the build', () => {
    // zigbee2mqtt's docker/Dockerfile, built from the root after \`pnpm run build\` writes dist/, which a checkout lacks.
    const root = tempFolder({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'docker/Dockerfile': 'FROM alpine:3.24\nWORKDIR /app\nCOPY dist ./dist\nCOPY package.json LICENSE index.js data/configuration.example.yaml ./\nCOPY docker/docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD [ "/sbin/tini", "--", "node", "index.js"]\n',
      'docker/docker-entrypoint.sh': '#!/bin/sh\nset -e\nexec "$@"\n',
      'package.json': '{}\n',
      'LICENSE': 'GPL\n',
      'index.js': '1\n',
      'data/configuration.example.yaml': 'a: 1\n',
    });
    expect(new ContextFinder().contextOf(path.join(root, 'docker/Dockerfile'))).toEqual({
      root,
      by: 'copies',
      sources: ['package.json', 'LICENSE', 'index.js', 'data/configuration.example.yaml', 'docker/docker-entrypoint.sh'],
      unfound: ['dist'],
    });
    const run = dockshift(['-t', 'non-root-user', '--explain', '--json', 'docker/Dockerfile'], { cwd: root });
    expect(run.status, run.stderr).toBe(0);
    const record = jsonRecords(run).find((r) => r.type === 'file') as { inferredContext: unknown };
    expect(record.inferredContext).toEqual({ path: '.', by: 'copies', folder: 'docker', sources: ['package.json', 'LICENSE', 'index.js', 'data/configuration.example.yaml', 'docker/docker-entrypoint.sh'], unfound: ['dist'] });
    expect(run.stderr).toContain(
      "docker/Dockerfile: build context taken as .: the Dockerfile's folder, docker, holds none of what it copies (package.json, LICENSE and 3 more), and . holds it all, leaving out dist, which no folder up to the repository's top holds (a build output, made before the build)",
    );
    // The entrypoint is read from the context: it hands over with exec, so its start is not what stops the change.
    expect(run.stderr).not.toContain('entrypoint-unread');
    // A path a command runs that no folder holds is one the build makes: it proves nothing, and is not left out of what the own folder lacks.
    expect(inferContext(path.join(root, 'docker/Dockerfile'), 'FROM golang:1.22\nADD . /src\nRUN /src/docker/docker-entrypoint.sh && /src/bin/app\n', root)).toBeNull();
  });

  it('takes the folder above that holds every source when the own folder holds only some', () => {
    // wger's extras/docker/production/Dockerfile, built from the project's root: its folder has a README.md of its own.
    const root = tempFolder({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'extras/docker/production/Dockerfile': 'FROM wger/base:latest\nCOPY pyproject.toml README.md /root/src/\nCOPY wger/version.py /root/src/wger/\nCOPY extras/docker/production/entrypoint.sh /home/wger/entrypoint.sh\nCMD ["/home/wger/entrypoint.sh"]\n',
      'extras/docker/production/README.md': 'how to build\n',
      'extras/docker/production/entrypoint.sh': '#!/bin/bash\nexec gunicorn wger.wsgi\n',
      'pyproject.toml': '[project]\nname = "wger"\n',
      'README.md': 'wger\n',
      'wger/version.py': 'VERSION = 1\n',
    });
    expect(new ContextFinder().contextOf(path.join(root, 'extras/docker/production/Dockerfile'))).toEqual({
      root,
      by: 'copies',
      sources: ['pyproject.toml', 'README.md', 'wger/version.py', 'extras/docker/production/entrypoint.sh'],
      lacking: ['pyproject.toml', 'wger/version.py', 'extras/docker/production/entrypoint.sh'],
    });
    const own = path.join(root, 'extras/docker/production');
    // The own folder holds it all: a build beside the Dockerfile works, whatever a folder above holds.
    expect(inferContext(path.join(own, 'Dockerfile'), 'FROM wger/base:latest\nCOPY README.md /src/\n', root)).toBeNull();
    // One of the project's own files beside the Dockerfile keeps its folder: what it lacks (an ignored .env) may be made
    // before the build, and the workspace's package.json above is not the service's.
    fs.writeFileSync(path.join(own, 'package.json'), '{}\n');
    fs.writeFileSync(path.join(root, 'package.json'), '{}\n');
    fs.writeFileSync(path.join(root, '.env'), 'A=1\n');
    expect(inferContext(path.join(own, 'Dockerfile'), 'FROM node:20\nCOPY package.json .env ./\nCOPY . .\n', root)).toBeNull();
    // The paths a command runs may be ones the build makes: a folder that holds one of them keeps the build.
    fs.writeFileSync(path.join(own, 'build.sh'), '#!/bin/sh\n');
    fs.writeFileSync(path.join(root, 'build.sh'), '#!/bin/sh\n');
    fs.mkdirSync(path.join(root, 'bin'));
    fs.writeFileSync(path.join(root, 'bin/app'), '1\n');
    expect(inferContext(path.join(own, 'Dockerfile'), 'FROM golang:1.22\nADD . /src\nRUN /src/build.sh && /src/bin/app\n', root)).toBeNull();
  });

  it('reads the files a command runs inside a copy of the whole context, where no COPY names a file', () => {
    // miniflux's packaging/debian/Dockerfile, built with `docker build -f packaging/debian/Dockerfile .`.
    const root = tempFolder({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'packaging/debian/Dockerfile': 'FROM golang:1.22\nADD . /src\nCMD ["/src/packaging/debian/build.sh"]\n',
      'packaging/debian/build.sh': '#!/bin/sh\n',
    });
    const own = path.join(root, 'packaging/debian');
    expect(new ContextFinder().contextOf(path.join(own, 'Dockerfile'))).toEqual({ root, by: 'copies', sources: ['packaging/debian/build.sh'] });
    // Under an absolute WORKDIR, `COPY . .` copies to it; a path the build makes (bin/app) is in no folder.
    expect(inferContext(path.join(own, 'Dockerfile'), 'FROM golang:1.22\nWORKDIR /go/src\nCOPY . .\nRUN ./packaging/debian/build.sh && /go/src/packaging/debian/build.sh\n', root)).toEqual({ root, by: 'copies', sources: ['packaging/debian/build.sh'] });
    expect(inferContext(path.join(own, 'Dockerfile'), 'FROM golang:1.22\nADD . /src\nRUN /src/packaging/debian/build.sh && /src/bin/app\n', root)).toBeNull();
    // A COPY that names a file decides alone; a command's path inside it is the own folder's.
    expect(inferContext(path.join(own, 'Dockerfile'), 'FROM golang:1.22\nCOPY build.sh /x/\nADD . /src\nCMD ["/src/packaging/debian/build.sh"]\n', root)).toBeNull();
    expect(inferContext(path.join(own, 'Dockerfile'), 'FROM golang:1.22\nADD . /src\nCMD ["/src/build.sh"]\n', root)).toBeNull();
    // A later stage's path, copied from a build stage that copied the context, is not the context's.
    const stages = 'FROM golang:1.22 AS build\nCOPY . /src\nRUN /src/packaging/debian/build.sh\nFROM debian:12-slim\nWORKDIR /src\nCOPY --from=build /src/bin/server ./bin/server\nCMD ["./bin/server"]\n';
    expect(inferContext(path.join(own, 'Dockerfile'), stages, root)).toEqual({ root, by: 'copies', sources: ['packaging/debian/build.sh'] });
  });

  it('reads a ./ path from the WORKDIR the command starts in, and leaves out what a RUN makes', () => {
    // FreshRSS's Docker/Dockerfile, built with `docker build -f Docker/Dockerfile .`: the only COPY that names
    // files is a glob; the RUN touches Docker/env.txt, which no folder holds, before a crontab line names it.
    const dockerfile = [
      'FROM debian:12-slim',
      'RUN mkdir -p /var/www/FreshRSS/ /run/apache2/',
      'COPY . /var/www/FreshRSS',
      'COPY ./Docker/*.Apache.conf /etc/apache2/sites-available/',
      'WORKDIR /var/www/FreshRSS',
      'RUN sed -i "s/x/y/" ./config.default.php && \\',
      '\ttouch /var/www/FreshRSS/Docker/env.txt && \\',
      '\techo "7,37 * * * * . /var/www/FreshRSS/Docker/env.txt; php /var/www/FreshRSS/app/actualize_script.php" > /etc/crontab.freshrss.default',
      'ENTRYPOINT ["./Docker/entrypoint.sh"]',
      'CMD ([ -z "$CRON_MIN" ] || cron) && exec apache2 -D FOREGROUND',
    ].join('\n');
    const root = tempFolder({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'Docker/Dockerfile': dockerfile,
      'Docker/entrypoint.sh': '#!/bin/sh\nexec "$@"\n',
      'app/actualize_script.php': '<?php\n',
      'config.default.php': '<?php\n',
    });
    expect(new ContextFinder().contextOf(path.join(root, 'Docker/Dockerfile'))).toEqual({ root, by: 'copies', sources: ['app/actualize_script.php', 'config.default.php', 'Docker/entrypoint.sh'] });
    // The ENTRYPOINT starts in the stage's last WORKDIR, even one set after it.
    const own = path.join(root, 'Docker');
    expect(inferContext(path.join(own, 'Dockerfile'), 'FROM debian:12-slim\nENTRYPOINT ["./Docker/entrypoint.sh"]\nCOPY . /srv\nWORKDIR /srv\n', root)).toEqual({ root, by: 'copies', sources: ['Docker/entrypoint.sh'] });
    // Without an absolute WORKDIR, or after a RUN changes folder, a ./ path says nothing of where it lies.
    expect(inferContext(path.join(own, 'Dockerfile'), 'FROM debian:12-slim\nCOPY . /srv\nENTRYPOINT ["./Docker/entrypoint.sh"]\n', root)).toBeNull();
    expect(inferContext(path.join(own, 'Dockerfile'), 'FROM debian:12-slim\nWORKDIR /srv\nCOPY . .\nRUN cd /tmp && ./Docker/entrypoint.sh\n', root)).toBeNull();
    // A path the build makes that another command names while no RUN makes it keeps the own folder.
    expect(inferContext(path.join(own, 'Dockerfile'), 'FROM debian:12-slim\nWORKDIR /srv\nCOPY . .\nCMD ["./Docker/entrypoint.sh", "/srv/Docker/env.txt"]\n', root)).toBeNull();
  });

  it('reads a source that climbs out of the context from its top, as BuildKit does', () => {
    // parkervcp/yolks: java/8/Dockerfile copies `./../entrypoint.sh`, built with the context java/.
    const root = tempFolder({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'java/8/Dockerfile': 'FROM eclipse-temurin:8-jdk-focal\nCOPY --chown=container:container ./../entrypoint.sh /entrypoint.sh\nCMD ["/entrypoint.sh"]\n',
      'java/entrypoint.sh': '#!/bin/bash\nexec java -jar server.jar\n',
    });
    expect(new ContextFinder().contextOf(path.join(root, 'java/8/Dockerfile'))).toEqual({ root: path.join(root, 'java'), by: 'copies', sources: ['entrypoint.sh'] });
  });

  it('takes the nearest folder that holds them all', () => {
    const root = tempFolder({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'apps/web/docker/Dockerfile': 'FROM nginx\nCOPY dist /usr/share/nginx/html\n',
      'apps/web/dist/index.html': '<p>\n',
      'dist/index.html': '<p>\n',
    });
    expect(new ContextFinder().contextOf(path.join(root, 'apps/web/docker/Dockerfile'))?.root).toBe(path.join(root, 'apps/web'));
  });
});

describe('ContextFinder', () => {
  const API = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "services/api/main.py"]\n';

  it('takes the context a compose service of the repository builds the Dockerfile with', () => {
    const root = tempFolder({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'deploy/docker-compose.yml': 'services:\n  api:\n    build:\n      context: ..\n      dockerfile: services/api/Dockerfile\n  web:\n    build: ../web\n',
      'services/api/Dockerfile': API,
      'services/api/main.py': 'print(1)\n',
      'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      dockerfile: ./services/api/Dockerfile\n',
    });
    // Both compose files say the same (deploy/, below the top, is where projects keep them); only `COPY . .`, which proves nothing, is copied.
    expect(new ContextFinder().contextOf(path.join(root, 'services/api/Dockerfile'))).toEqual({ root, by: 'compose', file: path.join(root, 'compose.yaml'), service: 'api' });
    fs.rmSync(path.join(root, 'compose.yaml'));
    expect(new ContextFinder().contextOf(path.join(root, 'services/api/Dockerfile'))).toEqual({ root, by: 'compose', file: path.join(root, 'deploy/docker-compose.yml'), service: 'api' });
  });

  it('keeps the own folder when a compose service builds it there, and reads the sources when services disagree', () => {
    const own = tempFolder({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'docker-compose.yml': 'services:\n  api:\n    build: ./services/api\n',
      // The root holds what it names, but compose builds it beside itself.
      'services/api/Dockerfile': 'FROM python:3.12-slim\nCOPY requirements.txt /app/\n',
      'requirements.txt': 'flask\n',
    });
    expect(new ContextFinder().contextOf(path.join(own, 'services/api/Dockerfile'))).toBeNull();
    const split = tempFolder({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'docker-compose.yml': 'services:\n  a:\n    build: ./services/api\n  b:\n    build:\n      context: .\n      dockerfile: services/api/Dockerfile\n',
      'services/api/Dockerfile': 'FROM python:3.12-slim\nCOPY requirements.txt /app/\n',
      'requirements.txt': 'flask\n',
    });
    expect(new ContextFinder().contextOf(path.join(split, 'services/api/Dockerfile'))).toEqual({ root: split, by: 'copies', sources: ['requirements.txt'] });
  });

  it('leaves a context compose fills from the environment to the sources', () => {
    const root = tempFolder({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'compose.yaml': 'services:\n  api:\n    build:\n      context: ${API_CONTEXT:-.}\n      dockerfile: services/api/Dockerfile\n',
      'services/api/Dockerfile': API,
    });
    expect(new ContextFinder().contextOf(path.join(root, 'services/api/Dockerfile'))).toBeNull();
  });
});

describe('the CLI', () => {
  const monorepo = () =>
    tempFolder({
      '.git/HEAD': 'ref: refs/heads/main\n',
      // The workspace's lock file is at the top: the build installs from there, then copies the whole tree.
      'services/api/Dockerfile': 'FROM node:20-alpine\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nUSER node\nCMD ["node", "services/api/server.js"]\n',
      'package.json': '{"name":"mono","version":"1.0.0"}\n',
      'package-lock.json': '{}\n',
      'services/api/server.js': '1\n',
      'node_modules/left-pad/index.js': 'module.exports = 1\n',
    });

  it('builds a Dockerfile whose folder holds none of what it copies with the folder above that holds it, and says so', () => {
    const root = monorepo();
    const run = dockshift(['-t', 'dockerignore', '--explain', '--json', 'services/api/Dockerfile'], { cwd: root });
    expect(run.status, run.stderr).toBe(0);
    const record = jsonRecords(run).find((r) => r.type === 'file') as { inferredContext: unknown; newFiles: { path: string }[] };
    expect(record.inferredContext).toEqual({ path: '.', by: 'copies', folder: 'services/api', sources: ['package.json', 'package-lock.json'] });
    // The .dockerignore goes where `docker build -f services/api/Dockerfile .` reads it.
    expect(record.newFiles.map((f) => f.path)).toEqual(['.dockerignore']);
    expect(run.stderr).toContain(
      "services/api/Dockerfile: build context taken as .: the Dockerfile's folder, services/api, holds none of what it copies (package.json, package-lock.json), and . holds it all",
    );
  });

  it('says which sources the Dockerfile\'s folder lacks when it holds the others', () => {
    const root = tempFolder({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'extras/docker/demo/Dockerfile': 'FROM python:3.12-slim\nCOPY README.md pyproject.toml /src/\nCMD ["python", "-m", "http.server"]\n',
      'extras/docker/demo/README.md': 'how to build\n',
      'README.md': 'the project\n',
      'pyproject.toml': '[project]\nname = "demo"\n',
    });
    const run = dockshift(['-t', 'exec-form', '--explain', '--json', 'extras/docker/demo/Dockerfile'], { cwd: root });
    expect(run.status, run.stderr).toBe(0);
    const record = jsonRecords(run).find((r) => r.type === 'file') as { inferredContext: unknown };
    expect(record.inferredContext).toEqual({ path: '.', by: 'copies', folder: 'extras/docker/demo', sources: ['README.md', 'pyproject.toml'], lacking: ['pyproject.toml'] });
    expect(run.stderr).toContain(
      "extras/docker/demo/Dockerfile: build context taken as .: the Dockerfile's folder, extras/docker/demo, lacks some of what it copies (pyproject.toml), and . holds it all",
    );
  });

  it('reads an override file over the project file beside it, as compose does, and never alone', () => {
    const files = {
      '.git/HEAD': 'ref: refs/heads/main\n',
      'app/compose.yaml': 'services:\n  web:\n    build:\n      context: ..\n      dockerfile: app/Dockerfile\n',
      // Its \`build\` only picks a stage: the context and the Dockerfile stay the project file's.
      'app/compose.override.yaml': 'services:\n  web:\n    build:\n      target: dev\n    volumes:\n      - ..:/src\n',
      'app/Dockerfile': 'FROM node:22-slim AS dev\nWORKDIR /src\nCOPY . .\n',
    };
    const root = tempFolder(files);
    expect(new ContextFinder().contextOf(path.join(root, 'app/Dockerfile'))).toEqual({ root, by: 'compose', file: path.join(root, 'app/compose.yaml'), service: 'web' });
    // Without the project's file, compose reads no override file.
    const alone = tempFolder({
      '.git/HEAD': files['.git/HEAD'],
      'app/docker-compose.override.yml': files['app/compose.yaml'],
      'app/Dockerfile': files['app/Dockerfile'],
    });
    expect(new ContextFinder().contextOf(path.join(alone, 'app/Dockerfile'))).toBeNull();
  });

  it('reads a compose override file with its own tags (`!reset`, `!override`) without a warning', () => {
    const root = tempFolder({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'docker-compose.yml': 'services:\n  web:\n    build: .\n  backup:\n    image: postgres:16\n',
      'docker-compose.dev.yml': 'services:\n  web:\n    ports: !override\n      - "8000:8000"\n  backup: !reset null\n',
      'Dockerfile': 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["/app/entrypoint.sh"]\n',
      'entrypoint.sh': '#!/bin/sh\nexec "$@"\n',
    });
    const run = dockshift(['--explain', 'Dockerfile'], { cwd: root });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/YAMLWarning|TAG_RESOLVE_FAILED/);
  });

  it('says which compose service gave the context', () => {
    const root = tempFolder({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      dockerfile: services/api/Dockerfile\n',
      'services/api/Dockerfile': 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "services/api/main.py"]\n',
    });
    const run = dockshift(['-t', 'exec-form', '--explain', '--json', 'services/api/Dockerfile'], { cwd: root });
    const record = jsonRecords(run).find((r) => r.type === 'file') as { inferredContext: unknown };
    expect(record.inferredContext).toEqual({ path: '.', by: 'compose', file: 'compose.yaml', service: 'api' });
    expect(run.stderr).toContain('services/api/Dockerfile: build context taken as .: service api of compose.yaml builds the Dockerfile with it');
  });

  it('takes the context --context names, and says nothing of it', () => {
    const root = monorepo();
    const run = dockshift(['-t', 'dockerignore', '--explain', '--json', '--context', 'services/api', 'services/api/Dockerfile'], { cwd: root });
    const record = jsonRecords(run).find((r) => r.type === 'file') as Record<string, unknown>;
    expect(record.inferredContext).toBeNull();
    expect(run.stderr).not.toContain('build context taken as');
  });
});
