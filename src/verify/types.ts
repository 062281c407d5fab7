/**
 * The data `dockshift verify` works with: what a builder can do, what a build,
 * a measurement and a smoke run produce, and the verdict on one Dockerfile.
 * Everything that can fail is a value with the step it failed in.
 */

export type BuilderName = 'docker' | 'podman' | 'buildah';

/** Where and what went wrong; `detail` holds the last lines of a tool's output. */
export interface StepError {
  readonly step: 'rewrite' | 'read' | 'build' | 'export' | 'measure' | 'inspect' | 'smoke' | 'fix';
  readonly message: string;
  /** The Dockerfile's line, when known (rewrite errors). */
  readonly line?: number | null;
  readonly detail?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: StepError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = <T = never>(step: StepError['step'], message: string, detail?: string): Result<T> => ({
  ok: false,
  error: detail === undefined ? { step, message } : { step, message, detail },
});

export interface BuildRequest {
  /** Absolute path of the Dockerfile to build. */
  readonly dockerfile: string;
  /** Absolute path of the build context. */
  readonly context: string;
  readonly tag: string;
  readonly buildArgs: Readonly<Record<string, string>>;
  /** Pull base images that are missing; otherwise only local images are used. */
  readonly pull: boolean;
  readonly target?: string;
}

export interface Built {
  readonly seconds: number;
}

/** The parts of an image's configuration verify looks at. */
export interface ImageConfig {
  readonly user: string;
  readonly entrypoint: readonly string[] | null;
  readonly cmd: readonly string[] | null;
  readonly stopSignal: string | null;
}

export type PackageManager = 'dpkg' | 'apk' | 'rpm';

/** Installed packages by name (name → version); null manager: none found, with why. */
export type PackageList =
  | { readonly manager: PackageManager; readonly packages: ReadonlyMap<string, string> }
  | { readonly manager: null; readonly reason: string };

export interface StartOptions {
  /** Arguments after the image name (replace CMD, keep ENTRYPOINT), as `docker run IMAGE ARGS`. */
  readonly args?: readonly string[];
}

export type WaitResult = { readonly exited: true; readonly exitCode: number } | { readonly exited: false };

export type HttpProbe =
  | { readonly ok: true; readonly status: number; readonly body: string }
  | { readonly ok: false; readonly message: string };

/**
 * What verify needs from a container tool. Containers always run with
 * `--network none`; an HTTP probe reaches them from inside their own network
 * namespace.
 */
export interface Builder {
  readonly name: BuilderName;
  /** False when the tool can build but not run containers (buildah without podman). */
  readonly canRun: boolean;
  build(req: BuildRequest): Promise<Result<Built>>;
  /** Writes the image to `dir` as an OCI image layout (layers plain tar or gzip). */
  exportOci(image: string, dir: string): Promise<Result<void>>;
  inspect(image: string): Promise<Result<ImageConfig>>;
  listPackages(image: string): Promise<PackageList>;
  /** Starts a detached container; returns its id. */
  start(image: string, options: StartOptions): Promise<Result<string>>;
  /** Waits up to `seconds` for the container to exit. */
  wait(container: string, seconds: number): Promise<Result<WaitResult>>;
  /** Sends the stop signal, kills after `graceSeconds`; returns the exit code. */
  stop(container: string, graceSeconds: number): Promise<Result<number>>;
  logs(container: string): Promise<string>;
  probeHttp(container: string, port: number, path: string, timeoutMs: number): Promise<HttpProbe>;
  removeContainer(container: string): Promise<void>;
  removeImages(images: readonly string[]): Promise<void>;
}

/** Sizes computed by dockshift from the OCI layout, never taken from a builder. */
export interface LayerSize {
  /** sha256 of the uncompressed tar: the image config's diff_id. */
  readonly diffId: string;
  readonly uncompressed: number;
  /** gzip level 6 of the uncompressed tar, computed by dockshift. */
  readonly gzip: number;
  /** The history entry that made it, when the image records one. */
  readonly createdBy: string | null;
}

export interface ImageSize {
  readonly layers: readonly LayerSize[];
  readonly uncompressed: number;
  readonly gzip: number;
}

export interface SmokeSpec {
  /** `--smoke`: arguments that replace CMD. Null: the image's own CMD/ENTRYPOINT. */
  readonly args: readonly string[] | null;
  /** `--smoke-http PORT/PATH`. */
  readonly http: { readonly port: number; readonly path: string } | null;
  /** How long a run may take before it counts as still running (a server). */
  readonly timeoutSeconds: number;
  /** Grace period of the timed stop, as `docker stop -t`. */
  readonly stopGraceSeconds: number;
}

export interface StopTiming {
  /** Wall time of the stop command. */
  readonly seconds: number;
  readonly exitCode: number;
  /** Killed after the grace period rather than stopped by the signal. */
  readonly killed: boolean;
}

export interface SmokeRun {
  /** Exited within the timeout, or still running at its end. */
  readonly state: 'exited' | 'running' | 'failed-to-start';
  readonly exitCode: number | null;
  /** stdout and stderr as the tool's logs give them (truncated to 64 KiB). */
  readonly output: string;
  readonly http: HttpProbe | null;
  readonly stop: StopTiming | null;
}
