/** The VOLUMEs a stage declares, as absolute paths: folders the container is meant to write to. */
import * as path from 'node:path';
import { logicalText } from '../dockerfile/logical.js';
import { PerStage, stageLineage, stageNamed } from '../dockerfile/stages.js';
import type { Instruction, ParsedDockerfile, Stage } from '../dockerfile/types.js';
import type { ShellWord } from '../shell/types.js';
import { properties, variablesAt } from '../dockerfile/variables.js';
import { expandWord } from '../dockerfile/words.js';
import { folderMove, programWords, STAYS } from '../shell/index.js';
import { absoluteFolder, workdirSetBy } from '../dockerfile/workdir.js';
import { isToolSetting } from './builds/environment.js';
import { RUNTIME_WRITE_VARIABLES, UNTOUCHED_BY_INSTALLS } from '../knowledge/toolState.js';
import { recognise } from '../shell/index.js';
import type { BuildContext } from '../engine/context.js';
import { copySteps, imageFoldersOf, type CopyStep } from './copiedFiles.js';
import { baseImageWorkdir, commandPath } from './paths.js';
import { commandsNamed, mkdirOperands, programOf, runScripts, type RunScript } from './runScripts.js';
import { wordWithEnv } from './envWords.js';
import { commandWords, startCommand } from './startCommand.js';

export interface VolumePath {
  readonly path: string;
  readonly inst: Instruction;
}

/** The VOLUME paths of the stage and what it builds on, absolute; unknown ones are skipped. */
export function volumePaths(file: ParsedDockerfile, stage: Stage): VolumePath[] {
  const out: VolumePath[] = [];
  for (const s of stageLineage(file, stage).reverse()) {
    for (const inst of s.instructions) {
      if (inst.keyword !== 'VOLUME' || inst.argsSpan === null) continue;
      const vars = variablesAt(file, inst);
      const words = inst.form === 'exec' ? (inst.execArgs ?? []) : logicalText(file.text, inst.argsSpan.start, inst.argsSpan.end, file.escape).text.trim().split(/\s+/);
      for (const w of words) {
        const value = expandWord(w, (n) => vars.get(n)?.value ?? null, file.escape).value;
        if (value !== null && value.startsWith('/')) out.push({ path: path.posix.normalize(value).replace(/(.)\/$/, '$1'), inst });
      }
    }
  }
  return out;
}

/**
 * Where programs keep what they write while they run (FHS: /var/lib for state, /var/cache,
 * /var/log, /var/spool, and /run for pid files and sockets), and /data, where images keep it by
 * convention (redis's and mongo's /data/db are VOLUMEs; an app's /data/docuseal is its data folder).
 */
const STATE_ROOTS = ['/var/lib', '/var/cache', '/var/log', '/var/spool', '/var/run', '/run', '/data'];

/**
 * The folders there that the system's package and boot tools keep, not an app: also the locales
 * `locale-gen` reads (/var/lib/locales/supported.d) and D-Bus's machine id (/var/lib/dbus), which
 * a Dockerfile writes at build time for the system's sake.
 */
const SYSTEM_STATE = new Set(['apt', 'dpkg', 'apk', 'rpm', 'rpm-state', 'yum', 'dnf', 'tdnf', 'zypp', 'pacman', 'debconf', 'ucf', 'pam', 'systemd', 'ldconfig', 'fontconfig', 'misc', 'alternatives', 'locales', 'dbus', 'man']);

/**
 * An ENV that tells the app where to write: its data, logs, cache or state folder (`QW_DATA_DIR`,
 * `GF_PATHS_LOGS`, `CACHE_PATH`). Variables of libraries named otherwise (`HF_HOME`) are in RUNTIME_WRITE_VARIABLES.
 */
const DATA_VARIABLE = /(?:^|_)(?:DATA|DATADIR|LOGS?|CACHE|STATE|STORAGE)(?:_(?:DIR|PATH|ROOT|FOLDER))?$/i;

/** A folder where the app keeps its state, as the Dockerfile shows it. */
export interface StateFolder {
  /** The folder one level below its root (`/var/lib/vector`), or the one a data ENV names (`/quickwit/qwdata`). */
  readonly path: string;
  readonly inst: Instruction;
  /** How the Dockerfile makes it: `WORKDIR /var/lib/etcd`, `mkdir`, or a COPY into it; for one no step makes, the ENV that names it. */
  readonly how: string;
  /** That instruction names the folder itself (\`COPY --from=build /var/lib/vector /var/lib/vector\`), not a path inside it. */
  readonly itself: boolean;
  /** Why the app may write there, when it is not a data folder by its place or name. */
  readonly why?: string;
  /** No step makes it: only an ENV names it, and the app makes it when it first writes there. */
  readonly unmade?: boolean;
  /** A RUN makes it and no later step puts anything in it: a folder left empty for the app to write in (\`mkdir -p /run/nginx\`). */
  readonly empty?: boolean;
  /** The mkdir names it by a build argument (\`$MEDIA_ROOT\`), read at its default here: a build may make another folder. */
  readonly argument?: string;
}

/**
 * The app's own folder under a state root that holds `p` (`/var/lib/vector/buffer` → `/var/lib/vector`), or null.
 * /data itself is one: no system program shares it, so `WORKDIR /data` is the app's as `/data/app` is.
 */
function stateFolderOf(p: string): string | null {
  if (STATE_ROOTS.includes(p) && !SHARED_FOLDERS.has(p)) return p;
  for (const root of STATE_ROOTS) {
    if (!p.startsWith(`${root}/`)) continue;
    const name = p.slice(root.length + 1).split('/')[0]!;
    return name === '' || name === '.' || name === '..' || SYSTEM_STATE.has(name) ? null : `${root}/${name}`;
  }
  return null;
}

/**
 * A folder a RUN makes and names as the app's data, logs or uploads (\`mkdir /app/data\`, \`mkdir -p /srv/logs\`),
 * which nothing but the running app fills: the folder itself, else null. Not \`cache\`: a tool the
 * build runs may keep one (\`TOOL_HOME=/app/cache\`) that the app only reads.
 */
function dataFolderNamed(p: string): string | null {
  return DATA_FOLDER_NAME.test(path.posix.basename(p)) && !SHARED_FOLDERS.has(p) && path.posix.dirname(p) !== p ? p : null;
}

const DATA_FOLDER_NAME = /^(?:data|db|logs?|uploads?)$/;

/**
 * Folders the system and every program share: a data ENV that names one (`LOG_DIR=/var/log`,
 * `CACHE_DIR=/tmp`) says where the app writes among others, not a folder of its own to give it.
 * Not /data: no system program keeps anything there, so the folder itself is the app's (an image's
 * `WORKDIR /data` or `mkdir /data`), as a folder below it is.
 */
const SHARED_FOLDERS = new Set([...STATE_ROOTS.filter((root) => root !== '/data'), '/var', '/tmp', '/var/tmp', '/usr', '/usr/local', '/usr/share', '/usr/local/share', '/etc', '/opt', '/home', '/root', '/srv', '/mnt', '/media', '/dev', '/proc', '/sys']);

/**
 * The folders the container's command names (\`-d /datastore\`, \`--data-dir=/srv/state\`) that nothing is
 * copied into: a folder a RUN makes empty and hands to the program it starts is one only the running
 * app fills. One the code is copied into (\`--root /srv/app\`) is the app's own, and stays root's.
 */
function commandFolders(file: ParsedDockerfile, stage: Stage): Set<string> {
  const copied = stageLineage(file, stage).flatMap((s) => copySteps(file, s).map((c) => c.dest));
  const holds = (folder: string, p: string | null) => p !== null && (p === folder || p.startsWith(`${folder}/`));
  const named = commandWords(startCommand(file, stage)).map((w) => path.posix.normalize(w.replace(/^--?[\w-]+=/, '')).replace(/(.)\/+$/, '$1'));
  return new Set(named.filter((p) => p.startsWith('/') && !SHARED_FOLDERS.has(p) && path.posix.dirname(p) !== p && !copied.some((d) => holds(p, d))));
}

/** An ENV that names a folder where the app writes. */
interface DataVariable {
  readonly name: string;
  readonly inst: Instruction;
}

/** The folders the stage's ENVs (and those of what it builds on) name as where the app writes, by their last value, with the ENV that names each. */
function dataFolders(file: ParsedDockerfile, stage: Stage): Map<string, DataVariable> {
  const named = new Map<string, { readonly folder: string | null; readonly inst: Instruction }>();
  for (const s of stageLineage(file, stage).reverse()) {
    for (const inst of s.instructions) {
      if (inst.keyword !== 'ENV') continue;
      const vars = variablesAt(file, inst);
      for (const p of properties(file, inst)) {
        // A package manager's cache (`POETRY_CACHE_DIR`, `YARN_CACHE_FOLDER`) is the build's, not the app's data.
        if (!(DATA_VARIABLE.test(p.name) || RUNTIME_WRITE_VARIABLES.has(p.name)) || isToolSetting(p.name) || p.raw === null) continue;
        const value = expandWord(p.raw, (n) => vars.get(n)?.value ?? null, file.escape).value;
        named.set(p.name, { folder: value !== null && /^\/[^:\s]*[^/:\s]$/.test(value) ? path.posix.normalize(value) : null, inst });
      }
    }
  }
  const out = new Map<string, DataVariable>();
  for (const [name, { folder, inst }] of named) {
    if (folder !== null && folder !== '/' && !SHARED_FOLDERS.has(folder) && !out.has(folder)) out.set(folder, { name, inst });
  }
  return out;
}

/**
 * The folders an ENV names as where the app writes that no step makes (\`TRANSFORMERS_CACHE=/cache\`): the app
 * makes one when it first writes there, which in / or a root-owned folder only root may. Not one in the system's
 * trees, one inside a folder already counted, nor one a RUN may fill: a RUN that names it (by its path or its
 * variable), or a RUN after the ENV that runs a program which may read the variable (a model fetched at build time
 * lands there): any but the system's package managers and file tools (SYSTEM_STEPS).
 */
function unmadeDataFolders(file: ParsedDockerfile, stage: Stage, named: ReadonlyMap<string, DataVariable>, found: readonly StateFolder[]): StateFolder[] {
  const out: StateFolder[] = [];
  const scripts = stageLineage(file, stage).flatMap((s) => runScripts(file, s));
  for (const [folder, { name, inst }] of named) {
    if (SYSTEM_TREES.some((t) => folder === t || folder.startsWith(`${t}/`))) continue;
    if (found.some((f) => folder === f.path || folder.startsWith(`${f.path}/`) || f.path.startsWith(`${folder}/`))) continue;
    const mentions = new RegExp(`(?<![\\w.-])${folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.-])|\\$\\{?${name}(?!\\w)`);
    // A RUN that only installs packages fills no folder a library downloads to when the app runs (HF_HOME).
    const leftAlone = (run: RunScript) => onlySystemSteps(run) || (UNTOUCHED_BY_INSTALLS.has(name) && onlyStepsAndInstalls(run));
    if (scripts.some((run) => mentions.test(run.text) || (run.inst.index > inst.index && !leftAlone(run)))) continue;
    out.push({ path: folder, inst, how: `ENV ${name}`, itself: true, unmade: true });
  }
  return out;
}

/**
 * The folders where the app keeps what it writes while it runs, that the stage (and what it builds
 * on) makes or copies into (a WORKDIR, a \`mkdir\`, a COPY or ADD destination): under /var/lib,
 * /var/cache, /var/log, /var/spool, /run and /data (vector's /var/lib/vector, etcd's working folder
 * /var/lib/etcd), or one an ENV names as the app's data, log or cache folder (Quickwit's
 * \`QW_DATA_DIR=/quickwit/qwdata\`). A user other than root must own them. One entry per folder, the
 * first instruction that makes it.
 */
export function stateFolders(file: ParsedDockerfile, stage: Stage): readonly StateFolder[] {
  return stateFoldersOf.of(file, stage);
}

/** Per stage of a parsed file: three checks ask in every pass, and the empty folders read every command of the lineage. */
const stateFoldersOf = new PerStage(readStateFolders);

function readStateFolders(file: ParsedDockerfile, stage: Stage): StateFolder[] {
  const out: StateFolder[] = [];
  // The paths in \`out\`: a file of thousands of mkdirs gives thousands of folders, each looked for before it goes in.
  const listed = new Set<string>();
  const push = (f: StateFolder) => {
    if (listed.has(f.path)) return;
    listed.add(f.path);
    out.push(f);
  };
  const named = dataFolders(file, stage);
  const started = commandFolders(file, stage);
  const { fixed: empty, byArgument } = emptyMadeFolders(file, stage);
  const add = (p: string | null, inst: Instruction, how: string, made = false) => {
    const normal = p === null ? null : path.posix.normalize(p).replace(/(.)\/+$/, '$1');
    const madeFor = (n: string) => dataFolderNamed(n) ?? (started.has(n) || empty.has(n) ? n : null);
    const folder = normal === null ? null : ([...named.keys()].find((n) => normal === n || normal.startsWith(`${n}/`)) ?? stateFolderOf(normal) ?? (made ? madeFor(normal) : null));
    if (folder === null || listed.has(folder)) return;
    // Only a folder that is nothing else the app writes to is noted as the one left empty.
    const leftEmpty = made && folder === normal && empty.has(folder) && dataFolderNamed(folder) === null && !started.has(folder) && stateFolderOf(folder) === null && !named.has(folder);
    push({ path: folder, inst, how, itself: folder === normal, ...(leftEmpty ? { empty: true } : {}) });
  };
  for (const s of stageLineage(file, stage).reverse()) {
    const mkdirs = stageMkdirs(file, s);
    const copies = new Map(copySteps(file, s).map((c) => [c.inst, c]));
    for (const inst of s.instructions) {
      if (inst.keyword === 'WORKDIR') {
        const dir = folderSetBy(file, inst);
        add(dir, inst, `WORKDIR ${dir}`);
      }
      for (const p of mkdirs.get(inst) ?? []) add(p, inst, `the mkdir of ${p}`, true);
      const copy = copies.get(inst);
      if (copy !== undefined && copy.dest !== null) {
        add(copy.dest, inst, `the ${inst.keyword} to ${copy.dest}`);
        // Not the COPY's own destination: its --chown would give the whole app folder, so a RUN gives this one.
        for (const p of copiedDataFolders(file, copy, copy.dest)) {
          push({ path: p, inst, how: `the ${inst.keyword} to ${copy.dest}, with the ${path.posix.basename(p)} folder stage ${copy.from} made`, itself: false });
        }
      }
    }
  }
  for (const f of byArgument) push(f);
  out.push(...unmadeDataFolders(file, stage, named, out));
  const idle = emptyWorkdir(file, stage);
  if (idle !== null && !out.some((f) => f.path === idle.path)) out.push(idle);
  return out;
}

/**
 * Whether a step of the stage, or of one it builds on, before the instruction at \`index\` makes \`folder\`: a RUN's
 * mkdir of it or of a folder inside it (\`RUN mkdir -p /data\` above \`VOLUME /data\`), or a WORKDIR there or below.
 */
export function folderMadeBefore(file: ParsedDockerfile, stage: Stage, folder: string, index: number): boolean {
  const holds = (p: string | null) => p !== null && (p === folder || p.startsWith(`${folder}/`));
  for (const s of stageLineage(file, stage)) {
    const mkdirs = stageMkdirs(file, s);
    for (const inst of s.instructions) {
      if (inst.index >= index) break;
      if (inst.keyword === 'WORKDIR' && holds(folderSetBy(file, inst))) return true;
      if ((mkdirs.get(inst) ?? []).some((p) => holds(path.posix.normalize(p).replace(/(.)\/+$/, '$1')))) return true;
    }
  }
  return false;
}

/** The folders each RUN of the stage makes with mkdir, as absolute paths. */
function stageMkdirs(file: ParsedDockerfile, s: Stage): Map<Instruction, string[]> {
  const mkdirs = new Map<Instruction, string[]>();
  for (const { run, command } of commandsNamed(runScripts(file, s), 'mkdir')) {
    const paths = mkdirs.get(run.inst) ?? [];
    // A relative folder is read from where the RUN's `cd`s before it went.
    const folder = run.parsed === null ? STAYS : folderMove(run.parsed, command);
    for (const w of mkdirOperands(command)) {
      // With what an ENV sets (\`mkdir -p $APP_HOME/media\`); a build argument may be given another value.
      const value = wordWithEnv(file, run.inst, w, run.text);
      if (value === null || value === '') continue;
      const p = commandPath(file, { inst: run.inst, folder }, value);
      if (p !== null) paths.push(p);
    }
    mkdirs.set(run.inst, paths);
  }
  return mkdirs;
}

/**
 * The data folders (\`mkdir -p uploads\` in the app's folder) that the stage a \`COPY --from\` names made inside the
 * folder it copies, at their place under the destination: a build stage that makes them and hands the app's
 * folder over whole (as multi-stage splits a Dockerfile) ships them root's, as a mkdir of the stage itself would.
 * Not with --chown, which gives them to that user already.
 */
function copiedDataFolders(file: ParsedDockerfile, copy: CopyStep, dest: string): string[] {
  const source = copy.sources.length === 1 ? copy.sources[0] : null;
  if (copy.from === null || copy.chown !== null || source === null || source === undefined || !source.startsWith('/')) return [];
  const from = stageNamed(file, copy.from) ?? (/^\d+$/.test(copy.from) ? file.stages[Number(copy.from)] : undefined);
  if (from === undefined) return [];
  const root = path.posix.normalize(source).replace(/(.)\/+$/, '$1');
  const out: string[] = [];
  for (const s of stageLineage(file, from)) {
    for (const paths of stageMkdirs(file, s).values()) {
      for (const p of paths) {
        const made = path.posix.normalize(p).replace(/(.)\/+$/, '$1');
        if (made.startsWith(`${root}/`) && dataFolderNamed(made) !== null) out.push(path.posix.join(dest, made.slice(root.length)));
      }
    }
  }
  return out;
}

/**
 * Folders where a build puts what it makes, which a later step's tool may fill without naming them
 * (Django's \`collectstatic\` fills STATIC_ROOT, a bundler its dist/): after a RUN of anything but the
 * system's steps, such a folder is not taken as left empty; nor after a COPY that filled it (\`public/index.html\`
 * of the project): what the build puts there the app serves or runs, and only reads.
 */
export const BUILD_OUTPUT_NAME = /^(?:static(?:files|_root|root)?|collected_?static|assets|dist|build|public|out|www|bin|lib|vendor|node_modules|target|\.?venv|site-packages)$/i;

/**
 * Folders named for what the app reads, which a mount or a later release fills: its configuration (\`config\`,
 * \`conf.d\`), certificates and keys. Left to root, as read-only inputs are.
 */
const INPUT_NAME = /^(?:conf|config|configs|configuration|settings|certs?|ssl|tls|secrets?|keys?|.+\.d)$/i;

/**
 * A chmod mode that lets a group or every user write: octal with g+w or o+w (775, 1777, 0770), or \`g+w\`, \`o+w\`,
 * \`a+rwx\`, \`go=rwX\` (OpenShift's root group, which the user may be given, is one).
 */
const SHARED_WRITE = /^(?:[0-7]*(?:[2367][0-7]|[0-7][2367])|(?:.*,)?[ugoa]*[goa][ugoa]*[+=][rwxXst]*w.*)$/;

/** Commands that set who may write a folder, not what is in it. */
const OWNER_STEPS = new Set(['chown', 'chgrp', 'chmod']);

/**
 * The folders a RUN of the stage (or what it builds on) makes with mkdir and the build leaves empty: no later
 * mkdir makes a folder inside (\`mkdir -p a/b/c\` leaves only c empty), no later command names a path in it or
 * runs there but chown, chgrp and chmod (\`mkdir /venv && python -m venv /venv\`, \`cd build && cmake ..\`), no
 * COPY or ADD puts anything there, and no RUN of anything but the system's steps follows one whose name is a
 * build's output (\`mkdir staticfiles\` before \`manage.py collectstatic\`). Such a folder exists only for the running
 * app to write in: uploads, caches, pid files and sockets (\`mkdir -p /app/media\`). Not one a WORKDIR makes (an
 * empty working folder is read on its own), one in the system's trees (\`/etc/nginx/conf.d\`, which a mounted
 * configuration fills) unless a WORKDIR there is the app's folder that holds it (\`/usr/src/app/images\`), nor one in /tmp or /var/tmp, the build's scratch space, which every user may write.
 * What a COPY of the build context puts there later is for the caller to check. A COPY before the mkdir may have
 * filled it (\`COPY . .\` of a project holding app/users/images, then \`mkdir -p app/users/images\`): the mkdir is there
 * for the app all the same, to find the folder when it writes there.
 */
function emptyMadeFolders(file: ParsedDockerfile, stage: Stage): { readonly fixed: Set<string>; readonly byArgument: StateFolder[] } {
  /** \`argument\`: the path is a build argument's default, which the build may change. */
  interface Made { readonly path: string; readonly inst: Instruction; readonly at: number; readonly copy?: boolean; readonly argument?: string }
  const lineage = stageLineage(file, stage).reverse();
  const made: Made[] = [];
  /** Paths a step writes in or runs in, with where: a later one fills a folder made before it. */
  const touched: Made[] = [];
  const unread: { readonly inst: Instruction; readonly text: string }[] = [];
  const busy: Made[] = [];
  const stageAt = new Map(lineage.map((s, i) => [s.index, i]));
  /** Where a step stands in the build: its stage in the lineage, its instruction, its command in the RUN. */
  const place = (a: { inst: Instruction; at: number }): Place => [stageAt.get(a.inst.stage) ?? -1, a.inst.index, a.at];
  const workdirs: string[] = [];
  const owned: string[] = [];
  /** Paths an ENV names (\`QW_CONFIG=/quickwit/config/quickwit.yaml\`, \`PIP_CACHE_DIR\`): the folder's use is that one. */
  const told: string[] = [];
  for (const s of lineage) {
    for (const inst of s.instructions) {
      if (inst.keyword === 'WORKDIR') {
        const dir = folderSetBy(file, inst);
        if (dir !== null) workdirs.push(dir);
      }
      if (inst.keyword !== 'ENV') continue;
      const vars = variablesAt(file, inst);
      for (const p of properties(file, inst)) {
        const value = p.raw === null ? null : expandWord(p.raw, (n) => vars.get(n)?.value ?? null, file.escape).value;
        for (const part of value?.split(':') ?? []) if (part.startsWith('/')) told.push(path.posix.normalize(part).replace(/(.)\/+$/, '$1'));
      }
    }
    for (const c of copySteps(file, s)) if (c.dest !== null) touched.push({ path: path.posix.normalize(c.dest).replace(/(.)\/+$/, '$1'), inst: c.inst, at: 0, copy: true });
    for (const run of runScripts(file, s)) {
      if (run.parsed === null) {
        unread.push({ inst: run.inst, text: run.text });
        continue;
      }
      for (const command of run.parsed.commands) {
        const name = programOf(command);
        // The program's arguments, after what runs it (\`sudo\`, \`busybox\` before an applet).
        const args = programWords(command).slice(1);
        const folder = folderMove(run.parsed, command);
        const at = command.start;
        const resolve = (p: string) => commandPath(file, { inst: run.inst, folder }, p);
        if (name === 'mkdir') {
          for (const w of mkdirOperands(command)) {
            // A folder a build argument names (at its default) fills the one holding it, but is not one to give.
            const fixed = wordWithEnv(file, run.inst, w, run.text) !== null;
            const value = wordWithEnv(file, run.inst, w, run.text, true);
            const p = value === null || value === '' ? null : resolve(value);
            if (p !== null) made.push({ path: path.posix.normalize(p).replace(/(.)\/+$/, '$1'), inst: run.inst, at, ...(fixed ? {} : { argument: w.raw }) });
          }
          continue;
        }
        // A bare name too (\`chmod 755 uploads\`, \`tar -xf x.tgz -C dist\`): a path in the folder the command runs in.
        const paths = (w: ShellWord) => {
          // A build argument read at its default: a path it may name counts as filled.
          const value = wordWithEnv(file, run.inst, w, run.text, true)?.replace(/^--?[\w-]+=/, '') ?? null;
          if (value === null || value === '' || value.startsWith('-')) return null;
          const p = resolve(value);
          return p === null ? null : path.posix.normalize(p).replace(/(.)\/+$/, '$1');
        };
        // What a redirection writes (\`echo … > /var/lib/locales/supported.d/local\`), whatever the command.
        for (const r of command.redirects) {
          const p = r.target === null || !/>/.test(r.op) || r.op.endsWith('&') ? null : paths(r.target);
          if (p !== null) touched.push({ path: p, inst: run.inst, at });
        }
        // A folder the Dockerfile gives to an owner (\`chown -R steam /home/steam\`) or opens to a group or every user
        // (\`chmod 1777 /app/tmp\`, \`chmod g+w\`) is its choice; another mode (\`chmod 755 uploads\`) leaves it root's to write.
        if (name !== null && OWNER_STEPS.has(name)) {
          const operands = args.filter((w) => !w.value?.startsWith('-'));
          if (name !== 'chmod' || SHARED_WRITE.test(operands[0]?.value ?? '')) {
            for (const w of operands.slice(1)) {
              const p = paths(w);
              if (p !== null) owned.push(p);
            }
          }
          continue;
        }
        if (name === null && command.words.length === 0) continue;
        const cwd = resolve('.');
        if (cwd !== null) touched.push({ path: cwd, inst: run.inst, at });
        for (const w of args) {
          const p = paths(w);
          if (p !== null) touched.push({ path: p, inst: run.inst, at });
        }
        if (name === null || !SYSTEM_STEPS.has(path.posix.basename(name))) busy.push({ path: '', inst: run.inst, at });
      }
    }
  }
  const inside = (p: string, folder: string) => p === folder || p.startsWith(`${folder}/`);
  const holders = folderChain();
  // Each question below is asked of every folder made, about every step: a file of thousands of mkdirs made them
  // quadratic. What holds for a path holds for each folder holding it, so each is filed once under those.
  const latestIn = new Map<string, Place>();
  for (const t of touched) for (const h of holders(t.path)) latest(latestIn, h, place(t));
  const latestMadeUnder = new Map<string, Place>();
  for (const n of made) for (const h of holders(n.path)) if (h !== n.path) latest(latestMadeUnder, h, place(n));
  const holding = (paths: readonly string[]) => new Set(paths.flatMap((p) => [...holders(p)]));
  const inWorkdirs = holding(workdirs);
  const inTold = holding(told);
  const ownedSet = new Set(owned);
  const appFolders = new Set(workdirs.filter((w) => !SHARED_FOLDERS.has(w) && w !== '/'));
  let lastBusy: Place | null = null;
  for (const b of busy) if (lastBusy === null || later(place(b), lastBusy)) lastBusy = place(b);
  const out = new Set<string>();
  const byArgument: StateFolder[] = [];
  for (const m of made) {
    const f = m.path;
    const at = place(m);
    const above = [...holders(f)];
    // The system's trees hold the app's folder too when a WORKDIR puts it there (node's /usr/src/app): a folder in that is the app's.
    const inApp = above.some((h) => h !== f && appFolders.has(h));
    if (f === '/' || SHARED_FOLDERS.has(f) || ['/tmp', '/var/tmp'].some((t) => inside(f, t)) || (!inApp && SYSTEM_TREES.some((t) => inside(f, t)))) continue;
    if (inWorkdirs.has(f) || above.some((h) => ownedSet.has(h)) || inTold.has(f)) continue;
    if (INPUT_NAME.test(path.posix.basename(f))) continue;
    const madeUnder = latestMadeUnder.get(f);
    if (madeUnder !== undefined && later(madeUnder, at)) continue;
    const touchedIn = latestIn.get(f);
    if (touchedIn !== undefined && later(touchedIn, at)) continue;
    const named = new RegExp(`(?<![\\w.-])${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.-])`);
    if (unread.some((u) => named.test(u.text))) continue;
    if (BUILD_OUTPUT_NAME.test(path.posix.basename(f)) && lastBusy !== null && later(lastBusy, at)) continue;
    if (m.argument === undefined) out.add(f);
    else if (!byArgument.some((b) => b.path === f)) byArgument.push({ path: f, inst: m.inst, how: `the mkdir of ${m.argument}`, itself: true, empty: true, argument: m.argument });
  }
  return { fixed: out, byArgument };
}

/** Where a step stands in the build, compared in order: its stage in the lineage, its instruction, its offset in the RUN. */
type Place = readonly [number, number, number];

function later(x: Place, y: Place): boolean {
  return x[0] !== y[0] ? x[0] > y[0] : x[1] !== y[1] ? x[1] > y[1] : x[2] > y[2];
}

/** Keeps in \`map\` the later of its place for \`key\` and \`at\`. */
function latest(map: Map<string, Place>, key: string, at: Place): void {
  const known = map.get(key);
  if (known === undefined || later(at, known)) map.set(key, at);
}

/**
 * The path and each folder holding it, up to the root (not the root: a path is inside \`/\` only when it is \`/\`).
 * Each folder's path is made once and handed out again: the steps of a chain of relative WORKDIRs each name a path
 * one folder deeper than the last, and a new string for every folder above every one of them (each hashed anew as a
 * key) made a file of 2,500 such steps take seconds.
 */
function folderChain(): (p: string) => Generator<string> {
  const parents = new Map<string, string | null>();
  const parentOf = (p: string): string | null => {
    let parent = parents.get(p);
    if (parent === undefined) {
      const i = p.lastIndexOf('/');
      parent = i > 0 ? p.slice(0, i) : null;
      parents.set(p, parent);
    }
    return parent;
  };
  return function* holders(p: string): Generator<string> {
    for (let h: string | null = p; h !== null; h = parentOf(h)) yield h;
  };
}

/**
 * Programs that read no app's data variable: the system's package managers, account tools and file tools. A RUN of
 * nothing else (\`apt-get install -y libgl1\`, \`useradd app\`) fills no folder an ENV names for the app.
 */
const SYSTEM_STEPS = new Set([
  'apt-get', 'apt', 'apk', 'yum', 'dnf', 'microdnf', 'tdnf', 'zypper', 'dpkg', 'rpm', 'update-ca-certificates', 'ldconfig', 'locale-gen',
  'useradd', 'groupadd', 'adduser', 'addgroup', 'usermod', 'groupmod',
  'mkdir', 'chown', 'chgrp', 'chmod', 'ln', 'rm', 'touch', 'echo', 'printf', 'true', 'set', 'export', 'cd',
]);

/** The RUN's commands are all SYSTEM_STEPS, read as shell. */
function onlySystemSteps(run: RunScript): boolean {
  return run.parsed !== null && run.parsed.commands.every((c) => (c.name === null ? c.words.length === 0 : SYSTEM_STEPS.has(programOf(c) ?? '')));
}

/** The RUN's commands are SYSTEM_STEPS or a package manager's own work (\`pip install -r requirements.txt\`, \`npm ci\`). */
function onlyStepsAndInstalls(run: RunScript): boolean {
  return (
    run.parsed !== null &&
    run.parsed.commands.every((c) => {
      if (c.name === null ? c.words.length === 0 : SYSTEM_STEPS.has(programOf(c) ?? '')) return true;
      const r = recognise(c);
      return r?.kind === 'package' && r.action !== 'other';
    })
  );
}

/** A word that names a file relative to the working folder: a relative path, or a name with an extension. */
const RELATIVE_FILE = /^(?:\.{1,2}\/|[^/$=-][^$=]*\/|[^/$=-][^/$=]*\.[A-Za-z][A-Za-z0-9]*$)/;

/** Trees of the system's own files: a working folder there is not one the app was given to fill. */
const SYSTEM_TREES = ['/usr', '/etc', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/boot', '/root', '/proc', '/sys', '/dev'];

/**
 * The working folder the container starts in, when the stage made it and left it empty: its last
 * WORKDIR comes after every RUN, and nothing is copied into it or written there by name. Its program
 * is elsewhere, so it is the folder the app was given to fill (meilisearch writes ./data.ms where it
 * starts). Not a folder the system or every program shares.
 */
function emptyWorkdir(file: ParsedDockerfile, stage: Stage): StateFolder | null {
  const inst = stage.instructions.findLast((i) => i.keyword === 'WORKDIR');
  if (inst === undefined || stage.instructions.some((i) => i.keyword === 'RUN' && i.index > inst.index)) return null;
  const dir = folderSetBy(file, inst);
  if (dir === null || dir === '/' || SHARED_FOLDERS.has(dir) || SYSTEM_TREES.some((t) => dir === t || dir.startsWith(`${t}/`))) return null;
  const lineage = stageLineage(file, stage);
  const inside = (p: string | null) => p === null || p === dir || p.startsWith(`${dir}/`);
  if (lineage.some((s) => copySteps(file, s).some((c) => inside(c.dest)))) return null;
  // A RUN before the WORKDIR that names the folder (`mkdir -p /srv/data/cache`, `git clone … /srv/data`) may have filled it.
  // As a whole path: `chmod +x /usr/bin/app` does not name /app.
  const named = new RegExp(`(?<![\\w.-])${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.-])`);
  if (lineage.some((s) => runScripts(file, s).some((run) => named.test(run.text)))) return null;
  // A command that runs a file relative to it (`./scripts/entry`, `python app.py`) expects the code there, mounted when it runs.
  if (commandWords(startCommand(file, stage)).some((w) => RELATIVE_FILE.test(w))) return null;
  // Named by an ENV (\`WORKDIR \${SHIORI_DIR}\`), the variable the app reads to find it: the app's data folder, not a guess.
  const told = /^\$\{?([A-Za-z_]\w*)\}?$/.exec(inst.argsSpan === null ? '' : file.text.slice(inst.argsSpan.start, inst.argsSpan.end).trim())?.[1];
  if (told !== undefined && variablesAt(file, inst).get(told)?.kind === 'env') {
    return { path: dir, inst, how: `WORKDIR \${${told}} (${dir}), the folder ENV ${told} names, where nothing is copied`, itself: true };
  }
  return { path: dir, inst, how: `WORKDIR ${dir}, where the container starts and nothing is copied`, itself: true, why: 'the empty working folder the app starts in, where it may write' };
}

/** Files that only keep a folder in git, which holds no empty one: \`.gitkeep\`, \`.keep\`, a \`.gitignore\` of what the app writes there. */
const PLACEHOLDERS = new Set(['.gitkeep', '.keep', '.gitignore', '.placeholder']);

/** Folders of a project that hold no data folder of its own: tools' and dependencies' trees. */
const NOT_APP_FOLDERS = new Set(['.git', 'node_modules', 'vendor', '.venv', 'venv', '__pycache__', 'target']);

/** How deep below the context's root placeholder folders are looked for, and how many folders are listed at most. */
const PLACEHOLDER_DEPTH = 4;
const PLACEHOLDER_LISTINGS = 500;

/**
 * The folders of the build context that a COPY puts in the image empty but for a placeholder (kutt's \`db/.gitkeep\`,
 * Overseerr's \`config/\` of \`.gitkeep\`, \`db/.gitkeep\` and \`logs/.gitkeep\`), named as the app's data, database, logs
 * or uploads or holding such a folder: the project keeps the folder so the running app finds it to write in (its SQLite
 * database, logs, settings). The outermost such folder, where the image holds it; what the ignore file leaves out does
 * not count as content (Overseerr's \`config/*.json\`, a developer's database).
 */
export function placeholderFolders(file: ParsedDockerfile, stage: Stage, ctx: BuildContext | null): StateFolder[] {
  if (ctx === null) return [];
  const found: string[] = [];
  let listings = 0;
  /** Whether \`dir\` holds nothing the build sends but placeholders and such folders; records the outermost data ones. */
  const visit = (dir: string, depth: number): { empty: boolean; data: boolean } => {
    if (++listings > PLACEHOLDER_LISTINGS) return { empty: false, data: false };
    // A placeholder counts whether or not the ignore file sends it (Overseerr's \`**/.gitkeep\`): the folder is sent all the same.
    let kept = false;
    let empty = true;
    let data = dir !== '.' && DATA_FOLDER_NAME.test(path.posix.basename(dir));
    const inner: string[] = [];
    for (const e of ctx.list(dir) ?? []) {
      const name = path.posix.basename(e.path);
      if (e.kind === 'file' && PLACEHOLDERS.has(name)) kept = true;
      else if (!ctx.sends(e.path)) continue;
      else if (e.kind === 'file' || NOT_APP_FOLDERS.has(name) || depth >= PLACEHOLDER_DEPTH) empty = false;
      else {
        const before = found.length;
        const sub = visit(e.path, depth + 1);
        if (sub.empty) kept = true;
        else empty = false;
        data ||= sub.empty && sub.data;
        inner.push(...found.splice(before));
      }
    }
    empty &&= kept;
    if (dir !== '.' && empty && data) found.push(dir);
    else found.push(...inner);
    return { empty, data };
  };
  visit('.', 0);
  return found.flatMap((rel) =>
    imageFoldersOf(file, stage, ctx, rel).map((at): StateFolder => ({ path: at.path, inst: at.inst, how: `the ${at.inst.keyword} of ${rel}/, which the build context keeps empty but for placeholders`, itself: false })),
  );
}

/** The folder a WORKDIR makes current, as an absolute path (null: it depends on a variable or an unknown image WORKDIR). */
function folderSetBy(file: ParsedDockerfile, inst: Instruction): string | null {
  const dir = workdirSetBy(file, inst);
  return absoluteFolder(dir, dir.base === 'image' ? baseImageWorkdir(file, file.stages[inst.stage]!) : null);
}
