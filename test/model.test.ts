import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appendLines, attachedComments, insertLinesAfter, insertLinesBefore, insertLinesBelow, keyword, moveBefore, removeInstruction, replaceFromImage, replaceKeeping, type Piece } from '../src/dockerfile/edit.js';
import { resolveStage, stageReferences, stagesFeedingFinal, unusedStages } from '../src/dockerfile/graph.js';
import { parseDockerfile } from '../src/dockerfile/parse.js';
import { RUNTIME_KEYWORDS, runtimeFacts } from '../src/dockerfile/runtime.js';
import { validate } from '../src/dockerfile/validate.js';
import { fixedValues, globalArgs, resolveBase, variablesAt } from '../src/dockerfile/variables.js';
import { expandWord, unquoteWord } from '../src/dockerfile/words.js';
import { applyEdits, editProblem, overlaps } from '../src/engine/edits.js';

const vars = (m: Record<string, string | null>) => (name: string) => (name in m ? m[name] : undefined);

describe('expandWord (BuildKit word rules)', () => {
  it('removes quotes and expands $VAR and ${VAR}', () => {
    expect(expandWord('"$BASE"', vars({ BASE: 'node:20' }))).toEqual({ value: 'node:20', vars: ['BASE'] });
    expect(expandWord('alpine:"${TAG}"', vars({ TAG: '3.20' }))).toEqual({ value: 'alpine:3.20', vars: ['TAG'] });
    expect(expandWord("'$NOT'", vars({}))).toEqual({ value: '$NOT', vars: [] });
    expect(expandWord('a\\$b', vars({}))).toEqual({ value: 'a$b', vars: [] });
    expect(expandWord('a`$b', vars({ b: 'x' }), '`')).toEqual({ value: 'a$b', vars: [] });
  });

  it('applies the default, alternative and error forms', () => {
    expect(expandWord('${V:-fallback}', vars({})).value).toBe('fallback');
    expect(expandWord('${V:-fallback}', vars({ V: '' })).value).toBe('fallback');
    expect(expandWord('${V-fallback}', vars({ V: '' })).value).toBe('');
    expect(expandWord('${V:+set}', vars({ V: 'x' })).value).toBe('set');
    expect(expandWord('${V:+set}', vars({})).value).toBe('');
    expect(expandWord('${V:-$W}', vars({ W: 'w' }))).toEqual({ value: 'w', vars: ['V', 'W'] });
    expect(expandWord('${V:?must be set}', vars({ V: 'x' })).value).toBe('x');
    expect(expandWord('${V:?must be set}', vars({})).value).toBeNull();
  });

  it('is unknown (null) when a value is only known at build time, and lists every variable', () => {
    expect(expandWord('$REG/app:$TAG', vars({ REG: null, TAG: '1' }))).toEqual({ value: null, vars: ['REG', 'TAG'] });
    expect(expandWord('${V#prefix}', vars({ V: 'x' })).value).toBeNull();
    expect(expandWord('${unclosed', vars({})).value).toBeNull();
  });

  it('an undefined variable expands to nothing, as in BuildKit', () => {
    expect(expandWord('img:$NOPE', vars({})).value).toBe('img:');
  });

  it('is unknown (null) past the length limit, and still lists every variable', () => {
    const long = 'x'.repeat(1000);
    expect(expandWord('$A$A:$B', vars({ A: long, B: 'b' }), '\\', 2002)).toEqual({ value: `${long}${long}:b`, vars: ['A', 'B'] });
    expect(expandWord('$A$A:$B', vars({ A: long, B: 'b' }), '\\', 2001)).toEqual({ value: null, vars: ['A', 'B'] });
    expect(expandWord('"$A"$A', vars({ A: long }), '\\', 1999).value).toBeNull();
    expect(expandWord(long, vars({}), '\\', 999).value).toBeNull();
    // By default a word may grow by a few million characters, no more.
    const huge = 'y'.repeat(1 << 20);
    expect(expandWord('$H$H$H', vars({ H: huge })).value).toBe(huge.repeat(3));
    expect(expandWord('$H$H$H$H$H', vars({ H: huge })).value).toBeNull();
  });

  it('unquoteWord keeps variable references as written', () => {
    expect(unquoteWord('"$BASE_IMAGE"')).toBe('$BASE_IMAGE');
    expect(unquoteWord('alpine:"${ALPINE_TAG}"')).toBe('alpine:${ALPINE_TAG}');
    expect(unquoteWord("'alpine:3.20'")).toBe('alpine:3.20');
    expect(unquoteWord('plain')).toBe('plain');
  });
});

describe('quoted image references (valid in BuildKit)', () => {
  it.each([
    ['FROM "$BASE_IMAGE" AS deps\n', '$BASE_IMAGE'],
    ['ARG ALPINE_TAG=3.20\nFROM alpine:"${ALPINE_TAG}"\n', 'alpine:${ALPINE_TAG}'],
    ['FROM "alpine:3.20"\n', 'alpine:3.20'],
    ["FROM 'debian:bookworm-slim' AS base\n", 'debian:bookworm-slim'],
  ])('%j is valid and names %s', (text, raw) => {
    const file = parseDockerfile(text);
    expect(validate(file)).toBeNull();
    const base = file.stages[0]!.base;
    expect(base.kind === 'image' ? base.ref.raw : base.kind === 'unknown' ? base.raw : null).toBe(raw);
  });
});

describe('build arguments and variables', () => {
  const text = [
    'ARG REGISTRY=docker.io',
    'ARG NODE_VERSION=20',
    'ARG BASE=${REGISTRY}/library/node:${NODE_VERSION}',
    'ARG UNSET',
    'FROM ${BASE} AS build',
    'ARG NODE_VERSION',
    'ENV APP=/app PATH=/app/bin:$PATH',
    'RUN echo $NODE_VERSION',
    'FROM node:${NODE_VERSION}-slim AS run',
    'FROM $UNSET',
    'FROM build AS test',
    'RUN echo hi',
    '',
  ].join('\n');
  const file = parseDockerfile(text);

  it('reads global ARGs with their defaults, expanding earlier ones', () => {
    const g = globalArgs(file);
    expect([...g.keys()]).toEqual(['REGISTRY', 'NODE_VERSION', 'BASE', 'UNSET']);
    expect(g.get('BASE')!.value).toBe('docker.io/library/node:20');
    expect(g.get('UNSET')!.value).toBeNull();
  });

  it('resolves a FROM with the defaults and says which stages share its arguments', () => {
    const build = resolveBase(file, file.stages[0]!)!;
    expect(build.text).toBe('docker.io/library/node:20');
    expect(build.ref?.name).toBe('library/node');
    expect(build.vars).toEqual(['BASE']);
    expect(build.sharedWith).toEqual([]);
    const run = resolveBase(file, file.stages[1]!)!;
    expect(run.text).toBe('node:20-slim');
    expect(run.vars).toEqual(['NODE_VERSION']);
    expect(run.args.map((a) => a.line)).toEqual([2]);
    const unknown = resolveBase(file, file.stages[2]!)!;
    expect(unknown.text).toBeNull();
    expect(unknown.ref).toBeNull();
    expect(resolveBase(file, file.stages[3]!)).toBeNull();
  });

  it('knows which stages share an argument', () => {
    const shared = parseDockerfile('ARG V=3.20\nFROM alpine:$V AS a\nFROM alpine:${V} AS b\nFROM debian AS c\n');
    expect(resolveBase(shared, shared.stages[0]!)!.sharedWith).toEqual([1]);
    expect(resolveBase(shared, shared.stages[2]!)!.sharedWith).toEqual([]);
  });

  it('gives a stage the ARGs it redeclares and the ENV of what it builds on', () => {
    const run = file.instructions.find((i) => i.keyword === 'RUN')!;
    const v = variablesAt(file, run);
    expect(v.get('NODE_VERSION')).toMatchObject({ value: '20', kind: 'arg' });
    expect(v.get('APP')).toMatchObject({ value: '/app', kind: 'env' });
    // PATH was not set in the file: its value is not known here.
    expect(v.get('PATH')!.value).toBe('/app/bin:');
    const inTest = variablesAt(file, file.instructions.at(-1)!);
    expect(inTest.get('APP')?.value).toBe('/app');
    expect(inTest.has('NODE_VERSION')).toBe(false);
  });

  it('evaluates an ENV as BuildKit does: with the values before its instruction, and its own stage ARGs', () => {
    const text = 'FROM debian AS a\nARG V=1\nENV abc=hello\nENV abc=bye def=$abc E=$V\nFROM a AS b\nRUN true\n';
    const file = parseDockerfile(text);
    const v = variablesAt(file, file.instructions.at(-1)!);
    expect(v.get('def')?.value).toBe('hello');
    expect(v.get('abc')?.value).toBe('bye');
    // Built FROM a, b gets the value a's ENV took with a's ARG; the ARG itself stays in a.
    expect(v.get('E')?.value).toBe('1');
    expect(v.has('V')).toBe(false);
  });

  it('sets the names of one ARG line one after the other, as BuildKit does', () => {
    const file = parseDockerfile('FROM debian\nENV abc=hi\nARG a=1 b=$a abc=bye def=$abc\nRUN true\n');
    const v = variablesAt(file, file.instructions.at(-1)!);
    expect(v.get('b')?.value).toBe('1');
    expect(v.get('def')?.value).toBe('bye');
  });

  it('lets the last of ARG and ENV win, as BuildKit does: an ARG after an inherited ENV too', () => {
    const file = parseDockerfile('FROM debian AS a\nARG V=arg\nENV V=env\nRUN a\nFROM a AS b\nARG V=child\nRUN b\nFROM a AS c\nRUN c\n');
    const [a, b, c] = file.instructions.filter((i) => i.keyword === 'RUN');
    expect(variablesAt(file, a!).get('V')).toMatchObject({ value: 'env', kind: 'env', fromBuildArg: false });
    expect(variablesAt(file, b!).get('V')).toMatchObject({ value: 'child', kind: 'arg', fromBuildArg: true });
    expect(variablesAt(file, c!).get('V')).toMatchObject({ value: 'env', kind: 'env' });
  });

  it('knows which values a --build-arg can change: ARGs, and ENVs that read one, in the stages built on them too', () => {
    const text = [
      'ARG G=global',
      'FROM debian AS a',
      'ARG U=app',
      'ENV U=$U HOME_DIR=/home/$U FIXED=/srv NOT_DECLARED=$G',
      'ENV BUILT=${FIXED}/x',
      'ARG NODEFAULT',
      'ENV ALT=${NODEFAULT:-dflt} PLUS=${NODEFAULT:+alt} BEFORE_ARG=$G',
      'ARG G',
      'ENV GLOBAL=$G',
      'RUN a',
      'FROM a AS b',
      'RUN b',
      '',
    ].join('\n');
    const file = parseDockerfile(text);
    const [a, b] = file.instructions.filter((i) => i.keyword === 'RUN');
    for (const run of [a!, b!]) {
      const v = variablesAt(file, run);
      // A plain build's values stay readable, with the mark that another build may differ.
      expect(v.get('U')).toMatchObject({ value: 'app', kind: 'env', fromBuildArg: true });
      expect(v.get('HOME_DIR')).toMatchObject({ value: '/home/app', fromBuildArg: true });
      expect(v.get('FIXED')).toMatchObject({ value: '/srv', fromBuildArg: false });
      expect(v.get('BUILT')).toMatchObject({ value: '/srv/x', fromBuildArg: false });
      // A global ARG the stage has not declared yet is empty there, whatever --build-arg says.
      expect(v.get('NOT_DECLARED')).toMatchObject({ value: '', fromBuildArg: false });
      expect(v.get('BEFORE_ARG')).toMatchObject({ value: '', fromBuildArg: false });
      expect(v.get('GLOBAL')).toMatchObject({ value: 'global', fromBuildArg: true });
      // An ARG without default may be given at build time: its defaults and alternatives are not known.
      expect(v.get('ALT')).toMatchObject({ value: null, fromBuildArg: true });
      expect(v.get('PLUS')).toMatchObject({ value: null, fromBuildArg: true });
      const fixed = fixedValues(v);
      expect(fixed('U')).toBeNull();
      expect(fixed('HOME_DIR')).toBeNull();
      expect(fixed('FIXED')).toBe('/srv');
      expect(fixed('BUILT')).toBe('/srv/x');
      expect(fixed('PATH')).toBeNull();
    }
    expect(fixedValues(variablesAt(file, a!))('G')).toBeNull();
  });

  it('gives the platform arguments no value, declared or not', () => {
    const file = parseDockerfile('FROM --platform=$BUILDPLATFORM golang AS a\nARG TARGETARCH\nENV ARCH=$TARGETARCH GOOS=linux\nRUN a\n');
    const v = variablesAt(file, file.instructions.at(-1)!);
    expect(v.get('TARGETARCH')).toMatchObject({ value: null, kind: 'arg' });
    expect(v.get('ARCH')).toMatchObject({ value: null });
    expect(fixedValues(v)('GOOS')).toBe('linux');
  });

  it('follows a long chain of stages without walking it for every question', () => {
    const stages = Array.from({ length: 20_000 }, (_, i) => `FROM s${i} AS s${i + 1}\nENV V${i + 1}=$V${i}\n`).join('');
    const file = parseDockerfile(`FROM debian AS s0\nENV V0=x\n${stages}RUN true\n`);
    const v = variablesAt(file, file.instructions.at(-1)!);
    expect(v.get('V0')?.value).toBe('x');
    expect(v.get('V20000')?.value).toBe('x');
    expect(v.get('V20000')?.inst.line).toBe(40_002);
  });

  it('a value that grows on every line is known while expansions stay within a few million characters in all', () => {
    // Each line adds 101 characters to PATH, which each line's value repeats: 300 lines
    // would keep 4.5 million characters that no file wrote.
    const dir = `/${'d'.repeat(100)}`;
    const lines = Array.from({ length: 300 }, (_, i) => `ENV PATH=$PATH:${dir}\nRUN step${i}\n`).join('');
    const file = parseDockerfile(`FROM debian\nENV PATH=/bin\n${lines}`);
    const runs = file.instructions.filter((i) => i.keyword === 'RUN');
    expect(variablesAt(file, runs[99]!).get('PATH')?.value).toBe(`/bin${`:${dir}`.repeat(100)}`);
    expect(variablesAt(file, runs[299]!).get('PATH')?.value).toBeNull();
  });

  it('a value that doubles on every line becomes unknown rather than too long for a string', () => {
    const file = parseDockerfile(`ARG A=ab\n${'ARG A=$A$A\n'.repeat(40)}FROM debian:$A\nENV B=x\n${'ENV B=${B}${B}\n'.repeat(40)}RUN true\n`);
    expect(globalArgs(file).get('A')?.value).toBeNull();
    expect(resolveBase(file, file.stages[0]!)?.text).toBeNull();
    expect(variablesAt(file, file.instructions.at(-1)!).get('B')?.value).toBeNull();
  });
});

describe('the stage graph', () => {
  const text = [
    'FROM golang:1.22 AS Build',
    'RUN go build -o /out/app',
    'FROM alpine:3.20 AS certs',
    'RUN apk add ca-certificates',
    'FROM node:20 AS unused',
    'FROM scratch',
    'COPY --from=build /out/app /app',
    'COPY --from=certs /etc/ssl /etc/ssl',
    'COPY --from=nginx:1.27 /etc/nginx/mime.types /etc/',
    'RUN --mount=type=bind,from=0,target=/src true',
    '',
  ].join('\n');
  const file = parseDockerfile(text);

  it('finds COPY --from and RUN --mount=from references, names case-insensitively', () => {
    expect(stageReferences(file).map((r) => [r.kind, r.target, r.stage])).toEqual([
      ['copy', 'build', 0],
      ['copy', 'certs', 1],
      ['copy', 'nginx:1.27', null],
      ['mount', '0', 0],
    ]);
    expect(resolveStage(file, '3', 3)).toBeNull();
  });

  it('knows what feeds the final image and what nothing uses', () => {
    expect([...stagesFeedingFinal(file)].sort()).toEqual([0, 1, 3]);
    expect(unusedStages(file).map((s) => s.name)).toEqual(['unused']);
  });

  it('counts the stages a FROM completed by a build argument may pick as used', () => {
    const picked = parseDockerfile('FROM golang:1.24 AS build\nFROM ubuntu:24.04 AS run-amd64\nCOPY --from=build /out /app\nFROM ubuntu:24.04 AS run-arm64\nFROM alpine AS unused\nFROM run-${TARGETARCH}\n');
    expect(unusedStages(picked).map((s) => s.name)).toEqual(['unused']);
  });
});

describe('runtime facts of the final stage', () => {
  const facts = (text: string) => runtimeFacts(parseDockerfile(text))!;

  it('reads no instruction outside RUNTIME_KEYWORDS: the facts of every fixture stay when the others go', () => {
    const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '__testfixtures__');
    const inputs = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.input.Dockerfile'));
    let compared = 0;
    for (const name of inputs) {
      const file = parseDockerfile(fs.readFileSync(path.join(root, name), 'utf8'));
      if (validate(file) !== null || file.stages.length === 0) continue;
      const others = file.instructions.filter((i) => !RUNTIME_KEYWORDS.has(i.keyword)).map((i) => ({ start: i.span.start, end: i.span.end, text: '' }));
      if (others.length === 0) continue;
      const without = parseDockerfile(applyEdits(file.text, others));
      expect(runtimeFacts(without), name).toEqual(runtimeFacts(file));
      compared++;
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('reads shell-form commands that only split words as their argv', () => {
    expect(facts('FROM a\nCMD node server.js\n').command).toBe(facts('FROM a\nCMD ["node", "server.js"]\n').command);
    expect(facts('FROM a\nCMD exec node server.js\n').command).toBe(facts('FROM a\nCMD ["node", "server.js"]\n').command);
    expect(facts('FROM a\nCMD node $APP\n').command).not.toBe(facts('FROM a\nCMD ["node", "$APP"]\n').command);
  });

  it('follows ENTRYPOINT/CMD inheritance across stages', () => {
    expect(facts('FROM a AS base\nCMD ["x"]\nFROM base\nENTRYPOINT ["y"]\n').command).toBe('["y"]');
    expect(facts('FROM a AS base\nENTRYPOINT ["y"]\nFROM base\nCMD ["z"]\n').command).toBe('["y","z"]');
    expect(facts('FROM a\nENTRYPOINT y --flag\nCMD ["ignored"]\n').command).toBe('["y","--flag"]');
    expect(facts('FROM scratch\nCOPY app /app\n').command).toBe('[]');
  });

  it('takes what the Dockerfile does not set from a base image the knowledge base knows', () => {
    // node's entrypoint only runs its command; distroless nodejs runs node with the CMD.
    const onNode = facts('FROM node:22-bookworm\nCMD ["node", "server.js"]\n').command;
    expect(onNode).toBe('["node","server.js"]');
    expect(facts('FROM gcr.io/distroless/nodejs22-debian13\nCMD ["server.js"]\n').command).toBe(onNode);
    expect(facts('FROM python:3.12\nRUN true\n').command).toBe(facts('FROM python:3.12-slim\nRUN true\n').command);
    expect(facts('FROM python:3.12\nRUN true\n').command).toBe('["python3"]');
    // An image the base does not know: the same only under the same base.
    expect(facts('FROM example.com/app:1\nRUN true\n').command).not.toBe(facts('FROM example.com/app:2\nRUN true\n').command);
  });

  it('reads user, workdir, env and ports', () => {
    const f = facts('FROM a AS base\nENV A=1\nWORKDIR /app\nFROM base\nWORKDIR src\nENV B="two words"\nEXPOSE 80 443/udp\nUSER 10001:10001\n');
    expect(f).toMatchObject({ user: '10001:10001', workdir: '/app/src', env: 'A=1\nB="two words"', expose: '443/udp 80/tcp' });
  });
});

describe('instruction edits in the file\'s style', () => {
  const apply = (text: string, edits: (f: ReturnType<typeof parseDockerfile>) => { start: number; end: number; text: string }[]) => {
    const f = parseDockerfile(text);
    return applyEdits(text, edits(f).sort((a, b) => a.start - b.start));
  };

  it('finds the comments attached to an instruction', () => {
    const f = parseDockerfile('FROM a\n# about x\n\n# run x\n# really\nRUN x\n');
    expect(attachedComments(f, f.instructions[1]!).map((c) => c.text)).toEqual(['run x', 'really']);
  });

  it('inserts before an instruction, above its comments, with its indentation and line ending', () => {
    const out = apply('FROM a\r\n  # start\r\n  CMD ["x"]\r\n', (f) => [insertLinesBefore(f, f.instructions[1]!, ['USER 10001'])]);
    expect(out).toBe('FROM a\r\n  USER 10001\r\n  # start\r\n  CMD ["x"]\r\n');
  });

  it('inserts after an instruction and at the end of a file without a final newline', () => {
    expect(apply('FROM a\nRUN x \\\n  y\nCMD z\n', (f) => [insertLinesAfter(f, f.instructions[1]!, ['USER app'])])).toBe('FROM a\nRUN x \\\n  y\nUSER app\nCMD z\n');
    expect(apply('FROM a\nCMD z', (f) => [appendLines(f, ['FROM b', 'CMD y'], { separate: true })])).toBe('FROM a\nCMD z\n\nFROM b\nCMD y');
    expect(apply('FROM a\nCMD z\n', (f) => [appendLines(f, ['FROM b'], { separate: true })])).toBe('FROM a\nCMD z\n\nFROM b\n');
  });

  it('inserts below an instruction the text insertLinesAfter would, where an append to it does not wait for it', () => {
    for (const text of ['FROM a\nRUN x \\\n  y\nCMD z\n', 'FROM a\r\n  RUN x\r\n', 'FROM a\nRUN x', 'FROM a\nRUN x \\\n', 'FROM a\r\nRUN x \\\r\n', 'FROM a\nRUN x\n\n# c\nCMD y\n']) {
      for (const lines of [['USER app'], ['RUN y', 'USER app'], ['USER app', '']]) {
        const after = apply(text, (f) => [insertLinesAfter(f, f.instructions[1]!, lines)]);
        expect(apply(text, (f) => [insertLinesBelow(f, f.instructions[1]!, lines)])).toBe(after);
      }
    }
    // At the start of the next line: the end of the RUN's line stays free for a cleanup appended to it.
    const f = parseDockerfile('FROM a\nRUN x\nCMD z\n');
    const insert = insertLinesBelow(f, f.instructions[1]!, ['USER app']);
    const append = { start: f.instructions[1]!.span.end, end: f.instructions[1]!.span.end, text: ' && y' };
    expect(insert.start).toBeGreaterThan(append.end);
    expect(applyEdits(f.text, [append, insert])).toBe('FROM a\nRUN x && y\nUSER app\nCMD z\n');
  });

  it('writes keywords in the file\'s case', () => {
    expect(keyword(parseDockerfile('from a\nrun x\nCMD y\n'), 'USER')).toBe('user');
    expect(keyword(parseDockerfile('FROM a\nrun x\nCMD y\n'), 'USER')).toBe('USER');
  });

  it('removes an instruction, keeping or taking its comments, and one of two blank lines', () => {
    const text = 'FROM a\n\n# clean\nRUN rm -rf /tmp/*\n\nCMD x\n';
    expect(apply(text, (f) => [removeInstruction(f, f.instructions[1]!)!])).toBe('FROM a\n\n# clean\n\nCMD x\n');
    expect(apply(text, (f) => [removeInstruction(f, f.instructions[1]!, { keepComments: false })!])).toBe('FROM a\n\nCMD x\n');
    expect(apply('FROM a\nCMD x', (f) => [removeInstruction(f, f.instructions[1]!)!])).toBe('FROM a');
  });

  it('moves an instruction with its comments before another', () => {
    const text = 'FROM a\nCOPY . .\n# deps\nRUN npm ci\nCMD x\n';
    expect(apply(text, (f) => moveBefore(f, f.instructions[2]!, f.instructions[1]!)!)).toBe('FROM a\n# deps\nRUN npm ci\nCOPY . .\nCMD x\n');
  });

  describe('replaceKeeping', () => {

    it('edits only between the kept ranges, and takes in what it must where an edit would cross a line inside an instruction', () => {
      const text = 'FROM a\nRUN x\nRUN \\\n  # why\n  y\nRUN z\n';
      const f = parseDockerfile(text);
      const [, x, y, z] = f.instructions;
      const body = (i: typeof x) => ({ from: i!.argsSpan!.start, to: i!.argsSpan!.end });
      const pieces: Piece[] = [{ from: x!.span.start, to: x!.argsSpan!.start }, body(x), ' && \\\n  # why\n  ', body(y), ' && ', body(z)];
      const edits = replaceKeeping(f, x!.span.start, z!.span.end, pieces);
      // Joining y to x alone would cut y's first lines off it: that edit takes in y's body and the next joint.
      expect(edits).toEqual([{ start: x!.argsSpan!.end, end: z!.argsSpan!.start, text: ' && \\\n  # why\n  y && ' }]);
      expect(applyEdits(text, edits)).toBe('FROM a\nRUN x && \\\n  # why\n  y && z\n');
      // One-line RUNs keep every body in place.
      const g = parseDockerfile('FROM a\nRUN x\nRUN y\n');
      const [, gx, gy] = g.instructions;
      expect(replaceKeeping(g, gx!.span.start, gy!.span.end, [{ from: gx!.span.start, to: gx!.argsSpan!.end }, ' && ', body(gy)])).toEqual([
        { start: gx!.argsSpan!.end, end: gy!.argsSpan!.start, text: ' && ' },
      ]);
    });

    it('rejects kept ranges out of order or outside the range', () => {
      const f = parseDockerfile('FROM a\nRUN x\n');
      expect(() => replaceKeeping(f, 7, 12, [{ from: 11, to: 12 }, { from: 7, to: 8 }])).toThrow('not in order');
      expect(() => replaceKeeping(f, 7, 12, [{ from: 7, to: 13 }])).toThrow('not in order');
    });

    it('gives the replacement of the whole range, in edits the engine accepts, apart and in order', () => {
      const run = fc.constantFrom('RUN a', 'RUN b \\\n  && c', 'RUN \\\n  # note\n  d', 'RUN e\r', '  RUN f', 'RUN g \\\n\n  h', 'RUN echo 🎉', 'RUN 🎉 x');
      const arbitrary = fc.record({
        runs: fc.array(run, { minLength: 1, maxLength: 6 }),
        cuts: fc.array(fc.record({ skip: fc.integer({ min: 0, max: 1 }), before: fc.constantFrom('', '( ', '{ '), keep: fc.oneof(fc.integer({ min: -3, max: 0 }), fc.constant('first line' as const)), after: fc.constantFrom('', ' )', '; }', ' && ', ' \\\n    && ') }), { minLength: 6, maxLength: 6 }),
      });
      fc.assert(
        fc.property(arbitrary, ({ runs, cuts }) => {
          const text = `FROM a\n${runs.join('\n')}\nCMD x\n`;
          const f = parseDockerfile(text);
          const members = f.instructions.filter((i) => i.keyword === 'RUN');
          const start = members[0]!.span.start;
          const end = members.at(-1)!.span.end;
          const pieces: Piece[] = [{ from: start, to: members[0]!.argsSpan!.start }];
          members.forEach((m, i) => {
            const cut = cuts[i]!;
            const { start: from, end: argsEnd } = m.argsSpan!;
            const lineEnd = text.indexOf('\n', from);
            // Up to a few characters before the body's end, or only its first line.
            const to = cut.keep === 'first line' ? Math.min(argsEnd, lineEnd) : Math.max(from, argsEnd + cut.keep);
            // From the body's start, or its second code unit (half of 🎉 in `RUN 🎉 x`).
            const keptFrom = Math.min(from + cut.skip, to);
            pieces.push(cut.before, text.slice(from, keptFrom), { from: keptFrom, to }, text.slice(to, m.argsSpan!.end), cut.after);
          });
          const edits = replaceKeeping(f, start, end, pieces);
          // The pieces joined by hand, not by the helper under test.
          const whole = pieces.map((p) => (typeof p === 'string' ? p : text.slice(p.from, p.to))).join('');
          expect(applyEdits(text, edits)).toBe(text.slice(0, start) + whole + text.slice(end));
          for (const e of edits) expect(editProblem(f, e)).toBeNull();
          // No edit starts or ends between the two halves of a character.
          const inside = (at: number) => at > 0 && at < text.length && /[\uD800-\uDBFF]/.test(text[at - 1]!) && /[\uDC00-\uDFFF]/.test(text[at]!);
          for (const e of edits) expect([inside(e.start), inside(e.end)]).toEqual([false, false]);
          for (let i = 1; i < edits.length; i++) {
            expect(edits[i - 1]!.end).toBeLessThan(edits[i]!.start);
            expect(overlaps(edits[i - 1]!, edits[i]!)).toBe(false);
          }
        }),
        { numRuns: 400 },
      );
    });
  });

  it('replaces a FROM image keeping flags, platform, AS and case', () => {
    const text = 'from --platform=$BUILDPLATFORM python:3.12 as Build\n';
    expect(apply(text, (f) => [replaceFromImage(f.stages[0]!, 'python:3.12-slim')!])).toBe('from --platform=$BUILDPLATFORM python:3.12-slim as Build\n');
  });
});
