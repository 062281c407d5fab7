import { describe, expect, it } from 'vitest';
import { runPipeline, type PipelineOutput } from '../src/engine/pipeline.js';
import cleanupInLayer from '../transforms/cleanup-in-layer.js';

function run(text: string): PipelineOutput {
  const result = runPipeline(text, [{ transform: cleanupInLayer, options: {} }], {});
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

describe('cleanup-in-layer names the instructions it refuses for', () => {
  it('names the shell whose command string holds the install, not the user sudo runs it as', () => {
    const text = "FROM node:22-bookworm-slim\nRUN cd /app && sudo -u discourse /bin/bash -c 'pnpm install --frozen-lockfile'\n";
    const [r] = run(text).refusals;
    expect(r).toMatchObject({ code: 'shell-string', line: 2 });
    expect(r!.reason).toContain('the install runs in the quoted command string of `bash`');
  });
  it('quotes a cache mount as written, its id and sharing options included', () => {
    const text = 'FROM debian:bookworm-slim\nRUN --mount=type=cache,id=apt-lists,target=/var/lib/apt/lists,sharing=locked \\\n    apt-get update && apt-get install -y --no-install-recommends git\n';
    const [r] = run(text).refusals;
    expect(r).toMatchObject({ code: 'cache-mount', line: 2 });
    expect(r!.reason).toBe("`--mount=type=cache,id=apt-lists,target=/var/lib/apt/lists,sharing=locked` keeps apt's lists out of the layer; cleaning up there would only empty the build cache");
  });
  it('quotes a continued RUN whole, as the shared preview does, not its first line as if it were all', () => {
    const text = 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\nRUN set -e && \\\n    ./run-tests.sh --all && \\\n    echo done\n';
    const [r] = run(text).refusals;
    expect(r).toMatchObject({ code: 'lists-needed-later', line: 2 });
    expect(r!.reason).toContain('the later `RUN set -e && ./run-tests.sh --all && echo done` runs a script');
  });
  it('quotes a heredoc script by its marker line and first command, not its shebang and set -e run together', () => {
    const text = 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y curl\nRUN <<EOF\n#!/bin/bash\nset -euo pipefail\n\n# the tools\napt-get install -y jq\nEOF\n';
    const [r] = run(text).refusals;
    expect(r).toMatchObject({ code: 'lists-needed-later', line: 2 });
    expect(r!.reason).toContain('the later `RUN <<EOF … apt-get install -y jq` runs apt-get install');
  });

  it('quotes a heredoc that writes a file by its command line, whose document is no script', () => {
    const text = 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y curl\nRUN cat <<EOF > /etc/tool.conf && apt-get install -y jq\nmode=fast\nEOF\n';
    const [r] = run(text).refusals;
    expect(r).toMatchObject({ code: 'lists-needed-later', line: 2 });
    expect(r!.reason).toContain('the later `RUN cat <<EOF > /etc/tool.conf && apt-get install -y jq');
  });

  it('names the folder a COPY writes into, from a heredoc as from the build context', () => {
    const text = 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends postgresql-client\nCOPY <<"EOF" /tmp/init.sql\nCREATE TABLE t (id int);\nEOF\nRUN rm -rf /var/lib/apt/lists/* /tmp/*\n';
    const r = run(text).refusals.find((f) => f.line === 6);
    expect(r).toMatchObject({ code: 'cache-used-later' });
    expect(r!.reason).toContain('and writes /tmp/init.sql in /tmp, a folder the cleanup empties');
  });

  it('says a later install in the background is why, not a missing apt-get update it runs first', () => {
    const text = 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\nRUN apt-get update && apt-get install -y xvfb &\n';
    const [r] = run(text).refusals;
    expect(r).toMatchObject({ code: 'lists-needed-later', line: 2 });
    expect(r!.reason).toContain('runs apt-get install in the background (`&`)');
    expect(r!.reason).not.toContain('no apt-get update');
    // With no update before it, that is what the reason says.
    const [alone] = run('FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\nRUN apt-get install -y xvfb &\n').refusals;
    expect(alone!.reason).toContain('runs apt-get install with no apt-get update that always runs before it');
  });
});
