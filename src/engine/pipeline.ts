import { publishedTargets } from '../analysis/buildTargets.js';
import { logicalText } from '../dockerfile/logical.js';
import { parseDockerfile } from '../dockerfile/parse.js';
import { reparse } from '../dockerfile/reparse.js';
import type { Instruction, ParsedDockerfile } from '../dockerfile/types.js';
import { validate } from '../dockerfile/validate.js';
import { resolveBase } from '../dockerfile/variables.js';
import { contextPath, overlayBuildContext, type BuildContext, type ContextDockerfiles } from './context.js';
import { checkPass, type PassChange } from './contracts.js';
import { applyEdits, continuationJoined, EditMap, EditSet, editProblem, firstEndingAfter, overlaps } from './edits.js';
import { fileIgnoredRules, fileIgnoreReason, ignoringPragma, isIgnoredInFile, pragmaProblem } from './pragmas.js';
import { changedRegions, type ChangedRegion, type ChangeSpan } from './regions.js';
import { WrittenRanges } from './written.js';
import { countBefore } from '../sorted.js';
import { allTransforms } from './select.js';
import type {
  AppliedChange,
  ChangeFinding,
  ConfiguredTransform,
  Edit,
  FileError,
  Finding,
  ProposedEdit,
  ProposedFile,
  ReportedRefusal,
  RuntimeChange,
  SizeEffect,
  Tier,
  TransformMeta,
} from './types.js';

/** Blanks squeezed to one space, as a preview of an instruction shows its text. */
function squeezed(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Enough for any real composition; a file still changing after this is a bug we report. */
export const MAX_PASSES = 10;

/** Refusal codes the engine itself reports for any transform. */
export const ENGINE_REFUSALS: Readonly<Record<string, string>> = {
  ignored: 'an ignore comment (`# dockshift-ignore`, `# hadolint ignore=`) keeps the transform off this instruction, or one for the whole file (`# dockshift-ignore-file`, `# hadolint global ignore=`) or the `ignored:` list of a `.hadolint.yaml` keeps it off the file',
  'no-build-context': 'the transform reads the build context, and there is none (`--stdin`)',
  'review-tier': 'a change that alters what is installed or how the container runs, not made because only safe changes are allowed',
  'continued-at-end': 'the file ends in a line continuation (its last instruction ends in the escape character), so a line written after it would join that instruction',
};

/** Where the file comes from, and what the run allows. */
export interface PipelineEnv {
  /** The path shown to the user, or null. */
  readonly path?: string | null;
  readonly buildContext?: BuildContext | null;
  /** The other Dockerfiles the run builds with the same build context. */
  readonly contextDockerfiles?: ContextDockerfiles | null;
  /** `safe`: make only changes that keep the build's meaning; `review` (the default): all, labelled. */
  readonly tier?: Tier;
  /** hadolint rules a `.hadolint.yaml` found for the file ignores (its `ignored:` list). */
  readonly ignoredRules?: readonly string[];
  /** That `.hadolint.yaml` as the user names it, for the reason of a change it keeps off. */
  readonly hadolintConfig?: string | null;
  /** Told how long each step took (`npm run bench:profile`); without it nothing is timed. */
  readonly profile?: PipelineProfile;
}

/**
 * Where a run's time goes, step by step, each with its pass number: `parse` (the input
 * and its validation, pass 0), each transform by name, `reparse` (the instructions a pass
 * changed) and `engine` (the rest: vetting findings, checking the result and the
 * transforms' contracts, mapping lines back, the final report). A run that fails stops
 * telling at the transform that threw, or at the step before the failure it found.
 */
export interface PipelineProfile {
  record(pass: number, step: string, ms: number): void;
}

export interface PipelineOutput {
  readonly ok: true;
  readonly output: string;
  readonly changes: readonly AppliedChange[];
  /** Refusals of the final state: what the transforms would still not do in the output. */
  readonly refusals: readonly ReportedRefusal[];
  /** Files the transforms propose in the build context (as of the final state). */
  readonly newFiles: readonly ProposedFile[];
  /** Edits the transforms propose to files of the build context that exist (as of the final state). */
  readonly fileEdits: readonly ProposedEdit[];
  /** Changes to what the final image does at run time, by transforms that declare them. */
  readonly runtime: readonly RuntimeChange[];
  /** The changes as replacements of ranges of the input (for code-scanning fixes); applied to the input they give `output`. */
  readonly regions: readonly ChangedRegion[];
  readonly passes: number;
}

export type PipelineResult = PipelineOutput | { readonly ok: false; readonly error: FileError };

/**
 * Runs transforms to a fixpoint, as ESLint's fixer does: each pass parses the
 * current text, asks every transform for findings, applies the changes that do
 * not overlap an earlier one, checks the pass against every transform's declared
 * contract, and goes again until a pass changes nothing. So a second run over the
 * output changes nothing by construction.
 */
export function runPipeline(input: string, transforms: readonly ConfiguredTransform[], env: PipelineEnv = {}): PipelineResult {
  const profile = env.profile;
  let since = profile === undefined ? 0 : performance.now();
  /** Hands the time since the last step to the profile, if there is one; the profile's own time is nobody's. */
  const step = (pass: number, name: string) => {
    if (profile === undefined) return;
    profile.record(pass, name, performance.now() - since);
    since = performance.now();
  };
  const first = parseDockerfile(input);
  const invalid = validate(first);
  step(0, 'parse');
  if (invalid !== null) return { ok: false, error: invalid };
  if (transforms.length === 0) return { ok: true, output: input, changes: [], refusals: [], newFiles: [], fileEdits: [], runtime: [], regions: [], passes: 0 };
  // An ignore comment that names nothing real protects nothing: say so rather than run.
  const known = new Set([...allTransforms(), ...transforms.map((t) => t.transform)].map((t) => t.meta.name));
  const badPragma = pragmaProblem(first, known);
  if (badPragma !== null) return { ok: false, error: badPragma };
  const configRules = new Set(env.ignoredRules ?? []);

  const diskContext = env.buildContext ?? null;
  /** What the transforms read: the context on disk, with the files proposed so far (see `propose`). */
  let buildContext = diskContext;
  /** The files proposed so far, as they will read once written; what is reported at the end. */
  const proposedFiles = new Map<string, ProposedFile>();
  const proposedEdits = new Map<string, ProposedEdit>();
  const overlay = new Map<string, string>();
  const proposalRefusals = new Map<string, ReportedRefusal>();
  const tier = env.tier ?? 'review';
  let file: ParsedDockerfile = first;
  const history: EditMap[] = [];
  /** What the passes so far wrote of this pass's text. */
  let written = WrittenRanges.NONE;
  const changes: AppliedChange[] = [];
  const runtime: RuntimeChange[] = [];
  const spans: ChangeSpan[] = [];
  /**
   * The indices of the changes of earlier passes, by transform, line and column, where a change made again is
   * looked for: a search of every change for each one made a file of thousands quadratic. This pass's changes wait in
   * \`passIndexed\` (a pass's changes lie inside what an earlier pass wrote, and so at one place, by the thousand).
   */
  const changeIndex = new Map<string, number[]>();
  const passIndexed: (readonly [string, number])[] = [];
  const original = (offset: number): { line: number; column: number } => {
    let at = offset;
    for (let i = history.length - 1; i >= 0; i--) at = history[i]!.back(at);
    const line = first.lines.lineOf(at);
    // A BOM is no column, as editors and the fixes (regions.ts) count: `FROM` on line 1 is at column 1.
    const lineStart = line === 1 && first.bom ? 1 : first.lines.startOf(line);
    return { line, column: Math.max(1, at - lineStart + 1) };
  };
  /**
   * A message or review reason written against this pass's text names its lines (`line 34 runs …`):
   * after an earlier pass added or removed lines, those are said as the original file numbers them,
   * as the finding's own line is. Quoted text (between backticks) is left as written.
   */
  const originalLines = (message: string): string => originalLinesOf(message).text;
  /**
   * As originalLines, and whether it names what an earlier pass wrote, which the input does not have: a line
   * it added, the line of an instruction it rewrote (\`line 2 installs bash, curl\` of two RUNs merged), or
   * such an instruction quoted as this pass reads it (\`RUN a && b\`).
   */
  const originalLinesOf = (message: string): { text: string; namesWritten: boolean } => {
    if (history.length === 0) return { text: message, namesWritten: false };
    let namesWritten = false;
    const text = message
      .split('`')
      .map((part, i) => {
        if (i % 2 === 1) {
          if (quotesWritten(part)) namesWritten = true;
          return part;
        }
        return part.replace(/\b(lines? )(\d+(?:(?:, | and )\d+)*)/g, (_, word: string, list: string) =>
          word +
          list.replace(/\d+/g, (n) => {
            if (!(Number(n) >= 1 && Number(n) <= file.lines.lineCount)) return n;
            const start = file.lines.startOf(Number(n));
            if (writtenByPass(start) || instructionWritten(start)) namesWritten = true;
            return String(original(start).line);
          }),
        );
      })
      .join('`');
    return { text, namesWritten };
  };
  /**
   * The instructions' texts as quotesWritten compares them, for the pass's file, sorted: those a
   * quote names are one run of the list, found by binary search (a refusal on every RUN of a file
   * of thousands made a scan of every instruction per refusal quadratic).
   */
  let instructionTexts: { readonly file: ParsedDockerfile; readonly sorted: readonly { readonly text: string; readonly inst: Instruction }[] } | null = null;
  /**
   * Whether quoted text is an instruction as an earlier pass rewrote it: every instruction it quotes (as a
   * preview does: blanks squeezed, cut with `…`) holds text that pass wrote. Quoted words of one are not.
   */
  const quotesWritten = (quoted: string): boolean => {
    const cut = quoted.endsWith('…');
    const shown = squeezed(cut ? quoted.slice(0, -1) : quoted);
    if (!/^[A-Za-z]+\s/.test(shown)) return holdsWrittenWords(shown);
    if (instructionTexts?.file !== file) {
      const texts = file.instructions.map((inst) => ({ text: squeezed(logicalText(file.text, inst.span.start, inst.span.end, file.escape).text), inst }));
      instructionTexts = { file, sorted: texts.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)) };
    }
    const { sorted } = instructionTexts;
    // The texts that start with what is shown follow one another from the first not below it.
    let lo = 0;
    for (let hi = sorted.length; lo < hi; ) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]!.text < shown) lo = mid + 1;
      else hi = mid;
    }
    let quotedAny = false;
    for (let k = lo; k < sorted.length && (cut ? sorted[k]!.text.startsWith(shown) : sorted[k]!.text === shown); k++) {
      quotedAny = true;
      if (!spanWritten(sorted[k]!.inst.span.start, sorted[k]!.inst.span.end)) return false;
    }
    return quotedAny || holdsWrittenWords(shown);
  };
  /**
   * The pieces of this pass's file that an earlier pass wrote and that hold a word (\`--no-cache-dir\`, not
   * the \` && \\\` of two RUNs joined), blanks squeezed: a quote of a command inside a RUN (\`pip install
   * --no-cache-dir flask\`) that holds one quotes it as that pass wrote it.
   */
  let writtenPieces: { readonly file: ParsedDockerfile; readonly pieces: readonly string[] } | null = null;
  const holdsWrittenWords = (shown: string): boolean => {
    if (writtenPieces?.file !== file) {
      const pieces: string[] = [];
      for (const r of written.ranges()) {
        const piece = squeezed(file.text.slice(r.start, r.end));
        if (/\w/.test(piece)) pieces.push(piece);
      }
      writtenPieces = { file, pieces };
    }
    return writtenPieces.pieces.some((p) => shown.includes(p));
  };
  /**
   * Whether the instruction that holds \`offset\` holds text an earlier pass wrote: a reason that names its
   * line describes it as this pass reads it (\`line 3 installs curl, git\` of two RUNs merged there).
   */
  const instructionWritten = (offset: number): boolean => {
    const inst = file.instructions[countBefore(file.instructions, (i) => i.span.end <= offset)];
    if (inst === undefined || inst.span.start > offset) return false;
    if (spanWritten(inst.span.start, inst.span.end)) return true;
    // A FROM whose image an earlier pass switched through the ARG default its reference reads
    // (`ARG PY=3.12-alpine` for `FROM python:${PY}`) names another image than the input's, as a rewritten one does.
    const stage = inst.keyword === 'FROM' ? file.stages[inst.stage] : undefined;
    return stage !== undefined && (resolveBase(file, stage)?.args ?? []).some((a) => spanWritten(a.span.start, a.span.end));
  };
  const spanWritten = (start: number, end: number): boolean => written.meets(start, end);
  /** The input's instructions as quotesWritten compares them: one a pass moved whole (multi-stage's CMD) reads as one of them. */
  let inputTexts: ReadonlySet<string> | null = null;
  /**
   * Whether the instruction that holds \`offset\` is one a pass added: written whole, and no instruction of
   * the input reads as it does (a moved one does, and its refusals are the user's).
   */
  const addedWhole = (offset: number): boolean => {
    const inst = file.instructions[countBefore(file.instructions, (i) => i.span.end <= offset)];
    if (inst === undefined || inst.span.start > offset || !written.covers(inst.span.start, inst.span.end)) return false;
    inputTexts ??= new Set(first.instructions.map((i) => squeezed(logicalText(first.text, i.span.start, i.span.end, first.escape).text)));
    return !inputTexts.has(squeezed(logicalText(file.text, inst.span.start, inst.span.end, file.escape).text));
  };
  /** Whether the text at `offset` of this pass's text was written by an earlier pass. */
  const writtenByPass = (offset: number): boolean => written.has(offset);
  /**
   * The last word of each refusal (by transform, code and line) whose reason names only lines of
   * the input: a later pass may name a line an earlier one added (init-process's RUN that installs
   * tini, for distroless-runtime), which the input does not have; that refusal keeps this reason.
   */
  const inputReasons = new Map<string, string>();
  /**
   * The last refusal of each transform at each line whose reason names only lines of the input. When a later
   * pass refuses there for another reason that names only what a pass wrote (non-root-user's RUN, which
   * distroless-runtime cannot run), the input's own reason, and its code, is what the file shows.
   */
  const inputRefusals = new Map<string, { code: string; reason: string }>();
  /**
   * Each transform's refusals, from the last pass that gave any, made on the input's instructions with
   * reasons that name only its lines. A later refusal made on an instruction an earlier pass wrote
   * (multi-stage's \`mkdir -p /data\` of the RUN non-root-user adds) is reported as these instead.
   */
  const inputRefusalsOf = new Map<string, { readonly pass: number; readonly refusals: ReportedRefusal[] }>();
  const fail = (at: number | null, message: string): PipelineResult => ({ ok: false, error: { line: at === null ? null : original(at).line, message } });

  /**
   * Takes a settled pass's proposals into the overlay: true when the context now reads otherwise.
   * A file proposed again is the overlay's already; an edit of a file proposed earlier in the run
   * folds into that proposal, and one of a file on disk stays an edit of the disk's text.
   */
  const propose = (files: Iterable<ProposedFile>, edits: Iterable<ProposedEdit>): boolean => {
    let grew = false;
    for (const f of files) {
      if (proposedFiles.has(f.path) || proposedEdits.has(f.path)) continue;
      proposedFiles.set(f.path, f);
      // One that exists is reported (and left alone when written), and reads as it is. Without a
      // build context (a text given alone) there is nothing to read it back from.
      if (buildContext !== null && buildContext.kind(f.path) === null) {
        overlay.set(f.path, f.content);
        grew = true;
      }
    }
    for (const e of edits) {
      // Edits are checked against the build context's text, so there is one.
      const created = diskContext!.kind(e.path) === null ? proposedFiles.get(e.path) : undefined;
      const earlier = created ?? proposedEdits.get(e.path);
      const merged = earlier === undefined ? null : { message: `${earlier.message}; ${e.message}`, ...tierOf(mergedReview(earlier.review, e.review)) };
      if (created !== undefined) proposedFiles.set(e.path, { ...created, ...merged, content: e.after });
      else proposedEdits.set(e.path, earlier === undefined ? e : { ...(earlier as ProposedEdit), ...merged, after: e.after });
      overlay.set(e.path, e.after);
      grew = true;
    }
    return grew;
  };

  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    for (const [place, i] of passIndexed) {
      const here = changeIndex.get(place);
      if (here === undefined) changeIndex.set(place, [i]);
      else here.push(i);
    }
    passIndexed.length = 0;
    const accepted = new EditSet();
    const passChanges: PassChange[] = [];
    const refusals = new Map<string, ReportedRefusal>();
    /** How many refusals each transform has set in this pass: what a restoration of its input refusals (below) waits for. */
    const refusalsSet = new Map<string, number>();
    /** Each transform's last restoration of its input refusals: the list, its length then, and refusalsSet then. */
    const restored = new Map<string, { readonly list: readonly ReportedRefusal[]; readonly length: number; readonly sets: number }>();
    const setRefusal = (key: string, r: ReportedRefusal) => {
      refusals.set(key, r);
      refusalsSet.set(r.transform, (refusalsSet.get(r.transform) ?? 0) + 1);
    };
    const newFiles = new Map<string, ProposedFile>();
    const fileEdits = new Map<string, ProposedEdit>();
    const refuse = (meta: TransformMeta<any>, at: number, code: string, reason: string) => {
      // Made on an instruction an earlier pass wrote: about that edit, which the input does not have.
      const onWritten = writtenByPass(at);
      const before = onWritten ? inputRefusalsOf.get(meta.name) : undefined;
      if (before !== undefined) {
        // Again only when something came between: thousands of refusals on a RUN a pass merged restored them each time.
        const sets = refusalsSet.get(meta.name) ?? 0;
        const last = restored.get(meta.name);
        if (last?.list !== before.refusals || last.length !== before.refusals.length || last.sets !== sets) {
          for (const r of before.refusals) refusals.set(`${r.transform}\0${r.code}\0${r.line}`, r);
          restored.set(meta.name, { list: before.refusals, length: before.refusals.length, sets });
        }
        return;
      }
      const { line, column } = original(at);
      const key = `${meta.name}\0${code}\0${line}`;
      const spot = `${meta.name}\0${line}`;
      const said = originalLinesOf(reason);
      // An instruction a pass added whole (non-root-user's RUN that makes the user) is dockshift's own: what
      // another transform will not do there is no work of the user's, and no line of the input shows it.
      if (onWritten && addedWhole(at)) return;
      // Made on an instruction an earlier pass rewrote (the FROM another transform switched): the reason
      // may describe that edit (\`node:20-alpine\` for the input's node:20-slim) in words no quote shows,
      // so the same refusal of the input keeps its reason.
      const namesWritten = said.namesWritten || (inputReasons.has(key) && instructionWritten(at));
      if (!namesWritten) {
        inputReasons.set(key, said.text);
        inputRefusals.set(spot, { code, reason: said.text });
      }
      const earlier = namesWritten && !inputReasons.has(key) ? inputRefusals.get(spot) : undefined;
      if (earlier !== undefined) {
        setRefusal(`${meta.name}\0${earlier.code}\0${line}`, { transform: meta.name, line, column, code: earlier.code, reason: earlier.reason });
        return;
      }
      const reported: ReportedRefusal = { transform: meta.name, line, column, code, reason: namesWritten ? (inputReasons.get(key) ?? said.text) : said.text };
      if (!namesWritten && !onWritten) {
        const mine = inputRefusalsOf.get(meta.name);
        if (mine?.pass === pass) mine.refusals.push(reported);
        else inputRefusalsOf.set(meta.name, { pass, refusals: [reported] });
      }
      setRefusal(key, reported);
    };
    const ignoredRules = fileIgnoredRules(file, configRules);
    /** What a transform finds in this pass's file. */
    const ask = ({ transform, options }: ConfiguredTransform): readonly Finding[] =>
      transform.run(file, { path: env.path ?? null, options, buildContext, contextDockerfiles: env.contextDockerfiles ?? null, ignoredRules, input: first });
    /**
     * A transform the whole file is off for still says, as one kept off an instruction does, where it
     * would have changed the file and what keeps it off (a \`.hadolint.yaml\` the user may not have in
     * mind); it changes nothing, and what else it finds is not its to say.
     */
    const offInFile = (meta: TransformMeta<any>, configured: ConfiguredTransform) => {
      if (meta.needsBuildContext === true && buildContext === null) return;
      let findings: readonly Finding[];
      step(pass, 'engine');
      try {
        findings = ask(configured);
      } catch {
        // Off for the file: what would fail it is not its to report either.
        return;
      } finally {
        step(pass, meta.name);
      }
      const changesAt = findings.filter((f) => f.kind === 'change').map((f) => f.at);
      if (changesAt.length === 0) return;
      const reason = fileIgnoreReason(file, meta, configRules, env.hadolintConfig ?? null);
      for (const at of changesAt) refuse(meta, at, 'ignored', reason);
    };
    for (const configured of transforms) {
      const meta = configured.transform.meta;
      // What it reports is kept from the last pass only, and a pass with a change is not the last.
      if (accepted.size > 0 && touchesNoInstruction(meta)) continue;
      if (isIgnoredInFile(file, meta, configRules)) {
        offInFile(meta, configured);
        continue;
      }
      if (meta.needsBuildContext === true && buildContext === null) {
        refuse(meta, 0, 'no-build-context', `${meta.name} reads the build context, and there is none (standard input); run it on a file`);
        continue;
      }
      let findings: readonly Finding[];
      step(pass, 'engine');
      try {
        findings = ask(configured);
      } catch (err) {
        step(pass, meta.name);
        return fail(null, `transform ${meta.name} failed: ${(err as Error).message}`);
      }
      step(pass, meta.name);
      for (const f of findings) {
        if (f.kind !== 'refusal' && f.review !== null && meta.review === undefined) {
          return fail(f.kind === 'change' ? f.at : null, `transform ${meta.name} reported a review change, and its meta declares none (meta.review)`);
        }
        if (f.kind === 'refusal') {
          if (!Object.hasOwn(meta.refusals, f.code) && !Object.hasOwn(ENGINE_REFUSALS, f.code)) return fail(f.at, `transform ${meta.name} reported an undeclared refusal code "${f.code}"`);
          refuse(meta, f.at, f.code, f.reason);
        } else if (f.kind === 'new-file') {
          const p = contextPath(f.path);
          if (p === null || p === '.' || !(meta.touches.newFiles ?? []).includes(p)) {
            return fail(null, `transform ${meta.name} proposed a file it does not declare or outside the build context: ${JSON.stringify(f.path)}`);
          }
          if (f.review !== null && tier === 'safe') {
            refuse(meta, 0, 'review-tier', `not proposed (only safe changes are allowed): ${f.message}; ${f.review}`);
            continue;
          }
          if (!newFiles.has(p)) newFiles.set(p, { transform: meta.name, path: p, content: f.content, message: originalLines(f.message), ...tierOf(f.review === null ? null : originalLines(f.review)) });
        } else if (f.kind === 'file-edit') {
          const p = contextPath(f.path);
          if (p === null || p === '.' || !(meta.touches.editFiles ?? []).includes(p)) {
            return fail(null, `transform ${meta.name} proposed an edit of a file it does not declare or outside the build context: ${JSON.stringify(f.path)}`);
          }
          // An edit is made against the file as the build context reads it, never a guess.
          if (buildContext === null || buildContext.read(p) !== f.before) {
            return fail(null, `transform ${meta.name} proposed an edit of ${p} against text that is not the file's`);
          }
          if (f.review !== null && tier === 'safe') {
            refuse(meta, 0, 'review-tier', `not proposed (only safe changes are allowed): ${f.message}; ${f.review}`);
            continue;
          }
          if (f.after !== f.before && !fileEdits.has(p)) fileEdits.set(p, { transform: meta.name, path: p, before: f.before, after: f.after, message: originalLines(f.message), ...tierOf(f.review === null ? null : originalLines(f.review)) });
        } else {
          const badSize = f.size === undefined ? null : sizeProblem(f.size);
          if (badSize !== null) return fail(f.at, `transform ${meta.name} reported a size estimate ${badSize}`);
          const joined = f.edits.map((e) => continuationJoined(file, e)).find((i) => i !== null);
          if (joined !== undefined) {
            refuse(meta, f.at, 'continued-at-end', `the ${joined.keyword} on line ${joined.line} ends in a line continuation with nothing after it: what ${meta.name} would write after it would be read as part of it`);
            continue;
          }
          const problem = checkChange(file, f);
          if (problem !== null) return fail(f.at, `transform ${meta.name} proposed an unsafe edit: ${problem}`);
          const pragma = pragmaAgainst(file, f, meta);
          if (pragma !== null) {
            refuse(meta, f.at, 'ignored', `an ignore comment on line ${pragma} keeps ${meta.name} off this instruction`);
            continue;
          }
          if (f.review !== null && tier === 'safe') {
            refuse(meta, f.at, 'review-tier', `not made (only safe changes are allowed): ${f.message}; ${f.review}`);
            continue;
          }
          if (f.edits.some((e) => accepted.overlapsAny(e))) continue; // next pass
          if (!accepted.admitsKept(f.edits, f.kept)) continue; // inside what an accepted change keeps, or the other way round: next pass
          if ((f.dependsOn ?? []).some((r) => accepted.overlapsAny({ start: r.start, end: r.end, text: '' }))) continue; // read text changed: next pass
          if (f.edits.every((e) => file.text.slice(e.start, e.end) === e.text)) continue; // no-op
          accepted.addChange(f.edits, f.kept);
          passChanges.push({ meta, edits: f.edits });
          const span = originalSpan(f.edits, history);
          const { line, column } = original(f.at);
          const message = originalLines(f.message);
          // The same change again at the place where an earlier pass made one (collapse-run merging the RUN it merged
          // with the one non-root-user added after it) is that change, as the input reads: one report.
          const place = `${meta.name}\0${line}\0${column}`;
          const again = f.size === undefined ? changeIndex.get(place)?.find((i) => changes[i]!.tier === (f.review === null ? 'safe' : 'review') && sameKind(changes[i]!.message, message)) : undefined;
          if (again !== undefined) {
            spans[again] = { start: Math.min(spans[again]!.start, span.start), end: Math.max(spans[again]!.end, span.end) };
            continue;
          }
          spans.push(span);
          passIndexed.push([place, changes.length]);
          changes.push({
            transform: meta.name,
            line,
            column,
            message,
            tier: f.review === null ? 'safe' : 'review',
            ...(f.review === null ? {} : { review: originalLines(f.review) }),
            hadolint: f.hadolint ?? meta.hadolint,
            ...(f.size === undefined ? {} : { size: f.size }),
          });
        }
      }
    }
    if (accepted.size === 0) {
      // A file proposed into the build context changes what the transforms read there (a
      // .dockerignore that leaves node_modules out lets deps-first act): go on over the context as
      // it will be, until it settles too, so that a second run finds nothing left to do.
      if (propose(newFiles.values(), fileEdits.values())) {
        // What a proposer said it left out (kept in the context, and why) goes with its proposal:
        // in the passes over the overlay the file is there, and it says less. Its first word on a
        // thing stands, as later proposals only add to that file.
        const proposers = new Set([...newFiles.values(), ...fileEdits.values()].map((f) => f.transform));
        for (const [key, r] of refusals) if (proposers.has(r.transform) && !proposalRefusals.has(key)) proposalRefusals.set(key, r);
        buildContext = overlayBuildContext(diskContext!, overlay);
        step(pass, 'engine');
        continue;
      }
      const regions = changedRegions(input, file.text, history.map((h) => h.edits), spans);
      // The proposing pass's word wins: over the overlay the proposer sees its own file and says
      // less (a .dockerignore that exists keeps only .git in question, not the .env it kept).
      for (const [key, r] of proposalRefusals) refusals.set(key, r);
      const reported = [...refusals.values()].sort(byPlace);
      step(pass, 'engine');
      return {
        ok: true,
        output: file.text,
        changes,
        refusals: reported,
        newFiles: [...proposedFiles.values()],
        fileEdits: [...proposedEdits.values()],
        runtime,
        regions,
        passes: pass,
      };
    }
    step(pass, 'engine');
    const edits = accepted.sorted();
    const next = reparse(file, edits, applyEdits(file.text, edits));
    step(pass, 'reparse');
    const broken = structureProblem(file, next);
    if (broken !== null) return fail(edits[0]!.start, broken);
    const verdict = checkPass(file, next, passChanges, publishedTargets(diskContext, env.path ?? null, first.text));
    if (verdict.problem !== null) return fail(verdict.problem.at, verdict.problem.message);
    for (const { image, fact, before, after, transforms } of verdict.runtime) for (const transform of transforms) runtime.push({ transform, ...(image === undefined ? {} : { image }), fact, before, after });
    const map = new EditMap(edits, file.text);
    history.push(map);
    written = written.after(map);
    file = next;
    step(pass, 'engine');
  }
  return { ok: false, error: { line: null, message: `transforms did not converge after ${MAX_PASSES} passes; file left unchanged` } };
}

/**
 * A transform that may touch no instruction proposes files and refusals, which count in the last
 * pass alone, and at most comment lines: the engine runs it only in a pass with no change before
 * it. The last pass has none, so it always runs there; a comment it adds waits for such a pass,
 * and what it would have said of the texts in between goes unseen.
 */
function touchesNoInstruction(meta: TransformMeta<any>): boolean {
  for (const _ in meta.touches.instructions) return false;
  return true;
}

/** What a reviewer checks in a proposal that folds in a later edit: every distinct reason. */
function mergedReview(a: string | undefined, b: string | undefined): string | null {
  const reasons = [...new Set([a, b].filter((r): r is string => r !== undefined))];
  return reasons.length === 0 ? null : reasons.join('; ');
}

function tierOf(review: string | null): { tier: Tier; review?: string } {
  return review === null ? { tier: 'safe' } : { tier: 'review', review };
}

/** The range of the input a change's edits come from, through the passes before it. */
function originalSpan(edits: readonly Edit[], history: readonly EditMap[]): ChangeSpan {
  let start = Infinity;
  let end = -Infinity;
  for (const e of edits) {
    start = Math.min(start, e.start);
    end = Math.max(end, e.end);
  }
  for (let i = history.length - 1; i >= 0; i--) {
    start = history[i]!.startBack(start);
    end = history[i]!.endBack(end);
  }
  return { start, end };
}

/** Two messages that say the same thing but for their figures (\`merged 3 RUN instructions\`, \`merged 2 …\`). */
function sameKind(a: string, b: string): boolean {
  return a.replace(/\d+/g, '#') === b.replace(/\d+/g, '#');
}

function byPlace(a: ReportedRefusal, b: ReportedRefusal): number {
  return a.line - b.line || a.transform.localeCompare(b.transform) || a.code.localeCompare(b.code);
}

/**
 * What is wrong with a change's size estimate, or null. Sizes are added up per measure (the
 * unpacked image, the compressed download), so one without a known measure or a finite figure
 * is a broken transform (one written before sizes carried their measure), not a figure to add.
 */
function sizeProblem(size: SizeEffect): string | null {
  const { measure, savedMb, note } = size as Partial<Record<keyof SizeEffect, unknown>>;
  if (measure !== 'uncompressed' && measure !== 'compressed') return `whose measure is ${measure === undefined ? 'missing' : JSON.stringify(measure)} (it must be 'uncompressed' or 'compressed')`;
  if (typeof savedMb !== 'number' || !Number.isFinite(savedMb)) return `whose savedMb is not a finite number (${savedMb === undefined ? 'missing' : typeof savedMb === 'number' ? String(savedMb) : JSON.stringify(savedMb)})`;
  if (typeof note !== 'string') return 'whose note is not text';
  return null;
}

function checkChange(file: ParsedDockerfile, f: ChangeFinding): string | null {
  const edits = [...f.edits].sort((a, b) => a.start - b.start);
  for (let i = 0; i < edits.length; i++) {
    const problem = editProblem(file, edits[i]!);
    if (problem !== null) return problem;
    if (i > 0 && overlaps(edits[i - 1]!, edits[i]!)) return 'edits of one change overlap';
  }
  return null;
}

/** The line of a pragma that covers an instruction this change edits, or null. */
function pragmaAgainst(file: ParsedDockerfile, f: ChangeFinding, meta: TransformMeta<any>): number | null {
  for (const e of f.edits) {
    for (let i = firstEndingAfter(file, e.start); i < file.instructions.length; i++) {
      const inst = file.instructions[i]!;
      if (inst.span.start > e.end) break;
      const touched = (e.start < inst.span.end && inst.span.start < e.end) || (e.start === e.end && e.start >= inst.span.start && e.start <= inst.span.end);
      if (!touched) continue;
      const pragma = ignoringPragma(file, inst, meta, f.hadolint);
      if (pragma !== null) return pragma.line;
    }
  }
  return null;
}

/** A rewrite must leave a valid file with the same text facts, or it is not applied. */
function structureProblem(before: ParsedDockerfile, after: ParsedDockerfile): string | null {
  const invalid = validate(after);
  if (invalid !== null) return `a rewrite made the file invalid (${invalid.message}); file left unchanged`;
  if (before.escape !== after.escape) return 'a rewrite changed the escape character; file left unchanged';
  if (before.bom !== after.bom || before.eol !== after.eol || before.finalNewline !== after.finalNewline) {
    return 'a rewrite changed the BOM, the line endings or the final newline; file left unchanged';
  }
  const directives = (f: ParsedDockerfile) => f.directives.map((d) => `${d.name}=${d.value}`).join('\n');
  if (directives(before) !== directives(after)) return 'a rewrite changed the parser directives; file left unchanged';
  return null;
}
