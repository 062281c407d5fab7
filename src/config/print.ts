import * as path from 'node:path';
import type { Io } from '../cli.js';
import { ContextFinder } from '../engine/inferContext.js';
import { configErrorLine, type SettingsResolver } from './resolve.js';

/**
 * `--print-config FILE`: what applies to that file and where each value comes from
 * (`default`, a command-line option, or `file:line` of a configuration file with the
 * override that set it). As text, or as JSON with `--json`.
 */
export async function printConfig(resolver: SettingsResolver, file: string, json: boolean, io: Io): Promise<number> {
  const shown = (p: string) => path.relative(io.cwd, p).split(path.sep).join('/') || '.';
  const prepared = await resolver.prepare([file]);
  const problem = prepared.fatal ?? [...prepared.broken.values()][0] ?? null;
  if (problem !== null) {
    io.stderr(`${configErrorLine(problem, shown)}\n`);
    return 2;
  }
  const bad = resolver.checkCommandLine();
  if (bad !== null) {
    io.stderr(`dockshift: ${bad}\n`);
    return 2;
  }
  const s = resolver.settingsFor(file);
  const origin = (from: string) => from.replace(/^\/.*?(?=:\d+)/, (p) => shown(p));
  // Nothing names a context: the run takes the Dockerfile's folder, or the one it infers.
  const inferred = s.context === null ? new ContextFinder().contextOf(path.resolve(io.cwd, file)) : null;
  const context =
    inferred !== null
      ? {
          value: shown(inferred.root),
          from:
            inferred.by === 'compose'
              ? `inferred: service ${inferred.service} of ${shown(inferred.file)} builds it with this context`
              : `inferred: the Dockerfile's folder ${inferred.lacking === undefined ? 'holds none' : 'lacks some'} of what it copies (${(inferred.lacking ?? inferred.sources).slice(0, 2).join(', ')}${(inferred.lacking ?? inferred.sources).length > 2 ? ', …' : ''}), this one all of it`,
        }
      : { value: s.context === null ? shown(path.dirname(file)) : shown(s.context), from: origin(s.origins.context) };
  if (json) {
    const transforms = Object.fromEntries(
      Object.entries(s.origins.transforms).map(([name, t]) => [
        name,
        { on: t.on, from: origin(t.from), options: Object.fromEntries(Object.entries(t.options).map(([k, o]) => [k, { value: o.value, from: origin(o.from) }])) },
      ]),
    );
    io.stdout(
      `${JSON.stringify(
        {
          file: shown(file),
          config: s.config === null ? null : shown(s.config),
          tier: { value: s.selection.tier ?? 'review', from: origin(s.origins.tier) },
          context,
          includeGenerated: { value: s.selection.includeGenerated === true, from: origin(s.origins.includeGenerated) },
          transforms,
        },
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  const rows: string[] = [];
  const head: [string, string][] = [
    ['file', shown(file)],
    ['config', s.config === null ? '(none found)' : shown(s.config)],
    ['tier', `${s.selection.tier ?? 'review'}  (${origin(s.origins.tier)})`],
    ['context', `${context.value}  (${context.from})`],
    // What becomes of the file when its header says it is generated.
    ['generated', `${s.selection.includeGenerated === true ? 'included' : 'skipped'}  (${origin(s.origins.includeGenerated)})`],
  ];
  for (const [label, value] of head) rows.push(`${label.padEnd(11)}${value}`);
  rows.push('transforms');
  const width = Math.max(...Object.keys(s.origins.transforms).map((n) => n.length));
  for (const [name, t] of Object.entries(s.origins.transforms)) {
    rows.push(`  ${name.padEnd(width)}  ${t.on ? 'on ' : 'off'}  (${origin(t.from)})`);
    if (!t.on) continue;
    for (const [key, o] of Object.entries(t.options)) rows.push(`  ${' '.repeat(width)}    ${key} = ${JSON.stringify(o.value)}  (${origin(o.from)})`);
  }
  io.stdout(`${rows.join('\n')}\n`);
  return 0;
}
