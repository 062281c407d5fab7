/**
 * `import()` of what a run loads only when it needs it: the packages left outside the bundle
 * (fast-glob, tinypool, jiti) and users' transform modules. The bundled CLI is a script compiled
 * through node:vm with V8's code cache (src/codeCache.ts), where Node 20 runs `import()` only with
 * an experimental loader, and that one finds nothing for code read from a cache; so
 * scripts/bundle.mjs puts its launcher's in place of this one.
 */
export const importModule = (specifier: string): Promise<unknown> => import(specifier);
