import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { selectTransforms, type Selection } from '../../src/engine/select.js';
import { knobFlag } from '../../src/verify/knobs.js';
import type { LayerCache } from '../../src/verify/oci.js';
import { runPipeline } from '../../src/engine/pipeline.js';
import { configure } from '../../src/engine/select.js';
import { missingImage, verifyFile, type VerifySettings } from '../../src/verify/verifyFile.js';
import { fakeBuilder, type FakeBuilder, type FakeRecipe } from './fakeBuilder.js';
import { aptRecipe, W3M_APP, CURL_APP, GCC_APP, SERVER_APP } from './recipe.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockshift-verify-test-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function selection(options: string[] = [], only: string[] = []): Selection {
  const s = selectTransforms({ options, only });
  if (!s.ok) throw new Error(s.message);
  return s.selection;
}

function settings(overrides: Partial<VerifySettings> = {}): VerifySettings {
  return {
    selection: selection(),
    buildArgs: {},
    pull: false,
    smoke: { args: null, http: null, timeoutSeconds: 5, stopGraceSeconds: 10 },
    culprit: true,
    keepImages: false,
    ...overrides,
  };
}

async function verify(text: string, recipe: FakeRecipe = aptRecipe, over: Partial<VerifySettings> = {}, builder?: FakeBuilder) {
  const b = builder ?? fakeBuilder(recipe);
  const file = path.join(dir, 'app', 'Dockerfile');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const log: string[] = [];
  const cache: LayerCache = new Map();
  const result = await verifyFile({ path: file, display: 'app/Dockerfile', context: path.dirname(file) }, text, {
    builder: b,
    settings: settings(over),
    workDir: path.join(dir, 'work'),
    layerCache: cache,
    log: (l) => log.push(l),
  });
  return { result, builder: b, log, cache };
}

const rewritten = (text: string, sel: Selection = selection()) => {
  const r = runPipeline(text, configure(sel));
  if (!r.ok) throw new Error(r.error.message);
  return r.output;
};

describe('verifyFile', () => {
  it('passes a rewrite that builds and behaves the same, with sizes measured from the layout', async () => {
    const { result, builder } = await verify(SERVER_APP);
    expect(result.verdict).toBe('passed');
    expect(builder.builds).toEqual([SERVER_APP, rewritten(SERVER_APP)]);
    // Base 10 MB; before: update layer with lists (2.1 MB), install (3.1 MB), COPY (0.1 MB).
    expect(result.before!.size.ok && result.before!.size.value.uncompressed).toBe(10_000_000 + 2_100_000 + 3_100_000 + 100_000);
    // After: one RUN without lists, the COPY, the RUN that adds the user non-root-user runs it as.
    expect(result.after!.size.ok && result.after!.size.value.uncompressed).toBe(10_000_000 + 3_100_000 + 100_000 + 100_000);
    expect(result.after!.size.ok && result.after!.size.value.layers.map((l) => l.uncompressed)).toEqual([10_000_000, 3_100_000, 100_000, 100_000]);
    expect(result.behaviour).toEqual({ same: true });
    expect(result.before!.smoke!.stop).toMatchObject({ exitCode: 137, killed: true });
    expect(result.after!.smoke!.stop).toMatchObject({ exitCode: 0, killed: false });
    expect(result.passingText).toBe(rewritten(SERVER_APP));
    expect(result.culprit).toBeNull();
  });

  it('measures gzip sizes that are smaller than the uncompressed ones and shares base layers through the cache', async () => {
    const { result, cache } = await verify(SERVER_APP);
    const before = result.before!.size.ok ? result.before!.size.value : null;
    const after = result.after!.size.ok ? result.after!.size.value : null;
    expect(before!.gzip).toBeGreaterThan(0);
    expect(before!.gzip).toBeLessThan(before!.uncompressed / 10);
    // The base layer is the same blob in both images: measured once (4 layers before, 2 new after).
    expect(before!.layers[0]).toEqual(after!.layers[0]);
    expect(cache.size).toBe(6);
  });

  it('names install-flags and its option when --no-install-recommends breaks the build, with the passing text', async () => {
    const { result, builder } = await verify(GCC_APP);
    expect(result.verdict).toBe('broken-build');
    expect(result.afterBuildError!.detail).toContain('stdio.h: No such file or directory');
    expect(result.culprit!.kind).toBe('single');
    expect(result.culprit!.kind !== 'none' && result.culprit!.culprits.map(knobFlag)).toEqual(['-o install-flags.noInstallRecommends=false']);
    const fixed = rewritten(GCC_APP, selection(['install-flags.noInstallRecommends=false']));
    expect(result.passingText).toBe(fixed);
    expect(fixed).not.toContain('--no-install-recommends');
    expect(fixed).toContain('rm -rf /var/lib/apt/lists/*');
    // original, rewrite, then one trial: the option alone.
    expect(builder.builds).toEqual([GCC_APP, rewritten(GCC_APP), fixed]);
    expect(result.culprit!.trials).toEqual([{ off: [{ kind: 'option', transform: 'install-flags', option: 'noInstallRecommends', value: false }], passes: true, note: 'builds; same smoke result' }]);
  });

  it('passes a shipped curl: install-flags names the ca-certificates it only recommends', async () => {
    const { result, builder } = await verify(CURL_APP);
    expect(rewritten(CURL_APP)).toContain('--no-install-recommends -y curl ca-certificates');
    expect(result.verdict).toBe('passed');
    expect(result.behaviour).toEqual({ same: true });
    expect(result.packages).toEqual({ lost: [], gained: [] });
    expect(builder.builds).toEqual([CURL_APP, rewritten(CURL_APP)]);
  });

  it('names install-flags when the rewrite builds but behaves differently (ca-certificates lost)', async () => {
    const { result } = await verify(W3M_APP);
    expect(result.verdict).toBe('broken-behaviour');
    expect(result.behaviour).toEqual({ same: false, reason: 'exit 0 before, exit 1 after ("https: no CA bundle")' });
    expect(result.packages).toEqual({ lost: ['ca-certificates'], gained: [] });
    expect(result.culprit!.kind !== 'none' && result.culprit!.culprits.map(knobFlag)).toEqual(['-o install-flags.noInstallRecommends=false']);
  });

  it('decides a trial from its text without building when it equals the original or the rewrite', async () => {
    // Only install-flags runs: turning its option off gives back the original text exactly.
    const { result, builder } = await verify(W3M_APP, aptRecipe, { selection: selection([], ['install-flags']) });
    expect(result.verdict).toBe('broken-behaviour');
    expect(builder.builds).toHaveLength(2);
    expect(result.culprit!.trials).toEqual([{ off: [{ kind: 'option', transform: 'install-flags', option: 'noInstallRecommends', value: false }], passes: true, note: 'same text as the original' }]);
    expect(result.passingText).toBe(W3M_APP);
  });

  it('does not search for a culprit with culprit search off', async () => {
    const { result, builder } = await verify(GCC_APP, aptRecipe, { culprit: false });
    expect(result.verdict).toBe('broken-build');
    expect(result.culprit).toBeNull();
    expect(result.passingText).toBeNull();
    expect(builder.builds).toHaveLength(2);
  });

  it('reports a file the pipeline leaves alone as unchanged, without building', async () => {
    const clean = 'FROM debian:bookworm-slim\nUSER 65532\nCMD ["app"]\n';
    const { result, builder } = await verify(clean);
    expect(result.verdict).toBe('unchanged');
    expect(builder.builds).toEqual([]);
  });

  it('reports a rewrite error with its line, without building', async () => {
    const { result, builder } = await verify('CMD x\n');
    expect(result.verdict).toBe('error');
    expect(result.error).toMatchObject({ step: 'rewrite' });
    expect(builder.builds).toEqual([]);
  });

  it('does not blame the rewrite when the original does not build', async () => {
    const { result, builder } = await verify(GCC_APP, (text) => ({ fails: `cannot build ${text.length}` }));
    expect(result.verdict).toBe('error');
    expect(result.error!.message).toMatch(/^the original does not build: build failed/);
    expect(builder.builds).toHaveLength(1);
  });

  it('does not blame a change when the rewrite names a base image this machine lacks', async () => {
    // SERVER_APP moves to debian:bookworm-slim (slim-base); here only the full image exists.
    const onlyFull: FakeRecipe = (text, args) => (/^FROM debian:bookworm-slim/m.test(text) ? { fails: 'Error: creating build container: debian:bookworm-slim: image not known' } : aptRecipe(text, args));
    const { result, builder } = await verify(SERVER_APP, onlyFull);
    expect(result.verdict).toBe('error');
    expect(result.error!.message).toBe("the rewrite's base image debian:bookworm-slim is not available to podman: make it locally, or verify with --pull");
    expect(result.culprit).toBeNull();
    expect(builder.builds).toHaveLength(2);
  });

  it('reads the missing image from what each builder says', () => {
    const said = (detail: string) => missingImage({ step: 'build', message: 'build failed (exit 125)', detail });
    expect(said('Error: creating build container: node:20-slim: image not known')).toBe('node:20-slim');
    expect(said('ERROR: pull access denied for example/app, repository does not exist')).toBe('example/app');
    expect(said('failed to resolve source metadata for docker.io/library/node:20-slim: not found')).toBe('docker.io/library/node:20-slim');
    expect(said('stdio.h: No such file or directory')).toBeNull();
  });

  it('removes every image and container it made, unless asked to keep them', async () => {
    const { builder } = await verify(GCC_APP);
    expect(builder.images.size).toBe(0);
    expect(builder.liveContainers.size).toBe(0);
    const kept = await verify(W3M_APP, aptRecipe, { keepImages: true });
    expect([...kept.builder.images.keys()].map((t) => t.split(':').at(-1)).sort()).toEqual(['after', 'before', 'trial']);
  });

  it('passes --smoke arguments to both runs and compares what they print', async () => {
    const { result, builder } = await verify(SERVER_APP, aptRecipe, { smoke: { args: ['app', '--version'], http: null, timeoutSeconds: 5, stopGraceSeconds: 10 } });
    expect(builder.started.map((s) => s.args)).toEqual([['app', '--version'], ['app', '--version']]);
    expect(result.behaviour).toEqual({ same: true });
  });

  it('builds and measures without smoke runs when the builder cannot run containers', async () => {
    const b = fakeBuilder(aptRecipe, { canRun: false });
    const { result } = await verify(W3M_APP, aptRecipe, { smoke: null }, b);
    expect(result.verdict).toBe('passed');
    expect(result.behaviour).toBeNull();
    expect(result.notes).toEqual(['no smoke runs: podman cannot run containers']);
    expect(result.packages).toEqual({ lost: ['ca-certificates'], gained: [] });
  });
});
