import type { From, JSONInstruction } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { builderFlags } from '../src/dockerfile/builderFlags.js';
import { heredocWord } from '../src/dockerfile/heredocs.js';
import { canonicalName, parseImageRef } from '../src/dockerfile/imageRef.js';
import { logicalText, type LogicalText } from '../src/dockerfile/logical.js';
import { parseDockerfile } from '../src/dockerfile/parse.js';
import { descendantStages, isWindowsStage, shellAt, shippedStages, stageLineage } from '../src/dockerfile/stages.js';
import { LineIndex, textFacts } from '../src/dockerfile/text.js';
import type { Instruction, ParsedDockerfile, Span } from '../src/dockerfile/types.js';
import { validate } from '../src/dockerfile/validate.js';

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;

const at = (text: string, span: Span | null): string | null => (span === null ? null : text.slice(span.start, span.end));

/** Every offset-bearing field of an instruction, as the text it points at. */
function shape(file: ParsedDockerfile, inst: Instruction) {
  return {
    keyword: inst.keyword,
    span: at(file.text, inst.span),
    keywordSpan: at(file.text, inst.keywordSpan),
    argsSpan: at(file.text, inst.argsSpan),
    line: inst.line,
    endLine: inst.endLine,
    form: inst.form,
  };
}

describe('parseDockerfile offsets', () => {
  it('start after a BOM', () => {
    const text = '\ufeffFROM node:20\nCMD ["node", "server.js"]\n';
    const file = parseDockerfile(text);
    expect(file.bom).toBe(true);
    expect(file.instructions[0]!.span).toEqual({ start: 1, end: 13 });
    expect(file.instructions.map((i) => shape(file, i))).toEqual([
      { keyword: 'FROM', span: 'FROM node:20', keywordSpan: 'FROM', argsSpan: 'node:20', line: 1, endLine: 1, form: 'shell' },
      {
        keyword: 'CMD',
        span: 'CMD ["node", "server.js"]',
        keywordSpan: 'CMD',
        argsSpan: '["node", "server.js"]',
        line: 2,
        endLine: 2,
        form: 'exec',
      },
    ]);
  });

  it('exclude CRLF line endings and span continuation lines', () => {
    const text = 'FROM node\r\n# build it\r\nRUN npm ci \\\r\n  && npm run build\r\nCMD node .\r\n';
    const file = parseDockerfile(text);
    expect(file.eol).toBe('\r\n');
    expect(file.instructions.map((i) => shape(file, i))).toEqual([
      { keyword: 'FROM', span: 'FROM node', keywordSpan: 'FROM', argsSpan: 'node', line: 1, endLine: 1, form: 'shell' },
      {
        keyword: 'RUN',
        span: 'RUN npm ci \\\r\n  && npm run build',
        keywordSpan: 'RUN',
        argsSpan: 'npm ci \\\r\n  && npm run build',
        line: 3,
        endLine: 4,
        form: 'shell',
      },
      { keyword: 'CMD', span: 'CMD node .', keywordSpan: 'CMD', argsSpan: 'node .', line: 5, endLine: 5, form: 'shell' },
    ]);
    expect(file.comments.map((c) => ({ line: c.line, text: c.text, span: at(text, c.span) }))).toEqual([
      { line: 2, text: 'build it', span: '# build it' },
    ]);
  });

  it('follow the escape directive (backtick)', () => {
    const text = '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo a `\n  b\nSHELL ["powershell", "-Command"]\n';
    const file = parseDockerfile(text);
    expect(file.escape).toBe('`');
    expect(file.directives).toEqual([{ name: 'escape', value: '`', line: 1 }]);
    expect(file.comments).toEqual([]);
    expect(file.instructions.map((i) => shape(file, i))).toEqual([
      {
        keyword: 'FROM',
        span: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
        keywordSpan: 'FROM',
        argsSpan: 'mcr.microsoft.com/windows/servercore:ltsc2022',
        line: 2,
        endLine: 2,
        form: 'shell',
      },
      { keyword: 'RUN', span: 'RUN echo a `\n  b', keywordSpan: 'RUN', argsSpan: 'echo a `\n  b', line: 3, endLine: 4, form: 'shell' },
      {
        keyword: 'SHELL',
        span: 'SHELL ["powershell", "-Command"]',
        keywordSpan: 'SHELL',
        argsSpan: '["powershell", "-Command"]',
        line: 5,
        endLine: 5,
        form: 'exec',
      },
    ]);
    expect(file.instructions[2]!.execArgs).toEqual(['powershell', '-Command']);
  });

  it('read directives after a BOM, with CRLF', () => {
    const text = '\ufeff# syntax=docker/dockerfile:1\r\n# escape=`\r\nFROM alpine\r\nRUN echo `\r\n  hi\r\n';
    const file = parseDockerfile(text);
    expect(file.directives).toEqual([
      { name: 'syntax', value: 'docker/dockerfile:1', line: 1 },
      { name: 'escape', value: '`', line: 2 },
    ]);
    expect(file.escape).toBe('`');
    expect(file.instructions.map((i) => at(text, i.span))).toEqual(['FROM alpine', 'RUN echo `\r\n  hi']);
  });

  it('cover heredocs up to their closing delimiter', () => {
    const text = 'FROM alpine\nCOPY <<EOF /etc/motd\nhello\nEOF\nRUN <<-EOT sh\n  echo hi\n\tEOT\nUSER nobody\n';
    const file = parseDockerfile(text);
    const [, copy, run, user] = file.instructions;
    expect(shape(file, copy!)).toEqual({
      keyword: 'COPY',
      span: 'COPY <<EOF /etc/motd\nhello\nEOF',
      keywordSpan: 'COPY',
      argsSpan: '<<EOF /etc/motd\nhello\nEOF',
      line: 2,
      endLine: 4,
      form: 'heredoc',
    });
    expect(copy!.heredocs.map((h) => ({ name: h.name, span: at(text, h.span) }))).toEqual([
      { name: 'EOF', span: '<<EOF /etc/motd\nhello\nEOF' },
    ]);
    expect(run!.heredocs.map((h) => ({ name: h.name, span: at(text, h.span) }))).toEqual([
      { name: 'EOT', span: '<<-EOT sh\n  echo hi\n\tEOT' },
    ]);
    expect([run!.line, run!.endLine, run!.form, run!.execArgs]).toEqual([5, 7, 'heredoc', null]);
    expect(shape(file, user!)).toMatchObject({ span: 'USER nobody', line: 8 });
  });

  it.each([
    // A file descriptor before `<<`: the lines after are the body, not instructions.
    ['RUN cat 3<<EOF\nRUN apt-get install -y curl\nEOF', [['EOF', '3<<EOF\nRUN apt-get install -y curl\nEOF']]],
    ['RUN 2<<EOF\nFROM x\nEOF', [['EOF', '2<<EOF\nFROM x\nEOF']]],
    // Quotes inside the name are removed from it.
    ['RUN <<E"O"F\nRUN y\nEOF', [['EOF', '<<E"O"F\nRUN y\nEOF']]],
    // Only its own `-` strips tabs: \tA does not close A.
    ['RUN <<A cat - <<-B\n\tA\nA\n\tB', [['A', '<<A cat - <<-B\n\tA\nA'], ['B', '<<-B\n\tA\nA\n\tB']]],
    // Blanks after << (dockerfile 1.16), where a line closes it.
    ['RUN cat << EOF\nRUN y\nEOF', [['EOF', '<< EOF\nRUN y\nEOF']]],
    // No heredoc: in quotes, after an escape, glued to a word, in JSON, in CMD, a shift no line closes.
    ['RUN echo "a <<EOF"\nEOF', []],
    ['RUN echo \\<<EOF\nEOF', []],
    ['RUN cat<<EOF\nEOF', []],
    ['RUN ["sh", "-c", "cat <<EOF"]\nEOF', []],
    ['CMD cat <<EOF\nEOF', []],
    ['RUN echo $((1<<3))\nEOF', []],
    ["RUN echo it's <<EOF\nEOF", []],
    // BuildKit's lexer splits a `${…}` at blanks, drops what comes before one in its word, and
    // fails the whole line on a modifier it does not know.
    ['RUN echo ${X:- <<EOF}\nEOF}', [['EOF}', '<<EOF}\nEOF}']]],
    ['RUN cat <<${X:-EOF}\nEOF', []],
    ['RUN echo ${X!} && cat <<EOF\nEOF', []],
  ])('read heredocs as BuildKit does: %j', (run, docs) => {
    const text = `FROM alpine\n${run}\nUSER nobody\n`;
    const file = parseDockerfile(text);
    const inst = file.instructions[1]!;
    expect(inst.heredocs.map((h) => [h.name, at(text, h.span)])).toEqual(docs);
    expect(inst.heredocs.every((h) => h.closed)).toBe(true);
    expect(inst.form === 'heredoc').toBe(docs.length > 0);
    expect(file.instructions.at(-1)!.keyword).toBe('USER');
    if (docs.length > 0) expect(file.instructions).toHaveLength(3);
  });

  it('read heredocs with a backslash as their escape in a file whose escape is a backtick', () => {
    // BuildKit's lexer of the heredoc words escapes with a backslash whatever the directive says:
    // `<<EOF is no heredoc; \<<EOF neither.
    const text = '# escape=`\nFROM alpine\nRUN cat `<<EOF\nRUN echo \\<<EOF\nRUN <<EOF\necho a \\\nEOF\nUSER nobody\n';
    const file = parseDockerfile(text);
    expect(file.instructions.map((i) => [i.keyword, i.heredocs.map((h) => h.name)])).toEqual([
      ['FROM', []],
      ['RUN', []],
      ['RUN', []],
      ['RUN', ['EOF']],
      ['USER', []],
    ]);
  });

  it('start heredoc documents after the lines a continuation joins to the first', () => {
    const text = 'FROM alpine\nCOPY <<EOF \\\n    /usr/local/bin/start\n#!/bin/sh\nEOF\nRUN cat <<A <<B \\\n  && chmod 644 /x\na\nA\nb\nB\n';
    const file = parseDockerfile(text);
    const [, copy, run] = file.instructions;
    expect(copy!.heredocs.map((h) => text.slice(h.bodyStart, h.span.end))).toEqual(['#!/bin/sh\nEOF']);
    expect(run!.heredocs.map((h) => text.slice(h.bodyStart, h.span.end))).toEqual(['a\nA', 'b\nB']);
    expect(validate(file)).toBeNull();
  });

  it('end heredocs at their delimiter after a body line that ends in an escape', () => {
    const text = 'FROM alpine\nRUN <<A cat - <<B \\\n  # comment\n  > /x\nfind . -exec rm {} \\;\nA\nb \\\nB\nUSER nobody\n';
    const file = parseDockerfile(text);
    const [, run, user] = file.instructions;
    expect(run!.heredocs.map((h) => ({ name: h.name, span: at(text, h.span), closed: h.closed }))).toEqual([
      { name: 'A', span: '<<A cat - <<B \\\n  # comment\n  > /x\nfind . -exec rm {} \\;\nA', closed: true },
      { name: 'B', span: '<<B \\\n  # comment\n  > /x\nfind . -exec rm {} \\;\nA\nb \\\nB', closed: true },
    ]);
    expect(shape(file, user!)).toMatchObject({ span: 'USER nobody', line: 9 });
  });

  it('read what the word that opens each heredoc says, and where it ends', () => {
    const text = 'FROM alpine\nRUN cat 3<<-E"O"F << \'A B\' <<\\C\n\tEOF\nA B\nC\n';
    const [, run] = parseDockerfile(text).instructions;
    expect(run!.heredocs.map((h) => ({ word: text.slice(h.span.start, h.wordEnd), name: h.name, chomp: h.chomp, expand: h.expand, fd: h.fd }))).toEqual([
      { word: '3<<-E"O"F', name: 'EOF', chomp: true, expand: false, fd: 3 },
      { word: "<< 'A B'", name: 'A B', chomp: false, expand: false, fd: 0 },
      // An escape is no quote to BuildKit: the document is expanded.
      { word: '<<\\C', name: 'C', chomp: false, expand: true, fd: 0 },
    ]);
  });

  it("read a heredoc word as BuildKit's ParseHeredoc does (its own test's cases)", () => {
    for (const word of ['<<EOF', "<<'EOF'", '<<"EOF"', '<<-EOF', "<<-'EOF'", '<<-"EOF"', '<<EO"F"', '<< EOF', '<<- EOF']) {
      expect(heredocWord(word)?.name).toBe('EOF');
    }
    // Not heredocs, or a delimiter BuildKit fails on (a quote left open): neither opens one here.
    for (const word of ['', 'EOF', '<<', '<<-', '<EOF', '<<<EOF', '<<EOF sh', "<<'EOF", '<<"EOF', "<<EOF'", '<<EOF"']) {
      expect(heredocWord(word)).toBeNull();
    }
  });

  it('split leading flags as BuildKit does: quotes keep blanks, the escape keeps a character, `--` ends them', () => {
    expect(builderFlags(' --mount="type=cache, target=/x" ["sh", "-c", "x"]', '\\')).toEqual({ flags: ['--mount=type=cache, target=/x'], rest: '["sh", "-c", "x"]' });
    expect(builderFlags(' --a=x\\ y --b z', '\\')).toEqual({ flags: ['--a=x y', '--b'], rest: 'z' });
    expect(builderFlags(' --a=x`  y', '`')).toEqual({ flags: ['--a=x '], rest: 'y' });
    expect(builderFlags(' --a -- --b c', '\\')).toEqual({ flags: ['--a'], rest: ' --b c' });
    expect(builderFlags(' --a="x y', '\\')).toEqual({ flags: ['--a=x y'], rest: '' });
    expect(builderFlags(' -a b', '\\')).toEqual({ flags: [], rest: '-a b' });
  });

  it('separate flags from arguments', () => {
    const text = 'FROM golang:1.22\nRUN --mount=type=cache,target=/x --network=none go build ./...\nCOPY --from=0 --chmod=755 /out/app /app\n';
    const file = parseDockerfile(text);
    const [, run, copy] = file.instructions;
    expect(run!.flags.map((f) => ({ name: f.name, value: f.value, span: at(text, f.span) }))).toEqual([
      { name: 'mount', value: 'type=cache,target=/x', span: '--mount=type=cache,target=/x' },
      { name: 'network', value: 'none', span: '--network=none' },
    ]);
    expect(at(text, run!.argsSpan)).toBe('go build ./...');
    expect(at(text, run!.span)).toBe('RUN --mount=type=cache,target=/x --network=none go build ./...');
    expect(copy!.flags.map((f) => [f.name, f.value])).toEqual([
      ['from', '0'],
      ['chmod', '755'],
    ]);
    expect(at(text, copy!.argsSpan)).toBe('/out/app /app');
  });

  it('separate flags that follow a comment line of the continuation, as BuildKit drops that line', () => {
    const text = 'FROM python:3.12\nRUN \\\n  # keep pip\'s cache\n  --mount=type=cache,target=/root/.cache/pip \\\n  # then install\n  pip install requests\n';
    const run = parseDockerfile(text).instructions[1]!;
    expect(run.flags.map((f) => [f.name, f.value, at(text, f.span)])).toEqual([['mount', 'type=cache,target=/root/.cache/pip', '--mount=type=cache,target=/root/.cache/pip']]);
    expect(at(text, run.argsSpan)).toBe('pip install requests');
  });

  it('place comments, including one inside a continuation', () => {
    const text = '# top\nFROM alpine\n  # indented\nRUN apk add \\\n    # the one tool we need\n    curl\n';
    const file = parseDockerfile(text);
    expect(file.comments.map((c) => ({ line: c.line, text: c.text, span: at(text, c.span) }))).toEqual([
      { line: 1, text: 'top', span: '# top' },
      { line: 3, text: 'indented', span: '# indented' },
      { line: 5, text: 'the one tool we need', span: '# the one tool we need' },
    ]);
    expect(file.instructions.map((i) => [i.line, i.endLine])).toEqual([
      [2, 2],
      [4, 6],
    ]);
  });

  it('run the arguments to the content, or past it where dockerfile-ast reads an argument in a trailing comment', () => {
    const args = (text: string) => at(text, parseDockerfile(text).instructions[1]!.argsSpan);
    expect(args('FROM a\nRUN x \\\n# c\n\n')).toBe('x \\');
    expect(args('FROM a\nRUN <<EOF\nx\n# y\nEOF\n\n')).toBe('<<EOF\nx\n# y\nEOF');
    // An escape character in a comment line at the end of the file starts an argument there.
    expect(args('FROM a\nRUN x \\\n  # c:\\p\n')).toBe('x \\\n  # c:\\p');
    expect(args('FROM a\nCOPY a b \\\n#\\x\n')).toBe('a b \\\n#\\x');
  });

  it('number instructions and give ARGs before FROM stage -1', () => {
    const file = parseDockerfile('ARG V=1\nFROM alpine:$V\nRUN true\n');
    expect(file.instructions.map((i) => [i.index, i.keyword, i.stage])).toEqual([
      [0, 'ARG', -1],
      [1, 'FROM', 0],
      [2, 'RUN', 0],
    ]);
    expect(file.stages[0]!.instructions.map((i) => i.keyword)).toEqual(['RUN']);
  });
});

describe('dockerfile-ast 0.7.1 defects that are worked around', () => {
  it('exec-form JSON keeps the whitespace inside strings', () => {
    const file = parseDockerfile('FROM alpine\nCMD ["a  b", "c"]\n');
    const cmd = file.instructions[1]!;
    expect(cmd.form).toBe('exec');
    expect(cmd.execArgs).toEqual(['a  b', 'c']);
    // What the library itself reports for the same instruction.
    expect((cmd.node as JSONInstruction).getJSONStrings().map((s) => s.getValue())).toEqual(['"ab"', '"c"']);
  });

  it('exec-form JSON may span continuation lines', () => {
    const file = parseDockerfile('FROM alpine\nENTRYPOINT ["tini", \\\n  "--"]\n');
    expect(file.instructions[1]!.execArgs).toEqual(['tini', '--']);
  });

  it('what only looks like JSON is shell form', () => {
    const forms = (args: string) => {
      const inst = parseDockerfile(`FROM alpine\nCMD ${args}\n`).instructions[1]!;
      return [inst.form, inst.execArgs];
    };
    expect(forms('["a", 1]')).toEqual(['shell', null]);
    expect(forms("['a']")).toEqual(['shell', null]);
    expect(forms('["a"')).toEqual(['shell', null]);
    expect(forms('[]')).toEqual(['exec', []]);
  });

  it('HEALTHCHECK CMD reads its JSON after the CMD word', () => {
    const file = parseDockerfile('FROM alpine\nHEALTHCHECK --interval=5s CMD ["curl", "-f", "http://localhost/"]\nHEALTHCHECK CMD curl -f http://localhost/\n');
    expect(file.instructions.slice(1).map((i) => [i.form, i.execArgs])).toEqual([
      ['exec', ['curl', '-f', 'http://localhost/']],
      ['shell', null],
    ]);
  });

  it('parseImageRef splits registry:port, tag and digest together', () => {
    const raw = `registry:5000/org/img:1.2@${DIGEST}`;
    expect(parseImageRef(raw)).toEqual({ raw, registry: 'registry:5000', name: 'org/img', tag: '1.2', digest: DIGEST, hasVariables: false });
    const from = parseDockerfile(`FROM ${raw}\n`).instructions[0]!.node as From;
    // The library folds the tag into the name and loses it.
    expect([from.getImageName(), from.getImageTag()]).toEqual(['org/img:1.2', null]);
  });
});

describe('parseImageRef', () => {
  const ref = (registry: string | null, name: string, tag: string | null, digest: string | null, hasVariables = false) => ({
    registry,
    name,
    tag,
    digest,
    hasVariables,
  });
  it.each([
    ['node', ref(null, 'node', null, null)],
    ['node:20-alpine', ref(null, 'node', '20-alpine', null)],
    ['library/node', ref(null, 'library/node', null, null)],
    ['docker.io/library/node:20', ref('docker.io', 'library/node', '20', null)],
    ['localhost:5000/a/b', ref('localhost:5000', 'a/b', null, null)],
    ['localhost/a', ref('localhost', 'a', null, null)],
    ['[::1]:5000/x:y', ref('[::1]:5000', 'x', 'y', null)],
    ['${REGISTRY}/app:${TAG}', ref('${REGISTRY}', 'app', '${TAG}', null, true)],
    ['node:${NODE_VERSION:-20}-alpine', ref(null, 'node', '${NODE_VERSION:-20}-alpine', null, true)],
    ['$BASE_IMAGE', ref(null, '$BASE_IMAGE', null, null, true)],
    [`ghcr.io/o/r@${DIGEST}`, ref('ghcr.io', 'o/r', null, DIGEST)],
    ['host:5000', ref(null, 'host', '5000', null)],
    ['a/b/c:1.0', ref(null, 'a/b/c', '1.0', null)],
    ['php:%%PHP_VERSION%%-alpine', null],
    ['UPPER:case', null],
    ['node:', null],
    ['node@sha256:tooshort', null],
    ['node:20 AS x', null],
    ['', null],
  ])('%s', (raw, expected) => {
    const got = parseImageRef(raw);
    expect(got).toEqual(expected === null ? null : { raw, ...expected });
  });

  it('canonicalName treats the Docker Hub spellings alike', () => {
    const names = ['node', 'library/node', 'docker.io/library/node:20', 'index.docker.io/library/node'].map((r) => canonicalName(parseImageRef(r)!));
    expect(new Set(names)).toEqual(new Set(['library/node']));
    expect(canonicalName(parseImageRef('ghcr.io/o/r:1')!)).toBe('ghcr.io/o/r');
  });
});

describe('stages', () => {
  const text = [
    'ARG GO=1.22',
    'FROM --platform=$BUILDPLATFORM golang:${GO} AS build',
    'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
    'RUN go build -o /out/app .',
    'FROM later',
    'FROM build AS test',
    'RUN go test ./...',
    'FROM scratch AS later',
    'COPY --from=build /out/app /app',
    'FROM BUILD',
    '',
  ].join('\n');
  const file = parseDockerfile(text);

  it('tell aliases, scratch and images apart', () => {
    expect(file.stages.map((s) => ({ name: s.name, kind: s.base.kind, platform: s.platform }))).toEqual([
      { name: 'build', kind: 'image', platform: '$BUILDPLATFORM' },
      // A name defined further down is an image reference, as BuildKit reads it.
      { name: null, kind: 'image', platform: null },
      { name: 'test', kind: 'stage', platform: null },
      { name: 'later', kind: 'scratch', platform: null },
      { name: null, kind: 'stage', platform: null },
    ]);
    expect(file.stages[2]!.base).toEqual({ kind: 'stage', stage: 0 });
    expect(file.stages[4]!.base).toEqual({ kind: 'stage', stage: 0 });
    expect(file.stages[0]!.base).toMatchObject({ kind: 'image', ref: { name: 'golang', tag: '${GO}', hasVariables: true } });
  });

  it('FROM --platform keeps the flag out of the image and the name', () => {
    const from = file.stages[0]!.from;
    expect(from.flags.map((f) => [f.name, f.value, at(text, f.span)])).toEqual([['platform', '$BUILDPLATFORM', '--platform=$BUILDPLATFORM']]);
    expect(at(text, from.argsSpan)).toBe('golang:${GO} AS build');
    expect(validate(file)).toBeNull();
  });

  it('a FROM that a build argument completes ships the stages its name can match, and a bare variable none', () => {
    const stages = 'FROM alpine AS build-amd64\nFROM alpine AS build-arm64\nFROM alpine AS tools\n';
    expect([...shippedStages(parseDockerfile(`${stages}FROM build-\${TARGETARCH}\n`))].sort()).toEqual([0, 1, 3]);
    expect([...shippedStages(parseDockerfile(`${stages}FROM \${BASE}\n`))]).toEqual([3]);
    expect([...shippedStages(parseDockerfile(`${stages}FROM \${BASE}-\${VARIANT}\n`))]).toEqual([3]);
    expect([...shippedStages(parseDockerfile(`${stages}FROM registry/build-\${TARGETARCH}\n`))]).toEqual([3]);
  });

  it('a variable in a FROM stands for one word: it holds no separator beside it that its default lacks', () => {
    const stages = 'FROM alpine AS fpm-ext-base\nFROM debian AS apache-ext-base\nFROM alpine AS fpm-base\nFROM debian AS apache-base\n';
    expect([...shippedStages(parseDockerfile(`ARG BASE=fpm\n${stages}FROM \${BASE}-base\n`))].sort()).toEqual([2, 3, 4]);
    expect([...shippedStages(parseDockerfile(`ARG BASE=fpm-ext\n${stages}FROM \${BASE}-base\n`))].sort()).toEqual([0, 1, 2, 3, 4]);
    expect([...shippedStages(parseDockerfile(`${stages}FROM \${BASE:-fpm-ext}-base\n`))].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('a last stage named for work or checks ships only when no other stage is published', () => {
    const text = 'FROM golang:1.22 AS build\nFROM debian:12-slim AS app\nFROM golang:1.22 AS lint\n';
    const f = parseDockerfile(text);
    expect([...shippedStages(f)].sort()).toEqual([2]);
    expect([...shippedStages(f, new Set(['app']))].sort()).toEqual([1]);
    expect([...shippedStages(f, new Set(['app', 'lint']))].sort()).toEqual([1, 2]);
    // A last stage named for no such work ships beside the published ones.
    const release = parseDockerfile(text.replace('AS lint', 'AS worker'));
    expect([...shippedStages(release, new Set(['app']))].sort()).toEqual([1, 2]);
    // `FROM app AS lint` checks app, which is the image.
    expect([...shippedStages(parseDockerfile('FROM debian:12-slim AS app\nFROM app AS lint\n'))]).toEqual([0]);
  });

  it('lineage, descendants, shipped stages and the shell follow FROM <stage>', () => {
    expect(stageLineage(file, file.stages[2]!).map((s) => s.index)).toEqual([2, 0]);
    expect(descendantStages(file, file.stages[0]!).map((s) => s.index)).toEqual([2, 4]);
    expect([...shippedStages(file)].sort()).toEqual([0, 4]);
    const testRun = file.stages[2]!.instructions[0]!;
    expect(shellAt(file, testRun).argv).toEqual(['/bin/bash', '-o', 'pipefail', '-c']);
    expect(shellAt(file, testRun).posix).toBe(true);
    const copy = file.stages[3]!.instructions[0]!;
    expect(shellAt(file, copy)).toEqual({ argv: ['/bin/sh', '-c'], posix: true, setAt: null });
  });

  it('a SHELL applies only to what follows it', () => {
    const f = parseDockerfile('FROM alpine\nRUN a\nSHELL ["pwsh", "-c"]\nRUN b\n');
    expect(shellAt(f, f.instructions[1]!).argv).toEqual(['/bin/sh', '-c']);
    expect(shellAt(f, f.instructions[3]!)).toMatchObject({ argv: ['pwsh', '-c'], posix: false });
  });

  it('Windows stages come from the image or the backtick escape', () => {
    const windows = parseDockerfile('FROM mcr.microsoft.com/windows/nanoserver:ltsc2022 AS w\nFROM w\n');
    expect(isWindowsStage(windows, windows.stages[1]!)).toBe(true);
    expect(shellAt(windows, windows.stages[1]!.from).argv).toEqual(['cmd', '/S', '/C']);
    const escaped = parseDockerfile('# escape=`\nFROM example/app\n');
    expect(isWindowsStage(escaped, escaped.stages[0]!)).toBe(true);
    const linux = parseDockerfile('FROM debian:12\n');
    expect(isWindowsStage(linux, linux.stages[0]!)).toBe(false);
  });

  it('Windows stages come from a Windows-only tag or repository, or a build argument\'s default', () => {
    const first = (text: string) => {
      const f = parseDockerfile(text);
      return isWindowsStage(f, f.stages[0]!);
    };
    expect(first('FROM golang:windowsservercore\n')).toBe(true);
    expect(first('FROM mcr.microsoft.com/powershell:nanoserver\n')).toBe(true);
    expect(first('FROM mcr.microsoft.com/dotnet/framework/sdk:4.8.1\n')).toBe(true);
    expect(first('FROM microsoft/iis\n')).toBe(true);
    expect(first('FROM stefanscherer/node-windows:10\n')).toBe(true);
    expect(first('FROM microsoft/mssql-server-windows-express\n')).toBe(true);
    expect(first('ARG core=mcr.microsoft.com/windows/servercore:ltsc2019\nFROM $core AS download\n')).toBe(true);
    expect(first('ARG node=node:10.19.0-windowsservercore\nFROM ${node}\n')).toBe(true);
    expect(first('FROM mcr.microsoft.com/dotnet/sdk:8.0\n')).toBe(false);
    expect(first('FROM ghcr.io/prometheus-community/windows-exporter:0.25.1\n')).toBe(false);
    expect(first('ARG BASE\nFROM $BASE\n')).toBe(false);
  });
});

describe('logicalText', () => {
  /** The whole map, one file offset per logical character and one for the end. */
  const offsets = (r: LogicalText) => Array.from({ length: r.text.length + 1 }, (_, i) => r.offsetOf(i));

  /** Every logical character must come from the byte its offset names. */
  function expectFaithful(source: string, escape = '\\') {
    const r = logicalText(source, 0, source.length, escape);
    expect([...r.text].map((ch, i) => source[r.offsetOf(i)] === ch).every(Boolean)).toBe(true);
    expect(r.offsetOf(r.text.length)).toBe(source.length);
    return { text: r.text, offsets: offsets(r) };
  }

  it('joins continuation lines and maps each character back', () => {
    const source = 'npm ci \\\n  && npm test';
    const r = expectFaithful(source);
    expect(r.text).toBe('npm ci   && npm test');
    expect(r.offsets.slice(6, 10)).toEqual([6, 9, 10, 11]);
  });

  it('drops comment and empty lines inside a continuation', () => {
    const source = 'apk add \\\n  # tools\n\n  curl \\\n\t# more\n  git';
    const r = expectFaithful(source);
    expect(r.text).toBe('apk add   curl   git');
    expect(source.slice(r.offsets[10]!, r.offsets[10]! + 4)).toBe('curl');
    expect(source.slice(r.offsets[17]!)).toBe('git');
  });

  it('handles CRLF and blanks after the escape', () => {
    const source = 'a \\  \r\n  b\r\n';
    const r = logicalText(source, 0, 'a \\  \r\n  b'.length, '\\');
    expect(r.text).toBe('a   b');
    expect(offsets(r)).toEqual([0, 1, 7, 8, 9, 10]);
  });

  it('uses the file escape character and keeps escaped characters', () => {
    expect(expectFaithful('x `\r\n  y', '`').text).toBe('x   y');
    expect(expectFaithful('C:\\dir \\\n  next', '`').text).toBe('C:\\dir \\\n  next');
    expect(expectFaithful('say \\"hi\\" \\\\ ok').text).toBe('say \\"hi\\" \\\\ ok');
  });

  it('continues after a doubled escape at a line end, as BuildKit does', () => {
    // BuildKit's continuation test is the regex `\\[ \t]*$`: the escape before it does not matter.
    expect(expectFaithful('echo done\\\\\nEXPOSE 80').text).toBe('echo done\\EXPOSE 80');
    expect(expectFaithful('say hi \\\\').text).toBe('say hi \\');
  });

  it('maps a sub-range of the file', () => {
    const source = 'FROM a\nRUN x \\\n  y\n';
    const file = parseDockerfile(source);
    const args = file.instructions[1]!.argsSpan!;
    const r = logicalText(source, args.start, args.end, file.escape);
    expect(r.text).toBe('x   y');
    expect(offsets(r)).toEqual([11, 12, 15, 16, 17, 18]);
  });
});

describe('validate', () => {
  it.each([
    ['an empty file', '', 1, 'file with no instructions'],
    ['blank lines only', '\n\n', 1, 'file with no instructions'],
    ['comments only', '# just a comment\n# and another\n', 1, 'file with no instructions'],
    ['ENV with no value', 'FROM alpine\nENV PATH\n', 2, 'ENV PATH has no value'],
    ['LABEL with no value', 'FROM alpine\nLABEL maintainer\n', 2, 'LABEL maintainer has no value'],
    ['CMD before FROM', 'CMD ["x"]\nFROM alpine\n', 1, 'CMD before the first FROM (only ARG may come first)'],
    ['an unknown instruction', 'FROM alpine\n\nFROBNICATE x\n', 3, 'unknown instruction: FROBNICATE'],
    ['a keyword followed by a no-break space', 'FROM alpine\nRUN\u00a0echo hi\n', 2, 'unknown instruction: RUN\u00a0echo (after RUN comes U+00A0, a no-break space Docker does not split words at: use a space)'],
    ['a template placeholder image', 'FROM php:%%X%%\n', 1, 'invalid image reference "php:%%X%%"'],
    ['FROM with extra words', 'FROM alpine AS a b\n', 1, 'FROM takes an image and optionally "AS name"'],
    ['ONBUILD FROM', 'FROM alpine\nONBUILD FROM debian\n', 2, "FROM isn't allowed as an ONBUILD trigger"],
    ['ONBUILD ONBUILD', 'FROM alpine\nONBUILD ONBUILD RUN x\n', 2, "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed"],
    // BuildKit's lexer fails on the quote left open and finds no heredoc: the lines after are instructions.
    ['a heredoc whose quotes do not pair', 'FROM alpine\nRUN <<"EOF""\nx\nEOF\n', 3, 'unknown instruction: x'],
  ])('rejects %s', (_, text, line, message) => {
    expect(validate(parseDockerfile(text))).toEqual({ line, message });
  });

  // What BuildKit (frontend/dockerfile/parser and instructions/parse.go) rejects, and dockshift used to accept.
  it.each([
    ['a stage name that starts with a digit', 'FROM alpine AS 1st\n', 1, 'invalid name for build stage: "1st", name can\'t start with a number or contain symbols'],
    ['a stage name with a symbol', 'FROM alpine AS build:1\n', 1, 'invalid name for build stage: "build:1", name can\'t start with a number or contain symbols'],
    ['ENV pairs with a word that is not one', 'FROM alpine\nENV A=1 B\n', 2, 'Syntax error - can\'t find = in "B". Must be of the form: name=value'],
    ['LABEL with a blank name', 'FROM alpine\nLABEL a=1 =2\n', 2, 'LABEL names can not be blank'],
    ['ARG with a blank name', 'FROM alpine\nARG =x\n', 2, 'ARG names can not be blank'],
    ['SHELL in shell form', 'FROM alpine\nSHELL /bin/bash -c\n', 2, 'SHELL requires the arguments to be in JSON form'],
    ['a JSON array of numbers', 'FROM alpine\nCMD ["sleep", 5]\n', 2, 'when using JSON array syntax, arrays must be comprised of strings only'],
    ['COPY with one argument', 'FROM alpine\nCOPY app\n', 2, 'COPY requires at least two arguments, but only one was provided. Destination could not be determined'],
    ['ADD in JSON form with one argument', 'FROM alpine\nADD ["app"]\n', 2, 'ADD requires at least two arguments, but only one was provided. Destination could not be determined'],
    ['an unknown flag', 'FROM alpine\nRUN --mount=type=cache,target=/c --cache=1 make\n', 2, 'unknown flag: --cache'],
    ['a flag on an instruction that takes none', 'FROM alpine\nCMD --help\n', 2, 'unknown flag: --help'],
    ['a flag without its value', 'FROM alpine AS b\nFROM alpine\nCOPY --from b /x /x\n', 3, 'missing a value on flag: --from'],
    ['a boolean flag with another value', 'FROM alpine\nCOPY --link=yes a /a\n', 2, 'expecting boolean value for flag --link, not: yes'],
    ['a repeated flag', 'FROM --platform=linux/amd64 --platform=linux/arm64 alpine\n', 1, 'duplicate flag specified: --platform'],
    ['HEALTHCHECK with nothing', 'FROM alpine\nHEALTHCHECK\n', 2, 'HEALTHCHECK requires at least one argument'],
    ['HEALTHCHECK NONE with arguments', 'FROM alpine\nHEALTHCHECK NONE x\n', 2, 'HEALTHCHECK NONE takes no arguments'],
    ['HEALTHCHECK of an unknown type', 'FROM alpine\nHEALTHCHECK RUN true\n', 2, 'Unknown type "RUN" in HEALTHCHECK (try CMD)'],
    ['HEALTHCHECK CMD without a command', 'FROM alpine\nHEALTHCHECK --interval=5s CMD\n', 2, 'Missing command after HEALTHCHECK CMD'],
    ['HEALTHCHECK with a bad duration', 'FROM alpine\nHEALTHCHECK --interval=5 CMD true\n', 2, 'time: invalid duration "5"'],
    ['HEALTHCHECK with a negative retry count', 'FROM alpine\nHEALTHCHECK --retries=-1 CMD true\n', 2, '--retries cannot be negative (-1)'],
    ['VOLUME of an empty path', 'FROM alpine\nVOLUME ["/data", " "]\n', 2, 'VOLUME specified can not be an empty string'],
    ['an escape directive that is neither \\ nor `', '# escape=|\nFROM alpine\n', 1, "invalid escape token '|' does not match ` or \\"],
    ['an escape directive given twice', '# escape=`\n# escape=\\\nFROM alpine\n', 2, 'only one escape parser directive can be used'],
    // Maven's resource filtering fills such names in; BuildKit reads `${docker` and an unknown modifier.
    ['a dotted name in FROM', 'FROM ${docker.base.image}\n', 1, 'failed to process "${docker.base.image}": unsupported modifier (.) in substitution'],
    ['a dotted name in COPY', 'FROM alpine\nCOPY ${pkg.name}.deb /tmp/\n', 2, 'failed to process "${pkg.name}": unsupported modifier (.) in substitution'],
    ['a dotted name in double quotes', 'FROM alpine\nENV JAR="${project.artifactId}.war"\n', 2, 'failed to process "${project.artifactId}": unsupported modifier (.) in substitution'],
    // BuildKit reads the rest of the file as the body and fails with "unterminated heredoc".
    ['a heredoc no line closes', 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\n', 2, 'unterminated heredoc: no line after it is EOF alone to close it'],
    ['a heredoc whose closing line has a blank after the name', 'FROM alpine\nCOPY <<EOF /etc/motd\nhello\nEOF \n', 2, 'unterminated heredoc: no line after it is EOF alone to close it (line 4 has EOF with blanks around it, which does not close it)'],
    ['the second of two heredocs left open', 'FROM alpine\nRUN cat <<A <<B\na\nA\nb\n', 2, 'unterminated heredoc: no line after it is B alone to close it'],
    // Since dockerfile 1.16 blanks may follow <<: a shift there opens a heredoc named 3.
    ['a shift read as a heredoc', 'FROM alpine\nRUN echo $(( 1 << 3 ))\n', 2, 'unterminated heredoc: no line after it is 3 alone to close it (BuildKit reads `<<` followed by blanks as a heredoc since dockerfile 1.16)'],
    // BuildKit reads heredocs in RUN, COPY and ADD only: the document's lines are instructions.
    ['a CMD with a heredoc', 'FROM alpine\nCMD cat <<EOF\nRUN echo hi\nEOF\n', 4, 'unknown instruction: EOF (the CMD on line 2 opens no heredoc, as only RUN, COPY and ADD do: the lines after its <<EOF are instructions)'],
    ['an ENTRYPOINT with a heredoc', 'FROM alpine\nENTRYPOINT sh <<-SCRIPT\n\texec nginx\n\tSCRIPT\n', 3, 'unknown instruction: exec (the ENTRYPOINT on line 2 opens no heredoc, as only RUN, COPY and ADD do: the lines after its <<SCRIPT are instructions)'],
    ['a RUN whose << does not start a word', 'FROM alpine\nRUN cat<<EOF >/etc/motd\nhello\nEOF\n', 3, 'unknown instruction: hello (the RUN on line 2 opens no heredoc: BuildKit reads << as one only at the start of a word, so the lines after its <<EOF are instructions)'],
    ['a COPY heredoc with a blank after <<', 'FROM alpine\nCOPY << EOF /etc/motd\nhello\nEOF\n', 2, 'COPY takes << and EOF for paths in the build context: BuildKit reads a heredoc source only as one word (<<EOF)'],
    ['an ONBUILD RUN heredoc left open', 'FROM alpine\nONBUILD RUN <<EOF\necho hi\n', 2, 'unterminated heredoc: no line after it is EOF alone to close it'],
  ])('rejects %s, as BuildKit does', (_, text, line, message) => {
    expect(validate(parseDockerfile(text))).toEqual({ line, message });
  });

  it('rejects an escape directive BuildKit ignores, which dockerfile-ast would read the file with', () => {
    // BuildKit's directives end at `#checkov:skip=…`, so it joins lines with \; dockerfile-ast takes the ` after it.
    expect(validate(parseDockerfile('#checkov:skip=CKV_DOCKER_2\n# escape=`\nFROM alpine\nRUN a `\n  b\n'))).toEqual({
      line: 2,
      message: 'an escape directive after a comment that ends the parser directives: BuildKit ignores it, and dockshift would read the file with it',
    });
    expect(validate(parseDockerfile('# escape=`\n#checkov:skip=CKV_DOCKER_2\nFROM alpine\n'))).toBeNull();
  });

  // What BuildKit accepts and dockshift used to reject.
  it.each([
    ['RUN with nothing to run', 'FROM alpine\nRUN\n'],
    ['CMD and ENTRYPOINT with nothing', 'FROM alpine\nENTRYPOINT\nCMD\n'],
    ['an ONBUILD trigger only the child build parses', 'FROM alpine\nONBUILD FROBNICATE x\n'],
    ['quoted image references', 'ARG BASE_IMAGE=node:20\nARG ALPINE_TAG=3.20\nFROM "$BASE_IMAGE" AS deps\nFROM alpine:"${ALPINE_TAG}"\nFROM "alpine:3.20"\n'],
    // A name with a colon is no directive: BuildKit's directives end there, so the second is a comment too.
    ['checkov:skip comments after the syntax directive', '# syntax=docker/dockerfile:1\n#checkov:skip=CKV_DOCKER_2\n#checkov:skip=CKV_DOCKER_3\nFROM alpine\n'],
    ['a directive repeated after a comment that ends the directives', '# escape=`\n# note=x\n# escape=\\\nFROM alpine\n'],
  ])('accepts %s, as BuildKit does', (_, text) => {
    expect(validate(parseDockerfile(text))).toBeNull();
  });

  it.each([
    ['ARG before FROM', 'ARG V=3.20\nFROM alpine:$V\n'],
    ['legacy ENV key value', 'FROM alpine\nENV PATH /usr/local/bin:$PATH\n'],
    ['HEALTHCHECK NONE', 'FROM alpine\nHEALTHCHECK NONE\n'],
    ['an image from a build argument', 'ARG IMAGE\nFROM ${IMAGE}\n'],
    ['a BOM, CRLF and no final newline', '\ufeffFROM alpine\r\nCMD ["sh"]'],
    ['lower-case keywords', 'from alpine\ncmd sh\n'],
    ['every flag BuildKit knows', 'FROM --platform=$BUILDPLATFORM alpine AS Build.Stage_1\nRUN --mount=type=cache,target=/c --mount=type=secret,id=s --network=none --security=sandbox make\nCOPY --from=build.stage_1 --chown=1:1 --chmod=755 --link --parents --exclude=*.md --exclude=*.txt a /b\nADD --checksum=sha256:abc --keep-git-dir=true --unpack=false --link=false https://x/y.tar /z\nHEALTHCHECK --interval=1m30s --timeout=500ms --start-period=0 --start-interval=1.5s --retries=3 CMD ["true"]\n'],
    ['a flag list ended by --', 'FROM alpine\nCMD -- --help\n'],
    ['ENV and LABEL pairs with quoted spaces', 'FROM alpine\nENV A="x y" B=\'p q\' C=a\\ b\nLABEL "org.label"="v 1" other=2\n'],
    ['COPY with a heredoc', 'FROM alpine\nCOPY <<EOF /etc/motd\nhello\nEOF\n'],
    // Where BuildKit sees no heredoc, though dockerfile-ast finds one it never closes.
    ['<< inside quotes, after an escape, in CMD and as a shift', 'FROM alpine\nRUN echo "a <<EOF"\nRUN echo \\<<EOF\nRUN echo $((1<<3))\nCMD cat <<EOF\n'],
    ['a <<- heredoc closed after tabs', 'FROM alpine\nRUN <<-EOF\n\techo hi\n\tEOF\n'],
    // BuildKit reads a heredoc's body as written: an escape at the end of a body line joins nothing.
    ['a heredoc body line that ends in an escaped character', 'FROM alpine\nRUN <<EOT\nfind /out -type f -exec gzip {} \\;\nEOT\nRUN echo done\n'],
    ['a heredoc body line that ends in the escape character', 'FROM alpine\nCOPY <<EOF /run.sh\nexec app \\\nEOF\nCMD ["sh", "/run.sh"]\n'],
    ['HEALTHCHECK NONE with flags it ignores', 'FROM alpine\nHEALTHCHECK --interval=5 NONE\n'],
    // Single quotes and the escape character keep BuildKit from expanding; a RUN's shell reads its own.
    ['a dotted name BuildKit does not expand', "FROM alpine\nENV A='${project.version}' B=\\${x.y}\nRUN echo ${a.b}\n"],
  ])('accepts %s', (_, text) => {
    expect(validate(parseDockerfile(text))).toBeNull();
  });
});

describe('LineIndex and textFacts', () => {
  it('maps offsets to lines and back with LF', () => {
    const text = 'FROM a\n  RUN b\n\nCMD c';
    const lines = new LineIndex(text);
    expect(lines.lineCount).toBe(4);
    expect([0, 6, 7, 14, 15, 16, 20, 21].map((o) => lines.lineOf(o))).toEqual([1, 1, 2, 2, 3, 4, 4, 4]);
    expect([1, 2, 3, 4].map((l) => [lines.startOf(l), lines.endOf(l)])).toEqual([
      [0, 6],
      [7, 14],
      [15, 15],
      [16, 21],
    ]);
    expect(lines.startOf(0)).toBe(0);
    expect(lines.startOf(99)).toBe(16);
    expect(lines.indentOf(10)).toBe('  ');
    expect(lines.indentOf(0)).toBe('');
  });

  it('ends lines before CR with CRLF', () => {
    const text = 'FROM a\r\n\tRUN b\r\n';
    const lines = new LineIndex(text);
    expect(lines.lineCount).toBe(3);
    expect([1, 2, 3].map((l) => text.slice(lines.startOf(l), lines.endOf(l)))).toEqual(['FROM a', '\tRUN b', '']);
    expect(lines.lineOf(7)).toBe(1);
    expect(lines.lineOf(8)).toBe(2);
    expect(lines.indentOf(9)).toBe('\t');
  });

  it('textFacts reads BOM, dominant line ending and final newline', () => {
    expect(textFacts('\ufeffFROM a\r\nRUN b\r\nCMD c\n')).toEqual({ bom: true, eol: '\r\n', finalNewline: true });
    expect(textFacts('FROM a\nRUN b\r\nCMD c')).toEqual({ bom: false, eol: '\n', finalNewline: false });
    expect(textFacts('')).toEqual({ bom: false, eol: '\n', finalNewline: false });
  });
});

describe('arguments through comment lines', () => {
  it('run to the end of the instruction when a comment line inside holds the escape character', () => {
    const text = 'FROM a\nRUN apt-get update && \\\n    # strip the \\r from files\n    apt-get install -y foo\nCMD x\n';
    const run = parseDockerfile(text).instructions[1]!;
    expect(text.slice(run.argsSpan!.start, run.argsSpan!.end)).toBe('apt-get update && \\\n    # strip the \\r from files\n    apt-get install -y foo');
    expect(text.slice(run.span.start, run.span.end)).toBe(`RUN ${text.slice(run.argsSpan!.start, run.argsSpan!.end)}`);
  });

  it('start at the first argument when comment lines holding the escape character come before it', () => {
    const text = 'FROM a\nRUN --network=none \\\n    # strip the \\r\n\n  # and more \\\r\n    chmod +x /s.sh \\\n    # trailing \\\n    && true\nCMD x\n';
    const run = parseDockerfile(text).instructions[1]!;
    expect(text.slice(run.argsSpan!.start, run.argsSpan!.end)).toBe('chmod +x /s.sh \\\n    # trailing \\\n    && true');
    expect(logicalText(text, run.argsSpan!.start, run.argsSpan!.end, '\\').text).toBe('chmod +x /s.sh     && true');
  });
});

describe('an instruction ending in a continuation', () => {
  it('loses the escape in its logical text whether or not a line ending follows', () => {
    for (const text of ['FROM a\nRUN mkdir x \\', 'FROM a\nRUN mkdir x \\\n', 'FROM a\nRUN mkdir x \\\n\n# done\n']) {
      const run = parseDockerfile(text).instructions[1]!;
      expect(logicalText(text, run.argsSpan!.start, run.argsSpan!.end, '\\').text, JSON.stringify(text)).toBe('mkdir x ');
    }
  });

  it('keeps an escape that ends a sub-range in the middle of a line', () => {
    const text = "printf 'a\\nb'";
    expect(logicalText(text, 0, text.indexOf('\\') + 1, '\\').text).toBe("printf 'a\\");
  });
});
