/**
 * The manifest set of `go mod download`: go.mod and go.sum, and a go.work with the modules
 * it uses. Refused when a `replace` points at a local folder (that module is sources) or a
 * vendor folder is there (Go then reads it instead of the module cache).
 */
import type { DependencyInstall } from './commands.js';
import { isProblem, problem, under, type ManifestProblem, type ManifestReader } from './reader.js';

export function goManifests(reader: ManifestReader, dir: string, _install: DependencyInstall): ManifestProblem | null {
  const modules = [dir];
  const work = under(dir, 'go.work');
  if (reader.maybe(work)) {
    reader.maybe(under(dir, 'go.work.sum'));
    const text = reader.text(work);
    if (isProblem(text)) return text;
    const local = localReplace(text);
    if (local !== null) return problem('local-dependency', `${work} replaces a module with the local folder ${local}`);
    for (const use of directives(text, 'use')) modules.push(under(dir, use));
  }
  for (const m of modules) {
    const mod = under(m, 'go.mod');
    const missing = reader.need(mod);
    if (missing !== null) return missing;
    reader.maybe(under(m, 'go.sum'));
    const text = reader.text(mod);
    if (isProblem(text)) return text;
    const local = localReplace(text);
    if (local !== null) return problem('local-dependency', `${mod} replaces a module with the local folder ${local}`);
    if (reader.ctx.exists(under(m, 'vendor/modules.txt'))) return problem('install-needs-source', `${under(m, 'vendor')} holds vendored modules, which Go reads from the sources`);
  }
  return null;
}

/** The arguments of a go.mod/go.work directive, in single-line and block form. */
function directives(text: string, name: string): string[] {
  const out: string[] = [];
  const clean = text.replace(/\/\/.*$/gm, '');
  const single = new RegExp(`^\\s*${name}\\s+(?!\\()(\\S+)`, 'gm');
  for (const m of clean.matchAll(single)) out.push(unquote(m[1]!));
  const block = new RegExp(`^\\s*${name}\\s*\\(([^)]*)\\)`, 'gm');
  for (const m of clean.matchAll(block)) for (const line of m[1]!.split('\n')) if (line.trim() !== '') out.push(unquote(line.trim().split(/\s+/)[0]!));
  return out;
}

/** The local folder a `replace … => ./dir` points at, or null. */
function localReplace(text: string): string | null {
  const clean = text.replace(/\/\/.*$/gm, '');
  for (const m of clean.matchAll(/=>\s*("?)([^\s"]+)\1/g)) {
    const target = m[2]!;
    if (target.startsWith('./') || target.startsWith('../') || target.startsWith('/') || target === '.' || target === '..') return target;
  }
  return null;
}

function unquote(s: string): string {
  return s.replace(/^"(.*)"$/, '$1').replace(/^`(.*)`$/, '$1');
}
