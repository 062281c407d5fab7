import { lastLines, type Exec } from '../exec.js';
import type { Builder, BuilderName } from '../types.js';
import { buildahTools, cliBuilder, dockerTools, podmanTools } from './cli.js';

export const BUILDER_NAMES: readonly BuilderName[] = ['docker', 'podman', 'buildah'];

export type BuilderChoice = { readonly ok: true; readonly builder: Builder } | { readonly ok: false; readonly message: string };

const PROBE_TIMEOUT_MS = 15_000;

/** Whether a tool answers, and if not, why (one line). */
async function probe(exec: Exec, name: BuilderName): Promise<string | null> {
  const args: Record<BuilderName, string[]> = {
    docker: ['info', '--format', '{{.ServerVersion}}'],
    podman: ['info', '--format', '{{.Host.OCIRuntime.Name}}'],
    buildah: ['version'],
  };
  const r = await exec(name, args[name], { timeoutMs: PROBE_TIMEOUT_MS });
  if (r.spawnError !== null) return 'not installed';
  if (r.timedOut) return `no answer in ${PROBE_TIMEOUT_MS / 1000} s`;
  if (r.code !== 0) return lastLines(r.stderr || r.stdout, 1) || `exit ${r.code}`;
  return null;
}

/**
 * `--builder` names one; otherwise the first that answers: docker (only when
 * its daemon does), podman, buildah (which runs containers through podman
 * when podman is there).
 */
export async function chooseBuilder(requested: BuilderName | undefined, exec: Exec): Promise<BuilderChoice> {
  const make = async (name: BuilderName): Promise<Builder> => {
    if (name === 'docker') return cliBuilder(dockerTools(), exec);
    if (name === 'podman') return cliBuilder(podmanTools(), exec);
    return cliBuilder(buildahTools((await probe(exec, 'podman')) === null), exec);
  };
  if (requested !== undefined) {
    const problem = await probe(exec, requested);
    if (problem === null) return { ok: true, builder: await make(requested) };
    return { ok: false, message: `--builder ${requested} is not usable: ${problem}${HINT}` };
  }
  const problems: string[] = [];
  for (const name of BUILDER_NAMES) {
    const problem = await probe(exec, name);
    if (problem === null) return { ok: true, builder: await make(name) };
    problems.push(`${name}: ${problem}`);
  }
  return { ok: false, message: `no usable builder (${problems.join('; ')})${HINT}` };
}

const HINT = '. Install one: scripts/setup-images.sh installs buildah and podman on Debian and makes the base images the examples use';
