import type { Instruction, ParsedDockerfile } from './types.js';

/** A problem that makes the file something BuildKit would reject. */
export interface ValidationError {
  readonly line: number;
  readonly message: string;
}

const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

/** Instructions that need at least one argument. */
const NEEDS_ARGS = new Set([...KEYWORDS].filter((k) => k !== 'HEALTHCHECK'));

/**
 * dockerfile-ast accepts anything; transforms must only ever see files that
 * BuildKit would parse, so the engine checks the rules BuildKit's parser and
 * instruction dispatch enforce before anything edits the file.
 */
export function validate(file: ParsedDockerfile): ValidationError | null {
  // dockerfile-ast ends a line at a lone CR; BuildKit only at LF. Their views of such a file differ.
  const cr = /\r(?!\n)/.exec(file.text);
  if (cr !== null) return { line: file.lines.lineOf(cr.index), message: 'carriage return not followed by a line feed (BuildKit does not end a line there)' };
  if (file.instructions.length === 0) return { line: 1, message: 'file with no instructions' };
  let seenFrom = false;
  for (const inst of file.instructions) {
    const problem = checkInstruction(file, inst, seenFrom);
    if (problem !== null) return { line: inst.line, message: problem };
    if (inst.keyword === 'FROM') seenFrom = true;
  }
  return null;
}

function checkInstruction(file: ParsedDockerfile, inst: Instruction, seenFrom: boolean): string | null {
  const written = file.text.slice(inst.keywordSpan.start, inst.keywordSpan.end);
  if (!KEYWORDS.has(inst.keyword)) return `unknown instruction: ${written}`;
  if (!seenFrom && inst.keyword !== 'ARG' && inst.keyword !== 'FROM') {
    return `${inst.keyword} before the first FROM (only ARG may come first)`;
  }
  if (NEEDS_ARGS.has(inst.keyword) && inst.argsSpan === null && inst.heredocs.length === 0) {
    return `${inst.keyword} requires at least one argument`;
  }
  if (inst.keyword === 'FROM') return checkFrom(file, inst);
  if (inst.keyword === 'ENV' || inst.keyword === 'LABEL') return checkKeyValue(inst);
  if (inst.keyword === 'ONBUILD') return checkOnbuild(file, inst);
  return null;
}

function checkFrom(file: ParsedDockerfile, inst: Instruction): string | null {
  const stage = file.stages.find((s) => s.from === inst);
  if (stage === undefined) return null;
  const args = inst.node.getArguments().map((a) => a.getValue());
  if (args.length !== 1 && !(args.length === 3 && args[1]!.toUpperCase() === 'AS')) {
    return 'FROM takes an image and optionally "AS name"';
  }
  if (stage.base.kind === 'unknown' && !stage.base.raw.includes('$')) {
    return `invalid image reference "${stage.base.raw}"`;
  }
  if (stage.base.kind === 'unknown' && /%%|[^\w.:/@${}+-]/.test(stage.base.raw.replace(/\$\{[^}]*\}/g, ''))) {
    return `invalid image reference "${stage.base.raw}"`;
  }
  return null;
}

function checkKeyValue(inst: Instruction): string | null {
  const args = inst.node.getArguments().map((a) => a.getValue());
  const first = args[0] ?? '';
  // Legacy `ENV key value` needs a value; `key=value` pairs each need `=`.
  if (!first.includes('=') && args.length < 2) return `${inst.keyword} ${first} has no value`;
  return null;
}

function checkOnbuild(file: ParsedDockerfile, inst: Instruction): string | null {
  if (inst.argsSpan === null) return null;
  const inner = /^\s*([A-Za-z]+)/.exec(file.text.slice(inst.argsSpan.start, inst.argsSpan.end));
  const keyword = inner?.[1]?.toUpperCase() ?? '';
  if (!KEYWORDS.has(keyword)) return `unknown instruction in ONBUILD: ${inner?.[1] ?? ''}`;
  if (keyword === 'ONBUILD' || keyword === 'FROM' || keyword === 'MAINTAINER') return `ONBUILD ${keyword} is not allowed`;
  return null;
}
