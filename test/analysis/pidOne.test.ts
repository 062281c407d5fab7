import { describe, expect, it } from 'vitest';
import { containerCommand, judge, startArgv, type Verdict } from '../../src/analysis/pidOne.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { memoryBuildContext } from '../../src/engine/context.js';

/** The verdict for a Dockerfile's final command, with these build-context files. */
function verdict(dockerfile: string, files: Record<string, string> = {}): Verdict['kind'] {
  const file = parseDockerfile(dockerfile);
  const command = containerCommand(file);
  if (command === null) throw new Error('no command');
  const argv = startArgv(command);
  if (argv === null) throw new Error('command not known');
  return judge(argv, { file, stage: file.stages.at(-1)!, ctx: memoryBuildContext(files) }).kind;
}

describe('containerCommand', () => {
  it('is null when the Dockerfile sets no command', () => {
    expect(containerCommand(parseDockerfile('FROM node:22\nRUN x\n'))).toBeNull();
  });

  it("takes the base image's ENTRYPOINT from the knowledge base, and follows stages", () => {
    const node = containerCommand(parseDockerfile('FROM node:22-bookworm\nCMD ["npm", "start"]\n'))!;
    expect(node.entrypoint?.argv).toEqual(['docker-entrypoint.sh']);
    expect(node.entrypointRunsCommand).toBe(true);
    expect(startArgv(node)).toEqual(['npm', 'start']);
    const staged = containerCommand(parseDockerfile('FROM debian:bookworm AS a\nENTRYPOINT ["/e.sh"]\nCMD ["x"]\nFROM a\nENTRYPOINT ["/f.sh"]\n'))!;
    expect(startArgv(staged)).toEqual(['/f.sh']);
    const unknown = containerCommand(parseDockerfile('FROM example.com/base\nCMD ["npm", "start"]\n'))!;
    expect(unknown.entrypoint).toBeNull();
    expect(startArgv(unknown)).toBeNull();
  });

  it('runs a shell-form command through the stage shell', () => {
    const c = containerCommand(parseDockerfile('FROM debian:bookworm\nSHELL ["/bin/bash", "-c"]\nCMD cd /app && ./run\n'))!;
    expect(startArgv(c)).toEqual(['/bin/bash', '-c', 'cd /app && ./run']);
  });
});

describe('judge', () => {
  it('leaves programs started directly, interactive shells and inits alone', () => {
    expect(verdict('FROM debian:bookworm\nCMD ["node", "server.js"]\n')).toBe('fine');
    expect(verdict('FROM debian:bookworm\nCMD ["bash"]\n')).toBe('fine');
    expect(verdict('FROM debian:bookworm\nENTRYPOINT ["tini", "--"]\nCMD ["sh", "-c", "a; b"]\n')).toBe('init');
  });

  it('flags wrappers, and shells that run more than one command', () => {
    expect(verdict('FROM debian:bookworm\nCMD ["npm", "start"]\n')).toBe('needs');
    expect(verdict('FROM debian:bookworm\nCMD ["/usr/local/bin/yarn", "serve"]\n')).toBe('needs');
    expect(verdict('FROM debian:bookworm\nCMD cd /app && node server.js\n')).toBe('needs');
    expect(verdict('FROM debian:bookworm\nCMD ["sh", "-c", "worker & server"]\n')).toBe('needs');
  });

  it('reads a -c string of one command as that command where the shell replaces itself with it', () => {
    // busybox ash (Alpine's /bin/sh) and bash exec the one command; dash (Debian's) runs it as a child.
    expect(verdict('FROM alpine:3.20\nCMD node server.js --port "$PORT"\n')).toBe('fine');
    expect(verdict('FROM debian:bookworm\nCMD ["bash", "-c", "node server.js --port $PORT"]\n')).toBe('fine');
    expect(verdict('FROM debian:bookworm\nCMD node server.js --port "$PORT"\n')).toBe('needs');
    expect(verdict('FROM debian:bookworm\nCMD ["dash", "-c", "node server.js"]\n')).toBe('needs');
    expect(verdict('FROM debian:bookworm\nCMD ["sh", "-c", "npm start"]\n')).toBe('needs');
    expect(verdict('FROM debian:bookworm\nCMD ["sh", "-c", "exec node server.js"]\n')).toBe('fine');
  });

  it('follows a script to what it execs, through "$@", gosu and env', () => {
    const entry = (body: string) => ({ 'e.sh': `#!/bin/sh\nset -e\n${body}\n` });
    const dockerfile = (cmd: string) => `FROM debian:bookworm\nCOPY e.sh /usr/local/bin/e.sh\nENTRYPOINT ["e.sh"]\nCMD ${cmd}\n`;
    expect(verdict(dockerfile('["postgres"]'), entry('exec "$@"'))).toBe('fine');
    expect(verdict(dockerfile('["npm", "start"]'), entry('exec "$@"'))).toBe('needs');
    expect(verdict(dockerfile('["postgres"]'), entry('exec gosu postgres "$@"'))).toBe('fine');
    expect(verdict(dockerfile('["npm", "start"]'), entry('exec env NODE_ENV=production "$@"'))).toBe('needs');
    expect(verdict(dockerfile('["postgres"]'), entry('"$@"'))).toBe('needs');
    expect(verdict(dockerfile('["postgres"]'), entry('if [ "$1" = x ]; then\n  exec "$@"\nelse\n  exec postgres\nfi'))).toBe('fine');
    expect(verdict(dockerfile('["postgres"]'), entry('cron &\nexec "$@"'))).toBe('needs');
    expect(verdict(dockerfile('["postgres"]'), entry('trap "kill $pid" TERM\n"$@" &\npid=$!\nwait $pid'))).toBe('fine');
  });

  it('reads scripts without the .sh suffix by their #!, and leaves other interpreters alone', () => {
    const dockerfile = 'FROM debian:bookworm\nWORKDIR /app\nCOPY . .\nCMD ["./start"]\n';
    expect(verdict(dockerfile, { start: '#!/usr/bin/env bash\nnode a.js\nnode b.js\n' })).toBe('needs');
    expect(verdict(dockerfile, { start: '#!/usr/bin/env python3\nimport os\n' })).toBe('fine');
    expect(verdict('FROM debian:bookworm\nCMD ["/run.sh"]\n')).toBe('unknown');
    expect(verdict('FROM debian:bookworm\nCOPY run.sh /run.sh\nCMD ["/run.sh"]\n', { 'run.sh': '#!/bin/sh\nif then fi (\n' })).toBe('unknown');
  });
});

describe('judge: a script that hands over before its end', () => {
  const dockerfile = 'FROM python:3.12-slim-bookworm\nCOPY start.sh /start.sh\nENTRYPOINT ["/start.sh"]\nCMD ["runserver"]\n';

  it('is read, and not known to hand over, when an exec can be reached on some paths only', () => {
    const start = '#!/bin/bash\nserve() {\n  exec supervisord -c /etc/supervisord.conf\n}\nif [ "$1" = runserver ]; then\n  serve\nfi\npython manage.py "$@"\n';
    expect(verdict(dockerfile, { 'start.sh': start })).toBe('some-paths');
  });

  it('is read, and not known to hand over, when a final if hands over in one branch only, also behind a wrapper', () => {
    const start = '#!/bin/sh\nif [ -n "$APP_USER" ]; then\n  chroot --userspec="$APP_USER" / "$@"\nelse\n  exec "$@"\nfi\n';
    expect(verdict(dockerfile, { 'start.sh': start })).toBe('some-paths');
    const wrapped = 'FROM python:3.12-slim-bookworm\nCOPY start.sh wrap.sh /\nENTRYPOINT ["/wrap.sh"]\nCMD ["runserver"]\n';
    expect(verdict(wrapped, { 'start.sh': start, 'wrap.sh': '#!/bin/sh\nexport A=1\nexec /start.sh "$@"\n' })).toBe('some-paths');
  });

  it('needs an init when the only earlier exec runs the script again as another user', () => {
    const start = '#!/bin/sh\nif [ "$(id -u)" = 0 ]; then\n  exec su-exec app "$0" "$@"\nfi\npython manage.py "$@"\n';
    expect(verdict(dockerfile, { 'start.sh': start })).toBe('needs');
  });
});
