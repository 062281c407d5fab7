import type { Io } from './cli.js';
import { pipelineFailureKind } from './engine/failures.js';
import { templateSkip } from './engine/template.js';
import { otherFrontend, otherFrontendMessage } from './engine/frontend.js';
import { exitCodeOf, severityOf, type ErrorPolicy } from './engine/outcome.js';
import { runPipeline } from './engine/pipeline.js';
import { generatedHeader, generatedMessage } from './engine/generated.js';
import { errorLine, explainLines, skipLine } from './engine/report.js';
import { configureWithModules, type Selection } from './engine/select.js';

export interface StdinRun {
  readonly selection: Selection;
  /** Names the input in messages. */
  readonly name: string;
  readonly check: boolean;
  readonly explain: boolean;
  /** `--quiet`: no note on stderr for a generated input. */
  readonly quiet: boolean;
  readonly onError: ErrorPolicy;
}

/**
 * The editor/script contract: only the resulting text on stdout; messages and
 * `--explain` on stderr. An input that cannot be processed prints nothing and
 * exits 2, or, with --on-error=warn, is printed back unchanged with a warning
 * (an editor replacing its buffer with stdout keeps the text). With --check, exit
 * 1 when the text would change. A generated input (see generated.ts) is printed back
 * unchanged with a note, as a run over files leaves it, unless the selection includes them.
 */
export async function runStdin(run: StdinRun, io: Io): Promise<number> {
  const bytes = await readUnlessInterrupted(io);
  if (bytes === null) return exitCodeOf({ changed: 0, errors: 0 }, false, io.interrupt!.reason as NodeJS.Signals);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return failed(io, run, 'not-text', null, 'input is not valid UTF-8', bytes);
  }
  const generated = run.selection.includeGenerated === true ? null : generatedHeader(text);
  const frontend = otherFrontend(text);
  const skip = generated !== null ? generatedMessage(generated) : frontend !== null ? otherFrontendMessage(frontend) : null;
  if (skip !== null) {
    if (!run.quiet || run.explain) io.stderr(`${skipLine(run.name, skip)}\n`);
    io.stdout(bytes);
    return exitCodeOf({ changed: 0, errors: 0 }, run.check, null);
  }
  const result = runPipeline(text, await configureWithModules(run.selection), { tier: run.selection.tier ?? 'review' });
  if (!result.ok) {
    const kind = pipelineFailureKind(text);
    const template = kind === 'transform' ? null : templateSkip(run.name, text, result.error);
    if (template !== null) {
      if (!run.quiet || run.explain) io.stderr(`${skipLine(run.name, template.message)}\n`);
      io.stdout(bytes);
      return exitCodeOf({ changed: 0, errors: 0 }, run.check, null);
    }
    return failed(io, run, kind, result.error.line, result.error.message, bytes);
  }
  if (run.explain) {
    for (const line of explainLines({ path: run.name, changes: result.changes, refusals: result.refusals, newFiles: [], fileEdits: [], runtime: result.runtime })) io.stderr(`${line}\n`);
  }
  io.stdout(Buffer.from(result.output, 'utf8'));
  return exitCodeOf({ changed: result.output !== text ? 1 : 0, errors: 0 }, run.check, null);
}

function failed(io: Io, run: StdinRun, kind: Parameters<typeof severityOf>[0], line: number | null, message: string, input: Uint8Array): number {
  const severity = severityOf(kind, run.onError);
  io.stderr(`${errorLine(run.name, line, message, severity)}\n`);
  if (severity === 'error') return exitCodeOf({ changed: 0, errors: 1 }, run.check, null);
  io.stdout(input);
  return exitCodeOf({ changed: 0, errors: 0 }, run.check, null);
}

/** stdin's bytes, or null when a signal came first. */
async function readUnlessInterrupted(io: Io): Promise<Uint8Array | null> {
  const interrupt = io.interrupt;
  if (interrupt === undefined) return io.readStdin();
  if (interrupt.aborted) return null;
  const aborted = new Promise<null>((resolve) => interrupt.addEventListener('abort', () => resolve(null), { once: true }));
  return Promise.race([io.readStdin(), aborted]);
}
