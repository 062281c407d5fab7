/**
 * The manifest set of `pip install -r requirements.txt`: the requirements and constraints
 * files it names, and the ones they include (`-r`, `-c`, relative to the including file).
 * Refused when a requirement is the project itself or another local path (`-e .`, `.`,
 * `./libs/x`, a wheel file, `--find-links ./wheels`): those need the sources.
 */
import * as path from 'node:path';
import type { DependencyInstall } from './commands.js';
import { isProblem, problem, under, type ManifestProblem, type ManifestReader } from './reader.js';

/** Options of a requirements file line that name another file of the project. */
const INCLUDES = new Set(['-r', '--requirement', '-c', '--constraint']);
const LOCAL_OPTIONS = new Set(['-e', '--editable', '-f', '--find-links']);

export function pipManifests(reader: ManifestReader, dir: string, install: DependencyInstall): ManifestProblem | null {
  const queue = install.files.map((f) => ({ file: under(dir, f), from: null as string | null }));
  const seen = new Set<string>();
  while (queue.length > 0) {
    const { file, from } = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const missing = reader.need(file);
    if (missing !== null) return from === null ? missing : problem(missing.code, `${missing.reason} (included from ${from})`);
    const text = reader.text(file);
    if (isProblem(text)) return text;
    const lines = logicalLines(text);
    for (const { line, number } of lines) {
      const [first, ...rest] = line.split(/\s+/);
      if (first === undefined || first === '') continue;
      const option = /^(-[A-Za-z]|--[a-z-]+)(?:=(.*))?$/.exec(first);
      if (option !== null) {
        const name = option[1]!;
        const value = option[2] ?? rest[0] ?? '';
        if (INCLUDES.has(name)) {
          if (isUrl(value)) continue;
          if (value.includes('$')) return problem('install-location', `${file}:${number} includes \`${value}\`, which is only known at build time`);
          queue.push({ file: under(path.posix.dirname(file), value), from: `${file}:${number}` });
        } else if (LOCAL_OPTIONS.has(name) && !isUrl(value) && !/^[a-z+]+:\/\//i.test(value)) {
          return problem(name === '-e' || name === '--editable' ? 'install-needs-source' : 'local-dependency', `${file}:${number} installs from the project's files (\`${line}\`)`);
        }
        continue;
      }
      if (isLocalRequirement(line)) return problem('local-dependency', `${file}:${number} installs from the project's files (\`${line}\`)`);
    }
  }
  for (const w of install.writes) reader.output(under(dir, w));
  return null;
}

function isUrl(value: string): boolean {
  return /^(?:https?|ftp):\/\//i.test(value);
}

/** A requirement that is a path, a local archive or a `name @ file:` reference rather than a package. */
function isLocalRequirement(line: string): boolean {
  const spec = line.split(/\s+;|\s+--/)[0]!.trim();
  if (/@\s*file:/i.test(spec) || /^file:/i.test(spec)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec) || /^[A-Za-z0-9][A-Za-z0-9._-]*\s*(?:\[[^\]]*\])?\s*@\s*\S+:\/\//.test(spec)) return false;
  return /^[.~/]/.test(spec) || spec.includes('/') || spec.includes('\\') || /\.(?:whl|zip|tar\.gz|tar\.bz2|tgz)$/i.test(spec);
}

/** Lines as pip reads them: `\` continuations joined, comments (`#` after a blank or at the start) removed. */
function logicalLines(text: string): { line: string; number: number }[] {
  const out: { line: string; number: number }[] = [];
  const raw = text.split(/\r?\n/);
  for (let i = 0; i < raw.length; i++) {
    const number = i + 1;
    let line = raw[i]!;
    while (line.endsWith('\\') && i + 1 < raw.length) line = line.slice(0, -1) + raw[++i]!;
    line = line.replace(/(^|\s)#.*$/, '').trim();
    if (line !== '') out.push({ line, number });
  }
  return out;
}
