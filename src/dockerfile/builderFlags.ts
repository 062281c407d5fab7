/**
 * An instruction's leading `--flags` and the rest of its line, split as BuildKit's
 * extractBuilderFlags splits them (frontend/dockerfile/parser/split_command.go): words that start
 * with `--`, up to the first word that does not, or a lone `--`. A flag's quotes keep its blanks
 * and are removed (`--mount="type=cache, target=/x"`), the escape character keeps the character
 * after it; a quote left open runs to the line's end, where the flags then end with no rest.
 * `line` is what follows the keyword on its logical line.
 */
export function builderFlags(line: string, escape: string): { flags: string[]; rest: string } {
  const flags: string[] = [];
  let i = 0;
  for (;;) {
    while (i < line.length && /\s/.test(line[i]!)) i++;
    if (!line.startsWith('--', i)) return { flags, rest: line.slice(i) };
    let word = '';
    let quote: string | null = null;
    for (; i < line.length && (quote !== null || !/\s/.test(line[i]!)); i++) {
      const ch = line[i]!;
      if (ch === quote) quote = null;
      else if (quote === null && (ch === '"' || ch === "'")) quote = ch;
      else if (ch === escape) {
        // An escape at the line's end is dropped (and ends a quote).
        if (i + 1 < line.length) word += line[++i];
      } else word += ch;
    }
    if (word === '--') return { flags, rest: i < line.length ? line.slice(i) : '' };
    flags.push(word);
    if (i >= line.length) return { flags, rest: '' };
  }
}
