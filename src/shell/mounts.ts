import type { Instruction, InstructionFlag, ParsedDockerfile } from '../dockerfile/types.js';
import { variablesAt } from '../dockerfile/variables.js';
import { expandWord } from '../dockerfile/words.js';
import { cacheKind } from './caches.js';
import type { CacheKind } from './types.js';

/** A `RUN --mount=…` with a target: cache, tmpfs, bind, secret or ssh. */
export interface Mount {
  /** `cache`, `tmpfs`, `bind` (the default), `secret`, `ssh`. */
  readonly type: string;
  /** The target as written, quotes removed. */
  readonly target: string;
  /** Which cache the target is, when it is a known one. */
  readonly kind: CacheKind | null;
  /** `source=`/`src=` as written, or null: for a bind mount, a path of the build context unless `from` is set. */
  readonly source: string | null;
  /** `from=` as written, or null (a bind mount then reads the build context). */
  readonly from: string | null;
  /** `rw`/`readwrite` (a bind mount is read-only otherwise; what a RUN writes there is thrown away after it). */
  readonly writable: boolean;
  readonly flag: InstructionFlag;
}

/** A `RUN --mount=type=cache,target=…`: a directory BuildKit keeps between builds, outside the layer. */
export type CacheMount = Mount & { readonly type: 'cache' };

/** The mounts of a RUN that have a target, in the order written. */
export function mounts(inst: Instruction): Mount[] {
  const out: Mount[] = [];
  for (const flag of inst.flags) {
    if (flag.name !== 'mount' || flag.value === null) continue;
    const fields = new Map<string, string>();
    let writable = false;
    for (const field of splitCsv(flag.value)) {
      const eq = field.indexOf('=');
      const key = (eq === -1 ? field : field.slice(0, eq)).trim().toLowerCase();
      if (key === 'rw' || key === 'readwrite') writable = eq === -1 || field.slice(eq + 1).trim().toLowerCase() === 'true';
      else if (eq !== -1) fields.set(key, field.slice(eq + 1));
    }
    const target = fields.get('target') ?? fields.get('dst') ?? fields.get('destination');
    if (target === undefined || target === '') continue;
    const source = fields.get('source') ?? fields.get('src') ?? null;
    out.push({ type: fields.get('type') ?? 'bind', target, kind: cacheKind(target), source, from: fields.get('from') ?? null, writable, flag });
  }
  return out;
}

/**
 * The variables a RUN's secret mounts put in its environment (\`--mount=type=secret,id=token,env=TOKEN\`), in the
 * order written.
 */
export function secretEnvironment(inst: Instruction): string[] {
  const out: string[] = [];
  for (const flag of inst.flags) {
    if (flag.name !== 'mount' || flag.value === null) continue;
    const fields = splitCsv(flag.value).map((f) => [f.slice(0, Math.max(0, f.indexOf('='))).trim().toLowerCase(), f.slice(f.indexOf('=') + 1).trim()] as const);
    const env = fields.find(([k]) => k === 'env')?.[1];
    if (env !== undefined && env !== '' && fields.some(([k, v]) => k === 'type' && v.toLowerCase() === 'secret')) out.push(env);
  }
  return out;
}

/** The type of every mount of a RUN (\`ssh\` and \`secret\` mounts need no target), in the order written. */
export function mountTypes(inst: Instruction): string[] {
  return inst.flags.flatMap((flag) => {
    if (flag.name !== 'mount' || flag.value === null) return [];
    const type = splitCsv(flag.value).find((f) => /^\s*type\s*=/i.test(f));
    return [type === undefined ? 'bind' : type.slice(type.indexOf('=') + 1).trim().toLowerCase()];
  });
}

/** The cache mounts of a RUN, in the order written. */
export function cacheMounts(inst: Instruction): CacheMount[] {
  return mounts(inst).filter((m): m is CacheMount => m.type === 'cache');
}

/**
 * The cache mounts of a RUN with their targets expanded, as BuildKit expands a `--mount`
 * (`target=${PIP_CACHE_DIR}`, `target=$XDG_CACHE_HOME/pip`), where the file sets the variables;
 * a build argument counts with its default. A target that stays unknown is kept as written.
 */
export function expandedCacheMounts(file: ParsedDockerfile, inst: Instruction): CacheMount[] {
  const mounted = cacheMounts(inst);
  if (!mounted.some((m) => m.target.includes('$'))) return mounted;
  const vars = variablesAt(file, inst);
  return mounted.map((m) => {
    const target = m.target.includes('$') ? expandWord(m.target, (name) => vars.get(name)?.value ?? null, file.escape).value : null;
    return target === null || target === '' ? m : { ...m, target, kind: cacheKind(target) };
  });
}

/** BuildKit reads `--mount` values as one CSV record: commas separate fields, double quotes group them. */
function splitCsv(value: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '"') {
      if (quoted && value[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = !quoted;
    } else if (c === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}
