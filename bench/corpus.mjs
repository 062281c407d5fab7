#!/usr/bin/env node
/**
 * `npm run corpus`: the full corpus report. Runs bench/corpus.ts (every transform
 * alone and all together, each rewrite checked), then the real CLI end to end:
 * `--write` with every transform over a temporary copy of the corpus (worker
 * pool), then `--check` over the result (in band). The sweep rewrites every file;
 * the CLI, as a default run does, leaves the generated ones alone. Prints the table
 * and exits 1 on any violation.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = performance.now();
const { module: sweep } = await runnerImport(path.join(root, 'bench/corpus.ts'), { configFile: false, root, logLevel: 'silent' });
const { module: select } = await runnerImport(path.join(root, 'src/engine/select.ts'), { configFile: false, root, logLevel: 'silent' });
const { module: generated } = await runnerImport(path.join(root, 'src/engine/generated.ts'), { configFile: false, root, logLevel: 'silent' });
const { module: template } = await runnerImport(path.join(root, 'src/engine/template.ts'), { configFile: false, root, logLevel: 'silent' });

const corpus = sweep.loadCorpus();
const report = sweep.sweepCorpus(corpus, { alone: true });
process.stdout.write(sweep.renderReport(report, (performance.now() - started) / 1000));

// The CLI skips generated files, and templates: rejected inputs that fail on a line of template syntax or are named so.
const texts = new Map(corpus.map((f) => [f.name, f.text]));
const lineOf = (e) => Number(/^(\d+):/.exec(e.message)?.[1] ?? NaN) || null;
const templates = new Set(report.inputErrors.filter((e) => texts.get(e.file) != null && template.templateSkip(e.file, texts.get(e.file), { line: lineOf(e), message: e.message }) !== null).map((e) => e.file));
const generatedFiles = corpus.filter((f) => f.text !== null && generated.generatedHeader(f.text) !== null).map((f) => f.name);
const skipped = new Set([...generatedFiles, ...templates]);
const problems = endToEnd(corpus, report, skipped, templates);
process.stdout.write(`\nCLI end to end (--write with every transform, then --check; ${generatedFiles.length} generated files and ${templates.size} template${templates.size === 1 ? "" : "s"} skipped): ${problems.length === 0 ? 'ok' : `${problems.length} problems`}\n`);
for (const p of problems) process.stdout.write(`  CLI: ${p}\n`);

const total = sweep.violationCount(report) + problems.length;
process.exitCode = total === 0 ? 0 : 1;

/**
 * The bytes the CLI writes must be exactly the in-memory results, a generated file's or a
 * template's its original ones, and a second run must find nothing.
 */
function endToEnd(files, rep, skipped, templates) {
  const problems = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockshift-corpus-'));
  try {
    for (const f of files) fs.writeFileSync(path.join(dir, f.name), f.bytes);
    const names = files.map((f) => f.name);
    const all = select.allTransforms().map((t) => t.meta.name).join(',');
    const cli = (args) =>
      spawnSync(process.execPath, [path.join(root, 'bin/dockshift.js'), ...args, '--transform', all, '--json', ...names], {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      });
    const rejected = new Set(rep.inputErrors.map((e) => e.file).filter((f) => !templates.has(f)));
    const expectedStatus = rejected.size > 0 ? 2 : 0;

    const write = cli(['--write']);
    if (write.status !== expectedStatus) problems.push(`--write exited ${write.status}, expected ${expectedStatus}: ${write.stderr.slice(-500)}`);
    const outputs = rep.runs.find((r) => r.label === 'all').outputs;
    for (const f of files) {
      const expected = outputs.has(f.name) && !skipped.has(f.name) ? Buffer.from(outputs.get(f.name), 'utf8') : f.bytes;
      if (!fs.readFileSync(path.join(dir, f.name)).equals(expected)) problems.push(`${f.name}: written bytes differ from the checked result`);
    }

    const check = cli(['--check', '--run-in-band']);
    if (check.status !== expectedStatus) problems.push(`--check exited ${check.status}, expected ${expectedStatus}`);
    for (const line of check.stdout.split('\n').filter(Boolean)) {
      const r = JSON.parse(line);
      if (r.type !== 'file') continue;
      const base = path.basename(r.path);
      if (r.status === 'changed') problems.push(`${base}: changed again on a second run through the CLI`);
      if ((r.status === 'skipped') !== skipped.has(base)) problems.push(`${base}: ${r.status} on the second run, expected ${skipped.has(base) ? 'skipped (generated or a template)' : 'not skipped'}`);
      if (r.status === 'error' && !rejected.has(base)) problems.push(`${base}: error on the second run: ${r.error.message}`);
    }
    const leftovers = fs.readdirSync(dir).filter((n) => n.startsWith('.dockshift-tmp-'));
    if (leftovers.length > 0) problems.push(`temporary files left behind: ${leftovers.join(', ')}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return problems;
}
