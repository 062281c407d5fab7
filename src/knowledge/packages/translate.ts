import type { PackageMapEntry, PackageTranslation } from '../types.js';
import { own } from '../../own.js';
import { APT_TO_APK } from './aptToApk.js';
import { RPM_TO_APK } from './rpmToApk.js';

export type PackageSource = 'apt' | 'rpm';

/**
 * What a Debian/Ubuntu (apt) or RHEL-family (rpm) package is called on Alpine:
 * mapped to apk names, droppable (meaningless on Alpine, with the reason), or
 * unknown (the caller must refuse). An architecture qualifier (`libssl-dev:arm64`)
 * and a version pin (`curl=7.88.1-10`, `curl-7.61.1`) are not understood: unknown.
 */
export function translatePackage(name: string, from: PackageSource): PackageTranslation {
  const table = from === 'apt' ? APT_TO_APK : RPM_TO_APK;
  const entry = own(table, name) ?? (from === 'apt' ? t64Entry(name) : undefined);
  if (entry === undefined) return { kind: 'unknown' };
  if (entry.kind === 'droppable') return { kind: 'droppable', reason: entry.reason };
  return entry.note === undefined ? { kind: 'mapped', apk: entry.apk } : { kind: 'mapped', apk: entry.apk, note: entry.note };
}

/**
 * Debian 13 and Ubuntu 24.04 renamed the libraries whose ABI has time_t by adding \`t64\` (libcurl4 is
 * libcurl4t64, libssl3 libssl3t64): the same library, built with a 64-bit time_t, which Alpine's
 * musl has always used. Such a name reads as the library it renames.
 */
function t64Entry(name: string): PackageMapEntry | undefined {
  if (!name.startsWith('lib') || !name.endsWith('t64')) return undefined;
  const before = name.slice(0, -3);
  return own(APT_TO_APK, before);
}

/** The apt→apk translation. */
export const aptToApk = (name: string): PackageTranslation => translatePackage(name, 'apt');

/** The rpm→apk translation (yum, dnf, microdnf). */
export const rpmToApk = (name: string): PackageTranslation => translatePackage(name, 'rpm');

/**
 * The package a path belongs to when Alpine has no such file: one the switch drops (a command that
 * reads or edits \`/etc/locale.gen\` fails after the switch, whether or not the package is installed),
 * or one of \`installed\` whose Debian package reads its configuration where Alpine's does not
 * (nginx's sites-enabled/: a file put there is ignored, one removed there is not found).
 */
export function debianOnlyFile(path: string, from: PackageSource, installed: ReadonlySet<string> = new Set()): { readonly package: string; readonly file: string; readonly reason: string } | null {
  const table = from === 'apt' ? APT_TO_APK : RPM_TO_APK;
  const under = (f: string) => (f.endsWith('/') ? path === f.slice(0, -1) || path.startsWith(f) : path === f);
  for (const [name, entry] of Object.entries(table) as [string, PackageMapEntry][]) {
    const files = entry.kind === 'droppable' ? entry.files : installed.has(name) ? entry.layout?.files : undefined;
    const file = files?.find(under);
    if (file === undefined) continue;
    return { package: name, file, reason: entry.kind === 'droppable' ? entry.reason : entry.layout!.reason };
  }
  return null;
}
