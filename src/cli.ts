import * as fs from 'node:fs';
import * as path from 'node:path';
import yargs from 'yargs';
import { discover } from './engine/discover.js';
import { runPipeline } from './engine/pipeline.js';
import { NewFileLedger, type FileResult, type FileTask } from './engine/processFile.js';
import { count, emptyTally, errorLine, explainLines, jsonLine, patchOf, renderPatch, summaryLine } from './engine/report.js';
import { runTasks } from './engine/runner.js';
import { allTransforms, configure, selectTransforms } from './engine/select.js';
import type { OptionSpec, TransformMeta } from './engine/types.js';

/** Where the CLI talks to; tests pass their own. */
export interface Io {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: (s: string | Uint8Array) => void;
  readonly stderr: (s: string) => void;
  readonly stdoutIsTTY: boolean;
  readonly readStdin: () => Promise<Buffer>;
}

export const EXIT = { ok: 0, changesFound: 1, error: 2 } as const;

const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean);

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let usageError: string | null = null;
  const parser = yargs([...argv])
    .scriptName('dockshift')
    .usage('$0 [paths..]\n\nRewrite Dockerfiles for smaller, safer images. Dry run by default: prints a unified diff.')
    .command('$0 [paths..]', false)
    .positional('paths', { type: 'string', array: true, describe: 'Files or folders (default: .)' })
    .option('write', { alias: 'w', type: 'boolean', default: false, describe: 'Rewrite files in place' })
    .option('check', { type: 'boolean', default: false, describe: 'Print the diff; exit 1 if anything would change' })
    .option('transform', { alias: 't', type: 'string', describe: 'Run only these transforms (comma-separated)' })
    .option('skip', { type: 'string', describe: 'Do not run these transforms' })
    .option('option', { alias: 'o', type: 'string', describe: 'Transform option: name.key=value' })
    .option('list', { type: 'boolean', default: false, describe: 'List transforms and exit' })
    .option('list-images', { type: 'boolean', default: false, describe: 'List the base images, package maps and sources the knowledge base covers' })
    .option('json', { type: 'boolean', default: false, describe: 'One JSON object per file on stdout' })
    .option('explain', { type: 'boolean', default: false, describe: 'Say what each transform changed or refused, and why' })
    .option('patch-file', { type: 'string', describe: 'Also write the whole patch to this file' })
    .option('stdin', { type: 'boolean', default: false, describe: 'Read one Dockerfile on stdin, print only the result' })
    .option('stdin-path', { type: 'string', default: '<stdin>', describe: 'Name of the stdin file in messages' })
    .option('concurrency', { alias: 'j', type: 'number', describe: 'Worker threads (default: one per CPU, from 2,000 files)' })
    .option('run-in-band', { type: 'boolean', default: false, describe: 'Process files in this thread' })
    .option('ignore-pattern', { type: 'string', describe: 'Gitignore-style pattern to skip' })
    .strict()
    .help()
    .version(false)
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((msg, err) => {
      usageError = msg ?? err?.message ?? 'invalid arguments';
    });

  const args = await parser.parseAsync();
  if (usageError !== null) {
    io.stderr(`dockshift: ${usageError}\nRun dockshift --help for usage.\n`);
    return EXIT.error;
  }
  if (argv.includes('--help') || argv.includes('-h')) return EXIT.ok;

  if (args.list) return listTransforms(io, args.json, list(args.transform));
  if (args['list-images']) {
    // Loaded only here: the knowledge base is not needed to rewrite files yet.
    const { coverageTable } = await import('./knowledge/index.js');
    io.stdout(coverageTable());
    return EXIT.ok;
  }
  if (args.concurrency !== undefined && !(Number.isInteger(args.concurrency) && args.concurrency >= 1)) {
    io.stderr(`dockshift: --concurrency expects a whole number of threads, 1 or more\n`);
    return EXIT.error;
  }
  if (args.write && (args.check || args.stdin)) {
    io.stderr(`dockshift: --write cannot be combined with ${args.check ? '--check' : '--stdin'}\n`);
    return EXIT.error;
  }

  const selected = selectTransforms({ only: list(args.transform), skip: list(args.skip), options: list(args.option) });
  if (!selected.ok) {
    io.stderr(`dockshift: ${selected.message}\n`);
    return EXIT.error;
  }
  const { selection } = selected;

  if (args.stdin) return runStdin(io, selection, args['stdin-path'], args.check);

  const started = performance.now();
  // Paths after `--` (names that start with `-`) land in `_`.
  const paths = [...(args.paths ?? []), ...args._.map(String)];
  const found = await discover(paths.length > 0 ? paths : ['.'], { cwd: io.cwd, ignorePatterns: list(args['ignore-pattern']) });
  const tally = emptyTally();
  for (const p of found.problems) {
    io.stderr(`${errorLine(p.path, null, p.message)}\n`);
    tally.files++;
    tally.errors++;
  }

  const tasks: FileTask[] = found.files.map((abs) => ({ path: abs, display: displayPath(io.cwd, abs) }));
  const color = useColor(io) && !args.json;
  const patches: string[] = [];
  const ledger = new NewFileLedger(args.write ? 'write' : 'dry-run');
  const onResult = (proposed: FileResult) => {
    const r = ledger.settle(proposed);
    count(tally, r);
    if (r.error !== null) io.stderr(`${errorLine(r.path, r.error.line, r.error.message)}\n`);
    if (args.json) io.stdout(`${jsonLine(r)}\n`);
    else io.stdout(renderPatch(r, color));
    if (args.explain) for (const line of explainLines(r)) io.stderr(`${line}\n`);
    if (args['patch-file'] !== undefined) patches.push(patchOf(r));
  };
  await runTasks(tasks, selection, args.write ? 'write' : 'dry-run', { concurrency: args.concurrency, inBand: args['run-in-band'] }, onResult);

  if (args['patch-file'] !== undefined) {
    try {
      fs.writeFileSync(path.resolve(io.cwd, args['patch-file']), patches.join(''));
    } catch (err) {
      io.stderr(`${errorLine(args['patch-file'], null, (err as Error).message)}\n`);
      tally.errors++;
    }
  }
  io.stderr(`${summaryLine(tally, (performance.now() - started) / 1000)}\n`);
  if (tally.errors > 0) return EXIT.error;
  return args.check && tally.changed > 0 ? EXIT.changesFound : EXIT.ok;
}

/** `--list`: one line per transform; with `-t name`, that transform's whole documentation. */
function listTransforms(io: Io, json: boolean, only: readonly string[]): number {
  const unknown = only.find((name) => !allTransforms().some((t) => t.meta.name === name));
  if (unknown !== undefined) {
    io.stderr(`dockshift: unknown transform "${unknown}" (see --list)\n`);
    return EXIT.error;
  }
  const metas = allTransforms()
    .map((t) => t.meta)
    .filter((m) => only.length === 0 || only.includes(m.name));
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

/**
 * The editor/script contract: only the resulting text on stdout; errors on
 * stderr, exit 2. With --check, exit 1 when the text would change.
 */
async function runStdin(io: Io, selection: Parameters<typeof configure>[0], name: string, check: boolean): Promise<number> {
  const bytes = await io.readStdin();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    io.stderr(`${errorLine(name, null, 'input is not valid UTF-8')}\n`);
    return EXIT.error;
  }
  const result = runPipeline(text, configure(selection));
  if (!result.ok) {
    io.stderr(`${errorLine(name, result.error.line, result.error.message)}\n`);
    return EXIT.error;
  }
  io.stdout(Buffer.from(result.output, 'utf8'));
  return check && result.output !== text ? EXIT.changesFound : EXIT.ok;
}

/** Relative to where dockshift ran, with `/`, so `git apply` (or `patch -p1`) there takes the patch. */
function displayPath(cwd: string, abs: string): string {
  const rel = path.relative(cwd, abs);
  return (path.isAbsolute(rel) ? abs : rel).split(path.sep).join('/');
}

function useColor(io: Io): boolean {
  const { NO_COLOR, FORCE_COLOR } = io.env;
  if (NO_COLOR !== undefined && NO_COLOR !== '') return false;
  if (FORCE_COLOR !== undefined) return FORCE_COLOR !== '0' && FORCE_COLOR !== 'false';
  return io.stdoutIsTTY;
}
