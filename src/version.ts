import * as fs from 'node:fs';

/** The version in package.json, found from this module in src/ or dist/src/. */
export function packageVersion(): string {
  for (let dir = new URL('.', import.meta.url); ; dir = new URL('..', dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(new URL('package.json', dir), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'dockshift' && pkg.version !== undefined) return pkg.version;
    } catch {
      // not here; look further up
    }
    if (dir.pathname === '/') return 'unknown';
  }
}
