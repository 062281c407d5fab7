import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONFIG_NAMES } from '../src/config/file.js';
import { discover, listedFolders } from '../src/engine/discover.js';
import { IGNORE_FILE_NAMES } from '../src/engine/ignoreRules.js';
import { removeTempFolders, tempFolder } from './helpers/cli.js';

afterEach(removeTempFolders);

const ASKED = ['.git', ...IGNORE_FILE_NAMES, ...CONFIG_NAMES];

/** Every folder below `root`, itself included, whatever the search skips. */
function everyFolder(root: string): string[] {
  const out = [root];
  for (const e of fs.readdirSync(root, { withFileTypes: true })) if (e.isDirectory()) out.push(...everyFolder(path.join(root, e.name)));
  return out;
}

describe('listedFolders', () => {
  it('never says a name is missing from a folder that holds it, in any case, and says so of the folders it listed', async () => {
    const root = tempFolder({
      'Dockerfile': 'FROM alpine\n',
      'svc/a/Dockerfile': 'FROM alpine\n',
      'svc/a/.gitignore': 'dist/\n',
      'svc/b/Dockerfile': 'FROM alpine\n',
      'svc/b/.DockshiftIgnore': 'x\n',
      'svc/c/dockshift.config.json': '{}\n',
      'svc/c/deep/er/Dockerfile': 'FROM alpine\n',
      'sub/.git/HEAD': 'ref: refs/heads/main\n',
      'sub/.git/objects/.gitignore': '*\n',
      'sub/Dockerfile': 'FROM alpine\n',
      'wt/.git': 'gitdir: ../sub/.git\n',
      'wt/Dockerfile': 'FROM alpine\n',
      'node_modules/pkg/.gitignore': 'x\n',
      'node_modules/pkg/Dockerfile': 'FROM alpine\n',
      'testdata/.dockshift.yaml': 'transforms: []\n',
      'x/testdata/y/Dockerfile': 'FROM alpine\n',
    });
    // A folder that holds nothing the search lists, and a symlink to a folder, which it does not follow.
    fs.symlinkSync(path.join(root, 'svc/a'), path.join(root, 'link'));
    const listed = listedFolders(CONFIG_NAMES);
    const found = await discover([root], { cwd: root, listed });
    expect(found.files.length).toBeGreaterThan(0);

    let lacking = 0;
    for (const dir of [...everyFolder(root), path.join(root, 'link'), path.dirname(root), path.join(root, 'missing')]) {
      const held = fs.existsSync(dir) ? fs.readdirSync(dir).map((n) => n.toLowerCase()) : [];
      for (const name of ASKED) {
        if (!listed.lacks(dir, name)) continue;
        lacking++;
        expect(held, `${dir} ${name}`).not.toContain(name.toLowerCase());
      }
    }
    // It answers for what it listed, not elsewhere.
    expect(lacking).toBeGreaterThan(50);
    for (const name of ASKED) {
      expect(listed.lacks(path.join(root, 'svc/c/deep'), name)).toBe(true);
      expect(listed.lacks(path.dirname(root), name)).toBe(false);
      expect(listed.lacks(path.join(root, 'node_modules/pkg'), name)).toBe(false);
      expect(listed.lacks(path.join(root, 'x/testdata/y'), name)).toBe(false);
      expect(listed.lacks(path.join(root, 'sub/.git/objects'), name)).toBe(false);
      expect(listed.lacks(path.join(root, 'link'), name)).toBe(false);
    }
    expect(listed.lacks(path.join(root, 'svc/b'), '.dockshiftignore')).toBe(false);
    expect(listed.lacks(path.join(root, 'svc/b'), '.gitignore')).toBe(true);
    expect(listed.lacks(path.join(root, 'wt'), '.git')).toBe(false);
    expect(listed.lacks(path.join(root, 'svc/c'), 'dockshift.config.json')).toBe(false);
    // Names it was not told to note are never said to be missing.
    expect(listed.lacks(path.join(root, 'svc/c/deep'), 'package.json')).toBe(false);
  });

  it('knows nothing below a folder it could not list, or a symlink', () => {
    const listed = listedFolders();
    listed.searching('/r');
    listed.listed('/r', [{ name: 'a', isSymbolicLink: () => false }, { name: 'b', isSymbolicLink: () => false }, { name: 'l', isSymbolicLink: () => true }]);
    listed.unreadable('/r/b');
    expect(listed.lacks('/r', '.git')).toBe(true);
    expect(listed.lacks('/r/a', '.git')).toBe(true);
    expect(listed.lacks('/r/b', '.git')).toBe(false);
    expect(listed.lacks('/r/b/c', '.gitignore')).toBe(false);
    expect(listed.lacks('/rb', '.git')).toBe(false);
    // A symlink is not followed: nothing through it is known.
    expect(listed.lacks('/r/l', '.git')).toBe(false);
    expect(listed.lacks('/r/l/x', '.git')).toBe(false);
    expect(listed.lacks('/r/L/x', '.git')).toBe(false);
  });

  it('counts a name held in any case, by a folder named in any case below the root', () => {
    const listed = listedFolders();
    listed.searching('/r');
    listed.listed('/r/A', [{ name: '.GitIgnore', isSymbolicLink: () => false }]);
    expect(listed.lacks('/r/a', '.gitignore')).toBe(false);
    expect(listed.lacks('/r/A', '.gitignore')).toBe(false);
    expect(listed.lacks('/r/a', '.git')).toBe(true);
    // The root is the path searched, exactly.
    expect(listed.lacks('/R/a', '.git')).toBe(false);
  });
});
