import { describe, expect, it } from 'vitest';
import { compareSmoke, firstDifference, runSmoke } from '../../src/verify/smoke.js';
import { err, ok, type Builder, type HttpProbe, type SmokeRun, type SmokeSpec } from '../../src/verify/types.js';

const SPEC: SmokeSpec = { args: null, http: null, timeoutSeconds: 5, stopGraceSeconds: 10 };

/** Only the container half of a builder, scripted per test. */
function containers(script: {
  exits?: number | null;
  stopExit?: number;
  logs?: string;
  probes?: HttpProbe[];
  startFails?: boolean;
}): Builder & { calls: string[] } {
  const calls: string[] = [];
  const probes = [...(script.probes ?? [])];
  const unused = async () => err('build', 'not used');
  return {
    name: 'podman',
    canRun: true,
    calls,
    build: unused,
    exportOci: unused,
    inspect: unused,
    listPackages: async () => ({ manager: null, reason: 'not used' }),
    async start(image, o) {
      calls.push(`start ${image} ${(o.args ?? []).join(' ')}`.trim());
      return script.startFails ? err('smoke', 'cannot start', 'Error: executable file `app` not found in $PATH') : ok('c1');
    },
    async wait(_id, seconds) {
      calls.push(`wait ${seconds}`);
      return ok(script.exits == null ? { exited: false } : { exited: true, exitCode: script.exits });
    },
    async stop(_id, grace) {
      calls.push(`stop ${grace}`);
      return ok(script.stopExit ?? 0);
    },
    async logs() {
      return script.logs ?? '';
    },
    async probeHttp(_id, port, path) {
      calls.push(`probe ${port} ${path}`);
      return probes.shift() ?? { ok: false, message: 'ECONNREFUSED' };
    },
    async removeContainer(id) {
      calls.push(`rm ${id}`);
    },
    removeImages: async () => {},
  };
}

const noSleep = async () => {};

describe('runSmoke', () => {
  it('records exit status and output of a program that exits, and removes the container', async () => {
    const b = containers({ exits: 3, logs: 'boom\n' });
    const run = await runSmoke(b, 'img', { ...SPEC, args: ['app', '--check'] }, noSleep);
    expect(run).toEqual({ state: 'exited', exitCode: 3, output: 'boom\n', http: null, stop: null });
    expect(b.calls).toEqual(['start img app --check', 'wait 5', 'rm c1']);
  });

  it('stops a server that is still running at the timeout and times the stop', async () => {
    const b = containers({ exits: null, stopExit: 137, logs: 'listening\n' });
    const run = await runSmoke(b, 'img', SPEC, noSleep);
    expect(run).toMatchObject({ state: 'running', exitCode: null, output: 'listening\n', stop: { exitCode: 137, killed: true } });
    expect(run.stop!.seconds).toBeGreaterThanOrEqual(0);
    expect(b.calls).toEqual(['start img', 'wait 5', 'stop 10', 'rm c1']);
    const clean = await runSmoke(containers({ exits: null, stopExit: 0 }), 'img', SPEC, noSleep);
    expect(clean.stop).toMatchObject({ exitCode: 0, killed: false });
  });

  it('polls the HTTP probe until the server answers', async () => {
    const b = containers({ exits: null, probes: [{ ok: false, message: 'ECONNREFUSED' }, { ok: true, status: 200, body: 'hi\n' }] });
    const run = await runSmoke(b, 'img', { ...SPEC, http: { port: 8080, path: 'health' } }, noSleep);
    expect(run.http).toEqual({ ok: true, status: 200, body: 'hi\n' });
    expect(b.calls).toEqual(['start img', 'wait 1', 'probe 8080 health', 'wait 1', 'probe 8080 health', 'stop 10', 'rm c1']);
  });

  it('gives up probing at the timeout', async () => {
    const b = containers({ exits: null });
    const run = await runSmoke(b, 'img', { ...SPEC, timeoutSeconds: 0.05, http: { port: 80, path: '' } }, () => new Promise((r) => setTimeout(r, 20)));
    expect(run.state).toBe('running');
    expect(run.http).toEqual({ ok: false, message: 'ECONNREFUSED' });
  });

  it('reports a container that does not start', async () => {
    const run = await runSmoke(containers({ startFails: true }), 'img', SPEC, noSleep);
    expect(run).toEqual({ state: 'failed-to-start', exitCode: null, output: 'Error: executable file `app` not found in $PATH', http: null, stop: null });
  });
});

const exited = (exitCode: number, output = ''): SmokeRun => ({ state: 'exited', exitCode, output, http: null, stop: null });
const server = (http: HttpProbe | null = null, stopSeconds = 10): SmokeRun => ({ state: 'running', exitCode: null, output: `log ${stopSeconds}`, http, stop: { seconds: stopSeconds, exitCode: 137, killed: true } });

describe('compareSmoke', () => {
  it('wants the same exit status and output from a program that exits', () => {
    expect(compareSmoke(exited(0, 'a\nb\n'), exited(0, 'a\nb\n'))).toEqual({ same: true });
    expect(compareSmoke(exited(0, 'ok\n'), exited(1, 'curl: (77) error setting certificate file\n'))).toEqual({ same: false, reason: 'exit 0 before, exit 1 after ("curl: (77) error setting certificate file")' });
    expect(compareSmoke(exited(0, 'a\nb\n'), exited(0, 'a\nc\n'))).toEqual({ same: false, reason: 'output differs: line 2: "b" before, "c" after' });
  });

  it('wants a server to keep running and answer alike, whatever its logs and stop time', () => {
    expect(compareSmoke(server(null, 10), server(null, 0.3))).toEqual({ same: true });
    expect(compareSmoke(server(), exited(2, 'no such file'))).toEqual({ same: false, reason: 'running before, exit 2 after' });
    const hi: HttpProbe = { ok: true, status: 200, body: 'hi' };
    expect(compareSmoke(server(hi), server(hi))).toEqual({ same: true });
    expect(compareSmoke(server(hi), server({ ok: true, status: 500, body: 'hi' }))).toEqual({ same: false, reason: 'HTTP status 200 before, 500 after' });
    expect(compareSmoke(server(hi), server({ ok: false, message: 'ECONNREFUSED' }))).toEqual({ same: false, reason: 'HTTP probe: HTTP 200 before, no answer (ECONNREFUSED) after' });
    expect(compareSmoke(server(hi), server({ ok: true, status: 200, body: 'ho' }))).toEqual({ same: false, reason: 'HTTP body differs: line 1: "hi" before, "ho" after' });
  });

  it('quotes the first differing line, or says the lines are equal', () => {
    expect(firstDifference('a', 'a\n')).toBe('line 2: (no line) before, "" after');
    expect(firstDifference('same', 'same')).toBe('same lines, different bytes');
  });
});
