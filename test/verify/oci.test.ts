import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { layerHistory, loadLayerCache, measureBlob, measureLayout, saveLayerCache, type LayerCache } from '../../src/verify/oci.js';
import { layerBytes, writeOciLayout } from './fakeBuilder.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockshift-oci-test-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const gzip6 = (b: Buffer) => zlib.gzipSync(b, { level: 6 }).length;
const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

describe('measureLayout', () => {
  it('counts each layer uncompressed and gzip -6, from plain tar blobs', async () => {
    writeOciLayout(dir, { layers: [300_000, 5_000], createdBy: ['ADD rootfs', 'RUN make'] });
    const m = await measureLayout(dir);
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    expect(m.value.layers).toEqual([
      { diffId: sha(layerBytes(300_000, 0)), uncompressed: 300_000, gzip: gzip6(layerBytes(300_000, 0)), createdBy: 'ADD rootfs' },
      { diffId: sha(layerBytes(5_000, 1)), uncompressed: 5_000, gzip: gzip6(layerBytes(5_000, 1)), createdBy: 'RUN make' },
    ]);
    expect(m.value.uncompressed).toBe(305_000);
    expect(m.value.gzip).toBe(gzip6(layerBytes(300_000, 0)) + gzip6(layerBytes(5_000, 1)));
  });

  it('gives the same figures for gzip blobs, whatever compressor the builder used', async () => {
    writeOciLayout(dir, { layers: [200_000, 7_000] });
    const plain = await measureLayout(dir);
    const other = path.join(dir, 'gz');
    writeOciLayout(other, { layers: [200_000, 7_000] }, { gzipLayers: (b) => zlib.gzipSync(b, { level: 1 }) });
    const gz = await measureLayout(other);
    expect(gz.ok && plain.ok).toBe(true);
    if (gz.ok && plain.ok) {
      expect(gz.value.layers.map((l) => [l.uncompressed, l.gzip])).toEqual(plain.value.layers.map((l) => [l.uncompressed, l.gzip]));
    }
  });

  it('refuses a layer whose content does not match the config diff_id', async () => {
    writeOciLayout(dir, { layers: [1000, 2000] });
    const blobs = path.join(dir, 'blobs', 'sha256');
    const second = sha(layerBytes(2000, 1)).slice(7);
    fs.writeFileSync(path.join(blobs, second), Buffer.alloc(2000, 1));
    const m = await measureLayout(dir);
    expect(m).toMatchObject({ ok: false, error: { step: 'measure', message: expect.stringMatching(/^layer 2 does not match the image config/) } });
  });

  it('reads a docker-archive folder (manifest.json) as older docker save writes it', async () => {
    const a = layerBytes(4096, 0);
    fs.mkdirSync(path.join(dir, 'l1'));
    fs.writeFileSync(path.join(dir, 'l1', 'layer.tar'), a);
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ rootfs: { diff_ids: [sha(a)] }, history: [{ created_by: 'COPY x' }] }));
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify([{ Config: 'config.json', Layers: ['l1/layer.tar'] }]));
    const m = await measureLayout(dir);
    expect(m.ok && m.value.layers).toEqual([{ diffId: sha(a), uncompressed: 4096, gzip: gzip6(a), createdBy: 'COPY x' }]);
  });

  it('follows an index that points at another index, as docker save writes', async () => {
    writeOciLayout(dir, { layers: [100] });
    const index = fs.readFileSync(path.join(dir, 'index.json'));
    const digest = createHash('sha256').update(index).digest('hex');
    fs.writeFileSync(path.join(dir, 'blobs', 'sha256', digest), index);
    fs.writeFileSync(path.join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.index.v1+json', digest: `sha256:${digest}`, size: index.length }] }));
    const m = await measureLayout(dir);
    expect(m.ok && m.value.uncompressed).toBe(100);
  });

  it('says what is wrong with a folder that is no image', async () => {
    expect(await measureLayout(dir)).toMatchObject({ ok: false, error: { message: expect.stringContaining('neither an OCI layout nor a docker archive') } });
  });

  it('reuses figures by blob digest, and the cache survives a round trip through its file', async () => {
    writeOciLayout(dir, { layers: [50_000] });
    const cache: LayerCache = new Map();
    const first = await measureLayout(dir, cache);
    expect(cache.size).toBe(1);
    const file = path.join(dir, 'cache', 'layers.json');
    saveLayerCache(file, cache);
    const loaded = loadLayerCache(file);
    expect([...loaded]).toEqual([...cache]);
    // A cached figure is used without reading the blob.
    const [digest] = [...loaded.keys()];
    fs.rmSync(path.join(dir, 'blobs', 'sha256', digest!.slice(7)));
    expect(await measureLayout(dir, loaded)).toEqual(first);
    expect(loadLayerCache(path.join(dir, 'missing.json')).size).toBe(0);
  });

  it('refuses zstd layers instead of measuring them wrongly', async () => {
    const file = path.join(dir, 'blob');
    fs.writeFileSync(file, Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0, 0]));
    await expect(measureBlob(file)).rejects.toThrow(/zstd/);
  });
});

describe('layerHistory', () => {
  it('skips empty layers and gives up when the counts do not match', () => {
    const config = { history: [{ created_by: 'a' }, { created_by: 'ENV', empty_layer: true }, { created_by: 'b' }] };
    expect(layerHistory(config, 2)).toEqual(['a', 'b']);
    expect(layerHistory(config, 3)).toEqual([null, null, null]);
  });
});
