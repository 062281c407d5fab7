import * as fs from 'node:fs';
import * as path from 'node:path';
import { readDockerfile } from './files.js';
import { repositoryAt } from './gitRepository.js';
import type { ListedFolders } from './listedFolders.js';
import { pathBelow } from './pathBelow.js';
import { parseProjectYaml } from './yaml.js';
import { closesHeredoc, heredocsOnLine } from '../dockerfile/heredocs.js';
import { COMPOSE_FILES, COMPOSE_NAME, NOT_PROJECT_FOLDERS, OVERRIDE_FILES, serviceBuild } from '../analysis/compose.js';
import { mergeService, parseOverrideYaml } from '../analysis/composeMerge.js';

/** A build context chosen for a Dockerfile that nothing names one for, and what shows it. */
export type InferredContext =
  /** A compose file of the repository builds it with that context. */
  | { readonly root: string; readonly by: 'compose'; readonly file: string; readonly service: string }
  /**
   * A folder above its own holds what it copies (`sources`, as it names them), where its own folder holds none of
   * it, or, of what its COPY and ADD name, only some: then `lacking` names what the own folder does not hold.
   */
  | {
      readonly root: string;
      readonly by: 'copies';
      readonly sources: readonly string[];
      readonly lacking?: readonly string[];
      /** What it copies that no folder from its own to the repository's top holds (a build output such as \`dist\`): left out. */
      readonly unfound?: readonly string[];
    };

/** Files any folder of a repository may hold for its readers, which say nothing of what a build copies from it. */
const ANY_FOLDERS_FILE = /^(?:README|LICEN[CS]E|COPYING|NOTICE|CHANGELOG|CHANGES|AUTHORS|CONTRIBUTING)(?:\.[\w.-]+)?$/i;

/** Enough sources to tell the folder apart; a file that copies hundreds is not slowed by a stat for each. */
const MAX_SOURCES = 16;

/**
 * The build context of a Dockerfile when neither `--context` nor a configuration names one: its own
 * folder, as `docker build .` beside it takes, unless that folder lacks some of what its COPY and ADD
 * instructions copy from the context, so that a build with it would fail, and a folder above it, up to
 * the top of its git repository (`top`), holds all of it: a monorepo's `docker build -f
 * services/api/Dockerfile .`, or a compose service with `context: .`. The own folder may hold files any
 * folder may (ANY_FOLDERS_FILE), as wger's extras/docker/production holds a README.md beside the Dockerfile
 * that copies the project's README.md, pyproject.toml and wger/. A source that no folder from the own one to
 * the top holds tells none of them apart: it is one the build's caller makes first (zigbee2mqtt's `COPY dist
 * ./dist`, the compiled app, not in a checkout), so it is left out. Null to keep the default: the file copies
 * nothing that names a file (only `.`, globs, variables, other stages, URLs) or only what no folder holds, the
 * own folder holds it all, or one of its other files (package.json beside a lacking .env, which may be made
 * before the build), or no folder holds it all.
 */
export function inferContext(dockerfile: string, text: string, top: string): InferredContext | null {
  const own = path.dirname(dockerfile);
  if (own === top || pathBelow(top, own) === null) return null;
  // The paths a command runs inside a copy of the whole context say where it is only when no COPY names a file.
  const copied = copiedSources(text).slice(0, MAX_SOURCES);
  const named = copied.length > 0 ? copied : commandPathsInContextCopies(text).slice(0, MAX_SOURCES);
  const lacking = named.filter((s) => !exists(own, s));
  if (lacking.length === 0) return null;
  // A command's path may be one the build makes: only a folder that holds none of them is outdone.
  if (lacking.length < named.length && copied.length === 0) return null;
  const above: string[] = [];
  for (let dir = path.dirname(own); ; dir = path.dirname(dir)) {
    above.push(dir);
    if (dir === top || path.dirname(dir) === dir) break;
  }
  // Only COPY and ADD sources: a command's path that no folder holds is one the build itself makes.
  const unfound = copied.length > 0 ? lacking.filter((s) => !above.some((dir) => exists(dir, s))) : [];
  const sources = named.filter((s) => !unfound.includes(s));
  const missing = lacking.filter((s) => !unfound.includes(s));
  if (missing.length === 0) return null;
  // What the folder lacks may be made before the build (a generated or ignored .env): a folder that holds one of the
  // project's own files is the context, one that holds only what any folder may (a README) is not.
  if (sources.some((s) => !missing.includes(s) && !ANY_FOLDERS_FILE.test(path.basename(s)))) return null;
  const found = (dir: string): InferredContext => ({
    root: dir,
    by: 'copies',
    sources,
    ...(missing.length < sources.length ? { lacking: missing } : {}),
    ...(unfound.length > 0 ? { unfound } : {}),
  });
  for (const dir of above) if (sources.every((s) => exists(dir, s))) return found(dir);
  return null;
}

function exists(dir: string, source: string): boolean {
  return fs.statSync(path.join(dir, source), { throwIfNoEntry: false }) !== undefined;
}

/**
 * What the build stages' COPY and ADD instructions copy from the build context, by the paths they
 * name, without `./`, a leading `/` or parent folders that climb out of the context (all are from the
 * context's top: BuildKit reads `../entrypoint.sh` as `entrypoint.sh`), each once. Read with a scan
 * of the lines rather than the parser: the run asks it of every Dockerfile below a repository's top,
 * before any is parsed. Left out: what another stage or image gives (`--from`), URLs and git
 * addresses, paths with a variable or a glob, and `.`, which every folder holds.
 */
export function copiedSources(text: string): string[] {
  const found = new Set<string>();
  for (const { keyword, args } of logicalInstructions(text)) {
    if (keyword === 'COPY' || keyword === 'ADD') for (const source of instructionSources(args)) found.add(source);
  }
  return [...found];
}

/**
 * The files a RUN, CMD or ENTRYPOINT names by an absolute path inside a copy of the whole context, as paths
 * of the context: \`packaging/debian/build.sh\` of \`ADD . /src\` then \`CMD ["/src/packaging/debian/build.sh"]\`
 * (miniflux's, built with \`docker build -f packaging/debian/Dockerfile .\`). A copy to \`.\` lands in the
 * WORKDIR, when that is absolute. A \`./\` path is read from the WORKDIR the command starts in: the stage's last
 * for CMD and ENTRYPOINT (FreshRSS's Docker/Dockerfile: \`WORKDIR /var/www/FreshRSS\`, \`COPY . /var/www/FreshRSS\`,
 * \`ENTRYPOINT ["./Docker/entrypoint.sh"]\`), the one in force for a RUN that does not change folder. Paths with
 * a variable or a glob are left out. Such a path may also be one the build makes, so inferContext reads these
 * only for a file whose COPY and ADD name no file.
 */
export function commandPathsInContextCopies(text: string): string[] {
  const found = new Set<string>();
  let workdir: string | null = null;
  // Per stage: a later stage's \`./bin/server\`, copied from a build stage, is not the context's.
  let copies: string[] = [];
  // CMD and ENTRYPOINT start in the stage's last WORKDIR, which may come after them.
  let startPaths: string[] = [];
  // What a RUN makes is no file of the context, though a later command names it.
  let made = new Set<string>();
  const addInsideCopy = (at: string) => {
    if (made.has(at)) return;
    const inside = copies.find((d) => at.startsWith(d === '/' ? '/' : `${d}/`) && at !== d);
    if (inside !== undefined) found.add(at.slice(inside === '/' ? 1 : inside.length + 1));
  };
  const endStage = () => {
    if (workdir !== null) for (const rel of startPaths) addInsideCopy(path.posix.join(workdir, rel));
    startPaths = [];
  };
  for (const { keyword, args } of logicalInstructions(text)) {
    if (keyword === 'FROM') {
      endStage();
      workdir = null;
      copies = [];
      made = new Set();
    } else if (keyword === 'WORKDIR') {
      const dir = args.trim();
      workdir = dir.startsWith('/') && !/[$]/.test(dir) ? path.posix.normalize(dir) : null;
    } else if (keyword === 'COPY' || keyword === 'ADD') {
      const dest = wholeContextDestination(args, workdir);
      if (dest !== null && !copies.includes(dest)) copies.push(dest);
    } else if (keyword === 'RUN' || keyword === 'CMD' || keyword === 'ENTRYPOINT') {
      const staysInWorkdir = !/\b(?:cd|pushd)\b/.test(args);
      if (keyword === 'RUN') for (const at of pathsMadeBy(args, staysInWorkdir ? workdir : null)) made.add(at);
      for (const m of args.matchAll(/(?<=^|[\s"'[,=])\/[^\s"',\]$*?;&|<>(){}`]+/g)) addInsideCopy(path.posix.normalize(m[0]));
      const relative = [...args.matchAll(/(?<=^|[\s"'[,=])\.\/[^\s"',\]$*?;&|<>(){}`]+/g)].map((m) => m[0]);
      if (keyword !== 'RUN') startPaths.push(...relative);
      else if (workdir !== null && staysInWorkdir) for (const rel of relative) addInsideCopy(path.posix.join(workdir, rel));
    }
  }
  endStage();
  return [...found];
}

/**
 * The absolute paths a RUN creates (\`touch\`, \`mkdir\`, or a \`>\`/\`>>\` redirection): FreshRSS's
 * \`touch /var/www/FreshRSS/Docker/env.txt\`, a file no folder of the repository holds. Relative ones are read
 * from \`workdir\`, and left out when it is null.
 */
function pathsMadeBy(args: string, workdir: string | null): string[] {
  const absolute = (p: string) => (p.startsWith('/') ? path.posix.normalize(p) : workdir === null ? null : path.posix.join(workdir, p));
  const out: string[] = [];
  const add = (word: string) => {
    const at = /^[^$*?`]+$/.test(word) ? absolute(word) : null;
    if (at !== null) out.push(at);
  };
  for (const m of args.matchAll(/(?<![<>&0-9])>>?\s*([^\s;&|<>()"'`]+)/g)) if (!m[1]!.startsWith('&')) add(m[1]!);
  for (const command of args.split(/&&|\|\||[;|]/)) {
    const words = command.trim().split(/\s+/);
    if (words[0] !== 'touch' && words[0] !== 'mkdir') continue;
    for (const word of words.slice(1)) if (!word.startsWith('-') && !/^[<>0-9]/.test(word)) add(word);
  }
  return out;
}

/** The absolute folder a COPY or ADD puts the whole context in (\`COPY . /src\`, \`COPY ./ .\` under an absolute WORKDIR), or null. */
function wholeContextDestination(args: string, workdir: string | null): string | null {
  if (/^\s*(?:--\S+\s+)*--from\b/i.test(args)) return null;
  const words = args.replace(/^(?:\s*--\S+)*\s*/, '').trim().split(/\s+/);
  if (words.length !== 2 || !/^\.\/?$/.test(words[0]!)) return null;
  const dest = words[1]!;
  if (/[$*?]/.test(dest)) return null;
  if (dest.startsWith('/')) return path.posix.normalize(dest).replace(/(.)\/$/, '$1');
  return workdir !== null && /^\.\/?$/.test(dest) ? workdir : null;
}

/**
 * The file's instructions by keyword (upper case) and arguments, each on one line: the lines of an
 * instruction joined where each ends in the escape, comment lines inside left out, heredocs' bodies
 * skipped. Read with a scan of the lines rather than the parser: the run asks it of every Dockerfile
 * below a repository's top, before any is parsed.
 */
function logicalInstructions(text: string): { readonly keyword: string; readonly args: string }[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const escape = escapeOf(lines);
  const out: { keyword: string; args: string }[] = [];
  let heredocEnd: { name: string; chomp: boolean }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (heredocEnd.length > 0) {
      const end = heredocEnd[0]!;
      if (closesHeredoc(lines[i]!, end)) heredocEnd = heredocEnd.slice(1);
      continue;
    }
    let line = lines[i]!;
    if (/^\s*(?:#|$)/.test(line)) continue;
    const parts: string[] = [];
    while (endsInEscape(line, escape) && i + 1 < lines.length) {
      parts.push(line.trimEnd().slice(0, -1));
      i++;
      while (i + 1 < lines.length && /^\s*#/.test(lines[i]!)) i++;
      line = lines[i]!;
    }
    parts.push(line);
    const logical = parts.join(' ');
    heredocEnd = heredocsOnLine(logical, escape);
    // An instruction with a heredoc takes its text from the body, which is not read here.
    if (heredocEnd.length > 0) continue;
    const keyword = /^\s*(\S+)/.exec(logical)?.[1]?.toUpperCase() ?? '';
    out.push({ keyword, args: logical.replace(/^\s*\S+/, '') });
  }
  return out;
}

function escapeOf(lines: readonly string[]): '\\' | '`' {
  // Parser directives come first, before any blank line, comment or instruction.
  for (const line of lines) {
    const directive = /^\s*#\s*([A-Za-z]+)\s*=\s*(\S*)\s*$/.exec(line);
    if (directive === null) break;
    if (directive[1]!.toLowerCase() === 'escape') return directive[2] === '`' ? '`' : '\\';
  }
  return '\\';
}

function endsInEscape(line: string, escape: string): boolean {
  return line.trimEnd().endsWith(escape);
}

function instructionSources(args: string): string[] {
  let words: string[];
  const rest = args.replace(/^(?:\s*--\S+)*\s*/, (flags) => (/--from\b/i.test(flags) ? '\0' : ''));
  if (rest.startsWith('\0')) return [];
  if (rest.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(rest);
      if (!Array.isArray(parsed) || !parsed.every((w) => typeof w === 'string')) return [];
      words = parsed as string[];
    } catch {
      return [];
    }
  } else {
    words = rest.trim().split(/\s+/);
  }
  return words
    .slice(0, -1)
    .filter((w) => !/[$*?[\]{}]|:\/\/|^git@/.test(w))
    // A path that climbs out of the context is taken from its top, as BuildKit strips the parent folders:
    // `COPY ../entrypoint.sh /` copies the context's entrypoint.sh.
    .map((w) => path.posix.normalize(`/${w}`).slice(1).replace(/\/+$/, ''))
    .filter((w) => w !== '' && w !== '.');
}

/**
 * Finds the build context of Dockerfiles on disk (real paths) that nothing names one for, within their
 * git repository: the one a compose file of the repository (in the Dockerfile's folder or one above it)
 * builds it with, when its services that build it agree on one, else inferContext's. Null outside a
 * repository, for its own folder, and when the file cannot be read (its run reports why). One finder
 * serves a run: it keeps what it read of each folder, so a monorepo's Dockerfiles share the look-ups.
 */
export class ContextFinder {
  private readonly tops = new Map<string, string | null>();
  private readonly composeFiles = new Map<string, readonly string[]>();
  private readonly builds = new Map<string, readonly ComposeBuild[]>();
  private readonly below = new Map<string, readonly string[]>();

  /** `listed`: what the run's folder searches saw, which spares a stat per folder looking for a repository's top. */
  constructor(private readonly listed?: ListedFolders) {}

  contextOf(dockerfile: string): InferredContext | null {
    const own = path.dirname(dockerfile);
    const top = this.topOf(own);
    if (top === null) return null;
    const composed = this.composedContext(dockerfile, top);
    if (composed !== null) return composed.root === own ? null : composed;
    if (top === own) return null;
    const read = readDockerfile(dockerfile);
    return read.ok ? inferContext(dockerfile, read.text, top) : null;
  }

  /** The context the compose files that build the Dockerfile give it; null when none builds it or they disagree. */
  private composedContext(dockerfile: string, top: string): InferredContext | null {
    const found: Extract<InferredContext, { by: 'compose' }>[] = [];
    const folders: string[] = [];
    for (let dir = path.dirname(dockerfile); ; dir = path.dirname(dir)) {
      folders.push(dir);
      if (dir === top || path.dirname(dir) === dir) break;
    }
    for (const dir of [...folders, ...this.foldersBelow(top).filter((d) => !folders.includes(d))]) {
      for (const file of this.composeFilesIn(dir)) {
        for (const b of this.buildsOf(file)) if (b.dockerfile === dockerfile) found.push({ root: b.context, by: 'compose', file, service: b.service });
      }
    }
    if (found.length === 0 || !found.every((f) => f.root === found[0]!.root)) return null;
    // The project's file says it, where its override file agrees.
    return found.find((f) => !OVERRIDE_FILES.includes(path.basename(f.file))) ?? found[0]!;
  }

  /** The folders directly below a repository's top, where a project keeps compose files beside its Dockerfiles (\`deploy/\`, \`docker/\`). */
  private foldersBelow(top: string): readonly string[] {
    let folders = this.below.get(top);
    if (folders === undefined) {
      let entries: fs.Dirent[] = [];
      try {
        entries = fs.readdirSync(top, { withFileTypes: true });
      } catch {
        // An unreadable top has no folders we can read.
      }
      const names = entries.filter((e) => e.isDirectory() && !NOT_PROJECT_FOLDERS.has(e.name)).map((e) => e.name);
      this.below.set(top, (folders = names.sort().map((n) => path.join(top, n))));
    }
    return folders;
  }

  private composeFilesIn(dir: string): readonly string[] {
    let files = this.composeFiles.get(dir);
    if (files === undefined) {
      let names: string[] = [];
      try {
        names = fs.readdirSync(dir).filter((n) => COMPOSE_NAME.test(n));
      } catch {
        // An unreadable folder holds no compose file we can read.
      }
      this.composeFiles.set(dir, (files = names.sort().map((n) => path.join(dir, n))));
    }
    return files;
  }

  private buildsOf(file: string): readonly ComposeBuild[] {
    let builds = this.builds.get(file);
    if (builds === undefined) this.builds.set(file, (builds = composeBuilds(file)));
    return builds;
  }

  private topOf(dir: string): string | null {
    const seen: string[] = [];
    let top: string | null | undefined;
    for (let at = dir; ; at = path.dirname(at)) {
      top = this.tops.get(at);
      if (top !== undefined) break;
      seen.push(at);
      const repo = repositoryAt(at, this.listed);
      if (repo !== null) {
        top = repo.top;
        break;
      }
      if (path.dirname(at) === at) {
        top = null;
        break;
      }
    }
    for (const d of seen) this.tops.set(d, top);
    return top;
  }
}

/** A compose service that builds a Dockerfile of the disk: both absolute. */
interface ComposeBuild {
  readonly service: string;
  readonly dockerfile: string;
  readonly context: string;
}

/**
 * The builds a compose file's services name: \`build: ./api\`, or \`build: {context, dockerfile}\` (the
 * Dockerfile from the context, the context from the compose file's folder). Not those whose context is a
 * URL or either path holds a variable, which compose fills from an environment we do not see.
 */
function composeBuilds(file: string): ComposeBuild[] {
  const services = composeServices(file);
  if (services === null) return [];
  const out: ComposeBuild[] = [];
  for (const [service, spec] of Object.entries(services)) {
    const build = serviceBuild(spec);
    if (build === null || /[$]|:\/\/|^git@/.test(build.context) || build.dockerfile.includes('$')) continue;
    const root = path.resolve(path.dirname(file), build.context);
    out.push({ service, context: root, dockerfile: path.resolve(root, build.dockerfile) });
  }
  return out;
}

/**
 * A compose file's services; an override file's merged over the project's file beside it, as compose reads it
 * (its \`build: {target: dev}\` keeps the project's context), or none when compose would not read it (no project
 * file beside it, or another override file before it). An entry the merge cannot read is taken as written.
 */
function composeServices(file: string): Record<string, unknown> | null {
  const services = (f: string, parse: (text: string) => unknown): Record<string, unknown> | null => {
    let doc: unknown;
    try {
      doc = parse(fs.readFileSync(f, 'utf8'));
    } catch {
      return null;
    }
    const all = typeof doc === 'object' && doc !== null ? (doc as { services?: unknown }).services : undefined;
    return typeof all === 'object' && all !== null && !Array.isArray(all) ? (all as Record<string, unknown>) : null;
  };
  if (!OVERRIDE_FILES.includes(path.basename(file))) return services(file, parseProjectYaml);
  const dir = path.dirname(file);
  const isFile = (f: string) => fs.statSync(f, { throwIfNoEntry: false })?.isFile() === true;
  const project = COMPOSE_FILES.map((f) => path.join(dir, f)).find(isFile);
  if (project === undefined || OVERRIDE_FILES.map((f) => path.join(dir, f)).find(isFile) !== file) return null;
  const over = services(file, parseOverrideYaml);
  const plain = services(file, parseProjectYaml);
  if (over === null || plain === null) return null;
  const base = services(project, parseProjectYaml) ?? {};
  return Object.fromEntries(
    Object.entries(over).map(([name, entry]) => {
      const own = base[name];
      const merged = mergeService(typeof own === 'object' && own !== null && !Array.isArray(own) ? (own as Record<string, unknown>) : {}, entry);
      return [name, merged.kind === 'merged' ? merged.spec : plain[name]];
    }),
  );
}
