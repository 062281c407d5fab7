/**
 * What a Python app writes on the disk, read from its source: the SQLite database a \`sqlite:///\` URI
 * (Flask-SQLAlchemy, SQLAlchemy's \`create_engine\`) or \`sqlite3.connect\` names, and the folders and
 * files it makes when it is imported (\`os.mkdir('logs')\`, \`open('app.log', 'w')\`, a logging file
 * handler). The files read are the entry modules a start command names (\`gunicorn microblog:app\`,
 * FLASK_APP, \`python app.py\`) and the modules of the app they import, found where Python finds them:
 * beside the importing package, or in the folder the app starts in.
 */
import * as posix from 'node:path/posix';

/** A module file of the app, by its path in the image, with its text and where the build context has it. */
export interface PythonSource {
  readonly imagePath: string;
  readonly contextPath: string;
  readonly text: string;
}

export interface PythonWrite {
  readonly kind: 'sqlite' | 'folder' | 'file';
  /** The absolute path in the image it writes (the database, the folder made, the file opened). */
  readonly path: string;
  /** How the path is named: from the folder the app starts in, or from the module's own folder (\`__file__\`). */
  readonly from: 'working folder' | 'module folder' | 'absolute';
  readonly source: string;
  readonly line: number;
  readonly code: string;
  /** The variables the statement reads (\`os.environ.get('DATABASE_URL')\`): set, the value may be theirs. */
  readonly variables: readonly string[];
}

/** Of the app's modules, at most this many are read: a larger project is left unread rather than slow. */
export const PYTHON_FILES_READ = 200;

/** A logical line of Python: continued lines joined, comments gone, with the line it starts on and its indent. */
interface Statement {
  readonly line: number;
  readonly indent: number;
  readonly text: string;
}

/** The logical lines of a Python file: brackets and backslashes continue a line; strings (triple-quoted too) are kept whole. */
export function pythonStatements(text: string): Statement[] {
  const out: Statement[] = [];
  let current = '';
  let startLine = 1;
  let line = 1;
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote !== null) {
      if (ch === '\\') {
        current += text.slice(i, i + 2);
        if (text[i + 1] === '\n') line++;
        i++;
        continue;
      }
      if (ch === '\n') line++;
      if (text.startsWith(quote, i)) {
        current += quote;
        i += quote.length - 1;
        quote = null;
        continue;
      }
      current += ch;
      continue;
    }
    if (ch === '#') {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = text.startsWith(ch.repeat(3), i) ? ch.repeat(3) : ch;
      current += quote;
      i += quote.length - 1;
      continue;
    }
    if (ch === '\\' && text[i + 1] === '\n') {
      current += ' ';
      line++;
      i++;
      continue;
    }
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) depth = Math.max(0, depth - 1);
    if (ch === '\n') {
      line++;
      if (depth > 0) {
        current += ' ';
        continue;
      }
      push();
      startLine = line;
      continue;
    }
    current += ch;
  }
  push();
  return out;

  function push(): void {
    if (current.trim() !== '') out.push({ line: startLine, indent: /^[ \t]*/.exec(current)![0].replace(/\t/g, '        ').length, text: current.trim() });
    current = '';
  }
}

/** The modules an import statement names, dotted, with the leading dots of a relative import; \`from a import b\` names a and a.b. */
function importedModules(statement: string): string[] {
  const from = /^from\s+(\.*)([\w.]*)\s+import\s+\(?([^)]*)\)?$/.exec(statement);
  if (from !== null) {
    const base = from[2]!;
    const names = from[3]!.split(',').map((n) => n.trim().split(/\s+as\s+/)[0]!).filter((n) => /^\w+$/.test(n));
    const join = (n: string) => from[1]! + (base === '' ? n : `${base}.${n}`);
    return [...(base === '' ? [] : [from[1]! + base]), ...names.map(join)];
  }
  const plain = /^import\s+(.+)$/.exec(statement);
  if (plain === null) return [];
  return plain[1]!.split(',').map((n) => n.trim().split(/\s+as\s+/)[0]!).filter((n) => /^[\w.]+$/.test(n));
}

/**
 * The image paths a module may be at: \`pkg.mod\` as pkg/mod.py or pkg/mod/__init__.py under each root; a relative
 * import (\`.models\`, \`..config\`) under the importing module's package.
 */
export function modulePaths(module: string, roots: readonly string[], importer: string | null): string[] {
  const dots = /^\.*/.exec(module)![0].length;
  const rest = module.slice(dots).split('.').filter((p) => p !== '');
  let bases = roots;
  if (dots > 0) {
    if (importer === null) return [];
    let pkg = posix.dirname(importer);
    for (let i = 1; i < dots; i++) pkg = posix.dirname(pkg);
    bases = [pkg];
  }
  if (rest.length === 0) return bases.map((b) => posix.join(b, '__init__.py'));
  return bases.flatMap((b) => [posix.join(b, ...rest) + '.py', posix.join(b, ...rest, '__init__.py')]);
}

/**
 * The app's modules: the entries, then what they import that \`locate\` finds (a file the build context put in the
 * image), breadth first. Null when there are more than PYTHON_FILES_READ.
 */
export function appModules(entries: readonly string[], roots: readonly string[], locate: (imagePath: string) => PythonSource | null): PythonSource[] | null {
  const seen = new Set<string>();
  const out: PythonSource[] = [];
  const queue = [...entries];
  while (queue.length > 0) {
    const imagePath = queue.shift()!;
    if (seen.has(imagePath)) continue;
    seen.add(imagePath);
    const source = locate(imagePath);
    if (source === null) continue;
    out.push(source);
    if (out.length > PYTHON_FILES_READ) return null;
    // A package's modules are imported through its __init__.py, whose folder is the package.
    for (const s of pythonStatements(source.text)) {
      for (const m of importedModules(s.text)) queue.push(...modulePaths(m, roots, imagePath));
    }
  }
  return out;
}

/** A Python string literal, with an optional prefix (r, b, u; f is read apart). */
const STRING = String.raw`[rRbBuU]?(?:'([^'\\\n]*)'|"([^"\\\n]*)")`;

/** A name set to the folder of the module itself: \`os.path.abspath(os.path.dirname(__file__))\`, \`Path(__file__).resolve().parent\`. */
const MODULE_FOLDER = /^(\w+)\s*=\s*(?:os\.path\.(?:abspath|realpath)\(\s*os\.path\.dirname\(\s*__file__\s*\)\s*\)|os\.path\.dirname\(\s*(?:os\.path\.(?:abspath|realpath)\(\s*__file__\s*\)|__file__)\s*\)|(?:pathlib\.)?Path\(\s*__file__\s*\)(?:\.(?:resolve|absolute)\(\s*\))?\.parent)$/;

/** A path a Python expression names, and from where; null for one only known when it runs. */
type NamedPath = { readonly path: string; readonly from: PythonWrite['from'] };

function pathExpression(expr: string, folders: ReadonlySet<string>, moduleFolder: string): NamedPath | null {
  const e = expr.trim();
  const literal = new RegExp(`^${STRING}$`).exec(e);
  if (literal !== null) {
    const p = literal[1] ?? literal[2]!;
    if (p === '' || /[{%$~]/.test(p)) return null;
    return { path: p, from: p.startsWith('/') ? 'absolute' : 'working folder' };
  }
  // os.path.join(BASEDIR, 'a', 'b') and BASEDIR / 'a' / 'b', with BASEDIR the module's folder.
  const join = /^os\.path\.join\(\s*(\w+)\s*((?:,\s*(?:'[^'\\\n]*'|"[^"\\\n]*")\s*)+)\)$/.exec(e) ?? /^(\w+)\s*((?:\/\s*(?:'[^'\\\n]*'|"[^"\\\n]*")\s*)+)$/.exec(e);
  if (join === null || !folders.has(join[1]!)) return null;
  const parts = [...join[2]!.matchAll(/'([^'\\\n]*)'|"([^"\\\n]*)"/g)].map((m) => m[1] ?? m[2]!);
  if (parts.some((p) => p === '' || /[{%$~]/.test(p) || p.startsWith('/'))) return null;
  return { path: posix.join(moduleFolder, ...parts), from: 'module folder' };
}

/** The end of the call argument that starts at \`from\` (at the comma or the bracket that closes the call). */
function argumentEnd(text: string, from: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = from; i < text.length; i++) {
    const ch = text[i]!;
    if (quote !== null) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) {
      if (depth === 0) return i;
      depth--;
    } else if (ch === ',' && depth === 0) return i;
  }
  return text.length;
}

/** The SQLite database files a statement names: \`'sqlite:///' + EXPR\`, \`'sqlite:///app.db'\`, \`f'sqlite:///{EXPR}'\`, \`sqlite3.connect(EXPR)\`. */
function sqliteFiles(text: string, folders: ReadonlySet<string>, moduleFolder: string): NamedPath[] {
  const out: NamedPath[] = [];
  const add = (p: NamedPath | null) => {
    if (p !== null && p.path !== ':memory:' && !p.path.startsWith('file:')) out.push(p);
  };
  // f'sqlite:///{EXPR}', the expression's own quotes the other kind.
  for (const m of text.matchAll(/\bf(['"])sqlite(?:\+\w+)?:\/\/\/\{([^{}]+)\}\1/g)) add(pathExpression(m[2]!, folders, moduleFolder));
  for (const m of text.matchAll(/(?<![\w'"])(['"])sqlite(?:\+\w+)?:\/\/\/([^'"]*)\1/g)) {
    const rest = m[2]!.split('?')[0]!;
    if (rest !== '') {
      add(pathExpression(`'${rest}'`, folders, moduleFolder));
      continue;
    }
    // 'sqlite:///' + EXPR: the database's path follows.
    const after = /^\s*\+\s*/.exec(text.slice(m.index! + m[0].length));
    if (after === null) continue;
    const start = m.index! + m[0].length + after[0].length;
    add(pathExpression(text.slice(start, argumentEnd(text, start)), folders, moduleFolder));
  }
  for (const m of text.matchAll(/\bsqlite3\.connect\(\s*/g)) {
    const start = m.index! + m[0].length;
    add(pathExpression(text.slice(start, argumentEnd(text, start)), folders, moduleFolder));
  }
  return out;
}

/** Opening a file to write: a mode with w, a or x (\`open('app.log', 'a')\`, \`mode="w"\`). */
const WRITE_MODE = /^(?:[rbt+]*[wax][rbt+]*)$/;

/** The folders and files a statement makes: \`os.mkdir(P)\`, \`os.makedirs(P)\`, \`open(P, 'w')\`, a logging file handler on P. */
function madePaths(text: string, folders: ReadonlySet<string>, moduleFolder: string): { kind: 'folder' | 'file'; named: NamedPath }[] {
  const out: { kind: 'folder' | 'file'; named: NamedPath }[] = [];
  for (const m of text.matchAll(/(?<![\w.])(?:(os\.(?:mkdir|makedirs))|(open)|((?:logging\.(?:handlers\.)?)?(?:Rotating|TimedRotating|Watched)?FileHandler))\(\s*/g)) {
    const start = m.index! + m[0].length;
    const end = argumentEnd(text, start);
    const named = pathExpression(text.slice(start, end), folders, moduleFolder);
    if (named === null) continue;
    if (m[2] !== undefined) {
      // open's mode: its second argument, or mode=; reading is the default.
      const rest = text.slice(end);
      const mode = /^,\s*(?:mode\s*=\s*)?(['"])(\w+)\1/.exec(rest) ?? /^,[^)]*\bmode\s*=\s*(['"])(\w+)\1/.exec(rest);
      if (mode === null || !WRITE_MODE.test(mode[2]!)) continue;
    }
    // A handler told to wait (`delay=True`) opens its file only when it first logs.
    if (m[3] !== undefined && /\bdelay\s*=\s*True\b/.test(text.slice(end))) continue;
    out.push({ kind: m[1] !== undefined ? 'folder' : 'file', named });
  }
  return out;
}

/** The variables a statement reads: \`os.environ.get('X')\`, \`os.getenv("X")\`, \`os.environ['X']\`. */
function variablesRead(text: string): string[] {
  return [...text.matchAll(/\b(?:environ\.get|getenv|environ\.setdefault)\(\s*['"](\w+)['"]|\benviron\[\s*['"](\w+)['"]\s*\]/g)].map((m) => m[1] ?? m[2]!);
}

/** The names of the functions a file calls outside any function (\`app = create_app()\`): their bodies run when it is imported. */
function calledAtImport(sources: readonly PythonSource[]): Set<string> {
  const out = new Set<string>();
  for (const s of sources) {
    for (const { statement, inFunction } of withBlocks(pythonStatements(s.text))) {
      // A definition's own name and parameters are no call.
      if (inFunction !== null || /^(?:async\s+)?(?:def|class)\s/.test(statement.text)) continue;
      for (const m of statement.text.matchAll(/(?<![\w.])(\w+)\(/g)) out.add(m[1]!);
    }
  }
  return out;
}

/** Each statement with the top-level function it is in (null outside one), and whether it is under \`if __name__ == '__main__'\`. */
function withBlocks(statements: readonly Statement[]): { statement: Statement; inFunction: string | null; inMain: boolean }[] {
  const stack: { indent: number; header: string }[] = [];
  return statements.map((statement) => {
    while (stack.length > 0 && stack.at(-1)!.indent >= statement.indent) stack.pop();
    const def = stack.map((b) => /^(?:async\s+)?def\s+(\w+)/.exec(b.header)).find((m) => m !== null);
    const inMain = stack.some((b) => /^if\s+__name__\s*==\s*['"]__main__['"]\s*:/.test(b.header));
    if (statement.text.endsWith(':') || /^(?:async\s+)?(?:def|class|if|elif|else|for|while|with|try|except|finally)\b.*:/.test(statement.text)) stack.push({ indent: statement.indent, header: statement.text });
    return { statement, inFunction: def == null ? null : def[1]!, inMain };
  });
}

/**
 * What the app's modules write: every SQLite database they name (a configuration is there to be used), and the folders
 * and files made when they are imported (outside functions, or in a top-level function a module calls outside one;
 * under \`if __name__ == '__main__'\` only in an entry script). Relative paths are from \`cwd\`.
 */
export function pythonWrites(sources: readonly PythonSource[], entries: ReadonlySet<string>, cwd: string): PythonWrite[] {
  const called = calledAtImport(sources);
  const out: PythonWrite[] = [];
  for (const source of sources) {
    const moduleFolder = posix.dirname(source.imagePath);
    const folders = new Set<string>();
    for (const { statement, inFunction, inMain } of withBlocks(pythonStatements(source.text))) {
      const own = MODULE_FOLDER.exec(statement.text);
      if (own !== null) folders.add(own[1]!);
      const resolve = (n: NamedPath) => (n.from === 'working folder' ? posix.join(cwd, n.path) : posix.normalize(n.path));
      const write = (kind: PythonWrite['kind'], n: NamedPath): PythonWrite => ({ kind, path: resolve(n), from: n.from, source: source.contextPath, line: statement.line, code: statement.text, variables: variablesRead(statement.text) });
      for (const db of sqliteFiles(statement.text, folders, moduleFolder)) out.push(write('sqlite', db));
      const runs = (inFunction === null || called.has(inFunction)) && (!inMain || entries.has(source.imagePath));
      if (!runs) continue;
      for (const made of madePaths(statement.text, folders, moduleFolder)) out.push(write(made.kind, made.named));
    }
  }
  return out;
}

/** The module an ASGI/WSGI app reference names (\`microblog:app\`, \`app.main:create_app()\`), or null. */
export function appReferenceModule(word: string): string | null {
  const m = /^([A-Za-z_][\w.]*)(?::[A-Za-z_][\w.]*(?:\(.*\))?)?$/.exec(word);
  return m === null ? null : m[1]!;
}
