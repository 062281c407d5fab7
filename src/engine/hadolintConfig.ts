/**
 * hadolint's configuration as users already write it: the `ignored:` list of
 * the `.hadolint.yaml` (or `.hadolint.yml`) nearest the Dockerfile, looking in
 * its folder and then each folder above. Rules listed there are off for
 * dockshift too, for every file under it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isHadolintRule } from './pragmas.js';
import { describeFsError, isFile } from './files.js';
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
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    return fail(describeFsError(err, 'cannot read'));
  }
  const lines = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    // The yaml package's message is a line and a code frame; the line is given apart.
    return fail(`not valid YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?\s*$/, '').replace(/:\s*$/, '')}`, lines.linePos(e.pos[0]).line);
  }
  const lineOf = (node: unknown): number | null => {
    const range = (node as { range?: readonly number[] } | null)?.range;
    return range === undefined ? null : lines.linePos(range[0]!).line;
  };
  // An alias (`ignored: *common`, `- *rule`) stands for the node its anchor names; a line points at the alias.
  const deref = (node: unknown): unknown => (yaml().isAlias(node) ? (node.resolve(doc) ?? null) : node);
  const root = doc.contents;
  if (root === null || (yaml().isScalar(root) && (root.value === null || root.value === undefined))) return { ok: true, config: { path: file, ignored: [] } };
  if (!yaml().isMap(root)) return fail('expected a mapping with keys such as `ignored:`', lineOf(root));
  const pair = root.items.find((p) => yaml().isScalar(p.key) && p.key.value === 'ignored');
  const value = deref(pair?.value ?? null);
  if (pair === undefined || value === null || (yaml().isScalar(value) && value.value === null)) return { ok: true, config: { path: file, ignored: [] } };
  const items = yaml().isSeq(value) ? value.items : null;
  const codeOf = (r: unknown): string | null => {
    const node = deref(r);
    return yaml().isScalar(node) && typeof node.value === 'string' ? node.value : null;
  };
  if (items === null || !items.every((r) => codeOf(r) !== null)) return fail('`ignored:` must be a list of rule codes', lineOf(items?.find((r) => codeOf(r) === null) ?? pair.key));
  const ignored = items.map((r) => codeOf(r)!);
  const unknown = ignored.findIndex((code) => !isHadolintRule(code));
  if (unknown !== -1) {
    return fail(`\`ignored:\` names ${JSON.stringify(ignored[unknown])}, which is not a hadolint rule (DL3000–DL3077, DL4000–DL4007, DL1001, SCnnnn)`, lineOf(items[unknown]));
  }
  return { ok: true, config: { path: file, ignored } };
}
