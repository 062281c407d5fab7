import type { Instruction, ParsedDockerfile } from '../src/dockerfile/types.js';
import { change, defineTransform, refusal, type Finding } from '../src/engine/types.js';
import { BODY_REFUSALS, fileStart, insertFlag, parseScript, recogniseAll, runBody, unEditedScripts, type AddUser, type ShellScript } from '../src/shell/index.js';

/**
 * useradd records every new account in /var/log/lastlog and /var/log/faillog,
 * files indexed by uid: a uid of 1000000 makes them sparse files of hundreds of
 * megabytes, which an image layer stores in full. `-l` (`--no-log-init`) skips
 * those records; a container never reads them.
 */
export default defineTransform({
  meta: {
    name: 'useradd-no-log-init',
    summary: 'Add -l (--no-log-init) to useradd, so a large uid does not write huge lastlog and faillog files.',
    docs: `In shell-form RUN instructions of every stage, gives each \`useradd\` (shadow's, also through \`sudo\` or
\`env\`) the \`-l\` option (hadolint DL3046), right after the program name. Without it, useradd writes the
new account's record into /var/log/lastlog and /var/log/faillog at an offset set by the uid, so a large
uid (\`-u 1000000\`, or one from a build argument) leaves sparse files of hundreds of megabytes that a
layer stores in full. Those logs record logins, which a container does not have.

The option follows the line's style: \`-l\` when the command's options are mostly short (\`-r -m -u 1000\`),
\`--no-log-init\` when they are long or there are none. A useradd that already has \`-l\` or
\`--no-log-init\` (alone or in a bundle such as \`-rl\`), or that only prints or sets defaults (\`-D\`) or
help, is left alone. busybox and Debian \`adduser\` are other programs and are not touched.

Refuses, leaving the RUN as it is, when a useradd that would get the option is in a RUN written in a
form the shell layer does not rewrite: \`exec-form\`, \`heredoc\`, \`non-posix-shell\`, \`unparsable-shell\`.`,
    hadolint: ['DL3046'],
    defaultEnabled: true,
    options: {},
    touches: { instructions: { RUN: ['edit'] } },
    refusals: {
      'exec-form': BODY_REFUSALS['exec-form'],
      heredoc: BODY_REFUSALS.heredoc,
      'non-posix-shell': BODY_REFUSALS['non-posix-shell'],
      'unparsable-shell': BODY_REFUSALS['unparsable-shell'],
    },
  },
  run(file) {
    const findings: Finding[] = [];
    for (const inst of file.instructions) {
      if (inst.keyword === 'RUN' && file.text.slice(inst.span.start, inst.span.end).includes('useradd')) findings.push(...forRun(file, inst));
    }
    return findings;
  },
});

function forRun(file: ParsedDockerfile, inst: Instruction): Finding[] {
  const body = runBody(file, inst);
  if (!body.ok) {
    if (body.code === 'no-body' || body.code === 'not-shell-instruction') return [];
    const count = unEditedScripts(file, inst, body.code).reduce((n, script) => n + lacking(script), 0);
    return count === 0 ? [] : [refusal(body.at, body.code, `${body.reason}; not adding --no-log-init to ${count === 1 ? 'its useradd' : `its ${count} useradd commands`}`)];
  }
  return withoutLogInit(body.parsed).map((cmd) => {
    const flag = flagFor(cmd);
    return change(fileStart(body, cmd.command.start), `useradd: add ${flag} (a large uid would write huge sparse lastlog and faillog files)`, [insertFlag(body, cmd.program.end, flag)]);
  });
}

/** The useradd commands that create an account without `-l`. */
function withoutLogInit(script: ShellScript): AddUser[] {
  return recogniseAll(script).filter(
    (r): r is AddUser =>
      r.kind === 'add-user' && !r.command.enclosing.includes('substitution') && !r.hasFlag('-l', '--no-log-init', '-D', '--defaults', '-h', '--help'),
  );
}

/** `-l` among mostly short options, `--no-log-init` among long ones or none. */
function flagFor(cmd: AddUser): string {
  const words = new Set(cmd.options.map((o) => o.word));
  let short = 0;
  let long = 0;
  for (const w of words) (w.value!.startsWith('--') ? long++ : short++);
  return short > long ? '-l' : '--no-log-init';
}

/** How many useradd commands of a script the shell layer does not edit would get the option. */
function lacking(script: string): number {
  const parsed = parseScript(script);
  if (parsed.ok) return withoutLogInit(parsed).length;
  // Text no shell parser reads: count useradd words with no -l anywhere in the script.
  if (/(?:^|\s)(?:-\w*l\w*|--no-log-init)(?:\s|$)/.test(script)) return 0;
  return script.match(/(?:^|[;&|({\s])(?:[\w.-]*\/)*useradd\b/g)?.length ?? 0;
}
