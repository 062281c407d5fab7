import * as fs from 'node:fs';
import * as path from 'node:path';
import { openBuildContext, type BuildContext, type ContextDockerfiles, type SharingDockerfile } from './context.js';
import { fileModeOf, gitDiff, newFileDiff } from './diff.js';
import { pipelineFailureKind, type FailureKind, type FileFailure } from './failures.js';
import { createExclusive, describeFsError, isFile, readDockerfile, replaceIfUnchanged, writeAtomic } from './files.js';
import { generatedFrom, generatedFromMessage, generatedHeader, generatedMessage } from './generated.js';
import { templateSkip } from './template.js';
import { otherFrontend, otherFrontendMessage } from './frontend.js';
import { blobFormOf } from './gitIndex.js';
import { hadolintConfigFor } from './hadolintConfig.js';
import { runPipeline } from './pipeline.js';
import { fixOf, type ChangedRegion, type Fix } from './regions.js';
import { LineIndex } from '../dockerfile/text.js';
import type { AppliedChange, ConfiguredTransform, FileError, ReportedRefusal, RuntimeChange, Tier } from './types.js';

export interface FileTask {
  /** Absolute path. */
  readonly path: string;
  /** Path as shown in messages: relative to the working folder, `/`-separated. */
  readonly display: string;
  /** Path as named in the patch (see patchPaths.ts); defaults to `display`. */
  readonly patchPath?: string;
  /**
   * The build context root (absolute), how it is shown and how the patch names it;
   * default: the Dockerfile's folder.
   */
  readonly context?: { readonly root: string; readonly display: string; readonly patchPath?: string; readonly inferred?: InferredContextNote };
  /** Which of the run's selections applies (see worker.ts's Batch); default 0. */
  readonly selection?: number;
  /** The run's other Dockerfiles of the same build context: one object per context, shared by its tasks. */
  readonly contextDockerfiles?: RunContextDockerfiles;
}

/**
 * Why the run builds a Dockerfile with a context it chose (inferContext.ts), paths as shown: a compose
 * file's service builds it so, or its own folder lacks sources it copies (`lacking`, when it holds the others).
 */
export type InferredContextNote =
  | { readonly by: 'compose'; readonly file: string; readonly service: string }
  | { readonly by: 'copies'; readonly folder: string; readonly sources: readonly string[]; readonly lacking?: readonly string[]; readonly unfound?: readonly string[] };

/** The build context the run chose for a Dockerfile, as shown, and why. */
export type InferredContextRecord = { readonly path: string } & InferredContextNote;

/** What the run knows of the Dockerfiles built with one build context (batch.ts), as plain data. */
export interface RunContextDockerfiles {
  /**
   * The run's Dockerfiles built with it (absolute path, as shown, and the path in the context, or null
   * when the file lies outside it); at most MAX_CONTEXT_DOCKERFILES + 1.
   */
  readonly sharing: readonly { readonly path: string; readonly display: string; readonly rel: string | null }[];
  readonly count: number;
  /** Context-relative paths of the run's files inside the context that are built with another one. */
  readonly elsewhere: readonly string[];
}

/** What the run allows, the same for every file. */
export interface RunSettings {
  readonly mode: WriteMode;
  readonly tier?: Tier;
  /** Rewrite generated files too (see generated.ts); default: leave them alone. */
  readonly includeGenerated?: boolean;
}

export type WriteMode = 'dry-run' | 'write';

export interface NewFileResult {
  /** As shown to the user. */
  readonly path: string;
  /** Absolute path of the file to create. */
  readonly target: string;
  readonly transform: string;
  readonly message: string;
  readonly content: string;
  /** `review`: the file changes what is built; `review` says what to check. */
  readonly tier: Tier;
  readonly review?: string;
  /**
   * proposed: dry run; created: written; exists: left alone, never overwritten;
   * duplicate: another Dockerfile of the run proposed the same file first;
   * failed: the write failed (the record's error says why).
   */
  readonly status: 'proposed' | 'created' | 'exists' | 'duplicate' | 'failed';
  readonly diff: string;
  /** A duplicate's first proposal: see {@link FirstProposal}. */
  readonly first?: FirstProposal;
}

/**
 * Of a duplicate proposal: the Dockerfile that proposed the file first, and whether this one
 * proposes the same text (what is shown and written is the first one's).
 */
export interface FirstProposal {
  readonly by: string;
  readonly same: boolean;
}

export interface FileEditResult {
  /** As shown to the user. */
  readonly path: string;
  /** Absolute path of the file to edit. */
  readonly target: string;
  readonly transform: string;
  readonly message: string;
  readonly before: string;
  readonly after: string;
  readonly tier: Tier;
  readonly review?: string;
  /**
   * proposed: dry run; written: replaced; stale: the file no longer reads as the transform
   * saw it, left alone; duplicate: another Dockerfile of the run proposed an edit of it first;
   * failed: the write failed (the record's error says why).
   */
  readonly status: 'proposed' | 'written' | 'stale' | 'duplicate' | 'failed';
  readonly diff: string;
  /** A duplicate's first proposal: see {@link FirstProposal}. */
  readonly first?: FirstProposal;
}

export interface FileResult {
  readonly path: string;
  /** skipped: left alone on purpose, with why in `error` (a generated file). */
  readonly status: 'changed' | 'unchanged' | 'error' | 'skipped';
  readonly changes: readonly AppliedChange[];
  readonly refusals: readonly ReportedRefusal[];
  readonly newFiles: readonly NewFileResult[];
  readonly fileEdits: readonly FileEditResult[];
  readonly runtime: readonly RuntimeChange[];
  readonly diff: string;
  /** The changes as replacements of the original file, by line and column (SARIF fixes). */
  readonly fixes: readonly Fix[];
  readonly error: FileFailure | null;
  readonly written: boolean;
  /** The build context the run chose, when nothing named one and the Dockerfile's folder cannot be it. */
  readonly inferredContext?: InferredContextRecord;
  /**
   * Under --write, the Dockerfile's new text when the files it proposes in the build context are to
   * be written first: `NewFileLedger` writes it once they are, so nothing is left half-applied.
   */
  readonly pending?: { readonly target: string; readonly output: string; readonly mode: number };
}

/** The result of a file that could not be processed: left as it was, with why. */
export function failedResult(task: FileTask, kind: FileFailure['kind'], error: FileError): FileResult {
  return { path: task.display, status: 'error', changes: [], refusals: [], newFiles: [], fileEdits: [], runtime: [], diff: '', fixes: [], error: { kind, ...error }, written: false };
}

/**
 * Reads, transforms, diffs and (with `write`) replaces one file. Never throws.
 * New files and edits of context files are only proposed here: `NewFileLedger` settles
 * them in the main thread, in path order, so one context gets one proposal whatever the
 * threads do.
 */
export function processFile(task: FileTask, transforms: readonly ConfiguredTransform[], settings: RunSettings | WriteMode): FileResult {
  const { mode, tier, includeGenerated = false } = typeof settings === 'string' ? { mode: settings, tier: undefined } : settings;
  const failed = (kind: FileFailure['kind'], error: FileError) => failedResult(task, kind, error);
  let stage: FailureKind = 'transform'; // what an exception means
  try {
    const read = readDockerfile(task.path);
    if (!read.ok) return failed(read.kind, { line: null, message: read.message });
    const generated = includeGenerated ? null : generatedHeader(read.text);
    if (generated !== null) return { ...failed('generated', { line: generated.line, message: generatedMessage(generated) }), status: 'skipped' };
    const context = task.context ?? { root: path.dirname(task.path), display: path.posix.dirname(task.display) };
    const buildContext = openBuildContext(context.root, task.path);
    // The context's root is most often the Dockerfile's folder, whose listing the run reads anyway.
    const rootNames = (dir: string) => (buildContext !== null && dir === buildContext.root ? (buildContext.list('.')?.map((e) => e.path) ?? null) : null);
    const madeFrom = includeGenerated ? null : generatedFrom(task.path, read.text, rootNames);
    if (madeFrom !== null) return { ...failed('generated', { line: null, message: generatedFromMessage(madeFrom) }), status: 'skipped' };
    const frontend = otherFrontend(read.text);
    if (frontend !== null) return { ...failed('frontend', { line: frontend.line, message: otherFrontendMessage(frontend) }), status: 'skipped' };
    const hadolint = hadolintConfigFor(path.dirname(task.path));
    // Shown where the Dockerfile is shown from, so a message names a path the user can open.
    const shown = (file: string) => path.posix.normalize(path.posix.join(path.posix.dirname(task.display), path.relative(path.dirname(task.path), file).split(path.sep).join('/')));
    if (!hadolint.ok) {
      // A wrong configuration, as a wrong .dockshift.yaml is: not a property of the Dockerfile, so
      // --on-error=warn does not make it a warning, and `line` (the Dockerfile's) stays null.
      return failed('config', { line: null, message: `hadolint configuration ${shown(hadolint.path)}${hadolint.line === null ? '' : `:${hadolint.line}`}: ${hadolint.message}` });
    }
    const contextDockerfiles = task.contextDockerfiles === undefined || buildContext === null ? null : contextDockerfilesOf(task.contextDockerfiles, buildContext);
    const result = runPipeline(read.text, transforms, { path: task.display, buildContext, contextDockerfiles, tier, ignoredRules: hadolint.config?.ignored ?? [], hadolintConfig: hadolint.config === null ? null : shown(hadolint.config.path) });
    if (!result.ok) {
      const kind = pipelineFailureKind(read.text);
      const template = kind === 'transform' ? null : templateSkip(task.display, read.text, result.error);
      if (template !== null) return { ...failed('template', template), status: 'skipped' };
      return failed(kind, result.error);
    }

    const changed = result.output !== read.text;
    // The Dockerfile's rewrite may rely on the files it proposes (deps-first on the .dockerignore
    // that leaves node_modules out): with any, it is written after them, in NewFileLedger.
    const deferred = changed && mode === 'write' && (result.newFiles.length > 0 || result.fileEdits.length > 0);
    stage = 'write';
    if (changed && mode === 'write' && !deferred) writeAtomic(task.path, result.output, read.mode);
    const patchPath = task.patchPath ?? task.display;
    const contextPatchPath = task.context === undefined ? path.posix.dirname(patchPath) : (task.context.patchPath ?? task.context.display);
    const newFiles = result.newFiles.map((f): NewFileResult => {
      const display = path.posix.join(context.display, f.path);
      const target = path.join(context.root, ...f.path.split('/'));
      const exists = fs.existsSync(target);
      return {
        path: display,
        target,
        transform: f.transform,
        message: f.message,
        content: f.content,
        tier: f.tier,
        ...(f.review === undefined ? {} : { review: f.review }),
        status: exists ? 'exists' : 'proposed',
        diff: exists ? '' : newFileDiff(path.posix.join(contextPatchPath, f.path), f.content),
      };
    });
    const fileEdits = result.fileEdits.map((e): FileEditResult => {
      const display = path.posix.join(context.display, e.path);
      const target = path.join(context.root, ...e.path.split('/'));
      const current = readDockerfile(target);
      const stale = !current.ok || current.text !== e.before;
      const base = { path: display, target, transform: e.transform, message: e.message, before: e.before, after: e.after, tier: e.tier, ...(e.review === undefined ? {} : { review: e.review }) };
      return stale ? { ...base, status: 'stale', diff: '' } : { ...base, status: 'proposed', diff: gitDiff(path.posix.join(contextPatchPath, e.path), e.before, e.after, '100644', blobFormOf(realTarget(target), e.before)) };
    });
    return {
      path: task.display,
      status: changed || newFiles.some((f) => f.status === 'proposed') || fileEdits.some((e) => e.status === 'proposed') ? 'changed' : 'unchanged',
      changes: result.changes,
      refusals: result.refusals,
      newFiles,
      fileEdits,
      runtime: result.runtime,
      diff: gitDiff(patchPath, read.text, result.output, fileModeOf(read.mode), changed ? blobFormOf(task.path, read.text) : 'as-is'),
      fixes: result.regions.length === 0 ? [] : fixesOf(read.text, result.regions),
      error: null,
      written: changed && mode === 'write' && !deferred,
      ...(task.context?.inferred === undefined ? {} : { inferredContext: { path: context.display === '' ? '.' : context.display, ...task.context.inferred } }),
      ...(deferred ? { pending: { target: task.path, output: result.output, mode: read.mode } } : {}),
    };
  } catch (err) {
    return failed(stage, { line: null, message: (err as Error).message });
  }
}

/** A context file's real path, as the git index names it from the repository's real top. */
function realTarget(target: string): string {
  try {
    return fs.realpathSync(target);
  } catch {
    return target;
  }
}

/**
 * The run's data made readable, once per context and thread: its tasks share the object. By
 * context first: what is made reads the context, and the run's data lives as long as the run's
 * task list, so keyed by that alone it kept every context of the run, with its listings and the
 * files it read (a fleet run grew by some 3 KB a file, without end).
 */
const readable = new WeakMap<BuildContext, WeakMap<RunContextDockerfiles, ContextDockerfiles>>();

/**
 * The transforms' view of what the run knows of a context's Dockerfiles. One with its own
 * `<name>.dockerignore` does not read the root's, so it is left out (as BuildKit reads it).
 */
function contextDockerfilesOf(run: RunContextDockerfiles, ctx: BuildContext): ContextDockerfiles {
  let byRun = readable.get(ctx);
  if (byRun === undefined) readable.set(ctx, (byRun = new WeakMap()));
  let known = byRun.get(run);
  if (known === undefined) {
    const sharing = run.sharing.flatMap((d): SharingDockerfile[] => {
      if (d.rel !== null) return ctx.kind(`${d.rel}.dockerignore`) === 'file' ? [] : [{ name: d.rel, read: () => ctx.read(d.rel!) }];
      if (isFile(`${d.path}.dockerignore`)) return [];
      // Read once per thread, as the context's own files are: every Dockerfile of the context asks, on every pass.
      let text: string | null | undefined;
      const read = () => {
        if (text === undefined) {
          const r = readDockerfile(d.path);
          text = r.ok ? r.text : null;
        }
        return text;
      };
      return [{ name: d.display, read }];
    });
    byRun.set(run, (known = { sharing, count: run.count, elsewhere: new Set(run.elsewhere) }));
  }
  return known;
}

function fixesOf(text: string, regions: readonly ChangedRegion[]): Fix[] {
  const lines = new LineIndex(text);
  const bom = text.charCodeAt(0) === 0xfeff;
  return regions.map((r) => fixOf(r, lines, bom));
}

/** What became of the first proposal of a context file: the status it was settled with. */
interface Claim {
  /** The Dockerfile that proposed it first. */
  readonly by: string;
  /** The text it proposed: the new file's, or the edited file's after the edit. */
  readonly text: string;
  status: NewFileResult['status'] | FileEditResult['status'];
}

/**
 * Settles new-file and file-edit proposals across a run, in the order results are
 * reported: the first proposal of a path wins (created or edited under --write, shown
 * in a dry run), later ones of the same path are marked `duplicate` and drop out of
 * the patch. Under --write the proposed files are written before the Dockerfile whose
 * rewrite may rely on them, and it only once they are: one that cannot be written, or
 * changed since it was read, leaves the Dockerfile as it was, and the record is an error.
 * A rewrite whose proposal is a duplicate relies on the first proposer's write: it is
 * written only when the file now reads as it proposed.
 */
export class NewFileLedger {
  private readonly claims = new Map<string, Claim>();

  constructor(private readonly mode: WriteMode) {}

  settle(result: FileResult): FileResult {
    if (result.newFiles.length === 0 && result.fileEdits.length === 0) return result;
    const mine: { target: string; claim: Claim }[] = [];
    const claim = <T extends NewFileResult | FileEditResult>(f: T): T => {
      const text = 'content' in f ? f.content : f.after;
      // A file this run created reads as existing to a later Dockerfile processed after it.
      const first = this.claims.get(f.target);
      if (first !== undefined && first.by !== result.path) {
        return { ...f, status: 'duplicate', diff: '', message: `${f.message} (also proposed for ${first.by})`, first: { by: first.by, same: first.text === text } };
      }
      if (f.status === 'proposed' && first === undefined) {
        const c: Claim = { by: result.path, text, status: 'proposed' };
        this.claims.set(f.target, c);
        mine.push({ target: f.target, claim: c });
      }
      return f;
    };
    const claimed = { ...result, newFiles: result.newFiles.map(claim), fileEdits: result.fileEdits.map(claim) };
    const settled = this.mode === 'write' ? this.write(claimed) : withStatus(claimed);
    // Recorded for later proposers of the same files, which rely on what became of them. A file
    // left unwritten (its Dockerfile could not be written, say) is no one's yet: the next proposer writes it.
    for (const { target, claim: c } of mine) {
      const outcome = [...settled.newFiles, ...settled.fileEdits].find((f) => f.target === target && f.status !== 'duplicate');
      if (outcome?.status === 'failed') this.claims.delete(target);
      else if (outcome !== undefined) c.status = outcome.status;
    }
    return settled;
  }

  private write(result: FileResult): FileResult {
    let { newFiles, fileEdits } = result;
    const { pending, ...rest } = result;
    /** The record of a write that did not happen: what was still to write is `failed`, and out of the patch. */
    const unwritten = (message: string, dockerfile = false): FileResult => {
      const notWritten = <T extends { readonly status: string; readonly diff: string }>(f: T): T => (f.status === 'proposed' ? { ...f, status: 'failed', diff: '' } : f);
      const error = { kind: 'write' as const, line: null, message: pending === undefined || dockerfile ? message : `${message}; ${result.path} left unchanged` };
      return { ...rest, changes: [], refusals: [], runtime: [], newFiles: newFiles.map(notWritten), fileEdits: fileEdits.map(notWritten), status: 'error', diff: '', fixes: [], written: false, error };
    };
    const stale = fileEdits.find((e) => e.status === 'stale');
    if (pending !== undefined && stale !== undefined) return unwritten(`${stale.path}: changed since it was read, so the edit it needs was not made`);
    if (pending !== undefined) {
      // A duplicate was the first proposer's to write: the rewrite goes ahead only on what it proposed.
      const missing = [...newFiles.map((f) => ({ ...f, proposed: f.content })), ...fileEdits.map((e) => ({ ...e, proposed: e.after }))].find((f) => f.status === 'duplicate' && !readsAs(f.target, f.proposed));
      if (missing !== undefined) return unwritten(`${missing.path}: ${this.notAsProposed(missing.target)}`);
    }
    // Whatever cannot be written is known before anything is: then nothing is.
    if (pending !== undefined) {
      const problem = unwritable(pending.target, true);
      if (problem !== null) return unwritten(problem, true);
    }
    const targets = [...newFiles.filter((f) => f.status === 'proposed').map((f) => ({ path: f.path, target: f.target, exists: false })), ...fileEdits.filter((e) => e.status === 'proposed').map((e) => ({ path: e.path, target: e.target, exists: true }))];
    for (const t of targets) {
      const problem = unwritable(t.target, t.exists);
      if (problem !== null) return unwritten(`${t.path}: ${problem}`);
    }
    let failure: string | null = null;
    newFiles = newFiles.map((f): NewFileResult => {
      if (f.status !== 'proposed' || failure !== null) return f;
      try {
        const status = createExclusive(f.target, f.content);
        return { ...f, status, diff: status === 'created' ? f.diff : '' };
      } catch (err) {
        failure = `${f.path}: ${(err as Error).message}`;
        return { ...f, status: 'failed', diff: '' };
      }
    });
    fileEdits = fileEdits.map((e): FileEditResult => {
      if (e.status !== 'proposed' || failure !== null) return e;
      try {
        const status = replaceIfUnchanged(e.target, e.before, e.after);
        if (status === 'stale' && pending !== undefined) failure = `${e.path}: changed since it was read, so the edit it needs was not made`;
        return { ...e, status, diff: status === 'written' ? e.diff : '' };
      } catch (err) {
        failure = `${e.path}: ${(err as Error).message}`;
        return { ...e, status: 'failed', diff: '' };
      }
    });
    if (failure !== null) return unwritten(failure);
    if (pending === undefined) return withStatus({ ...rest, newFiles, fileEdits });
    try {
      writeAtomic(pending.target, pending.output, pending.mode);
    } catch (err) {
      // Too late to hold the context files back (ENOSPC, EIO after the checks): the record keeps
      // the changes that were not made, and says which files were.
      const made = [...newFiles.filter((f) => f.status === 'created'), ...fileEdits.filter((e) => e.status === 'written')].map((f) => f.path);
      const message = made.length === 0 ? (err as Error).message : `${(err as Error).message}; ${made.join(', ')} ${made.length === 1 ? 'was' : 'were'} written before it`;
      return { ...rest, newFiles, fileEdits, status: 'error', diff: '', written: false, error: { kind: 'write', line: null, message } };
    }
    return withStatus({ ...rest, newFiles, fileEdits, written: true });
  }

  /** Why a file proposed first by another Dockerfile does not read as a later proposal of it needs. */
  private notAsProposed(target: string): string {
    const first = this.claims.get(target)!;
    switch (first.status) {
      case 'failed':
        return `not written for ${first.by}, which proposed it first, so what this rewrite relies on is missing`;
      case 'stale':
        return `changed since it was read, so the edit ${first.by} proposed first was not made, and this rewrite relies on it`;
      case 'exists':
        return `made by something else before ${first.by}'s proposal of it was written, and does not read as this rewrite relies on`;
      default:
        return `does not read as this rewrite relies on (${first.by} proposed it first, otherwise)`;
    }
  }
}

/** `target` is a text file reading exactly `text`. */
function readsAs(target: string, text: string): boolean {
  const current = readDockerfile(target);
  return current.ok && current.text === text;
}

/** Changed when its text or a proposal it still makes changes anything. */
function withStatus(result: FileResult): FileResult {
  const textChanged = result.diff !== '';
  const proposed = result.newFiles.some((f) => f.status === 'proposed' || f.status === 'created') || result.fileEdits.some((e) => e.status === 'proposed' || e.status === 'written');
  const status = result.status === 'error' ? 'error' : textChanged || proposed ? 'changed' : 'unchanged';
  return { ...result, status };
}

/** Why `target` (a file to replace, or to create) cannot be written, or null. */
function unwritable(target: string, exists: boolean): string | null {
  try {
    if (exists) fs.accessSync(fs.realpathSync(target), fs.constants.W_OK);
    // The new text goes to a temp file beside the target, renamed or linked over it.
    fs.accessSync(path.dirname(exists ? fs.realpathSync(target) : target), fs.constants.W_OK);
    return null;
  } catch (err) {
    return describeFsError(err, exists ? 'cannot write' : 'cannot create');
  }
}
