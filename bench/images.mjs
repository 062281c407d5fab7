#!/usr/bin/env node
/**
 * `npm run bench:images` (builds first): every app under examples/apps/ built before and after
 * the default rewrite with `dockshift verify`, and the before/after table printed as markdown.
 *
 * Needs root on a Debian-like host: it runs scripts/setup-images.sh (buildah, podman and the local
 * base images; minutes the first time, seconds after), then one `dockshift verify` per app with the
 * arguments in the app's verify.json. Each app's full report goes to stderr as it finishes.
 * DOCKSHIFT_BENCH_APPS=go,c limits the apps; DOCKSHIFT_IMAGES moves the storage (default
 * /var/tmp/dockshift-images).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'dockshift.js');
const APPS = path.join(ROOT, 'examples', 'apps');
const IMAGES = process.env.DOCKSHIFT_IMAGES ?? '/var/tmp/dockshift-images';

if (process.getuid?.() !== 0) {
  process.stderr.write('bench:images needs root (rootful container storage, debootstrap)\n');
  process.exit(2);
}

const only = (process.env.DOCKSHIFT_BENCH_APPS ?? '').split(',').filter(Boolean);
const apps = fs
  .readdirSync(APPS)
  .filter((name) => fs.existsSync(path.join(APPS, name, 'Dockerfile')))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

process.stderr.write('setting up builders and base images (scripts/setup-images.sh)\n');
const setup = spawnSync(path.join(ROOT, 'scripts', 'setup-images.sh'), ['install', 'core', 'langs'], {
  env: { ...process.env, DOCKSHIFT_IMAGES: IMAGES },
  stdio: ['ignore', 'inherit', 'inherit'],
});
if (setup.status !== 0) process.exit(setup.status ?? 2);

const env = { ...process.env, ...containersEnv(), NO_COLOR: '1' };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockshift-bench-images-'));
const rows = [];
let header = null;
let builder = null;
const started = performance.now();
for (const app of apps) {
  const { args } = JSON.parse(fs.readFileSync(path.join(APPS, app, 'verify.json'), 'utf8'));
  const md = path.join(tmp, `${app}.md`);
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [BIN, 'verify', ...args, '--markdown', md, path.join('examples', 'apps', app)], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - t0) / 1000;
  builder ??= /building with (\w+)/.exec(run.stderr)?.[1] ?? null;
  process.stderr.write(`${run.stdout}(${app}: exit ${run.status}, ${seconds.toFixed(0)} s)\n\n`);
  if (!fs.existsSync(md)) {
    process.stderr.write(run.stderr);
    rows.push(`| examples/apps/${app}/Dockerfile | not verified (exit ${run.status}) |`);
    continue;
  }
  const lines = fs.readFileSync(md, 'utf8').trimEnd().split('\n');
  header ??= lines.slice(0, 2);
  rows.push(...lines.slice(2));
}
fs.rmSync(tmp, { recursive: true, force: true });

const total = (performance.now() - started) / 1000;
process.stdout.write(
  `dockshift bench:images: ${apps.length} apps, default transforms, built with ${builder ?? 'no builder'}; ` +
    `node ${process.version}, ${os.cpus().length} CPUs; ${total.toFixed(0)} s\n\n`,
);
process.stdout.write(`${[...(header ?? []), ...rows].join('\n')}\n`);
process.stdout.write('\nSizes are computed from the exported OCI layout (gzip -6 by dockshift); stop = wall time of the stop command with a 10 s grace period.\n');

/** The variables scripts/setup-images.sh writes to env.sh. */
function containersEnv() {
  const text = fs.readFileSync(path.join(IMAGES, 'env.sh'), 'utf8');
  return Object.fromEntries([...text.matchAll(/(\w+)="?([^"\s]*)"?/g)].map((m) => [m[1], m[2]]));
}
