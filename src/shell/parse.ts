import {
  BIN_AND,
  BIN_OR,
  BIN_PIPE,
  BIN_PIPE_ALL,
  childrenOf,
  items,
  nodeType,
  parseBash,
  type GoAssign,
  type GoBinaryCmd,
  type GoBlock,
  type GoCallExpr,
  type GoCaseClause,
  type GoComment,
  type GoDeclClause,
  type GoIfClause,
  type GoLit,
  type GoNode,
  type GoSlice,
  type GoStmt,
  type GoWord,
} from './mvdan.js';
import type {
  AndOrOperator,
  Assignment,
  Construct,
  ItemKind,
  ListItem,
  Redirection,
  ShellComment,
  ShellScript,
  ShellSyntaxError,
  ShellWord,
  SimpleCommand,
  Statement,
} from './types.js';
import { inPipeline, parseSimpleScript } from './simpleScript.js';
import { RecentMap } from '../engine/recentMap.js';
import { wordValue } from './words.js';

/**
 * Parsed scripts by source text. Every pass of the engine re-parses the file,
 * but most RUN bodies come through a pass unchanged; the model is immutable
 * data, so the same source can share one. Bounded: the least recently used go first.
 * 256 hold the bodies of the file at hand through its passes and of the files just
 * before it (the Dockerfiles of one repository share many); 4,096 kept the models of
 * some 900 files alive long enough to reach the old generation, and a run over 5,620
 * varied files peaked at 390 MiB rather than 257, in the same time. By their text's
 * length too: a model takes about 70 bytes per character of a long script, and 4,096
 * bodies of 30 KB each filled a 4 GB heap.
 */
const parsedScripts = new RecentMap<string, ShellScript | ShellSyntaxError>(256, (source) => source.length, 2 * 1024 * 1024);

/** Parses a script (a RUN body's logical text) into dockshift's shell model. */
export function parseScript(source: string): ShellScript | ShellSyntaxError {
  const known = parsedScripts.get(source);
  if (known !== undefined) return known;
  const result = parseUncached(source);
  parsedScripts.set(source, result);
  return result;
}

function parseUncached(source: string): ShellScript | ShellSyntaxError {
  const simple = parseSimpleScript(source);
  if (simple !== null) return simple;
  return parseWithMvdan(source);
}

/** The model built from mvdan-sh's tree; every script can take this way (tests compare it with the fast path). */
export function parseWithMvdan(source: string): ShellScript | ShellSyntaxError {
  const parsed = parseBash(source);
  if (!parsed.ok) return parsed;
  const b = new Builder(source, parsed.index);
  const top = items(parsed.file.Stmts);
  top.forEach((st, i) => b.stmt(st, { enclosing: [], statement: i, background: false, pipedOut: false }));
  b.addComments(items(parsed.file.Last));
  const statements = top.map((st, i) => b.statement(st, i === top.length - 1));
  const commands = b.commands.sort((x, y) => x.start - y.start);
  const comments = b.comments.sort((x, y) => x.start - y.start);
  return { ok: true, source, statements, commands, comments };
}

/**
 * True when the script parses as shell. A transform asks this of the body it
 * is about to write, which the next pass then parses: the model is kept, so
 * that parse is free.
 */
export function isValidShell(script: string): boolean {
  return parseScript(script).ok;
}

/** The script's top-level functions with a `{ … }` body, by name: the last definition wins, as in the shell. */
export function functionBodies(script: ShellScript): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of script.statements.flatMap((s) => s.items)) {
    if (item.kind !== 'function') continue;
    const m = /^(?:function[ \t]+)?([^\s(){}]+)[ \t]*(?:\([ \t]*\))?\s*\{([\s\S]*)\}$/.exec(script.source.slice(item.start, item.end));
    if (m !== null) out.set(m[1]!, m[2]!);
  }
  return out;
}

/**
 * How a path through a statement can end: in \`exec\` with a program (\`exec\`), in another command the
 * shell waits for (\`command\`, \`exec\` without a program too), in \`exit\` or \`return\` (\`exit\`), by
 * running nothing more (\`none\`: an \`if\` without \`else\`, a \`case\` without \`*)\`), or in what is not
 * read here (\`unknown\`: a loop, \`a || b\`, a background job, an empty branch).
 */
type PathEnd = 'exec' | 'command' | 'exit' | 'none' | 'unknown';

/** The ways each top-level statement can end (see PathEnd); empty when the script does not parse. */
function statementEnds(source: string): readonly ReadonlySet<PathEnd>[] {
  const parsed = parseBash(source);
  return parsed.ok ? items(parsed.file.Stmts).map((st) => pathEnds(st, 0)) : [];
}

function pathEnds(st: GoStmt, depth: number): Set<PathEnd> {
  if (st.Background || st.Coprocess || depth > 32) return new Set(['unknown']);
  const cmd = st.Cmd;
  const last = (list: GoSlice<GoStmt>): Set<PathEnd> => {
    const stmt = items(list).at(-1);
    return stmt === undefined ? new Set(['unknown']) : pathEnds(stmt, depth + 1);
  };
  switch (nodeType(cmd)) {
    case 'CallExpr': {
      const args = items((cmd as GoCallExpr).Args);
      if (args.length === 0) return new Set(['unknown']);
      const name = literal(args[0]!);
      return new Set([name === 'exec' && args.length > 1 ? 'exec' : name === 'exit' || name === 'return' ? 'exit' : 'command']);
    }
    case 'Block':
      return last((cmd as GoBlock).Stmts);
    case 'IfClause': {
      const ends = new Set<PathEnd>();
      for (let clause = cmd as GoIfClause; ; clause = clause.Else) {
        for (const end of last(clause.Then)) ends.add(end);
        // An \`else\` (no condition) ends the chain; an \`if\` or \`elif\` without one lets a path through.
        if (clause.Cond.$length === 0) return ends;
        if (nodeType(clause.Else) === null) return ends.add('none');
      }
    }
    case 'CaseClause': {
      const cases = items((cmd as GoCaseClause).Items);
      const ends = new Set<PathEnd>();
      for (const c of cases) for (const end of last(c.Stmts)) ends.add(end);
      return cases.some((c) => items(c.Patterns).some((w) => literal(w) === '*')) ? ends : ends.add('none');
    }
    default:
      return new Set(['unknown']);
  }
}

/**
 * For each top-level statement, whether every path through it ends in \`exec\` with a program:
 * an exec, or an \`if\` with an \`else\`, a \`case\` with a \`*)\` item or a \`{ …; }\` whose every branch
 * ends so (\`case "$1" in serve) exec app "$@" ;; *) exec "$@" ;; esac\`). What follows such a
 * statement never runs. Empty when the script does not parse.
 */
export function statementsEndingInExec(source: string): readonly boolean[] {
  return statementEnds(source).map((ends) => ends.size === 1 && ends.has('exec'));
}

/**
 * For each top-level statement, whether a path through it ends in a command run without \`exec\`: an
 * \`if\`, \`case\` or \`{ …; }\` a branch of which ends in a command other than \`exec\`, \`exit\` or
 * \`return\` (\`if [ -n "$NAME" ]; then chroot --userspec=… / "$@"; else exec "$@"; fi\`): there the shell
 * waits for it. A path that runs nothing more (an \`if\` without \`else\`) does not count, nor does a
 * branch that ends in a construct not read here (a loop, \`a || b\`). Empty when the script does not parse.
 */
export function statementsRunningOnWithoutExec(source: string): readonly boolean[] {
  return statementEnds(source).map((ends) => ends.has('command'));
}

/** One item of a \`case\`: its patterns (null for one that is not a single unquoted literal) and the text of its statements. */
export interface CaseBranch {
  readonly patterns: readonly (string | null)[];
  readonly body: string;
}

/**
 * The \`case\` that top-level statement \`statement\` of the script is: the word it tests as written
 * (\`"$1"\`) and its items in order. Null when that statement is no lone \`case\`, or when an item
 * falls through to the next (bash's \`;&\` and \`;;&\`), so that the item chosen is not all that runs.
 */
export function caseAt(source: string, statement: number): { readonly subject: string; readonly branches: readonly CaseBranch[] } | null {
  const parsed = parseBash(source);
  if (!parsed.ok) return null;
  const st = items(parsed.file.Stmts)[statement];
  if (st === undefined || st.Background || st.Negated || nodeType(st.Cmd) !== 'CaseClause') return null;
  const clause = st.Cmd as GoCaseClause;
  const text = (from: number, to: number) => source.slice(parsed.index(from), parsed.index(to));
  if (/;;?&/.test(text(clause.Pos().offs, clause.End().offs))) return null;
  const branches = items(clause.Items).map((item) => {
    const stmts = items(item.Stmts);
    const body = stmts.length === 0 ? '' : text(stmts[0]!.Pos().offs, stmts.at(-1)!.End().offs);
    return { patterns: items(item.Patterns).map(literal), body };
  });
  return { subject: text(clause.Word.Pos().offs, clause.Word.End().offs), branches };
}

/**
 * An `exit`, or an `exec` of a program, that the RUN reaches when its commands succeed: a statement
 * of its own (`…; exit 0`), one after `&&` (`make && exit 0`), or one in a \`{ …; }\` group there
 * (\`{ curl --version; exit 0; }\`, as collapse-run wraps a RUN): what is appended at the end of the
 * RUN never runs. One after `||` (`… || exit 1`) runs only on a failure, which ends the build anyway;
 * one in a subshell ends only the subshell. (`exec > log 2>&1` only redirects the shell.)
 */
export function endsEarly(script: ShellScript): { readonly script: ShellScript; readonly command: SimpleCommand } | null {
  for (const st of script.statements) {
    for (let i = 0; i < st.items.length; i++) {
      if (i > 0 && st.operators[i - 1] !== '&&') continue;
      const item = st.items[i]!;
      const only = item.command;
      if (only !== null && only.enclosing.length === 0) {
        if (only.name === 'exit' || (only.name === 'exec' && only.words.length > 1)) return { script, command: only };
      } else if (item.kind === 'block') {
        const inner = parseScript(script.source.slice(item.start + 1, item.end - 1));
        const found = inner.ok ? endsEarly(inner) : null;
        if (found !== null) return found;
      }
    }
  }
  return null;
}

/** A word that is one unquoted literal (`exec`, `*`), else null. */
function literal(word: GoWord): string | null {
  const parts = items(word.Parts);
  return parts.length === 1 && nodeType(parts[0]) === 'Lit' ? (parts[0] as GoLit).Value : null;
}

interface Context {
  readonly enclosing: readonly Construct[];
  readonly statement: number;
  readonly background: boolean;
  /** Standard output goes into a pipe: the statement is left of a `|`, or ends what is. */
  readonly pipedOut: boolean;
}

/** Compound commands and the construct they put their statements in. */
const CONSTRUCT: Readonly<Record<string, Construct>> = {
  Subshell: 'subshell',
  Block: 'block',
  IfClause: 'if',
  WhileClause: 'loop',
  ForClause: 'loop',
  CaseClause: 'case',
  FuncDecl: 'function',
  CoprocClause: 'subshell',
  CmdSubst: 'substitution',
  ProcSubst: 'substitution',
};

const ITEM_KIND: Readonly<Record<string, ItemKind>> = {
  CallExpr: 'command',
  DeclClause: 'command',
  Subshell: 'subshell',
  Block: 'block',
  IfClause: 'if',
  WhileClause: 'loop',
  ForClause: 'loop',
  CaseClause: 'case',
  FuncDecl: 'function',
};

class Builder {
  readonly commands: SimpleCommand[] = [];
  readonly comments: ShellComment[] = [];
  private readonly byStmt = new Map<GoStmt, SimpleCommand>();

  constructor(
    private readonly source: string,
    private readonly index: (byteOffset: number) => number,
  ) {}

  private readonly slice = (startByte: number, endByte: number): string =>
    this.source.slice(this.index(startByte), this.index(endByte));

  /**
   * Visits one statement and everything nested in it: records each simple
   * command with where it sits. Walks with its own stack, not by recursion, so
   * that `a && b && …` five thousand long (a tree as deep as it is long) or
   * deeply nested substitutions cannot exhaust the call stack.
   */
  stmt(root: GoStmt, rootCtx: Context): void {
    const work: Work[] = [{ kind: 'stmt', node: root, ctx: rootCtx }];
    for (let task = work.pop(); task !== undefined; task = work.pop()) {
      if (task.kind === 'scan') {
        const { nodes, comments } = childrenOf(task.node);
        this.addComments(comments);
        // Pushed in reverse so that children are visited in source order.
        for (let i = nodes.length - 1; i >= 0; i--) {
          const child = nodes[i]!;
          const type = nodeType(child)!;
          if (type === 'Stmt') work.push({ kind: 'stmt', node: child as GoStmt, ctx: task.ctx });
          else work.push({ kind: 'scan', node: child, ctx: type === 'CmdSubst' || type === 'ProcSubst' ? { ...within(task.ctx, 'substitution'), pipedOut: false } : task.ctx });
        }
        continue;
      }
      const st = task.node;
      const ctx = task.ctx;
      this.addComments(items(st.Comments));
      const inner: Context = st.Background && !ctx.background ? { ...ctx, background: true } : ctx;
      const cmd = st.Cmd;
      const type = nodeType(cmd);
      for (const r of items(st.Redirs)) work.push({ kind: 'scan', node: r, ctx: inner });
      if (type === 'CallExpr' || type === 'DeclClause') {
        const command = type === 'CallExpr' ? this.call(st, cmd as GoCallExpr, inner) : this.decl(st, cmd as GoDeclClause, inner);
        this.commands.push(command);
        this.byStmt.set(st, command);
        work.push({ kind: 'scan', node: cmd, ctx: inner });
      } else if (type === 'BinaryCmd') {
        const bin = cmd as GoBinaryCmd;
        const pipe = bin.Op === BIN_PIPE || bin.Op === BIN_PIPE_ALL;
        const piped = pipe ? { ...inner, enclosing: inPipeline(inner.enclosing) } : inner;
        // `a | b`: a writes into the pipe; b writes wherever the whole pipeline does.
        work.push({ kind: 'stmt', node: bin.Y, ctx: piped }, { kind: 'stmt', node: bin.X, ctx: pipe ? { ...piped, pipedOut: true } : piped });
      } else if (type !== null) {
        const construct = CONSTRUCT[type];
        work.push({ kind: 'scan', node: cmd, ctx: construct === undefined ? inner : within(inner, construct) });
      }
    }
  }

  addComments(comments: readonly GoComment[]): void {
    for (const c of comments) {
      // Text holds UTF-8 bytes, one per char: its length is its byte length.
      this.comments.push({ start: this.index(c.Hash.offs), end: this.index(c.Hash.offs + 1 + c.Text.length) });
    }
  }

  private call(st: GoStmt, cmd: GoCallExpr, ctx: Context): SimpleCommand {
    const words = items(cmd.Args).map((w) => this.word(w));
    const assigns = items(cmd.Assigns).map((a) => this.assign(a));
    return this.simple(st, cmd, ctx, words, assigns, false);
  }

  /** `export A=1 B`: the keyword and each argument as words, the `NAME=value` ones also as assignments. */
  private decl(st: GoStmt, cmd: GoDeclClause, ctx: Context): SimpleCommand {
    const variant = cmd.Variant;
    const start = this.index(variant.ValuePos.offs);
    const end = this.index(variant.ValueEnd.offs);
    const words: ShellWord[] = [{ start, end, raw: this.source.slice(start, end), value: variant.Value, pattern: false }];
    const assigns: Assignment[] = [];
    for (const a of items(cmd.Args)) {
      if (a.Naked) {
        const word = nodeType(a.Value) !== null ? a.Value : null;
        words.push(word !== null ? this.word(word) : this.litWord(a.Name));
        continue;
      }
      const assign = this.assign(a);
      assigns.push(assign);
      const raw = this.source.slice(assign.start, assign.end);
      words.push({ start: assign.start, end: assign.end, raw, value: assign.value === null ? null : `${assign.name}=${assign.value}`, pattern: false });
    }
    return this.simple(st, cmd, ctx, words, assigns, true);
  }

  private simple(
    st: GoStmt,
    cmd: GoNode,
    ctx: Context,
    words: ShellWord[],
    assigns: Assignment[],
    declaration: boolean,
  ): SimpleCommand {
    const redirects = items(st.Redirs).map((r): Redirection => {
      const start = this.index(r.Pos().offs);
      const target = nodeType(r.Word) !== null ? this.word(r.Word) : null;
      const end = this.index(r.End().offs);
      return { start, end, op: this.source.slice(start, target?.start ?? end).trimEnd(), target };
    });
    return {
      start: this.index(cmd.Pos().offs),
      end: this.index(contentEnd(st)),
      assigns,
      words,
      name: words[0]?.value ?? null,
      args: words.slice(1).map((w) => w.value),
      redirects,
      declaration,
      negated: st.Negated,
      background: ctx.background,
      pipedOut: ctx.pipedOut,
      enclosing: ctx.enclosing,
      statement: ctx.statement,
    };
  }

  private word(w: GoWord): ShellWord {
    const start = this.index(w.Pos().offs);
    const end = this.index(w.End().offs);
    return { start, end, raw: this.source.slice(start, end), ...wordValue(items(w.Parts), this.slice) };
  }

  private litWord(lit: GoNode): ShellWord {
    const start = this.index(lit.Pos().offs);
    const end = this.index(lit.End().offs);
    const raw = this.source.slice(start, end);
    return { start, end, raw, value: raw, pattern: false };
  }

  private assign(a: GoAssign): Assignment {
    const name = a.Name.Value;
    let value: string | null;
    // `a=(…)`, `a[i]=…` and `a+=…` do not give `a` a known plain value.
    if (nodeType(a.Array) !== null || nodeType(a.Index) !== null || a.Append) value = null;
    else if (nodeType(a.Value) === null) value = '';
    else value = wordValue(items(a.Value.Parts), this.slice).value;
    return { start: this.index(a.Pos().offs), end: this.index(a.End().offs), name, value };
  }

  /** A top-level statement as an and-or list. */
  statement(st: GoStmt, last: boolean): Statement {
    const items: ListItem[] = [];
    const operators: AndOrOperator[] = [];
    this.flatten(st, items, operators);
    const hasSeparator = st.Semicolon.lineCol !== 0;
    return {
      start: this.index(st.Position.offs),
      end: this.index(contentEnd(st)),
      items,
      operators,
      separator: st.Background ? '&' : hasSeparator ? ';' : last ? null : '\n',
      separatorAt: hasSeparator ? this.index(st.Semicolon.offs) : null,
    };
  }

  /** `a && b || c` nests to the left in the tree; the list reads it flat, left to right, without recursion. */
  private flatten(root: GoStmt, out: ListItem[], operators: AndOrOperator[]): void {
    const work: (GoStmt | AndOrOperator)[] = [root];
    for (let next = work.pop(); next !== undefined; next = work.pop()) {
      if (typeof next === 'string') {
        operators.push(next);
        continue;
      }
      const st = next;
      const cmd = st.Cmd;
      const type = nodeType(cmd);
      const op = type === 'BinaryCmd' ? (cmd as GoBinaryCmd).Op : null;
      if ((op === BIN_AND || op === BIN_OR) && !st.Negated && st.Redirs.$length === 0) {
        const bin = cmd as GoBinaryCmd;
        work.push(bin.Y, op === BIN_AND ? '&&' : '||', bin.X);
        continue;
      }
      const kind: ItemKind =
        op === BIN_PIPE || op === BIN_PIPE_ALL ? 'pipeline' : (type !== null ? ITEM_KIND[type] : undefined) ?? 'other';
      const command = kind === 'command' ? (this.byStmt.get(st) ?? null) : null;
      out.push({
        start: this.index(st.Position.offs),
        end: this.index(contentEnd(st)),
        kind,
        negated: st.Negated,
        redirected: command === null && st.Redirs.$length > 0,
        command,
      });
    }
  }
}

/** A step of the builder's walk: a statement, or a node whose statements and substitutions are to be found. */
type Work = { readonly kind: 'stmt'; readonly node: GoStmt; readonly ctx: Context } | { readonly kind: 'scan'; readonly node: GoNode; readonly ctx: Context };

function within(ctx: Context, construct: Construct): Context {
  return { ...ctx, enclosing: [...ctx.enclosing, construct] };
}

/** End of a statement without its `;` or `&` (Go's Stmt.End includes them). */
function contentEnd(st: GoStmt): number {
  let end = nodeType(st.Cmd) !== null ? st.Cmd.End().offs : st.Position.offs;
  for (const r of items(st.Redirs)) end = Math.max(end, r.End().offs);
  return end;
}
