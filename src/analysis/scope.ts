import { descendantStages, shippedStages } from '../dockerfile/stages.js';
import type { ParsedDockerfile, Stage } from '../dockerfile/types.js';

/** A stage and every stage built FROM it (directly or through others), in file order: what a base switch affects. */
export function stagesBuiltOn(file: ParsedDockerfile, stage: Stage): Stage[] {
  return [stage, ...descendantStages(file, stage)].sort((a, b) => a.index - b.index);
}

/**
 * The stages a base-image transform takes by default: those whose layers ship in the
 * final image (the last stage and the stages it is built FROM), and in each image the project
 * publishes with \`--target\` (\`targets\`, analysis/buildTargets.ts). With `all`, every stage.
 */
export function stagesInScope(file: ParsedDockerfile, all: boolean, targets?: ReadonlySet<string>): Stage[] {
  if (all) return [...file.stages];
  const shipped = shippedStages(file, targets);
  return file.stages.filter((s) => shipped.has(s.index));
}

