import * as fs from 'node:fs';
import * as path from 'node:path';
import { crypto, stream, zlib } from '../builtins.js';
import { err, ok, type ImageSize, type LayerSize, type Result } from './types.js';

/**
 * Image sizes computed the same way whatever built the image. Builders
 * disagree about `Size` (podman: uncompressed; docker's containerd store:
 * compressed), so the image is exported and each layer is read: its
 * uncompressed tar is counted and hashed (the hash must equal the config's
 * diff_id, so the bytes counted are the image's), and compressed with gzip
 * level 6, the default of the registry clients, to give the size a pull
 * transfers.
 */

/** Layer figures by blob digest; blobs are content-addressed, so the cache can live across runs. */
export type LayerCache = Map<string, Omit<LayerSize, 'createdBy'>>;

export function loadLayerCache(file: string | null): LayerCache {
  if (file === null) return new Map();
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Omit<LayerSize, 'createdBy'>>;
    return new Map(Object.entries(raw));
  } catch {
    return new Map();
  }
}

export function saveLayerCache(file: string | null, cache: LayerCache): void {
  if (file === null) return;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(Object.fromEntries(cache)));
  } catch {
    // A cache that cannot be written only costs time on the next run.
  }
}

interface LayoutImage {
  readonly config: ImageConfigJson;
  /** Layer blobs in order, with the digest they are stored under when the layout names one. */
  readonly layers: readonly { readonly file: string; readonly digest: string | null }[];
}

interface ImageConfigJson {
  readonly rootfs?: { readonly diff_ids?: readonly string[] };
  readonly history?: readonly { readonly created_by?: string; readonly empty_layer?: boolean }[];
}

/** Reads an OCI image layout (index.json) or a docker-archive folder (manifest.json). */
export function readLayout(dir: string): Result<LayoutImage> {
  try {
    if (fs.existsSync(path.join(dir, 'index.json'))) return readOci(dir);
    if (fs.existsSync(path.join(dir, 'manifest.json'))) return readDockerArchive(dir);
    return err('measure', `${dir} holds neither an OCI layout nor a docker archive`);
  } catch (e) {
    return err('measure', `cannot read the exported image: ${(e as Error).message}`);
  }
}

function readOci(dir: string): Result<LayoutImage> {
  const blob = (digest: string) => path.join(dir, 'blobs', ...digest.split(':'));
  const json = (digest: string) => JSON.parse(fs.readFileSync(blob(digest), 'utf8'));
  let node = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8'));
  // An index may point at another index (docker save does); follow the first manifest down.
  for (let depth = 0; Array.isArray(node.manifests); depth++) {
    const first = node.manifests[0];
    if (first === undefined || depth === 4) return err('measure', 'the exported image has no manifest');
    node = json(first.digest);
  }
  if (!Array.isArray(node.layers) || node.config?.digest === undefined) return err('measure', 'the exported manifest has no layers or config');
  return ok({
    config: json(node.config.digest),
    layers: node.layers.map((l: { digest: string }) => ({ file: blob(l.digest), digest: l.digest })),
  });
}

function readDockerArchive(dir: string): Result<LayoutImage> {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'))[0];
  if (manifest === undefined) return err('measure', 'the docker archive lists no image');
  return ok({
    config: JSON.parse(fs.readFileSync(path.join(dir, manifest.Config), 'utf8')),
    layers: (manifest.Layers as string[]).map((file) => ({ file: path.join(dir, file), digest: null })),
  });
}

/** Sizes of every layer of the exported image in `dir`, and their totals. */
export async function measureLayout(dir: string, cache: LayerCache = new Map()): Promise<Result<ImageSize>> {
  const image = readLayout(dir);
  if (!image.ok) return image;
  const { config, layers } = image.value;
  const diffIds = config.rootfs?.diff_ids ?? [];
  if (diffIds.length !== layers.length) {
    return err('measure', `the manifest lists ${layers.length} layers, the config ${diffIds.length}`);
  }
  const createdBy = layerHistory(config, layers.length);
  const sizes: LayerSize[] = [];
  for (const [i, layer] of layers.entries()) {
    let figures = layer.digest === null ? undefined : cache.get(layer.digest);
    if (figures === undefined) {
      try {
        figures = await measureBlob(layer.file);
      } catch (e) {
        return err('measure', `cannot read layer ${i + 1}: ${(e as Error).message}`);
      }
      if (layer.digest !== null) cache.set(layer.digest, figures);
    }
    if (figures.diffId !== diffIds[i]) {
      return err('measure', `layer ${i + 1} does not match the image config (${figures.diffId} ≠ ${diffIds[i]})`);
    }
    sizes.push({ ...figures, createdBy: createdBy[i] ?? null });
  }
  return ok({
    layers: sizes,
    uncompressed: sizes.reduce((n, l) => n + l.uncompressed, 0),
    gzip: sizes.reduce((n, l) => n + l.gzip, 0),
  });
}

/** The `created_by` of each layer: history entries that are not empty layers, in order. */
export function layerHistory(config: ImageConfigJson, layerCount: number): (string | null)[] {
  const entries = (config.history ?? []).filter((h) => h.empty_layer !== true);
  if (entries.length !== layerCount) return Array.from({ length: layerCount }, () => null);
  return entries.map((h) => h.created_by ?? null);
}

/** Reads one layer blob (plain or gzip tar): uncompressed size and hash, and its gzip -6 size. */
export async function measureBlob(file: string): Promise<Omit<LayerSize, 'createdBy'>> {
  const compression = sniff(file);
  if (compression === 'zstd') throw new Error('zstd-compressed layers are not supported; export with gzip or none');
  const { Transform, Writable, promises: { pipeline } } = stream();
  const { createGunzip, createGzip } = zlib();
  const hash = crypto().createHash('sha256');
  let uncompressed = 0;
  let gzip = 0;
  const tee = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      uncompressed += chunk.length;
      done(null, chunk);
    },
  });
  const count = new Writable({
    write(chunk: Buffer, _enc, done) {
      gzip += chunk.length;
      done();
    },
  });
  const source = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  if (compression === 'gzip') await pipeline(source, createGunzip(), tee, createGzip({ level: 6 }), count);
  else await pipeline(source, tee, createGzip({ level: 6 }), count);
  return { diffId: `sha256:${hash.digest('hex')}`, uncompressed, gzip };
}

function sniff(file: string): 'gzip' | 'zstd' | 'none' {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const n = fs.readSync(fd, head, 0, 4, 0);
    if (n >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
    if (n === 4 && head.readUInt32LE(0) === 0xfd2fb528) return 'zstd';
    return 'none';
  } finally {
    fs.closeSync(fd);
  }
}
