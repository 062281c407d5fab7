import type { ParsedDockerfile, Stage } from '../dockerfile/types.js';
import { properties } from '../dockerfile/variables.js';
import type { BuildContext } from '../engine/context.js';
import { contextYaml, dockerfileMatch } from './compose.js';

/** The metadata files of a GitHub Action, at the root of its folder. */
const ACTION_FILES = ['action.yml', 'action.yaml'];

/**
 * A Docker container action's metadata file, the published image it runs when it names one (\`docker://…\`), and
 * the \`runs.entrypoint\` it starts in place of the image's ENTRYPOINT, when it sets one.
 */
export interface DockerAction {
  readonly file: string;
  readonly published: string | null;
  readonly entrypoint: string | null;
}

/**
 * The action.yml (or action.yaml) of the build context that runs this Dockerfile as a Docker container action
 * (\`runs.using: docker\`, \`runs.image\` naming the Dockerfile, from the action's folder), or null. GitHub runs such
 * an action as the image's default user and requires that to be root: a USER stops it from writing the mounted
 * workspace and GITHUB_* files (docs.github.com, "Dockerfile support for GitHub Actions"). An action that runs a
 * published image (\`image: docker://ghcr.io/owner/tool:1\`) counts for the Dockerfile at the action's root: that
 * is how actions ship the image their own Dockerfile builds, prebuilt (mszostok/codeowners-validator's).
 */
export function dockerActionOf(ctx: BuildContext | null, dockerfilePath: string | null, text?: string): DockerAction | null {
  if (ctx === null) return null;
  const isThis = dockerfileMatch(ctx, dockerfilePath, text);
  for (const file of ACTION_FILES) {
    const runs = contextYaml(ctx, file)?.['runs'];
    if (typeof runs !== 'object' || runs === null) continue;
    const { using, image, entrypoint } = runs as { using?: unknown; image?: unknown; entrypoint?: unknown };
    if (using !== 'docker' || typeof image !== 'string') continue;
    const replaced = typeof entrypoint === 'string' && entrypoint.trim() !== '' ? entrypoint.trim() : null;
    if (image.startsWith('docker://')) {
      if (isThis('Dockerfile')) return { file, published: image.slice('docker://'.length), entrypoint: replaced };
    } else if (isThis(image)) return { file, published: null, entrypoint: replaced };
  }
  return null;
}

/** The labels that carried a Docker container action's metadata before action.yml, which action images still set. */
const ACTION_LABEL = /^com\.github\.actions\.(?:name|description|icon|color)$/;

/**
 * The first label of these stages (a stage and those it builds on) that marks the image as a GitHub Action's
 * (`LABEL com.github.actions.name=…`), or null. Such an image is run as an action's container, as a Dockerfile an
 * action.yml names is, also when the action.yml names it as a published image (`docker://…`) or lives elsewhere.
 */
export function actionLabelOf(file: ParsedDockerfile, stages: readonly Stage[]): { readonly name: string; readonly line: number } | null {
  for (const stage of stages) {
    for (const inst of stage.instructions) {
      if (inst.keyword !== 'LABEL') continue;
      const label = properties(file, inst).find((p) => ACTION_LABEL.test(p.name));
      if (label !== undefined) return { name: label.name, line: inst.line };
    }
  }
  return null;
}
