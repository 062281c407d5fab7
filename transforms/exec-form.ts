import { logicalText } from '../src/dockerfile/logical.js';
import { descendantStages, isWindowsStage, shellAt, stageLineage } from '../src/dockerfile/stages.js';
import type { Instruction, ParsedDockerfile, Stage } from '../src/dockerfile/types.js';
import { change, defineTransform, refusal, type Finding } from '../src/engine/types.js';

/**
 * Shell-form CMD/ENTRYPOINT run under `/bin/sh -c`: the shell becomes PID 1, does not
 * forward SIGTERM, and `docker stop` waits out its timeout. Exec form runs the program
 * directly. The rewrite is only made when the shell would have done nothing but split
 * words, so the program and its arguments are exactly what the shell would have run.
 */
export default defineTransform({
  meta: {
    name: 'exec-form',
    summary: 'Rewrite shell-form CMD/ENTRYPOINT as JSON exec form when the shell adds nothing.',
    docs: `Turns \`CMD node server.js\` into \`CMD ["node", "server.js"]\` so the program runs as PID 1
and receives signals (hadolint DL3025, BuildKit JSONArgsRecommended). A leading \`exec\` is dropped.

Refuses, leaving the instruction as it is, when the shell does real work:
- variables, command substitution, globs, pipes, lists (\`&&\`, \`;\`, \`||\`), redirections,
  background jobs, subshells, comments, tilde expansion, assignments before the command;
- shell builtins and keywords (\`cd\`, \`export\`, \`if\`…) that only exist inside a shell;
- an unterminated quote;
- a non-POSIX \`SHELL\` (PowerShell, cmd) or a Windows stage;
- an ENTRYPOINT in a stage that (or whose descendants) sets CMD: shell form ignores CMD,
  exec form would pass it as arguments;
- a CMD under an exec-form ENTRYPOINT (its own stage's or a parent stage's): the ENTRYPOINT
  receives \`/bin/sh -c "…"\` today and would receive different arguments. An ENTRYPOINT that
  is only tini or dumb-init (with options) is the exception: they run their arguments as given;
- a comment line inside the instruction (the one-line rewrite would drop it), or a line that
  ends in a doubled escape character (\`foo \\\\\`), which BuildKit still reads as a continuation.
Note: in exec form, arguments given to \`docker run\` after the image reach an ENTRYPOINT;
in shell form they were ignored.`,
    hadolint: ['DL3025'],
    defaultEnabled: true,
    options: {},
  },
  run(file) {
    const findings: Finding[] = [];
    for (const inst of file.instructions) {
      if ((inst.keyword === 'CMD' || inst.keyword === 'ENTRYPOINT') && inst.form === 'shell') {
        findings.push(rewrite(file, inst));
      }
    }
    return findings;
  },
});

function rewrite(file: ParsedDockerfile, inst: Instruction): Finding {
  const at = inst.span.start;
  const stage = file.stages[inst.stage]!;
  if (isWindowsStage(file, stage)) return refusal(at, 'windows-stage', 'Windows stage: cmd.exe quoting differs from JSON arguments');
  const shell = shellAt(file, inst);
  if (!shell.posix) return refusal(at, 'non-posix-shell', `SHELL ${JSON.stringify(shell.argv)} is not a POSIX shell`);
  if (inst.keyword === 'ENTRYPOINT') {
    // A CMD anywhere in the stage counts: ENTRYPOINT only resets a CMD inherited from the base image.
    const withCmd = [stage, ...descendantStages(file, stage)].some((s) => s.instructions.some((i) => i.keyword === 'CMD'));
    if (withCmd) return refusal(at, 'entrypoint-with-cmd', 'shell-form ENTRYPOINT ignores CMD; exec form would pass CMD to it as arguments');
  }
  const entrypoint = entrypointFor(file, stage)?.execArgs ?? [];
  if (inst.keyword === 'CMD' && entrypoint.length > 0 && !isInitWrapper(entrypoint)) {
    return refusal(at, 'cmd-with-entrypoint', 'an exec-form ENTRYPOINT receives this CMD as ["/bin/sh", "-c", "…"]; exec form would change its arguments');
  }
  if (file.comments.some((c) => c.span.start > inst.span.start && c.span.start < inst.span.end)) {
    return refusal(at, 'comment-inside', 'a comment line inside the instruction would be lost by the rewrite');
  }
  const args = inst.argsSpan!;
  const logical = logicalText(file.text, args.start, args.end, file.escape).text;
  // `foo\\` at a line's end still continues in BuildKit (it only looks at the last
  // character), which is rarely what the author meant: leave such lines to a human.
  const raw = file.text.slice(args.start, args.end);
  const e = file.escape === '\\' ? '\\\\' : file.escape;
  if (new RegExp(`${e}${e}[ \\t]*\\r?\\n`).test(raw)) {
    return refusal(at, 'ambiguous-continuation', 'a line ends in a doubled escape character, which BuildKit still treats as a line continuation');
  }
  const words = splitWords(logical);
  if (!Array.isArray(words)) return refusal(at, words.code, words.reason);
  if (words[0] === 'exec') {
    words.shift();
    if (words[0]?.startsWith('-')) return refusal(at, 'shell-builtin', `\`exec ${words[0]}\` passes an option to the shell's exec`);
  }
  if (words.length === 0) return refusal(at, 'empty-command', 'nothing to run after exec');
  const builtin = SHELL_ONLY.has(words[0]!) ? words[0] : null;
  if (builtin !== null) return refusal(at, 'shell-builtin', `\`${builtin}\` only exists inside a shell`);
  if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0]!)) return refusal(at, 'shell-feature', 'an assignment before the command needs a shell');

  const keyword = file.text.slice(inst.keywordSpan.start, inst.keywordSpan.end);
  const gap = file.text.slice(inst.keywordSpan.end, args.start);
  const separator = /^[ \t]+$/.test(gap) ? gap : ' ';
  const json = `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
  return change(at, `${inst.keyword} to exec form`, [{ start: inst.span.start, end: inst.span.end, text: `${keyword}${separator}${json}` }]);
}

/** The ENTRYPOINT the stage's image ends up with: its own last one, else the nearest parent stage's. */
function entrypointFor(file: ParsedDockerfile, stage: Stage): Instruction | undefined {
  for (const s of stageLineage(file, stage)) {
    const last = s.instructions.filter((i) => i.keyword === 'ENTRYPOINT').at(-1);
    if (last !== undefined) return last;
  }
  return undefined;
}

/**
 * Init processes that just run their arguments (`tini -- cmd…`): under them,
 * `/bin/sh -c "node x"` and `node x` run the same program, minus the shell.
 */
const INIT_WRAPPER = /^(?:\/(?:usr\/)?(?:local\/)?s?bin\/)?(?:tini|tini-static|dumb-init)$/;

function isInitWrapper(argv: readonly string[]): boolean {
  if (!INIT_WRAPPER.test(argv[0]!)) return false;
  // Options only (`-g`, `--single-child`, a trailing `--`): nothing that takes the CMD's place.
  return argv.slice(1).every((a) => a.startsWith('-'));
}

/** Words that name shell builtins or keywords, not programs on PATH. */
const SHELL_ONLY = new Set([
  'cd', 'export', 'alias', 'unalias', 'source', '.', 'set', 'unset', 'ulimit', 'umask', 'eval', 'exit',
  'if', 'then', 'for', 'while', 'until', 'case', 'do', 'done', 'fi', 'esac', '{', '}', '!', 'function',
  'readonly', 'local', 'shift', 'trap', 'wait', 'declare', 'typeset', 'let', 'shopt', 'return', 'break', 'continue',
  ':', 'command', 'builtin', 'read', 'type', 'hash', 'getopts', 'jobs', 'fg', 'bg', 'times', 'time', 'elif', 'else',
  'select', 'coproc',
]);

type SplitRefusal = { code: string; reason: string };

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
  '{': 'brace expansion',
  '}': 'brace expansion',
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
