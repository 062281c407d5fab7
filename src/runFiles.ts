import { isSkipKind } from './engine/failures.js';
import { runBatch } from './batch.js';
import type { Io } from './cli.js';
import type { SettingsResolver } from './config/resolve.js';
import { exitCodeOf, type Policy } from './engine/outcome.js';
import { PatchFile } from './engine/patchFile.js';
import type { WriteMode } from './engine/processFile.js';
import { errorLine, patchOf, RunExplain, sizeLine, skipLine, summaryLine } from './engine/report.js';
import type { RunnerOptions } from './engine/runner.js';
import { Progress } from './progress.js';
import { reporterFor, type Output } from './report/index.js';

/** A run over files and folders, as the command line asked for it. */
export interface FilesRun {
  readonly paths: readonly string[];
  readonly resolver: SettingsResolver;
  readonly mode: WriteMode;
  readonly check: boolean;
  /** What stdout gets: a report format, or the names of files that change (`--list-different`). */
  readonly output: Output;
  readonly explain: boolean;
  readonly color: boolean;
  /** `--quiet`: no summary, no warnings, no progress on stderr; errors still. */
  readonly quiet: boolean;
  /** A progress line on stderr (a terminal). */
  readonly progress: boolean;
  /** `--patch-file`: where to write (resolved from the working folder) and the name to report. */
  readonly patchFile: { readonly path: string; readonly given: string } | null;
  readonly ignorePatterns: readonly string[];
  /** Real path of `--relative-to`, or null for the default base. */
  readonly relativeTo: string | null;
  readonly policy: Policy;
  readonly runner: Pick<RunnerOptions, 'concurrency' | 'inBand'>;
  readonly version: string;
}

/**
 * Finds the files, runs them through the pipeline and reports: the report (a patch by
 * default) on stdout, streamed as each file completes where the format allows;
 * messages, progress and the summary on stderr. Returns the exit code.
 */
export async function runFiles(run: FilesRun, io: Io): Promise<number> {
  const started = performance.now();
  // Replaced once the run has started (see below); this one only serves a run that cannot start.
  let report = reporterFor(run.output, { transforms: [], version: run.version, base: io.cwd, color: run.color });
  const progress = run.progress && !run.quiet ? new Progress(io.stderr, io.stderrColumns ?? 80) : null;
  const out = (text: string) => {
    if (text === '') return;
    progress?.clear();
    io.stdout(text);
  };
  const err = (text: string) => {
    progress?.clear();
    io.stderr(text);
  };
  const patches = run.patchFile === null ? null : new PatchFile(run.patchFile.path);
  const explain = run.explain ? new RunExplain() : null;
  const signal = stopSignal(run, io);

  const outcome = await runBatch(
    {
      paths: run.paths,
      cwd: io.cwd,
      mode: run.mode,
      ignorePatterns: run.ignorePatterns,
      relativeTo: run.relativeTo,
      policy: run.policy,
      runner: run.runner,
      resolver: run.resolver,
      ...(signal === undefined ? {} : { signal }),
    },
    {
      started: (total, base) => {
        // The reporter needs the transforms the run knows (user ones are loaded by now) and the patch base.
        report = reporterFor(run.output, { transforms: run.resolver.known().map((t) => t.meta), version: run.version, base, color: run.color });
        progress?.start(total);
      },
      problem: (p) => {
        if (p.severity === 'error' || !run.quiet) err(`${errorLine(p.path, null, p.message, p.severity)}\n`);
        out(report.problem(p));
      },
      file: (f) => {
        const r = f.result;
        if (r.error !== null && (f.status === 'error' || (f.status === 'warning' && !run.quiet))) err(`${errorLine(r.path, r.error.line, r.error.message, f.status)}\n`);
        out(report.file(f));
        // A generated file or a template is skipped by default, so the run says so; an unknown one only when asked (--ignore-unknown is silent).
        if (f.status === 'skipped' && (run.explain || (!run.quiet && isSkipKind(r.error!.kind)))) err(`${skipLine(r.path, r.error!.message)}\n`);
        for (const line of explain?.file(r) ?? []) err(`${line}\n`);
        patches?.add(patchOf(r));
        progress?.update(f.status);
      },
    },
  );
  progress?.clear();
  for (const line of explain?.end() ?? []) err(`${line}\n`);
  if (!outcome.ok) {
    io.stderr(`dockshift: ${outcome.message}\n`);
    return 2;
  }
  const { tally } = outcome;

  const patchError = patches?.finish() ?? null;
  if (patchError !== null) {
    io.stderr(`${errorLine(run.patchFile!.given, null, patchError.message)}\n`);
    tally.errors++;
  }
  const interrupted = io.interrupt?.aborted ? (io.interrupt.reason as NodeJS.Signals) : null;
  const notProcessed = outcome.total - outcome.processed;
  const seconds = (performance.now() - started) / 1000;
  // --list-different answers "would anything change?" the way --check does.
  const exitCode = exitCodeOf(tally, run.check || (run.output === 'names' && run.mode === 'dry-run'), interrupted);
  if (interrupted !== null) io.stderr(`dockshift: stopped by ${interrupted} after finishing the files in progress\n`);
  if (!run.quiet) {
    io.stderr(`${summaryLine(tally, seconds, notProcessed)}\n`);
    const size = sizeLine(tally);
    if (size !== null) io.stderr(`${size}\n`);
  }
  out(report.end({ tally, seconds, notProcessed, interrupted, exitCode }));
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
