/**
 * Renovate's Dockerfile names: `Dockerfile`, `Containerfile`, `Dockerfile.*`,
 * `Dockerfile-prod`, `*.Dockerfile`, `*.dockerfile` (either case on the first
 * letter). BuildKit's per-Dockerfile `Dockerfile.dockerignore` is not one.
 */
export function isDockerfileName(base: string): boolean {
  if (/\.dockerignore$/i.test(base)) return false;
  // writeAtomic's temp files (`.dockshift-tmp-<pid>-<hex>-<name>`), left behind only if a run is killed.
  if (base.startsWith('.dockshift-tmp-')) return false;
  return /^[Dd]ockerfile|^[Cc]ontainerfile/.test(base) || /\.[Dd]ockerfile$|\.[Cc]ontainerfile$/.test(base);
}
