import { DEBIAN_PATTERN, UBUNTU_PATTERN } from './distros.js';
import type { AxisOption, DistroFamily, FactsPatch, TagAxis } from './types.js';

/**
 * Building blocks of tag grammars: the OS tokens and flavours that many
 * repositories share, so each repository's entry stays a short declaration.
 */

export const debianOs = (silent = true): AxisOption => ({
  id: 'debian', pattern: DEBIAN_PATTERN, render: '', silent, release: { from: 'codename', family: 'debian' },
});

export const ubuntuOs = (silent = true): AxisOption => ({
  id: 'ubuntu', pattern: UBUNTU_PATTERN, render: '', silent, release: { from: 'codename', family: 'ubuntu' },
});

/**
 * `alpine`, `alpine3.20`; with `dash`, also `alpine-3.20` (eclipse-temurin's spelling). The Alpine
 * variants of the language images have no compilers, make or -dev headers (`apk add build-base`);
 * `facts` adds what a repository's Alpine variants alone have or lack.
 */
export const alpineOs = (dash = false, facts: FactsPatch = {}): AxisOption => ({
  id: 'alpine', pattern: dash ? 'alpine(?:-?3\\.\\d+)?' : 'alpine(?:3\\.\\d+)?', render: 'alpine', release: { from: 'alpine' }, facts: { buildTools: false, debianPackages: [], ...facts },
});

export const fixedOs = (id: string, pattern: string, family: DistroFamily, name: string, facts?: FactsPatch): AxisOption =>
  facts === undefined
    ? { id, pattern, render: id, release: { from: 'fixed', family, name } }
    : { id, pattern, render: id, release: { from: 'fixed', family, name }, facts };

export const tokenOs = (id: string, pattern: string, family: DistroFamily, aliases: Readonly<Record<string, string>> = {}): AxisOption => ({
  id, pattern, render: id, release: { from: 'token', family, aliases },
});

export const option = (id: string, facts?: FactsPatch, pattern = id): AxisOption =>
  facts === undefined ? { id, pattern, render: id } : { id, pattern, render: id, facts };

export const axis = (name: string, absent: string, options: readonly AxisOption[]): TagAxis => ({ name, absent, options });

/** `-slim`: the same distro release with far fewer packages. */
export const SLIM: FactsPatch = { buildTools: false };

/** The `slim` flavour of images built on Debian: there is no slim Alpine variant. */
export const slimOnDebian = (): AxisOption => ({ ...option('slim', SLIM), onlyWith: { os: ['debian', 'default'] } });

/** The OS axis of images built on Debian or Alpine (python, ruby, node, golang, php…). */
export const debianOrAlpine = (): TagAxis => axis('os', 'default', [debianOs(), alpineOs()]);
