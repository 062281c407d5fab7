/**
 * Splitting a command line the way sh would when no expansion applies: what a
 * shell-form CMD or ENTRYPOINT means when the shell only splits words.
 */

/** Words that name shell builtins or keywords, not programs on PATH. */
export const SHELL_ONLY = new Set([
  'cd', 'export', 'alias', 'unalias', 'source', '.', 'set', 'unset', 'ulimit', 'umask', 'eval', 'exit',
  'if', 'then', 'for', 'while', 'until', 'case', 'do', 'done', 'fi', 'esac', '{', '}', '!', 'function',
  'readonly', 'local', 'shift', 'trap', 'wait', 'declare', 'typeset', 'let', 'shopt', 'return', 'break', 'continue',
  ':', 'command', 'builtin', 'read', 'type', 'hash', 'getopts', 'jobs', 'fg', 'bg', 'times', 'time', 'elif', 'else',
  'select', 'coproc',
]);

export type SplitRefusal = { code: string; reason: string };

/**
 * Splits a command line the way sh would when no expansion applies, or says
 * which shell feature prevents that.
 */
export function splitWords(line: string): string[] | SplitRefusal {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  const feature = (what: string): SplitRefusal => ({ code: 'shell-feature', reason: `uses ${what}, which needs a shell` });
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    if (!inWord && (c === '#' || c === '~')) return feature(c === '#' ? 'a comment' : 'tilde expansion');
    if (c === "'") {
      const close = line.indexOf("'", i + 1);
      if (close === -1) return { code: 'unbalanced-quotes', reason: 'an unterminated single quote' };
      word += line.slice(i + 1, close);
      i = close;
      inWord = true;
      continue;
    }
    if (c === '"') {
      const r = doubleQuoted(line, i + 1);
      if ('code' in r) return r;
      word += r.text;
      i = r.end;
      inWord = true;
      continue;
    }
    if (c === '\\') {
      if (i + 1 >= line.length) return { code: 'unbalanced-quotes', reason: 'a trailing backslash' };
      word += line[i + 1];
      i++;
      inWord = true;
      continue;
    }
    // A lone \`[\` or \`]\` (the test command's words) is no bracket expression: sh keeps it as written.
    if ((c === '[' || c === ']') && !inWord && /^[ \t\r\n]?$/.test(line[i + 1] ?? '')) {
      word += c;
      inWord = true;
      continue;
    }
    const special = SPECIAL[c];
    if (special !== undefined) return feature(special);
    word += c;
    inWord = true;
  }
  if (inWord) words.push(word);
  return words;
}

const SPECIAL: Record<string, string> = {
  $: 'variable expansion',
  '`': 'command substitution',
  '|': 'a pipe',
  '&': 'a list or background job',
  ';': 'a command list',
  '<': 'a redirection',
  '>': 'a redirection',
  '(': 'a subshell',
  ')': 'a subshell',
  '*': 'a glob',
  '?': 'a glob',
  '[': 'a glob',
  ']': 'a glob',
  // dash keeps `a{b,c}` as it is, bash expands it: which one runs the command is not always known.
  '{': 'a brace (bash may expand it)',
  '}': 'a brace (bash may expand it)',
};

function doubleQuoted(line: string, from: number): { text: string; end: number } | SplitRefusal {
  let text = '';
  for (let i = from; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"') return { text, end: i };
    if (c === '$' || c === '`') return { code: 'shell-feature', reason: `uses ${c === '$' ? 'variable expansion' : 'command substitution'}, which needs a shell` };
    if (c === '\\') {
      const next = line[i + 1];
      if (next === '"' || next === '\\' || next === '$' || next === '`') {
        text += next;
        i++;
        continue;
      }
    }
    text += c;
  }
  return { code: 'unbalanced-quotes', reason: 'an unterminated double quote' };
}
