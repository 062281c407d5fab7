/**
 * What a COPY or ADD reads and where it writes, as BuildKit reads them: JSON form, or
 * words split on blanks, each then expanded (quotes removed, `$VAR` from the build
 * arguments and environment at that point). The last word is the destination; words
 * that open a heredoc (`<<EOF`) are inline contents, not paths.
 */
import * as path from 'node:path';
import { copyWords } from './copySources.js';
import { documentLines, heredocWord } from './heredocs.js';
import type { Instruction, ParsedDockerfile } from './types.js';
import { variablesAt } from './variables.js';
import { expandWord, type Lookup } from './words.js';

export interface CopyWord {
  /** As written. */
  readonly raw: string;
  /** Expanded, quotes removed; null when it depends on a value only known at build time. */
  readonly value: string | null;
}

export interface CopyArgs {
  readonly inst: Instruction;
  /** The `--from` value: the copy reads a stage or an image, not the build context. */
  readonly from: string | null;
  /** Source paths (heredoc sources left out). */
  readonly sources: readonly CopyWord[];
  /** The files it writes from heredocs (`COPY <<EOF /app/run.sh`), in order; null when they cannot be read. */
  readonly inline: readonly InlineFile[] | null;
  readonly dest: CopyWord;
}

/** A file a COPY or ADD writes from a heredoc. */
export interface InlineFile {
  /** The delimiter, which names the file in a destination folder (`COPY <<run.sh <<stop.sh /app/`). */
  readonly name: string;
  /**
   * The file's text; null when BuildKit expands variables in it when it builds: the delimiter is
   * not quoted, and a `$` or a backslash in the text may be expanded from a value not known here.
   */
  readonly text: string | null;
  /** How many of the path sources come before it: of two sources that write one path, the later wins. */
  readonly after: number;
}

/** The sources and destination of a COPY or ADD; null for other instructions or one without a destination. */
export function copyArgs(file: ParsedDockerfile, inst: Instruction): CopyArgs | null {
  if ((inst.keyword !== 'COPY' && inst.keyword !== 'ADD') || inst.argsSpan === null) return null;
  const words = copyWords(file, inst);
  if (words.length < 2) return null;
  const vars = variablesAt(file, inst);
  // BuildKit expands these with the base image's environment too (php's PHP_INI_DIR, node's
  // NODE_VERSION), which the Dockerfile does not show: a name it does not set is unknown, not empty.
  const lookup: Lookup = (name) => vars.get(name)?.value ?? null;
  const expand = (raw: string): CopyWord => {
    // JSON form has no quotes left to remove, only variables to expand.
    if (inst.form === 'exec' && !raw.includes('$')) return { raw, value: raw };
    return { raw, value: expandWord(raw, lookup, file.escape).value };
  };
  const from = inst.flags.find((f) => f.name.toLowerCase() === 'from')?.value ?? null;
  const sources = words.slice(0, -1);
  return {
    inst,
    from,
    sources: sources.filter((w) => !HEREDOC_WORD.test(w)).map(expand),
    inline: sources.some((w) => HEREDOC_WORD.test(w)) ? inlineFiles(file, inst, sources) : [],
    dest: expand(words.at(-1)!),
  };
}

/** A source that is a heredoc, not a path (BuildKit's MustParseHeredoc). */
const HEREDOC_WORD = { test: (word: string): boolean => heredocWord(word) !== null };

/**
 * The heredocs' files, matched in order with the instruction's heredocs: their bodies follow the
 * instruction's line one after the other, each ending at a line that is its delimiter (after tabs,
 * which `<<-` strips from every line). Null when the words and the parsed heredocs do not match.
 */
function inlineFiles(file: ParsedDockerfile, inst: Instruction, sources: readonly string[]): InlineFile[] | null {
  const marks = sources.flatMap((w, i) => (HEREDOC_WORD.test(w) ? [{ word: w, after: sources.slice(0, i).filter((v) => !HEREDOC_WORD.test(v)).length }] : []));
  if (marks.length !== inst.heredocs.length) return null;
  const out: InlineFile[] = [];
  for (const [k, doc] of inst.heredocs.entries()) {
    if (heredocWord(marks[k]!.word)?.name !== doc.name || doc.span.end < doc.bodyStart) return null;
    const lines = documentLines(file, doc);
    const text = lines.length === 0 ? '' : `${lines.join('\n')}\n`;
    out.push({ name: doc.name, text: doc.expand && /[$\\]/.test(text) ? null : text, after: marks[k]!.after });
  }
  return out;
}

/**
 * A source as a path in the build context (`./src/` → `src`, `.` → `.`): BuildKit reads
 * sources relative to the context root, a leading `/` included. Null when unknown or a URL.
 */
export function contextSource(word: CopyWord): string | null {
  if (word.value === null || /^[a-z][a-z0-9+.-]*:\/\//i.test(word.value) || word.value.startsWith('git@')) return null;
  const normal = path.posix.normalize(`/${word.value}`);
  return normal === '/' ? '.' : normal.slice(1).replace(/\/+$/, '');
}

/** The source names the whole context: `.`, `./`, `/`. */
export function isWholeContext(word: CopyWord): boolean {
  return contextSource(word) === '.';
}

/** The source sends every top-level entry of the context: the whole context, or `*` (which matches dotfiles too). */
export function sendsEveryEntry(word: CopyWord): boolean {
  const p = contextSource(word);
  return p === '.' || p === '*';
}

/** A source pattern as a RegExp over context paths, as Go's filepath.Match reads it (`*` and `?` stop at `/`). */
export function sourcePattern(source: string): RegExp {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '\\' && i + 1 < source.length) out += escapeRegExp(source[++i]!);
    else if (c === '[') {
      const close = source.indexOf(']', i + 2);
      if (close === -1) {
        out += '\\[';
        continue;
      }
      const body = source.slice(i + 1, close).replace(/^\^/, '!');
      out += `[${body.startsWith('!') ? `^${body.slice(1).replace(/[\\\]]/g, '\\$&')}` : body.replace(/[\\\]]/g, '\\$&')}]`;
      i = close;
    } else out += escapeRegExp(c);
  }
  return new RegExp(`^${out}$`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
