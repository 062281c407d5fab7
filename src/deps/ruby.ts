/**
 * The manifest set of `bundle install`: Gemfile (or gems.rb) with its lockfile, the
 * project's `.bundle/config`, and the Ruby version file the Gemfile reads. Refused when the
 * Gemfile takes gems from the project (`gemspec`, `path:`) or reads another Gemfile.
 */
import type { DependencyInstall } from './commands.js';
import { isProblem, problem, under, type ManifestProblem, type ManifestReader } from './reader.js';

export function bundlerManifests(reader: ManifestReader, dir: string, install: DependencyInstall): ManifestProblem | null {
  const gemfile = reader.ctx.exists(under(dir, 'gems.rb')) && !reader.ctx.exists(under(dir, 'Gemfile')) ? under(dir, 'gems.rb') : under(dir, 'Gemfile');
  const missing = reader.need(gemfile);
  if (missing !== null) return missing;
  reader.maybe(under(dir, gemfile.endsWith('gems.rb') ? 'gems.locked' : 'Gemfile.lock'));
  const text = reader.text(gemfile);
  if (isProblem(text)) return text;
  const code = text.replace(/#.*$/gm, '');
  if (/^\s*gemspec\b/m.test(code)) return problem('local-dependency', `${gemfile} installs the project's own gemspec, which reads its sources`);
  if (/\bpath\s*(?::|=>|\()|^\s*path\s+['"]/m.test(code)) return problem('local-dependency', `${gemfile} takes a gem from a local path`);
  if (/^\s*eval_gemfile\b/m.test(code)) return problem('local-dependency', `${gemfile} reads another Gemfile (eval_gemfile)`);
  for (const m of code.matchAll(/file:\s*['"]([^'"]+)['"]/g)) {
    const found = reader.need(under(dir, m[1]!));
    if (found !== null) return found;
  }
  if (install.writesConfig) reader.output(under(dir, '.bundle'));
  else reader.maybe(under(dir, '.bundle/config'));
  for (const w of install.writes) reader.output(under(dir, w));
  return null;
}
