import { wordWithEnv } from '../src/analysis/envWords.js';
import type { Instruction, ParsedDockerfile } from '../src/dockerfile/types.js';
import { change, defineTransform, refusal, type Finding } from '../src/engine/types.js';
import { stageAdduserIsUseradd } from '../src/analysis/accounts.js';
import { BODY_REFUSALS, fileStart, insertFlag, parseScript, recognise, recogniseUseraddLink, runBody, unEditedScripts, type AddUser, type CommandOption, type ShellScript, type ShellWord } from '../src/shell/index.js';

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
\`env\`) whose uid is large the \`-l\` option (hadolint DL3046), right after the program name. Without it, useradd
writes the new account's record into /var/log/lastlog and /var/log/faillog at an offset set by the uid (324
bytes per uid), so a large uid (\`-u 1000000\`) leaves sparse files of hundreds of megabytes that a layer stores
in full. Those logs record logins, which a container does not have. A uid counts as large from 10,000 (3.2 MB)
on, and when it is only known at build time (\`-u \${uid}\` under \`ARG uid\`); a variable an ENV of the Dockerfile sets to a
value no build argument changes (\`ENV UID=1001\`) is read as that value; \`-K UID_MIN=…\` sets where useradd starts; a useradd with a smaller uid, or
none (it picks one from the system range or from 1000), is left alone: the flag would save a few hundred
kilobytes and be churn in the diff.

The option follows the line's style: \`-l\` when the command's options are mostly short (\`-r -m -u 1000\`),
\`--no-log-init\` when they are long or there are none. When the options stand one to a line
(\`useradd \\⏎    --system \\⏎    --uid 99 \\⏎    app\`), it gets a line of its own above them.
A useradd that already has \`-l\` or \`--no-log-init\` (alone or in a bundle such as \`-rl\`), or that only prints or sets defaults (\`-D\`) or
help, is left alone. In Red Hat's family (Fedora, CentOS, Rocky Linux, AlmaLinux, UBI, Amazon Linux, Oracle
Linux, and images built on them such as \`amazoncorretto\`), \`adduser\` is a link to useradd and gets the option
the same way; busybox and Debian \`adduser\` (Alpine, Debian, Ubuntu, or an image dockshift does not know) are
other programs and are not touched.

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
      if (inst.keyword !== 'RUN') continue;
      const text = file.text.slice(inst.span.start, inst.span.end);
      const linked = text.includes('adduser') && stageAdduserIsUseradd(file, file.stages[inst.stage]!);
      if (text.includes('useradd') || linked) findings.push(...forRun(file, inst, linked));
    }
    return findings;
  },
});

/** `linked`: the stage's adduser is a link to useradd (Red Hat's family), and is read as one. */
function forRun(file: ParsedDockerfile, inst: Instruction, linked: boolean): Finding[] {
  const body = runBody(file, inst);
  if (!body.ok) {
    if (body.code === 'no-body' || body.code === 'not-shell-instruction') return [];
    const count = unEditedScripts(file, inst, body.code).reduce((n, script) => n + lacking(script, linked), 0);
    return count === 0 ? [] : [refusal(body.at, body.code, `${body.reason}; not adding --no-log-init to ${count === 1 ? 'its useradd' : `its ${count} useradd commands`}`)];
  }
  const withEnv = (word: ShellWord) => wordWithEnv(file, inst, word, body.parsed.source);
  return withoutLogInit(body.parsed, linked).flatMap((cmd) => {
    const why = logSize(cmd, withEnv);
    if (why === null) return [];
    const flag = flagFor(cmd);
    const named = cmd.tool === 'adduser' ? "adduser (a link to useradd in Red Hat's family)" : 'useradd';
    return [change(fileStart(body, cmd.command.start), `${named}: add ${flag} (${why})`, [insertFlag(file, body, cmd.program.end, flag)])];
  });
}

/** Bytes useradd writes per uid: a lastlog record (292 on Linux) and a faillog one (32), at the uid's offset. */
const LOG_BYTES_PER_UID = 292 + 32;

/** From this uid on, the two files hold over 3 MB a layer stores in full; below it, the flag would be churn (hadolint's DL3046 waits for six digits). */
const LARGE_UID = 10_000;

/**
 * Why the useradd's log records weigh: a uid from a build argument, which a build may make large, or a
 * literal one of LARGE_UID or more (also as the value an ENV gives the variable it names, which `withEnv`
 * reads). Null for a small uid, or none given (useradd picks from the system range, or from 1000 up): the
 * records are then a few hundred kilobytes at most.
 */
function logSize(cmd: AddUser, withEnv: (word: ShellWord) => string | null = () => null): string | null {
  const given = cmd.options.filter((o) => o.name === '-u' || o.name === '--uid');
  // `-K UID_MIN=200000` moves the range useradd picks from (SYS_UID_MIN for a system account); other settings say nothing of the uid.
  const key = cmd.hasFlag('-r', '--system') ? /^SYS_UID_MIN=/ : /^UID_MIN=/;
  const ranged = cmd.options.filter((o) => (o.name === '-K' || o.name === '--key') && (o.value === null || key.test(o.value)));
  const option = (given.length > 0 ? given : ranged).at(-1);
  if (option === undefined) return null;
  const value = option.value ?? valueWithEnv(option, withEnv);
  const digits = value === null ? undefined : /^(?:(?:SYS_)?UID_MIN=)?(\d+)$/.exec(value)?.[1];
  if (digits === undefined) return `the uid is only known at build time (\`${(option.valueWord ?? option.word).raw}\`), and a large one makes sparse lastlog and faillog files a layer stores in full`;
  const uid = Number(digits);
  if (uid < LARGE_UID) return null;
  const mb = ((uid + 1) * LOG_BYTES_PER_UID) / 1e6;
  const named = given.length > 0 ? `uid ${uid}` : `a uid from ${option.value}`;
  return `${named}: its lastlog and faillog records make sparse files of about ${mb >= 100 ? Math.round(mb) : mb.toFixed(1)} MB, which a layer stores in full`;
}

/**
 * An option's value that names variables, as the ENV the RUN sees sets them: in a word of its own
 * (\`--uid \${UID}\`) or after a long option's \`=\` (\`--uid=\${UID}\`). Null when a build argument, a
 * substitution or the script itself may set it, or it is glued to a short option (\`-u\${UID}\`).
 */
function valueWithEnv(option: CommandOption, withEnv: (word: ShellWord) => string | null): string | null {
  if (option.valueWord !== null) return withEnv(option.valueWord);
  if (!option.name.startsWith('--')) return null;
  const text = withEnv(option.word);
  return text !== null && text.startsWith(`${option.name}=`) ? text.slice(option.name.length + 1) : null;
}

/** The useradd commands (and, when `linked`, the adduser ones) that create an account without `-l`. */
function withoutLogInit(script: ShellScript, linked: boolean): AddUser[] {
  return script.commands
    .map((c) => recognise(c) ?? (linked ? recogniseUseraddLink(c) : null))
    .filter(
      (r): r is AddUser =>
        r?.kind === 'add-user' && !r.command.enclosing.includes('substitution') && !r.hasFlag('-l', '--no-log-init', '-D', '--defaults', '-h', '--help'),
    );
}

/** `-l` among mostly short options, `--no-log-init` among long ones or none (a bundle such as `-rm` is one short word). */
function flagFor(cmd: AddUser): string {
  // By the option's name: a word that names a variable (`--uid=$ID`) has no value to read.
  const words = new Map(cmd.options.map((o) => [o.word, o.name]));
  let short = 0;
  let long = 0;
  for (const name of words.values()) (name.startsWith('--') ? long++ : short++);
  return short > long ? '-l' : '--no-log-init';
}

/** How many useradd commands (adduser ones too when `linked`) of a script the shell layer does not edit would get the option. */
function lacking(script: string, linked: boolean): number {
  const parsed = parseScript(script);
  if (parsed.ok) return withoutLogInit(parsed, linked).filter((cmd) => logSize(cmd) !== null).length;
  // Text no shell parser reads: count useradd words with no -l anywhere in the script, where a uid is large or a variable.
  if (/(?:^|\s)(?:-\w*l\w*|--no-log-init)(?:\s|$)/.test(script)) return 0;
  if (!/(?:\s-u\s*|--uid[=\s]\s*|UID_MIN=)["']?(?:\d{5,}|\$)/.test(script)) return 0;
  return script.match(linked ? /(?:^|[;&|({\s])(?:[\w.-]*\/)*(?:useradd|adduser)\b/g : /(?:^|[;&|({\s])(?:[\w.-]*\/)*useradd\b/g)?.length ?? 0;
}
