import type { Instruction, ParsedDockerfile } from '../src/dockerfile/types.js';
import { defineTransform, refusal, reviewChange, type Edit, type Finding } from '../src/engine/types.js';
import {
  BODY_REFUSALS,
  curlTakesValue,
  fileEnd,
  fileStart,
  insertFlag,
  parseScript,
  recogniseAll,
  runBody,
  unEditedScripts,
  type Download,
  type ListItem,
  type RunBody,
  type ShellScript,
  type ShellWord,
} from '../src/shell/index.js';

type Options = { followRedirects: boolean };

/**
 * Without `-f`, curl treats an HTTP error as a successful transfer: a 404 page is
 * saved as the tarball, or piped into `sh`, and the build goes on until something
 * chokes on it, if anything does. `-f` makes curl fail instead. Without `-L`, a
 * redirect is not an error either: curl saves the redirect's own page.
 */
export default defineTransform<Options>({
  meta: {
    name: 'curl-fail',
    summary: 'Add -f (and -L) to curl downloads that are saved or piped, so an HTTP error page is never used.',
    docs: `In shell-form RUN instructions of every stage, gives \`curl\` \`-f\` (\`--fail\`) when what it fetches is
saved (\`-o FILE\`, \`-O\`, \`> file\`), piped into another command (\`curl … | sh\`, \`| tar -x\`) or used by the
shell (\`sh -c "$(curl …)"\`). Without it an HTTP error is a successful transfer: the error page is saved as
the archive, or run as the install script. With it curl exits 22 and the RUN fails there. \`wget\` already
fails on HTTP errors and is left alone; so is curl whose output only goes to the build log or /dev/null.

It also adds \`-L\` (\`--location\`) where curl follows no redirects today, because \`-f\` alone does not treat
a redirect as an error: a moved URL would still save the redirect's page. \`-L\` changes what is fetched
only for a URL that redirects, which today saves that page instead of the file. It follows redirects to
any host and, as curl allows, from https to http. Turn it off with \`-o curl-fail.followRedirects=false\`.
A curl that limits redirects itself (\`--max-redirs\`, \`--proto-redir\`) or turns them off (\`--no-location\`) gets
\`-f\` alone.

The letters join a bundle of short options already there (\`-sSL\` becomes \`-fsSL\`, \`-o f\` becomes \`-fLo f\`,
after a leading \`-q\`, which must stay first); a command with only long options gets \`--fail --location\`.
A curl with \`-f\`, \`--fail\` or \`--fail-with-body\` is left alone, and so is one with \`--no-fail\`: its author
wants the error page. \`-F\` is a form upload, not \`-f\`.

**This changes failure behaviour** (review tier): a server that answers with an error now fails the
build. In a pipeline (\`curl … | sh\`) the RUN only fails under \`set -o pipefail\` (hadolint DL4006);
without it the next command reads nothing instead of the error page. Followed by \`||\` in its list
(\`curl -o f URL || echo skipped\`), the failure takes that branch: the RUN goes on without the file. The review
note says so in both cases.

Refuses, leaving the command as it is:
- \`api-call\`: curl sends data (\`-d\`, \`--json\`, \`-F\`, \`-T\`), uses a method other than GET (\`-X POST\`), or
  reads how the server answered itself (\`-w '%{http_code}'\`): the script may expect an error answer;
- \`in-loop\`: curl runs in a loop, where failing can change how often it runs (\`until curl …; do sleep 1; done\`
  would wait forever on a 404 it used to accept);
- \`exec-form\`, \`heredoc\`, \`non-posix-shell\`, \`unparsable-shell\`: a RUN holding such a curl, written in a
  form the shell layer does not rewrite.`,
    hadolint: [],
    defaultEnabled: false,
    review: '-f (and -L) change what a failing download does: the build stops instead of using an error page',
    options: {
      followRedirects: {
        default: true,
        description: 'Also add -L where curl does not follow redirects (it then fetches what a moved URL points to).',
      },
    },
    touches: { instructions: { RUN: ['edit'] } },
    refusals: {
      'api-call': 'curl sends data, uses another method than GET, or reads how the server answered itself (-w)',
      'in-loop': 'curl runs in a loop, whose number of rounds a failure could change',
      'exec-form': BODY_REFUSALS['exec-form'],
      heredoc: BODY_REFUSALS.heredoc,
      'non-posix-shell': BODY_REFUSALS['non-posix-shell'],
      'unparsable-shell': BODY_REFUSALS['unparsable-shell'],
    },
  },
  run(file, { options }) {
    const findings: Finding[] = [];
    for (const inst of file.instructions) {
      if (inst.keyword === 'RUN' && file.text.slice(inst.span.start, inst.span.end).includes('curl')) findings.push(...forRun(file, inst, options));
    }
    return findings;
  },
});

type Decision =
  | { readonly kind: 'flag'; readonly cmd: Download; readonly follow: boolean }
  | { readonly kind: 'refuse'; readonly cmd: Download; readonly code: 'api-call' | 'in-loop'; readonly reason: string };

function forRun(file: ParsedDockerfile, inst: Instruction, options: Options): Finding[] {
  const body = runBody(file, inst);
  if (!body.ok) {
    if (body.code === 'no-body' || body.code === 'not-shell-instruction') return [];
    const count = unEditedScripts(file, inst, body.code).reduce((n, script) => n + wouldFlag(script, options), 0);
    return count === 0 ? [] : [refusal(body.at, body.code, `${body.reason}; not adding -f to ${count === 1 ? 'its curl' : `its ${count} curl commands`}`)];
  }
  const findings: Finding[] = [];
  // Read once per body, not per piped download: a RUN of thousands of `curl | tar` was quadratic.
  let failsPipelines: boolean | undefined;
  for (const d of decisions(body.parsed, options)) {
    const at = fileStart(body, d.cmd.command.start);
    if (d.kind === 'refuse') {
      findings.push(refusal(at, d.code, d.reason));
      continue;
    }
    const edit = flagEdit(file, body, d.cmd, d.follow);
    const added = d.follow ? '-f and -L' : '-f';
    const why = [
      `an HTTP error now fails curl (exit 22) instead of ${sinkText(d.cmd)} the error page: check that the URL answers with success`,
      ...(d.follow ? ['-L follows redirects, to any host: a moved URL now fetches its target instead of the redirect page'] : []),
      ...(d.cmd.sink === 'pipe' && !(failsPipelines ??= pipefail(body)) ? ['in a pipeline without `set -o pipefail` the RUN goes on: the next command reads nothing instead of the error page'] : []),
      ...(failureCaught(body.parsed, d.cmd) ? ['a `||` (or `!`) in its list catches the failure: the RUN goes on down that branch, without the file, instead of stopping'] : []),
    ].join('; ');
    findings.push(reviewChange(at, `curl: add ${added} (${d.follow ? 'fail on HTTP errors, follow redirects' : 'fail on HTTP errors'})`, [edit], why));
  }
  return findings;
}

/** The RUN's shell fails a pipeline whose first command fails: SHELL [..., "-o", "pipefail", ...] or `set -o pipefail`. */
function pipefail(body: RunBody): boolean {
  return body.shell.argv.includes('pipefail') || /(?:^|[;&|\n]\s*)set\s+(?:-[a-zA-Z]+\s+)*-[a-zA-Z]*o\s+pipefail\b/.test(body.script);
}

/** A failing curl does not end its top-level list: a `||` follows it there, or it is negated (`! curl …`). */
function failureCaught(script: ShellScript, cmd: Download): boolean {
  const statement = script.statements[cmd.command.statement];
  if (statement === undefined) return false;
  const index = statement.items.findIndex((item) => item.start <= cmd.command.start && cmd.command.end <= item.end);
  if (index === -1) return false;
  if (cmd.command.negated || statement.items[index]!.negated) return true;
  // `curl … || (echo "download failed" && exit 1)`: a branch that fails in turn stops the RUN as curl would.
  return statement.operators.some((op, j) => j >= index && op === '||' && !failsInTurn(script, statement.items[j + 1]!));
}

/** An and-or item that always ends in failure: `exit 1`, `false`, or a subshell or block whose last step is one. */
function failsInTurn(script: ShellScript, item: ListItem): boolean {
  if (item.negated || item.redirected || !['command', 'subshell', 'block'].includes(item.kind)) return false;
  let text = script.source.slice(item.start, item.end).trim();
  if (item.kind !== 'command') text = text.replace(/^[({]/, '').replace(/[)}]$/, '').replace(/[\s;]+$/, '');
  // After `;`, `&&` or a line break the exit runs, or what came before failed already; after `||` it may not run.
  return /(?:^|;|&&|\n)\s*(?:exit\s+[1-9]\d*|false)$/.test(text);
}

function sinkText(cmd: Download): string {
  return cmd.sink === 'file' ? 'saving' : cmd.sink === 'pipe' ? 'piping on' : 'handing the shell';
}

/** Options that send data or ask for something other than a plain download. */
const SENDS = ['-d', '--data', '--data-raw', '--data-binary', '--data-urlencode', '--data-ascii', '--json', '-F', '--form', '--form-string', '-T', '--upload-file'];

function decisions(script: ShellScript, options: Options): Decision[] {
  const out: Decision[] = [];
  for (const r of recogniseAll(script)) {
    if (r.kind !== 'download' || r.tool !== 'curl' || r.urls.length === 0) continue;
    if (r.sink !== 'file' && r.sink !== 'pipe' && r.sink !== 'substitution') continue;
    // `--no-fail` is the author's own choice to keep the error page, wherever it stands on the line.
    if (r.hasFlag('-f', '--fail', '--fail-with-body', '--no-fail', '-I', '--head', '-h', '--help', '-V', '--version')) continue;
    const refuse = (code: 'api-call' | 'in-loop', reason: string) => out.push({ kind: 'refuse', cmd: r, code, reason });
    const sends = r.options.find((o) => SENDS.includes(o.name));
    const method = r.optionValue('-X', '--request');
    if (sends !== undefined) refuse('api-call', `curl sends data (${sends.name}): the answer to a request may be an error the script expects`);
    else if (method !== undefined && (method === null || method.toUpperCase() !== 'GET')) refuse('api-call', `curl makes a ${method ?? 'non-literal'} request: the script may expect an error answer`);
    // -w prints facts of the transfer (`%{http_code}`, `%{redirect_url}`), not the page: say which the script reads.
    else if (r.hasFlag('-w', '--write-out')) refuse('api-call', `curl writes out ${writeOut(r.optionValue('-w', '--write-out'))} (-w): the script reads how the server answered itself, and may expect an error answer`);
    else if (r.command.enclosing.includes('loop')) refuse('in-loop', 'curl runs in a loop: failing could change how often the loop runs (a retry loop would never end on an error it used to accept)');
    // An author who limits redirects (`--max-redirs 0`, `--proto-redir`) or turns them off (`--no-location`) chose them: -L would make them failures or follow them.
    else out.push({ kind: 'flag', cmd: r, follow: options.followRedirects && !r.hasFlag('-L', '--location', '--location-trusted', '--no-location') && !r.options.some((o) => o.name === '--max-redirs' || o.name === '--proto-redir') });
  }
  return out;
}

/** What a -w format names: its `%{variables}`, the format itself when it has none, or what -w gives when it is not literal. */
function writeOut(format: string | null | undefined): string {
  if (typeof format !== 'string') return 'facts of the transfer';
  const names = [...new Set(format.match(/%\{[\w:]+\}/g) ?? [])];
  return names.length === 0 ? `\`${format}\`` : names.map((n) => `\`${n}\``).join(', ');
}

/** How many curl commands of a script the shell layer does not edit would get -f. */
function wouldFlag(script: string, options: Options): number {
  const parsed = parseScript(script);
  if (parsed.ok) return decisions(parsed, options).filter((d) => d.kind === 'flag').length;
  // Text no shell parser reads: curl words, when no fail option appears anywhere.
  if (/(?:^|\s)(?:-[A-Za-z]*f[A-Za-z]*|--(?:no-)?fail(?:-with-body)?)(?:\s|$)/.test(script)) return 0;
  return script.match(/(?:^|[;&|({\s])(?:[\w.-]*\/)*curl\b/g)?.length ?? 0;
}

/**
 * The edit that adds `f` (and `L`): into a bundle of short options when there is
 * one (`-sSL` → `-fsSL`, `-o x` → `-fLo x`), else as its own word after the program
 * (or after a leading `-q`, which curl only honours as the first argument), on a line of
 * its own when the options stand one to a line.
 */
function flagEdit(file: ParsedDockerfile, body: RunBody, cmd: Download, follow: boolean): Edit {
  const letters = `f${follow ? 'L' : ''}`;
  const words = [...new Set(cmd.options.map((o) => o.word))].filter((w) => w.value === w.raw && /^-[A-Za-z0-9#:]/.test(w.raw) && !w.raw.startsWith('--'));
  const firstArg = cmd.command.words[cmd.command.words.indexOf(cmd.program) + 1];
  const bundle = (w: ShellWord): string | null => {
    const start = fileStart(body, w.start);
    const end = fileEnd(body, w.end);
    if (file.text.slice(start, end) !== w.raw) return null; // a continuation inside the word
    const chars = w.raw.slice(1);
    const keepFirst = w === firstArg && chars.startsWith('q') ? 'q' : '';
    const rest = chars.slice(keepFirst.length);
    const valued = [...rest].findIndex((c) => curlTakesValue(c));
    if (valued === -1) return `-${keepFirst}f${rest}${follow ? 'L' : ''}`;
    return `-${keepFirst}f${rest.slice(0, valued)}${follow ? 'L' : ''}${rest.slice(valued)}`;
  };
  const plain = words.find((w) => ![...w.raw.slice(1)].some((c) => curlTakesValue(c)));
  for (const w of plain === undefined ? words : [plain, ...words]) {
    const text = bundle(w);
    if (text !== null) return { start: fileStart(body, w.start), end: fileEnd(body, w.end), text };
  }
  const onlyLong = cmd.options.length > 0 && cmd.options.every((o) => o.name.startsWith('--'));
  const word = onlyLong ? `--fail${follow ? ' --location' : ''}` : `-${letters}`;
  const after = firstArg !== undefined && (firstArg.value === '--disable' || /^-q/.test(firstArg.value ?? '')) ? firstArg : cmd.program;
  return insertFlag(file, body, after.end, word);
}
