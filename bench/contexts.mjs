#!/usr/bin/env node
/**
 * `npm run bench:contexts` (builds first): the default pipeline in process over build contexts
 * on disk, where dockerignore proposes a .dockerignore and the transforms read it back.
 * - fleet: 200 folders, each with package.json, node_modules/x/i.js, .git/HEAD, .env and a
 *   Node Dockerfile that copies the whole context;
 * - monorepo: one context of 15,000 files with 20 such Dockerfiles at its root.
 * Each round opens the contexts afresh (as a run does). CPU time, the least of the rounds after a
 * warm-up: on a shared machine, wall time measures the neighbours.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openBuildContext, resetBuildContexts } from '../dist/src/engine/context.js';
import { runPipeline } from '../dist/src/engine/pipeline.js';
import { configure, selectTransforms } from '../dist/src/engine/select.js';

const ROUNDS = Number(process.env.DOCKSHIFT_BENCH_ROUNDS ?? 5);
const NODE = 'FROM node:20\nWORKDIR /app\nCOPY package.json ./\nRUN npm install\nCOPY . .\nCMD node server.js\n';

function write(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

const top = fs.mkdtempSync(path.join(os.tmpdir(), 'dockshift-bench-contexts-'));
const app = { 'package.json': '{"name":"app","scripts":{"start":"node server.js"}}\n', 'server.js': 'require("http").createServer().listen(3000);\n', 'node_modules/x/i.js': 'module.exports = 1;\n', '.git/HEAD': 'ref: refs/heads/main\n', '.env': 'TOKEN=x\n' };
const fleet = [];
for (let i = 0; i < 200; i++) {
  const dir = path.join(top, 'fleet', `svc-${String(i).padStart(3, '0')}`);
  for (const [name, text] of Object.entries(app)) write(path.join(dir, name), text);
  write(path.join(dir, 'Dockerfile'), NODE);
  fleet.push(path.join(dir, 'Dockerfile'));
}
const mono = path.join(top, 'monorepo');
for (const [name, text] of Object.entries(app)) write(path.join(mono, name), text);
for (let i = 0; i < 15_000 - Object.keys(app).length; i++) write(path.join(mono, 'src', `m${Math.floor(i / 100)}`, `f${i % 100}.js`), 'export {};\n');
const monoFiles = [];
for (let i = 0; i < 20; i++) {
  const file = path.join(mono, i === 0 ? 'Dockerfile' : `Dockerfile.svc${i}`);
  write(file, NODE.replace('server.js', `server${i}.js`));
  monoFiles.push(file);
}

const selected = selectTransforms({});
if (!selected.ok) throw new Error(selected.message);
const transforms = configure(selected.selection);

function round(files) {
  resetBuildContexts();
  let passes = 0;
  let proposed = 0;
  const c0 = process.cpuUsage();
  for (const file of files) {
    const buildContext = openBuildContext(path.dirname(file), file);
    const r = runPipeline(fs.readFileSync(file, 'utf8'), transforms, { path: file, buildContext });
    if (!r.ok) throw new Error(`${file}: ${r.error.message}`);
    passes += r.passes;
    proposed += r.newFiles.length + r.fileEdits.length;
  }
  const { user, system } = process.cpuUsage(c0);
  return { ms: (user + system) / 1000, passes, proposed };
}

const least = (xs) => Math.min(...xs);
for (const [name, files] of [['fleet (200 contexts)', fleet], ['monorepo (15,000 files, 20 Dockerfiles)', monoFiles]]) {
  round(files);
  const runs = Array.from({ length: ROUNDS }, () => round(files));
  const { passes, proposed } = runs[0];
  console.log(`${name}: ${least(runs.map((r) => r.ms)).toFixed(0)} ms of CPU (least of ${ROUNDS}), ${passes} passes, ${proposed} proposals`);
}
fs.rmSync(top, { recursive: true, force: true });
