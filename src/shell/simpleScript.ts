/**
 * The shell reader parse.ts tries first, for the RUN bodies most Dockerfiles
 * hold: lists joined by `&&`, `||`, `;` and `|`, `!`, redirections to a word,
 * assignments (`A=1 make`, `export A=1`), `if`, `for`, `while`/`until`, `case`,
 * `{ …; }`, `( … )`, `name() { …; }`, `$(…)`, `` `…` `` and comments, on one line
 * or several (a heredoc's script);
 * words of plain text, quotes, globs, `~`, braces and the common parameter
 * expansions (`$1`, `${A:-x}`, `${A//x/y}`, `${#A}`…). mvdan-sh costs about a
 * quarter of a millisecond per call however short the script, and loading it
 * 70 ms of a cold start; these scripts need no general parser, so their model is
 * built here, the very model parse.ts builds from mvdan-sh's tree
 * (test/shell/simpleScript.test.ts compares them on generated scripts, on every
 * RUN of the corpus and on damaged ones). Anything else returns null and goes to
 * mvdan-sh: arithmetic, `[[`, `&`, heredocs, arrays, backslashes inside
 * backquotes or before a line break, CR line endings, non-ASCII text, and
 * nesting deeper than NESTING.
 */
import type { AndOrOperator, Assignment, Construct, ItemKind, ListItem, Redirection, ShellComment, ShellScript, ShellWord, SimpleCommand, Statement } from './types.js';
import { kept } from '../kept.js';

/** Characters of a word the shell takes literally: no quotes, expansions, braces, tildes, comments or operators. */
const WORD_CHAR = /[A-Za-z0-9_\-./=:,+@%^\]]/;

/** WORD_CHAR as a table by character code: asked of every character of every word. */
const PLAIN = new Uint8Array(128);
for (let c = 0; c < 128; c++) if (WORD_CHAR.test(String.fromCharCode(c))) PLAIN[c] = 1;
const isPlain = (ch: string): boolean => PLAIN[ch.charCodeAt(0)] === 1;

/**
 * What may follow a `$` that mvdan-sh reads as a plain `$` (`^$`, `a$`, `$ `): unquoted,
 * and inside double quotes. Other characters start an expansion or a quoted string.
 */
const LITERAL_DOLLAR = /[ \t\n;&|%+,./:=\]^}~]/;
const LITERAL_DOLLAR_QUOTED = /[ "%&')+,./:;<=>\\\]^|}~]/;

/** The text of backquotes that hold only a comment, on one line, of plain characters. */
const COMMENT_ONLY = /^[ \t]*#[^\n`'"\\$]*$/;

/**
 * Words, assignments and redirections are read in the model's own shapes, and handed
 * to it as they are; the few that hold substitutions (`$(…)`) have them here, by object.
 */
type Substitutions = Map<object, readonly AndOr[][]>;

/** Unquoted characters that make a word a pattern the shell may expand into other words. */
const GLOB_CHAR = /[*?[]/;

/** `NAME` in `$NAME` and `${NAME}`. */
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/** `NAME=` or `NAME+=` starting an assignment. */
const ASSIGNMENT = /[A-Za-z_][A-Za-z0-9_]*\+?=/y;

/** A positional or special parameter after `$`: `$1`, `$@`, `$?`… */
const SPECIAL_PARAMETER = /[0-9@*#?$!-]/;

/**
 * What may follow NAME in `${NAME…}`: a default, alternative, check, trimmed
 * pattern, replacement, case change or substring (`${A:0:7}`), of plain
 * characters and nested parameters, up to the closing brace.
 */
const PARAMETER_OPERATOR = /(?::[-=+?]|[-=+?]|##?|%%?|\/[#%/]?|\^\^?|,,?|:(?=[0-9A-Za-z_]))/y;

/** The offset and length of `${A:1:2}`. */
const SUBSTRING = /[0-9A-Za-z_]+(?::[0-9A-Za-z_]+)?\}/y;

/** Plain characters inside a parameter expansion's word. */
const PARAMETER_CHAR = /[A-Za-z0-9_\-./:,+@%^=*?#[\]]/;

/** A brace expansion in a literal part, as words.ts finds it. */
const BRACE_EXPANSION = /\{[^{}]*(?:,|\.\.)[^{}]*\}/;

/** `name()` starting a function definition. */
const FUNCTION = /([A-Za-z_][A-Za-z0-9_]*)[ \t]*\([ \t]*\)/y;

/** Redirection operators with an optional one-digit fd: `>`, `>>`, `2>&`, `<`, `&>`... (not heredocs). */
const REDIRECT = /(?:[0-9]?(?:>>|>&|>\||>|<&|<>|<(?!<))|&>>|&>)/y;

/** Builtins whose arguments are assignments: mvdan-sh reads them as a declaration. */
const DECLARATIONS = new Set(['export', 'declare', 'local', 'readonly', 'typeset', 'nameref']);

/** Words bash treats specially as a command name, which this reader does not take. */
const SPECIAL_NAMES = new Set([
  'then', 'else', 'elif', 'fi', 'case', 'esac', 'select', 'do', 'done', 'in', 'function', 'time', 'coproc', 'let', 'eval', '[[', ']]', '}',
]);

/** A declaration's arguments this reader takes besides assignments: names and options. */
const DECLARATION_ARGUMENT = /^(?:[A-Za-z_][A-Za-z0-9_]*|-[A-Za-z]+)$/;

/** A command name bash would read as syntax: `!`, a brace, or `name[` (an array element). */
const SYNTAX_START = /^[!{}]|^[A-Za-z_][A-Za-z0-9_]*\[/;

/** Compound commands deeper than this go to mvdan-sh: the reader recurses once per level. */
const NESTING = 32;

const AMPERSAND = '&'.charCodeAt(0);
const BAR = '|'.charCodeAt(0);

/** Thrown when the script is not one this reader takes; parseSimpleScript returns null. */
const LEAVE = Symbol('leave');

type Word = ShellWord;

type Assign = Assignment;

interface Redirect extends Redirection {
  readonly target: Word;
}

/** A simple command (or a declaration such as `export A=1`) as read. */
interface Simple {
  readonly kind: 'simple';
  readonly start: number;
  readonly end: number;
  readonly assigns: readonly Assign[];
  readonly words: readonly Word[];
  readonly redirects: readonly Redirect[];
  readonly declaration: boolean;
  /** The model's command, once build has made it (a field, not a map: one per command of every script). */
  model: SimpleCommand | null;
}

/** `if`, a loop, `case`, a block, a subshell or a function: its statements and words (`for`'s, `case`'s). */
interface Compound {
  readonly kind: 'compound';
  readonly construct: Construct & ItemKind;
  readonly start: number;
  /** Its end, or that of its last redirection (`{ …; } > log`). */
  readonly end: number;
  readonly lists: readonly AndOr[][];
  readonly words: readonly Word[];
  readonly redirects: readonly Redirect[];
}

type Command = Simple | Compound;

/** `a | b | c`: one command or several joined by pipes; `! a | b` is negated (and starts at the `!`). */
interface Pipeline {
  readonly start: number;
  readonly end: number;
  readonly negated: boolean;
  readonly commands: readonly Command[];
}

/** `a && b || c`, and the `;` that ends it, if any. */
interface AndOr {
  readonly start: number;
  readonly end: number;
  readonly pipelines: readonly Pipeline[];
  readonly operators: readonly AndOrOperator[];
  readonly semicolon: number | null;
}

interface Context {
  readonly enclosing: readonly Construct[];
  readonly statement: number;
  readonly pipedOut: boolean;
}

/** The model of `source` when this reader takes it, else null (parse it with mvdan-sh). */
export function parseSimpleScript(source: string): ShellScript | null {
  const reader = new Reader(source);
  let top: AndOr[];
  try {
    top = reader.list(NO_TERMINATORS, null); // at the top, a list ends only at the script's end
    if (top.length === 0) return null;
  } catch (error) {
    if (error === LEAVE) return null;
    throw error;
  }
  return build(source, top, reader.comments, reader.substitutions);
}

const NO_TERMINATORS: ReadonlySet<string> = new Set();
const THEN = new Set(['then']);
const IF_BODY_END = new Set(['elif', 'else', 'fi']);
const FI = new Set(['fi']);
const DO = new Set(['do']);
const DONE = new Set(['done']);
const BLOCK_END = new Set(['}']);
const ESAC = new Set(['esac']);

/** What ends a nested list besides its terminators: `)` of a subshell or `$(…)`, `` ` `` of a backquoted substitution. */
type Closer = ')' | '`' | null;

class Reader {
  pos = 0;
  readonly comments: ShellComment[] = [];
  /** Made with the first substitution: most scripts have none. */
  substitutions: Substitutions | null = null;
  private depth = 0;
  /** Inside `` `…` ``, where a backquote ends words and the list. */
  private inBackquotes = false;

  constructor(private readonly source: string) {}

  /**
   * Statements up to the end of the script, the `closer` of a subshell or substitution, or one of
   * `terminators` as a command name, which is left for the caller to read.
   */
  list(terminators: ReadonlySet<string>, closer: Closer, inCase = false): AndOr[] {
    const out: AndOr[] = [];
    for (;;) {
      this.lineBreaks();
      if (this.pos >= this.source.length) {
        if (closer !== null || terminators.size > 0) throw LEAVE;
        return out;
      }
      const ch = this.source[this.pos];
      if (ch === closer) return out;
      // A case item's list ends at its `;;`, which the case reads.
      if (inCase && this.source.startsWith(';;', this.pos)) return out;
      const reserved = this.reservedWord();
      if (reserved !== null && terminators.has(reserved)) return out;
      const statement = this.andOr();
      this.blank();
      let semicolon: number | null = null;
      if (this.source[this.pos] === ';') {
        if (this.source[this.pos + 1] === ';') {
          if (!inCase) throw LEAVE;
          out.push(ended(statement, semicolon));
          return out;
        }
        semicolon = this.pos++;
      } else {
        // Without a `;` the statement ends at a line break, the script's end, the list's closer or a comment.
        const next = this.source[this.pos];
        if (!(next === undefined || next === '\n' || next === '#' || next === closer)) throw LEAVE;
      }
      out.push(ended(statement, semicolon));
    }
  }

  /** A list that must hold at least one statement. */
  private body(terminators: ReadonlySet<string>, closer: Closer = null): AndOr[] {
    const stmts = this.list(terminators, closer);
    if (stmts.length === 0) throw LEAVE;
    return stmts;
  }

  private andOr(): Omit<AndOr, 'semicolon'> {
    const pipelines = [this.pipeline()];
    const operators: AndOrOperator[] = [];
    for (;;) {
      this.blank();
      // Read by character code: a slice here made a string after every pipeline of every script.
      const ch = this.source.charCodeAt(this.pos);
      if (!((ch === AMPERSAND || ch === BAR) && this.source.charCodeAt(this.pos + 1) === ch)) break;
      const op = ch === AMPERSAND ? '&&' : '||';
      this.pos += 2;
      operators.push(op);
      this.lineBreaks();
      pipelines.push(this.pipeline());
    }
    return { start: pipelines[0]!.start, end: pipelines.at(-1)!.end, pipelines, operators };
  }

  private pipeline(): Pipeline {
    this.blank();
    const start = this.pos;
    const negated = this.source[this.pos] === '!';
    if (negated) {
      if (!/^[ \t]$/.test(this.source[this.pos + 1] ?? '')) throw LEAVE;
      this.pos++;
      this.blank();
      if (this.source[this.pos] === '!') throw LEAVE;
    }
    const commands = [this.command()];
    for (;;) {
      this.blank();
      if (this.source[this.pos] !== '|' || this.source[this.pos + 1] === '|') break;
      if (this.source[this.pos + 1] === '&') throw LEAVE;
      this.pos++;
      this.lineBreaks();
      commands.push(this.command());
    }
    return { start, end: commands.at(-1)!.end, negated, commands };
  }

  private command(): Command {
    this.blank();
    const ch = this.source[this.pos];
    if (ch === '(') return this.compound('subshell', () => this.subshell());
    switch (this.reservedWord()) {
      case 'if':
        return this.compound('if', () => this.ifClause());
      case 'for':
        return this.compound('loop', () => this.forClause());
      case 'while':
      case 'until':
        return this.compound('loop', () => this.whileClause());
      case 'case':
        return this.compound('case', () => this.caseClause());
      case '{':
        return this.compound('block', () => this.block());
      default: {
        FUNCTION.lastIndex = this.pos;
        const fn = FUNCTION.exec(this.source);
        if (fn === null) return this.simple();
        // `export () { …; }`: bash reads a declaration there, which mvdan-sh rejects; leave it to mvdan-sh.
        if (DECLARATIONS.has(fn[1]!) || SPECIAL_NAMES.has(fn[1]!)) throw LEAVE;
        return this.compound('function', () => this.functionBody());
      }
    }
  }

  /** A compound command and its redirections (`{ …; } > log`). */
  private compound(construct: Compound['construct'], read: () => { lists: AndOr[][]; words?: Word[]; end?: number }): Compound {
    if (++this.depth > NESTING) throw LEAVE;
    const start = this.pos;
    const { lists, words = [], end: readEnd } = read();
    let end = readEnd ?? this.pos;
    this.depth--;
    const redirects: Redirect[] = [];
    for (;;) {
      this.blank();
      if (!this.redirectAt()) break;
      const r = this.redirect();
      redirects.push(r);
      end = Math.max(end, r.end);
    }
    return { kind: 'compound', construct, start, end, lists, words, redirects };
  }

  /** `name() { …; }`: the body is a block, as a statement of the function. */
  private functionBody(): { lists: AndOr[][]; end: number } {
    this.pos = FUNCTION.lastIndex;
    this.blank();
    if (this.reservedWord() !== '{') throw LEAVE;
    const body = this.command() as Compound;
    // mvdan-sh reads the body as a whole statement (`f() { a; } || b` puts `|| b` in the
    // function) and gives a redirection after it to the definition: neither is modelled here.
    if (body.redirects.length > 0 || this.source[this.pos] === '|' || this.source[this.pos] === '&') throw LEAVE;
    const statement: AndOr = { start: body.start, end: body.end, pipelines: [{ start: body.start, end: body.end, negated: false, commands: [body] }], operators: [], semicolon: null };
    // The body's reader has read past the blanks after it.
    return { lists: [[statement]], end: body.end };
  }

  /** `case word in pattern|pattern) list;; … esac`. */
  private caseClause(): { lists: AndOr[][]; words: Word[] } {
    this.pos += 4;
    this.blank();
    const subject = this.word();
    if (subject === null) throw LEAVE;
    const words = [subject];
    this.blank();
    this.expectReserved('in');
    const lists: AndOr[][] = [];
    for (;;) {
      this.lineBreaks();
      if (this.reservedWord() === 'esac') break;
      if (this.source[this.pos] === '(') this.pos++;
      for (;;) {
        this.blank();
        const pattern = this.word();
        if (pattern === null) throw LEAVE;
        words.push(pattern);
        this.blank();
        if (this.source[this.pos] !== '|') break;
        this.pos++;
      }
      if (this.source[this.pos] !== ')') throw LEAVE;
      this.pos++;
      lists.push(this.list(ESAC, null, true));
      if (this.source.startsWith(';;', this.pos)) {
        this.pos += 2;
        if (this.source[this.pos] === '&') throw LEAVE; // `;;&` goes on testing
      }
    }
    if (lists.length === 0) throw LEAVE;
    this.pos += 4;
    return { lists, words };
  }

  private subshell(): { lists: AndOr[][] } {
    this.pos++;
    if (this.source[this.pos] === '(') throw LEAVE; // `((` is arithmetic
    const inner = this.body(NO_TERMINATORS, ')');
    this.pos++; // `)`
    return { lists: [inner] };
  }

  private block(): { lists: AndOr[][] } {
    this.pos++;
    const inner = this.body(BLOCK_END);
    this.expectReserved('}');
    return { lists: [inner] };
  }

  private ifClause(): { lists: AndOr[][] } {
    this.pos += 2;
    const lists: AndOr[][] = [];
    for (;;) {
      lists.push(this.body(THEN));
      this.expectReserved('then');
      lists.push(this.body(IF_BODY_END));
      const next = this.reservedWord();
      this.pos += next!.length;
      if (next === 'elif') continue;
      if (next === 'else') {
        lists.push(this.body(FI));
        this.expectReserved('fi');
      }
      return { lists };
    }
  }

  private forClause(): { lists: AndOr[][]; words: Word[] } {
    this.pos += 3;
    this.blank();
    NAME.lastIndex = this.pos;
    if (!NAME.test(this.source)) throw LEAVE;
    this.pos = NAME.lastIndex;
    if (!/^[ \t]/.test(this.source[this.pos] ?? '')) throw LEAVE;
    this.blank();
    this.expectReserved('in');
    const words: Word[] = [];
    for (;;) {
      this.blank();
      if (this.source[this.pos] === ';' || this.source[this.pos] === '\n') break;
      const word = this.word();
      if (word === null) throw LEAVE;
      words.push(word);
    }
    if (words.length === 0) throw LEAVE;
    this.pos++; // `;` or a line break
    this.lineBreaks();
    this.expectReserved('do');
    const body = this.body(DONE);
    this.expectReserved('done');
    return { lists: [body], words };
  }

  private whileClause(): { lists: AndOr[][] } {
    this.pos += 5; // `while` or `until`
    const condition = this.body(DO);
    this.expectReserved('do');
    const body = this.body(DONE);
    this.expectReserved('done');
    return { lists: [condition, body] };
  }

  private expectReserved(word: string): void {
    if (this.reservedWord() !== word) throw LEAVE;
    this.pos += word.length;
  }

  /** The reserved word (or `{`/`}`) at the position, standing as a word of its own, else null. */
  private reservedWord(): string | null {
    const s = this.source;
    let end = this.pos;
    if (s[end] === '{' || s[end] === '}') end++;
    else while (end < s.length && s.charCodeAt(end) >= 97 && s.charCodeAt(end) <= 122) end++;
    // Most commands' names are told apart by their length, without a string made of them.
    if (end === this.pos || end - this.pos > LONGEST_RESERVED) return null;
    const word = s.slice(this.pos, end);
    if (!RESERVED.has(word)) return null;
    const after = s[end];
    // `{` opens a block only before a blank; the others end at any operator.
    if (word === '{') return after === ' ' || after === '\t' || after === '\n' ? word : null;
    return after === undefined || after === ' ' || after === '\t' || after === '\n' || after === ';' || after === ')' || after === '|' || after === '&' || after === '<' || after === '>' ? word : null;
  }

  private simple(): Simple {
    const start = this.pos;
    const assigns: Assign[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    let declaration = false;
    for (;;) {
      this.blank();
      const ch = this.source[this.pos];
      if (ch === undefined || ch === '\n' || ch === '#' || ch === ';' || ch === '|' || ch === ')' || (ch === '&' && this.source[this.pos + 1] === '&') || (ch === '`' && this.inBackquotes)) break;
      if (this.redirectAt()) {
        // A redirection needs a word to read or write; one before the command name makes a different tree.
        if (words.length === 0) throw LEAVE;
        redirects.push(this.redirect());
        continue;
      }
      // mvdan-sh ends a declaration's arguments at its first redirection.
      if (declaration && redirects.length > 0) throw LEAVE;
      if (words.length === 0 || declaration) {
        const assign = this.assignment();
        if (assign !== null) {
          assigns.push(assign);
          if (declaration) {
            const { start, end, name, value } = assign;
            // Its substitutions are the assignment's, visited once.
            words.push({ start, end, raw: this.source.slice(start, end), value: value === null ? null : `${name}=${value}`, pattern: false });
          }
          continue;
        }
      }
      const word = this.word();
      if (word === null) throw LEAVE;
      // A declaration's other arguments are names and options: mvdan-sh reads anything else
      // (`"$x"`, `A[1]=x`) as a name or an assignment, or rejects it.
      if (declaration && !DECLARATION_ARGUMENT.test(word.raw)) throw LEAVE;
      if (words.length === 0) {
        // An assignment, `name[…` (an array element) or a word bash reads as syntax makes a different tree.
        if (word.raw.includes('=') || SYNTAX_START.test(word.raw) || SPECIAL_NAMES.has(word.raw) || RESERVED.has(word.raw)) throw LEAVE;
        if (DECLARATIONS.has(word.raw)) {
          if (assigns.length > 0) throw LEAVE;
          declaration = true;
        }
      }
      words.push(word);
    }
    if (words.length === 0 && assigns.length === 0) throw LEAVE;
    let end = Math.max(words.at(-1)?.end ?? 0, assigns.at(-1)?.end ?? 0);
    for (const r of redirects) end = Math.max(end, r.end);
    return { kind: 'simple', start, end, assigns, words, redirects, declaration, model: null };
  }

  /** `NAME=value` at the position, or null when the next word is not one. */
  private assignment(): Assign | null {
    ASSIGNMENT.lastIndex = this.pos;
    if (!ASSIGNMENT.test(this.source)) return null;
    const start = this.pos;
    const eq = ASSIGNMENT.lastIndex - 1;
    if (this.source[eq - 1] === '+') throw LEAVE; // `A+=x` appends
    const name = this.source.slice(start, eq);
    this.pos = eq + 1;
    const next = this.source[this.pos];
    if (next === '(') throw LEAVE; // an array
    if (next === undefined || next === ' ' || next === '\t' || next === ';' || next === '|' || next === '&' || next === ')') {
      return { start, end: this.pos, name, value: '' };
    }
    const value = this.word();
    if (value === null) throw LEAVE;
    const assign: Assign = { start, end: value.end, name, value: value.value };
    const substitutions = this.substitutions?.get(value);
    if (substitutions !== undefined) this.substitutions!.set(assign, substitutions);
    return assign;
  }

  private redirectAt(): boolean {
    const ch = this.source[this.pos];
    const next = this.source[this.pos + 1];
    if (!(ch === '>' || ch === '<' || (ch === '&' && next === '>') || (ch !== undefined && ch >= '0' && ch <= '9' && (next === '>' || next === '<')))) return false;
    REDIRECT.lastIndex = this.pos;
    return REDIRECT.test(this.source);
  }

  private redirect(): Redirect {
    const start = this.pos;
    REDIRECT.lastIndex = this.pos;
    REDIRECT.test(this.source);
    this.pos = REDIRECT.lastIndex;
    this.blank();
    const target = this.word();
    if (target === null) throw LEAVE;
    return { start, end: target.end, op: this.source.slice(start, target.start).trimEnd(), target };
  }

  /** An unquoted character that ends the word before it: a blank, an operator, or the backquote closing the one we are in. */
  private endsWord(ch: string): boolean {
    return ch === ' ' || ch === '\t' || ch === '\n' || ch === ';' || ch === '&' || ch === '|' || ch === '<' || ch === '>' || ch === ')' || ch === '(' || (ch === '`' && this.inBackquotes);
  }

  /**
   * One word from the position, with its value after quote removal the way
   * words.ts reads mvdan-sh's parts: an expansion makes the value null, and only
   * the unquoted text before the first expansion counts towards `pattern`.
   * Null when no word starts here.
   */
  private word(): Word | null {
    const s = this.source;
    const start = this.pos;
    // Most words are plain text to their end: their value is their text.
    let end = start;
    while (end < s.length && isPlain(s[end]!)) end++;
    if (end > start && (end === s.length || this.endsWord(s[end]!)) && !(s[end] === '<' || s[end] === '>')) {
      this.pos = end;
      const raw = s.slice(start, end);
      return { start, end, raw, value: raw, pattern: false };
    }
    let value: string | null = '';
    let pattern = false;
    const substitutions: AndOr[][] = [];
    const add = (text: string) => {
      if (value !== null) value += text;
    };
    // mvdan-sh's literal parts are the unquoted runs between quotes and expansions;
    // words.ts finds brace expansions (`{a,b}`, `x{1..3}`, not `{}`) in each.
    let literalStart = start;
    const endLiteral = () => {
      if (value !== null && this.pos > literalStart && BRACE_EXPANSION.test(s.slice(literalStart, this.pos))) pattern = true;
    };
    const expansion = () => {
      if (s[this.pos + 1] === '(') substitutions.push(this.substitution());
      else this.parameter();
      value = null;
    };
    while (this.pos < s.length) {
      const ch = s[this.pos]!;
      if (this.endsWord(ch)) break;
      if (isPlain(ch)) {
        add(ch);
        this.pos++;
      } else if (ch === '{' || ch === '}' || ch === '!') {
        add(ch);
        this.pos++;
      } else if (GLOB_CHAR.test(ch)) {
        if (value !== null) pattern = true;
        add(ch);
        this.pos++;
      } else if (ch === '~') {
        // A leading tilde is expanded (to a home folder): words.ts counts it as a pattern.
        if (this.pos === start) pattern = true;
        add(ch);
        this.pos++;
      } else if (ch === '\\') {
        add(this.escaped());
        this.pos += 2;
      } else if (ch === "'") {
        endLiteral();
        const close = s.indexOf("'", this.pos + 1);
        if (close === -1 || !isPlainAscii(s.slice(this.pos + 1, close))) throw LEAVE;
        add(s.slice(this.pos + 1, close));
        this.pos = literalStart = close + 1;
      } else if (ch === '"') {
        endLiteral();
        this.pos++;
        for (;;) {
          const c = s[this.pos];
          if (c === undefined || !isPlainAscii(c)) throw LEAVE;
          if (c === '"') break;
          if (c === '`') {
            substitutions.push(this.backquoted());
            value = null;
            continue;
          }
          if (c === '\\') {
            const next = this.escaped();
            add(next === '$' || next === '`' || next === '"' || next === '\\' ? next : c + next);
            this.pos += 2;
          } else if (c === '$' && LITERAL_DOLLAR_QUOTED.test(s[this.pos + 1] ?? '')) {
            add(c);
            this.pos++;
          } else if (c === '$') {
            expansion();
          } else {
            add(c);
            this.pos++;
          }
        }
        literalStart = ++this.pos;
      } else if (ch === '$' && LITERAL_DOLLAR.test(s[this.pos + 1] ?? ' ')) {
        // mvdan-sh may end a literal part at a lone `$`, and finds brace expansions part by part:
        // inside braces (`{a,b$}`), which parts it makes decides whether the word is a pattern.
        const open = s.lastIndexOf('{', this.pos);
        if (value !== null && open >= start && open > s.lastIndexOf('}', this.pos)) throw LEAVE;
        add(ch);
        this.pos++;
      } else if (ch === '$' || ch === '`') {
        endLiteral();
        if (ch === '$') expansion();
        else {
          substitutions.push(this.backquoted());
          value = null;
        }
        literalStart = this.pos;
      } else {
        throw LEAVE;
      }
    }
    endLiteral();
    // Digits right before `<` or `>` start a redirection in mvdan-sh (`a 10>f`, `"$x"2>&1`).
    if ((s[this.pos] === '<' || s[this.pos] === '>') && /^[0-9]+$/.test(s.slice(literalStart, this.pos))) throw LEAVE;
    if (this.pos === start) return null;
    const word: Word = { start, end: this.pos, raw: s.slice(start, this.pos), value, pattern };
    if (substitutions.length > 0) (this.substitutions ??= new Map()).set(word, substitutions);
    return word;
  }

  /** `$(…)` at the position: its statements, read as a list up to the `)`. */
  private substitution(): AndOr[] {
    if (this.source[this.pos + 2] === '(') throw LEAVE; // `$((` is arithmetic
    if (++this.depth > NESTING) throw LEAVE;
    this.pos += 2;
    const inner = this.body(NO_TERMINATORS, ')');
    this.pos++; // `)`
    this.depth--;
    return inner;
  }

  /**
   * `` `…` `` at the position, when it holds no backslash (which would change its
   * meaning inside) and no nested backquotes: read as `$(…)` is, in place.
   */
  private backquoted(): AndOr[] {
    const close = this.source.indexOf('`', this.pos + 1);
    if (close === -1 || this.inBackquotes) throw LEAVE;
    const inside = this.source.slice(this.pos + 1, close);
    if (inside.includes('\\')) throw LEAVE;
    // `` `# for composer` ``, a note among the words: a comment alone, which mvdan-sh's model does not keep.
    if (COMMENT_ONLY.test(inside)) {
      this.pos = close + 1;
      return [];
    }
    if (++this.depth > NESTING) throw LEAVE;
    this.inBackquotes = true;
    this.pos++;
    const inner = this.body(NO_TERMINATORS, '`');
    // A quote inside may have hidden the backquote found first: then the reading differs.
    if (this.pos !== close) throw LEAVE;
    this.pos++;
    this.inBackquotes = false;
    this.depth--;
    return inner;
  }

  /** `$NAME`, `$1`, `${NAME}` or `${NAME<op>word}` at the position. */
  private parameter(): void {
    const s = this.source;
    const at = this.pos;
    if (s[at + 1] !== '{') {
      NAME.lastIndex = at + 1;
      if (NAME.test(s)) this.pos = NAME.lastIndex;
      else if (SPECIAL_PARAMETER.test(s[at + 1] ?? '')) this.pos = at + 2;
      else throw LEAVE;
      return;
    }
    let i = at + 2;
    // `${#A}`, the length of A, takes no operator.
    const length = s[i] === '#' && s[i + 1] !== '}';
    if (length) i++;
    NAME.lastIndex = i;
    if (NAME.test(s)) i = NAME.lastIndex;
    else if (/[0-9#@*?]/.test(s[i] ?? '')) i++;
    else throw LEAVE;
    if (s[i] !== '}') {
      if (length || ++this.depth > NESTING) throw LEAVE;
      PARAMETER_OPERATOR.lastIndex = i;
      if (!PARAMETER_OPERATOR.test(s)) throw LEAVE;
      this.pos = PARAMETER_OPERATOR.lastIndex;
      // `${A:1:2}` takes arithmetic: only plain numbers and names are read here.
      SUBSTRING.lastIndex = this.pos;
      if (this.pos === i + 1 && s[i] === ':' && !SUBSTRING.test(s)) throw LEAVE;
      while (s[this.pos] !== '}') {
        const c = s[this.pos];
        if (c === undefined) throw LEAVE;
        if (PARAMETER_CHAR.test(c)) this.pos++;
        else if (c === '$' && s[this.pos + 1] !== '(') this.parameter();
        else throw LEAVE;
      }
      i = this.pos;
      this.depth--;
    }
    this.pos = i + 1;
  }

  /** The character a backslash at the position escapes; not the end, a line break or non-ASCII text. */
  private escaped(): string {
    const next = this.source[this.pos + 1];
    if (next === undefined || !isPlainAscii(next)) throw LEAVE;
    return next;
  }

  /** A comment runs to the end of its line. */
  private comment(): void {
    const lineEnd = this.source.indexOf('\n', this.pos);
    const end = lineEnd === -1 ? this.source.length : lineEnd;
    const text = this.source.slice(this.pos, end);
    // mvdan-sh counts a comment's trailing backslash as joining the next line to it.
    if (!isPlainAscii(text) || text.endsWith('\\')) throw LEAVE;
    this.comments.push({ start: this.pos, end });
    this.pos = end;
  }

  /** Blanks, line breaks and comments: what may come between statements, or after `&&`, `||` and `|`. */
  private lineBreaks(): void {
    for (;;) {
      this.blank();
      const ch = this.source[this.pos];
      if (ch === '\n') this.pos++;
      else if (ch === '#') this.comment();
      else return;
    }
  }

  private blank(): void {
    while (this.source[this.pos] === ' ' || this.source[this.pos] === '\t') this.pos++;
  }
}

/** `enclosing` with a pipeline inside, unless it ends in one (see SimpleCommand.enclosing). */
export function inPipeline(enclosing: readonly Construct[]): readonly Construct[] {
  return enclosing.at(-1) === 'pipeline' ? enclosing : [...enclosing, 'pipeline'];
}

const NO_CONSTRUCTS: readonly Construct[] = [];

/** Reserved words the reader knows at the start of a command (the others are in SPECIAL_NAMES). */
const RESERVED = new Set(['if', 'then', 'elif', 'else', 'fi', 'for', 'in', 'while', 'until', 'do', 'done', 'case', 'esac', '{', '}']);
const LONGEST_RESERVED = Math.max(...[...RESERVED].map((w) => w.length));

/**
 * The model, as parse.ts builds it from mvdan-sh's tree: every simple command
 * with where it sits, and the top-level statements as and-or lists.
 */
function build(source: string, top: readonly AndOr[], comments: readonly ShellComment[], substitutions: Substitutions | null): ShellScript {
  const commands: SimpleCommand[] = [];

  const visitList = (list: readonly AndOr[], ctx: Context) => {
    for (const st of list) visit(st, ctx);
  };
  /** The substitutions in words, assignments or redirections' targets. */
  const visitWords = (words: readonly (Word | Assign | Redirect)[], ctx: Context) => {
    if (substitutions === null) return;
    for (const w of words) {
      const inners = substitutions.get('target' in w ? w.target : w);
      if (inners === undefined) continue;
      for (const inner of inners) visitList(inner, { enclosing: [...ctx.enclosing, 'substitution'], statement: ctx.statement, pipedOut: false });
    }
  };
  const visit = (st: AndOr, ctx: Context) => {
    for (const p of st.pipelines) {
      const pipes = p.commands.length - 1;
      // Every command of `a | b | c` sits in a pipeline (in mvdan-sh's tree, in several nested
      // ones, which count once: see SimpleCommand.enclosing); all but the last write into a pipe.
      const piped = pipes === 0 ? ctx.enclosing : inPipeline(ctx.enclosing);
      p.commands.forEach((cmd, k) => {
        const here: Context = pipes === 0 ? ctx : { enclosing: piped, statement: ctx.statement, pipedOut: k < pipes || ctx.pipedOut };
        if (cmd.kind === 'simple') {
          const command = simpleCommand(cmd, here, p.negated && pipes === 0);
          commands.push(command);
          cmd.model = command;
          visitWords(cmd.assigns, here);
          visitWords(cmd.words, here);
          visitWords(cmd.redirects, here);
        } else {
          const inner: Context = { ...here, enclosing: [...here.enclosing, cmd.construct] };
          for (const list of cmd.lists) visitList(list, inner);
          visitWords(cmd.words, inner);
          visitWords(cmd.redirects, here);
        }
      });
    }
  };
  top.forEach((st, i) => visit(st, { enclosing: NO_CONSTRUCTS, statement: i, pipedOut: false }));

  const statements = top.map((st, i): Statement => {
    const items = st.pipelines.map((p): ListItem => {
      const only = p.commands.length === 1 ? p.commands[0]! : null;
      const kind: ItemKind = only === null ? 'pipeline' : only.kind === 'simple' ? 'command' : only.construct;
      const command = only?.kind === 'simple' ? only.model! : null;
      return { start: p.start, end: p.end, kind, negated: p.negated, redirected: only?.kind === 'compound' && only.redirects.length > 0, command };
    });
    const separator = st.semicolon !== null ? ';' : i === top.length - 1 ? null : '\n';
    return { start: st.start, end: st.end, items, operators: kept(st.operators), separator, separatorAt: st.semicolon };
  });
  commands.sort((x, y) => x.start - y.start);
  return { ok: true, source, statements, commands: kept(commands), comments: kept(comments) };
}

/** The statement with the `;` that ends it (written out: see `invocation` in commands.ts). */
function ended(statement: Omit<AndOr, 'semicolon'>, semicolon: number | null): AndOr {
  return { start: statement.start, end: statement.end, pipelines: statement.pipelines, operators: statement.operators, semicolon };
}

function simpleCommand(cmd: Simple, ctx: Context, negated: boolean): SimpleCommand {
  const words = kept(cmd.words);
  return {
    start: cmd.start,
    end: cmd.end,
    assigns: kept(cmd.assigns),
    words,
    name: words[0]?.value ?? null,
    args: argsOf(words),
    redirects: kept(cmd.redirects),
    declaration: cmd.declaration,
    negated,
    background: false,
    pipedOut: ctx.pipedOut,
    enclosing: ctx.enclosing,
    statement: ctx.statement,
  };
}

/** The values of the words after the name: one list made to measure (a command without arguments shares one). */
function argsOf(words: readonly Word[]): readonly (string | null)[] {
  if (words.length < 2) return NO_ARGS;
  const args = new Array<string | null>(words.length - 1);
  for (let k = 1; k < words.length; k++) args[k - 1] = words[k]!.value;
  return args;
}

const NO_ARGS: readonly (string | null)[] = Object.freeze([]);

/** Printable ASCII, tab and space: positions are the same in characters and in bytes, and nothing is a line break. */
function isPlainAscii(text: string): boolean {
  return /^[\t\x20-\x7e]*$/.test(text);
}
