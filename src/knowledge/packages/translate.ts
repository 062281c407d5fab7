import type { PackageTranslation } from '../types.js';
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
  const entry = Object.hasOwn(table, name) ? table[name] : undefined;
  if (entry === undefined) return { kind: 'unknown' };
  if (entry.kind === 'droppable') return { kind: 'droppable', reason: entry.reason };
  return entry.note === undefined ? { kind: 'mapped', apk: entry.apk } : { kind: 'mapped', apk: entry.apk, note: entry.note };
}

/** The apt→apk translation. */
export const aptToApk = (name: string): PackageTranslation => translatePackage(name, 'apt');

/** The rpm→apk translation (yum, dnf, microdnf). */
export const rpmToApk = (name: string): PackageTranslation => translatePackage(name, 'rpm');
