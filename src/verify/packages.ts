import type { PackageList, PackageManager } from './types.js';

/**
 * Run by `sh -c` inside the image: names the package manager whose listing
 * works on the first line, then lists `name<TAB>version` (dpkg, rpm) or apk's
 * own `name-version` lines. A tool that is there but cannot list (busybox's
 * `rpm` applet) counts as missing.
 */
export const listPackagesScript = [
  "if command -v dpkg-query >/dev/null 2>&1 && out=$(dpkg-query -W -f '${binary:Package}\\t${Version}\\n' 2>/dev/null); then echo dpkg;",
  'elif command -v apk >/dev/null 2>&1 && out=$(apk info -v 2>/dev/null); then echo apk;',
  "elif command -v rpm >/dev/null 2>&1 && out=$(rpm -qa --qf '%{NAME}\\t%{VERSION}-%{RELEASE}\\n' 2>/dev/null); then echo rpm;",
  'else echo none; out=; fi;',
  'printf "%s\\n" "$out"',
].join(' ');

const NO_LIST = 'no package list (dpkg-query, apk and rpm are missing or list nothing)';

export function parsePackageListing(stdout: string): PackageList {
  const [head, ...rest] = stdout.split('\n');
  const manager = head?.trim();
  if (manager !== 'dpkg' && manager !== 'apk' && manager !== 'rpm') return { manager: null, reason: NO_LIST };
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
