import { describe, expect, it } from 'vitest';
import { accountPlan, createdGroups, createdUsers, currentUser, fileOwners, groupOnlyWritable, groupWritableFolders, homeAt, namedGroups, userSpec, worldWritableFolders } from '../../src/analysis/accounts.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { identify } from '../../src/knowledge/identify.js';

const last = (text: string) => {
  const file = parseDockerfile(text);
  return { file, stage: file.stages.at(-1)! };
};
const ACCOUNT = { name: 'app', uid: 10001, gid: 10001 };

describe('currentUser', () => {
  it('reads the last USER of the stage and what it builds on', () => {
    const kind = (text: string) => {
      const { file, stage } = last(text);
      return currentUser(file, stage).kind;
    };
    expect(kind('FROM a\nCMD x\n')).toBe('inherited');
    expect(kind('FROM a AS b\nUSER app\nFROM b\nCMD x\n')).toBe('other');
    expect(kind('FROM a\nUSER app\nUSER 0:0\n')).toBe('root');
    // A build argument's default is only what the build uses unless told otherwise.
    expect(kind('FROM a\nARG U=root\nUSER $U\n')).toBe('unknown');
    expect(kind('FROM a\nENV U=root\nUSER $U\n')).toBe('root');
    expect(kind('FROM a\nARG U\nUSER $U\n')).toBe('unknown');
  });
});

describe('createdUsers', () => {
  it('reads useradd, Debian adduser and busybox adduser with their groups', () => {
    const { file, stage } = last(
      [
        'FROM a',
        'RUN groupadd -g 1001 worker && useradd -u 1001 -g worker -m worker',
        'RUN addgroup -S -g 82 www-data && adduser -u 82 -S -D -h /var/cache/www -G www-data www-data',
        'RUN adduser --system --uid 999 --ingroup nogroup svc',
        'RUN adduser worker docker',
        'RUN <<EOF\nuseradd -r deploy\nEOF',
      ].join('\n') + '\n',
    );
    expect(createdUsers(file, stage).map((u) => [u.name, u.uid, u.gid])).toEqual([
      ['worker', 1001, 1001],
      ['www-data', 82, 82],
      ['svc', 999, null],
      ['deploy', null, null],
    ]);
  });

  it('reads names and ids an ENV gives; a build argument leaves the name unknown', () => {
    const { file, stage } = last(
      [
        'FROM a',
        'ENV SVC=graojs GID=1500',
        'ARG BUILD_USER=builder',
        'RUN groupadd -g $GID "$SVC" && useradd -r -g $SVC -d /opt/$SVC $SVC',
        'RUN useradd -u 1600 "${BUILD_USER}"',
        'RUN useradd "$(id -un)x"',
      ].join('\n') + '\n',
    );
    expect(createdUsers(file, stage).map((u) => [u.name, u.written, u.uid, u.gid])).toEqual([
      ['graojs', '$SVC', null, 1500],
      [null, '"${BUILD_USER}"', 1600, null],
      [null, '"$(id -un)x"', null, null],
    ]);
  });

  it('reads the home each account gets: the one named, else the base folder and the name', () => {
    const { file, stage } = last(
      [
        'FROM a',
        'RUN useradd -m -d /opt/app/ app && useradd -b /srv web && useradd -r deploy',
        'RUN adduser -D -h /var/cache/www www && adduser -D cache',
        'RUN adduser --disabled-password --home /data data && adduser --system svc && adduser --disabled-password dev',
        'ARG HOMES',
        'RUN useradd -d "$HOMES/x" x',
      ].join('\n') + '\n',
    );
    expect(createdUsers(file, stage).map((u) => [u.name, u.home])).toEqual([
      ['app', '/opt/app'], ['web', '/srv/web'], ['deploy', '/home/deploy'],
      ['www', '/var/cache/www'], ['cache', '/home/cache'],
      // Debian's adduser --system: /home/<name> before adduser 3.122, /nonexistent since.
      ['data', '/data'], ['svc', null], ['dev', '/home/dev'],
      ['x', null],
    ]);
  });

  it('writes USER by number where the ids are known', () => {
    expect(userSpec({ name: 'w', uid: 1001, gid: 1001 })).toBe('1001:1001');
    expect(userSpec({ name: 'w', uid: 1001, gid: null })).toBe('1001');
    expect(userSpec({ name: 'w', uid: null, gid: 5 })).toBe('w');
  });
});

describe('homeAt', () => {
  const home = (text: string) => {
    const file = parseDockerfile(text);
    const h = homeAt(file, file.instructions.at(-1)!);
    return 'home' in h ? h.home : `unknown: ${h.unknown}`;
  };
  it("follows ENV HOME, else the home of the USER in effect", () => {
    expect(home('FROM example/base\nRUN x\n')).toBe('/root');
    expect(home('FROM node:22\nUSER node\nRUN x\n')).toBe('/home/node');
    expect(home('FROM node:22\nUSER 1000:1000\nRUN x\n')).toBe('/home/node');
    expect(home('FROM node:22\nUSER node\nENV HOME=/app\nRUN x\n')).toBe('/app');
    expect(home('FROM debian:12\nRUN useradd -u 1001 -m -d /srv/app app\nUSER 1001\nRUN x\n')).toBe('/srv/app');
    expect(home('FROM debian:12\nENV U=app\nRUN useradd -m $U\nUSER $U\nRUN x\n')).toBe('/home/app');
    expect(home('FROM debian:12\nUSER 0\nRUN x\n')).toBe('/root');
  });
  it('says why the home is not known', () => {
    expect(home('FROM debian:12\nUSER 1001\nRUN x\n')).toMatch(/^unknown: the home of 1001, the user \(`USER 1001`\), is not known/);
    expect(home('FROM example/base\nUSER app\nRUN x\n')).toMatch(/the base image is not one dockshift knows$/);
    expect(home('FROM debian:12\nARG U=app\nUSER $U\nRUN x\n')).toBe('unknown: `USER $U` names the user by a value only known at build time');
    expect(home('FROM debian:12\nARG H=/x\nENV HOME=$H\nRUN x\n')).toBe('unknown: `ENV HOME=$H` sets HOME to a value only known at build time');
    expect(home('FROM debian:12\nRUN [ -n "$X" ] && useradd app\nUSER app\nRUN x\n')).toMatch(/may not create app/);
  });
});

describe('fileOwners', () => {
  it('reads COPY --chown and RUN chown, leaving out root and variables', () => {
    const { file, stage } = last('FROM a\nCOPY --chown=nobody:root x /x\nRUN chown -R 1000:1000 /data && chown root /etc/x\nCOPY --chown=$U y /y\nRUN chown app:app /srv && chown www-data: /var/www\n');
    // The group is kept where it is named, except the user's own (\`app:app\`) and the login group (\`www-data:\`).
    expect(fileOwners(file, stage).map((o) => [o.user, o.spec])).toEqual([
      ['nobody', 'nobody:root'],
      ['1000', '1000:1000'],
      ['app', 'app'],
      ['www-data', 'www-data'],
    ]);
  });

  it('gives with -R the folders an earlier mkdir of the RUN made below the paths', () => {
    const below = (run: string) => {
      const { file, stage } = last(`FROM a\n${run}\n`);
      return fileOwners(file, stage).map((o) => o.below);
    };
    expect(below('RUN mkdir -p /srv/media/images /tmp/x && chown -R app /srv/media')).toEqual([['/srv/media/images']]);
    // Without -R only the named folder; a mkdir after the chown makes a root-owned folder.
    expect(below('RUN mkdir -p /srv/media/images && chown app /srv/media')).toEqual([[]]);
    expect(below('RUN chown -R app /srv/media && mkdir -p /srv/media/cache')).toEqual([[]]);
    // Another RUN's mkdir is not known to have made the folder before this chown.
    expect(below('RUN mkdir -p /srv/media/images\nRUN chown -R app /srv/media')).toEqual([[]]);
  });
});

describe('namedGroups', () => {
  it('reads the groups of --chown, chown, chgrp and USER, root\'s files too, and leaves numbers and variables out', () => {
    const file = parseDockerfile(
      'FROM debian\nCOPY --chown=app:plugdev a /a\nRUN chown root:staff /srv && chown :dip /x && chgrp -R sudo /y && chown 1000:1000 /z && chown app:$GROUP /w\nUSER app:operator\n',
    );
    expect(namedGroups(file, file.stages[0]!).map((g) => `${g.inst.line} ${g.does} ${g.group}`)).toEqual(['2 gives files to plugdev', '3 gives files to staff', '3 gives files to dip', '3 gives files to sudo', '4 runs as operator']);
  });

  it('finds the groups RUNs create by name', () => {
    const file = parseDockerfile('FROM debian\nRUN groupadd --system -g 50 staff && addgroup -S web\n');
    expect([...createdGroups(file, file.stages[0]!)]).toEqual(['staff', 'web']);
  });
});

describe('accountPlan', () => {
  const plan = (ref: string | null) => accountPlan(ref === null ? null : identify(ref)!, ACCOUNT);

  it('uses the image\'s own non-root user, or a number on scratch', () => {
    expect(plan('node:20')).toEqual({ kind: 'image-user', name: 'node', uid: 1000, gid: 1000 });
    expect(plan('gcr.io/distroless/static-debian12')).toEqual({ kind: 'image-user', name: 'nonroot', uid: 65532, gid: 65532 });
    expect(plan('mcr.microsoft.com/dotnet/aspnet:8.0')).toMatchObject({ kind: 'image-user', name: 'app', uid: 1654 });
    expect(plan(null)).toEqual({ kind: 'numeric', uid: 65532, gid: 65532 });
  });

  it('creates a system account with the family\'s tools', () => {
    expect(plan('debian:bookworm-slim')).toMatchObject({
      kind: 'create',
      commands: ['groupadd --system --gid 10001 app', 'useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app'],
    });
    expect(plan('python:3.12-alpine')).toMatchObject({ kind: 'create', commands: ['addgroup -S -g 10001 app', 'adduser -S -D -u 10001 -G app app'] });
    expect(plan('eclipse-temurin:21-jre-ubi9-minimal')).toMatchObject({ kind: 'create', commands: ['microdnf install -y shadow-utils', 'microdnf clean all', expect.stringMatching(/^groupadd/), expect.stringMatching(/^useradd/)] });
    expect(plan('amazoncorretto:21')).toMatchObject({ kind: 'create', commands: ['dnf install -y shadow-utils', 'dnf clean all', expect.any(String), expect.any(String)] });
  });
});

describe('groupOnlyWritable', () => {
  it('is true for modes that give the group write and others none', () => {
    for (const m of ['g+w', 'g=u', 'ug+rwX', 'ug=rwx,o=rx', '775', '2775', '0770', 'g+ws']) expect(groupOnlyWritable(m), m).toBe(true);
    for (const m of ['+w', 'u+w', 'a+w', 'g+w,o+w', '777', '1777', '755', '644', 'g-w', 'g=o', 'x+y']) expect(groupOnlyWritable(m), m).toBe(false);
  });
});

describe('groupWritableFolders', () => {
  const folders = (text: string) => {
    const { file, stage } = last(text);
    return groupWritableFolders(file, stage).map((f) => f.path);
  };
  it('finds the folders root opens to its group, and not those given to another user or group', () => {
    expect(folders('FROM a\nRUN chgrp -R 0 /app && chmod -R g=u /app /srv/\nCMD x\n')).toEqual(['/app', '/srv']);
    expect(folders('FROM a AS base\nRUN chmod 775 /data\nFROM base\nCMD x\n')).toEqual(['/data']);
    expect(folders('FROM a\nRUN chmod g+w /data && chown app /data\nCMD x\n')).toEqual([]);
    expect(folders('FROM a\nRUN chgrp -R staff /srv && chmod -R g+w /srv/cache\nCMD x\n')).toEqual([]);
    expect(folders('FROM a\nRUN chmod g+w /tmp/x relative\nCMD x\n')).toEqual([]);
    expect(folders('FROM a\nUSER app\nRUN chmod g+w /home/app/x\nCMD x\n')).toEqual([]);
    expect(folders('FROM a\nWORKDIR /app\nCOPY --chown=app:app . .\nRUN chmod -R g+w /app/uploads\nCMD x\n')).toEqual([]);
    expect(folders('FROM a\nWORKDIR /app\nCOPY --chown=0:0 . .\nRUN chmod -R g+w /app/uploads\nCMD x\n')).toEqual(['/app/uploads']);
  });
});

describe('worldWritableFolders', () => {
  const folders = (text: string) => {
    const { file, stage } = last(text);
    return worldWritableFolders(file, stage).map((f) => f.path);
  };
  it('finds the folders a recursive chmod opens to every user', () => {
    expect(folders('FROM a\nRUN chmod -R go=u /app\nCMD x\n')).toEqual(['/app']);
    expect(folders('FROM a AS base\nRUN chmod -R 777 /srv && chmod -R a+w /data\nFROM base\nCMD x\n')).toEqual(['/srv', '/data']);
    expect(folders('FROM a\nRUN chmod --recursive o+rwX /opt/app\nCMD x\n')).toEqual(['/opt/app']);
  });
  it('leaves out modes that keep others from writing, single folders and the temporary ones', () => {
    expect(folders('FROM a\nRUN chmod -R go=rX /app && chmod -R 755 /srv && chmod -R g+w /data\nCMD x\n')).toEqual([]);
    expect(folders('FROM a\nRUN chmod 777 /app\nCMD x\n')).toEqual([]);
    expect(folders('FROM a\nRUN chmod -R 1777 /tmp /var/tmp\nCMD x\n')).toEqual([]);
    expect(folders('FROM a\nRUN chmod -R a+w,o-w /app\nCMD x\n')).toEqual([]);
  });
});
