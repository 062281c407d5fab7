import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PatchFile } from '../src/engine/patchFile.js';
import { removeTempFolders, tempFolder } from './helpers/cli.js';

afterAll(removeTempFolders);

describe('PatchFile', () => {
  it('writes the patches as they come and puts the whole file in place only at the end', () => {
    const dir = tempFolder({});
    const target = path.join(dir, 'changes.patch');
    const patch = new PatchFile(target);
    patch.add('diff --git a/x b/x\n');
    patch.add('');
    patch.add('diff --git a/y b/y\n');
    expect(fs.existsSync(target)).toBe(false);
    expect(patch.finish()).toBeNull();
    expect(fs.readFileSync(target, 'utf8')).toBe('diff --git a/x b/x\ndiff --git a/y b/y\n');
    expect(fs.readdirSync(dir)).toEqual(['changes.patch']);
  });

  it('writes an empty patch when nothing changed, replacing an old one', () => {
    const dir = tempFolder({ 'changes.patch': 'old\n' });
    const target = path.join(dir, 'changes.patch');
    expect(new PatchFile(target).finish()).toBeNull();
    expect(fs.readFileSync(target, 'utf8')).toBe('');
  });

  it('reports a failure naming the file asked for, and leaves nothing behind', () => {
    const dir = tempFolder({});
    const target = path.join(dir, 'missing', 'changes.patch');
    const patch = new PatchFile(target);
    patch.add('diff --git a/x b/x\n');
    const error = patch.finish();
    expect(error?.message).toContain(target);
    expect(error?.message).not.toContain('.tmp');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
