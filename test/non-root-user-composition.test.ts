import { describe, expect, it } from 'vitest';
import { memoryBuildContext } from '../src/engine/context.js';
import { runPipeline, type PipelineResult } from '../src/engine/pipeline.js';
import { allTransforms, configure } from '../src/engine/select.js';

/** The named transforms in registry order, with default options. */
function selected(...names: string[]) {
  return configure({ names: allTransforms().map((t) => t.meta.name).filter((n) => names.includes(n)), options: {} });
}

function output(result: PipelineResult): string {
  if (!result.ok) throw new Error(result.error.message);
  return result.output;
}

/** The user non-root-user adds depends on the final image, which a base switch of the same run may change. */
describe('non-root-user after a base switch', () => {
  it('creates the account with busybox tools when alpine-base moves the stage to Alpine', () => {
    const input = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["python", "app.py"]\n';
    const ctx = memoryBuildContext({ 'requirements.txt': 'flask\n', 'app.py': 'print(1)\n' });
    const result = runPipeline(input, selected('alpine-base', 'non-root-user'), { buildContext: ctx });
    expect(output(result)).toBe(
      'FROM python:3.12-alpine\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\n' +
        'RUN addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app\nUSER 10001:10001\nCMD ["python", "app.py"]\n',
    );
  });

  it('creates the account with busybox tools when alpine-base moves the ARG default the FROM reads', () => {
    const input = 'ARG PY_VERSION=3.12\nFROM python:${PY_VERSION:-3.11}\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["python", "app.py"]\n';
    const ctx = memoryBuildContext({ 'requirements.txt': 'flask\n', 'app.py': 'print(1)\n' });
    const out = output(runPipeline(input, selected('alpine-base', 'non-root-user'), { buildContext: ctx }));
    expect(out).toContain('ARG PY_VERSION=3.12-alpine\n');
    expect(out).toContain('RUN addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app\nUSER 10001:10001\n');
    expect(out).not.toContain('useradd');
  });

  it('uses distroless nonroot, with no RUN, when distroless-runtime moves the final stage', () => {
    const input =
      'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n' +
      'FROM debian:12-slim\nCOPY --from=build /out/app /usr/local/bin/app\nCMD ["app"]\n';
    const ctx = memoryBuildContext({ 'go.mod': 'module example.com/app\n\ngo 1.22\n', 'main.go': 'package main\n\nfunc main() {}\n' });
    const out = output(runPipeline(input, selected('distroless-runtime', 'non-root-user'), { buildContext: ctx }));
    expect(out).toMatch(/^FROM gcr\.io\/distroless\/static-debian\d+$/m);
    expect(out).toContain('COPY --from=build /out/app /usr/local/bin/app\nUSER 65532:65532\nCMD ["app"]\n');
    expect(out).not.toContain('useradd');
  });
});

/** What distroless-runtime says of a stage it leaves, when non-root-user then adds the RUN that makes its account. */
describe('distroless-runtime beside the account non-root-user makes', () => {
  it("gives the input's reason, not the RUN the same run wrote", () => {
    const input =
      'FROM python:3.13-slim AS build\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n' +
      'FROM python:3.13-slim\nWORKDIR /app\nCOPY --from=build /usr/local/lib/python3.13/site-packages /usr/local/lib/python3.13/site-packages\nCOPY app.py .\nCMD ["python", "app.py"]\n';
    const ctx = memoryBuildContext({ 'requirements.txt': 'flask\n', 'app.py': 'print(1)\n' });
    const result = runPipeline(input, selected('distroless-runtime', 'non-root-user'), { buildContext: ctx });
    expect(output(result)).toContain('useradd');
    if (!result.ok) return;
    const refusal = result.refusals.find((r) => r.transform === 'distroless-runtime');
    expect(refusal?.code).toBe('python-packages');
    expect(refusal?.reason).not.toContain('groupadd');
  });
});

/** The USER goes after the last RUN; a cleanup appended to that RUN in the same pass does not make it wait. */
describe('non-root-user beside a change to the RUN it follows', () => {
  it('makes both changes in the first pass', () => {
    const input = 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n';
    const result = runPipeline(input, selected('cleanup-in-layer', 'non-root-user'));
    expect(output(result)).toBe('FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev && npm cache clean --force\nUSER 1000:1000\nCMD ["node", "server.js"]\n');
    // One pass with both changes, one that finds nothing more.
    expect(result.ok && result.passes).toBe(2);
  });
});

  it('reports no refusal of another transform about the RUN it adds, which the input does not have', () => {
    const input = 'FROM python:3.12-slim\nCOPY app.py /app/app.py\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\nCMD ["python", "/app/app.py"]\n';
    const result = runPipeline(input, selected('collapse-run', 'non-root-user'));
    expect(output(result)).toContain('RUN groupadd --system --gid 10001 app');
    // collapse-run would not join that RUN to the one with --mount before it: a word on dockshift's own instruction.
    expect(result.ok && result.refusals.filter((r) => r.transform === 'collapse-run')).toEqual([]);
  });

/** init-process puts tini in front of the command: non-root-user still judges the program behind it. */
describe('non-root-user beside init-process', () => {
  it('still refuses pnpm through corepack when tini now starts it', () => {
    const input = 'FROM node:20-slim\nRUN corepack enable\nWORKDIR /app\nCOPY dist ./dist\nCMD ["pnpm", "start"]\n';
    const result = runPipeline(input, selected('init-process', 'non-root-user'));
    const out = output(result);
    expect(out).toContain('ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]\nCMD ["pnpm", "start"]\n');
    expect(out).not.toContain('USER');
    expect(result.ok && result.refusals.map((r) => r.code)).toContain('root-home');
  });
});
