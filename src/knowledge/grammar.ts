import type { AxisOption, RepositoryEntry, TagAxis } from './types.js';

/**
 * A repository's tag grammar: `[version][-token]...` where each token belongs to
 * one axis (flavour, OS, JDK...) in a fixed order. A tag without a version names
 * the newest one; an absent token is the axis's `absent` option.
 */
export interface ParsedTag {
  /** The version as written, or null. */
  readonly version: string | null;
  /** Option id per axis. */
  readonly options: Readonly<Record<string, string>>;
  /** Token per axis as written ('' when absent). */
  readonly tokens: Readonly<Record<string, string>>;
}

interface Compiled {
  readonly regex: RegExp;
  readonly optionRegexes: ReadonlyMap<AxisOption, RegExp>;
}

const compiled = new WeakMap<RepositoryEntry, Compiled>();

function compile(repo: RepositoryEntry): Compiled {
  let c = compiled.get(repo);
  if (c !== undefined) return c;
  const parts = repo.axes.map((axis, i) => `(?:(?:^|-)(?<a${i}>${axis.options.map((o) => `(?:${o.pattern})`).join('|')}))?`);
  const regex = new RegExp(`^(?:(?<version>${repo.version}))?${parts.join('')}$`);
  const optionRegexes = new Map<AxisOption, RegExp>();
  for (const axis of repo.axes) for (const o of axis.options) optionRegexes.set(o, new RegExp(`^(?:${o.pattern})$`));
  c = { regex, optionRegexes };
  compiled.set(repo, c);
  return c;
}

/** Reads a tag by the repository's grammar; null when the tag does not fit it. */
export function parseTag(repo: RepositoryEntry, tag: string): ParsedTag | null {
  if (tag === 'latest' || tag === '') return repo.versionRequired === true || repo.axes.some((a) => a.required === true) ? null : { version: null, options: absentOptions(repo), tokens: absentTokens(repo) };
  const { regex, optionRegexes } = compile(repo);
  const m = regex.exec(tag);
  if (m === null || m.groups === undefined) return null;
  const options: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  for (const [i, axis] of repo.axes.entries()) {
    const token = m.groups[`a${i}`];
    if (token === undefined) {
      if (axis.required === true) return null;
      options[axis.name] = axis.absent;
      tokens[axis.name] = '';
      continue;
    }
    const option = axis.options.find((o) => optionRegexes.get(o)!.test(token));
    if (option === undefined) return null;
    options[axis.name] = option.id;
    tokens[axis.name] = token;
  }
  for (const axis of repo.axes) {
    const option = axis.options.find((o) => o.id === options[axis.name]);
    for (const [other, allowed] of Object.entries(option?.onlyWith ?? {})) if (!allowed.includes(options[other] ?? '')) return null;
  }
  const version = m.groups['version'] ?? null;
  if (version === null && repo.versionRequired === true) return null;
  // A tag made only of absent parts is not a tag of this grammar (e.g. the empty string).
  if (version === null && Object.values(tokens).every((t) => t === '')) return null;
  return { version, options, tokens };
}

/** Writes a tag from a version and axis tokens, in the grammar's order; null means `latest`. */
export function renderTag(repo: RepositoryEntry, version: string | null, tokens: Readonly<Record<string, string>>): string | null {
  const parts = [version ?? '', ...repo.axes.map((a) => tokens[a.name] ?? '')].filter((p) => p !== '');
  return parts.length === 0 ? null : parts.join('-');
}

/** The axis option with this id, or undefined. */
export function axisOption(axis: TagAxis, id: string): AxisOption | undefined {
  return axis.options.find((o) => o.id === id);
}

function absentOptions(repo: RepositoryEntry): Record<string, string> {
  return Object.fromEntries(repo.axes.map((a) => [a.name, a.absent]));
}

function absentTokens(repo: RepositoryEntry): Record<string, string> {
  return Object.fromEntries(repo.axes.map((a) => [a.name, '']));
}
