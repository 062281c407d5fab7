import type { FakeImage, FakeRecipe } from './fakeBuilder.js';

/**
 * A small model of what apt and a container runtime do, enough to give the
 * orchestration the cases real builds give: gcc without its recommended
 * libc6-dev cannot compile, curl without ca-certificates cannot do HTTPS,
 * apt lists left in a layer weigh, and a shell as PID 1 is killed on stop.
 */
export const aptRecipe: FakeRecipe = (text) => {
  const runs = logicalInstructions(text).filter((i) => /^(RUN|COPY)\s/.test(i));
  const noRecommends = text.includes('--no-install-recommends');
  const installed = new Set<string>();
  for (const run of runs) {
    for (const m of run.matchAll(/apt-get install (?:-\S+ )*((?:[a-z0-9.+-]+ ?)+)/g)) {
      for (const name of m[1]!.trim().split(/\s+/)) if (!name.startsWith('-')) installed.add(name);
    }
  }
  const recommends: Record<string, string> = { gcc: 'libc6-dev', curl: 'ca-certificates' };
  const packages: Record<string, string> = { 'base-files': '12.4', libc6: '2.36' };
  for (const p of installed) {
    packages[p] = '1.0';
    if (!noRecommends && recommends[p] !== undefined) packages[recommends[p]!] = '1.0';
  }
  if (installed.has('gcc') && packages['libc6-dev'] === undefined && text.includes('make')) {
    return { fails: 'primes.c:2:10: fatal error: stdio.h: No such file or directory\nmake: *** [Makefile:5: primes] Error 1' };
  }
  const layers = [10_000_000, ...runs.map((run) => layerSize(run, noRecommends))];
  const cmd = logicalInstructions(text).find((i) => i.startsWith('CMD')) ?? 'CMD app';
  const execForm = /^CMD\s+\[/.test(cmd);
  let run: FakeImage['run'];
  if (cmd.includes('serve')) {
    run = { kind: 'server', stopExit: execForm ? 0 : 137, output: 'listening\n', http: { ok: true, status: 200, body: 'hello\n' } };
  } else if (cmd.includes('selfcheck') && packages['ca-certificates'] === undefined) {
    run = { kind: 'exits', code: 1, output: 'curl 7.88.1\nhttps: no CA bundle\n' };
  } else {
    run = { kind: 'exits', code: 0, output: 'curl 7.88.1\nhttps: CA bundle present\n' };
  }
  const user = /^USER\s+(\S+)/m.exec(text)?.[1];
  return { layers, packages, run, ...(user === undefined ? {} : { user }) };
};

function layerSize(run: string, noRecommends: boolean): number {
  let size = 100_000;
  if (run.includes('apt-get update') && !run.includes('rm -rf /var/lib/apt/lists')) size += 2_000_000;
  if (run.includes('apt-get install')) size += noRecommends ? 3_000_000 : 4_000_000;
  return size;
}

/** Instructions with their continuation lines joined. */
function logicalInstructions(text: string): string[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

export const GCC_APP = `FROM debian:bookworm
RUN apt-get update
RUN apt-get install -y gcc make
COPY . /src
RUN make -C /src
CMD primes 20
`;

export const CURL_APP = `FROM debian:bookworm
RUN apt-get update
RUN apt-get install -y curl
COPY selfcheck.sh /usr/local/bin/selfcheck
CMD selfcheck
`;

export const SERVER_APP = `FROM debian:bookworm
RUN apt-get update
RUN apt-get install -y --no-install-recommends jq
COPY . /app
CMD serve --port 8080
`;
