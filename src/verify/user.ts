import { parseDockerfile } from '../dockerfile/parse.js';
import type { ImageConfig } from './types.js';

export interface UserCheck {
  readonly before: string;
  readonly after: string;
  /** The USER the rewrite put in the final stage, when it changed one; null otherwise. */
  readonly expected: string | null;
  readonly ok: boolean;
}

/** The last USER of the final stage as written, or null. */
export function finalStageUser(text: string): string | null {
  const file = parseDockerfile(text);
  const last = file.stages.at(-1);
  const user = last?.instructions.filter((i) => i.keyword === 'USER').at(-1);
  if (user?.argsSpan == null) return null;
  return file.text.slice(user.argsSpan.start, user.argsSpan.end).trim();
}

/**
 * When the rewrite changed the final stage's USER, the built image must run as
 * that user. A USER that reads a variable cannot be checked from the text.
 */
export function checkUser(originalText: string, rewrittenText: string, before: ImageConfig, after: ImageConfig): UserCheck {
  const wrote = finalStageUser(rewrittenText);
  const changed = wrote !== finalStageUser(originalText);
  const expected = changed && wrote !== null && !wrote.includes('$') ? wrote : null;
  return { before: before.user, after: after.user, expected, ok: expected === null || after.user === expected };
}

/** How the user shows in a report: the image's USER, or root when none is set. */
export function displayUser(user: string): string {
  return user === '' ? 'root (unset)' : user;
}
