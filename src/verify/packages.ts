import type { PackageList, PackageManager } from './types.js';

/**
 * Run by `sh -c` inside the image: names the package manager it finds on the
 * first line, then lists `name<TAB>version` (dpkg) or the manager's own
 * `name-version` lines (apk, rpm).
 */
export const listPackagesScript = [
  'if command -v dpkg-query >/dev/null 2>&1; then echo dpkg; dpkg-query -W -f \'${binary:Package}\\t${Version}\\n\';',
  'elif command -v apk >/dev/null 2>&1; then echo apk; apk info -v 2>/dev/null;',
  "elif command -v rpm >/dev/null 2>&1; then echo rpm; rpm -qa --qf '%{NAME}\\t%{VERSION}-%{RELEASE}\\n';",
  'else echo none; fi',
].join(' ');

export function parsePackageListing(stdout: string): PackageList {
  const [head, ...rest] = stdout.split('\n');
  const manager = head?.trim();
  if (manager !== 'dpkg' && manager !== 'apk' && manager !== 'rpm') return { manager: null, reason: 'no dpkg, apk or rpm in the image' };
  const packages = new Map<string, string>();
  for (const line of rest) {
    if (line.trim() === '') continue;
    const entry = manager === 'apk' ? splitApk(line.trim()) : splitTab(line);
    if (entry !== null) packages.set(entry[0], entry[1]);
  }
  return { manager: manager as PackageManager, packages };
}

function splitTab(line: string): [string, string] | null {
  const tab = line.indexOf('\t');
  return tab <= 0 ? null : [line.slice(0, tab).replace(/:[a-z0-9]+$/, ''), line.slice(tab + 1).trim()];
}

/** `apk info -v` prints `name-version-rRELEASE`; the version starts at the last `-` before a digit that precedes `-r`. */
function splitApk(line: string): [string, string] | null {
  const m = /^(.+?)-(\d[^-]*-r\d+)$/.exec(line);
  return m === null ? null : [m[1]!, m[2]!];
}

export interface PackageDelta {
  readonly lost: readonly string[];
  readonly gained: readonly string[];
}

/** Packages that disappeared and appeared, by name; null when either list is unknown. */
export function packageDelta(before: PackageList, after: PackageList): PackageDelta | null {
  if (before.manager === null || after.manager === null) return null;
  const lost = [...before.packages.keys()].filter((p) => !after.packages.has(p)).sort();
  const gained = [...after.packages.keys()].filter((p) => !before.packages.has(p)).sort();
  return { lost, gained };
}
