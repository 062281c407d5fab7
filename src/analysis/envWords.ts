/**
 * A RUN's shell words read with the values the Dockerfile's ENV gives: the shell sees them in
 * its environment, so `useradd $SERVICE_NAME` under `ENV SERVICE_NAME graojs`, or
 * `sh -c "source $NVM_DIR/nvm.sh"` under `ENV NVM_DIR=/usr/local/nvm`, has a value to read.
 */
import type { Instruction, ParsedDockerfile, Stage } from '../dockerfile/types.js';
import { envAtEnd, fixedValues, properties, variablesAt } from '../dockerfile/variables.js';
import { expandWord } from '../dockerfile/words.js';
import type { ShellWord } from '../shell/types.js';

/**
 * The word as the shell reads it, with the variables an ENV gives; null when it holds anything
 * else known only at build time: a build argument or an ENV that reads one (the build may
 * pass another value), a
 * substitution, a name the Dockerfile does not set, or one `script` (the text the word is
 * part of) sets itself (`NAME=x; sh -c "… $NAME"`). With `argDefaults`, an ARG's default is
 * read as the value a plain build uses (what a program is, not what must hold for every build).
 */
export function wordWithEnv(file: ParsedDockerfile, inst: Instruction, word: ShellWord, script?: string, argDefaults = false): string | null {
  if (word.value !== null) return word.value;
  if (/`|\$\(|\$'|\$"/.test(word.raw)) return null;
  const vars = variablesAt(file, inst);
  const expanded = expandWord(word.raw, argDefaults ? (name) => vars.get(name)?.value ?? null : fixedValues(vars), '\\');
  if (expanded.value === null) return null;
  if (script !== undefined && expanded.vars.some((n) => setsVariable(script, n))) return null;
  return expanded.value;
}

/** Whether a script assigns, exports, reads or loops over `name`, so its value there is the script's own. */
function setsVariable(script: string, name: string): boolean {
  return new RegExp(`(?:^|[\\s;&|(])(?:(?:export|local|readonly|declare|typeset)\\s+(?:-\\w+\\s+)*)?${name}\\+?=|\\bread\\b[^\\n;&|]*\\s${name}\\b|\\bfor\\s+${name}\\s+in\\b`).test(script);
}

/**
 * A word of the container's start command that holds a variable (\`ENTRYPOINT /usr/bin/$INITSH\`), read with the values
 * the container's environment has from the ENVs of \`stage\` and the stages it builds on; null when one of them is not
 * known (a name no ENV sets, which the base image or \`docker run -e\` may give), the value is empty, or the word holds a
 * substitution. With \`literal\`, also null when an ENV it reads takes its value from another variable (\`ENV APP=$APP\`
 * under \`ARG APP=…\`: \`--build-arg\` may change it), for what must hold for every build.
 */
export function wordAtStart(file: ParsedDockerfile, stage: Stage, word: string, literal = false): string | null {
  if (/`|\$\(/.test(word)) return null;
  const env = envAtEnd(file, stage);
  const valueOf = (name: string): string | null => {
    const set = env.get(name);
    if (set === undefined) return null;
    if (literal && properties(file, set.inst).some((p) => p.name === name && p.raw !== null && p.raw.includes('$'))) return null;
    return set.value;
  };
  const value = expandWord(word, valueOf, file.escape).value;
  return value === null || value === '' || value.includes('$') ? null : value;
}

/** See buildArgumentAtStart. \`direct\`: \`argument\` is the build argument itself, not an ENV that reads one. */
export interface BuildArgumentAtStart {
  readonly variable: string;
  readonly env: Instruction;
  readonly argument: string;
  readonly direct: boolean;
}

/**
 * The build argument a word of the container's start command takes its value from through an ENV (\`$APP\` under
 * \`ARG APP=/app/start.sh\` and \`ENV APP=$APP\`): the variable, the ENV that sets it, and the build argument that ENV
 * reads; null when none does. wordAtStart reads such a word at the argument's default, which only a plain build
 * uses: \`--build-arg\` may name another file, so what must hold for every build cannot rest on it.
 */
export function buildArgumentAtStart(file: ParsedDockerfile, stage: Stage, word: string): BuildArgumentAtStart | null {
  const env = envAtEnd(file, stage);
  for (const variable of expandWord(word, () => null, file.escape).vars) {
    const set = env.get(variable);
    if (set === undefined) continue;
    const vars = variablesAt(file, set.inst);
    for (const p of properties(file, set.inst)) {
      if (p.name !== variable || p.raw === null) continue;
      const argument = expandWord(p.raw, () => null, file.escape).vars.find((n) => vars.get(n)?.fromBuildArg === true);
      if (argument !== undefined) return { variable, env: set.inst, argument, direct: vars.get(argument)!.kind === 'arg' };
    }
  }
  return null;
}

/** How a reason says where buildArgumentAtStart's value comes from: \`the ENV on line 3 sets $APP from the build argument APP\`. */
export function buildArgumentWhy(found: BuildArgumentAtStart): string {
  const from = found.direct ? `the build argument ${found.argument}` : `${found.argument}, which a build argument gives`;
  return `the ENV on line ${found.env.line} sets \`$${found.variable}\` from ${from}`;
}
