import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import yargs from 'yargs';
import type { Io } from '../cli.js';
import { discover } from '../engine/discover.js';
import { readDockerfile, writeAtomic } from '../engine/files.js';
import { ContextFinder } from '../engine/inferContext.js';
import { selectTransforms } from '../engine/select.js';
import { BUILDER_NAMES, chooseBuilder } from './builders/detect.js';
import { exec as realExec, type Exec } from './exec.js';
import { knobFlag } from './knobs.js';
import { loadLayerCache, saveLayerCache } from './oci.js';
import { fileReport, jsonReport, markdownTable, summaryRow, table, totals, totalsLine } from './report.js';
import type { Builder, BuilderName, SmokeSpec } from './types.js';
import { NO_FACTS, verifyFile, type FileVerification, type VerifySettings } from './verifyFile.js';
import { splitCommand } from './words.js';

export const VERIFY_EXIT = { ok: 0, broken: 1, error: 2 } as const;

/** What the command needs from outside; tests give a fake builder. */
export interface VerifyDeps {
  readonly exec?: Exec;
  readonly builder?: Builder;
}

const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean);

/** `dockshift verify [paths..]`: argv without the word `verify`. */
export async function verifyMain(argv: readonly string[], io: Io, deps: VerifyDeps = {}): Promise<number> {
  let usageError: string | null = null;
  const args = await yargs([...argv])
    .scriptName('dockshift verify')
    .usage('dockshift verify [paths..]\n\nBuild each Dockerfile before and after the rewrite, measure both images, smoke-run them, and find the change that broke one.')
    .parserConfiguration({ 'boolean-negation': false })
    .command('$0 [paths..]', false)
    .positional('paths', { type: 'string', array: true, describe: 'Dockerfiles or folders (default: .); each is built in its own folder' })
    .option('builder', { type: 'string', choices: BUILDER_NAMES, describe: 'Build with this tool (default: the first that works of docker, podman, buildah)' })
    .option('transform', { alias: 't', type: 'string', describe: 'Run only these transforms (comma-separated)' })
    .option('skip', { type: 'string', describe: 'Do not run these transforms' })
    .option('option', { alias: 'o', type: 'string', describe: 'Transform option: name.key=value' })
    .option('build-arg', { type: 'string', describe: 'KEY=VALUE for both builds (repeatable)' })
    .option('target', { type: 'string', describe: 'Build this stage of both files' })
    .option('pull', { type: 'boolean', default: false, describe: 'Pull missing base images (default: use local images only)' })
    .option('smoke', { type: 'string', describe: 'Smoke-run these arguments instead of the image CMD (keeps ENTRYPOINT)' })
    .option('smoke-http', { type: 'string', describe: 'Smoke-run the image and probe PORT/PATH over HTTP' })
    .option('smoke-timeout', { type: 'number', default: 5, describe: 'Seconds a smoke run may take; still running then = a server, which is stopped' })
    .option('stop-timeout', { type: 'number', default: 10, describe: 'Grace period of the timed stop, as docker stop -t' })
    .option('no-smoke', { type: 'boolean', default: false, describe: 'Build and measure only' })
    .option('no-culprit', { type: 'boolean', default: false, describe: 'Do not rebuild to find the change that broke a rewrite' })
    .option('fix', { type: 'boolean', default: false, describe: 'Write the rewrite that passed: all of it, or without the culprit' })
    .option('keep-images', { type: 'boolean', default: false, describe: 'Keep the built images (tagged localhost/dockshift-verify/...)' })
    .option('json', { type: 'boolean', default: false, describe: 'One JSON object per file on stdout' })
    .option('markdown', { type: 'string', describe: 'Also write the summary table as markdown to this file' })
    .option('ignore-pattern', { type: 'string', describe: 'Gitignore-style pattern to skip' })
    .strict()
    .help()
    .version(false)
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((msg, e) => {
      usageError = msg ?? e?.message ?? 'invalid arguments';
    })
    .parseAsync();
  const usage = (message: string) => {
    io.stderr(`dockshift verify: ${message}\nRun dockshift verify --help for usage.\n`);
    return VERIFY_EXIT.error;
  };
  if (usageError !== null) return usage(usageError);
  if (argv.includes('--help') || argv.includes('-h')) return VERIFY_EXIT.ok;

  const selected = selectTransforms({ only: list(args.transform), skip: list(args.skip), options: list(args.option) });
  if (!selected.ok) return usage(selected.message);
  const buildArgs: Record<string, string> = {};
  for (const raw of list(args['build-arg'])) {
    const eq = raw.indexOf('=');
    if (eq <= 0) return usage(`--build-arg expects KEY=VALUE, got "${raw}"`);
    buildArgs[raw.slice(0, eq)] = raw.slice(eq + 1);
  }
  const smokeArgs = args.smoke === undefined ? null : splitCommand(args.smoke);
  if (smokeArgs !== null && !smokeArgs.ok) return usage(`--smoke: ${smokeArgs.message}`);
  const http = args['smoke-http'] === undefined ? null : parseHttp(args['smoke-http']);
  if (http !== null && 'message' in http) return usage(`--smoke-http: ${http.message}`);
  for (const key of ['smoke-timeout', 'stop-timeout'] as const) {
    if (!(args[key] > 0)) return usage(`--${key} expects a number of seconds above 0`);
  }

  const started = performance.now();
  const paths = [...(args.paths ?? []), ...args._.map(String)];
  const found = await discover(paths.length > 0 ? paths : ['.'], { cwd: io.cwd, ignorePatterns: list(args['ignore-pattern']) });
  for (const p of found.problems) io.stderr(`${p.path}: error: ${p.message}\n`);
  if (found.files.length === 0) {
    io.stderr('dockshift verify: no Dockerfiles found\n');
    return VERIFY_EXIT.error;
  }

  let builder = deps.builder;
  if (builder === undefined) {
    const choice = await chooseBuilder(args.builder as BuilderName | undefined, deps.exec ?? realExec);
    if (!choice.ok) {
      io.stderr(`dockshift verify: ${choice.message}\n`);
      return VERIFY_EXIT.error;
    }
    builder = choice.builder;
  }
  io.stderr(`dockshift verify: building with ${builder.name}${builder.canRun ? '' : ' (cannot run containers: no smoke runs)'}\n`);

  const smoke: SmokeSpec | null =
    args['no-smoke'] || !builder.canRun
      ? null
      : { args: smokeArgs?.args ?? null, http, timeoutSeconds: args['smoke-timeout'], stopGraceSeconds: args['stop-timeout'] };
  const settings: VerifySettings = {
    selection: selected.selection,
    buildArgs,
    pull: args.pull,
    ...(args.target === undefined ? {} : { target: args.target }),
    smoke,
    culprit: !args['no-culprit'],
    keepImages: args['keep-images'],
  };
  const cacheFile = layerCacheFile(io.env);
  const layerCache = loadLayerCache(cacheFile);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockshift-verify-'));
  const results: FileVerification[] = [];
  let fixErrors = 0;
  const contexts = new ContextFinder();
  try {
    for (const { path: abs } of found.files) {
      const display = displayPath(io.cwd, abs);
      const read = readDockerfile(abs);
      let v: FileVerification;
      if (!read.ok) {
        v = unreadable(display, read.message);
      } else {
        v = await verifyFile({ path: abs, display, context: contexts.contextOf(abs)?.root ?? path.dirname(abs) }, read.text, {
          builder,
          settings,
          workDir,
          layerCache,
          log: (line) => io.stderr(`${line}\n`),
        });
      }
      results.push(v);
      let fixLine: string | null = null;
      if (args.fix && read.ok) {
        const fixed = applyFix(abs, read.text, read.mode, v);
        fixLine = fixed.message;
        if (!fixed.ok) fixErrors++;
      }
      if (args.json) io.stdout(`${jsonReport(v)}\n`);
      else io.stdout(`${[...fileReport(v), ...(fixLine === null ? [] : [`  --fix: ${fixLine}`])].join('\n')}\n\n`);
      saveLayerCache(cacheFile, layerCache);
    }
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }

  if (!args.json && results.length > 1) {
    const rows = results.map(summaryRow).map((r) => [r.file, r.verdict, r.uncompressed, r.gzip, r.layers, r.packagesLost, r.smoke, r.stop, r.culprit]);
    io.stdout(`${table([['file', 'verdict', 'uncompressed', 'gzip -6', 'layers', 'packages lost', 'smoke', 'stop', 'culprit'], ...rows]).join('\n')}\n`);
  }
  if (args.markdown !== undefined) {
    try {
      fs.writeFileSync(path.resolve(io.cwd, args.markdown), markdownTable(results));
    } catch (e) {
      io.stderr(`${args.markdown}: error: ${(e as Error).message}\n`);
      fixErrors++;
    }
  }
  const t = totals(results);
  io.stderr(`${totalsLine(t, (performance.now() - started) / 1000)}\n`);
  if (t.errors > 0 || found.problems.length > 0 || fixErrors > 0) return VERIFY_EXIT.error;
  return t.broken > 0 ? VERIFY_EXIT.broken : VERIFY_EXIT.ok;
}

function parseHttp(raw: string): { port: number; path: string } | { message: string } {
  const m = /^(\d{1,5})(?:\/(.*))?$/s.exec(raw);
  const port = Number(m?.[1]);
  if (m === null || port < 1 || port > 65535) return { message: `expects PORT/PATH (8080/health), got "${raw}"` };
  return { port, path: m[2] ?? '' };
}

/** `--fix` writes only what a build proved: the whole rewrite when it passed, else the rewrite without the culprit. */
function applyFix(abs: string, original: string, mode: number, v: FileVerification): { ok: boolean; message: string } {
  if (v.verdict === 'unchanged') return { ok: true, message: 'nothing to write: dockshift changes nothing here' };
  if (v.passingText === null) return { ok: true, message: 'nothing written: no rewrite of this file passed' };
  if (v.passingText === original) return { ok: true, message: 'nothing written: the only passing version is the original' };
  try {
    writeAtomic(abs, v.passingText, mode);
  } catch (e) {
    return { ok: false, message: `not written: ${(e as Error).message}` };
  }
  const without = v.passingOff.length === 0 ? 'the whole rewrite' : `the rewrite with ${v.passingOff.map(knobFlag).join(' ')}`;
  return { ok: true, message: `wrote ${without}` };
}

function unreadable(display: string, message: string): FileVerification {
  return { path: display, verdict: 'error', changes: [], ...NO_FACTS, error: { step: 'read', message } };
}

/** Layer figures are keyed by content digest, so a cache of them stays true across runs. */
function layerCacheFile(env: NodeJS.ProcessEnv): string | null {
  const base = env.XDG_CACHE_HOME || (env.HOME ? path.join(env.HOME, '.cache') : null);
  return base === null ? null : path.join(base, 'dockshift', 'layer-sizes.json');
}

function displayPath(cwd: string, abs: string): string {
  const rel = path.relative(cwd, abs);
  return (path.isAbsolute(rel) ? abs : rel).split(path.sep).join('/');
}
