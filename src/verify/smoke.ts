import type { Builder, HttpProbe, SmokeRun, SmokeSpec, StopTiming } from './types.js';

const OUTPUT_LIMIT = 64 * 1024;
const PROBE_INTERVAL_MS = 250;
/** Long enough for a container tool to start and answer whether the container exited. */
const EXIT_CHECK_SECONDS = 1;

/**
 * Runs an image the way a user would, with `--network none`: its own
 * CMD/ENTRYPOINT or the `--smoke` arguments. A run that is still going at the
 * timeout is a server: it is then stopped, and the stop is timed (a shell as
 * PID 1 ignores SIGTERM, so the stop waits out the grace period and kills).
 * With an HTTP probe, the run is polled until the port answers.
 */
export async function runSmoke(builder: Builder, image: string, spec: SmokeSpec, sleep = delay): Promise<SmokeRun> {
  const started = await builder.start(image, spec.args === null ? {} : { args: spec.args });
  if (!started.ok) {
    return { state: 'failed-to-start', exitCode: null, output: started.error.detail ?? started.error.message, http: null, stop: null };
  }
  const id = started.value;
  try {
    let http: HttpProbe | null = null;
    let waited: Awaited<ReturnType<Builder['wait']>>;
    if (spec.http === null) {
      waited = await builder.wait(id, spec.timeoutSeconds);
    } else {
      ({ http, waited } = await pollHttp(builder, id, spec, sleep));
    }
    if (!waited.ok) return { state: 'failed-to-start', exitCode: null, output: waited.error.message, http, stop: null };
    if (waited.value.exited) {
      return { state: 'exited', exitCode: waited.value.exitCode, output: truncate(await builder.logs(id)), http, stop: null };
    }
    const stop = await timedStop(builder, id, spec.stopGraceSeconds);
    return { state: 'running', exitCode: null, output: truncate(await builder.logs(id)), http, stop };
  } finally {
    await builder.removeContainer(id);
  }
}

async function pollHttp(builder: Builder, id: string, spec: SmokeSpec, sleep: (ms: number) => Promise<void>) {
  const { port, path } = spec.http!;
  const deadline = performance.now() + spec.timeoutSeconds * 1000;
  let http: HttpProbe = { ok: false, message: 'no answer' };
  for (;;) {
    const state = await builder.wait(id, EXIT_CHECK_SECONDS);
    if (!state.ok || state.value.exited) return { http, waited: state };
    http = await builder.probeHttp(id, port, path, 2000);
    if (http.ok || performance.now() >= deadline) return { http, waited: state };
    await sleep(PROBE_INTERVAL_MS);
  }
}

async function timedStop(builder: Builder, id: string, grace: number): Promise<StopTiming | null> {
  const t0 = performance.now();
  const stopped = await builder.stop(id, grace);
  const seconds = (performance.now() - t0) / 1000;
  if (!stopped.ok) return null;
  // 137 = 128 + SIGKILL: the stop signal did not end it within the grace period.
  return { seconds, exitCode: stopped.value, killed: stopped.value === 137 || seconds >= grace };
}

function truncate(s: string): string {
  return s.length > OUTPUT_LIMIT ? `${s.slice(0, OUTPUT_LIMIT)}\n[… ${s.length - OUTPUT_LIMIT} more characters]` : s;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type SmokeComparison = { readonly same: true } | { readonly same: false; readonly reason: string };

/**
 * Whether the rewritten image behaves as the original in the smoke run. A
 * program that exits must exit with the same status and print the same output;
 * a server must still be running (and answer the probe the same way). Server
 * logs are not compared: they carry times and ids. The stop time is reported,
 * not compared: shortening it is what exec-form is for.
 */
export function compareSmoke(before: SmokeRun, after: SmokeRun): SmokeComparison {
  const differ = (reason: string): SmokeComparison => ({ same: false, reason });
  if (after.state !== before.state) return differ(`${describeRun(before)} before, ${describeRun(after)} after`);
  if (before.state === 'exited') {
    if (before.exitCode !== after.exitCode) {
      const said = lastLine(after.output);
      return differ(`exit ${before.exitCode} before, exit ${after.exitCode} after${said === '' ? '' : ` (${JSON.stringify(said)})`}`);
    }
    if (before.output !== after.output) return differ(`output differs: ${firstDifference(before.output, after.output)}`);
  }
  if (before.http !== null || after.http !== null) {
    const b = before.http;
    const a = after.http;
    if (b?.ok !== a?.ok) return differ(`HTTP probe: ${describeProbe(b)} before, ${describeProbe(a)} after`);
    if (b?.ok === true && a?.ok === true) {
      if (b.status !== a.status) return differ(`HTTP status ${b.status} before, ${a.status} after`);
      if (b.body !== a.body) return differ(`HTTP body differs: ${firstDifference(b.body, a.body)}`);
    }
  }
  return { same: true };
}

export function describeRun(run: SmokeRun): string {
  if (run.state === 'exited') return `exit ${run.exitCode}`;
  if (run.state === 'running') return 'running';
  return 'did not start';
}

export function describeProbe(p: HttpProbe | null): string {
  if (p === null) return 'not probed';
  return p.ok ? `HTTP ${p.status}` : `no answer (${p.message})`;
}

function lastLine(s: string): string {
  const line = s.trimEnd().split('\n').at(-1) ?? '';
  return line.length > 120 ? `${line.slice(0, 117)}…` : line;
}

/** The first line where two outputs differ, quoted both ways. */
export function firstDifference(a: string, b: string): string {
  const al = a.split('\n');
  const bl = b.split('\n');
  for (let i = 0; i < Math.max(al.length, bl.length); i++) {
    if (al[i] !== bl[i]) {
      const q = (s: string | undefined) => (s === undefined ? '(no line)' : JSON.stringify(s.length > 120 ? `${s.slice(0, 117)}…` : s));
      return `line ${i + 1}: ${q(al[i])} before, ${q(bl[i])} after`;
    }
  }
  return 'same lines, different bytes';
}
