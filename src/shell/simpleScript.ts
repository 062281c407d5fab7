/**
 * A fast path for the plainest RUN bodies: simple commands of plain words
 * joined by `&&`, `||` and `;` (`apt-get update && apt-get install -y curl`).
 * mvdan-sh costs about half a millisecond per call however short the script,
 * which a file of thousands of RUNs pays thousands of times; these scripts
 * need no real parser, so their model is built here, the very model
 * parse.ts would build from mvdan-sh's tree (test/shell/simpleScript.test.ts
 * checks that on generated scripts). Anything else returns null and goes to
 * mvdan-sh.
 */
import type { AndOrOperator, ListItem, ShellScript, ShellWord, SimpleCommand, Statement } from './types.js';

/** Characters of a word the shell takes literally: no quotes, expansions, globs, braces, tildes, comments or operators. */
const WORD_CHAR = /[A-Za-z0-9_\-./=:,+@%^]/;

/** Words bash treats specially as a command name (reserved words and declaration builtins). */
const SPECIAL_NAMES = new Set([
  'if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time',
  'coproc', 'export', 'declare', 'local', 'readonly', 'typeset', 'nameref', 'let', 'eval',
]);

interface Token {
  readonly kind: 'word' | '&&' | '||' | ';';
  readonly start: number;
  readonly end: number;
}

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
      const command = simpleCommand(source, tokens, i, statements.length);
      if (command === null) return null;
      i = command.next;
      commands.push(command.command);
      items.push({ start: command.command.start, end: command.command.end, kind: 'command', negated: false, redirected: false, command: command.command });
      const op = tokens[i];
      if (op === undefined || op.kind === ';') break;
      if (op.kind === 'word') return null;
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

function simpleCommand(source: string, tokens: readonly Token[], from: number, statement: number): { command: SimpleCommand; next: number } | null {
  const words: ShellWord[] = [];
  let i = from;
  for (; i < tokens.length && tokens[i]!.kind === 'word'; i++) {
    const t = tokens[i]!;
    const raw = source.slice(t.start, t.end);
    words.push({ start: t.start, end: t.end, raw, value: raw, pattern: false });
  }
  const first = words[0];
  // An assignment or a word bash reads as syntax makes a different tree: leave it to the parser.
  if (first === undefined || first.raw.includes('=') || SPECIAL_NAMES.has(first.raw)) return null;
  const command: SimpleCommand = {
    start: first.start,
    end: words.at(-1)!.end,
    assigns: [],
    words,
    name: first.raw,
    args: words.slice(1).map((w) => w.value),
    redirects: [],
    declaration: false,
    negated: false,
    background: false,
    pipedOut: false,
    enclosing: [],
    statement,
  };
  return { command, next: i };
}

/** Words and operators, or null when anything else (quotes, `$`, `|`, `&`, a newline, non-ASCII…) appears. */
function tokenize(source: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === ' ' || ch === '\t') {
      i++;
    } else if (ch === '&' || ch === '|') {
      if (source[i + 1] !== ch) return null;
      tokens.push({ kind: ch === '&' ? '&&' : '||', start: i, end: i + 2 });
      i += 2;
    } else if (ch === ';') {
      tokens.push({ kind: ';', start: i, end: i + 1 });
      i++;
    } else if (WORD_CHAR.test(ch)) {
      const start = i;
      while (i < source.length && WORD_CHAR.test(source[i]!)) i++;
      tokens.push({ kind: 'word', start, end: i });
    } else {
      return null;
    }
  }
  return tokens;
}
