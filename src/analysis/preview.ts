import { logicalText } from '../dockerfile/logical.js';
import type { Instruction, ParsedDockerfile } from '../dockerfile/types.js';
import { short } from './needs.js';

/**
 * An instruction as messages show it: its logical line, shortened as the other
 * analysis messages shorten commands (`RUN tar -xzf /tmp/x.tgz && rm …`). Messages
 * name instructions this way rather than by line, because earlier rewrites may
 * have moved the lines.
 *
 * A RUN that is a script in a heredoc (`RUN <<EOF`, `RUN <<EOF bash`) shows its first
 * command after the marker line (`RUN <<EOF … wget -q https://…`), not the shebang, comments
 * and `set -e` lines that open the document run together into one line.
 */
export function preview(file: ParsedDockerfile, inst: Instruction): string {
  const script = heredocScript(file, inst);
  if (script !== null) return `\`${short(script)}\``;
  return `\`${short(logicalText(file.text, inst.span.start, inst.span.end, file.escape).text)}\``;
}

/** Only a shell, if anything, beside the heredoc's marker: the document is the script. */
const SCRIPT_MARKER = /^(?:(?:\/(?:usr\/)?bin\/)?(?:ba|da|z|k)?sh(?:\s+-\S+)*\s+)?<<-?\s*(["']?)[A-Za-z_][\w.-]*\1(?:\s+(?:\/(?:usr\/)?bin\/)?(?:ba|da|z|k)?sh(?:\s+-\S+)*)?\s*$/;

function heredocScript(file: ParsedDockerfile, inst: Instruction): string | null {
  const doc = inst.heredocs[0];
  if (inst.form !== 'heredoc' || doc === undefined || inst.argsSpan === null) return null;
  const markerLineEnd = Math.min(doc.bodyStart, inst.span.end);
  if (!SCRIPT_MARKER.test(file.text.slice(inst.argsSpan.start, markerLineEnd).trim())) return null;
  const lines = file.text.slice(doc.bodyStart, doc.span.end).split(/\r?\n/).slice(0, doc.closed ? -1 : undefined);
  const first = lines.find((l) => !/^\s*(?:#.*|set\s+[-+][A-Za-z]+(?:\s+[-+]?\w+)*)?\s*$/.test(l));
  return first === undefined ? null : `${file.text.slice(inst.span.start, markerLineEnd).trim()} … ${first.trim()}`;
}
