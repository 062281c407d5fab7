/**
 * Reading one configuration file: `dockshift.config.json`, `dockshift.config.yaml` (`.yml`)
 * or `.dockshift.yaml` (`.yml`). JSON is read by the YAML parser too (YAML 1.2 holds it),
 * so every key keeps its line and an error can name it: `path:line: key: problem`.
 * Transform names and option values are checked later against the transforms the run
 * knows (user transforms are loaded first); everything else is checked here.
 *
 *   tier: safe                       # safe | review
 *   context: .                       # build context root, from this file's folder
 *   includeGenerated: true           # rewrite generated files too (default: leave them alone)
 *   ignore: [legacy/**]              # gitignore syntax, from this file's folder
 *   transforms:                      # on/off and options; a path loads a user transform
 *     curl-fail: true
 *     collapse-run: { maxCommands: 4 }
 *     ./tools/pin-node.ts: true
 *   overrides:
 *     - files: services/legacy/**    # gitignore syntax, from this file's folder
 *       tier: safe
 *       transforms: { collapse-run: false }
 */
import ignore, { type Ignore } from 'ignore';
import * as path from 'node:path';
import type { Node as YamlNode, Pair } from 'yaml';
import { optionProblem, type OptionSpec, type OptionValue, type Tier } from '../engine/types.js';
import { yaml } from '../engine/yaml.js';

/** The file names looked for in each folder, nearest folder first; in one folder, the first found wins. */
export const CONFIG_NAMES = ['dockshift.config.json', 'dockshift.config.yaml', 'dockshift.config.yml', '.dockshift.yaml', '.dockshift.yml'] as const;

/** A value and the line it was written on. */
export interface Located<T> {
  readonly value: T;
  readonly line: number;
}

/** One entry of `transforms:`: a registered transform by name, or a user transform by path. */
export interface TransformEntry {
  /** As written. */
  readonly key: string;
  /** Absolute path of a user transform module, or null for a name. */
  readonly module: string | null;
  readonly enabled: boolean;
  readonly options: Readonly<Record<string, Located<unknown>>>;
  readonly line: number;
}

/** What the top level or one override sets. */
export interface Layer {
  /** `overrides[2]`, or null for the top level. */
  readonly label: string | null;
  readonly tier: Located<Tier> | null;
  /** Absolute folder. */
  readonly context: Located<string> | null;
  readonly includeGenerated: Located<boolean> | null;
  readonly transforms: readonly TransformEntry[];
}

export interface Override extends Layer {
  readonly files: readonly string[];
  readonly matcher: Ignore;
  readonly excluded: Ignore | null;
}

export interface ConfigFile {
  /** Absolute path. */
  readonly path: string;
  /** Its folder: where relative paths and patterns start. */
  readonly dir: string;
  readonly ignore: readonly string[];
  readonly ignoreMatcher: Ignore;
  readonly top: Layer;
  readonly overrides: readonly Override[];
}

/** A problem in a configuration file, one line to print. */
export interface ConfigError {
  readonly path: string;
  readonly line: number | null;
  /** Dotted key, `transforms.collapse-run.maxCommands`; empty for the file as a whole. */
  readonly key: string;
  readonly message: string;
}

export type ConfigResult = { readonly ok: true; readonly config: ConfigFile } | { readonly ok: false; readonly error: ConfigError };

const TOP_KEYS = ['$schema', 'tier', 'context', 'includeGenerated', 'ignore', 'transforms', 'overrides'] as const;
const OVERRIDE_KEYS = ['files', 'excludeFiles', 'tier', 'context', 'includeGenerated', 'transforms'] as const;

/** A `transforms:` key or `-t` value that names a module rather than a registered transform. */
export function isModulePath(key: string): boolean {
  return /^\.{1,2}[\\/]|^\//.test(key) || /\.(?:[cm]?[jt]s)$/.test(key) || path.isAbsolute(key);
}

class Invalid extends Error {
  constructor(
    readonly line: number | null,
    readonly key: string,
    message: string,
  ) {
    super(message);
  }
}

/** Parses and checks the text of the configuration file at `file` (an absolute path). */
export function parseConfig(file: string, text: string): ConfigResult {
  const lines = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    return { ok: false, error: { path: file, line: lines.linePos(e.pos[0]).line, key: '', message: `not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}` } };
  }
  const lineOf = (node: YamlNode | null | undefined): number | null => (node?.range ? lines.linePos(node.range[0]).line : null);
  const dir = path.dirname(file);
  try {
    const root = doc.contents;
    if (root === null || (yaml().isScalar(root) && root.value === null)) return { ok: true, config: emptyConfig(file) };
    if (!yaml().isMap(root)) throw new Invalid(lineOf(root), '', 'expected a mapping of keys (tier, context, includeGenerated, ignore, transforms, overrides)');
    const pairs = entries(root.items, '', TOP_KEYS, lineOf);
    const ignoreList = pairs.ignore === undefined ? [] : stringList(pairs.ignore.value, 'ignore', lineOf);
    const overridesNode = pairs.overrides?.value;
    const overrides: Override[] = [];
    if (overridesNode !== undefined && overridesNode !== null) {
      if (!yaml().isSeq(overridesNode)) throw new Invalid(lineOf(overridesNode as YamlNode), 'overrides', 'expected a list of {files, ...}');
      overridesNode.items.forEach((item, i) => {
        const label = `overrides[${i}]`;
        if (!yaml().isMap(item)) throw new Invalid(lineOf(item as YamlNode), label, 'expected a mapping with files: and what to set');
        const o = entries(item.items, label, OVERRIDE_KEYS, lineOf);
        if (o.files === undefined) throw new Invalid(lineOf(item), `${label}.files`, 'is required: the paths this override applies to');
        const files = stringList(o.files.value, `${label}.files`, lineOf);
        if (files.length === 0) throw new Invalid(o.files.line, `${label}.files`, 'names no paths');
        const excluded = o.excludeFiles === undefined ? null : stringList(o.excludeFiles.value, `${label}.excludeFiles`, lineOf);
        overrides.push({
          ...layer(o, label, dir, lineOf),
          files,
          matcher: ignore().add(files),
          excluded: excluded === null ? null : ignore().add(excluded),
        });
      });
    }
    return {
      ok: true,
      config: { path: file, dir, ignore: ignoreList, ignoreMatcher: ignore().add(ignoreList), top: layer(pairs, null, dir, lineOf), overrides },
    };
  } catch (err) {
    if (err instanceof Invalid) return { ok: false, error: { path: file, line: err.line, key: err.key, message: err.message } };
    throw err;
  }
}

function emptyConfig(file: string): ConfigFile {
  return { path: file, dir: path.dirname(file), ignore: [], ignoreMatcher: ignore(), top: { label: null, tier: null, context: null, includeGenerated: null, transforms: [] }, overrides: [] };
}

type LineOf = (node: YamlNode | null | undefined) => number | null;
type Entries = Partial<Record<string, { value: unknown; line: number | null; node: YamlNode | null }>>;

function entries(items: readonly Pair<unknown, unknown>[], prefix: string, allowed: readonly string[], lineOf: LineOf): Entries {
  const out: Entries = {};
  for (const pair of items) {
    const keyNode = pair.key as YamlNode | null;
    const key = yaml().isScalar(keyNode) ? String(keyNode.value) : null;
    const dotted = prefix === '' ? (key ?? '?') : `${prefix}.${key ?? '?'}`;
    if (key === null || !allowed.includes(key)) throw new Invalid(lineOf(keyNode), dotted, `unknown key (known: ${allowed.filter((k) => k !== '$schema').join(', ')})`);
    out[key] = { value: pair.value, line: lineOf(keyNode), node: pair.value as YamlNode | null };
  }
  return out;
}

function scalar(node: unknown): unknown {
  return yaml().isScalar(node) ? node.value : node;
}

function stringList(node: unknown, key: string, lineOf: LineOf): string[] {
  if (yaml().isScalar(node) && typeof node.value === 'string') return [node.value];
  if (yaml().isSeq(node) && node.items.every((i) => yaml().isScalar(i) && typeof i.value === 'string')) return node.items.map((i) => String((i as { value: unknown }).value));
  throw new Invalid(lineOf(node as YamlNode), key, 'expected a pattern or a list of patterns');
}

function layer(e: Entries, label: string | null, dir: string, lineOf: LineOf): Layer {
  const at = (key: string) => (label === null ? key : `${label}.${key}`);
  let tier: Located<Tier> | null = null;
  if (e.tier !== undefined) {
    const v = scalar(e.tier.value);
    if (v !== 'safe' && v !== 'review') throw new Invalid(e.tier.line, at('tier'), `expected safe or review, got ${JSON.stringify(v)}`);
    tier = { value: v, line: e.tier.line ?? 0 };
  }
  let context: Located<string> | null = null;
  if (e.context !== undefined) {
    const v = scalar(e.context.value);
    if (typeof v !== 'string' || v === '') throw new Invalid(e.context.line, at('context'), 'expected a folder, relative to this file');
    context = { value: path.resolve(dir, v), line: e.context.line ?? 0 };
  }
  let includeGenerated: Located<boolean> | null = null;
  if (e.includeGenerated !== undefined) {
    const v = scalar(e.includeGenerated.value);
    if (typeof v !== 'boolean') throw new Invalid(e.includeGenerated.line, at('includeGenerated'), `expected true or false, got ${JSON.stringify(v)}`);
    includeGenerated = { value: v, line: e.includeGenerated.line ?? 0 };
  }
  const transforms: TransformEntry[] = [];
  const node = e.transforms?.value;
  if (node !== undefined && node !== null) {
    if (yaml().isSeq(node)) {
      // A list turns each one on: `transforms: [curl-fail, ./my-transform.ts]`.
      for (const item of node.items) {
        const v = scalar(item);
        if (typeof v !== 'string') throw new Invalid(lineOf(item as YamlNode), at('transforms'), 'expected transform names or paths');
        transforms.push(entry(v, true, {}, lineOf(item as YamlNode) ?? 0, dir));
      }
    } else if (yaml().isMap(node)) {
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode;
        const key = String(scalar(keyNode));
        const line = lineOf(keyNode) ?? 0;
        const value = pair.value as YamlNode | null;
        const v = scalar(value);
        if (typeof v === 'boolean') transforms.push(entry(key, v, {}, line, dir));
        else if (yaml().isMap(value)) {
          const options: Record<string, Located<unknown>> = {};
          for (const opt of value.items) {
            const optKey = String(scalar(opt.key));
            const optValue = opt.value as YamlNode | null;
            if (optValue !== null && !yaml().isScalar(optValue)) throw new Invalid(lineOf(optValue), `${at('transforms')}.${key}.${optKey}`, 'expected a boolean, number or string');
            options[optKey] = { value: scalar(optValue), line: lineOf(opt.key as YamlNode) ?? line };
          }
          transforms.push(entry(key, true, options, line, dir));
        } else throw new Invalid(line, `${at('transforms')}.${key}`, 'expected true, false or a mapping of options');
      }
    } else throw new Invalid(lineOf(node as YamlNode), at('transforms'), 'expected a mapping (name: true | false | {options}) or a list of names');
  }
  return { label, tier, context, includeGenerated, transforms };
}

function entry(key: string, enabled: boolean, options: Record<string, Located<unknown>>, line: number, dir: string): TransformEntry {
  return { key, module: isModulePath(key) ? path.resolve(dir, key) : null, enabled, options, line };
}

/** An option value as the transform declares it, or why not. */
export function optionValue(value: unknown, spec: OptionSpec): { ok: true; value: OptionValue } | { ok: false; message: string } {
  const problem = optionProblem(value, spec);
  return problem === null ? { ok: true, value: value as OptionValue } : { ok: false, message: problem };
}
