import type { Instruction as AstInstruction } from 'dockerfile-ast';
import { own } from '../own.js';
import { builderFlags } from './builderFlags.js';
import { heredocsOnLine } from './heredocs.js';
import { logicalText } from './logical.js';
import type { Instruction, ParsedDockerfile } from './types.js';
import { Memo } from '../memo.js';

/** A problem that makes the file something BuildKit would reject. */
export interface ValidationError {
  readonly line: number;
  readonly message: string;
}

const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

/**
 * Instructions BuildKit rejects without arguments. RUN, CMD and ENTRYPOINT are
 * not among them: BuildKit accepts them empty (`RUN` runs `sh -c ""`).
 */
const NEEDS_ARGS = new Set(['ADD', 'ARG', 'COPY', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

type FlagKind = 'string' | 'strings' | 'bool';

/**
 * The flags each instruction takes, as BuildKit's instructions/parse.go (and
 * the RUN hooks: mount, network, security, device) declare them. Any other
 * leading `--word` of any instruction is an error, even `CMD --help`.
 */
const FLAGS: Readonly<Record<string, Readonly<Record<string, FlagKind>>>> = {
  ADD: { chown: 'string', chmod: 'string', link: 'bool', 'keep-git-dir': 'bool', checksum: 'string', unpack: 'bool', exclude: 'strings' },
  COPY: { chown: 'string', from: 'string', chmod: 'string', link: 'bool', exclude: 'strings', parents: 'bool' },
  FROM: { platform: 'string' },
  RUN: { mount: 'strings', network: 'string', security: 'string', device: 'strings' },
  HEALTHCHECK: { interval: 'string', timeout: 'string', 'start-period': 'string', 'start-interval': 'string', retries: 'string' },
};

/** Instructions whose arguments may be a JSON array; one that holds anything but strings is an error. */
const JSON_CAPABLE = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'ADD', 'COPY', 'VOLUME']);

/** BuildKit's stage names, after lower-casing. */
const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

/**
 * dockerfile-ast accepts anything; transforms must only ever see files that
 * BuildKit would parse, so the engine checks the rules BuildKit's parser
 * (frontend/dockerfile/parser) and instruction parsing
 * (frontend/dockerfile/instructions/parse.go) enforce before anything edits the file.
 */
export function validate(file: ParsedDockerfile): ValidationError | null {
  // dockerfile-ast ends a line at a lone CR; BuildKit only at LF. Their views of such a file differ.
  const cr = /\r(?!\n)/.exec(file.text);
  if (cr !== null) return { line: file.lines.lineOf(cr.index), message: 'carriage return not followed by a line feed (BuildKit does not end a line there)' };
  const directive = checkDirectives(file);
  if (directive !== null) return directive;
  if (file.instructions.length === 0) return { line: 1, message: 'file with no instructions' };
  let seenFrom = false;
  for (const inst of file.instructions) {
    const problem = instructionProblem(file, inst, seenFrom);
    if (problem !== null) return { line: inst.line, message: problem };
    if (inst.keyword === 'FROM') seenFrom = true;
  }
  return null;
}

/**
 * Verdicts by dockerfile-ast node. A re-parse keeps the node of every instruction
 * no edit touched, whose text is then the same, so after a pass only the
 * instructions it rewrote are checked again. FROM is always checked: its base
 * reads the ARGs before it.
 */
const verdicts = new Memo<AstInstruction, { readonly escape: string; readonly seenFrom: boolean; readonly problem: string | null }>();

function instructionProblem(file: ParsedDockerfile, inst: Instruction, seenFrom: boolean): string | null {
  if (inst.keyword === 'FROM') return checkInstruction(file, inst, seenFrom);
  const known = verdicts.get(inst.node);
  if (known !== undefined && known.escape === file.escape && known.seenFrom === seenFrom) return known.problem;
  const problem = checkInstruction(file, inst, seenFrom);
  verdicts.set(inst.node, { escape: file.escape, seenFrom, problem });
  return problem;
}

/** `# escape=` takes only a backslash or a backtick, and each directive comes once. */
function checkDirectives(file: ParsedDockerfile): ValidationError | null {
  const seen = new Set<string>();
  for (const d of file.directives) {
    if (seen.has(d.name)) return { line: d.line, message: `only one ${d.name} parser directive can be used` };
    seen.add(d.name);
    if (d.name === 'escape' && d.value !== '\\' && d.value !== '`') return { line: d.line, message: `invalid escape token '${d.value}' does not match \` or \\` };
  }
  // dockerfile-ast takes an escape directive that follows a comment BuildKit's directives end at
  // (`#checkov:skip=…`), which BuildKit ignores: the two would join lines differently.
  const escape = file.directives.find((d) => d.name === 'escape')?.value ?? '\\';
  if (file.escape !== escape) {
    const ignored = file.ast.getDirectives().find((d) => d.getName().toLowerCase() === 'escape');
    return { line: ignored === undefined ? 1 : ignored.getRange().start.line + 1, message: 'an escape directive after a comment that ends the parser directives: BuildKit ignores it, and dockshift would read the file with it' };
  }
  return null;
}

/**
 * What makes a keyword that looks known unknown: a blank Docker does not split words at (a
 * no-break space pasted from a web page), which it reads as part of the keyword.
 */
function oddBlank(written: string): string {
  const m = /^([A-Za-z]+)([\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff])/.exec(written);
  if (m === null || !KEYWORDS.has(m[1]!.toUpperCase())) return '';
  const code = m[2]!.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return ` (after ${m[1]} comes U+${code}, ${code === '00A0' ? 'a no-break space' : 'a blank'} Docker does not split words at: use a space)`;
}

function checkInstruction(file: ParsedDockerfile, inst: Instruction, seenFrom: boolean): string | null {
  const written = file.text.slice(inst.keywordSpan.start, inst.keywordSpan.end);
  if (!KEYWORDS.has(inst.keyword)) return `unknown instruction: ${written}${oddBlank(written) || heredocNotRead(file, inst)}`;
  if (!seenFrom && inst.keyword !== 'ARG' && inst.keyword !== 'FROM') {
    return `${inst.keyword} before the first FROM (only ARG may come first)`;
  }
  const open = unclosedHeredoc(file, inst);
  if (open !== null) return open;
  if (ONLY_FLAGS_AND_JSON.has(inst.keyword) && plainStart(file, inst)) return null;
  const { flags, rest } = leadingFlags(file, inst);
  if (NEEDS_ARGS.has(inst.keyword) && rest.trim() === '' && inst.heredocs.length === 0) {
    return `${inst.keyword} requires at least one argument`;
  }
  // HEALTHCHECK NONE reads no flags at all.
  const healthcheckNone = inst.keyword === 'HEALTHCHECK' && /^none$/i.test(rest.trim().split(/\s+/)[0] ?? '');
  if (!healthcheckNone) {
    const flagProblem = checkFlags(inst.keyword, flags);
    if (flagProblem !== null) return flagProblem;
  }
  if (JSON_CAPABLE.has(inst.keyword)) {
    const json = jsonProblem(rest);
    if (json !== null) return json;
  }
  if (EXPANDS.has(inst.keyword)) {
    const dotted = dottedName(rest, file.escape);
    if (dotted !== null) return `failed to process "${dotted}": unsupported modifier (.) in substitution`;
  }
  switch (inst.keyword) {
    case 'FROM':
      return checkFrom(file, inst);
    case 'ENV':
    case 'LABEL':
      return checkKeyValue(inst, rest, file.escape);
    case 'ARG':
      return wordsOf(rest, file.escape).some((w) => w.startsWith('=')) ? 'ARG names can not be blank' : null;
    case 'ONBUILD':
      return checkOnbuild(rest);
    case 'COPY':
    case 'ADD':
      if (argumentCount(inst, rest) < 2) return `${inst.keyword} requires at least two arguments, but only one was provided. Destination could not be determined`;
      return spacedHeredocSource(inst, rest);
    case 'SHELL':
      return inst.form === 'exec' ? null : 'SHELL requires the arguments to be in JSON form';
    case 'HEALTHCHECK':
      return checkHealthcheck(rest, flags, healthcheckNone);
    case 'VOLUME':
      return inst.execArgs !== null && inst.execArgs.some((v) => v.trim() === '') ? 'VOLUME specified can not be an empty string' : null;
    default:
      return null;
  }
}

/** Instructions whose arguments BuildKit expands variables in, itself (not a shell). */
const EXPANDS = new Set(['ADD', 'ARG', 'COPY', 'ENV', 'EXPOSE', 'FROM', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

/**
 * \`\${docker.base.image}\`: a name with a dot, which BuildKit's expansion reads as the name \`docker\`
 * followed by a modifier it does not know. Maven's resource filtering and Spring's placeholders
 * write such names; the file is their template.
 */
const DOTTED_NAME = /\$\{[A-Za-z_][A-Za-z0-9_]*\.[^}\s]*\}/y;

/** The first DOTTED_NAME BuildKit would expand: not in single quotes, nor after the escape character. */
function dottedName(text: string, escape: string): string | null {
  if (!text.includes('${')) return null;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === escape && quote !== "'") i++;
    else if (quote !== null && ch === quote) quote = null;
    else if (quote === null && (ch === '"' || ch === "'")) quote = ch;
    else if (ch === '$' && quote !== "'") {
      DOTTED_NAME.lastIndex = i;
      const m = DOTTED_NAME.exec(text);
      if (m !== null) return m[0];
    }
  }
  return null;
}

/**
 * A heredoc no line closes: BuildKit reads the rest of the file as its body and fails with
 * "unterminated heredoc" on the instruction's line. The parse holds only heredocs BuildKit reads
 * (src/dockerfile/heredocs.ts).
 */
function unclosedHeredoc(file: ParsedDockerfile, inst: Instruction): string | null {
  const open = inst.heredocs.find((h) => !h.closed);
  if (open === undefined) return null;
  // The usual cause: the closing line has blanks around the name, which BuildKit does not strip.
  const bodyStart = open.bodyStart;
  const body = bodyStart >= file.text.length ? [] : file.text.slice(bodyStart).split('\n');
  const near = body.findIndex((line) => line.trim() === open.name);
  const hint =
    near !== -1
      ? ` (line ${file.lines.lineOf(bodyStart) + near} has ${open.name} with blanks around it, which does not close it)`
      : /^\d*<<[ \t]/.test(file.text.slice(open.span.start, open.span.start + 24))
        ? ' (BuildKit reads `<<` followed by blanks as a heredoc since dockerfile 1.16)'
        : '';
  return `unterminated heredoc: no line after it is ${open.name} alone to close it${hint}`;
}

/**
 * What makes the lines after a `CMD cat <<EOF` or a `RUN cat<<EOF` instructions: BuildKit reads
 * heredocs only in RUN, COPY and ADD, and only where `<<` starts a word, so a line of the document
 * comes out unknown. Names the instruction before it in its stage that looks as if it opened one.
 */
function heredocNotRead(file: ParsedDockerfile, inst: Instruction): string {
  for (let k = inst.index - 1; k >= 0; k--) {
    const prev = file.instructions[k]!;
    if (prev.keyword === 'FROM') break;
    if (prev.keyword === 'ONBUILD' || prev.argsSpan === null || prev.heredocs.length > 0) continue;
    const args = logicalText(file.text, prev.argsSpan.start, prev.argsSpan.end, file.escape).text;
    if (HEREDOC_KEYWORDS.has(prev.keyword)) {
      // `cat<<EOF`: read as BuildKit would read `cat <<EOF`.
      const [doc] = heredocsOnLine(`${prev.keyword} ${args.replace(/([^\s\d<])<<(?=-?["']?[A-Za-z_])/g, '$1 <<')}`);
      if (doc !== undefined) return ` (the ${prev.keyword} on line ${prev.line} opens no heredoc: BuildKit reads << as one only at the start of a word, so the lines after its <<${doc.name} are instructions)`;
      continue;
    }
    const [doc] = heredocsOnLine(`RUN ${args}`);
    if (doc !== undefined) return ` (the ${prev.keyword} on line ${prev.line} opens no heredoc, as only RUN, COPY and ADD do: the lines after its <<${doc.name} are instructions)`;
  }
  return '';
}

/** The instructions BuildKit reads heredocs in (its canContainHeredoc). */
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

/**
 * `COPY << EOF /dest`: since dockerfile 1.16 the parser reads the heredoc's body, but COPY and ADD
 * split their words at blanks and take `<<` and `EOF` for paths in the build context, which the
 * build then fails to find.
 */
function spacedHeredocSource(inst: Instruction, rest: string): string | null {
  if (inst.heredocs.length === 0 || inst.execArgs !== null) return null;
  const words = rest.split(/\s+/).filter((w) => w !== '');
  const at = words.slice(0, -1).findIndex((w) => /^\d*<<-?$/.test(w));
  if (at === -1) return null;
  const name = words[at + 1] ?? '';
  return `${inst.keyword} takes ${words[at]} and ${name} for paths in the build context: BuildKit reads a heredoc source only as one word (${words[at]}${name})`;
}

/** Instructions whose only checks are their flags and a JSON array of non-strings. */
const ONLY_FLAGS_AND_JSON = new Set(['RUN', 'CMD', 'ENTRYPOINT']);

/**
 * The arguments start with neither a flag nor a JSON array: blanks after the
 * keyword, then a character that is not `-`, `[` or the escape character (which
 * may join a line, where the logical line would have to be read).
 */
function plainStart(file: ParsedDockerfile, inst: Instruction): boolean {
  const text = file.text;
  let i = inst.keywordSpan.end;
  while (i < inst.span.end && /\s/.test(text[i]!)) i++;
  if (i >= inst.span.end) return false;
  const c = text[i];
  return c !== '-' && c !== '[' && c !== file.escape;
}

/**
 * The instruction's leading `--flags` and the rest of its first logical line,
 * split as BuildKit splits them.
 */
function leadingFlags(file: ParsedDockerfile, inst: Instruction): { flags: string[]; rest: string } {
  // With heredocs, only the instruction's own logical line: the documents follow it.
  const end = Math.min(inst.heredocs[0]?.bodyStart ?? inst.span.end, inst.span.end);
  const line = logicalText(file.text, inst.keywordSpan.end, Math.max(end, inst.keywordSpan.end), file.escape).text.replace(/\r?\n?$/, '');
  return builderFlags(line, file.escape);
}

function checkFlags(keyword: string, flags: readonly string[]): string | null {
  const known = FLAGS[keyword] ?? {};
  const used = new Set<string>();
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    const name = eq === -1 ? flag.slice(2) : flag.slice(2, eq);
    const value = eq === -1 ? null : flag.slice(eq + 1);
    const kind = own(known, name);
    if (kind === undefined) return `unknown flag: --${name}`;
    if (used.has(name) && kind !== 'strings') return `duplicate flag specified: --${name}`;
    used.add(name);
    if (kind === 'bool') {
      if (value === '') return `missing a value on flag: --${name}`;
      if (value !== null && !/^(?:true|false)$/i.test(value)) return `expecting boolean value for flag --${name}, not: ${value}`;
    } else if (value === null) return `missing a value on flag: --${name}`;
  }
  return null;
}

/** Arguments that start like a JSON array and parse as one must hold only strings. */
function jsonProblem(rest: string): string | null {
  const text = rest.trim();
  if (!text.startsWith('[')) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null; // not JSON: shell form
  }
  if (Array.isArray(value) && !value.every((v) => typeof v === 'string')) return 'when using JSON array syntax, arrays must be comprised of strings only';
  return null;
}

function checkFrom(file: ParsedDockerfile, inst: Instruction): string | null {
  const stage = file.stages[inst.stage];
  if (stage === undefined) return null;
  const args = inst.node.getArguments().map((a) => a.getValue());
  if (args.length !== 1 && !(args.length === 3 && args[1]!.toUpperCase() === 'AS')) {
    return 'FROM takes an image and optionally "AS name"';
  }
  if (args.length === 3 && !STAGE_NAME.test(args[2]!.toLowerCase())) {
    return `invalid name for build stage: "${args[2]}", name can't start with a number or contain symbols`;
  }
  if (stage.base.kind === 'unknown' && !stage.base.raw.includes('$')) {
    return `invalid image reference "${stage.base.raw}"`;
  }
  if (stage.base.kind === 'unknown' && /%%|[^\w.:/@${}+-]/.test(stage.base.raw.replace(/\$\{[^}]*\}/g, ''))) {
    return `invalid image reference "${stage.base.raw}"`;
  }
  return null;
}

/**
 * BuildKit's parseNameVal: the legacy `KEY name value` when the first word has
 * no `=` (it needs a value), else every word is `name=value` with a name.
 */
function checkKeyValue(inst: Instruction, rest: string, escape: string): string | null {
  const words = wordsOf(rest, escape);
  const first = words[0] ?? '';
  if (!first.includes('=')) return words.length < 2 ? `${inst.keyword} ${first} has no value` : null;
  const bare = words.find((w) => !w.includes('='));
  if (bare !== undefined) return `Syntax error - can't find = in "${bare}". Must be of the form: name=value`;
  if (words.some((w) => w.startsWith('='))) return `${inst.keyword} names can not be blank`;
  return null;
}

/**
 * An ONBUILD trigger is only parsed in the image built FROM this one; here
 * BuildKit only refuses chaining ONBUILD and the triggers FROM and MAINTAINER.
 */
function checkOnbuild(rest: string): string | null {
  const trigger = /^\s*([A-Za-z]+)/.exec(rest)?.[1]?.toUpperCase() ?? '';
  if (trigger === 'ONBUILD') return 'Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed';
  if (trigger === 'FROM' || trigger === 'MAINTAINER') return `${trigger} isn't allowed as an ONBUILD trigger`;
  return null;
}

function checkHealthcheck(rest: string, flags: readonly string[], none: boolean): string | null {
  const [type = '', ...args] = rest.trim().split(/\s+/);
  if (none) return args.length > 0 ? 'HEALTHCHECK NONE takes no arguments' : null;
  if (type.toUpperCase() !== 'CMD') return `Unknown type "${type}" in HEALTHCHECK (try CMD)`;
  if (args.length === 0 || (jsonArray(args.join(' ')) ?? ['x']).length === 0) return 'Missing command after HEALTHCHECK CMD';
  for (const flag of flags) {
    const [name, value = ''] = flag.slice(2).split(/=(.*)/s);
    if (name === 'retries') {
      if (!/^[-+]?\d+$/.test(value)) return `--retries: invalid number "${value}"`;
      if (Number(value) < 0) return `--retries cannot be negative (${Number(value)})`;
    } else if (value !== '') {
      const ms = goDuration(value);
      if (ms === null) return `time: invalid duration "${value}"`;
      if (ms !== 0 && ms < 1) return `Interval "${name}" cannot be less than 1ms`;
    }
  }
  return null;
}

function jsonArray(text: string): unknown[] | null {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}

const DURATION_UNITS: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go's time.ParseDuration, in milliseconds; null when Go would reject it. */
export function goDuration(text: string): number | null {
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s.startsWith('-') ? -1 : 1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return null;
  let total = 0;
  const part = /^(\d*(?:\.\d*)?)(ns|us|µs|μs|ms|s|m|h)/;
  while (s !== '') {
    const m = part.exec(s);
    if (m === null || m[1] === '' || m[1] === '.') return null;
    total += Number(m[1]) * DURATION_UNITS[m[2]!]!;
    s = s.slice(m[0].length);
  }
  return sign * total;
}

/** How many arguments COPY or ADD has: its JSON array, or what whitespace separates (BuildKit reads no quotes there). */
function argumentCount(inst: Instruction, rest: string): number {
  if (inst.execArgs !== null) return inst.execArgs.length;
  return rest.split(/\s+/).filter((w) => w !== '').length;
}

/** Whitespace-separated words with quotes and escapes kept together, as BuildKit's parseWords reads them. */
function wordsOf(text: string, escape: string): string[] {
  const words: string[] = [];
  // A word is all of the text from its first character to its last: cut, not built.
  let start = -1;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote === null && /\s/.test(ch)) {
      if (start !== -1) words.push(text.slice(start, i));
      start = -1;
      continue;
    }
    if (start === -1) start = i;
    if (ch === escape && i + 1 < text.length && quote !== "'") i++;
    else if (quote === null && (ch === '"' || ch === "'")) quote = ch;
    else if (ch === quote) quote = null;
  }
  if (start !== -1) words.push(text.slice(start));
  return words;
}
