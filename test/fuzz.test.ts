/**
 * Property tests on hostile input: corpus files mutated in the ways real files
 * go wrong (and some ways they never should), run through every registered
 * transform. For each input, runPipeline must return — never throw, never hang —
 * and either a rewrite that passes checkRewrite and a second run that changes
 * nothing, or a clean `{ ok: false, error }` with a message and a real line.
 *
 * The pipeline runs in a worker thread from the build in dist/ (the test script
 * builds first) so that a run that hangs can be stopped: each case has a time
 * limit, after which the worker is terminated and the case fails.
 *
 * Reproduce or widen: DOCKSHIFT_FUZZ_SEED=<n> DOCKSHIFT_FUZZ_RUNS=<n> npx vitest run test/fuzz.test.ts
 */
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusPresent, loadCorpus, noticeIfNoCorpus } from '../bench/corpus.js';
import { runPipeline, type PipelineResult } from '../src/engine/pipeline.js';
import { allTransforms } from '../src/engine/select.js';
import { checkRewrite, everyTransform, idempotenceViolations, type Violation } from './helpers/checks.js';

const SEED = Number(process.env.DOCKSHIFT_FUZZ_SEED ?? 20_240_611);
const RUNS = Number(process.env.DOCKSHIFT_FUZZ_RUNS ?? 200);
/** A hang guard, not a benchmark: real cases take milliseconds. */
const CASE_LIMIT_MS = 20_000;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p: string) => pathToFileURL(path.join(root, 'dist', p)).href;

type Outcome =
  | { kind: 'done'; first: PipelineResult; second: PipelineResult | null }
  | { kind: 'threw'; error: string }
  | { kind: 'hung' };

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const loaded = Promise.all([import(workerData.pipeline), import(workerData.select)]);
parentPort.on('message', async ({ id, text }) => {
  const [{ runPipeline }, { allTransforms, configure }] = await loaded;
  if (text === null) return parentPort.postMessage({ id, names: allTransforms().map((t) => t.meta.name) });
  try {
    const transforms = configure({ names: allTransforms().map((t) => t.meta.name), options: {} });
    const first = runPipeline(text, transforms);
    const second = first.ok ? runPipeline(first.output, transforms) : null;
    parentPort.postMessage({ id, kind: 'done', first, second });
  } catch (err) {
    parentPort.postMessage({ id, kind: 'threw', error: String((err && err.stack) || err) });
  }
});
`;

/** One worker thread running the pipeline; replaced when a case overruns its limit. */
class GuardedPipeline {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly waiting = new Map<number, (message: any) => void>();

  private ensure(): Worker {
    if (this.worker === null) {
      const worker = new Worker(WORKER, {
        eval: true,
        workerData: { pipeline: dist('src/engine/pipeline.js'), select: dist('src/engine/select.js') },
      });
      worker.on('message', (m: { id: number }) => this.waiting.get(m.id)?.(m));
      worker.on('error', (err) => {
        for (const resolve of this.waiting.values()) resolve({ kind: 'threw', error: String(err.stack ?? err) });
        this.waiting.clear();
        this.worker = null;
      });
      this.worker = worker;
    }
    return this.worker;
  }

  private ask(text: string | null, limitMs: number): Promise<any> {
    const worker = this.ensure();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        this.worker = null;
        void worker.terminate();
        resolve({ kind: 'hung' });
      }, limitMs);
      this.waiting.set(id, (m) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve(m);
      });
      worker.postMessage({ id, text });
    });
  }

  names(): Promise<{ names: string[] }> {
    return this.ask(null, 60_000);
  }

  run(text: string): Promise<Outcome> {
    return this.ask(text, CASE_LIMIT_MS);
  }

  async stop(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}

// ---- mutations -------------------------------------------------------------------------

type Mutation =
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'end-of-line'; at: number; text: string }
  | { kind: 'add-line'; at: number; line: string }
  | { kind: 'tail'; line: string; ending: string }
  | { kind: 'long-line'; at: number; keyword: string; length: number }
  | { kind: 'nesting'; at: number; keyword: string; depth: number }
  | { kind: 'escape-directive'; char: string }
  | { kind: 'line-endings'; eol: '\r\n' | '\n' | '\r' }
  | { kind: 'final-newline' }
  | { kind: 'bom' };

const FRAGMENTS = [
  '\\', '\\\n', '\\\r\n', '\\ \n', '`', '`\n', '"', "'", '<<EOF', '<<EOF\n', '<<-EOF\n\techo hi\n\tEOF\n', '<<"EOF"\n$x\nEOF\n', '\nEOF\n',
  '\r', '\0', '\t', '$(', ')', '${', '}', '$((', '#', '[', ']', '["', '"]', '", "', '&&', '||', ';', '|', '&', '>', '<', '\n\n', '\u00a0', '\ufeff',
  '\u2028', '\u{1F600}', 'é', '\\"', "'\\''", '# escape=`\n', '# syntax=docker/dockerfile:1\n', '\nFROM scratch\n', ' AS ', '--mount=type=cache,target=/x ',
];

/** Lines that make transforms act: shell-form CMDs, package installs, consecutive RUNs, SHELL changes. */
const BAIT = [
  'CMD node server.js',
  'CMD exec nginx -g "daemon off;"',
  "ENTRYPOINT python -m http.server 8000",
  'CMD ["node", "server.js"]',
  'CMD [ "broken", ]',
  'RUN apt-get update && apt-get install -y curl',
  'RUN apt-get install curl git',
  'RUN apt-get update\nRUN apt-get install -y ca-certificates\nRUN rm -rf /var/lib/apt/lists/*',
  'RUN set -eux; \\\n  apt-get update; \\\n  apt-get install -y --no-install-recommends wget; \\\n  # a comment inside\n  rm -rf /var/lib/apt/lists/*',
  'RUN apk add curl',
  'RUN apk update && apk add --no-cache git',
  'RUN pip install flask requests',
  'RUN npm install',
  'RUN yum install -y git && yum clean all',
  'RUN dnf install git',
  'RUN <<EOF\napt-get update\napt-get install -y curl\nEOF',
  'RUN --mount=type=cache,target=/var/cache/apt apt-get install -y make',
  'SHELL ["powershell", "-Command"]',
  'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
  'ONBUILD RUN apt-get install -y curl',
  'FROM debian:bookworm AS extra',
  'USER nobody',
];

const KEYWORDS = ['RUN', 'CMD', 'ENTRYPOINT', 'ENV X=', 'LABEL a=', '#'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('add-line' as const), at: fc.nat(), line: fc.constantFrom(...BAIT) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('tail' as const), line: fc.constantFrom(...BAIT), ending: fc.constantFrom('', '\n', ' \\\n', ' \\\n\n# trailing comment\n', ' \\', '\\\r\n', '\n\n\n') }) },
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', maxLength: 6 })) }),
  fc.record({ kind: fc.constant('end-of-line' as const), at: fc.nat(), text: fc.constantFrom('\\', ' \\', '\\ ', '`', '"', "'", ' <<EOF', ' #', ' &&', '\r') }),
  fc.record({ kind: fc.constant('long-line' as const), at: fc.nat(), keyword: fc.constantFrom(...KEYWORDS), length: fc.integer({ min: 1_000, max: 150_000 }) }),
  fc.record({ kind: fc.constant('nesting' as const), at: fc.nat(), keyword: fc.constantFrom(...KEYWORDS), depth: fc.integer({ min: 10, max: 3_000 }) }),
  fc.record({ kind: fc.constant('escape-directive' as const), char: fc.constantFrom('`', '\\', '!', 'x', ' ', '') }),
  fc.record({ kind: fc.constant('line-endings' as const), eol: fc.constantFrom('\r\n' as const, '\n' as const, '\r' as const) }),
  fc.record({ kind: fc.constant('final-newline' as const) }),
  fc.record({ kind: fc.constant('bom' as const) }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let t = text;
  for (const m of mutations) {
    const lines = t.split('\n');
    const line = 'at' in m ? m.at % lines.length : 0;
    switch (m.kind) {
      case 'delete-line':
        lines.splice(line, 1);
        t = lines.join('\n');
        break;
      case 'duplicate-line':
        lines.splice(line, 0, lines[line]!);
        t = lines.join('\n');
        break;
      case 'insert': {
        const at = m.at % (t.length + 1);
        t = t.slice(0, at) + m.text + t.slice(at);
        break;
      }
      case 'end-of-line':
        lines[line] = lines[line]! + m.text;
        t = lines.join('\n');
        break;
      case 'add-line':
        lines.splice(line, 0, m.line);
        t = lines.join('\n');
        break;
      case 'tail':
        t = `${t.replace(/\r?\n$/, '')}\n${m.line}${m.ending}`;
        break;
      case 'long-line':
        lines.splice(line, 0, `${m.keyword} ${'echo aaaaaaa '.repeat(Math.ceil(m.length / 13))}`);
        t = lines.join('\n');
        break;
      case 'nesting':
        lines.splice(line, 0, `${m.keyword} echo ${'$(echo '.repeat(m.depth)}x${')'.repeat(m.depth)}`);
        t = lines.join('\n');
        break;
      case 'escape-directive':
        t = `# escape=${m.char}\n${t}`;
        break;
      case 'line-endings':
        t = t.replace(/\r?\n/g, m.eol);
        break;
      case 'final-newline':
        t = t.endsWith('\n') ? t.replace(/\r?\n$/, '') : `${t}\n`;
        break;
      case 'bom':
        t = t.startsWith('\ufeff') ? t.slice(1) : `\ufeff${t}`;
        break;
    }
  }
  return t;
}

// ---- the property ----------------------------------------------------------------------

interface Tally {
  cases: number;
  changed: number;
  unchanged: number;
  rejected: number;
  transformErrors: number;
}

function verdict(input: string, outcome: Outcome, tally: Tally): string[] {
  tally.cases++;
  if (outcome.kind === 'hung') return [`runPipeline did not return within ${CASE_LIMIT_MS} ms`];
  if (outcome.kind === 'threw') return [`runPipeline threw: ${outcome.error}`];
  const { first, second } = outcome;
  if (!first.ok) {
    tally.rejected++;
    const problems: string[] = [];
    if (/^transform \S+ failed/.test(first.error.message)) tally.transformErrors++;
    // The engine stopped a transform's unsafe or endless rewrite: the file is safe, but the transform has a bug.
    if (/did not converge|unsafe edit|^a rewrite /.test(first.error.message)) problems.push(`a transform misbehaved: ${first.error.message}`);
    const lineCount = input.split('\n').length;
    if (typeof first.error.message !== 'string' || first.error.message.trim() === '') problems.push('error without a message');
    if (first.error.line !== null && !(Number.isInteger(first.error.line) && first.error.line >= 1 && first.error.line <= lineCount)) {
      problems.push(`error line ${first.error.line} is not a line of the file (1..${lineCount})`);
    }
    return problems;
  }
  if (first.output === input) tally.unchanged++;
  else tally.changed++;
  const violations: Violation[] = [...checkRewrite(input, first.output), ...idempotenceViolations(first.output, second!)];
  return violations.map((v) => `${v.rule}: ${v.message}`);
}

describe('hostile input', () => {
  const guard = new GuardedPipeline();
  const bases = new Map<string, string>();
  const tallies: Record<string, Tally> = {};

  beforeAll(async () => {
    const built = fs.existsSync(path.join(root, 'dist/src/engine/pipeline.js'));
    if (!built) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
    const { names } = await guard.names();
    expect(names, 'dist/ is stale: run `npm run build`').toEqual(allTransforms().map((t) => t.meta.name));
    if (corpusPresent()) for (const f of loadCorpus()) if (f.text !== null) bases.set(f.name, f.text);
  });

  afterAll(async () => {
    await guard.stop();
    console.log(
      `fuzz (seed ${SEED}, ${RUNS} runs per property): ` +
        Object.entries(tallies)
          .map(([k, t]) => `${k}: ${t.cases} cases, ${t.changed} changed, ${t.unchanged} unchanged, ${t.rejected} rejected (${t.transformErrors} by a transform throwing)`)
          .join('; '),
    );
  });

  const check = (label: string) => async (input: string) => {
    const tally = (tallies[label] ??= { cases: 0, changed: 0, unchanged: 0, rejected: 0, transformErrors: 0 });
    const problems = verdict(input, await guard.run(input), tally);
    if (problems.length > 0) throw new Error(`${problems.join('\n')}\ninput: ${JSON.stringify(input.length > 2_000 ? `${input.slice(0, 2_000)}…` : input)}`);
  };

  noticeIfNoCorpus('fuzzing of mutated corpus files');
  it.skipIf(!corpusPresent())('mutated corpus files never throw, hang, break the file or lose data', async () => {
    const names = [...bases.keys()];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.array(mutation, { minLength: 1, maxLength: 6 }), async (name, mutations) => {
        await check('mutated corpus')(mutate(bases.get(name)!, mutations));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('files assembled from hostile lines never throw, hang, break the file or lose data', async () => {
    const line = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...BAIT) },
      { weight: 1, arbitrary: fc.constantFrom(...FRAGMENTS) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...KEYWORDS), fc.string({ maxLength: 40 })).map(([k, s]) => `${k} ${s}`) },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...BAIT), fc.constantFrom(' \\', ' \\\n  # note', ' \\\n', '"', " '", ' $(', ' `')).map(([b, e]) => b + e) },
    );
    const file = fc
      .tuple(fc.constantFrom('FROM alpine:3.20', 'FROM node:20 AS build', 'ARG BASE=debian\nFROM ${BASE}', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022'), fc.array(line, { maxLength: 25 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
      .map(([from, lines, eol, finalNewline]) => [from, ...lines].join('\n').replace(/\r?\n/g, eol) + (finalNewline ? eol : ''));
    // Cases found by earlier runs, kept as fixed examples.
    const examples: [string][] = [['FROM a\nCMD node x \\\n'], ['FROM a\nCMD node x \\\n  \n# c\n'], ['FROM a\r\nCMD node x \\\r\n']];
    await fc.assert(fc.asyncProperty(file, check('assembled')), { seed: SEED + 1, numRuns: RUNS, examples });
  });
});

/** Bugs these properties found, pinned down. */
describe('found by fuzzing', () => {
  it('keeps the final newline and trailing comments after a continuation at the end of the file', () => {
    for (const [input, output] of [
      ['FROM archlinux\nCMD node x \\\n', 'FROM archlinux\nCMD ["node", "x"]\n'],
      ['FROM archlinux\nCMD node x \\\n  \n# c\n', 'FROM archlinux\nCMD ["node", "x"]\n  \n# c\n'],
      ['FROM archlinux\r\nCMD node x \\\r\n', 'FROM archlinux\r\nCMD ["node", "x"]\r\n'],
    ]) {
      expect(runPipeline(input!, everyTransform())).toMatchObject({ ok: true, output });
    }
  });

  it('rejects a lone CR: BuildKit reads `RUN a<CR>CMD b` as one RUN, so rewriting the CMD would change it', () => {
    for (const input of ['FROM a\nRUN echo a\rCMD node x\n', 'FROM a\n# note\rCMD node x\n', 'FROM a\rCMD node x\r']) {
      const r = runPipeline(input, everyTransform());
      expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('carriage return') } });
    }
  });
});
