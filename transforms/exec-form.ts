import { programContextPath } from '../src/analysis/copiedFiles.js';
import { commentsBetween } from '../src/dockerfile/comments.js';
import { logicalText } from '../src/dockerfile/logical.js';
import { isWindowsStage, lastEntrypoint, parentStage, rootStage, shellAt, stageInstructions, windowsStageWhy } from '../src/dockerfile/stages.js';
import type { Instruction, ParsedDockerfile } from '../src/dockerfile/types.js';
import type { BuildContext } from '../src/engine/context.js';
import { change, defineTransform, refusal, reviewChange, type Finding } from '../src/engine/types.js';
import { baseEntrypoint } from '../src/knowledge/entrypoints.js';
import { runsArgumentsAsChild } from '../src/knowledge/init.js';
import { readsStartupFiles } from '../src/shell/body.js';
import { SHELL_ONLY, splitWords } from '../src/shell/simpleWords.js';

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
- text written as a JSON array that is not valid JSON (\`CMD ['python', 'app.py']\`, a trailing
  comma, typographic quotes, unquoted words): BuildKit runs it with \`/bin/sh -c\` as written, brackets
  and quotes included, so it does not start the program it names; the fix is the author's
  (\`not-json\`);
- a non-POSIX \`SHELL\` (PowerShell, cmd) or a Windows stage;
- an ENTRYPOINT in a stage that (or whose descendants) sets CMD: shell form ignores CMD,
  exec form would pass it as arguments;
- a CMD under an exec-form ENTRYPOINT (its own stage's or a parent stage's): the ENTRYPOINT
  receives \`/bin/sh -c "…"\` today and would receive different arguments. An ENTRYPOINT that
  is only tini or dumb-init (with options) is the exception: they run their arguments as given.
  Under no ENTRYPOINT of the file, the base image's counts when it acts on the command's first
  word (nginx, redis, postgres, mysql… set up or switch users only for their server), and a base
  image dockshift does not know (a private or vendor image, one named by a build argument, or a
  one-word name that is not an official image: \`FROM base\`, a named build context) may have such
  an ENTRYPOINT (\`unknown-entrypoint\`);
- a SHELL that reads startup files (\`-l\`, \`--login\`, \`-i\`, or bash with BASH_ENV set): they may
  set PATH or the environment the command needs;
- \`echo\` with a backslash (the shell's echo reads escapes) or \`-e\`/\`-E\` (dash's echo prints them), a \`~\` after the \`=\` of a word like an
  assignment (bash expands it);
- a comment line inside the instruction (the one-line rewrite would drop it), or a line that
  ends in a doubled escape character (\`foo \\\\\`), which BuildKit still reads as a continuation;
- a program that is a file of the build context (read through the COPY that put it in the image)
  and starts with neither \`#!\` nor an ELF header: the shell runs such a file as a shell script
  itself, but the kernel cannot start it (\`exec format error\`) in exec form (\`no-shebang\`).
  A file the context does not hold (a build output, or no context on \`--stdin\`) is not checked.

Two tiers of change. A CMD in exec form runs the same program with the same arguments: a
\`safe\` change. An ENTRYPOINT in exec form is a \`review\` change: in shell form it ignored
arguments given to \`docker run\` after the image and a CMD set later (a compose \`command:\`, an
image built FROM this one); in exec form they are passed to the program, which may then start
differently. The change says so in the diff report, \`--explain\` and \`--json\`; run with only
safe changes to leave ENTRYPOINTs alone.`,
    hadolint: ['DL3025'],
    defaultEnabled: true,
    review: 'an ENTRYPOINT in exec form receives `docker run` arguments and a CMD set later, which shell form ignored',
    options: {},
    touches: { instructions: { CMD: ['edit'], ENTRYPOINT: ['edit'] } },
    refusals: {
      'windows-stage': 'a Windows stage: cmd.exe quoting differs from JSON arguments',
      'non-posix-shell': 'the SHELL is not a POSIX shell',
      'entrypoint-with-cmd': 'a shell-form ENTRYPOINT in a stage that sets CMD: exec form would pass CMD to it',
      'cmd-with-entrypoint': "a CMD under an exec-form ENTRYPOINT (the file's, or a base image's that acts on the command), which receives it as /bin/sh -c arguments today",
      'unknown-entrypoint': 'a CMD on a base image dockshift does not know (a private or vendor image, or one a build argument names), whose ENTRYPOINT, if any, receives it as /bin/sh -c arguments today',
      'startup-files': 'the SHELL reads startup files (login or interactive shell, BASH_ENV) that exec form would skip',
      'comment-inside': 'a comment line inside the instruction would be lost',
      'ambiguous-continuation': 'a line ends in a doubled escape character, which BuildKit still reads as a continuation',
      'shell-feature': 'the command uses the shell (variables, globs, pipes, lists, redirections, …)',
      'unbalanced-quotes': 'an unterminated quote or a trailing backslash',
      'not-json': 'written as a JSON array but not valid JSON, so BuildKit runs the text through the shell as written',
      'shell-builtin': 'the command is a shell builtin or keyword, or exec with an option',
      'empty-command': 'nothing to run after exec',
      'no-shebang': 'the program is a file of the build context without a #! line, which only a shell runs',
    },
  },
  run(file, { buildContext }) {
    const findings: Finding[] = [];
    let stages: StageFacts | undefined;
    for (const inst of file.instructions) {
      if ((inst.keyword === 'CMD' || inst.keyword === 'ENTRYPOINT') && inst.form === 'shell') {
        findings.push(rewrite(file, inst, (stages ??= stageFacts(file)), buildContext));
      }
    }
    return findings;
  },
});

/** What each stage's image ends up with, indexed by stage. */
interface StageFacts {
  /** The stage, or a stage built on it (directly or through others), sets CMD. */
  readonly cmdHereOrBelow: readonly boolean[];
}

/**
 * Worked out for all stages at once, as they are asked for every CMD and ENTRYPOINT:
 * a stage only builds on earlier ones, so a walk in reverse file order meets
 * children before their parents.
 */
function stageFacts(file: ParsedDockerfile): StageFacts {
  const cmdHereOrBelow = file.stages.map((s) => stageInstructions(file, s, 'CMD').length > 0);
  for (let k = file.stages.length - 1; k >= 0; k--) {
    const parent = parentStage(file, file.stages[k]!);
    if (parent !== null && cmdHereOrBelow[k]) cmdHereOrBelow[parent.index] = true;
  }
  return { cmdHereOrBelow };
}

/** The arguments a shell-form CMD becomes under `shell` (the SHELL in effect), as a JSON array: `["/bin/sh", "-c", "…"]`. */
function shellArguments(shell: readonly string[]): string {
  return `[${[...shell, '…'].map((w) => JSON.stringify(w)).join(', ')}]`;
}

function rewrite(file: ParsedDockerfile, inst: Instruction, stages: StageFacts, ctx: BuildContext | null): Finding {
  const at = inst.span.start;
  const stage = file.stages[inst.stage]!;
  if (isWindowsStage(file, stage)) return refusal(at, 'windows-stage', `${windowsStageWhy(file, stage)}: cmd.exe quoting differs from JSON arguments`);
  const shell = shellAt(file, inst);
  if (!shell.posix) return refusal(at, 'non-posix-shell', `SHELL ${JSON.stringify(shell.argv)} is not a POSIX shell`);
  const args = inst.argsSpan!;
  const logical = logicalText(file.text, args.start, args.end, file.escape).text;
  if (looksLikeJsonArray(logical)) {
    return refusal(
      at,
      'not-json',
      `${inst.keyword} ${logical.trim()} is written as a JSON array but is not valid JSON: BuildKit runs it with ${shell.argv.join(' ')} as written, brackets and quotes included, which does not start the program it names; write it as JSON by hand`,
    );
  }
  if (inst.keyword === 'ENTRYPOINT') {
    // A CMD anywhere in the stage counts: ENTRYPOINT only resets a CMD inherited from the base image.
    if (stages.cmdHereOrBelow[stage.index]) return refusal(at, 'entrypoint-with-cmd', 'shell-form ENTRYPOINT ignores CMD; exec form would pass CMD to it as arguments');
  }
  const own = lastEntrypoint(file, stage);
  const entrypoint = own?.execArgs ?? [];
  if (inst.keyword === 'CMD' && entrypoint.length > 0 && !isInitWrapper(entrypoint)) {
    return refusal(at, 'cmd-with-entrypoint', `an exec-form ENTRYPOINT receives this CMD as ${shellArguments(shell.argv)}; exec form would change its arguments`);
  }
  if (commentsBetween(file, inst.span.start + 1, inst.span.end).length > 0) {
    return refusal(at, 'comment-inside', 'a comment line inside the instruction would be lost by the rewrite');
  }
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
  // dash's echo reads backslash escapes (`\n`), /bin/echo prints them as written.
  if (words[0]!.slice(words[0]!.lastIndexOf('/') + 1) === 'echo') {
    if (words.some((w) => w.includes('\\'))) return refusal(at, 'shell-feature', "the shell's echo reads backslash escapes, which /bin/echo prints as written");
    // dash's echo takes no option but -n: it prints `-e`, where /bin/echo reads it.
    const option = words.slice(1).find((w) => /^-[neE]*[eE][neE]*$/.test(w));
    if (option !== undefined) return refusal(at, 'shell-feature', `dash's echo prints \`${option}\` as a word, where /bin/echo reads it as an option`);
  }
  // bash expands `~` after the `=` of a word like an assignment, or after a `:` there (`PREFIX=~/data`).
  if (words.slice(1).some((w) => /^[A-Za-z_][A-Za-z0-9_]*=(?:[^:]*:)*~/.test(w))) return refusal(at, 'shell-feature', 'bash expands a `~` after `=` or `:` in a word like an assignment');

  // The command itself needs no shell: what would still run it differently.
  const root = rootStage(file, stage);
  const inherited = inst.keyword !== 'CMD' || own !== null ? null : root.base.kind === 'image' ? baseEntrypoint(root.base.ref) : root.base.kind === 'unknown' ? ({ kind: 'unknown' } as const) : null;
  if (inherited?.kind === 'acts') {
    return refusal(at, 'cmd-with-entrypoint', `the base image's ENTRYPOINT (${inherited.entrypoint}) receives this CMD as ${shellArguments(shell.argv)} and acts on its first word: exec form would start the container differently`);
  }
  if (inherited?.kind === 'unknown') {
    const image = root.base.kind === 'image' ? `the base image ${root.base.ref.raw}` : root.base.kind === 'unknown' ? `the base image ${root.base.raw}` : 'the base image';
    return refusal(at, 'unknown-entrypoint', `dockshift does not know ${image}: if it has an ENTRYPOINT, that receives this CMD as ${shellArguments(shell.argv)} today and would receive its words in exec form`);
  }
  const script = programContextPath(file, stage, ctx, words[0]!);
  if (script !== null && !startsAsProgram(ctx!.head(script, 4))) {
    return refusal(at, 'no-shebang', `${words[0]} is the build context's ${script}, which has no #! line: the shell runs such a file as a shell script itself, while in exec form the kernel cannot start it ("exec format error")`);
  }
  if (readsStartupFiles(file, inst, true)) {
    return refusal(at, 'startup-files', 'the SHELL reads startup files (a login or interactive shell, or bash with BASH_ENV set), which may set PATH or the environment: exec form would skip them');
  }

  const keyword = file.text.slice(inst.keywordSpan.start, inst.keywordSpan.end);
  const gap = file.text.slice(inst.keywordSpan.end, args.start);
  const separator = /^[ \t]+$/.test(gap) ? gap : ' ';
  const json = `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
  const edits = [{ start: inst.span.start, end: inst.span.end, text: `${keyword}${separator}${json}` }];
  if (inst.keyword === 'CMD') return change(at, 'CMD to exec form', edits);
  return reviewChange(
    at,
    'ENTRYPOINT to exec form',
    edits,
    'in exec form the ENTRYPOINT receives `docker run` arguments and any CMD set later (compose `command:`, an image built FROM this one), which shell form ignored: check that the program accepts them',
  );
}

/**
 * Shell-form text that was meant as exec form: a `[` followed by words with a comma between them
 * (`['node', 'app.js']`, `[node, app.js]`, `["node", "app.js",]`) or by one quoted word (`['nginx']`),
 * up to a closing `]` at the end or none at all.
 * The shell's test command reads differently: `[ -f /x ]`, `[ "$A" = b ] && run`.
 */
function looksLikeJsonArray(logical: string): boolean {
  const text = logical.trim();
  if (!text.startsWith('[') || (!text.endsWith(']') && text.includes(']'))) return false;
  const inner = text.slice(1, text.endsWith(']') ? -1 : undefined).trim();
  return /^["'\u2018\u201c][^"'\u2019\u201d]*["'\u2019\u201d]$/.test(inner) || /^[^\s-][^,]*,/.test(inner);
}

/** A file the kernel can start: a `#!` line or an ELF header (null: unreadable, so not judged). */
function startsAsProgram(head: Uint8Array | null): boolean {
  if (head === null) return true;
  if (head[0] === 0x23 && head[1] === 0x21) return true;
  return head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46;
}

/** An init that runs its arguments (`tini -- cmd…`, runsArgumentsAsChild), given only options. */
function isInitWrapper(argv: readonly string[]): boolean {
  if (!runsArgumentsAsChild(argv[0]!)) return false;
  // Options only (`-g`, `--single-child`, a trailing `--`): nothing that takes the CMD's place.
  return argv.slice(1).every((a) => a.startsWith('-'));
}
