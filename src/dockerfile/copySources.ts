/**
 * The sources of ADD and COPY as BuildKit reads them (frontend/dockerfile):
 * shell-form arguments are split at blanks with no regard for quotes
 * (`parseStringsWhitespaceDelimited`), exec form is the JSON array, and each
 * word then goes through the shell lexer (quotes removed, `$VAR` expanded);
 * the last word is the destination and `<<NAME` words are inline files.
 * A source is then a URL, a git repository, or a path in the build context.
 */
import * as path from 'node:path';
import type { BuildContext } from '../engine/context.js';
import { heredocWord } from './heredocs.js';
import { logicalText } from './logical.js';
import type { Instruction, ParsedDockerfile } from './types.js';
import { fixedValues, properties, variablesAt } from './variables.js';
import { expandWord } from './words.js';

export interface CopySource {
  /** As written, quotes included (the JSON string's value in exec form). */
  readonly raw: string;
  /** An inline file (`<<EOF`): its content is in the Dockerfile. */
  readonly heredoc: boolean;
  /** After quote removal and variable expansion; null when a variable is only known at build time. */
  readonly value: string | null;
  /** The variables it refers to. */
  readonly vars: readonly string[];
  /** The value with unknown variables left empty: what is certain about its shape (`https://x/$V` starts `https://`). */
  readonly shape: string;
}

export interface CopyArguments {
  readonly sources: readonly CopySource[];
  /** The destination as written. */
  readonly dest: string;
}

/** The sources and destination of an ADD or COPY, or null when it has fewer than two words. */
export function copyArguments(file: ParsedDockerfile, inst: Instruction): CopyArguments | null {
  const words = copyWords(file, inst);
  if (words.length < 2) return null;
  const lookup = fixedVariables(file, inst);
  const sources = words.slice(0, -1).map((raw): CopySource => {
    if (heredocWord(raw) !== null) return { raw, heredoc: true, value: null, vars: [], shape: '' };
    const { value, vars } = expandWord(raw, lookup, file.escape);
    const shape = expandWord(raw, (name) => lookup(name) ?? '', file.escape).value ?? '';
    return { raw, heredoc: false, value, vars, shape };
  });
  return { sources, dest: words.at(-1)! };
}

/**
 * The words of an ADD or COPY as BuildKit splits them, before quote removal and
 * expansion: the JSON array in exec form, else the first logical line split at
 * blanks (BuildKit's reWhitespace), quotes or not. The last is the destination.
 */
export function copyWords(file: ParsedDockerfile, inst: Instruction): string[] {
  if (inst.form === 'exec') return [...(inst.execArgs ?? [])];
  const args = inst.argsSpan;
  if (args === null) return [];
  let end = args.end;
  // Only the instruction's own logical line holds arguments; the heredoc bodies follow it.
  const bodyStart = inst.heredocs[0]?.bodyStart;
  if (bodyStart !== undefined && bodyStart < end) end = bodyStart;
  const text = logicalText(file.text, args.start, end, file.escape).text.replace(/\r?\n$/, '');
  return text.split(/[\t\v\f\r ]+/).filter((w) => w !== '');
}

/**
 * Values that cannot change at build time: ENV set in this Dockerfile to a
 * literal. An ARG can be overridden with `--build-arg`, an ENV may be derived
 * from one, and a variable the Dockerfile does not set may come from the base
 * image (`ENV P=$PATH:/x` reads the image's PATH): all of those are unknown (null).
 */
function fixedVariables(file: ParsedDockerfile, inst: Instruction): (name: string) => string | null {
  const vars = variablesAt(file, inst);
  const fixed = fixedValues(vars);
  return (name) => {
    const value = fixed(name) ?? null;
    if (value === null) return null;
    const raw = properties(file, vars.get(name)!.inst).find((p) => p.name === name)?.raw ?? null;
    return raw === null || raw.includes('$') ? null : value;
  };
}

export type SourceKind = 'url' | 'git' | 'local';

/** BuildKit's gitutil: a scheme such as `https://`, or an SCP-like `user@host:path`. */
const SCHEME = /^[a-zA-Z0-9]+:\/\//;
const SCP_LIKE = /^(?:[a-zA-Z0-9-_]+@)?[a-zA-Z0-9-.]+:/;

/**
 * What ADD makes of a source value. A `.git` URL or an SCP-like address is a git
 * repository; another http(s) URL is a download; any other scheme is treated as
 * remote too, to stay on the safe side. `./x` and `../x` are always paths.
 */
export function sourceKind(value: string): SourceKind {
  if (value.startsWith('./') || value.startsWith('../')) return 'local';
  if (SCHEME.test(value)) {
    const http = /^https?:\/\//i.test(value);
    const gitUrl = /\.git(?:[#?].*)?$/.test(value.replace(/\/+(?=#|$)/, ''));
    return http && !gitUrl ? 'url' : 'git';
  }
  if (value.startsWith('github.com/')) return 'local'; // BuildKit reads this form as a path in ADD
  return SCP_LIKE.test(value) ? 'git' : 'local';
}

/** Go's filepath.Match metacharacters. */
export function isPattern(value: string): boolean {
  return /[*?[]/.test(value);
}

/** A source that can only be a folder: `.`, `/`, or a path ending in `/` or `/.`. */
export function namesFolder(value: string): boolean {
  return value === '.' || value === '' || /\/\.?$/.test(value);
}

/** The source's path relative to the context root: BuildKit reads `/x` and `x` alike and stops `..` at the root. */
export function contextRelative(value: string): string {
  const normal = path.posix.normalize(`/${value}`).replace(/^\/+/, '').replace(/\/+$/, '');
  return normal === '' ? '.' : normal;
}

/**
 * The context paths a pattern matches, as filepath.Match matches each path
 * element (`*` never crosses `/`, a leading dot is an ordinary character),
 * leaving out what the ignore file keeps out of the context. Null when the
 * pattern is malformed.
 */
export function matchInContext(ctx: BuildContext, pattern: string): string[] | null {
  const parts = contextRelative(pattern).split('/');
  let current = ['.'];
  for (const part of parts) {
    const next: string[] = [];
    if (!isPattern(part)) {
      for (const dir of current) {
        const p = dir === '.' ? part : `${dir}/${part}`;
        if (ctx.exists(p)) next.push(p);
      }
    } else {
      const re = patternRegExp(part);
      if (re === null) return null;
      for (const dir of current) {
        for (const e of ctx.list(dir) ?? []) if (re.test(path.posix.basename(e.path))) next.push(e.path);
      }
    }
    current = next;
  }
  return current.filter((p) => p !== '.' && ctx.sends(p));
}

/** One path element of a filepath.Match pattern as a regular expression. */
function patternRegExp(part: string): RegExp | null {
  let out = '';
  for (let i = 0; i < part.length; i++) {
    const c = part[i]!;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '\\') {
      if (i + 1 >= part.length) return null;
      out += escapeRegExp(part[++i]!);
    } else if (c === '[') {
      const close = part.indexOf(']', i + 2);
      if (close === -1) return null;
      let body = part.slice(i + 1, close);
      const negated = body.startsWith('^');
      if (negated) body = body.slice(1);
      out += `[${negated ? '^' : ''}${body.replace(/[\]\\^]/g, (m) => `\\${m}`)}]`;
      i = close;
    } else out += escapeRegExp(c);
  }
  try {
    return new RegExp(`^${out}$`, 's');
  } catch {
    return null; // a class JavaScript rejects, such as `[z-a]`
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** What follows the last metacharacter of a pattern's last element: every match ends with it. */
export function literalTail(pattern: string): string {
  const last = pattern.replace(/\/+$/, '').split('/').at(-1) ?? '';
  let tail = '';
  for (let i = 0; i < last.length; i++) {
    const c = last[i]!;
    if (c === '*' || c === '?') tail = '';
    else if (c === '[') {
      const close = last.indexOf(']', i + 2);
      tail = '';
      i = close === -1 ? last.length : close;
    } else if (c === '\\' && i + 1 < last.length) tail += last[++i];
    else tail += c;
  }
  return tail;
}
