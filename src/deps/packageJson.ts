import { parseScript } from '../shell/parse.js';
import { own } from '../own.js';

/** package.json as the analyses read it: its scripts and dependency fields, from the JSON text. */
export interface PackageJson {
  /** The scripts whose command is a string. */
  readonly scripts: Readonly<Record<string, string>>;
  /** Each dependency field's names and specs (a spec that is not a string reads as ''). */
  readonly dependencies: ReadonlyMap<string, string>;
  readonly devDependencies: ReadonlyMap<string, string>;
  readonly optionalDependencies: ReadonlyMap<string, string>;
  /** The whole object, for the fields above do not cover (`gypfile`). */
  readonly json: Readonly<Record<string, unknown>>;
}

/** The package.json of `text`; null when there is none or it is not a JSON object. */
export function readPackageJson(text: string | null): PackageJson | null {
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return null;
  const o = json as Record<string, unknown>;
  const specs = (v: unknown) => new Map(Object.entries(record(v)).map(([n, s]) => [n, typeof s === 'string' ? s : ''] as const));
  const scripts = Object.fromEntries(Object.entries(record(o['scripts'])).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return { scripts, dependencies: specs(o['dependencies']), devDependencies: specs(o['devDependencies']), optionalDependencies: specs(o['optionalDependencies']), json: o };
}

/** `value` when it is a JSON object, else an empty one: a manifest field read without trusting its shape. */
export function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** An npm package spec's name: `sharp@0.33.5` → `sharp`, `@scope/name@1` → `@scope/name`. */
export function packageName(spec: string): string {
  const at = spec.indexOf('@', 1);
  return at === -1 ? spec : spec.slice(0, at);
}

/** The name of the script `npm start`, `npm run x`, `yarn x`, `pnpm x` runs, or undefined when the command runs none. */
export function scriptName(argv: readonly (string | null)[]): string | undefined {
  const [program, a, b] = argv;
  if (program === 'npm' || program === 'pnpm') return (a === 'start' || a === 'test' ? a : a === 'run' || a === 'run-script' ? b : program === 'pnpm' ? a : undefined) ?? undefined;
  if (program === 'yarn') return (a === 'run' ? b : a) ?? undefined;
  return undefined;
}

/** The script `npm start`, `npm run x`, `yarn x`, `pnpm x` runs, or null when the command runs none. */
export function scriptRun(argv: readonly string[], manifest: PackageJson): string | null {
  const name = scriptName(argv);
  if (name === undefined) return null;
  return own(manifest.scripts, name) ?? (name === 'start' ? 'node server.js' : null);
}

/** How deep scripts that run scripts are followed (`"prestart": "npm run build"`, whose prebuild runs lint…). */
const MAX_SCRIPT_DEPTH = 4;

/**
 * Every script `argv` runs, in order: its pre script, itself and its post script (`npm start`
 * runs prestart first), and in turn the scripts their commands run. Empty when it runs none.
 */
export function scriptsRun(argv: readonly (string | null)[], manifest: PackageJson, depth = 0): readonly { readonly name: string; readonly body: string }[] {
  const name = scriptName(argv);
  if (name === undefined) return [];
  const out: { name: string; body: string }[] = [];
  for (const n of [`pre${name}`, name, `post${name}`]) {
    const body = own(manifest.scripts, n) ?? (n === 'start' ? 'node server.js' : undefined);
    if (body === undefined) continue;
    out.push({ name: n, body });
    const parsed = depth < MAX_SCRIPT_DEPTH ? parseScript(body) : null;
    if (parsed?.ok === true) for (const c of parsed.commands) out.push(...scriptsRun(c.words.map((w) => w.value), manifest, depth + 1));
  }
  return out;
}
