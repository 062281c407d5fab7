/**
 * The manifest set of `npm ci`/`npm install`, `yarn install`, `pnpm install` and `bun install`:
 * package.json with every lockfile and configuration file the package managers read, the
 * workspace packages' package.json, Yarn's release, plugins and patches, and the patch files
 * pnpm and Bun name. Refused when an install runs the project's lifecycle scripts (they build or
 * patch sources; Bun runs the project's own too) or links local packages.
 */
import type { DependencyInstall } from './commands.js';
import { isProblem, matchFolders, problem, under, type ManifestProblem, type ManifestReader } from './reader.js';
import { record } from './packageJson.js';

/** Files any of the package managers reads beside package.json (Bun: its lockfiles and bunfig.toml). */
const NODE_FILES = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', '.npmrc', '.yarnrc', '.yarnrc.yml', '.pnpmfile.cjs', 'bun.lockb', 'bun.lock', 'bunfig.toml'];
/** Yarn 2+ runs its own release and plugins from the project. */
const YARN_FOLDERS = ['.yarn/releases', '.yarn/plugins', '.yarn/patches'];
/** What an install writes in the project besides node_modules (Yarn Plug'n'Play and its cache). */
const YARN_OUTPUTS = ['.pnp.cjs', '.pnp.loader.mjs', '.yarn/cache', '.yarn/unplugged', '.yarn/install-state.gz', '.yarn/build-state.yml'];
/** Scripts npm, Yarn and pnpm run for the project itself during an install. */
export const LIFECYCLE = ['preinstall', 'install', 'postinstall', 'prepublish', 'preprepare', 'prepare', 'postprepare'];
/** Yarn 2 and later run only these of the project's own scripts on install: never prepare nor prepublish. */
const BERRY_LIFECYCLE = ['preinstall', 'install', 'postinstall'];
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies', 'resolutions', 'overrides'];

export function nodeManifests(reader: ManifestReader, dir: string, install: DependencyInstall): ManifestProblem | null {
  const rootManifest = under(dir, 'package.json');
  const missing = reader.need(rootManifest);
  if (missing !== null) return missing;
  const root = reader.json(rootManifest);
  if (isProblem(root)) return root;
  for (const f of NODE_FILES) reader.maybe(under(dir, f));
  // A configuration file the command line names (`bun install -c ci.toml`).
  for (const f of install.files) {
    const missing = reader.need(under(dir, f));
    if (missing !== null) return missing;
  }
  for (const f of YARN_FOLDERS) reader.maybe(under(dir, f));
  for (const f of YARN_OUTPUTS) reader.output(under(dir, f));
  reader.output(under(dir, 'node_modules'));

  const packages: { path: string; json: Record<string, unknown> }[] = [{ path: rootManifest, json: root }];
  const patterns = workspacePatterns(reader, dir, root);
  if (isProblem(patterns)) return patterns;
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) continue;
    const folders = matchFolders(reader.ctx, dir, pattern);
    if (folders === null) return problem('unreadable-manifest', `the workspace pattern \`${pattern}\` is not one dockshift can expand`);
    const excluded = patterns.filter((p) => p.startsWith('!')).flatMap((p) => matchFolders(reader.ctx, dir, p.slice(1)) ?? []);
    for (const folder of folders) {
      if (excluded.includes(folder)) continue;
      const manifest = under(folder, 'package.json');
      // The package managers expand the patterns inside the image: a folder whose package.json the
      // .dockerignore leaves out is no package there, before the rewrite or after it.
      if (!reader.ctx.exists(manifest) || !reader.ctx.sends(manifest)) continue;
      const found = reader.need(manifest);
      if (found !== null) return found;
      const json = reader.json(manifest);
      if (isProblem(json)) return json;
      packages.push({ path: manifest, json });
      reader.output(under(folder, 'node_modules'));
    }
  }

  // What a `workspace:` dependency may name: the packages of the workspace these manifests make.
  const workspaceNames = new Set(packages.flatMap((p) => (typeof p.json.name === 'string' ? [p.json.name] : [])));
  const lifecycle = install.ecosystem === 'yarn' && yarnBerry(reader, dir) ? BERRY_LIFECYCLE : LIFECYCLE;
  for (const pkg of packages) {
    if (!install.ignoreScripts) {
      const scripts = record(pkg.json.scripts);
      const script = lifecycle.find((s) => typeof scripts[s] === 'string');
      if (script !== undefined) {
        // Yarn 1 runs it; Yarn 2 and later would not, and only a yarnPath says which one runs.
        const which = install.ecosystem === 'yarn' && !BERRY_LIFECYCLE.includes(script) ? ` (Yarn 1 does; Yarn 2 and later would not, but no \`yarnPath\` in .yarnrc.yml says the project's yarn is one)` : '';
        return problem('lifecycle-scripts', `${pkg.path} has a \`${script}\` script (\`${String(scripts[script])}\`), which the install runs${which} and which may need the sources`);
      }
    }
    for (const field of DEPENDENCY_FIELDS) {
      for (const [name, spec] of Object.entries(record(pkg.json[field]))) {
        if (typeof spec === 'string' && /^(?:file:|link:|portal:|\.\.?\/|\/|~\/)/.test(spec)) {
          return problem('local-dependency', `${pkg.path} takes ${name} from the project's own files (\`${spec}\`)`);
        }
        // A package of a workspace whose root is not here (an app's folder of a monorepo): the install looks for it there.
        if (typeof spec === 'string' && spec.startsWith('workspace:') && !workspaceNames.has(name)) {
          return problem('local-dependency', `${pkg.path} takes ${name} from its workspace (\`${spec}\`), and no package of the workspace these manifests make is ${name}: the workspace's root, with its other packages, is not here`);
        }
        // Yarn's `patch:pkg@npm%3A1.0.0#./patches/pkg.patch`: the patch is a file of the project.
        if (typeof spec === 'string' && /^patch:/.test(spec) && /#(?:\.{1,2}\/|~\/|\/)(?!\.yarn\/patches\/)/.test(spec)) {
          return problem('local-dependency', `${pkg.path} patches ${name} with a file of the project (\`${spec}\`)`);
        }
      }
    }
    if (pkg !== packages[0] && pkg.json.bin !== undefined) {
      return problem('local-dependency', `the workspace package ${pkg.path} has \`bin\` files, which the install links from its sources`);
    }
  }
  // pnpm reads its patches from `pnpm.patchedDependencies`, Bun from the top-level field.
  const patched = { ...record(record(root.pnpm).patchedDependencies), ...(install.ecosystem === 'bun' ? record(root.patchedDependencies) : {}) };
  for (const file of Object.values(patched)) {
    if (typeof file === 'string' && !reader.maybe(under(dir, file))) return problem('manifest-missing', `the patch ${under(dir, file)} that package.json names is not in the build context`);
  }
  // pnpm 10 also reads them from pnpm-workspace.yaml, where its settings now live: an install
  // without those files fails.
  const yamlPath = under(dir, 'pnpm-workspace.yaml');
  if (install.ecosystem === 'pnpm' && reader.ctx.sends(yamlPath)) {
    const text = reader.text(yamlPath);
    if (isProblem(text)) return text;
    const files = yamlStringMap(text, 'patchedDependencies');
    if (files === null) return problem('unreadable-manifest', `${yamlPath} lists its \`patchedDependencies\` in a form dockshift does not read`);
    for (const file of Object.values(files)) {
      if (!reader.maybe(under(dir, file))) return problem('manifest-missing', `the patch ${under(dir, file)} that ${yamlPath} names is not in the build context`);
    }
  }
  return null;
}

/**
 * Whether `yarn` in this project is Yarn 2 or later: its .yarnrc.yml sets `yarnPath` to such a
 * release (`.yarn/releases/yarn-4.1.0.cjs`), which any yarn, Yarn 1 included, hands the command to.
 * `packageManager` alone does not say it: an older Yarn 1 without corepack ignores it.
 */
function yarnBerry(reader: ManifestReader, dir: string): boolean {
  const rc = under(dir, '.yarnrc.yml');
  if (!reader.ctx.sends(rc)) return false;
  const text = reader.text(rc);
  if (isProblem(text)) return false;
  const m = /^yarnPath\s*:\s*['"]?([^'"#\s]+)/m.exec(text);
  const release = m === null ? null : /(?:^|\/)yarn-(\d+)\.\d+\.\d+[^/]*\.c?js$/.exec(m[1]!);
  return release !== null && Number(release[1]) >= 2;
}

/** Workspace folders as package.json (npm, Yarn) or pnpm-workspace.yaml lists them. */
function workspacePatterns(reader: ManifestReader, dir: string, root: Record<string, unknown>): string[] | ManifestProblem {
  const out: string[] = [];
  const ws = root.workspaces;
  const list = Array.isArray(ws) ? ws : Array.isArray(record(ws).packages) ? (record(ws).packages as unknown[]) : [];
  for (const p of list) if (typeof p === 'string') out.push(p);
  const yamlPath = under(dir, 'pnpm-workspace.yaml');
  if (reader.ctx.sends(yamlPath)) {
    const text = reader.text(yamlPath);
    if (isProblem(text)) return text;
    const packages = yamlPackages(text);
    if (packages === null) return problem('unreadable-manifest', `${yamlPath} lists its packages in a form dockshift does not read`);
    out.push(...packages);
  }
  return out;
}

/**
 * The `packages:` list of a pnpm-workspace.yaml written as a block list of plain or quoted
 * strings (the form pnpm documents); null for any other shape of that key.
 */
export function yamlPackages(text: string): string[] | null {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => /^packages\s*:/.test(l));
  if (start === -1) return [];
  if (!/^packages\s*:\s*(#.*)?$/.test(lines[start]!)) return null;
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const m = /^\s+-\s+(?:'([^']*)'|"([^"]*)"|([^\s#'"][^#]*?))\s*(#.*)?$/.exec(line);
    if (m === null) {
      if (/^\S/.test(line)) break; // the next top-level key
      return null;
    }
    out.push(m[1] ?? m[2] ?? m[3]!);
  }
  return out;
}

/**
 * The block mapping of a top-level key of a YAML file written as `name: value` lines of plain or
 * quoted strings (pnpm-workspace.yaml's `patchedDependencies`); empty when the key is absent, null
 * for any other shape of it.
 */
export function yamlStringMap(text: string, key: string): Record<string, string> | null {
  const lines = text.split(/\r?\n/);
  const head = new RegExp(`^(?:${key}|'${key}'|"${key}")\\s*:`);
  const start = lines.findIndex((l) => head.test(l));
  if (start === -1) return {};
  if (!/:\s*(#.*)?$/.test(lines[start]!)) return null;
  const out: Record<string, string> = {};
  const scalar = `(?:'([^']*)'|"([^"]*)"|([^\\s#'"][^#]*?))`;
  const entry = new RegExp(`^\\s+${scalar}\\s*:\\s+${scalar}\\s*(#.*)?$`);
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    if (/^\S/.test(line)) break; // the next top-level key
    const m = entry.exec(line);
    if (m === null) return null;
    out[m[1] ?? m[2] ?? m[3]!] = m[4] ?? m[5] ?? m[6]!;
  }
  return out;
}
