/**
 * How stages use one another: a stage built FROM another, files copied with
 * `COPY --from`, and `RUN --mount=from=`. Names match case-insensitively, as in
 * BuildKit; a number names a stage by position; anything else is an image.
 */
import { stageLineage, stageNamed, variableBaseStages } from './stages.js';
import type { Instruction, ParsedDockerfile, Span, Stage } from './types.js';
import { FileMemo } from '../memo.js';

export type StageRefKind = 'from' | 'copy' | 'mount';

export interface StageReference {
  readonly kind: StageRefKind;
  readonly inst: Instruction;
  /** As written: a stage name, a stage number, or an image reference. */
  readonly target: string;
  /** The stage it names, or null when it names an image. */
  readonly stage: number | null;
  /** Where the target is written (for a FROM, its image word). */
  readonly span: Span;
}

const graphs = new FileMemo<StageReference[]>();

/** Every reference from one stage to another (or to an image, where a stage could have been meant). */
export function stageReferences(file: ParsedDockerfile): readonly StageReference[] {
  const cached = graphs.get(file);
  if (cached !== undefined) return cached;
  const refs: StageReference[] = [];
  for (const stage of file.stages) {
    if (stage.base.kind === 'stage' && stage.imageSpan !== null) {
      refs.push({ kind: 'from', inst: stage.from, target: file.text.slice(stage.imageSpan.start, stage.imageSpan.end), stage: stage.base.stage, span: stage.imageSpan });
    }
    for (const inst of stage.instructions) {
      if (inst.keyword === 'COPY' || inst.keyword === 'ADD') {
        const flag = inst.flags.find((f) => f.name.toLowerCase() === 'from');
        if (flag !== undefined && flag.value !== null) {
          refs.push({ kind: 'copy', inst, target: flag.value, stage: resolveStage(file, flag.value, stage.index), span: flag.span });
        }
      } else if (inst.keyword === 'RUN') {
        for (const flag of inst.flags) {
          if (flag.name.toLowerCase() !== 'mount' || flag.value === null) continue;
          const from = /(?:^|,)from=([^,]+)/.exec(flag.value)?.[1];
          if (from !== undefined) refs.push({ kind: 'mount', inst, target: from, stage: resolveStage(file, from, stage.index), span: flag.span });
        }
      }
    }
  }
  graphs.set(file, refs);
  return refs;
}

/** The stage a `--from` value names, seen from stage `from`, or null for an image. */
export function resolveStage(file: ParsedDockerfile, target: string, from: number): number | null {
  if (/^\d+$/.test(target)) {
    const n = Number(target);
    return n < from ? n : null;
  }
  return stageNamed(file, target)?.index ?? null;
}

/**
 * A \`--from\` that names a stage by its number (\`COPY --from=2\`) at or after \`index\`: a stage inserted before
 * that one would make the number name another stage. Undefined when there is none.
 */
export function numberedReferenceFrom(file: ParsedDockerfile, index: number): StageReference | undefined {
  return stageReferences(file).find((r) => r.stage !== null && r.stage >= index && /^\d+$/.test(r.target));
}

/** Stages whose files reach the final image: the final stage, what it builds on, and what they copy from, transitively. */
export function stagesFeedingFinal(file: ParsedDockerfile): Set<number> {
  const last = file.stages.at(-1);
  const out = new Set<number>();
  if (last === undefined) return out;
  const queue: Stage[] = [last];
  const used = stagesUsedBy(file);
  while (queue.length > 0) {
    const s = queue.pop()!;
    // Taken in with a lineage that held it, and so with all it builds on.
    if (out.has(s.index)) continue;
    const lineage = stageLineage(file, s);
    // `FROM build-${TARGETARCH}`: each stage the platform may pick feeds the image.
    for (const picked of variableBaseStages(file, lineage.at(-1)!)) if (!out.has(picked.index)) queue.push(picked);
    for (const l of lineage) {
      // The rest of the lineage came in with it.
      if (out.has(l.index)) break;
      out.add(l.index);
      for (const r of used[l.index]!) if (!out.has(r)) queue.push(file.stages[r]!);
    }
  }
  return out;
}

const usedBy = new FileMemo<readonly (readonly number[])[]>();

/**
 * The stages each stage's instructions name (FROM, `COPY --from`, `--mount=from=`), by stage: looked up per
 * stage, as a scan of every reference for each stage made a chain of thousands of stages quadratic.
 */
function stagesUsedBy(file: ParsedDockerfile): readonly (readonly number[])[] {
  return usedBy.of(file, () => {
    const used: number[][] = file.stages.map(() => []);
    for (const r of stageReferences(file)) if (r.stage !== null) used[r.inst.stage]!.push(r.stage);
    return used;
  });
}

/** Stages nothing ships or uses: not the final stage, not built on, not copied or mounted from. */
export function unusedStages(file: ParsedDockerfile): Stage[] {
  const used = stagesFeedingFinal(file);
  return file.stages.filter((s) => !used.has(s.index));
}
