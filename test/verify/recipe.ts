import type { FakeImage, FakeRecipe } from './fakeBuilder.js';

/**
 * A small model of what apt and a container runtime do, enough to give the
 * orchestration the cases real builds give: gcc without its recommended
 * libc6-dev cannot compile, curl or w3m without ca-certificates cannot do HTTPS,
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
  const recommends: Record<string, string> = { gcc: 'libc6-dev', curl: 'ca-certificates', w3m: 'ca-certificates' };
  const packages: Record<string, string> = { 'base-files': '12.4', libc6: '2.36' };
  for (const p of installed) {
    packages[p] = '1.0';
    if (!noRecommends && recommends[p] !== undefined) packages[recommends[p]!] = '1.0';
  }
  if (installed.has('gcc') && packages['libc6-dev'] === undefined && /\b(?:make|scons)\b/.test(text)) {
    return { fails: 'primes.c:2:10: fatal error: stdio.h: No such file or directory\nscons: *** [primes.o] Error 1' };
  }
  const layers = [10_000_000, ...runs.map((run) => layerSize(run, noRecommends))];
  const cmd = logicalInstructions(text).find((i) => i.startsWith('CMD')) ?? 'CMD app';
  const execForm = /^CMD\s+\[/.test(cmd);
  const client = installed.has('w3m') ? 'w3m 0.5.3' : 'curl 7.88.1';
  let run: FakeImage['run'];
  if (cmd.includes('serve')) {
    run = { kind: 'server', stopExit: execForm ? 0 : 137, output: 'listening\n', http: { ok: true, status: 200, body: 'hello\n' } };
  } else if (cmd.includes('selfcheck') && packages['ca-certificates'] === undefined) {
    run = { kind: 'exits', code: 1, output: `${client}\nhttps: no CA bundle\n` };
  } else {
    run = { kind: 'exits', code: 0, output: `${client}\nhttps: CA bundle present\n` };
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

/**
 * gcc without libc6-dev, driven by a build tool install-flags does not know compiles
 * (it keeps libc6-dev for make, gcc and the like): the break only a build shows.
 */
export const GCC_APP = `FROM debian:bookworm
RUN apt-get update
RUN apt-get install -y gcc scons
COPY . /src
RUN scons -C /src
CMD primes 20
`;

/**
 * curl for a self-check over https: install-flags keeps ca-certificates for a download
 * tool the image ships, so the rewrite behaves as the original.
 */
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

/**
 * The same self-check with w3m, which also only recommends ca-certificates (Debian 12)
 * but which install-flags does not know: the rewrite loses the CA bundle and only a run
 * of the image shows it.
 */
export const W3M_APP = `FROM debian:bookworm
RUN apt-get update
RUN apt-get install -y w3m
COPY selfcheck.sh /usr/local/bin/selfcheck
CMD selfcheck
`;
