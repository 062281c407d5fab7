import { logicalText } from '../dockerfile/logical.js';
import type { Instruction, ParsedDockerfile } from '../dockerfile/types.js';
import { short } from './needs.js';

/**
 * An instruction as messages show it: its logical line, shortened as the other
 * analysis messages shorten commands (`RUN tar -xzf /tmp/x.tgz && rm …`). Messages
 * name instructions this way rather than by line, because earlier rewrites may
 * have moved the lines.
 */
export function preview(file: ParsedDockerfile, inst: Instruction): string {
  return `\`${short(logicalText(file.text, inst.span.start, inst.span.end, file.escape).text)}\``;
}
