/**
 * Users of a stage: who it runs as now, which accounts its RUNs create, and how
 * to give it a non-root account on its base image: the image's own non-root user,
 * a numeric user (scratch), or a new system account made with the tools the base
 * image's family has (shadow's useradd, busybox's adduser, or shadow-utils
 * installed first where the image lacks it).
 */
import * as posix from 'node:path/posix';
import { logicalText } from '../dockerfile/logical.js';
import { PerStage, rootStage, stageLineage } from '../dockerfile/stages.js';
import type { Instruction, ParsedDockerfile, Stage } from '../dockerfile/types.js';
import { fixedValues, variablesAt } from '../dockerfile/variables.js';
import { expandWord } from '../dockerfile/words.js';
import type { BuildContext } from '../engine/context.js';
import { adduserIsUseradd, FIXED_ACCOUNTS, releaseFamily, type FixedAccount } from '../knowledge/index.js';
import type { IdentifiedImage } from '../knowledge/types.js';
import { grammar, splitArgs } from '../shell/argv.js';
import { recognise } from '../shell/commands.js';
import { BUSYBOX_ADDGROUP, BUSYBOX_ADDUSER, DEBIAN_ADDUSER, GROUPADD, USERADD } from '../shell/users.js';
import type { CommandOption, ShellScript, ShellWord, SimpleCommand, Statement } from '../shell/types.js';
import { countBefore } from '../sorted.js';
import { stageCommands } from './commands.js';
import { copySteps } from './copiedFiles.js';
import { wordWithEnv } from './envWords.js';
import { commandsNamed, mkdirOperands, programOf, runScripts, runScriptsOf } from './runScripts.js';
import { programWords } from '../shell/index.js';
import { preview } from './preview.js';
import { knownBaseImage, userAt } from './stageTools.js';

/** The user a stage runs as, as its last USER says. */
export type CurrentUser =
  /** No USER: the base image's default. */
  | { readonly kind: 'inherited' }
  | { readonly kind: 'root'; readonly inst: Instruction }
  | { readonly kind: 'other'; readonly inst: Instruction; readonly user: string }
  /** Set from a build argument or variable whose value is only known at build time. */
  | { readonly kind: 'unknown'; readonly inst: Instruction };

export function currentUser(file: ParsedDockerfile, stage: Stage): CurrentUser {
  const inst = stageLineage(file, stage)
    .flatMap((s) => s.instructions)
    .filter((i) => i.keyword === 'USER')
    .sort((a, b) => a.index - b.index)
    .at(-1);
  if (inst === undefined || inst.argsSpan === null) return { kind: 'inherited' };
  const word = logicalText(file.text, inst.argsSpan.start, inst.argsSpan.end, file.escape).text.trim();
  // `USER ${USER}` with `ARG USER=root`, or with an ENV that reads it: the default is only what a plain build uses.
  const value = expandWord(word, fixedValues(variablesAt(file, inst)), file.escape).value;
  if (value === null) return { kind: 'unknown', inst };
  const user = value.split(':')[0]!;
  return user === 'root' || user === '0' ? { kind: 'root', inst } : { kind: 'other', inst, user: value };
}

/** An account a RUN creates. */
export interface CreatedUser {
  /** Null when the name is only known at build time (`useradd $USERNAME` under an ARG). */
  readonly name: string | null;
  /** The name's word as the RUN writes it. */
  readonly written: string;
  readonly uid: number | null;
  readonly gid: number | null;
  /**
   * Its home folder as /etc/passwd records it, which a RUN under it sees as HOME: the one the command names
   * (\`useradd -d\`, busybox's \`adduser -h\`, Debian's \`--home\`), else the tools' default, the base folder's
   * \`<name>\` (useradd's \`-b\`, else /home). Null when only known at build time, or for Debian's \`adduser --system\`
   * without \`--home\`, whose default changed (/home/<name>, /nonexistent since adduser 3.122).
   */
  readonly home: string | null;
  readonly inst: Instruction;
  /** The command may not run, so the account may not exist (see mayBeSkipped). */
  readonly conditional: boolean;
}


/**
 * Whether the stage's `adduser` is shadow's useradd under another name, as in Red Hat's family (Fedora,
 * CentOS, Rocky Linux, AlmaLinux, UBI, Amazon Linux, Oracle Linux), by the image its lineage starts FROM.
 * False when that image is not known (a build argument, scratch, another registry's image).
 */
export function stageAdduserIsUseradd(file: ParsedDockerfile, stage: Stage): boolean {
  const image = knownBaseImage(file, stage);
  if (image !== null) return adduserIsUseradd(image.repository.path, releaseFamily(image.release));
  const root = rootStage(file, stage);
  return root.base.kind === 'image' && !root.base.ref.hasVariables && adduserIsUseradd(root.base.ref.name, null);
}

const numeric = (v: string | null | undefined): number | null => (v != null && /^\d+$/.test(v) ? Number(v) : null);

/** Accounts the stage's RUNs (and those of the stages it builds on) create, in order. */
export function createdUsers(file: ParsedDockerfile, stage: Stage): CreatedUser[] {
  const groups = new Map<string, number | null>();
  const users: { name: string | null; written: string; uid: number | null; group: string | null; gid: number | null; home: string | null; inst: Instruction; conditional: boolean }[] = [];
  // Red Hat's adduser is useradd under another name, with its options (`-g` the primary group).
  const linked = stageAdduserIsUseradd(file, stage);
  for (const s of stageLineage(file, stage).reverse()) {
    const scripts = runScripts(file, s);
    for (const { run, command } of commandsNamed(scripts, 'groupadd', 'addgroup', 'useradd', 'adduser')) {
      const words = programWords(command);
      const program = words[0]!.value!.slice(words[0]!.value!.lastIndexOf('/') + 1);
      const rest = words.slice(1);
      const valueOf = (word: ShellWord) => accountWord(file, run.inst, word);
      // The last of the options named: `-g $GID` read as `-g 1000` under `ENV GID 1000`.
      const optionOf = (options: readonly CommandOption[], ...names: string[]) => {
        const option = options.filter((o) => names.includes(o.name)).at(-1);
        return option === undefined ? null : option.valueWord === null ? option.value : valueOf(option.valueWord);
      };
      if (program === 'groupadd' || program === 'addgroup') {
        const args = splitArgs(rest, program === 'groupadd' ? GROUPADD : BUSYBOX_ADDGROUP);
        const name = args.positionals.length === 1 ? valueOf(args.positionals[0]!) : null;
        if (name !== null) groups.set(name, numeric(optionOf(args.options, '-g', '--gid')));
        continue;
      }
      const shadow = program === 'useradd' || linked;
      const debianStyle = !shadow && rest.some((w) => w.value?.startsWith('--') === true);
      const args = splitArgs(rest, shadow ? USERADD : debianStyle ? DEBIAN_ADDUSER : BUSYBOX_ADDUSER);
      // `adduser USER GROUP` adds an existing user to a group.
      if (args.positionals.length !== 1) continue;
      const word = args.positionals[0]!;
      const value = (...names: string[]) => optionOf(args.options, ...names);
      const uid = numeric(value('-u', '--uid'));
      const groupValue = shadow ? value('-g', '--gid') : debianStyle ? (value('--gid') ?? value('--ingroup')) : value('-G');
      const name = valueOf(word);
      const has = (...names: string[]) => args.options.some((o) => names.includes(o.name));
      const homeOptions = shadow ? ['-d', '--home-dir', '--home'] : debianStyle ? ['--home'] : ['-h'];
      const base = shadow && has('-b', '--base-dir') ? value('-b', '--base-dir') : '/home';
      const home = has(...homeOptions) ? absoluteHome(value(...homeOptions))
        : name === null || base === null || (debianStyle && has('--system')) ? null
        : absoluteHome(posix.join(base, name));
      users.push({ name, written: word.raw, uid, group: groupValue, gid: numeric(groupValue), home, inst: run.inst, conditional: mayBeSkipped(run.parsed!, command) });
    }
  }
  return users.map((u) => ({
    name: u.name,
    written: u.written,
    uid: u.uid,
    gid: u.gid ?? (u.group !== null ? (groups.get(u.group) ?? null) : u.name === null ? null : (groups.get(u.name) ?? null)),
    home: u.home,
    inst: u.inst,
    conditional: u.conditional,
  }));
}

/** The home a RUN's commands see as HOME (and so as \`~\`), with what says so; or why it is not known. */
export type HomeAt = { readonly home: string; readonly from: string } | { readonly unknown: string };

/**
 * The home folder the commands of \`inst\` see as HOME: an ENV (or ARG) HOME, or the image's; else the home
 * /etc/passwd gives the user it runs as, which the runtime sets HOME to (runc's setupUser): /root for root, that
 * of an account a RUN before it created (createdUsers), or of an image's account the knowledge base knows the
 * home of (node's /home/node). With no USER on an image the knowledge base does not know, root's: a RUN runs
 * as root unless a USER says otherwise.
 */
export function homeAt(file: ParsedDockerfile, inst: Instruction): HomeAt {
  const set = variablesAt(file, inst).get('HOME');
  if (set !== undefined) {
    const value = set.fromBuildArg ? null : set.value;
    if (value === null || !value.startsWith('/') || value.includes('$')) return { unknown: `${preview(file, set.inst)} sets HOME to a value only known at build time` };
    return { home: absoluteHome(value)!, from: preview(file, set.inst) };
  }
  const stage = file.stages[inst.stage];
  const image = stage === undefined ? null : knownBaseImage(file, stage);
  const imageHome = image?.facts.env['HOME'];
  if (imageHome !== undefined) return { home: imageHome, from: `the base image ${image!.raw}` };
  const user = userAt(file, inst);
  if (user === null) return { home: '/root', from: 'root, as no USER says otherwise' };
  const written = user.inst === null || user.inst.argsSpan === null ? user.user : logicalText(file.text, user.inst.argsSpan.start, user.inst.argsSpan.end, file.escape).text.trim();
  const value = user.inst === null ? written : expandWord(written, fixedValues(variablesAt(file, user.inst)), file.escape).value;
  if (value === null) return { unknown: `${user.from} names the user by a value only known at build time` };
  const name = value.split(':')[0]!;
  if (name === 'root' || name === '0') return { home: '/root', from: `root (${user.from})` };
  const uid = /^\d+$/.test(name) ? Number(name) : null;
  const account = stage === undefined ? undefined : usersOf.of(file, stage).filter((u) => u.inst.index < inst.index && (u.name === name || (uid !== null && u.uid === uid))).at(-1);
  if (account !== undefined) {
    if (account.conditional) return { unknown: `${preview(file, account.inst)} may not create ${name}, the user (${user.from})` };
    if (account.home === null) return { unknown: `${preview(file, account.inst)} gives ${name}, the user (${user.from}), a home dockshift cannot tell` };
    return { home: account.home, from: `${name}'s (${preview(file, account.inst)})` };
  }
  const shipped = [image?.facts.user, image?.facts.nonRootUser].find((u) => u != null && (u.name === name || u.uid === uid));
  if (shipped?.home !== undefined) return { home: shipped.home, from: `${name}'s in the base image ${image!.raw}` };
  const imageSays = image === null ? 'the base image is not one dockshift knows' : `dockshift knows of no such account of the base image ${image.raw} with its home`;
  return { unknown: `the home of ${name}, the user (${user.from}), is not known: no RUN before it creates that account, and ${imageSays}` };
}

/** The accounts a stage's lineage creates, read once per stage: homeAt asks for every RUN. */
const usersOf = new PerStage(createdUsers);

/** A home folder as an absolute path without a trailing slash; null for a relative one or none. */
function absoluteHome(dir: string | null): string | null {
  return dir === null || !dir.startsWith('/') ? null : posix.normalize(dir).replace(/(?<=.)\/+$/, '');
}

const TESTS: ReadonlySet<string> = new Set(['[', '[[', 'test']);

/**
 * Whether a command that creates an account may not run: it sits in an \`if\` or a \`case\`
 * (\`if [ "$USER_ID" != 1000 ]; then adduser … newuser; fi\`), or follows a \`||\` or a test's \`&&\`
 * (\`[ "$UID" != 0 ] && useradd …\`). Not when a command before it asks whether the account is there
 * (\`id -u app || useradd app\`, \`getent passwd app\`, a grep of /etc/passwd): then it exists either way.
 */
function mayBeSkipped(parsed: ShellScript, command: SimpleCommand): boolean {
  const statement = parsed.statements[command.statement];
  // The items before the command, found by binary search: asked of each useradd of a RUN of thousands,
  // a walk of the statement per command made it quadratic.
  const before = statement === undefined ? 0 : countBefore(statement.items, (i) => i.end <= command.start);
  const guards = statement === undefined ? null : guardsOf(statement);
  const guarded = command.enclosing.includes('if') || command.enclosing.includes('case') || (guards !== null && (guards.firstOr < before || guards.firstTest < before));
  if (!guarded) return false;
  const asksForAccount = (c: SimpleCommand) =>
    c.end <= command.start && (c.name === 'id' || c.name === 'getent' || c.args.some((a) => a === '/etc/passwd'));
  return !parsed.commands.some(asksForAccount);
}

/** Where a statement's first \`||\` and first test (\`[\`, \`[[\`, \`test\`) are, by item index (Infinity: none). */
function guardsOf(statement: Statement): { readonly firstOr: number; readonly firstTest: number } {
  let found = guards.get(statement);
  if (found === undefined) {
    const or = statement.operators.indexOf('||');
    const test = statement.items.findIndex((i) => i.command !== null && TESTS.has(i.command.name ?? ''));
    guards.set(statement, (found = { firstOr: or === -1 ? Infinity : or, firstTest: test === -1 ? Infinity : test }));
  }
  return found;
}

const guards = new WeakMap<Statement, { readonly firstOr: number; readonly firstTest: number }>();

/** An account's name, uid or gid: a plain word, with the values an ENV gives (a `$` left in it is not a name). */
function accountWord(file: ParsedDockerfile, inst: Instruction, word: ShellWord): string | null {
  if (word.value === null && !/^[\w.:@+/${}"-]+$/.test(word.raw)) return null;
  const value = wordWithEnv(file, inst, word);
  return value === null || value.includes('$') ? null : value;
}

/** A user the stage gives files to (`COPY --chown=nobody`, `RUN chown -R app /srv`): the user the author means to run as. */
export interface FileOwner {
  /** The user part as written: a name or a uid. */
  readonly user: string;
  /**
   * What USER should say: \`user:group\` when the owner names a group (\`chown unit:root\`, \`--chown=1000:1000\`), else the
   * user part. A group named as the user (\`app:app\`) is its own, which USER picks by itself; a uid's is kept, as a uid
   * no account lists runs in root's group otherwise.
   */
  readonly spec: string;
  /** The group part as written; null when the owner names none (\`chown app\`, \`chown app:\`). */
  readonly group: string | null;
  readonly inst: Instruction;
  /** The absolute paths a RUN's chown names, normalised (none for COPY --chown, or paths known only at build time). */
  readonly paths: readonly string[];
  /**
   * Folders below those paths that the chown gives too: with -R, the absolute folders an earlier
   * `mkdir` of the same RUN made (`mkdir -p /srv/media/images && chown -R app /srv/media`).
   */
  readonly below: readonly string[];
}

const CHOWN = grammar(['--from', '--reference'], true);

/** A word's absolute path, normalised without a trailing slash; none for a relative one or one only known at build time. */
function absolute(word: ShellWord): string[] {
  return word.value !== null && word.value.startsWith('/') ? [posix.normalize(word.value).replace(/(.)\/$/, '$1')] : [];
}

/** An owner the stage (or what it builds on) gives files to, as written: a COPY or ADD's \`--chown\`, or a chown's first operand. */
interface OwnerSpec {
  /** \`USER\`, \`USER:GROUP\`, \`:GROUP\`; null when the word is only known at build time. */
  readonly owner: string | null;
  readonly inst: Instruction;
  /** A chown's absolute operands, and the folders below them its -R gives too (FileOwner's). */
  readonly paths: readonly string[];
  readonly below: readonly string[];
}

function ownerSpecs(file: ParsedDockerfile, stage: Stage): OwnerSpec[] {
  const out: OwnerSpec[] = [];
  for (const s of stageLineage(file, stage).reverse()) {
    for (const inst of s.instructions) {
      if (inst.keyword !== 'COPY' && inst.keyword !== 'ADD') continue;
      const owner = inst.flags.find((f) => f.name.toLowerCase() === 'chown')?.value;
      if (owner !== undefined) out.push({ owner, inst, paths: [], below: [] });
    }
    const scripts = runScripts(file, s);
    const mkdirs = commandsNamed(scripts, 'mkdir');
    for (const { run, command } of commandsNamed(scripts, 'chown')) {
      const args = splitArgs(programWords(command).slice(1), CHOWN);
      const paths = args.positionals.slice(1).flatMap((w) => absolute(w));
      if (args.positionals.length < 2) continue;
      const recursive = args.options.some((o) => o.name === '-R' || o.name === '--recursive');
      const made = recursive ? mkdirs.filter((m) => m.run === run && m.command.end <= command.start).flatMap((m) => mkdirOperands(m.command).flatMap((w) => absolute(w))) : [];
      out.push({ owner: args.positionals[0]!.value, inst: run.inst, paths, below: made.filter((m) => paths.some((p) => m.startsWith(p === '/' ? '/' : `${p}/`))) });
    }
  }
  return out.sort((a, b) => a.inst.index - b.inst.index);
}

/** The non-root owners the stage (and what it builds on) gives files to, in order. */
export function fileOwners(file: ParsedDockerfile, stage: Stage): FileOwner[] {
  return ownerSpecs(file, stage).flatMap(({ owner, inst, paths, below }) => {
    if (owner === null || owner.includes('$')) return [];
    const [user, group] = owner.split(/[:.]/, 2) as [string, string | undefined];
    if (user === '' || user === 'root' || user === '0') return [];
    const named = group === undefined || group === '' ? null : group;
    const spec = named === null || (named === user && !/^\d+$/.test(user)) ? user : `${user}:${named}`;
    return [{ user, spec, group: named, inst, paths, below }];
  });
}

/** A group the stage names for its files or its user. */
export interface NamedGroup {
  readonly group: string;
  readonly inst: Instruction;
  /** What the instruction does with it: `gives files to` or `runs as`. */
  readonly does: 'gives files to' | 'runs as';
}

/**
 * The groups the stage (and what it builds on) names, in order: a COPY or ADD's \`--chown=USER:GROUP\`,
 * a chown's \`USER:GROUP\` or \`:GROUP\` (root's files too), a chgrp's group, and a USER's \`USER:GROUP\`.
 * Numbers and names only known at build time are left out.
 */
export function namedGroups(file: ParsedDockerfile, stage: Stage): NamedGroup[] {
  const out: NamedGroup[] = [];
  const add = (group: string | null | undefined, inst: Instruction, does: NamedGroup['does']) => {
    if (group == null || group === '' || group.includes('$') || /^\d+$/.test(group)) return;
    out.push({ group, inst, does });
  };
  const groupOf = (owner: string | null) => (owner === null ? null : (owner.split(/[:.]/, 2)[1] ?? null));
  for (const { owner, inst } of ownerSpecs(file, stage)) add(groupOf(owner), inst, 'gives files to');
  for (const s of stageLineage(file, stage)) {
    for (const inst of s.instructions) {
      if (inst.keyword === 'USER' && inst.argsSpan !== null) add(groupOf(file.text.slice(inst.argsSpan.start, inst.argsSpan.end).trim()), inst, 'runs as');
    }
    for (const { run, command } of commandsNamed(runScripts(file, s), 'chgrp')) {
      const args = splitArgs(programWords(command).slice(1), CHGRP);
      if (args.positionals.length >= 2) add(args.positionals[0]!.value, run.inst, 'gives files to');
    }
  }
  return out.sort((a, b) => a.inst.index - b.inst.index);
}

/** The groups the stage's RUNs (and those of the stages it builds on) create by name: groupadd's and addgroup's. */
export function createdGroups(file: ParsedDockerfile, stage: Stage): Set<string> {
  const out = new Set<string>();
  for (const s of stageLineage(file, stage)) {
    for (const { run, command } of commandsNamed(runScripts(file, s), 'groupadd', 'addgroup')) {
      const words = programWords(command);
      const args = splitArgs(words.slice(1), words[0]!.value!.endsWith('groupadd') ? GROUPADD : BUSYBOX_ADDGROUP);
      const name = args.positionals.length === 1 ? accountWord(file, run.inst, args.positionals[0]!) : null;
      if (name !== null) out.add(name);
    }
  }
  return out;
}

/** What the USER instruction should say for a created account: numeric where the ids are known. */
export function userSpec(user: { readonly name: string; readonly uid: number | null; readonly gid: number | null }): string {
  if (user.uid === null) return user.name;
  return user.gid === null ? `${user.uid}` : `${user.uid}:${user.gid}`;
}

/** Programs that change or remove accounts: after one, an account's number may not be the one its family fixes. */
const ACCOUNT_EDITORS = ['usermod', 'groupmod', 'userdel', 'groupdel', 'deluser', 'delgroup', 'vipw', 'vigr'];

/** Shells and builtins that run a script dockshift does not read here (\`sh setup.sh\`, \`bash -c "…"\`, \`. ./env.sh\`). */
const SCRIPT_RUNNERS: ReadonlySet<string> = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'source', '.', 'eval']);

/**
 * Whether a command runs what the RUN does not show: a program named by a path outside the system's bin folders
 * (\`./setup-accounts.sh\`, \`/tmp/install.sh\`), a shell given a script or a command line, or a name only known at build time.
 */
function runsUnseenScript(command: SimpleCommand): boolean {
  const words = programWords(command);
  const first = words[0];
  if (first === undefined) return false;
  if (first.value === null) return true;
  if (first.value.includes('/') && !/^\/(?:usr\/)?(?:local\/)?s?bin\/[^/]+$/.test(first.value)) return true;
  return SCRIPT_RUNNERS.has(programOf(command)!) && words.length > 1;
}

/**
 * The uid and gid of an account the stage's base image has by its family (\`www-data\` is 33:33 on Debian),
 * where nothing the stage or those it builds on does may have changed them: no account tool that edits or
 * removes accounts, no RUN that names the account files (\`sed -i … /etc/passwd\`) or runs a script it does not
 * show (\`RUN ./setup-accounts.sh\`), no COPY or ADD into /etc. Null otherwise.
 */
export function fixedAccount(file: ParsedDockerfile, stage: Stage, image: IdentifiedImage, name: string): FixedAccount | null {
  const account = FIXED_ACCOUNTS[releaseFamily(image.release)]?.[name];
  if (account === undefined) return null;
  for (const s of stageLineage(file, stage)) {
    const scripts = runScripts(file, s);
    if (scripts.some((r) => r.parsed === null || /\/etc\/(?:passwd|group|shadow)\b/.test(r.text) || r.parsed.commands.some(runsUnseenScript))) return null;
    if (commandsNamed(scripts, ...ACCOUNT_EDITORS).length > 0) return null;
    if (copySteps(file, s).some((c) => c.dest === null || c.dest === '/' || c.dest === '/etc' || c.dest.startsWith('/etc/'))) return null;
  }
  return account;
}

export interface NewAccount {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

/** How the stage gets a non-root user. */
export type AccountPlan =
  /** The image ships one (node: node 1000; distroless: nonroot 65532; .NET: app 1654). */
  | { readonly kind: 'image-user'; readonly name: string; readonly uid: number; readonly gid: number }
  /** scratch: a number needs no account. */
  | { readonly kind: 'numeric'; readonly uid: number; readonly gid: number }
  /** A RUN creates it; `commands` are its shell commands, in order. */
  | { readonly kind: 'create'; readonly account: NewAccount; readonly commands: readonly string[]; readonly tools: string }
  | { readonly kind: 'impossible'; readonly reason: string };

/** The uid distroless and Chainguard use for `nonroot`, and what a numeric user on scratch gets. */
export const NONROOT_UID = 65532;

/**
 * How to give an image (null: scratch) a non-root account named `account`. \`shadowFrom\`: the line of a RUN
 * of the stage that installs the image's package of useradd (shadow-utils), when one does: not installed again.
 */
export function accountPlan(image: IdentifiedImage | null, account: NewAccount, shadowFrom: number | null = null): AccountPlan {
  if (image === null) return { kind: 'numeric', uid: NONROOT_UID, gid: NONROOT_UID };
  const shipped = image.facts.nonRootUser;
  if (shipped !== null) return { kind: 'image-user', name: shipped.name, uid: shipped.uid, gid: shipped.gid };
  const { name, uid, gid } = account;
  // A home folder of its own: what the app's tools write under ~ (caches, configuration) has a place,
  // as in the .NET images' app account (useradd --create-home).
  const shadow = [`groupadd --system --gid ${gid} ${name}`, `useradd --system --uid ${uid} --gid ${gid} --no-log-init --create-home ${name}`];
  const pm = image.facts.packageManager;
  // ubi-micro and the like: nothing could run useradd, so no RUN is written that would fail.
  if (image.facts.userTools === 'none' && SHADOW_INSTALL[pm] === undefined) {
    const manager = pm === 'none' ? 'nor a package manager to install them' : `and dockshift does not install them with ${pm}`;
    return { kind: 'impossible', reason: `${image.raw} has neither useradd nor adduser, ${manager}, and ships no non-root user` };
  }
  if (image.facts.shell === null) return { kind: 'impossible', reason: `${image.raw} has no shell to create a user with, and ships no non-root user` };
  switch (image.facts.userTools) {
    case 'shadow':
      return { kind: 'create', account, commands: shadow, tools: 'groupadd and useradd' };
    case 'busybox':
      return { kind: 'create', account, commands: [`addgroup -S -g ${gid} ${name}`, `adduser -S -D -u ${uid} -G ${name} ${name}`], tools: "busybox's addgroup and adduser" };
    case 'none': {
      const install = SHADOW_INSTALL[pm]!;
      if (shadowFrom !== null) return { kind: 'create', account, commands: shadow, tools: `groupadd and useradd from ${install.package}, which line ${shadowFrom} installs` };
      return { kind: 'create', account, commands: [...install.commands, ...shadow], tools: `groupadd and useradd from ${install.package}, installed with ${pm}` };
    }
  }
}

/**
 * The line of the last RUN of the stage (or a stage it builds on) that installs the package of useradd the
 * image lacks (\`microdnf install -y shadow-utils\`), unless a later command removes it; null when none does.
 * Only RUNs before the stage's first VOLUME count: the RUN that creates the account goes no earlier.
 */
export function shadowInstalledAt(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null, image: IdentifiedImage): number | null {
  const name = SHADOW_INSTALL[image.facts.packageManager]?.package;
  if (image.facts.userTools !== 'none' || name === undefined) return null;
  const names = (words: readonly (string | null)[]) => words.some((w) => w !== null && (w === name || (w.startsWith(`${name}-`) && /^\d/.test(w.slice(name.length + 1)))));
  const volume = stage.instructions.find((i) => i.keyword === 'VOLUME')?.index ?? Infinity;
  let line: number | null = null;
  // In build order: the stages it builds on first.
  for (const s of stageLineage(file, stage).reverse()) {
    for (const c of stageCommands(file, s, ctx).commands) {
      if (c.inst.index >= volume) break;
      const r = c.command === null ? null : recognise(c.command);
      if (r?.kind !== 'package' || !names(r.operands.map((w) => w.value))) continue;
      if (r.action === 'install') line = c.inst.line;
      else if (r.action === 'remove') line = null;
    }
  }
  return line;
}

/**
 * How a package manager installs shadow's useradd and groupadd (Red Hat's family calls the
 * package shadow-utils, SUSE shadow), cleaning its cache in the same RUN. Installing a package
 * that is already there succeeds, so an image that does carry it is no problem.
 */
const SHADOW_INSTALL: Partial<Record<string, { readonly package: string; readonly commands: readonly string[] }>> = {
  ...Object.fromEntries(['microdnf', 'dnf', 'yum', 'tdnf'].map((pm) => [pm, { package: 'shadow-utils', commands: [`${pm} install -y shadow-utils`, `${pm} clean all`] }])),
  zypper: { package: 'shadow', commands: ['zypper --non-interactive install shadow', 'zypper clean --all'] },
};

/** A folder a RUN run as root makes writable by its group and not by others: root's group, unless given to another. */
export interface GroupWritable {
  readonly path: string;
  readonly mode: string;
  readonly inst: Instruction;
}

const CHMOD = grammar(['--reference'], true);
const CHGRP = grammar(['--from', '--reference'], true);

/**
 * Folders the stage (and what it builds on) opens for writing to their group only (`chmod g+w /data`,
 * `chmod -R g=u /app` after `chgrp -R 0 /app`, `chmod 775 /cache`), while root owns them and no chown,
 * chgrp or COPY --chown gives them (or a folder above them) to another user or group: the way an image
 * is made for a user in root's group, gid 0 (OpenShift runs containers as an arbitrary uid in that
 * group). A user of another group could not write there.
 */
export function groupWritableFolders(file: ParsedDockerfile, stage: Stage): GroupWritable[] {
  const out: GroupWritable[] = [];
  const given: string[] = [];
  // Given to root's group (or to root) a folder stays root's: anything else takes it from root.
  const toRoot = (v: string | null | undefined) => v == null || v === '' || v === 'root' || v === '0';
  let root = true;
  for (const s of stageLineage(file, stage).reverse()) {
    // A COPY --chown gives what it copies (its destination, or any folder when that is only known at build time).
    for (const step of copySteps(file, s)) {
      const [user, group] = (step.chown ?? '').split(/[:.]/, 2) as [string, string | undefined];
      if (step.chown !== null && (!toRoot(user) || !toRoot(group))) given.push(step.dest ?? '/');
    }
    for (const inst of s.instructions) {
      if (inst.keyword === 'USER' && inst.argsSpan !== null) {
        const user = file.text.slice(inst.argsSpan.start, inst.argsSpan.end).trim().split(':')[0];
        root = user === 'root' || user === '0';
      }
      if (inst.keyword !== 'RUN') continue;
      for (const { command } of commandsNamed(runScriptsOf(file, inst), 'chown', 'chgrp', 'chmod')) {
        const words = programWords(command);
        const program = words[0]!.value!.slice(words[0]!.value!.lastIndexOf('/') + 1);
        if (program !== 'chmod') {
          const args = splitArgs(words.slice(1), program === 'chown' ? CHOWN : CHGRP);
          const owner = args.positionals[0]?.value;
          const [user, group] = program === 'chgrp' ? [null, owner ?? '$'] : ((owner ?? '$').split(/[:.]/, 2) as [string, string | undefined]);
          // A path only known at build time may be any folder.
          if (!toRoot(user) || !toRoot(group)) given.push(...args.positionals.slice(1).flatMap((w) => (w.value === null ? ['/'] : absolute(w))));
          continue;
        }
        if (!root) continue;
        const args = splitArgs(words.slice(1), CHMOD);
        if (args.options.some((o) => o.name === '--reference') || args.positionals.length < 2) continue;
        const mode = args.positionals[0]!.value;
        if (mode === null || !groupOnlyWritable(mode)) continue;
        for (const w of args.positionals.slice(1)) for (const p of absolute(w)) out.push({ path: p, mode, inst });
      }
    }
  }
  const under = (p: string, folder: string) => p === folder || folder === '/' || p.startsWith(`${folder}/`);
  return out.filter((f) => !given.some((g) => under(f.path, g) || under(g, f.path)) && !/^\/(?:tmp|var\/tmp|dev)(?:\/|$)/.test(f.path));
}

/**
 * Folders the stage (and what it builds on) opens for writing to every user with a recursive chmod
 * (\`chmod -R go=u /app\`, \`chmod -R 777 /srv\`, \`chmod -R a+w /data\`), so that a container run with
 * \`--user\` may write there: what a COPY left root's is then any user's. /tmp, /var/tmp and /dev are
 * left out: they are open to all in every image.
 */
export function worldWritableFolders(file: ParsedDockerfile, stage: Stage): GroupWritable[] {
  const out: GroupWritable[] = [];
  for (const s of stageLineage(file, stage)) {
    for (const inst of s.instructions) {
      if (inst.keyword !== 'RUN') continue;
      for (const { command } of commandsNamed(runScriptsOf(file, inst), 'chmod')) {
        const args = splitArgs(programWords(command).slice(1), CHMOD);
        if (!args.options.some((o) => o.name === '-R' || o.name === '--recursive') || args.positionals.length < 2) continue;
        const mode = args.positionals[0]!.value;
        if (mode === null || !othersWritable(mode)) continue;
        for (const w of args.positionals.slice(1)) for (const p of absolute(w)) if (!/^\/(?:tmp|var\/tmp|dev)(?:\/|$)/.test(p)) out.push({ path: p, mode, inst });
      }
    }
  }
  return out;
}

/** Whether a chmod mode gives others write: an octal mode with their write bit, or clauses that do (\`o+w\`, \`a+rw\`, \`go=u\`: root's bits, write among them). */
function othersWritable(mode: string): boolean {
  if (/^[0-7]{3,4}$/.test(mode)) return (Number.parseInt(mode, 8) & 0o002) !== 0;
  let others = false;
  for (const clause of mode.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxXst]*|[ugo])$/.exec(clause);
    if (m === null) return false;
    const [, who, op, perms] = m as unknown as [string, string, string, string];
    if (!/[oa]/.test(who)) continue;
    const write: boolean = perms === 'u' ? true : perms === 'o' ? others : perms === 'g' ? false : perms.includes('w');
    others = op === '=' ? write : write ? op === '+' : others;
  }
  return others;
}

/**
 * Whether a chmod mode leaves a folder owned by root writable by its group and not by others: an
 * octal mode with the group's write bit and not others', or symbolic clauses that give the group
 * write (`g+w`, `ug=rwx`, `g=u`: root, the owner, may write) and others none. A mode with no one named
 * (`+w`) goes through the umask, which keeps the group's write off.
 */
export function groupOnlyWritable(mode: string): boolean {
  if (/^[0-7]{3,4}$/.test(mode)) {
    const bits = Number.parseInt(mode, 8);
    return (bits & 0o020) !== 0 && (bits & 0o002) === 0;
  }
  let group = false;
  let others = false;
  for (const clause of mode.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxXst]*|[ugo])$/.exec(clause);
    if (m === null) return false;
    const [, who, op, perms] = m as unknown as [string, string, string, string];
    // Copying another class's bits: the owner's (root) include write; the group's and others' are not known here.
    const write: boolean = perms === 'u' ? true : perms === 'g' ? group : perms === 'o' ? others : perms.includes('w');
    const set = (current: boolean): boolean => (op === '=' ? write : write ? op === '+' : current);
    if (/[ga]/.test(who)) group = set(group);
    if (/[oa]/.test(who)) others = set(others);
  }
  return group && !others;
}
