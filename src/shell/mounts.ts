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
    const pairs = mountFields(flag.value);
    const fields = new Map(pairs.filter(([, value]) => value !== null) as [string, string][]);
    let writable = false;
    for (const [key, value] of pairs) if (key === 'rw' || key === 'readwrite') writable = value === null || value.trim().toLowerCase() === 'true';
    const target = fields.get('target') ?? fields.get('dst') ?? fields.get('destination');
    if (target === undefined || target === '') continue;
    const source = fields.get('source') ?? fields.get('src') ?? null;
    out.push({ type: fields.get('type') ?? 'bind', target, kind: cacheKind(target), source, from: fields.get('from') ?? null, writable, flag });
  }
  return out;
}

/** A \`--mount\` flag's fields as (key, value) pairs in the order written: the key trimmed and in lower case, null for a bare key (\`rw\`). */
function mountFields(value: string): (readonly [string, string | null])[] {
  return splitCsv(value).map((field) => {
    const eq = field.indexOf('=');
    return [(eq === -1 ? field : field.slice(0, eq)).trim().toLowerCase(), eq === -1 ? null : field.slice(eq + 1)] as const;
  });
}

/**
 * The variables a RUN's secret mounts put in its environment (\`--mount=type=secret,id=token,env=TOKEN\`), in the
 * order written.
 */
export function secretEnvironment(inst: Instruction): string[] {
  const out: string[] = [];
  for (const flag of inst.flags) {
    if (flag.name !== 'mount' || flag.value === null) continue;
    const fields = mountFields(flag.value);
    const env = fields.find(([key]) => key === 'env')?.[1]?.trim();
    if (env !== undefined && env !== '' && fields.some(([key, value]) => key === 'type' && value?.trim().toLowerCase() === 'secret')) out.push(env);
  }
  return out;
}

/** The type of every mount of a RUN (\`ssh\` and \`secret\` mounts need no target), in the order written. */
export function mountTypes(inst: Instruction): string[] {
  return inst.flags.flatMap((flag) => {
    if (flag.name !== 'mount' || flag.value === null) return [];
    const type = mountFields(flag.value).find(([key, value]) => key === 'type' && value !== null)?.[1];
    return [(type ?? 'bind').trim().toLowerCase()];
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
