/**
 * hadolint's configuration as users already write it: the `ignored:` list of
 * the `.hadolint.yaml` (or `.hadolint.yml`) nearest the Dockerfile, looking in
 * its folder and then each folder above. Rules listed there are off for
 * dockshift too, for every file under it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isHadolintRule } from './pragmas.js';
import { isFile } from './files.js';
import { RecentMap } from './recentMap.js';
import { yaml } from './yaml.js';

export interface HadolintConfig {
  /** Absolute path of the file read. */
  readonly path: string;
  readonly ignored: readonly string[];
}

export type HadolintConfigResult =
  | { readonly ok: true; readonly config: HadolintConfig | null }
  /** `line`: 1-based, where the problem is; null when it is the whole file. */
  | { readonly ok: false; readonly path: string; readonly line: number | null; readonly message: string };

const NAMES = ['.hadolint.yaml', '.hadolint.yml'];

/**
 * Per folder: many Dockerfiles share one configuration. Files come in path
 * order, so recent folders serve them; a bound keeps a fleet run's memory from
 * growing with its number of folders.
 */
const found = new RecentMap<string, HadolintConfigResult>(1024);

/** The configuration that applies to files in `dir` (absolute), read and checked. */
export function hadolintConfigFor(dir: string): HadolintConfigResult {
  const seen: string[] = [];
  let result: HadolintConfigResult | undefined;
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    result = found.get(current);
    if (result !== undefined) break;
    seen.push(current);
    const file = NAMES.map((n) => path.join(current, n)).find((f) => isFile(f));
    if (file !== undefined) {
      result = readConfig(file);
      break;
    }
    if (path.dirname(current) === current) {
      result = { ok: true, config: null };
      break;
    }
  }
  for (const d of seen) found.set(d, result);
  return result;
}

/** Reads one configuration file; an `ignored:` entry that is not a hadolint rule is an error, as in a comment. */
export function readConfig(file: string): HadolintConfigResult {
  const fail = (message: string, line: number | null = null): HadolintConfigResult => ({ ok: false, path: file, line, message });
  let data: unknown;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
    data = yaml().parse(text);
  } catch (err) {
    // The yaml package's message is a line and a code frame; the line is given apart.
    const line = (err as { linePos?: readonly { line: number }[] }).linePos?.[0]?.line ?? null;
    return fail(`not valid YAML: ${(err as Error).message.split('\n')[0]!.replace(/ at line \d+, column \d+:?\s*$/, '').replace(/:\s*$/, '')}`, line);
  }
  if (data === null || data === undefined) return { ok: true, config: { path: file, ignored: [] } };
  if (typeof data !== 'object' || Array.isArray(data)) return fail('expected a mapping with keys such as `ignored:`');
  const ignored = (data as Record<string, unknown>).ignored;
  if (ignored === undefined || ignored === null) return { ok: true, config: { path: file, ignored: [] } };
  if (!Array.isArray(ignored) || !ignored.every((r): r is string => typeof r === 'string')) return fail('`ignored:` must be a list of rule codes');
  const unknown = ignored.find((r) => !isHadolintRule(r));
  if (unknown !== undefined) {
    // The line that lists it as a whole word, not a comment (`- DL3008` holds `DL300`).
    const word = new RegExp(`(?:^|[^A-Za-z0-9])${unknown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:[^A-Za-z0-9]|$)`);
    const line = text.split('\n').findIndex((l) => !/^\s*#/.test(l) && word.test(l.replace(/\s#.*$/, ''))) + 1;
    return fail(`\`ignored:\` names ${JSON.stringify(unknown)}, which is not a hadolint rule (DL3000–DL3077, DL4000–DL4007, DL1001, SCnnnn)`, line === 0 ? null : line);
  }
  return { ok: true, config: { path: file, ignored } };
}
