import { logicalText } from '../dockerfile/logical.js';
import type { Instruction, ParsedDockerfile } from '../dockerfile/types.js';

/**
 * An instruction as messages show it: its logical line, shortened
 * (`RUN tar -xzf /tmp/x.tgz && rm …`). Messages name instructions this way
 * rather than by line, because earlier rewrites may have moved the lines.
 */
export function preview(file: ParsedDockerfile, inst: Instruction): string {
  const line = logicalText(file.text, inst.span.start, inst.span.end, file.escape).text.replace(/\s+/g, ' ').trim();
  return `\`${line.length > 60 ? `${line.slice(0, 59)}…` : line}\``;
}
