import { describe, expect, it } from 'vitest';
import { publishedTargets } from '../../src/analysis/buildTargets.js';
import { memoryBuildContext } from '../../src/engine/context.js';

const targets = (workflow: string, dockerfile = 'Dockerfile') => [...publishedTargets(memoryBuildContext({ '.github/workflows/images.yml': workflow }), dockerfile, undefined)].sort();

const job = (strategy: string, step: string) =>
  ['on: push', 'jobs:', '  images:', '    runs-on: ubuntu-latest', ...(strategy === '' ? [] : ['    strategy:', ...strategy.split('\n').map((l) => `      ${l}`)]), '    steps:', ...step.split('\n').map((l) => `      ${l}`)].join('\n');

const pushAction = (file: string, target: string) => ['- uses: docker/build-push-action@v6', '  with:', `    file: ${file}`, `    target: ${target}`, '    push: true', '    tags: example/app'].join('\n');

describe('publishedTargets', () => {
  it('reads a target the matrix names, for each of its values', () => {
    expect(targets(job('matrix:\n  target: [api, worker]', pushAction('Dockerfile', '${{ matrix.target }}')))).toEqual(['api', 'worker']);
  });

  it('pairs a file and a target of the same combination', () => {
    const strategy = ['matrix:', '  include:', '    - { dockerfile: Dockerfile, target: api }', '    - { dockerfile: cli.Dockerfile, target: cli }'].join('\n');
    const step = pushAction('${{ matrix.dockerfile }}', '${{ matrix.target }}');
    expect(targets(job(strategy, step))).toEqual(['api']);
    expect(targets(job(strategy, step), 'cli.Dockerfile')).toEqual(['cli']);
  });

  it('follows include and exclude as GitHub combines them', () => {
    const strategy = ['matrix:', '  flavour: [slim, full]', '  exclude:', '    - flavour: full', '  include:', '    - { flavour: slim, target: server }', '    - { flavour: debug, target: debugger }'].join('\n');
    expect(targets(job(strategy, pushAction('Dockerfile', '${{ matrix.target }}')))).toEqual(['debugger', 'server']);
  });

  it('reads the matrix in a run step, and a plain target beside a matrix it cannot expand', () => {
    const run = ['- run: |', '    docker build --target ${{ matrix.target }} -t example/app:${{ matrix.target }} .', '    docker push example/app:${{ matrix.target }}'].join('\n');
    expect(targets(job('matrix:\n  target: [api, worker]', run))).toEqual(['api', 'worker']);
    expect(targets(job('matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}', pushAction('Dockerfile', 'prod')))).toEqual(['prod']);
    expect(targets(job('matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}', pushAction('Dockerfile', '${{ matrix.target }}')))).toEqual([]);
  });

  it('counts no target that is only built', () => {
    const step = ['- uses: docker/build-push-action@v6', '  with:', '    target: ${{ matrix.target }}', '    push: false'].join('\n');
    expect(targets(job('matrix:\n  target: [api]', step))).toEqual([]);
  });
});

describe('publishedTargets of the build scripts a workflow runs', () => {
  const FILE = 'FROM alpine AS app\n';
  const inContext = (files: Record<string, string>, dockerfile = 'Dockerfile') => [...publishedTargets(memoryBuildContext({ ...files, [dockerfile]: FILE }), dockerfile, FILE)].sort();
  const workflow = (...runs: string[]) => job('', runs.map((r) => `- run: ${r}`).join('\n'));

  it('reads a shell script a step runs, from the folder the step runs in', () => {
    const script = ['#!/bin/bash', 'docker buildx build --file Dockerfile -t example/app --target production-image ../ --push', 'docker build --file Dockerfile -t example/app:ci --target ci-image ../'].join('\n');
    expect(inContext({ '.github/workflows/images.yml': workflow('cd docker && ./build_image.sh -t example/app'), 'docker/build_image.sh': script }, 'docker/Dockerfile')).toEqual(['production-image']);
    // The same script run from the root builds ./Dockerfile, which is not docker/Dockerfile.
    expect(inContext({ '.github/workflows/images.yml': workflow('./docker/build_image.sh'), 'docker/build_image.sh': script, Dockerfile: 'FROM alpine AS other\n' }, 'docker/Dockerfile')).toEqual([]);
    const ownFolder = ['#!/bin/sh', 'cd "$(dirname "$0")/.."', 'docker build -f docker/Dockerfile --target app --push .'].join('\n');
    expect(inContext({ '.github/workflows/images.yml': workflow('sh docker/build.sh'), 'docker/build.sh': ownFolder }, 'docker/Dockerfile')).toEqual(['app']);
    // A script that runs the one beside it: \`"$SCRIPT_DIR/build-image.sh"\`.
    const release = ['#!/usr/bin/env bash', 'SCRIPT_DIR=$( cd -- "$( dirname -- "${BASH_SOURCE[0]}" )" &> /dev/null && pwd )', '"$SCRIPT_DIR/build-image.sh" "$1"', 'docker push example/app'].join('\n');
    const beside = 'docker build -f docker/Dockerfile --target app -t example/app .\n';
    expect(inContext({ '.github/workflows/images.yml': workflow('./docker/release.sh v1'), 'docker/release.sh': release, 'docker/build-image.sh': beside }, 'docker/Dockerfile')).toEqual(['app']);
    expect(inContext({ '.github/workflows/images.yml': workflow('./docker/release.sh v1'), 'docker/release.sh': release.replace('SCRIPT_DIR=', 'SCRIPT_DIR=$1 #'), 'docker/build-image.sh': beside }, 'docker/Dockerfile')).toEqual([]);
  });

  it('reads a variable the script sets to literals, each value a case chooses', () => {
    const script = ['case "$1" in', '  release) TARGET=runtime ;;', '  *) TARGET="debug" ;;', 'esac', 'docker build --target "${TARGET}" -t example/app .', 'docker push example/app'].join('\n');
    expect(inContext({ '.github/workflows/images.yml': workflow('./build.sh release'), 'build.sh': script })).toEqual(['debug', 'runtime']);
  });

  it('counts a push in the job that runs the script', () => {
    const script = 'docker build --target runtime -t example/app .\n';
    expect(inContext({ '.github/workflows/images.yml': workflow('bash scripts/image.sh', 'docker push example/app'), 'scripts/image.sh': script })).toEqual(['runtime']);
    expect(inContext({ '.github/workflows/images.yml': workflow('bash scripts/image.sh'), 'scripts/image.sh': script })).toEqual([]);
    // Built by one script and pushed by another, in a later step or from the Makefile.
    const push = 'docker push example/app\n';
    expect(inContext({ '.github/workflows/images.yml': workflow('./scripts/image.sh', './scripts/push.sh'), 'scripts/image.sh': script, 'scripts/push.sh': push })).toEqual(['runtime']);
    expect(inContext({ Makefile: 'image:\n\t./scripts/image.sh\n\npush: image\n\t./scripts/push.sh\n', 'scripts/image.sh': script, 'scripts/push.sh': push })).toEqual(['runtime']);
  });

  it('follows the Makefile to the script its recipe runs', () => {
    const makefile = ['image:', '\t./scripts/image.sh', '', 'push: image', '\tdocker push example/app'].join('\n');
    expect(inContext({ Makefile: makefile, 'scripts/image.sh': 'docker build --target runtime -t example/app .\n' })).toEqual(['runtime']);
  });

  it('reads a Python script, its argument lists and its command strings', () => {
    const script = [
      'import subprocess',
      'TARGET = "release"',
      'def build(tag: str) -> None:',
      '    subprocess.run(["docker", "buildx", "build", "--target", TARGET, "-t", tag, "--push", "."], check=True)',
      '    subprocess.run(f"docker build --target worker -t {tag}-worker . && docker push {tag}-worker", shell=True)',
    ].join('\n');
    expect(inContext({ '.github/workflows/images.yml': workflow('python3 scripts/build_docker.py'), 'scripts/build_docker.py': script })).toEqual(['release', 'worker']);
  });

  it('follows a Python script to the shell script it runs', () => {
    const python = ['import os', 'org = "example"', 'os.system(f"./build_image.sh -bt dev -t {org}/app:dev")', 'os.system(f"docker push {org}/app:dev")'].join('\n');
    const shell = ['BUILD_TYPE=production', 'if [ "$1" = "-bt" ]; then BUILD_TYPE="$2"; fi', 'if [ "$BUILD_TYPE" = dev ]; then', '  docker build --file Dockerfile --target dev-image ../', 'fi'].join('\n');
    expect(inContext({ '.github/workflows/images.yml': workflow('cd docker && python build_upload_release.py'), 'docker/build_upload_release.py': python, 'docker/build_image.sh': shell }, 'docker/Dockerfile')).toEqual(['dev-image']);
    // A script that pushes one build itself says which it publishes: the caller's push is not for its others.
    const pushing = `${shell}\ndocker buildx build --file Dockerfile --target production-image ../ --push\n`;
    expect(inContext({ '.github/workflows/images.yml': workflow('cd docker && python build_upload_release.py'), 'docker/build_upload_release.py': python, 'docker/build_image.sh': pushing }, 'docker/Dockerfile')).toEqual(['production-image']);
  });

  it('names no target that the script computes', () => {
    const files = (script: string, name = 'build.sh') => ({ '.github/workflows/images.yml': workflow(`./${name} release`), [name]: script });
    expect(inContext(files('docker build --target "$1" -t example/app --push .\n'))).toEqual([]);
    expect(inContext(files('TARGET=${1:-runtime}\ndocker build --target $TARGET -t example/app --push .\n'))).toEqual([]);
    // The environment may set it: the script reads it before setting it.
    expect(inContext(files('if [ -z "$TARGET" ]; then TARGET=runtime; fi\ndocker build --target $TARGET -t example/app --push .\n'))).toEqual([]);
    expect(inContext(files('for TARGET in api worker; do docker build --target $TARGET -t example/$TARGET --push .; done\n'))).toEqual([]);
    expect(inContext(files('cd "$WORKSPACE"\ndocker build --target runtime -t example/app --push .\n'))).toEqual([]);
    // The subshell builds docker/Dockerfile, not ./Dockerfile.
    expect(inContext(files('(cd docker && docker build -f Dockerfile --target runtime -t example/app --push .)\n'))).toEqual([]);
    expect(inContext(files('docker build --target runtime -t example/app .\n# docker push example/app\n'))).toEqual([]);
    const python = ['import subprocess, sys', 'target = "runtime"', 'def build(target):', '    subprocess.run(["docker", "build", "--target", target, "--push", "."])', 'subprocess.run(["docker", "build", "--target", sys.argv[1], "--push", "."])'].join('\n');
    expect(inContext(files(python, 'build.py'))).toEqual([]);
    const moving = ['import os, subprocess', 'os.chdir(os.path.dirname(__file__))', 'subprocess.run(["docker", "build", "--target", "runtime", "--push", "."])'].join('\n');
    expect(inContext(files(moving, 'build.py'))).toEqual([]);
  });
});

describe('publishedTargets of what the readers learn from the workflow and the compose files', () => {
  const FILE = 'FROM alpine AS app\n';
  const inContext = (files: Record<string, string>, dockerfile = 'Dockerfile') => [...publishedTargets(memoryBuildContext({ ...files, [dockerfile]: FILE }), dockerfile, FILE)].sort();
  const workflow = (jobLines: string[]) => ({ '.github/workflows/images.yml': ['on: push', 'jobs:', '  images:', '    runs-on: ubuntu-latest', ...jobLines.map((l) => `    ${l}`)].join('\n') });
  const build = 'docker build --target "$TARGET" -t example/app --push .';

  it('reads a variable the env of the step, the job or the workflow sets to a literal', () => {
    expect(inContext(workflow(['steps:', `  - run: ${build}`, '    env:', '      TARGET: runtime']))).toEqual(['runtime']);
    expect(inContext(workflow(['env:', '  TARGET: runtime', 'steps:', `  - run: ${build}`]))).toEqual(['runtime']);
    expect(inContext(workflow(['strategy:', '  matrix:', '    image: [api, worker]', 'steps:', `  - run: ${build}`, '    env:', '      TARGET: ${{ matrix.image }}']))).toEqual(['api', 'worker']);
    // The scripts the step runs inherit it.
    expect(inContext({ ...workflow(['env:', '  TARGET: runtime', 'steps:', '  - run: ./build.sh']), 'build.sh': `${build}\n` })).toEqual(['runtime']);
  });

  it('names no target the env sets to what it computes, or a step rewrites', () => {
    expect(inContext(workflow(['steps:', `  - run: ${build}`, '    env:', '      TARGET: ${{ steps.plan.outputs.target }}']))).toEqual([]);
    expect(inContext(workflow(['env:', '  TARGET: runtime', 'steps:', '  - run: echo "TARGET=debug" >> "$GITHUB_ENV"', `  - run: ${build}`]))).toEqual([]);
    // A script that sets it after reading it may build either.
    expect(inContext(workflow(['env:', '  TARGET: runtime', 'steps:', '  - run: |', `      ${build}`, '      TARGET=debug', `      ${build}`]))).toEqual(['debug', 'runtime']);
  });

  it("reads build-push-action's target and push given through env expressions", () => {
    const action = (target: string, push: string) => ['  - uses: docker/build-push-action@v6', '    with:', `      target: ${target}`, `      push: ${push}`, '      tags: example/app'];
    expect(inContext(workflow(['env:', '  TARGET: runtime', '  PUSH: true', 'steps:', ...action('${{ env.TARGET }}', '${{ env.PUSH }}')]))).toEqual(['runtime']);
    expect(inContext(workflow(['env:', '  TARGET: runtime', '  PUSH: false', 'steps:', ...action('${{ env.TARGET }}', '${{ env.PUSH }}')]))).toEqual([]);
    expect(inContext(workflow(['env:', '  TARGET: ${{ github.ref_name }}', 'steps:', ...action('${{ env.TARGET }}', 'true')]))).toEqual([]);
  });

  it('reads the services docker compose pushes, which need an image name', () => {
    const compose = ['services:', '  api:', '    build: { context: ., target: runtime }', '    image: example/api', '  worker:', '    build: { context: ., target: worker }', '    image: example/worker', '  dev:', '    build: { context: ., target: dev }'].join('\n');
    const runs = (run: string) => ({ ...workflow(['steps:', `  - run: ${run}`]), 'compose.yaml': compose });
    expect(inContext(runs('docker compose build && docker compose push'))).toEqual(['runtime', 'worker']);
    expect(inContext(runs('docker compose build --build-arg VERSION=1 --push api'))).toEqual(['runtime']);
    expect(inContext(runs('docker-compose push worker'))).toEqual(['worker']);
    // Built to run the tests, or run: not published.
    expect(inContext(runs('docker compose build && docker compose up -d'))).toEqual([]);
    expect(inContext(runs('COMPOSE_FILE=compose.ci.yaml docker compose push'))).toEqual([]);
    // \`-f\` files merged: the later one gives the target and the image.
    const merged = { ...workflow(['steps:', '  - run: docker compose -f compose.yaml -f deploy/compose.prod.yaml push']), 'compose.yaml': 'services:\n  api:\n    build: .\n', 'deploy/compose.prod.yaml': 'services:\n  api:\n    build:\n      target: runtime\n    image: example/api\n' };
    expect(inContext(merged)).toEqual(['runtime']);
    expect(inContext({ ...runs('true'), Makefile: 'release:\n\tdocker compose build api\n\tdocker compose push api\n' })).toEqual(['runtime']);
    // Without \`-f\`, the override file beside the project's is merged in: its \`build.target\` over the project's \`build\`.
    const overridden = { ...workflow(['steps:', '  - run: docker compose push']), 'compose.yaml': 'services:\n  api:\n    build: .\n    image: example/api\n', 'compose.override.yaml': 'services:\n  api:\n    build:\n      target: runtime\n' };
    expect(inContext(overridden)).toEqual(['runtime']);
    expect(inContext({ ...overridden, 'compose.override.yaml': 'services:\n  api:\n    image: !reset null\n' })).toEqual([]);
  });

  it("counts a push in another of package.json's scripts", () => {
    const files = { 'build.sh': 'docker build --target runtime -t example/app .\n', 'push.sh': 'docker push example/app\n' };
    expect(inContext({ ...files, 'package.json': JSON.stringify({ scripts: { release: './build.sh && ./push.sh' } }) })).toEqual(['runtime']);
    expect(inContext({ ...files, 'package.json': JSON.stringify({ scripts: { 'docker:build': './build.sh', 'docker:push': './push.sh' } }) })).toEqual(['runtime']);
    expect(inContext({ ...files, 'package.json': JSON.stringify({ scripts: { 'docker:build': './build.sh' } }) })).toEqual([]);
    // \`npm run\` in a step, from the folder whose package.json has the script.
    const step = (run: string) => ({ ...workflow(['steps:', `  - run: ${run}`, '    working-directory: web']), 'web/package.json': JSON.stringify({ scripts: { publish: 'docker build -f ../Dockerfile --target runtime --push ..' } }) });
    expect(inContext(step('npm run publish'))).toEqual(['runtime']);
    expect(inContext(step('npm run lint'))).toEqual([]);
  });

  it('reads no command in the text a script only holds or prints', () => {
    const python = (code: string) => ({ ...workflow(['steps:', '  - run: python build.py']), 'build.py': code });
    const doc = '"""Build the image.\n\nFor a debugging image: docker build --target debug --push .\n"""\n';
    expect(inContext(python(`${doc}import os\nos.system("docker build --target runtime --push .")\n`))).toEqual(['runtime']);
    expect(inContext(python(`import os\n\ndef build():\n    ${doc.replace(/\n/g, '\n    ')}os.system("docker build -t example/app .")\n`))).toEqual([]);
    // A string on a line of its own inside a call, or continued by a backslash, is part of the command.
    expect(inContext(python('import subprocess\nsubprocess.run(\n    "docker build --target runtime --push .",\n    shell=True,\n)\n'))).toEqual(['runtime']);
    expect(inContext(python('import os\ncmd = (\n    "docker build --target runtime "\n    "--push ."\n)\nos.system(cmd)\n'))).toEqual(['runtime']);
    expect(inContext(python('import os\ncmd = \\\n    "docker build --target runtime --push ."\nos.system(cmd)\n'))).toEqual(['runtime']);
    const shell = (script: string) => ({ ...workflow(['steps:', '  - run: ./build.sh']), 'build.sh': script });
    expect(inContext(shell('cat <<EOF\nUsage: build.sh\n  docker build --target debug --push .\nEOF\ndocker build --target runtime --push .\n'))).toEqual(['runtime']);
    expect(inContext(shell('echo "run: docker build --target debug --push ." ; printf "%s\\n" "docker build --target debug --push ."\n'))).toEqual([]);
  });

  it('counts a build pushed with no --target as the last stage published, whatever its name', () => {
    const runs = (...lines: string[]) => workflow(['steps:', ...lines.map((l) => `  - run: ${l}`)]);
    expect(inContext(runs('docker build -t example/app --push .'))).toEqual(['']);
    expect(inContext(runs('docker build -t example/app . && docker push example/app'))).toEqual(['']);
    expect(inContext(workflow(['steps:', '  - uses: docker/build-push-action@v6', '    with:', '      push: true', '      tags: example/app']))).toEqual(['']);
    expect(inContext({ ...runs('docker compose push'), 'compose.yaml': 'services:\n  app:\n    build: .\n    image: example/app\n' })).toEqual(['']);
    // Built in one step and pushed by another, it may be only the image the tests run in.
    expect(inContext(runs('docker build -t example/app:ci .', 'docker build --target runtime -t example/app . && docker push example/app'))).toEqual(['runtime']);
  });
});
