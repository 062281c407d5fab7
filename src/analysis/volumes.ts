/** The VOLUMEs a stage declares, as absolute paths: folders the container is meant to write to. */
import * as path from 'node:path';
import { logicalText } from '../dockerfile/logical.js';
import { stageLineage } from '../dockerfile/stages.js';
import type { Instruction, ParsedDockerfile, Stage } from '../dockerfile/types.js';
import { variablesAt } from '../dockerfile/variables.js';
import { expandWord } from '../dockerfile/words.js';

export interface VolumePath {
  readonly path: string;
  readonly inst: Instruction;
}

/** The VOLUME paths of the stage and what it builds on, absolute; unknown ones are skipped. */
export function volumePaths(file: ParsedDockerfile, stage: Stage): VolumePath[] {
  const out: VolumePath[] = [];
  for (const s of stageLineage(file, stage).reverse()) {
    for (const inst of s.instructions) {
      if (inst.keyword !== 'VOLUME' || inst.argsSpan === null) continue;
      const vars = variablesAt(file, inst);
      const words = inst.form === 'exec' ? (inst.execArgs ?? []) : logicalText(file.text, inst.argsSpan.start, inst.argsSpan.end, file.escape).text.trim().split(/\s+/);
      for (const w of words) {
        const value = expandWord(w, (n) => vars.get(n)?.value ?? null, file.escape).value;
        if (value !== null && value.startsWith('/')) out.push({ path: path.posix.normalize(value).replace(/(.)\/$/, '$1'), inst });
      }
    }
  }
  return out;
}
