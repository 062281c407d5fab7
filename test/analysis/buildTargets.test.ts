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
