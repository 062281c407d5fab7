import { parseDockerfile } from '../dockerfile/parse.js';
import type { ParsedDockerfile } from '../dockerfile/types.js';
import { validate } from '../dockerfile/validate.js';
import { applyEdits, editProblem, mapBack, overlaps } from './edits.js';
import { ignoringPragma, isIgnoredInFile } from './pragmas.js';
import type {
  AppliedChange,
  ConfiguredTransform,
  Edit,
  FileError,
  Finding,
  ProposedFile,
  ReportedRefusal,
} from './types.js';

/** Enough for any real composition; a file still changing after this is a bug we report. */
export const MAX_PASSES = 10;

export interface PipelineOutput {
  readonly ok: true;
  readonly output: string;
  readonly changes: readonly AppliedChange[];
  readonly refusals: readonly ReportedRefusal[];
  readonly newFiles: readonly ProposedFile[];
  readonly passes: number;
}

export type PipelineResult = PipelineOutput | { readonly ok: false; readonly error: FileError };

type ChangeFinding = Extract<Finding, { kind: 'change' }>;

/**
 * Runs transforms to a fixpoint, as ESLint's fixer does: each pass parses the
 * current text, asks every transform for findings, applies the changes that do
 * not overlap an earlier one, and goes again until a pass changes nothing. So a
 * second run over the output changes nothing by construction.
 */
export function runPipeline(input: string, transforms: readonly ConfiguredTransform[]): PipelineResult {
  const first = parseDockerfile(input);
  const invalid = validate(first);
  if (invalid !== null) return { ok: false, error: invalid };
  if (transforms.length === 0) return { ok: true, output: input, changes: [], refusals: [], newFiles: [], passes: 0 };

  let file: ParsedDockerfile = first;
  const history: { edits: Edit[]; before: string }[] = [];
  const changes: AppliedChange[] = [];
  const refusals = new Map<string, ReportedRefusal>();
  const newFiles = new Map<string, ProposedFile>();
  const originalOffset = (offset: number): number => {
    let at = offset;
    for (let i = history.length - 1; i >= 0; i--) at = mapBack(at, history[i]!.edits, history[i]!.before);
    return at;
  };
  const originalLine = (offset: number): number => first.lines.lineOf(originalOffset(offset));
  const originalColumn = (offset: number): number => {
    const at = originalOffset(offset);
    const start = first.lines.startOf(first.lines.lineOf(at));
    return at - start + (start === 0 && first.bom ? 0 : 1);
  };

  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const accepted: Edit[] = [];
    for (const { transform, options } of transforms) {
      const name = transform.meta.name;
      if (isIgnoredInFile(file, transform.meta)) continue;
      let findings: readonly Finding[];
      try {
        findings = transform.run(file, options);
      } catch (err) {
        return fail(originalLine, null, `transform ${name} failed: ${(err as Error).message}`);
      }
      for (const f of findings) {
        if (f.kind === 'refusal') {
          const line = originalLine(f.at);
          refusals.set(`${name}\0${f.code}\0${line}`, { transform: name, line, column: originalColumn(f.at), code: f.code, reason: f.reason });
        } else if (f.kind === 'new-file') {
          newFiles.set(f.path, { transform: name, path: f.path, content: f.content, message: f.message });
        } else {
          const problem = checkChange(file, f);
          if (problem !== null) return fail(originalLine, f.at, `transform ${name} proposed an unsafe edit: ${problem}`);
          const pragma = pragmaAgainst(file, f, transform.meta);
          if (pragma !== null) {
            const line = originalLine(f.at);
            refusals.set(`${name}\0ignored\0${line}`, { transform: name, line, column: originalColumn(f.at), code: 'ignored', reason: `an ignore comment on line ${originalLine(file.lines.startOf(pragma))} keeps ${name} off this instruction` });
            continue;
          }
          if (f.edits.some((e) => accepted.some((a) => overlaps(a, e)))) continue; // next pass
          if (f.edits.every((e) => file.text.slice(e.start, e.end) === e.text)) continue; // no-op
          accepted.push(...f.edits);
          changes.push({ transform: name, line: originalLine(f.at), column: originalColumn(f.at), message: f.message });
        }
      }
    }
    if (accepted.length === 0) {
      return { ok: true, output: file.text, changes, refusals: sortedRefusals(refusals), newFiles: [...newFiles.values()], passes: pass };
    }
    accepted.sort((a, b) => a.start - b.start || a.end - b.end);
    const next = parseDockerfile(applyEdits(file.text, accepted));
    const broken = structureProblem(file, next);
    if (broken !== null) return fail(originalLine, accepted[0]!.start, broken);
    history.push({ edits: accepted, before: file.text });
    file = next;
  }
  return { ok: false, error: { line: null, message: `transforms did not converge after ${MAX_PASSES} passes; file left unchanged` } };
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
function pragmaAgainst(file: ParsedDockerfile, f: ChangeFinding, meta: ConfiguredTransform['transform']['meta']): number | null {
  for (const inst of file.instructions) {
    const touched = f.edits.some((e) => e.start < inst.span.end && inst.span.start < e.end || (e.start === e.end && e.start >= inst.span.start && e.start <= inst.span.end));
    if (!touched) continue;
    const pragma = ignoringPragma(file, inst, meta);
    if (pragma !== null) return pragma.line;
  }
  return null;
}

/** A rewrite must leave a valid file with the same stages and text facts, or it is not applied. */
function structureProblem(before: ParsedDockerfile, after: ParsedDockerfile): string | null {
  const invalid = validate(after);
  if (invalid !== null) return `a rewrite made the file invalid (${invalid.message}); file left unchanged`;
  const names = (f: ParsedDockerfile) => f.stages.map((s) => s.name ?? '').join('\0');
  if (names(before) !== names(after)) return 'a rewrite changed the build stages; file left unchanged';
  if (before.escape !== after.escape) return 'a rewrite changed the escape character; file left unchanged';
  if (before.bom !== after.bom || before.eol !== after.eol || before.finalNewline !== after.finalNewline) {
    return 'a rewrite changed the BOM, the line endings or the final newline; file left unchanged';
  }
  return null;
}

function fail(originalLine: (offset: number) => number, at: number | null, message: string): PipelineResult {
  return { ok: false, error: { line: at === null ? null : originalLine(at), message } };
}

function sortedRefusals(refusals: Map<string, ReportedRefusal>): ReportedRefusal[] {
  return [...refusals.values()].sort((a, b) => a.line - b.line || a.transform.localeCompare(b.transform));
}
