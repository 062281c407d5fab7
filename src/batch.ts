/**
 * A run over files and folders, without printing: find the files, settle what applies
 * to each (configuration, command line), run them through the pipeline (in this thread
 * or in workers) and hand each result on as it completes, in path order. The command
 * line prints what it is handed; the programmatic API collects it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configErrorLine, type SettingsResolver } from './config/resolve.js';
import { discover } from './engine/discover.js';
import { reportedStatus, severityOf, type Policy } from './engine/outcome.js';
import { displayPathOf, patchBase, patchFolderOf, patchPathOf } from './engine/patchPaths.js';
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
  const { resolver } = run;
  const cwd = fs.realpathSync(run.cwd);
  const found = await discover(run.paths, { cwd: run.cwd, ignorePatterns: run.ignorePatterns, ignores: (f) => resolver.ignores(f) });
  const { fatal, broken } = await resolver.prepare(found.files.map((f) => f.path));
  if (fatal !== null) return { ok: false, message: configErrorLine(fatal, (f) => displayPathOf(f, cwd)) };
  const usage = resolver.checkCommandLine();
  if (usage !== null) return { ok: false, message: usage };

  const tally = emptyTally();
  // Told once the run has started, so that a report made then (SARIF, checkstyle…) holds them too.
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
  const contexts = new ContextFinder();
  const noteOf = (file: string, inferred: InferredContext) =>
    inferred.by === 'compose'
      ? { by: inferred.by, file: displayPathOf(inferred.file, cwd), service: inferred.service }
      : { by: inferred.by, folder: displayPathOf(path.dirname(file), cwd), sources: inferred.sources, ...(inferred.lacking === undefined ? {} : { lacking: inferred.lacking }), ...(inferred.unfound === undefined ? {} : { unfound: inferred.unfound }) };
  const tasks = withContextDockerfiles(
    files.map((f): FileTask => {
      const settings = resolver.settingsFor(f.path);
      const display = displayPathOf(f.path, cwd);
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
      return { path: f.path, display, patchPath: patchPathOf(f.path, base), selection: settings.index, ...(context === undefined ? {} : { context }) };
    }),
  );
  const byDisplay = new Map(tasks.map((t, i) => [t.display, { task: t, explicit: files[i]!.explicit }]));
  events.started?.(tasks.length, base);
  for (const p of problems) events.problem(p);

  const ledger = new NewFileLedger(run.mode);
  const processed = run.signal?.aborted
    ? 0
    : await runTasks(tasks, resolver.selections, run.mode, { ...run.runner, ...(run.signal === undefined ? {} : { signal: run.signal }) }, (proposed) => {
        const result = ledger.settle(proposed);
        const { task, explicit } = byDisplay.get(result.path)!;
        const status = reportedStatus(result, task.path, explicit, run.policy);
        count(tally, status, result.changes);
        events.file({ result, status, patchPath: task.patchPath ?? task.display });
      });
  return { ok: true, tally, total: tasks.length, processed, base };
}

/**
 * Tells each task what the run knows of its build context's other Dockerfiles: which of the run's
 * Dockerfiles are built with the same context (under `--context`, wherever they lie), and which files
 * inside it the run builds with another. One object per context, which its tasks share.
 */
function withContextDockerfiles(tasks: readonly FileTask[]): FileTask[] {
  const real = new Map<string, string>();
  const rootOf = (t: FileTask): string => {
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
  const inside = (root: string, file: string): string | null => {
    const rel = path.relative(root, file);
    return rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel) ? null : rel.split(path.sep).join('/');
  };
  const byRoot = new Map<string, { sharing: RunContextDockerfiles['sharing'][number][]; count: number; elsewhere: string[] }>();
  tasks.forEach((t, i) => {
    const root = roots[i]!;
    let known = byRoot.get(root);
    if (known === undefined) byRoot.set(root, (known = { sharing: [], count: 0, elsewhere: [] }));
    if (known.sharing.length <= MAX_CONTEXT_DOCKERFILES) known.sharing.push({ path: t.path, display: t.display, rel: inside(root, t.path) });
    known.count++;
  });
  tasks.forEach((t, i) => {
    for (let dir = path.dirname(t.path); ; dir = path.dirname(dir)) {
      const known = dir === roots[i] ? undefined : byRoot.get(dir);
      if (known !== undefined) known.elsewhere.push(inside(dir, t.path)!);
      if (path.dirname(dir) === dir) break;
    }
  });
  return tasks.map((t, i) => ({ ...t, contextDockerfiles: byRoot.get(roots[i]!)! }));
}
