import { DISTROLESS_IMAGES } from './distroless.js';
import { REPOSITORIES } from './identify.js';
import { MUSL_TROUBLE } from './musl.js';
import { APT_TO_APK } from './packages/aptToApk.js';
import { RPM_TO_APK } from './packages/rpmToApk.js';
import type { RepositoryEntry } from './types.js';

/** One row per repository the base identifies, for `dockshift --list-images`. */
export interface CoverageRow {
  readonly repository: string;
  readonly variants: string;
  readonly defaultRelease: string;
  readonly siblings: string;
  readonly source: string;
}

export function coverageRows(): CoverageRow[] {
  // Distroless has its own section: one repository per runtime and Debian release.
  return REPOSITORIES.filter((r) => r.registry !== 'gcr.io').map((r) => ({
    repository: r.registry === null ? r.name : `${r.registry}/${r.path}`,
    variants: variantsOf(r),
    defaultRelease: defaultOf(r),
    siblings: [...new Set(r.siblings.map((s) => s.kind))].join(', ') || '-',
    source: r.sources[0]!.url,
  }));
}

function variantsOf(r: RepositoryEntry): string {
  const parts = r.axes.filter((a) => a.name !== 'arch' && a.name !== 'date').map((a) => a.options.map((o) => o.id).join('|'));
  return parts.join(' · ') || '-';
}

function defaultOf(r: RepositoryEntry): string {
  if (r.versionRelease !== undefined) return 'named by the tag';
  const rules = r.defaults.filter((d) => d.family !== 'alpine' && d.release !== null);
  const today = rules.length === 0 ? 'not recorded' : rules.map((d) => `${d.release} (${d.versions.join(' ')})`).join('; ');
  return r.history === undefined ? today : `${today}; older versions: as built (history.ts)`;
}

/** The printable table: repositories, then distroless, package maps and musl notes. */
export function coverageTable(): string {
  const rows = coverageRows();
  const header: CoverageRow = { repository: 'repository', variants: 'tag parts', defaultRelease: 'release without an OS in the tag', siblings: 'siblings', source: 'source' };
  const cols = ['repository', 'variants', 'defaultRelease', 'siblings'] as const;
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(...[header, ...rows].map((row) => row[c].length))])) as Record<(typeof cols)[number], number>;
  const line = (row: CoverageRow): string => cols.map((c, i) => (i === cols.length - 1 ? row[c] : row[c].padEnd(width[c]))).join('  ').trimEnd();
  const out = [line(header), ...rows.map(line), ''];
  out.push('distroless (gcr.io/distroless):');
  for (const d of DISTROLESS_IMAGES) {
    const entry = d.entrypoint === null ? 'no entrypoint' : `ENTRYPOINT ${JSON.stringify(d.entrypoint)}`;
    out.push(`  ${d.repository.replace('gcr.io/distroless/', '').padEnd(22)}  libc ${d.libc.padEnd(5)}  ${entry}${d.status === 'no-longer-built' ? '  (no longer rebuilt)' : ''}`);
  }
  out.push('  tags: latest, nonroot (uid 65532), debug (busybox shell), debug-nonroot', '');
  const count = (t: Readonly<Record<string, { kind: string }>>, kind: string): number => Object.values(t).filter((e) => e.kind === kind).length;
  out.push(`package maps: apt → apk ${Object.keys(APT_TO_APK).length} names (${count(APT_TO_APK, 'mapped')} mapped, ${count(APT_TO_APK, 'droppable')} droppable; a library's t64 name, Debian 13's and Ubuntu 24.04's, as the library); rpm → apk ${Object.keys(RPM_TO_APK).length} names (${count(RPM_TO_APK, 'mapped')} mapped, ${count(RPM_TO_APK, 'droppable')} droppable)`);
  out.push(`trouble on musl: ${MUSL_TROUBLE.map((m) => m.name).join(', ')}`);
  out.push('registries: Docker Hub (name, library/name, docker.io/…, index.docker.io/…; oven/bun, continuumio/miniconda3, opensuse/leap), mcr.microsoft.com/dotnet, gcr.io/distroless, registry.access.redhat.com and registry.redhat.io (UBI), registry.fedoraproject.org, registry.opensuse.org, container-registry.oracle.com/os/oraclelinux; anything else is unknown');
  return `${out.join('\n')}\n`;
}
