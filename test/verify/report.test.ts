import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectTransforms } from '../../src/engine/select.js';
import { fileReport, formatBytes, formatDelta, jsonReport, markdownTable, summaryRow, totals, totalsLine } from '../../src/verify/report.js';
import { verifyFile, type FileVerification } from '../../src/verify/verifyFile.js';
import { fakeBuilder } from './fakeBuilder.js';
import { aptRecipe, W3M_APP, GCC_APP, SERVER_APP } from './recipe.js';

let dir: string;
const results: Record<string, FileVerification> = {};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockshift-report-test-'));
  const s = selectTransforms({});
  if (!s.ok) throw new Error(s.message);
  for (const [name, text] of Object.entries({ server: SERVER_APP, gcc: GCC_APP, w3m: W3M_APP, clean: 'FROM a\nCMD ["x"]\n', bad: 'CMD x\n' })) {
    const file = path.join(dir, name, 'Dockerfile');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    results[name] = await verifyFile({ path: file, display: `${name}/Dockerfile`, context: path.dirname(file) }, text, {
      builder: fakeBuilder(aptRecipe),
      settings: { selection: s.selection, buildArgs: {}, pull: false, smoke: { args: null, http: null, timeoutSeconds: 5, stopGraceSeconds: 10 }, culprit: true, keepImages: false },
      workDir: path.join(dir, 'work'),
      layerCache: new Map(),
      log: () => {},
    });
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Stop times are measured even with a fake: blank them for exact comparisons. */
const steady = (lines: string[]) => lines.map((l) => l.replace(/\d+\.\d s \((killed|exit \d+)\)/g, 'T s ($1)'));

describe('the text report', () => {
  it('formats sizes in decimal units and deltas with their percentage', () => {
    expect([formatBytes(999), formatBytes(1500), formatBytes(24_040_000), formatBytes(1_234_000_000)]).toEqual(['999 B', '1.5 kB', '24.0 MB', '1.23 GB']);
    expect(formatDelta(158_300_000, 134_300_000)).toBe('−24.0 MB, −15.2%');
    expect(formatDelta(100, 150)).toBe('+50 B, +50.0%');
    expect(formatDelta(10_000_000, 9_999_000)).toBe('−1.0 kB, −<0.1%');
    expect(formatDelta(5, 5)).toBe('±0 B, ±0.0%');
  });

  it('prints a passing file with its measured figures', () => {
    expect(steady(fileReport(results.server!))).toEqual([
      'server/Dockerfile: passed: the rewrite builds and behaves as the original',
      '  changed by: exec-form (1), slim-base (1), collapse-run (1), cleanup-in-layer (1), non-root-user (1)',
      '                      original        rewrite         change',
      '  size, uncompressed  15.3 MB         13.3 MB         −2.0 MB, −13.1%',
      '  size, gzip -6       44.7 kB         38.9 kB         −5.8 kB, −13.0%',
      // The account non-root-user adds is a RUN of its own after the COPY.
      '  layers              4               4               ±0',
      '  packages (dpkg)     3               3               same',
      '  build time          1.5 s           1.5 s',
      '  smoke run           running         running         same',
      '  stop                T s (killed)  T s (exit 0)',
      '  user                root (unset)    10001:10001     is 10001:10001',
    ]);
  });

  it('prints the failed build, its last lines and the culprit with the flag that avoids it', () => {
    expect(fileReport(results.gcc!)).toEqual([
      'gcc/Dockerfile: BROKEN: the rewrite does not build',
      '  changed by: exec-form (1), slim-base (1), collapse-run (2), install-flags (1), cleanup-in-layer (1), non-root-user (1)',
      '                      original      rewrite   change',
      '  size, uncompressed  16.4 MB       no image',
      '  size, gzip -6       48.0 kB       no image',
      '  layers              5',
      '  packages (dpkg)     5',
      '  build time          1.5 s         failed',
      '  smoke run           exit 0        not run',
      '  user                root (unset)',
      "  the rewrite's build: build failed (exit 1)",
      '    | primes.c:2:10: fatal error: stdio.h: No such file or directory',
      '    | scons: *** [primes.o] Error 1',
      '  culprit: install-flags (option noInstallRecommends=false): with `-o install-flags.noInstallRecommends=false` the rewrite builds and behaves as the original',
      '    tried -o install-flags.noInstallRecommends=false: passes (builds; same smoke result)',
      // 10 MB base, the merged RUN with recommends and without lists (4.1 MB), COPY and scons (0.1 MB each).
      '  without it (measured): 14.3 MB uncompressed (−2.1 MB, −12.8% from the original), 41.8 kB gzip -6 (−6.2 kB, −12.8%), 4 layers',
    ]);
  });

  it('prints a behaviour change with the packages lost', () => {
    const lines = fileReport(results.w3m!);
    expect(lines[0]).toBe('w3m/Dockerfile: BROKEN: the rewrite builds but behaves differently');
    expect(lines).toContain('  packages (dpkg)     4             3            1 lost');
    expect(lines).toContain('  smoke run           exit 0        exit 1       DIFFERENT');
    expect(lines).toContain('  behaviour: exit 0 before, exit 1 after ("https: no CA bundle")');
    expect(lines).toContain('  packages lost: ca-certificates');
  });

  it('prints one line for a file with nothing to verify or that could not be verified', () => {
    expect(fileReport(results.clean!)).toEqual(['clean/Dockerfile: unchanged: dockshift changes nothing here, nothing to verify']);
    expect(fileReport(results.bad!)).toEqual(['bad/Dockerfile:1: not verified: CMD before the first FROM (only ARG may come first)']);
  });
});

describe('the summary', () => {
  it('is a markdown table with one row per file', () => {
    const md = markdownTable(Object.values(results)).split('\n');
    expect(md[0]).toBe('| file | verdict | uncompressed | gzip -6 | layers | packages lost | smoke | stop | culprit |');
    expect(md[3]).toBe('| gcc/Dockerfile | broken-build | 16.4 MB → (no image) | 48.0 kB → (no image) | 5 → – |  | – | – | -o install-flags.noInstallRecommends=false (without it: 14.3 MB, −2.1 MB, −12.8%) |');
    expect(md[4]).toBe('| w3m/Dockerfile | broken-behaviour | 16.3 MB → 13.3 MB (−3.0 MB, −18.4%) | 47.6 kB → 38.9 kB (−8.7 kB, −18.3%) | 4 → 4 | 1: ca-certificates | DIFFERENT: exit 0 before, exit 1 after ("https: no CA bundle") | – | -o install-flags.noInstallRecommends=false (without it: 14.3 MB, −2.0 MB, −12.3%) |');
    expect(md).toHaveLength(Object.keys(results).length + 3);
    expect(summaryRow(results.server!).stop).toMatch(/^\d+\.\d s \(killed\) → \d+\.\d s \(exit 0\)$/);
  });

  it('totals only the files where both images were measured', () => {
    const t = totals(Object.values(results));
    expect(t).toMatchObject({ files: 5, passed: 1, broken: 2, unchanged: 1, errors: 1, measured: 2, uncompressedBefore: 31_600_000, uncompressedAfter: 26_600_000 });
    expect(totalsLine(t, 1.234)).toMatch(/^5 files: 1 passed, 2 broken, 1 unchanged, 1 not verified; 2 measured: 31\.6 MB → 26\.6 MB uncompressed \(−5\.0 MB, −15\.8%\), [\d.]+ kB → [\d.]+ kB gzip -6 \(−[\d.]+ kB, −[\d.]+%\) \(1\.2 s\)$/);
  });

  it('gives every figure in --json, with the flags that reproduce each trial', () => {
    const json = JSON.parse(jsonReport(results.gcc!));
    expect(json.verdict).toBe('broken-build');
    expect(json.before.size.uncompressed).toBe(16_400_000);
    expect(json.before.size.layers).toHaveLength(5);
    expect(json.before.packages).toEqual({ manager: 'dpkg', count: 5 });
    expect(json.after).toBeNull();
    expect(json.afterBuildError.detail).toContain('stdio.h');
    expect(json.culprit.flags).toEqual(['-o install-flags.noInstallRecommends=false']);
    expect(json.culprit.trials[0].flags).toEqual(['-o install-flags.noInstallRecommends=false']);
    expect(json.passingOff).toEqual(['-o install-flags.noInstallRecommends=false']);
    expect(json.passingSize.uncompressed).toBe(14_300_000);
  });
});
