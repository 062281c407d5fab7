/**
 * Splits a `--smoke` command into arguments as a POSIX shell would split a
 * simple command: single quotes, double quotes with backslash escapes, and
 * backslash outside quotes. No expansion: the arguments reach the image as
 * written. A JSON array is taken as the argument list itself.
 */
export function splitCommand(text: string): { ok: true; args: string[] } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed) && parsed.every((a) => typeof a === 'string')) return { ok: true, args: parsed };
    } catch {
      // Not JSON: split it as words.
    }
  }
  const args: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n') {
      if (word !== null) args.push(word);
      word = null;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return { ok: false, message: 'unterminated single quote' };
      word = (word ?? '') + text.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      let part = '';
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\' && j + 1 < text.length && '"\\$`\n'.includes(text[j + 1]!)) j++;
        part += text[j];
      }
      if (j >= text.length) return { ok: false, message: 'unterminated double quote' };
      word = (word ?? '') + part;
      i = j;
    } else if (c === '\\' && i + 1 < text.length) {
      word = (word ?? '') + text[++i];
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== null) args.push(word);
  if (args.length === 0) return { ok: false, message: 'empty command' };
  return { ok: true, args };
}
