import type { CulpritFinding } from './culprit.js';
import { describeKnob, knobFlag } from './knobs.js';
import { describeProbe, describeRun } from './smoke.js';
import type { ImageSize, PackageList, SmokeRun, StopTiming } from './types.js';
import { displayUser } from './user.js';
import type { FileVerification, ImageFacts, Verdict } from './verifyFile.js';

/**
 * Every figure printed here was measured in this run; where a figure could not
 * be measured the report says so instead of guessing. Sizes are decimal
 * (1 MB = 1,000,000 bytes), computed from the exported OCI layout.
 */

export function formatBytes(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e9) return `${(n / 1e9).toFixed(2)} GB`;
  if (abs >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (abs >= 1e3) return `${(n / 1e3).toFixed(1)} kB`;
  return `${n} B`;
}

/** `−24.0 MB, −15.2%`: the change from `before` to `after`. */
export function formatDelta(before: number, after: number): string {
  const d = after - before;
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const pct = Math.abs((d / before) * 100);
  const percent = before === 0 ? '' : `, ${sign}${pct > 0 && pct < 0.1 ? '<0.1' : pct.toFixed(1)}%`;
  return `${sign}${formatBytes(Math.abs(d))}${percent}`;
}

const VERDICTS: Record<Verdict, string> = {
  passed: 'passed: the rewrite builds and behaves as the original',
  unchanged: 'unchanged: dockshift changes nothing here, nothing to verify',
  'broken-build': 'BROKEN: the rewrite does not build',
  'broken-behaviour': 'BROKEN: the rewrite builds but behaves differently',
  error: 'not verified',
};

export function verdictLine(v: FileVerification): string {
  if (v.verdict === 'error') {
    const where = v.error?.line != null ? `:${v.error.line}` : '';
    return `${v.path}${where}: not verified: ${v.error?.message ?? 'unknown error'}`;
  }
  return `${v.path}: ${VERDICTS[v.verdict]}`;
}

/** The per-file block of the text report. */
export function fileReport(v: FileVerification): string[] {
  const lines = [verdictLine(v)];
  if (v.error?.detail !== undefined) lines.push(...indent(v.error.detail.split('\n'), '    | '));
  if (v.verdict === 'unchanged' || v.verdict === 'error') return lines;
  lines.push(`  changed by: ${changedBy(v)}`);
  const rows: [string, string, string, string][] = [['', 'original', 'rewrite', 'change']];
  const b = v.before!;
  const a = v.after;
  const size = (f: ImageFacts | null, pick: (s: ImageSize) => number) => (f === null ? 'no image' : f.size.ok ? formatBytes(pick(f.size.value)) : 'not measured');
  const delta = (pick: (s: ImageSize) => number) => (b.size.ok && a?.size.ok ? formatDelta(pick(b.size.value), pick(a.size.value)) : '');
  rows.push(['size, uncompressed', size(b, (s) => s.uncompressed), size(a, (s) => s.uncompressed), delta((s) => s.uncompressed)]);
  rows.push(['size, gzip -6', size(b, (s) => s.gzip), size(a, (s) => s.gzip), delta((s) => s.gzip)]);
  const layers = (f: ImageFacts | null) => (f?.size.ok ? String(f.size.value.layers.length) : '');
  const layerDelta = b.size.ok && a?.size.ok ? signed(a.size.value.layers.length - b.size.value.layers.length) : '';
  rows.push(['layers', layers(b), a === null ? '' : layers(a), layerDelta]);
  rows.push([`packages${b.packages.manager === null ? '' : ` (${b.packages.manager})`}`, packageCount(b.packages), a === null ? '' : packageCount(a.packages), packageChange(v)]);
  rows.push(['build time', `${b.buildSeconds.toFixed(1)} s`, a === null ? 'failed' : `${a.buildSeconds.toFixed(1)} s`, '']);
  if (b.smoke !== null) {
    const same = v.behaviour === null ? '' : v.behaviour.same ? 'same' : 'DIFFERENT';
    rows.push(['smoke run', smokeCell(b.smoke), a?.smoke == null ? 'not run' : smokeCell(a.smoke), same]);
    if (b.smoke.stop !== null || a?.smoke?.stop != null) rows.push(['stop', stopCell(b.smoke.stop), stopCell(a?.smoke?.stop ?? null), '']);
  }
  if (b.config.ok) {
    const after = a?.config.ok ? displayUser(a.config.value.user) : '';
    rows.push(['user', displayUser(b.config.value.user), after, v.user?.expected != null ? (v.user.ok ? `is ${v.user.expected}` : `NOT ${v.user.expected}`) : '']);
  }
  lines.push(...indent(table(rows), '  '));
  if (v.afterBuildError !== null) {
    lines.push(`  the rewrite's build: ${v.afterBuildError.message}`);
    if (v.afterBuildError.detail !== undefined) lines.push(...indent(v.afterBuildError.detail.split('\n'), '    | '));
  }
  if (v.behaviour?.same === false) lines.push(`  behaviour: ${v.behaviour.reason}`);
  if (v.packages !== null && v.packages.lost.length > 0) lines.push(`  packages lost: ${v.packages.lost.join(' ')}`);
  if (v.packages !== null && v.packages.gained.length > 0) lines.push(`  packages gained: ${v.packages.gained.join(' ')}`);
  if (b.packages.manager === null) lines.push(`  packages not listed: ${b.packages.reason}`);
  for (const f of [b, a]) {
    if (f !== null && !f.size.ok) lines.push(`  ${f === b ? 'original' : 'rewrite'} not measured: ${f.size.error.message}`);
  }
  if (v.culprit !== null) lines.push(...culpritLines(v.culprit));
  if (v.passingSize !== null && b.size.ok) {
    const p = v.passingSize;
    const o = b.size.value;
    lines.push(`  without it (measured): ${formatBytes(p.uncompressed)} uncompressed (${formatDelta(o.uncompressed, p.uncompressed)} from the original), ${formatBytes(p.gzip)} gzip -6 (${formatDelta(o.gzip, p.gzip)}), ${p.layers.length} layers`);
  }
  for (const note of v.notes) lines.push(`  note: ${note}`);
  return lines;
}

function changedBy(v: FileVerification): string {
  const counts = new Map<string, number>();
  for (const c of v.changes) counts.set(c.transform, (counts.get(c.transform) ?? 0) + 1);
  return [...counts].map(([t, n]) => `${t} (${n})`).join(', ');
}

function packageCount(p: PackageList): string {
  return p.manager === null ? 'not listed' : String(p.packages.size);
}

function packageChange(v: FileVerification): string {
  if (v.packages === null) return '';
  const parts = [];
  if (v.packages.lost.length > 0) parts.push(`${v.packages.lost.length} lost`);
  if (v.packages.gained.length > 0) parts.push(`${v.packages.gained.length} gained`);
  return parts.join(', ') || 'same';
}

function smokeCell(s: SmokeRun): string {
  const probe = s.http === null ? '' : `, ${describeProbe(s.http)}`;
  return `${describeRun(s)}${probe}`;
}

export function stopCell(s: StopTiming | null): string {
  if (s === null) return '–';
  return `${s.seconds.toFixed(1)} s (${s.killed ? 'killed' : `exit ${s.exitCode}`})`;
}

export function culpritLines(c: CulpritFinding): string[] {
  const lines: string[] = [];
  if (c.kind === 'none') {
    lines.push(`  culprit: not found: ${c.reason}`);
  } else if (c.kind === 'single') {
    const first = c.culprits[0]!;
    lines.push(`  culprit: ${describeKnob(first)}: with \`${knobFlag(first)}\` the rewrite builds and behaves as the original`);
  } else {
    lines.push(`  culprit: these changes together: ${c.culprits.map(describeKnob).join(' + ')}; with \`${c.culprits.map(knobFlag).join(' ')}\` it passes`);
  }
  for (const t of c.trials) {
    const off = t.off.map(knobFlag).join(' ');
    lines.push(`    tried ${off}: ${t.passes ? 'passes' : 'fails'} (${t.note})`);
  }
  return lines;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0';
}

function indent(lines: readonly string[], prefix: string): string[] {
  return lines.map((l) => `${prefix}${l}`);
}

/** Columns padded to their widest cell; the last column is not padded. */
export function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd());
}

/** The figures of one file for the summary table. */
export interface SummaryRow {
  readonly file: string;
  readonly verdict: string;
  readonly uncompressed: string;
  readonly gzip: string;
  readonly layers: string;
  readonly packagesLost: string;
  readonly smoke: string;
  readonly stop: string;
  readonly culprit: string;
}

export function summaryRow(v: FileVerification): SummaryRow {
  const b = v.before;
  const a = v.after;
  const sizes = (pick: (s: ImageSize) => number) => {
    if (b === null) return '';
    if (!b.size.ok) return 'not measured';
    if (a === null) return `${formatBytes(pick(b.size.value))} → (no image)`;
    if (!a.size.ok) return `${formatBytes(pick(b.size.value))} → not measured`;
    return `${formatBytes(pick(b.size.value))} → ${formatBytes(pick(a.size.value))} (${formatDelta(pick(b.size.value), pick(a.size.value))})`;
  };
  const layers = b?.size.ok ? `${b.size.value.layers.length} → ${a === null ? '–' : a.size.ok ? a.size.value.layers.length : '?'}` : '';
  const lost = v.packages === null ? (a === null || b === null ? '' : 'not listed') : v.packages.lost.length === 0 ? 'none' : `${v.packages.lost.length}: ${abbreviate(v.packages.lost, 4)}`;
  const smoke = v.behaviour === null ? (b?.smoke == null ? (b === null ? '' : 'not run') : a === null ? '–' : 'not run') : v.behaviour.same ? `same (${describeRun(b!.smoke!)})` : `DIFFERENT: ${v.behaviour.reason}`;
  const stop = b?.smoke?.stop != null || a?.smoke?.stop != null ? `${stopCell(b?.smoke?.stop ?? null)} → ${stopCell(a?.smoke?.stop ?? null)}` : '–';
  const culprit = v.culprit === null ? '' : v.culprit.kind === 'none' ? 'not found' : `${v.culprit.culprits.map(knobFlag).join(' ')}${passingCell(v)}`;
  const verdict = v.verdict === 'error' ? `not verified (${v.error?.message ?? ''})` : v.verdict;
  return { file: v.path, verdict, uncompressed: sizes((s) => s.uncompressed), gzip: sizes((s) => s.gzip), layers, packagesLost: lost, smoke, stop, culprit };
}

/** What the rewrite without the culprit measured, against the original. */
function passingCell(v: FileVerification): string {
  if (v.passingSize === null || !v.before?.size.ok) return '';
  const before = v.before.size.value.uncompressed;
  return ` (without it: ${formatBytes(v.passingSize.uncompressed)}, ${formatDelta(before, v.passingSize.uncompressed)})`;
}

function abbreviate(names: readonly string[], n: number): string {
  return names.length <= n ? names.join(' ') : `${names.slice(0, n).join(' ')} …`;
}

const HEADERS: SummaryRow = {
  file: 'file',
  verdict: 'verdict',
  uncompressed: 'uncompressed',
  gzip: 'gzip -6',
  layers: 'layers',
  packagesLost: 'packages lost',
  smoke: 'smoke',
  stop: 'stop',
  culprit: 'culprit',
};

const columns = (r: SummaryRow) => [r.file, r.verdict, r.uncompressed, r.gzip, r.layers, r.packagesLost, r.smoke, r.stop, r.culprit];

export function markdownTable(results: readonly FileVerification[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const rows = [columns(HEADERS), columns(HEADERS).map(() => '---'), ...results.map((v) => columns(summaryRow(v)).map(esc))];
  return `${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`;
}

export interface Totals {
  readonly files: number;
  readonly passed: number;
  readonly broken: number;
  readonly unchanged: number;
  readonly errors: number;
  /** Sums over files where both images were measured. */
  readonly measured: number;
  readonly uncompressedBefore: number;
  readonly uncompressedAfter: number;
  readonly gzipBefore: number;
  readonly gzipAfter: number;
}

export function totals(results: readonly FileVerification[]): Totals {
  let measured = 0;
  let ub = 0;
  let ua = 0;
  let gb = 0;
  let ga = 0;
  for (const v of results) {
    if (v.before?.size.ok && v.after?.size.ok) {
      measured++;
      ub += v.before.size.value.uncompressed;
      ua += v.after.size.value.uncompressed;
      gb += v.before.size.value.gzip;
      ga += v.after.size.value.gzip;
    }
  }
  const count = (...vs: Verdict[]) => results.filter((r) => vs.includes(r.verdict)).length;
  return {
    files: results.length,
    passed: count('passed'),
    broken: count('broken-build', 'broken-behaviour'),
    unchanged: count('unchanged'),
    errors: count('error'),
    measured,
    uncompressedBefore: ub,
    uncompressedAfter: ua,
    gzipBefore: gb,
    gzipAfter: ga,
  };
}

/** The closing line: `N files: P passed, B broken, U unchanged, E not verified (T s)`. */
export function totalsLine(t: Totals, seconds: number): string {
  const sizes = t.measured === 0 ? '' : `; ${t.measured} measured: ${formatBytes(t.uncompressedBefore)} → ${formatBytes(t.uncompressedAfter)} uncompressed (${formatDelta(t.uncompressedBefore, t.uncompressedAfter)}), ${formatBytes(t.gzipBefore)} → ${formatBytes(t.gzipAfter)} gzip -6 (${formatDelta(t.gzipBefore, t.gzipAfter)})`;
  return `${t.files} ${t.files === 1 ? 'file' : 'files'}: ${t.passed} passed, ${t.broken} broken, ${t.unchanged} unchanged, ${t.errors} not verified${sizes} (${seconds.toFixed(1)} s)`;
}

/** `--json`: one object per file, with every measured figure. */
export function jsonReport(v: FileVerification): string {
  const facts = (f: ImageFacts | null) =>
    f === null
      ? null
      : {
          tag: f.tag,
          buildSeconds: round(f.buildSeconds),
          size: f.size.ok ? f.size.value : { error: f.size.error.message },
          config: f.config.ok ? f.config.value : { error: f.config.error.message },
          packages: f.packages.manager === null ? { manager: null, reason: f.packages.reason } : { manager: f.packages.manager, count: f.packages.packages.size },
          smoke: f.smoke === null ? null : { ...f.smoke, stop: f.smoke.stop === null ? null : { ...f.smoke.stop, seconds: round(f.smoke.stop.seconds) } },
        };
  return JSON.stringify({
    path: v.path,
    verdict: v.verdict,
    changes: v.changes,
    before: facts(v.before),
    after: facts(v.after),
    afterBuildError: v.afterBuildError,
    behaviour: v.behaviour,
    user: v.user,
    packages: v.packages,
    culprit:
      v.culprit === null
        ? null
        : {
            ...v.culprit,
            flags: v.culprit.kind === 'none' ? [] : v.culprit.culprits.map(knobFlag),
            trials: v.culprit.trials.map((t) => ({ ...t, flags: t.off.map(knobFlag) })),
          },
    passingOff: v.passingOff.map(knobFlag),
    passingSize: v.passingSize,
    error: v.error,
    notes: v.notes,
  });
}

const round = (n: number) => Math.round(n * 100) / 100;
