/**
 * The programmatic API: run() and transformText() return what the command line prints,
 * without printing or exiting; and the built package compiles in a consumer's project
 * against its declarations, then runs.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DockshiftError, run, transformText } from '../src/api.js';
import { assertBuilt, REPO_ROOT, removeTempFolders, tempFolder } from './helpers/cli.js';
import { cli } from './helpers/inProcess.js';

afterEach(removeTempFolders);
const NODE = 'FROM node:20-alpine\nCMD node server.js\n';
const NODE_FIXED = 'FROM node:20-alpine\nCMD ["node", "server.js"]\n';

describe('run()', () => {
  it('gives the records --format json prints, with fixes, and writes nothing in a dry run', async () => {
    const root = tempFolder({ 'a/Dockerfile': NODE, 'b/Dockerfile': 'FROM alpine:3.20\nCMD ["x"]\n', 'c/Dockerfile': 'FROM php:%%V%%\n' });
    const result = await run({ cwd: root, transforms: ['exec-form'] });
    const json = await cli(['-t', 'exec-form', '--format', 'json'], root);
    const printed = json.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(result.files.map(({ fixes: _, ...rest }) => rest)).toEqual(printed.filter((r) => r.type === 'file').map(({ type: _, ...rest }) => rest));
    expect(result.summary).toMatchObject({ files: 3, changed: 1, unchanged: 1, errors: 1, exitCode: 2 });
    expect(result.files[0]!.fixes).toEqual([{ startLine: 2, startColumn: 1, endLine: 2, endColumn: 19, charOffset: 20, charLength: 18, text: 'CMD ["node", "server.js"]', changes: [0] }]);
    expect(fs.readFileSync(path.join(root, 'a/Dockerfile'), 'utf8')).toBe(NODE);
    expect(result.format('checkstyle')).toContain('<file name="a/Dockerfile">');
  });

  it('writes with write: true, and a bad configuration is an error record for the files it applies to, not an exit', async () => {
    const root = tempFolder({ 'Dockerfile': NODE });
    await run({ cwd: root, write: true, transforms: ['exec-form'] });
    expect(fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8')).toBe(NODE_FIXED);
    fs.writeFileSync(path.join(root, 'dockshift.config.yaml'), 'tier: unsafe\n');
    const result = await run({ cwd: root });
    expect(result.files.map((f) => [f.path, f.status, f.error?.message])).toEqual([
      ['Dockerfile', 'error', 'not processed: dockshift.config.yaml:1: tier: expected safe or review, got "unsafe"'],
    ]);
    expect(result.summary.exitCode).toBe(2);
    await expect(run({ cwd: root, config: 'nope.yaml' })).rejects.toThrow(DockshiftError);
  });

  it('takes a whole number of threads, 1 or more, as the command line does', async () => {
    const root = tempFolder({ Dockerfile: 'FROM alpine:3.20\n' });
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      await expect(run({ cwd: root, concurrency: bad })).rejects.toThrow(new DockshiftError(`concurrency expects a whole number of threads, 1 or more, got ${String(bad)}`));
    }
    expect((await run({ cwd: root, concurrency: 1 })).summary.exitCode).toBe(0);
  });
});

describe('run().summary', () => {
  it('has the fields RunSummaryRecord declares, with the size estimates per measure', async () => {
    const root = tempFolder({ 'Dockerfile': NODE });
    const { summary } = await run({ cwd: root, transforms: ['exec-form'] });
    expect(Object.keys(summary).sort()).toEqual(['changed', 'errors', 'exitCode', 'files', 'notProcessed', 'seconds', 'sizes', 'skipped', 'unchanged', 'warnings']);
    expect(summary.sizes).toEqual([]);
    const slim = tempFolder({ 'Dockerfile': 'FROM node:20\nWORKDIR /app\nCOPY server.js .\nCMD ["node", "server.js"]\n', 'server.js': '1\n' });
    const sized = await run({ cwd: slim, transforms: ['slim-base'] });
    expect(sized.summary.sizes).toEqual([{ measure: 'uncompressed', switches: 1, mb: 900 }]);
  });
});

describe('transformText()', () => {
  it('rewrites text with named transforms or transform objects, and says why it could not', () => {
    const r = transformText(NODE, { transforms: ['exec-form'] });
    expect(r).toMatchObject({ ok: true, output: NODE_FIXED, changed: true, changes: [{ transform: 'exec-form', line: 2, tier: 'safe' }] });
    expect(r.ok && r.diff).toContain('+CMD ["node", "server.js"]\n');
    expect(transformText('FROM php:%%V%%\n')).toEqual({ ok: false, error: { kind: 'invalid', line: 1, message: 'invalid image reference "php:%%V%%"' } });
    expect(() => transformText(NODE, { transforms: ['nope'] })).toThrow('unknown transform "nope"');
  });

  it('checks options as the command line does: a wrong one is an error, not a run', () => {
    const RUNS = 'FROM alpine:3.20\nRUN a\nRUN b\nRUN c\n';
    expect(transformText(RUNS, { transforms: ['collapse-run'], options: { 'collapse-run': { maxCommands: 2 } } })).toMatchObject({ ok: true, output: 'FROM alpine:3.20\nRUN a && \\\n    b\nRUN c\n' });
    const wrong: [Record<string, Record<string, unknown>>, string][] = [
      [{ 'collapse-run': { maxCommands: -3 } }, 'option collapse-run.maxCommands: expected a whole number of 0 or more, got -3'],
      [{ 'collapse-run': { maxCommands: '2' } }, 'option collapse-run.maxCommands: expected a number, got "2"'],
      [{ 'collapse-run': { maxCommand: 2 } }, 'transform collapse-run has no option "maxCommand" (options: maxCommands, allStages)'],
      [{ nope: { x: 1 } }, 'unknown transform "nope" in options'],
    ];
    for (const [options, message] of wrong) {
      expect(() => transformText(RUNS, { transforms: ['collapse-run'], options: options as never })).toThrow(new DockshiftError(message));
    }
  });
});

describe('the built package in a consumer project', () => {
  beforeAll(assertBuilt);
  it('type-checks against the declarations (strict, no skipLibCheck) and runs', () => {
    const dir = tempFolder({
      'package.json': JSON.stringify({ name: 'consumer', type: 'module', private: true }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', types: ['node'], noEmit: false, outDir: 'out', skipLibCheck: false }, include: ['main.ts'] }),
      'main.ts': [
        "import { run, transformText, defineTransform, change, refusal, keyword, parseDockerfile, runBody, type Finding, type RunResult } from 'dockshift';",
        "import { defineTest } from 'dockshift/testing';",
        'const mine = defineTransform({',
        "  meta: { name: 'no-op', summary: 's', docs: 'd', hadolint: [], defaultEnabled: false, options: { level: { default: 1, description: 'x' } }, touches: { instructions: { RUN: ['edit'] } }, refusals: { why: 'because' } },",
        '  run(file, ctx): Finding[] {',
        '    const level: number = ctx.options.level;',
        "    const first = file.instructions[0];",
        "    return first === undefined ? [] : level > 5 ? [refusal(first.span.start, 'why', 'because')] : [change(first.span.start, keyword(file, 'RUN'), [])];",
        '  },',
        '});',
        "const r = transformText('FROM node:20\\nCMD node a.js\\n', { transforms: ['exec-form', mine] });",
        "if (r.ok) console.log(JSON.stringify(r.output));",
        "console.log(parseDockerfile('FROM a\\n').stages.length, typeof runBody, typeof defineTest);",
        "const result: RunResult = await run({ cwd: process.argv[2]!, transforms: ['exec-form'] });",
        "console.log(result.summary.changed, result.format('sarif').includes('\"version\": \"2.1.0\"'));",
      ].join('\n'),
      'svc/Dockerfile': NODE,
    });
    fs.mkdirSync(path.join(dir, 'node_modules', '@types'), { recursive: true });
    fs.symlinkSync(REPO_ROOT, path.join(dir, 'node_modules', 'dockshift'));
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules', '@types', 'node'), path.join(dir, 'node_modules', '@types', 'node'));
    const tsc = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
    const ran = spawnSync(process.execPath, [path.join(dir, 'out', 'main.js'), dir], { encoding: 'utf8' });
    expect(ran.stderr).toBe('');
    expect(ran.stdout).toBe('"FROM node:20\\nCMD [\\"node\\", \\"a.js\\"]\\n"\n1 function function\n1 true\n');
  });
});

describe('the package entry', () => {
  it('exports every finding helper the README names for transform authors', async () => {
    const api = await import('../src/index.js');
    for (const name of ['defineTransform', 'change', 'reviewChange', 'dependingOn', 'refusal', 'newFile', 'fileEdit']) {
      expect(typeof (api as Record<string, unknown>)[name], name).toBe('function');
    }
    const finding = api.dependingOn(api.change(0, 'x', []), [{ start: 1, end: 2 }]);
    expect(finding.dependsOn).toEqual([{ start: 1, end: 2 }]);
  });
});
