import { describe, expect, it } from 'vitest';
import { memoryBuildContext } from '../src/engine/context.js';
import { runPipeline } from '../src/engine/pipeline.js';
import nonRootUser from '../transforms/non-root-user.js';

/** non-root-user's refusals of `text`, as `code: reason`. */
function refusals(text: string): string[] {
  const result = runPipeline(text, [{ transform: nonRootUser, options: { name: 'app', uid: 10001, target: '' } }], { buildContext: memoryBuildContext({}) });
  if (!result.ok) throw new Error(result.error.message);
  return result.refusals.map((r) => `${r.code}: ${r.reason}`);
}

describe('non-root-user: a final stage without a command', () => {
  it('on a known base is an image others build on', () => {
    expect(refusals('FROM debian:bookworm\nRUN apt-get update\n')).toEqual([
      'base-image: the final stage sets no CMD or ENTRYPOINT: it looks like an image others build on, where a USER would make their RUNs non-root',
    ]);
  });

  it('on an unknown base runs what that image starts', () => {
    expect(refusals('FROM ghcr.io/linuxserver/baseimage-alpine:3.23\nRUN apk add --no-cache icu-libs\nEXPOSE 8989\n')).toEqual([
      "unknown-image: the final stage sets no CMD or ENTRYPOINT, so it runs what ghcr.io/linuxserver/baseimage-alpine:3.23 starts, an image the knowledge base does not know: that may be a service that must start as root (s6-overlay's /init, a database's entrypoint), or only a shell in an image others build on",
    ]);
  });
});
