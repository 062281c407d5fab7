/**
 * Words of Dockerfile instructions as BuildKit's shell lexer reads them
 * (frontend/dockerfile/shell/lex.go): quotes are removed, the escape character
 * makes the next character literal, and `$VAR`, `${VAR}`, `${VAR:-word}`,
 * `${VAR-word}`, `${VAR:+word}`, `${VAR+word}` and `${VAR:?msg}` expand from
 * build arguments and environment variables.
 */

/** A variable's value: a string, null when set but only known at build time, undefined when not set. */
export type Lookup = (name: string) => string | null | undefined;

export interface Expansion {
  /** The word after expansion and quote removal; null when it depends on a value only known at build time. */
  readonly value: string | null;
  /** Every variable the word refers to, in order, once each. */
  readonly vars: readonly string[];
}

const NO_VARS: readonly string[] = [];
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/**
 * Defaults inside defaults (`${A:-${B:-x}}`) nest no deeper than this; a word
 * nested deeper expands to an unknown value rather than recursing as deep as
 * the input goes.
 */
const MAX_NESTING = 64;

/**
 * How much longer than the word itself an expansion may be before it counts as
 * unknown: far beyond any real value (a long PATH is a few hundred characters),
 * far below what a string or the heap can hold.
 */
export const MAX_EXPANSION_GROWTH = 4 * 1024 * 1024;

/**
 * Expands a word; unknown values make the result null but every variable is still listed.
 * A result longer than `limit` characters is unknown too: values that refer to
 * themselves (`ENV A=$A$A`, `ENV PATH=$PATH:/x` on every line) grow with each
 * line, and a file can make one too long for a string, or a table of them
 * larger than memory.
 */
export function expandWord(word: string, lookup: Lookup, escape = '\\', limit = word.length + MAX_EXPANSION_GROWTH): Expansion {
  return expand(word, lookup, escape, limit, 0);
}

function expand(word: string, lookup: Lookup, escape: string, limit: number, depth: number): Expansion {
  // Most words hold nothing to expand or remove: no `$`, quote or escape character.
  if (!word.includes('$') && !word.includes("'") && !word.includes('"') && !word.includes(escape)) {
    return { value: word.length > limit ? null : word, vars: NO_VARS };
  }
  const vars: string[] = [];
  const seen = new Set<string>();
  let unknown = false;
  const note = (name: string) => {
    if (!seen.has(name)) {
      seen.add(name);
      vars.push(name);
    }
  };
  let i = 0;
  const out: string[] = [];
  /** The length of `out` joined, which is only joined when within the limit. */
  let length = 0;
  const push = (part: string) => {
    length += part.length;
    if (length > limit) unknown = true;
    else if (!unknown) out.push(part);
  };

  /** `$…` at word[i] === '$'; returns the expansion text (or '' when unknown) and advances i. */
  const dollar = (): string => {
    const next = word[i + 1];
    if (next === '{') {
      const close = matchingBrace(word, i + 1);
      if (close === -1) {
        // BuildKit rejects this; treat as unknown rather than guess.
        unknown = true;
        i = word.length;
        return '';
      }
      const inner = word.slice(i + 2, close);
      i = close + 1;
      return braced(inner);
    }
    if (next !== undefined && NAME_START.test(next)) {
      let j = i + 1;
      while (j < word.length && NAME_CHAR.test(word[j]!)) j++;
      const name = word.slice(i + 1, j);
      i = j;
      return value(name);
    }
    i++;
    return '$';
  };

  const value = (name: string): string => {
    note(name);
    const v = lookup(name);
    if (v === null) unknown = true;
    return v ?? '';
  };

  const braced = (inner: string): string => {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(.*)$/s.exec(inner);
    if (m === null) {
      unknown = true;
      return '';
    }
    const name = m[1]!;
    const rest = m[2]!;
    note(name);
    const v = lookup(name);
    if (rest === '') {
      if (v === null) unknown = true;
      return v ?? '';
    }
    const op = /^(:?[-+?])/.exec(rest);
    if (op === null) {
      // Pattern operators (#, %, /): the result depends on the value in ways we do not model.
      unknown = true;
      return '';
    }
    if (depth >= MAX_NESTING) {
      unknown = true;
      return '';
    }
    const alt = expand(rest.slice(op[1]!.length), lookup, escape, limit, depth + 1);
    for (const n of alt.vars) note(n);
    const colon = op[1]!.startsWith(':');
    const kind = op[1]!.slice(-1);
    if (v === null) {
      unknown = true;
      return '';
    }
    const set = v !== undefined && (!colon || v !== '');
    if (kind === '-') {
      if (set) return v!;
      if (alt.value === null) unknown = true;
      return alt.value ?? '';
    }
    if (kind === '+') {
      if (!set) return '';
      if (alt.value === null) unknown = true;
      return alt.value ?? '';
    }
    // `?`: an error when unset; otherwise the value.
    if (!set) unknown = true;
    return v ?? '';
  };

  while (i < word.length) {
    const ch = word[i]!;
    if (ch === escape) {
      if (i + 1 < word.length) push(word[i + 1]!);
      i += 2;
    } else if (ch === "'") {
      const close = word.indexOf("'", i + 1);
      const end = close === -1 ? word.length : close;
      push(word.slice(i + 1, end));
      i = end + 1;
    } else if (ch === '"') {
      i++;
      while (i < word.length && word[i] !== '"') {
        const c = word[i]!;
        if (c === escape && (word[i + 1] === '"' || word[i + 1] === '$' || word[i + 1] === escape)) {
          push(word[i + 1]!);
          i += 2;
        } else if (c === '$') {
          push(dollar());
        } else {
          push(c);
          i++;
        }
      }
      i++;
    } else if (ch === '$') {
      push(dollar());
    } else {
      push(ch);
      i++;
    }
  }
  return { value: unknown ? null : out.join(''), vars };
}

/**
 * The names a text refers to as `$NAME` or `${NAME…}`, each whole (`$PORTS` names
 * PORTS, not PORT): read once, for texts asked about many names.
 */
export function referencedNames(text: string): Set<string> {
  return new Set(Array.from(text.matchAll(/\$\{?([A-Za-z0-9_]+)/g), (m) => m[1]!));
}

/**
 * The word with quotes and escapes removed but variable references kept as
 * written (`alpine:"${TAG}"` → `alpine:${TAG}`): what an image reference
 * looks like before build arguments are known.
 */
export function unquoteWord(word: string, escape = '\\'): string {
  if (!/["'\\`]/.test(word) && !word.includes(escape)) return word;
  let out = '';
  let i = 0;
  while (i < word.length) {
    const ch = word[i]!;
    if (ch === escape) {
      if (i + 1 < word.length) out += word[i + 1];
      i += 2;
    } else if (ch === "'") {
      const close = word.indexOf("'", i + 1);
      const end = close === -1 ? word.length : close;
      out += word.slice(i + 1, end);
      i = end + 1;
    } else if (ch === '"') {
      i++;
      while (i < word.length && word[i] !== '"') {
        if (word[i] === escape && (word[i + 1] === '"' || word[i + 1] === escape)) {
          out += word[i + 1];
          i += 2;
        } else out += word[i++];
      }
      i++;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

function matchingBrace(word: string, open: number): number {
  let depth = 0;
  for (let j = open; j < word.length; j++) {
    if (word[j] === '{') depth++;
    else if (word[j] === '}' && --depth === 0) return j;
  }
  return -1;
}
