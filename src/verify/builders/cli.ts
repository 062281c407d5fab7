import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lastLines, type Exec } from '../exec.js';
import { listPackagesScript, parsePackageListing } from '../packages.js';
import {
  err,
  ok,
  type Builder,
  type BuilderName,
  type BuildRequest,
  type HttpProbe,
  type ImageConfig,
  type PackageList,
  type Result,
} from '../types.js';

/**
 * podman and docker take the same arguments for running, stopping and
 * inspecting containers; the builders differ in how they build and export.
 */
export interface ToolSet {
  readonly name: BuilderName;
  /** The command line of a build (program first). */
  buildCommand(req: BuildRequest): string[];
  /**
   * Lists untagged images; null when builds leave none behind. A failed
   * `--layers` build keeps the steps it finished as untagged images.
   */
  readonly danglingCommand: string[] | null;
  /** `podman` or `docker`: what runs containers; null when nothing can. */
  readonly runner: string | null;
  exportOci(exec: Exec, image: string, dir: string): Promise<Result<void>>;
  inspectCommand(image: string): string[];
  /** The image config out of the inspect command's JSON. */
  configOf(json: unknown): Record<string, unknown> | null;
}

const BUILD_TIMEOUT_MS = 30 * 60_000;
const SHORT_TIMEOUT_MS = 120_000;

export function cliBuilder(tools: ToolSet, exec: Exec): Builder {
  const runner = tools.runner;
  const run = (args: readonly string[], timeoutMs = SHORT_TIMEOUT_MS) => exec(runner!, args, { timeoutMs });
  const noRunner = <T>(): Result<T> => err('smoke', `${tools.name} cannot run containers (install podman)`);

  return {
    name: tools.name,
    canRun: runner !== null,

    async build(req) {
      const [program, ...args] = tools.buildCommand(req);
      const dangling = async () => {
        if (tools.danglingCommand === null) return new Set<string>();
        const [p, ...a] = tools.danglingCommand;
        const listed = await exec(p!, a, { timeoutMs: SHORT_TIMEOUT_MS });
        return new Set(listed.code === 0 ? listed.stdout.split('\n').filter(Boolean) : []);
      };
      const before = await dangling();
      const r = await exec(program!, args, { timeoutMs: BUILD_TIMEOUT_MS, keepChars: 64 * 1024 });
      if (r.code !== 0) {
        // Only the images this build left: others' untagged images may be someone's cache.
        const left = [...(await dangling())].filter((id) => !before.has(id));
        if (left.length > 0) await exec(program!, ['rmi', '-f', ...left], { timeoutMs: SHORT_TIMEOUT_MS });
      }
      if (r.spawnError !== null) return err('build', `cannot run ${program}: ${r.spawnError}`);
      if (r.timedOut) return err('build', `build did not finish in ${BUILD_TIMEOUT_MS / 60_000} minutes`, lastLines(r.stdout + r.stderr, 12));
      if (r.code !== 0) return err('build', `build failed (exit ${r.code})`, lastLines(`${r.stdout}\n${r.stderr}`, 12));
      return ok({ seconds: r.seconds });
    },

    exportOci: (image, dir) => tools.exportOci(exec, image, dir),

    async inspect(image) {
      const [program, ...args] = tools.inspectCommand(image);
      const r = await exec(program!, args, { timeoutMs: SHORT_TIMEOUT_MS });
      if (r.code !== 0) return err('inspect', `cannot inspect ${image}: ${lastLines(r.stderr, 2)}`);
      let config: Record<string, unknown> | null;
      try {
        config = tools.configOf(JSON.parse(r.stdout));
      } catch {
        config = null;
      }
      if (config === null) return err('inspect', `unexpected inspect output for ${image}`);
      return ok(imageConfig(config));
    },

    async listPackages(image): Promise<PackageList> {
      if (runner === null) return { manager: null, reason: `${tools.name} cannot run containers` };
      const r = await run(['run', '--rm', '--network', 'none', '--entrypoint', 'sh', image, '-c', listPackagesScript]);
      if (r.code !== 0) return { manager: null, reason: `could not run sh in the image (${lastLines(r.stderr, 1) || `exit ${r.code}`})` };
      return parsePackageListing(r.stdout);
    },

    async start(image, options) {
      if (runner === null) return noRunner();
      const r = await run(['run', '-d', '--network', 'none', image, ...(options.args ?? [])]);
      if (r.code !== 0) return err('smoke', `cannot start ${image}`, lastLines(r.stderr, 4));
      return ok(r.stdout.trim().split('\n').at(-1)!);
    },

    async wait(container, seconds) {
      if (runner === null) return noRunner();
      const r = await exec(runner, ['wait', container], { timeoutMs: Math.round(seconds * 1000) });
      if (r.timedOut) return ok({ exited: false });
      const code = Number(r.stdout.trim().split('\n').at(-1));
      if (r.code !== 0 || !Number.isInteger(code)) return err('smoke', `cannot wait for the container: ${lastLines(r.stderr, 2)}`);
      return ok({ exited: true, exitCode: code });
    },

    async stop(container, graceSeconds) {
      if (runner === null) return noRunner();
      const r = await run(['stop', '-t', String(graceSeconds), container], (graceSeconds + 60) * 1000);
      if (r.code !== 0) return err('smoke', `cannot stop the container: ${lastLines(r.stderr, 2)}`);
      const state = await run(['inspect', '--format', '{{.State.ExitCode}}', container]);
      const code = Number(state.stdout.trim());
      return Number.isInteger(code) && state.code === 0 ? ok(code) : err('smoke', 'cannot read the exit code after stop');
    },

    async logs(container) {
      if (runner === null) return '';
      const r = await run(['logs', container]);
      return r.stdout + r.stderr;
    },

    async probeHttp(container, port, urlPath, timeoutMs): Promise<HttpProbe> {
      if (runner === null) return { ok: false, message: `${tools.name} cannot run containers` };
      const pid = await run(['inspect', '--format', '{{.State.Pid}}', container]);
      const n = Number(pid.stdout.trim());
      if (pid.code !== 0 || !Number.isInteger(n) || n <= 0) return { ok: false, message: 'the container is not running' };
      return probeInNetns(exec, n, port, urlPath, timeoutMs);
    },

    async removeContainer(container) {
      if (runner !== null) await run(['rm', '-f', container]);
    },

    async removeImages(images) {
      if (images.length === 0) return;
      const program = runner ?? tools.name;
      await exec(program, ['rmi', '-f', ...images], { timeoutMs: SHORT_TIMEOUT_MS });
    },
  };
}

function imageConfig(c: Record<string, unknown>): ImageConfig {
  const strings = (v: unknown): string[] | null => (Array.isArray(v) ? v.map(String) : null);
  return {
    user: typeof c.User === 'string' ? c.User : '',
    entrypoint: strings(c.Entrypoint),
    cmd: strings(c.Cmd),
    stopSignal: typeof c.StopSignal === 'string' && c.StopSignal !== '' ? c.StopSignal : null,
  };
}

/**
 * The container runs with `--network none`, so nothing outside reaches its
 * ports; this node process joins the container's network namespace (root and
 * nsenter needed) and asks 127.0.0.1 from there.
 */
async function probeInNetns(exec: Exec, pid: number, port: number, urlPath: string, timeoutMs: number): Promise<HttpProbe> {
  const script = `
const url = process.argv[1];
fetch(url, { signal: AbortSignal.timeout(${timeoutMs}) })
  .then(async (r) => process.stdout.write(JSON.stringify({ ok: true, status: r.status, body: (await r.text()).slice(0, 65536) })))
  .catch((e) => process.stdout.write(JSON.stringify({ ok: false, message: String(e.cause?.code ?? e.message) })));`;
  const url = `http://127.0.0.1:${port}/${urlPath.replace(/^\//, '')}`;
  const r = await exec('nsenter', [`--net=/proc/${pid}/ns/net`, process.execPath, '-e', script, url], { timeoutMs: timeoutMs + 10_000 });
  if (r.spawnError !== null) return { ok: false, message: `cannot run nsenter: ${r.spawnError}` };
  try {
    return JSON.parse(r.stdout) as HttpProbe;
  } catch {
    return { ok: false, message: `probe failed: ${lastLines(r.stderr, 1) || `exit ${r.code}`}` };
  }
}

/** podman and buildah share storage; podman can save uncompressed layers, buildah only push. */
async function podmanSave(exec: Exec, image: string, dir: string): Promise<Result<void>> {
  const r = await exec('podman', ['save', '-q', '--format', 'oci-dir', '--uncompressed', '-o', dir, image], { timeoutMs: 10 * 60_000 });
  return r.code === 0 ? ok(undefined) : err('export', `podman save failed`, lastLines(r.stderr, 4));
}

async function buildahPush(exec: Exec, image: string, dir: string): Promise<Result<void>> {
  const r = await exec('buildah', ['push', '-q', image, `oci:${dir}:latest`], { timeoutMs: 10 * 60_000 });
  return r.code === 0 ? ok(undefined) : err('export', `buildah push failed`, lastLines(r.stderr, 4));
}

/** `docker save` writes an OCI layout (docker 25 and later) or a docker-archive; both are read. */
async function dockerSave(exec: Exec, image: string, dir: string): Promise<Result<void>> {
  const tar = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dockshift-save-')), 'image.tar');
  try {
    const saved = await exec('docker', ['save', '-o', tar, image], { timeoutMs: 10 * 60_000 });
    if (saved.code !== 0) return err('export', 'docker save failed', lastLines(saved.stderr, 4));
    fs.mkdirSync(dir, { recursive: true });
    const untar = await exec('tar', ['-xf', tar, '-C', dir], { timeoutMs: 10 * 60_000 });
    return untar.code === 0 ? ok(undefined) : err('export', 'cannot unpack docker save output', lastLines(untar.stderr, 4));
  } finally {
    fs.rmSync(path.dirname(tar), { recursive: true, force: true });
  }
}

function commonBuildArgs(req: BuildRequest): string[] {
  return [
    ...Object.entries(req.buildArgs).flatMap(([k, v]) => ['--build-arg', `${k}=${v}`]),
    ...(req.target === undefined ? [] : ['--target', req.target]),
    '-f',
    req.dockerfile,
    '-t',
    req.tag,
    req.context,
  ];
}

const firstConfig = (json: unknown): Record<string, unknown> | null => {
  const first = Array.isArray(json) ? (json[0] as Record<string, unknown> | undefined) : undefined;
  const config = first?.Config;
  return config !== null && typeof config === 'object' ? (config as Record<string, unknown>) : first !== undefined ? {} : null;
};

/**
 * Builds use the host network: the default bridge needs a network backend
 * that CI machines often lack, and a build reaching the network through the
 * host is what `docker build` does too. `--layers` keeps one layer per
 * instruction, as docker does; without it buildah squashes each stage.
 */
/** `--pull=false` is buildah's "pull only when missing". */
export function podmanTools(): ToolSet {
  return {
    name: 'podman',
    runner: 'podman',
    danglingCommand: ['podman', 'images', '-a', '-q', '--no-trunc', '--filter', 'dangling=true'],
    buildCommand: (req) => ['podman', 'build', '-q', '--layers', '--no-cache', `--pull=${req.pull ? 'false' : 'never'}`, '--network', 'host', ...commonBuildArgs(req)],
    exportOci: podmanSave,
    inspectCommand: (image) => ['podman', 'image', 'inspect', '--format', 'json', image],
    configOf: firstConfig,
  };
}

export function buildahTools(podmanAvailable: boolean): ToolSet {
  return {
    name: 'buildah',
    runner: podmanAvailable ? 'podman' : null,
    danglingCommand: ['buildah', 'images', '-a', '-q', '--no-trunc', '--filter', 'dangling=true'],
    buildCommand: (req) => ['buildah', 'bud', '-q', '--layers', '--no-cache', `--pull=${req.pull ? 'false' : 'never'}`, '--network', 'host', ...commonBuildArgs(req)],
    exportOci: podmanAvailable ? podmanSave : buildahPush,
    inspectCommand: (image) => ['buildah', 'inspect', '--type', 'image', image],
    configOf: (json) => {
      const oci = (json as { OCIv1?: { config?: Record<string, unknown> } } | null)?.OCIv1;
      return oci === undefined ? null : (oci.config ?? {});
    },
  };
}

/** docker pulls a missing base image by itself; `--pull` there means "always pull". */
export function dockerTools(): ToolSet {
  return {
    name: 'docker',
    runner: 'docker',
    // BuildKit keeps build steps in its own cache, not as images.
    danglingCommand: null,
    buildCommand: (req) => ['docker', 'build', '-q', '--no-cache', ...(req.pull ? ['--pull'] : []), ...commonBuildArgs(req)],
    exportOci: dockerSave,
    inspectCommand: (image) => ['docker', 'image', 'inspect', image],
    configOf: firstConfig,
  };
}
