import { describe, expect, it } from 'vitest';
import {
  copiedArtefacts,
  imageFileLibc,
  installedBefore,
  muslProblems,
  olderThan,
  originOf,
  parseRequirement,
  stageCommands,
  stageNeeds,
  stagesBuiltOn,
  switchEdits,
  baseOf,
  workdirAt,
} from '../../src/analysis/index.js';
import { omitsDevDependencies } from '../../src/analysis/dependencies.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { memoryBuildContext, overlayBuildContext } from '../../src/engine/context.js';
import { applyEdits } from '../../src/engine/edits.js';
import { runPipeline } from '../../src/engine/pipeline.js';
import { parseScript, recognise } from '../../src/shell/index.js';
import slimBase from '../../transforms/slim-base.js';

const file = (text: string) => parseDockerfile(text);
const at = (f: ReturnType<typeof file>, line: number) => f.instructions.find((i) => i.line === line)!;

describe('paths: where a file in the image came from', () => {
  const f = file('FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt /app\nCOPY package*.json ./\nCOPY scripts/ /opt/scripts/\nCOPY . .\nRUN x\n');
  const ctx = memoryBuildContext({ 'requirements.txt': 'a', 'package.json': '{}', 'scripts/run.sh': 'x', 'src/main.py': '' });
  const run = at(f, 7);

  it('follows WORKDIR', () => {
    expect(workdirAt(f, run)).toBe('/app');
  });

  it('maps files into a WORKDIR folder, globs, folders and `COPY . .`', () => {
    expect(originOf(f, run, '/app/requirements.txt', ctx)).toMatchObject({ kind: 'context', path: 'requirements.txt' });
    expect(originOf(f, at(f, 5), '/app/package.json', ctx)).toMatchObject({ kind: 'context', path: 'package.json' });
    expect(originOf(f, run, '/opt/scripts/run.sh', ctx)).toMatchObject({ kind: 'context', path: 'scripts/run.sh' });
    expect(originOf(f, run, '/app/src/main.py', ctx)).toMatchObject({ kind: 'context', path: 'src/main.py' });
    expect(originOf(f, run, '/usr/bin/python3', ctx)).toBeNull();
  });

  it('reports copies from stages and downloads', () => {
    const g = file('FROM golang:1.22 AS b\nRUN go build -o /out/app\nFROM alpine\nCOPY --from=b /out/app /usr/bin/app\nADD https://example.com/tini /tini\nCMD ["app"]\n');
    expect(originOf(g, at(g, 6), '/usr/bin/app', null)).toMatchObject({ kind: 'stage', stage: 0, path: '/out/app' });
    expect(originOf(g, at(g, 6), '/tini', null)).toMatchObject({ kind: 'download', url: 'https://example.com/tini' });
  });

  // Padded with 20 unrelated COPYs after each FROM, the stages are searched through their index, not COPY by COPY.
  it.each([0, 20])('takes the last COPY that could have written the path, whatever its destination folder (%i more COPYs)', (pad) => {
    const padding = Array.from({ length: pad }, (_, i) => `COPY pad/${i} /pad/${i}`);
    const h = file(
      [
        'FROM node:20 AS base',
        ...padding,
        'COPY a/ /',
        'COPY b/package.json /srv/',
        'FROM base',
        ...padding,
        'WORKDIR /srv',
        'COPY c/package.json ./',
        'COPY d /srv/lib',
        'COPY $X/package.json .',
        'COPY e/package.json /srv/package.json',
        'COPY f/ /srv/lib/',
        'RUN x',
      ].join('\n'),
    );
    /** Line n of the file without padding. */
    const line = (n: number) => n + (n > 1 ? pad : 0) + (n > 4 ? pad : 0);
    const run = at(h, line(11));
    // An exact destination beats everything before it; a folder copied into /srv/lib writes under it.
    expect(originOf(h, run, '/srv/package.json', null)).toMatchObject({ kind: 'context', path: 'e/package.json' });
    expect(originOf(h, run, '/srv/lib/x.js', null)).toMatchObject({ kind: 'context', path: 'f/x.js' });
    // Before line 9 the variable's COPY may have written it; before that, the COPY into ./ did (`d` only writes under /srv/lib).
    expect(originOf(h, at(h, line(9)), '/srv/package.json', null)).toMatchObject({ kind: 'unknown', inst: { line: line(8) } });
    expect(originOf(h, at(h, line(8)), '/srv/package.json', null)).toMatchObject({ kind: 'context', path: 'c/package.json' });
    // The stage below: copied into /srv, and a folder copied into / holds everything else.
    expect(originOf(h, at(h, line(6)), '/srv/package.json', null)).toMatchObject({ kind: 'context', path: 'b/package.json' });
    expect(originOf(h, at(h, line(6)), '/etc/app.conf', null)).toMatchObject({ kind: 'context', path: 'a/etc/app.conf' });
    expect(originOf(h, run, '/pad/3', null)).toEqual(pad === 0 ? { kind: 'context', path: 'a/pad/3', inst: at(h, line(2)) } : { kind: 'context', path: 'pad/3', inst: at(h, line(4) + 4) });
    // A path not in normal form is compared with every COPY, as written: only the variable's may have written it.
    expect(originOf(h, run, '/srv//lib/x.js', null)).toMatchObject({ kind: 'unknown', inst: { line: line(8) } });
  });

  it('reads a COPY of a source named `..` for every path', () => {
    // A source named `..` is the context's root, as BuildKit joins a relative source to `/`: its contents land in the destination.
    const up = file('FROM alpine\nCOPY .. /app/run.sh/x\nADD https://example.com/a/.. /srv/\nRUN x\n');
    expect(originOf(up, at(up, 4), '/app/run.sh', null)).toBeNull();
    expect(originOf(up, at(up, 4), '/app/run.sh/x/y', null)).toMatchObject({ kind: 'context', path: 'y' });
    expect(originOf(up, at(up, 4), '/', null)).toMatchObject({ kind: 'download', url: 'https://example.com/a/..' });
  });
});

describe('commands a stage runs', () => {
  it('reads RUN, CMD, HEALTHCHECK and scripts copied from the build context', () => {
    const f = file('FROM node:20\nCOPY setup.sh package.json /\nRUN /setup.sh && npm ci\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nCMD ["node", "index.js"]\n');
    const ctx = memoryBuildContext({ 'setup.sh': '#!/bin/sh\nmake install\n', 'package.json': '{}' });
    const scan = stageCommands(f, f.stages[0]!, ctx);
    expect(scan.commands.map((c) => [c.name, c.via, c.runtime])).toEqual([
      ['setup.sh', null, false],
      ['make', 'setup.sh', false],
      ['npm', null, false],
      ['curl', null, true],
      ['exit', null, true],
      ['node', null, true],
    ]);
    expect(scan.unknowns).toEqual([]);
  });

  it('reads the program behind prefixes, inits and user switches, as every reader of programs does', () => {
    const f = file('FROM debian:12\nCOPY entrypoint.sh /\nRUN sudo -u app mkdir -p /data && command -v curl\nENTRYPOINT ["tini", "-e", "143", "--", "/entrypoint.sh"]\n');
    const ctx = memoryBuildContext({ 'entrypoint.sh': '#!/bin/sh\nexec gosu nobody:nogroup env A=1 wget -q https://example.com/x\n' });
    expect(stageCommands(f, f.stages[0]!, ctx).commands.map((c) => [c.name, c.runtime])).toEqual([
      ['mkdir', false],
      ['tini', true],
      ['entrypoint.sh', true],
      ['wget', true],
    ]);
  });

  it('reads the build context a pass laid files over as that context, not the one beneath it', () => {
    const f = file('FROM debian:12\nCOPY setup.sh /\nRUN /setup.sh\n');
    const disk = memoryBuildContext({ 'setup.sh': '#!/bin/sh\nmake install\n' });
    const overlay = overlayBuildContext(disk, new Map([['setup.sh', '#!/bin/sh\ncmake --install build\n']]));
    expect(overlay.root).toBe(disk.root);
    expect(stageCommands(f, f.stages[0]!, disk).commands.map((c) => c.name)).toEqual(['setup.sh', 'make']);
    expect(stageCommands(f, f.stages[0]!, overlay).commands.map((c) => c.name)).toEqual(['setup.sh', 'cmake']);
  });

  it('does not take a program a RUN made for a file of the build context', () => {
    const f = file('FROM python:3.13\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen\nCOPY . .\nCMD ["/app/.venv/bin/python", "-m", "app"]\n');
    const ctx = memoryBuildContext({ 'pyproject.toml': '[project]\nname = "app"\n', 'uv.lock': 'version = 1\n', 'app/__main__.py': '' });
    expect(stageCommands(f, f.stages[0]!, ctx).unknowns).toEqual([]);
    // Scripts no RUN makes stay the COPY's when the context read lacks them: it may not be the build's.
    const g = file('FROM python:3.13\nCOPY run.sh /run.sh\nCOPY . /app\nRUN /run.sh && /app/build.sh\n');
    expect(stageCommands(g, g.stages[0]!, ctx).unknowns.map((u) => u.why)).toEqual(['run.sh is not in the build context dockshift can read', 'build.sh is not in the build context dockshift can read']);
    const h = file('FROM node:20\nWORKDIR /app\nCOPY package.json ./\nRUN npm ci\nCOPY . .\nCMD ["/app/node_modules/.bin/serve.sh"]\n');
    expect(stageCommands(h, h.stages[0]!, memoryBuildContext({ 'package.json': '{}' })).unknowns).toEqual([]);
  });

  it('lists a script it cannot read as unknown, and skips scripts in other languages', () => {
    const f = file('FROM node:20\nCOPY setup.sh run.py /\nRUN /setup.sh && /run.py\n');
    const scan = stageCommands(f, f.stages[0]!, memoryBuildContext({}));
    expect(scan.unknowns.map((u) => u.why)).toEqual(['setup.sh is not in the build context dockshift can read']);
  });

  it('takes a script piped into any shell the shell layer knows, mksh too, for one it cannot read', () => {
    for (const shell of ['sh', 'bash', 'mksh']) {
      const f = file(`FROM debian:12\nRUN curl -fsSL https://example.com/install.sh | ${shell}\n`);
      expect(stageCommands(f, f.stages[0]!, null).unknowns.map((u) => u.why), shell).toEqual(['the shell runs a script it reads from a pipe (downloaded at build time, say)']);
    }
  });

  it('lists a shell command string only known at build time as unknown, and reads a known one', () => {
    const f = file('FROM debian:12\nARG PKGS=git\nRUN sh -c "apt-get install -y $PKGS" && bash -ec \'make && make install\'\n');
    const scan = stageCommands(f, f.stages[0]!, null);
    expect(scan.commands.map((c) => c.name)).toEqual(['sh', 'bash', 'make', 'make']);
    expect(scan.unknowns.map((u) => [u.what, u.why])).toEqual([['sh -c "apt-get install -y $PKGS"', 'the shell runs a command string only known at build time']]);
  });

  it('reads a shell command string with the values ENV gives, and not one the script sets itself', () => {
    const f = file('FROM debian:12\nENV NVM_DIR=/opt/nvm NODE_VERSION=20\nRUN bash -c ". $NVM_DIR/nvm.sh && nvm install $NODE_VERSION"\nRUN NODE_VERSION=18; sh -c "apt-get install -y nodejs$NODE_VERSION"\n');
    const scan = stageCommands(f, f.stages[0]!, null);
    expect(scan.commands.map((c) => c.name)).toEqual(['bash', '.', 'nvm', 'sh']);
    expect(scan.unknowns.map((u) => u.why)).toEqual(['the shell runs a command string only known at build time']);
  });

  it('reads the command string su gives a shell, and lists one only known at build time as unknown', () => {
    const f = file('FROM debian:12\nARG CMD\nRUN su -c "apt-get install -y git" root && su app -c "$CMD"\n');
    const scan = stageCommands(f, f.stages[0]!, null);
    expect(scan.commands.map((c) => c.name)).toEqual(['su', 'apt-get', 'su']);
    expect(scan.unknowns.map((u) => [u.what, u.why])).toEqual([['su app -c "$CMD"', 'su runs a command string only known at build time']]);
  });

  it('reads a shell command line the same way past options that take an argument', () => {
    const ctx = memoryBuildContext({ 'setup.sh': '#!/bin/sh\nmake install\n' });
    const scan = (text: string) => {
      const f = file(text);
      const s = stageCommands(f, f.stages[0]!, ctx);
      return [...s.commands.map((c) => (c.via === null ? c.name : `${c.name} < ${c.via}`)), ...s.unknowns.map((u) => `unknown: ${u.why}`)];
    };
    // The script after `-eo pipefail` is followed into the build context.
    expect(scan('FROM debian:12\nCOPY setup.sh /\nRUN bash -eo pipefail /setup.sh\n')).toEqual(['bash', 'make < setup.sh']);
    // `-o pipefail` takes pipefail: the shell reads the downloaded script from the pipe.
    expect(scan('FROM debian:12\nRUN curl -fsSL https://x/install | bash -o pipefail\n')).toEqual([
      'curl',
      'bash',
      'unknown: the shell runs a script it reads from a pipe (downloaded at build time, say)',
    ]);
    // `-c x` are the script's arguments, not a string the shell runs; `-c --` is followed by the string.
    expect(scan('FROM debian:12\nCOPY setup.sh /\nCMD ["sh", "/setup.sh", "-c", "nginx"]\n')).toEqual(['sh', 'make < setup.sh']);
    expect(scan('FROM debian:12\nCMD ["bash", "-O", "extglob", "-c", "--", "nginx -g daemon off;"]\n')).toEqual(['bash', 'nginx']);
  });
});

describe('needs', () => {
  it('names the package a command needs, unless an earlier install brings it', () => {
    const f = file('FROM python:3.12\nRUN gcc -o a a.c\nRUN apt-get update && apt-get install -y build-essential\nRUN make && g++ -o b b.cc\n');
    const needs = stageNeeds(f, [f.stages[0]!], 'glibc', null).needs;
    // gcc compiles only with the C library's headers, which the full image has and gcc only recommends.
    expect(needs.map((n) => [n.inst.line, n.package])).toEqual([[2, 'gcc'], [2, 'libc6-dev']]);
    expect([...installedBefore(f, { inst: at(f, 4), order: 0 }, null)].sort()).toEqual(['build-essential', 'dpkg-dev', 'g++', 'gcc', 'libc6-dev', 'make']);
  });

  it('counts what an apt install recommends only while recommends are on', () => {
    const f = file('FROM python:3.12\nRUN apt-get update && apt-get install -y gcc\nRUN apt-get install -y --no-install-recommends curl\nRUN gcc -o a a.c\n');
    expect([...installedBefore(f, { inst: at(f, 4), order: 0 }, null)].sort()).toEqual(['curl', 'gcc', 'libc6-dev']);
    expect(stageNeeds(f, [f.stages[0]!], 'glibc', null).needs).toEqual([]);
    const g = file('FROM python:3.12\nRUN apt-get update && apt-get install -y --no-install-recommends gcc\nRUN gcc -o a a.c\n');
    expect(stageNeeds(g, [g.stages[0]!], 'glibc', null).needs.map((n) => n.package)).toEqual(['libc6-dev']);
    // On musl the apk translation of gcc brings musl-dev: no need of its own.
    expect(stageNeeds(g, [g.stages[0]!], 'musl', null).needs).toEqual([]);
  });

  it('takes a URL known only at run time as https unless it is written as a plain http one', () => {
    const f = file('FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nHEALTHCHECK CMD curl -f "http://localhost:${PORT}/health"\n');
    expect(stageNeeds(f, [f.stages[0]!], 'glibc', null).needs.map((n) => n.package)).toEqual([]);
    const g = file('FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nHEALTHCHECK CMD curl -f "$HEALTH_URL"\n');
    expect(stageNeeds(g, [g.stages[0]!], 'glibc', null).needs.map((n) => n.package)).toEqual(['ca-certificates']);
  });

  it('reads requirements files and knows packages without wheels', () => {
    const f = file('FROM python:3.12\nCOPY requirements.txt .\nRUN pip install -r requirements.txt "flask==${V}"\n');
    const ctx = memoryBuildContext({ 'requirements.txt': '# db\npsycopg2==2.9.9 ; python_version>"3"\n-r more.txt\n', 'more.txt': 'git+https://example.com/x.git\n' });
    const result = stageNeeds(f, [f.stages[0]!], 'glibc', ctx);
    expect(result.pip.map((r) => r.name ?? r.spec)).toEqual(['flask', 'psycopg2', 'git+https://example.com/x.git']);
    expect(result.needs.map((n) => n.package)).toEqual(['gcc', 'libpq-dev', 'git', 'ca-certificates', 'libc6-dev']);
  });

  it('reads install scripts from package-lock.json, by C library', () => {
    const lock = JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/canvas': { hasInstallScript: true }, 'node_modules/fsevents': { hasInstallScript: true, os: ['darwin'] }, 'node_modules/left-pad': {} } });
    const f = file('FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\n');
    const ctx = memoryBuildContext({ 'package.json': '{}', 'package-lock.json': lock });
    expect(stageNeeds(f, [f.stages[0]!], 'glibc', ctx).needs).toEqual([]);
    const musl = stageNeeds(f, [f.stages[0]!], 'musl', ctx);
    expect(musl.needs.map((n) => n.package)).toEqual(['python3', 'make', 'g++']);
    expect(muslProblems(musl).map((p) => p.what)).toEqual(['canvas (package-lock.json)']);
    // A lockfile no COPY brings in is not what the install reads: it resolves package.json afresh.
    const g = file('FROM node:20\nWORKDIR /app\nCOPY package.json ./\nRUN npm install\n');
    const fresh = stageNeeds(g, [g.stages[0]!], 'glibc', memoryBuildContext({ 'package.json': '{"dependencies":{"express":"^4"}}', 'package-lock.json': lock }));
    expect(fresh.unknowns.map((u) => u.why)).toEqual(['package.json does not record which packages run an install script, and dockshift does not know whether express does (one may compile with node-gyp)']);
  });

  it('leaves devDependencies out of a production install', () => {
    const lock = JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/odd-native': { hasInstallScript: true, dev: true }, 'node_modules/left-pad': {} } });
    const needs = (install: string, files: Record<string, string> = { 'package.json': '{}', 'package-lock.json': lock }, copy = 'package.json package-lock.json') => {
      const f = file(`FROM node:20\nWORKDIR /app\nCOPY ${copy} ./\n${install}\n`);
      return stageNeeds(f, [f.stages[0]!], 'glibc', memoryBuildContext(files)).unknowns.map((u) => u.what);
    };
    expect(needs('RUN npm ci')).toEqual(['odd-native (package-lock.json)']);
    for (const install of ['RUN npm ci --omit=dev', 'RUN npm ci --omit dev', 'RUN npm ci --only=production', 'RUN npm install --production', 'RUN NODE_ENV=production npm ci', 'ENV NODE_ENV=production\nRUN npm ci']) {
      expect(needs(install)).toEqual([]);
    }
    expect(needs('ENV NODE_ENV=production\nRUN npm ci --include=dev')).toEqual(['odd-native (package-lock.json)']);
    // Without a lockfile: package.json's devDependencies are not resolved.
    const manifest = { 'package.json': '{"devDependencies":{"odd-native":"^1"}}' };
    expect(needs('RUN npm install', manifest, 'package.json')).toEqual(['npm install']);
    expect(needs('RUN yarn install --production', manifest, 'package.json')).toEqual([]);
    expect(needs('RUN pnpm install --prod', manifest, 'package.json')).toEqual([]);
    // Yarn 2 and later install devDependencies whatever NODE_ENV says.
    expect(needs('ENV NODE_ENV=production\nRUN yarn install', manifest, 'package.json')).toEqual(['yarn install']);
    const pnpmLock = "lockfileVersion: '6.0'\n\npackages:\n\n  /odd-native@1.0.0:\n    requiresBuild: true\n    dev: true\n";
    const pnpmFiles = { 'package.json': '{}', 'pnpm-lock.yaml': pnpmLock };
    expect(needs('RUN pnpm install --frozen-lockfile', pnpmFiles, 'package.json pnpm-lock.yaml')).toEqual(['odd-native (pnpm-lock.yaml)']);
    expect(needs('RUN pnpm install --frozen-lockfile --prod', pnpmFiles, 'package.json pnpm-lock.yaml')).toEqual([]);
  });

  it('reads a lockfileVersion 1 package-lock.json, which does not record install scripts', () => {
    const lock = JSON.stringify({ lockfileVersion: 1, dependencies: { express: { version: '4.18.2', dependencies: { 'odd-native': { version: '1.0.0' } } }, jest: { version: '29.0.0', dev: true }, mine: { version: 'git+ssh://git@github.com/x/mine.git#abc' } } });
    const f = file('FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\n');
    const result = stageNeeds(f, [f.stages[0]!], 'glibc', memoryBuildContext({ 'package.json': '{}', 'package-lock.json': lock }));
    expect(result.unknowns.map((u) => u.why)).toEqual([
      'package-lock.json does not record which packages run an install script (lockfileVersion 1, written by npm 6 and older), and dockshift does not know whether express, odd-native, mine do (one may compile with node-gyp)',
    ]);
    expect(result.needs.map((n) => n.package)).toEqual(['git', 'openssh-client']);
  });

  it('says when the package.json whose scripts a command runs is not in the build context', () => {
    const f = file('FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm run build\n');
    expect(stageNeeds(f, [f.stages[0]!], 'glibc', memoryBuildContext({ 'main.js': '' })).unknowns.map((u) => u.why)).toEqual([
      'it runs scripts of package.json: package.json is not in the build context',
    ]);
    const g = file('FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm run build\n');
    expect(stageNeeds(g, [g.stages[0]!], 'glibc', memoryBuildContext({ 'package.json': '{' })).unknowns.map((u) => u.why)).toEqual([
      'it runs scripts of package.json: package.json is not a package.json dockshift can read',
    ]);
  });

  it('reads yarn and pnpm lockfiles: what they do not record is unknown, by name', () => {
    const f = file('FROM node:20\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\n');
    const yarnLock = '# yarn lockfile v1\n\n\n"@scope/a@^1.0.0", "@scope/a@^1.1.0":\n  version "1.1.0"\n\nnode-rdkafka@^2.18.0:\n  version "2.18.0"\n\nleft-pad@github:x/left-pad:\n  version "1.3.0"\n  resolved "git+ssh://git@github.com/x/left-pad.git#abc"\n';
    const ctx = memoryBuildContext({ 'package.json': '{}', 'yarn.lock': yarnLock });
    const result = stageNeeds(f, [f.stages[0]!], 'glibc', ctx);
    expect(result.unknowns.map((u) => u.why)).toEqual([
      'yarn.lock does not record which packages run an install script, and dockshift does not know whether @scope/a, node-rdkafka, left-pad do (one may compile with node-gyp)',
    ]);
    expect(result.needs.map((n) => n.package)).toEqual(['git', 'openssh-client']);

    const pnpm = (lock: string) => {
      const g = file('FROM node:20\nWORKDIR /app\nCOPY package.json pnpm-lock.yaml ./\nRUN pnpm install --frozen-lockfile\n');
      return stageNeeds(g, [g.stages[0]!], 'glibc', memoryBuildContext({ 'package.json': '{}', 'pnpm-lock.yaml': lock })).unknowns.map((u) => `${u.what}: ${u.why}`);
    };
    const v6 = "lockfileVersion: '6.0'\npackages:\n  /express@4.18.2:\n    dev: false\n  /@scope/native@1.0.0(react@18.0.0):\n    requiresBuild: true\n";
    expect(pnpm(v6)).toEqual(['@scope/native (pnpm-lock.yaml): it runs an install script dockshift does not know: it may compile with node-gyp']);
    expect(pnpm(v6.replace('    requiresBuild: true\n', ''))).toEqual([]);
    // 9.0 dropped requiresBuild: nothing is recorded.
    expect(pnpm("lockfileVersion: '9.0'\npackages:\n  express@4.18.2:\n    resolution: {integrity: x}\nsnapshots:\n  express@4.18.2: {}\n")).toEqual([
      'pnpm install --frozen-lockfile: pnpm-lock.yaml does not record which packages run an install script (pnpm 10 builds only what the project allows, but which pnpm runs the install is not known), and dockshift does not know whether express does (one may compile with node-gyp)',
    ]);
  });

  it('knows that pnpm 10 builds only what the project allows, once the stage is proved to run pnpm 10', () => {
    const v9 = "lockfileVersion: '9.0'\npackages:\n  express@4.18.2:\n    resolution: {integrity: x}\n  sharp@0.33.5:\n    resolution: {integrity: x}\n  odd-native@1.0.0:\n    resolution: {integrity: x}\nsnapshots:\n  express@4.18.2: {}\n";
    const run = (dockerfile: string, pkg: object, more: Record<string, string> = {}) => {
      const g = file(`FROM node:22\nWORKDIR /app\n${dockerfile}`);
      const ctx = memoryBuildContext({ 'package.json': JSON.stringify(pkg), 'pnpm-lock.yaml': v9, ...more });
      return stageNeeds(g, [g.stages[0]!], 'glibc', ctx).unknowns.map((u) => u.why.replace(/^pnpm-lock\.yaml does not record which packages run an install script /, ''));
    };
    const copy = 'COPY package.json pnpm-lock.yaml ./\n';
    const corepack = `RUN corepack enable\n${copy}RUN pnpm install --frozen-lockfile\n`;
    const withFiles = (files: string) => `RUN corepack enable\nCOPY package.json pnpm-lock.yaml ${files} ./\nRUN pnpm install --frozen-lockfile\n`;
    // corepack's pnpm is the one packageManager names: nothing is built.
    expect(run(corepack, { packageManager: 'pnpm@10.6.2+sha512.abc' })).toEqual([]);
    // Only what the project allows is built, and odd-native is not known.
    const allowed = ['(the project lets pnpm 10 build these), and dockshift does not know whether odd-native does (one may compile with node-gyp)'];
    expect(run(corepack, { packageManager: 'pnpm@10.6.2', pnpm: { onlyBuiltDependencies: ['odd-native', 'esbuild'] } })).toEqual(allowed);
    expect(run(withFiles('pnpm-workspace.yaml'), { packageManager: 'pnpm@10.6.2' }, { 'pnpm-workspace.yaml': 'onlyBuiltDependencies:\n  - odd-native@1.0.0\n' })).toEqual(allowed);
    // pnpm 10.26's allowBuilds: true allows, false does not.
    const allowBuilds = 'allowBuilds:\n  odd-native@1.0.0 || 1.0.1: true\n  sharp: false\n';
    expect(run(withFiles('pnpm-workspace.yaml'), { packageManager: 'pnpm@10.28.0' }, { 'pnpm-workspace.yaml': allowBuilds })).toEqual(allowed);
    // A settings file the build does not copy is not one pnpm reads; one it copies from elsewhere is.
    expect(run(corepack, { packageManager: 'pnpm@10.6.2' }, { 'pnpm-workspace.yaml': 'dangerouslyAllowAllBuilds: true\n', '.npmrc': 'only-built-dependencies[]=sharp\n' })).toEqual([]);
    const elsewhere = `RUN corepack enable\n${copy}COPY docker/pnpm-workspace.yaml ./\nRUN pnpm install\n`;
    expect(run(elsewhere, { packageManager: 'pnpm@10.6.2' }, { 'docker/pnpm-workspace.yaml': 'onlyBuiltDependencies: [odd-native]\n' })).toEqual(allowed);
    // An .npmrc that sets nothing about builds (a registry token) changes nothing.
    expect(run(withFiles('.npmrc'), { packageManager: 'pnpm@10.6.2' }, { '.npmrc': '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n' })).toEqual([]);
    // An explicit install says the version too.
    expect(run(`RUN npm install -g pnpm@^10\n${copy}RUN pnpm install --frozen-lockfile\n`, {})).toEqual([]);
    expect(run(`RUN corepack enable && corepack prepare pnpm@10.4.1 --activate\n${copy}RUN pnpm install\n`, {})).toEqual([]);
    expect(run(`RUN npm install -g pnpm@10.12.1\n${copy}RUN pnpm install --frozen-lockfile\n`, { packageManager: 'pnpm@10.6.2' })).toEqual([]);
    // So does a runner that names it; corepack's runs what packageManager names.
    expect(run(`${copy}RUN npx pnpm@10 install --frozen-lockfile\n`, {})).toEqual([]);
    expect(run(`${copy}RUN npm exec -- pnpm@10.12.1 install\n`, { packageManager: 'pnpm@10.6.2' })).toEqual([]);
    expect(run(`${copy}RUN corepack pnpm install\n`, { packageManager: 'pnpm@10.6.2' })).toEqual([]);

    // What does not prove pnpm 10 leaves the lockfile unrecorded, saying why.
    const unknown = (why: string) => [`(pnpm 10 builds only what the project allows, but ${why}), and dockshift does not know whether express, sharp, odd-native do (one may compile with node-gyp)`];
    expect(run(corepack, { packageManager: 'pnpm@9.15.0' })).toEqual(unknown("pnpm 9 runs every dependency's install script"));
    expect(run(corepack, { packageManager: 'pnpm@11.0.0' })).toEqual(unknown("pnpm 11 is not pnpm 10, whose build settings dockshift reads"));
    // pnpm 10 switches to the version packageManager names (manage-package-manager-versions): pnpm 9 runs.
    expect(run(`RUN npm install -g pnpm@10.12.1\n${copy}RUN pnpm install --frozen-lockfile\n`, { packageManager: 'pnpm@9.15.0' })).toEqual(
      unknown("more than one pnpm is named: 10 by `npm install -g pnpm@10.12.1`, 9 by package.json's packageManager"),
    );
    expect(run(corepack, { packageManager: 'pnpm@10.6.2', devEngines: { packageManager: { name: 'pnpm', version: '>=9' } } })).toEqual(unknown("package.json's devEngines.packageManager does not say which pnpm"));
    // packageManager alone proves no pnpm: one the base image brings may ignore it.
    expect(run(`${copy}RUN pnpm install\n`, { packageManager: 'pnpm@10.6.2' })).toEqual(unknown('which pnpm runs the install is not known'));
    expect(run(`${copy}RUN npm i -g pnpm && pnpm install\n`, { packageManager: 'pnpm@10.6.2' })).toEqual(unknown('`npm i -g pnpm` does not say which pnpm'));
    expect(run(`RUN npm i -g pnpm@$PNPM_VERSION\n${copy}RUN pnpm install\n`, {})).toEqual(unknown('`npm i -g pnpm@$PNPM_VERSION` names pnpm through a variable'));
    // A runner's pnpm is the one that runs: unversioned or latest, it is not known; the one installed before does not run.
    expect(run(`RUN npm i -g pnpm@10\n${copy}RUN npx -y pnpm install\n`, { packageManager: 'pnpm@10.6.2' })).toEqual(unknown('`npx -y pnpm install` runs whichever pnpm npx finds or fetches'));
    expect(run(`${copy}RUN npx pnpm@latest install\n`, { packageManager: 'pnpm@10.6.2' })).toEqual(unknown('`npx pnpm@latest install` does not say which pnpm'));
    expect(run(`${copy}RUN npx pnpm@$V install\n`, {})).toEqual(unknown("`npx pnpm@$V install` names pnpm's version through a variable"));
    expect(run(`${copy}RUN npx pnpm@9 install\n`, { packageManager: 'pnpm@10.6.2' })).toEqual(unknown("more than one pnpm is named: 9 by `npx pnpm@9 install`, 10 by package.json's packageManager"));
    expect(run(`${copy}RUN corepack pnpm install\n`, {})).toEqual(unknown('which pnpm runs the install is not known'));
    expect(run(`RUN npm i -g pnpm@9\n${corepack}`, { packageManager: 'pnpm@10.6.2' })).toEqual(unknown("more than one pnpm is named: 9 by `npm i -g pnpm@9`, 10 by package.json's packageManager"));
    expect(run(corepack, { packageManager: 'pnpm@10.6.2', pnpm: { neverBuiltDependencies: [] } })).toEqual(unknown('package.json sets pnpm.neverBuiltDependencies'));
    expect(run(withFiles('pnpm-workspace.yaml'), { packageManager: 'pnpm@10.6.2' }, { 'pnpm-workspace.yaml': 'dangerouslyAllowAllBuilds: true\n' })).toEqual(unknown('pnpm-workspace.yaml sets dangerouslyAllowAllBuilds'));
    expect(run(withFiles('.npmrc'), { packageManager: 'pnpm@10.6.2' }, { '.npmrc': 'only-built-dependencies[]=sharp\n' })).toEqual(unknown('/app/.npmrc changes which dependencies pnpm builds'));
    expect(run(`RUN corepack enable\nCOPY npmrc /root/.npmrc\n${copy}RUN pnpm install\n`, { packageManager: 'pnpm@10.6.2' }, { npmrc: 'dangerously-allow-all-builds=true\n' })).toEqual(
      unknown('/root/.npmrc changes which dependencies pnpm builds'),
    );
    // The workspace root is a folder above the project: its settings apply.
    const sub = `RUN corepack enable\nCOPY pnpm-workspace.yaml ./\nWORKDIR /app/api\n${copy}RUN pnpm install\n`;
    expect(run(sub, { packageManager: 'pnpm@10.6.2' }, { 'pnpm-workspace.yaml': 'packages: [api]\n' })).toEqual(unknown('/app/pnpm-workspace.yaml makes /app the workspace root, whose settings dockshift does not read'));
    // Settings given by the command line, the environment, a command or a mounted .npmrc.
    const set = (line: number) => unknown(`line ${line} sets which dependencies pnpm builds in a way dockshift does not follow`);
    expect(run(`RUN corepack enable\n${copy}RUN pnpm install --dangerously-allow-all-builds\n`, { packageManager: 'pnpm@10.6.2' })).toEqual(set(5));
    expect(run(`RUN corepack enable\n${copy}RUN pnpm install --config.only-built-dependencies=sharp\n`, { packageManager: 'pnpm@10.6.2' })).toEqual(set(5));
    expect(run(`ENV npm_config_dangerously_allow_all_builds=true\n${corepack}`, { packageManager: 'pnpm@10.6.2' })).toEqual(set(3));
    expect(run(`RUN corepack enable && pnpm config set --location=global dangerously-allow-all-builds true\n${copy}RUN pnpm install\n`, { packageManager: 'pnpm@10.6.2' })).toEqual(set(3));
    expect(run(`RUN corepack enable\n${copy}RUN echo 'onlyBuiltDependencies: [sharp]' > pnpm-workspace.yaml && pnpm install\n`, { packageManager: 'pnpm@10.6.2' })).toEqual(set(5));
    expect(run(`RUN corepack enable\n${copy}RUN --mount=type=secret,id=npmrc,target=/root/.npmrc pnpm install\n`, { packageManager: 'pnpm@10.6.2' })).toEqual(
      unknown('line 5 mounts an .npmrc whose settings are not in the build context'),
    );
    // corepack enabled in another stage, not the one the install runs in.
    const sibling = `FROM node:22 AS other\nRUN corepack enable\nFROM node:22\nWORKDIR /app\n${copy}RUN pnpm install\n`;
    const g = file(sibling);
    const ctx = memoryBuildContext({ 'package.json': JSON.stringify({ packageManager: 'pnpm@10.6.2' }), 'pnpm-lock.yaml': v9 });
    expect(stageNeeds(g, [g.stages[0]!, g.stages[1]!], 'glibc', ctx).unknowns).toHaveLength(1);
    // corepack enabled in the stage the install's stage is built on counts.
    const parent = file(`FROM node:22 AS base\nRUN corepack enable\nFROM base\nWORKDIR /app\n${copy}RUN pnpm install\n`);
    expect(stageNeeds(parent, [parent.stages[1]!], 'glibc', ctx).unknowns).toEqual([]);
  });

  it('reads the project\'s own scripts: lifecycle scripts of an install, and scripts run by name', () => {
    const f = file('FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD ["npm", "start"]\n');
    const lock = JSON.stringify({ lockfileVersion: 3, packages: { '': { hasInstallScript: true } } });
    const scripts = { postinstall: 'node-gyp rebuild', prebuild: 'git submodule update', build: 'make -C native && tsc', start: 'node dist/index.js' };
    const ctx = memoryBuildContext({ 'package.json': JSON.stringify({ scripts }), 'package-lock.json': lock });
    const result = stageNeeds(f, [f.stages[0]!], 'glibc', ctx);
    expect(result.commands.filter((c) => c.via !== null).map((c) => [c.name, c.via, c.runtime])).toEqual([
      ['node-gyp', 'package.json "postinstall" script', false],
      ['git', 'package.json "prebuild" script', false],
      ['make', 'package.json "build" script', false],
      ['tsc', 'package.json "build" script', false],
      ['node', 'package.json "start" script', true],
    ]);
    expect([...new Set(result.needs.map((n) => n.package))]).toEqual(['python3', 'make', 'g++', 'git']);
    // A package.json a build stage copied in from the context is read there.
    const m = file('FROM node:20 AS build\nWORKDIR /src\nCOPY . .\nRUN npm ci\nFROM node:20\nCOPY --from=build /src /app\nWORKDIR /app\nCMD ["npm", "start"]\n');
    const final = stageCommands(m, m.stages[1]!, ctx);
    expect([final.commands.map((c) => `${c.name} ${c.via}`), final.unknowns]).toEqual([['npm null', 'node package.json "start" script'], []]);
    // --ignore-scripts runs none; scripts of a package.json that is not there are unknown.
    const g = file('FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --ignore-scripts\nRUN yarn build\n');
    const none = stageNeeds(g, [g.stages[0]!], 'glibc', memoryBuildContext({ 'package-lock.json': lock }));
    expect(none.unknowns.map((u) => `${u.inst.line}: ${u.why}`)).toEqual(['5: it runs scripts of package.json: package.json is not in the build context']);
  });

  it('reads `bun run build` and `bun dev` as scripts, and not Bun\'s own commands or the files it runs', () => {
    const scripts = { build: 'make -C native', test: 'node-gyp rebuild', dev: 'tsc' };
    const ctx = memoryBuildContext({ 'package.json': JSON.stringify({ scripts }), 'index.ts': '1', 'server.ts': '1' });
    const via = (text: string) => stageCommands(file(text), file(text).stages[0]!, ctx);
    // `bun build` is Bun's bundler and `bun test` its test runner, whatever the scripts say.
    const f = via('FROM node:20\nWORKDIR /app\nCOPY . .\nRUN bun build ./index.ts --outdir dist && bun test && bun run build && bun dev\nCMD ["bun", "run", "index.ts"]\n');
    expect([f.commands.map((c) => (c.via === null ? c.text : `${c.name} < ${c.via}`)), f.unknowns]).toEqual([
      ['bun build ./index.ts --outdir dist', 'bun test', 'bun run build', 'make < package.json "build" script', 'bun dev', 'tsc < package.json "dev" script', 'bun run index.ts'],
      [],
    ]);
    // A file Bun runs needs no package.json.
    expect(via('FROM node:20\nWORKDIR /app\nCOPY server.ts .\nCMD ["bun", "server.ts"]\n').unknowns).toEqual([]);
    expect(via('FROM node:20\nWORKDIR /app\nCOPY server.ts .\nCMD ["bun", "start"]\n').unknowns.map((u) => u.why)).toEqual(['it runs scripts of package.json: no COPY of this Dockerfile puts package.json there']);
  });

  it('reads what poetry, pipenv and uv install, from their lockfiles or project files', () => {
    const needs = (dockerfile: string, files: Record<string, string>) => {
      const f = file(dockerfile);
      const r = stageNeeds(f, [f.stages[0]!], 'glibc', memoryBuildContext(files));
      return { pip: r.pip.map((p) => `${p.name ?? p.spec} < ${p.from}`), needs: [...new Set(r.needs.map((n) => n.package))], unknowns: r.unknowns.map((u) => `${u.what}: ${u.why}`) };
    };
    const pyproject = '[tool.poetry]\nname = "app"\n\n[tool.poetry.dependencies]\npython = "^3.12"\nFlask = "^3.0"\nmylib = { git = "https://example.com/mylib.git" }\n\n[build-system]\nbuild-backend = "poetry.core.masonry.api"\n';
    // No poetry.lock: the project file's dependencies; the root project is built by poetry-core.
    expect(needs('FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN poetry install\n', { 'pyproject.toml': pyproject })).toEqual({
      pip: ['flask < pyproject.toml', 'git+https://example.com/mylib.git < pyproject.toml'],
      needs: ['git', 'ca-certificates'],
      unknowns: [],
    });
    // Named packages; a Pipfile.lock entry from a path of the project is unknown.
    expect(needs('FROM python:3.12\nRUN pipenv install psycopg2\n', {}).needs).toEqual(['gcc', 'libpq-dev', 'libc6-dev']);
    const lock = JSON.stringify({ default: { requests: { version: '==2.31.0' }, mylib: { path: './mylib', editable: true } }, develop: { psycopg2: {} } });
    expect(needs('FROM python:3.12\nWORKDIR /app\nCOPY Pipfile Pipfile.lock ./\nRUN pipenv install --system --deploy\n', { Pipfile: '[packages]\n', 'Pipfile.lock': lock })).toEqual({
      pip: ['requests < Pipfile.lock'],
      needs: [],
      unknowns: ['Pipfile.lock: mylib: a local project, whose build needs dockshift does not read'],
    });
    // uv pip reads requirements as pip does; a project built with setuptools is unknown.
    expect(needs('FROM python:3.12\nCOPY req.txt .\nRUN uv pip sync req.txt && uv pip install --system mysqlclient\n', { 'req.txt': 'psycopg2==2.9.9\n' }).pip).toEqual(['psycopg2 < req.txt', 'mysqlclient < uv pip install --system mysqlclient']);
    const setuptools = '[build-system]\nbuild-backend = "setuptools.build_meta"\n[project]\nname = "app"\ndependencies = [\n  "fastapi>=0.110",\n]\n';
    expect(needs('FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN uv sync\n', { 'pyproject.toml': setuptools })).toEqual({
      pip: ['fastapi < pyproject.toml'],
      needs: [],
      unknowns: ['uv sync: it installs the project of pyproject.toml, which is built with setuptools.build_meta, whose build needs dockshift does not read'],
    });
  });

  it('knows libraries Python packages load at run time, and judges pip packages on musl', () => {
    const f = file('FROM python:3.12\nRUN pip install psycopg python-magic "psycopg[binary]" flask pyarrow\n');
    const glibc = stageNeeds(f, [f.stages[0]!], 'glibc', null);
    expect(glibc.needs.map((n) => `${n.package}: ${n.because}`)).toEqual([
      'libpq5: pip install psycopg (from pip install psycopg python-magic "psycopg[binary]" flask …), which needs libpq5 at run time: psycopg 3 loads libpq with ctypes',
      'libmagic1: pip install python-magic (from pip install psycopg python-magic "psycopg[binary]" flask …), which needs libmagic1 at run time: loads libmagic with ctypes',
    ]);
    expect(glibc.unknowns).toEqual([]);
    // On musl an unknown package is unknown; pure-Python ones are not.
    const musl = stageNeeds(f, [f.stages[0]!], 'musl', null);
    expect(musl.unknowns.map((u) => u.what.split(' ')[0])).toEqual(['psycopg', 'python-magic', 'psycopg[binary]', 'pyarrow']);
  });

  it('takes the wheels uv.lock lists as the answer', () => {
    const entry = (name: string, ...wheels: string[]) =>
      `[[package]]\nname = "${name}"\nversion = "1.0"\nsource = { registry = "https://pypi.org/simple" }\nsdist = { url = "https://x/${name}-1.0.tar.gz" }\nwheels = [\n${wheels.map((w) => `    { url = "https://x/${w}" },\n`).join('')}]\n\n`;
    const lock =
      '[[package]]\nname = "app"\nversion = "0.1.0"\nsource = { virtual = "." }\n\n' +
      entry('pyarrow', 'pyarrow-15.0.0-cp312-cp312-manylinux_2_28_x86_64.whl') +
      entry('orjson', 'orjson-3.10.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl', 'orjson-3.10.0-cp312-cp312-musllinux_1_2_x86_64.whl') +
      entry('oldthing') +
      entry('psycopg2', 'psycopg2-2.9.9-cp312-cp312-win_amd64.whl');
    const f = file('FROM python:3.12\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen\n');
    const ctx = memoryBuildContext({ 'pyproject.toml': '[project]\nname = "app"\n', 'uv.lock': lock });
    const glibc = stageNeeds(f, [f.stages[0]!], 'glibc', ctx);
    expect(glibc.unknowns.map((u) => `${u.what.split(' ')[0]}: ${u.why}`)).toEqual(['oldthing: it lists no wheel for Linux: it builds from source, with what dockshift does not know']);
    expect(glibc.needs.map((n) => n.package)).toEqual(['gcc', 'libpq-dev', 'libc6-dev']);
    const musl = stageNeeds(f, [f.stages[0]!], 'musl', ctx);
    expect(musl.unknowns.map((u) => u.what.split(' ')[0])).toEqual(['pyarrow', 'oldthing']);
  });

  it('compares versions and reads requirement names', () => {
    expect(olderThan('1.24.4', '1.25.0')).toBe(true);
    expect(olderThan('2.1.0', '2.1.0')).toBe(false);
    expect(parseRequirement('Django[argon2]==4.2.1')).toEqual({ name: 'django', pinned: '4.2.1', extras: ['argon2'] });
    expect(parseRequirement('https://example.com/x.whl')).toBeNull();
  });
});

describe('stages built on a stage', () => {
  it('includes descendants, not siblings', () => {
    const f = file('FROM python:3.12 AS base\nFROM base AS build\nFROM node:20 AS other\nFROM build\n');
    expect(stagesBuiltOn(f, f.stages[0]!).map((s) => s.index)).toEqual([0, 1, 3]);
  });
});

describe('copied artefacts', () => {
  it('tells what a file copied out of an image needs of the C library', () => {
    const kind = (from: string, path: string, text = 'FROM node:20\n') => imageFileLibc(file(text), from, path).kind;
    // Built on Alpine (known, or by its tag), or without a C library: nothing needs glibc.
    expect(kind('node:20-alpine', '/usr/local/bin/node')).toBe('musl-or-static');
    expect(kind('oven/bun:1-alpine', '/usr/local/bin/bun')).toBe('musl-or-static');
    expect(kind('gcr.io/distroless/static-debian12', '/bin/app')).toBe('musl-or-static');
    // Files the knowledge base lists: uv's static build, Composer's phar.
    expect(kind('ghcr.io/astral-sh/uv:0.5', '/uv')).toBe('musl-or-static');
    expect(kind('ghcr.io/astral-sh/uv:0.5', 'uvx')).toBe('musl-or-static');
    expect(kind('ghcr.io/astral-sh/uv:${UV}', '/uv', 'ARG UV=0.5\nFROM node:20\n')).toBe('musl-or-static');
    // What the knowledge base lists of the file comes before what it knows of the image (php:8-alpine).
    expect(kind('composer:2', '/usr/bin/composer')).toBe('not-native');
    // uv's Docker Hub name is the same image; another name for the same path is not.
    expect(kind('astral/uv:0.5', '/uv')).toBe('musl-or-static');
    expect(kind('docker.io/astral/uv:latest', '/usr/local/bin/uvx')).toBe('musl-or-static');
    expect(kind('example/uv:0.5', '/uv')).toBe('program');
    // A shell script is no native code, from any image.
    expect(kind('mysql:8', '/usr/local/bin/docker-entrypoint.sh')).toBe('not-native');
    // Configuration and data hold no native code; shared libraries do.
    expect(kind('nginx:1.27', '/etc/nginx/nginx.conf')).toBe('not-native');
    expect(kind('oven/bun:1', '/app/config.json')).toBe('not-native');
    expect(kind('node:20', '/usr/lib/x86_64-linux-gnu/libstdc++.so.6')).toBe('glibc');
    // Programs of a glibc image, or of an image dockshift does not know.
    expect(kind('node:20', '/usr/local/bin/node')).toBe('glibc');
    expect(kind('oven/bun:1', '/usr/local/bin/bun')).toBe('glibc');
    expect(kind('registry.example.com/tools/bun:1', '/usr/local/bin/bun')).toBe('program');
    expect(kind('ghcr.io/astral-sh/uv:python3.12-bookworm', '/usr/local/bin/python3')).toBe('program');
    expect(kind('${IMAGE}', '/usr/local/bin/tool')).toBe('program');
  });

  it('tells static Go from cgo, and musl Rust from gnu', () => {
    const f = file(
      'FROM golang:1.22 AS go\nRUN CGO_ENABLED=0 go build -o /a\nFROM golang:1.22 AS cgo\nRUN go build -o /b\nFROM rust:1.75 AS rs\nRUN cargo build --release --target x86_64-unknown-linux-musl\nFROM alpine:3.19\nCOPY --from=go /a /a\nCOPY --from=cgo /b /b\nCOPY --from=rs /c /c\n',
    );
    const kinds = copiedArtefacts(f, f.stages[3]!, null).map((a) => [a.build, a.linkage.kind, a.linkage.kind === 'dynamic' ? a.linkage.libc : null]);
    expect(kinds).toEqual([
      ['go', 'static', null],
      ['go', 'dynamic', 'glibc'],
      ['rust', 'static', null],
    ]);
  });

  it('names the task a rebar3 profile runs, and reads mix and rebar3 releases as native builds', () => {
    const linkage = (build: string) => {
      const f = file(`FROM erlang:27 AS b\nRUN ${build}\nFROM erlang:27\nCOPY --from=b /src/_build /opt/app\n`);
      const a = copiedArtefacts(f, f.stages[1]!, null)[0]!;
      return [a.build, a.linkage.kind, a.linkage.why];
    };
    expect(linkage('rebar3 as prod release')).toEqual(['c', 'dynamic', 'compiled with `rebar3 as prod release`']);
    expect(linkage('rebar3 release')).toEqual(['c', 'dynamic', 'compiled with `rebar3 release`']);
    expect(linkage('mix release')).toEqual(['c', 'dynamic', 'compiled with `mix release`']);
    expect(linkage('erlc -o ebin src/app.erl')[0]).toBe('none');
  });

  it('tells a framework-dependent .NET publish from one for a runtime', () => {
    const linkage = (publish: string) => {
      const f = file(`FROM mcr.microsoft.com/dotnet/sdk:8.0 AS b\nRUN ${publish}\nFROM mcr.microsoft.com/dotnet/runtime:8.0\nCOPY --from=b /app .\nENTRYPOINT ["dotnet", "W.dll"]\n`);
      const a = copiedArtefacts(f, f.stages[1]!, null)[0]!;
      return [a.linkage.kind, a.linkage.why];
    };
    expect(linkage('dotnet publish -o /app --self-contained false')[0]).not.toBe('dynamic');
    expect(linkage('dotnet publish -o /app --self-contained=false')[0]).not.toBe('dynamic');
    expect(linkage('dotnet publish -o /app --self-contained true')).toEqual(['dynamic', '.NET published for --self-contained']);
    expect(linkage('dotnet publish -o /app -a x64')).toEqual(['dynamic', '.NET published for x64']);
    expect(linkage('dotnet publish -o /app -r linux-musl-x64')).toEqual(['dynamic', '.NET published for linux-musl']);
    // A build and a publish for the same runtime name it once.
    expect(linkage('dotnet build -r linux-$TARGETARCH -o /b && dotnet publish -r linux-$TARGETARCH -o /app')).toEqual(['dynamic', '.NET published for -r linux-$TARGETARCH']);
  });

  it('counts the output of a Node build as files, not native code, only outside node_modules and where nothing runs it', () => {
    const ctx = memoryBuildContext({ 'package.json': '{"name":"web","devDependencies":{"vite":"5.4.0"}}', 'package-lock.json': '{"lockfileVersion":3,"packages":{}}' });
    const build = 'FROM node:20 AS build\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n';
    const linkage = (final: string) => {
      const f = file(build + final);
      return copiedArtefacts(f, f.stages[1]!, ctx).map((a) => a.linkage.kind);
    };
    expect(linkage('FROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n')).toEqual(['none']);
    const f = file(`${build}FROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n`);
    expect(copiedArtefacts(f, f.stages[1]!, ctx)[0]!.linkage.why).toBe('/app/dist is what stage build built, outside node_modules, and stage 1 does not run it');
    // The app folder holds node_modules; a bin folder or a command makes the files programs; Node.js loads .node files.
    expect(linkage('FROM nginx:1.27\nCOPY --from=build /app /usr/share/nginx/html\n')).toEqual(['dynamic']);
    expect(linkage('FROM nginx:1.27\nCOPY --from=build /app/node_modules/.bin/x /usr/share/nginx/html\n')).toEqual(['dynamic']);
    expect(linkage('FROM nginx:1.27\nCOPY --from=build /app/dist/app /usr/local/bin/\n')).toEqual(['dynamic']);
    expect(linkage('FROM nginx:1.27\nCOPY --from=build /app/dist /srv\nCMD ["/srv/app"]\n')).toEqual(['dynamic']);
    expect(linkage('FROM node:20-slim\nCOPY --from=build /app/dist /srv\nCMD ["node", "/srv/main.js"]\n')).toEqual(['dynamic']);
    expect(linkage('FROM nginx:1.27 AS web\nCOPY --from=build /app/dist /srv\nFROM web\nRUN node -e 1\n')).toEqual(['dynamic']);
    // distroless nodejs runs node as its entrypoint: a Next.js standalone folder holds node_modules.
    expect(linkage('FROM gcr.io/distroless/nodejs20-debian12\nWORKDIR /app\nCOPY --from=build /app/.next/standalone ./\nCMD ["server.js"]\n')).toEqual(['dynamic']);
    // Installs dockshift cannot place, or that put native code elsewhere, leave the copy unknown.
    const other = (run: string) => {
      const g = file(build.replace('RUN npm ci', run) + 'FROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n');
      return copiedArtefacts(g, g.stages[1]!, ctx).map((a) => a.linkage.kind);
    };
    expect(other('RUN cd web && npm ci')).toEqual(['dynamic']);
    expect(other('RUN npm ci && pip install numpy')).toEqual(['dynamic']);
    expect(other('RUN npm install -g serve && npm ci')).toEqual(['dynamic']);
  });
});

describe('switching a FROM', () => {
  const apply = (text: string, reference: string) => {
    const f = file(text);
    const stage = f.stages.at(-1)!;
    const base = baseOf(f, stage);
    if (base.kind !== 'image') return 'skip';
    const r = switchEdits(f, stage, base.resolved, reference);
    return r.ok ? applyEdits(text, r.edits) : r.code;
  };

  it('keeps --platform, AS name and quotes', () => {
    expect(apply('FROM --platform=$BUILDPLATFORM "python:3.12" AS app\n', 'python:3.12-slim')).toBe('FROM --platform=$BUILDPLATFORM "python:3.12-slim" AS app\n');
  });

  it('edits an ARG default used by one FROM alone, and refuses shared or partial ones', () => {
    expect(apply('ARG IMAGE="python:3.12"\nFROM ${IMAGE}\n', 'python:3.12-slim')).toBe('ARG IMAGE="python:3.12-slim"\nFROM ${IMAGE}\n');
    expect(apply('ARG IMAGE=python:3.12\nFROM ${IMAGE} AS a\nFROM ${IMAGE}\n', 'python:3.12-slim')).toBe('arg-shared');
    expect(apply('ARG IMAGE=python:3.12\nFROM ${IMAGE}\nARG IMAGE\nRUN echo $IMAGE\n', 'python:3.12-slim')).toBe('arg-shared');
    expect(apply('ARG V=3.13\nFROM python:${V}\n', 'gcr.io/distroless/python3-debian13')).toBe('arg-default');
    expect(apply('FROM python:3.12@sha256:7f9e5e0a1f5a5a8b0e6d5b9d2d2c1c8b3b1e4b2c7a1d2e3f4a5b6c7d8e9f0a1b2\n', 'python:3.12-slim')).toBe('digest-pinned');
    expect(apply('FROM registry.example.com/python:3.12\n', 'x')).toBe('skip');
  });

  it('writes the variant after a version the FROM reads from an argument, which keeps holding the version', () => {
    expect(apply('ARG TAG="3.12"\nFROM python:${TAG}\n', 'python:3.12-slim')).toBe('ARG TAG="3.12"\nFROM python:${TAG}-slim\n');
    // Other FROMs and RUNs that read it are left as they were.
    expect(apply('ARG TAG=3.12\nFROM python:${TAG} AS a\nFROM python:${TAG}\n', 'python:3.12-slim')).toBe('ARG TAG=3.12\nFROM python:${TAG} AS a\nFROM python:${TAG}-slim\n');
    expect(apply('ARG TAG=3.12\nFROM python:${TAG}\nARG TAG\nRUN echo $TAG\n', 'python:3.12-slim')).toBe('ARG TAG=3.12\nFROM python:${TAG}-slim\nARG TAG\nRUN echo $TAG\n');
    // Before a suite written after it, or at the end where the image puts it.
    expect(apply('ARG V=3.12\nFROM python:${V}-bookworm\n', 'python:3.12-slim-bookworm')).toBe('ARG V=3.12\nFROM python:${V}-slim-bookworm\n');
    expect(apply('ARG V=20\nFROM node:$V-bookworm\n', 'node:20-bookworm-slim')).toBe('ARG V=20\nFROM node:$V-bookworm-slim\n');
  });

  it('adds a suffix to a tag the FROM writes out after build arguments, where it is written', () => {
    expect(apply('ARG REGISTRY=docker.io/library\nFROM ${REGISTRY}/python:3.12\n', 'docker.io/library/python:3.12-slim')).toBe(
      'ARG REGISTRY=docker.io/library\nFROM ${REGISTRY}/python:3.12-slim\n',
    );
    expect(apply('ARG R=docker.io\nFROM ${R}/node:20 AS a\nFROM ${R}/node:20\n', 'docker.io/node:20-slim')).toBe('ARG R=docker.io\nFROM ${R}/node:20 AS a\nFROM ${R}/node:20-slim\n');
    expect(apply('ARG R=docker.io\nFROM "${R}/node:20"\n', 'docker.io/node:20-slim')).toBe('arg-default');
  });

  it('says why a FROM that reads an undeclared argument is left alone', () => {
    const f = file('FROM python:${PY:-3.12}\nCMD ["python"]\n');
    const base = baseOf(f, f.stages[0]!);
    const r = base.kind === 'image' ? switchEdits(f, f.stages[0]!, base.resolved, 'python:3.12-slim') : null;
    expect(r).toMatchObject({ ok: false, code: 'arg-default', reason: expect.stringContaining('${PY}, which no ARG before the first FROM declares') });
  });
});

describe('slim-base without a build context (--stdin)', () => {
  const run = (text: string) => {
    const r = runPipeline(text, [{ transform: slimBase, options: { installMissing: false, allStages: false, reportNoSibling: false } }]);
    if (!r.ok) throw new Error(r.error.message);
    return { output: r.output, refusals: r.refusals.map((x) => x.code) };
  };

  it('switches what needs nothing from the context, and refuses what it cannot read', () => {
    expect(run('FROM debian:bookworm\nCMD ["bash"]\n')).toEqual({ output: 'FROM debian:bookworm-slim\nCMD ["bash"]\n', refusals: [] });
    expect(run('FROM python:3.12\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n')).toEqual({
      output: 'FROM python:3.12\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
      refusals: ['unknown-needs'],
    });
  });
});

describe('slim-base and a bundle', () => {
  const run = (text: string, files: Record<string, string>, installMissing: boolean) => {
    const r = runPipeline(text, [{ transform: slimBase, options: { installMissing, allStages: false, reportNoSibling: false } }], { buildContext: memoryBuildContext(files) });
    if (!r.ok) throw new Error(r.error.message);
    return r;
  };
  const dockerfile = 'FROM ruby:3.3\nWORKDIR /app\nCOPY Gemfile Gemfile.lock ./\nRUN bundle install\nCMD ["ruby", "app.rb"]\n';
  const lock = 'GEM\n  remote: https://rubygems.org/\n  specs:\n    pg (1.5.6)\n    psych (5.1.2)\n      stringio\n    sqlite3 (1.7.0)\n    stringio (3.1.0)\n\nGIT\n  remote: https://github.com/x/mygem.git\n  revision: abc\n  specs:\n    mygem (0.1.0)\n\nPLATFORMS\n  ruby\n';

  it('installs the headers the locked gems compile against, naming each command once', () => {
    const r = run(dockerfile, { Gemfile: 'gem "pg"\ngem "psych"\ngem "sqlite3"\ngem "mygem", git: "https://github.com/x/mygem.git"\n', 'Gemfile.lock': lock }, true);
    expect(r.output.split('\n')[1]).toBe('RUN apt-get update && apt-get install -y --no-install-recommends gcc make libc6-dev libpq-dev libyaml-dev git && rm -rf /var/lib/apt/lists/*');
    const why = r.changes[0]!.review!;
    expect(why.match(/line 4 \(`bundle install`, which may build native extensions/g)).toHaveLength(1);
    expect(why).toContain('(pg, from Gemfile.lock), whose native extension compiles against libpq');
  });

  it('reads the Gemfile without a lock, and refuses a bundle it cannot read', () => {
    expect(run(dockerfile, { Gemfile: "gem 'mysql2', '~> 0.5'\n" }, false).refusals[0]!.reason).toContain('ruby:3.3-slim lacks gcc, make, libc6-dev, default-libmysqlclient-dev');
    expect(run(dockerfile, {}, false).refusals.map((x) => `${x.code}: ${x.reason}`)).toEqual([
      'unknown-needs: cannot tell whether ruby:3.3-slim has what line 4 needs: bundle install: Gemfile is not in the build context dockshift can read',
    ]);
  });

  it('reads the Gemfile past variables in other options, and refuses only --gemfile or BUNDLE_GEMFILE', () => {
    const files = { Gemfile: 'gem "pg"\n', 'Gemfile.lock': lock };
    const plain = run(dockerfile, files, true).output.split('\n')[1];
    for (const opts of ['--jobs $(nproc) --retry 3', '--path=${BUNDLE_PATH:-vendor/bundle}', '--jobs "$JOBS"']) {
      expect(run(dockerfile.replace('bundle install', `bundle install ${opts}`), files, true).output.split('\n')[1]).toBe(plain);
    }
    const reasons = (text: string) => run(text, files, true).refusals.map((x) => `${x.code}: ${x.reason}`);
    expect(reasons(dockerfile.replace('bundle install', 'bundle install --gemfile=gems.rb'))).toEqual([
      'unknown-needs: cannot tell whether ruby:3.3-slim has what line 4 needs: bundle install --gemfile=gems.rb: its Gemfile is named by the --gemfile option',
    ]);
    expect(reasons(dockerfile.replace('bundle install', 'BUNDLE_GEMFILE=$G bundle install'))[0]).toContain('its Gemfile is named by BUNDLE_GEMFILE set on the command');
    expect(reasons(dockerfile.replace('RUN bundle', 'ENV BUNDLE_GEMFILE=/app/gems.rb\nRUN bundle'))[0]).toContain('its Gemfile is named by BUNDLE_GEMFILE, set by ENV or ARG');
  });
});

describe('yarn lockfiles', () => {
  it('list the packages, not the project’s own workspaces (Berry’s `app@workspace:.`)', async () => {
    const { yarnLockEntries } = await import('../../src/analysis/dependencies.js');
    const berry = '__metadata:\n  version: 8\n\n"app@workspace:.":\n  version: 0.0.0-use.local\n  resolution: "app@workspace:."\n\n"express@npm:^4.18.2":\n  version: 4.18.2\n  resolution: "express@npm:4.18.2"\n';
    expect(yarnLockEntries(berry)!.map((e) => e.name)).toEqual(['express']);
  });
});

describe('installs that leave devDependencies out', () => {
  const omits = (text: string, env?: string) => {
    const parsed = parseScript(text);
    if (!parsed.ok) throw new Error(text);
    const install = recognise(parsed.commands[0]!);
    if (install?.kind !== 'package') throw new Error(text);
    return omitsDevDependencies(install, env);
  };

  it('reads the options the shell layer splits, with a value in the next word', () => {
    for (const text of ['npm ci --omit=dev', 'npm ci --omit dev', 'npm install --only=production', 'npm install --only prod', 'npm ci --production', 'pnpm install --prod', 'pnpm install -P', 'pnpm install --production', 'yarn install --production', 'yarn --production=true']) {
      expect(omits(text), text).toBe(true);
    }
    expect(omits('npm ci', 'production')).toBe(true);
    expect(omits('pnpm install --frozen-lockfile', 'production')).toBe(true);
  });

  it('keeps them for --include=dev, --production=false, pnpm --dev, yarn under NODE_ENV and npm -P (--save-prod)', () => {
    for (const text of ['npm ci', 'npm ci --omit=dev --include=dev', 'npm ci --include dev --omit dev', 'npm ci --omit optional', 'npm ci --omit=$OMIT', 'npm ci -P', 'yarn install --production=false', 'pnpm install --prod --dev', 'npm ci --production=false']) {
      expect(omits(text), text).toBe(false);
    }
    expect(omits('npm ci --include=dev', 'production')).toBe(false);
    expect(omits('yarn install --frozen-lockfile', 'production')).toBe(false);
  });
});
