import { dockerHubPath } from './identify.js';
import { officialLibrary, SOURCES } from './sources.js';
import type { ImageRef } from '../dockerfile/imageRef.js';
import type { Source } from './types.js';

/**
 * Docker Hub namespaces that hold the official images built for one architecture (`arm64v8/python` is
 * `python` for 64-bit Arm only), with the platform each is, as `docker build --platform` and
 * `FROM --platform` write it (Docker reads `linux/arm64` and bashbrew's `linux/arm64/v8` as one).
 */
export const ARCH_NAMESPACES: Readonly<Record<string, string>> = {
  amd64: 'linux/amd64',
  arm32v5: 'linux/arm/v5',
  arm32v6: 'linux/arm/v6',
  arm32v7: 'linux/arm/v7',
  arm64v8: 'linux/arm64',
  i386: 'linux/386',
  mips64le: 'linux/mips64le',
  ppc64le: 'linux/ppc64le',
  riscv64: 'linux/riscv64',
  s390x: 'linux/s390x',
  'windows-amd64': 'windows/amd64',
};

/** The architectures Alpine is published for (library/alpine's `Architectures`): not arm32v5, mips64le or Windows. */
export const ALPINE_ARCHITECTURES: ReadonlySet<string> = new Set(['amd64', 'arm32v6', 'arm32v7', 'arm64v8', 'i386', 'ppc64le', 'riscv64', 's390x']);

export const ARCHITECTURE_SOURCES: readonly Source[] = [SOURCES.bashbrewArchitectures, officialLibrary('alpine')];

/** The architecture namespace of a Docker Hub reference (`arm64v8/python:3.12`) and its platform, or null. */
export function archNamespace(ref: Pick<ImageRef, 'registry' | 'name'>): { readonly namespace: string; readonly platform: string } | null {
  const parts = dockerHubPath(ref)?.split('/') ?? [];
  const namespace = parts[0];
  if (parts.length !== 2 || namespace === undefined || !Object.hasOwn(ARCH_NAMESPACES, namespace)) return null;
  return { namespace, platform: ARCH_NAMESPACES[namespace]! };
}
