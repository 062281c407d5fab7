import { describe, expect, it } from 'vitest';
import { memoryBuildContext } from '../src/engine/context.js';
import { runPipeline } from '../src/engine/pipeline.js';
import depsFirst from '../transforms/deps-first.js';

function refusals(text: string, files: Record<string, string>) {
  const result = runPipeline(text, [{ transform: depsFirst, options: {} }], { buildContext: memoryBuildContext(files) });
  if (!result.ok) throw new Error(result.error.message);
  return result.refusals.map((r) => [r.code, r.reason]);
}

describe('deps-first says why the install is not where the sources go', () => {
  it('names the cd a RUN makes before its install, not the WORKDIR it does not use', () => {
    // Rocket.Chat's shape: no WORKDIR before the install, which runs after a cd into the copied bundle.
    const text = 'FROM node:14-bullseye-slim\nADD . /app\nRUN cd /app/bundle/programs/server && npm install\nWORKDIR /app/bundle\nCMD ["node", "main.js"]\n';
    expect(refusals(text, { 'bundle/programs/server/package.json': '{"name":"server"}' })).toEqual([
      ['install-location', 'line 3 changes folder (`cd /app/bundle/programs/server`), so the install may not run where the sources go'],
    ]);
  });

  it('names the WORKDIR when the install runs there, outside the copied folder', () => {
    const text = 'FROM node:20-alpine\nWORKDIR /srv\nCOPY . /app\nRUN npm ci\nCMD ["node", "/app/index.js"]\n';
    expect(refusals(text, { 'package.json': '{"name":"app"}' })).toEqual([
      ['install-location', 'the install on line 4 runs in /srv, which is not inside /app, where the COPY puts the sources'],
    ]);
  });

  it('says the base image has the folder the install runs in, before what that leaves unknown', () => {
    const text = 'FROM python:3.13-alpine\nCOPY . /docs\nRUN pip3 install -r /docs/requirements.txt && sphinx-build /docs /build\n';
    expect(refusals(text, { 'requirements.txt': 'sphinx\n' })).toEqual([
      [
        'install-location',
        "the install on line 3 runs in the base image's WORKDIR, which the Dockerfile does not set, so whether it is inside /docs, where the COPY puts the sources, is not known",
      ],
    ]);
  });
});
