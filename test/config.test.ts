/**
 * Configuration files: found upward from each file (nearest wins) or named with
 * --config, checked against each transform's declared options with one-line errors,
 * per-path overrides, ignore patterns, tier and context; --print-config says where each
 * value came from; a bulk run looks a configuration up once per folder.
 */
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsResolver } from '../src/config/resolve.js';
import { removeTempFolders, tempFolder } from './helpers/cli.js';
import { cli } from './helpers/inProcess.js';

afterEach(removeTempFolders);
// A slim base and a non-root user, so that slim-base and non-root-user (default on) stay out of these cases.
const RUNS = 'FROM debian:12-slim\nRUN echo a\nRUN echo b\nUSER nobody\nCMD node app.js\n';

describe('where configuration comes from', () => {
  it('the nearest file above each Dockerfile applies, with its overrides', async () => {
    const root = tempFolder({
      'dockshift.config.yaml': 'transforms:\n  collapse-run: false\noverrides:\n  - files: services/legacy/**\n    transforms: { exec-form: false }\n',
      'services/api/Dockerfile': RUNS,
      'services/legacy/Dockerfile': RUNS,
      'tools/.dockshift.yaml': 'tier: safe\n',
      'tools/Dockerfile': RUNS,
      'tools/deep/Dockerfile': RUNS,
    });
    const run = await cli(['--format', 'json'], root);
    const changes = Object.fromEntries(
      run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; path: string; changes?: { transform: string }[] }).filter((r) => r.type === 'file').map((r) => [r.path, r.changes!.map((c) => c.transform)]),
    );
    expect(changes).toEqual({
      'services/api/Dockerfile': ['exec-form'],
      'services/legacy/Dockerfile': [],
      'tools/Dockerfile': ['exec-form', 'collapse-run'],
      'tools/deep/Dockerfile': ['exec-form', 'collapse-run'],
    });
  });

  it('--config FILE applies one file everywhere; --no-config none; the command line wins over both', async () => {
    const root = tempFolder({ 'dockshift.config.json': '{ "transforms": { "exec-form": false } }', 'ci.yaml': 'transforms: [curl-fail]\n', 'Dockerfile': RUNS });
    const near = await cli(['--list-different'], root);
    expect(near.stdout).toBe('Dockerfile\n'); // collapse-run still changes it
    const none = await cli(['--no-config', '-t', 'exec-form', '--list-different'], root);
    expect(none.stdout).toBe('Dockerfile\n');
    const given = await cli(['--config', 'ci.yaml', '--skip', 'collapse-run,exec-form', '--list-different'], root);
    expect([given.status, given.stdout]).toEqual([0, '']);
  });

  it('ignore: patterns leave files out of folder searches', async () => {
    const root = tempFolder({ '.dockshift.yml': 'ignore: [legacy/]\n', 'legacy/Dockerfile': RUNS, 'app/Dockerfile': RUNS });
    const run = await cli(['-l'], root);
    expect(run.stdout).toBe('app/Dockerfile\n');
  });

  it('tier and context come from the file, or from --tier and --context', async () => {
    const root = tempFolder({ 'svc/Dockerfile': 'FROM alpine:3.20\nCOPY app.tar /x/\n', 'ctx/app.tar': 'not an archive\n', 'dockshift.config.yaml': 'context: ctx\n' });
    const run = await cli(['-t', 'add-to-copy', '--explain'], root);
    expect(run.stdout).toBe('');
    expect((await cli(['--print-config', 'svc/Dockerfile', '--tier', 'safe', '--context', 'svc'], root)).stdout).toMatch(/^tier {7}safe {2}\(--tier\)\ncontext {4}svc {2}\(--context\)$/m);
  });
});

describe('one-line errors naming the file, line and key; the files it applies to are not processed, the others are', () => {
  const cases: [string, string, string][] = [
    ['dockshift.config.yaml', 'transforms:\n  collapse-run: { maxCommand: 3 }\n', 'dockshift.config.yaml:2: error: transforms.collapse-run.maxCommand: unknown option (options: maxCommands, allStages)'],
    ['dockshift.config.yaml', 'transforms:\n  collapse-run:\n    maxCommands: many\n', 'dockshift.config.yaml:3: error: transforms.collapse-run.maxCommands: expected a number, got "many"'],
    ['dockshift.config.yaml', 'transforms:\n  collapse-run:\n    maxCommands: -3\n', 'dockshift.config.yaml:3: error: transforms.collapse-run.maxCommands: expected a whole number of 0 or more, got -3'],
    ['.dockshift.yaml', 'overrides:\n  - files: a/\n    transforms: { collapse-run: { maxCommands: 2.5 } }\n', '.dockshift.yaml:3: error: overrides[0].transforms.collapse-run.maxCommands: expected a whole number of 0 or more, got 2.5'],
    ['dockshift.config.yaml', 'transforms:\n  colapse-run: true\n', 'dockshift.config.yaml:2: error: transforms.colapse-run: unknown transform (see dockshift --list)'],
    ['.dockshift.yaml', 'tiers: safe\n', '.dockshift.yaml:1: error: tiers: unknown key (known: tier, context, includeGenerated, ignore, transforms, overrides)'],
    ['dockshift.config.yaml', 'overrides:\n  - tier: safe\n', 'dockshift.config.yaml:2: error: overrides[0].files: is required: the paths this override applies to'],
    ['dockshift.config.json', '{ "tier": "safe",, }', 'dockshift.config.json:1: error: not valid JSON: Unexpected , in flow map'],
  ];
  it.each(cases)('%s: %s', async (name, text, message) => {
    const root = tempFolder({ [`svc/${name}`]: text, 'svc/Dockerfile': RUNS, 'other/Dockerfile': RUNS });
    const run = await cli(['-l'], root);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('other/Dockerfile\n');
    expect(run.stderr.split('\n')[0]).toBe(`svc/Dockerfile: error: not processed: svc/${message.replace(': error: ', ': ')}`);
  });

  it('--config names one file for every Dockerfile: a problem there stops the run', async () => {
    const root = tempFolder({ 'ci.yaml': 'tiers: safe\n', 'Dockerfile': RUNS });
    const run = await cli(['--config', 'ci.yaml'], root);
    expect([run.status, run.stdout, run.stderr]).toEqual([2, '', 'dockshift: ci.yaml:1: error: tiers: unknown key (known: tier, context, includeGenerated, ignore, transforms, overrides)\n']);
  });
});

describe('includeGenerated', () => {
  // A header docker-library's apply-templates.sh writes, over a file the default transforms change.
  const GENERATED = `#\n# NOTE: THIS DOCKERFILE IS GENERATED VIA "apply-templates.sh"\n#\n# PLEASE DO NOT EDIT IT DIRECTLY.\n#\n\n${RUNS}`;

  it('the configuration includes generated files, per folder; the command line wins either way', async () => {
    const root = tempFolder({
      'dockshift.config.yaml': 'includeGenerated: true\noverrides:\n  - files: vendor/**\n    includeGenerated: false\n',
      'app/Dockerfile': GENERATED,
      'vendor/Dockerfile': GENERATED,
    });
    const run = await cli(['-l'], root);
    expect(run.stdout).toBe('app/Dockerfile\n');
    expect(run.stderr).toContain('vendor/Dockerfile: skipped: generated (line 2: # NOTE: THIS DOCKERFILE IS GENERATED VIA "apply-templates.sh"); edit its template, or pass --include-generated\n');
    expect((await cli(['-l', '--include-generated'], root)).stdout).toBe('app/Dockerfile\nvendor/Dockerfile\n');
    expect((await cli(['-l', '--no-include-generated'], root)).stdout).toBe('');
  });

  it('--print-config says whether generated files are included, and where that comes from', async () => {
    const root = tempFolder({ 'dockshift.config.yaml': 'tier: safe\nincludeGenerated: true\n', 'Dockerfile': GENERATED });
    expect((await cli(['--print-config', 'Dockerfile'], root)).stdout).toMatch(/^generated {2}included {2}\(dockshift\.config\.yaml:2\)$/m);
    expect((await cli(['--print-config', 'Dockerfile', '--no-include-generated'], root)).stdout).toMatch(/^generated {2}skipped {2}\(--no-include-generated\)$/m);
    const json = JSON.parse((await cli(['--print-config', 'Dockerfile', '--json'], root)).stdout) as { includeGenerated: unknown };
    expect(json.includeGenerated).toEqual({ value: true, from: 'dockshift.config.yaml:2' });
  });

  it('is true or false, or the configuration is an error naming its line', async () => {
    const root = tempFolder({ '.dockshift.yaml': 'tier: safe\nincludeGenerated: yes please\n', 'Dockerfile': RUNS });
    const run = await cli([], root);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Dockerfile: error: not processed: .dockshift.yaml:2: includeGenerated: expected true or false, got "yes please"\n');
  });
});

describe('--print-config', () => {
  it('shows what applies to a file and where each value came from', async () => {
    const root = tempFolder({
      'dockshift.config.yaml': 'tier: safe\ntransforms:\n  curl-fail: true\n  collapse-run: { maxCommands: 4 }\noverrides:\n  - files: legacy/**\n    transforms: { exec-form: false }\n',
      'legacy/Dockerfile': RUNS,
    });
    const run = await cli(['--print-config', 'legacy/Dockerfile', '-o', 'install-flags.noInstallRecommends=false'], root);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'file       legacy/Dockerfile',
      'config     dockshift.config.yaml',
      'tier       safe  (dockshift.config.yaml:1)',
      'context    legacy  (default (the Dockerfile\'s folder))',
      'generated  skipped  (default)',
    ]);
    expect(run.stdout).toMatch(/^ {2}exec-form +off {2}\(dockshift\.config\.yaml:7 \(overrides\[0\]\)\)$/m);
    expect(run.stdout).toMatch(/^ {2}curl-fail +on +\(dockshift\.config\.yaml:3\)$/m);
    expect(run.stdout).toMatch(/^ +maxCommands = 4 {2}\(dockshift\.config\.yaml:4\)$/m);
    const json = JSON.parse((await cli(['--print-config', 'legacy/Dockerfile', '--json'], root)).stdout) as { transforms: Record<string, { on: boolean; from: string }> };
    expect(json.transforms['exec-form']).toMatchObject({ on: false, from: 'dockshift.config.yaml:7 (overrides[0])' });
  });
});

describe('a bulk run', () => {
  it('looks a configuration up once per folder and reads each file once; files alike share one selection', async () => {
    const files: Record<string, string> = { 'dockshift.config.yaml': 'overrides:\n  - files: "b*/"\n    tier: safe\n' };
    for (const dir of ['a1', 'a2', 'b1', 'b2']) for (let i = 0; i < 10; i++) files[`${dir}/s${i}/Dockerfile`] = RUNS;
    const root = tempFolder(files);
    const created = await SettingsResolver.create({ only: [], skip: [], options: [], tier: null, context: null, config: null });
    if (!created.ok) throw new Error(created.message);
    const resolver = created.resolver;
    const dockerfiles = Object.keys(files).filter((f) => f.endsWith('Dockerfile')).map((f) => path.join(root, f));
    expect(await resolver.prepare(dockerfiles)).toEqual({ fatal: null, broken: new Map() });
    const indices = dockerfiles.map((f) => resolver.settingsFor(f).index);
    expect(resolver.selections.map((s) => s.tier)).toEqual(['review', 'safe']);
    expect(new Set(indices.slice(0, 20))).toEqual(new Set([0]));
    expect(resolver.stats.folders).toBe(40);
    expect(resolver.stats.reads).toBe(1);
  });
});
