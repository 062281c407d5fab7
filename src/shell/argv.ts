import type { CommandOption, ShellWord } from './types.js';

/** Enough of a program's option syntax to tell options, their values and operands apart. */
export interface Grammar {
  /** Options whose value may be the next word (`-o FILE`, `--virtual NAME`). */
  readonly valued: ReadonlySet<string>;
  /** getopt-style bundles of one-letter options: `-yq`, `-fsSLo FILE`. */
  readonly bundles: boolean;
  /** Long options whose value is optional (Thor's `--binstubs [DIR]`): the next word is theirs unless it is an option. */
  readonly optional: ReadonlySet<string>;
  /** Long options whose value is every word up to the next option (Thor's arrays: `--without development test`). */
  readonly lists: ReadonlySet<string>;
}

export function grammar(valued: readonly string[], bundles: boolean, optional: readonly string[] = [], lists: readonly string[] = []): Grammar {
  return { valued: new Set(valued), bundles, optional: new Set(optional), lists: new Set(lists) };
}

export interface SplitArgs {
  readonly options: CommandOption[];
  /** Everything else, in order: subcommands, packages, paths, URLs. */
  readonly positionals: ShellWord[];
}

/**
 * Splits words into options and positionals. A word whose value is not a
 * literal (`$PKGS`) is a positional: we cannot know what it holds, unless it
 * starts with a literal option name and `=` (`--tag=$TAG`): then it is that
 * option, with a value only known at build time. Without bundles, a single-dash
 * option is a whole name and takes `=` too (Go's `-ldflags=-s`, `-o=/bin/app`).
 */
export function splitArgs(words: readonly ShellWord[], g: Grammar): SplitArgs {
  const options: CommandOption[] = [];
  const positionals: ShellWord[] = [];
  let endOfOptions = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const v = word.value;
    const named = !endOfOptions && v === null ? /^(-{1,2}[A-Za-z][\w.-]*)=/.exec(word.raw) : null;
    if (named !== null && (named[1]!.startsWith('--') || !g.bundles)) {
      options.push({ name: named[1]!, value: null, word, valueWord: null });
      continue;
    }
    if (endOfOptions || v === null || v === '-' || !v.startsWith('-')) {
      positionals.push(word);
      continue;
    }
    if (v === '--') {
      endOfOptions = true;
      continue;
    }
    const next = (): ShellWord | null => (i + 1 < words.length ? words[++i]! : null);
    if (v.startsWith('--') || !g.bundles || v.length === 2) {
      const eq = v.startsWith('--') || !g.bundles ? v.indexOf('=') : -1;
      const name = eq === -1 ? v : v.slice(0, eq);
      if (eq !== -1) options.push({ name, value: v.slice(eq + 1), word, valueWord: null });
      else if (g.lists.has(name)) {
        // The first word is the value as the option reports it; the others belong to it too, not to the operands.
        const valueWord = i + 1 < words.length && !words[i + 1]!.raw.startsWith('-') ? next() : null;
        while (valueWord !== null && i + 1 < words.length && !words[i + 1]!.raw.startsWith('-')) i++;
        options.push({ name, value: valueWord?.value ?? null, word, valueWord });
      } else if (g.valued.has(name) || (g.optional.has(name) && i + 1 < words.length && !words[i + 1]!.raw.startsWith('-'))) {
        const valueWord = next();
        options.push({ name, value: valueWord?.value ?? null, word, valueWord });
      } else options.push({ name, value: null, word, valueWord: null });
      continue;
    }
    // A bundle: each letter is an option; a valued letter takes the rest, or the next word.
    for (let j = 1; j < v.length; j++) {
      const name = `-${v[j]}`;
      if (!g.valued.has(name)) {
        options.push({ name, value: null, word, valueWord: null });
        continue;
      }
      const rest = v.slice(j + 1);
      if (rest !== '') options.push({ name, value: rest, word, valueWord: null });
      else {
        const valueWord = next();
        options.push({ name, value: valueWord?.value ?? null, word, valueWord });
      }
      break;
    }
  }
  return { options, positionals };
}

/** The last path segment of a URL or path, without query or fragment. */
export function basename(path: string): string {
  // Most are plain names, asked of every command's words: nothing to strip, and no regex run.
  const clean = path.indexOf('?') === -1 && path.indexOf('#') === -1 && !path.endsWith('/') ? path : path.replace(/[?#].*$/, '').replace(/\/+$/, '');
  return clean.slice(clean.lastIndexOf('/') + 1);
}

/**
 * Literal runs, single-quoted strings, and double-quoted strings whose expansions are variables (`"$TOOLCHAIN"`,
 * `"${T:-stable}"`): nothing in them is split into words or matched as a pattern, and nothing runs.
 */
const ONE_WORD = /^(?:[\w.,:@%+=/-]|'[^']*'|"(?:[^"\\$`]|\\[\s\S]|\$[A-Za-z_]\w*|\$\{[A-Za-z_]\w*(?::?[-=+?][^"'}$`\\]*)?\})*")+$/;

/** Whether the shell makes exactly one word of this one, whatever the values of the variables it names. */
export function oneWord(word: ShellWord): boolean {
  return word.value !== null ? !word.pattern : ONE_WORD.test(word.raw);
}
