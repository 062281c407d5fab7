import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { coverageTable } from '../../src/knowledge/index.js';
import { assertBuilt, dockshift, removeTempFolders, tempFolder } from '../helpers/cli.js';

beforeAll(assertBuilt);
afterEach(removeTempFolders);

describe('dockshift --list-images', () => {
  it('prints what the knowledge base covers and exits 0', () => {
    const run = dockshift(['--list-images'], { cwd: tempFolder() });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(coverageTable());
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^repository +tag parts +release without an OS in the tag +siblings$/);
    expect(lines).toContainEqual(expect.stringMatching(/^python +slim · debian\|alpine +trixie \(3\.10 3\.11 3\.12 3\.13 3\.14 3\.15\); older versions: as built \(history\.ts\) +slim, alpine$/));
    expect(lines).toContainEqual(expect.stringMatching(/^node +debian\|alpine · slim +trixie \(26\); bookworm \(22 24\); older versions: as built \(history\.ts\) +slim, alpine$/));
    expect(lines).toContainEqual(expect.stringMatching(/^golang +debian\|alpine +trixie \(1\.26 1\.27 tip\); older versions: as built \(history\.ts\) +alpine$/));
    expect(lines).toContainEqual(expect.stringMatching(/^mcr\.microsoft\.com\/dotnet\/aspnet +.* +chiseled, alpine$/));
    expect(run.stdout).toContain('  nodejs22-debian13       libc glibc  ENTRYPOINT ["/nodejs/bin/node"]\n');
    expect(run.stdout).toMatch(/^package maps: apt → apk \d{3} names \(\d+ mapped, \d+ droppable; a library's t64 name, Debian 13's and Ubuntu 24.04's, as the library\); rpm → apk \d{3} names/m);
  });

  it('is listed in --help', () => {
    const run = dockshift(['--help'], { cwd: tempFolder() });
    expect(run.stdout).toContain('--list-images');
  });
});
