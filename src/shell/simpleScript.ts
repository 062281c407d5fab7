/**
 * A fast path for the plainest RUN bodies: simple commands joined by `&&`,
 * `||`, `;` and `|`, with redirections to a word, whose words are plain text,
 * single or double quotes, globs and `$NAME` / `${NAME}` / `${NAME:-word}`
 * (`apt-get install -y "$PKG" > /dev/null && rm -rf /var/lib/apt/lists/*`).
 * mvdan-sh costs about a quarter of a millisecond per call however short the
 * script, which a fleet of files pays for every RUN; these scripts need no real
 * parser, so their model is built here, the very model parse.ts would build
 * from mvdan-sh's tree (test/shell/simpleScript.test.ts checks that on generated
 * scripts and on every RUN of the corpus). Anything else returns null and goes
 * to mvdan-sh: substitutions, subshells, braces, tildes, comments, heredocs,
 * assignments, reserved words, `!`, `&`, line breaks, non-ASCII text.
 */
import type { AndOrOperator, Construct, ListItem, Redirection, ShellScript, ShellWord, SimpleCommand, Statement } from './types.js';

/** Characters of a word the shell takes literally: no quotes, expansions, braces, tildes, comments or operators. */
const WORD_CHAR = /[A-Za-z0-9_\-./=:,+@%^\]]/;

/** Unquoted characters that make a word a pattern the shell may expand into other words. */
const GLOB_CHAR = /[*?[]/;

/** `NAME` in `$NAME` and `${NAME}`. */
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/** What may follow NAME in `${NAME…}`: a default, alternative, check or trimmed pattern of plain characters. */
const PARAMETER_TAIL = /(?::?[-=+?]|##?|%%?)[A-Za-z0-9_\-./:,+@%^=*?]*\}/y;

/** Redirection operators with an optional one-digit fd: `>`, `>>`, `2>&`, `<`, `&>`... (not heredocs). */
const REDIRECT = /(?:[0-9]?(?:>>|>&|>\||>|<&|<>|<(?!<))|&>>|&>)/y;

/** Words bash treats specially as a command name (reserved words and declaration builtins). */
const SPECIAL_NAMES = new Set([
  'if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time',
  'coproc', 'export', 'declare', 'local', 'readonly', 'typeset', 'nameref', 'let', 'eval', '[[', ']]',
]);

type Token =
  | { readonly kind: 'word'; readonly start: number; readonly end: number; readonly value: string | null; readonly pattern: boolean }
  | { readonly kind: 'redirect'; readonly start: number; readonly end: number }
  | { readonly kind: '&&' | '||' | ';' | '|'; readonly start: number; readonly end: number };

type WordToken = Extract<Token, { kind: 'word' }>;

/** The model of `source` when it is a plain script, else null (parse it with mvdan-sh). */
export function parseSimpleScript(source: string): ShellScript | null {
  const tokens = tokenize(source);
  if (tokens === null || tokens.length === 0) return null;
  const statements: Statement[] = [];
  const commands: SimpleCommand[] = [];
  let i = 0;
  while (i < tokens.length) {
    const items: ListItem[] = [];
    const operators: AndOrOperator[] = [];
    for (;;) {
      const piped = pipeline(source, tokens, i, statements.length);
      if (piped === null) return null;
      i = piped.next;
      commands.push(...piped.commands);
      const first = piped.commands[0]!;
      const last = piped.commands.at(-1)!;
      items.push(
        piped.commands.length === 1
          ? { start: first.start, end: first.end, kind: 'command', negated: false, redirected: false, command: first }
          : { start: first.start, end: last.end, kind: 'pipeline', negated: false, redirected: false, command: null },
      );
      const op = tokens[i];
      if (op === undefined || op.kind === ';') break;
      if (op.kind !== '&&' && op.kind !== '||') return null;
      operators.push(op.kind);
      i++;
      if (tokens[i]?.kind !== 'word') return null;
    }
    const sep = tokens[i];
    const start = items[0]!.start;
    const end = items.at(-1)!.end;
    if (sep === undefined) {
      statements.push({ start, end, items, operators, separator: null, separatorAt: null });
      break;
    }
    statements.push({ start, end, items, operators, separator: ';', separatorAt: sep.start });
    i++;
    if (tokens[i] !== undefined && tokens[i]!.kind !== 'word') return null;
  }
  return { ok: true, source, statements, commands, comments: [] };
}

/**
 * `a | b | c`, as mvdan-sh's tree reads it: the list nests to the left, so the
 * first two commands sit in as many pipelines as there are pipes, each later one
 * in one fewer; every command but the last writes into a pipe.
 */
function pipeline(source: string, tokens: readonly Token[], from: number, statement: number): { commands: SimpleCommand[]; next: number } | null {
  const parts: { words: ShellWord[]; redirects: Redirection[] }[] = [];
  let i = from;
  for (;;) {
    const part = commandTokens(source, tokens, i);
    if (part === null) return null;
    parts.push(part);
    i = part.next;
    if (tokens[i]?.kind !== '|') break;
    i++;
  }
  const pipes = parts.length - 1;
  const commands = parts.map(({ words, redirects }, k): SimpleCommand => {
    const depth = pipes === 0 ? 0 : k === 0 ? pipes : pipes - k + 1;
    const enclosing: Construct[] = Array.from({ length: depth }, () => 'pipeline');
    const wordsEnd = words.at(-1)!.end;
    return {
      start: words[0]!.start,
      end: redirects.length === 0 ? wordsEnd : Math.max(wordsEnd, redirects.at(-1)!.end),
      assigns: [],
      words,
      name: words[0]!.value,
      args: words.slice(1).map((w) => w.value),
      redirects,
      declaration: false,
      negated: false,
      background: false,
      pipedOut: k < pipes,
      enclosing,
      statement,
    };
  });
  return { commands, next: i };
}

/** The words and redirections of one simple command; it must start with a word that is not syntax. */
function commandTokens(source: string, tokens: readonly Token[], from: number): { words: ShellWord[]; redirects: Redirection[]; next: number } | null {
  const words: ShellWord[] = [];
  const redirects: Redirection[] = [];
  let i = from;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'word') {
      words.push(shellWord(source, t));
    } else if (t.kind === 'redirect') {
      // A redirection needs a word to read or write; one before the command name makes a different tree.
      const target = tokens[i + 1];
      if (words.length === 0 || target?.kind !== 'word') return null;
      const word = shellWord(source, target);
      redirects.push({ start: t.start, end: word.end, op: source.slice(t.start, word.start).trimEnd(), target: word });
      i++;
    } else {
      break;
    }
  }
  const first = words[0];
  // An assignment or a word bash reads as syntax makes a different tree: leave it to the parser.
  if (first === undefined || first.raw.includes('=') || SPECIAL_NAMES.has(first.raw)) return null;
  return { words, redirects, next: i };
}

function shellWord(source: string, t: WordToken): ShellWord {
  return { start: t.start, end: t.end, raw: source.slice(t.start, t.end), value: t.value, pattern: t.pattern };
}

/** Words, operators and redirections, or null when anything else (`&`, `(`, `{`, `~`, `#`, `!`, a line break, non-ASCII…) appears. */
function tokenize(source: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    const next = source[i + 1];
    if (ch === ' ' || ch === '\t') {
      i++;
      continue;
    }
    REDIRECT.lastIndex = i;
    // A digit starts a redirection only as a word of its own (`a 2>f`, not `a2>f`).
    if ((ch === '>' || ch === '<' || (ch === '&' && next === '>') || (/[0-9]/.test(ch) && (next === '>' || next === '<'))) && REDIRECT.test(source)) {
      tokens.push({ kind: 'redirect', start: i, end: REDIRECT.lastIndex });
      i = REDIRECT.lastIndex;
    } else if (ch === '&' || ch === '|') {
      if (next === ch) {
        tokens.push({ kind: ch === '&' ? '&&' : '||', start: i, end: i + 2 });
        i += 2;
      } else if (ch === '|' && next !== '&') {
        tokens.push({ kind: '|', start: i, end: i + 1 });
        i++;
      } else {
        return null;
      }
    } else if (ch === ';') {
      tokens.push({ kind: ';', start: i, end: i + 1 });
      i++;
    } else {
      const word = readWord(source, i);
      if (word === null) return null;
      // `10>f` redirects fd 10 in bash: numbers right before `<` or `>` go to the parser.
      if ((source[word.end] === '<' || source[word.end] === '>') && /^[0-9]+$/.test(source.slice(i, word.end))) return null;
      tokens.push(word);
      i = word.end;
    }
  }
  return tokens;
}

/**
 * One word from `start`, with its value after quote removal the way words.ts
 * reads mvdan-sh's parts: an expansion makes the value null, and only the
 * unquoted text before the first expansion counts towards `pattern`.
 */
function readWord(source: string, start: number): WordToken | null {
  let value: string | null = '';
  let pattern = false;
  const add = (text: string) => {
    if (value !== null) value += text;
  };
  /** The end of the parameter expansion at `at` (the word's value is then unknown), or null for one we do not read. */
  const parameter = (at: number): number | null => {
    const end = parameterEnd(source, at);
    if (end !== null) value = null;
    return end;
  };
  let i = start;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === ' ' || ch === '\t' || ch === ';' || ch === '&' || ch === '|' || ch === '<' || ch === '>') break;
    if (WORD_CHAR.test(ch)) {
      add(ch);
      i++;
    } else if (GLOB_CHAR.test(ch)) {
      if (value !== null) pattern = true;
      add(ch);
      i++;
    } else if (ch === '\\') {
      const next = escapedChar(source, i);
      if (next === null) return null;
      add(next);
      i += 2;
    } else if (ch === "'") {
      const close = source.indexOf("'", i + 1);
      if (close === -1 || !isPlainAscii(source.slice(i + 1, close))) return null;
      add(source.slice(i + 1, close));
      i = close + 1;
    } else if (ch === '"') {
      i++;
      for (;;) {
        const c = source[i];
        if (c === undefined || c === '`' || c === '!' || !isPlainAscii(c)) return null;
        if (c === '"') break;
        if (c === '\\') {
          const next = escapedChar(source, i);
          if (next === null) return null;
          add(next === '$' || next === '`' || next === '"' || next === '\\' ? next : c + next);
          i += 2;
        } else if (c === '$') {
          const end = parameter(i);
          if (end === null) return null;
          i = end;
        } else {
          add(c);
          i++;
        }
      }
      i++;
    } else if (ch === '$') {
      const end = parameter(i);
      if (end === null) return null;
      i = end;
    } else {
      return null;
    }
  }
  // The caller only asks where a word starts, so an empty one is an operator it does not know.
  if (i === start) return null;
  return { kind: 'word', start, end: i, value, pattern };
}

/** The end of `$NAME`, `${NAME}` or `${NAME<op>word}` at `at`, or null for any other expansion. */
function parameterEnd(source: string, at: number): number | null {
  const braced = source[at + 1] === '{';
  NAME.lastIndex = at + (braced ? 2 : 1);
  if (!NAME.test(source)) return null;
  if (!braced) return NAME.lastIndex;
  if (source[NAME.lastIndex] === '}') return NAME.lastIndex + 1;
  PARAMETER_TAIL.lastIndex = NAME.lastIndex;
  return PARAMETER_TAIL.test(source) ? PARAMETER_TAIL.lastIndex : null;
}

/** The character a backslash at `at` escapes; null at the end, before a line break, or before non-ASCII text. */
function escapedChar(source: string, at: number): string | null {
  const next = source[at + 1];
  return next === undefined || !isPlainAscii(next) ? null : next;
}

/** Printable ASCII, tab and space: positions are the same in characters and in bytes, and nothing is a line break. */
function isPlainAscii(text: string): boolean {
  return /^[\t\x20-\x7e]*$/.test(text);
}
