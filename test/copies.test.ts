/** COPY/ADD sources and destinations, image paths and WORKDIRs, as deps-first and dockerignore read them. */
import { describe, expect, it } from 'vitest';
import { contextSource, copyArgs, isWholeContext, sendsEveryEntry, sourcePattern } from '../src/dockerfile/copies.js';
import { moveAfter } from '../src/dockerfile/edit.js';
import { parseDockerfile } from '../src/dockerfile/parse.js';
import { pathBelow, resolveIn, workdirAt } from '../src/dockerfile/workdir.js';
import { applyEdits } from '../src/engine/edits.js';
import { mounts, mountTypes } from '../src/shell/mounts.js';

const at = (text: string, line: number) => {
  const file = parseDockerfile(text);
  return { file, inst: file.instructions.find((i) => i.line === line)! };
};

describe('copyArgs', () => {
  it('reads sources and destination in shell and JSON form, expanding variables', () => {
    const { file, inst } = at('FROM a\nENV APP=/srv/app\nCOPY --chown=1:1 ./src "$APP/" \n', 3);
    const copy = copyArgs(file, inst)!;
    expect(copy.from).toBeNull();
    expect(copy.sources).toEqual([{ raw: './src', value: './src' }]);
    expect(copy.dest).toEqual({ raw: '"$APP/"', value: '/srv/app/' });
    const json = at('FROM a\nCOPY ["package.json", "yarn.lock", "./"]\n', 2);
    expect(copyArgs(json.file, json.inst)!.sources.map((s) => s.value)).toEqual(['package.json', 'yarn.lock']);
  });

  it('reads the files heredocs write, in order among the sources', () => {
    const two = at('FROM a\nCOPY <<a.sh conf.txt <<-"b.sh" /app/\necho $A\na.sh\n\t#!/bin/sh\n\techo b\n\tb.sh\nCMD x\n', 2);
    expect(copyArgs(two.file, two.inst)!.inline).toEqual([
      // Unquoted: BuildKit expands `$A` when it builds.
      { name: 'a.sh', text: null, after: 0 },
      { name: 'b.sh', text: '#!/bin/sh\necho b\n', after: 1 },
    ]);
    const plain = at('FROM a\r\nCOPY <<EOF /etc/motd\r\nhello\r\nEOF\r\n', 2);
    expect(copyArgs(plain.file, plain.inst)!.inline).toEqual([{ name: 'EOF', text: 'hello\n', after: 0 }]);
    const none = at('FROM a\nCOPY a b /c/\n', 2);
    expect(copyArgs(none.file, none.inst)!.inline).toEqual([]);
    // A file descriptor's digits before << still make a heredoc source, not a path.
    const fd = at('FROM a\nCOPY 3<<EOF /etc/motd\nhello\nEOF\n', 2);
    expect(copyArgs(fd.file, fd.inst)!.sources).toEqual([]);
    expect(copyArgs(fd.file, fd.inst)!.inline).toEqual([{ name: 'EOF', text: 'hello\n', after: 0 }]);
    // Quotes within the delimiter quote it as well (no expansion); an escape does not (BuildKit counts quotes).
    const inner = at('FROM a\nCOPY <<E"O"F <<\\RC /etc/motd\nhello $USER\nEOF\nhi $USER\nRC\n', 2);
    expect(copyArgs(inner.file, inner.inst)!.inline).toEqual([
      { name: 'EOF', text: 'hello $USER\n', after: 0 },
      { name: 'RC', text: null, after: 0 },
    ]);
  });

  it('knows a copy from a stage, heredoc sources and build-time values', () => {
    const stage = at('FROM a AS b\nFROM a\nCOPY --from=b /out /out\n', 3);
    expect(copyArgs(stage.file, stage.inst)!.from).toBe('b');
    const heredoc = at('FROM a\nCOPY <<EOF /etc/motd\nhi\nEOF\n', 2);
    expect(copyArgs(heredoc.file, heredoc.inst)!.sources).toEqual([]);
    const arg = at('FROM a\nARG DIR\nCOPY $DIR /app\n', 3);
    expect(copyArgs(arg.file, arg.inst)!.sources[0]!.value).toBeNull();
    // A name the Dockerfile does not set may be the base image's (php's PHP_INI_DIR): unknown, not empty.
    const inherited = at('FROM php:8.3-apache\nCOPY php.ini $PHP_INI_DIR/conf.d/\n', 2);
    expect(copyArgs(inherited.file, inherited.inst)!.dest).toEqual({ raw: '$PHP_INI_DIR/conf.d/', value: null });
    const run = at('FROM a\nRUN x\n', 2);
    expect(copyArgs(run.file, run.inst)).toBeNull();
  });

  it('tells the whole context from paths and patterns', () => {
    const word = (value: string) => ({ raw: value, value });
    expect(['.', './', '/', './.'].map((v) => isWholeContext(word(v)))).toEqual([true, true, true, true]);
    expect(['*', './*', 'src', '*.json'].map((v) => sendsEveryEntry(word(v)))).toEqual([true, true, false, false]);
    expect(['./src/', '/etc/app.conf', 'a/../b', 'https://x/y.tgz'].map((v) => contextSource(word(v)))).toEqual(['src', 'etc/app.conf', 'b', null]);
  });

  it('matches source patterns as Go filepath.Match does', () => {
    const re = sourcePattern('package*.json');
    expect(['package.json', 'package-lock.json', 'sub/package.json'].map((p) => re.test(p))).toEqual([true, true, false]);
    expect(['a.txt', 'b.txt', 'ab.txt'].map((p) => sourcePattern('[!b].txt').test(p))).toEqual([true, false, false]);
    expect(sourcePattern('src/?.go').test('src/a.go')).toBe(true);
  });
});

describe('image paths', () => {
  it('follows WORKDIRs through the stages a stage builds on', () => {
    const text = 'FROM node AS base\nWORKDIR /usr/src\nWORKDIR app\nFROM base\nRUN npm ci\nFROM scratch\nCOPY x y\nFROM node\nRUN x\n';
    expect(workdirAt(at(text, 5).file, at(text, 5).inst)).toEqual({ base: 'root', path: '/usr/src/app' });
    expect(workdirAt(at(text, 7).file, at(text, 7).inst)).toEqual({ base: 'root', path: '/' });
    expect(workdirAt(at(text, 9).file, at(text, 9).inst)).toEqual({ base: 'image', path: '.' });
  });

  it('resolves destinations and says what lies below what', () => {
    const app = { base: 'root' as const, path: '/app' };
    expect(resolveIn(app, '.')).toEqual(app);
    expect(resolveIn(app, './src/')).toEqual({ base: 'root', path: '/app/src' });
    expect(resolveIn(app, '$HOME/x')).toEqual({ base: 'root', path: '$HOME/x' });
    expect(pathBelow(app, { base: 'root', path: '/app/web' })).toBe('web');
    expect(pathBelow(app, app)).toBe('.');
    expect(pathBelow(app, { base: 'root', path: '/srv' })).toBeNull();
    expect(pathBelow(app, { base: 'image', path: 'app' })).toBeNull();
  });
});

describe('moveAfter', () => {
  it('moves an instruction with its comments after a later one', () => {
    const text = 'FROM a\n# the sources\nCOPY . .\nRUN npm ci\nCMD x\n';
    const { file, inst } = at(text, 3);
    const edits = moveAfter(file, inst, file.instructions.find((i) => i.line === 4)!)!;
    expect(applyEdits(text, [...edits].sort((a, b) => a.start - b.start))).toBe('FROM a\nRUN npm ci\n# the sources\nCOPY . .\nCMD x\n');
  });

  it('moves after the last line of a file without a final newline, in its line ending', () => {
    const text = 'FROM a\r\nCOPY . .\r\nRUN npm ci';
    const { file, inst } = at(text, 2);
    const edits = moveAfter(file, inst, file.instructions.at(-1)!)!;
    expect(applyEdits(text, [...edits].sort((a, b) => a.start - b.start))).toBe('FROM a\r\nRUN npm ci\r\nCOPY . .');
  });

  it('refuses an anchor before the instruction', () => {
    const { file, inst } = at('FROM a\nRUN x\nCOPY . .\nCMD y\n', 3);
    expect(moveAfter(file, inst, file.instructions[1]!)).toBeNull();
  });
});

describe('mounts', () => {
  it('reads a bind mount’s source and the stage it comes from', () => {
    const { inst } = at('FROM a\nRUN --mount=type=bind,source=go.mod,target=go.mod --mount=type=bind,from=deps,src=/out,target=/in x\n', 2);
    expect(mounts(inst).map((m) => [m.type, m.source, m.from])).toEqual([
      ['bind', 'go.mod', null],
      ['bind', '/out', 'deps'],
    ]);
  });

  it('gives the type of every mount, ssh and secret mounts without a target too', () => {
    const { inst } = at('FROM a\nRUN --mount=type=ssh --mount=type=secret,id=npmrc --mount=target=/x,type=cache --mount=source=a,target=/a x\n', 2);
    expect(mountTypes(inst)).toEqual(['ssh', 'secret', 'cache', 'bind']);
  });
});
