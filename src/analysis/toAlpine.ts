/**
 * A RUN of a Debian (apt) or RHEL-family (yum/dnf) stage rewritten for Alpine:
 * package installs become one `apk add --no-cache` with names from the
 * knowledge base's package map, apt-only steps (update, clean, removing the
 * lists) go, `useradd`/`groupadd` become busybox `adduser`/`addgroup` with the
 * same ids. Anything else that only makes sense on Debian is a refusal with its
 * reason. The result is one edit of the whole instruction.
 */
import { removeInstruction } from '../dockerfile/edit.js';
import { logicalText } from '../dockerfile/logical.js';
import type { Instruction, ParsedDockerfile } from '../dockerfile/types.js';
import type { Edit } from '../engine/types.js';
import { debianOnlyFile, translatePackage } from '../knowledge/index.js';
import { wordWithEnv } from './envWords.js';
import { splitArgs } from '../shell/argv.js';
import { GROUPADD, USERADD } from '../shell/users.js';
import { fileEnd, fileStart, isValidShell, packageCommands, parseScript, recognise, replaceWords, runBody, SHELL_PROGRAMS, shellOperand, SU_PROGRAMS, shellQuote, unEditedScripts, type RunBody } from '../shell/index.js';
import type { CommandOption, PackageCommand, ShellWord, SimpleCommand } from '../shell/types.js';
import { runScripts } from './runScripts.js';

export const ALPINE_RUN_REFUSALS = {
  'unmapped-package': 'a package has no known Alpine name (or is pinned to a Debian version)',
  'apt-repository': 'the RUN adds an apt repository (a PPA, add-apt-repository, apt-key, a sources.list entry)',
  'dpkg-install': 'the RUN installs a .deb file',
  debconf: 'the RUN sets debconf answers, which only apt reads',
  'locale-gen': 'the RUN generates glibc locales, which musl does not have',
  'debian-file': 'a command uses a file of a Debian package that Alpine does not have (one the switch drops)',
  'piped-script': 'the RUN pipes a downloaded script into a shell, which dockshift cannot read (it may add an apt repository or fetch glibc programs)',
  'user-options': 'a useradd/groupadd (or Debian adduser) option has no busybox equivalent',
  'unsupported-command': 'a Debian-only command dockshift does not translate, or one nested where it cannot be rewritten',
  'comment-inside': 'a comment line inside the RUN lies in a part that would be rewritten',
} as const;

export type AlpineRunCode = keyof typeof ALPINE_RUN_REFUSALS | 'exec-form' | 'heredoc' | 'non-posix-shell' | 'unparsable-shell';

export type AlpineRun =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'edit'; readonly edit: Edit; readonly notes: readonly string[] }
  | { readonly kind: 'refuse'; readonly code: AlpineRunCode; readonly reason: string };

type Plan =
  | { drop: true; notes?: string[] }
  | { replace: string; notes?: string[] }
  | { dropWords: ShellWord[] }
  | { edits: readonly Edit[]; notes: string[] }
  | { refuse: AlpineRunCode; reason: string };

const DEBIANISH = /\b(?:apt-get|apt|aptitude|dpkg|yum|dnf|microdnf|useradd|groupadd|debconf|locale-gen|add-apt-repository|apt-key)\b|\/etc\/locale\.gen/;
const FRONTEND_VARS = /^(?:DEBIAN_FRONTEND|DEBCONF_\w+|APT_\w+)$/;

/**
 * The Alpine form of one RUN, for a stage whose packages come from `source`; `installed` are the
 * packages the switched stages install, whose Debian-only configuration paths a command may not use.
 */
export function runForAlpine(file: ParsedDockerfile, inst: Instruction, source: 'apt' | 'rpm', installed: ReadonlySet<string> = new Set()): AlpineRun {
  const body = runBody(file, inst);
  if (!body.ok) {
    if (body.code === 'no-body' || body.code === 'not-shell-instruction') return { kind: 'unchanged' };
    const text = unEditedScripts(file, inst, body.code).join('\n') || file.text.slice(inst.span.start, inst.span.end);
    return DEBIANISH.test(text) ? { kind: 'refuse', code: body.code, reason: `line ${inst.line}: ${body.reason}, and it runs Debian commands dockshift would translate` } : { kind: 'unchanged' };
  }
  const plans = new Map<SimpleCommand, Plan>();
  const notes: string[] = [];
  for (const c of body.parsed.commands) {
    const plan = planCommand(file, body, c, source, installed);
    if (plan === null) {
      // `dpkg-query -W`, `xargs -a pkgs.txt apt-get install -y`, `sh -c 'apt-get …'`: left as it is, it would fail on Alpine.
      const hidden = packagingProgram(c, (w) => wordWithEnv(file, inst, w, body.parsed.source));
      if (hidden !== null && 'unread' in hidden) {
        return { kind: 'refuse', code: 'unsupported-command', reason: `line ${inst.line}: \`${text(body, c)}\` gives the shell ${hidden.unread}, which is only known at build time: what it runs (apt-get, or another program Alpine does not have) is not known` };
      }
      if (hidden !== null) {
        const how = hidden.own ? ', which Alpine does not have and dockshift does not translate' : ' through another program, which dockshift does not rewrite (what it does there is not known)';
        return { kind: 'refuse', code: 'unsupported-command', reason: `line ${inst.line}: \`${text(body, c)}\` runs ${hidden.name}${how}` };
      }
      continue;
    }
    if ('refuse' in plan) return { kind: 'refuse', code: plan.refuse, reason: `line ${inst.line}: ${plan.reason}` };
    if ('replace' in plan || 'edits' in plan || 'drop' in plan) notes.push(...(plan.notes ?? []));
    if (c.enclosing.length > 0 && !('dropWords' in plan && c.enclosing.every((e) => e === 'block'))) {
      return { kind: 'refuse', code: 'unsupported-command', reason: `line ${inst.line}: \`${text(body, c)}\` is inside ${c.enclosing.at(-1)}, where dockshift does not rewrite it` };
    }
    plans.set(c, plan);
  }
  if (plans.size === 0) return { kind: 'unchanged' };
  return assemble(file, body, plans, notes);
}

/**
 * A program of Debian's or the RHEL family's packaging (apt-get, dpkg-query, debconf-set-selections,
 * yum, rpm…) that a command dockshift leaves as it is runs: the command itself (\`own\`), one of its
 * words (\`xargs -a pkgs.txt apt-get install\`, \`eatmydata apt-get …\`), or a command of a string it
 * gives a shell or another program's \`-c\` (\`sh -ec 'apt-get …'\`, \`su -c "apt-mark hold x"\`). Words
 * that are only text (\`echo "installed with apt-get"\`) and folders (\`/var/lib/apt\`) are not programs.
 */
function packagingProgram(c: SimpleCommand, known: (w: ShellWord) => string | null, depth = 0): { name: string; own: boolean } | { unread: string } | null {
  const values = c.words.map(known);
  const strings = new Set<number>();
  const program = values[0] == null ? null : values[0].slice(values[0].lastIndexOf('/') + 1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // `su -c "$CMD" app`: the string su gives a shell is only known at build time.
    if (v == null && values[i - 1] === '-c' && program !== null && SU_PROGRAMS.has(program)) return { unread: c.words[i]!.raw };
    if (v == null) continue;
    const name = v.slice(v.lastIndexOf('/') + 1);
    if (PACKAGING_PROGRAM.test(name) && (v === name || /(?:^|\/)s?bin\/[^/]+$/.test(v))) return { name, own: i === 0 && depth === 0 };
    if (values[i - 1] === '-c') strings.add(i);
    if (!SHELL_PROGRAMS.has(name)) continue;
    const shell = shellOperand(values.slice(i));
    if (shell.command && shell.at !== null) strings.add(i + shell.at);
    // A shell whose command string (or an option before it) is only known at build time
    // (`sh -c "apt-get install -y $PKGS"`, `bash $OPTS -c …`) may run anything.
    const unknown = c.words.slice(i).find((_, k) => values[i + k] === null);
    if (shell.at === null && !shell.stdin && unknown !== undefined) return { unread: unknown.raw };
  }
  for (const at of depth > 1 ? [] : strings) {
    const parsed = parseScript(values[at] ?? '');
    for (const inner of parsed.ok ? parsed.commands : []) {
      const hit = packagingProgram(inner, known, depth + 1);
      if (hit !== null) return 'unread' in hit ? hit : { name: hit.name, own: false };
    }
  }
  return null;
}

/** Programs of apt, dpkg, debconf, yum, dnf and rpm, none of which Alpine has. */
const PACKAGING_PROGRAM = /^(?:apt|apt-[\w.-]+|aptitude|dpkg|dpkg-[\w.-]+|debconf-[\w.-]+|yum|yum-[\w.-]+|dnf|microdnf|rpm|rpmbuild|zypper)$/;

/**
 * \`playwright install-deps\` or \`playwright install --with-deps\`, run directly or through npx, a package
 * manager's exec or \`python -m\`: Playwright installs what its browsers need with apt-get itself.
 */
function installsPlaywrightDeps(name: string | null, args: readonly string[]): boolean {
  const words = name === null ? args : [name, ...args];
  const playwright = (w: string) => /^@playwright\/test(?:@\S*)?$/.test(w) || /^playwright(?:@\S*)?$/.test(w.slice(w.lastIndexOf('/') + 1));
  const at = words.findIndex(playwright);
  if (at === -1) return false;
  const [action, ...rest] = words.slice(at + 1);
  return action === 'install-deps' || (action === 'install' && rest.includes('--with-deps'));
}

function text(body: RunBody, c: SimpleCommand): string {
  const t = body.script.slice(c.start, c.end).replace(/\s+/g, ' ');
  return t.length > 70 ? `${t.slice(0, 67)}…` : t;
}

function planCommand(file: ParsedDockerfile, body: RunBody, c: SimpleCommand, source: 'apt' | 'rpm', installed: ReadonlySet<string>): Plan | null {
  const shown = `\`${text(body, c)}\``;
  const refuse = (code: AlpineRunCode, reason: string): Plan => ({ refuse: code, reason });
  for (const r of c.redirects) {
    if (r.target?.value?.startsWith('/etc/apt/') === true) return refuse('apt-repository', `${shown} writes to ${r.target.value}`);
  }
  const name = c.name === null ? null : c.name.slice(c.name.lastIndexOf('/') + 1);
  const args = c.args.filter((a): a is string => a !== null);
  for (const path of [...args, ...c.redirects.map((r) => r.target?.value ?? null)]) {
    const owned = path === null ? null : debianOnlyFile(path, source, installed);
    if (owned !== null) return refuse('debian-file', `${shown} uses ${owned.file}, which comes with the Debian package ${owned.package} and does not exist on Alpine (${owned.reason})`);
  }
  // Only a sources.list entry is an apt source; apt.conf.d/ and preferences.d/ are apt's settings.
  const aptFile = name === 'tee' ? args.find((a) => a.startsWith('/etc/apt/')) : undefined;
  if (aptFile !== undefined) return refuse('apt-repository', /^\/etc\/apt\/sources\.list/.test(aptFile) ? `${shown} writes an apt source` : `${shown} writes to ${aptFile}`);
  if (name === 'sh' || name === 'bash') {
    const download = c.enclosing.includes('pipeline') ? pipedDownload(body, c) : null;
    if (download !== null) {
      return refuse('piped-script', `${shown} runs the script \`${text(body, download)}\` downloads, which dockshift cannot read: it may install with apt (a repository setup script) or fetch programs built for glibc`);
    }
  }
  if (installsPlaywrightDeps(name, args)) return refuse('unsupported-command', `${shown} installs the browsers' libraries with apt-get, which Alpine does not have (Playwright supports Debian and Ubuntu, not Alpine)`);
  switch (name) {
    case 'add-apt-repository':
    case 'apt-add-repository':
    case 'apt-key':
      return refuse('apt-repository', `${shown} adds an apt repository`);
    case 'dpkg':
      if (args.some((a) => a === '-i' || a === '--install')) return refuse('dpkg-install', `${shown} installs a .deb`);
      return refuse('unsupported-command', `${shown} asks dpkg, which Alpine does not have`);
    case 'gdebi':
      return refuse('dpkg-install', `${shown} installs a .deb`);
    case 'debconf-set-selections':
    case 'dpkg-reconfigure':
      return refuse('debconf', `${shown} configures Debian packages`);
    case 'locale-gen':
    case 'update-locale':
    case 'localedef':
      return refuse('locale-gen', `${shown} generates glibc locales`);
    case 'a2enmod':
    case 'a2dismod':
    case 'a2ensite':
    case 'a2dissite':
    case 'a2enconf':
    case 'a2disconf':
    case 'apt-mark':
    case 'apt-cache':
    case 'apt-config':
    case 'update-alternatives':
    case 'usermod':
    case 'userdel':
    case 'groupmod':
    case 'chsh':
    case 'sudo':
      return refuse('unsupported-command', `${shown} has no Alpine translation here`);
    case 'deluser':
    case 'delgroup':
      // SonarQube's \`deluser ubuntu\` frees uid 1000 of Ubuntu's image: Alpine has no such account, and busybox's applet fails.
      return refuse('unsupported-command', `${shown} removes an account, which Alpine's image may lack where Debian's or Ubuntu's has it (ubuntu, www-data…): busybox's ${name} fails on one it does not find`);
    case 'useradd':
      return useradd(c, shown, groupsMadeBefore(body, c));
    case 'groupadd':
      return groupadd(c, shown);
    case 'adduser':
    case 'addgroup':
      return c.words.some((w) => w.value?.startsWith('--') === true) ? refuse('user-options', `${shown} uses Debian adduser's options`) : null;
  }
  const r = recognise(c);
  if (r === null) return null;
  if (r.kind === 'remove-files') {
    const cacheWords = r.paths.filter((p) => p.cache === 'apt-lists' || p.cache === 'apt-archives' || p.cache === 'yum' || p.cache === 'dnf').map((p) => p.word);
    if (cacheWords.length === 0) return null;
    return cacheWords.length === r.paths.length ? { drop: true } : { dropWords: cacheWords };
  }
  if (r.kind !== 'package') return null;
  const ours = source === 'apt' ? r.manager === 'apt' : r.manager === 'yum' || r.manager === 'dnf' || r.manager === 'microdnf';
  if (!ours) return null;
  if (r.sudo) return refuse('unsupported-command', `${shown} runs with sudo, which Alpine images lack`);
  if ([...r.env.keys()].some((k) => !FRONTEND_VARS.test(k))) return refuse('unsupported-command', `${shown} sets variables for the package manager`);
  switch (r.action) {
    case 'update':
    case 'clean':
      return { drop: true };
    case 'upgrade':
      return { replace: 'apk upgrade --no-cache' };
    case 'install': {
      const apk: string[] = [];
      const notes: string[] = [];
      // Each package's own apk names, none for one dropped or already named.
      const names = new Map<ShellWord, readonly string[]>();
      for (const w of r.operands) {
        if (w.value === null) return refuse('unmapped-package', `${shown} installs ${w.raw}, named by a variable`);
        if (w.value.endsWith('.deb') || w.value.endsWith('.rpm')) return refuse('dpkg-install', `${shown} installs the file ${w.value}`);
        const t = translatePackage(w.value, source);
        if (t.kind === 'unknown') {
          // apt's `git=1:2.*`: the package is known, but pinned to a Debian version, which apk does not have.
          const pin = source === 'apt' ? /^([^=]+)=(.+)$/.exec(w.value) : null;
          if (pin !== null && translatePackage(pin[1]!, source).kind !== 'unknown') {
            return refuse('unmapped-package', `${shown}: ${pin[1]} is pinned to the Debian version ${pin[2]}, and Alpine numbers its versions otherwise (the pin is not translated)`);
          }
          return refuse('unmapped-package', `${shown}: no known Alpine package for ${w.value}`);
        }
        if (t.kind === 'droppable') notes.push(`${w.value} dropped (${t.reason})`);
        const own = t.kind === 'droppable' ? [] : t.apk.filter((a) => !apk.includes(a));
        apk.push(...own);
        names.set(w, own);
      }
      if (apk.length === 0) return { drop: true };
      const inPlace = packagesInPlace(file, body, c, r.operands, r.options, names);
      if (inPlace !== null) return { edits: inPlace, notes };
      const redirects = c.redirects.map((x) => body.script.slice(x.start, x.end)).join(' ');
      return { replace: `apk add --no-cache ${apk.join(' ')}${redirects === '' ? '' : ` ${redirects}`}`, notes };
    }
    case 'remove':
      return removal(file, body, c, r, source, shown);
    default:
      return refuse('unsupported-command', `${shown} has no Alpine translation here`);
  }
}

/**
 * \`apt-get remove\`/\`purge\` (\`yum\`/\`dnf remove\`) as \`apk del\` of the same packages' apk names: apk keeps no
 * configuration to purge, and it removes with a package the dependencies nothing else needs, as \`--auto-remove\`
 * does. So \`autoremove\` alone has nothing left to do and goes. A package the stage did not install before is
 * refused: the Alpine image may not have it, and what removing it there does is not known. So is one whose apk
 * name also stands for a package that stays installed, which \`apk del\` would take with it.
 */
function removal(file: ParsedDockerfile, body: RunBody, c: SimpleCommand, r: PackageCommand, source: 'apt' | 'rpm', shown: string): Plan {
  const refuse = (code: AlpineRunCode, reason: string): Plan => ({ refuse: code, reason });
  const action = r.subcommand.at(-1)?.value;
  if (action === 'autoremove' || action === 'autopurge') {
    if (r.operands.length > 0) return refuse('unsupported-command', `${shown} removes the packages it names only when nothing needs them, which apk del does not check`);
    return { drop: true, notes: [`\`${text(body, c)}\` dropped (apk already removed the dependencies nothing needs with the package that needed them)`] };
  }
  const installed = installedBeforeInStage(file, body, c, source);
  const removed = new Set(r.operands.map((w) => w.value));
  const apk: string[] = [];
  const notes: string[] = [];
  const names = new Map<ShellWord, readonly string[]>();
  for (const w of r.operands) {
    if (w.value === null) return refuse('unmapped-package', `${shown} removes ${w.raw}, named by a variable`);
    const t = translatePackage(w.value, source);
    if (t.kind === 'unknown') return refuse('unmapped-package', `${shown}: no known Alpine package for ${w.value}`);
    if (t.kind === 'droppable') notes.push(`${w.value} dropped from the removal (${t.reason})`);
    const own = t.kind === 'droppable' ? [] : t.apk.filter((a) => !apk.includes(a));
    if (own.length > 0 && !installed.includes(w.value)) {
      return refuse('unsupported-command', `${shown} removes ${w.value}, which the stage does not install before: the Alpine image may not have it, and what removing it there does is not known`);
    }
    for (const other of installed) {
      const kept = removed.has(other) ? undefined : translatePackage(other, source);
      const shared = kept?.kind === 'mapped' ? kept.apk.find((a) => own.includes(a)) : undefined;
      if (shared !== undefined) return refuse('unsupported-command', `${shown} removes ${w.value}, whose Alpine package ${shared} also stands for ${other}, which stays installed`);
    }
    apk.push(...own);
    names.set(w, own);
  }
  if (apk.length === 0) return notes.length === 0 ? { drop: true } : { drop: true, notes };
  // Without --auto-remove apt leaves what the packages pulled in, which a later command may still run (Debian's gpg after its gnupg).
  if (source === 'apt' && !r.options.some((o) => o.name === '--auto-remove' || o.name === '--autoremove')) {
    notes.push(`\`${text(body, c)}\` became apk del, which also removes their dependencies nothing else needs (apt-get leaves them without --auto-remove)`);
  }
  const inPlace = packagesInPlace(file, body, c, r.operands, r.options, names, 'apk del');
  if (inPlace !== null) return { edits: inPlace, notes };
  const redirects = c.redirects.map((x) => body.script.slice(x.start, x.end)).join(' ');
  return { replace: `apk del ${apk.join(' ')}${redirects === '' ? '' : ` ${redirects}`}`, notes };
}

/** The packages the stage's installs (of \`source\`'s managers) put in before \`c\`, less those removed since. */
function installedBeforeInStage(file: ParsedDockerfile, body: RunBody, c: SimpleCommand, source: 'apt' | 'rpm'): string[] {
  const stage = file.stages[body.inst.stage];
  const scripts = stage === undefined ? [] : runScripts(file, stage);
  const ours = (m: string) => (source === 'apt' ? m === 'apt' : m === 'yum' || m === 'dnf' || m === 'microdnf');
  const out: string[] = [];
  for (const run of scripts) {
    if (run.inst.span.start > body.inst.span.start) break;
    const parsed = run.inst === body.inst ? body.parsed : run.parsed;
    if (parsed === null) continue;
    for (const p of packageCommands(parsed)) {
      if (run.inst === body.inst && p.command.start >= c.start) break;
      if (!ours(p.manager)) continue;
      const words = p.operands.flatMap((w) => (w.value === null ? [] : [w.value]));
      if (p.action === 'install') out.push(...words.filter((w) => !out.includes(w)));
      if (p.action === 'remove') for (const w of words) if (out.includes(w)) out.splice(out.indexOf(w), 1);
    }
  }
  return out;
}

/**
 * The install rewritten where its packages stand (\`apt-get install -y --no-install-recommends \\⏎    curl \\⏎
 *    git\` as \`apk add --no-cache \\⏎    curl \\⏎    git\`): the words before the first package become
 * \`apk add --no-cache\` (\`apk del\` for a removal), each package its apk names in its place (see replaceWords: one without any goes
 * with its line, and a second name gets a line of its own where the packages stand one to a line), and
 * options written among the packages go. Null where that cannot be done word for word: a redirection before
 * or among the packages, or a word there that is neither a package nor an option; the install is then
 * written anew on one line.
 */
function packagesInPlace(file: ParsedDockerfile, body: RunBody, c: SimpleCommand, operands: readonly ShellWord[], options: readonly CommandOption[], names: Map<ShellWord, readonly string[]>, apk = 'apk add --no-cache'): Edit[] | null {
  const from = c.words.indexOf(operands[0]!);
  if (from < 1 || c.redirects.some((x) => x.start < c.words.at(-1)!.end)) return null;
  const optionWords = new Set(options.flatMap((o) => (o.valueWord === null ? [o.word] : [o.word, o.valueWord])));
  for (const w of c.words.slice(from)) {
    if (optionWords.has(w)) names.set(w, []);
    else if (!names.has(w)) return null;
  }
  const head = { start: fileStart(body, c.start), end: fileEnd(body, c.words[from - 1]!.end), text: apk };
  return [head, ...replaceWords(file, body, c, names)];
}

/** The curl or wget that feeds a shell in a pipeline (`curl -fsSL … | bash -`), or null. */
function pipedDownload(body: RunBody, c: SimpleCommand): SimpleCommand | null {
  const statement = body.parsed.statements[c.statement];
  const item = statement?.items.find((i) => i.start <= c.start && c.end <= i.end);
  if (item === undefined) return null;
  return body.parsed.commands.find((o) => o !== c && o.start >= item.start && o.end <= c.start && (o.name === 'curl' || o.name === 'wget')) ?? null;
}


/** The groups a `groupadd -g N name` earlier in the same body makes, by number: `useradd -g N` means that name. */
function groupsMadeBefore(body: RunBody, c: SimpleCommand): ReadonlyMap<string, string> {
  const made = new Map<string, string>();
  for (const g of body.parsed.commands) {
    if (g.start >= c.start) break;
    if (g.name !== 'groupadd' || g.enclosing.length > 0) continue;
    const { options, positionals } = splitArgs(g.words.slice(1), GROUPADD);
    const gid = options.filter((o) => o.name === '-g' || o.name === '--gid').at(-1)?.value;
    const name = positionals.at(-1)?.value;
    if (gid != null && name != null && positionals.length === 1) made.set(gid, name);
  }
  return made;
}

/** Debian's useradd as busybox adduser: same uid, primary group, home, shell and comment. */
function useradd(c: SimpleCommand, shown: string, groups: ReadonlyMap<string, string>): Plan {
  const { options, positionals } = splitArgs(c.words.slice(1), USERADD);
  const last = (...n: string[]) => options.filter((o) => n.includes(o.name)).at(-1);
  const has = (...n: string[]) => options.some((o) => n.includes(o.name));
  const unsupported = options.find((o) => !['-u', '--uid', '-g', '--gid', '-d', '--home-dir', '--home', '-s', '--shell', '-c', '--comment', '-m', '--create-home', '-M', '--no-create-home', '-r', '--system', '-l', '--no-log-init', '-U', '--user-group'].includes(o.name));
  // busybox adduser has a -G of its own, but it names the primary group: say whose option it is.
  if (unsupported !== undefined) return { refuse: 'user-options', reason: `${shown}: busybox adduser has nothing for useradd's ${unsupported.name}${unsupported.name === '-G' ? ' (supplementary groups; its own -G names the primary group)' : ''}` };
  const user = positionals.length === 1 ? wordText(positionals[0]!.raw, positionals[0]!.value) : null;
  const [uid, home, shell, comment] = [last('-u', '--uid'), last('-d', '--home-dir', '--home'), last('-s', '--shell'), last('-c', '--comment')].map((o) => (o === undefined ? undefined : valueText(o)));
  const groupOption = last('-g', '--gid');
  if (user === null || [uid, home, shell, comment].includes(null)) return { refuse: 'user-options', reason: `${shown}: its arguments depend on variables` };
  if (groupOption !== undefined && groupOption.value === null) return { refuse: 'user-options', reason: `${shown}: the primary group is a variable, which may be a number, and busybox adduser takes the group's name` };
  const gidOrName = groupOption?.value;
  // busybox adduser takes the group's name: a number is read as one a groupadd of this RUN made, or as
  // group 0, root on Alpine as on Debian (\`-g 0\`, the group OpenShift's arbitrary uids run with).
  const group = gidOrName != null && /^\d+$/.test(gidOrName) ? (groups.get(gidOrName) ?? (gidOrName === '0' ? 'root' : gidOrName)) : gidOrName;
  const system = has('-r', '--system');
  if (group != null && /^\d+$/.test(group)) return { refuse: 'user-options', reason: `${shown}: busybox adduser names the primary group, not its number (${group})` };
  const out = ['adduser', '-D'];
  if (system) out.push('-S');
  if (home != null) out.push('-h', home);
  if (!has('-m', '--create-home')) out.push('-H');
  out.push('-s', shell ?? '/bin/sh');
  if (comment != null) out.push('-g', comment);
  if (uid != null) out.push('-u', uid);
  let prefix = '';
  if (group != null) out.push('-G', shellQuote(group));
  else if (uid != null) {
    // useradd makes a group of the user's name; with its number when free (a fresh image): say so explicitly.
    if (system) return { refuse: 'user-options', reason: `${shown}: a system user with its own group and a fixed uid` };
    prefix = `addgroup -g ${uid} ${user} && `;
    out.push('-G', user);
  }
  out.push(user!);
  return { replace: `${prefix}${out.join(' ')}` };
}

/** A variable alone (`$user`, `"${user}"`): whatever the build gives it, the new command gets the same. */
const LONE_VARIABLE = /^("?)(\$[A-Za-z_]\w*|\$\{[A-Za-z_]\w*\})\1$/;

/**
 * A word as a command written anew takes it: a literal quoted for the shell; a lone variable in double
 * quotes, so that it stays one word where the new command has it apart (`--shell=$S` as `-s "$S"`),
 * empty or not; null for anything else.
 */
function wordText(raw: string, value: string | null): string | null {
  if (value !== null) return shellQuote(value);
  const variable = LONE_VARIABLE.exec(raw)?.[2];
  return variable === undefined ? null : `"${variable}"`;
}

/** An option's value as wordText writes it. */
function valueText(o: CommandOption): string | null {
  if (o.value !== null) return shellQuote(o.value);
  if (o.valueWord !== null) return wordText(o.valueWord.raw, o.valueWord.value);
  const eq = o.word.raw.indexOf('=');
  return eq === -1 ? null : wordText(o.word.raw.slice(eq + 1), null);
}

function groupadd(c: SimpleCommand, shown: string): Plan {
  const { options, positionals } = splitArgs(c.words.slice(1), GROUPADD);
  const unsupported = options.find((o) => !['-g', '--gid', '-r', '--system'].includes(o.name));
  if (unsupported !== undefined) return { refuse: 'user-options', reason: `${shown}: busybox addgroup has nothing for groupadd's ${unsupported.name}` };
  const group = positionals.at(-1)?.value;
  if (positionals.length !== 1 || group == null) return { refuse: 'user-options', reason: `${shown}: its arguments depend on variables` };
  const gid = options.filter((o) => o.name === '-g' || o.name === '--gid').at(-1)?.value;
  const out = ['addgroup'];
  if (options.some((o) => o.name === '-r' || o.name === '--system')) out.push('-S');
  if (gid != null) out.push('-g', gid);
  out.push(shellQuote(group));
  return { replace: out.join(' ') };
}

/** Applies the plans as one rewrite of the instruction (or its removal, when nothing is left). */
function assemble(file: ParsedDockerfile, body: RunBody, plans: ReadonlyMap<SimpleCommand, Plan>, notes: string[]): AlpineRun {
  const inst = body.inst;
  const cuts: Edit[] = [];
  const dropped = (c: SimpleCommand | null): boolean => c !== null && 'drop' in (plans.get(c) ?? {});
  const statements = body.parsed.statements;
  const keptStatements = statements.map((s) => s.items.some((i) => !dropped(i.command)));
  if (!keptStatements.some(Boolean)) {
    const edit = removeInstruction(file, inst);
    if (edit === null) return { kind: 'refuse', code: 'unsupported-command', reason: `line ${inst.line}: the RUN shares its line with other text` };
    return { kind: 'edit', edit, notes };
  }
  const firstKept = keptStatements.indexOf(true);
  statements.forEach((st, j) => {
    if (!keptStatements[j]) {
      if (st.separator === '&' || statements[j - 1]?.separator === '&') return;
      if (j < firstKept) cuts.push({ start: fileStart(body, st.start), end: fileStart(body, statements[j + 1]!.start), text: '' });
      else cuts.push({ start: fileEnd(body, statements[j - 1]!.end), end: fileEnd(body, st.end), text: '' });
      return;
    }
    const keptItems = st.items.map((i) => !dropped(i.command));
    const first = keptItems.indexOf(true);
    st.items.forEach((item, k) => {
      if (keptItems[k]) return;
      if (st.operators[k - 1] === '||' || st.operators[k] === '||') cuts.push({ start: -1, end: -1, text: '||' });
      else if (k < first) cuts.push({ start: fileStart(body, item.start), end: fileStart(body, st.items[k + 1]!.start), text: '' });
      else cuts.push({ start: fileEnd(body, st.items[k - 1]!.end), end: fileEnd(body, item.end), text: '' });
    });
  });
  if (cuts.some((c) => c.text === '||')) return { kind: 'refuse', code: 'unsupported-command', reason: `line ${inst.line}: a command to remove is joined by ||` };
  for (const [c, plan] of plans) {
    if ('replace' in plan) cuts.push({ start: fileStart(body, c.start), end: fileEnd(body, c.end), text: plan.replace });
    if ('edits' in plan) cuts.push(...plan.edits);
    if ('dropWords' in plan) {
      for (const w of plan.dropWords) {
        const i = c.words.indexOf(w);
        cuts.push({ start: fileEnd(body, c.words[i - 1]!.end), end: fileEnd(body, w.end), text: '' });
      }
    }
  }
  cuts.sort((a, b) => a.start - b.start);
  for (let i = 1; i < cuts.length; i++) if (cuts[i]!.start < cuts[i - 1]!.end) return { kind: 'refuse', code: 'unsupported-command', reason: `line ${inst.line}: the rewrites of this RUN overlap` };
  const base = inst.span.start;
  let out = file.text.slice(base, inst.span.end);
  for (const cut of [...cuts].reverse()) {
    const removed = out.slice(cut.start - base, cut.end - base);
    const comment = /(?:^|\n)[ \t]*(#[^\r\n]*)/.exec(removed.slice(removed.indexOf('\n') === -1 ? removed.length : removed.indexOf('\n')))?.[1];
    if (comment !== undefined) {
      return {
        kind: 'refuse',
        code: 'comment-inside',
        reason: `line ${inst.line}: the comment line \`${comment.trim()}\` lies inside a part that would be rewritten or removed (a command that goes, or a package that is dropped), and it may describe that part`,
      };
    }
    out = out.slice(0, cut.start - base) + cut.text + out.slice(cut.end - base);
  }
  const argsAt = (inst.argsSpan?.start ?? base) - base;
  const script = logicalText(out, argsAt, out.length, file.escape).text;
  if (script.trim() === '' || !isValidShell(script)) return { kind: 'refuse', code: 'unsupported-command', reason: `line ${inst.line}: the rewritten RUN would not be valid shell` };
  return { kind: 'edit', edit: { start: base, end: inst.span.end, text: out }, notes };
}
