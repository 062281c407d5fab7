/**
 * The only module that touches `mvdan-sh`. Its JavaScript wrappers rebuild an
 * object with every field and method on each property access (tens of µs each),
 * which made walking a RUN body cost ~3 ms. So we read the raw GopherJS
 * structures instead: Go structs are plain objects with their Go field names,
 * slices are `{$array, $offset, $length}`, nil pointers are the type's `nil`
 * sentinel, and Go methods such as `Pos()`/`End()` sit on the prototype. The
 * package is frozen (0.10.1, built from mvdan.cc/sh/v3 with go1.17), and
 * test/shell/mvdan.test.ts pins this layout.
 *
 * Go strings are UTF-8, so positions are byte offsets; `parseBash` maps them
 * back to UTF-16 indices into the script.
 */
import { createRequire } from 'node:module';
import type sh from 'mvdan-sh';
import type { ShellSyntaxError } from './types.js';

export interface GoPos {
  readonly offs: number;
  /** 0 when the position is not set (Go's Pos.IsValid). */
  readonly lineCol: number;
}

export interface GoSlice<T> {
  readonly $array: readonly T[];
  readonly $offset: number;
  readonly $length: number;
}

/** Any pointer to a syntax node. */
export interface GoNode {
  readonly constructor: { readonly string?: string; readonly nil?: unknown };
  Pos(): GoPos;
  End(): GoPos;
}

export interface GoComment {
  readonly Hash: GoPos;
  /** UTF-8 bytes, one per JavaScript char. */
  readonly Text: string;
}

export interface GoFile {
  readonly Stmts: GoSlice<GoStmt>;
  readonly Last: GoSlice<GoComment>;
}

export interface GoStmt extends GoNode {
  readonly Comments: GoSlice<GoComment>;
  readonly Cmd: GoNode;
  readonly Position: GoPos;
  /** The `;` or `&` that ends the statement, when there is one. */
  readonly Semicolon: GoPos;
  readonly Negated: boolean;
  readonly Background: boolean;
  readonly Coprocess: boolean;
  readonly Redirs: GoSlice<GoRedirect>;
}

export interface GoWord extends GoNode {
  readonly Parts: GoSlice<GoNode>;
}

export interface GoLit extends GoNode {
  readonly ValuePos: GoPos;
  readonly ValueEnd: GoPos;
  readonly Value: string;
}

export interface GoQuoted extends GoNode {
  readonly Left: GoPos;
  readonly Right: GoPos;
  /** `$'…'` or `$"…"`. */
  readonly Dollar: boolean;
  /** Double quotes only. */
  readonly Parts?: GoSlice<GoNode>;
}

export interface GoAssign extends GoNode {
  readonly Naked: boolean;
  readonly Append: boolean;
  readonly Name: GoLit;
  /** `a[1]=x`. */
  readonly Index: GoNode;
  readonly Value: GoWord;
  readonly Array: GoNode;
}

export interface GoRedirect extends GoNode {
  readonly Word: GoWord;
}

export interface GoCallExpr extends GoNode {
  readonly Assigns: GoSlice<GoAssign>;
  readonly Args: GoSlice<GoWord>;
}

export interface GoDeclClause extends GoNode {
  readonly Variant: GoLit;
  readonly Args: GoSlice<GoAssign>;
}

export interface GoBinaryCmd extends GoNode {
  readonly Op: number;
  readonly X: GoStmt;
  readonly Y: GoStmt;
}

export interface GoBlock extends GoNode {
  readonly Stmts: GoSlice<GoStmt>;
}

/** `if`, and each `elif` and `else` as the Else of the one before; an `else` has no Cond. */
export interface GoIfClause extends GoNode {
  readonly Cond: GoSlice<GoStmt>;
  readonly Then: GoSlice<GoStmt>;
  readonly Else: GoIfClause;
}

export interface GoCaseItem {
  readonly Patterns: GoSlice<GoWord>;
  readonly Stmts: GoSlice<GoStmt>;
}

export interface GoCaseClause extends GoNode {
  /** The word the case tests. */
  readonly Word: GoWord;
  readonly Items: GoSlice<GoCaseItem>;
}

/** syntax.BinCmdOperator values (the parser's token numbers). */
export const BIN_AND = 10;
export const BIN_OR = 11;
export const BIN_PIPE = 12;
export const BIN_PIPE_ALL = 13;

/** The node's Go type name without package, e.g. 'CallExpr'; null for a nil pointer or interface. */
export function nodeType(node: unknown): string | null {
  if (node === null || typeof node !== 'object') return null;
  const ctor = (node as GoNode).constructor;
  if (ctor === undefined || ctor.nil === node) return null;
  let name = typeNames.get(ctor);
  if (name === undefined) typeNames.set(ctor, (name = syntaxTypeName(ctor.string)));
  return name;
}

/** Go type names by constructor: the builder asks for every node of every tree. */
const typeNames = new Map<GoNode['constructor'], string | null>();

function syntaxTypeName(name: unknown): string | null {
  return typeof name === 'string' && name.startsWith('*syntax.') ? name.slice('*syntax.'.length) : null;
}

export function items<T>(slice: GoSlice<T>): T[] {
  const out: T[] = [];
  for (let i = 0; i < slice.$length; i++) out.push(slice.$array[slice.$offset + i]!);
  return out;
}

function isSlice(value: object): value is GoSlice<unknown> {
  return '$array' in value && '$length' in value;
}

function isComment(value: unknown): value is GoComment {
  return typeof value === 'object' && value !== null && (value as GoNode).constructor?.string === 'syntax.Comment';
}

/**
 * A node's children in field order (which is source order for every node
 * type), and the comments it holds. Lets callers reach every statement and
 * substitution without a case for each of the ~40 node types.
 */
export function childrenOf(node: GoNode): { nodes: GoNode[]; comments: GoComment[] } {
  const nodes: GoNode[] = [];
  const comments: GoComment[] = [];
  const fields = node as unknown as Record<string, unknown>;
  for (const key of fieldNames(node)) {
    const value = fields[key];
    if (value === null || typeof value !== 'object') continue;
    if (isSlice(value)) {
      for (const el of items(value)) {
        if (isComment(el)) comments.push(el);
        else if (nodeType(el) !== null) nodes.push(el as GoNode);
      }
    } else if (nodeType(value) !== null) {
      nodes.push(value as GoNode);
    }
  }
  return { nodes, comments };
}

/** A node's field names, the same for every node of its Go type (its constructor sets them all, in order). */
function fieldNames(node: GoNode): readonly string[] {
  let names = fieldsByType.get(node.constructor);
  if (names === undefined) fieldsByType.set(node.constructor, (names = Object.keys(node).filter((k) => k !== '$val')));
  return names;
}

const fieldsByType = new Map<GoNode['constructor'], readonly string[]>();

export interface GoParse {
  readonly ok: true;
  readonly file: GoFile;
  /** A parser byte offset as a UTF-16 index into the script. */
  readonly index: (byteOffset: number) => number;
}

/**
 * One parser for the process. Safe to share: `Parse` resets all parser state
 * first, it runs synchronously, and parse.ts copies what it needs out of the
 * tree before anything can parse again. Sharing it avoids re-zeroing the
 * parser's buffers on every call, which was a fifth of the parse time.
 */
let parser: sh.Parser | null = null;

/**
 * Loaded on first use: the compiled parser takes about a third of a second to
 * load, which a run whose transforms never look inside a RUN should not pay.
 */
let loaded: typeof sh | null = null;
function loadParser(): typeof sh {
  return (loaded ??= createRequire(import.meta.url)('mvdan-sh') as typeof sh);
}

/**
 * Parses with the bash dialect: RUN bodies often use bash-isms even under
 * /bin/sh, and the bash grammar accepts every POSIX script we care about.
 * The tree is only valid until the next call.
 */
export function parseBash(script: string): GoParse | ShellSyntaxError {
  const { syntax } = loadParser();
  const fresh = () => syntax.NewParser(syntax.Variant(syntax.LangBash), syntax.KeepComments(true));
  parser ??= fresh();
  try {
    const file = parser.Parse(script, '').__internal_object__ as GoFile;
    return { ok: true, file, index: byteToIndex(script) };
  } catch {
    // A failure may leave the shared parser mid-state (a stack overflow on a deeply nested
    // script can stop it anywhere): the next parse gets a fresh one.
    parser = null;
    // The shared parser's error positions depend on what it parsed before (the
    // column turns into `?`). Errors are rare, so a fresh parser says it again,
    // the same way in any worker and in any order.
    try {
      fresh().Parse(script, '');
    } catch (error) {
      const message = errorText(error);
      return { ok: false, message: message.replace(/^\d+:(?:\d+|\?): /, ''), at: errorOffset(script, message) };
    }
    return { ok: false, message: 'the shell parser failed', at: 0 };
  }
}

function errorText(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as { Error?: unknown }).Error === 'function') {
    return String((error as { Error(): unknown }).Error());
  }
  return error instanceof Error ? error.message : String(error);
}

/** The script offset of a "line:col: message" error (col counts bytes). */
function errorOffset(script: string, message: string): number {
  const m = /^(\d+):(\d+|\?):/.exec(message);
  if (!m) return 0;
  let start = 0;
  for (let line = 1; line < Number(m[1]); line++) {
    const nl = script.indexOf('\n', start);
    if (nl === -1) break;
    start = nl + 1;
  }
  const lineText = script.slice(start);
  const byteCol = m[2] === '?' ? 0 : Number(m[2]) - 1;
  let bytes = 0;
  let i = 0;
  while (i < lineText.length && bytes < byteCol) {
    const cp = lineText.codePointAt(i)!;
    bytes += utf8Length(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return Math.min(start + i, script.length);
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

function utf8Length(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

const identity = (offs: number): number => offs;

function byteToIndex(script: string): (byteOffset: number) => number {
  if (isAscii(script)) return identity;
  const table: number[] = [];
  let i = 0;
  while (i < script.length) {
    const cp = script.codePointAt(i)!;
    for (let b = utf8Length(cp); b > 0; b--) table.push(i);
    i += cp > 0xffff ? 2 : 1;
  }
  table.push(script.length);
  return (offs) => table[Math.min(offs, table.length - 1)]!;
}
