/**
 * The engine holds every transform to what its `meta.touches` declares, on every
 * pass: instructions it may rewrite, add or remove; stages; the final image's
 * runtime; comment lines; refusal codes; new files. And reports come from the
 * final state.
 */
import { describe, expect, it } from 'vitest';
import { memoryBuildContext } from '../src/engine/context.js';
import { runPipeline, type PipelineOutput, type PipelineResult } from '../src/engine/pipeline.js';
import {
  change,
  defineTransform,
  fileEdit,
  newFile,
  refusal,
  reviewChange,
  type ConfiguredTransform,
  type Finding,
  type SizeEffect,
  type Touches,
  type TransformMeta,
} from '../src/engine/types.js';
import type { ParsedDockerfile } from '../src/dockerfile/types.js';

function transform(name: string, touches: Touches, run: (file: ParsedDockerfile) => Finding[], extra: Partial<TransformMeta> = {}): ConfiguredTransform {
  return {
    transform: defineTransform({
      meta: { name, summary: name, docs: name, hadolint: [], defaultEnabled: false, options: {}, touches, refusals: { nope: 'a declared refusal' }, ...extra },
      run: (file) => run(file),
    }),
    options: {},
  };
}

/** Replaces the first `from` with `to`, once. */
function replacing(name: string, touches: Touches, from: string, to: string, review: string | null = null): ConfiguredTransform {
  return transform(
    name,
    touches,
    (file) => {
      const at = file.text.indexOf(from);
      if (at === -1 || (to !== '' && file.text.includes(to))) return [];
      const edits = [{ start: at, end: at + from.length, text: to }];
      return [review === null ? change(at, `${from} -> ${to}`, edits) : reviewChange(at, `${from} -> ${to}`, edits, review)];
    },
    review === null ? {} : { review },
  );
}

function ok(result: PipelineResult): PipelineOutput {
  if (!result.ok) throw new Error(`pipeline failed: ${result.error.message}`);
  return result;
}
function error(result: PipelineResult): string {
  if (result.ok) throw new Error('expected the pipeline to fail');
  return result.error.message;
}

const APP = 'FROM node:20 AS build\nRUN npm ci\n\nFROM node:20-slim\n# start the server\nCMD ["node", "server.js"]\n';

describe('instruction contracts', () => {
  it('lets a transform rewrite what it declares and nothing else', () => {
    expect(ok(runPipeline(APP, [replacing('ci', { instructions: { RUN: ['edit'] } }, 'npm ci', 'npm ci --omit=dev')])).changes).toHaveLength(1);
    expect(error(runPipeline(APP, [replacing('sneaky', { instructions: { RUN: ['edit'] } }, 'node:20-slim', 'node:20-alpine')]))).toBe(
      'transform sneaky rewrote a FROM instruction, which it does not declare it may do; file left unchanged',
    );
  });

  it('tells adding and removing from rewriting', () => {
    const addUser = replacing('add-user', { instructions: { CMD: ['edit'] } }, '# start', 'USER node\n# start');
    expect(error(runPipeline(APP, [addUser]))).toBe('transform add-user added a USER instruction, which it does not declare it may do; file left unchanged');
    const drop = replacing('drop', { instructions: { RUN: ['edit'] } }, 'RUN npm ci\n', '');
    expect(error(runPipeline(APP, [drop]))).toBe('transform drop removed a RUN instruction, which it does not declare it may do; file left unchanged');
    expect(ok(runPipeline(APP, [replacing('drop', { instructions: { RUN: ['remove'] } }, 'RUN npm ci\n', '')])).output).not.toContain('npm ci');
  });

  it('sees an append at an instruction\'s end as a rewrite of it, and a line after it as an addition', () => {
    const append = replacing('append', { instructions: { RUN: ['edit'] } }, 'npm ci\n', 'npm ci && npm cache clean --force\n');
    expect(ok(runPipeline(APP, [append])).output).toContain('npm ci && npm cache clean --force\n');
    const after = replacing('after', { instructions: { RUN: ['edit'] } }, 'npm ci\n', 'npm ci\nRUN npm test\n');
    expect(error(runPipeline(APP, [after]))).toContain('added a RUN instruction');
  });

  it('does not count lines inserted beside an instruction another change rewrites in the same pass as a rewrite of it', () => {
    const flag = replacing('flag', { instructions: { RUN: ['edit'] } }, 'npm ci', 'npm ci --omit=dev');
    const line = transform('line', { instructions: { USER: ['add'] }, runtime: ['user'] }, (file) => {
      const run = file.instructions.find((i) => i.keyword === 'RUN')!;
      if (file.text.includes('USER')) return [];
      return [change(run.span.start, 'user', [{ start: run.span.end, end: run.span.end, text: '\nUSER node' }])];
    });
    const text = 'FROM node:20\nRUN npm ci && npm run build\nCMD ["node", "dist/server.js"]\n';
    const result = ok(runPipeline(text, [flag, line]));
    expect(result.output).toBe('FROM node:20\nRUN npm ci --omit=dev && npm run build\nUSER node\nCMD ["node", "dist/server.js"]\n');
    // Both in the first pass: neither edit touches the other.
    expect(result.passes).toBe(2);
    const before = transform('before', { instructions: { USER: ['add'] }, runtime: ['user'] }, (file) => {
      const run = file.instructions.find((i) => i.keyword === 'RUN')!;
      return file.text.includes('USER') ? [] : [change(run.span.start, 'user', [{ start: run.span.start, end: run.span.start, text: 'USER root\n' }])];
    });
    expect(ok(runPipeline(text, [flag, before])).output).toContain('USER root\nRUN npm ci --omit=dev && npm run build\n');
  });

  it('holds a replacement that starts at an instruction\'s end responsible for it, not every change of the pass', () => {
    // Joins the next RUN onto the first: the only edit starts where the first RUN ends.
    const join = replacing('join', { instructions: { RUN: ['edit', 'remove'] } }, '\nRUN npm test', ' && npm test');
    const label = replacing('label', { instructions: { LABEL: ['edit'] } }, 'LABEL tier=web', 'LABEL tier=api');
    const text = 'FROM node:20\nRUN npm ci\nRUN npm test\nLABEL tier=web\n';
    const result = ok(runPipeline(text, [join, label]));
    expect(result.output).toBe('FROM node:20\nRUN npm ci && npm test\nLABEL tier=api\n');
    expect(result.passes).toBe(2);
    // And a transform that may not rewrite the RUN it joins is still caught.
    const sneaky = replacing('sneaky', { instructions: { RUN: ['remove'] } }, '\nRUN npm test', ' && npm test');
    expect(error(runPipeline(text, [sneaky, label]))).toBe('transform sneaky rewrote a RUN instruction, which it does not declare it may do; file left unchanged');
  });

  it('does not let a removal beside an instruction answer for what another change did to it', () => {
    // A line ending in a continuation, inserted above `RUN p`, swallows it: that is a rewrite of `RUN p`.
    const swallow = transform('swallow', { instructions: { RUN: ['add'] } }, (file) =>
      file.text.includes('RUN x') ? [] : [change(7, 'x', [{ start: 7, end: 7, text: 'RUN x \\\n' }])],
    );
    // Removes the last RUN from the end of the one before it: it writes nothing onto `RUN p`.
    const remove = transform('remove', { instructions: { RUN: ['edit', 'remove'] } }, (file) => {
      const at = file.text.indexOf('\nRUN z');
      return at === -1 ? [] : [change(at, 'z', [{ start: at, end: at + '\nRUN z'.length, text: '' }])];
    });
    expect(error(runPipeline('FROM a\nRUN p\nRUN z\n', [swallow, remove]))).toBe(
      'transform swallow rewrote a RUN instruction, which it does not declare it may do; file left unchanged',
    );
  });

  it('needs `stages` to add or remove a stage, and then checks stage references', () => {
    const stage = 'FROM node:20 AS build\nRUN npm ci\n';
    expect(error(runPipeline(APP, [replacing('split', { instructions: { FROM: ['add'], RUN: ['edit', 'add'] } }, 'RUN npm ci\n', `RUN npm ci\n${stage}`)]))).toContain(
      'added a build stage',
    );
    const ok2 = ok(runPipeline('FROM node:20\nRUN npm ci\nCMD ["node", "x.js"]\n', [
      replacing('split', { instructions: { FROM: ['add', 'edit'], RUN: ['edit'], COPY: ['add'] }, stages: true, runtime: [] }, 'FROM node:20\nRUN npm ci\n', 'FROM node:20 AS build\nRUN npm ci\nFROM node:20\nCOPY --from=build /app /app\n'),
    ]));
    expect(ok2.output).toContain('COPY --from=build');
    const rename = replacing('rename', { instructions: { FROM: ['edit'] }, stages: true }, 'AS build', 'AS builder');
    const copying = 'FROM golang:1.22 AS build\nRUN go build\nFROM scratch\nCOPY --from=build /app /app\n';
    expect(error(runPipeline(copying, [rename]))).toBe('a rewrite left `build` (line 4) naming no stage; file left unchanged');
  });
});

describe('runtime contracts', () => {
  it('fails a rewrite that changes how the container runs unless the transform declares it', () => {
    const user = replacing('user', { instructions: { CMD: ['edit'], USER: ['add'] } }, '# start', 'USER 10001:10001\n# start');
    expect(error(runPipeline(APP, [user]))).toBe('a rewrite by user would change the user the container runs as, which it does not declare; file left unchanged');
    const declared = replacing('user', { instructions: { USER: ['add'] }, runtime: ['user'] }, '# start', 'USER 10001:10001\n# start');
    expect(ok(runPipeline(APP, [declared])).runtime).toEqual([{ transform: 'user', fact: 'user', before: '(inherited)', after: '10001:10001' }]);
  });

  it('holds the image of each published target to the same contract, and reports its changes by name', () => {
    // The workflow pushes `--target app`; the last stage, test, is run in CI and never shipped.
    const text = 'FROM node:20-slim AS app\nCMD ["node", "server.js"]\n\nFROM node:20 AS test\nCMD ["npm", "test"]\n';
    const buildContext = memoryBuildContext({
      'Dockerfile': text,
      '.github/workflows/ci.yml': 'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build --target app -t x/app . && docker push x/app\n',
    });
    const env = { path: 'Dockerfile', buildContext };
    const user = (touches: Touches) => replacing('user', touches, 'CMD ["node"', 'USER 10001:10001\nCMD ["node"');
    expect(error(runPipeline(text, [user({ instructions: { USER: ['add'], CMD: ['edit'] } })], env))).toBe(
      'a rewrite by user would change the user the container runs as of the image the project publishes as app, which it does not declare; file left unchanged',
    );
    expect(ok(runPipeline(text, [user({ instructions: { USER: ['add'], CMD: ['edit'] }, runtime: ['user'] })], env)).runtime).toEqual([
      { transform: 'user', image: 'app', fact: 'user', before: '(inherited)', after: '10001:10001' },
    ]);
    // Without the workflow, app is a stage like any other: only the last one runs.
    expect(ok(runPipeline(text, [user({ instructions: { USER: ['add'], CMD: ['edit'] } })])).runtime).toEqual([]);
  });

  it('accepts an exec-form rewrite that runs the same program', () => {
    const exec = replacing('exec', { instructions: { CMD: ['edit'] } }, 'CMD ["node", "server.js"]', 'CMD node server.js');
    expect(ok(runPipeline(APP, [exec])).runtime).toEqual([]);
    const other = replacing('exec', { instructions: { CMD: ['edit'] } }, 'CMD ["node", "server.js"]', 'CMD ["node", "index.js"]');
    expect(error(runPipeline(APP, [other]))).toContain('would change the command the container runs');
  });
});

describe('comments', () => {
  it('fails any rewrite that loses a comment line, whatever the transform', () => {
    const drop = replacing('drop', { instructions: { CMD: ['edit'] } }, '# start the server\n', '');
    expect(error(runPipeline(APP, [drop]))).toBe('a rewrite by drop would lose the comment line "# start the server"; file left unchanged');
    const indent = replacing('indent', { instructions: { CMD: ['edit'] } }, '# start the server', '    # start the server');
    expect(ok(runPipeline(APP, [indent])).changes).toHaveLength(1);
  });
});

describe('refusals, new files and tiers', () => {
  it('rejects an undeclared refusal code', () => {
    const bad = transform('bad', { instructions: {} }, () => [refusal(0, 'made-up', 'x')]);
    expect(error(runPipeline(APP, [bad]))).toBe('transform bad reported an undeclared refusal code "made-up"');
    const inherited = transform('inherited', { instructions: {} }, () => [refusal(0, 'toString', 'x')]);
    expect(error(runPipeline(APP, [inherited]))).toBe('transform inherited reported an undeclared refusal code "toString"');
  });

  it('reports refusals of the final state only', () => {
    // `fix` rewrites the CMD in pass 1; `judge` refuses while it is shell form, then is content.
    const fix = replacing('fix', { instructions: { CMD: ['edit'] } }, 'CMD node server.js', 'CMD ["node", "server.js"]');
    const judge = transform('judge', { instructions: {} }, (file) =>
      file.instructions.filter((i) => i.keyword === 'CMD' && i.form === 'shell').map((i) => refusal(i.span.start, 'nope', 'shell form')),
    );
    const result = ok(runPipeline('FROM a\nCMD node server.js\n', [fix, judge]));
    expect(result.changes.map((c) => c.transform)).toEqual(['fix']);
    expect(result.refusals).toEqual([]);
  });

  it('takes new files only where the transform declares them, inside the build context', () => {
    const meta = { instructions: {}, newFiles: ['.dockerignore'] };
    expect(ok(runPipeline(APP, [transform('ignore', meta, () => [newFile('./.dockerignore', '.git\n', 'm')])])).newFiles.map((f) => f.path)).toEqual(['.dockerignore']);
    expect(error(runPipeline(APP, [transform('escape', meta, () => [newFile('../.dockerignore', '.git\n', 'm')])]))).toContain('outside the build context');
    expect(error(runPipeline(APP, [transform('other', meta, () => [newFile('Makefile', 'x\n', 'm')])]))).toContain('does not declare');
  });

  it('takes edits only of declared files of the build context, made against their text', () => {
    const meta = { instructions: {}, editFiles: ['.dockerignore'] };
    const buildContext = memoryBuildContext({ '.dockerignore': 'dist\n', Makefile: 'all:\n' });
    // Proposed once: a later pass reads the build context with the edit made, as a second run would.
    const run = (path: string, before: string, after = `${before}.git\n`) => {
      let proposed = false;
      const once = () => (proposed ? [] : ((proposed = true), [fileEdit(path, before, after, 'm')]));
      return runPipeline(APP, [transform('ignore', meta, once)], { buildContext });
    };
    expect(ok(run('./.dockerignore', 'dist\n')).fileEdits).toEqual([{ transform: 'ignore', path: '.dockerignore', before: 'dist\n', after: 'dist\n.git\n', message: 'm', tier: 'safe' }]);
    expect(ok(run('.dockerignore', 'dist\n', 'dist\n')).fileEdits).toEqual([]);
    expect(error(run('../.dockerignore', 'dist\n'))).toContain('outside the build context');
    expect(error(run('Makefile', 'all:\n'))).toContain('does not declare');
    expect(error(run('.dockerignore', 'node_modules\n'))).toBe('transform ignore proposed an edit of .dockerignore against text that is not the file\'s');
    const noContext = runPipeline(APP, [transform('ignore', meta, () => [fileEdit('.dockerignore', '', '.git\n', 'm')])]);
    expect(error(noContext)).toContain('against text that is not the file');
  });

  it('labels new files and file edits that change what is built, and proposes none with tier safe', () => {
    const meta = { instructions: {}, newFiles: ['.dockerignore'] };
    const ignore = transform('ignore', meta, () => [newFile('.dockerignore', '.git\n', 'm', 'leaves files out')], { review: 'a .dockerignore leaves files out' });
    expect(ok(runPipeline(APP, [ignore])).newFiles).toMatchObject([{ path: '.dockerignore', tier: 'review', review: 'leaves files out' }]);
    const safe = ok(runPipeline(APP, [ignore], { tier: 'safe' }));
    expect(safe.newFiles).toEqual([]);
    expect(safe.refusals).toMatchObject([{ transform: 'ignore', code: 'review-tier' }]);
  });

  it('labels review changes, and makes none with tier safe', () => {
    const slim = replacing('slim', { instructions: { FROM: ['edit'] } }, 'FROM node:20 AS', 'FROM node:20-slim AS', 'the slim image has no compilers');
    const labelled = ok(runPipeline(APP, [slim]));
    expect(labelled.changes).toMatchObject([{ transform: 'slim', tier: 'review', review: 'the slim image has no compilers' }]);
    const safe = ok(runPipeline(APP, [slim], { tier: 'safe' }));
    expect(safe.output).toBe(APP);
    expect(safe.refusals).toMatchObject([{ transform: 'slim', code: 'review-tier', line: 1 }]);
  });

  it('fails a review change from a transform whose meta declares none, so --list never understates it', () => {
    const quiet = transform('quiet', { instructions: { FROM: ['edit'] } }, (file) => {
      const at = file.text.indexOf('node:20 AS');
      return at === -1 ? [] : [reviewChange(at, 'slim', [{ start: at, end: at + 7, text: 'node:20-slim' }], 'no compilers')];
    });
    expect(error(runPipeline(APP, [quiet]))).toBe('transform quiet reported a review change, and its meta declares none (meta.review)');
  });

  it('fails the file for a size estimate without a measure or a finite figure, naming the transform', () => {
    const sized = (size: unknown) =>
      transform('sized', { instructions: { FROM: ['edit'] } }, (file) => {
        const at = file.text.indexOf('node:20 AS');
        return at === -1 ? [] : [{ ...change(at, 'slim', [{ start: at, end: at + 7, text: 'node:20-slim' }]), size: size as SizeEffect }];
      });
    // Written before sizes carried their measure.
    expect(error(runPipeline(APP, [sized({ savedMb: 700, note: 'node:20 → node:20-slim' })]))).toBe("transform sized reported a size estimate whose measure is missing (it must be 'uncompressed' or 'compressed')");
    expect(error(runPipeline(APP, [sized({ savedMb: 700, measure: 'disk', note: 'n' })]))).toBe('transform sized reported a size estimate whose measure is "disk" (it must be \'uncompressed\' or \'compressed\')');
    expect(error(runPipeline(APP, [sized({ savedMb: Number.NaN, measure: 'compressed', note: 'n' })]))).toBe('transform sized reported a size estimate whose savedMb is not a finite number (NaN)');
    expect(error(runPipeline(APP, [sized({ savedMb: '700', measure: 'compressed', note: 'n' })]))).toBe('transform sized reported a size estimate whose savedMb is not a finite number ("700")');
    const good = ok(runPipeline(APP, [sized({ savedMb: -12.5, measure: 'uncompressed', note: 'n' })]));
    expect(good.changes).toMatchObject([{ transform: 'sized', size: { savedMb: -12.5, measure: 'uncompressed', note: 'n' } }]);
  });

  it('refuses for a transform that needs a build context when there is none', () => {
    const reader = transform('reader', { instructions: {} }, () => [], { needsBuildContext: true });
    expect(ok(runPipeline(APP, [reader])).refusals).toMatchObject([{ transform: 'reader', code: 'no-build-context', line: 1 }]);
    expect(ok(runPipeline(APP, [reader], { buildContext: memoryBuildContext({}) })).refusals).toEqual([]);
  });
});
