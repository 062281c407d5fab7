/**
 * User transforms, loaded by path (`-t ./my-transform.ts`, `transforms: [./path]` in a
 * configuration file). JavaScript modules are imported as they are; TypeScript ones
 * through jiti, which strips the types in memory (Node 20 cannot). Each worker thread
 * loads the same paths again: functions do not cross threads, paths do.
 */
import { pathToFileURL } from 'node:url';
import { importModule } from '../importModule.js';
import type { Transform } from './types.js';

export type ModuleResult = { readonly ok: true; readonly transform: Transform<any> } | { readonly ok: false; readonly message: string };

const loaded = new Map<string, Promise<ModuleResult>>();
let jiti: ReturnType<typeof import('jiti').createJiti> | null = null;

/** Loads the transform a module exports by default (or as `transform`), once per path. */
export function loadTransformModule(file: string): Promise<ModuleResult> {
  let result = loaded.get(file);
  if (result === undefined) {
    result = load(file);
    loaded.set(file, result);
  }
  return result;
}

async function load(file: string): Promise<ModuleResult> {
  let mod: Record<string, unknown>;
  try {
    if (/\.[cm]?ts$/.test(file)) {
      // Loaded only for a TypeScript transform: most runs name none.
      const { createJiti } = (await importModule('jiti')) as typeof import('jiti');
      jiti ??= createJiti(import.meta.url, { moduleCache: true, fsCache: false, interopDefault: false });
      mod = (await jiti.import(file)) as Record<string, unknown>;
    } else {
      mod = (await importModule(pathToFileURL(file).href)) as Record<string, unknown>;
    }
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const missing = e.code === 'ERR_MODULE_NOT_FOUND' || e.code === 'MODULE_NOT_FOUND' || e.code === 'ENOENT';
    return { ok: false, message: missing && e.message.includes(file) ? 'no such transform module' : `cannot load: ${e.message.split('\n')[0]}` };
  }
  const candidate = mod.default ?? mod.transform;
  const problem = transformProblem(candidate);
  return problem === null ? { ok: true, transform: candidate as Transform<any> } : { ok: false, message: `its default export is not a transform: ${problem}` };
}

/** Why a value is not a transform the engine can run, or null. */
export function transformProblem(t: unknown): string | null {
  if (typeof t !== 'object' || t === null) return 'expected defineTransform({ meta, run })';
  const { meta, run } = t as { meta?: Record<string, unknown>; run?: unknown };
  if (typeof run !== 'function') return 'run must be a function';
  if (typeof meta !== 'object' || meta === null) return 'meta is missing';
  if (typeof meta.name !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(meta.name)) return 'meta.name must be kebab-case';
  for (const key of ['summary', 'docs'] as const) if (typeof meta[key] !== 'string') return `meta.${key} must be a string`;
  if (typeof meta.defaultEnabled !== 'boolean') return 'meta.defaultEnabled must be true or false';
  if (!Array.isArray(meta.hadolint)) return 'meta.hadolint must be a list of rules';
  if (typeof meta.options !== 'object' || meta.options === null) return 'meta.options must be an object';
  for (const [key, spec] of Object.entries(meta.options as Record<string, unknown>)) {
    const d = (spec as { default?: unknown } | null)?.default;
    if (typeof d !== 'boolean' && typeof d !== 'number' && typeof d !== 'string') return `meta.options.${key}.default must be a boolean, number or string`;
  }
  const touches = meta.touches as { instructions?: unknown } | undefined;
  if (typeof touches !== 'object' || touches === null || typeof touches.instructions !== 'object') return 'meta.touches.instructions is missing';
  if (typeof meta.refusals !== 'object' || meta.refusals === null) return 'meta.refusals must be an object';
  return null;
}
