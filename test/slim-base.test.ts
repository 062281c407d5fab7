import { describe, expect, it } from 'vitest';
import { memoryBuildContext } from '../src/engine/context.js';
import { runPipeline } from '../src/engine/pipeline.js';
import slimBase from '../transforms/slim-base.js';

function run(text: string) {
  const result = runPipeline(text, [{ transform: slimBase, options: { installMissing: false, allStages: false, reportNoSibling: false } }], { buildContext: memoryBuildContext({}) });
  if (!result.ok) throw new Error(result.error.message);
  return { output: result.output, refusals: result.refusals.map((r) => `${r.code}: ${r.reason}`) };
}

describe('slim-base: a reader of the pages slim leaves out', () => {
  it('is refused when the stage, or one built on it, installs one', () => {
    expect(run('FROM debian:bookworm\nRUN apt-get update && apt-get install -y man-db less\nCMD ["bash"]\n').refusals).toEqual([
      'reads-left-out: line 2 installs man-db, which reads man pages (`man`): debian:bookworm-slim leaves out man pages, info pages, /usr/share/doc and translated messages (/usr/share/locale), also of the packages installed later, so it would find none',
    ]);
    expect(run('FROM debian:bookworm AS base\nRUN true\nFROM base\nRUN apt-get update && apt-get install -y --no-install-recommends info\nCMD ["bash"]\n').refusals[0]).toContain('reads-left-out: line 4 installs info, which reads info pages (`info`)');
  });

  it('leaves the switch alone for other packages', () => {
    const { output, refusals } = run('FROM debian:bookworm\nRUN apt-get update && apt-get install -y less locales\nCMD ["bash"]\n');
    expect(refusals).toEqual([]);
    expect(output).toContain('FROM debian:bookworm-slim\n');
  });
});

describe('slim-base: a CodeSandbox environment', () => {
  const dockerfile = 'FROM node:24-bullseye\nRUN apt update -y && apt install -y xdg-utils\n';
  const run = (path: string) => {
    const result = runPipeline(dockerfile, [{ transform: slimBase, options: { installMissing: false, allStages: false, reportNoSibling: false } }], { path, buildContext: memoryBuildContext({ 'tasks.json': '{ "setupTasks": [{ "command": "yarn install" }] }' }) });
    if (!result.ok) throw new Error(result.error.message);
    return { output: result.output, refusals: result.refusals.map((r) => `${r.code}: ${r.reason}`) };
  };

  it('is refused: .codesandbox/Dockerfile is the container its users work in', () => {
    const { output, refusals } = run('.codesandbox/Dockerfile');
    expect(output).toBe(dockerfile);
    expect(refusals).toEqual([
      'dev-container: CodeSandbox builds .codesandbox/Dockerfile as a dev container: its users run the compilers, git, curl and man pages of node:24-bullseye at its prompt, which the Dockerfile does not show, and node:24-bullseye-slim lacks them',
    ]);
    expect(run('examples/app/.codesandbox/Dockerfile').refusals[0]).toMatch(/^dev-container: CodeSandbox builds/);
  });

  it('switches a Dockerfile elsewhere, or of another name, as before', () => {
    expect(run('Dockerfile').output).toContain('FROM node:24-bullseye-slim\n');
    expect(run('.codesandbox/Dockerfile.ci').output).toContain('FROM node:24-bullseye-slim\n');
  });
});

describe('slim-base: a development environment on a distribution image', () => {
  it('names what slim leaves out of it: documentation, not a toolchain', () => {
    expect(run('FROM debian:12\nRUN bash /tmp/setup.sh\nENTRYPOINT ["/usr/local/share/docker-init.sh", "/usr/local/share/ssh-init.sh"]\nCMD ["sleep", "infinity"]\n').refusals).toEqual([
      'dev-container: the container only waits (`sleep infinity`), kept up for what its users run with `docker exec`: the man pages and documentation of debian:12, which the Dockerfile does not show, and debian:12-slim lacks them',
    ]);
  });
});

describe('slim-base: Dockerfiles beside one another', () => {
  // outline/outline: Dockerfile.base builds the app on node (outlinewiki/outline-base); Dockerfile copies it onto node's slim image.
  const builder = 'ARG APP_PATH=/opt/outline\nFROM node:22 AS deps\nWORKDIR $APP_PATH\nCOPY . .\nENV PORT=3000\n';
  const runtime = 'ARG BASE_IMAGE=outlinewiki/outline-base\nFROM ${BASE_IMAGE} AS base\n\nFROM node:22-slim AS runner\nCOPY --from=base /opt/outline/build ./build\nCMD ["node", "build/server/index.js"]\n';
  const run = (files: Record<string, string>, own: string) => {
    const result = runPipeline(files[own]!, [{ transform: slimBase, options: { installMissing: false, allStages: false, reportNoSibling: false } }], { path: `/context/${own}`, buildContext: memoryBuildContext(files) });
    if (!result.ok) throw new Error(result.error.message);
    return { output: result.output, refusals: result.refusals.map((r) => `${r.code}: ${r.reason}`) };
  };

  it('are no variants of one image where one builds FROM the image the other makes', () => {
    const { output, refusals } = run({ Dockerfile: runtime, 'Dockerfile.base': builder }, 'Dockerfile.base');
    expect(refusals).toEqual([]);
    expect(output).toContain('FROM node:22-slim AS deps\n');
    // The same pair with the base file on the slim image: the runtime, built FROM it, is no variant of it either.
    const slimBuilder = builder.replace('node:22 ', 'node:22-slim ');
    const fullRuntime = runtime.replace('node:22-slim', 'node:22');
    expect(run({ Dockerfile: fullRuntime, 'Dockerfile.base': slimBuilder }, 'Dockerfile').output).toContain('FROM node:22-slim AS runner\n');
  });

  it('are variants where neither builds on what the other makes', () => {
    const other = runtime.replace('outlinewiki/outline-base', 'outlinewiki/outline-database');
    expect(run({ Dockerfile: other, 'Dockerfile.base': builder }, 'Dockerfile.base').refusals).toEqual([
      'variant-beside: Dockerfile beside it already builds on node:22-slim: the files are the variants of one image, and switched, this one would build what that one does',
    ]);
  });
});
