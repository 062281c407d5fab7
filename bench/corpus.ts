/**
 * The corpus sweep: every file of ../shared/corpus through the pipeline, once
 * per registered transform on its own and once with all of them together, each
 * rewrite checked by test/helpers/checks.ts. Used by test/corpus.test.ts (the
 * fast form inside `npm test`) and by bench/corpus.mjs (`npm run corpus`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDockerfile } from '../src/dockerfile/parse.js';
import { shippedStages } from '../src/dockerfile/stages.js';
import { memoryBuildContext } from '../src/engine/context.js';
import { readDockerfile } from '../src/engine/files.js';
import { runPipeline } from '../src/engine/pipeline.js';
import { allTransforms, configure } from '../src/engine/select.js';
import type { ConfiguredTransform } from '../src/engine/types.js';
import { checkRewrites, idempotent, type Rule } from '../test/helpers/checks.js';

/** `../shared/corpus` beside the repository, or the folder DOCKSHIFT_CORPUS names. */
export const CORPUS_DIR = process.env.DOCKSHIFT_CORPUS ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/corpus');

/** Tests that need the corpus are skipped without it (a fresh clone); CI has it. */
export function corpusPresent(dir: string = CORPUS_DIR): boolean {
  return fs.existsSync(dir);
}

/** One line saying why a file's corpus tests are skipped, or nothing when the corpus is there. */
export function noticeIfNoCorpus(what: string): void {
  if (!corpusPresent()) console.warn(`${what}: skipped, no corpus at ${CORPUS_DIR} (put it there or set DOCKSHIFT_CORPUS)`);
}
const NOT_DOCKERFILES = new Set(['README.md', 'PROVENANCE.tsv']);

export interface CorpusFile {
  readonly name: string;
  readonly bytes: Buffer;
  /** Null when dockshift refuses to read it (binary, not UTF-8, too large). */
  readonly text: string | null;
  readonly readError: string | null;
}

export interface FileProblem {
  readonly file: string;
  readonly message: string;
}

export interface FileViolation extends FileProblem {
  readonly rule: Rule | 'crash';
}

export interface RunStats {
  /** A transform's name, or `all` for every transform together. */
  readonly label: string;
  readonly defaultEnabled: boolean | null;
  filesChanged: number;
  changes: number;
  /** Changes by tier: `safe` keeps the build's meaning, `review` alters what is installed or how it runs. */
  readonly tiers: { safe: number; review: number };
  /** Changes made in stages the final image neither is nor builds on. */
  changesInUnshippedStages: number;
  /** `code` (or `transform:code` for `all`) → how many places were refused. */
  readonly refusals: Map<string, number>;
  /** Files that failed only because of the transforms (not invalid input). */
  readonly errors: FileProblem[];
  readonly violations: FileViolation[];
  /** For `all`: files changed by each transform within the joint run. */
  readonly changedBy: Map<string, number>;
  /** Per measure (uncompressed, compressed): changes that carry a size effect and the megabytes they expect to save, an estimate. Figures of two measures never add up. */
  readonly sizes: Map<string, { sized: number; savedMb: number }>;
  /** Rewritten texts by file name, for end-to-end comparisons. */
  readonly outputs: Map<string, string>;
}

export interface CorpusReport {
  readonly files: number;
  /** Files dockshift rejects with no transform at all: invalid Dockerfiles, templates, unreadable files. */
  readonly inputErrors: FileProblem[];
  /** Files whose bytes did not survive read → zero transforms → write. */
  readonly roundTripMismatches: string[];
  readonly runs: RunStats[];
}

export function loadCorpus(dir: string = CORPUS_DIR): CorpusFile[] {
  return fs
    .readdirSync(dir)
    .filter((name) => !NOT_DOCKERFILES.has(name))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      const read = readDockerfile(file);
      return { name, bytes: fs.readFileSync(file), text: read.ok ? read.text : null, readError: read.ok ? null : read.message };
    });
}

/** With `alone`, also one run per transform by itself (what a user selecting only it gets). */
export function sweepCorpus(corpus: readonly CorpusFile[], options: { alone: boolean }): CorpusReport {
  const inputErrors: FileProblem[] = [];
  const roundTripMismatches: string[] = [];
  const valid: { name: string; text: string }[] = [];
  for (const f of corpus) {
    if (f.text === null) {
      inputErrors.push({ file: f.name, message: f.readError! });
      continue;
    }
    const identity = runPipeline(f.text, []);
    if (!identity.ok) {
      inputErrors.push({ file: f.name, message: `${identity.error.line ?? '-'}: ${identity.error.message}` });
      continue;
    }
    if (!Buffer.from(identity.output, 'utf8').equals(f.bytes)) roundTripMismatches.push(f.name);
    valid.push({ name: f.name, text: f.text });
  }

  const all = allTransforms();
  const runs: RunStats[] = [];
  if (options.alone) {
    for (const t of all) runs.push(sweepWith(t.meta.name, t.meta.defaultEnabled, configure({ names: [t.meta.name], options: {} }), valid));
  }
  runs.push(sweepWith('all', null, configure({ names: all.map((t) => t.meta.name), options: {} }), valid));
  return { files: corpus.length, inputErrors, roundTripMismatches, runs };
}

function sweepWith(
  label: string,
  defaultEnabled: boolean | null,
  transforms: readonly ConfiguredTransform[],
  files: readonly { name: string; text: string }[],
): RunStats {
  const stats: RunStats = {
    label,
    defaultEnabled,
    filesChanged: 0,
    changes: 0,
    tiers: { safe: 0, review: 0 },
    changesInUnshippedStages: 0,
    refusals: new Map(),
    errors: [],
    violations: [],
    changedBy: new Map(),
    outputs: new Map(),
    sizes: new Map(),
  };
  const rewritten: { name: string; input: string; output: string }[] = [];
  for (const f of files) {
    let result: ReturnType<typeof runPipeline>;
    try {
      // The corpus holds Dockerfiles without their folders: an empty build context.
      result = runPipeline(f.text, transforms, { path: f.name, buildContext: memoryBuildContext({}) });
    } catch (err) {
      stats.violations.push({ file: f.name, rule: 'crash', message: `runPipeline threw: ${(err as Error).stack ?? String(err)}` });
      continue;
    }
    if (!result.ok) {
      stats.errors.push({ file: f.name, message: `${result.error.line ?? '-'}: ${result.error.message}` });
      continue;
    }
    for (const r of result.refusals) {
      const key = label === 'all' ? `${r.transform}:${r.code}` : r.code;
      stats.refusals.set(key, (stats.refusals.get(key) ?? 0) + 1);
    }
    if (result.output === f.text) continue;
    stats.filesChanged++;
    stats.changes += result.changes.length;
    const input = parseDockerfile(f.text);
    const shipped = shippedStages(input);
    for (const c of result.changes) {
      stats.tiers[c.tier]++;
      if (c.size !== undefined) {
        const total = stats.sizes.get(c.size.measure) ?? { sized: 0, savedMb: 0 };
        total.sized++;
        total.savedMb += c.size.savedMb;
        stats.sizes.set(c.size.measure, total);
      }
      const inst = input.instructions.find((i) => c.line >= i.line && c.line <= i.endLine);
      if (inst !== undefined && inst.stage >= 0 && !shipped.has(inst.stage)) stats.changesInUnshippedStages++;
    }
    for (const name of new Set(result.changes.map((c) => c.transform))) stats.changedBy.set(name, (stats.changedBy.get(name) ?? 0) + 1);
    stats.outputs.set(f.name, result.output);
    rewritten.push({ name: f.name, input: f.text, output: result.output });
  }
  const checked = checkRewrites(rewritten, transforms);
  rewritten.forEach((r, i) => {
    for (const v of [...checked[i]!, ...idempotent(r.output, transforms)]) stats.violations.push({ file: r.name, ...v });
  });
  return stats;
}

export function violationCount(report: CorpusReport): number {
  return report.roundTripMismatches.length + report.runs.reduce((n, r) => n + r.violations.length + r.errors.length, 0);
}

/** The issue's anchor: another tool on this corpus. Ours are counted over every run (alone and together). */
export const PARFUM = { changed: 417, invalidShell: 32, changedOnSecondRun: 37, lostFinalNewline: 396 } as const;

export interface Anchors {
  readonly filesChanged: number;
  readonly invalidShell: number;
  readonly changedOnSecondRun: number;
  readonly lostFinalNewline: number;
  readonly bomOrEolChanged: number;
  readonly commentsLost: number;
}

export function anchors(report: CorpusReport): Anchors {
  const filesWith = (rules: readonly string[]) =>
    new Set(report.runs.flatMap((r) => r.violations.filter((v) => rules.includes(v.rule)).map((v) => v.file))).size;
  return {
    filesChanged: report.runs.find((r) => r.label === 'all')!.filesChanged,
    invalidShell: filesWith(['shell', 'exec-json']),
    changedOnSecondRun: filesWith(['idempotence']),
    lostFinalNewline: filesWith(['final-newline']),
    bomOrEolChanged: filesWith(['bom', 'eol']),
    commentsLost: filesWith(['comments']),
  };
}

export function renderReport(report: CorpusReport, seconds: number | null = null): string {
  const out: string[] = [];
  const valid = report.files - report.inputErrors.length;
  out.push(`corpus: ${report.files} files, ${valid} valid, ${report.inputErrors.length} rejected as input${seconds === null ? '' : ` (${seconds.toFixed(1)} s)`}`);
  out.push(`zero transforms: ${valid - report.roundTripMismatches.length}/${valid} byte-identical`);
  for (const m of report.roundTripMismatches) out.push(`  NOT IDENTICAL: ${m}`);
  out.push('');
  const width = Math.max(12, ...report.runs.map((r) => r.label.length + 12));
  out.push(`${'transform'.padEnd(width)} ${'changed'.padStart(7)} ${'changes'.padStart(7)} ${'safe'.padStart(5)} ${'review'.padStart(6)} ${'unshipped'.padStart(9)} ${'refused'.padStart(7)} ${'errors'.padStart(6)} ${'violations'.padStart(10)}`);
  for (const r of report.runs) {
    const label = r.label === 'all' ? 'all together' : `${r.label} (${r.defaultEnabled ? 'default' : 'opt-in'})`;
    const refused = [...r.refusals.values()].reduce((a, b) => a + b, 0);
    out.push(
      `${label.padEnd(width)} ${String(r.filesChanged).padStart(7)} ${String(r.changes).padStart(7)} ${String(r.tiers.safe).padStart(5)} ${String(r.tiers.review).padStart(6)} ${String(r.changesInUnshippedStages).padStart(9)} ${String(refused).padStart(7)} ${String(r.errors.length).padStart(6)} ${String(r.violations.length).padStart(10)}`,
    );
  }
  for (const r of report.runs) {
    const refusals = [...r.refusals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (refusals.length > 0) out.push('', `refusals, ${r.label}: ${refusals.map(([code, n]) => `${code} ${n}`).join(', ')}`);
    if (r.label === 'all' && r.changedBy.size > 0) out.push(`files changed per transform, all together: ${[...r.changedBy].map(([t, n]) => `${t} ${n}`).join(', ')}`);
    for (const e of r.errors) out.push(`  ERROR (${r.label}) ${e.file}: ${e.message}`);
    for (const v of r.violations) out.push(`  VIOLATION (${r.label}) ${v.file}: ${v.rule}: ${v.message}`);
  }
  out.push('', ...baseImageLines(report));
  out.push('', 'rejected as input (clean per-file errors, with or without transforms):');
  for (const e of report.inputErrors) out.push(`  ${e.file}: ${e.message}`);
  const a = anchors(report);
  out.push(
    '',
    'anchor (same corpus)                   other tool   dockshift',
    `files changed                          ${String(PARFUM.changed).padStart(10)}   ${String(a.filesChanged).padStart(9)}`,
    `invalid shell in a RUN after rewrite   ${String(PARFUM.invalidShell).padStart(10)}   ${String(a.invalidShell).padStart(9)}`,
    `changed again on a second run          ${String(PARFUM.changedOnSecondRun).padStart(10)}   ${String(a.changedOnSecondRun).padStart(9)}`,
    `lost the final newline                 ${String(PARFUM.lostFinalNewline).padStart(10)}   ${String(a.lostFinalNewline).padStart(9)}`,
    `BOM or line endings changed            ${'-'.padStart(10)}   ${String(a.bomOrEolChanged).padStart(9)}`,
    `files that lost a comment line         ${'-'.padStart(10)}   ${String(a.commentsLost).padStart(9)}`,
    `total violations: ${violationCount(report)}`,
  );
  return `${out.join('\n')}\n`;
}

/** Transforms that switch base images: each change is one FROM line, each refusal is reported at one. */
const BASE_SWITCHES = new Set(['slim-base', 'alpine-base', 'distroless-runtime']);

/** Per base-image transform: FROM lines switched and refused (by reason), and the size the switches should save. */
export function baseImageLines(report: CorpusReport): string[] {
  const out = ['base images (each transform alone; sizes are estimates from the knowledge base, summed where a figure exists):'];
  for (const r of report.runs) {
    if (!BASE_SWITCHES.has(r.label)) continue;
    const refused = [...r.refusals.values()].reduce((a, b) => a + b, 0);
    const reasons = [...r.refusals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code, n]) => `${code} ${n}`).join(', ');
    out.push(`  ${r.label}: ${r.changes} FROM lines switched in ${r.filesChanged} files, ${refused} refused${reasons === '' ? '' : ` (${reasons})`}`);
    const sizes = [...r.sizes].sort((a, b) => a[0].localeCompare(b[0])).map(([measure, t]) => `~${Math.round(t.savedMb)} MB ${measure} over ${t.sized} switch${t.sized === 1 ? '' : 'es'}`);
    out.push(`    estimated size saved: ${sizes.length === 0 ? 'no switch has a size figure' : sizes.join(', ')} (estimates, not measurements; measures never added together)`);
  }
  return out;
}
