import { describe, expect, it } from 'vitest';
import { readInstall } from '../../src/shell/files.js';
import { parseScript } from '../../src/shell/parse.js';

/** How `install` reads the arguments of the first command of `script`: sources, destination and its kind, or the folders of -d. */
function install(script: string) {
  const parsed = parseScript(script);
  if (!parsed.ok) throw new Error(parsed.message);
  const args = readInstall(parsed.commands[0]!.words.slice(1));
  if (args.directories) return { folders: args.positionals.map((w) => w.value) };
  return { sources: args.sources.map((w) => w.value), dest: args.dest === null ? null : args.dest.value, kind: args.destKind };
}

describe('readInstall', () => {
  it.each([
    ['install -s -m755 /build/src/mosquitto /usr/sbin/mosquitto', { sources: ['/build/src/mosquitto'], dest: '/usr/sbin/mosquitto', kind: 'either' }],
    ['install -sm 0755 -o root -g root app /usr/local/bin/app', { sources: ['app'], dest: '/usr/local/bin/app', kind: 'either' }],
    ['install --mode=755 --owner root --group=root app /usr/local/bin', { sources: ['app'], dest: '/usr/local/bin', kind: 'either' }],
    ['install -Dm644 LICENSE /usr/share/licenses/app/LICENSE', { sources: ['LICENSE'], dest: '/usr/share/licenses/app/LICENSE', kind: 'file' }],
    ['install -D -t /usr/local/bin build/a build/b', { sources: ['build/a', 'build/b'], dest: '/usr/local/bin', kind: 'folder' }],
    ['install -t/usr/local/bin app', { sources: ['app'], dest: '/usr/local/bin', kind: 'folder' }],
    ['install --target-directory=/opt/bin -c -p -v a', { sources: ['a'], dest: '/opt/bin', kind: 'folder' }],
    ['install -m 755 a b /usr/local/bin', { sources: ['a', 'b'], dest: '/usr/local/bin', kind: 'folder' }],
    ['install app /usr/local/bin/', { sources: ['app'], dest: '/usr/local/bin/', kind: 'folder' }],
    ['install -T app /usr/local/bin/app', { sources: ['app'], dest: '/usr/local/bin/app', kind: 'file' }],
    ['install -S .orig -b app /usr/local/bin/app', { sources: ['app'], dest: '/usr/local/bin/app', kind: 'either' }],
    ['install --strip-program llvm-strip -s app /usr/local/bin/app', { sources: ['app'], dest: '/usr/local/bin/app', kind: 'either' }],
    ['install -m755 "$OUT/app" "$BIN"', { sources: [null], dest: null, kind: 'either' }],
    ['install -m755 app', { sources: ['app'], dest: null, kind: 'either' }],
  ])('%s', (script, expected) => {
    expect(install(script)).toEqual(expected);
  });

  it('reads -d (alone or in a bundle) as folders to make, copying nothing', () => {
    expect(install('install -d /usr/sbin/')).toEqual({ folders: ['/usr/sbin/'] });
    expect(install('install -dm 0750 -o app /var/lib/app /var/log/app')).toEqual({ folders: ['/var/lib/app', '/var/log/app'] });
  });
});
