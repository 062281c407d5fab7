import { describe, expect, it } from 'vitest';
import { grammar, splitArgs } from '../../src/shell/argv.js';
import { parseScript } from '../../src/shell/parse.js';

/** Options (name=value) and positionals of a command's arguments after its first `skip` words. */
function split(script: string, g: ReturnType<typeof grammar>, skip: number) {
  const parsed = parseScript(script);
  if (!parsed.ok) throw new Error(parsed.message);
  const { options, positionals } = splitArgs(parsed.commands[0]!.words.slice(skip), g);
  return { options: options.map((o) => [o.name, o.value]), positionals: positionals.map((p) => p.value ?? p.raw) };
}

describe('splitArgs', () => {
  const GO = grammar(['-o', '-tags', '-ldflags'], false);

  it('reads Go flags as whole names, with a value in the next word or after =', () => {
    expect(split('go build -tags netgo -ldflags "-s -w" -o=/bin/app ./cmd/app', GO, 2)).toEqual({
      options: [['-tags', 'netgo'], ['-ldflags', '-s -w'], ['-o', '/bin/app']],
      positionals: ['./cmd/app'],
    });
  });

  it('keeps a variable inside an option value from hiding the literal packages', () => {
    expect(split('go build -ldflags "-X main.version=$VERSION" -o /bin/app ./cmd/app', GO, 2)).toEqual({
      options: [['-ldflags', null], ['-o', '/bin/app']],
      positionals: ['./cmd/app'],
    });
    expect(split('go build -ldflags="-X main.commit=$(git rev-parse HEAD)" -o /bin/app .', GO, 2)).toEqual({
      options: [['-ldflags', null], ['-o', '/bin/app']],
      positionals: ['.'],
    });
  });

  it('gives a list option every word up to the next option', () => {
    const BUNDLE = grammar(['--jobs'], false, [], ['--without']);
    expect(split('bundle install --without development test --jobs 4 extra', BUNDLE, 2)).toEqual({
      options: [['--without', 'development'], ['--jobs', '4']],
      positionals: ['extra'],
    });
    expect(split('bundle install --without', BUNDLE, 2)).toEqual({ options: [['--without', null]], positionals: [] });
  });

  it('still counts a variable operand as a positional', () => {
    expect(split('go build -o /bin/app "$PKG"', GO, 2).positionals).toEqual(['"$PKG"']);
  });

  it('reads --name=$X as that option in getopt grammars too', () => {
    expect(split('apt-get install --target-release=$REL -y curl', grammar(['-t', '--target-release'], true), 2)).toEqual({
      options: [['--target-release', null], ['-y', null]],
      positionals: ['curl'],
    });
  });
});
