import type { AppliedChange, RuntimeChange, SizeEffect } from './types.js';
import { colorize } from './diff.js';
import type { ProblemKind, Reported } from './outcome.js';
import type { FileEditResult, FileResult, NewFileResult } from './processFile.js';

export interface Tally {
  files: number;
  changed: number;
  unchanged: number;
  errors: number;
  warnings: number;
  skipped: number;
  /**
   * Changes with a size effect (base-image switches), and by measure how many and the megabytes
   * they expect to save: an estimate. Sizes of the unpacked image and of the compressed download
   * are never added together.
   */
  sized: number;
  savedMb: Record<SizeEffect['measure'], { switches: number; mb: number }>;
}

export function emptyTally(): Tally {
  return { files: 0, changed: 0, unchanged: 0, errors: 0, warnings: 0, skipped: 0, sized: 0, savedMb: { uncompressed: { switches: 0, mb: 0 }, compressed: { switches: 0, mb: 0 } } };
}

const FIELD: Record<Reported, Exclude<keyof Tally, 'files'>> = {
  changed: 'changed',
  unchanged: 'unchanged',
  error: 'errors',
  warning: 'warnings',
  skipped: 'skipped',
};

export function count(tally: Tally, status: Reported, changes: readonly AppliedChange[] = []): void {
  tally.files++;
  tally[FIELD[status]]++;
  // A file that failed may keep the changes it meant to make; they saved nothing.
  if (status !== 'changed') return;
  for (const c of changes) {
    if (c.size === undefined) continue;
    tally.sized++;
    const by = tally.savedMb[c.size.measure];
    by.switches++;
    by.mb += c.size.savedMb;
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The run's last line on stderr: `N files: X changed, Y unchanged, E errors (T s)`,
 * with `, W warnings`, `, S skipped` and `, U not processed` when there are any.
 * Scripts should read `--json`'s summary record rather than this line.
 */
export function summaryLine(t: Tally, seconds: number, notProcessed = 0): string {
  let line = `${plural(t.files, 'file')}: ${t.changed} changed, ${t.unchanged} unchanged, ${plural(t.errors, 'error')}`;
  if (t.warnings > 0) line += `, ${plural(t.warnings, 'warning')}`;
  if (t.skipped > 0) line += `, ${t.skipped} skipped`;
  if (notProcessed > 0) line += `, ${notProcessed} not processed`;
  return `${line} (${seconds.toFixed(2)} s)`;
}

/** The size the run's base-image switches should save, as a line after the summary; null when none has a figure. */
export function sizeLine(t: Tally): string | null {
  if (t.sized === 0) return null;
  const parts = sizeTotals(t).map(({ measure, switches, mb }) => `~${Math.abs(mb)} MB ${mb >= 0 ? 'smaller' : 'larger'} ${measure}${t.sized === switches ? '' : ` (${switches} switch${switches === 1 ? '' : 'es'})`}`);
  return `estimated size effect of ${t.sized} base-image switch${t.sized === 1 ? '' : 'es'}: ${parts.join(', ')} (an estimate from published image sizes; --explain gives each figure and its source)`;
}

/** The size effects of a run, one total per measure that has any, rounded to 0.1 MB. */
export function sizeTotals(t: Pick<Tally, 'savedMb'>): { measure: SizeEffect['measure']; switches: number; mb: number }[] {
  return (['uncompressed', 'compressed'] as const).filter((m) => t.savedMb[m].switches > 0).map((measure) => ({ measure, switches: t.savedMb[measure].switches, mb: Math.round(t.savedMb[measure].mb * 10) / 10 }));
}

/** One line per problem, `path:line: error: message`, as compilers print them. */
export function errorLine(path: string, line: number | null, message: string, severity: 'error' | 'warning' = 'error'): string {
  return `${path}${line === null ? '' : `:${line}`}: ${severity}: ${message}`;
}

/** A file left alone on purpose, and why: `path: skipped: why`. */
export function skipLine(path: string, why: string): string {
  return `${path}: skipped: ${why}`;
}

/** The whole patch of one result: its own diff, then any new and edited context files. */
export function patchOf(result: FileResult): string {
  return result.diff + result.newFiles.map((f) => f.diff).join('') + result.fileEdits.map((e) => e.diff).join('');
}

export function renderPatch(result: FileResult, color: boolean): string {
  const patch = patchOf(result);
  return color && patch !== '' ? colorize(patch) : patch;
}

/** Whose run time a runtime change changes, as a reviewer reads it: \`final image's\`, or \`app image's\` for a published target. */
export function imageOf(r: RuntimeChange): string {
  return r.image === undefined ? "final image's" : `${r.image} image's`;
}

/** `--explain`: each change and each refusal with its transform, line and reason. */
export function explainLines(result: Pick<FileResult, 'path' | 'changes' | 'refusals' | 'newFiles' | 'fileEdits' | 'runtime' | 'inferredContext'>): string[] {
  const lines = [
    ...result.changes.map((c) => ({
      line: c.line,
      text: `${c.transform}${c.tier === 'review' ? ' [review]' : ''}: ${c.message}${c.review === undefined ? '' : ` (review: ${c.review})`}${c.size === undefined ? '' : ` [size: ${c.size.note}]`}`,
    })),
    ...result.refusals.map((r) => ({ line: r.line, text: `${r.transform}: refused (${r.code}): ${r.reason}` })),
  ].sort((a, b) => a.line - b.line);
  const out = lines.map((l) => `${result.path}:${l.line}: ${l.text}`);
  if (result.inferredContext !== undefined) out.unshift(`${result.path}: ${inferredContextSaid(result.inferredContext)}`);
  for (const r of result.runtime) out.push(`${result.path}: ${r.transform} [review]: changes the ${imageOf(r)} ${r.fact}: ${r.before} -> ${r.after}`);
  return [...out, ...result.newFiles.map((f) => contextFileLine(f, result.path)), ...result.fileEdits.map((e) => contextFileLine(e, result.path))];
}

/** What became of a proposal that its line says, after the reason. */
const OUTCOME: Readonly<Record<string, string>> = {
  exists: ' (exists; left alone)',
  stale: ' (changed since it was read; left alone)',
  failed: ' (not written)',
};

/** The statuses of a proposal that is shown (a dry run) or written. */
const SHOWN: ReadonlySet<string> = new Set(['proposed', 'created', 'written']);

/** --explain's line of a new or edited context file (a .dockerignore), naming the Dockerfiles it is for. */
function contextFileLine(f: NewFileResult | FileEditResult, ...dockerfiles: readonly string[]): string {
  const review = f.review === undefined ? '' : ` (review: ${f.review})`;
  const other = f.first?.same === false ? ` (not shown: it reads otherwise than that of ${f.first.by}, which is)` : '';
  return `${f.path}: ${f.transform}${f.tier === 'review' ? ' [review]' : ''}: ${f.message} (for ${listed(dockerfiles)})${review}${OUTCOME[f.status] ?? ''}${other}`;
}

/** `a`, `a and b`, `a, b and c`. */
function listed(names: readonly string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * --explain over a run: every Dockerfile that shares a build context proposes the same
 * .dockerignore (the engine shows and writes the first one, NewFileLedger), which said
 * once per Dockerfile was the same line many times over. Held back until the run ends, each
 * context file is said once per proposal, with the Dockerfiles it is for in the order they
 * were reported (the run's path order); a later proposal of another text is said apart, after
 * the first one's line, so the lines follow the files' order whatever the concurrency.
 */
export class RunExplain {
  private readonly proposals = new Map<string, { readonly first: NewFileResult | FileEditResult; readonly dockerfiles: string[]; readonly others: string[] }>();

  /** The lines to say now for a result; its context files' lines wait for `end`. */
  file(result: Pick<FileResult, 'path' | 'changes' | 'refusals' | 'newFiles' | 'fileEdits' | 'runtime' | 'inferredContext'>): string[] {
    const now = explainLines({ ...result, newFiles: [], fileEdits: [] });
    for (const f of [...result.newFiles, ...result.fileEdits]) {
      const shown = this.proposals.get(f.target);
      if (f.status === 'duplicate' && shown !== undefined) {
        if (f.first?.same === true) shown.dockerfiles.push(result.path);
        else shown.others.push(contextFileLine(f, result.path));
      } else if (SHOWN.has(f.status) && shown === undefined) this.proposals.set(f.target, { first: f, dockerfiles: [result.path], others: [] });
      else now.push(contextFileLine(f, result.path));
    }
    return now;
  }

  /** The context files' lines, in the order first proposed, each followed by the proposals of another text. */
  end(): string[] {
    return [...this.proposals.values()].flatMap((p) => [contextFileLine(p.first, ...p.dockerfiles), ...p.others]);
  }
}

/** Why the run chose the build context it did (inferContext.ts), as --explain says it. */
export function inferredContextSaid(c: NonNullable<FileResult['inferredContext']>): string {
  const another = '(`--context` or a .dockshift.yaml\'s `context:` names another)';
  if (c.by === 'compose') return `build context taken as ${c.path}: service ${c.service} of ${c.file} builds the Dockerfile with it ${another}`;
  const list = (paths: readonly string[]) => paths.slice(0, 2).join(', ') + (paths.length > 2 ? ` and ${paths.length - 2} more` : '');
  const own = c.lacking === undefined ? `holds none of what it copies (${list(c.sources)})` : `lacks some of what it copies (${list(c.lacking)})`;
  const unfound = c.unfound === undefined ? '' : `, leaving out ${list(c.unfound)}, which no folder up to the repository's top holds (a build output, made before the build)`;
  return `build context taken as ${c.path}: the Dockerfile's folder, ${c.folder}, ${own}, and ${c.path} holds it all${unfound} ${another}`;
}

/** The hadolint rules a transform addresses, by its name. */
export type RulesOf = (transform: string) => readonly string[];

/**
 * `--json`: one record per input, a file found or a path given. `status` is how it
 * counts (`warning` and `skipped` come from --on-error=warn and --ignore-unknown);
 * `error` says why when it is not `changed` or `unchanged`. A change's or a
 * refusal's `hadolint` lists the rules its transform addresses.
 */
export function jsonFileRecord(result: FileResult, status: Reported, patchPath: string, rulesOf: RulesOf): string {
  return JSON.stringify({
    type: 'file',
    path: result.path,
    patchPath,
    status,
    changes: result.changes,
    refusals: result.refusals.map(({ transform, line, column, code, reason }) => ({ transform, line, column, hadolint: rulesOf(transform), code, reason })),
    newFiles: result.newFiles.map(({ path, transform, message, status, tier, review }) => ({ path, transform, message, status, tier, ...(review === undefined ? {} : { review }) })),
    fileEdits: result.fileEdits.map(({ path, transform, message, status, tier, review }) => ({ path, transform, message, status, tier, ...(review === undefined ? {} : { review }) })),
    runtime: result.runtime,
    inferredContext: result.inferredContext ?? null,
    error: result.error,
    written: result.written,
    diff: patchOf(result),
  });
}

/** `--json`: the record of a path given on the command line that gave no file to process. */
export function jsonProblemRecord(path: string, kind: ProblemKind, message: string, status: 'error' | 'warning'): string {
  return JSON.stringify({
    type: 'file',
    path,
    patchPath: null,
    status,
    changes: [],
    refusals: [],
    newFiles: [],
    fileEdits: [],
    runtime: [],
    inferredContext: null,
    error: { kind, line: null, message },
    written: false,
    diff: '',
  });
}

export interface RunSummary {
  readonly tally: Tally;
  readonly seconds: number;
  /** Files found but not processed because the run was stopped. */
  readonly notProcessed: number;
  readonly interrupted: NodeJS.Signals | null;
  readonly exitCode: number;
}

/** `--json`: the closing record. */
export function jsonSummaryRecord(s: RunSummary): string {
  const { files, changed, unchanged, errors, warnings, skipped } = s.tally;
  return JSON.stringify({
    type: 'summary',
    files,
    changed,
    unchanged,
    errors,
    warnings,
    skipped,
    notProcessed: s.notProcessed,
    interrupted: s.interrupted,
    exitCode: s.exitCode,
    seconds: Number(s.seconds.toFixed(3)),
  });
}
