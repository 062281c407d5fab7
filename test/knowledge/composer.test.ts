import { describe, expect, it } from 'vitest';
import { composerConfigCacheDirs } from '../../src/knowledge/composer.js';

const env = (vars: Record<string, string | null>) => (name: string) => (name in vars ? vars[name] : undefined);

describe('composerConfigCacheDirs', () => {
  it('is null when composer.json moves no cache', () => {
    expect(composerConfigCacheDirs({ 'vendor-dir': 'lib' }, env({}), '/root', '/app')).toBeNull();
    // COMPOSER_CACHE_DIR wins over the file's cache-dir.
    expect(composerConfigCacheDirs({ 'cache-dir': '.cache' }, env({ COMPOSER_CACHE_DIR: '/tmp/c' }), '/root', '/app')).toBeNull();
  });

  it("reads a relative folder from the project's folder, ~ from the home, {$home} from COMPOSER_HOME", () => {
    expect(composerConfigCacheDirs({ 'cache-dir': '.composer-cache/' }, env({}), '/root', '/app')).toEqual({ folders: [{ dir: '/app/.composer-cache', key: 'cache-dir' }], rest: false });
    expect(composerConfigCacheDirs({ 'cache-dir': '~/cc' }, env({}), '/home/app', '/app')).toEqual({ folders: [{ dir: '/home/app/cc', key: 'cache-dir' }], rest: false });
    expect(composerConfigCacheDirs({ 'cache-dir': '{$home}/c2' }, env({ COMPOSER_HOME: '/tmp' }), '/root', '/app')).toEqual({ folders: [{ dir: '/tmp/c2', key: 'cache-dir' }], rest: false });
    expect(composerConfigCacheDirs({ 'cache-dir': '$CACHES/composer' }, env({ CACHES: '/var/cache' }), '/root', '/app')).toEqual({ folders: [{ dir: '/var/cache/composer', key: 'cache-dir' }], rest: false });
  });

  it('keeps a cache the file moves out of the cache-dir apart, and says when others stay in Composer\'s own folder', () => {
    expect(composerConfigCacheDirs({ 'cache-dir': '/c', 'cache-files-dir': '/files' }, env({}), '/root', '/app')).toEqual({
      folders: [{ dir: '/c', key: 'cache-dir' }, { dir: '/files', key: 'cache-files-dir' }],
      rest: false,
    });
    expect(composerConfigCacheDirs({ 'cache-files-dir': 'var/zips' }, env({}), '/root', '/app')).toEqual({ folders: [{ dir: '/app/var/zips', key: 'cache-files-dir' }], rest: true });
    expect(composerConfigCacheDirs({ 'cache-files-dir': '{$cache-dir}/zips' }, env({ COMPOSER_HOME: '/tmp' }), '/root', '/app')).toEqual({ folders: [{ dir: '/tmp/cache/zips', key: 'cache-files-dir' }], rest: true });
  });

  it('says why a folder it moves is not known', () => {
    expect(composerConfigCacheDirs({ 'cache-dir': '{$home}/cache' }, env({}), '/root', '/app')).toEqual({ unknown: expect.stringMatching(/^cache-dir is "\{\$home\}\/cache": \{\$home\} is Composer's home/) });
    expect(composerConfigCacheDirs({ 'cache-dir': '$X/c' }, env({ X: null }), '/root', '/app')).toEqual({ unknown: 'cache-dir is "$X/c", and $X is only known at build time' });
    expect(composerConfigCacheDirs({ 'cache-dir': 'c' }, env({}), '/root', null)).toEqual({ unknown: 'cache-dir is "c", relative to the project\'s folder, which is not known' });
    expect(composerConfigCacheDirs({ 'cache-files-dir': '{$cache-dir}/zips' }, env({}), '/root', '/app')).toEqual({ unknown: expect.stringContaining("{$cache-dir} is Composer's own cache folder") });
  });
});
