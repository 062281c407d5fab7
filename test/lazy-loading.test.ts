import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, removeTempFolders, tempFolder } from './helpers/cli.js';

/**
 * Start-up time is mostly module loading: a run loads only what its path needs.
 * Each run records every package it loaded (ES imports through a resolve hook,
 * CommonJS ones from the require cache) and the test reads the list.
 */
const HOOKS = `
import * as fs from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  fs.appendFileSync(process.env.LOADED_LIST, r.url + '\\n');
  return r;
}
`;
const REGISTER = `
import * as fs from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';
register(pathToFileURL(process.env.LOADED_HOOKS).href);
process.on('exit', () => fs.appendFileSync(process.env.LOADED_LIST, Object.keys(createRequire(import.meta.url).cache).join('\\n') + '\\n'));
// Built-ins, however they were loaded (the bundled CLI requires them; no hook sees that): Node's own list.
process.on('exit', () => fs.appendFileSync(process.env.LOADED_LIST, process.moduleLoadList.filter((m) => m.startsWith('NativeModule ') && !m.includes('internal/')).map((m) => 'node:' + m.slice(13)).join('\\n') + '\\n'));
// string-width (bundled, for help output) builds one when it is first evaluated.
const Segmenter = Intl.Segmenter;
Intl.Segmenter = class extends Segmenter {
  constructor(...args) {
    super(...args);
    fs.appendFileSync(process.env.LOADED_LIST, 'Intl.Segmenter\\n');
  }
};
// Formatting a number for a locale loads ICU's locale data: a sixth of a cold start.
const toLocaleString = Number.prototype.toLocaleString;
Number.prototype.toLocaleString = function (...args) {
  fs.appendFileSync(process.env.LOADED_LIST, 'toLocaleString\\n');
  return toLocaleString.apply(this, args);
};
`;

/** Writes the built-ins the process loaded, a line each, to its standard error as it exits. */
const BUILTINS_AT_EXIT = `process.on('exit', () => process.stderr.write(process.moduleLoadList.filter((m) => m.startsWith('NativeModule ') && !m.includes('internal/')).map((m) => 'node:' + m.slice(13) + '\\n').join('')));`;

const LAZY = ['fast-glob', 'tinypool', 'diff', 'jiti', 'yaml', 'mvdan-sh'] as const;
/**
 * Built-ins only verify, a report format, a diff or a write uses (src/builtins.ts). Not node:stream, which Node
 * loads for its own standard streams, nor node:zlib, whose CRC-32 checks the code cache at every start (src/codeCache.ts).
 */
const LAZY_BUILTINS = ['node:crypto', 'node:child_process'] as const;

let tools: string;
beforeAll(() => {
  assertBuilt();
  tools = tempFolder({ 'hooks.mjs': HOOKS, 'register.mjs': REGISTER });
});
afterAll(removeTempFolders);

/** The packages (by their folder under node_modules) a run of the CLI loaded, and its exit status. */
function packagesLoaded(
  args: readonly string[],
  cwd: string,
  input = '',
): {
  status: number | null;
  stdout: string;
  packages: Set<string>;
  builtins: Set<string>;
  cli: boolean;
  stringWidth: boolean;
  locale: boolean;
  /** jsdiff's index, which requires every module of the package (a diff needs one of them). */
  diffIndex: boolean;
} {
  const list = path.join(tools, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  fs.writeFileSync(list, '');
  const env = { ...process.env, NO_COLOR: '1', LOADED_LIST: list, LOADED_HOOKS: path.join(tools, 'hooks.mjs') };
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(path.join(tools, 'register.mjs')).href, BIN, ...args], { cwd, env, input });
  const packages = new Set<string>();
  const lines = fs.readFileSync(list, 'utf8').split('\n');
  const builtins = new Set(lines.filter((l) => l.startsWith('node:')));
  for (const line of lines) {
    const m = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(line);
    if (m !== null) packages.add(m[1]!.replace('\\', '/'));
  }
  // The launcher of the bundled CLI (which holds dockerfile-ast, yargs and the engine): seen loading, it shows the hooks saw the run.
  const cli = lines.some((l) => l.replaceAll('\\', '/').endsWith('dist/src/codeCache.js'));
  const diffIndex = lines.some((l) => /node_modules[\\/]diff[\\/]lib(?:cjs|esm)[\\/]index\.js$/.test(l));
  return {
    status: run.status,
    stdout: run.stdout.toString('utf8'),
    packages,
    builtins,
    cli,
    stringWidth: lines.includes('Intl.Segmenter'),
    locale: lines.includes('toLocaleString'),
    diffIndex,
  };
}

describe('a run loads only what it needs', () => {
  it('--stdin on a plain file: no folder search, threads, diff, module loader, YAML or full shell parser', () => {
    const input = 'FROM alpine:3.19\nRUN echo hi\n';
    const run = packagesLoaded(['--stdin'], tempFolder(), input);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(input);
    expect(run.cli).toBe(true);
    expect(LAZY.filter((p) => run.packages.has(p))).toEqual([]);
  });

  it('a file named on the command line that does not change: no folder search, threads, diff or full shell parser', () => {
    // The common shell constructs (if, for, substitutions, assignments) take the fast reader.
    const dir = tempFolder({ Dockerfile: 'FROM alpine:3.19\nRUN set -eux; if [ -f /x ]; then A="$(id -u)"; fi; for f in a b; do echo "$f"; done\n' });
    const run = packagesLoaded(['Dockerfile'], dir);
    expect(run.status).toBe(0);
    expect(run.cli).toBe(true);
    expect(LAZY.filter((p) => run.packages.has(p))).toEqual([]);
    expect(run.stringWidth).toBe(false);
    expect(run.locale).toBe(false);
    expect(run.builtins.has('node:fs')).toBe(true);
    expect(LAZY_BUILTINS.filter((b) => run.builtins.has(b))).toEqual([]);
  });

  it('node:assert, which yargs checks itself with, is not loaded (the resolve hooks load it themselves)', () => {
    const dir = tempFolder({ Dockerfile: 'FROM alpine:3.19\n', 'builtins.mjs': BUILTINS_AT_EXIT });
    const run = spawnSync(process.execPath, ['--import', pathToFileURL(path.join(dir, 'builtins.mjs')).href, BIN, 'Dockerfile'], { cwd: dir });
    expect(run.status).toBe(0);
    const builtins = run.stderr.toString('utf8').split('\n').filter((l) => l.startsWith('node:'));
    expect(builtins).toContain('node:fs');
    expect(builtins).not.toContain('node:assert');
  });

  it('string-width, bundled for help output, is evaluated only when help is printed', () => {
    const run = packagesLoaded(['--help'], tempFolder());
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Options:');
    expect(run.stringWidth).toBe(true);
  });

  it('the worker pool, when threads are asked for', () => {
    const dir = tempFolder({ 'a/Dockerfile': 'FROM alpine:3.19\n', 'b/Dockerfile': 'FROM alpine:3.19\n' });
    const run = packagesLoaded(['-j', '2', 'a/Dockerfile', 'b/Dockerfile'], dir);
    expect(run.status).toBe(0);
    expect(run.packages.has('tinypool')).toBe(true);
  });

  it('each is loaded when it is needed: a folder, a diff, a YAML configuration, a shell body the fast reader leaves', () => {
    const dir = tempFolder({
      'app/Dockerfile': 'FROM alpine:3.19\nRUN sleep 1 & wait\nRUN apk add curl\n',
      '.dockshift.yaml': 'tier: review\n',
    });
    const run = packagesLoaded(['app'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('diff --git');
    for (const p of ['fast-glob', 'diff', 'yaml', 'mvdan-sh']) expect(run.packages.has(p), p).toBe(true);
    expect(run.packages.has('tinypool')).toBe(false);
    expect(run.diffIndex).toBe(false);
  });
});
