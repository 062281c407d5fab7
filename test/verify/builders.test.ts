import { describe, expect, it } from 'vitest';
import { chooseBuilder } from '../../src/verify/builders/detect.js';
import { buildahTools, cliBuilder, dockerTools, podmanTools } from '../../src/verify/builders/cli.js';
import type { Exec, ExecResult } from '../../src/verify/exec.js';
import type { BuildRequest } from '../../src/verify/types.js';

type Reply = Partial<ExecResult>;

/** An Exec that records command lines and answers from a table of `program args` prefixes. */
function recorder(replies: Record<string, Reply> = {}): Exec & { calls: string[] } {
  const calls: string[] = [];
  const exec: Exec = async (program, args) => {
    const line = [program, ...args].join(' ');
    calls.push(line);
    const key = Object.keys(replies).find((k) => line.startsWith(k));
    const reply = key === undefined ? {} : replies[key]!;
    return { code: 0, stdout: '', stderr: '', timedOut: false, spawnError: null, seconds: 0.5, ...reply };
  };
  return Object.assign(exec, { calls });
}

const REQ: BuildRequest = { dockerfile: '/w/after/Dockerfile', context: '/src/app', tag: 'localhost/x:after', buildArgs: { VERSION: '1.2' }, pull: false };

describe('builder command lines', () => {
  it('podman builds with one layer per instruction, no cache, no pulls, and saves uncompressed OCI', async () => {
    const exec = recorder();
    const b = cliBuilder(podmanTools(), exec);
    expect(await b.build(REQ)).toEqual({ ok: true, value: { seconds: 0.5 } });
    await b.exportOci('localhost/x:after', '/w/oci');
    expect(exec.calls).toEqual([
      'podman images -a -q --no-trunc --filter dangling=true',
      'podman build -q --layers --no-cache --pull=never --network host --build-arg VERSION=1.2 -f /w/after/Dockerfile -t localhost/x:after /src/app',
      'podman save -q --format oci-dir --uncompressed -o /w/oci localhost/x:after',
    ]);
    await b.build({ ...REQ, pull: true, target: 'final' });
    expect(exec.calls[4]).toBe('podman build -q --layers --no-cache --pull=false --network host --build-arg VERSION=1.2 --target final -f /w/after/Dockerfile -t localhost/x:after /src/app');
  });

  it('buildah builds with bud and runs containers through podman, or not at all', async () => {
    const exec = recorder();
    const withPodman = cliBuilder(buildahTools(true), exec);
    await withPodman.build(REQ);
    await withPodman.start('img', { args: ['app', '-v'] });
    expect(exec.calls).toEqual([
      'buildah images -a -q --no-trunc --filter dangling=true',
      'buildah bud -q --layers --no-cache --pull=never --network host --build-arg VERSION=1.2 -f /w/after/Dockerfile -t localhost/x:after /src/app',
      'podman run -d --network none img app -v',
    ]);
    const alone = cliBuilder(buildahTools(false), recorder());
    expect(alone.canRun).toBe(false);
    expect(await alone.start('img', {})).toMatchObject({ ok: false });
    expect(await alone.listPackages('img')).toEqual({ manager: null, reason: 'buildah cannot run containers' });
  });

  it('docker builds without a cache and pulls only when asked', async () => {
    const exec = recorder();
    const b = cliBuilder(dockerTools(), exec);
    await b.build(REQ);
    await b.build({ ...REQ, pull: true });
    expect(exec.calls).toEqual([
      'docker build -q --no-cache --build-arg VERSION=1.2 -f /w/after/Dockerfile -t localhost/x:after /src/app',
      'docker build -q --no-cache --pull --build-arg VERSION=1.2 -f /w/after/Dockerfile -t localhost/x:after /src/app',
    ]);
  });

  it('keeps the last lines of a failed build and removes only the untagged images it left', async () => {
    let listed = 0;
    const exec = recorder({ 'podman build': { code: 2, stderr: 'STEP 3/5: RUN make\nstdio.h: No such file or directory\nError: building at STEP "RUN make": exit status 2\n' } });
    const lists: Exec = async (program, args, o) =>
      args[0] === 'images' ? { ...(await exec(program, args, o)), stdout: ++listed === 1 ? 'sha256:old\n' : 'sha256:old\nsha256:new\n' } : exec(program, args, o);
    const r = await cliBuilder(podmanTools(), lists).build(REQ);
    expect(exec.calls.at(-1)).toBe('podman rmi -f sha256:new');
    expect(r).toEqual({ ok: false, error: { step: 'build', message: 'build failed (exit 2)', detail: 'STEP 3/5: RUN make\nstdio.h: No such file or directory\nError: building at STEP "RUN make": exit status 2' } });
  });

  it('reads the image config from inspect, for podman and for buildah', async () => {
    const podman = cliBuilder(podmanTools(), recorder({ 'podman image inspect': { stdout: JSON.stringify([{ Config: { User: 'app', Cmd: ['serve'], StopSignal: 'SIGQUIT' } }]) } }));
    expect(await podman.inspect('img')).toEqual({ ok: true, value: { user: 'app', entrypoint: null, cmd: ['serve'], stopSignal: 'SIGQUIT' } });
    const buildah = cliBuilder(buildahTools(false), recorder({ 'buildah inspect': { stdout: JSON.stringify({ OCIv1: { config: { Entrypoint: ['/bin/app'] } } }) } }));
    expect(await buildah.inspect('img')).toEqual({ ok: true, value: { user: '', entrypoint: ['/bin/app'], cmd: null, stopSignal: null } });
  });

  it('lists packages by running sh in the image without network', async () => {
    const exec = recorder({ 'podman run --rm': { stdout: 'dpkg\ncurl\t7.88\n' } });
    const list = await cliBuilder(podmanTools(), exec).listPackages('img');
    expect(list).toEqual({ manager: 'dpkg', packages: new Map([['curl', '7.88']]) });
    expect(exec.calls[0]).toMatch(/^podman run --rm --network none --entrypoint sh img -c if command -v dpkg-query/);
  });

  it('waits with a time limit, and a wait that times out means the container still runs', async () => {
    const running = cliBuilder(podmanTools(), recorder({ 'podman wait': { timedOut: true, code: null } }));
    expect(await running.wait('c1', 5)).toEqual({ ok: true, value: { exited: false } });
    const done = cliBuilder(podmanTools(), recorder({ 'podman wait': { stdout: '3\n' } }));
    expect(await done.wait('c1', 5)).toEqual({ ok: true, value: { exited: true, exitCode: 3 } });
  });

  it('stops with the grace period and reads the exit code', async () => {
    const exec = recorder({ 'podman inspect --format {{.State.ExitCode}}': { stdout: '137\n' } });
    expect(await cliBuilder(podmanTools(), exec).stop('c1', 10)).toEqual({ ok: true, value: 137 });
    expect(exec.calls).toEqual(['podman stop -t 10 c1', 'podman inspect --format {{.State.ExitCode}} c1']);
  });

  it('probes HTTP from inside the container network namespace', async () => {
    const exec = recorder({ 'podman inspect --format {{.State.Pid}}': { stdout: '4242\n' }, nsenter: { stdout: '{"ok":true,"status":200,"body":"hi"}' } });
    expect(await cliBuilder(podmanTools(), exec).probeHttp('c1', 8080, '/health', 2000)).toEqual({ ok: true, status: 200, body: 'hi' });
    expect(exec.calls[1]).toMatch(/^nsenter --net=\/proc\/4242\/ns\/net \S+ -e [\s\S]* http:\/\/127\.0\.0\.1:8080\/health$/);
    const stopped = cliBuilder(podmanTools(), recorder({ 'podman inspect': { stdout: '0\n' } }));
    expect(await stopped.probeHttp('c1', 8080, '', 2000)).toEqual({ ok: false, message: 'the container is not running' });
  });
});

describe('chooseBuilder', () => {
  it('takes docker only when its daemon answers, then podman, then buildah', async () => {
    const noDaemon = recorder({ 'docker info': { code: 1, stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n' } });
    const choice = await chooseBuilder(undefined, noDaemon);
    expect(choice.ok && choice.builder.name).toBe('podman');
    const daemon = await chooseBuilder(undefined, recorder());
    expect(daemon.ok && daemon.builder.name).toBe('docker');
    const onlyBuildah = await chooseBuilder(undefined, recorder({ docker: { spawnError: 'ENOENT', code: null }, podman: { spawnError: 'ENOENT', code: null } }));
    expect(onlyBuildah.ok && [onlyBuildah.builder.name, onlyBuildah.builder.canRun]).toEqual(['buildah', false]);
  });

  it('says why none is usable, and why a requested one is not', async () => {
    const none = await chooseBuilder(undefined, recorder({ docker: { code: 1, stderr: 'Cannot connect to the Docker daemon\n' }, podman: { spawnError: 'ENOENT', code: null }, buildah: { spawnError: 'ENOENT', code: null } }));
    expect(none).toEqual({ ok: false, message: expect.stringMatching(/^no usable builder \(docker: Cannot connect to the Docker daemon; podman: not installed; buildah: not installed\)\. Install one: scripts\/setup-images\.sh/) });
    const requested = await chooseBuilder('podman', recorder({ podman: { code: 125, stderr: 'Error: runc: exec format error\n' } }));
    expect(requested).toEqual({ ok: false, message: expect.stringMatching(/^--builder podman is not usable: Error: runc: exec format error\./) });
  });
});
