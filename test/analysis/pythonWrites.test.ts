import { describe, expect, it } from 'vitest';
import { appModules, pythonStatements, pythonWrites, type PythonSource } from '../../src/analysis/pythonWrites.js';

const sources = (files: Record<string, string>) => (imagePath: string): PythonSource | null =>
  files[imagePath] === undefined ? null : { imagePath, contextPath: imagePath.slice(1), text: files[imagePath]! };

describe('pythonStatements', () => {
  it('joins bracketed and backslashed lines, keeps strings whole and drops comments', () => {
    const text = "x = f(\n  'a#b',  # note\n  2) or \\\n  'c'\nif y:\n    z = '''one\ntwo'''\n";
    expect(pythonStatements(text).map((s) => [s.line, s.indent, s.text])).toEqual([
      [1, 0, "x = f(   'a#b',     2) or    'c'"],
      [5, 0, 'if y:'],
      [6, 4, "z = '''one\ntwo'''"],
    ]);
  });
});

describe('pythonWrites', () => {
  const files = {
    '/microblog.py': 'from app import create_app\napp = create_app()\n',
    '/app/__init__.py': "import os\nfrom config import Config\n\ndef create_app():\n    if not os.path.exists('logs'):\n        os.mkdir('logs')\n\ndef unused():\n    open('never.txt', 'w')\n",
    '/config.py': "import os\nbasedir = os.path.abspath(os.path.dirname(__file__))\nclass Config:\n    URI = os.environ.get('DATABASE_URL') or \\\n        'sqlite:///' + os.path.join(basedir, 'app.db')\n    MEMORY = 'sqlite:///:memory:'\n    TMP = 'sqlite:////tmp/x.db'\n",
  };
  it("reads the entry module and what it imports: the database beside config.py, the folder made by a function called at import", () => {
    const read = appModules(['/microblog.py'], ['/'], sources(files))!;
    expect(read.map((s) => s.imagePath)).toEqual(['/microblog.py', '/app/__init__.py', '/config.py']);
    const writes = pythonWrites(read, new Set(['/microblog.py']), '/');
    expect(writes.map((w) => [w.kind, w.path, w.from, w.source, w.line, w.variables])).toEqual([
      ['folder', '/logs', 'working folder', 'app/__init__.py', 6, []],
      ['sqlite', '/app.db', 'module folder', 'config.py', 4, ['DATABASE_URL']],
      ['sqlite', '/tmp/x.db', 'absolute', 'config.py', 7, []],
    ]);
  });
  it('reads relative SQLite paths from the working folder, open only to write, and f-strings', () => {
    const read = [{ imagePath: '/srv/app.py', contextPath: 'app.py', text: "import sqlite3\nfrom pathlib import Path\nHERE = Path(__file__).resolve().parent\ndb = sqlite3.connect('todo.db')\nopen('config.json')\nopen('out.log', 'a')\nURI = f'sqlite:///{HERE / \"data.db\"}'\n" }];
    expect(pythonWrites(read, new Set(), '/work').map((w) => [w.kind, w.path])).toEqual([
      ['sqlite', '/work/todo.db'],
      ['file', '/work/out.log'],
      ['sqlite', '/srv/data.db'],
    ]);
  });
});
