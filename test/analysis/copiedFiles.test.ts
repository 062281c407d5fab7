import { describe, expect, it } from 'vitest';
import { copySteps, globRegExp, imagePathsOf, contextFileAt, workdirOf } from '../../src/analysis/copiedFiles.js';
import { originOf, workdirAt } from '../../src/analysis/paths.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { memoryBuildContext } from '../../src/engine/context.js';

const last = (text: string) => {
  const file = parseDockerfile(text);
  return { file, stage: file.stages.at(-1)! };
};

describe('workdirAt / workdirOf', () => {
  it('joins relative WORKDIRs and follows the stages a stage builds on', () => {
    const { file, stage } = last('FROM a AS base\nWORKDIR /srv\nENV APP=api\nFROM base\nWORKDIR api\nRUN x\nWORKDIR ./v1\n');
    expect(workdirAt(file, stage.instructions[1]!)).toBe('/srv/api');
    expect(workdirOf(file, stage)).toBe('/srv/api/v1');
  });

  it("is the image's own without WORKDIR, the folder an ENV of a literal names, and null for a variable a build may set otherwise", () => {
    expect(workdirOf(last('FROM debian:12\nRUN x\n').file, last('FROM debian:12\nRUN x\n').stage)).toBe('/');
    expect(workdirOf(last('FROM golang:1.22\nRUN x\n').file, last('FROM golang:1.22\nRUN x\n').stage)).toBe('/go');
    expect(workdirOf(last('FROM php:8.3-fpm\nWORKDIR src\n').file, last('FROM php:8.3-fpm\nWORKDIR src\n').stage)).toBe('/var/www/html/src');
    expect(workdirOf(last('FROM scratch\nCOPY a .\n').file, last('FROM scratch\nCOPY a .\n').stage)).toBe('/');
    // An image the knowledge base does not know may set any WORKDIR.
    expect(workdirOf(last('FROM a\nRUN x\n').file, last('FROM a\nRUN x\n').stage)).toBeNull();
    const { file, stage } = last('FROM a\nARG DIR\nWORKDIR $DIR\nCMD x\n');
    expect(workdirOf(file, stage)).toBeNull();
    const known = last('FROM a\nENV APP=/srv\nWORKDIR $APP\nCMD x\n');
    expect(workdirOf(known.file, known.stage)).toBe('/srv');
    const defaulted = last('FROM a\nARG DIR=/srv\nWORKDIR $DIR\nCMD x\n');
    expect(workdirOf(defaulted.file, defaulted.stage)).toBeNull();
    // A WORKDIR that ends the stage is read as any other.
    const lastWorkdir = last('FROM a\nENV APP=/srv\nWORKDIR $APP/web/\n');
    expect(workdirOf(lastWorkdir.file, lastWorkdir.stage)).toBe('/srv/web');
    const home = last('FROM a\nWORKDIR $HOME/app\nCMD x\n');
    expect(workdirOf(home.file, home.stage)).toBeNull();
  });
});

describe('copySteps', () => {
  it('reads sources, destination, --from and --chown, in both forms', () => {
    const { file, stage } = last('FROM a\nWORKDIR /app\nCOPY --chown=1:1 a b ./\nCOPY ["x y", "/opt/"]\nCOPY --from=build /out/bin /usr/local/bin/bin\n');
    expect(copySteps(file, stage).map((s) => ({ sources: s.sources, dest: s.dest, dir: s.destIsDir, from: s.from, chown: s.chown }))).toEqual([
      { sources: ['a', 'b'], dest: '/app', dir: true, from: null, chown: '1:1' },
      { sources: ['x y'], dest: '/opt', dir: true, from: null, chown: null },
      { sources: ['/out/bin'], dest: '/usr/local/bin/bin', dir: false, from: 'build', chown: null },
    ]);
  });
});

describe('contextFileAt', () => {
  const ctx = memoryBuildContext({ 'docker-entrypoint.sh': '#!/bin/sh\n', 'src/index.js': '', 'scripts/run.sh': '', 'scripts/other.txt': '' });

  it('follows COPY . . into the working folder', () => {
    const { file, stage } = last('FROM a\nWORKDIR /app\nCOPY . .\nCMD x\n');
    expect(contextFileAt(file, stage, ctx, '/app/src/index.js')).toMatchObject({ kind: 'context', path: 'src/index.js' });
    expect(contextFileAt(file, stage, ctx, '/etc/passwd')).toEqual({ kind: 'not-copied' });
  });

  it('puts a file inside a destination folder, with or without the trailing slash', () => {
    for (const dest of ['/usr/local/bin/', '/usr/local/bin']) {
      const { file, stage } = last(`FROM a\nCOPY docker-entrypoint.sh ${dest}\n`);
      expect(contextFileAt(file, stage, ctx, '/usr/local/bin/docker-entrypoint.sh')).toMatchObject({ kind: 'context', path: 'docker-entrypoint.sh' });
    }
    const renamed = last('FROM a\nCOPY docker-entrypoint.sh /entrypoint\n');
    expect(contextFileAt(renamed.file, renamed.stage, ctx, '/entrypoint')).toMatchObject({ kind: 'context', path: 'docker-entrypoint.sh' });
  });

  it('matches wildcards against the context, and the last COPY wins', () => {
    const { file, stage } = last('FROM a\nCOPY scripts/*.sh /bin/\nCOPY docker-entrypoint.sh /bin/run.sh\n');
    expect(contextFileAt(file, stage, ctx, '/bin/run.sh')).toMatchObject({ kind: 'context', path: 'docker-entrypoint.sh' });
    expect(contextFileAt(file, stage, ctx, '/bin/other.txt')).toEqual({ kind: 'not-copied' });
    expect(globRegExp('*.sh').test('run.sh')).toBe(true);
    expect(globRegExp('[!a]?.js').test('bx.js')).toBe(true);
  });

  it('says what it cannot follow, naming the instruction: other stages, missing files, no context', () => {
    const { file, stage } = last('FROM a\nCOPY --from=build /out/start.sh /start.sh\nCOPY missing.sh /m.sh\nCOPY docker-entrypoint.sh /e.sh\n');
    expect(contextFileAt(file, stage, ctx, '/start.sh')).toMatchObject({ kind: 'unknown', why: 'COPY on line 2 copies it from build' });
    expect(contextFileAt(file, stage, ctx, '/m.sh')).toMatchObject({ kind: 'unknown', why: 'COPY on line 3 copies missing.sh, which is not in the build context' });
    expect(contextFileAt(file, stage, null, '/e.sh')).toMatchObject({ kind: 'unknown', why: 'COPY on line 4 copies it, and there is no build context to read' });
  });

  it("says a COPY into the WORKDIR of an image not known puts its files in a folder not known", () => {
    // The image may set WORKDIR /usr/local/app and the Dockerfile none: its scripts/ land there, not in /.
    const { file, stage } = last('FROM example.org/app-base:1\nCOPY ./scripts/ ./\nENTRYPOINT ["/usr/local/app/run.sh"]\n');
    const why = 'COPY on line 2: its destination is relative to the working folder, the WORKDIR of example.org/app-base:1, which the Dockerfile does not set and dockshift does not know';
    expect(contextFileAt(file, stage, ctx, '/usr/local/app/run.sh')).toMatchObject({ kind: 'unknown', why });
    expect(contextFileAt(file, stage, ctx, '/run.sh')).toMatchObject({ kind: 'unknown', why });
    // golang's WORKDIR is /go: the file lands there.
    const go = last('FROM golang:1.22\nCOPY ./scripts/ ./\nENTRYPOINT ["/go/run.sh"]\n');
    expect(contextFileAt(go.file, go.stage, ctx, '/go/run.sh')).toMatchObject({ kind: 'context', path: 'scripts/run.sh' });
  });

  it('follows COPY --from of a build stage back to the context file that stage copied', () => {
    // `COPY --from=build /app ./`: /app is the build stage's working folder, so its contents land in ./.
    const { file, stage } = last('FROM a AS build\nWORKDIR /app\nCOPY scripts scripts\nRUN make\nFROM a\nWORKDIR /app\nCOPY --from=build /app ./\nCMD x\n');
    expect(contextFileAt(file, stage, ctx, '/app/scripts/run.sh')).toMatchObject({ kind: 'context', path: 'scripts/run.sh' });
    // What the build stage did not copy from the context (made by a RUN, or its image's) stays unknown.
    expect(contextFileAt(file, stage, ctx, '/app/bin/server')).toMatchObject({ kind: 'unknown', why: 'COPY on line 7 copies it from build' });
    // Over a file an earlier COPY put there, the stage's folder holds one only if that stage made it.
    const over = last('FROM a AS build\nWORKDIR /app\nRUN make\nFROM a\nCOPY start.sh /app/bin/start.sh\nCOPY --from=build /app /app\nCMD x\n');
    expect(contextFileAt(over.file, over.stage, ctx, '/app/bin/start.sh')).toMatchObject({
      kind: 'unknown',
      why: 'COPY on line 6 copies /app from build, whose bin/start.sh, if it has one, replaces the one COPY on line 5 puts there',
    });
    // A source not known to be a folder of the stage still lands as one file named after it.
    const file2 = last('FROM a AS build\nRUN make\nFROM a\nWORKDIR /srv\nCOPY --from=build /out/app ./\nCMD x\n');
    expect(contextFileAt(file2.file, file2.stage, ctx, '/srv/scripts/run.sh')).toEqual({ kind: 'not-copied' });
    expect(contextFileAt(file2.file, file2.stage, ctx, '/srv/app')).toMatchObject({ kind: 'unknown', why: 'COPY on line 5 copies it from build' });
  });

  it('takes what a compiler writes with -o for a file, not a folder copied over the destination', () => {
    const at = (build: string) => {
      const { file, stage } = last(`FROM a AS build\nWORKDIR /src\n${build}\nFROM a\nWORKDIR /app\nCOPY start.sh .\nCOPY --from=build /out/server .\nCMD x\n`);
      return contextFileAt(file, stage, memoryBuildContext({ 'start.sh': '' }), '/app/start.sh');
    };
    expect(at('RUN go build -o /out/server .')).toMatchObject({ kind: 'context', path: 'start.sh' });
    expect(at('RUN gcc -o ../out/server main.c')).toMatchObject({ kind: 'context', path: 'start.sh' });
    // A folder of outputs: its contents land in /app, start.sh among them, maybe.
    expect(at('RUN go build -o /out/server/ ./...')).toMatchObject({ kind: 'unknown', why: 'COPY on line 7 copies /out/server from build, which may be a folder holding start.sh' });
    expect(at('RUN go build -o /out/server ./cmd/...')).toMatchObject({ kind: 'unknown' });
    expect(at('RUN mkdir -p /out/server && go build -o /out/server ./cmd/a ./cmd/b')).toMatchObject({ kind: 'unknown' });
    expect(at('RUN make')).toMatchObject({ kind: 'unknown' });
  });
});

describe('imagePathsOf', () => {
  it('maps a context entry to where the stage copies it', () => {
    const ctx = memoryBuildContext({ 'templates/home.html': '', 'main.go': '' });
    const { file, stage } = last('FROM a\nWORKDIR /src\nCOPY . .\nCOPY templates /srv/templates\nCOPY main.go /tmp/\n');
    expect(imagePathsOf(file, stage, ctx, 'templates')).toEqual(['/src/templates', '/srv/templates']);
    expect(imagePathsOf(file, stage, ctx, 'main.go')).toEqual(['/src/main.go', '/tmp/main.go']);
  });
});

describe('originOf: what a RUN mounts', () => {
  const ctx = memoryBuildContext({ 'pyproject.toml': '', 'req/base.txt': '' });

  it('reads a bind mount of the context, of a folder of it, or of another stage, before the COPYs', () => {
    const { file, stage } = last('FROM a AS build\nRUN make\nFROM a\nWORKDIR /app\nCOPY other.toml pyproject.toml\nRUN --mount=type=bind,source=pyproject.toml,target=pyproject.toml --mount=type=bind,source=req,target=/req --mount=type=bind,from=build,source=/out,target=/mnt/out x\n');
    const run = stage.instructions.at(-1)!;
    expect(originOf(file, run, '/app/pyproject.toml', ctx)).toMatchObject({ kind: 'context', path: 'pyproject.toml' });
    expect(originOf(file, run, '/req/base.txt', ctx)).toMatchObject({ kind: 'context', path: 'req/base.txt' });
    expect(originOf(file, run, '/mnt/out/bin/app', ctx)).toMatchObject({ kind: 'stage', stage: 0, path: '/out/bin/app' });
    // What the RUN does not mount is what the COPYs put there; another instruction sees no mount.
    expect(originOf(file, run, '/etc/hosts', ctx)).toBeNull();
    expect(originOf(file, stage.instructions.at(-2)!, '/app/pyproject.toml', ctx)).toBeNull();
  });
});

describe('originOf: a COPY of sources named by a variable', () => {
  it('names the source of the file\'s own name, not the last one', () => {
    const { file, stage } = last('FROM a\nARG TARGETARCH\nCOPY ${TARGETARCH}/start.sh ${TARGETARCH}/server /app/\nCMD ["/app/start.sh"]\n');
    const cmd = stage.instructions.at(-1)!;
    expect(originOf(file, cmd, '/app/start.sh', null)).toMatchObject({ kind: 'unknown', why: 'COPY on line 3 copies ${TARGETARCH}/start.sh, named by a variable' });
    // A file no source is named for may lie in a folder the last one names.
    expect(originOf(file, cmd, '/app/run.sh', null)).toMatchObject({ kind: 'unknown', why: 'COPY on line 3 copies ${TARGETARCH}/server, named by a variable' });
  });
});
