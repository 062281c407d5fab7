import * as fs from 'node:fs';
import type { Io } from './cli.js';
import { discover } from './engine/discover.js';
import { exitCodeOf, reportedStatus, severityOf, type Policy } from './engine/outcome.js';
import { displayPathOf, patchBase, patchPathOf } from './engine/patchPaths.js';
import { NewFileLedger, type FileResult, type FileTask, type WriteMode } from './engine/processFile.js';
import {
  count,
  emptyTally,
  errorLine,
  explainLines,
  jsonFileRecord,
  jsonProblemRecord,
  jsonSummaryRecord,
  patchOf,
  renderPatch,
  sizeLine,
  summaryLine,
} from './engine/report.js';
import { runTasks, type RunnerOptions } from './engine/runner.js';
import { allTransforms, type Selection } from './engine/select.js';

/** A run over files and folders, as the command line asked for it. */
export interface FilesRun {
  readonly paths: readonly string[];
  readonly selection: Selection;
  readonly mode: WriteMode;
  readonly check: boolean;
  readonly json: boolean;
  readonly explain: boolean;
  readonly color: boolean;
  /** `--patch-file`: where to write (resolved from the working folder) and the name to report. */
  readonly patchFile: { readonly path: string; readonly given: string } | null;
  readonly ignorePatterns: readonly string[];
  /** Real path of `--relative-to`, or null for the default base. */
  readonly relativeTo: string | null;
  readonly policy: Policy;
  readonly runner: Pick<RunnerOptions, 'concurrency' | 'inBand'>;
}

/**
 * Finds the files, runs them through the pipeline and reports: the patch (or JSON
 * records) on stdout as each file completes, messages and the summary on stderr.
 * Returns the exit code.
 */
export async function runFiles(run: FilesRun, io: Io): Promise<number> {
  const started = performance.now();
  const found = await discover(run.paths, { cwd: io.cwd, ignorePatterns: run.ignorePatterns });
  const tally = emptyTally();
  for (const p of found.problems) {
    const severity = severityOf(p.kind, run.policy.onError);
    count(tally, severity);
    io.stderr(`${errorLine(p.path, null, p.message, severity)}\n`);
    if (run.json) io.stdout(`${jsonProblemRecord(p.path, p.kind, p.message, severity)}\n`);
  }

  const cwd = fs.realpathSync(io.cwd);
  const base = patchBase(cwd, run.relativeTo);
  const tasks: FileTask[] = found.files.map((f) => ({ path: f.path, display: displayPathOf(f.path, cwd), patchPath: patchPathOf(f.path, base) }));
  const byDisplay = new Map(tasks.map((t, i) => [t.display, { task: t, explicit: found.files[i]!.explicit }]));
  const rules = new Map(allTransforms().map((t) => [t.meta.name, t.meta.hadolint]));
  const rulesOf = (name: string) => rules.get(name) ?? [];
  const patches: string[] = [];

  const ledger = new NewFileLedger(run.mode);
  const onResult = (proposed: FileResult) => {
    const r = ledger.settle(proposed);
    const { task, explicit } = byDisplay.get(r.path)!;
    const status = reportedStatus(r, task.path, explicit, run.policy);
    count(tally, status, r.changes);
    if (r.error !== null && (status === 'error' || status === 'warning')) io.stderr(`${errorLine(r.path, r.error.line, r.error.message, status)}\n`);
    if (run.json) io.stdout(`${jsonFileRecord(r, status, task.patchPath ?? task.display, rulesOf)}\n`);
    else io.stdout(renderPatch(r, run.color));
    if (run.explain) {
      if (status === 'skipped') io.stderr(`${r.path}: skipped: ${r.error!.message}\n`);
      for (const line of explainLines(r)) io.stderr(`${line}\n`);
    }
    if (run.patchFile !== null) patches.push(patchOf(r));
  };
  const processed = io.interrupt?.aborted ? 0 : await runTasks(tasks, run.selection, run.mode, { ...run.runner, signal: stopSignal(run, io) }, onResult);

  if (run.patchFile !== null) {
    try {
      fs.writeFileSync(run.patchFile.path, patches.join(''));
    } catch (err) {
      io.stderr(`${errorLine(run.patchFile.given, null, (err as Error).message)}\n`);
      tally.errors++;
    }
  }
  const interrupted = io.interrupt?.aborted ? (io.interrupt.reason as NodeJS.Signals) : null;
  const notProcessed = tasks.length - processed;
  const seconds = (performance.now() - started) / 1000;
  const exitCode = exitCodeOf(tally, run.check, interrupted);
  if (interrupted !== null) io.stderr(`dockshift: stopped by ${interrupted} after finishing the files in progress\n`);
  io.stderr(`${summaryLine(tally, seconds, notProcessed)}\n`);
  const size = sizeLine(tally);
  if (size !== null) io.stderr(`${size}\n`);
  if (run.json) io.stdout(`${jsonSummaryRecord({ tally, seconds, notProcessed, interrupted, exitCode })}\n`);
  return exitCode;
}

/**
 * What stops the run early: a signal always; stdout closing (`dockshift . | head`)
 * only for a plain dry run, where nothing else would come of the remaining files.
 * --write still writes them, --check still decides the exit code, --patch-file is
 * still completed.
 */
function stopSignal(run: FilesRun, io: Io): AbortSignal | undefined {
  const signals = [io.interrupt];
  if (run.mode === 'dry-run' && !run.check && run.patchFile === null) signals.push(io.stdoutClosed);
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  return present.length === 0 ? undefined : AbortSignal.any(present);
}
