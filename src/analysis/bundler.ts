/**
 * Where \`bundle install\` puts the gems, and with them the .gem files it keeps in \`<path>/ruby/<version>/cache\`:
 * the path Bundler's settings name, read from the Dockerfile as Bundler reads them (BundlerSetting in
 * knowledge/gems.ts): the install's own options, the app's config file, the environment, the user's config file.
 * Those files hold what earlier \`bundle config\` commands (and installs given \`--path\`) wrote, over what a COPY put
 * there from the build context.
 */
import * as posix from 'node:path/posix';
import { stageLineage } from '../dockerfile/stages.js';
import type { Instruction, ParsedDockerfile } from '../dockerfile/types.js';
import { variablesAt } from '../dockerfile/variables.js';
import { BUNDLER_FLAGS } from '../deps/commands.js';
import type { BuildContext } from '../engine/context.js';
import { BUNDLER_CONFIG_KEYS, BUNDLER_DEPLOYMENT_PATH, BUNDLER_FALSE, BUNDLER_UNSCOPED_APP_SINCE, type BundlerSetting } from '../knowledge/index.js';
import { grammar, splitArgs } from '../shell/argv.js';
import { commandText, folderMove, innerScript, invokedProgram } from '../shell/index.js';
import type { ShellScript, ShellWord, SimpleCommand } from '../shell/types.js';
import { homeAt } from './accounts.js';
import { wordWithEnv } from './envWords.js';
import { commandPath, originOf, unknownWorkdirWhy, unreadOrigin, whyNoPath } from './paths.js';
import { preview } from './preview.js';
import { runScripts } from './runScripts.js';
import { knownBaseImage } from './stageTools.js';

/** Where an install puts the gems. */
export type BundlePath =
  /** In the gem home (GEM_HOME, or the ruby's own): no setting names a path, or path.system says so. */
  | { readonly kind: 'gem-home' }
  /** Under \`dir\` (absolute), as \`from\` (the setting, quoted as written) says: its path, or \`deployment\` mode's vendor/bundle. */
  | { readonly kind: 'path'; readonly dir: string; readonly from: string; readonly deployment: boolean }
  | { readonly kind: 'unknown'; readonly why: string };

/** Bundler's options: \`bundle install\`'s (the grammar the dependency reader keeps) and \`bundle add\`'s, which take a value too. */
export const BUNDLE_GRAMMAR = grammar(
  [...BUNDLER_FLAGS.valued, '--version', '--group', '-g', '--source', '--git', '--branch', '--ref', '--require'],
  false,
  [...BUNDLER_FLAGS.optional],
  [...BUNDLER_FLAGS.lists],
);

/** \`bundle config\`'s options take no value. */
const CONFIG_GRAMMAR = grammar([], false);

/** A command, in a script not read, that may set the path. */
const SETS_PATH = /\bbundle\s+(?:config|install\b[^\n]*--(?:path|deployment|system))\b/;

/** A setting's value (null when only known at build time), with what set it, quoted as written. */
interface Setting {
  readonly value: string | null;
  readonly from: string;
}

/** What one level gives: each setting it sets (undefined: it unsets it); \`unknown\`: why it may set any. */
interface Level {
  readonly settings: ReadonlyMap<BundlerSetting, Setting | undefined>;
  readonly unknown: string | null;
}

/**
 * Which config file a write changes: the app's, the user's, both (an unscoped unset), or either one by Bundler's
 * version (an unscoped set: BUNDLER_UNSCOPED_APP_SINCE).
 */
type Scope = 'app' | 'user' | 'both' | 'either';

/** A change an earlier command makes to Bundler's config: a setting set (to \`value\`) or unset (undefined). */
interface Write {
  /** The RUN it is in. */
  readonly index: number;
  readonly scope: Scope;
  /** The files it writes, as its own folder, home and variables give them; null when not known. */
  readonly appFile: string | null;
  readonly userFile: string | null;
  readonly setting: BundlerSetting;
  readonly value: string | null | undefined;
  readonly from: string;
}

/** A command or script that may change any setting, in a way not read. */
interface UnreadWrite {
  readonly index: number;
  readonly unknown: string;
}

/** Where a bundle command runs: its folder (Bundler's root), home and variables. */
interface Place {
  readonly root: string | null;
  readonly rootWhy: string;
  readonly lookup: (name: string) => string | null | undefined;
  readonly home: string | null;
  readonly homeWhy: string;
}

/**
 * Where \`command\` (a \`bundle install\`, \`update\` or \`add\` of \`script\`, which the RUN \`inst\` runs) puts the gems. The
 * folder it runs in is taken as Bundler's root (where the Gemfile is), unless \`--gemfile\` or BUNDLE_GEMFILE names one.
 */
export function bundlePath(file: ParsedDockerfile, inst: Instruction, script: ShellScript, command: SimpleCommand, ctx: BuildContext | null): BundlePath {
  const inv = invokedProgram(command);
  if (inv === null) return { kind: 'unknown', why: `\`${commandText(script, command)}\` is not read` };
  const place = placeOf(file, inst, script, command);
  const own = optionWrites(file, inst, script, command);
  if ('unknown' in own) return { kind: 'unknown', why: own.unknown };
  const ownLevel: Level = { settings: new Map(own.map((w) => [w.setting, { value: w.value, from: w.from }])), unknown: null };
  const writes = earlierWrites(file, inst, script, command);
  const unread = writes.find((w): w is UnreadWrite => 'unknown' in w);
  if (unread !== undefined) return { kind: 'unknown', why: unread.unknown };
  const read = writes as readonly Write[];
  const environment = environmentLevel(file, inst, place.lookup);
  const appFile = appConfigFile(place);
  const userFile = userConfigFile(place);
  const levelsIf = (unscoped: 'app' | 'user'): Level[] => [
    ownLevel,
    fileLevel(file, inst, appFile, read, 'app', unscoped, ctx),
    environment,
    fileLevel(file, inst, userFile, read, 'user', unscoped, ctx),
  ];
  const asApp = resolve(levelsIf('app'), place);
  const unscoped = read.find((w) => w.scope === 'either');
  if (unscoped === undefined) return asApp;
  // Bundler 2.3.7 and later write it for the app, earlier ones for the user: both must give the same place.
  const asUser = resolve(levelsIf('user'), place);
  if (asApp.kind === 'unknown' || samePlace(asApp, asUser)) return asApp;
  if (asUser.kind === 'unknown') return asUser;
  return { kind: 'unknown', why: `${unscoped.from} sets ${unscoped.setting} for the app from Bundler ${BUNDLER_UNSCOPED_APP_SINCE} on and for the user before it, which here give the install other places` };
}

/** Two answers name the same place: both the gem home, or the same folder. */
function samePlace(a: BundlePath, b: BundlePath): boolean {
  return a.kind === b.kind && (a.kind !== 'path' || (b.kind === 'path' && a.dir === b.dir));
}

/** The folder, home and variables of a bundle command. \`--gemfile\` or BUNDLE_GEMFILE make the Gemfile's folder the root. */
function placeOf(file: ParsedDockerfile, inst: Instruction, script: ShellScript, command: SimpleCommand): Place {
  const vars = variablesAt(file, inst);
  const stage = file.stages[inst.stage];
  const imageEnv = (stage === undefined ? null : knownBaseImage(file, stage))?.facts.env ?? {};
  const inv = invokedProgram(command);
  const lookup = (name: string): string | null | undefined => {
    if (inv?.env.has(name) === true) return inv.env.get(name)!;
    const v = vars.get(name);
    return v === undefined ? imageEnv[name] : v.fromBuildArg ? null : v.value;
  };
  const folder = folderMove(script, command);
  const rootWhy = whyNoPath({ folder }, `the working folder is ${unknownWorkdirWhy(file, inst)}`);
  const home = homeAt(file, inst);
  const homeParts = 'home' in home ? { home: home.home, homeWhy: '' } : { home: null, homeWhy: home.unknown };
  const option = inv === null ? undefined : splitArgs(inv.args, BUNDLE_GRAMMAR).options.find((o) => o.name === '--gemfile');
  const gemfile = option !== undefined ? (option.valueWord === null ? option.value : wordWithEnv(file, inst, option.valueWord)) : lookup('BUNDLE_GEMFILE');
  if (gemfile === undefined || gemfile === '') return { root: commandPath(file, { inst, folder }, '.'), rootWhy, lookup, ...homeParts };
  if (gemfile === null) return { root: null, rootWhy: 'the Gemfile it reads is named by a value only known at build time', lookup, ...homeParts };
  const at = commandPath(file, { inst, folder }, gemfile);
  return { root: at === null ? null : posix.dirname(at), rootWhy, lookup, ...homeParts };
}

/**
 * What a bundle command's options set, as Bundler 2 also remembers them in the app's config: \`--path P\`,
 * \`--deployment\`, \`--system\` (path.system). \`--standalone\` installs into a folder of its own, not followed.
 */
function optionWrites(file: ParsedDockerfile, inst: Instruction, script: ShellScript, command: SimpleCommand): { readonly setting: BundlerSetting; readonly value: string | null; readonly from: string }[] | { readonly unknown: string } {
  const inv = invokedProgram(command);
  if (inv === null) return [];
  const from = `\`${commandText(script, command)}\``;
  const out: { setting: BundlerSetting; value: string | null; from: string }[] = [];
  for (const o of splitArgs(inv.args, BUNDLE_GRAMMAR).options) {
    if (o.name === '--path') out.push({ setting: 'path', value: o.valueWord === null ? o.value : wordWithEnv(file, inst, o.valueWord), from });
    else if (o.name === '--deployment') out.push({ setting: 'deployment', value: 'true', from });
    else if (o.name === '--system') out.push({ setting: 'path.system', value: 'true', from });
    else if (o.name === '--standalone') return { unknown: `${from} installs the gems in a folder of their own (--standalone)` };
  }
  return out;
}

/** The settings the environment gives: the file's ENV and ARG, else the image's. */
function environmentLevel(file: ParsedDockerfile, inst: Instruction, lookup: Place['lookup']): Level {
  const vars = variablesAt(file, inst);
  const settings = new Map<BundlerSetting, Setting | undefined>();
  for (const [setting, key] of Object.entries(BUNDLER_CONFIG_KEYS) as [BundlerSetting, string][]) {
    const value = lookup(key);
    if (value === undefined) continue;
    const set = vars.get(key);
    const written = value === null ? key : `${key}=${value}`;
    settings.set(setting, { value, from: set === undefined ? `the base image's ${key}` : `\`${written}\` (${set.inst.keyword} on line ${set.inst.line})` });
  }
  return { settings, unknown: null };
}

/** The app's config file: BUNDLE_APP_CONFIG's \`config\` (the official ruby images set /usr/local/bundle), else \`<root>/.bundle/config\`. */
function appConfigFile(place: Place): string | { readonly unknown: string } {
  const dir = place.lookup('BUNDLE_APP_CONFIG');
  if (dir === null) return { unknown: 'BUNDLE_APP_CONFIG is only known at build time' };
  if (dir !== undefined && dir.startsWith('/')) return posix.join(dir, 'config');
  if (place.root === null) return { unknown: `the app's folder is not known: ${place.rootWhy}` };
  return posix.join(place.root, dir ?? '.bundle', 'config');
}

/** The user's config file: BUNDLE_CONFIG, BUNDLE_USER_CONFIG, BUNDLE_USER_HOME's \`config\`, else \`~/.bundle/config\`. */
function userConfigFile(place: Place): string | { readonly unknown: string } {
  for (const [name, under] of [['BUNDLE_CONFIG', ''], ['BUNDLE_USER_CONFIG', ''], ['BUNDLE_USER_HOME', 'config']] as const) {
    const value = place.lookup(name);
    if (value === undefined || value === '') continue;
    return value !== null && value.startsWith('/') ? posix.join(value, under) : { unknown: `${name} is only known at build time` };
  }
  return place.home === null ? { unknown: place.homeWhy } : posix.join(place.home, '.bundle/config');
}

/**
 * What one config file (\`target\`) gives the install: what the last COPY before it put there from the build context,
 * then each later write to that same file. \`unscoped\`: the file an unscoped set goes to.
 */
function fileLevel(
  file: ParsedDockerfile,
  inst: Instruction,
  target: string | { readonly unknown: string },
  writes: readonly Write[],
  scope: 'app' | 'user',
  unscoped: 'app' | 'user',
  ctx: BuildContext | null,
): Level {
  const settings = new Map<BundlerSetting, Setting | undefined>();
  const reaching = writes.filter((w) => w.scope === scope || w.scope === 'both' || (w.scope === 'either' && unscoped === scope));
  const what = scope === 'app' ? "the app's Bundler config" : "the user's Bundler config";
  if (typeof target !== 'string') return { settings, unknown: reaching.length === 0 ? null : `${reaching[0]!.from} writes ${what}, whose file is not known: ${target.unknown}` };
  const copied = originOf(file, inst, target, ctx);
  let after = -1;
  if (copied !== null) {
    after = copied.inst.index;
    if (copied.kind === 'unknown') return { settings, unknown: `${preview(file, copied.inst)} may put ${what} (${target}) there: ${copied.why}` };
    if (copied.kind !== 'context') {
      const why = copied.kind === 'stage' ? `it comes from ${copied.image}` : copied.kind === 'download' ? `it is downloaded from ${copied.url}` : unreadOrigin(copied);
      return { settings, unknown: `${preview(file, copied.inst)} puts ${what} (${target}) there, and ${why}` };
    }
    const text = ctx?.read(copied.path) ?? '';
    for (const [setting, value] of configFileSettings(text)) settings.set(setting, { value, from: `the build context's ${copied.path} (${preview(file, copied.inst)})` });
  }
  for (const w of reaching) {
    if (w.index < after) continue;
    const written = scope === 'app' ? w.appFile : w.userFile;
    if (written === null) return { settings, unknown: `${w.from} writes ${what}, in a file dockshift cannot tell` };
    if (written === target) settings.set(w.setting, w.value === undefined ? undefined : { value: w.value, from: w.from });
  }
  return { settings, unknown: null };
}

/** The path settings of a Bundler config file, as Bundler writes it (\`BUNDLE_PATH: "vendor/bundle"\`). */
function configFileSettings(text: string): [BundlerSetting, string][] {
  const out: [BundlerSetting, string][] = [];
  for (const [setting, key] of Object.entries(BUNDLER_CONFIG_KEYS) as [BundlerSetting, string][]) {
    const m = new RegExp(`^${key}:[ \\t]*(.*?)[ \\t]*$`, 'm').exec(text);
    if (m !== null) out.push([setting, m[1]!.replace(/^(["'])(.*)\1$/, '$2')]);
  }
  return out;
}

/**
 * Bundler's choice (Settings#path): the first level that sets \`path\` or \`path.system\` decides; with neither set,
 * \`deployment\` (looked up through the levels) installs into vendor/bundle; else the gem home.
 */
function resolve(levels: readonly Level[], place: Place): BundlePath {
  for (const level of levels) {
    if (level.unknown !== null) return { kind: 'unknown', why: level.unknown };
    const path = level.settings.get('path');
    const system = level.settings.get('path.system');
    if (path === undefined && system === undefined) continue;
    if (system !== undefined && system.value === null) return { kind: 'unknown', why: `${system.from} sets path.system by a value only known at build time` };
    if ((system !== undefined && !BUNDLER_FALSE.test(system.value!)) || path === undefined) return { kind: 'gem-home' };
    return pathUnder(path, place);
  }
  const deployment = levels.map((l) => l.settings.get('deployment')).find((d) => d !== undefined);
  if (deployment === undefined) return { kind: 'gem-home' };
  if (deployment.value === null) return { kind: 'unknown', why: `${deployment.from} sets deployment by a value only known at build time` };
  if (BUNDLER_FALSE.test(deployment.value)) return { kind: 'gem-home' };
  const under = pathUnder({ value: BUNDLER_DEPLOYMENT_PATH, from: deployment.from }, place);
  return under.kind === 'path' ? { ...under, deployment: true } : under;
}

/** A path setting as an absolute folder: \`~\` the install's home, a relative path from its root (Bundler's expand_path). */
function pathUnder(path: Setting, place: Place): BundlePath {
  const value = path.value;
  if (value === null || value.includes('$')) return { kind: 'unknown', why: `${path.from} names the path by a value only known at build time` };
  const trimmed = (dir: string) => posix.normalize(dir).replace(/(?<=.)\/+$/, '');
  if (/^~(?:\/|$)/.test(value)) {
    if (place.home === null) return { kind: 'unknown', why: `${path.from} names a path in the home, which is not known: ${place.homeWhy}` };
    return { kind: 'path', dir: trimmed(posix.join(place.home, value.slice(1))), from: path.from, deployment: false };
  }
  if (value.startsWith('/')) return { kind: 'path', dir: trimmed(value), from: path.from, deployment: false };
  if (place.root === null) return { kind: 'unknown', why: `${path.from} names a path from the app's folder, which is not known: ${place.rootWhy}` };
  return { kind: 'path', dir: trimmed(posix.join(place.root, value)), from: path.from, deployment: false };
}

/**
 * The config writes of the stage's lineage before \`command\`: \`bundle config\` (set, unset and Bundler 1's forms), and
 * earlier installs given \`--path\`, \`--deployment\` or \`--system\`, which Bundler 2 remembers in the app's config.
 */
function earlierWrites(file: ParsedDockerfile, inst: Instruction, script: ShellScript, command: SimpleCommand): (Write | UnreadWrite)[] {
  const stage = file.stages[inst.stage];
  if (stage === undefined) return [];
  const out: (Write | UnreadWrite)[] = [];
  for (const s of stageLineage(file, stage).reverse()) {
    for (const run of runScripts(file, s)) {
      if (run.inst.index > inst.index) continue;
      if (run.parsed === null) {
        if (SETS_PATH.test(run.text)) out.push({ index: run.inst.index, unknown: `${preview(file, run.inst)} may set Bundler's path, in a script dockshift does not read` });
        continue;
      }
      for (const c of run.parsed.commands) {
        if (run.inst === inst && (run.parsed !== script || c.start >= command.start)) continue;
        out.push(...commandWrites(file, run.inst, run.parsed, c));
      }
    }
  }
  return out;
}

/** The config writes one command makes. */
function commandWrites(file: ParsedDockerfile, inst: Instruction, script: ShellScript, c: SimpleCommand): (Write | UnreadWrite)[] {
  const inner = innerScript(c);
  if (inner !== null) return SETS_PATH.test(inner.source) ? [{ index: inst.index, unknown: `\`${commandText(script, c)}\` may set Bundler's path in a command string, which is not followed` }] : [];
  const inv = invokedProgram(c);
  if (inv === null || (inv.name !== 'bundle' && inv.name !== 'bundler')) return [];
  const from = `\`${commandText(script, c)}\``;
  const sub = inv.args[0]?.value;
  // \`sudo\` resets the environment and may change the user: the files are then not known.
  const place = placeOf(file, inst, script, c);
  const files = {
    appFile: inv.sudo === null ? fileOrNull(appConfigFile(place)) : null,
    userFile: inv.sudo === null ? fileOrNull(userConfigFile(place)) : null,
  };
  if (sub === 'config') {
    const change = configChange(file, inst, inv.args.slice(1));
    if (change === null) return [];
    if ('unknown' in change) return [{ index: inst.index, unknown: `${from} ${change.unknown}` }];
    return [{ index: inst.index, ...change, ...files, from }];
  }
  if (sub != null && sub !== 'install' && !sub.startsWith('-')) return [];
  const options = optionWrites(file, inst, script, c);
  if ('unknown' in options) return [];
  // Remembered in the app's config: \`--system\` as the path unset (cli/install.rb, normalize_settings).
  return options.map((w): Write => ({ index: inst.index, scope: 'app', ...files, ...w, ...(w.setting === 'path.system' ? { setting: 'path', value: undefined } : {}) }));
}

function fileOrNull(f: string | { readonly unknown: string }): string | null {
  return typeof f === 'string' ? f : null;
}

/**
 * A \`bundle config\` command's change to a path setting, from the words after \`config\`: \`set [--local|--global] NAME
 * VALUE…\`, \`unset [--local|--global] NAME\`, Bundler 1's \`[--local|--global] NAME VALUE\` and \`--delete NAME\`
 * (cli/config.rb). Null when it changes none of them (\`get\`, \`list\`, another setting).
 */
function configChange(file: ParsedDockerfile, inst: Instruction, words: readonly ShellWord[]): Pick<Write, 'scope' | 'setting' | 'value'> | { readonly unknown: string } | null {
  const { options, positionals } = splitArgs(words, CONFIG_GRAMMAR);
  const named = (o: string) => options.some((x) => x.name === o);
  const explicit: 'app' | 'user' | null = named('--local') ? 'app' : named('--global') ? 'user' : null;
  const verb = positionals[0]?.value;
  let unset = named('--delete');
  let rest = positionals;
  if (verb === 'set' || verb === 'unset') {
    unset = verb === 'unset';
    rest = positionals.slice(1);
  } else if (verb === 'get' || verb === 'list' || (!unset && explicit === null && positionals.length !== 2)) {
    // Bundler 1's form sets only \`NAME VALUE\` or a scoped one: anything else reads.
    return null;
  }
  const name = rest[0];
  if (name === undefined) return null;
  if (name.value === null) return { unknown: 'names the setting by a value only known at build time' };
  const setting = (Object.keys(BUNDLER_CONFIG_KEYS) as BundlerSetting[]).find((s) => s === name.value || BUNDLER_CONFIG_KEYS[s] === name.value);
  if (setting === undefined) return null;
  // Unset without a scope clears both files; set without one writes the app's or the user's, by Bundler's version.
  if (unset) return { scope: explicit ?? 'both', setting, value: undefined };
  const values = rest.slice(1).map((w) => wordWithEnv(file, inst, w));
  return { scope: explicit ?? 'either', setting, value: values.length === 0 || values.some((v) => v === null) ? null : values.join(' ') };
}

