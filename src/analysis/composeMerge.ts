/**
 * How \`docker compose\` merges a service of an override file over the same service of the file before it, by
 * the Compose specification's merge rules (13-merge.md, compose-go's override/merge.go and uncity.go): mappings
 * key by key, recursively; \`command\`, \`entrypoint\` and \`healthcheck.test\` replaced whole; \`environment\`,
 * \`labels\`, \`dns\`… (a mapping or a list) joined as lists and kept once by name; \`ports\`, \`expose\`,
 * \`volumes\` (by container path), \`secrets\`, \`devices\`… joined and kept once by what they name, the later
 * one in the earlier one's place; other lists joined; a value tagged \`!reset\` drops the earlier one, one
 * tagged \`!override\` replaces it whole. What the rules do not read (another tag, a YAML merge key \`<<\`, a
 * mapping over a list) leaves the merged service unknown.
 */
import { yaml } from '../engine/yaml.js';
import type * as Yaml from 'yaml';

/** A value tagged \`!override\`: it replaces the earlier one whole. */
export class Replacing {
  constructor(readonly value: unknown) {}
}

/** A value tagged \`!reset\`: the earlier one is dropped, and this one is none. */
export class Resetting {}

/** A value under a tag compose does not define (or \`!reset\`/\`!override\` where this reader cannot place it). */
export class UnknownTag {
  constructor(readonly tag: string) {}
}

/**
 * An override file's text, as \`parseProjectYaml\` reads it but with compose's \`!reset\` and \`!override\` values kept
 * as Resetting and Replacing, and any other tag as UnknownTag. Throws on YAML that does not parse.
 */
export function parseOverrideYaml(text: string): unknown {
  const Y = yaml();
  const doc = Y.parseDocument(text, { logLevel: 'error' });
  if (doc.errors.length > 0) throw doc.errors[0]!;
  Y.visit(doc, {
    Node(_key, node) {
      const tag = node.tag;
      if (tag === undefined || tag.startsWith('tag:yaml.org,2002:')) return undefined;
      // An anchored node tagged so is read through its aliases as something else: not read here.
      const value = node.anchor !== undefined ? new UnknownTag(tag) : tag === '!reset' ? new Resetting() : tag === '!override' && !hasTag(Y, node) ? new Replacing(node.toJS(doc)) : new UnknownTag(tag);
      const scalar = new Y.Scalar(value);
      scalar.anchor = node.anchor;
      return scalar;
    },
  });
  return doc.toJS();
}

/** Whether a node holds a tagged node below it. */
function hasTag(Y: typeof Yaml, node: Yaml.Node): boolean {
  let found = false;
  Y.visit(node, {
    Node(_key, inner) {
      if (inner !== node && inner.tag !== undefined && !inner.tag.startsWith('tag:yaml.org,2002:')) {
        found = true;
        return Y.visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

export type MergedService = { readonly kind: 'merged'; readonly spec: Readonly<Record<string, unknown>> } | { readonly kind: 'unknown'; readonly why: string };

class Unmergeable extends Error {}

/**
 * The service \`docker compose\` runs from \`base\` (the project file's entry) with \`over\` (the override file's, as
 * parseOverrideYaml reads it) merged over it.
 */
export function mergeService(base: Readonly<Record<string, unknown>>, over: unknown): MergedService {
  try {
    const merged = merge(own(base, []), over, []);
    if (!isMapping(merged)) throw new Unmergeable('its entry in the override file is not a mapping');
    return { kind: 'merged', spec: unique(merged, []) as Record<string, unknown> };
  } catch (e) {
    if (e instanceof Unmergeable) return { kind: 'unknown', why: e.message };
    throw e;
  }
}

/** A place in the service, for a message. */
function where(at: readonly string[]): string {
  return at.length === 0 ? 'its entry' : `its \`${at.join('.')}\``;
}

/** Gone from the merged mapping (a \`!reset\`). */
const ABSENT = Symbol('absent');

type Rule = (earlier: unknown, later: unknown, at: readonly string[]) => unknown;

/** The rules by path in the service (\`*\`: any key), as compose-go's mergeSpecials gives them under \`services.*\`. */
const RULES: readonly (readonly [string, Rule])[] = [
  ['annotations', toSequence],
  ['build', (e, o, at) => mergeMappings(buildMapping(e, at), buildMapping(o, at), at)],
  ['build.args', toSequence],
  ['build.additional_contexts', toSequence],
  ['build.extra_hosts', extraHosts],
  ['build.labels', toSequence],
  ['command', replace],
  ['depends_on', (e, o, at) => mergeMappings(toMapping(e, { condition: 'service_started', required: true }, at), toMapping(o, { condition: 'service_started', required: true }, at), at)],
  ['deploy.labels', toSequence],
  ['dns', toSequence],
  ['dns_opt', toSequence],
  ['dns_search', toSequence],
  ['entrypoint', replace],
  ['env_file', toSequence],
  ['label_file', toSequence],
  ['environment', toSequence],
  ['extra_hosts', extraHosts],
  ['healthcheck.test', replace],
  ['labels', toSequence],
  ['logging', logging],
  ['models', (e, o, at) => mergeMappings(toMapping(e, null, at), toMapping(o, null, at), at)],
  ['networks', (e, o, at) => mergeMappings(toMapping(e, null, at), toMapping(o, null, at), at)],
  ['sysctls', toSequence],
  ['tmpfs', toSequence],
  // compose-go's mergeUlimit reads the later one on both sides: it replaces.
  ['ulimits.*', replace],
];

function ruleAt(at: readonly string[]): Rule | undefined {
  return RULES.find(([pattern]) => matches(pattern, at))?.[1];
}

function matches(pattern: string, at: readonly string[]): boolean {
  const parts = pattern.split('.');
  return parts.length === at.length && parts.every((p, i) => p === '*' || p === at[i]);
}

function merge(earlier: unknown, later: unknown, at: readonly string[]): unknown {
  if (later instanceof Resetting) return ABSENT;
  if (later instanceof Replacing || later instanceof UnknownTag) return own(later, at);
  const rule = ruleAt(at);
  if (rule !== undefined) return rule(earlier, own(later, at), at);
  if (later === null || later === undefined) return earlier;
  if (isMapping(earlier)) {
    if (!isMapping(later)) throw new Unmergeable(`${where(at)} is a mapping in one file and not in the other`);
    return mergeMappings(earlier, later, at);
  }
  if (Array.isArray(earlier)) {
    if (!Array.isArray(later)) throw new Unmergeable(`${where(at)} is a list in one file and not in the other`);
    return [...earlier, ...(own(later, at) as unknown[])];
  }
  return own(later, at);
}

function mergeMappings(earlier: unknown, later: unknown, at: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = isMapping(earlier) ? { ...earlier } : {};
  if (!isMapping(later)) return out;
  for (const [key, value] of Object.entries(later)) {
    if (key === '<<') throw new Unmergeable(`${where([...at, key])} is a YAML merge key, which is not read here`);
    const merged = key in out ? merge(out[key], value, [...at, key]) : value instanceof Resetting ? ABSENT : own(value, [...at, key]);
    if (merged === ABSENT) delete out[key];
    else out[key] = merged;
  }
  return out;
}

/**
 * A value of one file as compose reads it: \`!override\` values unwrapped, \`!reset\` ones gone; a tag not known, or a
 * YAML merge key (which the project's YAML reader leaves as a key \`<<\`), makes it unknown.
 */
function own(value: unknown, at: readonly string[]): unknown {
  if (value instanceof UnknownTag) throw new Unmergeable(`${where(at)} is tagged \`${value.tag}\`, which is not read here`);
  if (value instanceof Replacing) return own(value.value, at);
  if (Array.isArray(value)) return value.filter((v) => !(v instanceof Resetting)).map((v, i) => own(v, [...at, String(i)]));
  if (!isMapping(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === '<<') throw new Unmergeable(`${where([...at, key])} is a YAML merge key, which is not read here`);
    if (!(v instanceof Resetting)) out[key] = own(v, [...at, key]);
  }
  return out;
}

function replace(_earlier: unknown, later: unknown): unknown {
  return later;
}

/** \`build: ./api\` is \`build: {context: ./api}\`. */
function buildMapping(value: unknown, at: readonly string[]): Record<string, unknown> {
  if (typeof value === 'string') return { context: value };
  if (isMapping(value)) return value;
  if (value === null || value === undefined) return {};
  throw new Unmergeable(`${where(at)} is neither a path nor a mapping`);
}

/** A mapping or a list as a list: \`KEY=value\` for each key (KEY alone for a null, one each for a list's values), sorted. */
function toSequence(earlier: unknown, later: unknown, at: readonly string[]): unknown[] {
  return [...sequence(earlier, at), ...sequence(later, at)];
}

function sequence(value: unknown, at: readonly string[]): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return [value];
  if (value === null || value === undefined) return [];
  if (!isMapping(value)) throw new Unmergeable(`${where(at)} is neither a mapping nor a list`);
  const entries = Object.entries(value).flatMap(([k, v]) => (v === null ? [k] : Array.isArray(v) ? v.map((x) => `${k}=${String(x)}`) : [`${k}=${String(v)}`]));
  return entries.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A list of names as a mapping of them to \`defaults\` (\`depends_on: [db]\`, \`networks: [front]\`). */
function toMapping(value: unknown, defaults: Record<string, unknown> | null, at: readonly string[]): Record<string, unknown> {
  if (isMapping(value)) return value;
  if (value === null || value === undefined) return {};
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new Unmergeable(`${where(at)} is neither a mapping nor a list of names`);
  return Object.fromEntries(value.map((v) => [v, defaults === null ? null : { ...defaults }]));
}

/** The earlier hosts, then the later ones not among them. */
function extraHosts(earlier: unknown, later: unknown, at: readonly string[]): unknown[] {
  const first = sequence(earlier, at);
  return [...first, ...sequence(later, at).filter((h) => !first.includes(h))];
}

/** Options merged when both name the same driver (or either none); another driver replaces the whole. */
function logging(earlier: unknown, later: unknown, at: readonly string[]): unknown {
  if (!isMapping(earlier) || !isMapping(later)) return later ?? earlier;
  const same = !('driver' in later) || !('driver' in earlier) || later['driver'] === earlier['driver'];
  return same ? mergeMappings(earlier, later, at) : later;
}

type Indexer = (entry: unknown) => string | null;

const byName: Indexer = (e) => (typeof e === 'string' ? e.split('=')[0]! : null);

/** The container path a mount names: the long form's \`target\`, the short form's second field or its only one. */
const byTarget: Indexer = (e) => {
  if (isMapping(e)) return typeof e['target'] === 'string' ? e['target'] : null;
  if (typeof e !== 'string') return null;
  // A Windows host path (\`C:\\data:/data\`) holds a colon of its own.
  const parts = e.replace(/^[A-Za-z]:[\\/]/, 'X/').split(':');
  return parts.length === 1 ? parts[0]! : parts[1]!;
};

const byDevice: Indexer = (e) => {
  if (isMapping(e)) return typeof e['target'] === 'string' ? e['target'] : null;
  if (typeof e !== 'string') return null;
  const parts = e.split(':');
  return parts.length === 1 ? parts[0]! : parts[1]!;
};

const mounted =
  (folder: string): Indexer =>
  (e) => {
    if (typeof e === 'string') return `${folder}/${e}`;
    if (!isMapping(e)) return null;
    return typeof e['target'] === 'string' ? e['target'] : `${folder}/${String(e['source'])}`;
  };

const byPort: Indexer = (e) => {
  if (typeof e === 'string') return e;
  if (typeof e === 'number') return String(e);
  if (!isMapping(e) || !('target' in e)) return null;
  return `${String(e['host_ip'] ?? '0.0.0.0')}:${String(e['published'] ?? '')}:${String(e['target'])}/${String(e['protocol'] ?? 'tcp')}`;
};

/** The lists compose keeps each entry of once, by what it names (compose-go's uncity.go), the later one in the earlier one's place. */
const UNIQUE: readonly (readonly [string, Indexer])[] = [
  ['annotations', byName],
  ['build.args', byName],
  ['build.additional_contexts', byName],
  ['build.platform', byName],
  ['build.tags', byName],
  ['build.labels', byName],
  ['cap_add', byName],
  ['cap_drop', byName],
  ['configs', mounted('')],
  ['deploy.labels', byName],
  ['devices', byDevice],
  ['dns', byName],
  ['dns_opt', byName],
  ['dns_search', byName],
  ['environment', byName],
  ['env_file', (e) => (typeof e === 'string' ? e : isMapping(e) && typeof e['path'] === 'string' ? e['path'] : null)],
  ['expose', (e) => (typeof e === 'string' || typeof e === 'number' ? String(e) : null)],
  ['labels', byName],
  ['links', byName],
  ['networks.*.aliases', byName],
  ['networks.*.link_local_ips', byName],
  ['ports', byPort],
  ['profiles', byName],
  ['secrets', mounted('/run/secrets')],
  ['sysctls', byName],
  ['tmpfs', byName],
  ['volumes', byTarget],
];

function unique(value: unknown, at: readonly string[]): unknown {
  if (isMapping(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unique(v, [...at, k])]));
  if (!Array.isArray(value)) return value;
  const indexer = UNIQUE.find(([pattern]) => matches(pattern, at))?.[1];
  if (indexer === undefined) return value;
  const out: unknown[] = [];
  const seen = new Map<string, number>();
  for (const entry of value) {
    const key = indexer(entry);
    if (key === null) throw new Unmergeable(`an entry of ${where(at)} is not one compose can place`);
    const i = seen.get(key);
    if (i === undefined) seen.set(key, out.push(entry) - 1);
    else out[i] = entry;
  }
  return out;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Replacing) && !(value instanceof Resetting) && !(value instanceof UnknownTag);
}
