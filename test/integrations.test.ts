/**
 * Integrations, as far as a machine without network allows: the pre-commit hooks, the
 * GitHub Action's own script, the Dockerfile for dockshift itself, and the fleet recipes
 * of docs/fleet.md run over local git repositories (gh stubbed).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { transformText } from '../src/api.js';
import { allTransforms } from '../src/engine/select.js';
import { assertBuilt, BIN, git, REPO_ROOT, removeTempFolders, tempFolder } from './helpers/cli.js';
import { cli } from './helpers/inProcess.js';

beforeAll(assertBuilt);
afterEach(removeTempFolders);
const NODE = 'FROM node:20-alpine\nCMD node server.js\n';
// Runs as a non-root user already, so no default transform changes it.
const CLEAN = 'FROM alpine:3.20\nUSER 65532\nCMD ["app"]\n';

/** pre-commit's identify: a name, or a dot-separated part of it, that is `Dockerfile`. */
const identifyDockerfile = (name: string) => [name, ...name.split('.')].includes('Dockerfile');

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(fs.readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; types: string[] }[];

  it('declares node hooks on dockerfile files that run the bin', () => {
    expect(hooks.map((h) => [h.id, h.entry, h.language, h.types])).toEqual([
      ['dockshift', 'dockshift --check', 'node', ['dockerfile']],
      ['dockshift-write', 'dockshift --write', 'node', ['dockerfile']],
    ]);
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin.dockshift).toBe('bin/dockshift.js');
  });

  it('the check hook, given the staged files pre-commit selects, fails on a change and passes when clean', async () => {
    const root = tempFolder({ 'Dockerfile': NODE, 'api/Dockerfile.prod': CLEAN, 'web/app.Dockerfile': CLEAN, 'README.md': '# x\n' });
    const staged = ['Dockerfile', 'api/Dockerfile.prod', 'web/app.Dockerfile', 'README.md'].filter((f) => identifyDockerfile(path.basename(f)));
    expect(staged).toEqual(['Dockerfile', 'api/Dockerfile.prod', 'web/app.Dockerfile']);
    const entry = hooks[0]!.entry.split(' ').slice(1);
    const failing = await cli([...entry, ...staged], root);
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('+CMD ["node", "server.js"]');
    const fixed = await cli([...hooks[1]!.entry.split(' ').slice(1), ...staged], root);
    expect(fixed.status).toBe(0);
    expect((await cli([...entry, ...staged], root)).status).toBe(0);
  });
});

describe('action.yml', () => {
  const action = parse(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default: string }>;
    runs: { using: string; steps: { id?: string; run?: string; uses?: string; env?: Record<string, string> }[] };
  };
  const step = (id: string) => action.runs.steps.find((s) => s.id === id)!;
  const last = action.runs.steps.at(-1)!;

  /** Runs a step's script as the runner would: bash, its env with the inputs, GITHUB_OUTPUT. */
  const runStep = (script: string, env: Record<string, string>, cwd: string) => {
    const output = path.join(cwd, '.github-output');
    fs.writeFileSync(output, '');
    const r = spawnSync('bash', ['-e', '-c', script], { cwd, env: { ...process.env, NO_COLOR: '1', GITHUB_ACTION_PATH: REPO_ROOT, GITHUB_OUTPUT: output, ...env }, encoding: 'utf8' });
    const outputs = Object.fromEntries(fs.readFileSync(output, 'utf8').trim().split('\n').filter(Boolean).map((l) => l.split('=', 2) as [string, string]));
    return { status: r.status, stdout: r.stdout, outputs };
  };
  const inputs = (over: Record<string, string>) =>
    Object.fromEntries(Object.entries(step('run').env!).map(([k, v]) => [k, over[/inputs\.([\w-]+)/.exec(v)![1]!] ?? action.inputs[/inputs\.([\w-]+)/.exec(v)![1]!]!.default]));

  it('is a composite action whose steps name only inputs it declares', () => {
    expect(action.runs.using).toBe('composite');
    const text = fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8');
    for (const [, name] of text.matchAll(/inputs\.([\w-]+)/g)) expect(Object.keys(action.inputs)).toContain(name);
    expect(action.runs.steps.map((s) => s.uses ?? s.id ?? 'script')).toEqual(['actions/setup-node@v4', 'script', 'run', 'github/codeql-action/upload-sarif@v3', 'script']);
  });

  it('check mode with annotations: annotations on stdout, exit code 1 recorded, the last step fails', () => {
    const root = tempFolder({ 'svc/Dockerfile': NODE });
    const ran = runStep(step('run').run!, inputs({}), root);
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain('::warning file=svc/Dockerfile,line=2,col=1,title=dockshift exec-form::CMD to exec form.');
    expect(ran.outputs['exit-code']).toBe('1');
    const fail = runStep(last.run!, { EXIT_CODE: ran.outputs['exit-code']! }, root);
    expect(fail.status).toBe(1);
    expect(fail.stdout).toContain('::error title=dockshift::Dockerfiles would change');
  });

  it('sarif report: a SARIF file for the upload step; a clean tree passes', () => {
    const root = tempFolder({ 'svc/Dockerfile': NODE, 'ok/Dockerfile': CLEAN });
    const ran = runStep(step('run').run!, inputs({ report: 'sarif', args: '-t exec-form', paths: 'svc ok' }), root);
    expect(ran.outputs).toEqual({ 'sarif-file': 'dockshift.sarif', 'exit-code': '1' });
    const log = JSON.parse(fs.readFileSync(path.join(root, 'dockshift.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    expect(log.runs[0]!.results).toHaveLength(1);
    const clean = runStep(step('run').run!, inputs({ paths: 'ok' }), root);
    expect(clean.outputs['exit-code']).toBe('0');
    expect(runStep(last.run!, { EXIT_CODE: '0' }, root).status).toBe(0);
  });
});

describe('the Dockerfile for dockshift itself', () => {
  it('is valid, and every transform (opt-in ones too) leaves it as it is, refusing only the base-image switches it must not make', () => {
    const text = fs.readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8');
    const r = transformText(text, { transforms: allTransforms().map((t) => t.meta.name), context: REPO_ROOT, path: 'Dockerfile' });
    expect(r).toMatchObject({ ok: true, changed: false, changes: [], newFiles: [] });
    // node_modules copied from the build stage may hold native modules; the stage runs node (the bundle's code cache).
    expect(r.ok && r.refusals.map((f) => [f.transform, f.code, f.line])).toEqual([
      ['alpine-base', 'glibc-binary', 12],
      ['distroless-runtime', 'has-run', 12],
    ]);
  });
});

describe('docs/fleet.md', () => {
  const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'fleet.md'), 'utf8');
  const script = (name: string) => new RegExp(`<!-- script: ${name} -->\\n\`\`\`sh\\n([\\s\\S]*?)\`\`\``).exec(doc)![1]!;

  /** A folder for PATH with `dockshift` (this build) and a `gh` that records its arguments. */
  const tools = () => {
    const bin = tempFolder({
      'dockshift': `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`,
      'gh': '#!/bin/sh\nprintf "%s\\n" "$PWD" "$@" >> "$GH_LOG"\ncat "$6" >> "$GH_LOG"\n',
    });
    fs.chmodSync(path.join(bin, 'dockshift'), 0o755);
    fs.chmodSync(path.join(bin, 'gh'), 0o755);
    return bin;
  };
  const repo = (files: Record<string, string>) => {
    const origin = tempFolder();
    git(origin, ['init', '--quiet', '--bare']);
    const dir = tempFolder(files);
    git(dir, ['init', '--quiet', '-b', 'main']);
    git(dir, ['add', '-A']);
    git(dir, ['commit', '--quiet', '-m', 'start']);
    git(dir, ['remote', 'add', 'origin', origin]);
    return { dir, origin };
  };
  const env = (bin: string, extra: Record<string, string>) => ({ ...process.env, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: path.join(tempFolder({ c: '[user]\n name = t\n email = t@example.com\n' }), 'c'), ...extra });

  it('the shell loop commits, pushes and opens a PR with each repository\'s report, and skips clean ones', () => {
    const bin = tools();
    const a = repo({ 'svc/Dockerfile': NODE, 'README.md': '# a\n' });
    const b = repo({ 'Dockerfile': CLEAN });
    const loop = path.join(tempFolder({ 'fleet-loop.sh': script('fleet-loop.sh') }), 'fleet-loop.sh');
    const log = path.join(tempFolder(), 'gh.log');
    const r = spawnSync('bash', [loop, a.dir, b.dir], { env: env(bin, { GH_LOG: log }), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${b.dir}: nothing to change`);
    expect(git(a.dir, ['log', '--format=%s', 'dockshift/smaller-images'])).toBe('Dockerfiles: smaller, safer images (dockshift)\nstart\n');
    expect(git(a.dir, ['show', 'dockshift/smaller-images:svc/Dockerfile'])).toContain('CMD ["node", "server.js"]');
    expect(git(a.dir, ['status', '--porcelain'])).toBe('');
    expect(git(a.origin, ['branch', '--list'])).toContain('dockshift/smaller-images');
    const gh = fs.readFileSync(log, 'utf8');
    expect(gh).toContain(`${a.dir}\npr\ncreate\n--title\nDockerfiles: smaller, safer images\n--body-file\n`);
    expect(gh).toContain('## dockshift: 1 Dockerfile rewritten\n');
    expect(gh).toContain('| 2 | exec-form | CMD to exec form |');
    expect(gh).not.toContain(b.dir);
  });

  it('the multi-gitter script rewrites the clone, leaves the body, and passes a repository with no Dockerfile', () => {
    const bin = tools();
    const a = repo({ 'Dockerfile': NODE });
    const none = repo({ 'main.go': 'package main\n' });
    const sh = path.join(tempFolder({ 's.sh': script('dockshift-fleet.sh') }), 's.sh');
    const bodies = tempFolder();
    for (const [clone, name] of [[a.dir, 'org/a'], [none.dir, 'org/none']] as const) {
      const r = spawnSync('bash', [sh], { cwd: clone, env: env(bin, { REPOSITORY: name, DOCKSHIFT_BODY_DIR: bodies }), encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    }
    expect(git(a.dir, ['status', '--porcelain'])).toBe(' M Dockerfile\n');
    expect(fs.readFileSync(path.join(bodies, 'org', 'a.md'), 'utf8')).toMatch(/^## dockshift: 1 Dockerfile rewritten\n/);
  });
});
