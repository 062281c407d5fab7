import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ARCHIVE_HEAD_BYTES, archiveSuffix, compressionOf, isTarHeader, readArchive, tailMayBeArchive } from '../src/dockerfile/archive.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '__testfixtures__', 'add-to-copy');
const fixture = (rel: string) => fs.readFileSync(path.join(FIXTURES, rel));
const verdict = (bytes: Uint8Array) => readArchive(bytes.subarray(0, ARCHIVE_HEAD_BYTES), bytes.length < ARCHIVE_HEAD_BYTES);

/** A ustar header for one file, its checksum computed as tar does. */
function tarHeader(name: string, fill = 0): Buffer {
  const h = Buffer.alloc(512, 0);
  h.write(name, 0, 'latin1');
  h.write('0000644\0', 100, 'latin1');
  h.write('00000000000\0', 124, 'latin1');
  h.write('ustar\0' + '00', 257, 'latin1');
  if (fill !== 0) h.fill(fill, 345, 500);
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
  return h;
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('readArchive: what BuildKit ADD extracts, read from the content', () => {
  it('finds tar archives made by tar, plain and gzip-compressed, whatever their names', () => {
    expect(verdict(fixture('refuse-archive.context/rootfs'))).toEqual({ kind: 'tar', compression: null });
    expect(verdict(fixture('refuse-archive.context/s6-overlay-amd64.tar.gz'))).toEqual({ kind: 'tar', compression: 'gzip' });
    expect(verdict(fixture('wildcard-in-context.context/scripts/backup.tar.gz'))).toEqual({ kind: 'tar', compression: 'gzip' });
  });

  it('copies a gzip file that holds no tar, and text, as they are', () => {
    expect(verdict(fixture('context-files.context/ip-ranges.json.gz'))).toEqual({ kind: 'plain' });
    expect(verdict(fixture('context-files.context/docker-entrypoint'))).toEqual({ kind: 'plain' });
    expect(verdict(fixture('context-files.context/lib/app.jar'))).toEqual({ kind: 'plain' });
    expect(verdict(Buffer.from('x'.repeat(5000)))).toEqual({ kind: 'plain' });
  });

  it('cannot look inside bzip2, xz and zstd streams, so calls them compressed', () => {
    expect(verdict(fixture('refuse-archive.context/assets.bundle'))).toEqual({ kind: 'compressed', compression: 'xz' });
    expect(compressionOf(Buffer.from('BZh91AY&SY'))).toBe('bzip2');
    expect(compressionOf(Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0, 0]))).toBe('zstd');
    expect(compressionOf(Buffer.from([0x5e, 0x2a, 0x4d, 0x18, 4, 0, 0, 0]))).toBe('zstd');
    expect(compressionOf(Buffer.from([0x5e, 0x2a, 0x4d, 0x18]))).toBeNull();
    // gzip is 1f 8b with method 8 (deflate); other methods are not decompressed.
    expect(compressionOf(Buffer.from([0x1f, 0x8b, 0x07]))).toBeNull();
  });

  it('reads real files made by the system tools, when they are there', () => {
    const tools = ['bzip2', 'zstd'].filter((t) => spawnSync(t, ['--version']).status === 0);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockshift-archive-'));
    dirs.push(dir);
    const tar = tarHeader('etc/hostname');
    for (const tool of tools) {
      const out = spawnSync(tool, ['-c'], { input: Buffer.concat([tar, Buffer.alloc(1536)]) });
      expect(verdict(out.stdout)).toEqual({ kind: 'compressed', compression: tool === 'bzip2' ? 'bzip2' : 'zstd' });
    }
  });

  it('treats a short file, an empty block and a bad checksum as no archive, as Go archive/tar does', () => {
    expect(verdict(tarHeader('a').subarray(0, 511))).toEqual({ kind: 'plain' });
    expect(verdict(Buffer.alloc(1024))).toEqual({ kind: 'plain' });
    const bad = tarHeader('a');
    bad[0] = 0x62;
    expect(isTarHeader(bad)).toBe(false);
    const notOctal = tarHeader('a');
    notOctal.write('00009\0 ', 148, 'latin1');
    expect(isTarHeader(notOctal)).toBe(false);
    expect(isTarHeader(tarHeader('a'))).toBe(true);
  });

  it('accepts a checksum counted over signed bytes, as old tar implementations wrote it', () => {
    const h = tarHeader('a', 0xff);
    let signed = 0;
    for (let i = 0; i < 512; i++) signed += i >= 148 && i < 156 ? 0x20 : h[i]! < 0x80 ? h[i]! : h[i]! - 0x100;
    expect(signed).toBeGreaterThan(0);
    h.write(signed.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
    expect(isTarHeader(h)).toBe(true);
    h.write((signed + 1).toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
    expect(isTarHeader(h)).toBe(false);
  });

  it('inflates only as far as the bytes read allow: a stream cut short says compressed, a whole one decides', () => {
    // Incompressible bytes after the header, so the stream is far longer than what is read.
    let seed = 1;
    const noise = Buffer.alloc(200_000).map(() => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    const big = zlib.gzipSync(Buffer.concat([tarHeader('a'), noise]));
    expect(big.length).toBeGreaterThan(ARCHIVE_HEAD_BYTES);
    expect(verdict(big)).toEqual({ kind: 'tar', compression: 'gzip' });
    const cut = big.subarray(0, 12);
    expect(readArchive(cut, false)).toEqual({ kind: 'compressed', compression: 'gzip' });
    expect(readArchive(cut, true)).toEqual({ kind: 'plain' });
    const corrupt = Buffer.from(big.subarray(0, 64));
    corrupt.fill(0xff, 10, 64);
    expect(readArchive(corrupt, false)).toEqual({ kind: 'compressed', compression: 'gzip' });
  });
});

describe('archive names', () => {
  it('knows tar, compression and tar-package suffixes, case-insensitively', () => {
    expect(['x.tar', 'x.tar.gz', 'x.TGZ', 'busybox.tar.xz', 'a.tar.zst', 'x.tar.Z', 'rails-7.1.gem', 'vm.ova', 'pkg.apk'].map(archiveSuffix)).toEqual([
      '.tar', '.gz', '.tgz', '.xz', '.zst', '.z', '.gem', '.ova', '.apk',
    ]);
    expect(['app.jar', 'app.war', 'x.zip', 'x.whl', 'x.deb', 'x.rpm', 'rootfs', 'run.sh', 'tarball.txt'].map(archiveSuffix)).toEqual(Array(9).fill(null));
  });

  it('says whether a wildcard ending in a literal tail could match an archive name', () => {
    // Every match ends with the tail: `*gz` can be `x.gz`, `*.tar.g` cannot end in an archive suffix.
    expect(['', 'gz', 'z', '.tar', 'x.tgz'].map(tailMayBeArchive)).toEqual([true, true, true, true, true]);
    expect(['.toml', '.sh', '-linux', '.json', '.tar.g'].map(tailMayBeArchive)).toEqual([false, false, false, false, false]);
  });
});
