#!/usr/bin/env node
/**
 * `npm run bench:profile` (builds first): where the default pipeline's time goes, by
 * pass and by step, over the corpus copied with each copy varied (bench/vary.mjs), so
 * that no RUN body has been parsed before. One round warms the JIT; the next is
 * measured. Steps: the first parse, each transform, the re-parse of what a pass
 * changed, and the engine's own work (see PipelineProfile). Passes from the third on
 * are summed, and the passes each file needs are counted. In process there is no build
 * context: dockerignore, which needs one, is not run, and what other transforms would
 * read there is unknown to them, as with `--stdin`.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import { runPipeline } from '../dist/src/engine/pipeline.js';
import { configure, selectTransforms } from '../dist/src/engine/select.js';
import { vary } from './vary.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const COPIES = Number(process.env.DOCKSHIFT_BENCH_COPIES ?? 3);

const { module: sweep } = await runnerImport(path.join(ROOT, 'bench/corpus.ts'), { configFile: false, root: ROOT, logLevel: 'silent' });
const texts = sweep.loadCorpus().flatMap((f) => (f.text === null ? [] : [f.text]));
const selected = selectTransforms({});
if (!selected.ok) throw new Error(selected.message);
const transforms = configure(selected.selection);

const round = (k0) => Array.from({ length: COPIES }, (_, i) => texts.map((t) => vary(t, k0 + i))).flat();
for (const t of round(1)) runPipeline(t, transforms);

/** Milliseconds by pass group (`0`, `1`, `2`, `3+`) and step. */
const times = new Map();
const profile = {
  record(pass, step, ms) {
    const key = `${pass >= 3 ? '3+' : pass}\0${step}`;
    times.set(key, (times.get(key) ?? 0) + ms);
  },
};
const passes = new Map();
const measured = round(1 + COPIES);
const t0 = performance.now();
for (const t of measured) {
  const r = runPipeline(t, transforms, { profile });
  if (r.ok) passes.set(r.passes, (passes.get(r.passes) ?? 0) + 1);
}
const total = performance.now() - t0;

const recorded = [...times.values()].reduce((a, b) => a + b, 0);
process.stdout.write(
  `dockshift bench:profile: the default pipeline over the corpus x${COPIES} varied (${measured.length} files), ` +
    `after a round that warms the JIT: ${total.toFixed(0)} ms, ${((measured.length * 1000) / total).toFixed(0)} files/s; ` +
    `the steps hold ${((100 * recorded) / total).toFixed(1)}% of it\n\n`,
);
const order = (step) => (step === 'parse' ? 0 : step === 'reparse' ? 2 : step === 'engine' ? 3 : 1);
const rows = [...times]
  .map(([key, ms]) => {
    const [pass, step] = key.split('\0');
    return { pass, step, ms };
  })
  .sort((a, b) => a.pass.localeCompare(b.pass) || order(a.step) - order(b.step) || b.ms - a.ms);
const width = Math.max(...rows.map((r) => r.step.length), 4);
process.stdout.write(`${'pass'.padEnd(5)}  ${'step'.padEnd(width)}  ${'ms'.padStart(7)}  ${'share'.padStart(6)}\n`);
let lastPass = null;
for (const { pass, step, ms } of rows) {
  if (lastPass !== null && pass !== lastPass) {
    const sum = rows.filter((r) => r.pass === lastPass).reduce((a, r) => a + r.ms, 0);
    process.stdout.write(`${''.padEnd(5)}  ${'(pass total)'.padEnd(width)}  ${sum.toFixed(0).padStart(7)}  ${share(sum)}\n`);
  }
  lastPass = pass;
  process.stdout.write(`${pass.padEnd(5)}  ${step.padEnd(width)}  ${ms.toFixed(0).padStart(7)}  ${share(ms)}\n`);
}
const lastSum = rows.filter((r) => r.pass === lastPass).reduce((a, r) => a + r.ms, 0);
process.stdout.write(`${''.padEnd(5)}  ${'(pass total)'.padEnd(width)}  ${lastSum.toFixed(0).padStart(7)}  ${share(lastSum)}\n`);
process.stdout.write(
  `\npasses per file: ${[...passes]
    .sort((a, b) => a[0] - b[0])
    .map(([n, count]) => `${count} x ${n}`)
    .join(', ')}\n`,
);

function share(ms) {
  return `${((100 * ms) / total).toFixed(1)}%`.padStart(6);
}
