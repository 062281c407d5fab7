/**
 * Runs a Dockerfile's RUN bodies the way a build does, to compare what two
 * versions of a file do rather than how they read. Each shell-form RUN is its
 * own `<SHELL> -c <body>` process (the stage's SHELL, `/bin/sh -c` by default),
 * in order, in one fresh folder that stands in for WORKDIR, with HOME inside it
 * `<folder>/bin` first on PATH (a stand-in for /usr/local/bin) and umask 022; the build
 * stops at the first RUN that exits non-zero. The result is what can be seen
 * afterwards: whether and how it stopped, what it printed, and every file.
 *
 * Only for Dockerfiles made of harmless commands (the `sem-*` fixtures):
 * the bodies really run on this machine.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { logicalText } from '../../src/dockerfile/logical.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { shellAt } from '../../src/dockerfile/stages.js';

export interface BuildRun {
  /** How many RUNs ran, the failing one included. */
  readonly runs: number;
  /** Null when every RUN exited 0; else the status of the RUN that stopped the build. */
  readonly failedWith: number | null;
  /** Everything the RUNs printed on standard output, in order; the folder's path reads `$WORKDIR`. */
  readonly stdout: string;
  /** Every path under the folder (relative, sorted) → `dir 755`, `file 644 <contents>`, `link -> <target>`. */
  readonly files: ReadonlyMap<string, string>;
}

/** Shells the harness may start: the bodies it runs are plain POSIX shell. */
const SHELLS = new Set(['/bin/sh', '/bin/dash', '/bin/bash', 'sh', 'dash', 'bash']);

export function runBuild(dockerfile: string): BuildRun {
  const file = parseDockerfile(dockerfile);
  const bodies = file.instructions
    .filter((inst) => inst.keyword === 'RUN')
    .map((inst) => {
      if (inst.form !== 'shell' || inst.argsSpan === null) throw new Error(`line ${inst.line}: only shell-form RUNs can be run here`);
      const argv = shellAt(file, inst).argv;
      if (!SHELLS.has(argv[0] ?? '')) throw new Error(`line ${inst.line}: SHELL ${JSON.stringify(argv)} is not one the harness runs`);
      return { argv, script: logicalText(file.text, inst.argsSpan.start, inst.argsSpan.end, file.escape).text };
    });

  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dockshift-sem-'));
  try {
    fs.mkdirSync(path.join(root, '.home'));
    const env = { PATH: `${root}/bin:/usr/bin:/bin`, HOME: path.join(root, '.home'), LC_ALL: 'C' };
    let stdout = '';
    let runs = 0;
    let failedWith: number | null = null;
    for (const { argv, script } of bodies) {
      runs++;
      // A fixed umask, so modes do not depend on the machine; then the RUN's own shell.
      const result = spawnSync('/bin/sh', ['-c', 'umask 022 && exec "$@"', 'sh', ...argv, script], {
        cwd: root,
        env,
        encoding: 'utf8',
        timeout: 10_000,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      if (result.error) throw result.error;
      stdout += result.stdout;
      const status = result.status ?? 128;
      if (status !== 0) {
        failedWith = status;
        break;
      }
    }
    return { runs, failedWith, stdout: anonymous(stdout, root), files: snapshot(root) };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const rel = path.relative(root, full);
      const stat = fs.lstatSync(full);
      const mode = (stat.mode & 0o7777).toString(8);
      if (stat.isSymbolicLink()) files.set(rel, `link -> ${fs.readlinkSync(full)}`);
      else if (stat.isDirectory()) {
        files.set(rel, `dir ${mode}`);
        walk(full);
      } else files.set(rel, `file ${mode} ${JSON.stringify(anonymous(fs.readFileSync(full, 'utf8'), root))}`);
    }
  };
  walk(root);
  return files;
}

/** The folder's path, which differs from run to run, written as `$WORKDIR`. */
function anonymous(text: string, root: string): string {
  return text.split(root).join('$WORKDIR');
}

/** How two builds differ, one line per difference; empty when they did the same. */
export function differences(before: BuildRun, after: BuildRun): string[] {
  const out: string[] = [];
  if (before.failedWith !== after.failedWith) out.push(`stopped: ${show(before.failedWith)} → ${show(after.failedWith)}`);
  if (before.stdout !== after.stdout) out.push(`stdout: ${JSON.stringify(before.stdout)} → ${JSON.stringify(after.stdout)}`);
  for (const p of new Set([...before.files.keys(), ...after.files.keys()])) {
    const a = before.files.get(p);
    const b = after.files.get(p);
    if (a !== b) out.push(`${p}: ${a ?? 'missing'} → ${b ?? 'missing'}`);
  }
  return out;
}

function show(status: number | null): string {
  return status === null ? 'ran to the end' : `failed with status ${status}`;
}

/** Runs both files and lists how they differ. */
export function compareBuilds(before: string, after: string): string[] {
  return differences(runBuild(before), runBuild(after));
}
