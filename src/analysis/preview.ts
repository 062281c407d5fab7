import { logicalText } from '../dockerfile/logical.js';
import { documentLines } from '../dockerfile/heredocs.js';
import type { Instruction, ParsedDockerfile } from '../dockerfile/types.js';
import { heredocRun } from '../shell/body.js';
import { short } from './needs.js';

/**
 * An instruction as messages show it: its logical line, shortened as the other
 * analysis messages shorten commands (`RUN tar -xzf /tmp/x.tgz && rm …`). Messages
 * name instructions this way rather than by line, because earlier rewrites may
 * have moved the lines.
 *
 * A RUN that is a script in a heredoc (`RUN <<EOF`, `RUN <<EOF bash`) shows its first
 * command after the marker line (`RUN <<EOF … wget -q https://…`), not the shebang, comments
 * and `set -e` lines that open the document run together into one line; any other instruction
 * with a heredoc shows its line alone (`COPY <<EOF /etc/motd …`), not the document's text and
 * closing line.
 */
export function preview(file: ParsedDockerfile, inst: Instruction): string {
  const script = heredocScript(file, inst);
  if (script !== null) return `\`${short(script)}\``;
  // Any other heredoc's document (a file's text, a command's input) is left out: its line and `…`.
  const doc = inst.heredocs[0];
  if (doc !== undefined) return `\`${short(`${logicalText(file.text, inst.span.start, Math.min(doc.bodyStart, inst.span.end), file.escape).text} …`)}\``;
  return `\`${short(logicalText(file.text, inst.span.start, inst.span.end, file.escape).text)}\``;
}

/** The document of a RUN whose only command is a shell reading it, or that runs it itself (`RUN <<EOF`). */
function heredocScript(file: ParsedDockerfile, inst: Instruction): string | null {
  const doc = inst.heredocs[0];
  if (inst.keyword !== 'RUN' || doc === undefined) return null;
  const run = heredocRun(file, inst);
  if (run === null || run.shell === null) return null;
  const first = documentLines(file, doc).find((l) => !/^\s*(?:#.*|set\s+[-+][A-Za-z]+(?:\s+[-+]?\w+)*)?\s*$/.test(l));
  return first === undefined ? null : `${file.text.slice(inst.span.start, Math.min(doc.bodyStart, inst.span.end)).trim()} … ${first.trim()}`;
}
