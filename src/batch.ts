/**
 * A run over files and folders, without printing: find the files, settle what applies
 * to each (configuration, command line), run them through the pipeline (in this thread
 * or in workers) and hand each result on as it completes, in path order. The command
 * line prints what it is handed; the programmatic API collects it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_NAMES } from './config/file.js';
import { configErrorLine, type SettingsResolver } from './config/resolve.js';
import { discover, listedFolders, type DiscoveredFile } from './engine/discover.js';
import type { ListedFolders } from './engine/listedFolders.js';
import { reportedStatus, severityOf, type Policy } from './engine/outcome.js';
import { displayPathOf, patchBase, patchFolderOf, patchPathOf } from './engine/patchPaths.js';
import { pathBelow } from './engine/pathBelow.js';
import { MAX_CONTEXT_DOCKERFILES } from './engine/context.js';
import { ContextFinder, type InferredContext } from './engine/inferContext.js';
import { NewFileLedger, type FileTask, type RunContextDockerfiles, type WriteMode } from './engine/processFile.js';
import { count, emptyTally, type Tally } from './engine/report.js';
import { runTasks, type RunnerOptions } from './engine/runner.js';
import type { ReportedFile, ReportedProblem } from './report/types.js';

export interface BatchRun {
  readonly paths: readonly string[];
  /** The working folder paths are resolved from and messages name files from. */
  readonly cwd: string;
  readonly mode: WriteMode;
  readonly ignorePatterns: readonly string[];
  /** Real path of `--relative-to`, or null for the default base. */
  readonly relativeTo: string | null;
  readonly policy: Policy;
  readonly runner: Pick<RunnerOptions, 'concurrency' | 'inBand'>;
  readonly resolver: SettingsResolver;
  /** Stops the run between files. */
  readonly signal?: AbortSignal;
}

export interface BatchEvents {
  /** The files found, before any is processed. */
  readonly started?: (total: number, base: string) => void;
  readonly problem: (p: ReportedProblem) => void;
  readonly file: (f: ReportedFile) => void;
}

export type BatchOutcome =
  | { readonly ok: true; readonly tally: Tally; readonly total: number; readonly processed: number; readonly base: string }
  /** The run could not start: a configuration or command-line problem, one line. */
  | { readonly ok: false; readonly message: string };

export async function runBatch(run: BatchRun, events: BatchEvents): Promise<BatchOutcome> {
  const planned = await planRun(run);
  if (!planned.ok) return planned;
  const { tally, tasks, explicit, base } = planned;
  const total = tasks.length;
  events.started?.(total, base);
  for (const p of planned.problems) events.problem(p);

  const ledger = new NewFileLedger(run.mode);
  const processed = run.signal?.aborted
    ? 0
    : await runTasks(tasks, run.resolver.selections, run.mode, { ...run.runner, ...(run.signal === undefined ? {} : { signal: run.signal }) }, (proposed, task, i) => {
        const result = ledger.settle(proposed);
        const status = reportedStatus(result, task.path, explicit[i] === 1, run.policy);
        count(tally, status, result.changes);
        events.file({ result, status, patchPath: task.patchPath ?? task.display });
      });
  return { ok: true, tally, total, processed, base };
}

interface PlannedRun {
  readonly ok: true;
  readonly tally: Tally;
  /** Told once the run has started, so that a report made then (SARIF, checkstyle…) holds them too. */
  readonly problems: readonly ReportedProblem[];
  /** Handed to runTasks, which lets go of each once done; what else finding them took is let go of with the plan. */
  readonly tasks: FileTask[];
  /** Whether each task's file was named on the command line (1) or found in a folder (0). */
  readonly explicit: Uint8Array;
  readonly base: string;
}

/** The run's files found and settled, each as a task: its settings, its build context, its paths as shown. */
async function planRun(run: BatchRun): Promise<PlannedRun | { readonly ok: false; readonly message: string }> {
  const { resolver } = run;
  const cwd = fs.realpathSync(run.cwd);
  // What the folder searches list answers most questions planning asks of each folder (a repository's top, a configuration file).
  const listed = listedFolders(CONFIG_NAMES);
  const found = await discover(run.paths, { cwd: run.cwd, ignorePatterns: run.ignorePatterns, ignores: (f) => resolver.ignores(f, listed), listed });
  const { fatal, broken } = await resolver.prepare(found.files.map((f) => f.path));
  if (fatal !== null) return { ok: false, message: configErrorLine(fatal, (f) => displayPathOf(f, cwd)) };
  const usage = resolver.checkCommandLine();
  if (usage !== null) return { ok: false, message: usage };

  const tally = emptyTally();
  const problems: ReportedProblem[] = [];
  for (const p of found.problems) {
    const severity = severityOf(p.kind, run.policy.onError);
    count(tally, severity);
    problems.push({ path: p.path, kind: p.kind, message: p.message, severity });
  }
  // A configuration file that is wrong stops the files it applies to, each reported; the others go on.
  const files = broken.size === 0 ? found.files : found.files.filter((f) => {
    const config = resolver.configPathFor(f.path);
    const problem = config === null ? undefined : broken.get(config);
    if (problem === undefined) return true;
    count(tally, 'error');
    const where = `${displayPathOf(problem.path, cwd)}${problem.line === null ? '' : `:${problem.line}`}`;
    problems.push({ path: displayPathOf(f.path, cwd), kind: 'config', message: `not processed: ${where}: ${problem.key === '' ? '' : `${problem.key}: `}${problem.message}`, severity: 'error' });
    return false;
  });

  const base = patchBase(cwd, run.relativeTo);
  const tasks = planTasks(files, resolver, cwd, base, listed);
  // What finding each file's settings looked up is not needed again: a fleet run would hold it to the end.
  resolver.forgetFolders();
  return { ok: true, tally, problems, tasks, explicit: Uint8Array.from(files, (f) => (f.explicit ? 1 : 0)), base };
}

/**
 * One task per file: its paths as shown and as the patch names them, its settings, its build context,
 * and what the run knows of that context's other Dockerfiles. A fleet run starts holding every one,
 * so each holds only what differs from the defaults, and what is needed to make them (the context
 * finder's listings) is let go once they are made.
 */
function planTasks(files: readonly DiscoveredFile[], resolver: SettingsResolver, cwd: string, base: string, listed: ListedFolders): FileTask[] {
  const contexts = new ContextFinder(listed);
  const noteOf = (file: string, inferred: InferredContext) =>
    inferred.by === 'compose'
      ? { by: inferred.by, file: displayPathOf(inferred.file, cwd), service: inferred.service }
      : { by: inferred.by, folder: displayPathOf(path.dirname(file), cwd), sources: inferred.sources, ...(inferred.lacking === undefined ? {} : { lacking: inferred.lacking }), ...(inferred.unfound === undefined ? {} : { unfound: inferred.unfound }) };
  const tasks = files.map((f): { -readonly [K in keyof FileTask]: FileTask[K] } => {
    const settings = resolver.settingsFor(f.path);
    const display = displayPathOf(f.path, cwd);
    const patchPath = patchPathOf(f.path, base);
    const inferred = settings.context === null ? contexts.contextOf(f.path) : null;
    const root = settings.context ?? inferred?.root ?? null;
    const context =
      root === null
        ? undefined
        : {
            root,
            display: displayPathOf(root, cwd),
            patchPath: patchFolderOf(root, base),
            ...(inferred === null ? {} : { inferred: noteOf(f.path, inferred) }),
          };
    return { path: f.path, display, patchPath: patchPath === display ? undefined : patchPath, selection: settings.index, context, contextDockerfiles: undefined };
  });
  const known = contextDockerfiles(tasks);
  tasks.forEach((t, i) => (t.contextDockerfiles = known[i]!));
  return tasks;
}

/**
 * What the run knows of each task's build context's other Dockerfiles: which of the run's
 * Dockerfiles are built with the same context (under `--context`, wherever they lie), and which files
 * inside it the run builds with another. One object per context, which its tasks share.
 */
function contextDockerfiles(tasks: readonly Pick<FileTask, 'path' | 'display' | 'context'>[]): RunContextDockerfiles[] {
  const real = new Map<string, string>();
  const rootOf = (t: Pick<FileTask, 'path' | 'context'>): string => {
    if (t.context === undefined) return path.dirname(t.path);
    let r = real.get(t.context.root);
    if (r === undefined) {
      try {
        r = fs.realpathSync(t.context.root);
      } catch {
        r = t.context.root;
      }
      real.set(t.context.root, r);
    }
    return r;
  };
  const roots = tasks.map(rootOf);
  const byRoot = new Map<string, { sharing: RunContextDockerfiles['sharing'][number][]; count: number; elsewhere: string[] }>();
  tasks.forEach((t, i) => {
    const root = roots[i]!;
    const entry = { path: t.path, display: t.display, rel: pathBelow(root, t.path) };
    const known = byRoot.get(root);
    // Made with its first entry: most contexts hold one Dockerfile, and an array grown from empty takes room for many.
    if (known === undefined) byRoot.set(root, { sharing: [entry], count: 1, elsewhere: [] });
    else {
      if (known.sharing.length <= MAX_CONTEXT_DOCKERFILES) known.sharing.push(entry);
      known.count++;
    }
  });
  tasks.forEach((t, i) => {
    for (let dir = path.dirname(t.path); ; dir = path.dirname(dir)) {
      const known = dir === roots[i] ? undefined : byRoot.get(dir);
      if (known !== undefined) known.elsewhere.push(pathBelow(dir, t.path)!);
      if (path.dirname(dir) === dir) break;
    }
  });
  return roots.map((root) => byRoot.get(root)!);
}
