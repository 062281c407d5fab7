import { builderFlags } from './builderFlags.js';
import { lexWords } from './heredocLexer.js';
import { logicalText } from './logical.js';
import type { HeredocSpan, Instruction, ParsedDockerfile } from './types.js';

/**
 * The heredocs of an instruction as BuildKit reads them (frontend/dockerfile/parser: Parse,
 * heredocsFromLine, heredocFromMatch, canContainHeredoc), where dockerfile-ast reads others:
 * - only RUN, COPY and ADD (alone or as an ONBUILD trigger) in shell form open heredocs; in a
 *   JSON array, a CMD or an ENTRYPOINT `<<EOF` is text, and the lines after it are instructions
 *   (the JSON array is what follows the flags, split off as builderFlags.ts splits them);
 * - the logical line is split into words as BuildKit's lexer splits it (heredocLexer.ts, its
 *   quirks included), quotes and escapes kept (with a backslash as the escape character,
 *   whatever `# escape=` says), so `"a <<EOF"` and
 *   `\<<EOF` open none, and blanks after `<<` stay in its word: `cat << EOF` opens EOF, as
 *   it does since dockerfile 1.16 (BuildKit 0.22; before, the lines after it were instructions);
 * - a word opens one when it is a file descriptor's digits, `<<`, an optional `-` and one word
 *   (`2<<EOF`, `<<-"EOF"`); the name is that word with its quotes and escapes removed
 *   (`<<E"O"F` is EOF); text the lexer cannot read (a quote or a `${` left open) opens none;
 * - each heredoc's own `-` strips tabs before its closing line, and a closing line is the name
 *   alone, less its line ending.
 */
export interface HeredocRead extends HeredocWord {
  /** Where its word starts (the file descriptor's digits or `<<`). */
  readonly start: number;
  /** Where its word ends. */
  readonly wordEnd: number;
  /** The end of its closing line's content (before the line ending), or the text's end when no line closes it. */
  readonly end: number;
  /** Where its document's first line starts. */
  readonly bodyStart: number;
  /** A line closes it. */
  readonly closed: boolean;
}

/** BuildKit's canContainHeredoc. */
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

/** BuildKit's reHeredoc (Go's `\s` is [\t\n\f\r ]). */
const HEREDOC = /^(\d*)<<(-?)[\t\n\f\r ]*([^<]*)$/;

/**
 * The heredocs of the instruction whose keyword starts at `start` in `text` and whose first logical
 * line ends at `lineEnd` (its line ending, or the text's end), read as BuildKit reads them; `end` is
 * where the instruction ends: the end of its last heredoc's closing line, or `lineEnd` when it has none.
 */
export function readHeredocs(text: string, start: number, lineEnd: number, escape: string): { docs: HeredocRead[]; end: number } {
  const none = { docs: [], end: lineEnd };
  const logical = logicalText(text, start, lineEnd, escape);
  const opened = heredocsOnLine(logical.text, escape).map(({ at, end, ...word }) => ({ ...word, start: logical.offsetOf(at), wordEnd: logical.offsetOf(end) }));
  if (opened.length === 0) return none;
  return bodies(text, lineEnd, opened);
}

/** What a word that opens a heredoc says of it (BuildKit's Heredoc, less its content). */
export interface HeredocWord {
  /** The delimiter, its quotes and escapes removed: `<<E"O"F` is EOF. */
  readonly name: string;
  /** Whether `<<-` strips the leading tabs of its lines. */
  readonly chomp: boolean;
  /**
   * Whether COPY and ADD expand variables in its text: no quote in the delimiter (`<<EOF`,
   * `<<\EOF`), not `<<"EOF"` nor `<<E'O'F`. A RUN leaves its documents to the shell.
   */
  readonly expand: boolean;
  /** The file descriptor it is read on: 0 (standard input) unless digits come before `<<` (`3<<EOF`). */
  readonly fd: number;
}

/**
 * BuildKit's ParseHeredoc: the heredoc a word opens, or null. Also how COPY and ADD tell a source
 * word for a heredoc (its MustParseHeredoc on the words it splits at blanks): `<<EOF`, `<<-"EOF"`,
 * `3<<EOF`, not a path nor a bare `<<`.
 */
export function heredocWord(word: string): HeredocWord | null {
  const m = HEREDOC.exec(word);
  if (m === null || m[3] === '') return null;
  // BuildKit reads the delimiter with and without its quotes: one word both ways, and a quote that goes was a quoting one.
  const words = lexWords(m[3]!, { quotes: false, escapes: false });
  const raw = lexWords(m[3]!, { quotes: true, escapes: false });
  if (words?.length !== 1 || raw?.length !== 1) return null;
  const quotes = (w: string) => w.replace(/[^'"]/g, '').length;
  return { name: words[0]!.text, chomp: m[2] === '-', expand: quotes(words[0]!.text) === quotes(raw[0]!.text), fd: m[1] === '' ? 0 : Number(m[1]) };
}

/**
 * The heredocs an instruction's logical line (continuations joined, its keyword first) opens, as
 * BuildKit reads them, with where each one's word starts and ends in the line. `escape` is the
 * file's escape character, which only the flags are read with.
 */
export function heredocsOnLine(line: string, escape = '\\'): (HeredocWord & { at: number; end: number })[] {
  if (!line.includes('<<') || !readsHeredocs(line, escape)) return [];
  return (lexWords(line, { quotes: true, escapes: true }) ?? []).flatMap((w) => {
    const doc = heredocWord(w.text);
    return doc === null ? [] : [{ ...doc, at: w.at[0]!, end: w.at.at(-1)! + 1 }];
  });
}

/**
 * An instruction's arguments on its first logical line (continuations joined, the documents after
 * it left out), without the words that open its heredocs: ` bash` for `RUN <<E"O"F bash`, `cat `
 * for `RUN cat 3<<-EOF`. The shell runs that line with the heredocs as redirections.
 */
export function withoutHeredocWords(file: ParsedDockerfile, inst: Instruction): string {
  if (inst.argsSpan === null) return '';
  const end = Math.min(inst.heredocs[0]?.bodyStart ?? inst.argsSpan.end, inst.argsSpan.end);
  const logical = logicalText(file.text, inst.argsSpan.start, end, file.escape);
  let line = '';
  for (let i = 0; i < logical.text.length; i++) {
    const at = logical.offsetOf(i);
    if (!inst.heredocs.some((h) => h.span.start <= at && at < h.wordEnd)) line += logical.text[i];
  }
  return line.replace(/\r?\n$/, '');
}

/**
 * The lines of a heredoc's document, without their line endings and its closing line; `<<-`
 * strips the tabs that start them (BuildKit for COPY, ADD and a bare `RUN <<-EOF`, the shell for others).
 */
export function documentLines(file: ParsedDockerfile, doc: HeredocSpan): string[] {
  if (doc.span.end < doc.bodyStart) return [];
  const lines = file.text.slice(doc.bodyStart, doc.span.end).split('\n').map((l) => {
    const line = l.replace(/\r$/, '');
    return doc.chomp ? line.replace(/^\t+/, '') : line;
  });
  return doc.closed ? lines.slice(0, -1) : lines;
}

/** Whether a line of a document (without its line ending) closes the heredoc: its name alone, after tabs with `<<-`. */
export function closesHeredoc(line: string, doc: { readonly name: string; readonly chomp: boolean }): boolean {
  return (doc.chomp ? line.replace(/^\t+/, '') : line) === doc.name;
}

type Opened = Omit<HeredocRead, 'end' | 'bodyStart' | 'closed'>;

/** The heredocs' bodies: they follow the line ending at `lineEnd`, one after the other. */
function bodies(text: string, lineEnd: number, opened: readonly Opened[]): { docs: HeredocRead[]; end: number } {
  let at = lineEnd;
  if (text[at] === '\r') at++;
  if (text[at] === '\n') at++;
  const docs: HeredocRead[] = [];
  let end = lineEnd;
  for (const doc of opened) {
    const bodyStart = at;
    let closed = false;
    end = text.length;
    while (at < text.length) {
      const nl = text.indexOf('\n', at);
      let contentEnd = nl === -1 ? text.length : nl;
      while (contentEnd > at && text[contentEnd - 1] === '\r') contentEnd--;
      const content = text.slice(at, contentEnd);
      at = nl === -1 ? text.length : nl + 1;
      if (closesHeredoc(content, doc)) {
        closed = true;
        end = contentEnd;
        break;
      }
    }
    docs.push({ ...doc, end, closed, bodyStart });
  }
  return { docs, end };
}

/** Whether BuildKit looks for heredocs in this logical line: RUN, COPY or ADD (or such an ONBUILD trigger), not in JSON form. */
function readsHeredocs(line: string, escape: string): boolean {
  let rest = line.replace(/^[ \t]+/, '');
  let keyword = /^\S+/.exec(rest)?.[0] ?? '';
  if (keyword.toUpperCase() === 'ONBUILD') {
    rest = rest.slice(keyword.length).replace(/^\s+/, '');
    keyword = /^\S+/.exec(rest)?.[0] ?? '';
  }
  if (!HEREDOC_KEYWORDS.has(keyword.toUpperCase())) return false;
  // The flags come off before the arguments are read as JSON.
  const args = builderFlags(rest.slice(keyword.length), escape).rest.trim();
  if (!args.startsWith('[')) return true;
  try {
    const value: unknown = JSON.parse(args);
    return !(Array.isArray(value) && value.every((v) => typeof v === 'string'));
  } catch {
    return true;
  }
}
