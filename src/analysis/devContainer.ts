import * as path from 'node:path';
import type { BuildContext } from '../engine/context.js';
import { dockerfileMatch, servicesBuilding, type DockerfileMatch } from './compose.js';
import { canonicalName } from '../dockerfile/imageRef.js';
import { rootStage, stageLineage } from '../dockerfile/stages.js';
import { stagesFeedingFinal } from '../dockerfile/graph.js';
import { commandsNamed, runScripts, type RunScript } from './runScripts.js';
import type { ParsedDockerfile } from '../dockerfile/types.js';
import { properties, resolveBase } from '../dockerfile/variables.js';
import { installedPackages } from './builds/packages.js';
import { ciAgentDownload, ciJobImage, DEBUGGING_TOOLS, DEVELOPMENT_TOOLS, developmentImage, developmentServerDownload, type DevelopmentTool } from '../knowledge/index.js';
import { packageCommands, type SimpleCommand } from '../shell/index.js';
import { FileMemo } from '../memo.js';
import { listed } from '../prose.js';
import { packageOperandName } from '../knowledge/packageNames.js';

/** What builds the Dockerfile as a development environment. */
export type DevContainer =
  /** A dev container configuration. */
  | {
      readonly tool: 'devcontainer';
      /** The configuration's path in the build context. */
      readonly config: string;
      /** The user it runs the container or the editor as (`containerUser`, else `remoteUser`), when it names one. */
      readonly user: string | null;
      /** The image made to be worked in that the final stage builds on, which picks the user when the configuration does not. */
      readonly builtOn: { readonly image: string; readonly what: string } | null;
    }
  /**
   * CodeSandbox, which builds `.codesandbox/Dockerfile` as the container every terminal of the
   * sandbox opens in, as root (codesandbox.io/docs/learn/environment/docker).
   */
  | { readonly tool: 'codesandbox'; readonly config: '.codesandbox/Dockerfile' }
  /** An image made to be worked in (a dev container image, a Gitpod workspace, code-server), which the final stage builds on. */
  | { readonly tool: 'image'; readonly image: string; readonly what: string }
  /**
   * A final stage that runs \`unminimize\`, which puts back the man pages and documentation Ubuntu's
   * minimal image leaves out: only people who work at the container's prompt read them.
   */
  | { readonly tool: 'unminimize'; readonly line: number }
  /**
   * A final stage labelled \`com.github.containers.toolbox="true"\`, the label toolbox(1) asks of the images it makes
   * Toolbx containers of: interactive environments the user works in, at the prompt, with the host's home.
   */
  | { readonly tool: 'toolbox'; readonly line: number }
  /**
   * A final stage that installs an editor served to a browser (code-server), or a language's step debugger
   * (DEVELOPMENT_TOOLS: Xdebug): the image is one to be worked in.
   */
  | { readonly tool: 'installs'; readonly line: number; readonly what: string }
  /** A final stage that installs debuggers and tracers (DEBUGGING_TOOLS): a debug image, worked in through `docker exec`. */
  | { readonly tool: 'debug'; readonly line: number; readonly tools: readonly string[] };

/** What makes the Dockerfile a development environment, as a refusal says it. */
export function devContainerSaid(dev: DevContainer): string {
  switch (dev.tool) {
    case 'codesandbox':
      return `CodeSandbox builds ${dev.config} as a dev container`;
    case 'devcontainer':
      return `${dev.config} builds this Dockerfile as a dev container`;
    case 'image':
      return `the image is built on ${dev.image}, ${dev.what}`;
    case 'unminimize':
      return `line ${dev.line} runs unminimize, which puts back the man pages and documentation Ubuntu's minimal image leaves out, for the people who work at the container's prompt`;
    case 'toolbox':
      return `line ${dev.line} labels the image com.github.containers.toolbox="true", for Toolbx: toolbox(1) makes interactive containers of it, with the host's home`;
    case 'installs':
      return `line ${dev.line} installs ${dev.what}`;
    case 'debug':
      return `line ${dev.line} installs ${listed(dev.tools)}, debuggers and tracers for the people who work in the container through \`docker exec\`, attaching to its processes and capturing its packets as root: a debug image`;
  }
}

/** Where the dev container tools look for a configuration, from the folder they build. */
const CONFIGS = ['devcontainer.json', '.devcontainer.json', '.devcontainer/devcontainer.json'];

/**
 * The devcontainer.json of the build context that builds this Dockerfile (its `build.dockerfile`, or the
 * older `dockerFile`, or the build of the compose service it runs, names this file, as compose.ts's
 * dockerfileMatch tells), or null. Such an image is a development environment: the configuration picks
 * the user, and what the developer runs in it is not in the Dockerfile. So is one whose final stage
 * builds on an image made to be worked in (knowledge/devEnvironments.ts), whatever builds it.
 */
export function devContainerOf(ctx: BuildContext | null, dockerfilePath: string | null, input?: ParsedDockerfile): DevContainer | null {
  if (input === undefined) return readDevContainer(ctx, dockerfilePath, input);
  let byContext = known.get(input);
  if (byContext === undefined) known.set(input, (byContext = new Map()));
  let byPath = byContext.get(ctx);
  if (byPath === undefined) byContext.set(ctx, (byPath = new Map()));
  let dev = byPath.get(dockerfilePath);
  if (dev === undefined) byPath.set(dockerfilePath, (dev = readDevContainer(ctx, dockerfilePath, input)));
  return dev;
}

/** By the input's parse, build context and path: three transforms ask in every pass, of the same input. */
const known = new FileMemo<Map<BuildContext | null, Map<string | null, DevContainer | null>>>();

function readDevContainer(ctx: BuildContext | null, dockerfilePath: string | null, input: ParsedDockerfile | undefined): DevContainer | null {
  // The place alone says so: CodeSandbox reads no configuration to find it.
  if (dockerfilePath !== null && path.basename(dockerfilePath) === 'Dockerfile' && path.basename(path.dirname(path.resolve(dockerfilePath))) === '.codesandbox') {
    return { tool: 'codesandbox', config: '.codesandbox/Dockerfile' };
  }
  // A configuration says more (the user it picks) than the image does.
  const configured = ctx === null ? null : configuredDevContainer(ctx, dockerfilePath, input?.text);
  const base = input === undefined ? null : developmentBase(input);
  if (configured !== null) return base?.tool === 'image' ? { ...configured, builtOn: { image: base.image, what: base.what } } : configured;
  return base ?? (input === undefined ? null : (unminimized(input) ?? toolboxImage(input) ?? installedDevelopmentTool(input) ?? debugImage(input)));
}

/**
 * What makes the final image one CI jobs run in: a CI agent a RUN downloads into it (CI_AGENT_DOWNLOADS),
 * or an image made for CI jobs that it builds on (CI_JOB_IMAGES).
 */
export type CiAgentImage = { readonly kind: 'download'; readonly line: number; readonly what: string } | { readonly kind: 'image'; readonly image: string; readonly what: string };

/** What makes the image one CI jobs run in, as a refusal says it. */
export function ciAgentSaid(agent: CiAgentImage): string {
  return agent.kind === 'download' ? `line ${agent.line} downloads ${agent.what}, which runs its jobs in this image` : `the image is built on ${agent.image}, ${agent.what}, which CI jobs run in`;
}

/**
 * Whether CI jobs run in the final image, or null: it builds on an image made for them, or a RUN
 * downloads a CI agent into it, in its stage or one it builds on or copies from (the runner's image
 * downloads it in a build stage and copies the folder in). What the jobs run is in the workflows,
 * not the Dockerfile.
 */
export function ciAgentImage(file: ParsedDockerfile): CiAgentImage | null {
  return ciAgents.of(file, readCiAgentImage);
}

const ciAgents = new FileMemo<CiAgentImage | null>();

function readCiAgentImage(file: ParsedDockerfile): CiAgentImage | null {
  const final = file.stages.at(-1);
  const ref = final === undefined ? null : (resolveBase(file, rootStage(file, final))?.ref ?? null);
  const image = ref === null ? null : ciJobImage(canonicalName(ref));
  if (image !== null && ref !== null) return { kind: 'image', image: ref.raw, what: image.what };
  for (const index of [...stagesFeedingFinal(file)].sort((a, b) => a - b)) {
    for (const run of runScripts(file, file.stages[index]!)) {
      const found = ciAgentDownload(run.text);
      if (found !== null) return { kind: 'download', line: run.inst.line, what: found.what };
    }
  }
  return null;
}

/** The debuggers and tracers the final stage (or a stage it builds on) installs, when two or more, with the RUN that installs the second. */
function debugImage(file: ParsedDockerfile): DevContainer | null {
  const final = file.stages.at(-1);
  if (final === undefined) return null;
  const tools: string[] = [];
  let line: number | null = null;
  for (const stage of stageLineage(file, final).reverse()) {
    for (const run of runScripts(file, stage)) {
      for (const name of installedPackages([run]).names) if (DEBUGGING_TOOLS.has(name) && !tools.includes(name)) tools.push(name);
      if (line === null && tools.length >= 2) line = run.inst.line;
    }
  }
  return line === null ? null : { tool: 'debug', line, tools };
}

/**
 * The RUN of the final stage (or a stage it builds on) that downloads an editor served to a browser, or
 * installs a language's step debugger, if one does.
 */
function installedDevelopmentTool(file: ParsedDockerfile): DevContainer | null {
  const final = file.stages.at(-1);
  if (final === undefined) return null;
  for (const stage of stageLineage(file, final).reverse()) {
    for (const run of runScripts(file, stage)) {
      const server = developmentServerDownload(run.text);
      if (server !== null) return { tool: 'installs', line: run.inst.line, what: server.what };
      const tool = developmentToolInstalled(run);
      if (tool !== null) return { tool: 'installs', line: run.inst.line, what: tool.what };
    }
  }
  return null;
}

/**
 * The development tool (DEVELOPMENT_TOOLS) a RUN installs every time it runs: not one it installs only
 * under a condition (\`if [ "$ENV" = dev ]; then pecl install xdebug; fi\`, \`[ "$DEBUG" ] && …\`, a
 * \`case\`), which a build argument decides and which may well be off in the image that ships.
 */
function developmentToolInstalled(run: RunScript): DevelopmentTool | null {
  if (run.parsed === null) return null;
  const conditional = (c: SimpleCommand) =>
    c.enclosing.some((e) => e === 'if' || e === 'case' || e === 'function') ||
    run.parsed!.commands.some((t) => t.statement === c.statement && t.start < c.start && (t.name === '[' || t.name === '[[' || t.name === 'test'));
  // The condition last: asked of every command, its look back along the statement made a long pipeline quadratic.
  for (const tool of DEVELOPMENT_TOOLS) {
    for (const c of run.parsed.commands) {
      if (c.name !== null && tool.programs.has(path.posix.basename(c.name)) && c.args.some((a) => a !== null && tool.argument.test(a)) && !conditional(c)) return tool;
    }
    for (const cmd of packageCommands(run.parsed)) {
      if (cmd.action === 'install' && cmd.operands.some((w) => w.value !== null && tool.packages.test(packageOperandName(w.value))) && !conditional(cmd.command)) return tool;
    }
  }
  return null;
}

/** The RUN of the final stage (or a stage it builds on) that runs \`unminimize\`, if one does. */
function unminimized(file: ParsedDockerfile): DevContainer | null {
  const final = file.stages.at(-1);
  if (final === undefined) return null;
  for (const stage of stageLineage(file, final).reverse()) {
    const found = commandsNamed(runScripts(file, stage), 'unminimize')[0];
    if (found !== undefined) return { tool: 'unminimize', line: found.run.inst.line };
  }
  return null;
}

/** The LABEL of the final stage (or a stage it builds on) that marks the image as one for Toolbx containers, if one does. */
function toolboxImage(file: ParsedDockerfile): DevContainer | null {
  const final = file.stages.at(-1);
  if (final === undefined) return null;
  for (const stage of stageLineage(file, final)) {
    for (const inst of stage.instructions) {
      if (inst.keyword !== 'LABEL') continue;
      if (properties(file, inst).some((p) => p.name === 'com.github.containers.toolbox' && /^["']?true["']?$/.test(p.raw ?? ''))) return { tool: 'toolbox', line: inst.line };
    }
  }
  return null;
}

/** The devcontainer.json of the build context that builds this Dockerfile, if one does. */
function configuredDevContainer(ctx: BuildContext, dockerfilePath: string | null, text: string | undefined): Extract<DevContainer, { tool: 'devcontainer' }> | null {
  const isThis = dockerfileMatch(ctx, dockerfilePath, text);
  for (const config of CONFIGS) {
    const json = ctx.read(config);
    if (json === null) continue;
    const plain = withoutComments(json);
    // Paths in devcontainer.json are from its folder.
    const named = [...plain.matchAll(/"docker[Ff]ile"\s*:\s*"([^"]*)"/g)].map((m) => path.posix.join(path.posix.dirname(config), m[1]!.replace(/\\/g, '/')));
    if (!named.some(isThis) && !composeBuilds(ctx, config, plain, isThis)) continue;
    const user = /"containerUser"\s*:\s*"([^"]+)"/.exec(plain)?.[1] ?? /"remoteUser"\s*:\s*"([^"]+)"/.exec(plain)?.[1] ?? null;
    return { tool: 'devcontainer', config, user, builtOn: null };
  }
  return null;
}

/** The image made to be worked in that the final stage builds on, if it is one. */
function developmentBase(file: ParsedDockerfile): DevContainer | null {
  const final = file.stages.at(-1);
  const ref = final === undefined ? null : (resolveBase(file, rootStage(file, final))?.ref ?? null);
  const known = ref === null ? null : developmentImage(canonicalName(ref));
  return known === null || ref === null ? null : { tool: 'image', image: ref.raw, what: known.what };
}

/**
 * Whether the compose service a devcontainer.json runs (\`dockerComposeFile\`, \`service\`) is built from this
 * Dockerfile. The compose files lie beside the configuration; one outside the build context cannot be read, and
 * does not count.
 */
function composeBuilds(ctx: BuildContext, config: string, json: string, isThis: DockerfileMatch): boolean {
  const service = /"service"\s*:\s*"([^"]+)"/.exec(json)?.[1];
  const files = /"dockerComposeFile"\s*:\s*("[^"]*"|\[[^\]]*\])/.exec(json)?.[1];
  if (service === undefined || files === undefined) return false;
  return [...files.matchAll(/"([^"]+)"/g)].some((m) => servicesBuilding(ctx, path.posix.join(path.posix.dirname(config), m[1]!), isThis).some((s) => s.name === service));
}

/** devcontainer.json is JSON with comments: drops `//` and `/* *\/` comments outside strings. */
function withoutComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
