/**
 * Transforms of your own, loaded by path: the example in examples/transforms/ is written
 * against the public `dockshift` package, its fixtures run under the public defineTest,
 * and the command line loads it with -t or from a configuration file (in worker threads
 * too).
 */
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadTransformModule } from '../src/engine/modules.js';
import { defineTest } from '../src/testing/defineTest.js';
import { SettingsResolver } from '../src/config/resolve.js';
import { assertBuilt, dockshift, REPO_ROOT, removeTempFolders, tempFolder } from './helpers/cli.js';
import { cli } from './helpers/inProcess.js';

const EXAMPLE = path.join(REPO_ROOT, 'examples', 'transforms', 'maintainer-to-label.ts');
const loaded = await loadTransformModule(EXAMPLE);
if (!loaded.ok) throw new Error(loaded.message);

defineTest(path.join(REPO_ROOT, 'examples', 'transforms', '__testfixtures__'), loaded.transform, { api: { describe, it } });

afterEach(removeTempFolders);
const OLD = 'FROM alpine:3.20\nMAINTAINER ops@example.com\nCMD ["sh"]\n';

describe('loading a transform by path', () => {
  it('-t ./path runs only that transform', async () => {
    const root = tempFolder({ 'Dockerfile': OLD + 'CMD sh -c x\n' });
    const run = await cli(['-t', EXAMPLE, '.'], root);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('-MAINTAINER ops@example.com\n+LABEL org.opencontainers.image.authors="ops@example.com"\n');
    expect(run.stdout).not.toContain('CMD ["sh", "-c", "x"]');
  });

  it('transforms: [./path] in a configuration file adds it to the default set', async () => {
    const root = tempFolder({ 'svc/Dockerfile': 'FROM alpine:3.20\nMAINTAINER ops\nCMD node app.js\n', 'dockshift.config.yaml': `transforms:\n  - ${EXAMPLE}\n` });
    const run = await cli([], root);
    expect(run.stderr).toMatch(/1 file: 1 changed/);
    expect(run.stdout).toContain('+LABEL org.opencontainers.image.authors="ops"\n');
    expect(run.stdout).toContain('+CMD ["node", "app.js"]\n');
  });

  it('a transform a wrong configuration loads reaches none of the files other configurations apply to', async () => {
    const root = tempFolder({ 'a/.dockshift.yaml': `transforms:\n  - ${EXAMPLE}\n  - bogus-name\n`, 'a/Dockerfile': OLD, 'b/Dockerfile': OLD });
    const created = await SettingsResolver.create({ only: [], skip: [], options: [], tier: null, context: null, config: null });
    if (!created.ok) throw new Error(created.message);
    const prepared = await created.resolver.prepare([path.join(root, 'a/Dockerfile'), path.join(root, 'b/Dockerfile')]);
    expect([...prepared.broken.values()].map((e) => e.line)).toEqual([3]);
    // Loaded while the file was read, and dropped with it: no selection can take it in.
    expect(created.resolver.known().map((t) => t.meta.name)).not.toContain(loaded.ok ? loaded.transform.meta.name : '');
  });

  it('a transform loaded from a module is on only where a configuration names it, whatever its default', async () => {
    const root = tempFolder({ 'a/.dockshift.yaml': `transforms:\n  - ${EXAMPLE}\n`, 'a/Dockerfile': OLD, 'b/Dockerfile': OLD });
    const created = await SettingsResolver.create({ only: [], skip: [], options: [], tier: null, context: null, config: null });
    if (!created.ok) throw new Error(created.message);
    const files = ['a/Dockerfile', 'b/Dockerfile'].map((f) => path.join(root, f));
    expect(await created.resolver.prepare(files)).toEqual({ fatal: null, broken: new Map() });
    const name = loaded.ok ? loaded.transform.meta.name : '';
    // As if the module's transform were on by default: b/, which no configuration covers, still leaves it out.
    const meta = created.resolver.known().find((t) => t.meta.name === name)!.meta as { defaultEnabled: boolean };
    const was = meta.defaultEnabled;
    meta.defaultEnabled = true;
    try {
      const [a, b] = files.map((f) => created.resolver.settingsFor(f).selection.names);
      expect(a).toContain(name);
      expect(b).not.toContain(name);
    } finally {
      meta.defaultEnabled = was;
    }
  });

  it('--list -t ./path prints its documentation', async () => {
    const run = await cli(['--list', '-t', EXAMPLE], REPO_ROOT);
    expect(run.stdout).toMatch(/^maintainer-to-label \(opt-in\): Replace the deprecated MAINTAINER/);
  });

  it('a module that is not a transform, or is missing, is a usage error naming it', async () => {
    const root = tempFolder({ 'Dockerfile': OLD, 'bad.mjs': 'export default { meta: {} };\n' });
    const bad = await cli(['-t', './bad.mjs'], root);
    expect([bad.status, bad.stderr]).toEqual([2, `dockshift: -t ${root}/bad.mjs: its default export is not a transform: run must be a function\n`]);
    const missing = await cli(['-t', './nope.ts'], root);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^dockshift: -t \/.*\/nope\.ts: /);
  });

  it('a user transform may not take a registered name', async () => {
    const root = tempFolder({ 'Dockerfile': OLD, 'dup.mjs': "export default { meta: { name: 'exec-form', summary: '', docs: '', hadolint: [], defaultEnabled: false, options: {}, touches: { instructions: {} }, refusals: {} }, run: () => [] };\n" });
    const run = await cli(['-t', './dup.mjs'], root);
    expect(run.stderr).toBe(`dockshift: -t ${root}/dup.mjs: a transform named "exec-form" is already registered\n`);
  });
});

describe('the name all', () => {
  const ALL = "export default { meta: { name: 'all', summary: '', docs: '', hadolint: [], defaultEnabled: false, options: {}, touches: { instructions: {} }, refusals: {} }, run: () => [] };\n";

  it('is no user transform\'s: -t all means every built-in one', async () => {
    const root = tempFolder({ 'Dockerfile': OLD, 'all.mjs': ALL });
    const byPath = await cli(['-t', './all.mjs'], root);
    expect([byPath.status, byPath.stderr]).toEqual([2, `dockshift: -t ${root}/all.mjs: a transform may not be named "all": \`-t all\` selects every built-in transform\n`]);
    // Beside -t all too: which of the two `all` means would be a guess.
    const beside = await cli(['-t', 'all,./all.mjs'], root);
    expect(beside.status).toBe(2);
  });

  it('is refused in a configuration file that loads such a module, naming its line', async () => {
    const root = tempFolder({ 'Dockerfile': OLD, 'all.mjs': ALL, '.dockshift.yaml': 'transforms:\n  - ./all.mjs\n' });
    const run = await cli([], root);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('.dockshift.yaml:2');
    expect(run.stderr).toContain('a transform may not be named "all"');
  });

  it('still selects every built-in transform', async () => {
    const run = await cli(['-t', 'all', '--list'], REPO_ROOT);
    expect(run.stdout).toMatch(/^multi-stage /m);
    expect(run.stdout).toMatch(/^non-root-user /m);
  });
});

describe("a user transform's number options", () => {
  // -1 and 0.5 as defaults: the option's own default says what kind of number it takes.
  const OPTS =
    "export default { meta: { name: 'opts', summary: '', docs: '', hadolint: [], defaultEnabled: false, options: { offset: { default: -1, description: 'd' }, ratio: { default: 0.5, description: 'd' }, count: { default: 3, description: 'd' } }, touches: { instructions: {} }, refusals: {} },\n" +
    '  run: () => [] };\n';

  it('take their own defaults and values of the same kind, and refuse others', async () => {
    const root = tempFolder({ 'Dockerfile': OLD, 'opts.mjs': OPTS });
    const good = await cli(['-t', './opts.mjs', '-o', 'opts.offset=-1', '-o', 'opts.ratio=0.5', '-o', 'opts.count=0'], root);
    expect([good.status, good.stderr]).toEqual([0, expect.stringMatching(/^1 file: 0 changed, 1 unchanged/)]);
    const fromFile = await cli(['-t', './opts.mjs'], tempFolder({ 'Dockerfile': OLD, 'opts.mjs': OPTS, '.dockshift.yaml': 'transforms:\n  ./opts.mjs: { offset: 4, ratio: 0.25 }\n' }));
    expect(fromFile.status).toBe(0);
    const cases: [string, string][] = [
      ['opts.offset=-2', 'expected a whole number of -1 or more, got -2'],
      ['opts.offset=1.5', 'expected a whole number of -1 or more, got 1.5'],
      ['opts.ratio=-0.5', 'expected a number of 0 or more, got -0.5'],
      ['opts.count=2.5', 'expected a whole number of 0 or more, got 2.5'],
    ];
    for (const [option, message] of cases) {
      const bad = await cli(['-t', './opts.mjs', '-o', option], root);
      expect([bad.status, bad.stderr]).toEqual([2, `dockshift: --option ${option}: ${message}\n`]);
    }
  });
});

describe('a transform written before sizes carried their measure', () => {
  // Its size estimate is { savedMb, note }, without `measure`.
  const LEGACY =
    "export default { meta: { name: 'legacy-size', summary: '', docs: '', hadolint: [], defaultEnabled: false, options: {}, touches: { instructions: { FROM: ['edit'] } }, refusals: {} },\n" +
    "  run: (file) => { const at = file.text.indexOf('alpine:3.19'); return at === -1 ? [] : [{ kind: 'change', at, message: 'newer alpine', edits: [{ start: at, end: at + 11, text: 'alpine:3.20' }], review: null, size: { savedMb: 2, note: 'smaller' } }]; } };\n";

  it('fails the file it reports a size for, naming the transform; the others complete', async () => {
    const root = tempFolder({ 'a/Dockerfile': 'FROM alpine:3.19\nCMD sh -c x\n', 'b/Dockerfile': 'FROM alpine:3.20\nCMD sh -c x\n', 'legacy.mjs': LEGACY });
    const run = await cli(['-t', 'exec-form,./legacy.mjs', '--json', '.'], root);
    expect(run.status).toBe(2);
    const records = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; path?: string; status?: string; error?: { message: string } | null });
    expect(records.filter((r) => r.type === 'file').map((r) => [r.path, r.status, r.error?.message ?? null])).toEqual([
      ['a/Dockerfile', 'error', "transform legacy-size reported a size estimate whose measure is missing (it must be 'uncompressed' or 'compressed')"],
      ['b/Dockerfile', 'changed', null],
    ]);
    expect(run.stderr).toMatch(/^2 files: 1 changed, 0 unchanged, 1 error /m);
  });
});

describe('in worker threads', () => {
  beforeAll(assertBuilt);
  it('each worker loads the module by path (the real binary, -j 2)', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 6; i++) files[`s${i}/Dockerfile`] = OLD;
    const root = tempFolder(files);
    const run = dockshift(['-j', '2', '-t', EXAMPLE, '--format', 'json'], { cwd: root });
    expect(run.status).toBe(0);
    const records = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; status?: string });
    expect(records.filter((r) => r.type === 'file').map((r) => r.status)).toEqual(Array(6).fill('changed'));
  });
});
