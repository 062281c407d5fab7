import { parseDockerfile } from '../../src/dockerfile/parse.js';
import type { Instruction, ParsedDockerfile } from '../../src/dockerfile/types.js';
import { applyEdits, editProblem } from '../../src/engine/edits.js';
import type { Edit } from '../../src/engine/types.js';
import { runBody, type RunBody } from '../../src/shell/body.js';
import type { EditResult } from '../../src/shell/edit.js';

/** The parsed file and the body of its `n`th RUN (0-based); fails the test when refused. */
export function bodyOf(text: string, n = 0): { file: ParsedDockerfile; inst: Instruction; body: RunBody } {
  const file = parseDockerfile(text);
  const inst = file.instructions.filter((i) => i.keyword === 'RUN')[n];
  if (inst === undefined) throw new Error(`no RUN #${n}`);
  const body = runBody(file, inst);
  if (!body.ok) throw new Error(`refused: ${body.code} ${body.reason}`);
  return { file, inst, body };
}

/** Applies edits the way the engine would, after checking the engine accepts them. */
export function apply(file: ParsedDockerfile, edits: readonly Edit[]): string {
  for (const e of edits) {
    const problem = editProblem(file, e);
    if (problem !== null) throw new Error(problem);
  }
  return applyEdits(file.text, edits);
}

export function applied(file: ParsedDockerfile, result: EditResult): string {
  if (!result.ok) throw new Error(`refused: ${result.code} ${result.reason}`);
  return apply(file, result.edits);
}
