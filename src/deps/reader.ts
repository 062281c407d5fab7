/**
 * Collects the manifest set of a dependency install from the build context: the files
 * it must have, the ones it reads when they are there, and what it writes. Every path
 * is relative to the context root; a file counts only when `COPY .` would send it.
 */
import * as path from 'node:path';
import type { BuildContext } from '../engine/context.js';

export type ManifestProblemCode = 'manifest-missing' | 'unreadable-manifest' | 'install-needs-source' | 'local-dependency' | 'lifecycle-scripts' | 'install-location';

export interface ManifestProblem {
  readonly ok: false;
  readonly code: ManifestProblemCode;
  readonly reason: string;
}

export interface ManifestSet {
  readonly ok: true;
  /** Files and folders the install reads, in the order found, without duplicates. */
  readonly files: readonly string[];
  /** What the install creates below the project: `COPY .` must not bring its own copy afterwards. */
  readonly outputs: readonly string[];
}

export const problem = (code: ManifestProblemCode, reason: string): ManifestProblem => ({ ok: false, code, reason });

/** `dir` joined with `rel`, normalised, `.` for the root. */
export function under(dir: string, rel: string): string {
  const p = path.posix.normalize(path.posix.join(dir, rel)).replace(/\/+$/, '');
  return p === '' ? '.' : p;
}

export class ManifestReader {
  private readonly files: string[] = [];
  private readonly outputs: string[] = [];

  constructor(readonly ctx: BuildContext) {}

  /** A file the install cannot run without. */
  need(p: string): ManifestProblem | null {
    if (p === '.' || p.startsWith('../')) return problem('install-location', `${p} is outside the copied folder`);
    if (!this.ctx.exists(p)) return problem('manifest-missing', `${p} is not in the build context`);
    if (!this.ctx.sends(p)) return problem('manifest-missing', `the .dockerignore leaves ${p} out of the build context`);
    this.add(p);
    return null;
  }

  /** A file or folder the install reads when it is there. */
  maybe(p: string): boolean {
    if (!this.ctx.sends(p)) return false;
    this.add(p);
    return true;
  }

  /** Something the install writes below the project. */
  output(p: string): void {
    if (!this.outputs.includes(p)) this.outputs.push(p);
  }

  /** The text of a manifest already needed. */
  text(p: string): string | ManifestProblem {
    const text = this.ctx.read(p);
    return text ?? problem('unreadable-manifest', `${p} cannot be read as text`);
  }

  json(p: string): Record<string, unknown> | ManifestProblem {
    const text = this.text(p);
    if (typeof text !== 'string') return text;
    try {
      const value: unknown = JSON.parse(text);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // Reported below.
    }
    return problem('unreadable-manifest', `${p} is not a JSON object`);
  }

  done(): ManifestSet {
    return { ok: true, files: [...this.files], outputs: [...this.outputs] };
  }

  private add(p: string): void {
    if (!this.files.includes(p)) this.files.push(p);
  }
}

export function isProblem<T>(value: T | ManifestProblem): value is ManifestProblem {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}

/**
 * Folders of the context matching a workspace pattern (`packages/*`, `apps/**`, `tools/cli`):
 * `*` is one folder level, `**` any number. Null for patterns with other glob syntax.
 */
export function matchFolders(ctx: BuildContext, base: string, pattern: string): string[] | null {
  const parts = pattern.replace(/^\.\//, '').replace(/\/+$/, '').split('/');
  if (parts.some((s) => s === '..' || (/[?[\]{}!]/.test(s)) || (s.includes('*') && s !== '*' && s !== '**'))) return null;
  let current = [base];
  for (const part of parts) {
    const next: string[] = [];
    for (const dir of current) {
      if (part === '*') next.push(...subfolders(ctx, dir));
      else if (part === '**') next.push(dir, ...descendants(ctx, dir));
      else if (ctx.kind(under(dir, part)) === 'dir') next.push(under(dir, part));
    }
    current = [...new Set(next)];
  }
  return current.filter((d) => d !== base || parts.every((s) => s === '**'));
}

function subfolders(ctx: BuildContext, dir: string): string[] {
  return (ctx.list(dir) ?? []).filter((e) => e.kind === 'dir' && path.posix.basename(e.path) !== 'node_modules' && !path.posix.basename(e.path).startsWith('.')).map((e) => e.path);
}

function descendants(ctx: BuildContext, dir: string): string[] {
  const out: string[] = [];
  const queue = [dir];
  while (queue.length > 0 && out.length < 10_000) {
    for (const d of subfolders(ctx, queue.shift()!)) {
      out.push(d);
      queue.push(d);
    }
  }
  return out;
}
