import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { err, ok, type Builder, type HttpProbe, type ImageConfig, type PackageList } from '../../src/verify/types.js';

/** How a fake image behaves when run. */
export type FakeRun =
  | { readonly kind: 'exits'; readonly code: number; readonly output: string }
  | { readonly kind: 'server'; readonly stopExit: number; readonly output: string; readonly http?: HttpProbe };

export interface FakeImage {
  /** Uncompressed size of each layer, base first. */
  readonly layers: readonly number[];
  readonly createdBy?: readonly string[];
  readonly packages: Readonly<Record<string, string>> | null;
  readonly run: FakeRun;
  readonly user?: string;
}

/** Decides, from the Dockerfile text given to `build`, what image it makes or why it fails. */
export type FakeRecipe = (dockerfile: string, args: readonly string[]) => FakeImage | { readonly fails: string };

export interface FakeBuilder extends Builder {
  /** Dockerfile texts in the order they were built. */
  readonly builds: string[];
  readonly removedImages: string[];
  readonly started: { image: string; args: readonly string[] }[];
  /** Containers not removed yet. */
  readonly liveContainers: Set<string>;
  /** Images built and not removed. */
  readonly images: Map<string, FakeImage>;
}

/**
 * A builder without containers, for tests of the orchestration: `build` asks
 * the recipe, `exportOci` writes a real OCI layout whose layers have the
 * recipe's sizes (so the measuring code runs as on real images), and running
 * follows the recipe's `run`.
 */
export function fakeBuilder(recipe: FakeRecipe, options: { canRun?: boolean } = {}): FakeBuilder {
  const images = new Map<string, FakeImage>();
  const containers = new Map<string, { image: FakeImage; args: readonly string[]; stopped: number | null }>();
  const builds: string[] = [];
  const removedImages: string[] = [];
  const started: { image: string; args: readonly string[] }[] = [];
  const liveContainers = new Set<string>();
  let next = 0;
  return {
    name: 'podman',
    canRun: options.canRun ?? true,
    builds,
    removedImages,
    started,
    liveContainers,
    images,
    async build(req) {
      const text = fs.readFileSync(req.dockerfile, 'utf8');
      builds.push(text);
      const made = recipe(text, Object.entries(req.buildArgs).map(([k, v]) => `${k}=${v}`));
      if ('fails' in made) return err('build', 'build failed (exit 1)', made.fails);
      images.set(req.tag, made);
      return ok({ seconds: 1.5 });
    },
    async exportOci(image, dir) {
      const made = images.get(image);
      if (made === undefined) return err('export', `no image ${image}`);
      writeOciLayout(dir, made);
      return ok(undefined);
    },
    async inspect(image) {
      const made = images.get(image);
      if (made === undefined) return err('inspect', `no image ${image}`);
      const config: ImageConfig = { user: made.user ?? '', entrypoint: null, cmd: ['/bin/sh', '-c', 'app'], stopSignal: null };
      return ok(config);
    },
    async listPackages(image): Promise<PackageList> {
      const made = images.get(image);
      if (made?.packages == null) return { manager: null, reason: 'no package list (dpkg-query, apk and rpm are missing or list nothing)' };
      return { manager: 'dpkg', packages: new Map(Object.entries(made.packages)) };
    },
    async start(image, opts) {
      const made = images.get(image);
      if (made === undefined) return err('smoke', `no image ${image}`);
      const id = `c${++next}`;
      containers.set(id, { image: made, args: opts.args ?? [], stopped: null });
      liveContainers.add(id);
      started.push({ image, args: opts.args ?? [] });
      return ok(id);
    },
    async wait(id) {
      const c = containers.get(id)!;
      if (c.stopped !== null) return ok({ exited: true, exitCode: c.stopped });
      return ok(c.image.run.kind === 'exits' ? { exited: true, exitCode: c.image.run.code } : { exited: false });
    },
    async stop(id) {
      const c = containers.get(id)!;
      const code = c.image.run.kind === 'server' ? c.image.run.stopExit : c.image.run.code;
      c.stopped = code;
      return ok(code);
    },
    async logs(id) {
      const c = containers.get(id)!;
      return c.args.length > 0 ? `ran ${c.args.join(' ')}\n` : c.image.run.output;
    },
    async probeHttp(id) {
      const c = containers.get(id)!;
      return c.image.run.kind === 'server' && c.image.run.http !== undefined ? c.image.run.http : { ok: false, message: 'ECONNREFUSED' };
    },
    async removeContainer(id) {
      liveContainers.delete(id);
    },
    async removeImages(tags) {
      for (const t of tags) {
        images.delete(t);
        removedImages.push(t);
      }
    },
  };
}

/** Layer bytes: a repeating text, so gzip shrinks them by a stable amount. */
export function layerBytes(size: number, seed: number): Buffer {
  const unit = Buffer.from(`layer ${seed} `.padEnd(64, '.'));
  const out = Buffer.alloc(size);
  for (let i = 0; i < size; i += unit.length) unit.copy(out, i);
  return out;
}

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** Writes an OCI image layout with plain-tar layers of the image's sizes. */
export function writeOciLayout(dir: string, image: Pick<FakeImage, 'layers' | 'createdBy'>, options: { gzipLayers?: (b: Buffer) => Buffer } = {}): void {
  const blobs = path.join(dir, 'blobs', 'sha256');
  fs.mkdirSync(blobs, { recursive: true });
  const put = (b: Buffer | string) => {
    const digest = sha(b);
    fs.writeFileSync(path.join(blobs, digest), b);
    return { digest: `sha256:${digest}`, size: Buffer.byteLength(b) };
  };
  const raw = image.layers.map((size, i) => layerBytes(size, i));
  const stored = raw.map((b) => put(options.gzipLayers === undefined ? b : options.gzipLayers(b)));
  const config = put(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: {},
      rootfs: { type: 'layers', diff_ids: raw.map((b) => `sha256:${sha(b)}`) },
      history: image.layers.flatMap((_, i) => [
        { created_by: image.createdBy?.[i] ?? `layer ${i}` },
        { created_by: 'ENV X=1', empty_layer: true },
      ]),
    }),
  );
  const manifest = put(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
      layers: stored.map((s) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar', ...s })),
    }),
  );
  fs.writeFileSync(path.join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  fs.writeFileSync(path.join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...manifest }] }));
}
