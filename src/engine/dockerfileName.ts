/**
 * Dockerfile names: `Dockerfile`, `Containerfile`, `Dockerfile.*`, `Dockerfile-*`, `Dockerfile_*`,
 * `*.Dockerfile`, `*.dockerfile` (either case on the first letter). Renovate's patterns take any
 * name that starts with the word, which includes the sources of programs about Dockerfiles
 * (`DockerfileParser.java`, `dockerfile_test.go`, `dockerfile-parser.js`): so the word must be
 * followed by a separator, and a `-` or `_` name that ends in a file extension is such a source
 * (a `Dockerfile-3.11` ends in a version, not an extension). BuildKit's per-Dockerfile
 * `Dockerfile.dockerignore` is not one.
 */
export function isDockerfileName(base: string): boolean {
  if (/\.dockerignore$/i.test(base)) return false;
  // writeAtomic's temp files (`.dockshift-tmp-<pid>-<hex>-<name>`), left behind only if a run is killed.
  if (base.startsWith('.dockshift-tmp-')) return false;
  return /^(?:[Dd]ocker|[Cc]ontainer)file(?:$|\.|[-_](?!.*\.[A-Za-z][A-Za-z0-9]*$))/.test(base) || /\.(?:[Dd]ocker|[Cc]ontainer)file$/.test(base);
}
