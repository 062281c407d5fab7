/**
 * The dockerignore transform where fixtures cannot reach: a context too large to list, the
 * same proposal from every Dockerfile of a context through the CLI's ledger, a `.git` that is
 * a file, and folders the walk must not enter.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_CONTEXT_DOCKERFILES, memoryBuildContext, openBuildContext, overlayBuildContext, resetBuildContexts, type BuildContext } from '../src/engine/context.js';
import { parseDockerfile } from '../src/dockerfile/parse.js';
import { runPipeline, type PipelineOutput } from '../src/engine/pipeline.js';
import { NewFileLedger, processFile } from '../src/engine/processFile.js';
import { change, defineTransform } from '../src/engine/types.js';
import dockerignore from '../transforms/dockerignore.js';
import { removeTempFolders, tempFolder } from './helpers/cli.js';

const tree = tempFolder;
afterEach(() => {
  removeTempFolders();
  resetBuildContexts();
});

/** `ctx` with some methods replaced. */
function delegate(ctx: BuildContext, over: Partial<BuildContext>): BuildContext {
  return {
    root: ctx.root,
    ignoreFile: ctx.ignoreFile,
    exists: (p) => ctx.exists(p),
    kind: (p) => ctx.kind(p),
    read: (p) => ctx.read(p),
    head: (p, n) => ctx.head(p, n),
    list: (p) => ctx.list(p),
    walk: (p) => ctx.walk(p),
    sends: (p) => ctx.sends(p),
    ...over,
  };
}

const transform = [{ transform: dockerignore, options: {} }];
const APP = 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n';

function run(root: string, text = APP): PipelineOutput {
  const result = runPipeline(text, transform, { buildContext: openBuildContext(root, path.join(root, 'Dockerfile')) });
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

describe('dockerignore', () => {
  it('refuses when the context has more entries than it lists', () => {
    // A walk stops at MAX_WALK_ENTRIES; a context that says so stands in for 20,000 files.
    const real = memoryBuildContext({ 'package.json': '{}\n', '.env': 'TOKEN=x\n' });
    const huge = delegate(real, { walk: (prune) => ({ ...real.walk(prune), complete: false }) });
    const result = runPipeline(APP, transform, { buildContext: huge });
    expect(result.ok && result.newFiles).toEqual([]);
    expect(result.ok && result.refusals.map((r) => [r.code, r.line])).toEqual([['context-too-large', 3]]);
  });

  it('keeps node_modules that a RUN reads through a bind mount of the context, before any install', () => {
    const root = tree({ 'package.json': '{}\n', 'node_modules/a/index.js': '', 'index.js': '' });
    const text = 'FROM node:20\nWORKDIR /app\nRUN --mount=type=bind,target=/src cp -r /src/node_modules /opt/nm || true\nCOPY . .\nRUN npm ci\nCMD ["node", "index.js"]\n';
    const result = run(root, text);
    expect(result.newFiles.map((f) => f.content).join('')).not.toContain('node_modules');
    expect(result.refusals.map((r) => r.reason).join('\n')).toContain('line 3 reads node_modules through a bind mount of the build context');
    // A bind mount from another stage reads nothing of the context.
    const fromStage = run(root, text.replace('--mount=type=bind,target=/src', '--mount=type=bind,from=deps,target=/src').replace('FROM node:20\n', 'FROM node:20 AS deps\nFROM node:20\n'));
    expect(fromStage.newFiles.map((f) => f.content).join('')).toContain('node_modules');
  });

  it('does not walk into the folders it leaves out whole', () => {
    const root = tree({ 'package.json': '{}\n', 'server.js': '\n', 'node_modules/a/index.js': '', 'src/node_modules/b/index.js': '', '.venv/pyvenv.cfg': '', 'src/app.js': '' });
    const ctx = openBuildContext(root, path.join(root, 'Dockerfile'))!;
    let prune: ((dir: string) => boolean) | undefined;
    const spy = delegate(ctx, { walk: (p) => ((prune = p), ctx.walk(p)) });
    const result = runPipeline(APP, transform, { buildContext: spy });
    expect(result.ok && result.newFiles.map((f) => f.content)).toEqual([
      '# Dependencies the build installs itself\n**/node_modules\n\n# Python caches and virtual environments\n.venv\n',
    ]);
    expect(['node_modules', 'src/node_modules', '.venv', 'src'].map((d) => prune!(d))).toEqual([true, true, true, false]);
  });

  it('leaves out a .git that is a file (a submodule or a worktree)', () => {
    const root = tree({ '.git': 'gitdir: ../.git/modules/app\n', 'package.json': '{}\n' });
    expect(run(root).newFiles.map((f) => f.content)).toEqual(['# Version control\n.git\n']);
  });

  it('keeps .git when a tool of the build reads the version from it', () => {
    const dotnet = 'FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -o /app\nCMD ["dotnet", "/app/Api.dll"]\n';
    const kept = (files: Record<string, string>, text?: string) => {
      const result = run(tree({ '.git/HEAD': 'ref: refs/heads/main\n', ...files }), text);
      return { proposed: result.newFiles.map((f) => f.content).join(''), reasons: result.refusals.map((r) => r.reason).join('\n') };
    };
    const minver = kept({ 'src/Api/Api.csproj': '<Project><ItemGroup><PackageReference Include="MinVer" Version="5.0.0" /></ItemGroup></Project>\n' }, dotnet);
    expect(minver.proposed).not.toContain('.git');
    expect(minver.reasons).toContain('src/Api/Api.csproj takes the version from the repository');
    expect(kept({ 'GitVersion.yml': 'mode: ContinuousDelivery\n', 'Api.csproj': '<Project />\n' }, dotnet).reasons).toContain('GitVersion.yml');
    expect(kept({ 'pyproject.toml': '[tool.hatch.version]\nsource = "vcs"\n[build-system]\nrequires = ["hatchling", "hatch-vcs"]\n' }).reasons).toContain('pyproject.toml takes the version');
    // A script a RUN runs, read from the context; a comment that names git is no call.
    const script = 'FROM alpine\nCOPY . /src\nRUN sh /src/version.sh && ./tools/stamp.sh\nCMD ["cat", "/src/VERSION"]\n';
    expect(kept({ 'tools/stamp.sh': '#!/bin/sh\ngit rev-parse HEAD > VERSION\n' }, script).reasons).toContain('tools/stamp.sh, which the build runs, runs git');
    expect(kept({ 'tools/stamp.sh': '#!/bin/sh\n# no git describe here\ndate > VERSION\n' }, script).proposed).toContain('.git');
  });

  it('keeps .git for a go build whose Go files are too many to read for the stamp', () => {
    const go = 'FROM golang:1.24\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n';
    const files = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`pkg/p${i}.go`, 'package pkg\n']));
    const result = (n: number) => run(tree({ '.git/HEAD': 'ref: refs/heads/main\n', 'go.mod': 'module x\n', 'main.go': 'package main\n', ...files(n) }), go);
    expect(result(3).newFiles.map((f) => f.content).join('')).toContain('.git');
    const many = result(600);
    expect(many.newFiles.map((f) => f.content).join('')).not.toContain('.git');
    expect(many.refusals.map((r) => r.reason).join('\n')).toContain('too many to read them all');
  });

  it('keeps .git for the commands that read it after the copy, not for git installed, removed or cloned elsewhere', () => {
    const reasons = (text: string) => {
      const result = run(tree({ '.git/HEAD': 'ref: refs/heads/main\n', 'main.go': 'package main\n' }), text);
      return { proposed: result.newFiles.map((f) => f.content).join(''), reasons: result.refusals.map((r) => r.reason).join('\n') };
    };
    const go = (lines: string) => `FROM golang:1.23\nWORKDIR /src\nCOPY . .\n${lines}\nCMD ["/src/app"]\n`;
    expect(reasons(go('RUN go build -ldflags "-X main.v=$(git describe --tags)" -o app .')).reasons).toContain(
      'line 4 runs `git describe --tags` in /src, which line 3 fills from the context (git reads the repository it runs in',
    );
    expect(reasons(go('RUN python3 -m setuptools_scm > VERSION')).reasons).toContain('`python -m setuptools_scm` prints the version');
    expect(reasons(go('RUN dotnet nbgv get-version')).reasons).toContain('Nerdbank.GitVersioning');
    expect(reasons(go('RUN cat .git/HEAD > VERSION')).reasons).toContain('line 4 names .git other than to remove it');
    expect(reasons(go('RUN sh -c "cd /src/cmd && git rev-parse HEAD > REV"')).reasons).toContain('line 4 runs `git rev-parse HEAD` in /src/cmd');
    expect(reasons(go('RUN git -C /opt/tools log -1 && cd "$DIR" && git log -1')).reasons).toContain('line 4 runs `git log -1` in a folder dockshift cannot tell');
    expect(reasons(go('RUN <<EOF\ngit describe > VERSION\nEOF')).reasons).toContain('line 4 may run a version-control program, in a RUN dockshift cannot read');
    // Before the copy, in another folder, a remote clone and its checkout, settings, an install and a removal read nothing of it.
    const none = [
      'FROM golang:1.23\nRUN apt-get update && apt-get install -y git && git --version\nWORKDIR /src\nCOPY . .\nCMD ["/src/app"]\n',
      go('RUN git -C /opt/tools log -1 && git config --global url."https://x/".insteadOf git@x:'),
      go('RUN git clone --depth 1 https://github.com/example/tools.git && cd tools && git log -1'),
      go('RUN apk add --no-cache git && rm -rf /src/.git'),
    ];
    expect(none.map((text) => reasons(text).proposed)).toEqual(none.map(() => '# Version control\n.git\n'));
    // A Makefile that runs git counts when a RUN runs make, not when it installs a package named make.
    const makefile = (text: string) => {
      const result = run(tree({ '.git/HEAD': 'ref: refs/heads/main\n', 'Makefile': 'VERSION := $(shell git describe --tags)\nbuild:\n\tgo build -o app .\n' }), text);
      return result.newFiles.map((f) => f.content).join('');
    };
    expect(makefile(go('RUN apt-get update && apt-get install -y make && go build -o app .'))).toContain('.git');
    expect(makefile(go('RUN sh -c "make build"'))).not.toContain('.git');
    // The reason names the RUN: with several Dockerfiles on one context, it may be another file's.
    const makeReason = run(tree({ '.git/HEAD': 'ref: refs/heads/main\n', 'Makefile': 'VERSION := $(shell git describe --tags)\nbuild:\n\tgo build -o app .\n' }), go('RUN make build'));
    expect(makeReason.refusals.map((r) => r.reason).join('\n')).toContain('the RUN on line 4 runs make, and Makefile runs git');
    // tailscale's layout: another program (tool/gocross) also reads the stamp, and a comment names a setting; the
    // reason names the file of the program built.
    const stamp = (key: string) => `if s.Key == "${key}" {\n\treturn s.Value\n}\n`;
    const tailscale = run(
      tree({
        '.git/HEAD': 'ref: refs/heads/main\n',
        'go.mod': 'module tailscale.com\n',
        'cmd/tailscale/main.go': 'package main\n',
        'tool/gocross/gocross.go': `package main\n${stamp('vcs.revision')}`,
        'version/prop.go': 'package version\n// setting "vcs.modified" was true\n',
        'version/version.go': `package version\n${stamp('vcs.revision')}`,
      }),
      'FROM golang:1.26-alpine\nWORKDIR /go/src/tailscale\nCOPY . .\nRUN go install -ldflags="-X tailscale.com/version.longStamp=$V" -v ./cmd/tailscale\n',
    );
    expect(tailscale.refusals.map((r) => r.reason).join('\n')).toContain('and version/version.go reads it from the build info (`vcs.revision`)');
    // A stage that copies the build's files elsewhere: where they lie is not followed, so any git there counts.
    const later = 'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nFROM alpine\nCOPY --from=build /src /work\nRUN cd /opt && git log -1\n';
    expect(reasons(later).reasons).toContain('line 6 runs `git log -1` where the copied context may be');
  });

  it('keeps every reason it kept a file for, though the pass over its own proposal has fewer', () => {
    const build = 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "server.js"]\n';
    const result = run(
      tree({
        '.git/HEAD': 'ref: refs/heads/main\n',
        '.env': 'TOKEN=x\n',
        'node_modules/x/index.js': '1\n',
        'package.json': '{"name":"x","version":"1.0.0","scripts":{"build":"git describe --tags > version.txt && node build.js"}}\n',
        'package-lock.json': '{}\n',
        'build.js': '1\n',
      }),
      build,
    );
    expect(result.newFiles.map((f) => f.content)).toEqual([expect.stringContaining('node_modules')]);
    expect(result.refusals.map((r) => [r.code, r.reason])).toEqual([['needed-by-build', 'kept in the build context: .git (a script in package.json calls git); .env (the package build may read .env files)']]);
  });

  describe('.env read when the app starts', () => {
    const proposed = (files: Record<string, string>, text = APP) => {
      const result = runPipeline(text, transform, { buildContext: memoryBuildContext({ 'node_modules/x/index.js': '1\n', '.env': 'TOKEN=x\n', ...files }) });
      if (!result.ok) throw new Error(result.error.message);
      return { content: result.newFiles[0]?.content ?? '', review: result.newFiles[0]?.review ?? '', refusals: result.refusals.map((r) => r.reason) };
    };

    it('keeps .env when a declared dependency reads it at start, and says that the image then holds its secrets', () => {
      const cases: Record<string, string>[] = [
        { 'package.json': '{"dependencies":{"dotenv":"^16.0.0"}}\n' },
        { 'package.json': '{}\n', 'requirements.txt': 'Django==5.0\npython_dotenv>=1.0  # settings\n' },
        { 'package.json': '{}\n', 'composer.lock': '{"packages":[{"name":"symfony/dotenv"}]}\n' },
        { 'package.json': '{}\n', 'Gemfile': "gem 'rails'\ngem 'dotenv-rails', groups: [:development]\n" },
        { 'package.json': '{}\n', 'go.mod': 'module x\n\nrequire github.com/joho/godotenv v1.5.1\n' },
      ];
      for (const files of cases) {
        const p = proposed(files);
        expect(p.content).not.toContain('.env');
        expect(p.refusals[0]).toMatch(/^kept in the build context: \.env \([^ ]+ names [^ ]+, which reads \.env when the app starts/);
        expect(p.review).toContain('.env stays in the build context');
        expect(p.review).toContain('its secrets go to whoever can pull the image');
      }
    });

    it('leaves .env out when the manifests name no reader, or the context only reaches a build stage', () => {
      expect(proposed({ 'package.json': '{"dependencies":{"express":"^4"}}\n', 'requirements.txt': 'dotenv-cli\n' }).content).toContain('.env');
      const build = 'FROM node:20 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci\nFROM nginx:alpine\nCOPY --from=build /app/public /usr/share/nginx/html\n';
      expect(proposed({ 'package.json': '{"dependencies":{"dotenv":"^16.0.0"}}\n' }, build).content).toContain('.env');
      // The stage the image copies from holds the context: .env is in the image.
      const copied = 'FROM node:20 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci\nFROM node:20-slim\nCOPY --from=build /app /app\nCMD ["node", "/app/index.js"]\n';
      expect(proposed({ 'package.json': '{"dependencies":{"dotenv":"^16.0.0"}}\n' }, copied).content).not.toContain('.env');
    });

    it('says plainly what leaving .env out may break when no manifest can be read', () => {
      const none = proposed({}, 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "app.py"]\n');
      expect(none.content).toContain('.env');
      expect(none.review).toContain('whether the app reads .env when it starts cannot be told (no dependency manifest dockshift reads');
      expect(none.review).toContain('would start without its settings');
      const broken = proposed({ 'package.json': '{"dependencies":' });
      expect(broken.review).toContain('package.json cannot be read (it is not a JSON object)');
      expect(proposed({ 'package.json': '{"dependencies":{"express":"^4"}}\n' }).review).not.toContain('.env when it starts');
    });
  });

  it('speaks of a .dockerignore the run proposes as not there yet', () => {
    const disk = memoryBuildContext({ 'node_modules/x/index.js': '1\n', 'package.json': '{}\n' });
    const edit = (ctx: BuildContext) => {
      const result = runPipeline(APP, transform, { buildContext: ctx });
      if (!result.ok) throw new Error(result.error.message);
      return [...result.newFiles, ...result.fileEdits].map((f) => f.message);
    };
    // Laid over the context as the engine does between passes: the file is a proposal, not on disk.
    const overlaid = overlayBuildContext(disk, new Map([['.dockerignore', '*.log\n']]));
    expect(overlaid.ignoreFile).toMatchObject({ proposed: true });
    expect(dockerignore.run(parseDockerfile(APP), { path: null, options: {}, buildContext: overlaid, ignoredRules: new Set(), input: parseDockerfile(APP) })).toMatchObject([
      { kind: 'file-edit', message: 'also leave node_modules out of the build context' },
    ]);
    // On disk, the edit says where it goes.
    expect(edit(memoryBuildContext({ 'node_modules/x/index.js': '1\n', 'package.json': '{}\n', '.dockerignore': '*.log\n' }))).toEqual(['add node_modules to the .dockerignore, which lets it into the build context']);
  });

  it('proposes the same file from every Dockerfile of a context, once', () => {
    const root = tree({
      'Dockerfile': APP,
      // Copies .vscode by name: it must stay for both Dockerfiles.
      'Dockerfile.dev': 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCOPY .vscode /root/.vscode\nRUN npm ci\n',
      'package.json': '{}\n',
      'node_modules/x/index.js': '',
      '.vscode/settings.json': '{}\n',
      'debug.log': '',
    });
    const configured = [{ transform: dockerignore, options: {} }];
    const results = ['Dockerfile', 'Dockerfile.dev'].map((name) => processFile({ path: path.join(root, name), display: name }, configured, 'dry-run'));
    const contents = results.map((r) => r.newFiles.map((f) => f.content));
    expect(contents[0]).toEqual(['# Dependencies the build installs itself\nnode_modules\n\n# Logs\n*.log\n']);
    expect(contents[1]).toEqual(contents[0]);
    const ledger = new NewFileLedger('write');
    const settled = results.map((r) => ledger.settle(r));
    expect(settled.map((r) => r.newFiles.map((f) => f.status))).toEqual([['created'], ['duplicate']]);
    expect(fs.readFileSync(path.join(root, '.dockerignore'), 'utf8')).toBe(contents[0]![0]);
  });

  it('counts what the Dockerfile on disk uses as well as what the text it is given uses', () => {
    const onDisk = 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCOPY .vscode /root/.vscode\nRUN npm ci\n';
    const files = { Dockerfile: onDisk, 'package.json': '{}\n', '.vscode/settings.json': '{}\n', '.idea/workspace.xml': '<x/>\n' };
    const kept = (result: PipelineOutput) => result.refusals.map((r) => r.reason).join('\n');
    // The text as read: the disk's own, which copies .vscode.
    const same = run(tree(files), onDisk);
    expect(same.newFiles.map((f) => f.content)).toEqual([expect.stringContaining('.idea\n')]);
    expect(same.newFiles[0]!.content).not.toContain('.vscode');
    expect(kept(same)).toContain('.vscode');
    // A text that copies .idea too: both files' uses stay in the context.
    const other = run(tree(files), APP.replace('COPY . .\n', 'COPY . .\nCOPY .idea /root/.idea\n'));
    expect(other.newFiles).toEqual([]);
    expect(kept(other)).toContain('.vscode');
    expect(kept(other)).toContain('.idea');
    // A transform drops the COPY of .vscode in the first pass: the file on disk still copies it.
    const drop = defineTransform({
      meta: { name: 'drop-vscode', summary: 'x', docs: 'x', hadolint: [], defaultEnabled: false, options: {}, touches: { instructions: { COPY: ['remove'] } }, refusals: {} },
      run: (file) => {
        const at = file.text.indexOf('COPY .vscode');
        return at === -1 ? [] : [change(at, 'drop it', [{ start: at, end: file.text.indexOf('\n', at) + 1, text: '' }])];
      },
    });
    const root = tree(files);
    const dropped = runPipeline(onDisk, [{ transform: drop, options: {} }, ...transform], { buildContext: openBuildContext(root, path.join(root, 'Dockerfile')) });
    expect(dropped.ok && dropped.output).not.toContain('.vscode');
    expect(dropped.ok && dropped.newFiles[0]!.content).not.toContain('.vscode');
    expect(dropped.ok && kept(dropped)).toContain('.vscode');
  });

  describe('the Dockerfiles that share a context', () => {
    // deploy/web.Dockerfile copies .vscode by name: while it may be built with the context, .vscode stays.
    const shared = {
      'Dockerfile': APP,
      'deploy/web.Dockerfile': 'FROM node:20-alpine\nWORKDIR /app\nCOPY .vscode /root/.vscode\nCOPY . .\nRUN npm ci\n',
      'package.json': '{}\n',
      '.vscode/settings.json': '{}\n',
      'debug.log': '',
    };
    const configured = [{ transform: dockerignore, options: {} }];
    const proposed = (r: { newFiles: readonly { content: string }[] }) => r.newFiles.map((f) => f.content);

    it('counts a Dockerfile below the root that the run does not build with another context', () => {
      const root = tree(shared);
      const alone = processFile({ path: path.join(root, 'Dockerfile'), display: 'Dockerfile' }, configured, 'dry-run');
      expect(proposed(alone)).toEqual(['# Logs\n*.log\n']);
      expect(alone.refusals.map((r) => r.reason)).toEqual([expect.stringContaining('.vscode (deploy/web.Dockerfile:3 names .vscode)')]);
    });

    it('names the line of another Dockerfile as that file numbers it, after a pass moved this file\'s lines', () => {
      const labels = defineTransform({
        meta: { name: 'labels', summary: 'x', docs: 'x', hadolint: [], defaultEnabled: false, options: {}, touches: { instructions: { LABEL: ['add'] } }, refusals: {} },
        run: (file) => {
          if (file.text.includes('LABEL')) return [];
          const at = file.text.indexOf('\n') + 1;
          return [change(at, 'labels', [{ start: at, end: at, text: 'LABEL a=1\nLABEL b=2\n' }])];
        },
      });
      const root = tree(shared);
      const result = processFile({ path: path.join(root, 'Dockerfile'), display: 'Dockerfile' }, [{ transform: labels, options: {} }, ...configured], 'dry-run');
      expect(result.refusals.map((r) => r.reason)).toEqual([expect.stringContaining('.vscode (deploy/web.Dockerfile:3 names .vscode)')]);
    });

    it('leaves out those the run builds with another context, below the root or at it', () => {
      // Dockerfile.ci, at the root, is built with the folder above (a configuration's `context: ..`).
      const root = tree({ ...shared, 'Dockerfile.ci': shared['deploy/web.Dockerfile'] });
      const known = { sharing: [{ path: path.join(root, 'Dockerfile'), display: 'Dockerfile', rel: 'Dockerfile' }], count: 1, elsewhere: ['Dockerfile.ci', 'deploy/web.Dockerfile'] };
      const result = processFile({ path: path.join(root, 'Dockerfile'), display: 'Dockerfile', contextDockerfiles: known }, configured, 'dry-run');
      expect(proposed(result)).toEqual(['# Logs\n*.log\n\n# Editor and OS files\n.vscode\n']);
      // Without the run's word, both count.
      const alone = processFile({ path: path.join(root, 'Dockerfile'), display: 'Dockerfile' }, configured, 'dry-run');
      expect(alone.refusals.map((r) => r.reason)).toEqual([expect.stringContaining('.vscode (Dockerfile.ci:3 names .vscode)')]);
    });

    it('counts a Dockerfile of the run that lies outside the context it is built with', () => {
      const top = tree({ ...Object.fromEntries(Object.entries(shared).map(([k, v]) => [`app/${k}`, v])), 'app/deploy/web.Dockerfile': APP, 'ci/web.Dockerfile': shared['deploy/web.Dockerfile'] });
      const root = path.join(top, 'app');
      const app = path.join(root, 'Dockerfile');
      const outside = path.join(top, 'ci', 'web.Dockerfile');
      const context = { sharing: [{ path: app, display: 'app/Dockerfile', rel: 'Dockerfile' }, { path: outside, display: 'ci/web.Dockerfile', rel: null }], count: 2, elsewhere: [] };
      const tasks = [
        { path: app, display: 'app/Dockerfile', context: { root, display: 'app' }, contextDockerfiles: context },
        { path: outside, display: 'ci/web.Dockerfile', context: { root, display: 'app' }, contextDockerfiles: context },
      ];
      const results = tasks.map((t) => processFile(t, configured, 'dry-run'));
      expect(proposed(results[0]!)).toEqual(['# Logs\n*.log\n']);
      expect(proposed(results[1]!)).toEqual(proposed(results[0]!));
      expect(results[0]!.refusals.map((r) => r.reason)).toEqual([expect.stringContaining('ci/web.Dockerfile:3 names .vscode')]);
      // Without the run's word, the file outside the context is not seen.
      expect(proposed(processFile({ path: app, display: 'app/Dockerfile' }, configured, 'dry-run'))).toEqual(['# Logs\n*.log\n\n# Editor and OS files\n.vscode\n']);
    });

    it('reads a Dockerfile outside the context once for all the tasks of the context, as it reads the context\'s files', () => {
      const top = tree({ ...Object.fromEntries(Object.entries(shared).map(([k, v]) => [`app/${k}`, v])), 'app/deploy/web.Dockerfile': APP, 'ci/web.Dockerfile': shared['deploy/web.Dockerfile'] });
      const root = path.join(top, 'app');
      const app = path.join(root, 'Dockerfile');
      const outside = path.join(top, 'ci', 'web.Dockerfile');
      const context = { sharing: [{ path: app, display: 'app/Dockerfile', rel: 'Dockerfile' }, { path: outside, display: 'ci/web.Dockerfile', rel: null }], count: 2, elsewhere: [] };
      const first = processFile({ path: app, display: 'app/Dockerfile', context: { root, display: 'app' }, contextDockerfiles: context }, configured, 'dry-run');
      // 256 Dockerfiles of a context, each asking for every other one on every pass, read each from disk once.
      fs.writeFileSync(outside, 'CMD ["app"]\nFROM alpine:3.20\n');
      const second = processFile({ path: app, display: 'app/Dockerfile', context: { root, display: 'app' }, contextDockerfiles: context }, configured, 'dry-run');
      expect(proposed(second)).toEqual(proposed(first));
      expect(second.refusals.map((r) => r.code)).toEqual(['needed-by-build']);
    });

    it('refuses when one below the root cannot be parsed, naming it', () => {
      const root = tree({ ...shared, 'deploy/web.Dockerfile': 'CMD ["app"]\nFROM alpine:3.20\n' });
      const result = processFile({ path: path.join(root, 'Dockerfile'), display: 'Dockerfile' }, configured, 'dry-run');
      expect(result.newFiles).toEqual([]);
      expect(result.refusals).toMatchObject([{ code: 'unreadable-dockerfile', reason: expect.stringMatching(/^deploy\/web\.Dockerfile may be built with the same context/) }]);
    });

    it('says of a template that the Dockerfiles made from it may be built, not that it is', () => {
      const root = tree({ ...shared, 'docker/Dockerfile.j2': 'FROM {{ base }}\n{% if db == "mysql" %}\nRUN apt-get install -y libmariadb3\n{% endif %}\n' });
      const result = processFile({ path: path.join(root, 'Dockerfile'), display: 'Dockerfile' }, configured, 'dry-run');
      expect(result.newFiles).toEqual([]);
      expect(result.refusals).toMatchObject([{ code: 'unreadable-dockerfile', reason: 'docker/Dockerfile.j2 is a template, not a Dockerfile (line 1: FROM {{ base }}): a Dockerfile made from it may be built with the same context and read the same .dockerignore, and what it uses is unknown' }]);
    });

    it('refuses when more share the context than it reads', () => {
      const root = tree(shared);
      const result = processFile({ path: path.join(root, 'Dockerfile'), display: 'Dockerfile', contextDockerfiles: { sharing: [], count: MAX_CONTEXT_DOCKERFILES + 1, elsewhere: [] } }, configured, 'dry-run');
      expect(result.newFiles).toEqual([]);
      expect(result.refusals).toMatchObject([{ code: 'context-too-large', reason: '257 Dockerfiles may be built with this build context, more than dockshift reads (256), so what they use is unknown' }]);
    });
  });

  it('does nothing without a build context to read', () => {
    const result = runPipeline(APP, transform);
    expect(result.ok && result.refusals.map((r) => r.code)).toEqual(['no-build-context']);
  });
});
