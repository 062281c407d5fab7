/**
 * The manifest set of `mvn dependency:go-offline` (and `./mvnw`): pom.xml, the poms of its
 * modules, the `.mvn` folder (maven.config, jvm.config, extensions, the wrapper) and the
 * settings files the command names.
 */
import * as path from 'node:path';
import type { DependencyInstall } from './commands.js';
import { isProblem, problem, under, type ManifestProblem, type ManifestReader } from './reader.js';

export function mavenManifests(reader: ManifestReader, dir: string, install: DependencyInstall): ManifestProblem | null {
  if (install.wrapper !== null) {
    const script = install.wrapper.replace(/^\.\//, '');
    if (script.startsWith('/')) return problem('install-location', `the wrapper ${install.wrapper} is not the project's`);
    const missing = reader.need(under(dir, script));
    if (missing !== null) return missing;
  }
  reader.maybe(under(dir, '.mvn'));
  for (const f of install.files) {
    const missing = reader.need(under(dir, f));
    if (missing !== null) return missing;
  }
  for (const w of install.writes) reader.output(under(dir, w));
  const queue = [under(dir, 'pom.xml')];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const pom = queue.shift()!;
    if (seen.has(pom)) continue;
    seen.add(pom);
    const missing = reader.need(pom);
    if (missing !== null) return missing;
    const text = reader.text(pom);
    if (isProblem(text)) return text;
    const xml = text.replace(/<!--[\s\S]*?-->/g, '');
    for (const m of xml.matchAll(/<module>\s*([^<]+?)\s*<\/module>/g)) {
      const module = under(path.posix.dirname(pom), m[1]!);
      queue.push(module.endsWith('.xml') ? module : under(module, 'pom.xml'));
    }
    for (const m of xml.matchAll(/<relativePath>\s*([^<]+?)\s*<\/relativePath>/g)) {
      const parent = under(path.posix.dirname(pom), m[1]!);
      const file = parent.endsWith('.xml') ? parent : under(parent, 'pom.xml');
      if (!file.startsWith('../') && reader.ctx.exists(file)) queue.push(file);
    }
  }
  return null;
}
