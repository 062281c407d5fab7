import type { PackageMapEntry } from '../types.js';

/** `to` entries read `repository/origin@commit` of the aports APKBUILD that was found. */
export const mapped = (apk: readonly string[], from: string, to: readonly string[], note?: string): PackageMapEntry =>
  note === undefined ? { kind: 'mapped', apk, check: { from, to } } : { kind: 'mapped', apk, check: { from, to }, note };

/** A mapped entry whose Debian package reads configuration where Alpine's does not. */
export const withLayout = (entry: PackageMapEntry, files: readonly string[], reason: string): PackageMapEntry =>
  entry.kind === 'mapped' ? { ...entry, layout: { files, reason } } : entry;

export const droppable = (reason: string, from: string, files?: readonly string[]): PackageMapEntry =>
  files === undefined ? { kind: 'droppable', reason, check: { from, to: [] } } : { kind: 'droppable', reason, check: { from, to: [] }, files };
