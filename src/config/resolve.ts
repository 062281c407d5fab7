/**
 * What applies to each file: the built-in defaults, then the nearest configuration file
 * (found upward from the file's folder, as prettier finds its own; or the one `--config`
 * names), its matching `overrides` in order, then the command line. Each value remembers
 * where it came from, for `--print-config`.
 *
 * A bulk run looks for a configuration once per folder, reads and checks each file once,
 * and loads each user transform once; what a file gets is then plain data (a Selection,
 * deduplicated across files, and a context folder) that worker threads receive as is.
 */
import { lilconfigSync } from 'lilconfig';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ListedFolders } from '../engine/listedFolders.js';
import { loadTransformModule } from '../engine/modules.js';
import { pathBelow } from '../engine/pathBelow.js';
import { ALL_TRANSFORMS, allTransforms, coerce, type LoadedTransform, type Selection } from '../engine/select.js';
import type { OptionSpec, OptionValue, Tier, Transform } from '../engine/types.js';
import { CONFIG_NAMES, isModulePath, optionValue, parseConfig, type ConfigError, type ConfigFile, type ConfigResult, type Layer } from './file.js';

/** What the command line asks for, over any configuration file. */
export interface CliChoices {
  /** `-t`: names and module paths (as given); empty: what the configuration and defaults say. */
  readonly only: readonly string[];
  readonly skip: readonly string[];
  /** `-o name.key=value`, as given. */
  readonly options: readonly string[];
  readonly tier: Tier | null;
  /** `--context DIR`, absolute. */
  readonly context: string | null;
  /** `--config FILE` (absolute), or false for `--no-config`; null: search. */
  readonly config: string | false | null;
  /** `--include-generated` (true) or `--no-include-generated` (false); null: what the configuration says. */
  readonly includeGenerated?: boolean | null;
}

/** Where a value came from: `default`, a command-line option, or `file:line` (with the override). */
export type Origin = string;

export interface FileSettings {
  readonly selection: Selection;
  /** Absolute build context root; null: the Dockerfile's folder. */
  readonly context: string | null;
  /** The configuration file that applied, or null. */
  readonly config: string | null;
  readonly origins: {
    readonly tier: Origin;
    readonly context: Origin;
    readonly includeGenerated: Origin;
    readonly transforms: Readonly<Record<string, { readonly on: boolean; readonly from: Origin; readonly options: Readonly<Record<string, { readonly value: OptionValue; readonly from: Origin }>> }>>;
  };
}

export type Problem = { readonly message: string };

/** `path:line: key: message`, the one line a configuration error gets. */
export function configErrorLine(e: ConfigError, shown: (file: string) => string): string {
  return `${shown(e.path)}${e.line === null ? '' : `:${e.line}`}: error: ${e.key === '' ? '' : `${e.key}: `}${e.message}`;
}

export class SettingsResolver {
  private readonly searcher = lilconfigSync('dockshift', {
    searchPlaces: [...CONFIG_NAMES],
    loaders: { '.json': this.loader(), '.yaml': this.loader(), '.yml': this.loader() },
    stopDir: path.parse(process.cwd()).root,
  });
  private readonly byFolder = new Map<string, ConfigResult | null>();
  private readonly settingsByLayers = new Map<string, FileSettings & { readonly index: number }>();
  /** Every folder searched: those of files, and the folders above them. */
  private readonly searched = new Map<string, ConfigResult | null>();
  private readonly checked = new Map<string, ConfigError | null>();
  private readonly extra: LoadedTransform[] = [];
  private readonly settingsIds = new Map<string, number>();
  /** Every distinct selection handed out, in order; a FileTask names one by index. */
  readonly selections: Selection[] = [];
  /** Folders whose configuration was looked up, and configuration files read: a bulk run does each once. */
  readonly stats = { folders: 0, reads: 0 };

  private constructor(
    private readonly cli: CliChoices,
    private readonly given: ConfigResult | null,
  ) {}

  /** Reads `--config` if given and loads the `-t` modules; a problem is a usage error. */
  static async create(cli: CliChoices): Promise<{ ok: true; resolver: SettingsResolver } | { ok: false; message: string }> {
    let given: ConfigResult | null = null;
    if (typeof cli.config === 'string') {
      let text: string;
      try {
        text = fs.readFileSync(cli.config, 'utf8');
      } catch (err) {
        return { ok: false, message: `--config ${cli.config}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}` };
      }
      given = parseConfig(cli.config, text);
    }
    const resolver = new SettingsResolver(cli, given);
    for (const t of cli.only.filter(isModulePath)) {
      const problem = await resolver.load(path.resolve(t));
      if (problem !== null) return { ok: false, message: `-t ${t}: ${problem}` };
    }
    return { ok: true, resolver };
  }

  /**
   * The configuration file that applies in `dir` (absolute, real), or null; an unreadable one is an error value.
   * `listed`: what a folder search saw, which spares looking for each name in the folders it listed.
   */
  configIn(dir: string, listed?: ListedFolders): ConfigResult | null {
    if (this.cli.config === false) return null;
    if (this.given !== null) return this.given;
    let found = this.byFolder.get(dir);
    if (found === undefined) {
      this.stats.folders++;
      found = this.search(dir, listed);
      this.byFolder.set(dir, found);
    }
    return found;
  }

  /**
   * lilconfig's search from `dir` up, less its cost in a bulk run: it tries
   * every name in every folder, and each miss throws an error (a fifth of
   * finding 3,000 Dockerfiles). A folder that holds none of the names has its
   * parent's configuration, so lilconfig is asked only where one may be.
   */
  private search(dir: string, listed: ListedFolders | undefined): ConfigResult | null {
    const walked: string[] = [];
    let found: ConfigResult | null | undefined;
    for (let d = dir; found === undefined; d = path.dirname(d)) {
      found = this.searched.get(d);
      if (found !== undefined) break;
      walked.push(d);
      if (path.dirname(d) === d || CONFIG_NAMES.some((name) => listed?.lacks(d, name) !== true && fs.existsSync(path.join(d, name)))) {
        const r = this.searcher.search(d);
        found = r === null ? null : r.isEmpty ? parseConfig(r.filepath, '') : (r.config as ConfigResult);
      }
    }
    for (const d of walked) this.searched.set(d, found);
    return found;
  }

  /**
   * Lets go of the folders looked up, once every file's settings are known: a fleet run would
   * otherwise hold an entry for each of its folders to the end. A later lookup searches again.
   */
  forgetFolders(): void {
    this.byFolder.clear();
    this.searched.clear();
  }

  /** Whether the configuration that applies to `file` ignores it (its `ignore:` patterns); `listed` as for configIn. */
  ignores(file: string, listed?: ListedFolders): boolean {
    const found = this.configIn(path.dirname(file), listed);
    if (found === null || !found.ok) return false;
    const rel = pathBelow(found.config.dir, file);
    return rel !== null && found.config.ignoreMatcher.ignores(rel);
  }

  /**
   * Checks every configuration these files use and loads the user transforms they name,
   * once per configuration file. A problem with \`--config\` stops the run (`fatal`: it
   * applies to every file); one with a configuration found in a folder stops only the
   * files it applies to (`broken`, by configuration path), so the rest of a fleet's batch goes on.
   */
  async prepare(files: readonly string[]): Promise<{ readonly fatal: ConfigError | null; readonly broken: ReadonlyMap<string, ConfigError> }> {
    if (this.given !== null) {
      const fatal = this.given.ok ? await this.check(this.given.config) : this.given.error;
      if (fatal !== null) return { fatal, broken: new Map() };
    }
    const configs = new Map<string, ConfigResult>();
    for (const f of files) {
      const c = this.configIn(path.dirname(f));
      if (c !== null) configs.set(c.ok ? c.config.path : c.error.path, c);
    }
    const broken = new Map<string, ConfigError>();
    for (const [at, c] of configs) {
      const problem = c.ok ? await this.check(c.config) : c.error;
      if (problem !== null) broken.set(at, problem);
    }
    return { fatal: null, broken };
  }

  /** The path of the configuration that applies to `file` (absolute), or null. */
  configPathFor(file: string): string | null {
    const c = this.configIn(path.dirname(file));
    return c === null ? null : c.ok ? c.config.path : c.error.path;
  }

  /** lilconfig hands each file found to this: parsed and checked, errors as values. */
  private loader(): (file: string, content: string) => ConfigResult {
    return (file, content) => {
      this.stats.reads++;
      return parseConfig(file, content);
    };
  }

  /** `-o` values and `-t`/`--skip` names, checked against every transform known after `prepare`. */
  checkCommandLine(): string | null {
    const known = this.known();
    for (const name of [...this.cli.only.filter((t) => !isModulePath(t) && t !== ALL_TRANSFORMS), ...this.cli.skip]) {
      if (!known.some((t) => t.meta.name === name)) return `unknown transform "${name}" (see --list)`;
    }
    for (const raw of this.cli.options) {
      const parsed = parseOption(raw, known);
      if (!parsed.ok) return parsed.message;
    }
    return null;
  }

  /** What applies to `file` (absolute). Call `prepare` with it first. */
  settingsFor(file: string): FileSettings & { readonly index: number } {
    const found = this.configIn(path.dirname(file));
    const config = found !== null && found.ok ? found.config : null;
    const rel = config === null ? null : pathBelow(config.dir, file);
    const overrides = config === null ? [] : config.overrides.filter((o) => rel !== null && o.matcher.ignores(rel) && !(o.excluded?.ignores(rel) ?? false));
    const layers = config === null ? [] : [config.top, ...overrides];
    // Files under the same configuration and overrides get the same settings: a bulk run works them out once.
    const key = `${config?.path ?? ''}\0${overrides.map((o) => config!.overrides.indexOf(o)).join(',')}\0${this.extra.length}`;
    let settings = this.settingsByLayers.get(key);
    if (settings === undefined) this.settingsByLayers.set(key, (settings = this.settingsOf(config, layers)));
    return settings;
  }

  private settingsOf(config: ConfigFile | null, layers: readonly Layer[]): FileSettings & { readonly index: number } {
    const known = this.known();
    const shown = (line: number, layer: Layer) => `${config!.path}:${line}${layer.label === null ? '' : ` (${layer.label})`}`;

    // A transform loaded from a module is on only where a configuration (or -t) names it: another
    // configuration of the run loading it says nothing about this file.
    const loaded = new Set(this.extra.map((e) => e.transform));
    const on = new Map<string, { on: boolean; from: Origin }>(known.map((t) => [t.meta.name, { on: t.meta.defaultEnabled && !loaded.has(t), from: 'default' }]));
    const options = new Map<string, Map<string, { value: OptionValue; from: Origin }>>();
    const setOption = (name: string, key: string, value: OptionValue, from: Origin) => {
      let m = options.get(name);
      if (m === undefined) options.set(name, (m = new Map()));
      m.set(key, { value, from });
    };
    let tier: { value: Tier; from: Origin } = { value: 'review', from: 'default' };
    let context: { value: string | null; from: Origin } = { value: null, from: "default (the Dockerfile's folder)" };
    let includeGenerated: { value: boolean; from: Origin } = { value: false, from: 'default' };

    if (config !== null) {
      for (const layer of layers) {
        if (layer.tier !== null) tier = { value: layer.tier.value, from: shown(layer.tier.line, layer) };
        if (layer.context !== null) context = { value: layer.context.value, from: shown(layer.context.line, layer) };
        if (layer.includeGenerated !== null) includeGenerated = { value: layer.includeGenerated.value, from: shown(layer.includeGenerated.line, layer) };
        for (const entry of layer.transforms) {
          const name = this.nameOf(entry.module ?? entry.key);
          on.set(name, { on: entry.enabled, from: shown(entry.line, layer) });
          for (const [key, opt] of Object.entries(entry.options)) setOption(name, key, opt.value as OptionValue, shown(opt.line, layer));
        }
      }
    }
    const only = this.cli.only.map((t) => (isModulePath(t) ? this.nameOf(path.resolve(t)) : t));
    // `-t all`: every built-in transform, and those of your own named beside it.
    const builtIn = new Set(allTransforms().map((t) => t.meta.name));
    const everything = only.includes(ALL_TRANSFORMS);
    if (only.length > 0) for (const name of on.keys()) on.set(name, { on: only.includes(name) || (everything && builtIn.has(name)), from: '--transform' });
    for (const name of this.cli.skip) on.set(name, { on: false, from: '--skip' });
    for (const raw of this.cli.options) {
      const parsed = parseOption(raw, known);
      if (parsed.ok) setOption(parsed.name, parsed.key, parsed.value, '--option');
    }
    if (this.cli.tier !== null) tier = { value: this.cli.tier, from: '--tier' };
    if (this.cli.context !== null) context = { value: this.cli.context, from: '--context' };
    const cliGenerated = this.cli.includeGenerated ?? null;
    if (cliGenerated !== null) includeGenerated = { value: cliGenerated, from: cliGenerated ? '--include-generated' : '--no-include-generated' };

    const names = known.map((t) => t.meta.name).filter((n) => on.get(n)!.on);
    const modules = this.extra.filter((e) => names.includes(e.transform.meta.name)).map((e) => e.module);
    const selectionOptions: Record<string, Record<string, OptionValue>> = {};
    for (const name of names) {
      const m = options.get(name);
      if (m !== undefined && m.size > 0) selectionOptions[name] = Object.fromEntries([...m].map(([k, v]) => [k, v.value]));
    }
    const selection: Selection = { names, options: selectionOptions, tier: tier.value, ...(modules.length > 0 ? { modules } : {}), ...(includeGenerated.value ? { includeGenerated: true } : {}) };
    const key = JSON.stringify(selection);
    let index = this.settingsIds.get(key);
    if (index === undefined) {
      index = this.selections.length;
      this.selections.push(selection);
      this.settingsIds.set(key, index);
    }
    const transforms: FileSettings['origins']['transforms'] = Object.fromEntries(
      known.map((t) => {
        const specs = t.meta.options as Record<string, OptionSpec>;
        const set = options.get(t.meta.name);
        const opts = Object.fromEntries(Object.entries(specs).map(([k, spec]) => [k, set?.get(k) ?? { value: spec.default, from: 'default' }]));
        return [t.meta.name, { ...on.get(t.meta.name)!, options: opts }];
      }),
    );
    return { selection, context: context.value, config: config?.path ?? null, origins: { tier: tier.from, context: context.from, includeGenerated: includeGenerated.from, transforms }, index };
  }

  /** The registered transforms, then the user transforms loaded so far. */
  known(): readonly Transform<any>[] {
    return [...allTransforms(), ...this.extra.map((e) => e.transform)];
  }

  /** The user transforms loaded so far, with their modules. */
  loaded(): readonly LoadedTransform[] {
    return this.extra;
  }

  private nameOf(moduleOrName: string): string {
    return this.extra.find((e) => e.module === moduleOrName)?.transform.meta.name ?? moduleOrName;
  }

  private async load(file: string): Promise<string | null> {
    if (this.extra.some((e) => e.module === file)) return null;
    const loaded = await loadTransformModule(file);
    if (!loaded.ok) return loaded.message;
    const name = loaded.transform.meta.name;
    // `-t all` would otherwise mean both every built-in transform and this one.
    if (name === ALL_TRANSFORMS) return `a transform may not be named "${ALL_TRANSFORMS}": \`-t ${ALL_TRANSFORMS}\` selects every built-in transform`;
    const clash = this.known().find((t) => t.meta.name === name);
    if (clash !== undefined) return `a transform named "${name}" is already ${allTransforms().includes(clash) ? 'registered' : 'loaded from another module'}`;
    this.extra.push({ transform: loaded.transform, module: file });
    return null;
  }

  private async check(config: ConfigFile): Promise<ConfigError | null> {
    const cached = this.checked.get(config.path);
    if (cached !== undefined) return cached;
    const fail = (line: number | null, key: string, message: string): ConfigError => ({ path: config.path, line, key, message });
    let problem: ConfigError | null = null;
    // Modules this configuration loads first: dropped again if it turns out wrong, so that none of
    // it reaches the files other configurations (or none) apply to.
    const loadedBefore = this.extra.length;
    outer: for (const layer of [config.top, ...config.overrides]) {
      const prefix = layer.label === null ? 'transforms' : `${layer.label}.transforms`;
      for (const entry of layer.transforms) {
        if (entry.module !== null) {
          const loadProblem = await this.load(entry.module);
          if (loadProblem !== null) {
            problem = fail(entry.line, `${prefix}.${entry.key}`, loadProblem);
            break outer;
          }
        }
        const name = this.nameOf(entry.module ?? entry.key);
        const t = this.known().find((k) => k.meta.name === name);
        if (t === undefined) {
          problem = fail(entry.line, `${prefix}.${entry.key}`, 'unknown transform (see dockshift --list)');
          break outer;
        }
        const specs = t.meta.options as Record<string, OptionSpec>;
        for (const [key, opt] of Object.entries(entry.options)) {
          const spec = specs[key];
          if (spec === undefined) {
            problem = fail(opt.line, `${prefix}.${entry.key}.${key}`, `unknown option (options: ${Object.keys(specs).join(', ') || 'none'})`);
            break outer;
          }
          const v = optionValue(opt.value, spec);
          if (!v.ok) {
            problem = fail(opt.line, `${prefix}.${entry.key}.${key}`, v.message);
            break outer;
          }
        }
      }
    }
    if (problem !== null) this.extra.splice(loadedBefore);
    this.checked.set(config.path, problem);
    return problem;
  }
}


function parseOption(raw: string, known: readonly Transform<any>[]): { ok: true; name: string; key: string; value: OptionValue } | { ok: false; message: string } {
  const m = /^([\w-]+)\.(\w+)=(.*)$/s.exec(raw);
  if (!m) return { ok: false, message: `--option expects transform.key=value, got "${raw}"` };
  const [, name, key, value] = m as unknown as [string, string, string, string];
  const t = known.find((k) => k.meta.name === name);
  if (t === undefined) return { ok: false, message: `unknown transform "${name}" in --option ${raw}` };
  const spec = (t.meta.options as Record<string, OptionSpec>)[key];
  if (spec === undefined) return { ok: false, message: `transform ${name} has no option "${key}" (options: ${Object.keys(t.meta.options).join(', ') || 'none'})` };
  const coerced = coerce(value, spec);
  if (!coerced.ok) return { ok: false, message: `--option ${raw}: ${coerced.message}` };
  return { ok: true, name, key, value: coerced.value };
}
