/**
 * The large inputs of issue 8, under the 1 MiB limit, that used to overflow
 * the stack or take minutes: thousands of apt RUNs, tens of thousands of
 * one-line RUNs (under bash too), thousands of stages each built on the one
 * before, thousands of COPYs each read by the RUN after it, of relative
 * WORKDIRs (with a CMD too), of CMDs and ENTRYPOINTs, one RUN of thousands of
 * `&&` commands or of pipes, thousands of RUNs that download and extract an
 * archive, that each create a user or that each make a folder left empty, thousands
 * of cleanups after one install.
 * Generated (never stored), at any size, so that the benchmark can show time
 * growing with the size of the file and the tests can check the output. Used
 * by test/large-inputs.test.ts and bench/run.mjs.
 */

export interface LargeInput {
  readonly name: string;
  /** How many units (RUNs, commands or stages) the full-size input has. */
  readonly fullSize: number;
  make(size: number): string;
  /** Run with only these transforms: an opt-in one that the default pipeline leaves out. */
  readonly transforms?: readonly string[];
}

export const LARGE_INPUTS: readonly LargeInput[] = [
  {
    name: 'apt RUNs',
    fullSize: 3000,
    make: (n) => `FROM debian:12-slim\n${Array.from({ length: n }, (_, i) => `RUN apt-get update && apt-get install -y pkg${i}\n`).join('')}`,
  },
  {
    name: 'one-line RUNs',
    fullSize: 60_000,
    make: (n) => `FROM debian:12-slim\n${Array.from({ length: n }, (_, i) => `RUN echo ${i}\n`).join('')}`,
  },
  {
    // Each stage built FROM the one before: questions about what a stage builds on, or what
    // builds on it, asked for every RUN or stage used to walk the chain each time.
    name: 'chain of stages',
    fullSize: 6000,
    make: (n) =>
      `FROM debian:12-slim AS s0\nRUN apt-get update && apt-get install -y pkg0\n${Array.from({ length: n }, (_, i) => `FROM s${i} AS s${i + 1}\nRUN apt-get update && apt-get install -y pkg${i + 1}\n`).join('')}`,
  },
  {
    // Each RUN reads a file a COPY just put in: finding where it came from walked every COPY.
    name: 'COPY and pip install -r pairs',
    fullSize: 10_000,
    make: (n) => `FROM python:3.12\n${Array.from({ length: n }, (_, i) => `COPY req${i}.txt .\nRUN pip install -r req${i}.txt\n`).join('')}`,
  },
  {
    // Each install that reads a manifest asks which COPY put it there: slim-base asks for every one.
    name: 'COPY package.json and npm ci pairs',
    fullSize: 2500,
    make: (n) =>
      `FROM node:20\nWORKDIR /app\n${Array.from({ length: n }, (_, i) => `COPY p${i}/package.json p${i}/\nRUN cd p${i} && npm ci\nCOPY p${i} p${i}\nRUN cd p${i} && npm run build\n`).join('')}CMD ["node", "x.js"]\n`,
  },
  {
    // Each requirements file is looked for among the COPYs before, all into the same folder; half were never copied.
    name: 'COPYs into one folder and pip install -r pairs',
    fullSize: 5000,
    make: (n) =>
      `FROM python:3.12\nWORKDIR /app\n${Array.from({ length: n }, (_, i) => `COPY r${i}.txt .\nRUN pip install -r r${i}.txt -r other${i}.txt\n`).join('')}CMD ["python"]\n`,
  },
  {
    // Every COPY --from of the final stage asks what the build stage built, and how.
    name: 'Go binaries copied from one build stage, distroless-runtime',
    fullSize: 4000,
    transforms: ['distroless-runtime'],
    make: (n) =>
      `FROM golang:1.22 AS build\nWORKDIR /src\n${Array.from({ length: n }, (_, i) => `COPY m${i} ./m${i}\nRUN go build -o /out/b${i} ./m${i}\n`).join('')}FROM debian:12\n${Array.from({ length: n }, (_, i) => `COPY --from=build /out/b${i} /usr/bin/\n`).join('')}CMD ["/usr/bin/b0"]\n`,
  },
  {
    // Each COPY resolves its destination against the WORKDIRs before it.
    name: 'relative WORKDIRs',
    fullSize: 10_000,
    make: (n) => `FROM debian:12-slim\nWORKDIR /a\n${Array.from({ length: n }, (_, i) => `WORKDIR d${i}\nCOPY f${i} .\n`).join('')}`,
  },
  {
    // The CMD's script is looked for in the folder the WORKDIRs lead to: resolving each WORKDIR in
    // turn built thousands of paths each as long as the chain so far.
    name: 'relative WORKDIRs and a CMD',
    fullSize: 40_000,
    make: (n) => `FROM debian:12-slim\n${Array.from({ length: n }, (_, i) => `WORKDIR d${i}\n`).join('')}CMD ["./run"]\n`,
  },
  {
    // Each COPY resolves its destination, and the CMD's user where its files came from: a folder
    // as long as the chain was rebuilt for each, and kept (77 s at 240 KiB). Folders longer than
    // PATH_MAX are unknown.
    name: 'relative WORKDIRs, a COPY each, and a CMD',
    fullSize: 10_000,
    make: (n) => `FROM debian:12-slim\nWORKDIR /\n${Array.from({ length: n }, (_, i) => `WORKDIR w${i % 10}\nCOPY f${i} .\n`).join('')}CMD ["app"]\n`,
  },
  {
    // Each CMD and ENTRYPOINT asks what else the stage starts with.
    name: 'CMD, ENTRYPOINT and HEALTHCHECK',
    fullSize: 6000,
    make: (n) => `FROM debian:12-slim\n${Array.from({ length: n }, (_, i) => `CMD echo ${i}\nENTRYPOINT /bin/e${i}\nHEALTHCHECK CMD curl -f http://localhost/${i}\n`).join('')}`,
  },
  {
    // Each CMD looks up the chain for the ENTRYPOINT its image ends up with.
    name: 'chain of stages with a CMD each',
    fullSize: 6000,
    make: (n) => `FROM debian:12-slim AS s0\n${Array.from({ length: n }, (_, i) => `FROM s${i} AS s${i + 1}\nCMD echo ${i}\n`).join('')}`,
  },
  {
    // Each ENTRYPOINT looks down the chain for a CMD set in a stage built on it.
    name: 'chain of stages with an ENTRYPOINT each',
    fullSize: 6000,
    make: (n) =>
      `FROM debian:12-slim AS s0\n${Array.from({ length: n }, (_, i) => `FROM s${i} AS s${i + 1}\nENTRYPOINT /bin/e${i}\n`).join('')}FROM s${n} AS last\nCMD echo done\n`,
  },
  {
    // Each ADD asks whether curl or wget is there before the RUN that uses it.
    name: 'ADD <url> and RUN pairs, add-download',
    fullSize: 5000,
    transforms: ['add-download'],
    make: (n) =>
      `FROM debian:12\nRUN apt-get update && apt-get install -y curl\n${Array.from({ length: n }, (_, i) => `ADD https://example.com/f${i}.tar.gz /tmp/\nRUN tar xzf /tmp/f${i}.tar.gz\n`).join('')}`,
  },
  {
    // The same in a chain of stages: what the stages below installed, asked in every stage.
    name: 'chain of stages with an ADD <url> each, add-download',
    fullSize: 4000,
    transforms: ['add-download'],
    make: (n) =>
      `FROM debian:12 AS s0\nRUN apt-get update && apt-get install -y curl\n${Array.from({ length: n }, (_, i) => `FROM s${i} AS s${i + 1}\nADD https://example.com/f${i}.tar.gz /tmp/\nRUN tar xzf /tmp/f${i}.tar.gz\n`).join('')}`,
  },
  {
    name: 'one RUN of && commands',
    fullSize: 5000,
    make: (n) => `FROM debian:12-slim\nRUN true${Array.from({ length: n }, (_, i) => ` && echo ${i}`).join('')}\n`,
  },
  {
    // Every command asks where the `cd`s before it took it, and slim-base what the stage installed
    // before it: both used to look through the commands before it, each time.
    name: 'one RUN of cd and make pairs',
    fullSize: 5000,
    make: (n) => `FROM python:3.12\nWORKDIR /src\nCOPY . .\nRUN ${Array.from({ length: n }, (_, i) => `cd d${i} && make t${i}`).join(' && ')}\nCMD ["python", "app.py"]\n`,
  },
  {
    name: 'one RUN of cd and make pairs in subshells',
    fullSize: 5000,
    make: (n) => `FROM python:3.12\nWORKDIR /src\nCOPY . .\nRUN ${Array.from({ length: n }, (_, i) => `(cd d${i} && make t${i})`).join(' && ')}\nCMD ["python", "app.py"]\n`,
  },
  {
    // mvdan-sh nests `a | b | c` to the left: a model that gave each command one entry per
    // pipeline around it held the square of the number of pipes.
    name: 'one RUN of piped commands',
    fullSize: 40_000,
    make: (n) => `FROM debian:12-slim\nRUN cat /dev/null${Array.from({ length: n }, (_, i) => ` | tee /tmp/t${i}`).join('')}\n`,
  },
  {
    // Each archive extracted and not removed gets a removal at the end of its RUN; once merged,
    // thousands of them used to wait for a pass each, and each looked through the whole file.
    name: 'RUNs that download and extract an archive',
    fullSize: 5000,
    make: (n) => `FROM debian:12-slim\n${Array.from({ length: n }, (_, i) => `RUN curl -fsSL -o /tmp/a${i}.tgz https://example.com/a${i}.tgz && tar -xzf /tmp/a${i}.tgz -C /opt\n`).join('')}`,
  },
  {
    // non-root-user asks which accounts the stage means to run as: each owner was looked up
    // in the list of those found before it. Large uids: every useradd gets -l.
    name: 'RUNs that each create a user and give it a folder',
    fullSize: 10_000,
    make: (n) => `FROM debian:12-slim\n${Array.from({ length: n }, (_, i) => `RUN useradd -u ${100_000 + i} u${i} && chown u${i} /d${i}\n`).join('')}CMD ["app"]\n`,
  },
  {
    // non-root-user gives the user each folder a mkdir leaves empty: whether a later step writes in a folder, or a
    // later mkdir makes one inside it, was asked of every folder about every step.
    name: 'RUNs that each make a folder left empty',
    fullSize: 8000,
    make: (n) => `FROM debian:12-slim\nWORKDIR /app\n${Array.from({ length: n }, (_, i) => `RUN mkdir -p /srv/d${i} && touch /srv/x${i}\n`).join('')}CMD ["./app"]\n`,
  },
  {
    // Under bash, each RUN asks whether an ENV before it sets BASH_ENV (a file bash reads first).
    name: 'one-line RUNs under a bash SHELL',
    fullSize: 30_000,
    make: (n) => `FROM debian:12-slim\nSHELL ["/bin/bash", "-c"]\n${Array.from({ length: n }, (_, i) => `RUN echo ${i}\n`).join('')}`,
  },
  {
    // Each cleanup looks back for the install it belongs to and for what stands between them:
    // walking every ENV and cleanup in between made the work grow with the square of the file.
    name: 'one install, then cleanup RUNs each after an ENV',
    fullSize: 10_000,
    make: (n) =>
      `FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\n${Array.from({ length: n }, (_, i) => `ENV A${i}=1\nRUN rm -rf /var/lib/apt/lists/*\n`).join('')}CMD ["app"]\n`,
  },
  {
    // Every install asks whether a later RUN installs from the cache alone: a scan of the later
    // RUNs from the start of the file each time made the work grow with the square of the file.
    name: 'npm installs that each read the cache offline, cleanup-in-layer',
    fullSize: 20_000,
    make: (n) => `FROM node:22-bookworm-slim\n${Array.from({ length: n }, (_, i) => `RUN npm i pkg${i} --offline\n`).join('')}`,
    transforms: ['cleanup-in-layer'],
  },
];
