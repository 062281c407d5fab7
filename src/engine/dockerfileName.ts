/**
 * Extensions of program sources, scripts, documents and data. A file named after the word and
 * ending in one of them is taken for a program about Dockerfiles (`dockerfile_test.go`,
 * `DockerfileParser.java`, `dockerfile.py`), its tests' snapshots, or its documentation and
 * configuration (`.github/workflows/dockerfile.yml`, `dockerfile-guide.md`), which would fail to
 * parse. Names that are not here stay Dockerfiles: variant suffixes are anything (`.onbuild`,
 * `.rhel8`, `.v7`, `.template`, `.tmpl`, `.test`, `.bak`), and so is `.txt`, which editors on
 * Windows add to Dockerfiles built with `-f Dockerfile.txt`. Compared without case.
 */
export const SOURCE_EXTENSIONS: ReadonlySet<string> = new Set([
  // programs
  'go', 'js', 'mjs', 'cjs', 'ts', 'mts', 'cts', 'tsx', 'jsx', 'vue', 'svelte',
  'java', 'kt', 'kts', 'scala', 'groovy', 'clj', 'py', 'pyc', 'pyi', 'rb', 'rs', 'cs', 'fs', 'vb',
  'c', 'h', 'cc', 'cpp', 'cxx', 'hpp', 'hh', 'm', 'mm', 'swift', 'php', 'pl', 'pm', 'lua', 'r',
  'dart', 'ex', 'exs', 'erl', 'hs', 'ml', 'jl', 'nim', 'zig',
  // the interfaces, headers and generated-source inputs that sit beside those programs: OCaml's
  // `.mli` (`Dockerfile_to_generic.mli` next to its `.ml`), ocamllex and menhir grammars, Erlang
  // headers, literate and hsc2hs Haskell, F# signatures and scripts, ClojureScript
  'mli', 'mll', 'mly', 'hrl', 'lhs', 'hsc', 'fsi', 'fsx', 'cljs', 'cljc',
  // scripts
  'sh', 'bash', 'zsh', 'fish', 'ps1', 'psm1', 'bat', 'cmd',
  // documents, data, test output
  'json', 'jsonc', 'yml', 'yaml', 'toml', 'xml', 'md', 'markdown', 'rst', 'adoc', 'html', 'htm',
  'css', 'scss', 'csv', 'lock', 'snap', 'svg', 'png', 'jpg', 'jpeg', 'gif', 'pdf',
  // built front-end assets: a bundler's source maps (`dockerfile-knGOOxt4.js.map`, an editor's
  // Dockerfile mode) and the copies a build precompresses beside them
  'map', 'gz', 'br',
]);

/**
 * Glob patterns (for a base name) that every name isDockerfileName takes matches: a folder search
 * lists only these, rather than every file of the tree.
 */
export const DOCKERFILE_NAME_GLOBS: readonly string[] = ['*.[Dd]ockerfile', '*.[Cc]ontainerfile', '[Dd]ockerfile*', '[Cc]ontainerfile*'];

/**
 * Dockerfile names are Renovate's, applied to a base name:
 *   `(^|/|\.)([Dd]ocker|[Cc]ontainer)file$`  and  `(^|/)([Dd]ocker|[Cc]ontainer)file[^/]*$`
 * (`Dockerfile`, `Dockerfile.prod`, `Dockerfile-alpine.onbuild`, `Dockerfile2`, `app.Dockerfile`),
 * minus BuildKit's per-Dockerfile `Dockerfile.dockerignore` and the names that end in one of
 * SOURCE_EXTENSIONS. One shape keeps any extension: the capitalised word followed by a dot
 * (`Dockerfile.go`, `Containerfile.py`), since images for a language are often named so and
 * built with `-f Dockerfile.go`, while Go, Python and TypeScript sources are lower case
 * (`dockerfile.go`) and a test or class is named `Dockerfile_test.go` or `DockerfileParser.java`.
 */
export function isDockerfileName(base: string): boolean {
  if (/\.dockerignore$/i.test(base)) return false;
  // writeAtomic's temp files (`.dockshift-tmp-<pid>-<hex>-<name>`), left behind only if a run is killed.
  if (base.startsWith('.dockshift-tmp-')) return false;
  if (/\.(?:[Dd]ocker|[Cc]ontainer)file$/.test(base)) return true;
  if (!/^(?:[Dd]ocker|[Cc]ontainer)file/.test(base)) return false;
  if (/^(?:Docker|Container)file\./.test(base)) return true;
  const dot = base.lastIndexOf('.');
  return dot === -1 || !SOURCE_EXTENSIONS.has(base.slice(dot + 1).toLowerCase());
}

/** The word a Dockerfile's name adds (\`base\` of Dockerfile.base, base.Dockerfile, Dockerfile-base), or null for a plain Dockerfile. */
export function dockerfileWord(name: string): string | null {
  const word = name.replace(/(?:^|[-_.])(?:Dockerfile|Containerfile)(?:$|[-_.])/i, '.').replace(/^\.+|\.+$/g, '');
  return word === '' ? null : word;
}
