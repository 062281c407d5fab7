/**
 * The git index as dockshift reads it (src/engine/gitIndex.ts), checked against what git itself
 * says of the same repository, and the form a patch gives a file from it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { blobFormOf, parseIndex } from '../src/engine/gitIndex.js';
import { git, removeTempFolders, tempFolder } from './helpers/cli.js';

afterEach(removeTempFolders);

const CRLF = 'FROM alpine:3.20\r\nCMD x y\r\n';

/** A repository holding `files`, committed, with git's `config` (`core.autocrlf`…) set first. */
function repository(files: Record<string, string>, config: Record<string, string> = {}): string {
  const root = tempFolder(files);
  git(root, ['init', '-q']);
  for (const [key, value] of Object.entries(config)) git(root, ['config', key, value]);
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', 'files']);
  return fs.realpathSync(root);
}

describe('parseIndex', () => {
  const files = { 'Dockerfile': 'FROM a\n', 'svc/api/Dockerfile': 'FROM b\n', 'svc/api/Dockerfile.dev': 'FROM c\n', 'svc/web/app.Dockerfile': 'FROM d\n', 'é/Dockerfile': 'FROM e\n' };

  it.each([2, 3, 4])('reads version %i as git ls-files does', (version) => {
    const root = repository(files);
    // An entry added with intent to add has the extended flags (version 3 and up).
    fs.writeFileSync(path.join(root, 'later.Dockerfile'), 'FROM f\n');
    if (version >= 3) git(root, ['add', '-N', 'later.Dockerfile']);
    git(root, ['update-index', '--index-version', String(version)]);
    const index = fs.readFileSync(path.join(root, '.git', 'index'));
    expect(index.readUInt32BE(4)).toBe(version);
    const entries = parseIndex(index)!;
    const listed = git(root, ['-c', 'core.quotePath=false', 'ls-files', '-s']).trim().split('\n').map((l) => /^\d+ ([0-9a-f]{40}) 0\t(.*)$/.exec(l)!);
    expect([...entries.keys()].sort()).toEqual(listed.map((m) => m[2]).sort());
    for (const m of listed) expect(entries.get(m[2]!)!.oid).toBe(m[1]);
    expect(entries.get('svc/api/Dockerfile.dev')!.size).toBe(7);
  });

  it('is null for what is not an index', () => {
    expect(parseIndex(Buffer.from('not an index at all'))).toBeNull();
    expect(parseIndex(Buffer.from('DIRC\0\0\0\x09\0\0\0\0', 'latin1'))).toBeNull();
  });
});

describe('blobFormOf', () => {
  const form = (root: string, rel: string) => blobFormOf(path.join(root, rel), fs.readFileSync(path.join(root, rel), 'utf8'));

  it('is as-is for text without CRLF, in a repository or not', () => {
    expect(form(tempFolder({ Dockerfile: 'FROM a\n' }), 'Dockerfile')).toBe('as-is');
    expect(form(repository({ Dockerfile: 'FROM a\n' }, { 'core.autocrlf': 'true' }), 'Dockerfile')).toBe('as-is');
    expect(form(fs.realpathSync(tempFolder({ Dockerfile: CRLF })), 'Dockerfile')).toBe('as-is');
  });

  it('is lf where git stores the CRLF file with LF endings: core.autocrlf, or an eol attribute', () => {
    expect(form(repository({ Dockerfile: CRLF }, { 'core.autocrlf': 'true' }), 'Dockerfile')).toBe('lf');
    expect(form(repository({ Dockerfile: CRLF, '.gitattributes': '*Dockerfile text eol=crlf\n' }), 'Dockerfile')).toBe('lf');
  });

  it('is unknown for a file of mixed endings git stores with LF: applied by git it would come back all CRLF', () => {
    const mixed = 'FROM alpine:3.20\r\nRUN a\nRUN b\r\n';
    expect(form(repository({ Dockerfile: mixed }, { 'core.autocrlf': 'true' }), 'Dockerfile')).toBe('unknown');
  });

  it('is as-is where git stores the CRLF bytes', () => {
    expect(form(repository({ Dockerfile: CRLF }), 'Dockerfile')).toBe('as-is');
    expect(form(repository({ Dockerfile: CRLF }, { 'core.autocrlf': 'false' }), 'Dockerfile')).toBe('as-is');
  });

  it('is unknown for a CRLF file the index does not record as it is: untracked, or changed since', () => {
    const root = repository({ Dockerfile: CRLF }, { 'core.autocrlf': 'true' });
    fs.writeFileSync(path.join(root, 'new.Dockerfile'), CRLF);
    expect(form(root, 'new.Dockerfile')).toBe('unknown');
    fs.appendFileSync(path.join(root, 'Dockerfile'), 'USER 1000\r\n');
    expect(form(root, 'Dockerfile')).toBe('unknown');
    // A file turned to CRLF in a repository that stores what is on disk: its LF text is the
    // blob, but git would store the CRLF bytes, which it does not hold.
    const plain = repository({ Dockerfile: 'FROM alpine:3.20\nCMD x y\n' });
    fs.writeFileSync(path.join(plain, 'Dockerfile'), CRLF);
    expect(form(plain, 'Dockerfile')).toBe('unknown');
  });
});
