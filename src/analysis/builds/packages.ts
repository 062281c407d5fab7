/**
 * The packages a single-stage build installs, and which of them the runtime stage
 * needs again. Compilers, build systems, headers, version control and download tools
 * stay in the build stage unless what the container runs calls them; anything else
 * (jq, a library, a font) is installed again in the runtime stage, because the app
 * may use it and the Dockerfile cannot say it does not.
 */
import { BUILDPACK_DEPS_TOOLS } from '../../knowledge/buildTools.js';
import { bringsCCompiler } from '../../knowledge/compilers.js';
import type { PackageManagerName } from '../../knowledge/types.js';
import { packageCommands } from '../../shell/index.js';
import type { RunScript } from '../runScripts.js';
import { packageOperandName } from '../../knowledge/packageNames.js';

export interface Installed {
  /**
   * Package names the stage has at its end, as installed: removed ones left out, and so are the members
   * of an `apk add --virtual` group the stage deletes (`apk del .build-deps`), which only built.
   */
  readonly names: readonly string[];
  /**
   * Every package the scripts install, removed ones and the members of `--virtual` groups included: what
   * a build between the install and the removal had (`apk add --virtual .build-deps vips-dev && go build
   * && apk del .build-deps` compiles against vips' headers).
   */
  readonly ever: readonly string[];
  /** A package whose name is only known at build time, as written. */
  readonly unknown: string | null;
  /** The package manager the stage uses. */
  readonly manager: 'apt' | 'apk' | 'dnf' | 'yum' | 'microdnf' | null;
}

export function installedPackages(scripts: readonly RunScript[]): Installed {
  // Asked of every RUN by some readers (debugImage): most install nothing, and are told so without the sets below.
  if (scripts.every((run) => run.parsed === null || packageCommands(run.parsed).length === 0)) return NOTHING_INSTALLED;
  // What keeps each package installed: '' for an explicit install, else the name of the `--virtual` group it came with.
  const holders = new Map<string, Set<string>>();
  const ever = new Set<string>();
  const groups = new Set<string>();
  // Packages only known at build time, with the group they came with: one a deleted group held is gone.
  const unknowns: { raw: string; group: string }[] = [];
  let manager: Installed['manager'] = null;
  for (const run of scripts) {
    if (run.parsed === null) continue;
    for (const cmd of packageCommands(run.parsed)) {
      if (cmd.manager !== 'apt' && cmd.manager !== 'apk' && cmd.manager !== 'dnf' && cmd.manager !== 'yum' && cmd.manager !== 'microdnf') continue;
      if (cmd.action === 'remove') {
        for (const w of cmd.operands) {
          if (w.value === null) continue;
          if (!groups.has(w.value)) {
            // A package removed by name (as installed: \`apk del python3~=3.11\`); one a group still holds stays with it.
            const name = packageOperandName(w.value);
            holders.get(name)?.delete('');
            if (holders.get(name)?.size === 0) holders.delete(name);
            continue;
          }
          // `apk del .build-deps` removes what only that group held.
          for (const [name, by] of holders) if (by.delete(w.value) && by.size === 0) holders.delete(name);
          for (let i = unknowns.length - 1; i >= 0; i--) if (unknowns[i]!.group === w.value) unknowns.splice(i, 1);
        }
        continue;
      }
      if (cmd.action !== 'install') continue;
      manager ??= cmd.manager;
      // apk's `--virtual .build-deps` (`-t`; apt's `-t` is the target release) groups what it installs, for one `apk del`.
      const group = cmd.manager === 'apk' ? (cmd.optionValue('--virtual', '-t') ?? '') : '';
      if (group !== '') groups.add(group);
      for (const w of cmd.operands) {
        if (w.value === null) {
          unknowns.push({ raw: w.raw, group });
          continue;
        }
        // The name without a version (`curl=7.88.1-10`, apk's `python3~=3.11`), a release (`haproxy/bookworm-backports`) or an architecture (`libc6:amd64`).
        const name = packageOperandName(w.value);
        ever.add(name);
        holders.set(name, (holders.get(name) ?? new Set()).add(group));
      }
    }
  }
  return { names: [...holders.keys()], ever: [...ever], unknown: unknowns[0]?.raw ?? null, manager };
}

const NOTHING_INSTALLED: Installed = Object.freeze({ names: [], ever: [], unknown: null, manager: null });

/**
 * Header packages of the C library and the kernel: every runtime image has what they build
 * against; and dpkg-dev, Debian's packaging tools (dpkg-architecture), which holds no library.
 */
const LIBC_HEADERS = new Set(['libc6-dev', 'linux-libc-dev', 'musl-dev', 'linux-headers', 'libc-dev', 'glibc-devel', 'kernel-headers', 'libstdc++-dev', 'dpkg-dev']);

/**
 * The -dev/-devel packages of `names` that bring a library's headers (`libvips-dev`,
 * `postgresql-dev`): what is built against them links that library, which a runtime
 * image without the package lacks.
 */
export function libraryHeaders(names: readonly string[]): string[] {
  return names.filter((p) => /-(?:dev|devel)$/.test(p) && !LIBC_HEADERS.has(p));
}

/**
 * Libraries a program may link (`-lm`) that every Debian, Ubuntu and Alpine runtime image has:
 * the C library's own parts, the C++ runtime (Debian's apt needs it; Alpine gets it from the
 * C++ setup of the C/C++ reader) and zlib (dpkg and apk-tools link it).
 */
export const BASE_LIBRARIES: ReadonlySet<string> = new Set(['c', 'm', 'pthread', 'dl', 'rt', 'util', 'resolv', 'crypt', 'stdc++', 'gcc', 'gcc_s', 'z']);

/** Kinds of buildpack-deps packages that only build things. */
const BUILD_KINDS = new Set(['compiler', 'build', 'vcs', 'download', 'archive', 'headers']);

/**
 * Build tools outside buildpack-deps' list, in Debian and Alpine names (and python3,
 * which node-gyp needs to compile native addons); C compilers are `bringsCCompiler`'s.
 */
const OTHER_BUILD_TOOLS = new Set([
  'cmake', 'ninja-build', 'ninja', 'pkg-config', 'pkgconf', 'llvm', 'lld',
  'bison', 'flex', 'protobuf-compiler', 'protoc', 'musl-dev', 'linux-headers', 'libc6-dev', 'git', 'curl', 'wget',
  'unzip', 'zip', 'xz', 'xz-utils', 'bzip2', 'gnupg', 'dirmngr', 'golang', 'golang-go', 'go', 'rustc', 'cargo', 'maven',
  'gradle', 'make', 'autoconf', 'automake', 'libtool', 'patch', 'python3', 'python3-dev',
]);

/** A package the build needs and a runtime does not (unless the runtime calls one of `commands`). */
export function isBuildOnly(name: string): boolean {
  if (OTHER_BUILD_TOOLS.has(name) || bringsCCompiler(name) || /-(?:dev|devel|doc)$/.test(name) || /^gcc-|^g\+\+-|^clang-|^openjdk-\d+-jdk/.test(name)) return true;
  const tool = BUILDPACK_DEPS_TOOLS.find((t) => t.package === name);
  return tool !== undefined && BUILD_KINDS.has(tool.kind);
}

/** The commands a package provides, where the knowledge base knows them (else its own name). */
export function commandsOf(name: string): readonly string[] {
  const tool = BUILDPACK_DEPS_TOOLS.find((t) => t.package === name);
  return tool === undefined || tool.commands.length === 0 ? [name] : tool.commands;
}

/** The RUN that installs `names` in a runtime image with `manager`, cleaning its cache in the same layer. */
export function installLine(manager: PackageManagerName, names: readonly string[]): string | null {
  const list = names.join(' ');
  switch (manager) {
    case 'apt':
      return `RUN apt-get update && apt-get install -y --no-install-recommends ${list} && rm -rf /var/lib/apt/lists/*`;
    case 'apk':
      return `RUN apk add --no-cache ${list}`;
    case 'dnf':
    case 'yum':
    case 'microdnf':
    case 'tdnf':
      return `RUN ${manager} install -y ${list} && ${manager} clean all`;
    default:
      return null;
  }
}
