import { describe, expect, it } from 'vitest';
import { memoryBuildContext } from '../src/engine/context.js';
import { runPipeline } from '../src/engine/pipeline.js';
import alpineBase from '../transforms/alpine-base.js';
import distrolessRuntime from '../transforms/distroless-runtime.js';

function refusals(text: string): string[] {
  const result = runPipeline(text, [{ transform: distrolessRuntime, options: {} }], { buildContext: memoryBuildContext({}) });
  if (!result.ok) throw new Error(result.error.message);
  return result.refusals.map((r) => `${r.code}: ${r.reason}`);
}

const jar = (runtime: string) =>
  `FROM eclipse-temurin:21-jdk AS build\nWORKDIR /src\nCOPY . .\nRUN ./mvnw -q package\n\nFROM ${runtime}\nCOPY --from=build /src/target/app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n`;

describe('distroless-runtime', () => {
  it('names the release of a runtime image distroless is not built on', () => {
    expect(refusals(jar('eclipse-temurin:21-jre-alpine'))).toEqual([
      'no-distroless: no distroless image is still built for eclipse-temurin:21-jre-alpine: it is on Alpine 3.24, and distroless only on Debian 12 and 13',
    ]);
    expect(refusals(jar('node:20-bullseye-slim')).join('\n')).toMatch(/it is on Debian 11 bullseye, and distroless only on Debian 12 and 13/);
  });
});

describe('distroless-runtime: a RUN in the final stage', () => {
  const go = (run: string) => `FROM golang:1.22-bookworm AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\n\nFROM debian:bookworm-slim\n${run}\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n`;

  it('names the packages distroless lacks, before an echo that only prints', () => {
    expect(refusals(go('RUN echo "installing" && apt-get update && apt-get install -y --no-install-recommends ca-certificates fuse3 tzdata && echo "user_allow_other" >> /etc/fuse.conf'))).toEqual([
      'has-run: line 7 installs fuse3, which distroless lacks (of what a RUN installs, it carries only ca-certificates and tzdata); distroless has no shell to run a RUN',
    ]);
    expect(refusals(go('RUN apt-get update && apt-get install -y curl git htop nano procps')).join('')).toContain('line 7 installs curl, git, htop and 2 more packages, which distroless lacks');
  });

  it('names the RUN that installs, not the index refresh before it', () => {
    expect(refusals(go('RUN apt update\nRUN apt install -y ca-certificates lsof && update-ca-certificates'))).toEqual([
      'has-run: line 8 installs lsof, which distroless lacks (of what a RUN installs, it carries only ca-certificates and tzdata); distroless has no shell to run a RUN',
    ]);
  });

  it('names the first command that is not a carried install', () => {
    expect(refusals(go('RUN echo "fixing modes" && chmod +x /usr/local/bin/tool'))).toEqual(['has-run: line 7 runs `chmod +x /usr/local/bin/tool`; distroless has no shell to run a RUN']);
    expect(refusals(go('RUN echo "nothing else"'))).toEqual(['has-run: line 7 runs `echo "nothing else"`; distroless has no shell to run a RUN']);
  });

  it('still drops a RUN that installs only what distroless carries', () => {
    const result = runPipeline(go('RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates tzdata && rm -rf /var/lib/apt/lists/*'), [{ transform: distrolessRuntime, options: {} }], { buildContext: memoryBuildContext({}) });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.refusals).toEqual([]);
    expect(result.output).toContain('FROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\n');
  });
});

/** alpine-base switches the FROM in the first pass; what distroless-runtime says of it is said of the input's image. */
describe('distroless-runtime beside alpine-base', () => {
  it("gives the input's reason, not one about the image the same run wrote", () => {
    const input = 'FROM node:24 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n\nFROM node:24.18.1-slim\nWORKDIR /app\nCOPY --from=build /app/dist/index.js index.js\nENTRYPOINT ["node", "index.js"]\n';
    const result = runPipeline(input, [distrolessRuntime, alpineBase].map((transform) => ({ transform, options: {} })), { buildContext: memoryBuildContext({}) });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.output).toContain('FROM node:24.18.1-alpine');
    expect(result.refusals.filter((r) => r.transform === 'distroless-runtime').map((r) => `${r.line} ${r.code}: ${r.reason}`)).toEqual([
      '6 no-distroless: node:24.18.1-slim is on Debian 12 (bookworm), and gcr.io/distroless/nodejs24-debian12 is no longer rebuilt (it gets no security updates)',
    ]);
  });
});

/** The same when alpine-base makes the switch through the ARG default the FROM reads. */
describe('distroless-runtime beside alpine-base editing a build argument', () => {
  it("gives the input's reason, not one about the image the ARG now names", () => {
    const input = 'ARG BASE="python:3.12"\nFROM golang:1.22 AS build\nRUN echo hi > /out\n\nFROM ${BASE}\nCOPY --from=build /out /out\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n';
    const result = runPipeline(input, [distrolessRuntime, alpineBase].map((transform) => ({ transform, options: {} })), { buildContext: memoryBuildContext({ 'app.py': 'print(1)\n' }) });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.output).toContain('ARG BASE="python:3.12-alpine"\n');
    expect(result.refusals.filter((r) => r.transform === 'distroless-runtime').map((r) => `${r.line} ${r.code}: ${r.reason}`)).toEqual([
      '5 no-distroless: no distroless image is still built for python:3.12 (Debian release 13)',
    ]);
  });
});

describe('distroless-runtime: packages copied into a Python image', () => {
  it('names the copy of what a stage installed with pip, not an earlier copy of other files', () => {
    const text = 'FROM debian:trixie AS debs\nRUN apt-get update && apt-get download libpq5 && mkdir -p /install && dpkg --extract libpq5_*.deb /install\n\nFROM python:3.13-trixie AS builder\nRUN pip install --no-cache-dir --prefix=/install psycopg2-binary\n\nFROM python:3.13-slim-trixie\nCOPY --from=debs /install/usr /usr\nCOPY --from=builder /install /usr/local\nCOPY app.py /app.py\nCMD ["python", "/app.py"]\n';
    expect(refusals(text)).toEqual([
      "python-packages: line 9 copies from builder; packages installed there are not on gcr.io/distroless/python3-debian13's sys.path (no PYTHONPATH)",
    ]);
  });
});

describe('distroless-runtime: a program copied from a path a build argument names', () => {
  it('says why the program cannot be traced, not that no stage built it', () => {
    const text = 'FROM golang:1.22-bookworm AS build\nARG TARGETARCH\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/$TARGETARCH/ ./cmd/...\n\nFROM alpine:3.19\nARG TARGETARCH\nCOPY --from=build /out/$TARGETARCH/ /usr/local/bin/\nENTRYPOINT ["app"]\n';
    expect(refusals(text)).toEqual(["program-missing: app cannot be traced to a build stage's output: COPY on line 9 copies /out/$TARGETARCH/, named by a variable"]);
  });
});

describe('distroless-runtime: a program copied from a stage given by number', () => {
  it('calls it stage 0, not 0', () => {
    const text = 'FROM debian:bookworm AS Build\nRUN mkdir -p /opt/app/bin && cp /bin/ls /opt/app/bin/run\n\nFROM debian:bookworm-slim\nCOPY --from=0 /opt/app /opt/app\nCMD ["/opt/app/bin/run"]\n';
    expect(refusals(text)).toEqual(['libc-mismatch: /opt/app/bin/run comes from stage 0 (line 5): no compiler or package install runs there; distroless needs a static binary or glibc of Debian 12 or 13']);
  });
});
