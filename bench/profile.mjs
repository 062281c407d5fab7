#!/usr/bin/env node
/**
 * `npm run bench:profile` (builds first): where the default pipeline's time goes, by
 * pass and by step, over the corpus copied with each copy varied (bench/vary.mjs), so
 * that most RUN bodies have not been parsed before. One round warms the JIT; the next,
 * of other copies, is measured. Steps: the first parse, each transform, the re-parse of
 * what a pass changed, and the engine's own work (see PipelineProfile). Passes from the
 * third on are summed, and the passes each file needs are counted. In process there is
 * no build context: dockerignore, which needs one, is not run, and what other transforms
 * would read there is unknown to them, as with `--stdin`.
 */
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { runPipeline } from '../dist/src/engine/pipeline.js';
import { configure, selectTransforms } from '../dist/src/engine/select.js';
import { loadCorpus, table } from './common.mjs';
import { vary } from './vary.mjs';

const COPIES = Number(process.env.DOCKSHIFT_BENCH_COPIES ?? 3);

const texts = loadCorpus().map((f) => f.text);
const selected = selectTransforms({});
if (!selected.ok) throw new Error(selected.message);
const transforms = configure(selected.selection);

/** `COPIES` varied copies of the corpus, the first varied by `k`, the next by `k + 1`… */
const copies = (k) => Array.from({ length: COPIES }, (_, i) => texts.map((t) => vary(t, k + i))).flat();
for (const t of copies(1)) runPipeline(t, transforms);

/** Milliseconds by pass group (`0`, `1`, `2`, `3+`) and step. */
const times = new Map();
const profile = {
  record(pass, step, ms) {
    const key = `${pass >= 3 ? '3+' : pass}\0${step}`;
    times.set(key, (times.get(key) ?? 0) + ms);
  },
};
const passes = new Map();
let rejected = 0;
const measured = copies(1 + COPIES);
/** Garbage collection in the measured round, by kind: young (scavenges) and full (mark-compact). */
const collections = { young: { count: 0, ms: 0 }, full: { count: 0, ms: 0 } };
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const kind = e.detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR ? collections.young : collections.full;
    kind.count++;
    kind.ms += e.duration;
  }
});
observer.observe({ entryTypes: ['gc'] });
const t0 = performance.now();
for (const t of measured) {
  const r = runPipeline(t, transforms, { profile });
  if (r.ok) passes.set(r.passes, (passes.get(r.passes) ?? 0) + 1);
  else rejected++;
}
const total = performance.now() - t0;
// Entries arrive after the work that caused them: let the last ones in before reading the sums.
await new Promise((resolve) => setTimeout(resolve, 100));
observer.disconnect();

const recorded = [...times.values()].reduce((a, b) => a + b, 0);
const share = (ms) => `${((100 * ms) / total).toFixed(1)}%`;
const order = (step) => (step === 'parse' ? 0 : step === 'reparse' ? 2 : step === 'engine' ? 3 : 1);
const steps = [...times]
  .map(([key, ms]) => {
    const [pass, step] = key.split('\0');
    return { pass, step, ms };
  })
  .sort((a, b) => a.pass.localeCompare(b.pass) || order(a.step) - order(b.step) || b.ms - a.ms);
const rows = [];
for (const pass of [...new Set(steps.map((s) => s.pass))]) {
  const own = steps.filter((s) => s.pass === pass);
  for (const { step, ms } of own) rows.push([pass, step, ms.toFixed(0), share(ms)]);
  const sum = own.reduce((a, s) => a + s.ms, 0);
  rows.push(['', `(pass ${pass})`, sum.toFixed(0), share(sum)]);
}

process.stdout.write(
  `dockshift bench:profile: the default pipeline over the corpus x${COPIES} varied, ${measured.length} files ` +
    `(${rejected} rejected as invalid input, their parse counted), after a round that warms the JIT: ` +
    `${total.toFixed(0)} ms, ${((measured.length * 1000) / total).toFixed(0)} files/s; the steps hold ${share(recorded)} of it\n\n`,
);
process.stdout.write(table(['pass', 'step', 'ms', 'share'], rows, [2, 3]));
const histogram = [...passes].sort((a, b) => a[0] - b[0]).map(([n, count]) => `${count} took ${n}`);
const gc = (k) => `${collections[k].count} ${k === 'young' ? 'young' : 'full'} (${collections[k].ms.toFixed(0)} ms, ${share(collections[k].ms)})`;
process.stdout.write(`\ngarbage collection within the steps (pauses of the main thread): ${gc('young')}, ${gc('full')}\n`);
process.stdout.write(`passes per file (of ${measured.length - rejected} valid): ${histogram.join(', ')}\n`);
