#!/usr/bin/env node
/**
 * `npm run bench` (builds first): throughput over the corpus, threads, memory and
 * cold start, printed, then the performance goals as ratios measured in this run
 * (absolute numbers on shared machines are noisy; ratios within one run are not).
 *
 * - dockerfile-ast alone (parse, then getArguments of every instruction), our
 *   parseDockerfile, the default pipeline in process, and what reading the file and
 *   every RUN body's shell costs without any transform (the floor of the pipeline);
 * - the real CLI over the corpus and over the corpus copied ten times with each
 *   copy varied (bench/vary.mjs), worker pool vs --run-in-band: wall time, peak
 *   memory and cores kept busy; and two in-band runs at once over half the tree
 *   each, the most a second thread could give on this machine; and in band with V8's
 *   inlining left on (bench/cli-inlining.mjs), paired, for what bin/dockshift.js's flag gives;
 * - the real CLI over Dockerfiles at the top of source trees (contexts to list and walk);
 * - the real CLI on one small file: the first start after a build (no code cache yet), then the
 *   median wall time of a few runs (cold start);
 * - the large inputs of issue 8 (bench/largeInputs.ts), the pipeline and the diff the CLI
 *   prints, at a quarter, half and full size (the goals say how much the time per unit grew,
 *   where a quadratic step shows as 4x), and a file of one-line RUNs just under the 1 MiB limit;
 * - a fleet of 100,000 varied files through the CLI with default settings, its output
 *   written to a file (DOCKSHIFT_BENCH_FLEET=N for another number, 0 to leave it out: the
 *   goal's figure is then an estimate from the bulk run, which counts each run's warm-up).
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DockerfileParser } from 'dockerfile-ast';
import { runnerImport } from 'vite';
import { parseDockerfile } from '../dist/src/dockerfile/parse.js';
import { gitDiff } from '../dist/src/engine/diff.js';
import { runPipeline } from '../dist/src/engine/pipeline.js';
import { validate } from '../dist/src/dockerfile/validate.js';
import { runBody } from '../dist/src/shell/body.js';
import { recogniseAll } from '../dist/src/shell/commands.js';
import { defaultConcurrency, threadsFor } from '../dist/src/engine/runner.js';
import { configure, selectTransforms } from '../dist/src/engine/select.js';
import { CORPUS, loadCorpus, table } from './common.mjs';
import { vary } from './vary.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'dockshift.js');
/** bin/dockshift.js without the V8 flag it sets, the yardstick of that flag. */
const INLINING_BIN = path.join(ROOT, 'bench', 'cli-inlining.mjs');

const IN_PROCESS_ROUNDS = 7;
const CLI_RUNS = 3;
const COLD_RUNS = 5;
const MIB_RUNS = 3;
const BULK_COPIES = Number(process.env.DOCKSHIFT_BENCH_COPIES ?? 10);
const FLEET = Number(process.env.DOCKSHIFT_BENCH_FLEET ?? 100_000);
const CONTEXTS = 40;
const SHORT_FILES = 10_000;
const CONTEXT_FOLDERS = 40;
const CONTEXT_FILES = 50;
/** GNU time reports a command's peak memory; where it is missing, memory is not shown. */
const GNU_TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

const files = loadCorpus();
const totalBytes = files.reduce((n, f) => n + f.bytes, 0);
process.stdout.write(
  `dockshift bench: ${files.length} files (${(totalBytes / 1024).toFixed(0)} KiB) from ${path.relative(ROOT, CORPUS)}; ` +
    `node ${process.version}, ${os.cpus().length} CPUs, pool of ${defaultConcurrency()} threads\n\n`,
);

const rows = [];

// Warm both parsers once so the first round does not pay for JIT compilation alone.
for (const f of files) parseDockerfile(f.text);

// The yardstick of the goals: what any tool reading these files with dockerfile-ast pays at least.
const bareParse = (texts) => {
  for (const t of texts) for (const i of DockerfileParser.parse(t).getInstructions()) i.getArguments();
};
const bare = bestRound(() => bareParse(files.map((f) => f.text)));
rows.push(row('dockerfile-ast parse + getArguments', files.length, bare, `best of ${IN_PROCESS_ROUNDS}`));

const ours = bestRound(() => {
  for (const f of files) parseDockerfile(f.text);
});
rows.push(row('parseDockerfile', files.length, ours, `${(ours / bare).toFixed(2)}x dockerfile-ast`));

const selected = selectTransforms({});
if (!selected.ok) throw new Error(selected.message);
const transforms = configure(selected.selection);
// The first round is what a CLI run pays: the shell parser is not yet compiled by
// the JIT and no RUN body has been parsed. Later rounds run compiled code.
let pipelineErrors = 0;
const coldStart = performance.now();
for (const f of files) if (!runPipeline(f.text, transforms).ok) pipelineErrors++;
const pipelineCold = (performance.now() - coldStart) / 1000;
rows.push(row('default pipeline, first round', files.length, pipelineCold, `${transforms.length} transforms, ${pipelineErrors} files rejected`));
// Three varied copies: no RUN body has been parsed before, as in a fleet run.
const variedTexts = [1, 2, 3].flatMap((k) => files.map((f) => vary(f.text, k)));
const variedBare = bestRound(() => bareParse(variedTexts), 3);
const variedStart = performance.now();
for (const t of variedTexts) runPipeline(t, transforms);
const variedPipeline = (performance.now() - variedStart) / 1000;
rows.push(row('dockerfile-ast parse + getArguments, varied', variedTexts.length, variedBare, 'corpus x3, each copy varied'));
rows.push(row('default pipeline, varied', variedTexts.length, variedPipeline, `one round, ${(variedBare / variedPipeline).toFixed(3)}x dockerfile-ast`));
// The least any transform of RUN bodies pays: the file parsed and validated, and every RUN body
// read by the shell parser and its commands recognised, on copies varied otherwise (no body cached).
const floorTexts = [4, 5, 6].flatMap((k) => files.map((f) => vary(f.text, k)));
const floorStart = performance.now();
for (const t of floorTexts) {
  const file = parseDockerfile(t);
  if (validate(file) !== null) continue;
  for (const inst of file.instructions) {
    if (inst.keyword !== 'RUN') continue;
    const body = runBody(file, inst);
    if (body.ok) recogniseAll(body.parsed);
  }
}
const floor = (performance.now() - floorStart) / 1000;
rows.push(
  row('parse, validate and read every RUN body, varied', floorTexts.length, floor, `one round, ${(variedBare / floor).toFixed(3)}x dockerfile-ast; the default pipeline took ${(variedPipeline / floor).toFixed(1)}x this`),
);
const pipeline = bestRound(() => {
  for (const f of files) runPipeline(f.text, transforms);
});
rows.push(row('default pipeline, warm', files.length, pipeline, `best of ${IN_PROCESS_ROUNDS}, the JIT warm`));
// A fleet's typical service Dockerfile is a few lines long: over many of them the cost per file
// (every analysis in every pass, and what each file leaves for the garbage collector) is the run.
const shortTexts = Array.from({ length: SHORT_FILES }, (_, i) => shortDockerfile(i));
const shortBare = bestRound(() => bareParse(shortTexts), 3);
const shortStart = performance.now();
for (const t of shortTexts) runPipeline(t, transforms);
const shortPipeline = (performance.now() - shortStart) / 1000;
rows.push(row('default pipeline, short files', shortTexts.length, shortPipeline, `one round of generated 5-line files, ${(shortBare / shortPipeline).toFixed(3)}x dockerfile-ast`));

const paths = files.map((f) => f.path);
// -j forces the pool: by default threads only start from 2,000 files.
const pooled = cli(['--json', '-j', String(defaultConcurrency()), ...paths]);
const inBand = cli(['--json', '--run-in-band', ...paths]);
const same = fileRecords(pooled.stdout) === fileRecords(inBand.stdout) ? 'same output' : 'OUTPUT DIFFERS';
rows.push(row(`CLI, pool of ${defaultConcurrency()} (-j)`, files.length, pooled.seconds, `median of ${CLI_RUNS}, ${same}`));
rows.push(row('CLI, --run-in-band', files.length, inBand.seconds, `median of ${CLI_RUNS}`));
// bin/dockshift.js turns V8's inlining off, so that a run reaches compiled code sooner: the two
// commands in turn, CPU and wall time paired, so that the machine's drift cancels.
const flagPairs = Array.from({ length: CLI_RUNS }, () => [timeCli(['--json', '--run-in-band', ...paths]), timeCli(['--json', '--run-in-band', ...paths], { bin: INLINING_BIN })]);
if (flagPairs.every(([a, b]) => a.cpuSeconds !== null && b.cpuSeconds !== null)) {
  const cpu = median(flagPairs.map(([a, b]) => a.cpuSeconds / b.cpuSeconds));
  const wall = median(flagPairs.map(([a, b]) => a.seconds / b.seconds));
  rows.push(row('CLI, --run-in-band, V8 inlining left on', files.length, median(flagPairs.map(([, b]) => b.seconds)), `median of ${CLI_RUNS}; the default (inlining off) took ${cpu.toFixed(2)}x its CPU, ${wall.toFixed(2)}x its time`));
}

// Bulk: the corpus copied BULK_COPIES times into a folder tree, each copy varied,
// found by discovery, as a fleet-wide run sees it.
const bulkRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'dockshift-bench-'));
let bulkPool;
let bulkInBand;
let bulkBare;
/** Null when the copies cannot be split into two equal halves. */
let sideBySide = null;
/** What the heap keeps per file as a run goes on (retainedPerFile), in KiB. */
let retained = null;
try {
  const bulkTexts = writeTree(bulkRoot, BULK_COPIES);
  bulkBare = bestRound(() => bareParse(bulkTexts), 3);
  const bulkFiles = bulkTexts.length;
  bulkPool = timeCli(['--json', '-j', String(defaultConcurrency()), bulkRoot]);
  bulkInBand = timeCli(['--json', '--run-in-band', bulkRoot]);
  // What the machine gives a second thread at best: two whole processes, sharing nothing,
  // each running half the tree in band at once (the same number of copies each).
  const copies = fs.readdirSync(bulkRoot).sort().map((d) => path.join(bulkRoot, d));
  const half = copies.length / 2;
  if (copies.length >= 2 && copies.length % 2 === 0) {
    sideBySide = await timeSideBySide(['--json', '--run-in-band', ...copies.slice(0, half)], ['--json', '--run-in-band', ...copies.slice(half)]);
  }
  retained = await retainedPerFile(bulkRoot, bulkFiles);
  const bulkSame = fileRecords(bulkPool.stdout) === fileRecords(bulkInBand.stdout) ? 'same output' : 'OUTPUT DIFFERS';
  const halvesSame = sideBySide === null || sideBySide.records === fileRecords(bulkInBand.stdout) ? 'same output' : 'OUTPUT DIFFERS';
  if (bulkSame !== 'same output' || halvesSame !== 'same output') process.exitCode = 1;
  rows.push(row(`CLI bulk folder, pool of ${defaultConcurrency()}`, bulkFiles, bulkPool.seconds, `corpus x${BULK_COPIES} varied, ${bulkSame}${memory(bulkPool)}${cores(bulkPool)}`));
  rows.push(row('CLI bulk folder, --run-in-band', bulkFiles, bulkInBand.seconds, `corpus x${BULK_COPIES} varied${memory(bulkInBand)}${cores(bulkInBand)}`));
  if (sideBySide !== null) {
    rows.push(row('CLI bulk folder, 2 in-band processes at once', bulkFiles, sideBySide.seconds, `half the tree each, side by side, ${halvesSame}${cores(sideBySide)}`));
  }
} finally {
  fs.rmSync(bulkRoot, { recursive: true, force: true });
}

// Contexts: Dockerfiles at the top of source trees, as in real repositories. Transforms
// list and walk the context (non-root-user, dockerignore), which the bulk tree above,
// one file per folder, does not show.
const contextRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'dockshift-bench-ctx-'));
try {
  const entries = writeContexts(contextRoot, CONTEXTS, CONTEXT_FOLDERS, CONTEXT_FILES);
  const contexts = timeCli(['--json', '--run-in-band', contextRoot]);
  rows.push(row('CLI, Dockerfiles in source trees', CONTEXTS, contexts.seconds, `${CONTEXTS} contexts of ${entries} entries each${memory(contexts)}`));
} finally {
  fs.rmSync(contextRoot, { recursive: true, force: true });
}

const small = smallestValid(files);
// Without GNU time around it: its own start would be counted.
// The first start after a build compiles the bundle and saves V8's code cache (src/codeCache.ts); later ones read it.
const BUNDLE = path.join(ROOT, 'dist/src/bundle');
for (const f of fs.readdirSync(BUNDLE)) if (f.includes('.cache')) fs.rmSync(path.join(BUNDLE, f));
const firstStart = timeCli([small.path], { peak: false }).seconds;
rows.push(row('CLI first start after a build, 1 file', 1, firstStart, 'no code cache yet: compiles the bundle, then saves the cache'));
const cold = median(Array.from({ length: COLD_RUNS }, () => timeCli([small.path], { peak: false }).seconds));
rows.push(row('CLI cold start, 1 file', 1, cold, `median of ${COLD_RUNS}, ${small.bytes} B file, code cache read`));

let fleet = null;
if (FLEET > 0) {
  const fleetRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'dockshift-fleet-'));
  try {
    const copies = Math.ceil(FLEET / files.length);
    const count = writeTree(fleetRoot, copies, FLEET).length;
    // Its output (some 180 MB of JSON for 100,000 files) goes to a file, as a fleet run's would, not into this process.
    fleet = { count, ...timeCli(['--json', fleetRoot], { stdoutTo: `${fleetRoot}.jsonl` }) };
    rows.push(row('CLI fleet, default settings', count, fleet.seconds, `corpus copies, varied${memory(fleet)}`));
  } finally {
    fs.rmSync(fleetRoot, { recursive: true, force: true });
    fs.rmSync(`${fleetRoot}.jsonl`, { force: true });
  }
}

process.stdout.write(table(['measure', 'files', 'time', 'files/s', 'note'], rows));
if (same !== 'same output') process.exitCode = 1;

// Large inputs: one run each (they take seconds, not milliseconds), at growing sizes.
const { module: large } = await runnerImport(path.join(ROOT, 'bench/largeInputs.ts'), { configFile: false, root: ROOT, logLevel: 'silent' });
const largeRows = [];
/** Per input, time per unit at full size over time per unit at a quarter: about 1 when linear, 4 when quadratic. */
const growth = [];
for (const input of large.LARGE_INPUTS) {
  const perUnit = [];
  const only = input.transforms === undefined ? null : selectTransforms({ only: [...input.transforms] });
  if (only?.ok === false) throw new Error(only.message);
  const chosen = only === null ? transforms : configure(only.selection);
  for (const fraction of [0.25, 0.5, 1]) {
    const size = Math.round(input.fullSize * fraction);
    const text = input.make(size);
    const t0 = performance.now();
    const result = runPipeline(text, chosen);
    if (result.ok) gitDiff('Dockerfile', text, result.output);
    const seconds = (performance.now() - t0) / 1000;
    if (!result.ok) process.exitCode = 1;
    perUnit.push(seconds / size);
    largeRows.push([
      `${input.name} x${size.toLocaleString('en-US')}`,
      `${(text.length / 1024).toFixed(0)} KiB`,
      `${seconds.toFixed(2)} s`,
      `${((seconds * 1e6) / size).toFixed(0)} µs`,
      result.ok ? `${result.passes} passes, ${result.changes.length} changes` : `ERROR ${result.error.message}`,
    ]);
  }
  growth.push({ name: input.name, factor: perUnit.at(-1) / perUnit[0] });
}
const steepest = growth.reduce((a, b) => (b.factor > a.factor ? b : a));
// The largest file the CLI reads: one-line RUNs up to just under 1 MiB.
const oneLine = large.LARGE_INPUTS.find((i) => i.name === 'one-line RUNs');
let mib = oneLine.fullSize;
while (Buffer.byteLength(oneLine.make(mib + 1000)) < 1024 * 1024) mib += 1000;
const mibText = oneLine.make(mib);
// The median of three runs: one run of this size moved by a fifth from one bench to the next.
const mibRuns = [];
for (let round = 0; round < MIB_RUNS; round++) {
  const mibStart = performance.now();
  const mibResult = runPipeline(mibText, transforms);
  if (mibResult.ok) gitDiff('Dockerfile', mibText, mibResult.output);
  mibRuns.push((performance.now() - mibStart) / 1000);
  if (!mibResult.ok) process.exitCode = 1;
}
const mibSeconds = [...mibRuns].sort((a, b) => a - b)[Math.floor(MIB_RUNS / 2)];
largeRows.push([
  `one-line RUNs x${mib.toLocaleString('en-US')}`,
  `${(mibText.length / 1024).toFixed(0)} KiB`,
  `${mibSeconds.toFixed(2)} s`,
  `${((mibSeconds * 1e6) / mib).toFixed(0)} µs`,
  `just under the 1 MiB limit; median of ${MIB_RUNS} (${mibRuns.map((s) => s.toFixed(2)).join(', ')} s)`,
]);
process.stdout.write(`\nlarge inputs (issue 8), default pipeline (or the transform the input names) and its diff, one run each (the 1 MiB file: see its note):\n${table(['input', 'size', 'time', 'per unit', 'note'], largeRows)}`);

// The goals of the performance issue, each as measured in this run.
const bulkCount = files.length * BULK_COPIES;
const fleetThreads = threadsFor(100_000, undefined);
const goals = [
  [
    `default CLI run on ${defaultConcurrency()} threads vs dockerfile-ast parse on one core (corpus x${BULK_COPIES} varied)`,
    ratio(bulkBare / bulkPool.seconds),
    '>= 1',
  ],
  ['in-process pipeline vs dockerfile-ast parse, one core (corpus x3 varied)', ratio(variedBare / variedPipeline), '>= 1'],
  [
    fleet === null
      ? `100,000 files (an estimate from the bulk run's files/s ${fleetThreads > 1 ? 'on threads' : 'in band'}, as the default runs them here; DOCKSHIFT_BENCH_FLEET=100000 measures it)`
      : `${fleet.count.toLocaleString('en-US')} files, measured`,
    fleet === null ? `~${((100_000 * (fleetThreads > 1 ? bulkPool : bulkInBand).seconds) / bulkCount).toFixed(0)} s` : `${fleet.seconds.toFixed(0)} s`,
    '< 60 s',
  ],
  [`a ${(mibText.length / 1024).toFixed(0)} KiB file of one-line RUNs, with its diff (median of ${MIB_RUNS} runs)`, `${mibSeconds.toFixed(2)} s`, '< 2 s'],
  [`large inputs, time per unit at full size over a quarter, the steepest (${steepest.name})`, ratio(steepest.factor), '<= 2 (linear: 1; quadratic: 4)'],
  [`threads vs in band, ${bulkCount.toLocaleString('en-US')} files`, ratio(bulkInBand.seconds / bulkPool.seconds), `>= 1.7 (or threads unused: ${usedByDefault(bulkCount)})`],
  [`threads vs in band, ${files.length} files`, ratio(inBand.seconds / pooled.seconds), `>= 1.7 (or threads unused: ${usedByDefault(files.length)})`],
  [
    `what a second thread can give here: 2 in-band processes at once vs 1 (${bulkCount.toLocaleString('en-US')} files)`,
    sideBySide === null ? 'n/a (an even number of copies, 2 or more)' : ratio(bulkInBand.seconds / sideBySide.seconds),
    'the ceiling of goals 1 and 4 on this machine',
  ],
  ['heap data kept per 1,000 files as an in-band run goes on (after a full collection, from half to all of the files)', retained === null ? 'n/a' : `${((retained * 1000) / 1024).toFixed(2)} MiB`, 'about 0: flat'],
  [
    `peak memory of the default CLI, ${fleet === null ? 'the fleet' : fleet.count.toLocaleString('en-US')} files vs ${bulkCount.toLocaleString('en-US')}`,
    fleet === null || fleet.peakMiB === null || bulkPool.peakMiB === null ? 'n/a' : `${ratio(fleet.peakMiB / bulkPool.peakMiB)} (${fleet.peakMiB.toFixed(0)} vs ${bulkPool.peakMiB.toFixed(0)} MiB)`,
    'about 1: flat',
  ],
  ['peak memory, threads vs in band', bulkPool.peakMiB === null ? 'n/a' : ratio(bulkPool.peakMiB / bulkInBand.peakMiB), `<= ${defaultConcurrency()}`],
  ['cold start, one small file', `${(cold * 1000).toFixed(0)} ms (first after a build: ${(firstStart * 1000).toFixed(0)} ms)`, '< 200 ms'],
];
process.stdout.write(`\ngoals (issue 13), measured in this run:\n${table(['goal', 'measured', 'target'], goals, [1])}`);

/**
 * The heap a run keeps per file, in KiB: the CLI's own run in this process, in band, with the heap's
 * data (not its compiled code) measured after a full collection when half and all of the files are
 * reported (the JIT's own data still grows early in a run).
 * About 0 when nothing outlives its file; a cache that grows with the run shows here.
 */
async function retainedPerFile(root, count) {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  const { main } = await import('../dist/src/cli.js');
  const marks = [Math.floor(count / 2), count];
  const heap = [];
  let seen = 0;
  const io = {
    cwd: root,
    env: {},
    stdout: (text) => {
      for (const line of String(text).split('\n')) {
        if (!line.startsWith('{"type":"file"')) continue;
        seen++;
        if (marks.includes(seen)) {
          gc();
          // Compiled code grows as the JIT warms up, then stops: data is what a leak holds.
          heap.push(getHeapSpaceStatistics().filter((space) => !space.space_name.includes('code')).reduce((sum, space) => sum + space.space_used_size, 0));
        }
      }
    },
    stderr: () => {},
    stdoutIsTTY: false,
    readStdin: async () => new Uint8Array(),
  };
  await main(['--json', '--run-in-band', root], io);
  return heap.length === 2 ? (heap[1] - heap[0]) / 1024 / (marks[1] - marks[0]) : null;
}

/** Whether a default run of `count` files uses threads on this machine. */
function usedByDefault(count) {
  const threads = threadsFor(count, undefined);
  return threads > 1 ? `the default uses ${threads} here` : `the default runs in band here`;
}

function ratio(x) {
  return `${x.toFixed(x < 0.1 ? 3 : 2)}x`;
}

/** Writes `copies` varied copies of the corpus (at most `limit` files) under root; returns their texts. */
function writeTree(root, copies, limit = Infinity) {
  const texts = [];
  for (let k = 0; k < copies; k++) {
    for (const [i, f] of files.entries()) {
      if (texts.length >= limit) return texts;
      const dir = path.join(root, `copy-${k}`, String(i));
      fs.mkdirSync(dir, { recursive: true });
      const text = vary(f.text, k);
      fs.writeFileSync(path.join(dir, 'Dockerfile'), text);
      texts.push(text);
    }
  }
  return texts;
}

/** `count` repositories, each a corpus Dockerfile above `folders` folders of `perFolder` files; entries per context. */
function writeContexts(root, count, folders, perFolder) {
  for (let i = 0; i < count; i++) {
    const repo = path.join(root, `repo-${i}`);
    fs.mkdirSync(repo, { recursive: true });
    fs.writeFileSync(path.join(repo, 'Dockerfile'), files[i % files.length].text);
    for (let d = 0; d < folders; d++) {
      const dir = path.join(repo, 'src', `pkg${d}`);
      fs.mkdirSync(dir, { recursive: true });
      for (let f = 0; f < perFolder; f++) fs.writeFileSync(path.join(dir, `file${f}.go`), 'package pkg\n');
    }
  }
  return 2 + folders * (perFolder + 1); // Dockerfile, src, and each folder with its files
}

/**
 * Two CLI runs started together: the wall time until both have finished, the CPU time of
 * both, and their file records one after the other.
 */
async function timeSideBySide(argsA, argsB) {
  // Both finish before a failure is reported: the caller then deletes the tree they read.
  const settled = await Promise.allSettled([argsA, argsB].map((args) => timeCliAsync(args)));
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  const runs = settled.map((r) => r.value);
  const cpu = runs.every((r) => r.cpuSeconds !== null) ? runs[0].cpuSeconds + runs[1].cpuSeconds : null;
  const records = runs.map((r) => fileRecords(r.stdout)).join('\n');
  return { seconds: Math.max(runs[0].seconds, runs[1].seconds), cpuSeconds: cpu, records };
}

/** timeCli, without waiting: for runs that must overlap. */
function timeCliAsync(args) {
  const command = timedCommand(args, true);
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command[0], command.slice(1), { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => {
      if (status !== 0 && status !== 2) return reject(new Error(`dockshift ${args.slice(0, 3).join(' ')} … exited ${status}: ${stderr}`));
      resolve({ seconds: (performance.now() - t0) / 1000, stdout, ...timings(stderr) });
    });
  });
}

/** The CLI with `args`, under GNU time when asked and available. */
function timedCommand(args, timed, bin = BIN) {
  const command = [process.execPath, bin, ...args];
  return timed && GNU_TIME !== null ? [GNU_TIME, '-f', 'peak-kib %M cpu %U %S', ...command] : command;
}

/** Peak memory and CPU seconds from GNU time's last line, or nulls. */
function timings(stderr) {
  const timed = /peak-kib (\d+) cpu ([\d.]+) ([\d.]+)\s*$/.exec(stderr);
  return {
    peakMiB: timed === null ? null : Number(timed[1]) / 1024,
    cpuSeconds: timed === null ? null : Number(timed[2]) + Number(timed[3]),
  };
}

/** Cores kept busy on average: CPU time over wall time (V8 collects garbage and compiles on threads of its own). */
function cores(run) {
  return run.cpuSeconds === null ? '' : `, ${(run.cpuSeconds / run.seconds).toFixed(2)} cores busy`;
}

function memory(run) {
  return run.peakMiB === null ? '' : `, peak ${run.peakMiB.toFixed(0)} MiB`;
}

/** Seconds for the fastest of several rounds: the least disturbed by GC and other processes. */
function bestRound(fn, rounds = IN_PROCESS_ROUNDS) {
  let best = Infinity;
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return best;
}

function timeCli(args, { peak = true, bin = BIN, stdoutTo = null } = {}) {
  const command = timedCommand(args, peak, bin);
  const out = stdoutTo === null ? 'pipe' : fs.openSync(stdoutTo, 'w');
  const t0 = performance.now();
  const r = spawnSync(command[0], command.slice(1), {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 1024 * 1024 * 1024,
    encoding: 'utf8',
    stdio: ['ignore', out, 'pipe'],
  });
  const seconds = (performance.now() - t0) / 1000;
  if (out !== 'pipe') fs.closeSync(out);
  if (r.error) throw r.error;
  // 2 is expected: the corpus holds files BuildKit itself rejects.
  if (r.status !== 0 && r.status !== 2) throw new Error(`dockshift ${args.slice(0, 3).join(' ')} … exited ${r.status}: ${r.stderr}`);
  return { seconds, stdout: r.stdout, ...timings(r.stderr) };
}

/** The per-file records of a --json run: the closing summary holds the run's own timing. */
function fileRecords(stdout) {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('{"type":"file"'))
    .join('\n');
}

function cli(args) {
  const runs = Array.from({ length: CLI_RUNS }, () => timeCli(args));
  // One record per file, then the run's summary record.
  const lines = runs[0].stdout.split('\n').filter((l) => l.startsWith('{"type":"file"')).length;
  if (lines !== files.length) throw new Error(`expected ${files.length} JSON file records, got ${lines}`);
  return { seconds: median(runs.map((r) => r.seconds)), stdout: runs[0].stdout };
}

function smallestValid(all) {
  const valid = all.filter((f) => f.bytes > 0 && parseDockerfile(f.text).instructions.length > 1 && runPipeline(f.text, transforms).ok);
  return valid.reduce((a, b) => (b.bytes < a.bytes ? b : a));
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function row(name, count, seconds, note) {
  const time = seconds < 1 ? `${(seconds * 1000).toFixed(1)} ms` : `${seconds.toFixed(2)} s`;
  return [name, String(count), time, Math.round(count / seconds).toLocaleString('en-US'), note];
}

/** A short Dockerfile of the kind a service repository holds; each one's RUN and CMD differ. */
function shortDockerfile(i) {
  return `FROM node:${20 + (i % 3)}\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev && npm run build:${i}\nCMD ["node", "server${i}.js"]\n`;
}
