import { buildsOn, descendantStages, shippedImages, shippedStages } from '../dockerfile/stages.js';
import type { ParsedDockerfile, Stage } from '../dockerfile/types.js';
import type { BuildContext } from '../engine/context.js';
import { listed } from '../prose.js';
import { publishedTargets } from './buildTargets.js';

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

/** A stage that is an image the project ships, and the stages built on it, which inherit what a change to it does. */
export interface FinalImage {
  readonly stage: Stage;
  /** The later stages built FROM it, directly or through others, in file order. */
  readonly builtOn: readonly Stage[];
  /** Those of them that are images the project ships too. */
  readonly shippedOnTop: readonly Stage[];
}

/**
 * The images a change for "the final image" (its command, its base, a split into a build and a runtime
 * stage) is made in, in file order: the last stage, the stage a last test stage tests, and the stages the
 * project publishes with \`--target\` (shippedImages with publishedTargets). A Dockerfile whose workflow pushes
 * \`--target app\` ships app, not the \`FROM app AS debug\` after it. Each comes with the stages built on it: a
 * change there reaches them too, which each transform must judge right for them, or refuse (finalImageWhy).
 */
export function finalImages(file: ParsedDockerfile, ctx: BuildContext | null, dockerfilePath: string | null, text: string | undefined): FinalImage[] {
  const images = shippedImages(file, publishedTargets(ctx, dockerfilePath, text));
  return images.map((stage) => ({
    stage,
    builtOn: descendantStages(file, stage),
    shippedOnTop: images.filter((other) => buildsOn(file, other, stage)),
  }));
}

/** A stage as a reason names it: its name, or its number. */
export function stageLabel(stage: Stage): string {
  return stage.name ?? `stage ${stage.index}`;
}

/**
 * Why a change for the final image is not made in `image`, a stage that `on` (stages of image.builtOn) build on:
 * `change` is what the change would do there, and `effect` what that would mean for them.
 */
export function finalImageWhy(image: FinalImage, on: readonly Stage[], change: string, effect: string): string {
  const ships = on.filter((s) => image.shippedOnTop.includes(s));
  const verb = (n: number) => (n === 1 ? 'ships' : 'ship');
  const shipped = ships.length === 0 ? '' : ships.length === on.length ? `, which ${verb(on.length)} too` : ` (${listed(ships.map(stageLabel))} ${verb(ships.length)} too)`;
  return `${stageLabel(image.stage)}, an image the project ships, is the base of ${listed(on.map(stageLabel))}${shipped}: ${change} would reach ${on.length === 1 ? 'it' : 'them'} as well, and ${effect}`;
}
