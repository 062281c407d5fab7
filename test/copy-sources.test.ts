import { describe, expect, it } from 'vitest';
import { contextRelative, copyArguments, literalTail, matchInContext, namesFolder, sourceKind } from '../src/dockerfile/copySources.js';
import { parseDockerfile } from '../src/dockerfile/parse.js';
import { memoryBuildContext } from '../src/engine/context.js';

/** The sources and destination of the last instruction of `text`. */
function args(text: string) {
  const file = parseDockerfile(text);
  const inst = file.instructions.at(-1)!;
  const a = copyArguments(file, inst);
  return a === null ? null : { sources: a.sources.map((s) => (s.heredoc ? `heredoc ${s.raw}` : s.value)), dest: a.dest };
}

describe('copyArguments: ADD and COPY words as BuildKit reads them', () => {
  it('splits shell form at blanks, removes quotes, and takes the last word as the destination', () => {
    // Quotes do not hold words together in shell form: `"b c"` is two sources.
    expect(args('FROM a\nADD\t./a.conf  "b c" /etc/\n')).toEqual({ sources: ['./a.conf', 'b', 'c'], dest: '/etc/' });
    expect(args('FROM a\nADD --chown=1:1 x \\\n    y /dst\n')).toEqual({ sources: ['x', 'y'], dest: '/dst' });
    expect(args('FROM a\nADD only\n')).toBeNull();
  });

  it('reads exec form as JSON, then through the lexer', () => {
    expect(args('FROM a\nADD [ "test file", "/tmp/test file" ]\n')).toEqual({ sources: ['test file'], dest: '/tmp/test file' });
  });

  it('marks heredoc sources and reads only the instruction line', () => {
    expect(args('FROM a\nADD <<EOF run.sh /opt/\necho hi\nEOF\n')).toEqual({ sources: ['heredoc <<EOF', 'run.sh'], dest: '/opt/' });
  });

  it('expands only ENV set to a literal: an ARG, an ENV built from one, or an unknown name stays unknown', () => {
    const text = (line: string) => `FROM a\nARG V=1\nENV DIR=conf FROM_ARG=x-$V\n${line}\n`;
    expect(args(text('ADD $DIR/a ${DIR}/b /x/'))!.sources).toEqual(['conf/a', 'conf/b']);
    expect(args(text('ADD $V/a /x/'))!.sources).toEqual([null]);
    expect(args(text('ADD $FROM_ARG /x/'))!.sources).toEqual([null]);
    expect(args(text('ADD $HOME/a /x/'))!.sources).toEqual([null]);
    expect(args(text('ADD \\$DIR /x/'))!.sources).toEqual(['$DIR']);
  });

  it('keeps what is certain about a source with unknown variables', () => {
    const file = parseDockerfile('FROM a\nARG T\nADD https://example.com/$T/x.tgz /x/\n');
    expect(copyArguments(file, file.instructions[2]!)!.sources[0]!.shape).toBe('https://example.com//x.tgz');
  });
});

describe('sourceKind: what ADD fetches, clones or copies', () => {
  it.each([
    ['https://github.com/krallin/tini/releases/download/v0.19.0/tini', 'url'],
    ['HTTP://example.com/x', 'url'],
    ['https://github.com/moby/buildkit.git#v0.13.0', 'git'],
    ['https://github.com/moby/buildkit.git', 'git'],
    ['git@github.com:moby/buildkit.git', 'git'],
    ['git://example.com/repo', 'git'],
    ['ssh://git@example.com/repo', 'git'],
    ['ftp://example.com/x', 'git'],
    ['host:path', 'git'],
    ['./host:path', 'local'],
    ['github.com/moby/buildkit', 'local'],
    ['conf/nginx.conf', 'local'],
    ['/abs/path', 'local'],
  ])('%s is %s', (value, kind) => {
    expect(sourceKind(value)).toBe(kind);
  });
});

describe('paths in the build context', () => {
  it('knows folder-only spellings and where a source sits in the context', () => {
    expect(['.', './', 'src/', 'src/.', '/'].map(namesFolder)).toEqual([true, true, true, true, true]);
    expect(['src', './a', 'a.txt'].map(namesFolder)).toEqual([false, false, false]);
    expect(['/etc/x', '../x', '.', './a/', 'a/../../b'].map(contextRelative)).toEqual(['etc/x', 'x', '.', 'a', 'b']);
  });

  it('matches wildcards element by element, leading dots included, leaving out ignored files', () => {
    const ctx = memoryBuildContext({
      'Cargo.toml': '',
      'Cargo.lock': '',
      '.env': '',
      'src/a/index.js': '',
      'src/b/index.js': '',
      'src/b/old.tar': '',
      'data[1].csv': '',
      '.dockerignore': 'src/b/*.tar\n',
    });
    expect(matchInContext(ctx, 'Cargo.*')).toEqual(['Cargo.lock', 'Cargo.toml']);
    expect(matchInContext(ctx, './src/*/index.js')).toEqual(['src/a/index.js', 'src/b/index.js']);
    expect(matchInContext(ctx, 'src/*/*.tar')).toEqual([]);
    expect(matchInContext(ctx, '*env')).toEqual(['.env']);
    expect(matchInContext(ctx, '[A-C]argo.to?l')).toEqual(['Cargo.toml']);
    expect(matchInContext(ctx, '[^C]*.csv')).toEqual(['data[1].csv']);
    expect(matchInContext(ctx, 'data\\[1].csv')).toEqual(['data[1].csv']);
    expect(matchInContext(ctx, 'nothing*')).toEqual([]);
    expect(matchInContext(ctx, '[abc')).toBeNull();
    expect(matchInContext(ctx, '[z-a]*')).toBeNull();
  });

  it('finds the literal end every match of a pattern shares', () => {
    expect(['Cargo.*', '*.sh', 'a[0-9].txt', 'x/*/config.json', 'conf/', 'a\\*b', '*'].map(literalTail)).toEqual([
      '', '.sh', '.txt', 'config.json', 'conf', 'a*b', '',
    ]);
  });
});
