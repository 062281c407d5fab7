import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { otherFrontend } from '../src/engine/frontend.js';
import { processFile } from '../src/engine/processFile.js';
import { configure, selectTransforms } from '../src/engine/select.js';

describe('otherFrontend: files written for another BuildKit frontend', () => {
  it.each([
    ['# syntax=ghcr.io/reproducible-containers/buildkit-nix:v0.1.1@sha256:7d4c42a5c6baea2b21145589afa85e0862625e6779c89488987266b85e088021\nFROM alpine\n', 1, 'ghcr.io/reproducible-containers/buildkit-nix:v0.1.1@sha256:7d4c42a5c6baea2b21145589afa85e0862625e6779c89488987266b85e088021'],
    ['# syntax = r2d4/mocker\nversion: "1.0"\n', 1, 'r2d4/mocker'],
    ['# escape=`\n# SYNTAX=example/pyfrontend:1\nFROM alpine\n', 2, 'example/pyfrontend:1'],
    ['\uFEFF#syntax=tonistiigi/dockerfile-nix\r\nFROM alpine\r\n', 1, 'tonistiigi/dockerfile-nix'],
  ])('%#: names the directive', (text, line, image) => {
    expect(otherFrontend(text)).toEqual({ line, image });
  });

  it.each([
    ['FROM alpine\n'],
    ['# syntax=docker/dockerfile:1\nFROM alpine\n'],
    ['# syntax=docker/dockerfile:1.7-labs\nFROM alpine\n'],
    ['# syntax=docker.io/docker/dockerfile:1@sha256:ac85f380a63b13dfcefa89046420e1781752bab202122f8f50032edf31be0021\nFROM alpine\n'],
    ['# syntax=docker/dockerfile-upstream:master\nFROM alpine\n'],
    ['# syntax=registry.example.com/mirror/docker/dockerfile:1\nFROM alpine\n'],
    // Directives end at the first other line: a later `# syntax=` is a comment.
    ['# a comment\n# syntax=example/other\nFROM alpine\n'],
    ['# checkov:skip=CKV_DOCKER_2\n# syntax=example/other\nFROM alpine\n'],
  ])('%#: the Dockerfile frontend, or no directive', (text) => {
    expect(otherFrontend(text)).toBeNull();
  });

  it('a run leaves such a file alone, as skipped, and says why', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockshift-frontend-'));
    try {
      const file = path.join(dir, 'Dockerfile');
      const text = '# syntax=example/yaml-frontend:1\nFROM debian:12\nRUN apt-get update && apt-get install -y curl\n';
      fs.writeFileSync(file, text);
      const selected = selectTransforms({});
      if (!selected.ok) throw new Error(selected.message);
      const result = processFile({ path: file, display: 'Dockerfile' }, configure(selected.selection), 'write');
      expect(result.status).toBe('skipped');
      expect(result.error).toMatchObject({ kind: 'frontend', line: 1 });
      expect(result.error!.message).toContain('example/yaml-frontend:1');
      expect(fs.readFileSync(file, 'utf8')).toBe(text);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
