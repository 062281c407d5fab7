import * as fs from 'node:fs';
import * as path from 'node:path';
import yargs from 'yargs';
import { isModulePath } from './config/file.js';
import { printConfig } from './config/print.js';
import { configErrorLine, SettingsResolver, type CliChoices } from './config/resolve.js';
import { ALL_TRANSFORMS, coerce } from './engine/select.js';
import type { OptionSpec, Tier, TransformMeta } from './engine/types.js';
import type { Output } from './report/index.js';
import { isReportFormat, REPORT_FORMATS } from './report/types.js';
import { packageVersion } from './version.js';

/** Where the CLI talks to; tests pass their own. */
export interface Io {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: (s: string | Uint8Array) => void;
  readonly stderr: (s: string) => void;
  readonly stdoutIsTTY: boolean;
  /** stderr is a terminal: a long run shows its progress there. */
  readonly stderrIsTTY?: boolean;
  /** The terminal's width, for the progress line. */
  readonly stderrColumns?: number;
  readonly readStdin: () => Promise<Uint8Array>;
  /** Aborted, with the signal's name as reason, on the first SIGINT or SIGTERM. */
  readonly interrupt?: AbortSignal;
  /** Aborted when stdout's reader has gone (EPIPE: `dockshift . | head`). */
  readonly stdoutClosed?: AbortSignal;
}

export const EXIT = { ok: 0, changesFound: 1, error: 2 } as const;

const EXIT_CODES = `Exit codes:
  0    done: a dry run, changes written, or nothing to change
  1    --check: a file would change (and there was no error)
  2    an error: a file that could not be read, parsed or processed (reported as a warning
       and not counted with --on-error=warn), a write that failed, a path that does not
       exist, a folder with no Dockerfile, or bad usage
  130  stopped by SIGINT (Ctrl-C), 143 by SIGTERM: the files in progress were finished,
       the rest left alone; a second signal quits at once`;

const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean);

export async function main(argv: readonly string[], io: Io): Promise<number> {
  // Loaded only when asked for, so a normal run does not pay for it. `./verify` names a folder.
  if (argv[0] === 'verify') return (await import('./verify/cli.js')).verifyMain(argv.slice(1), io);
  let usageError: string | null = null;
  const parser = yargs([...argv])
    .scriptName('dockshift')
    .usage('$0 [paths..]\n\nRewrite Dockerfiles for smaller, safer images. Dry run by default: prints a unified diff.')
    .command('$0 [paths..]', false)
    .positional('paths', { type: 'string', array: true, describe: 'Files or folders (default: .)' })
    .option('write', { alias: 'w', type: 'boolean', default: false, describe: 'Rewrite files in place' })
    .option('check', { type: 'boolean', default: false, describe: 'Print the diff; exit 1 if anything would change' })
    .option('transform', { alias: 't', type: 'string', describe: 'Run only these transforms (comma-separated names, `all` for every one, or paths of your own: -t ./my-transform.ts)' })
    .option('skip', { type: 'string', describe: 'Do not run these transforms' })
    .option('option', { alias: 'o', type: 'string', describe: 'Transform option: name.key=value' })
    .option('list', { type: 'boolean', default: false, describe: 'List transforms and exit' })
    .option('list-images', { type: 'boolean', default: false, describe: 'List the base images, package maps and sources the knowledge base covers' })
    .option('json', { type: 'boolean', default: false, describe: 'One JSON record per file on stdout, then a summary record (--format json)' })
    .option('format', { alias: 'f', type: 'string', describe: `What stdout gets: ${REPORT_FORMATS.join(', ')} (default: diff)` })
    .option('list-different', { alias: 'l', type: 'boolean', default: false, describe: 'Print only the names of files that would change (exit 1 when one would, unless --write)' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No summary, warnings or progress on stderr; errors still' })
    .option('config', { alias: 'c', type: 'string', describe: 'Use this configuration file for every file (--no-config: none); default: the nearest dockshift.config.{json,yaml} or .dockshift.yaml above each file' })
    .option('print-config', { type: 'string', describe: 'Print what applies to this file, and where each value comes from' })
    .option('tier', { type: 'string', describe: 'safe: only changes that keep the build\'s meaning; review: also those a reviewer must check (default)' })
    .option('context', { type: 'string', describe: "Build context folder for every Dockerfile (default: each Dockerfile's folder, or the folder above it that holds what it copies)" })
    .option('explain', { type: 'boolean', default: false, describe: 'Say what each transform changed or refused, and why' })
    .option('patch-file', { type: 'string', describe: 'Also write the whole patch to this file' })
    .option('relative-to', { type: 'string', describe: 'Name files in the patch from this folder (default: the top of the git repository)' })
    .option('stdin', { type: 'boolean', default: false, describe: 'Read one Dockerfile on stdin, print only the result' })
    .option('stdin-path', { type: 'string', describe: 'Name of the stdin file in messages' })
    .option('on-error', { type: 'string', default: 'fail', describe: 'fail: a file that cannot be processed exits 2; warn: report it as a warning' })
    .option('ignore-unknown', { alias: 'u', type: 'boolean', default: false, describe: 'Skip files named explicitly that are not Dockerfiles' })
    // No default: the configuration's includeGenerated applies unless the command line says.
    .option('include-generated', { type: 'boolean', describe: 'Rewrite generated Dockerfiles too (a header such as "DO NOT EDIT" or "Code generated by"); by default they are skipped, with a note' })
    // A string, read as -o reads a number: yargs' own number reading takes ' 2', 1e0 and 0x2.
    .option('concurrency', { alias: 'j', type: 'string', describe: 'Worker threads, at most two per CPU (default: one per CPU, from 2,000 files on 3 or more CPUs, from 10,000 on 2)' })
    .option('run-in-band', { type: 'boolean', default: false, describe: 'Process files in this thread' })
    .option('ignore-pattern', { type: 'string', describe: 'Gitignore-style pattern to skip' })
    .option('color', { type: 'string', default: 'auto', describe: 'Color the diff: auto (a terminal, unless NO_COLOR; FORCE_COLOR), always, never' })
    .epilogue(EXIT_CODES)
    .strict()
    .help()
    .alias('help', 'h')
    .version('version', 'Print the version and exit', packageVersion())
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((msg, err) => {
      usageError = msg ?? err?.message ?? 'invalid arguments';
    });

  const args = await parser.parseAsync();
  const usage = (message: string): number => {
    io.stderr(`dockshift: ${message}\n`);
    return EXIT.error;
  };
  if (usageError !== null) return usage(`${usageError}\nRun dockshift --help for usage.`);
  // yargs reads `--no-X` as X = false for every option, also those that take a value: only --no-config and
  // --no-color mean something. (getOptions is yargs' own, missing from its types.)
  const valueOptions = (parser as unknown as { getOptions(): { string: readonly string[] } }).getOptions().string;
  const negated = valueOptions.find((o) => !NEGATABLE.has(o) && (args as Record<string, unknown>)[o] === false);
  if (negated !== undefined) return usage(`--no-${negated} is not an option: --${negated} takes a value\nRun dockshift --help for usage.`);
  // yargs printed them.
  if (args.help === true || args.version === true) return EXIT.ok;

  if (args.list) return listTransforms(io, args.json, list(args.transform), io.cwd);
  if (args['list-images']) {
    // Loaded only here: the knowledge base is not needed to rewrite files yet.
    const { coverageTable } = await import('./knowledge/index.js');
    io.stdout(coverageTable());
    return EXIT.ok;
  }
  let concurrency: number | undefined;
  if (args.concurrency !== undefined) {
    const read = coerce(String(args.concurrency), { default: 1, min: 1, description: 'worker threads' });
    if (!read.ok) return usage(`--concurrency expects a whole number of threads, 1 or more, got ${JSON.stringify(String(args.concurrency))}`);
    concurrency = read.value as number;
  }
  if (args.write && (args.check || args.stdin)) return usage(`--write cannot be combined with ${args.check ? '--check' : '--stdin'}`);
  const onError = args['on-error'];
  if (onError !== 'fail' && onError !== 'warn') return usage(`--on-error expects fail or warn, got "${onError}"`);
  const color = colorChoice(args.color);
  if (color === null) return usage(`--color expects auto, always or never, got "${String(args.color)}"`);
  // Paths after `--` (names that start with `-`) land in `_`.
  const paths = [...(args.paths ?? []), ...args._.map(String)];

  const tier = args.tier;
  if (tier !== undefined && tier !== 'safe' && tier !== 'review') return usage(`--tier expects safe or review, got "${tier}"`);
  let contextDir: string | null = null;
  if (args.context !== undefined) {
    const dir = path.resolve(io.cwd, args.context);
    if (!isFolder(dir)) return usage(`--context expects a folder; ${args.context} is not one`);
    contextDir = fs.realpathSync(dir);
  }
  const configArg = args.config as string | boolean | undefined;
  const choices: CliChoices = {
    only: list(args.transform).map((t) => (isModulePath(t) ? path.resolve(io.cwd, t) : t)),
    skip: list(args.skip),
    options: list(args.option),
    tier: (tier as Tier | undefined) ?? null,
    context: contextDir,
    config: configArg === false ? false : typeof configArg === 'string' && configArg !== '' ? path.resolve(io.cwd, configArg) : null,
    includeGenerated: args['include-generated'] ?? null,
  };
  const created = await SettingsResolver.create(choices);
  if (!created.ok) return usage(created.message);
  const { resolver } = created;

  if (args['print-config'] !== undefined) return printConfig(resolver, path.resolve(io.cwd, args['print-config']), args.json || args.format === 'json', io);

  let output: Output = 'diff';
  if (args.format !== undefined) {
    if (!isReportFormat(args.format)) return usage(`--format expects one of ${REPORT_FORMATS.join(', ')}, got "${args.format}"`);
    if (args.json && args.format !== 'json') return usage(`--json is --format json; it cannot be combined with --format ${args.format}`);
    output = args.format;
  } else if (args.json) output = 'json';
  if (args['list-different']) {
    if (args.format !== undefined || args.json) return usage('--list-different prints file names; it cannot be combined with --format or --json');
    output = 'names';
  }

  if (args.stdin) {
    // Each of these would be ignored with --stdin; saying so beats a silent surprise.
    const given = (['json', 'format', 'list-different', 'patch-file', 'relative-to', 'ignore-pattern', 'ignore-unknown', 'context'] as const).find((o) => args[o] !== undefined && args[o] !== false);
    if (given !== undefined) return usage(`--stdin prints only the resulting text; --${given} cannot be combined with it`);
    if (paths.length > 0) return usage('--stdin reads the Dockerfile from stdin; paths cannot be given with it');
    const name = args['stdin-path'] ?? '<stdin>';
    // As prettier's --stdin-filepath: the configuration is the one that applies where the file would be.
    const at = path.resolve(io.cwd, args['stdin-path'] ?? 'Dockerfile');
    const prepared = await resolver.prepare([at]);
    const problem = prepared.fatal ?? [...prepared.broken.values()][0] ?? null;
    if (problem !== null) return usage(configErrorText(problem, io.cwd));
    const bad = resolver.checkCommandLine();
    if (bad !== null) return usage(bad);
    // Loaded by the branch that runs, so one file on stdin does not load folder search, the pool or the reports.
    const { runStdin } = await import('./runStdin.js');
    return runStdin({ selection: resolver.settingsFor(at).selection, name, check: args.check, explain: args.explain, quiet: args.quiet, onError }, io);
  }
  if (args['stdin-path'] !== undefined) return usage('--stdin-path names the input of --stdin; use it with --stdin');

  let relativeTo: string | null = null;
  if (args['relative-to'] !== undefined) {
    const dir = path.resolve(io.cwd, args['relative-to']);
    if (!isFolder(dir)) return usage(`--relative-to expects a folder; ${args['relative-to']} is not one`);
    relativeTo = fs.realpathSync(dir);
  }

  const { runFiles } = await import('./runFiles.js');
  return runFiles(
    {
      paths: paths.length > 0 ? paths : ['.'],
      resolver,
      mode: args.write ? 'write' : 'dry-run',
      check: args.check,
      output,
      explain: args.explain,
      color: output === 'diff' && useColor(color, io),
      quiet: args.quiet,
      progress: io.stderrIsTTY === true,
      version: packageVersion(),
      patchFile: args['patch-file'] === undefined ? null : { path: path.resolve(io.cwd, args['patch-file']), given: args['patch-file'] },
      ignorePatterns: list(args['ignore-pattern']),
      relativeTo,
      policy: { onError, ignoreUnknown: args['ignore-unknown'] },
      runner: { concurrency, inBand: args['run-in-band'] },
    },
    io,
  );
}

/** `--list`: one line per transform; with `-t name` (or a module's path), that transform's whole documentation. */
async function listTransforms(io: Io, json: boolean, given: readonly string[], cwd: string): Promise<number> {
  const created = await SettingsResolver.create({ only: given.map((t) => (isModulePath(t) ? path.resolve(cwd, t) : t)), skip: [], options: [], tier: null, context: null, config: false });
  if (!created.ok) {
    io.stderr(`dockshift: ${created.message}\n`);
    return EXIT.error;
  }
  const known = created.resolver.known();
  const loaded = created.resolver.loaded();
  const only = given.map((t) => (isModulePath(t) ? loaded.find((l) => l.module === path.resolve(cwd, t))!.transform.meta.name : t));
  const unknown = only.find((name) => name !== ALL_TRANSFORMS && !known.some((t) => t.meta.name === name));
  if (unknown !== undefined) {
    io.stderr(`dockshift: unknown transform "${unknown}" (see --list)\n`);
    return EXIT.error;
  }
  const metas = known.map((t) => t.meta).filter((m) => only.length === 0 || only.includes(ALL_TRANSFORMS) || only.includes(m.name));
  if (json) {
    io.stdout(`${JSON.stringify(metas, null, 2)}\n`);
  } else if (only.length > 0) {
    for (const m of metas) io.stdout(describeTransform(m));
  } else {
    const width = Math.max(...metas.map((m) => m.name.length));
    for (const m of metas) {
      const rules = m.hadolint.length > 0 ? ` [${m.hadolint.join(', ')}]` : '';
      // `review`: it can make changes that alter what is installed or how the container runs.
      io.stdout(`${m.name.padEnd(width)}  ${m.defaultEnabled ? 'default ' : 'opt-in  '}  ${m.review !== undefined ? 'review' : 'safe  '}  ${m.summary}${rules}\n`);
    }
  }
  return EXIT.ok;
}

function describeTransform(m: TransformMeta<any>): string {
  const rules = m.hadolint.length > 0 ? `hadolint: ${m.hadolint.join(', ')}\n` : '';
  const options = Object.entries(m.options as Record<string, OptionSpec>).map(
    ([key, spec]) => `  -o ${m.name}.${key}=${String(spec.default)}  ${spec.description}\n`,
  );
  const tier = m.review !== undefined ? `changes: safe, and review ones (${m.review})\n` : 'changes: safe only (the build means what it meant)\n';
  return `${m.name} (${m.defaultEnabled ? 'default' : 'opt-in'}): ${m.summary}\n${rules}${tier}\n${m.docs}\n${options.length > 0 ? `\noptions:\n${options.join('')}` : ''}\n`;
}

function configErrorText(e: Parameters<typeof configErrorLine>[0], cwd: string): string {
  return configErrorLine(e, (f) => path.relative(cwd, f) || f).replace(': error: ', ': ');
}

function isFolder(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

type ColorChoice = 'auto' | 'always' | 'never';

/** `--color=VALUE`; a bare `--color` means always, `--no-color` never. */
/** Options that take a value and also mean something as `--no-X`. */
const NEGATABLE: ReadonlySet<string> = new Set(['config', 'c', 'color']);

function colorChoice(value: unknown): ColorChoice | null {
  if (value === '' || value === true) return 'always';
  if (value === false) return 'never';
  return value === 'auto' || value === 'always' || value === 'never' ? value : null;
}

/** An explicit --color wins over the environment (as NO_COLOR asks); auto honours NO_COLOR, then FORCE_COLOR, then the terminal. */
function useColor(choice: ColorChoice, io: Io): boolean {
  if (choice !== 'auto') return choice === 'always';
  const { NO_COLOR, FORCE_COLOR } = io.env;
  if (NO_COLOR !== undefined && NO_COLOR !== '') return false;
  if (FORCE_COLOR !== undefined) return FORCE_COLOR !== '0' && FORCE_COLOR !== 'false';
  return io.stdoutIsTTY;
}
